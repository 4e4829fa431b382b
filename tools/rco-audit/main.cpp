// rco-audit: the command line. Nothing but wiring: files in, library calls, files out.
#include "rco/rco.hpp"

#include <CLI/CLI.hpp>

#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <iterator>
#include <mutex>
#include <thread>

#include <sched.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr int exit_met = 0;
constexpr int exit_not_met = 1;
constexpr int exit_input_error = 2;

constexpr const char* exit_codes_help = R"(Exit codes:
  0  every standard is met (check), every file is valid (validate), or the command succeeded
  1  a required check failed or evidence is missing (some standard is not met or incomplete);
     for diff: a standard is no longer met or a check newly fails
  2  usage or input error: a file is missing, malformed, too large or not an rco-record/1 record,
     a document path is refused, or an output cannot be written (e.g. it would replace an input);
     in a run over several files the other files are still audited and the worst code wins)";

struct options {
    std::vector<std::string> files;
    std::string profile = "national";
    std::string as_of;
    std::string format = "text";
    std::vector<std::string> formats; ///< check: FMT or FMT:FILE, repeatable
    std::string output_dir;
    std::string summary; ///< check: scorecard across organizations, .csv or .html
    std::string output;
    std::string rules_dir;
    std::string tailoring_path;
    std::string roster; ///< check/validate: a CSV board roster merged in as board.members
    std::string documents; ///< check/validate: the folder documents[].path is resolved in (default: the record's)
    bool profile_given = false;
    bool show_names = false;
    bool quiet = false;
    unsigned jobs = 0; ///< check: workers (0: the cores available)
};

void print_diagnostics(const std::vector<rco::diagnostic>& diags) {
    for (const auto& d : diags)
        std::cerr << rco::format_diagnostic(d) << "\n";
}

/// The catalog in force: --rules DIR, else the built-in one. nullptr after printing errors.
const rco::catalog* load_catalog(const std::string& dir, std::optional<rco::catalog>& storage) {
    if (dir.empty())
        return &rco::io::builtin_catalog();
    std::vector<rco::diagnostic> diags;
    storage = rco::io::load_catalog_dir(dir, diags);
    print_diagnostics(diags);
    if (!storage) {
        std::cerr << "rco-audit: error: the rules directory " << dir << " is not a valid catalog\n";
        return nullptr;
    }
    return &*storage;
}

std::optional<std::string> read_input(const std::string& file, std::vector<rco::diagnostic>& diags) {
    if (file == "-")
        return rco::io::read_standard_input(diags);
    return rco::io::read_file(file, diags);
}

/// How a file name appears in messages and reports (invalid UTF-8 and controls escaped).
std::string shown_name(const std::string& file) {
    return file == "-" ? std::string("<stdin>") : rco::io::display_name(file);
}

/// The identities of files a run reads, so that no output replaces one of them.
void add_identity(std::vector<rco::io::file_identity>& ids, const std::string& file) {
    if (file.empty() || file == "-")
        return;
    if (auto id = rco::io::identify_file(file))
        ids.push_back(*id);
}

struct loaded_record {
    std::optional<rco::record> record;
    rco::io::input_kind kind = rco::io::input_kind::unknown;
    std::string bytes;
    std::vector<rco::diagnostic> diagnostics;
    std::vector<rco::io::file_identity> documents_read; ///< the document files read
};

struct load_options {
    std::string roster;        ///< a CSV board roster to merge in
    std::string documents;     ///< --documents DIR; empty: the record's own folder
    bool read_documents = true; ///< false: keep documents[].path as written (convert, import-990 --into)
    bool show_names = false;    ///< messages may quote the values of people's fields (--show-names)
};

load_options paths_as_written() {
    load_options how;
    how.read_documents = false;
    return how;
}

/// Reads, parses and completes one record (document texts from files inside the
/// record's folder, and the board roster from a spreadsheet when one is given).
loaded_record load_record(const std::string& file, const load_options& how = {}) {
    loaded_record out;
    auto text = read_input(file, out.diagnostics);
    if (!text)
        return out;
    out.bytes = std::move(*text);
    out.kind = rco::io::detect_input(out.bytes);
    const auto shown = shown_name(file);
    const rco::io::read_options reading{how.show_names};
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

/// The review date: --as-of, else the record's as_of. An IRS return carries no review
/// date; it is audited as of the end of its tax year (a note says so), which keeps the
/// report reproducible.
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
    notes.push_back({rco::severity::warning, file, 0, 0, "",
                     "an IRS return has no review date; auditing as of " + rco::format_date(end) +
                         ", the end of tax year " + std::to_string(year) + " (give --as-of to choose another)"});
    return end;
}

int emit(const std::string& output, const std::string& text, const rco::io::output_options& how = {}) {
    if (output.empty() || output == "-") {
        std::cout << text;
        std::cout.flush();
        return std::cout ? exit_met : exit_input_error;
    }
    if (auto err = rco::io::write_file_atomic(output, text, how); !err.empty()) {
        std::cerr << "rco-audit: error: " << err << "\n";
        return exit_input_error;
    }
    return exit_met;
}

