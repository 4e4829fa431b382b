#pragma once

#include "rco/checks/s04_grassroots.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;

namespace {

inline constexpr rco::message_def requires_treatment{"S4.1.requirement.treatment_enrollment", "enrollment in treatment"};
inline constexpr rco::message_def requires_residence{"S4.1.requirement.program_residence", "living in a program"};
inline constexpr rco::message_def requires_membership{"S4.1.requirement.paid_membership", "a paid membership"};

/// Eligibility conditions that restrict a service to people in a particular program,
/// with how a sentence says them.
constexpr std::pair<eligibility, const message_def*> access_restrictions[] = {
    {eligibility::treatment_enrollment, &requires_treatment},
    {eligibility::program_residence, &requires_residence},
    {eligibility::paid_membership, &requires_membership}};

inline constexpr rco::message_def access_no_services{
    "S4.1.no_services", "No services are recorded (services), so their eligibility cannot be checked."};
inline constexpr rco::message_def access_empty{"S4.1.empty",
                                               "The services list is empty, so no service restricts who may take part."};
inline constexpr rco::message_def access_restricted{"S4.1.restricted", "{service} (requires {requirements})"};
inline constexpr rco::message_def access_open{
    "S4.1.open",
    "No service requires enrollment in treatment, living in a program or a paid membership: {count} service was "
    "checked.",
    "No service requires enrollment in treatment, living in a program or a paid membership: {count} services were "
    "checked.",
    "count"};
inline constexpr rco::message_def access_not_open{
    "S4.1.not_open",
    "{count} of {services} is not open to all community members: {restricted}. Activities must be available to all "
    "community members.",
    "{count} of {services} are not open to all community members: {restricted}. Activities must be available to all "
    "community members.",
    "count"};
inline constexpr rco::message_def access_no_eligibility{"S4.1.no_eligibility",
                                                        "{count} service has no eligibility recorded.",
                                                        "{count} services have no eligibility recorded.", "count"};

inline constexpr rco::message_def volunteers_none_recorded{
    "S4.2.none_recorded", "No volunteers are recorded (volunteers.count_12m and volunteers.roles)."};
inline constexpr rco::message_def volunteers_count_unknown{
    "S4.2.count_unknown", "The number of volunteers in the last 12 months is not recorded (volunteers.count_12m)"};
inline constexpr rco::message_def volunteers_count_none{
    "S4.2.count_none", "No volunteers served in the last 12 months (volunteers.count_12m is {count})"};
inline constexpr rco::message_def volunteers_count{"S4.2.count", "{count} volunteer served in the last 12 months",
                                                   "{count} volunteers served in the last 12 months", "count"};
inline constexpr rco::message_def volunteers_roles_unknown{"S4.2.roles_unknown",
                                                           "the volunteer roles are not recorded (volunteers.roles)"};
inline constexpr rco::message_def volunteers_no_roles{"S4.2.no_roles", "no volunteer role is described"};
inline constexpr rco::message_def volunteers_roles{"S4.2.roles", "{count} volunteer role is described ({roles})",
                                                   "{count} volunteer roles are described ({roles})", "count"};
inline constexpr rco::message_def volunteers_said{"S4.2.volunteers", "{volunteers}; {roles}."};
inline constexpr rco::message_def volunteers_expected{
    "S4.2.expected", "At least one volunteer in the last 12 months and one described role are expected."};

inline constexpr rco::message_def planned_none_recorded{
    "S4.3.none_recorded",
    "No events planned with community members are recorded (participation.community_planned_events)."};
inline constexpr rco::message_def planned_events{
    "S4.3.events", "{count} event planned with community members is recorded {window}, on {date}; at least 1 is expected.",
    "{count} events planned with community members are recorded {window}, the latest on {date}; at least 1 is "
    "expected.",
    "count"};
inline constexpr rco::message_def planned_events_named{
    "S4.3.events_named",
    "{count} event planned with community members is recorded {window}, on {date} ({name}); at least 1 is expected.",
    "{count} events planned with community members are recorded {window}, the latest on {date} ({name}); at least 1 "
    "is expected.",
    "count"};
inline constexpr rco::message_def planned_empty{
    "S4.3.empty", "The list of community-planned events is empty: no event planned with community members is recorded "
                  "{window}; at least 1 is expected."};
inline constexpr rco::message_def planned_none_in_window{
    "S4.3.none_in_window", "No event planned with community members is recorded {window}; at least 1 is expected."};
inline constexpr rco::message_def planned_none_in_window_latest{
    "S4.3.none_in_window_latest", "No event planned with community members is recorded {window} (the latest recorded "
                                  "is on {date}); at least 1 is expected."};

inline constexpr rco::message_def website_none_recorded{
    "S4.4.none_recorded", "No website is recorded (organization.website.url and organization.website.get_involved)."};
inline constexpr rco::message_def website_not_saying_url{
    "S4.4.no_get_involved_url",
    "The website {url} does not say how to get involved (organization.website.get_involved is false)."};
inline constexpr rco::message_def website_not_saying{
    "S4.4.no_get_involved",
    "The website does not say how to get involved (organization.website.get_involved is false)."};
inline constexpr rco::message_def website_no_url{"S4.4.no_url",
                                                 "The website's address is not recorded (organization.website.url)."};
inline constexpr rco::message_def website_unknown{
    "S4.4.get_involved_unknown", "The website {url} is recorded, but not whether it says how to get involved "
                                 "(organization.website.get_involved)."};
inline constexpr rco::message_def website_ok{"S4.4.get_involved",
                                             "The website {url} is recorded and says how to get involved."};

} // namespace

