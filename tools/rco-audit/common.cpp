// rco-audit: the helpers the commands share (see common.hpp).
#include "common.hpp"
#include "command.hpp"
#include "terminal.hpp"

#include <boost/algorithm/string/predicate.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace rco::cli {

std::string exit_codes_footer(std::string_view zero, std::string_view one, std::string_view two) {
    std::string out = "Exit codes:\n  0  " + std::string(zero) + "\n";
    if (!one.empty())
        out += "  1  " + std::string(one) + "\n";
    return out + "  2  " + std::string(two);
}

const std::string exit_codes_help = exit_codes_footer(
    "every standard is met (check), every file is valid (validate), or the command succeeded",
    "a required check failed or evidence is missing (some standard is not met or incomplete);\n"
    "     for diff: a standard is no longer met or a check newly fails",
    "usage or input error: a file is missing, malformed, too large or not an rco-record/1 record,\n"
    "     a document path is refused, or an output cannot be written (e.g. it would replace an input);\n"
    "     in a run over several files the other files are still audited and the worst code wins");

void add_rules_option(CLI::App& sub, std::string& rules_dir) {
    sub.add_option("--rules", rules_dir, "Directory replacing the built-in catalog (standards.json, "
                                         "profiles.json, language.json, vocabulary.json)")
        ->check(CLI::ExistingDirectory);
}

void add_lang_option(CLI::App& sub, std::string& lang) {
    static_assert(std::string_view(lang_environment) == "RCO_AUDIT_LANG"); // named in the help below
    sub.add_option("--lang", lang,
                   "Language of the output: en (default) or es; else the RCO_AUDIT_LANG environment variable");
}

namespace {
constexpr rco::message_def level_required{"cli.level.required", "required"};
constexpr rco::message_def level_recommended{"cli.level.recommended", "recommended"};
constexpr rco::message_def standard_heading_def{"cli.standard_heading", "Standard {number}: {title}"};
constexpr rco::message_def invalid_rules{"cli.rules_dir.invalid", "the rules directory {dir} is not a valid catalog"};
constexpr rco::message_def no_records{"cli.no_records", "no record files (*.json, *.xml, *.xlsx) found in {where}"};
constexpr rco::message_def the_arguments{"cli.no_records.arguments", "the arguments"};
constexpr rco::message_def link_out{"cli.link_out", "{file} is skipped: a symbolic link leading out of {dir}"};
constexpr rco::message_def irs_as_of{"cli.irs_as_of", "an IRS return has no review date; auditing as of {date}, the end "
                                                      "of tax year {year} (give --as-of to choose another)"};
} // namespace

namespace {
const rco::message_language* chosen_language = nullptr;
} // namespace

const rco::message_language& message_language() { return chosen_language ? *chosen_language : rco::english(); }

std::string say(const rco::message_def& def, std::vector<rco::message_arg> args) {
    return rco::render(rco::message{&def, std::move(args)}, message_language());
}

void print_error(const rco::message& m) {
    std::cerr << "rco-audit: " << rco::severity_word(rco::severity::error, message_language()) << ": "
              << rco::render(m, message_language()) << "\n";
}

namespace {
constexpr rco::message_def unknown_profile{"cli.unknown_profile", "unknown profile '{name}'; known profiles: {known}"};
} // namespace

void print_unknown_profile(const rco::catalog& cat, std::string_view asked) {
    std::string known;
    for (const auto& p : cat.profiles)
        known += (known.empty() ? "" : " ") + std::string(p.name);
    print_error({&unknown_profile, {{"name", std::string(asked)}, {"known", std::move(known)}}});
}

void print_warning(const rco::message& m) {
    if (terminal_settings().quiet)
        return;
    std::cerr << "rco-audit: " << rco::severity_word(rco::severity::warning, message_language()) << ": "
              << rco::render(m, message_language()) << "\n";
}

