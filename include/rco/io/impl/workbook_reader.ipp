#pragma once

// Reading the workbook: the zip from memory with libzip (nothing touches the disk),
// the parts with pugixml, cells converted by the layout into the record's JSON
// form, which the JSON reader's typed walk then reads (one place for value rules).

#include "rco/vocabularies.hpp"
#include "rco/io/impl/json_record.ipp"
#include "rco/io/impl/workbook_layout.ipp"

#include "rco/io/utf8.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>

namespace rco::io::detail::wb {

/// A problem that makes the whole workbook unreadable.
struct unreadable {
    message text;
};

// Why a workbook file cannot be read at all: a corrupt or hostile file, or not a workbook.
constexpr message_def zip_corrupt{"reader.workbook.zip_corrupt",
                                  "not a readable workbook: the zip archive is truncated or corrupt"};
constexpr message_def zip_corrupt_why{"reader.workbook.zip_corrupt_why",
                                      "not a readable workbook: the zip archive is truncated or corrupt ({reason})"};
constexpr message_def zip_too_many_files{"reader.workbook.too_many_files",
                                         "refused: the zip archive holds more than {limit} files"};
constexpr message_def zip_entry_corrupt{"reader.workbook.entry_corrupt",
                                        "not a readable workbook: the zip archive is corrupt"};
constexpr message_def zip_bomb{"reader.workbook.zip_bomb",
                               "refused: {part} expands more than {ratio} times when unpacked (a zip bomb?); save the "
                               "workbook again"};
constexpr message_def part_unpack{"reader.workbook.part_unpack",
                                  "not a readable workbook: {part} cannot be unpacked ({reason})"};
constexpr message_def part_corrupt{"reader.workbook.part_corrupt",
                                   "not a readable workbook: {part} is corrupt (its data does not match its checksum "
                                   "or size); the file may be truncated"};
constexpr message_def workbook_encrypted{"reader.workbook.encrypted",
                                         "refused: the workbook is encrypted or password-protected; save it again "
                                         "without a password"};
constexpr message_def part_too_large{"reader.workbook.part_too_large",
                                     "refused: {part} is larger than this tool reads ({part_mib} MiB a part, "
                                     "{total_mib} MiB in all)"};
constexpr message_def part_not_utf8{"reader.workbook.part_not_utf8", "not a readable workbook: {part} is not valid UTF-8"};
constexpr message_def part_dtd{"reader.workbook.part_dtd",
                               "refused: {part} declares a DTD or entities, which a workbook never needs (a hostile "
                               "file?)"};
constexpr message_def part_elements{"reader.workbook.part_elements",
                                    "refused: {part} has too many elements (more than {limit})"};
constexpr message_def part_not_xml{"reader.workbook.part_not_xml",
                                   "not a readable workbook: {part} is not well-formed XML ({reason})"};
constexpr message_def sheet_row_beyond{"reader.workbook.row_beyond",
                                       "refused: sheet {sheet} has a row number beyond {limit} (or a malformed one)"};
constexpr message_def sheet_cell_beyond{"reader.workbook.cell_beyond",
                                        "refused: sheet {sheet} has a malformed cell reference or one beyond the grid "
                                        "of {rows} rows and {columns} columns"};
constexpr message_def sheet_too_many_columns{"reader.workbook.too_many_columns",
                                             "refused: sheet {sheet} has more than {limit} columns"};
constexpr message_def sheet_shared_missing{"reader.workbook.shared_missing",
                                           "not a readable workbook: sheet {sheet} refers to a shared string that "
                                           "does not exist"};
constexpr message_def sheet_too_many_cells{"reader.workbook.too_many_cells",
                                           "refused: sheet {sheet} has more than {limit} filled cells"};
constexpr message_def workbook_ole{"reader.workbook.ole",
                                   "refused: the workbook is encrypted or password-protected, or an old Excel 97-2003 "
                                   "(.xls) file; save it as an Excel workbook (.xlsx) without a password"};
constexpr message_def workbook_too_large{"reader.workbook.too_large",
                                         "refused: the workbook is larger than {mib} MiB"};
constexpr message_def workbook_ods{"reader.workbook.ods",
                                   "this is an OpenDocument file (.ods); save it as an Excel workbook (.xlsx) and run "
                                   "again"};
constexpr message_def workbook_macros{"reader.workbook.macros",
                                      "refused: the workbook contains macros (vbaProject.bin); save it as a plain Excel "
                                      "workbook (.xlsx), without macros"};
constexpr message_def workbook_no_types{"reader.workbook.no_content_types",
                                        "not a workbook: the zip archive has no [Content_Types].xml (expected an Excel "
                                        ".xlsx file)"};
constexpr message_def workbook_xlsm{"reader.workbook.xlsm",
                                    "refused: the workbook is macro-enabled (.xlsm); save it as a plain Excel workbook "
                                    "(.xlsx), without macros"};
constexpr message_def workbook_word{"reader.workbook.word",
                                    "this is a Word document, not a workbook; {form} workbooks are Excel (.xlsx) files"};
constexpr message_def workbook_no_book{"reader.workbook.no_book",
                                       "not a workbook: the zip archive has no workbook part (expected an Excel .xlsx "
                                       "file)"};
constexpr message_def workbook_too_many_sheets{"reader.workbook.too_many_sheets",
                                               "refused: the workbook has more than {limit} sheets"};

/// The `{sheet}` of a message: its name, quoted.
inline message_arg sheet_arg(std::string_view name) { return {"sheet", boost::json::serialize(boost::json::string(name))}; }
/// A count argument (a limit), grouped as the language groups numbers.
inline message_arg count_arg(std::string_view name, std::uint64_t n) {
    return {name, static_cast<std::int64_t>(n), list_style::and_, number_style::grouped};
}

inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// `s` for comparing words people type: ASCII in lower case, and the accented vowels of
/// the workbook's languages without their accents ("Sí", "SÍ", "si" -> "si").
inline std::string folded(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            static constexpr std::string_view from = "\x81\xA1\x89\xA9\x8D\xAD\x93\xB3\x9A\xBA\x9C\xBC\x91\xB1";
            static constexpr std::string_view to = "aaeeiioouuuu\xF1\xF1";
            if (const auto k = from.find(s[i + 1]); k != std::string_view::npos) {
                if (to[k] == '\xF1')
                    out += "\xC3\xB1"; // Ñ, ñ: ñ
                else
                    out += to[k];
                ++i;
                continue;
            }
        }
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

/// True when `text` (trimmed) is `def`'s word in one of the workbook's languages, in any
/// case and with or without accents: "Value", "valor", "sí", "Si".
inline bool is_word(std::string_view text, const message_def& def) {
    const auto t = folded(trim(text));
    for (const auto* lang : workbook_languages())
        if (t == folded(word_in(def, *lang)))
            return true;
    return false;
}

inline std::string_view local_name(std::string_view qname) noexcept {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

inline pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local_name(c.name()) == name)
            return c;
    return {};
}

