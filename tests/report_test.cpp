#include "rco/report/report.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>
#include <utility>

using namespace rco;
namespace json = boost::json;

BOOST_AUTO_TEST_SUITE(reports)

BOOST_AUTO_TEST_CASE(json_report_has_the_versioned_shape) {
    auto text = report::write_json(test::audit_with_untrained_peer(), test::report_info_for());
    auto root = json::parse(text).as_object();
    BOOST_TEST(root.at("format").as_string() == "rco-audit-report/1");
    BOOST_TEST(root.at("tool").at("version").as_string() == "9.9.9");
    BOOST_TEST(root.at("input").at("sha256").as_string().size() == 64u);
    BOOST_TEST(root.at("catalog").at("sha256").as_string() == io::builtin_catalog().sha256);
    BOOST_TEST(root.at("profile").as_string() == "national");
    BOOST_TEST(root.at("as_of").as_string() == "2026-06-30");
    BOOST_TEST(root.at("result").as_string() == "does_not_meet");
    BOOST_TEST(root.at("standards").as_array().size() == 10u);
    const auto& s6 = root.at("standards").as_array()[5].as_object();
    BOOST_TEST(s6.at("number").as_int64() == 6);
    BOOST_TEST(s6.at("result").as_string() == "not_met");
    BOOST_TEST(root.at("checks").as_array().size() == 43u);
    const auto& first = root.at("checks").as_array()[0].as_object();
    for (const char* key : {"id", "slug", "standard", "level", "status", "explanation", "pointers"})
        BOOST_TEST(first.contains(key), key);
    BOOST_TEST(text.back() == '\n');
}

BOOST_AUTO_TEST_CASE(no_person_is_named_unless_asked) {
    const auto r = test::audit_with_untrained_peer();
    const auto* s63 = r.find_check("S6.3");
    BOOST_REQUIRE(s63);
    BOOST_TEST(to_string(s63->status) == "fail");
    BOOST_TEST(s63->subjects == std::vector<std::string>{"p-alpha"}, boost::test_tools::per_element());
    // Board member ids of the base record must not leak either (S2.1 counts them).
    for (bool as_json : {true, false}) {
        auto text = as_json ? report::write_json(r, test::report_info_for()) : report::write_text(r, test::report_info_for());
        BOOST_TEST(text.find("p-alpha") == std::string::npos);
        for (const auto& m : test::base_record_json().at("board").at("members").as_array()) {
            const std::string id(m.at("id").as_string());
            BOOST_TEST(!std::regex_search(text, std::regex("\\b" + id + "\\b")), "report names " << id);
        }
    }
    auto named = report::write_json(r, test::report_info_for("Harbor Recovery Community", true));
    BOOST_TEST(named.find("\"p-alpha\"") != std::string::npos);
    BOOST_TEST(json::parse(named).at("names_included").as_bool() == true);
    BOOST_TEST(report::write_text(r, test::report_info_for("Harbor Recovery Community", true)).find("People concerned: p-alpha") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_report_puts_the_verdict_first_and_orders_the_plan) {
    auto text = report::write_text(test::audit_with_untrained_peer(), test::report_info_for());
    BOOST_TEST(text.rfind("RCO standards audit: Harbor Recovery Community\n", 0) == 0u);
    const auto verdict = text.find("RESULT: DOES NOT MEET THE STANDARDS — 9 of 10 standards met");
    const auto standards = text.find("\nSTANDARDS\n");
    const auto plan = text.find("\nWHAT TO DO NEXT\n");
    const auto every = text.find("\nEVERY CHECK\n");
    BOOST_TEST(verdict != std::string::npos);
    BOOST_TEST((verdict < standards && standards < plan && plan < every));
    BOOST_TEST(text.find("  1. [S6.3]") != std::string::npos);
    // S6.3 (weight 2) and S6.4 (2) fail; S6.1 (3), S6.2 (3), S6.5 (1) pass: 7 of 11 = 64%.
    BOOST_TEST(text.find("  NOT MET      64%   6. Peer recovery support services, nonclinical\n") != std::string::npos);
}

// The action plan points into the result it was made from, so it cannot be made from a temporary.
template <class T>
concept makes_action_plan = requires(T&& r) { report::action_plan(std::forward<T>(r)); };
static_assert(makes_action_plan<const audit_result&>);
static_assert(makes_action_plan<audit_result&>);
static_assert(!makes_action_plan<audit_result>);
static_assert(!makes_action_plan<const audit_result>);

BOOST_AUTO_TEST_CASE(action_plan_puts_required_first) {
    json::value v = test::base_record_json();
    test::merge_patch(v, json::parse(R"({"bylaws":{"recovery_leadership_clause":false},"board":{"meetings":[]}})"));
    const audit_result result = test::audit_json(v);
    auto plan = report::action_plan(result); // the plan points into `result`
    BOOST_REQUIRE(plan.size() >= 2u);
    BOOST_TEST(plan[0]->id == "S2.3");
    BOOST_TEST(to_string(plan[0]->level) == "required");
    BOOST_TEST(plan.back()->id != "S2.3");
}

BOOST_AUTO_TEST_CASE(reports_are_byte_identical_for_identical_inputs) {
    auto a = report::write_json(test::audit_with_untrained_peer(), test::report_info_for());
    auto b = report::write_json(test::audit_with_untrained_peer(), test::report_info_for());
    BOOST_TEST(a == b);
    BOOST_TEST(report::write_text(test::audit_with_untrained_peer(), test::report_info_for()) == report::write_text(test::audit_with_untrained_peer(), test::report_info_for()));
}

BOOST_AUTO_TEST_CASE(make_report_info_fills_the_provenance_the_cli_prints) {
    record rec;
    rec.organization.emplace();
    rec.organization->name = "Harbor Recovery Community";
    rec.organization->ein = "41-2873561";
    const std::vector<diagnostic> diags{{severity::warning, "in.json", 3, 4, "/misson", "unknown field"},
                                        {severity::error, "in.json", 5, 1, "/as_of", "not a date"}};
    const auto& cat = io::builtin_catalog();
    const auto info = report::make_report_info(cat, rec, "hello", "in.json", diags);
    BOOST_TEST(info.tool_version == "0.1.0");
    BOOST_TEST(info.input_file == "in.json");
    BOOST_TEST(info.input_sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    BOOST_TEST(info.catalog_version == cat.version);
    BOOST_TEST(info.catalog_sha256 == cat.sha256);
    BOOST_TEST(info.catalog_sha256.size() == 64u);
    BOOST_TEST(info.organization_name == "Harbor Recovery Community");
    BOOST_TEST(info.organization_ein == "41-2873561");
    BOOST_REQUIRE(info.warnings.size() == 1u);
    BOOST_TEST(info.warnings[0].pointer == "/misson");
    BOOST_TEST(info.tailoring_file.empty());
    BOOST_TEST(!info.show_names);
    // No organization section: the labels stay empty, the digests are still there.
    const auto bare = report::make_report_info(cat, record{}, "", "-");
    BOOST_TEST(bare.organization_name.empty());
    BOOST_TEST(bare.input_sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const auto root = json::parse(report::write_json(test::audit_with_untrained_peer(), info)).as_object();
    BOOST_TEST(root.at("tool").at("version").as_string() == "0.1.0");
    BOOST_TEST(root.at("catalog").at("version").as_string() == cat.version);
}

BOOST_AUTO_TEST_SUITE_END()
