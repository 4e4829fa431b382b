// Arithmetic that cannot flip a verdict: every number has a range that every reader
// enforces, and the checks' share comparisons are exact for any value, so a record built
// in memory with counts near 2^63 is judged as exact rational arithmetic judges it.
// The property tests draw seeded random values (deterministic) and compute the expected
// verdict with boost::multiprecision::cpp_int.
#include "rco/arithmetic.hpp"
#include "rco/checks/registry.hpp"
#include "rco/io/ranges.hpp"
#include "rco/io/xml_record.hpp"

#include "support.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <boost/test/unit_test.hpp>

#include <limits>
#include <random>
#include <set>

using namespace rco;
namespace json = boost::json;
using big = boost::multiprecision::cpp_int;

namespace {

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

big to_big(wide_int v) {
    __extension__ typedef unsigned __int128 uwide;
    const bool negative = v < 0;
    const uwide m = negative ? uwide(0) - static_cast<uwide>(v) : static_cast<uwide>(v);
    big b = static_cast<std::uint64_t>(m >> 64);
    b <<= 64;
    b += static_cast<std::uint64_t>(m);
    return negative ? big(-b) : b;
}

int sign(const big& b) { return b < 0 ? -1 : b > 0 ? 1 : 0; }

/// Random values that reach the edges: uniform over [lo, hi] most of the time, else one
/// of the ends, a value next to them, or a small number.
struct draw {
    std::mt19937_64 gen;
    explicit draw(std::uint64_t seed) : gen(seed) {}
    std::int64_t operator()(std::int64_t lo, std::int64_t hi) {
        switch (std::uniform_int_distribution<int>(0, 9)(gen)) {
        case 0: return lo;
        case 1: return hi;
        case 2: return lo < hi ? lo + 1 : lo;
        case 3: return lo < hi ? hi - 1 : hi;
        case 4: return std::clamp<std::int64_t>(std::uniform_int_distribution<std::int64_t>(0, 100)(gen), lo, hi);
        default: return std::uniform_int_distribution<std::int64_t>(lo, hi)(gen);
        }
    }
    bool coin() { return std::uniform_int_distribution<int>(0, 1)(gen) == 1; }
};

/// The parameters a check runs with under a profile (catalog defaults, then the profile's).
parameter_set params_for(std::string_view check, std::string_view profile) {
    const catalog& cat = io::builtin_catalog();
    parameter_set params;
    for (const auto& p : cat.find_check(check)->parameters)
        params[p.name] = p.default_value;
    const auto& overrides = cat.find_profile(profile)->parameters;
    if (auto it = overrides.find(check); it != overrides.end())
        for (const auto& [name, value] : it->second)
            params[name] = value;
    return params;
}

const date review_day{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{30}};

outcome run_check(std::string_view id, const record& r, const parameter_set& params) {
    const check_context ctx{r, review_day, params, io::builtin_catalog()};
    return find_check_fn(id)(ctx);
}

record board_counts_record(std::int64_t voting, std::int64_t personal, std::int64_t family) {
    record r;
    r.board.emplace().counts = board_counts{voting, personal, family, std::nullopt};
    return r;
}

/// S2.1's verdict by exact arithmetic (standards.md): n <= 0 needs evidence; k > n is a
/// contradiction (fail); else 2k > n, or 100k >= pn under at_least_percent.
status expected_majority(std::int64_t voting, std::int64_t personal, std::int64_t family, const parameter_set& params) {
    const bool count_family = std::get<bool>(params.at("count_family_members"));
    const big n = voting, k = big(personal) + (count_family ? big(family) : big(0));
    if (n <= 0)
        return status::insufficient_evidence;
    if (k > n)
        return status::fail;
    if (std::get<std::string>(params.at("majority_rule")) == "at_least_percent")
        return 100 * k >= big(std::get<std::int64_t>(params.at("majority_percent"))) * n ? status::pass : status::fail;
    return 2 * k > n ? status::pass : status::fail;
}

/// A record whose services are all delivered directly, with these expenses (cents) and
/// SUD-recovery flags.
record services_record(const std::vector<std::int64_t>& cents, const std::vector<bool>& recovery) {
    record r;
    auto& list = r.services.emplace();
    for (std::size_t i = 0; i < cents.size(); ++i) {
        service s;
        s.name = std::to_string(i);
        s.category = recovery[i] ? service_category::sud_recovery : service_category::other;
        s.annual_expense = money{cents[i]};
        list.push_back(std::move(s));
    }
    return r;
}

/// S3.2's verdict by exact arithmetic: the recovery share of expense when the expenses
/// add up to more than 0, else of the number of services, must exceed p%.
status expected_primary_function(const std::vector<std::int64_t>& cents, const std::vector<bool>& recovery,
                                 std::int64_t p) {
    big k = 0, n = 0, services = 0, recovery_services = 0;
    for (std::size_t i = 0; i < cents.size(); ++i) {
        n += cents[i];
        services += 1;
        if (recovery[i]) {
            k += cents[i];
            recovery_services += 1;
        }
    }
    if (n <= 0) {
        k = recovery_services;
        n = services;
    }
    return 100 * k > big(p) * n ? status::pass : status::fail;
}

template <class T>
struct is_opt : std::false_type {};
template <class T>
struct is_opt<std::optional<T>> : std::true_type {
    using type = T;
};
template <class T>
struct is_vec : std::false_type {};
template <class T>
struct is_vec<std::vector<T>> : std::true_type {
    using type = T;
};

/// Walks every struct of the model: each whole-number or money field must have a range,
/// and every range must name such a field.
template <record_struct T>
void ranges_of_every_field(const std::string& path, std::set<std::string>& unranged, std::set<std::string>& stray,
                           std::set<std::string>& seen) {
    if (!seen.insert(path).second)
        return;
    T t{};
    std::set<std::string> numeric;
    T::fields(t, [&](const char* name, auto& field) {
        using V = typename is_opt<std::remove_cvref_t<decltype(field)>>::type;
        const std::string p = path + "/" + name;
        if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, money>) {
            numeric.insert(name);
            if (!range_of<T>(name))
                unranged.insert(p);
        } else if constexpr (record_struct<V>) {
            ranges_of_every_field<V>(p, unranged, stray, seen);
        } else if constexpr (is_vec<V>::value) {
            if constexpr (record_struct<typename is_vec<V>::type>)
                ranges_of_every_field<typename is_vec<V>::type>(p + "/*", unranged, stray, seen);
        }
    });
    if constexpr (requires { T::ranges; })
        for (const auto& r : T::ranges)
            if (!numeric.count(std::string(r.field)))
                stray.insert(path + "/" + std::string(r.field));
}

} // namespace

