// rco-audit validate: read records and report their errors and warnings, without auditing.
#include "command.hpp"
#include "common.hpp"
#include "terminal.hpp"

#include <iostream>
#include <memory>

namespace rco::cli {

struct validate_options {
    std::vector<std::string> files;
    std::string roster;    ///< a CSV board roster checked with the record
    std::string documents; ///< the folder documents[].path is resolved in (default: the record's)
};

int run_validate(const validate_options& opt) {
    int worst = exit_met;
    for (const auto& file : opt.files) {
        auto loaded = load_record(file, {opt.roster, opt.documents});
        print_diagnostics(loaded.diagnostics);
        std::size_t warnings = 0, ignored = 0;
        for (const auto& d : loaded.diagnostics) {
            warnings += d.severity == rco::severity::warning;
            ignored += d.unknown;
        }
        if (!loaded.record) {
            std::cout << shown_name(file) << ": invalid\n";
            worst = exit_input_error;
        } else if (!terminal_settings().quiet) {
            std::cout << shown_name(file) << ": valid rco-record/1";
            if (warnings)
                std::cout << " (" << warnings << (warnings == 1 ? " warning" : " warnings") << ")";
            // Unknown fields and words: read past, so they count for nothing in an audit.
            if (ignored == 0)
                std::cout << "; no unknown field or word ignored\n";
            else
                std::cout << "; " << ignored << (ignored == 1 ? " unknown field or word" : " unknown fields or words")
                          << " ignored\n";
        }
    }
    return worst;
}

command add_validate(CLI::App& app) {
    auto opt = std::make_shared<validate_options>();
    auto* sub = app.add_subcommand("validate", "Read records and report errors and warnings, without auditing");
    sub->add_option("files", opt->files, "Record files")->required();
    sub->add_option("--roster", opt->roster, "CSV board roster to check with the record")->check(CLI::ExistingFile);
    sub->add_option("--documents", opt->documents,
                    "Folder in which documents[].path is resolved (default: the record's own folder)")
        ->check(CLI::ExistingDirectory);
    add_terminal_options(*sub);
    sub->footer(exit_codes_footer("every file is valid", "", "a file is missing or invalid (the other files are still read), or a usage error"));
    return {sub, [opt] { return run_validate(*opt); }};
}

} // namespace rco::cli
