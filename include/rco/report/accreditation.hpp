// The accreditation view of an audit with reviews: per standard the automatic result,
// the reviewers' scores and the finding; the findings counted; an indicative outcome
// band; and the Performance Improvement Plan (PIP). Indicative only: the accreditation
// committee decides. Pure functions of an audit_result plus report_info, like every writer.
#pragma once

#include "rco/report/formats.hpp"
#include "rco/report/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rco::io {
class json_writer;
}

namespace rco::report {

/// How the JSON report words the band (the reports for people say it in their language).
inline constexpr std::string_view indicative_wording = "indicative; the accreditation committee decides";

/// "Exceeds", "Meets", "Requires Performance Improvement".
std::string_view plain(finding f) noexcept;

/// One item of the Performance Improvement Plan: a standard that requires improvement.
struct pip_item {
    const standard_result* standard = nullptr;
    std::vector<const check_result*> checks; ///< its failing or open checks, required first
    date due;
};

/// The standards whose finding is requires_improvement, in standard order, each due
/// `pip_due_days` after the review date (the latest review's). Empty without reviews.
/// Points into `r`.
std::vector<pip_item> pip_items(const audit_result& r);
std::vector<pip_item> pip_items(const audit_result&& r) = delete;

/// The accreditation section of the text, HTML and Markdown reports; empty without reviews.
std::string accreditation_text(const audit_result& r, const report_info& info);
std::string accreditation_html(const audit_result& r, const report_info& info);
std::string accreditation_markdown(const audit_result& r, const report_info& info);

/// `--format pip`: the plan an accreditor hands to the organization, as text for people.
std::string write_pip(const audit_result& r, const report_info& info);
/// The plan as an HTML section (#pip) and a Markdown section, for those reports.
std::string pip_html(const audit_result& r, const report_info& info);
std::string pip_markdown(const audit_result& r, const report_info& info);

/// The batch summary of a run with reviews (write_summary_csv / write_summary_html):
/// per organization the finding of each standard and the indicative outcome. Each
/// returns "" when no row has reviews, so a run without them is unchanged.
/// CSV: the header's extra columns (",finding_1,…,finding_10,indicative_outcome") and a
/// row's cells (empty for a row without reviews, and for `row` nullptr: a count row).
std::string accreditation_summary_csv_header(const std::vector<summary_row>& rows);
std::string accreditation_summary_csv_cells(const std::vector<summary_row>& rows, const summary_row* row);
/// HTML: a section (#accreditation-summary) with a table of findings and outcomes, in `lang`.
std::string accreditation_summary_html(const std::vector<summary_row>& rows, const message_language& lang = english());

/// The review sheet a reviewer fills in (`rco-audit review-sheet`): an rco-review/1
/// document pre-filled from an automatic audit: the organization; blank reviewer and
/// date; one blank judgment (verdict "") per open check (manual_review or
/// insufficient_evidence) with its automatic status and the reviewer's question; one
/// blank score (has_it and uses_it null) per standard with its automatic result and its
/// checks' statuses as the "Has it" evidence. Blank lines are skipped when read back.
std::string write_review_sheet_json(const audit_result& automatic, const report_info& info);

namespace detail {
/// The JSON report's additions (rco-audit-report/1, additive): a check's
/// `automatic_status` and `review`; a standard's `review`; the top-level `accreditation`;
/// the review files' digests (`reviews`, beside the input's).
void write_check_review_json(io::json_writer& w, const check_result& c);
void write_standard_review_json(io::json_writer& w, const standard_result& s);
void write_accreditation_json(io::json_writer& w, const audit_result& r);
void write_review_inputs_json(io::json_writer& w, const report_info& info);
} // namespace detail

} // namespace rco::report
