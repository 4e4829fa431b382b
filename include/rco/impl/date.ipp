#pragma once

#include "rco/date.hpp"

#include <cstdio>

namespace rco {

std::optional<date> parse_date(std::string_view t) noexcept {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9')
                return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d))
        return std::nullopt;
    date result{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                std::chrono::day{static_cast<unsigned>(d)}};
    if (!result.ok())
        return std::nullopt;
    return result;
}

std::optional<date> parse_spreadsheet_date(std::string_view t, std::string* why) {
    static constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
    auto fail = [&](std::string message) -> std::optional<date> {
        if (why)
            *why = std::move(message);
        return std::nullopt;
    };
    const std::string expected = "expected a date as YYYY-MM-DD or month/day/year (e.g. 2026-01-15 or 1/15/2026)";
    int y = 0, m = 0, d = 0;
    const auto number = [&](std::string_view part, int& out) {
        out = 0;
        if (part.empty())
            return false;
        for (char c : part) {
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + (c - '0');
        }
        return true;
    };
    const auto slash1 = t.find('/');
    if (slash1 == std::string_view::npos) {
        // ISO: the strict form, with what is wrong named when the shape is right.
        if (auto iso = parse_date(t))
            return iso;
        if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !number(t.substr(0, 4), y) ||
            !number(t.substr(5, 2), m) || !number(t.substr(8, 2), d))
            return fail(expected);
    } else {
        const auto slash2 = t.find('/', slash1 + 1);
        if (slash2 == std::string_view::npos || slash1 > 2 || slash2 - slash1 - 1 > 2 || t.size() - slash2 - 1 != 4 ||
            !number(t.substr(0, slash1), m) || !number(t.substr(slash1 + 1, slash2 - slash1 - 1), d) ||
            !number(t.substr(slash2 + 1), y))
            return fail(expected);
        if (m > 12 && d >= 1 && d <= 12)
            return fail("there is no month " + std::to_string(m) + ": a date with slashes is read as month/day/year "
                        "(US), so this looks like day/month/year; write " + std::to_string(d) + "/" +
                        std::to_string(m) + "/" + std::to_string(y) + " or YYYY-MM-DD");
    }
    if (m < 1 || m > 12)
        return fail("there is no month " + std::to_string(m) + "; " + expected);
    const date result{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                      std::chrono::day{static_cast<unsigned>(d)}};
    if (!result.ok())
        return fail("there is no " + std::string(month_names[m - 1]) + " " + std::to_string(d) + " in " +
                    std::to_string(y));
    return result;
}

std::string format_date(date d) {
    const int y = static_cast<int>(d.year());
    const auto m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
    if (y < 0 || y > 9999 || m > 99 || dd > 99) { // not a date a record holds; as printf writes it
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
        return buf;
    }
    const char out[10] = {static_cast<char>('0' + y / 1000),      static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                          '-',                                    static_cast<char>('0' + m / 10 % 10),
                          static_cast<char>('0' + m % 10),        '-',
                          static_cast<char>('0' + dd / 10 % 10),  static_cast<char>('0' + dd % 10)};
    return std::string(out, 10);
}

date add_months(date d, int months) noexcept {
    using namespace std::chrono;
    year_month ym = year_month{d.year(), d.month()} + std::chrono::months{months};
    const auto month_end = (ym / std::chrono::last).day();
    return ym / (d.day() > month_end ? month_end : d.day());
}

date add_days(date d, int days) noexcept {
    return date{std::chrono::sys_days{d} + std::chrono::days{days}};
}

long days_between(date from, date to) noexcept {
    return static_cast<long>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

bool within_months(date d, date as_of, int months) noexcept {
    return d >= add_months(as_of, -months) && d <= as_of;
}

bool within_days(date d, date as_of, int days) noexcept {
    return d >= add_days(as_of, -days) && d <= as_of;
}

} // namespace rco
