// Reading a tailoring file (`rco-tailoring/1`): an accreditor's or board's adjustments
// on top of a profile, each of which the report echoes.
#pragma once

#include "rco/audit.hpp"
#include "rco/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

struct tailoring_file {
    std::optional<std::string> profile; ///< the profile it extends, when it names one
    rco::tailoring tailoring;
    /// An entry (a waiver, a check not applicable) that names the organization it is for:
    /// where its "organization" is in the file, so that a batch none of whose records is
    /// that organization can say so.
    struct organization_entry {
        std::string pointer;            ///< e.g. "/waivers/0/organization"
        std::uint32_t line = 0, column = 0;
        applicant organization;
    };
    std::vector<organization_entry> organization_entries; ///< in the file's order
};

/// Parses and validates a tailoring file against the catalog: unknown checks,
/// parameters, wrong types, a not-applicable without a reason, a waiver without a
/// justification, approver or expiry date are errors with line, column and pointer.
///
///     { "format": "rco-tailoring/1", "profile": "florida",
///       "levels": { "S2.4": "required" },
///       "parameters": { "S2.3": { "min_board_meetings": 6 } },
///       "not_applicable": { "S4.4": "why it does not apply" },
///       "waivers": [ { "check": "S2.1", "justification": "…", "approved_by": "…", "expires": "2026-12-31" } ] }
///
/// A waiver or a not-applicable entry may name the organization it is for,
/// `"organization": {"ein": "41-1234567", "name": "…"}` (a not-applicable entry is then
/// `{"reason": "…", "organization": {…}}`, or a list of such): it applies to that
/// applicant's record only (applicant::matches).
[[nodiscard]] std::optional<tailoring_file> read_tailoring_json(std::string_view text, std::string_view file_name,
                                                  const catalog& cat, std::vector<diagnostic>& diags);

} // namespace rco::io
