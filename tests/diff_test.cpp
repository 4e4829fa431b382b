#include "rco/report/diff.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;
namespace json = boost::json;

namespace {
json::value report_of(const char* patch, std::string_view profile = "national") {
    json::value v = test::base_record_json();
    test::merge_patch(v, json::parse(patch));
    report::report_info info;
    info.organization_name = "Harbor Recovery Community";
    info.catalog_sha256 = io::builtin_catalog().sha256;
    return json::parse(report::write_json(test::audit_json(v, profile), info));
}
} // namespace

BOOST_AUTO_TEST_SUITE(diff)

BOOST_AUTO_TEST_CASE(classifies_changes) {
    auto before = report_of(R"({"board":{"meetings":[]},"bylaws":{"recovery_leadership_clause":null}})");
    auto after = report_of(R"({"peer_workers":[]})");
    std::string error;
    auto d = report::diff_reports(before, after, error);
    BOOST_REQUIRE(d.has_value());
    BOOST_TEST(d->warnings.empty());
    BOOST_TEST(d->old_result == "does_not_meet");
    BOOST_TEST(d->new_result == "does_not_meet");
    std::map<std::string, std::string> changes;
    for (const auto& c : d->checks)
        changes[c.id] = std::string(to_string(c.change)) + " " + c.old_status + "->" + c.new_status;
    BOOST_TEST(changes.at("S2.3") == "fixed fail->pass");
    BOOST_TEST(changes.at("S2.4") == "fixed insufficient_evidence->pass");
    BOOST_TEST(changes.at("S6.3") == "newly_failing pass->fail");
    BOOST_TEST(d->regressed());
    BOOST_TEST(d->unchanged_checks + d->checks.size() == 43u);
    const auto& s2 = d->standards.at(0);
    BOOST_TEST(s2.number == 2);
    BOOST_TEST(s2.old_result == "not_met");
    BOOST_TEST(s2.new_result == "met");
}

BOOST_AUTO_TEST_CASE(text_says_results_and_statuses_in_words) {
    auto before = report_of(R"({"board":{"meetings":[]},"bylaws":{"recovery_leadership_clause":null}})");
    auto after = report_of(R"({"peer_workers":[]})");
    std::string error;
    const auto d = report::diff_reports(before, after, error);
    BOOST_REQUIRE(d.has_value());
    const auto text = report::write_diff_text(*d);
    BOOST_TEST(text.find("Overall: does not meet the standards → does not meet the standards; score ") !=
               std::string::npos);
    BOOST_TEST(text.find("  2. Led and governed by the recovery community: does not meet → meets, score ") !=
               std::string::npos);
    BOOST_TEST(text.find("  S2.3 Board meets regularly: does not meet → meets\n") != std::string::npos);
    BOOST_TEST(text.find("  S2.4 Bylaws require recovery leadership: evidence missing → meets\n") != std::string::npos);
    BOOST_TEST(text.find("  S6.3 Peer workers trained: meets → does not meet\n") != std::string::npos);
    for (const char* code : {"insufficient_evidence", "not_met", "does_not_meet", " -> ", "FAIL"})
        BOOST_TEST(text.find(code) == std::string::npos, code);
}

BOOST_AUTO_TEST_CASE(warns_about_different_profiles_and_rejects_other_documents) {
    std::string error;
    auto d = report::diff_reports(report_of("{}"), report_of("{}", "michigan"), error);
    BOOST_REQUIRE(d.has_value());
    BOOST_REQUIRE(d->warnings.size() == 1u);
    BOOST_TEST(d->warnings[0].find("the reports were made with different profiles (old: national, new: michigan)") == 0u);
    BOOST_TEST(!d->regressed());
    BOOST_TEST(!report::diff_reports(json::parse(R"({"format":"rco-record/1"})"), report_of("{}"), error));
    BOOST_TEST(error.find("the old report is not an rco-audit-report/1 report") == 0u);
}

