// rco-audit: what the program does differently on a terminal: colour (--color, NO_COLOR),
// the text report's width, --quiet. Files are never coloured and always the fixed width.
#pragma once

#include "rco/message.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace rco::cli {

/// The text report's width when it is not written to a terminal (files, pipes): deterministic.
inline constexpr std::size_t file_text_width = 88;

/// The terminal options of the running command (one command runs per process).
struct terminal_options {
    bool quiet = false;          ///< no progress bar, no tally, no warnings: errors only
    std::string color = "auto";  ///< auto, always or never
};

terminal_options& terminal_settings();

/// --quiet and --color WHEN, for a command that prints reports or messages.
void add_terminal_options(CLI::App& sub);

/// Whether what goes to `fd` (1 or 2) is coloured: --color always; auto: `fd` is a terminal,
/// NO_COLOR is unset or empty and TERM is not "dumb"; never.
bool colour_on(int fd);

/// Whether an output ("" or "-": standard output) is a terminal.
bool output_is_terminal(const std::string& output);

/// The text report's width for an output: the terminal's columns (at least 40) when it is
/// one, else file_text_width.
std::size_t text_width(const std::string& output);

/// A text report with its verdicts coloured (the RESULT line, each standard's result, each
/// check's status) and its headings bold, in ANSI escapes.
std::string colour_report(std::string_view text);

/// A diagnostic line with its "error:" or "warning:" (in `lang`: "advertencia:") coloured.
std::string colour_diagnostic(std::string_view line, const rco::message_language& lang);

} // namespace rco::cli
