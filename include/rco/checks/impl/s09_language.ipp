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
    message label;                     ///< how an explanation names it: "the mission", "doc-home"
    std::string pointer;               ///< JSON Pointer of the text
    const std::string* text = nullptr; ///< nullptr: the document names a path whose text was not loaded
    const std::optional<std::string>* language = nullptr; ///< its BCP 47 tag; absent: English
};

std::string language_document_name(const document& d, std::size_t index) {
    return d.id && !d.id->empty() ? *d.id : str("document ", index + 1);
}

inline constexpr rco::message_def label_mission{"S9.the_mission", "the mission"};
inline constexpr rco::message_def label_vision{"S9.the_vision", "the vision"};
inline constexpr rco::message_def label_document{"S9.document", "{id}"};
inline constexpr rco::message_def label_unnamed_document{"S9.unnamed_document", "document {number}"};

/// How a sentence names a document: its id, or "document 3" by position.
message language_document_label(const document& d, std::size_t index) {
    return d.id && !d.id->empty() ? msg(label_document, arg("id", *d.id))
                                  : msg(label_unnamed_document, arg("number", index + 1));
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
        out.push_back({language_document_name(d, i), language_document_label(d, i), str(at("/documents", i), "/text"),
                       d.text ? &*d.text : nullptr, &d.language});
    }
    return out;
}

inline constexpr rco::message_def finding_at{"S9.finding", "'{matched}' in {source} at {line}:{column}"};
inline constexpr rco::message_def finding_prefer{"S9.finding_prefer",
                                                 "'{matched}' in {source} at {line}:{column} (prefer: {alternatives})"};

/// "'addicts' in doc-home at 3:14 (prefer: person with a substance use disorder)".
message describe_language_finding(const language_finding& f, const message& label) {
    if (f.alternatives().empty())
        return msg(finding_at, arg("matched", f.matched), arg("source", label), arg("line", f.line),
                   arg("column", f.column));
    return msg(finding_prefer, arg("matched", f.matched), arg("source", label), arg("line", f.line),
               arg("column", f.column), arg("alternatives", f.alternatives(), list_style::or_));
}

inline constexpr rco::message_def text_language{"S9.text_language", "{text} (\"{language}\")"};
inline constexpr rco::message_def scan_not_loaded{"S9.not_loaded",
                                                  "The text of {documents} was not loaded, so it was not scanned.",
                                                  "The text of {documents} were not loaded, so they were not scanned.",
                                                  "count"};
inline constexpr rco::message_def scan_no_table{
    "S9.no_table",
    "Not scanned, for want of a table of stigmatizing terms in its language: {texts}. Tables exist for {tables}; a "
    "reviewer who reads that language should check it.",
    "Not scanned, for want of a table of stigmatizing terms in their languages: {texts}. Tables exist for {tables}; a "
    "reviewer who reads those languages should check them.",
    "count"};
inline constexpr rco::message_def scan_findings{"S9.findings", "{count} stigmatizing term in {texts}: {findings}.",
                                                "{count} stigmatizing terms in {texts}: {findings}.", "count"};
inline constexpr rco::message_def scan_findings_more{
    "S9.findings_more",
    "{count} stigmatizing term in {texts}: {findings}; and {omitted} more (only the first {listed} are listed).",
    "{count} stigmatizing terms in {texts}: {findings}; and {omitted} more (only the first {listed} are listed).",
    "count"};
inline constexpr rco::message_def scan_none_in_others{"S9.none_in_others", "No stigmatizing terms in the other {texts}."};
inline constexpr rco::message_def scan_record_text{"S9.record_text",
                                                   "Record the document text, or a path the reader can load."};
inline constexpr rco::message_def scan_clean{"S9.clean", "No stigmatizing terms in {texts}."};
inline constexpr rco::message_def scan_clean_summary{"S9.clean_summary", "No stigmatizing terms in {texts} ({summary})."};

inline constexpr rco::message_def public_texts{"S9.1.public_texts", "{count} public text", "{count} public texts",
                                               "count"};
inline constexpr rco::message_def public_nothing{
    "S9.1.nothing_to_scan", "There is no public text to scan: record organization.mission, organization.vision or "
                            "documents with audience public and their text."};
inline constexpr rco::message_def public_part_mission{"S9.1.part.mission", "mission"};
inline constexpr rco::message_def public_part_vision{"S9.1.part.vision", "vision"};
inline constexpr rco::message_def public_part_documents{"S9.1.part.public_documents", "{count} public document",
                                                        "{count} public documents", "count"};
inline constexpr rco::message_def internal_documents{"S9.2.internal_documents", "{count} internal document",
                                                     "{count} internal documents", "count"};
inline constexpr rco::message_def internal_nothing{
    "S9.2.nothing_to_scan", "There is no internal document text to scan: record documents with audience internal "
                            "(policies, job descriptions) and their text."};

inline constexpr rco::message_def guide_no_policies{"S9.3.no_policies",
                                                    "No policies are recorded (policies.language_guide)."};
inline constexpr rco::message_def guide_none{"S9.3.none_recorded", "No language guide is recorded."};
inline constexpr rco::message_def guide_undated{
    "S9.3.undated", "A language guide is recorded without its adoption date (policies.language_guide.adopted)."};
inline constexpr rco::message_def guide_after{
    "S9.3.after_review_date",
    "The language guide's adoption date, {adopted}, is after the review date {as_of}; it was not yet adopted."};
inline constexpr rco::message_def guide_adopted{"S9.3.adopted", "A language guide was adopted on {adopted}."};
inline constexpr rco::message_def guide_adopted_reviewed{
    "S9.3.adopted_reviewed", "A language guide was adopted on {adopted} and last reviewed on {reviewed}."};

