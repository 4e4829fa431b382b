// rco-audit diff: compare two JSON reports of one organization.
#include "command.hpp"
#include "common.hpp"
#include "terminal.hpp"

#include <boost/json.hpp>

#include <iostream>
#include <memory>

namespace rco::cli {

struct diff_options {
    std::string old_file, new_file;
    std::string format = "text";
    std::string output;
};

int run_diff(const diff_options& opt) {
    std::vector<rco::diagnostic> diags;
    std::optional<boost::json::value> docs[2];
    const std::string* files[2] = {&opt.old_file, &opt.new_file};
    for (int i = 0; i < 2; ++i)
        if (auto text = rco::io::read_file(*files[i], diags))
            docs[i] = rco::io::parse_json(*text, rco::io::display_name(*files[i]), diags);
    print_diagnostics(diags);
    if (!docs[0] || !docs[1])
        return exit_input_error;
    std::string error;
    auto d = rco::report::diff_reports(*docs[0], *docs[1], error);
    if (!d) {
        std::cerr << "rco-audit: error: " << rco::terminal_safe(error) << "\n";
        return exit_input_error;
    }
    for (const auto& w : d->warnings)
        if (!terminal_settings().quiet)
            std::cerr << "rco-audit: warning: " << rco::terminal_safe(w) << "\n";
    auto out = opt.format == "json" ? rco::report::write_diff_json(*d) : rco::report::write_diff_text(*d);
    rco::io::output_options how;
    add_identity(how.inputs, opt.old_file);
    add_identity(how.inputs, opt.new_file);
    if (emit(opt.output, out, how) != exit_met)
        return exit_input_error;
    return d->regressed() ? exit_not_met : exit_met;
}

command add_diff(CLI::App& app) {
    auto opt = std::make_shared<diff_options>();
    auto* sub = app.add_subcommand("diff", "Compare two JSON reports of one organization: standards newly met or "
                                           "lost, checks fixed or newly failing, score changes");
    sub->add_option("old", opt->old_file, "The earlier report (rco-audit check … --format json)")->required();
    sub->add_option("new", opt->new_file, "The later report")->required();
    sub->add_option("--format", opt->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    sub->add_option("-o,--output", opt->output, "Write to FILE instead of stdout");
    add_terminal_options(*sub);
    sub->footer(exit_codes_footer("nothing got worse", "a standard is no longer met or a check newly fails"));
    return {sub, [opt] { return run_diff(*opt); }};
}

} // namespace rco::cli
