#include "rco/audit.hpp"
#include "rco/io/catalog_json.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace rco;
namespace json = boost::json;

namespace {

json::value patched(const char* patch) {
    json::value v = test::base_record_json();
    test::merge_patch(v, json::parse(patch));
    return v;
}

const check_result& check(const audit_result& r, const char* id) {
    const auto* c = r.find_check(id);
    BOOST_REQUIRE(c);
    return *c;
}

// A board of 8 seated voting members: 4 personal, 1 family, 3 ally.
constexpr const char* board_4_of_8 = R"({"board":{"members":[
  {"id":"b1","voting":true,"seat":"filled","recovery_identity":"personal","attested":"2026-01-15"},
  {"id":"b2","voting":true,"seat":"filled","recovery_identity":"personal","attested":"2026-01-15"},
  {"id":"b3","voting":true,"seat":"filled","recovery_identity":"personal","attested":"2026-01-15"},
  {"id":"b4","voting":true,"seat":"filled","recovery_identity":"personal","attested":"2026-01-15"},
  {"id":"b5","voting":true,"seat":"filled","recovery_identity":"family","attested":"2026-01-15"},
  {"id":"b6","voting":true,"seat":"filled","recovery_identity":"ally"},
  {"id":"b7","voting":true,"seat":"filled","recovery_identity":"ally"},
  {"id":"b8","voting":true,"seat":"filled","recovery_identity":"ally"},
  {"id":"b9","voting":true,"seat":"vacant"}]}})";

} // namespace

BOOST_AUTO_TEST_SUITE(audit_suite)

BOOST_AUTO_TEST_CASE(json_pointers_keep_literals_as_views_and_own_what_is_built) {
    const rco::json_pointer literal("/organization/ein");
    BOOST_TEST(literal.view() == "/organization/ein");
    std::vector<rco::json_pointer> list{"/services", std::string("/services/") + "3/started"};
    auto copy = list; // copies and moves keep both kinds right
    list.clear();
    BOOST_TEST(copy[0].view() == "/services");
    BOOST_TEST(copy[1].str() == "/services/3/started");
    const auto moved = std::move(copy);
    BOOST_TEST(moved[1].view() == "/services/3/started");
    BOOST_TEST((moved[0] == rco::json_pointer("/services")));
    BOOST_TEST(!(moved[0] == moved[1]));
}

BOOST_AUTO_TEST_CASE(results_refer_to_their_catalog) {
    const auto r = test::audit_json(test::base_record_json(), "national");
    const auto& cat = rco::io::builtin_catalog();
    const auto& c = r.checks.front();
    BOOST_TEST(c.id == cat.checks.front().id);
    BOOST_TEST(c.id.data() == cat.checks.front().id.data()); // a view of the catalog's, not a copy
    BOOST_TEST(c.slug.data() == cat.checks.front().slug.data());
    BOOST_TEST(r.standards.front().title.data() == cat.standards.front().title.data());
    // every check reports the JSON Pointers it read, non-empty and absolute
    for (const auto& k : r.checks) {
        BOOST_TEST(!k.pointers.empty(), k.id);
        for (const auto& p : k.pointers)
            BOOST_TEST(p.view().starts_with("/"), k.id);
    }
}

BOOST_AUTO_TEST_CASE(profiles_change_the_majority_rule) {
    const auto rec = patched(board_4_of_8);
    auto national = test::audit_json(rec, "national");
    BOOST_TEST(to_string(check(national, "S2.1").status) == "fail");
    BOOST_TEST(check(national, "S2.1").explanation() ==
               "4 of 8 seated voting members self-identify as in personal recovery; more than half (at least 5) "
               "is required.");
    BOOST_TEST(to_string(national.standards[1].result) == "not_met");
    BOOST_TEST(to_string(national.result) == "does_not_meet");

    auto florida = test::audit_json(rec, "florida");
    BOOST_TEST(to_string(check(florida, "S2.1").status) == "fail");
    BOOST_TEST(check(florida, "S2.1").explanation().find("at least 51% (5 of 8)") != std::string::npos);

    auto michigan = test::audit_json(rec, "michigan");
    BOOST_TEST(to_string(check(michigan, "S2.1").status) == "pass");
    BOOST_TEST(check(michigan, "S2.1").explanation() ==
               "5 of 8 seated voting members self-identify as in personal recovery or as family members; at "
               "least 51% (5 of 8) is required.");
}

BOOST_AUTO_TEST_CASE(standard_results_and_scores) {
    // A recommended check failing leaves the standard met; its score drops.
    auto r = test::audit_json(patched(R"({"bylaws":{"recovery_leadership_clause":false}})"));
    BOOST_TEST(to_string(check(r, "S2.4").status) == "fail");
    BOOST_TEST(to_string(r.standards[1].result) == "met");
    // Standard 2 weights: S2.1 3, S2.2 1, S2.3 2, S2.4 1, S2.5 1 -> 7 of 8 satisfied = 88%.
    BOOST_TEST(r.standards[1].score == 88);
    // Missing required evidence makes the standard incomplete, not failed.
    auto m = test::audit_json(patched(R"({"board":{"meetings":null}})"));
    BOOST_TEST(to_string(check(m, "S2.3").status) == "insufficient_evidence");
    BOOST_TEST(to_string(m.standards[1].result) == "incomplete");
    BOOST_TEST(to_string(m.result) == "incomplete");
}

