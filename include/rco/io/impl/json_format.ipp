#pragma once

#include "rco/io/json_format.hpp"

#include "rco/date.hpp"
#include "rco/escape.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/limits.hpp"
#include "rco/io/utf8.hpp"
#include "rco/word_index.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace rco::io {

namespace {
void pretty(const boost::json::value& v, std::string& out, int indent) {
    auto newline = [&](int level) {
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    if (v.is_object()) {
        const auto& o = v.get_object();
        if (o.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto& kv : o) {
            if (!first)
                out += ',';
            first = false;
            newline(indent + 1);
            append_json_string(out, kv.key());
            out += ": ";
            pretty(kv.value(), out, indent + 1);
        }
        newline(indent);
        out += '}';
    } else if (v.is_array()) {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        bool scalars = true;
        for (const auto& e : a)
            scalars = scalars && !e.is_object() && !e.is_array();
        out += '[';
        if (scalars && a.size() <= 12) {
            // short lists of words or numbers stay on one line
            for (std::size_t i = 0; i < a.size(); ++i) {
                out += i ? ", " : "";
                if (a[i].is_string())
                    append_json_string(out, a[i].get_string());
                else
                    out += boost::json::serialize(a[i]);
            }
            out += ']';
            return;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            out += i ? "," : "";
            newline(indent + 1);
            pretty(a[i], out, indent + 1);
        }
        newline(indent);
        out += ']';
    } else if (v.is_string()) {
        append_json_string(out, v.get_string());
    } else {
        out += boost::json::serialize(v);
    }
}
} // namespace

namespace detail {

/// JSON Pointers to look up, as a tree of their reference tokens, so that one walk over
/// the text finds all of them: at each value the walk knows whether it is on the path
/// of a wanted pointer without comparing whole pointers.
struct pointer_tree {
    struct node {
        std::unordered_map<std::string, std::size_t> children;
        std::size_t parent = 0;
        std::size_t offset = std::string_view::npos; ///< where the value (or its member's key) starts
    };
    std::vector<node> nodes = std::vector<node>(1);

    /// The node of `pointer` (RFC 6901, "" is the whole document), created as needed.
    std::size_t insert(std::string_view pointer) {
        std::size_t n = 0;
        while (!pointer.empty()) {
            pointer.remove_prefix(1); // '/'
            const auto slash = pointer.find('/');
            const auto raw = pointer.substr(0, slash);
            std::string token;
            for (std::size_t k = 0; k < raw.size(); ++k) {
                if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
                    token += raw[k + 1] == '1' ? '/' : '~';
                    ++k;
                } else {
                    token += raw[k];
                }
            }
            pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
            auto [it, added] = nodes[n].children.try_emplace(std::move(token), nodes.size());
            const std::size_t next = it->second;
            if (added) {
                nodes.emplace_back();
                nodes.back().parent = n;
            }
            n = next;
        }
        return n;
    }
    std::size_t child(std::size_t n, const std::string& token) const {
        const auto& c = nodes[n].children;
        if (c.empty())
            return std::string_view::npos;
        const auto it = c.find(token);
        return it == c.end() ? std::string_view::npos : it->second;
    }
    /// Where the pointer of node `n`, or its nearest ancestor found in the text, starts.
    std::size_t offset_or_ancestor(std::size_t n) const {
        while (nodes[n].offset == std::string_view::npos && n != 0)
            n = nodes[n].parent;
        return nodes[n].offset;
    }
};

constexpr message_def json_duplicate_key{"reader.json.duplicate_key",
                                         "duplicate key: this member is already given earlier in the same object; give "
                                         "each field once"};
constexpr message_def json_string_utf8{"reader.json.string_utf8",
                                       "invalid UTF-8 in a string: {problem}; save the file as UTF-8"};
constexpr message_def json_string_control{"reader.json.string_control",
                                          "control character {character} in a string; remove it (text may hold tabs "
                                          "and line breaks, but no other control characters)"};
constexpr message_def json_key_control{"reader.json.key_control",
                                       "control character {character} in a key; remove it (text may hold tabs and "
                                       "line breaks, but no other control characters)"};

/// One walk over JSON text that Boost.JSON has accepted (so it is well-formed and nests
/// at most 64 levels: the walk recurses). It either finds the offsets of the pointers
/// of a pointer_tree, or checks what Boost.JSON lets through: duplicate keys, strings
/// that are not UTF-8 (the parse allows them so that they can be named and located
/// here), and control characters, raw or escaped ("\u0000").
class json_walker {
public:
    using report_fn = std::function<void(std::size_t offset, const std::string& pointer, rco::message m)>;

    json_walker(std::string_view text, pointer_tree* tree, const report_fn* report)
        : t_(text), tree_(tree), report_(report) {}

