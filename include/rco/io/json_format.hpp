// Deterministic, indented JSON text for reports and records.
#pragma once

#include "rco/diagnostic.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <cstring>
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
///
/// The text is staged in a buffer of the writer's and appended to `out` in large pieces:
/// `out` holds everything written when the outermost value is complete, after
/// begin_value() and flush(), and when the writer is destroyed; in between it may lag.
class json_writer {
  public:
    explicit json_writer(std::string& out, int indent = 0) : out_(out), level_(indent) {}
    json_writer(const json_writer&) = delete;
    json_writer& operator=(const json_writer&) = delete;
    /// Appends what is still staged (call flush() first to see a std::bad_alloc from it).
    ~json_writer() { flush(); }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    /// A list whose elements are objects or lists (each on its own line).
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    /// The key of the next member of the open object.
    void key(std::string_view k) {
        element();
        quoted(k);
        put(": ", 2);
        after_key_ = true;
    }

    void value(std::string_view s) {
        element();
        quoted(s);
        done();
    }
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(bool b) {
        element();
        if (b)
            put("true", 4);
        else
            put("false", 5);
        done();
    }
    void value(std::int64_t n);
    void value(int n) { value(static_cast<std::int64_t>(n)); }
    void value(std::uint32_t n) { value(static_cast<std::int64_t>(n)); }

    /// A number given as JSON number text, e.g. an exact mean written "1.50".
    void number(std::string_view text) {
        element();
        put(text.data(), text.size());
        done();
    }

    /// A list of words, as pretty_json lays out a list of scalars: any range whose
    /// elements convert to std::string_view (strings, views, rco::json_pointer); the
    /// vector overload also takes a braced list, `strings({})`.
    void strings(const std::vector<std::string>& items) { string_list(items); }
    template <class Range>
    void strings(const Range& items) { string_list(items); }

    /// Starts the next value for a caller that writes it itself into the string, in this
    /// layout at nesting level level() (e.g. report::write_json_to for a report inside a
    /// batch). Everything written so far is in the string when it returns.
    void begin_value() {
        element();
        flush();
    }
    int level() const noexcept { return level_; }

    /// Appends the staged text to the string.
    void flush() {
        if (pos_ != 0) {
            out_.append(buf_, pos_);
            pos_ = 0;
        }
    }

  private:
    static constexpr std::size_t capacity = 4096;
    /// Texts up to this long are checked and copied into the buffer in one go.
    static constexpr std::size_t short_text = 128;

    /// Room for `n` bytes (at most `capacity`) at the end of the staged text.
    char* room(std::size_t n) {
        if (capacity - pos_ < n)
            flush();
        return buf_ + pos_;
    }
    void put(const char* p, std::size_t n) {
        if (n > capacity / 4) {
            flush();
            out_.append(p, n);
            return;
        }
        std::memcpy(room(n), p, n);
        pos_ += n;
    }
    void put(char c) {
        *room(1) = c;
        ++pos_;
    }
    /// `s` as a JSON string (append_json_string's escaping).
    void quoted(std::string_view s);
    template <class Range>
    void string_list(const Range& items) {
        const auto n = static_cast<std::size_t>(std::size(items));
        if (n == 0) {
            element();
            put("[]", 2);
            done();
            return;
        }
        if (n <= 12) { // as pretty_json: a short list of scalars stays on one line
            element();
            put('[');
            bool first = true;
            for (const auto& s : items) {
                if (!first)
                    put(", ", 2);
                first = false;
                quoted(std::string_view(s));
            }
            put(']');
            done();
            return;
        }
        begin_array();
        for (const auto& s : items)
            value(std::string_view(s));
        end_array();
    }

    /// After a value: a complete document goes to the string at once.
    void done() {
        if (depth_ == 0)
            flush();
    }
    void newline(int level) {
        // "\n" and the indentation (two spaces a level).
        const std::size_t n = 1 + static_cast<std::size_t>(level < 0 ? 0 : level) * 2;
        if (n > capacity / 4) {
            flush();
            out_ += '\n';
            out_.append(n - 1, ' ');
            return;
        }
        if (n <= 32) {
            // The usual depth: 32 bytes stored at once (a constant size, so no call to
            // memset), the ones past the indentation overwritten by what follows.
            static constexpr char blanks[33] = "\n                               ";
            char* p = room(32);
            std::memcpy(p, blanks, 32);
            pos_ += n;
            return;
        }
        char* p = room(n);
        p[0] = '\n';
        std::memset(p + 1, ' ', n - 1);
        pos_ += n;
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
            put(',');
        first_[depth_ - 1] = false;
        newline(level_);
    }
    void open(char c) {
        element();
        put(c);
        ++level_;
        if (depth_ == sizeof first_)
            throw std::logic_error("json_writer: nested too deeply");
        first_[depth_++] = true;
    }
    void close(char c) {
        --level_;
        if (!first_[--depth_])
            newline(level_);
        put(c);
        done();
    }

    std::string& out_;
    int level_;
    std::size_t depth_ = 0;
    bool first_[32] = {};
    bool after_key_ = false;
    std::size_t pos_ = 0;
    char buf_[capacity];
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
