#include "rco/io/roster_csv.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

BOOST_AUTO_TEST_SUITE(roster_csv)

BOOST_AUTO_TEST_CASE(the_bundled_roster_gives_the_same_audit_as_the_record) {
    std::vector<diagnostic> diags;
    auto members =
        io::read_roster_csv(test::slurp(test::source_dir() / "examples/harbor-board-roster.csv"), "r.csv", diags);
    BOOST_REQUIRE(members.has_value());
    BOOST_TEST(diags.empty());
    BOOST_TEST(members->size() == 11u);
    BOOST_TEST(*members->at(0).id == "b01");
    BOOST_TEST(*members->at(0).recovery_identity == recovery_identity::personal);
    BOOST_TEST(*members->at(9).voting == false);
    BOOST_TEST(*members->at(10).seat == seat_state::vacant);
    BOOST_TEST(!members->at(10).recovery_identity.has_value()); // blank cell: absent
    auto rec = test::to_record(test::base_record_json());
    io::merge_roster(rec, *members, "r.csv", diags);
    BOOST_REQUIRE(diags.size() == 1u); // replaces the record's members, with a warning
    BOOST_TEST(diags[0].message == "the roster replaces the 10 board members given in the record");
    auto r = audit(io::builtin_catalog(), "national", rec, *rec.as_of);
    BOOST_TEST(r.find_check("S2.1")->explanation ==
               "6 of 9 seated voting members self-identify as in personal recovery; more than half (at least 5) "
               "is required.");
}

BOOST_AUTO_TEST_CASE(spreadsheet_habits_are_accepted) {
    std::vector<diagnostic> diags;
    auto members = io::read_roster_csv("\xEF\xBB\xBFID;Voting;Recovery_Identity;Attested\r\n"
                                       "\"a;1\";Yes; Personal ;2026-01-15\r\n\r\n"
                                       "\"b \"\"2\"\"\";no;FAMILY;\r\n",
                                       "r.csv", diags);
    BOOST_REQUIRE(members.has_value());
    BOOST_TEST(diags.empty());
    BOOST_REQUIRE(members->size() == 2u);
    BOOST_TEST(*members->at(0).id == "a;1");
    BOOST_TEST(*members->at(0).voting == true);
    BOOST_TEST(*members->at(0).recovery_identity == recovery_identity::personal);
    BOOST_TEST(*members->at(1).id == "b \"2\"");
    BOOST_TEST(*members->at(1).recovery_identity == recovery_identity::family);
    BOOST_TEST(!members->at(1).attested.has_value());
}

BOOST_AUTO_TEST_CASE(errors_name_line_column_and_column_name) {
    std::vector<diagnostic> diags;
    auto members = io::read_roster_csv("id,voting,recovery_identity,attested,colour\n"
                                       "x1,yes,personal,2026-01-15,red\n"
                                       "x2,maybe,in recovery,15/01/2026,\n"
                                       "x3,yes,personal,2026-01-15,,extra\n",
                                       "r.csv", diags, io::read_options{true}); // values quoted, as with --show-names
    BOOST_TEST(!members.has_value());
    std::vector<std::string> got;
    for (const auto& d : diags)
        got.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.pointer + " " + d.message);
    const std::vector<std::string> want = {
        "1:38  unknown column \"colour\" is ignored (expected id, voting, seat, officer, recovery_identity, attested, "
        "affiliation)",
        "3:4 /board/members/1/voting column voting: expected yes or no (or true/false), got \"maybe\"",
        "3:10 /board/members/1/recovery_identity column recovery_identity: expected one of personal, family, ally, "
        "none or undisclosed, got \"in recovery\"",
        "3:22 /board/members/1/attested column attested: expected a date as YYYY-MM-DD (e.g. 2026-01-15), got "
        "\"15/01/2026\"",
        "4:29 /board/members/2 this row has 6 cells but the header names 5 columns",
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
    diags.clear();
    BOOST_TEST(!io::read_roster_csv("id,voting\nx,yes\n", "r.csv", diags));
    BOOST_TEST(diags.back().message.find("the header has no recovery_identity column") == 0u);
    diags.clear();
    BOOST_TEST(!io::read_roster_csv("", "r.csv", diags));
    BOOST_TEST(diags.back().message.find("the roster is empty") == 0u);
}

BOOST_AUTO_TEST_CASE(text_after_a_closing_quote_is_an_error) {
    std::vector<diagnostic> diags;
    // "no"x is not the cell no (nor nox): it is a mistake, located at the x.
    BOOST_TEST(!io::read_roster_csv("id,voting,recovery_identity\nb1,\"no\"x,personal\n", "r.csv", diags));
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].line == 2u);
    BOOST_TEST(diags[0].column == 8u);
    BOOST_TEST(diags[0].message.find("text after the closing quote of a quoted cell") == 0u);
    // A closing quote followed by spaces, then the separator or the line end, is fine.
    diags.clear();
    auto ok = io::read_roster_csv("id,voting,recovery_identity\nb1,\"no\" ,\"personal\"\n", "r.csv", diags);
    BOOST_REQUIRE(ok.has_value());
    BOOST_TEST(*ok->at(0).voting == false);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_control_characters_are_errors_at_their_cell) {
    struct bad_case {
        std::string cell, message;
    };
    const bad_case cases[] = {
        {"Ann \xC0\xAF", "cell 2: invalid UTF-8: an overlong encoding (bytes C0 AF)"},
        {"Ann \xED\xA0\x80", "cell 2: invalid UTF-8: an encoded UTF-16 surrogate (bytes ED A0 80)"},
        {"Ann \xE2\x82", "cell 2: invalid UTF-8: a truncated sequence (bytes E2 82)"},
        {"Ann \xF4\x90\x80\x80", "cell 2: invalid UTF-8: a code point above U+10FFFF (bytes F4 90 80 80)"},
        {"Ann \x1B[2J", "cell 2: control character U+001B (ESC) in the text"},
        {"Ann \xC2\x85", "cell 2: control character U+0085 in the text"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.message) {
            std::vector<diagnostic> diags;
            // The name column is not even needed for the audit: it is refused all the same.
            BOOST_TEST(!io::read_roster_csv("id,name,recovery_identity\nb1,x,personal\nb2," + c.cell + ",ally\n",
                                            "r.csv", diags));
            BOOST_REQUIRE(diags.size() == 1u);
            BOOST_TEST(diags[0].severity == severity::error);
            BOOST_TEST(diags[0].message.find(c.message) == 0u);
            BOOST_TEST(diags[0].pointer == "/board/members/1");
            BOOST_TEST(diags[0].line == 3u);
            BOOST_TEST(diags[0].column == 4u);
        }
    }
}

BOOST_AUTO_TEST_CASE(problems_are_capped_per_file) {
    std::string csv = "id,voting,recovery_identity\n";
    for (int i = 0; i < 3000; ++i)
        csv += "b,maybe,personal\n";
    std::vector<diagnostic> diags;
    BOOST_TEST(!io::read_roster_csv(csv, "r.csv", diags));
    BOOST_REQUIRE(diags.size() == 1001u);
    BOOST_TEST(diags[999].line == 1001u);
    BOOST_TEST(diags[1000].severity == severity::error);
    BOOST_TEST(diags[1000].message == "and 2,000 more problems in this file, not listed (only the first 1000 are)");
}

BOOST_AUTO_TEST_SUITE_END()
