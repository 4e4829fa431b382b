#pragma once

#include "rco/checks/s08_dei.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;


namespace {

inline constexpr rco::message_def nondiscrimination_none{"S8.1.none_recorded",
                                                         "No nondiscrimination policy is recorded (policies.nondiscrimination)."};
inline constexpr rco::message_def nondiscrimination_no_date{"S8.1.no_adoption_date", "no adoption date is recorded"};
inline constexpr rco::message_def nondiscrimination_after{"S8.1.adopted_after",
                                                          "its adoption date {adopted} is after the review date {as_of}"};
inline constexpr rco::message_def nondiscrimination_not_approved{"S8.1.not_board_approved",
                                                                 "board approval is not recorded"};
inline constexpr rco::message_def nondiscrimination_uncovered{
    "S8.1.uncovered", "{count} of the {wanted} protected classes is not covered ({classes})",
    "{count} of the {wanted} protected classes are not covered ({classes})", "count"};
inline constexpr rco::message_def nondiscrimination_complete{
    "S8.1.complete", "The board-approved nondiscrimination policy, adopted {adopted}, covers all {count} protected class "
                     "expected.",
    "The board-approved nondiscrimination policy, adopted {adopted}, covers all {count} protected classes expected.",
    "count"};
inline constexpr rco::message_def nondiscrimination_short{"S8.1.falls_short",
                                                          "The nondiscrimination policy falls short: {gaps}."};

inline constexpr rco::message_def dei_none{"S8.2.none_recorded", "No DEI policy or plan is recorded (policies.dei)."};
inline constexpr rco::message_def dei_undated{
    "S8.2.undated", "The DEI policy or plan has no review or adoption date (policies.dei.last_reviewed or "
                    "policies.dei.adopted)."};
inline constexpr rco::message_def dei_last_reviewed{"S8.2.last_reviewed", "last reviewed on {date}"};
inline constexpr rco::message_def dei_adopted{"S8.2.adopted", "adopted on {date} (no review is recorded)"};
inline constexpr rco::message_def dei_dated{
    "S8.2.dated", "The DEI policy or plan was {when}; an adoption or review on or after {since} (within {months} months "
                  "of {as_of}) is expected."};

inline constexpr rco::message_def language_none{
    "S8.3.none_recorded", "No language-access procedure (interpretation or translated materials) is recorded "
                          "(policies.language_access)."};
inline constexpr rco::message_def language_undated{
    "S8.3.undated",
    "The language-access procedure is recorded without an adoption date (policies.language_access.adopted)."};
inline constexpr rco::message_def language_after{
    "S8.3.after_review_date",
    "The language-access procedure is dated {adopted}, after the review date {as_of}, so it was not yet in place."};
inline constexpr rco::message_def language_adopted{
    "S8.3.adopted", "A language-access procedure (interpretation or translated materials) was adopted on {adopted}."};

inline constexpr rco::message_def accessibility_none{
    "S8.4.none_recorded",
    "No accessibility review (physical and online) is recorded (policies.accessibility_review)."};
inline constexpr rco::message_def accessibility_undated{
    "S8.4.undated", "The accessibility review is recorded without its date (policies.accessibility_review.date)."};
inline constexpr rco::message_def accessibility_dated{
    "S8.4.dated", "The last accessibility review (physical and online) was on {date}; one on or after {since} (within "
                  "{months} months of {as_of}) is expected."};

inline constexpr rco::message_def representation_none{
    "S8.5.not_recorded", "No board or participant demographics are recorded (demographics.recorded), so whether "
                         "leadership reflects the community served cannot be reviewed."};
inline constexpr rco::message_def representation_ask{
    "S8.5.ask", "Board or participant demographics are recorded; a reviewer compares them with the community served "
                "(no quota is computed). Does leadership reflect the community served?"};

} // namespace

