// rco-audit help [COMMAND]: the same help as `rco-audit COMMAND --help`; and what the
// program says about a command it does not know.
#include "command.hpp"
#include "common.hpp"

#include "rco/escape.hpp"
#include "rco/i18n.hpp"
#include "rco/vocabularies.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
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

/// The context of the help's texts in the translations (msgctxt): every description,
/// exit code and group name, its English the msgid.
constexpr std::string_view help_context = "cli.help";

// CLI11's own words in the help, by the label CLI11 looks them up by.
constexpr rco::message_def label_usage{"cli.help.label.usage", "Usage"};
constexpr rco::message_def label_options{"cli.help.label.options", "OPTIONS"};
constexpr rco::message_def label_subcommand{"cli.help.label.subcommand", "SUBCOMMAND"};
constexpr rco::message_def label_subcommands{"cli.help.label.subcommands", "SUBCOMMANDS"};
constexpr rco::message_def label_positionals{"cli.help.label.positionals", "Positionals"};
constexpr rco::message_def label_required{"cli.help.label.required", "REQUIRED"};
constexpr rco::message_def label_text{"cli.help.label.text", "TEXT"};
constexpr rco::message_def label_whole{"cli.help.label.int", "INT"};
constexpr rco::message_def label_unsigned{"cli.help.label.uint", "UINT"};
constexpr rco::message_def label_file{"cli.help.label.file", "FILE"};
constexpr rco::message_def label_dir{"cli.help.label.dir", "DIR"};
constexpr rco::message_def label_in{"cli.help.label.in", "in"}; // "UINT in [1 - 1024]"
constexpr rco::message_def exit_codes_heading{"cli.help.exit_codes", "Exit codes:"};

/// An option's type as CLI11 writes it ("TEXT:FILE", "UINT:UINT in [1 - 1024]",
/// "TEXT:{auto,always,never}") with its words in `lang`; the values in braces stay.
std::string translated_type(std::string_view type, const rco::message_language& lang) {
    std::string out;
    for (std::size_t i = 0; i < type.size();) {
        if (type[i] == '{') { // the accepted words, as they are
            const auto end = type.find('}', i);
            const auto n = end == std::string_view::npos ? type.size() - i : end + 1 - i;
            out += type.substr(i, n);
            i += n;
            continue;
        }
        if (!std::isalpha(static_cast<unsigned char>(type[i]))) {
            out += type[i++];
            continue;
        }
        std::size_t j = i;
        while (j < type.size() && std::isalpha(static_cast<unsigned char>(type[j])))
            ++j;
        const auto word = type.substr(i, j - i);
        const rco::message_def* def = nullptr;
        for (const auto* d : {&label_text, &label_whole, &label_unsigned, &label_file, &label_dir, &label_in})
            if (d->one == word)
                def = d;
        out += def ? lang.pattern(*def, 0) : std::string(word);
        i = j;
    }
    return out;
}

std::string help_text(const rco::message_language& lang, const std::string& english) {
    return std::string(rco::i18n::text(lang, help_context, english));
}

/// A footer "Exit codes:\n  0  ...\n  1  ...\n  2  ..." (as exit_codes_footer makes it) with
/// the heading and each code's text in `lang`; a code's text may go on over lines indented
/// by five spaces.
std::string translated_footer(const std::string& footer, const rco::message_language& lang) {
    constexpr std::string_view head = "Exit codes:\n";
    if (!std::string_view(footer).starts_with(head))
        return help_text(lang, footer);
    const std::string body = "\n" + footer.substr(head.size());
    const auto entry_at = [&](std::size_t p) { // "\n  N  " starts an entry
        return body.compare(p, 3, "\n  ") == 0 && p + 5 < body.size() &&
               std::isdigit(static_cast<unsigned char>(body[p + 3])) && body.compare(p + 4, 2, "  ") == 0;
    };
    std::string out = lang.pattern(exit_codes_heading, 0);
    for (std::size_t p = 0; p < body.size();) {
        if (!entry_at(p))
            return help_text(lang, footer); // not the usual layout: the whole, if translated
        std::size_t end = p + 1;
        while (end < body.size() && !entry_at(end))
            ++end;
        out += body.substr(p, 6) + help_text(lang, body.substr(p + 6, end - p - 6));
        p = end;
    }
    return out;
}

void translate_app(CLI::App& app, const rco::message_language& lang) {
    const std::string prefix = "rco-audit " RCO_VERSION ": ";
    const auto description = app.get_description();
    if (description.starts_with(prefix))
        app.description(prefix + help_text(lang, description.substr(prefix.size())));
    else if (!description.empty())
        app.description(help_text(lang, description));
    if (const auto footer = app.get_footer(); !footer.empty())
        app.footer(translated_footer(footer, lang));
    auto& formatter = *app.get_formatter();
    for (auto* option : app.get_options()) {
        option->description(help_text(lang, option->get_description()));
        if (const auto type = option->get_type_name(); !type.empty())
            formatter.label(type, translated_type(type, lang));
        if (!option->get_group().empty())
            option->group(help_text(lang, option->get_group()));
    }
    for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        sub->group(help_text(lang, sub->get_group()));
        translate_app(*sub, lang);
    }
}

} // namespace

const rco::message_language& help_language(int argc, const char* const* argv) {
    std::string_view tag;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--")
            break;
        if (a == "--lang" && i + 1 < argc)
            tag = argv[i + 1];
        else if (a.starts_with("--lang="))
            tag = a.substr(7);
    }
    if (tag.empty())
        if (const char* env = std::getenv(lang_environment))
            tag = env;
    const auto* lang = tag.empty() ? nullptr : rco::i18n::find(tag);
    return lang ? *lang : rco::english();
}

void translate_help(CLI::App& app, const rco::message_language& lang) {
    auto& f = *app.get_formatter();
    for (const auto* def : {&label_usage, &label_options, &label_subcommand, &label_subcommands, &label_positionals,
                            &label_required})
        f.label(std::string(def->one), lang.pattern(*def, 0));
    f.column_width(32); // "files TEXTO ... OBLIGATORIO" and its description apart
    translate_app(app, lang);
}

command add_help(CLI::App& app) {
    auto topic = std::make_shared<std::string>();
    auto all = std::make_shared<bool>(false);
    auto lang = std::make_shared<std::string>(); // read before parsing (help_language); kept for CLI11
    auto* sub = app.add_subcommand("help", "Show a command's help (rco-audit help check), or the program's");
    sub->add_option("command", *topic, "The command");
    sub->add_flag("--all", *all, "The program's help, then every command's (the manual page is made from it)");
    add_lang_option(*sub, *lang);
    sub->footer(exit_codes_footer("the help was shown", "", "usage error: no such command"));
    return {sub, [&app, topic, all, lang] {
                if (!language_for(*lang)) // the help is already in the language (help_language)
                    return exit_input_error;
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
