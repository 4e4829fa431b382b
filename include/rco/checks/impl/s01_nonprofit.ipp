#pragma once

#include "rco/checks/s01_nonprofit.hpp"
#include "rco/checks/support.hpp"

#include <algorithm>

namespace rco::checks {
using namespace rco::detail;

namespace {

/// A legal status in plain words, for a sentence ("a for-profit business").
std::string legal_status_phrase(legal_status s) {
    switch (s) {
    case legal_status::exempt_501c3:
        return "a 501(c)(3) nonprofit";
    case legal_status::exempt_501c3_pending:
        return "waiting for its 501(c)(3) application to be decided";
    case legal_status::fiscally_sponsored:
        return "fiscally sponsored by another organization";
    case legal_status::other_501c:
        return "tax-exempt under another part of section 501(c), not 501(c)(3)";
    case legal_status::for_profit:
        return "a for-profit business";
    case legal_status::government:
        return "a government body";
    case legal_status::unincorporated:
        return "an unincorporated group";
    case legal_status::other:
        return "neither a 501(c)(3) nonprofit nor fiscally sponsored by one";
    }
    return "of an unknown legal status";
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
    std::string sentence;
};

/// Judges one EIN; `whose` is "The organization's" or "The fiscal sponsor's", `field`
/// the record field to name when it is missing.
ein_finding judge_ein(const opt<std::string>& ein, std::string_view whose, std::string_view field) {
    if (!filled_in(ein))
        return {ein_finding::absent, str(whose, " EIN is not recorded (", field, ").")};
    const auto digits = ein_digits(*ein);
    if (digits.empty())
        return {ein_finding::bad, str(whose, " EIN \"", *ein, "\" is not nine digits in the form NN-NNNNNNN.")};
    const auto prefix = digits.substr(0, 2);
    if (!irs_assigns_ein_prefix((prefix[0] - '0') * 10 + (prefix[1] - '0')))
        return {ein_finding::bad,
                str(whose, " EIN ", *ein, " starts with ", prefix, ", a prefix the IRS does not assign.")};
    return {ein_finding::ok,
            str(whose, " EIN ", *ein, " has the form NN-NNNNNNN and a prefix the IRS assigns (", prefix, ").")};
}

/// The parent organization for a sentence: "a parent organization (Lakeside Health, a health system)".
std::string parent_phrase(const parent_organization& p) {
    std::vector<std::string> parts;
    if (filled_in(p.name))
        parts.push_back(*p.name);
    if (p.type) {
        switch (*p.type) {
        case parent_type::treatment_provider:
            parts.emplace_back("a treatment provider");
            break;
        case parent_type::health_system:
            parts.emplace_back("a health system");
            break;
        case parent_type::government:
            parts.emplace_back("a government agency");
            break;
        case parent_type::other:
            break;
        }
    }
    std::string out = "a parent organization";
    if (!parts.empty()) {
        out += " (";
        for (std::size_t i = 0; i < parts.size(); ++i)
            out += (i > 0 ? ", " : "") + parts[i];
        out += ")";
    }
    return out;
}

/// "Form 990", "Form 990-EZ", "Form 990-N".
std::string form_name(filing_form f) {
    return str("Form ", to_string(f));
}

} // namespace

outcome nonprofit_status(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o || !o->legal_status)
        return missing("The organization's legal status is not recorded (organization.legal_status).",
                       {"/organization/legal_status"});
    switch (*o->legal_status) {
    case legal_status::exempt_501c3:
        return pass("The organization is recorded as a 501(c)(3) nonprofit (legal_status 501c3).",
                    {"/organization/legal_status"});
    case legal_status::exempt_501c3_pending:
        return fail("The organization's 501(c)(3) application is pending (legal_status 501c3_pending), so it does not "
                    "have 501(c)(3) status yet. As an emerging RCO it may be able to get conditional certification; "
                    "ask your certifying body.",
                    {"/organization/legal_status"});
    case legal_status::fiscally_sponsored: {
        const std::vector<std::string> pointers{"/organization/legal_status",
                                                "/organization/fiscal_sponsor/legal_status"};
        if (!o->fiscal_sponsor || !o->fiscal_sponsor->legal_status)
            return missing("The organization is fiscally sponsored, but the sponsor's legal status is not recorded "
                           "(organization.fiscal_sponsor.legal_status).",
                           pointers);
        const auto& sp = *o->fiscal_sponsor;
        const auto sponsor =
            filled_in(sp.name) ? str("its fiscal sponsor, ", *sp.name, ",") : std::string("its fiscal sponsor");
        if (*sp.legal_status == legal_status::exempt_501c3)
            return pass(str("The organization is fiscally sponsored, and ", sponsor, " is a 501(c)(3) nonprofit."),
                        pointers);
        return fail(str("The organization is fiscally sponsored, but ", sponsor, " is ",
                        legal_status_phrase(*sp.legal_status), " (legal_status ", to_string(*sp.legal_status),
                        "); a fiscal sponsor must be a 501(c)(3) nonprofit."),
                    pointers);
    }
    default:
        return fail(str("The organization is recorded as ", legal_status_phrase(*o->legal_status), " (legal_status ",
                        to_string(*o->legal_status),
                        "); an RCO must be a 501(c)(3) nonprofit or be fiscally sponsored by one."),
                    {"/organization/legal_status"});
    }
}

