// rco-audit check: audit records and write their reports. As kubectl shapes a command:
// resolve() turns the options into a plan (or says why not), audit_all() runs the records
// through the workers, and a report_writer writes what they yield, in input order.
#include "batch.hpp"
#include "command.hpp"
#include "common.hpp"
#include "terminal.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>

namespace fs = std::filesystem;

namespace rco::cli {

namespace {
constexpr rco::message_def not_audited{"cli.check.not_audited", "rco-audit: {file}: not audited (input error)"};
constexpr rco::message_def tailoring_unusable{"cli.check.tailoring_unusable", "the tailoring file {file} cannot be used"};
constexpr rco::message_def review_unusable{"cli.check.review_unusable", "the review file {file} cannot be used"};
constexpr rco::message_def profile_overrides{"cli.check.profile_overrides",
                                             "--profile {profile} overrides the tailoring file's profile {tailoring}"};
constexpr rco::message_def unknown_format{"cli.check.unknown_format", "unknown format '{name}'; formats: {known}"};
constexpr rco::message_def formats_need_files{"cli.check.formats_need_files",
                                              "several formats need a file each: --format html:report.html --format "
                                              "json:report.json, or --output-dir DIR"};
constexpr rco::message_def summary_help{"cli.check.summary_help",
                                        "give FILE.csv, FILE.html, csv:FILE, wide-csv:FILE or html:FILE"};
constexpr rco::message_def bad_summary{"cli.check.bad_summary", "--summary {spec}: {help}"};
constexpr rco::message_def same_file{"cli.check.same_file", "two outputs of this run are the same file, {file}"};
constexpr rco::message_def cannot_create_dir{"cli.check.cannot_create_dir", "cannot create the directory {dir} ({reason})"};
constexpr rco::message_def roster_one_record{"cli.check.roster_one_record",
                                             "--roster describes one board; give it with one record"};
constexpr rco::message_def one_per_organization{"cli.check.one_per_organization",
                                                "{format} reports are one file per organization; with several records "
                                                "use --output-dir DIR"};
constexpr rco::message_def entry_unused{"cli.check.entry_unused",
                                        "the entry is for {organization}, which no record of this run is: it applies "
                                        "to none"};
constexpr rco::message_def review_unused{"cli.check.review_unused",
                                         "the review file {file} is about no organization of this run (EIN {ein})"};
constexpr rco::message_def a_folder{"cli.check.folder", "{file} is a folder; give one record"};

/// Names joined by spaces, as a list of choices ends a usage error ("national florida").
std::string spaced(const auto& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : " ") + std::string(i.name);
    return out;
}
} // namespace

struct check_options {
    std::vector<std::string> files;
    std::string profile = "national";
    bool profile_given = false;
    std::string as_of;
    std::vector<std::string> formats; ///< FMT or FMT:FILE, repeatable
    std::string output_dir;
    std::vector<std::string> summaries; ///< summaries across organizations: [KIND:]FILE, repeatable
    std::string output;
    std::string rules_dir;
    std::string tailoring_path;
    std::vector<std::string> reviews; ///< review files (rco-review/1), repeatable
    int expiring_within = -1; ///< --expiring-within DAYS: list waivers expiring that soon (-1: no list)
    std::string roster;    ///< a CSV board roster merged in as board.members
    std::string documents; ///< the folder documents[].path is resolved in (default: the record's)
    bool show_names = false;
    bool every_warning = false; ///< no warning gathered with a count
    unsigned jobs = 0; ///< workers (0: the cores available)
    std::string lang;  ///< --lang (else RCO_AUDIT_LANG): the reports' words
};

