#pragma once

#include "rco/escape.hpp"
#include "rco/io/form_words.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"
#include "rco/report/report.hpp"

#include <array>
#include <cstdint>
#include <map>

namespace rco::report {

// Helpers live in their own namespace: report.ipp is compiled in the same translation
// unit and has unnamed-namespace helpers of its own.
namespace formats_detail {
namespace {

// ---- Text ----------------------------------------------------------------------------

constexpr std::string_view replacement_char = "\xEF\xBF\xBD"; // U+FFFD

/// Walks `text` as UTF-8 (rco::for_each_utf8). Calls `ascii(char)` for each ASCII
/// character XML allows and appends other well-formed characters unchanged, except: U+FFFD
/// for invalid bytes and for characters XML 1.0 forbids (C0 controls other than tab, LF
/// and CR; U+FFFE, U+FFFF), so HTML and XML output stays well-formed for any input; and
/// the visible escape (rco::visible_escape, e.g. `\u202e`) for DEL, C1 controls, line and
/// paragraph separators and bidirectional controls, so record text cannot reorder or
/// hide the text around it.
template <class Ascii>
void for_each_safe_char(std::string_view text, std::string& out, Ascii ascii) {
    for_each_utf8(
        text,
        [&](char32_t c, std::string_view bytes) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out += replacement_char;
            else if (c < 0x7F)
                ascii(static_cast<char>(c));
            else if (c == 0xFFFE || c == 0xFFFF)
                out += replacement_char;
            else if (is_control_char(c))
                out += visible_escape(c);
            else
                out.append(bytes);
        },
        [&](unsigned char) { out += replacement_char; });
}

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

/// Element content of XML: only & < > need escaping; quotes stay readable.
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for_each_safe_char(text, out, [&](char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += ch;
        }
    });
    return out;
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

std::string waiver_sentence(const check_result& c, const message_language& lang) {
    return formats_detail::waiver_text(c, lang);
}

// ---- Escaping -------------------------------------------------------------------------------

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    formats_detail::for_each_safe_char(text, out, [&](char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    });
    return out;
}

std::string xml_attribute_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    formats_detail::for_each_safe_char(text, out, [&](char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t': out += "&#9;"; break;
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        default: out += ch;
        }
    });
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string flat;
    // One line: a line break would end a table row or start a new block.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        // Runs of white space become one space (renderers collapse them anyway); leading
        // spaces could start a code block.
        if (ch == ' ' || ch == '\r' || ch == '\n' || ch == '\t') {
            if (!flat.empty() && flat.back() != ' ')
                flat += ' ';
        } else {
            flat += ch;
        }
    }
    while (!flat.empty() && flat.back() == ' ')
        flat.pop_back();
    // Other control characters (ESC, bidirectional controls, …) and bytes that are not
    // UTF-8 become visible escapes; their backslash is escaped below like any other.
    flat = terminal_safe(flat);

    std::string out;
    out.reserve(flat.size() + flat.size() / 8);
    // Block markup only counts at the start, and only when followed by a space or the end
    // (a heading "# ", a list item "- " or "1. ") or repeated (a rule "---", an underline
    // "=="); "-2" or "2026.11.0" stay as they are.
    std::size_t start = 0;
    auto ends_marker = [&](std::size_t i) { return i >= flat.size() || flat[i] == ' '; };
    if (!flat.empty() && (flat[0] == '#' || flat[0] == '+' || flat[0] == '-' || flat[0] == '=') &&
        (ends_marker(1) || flat[1] == flat[0])) {
        out += '\\';
    } else {
        std::size_t digits = 0;
        while (digits < flat.size() && flat[digits] >= '0' && flat[digits] <= '9')
            ++digits;
        if (digits > 0 && digits < flat.size() && (flat[digits] == '.' || flat[digits] == ')') &&
            ends_marker(digits + 1)) {
            out.append(flat, 0, digits);
            out += '\\';
            start = digits;
        }
    }
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    // "&name;" or "&#123;" would be decoded as a character reference.
    auto entity_at = [&](std::size_t i) {
        std::size_t j = i + 1;
        if (j < flat.size() && flat[j] == '#')
            ++j;
        const std::size_t first = j;
        while (j < flat.size() && alnum(flat[j]))
            ++j;
        return j > first && j < flat.size() && flat[j] == ';';
    };
    for (std::size_t i = start; i < flat.size(); ++i) {
        const char ch = flat[i];
        switch (ch) {
        // Entities for angle brackets: every Markdown flavour decodes them, while a
        // backslash before "<" is not an escape in some (Markdown.pl) and raw HTML would pass.
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += entity_at(i) ? "&amp;" : "&"; break;
        // "[" opens links and images; with it escaped, "]" is plain text.
        case '\\': case '`': case '*': case '[': case '|': case '~':
            out += '\\';
            out += ch;
            break;
        case '_': // inside a word (snake_case field names) an underscore is never emphasis
            if (i == 0 || i + 1 == flat.size() || !alnum(flat[i - 1]) || !alnum(flat[i + 1]))
                out += '\\';
            out += ch;
            break;
        default: out += ch;
        }
    }
    return out;
}

