// Exact integer arithmetic for the checks, the audit score and the readers' messages:
// shares compared without any product that could overflow, sums in 128 bits, numbers
// written with digit grouping. Whatever the values (a record built in memory is not
// range-checked by a reader), no verdict can come from a wrapped-around number.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#if !defined(__SIZEOF_INT128__)
#error "rco-audit needs a compiler with a 128-bit integer type (GCC or Clang)"
#endif

namespace rco {

/// A 128-bit signed integer: holds the sum of any list of 64-bit values that fits in
/// memory, and the product of two 64-bit values.
__extension__ typedef __int128 wide_int;

/// part/whole compared with num/den, exactly, for any values with non-zero
/// denominators (a continued-fraction comparison: no product is ever formed).
std::strong_ordering compare_shares(wide_int part, wide_int whole, wide_int num, wide_int den) noexcept;

/// part/whole >= num/den ("at least num/den of whole"); whole and den non-zero.
inline bool share_at_least(wide_int part, wide_int whole, wide_int num, wide_int den) noexcept {
    return compare_shares(part, whole, num, den) >= 0;
}
/// part/whole > num/den ("more than num/den of whole"); whole and den non-zero.
inline bool share_more_than(wide_int part, wide_int whole, wide_int num, wide_int den) noexcept {
    return compare_shares(part, whole, num, den) > 0;
}

/// The smallest whole k with k/whole >= num/den, i.e. ceil(num*whole/den), for
/// 64-bit num and whole and den > 0 (the product cannot overflow 128 bits).
wide_int least_share(std::int64_t whole, std::int64_t num, std::int64_t den) noexcept;

/// The percentage 100*part/whole rounded down (toward minus infinity), for whole > 0
/// and |part| < 2^120 (any sum of fewer than 2^56 values of 64 bits).
wide_int percent_floor(wide_int part, wide_int whole) noexcept;

/// The percentage 100*part/whole rounded half up, 100 when whole is 0; for
/// 0 <= part <= whole < 2^120.
int percent_rounded(wide_int part, wide_int whole) noexcept;

/// "-1234567".
std::string decimal(wide_int v);
/// "1,234,567" (a comma between groups of three digits).
std::string grouped(wide_int v);
/// An amount in cents as dollars: "$1,234", "$1,234.50", "-$5".
std::string dollars(wide_int cents);

} // namespace rco
