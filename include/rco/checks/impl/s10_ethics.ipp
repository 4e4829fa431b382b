#pragma once

#include "rco/checks/s10_ethics.hpp"
#include "rco/checks/support.hpp"

namespace rco::checks {
using namespace rco::detail;

namespace {

/// "last reviewed on 2025-01-12" or "adopted on 2019-01-10 (no review is recorded)":
/// how the policy's current text came to be, for a sentence. Requires current_since().
std::string current_text_phrase(const policy& p) {
    return p.last_reviewed ? str("last reviewed on ", day(*p.last_reviewed))
                           : str("adopted on ", day(*p.adopted), " (no review is recorded)");
}

} // namespace

outcome code_of_ethics(const check_context& ctx) {
    const auto months = months_parameter(ctx, "policy_review_months");
    const auto& wanted = ctx.list("applies_to");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->code_of_ethics)
        return missing("No code of ethics is recorded (policies.code_of_ethics).", {"/policies/code_of_ethics"});
    const auto& c = *pols->code_of_ethics;
    const std::vector<std::string> pointers{"/policies/code_of_ethics/board_approved",
                                            "/policies/code_of_ethics/last_reviewed",
                                            "/policies/code_of_ethics/adopted", "/policies/code_of_ethics/applies_to"};
    const auto cutoff = add_months(ctx.as_of, -months);
    const auto since = c.current_since();
    const auto uncovered = missing_from(wanted, c.applies_to ? spellings(*c.applies_to) : std::vector<std::string>{});
    std::vector<std::string> gaps;
    if (!c.board_approved.value_or(false))
        gaps.emplace_back("board approval is not recorded");
    if (!since)
        gaps.emplace_back("no adoption or review date is recorded");
    else if (*since > ctx.as_of)
        gaps.push_back(str("it was ", current_text_phrase(c), ", after the review date ", day(ctx.as_of)));
    else if (!within_months(*since, ctx.as_of, months))
        gaps.push_back(str("it was ", current_text_phrase(c), ", before ", day(cutoff), " (a review within ", months,
                           " months is expected)"));
    if (!uncovered.empty())
        gaps.push_back(str("it does not apply to ", join_words(uncovered)));
    if (!gaps.empty())
        return shortfalls("The code of ethics", gaps, pointers);
    return pass(str("The board-approved code of ethics was ", current_text_phrase(c), " (on or after ", day(cutoff),
                    ", within ", months, " months) and applies to ", join_words(wanted), "."),
                pointers);
}

outcome code_topics(const check_context& ctx) {
    const auto& wanted = ctx.list("ethics_topics");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->code_of_ethics)
        return missing("No code of ethics is recorded (policies.code_of_ethics).", {"/policies/code_of_ethics"});
    const auto& topics = pols->code_of_ethics->topics;
    if (!topics)
        return missing("The topics the code of ethics covers are not recorded (policies.code_of_ethics.topics).",
                       {"/policies/code_of_ethics/topics"});
    const auto uncovered = missing_from(wanted, *topics);
    const auto n = static_cast<std::int64_t>(wanted.size());
    if (uncovered.empty())
        return pass(str("The code of ethics covers all ", count_of(n, "expected topic", "expected topics"), "."),
                    {"/policies/code_of_ethics/topics"});
    return fail(str("The code of ethics does not cover ", uncovered.size(), " of the ",
                    count_of(n, "expected topic", "expected topics"), ": ", join_words(uncovered), "."),
                {"/policies/code_of_ethics/topics"});
}

outcome code_acknowledged(const check_context& ctx) {
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->code_of_ethics)
        return missing("No code of ethics is recorded (policies.code_of_ethics), so acknowledgments cannot be "
                       "checked.",
                       {"/policies/code_of_ethics"});
    const auto& c = *pols->code_of_ethics;
    const auto since = c.current_since();
    if (!since)
        return missing("The code of ethics has no review or adoption date (policies.code_of_ethics.last_reviewed or "
                       "policies.code_of_ethics.adopted), so acknowledgments cannot be dated against it.",
                       {"/policies/code_of_ethics/last_reviewed", "/policies/code_of_ethics/adopted"});
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing("No peer workers are recorded (peer_workers), so acknowledgments of the code of ethics "
                       "cannot be checked.",
                       {"/peer_workers"});
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        return w.code_acknowledged && *w.code_acknowledged >= *since && *w.code_acknowledged <= ctx.as_of;
    });
    auto text = str(active_share(t), " acknowledged the current code of ethics on or after ", day(*since), " (its ",
                    c.last_reviewed ? "last review" : "adoption", ").");
    return judge_peers(std::move(t), text,
                       {"/peer_workers", c.last_reviewed ? "/policies/code_of_ethics/last_reviewed"
                                                         : "/policies/code_of_ethics/adopted"});
}