/// Writes a workbook (binary: never to a terminal).
int emit_workbook(const std::string& output, const rco::io::workbook_write_result& wb,
                  const rco::io::output_options& how) {
    print_diagnostics(wb.diagnostics);
    if (!wb.ok()) {
        std::cerr << "rco-audit: error: the record cannot be written as a workbook exactly\n";
        return exit_input_error;
    }
    if ((output.empty() || output == "-") && ::isatty(1)) {
        std::cerr << "rco-audit: error: a workbook is a binary file; give -o FILE.xlsx\n";
        return exit_input_error;
    }
    return emit(output, wb.bytes, how);
}

/// How a run over several records joins one format into one document (none: one file per
/// organization only).
enum class join_kind { none, rules, csv, json };

/// A report format: how to write one organization, and how a run over several joins them.
struct report_format {
    std::string_view name, extension;
    std::string (*write)(const rco::audit_result&, const rco::report::report_info&);
    join_kind join;
};

/// The nesting level of a report inside the batch document's "reports" list.
constexpr int batch_report_level = 2;

/// One record's part of a joined document, written by the worker that audited it.
std::string joined_piece(const report_format& f, const rco::audit_result& r, const rco::report::report_info& info) {
    switch (f.join) {
    case join_kind::csv: return rco::report::csv_rows(r, info);
    case join_kind::json: {
        std::string out;
        rco::report::write_json_to(out, r, info, batch_report_level);
        return out;
    }
    default: return f.write(r, info);
    }
}

/// A document joining every record of a run, written as the records come, in input order
/// (to a file whole or not at all, or to standard output): text and Markdown reports
/// separated by a rule; one CSV header, then each record's rows; the JSON batch document
/// listing the reports and, apart, the records that could not be audited.
class joined_output {
  public:
    joined_output(const report_format& f, std::string path, const rco::io::output_options& opts)
        : f_(f), path_(std::move(path)) {
        if (!path_.empty() && path_ != "-")
            file_.emplace(path_, opts);
        if (f_.join == join_kind::csv)
            put(rco::report::csv_header());
        if (f_.join == join_kind::json) {
            w_.begin_object();
            w_.key("format");
            w_.value("rco-audit-batch/1");
            w_.key("reports");
            w_.begin_array();
            flush();
        }
    }

    /// An audited record's joined_piece().
    void add(const std::string& piece) {
        if (f_.join == join_kind::rules) {
            // Markdown needs a thematic break ("===" under text would make a heading).
            if (audited_ > 0)
                put(f_.name == "markdown" ? "\n---\n\n" : "\n" + std::string(88, '=') + "\n\n");
            put(piece);
        } else if (f_.join == join_kind::json) {
            w_.begin_value();
            buffer_ += piece;
            flush();
        } else {
            put(piece);
        }
        ++audited_;
    }

    /// A record that could not be audited (listed by the JSON batch document).
    void add_error(const std::string& file, const std::string& error) {
        if (f_.join == join_kind::json)
            errors_.emplace_back(file, error);
    }

    /// Ends the document and puts the file in place: 0, or exit_input_error after saying why.
    int finish(const rco::io::output_options& opts) {
        if (f_.join == join_kind::json) {
            w_.end_array();
            w_.key("errors");
            w_.begin_array();
            for (const auto& [file, error] : errors_) {
                w_.begin_object();
                w_.key("file");
                w_.value(file);
                w_.key("error");
                w_.value(error);
                w_.end_object();
            }
            w_.end_array();
            w_.end_object();
            buffer_ += '\n';
            flush();
        }
        if (f_.join == join_kind::rules && audited_ == 0)
            return 0; // nothing to write: the file is left as it was
        if (!file_) {
            std::cout.flush();
            return std::cout ? 0 : exit_input_error;
        }
        if (auto err = file_->commit(opts); !err.empty()) {
            std::cerr << "rco-audit: error: " << err << "\n";
            return exit_input_error;
        }
        return 0;
    }

  private:
    void put(std::string_view text) {
        if (file_)
            file_->write(text);
        else
            std::cout << text;
    }
    void flush() {
        put(buffer_);
        buffer_.clear();
    }

    const report_format& f_;
    std::string path_;
    std::optional<rco::io::atomic_file> file_;
    std::size_t audited_ = 0;
    std::vector<std::pair<std::string, std::string>> errors_;
    std::string buffer_;
    rco::io::json_writer w_{buffer_};
};

constexpr report_format formats[] = {
    {"text", "txt", &rco::report::write_text, join_kind::rules},
    {"json", "json", &rco::report::write_json, join_kind::json},
    {"html", "html", &rco::report::write_html, join_kind::none},
    {"markdown", "md", &rco::report::write_markdown, join_kind::rules},
    {"junit", "junit.xml", &rco::report::write_junit, join_kind::none},
    {"csv", "csv", &rco::report::write_csv, join_kind::csv},
};

const report_format* find_format(std::string_view name) {
    for (const auto& f : formats)
        if (f.name == name)
            return &f;
    return nullptr;
}

