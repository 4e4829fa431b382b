// Small helpers the checks share: messages (what a check found, as a message id with
// typed arguments, rendered only when a report is written), JSON Pointers and verdicts.
// Internal to the checks (namespace rco::detail).
#pragma once

#include "rco/arithmetic.hpp"
#include "rco/checks/context.hpp"
#include "rco/message.hpp"

#include <algorithm>
#include <concepts>
#include <limits>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rco::detail {

/// Appends one piece of a string (a JSON Pointer, an id): text, a character or a number (written as a stream
/// would write it: integers in decimal, floating point as %g, bool as 1 or 0).
template <class T>
void append_piece(std::string& out, const T& v) {
    if constexpr (std::is_same_v<T, char>) {
        out += v;
    } else if constexpr (std::is_same_v<T, bool>) {
        out += v ? '1' : '0';
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        out += std::string_view(v);
    } else if constexpr (std::is_integral_v<T>) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    } else {
        static_assert(std::is_floating_point_v<T>, "str() takes text, characters and numbers");
        char buf[32];
        const int n = std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
        out.append(buf, static_cast<std::size_t>(n));
    }
}

/// Concatenates strings and numbers into one string (no streams: one buffer).
template <class... Args>
std::string str(const Args&... args) {
    std::string out;
    ((append_piece(out, args)), ...);
    return out;
}

/// "/board/members/3" — JSON Pointer of a list element.
inline std::string at(std::string_view base, std::size_t index) {
    return str(base, '/', index);
}

// ---- Messages: what a check says, as a message id with typed arguments ----

/// An integer argument (a count, a year, a percentage); `style` for grouped digits or dollars.
template <std::integral I>
message_arg arg(std::string_view name, I v, number_style style = number_style::plain) {
    static_assert(!std::is_same_v<I, bool> && !std::is_same_v<I, char>, "a number, not a bool or a character");
    return {name, static_cast<std::int64_t>(v), list_style::and_, style};
}
/// A number from exact arithmetic: an integer argument when it fits in 64 bits (any
/// record a reader accepts); beyond that (a record built in memory) its English digits
/// as text, so that no verdict's number is ever wrapped around.
inline message_arg wide_arg(std::string_view name, wide_int v, number_style style = number_style::plain) {
    if (v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max())
        return {name, static_cast<std::int64_t>(v), list_style::and_, style};
    return {name, style == number_style::dollars   ? dollars(v)
                  : style == number_style::grouped ? grouped(v)
                                                   : decimal(v)};
}
inline message_arg arg(std::string_view name, date d) { return {name, d}; }
/// Verbatim text: record text, ids, record spellings; never words a language translates.
inline message_arg arg(std::string_view name, std::string v) { return {name, std::move(v)}; }
inline message_arg arg(std::string_view name, std::string_view v) { return {name, std::string(v)}; }
inline message_arg arg(std::string_view name, const char* v) { return {name, std::string(v)}; }
inline message_arg arg(std::string_view name, std::vector<std::string> v, list_style style = list_style::and_) {
    return {name, std::move(v), style};
}
inline message_arg arg(std::string_view name, std::vector<message> v, list_style style = list_style::and_) {
    return {name, std::move(v), style};
}
/// One nested message (a list of one).
inline message_arg arg(std::string_view name, message m) {
    std::vector<message> one;
    one.push_back(std::move(m));
    return {name, std::move(one)};
}

/// The message `def` with `args`.
template <class... A>
message msg(const message_def& def, A&&... args) {
    message m{&def, {}};
    m.args.reserve(sizeof...(A));
    (m.args.push_back(std::forward<A>(args)), ...);
    return m;
}

/// Sentences one after the other ("A. B."): each a message of its own.
inline constexpr rco::message_def sentences_def{"sentences", "{sentences}"};
inline message sentences(std::vector<message> parts) {
    return msg(sentences_def, arg("sentences", std::move(parts), list_style::sentences));
}

inline constexpr rco::message_def window_months{"window.months", "in the {months} months from {from} to {to}"};

/// "in the 24 months from 2024-06-30 to 2026-06-30".
inline message last_months(date as_of, int months) {
    return msg(window_months, arg("months", months), arg("from", add_months(as_of, -months)), arg("to", as_of));
}

inline constexpr rco::message_def services_count{"services.count", "{count} service", "{count} services", "count"};

/// The JSON Pointers a check read (literals cost no copy: rco::json_pointer).
using pointer_list = std::vector<json_pointer>;

