#pragma once

#include "rco/escape.hpp"
#include "rco/i18n.hpp"
#include "rco/io/digest.hpp"
#include "rco/io/form_words.hpp"
#include "rco/io/json_format.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/report.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace rco::report {

namespace detail {

/// `{"id": "S5.1.input_events", "args": {"count": 3, "from": "2025-06-30", ...}}`: a
/// message for systems that word it their own way. Integers are numbers (an amount of
/// dollars in cents), dates ISO text, lists arrays, nested messages objects like this one.
void write_message_json(io::json_writer& w, const message& m) {
    w.begin_object();
    w.key("id");
    w.value(m.def ? m.def->id : std::string_view());
    w.key("args");
    w.begin_object();
    for (const auto& a : m.args) {
        w.key(a.name);
        if (const auto* n = std::get_if<std::int64_t>(&a.value)) {
            w.value(*n);
        } else if (const auto* d = std::get_if<rco::date>(&a.value)) {
            w.value(format_date(*d));
        } else if (const auto* t = std::get_if<std::string>(&a.value)) {
            w.value(*t);
        } else if (const auto* l = std::get_if<std::vector<std::string>>(&a.value)) {
            w.strings(*l);
        } else if (const auto* ms = std::get_if<std::vector<message>>(&a.value)) {
            w.begin_array();
            for (const auto& nested : *ms)
                write_message_json(w, nested);
            w.end_array();
        }
    }
    w.end_object();
    w.end_object();
}

} // namespace detail

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

