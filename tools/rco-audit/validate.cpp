// rco-audit validate: read records and report their errors and warnings, without auditing.
#include "batch.hpp"
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
    bool every_warning = false; ///< no warning gathered with a count
    std::string lang;           ///< --lang (else RCO_AUDIT_LANG): the words of the messages and status lines
};

namespace {
constexpr rco::message_def file_invalid{"cli.validate.invalid", "{file}: invalid"};
constexpr rco::message_def file_valid{"cli.validate.valid", "{file}: valid rco-record/1"};
constexpr rco::message_def file_warnings{"cli.validate.warnings", " ({count} warning)", " ({count} warnings)", "count"};
constexpr rco::message_def nothing_ignored{"cli.validate.nothing_ignored", "; no unknown field or word ignored"};
constexpr rco::message_def unknown_ignored{"cli.validate.unknown_ignored", "; {count} unknown field or word ignored",
                                           "; {count} unknown fields or words ignored", "count"};
constexpr rco::message_def batch_line{
    "cli.validate.batch", "rco-audit: {count} record read: {valid} valid ({with_warnings} with warnings), {invalid} invalid",
    "rco-audit: {count} records read: {valid} valid ({with_warnings} with warnings), {invalid} invalid", "count"};
} // namespace

int run_validate(const validate_options& opt) {
    if (!language_for(opt.lang))
        return exit_input_error;
    const auto files = find_records(opt.files); // folders as check expands them
    if (!files)
        return exit_input_error;
    const bool batch = is_batch(opt.files, *files), quiet = terminal_settings().quiet;
    run_messages messages(batch && !opt.every_warning);
    std::size_t valid = 0, with_warnings = 0;
    int worst = exit_met;
    for (const auto& file : *files) {
        auto loaded = load_record(file, {opt.roster, opt.documents});
        messages.add(loaded.diagnostics);
        std::size_t warnings = 0, ignored = 0;
        for (const auto& d : loaded.diagnostics) {
            warnings += d.severity == rco::severity::warning;
            ignored += d.unknown;
        }
        if (!loaded.record) {
            std::cout << say(file_invalid, {{"file", shown_name(file)}}) << "\n";
            worst = exit_input_error;
            continue;
        }
        ++valid;
        with_warnings += warnings > 0;
        if (quiet)
            continue;
        std::cout << say(file_valid, {{"file", shown_name(file)}});
        if (warnings)
            std::cout << say(file_warnings, {{"count", static_cast<std::int64_t>(warnings)}});
        // Unknown fields and words: read past, so they count for nothing in an audit.
        std::cout << (ignored == 0 ? say(nothing_ignored)
                                   : say(unknown_ignored, {{"count", static_cast<std::int64_t>(ignored)}}))
                  << "\n";
    }
    std::cout.flush();
    messages.finish();
    if (batch && !quiet) {
        const auto total = files->size(), invalid = total - valid;
        std::cerr << say(batch_line, {{"count", static_cast<std::int64_t>(total)},
                                      {"valid", static_cast<std::int64_t>(valid)},
                                      {"with_warnings", static_cast<std::int64_t>(with_warnings)},
                                      {"invalid", static_cast<std::int64_t>(invalid)}})
                  << "\n";
    }
    return worst;
}

command add_validate(CLI::App& app) {
    auto opt = std::make_shared<validate_options>();
    auto* sub = app.add_subcommand("validate", "Read records and report errors and warnings, without auditing");
    sub->add_option("files", opt->files,
                    "Records (JSON, XML, .xlsx workbook or IRS 990 return) or directories of them (every *.json, "
                    "*.xml and *.xlsx in them); - reads standard input")
        ->required();
    sub->add_option("--roster", opt->roster, "CSV board roster to check with the record")->check(CLI::ExistingFile);
    sub->add_option("--documents", opt->documents,
                    "Folder in which documents[].path is resolved (default: the record's own folder)")
        ->check(CLI::ExistingDirectory);
    add_every_warning_option(*sub, opt->every_warning);
    add_lang_option(*sub, opt->lang);
    add_terminal_options(*sub);
    sub->footer(exit_codes_footer("every file is valid", "", "a file is missing or invalid (the other files are still read), or a usage error"));
    return {sub, [opt] { return run_validate(*opt); }};
}

} // namespace rco::cli
