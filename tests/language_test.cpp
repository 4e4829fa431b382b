#include "rco/language.hpp"
#include "rco/report/report.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace rco;

namespace {

language_term make_term(std::string id, std::vector<std::string> forms, term_class cls, bool case_sensitive = false) {
    language_term t;
    t.id = std::move(id);
    t.forms = std::move(forms);
    t.cls = cls;
    t.case_sensitive = case_sensitive;
    t.alternatives = {"a person-first alternative"};
    t.sources = {"VA"};
    return t;
}

/// A small table with one row per rule under test (the catalog's real table is data).
const language_table& table() {
    static const language_table t = [] {
        language_table l;
        l.terms = {
            make_term("addict", {"addict"}, term_class::always), // plural comes from the inflection rule
            make_term("abuser", {"substance abuser", "abuser"}, term_class::always),
            make_term("substance-abuse", {"drug abuse"}, term_class::always),
            make_term("former-addict", {"recovering addict", "ex-addict"}, term_class::always),
            make_term("alcoholic", {"alcoholic"}, term_class::always),
            make_term("junkie", {"meth head"}, term_class::always),
            make_term("non-compliant", {"non-compliant"}, term_class::always),
            make_term("clean", {"clean"}, term_class::context),
            make_term("user", {"user"}, term_class::context),
            make_term("mat", {"MAT"}, term_class::context, true),
        };
        l.substance_context = {"drug", "alcohol", "opioid", "narcotics", "substance use"};
        l.exempt_names = {"Narcotics Anonymous", "National Institute on Drug Abuse"};
        l.first_person = {"i am", "i'm"};
        l.not_before = {{"alcoholic", {"beverage"}}};
        return l;
    }();
    return t;
}

std::vector<term_match> scan(std::string_view text) {
    return scan_language(text, table());
}

/// "matched@line:column" for each match, in order.
std::vector<std::string> where(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : scan(text))
        out.push_back(m.matched + "@" + std::to_string(m.line) + ":" + std::to_string(m.column));
    return out;
}

using strings = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(language)

BOOST_AUTO_TEST_CASE(always_term_flags_with_position_and_row) {
    const auto ms = scan("We help addicts find peers.");
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_TEST(ms[0].matched == "addicts");
    BOOST_TEST(ms[0].line == 1u);
    BOOST_TEST(ms[0].column == 9u);
    BOOST_TEST(ms[0].offset == 8u);
    BOOST_TEST(ms[0].length == 7u);
    BOOST_REQUIRE(ms[0].term != nullptr);
    BOOST_TEST(ms[0].term->id == "addict");
    BOOST_TEST(ms[0].term == &table().terms[0]); // points into the table it was given
}

