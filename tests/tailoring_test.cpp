#include "rco/io/tailoring_json.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

namespace {
std::optional<io::tailoring_file> read(std::string_view text, std::vector<diagnostic>& diags) {
    return io::read_tailoring_json(text, "t.json", io::builtin_catalog(), diags);
}
} // namespace

BOOST_AUTO_TEST_SUITE(tailoring_json)

BOOST_AUTO_TEST_CASE(reads_the_bundled_example) {
    std::vector<diagnostic> diags;
    auto t = read(test::slurp(test::source_dir() / "examples/tailoring-state-office.json"), diags);
    BOOST_REQUIRE(t.has_value());
    BOOST_TEST(diags.empty());
    BOOST_TEST(*t->profile == "florida");
    BOOST_TEST(t->tailoring.levels.at("S5.4") == level::required);
    BOOST_TEST(std::get<std::int64_t>(t->tailoring.parameters.at("S2.3").at("min_board_meetings")) == 6);
    BOOST_TEST(t->tailoring.not_applicable.at("S1.5").find("Fiscally sponsored") == 0u);
    BOOST_REQUIRE(t->tailoring.waivers.size() == 1u);
    BOOST_TEST(t->tailoring.waivers[0].check_id == "S5.1");
    BOOST_TEST(format_date(t->tailoring.waivers[0].expires) == "2026-12-31");
}

BOOST_AUTO_TEST_CASE(the_example_applied_to_riverbend) {
    std::vector<diagnostic> diags;
    auto t = read(test::slurp(test::source_dir() / "examples/tailoring-state-office.json"), diags);
    BOOST_REQUIRE(t.has_value());
    auto rec = test::to_record(test::load_json(test::source_dir() / "examples/riverbend-emerging-rco.json"));
    auto r = audit(io::builtin_catalog(), *t->profile, rec, *rec.as_of, t->tailoring);
    const auto* s51 = r.find_check("S5.1");
    BOOST_TEST(s51->status == status::waived);
    BOOST_TEST(*s51->underlying == status::fail);
    BOOST_TEST(r.find_check("S1.5")->status == status::not_applicable);
    BOOST_TEST(r.find_check("S5.4")->level == level::required);
    BOOST_TEST(r.profile == "florida");
    BOOST_TEST(r.tailoring.size() == 5u);
}

BOOST_AUTO_TEST_CASE(errors_are_located_and_specific) {
    std::vector<diagnostic> diags;
    auto t = read(R"({"format": "rco-tailoring/1",
  "levels": {"S99.1": "required", "S2.4": "mandatory"},
  "parameters": {"S2.3": {"min_meetings": 6, "min_board_meetings": "six"}, "S2.1": {"majority_rule": "two_thirds"}},
  "not_applicable": {"S4.4": ""},
  "waivers": [{"check": "S2.1", "justification": "x", "approved_by": "y", "expires": "soon"},
              {"check": "S2.1", "approved_by": "y", "expires": "2026-12-31"}],
  "profiel": "florida"})",
                  diags);
    BOOST_TEST(!t.has_value());
    std::vector<std::string> got;
    for (const auto& d : diags)
        got.push_back(d.pointer + " " + std::to_string(d.line) + ": " + d.message);
    const std::vector<std::string> want = {
        "/profiel 7: unknown field \"profiel\" (expected profile, levels, parameters, not_applicable, waivers or accreditation)",
        "/levels/S99.1 2: unknown check \"S99.1\" ('rco-audit rules' lists them)",
        "/levels/S2.4 2: expected \"required\" or \"recommended\"",
        "/parameters/S2.3/min_meetings 3: S2.3 has no parameter \"min_meetings\" (it has: min_board_meetings)",
        "/parameters/S2.3/min_board_meetings 3: expected a value of type integer",
        "/parameters/S2.1/majority_rule 3: expected one of [more_than_half, at_least_percent]",
        "/not_applicable/S4.4 4: a check marked not applicable needs the reason, as text",
        "/waivers/0/expires 5: expected a date as YYYY-MM-DD, got \"soon\"",
        "/waivers/1 6: missing \"justification\"",
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pointers_built_from_keys_are_escaped) {
    std::vector<diagnostic> diags;
    BOOST_TEST(!read("{\"format\": \"rco-tailoring/1\",\n\"levels\": {\"S2/1~x\": \"required\"},\n"
                     "\"not_applicable\": {\"a/b\": \"\"}}",
                     diags));
    std::vector<std::string> got;
    for (const auto& d : diags)
        got.push_back(d.pointer + " " + std::to_string(d.line) + ":" + std::to_string(d.column));
    const std::vector<std::string> want = {"/levels/S2~11~0x 2:12", "/not_applicable/a~1b 3:20",
                                           "/not_applicable/a~1b 3:20"};
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(duplicate_keys_and_control_characters_are_refused) {
    std::vector<diagnostic> diags;
    BOOST_TEST(!read("{\"format\": \"rco-tailoring/1\",\n\"profile\": \"florida\",\n\"profile\": \"national\"}", diags));
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].pointer == "/profile");
    BOOST_TEST(diags[0].line == 3u);
    BOOST_TEST(diags[0].message.find("duplicate key") == 0u);
    diags.clear();
    BOOST_TEST(!read(R"({"format": "rco-tailoring/1", "waivers": [{"check": "S2.1", "justification": "ok\u0000hidden",
                         "approved_by": "y", "expires": "2026-12-31"}]})",
                     diags));
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].pointer == "/waivers/0/justification");
    BOOST_TEST(diags[0].message.find("control character U+0000 (NUL) in a string") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
