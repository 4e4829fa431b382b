// rco-audit: the command line. Nothing but wiring: files in, library calls, files out.
// Each command is one file (check.cpp, validate.cpp, ...) registering itself with an
// add_NAME function; this file parses the command line and runs the command chosen.
#include "command.hpp"

#include "rco/rco.hpp"

#include <algorithm>
#include <iostream>
#include <vector>

using namespace rco::cli;

int main(int argc, char** argv) {
    rco::io::remove_temporaries_on_signals(); // a killed run leaves no temporary file behind
    CLI::App app{"rco-audit " RCO_VERSION ": " + std::string(program_summary)};
    app.footer(exit_codes_help);
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("rco-audit ") + RCO_VERSION);

    const std::vector<command> commands = {
        add_check(app),      add_validate(app), add_rules(app), add_explain(app), add_diff(app),
        add_convert(app),    add_import_990(app), add_init(app), add_review_sheet(app), add_completion(app), add_help(app),
    };

    if (const auto& lang = help_language(argc, argv); &lang != &rco::english())
        translate_help(app, lang);

    // The first word that is not an option names the command: a misspelled one gets a suggestion.
    if (argc > 1 && argv[1][0] != '-') {
        const auto names = command_names(app);
        if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
            std::cerr << unknown_command_message(app, argv[1]);
            return exit_input_error;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_met : exit_input_error;
    }

    try {
        for (const auto& c : commands)
            if (c.app->parsed())
                return c.run();
    } catch (const rco::audit_error& e) {
        std::cerr << "rco-audit: error: " << e.what() << "\n";
        return exit_input_error;
    } catch (const std::exception& e) {
        std::cerr << "rco-audit: internal error: " << e.what() << "\n";
        return exit_input_error;
    }
    return exit_input_error;
}
