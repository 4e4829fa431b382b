// Input errors and warnings as values: where (file, line, column, JSON Pointer) and what.
#pragma once

#include <cstdint>
#include <string>
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
std::string format_diagnostic(const diagnostic& d);

/// True when any diagnostic is an error.
bool has_errors(const std::vector<diagnostic>& diags) noexcept;

} // namespace rco
