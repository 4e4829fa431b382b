#pragma once

#include "rco/checks/s06_peer_services.hpp"
#include "rco/checks/support.hpp"

#include <deque>
#include <map>
#include <memory>

namespace rco::detail {

/// The clinical service labels of a vocabulary as message definitions: a label is
/// catalog text, translated like the catalog's other text (its msgctxt is
/// "vocabulary.clinical_service_labels.<type>", its msgid the English label).
struct vocabulary_labels {
    std::deque<std::string> text; ///< the ids and patterns the definitions point into
    std::map<std::string, message_def, std::less<>> clinical;

    explicit vocabulary_labels(const vocabulary& v) {
        for (const auto& [type, label] : v.clinical_service_labels) {
            const std::string& id = text.emplace_back("vocabulary.clinical_service_labels." + type);
            std::string pattern; // the label as a pattern: its braces are literal
            for (const char c : label) {
                pattern += c;
                if (c == '{' || c == '}')
                    pattern += c;
            }
            clinical.emplace(type, message_def{id, text.emplace_back(std::move(pattern))});
        }
    }
};

} // namespace rco::detail

namespace rco::checks {
using namespace rco::detail;

namespace {

inline constexpr rco::message_def prss_no_services{
    "S6.1.no_services", "No services are recorded (services), so peer recovery support services cannot be checked."};
inline constexpr rco::message_def prss_empty{
    "S6.1.empty", "The services list is empty: no peer recovery support service delivered by peers is recorded."};
inline constexpr rco::message_def prss_services{
    "S6.1.services", "{count} service is recorded; {peer} delivered by peers (at least 1 is expected).",
    "{count} services are recorded; {peer} delivered by peers (at least 1 is expected).", "count"};
inline constexpr rco::message_def prss_none_peer{"S6.1.none_peer", "none is a peer recovery support service"};
inline constexpr rco::message_def prss_peer{"S6.1.peer", "{count} of them is a peer recovery support service",
                                            "{count} of them are peer recovery support services", "count"};
inline constexpr rco::message_def prss_peer_type_elsewise{
    "S6.1.peer_type_elsewise", "{count} of a peer type is delivered by others or only referred to.",
    "{count} of a peer type are delivered by others or only referred to.", "count"};

inline constexpr rco::message_def scope_no_services{
    "S6.2.no_services", "No services are recorded (services), so the scope of services cannot be checked."};
inline constexpr rco::message_def scope_the_one_clinical{
    "S6.2.the_one_clinical", "The one service the organization delivers is clinical: {services}; an RCO provides "
                             "nonclinical services and refers people to clinical ones."};
inline constexpr rco::message_def scope_clinical{
    "S6.2.clinical",
    "{count} of the {delivered} services the organization delivers is clinical: {services}; an RCO provides "
    "nonclinical services and refers people to clinical ones.",
    "{count} of the {delivered} services the organization delivers are clinical: {services}; an RCO provides "
    "nonclinical services and refers people to clinical ones.",
    "count"};
inline constexpr rco::message_def scope_clinical_type{"S6.2.clinical_type", "{service} ({type})"};
inline constexpr rco::message_def scope_by_clinicians{"S6.2.by_clinicians", "{service} (delivered by clinicians)"};
inline constexpr rco::message_def scope_none_delivered{"S6.2.none_delivered",
                                                       "The organization delivers no service itself, so none is clinical."};
inline constexpr rco::message_def scope_the_one_not_clinical{"S6.2.the_one_not_clinical",
                                                             "The one service the organization delivers is not clinical."};
inline constexpr rco::message_def scope_none_clinical{"S6.2.none_clinical",
                                                      "None of the {delivered} services the organization delivers is clinical."};
inline constexpr rco::message_def scope_referrals{
    "S6.2.referrals", "{count} clinical service offered by referral only was set aside: referrals are fine.",
    "{count} clinical services offered by referral only were set aside: referrals are fine.", "count"};

inline constexpr rco::message_def trained_no_workers{
    "S6.3.no_workers", "No peer workers are recorded (peer_workers), so their training cannot be checked."};
inline constexpr rco::message_def trained_certified{"S6.3.certified",
                                                    "{share} hold a peer certification; certification is required."};
inline constexpr rco::message_def trained_trained{"S6.3.trained",
                                                  "{share} completed role training or hold a peer certification."};

inline constexpr rco::message_def supervision_no_workers{
    "S6.4.no_workers", "No peer workers are recorded (peer_workers), so their supervision cannot be checked."};
inline constexpr rco::message_def supervision_sessions{
    "S6.4.supervised", "{share} had at least {count} supervision session in the 90 days from {from} to {to}.",
    "{share} had at least {count} supervision sessions in the 90 days from {from} to {to}.", "count"};

inline constexpr rco::message_def history_no_services{
    "S6.5.no_services", "No services are recorded (services), so the history of peer services cannot be checked."};
inline constexpr rco::message_def history_no_peer_services{
    "S6.5.no_peer_services",
    "No peer recovery support service delivered by peers is recorded, so there is no history of peer services."};
inline constexpr rco::message_def history_one_undated{"S6.5.one_undated",
                                                      "The one peer service has no start date (services[].started)."};
inline constexpr rco::message_def history_none_dated{
    "S6.5.none_dated", "None of the {count} peer services has a start date (services[].started)."};
inline constexpr rco::message_def history_earliest{
    "S6.5.earliest", "The earliest peer service ({service}) started on {started}; a start on or before {cutoff} "
                     "({months} months before {as_of}) is expected."};

} // namespace

outcome offers_prss(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing(msg(prss_no_services), {"/services"});
    if (services->empty())
        return fail(msg(prss_empty), {"/services"});
    const auto& vocab = ctx.cat.vocabulary;
    std::int64_t peer = 0, peer_type_elsewise = 0;
    for (const auto& s : *services) {
        if (is_peer_service(s, vocab))
            ++peer;
        else if (s.type && contains(vocab.peer_service_types, *s.type))
            ++peer_type_elsewise;
    }
    auto text = msg(prss_services, arg("count", services->size()),
                    arg("peer", peer == 0 ? msg(prss_none_peer) : msg(prss_peer, arg("count", peer))));
    if (peer_type_elsewise > 0) {
        std::vector<message> both;
        both.push_back(std::move(text));
        both.push_back(msg(prss_peer_type_elsewise, arg("count", peer_type_elsewise)));
        text = sentences(std::move(both));
    }
    return pass_if(peer > 0, std::move(text), {"/services"});
}

outcome nonclinical_scope(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing(msg(scope_no_services), {"/services"});
    const auto& vocab = ctx.cat.vocabulary;
    std::vector<message> clinical;
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
            const auto& labels = vocab.labels.get([&] { return std::make_shared<const vocabulary_labels>(vocab); });
            auto label = labels.clinical.find(*s.type);
            clinical.push_back(msg(scope_clinical_type, arg("service", service_label(s, i)),
                                   label != labels.clinical.end() ? arg("type", msg(label->second))
                                                                  : arg("type", *s.type)));
        } else if (by_clinicians) {
            clinical.push_back(msg(scope_by_clinicians, arg("service", service_label(s, i))));
        }
    }
    const bool ok = clinical.empty();
    const auto n_clinical = clinical.size();
    message text;
    if (!clinical.empty())
        text = delivered == 1 ? msg(scope_the_one_clinical, arg("services", std::move(clinical)))
                              : msg(scope_clinical, arg("count", n_clinical), arg("delivered", delivered),
                                    arg("services", std::move(clinical)));
    else if (delivered == 0)
        text = msg(scope_none_delivered);
    else if (delivered == 1)
        text = msg(scope_the_one_not_clinical);
    else
        text = msg(scope_none_clinical, arg("delivered", delivered));
    if (referrals > 0) {
        std::vector<message> both;
        both.push_back(std::move(text));
        both.push_back(msg(scope_referrals, arg("count", referrals)));
        text = sentences(std::move(both));
    }
    return pass_if(ok, std::move(text), {"/services"});
}

