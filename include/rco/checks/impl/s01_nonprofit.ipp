#pragma once

#include "rco/checks/s01_nonprofit.hpp"
#include "rco/checks/support.hpp"

#include <algorithm>

namespace rco::checks {
using namespace rco::detail;

namespace {

inline constexpr rco::message_def status_501c3{"S1.status.501c3", "a 501(c)(3) nonprofit"};
inline constexpr rco::message_def status_501c3_pending{"S1.status.501c3_pending",
                                                       "waiting for its 501(c)(3) application to be decided"};
inline constexpr rco::message_def status_fiscally_sponsored{"S1.status.fiscally_sponsored",
                                                            "fiscally sponsored by another organization"};
inline constexpr rco::message_def status_other_501c{"S1.status.other_501c",
                                                    "tax-exempt under another part of section 501(c), not 501(c)(3)"};
inline constexpr rco::message_def status_for_profit{"S1.status.for_profit", "a for-profit business"};
inline constexpr rco::message_def status_government{"S1.status.government", "a government body"};
inline constexpr rco::message_def status_unincorporated{"S1.status.unincorporated", "an unincorporated group"};
inline constexpr rco::message_def status_other{"S1.status.other",
                                               "neither a 501(c)(3) nonprofit nor fiscally sponsored by one"};

/// A legal status in plain words, for a sentence ("a for-profit business").
message legal_status_phrase(legal_status s) {
    switch (s) {
    case legal_status::exempt_501c3: return msg(status_501c3);
    case legal_status::exempt_501c3_pending: return msg(status_501c3_pending);
    case legal_status::fiscally_sponsored: return msg(status_fiscally_sponsored);
    case legal_status::other_501c: return msg(status_other_501c);
    case legal_status::for_profit: return msg(status_for_profit);
    case legal_status::government: return msg(status_government);
    case legal_status::unincorporated: return msg(status_unincorporated);
    case legal_status::other: return msg(status_other);
    }
    return msg(status_other);
}

bool is_fiscally_sponsored(const organization& o) {
    return o.legal_status == legal_status::fiscally_sponsored;
}

/// A text field that is present and not empty.
bool filled_in(const opt<std::string>& s) {
    return s && !s->empty();
}

/// True for an EIN prefix the IRS assigns: 01–06, 10–16, 20–27, 30–39, 40–48, 50–68,
/// 71–77, 80–88, 90–95, 98–99.
bool irs_assigns_ein_prefix(int p) {
    constexpr int ranges[][2] = {{1, 6},   {10, 16}, {20, 27}, {30, 39}, {40, 48},
                                 {50, 68}, {71, 77}, {80, 88}, {90, 95}, {98, 99}};
    for (const auto& r : ranges)
        if (p >= r[0] && p <= r[1])
            return true;
    return false;
}

/// The nine digits of an EIN written `NN-NNNNNNN` or `NNNNNNNNN`; empty when it is neither.
std::string ein_digits(std::string_view ein) {
    std::string digits;
    if (ein.size() == 10 && ein[2] == '-')
        digits = str(ein.substr(0, 2), ein.substr(3));
    else if (ein.size() == 9)
        digits = std::string(ein);
    else
        return {};
    return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ? digits
                                                                                                  : std::string();
}

/// One EIN's verdict and the sentence that explains it.
struct ein_finding {
    enum { ok, bad, absent } state = absent;
    message sentence;
};

/// The sentences about one EIN (the organization's or its fiscal sponsor's).
struct ein_messages {
    const message_def& absent;     ///< "The organization's EIN is not recorded (organization.ein)."
    const message_def& malformed;  ///< "... EIN \"{ein}\" is not nine digits ..."
    const message_def& bad_prefix; ///< "... EIN {ein} starts with {prefix}, ..."
    const message_def& ok;         ///< "... EIN {ein} has the form NN-NNNNNNN ..."
};

inline constexpr rco::message_def ein_org_absent{"S1.2.organization.not_recorded",
                                                 "The organization's EIN is not recorded (organization.ein)."};
inline constexpr rco::message_def ein_org_malformed{
    "S1.2.organization.malformed", "The organization's EIN \"{ein}\" is not nine digits in the form NN-NNNNNNN."};
inline constexpr rco::message_def ein_org_bad_prefix{
    "S1.2.organization.bad_prefix", "The organization's EIN {ein} starts with {prefix}, a prefix the IRS does not assign."};
inline constexpr rco::message_def ein_org_ok{
    "S1.2.organization.valid",
    "The organization's EIN {ein} has the form NN-NNNNNNN and a prefix the IRS assigns ({prefix})."};
inline constexpr rco::message_def ein_sponsor_absent{
    "S1.2.sponsor.not_recorded", "The fiscal sponsor's EIN is not recorded (organization.fiscal_sponsor.ein)."};
inline constexpr rco::message_def ein_sponsor_malformed{
    "S1.2.sponsor.malformed", "The fiscal sponsor's EIN \"{ein}\" is not nine digits in the form NN-NNNNNNN."};
inline constexpr rco::message_def ein_sponsor_bad_prefix{
    "S1.2.sponsor.bad_prefix", "The fiscal sponsor's EIN {ein} starts with {prefix}, a prefix the IRS does not assign."};
inline constexpr rco::message_def ein_sponsor_ok{
    "S1.2.sponsor.valid",
    "The fiscal sponsor's EIN {ein} has the form NN-NNNNNNN and a prefix the IRS assigns ({prefix})."};

/// Judges one EIN with the sentences of `says`.
ein_finding judge_ein(const opt<std::string>& ein, const ein_messages& says) {
    if (!filled_in(ein))
        return {ein_finding::absent, msg(says.absent)};
    const auto digits = ein_digits(*ein);
    if (digits.empty())
        return {ein_finding::bad, msg(says.malformed, arg("ein", *ein))};
    const auto prefix = digits.substr(0, 2);
    if (!irs_assigns_ein_prefix((prefix[0] - '0') * 10 + (prefix[1] - '0')))
        return {ein_finding::bad, msg(says.bad_prefix, arg("ein", *ein), arg("prefix", prefix))};
    return {ein_finding::ok, msg(says.ok, arg("ein", *ein), arg("prefix", prefix))};
}

inline constexpr rco::message_def parent_plain{"S1.4.parent", "a parent organization"};
inline constexpr rco::message_def parent_with{"S1.4.parent_with", "a parent organization ({details})"};
inline constexpr rco::message_def parent_name{"S1.4.parent_name", "{name}"};
inline constexpr rco::message_def parent_treatment_provider{"S1.4.parent_type.treatment_provider",
                                                            "a treatment provider"};
inline constexpr rco::message_def parent_health_system{"S1.4.parent_type.health_system", "a health system"};
inline constexpr rco::message_def parent_government{"S1.4.parent_type.government", "a government agency"};

/// The parent organization for a sentence: "a parent organization (Lakeside Health, a health system)".
message parent_phrase(const parent_organization& p) {
    std::vector<message> parts;
    if (filled_in(p.name))
        parts.push_back(msg(parent_name, arg("name", *p.name)));
    if (p.type) {
        switch (*p.type) {
        case parent_type::treatment_provider: parts.push_back(msg(parent_treatment_provider)); break;
        case parent_type::health_system: parts.push_back(msg(parent_health_system)); break;
        case parent_type::government: parts.push_back(msg(parent_government)); break;
        case parent_type::other: break;
        }
    }
    if (parts.empty())
        return msg(parent_plain);
    return msg(parent_with, arg("details", std::move(parts), list_style::commas));
}

inline constexpr rco::message_def form_named{"S1.5.form", "Form {form}"};

/// "Form 990", "Form 990-EZ", "Form 990-N".
message form_name(filing_form f) {
    return msg(form_named, arg("form", to_string(f)));
}

inline constexpr rco::message_def status_not_recorded{
    "S1.1.not_recorded", "The organization's legal status is not recorded (organization.legal_status)."};
inline constexpr rco::message_def status_exempt{
    "S1.1.exempt", "The organization is recorded as a 501(c)(3) nonprofit (legal_status 501c3)."};
inline constexpr rco::message_def status_pending{
    "S1.1.pending",
    "The organization's 501(c)(3) application is pending (legal_status 501c3_pending), so it does not have "
    "501(c)(3) status yet. As an emerging RCO it may be able to get conditional certification; ask your certifying "
    "body."};
inline constexpr rco::message_def status_sponsor_not_recorded{
    "S1.1.sponsor_status_not_recorded", "The organization is fiscally sponsored, but the sponsor's legal status is not "
                                        "recorded (organization.fiscal_sponsor.legal_status)."};
inline constexpr rco::message_def status_sponsor_named{"S1.1.sponsor_named", "its fiscal sponsor, {name},"};
inline constexpr rco::message_def status_sponsor{"S1.1.sponsor", "its fiscal sponsor"};
inline constexpr rco::message_def status_sponsor_exempt{
    "S1.1.sponsor_exempt", "The organization is fiscally sponsored, and {sponsor} is a 501(c)(3) nonprofit."};
inline constexpr rco::message_def status_sponsor_not_exempt{
    "S1.1.sponsor_not_exempt", "The organization is fiscally sponsored, but {sponsor} is {phrase} (legal_status "
                               "{status}); a fiscal sponsor must be a 501(c)(3) nonprofit."};
inline constexpr rco::message_def status_not_exempt{
    "S1.1.not_exempt", "The organization is recorded as {phrase} (legal_status {status}); an RCO must be a 501(c)(3) "
                       "nonprofit or be fiscally sponsored by one."};

inline constexpr rco::message_def sponsorship_status_not_recorded{
    "S1.3.status_not_recorded", "The organization's legal status is not recorded (organization.legal_status), so it "
                                "is not known whether it has a fiscal sponsor."};
inline constexpr rco::message_def sponsorship_not_sponsored{
    "S1.3.not_sponsored",
    "The organization is not fiscally sponsored (legal_status {status}), so there is no sponsorship to document."};
inline constexpr rco::message_def sponsorship_no_sponsor{
    "S1.3.no_sponsor", "The organization is fiscally sponsored, but no fiscal sponsor is recorded "
                       "(organization.fiscal_sponsor: name, ein, agreement and determination_letter)."};
inline constexpr rco::message_def sponsorship_lacks_name{"S1.3.lacking.name", "the sponsor's name (name)"};
inline constexpr rco::message_def sponsorship_lacks_ein{"S1.3.lacking.ein", "the sponsor's EIN (ein)"};
inline constexpr rco::message_def sponsorship_lacks_agreement{"S1.3.lacking.agreement",
                                                              "the signed sponsorship agreement (agreement)"};
inline constexpr rco::message_def sponsorship_lacks_letter{
    "S1.3.lacking.determination_letter", "the sponsor's IRS determination letter (determination_letter)"};
inline constexpr rco::message_def sponsorship_documented{
    "S1.3.documented", "The fiscal sponsorship is documented: the sponsor's name and EIN, the signed agreement "
                       "({agreement}) and the sponsor's IRS determination letter ({letter}) are recorded."};
inline constexpr rco::message_def sponsorship_lacking{
    "S1.3.lacking", "The fiscal sponsorship is not fully documented; not recorded: {lacking}."};

inline constexpr rco::message_def autonomy_not_recorded{
    "S1.4.not_recorded", "The organization section is not recorded, so its parent organization, fiscal sponsor and "
                         "the areas its own board decides are unknown (organization)."};
inline constexpr rco::message_def autonomy_has_parent{"S1.4.has_parent", "has {parent}"};
inline constexpr rco::message_def autonomy_sponsored{"S1.4.fiscally_sponsored", "is fiscally sponsored"};
inline constexpr rco::message_def autonomy_line_7b{
    "S1.4.line_7b",
    "answered yes on its annual return to Form 990 Part VI line 7b (decisions subject to approval by others)"};
inline constexpr rco::message_def autonomy_line_7b_years{
    "S1.4.line_7b_years",
    "answered yes on its annual return for tax year {years} to Form 990 Part VI line 7b (decisions subject to "
    "approval by others)",
    "answered yes on its annual return for tax years {years} to Form 990 Part VI line 7b (decisions subject to "
    "approval by others)",
    "count"};
inline constexpr rco::message_def autonomy_independent{
    "S1.4.independent", "The organization is independent: it has no parent organization, is not fiscally sponsored, "
                        "and no annual return says its decisions are subject to approval by others."};
inline constexpr rco::message_def autonomy_organization{"S1.4.organization", "The organization {reasons}."};
inline constexpr rco::message_def autonomy_areas_not_recorded{
    "S1.4.areas_not_recorded", "The areas its own board decides are not recorded (organization.autonomy)."};
inline constexpr rco::message_def autonomy_decides_all{
    "S1.4.decides_all",
    "Its own board decides all six areas: policies, advocacy, staffing, budget, finances and programs."};
inline constexpr rco::message_def autonomy_decides_none{"S1.4.decides_none",
                                                        "Its own board decides none of the six areas; it does not "
                                                        "decide {areas}."};
inline constexpr rco::message_def autonomy_decides_some{
    "S1.4.decides_some", "Its own board decides {decided} of the six areas; it does not decide {areas}."};
inline constexpr rco::message_def autonomy_line_7b_fails{
    "S1.4.line_7b_fails", "A yes on line 7b is a fail unless the organization's own board decides all six areas."};
inline constexpr rco::message_def area_policies{"S1.4.area.policies", "policies"};
inline constexpr rco::message_def area_advocacy{"S1.4.area.advocacy", "advocacy"};
inline constexpr rco::message_def area_staffing{"S1.4.area.staffing", "staffing"};
inline constexpr rco::message_def area_budget{"S1.4.area.budget", "budget"};
inline constexpr rco::message_def area_finances{"S1.4.area.finances", "finances"};
inline constexpr rco::message_def area_programs{"S1.4.area.programs", "programs"};

const message_def& area_word(autonomy_area a) {
    switch (a) {
    case autonomy_area::policies: return area_policies;
    case autonomy_area::advocacy: return area_advocacy;
    case autonomy_area::staffing: return area_staffing;
    case autonomy_area::budget: return area_budget;
    case autonomy_area::finances: return area_finances;
    case autonomy_area::programs: return area_programs;
    }
    return area_policies;
}

inline constexpr rco::message_def filing_pending{
    "S1.5.pending", "The organization's 501(c)(3) application is pending, so no annual return is expected yet."};
inline constexpr rco::message_def filing_none_recorded{
    "S1.5.none_recorded", "No annual IRS returns are recorded (filings: form and tax_year of each return)."};
inline constexpr rco::message_def filing_expected{
    "S1.5.expected", "a return for tax year {oldest_year} or later (at most {count} year before {review_year}) is expected.",
    "a return for tax year {oldest_year} or later (at most {count} years before {review_year}) is expected.", "count"};
inline constexpr rco::message_def filing_empty{
    "S1.5.empty", "The filings list is empty: no annual return (Form 990, 990-EZ or 990-N) is recorded; {expected}"};
inline constexpr rco::message_def filing_one_not_return{
    "S1.5.one_not_return", "The one recorded filing is not a Form 990, 990-EZ or 990-N with a tax year; {expected}"};
inline constexpr rco::message_def filing_none_return{
    "S1.5.none_return",
    "None of the {count} recorded filings is a Form 990, 990-EZ or 990-N with a tax year; {expected}"};
inline constexpr rco::message_def filing_latest{"S1.5.latest",
                                                "The latest annual return is a {form} for tax year {year}; {expected}"};

} // namespace

outcome nonprofit_status(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o || !o->legal_status)
        return missing(msg(status_not_recorded), {"/organization/legal_status"});
    switch (*o->legal_status) {
    case legal_status::exempt_501c3:
        return pass(msg(status_exempt), {"/organization/legal_status"});
    case legal_status::exempt_501c3_pending:
        return fail(msg(status_pending), {"/organization/legal_status"});
    case legal_status::fiscally_sponsored: {
        const pointer_list pointers{"/organization/legal_status",
                                                "/organization/fiscal_sponsor/legal_status"};
        if (!o->fiscal_sponsor || !o->fiscal_sponsor->legal_status)
            return missing(msg(status_sponsor_not_recorded), pointers);
        const auto& sp = *o->fiscal_sponsor;
        auto sponsor = filled_in(sp.name) ? msg(status_sponsor_named, arg("name", *sp.name)) : msg(status_sponsor);
        if (*sp.legal_status == legal_status::exempt_501c3)
            return pass(msg(status_sponsor_exempt, arg("sponsor", std::move(sponsor))), pointers);
        return fail(msg(status_sponsor_not_exempt, arg("sponsor", std::move(sponsor)),
                        arg("phrase", legal_status_phrase(*sp.legal_status)),
                        arg("status", to_string(*sp.legal_status))),
                    pointers);
    }
    default:
        return fail(msg(status_not_exempt, arg("phrase", legal_status_phrase(*o->legal_status)),
                        arg("status", to_string(*o->legal_status))),
                    {"/organization/legal_status"});
    }
}

