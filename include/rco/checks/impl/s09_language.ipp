#pragma once

#include "rco/checks/s09_language.hpp"
#include "rco/checks/support.hpp"
#include "rco/language.hpp"

namespace rco::checks {
using namespace rco::detail;

namespace {

/// One text to scan: the mission, the vision or a document's text.
struct language_source {
    std::string name;                  ///< "mission", "vision" or the document id
    std::string label;                 ///< how an explanation names it: "the mission", "doc-home"
    std::string pointer;               ///< JSON Pointer of the text
    const std::string* text = nullptr; ///< nullptr: the document names a path whose text was not loaded
    const std::optional<std::string>* language = nullptr; ///< its BCP 47 tag; absent: English
};

std::string language_document_name(const document& d, std::size_t index) {
    return d.id && !d.id->empty() ? *d.id : str("document ", index + 1);
}

/// Documents of one audience that carry text (or a path to it). Documents with
/// neither are evidence entries only (a scanned letter, the bylaws) and are not
/// language sources. A document with no audience counts as internal.
std::vector<language_source> language_documents(const record& r, audience wanted) {
    std::vector<language_source> out;
    if (!r.documents)
        return out;
    const auto& docs = *r.documents;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto& d = docs[i];
        if (d.audience.value_or(audience::internal) != wanted || (!d.text && !d.path))
            continue;
        auto name = language_document_name(d, i);
        out.push_back({name, name, str(at("/documents", i), "/text"), d.text ? &*d.text : nullptr, &d.language});
    }
    return out;
}

/// "39,872".
std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

/// "'addicts' in doc-home at 3:14 (prefer: person with a substance use disorder)".
std::string describe_language_finding(const language_finding& f, const std::string& label) {
    auto s = str('\'', f.matched, "' in ", label, " at ", f.line, ':', f.column);
    if (!f.alternatives.empty())
        s += str(" (prefer: ", join_words(f.alternatives, " or "), ")");
    return s;
}

/// Scans every source; `what` names the texts in sentences ("public text");
/// `scanned_summary`, when given, says in the pass sentence what they were.
outcome scan_language_sources(const check_context& ctx, const std::vector<language_source>& sources,
                              std::string_view what, std::string_view what_plural, const std::string& scanned_summary) {
    std::vector<std::string> pointers, unloaded, described, unscannable;
    std::vector<language_finding> findings;
    std::int64_t scanned = 0, with_findings = 0;
    std::size_t total = 0; // findings past max_findings_per_check are counted, not kept
    for (const auto& src : sources) {
        pointers.push_back(src.pointer);
        if (!src.text) {
            unloaded.push_back(src.name);
            continue;
        }
        const bool tagged = src.language && *src.language;
        const auto* table = tagged ? ctx.cat.language_for(**src.language) : &ctx.cat.language;
        if (!table) { // a language with no term table: not scanned, and not passed either
            unscannable.push_back(str(src.label, " (", '"', **src.language, '"', ")"));
            continue;
        }
        ++scanned;
        std::size_t in_source = 0;
        auto matches = scan_language(*src.text, *table, max_findings_per_check - findings.size(), in_source);
        total += in_source;
        if (in_source > 0)
            ++with_findings;
        for (auto& m : matches) {
            language_finding f;
            f.source = src.name;
            f.pointer = src.pointer;
            f.line = m.line;
            f.column = m.column;
            f.matched = std::move(m.matched);
            if (m.term) {
                f.term_id = m.term->id;
                f.alternatives = m.term->alternatives;
                f.sources = m.term->sources;
            }
            described.push_back(describe_language_finding(f, src.label));
            findings.push_back(std::move(f));
        }
    }
    const auto n_unloaded = static_cast<std::int64_t>(unloaded.size());
    std::string not_loaded;
    if (n_unloaded > 0)
        not_loaded = str("The text of ", join_words(unloaded), n_unloaded == 1 ? " was" : " were", " not loaded, so ",
                         n_unloaded == 1 ? "it was" : "they were", " not scanned.");
    if (!unscannable.empty()) {
        std::vector<std::string> tables{"en"};
        for (const auto& entry : ctx.cat.languages)
            tables.push_back(entry.first);
        const bool one = unscannable.size() == 1;
        not_loaded += str(not_loaded.empty() ? "" : " ", "Not scanned, for want of a table of stigmatizing terms in ",
                          one ? "its language: " : "their languages: ", join_words(unscannable),
                          ". Tables exist for ", join_words(tables), "; a reviewer who reads ",
                          one ? "that language should check it." : "those languages should check them.");
    }
    if (total > 0) {
        auto text = str(count_of(static_cast<std::int64_t>(total), "stigmatizing term", "stigmatizing terms"), " in ",
                        count_of(with_findings, what, what_plural), ": ");
        for (std::size_t k = 0; k < described.size(); ++k)
            text += (k > 0 ? "; " : "") + described[k];
        const std::size_t omitted = total - findings.size();
        if (omitted > 0)
            text += str("; and ", with_thousands(omitted), " more (only the first ",
                        static_cast<std::int64_t>(max_findings_per_check), " are listed)");
        text += ".";
        if (!not_loaded.empty())
            text += " " + not_loaded;
        outcome o = fail(std::move(text), std::move(pointers));
        o.findings = std::move(findings);
        o.findings_omitted = omitted;
        return o;
    }
    if (n_unloaded > 0 || !unscannable.empty()) {
        auto text = not_loaded;
        if (scanned > 0)
            text += str(" No stigmatizing terms in the other ", count_of(scanned, what, what_plural), ".");
        if (n_unloaded == 0)
            return manual(std::move(text), std::move(pointers));
        text += " Record the document text, or a path the reader can load.";
        return missing(std::move(text), std::move(pointers));
    }
    auto text = str("No stigmatizing terms in ", count_of(scanned, what, what_plural));
    if (!scanned_summary.empty())
        text += str(" (", scanned_summary, ")");
    return pass(text + ".", std::move(pointers));
}

} // namespace

