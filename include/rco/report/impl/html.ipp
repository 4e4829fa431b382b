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

void html_head(std::string& out, std::string_view title, std::string_view tool_version,
               std::string_view extra_css = {}, std::string_view body_class = {}) {
    out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
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
std::string badge(E e) {
    return "<span class=\"s " + std::string(tone(e)) + "\">" + html_symbol(symbol(e)) + " " + sentence(plain(e)) +
           "</span>";
}

std::string people_html(const check_result& c, const report_info& info) {
    if (!info.show_names || c.subjects.empty())
        return "";
    return "<p><span class=\"label\">People concerned:</span> " + bdi(join(c.subjects, ", ")) + "</p>\n";
}

std::string findings_html(const check_result& c) {
    if (c.findings.empty())
        return "";
    std::string out = "<ul class=\"findings\">\n";
    for (const auto& f : c.findings)
        out += "<li>" + h(finding_text(f)) + "</li>\n";
    return out + "</ul>\n";
}

std::string question_html(const check_result& c) {
    return shows_question(c) ? "<p><span class=\"label\">Question for the reviewer:</span> " + h(c.question()) + "</p>\n"
                             : "";
}

} // namespace
} // namespace formats_detail

// ---- HTML -------------------------------------------------------------------------------------

std::string write_html(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    const auto org = organization_label(info);
    std::string out;
    out.reserve(64 * 1024);
    html_head(out, "RCO standards audit: " + terminal_safe(org) + " \u2014 " + sentence(plain(r.result)),
              info.tool_version);

    // (1) The verdict, in one sentence.
    out += "<header>\n<h1>RCO standards audit: " + bdi(org) + "</h1>\n";
    out += "<p class=\"muted\">Review date " + format_date(r.as_of) + " \u00B7 profile " + h(r.profile);
    if (!info.organization_ein.empty())
        out += " \u00B7 EIN " + bdi(info.organization_ein);
    out += "</p>\n";
    out += "<p id=\"verdict\" class=\"verdict " + std::string(tone(r.result)) + "\"><strong>" +
           html_symbol(symbol(r.result)) + " The organization" + h(verdict_tail(r)) + "</strong></p>\n";
    out += "<p>" + h(counts_sentence(r)) + "</p>\n</header>\n";
    out += "<nav aria-label=\"Contents\">\n<ul>\n<li><a href=\"#scorecard\">Scorecard</a></li>\n"
           "<li><a href=\"#what-to-fix\">What to do next</a></li>\n";
    for (const auto& s : r.standards)
        out += "<li><a href=\"#standard-" + std::to_string(s.number) + "\">Standard " + std::to_string(s.number) +
               "</a></li>\n";
    out += "<li><a href=\"#details\">About this report</a></li>\n</ul>\n</nav>\n<main>\n";

    // (2) The scorecard.
    out += "<section aria-labelledby=\"scorecard-heading\">\n<h2 id=\"scorecard-heading\">Scorecard</h2>\n";
    out += "<table id=\"scorecard\">\n<caption>The ten RCO standards: " + std::to_string(standards_met(r)) + " of " +
           std::to_string(r.standards.size()) + " met</caption>\n";
    out += "<thead><tr><th scope=\"col\">No.</th><th scope=\"col\">Standard</th><th scope=\"col\">Result</th>"
           "<th scope=\"col\" class=\"num\">Score</th></tr></thead>\n<tbody>\n";
    for (const auto& s : r.standards) {
        const auto n = std::to_string(s.number);
        out += "<tr><td class=\"num\">" + n + "</td><th scope=\"row\"><a href=\"#standard-" + n + "\">" + h(s.title) +
               "</a></th><td>" + badge(s.result) + "</td><td class=\"num\">" + std::to_string(s.score) +
               "%</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";

    // (3) What to do next: evidence to record, work to do, questions for a reviewer.
    const auto parts = action_plan_parts(r);
    out += "<section id=\"what-to-fix\" aria-labelledby=\"what-to-fix-heading\">\n"
           "<h2 id=\"what-to-fix-heading\">What to do next</h2>\n";
    if (parts.evidence_to_record.empty() && parts.work_to_do.empty() && parts.for_a_reviewer.empty()) {
        out += "<p>Nothing: every check passes, does not apply or is waived. Keep the evidence current for the next "
               "review.</p>\n";
    } else {
        out += "<div id=\"action-plan\">\n";
        int n = 0;
        auto part = [&](const std::vector<const check_result*>& items, std::string_view id, std::string_view title,
                        std::string_view intro, auto&& body) {
            if (items.empty())
                return;
            out += "<h3 id=\"" + std::string(id) + "\">" + std::string(title) + " (" + std::to_string(items.size()) +
                   ")</h3>\n<p>" + std::string(intro) + "</p>\n<ol start=\"" + std::to_string(n + 1) + "\">\n";
            for (const auto* c : items) {
                ++n;
                out += "<li id=\"fix-" + h(c->id) + "\">\n<h4><span class=\"id\">" + h(c->id) + "</span> " +
                       h(c->title()) + "</h4>\n";
                out += "<p>" + badge(c->status) + " \u00B7 " + std::string(to_string(c->level)) + " \u00B7 standard " +
                       std::to_string(c->standard) + "</p>\n";
                out += "<p>" + h(io::in_form_words(c->explanation())) + "</p>\n";
                body(*c);
                out += people_html(*c, info);
                out += "</li>\n";
            }
            out += "</ol>\n";
        };
        auto evidence_list = [&](const check_result& c, std::string_view label) {
            const auto items = evidence_in_form_words(c);
            if (items.empty())
                return;
            out += "<p class=\"label\">" + std::string(label) + "</p>\n<ul>\n";
            for (const auto& e : items)
                out += "<li>" + h(e) + "</li>\n";
            out += "</ul>\n";
        };
        part(parts.work_to_do, "work-to-do", "Work to do",
             "These checks fail: the record shows the requirement is not met. Required checks come first.",
             [&](const check_result& c) {
                 out += findings_html(c);
                 out += "<p><span class=\"label\">Next step:</span> " + h(c.remediation()) + "</p>\n";
                 evidence_list(c, "Keep on record:");
             });
        part(parts.evidence_to_record, "evidence-to-record", "Evidence to record",
             "The record lacks what these checks need. Record what the organization has, in the workbook "
             "(<code>rco-audit init my-rco.xlsx</code>) or the same fields of the record; the next audit then "
             "judges it.",
             [&](const check_result& c) { evidence_list(c, "Record:"); });
        part(parts.for_a_reviewer, "for-a-reviewer", "For a reviewer", "A person must judge these checks.",
             [&](const check_result& c) {
                 out += findings_html(c);
                 out += question_html(c);
                 out += "<p><span class=\"label\">Next step:</span> " + h(c.remediation()) + "</p>\n";
             });
        out += "</div>\n";
    }
    out += "</section>\n";

    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        out += "<section id=\"expiring-waivers\" aria-labelledby=\"expiring-waivers-heading\">\n"
               "<h2 id=\"expiring-waivers-heading\">Waivers expiring within " + std::to_string(days) +
               (days == 1 ? " day" : " days") + " (by " + format_date(add_days(r.as_of, days)) + ")</h2>\n";
        const auto expiring = expiring_waivers(r, days);
        if (expiring.empty())
            out += "<p>None.</p>\n";
        else {
            out += "<ul>\n";
            for (const auto* c : expiring)
                out += "<li><a href=\"#check-" + h(c->id) + "\">" + h(expiring_waiver_line(*c, r.as_of)) + "</a></li>\n";
            out += "</ul>\n";
        }
        out += "</section>\n";
    }

    // (4) Every standard with its checks.
    for (const auto& s : r.standards) {
        const auto n = std::to_string(s.number);
        out += "<section id=\"standard-" + n + "\" class=\"standard\" aria-labelledby=\"standard-" + n +
               "-heading\">\n<h2 id=\"standard-" + n + "-heading\">Standard " + n + ": " + h(s.title) + "</h2>\n";
        out += "<p>" + badge(s.result) + " \u00B7 score " + std::to_string(s.score) + "%</p>\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out += "<article class=\"check\" id=\"check-" + h(c.id) + "\">\n<h3>" + badge(c.status) +
                   " <span class=\"id\">" + h(c.id) + "</span> " + h(c.title()) + "</h3>\n";
            out += "<p class=\"muted\">" + std::string(to_string(c.level)) + " \u00B7 " + h(c.slug) + "</p>\n";
            out += "<p>" + h(io::in_form_words(c.explanation())) + "</p>\n";
            out += findings_html(c);
            out += question_html(c);
            if (c.waiver)
                out += "<p><span class=\"label\">Waiver:</span> " + h(waiver_text(c)) + "</p>\n";
            out += people_html(c, info);
            if (c.status == status::fail || c.status == status::insufficient_evidence ||
                c.status == status::manual_review)
                out += "<p><a href=\"#fix-" + h(c.id) + "\">What to do about " + h(c.id) + "</a></p>\n";
            out += "</article>\n";
        }
        out += "</section>\n";
    }

    out += accreditation_html(r, info); // with reviews only

    // (5) Provenance.
    out += "<section id=\"details\" aria-labelledby=\"details-heading\">\n"
           "<h2 id=\"details-heading\">About this report</h2>\n<dl class=\"details\">\n";
    auto row = [&](std::string_view term, const std::string& html_value) {
        out += "<dt>" + std::string(term) + "</dt><dd>" + html_value + "</dd>\n";
    };
    row("Organization", bdi(org));
    if (!info.organization_ein.empty())
        row("EIN", bdi(info.organization_ein));
    row("Profile", h(r.profile));
    row("Review date", format_date(r.as_of));
    row("Input file", "<code>" + bdi(info.input_file) + "</code>");
    row("Input SHA-256", "<code>" + h(info.input_sha256) + "</code>");
    row("Catalog", "version " + h(info.catalog_version) + ", SHA-256 <code>" + h(info.catalog_sha256) + "</code>");
    row("Tool", "rco-audit " + h(info.tool_version));
    row("Names", info.show_names ? "The ids of the people behind the counts are included."
                                 : "Names and ids of board members and peer workers are left out; counts only.");
    out += "</dl>\n<h3>Tailoring choices</h3>\n";
    if (r.tailoring.empty()) {
        out += "<p>None: the profile is used as published.</p>\n";
    } else {
        out += "<ul>\n";
        for (const auto& t : r.tailoring)
            out += "<li><span class=\"id\">" + h(t.check_id) + "</span>: " + h(t.what()) + "</li>\n";
        out += "</ul>\n";
    }
    out += "<h3>Warnings about the record</h3>\n";
    if (info.warnings.empty()) {
        out += "<p>None.</p>\n";
    } else {
        out += "<ul>\n";
        for (const auto& w : info.warnings)
            out += "<li><code>" + bdi(format_diagnostic(w)) + "</code></li>\n";
        out += "</ul>\n";
    }
    out += "</section>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace rco::report
