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
    std::vector<std::string> pointers;
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

std::string who_counts(bool count_family) {
    return count_family ? "self-identify as in personal recovery or as family members"
                        : "self-identify as in personal recovery";
}

std::string member_id(const board_member& m, std::size_t index) {
    return m.id ? *m.id : str("seat ", index + 1);
}

} // namespace

outcome board_recovery_majority(const check_context& ctx) {
    const bool family = ctx.boolean("count_family_members");
    auto t = tally_board(ctx.rec, family);
    if (!t)
        return missing("The board's composition is not recorded: give board.members (each seat with its "
                       "recovery_identity) or board.counts (voting and personal" +
                           std::string(family ? ", family" : "") + ").",
                       {"/board/members", "/board/counts"});
    if (t->voting <= 0)
        return missing("No seated voting board members are recorded, so the share in recovery cannot be computed.",
                       t->pointers);
    if (t->counted > t->voting)
        return fail(str(decimal(t->counted), " members are counted as in recovery but only ", t->voting,
                        " voting seats are recorded; the counts contradict each other."),
                    t->pointers);
    // Exact share comparisons (rco/arithmetic.hpp): no count or percentage can overflow them.
    const std::int64_t n = t->voting;
    const wide_int k = t->counted;
    bool ok = false;
    std::string rule;
    if (ctx.word("majority_rule") == "at_least_percent") {
        const auto p = ctx.integer("majority_percent");
        ok = share_at_least(k, n, p, 100);
        rule = str("at least ", p, "% (", decimal(least_share(n, p, 100)), " of ", n, ") is required");
    } else {
        ok = share_more_than(k, n, 1, 2);
        rule = str("more than half (at least ", n / 2 + 1, ") is required");
    }
    auto text = str(decimal(k), " of ", n, " seated voting ", n == 1 ? "member " : "members ", who_counts(family),
                    "; ", rule, ".");
    outcome o = ok ? pass(text, t->pointers) : fail(text, t->pointers);
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
        return missing("The board's composition is not recorded, so there is no self-identification to attest.",
                       {"/board/members", "/board/counts"});
    const auto since = add_months(ctx.as_of, -months);
    if (!t->from_members) {
        const auto& c = *ctx.rec.board->counts;
        if (!c.attested)
            return missing("The aggregate board counts carry no attestation date (board.counts.attested).",
                           {"/board/counts/attested"});
        auto text = str("The aggregate count was attested on ", day(*c.attested), "; an attestation on or after ",
                        day(since), " (within ", months, " months) is expected.");
        return within_months(*c.attested, ctx.as_of, months) ? pass(text, {"/board/counts/attested"})
                                                             : fail(text, {"/board/counts/attested"});
    }
    if (t->counted == 0)
        return not_applicable("No seated voting member is counted as in recovery, so there is no "
                              "self-identification to attest.",
                              {"/board/members"});
    const auto& ms = *ctx.rec.board->members;
    std::vector<std::string> stale;
    for (auto i : t->counted_index)
        if (!ms[i].attested || !within_months(*ms[i].attested, ctx.as_of, months))
            stale.push_back(member_id(ms[i], i));
    const auto attested = t->counted - static_cast<wide_int>(stale.size());
    auto text = str(decimal(attested), " of ", decimal(t->counted), " members counted as in recovery attested their self-identification ",
                    "on or after ", day(since), " (within ", months, " months).");
    outcome o = stale.empty() ? pass(text, {"/board/members"}) : fail(text, {"/board/members"});
    o.subjects = std::move(stale);
    return o;
}

outcome board_meets_regularly(const check_context& ctx) {
    const auto need = ctx.integer("min_board_meetings");
    const auto& b = ctx.rec.board;
    if (!b || !b->meetings)
        return missing("No board meetings are recorded (board.meetings).", {"/board/meetings"});
    std::int64_t with_minutes = 0, without = 0;
    for (const auto& m : *b->meetings) {
        if (!m.date || !within_months(*m.date, ctx.as_of, 12))
            continue;
        (m.minutes.value_or(false) ? with_minutes : without) += 1;
    }
    auto text = str(count_of(with_minutes, "board meeting", "board meetings"), " with minutes in the 12 months from ",
                    day(add_months(ctx.as_of, -12)), " to ", day(ctx.as_of));
    if (without > 0)
        text += str(" (", without, " more without minutes)");
    text += str("; at least ", need, " expected.");
    return with_minutes >= need ? pass(text, {"/board/meetings"}) : fail(text, {"/board/meetings"});
}

outcome bylaws_recovery_leadership(const check_context& ctx) {
    const auto& b = ctx.rec.bylaws;
    if (!b)
        return missing("No bylaws are recorded (bylaws).", {"/bylaws"});
    if (!b->recovery_leadership_clause)
        return missing("The record does not say whether the bylaws require recovery-community leadership of the "
                       "board (bylaws.recovery_leadership_clause).",
                       {"/bylaws/recovery_leadership_clause"});
    if (!*b->recovery_leadership_clause)
        return fail("The bylaws have no clause requiring recovery-community leadership of the board.",
                    {"/bylaws/recovery_leadership_clause"});
    return pass("The bylaws contain a clause requiring recovery-community leadership of the board.",
                {"/bylaws/recovery_leadership_clause"});
}

outcome no_outside_control(const check_context& ctx) {
    const auto limit = ctx.integer("max_outside_share_percent");
    const auto& b = ctx.rec.board;
    if (!b || !b->members)
        return missing("Outside affiliations can only be judged from individual seats (board.members[].affiliation); "
                       "none are recorded.",
                       {"/board/members"});
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
        return missing("No seated voting board members are recorded.", {"/board/members"});
    std::string worst;
    std::int64_t worst_count = 0;
    for (const auto& [aff, count] : by_affiliation)
        if (count > worst_count) {
            worst = aff;
            worst_count = count;
        }
    if (worst_count == 0)
        return pass(str("None of the ", n, " seated voting members is recorded with an outside organization "
                        "affiliation."),
                    {"/board/members"});
    auto text = str("The largest outside affiliation (", worst, ") holds ", worst_count, " of ", n,
                    " voting seats; an outside organization type holding ", limit, "% or more of the seats fails.");
    return share_at_least(worst_count, n, limit, 100) ? fail(text, {"/board/members"}) : pass(text, {"/board/members"});
}

} // namespace rco::checks
