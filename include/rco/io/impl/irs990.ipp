#pragma once

#include "rco/io/irs990.hpp"
#include "rco/io/json_record.hpp" // line_column
#include "rco/io/ranges.hpp"
#include "rco/io/limits.hpp"
#include "rco/io/utf8.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace rco::io {

namespace irs990_detail {

constexpr std::string_view efile_ns = "http://www.irs.gov/efile";

/// Real returns nest about ten elements deep; anything far beyond is not a return and is
/// refused before any path is built from it.
constexpr std::size_t max_depth = 64;

// pugixml never fetches anything and expands only the five predefined entities and
// character references. The doctype is parsed into a node (not skipped) only so that it
// can be refused. The tree is kept small, which makes both the parse and the depth check
// cheaper: an element's text is stored in the element itself (parse_embed_pcdata) instead
// of a child node, and whitespace-only text is dropped (parse_ws_pcdata off). Line ends
// and surrounding whitespace of the few values read are normalized by text_of(), so
// parse_eol's pass over every text is not needed either.
constexpr unsigned parse_options =
    pugi::parse_cdata | pugi::parse_escapes | pugi::parse_doctype | pugi::parse_embed_pcdata;

struct qname {
    std::string_view prefix, local;
};

inline qname split_name(const char* name) noexcept {
    std::string_view n(name);
    const auto colon = n.find(':');
    if (colon == std::string_view::npos)
        return {{}, n};
    return {n.substr(0, colon), n.substr(colon + 1)};
}

/// True when the attribute named `attribute` declares `prefix` ("" for the default namespace).
inline bool declares(std::string_view attribute, std::string_view prefix) noexcept {
    if (!attribute.starts_with("xmlns"))
        return false;
    return prefix.empty() ? attribute.size() == 5
                          : attribute.size() == 6 + prefix.size() && attribute[5] == ':' &&
                                attribute.substr(6) == prefix;
}

/// The namespace URI bound to `prefix` in scope at `el` ("" for the default namespace
/// when none is declared, which is "no namespace").
inline std::string_view namespace_uri(pugi::xml_node el, std::string_view prefix) noexcept {
    for (pugi::xml_node n = el; n.type() == pugi::node_element; n = n.parent())
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
            if (declares(a.name(), prefix))
                return a.value();
        }
    return {};
}

/// Whether an element is in the IRS namespace. Siblings share their parent's scope, so
/// the answer for the parent's scope is kept: resolving it means walking the attributes
/// of every ancestor, and a large return's body has hundreds of children.
class namespace_check {
public:
    bool operator()(pugi::xml_node el, std::string_view prefix) noexcept {
        // A declaration on the element itself overrides its scope.
        for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute())
            if (declares(a.name(), prefix))
                return std::string_view(a.value()) == efile_ns;
        const pugi::xml_node parent = el.parent();
        if (!known_ || parent != parent_ || prefix != prefix_) {
            parent_ = parent;
            prefix_ = prefix;
            irs_ = namespace_uri(parent, prefix) == efile_ns;
            known_ = true;
        }
        return irs_;
    }
    bool operator()(pugi::xml_node el) noexcept { return (*this)(el, split_name(el.name()).prefix); }

private:
    pugi::xml_node parent_;
    std::string_view prefix_;
    bool irs_ = false, known_ = false;
};

/// Finds the first node nested deeper than max_depth. pugixml's own traversal is used
/// (iterative, inside the library): walking the tree through the public accessors, three
/// calls into the shared library per node, cost half as much again as the parse itself.
struct depth_guard final : pugi::xml_tree_walker {
    pugi::xml_node too_deep;
    bool for_each(pugi::xml_node& n) override {
        if (static_cast<std::size_t>(depth()) < max_depth) // depth() is 0 for the root element
            return true;
        too_deep = n;
        return false;
    }
};

/// `/Return/ReturnData/IRS990/MissionDesc`: the names as written, one allocation.
inline std::string xpath_of(pugi::xml_node el) {
    std::size_t size = 0;
    for (pugi::xml_node n = el; n.type() == pugi::node_element; n = n.parent())
        size += 1 + std::char_traits<char>::length(n.name());
    std::string out(size, '/');
    std::size_t end = size;
    for (pugi::xml_node n = el; n.type() == pugi::node_element; n = n.parent()) {
        const std::string_view name(n.name());
        end -= name.size();
        name.copy(out.data() + end, name.size());
        --end; // the '/' already there
    }
    return out;
}

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// The element's text (embedded, then any text and CDATA children), trimmed, with CR LF
/// and lone CR as LF.
inline std::string text_of(pugi::xml_node el) {
    std::string_view raw = el.value(); // usually all of it (parse_embed_pcdata)
    std::string joined;
    if (pugi::xml_node c = el.first_child()) {
        joined = raw;
        for (; c; c = c.next_sibling())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
                joined += c.value();
        raw = joined;
    }
    while (!raw.empty() && is_space(raw.front()))
        raw.remove_prefix(1);
    while (!raw.empty() && is_space(raw.back()))
        raw.remove_suffix(1);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\r') {
            out += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n')
                ++i;
        } else {
            out += raw[i];
        }
    }
    return out;
}

