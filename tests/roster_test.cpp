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
                                       "r.csv", diags);
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

BOOST_AUTO_TEST_SUITE_END()