outcome ethics_training(const check_context& ctx) {
    const auto months = months_parameter(ctx, "ethics_training_months");
    const auto& workers = ctx.rec.peer_workers;
    if (!workers)
        return missing("No peer workers are recorded (peer_workers), so their ethics training cannot be checked.",
                       {"/peer_workers"});
    auto t = tally_active_peers(*workers, [&](const peer_worker& w) {
        return w.ethics_training && within_months(*w.ethics_training, ctx.as_of, months);
    });
    auto text = str(active_share(t), " had ethics or boundaries training in the ", months, " months from ",
                    day(add_months(ctx.as_of, -months)), " to ", day(ctx.as_of), ".");
    return judge_peers(std::move(t), text, {"/peer_workers"});
}

outcome grievance_policy(const check_context& ctx) {
    const auto max_days = ctx.integer("max_grievance_response_days");
    const auto& pols = ctx.rec.policies;
    if (!pols || !pols->grievance)
        return missing("No grievance policy is recorded (policies.grievance).", {"/policies/grievance"});
    const auto& g = *pols->grievance;
    const std::vector<std::string> pointers{"/policies/grievance/adopted", "/policies/grievance/posted",
                                            "/policies/grievance/response_days", "/policies/grievance/appeal",
                                            "/policies/grievance/non_retaliation"};
    std::vector<std::string> gaps;
    if (!g.adopted)
        gaps.emplace_back("no adoption date is recorded");
    else if (*g.adopted > ctx.as_of)
        gaps.push_back(str("its adoption date ", day(*g.adopted), " is after the review date ", day(ctx.as_of)));
    if (!g.posted.value_or(false))
        gaps.emplace_back("it is not recorded as posted where participants see it");
    if (!g.response_days)
        gaps.push_back(str("it states no response time (at most ", max_days, " days is expected)"));
    else if (*g.response_days > max_days)
        gaps.push_back(
            str("its response time of ", *g.response_days, " days is longer than the ", max_days, "-day maximum"));
    if (!g.appeal || g.appeal->empty())
        gaps.emplace_back("it states no appeal path");
    if (!g.non_retaliation.value_or(false))
        gaps.emplace_back("it has no recorded non-retaliation clause");
    if (!gaps.empty())
        return shortfalls("The grievance policy", gaps, pointers);
    return pass(str("The grievance policy, adopted ", day(*g.adopted), ", is posted, promises a response within ",
                    count_of(*g.response_days, "day", "days"), " (at most ", max_days,
                    " allowed), states an appeal path and forbids retaliation."),
                pointers);
}

