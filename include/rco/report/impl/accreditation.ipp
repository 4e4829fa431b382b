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

std::string counts_line(const accreditation_result& a) {
    return std::to_string(a.exceeds) + " exceed" + (a.exceeds == 1 ? "s" : "") + ", " + std::to_string(a.meets) +
           " meet" + (a.meets == 1 ? "s" : "") + ", " + std::to_string(a.requires_improvement) +
           (a.requires_improvement == 1 ? " requires" : " require") + " performance improvement" +
           (a.not_scored ? ", " + std::to_string(a.not_scored) + " not scored by any reviewer" : "");
}

std::string outcome_line(const accreditation_result& a) {
    return "Indicative outcome: " + a.band_title + " (" + a.band + "); " + std::string(indicative_wording) + ".";
}

/// "has it 1.50, uses it 2.00 (2 reviewers; spread 1 / 0)".
std::string means_line(const standard_review& sr) {
    return "has it " + sr.has_it.text() + ", uses it " + sr.uses_it.text() + " (" + std::to_string(sr.scores.size()) +
           (sr.scores.size() == 1 ? " reviewer" : " reviewers") + "; spread " + std::to_string(sr.has_it_spread) +
           " / " + std::to_string(sr.uses_it_spread) + ")" +
           (sr.wide_spread() ? "; reviewers differ by 2 on a dimension: the committee should compare their notes" : "");
}

/// " Text." after a sentence: the text with one final period.
std::string then(std::string_view text) {
    std::string out = " " + std::string(text);
    if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?')
        out += '.';
    return out;
}

std::string score_line(const reviewer_score& s) {
    std::string out = s.reviewer + (s.role.empty() ? "" : " (" + s.role + ")") + ", " + format_date(s.date) +
                      ": has it " + std::to_string(s.has_it) + ", uses it " + std::to_string(s.uses_it);
    if (!s.evidence.empty())
        out += " [" + codes(s.evidence) + "]";
    out += ".";
    if (!s.finding.empty())
        out += then("Finding: " + s.finding);
    if (!s.recommended_action.empty())
        out += then("Recommended action: " + s.recommended_action);
    return out;
}

std::string verdict_line(const reviewer_verdict& v) {
    std::string out = v.reviewer + (v.role.empty() ? "" : " (" + v.role + ")") + ", " + format_date(v.date) + ": " +
                      std::string(to_string(v.verdict));
    if (!v.evidence.empty())
        out += " [" + codes(v.evidence) + "]";
    out += ".";
    if (!v.note.empty())
        out += then(v.note);
    return out;
}

std::string judgment_head(const check_result& c) {
    const auto& rv = *c.review;
    if (rv.disagreement())
        return c.id + ": reviewers DISAGREE (stays manual_review; the committee must settle it)";
    return c.id + ": " + std::string(to_string(*rv.agreed)) + " -> " + std::string(to_string(c.status)) +
           (rv.overridden ? ", OVERRIDDEN BY A REVIEWER (automatic: " + std::string(to_string(*c.automatic_status)) + ")"
                          : " (automatic: " + std::string(to_string(*c.automatic_status)) + ")");
}

std::string standard_result_word(const standard_result& s) { return std::string(to_string(s.result)); }

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
            ids.push_back(c->id);
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

std::string accreditation_summary_html(const std::vector<summary_row>& rows) {
    if (!accreditation_detail::any_reviews(rows))
        return {};
    std::string out = "<section id=\"accreditation-summary\" aria-labelledby=\"accreditation-summary-heading\">\n<h2 "
                      "id=\"accreditation-summary-heading\">Accreditation review (" +
                      std::string(indicative_wording) +
                      ")</h2>\n<div class=\"scroll\">\n<table>\n<caption>Each reviewed organization's finding per "
                      "standard (E exceeds, M meets, RI requires performance improvement, \u2013 not scored) and its "
                      "indicative outcome</caption>\n<thead><tr><th scope=\"col\">Organization</th>";
    for (int i = 1; i <= accreditation_detail::summary_standards; ++i)
        out += "<th scope=\"col\">S" + std::to_string(i) + "</th>";
    out += "<th scope=\"col\">E / M / RI</th><th scope=\"col\">Indicative outcome</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        if (!row.result || !row.result->accreditation)
            continue;
        const auto& a = *row.result->accreditation;
        out += "<tr><th scope=\"row\">" + html_escape(row.organization.empty() ? "(name not recorded)" : row.organization) +
               "</th>";
        for (int i = 1; i <= accreditation_detail::summary_standards; ++i) {
            std::string cell = "\u2013";
            for (const auto& s : row.result->standards)
                if (s.number == i && s.finding)
                    cell = *s.finding == finding::exceeds ? "E" : *s.finding == finding::meets ? "M" : "RI";
            out += "<td>" + cell + "</td>";
        }
        out += "<td>" + std::to_string(a.exceeds) + " / " + std::to_string(a.meets) + " / " +
               std::to_string(a.requires_improvement) + "</td><td>" + html_escape(a.band_title) + "</td></tr>\n";
    }
    return out + "</tbody>\n</table>\n</div>\n</section>\n";
}

