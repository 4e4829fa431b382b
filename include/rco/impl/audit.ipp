#pragma once

#include "rco/arithmetic.hpp"
#include "rco/audit.hpp"
#include "rco/checks/registry.hpp"
#include "rco/checks/support.hpp"

#include <algorithm>
#include <memory>

namespace rco {

namespace {

inline constexpr rco::message_def tailored_not_applicable{"audit.tailored_not_applicable",
                                                     "Marked not applicable by tailoring: {reason}"};
inline constexpr rco::message_def tailored_not_applicable_for{
    "audit.tailored_not_applicable_for", "Marked not applicable for this organization ({applicant}) by tailoring: {reason}"};

// The tailoring choices every report echoes.
inline constexpr rco::message_def tailoring_level{"tailoring.level", "level set to {level}"};
inline constexpr rco::message_def tailoring_parameter{"tailoring.parameter", "parameter {name} set to {value}"};
inline constexpr rco::message_def tailoring_not_applicable{"tailoring.not_applicable",
                                                           "marked not applicable: {reason}"};
inline constexpr rco::message_def tailoring_not_applicable_for{
    "tailoring.not_applicable_for", "marked not applicable for this organization ({applicant}): {reason}"};
inline constexpr rco::message_def tailoring_waiver_expired{
    "tailoring.waiver_expired", "waiver approved by {approver} expired on {expires} and was not applied"};
inline constexpr rco::message_def tailoring_waiver_expired_for{
    "tailoring.waiver_expired_for",
    "waiver for this organization ({applicant}) approved by {approver} expired on {expires} and was not applied"};
inline constexpr rco::message_def tailoring_waived{"tailoring.waived",
                                                   "waived until {expires}, approved by {approver}: {justification}"};
inline constexpr rco::message_def tailoring_waived_for{
    "tailoring.waived_for",
    "waived for this organization ({applicant}) until {expires}, approved by {approver}: {justification}"};
inline constexpr rco::message_def tailoring_waiver_not_needed{"tailoring.waiver_not_needed",
                                                              "waiver not needed: the check's status is {status}"};
inline constexpr rco::message_def tailoring_waiver_not_needed_for{
    "tailoring.waiver_not_needed_for",
    "waiver for this organization ({applicant}) not needed: the check's status is {status}"};

bool same_type(const parameter_value& v, parameter_type t) {
    switch (t) {
    case parameter_type::integer: return std::holds_alternative<std::int64_t>(v);
    case parameter_type::boolean: return std::holds_alternative<bool>(v);
    case parameter_type::enumeration: return std::holds_alternative<std::string>(v);
    case parameter_type::string_list: return std::holds_alternative<std::vector<std::string>>(v);
    }
    return false;
}

void apply_parameters(const check_info& info, parameter_set& params,
                      const std::map<std::string, parameter_value>& overrides, std::string_view origin) {
    for (const auto& [name, value] : overrides) {
        const auto* spec = info.find_parameter(name);
        if (!spec)
            throw audit_error(std::string(origin) + " sets unknown parameter '" + name + "' of " + info.id);
        if (!same_type(value, spec->type))
            throw audit_error(std::string(origin) + " sets " + info.id + " parameter '" + name + "' to a value that is not " +
                              std::string(to_string(spec->type)));
        if (spec->type == parameter_type::enumeration &&
            std::find(spec->values.begin(), spec->values.end(), std::get<std::string>(value)) == spec->values.end())
            throw audit_error(std::string(origin) + " sets " + info.id + " parameter '" + name + "' to '" +
                              std::get<std::string>(value) + "', which is not one of its values");
        if (spec->type == parameter_type::integer) {
            auto i = std::get<std::int64_t>(value);
            if ((spec->min && i < *spec->min) || (spec->max && i > *spec->max))
                throw audit_error(std::string(origin) + " sets " + info.id + " parameter '" + name + "' to " +
                                  std::to_string(i) + ", outside its range");
        }
        params[name] = value;
    }
}


bool satisfied(status s) { return s == status::pass || s == status::waived; }

template <class Map>
void require_known_ids(const catalog& cat, const Map& m, std::string_view what) {
    for (const auto& entry : m)
        if (!cat.find_check(entry.first))
            throw audit_error("tailoring " + std::string(what) + " names unknown check '" + entry.first + "'");
}

} // namespace

namespace detail {

/// Parameters of one check under one profile (catalog defaults, then the profile's), or
/// why the profile's values cannot be used.
struct profile_parameters {
    parameter_set params;
    std::string error;
};

struct compiled_catalog {
    std::vector<check_fn> fns; ///< by check index; nullptr: no implementation in this build
    std::vector<std::vector<profile_parameters>> params; ///< by profile index, then check index
};

inline compiled_catalog compile(const catalog& cat) {
    compiled_catalog c;
    for (const auto& info : cat.checks)
        c.fns.push_back(find_check_fn(info.id));
    for (const auto& prof : cat.profiles) {
        auto& by_check = c.params.emplace_back();
        for (const auto& info : cat.checks) {
            auto& entry = by_check.emplace_back();
            for (const auto& p : info.parameters)
                entry.params[p.name] = p.default_value;
            if (auto it = prof.parameters.find(info.id); it != prof.parameters.end()) {
                try {
                    apply_parameters(info, entry.params, it->second, "profile " + prof.name);
                } catch (const audit_error& e) {
                    entry.error = e.what();
                }
            }
        }
    }
    return c;
}

} // namespace detail

namespace detail {

std::string ein_key(std::string_view ein) {
    std::string d;
    for (char c : ein)
        if (c >= '0' && c <= '9')
            d += c;
    return d;
}

std::string tidy_name(std::string_view name) {
    std::string k;
    for (char c : name) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!k.empty() && k.back() != ' ')
                k += ' ';
        } else {
            k += c;
        }
    }
    if (!k.empty() && k.back() == ' ')
        k.pop_back();
    return k;
}