namespace {

constexpr int max_expiring_within = 3650; ///< --expiring-within: ten years at most

/// Where one format goes: "--format json:out.json", else --output, else --output-dir, else stdout.
struct output_target {
    const report_format* format;
    std::string file;
};

/// A summary across the organizations of a run, and where it goes.
struct summary_target {
    enum kind_t { csv, wide_csv, html } kind;
    std::string file;
};

/// "csv:FILE", "wide-csv:FILE", "html:FILE", or a FILE ending in .csv or .html.
std::optional<summary_target> parse_summary(const std::string& spec) {
    if (const auto colon = spec.find(':'); colon != std::string::npos && colon + 1 < spec.size()) {
        const auto kind = spec.substr(0, colon);
        auto file = spec.substr(colon + 1);
        if (kind == "csv")
            return summary_target{summary_target::csv, std::move(file)};
        if (kind == "wide-csv")
            return summary_target{summary_target::wide_csv, std::move(file)};
        if (kind == "html")
            return summary_target{summary_target::html, std::move(file)};
    }
    const auto ext = fs::path(spec).extension();
    if (ext == ".csv")
        return summary_target{summary_target::csv, spec};
    if (ext == ".html")
        return summary_target{summary_target::html, spec};
    return std::nullopt;
}

/// What the options decide, checked before any record is read.
struct check_plan {
    const rco::catalog* cat = nullptr;
    std::string profile;
    std::optional<rco::io::tailoring_file> tailor;
    std::string tailoring_sha256;
    std::optional<rco::date> as_of_override;
    std::vector<rco::review> reviews;                     ///< --review files, in order
    std::vector<rco::report::review_input> review_inputs; ///< their names and digests, for the reports
    std::vector<char> review_used;                        ///< per review: a record of the run matched it
    std::vector<char> tailoring_entry_used; ///< per tailoring_file::organization_entries: a record of the run is it
    std::vector<output_target> targets;
    std::vector<summary_target> summaries;
    /// The extension of each organization's report an HTML summary links to (in --output-dir):
    /// the HTML report's when written, else the first format's written there; empty: no links.
    std::string link_extension;
    std::vector<std::string> files;   ///< the records, folders expanded
    std::vector<std::string> names;   ///< each record's file name in --output-dir (none without it)
    std::vector<std::size_t> joined;  ///< the targets joining every record into one document
    rco::io::output_options out_opts; ///< the files no output may replace (documents added as read)
    bool batch = false;
    bool tally = false; ///< a batch or a folder: the run ends with a tally
    std::size_t jobs = 1;
    const rco::message_language* language = nullptr; ///< --lang: the reports' words
};

/// The tailoring file, read and checked against the catalog; false after printing why not.
bool resolve_tailoring(const check_options& opt, check_plan& plan) {
    if (opt.tailoring_path.empty())
        return true;
    std::vector<rco::diagnostic> diags;
    auto text = rco::io::read_file(opt.tailoring_path, diags);
    if (text) {
        plan.tailor = rco::io::read_tailoring_json(*text, rco::io::display_name(opt.tailoring_path), *plan.cat, diags);
        plan.tailoring_sha256 = rco::io::sha256_hex(*text);
    }
    if (plan.tailor)
        plan.tailoring_entry_used.assign(plan.tailor->organization_entries.size(), 0);
    print_diagnostics(diags);
    if (!plan.tailor) {
        print_error({&tailoring_unusable, {{"file", rco::io::display_name(opt.tailoring_path)}}});
        return false;
    }
    return true;
}

/// The review files, read and checked against the catalog; false after printing why not.
bool resolve_reviews(const check_options& opt, check_plan& plan) {
    bool ok = true;
    for (const auto& path : opt.reviews) {
        std::vector<rco::diagnostic> diags;
        const auto name = rco::io::display_name(path);
        auto text = rco::io::read_file(path, diags);
        std::optional<rco::review> rv;
        if (text)
            rv = rco::io::read_review(*text, name, *plan.cat, diags);
        print_diagnostics(diags);
        if (!rv) {
            print_error({&review_unusable, {{"file", name}}});
            ok = false;
            continue;
        }
        plan.review_inputs.push_back({name, rco::io::sha256_hex(*text), rv->reviewer.label()});
        plan.reviews.push_back(std::move(*rv));
    }
    plan.review_used.assign(plan.reviews.size(), 0);
    return ok;
}

/// The profile (a tailoring file may name the one it extends; --profile wins) and the review date.
bool resolve_profile_and_date(const check_options& opt, check_plan& plan) {
    const auto& tailor = plan.tailor;
    const bool from_tailoring = tailor && tailor->profile && !opt.profile_given;
    const std::string& asked = from_tailoring ? *tailor->profile : opt.profile;
    const auto* prof = profile_named(*plan.cat, asked); // in any case: --profile Florida
    if (opt.profile_given && tailor && tailor->profile && profile_named(*plan.cat, *tailor->profile) != prof)
        print_warning({&profile_overrides, {{"profile", opt.profile}, {"tailoring", *tailor->profile}}});
    if (!prof) {
        print_unknown_profile(*plan.cat, asked);
        return false;
    }
    plan.profile = prof->name;
    if (!opt.as_of.empty()) {
        plan.as_of_override = rco::parse_date(opt.as_of);
        if (!plan.as_of_override) {
            print_error({&bad_as_of, {{"value", opt.as_of}}});
            return false;
        }
    }
    return true;
}

/// Where each format goes; no two outputs in one file.
bool resolve_targets(const check_options& opt, check_plan& plan) {
    auto& targets = plan.targets;
    for (const auto& spec : opt.formats.empty() ? std::vector<std::string>{"text"} : opt.formats) {
        const auto colon = spec.find(':');
        const auto* f = find_format(spec.substr(0, colon));
        if (!f) {
            print_error({&unknown_format, {{"name", spec.substr(0, colon)}, {"known", spaced(formats)}}});
            return false;
        }
        targets.push_back({f, colon == std::string::npos ? std::string() : spec.substr(colon + 1)});
    }
    std::size_t to_stdout = 0;
    for (auto& t : targets)
        if (t.file.empty() && opt.output_dir.empty())
            to_stdout += (t.file = opt.output).empty() ? 1 : 0;
    if (to_stdout > 1 || (!opt.output.empty() && targets.size() > 1)) {
        print_error({&formats_need_files, {}});
        return false;
    }
    std::error_code ec;
    std::vector<fs::path> named;
    for (const auto& t : targets)
        if (!t.file.empty() && t.file != "-")
            named.push_back(fs::absolute(t.file, ec).lexically_normal());
    for (const auto& spec : opt.summaries) {
        auto s = parse_summary(spec);
        if (!s) {
            print_error({&bad_summary, {{"spec", spec}, {"help", std::vector<rco::message>{{&summary_help, {}}}}}});
            return false;
        }
        named.push_back(fs::absolute(s->file, ec).lexically_normal());
        plan.summaries.push_back(std::move(*s));
    }
    if (!opt.output_dir.empty())
        for (const auto& t : targets)
            if (t.file.empty() && (plan.link_extension.empty() || t.format->name == "html"))
                plan.link_extension = t.format->extension;
    std::sort(named.begin(), named.end());
    if (auto same = std::adjacent_find(named.begin(), named.end()); same != named.end()) {
        print_error({&same_file, {{"file", rco::io::display_name(same->string())}}});
        return false;
    }
    return true;
}

/// The output folder, the records, and the files no output may replace.
bool resolve_files(const check_options& opt, check_plan& plan) {
    if (!opt.output_dir.empty()) {
        std::error_code ec;
        fs::create_directories(opt.output_dir, ec);
        if (ec) {
            print_error({&cannot_create_dir, {{"dir", opt.output_dir}, {"reason", ec.message()}}});
            return false;
        }
    }
    auto found = find_records(opt.files);
    if (!found)
        return false;
    auto& files = plan.files = std::move(*found);
    if (!opt.roster.empty() && files.size() > 1) {
        print_error({&roster_one_record, {}});
        return false;
    }
    plan.batch = files.size() > 1;
    plan.tally = is_batch(opt.files, files);
    for (std::size_t k = 0; k < plan.targets.size(); ++k) {
        const auto& t = plan.targets[k];
        if (plan.batch && t.format->join == join_kind::none && opt.output_dir.empty()) {
            print_error({&one_per_organization, {{"format", std::string(t.format->name)}}});
            return false;
        }
        if (plan.batch && !(!opt.output_dir.empty() && t.file.empty()))
            plan.joined.push_back(k);
    }
    // No output replaces a file this run reads (a record, the roster, the tailoring file,
    // a catalog file or a document), whatever name it is given. Documents are added as
    // the records that name them are read.
    auto& out_opts = plan.out_opts;
    out_opts.private_file = opt.show_names; // names of people in recovery: health information
    for (const auto& f : files)
        add_identity(out_opts.inputs, f);
    add_identity(out_opts.inputs, opt.roster);
    add_identity(out_opts.inputs, opt.tailoring_path);
    for (const auto& r : opt.reviews)
        add_identity(out_opts.inputs, r);
    if (!opt.rules_dir.empty())
        for (const auto name : rco::io::catalog_file_names)
            add_identity(out_opts.inputs, (fs::path(opt.rules_dir) / name).string());
    std::size_t longest_extension = 0;
    for (const auto& f : formats)
        longest_extension = std::max(longest_extension, f.extension.size());
    if (!opt.output_dir.empty()) // the records' own files: distinct, deterministic names
        plan.names = rco::io::output_names(files, longest_extension);
    plan.jobs = std::min<std::size_t>(files.size(), opt.jobs > 0 ? opt.jobs : available_cores());
    return true;
}

/// `lang`: every report for people in that language; machine fields stay the same.
std::optional<check_plan> resolve(const check_options& opt, const rco::catalog& cat,
                                  const rco::message_language& lang) {
    check_plan plan;
    plan.cat = &cat;
    plan.language = &lang;
    if (!resolve_tailoring(opt, plan) || !resolve_reviews(opt, plan) || !resolve_profile_and_date(opt, plan) ||
        !resolve_targets(opt, plan) || !resolve_files(opt, plan))
        return std::nullopt;
    return plan;
}

/// A target's report: the text report to standard output as wide as the terminal it goes to,
/// and coloured there (--color); files keep the fixed width and no colour.
std::string render(const output_target& t, const rco::audit_result& r, const rco::report::report_info& info,
                   bool joined) {
    if (t.format->name != "text" || !(t.file.empty() || t.file == "-"))
        return joined ? joined_piece(*t.format, r, info) : t.format->write(r, info);
    auto sized = info;
    sized.text_width = text_width(t.file);
    auto text = t.format->write(r, sized);
    return colour_on(1) ? colour_report(text) : text;
}

/// What the workers share: the plan's list of files read (documents are added), standard
/// error, and the group that puts the records' own files (--output-dir) in place, noting
/// which records' files failed.
struct run_shared {
    std::mutex inputs, cerr;
    std::vector<char> failed_output; ///< by record: a file of its own could not be written
    rco::io::commit_group own_files; ///< last: destroyed first, while what its callbacks use is there
};

/// Reads and audits record i, and writes the files of its own (--output-dir); on a worker thread.
audited_record audit_one(const check_options& opt, check_plan& plan, run_shared& shared, std::size_t i) {
    audited_record a;
    a.file = plan.files[i] == "-" ? plan.files[i] : rco::io::display_name(plan.files[i]);
    auto loaded = load_record(plan.files[i], {opt.roster, opt.documents, true, opt.show_names, plan.cat});
    if (!loaded.documents_read.empty()) {
        std::lock_guard lock(shared.inputs);
        plan.out_opts.inputs.insert(plan.out_opts.inputs.end(), loaded.documents_read.begin(),
                                    loaded.documents_read.end());
    }
    a.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.record) {
        a.error = "input error";
        for (const auto& d : a.diagnostics)
            if (d.severity == rco::severity::error) {
                a.error = rco::format_diagnostic(d);
                break;
            }
        return a;
    }
    const auto as_of = review_date_for(a.file, loaded, plan.as_of_override, a.diagnostics);
    if (!as_of) {
        a.diagnostics.push_back(rco::make_diagnostic(rco::severity::error, a.file, "/as_of", {&no_review_date, {}}));
        a.error = a.file + ": error: " + a.diagnostics.back().message;
        return a;
    }
    const auto& tailoring = plan.tailor ? plan.tailor->tailoring : rco::tailoring{};
    auto result = rco::audit(*plan.cat, plan.profile, *loaded.record, *as_of, tailoring);
    if (plan.tailor)
        for (std::size_t k = 0; k < plan.tailor->organization_entries.size(); ++k)
            if (rco::is_for(plan.tailor->organization_entries[k].organization, *loaded.record)) {
                std::lock_guard lock(shared.inputs);
                plan.tailoring_entry_used[k] = 1;
            }
    // Reviews: all of them for one record (a mismatch is an error at the review); in a
    // batch, each applies to the record of its organization.
    std::vector<rco::review> reviews;
    std::vector<rco::report::review_input> review_inputs;
    for (std::size_t k = 0; k < plan.reviews.size(); ++k)
        if (!plan.batch || rco::review_matches(plan.reviews[k], *loaded.record)) {
            reviews.push_back(plan.reviews[k]);
            review_inputs.push_back(plan.review_inputs[k]);
            std::lock_guard lock(shared.inputs);
            plan.review_used[k] = 1;
        }
    if (!reviews.empty()) {
        auto problems = rco::check_reviews(result, *loaded.record, reviews);
        if (rco::has_errors(problems)) {
            a.error = rco::format_diagnostic(problems.front());
            a.diagnostics.insert(a.diagnostics.end(), problems.begin(), problems.end());
            return a;
        }
        result = rco::apply_reviews(std::move(result), *plan.cat, tailoring, reviews);
    }
    auto& info = a.info;
    info = rco::report::make_report_info(*plan.cat, *loaded.record, loaded.bytes, a.file, a.diagnostics);
    info.reviews = std::move(review_inputs);
    info.show_names = opt.show_names;
    info.language = plan.language;
    info.tailoring_file = rco::io::display_name(opt.tailoring_path);
    info.tailoring_sha256 = plan.tailoring_sha256;
    if (opt.expiring_within >= 0)
        info.expiring_within_days = opt.expiring_within;
    a.organization = info.organization_name;
    for (const auto& t : plan.targets)
        if (!opt.output_dir.empty() && t.file.empty()) {
            const auto path = fs::path(opt.output_dir) / (plan.names[i] + "." + std::string(t.format->extension));
            const auto text = t.format->write(result, info);
            rco::io::output_options now;
            {
                std::lock_guard lock(shared.inputs);
                now = plan.out_opts;
            }
            shared.own_files.write(path, text, std::move(now), [&shared, i](rco::message err) {
                std::lock_guard lock(shared.cerr);
                print_error(err);
                shared.failed_output[i] = 1;
            });
        }
    for (const auto k : plan.joined)
        a.pieces.push_back(render(plan.targets[k], result, info, true));
    if (!plan.summaries.empty()) {
        a.row = rco::report::summary_row{info.organization_name, a.file, rco::report::summary_result(result), "",
                                         info.organization_ein, ""};
        if (!plan.link_extension.empty())
            a.row->report_link = plan.names[i] + "." + plan.link_extension; // relative to --output-dir for now
    }
    if (plan.batch) {
        // The summary has its row; the exit code needs only the overall result.
        // (Moved-from, not cleared: clear() would keep the vectors' memory.)
        result.checks = std::vector<rco::check_result>();
        result.tailoring = std::vector<rco::tailoring_note>();
        a.info = rco::report::report_info();
    }
    a.result = std::move(result);
    return a;
}

