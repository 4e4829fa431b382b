// Report formats for people and for other tools: a printable, accessible HTML page;
// Markdown for board minutes and issue trackers; JUnit XML for CI dashboards; CSV for
// spreadsheets; and a summary of many organizations (CSV and HTML).
//
// Every writer is a pure function of an audit_result plus report_info: no I/O, no clock,
// byte-identical output for identical inputs. Like the text and JSON writers, none prints
// a person's id unless `report_info::show_names` is set, and each writes its words for
// people in `report_info::language` (machine fields, column names and values such as
// `met` or `fail`, the same in every language).
#pragma once

#include "rco/report/report.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::report {

// ---- Escaping (exposed so callers and tests can use the same rules) ----------------

/// Escapes text for HTML and XML element content and quoted attribute values: & < > " '
/// become entities. Bytes that are not valid UTF-8 and characters XML 1.0 forbids (C0
/// controls other than tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD, so the output is
/// always well-formed whatever a record or file name contains.
std::string html_escape(std::string_view text);

/// html_escape for an XML attribute value, which additionally keeps tabs and line breaks
/// (as &#9; &#10; &#13;) that an XML parser would otherwise normalize to spaces.
std::string xml_attribute_escape(std::string_view text);

/// Escapes text for inline Markdown (GitHub-flavoured and CommonMark): white space runs
/// and line breaks become one space; < > become &lt; &gt; (no raw HTML) and an entity-like
/// "&name;" gets its & escaped; \ ` * [ | ~ and a word-boundary _ are backslash-escaped;
/// so is block markup at the beginning (# + - = and "1." / "1)"). Safe inside table cells
/// and list items.
std::string markdown_escape(std::string_view text);

/// One CSV field (RFC 4180): quoted when it contains a comma, quote, CR or LF, quotes
/// doubled. A field starting with = + - @ tab or CR gets a leading apostrophe first, so a
/// spreadsheet shows it as text instead of evaluating it as a formula.
std::string csv_field(std::string_view text);

// ---- Single-organization writers ---------------------------------------------------

/// One self-contained HTML5 page (inline style, no scripts, no external resources;
/// `<html lang>` the report's language), printable: verdict (#verdict), scorecard table (#scorecard), action plan
/// (#action-plan), every standard and check, then provenance (#details).
std::string write_html(const audit_result& r, const report_info& info);

/// Markdown (GitHub-flavoured): verdict heading, scorecard pipe table, numbered action
/// plan, every standard with its checks, provenance last.
std::string write_markdown(const audit_result& r, const report_info& info);

/// JUnit XML: one <testsuite> per standard, one <testcase> per check. fail and
/// insufficient_evidence are failures; not_applicable and manual_review are skipped;
/// waived passes with a <system-out> note. No timestamps.
std::string write_junit(const audit_result& r, const report_info& info);

/// The CSV header row (CRLF-terminated) shared by write_csv and csv_rows:
/// organization, ein, input_file, profile, as_of, standard, standard_title,
/// standard_result, check_id, slug, title, level, status, underlying_status, explanation.
std::string csv_header();

/// csv_header(), with one more column when `info.expiring_within_days` is set:
/// expiring_waiver_days_left, the days until a check's waiver expires when it expires
/// within that many days of the review date (empty otherwise).
std::string csv_header(const report_info& info);

/// One CRLF-terminated row per check, without the header, so a run over many records
/// can write csv_header() once and append csv_rows() of each. standard_title, title and
/// explanation are in the report's language; every other column is the same in any.
std::string csv_rows(const audit_result& r, const report_info& info);

/// csv_header() + csv_rows(r, info).
std::string write_csv(const audit_result& r, const report_info& info);

// ---- Batch summary -----------------------------------------------------------------

/// What the summary shows of one audit: each standard's result, the overall result, the
/// score, each check's status and how many checks have each status (a batch keeps this
/// much of each record, not the whole audit_result).
struct summary_result {
    struct standard_cell {
        int number = 0;
        standard_outcome result = standard_outcome::met;
        std::optional<rco::finding> finding; ///< with reviews: the standard's finding
    };
    std::vector<standard_cell> standards; ///< in the audit's order
    overall_outcome result = overall_outcome::incomplete;
    int score = 0;
    date as_of;                ///< the review date
    std::vector<status> checks; ///< each check's status, in the audit's (catalog) order
    std::array<int, 6> status_counts{}; ///< how many checks have each status, in the order of rco::status
    std::optional<accreditation_result> accreditation; ///< with reviews: counts and the indicative band

    summary_result() = default;
    summary_result(const audit_result& r); // implicit: a row is made from an audit
};

/// The column heads a summary takes from the catalog: the standards' titles (standard 1
/// first; the HTML summary's column titles) and the check ids in catalog order (the wide
/// CSV's columns; an audit lists its checks in this order).
struct summary_columns {
    std::vector<std::string> standard_titles, check_ids;
};
/// `lang`: the language of the standards' titles.
summary_columns summary_columns_of(const catalog& cat, const message_language& lang = english());

/// One organization of a batch run: its summary cells, or why it could not be audited.
struct summary_row {
    std::string organization, input_file;
    std::optional<summary_result> result; ///< empty when the record could not be audited
    std::string error;                    ///< why not (used when `result` is empty)
    std::string ein;                      ///< the organization's EIN as recorded
    /// Where the organization's own report is, relative to the summary file (a path with
    /// '/' separators, e.g. "reports/harbor.html"); the HTML summary links the name to it.
    std::string report_link;
};

/// CSV for a spreadsheet: a header row, then exactly one row per organization in the
/// given order and nothing else (no totals among the data rows): organization, ein,
/// file, review_date, result (met, not_met, incomplete; error for a record that was not
/// audited), score, standard_1 … standard_10 (met, not_met, incomplete; empty when not
/// audited), checks_pass, checks_fail, checks_insufficient_evidence,
/// checks_manual_review, checks_not_applicable, checks_waived (how many checks have each
/// status). With `wide`, one more column per check, named by its id ("S2.1") and holding
/// its status. With reviews: finding_1 … finding_10 and indicative_outcome. Last: error
/// (why a record was not audited).
std::string write_summary_csv(const std::vector<summary_row>& rows, const summary_columns& columns = {},
                              bool wide = false);

/// The same summary as one self-contained, printable HTML page that fits a 1280-pixel
/// screen: a compact grid, one narrow column per standard (symbol and colour, the word
/// for screen readers and on hover), each organization's name linked to its own report
/// when `report_link` is set, and at the foot per standard how many organizations meet
/// it. Without `columns.standard_titles` the columns are named S1 … S10 only. Its words
/// are in `lang`.
std::string write_summary_html(const std::vector<summary_row>& rows, std::string_view tool_version,
                               const summary_columns& columns = {}, const message_language& lang = english());

} // namespace rco::report
