#pragma once

#include "rco/checks/s02_recovery_leadership.hpp"
#include "rco/checks/support.hpp"

#include <map>

namespace rco::checks {
using namespace rco::detail;

namespace {

/// The board numbers S2.1 and S2.2 share: seated voting members and those counted
/// as recovery community, from individual seats or from aggregate counts.
struct board_tally {
    bool from_members = false;
    std::int64_t voting = 0; ///< n: seated voting members
    wide_int counted = 0;    ///< k: personal (+ family when counted), a sum that cannot wrap
    std::vector<std::size_t> counted_index; ///< members counted (individual seats only)
    pointer_list pointers;
};

std::optional<board_tally> tally_board(const record& r, bool count_family) {
    if (!r.board)
        return std::nullopt;
    board_tally t;
    if (r.board->members) {
        t.from_members = true;
        t.pointers = {"/board/members"};
        const auto& ms = *r.board->members;
        for (std::size_t i = 0; i < ms.size(); ++i) {
            if (!is_seated_voting(ms[i]))
                continue;
            ++t.voting;
            auto id = ms[i].recovery_identity;
            if (id == recovery_identity::personal || (count_family && id == recovery_identity::family)) {
                ++t.counted;
                t.counted_index.push_back(i);
            }
        }
        return t;
    }
    if (r.board->counts) {
        const auto& c = *r.board->counts;
        if (!c.voting || !c.personal || (count_family && !c.family))
            return std::nullopt;
        t.voting = *c.voting;
        t.counted = wide_int{*c.personal} + (count_family ? *c.family : 0);
        t.pointers = {"/board/counts/voting", "/board/counts/personal"};
        if (count_family)
            t.pointers.push_back("/board/counts/family");
        return t;
    }
    return std::nullopt;
}

inline constexpr rco::message_def who_personal{"S2.who_personal", "self-identify as in personal recovery"};
inline constexpr rco::message_def who_family{"S2.who_family",
                                             "self-identify as in personal recovery or as family members"};

message who_counts(bool count_family) { return msg(count_family ? who_family : who_personal); }

std::string member_id(const board_member& m, std::size_t index) {
    return m.id ? *m.id : str("seat ", index + 1);
}

inline constexpr rco::message_def majority_not_recorded{
    "S2.1.composition_not_recorded", "The board's composition is not recorded: give board.members (each seat with its "
                                     "recovery_identity) or board.counts (voting and personal)."};
inline constexpr rco::message_def majority_not_recorded_family{
    "S2.1.composition_not_recorded_family", "The board's composition is not recorded: give board.members (each seat "
                                            "with its recovery_identity) or board.counts (voting and personal, family)."};
inline constexpr rco::message_def majority_no_voting{
    "S2.1.no_voting_members",
    "No seated voting board members are recorded, so the share in recovery cannot be computed."};
inline constexpr rco::message_def majority_contradiction{
    "S2.1.counts_contradict", "{counted} members are counted as in recovery but only {voting} voting seats are "
                              "recorded; the counts contradict each other."};
inline constexpr rco::message_def majority_rule_percent{"S2.1.rule_percent",
                                                        "at least {percent}% ({least} of {voting}) is required"};
inline constexpr rco::message_def majority_rule_half{"S2.1.rule_more_than_half",
                                                     "more than half (at least {least}) is required"};
inline constexpr rco::message_def majority_share{"S2.1.share", "{counted} of {count} seated voting member {who}; {rule}.",
                                                 "{counted} of {count} seated voting members {who}; {rule}.", "count"};

inline constexpr rco::message_def attested_not_recorded{
    "S2.2.composition_not_recorded",
    "The board's composition is not recorded, so there is no self-identification to attest."};
inline constexpr rco::message_def attested_no_date{
    "S2.2.no_attestation_date", "The aggregate board counts carry no attestation date (board.counts.attested)."};
inline constexpr rco::message_def attested_aggregate{
    "S2.2.aggregate_attested", "The aggregate count was attested on {date}; an attestation on or after {since} "
                               "(within {months} months) is expected."};
inline constexpr rco::message_def attested_none_counted{
    "S2.2.none_counted",
    "No seated voting member is counted as in recovery, so there is no self-identification to attest."};
inline constexpr rco::message_def attested_share{
    "S2.2.attested", "{attested} of {counted} members counted as in recovery attested their self-identification on or "
                     "after {since} (within {months} months)."};

inline constexpr rco::message_def meetings_none_recorded{"S2.3.none_recorded",
                                                         "No board meetings are recorded (board.meetings)."};
inline constexpr rco::message_def meetings_with_minutes{
    "S2.3.meetings", "{count} board meeting with minutes in the 12 months from {from} to {to}; at least {need} expected.",
    "{count} board meetings with minutes in the 12 months from {from} to {to}; at least {need} expected.", "count"};
inline constexpr rco::message_def meetings_with_and_without{
    "S2.3.meetings_and_without",
    "{count} board meeting with minutes in the 12 months from {from} to {to} ({without} more without minutes); at "
    "least {need} expected.",
    "{count} board meetings with minutes in the 12 months from {from} to {to} ({without} more without minutes); at "
    "least {need} expected.",
    "count"};

inline constexpr rco::message_def bylaws_none{"S2.4.none_recorded", "No bylaws are recorded (bylaws)."};
inline constexpr rco::message_def bylaws_unknown{
    "S2.4.clause_unknown", "The record does not say whether the bylaws require recovery-community leadership of the "
                           "board (bylaws.recovery_leadership_clause)."};
inline constexpr rco::message_def bylaws_no_clause{
    "S2.4.no_clause", "The bylaws have no clause requiring recovery-community leadership of the board."};
inline constexpr rco::message_def bylaws_clause{
    "S2.4.clause", "The bylaws contain a clause requiring recovery-community leadership of the board."};

inline constexpr rco::message_def outside_seats_only{
    "S2.5.individual_seats_only", "Outside affiliations can only be judged from individual seats "
                                  "(board.members[].affiliation); none are recorded."};
inline constexpr rco::message_def outside_no_voting{"S2.5.no_voting_members",
                                                    "No seated voting board members are recorded."};
inline constexpr rco::message_def outside_none{
    "S2.5.no_affiliations",
    "None of the {voting} seated voting members is recorded with an outside organization affiliation."};
inline constexpr rco::message_def outside_largest{
    "S2.5.largest", "The largest outside affiliation ({affiliation}) holds {seats} of {voting} voting seats; an outside "
                    "organization type holding {limit}% or more of the seats fails."};

} // namespace

outcome board_recovery_majority(const check_context& ctx) {
    const bool family = ctx.boolean("count_family_members");
    auto t = tally_board(ctx.rec, family);
    if (!t)
        return missing(msg(family ? majority_not_recorded_family : majority_not_recorded),
                       {"/board/members", "/board/counts"});
    if (t->voting <= 0)
        return missing(msg(majority_no_voting), t->pointers);
    if (t->counted > t->voting)
        return fail(msg(majority_contradiction, wide_arg("counted", t->counted), arg("voting", t->voting)), t->pointers);
    // Exact share comparisons (rco/arithmetic.hpp): no count or percentage can overflow them.
    const std::int64_t n = t->voting;
    const wide_int k = t->counted;
    bool ok = false;
    message rule;
    if (ctx.word("majority_rule") == "at_least_percent") {
        const auto p = ctx.integer("majority_percent");
        ok = share_at_least(k, n, p, 100);
        rule = msg(majority_rule_percent, arg("percent", p), wide_arg("least", least_share(n, p, 100)), arg("voting", n));
    } else {
        ok = share_more_than(k, n, 1, 2);
        rule = msg(majority_rule_half, arg("least", n / 2 + 1));
    }
    outcome o = pass_if(ok,
                        msg(majority_share, wide_arg("counted", k), arg("count", n), arg("who", who_counts(family)),
                            arg("rule", std::move(rule))),
                        t->pointers);
    if (t->from_members)
        for (auto i : t->counted_index)
            o.subjects.push_back(member_id((*ctx.rec.board->members)[i], i));
    return o;
}

outcome recovery_identity_attested(const check_context& ctx) {
    const bool family = ctx.boolean("count_family_members");
    const auto months = months_parameter(ctx, "attestation_max_age_months");
    auto t = tally_board(ctx.rec, family);
    if (!t)
        return missing(msg(attested_not_recorded), {"/board/members", "/board/counts"});
    const auto since = add_months(ctx.as_of, -months);
    if (!t->from_members) {
        const auto& c = *ctx.rec.board->counts;
        if (!c.attested)
            return missing(msg(attested_no_date), {"/board/counts/attested"});
        return pass_if(within_months(*c.attested, ctx.as_of, months),
                       msg(attested_aggregate, arg("date", *c.attested), arg("since", since), arg("months", months)),
                       {"/board/counts/attested"});
    }
    if (t->counted == 0)
        return not_applicable(msg(attested_none_counted), {"/board/members"});
    const auto& ms = *ctx.rec.board->members;
    std::vector<std::string> stale;
    for (auto i : t->counted_index)
        if (!ms[i].attested || !within_months(*ms[i].attested, ctx.as_of, months))
            stale.push_back(member_id(ms[i], i));
    const auto attested = t->counted - static_cast<wide_int>(stale.size());
    outcome o = pass_if(stale.empty(),
                        msg(attested_share, wide_arg("attested", attested), wide_arg("counted", t->counted),
                            arg("since", since), arg("months", months)),
                        {"/board/members"});
    o.subjects = std::move(stale);
    return o;
}

outcome board_meets_regularly(const check_context& ctx) {
    const auto need = ctx.integer("min_board_meetings");
    const auto& b = ctx.rec.board;
    if (!b || !b->meetings)
        return missing(msg(meetings_none_recorded), {"/board/meetings"});
    std::int64_t with_minutes = 0, without = 0;
    for (const auto& m : *b->meetings) {
        if (!m.date || !within_months(*m.date, ctx.as_of, 12))
            continue;
        (m.minutes.value_or(false) ? with_minutes : without) += 1;
    }
    auto text = without > 0 ? msg(meetings_with_and_without, arg("count", with_minutes),
                                  arg("from", add_months(ctx.as_of, -12)), arg("to", ctx.as_of), arg("without", without),
                                  arg("need", need))
                            : msg(meetings_with_minutes, arg("count", with_minutes),
                                  arg("from", add_months(ctx.as_of, -12)), arg("to", ctx.as_of), arg("need", need));
    return pass_if(with_minutes >= need, std::move(text), {"/board/meetings"});
}

outcome bylaws_recovery_leadership(const check_context& ctx) {
    const auto& b = ctx.rec.bylaws;
    if (!b)
        return missing(msg(bylaws_none), {"/bylaws"});
    if (!b->recovery_leadership_clause)
        return missing(msg(bylaws_unknown), {"/bylaws/recovery_leadership_clause"});
    if (!*b->recovery_leadership_clause)
        return fail(msg(bylaws_no_clause), {"/bylaws/recovery_leadership_clause"});
    return pass(msg(bylaws_clause), {"/bylaws/recovery_leadership_clause"});
}

outcome no_outside_control(const check_context& ctx) {
    const auto limit = ctx.integer("max_outside_share_percent");
    const auto& b = ctx.rec.board;
    if (!b || !b->members)
        return missing(msg(outside_seats_only), {"/board/members"});
    std::map<std::string, std::int64_t> by_affiliation;
    std::int64_t n = 0;
    for (const auto& m : *b->members) {
        if (!is_seated_voting(m))
            continue;
        ++n;
        if (m.affiliation && !m.affiliation->empty())
            ++by_affiliation[*m.affiliation];
    }
    if (n == 0)
        return missing(msg(outside_no_voting), {"/board/members"});
    std::string worst;
    std::int64_t worst_count = 0;
    for (const auto& [aff, count] : by_affiliation)
        if (count > worst_count) {
            worst = aff;
            worst_count = count;
        }
    if (worst_count == 0)
        return pass(msg(outside_none, arg("voting", n)), {"/board/members"});
    return pass_if(!share_at_least(worst_count, n, limit, 100),
                   msg(outside_largest, arg("affiliation", worst), arg("seats", worst_count), arg("voting", n),
                       arg("limit", limit)),
                   {"/board/members"});
}

} // namespace rco::checks