/// Files named on the command line, directories expanded to the records in them
/// (*.json, *.xml and *.xlsx, recursively), in a stable sorted order.
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
                        std::cerr << "rco-audit: warning: " << rco::io::display_name(it->path().string())
                                  << " is skipped: a symbolic link leading out of "
                                  << rco::io::display_name(a) << "\n";
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

/// The cores this process may run on (its CPU affinity), at least 1.
std::size_t available_cores() {
    cpu_set_t set;
    if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return static_cast<std::size_t>(CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

/// Shows "Auditing 12/40" on standard error while a batch runs, when it is a terminal.
class progress_bar {
public:
    explicit progress_bar(std::size_t total) : total_(total), on_(total > 1 && ::isatty(2)) {}
    void step() {
        if (!on_)
            return;
        std::lock_guard lock(mutex_);
        ++done_;
        const std::size_t width = 30, filled = width * done_ / total_;
        std::cerr << "\rAuditing " << done_ << "/" << total_ << " [" << std::string(filled, '#')
                  << std::string(width - filled, '.') << "]" << std::flush;
    }
    ~progress_bar() {
        if (on_)
            std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
    }

private:
    std::size_t total_, done_ = 0;
    bool on_;
    std::mutex mutex_;
};

int run_check(const options& opt) {
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    // A tailoring file applies to every record of the run; it may name the profile it extends.
    std::optional<rco::io::tailoring_file> tailor;
    std::string tailoring_sha256;
    if (!opt.tailoring_path.empty()) {
        std::vector<rco::diagnostic> diags;
        auto text = rco::io::read_file(opt.tailoring_path, diags);
        if (text) {
            tailor = rco::io::read_tailoring_json(*text, rco::io::display_name(opt.tailoring_path), *cat, diags);
            tailoring_sha256 = rco::io::sha256_hex(*text);
        }
        print_diagnostics(diags);
        if (!tailor) {
            std::cerr << "rco-audit: error: the tailoring file " << rco::io::display_name(opt.tailoring_path)
                      << " cannot be used\n";
            return exit_input_error;
        }
    }
    std::string profile = opt.profile;
    if (tailor && tailor->profile && !opt.profile_given)
        profile = *tailor->profile;
    else if (tailor && tailor->profile && *tailor->profile != opt.profile)
        std::cerr << "rco-audit: warning: --profile " << opt.profile << " overrides the tailoring file's profile "
                  << *tailor->profile << "\n";
    if (!cat->find_profile(profile)) {
        std::cerr << "rco-audit: error: unknown profile '" << profile << "'; known profiles:";
        for (const auto& p : cat->profiles)
            std::cerr << " " << p.name;
        std::cerr << "\n";
        return exit_input_error;
    }
    std::optional<rco::date> as_of_override;
    if (!opt.as_of.empty()) {
        as_of_override = rco::parse_date(opt.as_of);
        if (!as_of_override) {
            std::cerr << "rco-audit: error: --as-of expects a date as YYYY-MM-DD, got '" << opt.as_of << "'\n";
            return exit_input_error;
        }
    }

    // Where each format goes: "--format json:out.json", else --output, else --output-dir, else stdout.
    struct target {
        const report_format* format;
        std::string file;
    };
    std::vector<target> targets;
    for (const auto& spec : opt.formats.empty() ? std::vector<std::string>{"text"} : opt.formats) {
        const auto colon = spec.find(':');
        const auto* f = find_format(spec.substr(0, colon));
        if (!f) {
            std::cerr << "rco-audit: error: unknown format '" << spec.substr(0, colon) << "'; formats:";
            for (const auto& known : formats)
                std::cerr << " " << known.name;
            std::cerr << "\n";
            return exit_input_error;
        }
        targets.push_back({f, colon == std::string::npos ? std::string() : spec.substr(colon + 1)});
    }
    std::size_t to_stdout = 0;
    for (auto& t : targets)
        if (t.file.empty() && opt.output_dir.empty())
            to_stdout += (t.file = opt.output).empty() ? 1 : 0;
    if (to_stdout > 1 || (!opt.output.empty() && targets.size() > 1)) {
        std::cerr << "rco-audit: error: several formats need a file each: --format html:report.html --format "
                     "json:report.json, or --output-dir DIR\n";
        return exit_input_error;
    }
    { // two outputs of one run never land in the same file
        std::error_code ec;
        std::vector<fs::path> named;
        for (const auto& t : targets)
            if (!t.file.empty() && t.file != "-")
                named.push_back(fs::absolute(t.file, ec).lexically_normal());
        if (!opt.summary.empty())
            named.push_back(fs::absolute(opt.summary, ec).lexically_normal());
        std::sort(named.begin(), named.end());
        if (auto same = std::adjacent_find(named.begin(), named.end()); same != named.end()) {
            std::cerr << "rco-audit: error: two outputs of this run are the same file, "
                      << rco::io::display_name(same->string()) << "\n";
            return exit_input_error;
        }
    }

    if (!opt.output_dir.empty()) {
        std::error_code ec;
        fs::create_directories(opt.output_dir, ec);
        if (ec) {
            std::cerr << "rco-audit: error: cannot create the directory " << opt.output_dir << " (" << ec.message()
                      << ")\n";
            return exit_input_error;
        }
    }
    auto files = expand_inputs(opt.files);
    if (!opt.roster.empty() && files.size() > 1) {
        std::cerr << "rco-audit: error: --roster describes one board; give it with one record\n";
        return exit_input_error;
    }
    if (files.empty()) {
        std::cerr << "rco-audit: error: no record files found in " << opt.files.front() << "\n";
        return exit_input_error;
    }
    for (const auto& t : targets)
        if (files.size() > 1 && t.format->join == join_kind::none && opt.output_dir.empty()) {
            std::cerr << "rco-audit: error: " << t.format->name << " reports are one file per organization; with "
                      << "several records use --output-dir DIR\n";
            return exit_input_error;
        }

    // No output replaces a file this run reads (a record, the roster, the tailoring file,
    // a catalog file or a document), whatever name it is given. Documents are added as
    // the records that name them are read.
    rco::io::output_options out_opts;
    out_opts.private_file = opt.show_names; // names of people in recovery: health information
    for (const auto& f : files)
        add_identity(out_opts.inputs, f);
    add_identity(out_opts.inputs, opt.roster);
    add_identity(out_opts.inputs, opt.tailoring_path);
    if (!opt.rules_dir.empty())
        for (const auto name : rco::io::catalog_file_names)
            add_identity(out_opts.inputs, (fs::path(opt.rules_dir) / name).string());
    std::mutex opts_mutex; // guards out_opts.inputs while workers add documents

    std::size_t longest_extension = 0;
    for (const auto& f : formats)
        longest_extension = std::max(longest_extension, f.extension.size());
    const auto names = rco::io::output_names(files, longest_extension); // distinct, deterministic
    const bool batch = files.size() > 1;
    // Joined documents (a batch's targets that are not one file per organization).
    std::vector<const target*> joined;
    for (const auto& t : targets)
        if (batch && !(!opt.output_dir.empty() && t.file.empty()))
            joined.push_back(&t);

    /// What one record yields, waiting in the reorder window for its turn to be written.
    struct finished {
        std::string file, organization, error;
        std::vector<rco::diagnostic> diagnostics;
        std::optional<rco::audit_result> result; ///< the whole result for one record; for a batch, the summary's part
        rco::report::report_info info;           ///< for one record
        std::vector<std::string> pieces;         ///< by joined target
        bool failed_output = false;              ///< a file of its own could not be written
    };
    const std::size_t jobs =
        std::min<std::size_t>(files.size(), opt.jobs > 0 ? opt.jobs : available_cores());
    const std::size_t window = 2 * jobs + 2; // records audited ahead of the one being written
    std::vector<std::optional<finished>> slots(window);
    std::mutex slots_mutex, cerr_mutex;
    std::condition_variable slot_filled, slot_freed;
    std::size_t written = 0; // records handed to the writer so far

    // Workers audit records and write each one's own files as soon as it is done.
    std::atomic<std::size_t> next{0};
    progress_bar bar(files.size());
    auto worker = [&] {
        for (std::size_t i; (i = next++) < files.size();) {
            {
                std::unique_lock lock(slots_mutex);
                slot_freed.wait(lock, [&] { return i < written + window; });
            }
            finished a;
            a.file = files[i] == "-" ? files[i] : rco::io::display_name(files[i]);
            auto loaded = load_record(files[i], {opt.roster, opt.documents, true, opt.show_names});
            if (!loaded.documents_read.empty()) {
                std::lock_guard lock(opts_mutex);
                out_opts.inputs.insert(out_opts.inputs.end(), loaded.documents_read.begin(),
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
            } else if (auto as_of = review_date_for(a.file, loaded, as_of_override, a.diagnostics); !as_of) {
                a.error = a.file + ": error: no review date: give \"as_of\" in the record or --as-of YYYY-MM-DD";
                a.diagnostics.push_back({rco::severity::error, a.file, 0, 0, "/as_of",
                                         "no review date: give \"as_of\" in the record or --as-of YYYY-MM-DD"});
            } else {
                auto result = rco::audit(*cat, profile, *loaded.record, *as_of,
                                         tailor ? tailor->tailoring : rco::tailoring{});
                auto& info = a.info;
                info = rco::report::make_report_info(*cat, *loaded.record, loaded.bytes, a.file, a.diagnostics);
                info.show_names = opt.show_names;
                info.tailoring_file = rco::io::display_name(opt.tailoring_path);
                info.tailoring_sha256 = tailoring_sha256;
                a.organization = info.organization_name;
                for (const auto& t : targets)
                    if (!opt.output_dir.empty() && t.file.empty()) {
                        const auto path = fs::path(opt.output_dir) / (names[i] + "." + std::string(t.format->extension));
                        const auto text = t.format->write(result, info);
                        rco::io::output_options now;
                        {
                            std::lock_guard lock(opts_mutex);
                            now = out_opts;
                        }
                        if (auto err = rco::io::write_file_atomic(path, text, now); !err.empty()) {
                            std::lock_guard lock(cerr_mutex);
                            std::cerr << "rco-audit: error: " << err << "\n";
                            a.failed_output = true;
                        }
                    }
                for (const auto* t : joined)
                    a.pieces.push_back(joined_piece(*t->format, result, info));
                if (batch) {
                    // The summary needs only the standards' results and the score.
                    // (Moved-from, not cleared: clear() would keep the vectors' memory.)
                    result.checks = std::vector<rco::check_result>();
                    result.tailoring = std::vector<rco::tailoring_note>();
                    a.info = rco::report::report_info();
                }
                a.result = std::move(result);
            }
            bar.step();
            {
                std::lock_guard lock(slots_mutex);
                slots[i % window] = std::move(a);
            }
            slot_filled.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < jobs; ++t)
        pool.emplace_back(worker);

    // This thread writes the records in input order as they are done.
    std::vector<std::unique_ptr<joined_output>> outputs;
    for (const auto* t : joined)
        outputs.push_back(std::make_unique<joined_output>(*t->format, t->file, out_opts));
    int worst = exit_met;
    std::vector<rco::report::summary_row> rows;
    bool titled = false; // a row with the standards' titles is kept
    if (!opt.summary.empty())
        rows.reserve(files.size());
    std::optional<finished> single; // the one record of a run over one file
    for (std::size_t i = 0; i < files.size(); ++i) {
        finished a;
        {
            std::unique_lock lock(slots_mutex);
            slot_filled.wait(lock, [&] { return slots[i % window].has_value(); });
            a = std::move(*slots[i % window]);
            slots[i % window].reset();
            ++written;
        }
        slot_freed.notify_all();
        {
            std::lock_guard lock(cerr_mutex);
            print_diagnostics(a.diagnostics);
            if (!a.result)
                std::cerr << "rco-audit: " << a.file << ": not audited (input error)\n";
        }
        if (a.failed_output)
            worst = exit_input_error;
        if (!a.result)
            worst = exit_input_error;
        else if (a.result->result != rco::overall_outcome::meets_standards && worst == exit_met)
            worst = exit_not_met;
        for (std::size_t k = 0; k < outputs.size(); ++k) {
            if (a.result)
                outputs[k]->add(a.pieces[k]);
            else
                outputs[k]->add_error(a.file, a.error);
        }
        if (!opt.summary.empty()) {
            // Standard titles come from the first audited row; the others keep none.
            if (a.result && titled)
                for (auto& st : a.result->standards)
                    st.slug = st.title = std::string();
            titled = titled || a.result.has_value();
            // Copied here rather than moved: the rows stay together in this thread's memory,
            // not scattered among the blocks the workers free and reuse.
            rows.push_back({std::string(a.organization), std::string(a.file), a.result, std::string(a.error)});
        }
        if (!batch)
            single = std::move(a);
    }
    for (auto& t : pool)
        t.join();
    // What only the workers needed goes before the summary is written.
    std::vector<std::string>().swap(files);

    if (!opt.summary.empty()) {
        const auto ext = fs::path(opt.summary).extension();
        const auto text = ext == ".html" ? rco::report::write_summary_html(rows, RCO_VERSION)
                                         : rco::report::write_summary_csv(rows);
        if (emit(opt.summary, text, out_opts) != exit_met)
            worst = exit_input_error;
    }
    // One output that cannot be written does not stop the others.
    for (auto& o : outputs)
        if (o->finish(out_opts) != 0)
            worst = exit_input_error;
    if (single && single->result)
        for (const auto& t : targets)
            if (opt.output_dir.empty() || !t.file.empty())
                if (emit(t.file, t.format->write(*single->result, single->info), out_opts) != exit_met)
                    worst = exit_input_error;
    return worst;
}

int run_validate(const options& opt) {
    int worst = exit_met;
    for (const auto& file : opt.files) {
        auto loaded = load_record(file, {opt.roster, opt.documents});
        print_diagnostics(loaded.diagnostics);
        std::size_t warnings = 0;
        for (const auto& d : loaded.diagnostics)
            warnings += d.severity == rco::severity::warning;
        if (!loaded.record) {
            std::cout << shown_name(file) << ": invalid\n";
            worst = exit_input_error;
        } else {
            std::cout << shown_name(file) << ": valid rco-record/1";
            if (warnings)
                std::cout << " (" << warnings << (warnings == 1 ? " warning" : " warnings") << ")";
            std::cout << "\n";
        }
    }
    return worst;
}

int run_rules(const options& opt) {
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    const auto* prof = cat->find_profile(opt.profile);
    if (!prof) {
        std::cerr << "rco-audit: error: unknown profile '" << opt.profile << "'\n";
        return exit_input_error;
    }
    std::string out;
    if (opt.format == "json") {
        boost::json::array checks;
        for (const auto& c : cat->checks) {
            auto lvl = c.level;
            if (auto it = prof->levels.find(c.id); it != prof->levels.end())
                lvl = it->second;
            checks.push_back(boost::json::object{{"id", c.id},
                                                 {"slug", c.slug},
                                                 {"standard", c.standard},
                                                 {"level", rco::to_string(lvl)},
                                                 {"title", c.title}});
        }
        out = rco::io::pretty_json(boost::json::object{
            {"catalog", cat->version}, {"profile", prof->name}, {"checks", std::move(checks)}});
    } else {
        out += "Catalog " + cat->version + ", profile " + prof->name + ": " + std::to_string(cat->checks.size()) +
               " checks in " + std::to_string(cat->standards.size()) + " standards\n";
        for (const auto& s : cat->standards) {
            out += "\nStandard " + std::to_string(s.number) + ": " + s.title + "\n";
            for (const auto& c : cat->checks) {
                if (c.standard != s.number)
                    continue;
                auto lvl = c.level;
                if (auto it = prof->levels.find(c.id); it != prof->levels.end())
                    lvl = it->second;
                std::string id = c.id, level(rco::to_string(lvl));
                id.resize(7, ' ');
                level.resize(12, ' ');
                out += "  " + id + level + c.title + "\n";
            }
        }
    }
    return emit(opt.output, out);
}

int run_explain(const options& opt, const std::string& id) {
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    const auto* c = cat->find_check(id);
    if (!c) {
        std::cerr << "rco-audit: error: no check '" << id << "'; 'rco-audit rules' lists them (e.g. S2.1)\n";
        return exit_input_error;
    }
    const auto* s = cat->find_standard(c->standard);
    std::string out;
    out += c->id + " " + c->slug + ": " + c->title + "\n";
    out += "Standard " + std::to_string(c->standard) + ": " + (s ? s->title : "") + "\n";
    out += "Level: " + std::string(rco::to_string(c->level)) + " (national profile)";
    for (const auto& p : cat->profiles)
        if (auto it = p.levels.find(c->id); it != p.levels.end() && it->second != c->level)
            out += "; " + std::string(rco::to_string(it->second)) + " in the " + p.name + " profile";
    out += "\n\nQuestion: " + c->question + "\n\nWhy it matters: " + c->rationale + "\n\nWhat to do: " +
           c->remediation + "\n\nEvidence to record:\n";
    for (const auto& e : c->evidence)
        out += "  - " + e + "\n";
    if (!c->parameters.empty()) {
        out += "\nParameters (S = from a published standard, P = this tool's proposal):\n";
        for (const auto& p : c->parameters) {
            out += "  " + p.name + " = " + rco::describe(p.default_value) + " [" + p.source + "]: " + p.description +
                   "\n";
            for (const auto& prof : cat->profiles)
                if (auto it = prof.parameters.find(c->id); it != prof.parameters.end())
                    if (auto v = it->second.find(p.name); v != it->second.end())
                        out += "      " + prof.name + " profile: " + rco::describe(v->second) + "\n";
        }
    }
    if (!c->sources.empty()) {
        out += "\nSources:\n";
        for (const auto& key : c->sources)
            if (auto it = cat->sources.find(key); it != cat->sources.end())
                out += "  [" + key + "] " + it->second + "\n";
    }
    return emit(opt.output, out);
}

int run_diff(const options& opt, const std::string& old_file, const std::string& new_file) {
    std::vector<rco::diagnostic> diags;
    std::optional<boost::json::value> docs[2];
    const std::string* files[2] = {&old_file, &new_file};
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
        std::cerr << "rco-audit: warning: " << rco::terminal_safe(w) << "\n";
    auto out = opt.format == "json" ? rco::report::write_diff_json(*d) : rco::report::write_diff_text(*d);
    rco::io::output_options how;
    add_identity(how.inputs, old_file);
    add_identity(how.inputs, new_file);
    if (emit(opt.output, out, how) != exit_met)
        return exit_input_error;
    return d->regressed() ? exit_not_met : exit_met;
}

int run_convert(const options& opt, const std::string& file, const std::string& to) {
    // A conversion keeps documents[].path as written; it never reads (or copies) the files.
    auto loaded = load_record(file, paths_as_written());
    print_diagnostics(loaded.diagnostics);
    if (!loaded.record) {
        std::cerr << "rco-audit: " << shown_name(file) << ": not converted (input error)\n";
        return exit_input_error;
    }
    std::string target = to;
    if (target.empty())
        target = loaded.kind == rco::io::input_kind::xml_record || loaded.kind == rco::io::input_kind::workbook
                     ? "json"
                     : "xml";
    rco::io::output_options how;
    add_identity(how.inputs, file);
    if (target == "xlsx")
        return emit_workbook(opt.output, rco::io::write_record_xlsx(*loaded.record), how);
    auto out = target == "xml" ? rco::io::write_record_xml(*loaded.record) : rco::io::write_record_json(*loaded.record);
    return emit(opt.output, out, how);
}

int run_import_990(const options& opt, const std::string& file, const std::string& into) {
    std::vector<rco::diagnostic> diags;
    auto text = read_input(file, diags);
    if (!text) {
        print_diagnostics(diags);
        return exit_input_error;
    }
    auto imported = rco::io::import_990(*text, file == "-" ? "<stdin>" : fs::path(file).filename().string());
    for (auto& d : imported.diagnostics)
        d.file = shown_name(file);
    print_diagnostics(imported.diagnostics);
    if (!imported.ok()) {
        std::cerr << "rco-audit: " << shown_name(file) << ": not imported (input error)\n";
        return exit_input_error;
    }
    rco::record out = std::move(*imported.record);
    if (!into.empty()) {
        auto base = load_record(into, paths_as_written());
        print_diagnostics(base.diagnostics);
        if (!base.record) {
            std::cerr << "rco-audit: " << shown_name(into) << ": cannot merge into it (input error)\n";
            return exit_input_error;
        }
        // Keep the record's own document paths as written: merge into the record as read.
        auto filled = rco::io::merge_into(*base.record, out);
        std::cerr << "rco-audit: filled " << filled.size() << (filled.size() == 1 ? " field" : " fields")
                  << " that " << shown_name(into) << " left empty";
        for (std::size_t i = 0; i < filled.size(); ++i)
            std::cerr << (i ? ", " : ": ") << filled[i];
        std::cerr << "\n";
        out = std::move(*base.record);
    }
    // The return is protected; the --into record may be updated in place (--output the same file).
    rco::io::output_options how;
    add_identity(how.inputs, file);
    return emit(opt.output, rco::io::write_record_json(out), how);
}

int run_init(const std::string& file, bool force, bool example, std::string format) {
    std::error_code ec;
    if (!force && fs::exists(file, ec)) {
        std::cerr << "rco-audit: error: " << file << " already exists; choose another name or add --force\n";
        return exit_input_error;
    }
    if (format.empty())
        format = fs::path(file).extension() == ".xlsx" ? "xlsx" : "json";
    // The blank record is dated today (its review date); audits themselves never read the clock.
    const rco::date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (format == "xlsx") {
        // The same blank record as the JSON one, so its audit lists what to record.
        const auto blank = rco::io::read_record_json(rco::io::blank_record(today), file);
        const auto wb = blank.ok() ? rco::io::write_record_xlsx(*blank.record) : rco::io::blank_workbook();
        if (!wb.ok() || emit(file, wb.bytes) != exit_met)
            return exit_input_error;
        std::cout << "Wrote " << file << ": a blank workbook (review date " << rco::format_date(today)
                  << ") to fill in (start with its first sheet, \"Start here\"),\n"
                  << "then run: rco-audit check " << file << " (the report lists what is still to record)\n";
        return exit_met;
    }
    const std::string text = example ? std::string(rco::io::starter_record()) : rco::io::blank_record(today);
    if (auto err = rco::io::write_file_atomic(file, text); !err.empty()) {
        std::cerr << "rco-audit: error: " << err << "\n";
        return exit_input_error;
    }
    if (example)
        std::cout << "Wrote " << file << ": a complete example record. Replace its values with your organization's,\n"
                  << "then run: rco-audit check " << file << "\n";
    else
        std::cout << "Wrote " << file << ": a blank record (review date " << rco::format_date(today)
                  << "). Fill in its values (null means not recorded),\nthen run: rco-audit check " << file
                  << " (the report lists what is still to record)\n";
    return exit_met;
}

} // namespace

int main(int argc, char** argv) {
    rco::io::remove_temporaries_on_signals(); // a killed run leaves no temporary file behind
    CLI::App app{"rco-audit " RCO_VERSION ": check a Recovery Community Organization's record against the ten "
                 "national RCO standards"};
    app.footer(exit_codes_help);
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("rco-audit ") + RCO_VERSION);
    options opt;

    auto add_rules = [&](CLI::App* sub) {
        sub->add_option("--rules", opt.rules_dir, "Directory replacing the built-in catalog (standards.json, "
                                                  "profiles.json, language.json, vocabulary.json)")
            ->check(CLI::ExistingDirectory);
    };

    auto* check = app.add_subcommand("check", "Audit one or more records and print the report");
    check->add_option("files", opt.files,
                      "Records (rco-record/1 JSON, XML or .xlsx workbook, or IRS Form 990/990-EZ e-file returns, "
                      "detected by content) or directories of them; - reads standard input")
        ->required();
    check->add_option("--profile", opt.profile, "Profile: national, accreditation, florida, michigan, indiana")
        ->capture_default_str();
    check->add_option("--as-of", opt.as_of, "Review date YYYY-MM-DD (default: the record's as_of)");
    check->add_option("--format", opt.formats,
                      "Report format: text, json, html, markdown, junit or csv; FMT:FILE writes that format to FILE, "
                      "and the option may be "
                      "repeated (--format text --format json:report.json)");
    check->add_option("--summary", opt.summary,
                      "Also write a scorecard across all records: rows are organizations, columns the ten "
                      "standards and the result, with counts per status (FILE.csv or FILE.html)")
        ->check([](const std::string& f) {
            const auto ext = fs::path(f).extension();
            return ext == ".csv" || ext == ".html" ? std::string() : std::string("the summary file must end in .csv or .html");
        });
    check->add_option("--output-dir", opt.output_dir,
                      "Write one report per record and format into DIR (NAME.txt, NAME.json, …)");
    check->add_option("--tailoring", opt.tailoring_path,
                      "Tailoring file (rco-tailoring/1): parameters, levels, checks not applicable with a reason, "
                      "waivers; may name the profile it extends")
        ->check(CLI::ExistingFile);
    check->add_option("--roster", opt.roster,
                      "CSV board roster (columns id,voting,seat,officer,recovery_identity,attested,affiliation) "
                      "used as the record's board.members")
        ->check(CLI::ExistingFile);
    check->add_option("--documents", opt.documents,
                      "Folder in which documents[].path is resolved (default: the record's own folder; a record "
                      "from standard input has none). A path may not leave it")
        ->check(CLI::ExistingDirectory);
    check->add_option("-o,--output", opt.output, "Write the report to FILE (whole or not at all) instead of stdout");
    check->add_option("-j,--jobs", opt.jobs, "Records audited at once (default: the cores available)")
        ->check(CLI::Range(1u, 1024u));
    check->add_flag("--show-names", opt.show_names,
                    "Also list the ids of the board members and peer workers behind each number. Off by "
                    "default: such lists reveal who is in recovery");
    add_rules(check);
    check->footer(exit_codes_help);

    auto* validate = app.add_subcommand("validate", "Read records and report errors and warnings, without auditing");
    validate->add_option("files", opt.files, "Record files")->required();
    validate->add_option("--roster", opt.roster, "CSV board roster to check with the record")
        ->check(CLI::ExistingFile);
    validate->add_option("--documents", opt.documents,
                         "Folder in which documents[].path is resolved (default: the record's own folder)")
        ->check(CLI::ExistingDirectory);

    auto* rules = app.add_subcommand("rules", "List every check with its level and title");
    rules->add_option("--profile", opt.profile, "Show levels as this profile sets them")->capture_default_str();
    rules->add_option("--format", opt.format, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_rules(rules);

    std::string explain_id;
    auto* explain = app.add_subcommand("explain", "Explain one check: question, rationale, remediation, parameters");
    explain->add_option("id", explain_id, "Check id or slug, e.g. S2.1 or board-recovery-majority")->required();
    add_rules(explain);

    std::string diff_old, diff_new;
    auto* diff = app.add_subcommand("diff", "Compare two JSON reports of one organization: standards newly met or "
                                            "lost, checks fixed or newly failing, score changes");
    diff->add_option("old", diff_old, "The earlier report (rco-audit check … --format json)")->required();
    diff->add_option("new", diff_new, "The later report")->required();
    diff->add_option("--format", opt.format, "Output format")->check(CLI::IsMember({"text", "json"}));
    diff->add_option("-o,--output", opt.output, "Write to FILE instead of stdout");
    diff->footer("Exit codes: 0 nothing got worse, 1 a standard is no longer met or a check newly fails, "
                 "2 usage or input error");

    std::string convert_file, convert_to;
    auto* convert = app.add_subcommand("convert", "Convert a record between its JSON, XML and workbook (.xlsx) "
                                                  "forms (or an IRS return to a JSON record)");
    convert->add_option("file", convert_file, "A record (JSON, XML or .xlsx, detected by content)")->required();
    convert->add_option("--to", convert_to, "Target form: json, xml or xlsx (default: XML for JSON, else JSON)")
        ->check(CLI::IsMember({"json", "xml", "xlsx"}));
    convert->add_option("-o,--output", opt.output, "Write to FILE (whole or not at all) instead of stdout");

    std::string import_file, import_into;
    auto* import990 = app.add_subcommand("import-990", "Make an rco-record/1 JSON record from an IRS Form 990 or "
                                                       "990-EZ e-file return; every value records where it came from");
    import990->add_option("return", import_file, "The e-file return (XML)")->required();
    import990->add_option("--into", import_into,
                          "An existing record: fill only the fields it leaves empty, keep everything else");
    import990->add_option("-o,--output", opt.output, "Write to FILE (whole or not at all) instead of stdout");

    std::string init_file = "rco-record.json", init_format;
    bool force = false, init_example = false;
    auto* init = app.add_subcommand("init", "Write a blank record (FILE.json) or workbook (FILE.xlsx) to fill in (--example: a complete example JSON record)");
    init->add_option("file", init_file, "Where to write it; a name ending in .xlsx writes the workbook")
        ->capture_default_str();
    init->add_option("--format", init_format, "xlsx (a blank workbook) or json (a blank or, with --example, example record); default: "
                                              "from the file name")
        ->check(CLI::IsMember({"json", "xlsx"}));
    init->add_flag("--force", force, "Overwrite an existing file");
    init->add_flag("--example", init_example, "Write the complete example record instead of a blank one");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_met : exit_input_error;
    }

    opt.profile_given = check->get_option("--profile")->count() > 0;
    try {
        if (*check)
            return run_check(opt);
        if (*validate)
            return run_validate(opt);
        if (*rules)
            return run_rules(opt);
        if (*explain)
            return run_explain(opt, explain_id);
        if (*init)
            return run_init(init_file, force, init_example, init_format);
        if (*diff)
            return run_diff(opt, diff_old, diff_new);
        if (*convert)
            return run_convert(opt, convert_file, convert_to);
        if (*import990)
            return run_import_990(opt, import_file, import_into);
    } catch (const rco::audit_error& e) {
        std::cerr << "rco-audit: error: " << e.what() << "\n";
        return exit_input_error;
    } catch (const std::exception& e) {
        std::cerr << "rco-audit: internal error: " << e.what() << "\n";
        return exit_input_error;
    }
    return exit_input_error;
}
