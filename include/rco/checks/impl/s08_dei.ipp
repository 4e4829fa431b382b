#pragma once

#include "rco/checks/s08_dei.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;


outcome nondiscrimination_policy(const check_context& ctx) {
    const auto& wanted = ctx.list("protected_classes");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->nondiscrimination)
        return missing("No nondiscrimination policy is recorded (policies.nondiscrimination).",
                       {"/policies/nondiscrimination"});
    const auto& p = *pols->nondiscrimination;
    const std::vector<std::string> pointers{"/policies/nondiscrimination/adopted",
                                            "/policies/nondiscrimination/board_approved",
                                            "/policies/nondiscrimination/covers"};
    const auto uncovered = missing_from(wanted, p.covers ? *p.covers : std::vector<std::string>{});
    std::vector<std::string> gaps;
    if (!p.adopted)
        gaps.emplace_back("no adoption date is recorded");
    else if (*p.adopted > ctx.as_of)
        gaps.push_back(str("its adoption date ", day(*p.adopted), " is after the review date ", day(ctx.as_of)));
    if (!p.board_approved.value_or(false))
        gaps.emplace_back("board approval is not recorded");
    if (!uncovered.empty())
        gaps.push_back(str(uncovered.size(), " of the ", wanted.size(), " protected classes ",
                           uncovered.size() == 1 ? "is" : "are", " not covered (", join_words(uncovered), ")"));
    if (gaps.empty())
        return pass(str("The board-approved nondiscrimination policy, adopted ", day(*p.adopted), ", covers all ",
                        count_of(static_cast<std::int64_t>(wanted.size()), "protected class", "protected classes"),
                        " expected."),
                    pointers);
    return shortfalls("The nondiscrimination policy", gaps, pointers);
}

outcome dei_plan(const check_context& ctx) {
    const auto months = months_parameter(ctx, "dei_review_months");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->dei)
        return missing("No DEI policy or plan is recorded (policies.dei).", {"/policies/dei"});
    const auto& p = *pols->dei;
    const auto since = p.current_since();
    if (!since)
        return missing("The DEI policy or plan has no review or adoption date (policies.dei.last_reviewed or "
                       "policies.dei.adopted).",
                       {"/policies/dei/last_reviewed", "/policies/dei/adopted"});
    const auto when = p.last_reviewed ? str("last reviewed on ", day(*since))
                                      : str("adopted on ", day(*since), " (no review is recorded)");
    auto text =
        str("The DEI policy or plan was ", when, "; an adoption or review on or after ",
            day(add_months(ctx.as_of, -months)), " (within ", months, " months of ", day(ctx.as_of), ") is expected.");
    const std::vector<std::string> pointers{p.last_reviewed ? "/policies/dei/last_reviewed" : "/policies/dei/adopted"};
    return within_months(*since, ctx.as_of, months) ? pass(text, pointers) : fail(text, pointers);
}

outcome language_access(const check_context& ctx) {
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->language_access)
        return missing("No language-access procedure (interpretation or translated materials) is recorded "
                       "(policies.language_access).",
                       {"/policies/language_access"});
    const auto& adopted = pols->language_access->adopted;
    if (!adopted)
        return missing("The language-access procedure is recorded without an adoption date "
                       "(policies.language_access.adopted).",
                       {"/policies/language_access/adopted"});
    if (*adopted > ctx.as_of)
        return fail(str("The language-access procedure is dated ", day(*adopted), ", after the review date ",
                        day(ctx.as_of), ", so it was not yet in place."),
                    {"/policies/language_access/adopted"});
    return pass(
        str("A language-access procedure (interpretation or translated materials) was adopted on ", day(*adopted), "."),
        {"/policies/language_access/adopted"});
}

outcome accessibility_review(const check_context& ctx) {
    const auto months = months_parameter(ctx, "accessibility_review_months");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->accessibility_review)
        return missing("No accessibility review (physical and online) is recorded (policies.accessibility_review).",
                       {"/policies/accessibility_review"});
    const auto& when = pols->accessibility_review->date;
    if (!when)
        return missing("The accessibility review is recorded without its date (policies.accessibility_review.date).",
                       {"/policies/accessibility_review/date"});
    auto text =
        str("The last accessibility review (physical and online) was on ", day(*when), "; one on or after ",
            day(add_months(ctx.as_of, -months)), " (within ", months, " months of ", day(ctx.as_of), ") is expected.");
    return within_months(*when, ctx.as_of, months) ? pass(text, {"/policies/accessibility_review/date"})
                                                   : fail(text, {"/policies/accessibility_review/date"});
}

outcome representation(const check_context& ctx) {
    const auto& d = ctx.rec.demographics;
    if (!d || !d->recorded.value_or(false))
        return missing("No board or participant demographics are recorded (demographics.recorded), so whether "
                       "leadership reflects the community served cannot be reviewed.",
                       {"/demographics/recorded"});
    return manual("Board or participant demographics are recorded; a reviewer compares them with the community "
                  "served (no quota is computed). Does leadership reflect the community served?",
                  {"/demographics/recorded"});
}

} // namespace rco::checks
