// rco-audit: running over many records: the report formats and how a run joins them, the
// documents joining every record of a run, the progress bar, and the worker threads.
#pragma once

#include "rco/rco.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rco::cli {

/// How a run over several records joins one format into one document (none: one file per
/// organization only).
enum class join_kind { none, rules, csv, json };

/// A report format: how to write one organization, and how a run over several joins them.
struct report_format {
    std::string_view name, extension;
    std::string (*write)(const rco::audit_result&, const rco::report::report_info&);
    join_kind join;
};

inline constexpr report_format formats[] = {
    {"text", "txt", &rco::report::write_text, join_kind::rules},
    {"json", "json", &rco::report::write_json, join_kind::json},
    {"html", "html", &rco::report::write_html, join_kind::none},
    {"markdown", "md", &rco::report::write_markdown, join_kind::rules},
    {"junit", "junit.xml", &rco::report::write_junit, join_kind::none},
    {"csv", "csv", &rco::report::write_csv, join_kind::csv},
    {"pip", "pip.txt", &rco::report::write_pip, join_kind::rules},
};

const report_format* find_format(std::string_view name);

/// One record's part of a joined document, written by the worker that audited it.
std::string joined_piece(const report_format& f, const rco::audit_result& r, const rco::report::report_info& info);

/// A document joining every record of a run, written as the records come, in input order
/// (to a file whole or not at all, or to standard output): text and Markdown reports
/// separated by a rule; one CSV header, then each record's rows; the JSON batch document
/// listing the reports and, apart, the records that could not be audited.
class joined_output {
  public:
    /// `header_info` decides the CSV header's columns (csv_header(info)).
    joined_output(const report_format& f, std::string path, const rco::io::output_options& opts,
                  const rco::report::report_info& header_info = {});

    /// An audited record's joined_piece().
    void add(const std::string& piece);

    /// A record that could not be audited (listed by the JSON batch document).
    void add_error(const std::string& file, const std::string& error);

    /// Ends the document and puts the file in place: 0, or exit_input_error after saying why.
    int finish(const rco::io::output_options& opts);

  private:
    void put(std::string_view text);
    void flush();

    const report_format& f_;
    std::string path_;
    std::optional<rco::io::atomic_file> file_;
    std::size_t audited_ = 0;
    std::vector<std::pair<std::string, std::string>> errors_;
    std::string buffer_;
    rco::io::json_writer w_{buffer_};
};

/// The messages of a run, one record's diagnostics after another in input order. Errors
/// are printed at once, each with its file (and the warnings of a record that has errors
/// beside them). In a batch, any other warning is printed at the end
/// (finish()), once: the same message at the same place (JSON Pointer) in several records,
/// whatever the file, line and column, is shown as the first record has it, followed by
/// "(and in N other records)"; warnings in the order they were first seen.
class run_messages {
  public:
    explicit run_messages(bool batch) : batch_(batch) {}
    void add(const std::vector<rco::diagnostic>& diagnostics);
    void finish();

  private:
    struct repeated {
        rco::diagnostic first;
        std::size_t other_records = 0, last_record = 0;
    };
    bool batch_;
    std::size_t records_ = 0;
    std::vector<repeated> warnings_;
    std::unordered_map<std::string, std::size_t> index_; ///< message and place -> warnings_
};

/// --every-warning: a batch prints each record's warnings, repeated ones too.
void add_every_warning_option(CLI::App& sub, bool& every);

/// A batch's closing line on standard error, counted as the records are taken:
/// "rco-audit: 12 records audited: 7 meet, 3 do not meet, 1 incomplete, 1 unreadable".
struct run_tally {
    std::size_t meet = 0, not_met = 0, incomplete = 0, unreadable = 0;
    void count(const std::optional<rco::audit_result>& result);
    /// The line, `where` ("reports in out/") added after a semicolon when not empty.
    std::string line(std::string_view where) const;
};

/// "reports in out/, all.json and on standard output" for the outputs of a run
/// (a path, or "" or "-" for standard output; folders end with '/').
std::string reports_went(const std::vector<std::string>& outputs);

/// The cores this process may run on (its CPU affinity), at least 1.
std::size_t available_cores();

/// Shows "Auditing 12/40" on standard error while a batch runs, when it is a terminal.
class progress_bar {
  public:
    explicit progress_bar(std::size_t total);
    void step();
    ~progress_bar();

  private:
    std::size_t total_, done_ = 0;
    std::size_t shown_ = 0; ///< the width of the line last drawn, cleared at the end
    bool on_;
    std::mutex mutex_;
};

/// What one record of a run yields, waiting in the reorder window for its turn to be written.
struct audited_record {
    std::string file, organization, error;
    std::vector<rco::diagnostic> diagnostics;
    std::optional<rco::audit_result> result; ///< the whole result for one record; for a batch, the summary's part
    rco::report::report_info info;           ///< for one record
    std::vector<std::string> pieces;         ///< by joined target
    std::optional<rco::report::summary_row> row; ///< its row of the --summary files (when asked for)
};

/// Audits `count` records on `jobs` worker threads (audit(i) for record i, with a progress
/// bar) and hands each to take() on this thread in input order, as soon as it and those
/// before it are done; at most a small window of records waits between the two.
void audit_all(std::size_t count, std::size_t jobs, const std::function<audited_record(std::size_t)>& audit,
               const std::function<void(audited_record&&)>& take);

} // namespace rco::cli
