#pragma once

#include "rco/checks/s05_participatory.hpp"
#include "rco/checks/support.hpp"

#include <algorithm>

namespace rco::checks {
using namespace rco::detail;

namespace {

inline constexpr rco::message_def events_none_recorded{
    "S5.1.none_recorded", "No community input events are recorded (participation.events: date and type of each)."};
inline constexpr rco::message_def events_none_in_window{"S5.1.none_in_window",
                                                        "No community input events {window}; at least {need} expected."};
inline constexpr rco::message_def events_in_window{
    "S5.1.input_events", "{count} community input event {window} ({types}); at least {need} expected.",
    "{count} community input events {window} ({types}); at least {need} expected.", "count"};
inline constexpr rco::message_def events_untyped{"S5.1.untyped_events", "{count} event with no type recorded",
                                                 "{count} events with no type recorded", "count"};
inline constexpr rco::message_def events_community_meeting{"S5.1.community_meetings", "{count} community meeting",
                                                           "{count} community meetings", "count"};
inline constexpr rco::message_def events_listening_session{"S5.1.listening_sessions", "{count} listening session",
                                                           "{count} listening sessions", "count"};
inline constexpr rco::message_def events_focus_group{"S5.1.focus_groups", "{count} focus group", "{count} focus groups",
                                                     "count"};
inline constexpr rco::message_def events_advisory_council{"S5.1.advisory_council_meetings",
                                                          "{count} advisory council meeting",
                                                          "{count} advisory council meetings", "count"};
inline constexpr rco::message_def events_visioning{"S5.1.visioning_sessions", "{count} visioning session",
                                                   "{count} visioning sessions", "count"};

/// How a sentence counts input events of one type: "2 community meetings".
message input_events_of_type(std::int64_t n, std::optional<event_type> t) {
    const message_def* def = &events_untyped;
    if (t) {
        switch (*t) {
        case event_type::community_meeting: def = &events_community_meeting; break;
        case event_type::listening_session: def = &events_listening_session; break;
        case event_type::focus_group: def = &events_focus_group; break;
        case event_type::advisory_council: def = &events_advisory_council; break;
        case event_type::visioning: def = &events_visioning; break;
        }
    }
    return msg(*def, arg("count", n));
}

/// The sentences of a dated activity's check.
struct dated_messages {
    const message_def& none;  ///< "No community needs assessment is recorded ({field})."
    const message_def& after; ///< "... is dated {date}, after the review date; one {window} is expected."
    const message_def& dated; ///< "... is dated {date}; one {window} is expected."
};

inline constexpr rco::message_def needs_assessment_none{"S5.2.none_recorded",
                                                        "No community needs assessment is recorded ({field})."};
inline constexpr rco::message_def needs_assessment_after{
    "S5.2.after_review_date",
    "The community needs assessment is dated {date}, after the review date; one {window} is expected."};
inline constexpr rco::message_def needs_assessment_dated{
    "S5.2.dated", "The community needs assessment is dated {date}; one {window} is expected."};
inline constexpr rco::message_def feedback_none{"S5.4.none_recorded",
                                                "No participant feedback survey is recorded ({field})."};
inline constexpr rco::message_def feedback_after{
    "S5.4.after_review_date",
    "The participant feedback survey is dated {date}, after the review date; one {window} is expected."};
inline constexpr rco::message_def feedback_dated{
    "S5.4.dated", "The participant feedback survey is dated {date}; one {window} is expected."};

/// A dated activity judged against a window: pass when within `months` of the review date.
outcome dated_within(const check_context& ctx, const opt<date>& when, int months, const dated_messages& says,
                     std::string_view field, std::string pointer) {
    if (!when)
        return missing(msg(says.none, arg("field", field)), {pointer});
    if (*when > ctx.as_of)
        return fail(msg(says.after, arg("date", *when), arg("window", last_months(ctx.as_of, months))), {pointer});
    return pass_if(within_months(*when, ctx.as_of, months),
                   msg(says.dated, arg("date", *when), arg("window", last_months(ctx.as_of, months))), {pointer});
}

inline constexpr rco::message_def decisions_none_recorded{
    "S5.3.none_recorded",
    "No program decisions are recorded (participation.decisions: date and input_events of each)."};
inline constexpr rco::message_def decisions_none_in_window{
    "S5.3.none_in_window", "No decisions are recorded {window}; at least 1 citing a community input event is expected."};
inline constexpr rco::message_def decisions_in_window{
    "S5.3.decisions", "Of the {count} decision recorded {window}, {informed}; at least 1 is expected.",
    "Of the {count} decisions recorded {window}, {informed}; at least 1 is expected.", "count"};
inline constexpr rco::message_def decisions_informed{"S5.3.informed", "{count} cites a recorded community input event",
                                                     "{count} cite a recorded community input event", "count"};
inline constexpr rco::message_def decisions_unknown_events{
    "S5.3.unknown_events", "Cited event ids that match no recorded participation event do not count: {ids}."};

} // namespace

outcome community_input(const check_context& ctx) {
    const auto need = ctx.integer("min_input_events");
    const auto& p = ctx.rec.participation;
    if (!p || !p->events)
        return missing(msg(events_none_recorded), {"/participation/events"});
    std::vector<std::optional<event_type>> types; // of the events in the window
    for (const auto& e : *p->events)
        if (e.date && within_months(*e.date, ctx.as_of, 12))
            types.push_back(e.type);
    const auto k = static_cast<std::int64_t>(types.size());
    if (k == 0)
        return pass_if(k >= need, msg(events_none_in_window, arg("window", last_months(ctx.as_of, 12)), arg("need", need)),
                       {"/participation/events"});
    std::vector<message> parts; // by type, in the record format's order; untyped last
    for (const auto& [t, name] : enum_names<event_type>::table)
        if (auto n = std::count(types.begin(), types.end(), t); n > 0)
            parts.push_back(input_events_of_type(n, t));
    if (auto n = std::count(types.begin(), types.end(), std::nullopt); n > 0)
        parts.push_back(input_events_of_type(n, std::nullopt));
    return pass_if(k >= need,
                   msg(events_in_window, arg("count", k), arg("window", last_months(ctx.as_of, 12)),
                       arg("types", std::move(parts)), arg("need", need)),
                   {"/participation/events"});
}

outcome needs_assessment(const check_context& ctx) {
    const auto months = months_parameter(ctx, "needs_assessment_max_age_months");
    const auto& p = ctx.rec.participation;
    return dated_within(ctx, p ? p->needs_assessment : std::nullopt, months,
                        {needs_assessment_none, needs_assessment_after, needs_assessment_dated},
                        "participation.needs_assessment", "/participation/needs_assessment");
}

outcome input_informs_decisions(const check_context& ctx) {
    const auto& p = ctx.rec.participation;
    if (!p || !p->decisions)
        return missing(msg(decisions_none_recorded), {"/participation/decisions"});
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
    pointer_list pointers{"/participation/decisions", "/participation/events"};
    message text = decisions == 0 ? msg(decisions_none_in_window, arg("window", last_months(ctx.as_of, 12)))
                                  : msg(decisions_in_window, arg("count", decisions),
                                        arg("window", last_months(ctx.as_of, 12)),
                                        arg("informed", msg(decisions_informed, arg("count", informed))));
    if (!unknown.empty()) {
        std::vector<message> both;
        both.push_back(std::move(text));
        both.push_back(msg(decisions_unknown_events, arg("ids", std::move(unknown))));
        text = sentences(std::move(both));
    }
    return pass_if(informed > 0, std::move(text), std::move(pointers));
}

outcome participant_feedback(const check_context& ctx) {
    const auto& p = ctx.rec.participation;
    return dated_within(ctx, p ? p->feedback_survey : std::nullopt, 12, {feedback_none, feedback_after, feedback_dated},
                        "participation.feedback_survey", "/participation/feedback_survey");
}

} // namespace rco::checks
