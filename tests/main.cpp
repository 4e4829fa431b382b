// The one test module; every *_test.cpp adds suites to it.
#define BOOST_TEST_MODULE rco_audit
#include <boost/test/included/unit_test.hpp>