const rco::message_language* language_for(const std::string& option) {
    std::string tag = option;
    const char* from = "--lang";
    if (tag.empty()) {
        const char* env = std::getenv(lang_environment);
        if (!env || !*env)
            return chosen_language = &rco::english();
        tag = env;
        from = lang_environment;
    }
    if (const auto* lang = rco::i18n::find(tag))
        return chosen_language = lang;
    std::string known;
    for (auto l : rco::i18n::languages())
        known += (known.empty() ? "" : ", ") + std::string(l);
    std::cerr << "rco-audit: error: unknown language '" << rco::terminal_safe(tag) << "' (" << from
              << "); rco-audit speaks " << known << "\n";
    return nullptr;
}

std::string level_word(rco::level l, const rco::message_language& lang) {
    return lang.pattern(l == rco::level::required ? level_required : level_recommended, 0);
}

std::string standard_heading(const rco::standard_info& s, const rco::message_language& lang) {
    return rco::render(rco::message{&standard_heading_def,
                                    {{"number", std::int64_t{s.number}},
                                     {"title", std::string(rco::i18n::title(lang, s))}}},
                       lang);
}

void print_diagnostic(const rco::diagnostic& d, std::string_view note) {
    if (terminal_settings().quiet && d.severity != rco::severity::error)
        return;
    auto line = rco::format_diagnostic(d, message_language());
    line.insert(std::min(line.find('\n'), line.size()), note); // before a syntax error's quoted line
    std::cerr << (colour_on(2) ? colour_diagnostic(line, message_language()) : line) << "\n";
}

void print_diagnostics(const std::vector<rco::diagnostic>& diags) {
    for (const auto& d : diags)
        print_diagnostic(d);
}

const rco::catalog* load_catalog(const std::string& dir, std::optional<rco::catalog>& storage) {
    if (dir.empty())
        return &rco::io::builtin_catalog();
    std::vector<rco::diagnostic> diags;
    storage = rco::io::load_catalog_dir(dir, diags);
    print_diagnostics(diags);
    if (!storage) {
        print_error({&invalid_rules, {{"dir", dir}}});
        return nullptr;
    }
    return &*storage;
}

const rco::profile* profile_named(const rco::catalog& cat, std::string_view name) {
    for (const auto& p : cat.profiles)
        if (boost::algorithm::iequals(p.name, name))
            return &p;
    return nullptr;
}

const rco::check_info* check_named(const rco::catalog& cat, std::string_view id_or_slug) {
    for (const auto& c : cat.checks)
        if (boost::algorithm::iequals(c.id, id_or_slug) || boost::algorithm::iequals(c.slug, id_or_slug))
            return &c;
    return nullptr;
}

std::optional<std::string> read_input(const std::string& file, std::vector<rco::diagnostic>& diags) {
    if (file == "-")
        return rco::io::read_standard_input(diags);
    return rco::io::read_file(file, diags);
}

std::string shown_name(const std::string& file) {
    return file == "-" ? std::string("<stdin>") : rco::io::display_name(file);
}

void add_identity(std::vector<rco::io::file_identity>& ids, const std::string& file) {
    if (file.empty() || file == "-")
        return;
    if (auto id = rco::io::identify_file(file))
        ids.push_back(*id);
}

load_options paths_as_written() {
    load_options how;
    how.read_documents = false;
    return how;
}

loaded_record load_record(const std::string& file, const load_options& how) {
    loaded_record out;
    auto text = read_input(file, out.diagnostics);
    if (!text)
        return out;
    out.bytes = std::move(*text);
    out.kind = rco::io::detect_input(out.bytes);
    const auto shown = shown_name(file);
    const rco::io::read_options reading{how.show_names, how.vocabulary};
    auto result = rco::io::read_record(out.bytes, shown, reading);
    out.diagnostics = std::move(result.diagnostics);
    if (rco::has_errors(out.diagnostics))
        return out;
    out.record = std::move(result.record);
    if (how.read_documents) {
        // A record from standard input has no folder: its paths are refused unless --documents gives one.
        rco::io::document_options docs;
        docs.folder = !how.documents.empty() ? fs::path(how.documents)
                      : file == "-"          ? fs::path()
                      : fs::path(file).has_parent_path() ? fs::path(file).parent_path()
                                                         : fs::path(".");
        docs.opened = &out.documents_read;
        rco::io::load_document_texts(*out.record, docs, shown, out.diagnostics);
        if (rco::has_errors(out.diagnostics)) {
            out.record.reset(); // a refused document path: the record is not audited
            return out;
        }
    }
    if (!how.roster.empty()) {
        const auto roster_shown = rco::io::display_name(how.roster);
        auto roster_text = rco::io::read_file(how.roster, out.diagnostics);
        auto members =
            roster_text ? rco::io::read_roster_csv(*roster_text, roster_shown, out.diagnostics, reading) : std::nullopt;
        if (!members) {
            out.record.reset(); // the roster is part of this record's evidence: do not audit without it
            return out;
        }
        rco::io::merge_roster(*out.record, std::move(*members), roster_shown, out.diagnostics);
    }
    return out;
}

