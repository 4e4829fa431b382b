#include "rco/checks/registry.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace rco;

BOOST_AUTO_TEST_SUITE(registry)

BOOST_AUTO_TEST_CASE(catalog_and_registry_name_exactly_the_same_checks) {
    std::vector<std::string> from_catalog, from_registry;
    for (const auto& c : io::builtin_catalog().checks)
        from_catalog.push_back(c.id);
    for (const auto& e : check_registry()) {
        from_registry.emplace_back(e.id);
        BOOST_TEST(e.fn != nullptr);
    }
    BOOST_TEST(from_catalog == from_registry, boost::test_tools::per_element());
    BOOST_TEST(std::set<std::string>(from_registry.begin(), from_registry.end()).size() == 43u);
}

BOOST_AUTO_TEST_CASE(every_check_reads_only_parameters_the_catalog_defines) {
    // Auditing the base record under every profile exercises every parameter read;
    // an undefined parameter throws std::logic_error.
    for (const auto& p : io::builtin_catalog().profiles)
        BOOST_CHECK_NO_THROW(test::audit_json(test::base_record_json(), p.name));
    BOOST_TEST(find_check_fn("S2.1") != nullptr);
    BOOST_TEST(find_check_fn("S11.1") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
