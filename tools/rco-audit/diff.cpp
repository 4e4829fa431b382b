// rco-audit diff: compare two audits of one organization: two JSON reports, two records
// (audited as check audits them), or one of each.
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
    audit_settings audit; ///< how a record is audited
    std::string lang;     ///< --lang (else RCO_AUDIT_LANG): the text diff's and the messages' words
};

namespace {

constexpr rco::message_def reports_only{"cli.diff.reports_only",
                                        "--profile, --as-of, --tailoring and --rules apply to records; both files "
                                        "are reports, compared as they are"};

/// Whether `text` is a report of this tool rather than a record: JSON whose "format" is an
/// "rco-audit-..." format (a batch document then gets diff_reports' error, naming the format
/// to give). Anything else, malformed JSON included, is read as a record, whose reader
/// explains what is wrong with it.
bool is_report(const std::string& text) {
    if (rco::io::detect_input(text) != rco::io::input_kind::json)
        return false;
    boost::system::error_code ec;
    const auto v = boost::json::parse(text, ec);
    if (ec || !v.is_object())
        return false;
    const auto* format = v.get_object().if_contains("format");
    return format && format->is_string() && format->get_string().starts_with("rco-audit-");
}

/// One side of the comparison as a JSON report: a report as it is, a record audited.
std::optional<boost::json::value> report_of(const std::string& file, const audit_settings& how, bool& record) {
    std::vector<rco::diagnostic> diags;
    auto text = rco::io::read_file(file, diags);
    if (!text) {
        print_diagnostics(diags);
        return std::nullopt;
    }
    record = !is_report(*text);
    if (!record) {
        auto v = rco::io::parse_json(*text, rco::io::display_name(file), diags);
        print_diagnostics(diags);
        return v;
    }
    const auto report = json_report(file, how);
    if (!report)
        return std::nullopt;
    return boost::json::parse(*report);
}

} // namespace

int run_diff(const diff_options& opt) {
    const auto* lang = language_for(opt.lang);
    if (!lang)
        return exit_input_error;
    std::optional<boost::json::value> docs[2];
    bool record[2] = {false, false};
    const std::string* files[2] = {&opt.old_file, &opt.new_file};
    for (int i = 0; i < 2; ++i)
        docs[i] = report_of(*files[i], opt.audit, record[i]);
    if (!docs[0] || !docs[1])
        return exit_input_error;
    const auto& a = opt.audit;
    if (!record[0] && !record[1] && !terminal_settings().quiet &&
        (a.profile_given || !a.as_of.empty() || !a.rules_dir.empty() || !a.tailoring_path.empty()))
        print_warning({&reports_only, {}});
    std::string error;
    rco::message why;
    auto d = rco::report::diff_reports(*docs[0], *docs[1], error, &why);
    if (!d) {
        std::cerr << "rco-audit: " << rco::severity_word(rco::severity::error, *lang) << ": "
                  << rco::terminal_safe(rco::render(why, *lang)) << "\n";
        return exit_input_error;
    }
    for (const auto& w : d->warning_messages)
        if (!terminal_settings().quiet)
            std::cerr << "rco-audit: " << rco::severity_word(rco::severity::warning, *lang) << ": "
                      << rco::terminal_safe(rco::render(w, *lang)) << "\n";
    // The JSON diff is for programs: its words are the reports' codes in every language.
    auto out = opt.format == "json" ? rco::report::write_diff_json(*d) : rco::report::write_diff_text(*d, *lang);
    rco::io::output_options how;
    add_identity(how.inputs, opt.old_file);
    add_identity(how.inputs, opt.new_file);
    if (emit(opt.output, out, how) != exit_met)
        return exit_input_error;
    return d->regressed() ? exit_not_met : exit_met;
}

command add_diff(CLI::App& app) {
    auto opt = std::make_shared<diff_options>();
    auto* sub = app.add_subcommand(
        "diff", "Compare two audits of one organization (two records, two JSON reports, or one of each): "
                "standards newly met or lost, checks fixed or newly failing, score changes");
    sub->add_option("old", opt->old_file,
                    "The earlier audit: a record (JSON, XML, .xlsx workbook or IRS 990 return; audited as check "
                    "audits it) or a JSON report (rco-audit check … --format json)")
        ->required();
    sub->add_option("new", opt->new_file, "The later audit: a record or a JSON report")->required();
    sub->add_option("--format", opt->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    sub->add_option("-o,--output", opt->output, "Write to FILE instead of stdout");
    auto& a = opt->audit;
    sub->add_option("--profile", a.profile, "Profile the records are audited with: national, accreditation, "
                                            "florida, michigan, indiana")
        ->capture_default_str();
    sub->add_option("--as-of", a.as_of, "Review date YYYY-MM-DD of both records (default: each record's as_of)");
    sub->add_option("--tailoring", a.tailoring_path, "Tailoring file (rco-tailoring/1) the records are audited with")
        ->check(CLI::ExistingFile);
    add_rules_option(*sub, a.rules_dir);
    add_lang_option(*sub, opt->lang);
    add_terminal_options(*sub);
    sub->footer(exit_codes_footer("nothing got worse", "a standard is no longer met or a check newly fails",
                                  "usage or input error: a file is missing or malformed, a record cannot be "
                                  "audited, or the output cannot be written"));
    return {sub, [opt, sub] {
                opt->audit.profile_given = sub->get_option("--profile")->count() > 0;
                return run_diff(*opt);
            }};
}

} // namespace rco::cli