outcome ein_valid(const check_context& ctx) {
    static constexpr ein_messages organization_ein{ein_org_absent, ein_org_malformed, ein_org_bad_prefix, ein_org_ok};
    static constexpr ein_messages sponsor_ein{ein_sponsor_absent, ein_sponsor_malformed, ein_sponsor_bad_prefix,
                                              ein_sponsor_ok};
    const auto& o = ctx.rec.organization;
    if (!o)
        return missing(msg(ein_org_absent), {"/organization/ein"});
    std::vector<ein_finding> findings{judge_ein(o->ein, organization_ein)};
    pointer_list pointers{"/organization/ein"};
    if (is_fiscally_sponsored(*o)) {
        findings.push_back(judge_ein(o->fiscal_sponsor ? o->fiscal_sponsor->ein : std::nullopt, sponsor_ein));
        pointers.push_back("/organization/fiscal_sponsor/ein");
    }
    std::vector<message> said;
    bool bad = false, absent = false;
    for (auto& f : findings) {
        said.push_back(std::move(f.sentence));
        bad = bad || f.state == ein_finding::bad;
        absent = absent || f.state == ein_finding::absent;
    }
    auto text = said.size() == 1 ? std::move(said.front()) : sentences(std::move(said));
    if (bad)
        return fail(std::move(text), pointers);
    if (absent)
        return missing(std::move(text), pointers);
    return pass(std::move(text), pointers);
}