inline bool all_digits(std::string_view s) noexcept {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

/// The last element that starts at or before `offset`: for text, the element that holds it.
struct element_at final : pugi::xml_tree_walker {
    explicit element_at(std::size_t offset) : offset_(offset) {}
    pugi::xml_node found;
    bool for_each(pugi::xml_node& n) override {
        if (n.type() != pugi::node_element)
            return true;
        if (n.offset_debug() < 0 || static_cast<std::size_t>(n.offset_debug()) > offset_)
            return false; // document order is text order
        found = n;
        return true;
    }

private:
    std::size_t offset_;
};

/// The first character reference from `from` on that names what no text may hold:
/// U+0000 (pugixml would end the value there, silently), a surrogate, U+FFFE/U+FFFF,
/// anything above U+10FFFF, or a control character. npos when there is none.
inline std::size_t first_bad_reference(std::string_view t, std::size_t from, std::size_t until,
                                       std::uint32_t& code_point) noexcept {
    for (auto at = t.find("&#", from); at < until; at = t.find("&#", at + 2)) {
        const bool hex = at + 2 < t.size() && (t[at + 2] == 'x' || t[at + 2] == 'X');
        const std::size_t digits = at + (hex ? 3 : 2);
        const auto semi = t.find(';', digits);
        if (semi == std::string_view::npos || semi - digits > 12)
            continue; // not a reference pugixml decodes
        std::uint64_t cp = 0;
        bool ok = semi > digits;
        for (std::size_t k = digits; ok && k < semi; ++k) {
            const char c = t[k];
            const int d = c >= '0' && c <= '9'             ? c - '0'
                          : hex && c >= 'a' && c <= 'f'     ? c - 'a' + 10
                          : hex && c >= 'A' && c <= 'F'     ? c - 'A' + 10
                                                            : -1;
            ok = d >= 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint64_t>(d < 0 ? 0 : d);
        }
        if (!ok)
            continue;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF ||
            detail::is_forbidden_control(static_cast<std::uint32_t>(cp))) {
            code_point = static_cast<std::uint32_t>(std::min<std::uint64_t>(cp, 0x110000));
            return at;
        }
    }
    return std::string_view::npos;
}

inline std::string ascii_upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

/// Website entries that say "no website" (seen: N/A in 8 of the 29 corpus returns).
inline bool no_website(std::string_view v) {
    const std::string u = ascii_upper(v);
    for (std::string_view p : {"N/A", "NA", "N.A.", "N A", "NONE", "NOT APPLICABLE", "NO WEBSITE", "-", "0"})
        if (u == p)
            return true;
    return false;
}

/// A return's website entry as a URL: the record wants `http(s)://...`, returns give a bare
/// host ("WWW.EXAMPLE.ORG"). https is assumed when no scheme is written; the scheme and host
/// are lower-cased (they are case-insensitive), a path is kept as written. nullopt when the
/// entry cannot be an address (it contains spaces).
inline std::optional<std::string> website_url(std::string_view v) {
    for (char c : v)
        if (is_space(c))
            return std::nullopt;
    std::string out = "https://";
    const std::string upper = ascii_upper(v.substr(0, 8));
    if (upper.starts_with("HTTPS://")) {
        v.remove_prefix(8);
    } else if (upper.starts_with("HTTP://")) {
        v.remove_prefix(7);
        out = "http://";
    }
    const auto host_end = std::min(v.find_first_of("/?#"), v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out += i < host_end && v[i] >= 'A' && v[i] <= 'Z' ? static_cast<char>(v[i] - 'A' + 'a') : v[i];
    return out;
}

/// The 18-digit IRS object id a public file's name starts with (201541349349307794_public.xml).
inline std::optional<std::string> object_id_of(std::string_view file_name) {
    const auto slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos)
        file_name.remove_prefix(slash + 1);
    if (file_name.size() < 18 || !all_digits(file_name.substr(0, 18)) ||
        (file_name.size() > 18 && file_name[18] >= '0' && file_name[18] <= '9'))
        return std::nullopt;
    return std::string(file_name.substr(0, 18));
}

// The Form 990 / 990-EZ body fields, looked up in one pass over the body's children
// (large returns have hundreds) instead of one scan per candidate name.
enum slot : unsigned char {
    c3_g2, c3_g1, c_g2, c_g1, domicile_g2, domicile_g1, formation_g2, formation_g1, website_g2, website_g1,
    mission_g2, mission_g1, activity_g2, activity_g1, purpose_g2, purpose_g1,
    voting_g2, voting_g1, voting_i3_g2, voting_i3_g1, independent_g2, independent_g1, independent_i4_g2,
    independent_i4_g1, decisions_g2, decisions_g1, minutes_g2, minutes_g1, coi_g2, coi_g1, whistleblower_g2,
    whistleblower_g1, retention_g2, retention_g1,
    slot_count,
    wrapper = slot_count, // a Part wrapper some concordances list; its children are read like the body's
    not_wanted
};