std::string name_key(std::string_view name) {
    auto k = tidy_name(name);
    for (auto& c : k)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return k;
}

} // namespace detail

bool applicant::matches(std::string_view record_ein, std::string_view record_name) const {
    if (const auto mine = detail::ein_key(ein); !mine.empty())
        return mine == detail::ein_key(record_ein);
    const auto key = detail::name_key(name);
    return !key.empty() && key == detail::name_key(record_name);
}

bool is_for(const applicant& a, const record& rec) {
    const auto& org = rec.organization;
    return a.matches(org && org->ein ? std::string_view(*org->ein) : std::string_view(),
                     org && org->name ? std::string_view(*org->name) : std::string_view());
}

std::string applicant::describe() const {
    return !ein.empty() ? "EIN " + ein : detail::tidy_name(name);
}

std::optional<date> review_date(const record& rec, std::optional<date> override_date) noexcept {
    return override_date ? override_date : rec.as_of;
}

namespace detail {

/// Each standard's result and score, and the overall ones, from the checks' statuses.
void summarize(const catalog& cat, audit_result& result) {
    result.standards.clear();
    result.standards.reserve(cat.standards.size());
    wide_int all_num = 0, all_den = 0; // weights summed in 128 bits: no catalog can wrap them
    bool any_not_met = false, all_met = true;
    for (const auto& s : cat.standards) {
        standard_result sr;
        sr.number = s.number;
        sr.slug = s.slug;
        sr.title = s.title;
        bool failed = false, open = false;
        wide_int num = 0, den = 0;
        for (const auto& c : result.checks) {
            if (c.standard != s.number)
                continue;
            if (c.level == level::required) {
                failed = failed || c.status == status::fail;
                open = open || c.status == status::insufficient_evidence || c.status == status::manual_review;
            }
            // A check awaiting a person's judgment is neither credit nor deficit.
            if (c.status != status::not_applicable && c.status != status::manual_review) {
                den += c.weight;
                num += satisfied(c.status) ? c.weight : 0;
            }
        }
        sr.result = failed ? standard_outcome::not_met : open ? standard_outcome::incomplete : standard_outcome::met;
        sr.score = percent_rounded(num, den);
        all_num += num;
        all_den += den;
        any_not_met = any_not_met || failed;
        all_met = all_met && sr.result == standard_outcome::met;
        result.standards.push_back(std::move(sr));
    }
    result.result = any_not_met ? overall_outcome::does_not_meet
                    : all_met   ? overall_outcome::meets_standards
                                : overall_outcome::incomplete;
    result.score = percent_rounded(all_num, all_den);
}

} // namespace detail

