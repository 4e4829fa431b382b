// Runs every fixture in tests/fixtures/checks/: each case patches the base record,
// audits it and asserts the check's status, explanation, subjects and findings.
#include "rco/checks/registry.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

using namespace rco;
namespace json = boost::json;

namespace {

std::filesystem::path fixtures_dir() { return test::source_dir() / "tests/fixtures/checks"; }

parameter_value to_parameter(const json::value& v) {
    if (v.is_bool())
        return v.get_bool();
    if (v.is_int64())
        return v.get_int64();
    if (v.is_string())
        return std::string(v.get_string());
    std::vector<std::string> list;
    for (const auto& e : v.as_array())
        list.emplace_back(e.as_string());
    return list;
}

} // namespace

BOOST_AUTO_TEST_SUITE(check_fixtures)

BOOST_AUTO_TEST_CASE(base_record_passes_every_check_it_can) {
    auto r = test::audit_json(test::base_record_json());
    for (const auto& c : r.checks) {
        BOOST_TEST_CONTEXT(c.id << ": " << c.explanation()) {
            // The base record passes everything except S8.5, which is always a person's judgment,
            // and the checks that do not apply to an independent 501(c)(3).
            if (c.id == "S8.5")
                BOOST_TEST(to_string(c.status) == "manual_review");
            else if (c.id == "S1.3" || c.id == "S1.4")
                BOOST_TEST(to_string(c.status) == "not_applicable");
            else
                BOOST_TEST(to_string(c.status) == "pass");
        }
    }
    BOOST_TEST(to_string(r.result) == "meets_standards");
}

BOOST_AUTO_TEST_CASE(every_fixture_case) {
    std::size_t cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(fixtures_dir())) {
        if (entry.path().extension() != ".json")
            continue;
        const auto doc = test::load_json(entry.path()).as_object();
        const std::string id(doc.at("check").as_string());
        BOOST_TEST(entry.path().stem().string() == id, "fixture file name must be the check id");
        for (const auto& cv : doc.at("cases").as_array()) {
            const auto& c = cv.as_object();
            const std::string name(c.at("name").as_string());
            BOOST_TEST_CONTEXT(id << " / " << name) {
                ++cases;
                json::value rec = test::base_record_json();
                if (auto p = c.find("patch"); p != c.end())
                    test::merge_patch(rec, p->value());
                tailoring t;
                if (auto p = c.find("parameters"); p != c.end())
                    for (const auto& kv : p->value().as_object())
                        t.parameters[id][std::string(kv.key())] = to_parameter(kv.value());
                std::string profile = "national";
                if (auto p = c.find("profile"); p != c.end())
                    profile = std::string(p->value().as_string());
                audit_result result;
                try {
                    result = test::audit_json(rec, profile, t);
                } catch (const std::exception& e) {
                    BOOST_ERROR("cannot audit the fixture: " << e.what());
                    continue;
                }
                const auto* cr = result.find_check(id);
                BOOST_REQUIRE(cr);
                BOOST_TEST(std::string(to_string(cr->status)) == std::string(c.at("status").as_string()),
                           "explanation was: " << cr->explanation());
                if (auto e = c.find("explanation"); e != c.end())
                    BOOST_TEST(cr->explanation() == std::string(e->value().as_string()));
                if (auto e = c.find("explanation_contains"); e != c.end())
                    for (const auto& part : e->value().as_array())
                        BOOST_TEST(cr->explanation().find(std::string(part.as_string())) != std::string::npos,
                                   "'" << part.as_string() << "' not in: " << cr->explanation());
                if (auto s = c.find("subjects"); s != c.end()) {
                    std::vector<std::string> want;
                    for (const auto& e : s->value().as_array())
                        want.emplace_back(e.as_string());
                    BOOST_TEST(cr->subjects == want, boost::test_tools::per_element());
                }
                if (auto f = c.find("findings"); f != c.end())
                    BOOST_TEST(cr->findings.size() == static_cast<std::size_t>(f->value().as_int64()));
                // Privacy: no explanation ever carries a board member's or peer worker's id.
                for (const auto& subject : cr->subjects)
                    BOOST_TEST(cr->explanation().find(subject) == std::string::npos,
                               "explanation names person " << subject);
            }
        }
    }
    BOOST_TEST(cases > 0u);
}

BOOST_AUTO_TEST_CASE(every_check_has_pass_fail_and_missing_evidence_fixtures) {
    std::map<std::string, std::set<std::string>> seen;
    for (const auto& entry : std::filesystem::directory_iterator(fixtures_dir())) {
        if (entry.path().extension() != ".json")
            continue;
        const auto doc = test::load_json(entry.path()).as_object();
        for (const auto& cv : doc.at("cases").as_array())
            seen[std::string(doc.at("check").as_string())].insert(std::string(cv.at("status").as_string()));
    }
    for (const auto& e : check_registry()) {
        const std::string id(e.id);
        BOOST_TEST_CONTEXT(id) {
            const auto& s = seen[id];
            BOOST_TEST(s.count("pass") + (id == "S8.5" ? 1 : 0) == 1u, "needs a passing fixture");
            BOOST_TEST(s.count("insufficient_evidence") == 1u, "needs a missing-evidence fixture");
            BOOST_TEST(s.count("fail") + s.count("manual_review") >= 1u, "needs a failing fixture");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