std::string csv_field(std::string_view text) {
    // A spreadsheet evaluates a cell starting with = + - or @ as a formula (CSV injection),
    // also after leading spaces or quotes, and some after a tab or CR: an apostrophe makes
    // it show the cell as text.
    const auto first = text.find_first_not_of(" \t\r\n\"'");
    const bool formula = (!text.empty() && (text[0] == '\t' || text[0] == '\r')) ||
                         (first != std::string_view::npos &&
                          (text[first] == '=' || text[first] == '+' || text[first] == '-' || text[first] == '@'));
    // One physical line per row, nothing that acts on a terminal: control characters
    // (line breaks included) become visible escapes such as \n and \x1b.
    const std::string value = (formula ? "'" : "") + terminal_safe(text);
    // Quoted when it holds a quote or the field separator of any common locale (, or ;),
    // so "Acme;=1+2" stays one inert cell wherever it is opened.
    if (value.find_first_of(",;\"") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char ch : value) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + "\"";
}

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

// ---- Markdown -----------------------------------------------------------------------------------

std::string write_markdown(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    const auto org = organization_label(info);
    std::string out;
    out.reserve(32 * 1024);

    // The verdict's lines start with the tool's own words; the record's name comes after.
    out += "# " + label(r.result) + " \u2014 " + md(org) + "\n\n";
    out += "**" + std::string(symbol(r.result)) + " " + md("The organization" + verdict_tail(r)) + "**\n\n";
    out += md(counts_sentence(r)) + "\n\n";
    out += "RCO standards audit \u00B7 review date " + format_date(r.as_of) + " \u00B7 profile " + md(r.profile);
    if (!info.organization_ein.empty())
        out += " \u00B7 EIN " + md(info.organization_ein);
    out += "\n\n## Scorecard\n\n| No. | Standard | Result | Score |\n| ---: | --- | --- | ---: |\n";
    for (const auto& s : r.standards)
        out += "| " + std::to_string(s.number) + " | " + md(s.title) + " | " + label(s.result) + " | " +
               std::to_string(s.score) + "% |\n";

    out += "\n## What to do next\n";
    const auto parts = action_plan_parts(r);
    if (parts.evidence_to_record.empty() && parts.work_to_do.empty() && parts.for_a_reviewer.empty())
        out += "\nNothing: every check passes, does not apply or is waived. Keep the evidence current for the next "
               "review.\n";
    int n = 0;
    auto part = [&](const std::vector<const check_result*>& items, std::string_view title, std::string_view intro,
                    auto&& body) {
        if (items.empty())
            return;
        out += "\n### " + std::string(title) + " (" + std::to_string(items.size()) + ")\n\n" + std::string(intro) +
               "\n\n";
        for (const auto* c : items) {
            const auto number = std::to_string(++n) + ". ";
            // Continuation lines are indented to the item's text so they stay in the item.
            const std::string pad(number.size(), ' ');
            out += number + "**" + md(c->id) + " " + md(c->title()) + "** (" + label(c->status) + ", " +
                   std::string(to_string(c->level)) + "): " + md(io::in_form_words(c->explanation())) + "\n";
            body(*c, pad);
            if (info.show_names && !c->subjects.empty())
                out += pad + "- People concerned: " + md(join(c->subjects, ", ")) + "\n";
        }
    };
    auto evidence_line = [&](const check_result& c, const std::string& pad, std::string_view label_text) {
        std::vector<std::string> evidence;
        for (const auto& e : evidence_in_form_words(c))
            evidence.push_back(md(e));
        if (!evidence.empty())
            out += pad + "- " + std::string(label_text) + " " + join(evidence, "; ") + "\n";
    };
    part(parts.work_to_do, "Work to do",
         "These checks fail: the record shows the requirement is not met. Required checks come first.",
         [&](const check_result& c, const std::string& pad) {
             for (const auto& f : c.findings)
                 out += pad + "- Finding: " + md(finding_text(f)) + "\n";
             out += pad + "- Next step: " + md(c.remediation()) + "\n";
             evidence_line(c, pad, "Keep on record:");
         });
    part(parts.evidence_to_record, "Evidence to record",
         "The record lacks what these checks need. Record what the organization has, in the workbook "
         "(`rco-audit init my-rco.xlsx`) or the same fields of the record; the next audit then judges it.",
         [&](const check_result& c, const std::string& pad) { evidence_line(c, pad, "Record:"); });
    part(parts.for_a_reviewer, "For a reviewer", "A person must judge these checks.",
         [&](const check_result& c, const std::string& pad) {
             for (const auto& f : c.findings)
                 out += pad + "- Finding: " + md(finding_text(f)) + "\n";
             if (shows_question(c))
                 out += pad + "- Question for the reviewer: " + md(c.question()) + "\n";
             out += pad + "- Next step: " + md(c.remediation()) + "\n";
         });

    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        out += "\n## Waivers expiring within " + std::to_string(days) + (days == 1 ? " day" : " days") + " (by " +
               format_date(add_days(r.as_of, days)) + ")\n\n";
        const auto expiring = expiring_waivers(r, days);
        if (expiring.empty())
            out += "None.\n";
        for (const auto* c : expiring)
            out += "- " + md(expiring_waiver_line(*c, r.as_of)) + "\n";
    }

    for (const auto& s : r.standards) {
        out += "\n## Standard " + std::to_string(s.number) + ": " + md(s.title) + " \u2014 " + label(s.result) +
               " (" + std::to_string(s.score) + "%)\n\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out += "- " + label(c.status) + " \u2014 **" + md(c.id) + "** " + md(c.title()) + " (" +
                   std::string(to_string(c.level)) + "): " + md(io::in_form_words(c.explanation())) + "\n";
            for (const auto& f : c.findings)
                out += "  - Finding: " + md(finding_text(f)) + "\n";
            if (shows_question(c))
                out += "  - Question for the reviewer: " + md(c.question()) + "\n";
            if (c.waiver)
                out += "  - " + md(waiver_text(c)) + "\n";
            if (info.show_names && !c.subjects.empty())
                out += "  - People concerned: " + md(join(c.subjects, ", ")) + "\n";
        }
    }

    out += accreditation_markdown(r, info); // with reviews only
    out += "\n## About this report\n\n";
    out += "- Organization: " + md(org) + "\n";
    if (!info.organization_ein.empty())
        out += "- EIN: " + md(info.organization_ein) + "\n";
    out += "- Profile: " + md(r.profile) + "\n";
    out += "- Review date: " + format_date(r.as_of) + "\n";
    out += "- Input file: " + md(info.input_file) + " (SHA-256 " + md(info.input_sha256) + ")\n";
    out += "- Catalog: version " + md(info.catalog_version) + " (SHA-256 " + md(info.catalog_sha256) + ")\n";
    out += "- Tool: rco-audit " + md(info.tool_version) + "\n";
    if (r.tailoring.empty()) {
        out += "- Tailoring: none\n";
    } else {
        out += "- Tailoring:\n";
        for (const auto& t : r.tailoring)
            out += "  - " + md(t.check_id + ": " + t.what()) + "\n";
    }
    if (!info.warnings.empty()) {
        out += "- Warnings about the record:\n";
        for (const auto& w : info.warnings)
            out += "  - " + md(format_diagnostic(w)) + "\n";
    }
    out += info.show_names ? "- The ids of the people behind the counts are included.\n"
                           : "- Names and ids of board members and peer workers are left out; counts only.\n";
    return out;
}

