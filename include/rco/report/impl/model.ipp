#pragma once

// The shared model of what every report says, whatever its format or language: the
// plain words for results, the action plan and its parts, counts, the verdict, waivers
// and their expiry, evidence in the form's words. Each format (json.ipp, text.ipp,
// html.ipp, markdown.ipp, junit.ipp, csv.ipp, summary.ipp) lays this out its own way.
#include "rco/escape.hpp"
#include "rco/i18n.hpp"
#include "rco/io/digest.hpp"
#include "rco/io/form_words.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"
#include "rco/report/report.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

namespace rco::report {

std::string_view plain(status s) noexcept {
    switch (s) {
    case status::pass: return "pass";
    case status::fail: return "FAIL";
    case status::insufficient_evidence: return "needs evidence";
    case status::manual_review: return "needs review";
    case status::not_applicable: return "not applicable";
    case status::waived: return "waived";
    }
    return "";
}
std::string_view plain(standard_outcome s) noexcept {
    switch (s) {
    case standard_outcome::met: return "met";
    case standard_outcome::not_met: return "NOT MET";
    case standard_outcome::incomplete: return "incomplete";
    }
    return "";
}
std::string_view plain(overall_outcome s) noexcept {
    switch (s) {
    case overall_outcome::meets_standards: return "MEETS THE STANDARDS";
    case overall_outcome::does_not_meet: return "DOES NOT MEET THE STANDARDS";
    case overall_outcome::incomplete: return "INCOMPLETE";
    }
    return "";
}

report_info make_report_info(const catalog& cat, const record& rec, std::string_view input_bytes,
                             std::string_view input_file, const std::vector<diagnostic>& diagnostics) {
    report_info info;
    info.tool_version = RCO_VERSION;
    info.input_file = std::string(input_file);
    info.input_sha256 = io::sha256_hex(input_bytes);
    info.catalog_version = cat.version;
    info.catalog_sha256 = cat.sha256;
    if (rec.organization) {
        info.organization_name = rec.organization->name.value_or("");
        info.organization_ein = rec.organization->ein.value_or("");
    }
    for (const auto& d : diagnostics)
        if (d.severity == severity::warning)
            info.warnings.push_back(d);
    return info;
}

std::vector<const check_result*> action_plan(const audit_result& r) {
    auto rank = [](status s) {
        switch (s) {
        case status::fail: return 0;
        case status::insufficient_evidence: return 1;
        case status::manual_review: return 2;
        default: return 3;
        }
    };
    std::vector<const check_result*> items;
    for (const auto& c : r.checks)
        if (rank(c.status) < 3)
            items.push_back(&c);
    std::stable_sort(items.begin(), items.end(), [&](const check_result* a, const check_result* b) {
        if (a->level != b->level)
            return a->level == level::required;
        return rank(a->status) < rank(b->status);
    });
    return items;
}

std::optional<long> waiver_days_left(const check_result& c, date as_of, int days) {
    if (!c.waiver || c.waiver->expires < as_of)
        return std::nullopt;
    const long left = days_between(as_of, c.waiver->expires);
    return left <= days ? std::optional<long>(left) : std::nullopt;
}

std::vector<const check_result*> expiring_waivers(const audit_result& r, int days) {
    std::vector<const check_result*> out;
    for (const auto& c : r.checks)
        if (waiver_days_left(c, r.as_of, days))
            out.push_back(&c);
    std::stable_sort(out.begin(), out.end(),
                     [](const check_result* a, const check_result* b) { return a->waiver->expires < b->waiver->expires; });
    return out;
}

namespace {
constexpr message_def expiring_line{"report.expiring.line", "{id} {title}: expires {date}{when}{applicant}; approved by {approver}."};
constexpr message_def expiring_today{"report.expiring.today", ", today"};
constexpr message_def expiring_tomorrow{"report.expiring.tomorrow", ", tomorrow"};
constexpr message_def expiring_in{"report.expiring.in_days", ", in {count} day", ", in {count} days", "count"};
constexpr message_def expiring_for{"report.expiring.for_applicant", "; waived for this organization"};
constexpr message_def word_pass{"report.status.pass", "pass"};
constexpr message_def word_fail{"report.status.fail", "FAIL"};
constexpr message_def word_insufficient{"report.status.insufficient_evidence", "needs evidence"};
constexpr message_def word_manual{"report.status.manual_review", "needs review"};
constexpr message_def word_not_applicable{"report.status.not_applicable", "not applicable"};
constexpr message_def word_waived{"report.status.waived", "waived"};
constexpr message_def word_met{"report.standard.met", "met"};
constexpr message_def word_not_met{"report.standard.not_met", "NOT MET"};
constexpr message_def word_incomplete{"report.standard.incomplete", "incomplete"};
constexpr message_def word_meets_standards{"report.result.meets_standards", "MEETS THE STANDARDS"};
constexpr message_def word_does_not_meet{"report.result.does_not_meet", "DOES NOT MEET THE STANDARDS"};
constexpr message_def word_result_incomplete{"report.result.incomplete", "INCOMPLETE"};
} // namespace

std::string plain(status s, const message_language& lang) {
    switch (s) {
    case status::pass: return lang.pattern(word_pass, 0);
    case status::fail: return lang.pattern(word_fail, 0);
    case status::insufficient_evidence: return lang.pattern(word_insufficient, 0);
    case status::manual_review: return lang.pattern(word_manual, 0);
    case status::not_applicable: return lang.pattern(word_not_applicable, 0);
    case status::waived: return lang.pattern(word_waived, 0);
    }
    return "";
}
std::string plain(standard_outcome s, const message_language& lang) {
    switch (s) {
    case standard_outcome::met: return lang.pattern(word_met, 0);
    case standard_outcome::not_met: return lang.pattern(word_not_met, 0);
    case standard_outcome::incomplete: return lang.pattern(word_incomplete, 0);
    }
    return "";
}
std::string plain(overall_outcome s, const message_language& lang) {
    switch (s) {
    case overall_outcome::meets_standards: return lang.pattern(word_meets_standards, 0);
    case overall_outcome::does_not_meet: return lang.pattern(word_does_not_meet, 0);
    case overall_outcome::incomplete: return lang.pattern(word_result_incomplete, 0);
    }
    return "";
}

std::string expiring_waiver_line(const check_result& c, date as_of, const message_language& lang) {
    const auto left = days_between(as_of, c.waiver->expires);
    const std::string when = left == 0   ? lang.pattern(expiring_today, 0)
                             : left == 1 ? lang.pattern(expiring_tomorrow, 0)
                                         : render(message{&expiring_in, {{"count", std::int64_t{left}}}}, lang);
    return render(message{&expiring_line,
                          {{"id", c.id},
                           {"title", std::string(c.info ? i18n::title(lang, *c.info) : std::string_view(c.title()))},
                           {"date", c.waiver->expires},
                           {"when", when},
                           {"applicant", c.waiver->for_applicant ? lang.pattern(expiring_for, 0) : std::string()},
                           {"approver", c.waiver->approved_by}}},
                  lang);
}

plan_parts action_plan_parts(const audit_result& r) {
    plan_parts parts;
    for (const auto* c : action_plan(r)) {
        if (c->status == status::insufficient_evidence)
            parts.evidence_to_record.push_back(c);
        else if (c->status == status::fail)
            parts.work_to_do.push_back(c);
        else
            parts.for_a_reviewer.push_back(c);
    }
    return parts;
}

std::vector<std::string> evidence_in_form_words(const check_result& c) {
    // Items that are one field each, on one sheet, become one line: "adopted, posted and
    // appeal on the Policies sheet" rather than three.
    std::vector<std::string> out;
    const auto& items = c.evidence();
    for (std::size_t i = 0; i < items.size();) {
        auto place = io::form_place_of(items[i]);
        const bool single = place && !place->field.empty() &&
                            items[i].find_first_of(" ,") == std::string::npos;
        std::size_t j = i + 1;
        if (single)
            while (j < items.size() && items[j].find_first_of(" ,") == std::string::npos) {
                auto next = io::form_place_of(items[j]);
                if (!next || next->field.empty() || next->sheet != place->sheet)
                    break;
                ++j;
            }
        std::string joined;
        for (std::size_t k = i; k < j; ++k)
            joined += (k == i ? "" : k + 1 == j ? " and " : ", ") + items[k];
        out.push_back(io::in_form_words(joined));
        i = j;
    }
    return out;
}

namespace {

std::map<status, int> count_statuses(const audit_result& r) {
    std::map<status, int> counts;
    for (auto s : {status::pass, status::fail, status::insufficient_evidence, status::manual_review,
                   status::not_applicable, status::waived})
        counts[s] = 0;
    for (const auto& c : r.checks)
        ++counts[c.status];
    return counts;
}

} // namespace

// Helpers shared by the formats live in their own namespace: text.ipp and json.ipp have
// unnamed-namespace helpers of their own in the same translation unit.
namespace formats_detail {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

/// "NOT MET" → "Not met": the words of plain(), in sentence case for labels.
std::string sentence(std::string_view s) {
    std::string out = lower(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

// ---- Status vocabulary ------------------------------------------------------------------
// Every status is shown as a symbol AND a word (never colour alone). The symbols are
// ordinary text characters that print in black and white: ✔ done, ✘ failed, ○ empty (no
// evidence), ◐ half-decided (a person must judge; a standard that cannot be decided yet),
// – does not apply, ⊘ set aside by a waiver.

std::string_view symbol(status s) noexcept {
    switch (s) {
    case status::pass: return "\u2714";                  // ✔
    case status::fail: return "\u2718";                  // ✘
    case status::insufficient_evidence: return "\u25CB"; // ○
    case status::manual_review: return "\u25D0";         // ◐
    case status::not_applicable: return "\u2013";        // –
    case status::waived: return "\u2298";                // ⊘
    }
    return "";
}
std::string_view symbol(standard_outcome s) noexcept {
    switch (s) {
    case standard_outcome::met: return "\u2714";
    case standard_outcome::not_met: return "\u2718";
    case standard_outcome::incomplete: return "\u25D0";
    }
    return "";
}
std::string_view symbol(overall_outcome s) noexcept {
    switch (s) {
    case overall_outcome::meets_standards: return "\u2714";
    case overall_outcome::does_not_meet: return "\u2718";
    case overall_outcome::incomplete: return "\u25D0";
    }
    return "";
}

/// "✘ Fail", "○ Needs evidence", "✔ Met", …
template <class E>
std::string label(E e) {
    return std::string(symbol(e)) + " " + sentence(plain(e));
}

/// The CSS class of a status badge: ok (green), bad (red), open (amber), none (grey).
std::string_view tone(status s) noexcept {
    switch (s) {
    case status::pass: return "ok";
    case status::fail: return "bad";
    case status::insufficient_evidence:
    case status::manual_review: return "open";
    case status::not_applicable:
    case status::waived: return "none";
    }
    return "none";
}
std::string_view tone(standard_outcome s) noexcept {
    return s == standard_outcome::met ? "ok" : s == standard_outcome::not_met ? "bad" : "open";
}
std::string_view tone(overall_outcome s) noexcept {
    return s == overall_outcome::meets_standards ? "ok" : s == overall_outcome::does_not_meet ? "bad" : "open";
}

/// The summary's words for an overall result, the same as a standard's so one set of
/// count rows covers every column.
std::string_view summary_word(overall_outcome s) noexcept {
    return s == overall_outcome::meets_standards ? "met"
           : s == overall_outcome::does_not_meet ? "not_met"
                                                 : "incomplete";
}

// ---- Shared content ---------------------------------------------------------------------

std::string organization_label(const report_info& info) {
    return info.organization_name.empty() ? "(organization name not recorded)" : info.organization_name;
}

int standards_met(const audit_result& r) {
    int met = 0;
    for (const auto& s : r.standards)
        met += s.result == standard_outcome::met;
    return met;
}

/// The verdict in one sentence, without its subject: callers start it with the tool's own
/// words ("The organization"), never with record text, so a name cannot forge it.
std::string verdict_tail(const audit_result& r) {
    const auto met = standards_met(r);
    const auto total = r.standards.size();
    const auto of = std::to_string(met) + " of the " + std::to_string(total) + " standards " +
                    (met == 1 ? "is" : "are") + " met (score " + std::to_string(r.score) + "%).";
    switch (r.result) {
    case overall_outcome::meets_standards: return " meets the RCO standards: " + of;
    case overall_outcome::does_not_meet: return " does not meet the RCO standards: " + of;
    case overall_outcome::incomplete:
        return " cannot be judged yet: evidence is missing or a reviewer must decide, and " + of;
    }
    return "";
}

/// "5 checks pass, 33 fail, 3 need evidence, …", the same counts the text report gives.
std::string counts_sentence(const audit_result& r) {
    std::map<status, int> n;
    for (const auto& c : r.checks)
        ++n[c.status];
    auto part = [&](status s, const char* one, const char* many) {
        return std::to_string(n[s]) + " " + (n[s] == 1 ? one : many);
    };
    std::string out = part(status::pass, "check passes", "checks pass") + ", " + part(status::fail, "fails", "fail") +
                      ", " + part(status::insufficient_evidence, "needs evidence", "need evidence") + ", " +
                      part(status::manual_review, "needs a reviewer's judgment", "need a reviewer's judgment") +
                      ", " + part(status::not_applicable, "does not apply", "do not apply");
    if (n[status::waived] > 0)
        out += ", " + part(status::waived, "is waived", "are waived");
    return out + ".";
}

bool shows_question(const check_result& c) {
    const bool review = c.status == status::manual_review || (c.underlying && *c.underlying == status::manual_review);
    // Some checks already ask the question in their explanation; don't say it twice.
    return review && !c.question().empty() && c.explanation().find(c.question()) == std::string::npos;
}

std::string finding_text(const language_finding& f) {
    return "\u201C" + f.matched + "\u201D in " + f.source + " at line " + std::to_string(f.line) + ", column " +
           std::to_string(f.column) + (f.alternatives.empty() ? "" : "; prefer: " + join(f.alternatives, "; "));
}

constexpr message_def waiver_for{"report.waiver.for_applicant",
                                 "Waived for this organization ({applicant}) by {approver} until {expires}: {justification}"};
constexpr message_def waiver_until{"report.waiver.until",
                                   "Waived until {expires}, approved by {approver}: {justification}"};
constexpr message_def waiver_without{"report.waiver.without", " Without the waiver: {status}."};

std::string waiver_text(const check_result& c, const message_language& lang = english()) {
    if (!c.waiver)
        return {};
    const auto& w = *c.waiver;
    std::string s = w.for_applicant
                        ? render(message{&waiver_for,
                                         {{"applicant", w.for_applicant->describe()},
                                          {"approver", w.approved_by},
                                          {"expires", w.expires},
                                          {"justification", w.justification}}},
                                 lang)
                        : render(message{&waiver_until,
                                         {{"expires", w.expires}, {"approver", w.approved_by}, {"justification", w.justification}}},
                                 lang);
    if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?')
        s += '.';
    if (c.underlying)
        s += render(message{&waiver_without, {{"status", sentence(plain(*c.underlying, lang))}}}, lang);
    return s;
}

const standard_result* find_standard(const audit_result& r, int number) {
    for (const auto& s : r.standards)
        if (s.number == number)
            return &s;
    return nullptr;
}

} // namespace
} // namespace formats_detail

std::string waiver_sentence(const check_result& c, const message_language& lang) {
    return formats_detail::waiver_text(c, lang);
}

} // namespace rco::report