/// What decides the joined CSV's columns.
rco::report::report_info header_info(const check_options& opt) {
    rco::report::report_info info;
    if (opt.expiring_within >= 0)
        info.expiring_within_days = opt.expiring_within;
    return info;
}

/// Takes the audited records in input order: their diagnostics, the joined documents, the
/// summary's rows; finish() writes what is left and says the exit code.
class report_writer {
  public:
    report_writer(const check_options& opt, const check_plan& plan, run_shared& shared)
        : opt_(opt), plan_(plan), shared_(shared), messages_(plan.tally && !opt.every_warning) {
        for (const auto k : plan.joined)
            outputs_.push_back(
                std::make_unique<joined_output>(*plan.targets[k].format, plan.targets[k].file, plan.out_opts,
                                                header_info(opt)));
        if (!plan.summaries.empty())
            rows_.reserve(plan.files.size());
    }

    void add(audited_record&& a) {
        {
            std::lock_guard lock(shared_.cerr);
            messages_.add(a.diagnostics);
            if (!a.result)
                std::cerr << say(not_audited, {{"file", a.file}}) << "\n";
        }
        tally_.count(a.result);
        if (!a.result)
            worst_ = exit_input_error;
        else if (a.result->result != rco::overall_outcome::meets_standards && worst_ == exit_met)
            worst_ = exit_not_met;
        for (std::size_t k = 0; k < outputs_.size(); ++k) {
            if (a.result)
                outputs_[k]->add(a.pieces[k]);
            else
                outputs_[k]->add_error(a.file, a.error);
        }
        if (!plan_.summaries.empty()) {
            // Copied here rather than moved: the rows stay together in this thread's memory,
            // not scattered among the blocks the workers free and reuse.
            if (a.row)
                rows_.push_back(*a.row);
            else
                rows_.push_back({std::string(a.organization), std::string(a.file), std::nullopt, std::string(a.error), "", ""});
        }
        if (!plan_.batch)
            single_ = std::move(a);
    }

