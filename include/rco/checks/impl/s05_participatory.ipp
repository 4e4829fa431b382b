#pragma once

#include "rco/checks/s05_participatory.hpp"
#include "rco/checks/support.hpp"

#include <algorithm>

namespace rco::checks {
using namespace rco::detail;

namespace {

/// "in the 24 months from 2024-06-30 to 2026-06-30".
std::string last_months(date as_of, int months) {
    return str("in the ", months, " months from ", day(add_months(as_of, -months)), " to ", day(as_of));
}

/// How a sentence counts input events of one type: "2 community meetings".
std::string input_events_of_type(std::int64_t n, std::optional<event_type> t) {
    if (!t)
        return count_of(n, "event with no type recorded", "events with no type recorded");
    switch (*t) {
    case event_type::community_meeting:
        return count_of(n, "community meeting", "community meetings");
    case event_type::listening_session:
        return count_of(n, "listening session", "listening sessions");
    case event_type::focus_group:
        return count_of(n, "focus group", "focus groups");
    case event_type::advisory_council:
        return count_of(n, "advisory council meeting", "advisory council meetings");
    case event_type::visioning:
        return count_of(n, "visioning session", "visioning sessions");
    }
    return count_of(n, "event", "events");
}

/// A dated activity judged against a window: pass when within `months` of the review date.
outcome dated_within(const check_context& ctx, const opt<date>& when, int months, std::string_view what,
                     std::string_view field, std::string pointer) {
    if (!when)
        return missing(str("No ", what, " is recorded (", field, ")."), {pointer});
    const auto window = last_months(ctx.as_of, months);
    if (*when > ctx.as_of)
        return fail(
            str("The ", what, " is dated ", day(*when), ", after the review date; one ", window, " is expected."),
            {pointer});
    auto text = str("The ", what, " is dated ", day(*when), "; one ", window, " is expected.");
    return within_months(*when, ctx.as_of, months) ? pass(text, {pointer}) : fail(text, {pointer});
}

} // namespace

outcome community_input(const check_context& ctx) {
    const auto need = ctx.integer("min_input_events");
    const auto& p = ctx.rec.participation;
    if (!p || !p->events)
        return missing("No community input events are recorded (participation.events: date and type of each).",
                       {"/participation/events"});
    std::vector<std::optional<event_type>> types; // of the events in the window
    for (const auto& e : *p->events)
        if (e.date && within_months(*e.date, ctx.as_of, 12))
            types.push_back(e.type);
    const auto k = static_cast<std::int64_t>(types.size());
    auto text =
        k == 0 ? str("No community input events ", last_months(ctx.as_of, 12))
               : str(count_of(k, "community input event", "community input events"), ' ', last_months(ctx.as_of, 12));
    if (k > 0) {
        std::vector<std::string> parts; // by type, in the record format's order; untyped last
        for (const auto& [t, name] : enum_names<event_type>::table)
            if (auto n = std::count(types.begin(), types.end(), t); n > 0)
                parts.push_back(input_events_of_type(n, t));
        if (auto n = std::count(types.begin(), types.end(), std::nullopt); n > 0)
            parts.push_back(input_events_of_type(n, std::nullopt));
        text += str(" (", join_words(parts), ")");
    }
    text += str("; at least ", need, " expected.");
    return k >= need ? pass(text, {"/participation/events"}) : fail(text, {"/participation/events"});
}

outcome needs_assessment(const check_context& ctx) {
    const auto months = months_parameter(ctx, "needs_assessment_max_age_months");
    const auto& p = ctx.rec.participation;
    return dated_within(ctx, p ? p->needs_assessment : std::nullopt, months, "community needs assessment",
                        "participation.needs_assessment", "/participation/needs_assessment");
}

outcome input_informs_decisions(const check_context& ctx) {
    const auto& p = ctx.rec.participation;
    if (!p || !p->decisions)
        return missing("No program decisions are recorded (participation.decisions: date and input_events of each).",
                       {"/participation/decisions"});
    std::vector<std::string> known;
    if (p->events)
        for (const auto& e : *p->events)
            if (e.id && !e.id->empty())
                known.push_back(*e.id);
    std::int64_t decisions = 0, informed = 0;
    std::vector<std::string> unknown;
    for (const auto& d : *p->decisions) {
        if (!d.date || !within_months(*d.date, ctx.as_of, 12))
            continue;
        ++decisions;
        bool cites = false;
        if (d.input_events)
            for (const auto& id : *d.input_events) {
                if (contains(known, id))
                    cites = true;
                else if (!contains(unknown, id))
                    unknown.push_back(id);
            }
        if (cites)
            ++informed;
    }
    const std::vector<std::string> pointers{"/participation/decisions", "/participation/events"};
    std::string text;
    if (decisions == 0)
        text = str("No decisions are recorded ", last_months(ctx.as_of, 12),
                   "; at least 1 citing a community input event is expected.");
    else
        text = str("Of the ", count_of(decisions, "decision", "decisions"), " recorded ", last_months(ctx.as_of, 12),
                   ", ", informed, informed == 1 ? " cites" : " cite",
                   " a recorded community input event; at least 1 is expected.");
    if (!unknown.empty())
        text +=
            str(" Cited event ids that match no recorded participation event do not count: ", join_words(unknown), ".");
    return informed > 0 ? pass(text, pointers) : fail(text, pointers);
}

outcome participant_feedback(const check_context& ctx) {
    const auto& p = ctx.rec.participation;
    return dated_within(ctx, p ? p->feedback_survey : std::nullopt, 12, "participant feedback survey",
                        "participation.feedback_survey", "/participation/feedback_survey");
}

} // namespace rco::checks
