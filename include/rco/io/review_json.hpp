// Reading a reviewer's file (`rco-review/1`): one reviewer's judgments on checks and
// scores of standards for one organization.
#pragma once

#include "rco/catalog.hpp"
#include "rco/diagnostic.hpp"
#include "rco/review.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace rco::io {

inline constexpr std::string_view review_format = "rco-review/1";

/// Parses and validates a review against the catalog: unknown fields, checks or
/// standards, a verdict other than satisfied / not_satisfied / not_applicable, an
/// evidence code other than D O I S T, a score outside 0-2, a bad date, two judgments on
/// one check or two scores of one standard are errors with line, column and pointer.
/// Each judgment, score and the organization keep where they were read, so that
/// rco::check_reviews can place what only the record and the automatic result reveal
/// (another organization's EIN, an override without a note).
///
///     { "format": "rco-review/1",
///       "organization": { "name": "…", "ein": "41-1234567" },
///       "reviewer": { "id": "rev-02", "name": "optional", "role": "peer reviewer" },
///       "date": "2026-07-15",
///       "judgments": [ { "check": "S8.5", "verdict": "satisfied", "evidence": ["D", "I"], "note": "…" } ],
///       "scores": [ { "standard": 2, "has_it": 2, "uses_it": 1, "evidence": ["D", "O"],
///                     "finding": "…", "recommended_action": "…" } ] }
[[nodiscard]] std::optional<review> read_review_json(std::string_view text, std::string_view file_name,
                                                     const catalog& cat, std::vector<diagnostic>& diags);

} // namespace rco::io
