// Progress between two audits of one organization: compares two rco-audit-report/1
// JSON documents. Pure: parsed JSON in, a diff and its renderings out.
#pragma once

#include "rco/message.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rco::report {

struct standard_change {
    int number = 0;
    std::string title;
    std::string old_result, new_result; ///< met / not_met / incomplete
    int old_score = 0, new_score = 0;
};

enum class check_change { fixed, newly_failing, changed, added, removed };
std::string_view to_string(check_change c) noexcept;

struct check_diff {
    std::string id, title;
    std::string old_status, new_status; ///< empty when the check is missing on that side
    check_change change = check_change::changed;
};

/// One standard of the earlier report's Performance Improvement Plan, followed into the
/// later report: its items (the checks the plan listed) and whether each is closed.
struct pip_progress {
    int standard = 0;
    std::string title, due;           ///< the standard's title; the plan's due date
    std::string new_finding;          ///< the later report's finding (empty: not scored there)
    std::vector<check_diff> items;    ///< old_status from the plan's report, new_status from the later one
    /// An item is closed when the later report has it met, not applicable or waived.
    static bool closed(const check_diff& c) noexcept;
    /// A standard the plan listed for the reviewers' scores alone (no check) is one item,
    /// closed when the later report's finding is meets or exceeds.
    std::size_t item_count() const noexcept;
    std::size_t closed_items() const noexcept;
};

struct report_diff {
    std::string organization;
    std::string old_as_of, new_as_of;
    std::string old_result, new_result;
    int old_score = 0, new_score = 0;
    std::vector<std::string> warnings;        ///< different catalogs, profiles, organizations (English)
    std::vector<rco::message> warning_messages; ///< the same warnings as messages, for other languages
    std::vector<standard_change> standards;   ///< only the standards whose result or score changed
    std::vector<check_diff> checks;           ///< only the checks whose status changed
    std::size_t unchanged_checks = 0;
    /// The earlier report's Performance Improvement Plan (a report made with reviews), item
    /// by item; empty when it had none.
    std::vector<pip_progress> pip;
    /// True when a standard is no longer met or a check newly fails.
    bool regressed() const noexcept;
};

/// Compares two reports; nullopt with `error` set when a document is not an
/// rco-audit-report/1 report (the message names which one and what is wrong; in English,
/// and as a message in `error_message` when given).
[[nodiscard]] std::optional<report_diff> diff_reports(const boost::json::value& old_report, const boost::json::value& new_report,
                                        std::string& error, rco::message* error_message = nullptr);

/// The diff for people, in `lang`: results and statuses in words, the standards' and
/// checks' titles in `lang` when the catalog has them in it.
std::string write_diff_text(const report_diff& d, const rco::message_language& lang = rco::english());
/// `rco-audit-diff/1` JSON.
std::string write_diff_json(const report_diff& d);

} // namespace rco::report
