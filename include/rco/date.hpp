// Calendar dates for review windows: ISO 8601 text in and out, calendar-correct
// month arithmetic (month-end clamping), no clock anywhere.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rco {

/// A calendar date. The library never reads the clock: the review date is an argument.
using date = std::chrono::year_month_day;

/// Parses strict `YYYY-MM-DD` (a real calendar date); nullopt otherwise.
[[nodiscard]] std::optional<date> parse_date(std::string_view text) noexcept;

/// Reads a date as spreadsheets write it: ISO `YYYY-MM-DD`, or the US month/day/year
/// that Excel saves in the US, `1/15/2026` or `01/15/2026` (a four-digit year). A date
/// that does not exist (2/30/2026, 13/1/2026) is nullopt, and `why`, when given, says
/// what is wrong in words ("there is no February 30 in 2026").
[[nodiscard]] std::optional<date> parse_spreadsheet_date(std::string_view text, std::string* why = nullptr);

/// Formats as `YYYY-MM-DD`.
std::string format_date(date d);

/// Adds (or, when negative, subtracts) calendar months, clamping the day to the
/// month's end: 2024-02-29 minus 12 months is 2023-02-28.
date add_months(date d, int months) noexcept;

/// Adds (or subtracts) days.
date add_days(date d, int days) noexcept;

/// Days from `from` to `to` (negative when `to` is earlier).
long days_between(date from, date to) noexcept;

/// True when `d` lies in the window of `months` calendar months up to and including
/// `as_of`: on or after the same day `months` months earlier (clamped), not after `as_of`.
bool within_months(date d, date as_of, int months) noexcept;

/// True when `d` lies in the `days` days up to and including `as_of`.
bool within_days(date d, date as_of, int days) noexcept;

} // namespace rco
