#pragma once

#include "rco/arithmetic.hpp"
#include "rco/audit.hpp"
#include "rco/checks/support.hpp"
#include "rco/review.hpp"

#include <algorithm>
#include <cctype>

namespace rco {

std::string_view to_code(evidence_code e) noexcept {
    switch (e) {
    case evidence_code::documents: return "D";
    case evidence_code::observations: return "O";
    case evidence_code::interviews: return "I";
    case evidence_code::surveys: return "S";
    case evidence_code::tracers: return "T";
    }
    return "D";
}

std::string_view to_string(evidence_code e) noexcept {
    switch (e) {
    case evidence_code::documents: return "documents";
    case evidence_code::observations: return "observations";
    case evidence_code::interviews: return "interviews";
    case evidence_code::surveys: return "surveys";
    case evidence_code::tracers: return "tracers";
    }
    return "documents";
}

std::optional<evidence_code> parse_evidence_code(std::string_view code) noexcept {
    for (auto e : {evidence_code::documents, evidence_code::observations, evidence_code::interviews,
                   evidence_code::surveys, evidence_code::tracers})
        if (code == to_code(e))
            return e;
    return std::nullopt;
}

std::string_view to_string(verdict v) noexcept {
    switch (v) {
    case verdict::satisfied: return "satisfied";
    case verdict::not_satisfied: return "not_satisfied";
    case verdict::not_applicable: return "not_applicable";
    }
    return "satisfied";
}

std::optional<verdict> parse_verdict(std::string_view s) noexcept {
    for (auto v : {verdict::satisfied, verdict::not_satisfied, verdict::not_applicable})
        if (s == to_string(v))
            return v;
    return std::nullopt;
}

std::string_view to_string(finding f) noexcept {
    switch (f) {
    case finding::exceeds: return "exceeds";
    case finding::meets: return "meets";
    case finding::requires_improvement: return "requires_improvement";
    }
    return "meets";
}

std::optional<finding> parse_finding(std::string_view s) noexcept {
    for (auto f : {finding::exceeds, finding::meets, finding::requires_improvement})
        if (s == to_string(f))
            return f;
    return std::nullopt;
}

const parameter_spec* accreditation_rules::find_parameter(std::string_view name) const noexcept {
    for (const auto& p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

std::string score_mean::text() const {
    if (count <= 0)
        return "0.00";
    // hundredths = round_half_up(100 * sum / count); sums of 0-2 scores are small.
    const long long h = (200LL * sum + count) / (2LL * count);
    std::string frac = std::to_string(h % 100);
    return std::to_string(h / 100) + "." + (frac.size() < 2 ? "0" : "") + frac;
}

bool score_mean::at_least(std::int64_t hundredths) const noexcept {
    return count > 0 && share_at_least(sum, count, hundredths, 100);
}

namespace {

status resolved_status(verdict v) noexcept {
    switch (v) {
    case verdict::satisfied: return status::pass;
    case verdict::not_satisfied: return status::fail;
    case verdict::not_applicable: return status::not_applicable;
    }
    return status::manual_review;
}

std::string located(const source_location& w) {
    std::string s = w.file;
    if (w.line)
        s += ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
    if (!w.cell.empty())
        s += ": " + w.cell;
    if (!w.pointer.empty())
        s += " (at " + w.pointer + ")";
    return s;
}

inline constexpr rco::message_def evidence_documents{"review.evidence.documents", "documents"};
inline constexpr rco::message_def evidence_observations{"review.evidence.observations", "observations"};
inline constexpr rco::message_def evidence_interviews{"review.evidence.interviews", "interviews"};
inline constexpr rco::message_def evidence_surveys{"review.evidence.surveys", "surveys"};
inline constexpr rco::message_def evidence_tracers{"review.evidence.tracers", "tracers"};

/// An evidence code in words ("documents").
const message_def& evidence_word(evidence_code e) noexcept {
    switch (e) {
    case evidence_code::documents: return evidence_documents;
    case evidence_code::observations: return evidence_observations;
    case evidence_code::interviews: return evidence_interviews;
    case evidence_code::surveys: return evidence_surveys;
    case evidence_code::tracers: return evidence_tracers;
    }
    return evidence_documents;
}

std::string folded(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

inline constexpr rco::message_def review_verdict_by{"review.verdict_by", "{reviewer} on {date}{evidence}."};
inline constexpr rco::message_def review_verdict_by_note{"review.verdict_by_note", "{reviewer} on {date}{evidence}: {note}."};
inline constexpr rco::message_def review_on_evidence{"review.on_evidence", ", on {evidence}"};
inline constexpr rco::message_def review_according_to{"review.according_to", "{verdict} according to {reviewer}"};
inline constexpr rco::message_def review_disagree{
    "review.disagree", "Reviewers disagree; the accreditation committee must settle it: {verdicts} {automatic}"};
inline constexpr rco::message_def review_overridden{"review.overridden",
                                               "Overridden by a reviewer: {verdict}, decided by {verdicts} {automatic}",
                                               "Overridden by reviewers: {verdict}, decided by {verdicts} {automatic}",
                                               "count"};
inline constexpr rco::message_def review_decided{"review.decided", "Decided by a reviewer: {verdict}, by {verdicts} {automatic}",
                                            "Decided by reviewers: {verdict}, by {verdicts} {automatic}", "count"};
inline constexpr rco::message_def review_automatic{"review.automatic", "The automatic check said ({status}): {explanation}"};

/// "Ana Ruiz (peer reviewer) on 2026-07-15, on documents and interviews: why." The
/// reviewer's label and role are the review's text; a note's closing period is the pattern's.
message describe_verdict(const reviewer_verdict& v) {
    using detail::arg;
    std::vector<message> evidence; // none, or ", on documents and interviews"
    if (!v.evidence.empty()) {
        std::vector<message> words;
        for (auto e : v.evidence)
            words.push_back(detail::msg(evidence_word(e)));
        evidence.push_back(detail::msg(review_on_evidence, arg("evidence", std::move(words))));
    }
    auto reviewer = v.reviewer + (v.role.empty() ? "" : " (" + v.role + ")");
    if (v.note.empty())
        return detail::msg(review_verdict_by, arg("reviewer", std::move(reviewer)), arg("date", v.date),
                           arg("evidence", std::move(evidence)));
    const std::string_view note = v.note.back() == '.' ? std::string_view(v.note).substr(0, v.note.size() - 1) : v.note;
    return detail::msg(review_verdict_by_note, arg("reviewer", std::move(reviewer)), arg("date", v.date),
                       arg("evidence", std::move(evidence)), arg("note", note));
}

std::int64_t accreditation_parameter(const catalog& cat, const tailoring& tailor, std::string_view name) {
    if (auto it = tailor.accreditation.find(name); it != tailor.accreditation.end())
        if (const auto* i = std::get_if<std::int64_t>(&it->second))
            return *i;
    if (const auto* spec = cat.accreditation.find_parameter(name))
        if (const auto* i = std::get_if<std::int64_t>(&spec->default_value))
            return *i;
    throw audit_error("rules/accreditation.json has no whole-number parameter '" + std::string(name) + "'");
}

} // namespace

namespace detail {

inline constexpr rco::message_def review_other_ein{"review.mismatch.ein",
                                                   "the review is about EIN {review}, but the record's EIN is {record}: a "
                                                   "review must match the organization it is applied to"};
inline constexpr rco::message_def review_no_organization{"review.mismatch.no_organization",
                                                         "the review names no organization (give its \"ein\")"};
inline constexpr rco::message_def record_no_organization{"review.mismatch.record_no_organization",
                                                         "the record names no organization to match the review against"};
inline constexpr rco::message_def review_other_name{"review.mismatch.name",
                                                    "the review is about \"{review}\", but the record is about "
                                                    "\"{record}\" (and one of them gives no EIN to compare)"};
inline constexpr rco::message_def review_unknown_check{"review.unknown_check", "unknown check \"{id}\""};
inline constexpr rco::message_def review_needs_note{"review.needs_note",
                                                    "a judgment on {check}, which the automatic check decided "
                                                    "({status}), overrides it and needs a \"note\" saying why [{check}]"};
inline constexpr rco::message_def review_in_cell{"review.in_cell", "{cell}: {message}"};

/// Why `rv` is not about the organization `rec` records, or nullopt when it is: the EINs
/// differ (compared by their digits), or, when either gives no EIN, the names differ
/// (compared without case and spaces).
std::optional<message> organization_mismatch(const review& rv, const record& rec) {
    const std::string rec_ein = rec.organization ? rec.organization->ein.value_or("") : "";
    const std::string rec_name = rec.organization ? rec.organization->name.value_or("") : "";
    if (!rec_ein.empty() && !rv.organization_ein.empty()) {
        if (detail::ein_key(rec_ein) != detail::ein_key(rv.organization_ein))
            return message{&review_other_ein, {{"review", rv.organization_ein}, {"record", rec_ein}}};
        return std::nullopt;
    }
    if (rv.organization_ein.empty() && rv.organization_name.empty())
        return message{&review_no_organization, {}};
    if (rec_ein.empty() && rec_name.empty())
        return message{&record_no_organization, {}};
    if (folded(rv.organization_name) != folded(rec_name))
        return message{&review_other_name, {{"review", rv.organization_name}, {"record", rec_name}}};
    return std::nullopt;
}

} // namespace detail

bool review_matches(const review& rv, const record& rec) { return !detail::organization_mismatch(rv, rec); }

std::vector<diagnostic> check_reviews(const audit_result& automatic, const record& rec,
                                      const std::vector<review>& reviews) {
    std::vector<diagnostic> out;
    auto error = [&](const source_location& w, message m) {
        if (!w.cell.empty())
            m = {&detail::review_in_cell, {{"cell", w.cell}, {"message", std::vector<message>{std::move(m)}}}};
        auto& d = out.emplace_back(make_diagnostic(severity::error, w.file, w.pointer, std::move(m)));
        d.line = w.line;
        d.column = w.column;
    };
    for (const auto& rv : reviews) {
        if (auto why = detail::organization_mismatch(rv, rec))
            error(rv.where, std::move(*why));
        for (const auto& j : rv.judgments) {
            const auto* c = automatic.find_check(j.check_id);
            if (!c) {
                error(j.where, {&detail::review_unknown_check, {{"id", j.check_id}}});
                continue;
            }
            if (c->status != status::manual_review && j.note.empty())
                error(j.where, {&detail::review_needs_note,
                                {{"check", std::string(c->id)}, {"status", std::string(to_string(c->status))}}});
        }
    }
    return out;
}

namespace detail {
void summarize(const catalog& cat, audit_result& result); // impl/audit.ipp
}

audit_result apply_reviews(audit_result result, const catalog& cat, const tailoring& tailor,
                           const std::vector<review>& reviews) {
    if (reviews.empty())
        return result;
    for (const auto& [name, value] : tailor.accreditation) {
        const auto* spec = cat.accreditation.find_parameter(name);
        if (!spec)
            throw audit_error("tailoring sets unknown accreditation parameter '" + name + "'");
        const auto* i = std::get_if<std::int64_t>(&value);
        if (spec->type != parameter_type::integer || !i)
            throw audit_error("tailoring sets accreditation parameter '" + name + "' to a value that is not " +
                              std::string(to_string(spec->type)));
        if ((spec->min && *i < *spec->min) || (spec->max && *i > *spec->max))
            throw audit_error("tailoring sets accreditation parameter '" + name + "' to " + std::to_string(*i) +
                              ", outside its range");
    }

    // Judgments, check by check, in the order the reviews were given.
    for (auto& c : result.checks) {
        check_review cr;
        for (const auto& rv : reviews)
            for (const auto& j : rv.judgments) {
                if (j.check_id != c.id && j.check_id != c.slug)
                    continue;
                if (c.status != status::manual_review && j.note.empty())
                    throw audit_error(located(j.where) + ": a judgment overriding the automatic result of " +
                                      std::string(c.id) + " needs a note (rco::check_reviews reports it)");
                cr.verdicts.push_back({rv.reviewer.label(), rv.reviewer.role, j.verdict, rv.date, j.evidence, j.note});
            }
        if (cr.verdicts.empty())
            continue;
        const auto first = cr.verdicts.front().verdict;
        const bool agree = std::all_of(cr.verdicts.begin(), cr.verdicts.end(),
                                       [&](const reviewer_verdict& v) { return v.verdict == first; });
        if (agree)
            cr.agreed = first;
        cr.overridden = c.status != status::manual_review;
        using detail::arg;
        auto automatic = detail::msg(review_automatic, arg("status", to_string(c.status)),
                                     arg("explanation", std::move(c.message)));
        std::vector<message> who;
        for (const auto& v : cr.verdicts)
            who.push_back(agree ? describe_verdict(v)
                                : detail::msg(review_according_to, arg("verdict", to_string(v.verdict)),
                                              arg("reviewer", describe_verdict(v))));
        const auto reviewers = static_cast<std::int64_t>(cr.verdicts.size());
        if (!agree)
            c.message = detail::msg(review_disagree, arg("verdicts", std::move(who), list_style::sentences),
                                    arg("automatic", std::move(automatic)));
        else
            c.message = detail::msg(cr.overridden ? review_overridden : review_decided, arg("count", reviewers),
                                    arg("verdict", to_string(first)),
                                    arg("verdicts", std::move(who), list_style::sentences),
                                    arg("automatic", std::move(automatic)));
        c.automatic_status = c.status;
        c.status = agree ? resolved_status(first) : status::manual_review;
        if (c.status != status::waived)
            c.underlying.reset(); // the waiver covered the automatic result, which reviewers replaced
        c.review = std::move(cr);
    }
    detail::summarize(cat, result);

    // Scores, standard by standard.
    const auto below = accreditation_parameter(cat, tailor, "improvement_mean_below_hundredths");
    const auto exceeds = accreditation_parameter(cat, tailor, "exceeds_mean_at_least_hundredths");
    accreditation_result acc;
    for (const auto& rv : reviews) {
        if (std::find(acc.reviewers.begin(), acc.reviewers.end(), rv.reviewer.label()) == acc.reviewers.end())
            acc.reviewers.push_back(rv.reviewer.label());
        if (&rv == &reviews.front() || rv.date > acc.review_date)
            acc.review_date = rv.date;
    }
    for (auto& s : result.standards) {
        standard_review sr;
        int h_lo = 2, h_hi = 0, u_lo = 2, u_hi = 0;
        for (const auto& rv : reviews)
            for (const auto& sc : rv.scores) {
                if (sc.standard != s.number)
                    continue;
                sr.scores.push_back({rv.reviewer.label(), rv.reviewer.role, rv.date, sc.has_it, sc.uses_it,
                                     sc.evidence, sc.finding, sc.recommended_action});
                sr.has_it.sum += sc.has_it;
                sr.uses_it.sum += sc.uses_it;
                h_lo = std::min(h_lo, sc.has_it);
                h_hi = std::max(h_hi, sc.has_it);
                u_lo = std::min(u_lo, sc.uses_it);
                u_hi = std::max(u_hi, sc.uses_it);
            }
        if (sr.scores.empty()) {
            ++acc.not_scored;
            continue;
        }
        sr.has_it.count = sr.uses_it.count = static_cast<int>(sr.scores.size());
        sr.has_it_spread = h_hi - h_lo;
        sr.uses_it_spread = u_hi - u_lo;
        bool required_open = false;
        for (const auto& c : result.checks)
            if (c.standard == s.number && c.level == level::required &&
                (c.status == status::fail || c.status == status::insufficient_evidence ||
                 c.status == status::manual_review))
                required_open = true;
        if (s.result == standard_outcome::not_met || !sr.has_it.at_least(below) || !sr.uses_it.at_least(below))
            s.finding = finding::requires_improvement;
        else if (s.result == standard_outcome::met && !required_open && sr.has_it.at_least(exceeds) &&
                 sr.uses_it.at_least(exceeds))
            s.finding = finding::exceeds;
        else
            s.finding = finding::meets;
        switch (*s.finding) {
        case finding::exceeds: ++acc.exceeds; break;
        case finding::meets: ++acc.meets; break;
        case finding::requires_improvement: ++acc.requires_improvement; break;
        }
        s.review = std::move(sr);
    }
    for (const auto& band : cat.accreditation.bands) {
        bool reached = band.at_least.empty();
        if (!reached) {
            int n = 0;
            for (const auto& s : result.standards)
                if (s.finding && std::find(band.counted.begin(), band.counted.end(), *s.finding) != band.counted.end())
                    ++n;
            reached = n >= accreditation_parameter(cat, tailor, band.at_least);
        }
        if (reached) {
            acc.band = band.name;
            acc.band_title = band.title;
            break;
        }
    }
    acc.pip_due_days = static_cast<int>(accreditation_parameter(cat, tailor, "pip_due_days"));
    acc.pip_due = add_days(acc.review_date, acc.pip_due_days);
    result.accreditation = std::move(acc);
    return result;
}

audit_result audit(const catalog& cat, std::string_view profile_name, const record& rec, date as_of,
                   const tailoring& tailor, const std::vector<review>& reviews) {
    return apply_reviews(audit(cat, profile_name, rec, as_of, tailor), cat, tailor, reviews);
}

} // namespace rco
