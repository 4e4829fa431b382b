#pragma once

#include "rco/checks/s10_ethics.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;

namespace {

inline constexpr rco::message_def current_last_reviewed{"S10.last_reviewed", "last reviewed on {date}"};
inline constexpr rco::message_def current_adopted{"S10.adopted", "adopted on {date} (no review is recorded)"};

/// "last reviewed on 2025-01-12" or "adopted on 2019-01-10 (no review is recorded)":
/// how the policy's current text came to be, for a sentence. Requires current_since().
message current_text_phrase(const policy& p) {
    return p.last_reviewed ? msg(current_last_reviewed, arg("date", *p.last_reviewed))
                           : msg(current_adopted, arg("date", *p.adopted));
}

inline constexpr rco::message_def code_none{"S10.1.none_recorded",
                                            "No code of ethics is recorded (policies.code_of_ethics)."};
inline constexpr rco::message_def code_not_approved{"S10.1.not_board_approved", "board approval is not recorded"};
inline constexpr rco::message_def code_undated{"S10.1.undated", "no adoption or review date is recorded"};
inline constexpr rco::message_def code_after{"S10.1.after_review_date", "it was {when}, after the review date {as_of}"};
inline constexpr rco::message_def code_stale{"S10.1.stale",
                                             "it was {when}, before {cutoff} (a review within {months} months is expected)"};
inline constexpr rco::message_def code_not_applied{"S10.1.not_applied", "it does not apply to {groups}"};
inline constexpr rco::message_def code_short{"S10.1.falls_short", "The code of ethics falls short: {gaps}."};
inline constexpr rco::message_def code_current{
    "S10.1.current", "The board-approved code of ethics was {when} (on or after {cutoff}, within {months} months) and "
                     "applies to {groups}."};

inline constexpr rco::message_def topics_none{"S10.2.none_recorded",
                                              "No code of ethics is recorded (policies.code_of_ethics)."};
inline constexpr rco::message_def topics_not_recorded{
    "S10.2.topics_not_recorded", "The topics the code of ethics covers are not recorded (policies.code_of_ethics.topics)."};
inline constexpr rco::message_def topics_expected{"S10.2.expected_topics", "{count} expected topic",
                                                  "{count} expected topics", "count"};
inline constexpr rco::message_def topics_all{"S10.2.all_topics", "The code of ethics covers all {topics}."};
inline constexpr rco::message_def topics_uncovered{"S10.2.uncovered",
                                                   "The code of ethics does not cover {count} of the {topics}: {uncovered}."};

inline constexpr rco::message_def acknowledged_none{
    "S10.3.none_recorded",
    "No code of ethics is recorded (policies.code_of_ethics), so acknowledgments cannot be checked."};
inline constexpr rco::message_def acknowledged_undated{
    "S10.3.undated", "The code of ethics has no review or adoption date (policies.code_of_ethics.last_reviewed or "
                     "policies.code_of_ethics.adopted), so acknowledgments cannot be dated against it."};
inline constexpr rco::message_def acknowledged_no_workers{
    "S10.3.no_workers",
    "No peer workers are recorded (peer_workers), so acknowledgments of the code of ethics cannot be checked."};
inline constexpr rco::message_def acknowledged_review{
    "S10.3.acknowledged_review",
    "{share} acknowledged the current code of ethics on or after {since} (its last review)."};
inline constexpr rco::message_def acknowledged_adoption{
    "S10.3.acknowledged_adoption", "{share} acknowledged the current code of ethics on or after {since} (its adoption)."};

inline constexpr rco::message_def training_no_workers{
    "S10.4.no_workers", "No peer workers are recorded (peer_workers), so their ethics training cannot be checked."};
inline constexpr rco::message_def training_trained{"S10.4.trained",
                                                   "{share} had ethics or boundaries training {window}."};

inline constexpr rco::message_def grievance_none{"S10.5.none_recorded",
                                                 "No grievance policy is recorded (policies.grievance)."};
inline constexpr rco::message_def grievance_no_date{"S10.5.no_adoption_date", "no adoption date is recorded"};
inline constexpr rco::message_def grievance_after{"S10.5.adopted_after",
                                                  "its adoption date {adopted} is after the review date {as_of}"};
inline constexpr rco::message_def grievance_not_posted{"S10.5.not_posted",
                                                       "it is not recorded as posted where participants see it"};
inline constexpr rco::message_def grievance_no_response_time{
    "S10.5.no_response_time", "it states no response time (at most {max_days} days is expected)"};
inline constexpr rco::message_def grievance_response_too_long{
    "S10.5.response_too_long", "its response time of {days} days is longer than the {max_days}-day maximum"};
inline constexpr rco::message_def grievance_no_appeal{"S10.5.no_appeal", "it states no appeal path"};
inline constexpr rco::message_def grievance_no_non_retaliation{"S10.5.no_non_retaliation",
                                                               "it has no recorded non-retaliation clause"};
inline constexpr rco::message_def grievance_short{"S10.5.falls_short", "The grievance policy falls short: {gaps}."};
inline constexpr rco::message_def grievance_complete{
    "S10.5.complete",
    "The grievance policy, adopted {adopted}, is posted, promises a response within {count} day (at most {max_days} "
    "allowed), states an appeal path and forbids retaliation.",
    "The grievance policy, adopted {adopted}, is posted, promises a response within {count} days (at most {max_days} "
    "allowed), states an appeal path and forbids retaliation.",
    "count"};

inline constexpr rco::message_def timely_none{"S10.6.none_recorded",
                                              "No grievance log is recorded (grievances), so response times cannot be checked."};
inline constexpr rco::message_def timely_limit_policy{"S10.6.limit_policy",
                                                      "The {limit}-day limit is the grievance policy's response time."};
inline constexpr rco::message_def timely_limit_no_time{
    "S10.6.limit_parameter_no_response_time",
    "The {limit}-day limit is the max_grievance_response_days parameter: the grievance policy states no response time."};
inline constexpr rco::message_def timely_limit_no_policy{
    "S10.6.limit_parameter_no_policy",
    "The {limit}-day limit is the max_grievance_response_days parameter: no grievance policy is recorded."};
inline constexpr rco::message_def timely_undated_not_counted{
    "S10.6.undated_not_counted", "{count} grievance without a received date was not counted.",
    "{count} grievances without a received date were not counted.", "count"};
inline constexpr rco::message_def timely_none_dated{
    "S10.6.none_dated",
    "No dated grievance was received {window}, but {count} grievance has no received date (grievances[].received).",
    "No dated grievance was received {window}, but {count} grievances have no received date (grievances[].received).",
    "count"};
inline constexpr rco::message_def timely_none_received{"S10.6.none_received", "No grievances were received {window}."};
inline constexpr rco::message_def timely_timely{
    "S10.6.timely",
    "{count} grievance was received {window}; it was resolved, or is still open, within {limit} days of receipt.",
    "{count} grievances were received {window}; each was resolved, or is still open, within {limit} days of receipt.",
    "count"};
inline constexpr rco::message_def timely_late{"S10.6.late", "{count} grievance was received {window}; {late}.",
                                              "{count} grievances were received {window}; {late}.", "count"};
inline constexpr rco::message_def timely_resolved_late{"S10.6.resolved_late",
                                                       "{count} was resolved more than {limit} days after receipt",
                                                       "{count} were resolved more than {limit} days after receipt",
                                                       "count"};
inline constexpr rco::message_def timely_open_late{"S10.6.open_late", "{count} is still open past {limit} days",
                                                   "{count} are still open past {limit} days", "count"};

inline constexpr rco::message_def governance_none{
    "S10.7.none_recorded", "Neither policies nor annual filings are recorded: record policies.conflict_of_interest, "
                           "policies.whistleblower and policies.document_retention, or import a Form 990."};
inline constexpr rco::message_def governance_filing_year{"S10.7.filing_for_year",
                                                         "the annual filing for tax year {year}"};
inline constexpr rco::message_def governance_latest_filing{"S10.7.latest_filing", "the latest annual filing"};
inline constexpr rco::message_def governance_conflict{"S10.7.policy.conflict_of_interest", "conflict-of-interest"};
inline constexpr rco::message_def governance_whistleblower{"S10.7.policy.whistleblower", "whistleblower"};
inline constexpr rco::message_def governance_retention{"S10.7.policy.document_retention", "document-retention"};
inline constexpr rco::message_def governance_adopted{"S10.7.adopted", "{policy} (adopted {date})"};
inline constexpr rco::message_def governance_yes_on_filing{"S10.7.yes_on_filing", "{policy} (yes on {filing})"};
inline constexpr rco::message_def governance_all{"S10.7.all", "All 3 governance policies are recorded: {found}."};
inline constexpr rco::message_def governance_unanswered{
    "S10.7.unanswered",
    "{count} of 3 governance policies is recorded; {filing} does not answer for {unanswered} (a Form 990-EZ or 990-N "
    "has no such questions) and no policies are recorded.",
    "{count} of 3 governance policies are recorded; {filing} does not answer for {unanswered} (a Form 990-EZ or 990-N "
    "has no such questions) and no policies are recorded.",
    "count"};
inline constexpr rco::message_def governance_missing_filing{
    "S10.7.missing",
    "{count} of 3 governance policies is recorded; missing: {absent} (each needs a policies entry with an adoption "
    "date or a yes on the latest annual filing; {filing} does not answer yes).",
    "{count} of 3 governance policies are recorded; missing: {absent} (each needs a policies entry with an adoption "
    "date or a yes on the latest annual filing; {filing} does not answer yes).",
    "count"};
inline constexpr rco::message_def governance_missing_no_filing{
    "S10.7.missing_no_filing",
    "{count} of 3 governance policies is recorded; missing: {absent} (each needs a policies entry with an adoption "
    "date or a yes on the latest annual filing; no annual filing is recorded).",
    "{count} of 3 governance policies are recorded; missing: {absent} (each needs a policies entry with an adoption "
    "date or a yes on the latest annual filing; no annual filing is recorded).",
    "count"};

} // namespace