// ---- JUnit XML ------------------------------------------------------------------------------------

// Mapping (a CI dashboard shows red for failures and yellow/grey for skips):
//   fail, insufficient_evidence -> <failure type="…">: either keeps a required standard
//     from being met, and missing evidence is something the organization must act on.
//   not_applicable -> <skipped message="reason">.
//   manual_review -> <skipped message="needs review: question">, not a failure: nothing has
//     been found wrong, a person must decide. It still keeps the standard incomplete,
//     which the CLI's exit code reports; calling it a failure would claim a finding the
//     tool did not make.
//   waived -> a passing testcase with a <system-out> note naming the waiver.
std::string write_junit(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    auto a = [](std::string_view s) { return xml_attribute_escape(s); };
    auto is_failure = [](status s) { return s == status::fail || s == status::insufficient_evidence; };
    auto is_skip = [](status s) { return s == status::not_applicable || s == status::manual_review; };

    int tests = 0, failures = 0, skipped = 0;
    for (const auto& c : r.checks) {
        ++tests;
        failures += is_failure(c.status);
        skipped += is_skip(c.status);
    }

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<!-- rco-audit: one testsuite per standard, one testcase per check. Failures: fail and needs evidence. "
           "Skipped: not applicable, and needs review (a person must decide). Waived checks pass with a note. -->\n";
    out += "<testsuites name=\"" + a("RCO standards audit: " + organization_label(info)) + "\" tests=\"" +
           std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"" +
           std::to_string(skipped) + "\">\n";
    for (const auto& s : r.standards) {
        int st = 0, sf = 0, ss = 0;
        for (const auto& c : r.checks)
            if (c.standard == s.number) {
                ++st;
                sf += is_failure(c.status);
                ss += is_skip(c.status);
            }
        const auto n = std::to_string(s.number);
        out += "  <testsuite name=\"" + a("Standard " + n + ": " + s.title) + "\" tests=\"" + std::to_string(st) +
               "\" failures=\"" + std::to_string(sf) + "\" errors=\"0\" skipped=\"" + std::to_string(ss) + "\">\n";
        out += "    <properties>\n";
        auto property = [&](std::string_view name, std::string_view value) {
            out += "      <property name=\"" + std::string(name) + "\" value=\"" + a(value) + "\"/>\n";
        };
        property("standard.result", to_string(s.result));
        property("standard.score", std::to_string(s.score));
        property("organization", organization_label(info));
        property("profile", r.profile);
        property("as_of", format_date(r.as_of));
        property("input.file", info.input_file);
        property("input.sha256", info.input_sha256);
        property("catalog.version", info.catalog_version);
        property("catalog.sha256", info.catalog_sha256);
        property("tool.version", info.tool_version);
        out += "    </properties>\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out += "    <testcase classname=\"rco.standard" + n + "\" name=\"" + a(c.id + " " + c.slug) + "\"";
            if (is_failure(c.status)) {
                std::string body = c.explanation() + "\n";
                for (const auto& f : c.findings)
                    body += "- " + finding_text(f) + "\n";
                const auto evidence = join(evidence_in_form_words(c), "; ");
                if (c.status == status::insufficient_evidence) {
                    body += "Record: " + evidence + "\n";
                } else {
                    body += "Next step: " + c.remediation() + "\n";
                    if (!evidence.empty())
                        body += "Keep on record: " + evidence + "\n";
                }
                if (info.show_names && !c.subjects.empty())
                    body += "People concerned: " + join(c.subjects, ", ") + "\n";
                out += ">\n      <failure message=\"" + a(c.explanation()) + "\" type=\"" +
                       std::string(to_string(c.status)) + "\">" + xml_text(body) + "</failure>\n    </testcase>\n";
            } else if (c.status == status::not_applicable) {
                out += ">\n      <skipped message=\"" + a(c.explanation()) + "\"/>\n    </testcase>\n";
            } else if (c.status == status::manual_review) {
                out += ">\n      <skipped message=\"" + a("needs review: " + c.question()) + "\"/>\n";
                if (!c.explanation().empty())
                    out += "      <system-out>" + xml_text(c.explanation()) + "</system-out>\n";
                out += "    </testcase>\n";
            } else if (c.status == status::waived) {
                std::string note = waiver_text(c) + "\n";
                if (info.expiring_within_days && waiver_days_left(c, r.as_of, *info.expiring_within_days))
                    note += "Expiring within " + std::to_string(*info.expiring_within_days) + " days: " +
                            expiring_waiver_line(c, r.as_of) + "\n";
                out += ">\n      <system-out>" + xml_text(note + c.explanation()) + "</system-out>\n    </testcase>\n";
            } else {
                out += "/>\n";
            }
        }
        out += "  </testsuite>\n";
    }
    out += "</testsuites>\n";
    return out;
}

