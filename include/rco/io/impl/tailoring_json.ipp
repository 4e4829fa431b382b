#pragma once

#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/ranges.hpp"
#include "rco/io/tailoring_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>

namespace rco::io {

std::optional<tailoring_file> read_tailoring_json(std::string_view text, std::string_view file_name,
                                                  const catalog& cat, std::vector<diagnostic>& diags) {
    const std::string file(file_name);
    auto doc = parse_json(text, file, diags);
    if (!doc)
        return std::nullopt;
    detail::rules_reader r(text, file, diags);
    if (!doc->is_object()) {
        r.error("", "expected a JSON object with \"format\": \"rco-tailoring/1\"");
        return std::nullopt;
    }
    const auto& root = doc->get_object();
    tailoring_file out;
    auto& t = out.tailoring;
    r.check_format(root, "rco-tailoring/1");
    for (const auto& kv : root) {
        static constexpr std::string_view known[] = {"format", "profile", "levels", "parameters", "not_applicable",
                                                     "waivers", "description", "accreditation"};
        if (std::find(std::begin(known), std::end(known), kv.key()) == std::end(known))
            r.error("/" + detail::escape_pointer_token(kv.key()), "unknown field \"" + std::string(kv.key()) +
                                                     "\" (expected profile, levels, parameters, not_applicable, waivers or accreditation)");
    }
    if (root.contains("profile")) {
        auto name = r.text(root, "profile", "");
        if (!name.empty() && !cat.find_profile(name))
            r.error("/profile", "unknown profile \"" + name + "\"");
        out.profile = name;
    }
    auto check_id = [&](std::string_view id, const std::string& ptr) -> const check_info* {
        const auto* c = cat.find_check(id);
        if (!c)
            r.error(ptr, "unknown check \"" + std::string(id) + "\" ('rco-audit rules' lists them)");
        return c;
    };
    if (const auto* levels = r.object(r.member(root, "levels", "", false), "/levels"))
        for (const auto& kv : *levels) {
            const std::string ptr = "/levels/" + detail::escape_pointer_token(kv.key());
            const auto* c = check_id(kv.key(), ptr);
            auto l = kv.value().is_string() ? parse_level(kv.value().get_string()) : std::nullopt;
            if (!l)
                r.error(ptr, "expected \"required\" or \"recommended\"");
            else if (c)
                t.levels[c->id] = *l;
        }
    if (const auto* params = r.object(r.member(root, "parameters", "", false), "/parameters"))
        for (const auto& kv : *params) {
            const std::string ptr = "/parameters/" + detail::escape_pointer_token(kv.key());
            const auto* c = check_id(kv.key(), ptr);
            const auto* values = r.object(&kv.value(), ptr);
            if (!c || !values)
                continue;
            for (const auto& pv : *values) {
                const std::string pp = ptr + "/" + detail::escape_pointer_token(pv.key());
                const auto* spec = c->find_parameter(pv.key());
                if (!spec) {
                    std::string names;
                    for (const auto& p : c->parameters)
                        names += (names.empty() ? "" : ", ") + p.name;
                    r.error(pp, c->id + " has no parameter \"" + std::string(pv.key()) + "\"" +
                                    (names.empty() ? std::string(" (it has none)") : " (it has: " + names + ")"));
                    continue;
                }
                auto v = r.value_of(pv.value(), spec->type, pp);
                if (!v)
                    continue;
                if (spec->type == parameter_type::enumeration &&
                    std::find(spec->values.begin(), spec->values.end(), std::get<std::string>(*v)) ==
                        spec->values.end())
                    r.error(pp, "expected one of " + describe(spec->values));
                else if (spec->type == parameter_type::integer &&
                         ((spec->min && std::get<std::int64_t>(*v) < *spec->min) ||
                          (spec->max && std::get<std::int64_t>(*v) > *spec->max)))
                    r.error(pp, "expected a whole number from " + std::to_string(spec->min.value_or(0)) + " to " +
                                    std::to_string(spec->max.value_or(INT64_MAX)));
                else
                    t.parameters[c->id][spec->name] = *v;
            }
        }
    if (const auto* na = r.object(r.member(root, "not_applicable", "", false), "/not_applicable"))
        for (const auto& kv : *na) {
            const std::string ptr = "/not_applicable/" + detail::escape_pointer_token(kv.key());
            const auto* c = check_id(kv.key(), ptr);
            if (!kv.value().is_string() || kv.value().get_string().empty())
                r.error(ptr, "a check marked not applicable needs the reason, as text");
            else if (c)
                t.not_applicable[c->id] = std::string(kv.value().get_string());
        }
    if (const auto* waivers = r.array(r.member(root, "waivers", "", false), "/waivers"))
        for (std::size_t i = 0; i < waivers->size(); ++i) {
            const std::string ptr = "/waivers/" + std::to_string(i);
            const auto* w = r.object(&(*waivers)[i], ptr);
            if (!w)
                continue;
            waiver wv;
            auto id = r.text(*w, "check", ptr);
            wv.justification = r.text(*w, "justification", ptr);
            wv.approved_by = r.text(*w, "approved_by", ptr);
            auto expires = r.text(*w, "expires", ptr);
            const auto* c = id.empty() ? nullptr : check_id(id, ptr + "/check");
            auto d = parse_date(expires);
            if (!expires.empty() && !d)
                r.error(ptr + "/expires", "expected a date as YYYY-MM-DD, got \"" + expires + "\"");
            if (w->contains("justification") && wv.justification.empty())
                r.error(ptr + "/justification", "a waiver needs a justification");
            if (w->contains("approved_by") && wv.approved_by.empty())
                r.error(ptr + "/approved_by", "a waiver needs the name of who approved it");
            if (c && d) {
                wv.check_id = c->id;
                wv.expires = *d;
                t.waivers.push_back(std::move(wv));
            }
        }
    if (const auto* acc = r.object(r.member(root, "accreditation", "", false), "/accreditation"))
        for (const auto& kv : *acc) {
            const std::string ptr = "/accreditation/" + detail::escape_pointer_token(kv.key());
            const auto* spec = cat.accreditation.find_parameter(kv.key());
            if (!spec) {
                std::string names;
                for (const auto& p : cat.accreditation.parameters)
                    names += (names.empty() ? "" : ", ") + p.name;
                r.error(ptr, "unknown accreditation parameter \"" + std::string(kv.key()) + "\" (known: " + names + ")");
                continue;
            }
            auto v = r.value_of(kv.value(), spec->type, ptr);
            if (v && spec->type == parameter_type::integer &&
                ((spec->min && std::get<std::int64_t>(*v) < *spec->min) ||
                 (spec->max && std::get<std::int64_t>(*v) > *spec->max)))
                r.error(ptr, range_message({spec->min.value_or(INT64_MIN), spec->max.value_or(INT64_MAX)},
                                           std::get<std::int64_t>(*v)));
            else if (v)
                t.accreditation[spec->name] = *v;
        }
    if (!r.ok)
        return std::nullopt;
    return out;
}

} // namespace rco::io
