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
    BOOST_TEST(r.find_check("S2.1")->explanation() ==
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
        "3:22 /board/members/1/attested column attested: there is no month 15: a date with slashes is read as "
        "month/day/year (US), so this looks like day/month/year; write 1/15/2026 or YYYY-MM-DD, got \"15/01/2026\"",
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

BOOST_AUTO_TEST_CASE(us_dates_as_excel_saves_them_are_read) {
    std::vector<diagnostic> diags;
    auto members = io::read_roster_csv("id,recovery_identity,attested\n"
                                       "b1,personal,1/15/2026\n"
                                       "b2,family,01/05/2026\n"
                                       "b3,ally,2/29/2024\n"
                                       "b4,none,2026-01-15\n",
                                       "r.csv", diags);
    BOOST_REQUIRE(members.has_value());
    BOOST_TEST(diags.empty());
    BOOST_TEST(format_date(*members->at(0).attested) == "2026-01-15");
    BOOST_TEST(format_date(*members->at(1).attested) == "2026-01-05");
    BOOST_TEST(format_date(*members->at(2).attested) == "2024-02-29");
    BOOST_TEST(format_date(*members->at(3).attested) == "2026-01-15");
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_errors_that_say_why) {
    struct bad_case {
        std::string cell, message;
    };
    const bad_case cases[] = {
        {"2/30/2026", "column attested: there is no February 30 in 2026"},
        {"2/29/2025", "column attested: there is no February 29 in 2025"},
        {"13/13/2026", "column attested: there is no month 13; expected a date as YYYY-MM-DD or month/day/year "
                       "(e.g. 2026-01-15 or 1/15/2026)"},
        {"31/12/2026", "column attested: there is no month 31: a date with slashes is read as month/day/year (US), "
                       "so this looks like day/month/year; write 12/31/2026 or YYYY-MM-DD"},
        {"2026-04-31", "column attested: there is no April 31 in 2026"},
        {"1/15/26", "column attested: expected a date as YYYY-MM-DD or month/day/year (e.g. 2026-01-15 or "
                    "1/15/2026)"},
        {"Jan 15 2026", "column attested: expected a date as YYYY-MM-DD or month/day/year (e.g. 2026-01-15 or "
                        "1/15/2026)"},
        {"0/10/2026", "column attested: there is no month 0; expected a date as YYYY-MM-DD or month/day/year "
                      "(e.g. 2026-01-15 or 1/15/2026)"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.cell) {
            std::vector<diagnostic> diags;
            BOOST_TEST(!io::read_roster_csv("id,recovery_identity,attested\nb1,personal," + c.cell + "\n", "r.csv",
                                            diags));
            BOOST_REQUIRE(diags.size() == 1u);
            BOOST_TEST(diags[0].message == c.message); // the cell itself only with --show-names
            BOOST_TEST(diags[0].pointer == "/board/members/0/attested");
            BOOST_TEST(diags[0].line == 2u);
            BOOST_TEST(diags[0].column == 13u);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_id_that_looks_like_a_name_is_warned_about_without_quoting_it) {
    std::vector<diagnostic> diags;
    auto members = io::read_roster_csv("id,recovery_identity\n"
                                       "Jane Doe,personal\n"
                                       "b02,family\n"
                                       "\"Doe, John\",ally\n"
                                       "seat 3,none\n"
                                       "jane@example.org,none\n",
                                       "r.csv", diags);
    BOOST_REQUIRE(members.has_value()); // a warning: the roster is still read
    BOOST_REQUIRE(diags.size() == 3u);
    const std::string why = "column id: this id looks like a person's name; use ids only, for privacy (a code such "
                            "as b01 or p01, with the list of who is who kept outside the record)";
    BOOST_TEST(diags[0].message == why);
    BOOST_TEST((diags[0].severity == severity::warning));
    BOOST_TEST(diags[0].line == 2u);
    BOOST_TEST(diags[0].pointer == "/board/members/0/id");
    BOOST_TEST(diags[1].line == 4u);
    BOOST_TEST(diags[2].line == 6u);
    for (const auto& d : diags)
        BOOST_TEST(d.message.find("Doe") == std::string::npos);
    diags.clear();
    BOOST_REQUIRE(io::read_roster_csv("id,recovery_identity\nJane Doe,personal\n", "r.csv", diags,
                                      io::read_options{true}));
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].message.find("column id: the id \"Jane Doe\" looks like a person's name") == 0u);
}

BOOST_AUTO_TEST_CASE(name_like_ids) {
    for (const char* id : {"Jane Doe", "J. Smith", "Doe, Jane", "Mary-Ann O'Brien", "Ana María López",
                           "jane.doe@example.org", "JOHN Smith"})
        BOOST_TEST(looks_like_a_name(id), id);
    for (const char* id : {"b01", "Seat 3", "Jane", "chair", "vacant seat", "p-07", "BOARD CHAIR", "CPRS 2", ""})
        BOOST_TEST(!looks_like_a_name(id), id);
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
