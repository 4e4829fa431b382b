#pragma once

// The HTML report: one self-contained, printable, accessible page.
#include "rco/escape.hpp"
#include "rco/io/form_words.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"

namespace rco::report {

namespace formats_detail {
namespace {

// ---- HTML -------------------------------------------------------------------------------

std::string h(std::string_view text) { return html_escape(text); }

/// A single-line value from a record (a name, a file name, a message) in HTML: its control
/// characters and line breaks shown as the same visible escapes as in the text report
/// (terminal_safe), escaped, and isolated in <bdi> so right-to-left text in it cannot
/// reorder the tool's own words around it.
std::string bdi(std::string_view text) {
    return text.empty() ? std::string() : "<bdi>" + h(terminal_safe(text)) + "</bdi>";
}

// Colours (WCAG 2.x contrast ratios, all at least AA 4.5:1 for normal text, most AAA 7:1):
//   body text #1a1a1a on #ffffff 17.4:1; muted text #4a4a4a on #ffffff 8.9:1;
//   links #0b4f9c on #ffffff 8.0:1; table headers #1a1a1a on #f2f2f2 15.6:1;
//   ok badge #1e4620 on #edf7ed 9.8:1; bad badge #8a1c1c on #fdecea 8.1:1;
//   open badge #663c00 on #fff4e5 8.7:1; none badge #3d3d3d on #f2f2f2 9.7:1;
//   verdict boxes #1a1a1a on their tints ≥ 15.2:1.
// Colour only repeats what the symbol and the word already say.
constexpr std::string_view stylesheet = R"css(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #ffffff; line-height: 1.5; max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.75rem; margin: 0.5rem 0; line-height: 1.25; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
p, ul, ol, dl { margin: 0.4rem 0; }
a { color: #0b4f9c; }
.muted { color: #4a4a4a; }
.verdict { font-size: 1.2rem; padding: 0.75rem 1rem; border: 2px solid #1a1a1a; border-left-width: 0.5rem; }
.verdict.ok { background: #edf7ed; border-color: #1e4620; }
.verdict.bad { background: #fdecea; border-color: #8a1c1c; }
.verdict.open { background: #fff4e5; border-color: #663c00; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
thead th, tfoot th, tfoot td { background: #f2f2f2; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.s { font-weight: 600; white-space: nowrap; padding: 0 0.3em; border-radius: 0.2em; }
.s.ok { color: #1e4620; background: #edf7ed; }
.s.bad { color: #8a1c1c; background: #fdecea; }
.s.open { color: #663c00; background: #fff4e5; }
.s.none { color: #3d3d3d; background: #f2f2f2; }
.id { font-variant-numeric: tabular-nums; }
#action-plan li[id] { margin-bottom: 1rem; }
#action-plan h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.check { border-top: 1px solid #8c8c8c; padding-top: 0.25rem; }
.label { font-weight: 600; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: break-word; }
.scroll { overflow-x: auto; }
body.wide { max-width: none; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; }
@media print {
  @page { margin: 1.5cm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
  table, .check, #action-plan li[id], dl.details { break-inside: avoid; page-break-inside: avoid; }
  #what-to-fix { break-before: page; page-break-before: always; }
  .s, .verdict, thead th, tfoot th, tfoot td { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)css";

/// The page's head; `lang` is the page's language tag ("en", "es").
void html_head(std::string& out, std::string_view title, std::string_view tool_version, std::string_view lang,
               std::string_view extra_css = {}, std::string_view body_class = {}) {
    out += "<!doctype html>\n<html lang=\"" + h(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"rco-audit " + h(tool_version) + "\">\n";
    out += "<title>" + h(title) + "</title>\n<style>";
    out += stylesheet;
    out += extra_css;
    out += "</style>\n</head>\n";
    out += body_class.empty() ? "<body>\n" : "<body class=\"" + std::string(body_class) + "\">\n";
}

/// The symbol is hidden from screen readers: the word already says it, and hearing "heavy
/// ballot X" before every check helps no one.
std::string html_symbol(std::string_view symbol_text) {
    return "<span aria-hidden=\"true\">" + std::string(symbol_text) + "</span>";
}

template <class E>
std::string badge(E e, const message_language& lang) {
    return "<span class=\"s " + std::string(tone(e)) + "\">" + html_symbol(symbol(e)) + " " +
           h(sentence(plain(e, lang))) + "</span>";
}

/// A paragraph that starts with a label in bold: "<p><span class="label">Next step:</span> …</p>".
std::string labelled_html(const wording& w, const message_def& label_word, const std::string& html_value) {
    return "<p><span class=\"label\">" + h(w.word(label_word)) + "</span> " + html_value + "</p>\n";
}

std::string people_html(const check_result& c, const report_info& info, const wording& w) {
    if (!info.show_names || c.subjects.empty())
        return "";
    return labelled_html(w, word_people, bdi(join(c.subjects, ", ")));
}

std::string findings_html(const check_result& c, const wording& w) {
    if (c.findings.empty())
        return "";
    std::string out = "<ul class=\"findings\">\n";
    for (const auto& f : c.findings)
        out += "<li>" + h(finding_text(f, w)) + "</li>\n";
    return out + "</ul>\n";
}

std::string question_html(const check_result& c, const wording& w) {
    return shows_question(c, w) ? labelled_html(w, word_question, h(w.question(c))) : "";
}

constexpr message_def html_contents{"report.html.contents", "Contents"};
constexpr message_def html_standard_number{"report.html.standard_number", "Standard {number}"};
constexpr message_def html_caption{"report.html.scorecard_caption", "The ten RCO standards: {count} of {total} met"};
constexpr message_def html_standard_ref{"report.html.standard_ref", "standard {number}"};
constexpr message_def html_score{"report.html.score", "score {score}%"};
constexpr message_def html_what_to_do{"report.html.what_to_do_about", "What to do about {id}"};
constexpr message_def html_waiver{"report.html.waiver", "Waiver:"};
constexpr message_def html_tailoring{"report.html.tailoring", "Tailoring choices"};
constexpr message_def html_no_tailoring{"report.html.no_tailoring", "None: the profile is used as published."};
constexpr message_def html_names{"report.html.names", "Names"};
constexpr message_def html_input_sha{"report.html.input_sha256", "Input SHA-256"};

} // namespace
} // namespace formats_detail

// ---- HTML -------------------------------------------------------------------------------------

std::string write_html(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    const wording w(info);
    const auto& lang = w.lang;
    const auto word = [&w](const message_def& def) { return h(w.word(def)); };
    const auto org = organization_label(info, w);
    std::string out;
    out.reserve(64 * 1024);
    html_head(out, w.say(word_heading, {{"organization", terminal_safe(org)}}) + " \u2014 " + sentence(plain(r.result, lang)),
              info.tool_version, lang.tag());

    // (1) The verdict, in one sentence. The record's name is isolated in <bdi>.
    out += "<header>\n<h1>" + put_markup(h(w.say(word_heading, {{"organization", std::string(markup_mark)}})), bdi(org)) +
           "</h1>\n";
    out += "<p class=\"muted\">" + h(w.say(word_review_line, {{"date", r.as_of}, {"profile", r.profile}}));
    if (!info.organization_ein.empty())
        out += " \u00B7 EIN " + bdi(info.organization_ein);
    out += "</p>\n";
    out += "<p id=\"verdict\" class=\"verdict " + std::string(tone(r.result)) + "\"><strong>" +
           html_symbol(symbol(r.result)) + " " + h(verdict(r, w)) + "</strong></p>\n";
    out += "<p>" + h(counts_sentence(r, w)) + "</p>\n</header>\n";
    out += "<nav aria-label=\"" + word(html_contents) + "\">\n<ul>\n<li><a href=\"#scorecard\">" + word(word_scorecard) +
           "</a></li>\n<li><a href=\"#what-to-fix\">" + word(word_next) + "</a></li>\n";
    for (const auto& s : r.standards)
        out += "<li><a href=\"#standard-" + std::to_string(s.number) + "\">" +
               h(w.say(html_standard_number, {{"number", std::int64_t{s.number}}})) + "</a></li>\n";
    out += "<li><a href=\"#details\">" + word(word_about) + "</a></li>\n</ul>\n</nav>\n<main>\n";

    // (2) The scorecard.
    out += "<section aria-labelledby=\"scorecard-heading\">\n<h2 id=\"scorecard-heading\">" + word(word_scorecard) +
           "</h2>\n";
    out += "<table id=\"scorecard\">\n<caption>" +
           h(w.say(html_caption, {{"count", std::int64_t{standards_met(r)}},
                                  {"total", static_cast<std::int64_t>(r.standards.size())}})) +
           "</caption>\n";
    out += "<thead><tr><th scope=\"col\">" + word(word_no) + "</th><th scope=\"col\">" + word(word_standard_head) +
           "</th><th scope=\"col\">" + word(word_result_head) + "</th><th scope=\"col\" class=\"num\">" +
           word(word_score_head) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& s : r.standards) {
        const auto n = std::to_string(s.number);
        out += "<tr><td class=\"num\">" + n + "</td><th scope=\"row\"><a href=\"#standard-" + n + "\">" +
               h(w.title(s)) + "</a></th><td>" + badge(s.result, lang) + "</td><td class=\"num\">" +
               h(w.percent(s.score)) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";

    // (3) What to do next: evidence to record, work to do, questions for a reviewer.
    const auto parts = action_plan_parts(r);
    out += "<section id=\"what-to-fix\" aria-labelledby=\"what-to-fix-heading\">\n"
           "<h2 id=\"what-to-fix-heading\">" + word(word_next) + "</h2>\n";
    if (parts.evidence_to_record.empty() && parts.work_to_do.empty() && parts.for_a_reviewer.empty()) {
        out += "<p>" + word(word_nothing) + "</p>\n";
    } else {
        out += "<div id=\"action-plan\">\n";
        int n = 0;
        auto part = [&](const std::vector<const check_result*>& items, std::string_view id, const message_def& title,
                        const std::string& intro_html, auto&& body) {
            if (items.empty())
                return;
            out += "<h3 id=\"" + std::string(id) + "\">" + word(title) + " (" + std::to_string(items.size()) +
                   ")</h3>\n<p>" + intro_html + "</p>\n<ol start=\"" + std::to_string(n + 1) + "\">\n";
            for (const auto* c : items) {
                ++n;
                out += "<li id=\"fix-" + h(c->id) + "\">\n<h4><span class=\"id\">" + h(c->id) + "</span> " +
                       h(w.title(*c)) + "</h4>\n";
                out += "<p>" + badge(c->status, lang) + " \u00B7 " + h(w.level(c->level)) + " \u00B7 " +
                       h(w.say(html_standard_ref, {{"number", std::int64_t{c->standard}}})) + "</p>\n";
                out += "<p>" + h(w.explanation_in_form_words(*c)) + "</p>\n";
                body(*c);
                out += people_html(*c, info, w);
                out += "</li>\n";
            }
            out += "</ol>\n";
        };
        auto evidence_list = [&](const check_result& c, const message_def& label_word) {
            const auto items = w.evidence(c);
            if (items.empty())
                return;
            out += "<p class=\"label\">" + word(label_word) + "</p>\n<ul>\n";
            for (const auto& e : items)
                out += "<li>" + h(e) + "</li>\n";
            out += "</ul>\n";
        };
        part(parts.work_to_do, "work-to-do", word_work, word(word_work_intro), [&](const check_result& c) {
            out += findings_html(c, w);
            out += labelled_html(w, word_next_step, h(w.remediation(c)));
            evidence_list(c, word_keep);
        });
        const auto evidence_intro = put_markup(h(w.say(word_evidence_intro, {{"command", std::string(markup_mark)}})),
                                               "<code>" + word(word_init_command) + "</code>");
        part(parts.evidence_to_record, "evidence-to-record", word_evidence, evidence_intro,
             [&](const check_result& c) { evidence_list(c, word_record); });
        part(parts.for_a_reviewer, "for-a-reviewer", word_reviewer, word(word_reviewer_intro),
             [&](const check_result& c) {
                 out += findings_html(c, w);
                 out += question_html(c, w);
                 out += labelled_html(w, word_next_step, h(w.remediation(c)));
             });
        out += "</div>\n";
    }
    out += "</section>\n";

    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        out += "<section id=\"expiring-waivers\" aria-labelledby=\"expiring-waivers-heading\">\n"
               "<h2 id=\"expiring-waivers-heading\">" + h(expiring_heading(r, days, w)) + "</h2>\n";
        const auto expiring = expiring_waivers(r, days);
        if (expiring.empty())
            out += "<p>" + word(word_none) + "</p>\n";
        else {
            out += "<ul>\n";
            for (const auto* c : expiring)
                out += "<li><a href=\"#check-" + h(c->id) + "\">" + h(expiring_waiver_line(*c, r.as_of, lang)) + "</a></li>\n";
            out += "</ul>\n";
        }
        out += "</section>\n";
    }

    // (4) Every standard with its checks.
    for (const auto& s : r.standards) {
        const auto n = std::to_string(s.number);
        out += "<section id=\"standard-" + n + "\" class=\"standard\" aria-labelledby=\"standard-" + n +
               "-heading\">\n<h2 id=\"standard-" + n + "-heading\">" + h(w.standard_heading(s)) + "</h2>\n";
        out += "<p>" + badge(s.result, lang) + " \u00B7 " + h(w.say(html_score, {{"score", std::int64_t{s.score}}})) +
               "</p>\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out += "<article class=\"check\" id=\"check-" + h(c.id) + "\">\n<h3>" + badge(c.status, lang) +
                   " <span class=\"id\">" + h(c.id) + "</span> " + h(w.title(c)) + "</h3>\n";
            out += "<p class=\"muted\">" + h(w.level(c.level)) + " \u00B7 " + h(c.slug) + "</p>\n";
            out += "<p>" + h(w.explanation_in_form_words(c)) + "</p>\n";
            out += findings_html(c, w);
            out += question_html(c, w);
            if (c.waiver)
                out += labelled_html(w, html_waiver, h(waiver_text(c, lang)));
            out += people_html(c, info, w);
            if (c.status == status::fail || c.status == status::insufficient_evidence ||
                c.status == status::manual_review)
                out += "<p><a href=\"#fix-" + h(c.id) + "\">" + h(w.say(html_what_to_do, {{"id", std::string(c.id)}})) +
                       "</a></p>\n";
            out += "</article>\n";
        }
        out += "</section>\n";
    }

    out += accreditation_html(r, info); // with reviews only

    // (5) Provenance.
    out += "<section id=\"details\" aria-labelledby=\"details-heading\">\n"
           "<h2 id=\"details-heading\">" + word(word_about) + "</h2>\n<dl class=\"details\">\n";
    auto row = [&](const std::string& term_html, const std::string& html_value) {
        out += "<dt>" + term_html + "</dt><dd>" + html_value + "</dd>\n";
    };
    row(word(word_organization), bdi(org));
    if (!info.organization_ein.empty())
        row("EIN", bdi(info.organization_ein));
    row(word(word_profile), h(r.profile));
    row(word(word_review_date), format_date(r.as_of));
    row(word(word_input_file), "<code>" + bdi(info.input_file) + "</code>");
    row(word(html_input_sha), "<code>" + h(info.input_sha256) + "</code>");
    row(word(word_catalog), h(w.say(word_version, {{"version", info.catalog_version}})) + ", SHA-256 <code>" +
                                h(info.catalog_sha256) + "</code>");
    row(word(word_tool), "rco-audit " + h(info.tool_version));
    row(word(html_names), word(info.show_names ? word_names_included : word_no_names));
    out += "</dl>\n<h3>" + word(html_tailoring) + "</h3>\n";
    if (r.tailoring.empty()) {
        out += "<p>" + word(html_no_tailoring) + "</p>\n";
    } else {
        out += "<ul>\n";
        for (const auto& t : r.tailoring)
            out += "<li><span class=\"id\">" + h(t.check_id) + "</span>: " + h(t.what(lang)) + "</li>\n";
        out += "</ul>\n";
    }
    out += "<h3>" + word(word_warnings) + "</h3>\n";
    if (info.warnings.empty()) {
        out += "<p>" + word(word_none) + "</p>\n";
    } else {
        out += "<ul>\n";
        for (const auto& d : info.warnings)
            out += "<li><code>" + bdi(format_diagnostic(d, lang)) + "</code></li>\n";
        out += "</ul>\n";
    }
    out += "</section>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace rco::report
