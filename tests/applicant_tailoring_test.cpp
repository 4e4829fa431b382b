// Per-applicant tailoring: entries of a tailoring file that name the organization they
// are for, and the waivers a report lists as expiring.
#include "rco/io/tailoring_json.hpp"
#include "rco/report/formats.hpp"
#include "rco/report/report.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include <algorithm>

using namespace rco;
namespace json = boost::json;

namespace {

io::tailoring_file applicants_example() {
    std::vector<diagnostic> diags;
    auto t = io::read_tailoring_json(test::slurp(test::source_dir() / "examples/tailoring-applicants.json"),
                                     "tailoring-applicants.json", io::builtin_catalog(), diags);
    BOOST_REQUIRE(t.has_value());
    BOOST_TEST(diags.empty());
    return *t;
}

audit_result audit_example(const std::string& name, const tailoring& t) {
    auto rec = test::to_record(test::load_json(test::source_dir() / ("examples/" + name + ".json")));
    return audit(io::builtin_catalog(), "national", rec, *rec.as_of, t);
}

report::report_info info_for(const audit_result&, const std::string& name, const std::string& ein) {
    auto info = test::report_info_for(name);
    info.organization_ein = ein;
    return info;
}

} // namespace

BOOST_AUTO_TEST_SUITE(applicant_tailoring)

BOOST_AUTO_TEST_CASE(an_applicant_is_matched_by_ein_then_by_name) {
    const applicant by_ein{"93-4417260", "Riverbend Recovery Alliance"};
    BOOST_TEST(by_ein.matches("934417260", "Someone else"));                   // the EIN decides, hyphen or not
    BOOST_TEST(by_ein.matches("93-4417260", "Riverbend Recovery Alliance"));
    BOOST_TEST(!by_ein.matches("31-1875542", "Riverbend Recovery Alliance")); // another EIN: not this one
    BOOST_TEST(!by_ein.matches("", "Riverbend Recovery Alliance"));           // an entry with an EIN needs it
    const applicant by_name{"", "Riverbend Recovery Alliance"};
    BOOST_TEST(by_name.matches("93-4417260", "Riverbend Recovery Alliance")); // no EIN in the entry: the name
    BOOST_TEST(by_name.matches("", "  riverbend  RECOVERY alliance\t"));      // case and spaces aside
    BOOST_TEST(!by_name.matches("93-4417260", "Riverbend"));
    BOOST_TEST(!by_name.matches("", "Riverbend Recovery Alliance Inc"));
    BOOST_TEST(!applicant{}.matches("", ""));
    BOOST_TEST(!(applicant{"", "   "}.matches("", " ")));
    BOOST_TEST(by_ein.describe() == "EIN 93-4417260");
    BOOST_TEST(by_name.describe() == "Riverbend Recovery Alliance");
}

