#pragma once

// The JSON reader's consistency checks and line_column are shared: both files are
// compiled once, together, by src/io.cpp.
#include "rco/io/impl/json_record.ipp"
#include "rco/io/ranges.hpp"
#include "rco/io/limits.hpp"
#include "rco/io/utf8.hpp"
#include "rco/io/xml_record.hpp"
#include "rco/vocabularies.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <stdexcept>
#include <type_traits>

namespace rco::io {

namespace detail {

constexpr message_def in_element{"reader.xml.in_element", "{message} (element {path})"};
constexpr message_def english_only{"reader.english_only", "{message}"};
constexpr message_def xml_empty_element{"reader.xml.empty_element", "an empty element"};
constexpr message_def xml_long_text{"reader.xml.long_text", "a long text"};
constexpr message_def xml_expected_root{"reader.xml.expected_root",
                                        "expected an rco-record element (<rco-record xmlns=\"{namespace}\" "
                                        "format=\"rco-record/1\">), got {got}"};
constexpr message_def xml_element{"reader.xml.element", "<{name}>"};
constexpr message_def xml_element_no_namespace{"reader.xml.element_no_namespace", "<{name}> in no namespace"};
constexpr message_def xml_element_in_namespace{"reader.xml.element_in_namespace", "<{name}> in namespace \"{namespace}\""};
constexpr message_def xml_missing_format{"reader.xml.format_missing",
                                         "missing format=\"rco-record/1\" on <rco-record>; the file does not declare "
                                         "itself an RCO record"};
constexpr message_def xml_wrong_format{"reader.xml.format_wrong",
                                       "expected format=\"rco-record/1\", got {value} (this tool reads format version 1)"};
constexpr message_def xml_prefix_undeclared{"reader.xml.prefix_undeclared",
                                            "namespace prefix \"{prefix}\" of <{name}> is not declared"};
constexpr message_def xml_other_namespace{"reader.xml.other_namespace",
                                          "element {element} is ignored (rco-record/1 elements are in {namespace})"};
constexpr message_def xml_unknown_attribute{"reader.xml.unknown_attribute",
                                            "unknown attribute {name}={value} on <{element}> is ignored (rco-record/1 "
                                            "XML gives every field as an element)"};
constexpr message_def xml_got_children{"reader.xml.got_children",
                                       "expected {expected}, got an element with child elements (<{child}>)"};
constexpr message_def xml_got_text{"reader.xml.got_text", "expected {expected}, got text {value}"};
constexpr message_def xml_text_ignored{"reader.xml.text_ignored",
                                       "text {value} inside <{element}> is ignored (only its child elements are read)"};
constexpr message_def xml_unknown_in_list{"reader.xml.unknown_in_list",
                                          "unknown element <{name}> in <{list}> is ignored (expected <{item}> elements)"};
constexpr message_def xml_format_element{"reader.xml.format_element",
                                         "element <format> is ignored: the format is the format attribute of "
                                         "<rco-record>"};
constexpr message_def xml_given_twice{"reader.xml.given_twice", "<{name}> is given more than once; give each field once"};
constexpr message_def xml_unknown_element{"reader.xml.unknown_element", "unknown element <{name}> is ignored{hint}"};
constexpr message_def xml_unknown_section{"reader.xml.unknown_section",
                                          "unknown element <{name}> is ignored, with everything in it{hint}"};
constexpr message_def xml_did_you_mean{"reader.xml.did_you_mean", "; did you mean <{name}>?"};
constexpr message_def xml_check_spelling{"reader.xml.check_spelling", " (check its spelling against rco-record/1)"};
constexpr message_def xml_expect_text{"reader.xml.expect.text", "text"};
constexpr message_def xml_expect_bool{"reader.xml.expect.bool", "true or false"};
constexpr message_def xml_expect_whole{"reader.xml.expect.whole", "a whole number"};
constexpr message_def xml_expect_dollars{"reader.xml.expect.dollars", "an amount in dollars (a number)"};
constexpr message_def xml_expect_date{"reader.xml.expect.date", "a date as YYYY-MM-DD (e.g. 2026-06-30)"};
constexpr message_def xml_expect_one_of{"reader.xml.expect.one_of", "one of {choices}"};
constexpr message_def xml_expect_list{"reader.xml.expect.list", "a list of <{item}> elements"};
constexpr message_def xml_expect_fields{"reader.xml.expect.fields", "child elements for the fields of <{name}>"};

/// Item element names of the list fields. Field names are unique across the
/// model's lists, so the field name alone picks the entry.
constexpr std::pair<std::string_view, std::string_view> xml_item_names[] = {
    {"autonomy", "area"},
    {"filings", "filing"},
    {"members", "member"},
    {"meetings", "meeting"},
    {"services", "service"},
    {"eligibility", "value"},
    {"supported", "pathway"},
    {"peer_workers", "peer_worker"},
    {"supervision_sessions", "date"},
    {"roles", "role"},
    {"events", "event"},
    {"decisions", "decision"},
    {"input_events", "event_id"},
    {"community_planned_events", "event"},
    {"applies_to", "scope"},
    {"topics", "topic"},
    {"covers", "class"},
    {"grievances", "grievance"},
    {"documents", "document"},
    {"provenance", "entry"},
};

/// Deeper than any record needs (the model is 5 levels deep); the same limit as JSON.
constexpr std::size_t xml_max_depth = 64;

constexpr std::string_view xml_root_name = "rco-record";

/// The field `format` of the record is the root element's attribute, not a child element.
template <class T> constexpr bool is_format_attribute(std::string_view field) noexcept {
    return std::is_same_v<T, record> && field == "format";
}

constexpr bool is_xml_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim_xml_space(std::string_view s) noexcept {
    while (!s.empty() && is_xml_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_xml_space(s.back()))
        s.remove_suffix(1);
    return s;
}

bool all_xml_space(std::string_view s) noexcept {
    return trim_xml_space(s).empty();
}

std::string_view local_name(std::string_view qname) noexcept {
    auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view name_prefix(std::string_view qname) noexcept {
    auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

std::string hex_code_point(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

/// A problem found before or while parsing, at a byte offset.
struct xml_problem {
    std::size_t offset = 0;
    rco::message message;
};

// The XML syntax errors.
constexpr message_def xml_not_a_character{"reader.xml.not_a_character", "character {character} is not allowed in XML"};
constexpr message_def xml_control{"reader.xml.control",
                                  "control character {character} is not allowed in XML; remove it (only tab and line "
                                  "breaks are accepted)"};
constexpr message_def xml_invalid_utf8{"reader.xml.invalid_utf8", "invalid UTF-8: {problem}; save the file as UTF-8"};
constexpr message_def xml_lone_ampersand{"reader.xml.lone_ampersand",
                                         "a '&' that does not start an entity or character reference; write &amp; for "
                                         "a literal &"};
constexpr message_def xml_undeclared_entity{"reader.xml.undeclared_entity",
                                            "undeclared entity &{name}; (rco-record/1 XML uses only &lt; &gt; &amp; "
                                            "&apos; &quot; and character references; DTDs and entity declarations are "
                                            "not accepted)"};
constexpr message_def xml_bad_reference{"reader.xml.bad_reference", "malformed character reference &{name};"};
constexpr message_def xml_reference_not_carried{"reader.xml.reference_not_carried",
                                                "character reference &{name}; names {character}, which XML cannot carry"};
constexpr message_def xml_cdata_outside{"reader.xml.cdata_outside", "a CDATA section outside the root element"};
constexpr message_def xml_dtd{"reader.xml.dtd",
                              "DTDs and entity declarations are not accepted (found {found}); rco-record/1 XML has no "
                              "DOCTYPE and uses only the predefined entities"};
constexpr message_def xml_late_declaration{"reader.xml.late_declaration",
                                           "the XML declaration (<?xml ...?>) must be at the very start of the file"};
constexpr message_def xml_second_root{"reader.xml.second_root",
                                      "a second root element; an rco-record/1 XML file has exactly one <rco-record> "
                                      "element"};
constexpr message_def xml_lt_in_attribute{"reader.xml.lt_in_attribute", "'<' in an attribute value; write &lt;"};
constexpr message_def xml_too_deep{"reader.xml.too_deep", "the XML nests deeper than {depth} levels"};
constexpr message_def xml_text_after_root{"reader.xml.text_after_root", "unexpected text after the end of the root element"};
constexpr message_def xml_text_before_root{"reader.xml.text_before_root", "unexpected text before the root element"};
constexpr message_def xml_cdata_end{"reader.xml.cdata_end", "']]>' in text; write ]]&gt;"};
constexpr message_def xml_no_root{"reader.xml.no_root", "malformed XML (no root element)"};
constexpr message_def xml_ends_early{"reader.xml.ends_early",
                                     "the XML ends too early (an element, comment or quote is not closed)"};
constexpr message_def xml_end_tag_mismatch{"reader.xml.end_tag_mismatch",
                                           "malformed XML (the end tag </{name}> does not match the element it closes)"};
constexpr message_def xml_stray_lt{"reader.xml.stray_lt",
                                   "malformed XML (a '<' that does not start a tag; write &lt; for a literal <)"};
constexpr message_def xml_malformed{"reader.xml.malformed", "malformed XML ({why})"};
constexpr message_def xml_expected_document{"reader.xml.expected_document", "{message}; expected an rco-record/1 XML document"};
constexpr message_def xml_empty{"reader.xml.empty", "the file is empty; expected an XML document with an <rco-record> element"};
constexpr message_def xml_utf16{"reader.xml.utf16", "the file is UTF-16 encoded; save it as UTF-8"};
constexpr message_def xml_nul{"reader.xml.nul", "this is not a text file (it contains NUL bytes)"};
constexpr message_def xml_looks_like_json{"reader.xml.looks_like_json",
                                          "expected XML, got what looks like JSON (it starts with '{first}'); read it as "
                                          "an rco-record/1 JSON record"};
constexpr message_def xml_encoding{"reader.xml.encoding",
                                   "the XML declaration says encoding=\"{encoding}\"; this tool reads UTF-8 only (save "
                                   "the file as UTF-8)"};

/// A problem of `def` at `offset`.
inline xml_problem problem_at(std::size_t offset, const message_def& def, std::vector<message_arg> args = {}) {
    return {offset, message{&def, std::move(args)}};
}

/// XML text must be UTF-8 (we never transcode, so offsets stay those of the file)
/// and may not hold characters XML forbids anywhere, even in comments.
std::optional<xml_problem> check_xml_characters(std::string_view t, std::size_t start) {
    const auto rel = first_invalid_utf8_or_c0(t.substr(start));
    const std::size_t bad = rel == std::string_view::npos ? t.size() : start + rel;
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
    for (auto f = t.find("\xEF\xBF", start); f < bad; f = t.find("\xEF\xBF", f + 2))
        if (f + 2 < t.size() && (t[f + 2] == '\xBE' || t[f + 2] == '\xBF'))
            return problem_at(f, xml_not_a_character,
                              {{"character", hex_code_point(t[f + 2] == '\xBE' ? 0xFFFE : 0xFFFF)}});
    if (bad == t.size())
        return std::nullopt;
    const auto c = static_cast<unsigned char>(t[bad]);
    if (c < 0x20)
        return problem_at(bad, xml_control, {{"character", describe_code_point(c)}});
    return problem_at(bad, xml_invalid_utf8, {{"problem", std::vector<message>{invalid_utf8_problem(t, bad)}}});
}

/// Checks an entity or character reference starting at `at` (an '&'). pugixml
/// leaves unknown references as literal text; XML requires them to be declared,
/// and declarations (DTDs) are refused, so only the predefined five remain.
std::optional<xml_problem> check_reference(std::string_view t, std::size_t at) {
    std::size_t end = at + 1;
    while (end < t.size() && end - at <= 32 &&
           (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '#' || t[end] == '_' || t[end] == '-' ||
            t[end] == '.' || t[end] == ':'))
        ++end;
    if (end >= t.size() || t[end] != ';' || end == at + 1)
        return problem_at(at, xml_lone_ampersand);
    const std::string_view name = t.substr(at + 1, end - at - 1);
    if (name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot")
        return std::nullopt;
    if (name.front() != '#')
        return problem_at(at, xml_undeclared_entity, {{"name", std::string(name)}});
    const bool hex = name.size() > 1 && name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (digits.empty() || ec != std::errc{} || p != digits.data() + digits.size())
        return problem_at(at, xml_bad_reference, {{"name", std::string(name)}});
    // Control characters other than NUL are accepted here, as XML 1.1 does, and refused
    // by the reader in the field that holds them, so that the error names the field.
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF)
        return problem_at(at, xml_reference_not_carried, {{"name", std::string(name)}, {"character", hex_code_point(cp)}});
    return std::nullopt;
}

/// A lexical pass over the markup for what pugixml accepts but XML (or this
/// format) does not: DTDs, undeclared entities, a second root element, text
/// outside the root, '<' in attribute values, `]]>` in text, a late XML
/// declaration, and nesting deeper than `xml_max_depth`. It stops quietly at
/// anything malformed, which the parser then reports. Linear and iterative, so
/// hostile input cannot exhaust the stack.
std::optional<xml_problem> scan_markup(std::string_view t, std::size_t start) {
    std::size_t depth = 0;
    bool root_seen = false, root_closed = false;
    auto at = [&](std::size_t i, std::string_view s) { return t.substr(i, s.size()) == s; };
    std::size_t i = start;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '<') {
            if (at(i, "<!--")) {
                auto e = t.find("-->", i + 4);
                if (e == std::string_view::npos)
                    return std::nullopt;
                i = e + 3;
                continue;
            }
            if (at(i, "<![CDATA[")) {
                if (depth == 0)
                    return problem_at(i, xml_cdata_outside);
                auto e = t.find("]]>", i + 9);
                if (e == std::string_view::npos)
                    return std::nullopt;
                i = e + 3;
                continue;
            }
            if (at(i, "<!")) {
                for (std::string_view kw : {"<!DOCTYPE", "<!ENTITY", "<!ELEMENT", "<!ATTLIST", "<!NOTATION"})
                    if (at(i, kw))
                        return problem_at(i, xml_dtd, {{"found", std::string(kw)}});
                return std::nullopt;
            }
            if (at(i, "<?")) {
                auto e = t.find("?>", i + 2);
                if (e == std::string_view::npos)
                    return std::nullopt;
                std::size_t n = i + 2;
                while (n < e && !is_xml_space(t[n]))
                    ++n;
                std::string target(t.substr(i + 2, n - i - 2));
                std::transform(target.begin(), target.end(), target.begin(),
                               [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
                if (target == "xml" && i != start)
                    return problem_at(i, xml_late_declaration);
                i = e + 2;
                continue;
            }
            if (at(i, "</")) {
                auto e = t.find('>', i + 2);
                if (e == std::string_view::npos)
                    return std::nullopt;
                if (depth > 0 && --depth == 0)
                    root_closed = true;
                i = e + 1;
                continue;
            }
            if (depth == 0 && root_seen)
                return problem_at(i, xml_second_root);
            root_seen = true;
            std::size_t j = i + 1;
            char quote = 0;
            for (; j < t.size(); ++j) {
                const char d = t[j];
                if (quote) {
                    if (d == quote)
                        quote = 0;
                    else if (d == '<')
                        return problem_at(j, xml_lt_in_attribute);
                    else if (d == '&')
                        if (auto p = check_reference(t, j))
                            return p;
                } else if (d == '"' || d == '\'') {
                    quote = d;
                } else if (d == '>' || d == '<') {
                    break;
                }
            }
            if (j >= t.size() || t[j] != '>')
                return std::nullopt;
            if (t[j - 1] == '/') {
                if (depth == 0)
                    root_closed = true;
            } else if (++depth > xml_max_depth) {
                return problem_at(i, xml_too_deep, {{"depth", static_cast<std::int64_t>(xml_max_depth)}});
            }
            i = j + 1;
            continue;
        }
        if (depth == 0 && !is_xml_space(c))
            return problem_at(i, root_closed ? xml_text_after_root : xml_text_before_root);
        if (c == '&') {
            if (auto p = check_reference(t, i))
                return p;
        } else if (c == ']' && at(i, "]]>")) {
            return problem_at(i, xml_cdata_end);
        }
        ++i;
    }
    return std::nullopt;
}

/// A parser error in the words of the JSON reader's ("malformed JSON (...)").
xml_problem describe_parse_error(std::string_view t, const pugi::xml_parse_result& r) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
    const bool unterminated = r.status == pugi::status_bad_start_element || r.status == pugi::status_bad_attribute ||
                              r.status == pugi::status_bad_end_element || r.status == pugi::status_bad_comment ||
                              r.status == pugi::status_bad_cdata || r.status == pugi::status_bad_pi ||
                              r.status == pugi::status_end_element_mismatch || r.status == pugi::status_bad_pcdata;
    if (r.status == pugi::status_no_document_element)
        return problem_at(std::min(offset, t.size()), xml_no_root);
    // pugixml reports elements still open at the end as a mismatch; a real
    // mismatch is at an end tag.
    const bool at_end_tag = offset >= 2 && offset <= t.size() && t.substr(offset - 2, 2) == "</";
    if (offset >= t.size() || (unterminated && t.find('>', offset) == std::string_view::npos) ||
        (r.status == pugi::status_end_element_mismatch && !at_end_tag))
        return problem_at(t.size(), xml_ends_early);
    if (r.status == pugi::status_end_element_mismatch) {
        auto e = t.find_first_of("> \t\r\n", offset);
        return problem_at(offset - 2, xml_end_tag_mismatch, {{"name", std::string(t.substr(offset, e - offset))}});
    }
    if (r.status == pugi::status_unrecognized_tag)
        return problem_at(offset, xml_stray_lt);
    std::string why = r.description();
    if (!why.empty())
        why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    return problem_at(offset, xml_malformed, {{"why", why}});
}

/// The namespace bound to `prefix` where `el` stands; nullopt for an undeclared prefix.
std::optional<std::string_view> namespace_of_prefix(pugi::xml_node el, std::string_view prefix) {
    if (prefix == "xml")
        return std::string_view("http://www.w3.org/XML/1998/namespace");
    const std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (auto n = el; n && n.type() == pugi::node_element; n = n.parent())
        if (auto a = n.attribute(attr.c_str()))
            return std::string_view(a.value());
    if (prefix.empty())
        return std::string_view{}; // no default namespace
    return std::nullopt;
}

/// Walks a parsed document into the typed model, collecting diagnostics.
class xml_record_reader {
public:
    xml_record_reader(std::string_view text, std::string_view file, const read_options& options = {})
        : text_(text), file_(file), show_names_(options.show_names), options_(options) {}

    std::vector<diagnostic> diags;
    /// Whether a field's text was refused as invalid UTF-8 or for a control character.
    bool text_refused = false;

    /// Places every diagnostic at its line and column (all at once: one pass over the
    /// text) and adds the note on those left out; call once, at the end.
    void finish() {
        const auto where = line_columns(text_, offsets_);
        for (std::size_t i = 0; i < where.size(); ++i) {
            diags[i].line = where[i].first;
            diags[i].column = where[i].second;
        }
        budget_.finish(diags, file_);
    }

    void read_root(pugi::xml_node root, std::optional<record>& out) {
        const std::string root_path = "/" + std::string(xml_root_name);
        auto ns = namespace_of_prefix(root, name_prefix(root.name()));
        if (local_name(root.name()) != xml_root_name || !ns || *ns != record_xml_namespace) {
            message got{&xml_element, {{"name", std::string(root.name())}}};
            if (local_name(root.name()) == xml_root_name)
                got = ns && ns->empty() ? message{&xml_element_no_namespace, {{"name", std::string(root.name())}}}
                                        : message{&xml_element_in_namespace,
                                                  {{"name", std::string(root.name())},
                                                   {"namespace", std::string(ns.value_or(""))}}};
            add(severity::error, root, "", "/" + std::string(root.name()),
                message{&xml_expected_root, {{"namespace", std::string(record_xml_namespace)},
                                             {"got", std::vector<message>{std::move(got)}}}});
            return;
        }
        record rec;
        const auto format = root.attribute("format");
        if (!format)
            add(severity::error, root, "/format", root_path, message{&xml_missing_format, {}});
        else if (format.value() != record_format_id)
            add(severity::error, root, "/format", root_path, message{&xml_wrong_format, {{"value", quote(format.value())}}});
        if (format)
            rec.format = format.value();
        read_into(root, rec, "", root_path);
        out = std::move(rec);
    }

    /// The cross-field checks of every format, placed at the element each names.
    void check_consistency(pugi::xml_node root, const record& rec) {
        for_each_consistency_problem(
            rec, options_, [&](severity sev, const std::string& pointer, message m, bool unknown) {
                auto [el, path] = locate(root, pointer);
                add(sev, el, pointer, path, std::move(m), unknown);
            });
    }

private:
    void add(severity sev, pugi::xml_node at, const std::string& pointer, const std::string& path,
             std::string message, bool unknown = false) {
        add(sev, at, pointer, path, message_in_english(std::move(message)), unknown);
    }
    /// A message given only in English (`text` left empty), for the problems of XML
    /// syntax and structure not yet worded as messages.
    static message message_in_english(std::string text) { return {&english_only, {{"message", std::move(text)}}}; }
    void add(severity sev, pugi::xml_node at, const std::string& pointer, const std::string& path, message m,
             bool unknown = false) {
        if (!budget_.admit(sev))
            return;
        diagnostic d;
        d.severity = sev;
        d.unknown = unknown;
        d.file = std::string(file_);
        d.pointer = pointer.empty() ? "/" : pointer;
        d.say(message{&in_element, {{"message", std::vector<message>{std::move(m)}}, {"path", path}}});
        // offset_debug is where the element's name starts; the tag starts one before.
        // Located by finish().
        const auto off = at.offset_debug();
        offsets_.push_back(off > 0 ? static_cast<std::size_t>(off - 1) : std::string_view::npos);
        diags.push_back(std::move(d));
    }
    void error(pugi::xml_node at, const std::string& ptr, const std::string& path, std::string message) {
        add(severity::error, at, ptr, path, std::move(message));
    }
    void error(pugi::xml_node at, const std::string& ptr, const std::string& path, message m) {
        add(severity::error, at, ptr, path, std::move(m));
    }
    /// An error of `def`, whose {value} is the element's text `v`.
    void error(pugi::xml_node at, const std::string& ptr, const std::string& path, const message_def& def,
               std::string_view v) {
        add(severity::error, at, ptr, path, message{&def, {describe_text_arg(v, ptr)}});
    }
    void warning(pugi::xml_node at, const std::string& ptr, const std::string& path, std::string message,
                 bool unknown = false) {
        add(severity::warning, at, ptr, path, std::move(message), unknown);
    }
    void warning(pugi::xml_node at, const std::string& ptr, const std::string& path, message m, bool unknown = false) {
        add(severity::warning, at, ptr, path, std::move(m), unknown);
    }

    static std::string quote(std::string_view s) { return json::serialize(json::string(s)); }

    /// The element's text: its character data and CDATA sections, joined.
    static std::string text_of(pugi::xml_node el) {
        std::string out;
        for (auto c : el.children())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
                out += c.value();
        return out;
    }
    static pugi::xml_node first_element(pugi::xml_node el) {
        for (auto c : el.children())
            if (c.type() == pugi::node_element)
                return c;
        return {};
    }
    /// The text `s` of the element at `ptr` as a message quotes it; not shown for a person's field.
    std::string describe_text(std::string_view s, const std::string& ptr) const {
        return render(message{&value_as_is, {describe_text_arg(s, ptr)}});
    }
    message_arg describe_text_arg(std::string_view s, const std::string& ptr, std::string_view name = "value") const {
        auto said = [&](const message_def& def) { return message_arg{name, std::vector<message>{message{&def, {}}}}; };
        if (s.empty())
            return said(xml_empty_element);
        auto q = quote(s);
        return q.size() > 60 ? said(xml_long_text) : quoted_value_arg(name, ptr, std::move(q), show_names_);
    }

    /// Is `el` an element of this format? Warns (or, for an undeclared prefix, errs)
    /// when it is not.
    bool in_record_namespace(pugi::xml_node el, const std::string& ptr, const std::string& path) {
        auto ns = namespace_of_prefix(el, name_prefix(el.name()));
        if (!ns) {
            error(el, ptr, path,
                  message{&xml_prefix_undeclared,
                          {{"prefix", std::string(name_prefix(el.name()))}, {"name", std::string(el.name())}}});
            return false;
        }
        if (*ns == record_xml_namespace)
            return true;
        message element = ns->empty() ? message{&xml_element_no_namespace, {{"name", std::string(el.name())}}}
                                      : message{&xml_element_in_namespace,
                                                {{"name", std::string(el.name())}, {"namespace", std::string(*ns)}}};
        warning(el, ptr, path,
                message{&xml_other_namespace, {{"element", std::vector<message>{std::move(element)}},
                                               {"namespace", std::string(record_xml_namespace)}}});
        return false;
    }

    /// Fields are elements: the only attributes read are namespace declarations,
    /// the root's `format` and attributes of other namespaces (xsi:schemaLocation).
    void check_attributes(pugi::xml_node el, const std::string& ptr, const std::string& path, bool is_root) {
        for (auto a : el.attributes()) {
            const std::string_view name = a.name();
            if (name == "xmlns" || name.substr(0, 6) == "xmlns:" || (is_root && name == "format"))
                continue;
            if (!name_prefix(name).empty()) {
                auto ns = namespace_of_prefix(el, name_prefix(name));
                if (ns && *ns != record_xml_namespace)
                    continue;
            }
            warning(el, ptr, path,
                    message{&xml_unknown_attribute, {{"name", std::string(name)},
                                                     quoted_value_arg("value", ptr, quote(a.value()), show_names_),
                                                     {"element", std::string(el.name())}}});
        }
    }

    /// Reads the text of a scalar element; nullopt (after an error) when it holds elements.
    std::optional<std::string> scalar_text(pugi::xml_node el, const std::string& ptr, const std::string& path,
                                           message expected) {
        check_attributes(el, ptr, path, false);
        if (auto child = first_element(el)) {
            error(el, ptr, path,
                  message{&xml_got_children, {{"expected", std::vector<message>{std::move(expected)}},
                                              {"child", std::string(child.name())}}});
            return std::nullopt;
        }
        auto t = text_of(el);
        if (auto problem = check_text(t)) {
            error(el, ptr, path, std::move(problem->message));
            text_refused = true;
            return std::nullopt;
        }
        return t;
    }

    template <class T>
    void read(pugi::xml_node el, std::optional<T>& out, const std::string& ptr, const std::string& path) {
        T value{};
        if (read_into(el, value, ptr, path))
            out = std::move(value);
    }

    bool read_into(pugi::xml_node el, std::string& out, const std::string& ptr, const std::string& path) {
        auto t = scalar_text(el, ptr, path, {&xml_expect_text, {}});
        if (!t)
            return false;
        out = std::move(*t); // text is kept exactly, spaces and all
        return true;
    }
    bool read_into(pugi::xml_node el, bool& out, const std::string& ptr, const std::string& path) {
        auto t = scalar_text(el, ptr, path, {&xml_expect_bool, {}});
        if (!t)
            return false;
        const auto v = trim_xml_space(*t);
        if (v == "true" || v == "false") {
            out = v == "true";
            return true;
        }
        error(el, ptr, path, expected_bool, v);
        return false;
    }
    bool read_into(pugi::xml_node el, std::int64_t& out, const std::string& ptr, const std::string& path) {
        auto t = scalar_text(el, ptr, path, {&xml_expect_whole, {}});
        if (!t)
            return false;
        auto v = trim_xml_space(*t);
        const bool negative = !v.empty() && v.front() == '-';
        auto digits = v.substr(!v.empty() && (v.front() == '+' || v.front() == '-') ? 1 : 0);
        const bool integer = !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
        if (integer && negative && digits.find_first_not_of('0') != std::string_view::npos) {
            error(el, ptr, path, expected_whole_not_negative, v);
            return false;
        }
        if (integer) {
            std::int64_t n = 0;
            auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
            if (ec == std::errc::result_out_of_range) {
                error(el, ptr, path, expected_whole_too_large, v);
                return false;
            }
            out = n;
            return true;
        }
        error(el, ptr, path, expected_whole, v);
        return false;
    }
    bool read_into(pugi::xml_node el, money& out, const std::string& ptr, const std::string& path) {
        auto t = scalar_text(el, ptr, path, {&xml_expect_dollars, {}});
        if (!t)
            return false;
        // xs:decimal: an optional sign, digits, an optional fraction. Converted
        // exactly (no binary floating point), rounding half up to whole cents.
        const auto v = trim_xml_space(*t);
        const bool negative = !v.empty() && v.front() == '-';
        auto rest = v.substr(!v.empty() && (v.front() == '+' || v.front() == '-') ? 1 : 0);
        const auto dot = rest.find('.');
        const auto whole = rest.substr(0, dot);
        const auto frac = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
        auto all_digits = [](std::string_view s) {
            return s.find_first_not_of("0123456789") == std::string_view::npos;
        };
        if ((whole.empty() && frac.empty()) || !all_digits(whole) || !all_digits(frac)) {
            error(el, ptr, path, expected_dollars_number, v);
            return false;
        }
        // The field's range (rco/record.hpp) is checked after reading; here only what
        // whole cents cannot hold.
        const auto significant = whole.substr(std::min(whole.find_first_not_of('0'), whole.size()));
        if (negative && (!significant.empty() || frac.find_first_not_of('0') != std::string_view::npos)) {
            error(el, ptr, path, expected_dollars_not_negative, v);
            return false;
        }
        if (significant.size() > 16) {
            error(el, ptr, path, expected_dollars_too_large, v);
            return false;
        }
        std::int64_t cents = 0;
        for (char c : significant)
            cents = cents * 10 + (c - '0');
        for (std::size_t k = 0; k < 2; ++k)
            cents = cents * 10 + (k < frac.size() ? frac[k] - '0' : 0);
        if (frac.size() > 2 && frac[2] >= '5')
            ++cents;
        out.cents = cents;
        return true;
    }
    bool read_into(pugi::xml_node el, date& out, const std::string& ptr, const std::string& path) {
        auto t = scalar_text(el, ptr, path, {&xml_expect_date, {}});
        if (!t)
            return false;
        const auto v = trim_xml_space(*t);
        if (auto d = parse_date(v)) {
            out = *d;
            return true;
        }
        error(el, ptr, path, expected_date, v);
        return false;
    }
    template <record_enum E>
    bool read_into(pugi::xml_node el, E& out, const std::string& ptr, const std::string& path) {
        message_arg words{"choices", enum_words<E>()};
        words.style = list_style::or_;
        auto t = scalar_text(el, ptr, path, {&xml_expect_one_of, {std::move(words)}});
        if (!t)
            return false;
        const auto v = trim_xml_space(*t);
        if (auto e = parse_enum<E>(v)) {
            out = *e;
            return true;
        }
        // No guess at a person's value (a recovery identity) without --show-names.
        const bool guess = show_names_ || !is_person_pointer(ptr);
        message_arg choices{"choices", enum_words<E>()};
        choices.style = list_style::or_;
        error(el, ptr, path,
              message{&expected_one_of,
                      {std::move(choices), describe_text_arg(v, ptr),
                       {"hint", guess ? did_you_mean_hint(v, enum_words<E>()) : std::vector<message>{}}}});
        return false;
    }

    /// Non-blank text beside child elements is ignored with a warning; text alone,
    /// where elements were expected, is an error (returns false).
    bool check_container_text(pugi::xml_node el, const std::string& ptr, const std::string& path,
                              message expected) {
        const auto t = text_of(el);
        if (all_xml_space(t))
            return true;
        if (!first_element(el)) {
            error(el, ptr, path,
                  message{&xml_got_text, {{"expected", std::vector<message>{std::move(expected)}},
                                          describe_text_arg(trim_xml_space(t), ptr)}});
            return false;
        }
        warning(el, ptr, path,
                message{&xml_text_ignored, {describe_text_arg(trim_xml_space(t), ptr), {"element", std::string(el.name())}}});
        return true;
    }

    template <class T>
    bool read_into(pugi::xml_node el, std::vector<T>& out, const std::string& ptr, const std::string& path) {
        const auto list = local_name(el.name());
        const auto item = xml_item_name(list);
        if (item.empty())
            throw std::logic_error("rco-record XML: no item element name for the list field " + std::string(list));
        check_attributes(el, ptr, path, false);
        if (!check_container_text(el, ptr, path, {&xml_expect_list, {{"item", std::string(item)}}}))
            return false;
        bool ok = true;
        std::size_t index = 0;
        for (auto c : el.children()) {
            if (c.type() != pugi::node_element)
                continue;
            const auto name = local_name(c.name());
            if (!in_record_namespace(c, ptr, path + "/" + std::string(name)))
                continue;
            if (name != item) {
                warning(c, ptr, path + "/" + std::string(name),
                        message{&xml_unknown_in_list, {{"name", std::string(name)},
                                                       {"list", std::string(list)},
                                                       {"item", std::string(item)}}},
                        true);
                continue;
            }
            T value{};
            if (read_into(c, value, ptr + "/" + std::to_string(index),
                          path + "/" + std::string(item) + "[" + std::to_string(index + 1) + "]"))
                out.push_back(std::move(value));
            else
                ok = false;
            ++index;
        }
        return ok;
    }

    template <record_struct T>
    bool read_into(pugi::xml_node el, T& out, const std::string& ptr, const std::string& path) {
        check_attributes(el, ptr, path, std::is_same_v<T, record>);
        if (!check_container_text(el, ptr, path,
                                  {&xml_expect_fields, {{"name", std::string(local_name(el.name()))}}}))
            return false;
        std::vector<std::string_view> seen;
        for (auto c : el.children()) {
            if (c.type() != pugi::node_element)
                continue;
            const auto name = local_name(c.name());
            const std::string child_ptr = ptr + "/" + escape_pointer_token(name);
            const std::string child_path = path + "/" + std::string(name);
            if (!in_record_namespace(c, child_ptr, child_path))
                continue;
            bool known = false;
            T::fields(out, [&](const char* field_name, auto& field) {
                if (known || name != field_name)
                    return;
                known = true;
                if (is_format_attribute<T>(name)) {
                    warning(c, child_ptr, child_path, message{&xml_format_element, {}});
                    return;
                }
                if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
                    error(c, child_ptr, child_path, message{&xml_given_twice, {{"name", std::string(name)}}});
                    return;
                }
                seen.push_back(name);
                read(c, field, child_ptr, child_path);
                if (auto why = out_of_range<T>(name, field)) {
                    error(c, child_ptr, child_path, std::move(*why));
                    field.reset();
                }
            });
            if (!known) {
                std::vector<std::string> names;
                T::fields(out, [&](const char* field_name, auto&) { names.emplace_back(field_name); });
                const auto best = closest_word(name, names);
                warning(c, child_ptr, child_path,
                        message{first_element(c) ? &xml_unknown_section : &xml_unknown_element,
                                {{"name", std::string(name)},
                                 {"hint", std::vector<message>{best ? message{&xml_did_you_mean, {{"name", *best}}}
                                                                    : message{&xml_check_spelling, {}}}}}},
                        true);
            }
        }
        return true;
    }

    /// The element a JSON Pointer names, or its nearest existing ancestor, with its path.
    std::pair<pugi::xml_node, std::string> locate(pugi::xml_node root, std::string_view pointer) {
        pugi::xml_node node = root;
        std::string path = "/" + std::string(xml_root_name);
        while (!pointer.empty()) {
            pointer.remove_prefix(1);
            auto slash = pointer.find('/');
            // RFC 6901 unescaping (~1 is '/', ~0 is '~'), built forward.
            std::string token;
            const auto raw = pointer.substr(0, slash);
            for (std::size_t k = 0; k < raw.size(); ++k) {
                if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
                    token += raw[k + 1] == '1' ? '/' : '~';
                    ++k;
                } else {
                    token += raw[k];
                }
            }
            pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
            const auto item = xml_item_name(local_name(node.name()));
            const bool index =
                !item.empty() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
            std::size_t wanted = index ? std::stoul(token) : 0, seen = 0;
            pugi::xml_node next;
            for (auto c : node.children()) {
                if (c.type() != pugi::node_element || local_name(c.name()) != (index ? item : token))
                    continue;
                auto ns = namespace_of_prefix(c, name_prefix(c.name()));
                if (!ns || *ns != record_xml_namespace)
                    continue;
                if (!index || seen++ == wanted) {
                    next = c;
                    break;
                }
            }
            if (!next)
                break;
            node = next;
            path += "/" + (index ? std::string(item) + "[" + std::to_string(wanted + 1) + "]" : token);
        }
        return {node, path};
    }

    std::string_view text_;
    std::string_view file_;
    std::vector<std::size_t> offsets_; ///< of diags, in order
    diagnostic_budget budget_;
    bool show_names_ = false;
    read_options options_;
};

// Writing: the same field tables, in order.
class xml_record_writer {
public:
    std::string out;

