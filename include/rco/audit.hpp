// The audit: a pure function of (catalog, profile, tailoring, record, review date).
#pragma once

#include "rco/catalog.hpp"
#include "rco/record.hpp"
#include "rco/result.hpp"
#include "rco/review.hpp"

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
    /// A check marked not applicable for one organization only.
    struct applicant_not_applicable {
        std::string check_id, reason;
        rco::applicant for_applicant;
    };
    /// Checks not applicable to one applicant each (an entry of `not_applicable` wins).
    std::vector<applicant_not_applicable> not_applicable_for;
    /// Waivers; one with `for_applicant` set applies only to that organization.
    std::vector<rco::waiver> waivers;
    /// Accreditation parameters (rules/accreditation.json) set to other values, e.g. pip_due_days.
    std::map<std::string, parameter_value, std::less<>> accreditation;
};

/// True when the tailoring entry naming `a` is for the organization `rec` records (see
/// applicant::matches): entries for other applicants of a batch do not apply to it.
[[nodiscard]] bool is_for(const applicant& a, const record& rec);

namespace detail {
/// An EIN's digits: "41-1234567" and "411234567" give one key.
std::string ein_key(std::string_view ein);
/// A name with the white space at its ends dropped and each run of it within as one space.
std::string tidy_name(std::string_view name);
/// tidy_name() in lower case: how organizations' names are compared.
std::string name_key(std::string_view name);
} // namespace detail

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

/// audit() with reviewers' judgments and scores folded in (apply_reviews). Throws
/// audit_error for what check_reviews reports; call that first to get located errors.
[[nodiscard]] audit_result audit(const catalog& cat, std::string_view profile_name, const record& rec, date as_of,
                                 const tailoring& tailor, const std::vector<review>& reviews);

/// The problems with `reviews` that only the automatic result and the record reveal, as
/// located errors (file, line, column, pointer): a review about another organization
/// (EIN, else name, differs from the record's) and a judgment without a note on a check
/// the machine decided (an override must say why). Empty when the reviews can be applied.
[[nodiscard]] std::vector<diagnostic> check_reviews(const audit_result& automatic, const record& rec,
                                                    const std::vector<review>& reviews);

/// True when `rv` is about the organization `rec` records (same EIN; without an EIN on
/// either side, the same name): a batch applies each review to its organization's record.
[[nodiscard]] bool review_matches(const review& rv, const record& rec);

/// Folds reviews into an automatic result. A judgment on a manual_review check resolves
/// it (satisfied -> pass, not_satisfied -> fail, not_applicable -> not_applicable); one on
/// a decided check overrides it; reviewers who disagree leave the check manual_review,
/// marked. Each changed check keeps its `automatic_status`. Standards are summarized
/// again, then scored: means, spreads and a finding per scored standard, counts and an
/// indicative band under rules/accreditation.json and the tailoring's `accreditation`
/// values. No reviews: the result unchanged. Pure.
[[nodiscard]] audit_result apply_reviews(audit_result automatic, const catalog& cat, const tailoring& tailor,
                                         const std::vector<review>& reviews);

/// The review date a run uses: the override when given, else the record's `as_of`.
[[nodiscard]] std::optional<date> review_date(const record& rec, std::optional<date> override_date) noexcept;

} // namespace rco
