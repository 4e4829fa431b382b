#pragma once

#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/ranges.hpp"
#include "rco/io/limits.hpp"
#include "rco/io/record_checks.hpp"
#include "rco/vocabularies.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace rco::io {

namespace json = boost::json;

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) noexcept {
    std::uint32_t line = 1, col = 1;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((c & 0xC0) != 0x80) { // count code points, not continuation bytes
            ++col;
        }
    }
    return {line, col};
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> line_columns(std::string_view text,
                                                                  const std::vector<std::size_t>& offsets) {
    std::vector<std::size_t> order(offsets.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out(offsets.size(), {0, 0});
    std::uint32_t line = 1, col = 1;
    std::size_t i = 0;
    for (const std::size_t k : order) {
        if (offsets[k] == std::string_view::npos)
            break; // npos sorts last
        const std::size_t to = std::min(offsets[k], text.size());
        for (; i < to; ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c == '\n') {
                ++line;
                col = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++col;
            }
        }
        out[k] = {line, col};
    }
    return out;
}

namespace detail {

std::string escape_pointer_token(std::string_view key) {
    if (key.find_first_of("~/") == std::string_view::npos)
        return std::string(key);
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// The readers' messages (the XML and workbook readers share those that say the same).
constexpr message_def value_number{"reader.value.number", "the number {number}"};
constexpr message_def value_long_text{"reader.value.long_text", "a string"};
constexpr message_def value_list{"reader.value.list", "a list"};
constexpr message_def value_object{"reader.value.object", "an object"};
constexpr message_def value_as_is{"reader.value", "{value}"};
constexpr message_def expected_text{"reader.expected.text", "expected text (a JSON string), got {value}"};
constexpr message_def expected_bool{"reader.expected.bool", "expected true or false, got {value}"};
constexpr message_def expected_whole_not_negative{"reader.expected.whole_not_negative",
                                                  "expected a whole number 0 or more, got {value}"};
constexpr message_def expected_whole_too_large{"reader.expected.whole_too_large",
                                               "expected a whole number, got {value}, which is too large"};
constexpr message_def expected_whole{"reader.expected.whole", "expected a whole number, got {value}"};
constexpr message_def expected_dollars_number{"reader.expected.dollars_number",
                                              "expected an amount in dollars (a number), got {value}"};
constexpr message_def expected_dollars_not_negative{"reader.expected.dollars_not_negative",
                                                    "expected an amount in dollars 0 or more, got {value}"};
constexpr message_def expected_dollars_too_large{"reader.expected.dollars_too_large",
                                                 "expected an amount in dollars, got {value}, which is too large"};
constexpr message_def expected_date{"reader.expected.date",
                                    "expected a date as YYYY-MM-DD (e.g. 2026-06-30), got {value}"};
constexpr message_def expected_one_of{"reader.expected.one_of", "expected one of {choices}, got {value}{hint}"};
constexpr message_def expected_list{"reader.expected.list", "expected a list (a JSON array), got {value}"};
constexpr message_def expected_object{"reader.expected.object", "expected an object with named fields, got {value}"};
constexpr message_def unknown_section_hint{"reader.unknown.section", "unknown section \"{key}\" is ignored, with everything in it{hint}"};
constexpr message_def unknown_field_hint{"reader.unknown.field", "unknown field \"{key}\" is ignored{hint}"};
constexpr message_def check_spelling{"reader.unknown.check_spelling", " (check its spelling against rco-record/1)"};
constexpr message_def expected_record_object{"reader.expected.record_object",
                                             "expected a JSON object with \"format\": \"rco-record/1\", got {value}"};
constexpr message_def missing_format{"reader.format.missing",
                                     "missing \"format\": \"rco-record/1\"; the file does not declare itself an RCO record"};
constexpr message_def wrong_format{"reader.format.wrong",
                                   "expected \"rco-record/1\", got {value} (this tool reads format version 1)"};
constexpr message_def both_members_and_counts{"reader.board.members_and_counts",
                                              "both board.members and board.counts are given; the individual seats in "
                                              "board.members are used and board.counts is ignored"};
constexpr message_def document_without_id{"reader.document.no_id",
                                          "document has no \"id\"; other fields cannot refer to it"};
constexpr message_def document_text_and_path{"reader.document.text_and_path",
                                             "document gives both \"text\" and \"path\"; the inline text is used"};
constexpr message_def document_bad_sha256{"reader.document.bad_sha256",
                                          "expected 64 hexadecimal digits (a SHA-256 digest)"};
constexpr message_def unknown_evidence_id{"reader.evidence.unknown_id",
                                          "evidence id \"{id}\" does not name any document in \"documents\""};

/// The argument `name` describing JSON value `v` found at `pointer` as a message quotes it:
/// "null", "true", a short string as written, "the number 5", "a list"; a string or number
/// in a person's field is not shown (quoted_value_arg) unless `show_names`.
message_arg describe_json_arg(std::string_view name, const json::value& v, std::string_view pointer = {},
                              bool show_names = true) {
    auto said = [&](const message_def& def, std::vector<message_arg> args = {}) {
        return message_arg{name, std::vector<message>{message{&def, std::move(args)}}};
    };
    switch (v.kind()) {
    case json::kind::null: return {name, std::string("null")};
    case json::kind::bool_: return {name, std::string(v.get_bool() ? "true" : "false")};
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: {
        if (!show_names && is_person_pointer(pointer))
            return quoted_value_arg(name, pointer, {}, false);
        return said(value_number, {{"number", json::serialize(v)}});
    }
    case json::kind::string: {
        auto s = json::serialize(v);
        if (s.size() > 60)
            return said(value_long_text);
        return quoted_value_arg(name, pointer, std::move(s), show_names);
    }
    case json::kind::array: return said(value_list);
    case json::kind::object: return said(value_object);
    }
    return {name, std::string("?")};
}

std::string describe_json(const json::value& v) { return render({&value_as_is, {describe_json_arg("value", v)}}); }

/// Where a value is in the document being read: a chain of members and elements up to
/// the root, on the stack of the walk, so that a JSON Pointer is written out only when a
/// diagnostic names one.
struct json_path {
    const json_path* parent = nullptr; ///< none at the root
    std::string_view key;              ///< the member's name, unescaped (when not an element)
    std::size_t index = std::string_view::npos; ///< the element's index (when one)

    /// The RFC 6901 pointer ("" at the root).
    std::string pointer() const {
        if (!parent)
            return {};
        auto out = parent->pointer();
        out += '/';
        out += index != std::string_view::npos ? std::to_string(index) : escape_pointer_token(key);
        return out;
    }
};

/// Walks a parsed document into the typed model, collecting diagnostics.
class record_reader {
public:
    record_reader(std::string_view text, std::string_view file, const read_options& options = {})
        : text_(text), file_(file), show_names_(options.show_names), options_(options) {}

    std::vector<diagnostic> diags;

    /// Places every diagnostic at its line and column (all at once: one pass over the
    /// text) and adds the note on those left out; call once, at the end.
    void finish() {
        const auto where = locate_json_pointers(text_, pointers_);
        for (std::size_t i = 0; i < where.size(); ++i) {
            diags[i].line = where[i].first;
            diags[i].column = where[i].second;
        }
        budget_.finish(diags, file_);
    }

    void error(const std::string& pointer, message m) { add(severity::error, pointer, std::move(m)); }
    void warning(const std::string& pointer, message m, bool unknown = false) {
        add(severity::warning, pointer, std::move(m), unknown);
    }
    void error(const json_path& at, message m) { error(at.pointer(), std::move(m)); }
    void warning(const json_path& at, message m, bool unknown = false) { warning(at.pointer(), std::move(m), unknown); }
    /// An error at `at` of `def`, whose {value} is the value `v` found there.
    void error(const json_path& at, const message_def& def, const json::value& v) {
        error(at, message{&def, {describe(v, at)}});
    }
    const read_options& options() const noexcept { return options_; }

    /// Reads `v` into `out` (left empty when `v` does not read); `at` is where `v` is,
    /// the root by default.
    template <class T>
    void read(const json::value& v, std::optional<T>& out, const json_path& at = {}) {
        T value{};
        if (read_into(v, value, at))
            out = std::move(value);
    }

private:
    /// The value `v` found at `ptr` as a message quotes it; not shown for a person's field.
    message_arg describe(const json::value& v, const json_path& ptr) const {
        return describe_json_arg("value", v, ptr.pointer(), show_names_);
    }

    void add(severity sev, const std::string& pointer, message m, bool unknown = false) {
        if (!budget_.admit(sev))
            return;
        diagnostic d;
        d.severity = sev;
        d.file = std::string(file_);
        d.pointer = pointer.empty() ? "/" : pointer;
        d.say(std::move(m));
        d.unknown = unknown;
        // Located by finish(); a missing field is placed at its nearest enclosing value.
        pointers_.push_back(pointer);
        diags.push_back(std::move(d));
    }

    bool read_into(const json::value& v, std::string& out, const json_path& ptr) {
        if (!v.is_string()) {
            error(ptr, expected_text, v);
            return false;
        }
        out = std::string(v.get_string());
        return true;
    }
    bool read_into(const json::value& v, bool& out, const json_path& ptr) {
        if (!v.is_bool()) {
            error(ptr, expected_bool, v);
            return false;
        }
        out = v.get_bool();
        return true;
    }
    bool read_into(const json::value& v, std::int64_t& out, const json_path& ptr) {
        if (v.is_int64() && v.get_int64() >= 0) {
            out = v.get_int64();
            return true;
        }
        if (v.is_double() && std::isfinite(v.get_double()) && v.get_double() >= 0 && v.get_double() < 9.0e15 &&
            std::floor(v.get_double()) == v.get_double()) {
            out = static_cast<std::int64_t>(v.get_double());
            return true;
        }
        if ((v.is_int64() && v.get_int64() < 0) || (v.is_double() && v.get_double() < 0))
            error(ptr, expected_whole_not_negative, v);
        else if (v.is_uint64() || (v.is_double() && std::fabs(v.get_double()) >= 9.0e15))
            error(ptr, expected_whole_too_large, v);
        else
            error(ptr, expected_whole, v);
        return false;
    }
    bool read_into(const json::value& v, money& out, const json_path& ptr) {
        double d = 0;
        if (v.is_int64())
            d = static_cast<double>(v.get_int64());
        else if (v.is_uint64())
            d = static_cast<double>(v.get_uint64());
        else if (v.is_double())
            d = v.get_double();
        else {
            error(ptr, expected_dollars_number, v);
            return false;
        }
        // The field's range (rco/record.hpp) is checked after reading; here only what
        // whole cents cannot hold.
        if (d < 0) {
            error(ptr, expected_dollars_not_negative, v);
            return false;
        }
        if (!std::isfinite(d) || d > 1.0e16) {
            error(ptr, expected_dollars_too_large, v);
            return false;
        }
        out.cents = std::llround(d * 100.0);
        return true;
    }
    bool read_into(const json::value& v, date& out, const json_path& ptr) {
        if (v.is_string())
            if (auto d = parse_date(v.get_string())) {
                out = *d;
                return true;
            }
        error(ptr, expected_date, v);
        return false;
    }
    template <record_enum E>
    bool read_into(const json::value& v, E& out, const json_path& ptr) {
        if (v.is_string())
            if (auto e = parse_enum<E>(v.get_string())) {
                out = *e;
                return true;
            }
        // No guess at a person's value (a recovery identity) without --show-names.
        const bool guess = v.is_string() && (show_names_ || !is_person_pointer(ptr.pointer()));
        message_arg choices{"choices", enum_words<E>()};
        choices.style = list_style::or_;
        error(ptr, message{&expected_one_of,
                           {std::move(choices), describe(v, ptr),
                            {"hint", guess ? did_you_mean_hint(v.get_string(), enum_words<E>()) : std::vector<message>{}}}});
        return false;
    }
    template <class T>
    bool read_into(const json::value& v, std::vector<T>& out, const json_path& ptr) {
        if (!v.is_array()) {
            error(ptr, expected_list, v);
            return false;
        }
        const auto& a = v.get_array();
        bool ok = true;
        out.reserve(a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            T item{};
            if (read_into(a[i], item, json_path{&ptr, {}, i}))
                out.push_back(std::move(item));
            else
                ok = false;
        }
        return ok;
    }
    template <record_struct T>
    bool read_into(const json::value& v, T& out, const json_path& ptr) {
        if (!v.is_object()) {
            error(ptr, expected_object, v);
            return false;
        }
        for (const auto& kv : v.get_object()) {
            bool known = false;
            const std::string_view key(kv.key().data(), kv.key().size());
            const json_path child{&ptr, key};
            T::fields(out, [&](const char* name, auto& field) {
                if (known || key != name)
                    return;
                known = true;
                if (kv.value().is_null()) // null reads as absent
                    return;
                read(kv.value(), field, child);
                if (auto why = out_of_range<T>(name, field)) {
                    error(child, std::move(*why));
                    field.reset();
                }
            });
            if (!known)
                unknown_field<T>(key, kv.value(), child);
        }
        return true;
    }

    /// An unknown field: ignored, with the known field it most likely meant.
    template <record_struct T>
    void unknown_field(std::string_view key, const json::value& v, const json_path& ptr) {
        std::vector<std::string> names;
        T model{};
        T::fields(model, [&](const char* name, auto&) { names.emplace_back(name); });
        auto hint = did_you_mean_hint(key, names);
        if (hint.empty())
            hint.push_back({&check_spelling, {}});
        warning(ptr,
                message{v.is_object() ? &unknown_section_hint : &unknown_field_hint,
                        {{"key", std::string(key)}, {"hint", std::move(hint)}}},
                true);
    }

    std::string_view text_;
    std::string_view file_;
    std::vector<std::string> pointers_; ///< of diags, in order, as written when they were added
    diagnostic_budget budget_;
    bool show_names_ = false;
    read_options options_;
};

/// The cross-field checks every record format runs after reading; `emit(severity,
/// pointer, message)` receives each problem with its JSON Pointer, and the reader
/// of each format adds the file and the position.
template <class Emit>
void for_each_consistency_problem(const record& r, const read_options& options, Emit&& emit) {
    for_each_value_problem(r, options, [&](severity sev, const std::string& pointer, message m, bool unknown) {
        emit(sev, pointer, std::move(m), unknown);
    });
    if (r.board && r.board->members && r.board->counts)
        emit(severity::warning, "/board/counts", message{&both_members_and_counts, {}}, false);
    // Evidence ids should name a document in the ledger.
    if (!r.documents)
        return;
    std::vector<std::string> ids;
    for (const auto& d : *r.documents)
        if (d.id)
            ids.push_back(*d.id);
    for (std::size_t i = 0; i < r.documents->size(); ++i) {
        const auto& d = (*r.documents)[i];
        const auto p = "/documents/" + std::to_string(i);
        if (!d.id)
            emit(severity::warning, p, message{&document_without_id, {}}, false);
        if (d.text && d.path)
            emit(severity::warning, p, message{&document_text_and_path, {}}, false);
        if (d.sha256 && (d.sha256->size() != 64 ||
                         d.sha256->find_first_not_of("0123456789abcdefABCDEF") != std::string::npos))
            emit(severity::error, p + "/sha256", message{&document_bad_sha256, {}}, false);
    }
    auto check_ref = [&](const std::optional<std::string>& ref, const std::string& pointer) {
        if (ref && !ref->empty() && std::find(ids.begin(), ids.end(), *ref) == ids.end())
            emit(severity::warning, pointer, message{&unknown_evidence_id, {{"id", *ref}}}, false);
    };
    if (r.organization) {
        check_ref(r.organization->determination_letter, "/organization/determination_letter");
        if (r.organization->fiscal_sponsor) {
            check_ref(r.organization->fiscal_sponsor->agreement, "/organization/fiscal_sponsor/agreement");
            check_ref(r.organization->fiscal_sponsor->determination_letter,
                      "/organization/fiscal_sponsor/determination_letter");
        }
    }
    if (r.bylaws)
        check_ref(r.bylaws->document, "/bylaws/document");
    if (r.pathways)
        check_ref(r.pathways->policy, "/pathways/policy");
    if (r.policies)
        rco::policies::fields(*r.policies, [&](const char* name, const auto& p) {
            if (p)
                check_ref(p->document, std::string("/policies/") + name + "/document");
        });
}

void check_consistency(const record& r, record_reader& rr) {
    for_each_consistency_problem(r, rr.options(),
                                 [&](severity sev, const std::string& pointer, message m, bool unknown) {
                                     if (sev == severity::error)
                                         rr.error(pointer, std::move(m));
                                     else
                                         rr.warning(pointer, std::move(m), unknown);
                                 });
}

// Writing: the same field tables, in order.
json::value to_json(const std::string& s) { return json::value(s); }
json::value to_json(bool b) { return json::value(b); }
json::value to_json(std::int64_t i) { return json::value(i); }
json::value to_json(money m) {
    if (m.cents % 100 == 0)
        return json::value(m.cents / 100);
    return json::value(static_cast<double>(m.cents) / 100.0);
}
json::value to_json(date d) { return json::value(format_date(d)); }
template <record_enum E>
json::value to_json(E e) {
    return json::value(std::string(to_string(e)));
}
template <class T>
json::value to_json(const std::vector<T>& list);
template <record_struct T>
json::value to_json(const T& s) {
    json::object o;
    T::fields(s, [&](const char* name, const auto& field) {
        if (field)
            o[name] = to_json(*field);
    });
    return o;
}
template <class T>
json::value to_json(const std::vector<T>& list) {
    json::array a;
    for (const auto& e : list)
        a.push_back(to_json(e));
    return a;
}

} // namespace detail

read_result read_record_json(std::string_view text, std::string_view file_name, const read_options& options) {
    read_result out;
    auto parsed = parse_json(text, std::string(file_name), out.diagnostics, "an rco-record/1 JSON object");
    if (!parsed)
        return out;
    const json::value& root = *parsed;
    if (!root.is_object()) {
        const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        auto [l, c] = line_column(text, start);
        auto d = make_diagnostic(severity::error, std::string(file_name), "",
                                 {&detail::expected_record_object, {detail::describe_json_arg("value", root)}});
        d.line = l;
        d.column = c;
        out.diagnostics.push_back(std::move(d));
        return out;
    }

    detail::record_reader rr(text, file_name, options);
    const auto& obj = root.get_object();
    auto fmt = obj.find("format");
    if (fmt == obj.end() || !fmt->value().is_string())
        rr.error("/format", message{&detail::missing_format, {}});
    else if (fmt->value().get_string() != record_format_id)
        rr.error("/format", message{&detail::wrong_format, {detail::describe_json_arg("value", fmt->value())}});
    rr.read(root, out.record);
    if (out.record)
        detail::check_consistency(*out.record, rr);
    rr.finish();
    out.diagnostics = std::move(rr.diags);
    if (has_errors(out.diagnostics))
        out.record.reset(); // a failed read yields no record
    return out;
}

std::string write_record_json(const record& rec) { return pretty_json(detail::to_json(rec)); }

} // namespace rco::io
