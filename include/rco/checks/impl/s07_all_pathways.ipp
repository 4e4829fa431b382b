#pragma once

#include "rco/checks/s07_all_pathways.hpp"
#include "rco/checks/support.hpp"

#include <set>

namespace rco::checks {
using namespace rco::detail;

namespace {

/// Eligibility conditions that shut out people on some recovery pathway (Indiana's
/// "recovery pathway-specific barriers including those that are abstinence based").
constexpr eligibility pathway_barriers[] = {eligibility::abstinence_only, eligibility::specific_pathway,
                                            eligibility::no_medication};

inline constexpr rco::message_def barriers_no_services{
    "S7.1.no_services", "No services are recorded (services), so their eligibility cannot be checked for pathway "
                        "barriers."};
inline constexpr rco::message_def barriers_service{"S7.1.barred", "{service} (eligibility: {barriers})"};
inline constexpr rco::message_def barriers_none{
    "S7.1.none_barred",
    "No service limits eligibility to a recovery pathway (abstinence_only, specific_pathway or no_medication): "
    "{count} service was checked.",
    "No service limits eligibility to a recovery pathway (abstinence_only, specific_pathway or no_medication): "
    "{count} services were checked.",
    "count"};
inline constexpr rco::message_def barriers_found{
    "S7.1.barred_services",
    "{count} of {services} limits eligibility to a recovery pathway: {barred}; every pathway, including medication "
    "for recovery, must be welcome.",
    "{count} of {services} limit eligibility to a recovery pathway: {barred}; every pathway, including medication "
    "for recovery, must be welcome.",
    "count"};

inline constexpr rco::message_def policy_none_recorded{
    "S7.2.none_recorded", "No pathways section is recorded: give pathways.policy (the all-pathways policy) and "
                          "pathways.welcomes_medication."};
inline constexpr rco::message_def policy_recorded{
    "S7.2.policy",
    "The all-pathways policy ({policy}) is recorded and states that people using medication for recovery are welcome."};
inline constexpr rco::message_def policy_lacks_policy{"S7.2.lacking.policy",
                                                      "a written all-pathways policy (pathways.policy)"};
inline constexpr rco::message_def policy_lacks_medication{
    "S7.2.lacking.welcomes_medication",
    "a statement that people using medication for recovery are welcome (pathways.welcomes_medication)"};
inline constexpr rco::message_def policy_missing{"S7.2.missing", "Missing: {lacking}."};

inline constexpr rco::message_def diversity_not_recorded{
    "S7.3.not_recorded", "The recovery pathways supported or referred are not recorded (pathways.supported)."};
inline constexpr rco::message_def diversity_none{
    "S7.3.no_pathways", "{count} distinct recovery pathways are supported or referred; at least {need} expected."};
inline constexpr rco::message_def diversity_pathways{
    "S7.3.pathways", "{count} distinct recovery pathway is supported or referred ({pathways}); at least {need} expected.",
    "{count} distinct recovery pathways are supported or referred ({pathways}); at least {need} expected.", "count"};

} // namespace

outcome no_pathway_barriers(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing(msg(barriers_no_services), {"/services"});
    std::vector<message> barred;
    for (std::size_t i = 0; i < services->size(); ++i) {
        const auto& s = (*services)[i];
        if (!s.eligibility)
            continue;
        std::vector<std::string> found;
        for (auto b : pathway_barriers)
            if (contains(*s.eligibility, b))
                found.emplace_back(to_string(b));
        if (!found.empty())
            barred.push_back(msg(barriers_service, arg("service", service_label(s, i)), arg("barriers", std::move(found))));
    }
    const auto n = static_cast<std::int64_t>(services->size());
    if (barred.empty())
        return pass(msg(barriers_none, arg("count", n)), {"/services"});
    const auto n_barred = barred.size();
    return fail(msg(barriers_found, arg("count", n_barred), arg("services", msg(services_count, arg("count", n))),
                    arg("barred", std::move(barred))),
                {"/services"});
}

outcome all_pathways_policy(const check_context& ctx) {
    const auto& p = ctx.rec.pathways;
    const pointer_list pointers{"/pathways/policy", "/pathways/welcomes_medication"};
    if (!p)
        return missing(msg(policy_none_recorded), pointers);
    const bool has_policy = p->policy && !p->policy->empty();
    const bool welcomes = p->welcomes_medication.value_or(false);
    if (has_policy && welcomes)
        return pass(msg(policy_recorded, arg("policy", *p->policy)), pointers);
    std::vector<message> lacking;
    if (!has_policy)
        lacking.push_back(msg(policy_lacks_policy));
    if (!welcomes)
        lacking.push_back(msg(policy_lacks_medication));
    return fail(msg(policy_missing, arg("lacking", std::move(lacking))), pointers);
}

outcome pathway_diversity(const check_context& ctx) {
    const auto need = ctx.integer("min_pathways");
    const auto& p = ctx.rec.pathways;
    if (!p || !p->supported)
        return missing(msg(diversity_not_recorded), {"/pathways/supported"});
    std::set<std::string> seen;
    std::vector<std::string> distinct; // first-occurrence order, for the sentence
    for (const auto& w : *p->supported)
        if (!w.empty() && seen.insert(w).second)
            distinct.push_back(w);
    const auto k = static_cast<std::int64_t>(distinct.size());
    auto text = k == 0 ? msg(diversity_none, arg("count", k), arg("need", need))
                       : msg(diversity_pathways, arg("count", k), arg("pathways", std::move(distinct)), arg("need", need));
    return pass_if(k >= need, std::move(text), {"/pathways/supported"});
}

} // namespace rco::checks
