#pragma once

// The workbook's sheets and columns, derived once from the record model's field
// tables, with help text from the JSON Schema's descriptions. The writer and the
// reader both walk this one layout.

#include "rco/i18n.hpp"
#include "rco/io/workbook.hpp"
#include "rco/record.hpp"

#include <boost/json.hpp>

#include <mutex>
#include <span>
#include <type_traits>

namespace rco::detail {
std::span<const std::pair<std::string_view, std::string_view>> embedded_files() noexcept;
}

namespace rco::io::detail::wb {

namespace json = boost::json;

/// How a cell holds a value.
enum class cell_kind { text, yes_no, whole, money, date, choice };

class schema_help;

/// One field in a cell: a row of a form sheet, or a column of a table sheet.
struct column {
    std::string label;              ///< relative to the sheet's object, dotted: "fiscal_sponsor.name"
    std::vector<std::string> path;  ///< the same, as JSON object keys
    cell_kind kind = cell_kind::text;
    bool list = false;              ///< a list of values of `kind`, "; " separated
    /// For `choice`: the accepted words. For `text` and `whole`: the words a drop-down
    /// offers, checked by the reader the cells go to (the review file's verdicts, scores).
    std::vector<std::string_view> words;
    /// Where the field's description is: the JSON Schema (parsed once, on the first call:
    /// the text report places fields on sheets and writes no help) and the path of keys in
    /// it ("*" for list items). help_of reads the description there when help is written.
    const schema_help& (*schema)() = nullptr;
    std::vector<std::string> schema_path;
    bool context = false; ///< written for the reader's information (grey), ignored when read
    double width = 0;     ///< a table column's width in characters, wrapped; 0: by its kind
};

/// One sheet: a form (label / value / help rows for one object) or a table (one
/// row per item of a list of objects).
struct sheet {
    std::string name; ///< in English; name_in(s, lang) in another language
    const message_def* name_def = nullptr; ///< the name as a message, translated; null: `name` in every language
    std::vector<std::string> path; ///< from the record root to the object (form) or the list (table)
    bool table = false;
    std::vector<column> columns;
};

constexpr std::string_view none_marker = "(none)";
constexpr std::size_t excel_max_cell_chars = 32767;

// Sheet names, translated like every message (po/). Excel allows 31 characters and none
// of []:*?/\ (a test checks every language's names).
constexpr message_def sheet_start{"workbook.sheet.start", "Start here"};
constexpr message_def sheet_record{"workbook.sheet.record", "Record"};
constexpr message_def sheet_organization{"workbook.sheet.organization", "Organization"};
constexpr message_def sheet_filings{"workbook.sheet.filings", "Filings"};
constexpr message_def sheet_board{"workbook.sheet.board", "Board"};
constexpr message_def sheet_board_members{"workbook.sheet.board_members", "Board members"};
constexpr message_def sheet_board_meetings{"workbook.sheet.board_meetings", "Board meetings"};
constexpr message_def sheet_bylaws{"workbook.sheet.bylaws", "Bylaws"};
constexpr message_def sheet_services{"workbook.sheet.services", "Services"};
constexpr message_def sheet_pathways{"workbook.sheet.pathways", "Pathways"};
constexpr message_def sheet_peer_workers{"workbook.sheet.peer_workers", "Peer workers"};
constexpr message_def sheet_volunteers{"workbook.sheet.volunteers", "Volunteers"};
constexpr message_def sheet_participation{"workbook.sheet.participation", "Participation"};
constexpr message_def sheet_input_events{"workbook.sheet.input_events", "Input events"};
constexpr message_def sheet_decisions{"workbook.sheet.decisions", "Decisions"};
constexpr message_def sheet_planned_events{"workbook.sheet.planned_events", "Planned events"};
constexpr message_def sheet_policies{"workbook.sheet.policies", "Policies"};
constexpr message_def sheet_grievances{"workbook.sheet.grievances", "Grievances"};
constexpr message_def sheet_demographics{"workbook.sheet.demographics", "Demographics"};
constexpr message_def sheet_documents{"workbook.sheet.documents", "Documents"};
constexpr message_def sheet_provenance{"workbook.sheet.provenance", "Provenance"};

/// Sheet names by the pointer of their object or list.
constexpr std::pair<std::string_view, const message_def*> sheet_names[] = {
    {"", &sheet_record},
    {"/organization", &sheet_organization},
    {"/filings", &sheet_filings},
    {"/board", &sheet_board},
    {"/board/members", &sheet_board_members},
    {"/board/meetings", &sheet_board_meetings},
    {"/bylaws", &sheet_bylaws},
    {"/services", &sheet_services},
    {"/pathways", &sheet_pathways},
    {"/peer_workers", &sheet_peer_workers},
    {"/volunteers", &sheet_volunteers},
    {"/participation", &sheet_participation},
    {"/participation/events", &sheet_input_events},
    {"/participation/decisions", &sheet_decisions},
    {"/participation/community_planned_events", &sheet_planned_events},
    {"/policies", &sheet_policies},
    {"/grievances", &sheet_grievances},
    {"/demographics", &sheet_demographics},
    {"/documents", &sheet_documents},
    {"/provenance", &sheet_provenance},
};

// The words of the workbook's cells and help, translated like every message.
constexpr message_def header_field{"workbook.header.field", "Field"};
constexpr message_def header_value{"workbook.header.value", "Value"};
constexpr message_def header_help{"workbook.header.help", "Help"};
constexpr message_def yes_word{"workbook.yes", "yes"};
constexpr message_def no_word{"workbook.no", "no"};
constexpr message_def fill_one_of{"workbook.fill.one_of", "One of: {words}."};
constexpr message_def fill_text{"workbook.fill.text", "Text."};
constexpr message_def fill_yes_no{"workbook.fill.yes_no", "yes or no."};
constexpr message_def fill_whole{"workbook.fill.whole", "A whole number."};
constexpr message_def fill_money{"workbook.fill.money", "An amount in dollars."};
constexpr message_def fill_date{"workbook.fill.date", "A date."};
constexpr message_def fill_list{"workbook.fill.list", "Several values separated by \"; \" ({none} for none), each: {each}"};

/// `def` in `lang`, without arguments.
inline std::string word_in(const message_def& def, const message_language& lang) {
    return render(message{&def, {}}, lang);
}

/// The sheet's name in `lang`.
inline std::string name_in(const sheet& s, const message_language& lang) {
    return s.name_def ? word_in(*s.name_def, lang) : s.name;
}

/// The languages a workbook may be written in: English first, then each one compiled in
/// (found once: the reader asks for every yes/no cell and every sheet).
inline const std::vector<const message_language*>& workbook_languages() {
    static const std::vector<const message_language*> languages = [] {
        std::vector<const message_language*> out{&english()};
        for (auto tag : i18n::languages())
            if (const auto* l = i18n::find(tag); l && l != &english())
                out.push_back(l);
        return out;
    }();
    return languages;
}

inline std::string pointer_of(const std::vector<std::string>& path) {
    std::string out;
    for (const auto& t : path)
        out += "/" + t; // field names never hold '/' or '~'
    return out;
}

/// The sheet of the object or list at `path`: its English name and its name as a message.
inline std::pair<std::string, const message_def*> sheet_name_for(const std::vector<std::string>& path) {
    const auto p = pointer_of(path);
    for (const auto& [ptr, def] : sheet_names)
        if (ptr == p)
            return {std::string(def->one), def};
    // A part of the model added later: its pointer, readable and short enough.
    std::string name;
    for (const auto& t : path)
        name += (name.empty() ? "" : " ") + t;
    for (auto& c : name)
        if (c == '_')
            c = ' ';
    if (!name.empty())
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return {name.substr(0, 31), nullptr};
}

/// True when a sheet of this pointer is private: its values may identify a person.
inline bool private_sheet(const std::vector<std::string>& path) {
    const auto p = pointer_of(path);
    return p == "/board/members" || p == "/peer_workers";
}

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

template <class V> constexpr cell_kind kind_of() {
    if constexpr (std::is_same_v<V, bool>)
        return cell_kind::yes_no;
    else if constexpr (std::is_same_v<V, std::int64_t>)
        return cell_kind::whole;
    else if constexpr (std::is_same_v<V, money>)
        return cell_kind::money;
    else if constexpr (std::is_same_v<V, date>)
        return cell_kind::date;
    else if constexpr (record_enum<V>)
        return cell_kind::choice;
    else {
        static_assert(std::is_same_v<V, std::string>, "a field type the workbook cannot hold");
        return cell_kind::text;
    }
}

template <class V> std::vector<std::string_view> words_of() {
    std::vector<std::string_view> out;
    if constexpr (record_enum<V>)
        for (const auto& [v, name] : enum_names<V>::table)
            out.push_back(name);
    return out;
}

/// A description in the JSON Schema: its English and its catalog context, the schema's
/// name and the description's place in it ("rco-record-1#/properties/as_of"), which
/// tools/po/update-pot.py gives its entry in the translations.
struct schema_description {
    std::string context, english;
};

/// Help text from the JSON Schema: the description at a path of keys ("*" for list items).
class schema_help {
public:
    explicit schema_help(std::string_view schema_file = "rco-record-1.schema.json")
        : name_(schema_file.substr(0, schema_file.find(".schema.json"))) {
        for (const auto& [name, bytes] : rco::detail::embedded_files())
            if (name == schema_file) {
                boost::system::error_code ec;
                root_ = json::parse(bytes, ec);
            }
    }
    schema_description describe(const std::vector<std::string>& path) const {
        located node{&root_, ""};
        for (const auto& key : path) {
            node = child(node, key);
            if (!node.value)
                return {};
        }
        if (auto d = description(node); !d.english.empty())
            return d;
        return description(resolve(node));
    }

private:
    /// A node of the schema and its JSON Pointer there.
    struct located {
        const json::value* value = nullptr;
        std::string pointer;
    };
    schema_description description(const located& node) const {
        const auto* o = node.value ? node.value->if_object() : nullptr;
        if (!o)
            return {};
        if (auto it = o->find("description"); it != o->end() && it->value().is_string())
            return {name_ + "#" + node.pointer, std::string(it->value().get_string())};
        return {};
    }
    located resolve(const located& node) const {
        const auto* o = node.value ? node.value->if_object() : nullptr;
        if (!o)
            return {};
        auto it = o->find("$ref");
        if (it == o->end() || !it->value().is_string())
            return {};
        std::string_view ref = it->value().get_string();
        if (ref.substr(0, 8) != "#/$defs/")
            return {};
        const auto* defs = root_.is_object() ? root_.get_object().if_contains("$defs") : nullptr;
        const auto* def = defs && defs->is_object() ? defs->get_object().if_contains(ref.substr(8)) : nullptr;
        return {def, std::string(ref.substr(1))};
    }
    located child(const located& node, const std::string& key) const {
        for (located n = node; n.value; n = resolve(n)) {
            const auto* o = n.value->if_object();
            if (!o)
                return {};
            if (key == "*") {
                if (auto* items = o->if_contains("items"))
                    return {items, n.pointer + "/items"};
            } else if (auto* props = o->if_contains("properties"); props && props->is_object()) {
                if (auto* p = props->get_object().if_contains(key))
                    return {p, n.pointer + "/properties/" + key}; // field names hold no '/' or '~'
            }
        }
        return {};
    }
    std::string name_;
    json::value root_;
};

/// What a value of `kind` looks like in a cell, for the help text, in `lang`.
inline std::string how_to_fill(const column& c, const message_language& lang) {
    std::string s;
    if (!c.words.empty()) {
        message_arg words{"words", std::vector<std::string>(c.words.begin(), c.words.end())};
        words.style = list_style::commas;
        s = render(message{&fill_one_of, {std::move(words)}}, lang);
    } else {
        switch (c.kind) {
        case cell_kind::text: s = word_in(fill_text, lang); break;
        case cell_kind::yes_no: s = word_in(fill_yes_no, lang); break;
        case cell_kind::whole: s = word_in(fill_whole, lang); break;
        case cell_kind::money: s = word_in(fill_money, lang); break;
        case cell_kind::date: s = word_in(fill_date, lang); break;
        case cell_kind::choice: break; // always has words
        }
    }
    if (c.list)
        s = render(message{&fill_list, {{"none", std::string(none_marker)}, {"each", std::move(s)}}}, lang);
    return s;
}

/// The record schema's help, parsed once, when first asked for.
inline const schema_help& record_schema_help() {
    static const schema_help help;
    return help;
}

/// A column's help in `lang`: its schema description (translated by its catalog context,
/// "rco-record-1#/properties/as_of"), then (but for context columns) how to fill it in.
inline std::string help_of(const column& c, const message_language& lang) {
    const schema_description d = c.schema ? c.schema().describe(c.schema_path) : schema_description{};
    std::string help(i18n::text(lang, d.context, d.english));
    // Descriptions speak JSON: a yes/no cell says yes where the JSON says true (the
    // translations say it in their own words).
    if (c.kind == cell_kind::yes_no && help.substr(0, 10) == "True when ")
        help = "yes when " + help.substr(10);
    if (!c.context)
        help += (help.empty() ? "" : " ") + how_to_fill(c, lang);
    return help;
}

class layout_builder {
public:
    std::vector<sheet> sheets;

