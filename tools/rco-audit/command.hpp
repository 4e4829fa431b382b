// rco-audit: what every command file shares: the command table's row, the exit codes,
// the options several commands take, and the functions that register each command.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace rco::cli {

constexpr int exit_met = 0;
constexpr int exit_not_met = 1;
constexpr int exit_input_error = 2;

/// The exit codes as check's and the program's help list them.
extern const char* const exit_codes_help;

/// A registered subcommand and what runs it once the command line is parsed.
struct command {
    CLI::App* app;
    std::function<int()> run;
};

/// --rules DIR: a directory replacing the built-in catalog.
void add_rules_option(CLI::App& sub, std::string& rules_dir);

// One per command file, in the order `rco-audit --help` lists them.
command add_check(CLI::App& app);
command add_validate(CLI::App& app);
command add_rules(CLI::App& app);
command add_explain(CLI::App& app);
command add_diff(CLI::App& app);
command add_convert(CLI::App& app);
command add_import_990(CLI::App& app);
command add_init(CLI::App& app);

} // namespace rco::cli
