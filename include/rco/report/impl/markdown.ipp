#pragma once

// The Markdown report (GitHub-flavoured), for board minutes and issue trackers.
#include "rco/io/form_words.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"

namespace rco::report {

// ---- Markdown -----------------------------------------------------------------------------------

namespace formats_detail {
namespace {
constexpr message_def md_review_line{"report.markdown.review_line",
                                     "RCO standards audit · review date {date} · profile {profile}"};
constexpr message_def md_tailoring{"report.markdown.tailoring", "Tailoring:"};
constexpr message_def md_no_tailoring{"report.markdown.no_tailoring", "Tailoring: none"};
} // namespace
} // namespace formats_detail

std::string write_markdown(const audit_result& r, const report_info& info) {
    using namespace formats_detail;
    const wording w(info);
    const auto& lang = w.lang;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    const auto word = [&](const message_def& def) { return md(w.word(def)); };
    const auto org = organization_label(info, w);
    std::string out;
    out.reserve(32 * 1024);

    // The verdict's lines start with the tool's own words; the record's name comes after.
    out += "# " + label(r.result, lang) + " \u2014 " + md(org) + "\n\n";
    out += "**" + std::string(symbol(r.result)) + " " + md(verdict(r, w)) + "**\n\n";
    out += md(counts_sentence(r, w)) + "\n\n";
    out += md(w.say(md_review_line, {{"date", r.as_of}, {"profile", r.profile}}));
    if (!info.organization_ein.empty())
        out += " \u00B7 EIN " + md(info.organization_ein);
    out += "\n\n## " + word(word_scorecard) + "\n\n| " + word(word_no) + " | " + word(word_standard_head) + " | " +
           word(word_result_head) + " | " + word(word_score_head) + " |\n| ---: | --- | --- | ---: |\n";
    for (const auto& s : r.standards)
        out += "| " + std::to_string(s.number) + " | " + md(w.title(s)) + " | " + label(s.result, lang) + " | " +
               md(w.percent(s.score)) + " |\n";

    out += "\n## " + word(word_next) + "\n";
    const auto parts = action_plan_parts(r);
    if (parts.evidence_to_record.empty() && parts.work_to_do.empty() && parts.for_a_reviewer.empty())
        out += "\n" + word(word_nothing) + "\n";
    int n = 0;
    auto part = [&](const std::vector<const check_result*>& items, const message_def& title,
                    const std::string& intro_md, auto&& body) {
        if (items.empty())
            return;
        out += "\n### " + word(title) + " (" + std::to_string(items.size()) + ")\n\n" + intro_md + "\n\n";
        for (const auto* c : items) {
            const auto number = std::to_string(++n) + ". ";
            // Continuation lines are indented to the item's text so they stay in the item.
            const std::string pad(number.size(), ' ');
            out += number + "**" + md(c->id) + " " + md(w.title(*c)) + "** (" + label(c->status, lang) + ", " +
                   md(w.level(c->level)) + "): " + md(w.explanation_in_form_words(*c)) + "\n";
            body(*c, pad);
            if (info.show_names && !c->subjects.empty())
                out += pad + "- " + word(word_people) + " " + md(join(c->subjects, ", ")) + "\n";
        }
    };
    auto evidence_line = [&](const check_result& c, const std::string& pad, const message_def& label_word) {
        std::vector<std::string> evidence;
        for (const auto& e : w.evidence(c))
            evidence.push_back(md(e));
        if (!evidence.empty())
            out += pad + "- " + word(label_word) + " " + join(evidence, "; ") + "\n";
    };
    auto findings = [&](const check_result& c, const std::string& pad) {
        for (const auto& f : c.findings)
            out += pad + "- " + word(word_finding) + " " + md(finding_text(f, w)) + "\n";
    };
    part(parts.work_to_do, word_work, word(word_work_intro), [&](const check_result& c, const std::string& pad) {
        findings(c, pad);
        out += pad + "- " + word(word_next_step) + " " + md(w.remediation(c)) + "\n";
        evidence_line(c, pad, word_keep);
    });
    part(parts.evidence_to_record, word_evidence,
         put_markup(md(w.say(word_evidence_intro, {{"command", std::string(markup_mark)}})),
                    "`" + w.word(word_init_command) + "`"),
         [&](const check_result& c, const std::string& pad) { evidence_line(c, pad, word_record); });
    part(parts.for_a_reviewer, word_reviewer, word(word_reviewer_intro),
         [&](const check_result& c, const std::string& pad) {
             findings(c, pad);
             if (shows_question(c, w))
                 out += pad + "- " + word(word_question) + " " + md(w.question(c)) + "\n";
             out += pad + "- " + word(word_next_step) + " " + md(w.remediation(c)) + "\n";
         });

    if (info.expiring_within_days) {
        const int days = *info.expiring_within_days;
        out += "\n## " + md(expiring_heading(r, days, w)) + "\n\n";
        const auto expiring = expiring_waivers(r, days);
        if (expiring.empty())
            out += word(word_none) + "\n";
        for (const auto* c : expiring)
            out += "- " + md(expiring_waiver_line(*c, r.as_of, lang)) + "\n";
    }

    for (const auto& s : r.standards) {
        out += "\n## " + md(w.standard_heading(s)) + " \u2014 " + label(s.result, lang) + " (" +
               md(w.percent(s.score)) + ")\n\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out += "- " + label(c.status, lang) + " \u2014 **" + md(c.id) + "** " + md(w.title(c)) + " (" +
                   md(w.level(c.level)) + "): " + md(w.explanation_in_form_words(c)) + "\n";
            findings(c, "  ");
            if (shows_question(c, w))
                out += "  - " + word(word_question) + " " + md(w.question(c)) + "\n";
            if (c.waiver)
                out += "  - " + md(waiver_text(c, lang)) + "\n";
            if (info.show_names && !c.subjects.empty())
                out += "  - " + word(word_people) + " " + md(join(c.subjects, ", ")) + "\n";
        }
    }

    out += accreditation_markdown(r, info); // with reviews only
    out += "\n## " + word(word_about) + "\n\n";
    out += "- " + word(word_organization) + ": " + md(org) + "\n";
    if (!info.organization_ein.empty())
        out += "- EIN: " + md(info.organization_ein) + "\n";
    out += "- " + word(word_profile) + ": " + md(r.profile) + "\n";
    out += "- " + word(word_review_date) + ": " + format_date(r.as_of) + "\n";
    out += "- " + word(word_input_file) + ": " + md(info.input_file) + " (SHA-256 " + md(info.input_sha256) + ")\n";
    out += "- " + word(word_catalog) + ": " + md(w.say(word_version, {{"version", info.catalog_version}})) +
           " (SHA-256 " + md(info.catalog_sha256) + ")\n";
    out += "- " + word(word_tool) + ": rco-audit " + md(info.tool_version) + "\n";
    if (r.tailoring.empty()) {
        out += "- " + word(md_no_tailoring) + "\n";
    } else {
        out += "- " + word(md_tailoring) + "\n";
        for (const auto& t : r.tailoring)
            out += "  - " + md(t.check_id + ": " + t.what(lang)) + "\n";
    }
    if (!info.warnings.empty()) {
        out += "- " + word(word_warnings) + ":\n";
        for (const auto& d : info.warnings)
            out += "  - " + md(format_diagnostic(d, lang)) + "\n";
    }
    out += "- " + word(info.show_names ? word_names_included : word_no_names) + "\n";
    return out;
}

} // namespace rco::report