BOOST_AUTO_TEST_CASE(the_reader_takes_entries_for_one_organization) {
    const auto t = applicants_example();
    BOOST_TEST(t.tailoring.not_applicable.empty());
    BOOST_REQUIRE(t.tailoring.not_applicable_for.size() == 1u);
    BOOST_TEST(t.tailoring.not_applicable_for[0].check_id == "S4.4");
    BOOST_TEST(t.tailoring.not_applicable_for[0].for_applicant.ein == "31-1875542");
    BOOST_REQUIRE(t.tailoring.waivers.size() == 2u);
    BOOST_REQUIRE(t.tailoring.waivers[0].for_applicant.has_value());
    BOOST_TEST(t.tailoring.waivers[0].for_applicant->ein == "93-4417260");
    BOOST_TEST(t.tailoring.waivers[1].for_applicant->ein.empty());
    BOOST_TEST(t.tailoring.waivers[1].for_applicant->name == "Riverbend Recovery Alliance");
    // Where each per-organization entry is, for the warning about one no record of a batch is for.
    BOOST_REQUIRE(t.organization_entries.size() == 3u);
    BOOST_TEST(t.organization_entries[0].pointer == "/not_applicable/S4.4/0/organization");
    BOOST_TEST(t.organization_entries[0].line == 8u);
    BOOST_TEST(t.organization_entries[1].pointer == "/waivers/0/organization");
    BOOST_TEST(t.organization_entries[1].line == 14u);
    BOOST_TEST(t.organization_entries[2].pointer == "/waivers/1/organization");
    BOOST_TEST(t.organization_entries[2].line == 17u);
    BOOST_TEST(t.organization_entries[2].organization.describe() == "Riverbend Recovery Alliance");

    std::vector<diagnostic> diags;
    auto bad = io::read_tailoring_json(R"({"format": "rco-tailoring/1",
  "not_applicable": {"S4.4": {"reason": "x", "organization": {"ein": "12-34"}}, "S4.3": [{"reason": "y"}]},
  "waivers": [{"check": "S2.1", "justification": "j", "approved_by": "a", "expires": "2026-12-31",
               "organization": {}, "org": "typo"}]})",
                                       "t.json", io::builtin_catalog(), diags);
    BOOST_TEST(!bad.has_value());
    std::vector<std::string> got;
    for (const auto& d : diags)
        got.push_back(d.pointer + " " + std::to_string(d.line) + ": " + d.message);
    const std::vector<std::string> expected{
        "/not_applicable/S4.4/organization/ein 2: expected an EIN as NN-NNNNNNN, got \"12-34\"",
        "/not_applicable/S4.3/0 2: missing \"organization\" (or give the reason alone, as text, for every organization)",
        "/waivers/0/org 4: unknown field \"org\" (expected check, justification, approved_by, expires or organization)",
        "/waivers/0/organization 4: name the organization by \"ein\" (and \"name\" as a fallback)",
    };
    BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(in_a_batch_an_entry_applies_to_its_applicant_only) {
    const auto t = applicants_example();
    const auto riverbend = audit_example("riverbend-emerging-rco", t.tailoring);
    const auto northfield = audit_example("northfield-wellness-collective", t.tailoring);
    const auto harbor = audit_example("harbor-recovery-community", t.tailoring);

    // Riverbend's waivers: S5.1 by EIN, S9.3 by name (the entry gives no EIN).
    const auto* s51 = riverbend.find_check("S5.1");
    BOOST_TEST(s51->status == status::waived);
    BOOST_TEST(*s51->underlying == status::fail);
    BOOST_TEST(riverbend.find_check("S9.3")->status == status::waived);
    BOOST_TEST(riverbend.find_check("S4.4")->status != status::not_applicable);
    BOOST_TEST(to_string(riverbend.result) == "meets_standards"); // S5.1 was its only unmet required check
    // Northfield fails S5.1 as well, and is not waived: the waiver is Riverbend's.
    BOOST_TEST(northfield.find_check("S5.1")->status == status::fail);
    BOOST_TEST(northfield.find_check("S9.3")->status == status::fail);
    const auto* s44 = northfield.find_check("S4.4");
    BOOST_TEST(s44->status == status::not_applicable);
    BOOST_TEST(s44->explanation() == "Marked not applicable for this organization (EIN 31-1875542) by tailoring: "
                                   "Northfield's members chose to stay off the web; the office accepts its posted "
                                   "notices instead.");
    // Another applicant's entries are not echoed in a report: they are not its tailoring.
    for (const auto& note : northfield.tailoring)
        BOOST_TEST(note.check_id == "S4.4");
    BOOST_TEST(harbor.tailoring.empty());
    BOOST_REQUIRE(riverbend.tailoring.size() == 2u);
    BOOST_TEST(riverbend.tailoring[0].what() ==
               "waived for this organization (EIN 93-4417260) until 2026-07-20, approved by State RCO certification "
               "office: Two community input events were cancelled by the 2026 floods; the office accepts two until "
               "the next review.");

    // The reports say it is waived for this organization, and by whom.
    const auto info = info_for(riverbend, "Riverbend Recovery Alliance", "93-4417260");
    const std::string said = "Waived for this organization (EIN 93-4417260) by State RCO certification office until "
                             "2026-07-20: Two community input events";
    BOOST_TEST(report::waiver_sentence(*s51).rfind(said, 0) == 0u);
    BOOST_TEST(report::waiver_sentence(*s51).find("Without the waiver: Fail.") != std::string::npos);
    auto text = report::write_text(riverbend, info);
    std::replace(text.begin(), text.end(), '\n', ' '); // the text report wraps its lines
    text.erase(std::unique(text.begin(), text.end(), [](char a, char b) { return a == ' ' && b == ' '; }), text.end());
    BOOST_TEST(text.find("Waived for this organization (EIN 93-4417260) by State RCO certification office until") !=
               std::string::npos);
    BOOST_TEST(report::write_html(riverbend, info).find(said) != std::string::npos);
    BOOST_TEST(report::write_markdown(riverbend, info).find(said) != std::string::npos);
    const auto js = json::parse(report::write_json(riverbend, info));
    for (const auto& c : js.at("checks").as_array())
        if (c.at("id").as_string() == "S5.1")
            BOOST_TEST(c.at("waiver").at("organization").at("ein").as_string() == "93-4417260");
}

