#pragma once

// The JUnit XML report, for CI dashboards.
#include "rco/report/formats.hpp"

namespace rco::report {

namespace formats_detail {
namespace {

/// Element content of XML: only & < > need escaping; quotes stay readable.
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for_each_safe_char(text, out, [&](char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += ch;
        }
    });
    return out;
}

constexpr message_def junit_comment{
    "report.junit.comment",
    "rco-audit: one testsuite per standard, one testcase per check. Failures: fail and needs evidence. Skipped: not "
    "applicable, and needs review (a person must decide). Waived checks pass with a note."};
constexpr message_def junit_expiring{"report.junit.expiring", "Expiring within {count} day: {waiver}",
                                     "Expiring within {count} days: {waiver}", "count"};

} // namespace
} // namespace formats_detail

// ---- JUnit XML ------------------------------------------------------------------------------------

// Mapping (a CI dashboard shows red for failures and yellow/grey for skips):
//   fail, insufficient_evidence -> <failure type="…">: either keeps a required standard
//     from being met, and missing evidence is something the organization must act on.
//   not_applicable -> <skipped message="reason">.
//   manual_review -> <skipped message="needs review: question">, not a failure: nothing has
//     been found wrong, a person must decide. It still keeps the standard incomplete,
//     which the CLI's exit code reports; calling it a failure would claim a finding the
//     tool did not make.
//   waived -> a passing testcase with a <system-out> note naming the waiver.
std::string write_junit(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    const wording w(info);
    const auto& lang = w.lang;
    auto a = [](std::string_view s) { return xml_attribute_escape(s); };
    auto is_failure = [](status s) { return s == status::fail || s == status::insufficient_evidence; };
    auto is_skip = [](status s) { return s == status::not_applicable || s == status::manual_review; };

    int tests = 0, failures = 0, skipped = 0;
    for (const auto& c : r.checks) {
        ++tests;
        failures += is_failure(c.status);
        skipped += is_skip(c.status);
    }

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    // A comment may not hold "--".
    auto comment = xml_text(w.word(junit_comment));
    for (auto at = comment.find("--"); at != std::string::npos; at = comment.find("--"))
        comment.replace(at, 2, "- -");
    out += "<!-- " + comment + " -->\n";
    out += "<testsuites name=\"" + a(w.say(word_heading, {{"organization", organization_label(info, w)}})) + "\" tests=\"" +
           std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"" +
           std::to_string(skipped) + "\">\n";
    for (const auto& s : r.standards) {
        int st = 0, sf = 0, ss = 0;
        for (const auto& c : r.checks)
            if (c.standard == s.number) {
                ++st;
                sf += is_failure(c.status);
                ss += is_skip(c.status);
            }
        const auto n = std::to_string(s.number);
        out += "  <testsuite name=\"" + a(w.standard_heading(s)) + "\" tests=\"" + std::to_string(st) +
               "\" failures=\"" + std::to_string(sf) + "\" errors=\"0\" skipped=\"" + std::to_string(ss) + "\">\n";
        out += "    <properties>\n";
        auto property = [&](std::string_view name, std::string_view value) {
            out += "      <property name=\"" + std::string(name) + "\" value=\"" + a(value) + "\"/>\n";
        };
        property("standard.result", to_string(s.result));
        property("standard.score", std::to_string(s.score));
        property("organization", organization_label(info, wording(english()))); // the same in every language
        property("profile", r.profile);
        property("as_of", format_date(r.as_of));
        property("input.file", info.input_file);
        property("input.sha256", info.input_sha256);
        property("catalog.version", info.catalog_version);
        property("catalog.sha256", info.catalog_sha256);
        property("tool.version", info.tool_version);
        out += "    </properties>\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out += "    <testcase classname=\"rco.standard" + n + "\" name=\"" +
                   a(std::string(c.id) + " " + std::string(c.slug)) + "\"";
            if (is_failure(c.status)) {
                std::string body = w.explanation(c) + "\n";
                for (const auto& f : c.findings)
                    body += "- " + finding_text(f, w) + "\n";
                const auto evidence = join(w.evidence(c), "; ");
                if (c.status == status::insufficient_evidence) {
                    body += w.word(word_record) + " " + evidence + "\n";
                } else {
                    body += w.word(word_next_step) + " " + w.remediation(c) + "\n";
                    if (!evidence.empty())
                        body += w.word(word_keep) + " " + evidence + "\n";
                }
                if (info.show_names && !c.subjects.empty())
                    body += w.word(word_people) + " " + join(c.subjects, ", ") + "\n";
                out += ">\n      <failure message=\"" + a(w.explanation(c)) + "\" type=\"" +
                       std::string(to_string(c.status)) + "\">" + xml_text(body) + "</failure>\n    </testcase>\n";
            } else if (c.status == status::not_applicable) {
                out += ">\n      <skipped message=\"" + a(w.explanation(c)) + "\"/>\n    </testcase>\n";
            } else if (c.status == status::manual_review) {
                out += ">\n      <skipped message=\"" + a(plain(status::manual_review, lang) + ": " + w.question(c)) +
                       "\"/>\n";
                if (const auto explanation = w.explanation(c); !explanation.empty())
                    out += "      <system-out>" + xml_text(explanation) + "</system-out>\n";
                out += "    </testcase>\n";
            } else if (c.status == status::waived) {
                std::string note = waiver_text(c, lang) + "\n";
                if (info.expiring_within_days && waiver_days_left(c, r.as_of, *info.expiring_within_days))
                    note += w.say(junit_expiring, {{"count", std::int64_t{*info.expiring_within_days}},
                                                   {"waiver", expiring_waiver_line(c, r.as_of, lang)}}) +
                            "\n";
                out += ">\n      <system-out>" + xml_text(note + w.explanation(c)) + "</system-out>\n    </testcase>\n";
            } else {
                out += "/>\n";
            }
        }
        out += "  </testsuite>\n";
    }
    out += "</testsuites>\n";
    return out;
}

} // namespace rco::report