// ---- Review sheet -------------------------------------------------------------------------

std::string write_review_sheet_json(const audit_result& r, const report_info& info) {
    std::string out;
    io::json_writer w(out);
    w.begin_object();
    w.key("format");
    w.value("rco-review/1");
    w.key("description");
    w.value("Review sheet made by rco-audit " + info.tool_version + " from " + info.input_file + " (SHA-256 " +
            info.input_sha256 + "), profile " + r.profile + ", review date " + format_date(r.as_of) +
            ". Fill in the reviewer, the date (YYYY-MM-DD), a verdict per check you judge (satisfied, "
            "not_satisfied or not_applicable) and the scores of each standard (has_it, uses_it: 0 none, 1 "
            "moderate, 2 excellent), with evidence codes (D documents, O observations, I interviews, S surveys, "
            "T tracers). Lines left blank (an empty verdict; both scores null) are skipped. A judgment on a check "
            "the machine decided overrides it and needs a note. Then: rco-audit check RECORD --review THIS-FILE.");
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
        w.value(c.title());
        w.key("automatic_status");
        w.value(to_string(c.status));
        w.key("question");
        w.value(c.question());
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
                statuses += (statuses.empty() ? "" : ", ") + c.id + " " + std::string(to_string(c.status));
        w.begin_object();
        w.key("standard");
        w.value(s.number);
        w.key("title");
        w.value(s.title);
        w.key("automatic_result");
        w.value(std::string(to_string(s.result)) + " (score " + std::to_string(s.score) + "%): " + statuses);
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

std::string accreditation_text(const audit_result& r, const report_info&) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const auto& a = *r.accreditation;
    std::string out = "\nACCREDITATION REVIEW (" + std::string(indicative_wording) + ")\n";
    std::string who;
    for (const auto& n : a.reviewers)
        who += (who.empty() ? "" : ", ") + n;
    out += wrap("Reviewers: " + who + "; latest review " + format_date(a.review_date) + ".", 2);
    for (const auto& s : r.standards) {
        out += "  " + std::string(s.number < 10 ? " " : "") + std::to_string(s.number) + ". " + s.title +
               " — automatic: " + standard_result_word(s) + "; finding: " +
               (s.finding ? std::string(plain(*s.finding)) : std::string("not scored")) + "\n";
        if (!s.review)
            continue;
        out += wrap("Scores: " + means_line(*s.review), 6);
        for (const auto& sc : s.review->scores)
            out += wrap("- " + score_line(sc), 6);
    }
    bool any = false;
    for (const auto& c : r.checks) {
        if (!c.review)
            continue;
        if (!any)
            out += "  Reviewers' judgments on checks:\n";
        any = true;
        out += wrap(judgment_head(c), 4);
        for (const auto& v : c.review->verdicts)
            out += wrap("- " + verdict_line(v), 6);
    }
    out += wrap("Findings: " + counts_line(a) + ".", 2);
    out += wrap(outcome_line(a), 2);
    return out;
}

