// Report writers. They read only an audit_result plus provenance; no I/O.
#pragma once

#include "rco/catalog.hpp"
#include "rco/diagnostic.hpp"
#include "rco/record.hpp"
#include "rco/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rco::report {

inline constexpr std::string_view json_report_format = "rco-audit-report/1";

/// A review file applied to the audit (rco-review/1), named with its digest like the input.
struct review_input {
    std::string file, sha256, reviewer;
};

/// Provenance and labels a report prints beside the result.
struct report_info {
    std::string tool_version;
    std::string input_file, input_sha256;
    std::string catalog_version, catalog_sha256;
    std::string tailoring_file, tailoring_sha256; ///< the tailoring file applied, if any
    std::vector<review_input> reviews;             ///< the review files applied, in order
    std::string organization_name; ///< the organization's name (not a person)
    std::string organization_ein;
    /// Print the ids of the people behind the numbers (who was counted as in recovery,
    /// who lacks training). Off by default: such a list reveals health information.
    bool show_names = false;
    std::vector<diagnostic> warnings; ///< reading warnings (unknown fields, …)
    std::size_t text_width = 88;      ///< the text report's line width (the command line: a terminal's own)
    /// Set: the report lists the waivers that expire within this many days of the review
    /// date (`check --expiring-within DAYS`), in every format.
    std::optional<int> expiring_within_days;
    /// The language of every report's words for people (explanations, the catalog's
    /// titles, questions, remediations and evidence, each format's own words;
    /// rco/i18n.hpp); null: English. Machine fields are the same in every language.
    const message_language* language = nullptr;
};

/// The provenance the command line prints, from what a program has at hand: the library's
/// version, the catalog's version and SHA-256, the SHA-256 of the input's bytes as read
/// (`input_bytes`, before any parsing), `input_file` as the label, the organization's name
/// and EIN from `rec`, and the warnings among `diagnostics` (e.g. the reader's). The
/// tailoring file and `show_names` are left for the caller. With the same inputs, a
/// program's report equals `rco-audit check`'s byte for byte.
[[nodiscard]] report_info make_report_info(const catalog& cat, const record& rec, std::string_view input_bytes,
                                           std::string_view input_file,
                                           const std::vector<diagnostic>& diagnostics = {});

/// The machine-readable report, `rco-audit-report/1`: stable keys, byte-identical for identical inputs.
std::string write_json(const audit_result& r, const report_info& info);

/// write_json's document without its final newline, appended to `out` as a value at
/// nesting level `indent` (a report inside a batch document's list).
void write_json_to(std::string& out, const audit_result& r, const report_info& info, int indent);

/// The report for people: verdict first, then each standard, then what to fix.
std::string write_text(const audit_result& r, const report_info& info);

/// Plain words for a status, standard result and overall result ("needs evidence", "not met", …).
std::string_view plain(status s) noexcept;
std::string_view plain(standard_outcome s) noexcept;
std::string_view plain(overall_outcome s) noexcept;
/// plain()'s words in `lang` ("FAIL", "NO CUMPLE").
std::string plain(status s, const message_language& lang);
std::string plain(standard_outcome s, const message_language& lang);
std::string plain(overall_outcome s, const message_language& lang);

/// What to do next, in three parts, each with the step that fits it: work to do (what
/// fails), evidence to record (what is missing), questions for a reviewer. Within each
/// part required checks come before recommended ones, then catalog order.
struct plan_parts {
    /// insufficient_evidence: the record lacks what the check needs; the step is to record
    /// it (evidence_in_form_words), not the advice for a failure.
    std::vector<const check_result*> evidence_to_record;
    std::vector<const check_result*> work_to_do; ///< fail: the catalog's remediation
    std::vector<const check_result*> for_a_reviewer; ///< manual_review: the reviewer's question
};
/// The action plan split into its parts. Points into `r`, like action_plan.
plan_parts action_plan_parts(const audit_result& r);
plan_parts action_plan_parts(const audit_result&& r) = delete;

/// A check's evidence list (the catalog's, which names record paths) in the form's words:
/// workbook sheets and field labels ("legal_status on the Organization sheet"); items that
/// are single fields of one sheet are joined into one line. The JSON report keeps the paths.
std::vector<std::string> evidence_in_form_words(const check_result& c);

/// When `c` was waived by a waiver that expires within `days` days of the review date
/// `as_of` (on or before as_of + days): the days left (0: it expires on the review date).
std::optional<long> waiver_days_left(const check_result& c, date as_of, int days);

/// The checks waived by a waiver that expires within `days` days of the review date
/// (waiver_days_left), soonest first, then in catalog order. Points into `r`.
std::vector<const check_result*> expiring_waivers(const audit_result& r, int days);
std::vector<const check_result*> expiring_waivers(const audit_result&& r, int days) = delete;

/// A waiver in one sentence, as every report for people says it: "Waived until 2026-12-31,
/// approved by …: …." or, for one applicant, "Waived for this organization (EIN …) by …
/// until 2026-12-31: …." Then, when known, "Without the waiver: Fail."
std::string waiver_sentence(const check_result& c, const message_language& lang = english());

/// One expiring waiver in a line: "S5.1 Regular community input events: expires
/// 2026-07-15, in 15 days; approved by …."
std::string expiring_waiver_line(const check_result& c, date as_of, const message_language& lang = english());

/// The order in which failed items should be fixed: required before recommended,
/// fail before missing evidence before manual review, then catalog order.
/// The plan points into `r`, so `r` must outlive it: passing a temporary does not compile.
std::vector<const check_result*> action_plan(const audit_result& r);
std::vector<const check_result*> action_plan(const audit_result&& r) = delete;

} // namespace rco::report