    void run(std::size_t start) {
        pos_ = start;
        ws();
        value(tree_ ? 0 : npos);
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;

    void ws() {
        while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r'))
            ++pos_;
    }
    void value(std::size_t node) {
        if (pos_ >= t_.size())
            return;
        if (node != npos && tree_->nodes[node].offset == npos)
            tree_->nodes[node].offset = pos_;
        switch (t_[pos_]) {
        case '{': object(node); break;
        case '[': array(node); break;
        case '"': string(false); break;
        default:
            while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '}' && t_[pos_] != ']' && t_[pos_] != ' ' &&
                   t_[pos_] != '\n' && t_[pos_] != '\r' && t_[pos_] != '\t')
                ++pos_;
        }
    }
    void object(std::size_t node) {
        ++pos_;
        ws();
        if (pos_ < t_.size() && t_[pos_] == '}') {
            ++pos_;
            return;
        }
        std::unordered_set<std::string> keys;
        while (pos_ < t_.size()) {
            ws();
            const std::size_t key_at = pos_;
            const bool key_ok = string(true);
            const std::size_t mark = pointer_.size();
            if (report_) {
                pointer_ += '/';
                for (char c : key_)
                    pointer_ += c == '~' ? std::string_view("~0") : c == '/' ? std::string_view("~1")
                                                                            : std::string_view(&c, 1);
                if (key_ok && !keys.insert(key_).second)
                    (*report_)(key_at, pointer_, rco::message{&json_duplicate_key, {}});
            }
            std::size_t child = npos;
            if (node != npos) {
                child = tree_->child(node, key_);
                if (child != npos && tree_->nodes[child].offset == npos)
                    tree_->nodes[child].offset = key_at;
            }
            ws();
            ++pos_; // ':'
            ws();
            value(child);
            pointer_.resize(mark);
            ws();
            if (pos_ < t_.size() && t_[pos_] == ',') {
                ++pos_;
                continue;
            }
            ++pos_; // '}'
            return;
        }
    }
    void array(std::size_t node) {
        ++pos_;
        ws();
        if (pos_ < t_.size() && t_[pos_] == ']') {
            ++pos_;
            return;
        }
        for (std::size_t i = 0; pos_ < t_.size(); ++i) {
            ws();
            const std::size_t mark = pointer_.size();
            if (report_) {
                pointer_ += '/';
                pointer_ += std::to_string(i);
            }
            value(node == npos ? npos : tree_->child(node, std::to_string(i)));
            pointer_.resize(mark);
            ws();
            if (pos_ < t_.size() && t_[pos_] == ',') {
                ++pos_;
                continue;
            }
            ++pos_; // ']'
            return;
        }
    }
    static std::uint32_t hex4(std::string_view s) {
        std::uint32_t v = 0;
        for (char c : s.substr(0, 4))
            v = v * 16 + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        return v;
    }
    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    /// At an opening quote: moves past the string; a key's decoded text is left in key_.
    /// When checking, reports the first bad character of the string; false when there is one.
    bool string(bool is_key) {
        ++pos_;
        const std::size_t begin = pos_;
        if (is_key)
            key_.clear();
        std::size_t escaped_control = npos;
        std::uint32_t control_cp = 0;
        while (pos_ < t_.size() && t_[pos_] != '"') {
            if (t_[pos_] != '\\') {
                if (is_key)
                    key_ += t_[pos_];
                ++pos_;
                continue;
            }
            const std::size_t at = pos_;
            const char e = pos_ + 1 < t_.size() ? t_[pos_ + 1] : '"';
            std::uint32_t cp = static_cast<unsigned char>(e);
            pos_ += 2;
            switch (e) {
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'n': cp = '\n'; break;
            case 'r': cp = '\r'; break;
            case 't': cp = '\t'; break;
            case 'u':
                cp = hex4(t_.substr(pos_));
                pos_ += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && t_.substr(pos_, 2) == "\\u") {
                    const auto low = hex4(t_.substr(pos_ + 2));
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        pos_ += 6;
                    }
                }
                break;
            default: break;
            }
            if (escaped_control == npos && is_forbidden_control(cp)) {
                escaped_control = at;
                control_cp = cp;
            }
            if (is_key)
                append_utf8(key_, cp);
        }
        const auto raw = t_.substr(begin, pos_ - begin);
        ++pos_; // closing quote
        if (!report_)
            return true;
        // The earliest problem of the string is reported, at its own line and column.
        const auto bad = first_invalid_utf8(raw);
        const auto raw_control = bad == npos ? first_control_character(raw) : npos;
        std::size_t at = std::min({bad, raw_control, escaped_control == npos ? npos : escaped_control - begin});
        if (at == npos)
            return true;
        rco::message why;
        if (at == bad)
            why = {&json_string_utf8, {{"problem", std::vector<message>{invalid_utf8_problem(raw, bad)}}}};
        else {
            std::uint32_t cp = control_cp;
            if (at == raw_control) {
                const auto c = static_cast<unsigned char>(raw[at]);
                cp = c < 0x80 ? c : (static_cast<unsigned char>(raw[at + 1]) & 0x3Fu) | 0x80u;
            }
            why = {is_key ? &json_key_control : &json_string_control, {{"character", describe_code_point(cp)}}};
        }
        // A key's problem is placed at its object: the key itself cannot be named.
        (*report_)(begin + at, pointer_, std::move(why));
        return false;
    }

    std::string_view t_;
    pointer_tree* tree_;
    const report_fn* report_;
    std::size_t pos_ = 0;
    std::string pointer_; ///< of the value being walked, when checking
    std::string key_;     ///< the key just read, decoded
};

