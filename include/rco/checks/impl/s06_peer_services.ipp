#pragma once

#include "rco/checks/s06_peer_services.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;

outcome offers_prss(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing("No services are recorded (services), so peer recovery support services cannot be checked.",
                       {"/services"});
    if (services->empty())
        return fail("The services list is empty: no peer recovery support service delivered by peers is recorded.",
                    {"/services"});
    const auto& vocab = ctx.cat.vocabulary;
    std::int64_t peer = 0, peer_type_elsewise = 0;
    for (const auto& s : *services) {
        if (is_peer_service(s, vocab))
            ++peer;
        else if (s.type && contains(vocab.peer_service_types, *s.type))
            ++peer_type_elsewise;
    }
    const auto n = static_cast<std::int64_t>(services->size());
    auto text = str(count_of(n, "service is", "services are"), " recorded; ");
    if (peer == 0)
        text += "none is a peer recovery support service";
    else
        text += str(peer, " of them ",
                    peer == 1 ? "is a peer recovery support service" : "are peer recovery support services");
    text += " delivered by peers (at least 1 is expected).";
    if (peer_type_elsewise > 0)
        text += str(" ", peer_type_elsewise, " of a peer type ", peer_type_elsewise == 1 ? "is" : "are",
                    " delivered by others or only referred to.");
    return peer > 0 ? pass(text, {"/services"}) : fail(text, {"/services"});
}

outcome nonclinical_scope(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing("No services are recorded (services), so the scope of services cannot be checked.",
                       {"/services"});
    const auto& vocab = ctx.cat.vocabulary;
    std::vector<std::string> clinical;
    std::int64_t delivered = 0, referrals = 0;
    for (std::size_t i = 0; i < services->size(); ++i) {
        const auto& s = (*services)[i];
        const bool clinical_type = s.type && contains(vocab.clinical_service_types, *s.type);
        const bool by_clinicians = s.delivered_by == delivery::clinicians;
        if (!delivered_directly(s)) {
            if (clinical_type || by_clinicians)
                ++referrals;
            continue;
        }
        ++delivered;
        if (clinical_type) {
            auto label = vocab.clinical_service_labels.find(*s.type);
            clinical.push_back(str(named_service(s, i), " (",
                                   label != vocab.clinical_service_labels.end() ? label->second : *s.type, ")"));
        } else if (by_clinicians) {
            clinical.push_back(str(named_service(s, i), " (delivered by clinicians)"));
        }
    }
    std::string text;
    if (!clinical.empty())
        text = str(delivered == 1 ? std::string("The one service the organization delivers is")
                                  : str(clinical.size(), " of the ", delivered, " services the organization delivers ",
                                        clinical.size() == 1 ? "is" : "are"),
                   " clinical: ", join_words(clinical),
                   "; an RCO provides nonclinical services and refers people to clinical ones.");
    else if (delivered == 0)
        text = "The organization delivers no service itself, so none is clinical.";
    else if (delivered == 1)
        text = "The one service the organization delivers is not clinical.";
    else
        text = str("None of the ", delivered, " services the organization delivers is clinical.");
    if (referrals > 0)
        text += str(" ", count_of(referrals, "clinical service", "clinical services"), " offered by referral only ",
                    referrals == 1 ? "was" : "were", " set aside: referrals are fine.");
    return clinical.empty() ? pass(text, {"/services"}) : fail(text, {"/services"});
}

outcome peer_workers_trained(const check_context& ctx) {
    const bool certification_required = ctx.boolean("require_certification");
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing("No peer workers are recorded (peer_workers), so their training cannot be checked.",
                       {"/peer_workers"});
    auto certified = [](const peer_worker& w) { return w.certification && !w.certification->empty(); };
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        return certified(w) || (!certification_required && w.trained.value_or(false));
    });
    auto text = certification_required ? str(active_share(t), " hold a peer certification; certification is required.")
                                       : str(active_share(t), " completed role training or hold a peer certification.");
    return judge_peers(std::move(t), text, {"/peer_workers"});
}

outcome peer_supervision(const check_context& ctx) {
    const auto need = ctx.integer("min_supervision_sessions_90d");
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing("No peer workers are recorded (peer_workers), so their supervision cannot be checked.",
                       {"/peer_workers"});
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        std::int64_t sessions = 0;
        if (w.supervision_sessions)
            for (const auto& d : *w.supervision_sessions)
                if (within_days(d, ctx.as_of, 90))
                    ++sessions;
        return sessions >= need;
    });
    auto text = str(active_share(t), " had at least ", count_of(need, "supervision session", "supervision sessions"),
                    " in the 90 days from ", day(add_days(ctx.as_of, -90)), " to ", day(ctx.as_of), ".");
    return judge_peers(std::move(t), text, {"/peer_workers"});
}

outcome prss_history(const check_context& ctx) {
    const auto months = months_parameter(ctx, "min_prss_months");
    const auto& services = ctx.rec.services;
    if (!services)
        return missing("No services are recorded (services), so the history of peer services cannot be checked.",
                       {"/services"});
    std::int64_t peer = 0;
    std::optional<std::size_t> earliest;
    for (std::size_t i = 0; i < services->size(); ++i) {
        const auto& s = (*services)[i];
        if (!is_peer_service(s, ctx.cat.vocabulary))
            continue;
        ++peer;
        if (s.started && (!earliest || *s.started < *(*services)[*earliest].started))
            earliest = i;
    }
    if (peer == 0)
        return fail("No peer recovery support service delivered by peers is recorded, so there is no history of "
                    "peer services.",
                    {"/services"});
    if (!earliest)
        return missing(peer == 1 ? std::string("The one peer service has no start date (services[].started).")
                                 : str("None of the ", peer, " peer services has a start date (services[].started)."),
                       {"/services"});
    const auto& first = (*services)[*earliest];
    const auto cutoff = add_months(ctx.as_of, -months);
    auto text =
        str("The earliest peer service (", named_service(first, *earliest), ") started on ", day(*first.started),
            "; a start on or before ", day(cutoff), " (", months, " months before ", day(ctx.as_of), ") is expected.");
    std::vector<std::string> pointers{"/services", str(at("/services", *earliest), "/started")};
    return *first.started <= cutoff ? pass(text, pointers) : fail(text, pointers);
}

} // namespace rco::checks