outcome ein_valid(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o)
        return missing("The organization's EIN is not recorded (organization.ein).", {"/organization/ein"});
    std::vector<ein_finding> findings{judge_ein(o->ein, "The organization's", "organization.ein")};
    std::vector<std::string> pointers{"/organization/ein"};
    if (is_fiscally_sponsored(*o)) {
        findings.push_back(judge_ein(o->fiscal_sponsor ? o->fiscal_sponsor->ein : std::nullopt, "The fiscal sponsor's",
                                     "organization.fiscal_sponsor.ein"));
        pointers.emplace_back("/organization/fiscal_sponsor/ein");
    }
    std::string text;
    bool bad = false, absent = false;
    for (const auto& f : findings) {
        text += (text.empty() ? "" : " ") + f.sentence;
        bad = bad || f.state == ein_finding::bad;
        absent = absent || f.state == ein_finding::absent;
    }
    if (bad)
        return fail(text, pointers);
    if (absent)
        return missing(text, pointers);
    return pass(text, pointers);
}

outcome sponsor_agreement(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o || !o->legal_status)
        return missing("The organization's legal status is not recorded (organization.legal_status), so it is not "
                       "known whether it has a fiscal sponsor.",
                       {"/organization/legal_status"});
    if (!is_fiscally_sponsored(*o))
        return not_applicable(str("The organization is not fiscally sponsored (legal_status ",
                                  to_string(*o->legal_status), "), so there is no sponsorship to document."),
                              {"/organization/legal_status"});
    if (!o->fiscal_sponsor)
        return missing("The organization is fiscally sponsored, but no fiscal sponsor is recorded "
                       "(organization.fiscal_sponsor: name, ein, agreement and determination_letter).",
                       {"/organization/legal_status", "/organization/fiscal_sponsor"});
    const auto& sp = *o->fiscal_sponsor;
    const std::vector<std::string> pointers{"/organization/fiscal_sponsor/name", "/organization/fiscal_sponsor/ein",
                                            "/organization/fiscal_sponsor/agreement",
                                            "/organization/fiscal_sponsor/determination_letter"};
    std::vector<std::string> lacking;
    if (!filled_in(sp.name))
        lacking.emplace_back("the sponsor's name (name)");
    if (!filled_in(sp.ein))
        lacking.emplace_back("the sponsor's EIN (ein)");
    if (!filled_in(sp.agreement))
        lacking.emplace_back("the signed sponsorship agreement (agreement)");
    if (!filled_in(sp.determination_letter))
        lacking.emplace_back("the sponsor's IRS determination letter (determination_letter)");
    if (lacking.empty())
        return pass(str("The fiscal sponsorship is documented: the sponsor's name and EIN, the signed agreement (",
                        *sp.agreement, ") and the sponsor's IRS determination letter (", *sp.determination_letter,
                        ") are recorded."),
                    pointers);
    return fail(str("The fiscal sponsorship is not fully documented; not recorded: ", join_words(lacking), "."),
                pointers);
}