outcome code_of_ethics(const check_context& ctx) {
    const auto months = months_parameter(ctx, "policy_review_months");
    const auto& wanted = ctx.list("applies_to");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->code_of_ethics)
        return missing(msg(code_none), {"/policies/code_of_ethics"});
    const auto& c = *pols->code_of_ethics;
    const pointer_list pointers{"/policies/code_of_ethics/board_approved",
                                            "/policies/code_of_ethics/last_reviewed",
                                            "/policies/code_of_ethics/adopted", "/policies/code_of_ethics/applies_to"};
    const auto cutoff = add_months(ctx.as_of, -months);
    const auto since = c.current_since();
    auto uncovered = missing_from(wanted, c.applies_to ? spellings(*c.applies_to) : std::vector<std::string>{});
    std::vector<message> gaps;
    if (!c.board_approved.value_or(false))
        gaps.push_back(msg(code_not_approved));
    if (!since)
        gaps.push_back(msg(code_undated));
    else if (*since > ctx.as_of)
        gaps.push_back(msg(code_after, arg("when", current_text_phrase(c)), arg("as_of", ctx.as_of)));
    else if (!within_months(*since, ctx.as_of, months))
        gaps.push_back(
            msg(code_stale, arg("when", current_text_phrase(c)), arg("cutoff", cutoff), arg("months", months)));
    if (!uncovered.empty())
        gaps.push_back(msg(code_not_applied, arg("groups", std::move(uncovered))));
    if (!gaps.empty())
        return shortfalls(code_short, std::move(gaps), pointers);
    return pass(msg(code_current, arg("when", current_text_phrase(c)), arg("cutoff", cutoff), arg("months", months),
                    arg("groups", wanted)),
                pointers);
}