struct body_name {
    std::string_view name;
    slot s;
};

/// The slot of a body element's local name. The names are bucketed by length and compared
/// on their first letter first, so most of the hundreds of children of a large return are
/// dismissed without a string comparison.
inline slot body_slot(std::string_view local) {
    static const auto buckets = [] {
        static constexpr body_name names[] = {
            {"Organization501c3Ind", c3_g2}, {"Organization501c3", c3_g1},
            {"Organization501cInd", c_g2}, {"Organization501c", c_g1},
            {"LegalDomicileStateCd", domicile_g2}, {"StateLegalDomicile", domicile_g1},
            {"FormationYr", formation_g2}, {"YearFormation", formation_g1},
            {"WebsiteAddressTxt", website_g2}, {"WebSite", website_g1},
            {"MissionDesc", mission_g2}, {"MissionDescription", mission_g1},
            {"ActivityOrMissionDesc", activity_g2}, {"ActivityOrMissionDescription", activity_g1},
            {"PrimaryExemptPurposeTxt", purpose_g2}, {"PrimaryExemptPurpose", purpose_g1},
            {"GoverningBodyVotingMembersCnt", voting_g2}, {"NbrVotingGoverningBodyMembers", voting_g1},
            {"VotingMembersGoverningBodyCnt", voting_i3_g2}, {"NbrVotingMembersGoverningBody", voting_i3_g1},
            {"IndependentVotingMemberCnt", independent_g2}, {"NumberIndependentVotingMembers", independent_g1},
            {"VotingMembersIndependentCnt", independent_i4_g2}, {"NbrIndependentVotingMembers", independent_i4_g1},
            {"DecisionsSubjectToApprovaInd", decisions_g2}, {"DecisionsSubjectToApproval", decisions_g1},
            {"MinutesOfGoverningBodyInd", minutes_g2}, {"MinutesOfGoverningBody", minutes_g1},
            {"ConflictOfInterestPolicyInd", coi_g2}, {"ConflictOfInterestPolicy", coi_g1},
            {"WhistleblowerPolicyInd", whistleblower_g2}, {"WhistleblowerPolicy", whistleblower_g1},
            {"DocumentRetentionPolicyInd", retention_g2}, {"DocumentRetentionPolicy", retention_g1},
            {"Form990PartI", wrapper}, {"Form990PartIII", wrapper}, {"Form990PartVI", wrapper},
        };
        std::array<std::vector<body_name>, 40> by_length{};
        for (const body_name& n : names)
            by_length.at(n.name.size()).push_back(n);
        return by_length;
    }();
    if (local.size() >= buckets.size())
        return not_wanted;
    for (const body_name& n : buckets[local.size()])
        if (n.name[0] == local[0] && n.name == local) // the first letter settles most
            return n.s;
    return not_wanted;
}

using body_fields = std::array<pugi::xml_node, slot_count>;

inline void collect(pugi::xml_node parent, body_fields& found, namespace_check& in_irs, bool nested = false) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        // Text, comment and doctype nodes have no name, so they fall out here too.
        const qname q = split_name(c.name());
        const slot s = body_slot(q.local);
        if (s == not_wanted || c.type() != pugi::node_element || !in_irs(c, q.prefix))
            continue;
        if (s == wrapper) {
            if (!nested)
                collect(c, found, in_irs, true);
        } else if (!found[s]) {
            found[s] = c;
        }
    }
}

inline pugi::xml_node pick(const body_fields& found, std::initializer_list<slot> slots) noexcept {
    for (slot s : slots)
        if (found[s])
            return found[s];
    return {};
}

class importer {
public:
    importer(std::string_view text, std::string_view file) : text_(text), file_(file), object_id_(object_id_of(file)) {}

    read_result run();

private:
    // --- diagnostics -------------------------------------------------------------------
    void add(severity sev, std::size_t offset, std::string pointer, std::string message) {
        diagnostic d;
        d.severity = sev;
        d.file = std::string(file_);
        const auto [line, column] = line_column(text_, offset);
        d.line = line;
        d.column = column;
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        result_.diagnostics.push_back(std::move(d));
    }
    /// Byte offset of the `<` that opens `n` (pugixml reports where the name starts).
    std::size_t offset_of(pugi::xml_node n) const noexcept {
        const auto at = n.offset_debug();
        if (at < 0)
            return 0;
        const auto lt = text_.rfind('<', static_cast<std::size_t>(at));
        return lt == std::string_view::npos ? static_cast<std::size_t>(at) : lt;
    }
    void error(std::size_t offset, std::string message) { add(severity::error, offset, {}, std::move(message)); }
    void error(pugi::xml_node at, std::string message) {
        add(severity::error, offset_of(at), xpath_of(at), std::move(message));
    }
    void warning(pugi::xml_node at, std::string message) {
        add(severity::warning, offset_of(at), xpath_of(at), std::move(message));
    }