outcome open_access(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing(msg(access_no_services), {"/services"});
    if (services->empty())
        return pass(msg(access_empty), {"/services"});
    std::vector<message> restricted;
    std::int64_t unrecorded = 0;
    for (std::size_t i = 0; i < services->size(); ++i) {
        const auto& s = (*services)[i];
        if (!s.eligibility) {
            ++unrecorded;
            continue;
        }
        std::vector<message> found;
        for (const auto& [e, words] : access_restrictions)
            if (contains(*s.eligibility, e))
                found.push_back(msg(*words));
        if (!found.empty())
            restricted.push_back(
                msg(access_restricted, arg("service", service_label(s, i)), arg("requirements", std::move(found))));
    }
    const auto n = static_cast<std::int64_t>(services->size());
    const bool ok = restricted.empty();
    const auto n_restricted = restricted.size();
    message text = ok ? msg(access_open, arg("count", n))
                      : msg(access_not_open, arg("count", n_restricted),
                            arg("services", msg(services_count, arg("count", n))),
                            arg("restricted", std::move(restricted), list_style::semicolons));
    if (unrecorded > 0) {
        std::vector<message> both;
        both.push_back(std::move(text));
        both.push_back(msg(access_no_eligibility, arg("count", unrecorded)));
        text = sentences(std::move(both));
    }
    return pass_if(ok, std::move(text), {"/services"});
}

outcome volunteer_pathway(const check_context& ctx) {
    const auto& v = ctx.rec.volunteers;
    const pointer_list pointers{"/volunteers/count_12m", "/volunteers/roles"};
    if (!v)
        return missing(msg(volunteers_none_recorded), pointers);
    bool short_of = false, unknown = false;
    message count_part, roles_part;
    if (!v->count_12m) {
        unknown = true;
        count_part = msg(volunteers_count_unknown);
    } else if (*v->count_12m <= 0) {
        short_of = true;
        count_part = msg(volunteers_count_none, arg("count", *v->count_12m));
    } else {
        count_part = msg(volunteers_count, arg("count", *v->count_12m));
    }
    std::vector<std::string> roles;
    if (v->roles)
        for (const auto& r : *v->roles)
            if (!r.empty())
                roles.push_back(r);
    if (!v->roles) {
        unknown = true;
        roles_part = msg(volunteers_roles_unknown);
    } else if (roles.empty()) {
        short_of = true;
        roles_part = msg(volunteers_no_roles);
    } else {
        const auto n_roles = roles.size();
        roles_part = msg(volunteers_roles, arg("count", n_roles), arg("roles", std::move(roles)));
    }
    auto text = msg(volunteers_said, arg("volunteers", std::move(count_part)), arg("roles", std::move(roles_part)));
    if (short_of) {
        std::vector<message> both;
        both.push_back(std::move(text));
        both.push_back(msg(volunteers_expected));
        return fail(sentences(std::move(both)), pointers);
    }
    if (unknown)
        return missing(std::move(text), pointers);
    return pass(std::move(text), pointers);
}

outcome community_planned_activities(const check_context& ctx) {
    const auto& p = ctx.rec.participation;
    if (!p || !p->community_planned_events)
        return missing(msg(planned_none_recorded), {"/participation/community_planned_events"});
    const auto& events = *p->community_planned_events;
    std::int64_t in_window = 0;
    std::optional<std::size_t> latest, latest_before;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i];
        if (!e.date)
            continue;
        if (within_months(*e.date, ctx.as_of, 12)) {
            ++in_window;
            if (!latest || *e.date > *events[*latest].date)
                latest = i;
        } else if (*e.date < ctx.as_of && (!latest_before || *e.date > *events[*latest_before].date)) {
            latest_before = i;
        }
    }
    const pointer_list pointers{"/participation/community_planned_events"};
    if (latest) {
        const auto& e = events[*latest];
        if (e.name && !e.name->empty())
            return pass(msg(planned_events_named, arg("count", in_window), arg("window", last_months(ctx.as_of, 12)),
                            arg("date", *e.date), arg("name", *e.name)),
                        pointers);
        return pass(msg(planned_events, arg("count", in_window), arg("window", last_months(ctx.as_of, 12)),
                        arg("date", *e.date)),
                    pointers);
    }
    if (events.empty())
        return fail(msg(planned_empty, arg("window", last_months(ctx.as_of, 12))), pointers);
    if (latest_before)
        return fail(msg(planned_none_in_window_latest, arg("window", last_months(ctx.as_of, 12)),
                        arg("date", *events[*latest_before].date)),
                    pointers);
    return fail(msg(planned_none_in_window, arg("window", last_months(ctx.as_of, 12))), pointers);
}

outcome visible_engagement(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    const pointer_list pointers{"/organization/website/url", "/organization/website/get_involved"};
    if (!o || !o->website)
        return missing(msg(website_none_recorded), pointers);
    const auto& w = *o->website;
    const bool has_url = w.url && !w.url->empty();
    if (w.get_involved == false)
        return fail(has_url ? msg(website_not_saying_url, arg("url", *w.url)) : msg(website_not_saying), pointers);
    if (!has_url)
        return missing(msg(website_no_url), pointers);
    if (!w.get_involved)
        return missing(msg(website_unknown, arg("url", *w.url)), pointers);
    return pass(msg(website_ok, arg("url", *w.url)), pointers);
}

} // namespace rco::checks