    void build() {
        auto [name, def] = sheet_name_for({});
        sheets.push_back({name, def, {}, false, {}});
        walk<record>(0, {}, {}, true);
    }

private:
    /// Adds the fields of `T` to sheet `at`: `rel` is the object's path within the
    /// sheet, `abs` its path from the record root ("*" for list items).
    template <record_struct T>
    void walk(std::size_t at, const std::vector<std::string>& rel, const std::vector<std::string>& abs,
              bool top) {
        T dummy{};
        T::fields(dummy, [&](const char* name, auto& field) {
            using V = typename std::remove_cvref_t<decltype(field)>::value_type;
            auto child_rel = rel;
            child_rel.push_back(name);
            auto child_abs = abs;
            child_abs.push_back(name);
            if constexpr (is_vector<V>::value) {
                using I = typename V::value_type;
                if constexpr (record_struct<I>) {
                    // A list of objects: a table sheet of its own (sheet paths skip "*").
                    std::vector<std::string> sheet_path;
                    for (const auto& k : child_abs)
                        if (k != "*")
                            sheet_path.push_back(k);
                    auto [sheet_name, def] = sheet_name_for(sheet_path);
                    sheets.push_back({sheet_name, def, sheet_path, true, {}});
                    auto item_abs = child_abs;
                    item_abs.push_back("*");
                    walk<I>(sheets.size() - 1, {}, item_abs, false);
                } else {
                    add(at, child_rel, child_abs, kind_of<I>(), true, words_of<I>());
                }
            } else if constexpr (record_struct<V>) {
                if (top) {
                    auto [sheet_name, def] = sheet_name_for(child_abs);
                    sheets.push_back({sheet_name, def, child_abs, false, {}});
                    walk<V>(sheets.size() - 1, {}, child_abs, false);
                } else {
                    walk<V>(at, child_rel, child_abs, false);
                }
            } else {
                add(at, child_rel, child_abs, kind_of<V>(), false, words_of<V>());
            }
        });
    }

