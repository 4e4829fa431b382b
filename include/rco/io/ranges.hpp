// The readers' one rule for numbers: a whole number or an amount outside the range the
// record model gives its field (rco/record.hpp, `ranges`) is an input error at the field.
#pragma once

#include "rco/arithmetic.hpp"
#include "rco/message.hpp"
#include "rco/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace rco::io {

inline constexpr message_def range_whole_number{"reader.range.whole_number",
                                                "expected a whole number from {min} to {max}, got {value}"};
inline constexpr message_def range_dollars{"reader.range.dollars",
                                           "expected an amount in dollars from {min} to {max}, got {value}"};

/// "expected a whole number from 0 to 10,000, got 20,001" (four-digit numbers such as
/// years are written without a comma).
inline message range_problem(const value_range& r, std::int64_t value) {
    auto number = [](std::string_view name, std::int64_t v) {
        message_arg a{name, v};
        a.number = v >= 10'000 || v <= -10'000 ? number_style::grouped : number_style::plain;
        return a;
    };
    return {&range_whole_number, {number("min", r.min), number("max", r.max), number("value", value)}};
}
/// "expected an amount in dollars from $0 to $1,000,000,000,000, got $1,900,000,000,000".
inline message range_problem(const value_range& r, money value) {
    auto amount = [](std::string_view name, std::int64_t cents) {
        message_arg a{name, cents};
        a.number = number_style::dollars;
        return a;
    };
    return {&range_dollars, {amount("min", r.min), amount("max", r.max), amount("value", value.cents)}};
}
inline std::string range_message(const value_range& r, std::int64_t value) { return render(range_problem(r, value)); }
inline std::string range_message(const value_range& r, money value) { return render(range_problem(r, value)); }

/// Why the value of field `name` of `T` is refused, or nullopt when the field is empty,
/// is not a number, or holds a value in its range. A reader that gets a reason reports
/// it as an error at the field and leaves the field out.
template <class T, class V>
std::optional<message> out_of_range(std::string_view name, const std::optional<V>& field) {
    if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, money>) {
        const auto range = range_of<T>(name);
        if (!field || !range)
            return std::nullopt;
        std::int64_t value = 0;
        if constexpr (std::is_same_v<V, money>)
            value = field->cents;
        else
            value = *field;
        if (!range->contains(value))
            return range_problem(*range, *field);
    }
    return std::nullopt;
}

} // namespace rco::io
