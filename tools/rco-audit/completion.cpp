// rco-audit completion bash: the bash completion script, generated from the commands and
// options as registered with CLI11 (so it cannot drift from them). CMake writes it at build
// time and installs it as share/bash-completion/completions/rco-audit.
#include "batch.hpp"
#include "command.hpp"
#include "common.hpp"

#include <algorithm>
#include <memory>

namespace rco::cli {

namespace {

/// Words that may stand in a single-quoted bash word list: anything else is left out.
bool plain_word(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '-' || c == '_' || c == ':';
    });
}

std::string word_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words)
        if (plain_word(w))
            out += (out.empty() ? "" : " ") + w;
    return "-W '" + out + "'";
}

/// The compgen arguments completing an option's value, from how the option is declared:
/// --profile the catalog's profiles, check's --format the report formats, a choice list
/// ({a,b}: CLI::IsMember) its words, a directory (CLI::ExistingDirectory) directories, a
/// number or a date (YYYY-MM-DD) nothing, anything else a file.
std::string value_completion(const CLI::Option& o) {
    const auto type = o.get_type_name();
    const auto& names = o.get_lnames();
    const auto named = [&](const char* n) { return std::find(names.begin(), names.end(), n) != names.end(); };
    if (named("profile")) {
        std::vector<std::string> words;
        for (const auto& p : rco::io::builtin_catalog().profiles)
            words.push_back(p.name);
        return word_list(words);
    }
    if (const auto open = type.find('{'); open != std::string::npos) {
        std::vector<std::string> words;
        const auto close = type.find('}', open);
        std::string list = type.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        for (std::size_t start = 0; start <= list.size();) {
            const auto comma = std::min(list.find(',', start), list.size());
            words.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
        return word_list(words);
    }
    if (type.find("DIR") != std::string::npos)
        return "-d";
    if (type.rfind("INT", 0) == 0 || type.rfind("UINT", 0) == 0 || type.rfind("FLOAT", 0) == 0 ||
        type.rfind("NUMBER", 0) == 0 || o.check_lname("as-of")) // a date: nothing to complete
        return "";
    return "-f";
}

std::string bash_script(const CLI::App& app) {
    std::string commands, cases;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        const auto& name = sub->get_name();
        commands += (commands.empty() ? "" : " ") + name;
        std::vector<std::string> flags;
        std::string values;
        for (const auto* o : sub->get_options()) {
            if (o->get_positional())
                continue;
            std::string pattern;
            for (const auto& n : o->get_lnames()) {
                flags.push_back("--" + n);
                pattern += (pattern.empty() ? "--" : "|--") + n;
            }
            for (const auto& n : o->get_snames()) {
                flags.push_back("-" + n);
                pattern += (pattern.empty() ? "-" : "|-") + n;
            }
            if (o->get_expected_max() == 0 || pattern.empty())
                continue; // a flag: no value
            // check's --format takes FMT or FMT:FILE: the formats, then no space after a colon.
            auto words = name == "check" && pattern.find("--format") != std::string::npos
                             ? [] {
                                   std::vector<std::string> fs;
                                   for (const auto& f : formats)
                                       fs.emplace_back(f.name);
                                   return word_list(fs);
                               }()
                             : value_completion(*o);
            values += "                " + pattern + ") " +
                      (words.empty() ? std::string("return")
                                     : "COMPREPLY=($(compgen " + words + " -- \"$cur\")); return") +
                      " ;;\n";
        }
        std::string positional = "-f";
        if (name == "help")
            positional = "-W \"$commands\"";
        else if (name == "explain") {
            std::vector<std::string> ids;
            for (const auto& c : rco::io::builtin_catalog().checks)
                ids.push_back(c.id);
            positional = word_list(ids);
        } else if (name == "completion")
            positional = "-W 'bash'";
        std::string flag_words;
        for (const auto& f : flags)
            flag_words += (flag_words.empty() ? "" : " ") + f;
        cases += "        " + name + ")\n            case $prev in\n" + values + "            esac\n" +
                 "            if [[ $cur == -* ]]; then\n" + "                COMPREPLY=($(compgen -W '" + flag_words +
                 "' -- \"$cur\"))\n            else\n" + "                COMPREPLY=($(compgen " + positional +
                 " -- \"$cur\"))\n            fi ;;\n";
    }
    return "# bash completion for rco-audit " RCO_VERSION " (generated by: rco-audit completion bash)\n"
           "_rco_audit() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           "    local commands='" +
           commands +
           "' command= i\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           "        [[ ${COMP_WORDS[i]} != -* ]] && { command=${COMP_WORDS[i]}; break; }\n"
           "    done\n"
           "    if [[ -z $command ]]; then\n"
           "        COMPREPLY=($(compgen -W \"$commands --help --version\" -- \"$cur\"))\n"
           "        return\n"
           "    fi\n"
           "    case $command in\n" +
           cases +
           "    esac\n"
           "}\n"
           "complete -o filenames -o bashdefault -F _rco_audit rco-audit\n";
}

} // namespace

command add_completion(CLI::App& app) {
    auto output = std::make_shared<std::string>(), shell = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("completion", "Print the bash completion script (installed as "
                                                 "share/bash-completion/completions/rco-audit)");
    sub->add_option("shell", *shell, "The shell: bash")->check(CLI::IsMember({"bash"}))->required();
    sub->add_option("-o,--output", *output, "Write to FILE (whole or not at all) instead of stdout");
    sub->footer(exit_codes_footer("the script was written", "", "usage error, or the output cannot be written"));
    // Both strings live as long as the command: CLI11 writes the parsed words into them.
    return {sub, [&app, output, shell] { return emit(*output, bash_script(app)); }};
}

} // namespace rco::cli