std::string write_pip(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    std::string out = "PERFORMANCE IMPROVEMENT PLAN: " +
                      (info.organization_name.empty() ? std::string("(organization name not recorded)")
                                                      : terminal_safe(info.organization_name)) +
                      "\n";
    if (!r.accreditation) {
        out += wrap("No reviews were applied: a plan follows from reviewers' findings (rco-audit check RECORD "
                    "--review FILE --format pip).",
                    0);
        return terminal_safe(out, true);
    }
    const auto& a = *r.accreditation;
    out += "Review date " + format_date(a.review_date) + " · items due " + format_date(a.pip_due) + " (" +
           std::to_string(a.pip_due_days) + " days) · profile " + r.profile + "\n";
    out += wrap(outcome_line(a), 0);
    const auto items = pip_items(r);
    if (items.empty()) {
        out += "\nNo standard requires performance improvement.\n";
        return terminal_safe(out, true);
    }
    int n = 0;
    for (const auto& item : items) {
        const auto& s = *item.standard;
        out += "\n" + std::to_string(++n) + ". Standard " + std::to_string(s.number) + ": " + s.title + " — due " +
               format_date(item.due) + "\n";
        out += wrap("Automatic result: " + standard_result_word(s) + (s.review ? "; " + means_line(*s.review) : "") +
                        ".",
                    3);
        if (s.review)
            for (const auto& sc : s.review->scores)
                if (!sc.finding.empty() || !sc.recommended_action.empty())
                    out += wrap("Reviewer " + sc.reviewer + ":" + (sc.finding.empty() ? "" : then(sc.finding)) +
                                    (sc.recommended_action.empty() ? ""
                                                                   : then("Recommended action: " + sc.recommended_action)),
                                3);
        if (item.checks.empty())
            out += wrap("No check is failing or open: the reviewers' scores are what must improve.", 3);
        for (const auto* c : item.checks) {
            out += wrap("[" + c->id + "] " + c->title() + " (" + std::string(to_string(c->level)) + ", " +
                            std::string(plain(c->status)) + ")",
                        3);
            out += wrap("Next step: " + c->remediation(), 7);
            if (!c->evidence().empty()) {
                std::string ev;
                for (const auto& e : c->evidence())
                    ev += (ev.empty() ? "" : "; ") + e;
                out += wrap("Evidence that closes it: " + ev, 7);
            }
        }
    }
    out += "\n" + wrap("Each item is closed when the evidence is recorded and a reviewer confirms it; `rco-audit "
                      "diff` against next year's report shows which items closed.",
                      0);
    return terminal_safe(out, true);
}

// ---- HTML ---------------------------------------------------------------------------------

