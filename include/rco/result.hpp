// What an audit yields: a status per check, a result per standard, an overall result.
#pragma once

#include "rco/catalog.hpp"
#include "rco/date.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

enum class status { pass, fail, insufficient_evidence, manual_review, not_applicable, waived };
std::string_view to_string(status s) noexcept;

enum class standard_outcome { met, not_met, incomplete };
std::string_view to_string(standard_outcome s) noexcept;

enum class overall_outcome { meets_standards, does_not_meet, incomplete };
std::string_view to_string(overall_outcome s) noexcept;

/// A check lists at most this many findings; the rest are counted (check_result::findings_omitted).
inline constexpr std::size_t max_findings_per_check = 100;

/// One stigmatizing-language match (standard 9).
struct language_finding {
    std::string source;  ///< document id, or "mission" / "vision"
    std::string pointer; ///< JSON Pointer of the scanned text
    std::uint32_t line = 0, column = 0;
    std::string matched;  ///< the words as written
    std::string term_id;  ///< catalog term id
    std::vector<std::string> alternatives, sources;
};

/// A waiver: a named person approved leaving a check unmet until a date, for a reason.
struct waiver {
    std::string check_id, justification, approved_by;
    date expires;
};

/// One check's outcome. The catalog's text for it (title, question, remediation,
/// evidence) is not copied: `info` refers to the catalog entry, so the catalog must
/// outlive the result (the built-in catalog lives as long as the program).
struct check_result {
    std::string id, slug;
    const check_info* info = nullptr; ///< the catalog entry this result is for
    int standard = 0;
    rco::level level = level::required;
    int weight = 1;
    rco::status status = status::pass;
    std::optional<rco::status> underlying; ///< the status a waiver covers
    std::string explanation;
    std::vector<std::string> pointers; ///< JSON Pointers the check read
    /// Ids of the people behind the numbers (e.g. untrained peer workers). Reports
    /// print them only when asked to: they can reveal who is in recovery.
    std::vector<std::string> subjects;
    std::vector<language_finding> findings; ///< at most max_findings_per_check, in text order
    /// Findings beyond the first max_findings_per_check: counted (and said in the
    /// explanation, "... and 39,872 more"), not listed.
    std::size_t findings_omitted = 0;
    std::optional<rco::waiver> waiver;

    /// The catalog entry's text (empty when `info` is not set).
    const std::string& title() const noexcept;
    const std::string& question() const noexcept;
    const std::string& remediation() const noexcept;
    const std::vector<std::string>& evidence() const noexcept;
};

struct standard_result {
    int number = 0;
    std::string slug, title;
    standard_outcome result = standard_outcome::met;
    /// 0–100: weight of satisfied (pass, waived) checks over the weight of the checks that
    /// apply and are decided (not_applicable and manual_review are left out), rounded half up.
    int score = 0;
};

/// One tailoring choice, echoed in every report.
struct tailoring_note {
    std::string check_id, what;
};

struct audit_result {
    std::string profile;
    date as_of;
    overall_outcome result = overall_outcome::incomplete;
    int score = 0;
    std::vector<standard_result> standards;
    std::vector<check_result> checks;
    std::vector<tailoring_note> tailoring;

    const check_result* find_check(std::string_view id) const noexcept;
};

} // namespace rco