outcome sponsor_agreement(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o || !o->legal_status)
        return missing(msg(sponsorship_status_not_recorded), {"/organization/legal_status"});
    if (!is_fiscally_sponsored(*o))
        return not_applicable(msg(sponsorship_not_sponsored, arg("status", to_string(*o->legal_status))),
                              {"/organization/legal_status"});
    if (!o->fiscal_sponsor)
        return missing(msg(sponsorship_no_sponsor), {"/organization/legal_status", "/organization/fiscal_sponsor"});
    const auto& sp = *o->fiscal_sponsor;
    const pointer_list pointers{"/organization/fiscal_sponsor/name", "/organization/fiscal_sponsor/ein",
                                            "/organization/fiscal_sponsor/agreement",
                                            "/organization/fiscal_sponsor/determination_letter"};
    std::vector<message> lacking;
    if (!filled_in(sp.name))
        lacking.push_back(msg(sponsorship_lacks_name));
    if (!filled_in(sp.ein))
        lacking.push_back(msg(sponsorship_lacks_ein));
    if (!filled_in(sp.agreement))
        lacking.push_back(msg(sponsorship_lacks_agreement));
    if (!filled_in(sp.determination_letter))
        lacking.push_back(msg(sponsorship_lacks_letter));
    if (lacking.empty())
        return pass(msg(sponsorship_documented, arg("agreement", *sp.agreement),
                        arg("letter", *sp.determination_letter)),
                    pointers);
    return fail(msg(sponsorship_lacking, arg("lacking", std::move(lacking))), pointers);
}

