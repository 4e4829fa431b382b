#pragma once

// The text report for people (a terminal, a printout).
#include "rco/escape.hpp"
#include "rco/i18n.hpp"
#include "rco/io/form_words.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/report.hpp"

#include <algorithm>
#include <sstream>

namespace rco::report {

namespace {

/// Wraps `text` at `width` columns, every line prefixed by `indent`.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width = 88) {
    std::string out, line;
    std::istringstream words{std::string(text)};
    std::string word;
    const std::string pad(indent, ' ');
    while (words >> word) {
        if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
            out += pad + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty())
        out += pad + line + "\n";
    return out;
}

/// Breaks every line longer than `width` characters (UTF-8 code points) at its last space
/// that fits; the rest continues on lines indented four columns more than the line's own.
/// A line with no such space (one long word) stays whole.
std::string fit_lines(std::string_view text, std::size_t width) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string line(text.substr(0, eol));
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        const auto indent = line.find_first_not_of(' ');
        for (;;) {
            const auto lead = line.find_first_not_of(' ');
            std::size_t chars = 0, cut = std::string::npos;
            for (std::size_t i = 0; i < line.size(); ++i) {
                chars += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
                if (chars > width)
                    break;
                if (line[i] == ' ' && lead != std::string::npos && i > lead)
                    cut = i;
            }
            if (chars <= width || cut == std::string::npos)
                break;
            out.append(line, 0, line.find_last_not_of(' ', cut) + 1).push_back('\n');
            const auto rest = line.find_first_not_of(' ', cut);
            line = std::string(indent + 4, ' ') + (rest == std::string::npos ? "" : line.substr(rest));
        }
        out += line;
        out += '\n';
    }
    return out;
}

/// A list item: "- " then `text` wrapped, continuation lines under the text.
std::string bullet(std::string_view text, std::size_t indent) {
    auto out = wrap(text, indent + 2);
    if (out.size() >= indent + 2)
        out.replace(indent, 2, "- ");
    return out;
}

// The text report's own words; the catalog's text comes from rco/i18n.hpp.
constexpr message_def txt_heading{"report.text.heading", "RCO standards audit: {organization}"};
constexpr message_def txt_no_name{"report.text.no_name", "(organization name not recorded)"};
constexpr message_def txt_review_line{"report.text.review_line", "Review date {date} · profile {profile} · {file}"};
constexpr message_def txt_result{"report.text.result",
                                 "RESULT: {result} — {met} of {standards} standards met (score {score}%)."};
constexpr message_def txt_passes{"report.text.count.pass", "{count} check passes", "{count} checks pass", "count"};
constexpr message_def txt_fails{"report.text.count.fail", "{count} fails", "{count} fail", "count"};
constexpr message_def txt_needs_evidence{"report.text.count.insufficient_evidence", "{count} needs evidence",
                                         "{count} need evidence", "count"};
constexpr message_def txt_needs_review{"report.text.count.manual_review", "{count} needs a reviewer's judgment",
                                       "{count} need a reviewer's judgment", "count"};
constexpr message_def txt_not_applicable{"report.text.count.not_applicable", "{count} does not apply",
                                         "{count} do not apply", "count"};
constexpr message_def txt_waived{"report.text.count.waived", "{count} is waived", "{count} are waived", "count"};
constexpr message_def txt_counts{"report.text.counts", "{counts}."};
constexpr message_def txt_standards{"report.text.standards", "STANDARDS"};
constexpr message_def txt_next{"report.text.next", "WHAT TO DO NEXT"};
constexpr message_def txt_nothing{"report.text.nothing",
                                  "Nothing: every check passes or does not apply. Keep the evidence current for the next review."};
constexpr message_def txt_people{"report.text.people", "People concerned: {ids}"};
constexpr message_def txt_work{"report.text.work", "WORK TO DO"};
constexpr message_def txt_work_intro{"report.text.work_intro",
                                     "These checks fail: the record shows the requirement is not met."};
constexpr message_def txt_evidence{"report.text.evidence", "EVIDENCE TO RECORD"};
constexpr message_def txt_evidence_intro{
    "report.text.evidence_intro",
    "The record lacks what these checks need. Record what the organization has, in the workbook "
    "(rco-audit init my-rco.xlsx) or the same fields of the record; the next audit then judges it."};
constexpr message_def txt_reviewer{"report.text.reviewer", "FOR A REVIEWER"};
constexpr message_def txt_reviewer_intro{"report.text.reviewer_intro", "A person must judge these checks."};
constexpr message_def txt_next_step{"report.text.next_step", "Next step: {remediation}"};
constexpr message_def txt_record{"report.text.record", "Record:"};
constexpr message_def txt_question{"report.text.question", "Question for the reviewer: {question}"};
constexpr message_def txt_every_check{"report.text.every_check", "EVERY CHECK"};
constexpr message_def txt_standard_line{"report.text.standard_line", "Standard {number}: {title} — {result}"};
constexpr message_def txt_recommended{"report.text.recommended", " (recommended)"};
constexpr message_def txt_level_required{"report.text.level.required", "required"};
constexpr message_def txt_level_recommended{"report.text.level.recommended", "recommended"};
constexpr message_def txt_expiring{"report.text.expiring", "WAIVERS EXPIRING WITHIN {count} DAY (by {date})",
                                   "WAIVERS EXPIRING WITHIN {count} DAYS (by {date})", "count"};
