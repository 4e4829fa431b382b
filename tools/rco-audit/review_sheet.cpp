// rco-audit review-sheet: the sheet a reviewer fills in, an rco-review/1 document
// pre-filled from the record's automatic audit (every standard with its automatic
// results as "Has it" evidence, every open check with its question, blank verdicts and
// scores), as a workbook (-o FILE.xlsx, --format xlsx) or JSON. The filled-in sheet goes
// back in with `check RECORD --review SHEET`.
#include "command.hpp"
#include "common.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace rco::cli {

struct review_sheet_options {
    std::string file;
    std::string output;
    std::string format; ///< xlsx or json; empty: xlsx when --output ends in .xlsx, else json
    std::string profile = "national";
    std::string as_of;
    std::string rules_dir;
    std::string documents;
    std::string lang; ///< --lang (else RCO_AUDIT_LANG): the messages' and the sheet's language
};

int run_review_sheet(const review_sheet_options& opt) {
    if (!language_for(opt.lang))
        return exit_input_error;
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    if (!cat->find_profile(opt.profile)) {
        print_unknown_profile(*cat, opt.profile);
        return exit_input_error;
    }
    std::optional<rco::date> as_of_override;
    if (!opt.as_of.empty() && !(as_of_override = rco::parse_date(opt.as_of))) {
        print_error({&bad_as_of, {{"value", opt.as_of}}});
        return exit_input_error;
    }
    auto loaded = load_record(opt.file, {"", opt.documents});
    const auto name = opt.file == "-" ? opt.file : rco::io::display_name(opt.file);
    const auto as_of = loaded.record ? review_date_for(name, loaded, as_of_override, loaded.diagnostics)
                                     : std::nullopt;
    print_diagnostics(loaded.diagnostics);
    if (!loaded.record)
        return exit_input_error;
    if (!as_of) {
        print_error({&no_review_date, {}});
        return exit_input_error;
    }
    const auto result = rco::audit(*cat, opt.profile, *loaded.record, *as_of);
    auto info = rco::report::make_report_info(*cat, *loaded.record, loaded.bytes, name, loaded.diagnostics);
    info.language = &message_language();
    rco::io::output_options how;
    add_identity(how.inputs, opt.file);
    const auto sheet = rco::report::write_review_sheet_json(result, info);
    const bool xlsx = opt.format.empty() ? std::filesystem::path(opt.output).extension() == ".xlsx"
                                         : opt.format == "xlsx";
    if (xlsx)
        return emit_workbook(opt.output, rco::io::write_review_xlsx(sheet, message_language()), how);
    return emit(opt.output, sheet, how);
}

command add_review_sheet(CLI::App& app) {
    auto opt = std::make_shared<review_sheet_options>();
    auto* sub = app.add_subcommand(
        "review-sheet", "Write the sheet a peer reviewer fills in (rco-review/1, a workbook or JSON, pre-filled "
                        "from the record's automatic audit); read it back with check RECORD --review SHEET");
    sub->add_option("file", opt->file, "The record (as for check)")->required();
    sub->add_option("-o,--output", opt->output,
                    "Write the sheet to FILE (whole or not at all) instead of stdout; FILE.xlsx writes the workbook");
    sub->add_option("--format", opt->format,
                    "xlsx (the review workbook) or json (an rco-review/1 document); default: xlsx when --output "
                    "ends in .xlsx, else json")
        ->check(CLI::IsMember({"xlsx", "json"}));
    sub->add_option("--profile", opt->profile, "Profile: national, accreditation, florida, michigan, indiana")
        ->capture_default_str();
    sub->add_option("--as-of", opt->as_of, "Review date YYYY-MM-DD (default: the record's as_of)");
    sub->add_option("--documents", opt->documents,
                    "Folder in which documents[].path is resolved (default: the record's own folder)")
        ->check(CLI::ExistingDirectory);
    add_rules_option(*sub, opt->rules_dir);
    add_lang_option(*sub, opt->lang);
    sub->footer(exit_codes_footer("the sheet was written", ""));
    return {sub, [opt] { return run_review_sheet(*opt); }};
}

} // namespace rco::cli