// ---- CSV ------------------------------------------------------------------------------------------

std::string csv_header() {
    return "organization,ein,input_file,profile,as_of,standard,standard_title,standard_result,check_id,slug,title,"
           "level,status,underlying_status,explanation\r\n";
}

std::string csv_header(const report_info& info) {
    auto h = csv_header();
    if (info.expiring_within_days)
        h.insert(h.size() - 2, ",expiring_waiver_days_left");
    return h;
}

std::string csv_rows(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    std::string out;
    // The leading columns repeat on every row so that rows of many organizations can be
    // concatenated, filtered and sorted on their own.
    const std::string lead = csv_field(info.organization_name) + ',' + csv_field(info.organization_ein) + ',' +
                             csv_field(info.input_file) + ',' + csv_field(r.profile) + ',' +
                             csv_field(format_date(r.as_of)) + ',';
    for (const auto& c : r.checks) {
        const auto* s = find_standard(r, c.standard);
        out += lead;
        out += std::to_string(c.standard) + ',';
        out += csv_field(s ? s->title : "") + ',';
        out += csv_field(s ? to_string(s->result) : "") + ',';
        out += csv_field(c.id) + ',' + csv_field(c.slug) + ',' + csv_field(c.title()) + ',';
        out += csv_field(to_string(c.level)) + ',' + csv_field(to_string(c.status)) + ',';
        out += csv_field(c.underlying ? to_string(*c.underlying) : "") + ',';
        // A waived check says whose waiver, and until when, before the check's own explanation.
        out += csv_field(c.waiver ? waiver_text(c) + " " + c.explanation() : c.explanation());
        if (info.expiring_within_days) {
            out += ',';
            if (const auto left = waiver_days_left(c, r.as_of, *info.expiring_within_days))
                out += std::to_string(*left);
        }
        out += "\r\n";
    }
    return out;
}