/// Builds the document as Boost.JSON's own parser does, and notices, at little cost, what
/// the checking walk (json_walker) would report: an object whose keys' hashes repeat and,
/// when `check_strings` is set, a decoded key or string that is not well-formed UTF-8 or
/// holds a forbidden control character (parse_json sets it when the text has a \u
/// escape: raw characters are checked in the whole text at once). It only raises a
/// suspicion: the walk runs when there is one, and finds, places and words the problems
/// exactly (a hash collision or a sequence split between two parts of a string is a
/// false alarm).
struct checking_handler {
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    boost::json::value_stack st;
    bool check_strings = false;
    bool suspect = false;

    checking_handler(boost::json::storage_ptr temp, unsigned char* buffer, std::size_t size)
        : st(std::move(temp), buffer, size) {}

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) {
        marks_.push_back(keys_.size());
        return true;
    }
    bool on_object_end(std::size_t n, boost::system::error_code&) {
        st.push_object(n);
        const auto first = keys_.begin() + static_cast<std::ptrdiff_t>(marks_.back());
        if (n > 1) {
            std::sort(first, keys_.end());
            suspect = suspect || std::adjacent_find(first, keys_.end()) != keys_.end();
        }
        keys_.erase(first, keys_.end());
        marks_.pop_back();
        return true;
    }
    bool on_array_begin(boost::system::error_code&) { return true; }
    bool on_array_end(std::size_t n, boost::system::error_code&) {
        st.push_array(n);
        return true;
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_chars(s);
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_key(s);
        std::string_view whole(s.data(), s.size());
        if (!key_.empty()) {
            key_.append(whole);
            whole = key_;
        }
        if (check_strings)
            text(whole);
        keys_.push_back(rco::detail::word_hash(whole));
        key_.clear();
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_chars(s);
        text({s.data(), s.size()});
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_string(s);
        text({s.data(), s.size()});
        return true;
    }
    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t i, boost::json::string_view, boost::system::error_code&) {
        st.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, boost::json::string_view, boost::system::error_code&) {
        st.push_uint64(u);
        return true;
    }
    bool on_double(double d, boost::json::string_view, boost::system::error_code&) {
        st.push_double(d);
        return true;
    }
    bool on_bool(bool b, boost::system::error_code&) {
        st.push_bool(b);
        return true;
    }
    bool on_null(boost::system::error_code&) {
        st.push_null();
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

private:
    void text(std::string_view s) { suspect = suspect || (check_strings && !is_clean_text(s)); }

    std::vector<std::size_t> keys_;  ///< hashes of the keys of the open objects
    std::vector<std::size_t> marks_; ///< where each open object's keys start in keys_
    std::string key_;                ///< a key given in parts
};


// The JSON syntax errors, in the words of someone who writes JSON by hand.
constexpr message_def json_at{"reader.json.at", "line {line}, column {column}"};
constexpr message_def json_string_eof{"reader.json.string_not_closed",
                                      "a string is not closed: this quote has no closing \" before the file ends; add "
                                      "the closing \""};
constexpr message_def json_string_line{"reader.json.string_not_closed_on_line",
                                       "a string is not closed on its line: add the closing \" (a line break inside "
                                       "text is written \\n)"};
constexpr message_def json_bad_escape{"reader.json.bad_escape",
                                      "an escape JSON does not know: after a backslash JSON allows only \" \\ / b f n "
                                      "r t and uXXXX; write \\\\ for a backslash (e.g. in a Windows path)"};
constexpr message_def json_tab{"reader.json.tab", "a tab inside a string: write it as \\t"};
constexpr message_def json_control{"reader.json.control", "a control character inside a string: remove it"};
constexpr message_def json_in_string{"reader.json.in_string", "malformed JSON in a string"};
constexpr message_def json_ends_after_colon{"reader.json.ends_after_colon",
                                            "it ends too early: a value is missing after the last ':'"};
constexpr message_def json_ends_open{"reader.json.ends_open",
                                     "it ends too early: the '{open}' opened at {where} is not closed; add '{close}' at "
                                     "its end"};
