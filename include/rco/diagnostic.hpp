// Input errors and warnings as values: where (file, line, column, JSON Pointer) and what.
#pragma once

#include "rco/message.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

enum class severity { error, warning };

/// One problem with an input. `line`/`column` are 1-based; 0 when unknown.
struct diagnostic {
    rco::severity severity = severity::error;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string pointer; ///< JSON Pointer (or element path for XML), empty when not applicable
    std::string message; ///< in English (`text` rendered in English when there is one)
    /// True for a warning about something the reader does not know and the audit
    /// therefore ignores: an unknown field, element, column or section, or a word outside
    /// its field's vocabulary (`validate` counts them).
    bool unknown = false;
    /// For a syntax error: the input line it is on (raw, or the part of a long line around
    /// the problem), and the 1-based column (in code points) of the problem in it.
    /// format_diagnostic shows it escaped, with a caret under that column.
    std::string source_line{};
    std::uint32_t source_column = 0;
    /// The message as a message id with arguments, for another language; empty for a
    /// message given only in English (`message`), which every language then prints.
    rco::message text{};

    /// Sets the message: `m` in `text`, its English in `message`.
    diagnostic& say(rco::message m);
};

/// A diagnostic of `severity` at `file`, `pointer` saying `m` (line and column unknown).
[[nodiscard]] diagnostic make_diagnostic(rco::severity severity, std::string file, std::string pointer, rco::message m);

/// `file:line:column: error: message (at /pointer)`, the form compilers use, so editors can jump to it.
/// One line, safe to print on a terminal: the file name, message and pointer are passed
/// through terminal_safe (control characters, bidirectional controls and line breaks
/// from an input become visible escapes such as `\x1b` and `\u202e`). With a
/// source_line, two more lines follow, indented by four spaces: that line, escaped the
/// same way, and a caret (`^`) under the column.
/// In `lang`, the message is `text` rendered in that language ("advertencia" for warning,
/// "(en /pointer)"); file, line, column and pointer are the same in every language.
std::string format_diagnostic(const diagnostic& d);
std::string format_diagnostic(const diagnostic& d, const message_language& lang);

/// "error" or "warning" in `lang` ("error", "advertencia").
std::string severity_word(rco::severity s, const message_language& lang);

/// The diagnostic's message in `lang`: `text` rendered, or the English `message`.
std::string diagnostic_message(const diagnostic& d, const message_language& lang);

/// True when `pointer` (a JSON Pointer) is a person's entry or inside one: a board
/// member (/board/members…) or a peer worker (/peer_workers…). A value there may be a
/// person's id or name, or say something about their recovery.
bool is_person_pointer(std::string_view pointer) noexcept;

/// How a message quotes the value found at `pointer`: `quoted` itself, or, for a
/// person's field (is_person_pointer) unless `show_names`, words that say the value is
/// not shown. quoted_value_arg is the one place readers decide whether an error may echo
/// a value; quote_value is its decision in English words.
std::string quote_value(std::string_view pointer, std::string quoted, bool show_names);

/// The argument `name` of a message quoting the value at `pointer`: `quoted` itself
/// (text), or the words saying it is not shown (a message).
[[nodiscard]] message_arg quoted_value_arg(std::string_view name, std::string_view pointer, std::string quoted,
                                           bool show_names);

/// True when a board member's or peer worker's id looks like a person's name rather
/// than a code: two or more capitalised words ("Jane Doe", "J. Smith", "Doe, Jane",
/// "Mary-Ann O'Brien"), or an email address. Ids with a digit never do ("b01", "Seat 3").
bool looks_like_a_name(std::string_view id) noexcept;

/// The warning for such an id (privacy: the id is quoted only with `show_names`).
[[nodiscard]] message name_like_id(std::string_view id, bool show_names);

/// True when any diagnostic is an error.
bool has_errors(const std::vector<diagnostic>& diags) noexcept;

} // namespace rco
