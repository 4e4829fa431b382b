// Input errors and warnings as values: where (file, line, column, JSON Pointer) and what.
#pragma once

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
    std::string message;
    /// True for a warning about something the reader does not know and the audit
    /// therefore ignores: an unknown field, element, column or section, or a word outside
    /// its field's vocabulary (`validate` counts them).
    bool unknown = false;
    /// For a syntax error: the input line it is on (raw, or the part of a long line around
    /// the problem), and the 1-based column (in code points) of the problem in it.
    /// format_diagnostic shows it escaped, with a caret under that column.
    std::string source_line{};
    std::uint32_t source_column = 0;
};

/// `file:line:column: error: message (at /pointer)`, the form compilers use, so editors can jump to it.
/// One line, safe to print on a terminal: the file name, message and pointer are passed
/// through terminal_safe (control characters, bidirectional controls and line breaks
/// from an input become visible escapes such as `\x1b` and `\u202e`). With a
/// source_line, two more lines follow, indented by four spaces: that line, escaped the
/// same way, and a caret (`^`) under the column.
std::string format_diagnostic(const diagnostic& d);

/// True when `pointer` (a JSON Pointer) is a person's entry or inside one: a board
/// member (/board/members…) or a peer worker (/peer_workers…). A value there may be a
/// person's id or name, or say something about their recovery.
bool is_person_pointer(std::string_view pointer) noexcept;

/// How a message quotes the value found at `pointer`: `quoted` itself, or, for a
/// person's field (is_person_pointer) unless `show_names`, words that say the value is
/// not shown. The one place readers decide whether an error may echo a value.
std::string quote_value(std::string_view pointer, std::string quoted, bool show_names);

/// True when a board member's or peer worker's id looks like a person's name rather
/// than a code: two or more capitalised words ("Jane Doe", "J. Smith", "Doe, Jane",
/// "Mary-Ann O'Brien"), or an email address. Ids with a digit never do ("b01", "Seat 3").
bool looks_like_a_name(std::string_view id) noexcept;

/// The warning for such an id (privacy: the id is quoted only with `show_names`).
std::string name_like_id_message(std::string_view id, bool show_names);

/// True when any diagnostic is an error.
bool has_errors(const std::vector<diagnostic>& diags) noexcept;

} // namespace rco
