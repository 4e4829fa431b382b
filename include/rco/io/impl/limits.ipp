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

constexpr message_def input_too_large_def{"reader.input_too_large",
                                          "the file is {size} bytes, more than the {limit} (64 MiB) a reader accepts; "
                                          "it is not read"};
constexpr message_def more_problems{"reader.more_problems",
                                    "and {count} more problem in this file, not listed (only the first {shown} are)",
                                    "and {count} more problems in this file, not listed (only the first {shown} are)",
                                    "count"};

/// A count written with digit groups in every language ("39,872", "39.872").
message_arg grouped_arg(std::string_view name, std::size_t n) {
    message_arg a{name, static_cast<std::int64_t>(n)};
    a.number = number_style::grouped;
    return a;
}

bool input_too_large(std::string_view text, std::string_view file, std::vector<diagnostic>& diags) {
    if (text.size() <= max_input_bytes)
        return false;
    auto d = make_diagnostic(severity::error, std::string(file), "",
                             {&input_too_large_def, {grouped_arg("size", text.size()), grouped_arg("limit", max_input_bytes)}});
    d.line = d.column = 1;
    diags.push_back(std::move(d));
    return true;
}

void diagnostic_budget::finish(std::vector<diagnostic>& diags, std::string_view file) const {
    if (dropped_ == 0)
        return;
    diags.push_back(make_diagnostic(dropped_error_ ? severity::error : severity::warning, std::string(file), "",
                                    {&more_problems,
                                     {grouped_arg("count", dropped_),
                                      {"shown", static_cast<std::int64_t>(max_diagnostics_per_file)}}}));
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
