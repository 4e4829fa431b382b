#pragma once

// The machine-readable report, rco-audit-report/1.
#include "rco/i18n.hpp"
#include "rco/io/json_format.hpp"
#include "rco/report/accreditation.hpp"
#include "rco/report/report.hpp"

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
                ids.emplace_back(c.id);
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
                w.value(f.term_id());
                w.key("alternatives");
                w.strings(f.alternatives());
                w.key("sources");
                w.strings(f.sources());
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
        // For people: in the report's language, record text escaped as on the terminal.
        w.value(terminal_safe(diagnostic_message(d, lang)));
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
    // A report is 15-60 KB: one allocation, under 64 KiB (glibc consolidates its free lists
    // whenever a block of 64 KiB or more is freed: once per report otherwise).
    out.reserve(60 * 1024);
    write_json_to(out, r, info, 0);
    out += '\n';
    return out;
}

} // namespace rco::report