    /// Writes the summary, ends the joined documents and writes a single record's reports.
    int finish() {
        const auto& out_opts = plan_.out_opts;
        shared_.own_files.finish(); // the records' own files are in place, or said to have failed
        for (std::size_t i = 0; i < shared_.failed_output.size(); ++i)
            if (shared_.failed_output[i]) {
                worst_ = exit_input_error;
                if (i < rows_.size())
                    rows_[i].report_link.clear(); // its report could not be written: no link
            }
        if (!plan_.summaries.empty()) {
            const auto columns = rco::report::summary_columns_of(*plan_.cat, *plan_.language);
            std::vector<std::string> links; // each row's report, relative to --output-dir
            for (auto& row : rows_)
                links.push_back(std::exchange(row.report_link, std::string()));
            for (const auto& s : plan_.summaries) {
                std::string text;
                if (s.kind == summary_target::html) {
                    // Each organization's name links to its own report, relative to the summary's folder.
                    std::error_code ec;
                    const auto dir = fs::absolute(opt_.output_dir, ec);
                    const auto from = fs::absolute(s.file, ec).parent_path();
                    for (std::size_t k = 0; k < rows_.size(); ++k)
                        rows_[k].report_link =
                            links[k].empty() ? std::string()
                                             : (dir / links[k]).lexically_normal().lexically_relative(from).generic_string();
                    text = rco::report::write_summary_html(rows_, RCO_VERSION, columns, *plan_.language);
                } else {
                    text = rco::report::write_summary_csv(rows_, columns, s.kind == summary_target::wide_csv);
                }
                if (emit(s.file, text, out_opts) != exit_met)
                    worst_ = exit_input_error;
            }
        }
        // One output that cannot be written does not stop the others.
        for (auto& o : outputs_)
            if (o->finish(out_opts) != 0)
                worst_ = exit_input_error;
        if (single_ && single_->result)
            for (const auto& t : plan_.targets)
                if (opt_.output_dir.empty() || !t.file.empty())
                    if (emit(t.file, render(t, *single_->result, single_->info, false), out_opts) != exit_met)
                        worst_ = exit_input_error;
        std::lock_guard lock(shared_.cerr);
        messages_.finish();
        return worst_;
    }