outcome code_topics(const check_context& ctx) {
    const auto& wanted = ctx.list("ethics_topics");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->code_of_ethics)
        return missing(msg(topics_none), {"/policies/code_of_ethics"});
    const auto& topics = pols->code_of_ethics->topics;
    if (!topics)
        return missing(msg(topics_not_recorded), {"/policies/code_of_ethics/topics"});
    auto uncovered = missing_from(wanted, *topics);
    auto expected = msg(topics_expected, arg("count", wanted.size()));
    if (uncovered.empty())
        return pass(msg(topics_all, arg("topics", std::move(expected))), {"/policies/code_of_ethics/topics"});
    const auto n_uncovered = uncovered.size();
    return fail(msg(topics_uncovered, arg("count", n_uncovered), arg("topics", std::move(expected)),
                    arg("uncovered", std::move(uncovered))),
                {"/policies/code_of_ethics/topics"});
}

outcome code_acknowledged(const check_context& ctx) {
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->code_of_ethics)
        return missing(msg(acknowledged_none), {"/policies/code_of_ethics"});
    const auto& c = *pols->code_of_ethics;
    const auto since = c.current_since();
    if (!since)
        return missing(msg(acknowledged_undated),
                       {"/policies/code_of_ethics/last_reviewed", "/policies/code_of_ethics/adopted"});
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing(msg(acknowledged_no_workers), {"/peer_workers"});
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        return w.code_acknowledged && *w.code_acknowledged >= *since && *w.code_acknowledged <= ctx.as_of;
    });
    auto text = msg(c.last_reviewed ? acknowledged_review : acknowledged_adoption, arg("share", active_share_of(t)),
                    arg("since", *since));
    return judge_peers(std::move(t), std::move(text),
                       {"/peer_workers", c.last_reviewed ? json_pointer("/policies/code_of_ethics/last_reviewed")
                                                         : json_pointer("/policies/code_of_ethics/adopted")});
}