BOOST_AUTO_TEST_CASE(scores_must_be_percentages) {
    // A hand-made review file with scores near the int limits made "score_change" overflow;
    // any score that is not 0 to 100 is refused, naming where it is.
    std::string error;
    auto forged = report_of("{}");
    forged.as_object()["score"] = 2147483647;
    auto low = report_of("{}");
    low.as_object()["score"] = -2147483647 - 1;
    BOOST_TEST(!report::diff_reports(low, forged, error));
    BOOST_TEST(error == "the old report has a \"score\" that is not a whole number from 0 to 100");
    auto standard = report_of("{}");
    standard.as_object()["standards"].as_array()[3].as_object()["score"] = 9223372036854775807LL;
    BOOST_TEST(!report::diff_reports(report_of("{}"), standard, error));
    BOOST_TEST(error == "the new report has a score that is not a whole number from 0 to 100 at /standards/3/score");
    auto fine = report_of("{}");
    fine.as_object()["score"] = 0;
    const auto d = report::diff_reports(fine, report_of("{}"), error);
    BOOST_REQUIRE(d.has_value());
    BOOST_TEST(d->old_score == 0);
    BOOST_TEST(d->new_score == 100);
    BOOST_TEST(report::write_diff_text(*d).find("score 0% → 100% (+100)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(follows_the_earlier_improvement_plan_item_by_item) {
    const auto before = json::parse(R"({"format": "rco-audit-report/1", "as_of": "2026-06-30", "result": "does_not_meet",
        "score": 80, "standards": [{"number": 8, "title": "Diverse, equitable and inclusive", "result": "not_met",
        "score": 50, "review": {"finding": "requires_improvement"}}],
        "checks": [{"id": "S8.1", "title": "Nondiscrimination policy", "status": "fail"},
                   {"id": "S8.2", "title": "Language access", "status": "insufficient_evidence"},
                   {"id": "S8.5", "title": "Board reflects the community", "status": "manual_review"}],
        "accreditation": {"pip": {"due_days": 90, "due": "2026-09-28",
                          "standards": [{"standard": 8, "checks": ["S8.1", "S8.2", "S8.5"], "due": "2026-09-28"}]}}})");
    const auto after = json::parse(R"({"format": "rco-audit-report/1", "as_of": "2027-06-30", "result": "does_not_meet",
        "score": 90, "standards": [{"number": 8, "title": "Diverse, equitable and inclusive", "result": "not_met",
        "score": 75, "review": {"finding": "meets"}}],
        "checks": [{"id": "S8.1", "title": "Nondiscrimination policy", "status": "pass"},
                   {"id": "S8.2", "title": "Language access", "status": "insufficient_evidence"},
                   {"id": "S8.5", "title": "Board reflects the community", "status": "not_applicable"}]})");
    std::string error;
    const auto d = report::diff_reports(before, after, error);
    BOOST_REQUIRE(d.has_value());
    BOOST_REQUIRE(d->pip.size() == 1u);
    const auto& p = d->pip[0];
    BOOST_TEST(p.standard == 8);
    BOOST_TEST(p.due == "2026-09-28");
    BOOST_TEST(p.new_finding == "meets");
    BOOST_REQUIRE(p.items.size() == 3u);
    BOOST_TEST(p.closed_items() == 2u);
    BOOST_TEST(!report::pip_progress::closed(p.items[1]));
    const auto text = report::write_diff_text(*d);
    BOOST_TEST(text.find("\nPerformance Improvement Plan of the review of 2026-06-30: 2 of 3 items closed\n"
                         "  8. Diverse, equitable and inclusive (due 2026-09-28): requires improvement \u2192 meets\n"
                         "    S8.1 Nondiscrimination policy: does not meet \u2192 meets (closed)\n"
                         "    S8.2 Language access: evidence missing \u2192 evidence missing (open)\n"
                         "    S8.5 Board reflects the community: needs a reviewer \u2192 does not apply (closed)\n") !=
                   std::string::npos,
               text);
    const auto j = json::parse(report::write_diff_json(*d));
    BOOST_TEST(j.at("pip").at("items").as_int64() == 3);
    BOOST_TEST(j.at("pip").at("items_closed").as_int64() == 2);
    const auto& items = j.at("pip").at("standards").at(0).at("items").as_array();
    BOOST_TEST(items.at(0).at("closed").as_bool());
    BOOST_TEST(items.at(1).at("new").as_string() == "insufficient_evidence");
    BOOST_TEST(!items.at(1).at("closed").as_bool());
    // A report without a plan: no "pip" at all.
    const auto none = report::diff_reports(after, after, error);
    BOOST_REQUIRE(none.has_value());
    BOOST_TEST(none->pip.empty());
    BOOST_TEST(!json::parse(report::write_diff_json(*none)).as_object().contains("pip"));
    BOOST_TEST(report::write_diff_text(*none).find("Improvement Plan") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