    void add(std::size_t at, const std::vector<std::string>& rel, const std::vector<std::string>& abs,
             cell_kind kind, bool list, std::vector<std::string_view> words) {
        column c;
        for (const auto& k : rel)
            c.label += (c.label.empty() ? "" : ".") + k;
        c.path = rel;
        c.kind = kind;
        c.list = list;
        c.words = std::move(words);
        c.schema = &record_schema_help;
        c.schema_path = abs;
        sheets[at].columns.push_back(std::move(c));
    }
};

/// The workbook layout, built once.
inline const std::vector<sheet>& layout() {
    static const std::vector<sheet> sheets = [] {
        layout_builder b;
        b.build();
        return std::move(b.sheets);
    }();
    return sheets;
}

/// A1 notation of a 0-based row and column.
inline std::string cell_name(std::uint32_t row, std::uint32_t col) {
    std::string letters;
    for (std::uint32_t c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

/// A sheet-qualified cell in the spreadsheet's own notation: Board!D7, 'Board members'!C7.
inline std::string cell_ref(std::string_view sheet_name, std::uint32_t row, std::uint32_t col) {
    bool plain = !sheet_name.empty();
    for (char c : sheet_name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
            plain = false;
    std::string out;
    if (plain) {
        out = std::string(sheet_name);
    } else {
        out = "'";
        for (char c : sheet_name)
            out += c == '\'' ? std::string("''") : std::string(1, c);
        out += "'";
    }
    return out + "!" + cell_name(row, col);
}

/// Days from 1899-12-30: the serial number of a date in the 1900 date system, for
/// dates from 1900-03-01 (earlier serials carry the 1900 leap-year bug).
inline long serial_1900(date d) {
    return days_between(date{std::chrono::year{1899}, std::chrono::December, std::chrono::day{30}}, d);
}

} // namespace rco::io::detail::wb