/// OOXML escapes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x).
inline std::string decode_ooxml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && hex(s[i + 2]) && hex(s[i + 3]) && hex(s[i + 4]) &&
            hex(s[i + 5]) && s[i + 6] == '_') {
            unsigned cp = 0;
            std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
            if (cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
                if (cp < 0x80) {
                    out += static_cast<char>(cp);
                } else if (cp < 0x800) {
                    out += static_cast<char>(0xC0 | (cp >> 6));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

/// The text of a string item (<si> or <is>): its <t>, or its rich text runs' <t>s;
/// phonetic runs (<rPh>) are not part of the text.
inline std::string string_item_text(pugi::xml_node si) {
    std::string out;
    for (auto c : si.children()) {
        if (c.type() != pugi::node_element)
            continue;
        const auto n = local_name(c.name());
        if (n == "t")
            out += c.text().get();
        else if (n == "r")
            if (auto t = child(c, "t"))
                out += t.text().get();
    }
    return decode_ooxml(out);
}

/// A zip archive read from memory.
class zip_reader {
public:
    explicit zip_reader(std::string_view bytes) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (src)
            z_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
        if (!z_) {
            const int code = zip_error_code_zip(&err);
            if (src)
                zip_source_free(src);
            auto why = code == ZIP_ER_NOZIP
                           ? unreadable{{&zip_corrupt, {}}}
                           : unreadable{{&zip_corrupt_why, {{"reason", std::string(zip_error_strerror(&err))}}}};
            zip_error_fini(&err);
            throw why;
        }
        zip_error_fini(&err);
        const auto n = zip_get_num_entries(z_, 0);
        if (n < 0 || static_cast<std::uint64_t>(n) > workbook_limits::max_entries)
            throw unreadable{{&zip_too_many_files, {count_arg("limit", workbook_limits::max_entries)}}};
        for (zip_int64_t i = 0; i < n; ++i)
            if (const char* name = zip_get_name(z_, static_cast<zip_uint64_t>(i), 0))
                names_.emplace_back(name);
    }
    ~zip_reader() {
        if (z_)
            zip_discard(z_);
    }
    zip_reader(const zip_reader&) = delete;
    zip_reader& operator=(const zip_reader&) = delete;

    const std::vector<std::string>& names() const { return names_; }

    bool has(std::string_view name) const { return locate(name) >= 0; }

    /// A part's bytes; nullopt when there is no such part. Throws `unreadable` for
    /// parts that are encrypted, too large, too compressed (a zip bomb) or corrupt.
    std::optional<std::string> read(std::string_view name) {
        const auto index = locate(name);
        if (index < 0)
            return std::nullopt;
        const auto idx = static_cast<zip_uint64_t>(index);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(z_, idx, 0, &st) != 0)
            throw unreadable{{&zip_entry_corrupt, {}}};
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            throw encrypted();
        const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        if (declared > workbook_limits::max_part_bytes || total_ + declared > workbook_limits::max_total_bytes)
            throw too_large(name);
        if ((st.valid & ZIP_STAT_COMP_SIZE) && declared > (1u << 20) &&
            declared / std::max<std::uint64_t>(st.comp_size, 1) > workbook_limits::max_ratio)
            throw unreadable{{&zip_bomb, {{"part", std::string(name)}, count_arg("ratio", workbook_limits::max_ratio)}}};
        zip_file_t* f = zip_fopen_index(z_, idx, 0);
        if (!f) {
            const int code = zip_error_code_zip(zip_get_error(z_));
            if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
                throw encrypted();
            throw unreadable{{&part_unpack,
                              {{"part", std::string(name)}, {"reason", std::string(zip_error_strerror(zip_get_error(z_)))}}}};
        }
        std::string out;
        const std::uint64_t cap = std::min<std::uint64_t>(declared, workbook_limits::max_part_bytes);
        out.resize(static_cast<std::size_t>(cap) + 1);
        std::uint64_t got = 0;
        bool failed = false;
        while (got <= cap) {
            const auto r = zip_fread(f, out.data() + got, cap + 1 - got);
            if (r < 0) {
                failed = true;
                break;
            }
            if (r == 0)
                break;
            got += static_cast<std::uint64_t>(r);
        }
        zip_fclose(f);
        if (failed || got != declared)
            throw unreadable{{&part_corrupt, {{"part", std::string(name)}}}};
        out.resize(static_cast<std::size_t>(got));
        total_ += got;
        return out;
    }

private:
    static unreadable encrypted() { return {{&workbook_encrypted, {}}}; }
    static unreadable too_large(std::string_view name) {
        return {{&part_too_large,
                 {{"part", std::string(name)},
                  count_arg("part_mib", workbook_limits::max_part_bytes >> 20),
                  count_arg("total_mib", workbook_limits::max_total_bytes >> 20)}}};
    }
    zip_int64_t locate(std::string_view name) const {
        return z_ ? zip_name_locate(z_, std::string(name).c_str(), ZIP_FL_NOCASE) : -1;
    }

    zip_t* z_ = nullptr;
    std::vector<std::string> names_;
    std::uint64_t total_ = 0;
};

/// Parses one XML part of the package, refusing what a workbook never needs.
inline void parse_part(pugi::xml_document& doc, const std::string& bytes, std::string_view name) {
    if (first_invalid_utf8(bytes) != std::string_view::npos)
        throw unreadable{{&part_not_utf8, {{"part", std::string(name)}}}};
    if (bytes.find("<!DOCTYPE") != std::string::npos || bytes.find("<!ENTITY") != std::string::npos)
        throw unreadable{{&part_dtd, {{"part", std::string(name)}}}};
    std::size_t elements = 0;
    for (char c : bytes)
        elements += c == '<';
    if (elements > workbook_limits::max_cells * 4)
        throw unreadable{{&part_elements, {{"part", std::string(name)}, count_arg("limit", workbook_limits::max_cells * 4)}}};
    const auto r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                   pugi::encoding_utf8);
    if (!r)
        throw unreadable{{&part_not_xml, {{"part", std::string(name)}, {"reason", std::string(r.description())}}}};
}

