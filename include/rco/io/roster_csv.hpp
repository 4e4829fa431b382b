// A board roster kept in a spreadsheet: CSV with the columns
// id,voting,seat,officer,recovery_identity,attested,affiliation (any order; a header
// row names them). The command line merges it into a record as board.members.
#pragma once

#include "rco/diagnostic.hpp"
#include "rco/io/json_record.hpp"
#include "rco/record.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace rco::io {

/// Reads a roster. Spreadsheet habits are accepted: a UTF-8 byte order mark, CRLF line
/// ends, `;` as the separator, quoted cells, any letter case in enum words, `yes`/`no`
/// for true/false, dates as YYYY-MM-DD or US month/day/year (`1/15/2026`, as Excel
/// saves them in the US; parse_spreadsheet_date), blank lines and blank cells (a blank
/// cell leaves the field absent). An id that looks like a person's name
/// (looks_like_a_name) is a warning: ids only, for privacy.
/// Errors name the file, line and column, the column's name and what was expected;
/// unknown columns are warnings. Every cell is a board member's field: errors quote it
/// only with `options.show_names`.
[[nodiscard]] std::optional<std::vector<board_member>> read_roster_csv(std::string_view text, std::string_view file_name,
                                                         std::vector<diagnostic>& diags, const read_options& options = {});

/// Puts the roster into `rec` as board.members (replacing any there, with a warning).
void merge_roster(record& rec, std::vector<board_member> members, std::string_view roster_file,
                  std::vector<diagnostic>& diags);

} // namespace rco::io
