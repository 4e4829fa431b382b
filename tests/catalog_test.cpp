#include "rco/io/catalog_json.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

BOOST_AUTO_TEST_SUITE(catalog_json)

BOOST_AUTO_TEST_CASE(builtin_catalog_is_complete) {
    const auto& cat = io::builtin_catalog();
    BOOST_TEST(cat.standards.size() == 10u);
    BOOST_TEST(cat.checks.size() == 43u);
    BOOST_TEST(cat.sha256.size() == 64u);
    BOOST_TEST(cat.standards[1].title == "Led and governed by the recovery community");
    const auto* s21 = cat.find_check("S2.1");
    BOOST_REQUIRE(s21);
    BOOST_TEST(s21->slug == "board-recovery-majority");
    BOOST_TEST(to_string(s21->level) == "required");
    BOOST_TEST(cat.find_check("board-recovery-majority") == s21);
    const auto* rule = s21->find_parameter("majority_rule");
    BOOST_REQUIRE(rule);
    BOOST_TEST(std::get<std::string>(rule->default_value) == "more_than_half");
    BOOST_TEST(rule->source == 'S');
    BOOST_TEST(std::get<std::int64_t>(cat.find_check("S2.3")->find_parameter("min_board_meetings")->default_value) ==
               4);
    BOOST_TEST(cat.find_check("S2.3")->find_parameter("min_board_meetings")->source == 'P');
    for (const char* p : {"national", "accreditation", "florida", "michigan", "indiana"})
        BOOST_TEST(cat.find_profile(p) != nullptr, p);
    BOOST_TEST(!cat.language.terms.empty());
    BOOST_TEST(!cat.language.exempt_names.empty());
    BOOST_TEST(!cat.vocabulary.peer_service_types.empty());
}

BOOST_AUTO_TEST_CASE(profiles_as_specified) {
    const auto& cat = io::builtin_catalog();
    const auto* mi = cat.find_profile("michigan");
    BOOST_TEST(std::get<std::string>(mi->parameters.at("S2.1").at("majority_rule")) == "at_least_percent");
    BOOST_TEST(std::get<std::int64_t>(mi->parameters.at("S2.1").at("majority_percent")) == 51);
    BOOST_TEST(std::get<bool>(mi->parameters.at("S2.1").at("count_family_members")) == true);
    const auto* fl = cat.find_profile("florida");
    BOOST_TEST(fl->parameters.at("S2.1").count("count_family_members") == 0u);
    const auto* acc = cat.find_profile("accreditation");
    for (const char* id : {"S2.2", "S2.4", "S2.5", "S6.5", "S10.2", "S10.4", "S10.6", "S10.7"})
        BOOST_TEST(to_string(acc->levels.at(id)) == "required", id);
    BOOST_TEST(to_string(cat.find_profile("indiana")->levels.at("S6.5")) == "required");
}

BOOST_AUTO_TEST_CASE(rules_errors_are_located) {
    auto texts = io::builtin_catalog_texts();
    texts.profiles = R"({"format":"rco-profiles/1","profiles":[
  {"name":"national","title":"t","description":"d","levels":{"S99.1":"required"}}]})";
    std::vector<diagnostic> diags;
    auto cat = io::read_catalog(texts, "myrules", diags);
    BOOST_TEST(!cat.has_value());
    BOOST_REQUIRE(!diags.empty());
    BOOST_TEST(diags[0].file == "myrules/profiles.json");
    BOOST_TEST(diags[0].pointer == "/profiles/0/levels/S99.1");
    BOOST_TEST(diags[0].line == 2u);
    BOOST_TEST(diags[0].message == "unknown check \"S99.1\"");
}

BOOST_AUTO_TEST_CASE(digest_changes_with_the_rules) {
    auto texts = io::builtin_catalog_texts();
    std::vector<diagnostic> diags;
    auto a = io::read_catalog(texts, "", diags);
    texts.vocabulary += "\n"; // same JSON, different bytes: a different digest
    auto b = io::read_catalog(texts, "", diags);
    BOOST_REQUIRE(a && b);
    BOOST_TEST(a->sha256 == io::builtin_catalog().sha256);
    BOOST_TEST(a->sha256 != b->sha256);
}

BOOST_AUTO_TEST_CASE(language_tables_by_language_tag) {
    const auto& cat = io::builtin_catalog();
    BOOST_TEST(cat.language_for("en") == &cat.language);
    BOOST_TEST(cat.language_for("en-US") == &cat.language);
    BOOST_REQUIRE(cat.language_for("es") != nullptr);
    BOOST_TEST(cat.language_for("es-MX") == cat.language_for("es"));
    BOOST_TEST(cat.language_for("ES-419") == cat.language_for("es"));
    BOOST_TEST(cat.language_for("es")->terms.front().id == "adicto");
    BOOST_TEST(cat.language_for("fr") == nullptr);
    BOOST_TEST(cat.language_for("") == nullptr);
    BOOST_TEST(cat.language_for("e") == nullptr);
    // The Spanish table is part of the rules and of their digest.
    auto texts = io::builtin_catalog_texts();
    BOOST_REQUIRE(texts.languages.size() == 1u);
    BOOST_TEST(texts.languages[0].first == "language-es.json");
    std::vector<diagnostic> diags;
    texts.languages[0].second += "\n";
    auto changed = io::read_catalog(texts, "", diags);
    BOOST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->sha256 != cat.sha256);
    // A table's file names its language; an invalid table is located in its own file.
    texts.languages[0].first = "language-spanish.json";
    BOOST_TEST(!io::read_catalog(texts, "myrules", diags).has_value());
    BOOST_TEST(diags.back().file == "myrules/language-spanish.json");
    diags.clear();
    texts.languages[0] = {"language-fr.json", R"({"format": "rco-language/1", "terms": [{"id": "x", "forms": ["x"],
        "class": "always", "alternatives": ["y"], "sources": ["NADIE"]}], "substance_context": [],
        "exempt_names": [], "first_person": []})"};
    BOOST_TEST(!io::read_catalog(texts, "myrules", diags).has_value());
    BOOST_REQUIRE(!diags.empty());
    BOOST_TEST(diags.front().file == "myrules/language-fr.json");
    BOOST_TEST(io::language_file_tag("language-es.json") == "es");
    BOOST_TEST(io::language_file_tag("language-.json") == "");
    BOOST_TEST(io::language_file_tag("language-ES.json") == "");
}

BOOST_AUTO_TEST_SUITE_END()