    /// The closing tally: how the records came out and where their reports went.
    std::string tally() const {
        std::vector<std::string> outputs;
        for (const auto& t : plan_.targets)
            outputs.push_back(!t.file.empty() || opt_.output_dir.empty() ? t.file
                              : opt_.output_dir.back() == '/'             ? opt_.output_dir
                                                                          : opt_.output_dir + "/");
        auto where = reports_went(outputs);
        for (std::size_t k = 0; k < plan_.summaries.size(); ++k)
            where += (k ? ", " : plan_.summaries.size() == 1 ? "; summary in " : "; summaries in ") +
                     rco::io::display_name(plan_.summaries[k].file);
        return tally_.line(where);
    }

  private:
    const check_options& opt_;
    const check_plan& plan_;
    run_shared& shared_;
    std::vector<std::unique_ptr<joined_output>> outputs_;
    std::vector<rco::report::summary_row> rows_;
    std::optional<audited_record> single_; ///< the one record of a run over one file
    run_messages messages_;
    run_tally tally_;
    int worst_ = exit_met;
};

} // namespace

int run_check(const check_options& opt) {
    const auto* lang = language_for(opt.lang); // messages in it from here on, the reports too
    if (!lang)
        return exit_input_error;
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    auto plan = resolve(opt, *cat, *lang);
    if (!plan)
        return exit_input_error;
    run_shared shared;
    shared.failed_output.resize(plan->files.size());
    report_writer writer(opt, *plan, shared);
    audit_all(
        plan->files.size(), plan->jobs, [&](std::size_t i) { return audit_one(opt, *plan, shared, i); },
        [&](audited_record&& a) { writer.add(std::move(a)); });
    // What only the workers needed goes before the summary is written.
    std::vector<std::string>().swap(plan->files);
    // A batch: an entry for an organization none of its records is (a typo in the EIN?).
    if (plan->batch && plan->tailor) {
        std::vector<rco::diagnostic> unused;
        for (std::size_t k = 0; k < plan->tailoring_entry_used.size(); ++k)
            if (!plan->tailoring_entry_used[k]) {
                const auto& e = plan->tailor->organization_entries[k];
                auto& d = unused.emplace_back(rco::make_diagnostic(rco::severity::warning,
                                                                   rco::io::display_name(opt.tailoring_path), e.pointer,
                                                                   {&entry_unused, {{"organization", e.organization.describe()}}}));
                d.line = e.line;
                d.column = e.column;
            }
        print_diagnostics(unused);
    }
    int code = writer.finish();
    for (std::size_t k = 0; k < plan->reviews.size(); ++k)
        if (!plan->review_used[k]) {
            print_error({&review_unused, {{"file", plan->review_inputs[k].file},
                                          {"ein", rco::terminal_safe(plan->reviews[k].organization_ein)}}});
            code = exit_input_error;
        }
    if (plan->tally && !terminal_settings().quiet)
        std::cerr << writer.tally() << "\n";
    return code;
}

