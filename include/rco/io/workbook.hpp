// The spreadsheet workbook form of `rco-record/1` (.xlsx): written with
// libxlsxwriter, read with libzip and pugixml. Pure: bytes in, values out; the
// reader never touches the disk (the zip is read from memory).
//
// Layout, derived from the record model's field tables (no per-field code):
//   - "Start here": what the workbook is for, how to fill it in and run the audit,
//     the privacy rule. Ignored when reading.
//   - "Record": the record's own fields (format, as_of).
//   - One sheet per part of the record that is a single object (Organization,
//     Board, Bylaws, ...): a header row "Field | Value | Help", then one row per
//     field. Fields of nested objects are labelled with a dot (fiscal_sponsor.name).
//   - One sheet per list of objects (Board members, Services, Peer workers, ...):
//     a header row with one column per field (matched by header, any order), then
//     one row per item; empty rows are skipped; a row holding only "(none)" means
//     the list is present and empty.
//   - Lists of values inside an item or object (a service's eligibility words, a
//     peer worker's supervision dates) are one cell, items separated by "; "
//     (a ';' inside an item is written ";;"); "(none)" is an empty list.
//   - yes/no cells and enumerations have drop-downs with exactly the accepted
//     words; dates are date cells (text as YYYY-MM-DD is read too, in either date
//     system); counts are whole-number cells; every field has its schema help.
#pragma once

#include "rco/io/json_record.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// Limits of the workbook reader: anything beyond them is refused as hostile or corrupt.
struct workbook_limits {
    static constexpr std::size_t max_file_bytes = 32u << 20;     ///< the .xlsx file itself
    static constexpr std::size_t max_entries = 10'000;           ///< files inside the zip
    static constexpr std::size_t max_part_bytes = 32u << 20;     ///< one uncompressed part
    static constexpr std::size_t max_total_bytes = 64u << 20;    ///< all parts read, uncompressed
    static constexpr std::size_t max_ratio = 100;                ///< uncompressed:compressed, parts over 1 MiB
    static constexpr std::size_t max_cells = 200'000;            ///< non-empty cells per sheet
    static constexpr std::size_t max_sheets = 200;
};

/// True when `bytes` look like a workbook container: a zip archive ("PK"), or an
/// OLE compound file (what encrypted workbooks and old .xls files are), so that
/// the workbook reader can explain the latter.
bool looks_like_workbook(std::string_view bytes) noexcept;

/// Reads a record from an .xlsx workbook, written in any language rco-audit speaks: its
/// sheet names, header words and yes/no words in that language or in English. Unreadable, encrypted, macro-enabled or
/// hostile files: one error and no record. Cell problems: one error per cell,
/// whose message starts with the sheet and cell ('Board members'!C7: ...) and
/// whose pointer is the field's JSON Pointer. Unknown sheets, rows and columns:
/// warnings. Values of board members' and peer workers' cells are never quoted.
/// Then the same checks as the JSON reader. `file_name` only labels diagnostics.
read_result read_record_xlsx(std::string_view bytes, std::string_view file_name);

struct workbook_write_result {
    std::string bytes;                   ///< the .xlsx file; empty when not written
    std::vector<diagnostic> diagnostics; ///< values a workbook cannot hold exactly (errors)
    bool ok() const noexcept { return !bytes.empty() && !has_errors(diagnostics); }
};

/// Writes a record as an .xlsx workbook in `lang`: its sheet names, headers, help,
/// "Start here" sheet and yes/no words; field labels and a list's words are the record's
/// own, the same in every language. A record with only `format` gives the blank workbook
/// to fill in. Reading the output (in any language) gives back an equal record.
/// Values a cell cannot hold exactly (text over 32,767 characters; list items that
/// are empty, "(none)" or start or end with spaces) are errors, and nothing is written.
/// Present but empty objects (`"website": {}`) have no cells: written as absent, with a warning.
workbook_write_result write_record_xlsx(const record& rec, const message_language& lang = english());

/// The blank workbook: every sheet, column and drop-down, no values but the format.
workbook_write_result blank_workbook(const message_language& lang = english());

/// The name of the workbook's first sheet in `lang`: "Start here".
std::string start_sheet_name(const message_language& lang = english());

} // namespace rco::io