constexpr message_def txt_none{"report.text.none", "None."};
constexpr message_def txt_tailoring{"report.text.tailoring", "TAILORING"};
constexpr message_def txt_warnings{"report.text.warnings", "WARNINGS ABOUT THE RECORD"};
constexpr message_def txt_provenance{"report.text.provenance",
                                     "Provenance: rco-audit {version}, catalog {catalog} (sha256 {catalog_sha256}…), "
                                     "input sha256 {input_sha256}…"};
constexpr message_def txt_no_names{"report.text.no_names",
                                   "Names and ids of board members and peer workers are left out; counts only."};
std::string pad_right(std::string_view s, std::size_t n) {
    std::string out(s);
    if (out.size() < n)
        out.append(n - out.size(), ' ');
    return out;
}

} // namespace

std::string write_text(const audit_result& r, const report_info& info) {
    // Every paragraph below is wrapped at the report's width.
    const auto wrap = [&](std::string_view text, std::size_t indent) {
        return report::wrap(text, indent, std::max<std::size_t>(info.text_width, 40));
    };
    const message_language& lang = info.language ? *info.language : english();
    const auto say = [&lang](const message_def& def, std::vector<message_arg> args = {}) {
        return render(message{&def, std::move(args)}, lang);
    };
    const auto word = [&lang](const message_def& def) { return lang.pattern(def, 0); };
    const auto title_of = [&lang](const check_result& c) {
        return std::string(c.info ? i18n::title(lang, *c.info) : std::string_view(c.title()));
    };
    const auto remediation_of = [&lang](const check_result& c) {
        return std::string(c.info ? i18n::remediation(lang, *c.info) : std::string_view(c.remediation()));
    };
    const auto standard_title = [&lang](const standard_result& s) {
        return std::string(i18n::text(lang, "standard." + std::to_string(s.number) + ".title", s.title));
    };
    std::ostringstream out;
    const auto counts = count_statuses(r);
    int met = 0;
    for (const auto& s : r.standards)
        met += s.result == standard_outcome::met;

    // Record text stays on lines of its own, marked as what it is, with its control
    // characters shown as escapes: it can neither start a line nor rewrite the terminal,
    // so the RESULT line below is always the tool's own.
    out << say(txt_heading, {{"organization", info.organization_name.empty() ? word(txt_no_name)
                                                                             : terminal_safe(info.organization_name)}})
        << "\n";
    out << say(txt_review_line, {{"date", r.as_of}, {"profile", r.profile}, {"file", terminal_safe(info.input_file)}})
        << "\n\n";

    out << say(txt_result, {{"result", plain(r.result, lang)},
                            {"met", std::int64_t{met}},
                            {"standards", static_cast<std::int64_t>(r.standards.size())},
                            {"score", std::int64_t{r.score}}})
        << "\n";
    std::vector<message> tally;
    auto count_of = [&](status s, const message_def& def) {
        tally.push_back(message{&def, {{"count", std::int64_t{counts.at(s)}}}});
    };
    count_of(status::pass, txt_passes);
    count_of(status::fail, txt_fails);
    count_of(status::insufficient_evidence, txt_needs_evidence);
    count_of(status::manual_review, txt_needs_review);
    count_of(status::not_applicable, txt_not_applicable);
    if (counts.at(status::waived))
        count_of(status::waived, txt_waived);
    out << wrap(say(txt_counts, {{"counts", std::move(tally), list_style::commas}}), 0);
    out << "\n" << word(txt_standards) << "\n";
    std::size_t result_width = 11;
    for (auto so : {standard_outcome::met, standard_outcome::not_met, standard_outcome::incomplete})
        result_width = std::max(result_width, plain(so, lang).size() + 1);
    for (const auto& s : r.standards) {
        const auto score = std::to_string(s.score) + "%";
        out << "  " << pad_right(plain(s.result, lang), result_width)
            << std::string(5 - score.size(), ' ') << score << "  " << (s.number < 10 ? " " : "") << s.number << ". "
            << standard_title(s) << "\n";
    }

    const auto parts = action_plan_parts(r);
    out << "\n" << word(txt_next) << "\n";
    if (parts.evidence_to_record.empty() && parts.work_to_do.empty() && parts.for_a_reviewer.empty())
        out << "  " << word(txt_nothing) << "\n";
    auto people = [&](const check_result& c) {
        if (info.show_names && !c.subjects.empty()) {
            std::string s;
            for (const auto& id : c.subjects)
                s += (s.empty() ? "" : ", ") + id;
            out << wrap(say(txt_people, {{"ids", s}}), 6);
        }
    };
    auto heading = [&](const std::vector<const check_result*>& items, const message_def& title,
                       const message_def& intro) {
        if (items.empty())
            return false;
        out << "  " << word(title) << " (" << items.size() << ")\n" << wrap(word(intro), 4);
        return true;
    };
    int n = 0;
    auto item = [&](const check_result& c) {
        out << "  " << ++n << ". [" << c.id << "] " << title_of(c) << " ("
            << word(c.level == level::required ? txt_level_required : txt_level_recommended) << ", "
            << plain(c.status, lang) << ")\n";
        out << wrap(io::in_form_words(c.explanation(lang)), 6);
    };
    if (heading(parts.work_to_do, txt_work, txt_work_intro))
        for (const auto* c : parts.work_to_do) {
            item(*c);
            out << wrap(say(txt_next_step, {{"remediation", remediation_of(*c)}}), 6);
            people(*c);
        }
    if (heading(parts.evidence_to_record, txt_evidence, txt_evidence_intro))
        for (const auto* c : parts.evidence_to_record) {
            item(*c);
            out << "      " << word(txt_record) << "\n";
            if (&lang != &english() && c->info)
                for (std::size_t k = 0; k < c->info->evidence.size(); ++k)
                    out << bullet(io::in_form_words(std::string(i18n::evidence(lang, *c->info, k))), 8);
            else
                for (const auto& e : evidence_in_form_words(*c))
                    out << bullet(e, 8);
            people(*c);
        }
    if (heading(parts.for_a_reviewer, txt_reviewer, txt_reviewer_intro))
        for (const auto* c : parts.for_a_reviewer) {
            item(*c);
            const std::string question(c->info ? i18n::question(lang, *c->info) : std::string_view(c->question()));
            if (c->explanation(lang).find(question) == std::string::npos)
                out << wrap(say(txt_question, {{"question", question}}), 6);
            out << wrap(say(txt_next_step, {{"remediation", remediation_of(*c)}}), 6);
            people(*c);
        }

    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        out << "\n"
            << say(txt_expiring, {{"count", std::int64_t{days}}, {"date", add_days(r.as_of, days)}}) << "\n";
        const auto expiring = expiring_waivers(r, days);
        if (expiring.empty())
            out << "  " << word(txt_none) << "\n";
        for (const auto* c : expiring)
            out << wrap(expiring_waiver_line(*c, r.as_of, lang), 2);
    }

    std::size_t status_width = 15;
    for (auto st : {status::pass, status::fail, status::insufficient_evidence, status::manual_review,
                    status::not_applicable, status::waived})
        status_width = std::max(status_width, plain(st, lang).size() + 1);
    out << "\n" << word(txt_every_check) << "\n";
    for (const auto& s : r.standards) {
        out << "  "
            << say(txt_standard_line, {{"number", std::int64_t{s.number}},
                                       {"title", standard_title(s)},
                                       {"result", plain(s.result, lang)}})
            << "\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out << "    " << pad_right(plain(c.status, lang), status_width) << pad_right(c.id, 6) << title_of(c)
                << (c.level == level::recommended ? word(txt_recommended) : "") << "\n";
            out << wrap(io::in_form_words(c.explanation(lang)) + " [" + c.id + "]", 8);
            if (c.waiver)
                out << wrap(waiver_sentence(c, lang), 8);
        }
    }

    out << accreditation_text(r, info);
    if (!r.tailoring.empty()) {
        out << "\n" << word(txt_tailoring) << (info.tailoring_file.empty() ? "" : " (" + terminal_safe(info.tailoring_file) + ")")
            << "\n";
        for (const auto& t : r.tailoring)
            out << wrap(t.check_id + ": " + t.what(lang), 2);
    }
    if (!info.warnings.empty()) {
        out << "\n" << word(txt_warnings) << "\n";
        for (const auto& w : info.warnings)
            out << wrap(format_diagnostic(w), 2);
    }
    out << "\n"
        << say(txt_provenance, {{"version", info.tool_version},
                                {"catalog", info.catalog_version},
                                {"catalog_sha256", info.catalog_sha256.substr(0, 16)},
                                {"input_sha256", info.input_sha256.substr(0, 16)}})
        << "\n";
    if (!info.show_names)
        out << word(txt_no_names) << "\n";
    // Whatever else came from the record (explanations quoting it, waivers, findings) is
    // wrapped into the report's own lines; no control character of it reaches the terminal.
    // Lines the paragraphs above do not wrap (titles, provenance) are broken to fit as well.
    return fit_lines(terminal_safe(out.str(), true), std::max<std::size_t>(info.text_width, 40));
}


} // namespace rco::report