/// One non-empty cell.
struct cell_value {
    enum class type { string, number, boolean, error, iso_date } t = type::string;
    std::string text; ///< the string, or the stored value as written (<v>)
};

using cell_map = std::map<std::pair<std::uint32_t, std::uint32_t>, cell_value>;

constexpr std::uint32_t max_rows = 1'048'576, max_cols = 16'384;

/// "BC12" -> 0-based (row 11, column 54); nullopt when malformed or beyond the grid.
inline std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_name(std::string_view ref) {
    std::uint64_t col = 0, row = 0;
    std::size_t i = 0;
    for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
        col = col * 26 + static_cast<std::uint64_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
        if (col > max_cols)
            return std::nullopt;
    }
    if (i == 0 || i == ref.size())
        return std::nullopt;
    for (; i < ref.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(ref[i])))
            return std::nullopt;
        row = row * 10 + static_cast<std::uint64_t>(ref[i] - '0');
        if (row > max_rows)
            return std::nullopt;
    }
    if (row == 0)
        return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(col - 1)};
}

/// The non-empty cells of a worksheet part.
inline cell_map read_cells(const pugi::xml_document& doc, const std::vector<std::string>& shared,
                           std::string_view sheet_name) {
    cell_map cells;
    const auto ws = doc.document_element();
    const auto data = child(ws, "sheetData");
    std::uint64_t row = 0;
    for (auto r : data.children()) {
        if (r.type() != pugi::node_element || local_name(r.name()) != "row")
            continue;
        if (auto a = r.attribute("r")) {
            row = a.as_ullong();
            if (row == 0 || row > max_rows)
                throw unreadable{{&sheet_row_beyond, {sheet_arg(sheet_name), count_arg("limit", max_rows)}}};
        } else {
            ++row;
        }
        std::uint64_t col = 0;
        for (auto c : r.children()) {
            if (c.type() != pugi::node_element || local_name(c.name()) != "c")
                continue;
            std::uint32_t at_row = static_cast<std::uint32_t>(row - 1);
            if (auto a = c.attribute("r")) {
                auto p = parse_cell_name(a.value());
                if (!p)
                    throw unreadable{{&sheet_cell_beyond,
                                      {sheet_arg(sheet_name), count_arg("rows", max_rows), count_arg("columns", max_cols)}}};
                at_row = p->first;
                col = p->second + 1u;
            } else {
                ++col;
                if (col > max_cols)
                    throw unreadable{{&sheet_too_many_columns, {sheet_arg(sheet_name), count_arg("limit", max_cols)}}};
            }
            const std::string_view type = c.attribute("t").value();
            cell_value v;
            const auto vnode = child(c, "v");
            if (type == "inlineStr") {
                if (auto is = child(c, "is"))
                    v.text = string_item_text(is);
                else
                    continue;
            } else if (type == "s") {
                if (!vnode)
                    continue;
                const auto idx = vnode.text().as_ullong(~0ull);
                if (idx >= shared.size())
                    throw unreadable{{&sheet_shared_missing, {sheet_arg(sheet_name)}}};
                v.text = shared[idx];
            } else if (type == "str") {
                if (!vnode && !child(c, "f"))
                    continue;
                v.text = decode_ooxml(vnode.text().get());
            } else {
                if (!vnode)
                    continue; // a formatted empty cell, or a formula never calculated
                v.text = vnode.text().get();
                v.t = type == "b"   ? cell_value::type::boolean
                      : type == "e" ? cell_value::type::error
                      : type == "d" ? cell_value::type::iso_date
                                    : cell_value::type::number;
            }
            if (v.t == cell_value::type::string && v.text.empty() && !child(c, "f"))
                continue; // an empty string is an empty cell, unless a formula made it
            if (cells.size() >= workbook_limits::max_cells)
                throw unreadable{{&sheet_too_many_cells, {sheet_arg(sheet_name), count_arg("limit", workbook_limits::max_cells)}}};
            cells[{at_row, static_cast<std::uint32_t>(col - 1)}] = std::move(v);
        }
    }
    return cells;
}

// The cell reader's messages, each after the cell it is about ("'Board members'!C7: ...").
constexpr message_def cell_said{"reader.workbook.cell", "{cell}: {message}"};
constexpr message_def cell_expected{"reader.workbook.expected", "expected {expected}{got}"};
constexpr message_def cell_got{"reader.workbook.got", ", got {value}"};
constexpr message_def cell_got_number{"reader.workbook.got_number", ", got the number {number}"};
constexpr message_def cell_long_text{"reader.workbook.long_text", "a long text"};
constexpr message_def cell_yes_no{"reader.workbook.yes_no", "yes or no"};
constexpr message_def cell_whole{"reader.workbook.whole", "a whole number"};
constexpr message_def cell_whole_large{"reader.workbook.whole_large", "a whole number, not one this large"};
constexpr message_def cell_dollars{"reader.workbook.dollars", "an amount in dollars (a number)"};
constexpr message_def cell_real_date{"reader.workbook.real_date", "a real date"};
constexpr message_def cell_date{"reader.workbook.date", "a date: a date cell, or text as YYYY-MM-DD (e.g. 2026-06-30)"};
constexpr message_def cell_one_of{"reader.workbook.one_of", "one of {choices}"};
constexpr message_def cell_formula_error{"reader.workbook.formula_error",
                                         "the cell shows the error {value} (a formula that failed); type the value "
                                         "instead"};
