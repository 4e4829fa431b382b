// rco-audit help [COMMAND]: the same help as `rco-audit COMMAND --help`; and what the
// program says about a command it does not know.
#include "command.hpp"

#include "rco/escape.hpp"
#include "rco/vocabularies.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <vector>

namespace rco::cli {

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

std::string unknown_command_message(const CLI::App& app, std::string_view name) {
    std::string out = "rco-audit: error: unknown command '" + rco::terminal_safe(name) + "'";
    const auto best = rco::closest_word(name, command_names(app)); // the one place for "did you mean"
    if (best)
        out += "; did you mean '" + *best + "'?";
    out += "\nRun 'rco-audit --help' for the list of commands.\n";
    return out;
}

namespace {

/// A command's help as a section of `help --all`: "check:" over its description, then its
/// usage, and its headings named after it ("check options:"), so that help2man makes one
/// titled part of the manual page of each.
std::string every_help_section(const CLI::App& sub) {
    const auto& name = sub.get_name();
    auto text = sub.help("rco-audit");
    const auto first = text.find('\n');
    text = name + ":\n  " + text.substr(0, first) + "\n\n" + text.substr(first + 1);
    for (const auto& [heading, named] : {std::pair<std::string, std::string>{"\nPositionals:\n", " arguments:\n"},
                                         {"\nOptions:\n", " options:\n"},
                                         {"\nExit codes:\n", " exit codes:\n"}})
        if (const auto at = text.find(heading); at != std::string::npos)
            text.replace(at, heading.size(), "\n" + name + named);
    return text;
}

} // namespace

command add_help(CLI::App& app) {
    auto topic = std::make_shared<std::string>();
    auto all = std::make_shared<bool>(false);
    auto* sub = app.add_subcommand("help", "Show a command's help (rco-audit help check), or the program's");
    sub->add_option("command", *topic, "The command");
    sub->add_flag("--all", *all, "The program's help, then every command's (the manual page is made from it)");
    sub->footer(exit_codes_footer("the help was shown", "", "usage error: no such command"));
    return {sub, [&app, topic, all] {
                if (topic->empty()) {
                    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
                    if (*all)
                        for (const auto& name : command_names(app))
                            std::cout << "\n" << every_help_section(*app.get_subcommand(name));
                    return exit_met;
                }
                const auto names = command_names(app);
                if (std::find(names.begin(), names.end(), *topic) == names.end()) {
                    std::cerr << unknown_command_message(app, *topic);
                    return exit_input_error;
                }
                std::cout << app.get_subcommand(*topic)->help(app.get_name());
                return exit_met;
            }};
}

} // namespace rco::cli