outcome public_language(const check_context& ctx) {
    const auto& r = ctx.rec;
    std::vector<language_source> sources;
    std::vector<std::string> parts;
    if (r.organization && r.organization->mission) {
        sources.push_back(
            {"mission", "the mission", "/organization/mission", &*r.organization->mission, &r.organization->language});
        parts.push_back("mission");
    }
    if (r.organization && r.organization->vision) {
        sources.push_back(
            {"vision", "the vision", "/organization/vision", &*r.organization->vision, &r.organization->language});
        parts.push_back("vision");
    }
    auto docs = language_documents(r, audience::public_);
    if (sources.empty() && docs.empty())
        return missing("There is no public text to scan: record organization.mission, organization.vision or "
                       "documents with audience public and their text.",
                       {"/organization/mission", "/organization/vision", "/documents"});
    if (!docs.empty())
        parts.push_back(count_of(static_cast<std::int64_t>(docs.size()), "public document", "public documents"));
    sources.insert(sources.end(), docs.begin(), docs.end());
    return scan_language_sources(ctx, sources, "public text", "public texts", join_words(parts));
}

outcome internal_language(const check_context& ctx) {
    auto docs = language_documents(ctx.rec, audience::internal);
    if (docs.empty())
        return missing("There is no internal document text to scan: record documents with audience internal "
                       "(policies, job descriptions) and their text.",
                       {"/documents"});
    return scan_language_sources(ctx, docs, "internal document", "internal documents", "");
}

outcome language_guide(const check_context& ctx) {
    const auto& p = ctx.rec.policies;
    if (!p)
        return missing("No policies are recorded (policies.language_guide).", {"/policies/language_guide"});
    if (!p->language_guide)
        return fail("No language guide is recorded.", {"/policies/language_guide"});
    const auto& g = *p->language_guide;
    if (!g.adopted)
        return missing("A language guide is recorded without its adoption date (policies.language_guide.adopted).",
                       {"/policies/language_guide/adopted"});
    if (*g.adopted > ctx.as_of)
        return fail(str("The language guide's adoption date, ", day(*g.adopted), ", is after the review date ",
                        day(ctx.as_of), "; it was not yet adopted."),
                    {"/policies/language_guide/adopted"});
    auto text = str("A language guide was adopted on ", day(*g.adopted));
    if (g.last_reviewed && *g.last_reviewed <= ctx.as_of && *g.last_reviewed > *g.adopted)
        text += str(" and last reviewed on ", day(*g.last_reviewed));
    text += ".";
    return pass(std::move(text), {"/policies/language_guide/adopted"});
}

} // namespace rco::checks
