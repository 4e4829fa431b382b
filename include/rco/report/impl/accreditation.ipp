#pragma once

// Compiled after the formats (src/report.cpp): it uses text.ipp's wrap() and the
// escaping helpers, so the accreditation section looks like the rest of each report.

#include "rco/io/json_format.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"
#include "rco/report/report.hpp"

#include <string>

namespace rco::report {

std::string_view plain(finding f) noexcept {
    switch (f) {
    case finding::exceeds: return "Exceeds";
    case finding::meets: return "Meets";
    case finding::requires_improvement: return "Requires Performance Improvement";
    }
    return "";
}

namespace accreditation_detail {

std::string codes(const std::vector<evidence_code>& ev) {
    std::string s;
    for (auto e : ev)
        s += (s.empty() ? "" : ", ") + std::string(to_code(e));
    return s;
}

std::vector<std::string> code_list(const std::vector<evidence_code>& ev) {
    std::vector<std::string> out;
    for (auto e : ev)
        out.emplace_back(to_code(e));
    return out;
}

/// "D documents, I interviews" for people.
std::string codes_long(const std::vector<evidence_code>& ev) {
    std::string s;
    for (auto e : ev)
        s += (s.empty() ? "" : ", ") + std::string(to_code(e)) + " " + std::string(to_string(e));
    return s;
}

// The accreditation section's words, in the report's language (formats_detail::wording).
constexpr message_def acc_heading{"report.accreditation.heading", "Accreditation review"};
constexpr message_def acc_indicative{"report.accreditation.indicative",
                                     "indicative; the accreditation committee decides"};
constexpr message_def acc_reviewers{"report.accreditation.reviewers", "Reviewers: {reviewers}; latest review {date}."};
constexpr message_def acc_standard_line{"report.accreditation.standard_line",
                                        "{title} — automatic: {result}; finding: {finding}"};
constexpr message_def acc_not_scored{"report.accreditation.not_scored", "not scored"};
constexpr message_def acc_scores{"report.accreditation.scores", "Scores:"};
constexpr message_def acc_means{"report.accreditation.means",
                                "has it {has_it}, uses it {uses_it} ({count} reviewer; spread {has_it_spread} / {uses_it_spread})",
                                "has it {has_it}, uses it {uses_it} ({count} reviewers; spread {has_it_spread} / {uses_it_spread})",
                                "count"};
constexpr message_def acc_wide{"report.accreditation.wide_spread",
                               "; reviewers differ by 2 on a dimension: the committee should compare their notes"};
constexpr message_def acc_score{"report.accreditation.score", "{reviewer}, {date}: has it {has_it}, uses it {uses_it}"};
constexpr message_def acc_judgment_by{"report.accreditation.verdict", "{reviewer}, {date}: {verdict}"};
constexpr message_def acc_recommended{"report.accreditation.recommended_action", "Recommended action:"};
constexpr message_def acc_judgments{"report.accreditation.judgments", "Reviewers' judgments on checks"};
constexpr message_def acc_disagree{"report.accreditation.disagree",
                                   "{id}: reviewers DISAGREE (stays manual_review; the committee must settle it)"};
constexpr message_def acc_judgment{"report.accreditation.judgment", "{id}: {agreed} -> {status} (automatic: {automatic})"};
constexpr message_def acc_overridden{"report.accreditation.overridden",
                                     "{id}: {agreed} -> {status}, OVERRIDDEN BY A REVIEWER (automatic: {automatic})"};
constexpr message_def acc_exceed{"report.accreditation.count.exceeds", "{count} exceeds", "{count} exceed", "count"};
constexpr message_def acc_meet{"report.accreditation.count.meets", "{count} meets", "{count} meet", "count"};
constexpr message_def acc_require{"report.accreditation.count.requires_improvement",
                                  "{count} requires performance improvement", "{count} require performance improvement",
                                  "count"};
constexpr message_def acc_unscored{"report.accreditation.count.not_scored", "{count} not scored by any reviewer",
                                   "{count} not scored by any reviewer", "count"};
constexpr message_def acc_findings{"report.accreditation.findings", "Findings: {counts}."};
constexpr message_def acc_outcome{"report.accreditation.outcome", "Indicative outcome: {title} ({band}); {indicative}."};
constexpr message_def acc_finding_exceeds{"report.finding.exceeds", "Exceeds"};
constexpr message_def acc_finding_meets{"report.finding.meets", "Meets"};
constexpr message_def acc_finding_improvement{"report.finding.requires_improvement", "Requires Performance Improvement"};

using formats_detail::wording;

/// "Accreditation review (indicative; the accreditation committee decides)".
std::string section_heading(const wording& w) { return w.word(acc_heading) + " (" + w.word(acc_indicative) + ")"; }

/// plain(finding) in the report's language.
std::string finding_word(finding f, const wording& w) {
    switch (f) {
    case finding::exceeds: return w.word(acc_finding_exceeds);
    case finding::meets: return w.word(acc_finding_meets);
    case finding::requires_improvement: return w.word(acc_finding_improvement);
    }
    return "";
}

/// "2 exceed, 7 meet, 1 requires performance improvement".
std::string counts_line(const accreditation_result& a, const wording& w) {
    std::vector<message> parts;
    auto part = [&](const message_def& def, int n) { parts.push_back(message{&def, {{"count", std::int64_t{n}}}}); };
    part(acc_exceed, a.exceeds);
    part(acc_meet, a.meets);
    part(acc_require, a.requires_improvement);
    if (a.not_scored)
        part(acc_unscored, a.not_scored);
    return w.say(acc_findings, {{"counts", std::move(parts), list_style::commas}});
}

std::string outcome_line(const accreditation_result& a, const wording& w) {
    return w.say(acc_outcome, {{"title", std::string(i18n::text(w.lang, "accreditation.band." + a.band + ".title", a.band_title))},
                               {"band", a.band},
                               {"indicative", w.word(acc_indicative)}});
}

/// "has it 1.50, uses it 2.00 (2 reviewers; spread 1 / 0)".
std::string means_line(const standard_review& sr, const wording& w) {
    return w.say(acc_means, {{"has_it", w.decimal(sr.has_it.text())},
                             {"uses_it", w.decimal(sr.uses_it.text())},
                             {"count", static_cast<std::int64_t>(sr.scores.size())},
                             {"has_it_spread", std::to_string(sr.has_it_spread)},
                             {"uses_it_spread", std::to_string(sr.uses_it_spread)}}) +
           (sr.wide_spread() ? w.word(acc_wide) : "");
}

/// " Text." after a sentence: the text with one final period.
std::string then(std::string_view text) {
    std::string out = " " + std::string(text);
    if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?')
        out += '.';
    return out;
}

/// "Ana Ruiz (peer reviewer)": a reviewer and the role, record text.
std::string reviewer_label(const std::string& reviewer, const std::string& role) {
    return reviewer + (role.empty() ? "" : " (" + role + ")");
}

std::string score_line(const reviewer_score& s, const wording& w) {
    std::string out = w.say(acc_score, {{"reviewer", reviewer_label(s.reviewer, s.role)},
                                        {"date", s.date},
                                        {"has_it", std::to_string(s.has_it)},
                                        {"uses_it", std::to_string(s.uses_it)}});
    if (!s.evidence.empty())
        out += " [" + codes(s.evidence) + "]";
    out += ".";
    if (!s.finding.empty())
        out += then(w.word(formats_detail::word_finding) + " " + s.finding);
    if (!s.recommended_action.empty())
        out += then(w.word(acc_recommended) + " " + s.recommended_action);
    return out;
}

std::string verdict_line(const reviewer_verdict& v, const wording& w) {
    std::string out = w.say(acc_judgment_by, {{"reviewer", reviewer_label(v.reviewer, v.role)}, {"date", v.date},
                                  {"verdict", std::string(to_string(v.verdict))}});
    if (!v.evidence.empty())
        out += " [" + codes(v.evidence) + "]";
    out += ".";
    if (!v.note.empty())
        out += then(v.note);
    return out;
}

std::string judgment_head(const check_result& c, const wording& w) {
    const auto& rv = *c.review;
    if (rv.disagreement())
        return w.say(acc_disagree, {{"id", std::string(c.id)}});
    return w.say(rv.overridden ? acc_overridden : acc_judgment,
                 {{"id", std::string(c.id)},
                  {"agreed", std::string(to_string(*rv.agreed))},
                  {"status", std::string(to_string(c.status))},
                  {"automatic", std::string(to_string(*c.automatic_status))}});
}

/// A standard's automatic result: its machine spelling in English ("not_met"), the plain
/// word in another language ("no cumplido").
std::string standard_result_word(const standard_result& s, const wording& w) {
    return w.english() ? std::string(to_string(s.result)) : plain(s.result, w.lang);
}

} // namespace accreditation_detail

std::vector<pip_item> pip_items(const audit_result& r) {
    std::vector<pip_item> out;
    if (!r.accreditation)
        return out;
    for (const auto& s : r.standards) {
        if (s.finding != finding::requires_improvement)
            continue;
        pip_item item;
        item.standard = &s;
        item.due = r.accreditation->pip_due;
        for (const auto* c : action_plan(r))
            if (c->standard == s.number)
                item.checks.push_back(c);
        out.push_back(std::move(item));
    }
    return out;
}

// ---- JSON ---------------------------------------------------------------------------------

namespace detail {

void write_check_review_json(io::json_writer& w, const check_result& c) {
    if (!c.review)
        return;
    const auto& rv = *c.review;
    w.key("automatic_status");
    w.value(to_string(*c.automatic_status));
    w.key("review");
    w.begin_object();
    std::vector<std::string> reviewers, notes;
    std::vector<evidence_code> evidence;
    date latest = rv.verdicts.front().date;
    for (const auto& v : rv.verdicts) {
        reviewers.push_back(v.reviewer);
        if (!v.note.empty())
            notes.push_back(v.reviewer + ": " + v.note);
        evidence.insert(evidence.end(), v.evidence.begin(), v.evidence.end());
        latest = std::max(latest, v.date);
    }
    std::sort(evidence.begin(), evidence.end());
    evidence.erase(std::unique(evidence.begin(), evidence.end()), evidence.end());
    w.key("reviewers");
    w.strings(reviewers);
    w.key("verdict");
    w.value(rv.agreed ? to_string(*rv.agreed) : std::string_view("disagreement"));
    w.key("date");
    w.value(format_date(latest));
    w.key("evidence");
    w.strings(accreditation_detail::code_list(evidence));
    w.key("notes");
    w.strings(notes);
    w.key("overridden");
    w.value(rv.overridden);
    w.key("disagreement");
    w.value(rv.disagreement());
    w.key("verdicts");
    w.begin_array();
    for (const auto& v : rv.verdicts) {
        w.begin_object();
        w.key("reviewer");
        w.value(v.reviewer);
        w.key("verdict");
        w.value(to_string(v.verdict));
        w.key("date");
        w.value(format_date(v.date));
        w.key("evidence");
        w.strings(accreditation_detail::code_list(v.evidence));
        w.key("note");
        w.value(v.note);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_standard_review_json(io::json_writer& w, const standard_result& s) {
    if (!s.review)
        return;
    const auto& sr = *s.review;
    w.key("review");
    w.begin_object();
    w.key("has_it");
    w.number(sr.has_it.text());
    w.key("uses_it");
    w.number(sr.uses_it.text());
    w.key("has_it_spread");
    w.value(sr.has_it_spread);
    w.key("uses_it_spread");
    w.value(sr.uses_it_spread);
    w.key("spread_flag");
    w.value(sr.wide_spread());
    std::vector<std::string> reviewers;
    for (const auto& sc : sr.scores)
        reviewers.push_back(sc.reviewer);
    w.key("reviewers");
    w.strings(reviewers);
    w.key("finding");
    w.value(to_string(*s.finding));
    w.key("scores");
    w.begin_array();
    for (const auto& sc : sr.scores) {
        w.begin_object();
        w.key("reviewer");
        w.value(sc.reviewer);
        w.key("date");
        w.value(format_date(sc.date));
        w.key("has_it");
        w.value(sc.has_it);
        w.key("uses_it");
        w.value(sc.uses_it);
        w.key("evidence");
        w.strings(accreditation_detail::code_list(sc.evidence));
        w.key("finding");
        w.value(sc.finding);
        w.key("recommended_action");
        w.value(sc.recommended_action);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_accreditation_json(io::json_writer& w, const audit_result& r) {
    if (!r.accreditation)
        return;
    const auto& a = *r.accreditation;
    w.key("accreditation");
    w.begin_object();
    w.key("reviewers");
    w.strings(a.reviewers);
    w.key("review_date");
    w.value(format_date(a.review_date));
    w.key("finding_counts");
    w.begin_object();
    w.key("exceeds");
    w.value(a.exceeds);
    w.key("meets");
    w.value(a.meets);
    w.key("requires_improvement");
    w.value(a.requires_improvement);
    w.key("not_scored");
    w.value(a.not_scored);
    w.end_object();
    w.key("indicative_outcome");
    w.begin_object();
    w.key("band");
    w.value(a.band);
    w.key("title");
    w.value(a.band_title);
    w.key("note");
    w.value(indicative_wording);
    w.end_object();
    w.key("pip");
    w.begin_object();
    w.key("due_days");
    w.value(a.pip_due_days);
    w.key("due");
    w.value(format_date(a.pip_due));
    w.key("standards");
    w.begin_array();
    for (const auto& item : pip_items(r)) {
        w.begin_object();
        w.key("standard");
        w.value(item.standard->number);
        std::vector<std::string> ids;
        for (const auto* c : item.checks)
            ids.emplace_back(c->id);
        w.key("checks");
        w.strings(ids);
        w.key("due");
        w.value(format_date(item.due));
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
}

void write_review_inputs_json(io::json_writer& w, const report_info& info) {
    if (info.reviews.empty())
        return;
    w.key("reviews");
    w.begin_array();
    for (const auto& rv : info.reviews) {
        w.begin_object();
        w.key("file");
        w.value(rv.file);
        w.key("sha256");
        w.value(rv.sha256);
        w.key("reviewer");
        w.value(rv.reviewer);
        w.end_object();
    }
    w.end_array();
}

} // namespace detail

// ---- Batch summary ------------------------------------------------------------------------

namespace accreditation_detail {
bool any_reviews(const std::vector<summary_row>& rows) {
    for (const auto& row : rows)
        if (row.result && row.result->accreditation)
            return true;
    return false;
}
constexpr int summary_standards = 10;
} // namespace accreditation_detail

std::string accreditation_summary_csv_header(const std::vector<summary_row>& rows) {
    if (!accreditation_detail::any_reviews(rows))
        return {};
    std::string out;
    for (int i = 1; i <= accreditation_detail::summary_standards; ++i)
        out += ",finding_" + std::to_string(i);
    return out + ",indicative_outcome";
}

std::string accreditation_summary_csv_cells(const std::vector<summary_row>& rows, const summary_row* row) {
    if (!accreditation_detail::any_reviews(rows))
        return {};
    std::string out;
    const bool reviewed = row && row->result && row->result->accreditation;
    for (int i = 1; i <= accreditation_detail::summary_standards; ++i) {
        out += ',';
        if (reviewed)
            for (const auto& s : row->result->standards)
                if (s.number == i && s.finding)
                    out += to_string(*s.finding);
    }
    out += ',';
    if (reviewed)
        out += row->result->accreditation->band;
    return out;
}

namespace accreditation_detail {
constexpr message_def acc_summary_caption{
    "report.accreditation.summary_caption",
    "Each reviewed organization's finding per standard (E exceeds, M meets, RI requires performance improvement, – not "
    "scored) and its indicative outcome"};
constexpr message_def acc_summary_counts{"report.accreditation.summary_counts", "E / M / RI"};
constexpr message_def acc_summary_exceeds{"report.accreditation.summary_exceeds", "E"};
constexpr message_def acc_summary_meets{"report.accreditation.summary_meets", "M"};
constexpr message_def acc_summary_improvement{"report.accreditation.summary_requires_improvement", "RI"};
constexpr message_def acc_summary_outcome{"report.accreditation.summary_outcome", "Indicative outcome"};
} // namespace accreditation_detail

std::string accreditation_summary_html(const std::vector<summary_row>& rows, const message_language& lang) {
    using namespace accreditation_detail;
    if (!any_reviews(rows))
        return {};
    const wording w(lang);
    auto h = [](std::string_view s) { return html_escape(s); };
    auto word = [&](const message_def& def) { return h(w.word(def)); };
    std::string out = "<section id=\"accreditation-summary\" aria-labelledby=\"accreditation-summary-heading\">\n<h2 "
                      "id=\"accreditation-summary-heading\">" +
                      h(section_heading(w)) + "</h2>\n<div class=\"scroll\">\n<table>\n<caption>" +
                      word(acc_summary_caption) + "</caption>\n<thead><tr><th scope=\"col\">" +
                      word(formats_detail::word_organization) + "</th>";
    for (int i = 1; i <= summary_standards; ++i)
        out += "<th scope=\"col\">S" + std::to_string(i) + "</th>";
    out += "<th scope=\"col\">" + word(acc_summary_counts) + "</th><th scope=\"col\">" + word(acc_summary_outcome) +
           "</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        if (!row.result || !row.result->accreditation)
            continue;
        const auto& a = *row.result->accreditation;
        out += "<tr><th scope=\"row\">" +
               h(row.organization.empty() ? w.word(formats_detail::sum_no_name) : row.organization) + "</th>";
        for (int i = 1; i <= summary_standards; ++i) {
            std::string cell = "\u2013";
            for (const auto& s : row.result->standards)
                if (s.number == i && s.finding)
                    cell = word(*s.finding == finding::exceeds ? acc_summary_exceeds
                                : *s.finding == finding::meets ? acc_summary_meets
                                                               : acc_summary_improvement);
            out += "<td>" + cell + "</td>";
        }
        out += "<td>" + std::to_string(a.exceeds) + " / " + std::to_string(a.meets) + " / " +
               std::to_string(a.requires_improvement) + "</td><td>" +
               h(i18n::text(lang, "accreditation.band." + a.band + ".title", a.band_title)) + "</td></tr>\n";
    }
    return out + "</tbody>\n</table>\n</div>\n</section>\n";
}

// ---- Review sheet -------------------------------------------------------------------------

namespace accreditation_detail {
constexpr message_def sheet_description{
    "report.review_sheet.description",
    "Review sheet made by rco-audit {version} from {file} (SHA-256 {sha256}), profile {profile}, review date "
    "{date}. Fill in the reviewer, the date (YYYY-MM-DD), a verdict per check you judge (satisfied, "
    "not_satisfied or not_applicable) and the scores of each standard (has_it, uses_it: 0 none, 1 "
    "moderate, 2 excellent), with evidence codes (D documents, O observations, I interviews, S surveys, "
    "T tracers). Lines left blank (an empty verdict; both scores null) are skipped. A judgment on a check "
    "the machine decided overrides it and needs a note. Then: rco-audit check RECORD --review THIS-FILE."};
constexpr message_def sheet_automatic_result{"report.review_sheet.automatic_result",
                                             "{result} (score {score}%): {statuses}"};
} // namespace accreditation_detail

std::string write_review_sheet_json(const audit_result& r, const report_info& info) {
    namespace ad = accreditation_detail;
    const formats_detail::wording say(info);
    std::string out;
    io::json_writer w(out);
    w.begin_object();
    w.key("format");
    w.value("rco-review/1");
    w.key("description");
    // The review date as ISO in every language: it is what the reviewer types back.
    w.value(say.say(ad::sheet_description, {{"version", info.tool_version},
                                            {"file", info.input_file},
                                            {"sha256", info.input_sha256},
                                            {"profile", r.profile},
                                            {"date", format_date(r.as_of)}}));
    w.key("organization");
    w.begin_object();
    w.key("name");
    w.value(info.organization_name);
    w.key("ein");
    w.value(info.organization_ein);
    w.end_object();
    w.key("reviewer");
    w.begin_object();
    for (const char* k : {"id", "name", "role"}) {
        w.key(k);
        w.value("");
    }
    w.end_object();
    w.key("date");
    w.value("");
    w.key("judgments");
    w.begin_array();
    for (const auto& c : r.checks) {
        if (c.status != status::manual_review && c.status != status::insufficient_evidence)
            continue;
        w.begin_object();
        w.key("check");
        w.value(c.id);
        w.key("title");
        w.value(say.title(c));
        w.key("automatic_status");
        w.value(to_string(c.status));
        w.key("question");
        w.value(say.question(c));
        w.key("verdict");
        w.value("");
        w.key("evidence");
        w.strings({});
        w.key("note");
        w.value("");
        w.end_object();
    }
    w.end_array();
    w.key("scores");
    w.begin_array();
    for (const auto& s : r.standards) {
        std::string statuses;
        for (const auto& c : r.checks)
            if (c.standard == s.number)
                statuses += std::string(statuses.empty() ? "" : ", ") + std::string(c.id) + " " +
                            std::string(to_string(c.status));
        w.begin_object();
        w.key("standard");
        w.value(s.number);
        w.key("title");
        w.value(say.title(s));
        w.key("automatic_result");
        w.value(say.say(ad::sheet_automatic_result, {{"result", std::string(to_string(s.result))},
                                                     {"score", std::int64_t{s.score}},
                                                     {"statuses", statuses}}));
        w.key("has_it");
        w.number("null");
        w.key("uses_it");
        w.number("null");
        w.key("evidence");
        w.strings({});
        w.key("finding");
        w.value("");
        w.key("recommended_action");
        w.value("");
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
}

// ---- Text ---------------------------------------------------------------------------------

namespace accreditation_detail {

constexpr message_def pip_heading{"report.pip.heading", "Performance Improvement Plan"};
constexpr message_def pip_title{"report.pip.title", "PERFORMANCE IMPROVEMENT PLAN: {organization}"};
constexpr message_def pip_no_reviews{"report.pip.no_reviews",
                                     "No reviews were applied: a plan follows from reviewers' findings (rco-audit check "
                                     "RECORD --review FILE --format pip)."};
constexpr message_def pip_dates{"report.pip.dates",
                                "Review date {date} · items due {due} ({count} day) · profile {profile}",
                                "Review date {date} · items due {due} ({count} days) · profile {profile}",
                                "count"};
constexpr message_def pip_due{"report.pip.due", "Items due {due} ({count} day after the review of {date}).",
                              "Items due {due} ({count} days after the review of {date}).", "count"};
constexpr message_def pip_none{"report.pip.none", "No standard requires performance improvement."};
constexpr message_def pip_due_on{"report.pip.due_on", "due {due}"};
constexpr message_def pip_automatic{"report.pip.automatic", "Automatic result: {result}"};
constexpr message_def pip_reviewer{"report.pip.reviewer", "Reviewer {reviewer}:"};
constexpr message_def pip_no_check{"report.pip.no_check",
                                   "No check is failing or open: the reviewers' scores are what must improve."};
constexpr message_def pip_closes{"report.pip.closes", "Evidence that closes it:"};
constexpr message_def pip_closing{"report.pip.closing",
                                  "Each item is closed when the evidence is recorded and a reviewer confirms it; "
                                  "`rco-audit diff` against next year's report shows which items closed."};
constexpr message_def acc_caption{"report.accreditation.caption",
                                  "Per standard: the automatic result, the reviewers' mean scores (0 none, 1 moderate, "
                                  "2 excellent) and the finding"};
constexpr message_def acc_automatic_head{"report.accreditation.automatic", "Automatic"};
constexpr message_def acc_has_it_head{"report.accreditation.has_it", "Has it"};
constexpr message_def acc_uses_it_head{"report.accreditation.uses_it", "Uses it"};
constexpr message_def acc_reviewers_head{"report.accreditation.reviewers_column", "Reviewers"};
constexpr message_def acc_finding_head{"report.accreditation.finding_column", "Finding"};
constexpr message_def acc_differ{"report.accreditation.differ", " (differ by 2)"};


std::string reviewers_line(const accreditation_result& a, const wording& w) {
    std::string names;
    for (const auto& n : a.reviewers)
        names += (names.empty() ? "" : ", ") + n;
    return w.say(acc_reviewers, {{"reviewers", names}, {"date", a.review_date}});
}

/// The evidence of a PIP item: the catalog's evidence in the report's language, "; " between.
std::string closing_evidence(const check_result& c, const wording& w) {
    std::string ev;
    if (w.english() || !c.info)
        for (const auto& e : c.evidence())
            ev += (ev.empty() ? "" : "; ") + e;
    else
        for (std::size_t k = 0; k < c.info->evidence.size(); ++k)
            ev += (ev.empty() ? "" : "; ") + std::string(i18n::evidence(w.lang, *c.info, k));
    return ev;
}

/// "Reviewer Ana: finding. Recommended action: …", for a score with words, else "".
std::string reviewer_note(const reviewer_score& sc, const wording& w) {
    return w.say(pip_reviewer, {{"reviewer", sc.reviewer}}) + (sc.finding.empty() ? "" : then(sc.finding)) +
           (sc.recommended_action.empty() ? "" : then(w.word(acc_recommended) + " " + sc.recommended_action));
}

} // namespace accreditation_detail

std::string accreditation_text(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const wording w(info);
    const auto& a = *r.accreditation;
    std::string out = "\n" + formats_detail::upper(w.word(acc_heading)) + " (" + w.word(acc_indicative) + ")\n";
    out += wrap(reviewers_line(a, w), 2);
    for (const auto& s : r.standards) {
        out += "  " + std::string(s.number < 10 ? " " : "") + std::to_string(s.number) + ". " +
               w.say(acc_standard_line, {{"title", w.title(s)},
                                         {"result", standard_result_word(s, w)},
                                         {"finding", s.finding ? finding_word(*s.finding, w) : w.word(acc_not_scored)}}) +
               "\n";
        if (!s.review)
            continue;
        out += wrap(w.word(acc_scores) + " " + means_line(*s.review, w), 6);
        for (const auto& sc : s.review->scores)
            out += wrap("- " + score_line(sc, w), 6);
    }
    bool any = false;
    for (const auto& c : r.checks) {
        if (!c.review)
            continue;
        if (!any)
            out += "  " + w.word(acc_judgments) + ":\n";
        any = true;
        out += wrap(judgment_head(c, w), 4);
        for (const auto& v : c.review->verdicts)
            out += wrap("- " + verdict_line(v, w), 6);
    }
    out += wrap(counts_line(a, w), 2);
    out += wrap(outcome_line(a, w), 2);
    return out;
}

std::string write_pip(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    const wording w(info);
    std::string out = w.say(pip_title, {{"organization", info.organization_name.empty()
                                                             ? w.word(formats_detail::word_no_name)
                                                             : terminal_safe(info.organization_name)}}) +
                      "\n";
    if (!r.accreditation) {
        out += wrap(w.word(pip_no_reviews), 0);
        return terminal_safe(out, true);
    }
    const auto& a = *r.accreditation;
    out += w.say(pip_dates, {{"date", a.review_date},
                             {"due", a.pip_due},
                             {"count", std::int64_t{a.pip_due_days}},
                             {"profile", r.profile}}) +
           "\n";
    out += wrap(outcome_line(a, w), 0);
    const auto items = pip_items(r);
    if (items.empty()) {
        out += "\n" + w.word(pip_none) + "\n";
        return terminal_safe(out, true);
    }
    int n = 0;
    for (const auto& item : items) {
        const auto& s = *item.standard;
        out += "\n" + std::to_string(++n) + ". " + w.standard_heading(s) + " \u2014 " +
               w.say(pip_due_on, {{"due", item.due}}) + "\n";
        out += wrap(w.say(pip_automatic, {{"result", standard_result_word(s, w)}}) +
                        (s.review ? "; " + means_line(*s.review, w) : "") + ".",
                    3);
        if (s.review)
            for (const auto& sc : s.review->scores)
                if (!sc.finding.empty() || !sc.recommended_action.empty())
                    out += wrap(reviewer_note(sc, w), 3);
        if (item.checks.empty())
            out += wrap(w.word(pip_no_check), 3);
        for (const auto* c : item.checks) {
            out += wrap("[" + std::string(c->id) + "] " + w.title(*c) + " (" + w.level(c->level) + ", " +
                            plain(c->status, w.lang) + ")",
                        3);
            out += wrap(w.word(formats_detail::word_next_step) + " " + w.remediation(*c), 7);
            if (const auto ev = closing_evidence(*c, w); !ev.empty())
                out += wrap(w.word(pip_closes) + " " + ev, 7);
        }
    }
    out += "\n" + wrap(w.word(pip_closing), 0);
    return terminal_safe(out, true);
}

// ---- HTML ---------------------------------------------------------------------------------

std::string pip_html(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const wording w(info);
    const auto& a = *r.accreditation;
    auto h = [](std::string_view s) { return html_escape(s); };
    std::string out = "<section id=\"pip\" aria-labelledby=\"pip-heading\">\n<h2 id=\"pip-heading\">" +
                      h(w.word(pip_heading)) + "</h2>\n<p>" +
                      h(w.say(pip_due, {{"due", a.pip_due}, {"count", std::int64_t{a.pip_due_days}}, {"date", a.review_date}})) +
                      "</p>\n";
    const auto items = pip_items(r);
    if (items.empty())
        out += "<p>" + h(w.word(pip_none)) + "</p>\n";
    else
        out += "<ol>\n";
    for (const auto& item : items) {
        const auto& s = *item.standard;
        out += "<li><h3>" + h(w.standard_heading(s)) + " \u2014 " + h(w.say(pip_due_on, {{"due", item.due}})) +
               "</h3>\n<ul>\n";
        if (s.review)
            for (const auto& sc : s.review->scores)
                if (!sc.finding.empty() || !sc.recommended_action.empty())
                    out += "<li>" + h(w.say(pip_reviewer, {{"reviewer", sc.reviewer}})) + " " + h(sc.finding) +
                           (sc.recommended_action.empty()
                                ? ""
                                : " <strong>" + h(w.word(acc_recommended)) + "</strong> " + h(sc.recommended_action)) +
                           "</li>\n";
        for (const auto* c : item.checks) {
            const auto ev = closing_evidence(*c, w);
            out += "<li><span class=\"id\">" + h(c->id) + "</span> " + h(w.title(*c)) + " (" + h(w.level(c->level)) +
                   ", " + h(plain(c->status, w.lang)) + "). " + h(w.remediation(*c)) +
                   (ev.empty() ? "" : " <strong>" + h(w.word(pip_closes)) + "</strong> " + h(ev)) + "</li>\n";
        }
        out += "</ul></li>\n";
    }
    if (!items.empty())
        out += "</ol>\n";
    return out + "</section>\n";
}

std::string accreditation_html(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const wording w(info);
    const auto& a = *r.accreditation;
    auto h = [](std::string_view s) { return html_escape(s); };
    auto word = [&](const message_def& def) { return h(w.word(def)); };
    std::string out = "<section id=\"accreditation\" aria-labelledby=\"accreditation-heading\">\n<h2 "
                      "id=\"accreditation-heading\">" +
                      h(section_heading(w)) + "</h2>\n<p>" + h(reviewers_line(a, w)) + "</p>\n";
    out += "<p id=\"indicative-outcome\"><strong>" + h(outcome_line(a, w)) + "</strong></p>\n<p>" +
           h(counts_line(a, w)) + "</p>\n";
    out += "<table id=\"accreditation-scores\">\n<caption>" + word(acc_caption) +
           "</caption>\n<thead><tr><th scope=\"col\">" + word(formats_detail::word_no) + "</th><th scope=\"col\">" +
           word(formats_detail::word_standard_head) + "</th><th scope=\"col\">" + word(acc_automatic_head) +
           "</th><th scope=\"col\">" + word(acc_has_it_head) + "</th><th scope=\"col\">" + word(acc_uses_it_head) +
           "</th><th scope=\"col\">" + word(acc_reviewers_head) + "</th><th scope=\"col\">" + word(acc_finding_head) +
           "</th></tr></thead>\n<tbody>\n";
    for (const auto& s : r.standards) {
        out += "<tr><td>" + std::to_string(s.number) + "</td><td>" + h(w.title(s)) + "</td><td>" +
               h(standard_result_word(s, w)) + "</td>";
        if (s.review)
            out += "<td>" + w.decimal(s.review->has_it.text()) + "</td><td>" + w.decimal(s.review->uses_it.text()) + "</td><td>" +
                   std::to_string(s.review->scores.size()) + (s.review->wide_spread() ? word(acc_differ) : "") +
                   "</td><td>" + h(finding_word(*s.finding, w)) + "</td></tr>\n";
        else
            out += "<td>\u2014</td><td>\u2014</td><td>0</td><td>" + word(acc_not_scored) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    bool any = false;
    for (const auto& c : r.checks) {
        if (!c.review)
            continue;
        if (!any)
            out += "<h3>" + word(acc_judgments) + "</h3>\n<ul id=\"judgments\">\n";
        any = true;
        out += "<li><strong>" + h(judgment_head(c, w)) + "</strong><ul>\n";
        for (const auto& v : c.review->verdicts)
            out += "<li>" + h(verdict_line(v, w)) + "</li>\n";
        out += "</ul></li>\n";
    }
    if (any)
        out += "</ul>\n";
    out += "</section>\n";
    return out + pip_html(r, info);
}

// ---- Markdown -----------------------------------------------------------------------------

std::string pip_markdown(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const wording w(info);
    const auto& a = *r.accreditation;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    std::string out = "\n## " + md(w.word(pip_heading)) + "\n\n" +
                      md(w.say(pip_due, {{"due", a.pip_due}, {"count", std::int64_t{a.pip_due_days}}, {"date", a.review_date}})) +
                      "\n\n";
    const auto items = pip_items(r);
    if (items.empty())
        out += md(w.word(pip_none)) + "\n";
    int n = 0;
    for (const auto& item : items) {
        const auto& s = *item.standard;
        const auto number = std::to_string(++n) + ". ";
        const std::string pad(number.size(), ' ');
        out += number + "**" + md(w.standard_heading(s)) + "** \u2014 " + md(w.say(pip_due_on, {{"due", item.due}})) +
               "\n";
        if (s.review)
            for (const auto& sc : s.review->scores)
                if (!sc.finding.empty() || !sc.recommended_action.empty())
                    out += pad + "- " + md(w.say(pip_reviewer, {{"reviewer", sc.reviewer}})) + " " + md(sc.finding) +
                           (sc.recommended_action.empty()
                                ? ""
                                : " " + md(w.word(acc_recommended)) + " " + md(sc.recommended_action)) +
                           "\n";
        for (const auto* c : item.checks) {
            const auto ev = closing_evidence(*c, w);
            out += pad + "- **" + md(c->id) + "** " + md(w.title(*c)) + " (" + md(w.level(c->level)) + ", " +
                   md(plain(c->status, w.lang)) + "): " + md(w.remediation(*c)) +
                   (ev.empty() ? "" : " " + md(w.word(pip_closes)) + " " + md(ev)) + "\n";
        }
    }
    return out;
}

std::string accreditation_markdown(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const wording w(info);
    const auto& a = *r.accreditation;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    auto word = [&](const message_def& def) { return md(w.word(def)); };
    std::string out = "\n## " + md(section_heading(w)) + "\n\n";
    out += "**" + md(outcome_line(a, w)) + "**\n\n" + md(counts_line(a, w)) + " " + md(reviewers_line(a, w)) + "\n\n";
    out += "| " + word(formats_detail::word_no) + " | " + word(formats_detail::word_standard_head) + " | " +
           word(acc_automatic_head) + " | " + word(acc_has_it_head) + " | " + word(acc_uses_it_head) + " | " +
           word(acc_reviewers_head) + " | " + word(acc_finding_head) + " |\n| ---: | --- | --- | ---: | ---: | ---: | --- |\n";
    for (const auto& s : r.standards) {
        out += "| " + std::to_string(s.number) + " | " + md(w.title(s)) + " | " + standard_result_word(s, w) + " | ";
        if (s.review)
            out += w.decimal(s.review->has_it.text()) + " | " + w.decimal(s.review->uses_it.text()) + " | " +
                   std::to_string(s.review->scores.size()) + (s.review->wide_spread() ? word(acc_differ) : "") +
                   " | " + md(finding_word(*s.finding, w)) + " |\n";
        else
            out += "\u2014 | \u2014 | 0 | " + word(acc_not_scored) + " |\n";
    }
    bool any = false;
    for (const auto& c : r.checks) {
        if (!c.review)
            continue;
        if (!any)
            out += "\n### " + word(acc_judgments) + "\n\n";
        any = true;
        out += "- **" + md(judgment_head(c, w)) + "**\n";
        for (const auto& v : c.review->verdicts)
            out += "  - " + md(verdict_line(v, w)) + "\n";
    }
    return out + pip_markdown(r, info);
}

} // namespace rco::report
