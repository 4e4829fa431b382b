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
                          {{"id", std::string(c.id)},
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

/// ASCII and Latin-1 capitals (U+00C0-U+00DE but ×: "Á", "Ñ") in lower case.
std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& ch = out[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
        else if (ch == '\xC3' && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(out[i + 1]) <= 0x9E && out[i + 1] != '\x97')
            out[i + 1] = static_cast<char>(out[i + 1] + 0x20);
    }
    return out;
}

/// ASCII and Latin-1 small letters (U+00E0-U+00FE but ÷: "á", "ñ") in capitals: a heading
/// of the text report ("QUÉ HACER AHORA").
std::string upper(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& ch = out[i];
        if (ch >= 'a' && ch <= 'z')
            ch = static_cast<char>(ch - 'a' + 'A');
        else if (ch == '\xC3' && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0xA0 &&
                 static_cast<unsigned char>(out[i + 1]) <= 0xBE && out[i + 1] != '\xB7')
            out[i + 1] = static_cast<char>(out[i + 1] - 0x20);
    }
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
std::string label(E e, const message_language& lang) {
    return std::string(symbol(e)) + " " + sentence(plain(e, lang));
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
// The words every report for people shares, in one place for every format and language.

constexpr message_def word_heading{"report.text.heading", "RCO standards audit: {organization}"};
constexpr message_def word_no_name{"report.text.no_name", "(organization name not recorded)"};
constexpr message_def word_passes{"report.text.count.pass", "{count} check passes", "{count} checks pass", "count"};
constexpr message_def word_fails{"report.text.count.fail", "{count} fails", "{count} fail", "count"};
constexpr message_def word_needs_evidence{"report.text.count.insufficient_evidence", "{count} needs evidence",
                                          "{count} need evidence", "count"};
constexpr message_def word_needs_review{"report.text.count.manual_review", "{count} needs a reviewer's judgment",
                                        "{count} need a reviewer's judgment", "count"};
constexpr message_def word_does_not_apply{"report.text.count.not_applicable", "{count} does not apply",
                                          "{count} do not apply", "count"};
constexpr message_def word_are_waived{"report.text.count.waived", "{count} is waived", "{count} are waived", "count"};
constexpr message_def word_counts{"report.text.counts", "{counts}."};
constexpr message_def word_verdict_of{"report.verdict.of", "{count} of the {total} standards is met (score {score}%).",
                                      "{count} of the {total} standards are met (score {score}%).", "count"};
constexpr message_def word_verdict_meets{"report.verdict.meets", "The organization meets the RCO standards: {of}"};
constexpr message_def word_verdict_does_not_meet{"report.verdict.does_not_meet",
                                                 "The organization does not meet the RCO standards: {of}"};
constexpr message_def word_verdict_incomplete{
    "report.verdict.incomplete",
    "The organization cannot be judged yet: evidence is missing or a reviewer must decide, and {of}"};
constexpr message_def word_required{"report.text.level.required", "required"};
constexpr message_def word_recommended{"report.text.level.recommended", "recommended"};
constexpr message_def word_next{"report.plan.heading", "What to do next"};
constexpr message_def word_nothing{"report.plan.nothing", "Nothing: every check passes, does not apply or is waived. "
                                                          "Keep the evidence current for the next review."};
constexpr message_def word_work{"report.plan.work", "Work to do"};
constexpr message_def word_work_intro{
    "report.plan.work_intro",
    "These checks fail: the record shows the requirement is not met. Required checks come first."};
constexpr message_def word_evidence{"report.plan.evidence", "Evidence to record"};
constexpr message_def word_evidence_intro{
    "report.plan.evidence_intro",
    "The record lacks what these checks need. Record what the organization has, in the workbook ({command}) or the "
    "same fields of the record; the next audit then judges it."};
/// The command that writes the workbook in the report's language (the {command} above).
constexpr message_def word_init_command{"report.plan.init_command", "rco-audit init my-rco.xlsx"};
constexpr message_def word_reviewer{"report.plan.reviewer", "For a reviewer"};
constexpr message_def word_reviewer_intro{"report.text.reviewer_intro", "A person must judge these checks."};
constexpr message_def word_next_step{"report.label.next_step", "Next step:"};
constexpr message_def word_record{"report.text.record", "Record:"};
constexpr message_def word_keep{"report.label.keep_on_record", "Keep on record:"};
constexpr message_def word_question{"report.label.question", "Question for the reviewer:"};
constexpr message_def word_people{"report.label.people", "People concerned:"};
constexpr message_def word_finding{"report.label.finding", "Finding:"};
constexpr message_def word_none{"report.text.none", "None."};
constexpr message_def word_standard{"report.standard.heading", "Standard {number}: {title}"};
constexpr message_def word_expiring{"report.expiring.heading", "Waivers expiring within {count} day (by {date})",
                                    "Waivers expiring within {count} days (by {date})", "count"};
constexpr message_def word_finding_at{"report.finding.at", "“{matched}” in {source} at line {line}, column {column}"};
constexpr message_def word_finding_prefer{"report.finding.prefer", "{finding}; prefer: {alternatives}"};
constexpr message_def word_names_included{"report.names.included",
                                          "The ids of the people behind the counts are included."};
constexpr message_def word_no_names{"report.text.no_names",
                                    "Names and ids of board members and peer workers are left out; counts only."};
constexpr message_def word_about{"report.about.heading", "About this report"};
constexpr message_def word_organization{"report.about.organization", "Organization"};
constexpr message_def word_profile{"report.about.profile", "Profile"};
constexpr message_def word_review_date{"report.about.review_date", "Review date"};
constexpr message_def word_review_line{"report.review_line", "Review date {date} · profile {profile}"};
constexpr message_def word_input_file{"report.about.input_file", "Input file"};
constexpr message_def word_catalog{"report.about.catalog", "Catalog"};
constexpr message_def word_version{"report.about.version", "version {version}"};
constexpr message_def word_tool{"report.about.tool", "Tool"};
constexpr message_def word_warnings{"report.about.warnings", "Warnings about the record"};
constexpr message_def word_scorecard{"report.scorecard", "Scorecard"};
constexpr message_def word_no{"report.scorecard.number", "No."};
constexpr message_def word_standard_head{"report.scorecard.standard", "Standard"};
constexpr message_def word_result_head{"report.scorecard.result", "Result"};
constexpr message_def word_score_head{"report.scorecard.score", "Score"};
constexpr message_def word_percent{"report.percent", "{score}%"};
// Defined with rco/i18n.hpp's number formats; here for decimals written as text.
constexpr message_def word_decimal_separator{"format.number.decimal_separator", "."};

/// A report's words in its language (report_info::language; English when null): its own
/// words (say, word), the catalog's text (rco/i18n.hpp) and the checks' explanations.
struct wording {
    const message_language& lang;

    explicit wording(const report_info& info) : lang(info.language ? *info.language : rco::english()) {}
    explicit wording(const message_language& l) : lang(l) {}

    [[nodiscard]] bool english() const { return &lang == &rco::english(); }
    [[nodiscard]] std::string say(const message_def& def, std::vector<message_arg> args = {}) const {
        return render(message{&def, std::move(args)}, lang);
    }
    [[nodiscard]] std::string word(const message_def& def) const { return lang.pattern(def, 0); }
    [[nodiscard]] std::string title(const check_result& c) const {
        return std::string(c.info ? i18n::title(lang, *c.info) : std::string_view(c.title()));
    }
    [[nodiscard]] std::string remediation(const check_result& c) const {
        return std::string(c.info ? i18n::remediation(lang, *c.info) : std::string_view(c.remediation()));
    }
    [[nodiscard]] std::string question(const check_result& c) const {
        return std::string(c.info ? i18n::question(lang, *c.info) : std::string_view(c.question()));
    }
    [[nodiscard]] std::string title(const standard_result& s) const {
        return std::string(i18n::text(lang, "standard." + std::to_string(s.number) + ".title", s.title));
    }
    [[nodiscard]] std::string explanation(const check_result& c) const { return c.explanation(lang); }
    /// `text` with the record's paths in the form's words ("legal_status on the
    /// Organization sheet"), for a person who keeps the workbook.
    [[nodiscard]] std::string form_words(std::string_view text) const { return io::in_form_words(text, lang); }
    /// The explanation, with the form's words.
    [[nodiscard]] std::string explanation_in_form_words(const check_result& c) const {
        return form_words(explanation(c));
    }
    /// "required", "recommended".
    [[nodiscard]] std::string level(rco::level l) const {
        return word(l == rco::level::required ? word_required : word_recommended);
    }
    /// A decimal number's text ("1.50") with the language's decimal separator ("1,50").
    [[nodiscard]] std::string decimal(std::string text) const {
        const auto separator = word(word_decimal_separator);
        if (const auto at = text.find('.'); at != std::string::npos && separator != ".")
            text.replace(at, 1, separator);
        return text;
    }
    /// A score: "56%" ("56 %").
    [[nodiscard]] std::string percent(int score) const { return say(word_percent, {{"score", std::int64_t{score}}}); }
    /// "Standard 3: Primary focus …".
    [[nodiscard]] std::string standard_heading(const standard_result& s) const {
        return say(word_standard, {{"number", std::int64_t{s.number}}, {"title", title(s)}});
    }
    /// The check's evidence list in the form's words ("legal_status on the Organization sheet").
    [[nodiscard]] std::vector<std::string> evidence(const check_result& c) const {
        if (english() || !c.info)
            return evidence_in_form_words(c);
        std::vector<std::string> out;
        for (std::size_t k = 0; k < c.info->evidence.size(); ++k)
            out.push_back(form_words(i18n::evidence(lang, *c.info, k)));
        return out;
    }
};

std::string organization_label(const report_info& info, const wording& w) {
    return info.organization_name.empty() ? w.word(word_no_name) : info.organization_name;
}

int standards_met(const audit_result& r) {
    int met = 0;
    for (const auto& s : r.standards)
        met += s.result == standard_outcome::met;
    return met;
}

/// The verdict in one sentence. It starts with the tool's own words ("The organization"),
/// never with record text, so a name cannot forge it.
std::string verdict(const audit_result& r, const wording& w) {
    const auto of = w.say(word_verdict_of, {{"count", std::int64_t{standards_met(r)}},
                                            {"total", static_cast<std::int64_t>(r.standards.size())},
                                            {"score", std::int64_t{r.score}}});
    switch (r.result) {
    case overall_outcome::meets_standards: return w.say(word_verdict_meets, {{"of", of}});
    case overall_outcome::does_not_meet: return w.say(word_verdict_does_not_meet, {{"of", of}});
    case overall_outcome::incomplete: return w.say(word_verdict_incomplete, {{"of", of}});
    }
    return "";
}

/// "5 checks pass, 33 fail, 3 need evidence, …": how many checks have each status.
std::string counts_sentence(const audit_result& r, const wording& w) {
    std::array<std::int64_t, 6> n{};
    for (const auto& c : r.checks)
        ++n[static_cast<std::size_t>(c.status)];
    std::vector<message> tally;
    auto count_of = [&](status s, const message_def& def) {
        tally.push_back(message{&def, {{"count", n[static_cast<std::size_t>(s)]}}});
    };
    count_of(status::pass, word_passes);
    count_of(status::fail, word_fails);
    count_of(status::insufficient_evidence, word_needs_evidence);
    count_of(status::manual_review, word_needs_review);
    count_of(status::not_applicable, word_does_not_apply);
    if (n[static_cast<std::size_t>(status::waived)])
        count_of(status::waived, word_are_waived);
    return w.say(word_counts, {{"counts", std::move(tally), list_style::commas}});
}

/// The reviewer's question, when the check waits for one and its explanation does not
/// already ask it.
bool shows_question(const check_result& c, const wording& w) {
    const bool review = c.status == status::manual_review || (c.underlying && *c.underlying == status::manual_review);
    const auto question = w.question(c);
    return review && !question.empty() && w.explanation(c).find(question) == std::string::npos;
}

std::string finding_text(const language_finding& f, const wording& w) {
    auto at = w.say(word_finding_at, {{"matched", f.matched},
                                      {"source", f.source},
                                      {"line", std::to_string(f.line)},
                                      {"column", std::to_string(f.column)}});
    if (f.alternatives().empty())
        return at;
    return w.say(word_finding_prefer, {{"finding", std::move(at)}, {"alternatives", join(f.alternatives(), "; ")}});
}

/// An argument that stands for markup (HTML tags, Markdown code) in a message that is
/// escaped as a whole: a private-use character, which every escaping keeps as it is.
constexpr std::string_view markup_mark = "\uE000";

/// `escaped` (a message rendered with markup_mark as an argument, then escaped for its
/// format) with the mark replaced by `markup`.
std::string put_markup(std::string escaped, std::string_view markup) {
    if (const auto at = escaped.find(markup_mark); at != std::string::npos)
        escaped.replace(at, markup_mark.size(), markup);
    return escaped;
}

/// The waivers expiring within the report's days: heading words.
std::string expiring_heading(const audit_result& r, int days, const wording& w) {
    return w.say(word_expiring, {{"count", std::int64_t{days}}, {"date", add_days(r.as_of, days)}});
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