BOOST_AUTO_TEST_SUITE(arithmetic)

BOOST_AUTO_TEST_CASE(compare_shares_agrees_with_exact_cross_multiplication) {
    draw d(20261201);
    std::size_t cases = 0;
    auto expect = [&](wide_int a, wide_int b, wide_int c, wide_int e) {
        // a/b - c/e = (a*e - c*b) / (b*e)
        const int want = sign(to_big(a) * to_big(e) - to_big(c) * to_big(b)) * sign(to_big(b) * to_big(e));
        const auto got = compare_shares(a, b, c, e);
        const int got_sign = got < 0 ? -1 : got > 0 ? 1 : 0;
        BOOST_TEST(got_sign == want, decimal(a) << "/" << decimal(b) << " vs " << decimal(c) << "/" << decimal(e));
        ++cases;
    };
    for (int i = 0; i < 20000; ++i) {
        auto nonzero = [&] {
            auto v = d(i64_min, i64_max);
            return v == 0 ? std::int64_t{1} : v;
        };
        // 64-bit values, and 128-bit ones (products of two) for the sums the checks form.
        expect(d(i64_min, i64_max), nonzero(), d(i64_min, i64_max), nonzero());
        expect(wide_int{d(0, i64_max)} * d(0, i64_max), wide_int{nonzero()} * d(1, i64_max),
               wide_int{d(i64_min, i64_max)} * d(0, 100), nonzero());
        // Near-equal shares: k/n against p/100 with k = ceil(pn/100) and one less.
        const auto n = d(1, i64_max), p = d(0, 100);
        const auto k = least_share(n, p, 100);
        expect(k, n, p, 100);
        expect(k - 1, n, p, 100);
    }
    BOOST_TEST(cases == 80000u);
    BOOST_TEST(share_at_least(1, 2, 50, 100));
    BOOST_TEST(!share_more_than(1, 2, 50, 100));
    BOOST_TEST(!share_at_least(0, 200'000'000'000'000'000, 51, 100));
}

BOOST_AUTO_TEST_CASE(helpers_compute_exact_values) {
    BOOST_TEST(decimal(least_share(9, 51, 100)) == "5");    // 51% of 9 seats is 4.59: at least 5
    BOOST_TEST(decimal(least_share(100, 51, 100)) == "51");
    BOOST_TEST(decimal(least_share(i64_max, 51, 100)) == "4703919738795935662");
    BOOST_TEST(decimal(percent_floor(1, 3)) == "33");
    BOOST_TEST(decimal(percent_floor(-1, 3)) == "-34");
    BOOST_TEST(decimal(percent_floor(wide_int{i64_max} * 190, wide_int{i64_max} * 190 + 1)) == "99");
    BOOST_TEST(percent_rounded(1, 8) == 13); // 12.5 rounds up
    BOOST_TEST(percent_rounded(0, 0) == 100);
    BOOST_TEST(decimal(wide_int{i64_min} * 4) == "-36893488147419103232");
    BOOST_TEST(grouped(1'900'000'000'000'001) == "1,900,000,000,000,001");
    BOOST_TEST(grouped(-1234) == "-1,234");
    BOOST_TEST(dollars(190'000'000'000'000'000) == "$1,900,000,000,000,000");
    BOOST_TEST(dollars(123450) == "$1,234.50");
    BOOST_TEST(dollars(-5) == "-$0.05");
}

BOOST_AUTO_TEST_CASE(every_number_field_has_one_range) {
    std::set<std::string> unranged, stray, seen;
    ranges_of_every_field<record>("", unranged, stray, seen);
    BOOST_TEST(unranged.empty(), "whole-number or money fields without a range: " << unranged.size());
    for (const auto& u : unranged)
        BOOST_TEST_MESSAGE("no range: " << u);
    BOOST_TEST(stray.empty(), "ranges that name no number field: " << stray.size());
    BOOST_TEST(range_of<board_counts>("voting")->max == 10'000);
    BOOST_TEST(range_of<service>("annual_expense")->max == 100'000'000'000'000); // $1 trillion in cents
    BOOST_TEST(!range_of<board_counts>("attested"));
}

BOOST_AUTO_TEST_CASE(the_schema_states_the_model_ranges) {
    // The JSON Schema's minimum/maximum of each ranged field equal the model's range
    // (money in dollars there, cents here).
    const auto schema = test::load_json(test::source_dir() / "schema/rco-record-1.schema.json").as_object();
    const auto& defs = schema.at("$defs").as_object();
    auto resolve = [&](const json::object& node) -> const json::object& {
        if (auto it = node.find("$ref"); it != node.end() && !node.contains("properties")) {
            const std::string ref(it->value().as_string());
            return defs.at(ref.substr(ref.rfind('/') + 1)).as_object();
        }
        return node;
    };
    auto field = [&](std::initializer_list<const char*> path) -> const json::object& {
        const json::object* node = &schema;
        for (const char* step : path) {
            node = &resolve(*node);
            if (node->contains("items"))
                node = &resolve(node->at("items").as_object());
            node = &node->at("properties").as_object().at(step).as_object();
        }
        return resolve(*node);
    };
    auto check = [&](std::initializer_list<const char*> path, value_range r, std::int64_t scale) {
        const auto& f = field(path);
        BOOST_TEST(f.at("minimum").to_number<std::int64_t>() * scale == r.min, *(path.end() - 1));
        BOOST_TEST(f.at("maximum").to_number<std::int64_t>() * scale == r.max, *(path.end() - 1));
    };
    check({"organization", "formation_year"}, *range_of<organization>("formation_year"), 1);
    for (const char* f : {"tax_year", "voting_members", "independent_members"})
        check({"filings", f}, *range_of<filing>(f), 1);
    for (const char* f : {"voting", "personal", "family"})
        check({"board", "counts", f}, *range_of<board_counts>(f), 1);
    check({"services", "annual_expense"}, *range_of<service>("annual_expense"), 100);
    check({"volunteers", "count_12m"}, *range_of<volunteers>("count_12m"), 1);
    check({"participation", "events", "participants"}, *range_of<input_event>("participants"), 1);
    check({"policies", "grievance", "response_days"}, *range_of<grievance_policy>("response_days"), 1);
}

BOOST_AUTO_TEST_CASE(board_majority_agrees_with_exact_arithmetic_in_memory) {
    // Any int64 counts, as an embedder could build them; every profile's rule.
    draw d(7);
    for (const char* profile : {"national", "florida", "michigan"}) {
        const auto params = params_for("S2.1", profile);
        for (int i = 0; i < 4000; ++i) {
            const auto voting = d(i64_min, i64_max);
            const auto personal = d.coin() ? d(0, voting < 0 ? 0 : voting) : d(i64_min, i64_max);
            const auto family = d.coin() ? d(0, 100) : d(i64_min, i64_max);
            const auto got = run_check("S2.1", board_counts_record(voting, personal, family), params).status;
            BOOST_TEST(got == expected_majority(voting, personal, family, params),
                       profile << ": " << personal << " + " << family << " of " << voting);
        }
    }
}

BOOST_AUTO_TEST_CASE(board_majority_agrees_with_exact_arithmetic_through_the_reader) {
    // Counts anywhere in the accepted range, read from JSON as a record gives them.
    draw d(11);
    const auto seats = limits::seats;
    for (const char* profile : {"national", "florida", "michigan"}) {
        const auto params = params_for("S2.1", profile);
        for (int i = 0; i < 1500; ++i) {
            const auto voting = d(seats.min, seats.max);
            const auto personal = d(seats.min, d.coin() ? voting : seats.max);
            const auto family = d(seats.min, seats.max);
            const auto text = "{\"format\":\"rco-record/1\",\"board\":{\"counts\":{\"voting\":" + std::to_string(voting) +
                              ",\"personal\":" + std::to_string(personal) + ",\"family\":" + std::to_string(family) +
                              "}}}";
            const auto r = io::read_record_json(text, "r.json");
            BOOST_TEST_REQUIRE(r.ok());
            BOOST_TEST(run_check("S2.1", *r.record, params).status ==
                           expected_majority(voting, personal, family, params),
                       profile << ": " << personal << " + " << family << " of " << voting);
        }
    }
}

BOOST_AUTO_TEST_CASE(expense_share_agrees_with_exact_arithmetic) {
    draw d(13);
    for (int i = 0; i < 3000; ++i) {
        // In memory: up to 300 services of any int64 amount (sums far beyond 64 bits, and
        // negative ones), any threshold. Through the reader: amounts in the accepted range.
        const bool in_memory = i % 2 == 0;
        const std::size_t count = static_cast<std::size_t>(d(1, in_memory && d.coin() ? 300 : 6));
        std::vector<std::int64_t> cents;
        std::vector<bool> recovery;
        for (std::size_t s = 0; s < count; ++s) {
            cents.push_back(in_memory ? d(d.coin() ? 0 : i64_min, i64_max) : d(limits::cents.min, limits::cents.max));
            recovery.push_back(d.coin());
        }
        const auto p = in_memory && d.coin() ? d(i64_min, i64_max) : d(0, 99);
        auto params = params_for("S3.2", "national");
        params["min_recovery_share"] = p;
        record r;
        if (in_memory) {
            r = services_record(cents, recovery);
        } else {
            std::string text = "{\"format\":\"rco-record/1\",\"services\":[";
            for (std::size_t s = 0; s < count; ++s)
                text += std::string(s ? "," : "") + "{\"category\":\"" + (recovery[s] ? "sud_recovery" : "other") +
                        "\",\"annual_expense\":" + decimal(cents[s] / 100) + "." +
                        (cents[s] % 100 < 10 ? "0" : "") + std::to_string(cents[s] % 100) + "}";
            const auto read = io::read_record_json(text + "]}", "r.json");
            BOOST_TEST_REQUIRE(read.ok());
            r = *read.record;
            for (std::size_t s = 0; s < count; ++s)
                BOOST_TEST_REQUIRE((*r.services)[s].annual_expense->cents == cents[s]);
        }
        BOOST_TEST(run_check("S3.2", r, params).status == expected_primary_function(cents, recovery, p),
                   "case " << i << ": " << count << " services, p " << p);
    }
}

BOOST_AUTO_TEST_CASE(outside_control_agrees_with_exact_arithmetic) {
    // S2.5: an affiliation holding limit% or more of the seats fails (100w >= limit n).
    draw d(17);
    for (int i = 0; i < 2000; ++i) {
        record r;
        auto& members = r.board.emplace().members.emplace();
        const auto seats = d(1, 40);
        std::map<std::string, std::int64_t> held;
        for (std::int64_t s = 0; s < seats; ++s) {
            board_member m;
            m.voting = true;
            if (d.coin()) {
                m.affiliation = "org" + std::to_string(d(0, 3));
                ++held[*m.affiliation];
            }
            members.push_back(std::move(m));
        }
        std::int64_t worst = 0;
        for (const auto& [name, count] : held)
            worst = std::max(worst, count);
        const auto limit = d.coin() ? d(1, 100) : d(i64_min, i64_max);
        auto params = params_for("S2.5", "national");
        params["max_outside_share_percent"] = limit;
        const auto want = worst > 0 && 100 * big(worst) >= big(limit) * big(seats) ? status::fail : status::pass;
        BOOST_TEST(run_check("S2.5", r, params).status == want, worst << " of " << seats << ", limit " << limit);
    }
}

BOOST_AUTO_TEST_CASE(the_issue_examples_fail_in_memory) {
    // Florida's rule, 0 of 200000000000000000: 51 * n overflowed 64 bits and passed.
    for (const char* profile : {"national", "florida", "michigan"}) {
        const auto o = run_check("S2.1", board_counts_record(200'000'000'000'000'000, 0, 0), params_for("S2.1", profile));
        BOOST_TEST(o.status == status::fail, profile);
        BOOST_TEST(rco::render(o.message).starts_with("0 of 200000000000000000 seated voting members"), rco::render(o.message));
    }
    BOOST_TEST(rco::render(run_check("S2.1", board_counts_record(200'000'000'000'000'000, 0, 0),
                                     params_for("S2.1", "florida"))
                               .message)
                   .find("at least 51% (102000000000000000 of 200000000000000000) is required") != std::string::npos);
    // The largest counts an int64 holds: all of them in recovery passes, one short of half fails.
    BOOST_TEST(run_check("S2.1", board_counts_record(i64_max, i64_max, 0), params_for("S2.1", "florida")).status ==
               status::pass);
    BOOST_TEST(run_check("S2.1", board_counts_record(i64_max, i64_max / 2, 0), params_for("S2.1", "national")).status ==
               status::fail);
    // Michigan adds family: personal + family beyond 64 bits is more than the seats, a contradiction.
    const auto sum = run_check("S2.1", board_counts_record(i64_max, i64_max, i64_max), params_for("S2.1", "michigan"));
    BOOST_TEST(sum.status == status::fail);
    BOOST_TEST(rco::render(sum.message).starts_with("18446744073709551614 members are counted as in recovery"), rco::render(sum.message));

    // S3.2, $1 of $1,900,000,000,000,001: 190 services of $10 trillion and $1 for recovery.
    std::vector<std::int64_t> cents(190, 1'000'000'000'000'000);
    std::vector<bool> recovery(190, false);
    cents.push_back(100);
    recovery.push_back(true);
    const auto o = run_check("S3.2", services_record(cents, recovery), params_for("S3.2", "national"));
    BOOST_TEST(o.status == status::fail);
    BOOST_TEST(rco::render(o.message).starts_with("Effort is measured by annual expense: $1 of the $1,900,000,000,000,001 "
                                         "spent on the 191 services the organization delivers (0%)"),
               rco::render(o.message));
}

BOOST_AUTO_TEST_CASE(a_window_in_months_cannot_wrap) {
    // A catalog without a maximum could allow 2^32 + 12 months, which a cast to int made a
    // 12-month window (a 2020 assessment failed), or 2^31, whose negation overflowed.
    record r;
    r.participation.emplace().needs_assessment = *parse_date("2020-01-01");
    auto params = params_for("S5.2", "national");
    for (const std::int64_t months : {std::int64_t{4'294'967'308}, std::int64_t{2'147'483'648}, i64_max}) {
        params["needs_assessment_max_age_months"] = months;
        BOOST_TEST(run_check("S5.2", r, params).status == status::pass, months);
    }
    params["needs_assessment_max_age_months"] = i64_min; // no window at all
    BOOST_TEST(run_check("S5.2", r, params).status == status::fail);
    params["needs_assessment_max_age_months"] = std::int64_t{24};
    BOOST_TEST(run_check("S5.2", r, params).status == status::fail);
}

BOOST_AUTO_TEST_CASE(readers_refuse_numbers_outside_their_range_at_the_field) {
    // JSON: the issue's board, located at its pointer with line and column.
    const auto j = io::read_record_json("{\"format\":\"rco-record/1\",\n \"board\":{\"counts\":{\"voting\":200000000000000000,"
                                        "\"personal\":0}}}",
                                        "board.json");
    BOOST_TEST(!j.ok());
    BOOST_TEST_REQUIRE(j.diagnostics.size() == 1u);
    BOOST_TEST(j.diagnostics[0].severity == severity::error);
    BOOST_TEST(j.diagnostics[0].pointer == "/board/counts/voting");
    BOOST_TEST(j.diagnostics[0].line == 2u);
    BOOST_TEST(j.diagnostics[0].column == 21u);
    BOOST_TEST(j.diagnostics[0].message ==
               "expected a whole number from 0 to 10,000, got 200,000,000,000,000,000");

    // The top of each range is accepted; one more is not.
    BOOST_TEST(io::read_record_json("{\"format\":\"rco-record/1\",\"board\":{\"counts\":{\"voting\":10000}}}", "a").ok());
    BOOST_TEST(!io::read_record_json("{\"format\":\"rco-record/1\",\"board\":{\"counts\":{\"voting\":10001}}}", "a").ok());
    BOOST_TEST(io::read_record_json("{\"format\":\"rco-record/1\",\"services\":[{\"annual_expense\":1e12}]}", "a").ok());
    const auto money = io::read_record_json(
        "{\"format\":\"rco-record/1\",\"services\":[{\"annual_expense\":10000000000000}]}", "m.json");
    BOOST_TEST_REQUIRE(money.diagnostics.size() == 1u);
    BOOST_TEST(money.diagnostics[0].pointer == "/services/0/annual_expense");
    BOOST_TEST(money.diagnostics[0].message ==
               "expected an amount in dollars from $0 to $1,000,000,000,000, got $10,000,000,000,000");
    for (const char* bad : {"{\"format\":\"rco-record/1\",\"filings\":[{\"tax_year\":1799}]}",
                            "{\"format\":\"rco-record/1\",\"organization\":{\"formation_year\":2201}}",
                            "{\"format\":\"rco-record/1\",\"volunteers\":{\"count_12m\":10000001}}",
                            "{\"format\":\"rco-record/1\",\"participation\":{\"events\":[{\"participants\":10000001}]}}",
                            "{\"format\":\"rco-record/1\",\"policies\":{\"grievance\":{\"response_days\":3651}}}"}) {
        const auto r = io::read_record_json(bad, "x.json");
        BOOST_TEST(!r.ok(), bad);
        BOOST_TEST(r.diagnostics.size() == 1u, bad);
        BOOST_TEST(r.diagnostics.at(0).message.starts_with("expected a whole number from "), bad);
    }

    // XML: the same rule from the same table, located at the element.
    const auto x = io::read_record_xml(
        "<rco-record xmlns=\"urn:rco-audit:rco-record:1\" format=\"rco-record/1\">\n"
        "  <board><counts><voting>200000000000000000</voting><personal>0</personal></counts></board>\n"
        "  <services><service><annual_expense>1900000000000001</annual_expense></service></services>\n"
        "</rco-record>",
        "board.xml");
    BOOST_TEST(!x.ok());
    BOOST_TEST_REQUIRE(x.diagnostics.size() == 2u);
    BOOST_TEST(x.diagnostics[0].pointer == "/board/counts/voting");
    BOOST_TEST(x.diagnostics[0].line == 2u);
    BOOST_TEST(x.diagnostics[0].message == "expected a whole number from 0 to 10,000, got 200,000,000,000,000,000 "
                                           "(element /rco-record/board/counts/voting)");
    BOOST_TEST(x.diagnostics[1].pointer == "/services/0/annual_expense");
    BOOST_TEST(x.diagnostics[1].line == 3u);
    BOOST_TEST(x.diagnostics[1].message ==
               "expected an amount in dollars from $0 to $1,000,000,000,000, got $1,900,000,000,000,001 "
               "(element /rco-record/services/service[1]/annual_expense)");
}

BOOST_AUTO_TEST_CASE(many_services_within_range_cannot_wrap_the_share) {
    // 1,900 services of $1 trillion (each accepted) and $1 for recovery: the sums pass 2^63
    // cents in the threshold product, which wrapped and passed; exact arithmetic fails it.
    std::string text = "{\"format\":\"rco-record/1\",\"services\":[{\"category\":\"sud_recovery\",\"annual_expense\":1}";
    for (int i = 0; i < 1900; ++i)
        text += ",{\"category\":\"other\",\"annual_expense\":1000000000000}";
    const auto r = io::read_record_json(text + "]}", "many.json");
    BOOST_TEST_REQUIRE(r.ok());
    const auto o = run_check("S3.2", *r.record, params_for("S3.2", "national"));
    BOOST_TEST(o.status == status::fail);
    BOOST_TEST(rco::render(o.message).starts_with("Effort is measured by annual expense: $1 of the $1,900,000,000,000,001 spent"),
               rco::render(o.message));
}

BOOST_AUTO_TEST_SUITE_END()