outcome governing_autonomy(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    if (!o)
        return missing("The organization section is not recorded, so its parent organization, fiscal sponsor and "
                       "the areas its own board decides are unknown (organization).",
                       {"/organization"});
    std::vector<std::string> reasons;
    if (o->parent)
        reasons.push_back(str("has ", parent_phrase(*o->parent)));
    if (is_fiscally_sponsored(*o))
        reasons.emplace_back("is fiscally sponsored");
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
        reasons.push_back(
            str("answered yes on its annual return",
                ys.empty() ? std::string() : str(" for tax ", ys.size() == 1 ? "year " : "years ", join_words(ys)),
                " to Form 990 Part VI line 7b (decisions subject to approval by others)"));
    }
    std::vector<std::string> pointers{"/organization/parent", "/organization/legal_status", "/filings"};
    if (reasons.empty())
        return not_applicable("The organization is independent: it has no parent organization, is not fiscally "
                              "sponsored, and no annual return says its decisions are subject to approval by others.",
                              pointers);
    pointers.emplace_back("/organization/autonomy");
    auto text = str("The organization ", join_words(reasons), ".");
    if (!o->autonomy)
        return missing(text + " The areas its own board decides are not recorded (organization.autonomy).", pointers);
    std::vector<std::string> absent;
    for (const auto& [area, name] : enum_names<autonomy_area>::table)
        if (!contains(*o->autonomy, area))
            absent.emplace_back(name);
    if (absent.empty())
        return pass(text + " Its own board decides all six areas: policies, advocacy, staffing, budget, finances and "
                           "programs.",
                    pointers);
    const auto decided = 6 - static_cast<std::int64_t>(absent.size());
    text += decided == 0 ? std::string(" Its own board decides none of the six areas")
                         : str(" Its own board decides ", decided, " of the six areas");
    text += str("; it does not decide ", join_words(absent), ".");
    if (flagged)
        text += " A yes on line 7b is a fail unless the organization's own board decides all six areas.";
    return fail(text, pointers);
}

outcome annual_filing_current(const check_context& ctx) {
    const auto max_age = ctx.integer("max_filing_age_years");
    const auto& o = ctx.rec.organization;
    if (o && o->legal_status == legal_status::exempt_501c3_pending)
        return not_applicable("The organization's 501(c)(3) application is pending, so no annual return is expected "
                              "yet.",
                              {"/organization/legal_status"});
    const auto& filings = ctx.rec.filings;
    const std::vector<std::string> pointers{"/filings", "/organization/legal_status"};
    if (!filings)
        return missing("No annual IRS returns are recorded (filings: form and tax_year of each return).", pointers);
    const std::int64_t review_year = static_cast<int>(ctx.as_of.year());
    const wide_int oldest = wide_int{review_year} - max_age; // cannot wrap, whatever the parameter
    const auto expected = str("a return for tax year ", decimal(oldest), " or later (at most ",
                              count_of(max_age, "year", "years"), " before ", review_year, ") is expected.");
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
            return fail("The filings list is empty: no annual return (Form 990, 990-EZ or 990-N) is recorded; " +
                            expected,
                        pointers);
        return fail(str(filings->size() == 1 ? std::string("The one recorded filing is not")
                                             : str("None of the ", filings->size(), " recorded filings is"),
                        " a Form 990, 990-EZ or 990-N with a tax year; ", expected),
                    pointers);
    }
    const auto& f = (*filings)[*latest];
    auto text =
        str("The latest annual return is a ", form_name(*f.form), " for tax year ", *f.tax_year, "; ", expected);
    return *f.tax_year >= oldest ? pass(text, pointers) : fail(text, pointers);
}

} // namespace rco::checks