constexpr message_def json_ends{"reader.json.ends", "it ends too early"};
constexpr message_def json_trailing_member{"reader.json.trailing_comma_object",
                                           "a trailing comma: JSON allows no comma after the last member of an object; "
                                           "remove this comma"};
constexpr message_def json_trailing_element{"reader.json.trailing_comma_list",
                                            "a trailing comma: JSON allows no comma after the last element of a list; "
                                            "remove this comma"};
constexpr message_def json_mismatch{"reader.json.mismatch",
                                    "this '{bracket}' does not close the '{open}' opened at {where}; close that with "
                                    "'{close}' first"};
constexpr message_def json_value_after_colon{"reader.json.value_after_colon", "a value is missing after ':'"};
constexpr message_def json_key_without_value{"reader.json.key_without_value",
                                             "a key without a value: write ': value' after it, or remove it"};
constexpr message_def json_comment_line{"reader.json.comment_line",
                                        "a comment: JSON has no comments; remove the // comment (or move the note into "
                                        "a text field)"};
constexpr message_def json_comment_block{"reader.json.comment_block",
                                         "a comment: JSON has no comments; remove the /* */ comment (or move the note "
                                         "into a text field)"};
constexpr message_def json_comment_hash{"reader.json.comment_hash", "a comment: JSON has no comments; remove the # comment"};
constexpr message_def json_single_key{"reader.json.single_quotes_key",
                                      "single quotes: JSON keys take double quotes; write \"key\", not 'key'"};
constexpr message_def json_single_text{"reader.json.single_quotes_text",
                                       "single quotes: JSON text takes double quotes; write \"text\", not 'text'"};
constexpr message_def json_equals{"reader.json.equals", "write ':' between a key and its value, not '='"};
constexpr message_def json_colon_missing{"reader.json.colon_missing", "a ':' is missing after the key"};
constexpr message_def json_value_before_comma{"reader.json.value_before_comma", "a value is missing before this comma"};
constexpr message_def json_extra_comma{"reader.json.extra_comma", "an extra comma: a value is missing before it; remove it"};
constexpr message_def json_comma_member{"reader.json.comma_missing_member",
                                        "a comma is missing before this: add ',' after the member before it (on line "
                                        "{line})"};
constexpr message_def json_comma_element{"reader.json.comma_missing_element",
                                         "a comma is missing before this: add ',' after the element before it (on line "
                                         "{line})"};
constexpr message_def json_unquoted_key{"reader.json.unquoted_key",
                                        "an unquoted key: JSON keys take double quotes; write \"{word}\""};
constexpr message_def json_unquoted_yes{"reader.json.unquoted_yes",
                                        "an unquoted {word}: JSON's yes is true (lower case, no quotes); write true, or "
                                        "\"{word}\" in double quotes for text"};
constexpr message_def json_unquoted_no{"reader.json.unquoted_no",
                                       "an unquoted {word}: JSON's no is false (lower case, no quotes); write false, or "
                                       "\"{word}\" in double quotes for text"};
constexpr message_def json_unquoted_null{"reader.json.unquoted_null",
                                         "an unquoted {word}: JSON writes nothing as null (lower case); write null, or "
                                         "leave the field out"};
constexpr message_def json_no_number{"reader.json.not_a_number", "JSON has no {word}; leave the field out"};
constexpr message_def json_unquoted_text{"reader.json.unquoted_text",
                                         "unquoted text: JSON text takes double quotes; write \"{word}\""};
constexpr message_def json_unquoted_date{"reader.json.unquoted_date",
                                         "an unquoted date: dates are text in JSON; write \"{word}\""};
constexpr message_def json_bad_number{"reader.json.bad_number",
                                      "a number JSON cannot read (\"{word}\"): write digits without leading zeros or "
                                      "'+', with a digit on both sides of a decimal point (e.g. 0.5, 12, 1200.50), or "
                                      "quote it as text"};
constexpr message_def json_unexpected{"reader.json.unexpected", "malformed JSON: unexpected character here"};
constexpr message_def json_malformed{"reader.json.malformed", "malformed JSON: {message}"};
constexpr message_def json_extra_data{"reader.json.extra_data",
                                      "unexpected text after the end of the JSON value: remove it, or check that no "
                                      "'}}' or ']' before it closes the document too early"};
constexpr message_def json_expected_object{"reader.json.expected_object", "{message}; expected an {format} JSON object"};
constexpr message_def json_expected{"reader.json.expected", "{message}; expected {expected}"};
constexpr message_def json_empty{"reader.json.empty", "the file is empty"};
constexpr message_def json_utf16{"reader.json.utf16", "the file is UTF-16 encoded; save it as UTF-8"};
constexpr message_def json_nul{"reader.json.nul", "this is not a text file (it contains NUL bytes)"};
constexpr message_def json_invalid_utf8{"reader.json.invalid_utf8", "invalid UTF-8: {problem}; save the file as UTF-8"};
constexpr message_def json_too_deep{"reader.json.too_deep", "the JSON nests deeper than 64 levels"};

