// Deterministic, indented JSON text for reports and records.
#pragma once

#include "rco/diagnostic.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rco::io {

/// Serializes with two-space indentation, keys in insertion order, one trailing newline.
/// Lists of at most 12 numbers, words or other scalars stay on one line.
std::string pretty_json(const boost::json::value& v);

/// Appends `text` as a JSON string, quoted and escaped as Boost.JSON writes it (" \ and
/// control characters escaped; other characters as they are). Bytes that are not UTF-8
/// become U+FFFD, so the JSON stays valid whatever the text holds.
void append_json_string(std::string& out, std::string_view text);

/// Writes JSON text straight into a string, in exactly pretty_json's layout, without
/// building a tree: members and elements are written in the order they are given.
///
///     json_writer w(out);
///     w.begin_object();
///     w.key("ids"); w.strings(ids);
///     w.end_object();
///
/// `indent` is the nesting level the first value is written at (a document placed inside
/// another one's list).
class json_writer {
  public:
    explicit json_writer(std::string& out, int indent = 0) : out_(out), level_(indent) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    /// A list whose elements are objects or lists (each on its own line).
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    /// The key of the next member of the open object.
    void key(std::string_view k) {
        element();
        append_json_string(out_, k);
        out_ += ": ";
        after_key_ = true;
    }

    void value(std::string_view s) {
        element();
        append_json_string(out_, s);
    }
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(bool b) {
        element();
        out_ += b ? "true" : "false";
    }
    void value(std::int64_t n);
    void value(int n) { value(static_cast<std::int64_t>(n)); }
    void value(std::uint32_t n) { value(static_cast<std::int64_t>(n)); }

    /// A number given as JSON number text, e.g. an exact mean written "1.50".
    void number(std::string_view text) {
        element();
        out_ += text;
    }

    /// A list of words, as pretty_json lays out a list of scalars.
    void strings(const std::vector<std::string>& items);

    /// Starts the next value for a caller that writes it itself, in this layout at nesting
    /// level level() (e.g. report::write_json_to for a report inside a batch).
    void begin_value() { element(); }
    int level() const noexcept { return level_; }

  private:
    void newline(int level) {
        // "\n" and the indentation in one append (two spaces a level).
        static constexpr char breaks[] = "\n                                                                ";
        const auto n = 1 + static_cast<std::size_t>(level) * 2;
        if (n < sizeof breaks) {
            out_.append(breaks, n);
        } else {
            out_ += '\n';
            out_.append(n - 1, ' ');
        }
    }
    /// Before a value or key: separator and line break inside an open container.
    void element() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0)
            return;
        if (!first_[depth_ - 1])
            out_ += ',';
        first_[depth_ - 1] = false;
        newline(level_);
    }
    void open(char c) {
        element();
        out_ += c;
        ++level_;
        if (depth_ == sizeof first_)
            throw std::logic_error("json_writer: nested too deeply");
        first_[depth_++] = true;
    }
    void close(char c) {
        --level_;
        if (!first_[--depth_])
            newline(level_);
        out_ += c;
    }

    std::string& out_;
    int level_;
    std::size_t depth_ = 0;
    bool first_[32] = {};
    bool after_key_ = false;
};

/// Parses JSON text (a UTF-8 byte order mark is skipped, nesting is limited to 64
/// levels, the text to max_input_bytes); on failure adds one error with `file`, line and
/// column, saying what is wrong (empty, not text, invalid UTF-8, truncated, too deep,
/// trailing text) and, when given, what was `expected` ("an rco-record/1 JSON object"),
/// and returns nullopt. Well-formed JSON is refused too, with one error per problem at
/// its line, column and JSON Pointer, when a key is given twice in one object, or a
/// string is not valid UTF-8 or holds a control character other than tab and line
/// breaks (escaped ones too: "\u0000", "\u001b").
[[nodiscard]] std::optional<boost::json::value> parse_json(std::string_view text, const std::string& file,
                                             std::vector<diagnostic>& diags, std::string_view expected = {});

/// Line and column (1-based, 0 when not even the document's root is found) of the value
/// each JSON Pointer names in `text` (a document parse_json accepted), or of its nearest
/// enclosing value when it does not exist; for an object member, where its key starts.
/// One pass over the text for all of them.
std::vector<std::pair<std::uint32_t, std::uint32_t>> locate_json_pointers(std::string_view text,
                                                                           const std::vector<std::string>& pointers);

} // namespace rco::io