// {field} and {value}: the header words in the workbook's language ("Field", "Campo").
constexpr message_def no_header{"reader.workbook.no_header",
                                "expected a header row with the columns {field} and {value} (as rco-audit writes the "
                                "sheet); the sheet is not read"};
constexpr message_def unknown_field_cell{"reader.workbook.unknown_field", "unknown field {value} is ignored{hint}"};
constexpr message_def field_spelling{"reader.workbook.field_spelling",
                                     " (the {field} column names the fields; check its spelling)"};
constexpr message_def field_twice{"reader.workbook.field_twice", "the field {value} is given twice; give each field once"};
constexpr message_def value_without_field{"reader.workbook.value_without_field",
                                          "a value without a field name in the {field} column is ignored"};
constexpr message_def unknown_column_cell{"reader.workbook.unknown_column", "unknown column {value} is ignored{hint}"};
constexpr message_def column_spelling{"reader.workbook.column_spelling",
                                      " (check the header's spelling against a new workbook from rco-audit init)"};
constexpr message_def column_twice{"reader.workbook.column_twice",
                                   "the column {value} is given twice; give each column once"};
constexpr message_def none_and_rows{"reader.workbook.none_and_rows",
                                    "\"(none)\" says the list is empty, but the sheet also has rows; remove one or "
                                    "the other"};
constexpr message_def label_hint{"reader.workbook.did_you_mean", "; did you mean {label}?"};

/// Converts cells to the record's JSON form by the layout, collecting cell-located diagnostics.
class cell_reader {
public:
    cell_reader(std::string_view file, bool date1904) : file_(file), date1904_(date1904) {}

    std::vector<diagnostic> diags;
    json::object root;
    std::map<std::string, std::string> where; ///< JSON Pointer -> sheet and cell
    std::map<const sheet*, std::string> names; ///< the sheets read, as the workbook names them
    const message_language* lang = &english(); ///< the language of the workbook's sheet names

    /// The name of `s` in the workbook: as it names it, or in its language when it lacks it.
    std::string name_of(const sheet& s) const {
        const auto it = names.find(&s);
        return it != names.end() ? it->second : name_in(s, *lang);
    }

    void form(const sheet& s, const std::string& name, const cell_map& cells) {
        std::optional<std::uint32_t> field_col, value_col;
        for (auto it = cells.lower_bound({0, 0}); it != cells.end() && it->first.first == 0; ++it) {
            if (is_word(it->second.text, header_field))
                field_col = it->first.second;
            else if (is_word(it->second.text, header_value))
                value_col = it->first.second;
        }
        const auto base = pointer_of(s.path);
        if (!field_col || !value_col) {
            add(severity::error, cell_ref(name, 0, 0), base,
                {&no_header, {{"field", word_in(header_field, *lang)}, {"value", word_in(header_value, *lang)}}});
            return;
        }
        where.emplace(base.empty() ? "/" : base, cell_ref(name, 1, *value_col));
        // The Field column's header as the workbook words it, for messages about that column.
        const message_arg field_header{"field", std::string(trim(cells.at({0, *field_col}).text))};
        json::object obj;
        std::vector<const column*> seen;
        for (const auto& [pos, v] : cells) {
            if (pos.first == 0 || pos.second != *field_col)
                continue;
            const auto row = pos.first;
            const auto label = trim(v.text);
            auto value = cells.find({row, *value_col});
            const column* c = nullptr;
            for (const auto& col : s.columns)
                if (iequals(col.label, label))
                    c = &col;
            if (!c) {
                if (!label.empty())
                    add(severity::warning, cell_ref(name, row, *field_col), base,
                        {&unknown_field_cell,
                         {quoted("value", label), closest_label(s, label, {&field_spelling, {field_header}})}},
                        true);
                continue;
            }
            const auto ref = cell_ref(name, row, *value_col);
            const auto ptr = base + pointer_of(c->path);
            if (std::find(seen.begin(), seen.end(), c) != seen.end()) {
                add(severity::error, cell_ref(name, row, *field_col), ptr, {&field_twice, {quoted("value", c->label)}});
                continue;
            }
            seen.push_back(c);
            where.emplace(ptr, ref);
            if (value == cells.end())
                continue;
            if (auto j = convert(value->second, *c, ptr, ref, private_sheet(s.path)))
                put(obj, c->path, std::move(*j));
        }
        for (const auto& [pos, v] : cells)
            if (pos.first > 0 && pos.second == *value_col && !cells.count({pos.first, *field_col}))
                add(severity::warning, cell_ref(name, pos.first, *value_col), base, {&value_without_field, {field_header}});
        if (!obj.empty())
            merge(s.path, json::value(std::move(obj)));
    }

