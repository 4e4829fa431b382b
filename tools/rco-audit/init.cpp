// rco-audit init: write a blank record (or workbook) to fill in, or the complete example.
#include "command.hpp"
#include "common.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace rco::cli {

struct init_options {
    std::string file = "rco-record.json";
    std::string format; ///< json or xlsx; empty: from the file name
    bool force = false;
    bool example = false;
    std::string lang; ///< --lang (else RCO_AUDIT_LANG): the words printed (and the workbook's)
};

namespace {
constexpr rco::message_def file_exists{"cli.init.exists", "{file} already exists; choose another name or add --force"};
constexpr rco::message_def wrote_workbook{
    "cli.init.workbook",
    "Wrote {file}: a blank workbook (review date {date}) to fill in (start with its first sheet, \"{sheet}\"),\n"
    "then run: rco-audit check {file} (the report lists what is still to record)"};
constexpr rco::message_def wrote_example{
    "cli.init.example",
    "Wrote {file}: a complete example record. Replace its values with your organization's,\n"
    "then run: rco-audit check {file}"};
constexpr rco::message_def wrote_blank{
    "cli.init.blank",
    "Wrote {file}: a blank record (review date {date}). Fill in its values (null means not recorded),\n"
    "then run: rco-audit check {file} (the report lists what is still to record)"};
} // namespace

int run_init(const init_options& opt) {
    if (!language_for(opt.lang))
        return exit_input_error;
    std::error_code ec;
    if (!opt.force && fs::exists(opt.file, ec)) {
        print_error({&file_exists, {{"file", opt.file}}});
        return exit_input_error;
    }
    const std::string format =
        !opt.format.empty() ? opt.format : fs::path(opt.file).extension() == ".xlsx" ? "xlsx" : "json";
    // The blank record is dated today (its review date); audits themselves never read the clock.
    const rco::date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (format == "xlsx") {
        // The same blank record as the JSON one, so its audit lists what to record.
        const auto blank = rco::io::read_record_json(rco::io::blank_record(today), opt.file);
        const auto& lang = message_language();
        const auto wb = blank.ok() ? rco::io::write_record_xlsx(*blank.record, lang) : rco::io::blank_workbook(lang);
        if (!wb.ok() || emit(opt.file, wb.bytes) != exit_met)
            return exit_input_error;
        std::cout << say(wrote_workbook, {{"file", opt.file}, {"date", today}, {"sheet", rco::io::start_sheet_name(lang)}})
                  << "\n";
        return exit_met;
    }
    const std::string text =
        opt.example ? std::string(rco::io::starter_record(message_language().tag())) : rco::io::blank_record(today);
    if (auto err = rco::io::write_file_atomic(opt.file, text); !err.empty()) {
        print_error(err);
        return exit_input_error;
    }
    std::cout << (opt.example ? say(wrote_example, {{"file", opt.file}})
                              : say(wrote_blank, {{"file", opt.file}, {"date", today}}))
              << "\n";
    return exit_met;
}

command add_init(CLI::App& app) {
    auto opt = std::make_shared<init_options>();
    auto* sub = app.add_subcommand("init", "Write a blank record (FILE.json) or workbook (FILE.xlsx) to fill in "
                                           "(--example: a complete example JSON record)");
    sub->add_option("file", opt->file, "Where to write it; a name ending in .xlsx writes the workbook")
        ->capture_default_str();
    sub->add_option("--format", opt->format,
                    "xlsx (a blank workbook) or json (a blank or, with --example, example record); default: "
                    "from the file name")
        ->check(CLI::IsMember({"json", "xlsx"}));
    sub->add_flag("--force", opt->force, "Overwrite an existing file");
    sub->add_flag("--example", opt->example, "Write the complete example record instead of a blank one");
    add_lang_option(*sub, opt->lang);
    sub->footer(exit_codes_footer("the file was written", "", "usage error, the file exists (without --force), or it cannot be written"));
    return {sub, [opt] { return run_init(*opt); }};
}

} // namespace rco::cli
