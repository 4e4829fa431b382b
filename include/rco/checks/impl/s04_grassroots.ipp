#pragma once

#include "rco/checks/s04_grassroots.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;

namespace {

/// Eligibility conditions that restrict a service to people in a particular program,
/// with how a sentence says them.
constexpr std::pair<eligibility, std::string_view> access_restrictions[] = {
    {eligibility::treatment_enrollment, "enrollment in treatment"},
    {eligibility::program_residence, "living in a program"},
    {eligibility::paid_membership, "a paid membership"}};

/// "in the 12 months from 2025-06-30 to 2026-06-30".
std::string last_12_months(date as_of) {
    return str("in the 12 months from ", day(add_months(as_of, -12)), " to ", day(as_of));
}

/// "a; b; c": list items that may contain commas or "and".
std::string join_items(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i > 0 ? "; " : "") + items[i];
    return out;
}

} // namespace

outcome open_access(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing("No services are recorded (services), so their eligibility cannot be checked.", {"/services"});
    if (services->empty())
        return pass("The services list is empty, so no service restricts who may take part.", {"/services"});
    std::vector<std::string> restricted;
    std::int64_t unrecorded = 0;
    for (std::size_t i = 0; i < services->size(); ++i) {
        const auto& s = (*services)[i];
        if (!s.eligibility) {
            ++unrecorded;
            continue;
        }
        std::vector<std::string> found;
        for (const auto& [e, words] : access_restrictions)
            if (contains(*s.eligibility, e))
                found.emplace_back(words);
        if (!found.empty())
            restricted.push_back(str(named_service(s, i), " (requires ", join_words(found), ")"));
    }
    const auto n = static_cast<std::int64_t>(services->size());
    std::string text;
    if (restricted.empty())
        text = str("No service requires enrollment in treatment, living in a program or a paid membership: ",
                   count_of(n, "service was", "services were"), " checked.");
    else
        text =
            str(restricted.size(), " of ", count_of(n, "service", "services"), restricted.size() == 1 ? " is" : " are",
                " not open to all community members: ", join_items(restricted),
                ". Activities must be available to all community members.");
    if (unrecorded > 0)
        text += str(' ', count_of(unrecorded, "service has", "services have"), " no eligibility recorded.");
    return restricted.empty() ? pass(text, {"/services"}) : fail(text, {"/services"});
}

outcome volunteer_pathway(const check_context& ctx) {
    const auto& v = ctx.rec.volunteers;
    const std::vector<std::string> pointers{"/volunteers/count_12m", "/volunteers/roles"};
    if (!v)
        return missing("No volunteers are recorded (volunteers.count_12m and volunteers.roles).", pointers);
    bool short_of = false, unknown = false;
    std::string count_part, roles_part;
    if (!v->count_12m) {
        unknown = true;
        count_part = "The number of volunteers in the last 12 months is not recorded (volunteers.count_12m)";
    } else if (*v->count_12m <= 0) {
        short_of = true;
        count_part = str("No volunteers served in the last 12 months (volunteers.count_12m is ", *v->count_12m, ")");
    } else {
        count_part = str(count_of(*v->count_12m, "volunteer", "volunteers"), " served in the last 12 months");
    }
    std::vector<std::string> roles;
    if (v->roles)
        for (const auto& r : *v->roles)
            if (!r.empty())
                roles.push_back(r);
    if (!v->roles) {
        unknown = true;
        roles_part = "the volunteer roles are not recorded (volunteers.roles)";
    } else if (roles.empty()) {
        short_of = true;
        roles_part = "no volunteer role is described";
    } else {
        roles_part = str(count_of(static_cast<std::int64_t>(roles.size()), "volunteer role is", "volunteer roles are"),
                         " described (", join_words(roles), ")");
    }
    auto text = str(count_part, "; ", roles_part, ".");
    if (short_of)
        return fail(text + " At least one volunteer in the last 12 months and one described role are expected.",
                    pointers);
    if (unknown)
        return missing(text, pointers);
    return pass(text, pointers);
}

outcome community_planned_activities(const check_context& ctx) {
    const auto& p = ctx.rec.participation;
    if (!p || !p->community_planned_events)
        return missing("No events planned with community members are recorded "
                       "(participation.community_planned_events).",
                       {"/participation/community_planned_events"});
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
    const std::vector<std::string> pointers{"/participation/community_planned_events"};
    if (latest) {
        const auto& e = events[*latest];
        return pass(str(count_of(in_window, "event", "events"), " planned with community members ",
                        in_window == 1 ? "is" : "are", " recorded ", last_12_months(ctx.as_of),
                        in_window == 1 ? ", on " : ", the latest on ", day(*e.date),
                        e.name && !e.name->empty() ? str(" (", *e.name, ")") : std::string(),
                        "; at least 1 is expected."),
                    pointers);
    }
    std::string text = events.empty() ? "The list of community-planned events is empty: no event planned with "
                                        "community members is recorded "
                                      : "No event planned with community members is recorded ";
    text += last_12_months(ctx.as_of);
    if (latest_before)
        text += str(" (the latest recorded is on ", day(*events[*latest_before].date), ")");
    return fail(text + "; at least 1 is expected.", pointers);
}

outcome visible_engagement(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    const std::vector<std::string> pointers{"/organization/website/url", "/organization/website/get_involved"};
    if (!o || !o->website)
        return missing("No website is recorded (organization.website.url and organization.website.get_involved).",
                       pointers);
    const auto& w = *o->website;
    const bool has_url = w.url && !w.url->empty();
    const auto site = has_url ? str("The website ", *w.url) : std::string("The website");
    if (w.get_involved == false)
        return fail(str(site, " does not say how to get involved (organization.website.get_involved is false)."),
                    pointers);
    if (!has_url)
        return missing("The website's address is not recorded (organization.website.url).", pointers);
    if (!w.get_involved)
        return missing(str(site, " is recorded, but not whether it says how to get involved "
                                 "(organization.website.get_involved)."),
                       pointers);
    return pass(str(site, " is recorded and says how to get involved."), pointers);
}

} // namespace rco::checks
