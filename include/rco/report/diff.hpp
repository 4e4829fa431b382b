// Progress between two audits of one organization: compares two rco-audit-report/1
// JSON documents. Pure: parsed JSON in, a diff and its renderings out.
#pragma once

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

struct report_diff {
    std::string organization;
    std::string old_as_of, new_as_of;
    std::string old_result, new_result;
    int old_score = 0, new_score = 0;
    std::vector<std::string> warnings;        ///< different catalogs, profiles, organizations
    std::vector<standard_change> standards;   ///< only the standards whose result or score changed
    std::vector<check_diff> checks;           ///< only the checks whose status changed
    std::size_t unchanged_checks = 0;
    /// True when a standard is no longer met or a check newly fails.
    bool regressed() const noexcept;
};

/// Compares two reports; nullopt with `error` set when a document is not an
/// rco-audit-report/1 report (the message names which one and what is wrong).
[[nodiscard]] std::optional<report_diff> diff_reports(const boost::json::value& old_report, const boost::json::value& new_report,
                                        std::string& error);

std::string write_diff_text(const report_diff& d);
/// `rco-audit-diff/1` JSON.
std::string write_diff_json(const report_diff& d);

} // namespace rco::report
