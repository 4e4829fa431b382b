#pragma once

// The workbook's sheets and columns, derived once from the record model's field
// tables, with help text from the JSON Schema's descriptions. The writer and the
// reader both walk this one layout.

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

/// One field in a cell: a row of a form sheet, or a column of a table sheet.
struct column {
    std::string label;              ///< relative to the sheet's object, dotted: "fiscal_sponsor.name"
    std::vector<std::string> path;  ///< the same, as JSON object keys
    cell_kind kind = cell_kind::text;
    bool list = false;              ///< a list of values of `kind`, "; " separated
    /// For `choice`: the accepted words. For `text` and `whole`: the words a drop-down
    /// offers, checked by the reader the cells go to (the review file's verdicts, scores).
    std::vector<std::string_view> words;
    std::string help;
    bool context = false; ///< written for the reader's information (grey), ignored when read
    double width = 0;     ///< a table column's width in characters, wrapped; 0: by its kind
};

/// One sheet: a form (label / value / help rows for one object) or a table (one
/// row per item of a list of objects).
struct sheet {
    std::string name;
    std::vector<std::string> path; ///< from the record root to the object (form) or the list (table)
    bool table = false;
    std::vector<column> columns;
};

constexpr std::string_view start_sheet_name = "Start here";
constexpr std::string_view none_marker = "(none)";
constexpr std::size_t excel_max_cell_chars = 32767;

/// Sheet names by the pointer of their object or list. Excel allows 31 characters.
constexpr std::pair<std::string_view, std::string_view> sheet_names[] = {
    {"", "Record"},
    {"/organization", "Organization"},
    {"/filings", "Filings"},
    {"/board", "Board"},
    {"/board/members", "Board members"},
    {"/board/meetings", "Board meetings"},
    {"/bylaws", "Bylaws"},
    {"/services", "Services"},
    {"/pathways", "Pathways"},
    {"/peer_workers", "Peer workers"},
    {"/volunteers", "Volunteers"},
    {"/participation", "Participation"},
    {"/participation/events", "Input events"},
    {"/participation/decisions", "Decisions"},
    {"/participation/community_planned_events", "Planned events"},
    {"/policies", "Policies"},
    {"/grievances", "Grievances"},
    {"/demographics", "Demographics"},
    {"/documents", "Documents"},
    {"/provenance", "Provenance"},
};

inline std::string pointer_of(const std::vector<std::string>& path) {
    std::string out;
    for (const auto& t : path)
        out += "/" + t; // field names never hold '/' or '~'
    return out;
}

inline std::string sheet_name_for(const std::vector<std::string>& path) {
    const auto p = pointer_of(path);
    for (const auto& [ptr, name] : sheet_names)
        if (ptr == p)
            return std::string(name);
    // A part of the model added later: its pointer, readable and short enough.
    std::string name;
    for (const auto& t : path)
        name += (name.empty() ? "" : " ") + t;
    for (auto& c : name)
        if (c == '_')
            c = ' ';
    if (!name.empty())
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name.substr(0, 31);
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

/// Help text from the JSON Schema: the description at a path of keys ("*" for list items).
class schema_help {
public:
    explicit schema_help(std::string_view schema_file = "rco-record-1.schema.json") {
        for (const auto& [name, bytes] : rco::detail::embedded_files())
            if (name == schema_file) {
                boost::system::error_code ec;
                root_ = json::parse(bytes, ec);
            }
    }
    std::string describe(const std::vector<std::string>& path) const {
        const json::value* node = &root_;
        for (const auto& key : path) {
            node = child(*node, key);
            if (!node)
                return {};
        }
        if (const auto* o = node->if_object()) {
            if (auto it = o->find("description"); it != o->end() && it->value().is_string())
                return std::string(it->value().get_string());
            if (const auto* r = resolve(*node); r && r != node)
                if (auto* ro = r->if_object())
                    if (auto it = ro->find("description"); it != ro->end() && it->value().is_string())
                        return std::string(it->value().get_string());
        }
        return {};
    }

private:
    const json::value* resolve(const json::value& node) const {
        const auto* o = node.if_object();
        if (!o)
            return nullptr;
        auto it = o->find("$ref");
        if (it == o->end() || !it->value().is_string())
            return nullptr;
        std::string_view ref = it->value().get_string();
        if (ref.substr(0, 8) != "#/$defs/")
            return nullptr;
        const auto* defs = root_.is_object() ? root_.get_object().if_contains("$defs") : nullptr;
        return defs && defs->is_object() ? defs->get_object().if_contains(ref.substr(8)) : nullptr;
    }
    const json::value* child(const json::value& node, const std::string& key) const {
        for (const json::value* n = &node; n; n = resolve(*n)) {
            const auto* o = n->if_object();
            if (!o)
                return nullptr;
            if (key == "*") {
                if (auto* items = o->if_contains("items"))
                    return items;
            } else if (auto* props = o->if_contains("properties"); props && props->is_object()) {
                if (auto* p = props->get_object().if_contains(key))
                    return p;
            }
        }
        return nullptr;
    }
    json::value root_;
};

/// What a value of `kind` looks like in a cell, for the help text.
inline std::string how_to_fill(const column& c) {
    std::string s;
    if (!c.words.empty()) {
        s = "One of: ";
        for (std::size_t i = 0; i < c.words.size(); ++i)
            s += (i ? ", " : "") + std::string(c.words[i]);
        s += ".";
    } else {
        switch (c.kind) {
        case cell_kind::text: s = "Text."; break;
        case cell_kind::yes_no: s = "yes or no."; break;
        case cell_kind::whole: s = "A whole number."; break;
        case cell_kind::money: s = "An amount in dollars."; break;
        case cell_kind::date: s = "A date."; break;
        case cell_kind::choice: break; // always has words
        }
    }
    if (c.list)
        s = "Several values separated by \"; \" (" + std::string(none_marker) + " for none), each: " + s;
    return s;
}

class layout_builder {
public:
    std::vector<sheet> sheets;

    void build() {
        sheets.push_back({sheet_name_for({}), {}, false, {}});
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
                    sheets.push_back({sheet_name_for(sheet_path), sheet_path, true, {}});
                    auto item_abs = child_abs;
                    item_abs.push_back("*");
                    walk<I>(sheets.size() - 1, {}, item_abs, false);
                } else {
                    add(at, child_rel, child_abs, kind_of<I>(), true, words_of<I>());
                }
            } else if constexpr (record_struct<V>) {
                if (top) {
                    sheets.push_back({sheet_name_for(child_abs), child_abs, false, {}});
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
        c.help = help_.describe(abs);
        // Descriptions speak JSON: a yes/no cell says yes where the JSON says true.
        if (kind == cell_kind::yes_no && c.help.substr(0, 10) == "True when ")
            c.help = "yes when " + c.help.substr(10);
        c.help += (c.help.empty() ? "" : " ") + how_to_fill(c);
        sheets[at].columns.push_back(std::move(c));
    }

    schema_help help_;
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