std::optional<rco::date> review_date_for(const std::string& file, const loaded_record& loaded,
                                         std::optional<rco::date> as_of_override,
                                         std::vector<rco::diagnostic>& notes) {
    if (auto d = rco::review_date(*loaded.record, as_of_override))
        return d;
    const auto& filings = loaded.record->filings;
    if (loaded.kind != rco::io::input_kind::irs990 || !filings || filings->empty() || !filings->front().tax_year)
        return std::nullopt;
    const auto year = static_cast<int>(*filings->front().tax_year);
    const rco::date end{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
    notes.push_back(rco::make_diagnostic(rco::severity::warning, file, "",
                                         {&irs_as_of, {{"date", end}, {"year", std::int64_t{year}}}}));
    return end;
}

int emit(const std::string& output, const std::string& text, const rco::io::output_options& how) {
    if (output.empty() || output == "-") {
        std::cout << text;
        std::cout.flush();
        return std::cout ? exit_met : exit_input_error;
    }
    if (auto err = rco::io::write_file_atomic(output, text, how); !err.empty()) {
        print_error(err);
        return exit_input_error;
    }
    return exit_met;
}

namespace {
constexpr rco::message_def workbook_inexact{"cli.workbook_inexact", "the record cannot be written as a workbook exactly"};
constexpr rco::message_def workbook_to_terminal{"cli.workbook_to_terminal",
                                                "a workbook is a binary file; give -o FILE.xlsx"};
} // namespace

int emit_workbook(const std::string& output, const rco::io::workbook_write_result& wb,
                  const rco::io::output_options& how) {
    print_diagnostics(wb.diagnostics);
    if (!wb.ok()) {
        print_error({&workbook_inexact, {}});
        return exit_input_error;
    }
    if ((output.empty() || output == "-") && ::isatty(1)) {
        print_error({&workbook_to_terminal, {}});
        return exit_input_error;
    }
    return emit(output, wb.bytes, how);
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& a : args) {
        std::error_code ec;
        if (a != "-" && fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            const auto root = fs::canonical(a, ec);
            for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                const auto ext = it->path().extension();
                if (!it->is_regular_file(ec) || (ext != ".json" && ext != ".xml" && ext != ".xlsx"))
                    continue;
                // A link in the directory may not bring in a file from outside it.
                std::error_code link_ec;
                if (it->is_symlink(link_ec)) {
                    const auto target = fs::canonical(it->path(), link_ec);
                    const auto rel = target.lexically_relative(root);
                    if (link_ec || rel.empty() || *rel.begin() == "..") {
                        print_warning({&link_out, {{"file", rco::io::display_name(it->path().string())},
                                                   {"dir", rco::io::display_name(a)}}});
                        continue;
                    }
                }
                found.push_back(it->path().string());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(a);
        }
    }
    return out;
}

std::optional<std::vector<std::string>> find_records(const std::vector<std::string>& args) {
    auto files = expand_inputs(args);
    if (files.empty()) {
        print_error({&no_records, {args.empty() ? rco::message_arg{"where", std::vector<rco::message>{{&the_arguments, {}}}}
                                                : rco::message_arg{"where", rco::io::display_name(args.front())}}});
        return std::nullopt;
    }
    return files;
}

bool is_batch(const std::vector<std::string>& args, const std::vector<std::string>& files) {
    std::error_code ec;
    return files.size() > 1 ||
           std::any_of(args.begin(), args.end(), [&](const std::string& a) { return a != "-" && fs::is_directory(a, ec); });
}

} // namespace rco::cli