outcome ethics_training(const check_context& ctx) {
    const auto months = months_parameter(ctx, "ethics_training_months");
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing(msg(training_no_workers), {"/peer_workers"});
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        return w.ethics_training && within_months(*w.ethics_training, ctx.as_of, months);
    });
    auto text = msg(training_trained, arg("share", active_share_of(t)), arg("window", last_months(ctx.as_of, months)));
    return judge_peers(std::move(t), std::move(text), {"/peer_workers"});
}

outcome grievance_policy(const check_context& ctx) {
    const auto max_days = ctx.integer("max_grievance_response_days");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->grievance)
        return missing(msg(grievance_none), {"/policies/grievance"});
    const auto& g = *pols->grievance;
    const pointer_list pointers{"/policies/grievance/adopted", "/policies/grievance/posted",
                                            "/policies/grievance/response_days", "/policies/grievance/appeal",
                                            "/policies/grievance/non_retaliation"};
    std::vector<message> gaps;
    if (!g.adopted)
        gaps.push_back(msg(grievance_no_date));
    else if (*g.adopted > ctx.as_of)
        gaps.push_back(msg(grievance_after, arg("adopted", *g.adopted), arg("as_of", ctx.as_of)));
    if (!g.posted.value_or(false))
        gaps.push_back(msg(grievance_not_posted));
    if (!g.response_days)
        gaps.push_back(msg(grievance_no_response_time, arg("max_days", max_days)));
    else if (*g.response_days > max_days)
        gaps.push_back(msg(grievance_response_too_long, arg("days", *g.response_days), arg("max_days", max_days)));
    if (!g.appeal || g.appeal->empty())
        gaps.push_back(msg(grievance_no_appeal));
    if (!g.non_retaliation.value_or(false))
        gaps.push_back(msg(grievance_no_non_retaliation));
    if (!gaps.empty())
        return shortfalls(grievance_short, std::move(gaps), pointers);
    return pass(msg(grievance_complete, arg("adopted", *g.adopted), arg("count", *g.response_days),
                    arg("max_days", max_days)),
                pointers);
}