    void table(const sheet& s, const std::string& name, const cell_map& cells) {
        const auto base = pointer_of(s.path);
        std::map<std::uint32_t, const column*> by_col;
        for (auto it = cells.lower_bound({0, 0}); it != cells.end() && it->first.first == 0; ++it) {
            const auto h = trim(it->second.text);
            const column* c = nullptr;
            for (const auto& col : s.columns)
                if (iequals(col.label, h))
                    c = &col;
            const auto ref = cell_ref(name, 0, it->first.second);
            if (c && c->context)
                continue; // written for the reader's information only
            if (!c) {
                add(severity::warning, ref, base,
                    {&unknown_column_cell, {quoted("value", h), closest_label(s, h, {&column_spelling, {}})}}, true);
                continue;
            }
            bool twice = false;
            for (const auto& [k, other] : by_col)
                twice = twice || other == c;
            if (twice) {
                add(severity::error, ref, base, {&column_twice, {quoted("value", c->label)}});
                continue;
            }
            by_col[it->first.second] = c;
        }
        where.emplace(base, cell_ref(name, 0, 0));
        json::array items;
        std::optional<std::uint32_t> none_row;
        for (auto it = cells.lower_bound({1, 0}); it != cells.end();) {
            const auto row = it->first.first;
            auto end = cells.lower_bound({row + 1, 0});
            // "(none)" alone in a row (not as a list cell's value): the list is empty.
            const auto& first = it->second;
            if (std::next(it) == end && first.t == cell_value::type::string && trim(first.text) == none_marker) {
                auto c = by_col.find(it->first.second);
                if (c == by_col.end() || !c->second->list) {
                    none_row = row;
                    it = end;
                    continue;
                }
            }
            const auto index = items.size();
            const auto row_ptr = base + "/" + std::to_string(index);
            json::object item;
            bool bad = false;
            for (; it != end; ++it) {
                auto c = by_col.find(it->first.second);
                if (c == by_col.end())
                    continue; // under an unknown header (warned) or none
                where.emplace(row_ptr, cell_ref(name, row, 0));
                const auto ptr = row_ptr + pointer_of(c->second->path);
                const auto ref = cell_ref(name, row, it->first.second);
                where.emplace(ptr, ref);
                if (auto j = convert(it->second, *c->second, ptr, ref, private_sheet(s.path)))
                    put(item, c->second->path, std::move(*j));
                else
                    bad = true;
            }
            // A row with a bad cell still takes its index, so later rows keep their pointers.
            if (!item.empty() || bad)
                items.push_back(std::move(item));
        }
        if (none_row && !items.empty()) {
            add(severity::error, cell_ref(name, *none_row, 0), base, {&none_and_rows, {}});
            return;
        }
        const bool none = none_row.has_value();
        if (none || !items.empty())
            merge(s.path, json::value(std::move(items)));
    }

private:
    void add(severity sev, const std::string& ref, const std::string& pointer, message m, bool unknown = false) {
        auto d = make_diagnostic(sev, std::string(file_), pointer.empty() ? "/" : pointer,
                                 {&cell_said, {{"cell", ref}, {"message", std::vector<message>{std::move(m)}}}});
        d.unknown = unknown;
        diags.push_back(std::move(d));
    }
    /// The `{hint}` of a message: "; did you mean X?" with the label of `s` closest to
    /// `label`, or `otherwise`.
    static message_arg closest_label(const sheet& s, std::string_view label, message otherwise) {
        std::vector<std::string> labels;
        for (const auto& col : s.columns)
            labels.emplace_back(col.label);
        const auto best = closest_word(label, labels);
        return {"hint", std::vector<message>{best ? message{&label_hint, {quoted("label", *best)}}
                                                  : std::move(otherwise)}};
    }

    /// The argument `name`: `s` quoted, or "a long text".
    static message_arg quoted(std::string_view name, std::string_view s) {
        auto q = json::serialize(json::string(s));
        if (q.size() > 60)
            return {name, std::vector<message>{message{&cell_long_text, {}}}};
        return {name, std::move(q)};
    }

    /// What the cell holds, for a message (`{got}`); nothing of a private sheet.
    static message_arg got(const cell_value& v, bool priv) {
        std::vector<message> out;
        if (!priv) {
            if (v.t == cell_value::type::number)
                out.push_back({&cell_got_number, {{"number", v.text}}});
            else if (v.t == cell_value::type::boolean)
                out.push_back({&cell_got, {{"value", std::string(v.text == "1" ? "TRUE" : "FALSE")}}});
            else
                out.push_back({&cell_got, {quoted("value", v.text)}});
        }
        return {"got", std::move(out)};
    }

