#include "rco/date.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

namespace {
date d(const char* s) { return *parse_date(s); }
} // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(parses_only_real_iso_dates) {
    BOOST_TEST(format_date(d("2026-06-30")) == "2026-06-30");
    BOOST_TEST(!parse_date("2026-02-30"));
    BOOST_TEST(!parse_date("2026-13-01"));
    BOOST_TEST(!parse_date("2026-6-30"));
    BOOST_TEST(!parse_date("June 2026"));
    BOOST_TEST(!parse_date("2026-06-30T00:00"));
    BOOST_TEST(!parse_date(""));
    BOOST_TEST(parse_date("2024-02-29").has_value());
    BOOST_TEST(!parse_date("2023-02-29"));
}

BOOST_AUTO_TEST_CASE(month_arithmetic_clamps_to_month_end) {
    BOOST_TEST(format_date(add_months(d("2024-02-29"), -12)) == "2023-02-28");
    BOOST_TEST(format_date(add_months(d("2026-03-31"), -1)) == "2026-02-28");
    BOOST_TEST(format_date(add_months(d("2026-05-31"), -24)) == "2024-05-31");
    BOOST_TEST(format_date(add_months(d("2026-01-15"), -13)) == "2024-12-15");
    BOOST_TEST(format_date(add_months(d("2025-12-31"), 2)) == "2026-02-28");
}

BOOST_AUTO_TEST_CASE(windows_include_both_ends_and_exclude_the_future) {
    const auto as_of = d("2026-06-30");
    BOOST_TEST(within_months(d("2025-06-30"), as_of, 12));
    BOOST_TEST(!within_months(d("2025-06-29"), as_of, 12));
    BOOST_TEST(within_months(d("2026-06-30"), as_of, 12));
    BOOST_TEST(!within_months(d("2026-07-01"), as_of, 12));
    // 29 Feb minus 12 months is 28 Feb: a date on 28 Feb is inside the window.
    BOOST_TEST(within_months(d("2023-02-28"), d("2024-02-29"), 12));
    BOOST_TEST(!within_months(d("2023-02-27"), d("2024-02-29"), 12));
    BOOST_TEST(within_days(d("2026-04-01"), as_of, 90));
    BOOST_TEST(!within_days(d("2026-03-31"), as_of, 90));
    BOOST_TEST(days_between(d("2026-02-01"), d("2026-03-03")) == 30);
    BOOST_TEST(format_date(add_days(d("2026-02-28"), 1)) == "2026-03-01");
}

BOOST_AUTO_TEST_SUITE_END()