/// What a JSON parser stopped at, in the words of someone who writes JSON by hand: the
/// common mistakes (a trailing comma, a missing comma, single quotes, a comment, an
/// unquoted word, a string or bracket left open) named, with how to fix each.
struct syntax_problem {
    std::size_t offset; ///< where to put the caret
    rco::message message;
};

syntax_problem explain_syntax_error(std::string_view t, std::size_t start, std::size_t at) {
    constexpr auto npos = std::string_view::npos;
    at = std::min(at, t.size());
    enum class token { none, open, comma, colon, key, value };
    struct open_bracket {
        char c;
        std::size_t offset;
    };
    std::vector<open_bracket> stack;
    token last = token::none;
    std::size_t last_at = npos;      // where the last token starts
    std::size_t open_string = npos;  // the string the problem is in
    std::size_t open_literal = npos; // the number or word the problem is in
    const auto delimiter = [](char c) {
        return c == ',' || c == ':' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"' || c == ' ' ||
               c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '\'';
    };
    // The text before `at` is what the parser accepted: a walk over it knows where the
    // problem stands (in a key's place, after a value, in an open string).
    for (std::size_t i = start; i < at;) {
        const char c = t[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '{' || c == '[') {
            stack.push_back({c, i});
            last = token::open;
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
            last = token::value;
        } else if (c == ',') {
            last = token::comma;
        } else if (c == ':') {
            last = token::colon;
        } else if (c == '"') {
            std::size_t j = i + 1;
            while (j < t.size() && t[j] != '"' && t[j] != '\n')
                j += t[j] == '\\' ? 2 : 1;
            if (j >= at) {
                open_string = i;
                break;
            }
            const bool in_object = !stack.empty() && stack.back().c == '{';
            last_at = i;
            last = in_object && (last == token::open || last == token::comma) ? token::key : token::value;
            i = j + 1;
            continue;
        } else {
            std::size_t j = i;
            while (j < t.size() && !delimiter(t[j]))
                ++j;
            if (j > at) {
                open_literal = i;
                break;
            }
            last_at = i;
            last = token::value;
            i = j;
            continue;
        }
        last_at = i;
        ++i;
    }
    const auto where = [&](std::size_t offset) {
        const auto [l, c] = line_column(t, offset);
        return message_arg{"where", std::vector<message>{message{
                                        &json_at, {{"line", std::int64_t{l}}, {"column", std::int64_t{c}}}}}};
    };
    const auto said = [](std::size_t offset, const message_def& def, std::vector<message_arg> args = {}) {
        return syntax_problem{offset, message{&def, std::move(args)}};
    };
    const auto char_arg = [](std::string_view name, char c) { return message_arg{name, std::string(1, c)}; };
    const bool in_object = !stack.empty() && stack.back().c == '{';
    const bool key_expected = in_object && (last == token::open || last == token::comma);

    if (open_string != npos) {
        std::size_t end = open_string + 1;
        while (end < t.size() && t[end] != '"' && t[end] != '\n' && t[end] != '\r')
            end += t[end] == '\\' ? 2 : 1;
        if (end >= t.size())
            return said(open_string, json_string_eof);
        if (t[end] == '\n' || t[end] == '\r')
            return said(open_string, json_string_line);
        if (at < t.size() && t[at] == '\\')
            return said(at, json_bad_escape);
        if (at > 0 && t[at - 1] == '\\')
            return said(at - 1, json_bad_escape);
        if (at < t.size() && static_cast<unsigned char>(t[at]) < 0x20)
            return said(at, t[at] == '\t' ? json_tab : json_control);
        return said(at, json_in_string);
    }
    // The word (or number) the problem is in or starts at.
    const std::size_t word_at = open_literal != npos ? open_literal : at;
    std::size_t word_end = word_at;
    while (word_end < t.size() && !delimiter(t[word_end]) && word_end - word_at < 40)
        ++word_end;
    const std::string word(t.substr(word_at, word_end - word_at));
    const char c = at < t.size() ? t[at] : '\0';
    const bool starts_value = c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') ||
                              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';

    if (at >= t.size() && open_literal == npos) {
        if (last == token::colon)
            return said(at, json_ends_after_colon);
        if (!stack.empty()) {
            const auto& o = stack.back();
            return said(at, json_ends_open,
                        {char_arg("open", o.c), where(o.offset), char_arg("close", o.c == '{' ? '}' : ']')});
        }
        return said(at, json_ends);
    }
    if ((c == '}' || c == ']') && last == token::comma && last_at != npos)
        return said(last_at, c == '}' ? json_trailing_member : json_trailing_element);
    if (c == '}' || c == ']') {
        if (!stack.empty() && stack.back().c != (c == '}' ? '{' : '['))
            return said(at, json_mismatch,
                        {char_arg("bracket", c), char_arg("open", stack.back().c), where(stack.back().offset),
                         char_arg("close", c == '}' ? ']' : '}')});
        if (last == token::colon)
            return said(at, json_value_after_colon);
        if (last == token::key)
            return said(at, json_key_without_value);
    }
    if (c == '/' && at + 1 < t.size() && (t[at + 1] == '/' || t[at + 1] == '*'))
        return said(at, t[at + 1] == '/' ? json_comment_line : json_comment_block);
    if (c == '#')
        return said(at, json_comment_hash);
    if (c == '\'')
        return said(at, key_expected ? json_single_key : json_single_text);
    if (c == '=' && last == token::key)
        return said(at, json_equals);
    if (last == token::key && c != ':')
        return said(at, json_colon_missing);
    if (c == ',' && (last == token::comma || last == token::open || last == token::colon))
        return said(at, last == token::colon ? json_value_before_comma : json_extra_comma);
    if (open_literal == npos && starts_value && last == token::value && last_at != npos)
        return said(at, in_object ? json_comma_member : json_comma_element,
                    {{"line", std::int64_t{line_column(t, last_at).first}}});
    const message_arg word_arg{"word", word};
    if (key_expected && !word.empty())
        return said(word_at, json_unquoted_key, {word_arg});
    if (!word.empty() && ((word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z'))) {
        static constexpr std::string_view yes[] = {"yes", "Yes", "YES", "y", "Y", "on", "On", "True", "TRUE"};
        static constexpr std::string_view no[] = {"no", "No", "NO", "n", "N", "off", "Off", "False", "FALSE"};
        static constexpr std::string_view nothing[] = {"None", "NULL", "Null", "nil", "undefined"};
        if (std::find(std::begin(yes), std::end(yes), word) != std::end(yes))
            return said(word_at, json_unquoted_yes, {word_arg});
        if (std::find(std::begin(no), std::end(no), word) != std::end(no))
            return said(word_at, json_unquoted_no, {word_arg});
        if (std::find(std::begin(nothing), std::end(nothing), word) != std::end(nothing))
            return said(word_at, json_unquoted_null, {word_arg});
        if (word == "NaN" || word == "Infinity")
            return said(word_at, json_no_number, {word_arg});
        return said(word_at, json_unquoted_text, {word_arg});
    }
    if (!word.empty() && (word[0] == '-' || word[0] == '+' || word[0] == '.' || (word[0] >= '0' && word[0] <= '9'))) {
        if (parse_date(word))
            return said(word_at, json_unquoted_date, {word_arg});
        return said(word_at, json_bad_number, {word_arg});
    }
    return said(at, json_unexpected);
}

/// The line of `text` that `offset` is on, as a diagnostic shows it (a long line cut to
/// the part around the offset, marked with "..."), and the offset's column in it.
std::pair<std::string, std::uint32_t> source_excerpt(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    begin = begin == std::string_view::npos || (offset == 0 && text[0] != '\n') ? 0 : begin + 1;
    if (offset < begin) // the offset is a line feed's own position
        begin = offset;
    std::size_t end = text.find('\n', offset);
    end = end == std::string_view::npos ? text.size() : end;
    if (end > begin && text[end - 1] == '\r')
        --end;
    const auto continuation = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    std::string prefix, suffix;
    if (offset - begin > 60) {
        begin = offset - 50;
        while (begin < offset && continuation(begin))
            ++begin;
        prefix = "...";
    }
    if (end > offset && end - offset > 60) {
        end = offset + 50;
        while (end > offset && continuation(end))
            --end;
        suffix = "...";
    }
    const auto line = text.substr(begin, end - begin);
    std::uint32_t column = 1 + static_cast<std::uint32_t>(prefix.size());
    for (std::size_t i = begin; i < offset && i < end; ++i)
        if (!continuation(i))
            ++column;
    return {prefix + std::string(line) + suffix, column};
}

} // namespace detail

std::vector<std::pair<std::uint32_t, std::uint32_t>> locate_json_pointers(std::string_view text,
                                                                           const std::vector<std::string>& pointers) {
    if (pointers.empty())
        return {};
    detail::pointer_tree tree;
    std::vector<std::size_t> nodes;
    nodes.reserve(pointers.size());
    for (const auto& p : pointers)
        nodes.push_back(tree.insert(p));
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    detail::json_walker(text, &tree, nullptr).run(start);
    std::vector<std::size_t> offsets;
    offsets.reserve(nodes.size());
    for (auto n : nodes)
        offsets.push_back(tree.offset_or_ancestor(n));
    return line_columns(text, offsets);
}

std::optional<boost::json::value> parse_json(std::string_view text, const std::string& file,
                                             std::vector<diagnostic>& diags, std::string_view expected) {
    // `expected` is "an rco-record/1 JSON object" (or another format's): its format is an argument.
    const auto expecting = [&](message why) {
        if (expected.empty())
            return why;
        constexpr std::string_view an = "an ", object = " JSON object";
        if (expected.starts_with(an) && expected.ends_with(object) && expected.size() > an.size() + object.size())
            return message{&detail::json_expected_object,
                           {{"message", std::vector<message>{std::move(why)}},
                            {"format", std::string(expected.substr(an.size(), expected.size() - an.size() - object.size()))}}};
        return message{&detail::json_expected, {{"message", std::vector<message>{std::move(why)}},
                                                {"expected", std::string(expected)}}};
    };
    auto fail = [&](std::size_t offset, const message_def& def, std::vector<message_arg> args = {}) {
        auto [l, c] = line_column(text, offset);
        auto d = make_diagnostic(severity::error, file, "", expecting(message{&def, std::move(args)}));
        d.line = l;
        d.column = c;
        diags.push_back(std::move(d));
        return std::nullopt;
    };
    if (detail::input_too_large(text, file, diags))
        return std::nullopt;
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a byte order mark, as some editors write
    if (text.find_first_not_of(" \t\r\n", start) == std::string_view::npos)
        return fail(0, detail::json_empty);
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
        return fail(0, detail::json_utf16);
    boost::json::parse_options opts;
    opts.max_depth = 64;
    opts.allow_invalid_utf8 = true; // named and located by the walk below, not as a "syntax error"
    unsigned char temp[4096];       // the parser's working stack, while it fits
    boost::json::basic_parser<detail::checking_handler> parser(opts, boost::json::storage_ptr(), temp, sizeof temp);
    // The document lives in one arena, released at once (readers copy what they keep).
    parser.handler().st.reset(boost::json::make_shared_resource<boost::json::monotonic_resource>(text.size() * 2));
    parser.handler().check_strings = text.find("\\u") != std::string_view::npos;
    parser.handler().suspect = !detail::is_clean_text(text);
    boost::system::error_code ec;
    const auto body = text.substr(start);
    // As boost::json::stream_parser: the text, then the end of input.
    const std::size_t used = parser.write_some(true, body.data(), body.size(), ec);
    if (!ec && used < body.size())
        ec = boost::json::error::extra_data;
    if (!ec)
        parser.write_some(false, nullptr, 0, ec);
    if (ec) {
        const auto bad = detail::first_invalid_utf8(body);
        if (text.find('\0') != std::string_view::npos && ec != boost::json::error::too_deep)
            return fail(start + used, detail::json_nul);
        if (bad != std::string_view::npos && bad <= used) // the first problem is the encoding
            return fail(start + bad, detail::json_invalid_utf8,
                        {{"problem", std::vector<message>{detail::invalid_utf8_problem(body, bad)}}});
        if (ec == boost::json::error::too_deep)
            return fail(start + used, detail::json_too_deep);
        // A syntax error: named, with its line shown and a caret under the column.
        auto [offset, why] = detail::explain_syntax_error(text, start, start + used);
        const bool comment = why.def == &detail::json_comment_line || why.def == &detail::json_comment_block ||
                             why.def == &detail::json_comment_hash;
        if (ec == boost::json::error::extra_data && !comment)
            why = message{&detail::json_extra_data, {}};
        else
            why = message{&detail::json_malformed, {{"message", std::vector<message>{std::move(why)}}}};
        auto [l, c] = line_column(text, offset);
        auto [line, column] = detail::source_excerpt(text, offset);
        auto d = make_diagnostic(severity::error, file, "", std::move(why));
        d.line = l;
        d.column = c;
        d.source_line = std::move(line);
        d.source_column = column;
        diags.push_back(std::move(d));
        return std::nullopt;
    }
    if (!parser.handler().suspect)
        return parser.handler().st.release();
    // Well-formed, but the parser let something through: each problem at its place.
    const std::size_t first = diags.size();
    std::vector<std::size_t> offsets;
    detail::diagnostic_budget budget;
    const detail::json_walker::report_fn report = [&](std::size_t offset, const std::string& pointer, message m) {
        if (!budget.admit(severity::error))
            return;
        offsets.push_back(offset);
        diags.push_back(make_diagnostic(severity::error, file, pointer.empty() ? "/" : pointer, std::move(m)));
    };
    detail::json_walker(text, nullptr, &report).run(start);
    if (diags.size() == first) // a false alarm
        return parser.handler().st.release();
    const auto where = line_columns(text, offsets);
    for (std::size_t i = 0; i < where.size(); ++i) {
        diags[first + i].line = where[i].first;
        diags[first + i].column = where[i].second;
    }
    budget.finish(diags, file);
    return std::nullopt;
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    const std::size_t n = text.size(), mark = out.size();
    out += '"';
    std::size_t run = 0;      // start of the bytes not yet copied
    bool checked = false;     // the whole text is known to be UTF-8 (checked at its first non-ASCII byte)
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
#endif
#if defined(__SSE2__)
    if (n < 16) {
        // A short string (a key, a word): its bytes in one register, the rest zeros, masked off.
        alignas(16) char buf[16] = {};
        std::memcpy(buf, text.data(), n);
        const __m128i x = _mm_load_si128(reinterpret_cast<const __m128i*>(buf));
        const int special = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmplt_epi8(x, below), _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash))));
        if ((special & ((1 << n) - 1)) == 0) {
            out.append(text.data(), n);
            out += '"';
            return;
        }
    }