BOOST_AUTO_TEST_CASE(reports_list_the_waivers_that_expire_soon) {
    const auto t = applicants_example();
    const auto r = audit_example("riverbend-emerging-rco", t.tailoring); // as of 2026-06-30
    auto info = info_for(r, "Riverbend Recovery Alliance", "93-4417260");
    // Without the option, no list.
    BOOST_TEST(report::write_text(r, info).find("WAIVERS EXPIRING") == std::string::npos);
    BOOST_TEST(!json::parse(report::write_json(r, info)).as_object().contains("expiring_waivers"));

    auto soon = report::expiring_waivers(r, 30);
    BOOST_REQUIRE(soon.size() == 1u); // S5.1 on 2026-07-20; S9.3 on 2026-12-31 is later
    BOOST_TEST(soon[0]->id == "S5.1");
    BOOST_TEST(report::expiring_waivers(r, 19).empty());
    BOOST_TEST(report::expiring_waivers(r, 20).size() == 1u);
    BOOST_TEST(report::expiring_waivers(r, 184).size() == 2u);

    info.expiring_within_days = 30;
    const std::string line = "S5.1 Regular community input events: expires 2026-07-20, in 20 days; waived for this "
                             "organization; approved by State RCO certification office.";
    const auto text = report::write_text(r, info);
    BOOST_TEST(text.find("\nWAIVERS EXPIRING WITHIN 30 DAYS (by 2026-07-30)\n") != std::string::npos);
    BOOST_TEST(text.find("S5.1 Regular community input events: expires 2026-07-20, in 20 days; waived for this\n") !=
               std::string::npos);
    BOOST_TEST(text.find("S9.3 ", text.find("WAIVERS EXPIRING")) > text.find("\nEVERY CHECK\n"));

    const auto js = json::parse(report::write_json(r, info));
    const auto& exp = js.at("expiring_waivers");
    BOOST_TEST(exp.at("within_days").as_int64() == 30);
    BOOST_TEST(exp.at("by").as_string() == "2026-07-30");
    BOOST_REQUIRE(exp.at("checks").as_array().size() == 1u);
    const auto& e = exp.at("checks").as_array()[0];
    BOOST_TEST(e.at("check").as_string() == "S5.1");
    BOOST_TEST(e.at("expires").as_string() == "2026-07-20");
    BOOST_TEST(e.at("days_left").as_int64() == 20);
    BOOST_TEST(e.at("for_this_organization_only").as_bool() == true);

    const auto html = report::write_html(r, info);
    const auto section = html.find("<section id=\"expiring-waivers\"");
    BOOST_TEST(section != std::string::npos);
    BOOST_TEST(html.find("<h2 id=\"expiring-waivers-heading\">Waivers expiring within 30 days (by 2026-07-30)</h2>") !=
               std::string::npos);
    BOOST_TEST(html.find("<li><a href=\"#check-S5.1\">" + report::html_escape(line) + "</a></li>", section) !=
               std::string::npos);
    const auto md = report::write_markdown(r, info);
    BOOST_TEST(md.find("\n## Waivers expiring within 30 days (by 2026-07-30)\n\n- " + report::markdown_escape(line) +
                       "\n") != std::string::npos);

    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(report::write_junit(r, info).c_str()));
    int noted = 0;
    for (auto suite : doc.child("testsuites").children("testsuite"))
        for (auto tc : suite.children("testcase"))
            if (std::string(tc.child_value("system-out")).find("Expiring within 30 days: " + line) != std::string::npos) {
                ++noted;
                BOOST_TEST(std::string(tc.attribute("name").value()) == "S5.1 community-input");
            }
    BOOST_TEST(noted == 1);

    const auto csv = report::write_csv(r, info);
    BOOST_TEST(csv.rfind(",underlying_status,explanation,expiring_waiver_days_left\r\n") ==
               csv.find("\r\n") - std::string(",underlying_status,explanation,expiring_waiver_days_left").size());
    int expiring_rows = 0;
    std::size_t pos = 0;
    while ((pos = csv.find("\r\n", pos + 1)) != std::string::npos && pos + 2 < csv.size()) {
        const auto end = csv.find("\r\n", pos + 2);
        const auto row = csv.substr(pos + 2, end - pos - 2);
        if (row.size() >= 3 && row.compare(row.size() - 3, 3, ",20") == 0) {
            ++expiring_rows;
            BOOST_TEST(row.find(",S5.1,") != std::string::npos);
        }
    }
    BOOST_TEST(expiring_rows == 1);
    BOOST_TEST(report::write_csv(r, test::report_info_for()).find("expiring_waiver") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_expiring_list_ends_on_the_last_day) {
    // Northfield, reviewed as of 2026-06-30, fails S5.1 and S9.3.
    tailoring t;
    t.waivers.push_back({"S5.1", "Events cancelled by the floods", "State office", *parse_date("2026-07-30"),
                         applicant{"311875542", ""}});                                          // as of + 30
    t.waivers.push_back({"S9.3", "Guide adopted in August", "State office", *parse_date("2026-07-31")}); // + 31
    const auto r = audit_example("northfield-wellness-collective", t);
    BOOST_REQUIRE(r.find_check("S5.1")->status == status::waived);
    BOOST_REQUIRE(r.find_check("S9.3")->status == status::waived);
    auto ids = [&r](int days) {
        std::vector<std::string> v;
        for (const auto* c : report::expiring_waivers(r, days))
            v.emplace_back(c->id);
        return v;
    };
    BOOST_TEST(ids(29).empty());
    BOOST_TEST(ids(30) == std::vector<std::string>{"S5.1"}); // expires exactly at DAYS: listed
    BOOST_TEST(ids(31) == (std::vector<std::string>{"S5.1", "S9.3"}));
    BOOST_TEST(*report::waiver_days_left(*r.find_check("S9.3"), r.as_of, 31) == 31);
    BOOST_TEST(!report::waiver_days_left(*r.find_check("S9.3"), r.as_of, 30)); // one day after: not listed
    BOOST_TEST(!report::waiver_days_left(*r.find_check("S2.1"), r.as_of, 3650)); // not waived
    BOOST_TEST(report::expiring_waiver_line(*r.find_check("S5.1"), r.as_of) ==
               "S5.1 " + r.find_check("S5.1")->title() +
                   ": expires 2026-07-30, in 30 days; waived for this organization; approved by State office.");

    auto info = test::report_info_for("Northfield Wellness Collective");
    info.expiring_within_days = 29;
    BOOST_TEST(report::write_text(r, info).find("\nWAIVERS EXPIRING WITHIN 29 DAYS (by 2026-07-29)\n  None.\n") !=
               std::string::npos);
    BOOST_TEST(json::parse(report::write_json(r, info)).at("expiring_waivers").at("checks").as_array().empty());
    info.expiring_within_days = 0;
    BOOST_TEST(report::write_markdown(r, info).find("\n## Waivers expiring within 0 days (by 2026-06-30)\n\nNone.\n") !=
               std::string::npos);

    // A waiver in force on its last day, the review date: listed with DAYS 0, "today".
    tailoring today;
    today.waivers.push_back({"S5.1", "Last day", "State office", *parse_date("2026-06-30")});
    const auto last_day = audit_example("northfield-wellness-collective", today);
    BOOST_REQUIRE(last_day.find_check("S5.1")->status == status::waived);
    BOOST_REQUIRE(report::expiring_waivers(last_day, 0).size() == 1u);
    BOOST_TEST(report::expiring_waiver_line(*last_day.find_check("S5.1"), last_day.as_of).find(
                   ": expires 2026-06-30, today; approved by State office.") != std::string::npos);
    // Expired the day before: not applied, so not listed.
    today.waivers[0].expires = *parse_date("2026-06-29");
    const auto expired = audit_example("northfield-wellness-collective", today);
    BOOST_TEST(expired.find_check("S5.1")->status == status::fail);
    BOOST_TEST(report::expiring_waivers(expired, 3650).empty());
}