/// Scans every source; `what` counts the texts in sentences ("2 public texts");
/// `scanned_summary`, when not empty, says in the pass sentence what they were.
outcome scan_language_sources(const check_context& ctx, const std::vector<language_source>& sources,
                              const message_def& what, std::vector<message> scanned_summary) {
    pointer_list pointers;
    std::vector<message> unloaded, described, unscannable;
    std::vector<language_finding> findings;
    std::int64_t scanned = 0, with_findings = 0;
    std::size_t total = 0; // findings past max_findings_per_check are counted, not kept
    for (const auto& src : sources) {
        pointers.push_back(src.pointer);
        if (!src.text) {
            unloaded.push_back(src.label);
            continue;
        }
        const bool tagged = src.language && *src.language;
        const auto* table = tagged ? ctx.cat.language_for(**src.language) : &ctx.cat.language;
        if (!table) { // a language with no term table: not scanned, and not passed either
            unscannable.push_back(msg(text_language, arg("text", src.label), arg("language", **src.language)));
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
            f.term = m.term;
            described.push_back(describe_language_finding(f, src.label));
            findings.push_back(std::move(f));
        }
    }
    const auto n_unloaded = static_cast<std::int64_t>(unloaded.size());
    std::vector<message> notes; // what was not scanned, and why
    if (n_unloaded > 0)
        notes.push_back(msg(scan_not_loaded, arg("count", n_unloaded), arg("documents", std::move(unloaded))));
    if (!unscannable.empty()) {
        std::vector<std::string> tables{"en"};
        for (const auto& entry : ctx.cat.languages)
            tables.push_back(entry.first);
        const auto n_unscannable = unscannable.size();
        notes.push_back(msg(scan_no_table, arg("count", n_unscannable), arg("texts", std::move(unscannable)),
                            arg("tables", std::move(tables))));
    }
    if (total > 0) {
        const std::size_t omitted = total - findings.size();
        auto text = omitted > 0 ? msg(scan_findings_more, arg("count", total),
                                      arg("texts", msg(what, arg("count", with_findings))),
                                      arg("findings", std::move(described), list_style::semicolons),
                                      arg("omitted", omitted, number_style::grouped),
                                      arg("listed", max_findings_per_check))
                                : msg(scan_findings, arg("count", total), arg("texts", msg(what, arg("count", with_findings))),
                                      arg("findings", std::move(described), list_style::semicolons));
        if (!notes.empty()) {
            notes.insert(notes.begin(), std::move(text));
            text = sentences(std::move(notes));
        }
        outcome o = fail(std::move(text), std::move(pointers));
        o.findings = std::move(findings);
        o.findings_omitted = omitted;
        return o;
    }
    if (n_unloaded > 0 || !notes.empty()) {
        if (scanned > 0)
            notes.push_back(msg(scan_none_in_others, arg("texts", msg(what, arg("count", scanned)))));
        if (n_unloaded == 0)
            return manual(sentences(std::move(notes)), std::move(pointers));
        notes.push_back(msg(scan_record_text));
        return missing(sentences(std::move(notes)), std::move(pointers));
    }
    if (scanned_summary.empty())
        return pass(msg(scan_clean, arg("texts", msg(what, arg("count", scanned)))), std::move(pointers));
    return pass(msg(scan_clean_summary, arg("texts", msg(what, arg("count", scanned))),
                    arg("summary", std::move(scanned_summary))),
                std::move(pointers));
}

} // namespace

outcome public_language(const check_context& ctx) {
    const auto& r = ctx.rec;
    std::vector<language_source> sources;
    std::vector<message> parts;
    if (r.organization && r.organization->mission) {
        sources.push_back({"mission", msg(label_mission), "/organization/mission", &*r.organization->mission,
                           &r.organization->language});
        parts.push_back(msg(public_part_mission));
    }
    if (r.organization && r.organization->vision) {
        sources.push_back({"vision", msg(label_vision), "/organization/vision", &*r.organization->vision,
                           &r.organization->language});
        parts.push_back(msg(public_part_vision));
    }
    auto docs = language_documents(r, audience::public_);
    if (sources.empty() && docs.empty())
        return missing(msg(public_nothing), {"/organization/mission", "/organization/vision", "/documents"});
    if (!docs.empty())
        parts.push_back(msg(public_part_documents, arg("count", docs.size())));
    sources.insert(sources.end(), docs.begin(), docs.end());
    return scan_language_sources(ctx, sources, public_texts, std::move(parts));
}

outcome internal_language(const check_context& ctx) {
    auto docs = language_documents(ctx.rec, audience::internal);
    if (docs.empty())
        return missing(msg(internal_nothing), {"/documents"});
    return scan_language_sources(ctx, docs, internal_documents, {});
}

outcome language_guide(const check_context& ctx) {
    const auto& p = ctx.rec.policies;
    if (!p)
        return missing(msg(guide_no_policies), {"/policies/language_guide"});
    if (!p->language_guide)
        return fail(msg(guide_none), {"/policies/language_guide"});
    const auto& g = *p->language_guide;
    if (!g.adopted)
        return missing(msg(guide_undated), {"/policies/language_guide/adopted"});
    if (*g.adopted > ctx.as_of)
        return fail(msg(guide_after, arg("adopted", *g.adopted), arg("as_of", ctx.as_of)),
                    {"/policies/language_guide/adopted"});
    if (g.last_reviewed && *g.last_reviewed <= ctx.as_of && *g.last_reviewed > *g.adopted)
        return pass(msg(guide_adopted_reviewed, arg("adopted", *g.adopted), arg("reviewed", *g.last_reviewed)),
                    {"/policies/language_guide/adopted"});
    return pass(msg(guide_adopted, arg("adopted", *g.adopted)), {"/policies/language_guide/adopted"});
}

} // namespace rco::checks
