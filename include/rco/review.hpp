// Peer reviewers' judgments (`rco-review/1`): verdicts on single checks and scores of
// whole standards, the second half of an accreditation review next to the automatic checks.
#pragma once

#include "rco/date.hpp"
#include "rco/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

/// Where a reviewer's evidence came from: Documents, Observations, Interviews, Surveys, Tracers.
enum class evidence_code { documents, observations, interviews, surveys, tracers };
/// "D", "O", "I", "S", "T".
std::string_view to_code(evidence_code e) noexcept;
/// "documents", "observations", ...
std::string_view to_string(evidence_code e) noexcept;
std::optional<evidence_code> parse_evidence_code(std::string_view code) noexcept;

/// A reviewer's decision on one check.
enum class verdict { satisfied, not_satisfied, not_applicable };
std::string_view to_string(verdict v) noexcept;
std::optional<verdict> parse_verdict(std::string_view s) noexcept;

/// Where a value was read from, so a later step (which knows the automatic results) can
/// report a problem with it at its place: file, line, column and JSON Pointer.
struct source_location {
    std::string file, pointer;
    std::uint32_t line = 0, column = 0;
    std::string cell{}; ///< read from a workbook: the sheet and cell, 'Judgments'!A5 (line and column are 0)
};

/// One judgment: "check S8.5 is satisfied, on documents and interviews, because ...".
struct judgment {
    std::string check_id;
    rco::verdict verdict = verdict::satisfied;
    std::vector<evidence_code> evidence;
    std::string note; ///< why; required when the judgment overrides an automatic result
    source_location where;
};

/// One reviewer's rating of a whole standard on the two dimensions, each 0 (none),
/// 1 (moderate) or 2 (excellent conformance).
struct standard_score {
    int standard = 0;
    int has_it = 0;  ///< the policy or structure exists
    int uses_it = 0; ///< it is practised
    std::vector<evidence_code> evidence;
    std::string finding, recommended_action;
    source_location where;
};

struct reviewer {
    std::string id, name, role;
    /// The name when given, else the id: reports name who decided (accountability).
    const std::string& label() const noexcept { return name.empty() ? id : name; }
};

/// One reviewer's file about one organization.
struct review {
    std::string organization_name, organization_ein;
    rco::reviewer reviewer;
    rco::date date;
    std::vector<judgment> judgments; ///< at most one per check
    std::vector<standard_score> scores; ///< at most one per standard
    source_location where; ///< the file (and the organization's place in it)
};

} // namespace rco
