// Report formats for people and for other tools: a printable, accessible HTML page;
// Markdown for board minutes and issue trackers; JUnit XML for CI dashboards; CSV for
// spreadsheets; and a summary of many organizations (CSV and HTML).
//
// Every writer is a pure function of an audit_result plus report_info: no I/O, no clock,
// byte-identical output for identical inputs. Like the text and JSON writers, none prints
// a person's id unless `report_info::show_names` is set.
#pragma once

#include "rco/report/report.hpp"

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

/// One self-contained HTML5 page (inline style, no scripts, no external resources),
/// printable: verdict (#verdict), scorecard table (#scorecard), action plan
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

/// One CRLF-terminated row per check, without the header, so a run over many records
/// can write csv_header() once and append csv_rows() of each.
std::string csv_rows(const audit_result& r, const report_info& info);

/// csv_header() + csv_rows(r, info).
std::string write_csv(const audit_result& r, const report_info& info);

// ---- Batch summary -----------------------------------------------------------------

/// What the summary shows of one audit: each standard's result, the overall result and
/// the score (a batch keeps this much of each record, not the whole audit_result).
struct summary_result {
    struct standard_cell {
        int number = 0;
        standard_outcome result = standard_outcome::met;
        std::optional<rco::finding> finding; ///< with reviews: the standard's finding
    };
    std::vector<standard_cell> standards; ///< in the audit's order
    overall_outcome result = overall_outcome::incomplete;
    int score = 0;
    std::optional<accreditation_result> accreditation; ///< with reviews: counts and the indicative band

    summary_result() = default;
    summary_result(const audit_result& r); // implicit: a row is made from an audit
};

/// The titles of `r`'s standards by number (standard 1 first), for write_summary_html.
std::vector<std::string> summary_titles(const audit_result& r);

/// One organization of a batch run: its summary cells, or why it could not be audited.
struct summary_row {
    std::string organization, input_file;
    std::optional<summary_result> result; ///< empty when the record could not be audited
    std::string error;                    ///< why not (used when `result` is empty)
};

/// CSV, one row per organization in the given order: organization, file, standard_1 …
/// standard_10 (met, not_met, incomplete; "error" for a record that was not audited),
/// result (the same words: met means all ten standards are met), score, error. Then one
/// count row per word ("count: met", "count: not_met", "count: incomplete",
/// "count: error") giving, per standard column and for the result column, how many
/// organizations have it.
std::string write_summary_csv(const std::vector<summary_row>& rows);

/// The same summary as one self-contained, accessible HTML page: a table with the
/// counts in its <tfoot>. `standard_titles` (standard 1 first; those of the first audited
/// record's standards) are listed and name the columns; without them the columns are S1 …
/// S10 only.
std::string write_summary_html(const std::vector<summary_row>& rows, std::string_view tool_version,
                               const std::vector<std::string>& standard_titles = {});

} // namespace rco::report