outcome governing_autonomy(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o)
        return missing(msg(autonomy_not_recorded), {"/organization"});
    std::vector<message> reasons;
    if (o->parent)
        reasons.push_back(msg(autonomy_has_parent, arg("parent", parent_phrase(*o->parent))));
    if (is_fiscally_sponsored(*o))
        reasons.push_back(msg(autonomy_sponsored));
    std::vector<std::int64_t> years;
    bool flagged = false;
    if (ctx.rec.filings)
        for (const auto& f : *ctx.rec.filings)
            if (f.decisions_subject_to_approval.value_or(false)) {
                flagged = true;
                if (f.tax_year && !contains(years, *f.tax_year))
                    years.push_back(*f.tax_year);
            }
    if (flagged) {
        std::sort(years.begin(), years.end());
        std::vector<std::string> ys;
        for (auto y : years)
            ys.push_back(str(y));
        const auto n_years = ys.size();
        reasons.push_back(ys.empty() ? msg(autonomy_line_7b)
                                     : msg(autonomy_line_7b_years, arg("count", n_years), arg("years", std::move(ys))));
    }
    pointer_list pointers{"/organization/parent", "/organization/legal_status", "/filings"};
    if (reasons.empty())
        return not_applicable(msg(autonomy_independent), pointers);
    pointers.push_back("/organization/autonomy");
    std::vector<message> said;
    said.push_back(msg(autonomy_organization, arg("reasons", std::move(reasons))));
    if (!o->autonomy) {
        said.push_back(msg(autonomy_areas_not_recorded));
        return missing(sentences(std::move(said)), pointers);
    }
    std::vector<message> absent;
    for (const auto& [area, name] : enum_names<autonomy_area>::table)
        if (!contains(*o->autonomy, area))
            absent.push_back(msg(area_word(area)));
    if (absent.empty()) {
        said.push_back(msg(autonomy_decides_all));
        return pass(sentences(std::move(said)), pointers);
    }
    const auto decided = 6 - static_cast<std::int64_t>(absent.size());
    said.push_back(decided == 0 ? msg(autonomy_decides_none, arg("areas", std::move(absent)))
                                : msg(autonomy_decides_some, arg("decided", decided), arg("areas", std::move(absent))));
    if (flagged)
        said.push_back(msg(autonomy_line_7b_fails));
    return fail(sentences(std::move(said)), pointers);
}

