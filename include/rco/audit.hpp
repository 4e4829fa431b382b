// The audit: a pure function of (catalog, profile, tailoring, record, review date).
#pragma once

#include "rco/catalog.hpp"
#include "rco/record.hpp"
#include "rco/result.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace rco {

/// A user's adjustments on top of a profile. Every choice is echoed in the result.
struct tailoring {
    std::map<std::string, level, std::less<>> levels;
    std::map<std::string, std::map<std::string, parameter_value>, std::less<>> parameters;
    std::map<std::string, std::string, std::less<>> not_applicable; ///< check id -> reason (required)
    std::vector<rco::waiver> waivers;
};

/// Thrown for programming or configuration errors: unknown profile, unknown check
/// id or parameter in a tailoring, a parameter of the wrong type. Input problems in
/// the record are never exceptions: they become findings.
struct audit_error : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

/// Audits `rec` as of `as_of` under `profile_name` (e.g. "national").
/// Pure: no I/O, no clock; safe to call from many threads on shared inputs.
[[nodiscard]] audit_result audit(const catalog& cat, std::string_view profile_name, const record& rec, date as_of,
                   const tailoring& tailor = {});
/// The result refers to the catalog's entries (titles, questions, remediations), so the
/// catalog must outlive it: auditing against a temporary catalog does not compile.
audit_result audit(const catalog&& cat, std::string_view profile_name, const record& rec, date as_of,
                   const tailoring& tailor = {}) = delete;

/// The review date a run uses: the override when given, else the record's `as_of`.
[[nodiscard]] std::optional<date> review_date(const record& rec, std::optional<date> override_date) noexcept;

} // namespace rco
