#pragma once

// The Markdown report (GitHub-flavoured), for board minutes and issue trackers.
#include "rco/io/form_words.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"

namespace rco::report {

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

} // namespace rco::report
