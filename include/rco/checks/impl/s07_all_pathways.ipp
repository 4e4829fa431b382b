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

} // namespace

outcome no_pathway_barriers(const check_context& ctx) {
    const auto& services = ctx.rec.services;
    if (!services)
        return missing("No services are recorded (services), so their eligibility cannot be checked for pathway "
                       "barriers.",
                       {"/services"});
    std::vector<std::string> barred;
    for (std::size_t i = 0; i < services->size(); ++i) {
        const auto& s = (*services)[i];
        if (!s.eligibility)
            continue;
        std::vector<std::string> found;
        for (auto b : pathway_barriers)
            if (contains(*s.eligibility, b))
                found.emplace_back(to_string(b));
        if (!found.empty())
            barred.push_back(str(named_service(s, i),
                                 " (eligibility: ", join_words(found), ")"));
    }
    const auto n = static_cast<std::int64_t>(services->size());
    if (barred.empty())
        return pass(str("No service limits eligibility to a recovery pathway (abstinence_only, specific_pathway or "
                        "no_medication): ",
                        count_of(n, "service was", "services were"), " checked."),
                    {"/services"});
    return fail(str(barred.size(), " of ", count_of(n, "service", "services"),
                    barred.size() == 1 ? " limits" : " limit", " eligibility to a recovery pathway: ",
                    join_words(barred), "; every pathway, including medication for recovery, must be welcome."),
                {"/services"});
}

outcome all_pathways_policy(const check_context& ctx) {
    const auto& p = ctx.rec.pathways;
    const std::vector<std::string> pointers{"/pathways/policy", "/pathways/welcomes_medication"};
    if (!p)
        return missing("No pathways section is recorded: give pathways.policy (the all-pathways policy) and "
                       "pathways.welcomes_medication.",
                       pointers);
    const bool has_policy = p->policy && !p->policy->empty();
    const bool welcomes = p->welcomes_medication.value_or(false);
    if (has_policy && welcomes)
        return pass(str("The all-pathways policy (", *p->policy,
                        ") is recorded and states that people using medication for recovery are welcome."),
                    pointers);
    std::vector<std::string> lacking;
    if (!has_policy)
        lacking.emplace_back("a written all-pathways policy (pathways.policy)");
    if (!welcomes)
        lacking.emplace_back(
            "a statement that people using medication for recovery are welcome (pathways.welcomes_medication)");
    return fail(str("Missing: ", join_words(lacking), "."), pointers);
}

outcome pathway_diversity(const check_context& ctx) {
    const auto need = ctx.integer("min_pathways");
    const auto& p = ctx.rec.pathways;
    if (!p || !p->supported)
        return missing("The recovery pathways supported or referred are not recorded (pathways.supported).",
                       {"/pathways/supported"});
    std::set<std::string> seen;
    std::vector<std::string> distinct; // first-occurrence order, for the sentence
    for (const auto& w : *p->supported)
        if (!w.empty() && seen.insert(w).second)
            distinct.push_back(w);
    const auto k = static_cast<std::int64_t>(distinct.size());
    auto text =
        str(count_of(k, "distinct recovery pathway is", "distinct recovery pathways are"), " supported or referred");
    if (k > 0)
        text += str(" (", join_words(distinct), ")");
    text += str("; at least ", need, " expected.");
    return k >= need ? pass(text, {"/pathways/supported"}) : fail(text, {"/pathways/supported"});
}

} // namespace rco::checks
