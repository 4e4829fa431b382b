// Shared by the fuzz targets: the input as text, and invariants that abort (so libFuzzer
// and the standalone driver both report them as a crash with the input that broke them).
#pragma once

#include "rco/rco.hpp"

#include <boost/json/parse.hpp>
#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// Aborts with the condition's text when it does not hold.
#define RCO_FUZZ_CHECK(cond) ((cond) ? (void)0 : ::rco::fuzz::invariant_failed(#cond, __FILE__, __LINE__))

namespace rco::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void invariant_failed(const char* what, const char* file, int line) noexcept {
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
    std::abort();
}

/// A record the readers accepted survives both writers: writing it as JSON and as XML
/// and reading that back gives the same JSON text.
inline void check_round_trips(const record& rec) {
    const std::string json = io::write_record_json(rec);
    const auto from_json = io::read_record_json(json, "round-trip.json");
    RCO_FUZZ_CHECK(from_json.ok());
    RCO_FUZZ_CHECK(io::write_record_json(*from_json.record) == json);
    const auto from_xml = io::read_record_xml(io::write_record_xml(rec), "round-trip.xml");
    RCO_FUZZ_CHECK(from_xml.ok());
    RCO_FUZZ_CHECK(io::write_record_json(*from_xml.record) == json);
}

/// The review date a run would use: the record's, else a fixed one.
inline date review_date_or_default(const record& rec) {
    return review_date(rec, std::nullopt).value_or(date{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{30}});
}

/// Audits `rec` and writes every report format; the JSON report parses and diffs
/// cleanly against itself, the JUnit report is well-formed XML. Returns the JSON report.
inline std::string audit_and_report(const record& rec, std::string_view profile, const tailoring& tailor = {},
                                    bool show_names = false) {
    const catalog& cat = io::builtin_catalog();
    const audit_result r = audit(cat, profile, rec, review_date_or_default(rec), tailor);
    report::report_info info;
    info.tool_version = "fuzz";
    info.input_file = "fuzz-input";
    info.catalog_version = cat.version;
    info.catalog_sha256 = cat.sha256;
    if (rec.organization) {
        info.organization_name = rec.organization->name.value_or("");
        info.organization_ein = rec.organization->ein.value_or("");
    }
    info.show_names = show_names;
    info.expiring_within_days = 3650; // every report's list of expiring waivers too

    const std::string json = report::write_json(r, info);
    RCO_FUZZ_CHECK(json == report::write_json(r, info));
    (void)report::write_text(r, info);
    (void)report::write_html(r, info);
    (void)report::write_markdown(r, info);
    (void)report::write_csv(r, info);
    const std::string junit = report::write_junit(r, info);
    pugi::xml_document junit_doc;
    RCO_FUZZ_CHECK(junit_doc.load_buffer(junit.data(), junit.size()));

    std::vector<report::summary_row> rows(2);
    rows[0].organization = info.organization_name;
    rows[0].input_file = info.input_file;
    rows[0].result = r;
    rows[0].ein = info.organization_ein;
    rows[0].report_link = info.input_file; // any text: the link is percent-encoded, then escaped
    rows[1].organization = info.organization_name;
    rows[1].input_file = "unreadable-input";
    rows[1].error = "input error";
    (void)report::write_summary_csv(rows);
    (void)report::write_summary_csv(rows, {}, true);
    (void)report::write_summary_html(rows, "fuzz");

    const boost::json::value doc = boost::json::parse(json);
    std::string error;
    const auto same = report::diff_reports(doc, doc, error);
    RCO_FUZZ_CHECK(same.has_value());
    RCO_FUZZ_CHECK(!same->regressed() && same->checks.empty() && same->standards.empty());
    return json;
}

/// Diffs two JSON reports and writes the diff in both formats; the JSON diff parses.
inline void diff_and_write(const boost::json::value& old_report, const boost::json::value& new_report) {
    std::string error;
    const auto d = report::diff_reports(old_report, new_report, error);
    if (!d) {
        RCO_FUZZ_CHECK(!error.empty());
        return;
    }
    (void)report::write_diff_text(*d);
    const std::string json = report::write_diff_json(*d);
    (void)boost::json::parse(json);
}

/// A review a reader accepted: its checks and standards exist and its scores are in
/// range; it is checked against the starter record (the organization set to match it,
/// so the rest is exercised), folded into the audit when check_reviews finds nothing,
/// and every report is written: the JSON report must parse, the plan and the
/// accreditation section render.
inline void check_review(review rv) {
    const catalog& cat = io::builtin_catalog();
    for (const auto& j : rv.judgments)
        RCO_FUZZ_CHECK(cat.find_check(j.check_id) != nullptr);
    for (const auto& s : rv.scores)
        RCO_FUZZ_CHECK(s.standard >= 1 && s.standard <= 10 && s.has_it >= 0 && s.has_it <= 2 && s.uses_it >= 0 &&
                       s.uses_it <= 2);
    static const auto starter = io::read_record_json(io::starter_record(), "starter-record.json");
    RCO_FUZZ_CHECK(starter.ok());
    const auto& rec = *starter.record;
    (void)check_reviews(audit(cat, "national", rec, review_date_or_default(rec)), rec, {rv});
    rv.organization_ein = rec.organization->ein.value_or("");
    rv.organization_name = rec.organization->name.value_or("");
    const auto as_of = review_date_or_default(rec);
    const auto automatic = audit(cat, "national", rec, as_of);
    if (has_errors(check_reviews(automatic, rec, {rv})))
        return;
    const auto r = apply_reviews(automatic, cat, {}, {rv, rv});
    RCO_FUZZ_CHECK(r.accreditation.has_value());
    report::report_info info;
    info.tool_version = "fuzz";
    info.reviews.push_back({"fuzz.json", "0", rv.reviewer.label()});
    const std::string json = report::write_json(r, info);
    boost::system::error_code ec;
    (void)boost::json::parse(json, ec);
    RCO_FUZZ_CHECK(!ec);
    (void)report::write_text(r, info);
    (void)report::write_html(r, info);
    (void)report::write_markdown(r, info);
    (void)report::write_pip(r, info);
}

} // namespace rco::fuzz