std::optional<std::string> json_report(const std::string& file, const audit_settings& how) {
    check_options opt;
    opt.files = {file};
    opt.profile = how.profile;
    opt.profile_given = how.profile_given;
    opt.as_of = how.as_of;
    opt.rules_dir = how.rules_dir;
    opt.tailoring_path = how.tailoring_path;
    opt.formats = {"json"};
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return std::nullopt;
    // The report in English (diff's JSON keeps the catalog's English titles), whatever
    // RCO_AUDIT_LANG says; the caller's messages stay in the caller's language.
    auto plan = resolve(opt, *cat, rco::english());
    if (!plan)
        return std::nullopt;
    if (plan->files.size() != 1) {
        print_error({&a_folder, {{"file", rco::io::display_name(file)}}});
        return std::nullopt;
    }
    run_shared shared;
    shared.failed_output.resize(1);
    auto a = audit_one(opt, *plan, shared, 0);
    print_diagnostics(a.diagnostics);
    if (!a.result) {
        std::cerr << say(not_audited, {{"file", a.file}}) << "\n";
        return std::nullopt;
    }
    return rco::report::write_json(*a.result, a.info);
}

command add_check(CLI::App& app) {
    auto opt = std::make_shared<check_options>();
    auto* sub = app.add_subcommand("check", "Audit one or more records and print the report");
    sub->add_option("files", opt->files,
                    "Records (rco-record/1 JSON, XML or .xlsx workbook, or IRS Form 990/990-EZ e-file returns, "
                    "detected by content) or directories of them; - reads standard input")
        ->required();
    sub->add_option("--profile", opt->profile, "Profile: national, accreditation, florida, michigan, indiana")
        ->capture_default_str();
    sub->add_option("--as-of", opt->as_of, "Review date YYYY-MM-DD (default: the record's as_of)");
    sub->add_option("--format", opt->formats,
                    "Report format: text, json, html, markdown, junit, csv or pip (the Performance Improvement "
                    "Plan, with --review); FMT:FILE writes that format to FILE, "
                    "and the option may be "
                    "repeated (--format text --format json:report.json)");
    sub->add_option("--summary", opt->summaries,
                    "Also write a summary across all records, one row per organization: FILE.csv or csv:FILE "
                    "(EIN, review date, result, score, each standard, checks per status), wide-csv:FILE (the "
                    "same and one column per check), FILE.html or html:FILE (a compact grid linking each "
                    "organization to its report in --output-dir); repeatable")
        ->check([](const std::string& f) { return parse_summary(f) ? std::string() : say(summary_help); });
    sub->add_option("--expiring-within", opt->expiring_within,
                    "List, in every report, the waivers applied that expire within DAYS days of the review date "
                    "(0 to 3650), with their expiry dates")
        ->option_text("DAYS")
        ->check([](const std::string& v) {
            const bool digits = !v.empty() && v.size() <= 4 && v.find_first_not_of("0123456789") == std::string::npos;
            return digits && std::stoi(v) <= max_expiring_within
                       ? std::string()
                       : "expects a whole number of days from 0 to " + std::to_string(max_expiring_within) + ", got '" +
                             rco::terminal_safe(v) + "'";
        });
    sub->add_option("--output-dir", opt->output_dir,
                    "Write one report per record and format into DIR (NAME.txt, NAME.json, …)");
    sub->add_option("--tailoring", opt->tailoring_path,
                    "Tailoring file (rco-tailoring/1): parameters, levels, checks not applicable with a reason, "
                    "waivers; may name the profile it extends")
        ->check(CLI::ExistingFile);
    sub->add_option("--review", opt->reviews,
                    "Review file (rco-review/1, JSON or the .xlsx review-sheet writes) of one reviewer: judgments on checks and scores of standards, "
                    "folded into the audit; repeat for each reviewer. Reports gain an accreditation section "
                    "(indicative; the accreditation committee decides)")
        ->check(CLI::ExistingFile);
    sub->add_option("--roster", opt->roster,
                    "CSV board roster (columns id,voting,seat,officer,recovery_identity,attested,affiliation) "
                    "used as the record's board.members")
        ->check(CLI::ExistingFile);
    sub->add_option("--documents", opt->documents,
                    "Folder in which documents[].path is resolved (default: the record's own folder; a record "
                    "from standard input has none). A path may not leave it")
        ->check(CLI::ExistingDirectory);
    sub->add_option("-o,--output", opt->output, "Write the report to FILE (whole or not at all) instead of stdout");
    sub->add_option("-j,--jobs", opt->jobs, "Records audited at once (default: the cores available)")
        ->check(CLI::Range(1u, 1024u));
    sub->add_flag("--show-names", opt->show_names,
                  "Also list the ids of the board members and peer workers behind each number. Off by "
                  "default: such lists reveal who is in recovery");
    add_rules_option(*sub, opt->rules_dir);
    add_lang_option(*sub, opt->lang);
    add_every_warning_option(*sub, opt->every_warning);
    add_terminal_options(*sub);
    sub->footer(exit_codes_footer(
        "every standard is met",
        "a required check failed or its evidence is missing (some standard is not met or incomplete)",
        "usage or input error: a file is missing, malformed, too large or not a record, a document path is\n"
        "     refused, or an output cannot be written (e.g. it would replace an input); in a run over several\n"
        "     files the other files are still audited and the worst code wins"));
    return {sub, [opt, sub] {
                opt->profile_given = sub->get_option("--profile")->count() > 0;
                return run_check(*opt);
            }};
}

} // namespace rco::cli