    void put(json::object& obj, const std::vector<std::string>& path, json::value v) {
        json::object* o = &obj;
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            auto& next = (*o)[path[i]];
            if (!next.is_object())
                next = json::object{};
            o = &next.as_object();
        }
        (*o)[path.back()] = std::move(v);
    }

    void merge(const std::vector<std::string>& path, json::value v) {
        if (path.empty()) {
            for (auto& kv : v.as_object())
                root[kv.key()] = std::move(kv.value());
            return;
        }
        json::object* o = &root;
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            auto& next = (*o)[path[i]];
            if (!next.is_object())
                next = json::object{};
            o = &next.as_object();
        }
        auto& slot = (*o)[path.back()];
        if (slot.is_object() && v.is_object())
            for (auto& kv : v.as_object())
                slot.as_object()[kv.key()] = std::move(kv.value());
        else
            slot = std::move(v);
    }

    std::optional<date> from_serial(double serial) const {
        if (!std::isfinite(serial) || serial < 1 || serial >= 2958466)
            return std::nullopt;
        const auto days = static_cast<int>(std::floor(serial));
        if (date1904_)
            return add_days(date{std::chrono::year{1904}, std::chrono::January, std::chrono::day{1}}, days);
        if (days == 60) // 1900-02-29, which never was (a bug spreadsheets keep for compatibility)
            return std::nullopt;
        return add_days(date{std::chrono::year{1899}, std::chrono::December, std::chrono::day{days < 60 ? 31u : 30u}},
                        days);
    }

    static std::optional<double> number(std::string_view s) {
        s = trim(s);
        if (s.empty())
            return std::nullopt;
        double d = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (ec != std::errc{} || p != s.data() + s.size())
            return std::nullopt;
        return d;
    }

    /// The text a number cell shows in a text field: its digits, as typed.
    static std::string number_text(std::string_view raw) {
        if (auto d = number(raw); d && std::floor(*d) == *d && std::fabs(*d) < 1e15)
            return std::to_string(static_cast<std::int64_t>(*d));
        return std::string(trim(raw));
    }

    std::optional<json::value> scalar(const cell_value& v, std::string_view text, bool from_list, const column& c,
                                      const std::string& ptr, const std::string& ref, bool priv) {
        auto fail = [&](message expected) -> std::optional<json::value> {
            message_arg g = from_list && !priv ? message_arg{"got", std::vector<message>{message{&cell_got, {quoted("value", text)}}}}
                                               : got(v, priv);
            add(severity::error, ref, ptr,
                {&cell_expected, {{"expected", std::vector<message>{std::move(expected)}}, std::move(g)}});
            return std::nullopt;
        };
        const bool is_number = !from_list && v.t == cell_value::type::number;
        const bool is_bool = !from_list && v.t == cell_value::type::boolean;
        switch (c.kind) {
        case cell_kind::text:
            if (is_number)
                return json::value(number_text(text));
            if (is_bool)
                return json::value(text == "1" ? "true" : "false");
            return json::value(std::string(text));
        case cell_kind::yes_no: {
            if (is_bool)
                return json::value(text == "1");
            const auto t = trim(text);
            if (!is_number && (is_word(t, yes_word) || iequals(t, "true")))
                return json::value(true);
            if (!is_number && (is_word(t, no_word) || iequals(t, "false")))
                return json::value(false);
            return fail({&cell_yes_no, {}});
        }
        case cell_kind::whole: {
            const auto t = trim(text);
            if (auto d = number(t)) {
                if (std::floor(*d) != *d)
                    return fail({&cell_whole, {}});
                if (std::fabs(*d) < 9.0e15)
                    return json::value(static_cast<std::int64_t>(*d));
                if (!is_number) { // digits typed as text: exact beyond a double's precision
                    std::int64_t n = 0;
                    const auto digits = t.substr(t.front() == '+' ? 1 : 0);
                    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
                    if (ec == std::errc{} && p == digits.data() + digits.size())
                        return json::value(n);
                }
                return fail({&cell_whole_large, {}});
            }
            return fail({&cell_whole, {}});
        }
        case cell_kind::money: {
            auto t = std::string(trim(text));
            if (!is_number && !t.empty() && t.front() == '$')
                t.erase(0, 1);
            if (!is_number)
                t.erase(std::remove(t.begin(), t.end(), ','), t.end());
            if (auto d = number(t))
                return std::floor(*d) == *d && std::fabs(*d) < 9.0e15 ? json::value(static_cast<std::int64_t>(*d))
                                                                      : json::value(*d);
            return fail({&cell_dollars, {}});
        }
        case cell_kind::date: {
            if (is_number) {
                if (auto d = from_serial(number(text).value_or(0)))
                    return json::value(format_date(*d));
                return fail({&cell_real_date, {}});
            }
            auto t = trim(text);
            if (!from_list && v.t == cell_value::type::iso_date)
                t = t.substr(0, 10);
            if (auto d = parse_date(t))
                return json::value(format_date(*d));
            return fail({&cell_date, {}});
        }
        case cell_kind::choice: {
            const auto t = trim(text);
            if (!is_number && !is_bool)
                for (auto w : c.words)
                    if (w == t)
                        return json::value(std::string(w));
            message_arg words{"choices", std::vector<std::string>(c.words.begin(), c.words.end())};
            words.style = list_style::or_;
            return fail({&cell_one_of, {std::move(words)}});
        }
        }
        return std::nullopt;
    }

    std::optional<json::value> convert(const cell_value& v, const column& c, const std::string& ptr,
                                       const std::string& ref, bool priv) {
        if (v.t == cell_value::type::error) {
            add(severity::error, ref, ptr, {&cell_formula_error, {quoted("value", v.text)}});
            return std::nullopt;
        }
        if (!c.list)
            return scalar(v, v.text, false, c, ptr, ref, priv);
        // A date cell in a list-of-dates column is a list of one date.
        if (v.t == cell_value::type::number && c.kind == cell_kind::date) {
            auto one = scalar(v, v.text, false, c, ptr + "/0", ref, priv);
            if (!one)
                return std::nullopt;
            return json::value(json::array{std::move(*one)});
        }
        const std::string text = v.t == cell_value::type::number ? number_text(v.text) : v.text;
        json::array out;
        if (trim(text) == none_marker)
            return json::value(std::move(out));
        // Items separated by ';' (";;" is a ';' inside an item), each trimmed.
        std::vector<std::string> items(1);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == ';' && i + 1 < text.size() && text[i + 1] == ';') {
                items.back() += ';';
                ++i;
            } else if (text[i] == ';') {
                items.emplace_back();
            } else {
                items.back() += text[i];
            }
        }
        bool ok = true;
        std::size_t n = 0;
        for (const auto& raw : items) {
            const auto item = trim(raw);
            if (item.empty())
                continue; // "a; b;" and "a;; " tolerate a stray separator
            if (auto j = scalar(v, item, true, c, ptr + "/" + std::to_string(n), ref, priv))
                out.push_back(std::move(*j));
            else
                ok = false;
            ++n;
        }
        if (!ok)
            return std::nullopt;
        return json::value(std::move(out));
    }

    std::string_view file_;
    bool date1904_;
};

/// Resolves a relationship target against the folder of the part that names it.
inline std::string resolve_target(std::string_view base_dir, std::string_view target) {
    std::string path = target.substr(0, 1) == "/" ? std::string(target.substr(1)) : std::string(base_dir) + std::string(target);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        const auto seg = path.substr(start, slash - start);
        if (seg == "..") {
            if (!parts.empty())
                parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "/") + p;
    return out;
}