outcome grievances_timely(const check_context& ctx) {
    const auto& log = ctx.rec.grievances;
    if (!log)
        return missing("No grievance log is recorded (grievances), so response times cannot be checked.",
                       {"/grievances"});
    std::int64_t limit = 0;
    std::vector<std::string> pointers{"/grievances"};
    std::string source;
    const auto& pols = ctx.rec.policies;
    if (pols && pols->grievance && pols->grievance->response_days) {
        limit = *pols->grievance->response_days;
        source = str("The ", limit, "-day limit is the grievance policy's response time.");
        pointers.emplace_back("/policies/grievance/response_days");
    } else {
        limit = ctx.integer("max_grievance_response_days");
        source = str("The ", limit, "-day limit is the max_grievance_response_days parameter: ",
                     pols && pols->grievance ? "the grievance policy states no response time."
                                             : "no grievance policy is recorded.");
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
    const auto window = str("in the 12 months from ", day(add_months(ctx.as_of, -12)), " to ", day(ctx.as_of));
    const auto undated_note = undated > 0
                                  ? str(" ", count_of(undated, "grievance", "grievances"), " without a received date ",
                                        undated == 1 ? "was" : "were", " not counted.")
                                  : std::string();
    if (received == 0) {
        if (undated > 0)
            return missing(str("No dated grievance was received ", window, ", but ",
                               count_of(undated, "grievance has", "grievances have"),
                               " no received date (grievances[].received)."),
                           {"/grievances"});
        return not_applicable(str("No grievances were received ", window, "."), {"/grievances"});
    }
    auto text = str(count_of(received, "grievance was", "grievances were"), " received ", window, "; ");
    if (resolved_late + open_late == 0) {
        text += str(received == 1 ? "it was" : "each was", " resolved, or is still open, within ", limit,
                    " days of receipt. ");
    } else {
        std::vector<std::string> late;
        if (resolved_late > 0)
            late.push_back(str(count_of(resolved_late, "was resolved", "were resolved"), " more than ", limit,
                               " days after receipt"));
        if (open_late > 0)
            late.push_back(str(count_of(open_late, "is still open", "are still open"), " past ", limit, " days"));
        text += join_words(late) + ". ";
    }
    text += source + undated_note;
    return resolved_late + open_late == 0 ? pass(text, pointers) : fail(text, pointers);
}

outcome governance_policies(const check_context& ctx) {
    const auto& pols = ctx.rec.policies;
    const auto& filings = ctx.rec.filings;
    if (!pols && !filings)
        return missing("Neither policies nor annual filings are recorded: record policies.conflict_of_interest, "
                       "policies.whistleblower and policies.document_retention, or import a Form 990.",
                       {"/policies", "/filings"});
    const filing* latest = nullptr;
    if (filings)
        for (const auto& f : *filings)
            if (!latest || f.tax_year > latest->tax_year) // an absent tax year sorts first
                latest = &f;
    const auto filing_name = !latest            ? std::string()
                             : latest->tax_year ? str("the annual filing for tax year ", *latest->tax_year)
                                                : std::string("the latest annual filing");
    struct governance_item {
        const char* label;
        opt<policy> rco::policies::*recorded;
        opt<bool> filing::*answered;
    };
    static constexpr governance_item items[] = {
        {"conflict-of-interest", &rco::policies::conflict_of_interest, &filing::conflict_of_interest_policy},
        {"whistleblower", &rco::policies::whistleblower, &filing::whistleblower_policy},
        {"document-retention", &rco::policies::document_retention, &filing::document_retention_policy}};
    std::vector<std::string> found, absent, unanswered;
    for (const auto& item : items) {
        const auto& p = pols ? (*pols).*item.recorded : std::nullopt;
        if (p && p->adopted && *p->adopted <= ctx.as_of)
            found.push_back(str(item.label, " (adopted ", day(*p->adopted), ")"));
        else if (latest && (latest->*item.answered).value_or(false))
            found.push_back(str(item.label, " (yes on ", filing_name, ")"));
        else if (!pols && latest && !(latest->*item.answered).has_value())
            unanswered.emplace_back(item.label); // e.g. a 990-EZ, which has no Part VI: not a "no"
        else
            absent.emplace_back(item.label);
    }
    const std::vector<std::string> pointers{"/policies/conflict_of_interest/adopted", "/policies/whistleblower/adopted",
                                            "/policies/document_retention/adopted", "/filings"};
    if (absent.empty() && unanswered.empty())
        return pass(str("All 3 governance policies are recorded: ", join_words(found), "."), pointers);
    if (absent.empty())
        return missing(str(found.size(), " of 3 governance policies ", found.size() == 1 ? "is" : "are",
                           " recorded; ", filing_name, " does not answer for ", join_words(unanswered),
                           " (a Form 990-EZ or 990-N has no such questions) and no policies are recorded."),
                       pointers);
    absent.insert(absent.end(), unanswered.begin(), unanswered.end());
    auto text = str(found.size(), " of 3 governance policies ", found.size() == 1 ? "is" : "are",
                    " recorded; missing: ", join_words(absent),
                    " (each needs a policies entry with an adoption date or a yes on the latest "
                    "annual filing; ");
    text += latest ? str(filing_name, " does not answer yes).") : std::string("no annual filing is recorded).");
    return fail(text, pointers);
}

} // namespace rco::checks