outcome nondiscrimination_policy(const check_context& ctx) {
    const auto& wanted = ctx.list("protected_classes");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->nondiscrimination)
        return missing(msg(nondiscrimination_none), {"/policies/nondiscrimination"});
    const auto& p = *pols->nondiscrimination;
    const pointer_list pointers{"/policies/nondiscrimination/adopted",
                                            "/policies/nondiscrimination/board_approved",
                                            "/policies/nondiscrimination/covers"};
    auto uncovered = missing_from(wanted, p.covers ? *p.covers : std::vector<std::string>{});
    std::vector<message> gaps;
    if (!p.adopted)
        gaps.push_back(msg(nondiscrimination_no_date));
    else if (*p.adopted > ctx.as_of)
        gaps.push_back(msg(nondiscrimination_after, arg("adopted", *p.adopted), arg("as_of", ctx.as_of)));
    if (!p.board_approved.value_or(false))
        gaps.push_back(msg(nondiscrimination_not_approved));
    if (!uncovered.empty()) {
        const auto n_uncovered = uncovered.size();
        gaps.push_back(msg(nondiscrimination_uncovered, arg("count", n_uncovered), arg("wanted", wanted.size()),
                           arg("classes", std::move(uncovered))));
    }
    if (gaps.empty())
        return pass(msg(nondiscrimination_complete, arg("adopted", *p.adopted), arg("count", wanted.size())), pointers);
    return shortfalls(nondiscrimination_short, std::move(gaps), pointers);
}

outcome dei_plan(const check_context& ctx) {
    const auto months = months_parameter(ctx, "dei_review_months");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->dei)
        return missing(msg(dei_none), {"/policies/dei"});
    const auto& p = *pols->dei;
    const auto since = p.current_since();
    if (!since)
        return missing(msg(dei_undated), {"/policies/dei/last_reviewed", "/policies/dei/adopted"});
    auto when = p.last_reviewed ? msg(dei_last_reviewed, arg("date", *since)) : msg(dei_adopted, arg("date", *since));
    const pointer_list pointers{p.last_reviewed ? json_pointer("/policies/dei/last_reviewed")
                                                : json_pointer("/policies/dei/adopted")};
    return pass_if(within_months(*since, ctx.as_of, months),
                   msg(dei_dated, arg("when", std::move(when)), arg("since", add_months(ctx.as_of, -months)),
                       arg("months", months), arg("as_of", ctx.as_of)),
                   pointers);
}

outcome language_access(const check_context& ctx) {
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->language_access)
        return missing(msg(language_none), {"/policies/language_access"});
    const auto& adopted = pols->language_access->adopted;
    if (!adopted)
        return missing(msg(language_undated), {"/policies/language_access/adopted"});
    if (*adopted > ctx.as_of)
        return fail(msg(language_after, arg("adopted", *adopted), arg("as_of", ctx.as_of)),
                    {"/policies/language_access/adopted"});
    return pass(msg(language_adopted, arg("adopted", *adopted)), {"/policies/language_access/adopted"});
}

outcome accessibility_review(const check_context& ctx) {
    const auto months = months_parameter(ctx, "accessibility_review_months");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->accessibility_review)
        return missing(msg(accessibility_none), {"/policies/accessibility_review"});
    const auto& when = pols->accessibility_review->date;
    if (!when)
        return missing(msg(accessibility_undated), {"/policies/accessibility_review/date"});
    return pass_if(within_months(*when, ctx.as_of, months),
                   msg(accessibility_dated, arg("date", *when), arg("since", add_months(ctx.as_of, -months)),
                       arg("months", months), arg("as_of", ctx.as_of)),
                   {"/policies/accessibility_review/date"});
}

outcome representation(const check_context& ctx) {
    const auto& d = ctx.rec.demographics;
    if (!d || !d->recorded.value_or(false))
        return missing(msg(representation_none), {"/demographics/recorded"});
    return manual(msg(representation_ask), {"/demographics/recorded"});
}

} // namespace rco::checks