/// Relationship id -> {type, target part}.
inline std::map<std::string, std::pair<std::string, std::string>> read_rels(zip_reader& z, std::string_view rels_part,
                                                                            std::string_view base_dir) {
    std::map<std::string, std::pair<std::string, std::string>> out;
    auto bytes = z.read(rels_part);
    if (!bytes)
        return out;
    pugi::xml_document doc;
    parse_part(doc, *bytes, rels_part);
    for (auto r : doc.document_element().children()) {
        if (r.type() != pugi::node_element || local_name(r.name()) != "Relationship")
            continue;
        if (std::string_view(r.attribute("TargetMode").value()) == "External")
            continue;
        out[r.attribute("Id").value()] = {r.attribute("Type").value(),
                                           resolve_target(base_dir, r.attribute("Target").value())};
    }
    return out;
}

inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

constexpr std::string_view ole_magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

/// What the zip must be before it is opened at all.
inline std::string_view admitted(std::string_view bytes) {
    if (bytes.substr(0, 8) == ole_magic)
        throw unreadable{{&workbook_ole, {}}};
    if (bytes.size() > workbook_limits::max_file_bytes)
        throw unreadable{{&workbook_too_large, {count_arg("mib", workbook_limits::max_file_bytes >> 20)}}};
    return bytes;
}

/// A worksheet named in the workbook part, and the part that holds its cells.
struct found_sheet {
    std::string name, part;
};

/// An .xlsx package opened and checked (not OpenDocument, no macros, a workbook part,
/// bounded): its date system, shared strings and sheets in workbook order. Throws
/// `unreadable`. `form` ("rco-record/1") names what the workbook should hold, in messages.
class workbook_package {
public:
    workbook_package(std::string_view bytes, std::string_view form) : z(admitted(bytes)) {
        if (auto mime = z.read("mimetype"); mime && mime->find("opendocument") != std::string::npos)
            throw unreadable{{&workbook_ods, {}}};
        for (const auto& n : z.names())
            if (ends_with(n, "vbaProject.bin"))
                throw unreadable{{&workbook_macros, {}}};
        auto types = z.read("[Content_Types].xml");
        if (!types)
            throw unreadable{{&workbook_no_types, {}}};
        {
            pugi::xml_document doc;
            parse_part(doc, *types, "[Content_Types].xml");
            for (auto t : doc.document_element().children()) {
                const std::string_view ct = t.attribute("ContentType").value();
                if (ct.find("macroEnabled") != std::string_view::npos || ct.find("vbaProject") != std::string_view::npos)
                    throw unreadable{{&workbook_xlsm, {}}};
            }
        }
        // The workbook part, from the package relationships.
        std::string book = "xl/workbook.xml";
        for (const auto& [id, rel] : read_rels(z, "_rels/.rels", ""))
            if (ends_with(rel.first, "/officeDocument"))
                book = rel.second;
        auto book_bytes = z.read(book);
        if (!book_bytes)
            throw z.has("word/document.xml") ? unreadable{{&workbook_word, {{"form", std::string(form)}}}}
                                             : unreadable{{&workbook_no_book, {}}};
        const auto slash = book.rfind('/');
        const std::string book_dir = slash == std::string::npos ? "" : book.substr(0, slash + 1);
        const std::string book_rels =
            book_dir + "_rels/" + (slash == std::string::npos ? book : book.substr(slash + 1)) + ".rels";
        const auto rels = read_rels(z, book_rels, book_dir);

        pugi::xml_document bdoc;
        parse_part(bdoc, *book_bytes, book);
        const auto broot = bdoc.document_element();
        if (auto pr = child(broot, "workbookPr")) {
            const std::string_view v = pr.attribute("date1904").value();
            date1904 = v == "1" || v == "true";
        }

        std::string sst_part;
        for (const auto& [id, rel] : rels)
            if (ends_with(rel.first, "/sharedStrings"))
                sst_part = rel.second;
        if (sst_part.empty() && z.has(book_dir + "sharedStrings.xml"))
            sst_part = book_dir + "sharedStrings.xml";
        if (!sst_part.empty())
            if (auto sst = z.read(sst_part)) {
                pugi::xml_document sdoc;
                parse_part(sdoc, *sst, sst_part);
                for (auto si : sdoc.document_element().children())
                    if (si.type() == pugi::node_element && local_name(si.name()) == "si")
                        shared.push_back(string_item_text(si));
            }

        for (auto sh : child(broot, "sheets").children()) {
            if (sh.type() != pugi::node_element || local_name(sh.name()) != "sheet")
                continue;
            std::string rid;
            for (auto a : sh.attributes())
                if (local_name(a.name()) == "id" && std::string_view(a.name()) != "id")
                    rid = a.value();
            auto it = rels.find(rid);
            sheets.push_back({sh.attribute("name").value(), it == rels.end() ? "" : it->second.second});
            if (sheets.size() > workbook_limits::max_sheets)
                throw unreadable{{&workbook_too_many_sheets, {count_arg("limit", workbook_limits::max_sheets)}}};
        }
    }

    zip_reader z;
    bool date1904 = false;
    std::vector<std::string> shared;
    std::vector<found_sheet> sheets;
};

constexpr message_def sheet_not_part{"reader.workbook.sheet_not_part",
                                     "sheet {sheet} is not part of an {form} workbook and is ignored"};
constexpr message_def sheet_repeated{"reader.workbook.sheet_repeated",
                                     "sheet {sheet} repeats the sheet {name}; give each sheet once"};
constexpr message_def sheet_without_cells{"reader.workbook.sheet_without_cells",
                                          "sheet {sheet} has no cells to read (is it a worksheet?)"};