std::string write_csv(const audit_result& r, const report_info& info) {
    return csv_header(info) + csv_rows(r, info);
}

// ---- Batch summary ----------------------------------------------------------------------------------

namespace formats_detail {
namespace {

constexpr int standard_count = 10;
constexpr std::array<status, 6> all_statuses{status::pass,           status::fail,
                                             status::insufficient_evidence, status::manual_review,
                                             status::not_applicable, status::waived};

/// Each standard's result in a row, standard 1 first; empty when not reported.
std::array<std::optional<standard_outcome>, standard_count> standard_cells(const summary_result& r) {
    std::array<std::optional<standard_outcome>, standard_count> cells;
    for (const auto& s : r.standards)
        if (s.number >= 1 && s.number <= standard_count)
            cells[static_cast<std::size_t>(s.number - 1)] = s.result;
    return cells;
}

/// A link's path as a URL path: unreserved characters and '/' stay, the rest is %XX.
std::string url_path(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : path) {
        if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/')
            out += static_cast<char>(ch);
        else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}

constexpr std::string_view summary_css = R"css(
body.grid { max-width: 80rem; }
table.grid th, table.grid td { padding: 0.25rem 0.4rem; }
table.grid td.st { width: 2.4rem; text-align: center; font-weight: 700; padding: 0.25rem 0; }
table.grid thead th.st { text-align: center; padding: 0.25rem 0; }
td.st.ok { color: #1e4620; background: #edf7ed; }
td.st.bad { color: #8a1c1c; background: #fdecea; }
td.st.open { color: #663c00; background: #fff4e5; }
table.grid .file { display: block; font-size: 0.85em; color: #4a4a4a; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
ol.standards { columns: 2; column-gap: 2rem; }
@media print { @page { size: landscape; } td.st { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  ol.standards { columns: 2; } }
)css";

} // namespace
} // namespace formats_detail

summary_result::summary_result(const audit_result& r)
    : result(r.result), score(r.score), as_of(r.as_of), accreditation(r.accreditation) {
    standards.reserve(r.standards.size());
    for (const auto& s : r.standards)
        standards.push_back({s.number, s.result, s.finding});
    checks.reserve(r.checks.size());
    for (const auto& c : r.checks) {
        checks.push_back(c.status);
        ++status_counts[static_cast<std::size_t>(c.status)];
    }
}

summary_columns summary_columns_of(const catalog& cat) {
    summary_columns out;
    out.standard_titles.resize(formats_detail::standard_count);
    for (const auto& s : cat.standards)
        if (s.number >= 1 && s.number <= formats_detail::standard_count)
            out.standard_titles[static_cast<std::size_t>(s.number - 1)] = s.title;
    out.check_ids.reserve(cat.checks.size());
    for (const auto& c : cat.checks)
        out.check_ids.push_back(c.id);
    return out;
}

std::string write_summary_csv(const std::vector<summary_row>& rows, const summary_columns& columns, bool wide) {
    using namespace formats_detail;
    std::string out = "organization,ein,file,review_date,result,score";
    for (int i = 1; i <= standard_count; ++i)
        out += ",standard_" + std::to_string(i);
    for (auto st : all_statuses)
        out += ",checks_" + std::string(to_string(st));
    if (wide)
        for (const auto& id : columns.check_ids)
            out += ',' + csv_field(id);
    out += accreditation_summary_csv_header(rows) + ",error\r\n";
    for (const auto& row : rows) {
        out += csv_field(row.organization) + ',' + csv_field(row.ein) + ',' + csv_field(row.input_file) + ',';
        if (const auto& r = row.result) {
            out += format_date(r->as_of) + ',' + std::string(summary_word(r->result)) + ',' + std::to_string(r->score);
            for (const auto& cell : standard_cells(*r))
                out += ',' + (cell ? std::string(to_string(*cell)) : std::string());
            for (int n : r->status_counts)
                out += ',' + std::to_string(n);
            if (wide)
                for (std::size_t k = 0; k < columns.check_ids.size(); ++k)
                    out += ',' + (k < r->checks.size() ? std::string(to_string(r->checks[k])) : std::string());
        } else {
            out += ",error,";
            out += std::string(standard_count + all_statuses.size() + (wide ? columns.check_ids.size() : 0), ',');
        }
        out += accreditation_summary_csv_cells(rows, &row) + ',' +
               csv_field(row.result ? row.error : (row.error.empty() ? "not audited" : row.error)) + "\r\n";
    }
    return out;
}

std::string write_summary_html(const std::vector<summary_row>& rows, std::string_view tool_version,
                               const summary_columns& columns) {
    using namespace formats_detail;
    std::string out;
    const auto total = rows.size();
    const auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
        return std::to_string(n) + " " + std::string(n == 1 ? one : many);
    };
    const auto title = "RCO standards audit: summary of " + plural(total, "organization", "organizations");
    html_head(out, title, tool_version, summary_css, "grid");

    std::array<std::string, standard_count> titles;
    for (std::size_t i = 0; i < titles.size() && i < columns.standard_titles.size(); ++i)
        titles[i] = columns.standard_titles[i];

    // Counts: per standard, and for the overall result, how many organizations have each result.
    std::array<std::array<std::size_t, 3>, standard_count> per_standard{};
    std::array<std::size_t, 3> overall{};
    std::size_t audited = 0;
    for (const auto& row : rows) {
        if (!row.result)
            continue;
        ++audited;
        ++overall[static_cast<std::size_t>(row.result->result)];
        const auto cells = standard_cells(*row.result);
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (cells[i])
                ++per_standard[i][static_cast<std::size_t>(*cells[i])];
    }
    const auto unaudited = total - audited;
    out += "<header>\n<h1>" + h(title) + "</h1>\n";
    out += "<p id=\"verdict\">" + plural(overall[0], "meets", "meet") + " all ten standards, " +
           plural(overall[1], "does", "do") + " not meet them, " + std::to_string(overall[2]) +
           " cannot be judged yet (incomplete) and " + std::to_string(unaudited) + " could not be audited.</p>\n";
    out += "<ul class=\"legend\" aria-label=\"Legend\">";
    for (auto o : {standard_outcome::met, standard_outcome::not_met, standard_outcome::incomplete})
        out += "<li><span class=\"s " + std::string(tone(o)) + "\">" + html_symbol(symbol(o)) + " " +
               sentence(plain(o)) + "</span></li>";
    out += "</ul>\n</header>\n<main>\n";

    out += "<section aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Results</h2>\n";
    out += "<div class=\"scroll\">\n<table id=\"summary\" class=\"grid\">\n<caption>Result of each organization for "
           "each standard; at the foot, how many organizations meet each one</caption>\n<thead><tr><th "
           "scope=\"col\">Organization</th>";
    for (int i = 1; i <= standard_count; ++i) {
        const auto& t = titles[static_cast<std::size_t>(i - 1)];
        const auto n = std::to_string(i);
        out += "<th scope=\"col\" class=\"st\">" +
               (t.empty() ? "S" + n : "<abbr title=\"Standard " + n + ": " + h(t) + "\">S" + n + "</abbr>") + "</th>";
    }
    out += "<th scope=\"col\">Result</th><th scope=\"col\" class=\"num\">Score</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        const auto name = bdi(row.organization.empty() ? "(name not recorded)" : row.organization);
        out += "<tr><th scope=\"row\">" +
               (row.report_link.empty() ? name : "<a href=\"" + h(url_path(row.report_link)) + "\">" + name + "</a>") +
               "<span class=\"file\"><bdi>" + h(row.input_file) + "</bdi></span></th>";
        if (!row.result) {
            out += "<td colspan=\"" + std::to_string(standard_count) + "\"><span class=\"s none\">" +
                   html_symbol("\u26A0") + " Not audited</span> " + bdi(row.error.empty() ? "not audited" : row.error) +
                   "</td><td>\u2013</td><td class=\"num\">\u2013</td></tr>\n";
            continue;
        }
        const auto cells = standard_cells(*row.result);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto n = std::to_string(i + 1);
            if (!cells[i]) {
                out += "<td class=\"st\" title=\"Standard " + n + ": not reported\">\u2013<span class=\"sr\"> Not "
                       "reported</span></td>";
                continue;
            }
            const auto word = sentence(plain(*cells[i]));
            out += "<td class=\"st " + std::string(tone(*cells[i])) + "\" title=\"Standard " + n + ": " +
                   h(titles[i].empty() ? word : titles[i] + " \u2014 " + word) + "\">" +
                   html_symbol(symbol(*cells[i])) + "<span class=\"sr\">" + word + "</span></td>";
        }
        out += "<td>" + badge(row.result->result) + "</td><td class=\"num\">" + std::to_string(row.result->score) +
               "%</td></tr>\n";
    }
    out += "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Meet it (of " + std::to_string(audited) +
           " audited)</th>";
    for (const auto& c : per_standard)
        out += "<td class=\"num st\">" + std::to_string(c[0]) + "</td>";
    out += "<td class=\"num\">" + std::to_string(overall[0]) + " meet all</td><td></td></tr>\n</tfoot>\n</table>\n"
           "</div>\n</section>\n";

    if (!titles[0].empty()) {
        out += "<section aria-labelledby=\"standards-heading\">\n<h2 id=\"standards-heading\">The ten "
               "standards</h2>\n<ol class=\"standards\">\n";
        for (const auto& t : titles)
            out += "<li>" + h(t) + "</li>\n";
        out += "</ol>\n</section>\n";
    }
    out += accreditation_summary_html(rows) + "</main>\n<footer>\n<p class=\"muted\">Made by rco-audit " +
           h(tool_version) +
           ". Each organization's own report gives the reasons and what to fix first; names and ids of people are "
           "never part of this summary.</p>\n</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace rco::report