    // --- provenance --------------------------------------------------------------------
    void note(std::string pointer, std::string xpath) {
        provenance p;
        p.pointer = std::move(pointer);
        p.source = std::string(file_);
        p.object_id = object_id_;
        p.xpath = std::move(xpath);
        provenance_.push_back(std::move(p));
    }

    // --- values ------------------------------------------------------------------------
    /// The element's text, or nullopt when it is empty or (with an error) holds a control character.
    std::optional<std::string> text(pugi::xml_node el) {
        std::string t = text_of(el);
        if (t.empty())
            return std::nullopt;
        if (auto problem = detail::check_text(t)) {
            error(el, render(problem->message));
            return std::nullopt;
        }
        return t;
    }
    /// A Part VI yes/no line: 1/true yes, 0/false no (X, a checkbox mark, also reads as yes).
    std::optional<bool> flag(pugi::xml_node el, std::string_view what) {
        const std::string t = text_of(el);
        if (t == "1" || t == "true" || t == "X" || t == "x")
            return true;
        if (t == "0" || t == "false")
            return false;
        warning(el, "expected 1, 0, true or false for " + std::string(what) + ", found \"" + t +
                        "\"; the answer is left out");
        return std::nullopt;
    }
    /// A checkbox: X when checked; the element is absent when not checked.
    bool checked(pugi::xml_node el) {
        if (!el)
            return false;
        const std::string t = text_of(el);
        if (t == "X" || t == "x" || t == "1" || t == "true")
            return true;
        if (t != "0" && t != "false")
            warning(el, "expected X in a checkbox, found \"" + t + "\"; read as not checked");
        return false;
    }
    /// True when the number read into field `key` of `S` is in the field's range (or
    /// absent); otherwise an error at `el` says why, and the field is left out.
    template <class S>
    bool in_range(pugi::xml_node el, std::string_view key, std::string_view what, opt<std::int64_t>& field) {
        auto why = out_of_range<S>(key, field);
        if (!why)
            return true;
        error(el, std::string(what) + ": " + render(*why));
        field.reset();
        return false;
    }
    std::optional<std::int64_t> count(pugi::xml_node el, std::string_view what) {
        const std::string t = text_of(el);
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (!all_digits(t) || ec != std::errc{} || end != t.data() + t.size()) {
            warning(el, "expected a whole number for " + std::string(what) + ", found \"" + t +
                            "\"; the number is left out");
            return std::nullopt;
        }
        return v;
    }

    /// The first element child of `parent` named `names[0]`, else `names[1]`, ... (the 2013+
    /// name first, then the pre-2013 one), in the IRS namespace; one pass over the children.
    pugi::xml_node child(pugi::xml_node parent, std::initializer_list<std::string_view> names) noexcept {
        pugi::xml_node best;
        std::size_t best_rank = names.size();
        for (pugi::xml_node c = parent.first_child(); c && best_rank > 0; c = c.next_sibling()) {
            const qname q = split_name(c.name());
            std::size_t rank = 0;
            for (std::string_view want : names) {
                if (rank >= best_rank)
                    break;
                if (q.local == want) {
                    if (c.type() == pugi::node_element && in_irs_(c, q.prefix)) {
                        best = c;
                        best_rank = rank;
                    }
                    break;
                }
                ++rank;
            }
        }
        return best;
    }

    // --- the parts of a return ---------------------------------------------------------
    bool parse();
    bool check_characters();
    pugi::xml_node check_structure();
    void read_organization(pugi::xml_node header, const body_fields& f, organization& org);
    void read_filing(pugi::xml_node header, pugi::xml_node type_el, pugi::xml_node body, const body_fields& f,
                     filing& out);

    std::string_view text_, file_;
    std::optional<std::string> object_id_;
    pugi::xml_document doc_;
    read_result result_;
    std::vector<provenance> provenance_;
    filing_form form_ = filing_form::f990;
    namespace_check in_irs_;
};

