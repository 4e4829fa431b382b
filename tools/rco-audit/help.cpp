// rco-audit help [COMMAND]: the same help as `rco-audit COMMAND --help`; and what the
// program says about a command it does not know.
#include "command.hpp"

#include "rco/escape.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <numeric>
#include <vector>

namespace rco::cli {

namespace {

/// Edits (insertions, deletions, substitutions, swaps of neighbours) from a to b.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    std::iota(d[0].begin(), d[0].end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

} // namespace

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

std::string unknown_command_message(const CLI::App& app, std::string_view name) {
    std::string out = "rco-audit: error: unknown command '" + rco::terminal_safe(name) + "'";
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto names = command_names(app);
    std::string best; // the nearest within a third of the word's length (at least 2 edits), else one it begins
    std::size_t best_distance = std::max<std::size_t>(2, lower.size() / 3) + 1;
    for (const auto& known : names)
        if (const auto d = edit_distance(lower, known); d < best_distance)
            best = known, best_distance = d;
    for (const auto& known : names)
        if (best.empty() && lower.size() >= 2 && known.starts_with(lower))
            best = known;
    if (!best.empty())
        out += "; did you mean '" + best + "'?";
    out += "\nRun 'rco-audit --help' for the list of commands.\n";
    return out;
}

command add_help(CLI::App& app) {
    auto topic = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("help", "Show a command's help (rco-audit help check), or the program's");
    sub->add_option("command", *topic, "The command");
    sub->footer(exit_codes_footer("the help was shown", "", "usage error: no such command"));
    return {sub, [&app, topic] {
                if (topic->empty()) {
                    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
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