#endif
    for (std::size_t i = 0; i < n;) {
#if defined(__SSE2__)
        // Sixteen bytes at a time while none is special: a control character, " or \, or
        // a byte from 0x80 up (signed, those are below 0x20 too).
        if (i + 16 <= n) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            const int special = _mm_movemask_epi8(
                _mm_or_si128(_mm_cmplt_epi8(x, below), _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash))));
            if (special == 0) {
                i += 16;
                continue;
            }
            i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(special)));
        }
#endif
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            // JSON text is UTF-8: bytes that are not (a file name, a value no reader
            // checked) become U+FFFD, so a document is always valid whatever its strings hold.
            if (!checked && !is_valid_utf8(text)) {
                out.resize(mark);
                append_json_string(out, to_valid_utf8(text));
                return;
            }
            checked = true;
            ++i;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(text.data() + run, i - run);
        run = ++i;
        char esc[6] = {'\\', static_cast<char>(c), 0, 0, 0, 0};
        std::size_t len = 2;
        switch (c) {
        case '"':
        case '\\': break;
        case '\b': esc[1] = 'b'; break;
        case '\t': esc[1] = 't'; break;
        case '\n': esc[1] = 'n'; break;
        case '\f': esc[1] = 'f'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            esc[1] = 'u';
            esc[2] = esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            len = 6;
        }
        out.append(esc, len);
    }
    out.append(text.data() + run, n - run);
    out += '"';
}

