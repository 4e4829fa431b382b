// rco-audit: what every command file shares: the command table's row, the exit codes,
// the options several commands take, and the functions that register each command.
#pragma once

#include "rco/message.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::cli {

constexpr int exit_met = 0;
constexpr int exit_not_met = 1;
constexpr int exit_input_error = 2;

/// Every command's exit codes, as `rco-audit --help` lists them.
extern const std::string exit_codes_help;

/// What the program does, after its name and version at the top of `rco-audit --help`.
inline constexpr std::string_view program_summary =
    "check a Recovery Community Organization's record against the ten national RCO standards";

/// What exit code 2 means for a command that reads and writes files.
inline constexpr std::string_view usage_or_input_error =
    "usage or input error: a file is missing, unreadable or malformed, or an output cannot be written";

/// A command's help footer listing only its own exit codes (`one` empty: it never exits with 1).
std::string exit_codes_footer(std::string_view zero, std::string_view one, std::string_view two = usage_or_input_error);

/// A registered subcommand and what runs it once the command line is parsed.
struct command {
    CLI::App* app;
    std::function<int()> run;
};

/// How another command (diff) has a record audited: check's options of the same names.
struct audit_settings {
    std::string profile = "national";
    bool profile_given = false;
    std::string as_of, rules_dir, tailoring_path;
};

/// The JSON report (rco-audit-report/1) `check FILE --format json` writes with these
/// settings, by check's own code; nullopt after printing why not (check.cpp).
std::optional<std::string> json_report(const std::string& file, const audit_settings& how);

/// --rules DIR: a directory replacing the built-in catalog.
void add_rules_option(CLI::App& sub, std::string& rules_dir);

/// The environment variable giving the language when --lang is not given.
inline constexpr const char* lang_environment = "RCO_AUDIT_LANG";

/// --lang LANG: the language of what the command prints for people ("en", "es", "es-MX").
void add_lang_option(CLI::App& sub, std::string& lang);

// One per command file, in the order `rco-audit --help` lists them.
command add_check(CLI::App& app);
command add_validate(CLI::App& app);
command add_rules(CLI::App& app);
command add_explain(CLI::App& app);
command add_diff(CLI::App& app);
command add_convert(CLI::App& app);
command add_import_990(CLI::App& app);
command add_init(CLI::App& app);
command add_help(CLI::App& app);
command add_review_sheet(CLI::App& app);
command add_completion(CLI::App& app);

/// The language `--help` speaks, known before the command line is parsed: the value of a
/// --lang anywhere on it, else the RCO_AUDIT_LANG environment variable; English when
/// neither names a language rco-audit speaks (the command then says why, once parsed).
const rco::message_language& help_language(int argc, const char* const* argv);

/// Puts the program's help (every command's description, options, exit codes and CLI11's
/// headings) into `lang`: each text's translation filed under "cli.help", English where
/// there is none.
void translate_help(CLI::App& app, const rco::message_language& lang);

/// The names of the program's commands.
std::vector<std::string> command_names(const CLI::App& app);

/// "rco-audit: error: unknown command 'chek'; did you mean 'check'?" and where the list is.
std::string unknown_command_message(const CLI::App& app, std::string_view name);

} // namespace rco::cli