outcome grievances_timely(const check_context& ctx) {
    const auto& log = ctx.rec.grievances;
    if (!log)
        return missing(msg(timely_none), {"/grievances"});
    std::int64_t limit = 0;
    pointer_list pointers{"/grievances"};
    message source;
    const auto& pols = ctx.rec.policies;
    if (pols && pols->grievance && pols->grievance->response_days) {
        limit = *pols->grievance->response_days;
        source = msg(timely_limit_policy, arg("limit", limit));
        pointers.push_back("/policies/grievance/response_days");
    } else {
        limit = ctx.integer("max_grievance_response_days");
        source = msg(pols && pols->grievance ? timely_limit_no_time : timely_limit_no_policy, arg("limit", limit));
    }
    std::int64_t received = 0, resolved_late = 0, open_late = 0, undated = 0;
    for (const auto& g : *log) {
        if (!g.received) {
            ++undated;
            continue;
        }
        if (!within_months(*g.received, ctx.as_of, 12))
            continue;
        ++received;
        // A resolution dated after the review date had not happened yet: the grievance was open.
        const bool resolved = g.resolved && *g.resolved <= ctx.as_of;
        if (days_between(*g.received, resolved ? *g.resolved : ctx.as_of) > limit)
            ++(resolved ? resolved_late : open_late);
    }
    if (received == 0) {
        if (undated > 0)
            return missing(msg(timely_none_dated, arg("window", last_months(ctx.as_of, 12)), arg("count", undated)),
                           {"/grievances"});
        return not_applicable(msg(timely_none_received, arg("window", last_months(ctx.as_of, 12))), {"/grievances"});
    }
    std::vector<message> said;
    if (resolved_late + open_late == 0) {
        said.push_back(msg(timely_timely, arg("count", received), arg("window", last_months(ctx.as_of, 12)),
                           arg("limit", limit)));
    } else {
        std::vector<message> late;
        if (resolved_late > 0)
            late.push_back(msg(timely_resolved_late, arg("count", resolved_late), arg("limit", limit)));
        if (open_late > 0)
            late.push_back(msg(timely_open_late, arg("count", open_late), arg("limit", limit)));
        said.push_back(msg(timely_late, arg("count", received), arg("window", last_months(ctx.as_of, 12)),
                           arg("late", std::move(late))));
    }
    said.push_back(std::move(source));
    if (undated > 0)
        said.push_back(msg(timely_undated_not_counted, arg("count", undated)));
    return pass_if(resolved_late + open_late == 0, sentences(std::move(said)), pointers);
}

outcome governance_policies(const check_context& ctx) {
    const auto& pols = ctx.rec.policies;
    const auto& filings = ctx.rec.filings;
    if (!pols && !filings)
        return missing(msg(governance_none), {"/policies", "/filings"});
    const filing* latest = nullptr;
    if (filings)
        for (const auto& f : *filings)
            if (!latest || f.tax_year > latest->tax_year) // an absent tax year sorts first
                latest = &f;
    const auto filing_name = [&] {
        return latest->tax_year ? msg(governance_filing_year, arg("year", *latest->tax_year))
                                : msg(governance_latest_filing);
    };
    struct governance_item {
        const message_def* label;
        opt<policy> rco::policies::*recorded;
        opt<bool> filing::*answered;
    };
    static constexpr governance_item items[] = {
        {&governance_conflict, &rco::policies::conflict_of_interest, &filing::conflict_of_interest_policy},
        {&governance_whistleblower, &rco::policies::whistleblower, &filing::whistleblower_policy},
        {&governance_retention, &rco::policies::document_retention, &filing::document_retention_policy}};
    std::vector<message> found, absent, unanswered;
    for (const auto& item : items) {
        const auto& p = pols ? (*pols).*item.recorded : std::nullopt;
        if (p && p->adopted && *p->adopted <= ctx.as_of)
            found.push_back(msg(governance_adopted, arg("policy", msg(*item.label)), arg("date", *p->adopted)));
        else if (latest && (latest->*item.answered).value_or(false))
            found.push_back(msg(governance_yes_on_filing, arg("policy", msg(*item.label)), arg("filing", filing_name())));
        else if (!pols && latest && !(latest->*item.answered).has_value())
            unanswered.push_back(msg(*item.label)); // e.g. a 990-EZ, which has no Part VI: not a "no"
        else
            absent.push_back(msg(*item.label));
    }
    const pointer_list pointers{"/policies/conflict_of_interest/adopted", "/policies/whistleblower/adopted",
                                            "/policies/document_retention/adopted", "/filings"};
    const auto n_found = found.size();
    if (absent.empty() && unanswered.empty())
        return pass(msg(governance_all, arg("found", std::move(found))), pointers);
    if (absent.empty())
        return missing(msg(governance_unanswered, arg("count", n_found), arg("filing", filing_name()),
                           arg("unanswered", std::move(unanswered))),
                       pointers);
    for (auto& u : unanswered)
        absent.push_back(std::move(u));
    if (latest)
        return fail(msg(governance_missing_filing, arg("count", n_found), arg("absent", std::move(absent)),
                        arg("filing", filing_name())),
                    pointers);
    return fail(msg(governance_missing_no_filing, arg("count", n_found), arg("absent", std::move(absent))), pointers);
}

} // namespace rco::checks