std::string pip_html(const audit_result& r, const report_info&) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const auto& a = *r.accreditation;
    auto h = [](std::string_view s) { return html_escape(s); };
    std::string out = "<section id=\"pip\" aria-labelledby=\"pip-heading\">\n<h2 id=\"pip-heading\">Performance "
                      "Improvement Plan</h2>\n<p>Items due " +
                      format_date(a.pip_due) + " (" + std::to_string(a.pip_due_days) + " days after the review of " +
                      format_date(a.review_date) + ").</p>\n";
    const auto items = pip_items(r);
    if (items.empty())
        out += "<p>No standard requires performance improvement.</p>\n";
    else
        out += "<ol>\n";
    for (const auto& item : items) {
        const auto& s = *item.standard;
        out += "<li><h3>Standard " + std::to_string(s.number) + ": " + h(s.title) + " \u2014 due " +
               format_date(item.due) + "</h3>\n<ul>\n";
        if (s.review)
            for (const auto& sc : s.review->scores)
                if (!sc.finding.empty() || !sc.recommended_action.empty())
                    out += "<li>Reviewer " + h(sc.reviewer) + ": " + h(sc.finding) +
                           (sc.recommended_action.empty() ? "" : " <strong>Recommended action:</strong> " +
                                                                     h(sc.recommended_action)) +
                           "</li>\n";
        for (const auto* c : item.checks) {
            std::string ev;
            for (const auto& e : c->evidence())
                ev += (ev.empty() ? "" : "; ") + e;
            out += "<li><span class=\"id\">" + h(c->id) + "</span> " + h(c->title()) + " (" +
                   std::string(to_string(c->level)) + ", " + h(plain(c->status)) + "). " + h(c->remediation()) +
                   (ev.empty() ? "" : " <strong>Evidence that closes it:</strong> " + h(ev)) + "</li>\n";
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
    const auto& a = *r.accreditation;
    auto h = [](std::string_view s) { return html_escape(s); };
    std::string who;
    for (const auto& n : a.reviewers)
        who += (who.empty() ? "" : ", ") + n;
    std::string out = "<section id=\"accreditation\" aria-labelledby=\"accreditation-heading\">\n<h2 "
                      "id=\"accreditation-heading\">Accreditation review (" +
                      std::string(indicative_wording) + ")</h2>\n<p>Reviewers: " + h(who) + "; latest review " +
                      format_date(a.review_date) + ".</p>\n";
    out += "<p id=\"indicative-outcome\"><strong>" + h(outcome_line(a)) + "</strong></p>\n<p>Findings: " +
           h(counts_line(a)) + ".</p>\n";
    out += "<table id=\"accreditation-scores\">\n<caption>Per standard: the automatic result, the reviewers' mean "
           "scores (0 none, 1 moderate, 2 excellent) and the finding</caption>\n<thead><tr><th scope=\"col\">No."
           "</th><th scope=\"col\">Standard</th><th scope=\"col\">Automatic</th><th scope=\"col\">Has it</th><th "
           "scope=\"col\">Uses it</th><th scope=\"col\">Reviewers</th><th scope=\"col\">Finding</th></tr></thead>"
           "\n<tbody>\n";
    for (const auto& s : r.standards) {
        out += "<tr><td>" + std::to_string(s.number) + "</td><td>" + h(s.title) + "</td><td>" +
               h(standard_result_word(s)) + "</td>";
        if (s.review)
            out += "<td>" + s.review->has_it.text() + "</td><td>" + s.review->uses_it.text() + "</td><td>" +
                   std::to_string(s.review->scores.size()) + (s.review->wide_spread() ? " (differ by 2)" : "") +
                   "</td><td>" + h(plain(*s.finding)) + "</td></tr>\n";
        else
            out += "<td>\u2014</td><td>\u2014</td><td>0</td><td>not scored</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    bool any = false;
    for (const auto& c : r.checks) {
        if (!c.review)
            continue;
        if (!any)
            out += "<h3>Reviewers' judgments on checks</h3>\n<ul id=\"judgments\">\n";
        any = true;
        out += "<li><strong>" + h(judgment_head(c)) + "</strong><ul>\n";
        for (const auto& v : c.review->verdicts)
            out += "<li>" + h(verdict_line(v)) + "</li>\n";
        out += "</ul></li>\n";
    }
    if (any)
        out += "</ul>\n";
    out += "</section>\n";
    return out + pip_html(r, info);
}

// ---- Markdown -----------------------------------------------------------------------------

std::string pip_markdown(const audit_result& r, const report_info&) {
    if (!r.accreditation)
        return {};
    const auto& a = *r.accreditation;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    std::string out = "\n## Performance Improvement Plan\n\nItems due " + format_date(a.pip_due) + " (" +
                      std::to_string(a.pip_due_days) + " days after the review of " + format_date(a.review_date) +
                      ").\n\n";
    const auto items = pip_items(r);
    if (items.empty())
        out += "No standard requires performance improvement.\n";
    int n = 0;
    for (const auto& item : items) {
        const auto& s = *item.standard;
        const auto number = std::to_string(++n) + ". ";
        const std::string pad(number.size(), ' ');
        out += number + "**Standard " + std::to_string(s.number) + ": " + md(s.title) + "** \u2014 due " +
               format_date(item.due) + "\n";
        if (s.review)
            for (const auto& sc : s.review->scores)
                if (!sc.finding.empty() || !sc.recommended_action.empty())
                    out += pad + "- Reviewer " + md(sc.reviewer) + ": " + md(sc.finding) +
                           (sc.recommended_action.empty() ? "" : " Recommended action: " + md(sc.recommended_action)) +
                           "\n";
        for (const auto* c : item.checks) {
            std::string ev;
            for (const auto& e : c->evidence())
                ev += (ev.empty() ? "" : "; ") + e;
            out += pad + "- **" + md(c->id) + "** " + md(c->title()) + " (" + std::string(to_string(c->level)) +
                   ", " + md(plain(c->status)) + "): " + md(c->remediation()) +
                   (ev.empty() ? "" : " Evidence that closes it: " + md(ev)) + "\n";
        }
    }
    return out;
}

std::string accreditation_markdown(const audit_result& r, const report_info& info) {
    using namespace accreditation_detail;
    if (!r.accreditation)
        return {};
    const auto& a = *r.accreditation;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    std::string who;
    for (const auto& n : a.reviewers)
        who += (who.empty() ? "" : ", ") + n;
    std::string out = "\n## Accreditation review (" + std::string(indicative_wording) + ")\n\n";
    out += "**" + md(outcome_line(a)) + "**\n\nFindings: " + md(counts_line(a)) + ". Reviewers: " + md(who) +
           "; latest review " + format_date(a.review_date) + ".\n\n";
    out += "| No. | Standard | Automatic | Has it | Uses it | Reviewers | Finding |\n| ---: | --- | --- | ---: | ---: | "
           "---: | --- |\n";
    for (const auto& s : r.standards) {
        out += "| " + std::to_string(s.number) + " | " + md(s.title) + " | " + standard_result_word(s) + " | ";
        if (s.review)
            out += s.review->has_it.text() + " | " + s.review->uses_it.text() + " | " +
                   std::to_string(s.review->scores.size()) + (s.review->wide_spread() ? " (differ by 2)" : "") +
                   " | " + std::string(plain(*s.finding)) + " |\n";
        else
            out += "\u2014 | \u2014 | 0 | not scored |\n";
    }
    bool any = false;
    for (const auto& c : r.checks) {
        if (!c.review)
            continue;
        if (!any)
            out += "\n### Reviewers' judgments on checks\n\n";
        any = true;
        out += "- **" + md(judgment_head(c)) + "**\n";
        for (const auto& v : c.review->verdicts)
            out += "  - " + md(verdict_line(v)) + "\n";
    }
    return out + pip_markdown(r, info);
}

} // namespace rco::report