    void write_record(const record& rec) {
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<";
        out += xml_root_name;
        out += " xmlns=\"";
        out += record_xml_namespace;
        out += '"';
        if (rec.format) {
            out += " format=\"";
            escape(*rec.format, true);
            out += '"';
        }
        write_struct_body(std::string(xml_root_name), rec, 0);
    }

private:
    void indent(int level) { out.append(static_cast<std::size_t>(level) * 2, ' '); }

    void escape(std::string_view s, bool attribute) {
        for (char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break; // also keeps "]]>" out of text
            case '"':
                if (attribute)
                    out += "&quot;";
                else
                    out += ch;
                break;
            case '\n':
                if (attribute)
                    out += "&#10;"; // attribute values normalize raw newlines to spaces
                else
                    out += ch;
                break;
            case '\t':
                if (attribute)
                    out += "&#9;";
                else
                    out += ch;
                break;
            default:
                // A raw CR would be read back as a line end (CR LF -> LF), and other
                // control characters cannot appear raw at all.
                if (c < 0x20) {
                    out += "&#";
                    out += std::to_string(c);
                    out += ';';
                } else {
                    out += ch;
                }
            }
        }
    }

    void scalar(std::string_view name, std::string_view text, int level) {
        indent(level);
        out += '<';
        out += name;
        out += '>';
        escape(text, false);
        out += "</";
        out += name;
        out += ">\n";
    }