BOOST_AUTO_TEST_CASE(a_batch_entry_by_name_says_the_name_and_the_csv_says_whose_waiver) {
    const auto t = applicants_example();
    const auto riverbend = audit_example("riverbend-emerging-rco", t.tailoring);
    const auto info = info_for(riverbend, "Riverbend Recovery Alliance", "93-4417260");
    const std::string said = "Waived for this organization (Riverbend Recovery Alliance) by State RCO certification "
                             "office until 2026-12-31: The language guide is being adopted at the September board "
                             "meeting.";
    BOOST_TEST(report::waiver_sentence(*riverbend.find_check("S9.3")).rfind(said, 0) == 0u);
    BOOST_TEST(report::write_markdown(riverbend, info).find(report::markdown_escape(said)) != std::string::npos);
    const auto csv = report::write_csv(riverbend, info);
    BOOST_TEST(csv.find(",S9.3,") != std::string::npos);
    BOOST_TEST(csv.find(",S9.3,language-guide,Language guide adopted,recommended,waived,fail," + said +
                        " Without the waiver: Fail. No language guide is recorded.\r\n") != std::string::npos);
    // A waiver for every organization keeps its wording.
    tailoring everyone;
    everyone.waivers.push_back({"S5.1", "Floods", "State office", *parse_date("2026-12-31")});
    const auto r = audit_example("northfield-wellness-collective", everyone);
    BOOST_TEST(report::waiver_sentence(*r.find_check("S5.1")) ==
               "Waived until 2026-12-31, approved by State office: Floods. Without the waiver: Fail.");
}

BOOST_AUTO_TEST_SUITE_END()
