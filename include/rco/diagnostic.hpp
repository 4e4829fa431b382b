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
};

/// `file:line:column: error: message (at /pointer)`, the form compilers use, so editors can jump to it.
/// One line, safe to print on a terminal: the file name, message and pointer are passed
/// through terminal_safe (control characters, bidirectional controls and line breaks
/// from an input become visible escapes such as `\x1b` and `\u202e`).
std::string format_diagnostic(const diagnostic& d);

/// True when `pointer` (a JSON Pointer) is a person's entry or inside one: a board
/// member (/board/members…) or a peer worker (/peer_workers…). A value there may be a
/// person's id or name, or say something about their recovery.
bool is_person_pointer(std::string_view pointer) noexcept;

/// How a message quotes the value found at `pointer`: `quoted` itself, or, for a
/// person's field (is_person_pointer) unless `show_names`, words that say the value is
/// not shown. The one place readers decide whether an error may echo a value.
std::string quote_value(std::string_view pointer, std::string quoted, bool show_names);

/// True when any diagnostic is an error.
bool has_errors(const std::vector<diagnostic>& diags) noexcept;

} // namespace rco