outcome annual_filing_current(const check_context& ctx) {
    const auto max_age = ctx.integer("max_filing_age_years");
    const auto& o = ctx.rec.organization;
    if (o && o->legal_status == legal_status::exempt_501c3_pending)
        return not_applicable(msg(filing_pending), {"/organization/legal_status"});
    const auto& filings = ctx.rec.filings;
    const pointer_list pointers{"/filings", "/organization/legal_status"};
    if (!filings)
        return missing(msg(filing_none_recorded), pointers);
    const std::int64_t review_year = static_cast<int>(ctx.as_of.year());
    const wide_int oldest = wide_int{review_year} - max_age; // cannot wrap, whatever the parameter
    auto expected = msg(filing_expected, wide_arg("oldest_year", oldest), arg("count", max_age),
                        arg("review_year", review_year));
    std::optional<std::size_t> latest;
    for (std::size_t i = 0; i < filings->size(); ++i) {
        const auto& f = (*filings)[i];
        if (!f.form || *f.form == filing_form::f990_pf || !f.tax_year)
            continue;
        if (!latest || *f.tax_year > *(*filings)[*latest].tax_year)
            latest = i;
    }
    if (!latest) {
        if (filings->empty())
            return fail(msg(filing_empty, arg("expected", std::move(expected))), pointers);
        return fail(filings->size() == 1
                        ? msg(filing_one_not_return, arg("expected", std::move(expected)))
                        : msg(filing_none_return, arg("count", filings->size()), arg("expected", std::move(expected))),
                    pointers);
    }
    const auto& f = (*filings)[*latest];
    return pass_if(*f.tax_year >= oldest,
                   msg(filing_latest, arg("form", form_name(*f.form)), arg("year", *f.tax_year),
                       arg("expected", std::move(expected))),
                   pointers);
}

} // namespace rco::checks