outcome peer_workers_trained(const check_context& ctx) {
    const bool certification_required = ctx.boolean("require_certification");
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing(msg(trained_no_workers), {"/peer_workers"});
    auto certified = [](const peer_worker& w) { return w.certification && !w.certification->empty(); };
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        return certified(w) || (!certification_required && w.trained.value_or(false));
    });
    auto text = msg(certification_required ? trained_certified : trained_trained, arg("share", active_share_of(t)));
    return judge_peers(std::move(t), std::move(text), {"/peer_workers"});
}

outcome peer_supervision(const check_context& ctx) {
    const auto need = ctx.integer("min_supervision_sessions_90d");
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing(msg(supervision_no_workers), {"/peer_workers"});
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        std::int64_t sessions = 0;
        if (w.supervision_sessions)
            for (const auto& d : *w.supervision_sessions)
                if (within_days(d, ctx.as_of, 90))
                    ++sessions;
        return sessions >= need;
    });
    auto text = msg(supervision_sessions, arg("share", active_share_of(t)), arg("count", need),
                    arg("from", add_days(ctx.as_of, -90)), arg("to", ctx.as_of));
    return judge_peers(std::move(t), std::move(text), {"/peer_workers"});
}

outcome prss_history(const check_context& ctx) {
    const auto months = months_parameter(ctx, "min_prss_months");
    const auto& services = ctx.rec.services;
    if (!services)
        return missing(msg(history_no_services), {"/services"});
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
        return fail(msg(history_no_peer_services), {"/services"});
    if (!earliest)
        return missing(peer == 1 ? msg(history_one_undated) : msg(history_none_dated, arg("count", peer)), {"/services"});
    const auto& first = (*services)[*earliest];
    const auto cutoff = add_months(ctx.as_of, -months);
    auto text = msg(history_earliest, arg("service", service_label(first, *earliest)), arg("started", *first.started),
                    arg("cutoff", cutoff), arg("months", months), arg("as_of", ctx.as_of));
    pointer_list pointers{"/services", str(at("/services", *earliest), "/started")};
    return pass_if(*first.started <= cutoff, std::move(text), std::move(pointers));
}

} // namespace rco::checks