    void value(std::string_view name, const std::string& s, int level) { scalar(name, s, level); }
    void value(std::string_view name, bool b, int level) { scalar(name, b ? "true" : "false", level); }
    void value(std::string_view name, std::int64_t i, int level) { scalar(name, std::to_string(i), level); }
    void value(std::string_view name, money m, int level) {
        // Dollars, with two decimals when there are cents. (A negative amount is
        // not a valid record; it is written as such and the reader rejects it.)
        const auto cents = static_cast<std::uint64_t>(m.cents);
        const auto magnitude = m.cents < 0 ? 0 - cents : cents;
        std::string s = (m.cents < 0 ? "-" : "") + std::to_string(magnitude / 100);
        if (const auto c = magnitude % 100; c != 0) {
            s += c < 10 ? ".0" : ".";
            s += std::to_string(c);
        }
        scalar(name, s, level);
    }
    void value(std::string_view name, date d, int level) { scalar(name, format_date(d), level); }
    template <record_enum E> void value(std::string_view name, E e, int level) { scalar(name, to_string(e), level); }
    template <class T> void value(std::string_view name, const std::vector<T>& list, int level) {
        const auto item = xml_item_name(name);
        if (item.empty())
            throw std::logic_error("rco-record XML: no item element name for the list field " + std::string(name));
        indent(level);
        out += '<';
        out += name;
        if (list.empty()) {
            out += "/>\n";
            return;
        }
        out += ">\n";
        for (const auto& e : list)
            value(item, e, level + 1);
        indent(level);
        out += "</";
        out += name;
        out += ">\n";
    }
    template <record_struct T> void value(std::string_view name, const T& s, int level) {
        indent(level);
        out += '<';
        out += name;
        write_struct_body(name, s, level);
    }

