// rco-audit convert: a record between its JSON, XML and workbook (.xlsx) forms.
#include "command.hpp"
#include "common.hpp"

#include <iostream>
#include <memory>

namespace rco::cli {

struct convert_options {
    std::string file;
    std::string to; ///< json, xml or xlsx; empty: XML for JSON, else JSON
    std::string output;
    std::string lang; ///< --lang (else RCO_AUDIT_LANG): the messages' language and the workbook's
};

int run_convert(const convert_options& opt) {
    if (!language_for(opt.lang))
        return exit_input_error;
    // A conversion keeps documents[].path as written; it never reads (or copies) the files.
    auto loaded = load_record(opt.file, paths_as_written());
    print_diagnostics(loaded.diagnostics);
    if (!loaded.record) {
        std::cerr << "rco-audit: " << shown_name(opt.file) << ": not converted (input error)\n";
        return exit_input_error;
    }
    std::string target = opt.to;
    if (target.empty())
        target = loaded.kind == rco::io::input_kind::xml_record || loaded.kind == rco::io::input_kind::workbook
                     ? "json"
                     : "xml";
    rco::io::output_options how;
    add_identity(how.inputs, opt.file);
    if (target == "xlsx")
        return emit_workbook(opt.output, rco::io::write_record_xlsx(*loaded.record, message_language()), how);
    auto out = target == "xml" ? rco::io::write_record_xml(*loaded.record) : rco::io::write_record_json(*loaded.record);
    return emit(opt.output, out, how);
}

command add_convert(CLI::App& app) {
    auto opt = std::make_shared<convert_options>();
    auto* sub = app.add_subcommand("convert", "Convert a record between its JSON, XML and workbook (.xlsx) "
                                              "forms (or an IRS return to a JSON record)");
    sub->add_option("file", opt->file, "A record (JSON, XML or .xlsx, detected by content)")->required();
    sub->add_option("--to", opt->to, "Target form: json, xml or xlsx (default: XML for JSON, else JSON)")
        ->check(CLI::IsMember({"json", "xml", "xlsx"}));
    sub->add_option("-o,--output", opt->output, "Write to FILE (whole or not at all) instead of stdout");
    add_lang_option(*sub, opt->lang);
    sub->footer(exit_codes_footer("the record was converted", ""));
    return {sub, [opt] { return run_convert(*opt); }};
}

} // namespace rco::cli
