// rco-audit: running over many records (see batch.hpp).
#include "batch.hpp"
#include "command.hpp"
#include "common.hpp"
#include "terminal.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <iostream>
#include <thread>

#include <sched.h>
#include <unistd.h>

namespace rco::cli {

/// The nesting level of a report inside the batch document's "reports" list.
constexpr int batch_report_level = 2;

const report_format* find_format(std::string_view name) {
    for (const auto& f : formats)
        if (f.name == name)
            return &f;
    return nullptr;
}

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

joined_output::joined_output(const report_format& f, std::string path, const rco::io::output_options& opts,
                             const rco::report::report_info& header_info)
    : f_(f), path_(std::move(path)) {
    if (!path_.empty() && path_ != "-")
        file_.emplace(path_, opts);
    if (f_.join == join_kind::csv)
        put(rco::report::csv_header(header_info));
    if (f_.join == join_kind::json) {
        w_.begin_object();
        w_.key("format");
        w_.value("rco-audit-batch/1");
        w_.key("reports");
        w_.begin_array();
        flush();
    }
}

void joined_output::add(const std::string& piece) {
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

void joined_output::add_error(const std::string& file, const std::string& error) {
    if (f_.join == join_kind::json)
        errors_.emplace_back(file, error);
}

int joined_output::finish(const rco::io::output_options& opts) {
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
        print_error(err);
        return exit_input_error;
    }
    return 0;
}

void joined_output::put(std::string_view text) {
    if (file_)
        file_->write(text);
    else
        std::cout << text;
}

void joined_output::flush() {
    put(buffer_);
    buffer_.clear();
}

void run_messages::add(const std::vector<rco::diagnostic>& diagnostics) {
    ++records_;
    // A record that cannot be read keeps its warnings beside its errors.
    const bool at_once = !batch_ || rco::has_errors(diagnostics);
    for (const auto& d : diagnostics) {
        if (at_once) {
            print_diagnostic(d);
            continue;
        }
        auto key = d.message;
        key += '\0';
        key += d.pointer;
        const auto [it, fresh] = index_.try_emplace(std::move(key), warnings_.size());
        if (fresh)
            warnings_.push_back({d, 0, records_});
        else if (auto& w = warnings_[it->second]; w.last_record != records_) {
            ++w.other_records;
            w.last_record = records_;
        }
    }
}

namespace {
constexpr rco::message_def also_in_other_records{"cli.warning.also_in", " (and in {count} other record)",
                                                 " (and in {count} other records)", "count"};
} // namespace

void run_messages::finish() {
    for (const auto& w : warnings_)
        print_diagnostic(w.first, w.other_records == 0
                                      ? std::string()
                                      : say(also_in_other_records,
                                            {{"count", static_cast<std::int64_t>(w.other_records)}}));
    warnings_.clear();
    index_.clear();
}

void add_every_warning_option(CLI::App& sub, bool& every) {
    sub.add_flag("--every-warning", every,
                 "In a run over several records, print each record's warnings (by default a warning many "
                 "records share is printed once, with the number of other records)");
}

void run_tally::count(const std::optional<rco::audit_result>& result) {
    if (!result)
        ++unreadable;
    else if (result->result == rco::overall_outcome::meets_standards)
        ++meet;
    else if (result->result == rco::overall_outcome::does_not_meet)
        ++not_met;
    else
        ++incomplete;
}

namespace {
constexpr rco::message_def tally_line{"cli.tally", "rco-audit: {count} record audited: {meet}, {not_met}, {incomplete}, {unreadable}",
                                      "rco-audit: {count} records audited: {meet}, {not_met}, {incomplete}, {unreadable}",
                                      "count"};
constexpr rco::message_def tally_meet{"cli.tally.meet", "{count} meets", "{count} meet", "count"};
constexpr rco::message_def tally_not_met{"cli.tally.not_met", "{count} does not meet", "{count} do not meet", "count"};
constexpr rco::message_def tally_incomplete{"cli.tally.incomplete", "{count} incomplete", "{count} incomplete", "count"};
constexpr rco::message_def tally_unreadable{"cli.tally.unreadable", "{count} unreadable", "{count} unreadable", "count"};
constexpr rco::message_def tally_where{"cli.tally.where", "{tally}; {where}"};
constexpr rco::message_def went_to_files{"cli.reports_went.files", "reports in {files}"};
constexpr rco::message_def went_to_both{"cli.reports_went.files_and_stdout", "reports in {files} and on standard output"};
constexpr rco::message_def went_to_stdout{"cli.reports_went.stdout", "reports on standard output"};

rco::message_arg counted(std::string_view name, const rco::message_def& def, std::size_t n) {
    return {name, std::vector<rco::message>{
                      rco::message{&def, {{"count", static_cast<std::int64_t>(n)}}}}};
}
} // namespace

std::string run_tally::line(std::string_view where) const {
    const auto total = meet + not_met + incomplete + unreadable;
    auto out = say(tally_line, {{"count", static_cast<std::int64_t>(total)},
                                counted("meet", tally_meet, meet),
                                counted("not_met", tally_not_met, not_met),
                                counted("incomplete", tally_incomplete, incomplete),
                                counted("unreadable", tally_unreadable, unreadable)});
    if (!where.empty())
        out = say(tally_where, {{"tally", std::move(out)}, {"where", std::string(where)}});
    return out;
}

std::string reports_went(const std::vector<std::string>& outputs) {
    std::vector<std::string> files;
    bool to_stdout = false;
    for (const auto& o : outputs) {
        if (o.empty() || o == "-")
            to_stdout = true;
        else if (auto shown = rco::io::display_name(o); std::find(files.begin(), files.end(), shown) == files.end())
            files.push_back(std::move(shown));
    }
    if (files.empty())
        return to_stdout ? say(went_to_stdout) : std::string();
    rco::message_arg shown{"files", std::move(files)};
    shown.style = rco::list_style::commas;
    return say(to_stdout ? went_to_both : went_to_files, {std::move(shown)});
}

std::size_t available_cores() {
    cpu_set_t set;
    if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return static_cast<std::size_t>(CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

namespace {
constexpr rco::message_def progress_line{"cli.progress", "Auditing {done}/{total}"};
} // namespace

progress_bar::progress_bar(std::size_t total) : total_(total), on_(total > 1 && !terminal_settings().quiet && ::isatty(2)) {}

void progress_bar::step() {
    if (!on_)
        return;
    std::lock_guard lock(mutex_);
    ++done_;
    const std::size_t width = 30, filled = width * done_ / total_;
    const auto line = say(progress_line, {{"done", static_cast<std::int64_t>(done_)},
                                          {"total", static_cast<std::int64_t>(total_)}}) +
                      " [" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
    shown_ = std::max(shown_, line.size());
    std::cerr << "\r" << line << std::flush;
}

progress_bar::~progress_bar() {
    if (on_)
        std::cerr << "\r" << std::string(shown_, ' ') << "\r" << std::flush;
}

void audit_all(std::size_t count, std::size_t jobs, const std::function<audited_record(std::size_t)>& audit,
               const std::function<void(audited_record&&)>& take) {
    const std::size_t window = 2 * jobs + 2; // records audited ahead of the one being written
    std::vector<std::optional<audited_record>> slots(window);
    std::mutex slots_mutex;
    std::condition_variable slot_filled, slot_freed;
    std::size_t written = 0; // records handed to take() so far

    // Workers audit records (and write each one's own files) as soon as there is room.
    std::atomic<std::size_t> next{0};
    progress_bar bar(count);
    auto worker = [&] {
        for (std::size_t i; (i = next++) < count;) {
            {
                std::unique_lock lock(slots_mutex);
                slot_freed.wait(lock, [&] { return i < written + window; });
            }
            auto a = audit(i);
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

    // This thread takes the records in input order as they are done.
    for (std::size_t i = 0; i < count; ++i) {
        audited_record a;
        {
            std::unique_lock lock(slots_mutex);
            slot_filled.wait(lock, [&] { return slots[i % window].has_value(); });
            a = std::move(*slots[i % window]);
            slots[i % window].reset();
            ++written;
        }
        slot_freed.notify_all();
        take(std::move(a));
    }
    for (auto& t : pool)
        t.join();
}

} // namespace rco::cli