inline outcome verdict(status s, message m, pointer_list pointers) {
    outcome o;
    o.status = s;
    o.message = std::move(m);
    o.pointers = std::move(pointers);
    return o;
}
inline outcome pass(message m, pointer_list p) { return verdict(status::pass, std::move(m), std::move(p)); }
inline outcome fail(message m, pointer_list p) { return verdict(status::fail, std::move(m), std::move(p)); }
inline outcome missing(message m, pointer_list p) {
    return verdict(status::insufficient_evidence, std::move(m), std::move(p));
}
inline outcome manual(message m, pointer_list p) {
    return verdict(status::manual_review, std::move(m), std::move(p));
}
inline outcome not_applicable(message m, pointer_list p) {
    return verdict(status::not_applicable, std::move(m), std::move(p));
}
/// Pass when `ok`, else fail, with the same message.
inline outcome pass_if(bool ok, message m, pointer_list p) {
    return verdict(ok ? status::pass : status::fail, std::move(m), std::move(p));
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

/// A parameter counting months, for a review window: the catalog bounds it, but a
/// catalog without a maximum (or a program) could give any number, so it is clamped to
/// 0..120,000 months (ten thousand years, wider than any date) and no window's date
/// arithmetic can wrap.
inline int months_parameter(const check_context& ctx, std::string_view name) {
    return static_cast<int>(std::clamp<std::int64_t>(ctx.integer(name), 0, 120'000));
}

/// Active peer workers: `active` true. Workers with `active` absent are counted as
/// active: a roster lists the people who deliver services unless it says otherwise.
inline bool is_active(const peer_worker& w) { return w.active.value_or(true); }

/// Seated voting member: seat not vacant and not marked non-voting. A seat with no
/// `voting` field counts as voting, the conservative reading for a majority test
/// (it can only enlarge the denominator).
inline bool is_seated_voting(const board_member& m) {
    return m.voting.value_or(true) && m.seat.value_or(seat_state::filled) == seat_state::filled;
}

// ---- Shared by several standards' checks ----


/// True when the organization itself delivers the service (an absent `referral_only`
/// means it does: the list is of services the organization offers).
inline bool delivered_directly(const service& s) {
    return !s.referral_only.value_or(false);
}

/// A peer recovery support service as S6.1 and S6.5 count it: a peer type, delivered
/// by peers, by the organization itself.
inline bool is_peer_service(const service& s, const vocabulary& v) {
    return s.type && contains(v.peer_service_types, *s.type) && s.delivered_by == delivery::peers &&
           delivered_directly(s);
}

inline constexpr rco::message_def service_named{"service.named", "{name}"};
inline constexpr rco::message_def service_unnamed{"service.unnamed", "service {number}"};

/// The service for a sentence: its name (record text), or "service 3" by position.
inline message service_label(const service& s, std::size_t index) {
    if (s.name && !s.name->empty())
        return msg(service_named, arg("name", *s.name));
    return msg(service_unnamed, arg("number", index + 1));
}

/// Active peer workers and those among them who fall short of one requirement.
struct peer_tally {
    std::size_t listed = 0;         ///< everyone on the roster, active or not
    std::int64_t active = 0;        ///< active workers (the denominator)
    std::vector<std::string> unmet; ///< ids of the active workers who fall short
    std::int64_t met() const { return active - static_cast<std::int64_t>(unmet.size()); }
};

template <class Meets>
peer_tally tally_active_peers(const std::vector<peer_worker>& workers, Meets meets) {
    peer_tally t;
    t.listed = workers.size();
    for (std::size_t i = 0; i < workers.size(); ++i) {
        const auto& w = workers[i];
        if (!is_active(w))
            continue;
        ++t.active;
        if (!meets(w))
            t.unmet.push_back(w.id ? *w.id : str("peer worker ", i + 1));
    }
    return t;
}

inline constexpr rco::message_def peers_none_active{"peers.none_active", "No active peer workers are recorded."};
inline constexpr rco::message_def peers_none_active_listed{
    "peers.none_active_listed", "No active peer workers are recorded (the roster lists {count} inactive worker).",
    "No active peer workers are recorded (the roster lists {count} inactive workers).", "count"};

/// The verdict every per-worker check shares: fail with "no active peer workers" when
/// the roster has none, else pass when everyone meets the requirement, the people who
/// fall short as subjects.
inline outcome judge_peers(peer_tally t, message text, pointer_list pointers) {
    if (t.active == 0)
        return fail(t.listed > 0 ? msg(peers_none_active_listed, arg("count", t.listed)) : msg(peers_none_active),
                    std::move(pointers));
    outcome o = pass_if(t.unmet.empty(), std::move(text), std::move(pointers));
    o.subjects = std::move(t.unmet);
    return o;
}

inline constexpr rco::message_def peers_active_share{"peers.active_share", "{met} of {count} active peer worker",
                                                     "{met} of {count} active peer workers", "count"};
/// "3 of 4 active peer workers" (the subject of every per-worker sentence).
inline message active_share_of(const peer_tally& t) {
    return msg(peers_active_share, arg("met", t.met()), arg("count", t.active));
}




/// The fail verdict of a policy check that lists what the policy lacks, as one sentence:
/// `says` holds "{gaps}" ("The code of ethics falls short: {gaps}."), joined by semicolons.
inline outcome shortfalls(const message_def& says, std::vector<message> gaps, pointer_list pointers) {
    return fail(msg(says, arg("gaps", std::move(gaps), list_style::semicolons)), std::move(pointers));
}


} // namespace rco::detail
