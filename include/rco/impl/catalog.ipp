#pragma once

#include "rco/catalog.hpp"
#include "rco/checks/context.hpp"
#include "rco/diagnostic.hpp"
#include "rco/result.hpp"

#include <stdexcept>

namespace rco {

std::string_view to_string(level l) noexcept { return l == level::required ? "required" : "recommended"; }

std::optional<level> parse_level(std::string_view s) noexcept {
    if (s == "required")
        return level::required;
    if (s == "recommended")
        return level::recommended;
    return std::nullopt;
}

std::string_view to_string(parameter_type t) noexcept {
    switch (t) {
    case parameter_type::integer: return "integer";
    case parameter_type::boolean: return "boolean";
    case parameter_type::enumeration: return "enum";
    case parameter_type::string_list: return "string_list";
    }
    return "integer";
}

std::string describe(const parameter_value& v) {
    struct visitor {
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const std::vector<std::string>& l) const {
            std::string out = "[";
            for (std::size_t i = 0; i < l.size(); ++i)
                out += (i ? ", " : "") + l[i];
            return out + "]";
        }
    };
    return std::visit(visitor{}, v);
}

const parameter_spec* check_info::find_parameter(std::string_view name) const noexcept {
    for (const auto& p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

const check_info* catalog::find_check(std::string_view id) const noexcept {
    for (const auto& c : checks)
        if (c.id == id || c.slug == id)
            return &c;
    return nullptr;
}

const profile* catalog::find_profile(std::string_view name) const noexcept {
    for (const auto& p : profiles)
        if (p.name == name)
            return &p;
    return nullptr;
}

const language_table* catalog::language_for(std::string_view tag) const noexcept {
    const auto primary = tag.substr(0, tag.find('-'));
    if (primary.size() < 2 || primary.size() > 8)
        return nullptr;
    char lower[8];
    for (std::size_t i = 0; i < primary.size(); ++i)
        lower[i] = static_cast<char>(primary[i] >= 'A' && primary[i] <= 'Z' ? primary[i] - 'A' + 'a' : primary[i]);
    const std::string_view key(lower, primary.size());
    if (key == "en")
        return &language;
    const auto it = languages.find(key);
    return it == languages.end() ? nullptr : &it->second;
}

const standard_info* catalog::find_standard(int number) const noexcept {
    for (const auto& s : standards)
        if (s.number == number)
            return &s;
    return nullptr;
}

std::string_view to_string(status s) noexcept {
    switch (s) {
    case status::pass: return "pass";
    case status::fail: return "fail";
    case status::insufficient_evidence: return "insufficient_evidence";
    case status::manual_review: return "manual_review";
    case status::not_applicable: return "not_applicable";
    case status::waived: return "waived";
    }
    return "fail";
}

std::string_view to_string(standard_outcome s) noexcept {
    switch (s) {
    case standard_outcome::met: return "met";
    case standard_outcome::not_met: return "not_met";
    case standard_outcome::incomplete: return "incomplete";
    }
    return "incomplete";
}

std::string_view to_string(overall_outcome s) noexcept {
    switch (s) {
    case overall_outcome::meets_standards: return "meets_standards";
    case overall_outcome::does_not_meet: return "does_not_meet";
    case overall_outcome::incomplete: return "incomplete";
    }
    return "incomplete";
}

namespace {
const std::string no_text;
const std::vector<std::string> no_list;
} // namespace

std::string check_result::explanation(const message_language& lang) const {
    return render(message, lang);
}

const std::string& check_result::title() const noexcept { return info ? info->title : no_text; }
const std::string& check_result::question() const noexcept { return info ? info->question : no_text; }
const std::string& check_result::remediation() const noexcept { return info ? info->remediation : no_text; }
const std::vector<std::string>& check_result::evidence() const noexcept { return info ? info->evidence : no_list; }

std::string_view language_finding::term_id() const noexcept {
    return term ? std::string_view(term->id) : std::string_view();
}
const std::vector<std::string>& language_finding::alternatives() const noexcept {
    return term ? term->alternatives : no_list;
}
const std::vector<std::string>& language_finding::sources() const noexcept { return term ? term->sources : no_list; }

const check_result* audit_result::find_check(std::string_view id) const noexcept {
    for (const auto& c : checks)
        if (c.id == id || c.slug == id)
            return &c;
    return nullptr;
}

namespace {
template <class T>
const T& parameter_as(const parameter_set& params, std::string_view name, const char* type) {
    auto it = params.find(name);
    if (it == params.end())
        throw std::logic_error("check reads parameter '" + std::string(name) + "' that the catalog does not define");
    if (const T* v = std::get_if<T>(&it->second))
        return *v;
    throw std::logic_error("parameter '" + std::string(name) + "' is not " + type);
}
} // namespace

std::int64_t check_context::integer(std::string_view name) const {
    return parameter_as<std::int64_t>(params, name, "an integer");
}
bool check_context::boolean(std::string_view name) const { return parameter_as<bool>(params, name, "a boolean"); }
const std::string& check_context::word(std::string_view name) const {
    return parameter_as<std::string>(params, name, "a word");
}
const std::vector<std::string>& check_context::list(std::string_view name) const {
    return parameter_as<std::vector<std::string>>(params, name, "a list");
}

} // namespace rco