    /// After `<name` and its attributes: the fields, then the end tag (or `/>` when none).
    template <record_struct T> void write_struct_body(std::string_view name, const T& s, int level) {
        bool any = false;
        T::fields(s, [&](const char* field_name, const auto& field) {
            if (!field || is_format_attribute<T>(field_name))
                return;
            if (!any)
                out += ">\n";
            any = true;
            value(field_name, *field, level + 1);
        });
        if (!any) {
            out += "/>\n";
            return;
        }
        indent(level);
        out += "</";
        out += name;
        out += ">\n";
    }
};

} // namespace detail

std::string_view xml_item_name(std::string_view list_field) noexcept {
    for (const auto& [field, item] : detail::xml_item_names)
        if (field == list_field)
            return item;
    return {};
}

read_result read_record_xml(std::string_view text, std::string_view file_name, const read_options& reading) {
    read_result out;
    auto fatal = [&](std::size_t offset, message m) {
        diagnostic d;
        d.file = std::string(file_name);
        auto [l, c] = line_column(text, offset);
        d.line = l;
        d.column = c;
        d.say(std::move(m));
        out.diagnostics.push_back(std::move(d));
        return out;
    };
    // A problem of the markup, and what the file was expected to be.
    const auto expected = [](const detail::xml_problem& p) {
        return message{&detail::xml_expected_document, {{"message", std::vector<message>{p.message}}}};
    };
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 byte order mark, as some editors write
        start = 3;
    const auto first = text.find_first_not_of(" \t\r\n", start);
    if (first == std::string_view::npos)
        return fatal(0, {&detail::xml_empty, {}});
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
        return fatal(0, {&detail::xml_utf16, {}});
    if (detail::input_too_large(text, file_name, out.diagnostics))
        return out;
    if (auto nul = text.find('\0'); nul != std::string_view::npos)
        return fatal(nul, expected(detail::problem_at(nul, detail::xml_nul)));
    if (text[first] == '{' || text[first] == '[')
        return fatal(first, {&detail::xml_looks_like_json, {{"first", std::string(1, text[first])}}});
    // A character XML or this format refuses is reported at the field that holds it
    // when the document can be read, else (in markup, in an ignored element, or when
    // the markup is broken) where it stands.
    const auto bad_character = detail::check_xml_characters(text, start);

    // The markup scan finds what pugixml tolerates; the parser, everything else.
    // Whichever problem comes first is reported. The parser reads only the text
    // before the scan's problem, so hostile input (a DTD, a million nested
    // elements) costs no more than its harmless prefix.
    const auto scanned = detail::scan_markup(text, start);
    const auto parse_end = scanned ? scanned->offset : text.size();
    pugi::xml_document doc;
    // Whitespace-only text is kept so that string fields keep their exact text;
    // DTDs never reach the parser, so no entity is ever declared or expanded.
    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_declaration;
    const auto parsed = doc.load_buffer(text.data(), parse_end, options, pugi::encoding_utf8);
    if (!parsed) {
        // Cut at the scan's problem, the prefix always "ends too early" there; only
        // an earlier parse error is news.
        auto problem = detail::describe_parse_error(text.substr(0, parse_end), parsed);
        if (bad_character && bad_character->offset <= problem.offset)
            return fatal(bad_character->offset, expected(*bad_character));
        if (!scanned || problem.offset < scanned->offset)
            return fatal(problem.offset, expected(problem));
    }
    if (scanned) {
        if (bad_character && bad_character->offset <= scanned->offset)
            return fatal(bad_character->offset, expected(*bad_character));
        return fatal(scanned->offset, expected(*scanned));
    }
    for (auto n : doc.children())
        if (n.type() == pugi::node_declaration) {
            std::string enc = n.attribute("encoding").value();
            std::transform(enc.begin(), enc.end(), enc.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            if (!enc.empty() && enc != "utf-8" && enc != "utf8" && enc != "us-ascii" && enc != "ascii")
                return fatal(start, {&detail::xml_encoding, {{"encoding", std::string(n.attribute("encoding").value())}}});
        }

    detail::xml_record_reader rr(text, file_name, reading);
    const auto root = doc.document_element();
    rr.read_root(root, out.record);
    if (bad_character && !rr.text_refused) // not in a field that was read
        return fatal(bad_character->offset, expected(*bad_character));
    if (out.record)
        rr.check_consistency(root, *out.record);
    rr.finish();
    out.diagnostics = std::move(rr.diags);
    if (has_errors(out.diagnostics))
        out.record.reset(); // a failed read yields no record
    return out;
}

std::string write_record_xml(const record& rec) {
    detail::xml_record_writer w;
    w.write_record(rec);
    return std::move(w.out);
}

} // namespace rco::io
