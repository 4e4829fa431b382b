#pragma once

#include "rco/arithmetic.hpp"

#include <algorithm>
#include <utility>

namespace rco {

std::strong_ordering compare_shares(wide_int a, wide_int b, wide_int c, wide_int d) noexcept {
    __extension__ typedef unsigned __int128 uwide;
    // Positive denominators, then the signs of the numerators decide or both are of one sign.
    if (b < 0) {
        a = -a;
        b = -b;
    }
    if (d < 0) {
        c = -c;
        d = -d;
    }
    if ((a < 0) != (c < 0))
        return a < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    if (a < 0) { // a/b < c/d  <=>  -c/d < -a/b
        const wide_int na = -c, nc = -a;
        a = na;
        c = nc;
        std::swap(b, d);
    }
    // Both non-negative: compare integer parts; equal ones leave r1/y against r2/w,
    // which compares as w/r2 against y/r1 (Euclid's steps, so few iterations).
    auto x = static_cast<uwide>(a), y = static_cast<uwide>(b), z = static_cast<uwide>(c), w = static_cast<uwide>(d);
    while (true) {
        const uwide q1 = x / y, q2 = z / w;
        if (q1 != q2)
            return q1 < q2 ? std::strong_ordering::less : std::strong_ordering::greater;
        const uwide r1 = x % y, r2 = z % w;
        if (r1 == 0 || r2 == 0)
            return r1 == r2 ? std::strong_ordering::equal
                   : r1 == 0 ? std::strong_ordering::less
                             : std::strong_ordering::greater;
        x = w;
        z = y;
        y = r2;
        w = r1;
    }
}

wide_int least_share(std::int64_t whole, std::int64_t num, std::int64_t den) noexcept {
    const wide_int p = wide_int{num} * whole;
    // ceil(p / den) for den > 0: C++ division truncates toward zero.
    return p >= 0 ? (p + den - 1) / den : p / den;
}

wide_int percent_floor(wide_int part, wide_int whole) noexcept {
    const wide_int p = part * 100;
    wide_int q = p / whole;
    if ((p % whole != 0) && ((p < 0) != (whole < 0)))
        --q;
    return q;
}

int percent_rounded(wide_int part, wide_int whole) noexcept {
    if (whole == 0)
        return 100;
    return static_cast<int>((200 * part + whole) / (2 * whole));
}

std::string decimal(wide_int v) {
    __extension__ typedef unsigned __int128 uwide;
    uwide m = v < 0 ? static_cast<uwide>(0) - static_cast<uwide>(v) : static_cast<uwide>(v);
    std::string out;
    do {
        out += static_cast<char>('0' + static_cast<int>(m % 10));
        m /= 10;
    } while (m != 0);
    if (v < 0)
        out += '-';
    std::reverse(out.begin(), out.end());
    return out;
}

std::string grouped(wide_int v) {
    const std::string digits = decimal(v);
    const std::size_t first = digits.front() == '-' ? 1 : 0;
    std::string out = digits.substr(0, first);
    for (std::size_t i = first; i < digits.size(); ++i) {
        if (i > first && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string dollars(wide_int cents) {
    const bool negative = cents < 0;
    std::string whole = grouped(cents / 100);
    if (whole.front() == '-')
        whole.erase(0, 1);
    std::string out = (negative ? "-$" : "$") + whole;
    const auto rest = static_cast<int>(negative ? -(cents % 100) : cents % 100);
    if (rest != 0)
        out += (rest < 10 ? ".0" : ".") + std::to_string(rest);
    return out;
}

} // namespace rco