/// Parses the text; false (with an error) when it is not usable XML.
inline bool importer::parse() {
    if (detail::input_too_large(text_, file_, result_.diagnostics))
        return false;
    // IRS e-file is UTF-8; a UTF-16 file would be converted by pugixml and its offsets would
    // no longer match the text, so it is refused rather than misreported.
    if (text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF")) {
        error(std::size_t{0}, "the file is UTF-16; IRS e-file returns are UTF-8");
        return false;
    }
    const std::size_t start = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::size_t first = start;
    while (first < text_.size() && is_space(text_[first]))
        ++first;
    if (first == text_.size()) {
        error(first, "not XML: the file is empty");
        return false;
    }
    // pugixml skips text before the first tag, so JSON holding "<b>" would parse; refuse it here.
    if (text_[first] != '<') {
        error(first, "not XML: the text does not start with an XML tag");
        return false;
    }
    if (text_.substr(start).starts_with("<?xml")) {
        const auto decl_end = text_.find("?>", start);
        const std::string_view decl = text_.substr(start, decl_end == std::string_view::npos ? 0 : decl_end - start);
        if (const auto e = decl.find("encoding"); e != std::string_view::npos) {
            const auto q = decl.find_first_of("\"'", e);
            const auto q2 = q == std::string_view::npos ? q : decl.find(decl[q], q + 1);
            if (q2 != std::string_view::npos) {
                const std::string enc = ascii_upper(decl.substr(q + 1, q2 - q - 1));
                if (enc != "UTF-8" && enc != "UTF8" && enc != "US-ASCII" && enc != "ASCII") {
                    error(start + e, "the return declares the encoding " + std::string(decl.substr(q + 1, q2 - q - 1)) +
                                         "; IRS e-file returns are UTF-8");
                    return false;
                }
            }
        }
    }

    const pugi::xml_parse_result r = doc_.load_buffer(text_.data(), text_.size(), parse_options, pugi::encoding_utf8);
    if (r) {
        for (pugi::xml_node n = doc_.first_child(); n; n = n.next_sibling())
            if (n.type() == pugi::node_doctype) {
                error(offset_of(n), "DTDs and entity declarations are not accepted in a return "
                                    "(nothing is ever fetched or expanded)");
                return false;
            }
        return true;
    }

    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
    // A declaration pugixml cannot place (<!ENTITY outside a doctype, a doctype inside an
    // element) is still a DTD construct: say so rather than "bad tag".
    std::size_t dtd_at = std::string_view::npos;
    if (r.status == pugi::status_bad_doctype) {
        dtd_at = std::min(text_.rfind("<!DOCTYPE", at), at);
    } else if (const auto lt = text_.rfind('<', at); lt != std::string_view::npos && at - lt <= 2) {
        for (std::string_view decl : {"<!ENTITY", "<!DOCTYPE", "<!ELEMENT", "<!ATTLIST"})
            if (text_.substr(lt).starts_with(decl))
                dtd_at = lt;
    }
    if (dtd_at != std::string_view::npos) {
        error(dtd_at, "DTDs and entity declarations are not accepted in a return (nothing is ever fetched or "
                      "expanded)");
        return false;
    }
    if (r.status == pugi::status_no_document_element) {
        error(first, "not XML: no XML element found");
        return false;
    }
    // The text ran out inside the document (no tag closes after the error point): a return
    // cut short by a download or a copy, reported as such rather than as a tag mismatch.
    if (text_.find('>', std::min(at, text_.size())) == std::string_view::npos) {
        error(text_.size(), "the return is truncated: the XML ends before its elements are closed");
        return false;
    }
    error(at, std::string("not well-formed XML: ") + r.description());
    return false;
}

/// Invalid UTF-8, raw control characters and references to characters no text may hold
/// are refused wherever they are, at the element that holds them.
inline bool importer::check_characters() {
    const std::size_t start = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::size_t at = detail::first_invalid_utf8_or_c0(text_);
    std::string why;
    if (at != std::string_view::npos) {
        const auto c = static_cast<unsigned char>(text_[at]);
        why = c < 0x20 ? "control character " + detail::describe_code_point(c) + " is not allowed in XML; remove it"
                       : "invalid UTF-8: " + detail::describe_invalid_utf8(text_, at) + "; save the file as UTF-8";
    }
    std::uint32_t cp = 0;
    if (const auto ref = first_bad_reference(text_, start, at, cp); ref != std::string_view::npos) {
        at = ref;
        why = "the character reference " + std::string(text_.substr(ref, text_.find(';', ref) + 1 - ref)) +
              " names " + (cp > 0x10FFFF ? std::string("no character") : detail::describe_code_point(cp)) +
              (cp == 0 ? ", which would silently cut the value short" : ", which no text may hold") +
              "; remove it";
    }
    if (at == std::string_view::npos)
        return true;
    element_at finder(at);
    doc_.traverse(finder);
    add(severity::error, at, finder.found ? xpath_of(finder.found) : std::string(), std::move(why));
    return false;
}

/// The root <Return> after the structural checks, or null (with an error).
inline pugi::xml_node importer::check_structure() {
    pugi::xml_node root;
    for (pugi::xml_node n = doc_.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element)
            continue;
        if (root) {
            error(n, "not well-formed XML: a second root element <" + std::string(n.name()) + ">");
            return {};
        }
        root = n;
    }
    if (!root) {
        error(std::size_t{0}, "not XML: no XML element found");
        return {};
    }
    depth_guard guard;
    doc_.traverse(guard);
    if (guard.too_deep) {
        error(offset_of(guard.too_deep), "the XML nests elements more than " + std::to_string(max_depth) +
                                             " levels deep; an IRS return nests about 10");
        return {};
    }
    const qname q = split_name(root.name());
    const std::string_view uri = namespace_uri(root, q.prefix);
    if (q.local != "Return" || uri != efile_ns) {
        std::string where;
        if (q.local == "Return")
            where = uri.empty() ? " in no namespace" : " in the " + std::string(uri) + " namespace";
        error(root, "not an IRS e-file return: the root element is <" + std::string(root.name()) + ">" + where +
                        ", expected <Return> in the " + std::string(efile_ns) + " namespace");
        return {};
    }
    for (const char* part : {"ReturnHeader", "ReturnData"})
        if (!child(root, {part})) {
            error(root, "the return has no <" + std::string(part) +
                            ">: it is truncated or not a complete IRS e-file return");
            return {};
        }
    return root;
}

