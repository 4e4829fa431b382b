#pragma once

// The CSV report, one row per check, for spreadsheets.
#include "rco/report/formats.hpp"

namespace rco::report {

// ---- CSV ------------------------------------------------------------------------------------------

std::string csv_header() {
    return "organization,ein,input_file,profile,as_of,standard,standard_title,standard_result,check_id,slug,title,"
           "level,status,underlying_status,explanation\r\n";
}

std::string csv_header(const report_info& info) {
    auto h = csv_header();
    if (info.expiring_within_days)
        h.insert(h.size() - 2, ",expiring_waiver_days_left");
    return h;
}

std::string csv_rows(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    // The columns for people (titles, explanation) are in the report's language; the
    // column names and machine values (met, fail, required) are the same in every language.
    const wording w(info);
    std::string out;
    // The leading columns repeat on every row so that rows of many organizations can be
    // concatenated, filtered and sorted on their own.
    const std::string lead = csv_field(info.organization_name) + ',' + csv_field(info.organization_ein) + ',' +
                             csv_field(info.input_file) + ',' + csv_field(r.profile) + ',' +
                             csv_field(format_date(r.as_of)) + ',';
    for (const auto& c : r.checks) {
        const auto* s = find_standard(r, c.standard);
        out += lead;
        out += std::to_string(c.standard) + ',';
        out += csv_field(s ? w.title(*s) : "") + ',';
        out += csv_field(s ? to_string(s->result) : "") + ',';
        out += csv_field(c.id) + ',' + csv_field(c.slug) + ',' + csv_field(w.title(c)) + ',';
        out += csv_field(to_string(c.level)) + ',' + csv_field(to_string(c.status)) + ',';
        out += csv_field(c.underlying ? to_string(*c.underlying) : "") + ',';
        // A waived check says whose waiver, and until when, before the check's own explanation.
        out += csv_field(c.waiver ? waiver_text(c, w.lang) + " " + w.explanation(c) : w.explanation(c));
        if (info.expiring_within_days) {
            out += ',';
            if (const auto left = waiver_days_left(c, r.as_of, *info.expiring_within_days))
                out += std::to_string(*left);
        }
        out += "\r\n";
    }
    return out;
}

std::string write_csv(const audit_result& r, const report_info& info) {
    return csv_header(info) + csv_rows(r, info);
}

} // namespace rco::report
