// Small helpers the checks share: building plain-language sentences, JSON Pointers,
// and verdicts. Internal to the checks (namespace rco::detail).
#pragma once

#include "rco/checks/context.hpp"

#include <algorithm>
#include <concepts>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rco::detail {

/// Concatenates strings and numbers into one string.
template <class... Args>
std::string str(const Args&... args) {
    std::ostringstream out;
    ((out << args), ...);
    return out.str();
}

/// "1 meeting" / "3 meetings".
inline std::string count_of(std::int64_t n, std::string_view singular, std::string_view plural) {
    return str(n, ' ', n == 1 ? singular : plural);
}

/// "a", "a and b", "a, b and c".
inline std::string join_words(const std::vector<std::string>& words, std::string_view last_sep = " and ") {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            out += (i + 1 == words.size()) ? std::string(last_sep) : std::string(", ");
        out += words[i];
    }
    return out;
}

/// "/board/members/3" — JSON Pointer of a list element.
inline std::string at(std::string_view base, std::size_t index) {
    return str(base, '/', index);
}

inline outcome verdict(status s, std::string explanation, std::vector<std::string> pointers) {
    outcome o;
    o.status = s;
    o.explanation = std::move(explanation);
    o.pointers = std::move(pointers);
    return o;
}
inline outcome pass(std::string e, std::vector<std::string> p) { return verdict(status::pass, std::move(e), std::move(p)); }
inline outcome fail(std::string e, std::vector<std::string> p) { return verdict(status::fail, std::move(e), std::move(p)); }
inline outcome missing(std::string e, std::vector<std::string> p) {
    return verdict(status::insufficient_evidence, std::move(e), std::move(p));
}
inline outcome manual(std::string e, std::vector<std::string> p) {
    return verdict(status::manual_review, std::move(e), std::move(p));
}
inline outcome not_applicable(std::string e, std::vector<std::string> p) {
    return verdict(status::not_applicable, std::move(e), std::move(p));
}

/// True when `value` is in `list`.
template <class T, class U>
bool contains(const std::vector<T>& list, const U& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

/// The words of `wanted` that `have` lacks, in `wanted` order.
inline std::vector<std::string> missing_from(const std::vector<std::string>& wanted,
                                             const std::vector<std::string>& have) {
    std::vector<std::string> out;
    for (const auto& w : wanted)
        if (!contains(have, w))
            out.push_back(w);
    return out;
}

/// Record spellings of a list of enum values.
template <class E>
std::vector<std::string> spellings(const std::vector<E>& values) {
    std::vector<std::string> out;
    for (E v : values)
        out.emplace_back(to_string(v));
    return out;
}

/// "2026-06-30".
inline std::string day(date d) { return format_date(d); }

/// Active peer workers: `active` true. Workers with `active` absent are counted as
/// active: a roster lists the people who deliver services unless it says otherwise.
inline bool is_active(const peer_worker& w) { return w.active.value_or(true); }

/// Seated voting member: seat not vacant and not marked non-voting. A seat with no
/// `voting` field counts as voting, the conservative reading for a majority test
/// (it can only enlarge the denominator).
inline bool is_seated_voting(const board_member& m) {
    return m.voting.value_or(true) && m.seat.value_or(seat_state::filled) == seat_state::filled;
}

} // namespace rco::detail