inline void importer::read_organization(pugi::xml_node header, const body_fields& f, organization& org) {
    const pugi::xml_node filer = child(header, {"Filer"});
    if (!filer)
        warning(header, "the return header has no <Filer>: no name, EIN or address");

    // Name: 2013+ BusinessName, pre-2013 Name; Line1Txt from 2014, Line1 before (2013v3/v4 mix).
    const pugi::xml_node name_group = child(filer, {"BusinessName", "Name"});
    const pugi::xml_node line1 = child(name_group, {"BusinessNameLine1Txt", "BusinessNameLine1"});
    if (auto l1 = line1 ? text(line1) : std::nullopt) {
        std::string xp = xpath_of(line1);
        const pugi::xml_node line2 = child(name_group, {"BusinessNameLine2Txt", "BusinessNameLine2"});
        if (auto l2 = line2 ? text(line2) : std::nullopt) {
            *l1 += ' ';
            *l1 += *l2;
            xp += " | " + xpath_of(line2); // an XPath union: both lines were read
        }
        org.name = std::move(l1);
        note("/organization/name", std::move(xp));
    } else if (filer) {
        warning(filer, "the filer has no business name (BusinessNameLine1)");
    }

    if (const pugi::xml_node ein = child(filer, {"EIN"})) {
        const std::string t = text_of(ein);
        if (t.size() == 9 && all_digits(t)) {
            org.ein = t.substr(0, 2) + "-" + t.substr(2);
            note("/organization/ein", xpath_of(ein));
        } else {
            warning(ein, "expected a 9-digit EIN, found \"" + t + "\"; the EIN is left out");
        }
    } else if (filer) {
        warning(filer, "the filer has no EIN");
    }

    // 501(c)(3): its own checkbox; other subsections: the 501(c) checkbox with the subsection
    // number in an attribute (2013+ organization501cTypeTxt, before typeOf501cOrganization).
    if (const pugi::xml_node c3 = pick(f, {c3_g2, c3_g1}); checked(c3)) {
        org.legal_status = legal_status::exempt_501c3;
        note("/organization/legal_status", xpath_of(c3));
    } else if (const pugi::xml_node c = pick(f, {c_g2, c_g1}); checked(c)) {
        pugi::xml_attribute type = c.attribute("organization501cTypeTxt");
        if (!type)
            type = c.attribute("typeOf501cOrganization");
        std::string sub = type ? std::string(type.value()) : std::string();
        while (!sub.empty() && is_space(sub.back()))
            sub.pop_back();
        while (!sub.empty() && is_space(sub.front()))
            sub.erase(0, 1);
        if (sub.empty()) {
            warning(c, "the 501(c) box is checked without its subsection number; legal_status is left out");
        } else {
            org.legal_status = sub == "3" ? legal_status::exempt_501c3 : legal_status::other_501c;
            note("/organization/legal_status", xpath_of(c) + "/@" + type.name());
        }
    }

    if (const pugi::xml_node y = pick(f, {formation_g2, formation_g1})) {
        const std::string t = text_of(y);
        if (t.size() == 4 && all_digits(t)) {
            org.formation_year = std::stoi(t);
            if (in_range<organization>(y, "formation_year", "the year of formation", org.formation_year))
                note("/organization/formation_year", xpath_of(y));
        }
        else
            warning(y, "expected a 4-digit year of formation, found \"" + t + "\"");
    }

    // State: the state of legal domicile (Form 990 header item M), else the filer's US address.
    pugi::xml_node state = pick(f, {domicile_g2, domicile_g1});
    if (!state)
        state = child(child(filer, {"USAddress"}), {"StateAbbreviationCd", "State"});
    if (auto s = state ? text(state) : std::nullopt) {
        const std::string code = ascii_upper(*s);
        if (code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z') {
            org.state = code;
            note("/organization/state", xpath_of(state));
        } else {
            warning(state, "expected a two-letter state code, found \"" + *s + "\"; the state is left out");
        }
    }

    if (const pugi::xml_node w = pick(f, {website_g2, website_g1})) {
        if (auto entry = text(w); entry && !no_website(*entry)) {
            if (auto url = website_url(*entry)) {
                org.website.emplace().url = std::move(url);
                note("/organization/website/url", xpath_of(w));
            } else {
                warning(w, "the website entry \"" + *entry + "\" is not a web address; it is left out");
            }
        }
    }

    // Mission: Part III line 1, else Part I line 1 (990); 990-EZ Part III primary exempt purpose.
    if (const pugi::xml_node m =
            pick(f, {mission_g2, mission_g1, activity_g2, activity_g1, purpose_g2, purpose_g1})) {
        if (auto t = text(m)) {
            org.mission = std::move(t);
            note("/organization/mission", xpath_of(m));
        }
    }
}