BOOST_AUTO_TEST_CASE(matching_is_case_insensitive_and_whole_word) {
    BOOST_TEST(where("ADDICT Addict addict") == (strings{"ADDICT@1:1", "Addict@1:8", "addict@1:15"}),
               boost::test_tools::per_element());
    BOOST_TEST(where("addiction, addicted, addictive, nonaddict").empty());
    BOOST_TEST(where("an addict's day") == (strings{"addict's@1:4"}), boost::test_tools::per_element());
    BOOST_TEST(where("the addict’s day") == (strings{"addict’s@1:5"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(simple_plural_is_accepted_on_the_last_word) {
    BOOST_TEST(where("addicts and substance abusers") == (strings{"addicts@1:1", "substance abusers@1:13"}),
               boost::test_tools::per_element());
    const auto ms = scan("Two ex-addicts.");
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_TEST(ms[0].matched == "ex-addicts");
    BOOST_TEST(ms[0].term->id == "former-addict");
    // Only on the last word: "substances abuser" is just "abuser".
    BOOST_TEST(where("substances abuser") == (strings{"abuser@1:12"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(longest_form_wins) {
    auto ms = scan("He is a substance abuser.");
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_TEST(ms[0].matched == "substance abuser");
    BOOST_TEST(ms[0].column == 9u);
    ms = scan("a recovering addict");
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_TEST(ms[0].matched == "recovering addict");
    BOOST_TEST(ms[0].term->id == "former-addict");
    BOOST_TEST(ms[0].column == 3u);
}

BOOST_AUTO_TEST_CASE(phrases_match_across_any_whitespace_or_a_hyphen) {
    BOOST_TEST(where("a meth head") == (strings{"meth head@1:3"}), boost::test_tools::per_element());
    BOOST_TEST(where("a meth-head") == (strings{"meth-head@1:3"}), boost::test_tools::per_element());
    BOOST_TEST(where("a meth\n   heads") == (strings{"meth\n   heads@1:3"}), boost::test_tools::per_element());
    BOOST_TEST(where("meth, head").empty());
    BOOST_TEST(where("meth.\n\nhead").empty());
    BOOST_TEST(where("they were non-compliant") == (strings{"non-compliant@1:11"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(context_terms_need_a_substance_word_in_the_same_sentence) {
    BOOST_TEST(where("Keep the room clean.").empty());
    BOOST_TEST(where("Stay clean from drugs.") == (strings{"clean@1:6"}), boost::test_tools::per_element());
    BOOST_TEST(where("Drug-free and clean.") == (strings{"clean@1:15"}), boost::test_tools::per_element());
    // Phrase context word, any case.
    BOOST_TEST(where("Every user here talks about Substance  Use.") == (strings{"user@1:7"}),
               boost::test_tools::per_element());
    // The substance word is in another sentence.
    BOOST_TEST(where("Stay clean. Drug policy is next.").empty());
    BOOST_TEST(where("Stay clean!\nDrug policy is next.").empty());
    // A single line break does not end the sentence; a blank line does.
    BOOST_TEST(where("Stay clean\nfrom drug use") == (strings{"clean@1:6"}), boost::test_tools::per_element());
    BOOST_TEST(where("Stay clean\n\nfrom drug use").empty());
    // A period inside a word or number is not a sentence end.
    BOOST_TEST(where("Clean since 3.5 years of alcohol use") == (strings{"Clean@1:1"}),
               boost::test_tools::per_element());
    // Always terms need no context.
    BOOST_TEST(where("Keep the abuser out.") == (strings{"abuser@1:10"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(context_terms_flag_only_as_whole_hyphenated_words) {
    BOOST_TEST(where("The user-friendly drug guide.").empty());
    BOOST_TEST(where("An end-user of drug services.").empty());
    BOOST_TEST(where("Every user of drugs.") == (strings{"user@1:7"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(exempt_names_neither_flag_nor_count_as_context) {
    BOOST_TEST(where("a clean, bright center hosts Narcotics Anonymous").empty());
    BOOST_TEST(where("a clean, bright center hosts narcotics anonymous meetings").empty());
    BOOST_TEST(where("Data from the National Institute on Drug Abuse.").empty());
    BOOST_TEST(where("The National Institute on Drug Abuse studies drug abuse.") == (strings{"drug abuse@1:46"}),
               boost::test_tools::per_element());
    // Outside the name, "narcotics" is a substance word.
    BOOST_TEST(where("Stay clean of narcotics.") == (strings{"clean@1:6"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(quoted_text_is_exempt) {
    BOOST_TEST(where("We never say \"addict\" here.").empty());
    BOOST_TEST(where("We never say “addict” or “drug abuse” here.").empty());
    BOOST_TEST(where("\"addict\" and addict") == (strings{"addict@1:14"}), boost::test_tools::per_element());
    BOOST_TEST(where("“Stay clean,” she said about drugs, clean.") == (strings{"clean@1:37"}),
               boost::test_tools::per_element());
    // A quotation left open ends at a blank line.
    BOOST_TEST(where("\"an unclosed quote, addict\n\nthen addict") == (strings{"addict@3:6"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(first_person_self_description_is_exempt) {
    BOOST_TEST(where("I am an alcoholic.").empty());
    BOOST_TEST(where("I'm a grateful recovering alcoholic.").empty());
    BOOST_TEST(where("I’m a grateful recovering addict.").empty());
    BOOST_TEST(where("i am an addict").empty());
    // Too far after the phrase, or in another sentence: flagged.
    BOOST_TEST(where("I am sure that he is an addict.") == (strings{"addict@1:25"}), boost::test_tools::per_element());
    BOOST_TEST(where("I am here. Addicts are welcome.") == (strings{"Addicts@1:12"}), boost::test_tools::per_element());
    // "I" alone is not a first-person phrase of the table.
    BOOST_TEST(where("I met an addict.") == (strings{"addict@1:10"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(not_before_words_cancel_the_term) {
    BOOST_TEST(where("No alcoholic beverages are served.").empty());
    BOOST_TEST(where("No alcoholic beverage.").empty());
    BOOST_TEST(where("One alcoholic, beverages aside.") == (strings{"alcoholic@1:5"}),
               boost::test_tools::per_element());
    BOOST_TEST(where("No alcoholic beverages. One alcoholic.") == (strings{"alcoholic@1:29"}),
               boost::test_tools::per_element());
    BOOST_TEST(where("The alcoholic sat down.") == (strings{"alcoholic@1:5"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(case_sensitive_terms_match_case_exactly) {
    BOOST_TEST(where("Bring a yoga mat to the opioid recovery class.").empty());
    BOOST_TEST(where("Mat and mAT for opioid care.").empty());
    BOOST_TEST(where("We offer MAT for opioid use disorder.") == (strings{"MAT@1:10"}),
               boost::test_tools::per_element());
    BOOST_TEST(where("MAT programs and yoga.").empty()); // context term without a substance word
}

BOOST_AUTO_TEST_CASE(lines_and_columns_across_lines) {
    const auto ms = scan("First line\r\nsecond line with addict\n\nfourth: an addict");
    BOOST_REQUIRE_EQUAL(ms.size(), 2u);
    BOOST_TEST(ms[0].line == 2u);
    BOOST_TEST(ms[0].column == 18u);
    BOOST_TEST(ms[0].offset == 29u);
    BOOST_TEST(ms[1].line == 4u);
    BOOST_TEST(ms[1].column == 12u);
    BOOST_TEST(ms[0].offset < ms[1].offset);
}

BOOST_AUTO_TEST_CASE(columns_count_code_points_and_utf8_is_never_split) {
    const std::string text = "Café – naïve addicts";
    const auto ms = scan(text);
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_TEST(ms[0].column == 14u);
    BOOST_TEST(ms[0].offset == 17u);
    BOOST_TEST(ms[0].length == 7u);
    BOOST_TEST(text.substr(ms[0].offset, ms[0].length) == "addicts");
    // Non-ASCII letters are word characters: no whole word "addict" here.
    BOOST_TEST(where("addicté éaddict").empty());
    // An invalid byte is one non-word character.
    BOOST_TEST(where("\xff addict") == (strings{"addict@1:3"}), boost::test_tools::per_element());
    BOOST_TEST(where("addict\xc3").size() == 1u);
    BOOST_TEST(where("").empty());
}

BOOST_AUTO_TEST_CASE(matches_come_in_offset_order) {
    const auto ms = scan("Junk: abuser, addicts; the drug abuse of an ex-addict.");
    BOOST_REQUIRE_EQUAL(ms.size(), 4u);
    BOOST_TEST(ms[0].term->id == "abuser");
    BOOST_TEST(ms[1].term->id == "addict");
    BOOST_TEST(ms[2].term->id == "substance-abuse");
    BOOST_TEST(ms[3].term->id == "former-addict");
    for (std::size_t k = 1; k < ms.size(); ++k)
        BOOST_TEST(ms[k - 1].offset + ms[k - 1].length <= ms[k].offset);
}

BOOST_AUTO_TEST_CASE(a_capped_scan_keeps_the_first_matches_and_counts_all) {
    const std::string text = "Junk: abuser, addicts; the drug abuse of an ex-addict.";
    std::size_t total = 0;
    const auto two = scan_language(text, table(), 2, total);
    BOOST_TEST(total == 4u);
    BOOST_REQUIRE_EQUAL(two.size(), 2u);
    BOOST_TEST(two[0].term->id == "abuser");
    BOOST_TEST(two[1].term->id == "addict");
    BOOST_TEST(scan_language(text, table(), 0, total).empty());
    BOOST_TEST(total == 4u);
}

BOOST_AUTO_TEST_CASE(a_check_lists_at_most_100_findings_and_says_how_many_more) {
    auto v = test::base_record_json();
    std::string mission;
    for (int i = 0; i < 2500; ++i)
        mission += "We help addicts. ";
    v.at("organization").as_object()["mission"] = mission;
    const auto rec = test::to_record(v);
    const auto r = audit(io::builtin_catalog(), "national", rec, *rec.as_of);
    const auto* c = r.find_check("S9.1");
    BOOST_REQUIRE(c);
    BOOST_TEST(c->status == status::fail);
    BOOST_TEST(c->findings.size() == max_findings_per_check);
    BOOST_TEST(c->findings_omitted == 2400u);
    BOOST_TEST(c->findings.back().column == 1u + 17u * 99u + 8u);
    BOOST_TEST(c->explanation().find("2500 stigmatizing terms in 1 public text: 'addicts' in the mission at 1:9") == 0u);
    BOOST_TEST(c->explanation().find("; and 2,400 more (only the first 100 are listed).") != std::string::npos);
    BOOST_TEST(c->explanation().size() < 20000u);
    // Every report format carries the explanation; the JSON report the counts as well.
    report::report_info info;
    const auto json = boost::json::parse(report::write_json(r, info));
    for (const auto& check : json.at("checks").as_array())
        if (check.at("id") == "S9.1") {
            BOOST_TEST(check.at("findings").as_array().size() == 100u);
            BOOST_TEST(check.at("findings_total").to_number<std::int64_t>() == 2500);
            BOOST_TEST(check.at("findings_omitted").to_number<std::int64_t>() == 2400);
        }
    BOOST_TEST(report::write_text(r, info).find("and 2,400 more") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_table_finds_nothing) {
    BOOST_TEST(scan_language("addicts", language_table{}).empty());
}

BOOST_AUTO_TEST_CASE(tables_are_compiled_once_and_copies_compile_their_own) {
    const std::string text = "The alcoholic beverage aisle; an alcoholic; a meth-head.";
    const auto first = where(text);
    BOOST_TEST(where(text) == first); // the second scan uses the compiled tables
    BOOST_TEST(first == (std::vector<std::string>{"alcoholic@1:34", "meth-head@1:47"}));
    // A copy gets its own tables, built from its own lists.
    language_table copy = table();
    copy.terms.push_back(make_term("aisle", {"aisle"}, term_class::always));
    BOOST_TEST(scan_language(text, copy).size() == 3u);
    BOOST_TEST(scan_language(text, table()).size() == 2u);
    // Changing a table's lists after a scan takes a reset.
    copy.terms.pop_back();
    copy.compiled.reset();
    BOOST_TEST(scan_language(text, copy).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