/// Reads the package's sheets that `layout` knows (by name in any of the workbook's
/// languages, in any case) into `cr`; "Start here" is skipped, other sheets are warned
/// about in `notes`. False when no sheet is one of the layout's. `cr.names` gets the
/// name each sheet has in the workbook, `cr.lang` the language of its names.
inline bool read_sheets(workbook_package& pk, const std::vector<sheet>& layout, cell_reader& cr,
                        std::vector<diagnostic>& notes, std::string_view file_name, std::string_view form) {
    bool any = false;
    std::vector<const sheet*> done;
    const auto& languages = workbook_languages();
    for (const auto& fs : pk.sheets) {
        const sheet* layout_sheet = nullptr;
        const message_language* named_in = nullptr;
        const auto name = folded(trim(fs.name));
        for (const auto* lang : languages)
            for (const auto& s : layout)
                if (!layout_sheet && name == folded(name_in(s, *lang))) {
                    layout_sheet = &s;
                    named_in = lang;
                }
        if (!layout_sheet) {
            if (!is_word(fs.name, sheet_start))
                notes.push_back(make_diagnostic(severity::warning, std::string(file_name), "",
                                                {&sheet_not_part, {{"sheet", json::serialize(json::string(fs.name))},
                                                                   {"form", std::string(form)}}}));
            continue;
        }
        any = true;
        if (named_in != &english() && name != folded(layout_sheet->name))
            cr.lang = named_in;
        if (std::find(done.begin(), done.end(), layout_sheet) != done.end()) {
            notes.push_back(make_diagnostic(severity::error, std::string(file_name), pointer_of(layout_sheet->path),
                                            {&sheet_repeated, {{"sheet", json::serialize(json::string(fs.name))},
                                                               {"name", cr.names[layout_sheet]}}}));
            continue;
        }
        done.push_back(layout_sheet);
        cr.names[layout_sheet] = fs.name;
        auto part = fs.part.empty() ? std::nullopt : pk.z.read(fs.part);
        if (!part) {
            if (!pk.z.has(fs.part)) // a chartsheet or a missing part: nothing to read
                notes.push_back(make_diagnostic(severity::warning, std::string(file_name), "",
                                                {&sheet_without_cells, {{"sheet", json::serialize(json::string(fs.name))}}}));
            continue;
        }
        pugi::xml_document sdoc;
        parse_part(sdoc, *part, fs.part);
        const auto cells = read_cells(sdoc, pk.shared, fs.name);
        if (layout_sheet->table)
            cr.table(*layout_sheet, fs.name, cells);
        else
            cr.form(*layout_sheet, fs.name, cells);
    }
    return any;
}

/// The cell a JSON Pointer (or the nearest enclosing one) was read from, by the
/// cell_reader's `where`; `fallback` when none was.
inline std::string cell_for(const std::map<std::string, std::string>& where, std::string_view pointer,
                            std::string_view fallback) {
    for (std::string p = pointer == "/" ? "" : std::string(pointer);; p.erase(p.rfind('/'))) {
        if (auto it = where.find(p.empty() ? "/" : p); it != where.end())
            return it->second;
        if (p.empty() || p.find('/') == std::string::npos)
            return std::string(fallback);
    }
}

constexpr message_def no_record_sheets{"reader.workbook.no_record_sheets",
                                      "not an rco-record/1 workbook: none of its sheets is one of the record's "
                                      "({sheets}, ...); start from the workbook `rco-audit init my-rco.xlsx` writes"};

/// A diagnostic of the JSON reader placed at its cell instead of a line: "'Judgments'!E5: ...".
constexpr message_def missing_format{"reader.workbook.format_missing",
                                     "missing the format rco-record/1 (the format row of the {sheet} sheet); the workbook "
                                     "does not declare itself an RCO record"};
constexpr message_def wrong_format{"reader.workbook.format_wrong",
                                   "expected the format rco-record/1, got {value} (this tool reads format version 1)"};

inline void place_at_cell(diagnostic& d, const std::map<std::string, std::string>& where, std::string_view fallback) {
    d.line = d.column = 0;
    auto cell = cell_for(where, d.pointer, fallback);
    if (d.text.empty())
        d.message = cell + ": " + d.message;
    else
        d.say(message{&cell_said, {{"cell", std::move(cell)}, {"message", std::vector<message>{std::move(d.text)}}}});
}

} // namespace rco::io::detail::wb

namespace rco::io {

bool looks_like_workbook(std::string_view bytes) noexcept {
    return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
           bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4) ||
           bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

read_result read_record_xlsx(std::string_view bytes, std::string_view file_name) {
    namespace wb = detail::wb;
    read_result out;
    auto fatal = [&](message m) {
        out.diagnostics.push_back(make_diagnostic(severity::error, std::string(file_name), "", std::move(m)));
        out.record.reset();
        return out;
    };
    try {
        wb::workbook_package pk(bytes, record_format_id);
        wb::cell_reader cr(file_name, pk.date1904);
        std::vector<diagnostic> notes;
        const bool any = wb::read_sheets(pk, wb::layout(), cr, notes, file_name, record_format_id);
        if (!any)
            return fatal({&wb::no_record_sheets,
                          {{"sheets", std::vector<message>{{&wb::sheet_record, {}}, {&wb::sheet_organization, {}},
                                                           {&wb::sheet_board_members, {}}},
                            list_style::commas}}});

        // The typed walk and the consistency checks of the JSON reader, placed at cells.
        json::value root(std::move(cr.root));
        detail::record_reader rr("", file_name);
        auto& fmt = root.as_object();
        const auto* format = fmt.if_contains("format");
        const auto record_sheet = cr.name_of(wb::layout().front());
        cr.where.emplace("/format", wb::cell_ref(record_sheet, 1, 1));
        if (!format || !format->is_string())
            rr.error("/format", message{&wb::missing_format, {{"sheet", record_sheet}}});
        else if (format->get_string() != record_format_id)
            rr.error("/format", message{&wb::wrong_format, {{"value", json::serialize(*format)}}});
        rr.read(root, out.record);
        if (out.record)
            detail::check_consistency(*out.record, rr);
        out.diagnostics = std::move(cr.diags);
        for (auto& d : rr.diags) {
            wb::place_at_cell(d, cr.where, wb::cell_ref(record_sheet, 0, 0));
            out.diagnostics.push_back(std::move(d));
        }
        out.diagnostics.insert(out.diagnostics.end(), notes.begin(), notes.end());
        return out;
    } catch (const wb::unreadable& e) {
        return fatal(e.text);
    }
}

} // namespace rco::io