BOOST_AUTO_TEST_CASE(accreditation_profile_raises_levels) {
    auto r = test::audit_json(patched(R"({"bylaws":{"recovery_leadership_clause":false}})"), "accreditation");
    BOOST_TEST(to_string(check(r, "S2.4").level) == "required");
    BOOST_TEST(to_string(r.standards[1].result) == "not_met");
}

BOOST_AUTO_TEST_CASE(tailoring_is_applied_and_echoed) {
    tailoring t;
    t.parameters["S2.3"]["min_board_meetings"] = std::int64_t{12};
    t.levels["S2.4"] = level::required;
    t.not_applicable["S4.4"] = "the organization has no website by choice of its members";
    auto r = test::audit_json(test::base_record_json(), "national", t);
    BOOST_TEST(to_string(check(r, "S2.3").status) == "fail");
    BOOST_TEST(check(r, "S2.3").explanation().find("at least 12 expected") != std::string::npos);
    BOOST_TEST(to_string(check(r, "S2.4").level) == "required");
    BOOST_TEST(to_string(check(r, "S4.4").status) == "not_applicable");
    BOOST_TEST(check(r, "S4.4").explanation() ==
               "Marked not applicable by tailoring: the organization has no website by choice of its members");
    BOOST_REQUIRE(r.tailoring.size() == 3u);
    BOOST_TEST(r.tailoring[0].check_id == "S2.3");
    BOOST_TEST(r.tailoring[0].what() == "parameter min_board_meetings set to 12");
    BOOST_TEST(r.tailoring[1].what() == "level set to required");

    tailoring bad;
    bad.parameters["S2.3"]["min_board_meetings"] = std::string("four");
    BOOST_CHECK_THROW(test::audit_json(test::base_record_json(), "national", bad), audit_error);
    tailoring unknown;
    unknown.levels["S42.1"] = level::required;
    BOOST_CHECK_THROW(test::audit_json(test::base_record_json(), "national", unknown), audit_error);
    BOOST_CHECK_THROW(test::audit_json(test::base_record_json(), "texas"), audit_error);
}

BOOST_AUTO_TEST_CASE(waivers_keep_the_underlying_status_and_expire) {
    const auto rec = patched(board_4_of_8);
    tailoring t;
    t.waivers.push_back({"S2.1", "two seats are being filled by recovery-community candidates", "State RCO office",
                         *parse_date("2026-12-31")});
    auto r = test::audit_json(rec, "national", t);
    const auto& c = check(r, "S2.1");
    BOOST_TEST(to_string(c.status) == "waived");
    BOOST_REQUIRE(c.underlying.has_value());
    BOOST_TEST(to_string(*c.underlying) == "fail");
    BOOST_TEST(to_string(r.standards[1].result) == "met");

    t.waivers[0].expires = *parse_date("2026-06-29");
    auto expired = test::audit_json(rec, "national", t);
    BOOST_TEST(to_string(check(expired, "S2.1").status) == "fail");
    BOOST_TEST(expired.tailoring.back().what().find("expired on 2026-06-29") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_review_date_decides_the_windows) {
    // The same record a year later: meetings, supervision and training have aged out.
    auto rec = test::to_record(test::base_record_json());
    auto later = audit(io::builtin_catalog(), "national", rec, *parse_date("2027-06-30"));
    BOOST_TEST(to_string(check(later, "S2.3").status) == "fail");
    BOOST_TEST(check(later, "S2.3").explanation().find("from 2026-06-30 to 2027-06-30") != std::string::npos);
    BOOST_TEST(format_date(*review_date(rec, std::nullopt)) == "2026-06-30");
    BOOST_TEST(format_date(*review_date(rec, parse_date("2027-01-01"))) == "2027-01-01");
}

BOOST_AUTO_TEST_CASE(an_empty_record_is_incomplete_never_a_crash) {
    record empty;
    auto r = audit(io::builtin_catalog(), "national", empty, *parse_date("2026-06-30"));
    BOOST_TEST(r.checks.size() == 43u);
    BOOST_TEST(to_string(r.result) == "incomplete");
    for (const auto& c : r.checks)
        BOOST_TEST(c.status != status::pass, c.id);
}

BOOST_AUTO_TEST_CASE(pure_and_thread_safe) {
    const auto rec = test::to_record(patched(board_4_of_8));
    const auto& cat = io::builtin_catalog();
    const auto as_of = *parse_date("2026-06-30");
    const auto reference = report::write_json(audit(cat, "national", rec, as_of), {});
    std::vector<std::string> outputs(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < outputs.size(); ++i)
        threads.emplace_back([&, i] {
            for (int k = 0; k < 20; ++k)
                outputs[i] = report::write_json(audit(cat, "national", rec, as_of), {});
        });
    for (auto& t : threads)
        t.join();
    for (const auto& o : outputs)
        BOOST_TEST(o == reference);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
// A result refers to its catalog's entries: auditing against a temporary catalog must not
// compile (the deleted rvalue overload), while a named catalog does.
template <class C>
concept auditable_with = requires(C&& cat, const rco::record& rec, rco::date d) {
    rco::audit(std::forward<C>(cat), "national", rec, d);
};
static_assert(auditable_with<const rco::catalog&>);
static_assert(auditable_with<rco::catalog&>);
static_assert(!auditable_with<rco::catalog>);
static_assert(!auditable_with<const rco::catalog>);
} // namespace