void write_json_to(std::string& out, const audit_result& r, const report_info& info, int indent) {
    io::json_writer w(out, indent);
    const message_language& lang = info.language ? *info.language : english();
    const bool translated = &lang != &english();
    std::vector<std::string> evidence_words; // a check's evidence in `lang`
    auto file_and_digest = [&](std::string_view a, const std::string& av, std::string_view b, const std::string& bv) {
        w.begin_object();
        w.key(a);
        w.value(av);
        w.key(b);
        w.value(bv);
        w.end_object();
    };
    w.begin_object();
    w.key("format");
    w.value(json_report_format);
    w.key("tool");
    w.begin_object();
    w.key("name");
    w.value("rco-audit");
    w.key("version");
    w.value(info.tool_version);
    w.end_object();
    w.key("input");
    file_and_digest("file", info.input_file, "sha256", info.input_sha256);
    w.key("catalog");
    file_and_digest("version", info.catalog_version, "sha256", info.catalog_sha256);
    if (!info.tailoring_file.empty()) {
        w.key("tailoring_file");
        file_and_digest("file", info.tailoring_file, "sha256", info.tailoring_sha256);
    }
    detail::write_review_inputs_json(w, info);
    w.key("organization");
    w.begin_object();
    w.key("name");
    w.value(info.organization_name);
    if (!info.organization_ein.empty()) {
        w.key("ein");
        w.value(info.organization_ein);
    }
    w.end_object();
    w.key("profile");
    w.value(r.profile);
    w.key("as_of");
    w.value(format_date(r.as_of));
    w.key("result");
    w.value(to_string(r.result));
    w.key("score");
    w.value(r.score);
    w.key("counts");
    w.begin_object();
    for (const auto& [s, n] : count_statuses(r)) {
        w.key(to_string(s));
        w.value(n);
    }
    w.end_object();
    w.key("names_included");
    w.value(info.show_names);

    w.key("standards");
    w.begin_array();
    std::vector<std::string> ids;
    for (const auto& s : r.standards) {
        ids.clear();
        for (const auto& c : r.checks)
            if (c.standard == s.number)
                ids.push_back(c.id);
        w.begin_object();
        w.key("number");
        w.value(s.number);
        w.key("slug");
        w.value(s.slug);
        w.key("title");
        if (translated)
            w.value(i18n::text(lang, "standard." + std::to_string(s.number) + ".title", s.title));
        else
            w.value(s.title);
        w.key("result");
        w.value(to_string(s.result));
        w.key("score");
        w.value(s.score);
        w.key("checks");
        w.strings(ids);
        detail::write_standard_review_json(w, s);
        w.end_object();
    }
    w.end_array();

    w.key("checks");
    w.begin_array();
    std::string explanation;
    for (const auto& c : r.checks) {
        w.begin_object();
        w.key("id");
        w.value(c.id);
        w.key("slug");
        w.value(c.slug);
        w.key("standard");
        w.value(c.standard);
        w.key("title");
        w.value(translated && c.info ? i18n::title(lang, *c.info) : std::string_view(c.title()));
        w.key("level");
        w.value(to_string(c.level));
        w.key("status");
        w.value(to_string(c.status));
        if (c.underlying) {
            w.key("underlying_status");
            w.value(to_string(*c.underlying));
        }
        detail::write_check_review_json(w, c);
        w.key("explanation");
        explanation.clear(); // one buffer for every check's sentence
        render(explanation, c.message, lang);
        w.value(explanation);
        w.key("message");
        detail::write_message_json(w, c.message);
        w.key("pointers");
        w.strings(c.pointers);
        if (c.status != status::pass && c.status != status::not_applicable) {
            w.key("remediation");
            w.value(translated && c.info ? i18n::remediation(lang, *c.info) : std::string_view(c.remediation()));
            w.key("evidence");
            if (translated && c.info) {
                evidence_words.clear();
                for (std::size_t k = 0; k < c.info->evidence.size(); ++k)
                    evidence_words.emplace_back(i18n::evidence(lang, *c.info, k));
                w.strings(evidence_words);
            } else {
                w.strings(c.evidence());
            }
        }
        if (c.status == status::manual_review || (c.underlying && *c.underlying == status::manual_review)) {
            w.key("question");
            w.value(translated && c.info ? i18n::question(lang, *c.info) : std::string_view(c.question()));
        }
        if (!c.findings.empty()) {
            w.key("findings");
            w.begin_array();
            for (const auto& f : c.findings) {
                w.begin_object();
                w.key("source");
                w.value(f.source);
                w.key("pointer");
                w.value(f.pointer);
                w.key("line");
                w.value(f.line);
                w.key("column");
                w.value(f.column);
                w.key("matched");
                w.value(f.matched);
                w.key("term");
                w.value(f.term_id);
                w.key("alternatives");
                w.strings(f.alternatives);
                w.key("sources");
                w.strings(f.sources);
                w.end_object();
            }
            w.end_array();
            w.key("findings_total");
            w.value(static_cast<std::int64_t>(c.findings.size() + c.findings_omitted));
            w.key("findings_omitted");
            w.value(static_cast<std::int64_t>(c.findings_omitted));
        }
        if (info.show_names && !c.subjects.empty()) {
            w.key("people");
            w.strings(c.subjects);
        }
        if (c.waiver) {
            w.key("waiver");
            w.begin_object();
            w.key("justification");
            w.value(c.waiver->justification);
            w.key("approved_by");
            w.value(c.waiver->approved_by);
            w.key("expires");
            w.value(format_date(c.waiver->expires));
            if (const auto& a = c.waiver->for_applicant) {
                w.key("organization");
                w.begin_object();
                if (!a->ein.empty()) {
                    w.key("ein");
                    w.value(a->ein);
                }
                if (!a->name.empty()) {
                    w.key("name");
                    w.value(a->name);
                }
                w.end_object();
            }
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();

    detail::write_accreditation_json(w, r);
    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        w.key("expiring_waivers");
        w.begin_object();
        w.key("within_days");
        w.value(days);
        w.key("by");
        w.value(format_date(add_days(r.as_of, days)));
        w.key("checks");
        w.begin_array();
        for (const auto* c : expiring_waivers(r, days)) {
            w.begin_object();
            w.key("check");
            w.value(c->id);
            w.key("expires");
            w.value(format_date(c->waiver->expires));
            w.key("days_left");
            w.value(static_cast<std::int64_t>(days_between(r.as_of, c->waiver->expires)));
            w.key("approved_by");
            w.value(c->waiver->approved_by);
            w.key("for_this_organization_only");
            w.value(c->waiver->for_applicant.has_value());
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }

    w.key("tailoring");
    w.begin_array();
    for (const auto& t : r.tailoring) {
        w.begin_object();
        w.key("check");
        w.value(t.check_id);
        w.key("choice");
        w.value(t.what(lang));
        w.key("message");
        detail::write_message_json(w, t.message);
        w.end_object();
    }
    w.end_array();

    w.key("warnings");
    w.begin_array();
    for (const auto& d : info.warnings) {
        w.begin_object();
        w.key("file");
        w.value(d.file);
        w.key("pointer");
        w.value(d.pointer);
        w.key("message");
        w.value(terminal_safe(d.message)); // for people: record text escaped, as on the terminal
        if (d.line > 0) {
            w.key("line");
            w.value(static_cast<std::int64_t>(d.line));
            w.key("column");
            w.value(static_cast<std::int64_t>(d.column));
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

std::string write_json(const audit_result& r, const report_info& info) {
    std::string out;
    out.reserve(65536); // a report is 15-40 KB: one allocation
    write_json_to(out, r, info, 0);
    out += '\n';
    return out;
}

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
