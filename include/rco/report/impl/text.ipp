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

/// True for the text after a space that must not begin a line: a percent sign stays
/// with its number when a language writes a space before it ("50 %").
bool keeps_to_previous_word(std::string_view rest) { return !rest.empty() && rest.front() == '%'; }

/// Wraps `text` at `width` columns, every line prefixed by `indent`.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width = 88) {
    std::string out, line;
    std::istringstream in{std::string(text)};
    std::vector<std::string> words;
    for (std::string word; in >> word;) {
        if (!words.empty() && keeps_to_previous_word(word))
            words.back() += " " + word;
        else
            words.push_back(std::move(word));
    }
    const std::string pad(indent, ' ');
    for (const auto& word : words) {
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
                if (line[i] == ' ' && lead != std::string::npos && i > lead &&
                    !keeps_to_previous_word(std::string_view(line).substr(i + 1)))
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

// The text report's own words (the words it shares with the other formats are in
// model.ipp); the catalog's text comes from rco/i18n.hpp.
constexpr message_def txt_result{"report.text.result",
                                 "RESULT: {result} — {met} of {standards} standards met (score {score}%)."};
constexpr message_def txt_standards{"report.text.standards", "STANDARDS"};
constexpr message_def txt_every_check{"report.text.every_check", "EVERY CHECK"};
constexpr message_def txt_expiring{"report.text.expiring", "WAIVERS EXPIRING WITHIN {count} DAY (by {date})",
                                   "WAIVERS EXPIRING WITHIN {count} DAYS (by {date})", "count"};
constexpr message_def txt_tailoring{"report.text.tailoring", "TAILORING"};
constexpr message_def txt_provenance{"report.text.provenance",
                                     "Provenance: rco-audit {version}, catalog {catalog} (sha256 {catalog_sha256}…), "
                                     "input sha256 {input_sha256}…"};
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
    using namespace formats_detail;
    const wording w(info);
    const message_language& lang = w.lang;
    const auto say = [&w](const message_def& def, std::vector<message_arg> args = {}) {
        return w.say(def, std::move(args));
    };
    const auto word = [&w](const message_def& def) { return w.word(def); };
    /// A heading in capitals: "WHAT TO DO NEXT".
    const auto heading_word = [&w](const message_def& def) { return upper(w.word(def)); };
    std::ostringstream out;
    int met = 0;
    for (const auto& s : r.standards)
        met += s.result == standard_outcome::met;

    // Record text stays on lines of its own, marked as what it is, with its control
    // characters shown as escapes: it can neither start a line nor rewrite the terminal,
    // so the RESULT line below is always the tool's own.
    out << say(word_heading, {{"organization", info.organization_name.empty() ? word(word_no_name)
                                                                             : terminal_safe(info.organization_name)}})
        << "\n";
    out << say(word_review_line, {{"date", r.as_of}, {"profile", r.profile}}) << " · " << terminal_safe(info.input_file)
        << "\n\n";

    out << say(txt_result, {{"result", plain(r.result, lang)},
                            {"met", std::int64_t{met}},
                            {"standards", static_cast<std::int64_t>(r.standards.size())},
                            {"score", std::int64_t{r.score}}})
        << "\n";
    out << wrap(counts_sentence(r, w), 0);
    out << "\n" << word(txt_standards) << "\n";
    std::size_t result_width = 11;
    for (auto so : {standard_outcome::met, standard_outcome::not_met, standard_outcome::incomplete})
        result_width = std::max(result_width, plain(so, lang).size() + 1);
    for (const auto& s : r.standards) {
        const auto score = w.percent(s.score);
        out << "  " << pad_right(plain(s.result, lang), result_width)
            << std::string(score.size() < 5 ? 5 - score.size() : 0, ' ') << score << "  "
            << (s.number < 10 ? " " : "") << s.number << ". " << w.title(s) << "\n";
    }

    const auto parts = action_plan_parts(r);
    out << "\n" << heading_word(word_next) << "\n";
    if (parts.evidence_to_record.empty() && parts.work_to_do.empty() && parts.for_a_reviewer.empty())
        out << "  " << word(word_nothing) << "\n";
    auto people = [&](const check_result& c) {
        if (info.show_names && !c.subjects.empty()) {
            std::string s;
            for (const auto& id : c.subjects)
                s += (s.empty() ? "" : ", ") + id;
            out << wrap(word(word_people) + " " + s, 6);
        }
    };
    auto heading = [&](const std::vector<const check_result*>& items, const message_def& title,
                       const std::string& intro) {
        if (items.empty())
            return false;
        out << "  " << heading_word(title) << " (" << items.size() << ")\n" << wrap(intro, 4);
        return true;
    };
    int n = 0;
    auto item = [&](const check_result& c) {
        out << "  " << ++n << ". [" << c.id << "] " << w.title(c) << " (" << w.level(c.level) << ", "
            << plain(c.status, lang) << ")\n";
        out << wrap(w.explanation_in_form_words(c), 6);
    };
    if (heading(parts.work_to_do, word_work, word(word_work_intro)))
        for (const auto* c : parts.work_to_do) {
            item(*c);
            out << wrap(word(word_next_step) + " " + w.remediation(*c), 6);
            people(*c);
        }
    if (heading(parts.evidence_to_record, word_evidence,
                say(word_evidence_intro, {{"command", word(word_init_command)}})))
        for (const auto* c : parts.evidence_to_record) {
            item(*c);
            out << "      " << word(word_record) << "\n";
            for (const auto& e : w.evidence(*c))
                out << bullet(e, 8);
            people(*c);
        }
    if (heading(parts.for_a_reviewer, word_reviewer, word(word_reviewer_intro)))
        for (const auto* c : parts.for_a_reviewer) {
            item(*c);
            const auto question = w.question(*c);
            if (c->explanation(lang).find(question) == std::string::npos)
                out << wrap(word(word_question) + " " + question, 6);
            out << wrap(word(word_next_step) + " " + w.remediation(*c), 6);
            people(*c);
        }

    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        out << "\n"
            << say(txt_expiring, {{"count", std::int64_t{days}}, {"date", add_days(r.as_of, days)}}) << "\n";
        const auto expiring = expiring_waivers(r, days);
        if (expiring.empty())
            out << "  " << word(word_none) << "\n";
        for (const auto* c : expiring)
            out << wrap(expiring_waiver_line(*c, r.as_of, lang), 2);
    }

    std::size_t status_width = 15;
    for (auto st : {status::pass, status::fail, status::insufficient_evidence, status::manual_review,
                    status::not_applicable, status::waived})
        status_width = std::max(status_width, plain(st, lang).size() + 1);
    out << "\n" << word(txt_every_check) << "\n";
    for (const auto& s : r.standards) {
        out << "  " << w.standard_heading(s) << " — " << plain(s.result, lang) << "\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out << "    " << pad_right(plain(c.status, lang), status_width) << pad_right(c.id, 6) << w.title(c)
                << (c.level == level::recommended ? " (" + w.level(c.level) + ")" : "") << "\n";
            out << wrap(w.explanation_in_form_words(c) + " [" + std::string(c.id) + "]", 8);
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
        out << "\n" << heading_word(word_warnings) << "\n";
        for (const auto& d : info.warnings)
            out << wrap(format_diagnostic(d, lang), 2);
    }
    out << "\n"
        << say(txt_provenance, {{"version", info.tool_version},
                                {"catalog", info.catalog_version},
                                {"catalog_sha256", info.catalog_sha256.substr(0, 16)},
                                {"input_sha256", info.input_sha256.substr(0, 16)}})
        << "\n";
    if (!info.show_names)
        out << word(word_no_names) << "\n";
    // Whatever else came from the record (explanations quoting it, waivers, findings) is
    // wrapped into the report's own lines; no control character of it reaches the terminal.
    // Lines the paragraphs above do not wrap (titles, provenance) are broken to fit as well.
    return fit_lines(terminal_safe(out.str(), true), std::max<std::size_t>(info.text_width, 40));
}


} // namespace rco::report
