// rco-audit: the command line. Nothing but wiring: files in, library calls, files out.
// Each command is one file (check.cpp, validate.cpp, ...) registering itself with an
// add_NAME function; this file parses the command line and runs the command chosen.
#include "command.hpp"

#include "rco/rco.hpp"

#include <algorithm>
#include <iostream>
#include <vector>

#include <malloc.h>

using namespace rco::cli;

int main(int argc, char** argv) {
    // glibc gives memory back to the system as soon as 128 KiB lie free at the top of a heap,
    // and a batch frees a record's report just before the next one needs as much again: each
    // time it came back page by page, 5,000 to 15,000 page faults in a batch of 2,000 records
    // (a fault costs microseconds on a virtual machine). Kept up to 64 MiB, they are ~1,200;
    // the peak memory is unchanged (what is kept is reused, not added).
    ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
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
