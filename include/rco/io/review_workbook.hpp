// The workbook form of a reviewer's file (`rco-review/1` as .xlsx): the review sheet a
// peer reviewer fills in with a spreadsheet program, written and read with the record
// workbook's machinery (rco/io/workbook.hpp). Pure: bytes in, values out.
//
// Layout (header words are the JSON field names; columns matched by header, any order):
//   - "Start here": how to fill it in, the evidence codes, the scores, privacy. Ignored when read.
//   - "Review": a form (Field | Value | Help) with format, organization.name,
//     organization.ein, reviewer.id, reviewer.name, reviewer.role, date, description.
//   - "Judgments": one row per check: check, then grey context columns title,
//     automatic_status, question (ignored when read), then verdict (drop-down
//     satisfied / not_satisfied / not_applicable), evidence (codes separated by "; "), note.
//     A row with an empty verdict is not a judgment and is skipped.
//   - "Scores": one row per standard: standard, then grey context columns title,
//     automatic_result (the "Has it" evidence; ignored when read), then has_it and
//     uses_it (drop-downs 0, 1, 2), evidence, finding, recommended_action. A row with
//     both scores empty is not a score and is skipped.
#pragma once

#include "rco/catalog.hpp"
#include "rco/diagnostic.hpp"
#include "rco/io/workbook.hpp"
#include "rco/review.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace rco::io {

/// Writes an `rco-review/1` JSON document (the pre-filled sheet report::write_review_sheet_json
/// gives, or a filled-in review) as the review workbook in `lang`: sheet names, the Start
/// here sheet, the Review sheet's headers and every column's help; column headers and the
/// drop-downs' words are the JSON's, the same in every language. Blank values (empty texts
/// and lists, null scores) are blank cells. Text that is not JSON, or not an object, is an error.
workbook_write_result write_review_xlsx(std::string_view review_json, const message_language& lang = english());

/// Reads a review workbook, in any language rco-audit writes it in. The cells become the JSON document they stand for, which
/// read_review_json then validates (one place for the rules of a review): each error
/// names the sheet and cell ('Judgments'!G5: ...) and the JSON Pointer (/judgments/0/verdict),
/// never a line. Unreadable, encrypted, macro-enabled or hostile files: one error, bounded
/// as workbook_limits says. Each judgment's and score's `where.cell` is its row's first
/// cell, so rco::check_reviews places what it finds there too.
[[nodiscard]] std::optional<review> read_review_xlsx(std::string_view bytes, std::string_view file_name,
                                                     const catalog& cat, std::vector<diagnostic>& diags);

/// A review in either form, told by its content: a workbook (looks_like_workbook) or JSON.
[[nodiscard]] std::optional<review> read_review(std::string_view bytes, std::string_view file_name,
                                                const catalog& cat, std::vector<diagnostic>& diags);

} // namespace rco::io
