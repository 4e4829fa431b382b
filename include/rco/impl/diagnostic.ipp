#pragma once

#include "rco/diagnostic.hpp"
#include "rco/escape.hpp"

namespace rco {

std::string format_diagnostic(const diagnostic& d) {
    std::string out = d.file.empty() ? std::string("<input>") : terminal_safe(d.file);
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0)
            out += ':' + std::to_string(d.column);
    }
    out += d.severity == severity::error ? ": error: " : ": warning: ";
    out += terminal_safe(d.message);
    if (!d.pointer.empty())
        out += " (at " + terminal_safe(d.pointer) + ")";
    return out;
}

bool has_errors(const std::vector<diagnostic>& diags) noexcept {
    for (const auto& d : diags)
        if (d.severity == severity::error)
            return true;
    return false;
}

namespace {
/// `pointer` is `prefix` or lies under it.
bool within(std::string_view pointer, std::string_view prefix) noexcept {
    return pointer.substr(0, prefix.size()) == prefix && (pointer.size() == prefix.size() || pointer[prefix.size()] == '/');
}
} // namespace

bool is_person_pointer(std::string_view pointer) noexcept {
    return within(pointer, "/board/members") || within(pointer, "/peer_workers");
}

std::string quote_value(std::string_view pointer, std::string quoted, bool show_names) {
    if (show_names || !is_person_pointer(pointer))
        return quoted;
    return within(pointer, "/board/members")
               ? "a value not shown here (it may identify a board member; --show-names shows it)"
               : "a value not shown here (it may identify a peer worker; --show-names shows it)";
}

} // namespace rco
