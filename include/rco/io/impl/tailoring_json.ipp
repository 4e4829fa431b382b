#pragma once

#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/ranges.hpp"
#include "rco/io/tailoring_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>

namespace rco::io {

namespace detail {
constexpr message_def tailoring_unknown_profile{"reader.tailoring.unknown_profile", "unknown profile \"{name}\""};
constexpr message_def tailoring_ein{"reader.tailoring.ein", "expected an EIN as NN-NNNNNNN, got \"{value}\""};
constexpr message_def tailoring_empty_name{"reader.tailoring.empty_name",
                                           "expected the organization's name, got an empty one"};
constexpr message_def tailoring_name_organization{"reader.tailoring.name_organization",
                                                  "name the organization by \"ein\" (and \"name\" as a fallback)"};
constexpr message_def tailoring_no_parameters{"reader.tailoring.no_parameters",
                                              "{check} has no parameter \"{name}\" (it has none)"};
constexpr message_def tailoring_no_parameter{"reader.tailoring.no_parameter",
                                             "{check} has no parameter \"{name}\" (it has: {names})"};
constexpr message_def tailoring_one_of{"reader.tailoring.one_of", "expected one of {choices}"};
constexpr message_def tailoring_whole_range{"reader.tailoring.whole_range", "expected a whole number from {min} to {max}"};
constexpr message_def tailoring_reason{"reader.tailoring.reason", "a check marked not applicable needs the reason, as text"};
constexpr message_def tailoring_missing_organization{
    "reader.tailoring.missing_organization",
    "missing \"organization\" (or give the reason alone, as text, for every organization)"};
constexpr message_def tailoring_empty_list{
    "reader.tailoring.empty_list",
    "an empty list: give the reason as text, or one {{\"reason\", \"organization\"}} per organization"};
constexpr message_def tailoring_date{"reader.tailoring.date", "expected a date as YYYY-MM-DD, got \"{value}\""};
constexpr message_def tailoring_justification{"reader.tailoring.justification", "a waiver needs a justification"};
constexpr message_def tailoring_approved_by{"reader.tailoring.approved_by", "a waiver needs the name of who approved it"};
constexpr message_def tailoring_unknown_accreditation{"reader.tailoring.unknown_accreditation",
                                                      "unknown accreditation parameter \"{name}\" (known: {names})"};
} // namespace detail

std::optional<tailoring_file> read_tailoring_json(std::string_view text, std::string_view file_name,
                                                  const catalog& cat, std::vector<diagnostic>& diags) {
    const std::string file(file_name);
    auto doc = parse_json(text, file, diags);
    if (!doc)
        return std::nullopt;
    detail::rules_reader r(text, file, diags);
    if (!doc->is_object()) {
        r.error("", detail::rules_expected_format_object, {{"format", std::string("rco-tailoring/1")}});
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
            r.error("/" + detail::escape_pointer_token(kv.key()), detail::rules_unknown_field,
                    {{"key", std::string(kv.key())},
                     {"fields", std::vector<std::string>{"profile", "levels", "parameters", "not_applicable", "waivers", "accreditation"}, list_style::or_}});
    }
    if (root.contains("profile")) {
        auto name = r.text(root, "profile", "");
        if (!name.empty() && !cat.find_profile(name))
            r.error("/profile", detail::tailoring_unknown_profile, {{"name", name}});
        out.profile = name;
    }
    // "organization": {"ein": "41-1234567", "name": "Harbor Recovery Community"}: the
    // applicant an entry is for. The EIN is how it is matched; the name is the fallback.
    auto applicant_of = [&](const boost::json::object& entry, const std::string& ptr) -> std::optional<applicant> {
        const auto* v = r.member(entry, "organization", ptr, false);
        if (!v)
            return std::nullopt;
        const std::string optr = ptr + "/organization";
        const auto* o = r.object(v, optr);
        if (!o)
            return std::nullopt;
        for (const auto& kv : *o)
            if (kv.key() != "ein" && kv.key() != "name")
                r.error(optr + "/" + detail::escape_pointer_token(kv.key()), detail::rules_unknown_field,
                        {{"key", std::string(kv.key())}, {"fields", std::vector<std::string>{"ein", "name"}, list_style::or_}});
        applicant a;
        a.ein = r.text(*o, "ein", optr, false);
        a.name = r.text(*o, "name", optr, false);
        // As the schema says: NN-NNNNNNN, the hyphen optional.
        const bool ein_form = (a.ein.size() == 9 || (a.ein.size() == 10 && a.ein[2] == '-')) &&
                              rco::detail::ein_key(a.ein).size() == 9;
        if (o->contains("ein") && o->at("ein").is_string() && !ein_form)
            r.error(optr + "/ein", detail::tailoring_ein, {{"value", a.ein}});
        if (o->contains("name") && o->at("name").is_string() && rco::detail::name_key(a.name).empty())
            r.error(optr + "/name", detail::tailoring_empty_name);
        if (a.ein.empty() && a.name.empty()) {
            if (!o->contains("ein") && !o->contains("name"))
                r.error(optr, detail::tailoring_name_organization);
            return std::nullopt;
        }
        out.organization_entries.push_back({optr, 0, 0, a});
        return a;
    };
    auto check_id = [&](std::string_view id, const std::string& ptr) -> const check_info* {
        const auto* c = cat.find_check(id);
        if (!c)
            r.error(ptr, detail::rules_unknown_check_listed, {{"id", std::string(id)}});
        return c;
    };
    if (const auto* levels = r.object(r.member(root, "levels", "", false), "/levels"))
        for (const auto& kv : *levels) {
            const std::string ptr = "/levels/" + detail::escape_pointer_token(kv.key());
            const auto* c = check_id(kv.key(), ptr);
            auto l = kv.value().is_string() ? parse_level(kv.value().get_string()) : std::nullopt;
            if (!l)
                r.error(ptr, detail::rules_level);
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
                    std::vector<std::string> names;
                    for (const auto& p : c->parameters)
                        names.push_back(p.name);
                    const auto& def = names.empty() ? detail::tailoring_no_parameters : detail::tailoring_no_parameter;
                    r.error(pp, def,
                            {{"check", c->id},
                             {"name", std::string(pv.key())},
                             {"names", std::move(names), list_style::commas}});
                    continue;
                }
                auto v = r.value_of(pv.value(), spec->type, pp);
                if (!v)
                    continue;
                if (spec->type == parameter_type::enumeration &&
                    std::find(spec->values.begin(), spec->values.end(), std::get<std::string>(*v)) ==
                        spec->values.end())
                    r.error(pp, detail::tailoring_one_of, {{"choices", describe(spec->values)}});
                else if (spec->type == parameter_type::integer &&
                         ((spec->min && std::get<std::int64_t>(*v) < *spec->min) ||
                          (spec->max && std::get<std::int64_t>(*v) > *spec->max)))
                    r.error(pp, detail::tailoring_whole_range,
                            {{"min", spec->min.value_or(0)}, {"max", spec->max.value_or(INT64_MAX)}});
                else
                    t.parameters[c->id][spec->name] = *v;
            }
        }
    if (const auto* na = r.object(r.member(root, "not_applicable", "", false), "/not_applicable"))
        for (const auto& kv : *na) {
            const std::string ptr = "/not_applicable/" + detail::escape_pointer_token(kv.key());
            const auto* c = check_id(kv.key(), ptr);
            // "S4.4": "reason" for every organization; {"reason": …, "organization": {…}}
            // for one; a list of such objects for several, each with its own reason.
            auto for_one = [&](const boost::json::value& v, const std::string& eptr) {
                const auto* o = r.object(&v, eptr);
                if (!o)
                    return;
                for (const auto& f : *o)
                    if (f.key() != "reason" && f.key() != "organization")
                        r.error(eptr + "/" + detail::escape_pointer_token(f.key()), detail::rules_unknown_field,
                                {{"key", std::string(f.key())}, {"fields", std::vector<std::string>{"reason", "organization"}, list_style::and_}});
                auto reason = r.text(*o, "reason", eptr);
                if (o->contains("reason") && reason.empty())
                    r.error(eptr + "/reason", detail::tailoring_reason);
                auto who = applicant_of(*o, eptr);
                if (!o->contains("organization"))
                    r.error(eptr, detail::tailoring_missing_organization);
                if (c && who && !reason.empty())
                    t.not_applicable_for.push_back({c->id, std::move(reason), std::move(*who)});
            };
            if (kv.value().is_array()) {
                const auto& list = kv.value().get_array();
                if (list.empty())
                    r.error(ptr, detail::tailoring_empty_list);
                for (std::size_t i = 0; i < list.size(); ++i)
                    for_one(list[i], ptr + "/" + std::to_string(i));
            } else if (kv.value().is_object()) {
                for_one(kv.value(), ptr);
            } else if (!kv.value().is_string() || kv.value().get_string().empty()) {
                r.error(ptr, detail::tailoring_reason);
            } else if (c) {
                t.not_applicable[c->id] = std::string(kv.value().get_string());
            }
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
            for (const auto& f : *w) {
                static constexpr std::string_view fields[] = {"check", "justification", "approved_by", "expires",
                                                              "organization"};
                if (std::find(std::begin(fields), std::end(fields), f.key()) == std::end(fields))
                    r.error(ptr + "/" + detail::escape_pointer_token(f.key()), detail::rules_unknown_field,
                            {{"key", std::string(f.key())},
                             {"fields", std::vector<std::string>{"check", "justification", "approved_by", "expires", "organization"}, list_style::or_}});
            }
            wv.for_applicant = applicant_of(*w, ptr);
            const auto* c = id.empty() ? nullptr : check_id(id, ptr + "/check");
            auto d = parse_date(expires);
            if (!expires.empty() && !d)
                r.error(ptr + "/expires", detail::tailoring_date, {{"value", expires}});
            if (w->contains("justification") && wv.justification.empty())
                r.error(ptr + "/justification", detail::tailoring_justification);
            if (w->contains("approved_by") && wv.approved_by.empty())
                r.error(ptr + "/approved_by", detail::tailoring_approved_by);
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
                std::vector<std::string> names;
                for (const auto& p : cat.accreditation.parameters)
                    names.push_back(p.name);
                r.error(ptr, detail::tailoring_unknown_accreditation,
                        {{"name", std::string(kv.key())}, {"names", std::move(names), list_style::commas}});
                continue;
            }
            auto v = r.value_of(kv.value(), spec->type, ptr);
            if (v && spec->type == parameter_type::integer &&
                ((spec->min && std::get<std::int64_t>(*v) < *spec->min) ||
                 (spec->max && std::get<std::int64_t>(*v) > *spec->max)))
                r.error(ptr, range_problem({spec->min.value_or(INT64_MIN), spec->max.value_or(INT64_MAX)},
                                           std::get<std::int64_t>(*v)));
            else if (v)
                t.accreditation[spec->name] = *v;
        }
    if (!r.ok)
        return std::nullopt;
    // Where each per-organization entry is, for the warning about one that no record of a
    // batch is for (the command line's, once every record is read).
    std::vector<std::string> pointers;
    for (const auto& e : out.organization_entries)
        pointers.push_back(e.pointer);
    const auto where = locate_json_pointers(text, pointers);
    for (std::size_t i = 0; i < where.size() && i < out.organization_entries.size(); ++i) {
        out.organization_entries[i].line = where[i].first;
        out.organization_entries[i].column = where[i].second;
    }
    return out;
}

} // namespace rco::io