inline void importer::read_filing(pugi::xml_node header, pugi::xml_node type_el, pugi::xml_node body,
                                  const body_fields& f, filing& out) {
    out.form = form_;
    note("/filings/0/form", xpath_of(type_el ? type_el : body));

    if (const pugi::xml_node y = child(header, {"TaxYr", "TaxYear"})) {
        const std::string t = text_of(y);
        if (t.size() == 4 && all_digits(t)) {
            out.tax_year = std::stoi(t);
            if (in_range<filing>(y, "tax_year", "the tax year", out.tax_year))
                note("/filings/0/tax_year", xpath_of(y));
        } else {
            warning(y, "expected a 4-digit tax year, found \"" + t + "\"; tax_year is left out");
        }
    } else if (const pugi::xml_node b = child(header, {"TaxPeriodBeginDt", "TaxPeriodBeginDate"})) {
        // The tax year is the year the tax period begins.
        const std::string t = text_of(b);
        if (t.size() >= 4 && all_digits(t.substr(0, 4))) {
            out.tax_year = std::stoi(t.substr(0, 4));
            if (in_range<filing>(b, "tax_year", "the tax year", out.tax_year))
                note("/filings/0/tax_year", xpath_of(b));
        }
    } else {
        warning(header, "the return header gives no tax year (TaxYr)");
    }

    // Form 990-EZ has no Part VI: its answers stay absent ("not reported on this form").
    if (form_ != filing_form::f990)
        return;

    auto read_flag = [&](opt<bool>& field, const char* key, std::string_view line, std::initializer_list<slot> s) {
        if (const pugi::xml_node el = pick(f, s)) {
            field = flag(el, line);
            if (field)
                note(std::string("/filings/0/") + key, xpath_of(el));
        }
    };
    auto read_count = [&](opt<std::int64_t>& field, const char* key, std::string_view line,
                          std::initializer_list<slot> s) {
        if (const pugi::xml_node el = pick(f, s)) {
            field = count(el, line);
            if (field && in_range<filing>(el, key, line, field))
                note(std::string("/filings/0/") + key, xpath_of(el));
        }
    };
    // In the order of filing::fields, so the provenance list reads in record order.
    read_flag(out.decisions_subject_to_approval, "decisions_subject_to_approval", "Part VI line 7b",
              {decisions_g2, decisions_g1});
    read_count(out.voting_members, "voting_members", "Part VI line 1a",
               {voting_g2, voting_g1, voting_i3_g2, voting_i3_g1});
    read_count(out.independent_members, "independent_members", "Part VI line 1b",
               {independent_g2, independent_g1, independent_i4_g2, independent_i4_g1});
    read_flag(out.conflict_of_interest_policy, "conflict_of_interest_policy", "Part VI line 12a", {coi_g2, coi_g1});
    read_flag(out.whistleblower_policy, "whistleblower_policy", "Part VI line 13",
              {whistleblower_g2, whistleblower_g1});
    read_flag(out.document_retention_policy, "document_retention_policy", "Part VI line 14",
              {retention_g2, retention_g1});
    read_flag(out.minutes, "minutes", "Part VI line 8a", {minutes_g2, minutes_g1});
}

inline read_result importer::run() {
    if (!parse())
        return std::move(result_);
    const pugi::xml_node root = check_structure();
    if (!root || !check_characters())
        return std::move(result_);
    const pugi::xml_node header = child(root, {"ReturnHeader"});
    const pugi::xml_node data = child(root, {"ReturnData"});

    // The form: the header's return type, else the body present.
    const pugi::xml_node type_el = child(header, {"ReturnTypeCd", "ReturnType"});
    std::string code;
    if (type_el) {
        for (char c : ascii_upper(text_of(type_el)))
            if (c != '-' && c != ' ')
                code += c;
    } else {
        for (std::string_view body : {"IRS990", "IRS990EZ", "IRS990PF", "IRS990T"})
            if (child(data, {body})) {
                code = body.substr(3);
                break;
            }
    }
    const pugi::xml_node where = type_el ? type_el : data;
    const std::string supported = ": rco-audit imports Form 990 and 990-EZ";
    if (code == "990PF") {
        error(where, "Form 990-PF (private foundation) returns are not supported" + supported);
        return std::move(result_);
    }
    if (code == "990T") {
        error(where, "Form 990-T (exempt organization business income tax) returns are not supported" + supported);
        return std::move(result_);
    }
    if (code != "990" && code != "990EZ") {
        error(where, code.empty() ? std::string("the return does not say which form it is (no ReturnTypeCd) and "
                                                "<ReturnData> holds no IRS990 or IRS990EZ form")
                                  : "Form " + code + " returns are not supported" + supported);
        return std::move(result_);
    }
    form_ = code == "990" ? filing_form::f990 : filing_form::f990_ez;
    const std::string body_name = "IRS" + code;
    const pugi::xml_node body = child(data, {body_name});
    if (!body) {
        error(data, "the return is a Form " + std::string(to_string(form_)) + " but <ReturnData> has no <" +
                        body_name + ">: it is truncated or not a complete return");
        return std::move(result_);
    }

    body_fields f{};
    collect(body, f, in_irs_);

    record rec;
    rec.format = std::string(record_format_id);
    organization org;
    read_organization(header, f, org);
    filing fil;
    read_filing(header, type_el, body, f, fil);
    rec.organization = std::move(org);
    rec.filings.emplace().push_back(std::move(fil));
    rec.provenance = std::move(provenance_);
    result_.record = std::move(rec);
    return std::move(result_);
}