namespace detail {

/// memcpy for the short texts of a report (keys, words, ids): up to 32 bytes as two
/// overlapping moves of a constant size, inlined, never reading past `src + n`.
inline void copy_bytes(char* dst, const char* src, std::size_t n) noexcept {
    if (n >= 16 && n <= 32) {
        std::memcpy(dst, src, 16);
        std::memcpy(dst + n - 16, src + n - 16, 16);
    } else if (n >= 8 && n < 16) {
        std::memcpy(dst, src, 8);
        std::memcpy(dst + n - 8, src + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        std::memcpy(dst, src, 4);
        std::memcpy(dst + n - 4, src + n - 4, 4);
    } else if (n < 4) {
        for (std::size_t i = 0; i < n; ++i)
            dst[i] = src[i];
    } else {
        std::memcpy(dst, src, n);
    }
}

/// True when none of the `n` bytes at `p` must be escaped in a JSON string or checked as
/// UTF-8: all are printable ASCII other than " and \\. Reads 16 bytes a step, so the bytes
/// after `p + n`, up to the next multiple of 16 from `p`, must be readable.
inline bool plain_json_bytes(const char* p, std::size_t n) noexcept {
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                  del = _mm_set1_epi8(0x7F);
    for (std::size_t i = 0; i < n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // Bytes from 0x80 are negative: below 0x20 too.
        unsigned special = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, below), _mm_cmpeq_epi8(x, del)),
                         _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)))));
        if (n - i < 16)
            special &= (1u << (n - i)) - 1;
        if (special != 0)
            return false;
    }
    return true;
#else
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
            return false;
    }
    return true;
#endif
}

} // namespace detail

void json_writer::quoted(std::string_view s) {
    if (s.size() <= short_text) {
        // Copied in with its quote, then checked in place: 16 bytes of slack after it.
        char* p = room(s.size() + 2 + 16);
        p[0] = '"';
        detail::copy_bytes(p + 1, s.data(), s.size());
        if (detail::plain_json_bytes(p + 1, s.size())) {
            p[1 + s.size()] = '"';
            pos_ += s.size() + 2;
            return;
        }
    }
    flush();
    append_json_string(out_, s);
}

void json_writer::value(std::int64_t n) {
    element();
    char* p = room(24);
    pos_ = static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - buf_);
    done();
}

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    pretty(v, out, 0);
    out += '\n';
    return out;
}

} // namespace rco::io
