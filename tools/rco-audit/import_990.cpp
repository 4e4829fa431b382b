// rco-audit import-990: an rco-record/1 JSON record from an IRS Form 990 or 990-EZ e-file return.
#include "command.hpp"
#include "common.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace rco::cli {

struct import_990_options {
    std::string file; ///< the e-file return
    std::string into; ///< an existing record to fill in
    std::string output;
};

int run_import_990(const import_990_options& opt) {
    std::vector<rco::diagnostic> diags;
    auto text = read_input(opt.file, diags);
    if (!text) {
        print_diagnostics(diags);
        return exit_input_error;
    }
    auto imported = rco::io::import_990(*text, opt.file == "-" ? "<stdin>" : fs::path(opt.file).filename().string());
    for (auto& d : imported.diagnostics)
        d.file = shown_name(opt.file);
    print_diagnostics(imported.diagnostics);
    if (!imported.ok()) {
        std::cerr << "rco-audit: " << shown_name(opt.file) << ": not imported (input error)\n";
        return exit_input_error;
    }
    rco::record out = std::move(*imported.record);
    if (!opt.into.empty()) {
        auto base = load_record(opt.into, paths_as_written());
        print_diagnostics(base.diagnostics);
        if (!base.record) {
            std::cerr << "rco-audit: " << shown_name(opt.into) << ": cannot merge into it (input error)\n";
            return exit_input_error;
        }
        // Keep the record's own document paths as written: merge into the record as read.
        auto filled = rco::io::merge_into(*base.record, out);
        std::cerr << "rco-audit: filled " << filled.size() << (filled.size() == 1 ? " field" : " fields")
                  << " that " << shown_name(opt.into) << " left empty";
        for (std::size_t i = 0; i < filled.size(); ++i)
            std::cerr << (i ? ", " : ": ") << filled[i];
        std::cerr << "\n";
        out = std::move(*base.record);
    }
    // The return is protected; the --into record may be updated in place (--output the same file).
    rco::io::output_options how;
    add_identity(how.inputs, opt.file);
    return emit(opt.output, rco::io::write_record_json(out), how);
}

command add_import_990(CLI::App& app) {
    auto opt = std::make_shared<import_990_options>();
    auto* sub = app.add_subcommand("import-990", "Make an rco-record/1 JSON record from an IRS Form 990 or "
                                                 "990-EZ e-file return; every value records where it came from");
    sub->add_option("return", opt->file, "The e-file return (XML)")->required();
    sub->add_option("--into", opt->into,
                    "An existing record: fill only the fields it leaves empty, keep everything else");
    sub->add_option("-o,--output", opt->output, "Write to FILE (whole or not at all) instead of stdout");
    sub->footer(exit_codes_footer("the record was written", ""));
    return {sub, [opt] { return run_import_990(*opt); }};
}

} // namespace rco::cli