// --- merge_into ------------------------------------------------------------------------

template <class T>
struct optional_value {};
template <class T>
struct optional_value<std::optional<T>> {
    using type = T;
};
template <class M>
concept optional_struct = requires { typename optional_value<M>::type; } && record_struct<typename optional_value<M>::type>;

/// Fills the fields of `dst` that are absent from the same fields of `src`, descending
/// into sub-structs so that a partly filled section is completed field by field.
template <class S>
bool fill_absent(S& dst, const S& src, const std::string& base, std::vector<std::string>& filled,
                 std::initializer_list<std::string_view> skip = {}) {
    // Both walks visit the same table in the same order, so the i-th member of `src`
    // has the type of the i-th member of `dst`.
    std::vector<const void*> from;
    S::fields(src, [&](const char*, const auto& m) { from.push_back(&m); });
    std::size_t i = 0;
    bool any = false;
    S::fields(dst, [&](const char* name, auto& m) {
        using M = std::remove_cvref_t<decltype(m)>;
        const M& s = *static_cast<const M*>(from[i++]);
        for (std::string_view k : skip)
            if (k == name)
                return;
        if (!s)
            return;
        const std::string ptr = base + "/" + name;
        if constexpr (optional_struct<M>) {
            if (m) {
                any |= fill_absent(*m, *s, ptr, filled);
            } else {
                typename optional_value<M>::type fresh{};
                if (fill_absent(fresh, *s, ptr, filled)) {
                    m = std::move(fresh);
                    any = true;
                }
            }
        } else if (!m) {
            m = s;
            filled.push_back(ptr);
            any = true;
        }
    });
    return any;
}

/// An imported pointer as it reads in the target: "/filings/<i>/x" follows filing i to
/// where it was appended, or is nullopt when that filing was not appended.
inline std::optional<std::string> repoint(const std::string& ptr,
                                          const std::vector<std::pair<std::size_t, std::size_t>>& moved) {
    constexpr std::string_view filings = "/filings/";
    if (!ptr.starts_with(filings))
        return ptr;
    std::size_t index = 0;
    const char* first = ptr.data() + filings.size();
    const char* last = ptr.data() + ptr.size();
    const auto [end, ec] = std::from_chars(first, last, index);
    if (ec != std::errc{} || end == first || (end != last && *end != '/'))
        return std::nullopt;
    for (const auto& [from, to] : moved)
        if (from == index)
            return "/filings/" + std::to_string(to) + std::string(end, last);
    return std::nullopt;
}

} // namespace irs990_detail

read_result import_990(std::string_view text, std::string_view file_name) {
    auto out = irs990_detail::importer(text, file_name).run();
    if (has_errors(out.diagnostics))
        out.record.reset(); // a failed import yields no record
    return out;
}

std::vector<std::string> merge_into(record& target, const record& imported) {
    using namespace irs990_detail;
    std::vector<std::string> filled;
    // Every section but the record's own identity (format, as_of), the filings (appended
    // whole, below) and the provenance list (carried per filled field, below).
    fill_absent(target, imported, "", filled, {"format", "as_of", "filings", "provenance"});

    std::vector<std::pair<std::size_t, std::size_t>> moved; // imported filing index -> target index
    if (imported.filings) {
        for (std::size_t i = 0; i < imported.filings->size(); ++i) {
            const filing& f = (*imported.filings)[i];
            auto& list = target.filings ? *target.filings : target.filings.emplace();
            bool exists = false;
            for (const filing& g : list)
                exists = exists || (g.form == f.form && g.tax_year == f.tax_year);
            if (exists)
                continue;
            const std::size_t k = list.size();
            list.push_back(f);
            moved.emplace_back(i, k);
            filing::fields(list.back(), [&](const char* name, const auto& m) {
                if (m)
                    filled.push_back("/filings/" + std::to_string(k) + "/" + name);
            });
        }
    }

    if (imported.provenance) {
        for (const provenance& p : *imported.provenance) {
            if (!p.pointer)
                continue;
            std::optional<std::string> ptr = repoint(*p.pointer, moved);
            if (!ptr || std::find(filled.begin(), filled.end(), *ptr) == filled.end())
                continue;
            provenance copy = p;
            copy.pointer = std::move(ptr);
            (target.provenance ? *target.provenance : target.provenance.emplace()).push_back(std::move(copy));
        }
    }
    return filled;
}

} // namespace rco::io