audit_result audit(const catalog& cat, std::string_view profile_name, const record& rec, date as_of,
                   const tailoring& tailor) {
    const profile* prof = cat.find_profile(profile_name);
    if (!prof) {
        std::string known;
        for (const auto& p : cat.profiles)
            known += (known.empty() ? "" : ", ") + p.name;
        throw audit_error("unknown profile '" + std::string(profile_name) + "' (known: " + known + ")");
    }
    require_known_ids(cat, tailor.levels, "level");
    require_known_ids(cat, tailor.parameters, "parameters");
    require_known_ids(cat, tailor.not_applicable, "not_applicable");
    for (const auto& w : tailor.waivers)
        if (!cat.find_check(w.check_id))
            throw audit_error("waiver names unknown check '" + w.check_id + "'");
    for (const auto& na : tailor.not_applicable_for)
        if (!cat.find_check(na.check_id))
            throw audit_error("tailoring not_applicable names unknown check '" + na.check_id + "'");
    // Entries for one applicant apply to the organization the record is about.
    auto for_this = [&](const std::optional<applicant>& a) { return !a || is_for(*a, rec); };

    const auto& compiled =
        cat.compiled.get([&] { return std::make_shared<const detail::compiled_catalog>(detail::compile(cat)); });
    const auto& profile_params = compiled.params[static_cast<std::size_t>(prof - cat.profiles.data())];

    audit_result result;
    result.profile = prof->name;
    result.as_of = as_of;
    result.checks.reserve(cat.checks.size());

    for (std::size_t k = 0; k < cat.checks.size(); ++k) {
        const auto& info = cat.checks[k];
        check_fn fn = compiled.fns[k];
        if (!fn)
            throw audit_error("catalog check " + info.id + " has no implementation in this build");
        check_result cr;
        cr.id = info.id;
        cr.slug = info.slug;
        cr.info = &info;
        cr.standard = info.standard;
        cr.weight = info.weight;
        cr.level = info.level;
        if (auto it = prof->levels.find(info.id); it != prof->levels.end())
            cr.level = it->second;
        if (auto it = tailor.levels.find(info.id); it != tailor.levels.end()) {
            cr.level = it->second;
            result.tailoring.push_back({info.id, detail::msg(tailoring_level, detail::arg("level", to_string(it->second)))});
        }

        if (!profile_params[k].error.empty())
            throw audit_error(profile_params[k].error);
        const parameter_set* params = &profile_params[k].params;
        parameter_set tailored;
        if (auto it = tailor.parameters.find(info.id); it != tailor.parameters.end()) {
            tailored = *params;
            params = &tailored;
            apply_parameters(info, tailored, it->second, "tailoring");
            for (const auto& [name, value] : it->second)
                result.tailoring.push_back({info.id, detail::msg(tailoring_parameter, detail::arg("name", name),
                                                                 detail::arg("value", describe(value)))});
        }

        const auto scoped_na = std::find_if(tailor.not_applicable_for.begin(), tailor.not_applicable_for.end(),
                                            [&](const tailoring::applicant_not_applicable& na) {
                                                return na.check_id == info.id && is_for(na.for_applicant, rec);
                                            });
        if (auto it = tailor.not_applicable.find(info.id); it != tailor.not_applicable.end()) {
            cr.status = status::not_applicable;
            cr.message = detail::msg(tailored_not_applicable, detail::arg("reason", it->second));
            result.tailoring.push_back({info.id, detail::msg(tailoring_not_applicable, detail::arg("reason", it->second))});
        } else if (scoped_na != tailor.not_applicable_for.end()) {
            cr.status = status::not_applicable;
            cr.message = detail::msg(tailored_not_applicable_for,
                                     detail::arg("applicant", scoped_na->for_applicant.describe()),
                                     detail::arg("reason", scoped_na->reason));
            result.tailoring.push_back({info.id, detail::msg(tailoring_not_applicable_for,
                                                             detail::arg("applicant", scoped_na->for_applicant.describe()),
                                                             detail::arg("reason", scoped_na->reason))});
        } else {
            check_context ctx{rec, as_of, *params, cat};
            outcome o = fn(ctx);
            cr.status = o.status;
            cr.message = std::move(o.message);
            cr.pointers = std::move(o.pointers);
            cr.subjects = std::move(o.subjects);
            cr.findings = std::move(o.findings);
            cr.findings_omitted = o.findings_omitted;
        }

        for (const auto& w : tailor.waivers) {
            if ((w.check_id != info.id && w.check_id != info.slug) || !for_this(w.for_applicant))
                continue;
            // Each choice says which organization a scoped waiver is for.
            const auto note = [&](const message_def& all, const message_def& one, auto&&... args) {
                if (w.for_applicant)
                    result.tailoring.push_back(
                        {info.id, detail::msg(one, detail::arg("applicant", w.for_applicant->describe()), args...)});
                else
                    result.tailoring.push_back({info.id, detail::msg(all, args...)});
            };
            if (w.expires < as_of) {
                note(tailoring_waiver_expired, tailoring_waiver_expired_for, detail::arg("approver", w.approved_by),
                     detail::arg("expires", w.expires));
            } else if (cr.status == status::fail || cr.status == status::insufficient_evidence ||
                       cr.status == status::manual_review) {
                cr.underlying = cr.status;
                cr.status = status::waived;
                cr.waiver = w;
                note(tailoring_waived, tailoring_waived_for, detail::arg("expires", w.expires),
                     detail::arg("approver", w.approved_by), detail::arg("justification", w.justification));
            } else {
                note(tailoring_waiver_not_needed, tailoring_waiver_not_needed_for,
                     detail::arg("status", to_string(cr.status)));
            }
        }
        result.checks.push_back(std::move(cr));
    }

    detail::summarize(cat, result);
    return result;
}

} // namespace rco
