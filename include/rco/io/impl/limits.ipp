#pragma once

#include "rco/io/limits.hpp"

#include <string>

namespace rco::io::detail {

std::string group_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

bool input_too_large(std::string_view text, std::string_view file, std::vector<diagnostic>& diags) {
    if (text.size() <= max_input_bytes)
        return false;
    diags.push_back({severity::error, std::string(file), 1, 1, "",
                     "the file is " + group_thousands(text.size()) + " bytes, more than the " +
                         group_thousands(max_input_bytes) + " (64 MiB) a reader accepts; it is not read"});
    return true;
}

void diagnostic_budget::finish(std::vector<diagnostic>& diags, std::string_view file) const {
    if (dropped_ == 0)
        return;
    diags.push_back({dropped_error_ ? severity::error : severity::warning, std::string(file), 0, 0, "",
                     "and " + group_thousands(dropped_) + " more problem" + (dropped_ == 1 ? "" : "s") +
                         " in this file, not listed (only the first " + std::to_string(max_diagnostics_per_file) +
                         " are)"});
}

void cap_diagnostics(std::vector<diagnostic>& diags, std::size_t first, std::string_view file) {
    if (first > diags.size() || diags.size() - first <= max_diagnostics_per_file)
        return;
    diagnostic_budget budget;
    std::size_t keep = first;
    for (std::size_t i = first; i < diags.size(); ++i)
        if (budget.admit(diags[i].severity))
            diags[keep++] = std::move(diags[i]);
    diags.erase(diags.begin() + static_cast<std::ptrdiff_t>(keep), diags.end());
    budget.finish(diags, file);
}

} // namespace rco::io::detail
