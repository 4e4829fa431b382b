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
        std::cerr << "rco-audit: error: " << err << "\n";
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

void run_messages::finish() {
    for (const auto& w : warnings_)
        print_diagnostic(w.first, w.other_records == 0 ? std::string()
                                  : " (and in " + std::to_string(w.other_records) +
                                        (w.other_records == 1 ? " other record)" : " other records)"));
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

std::string run_tally::line(std::string_view where) const {
    const auto total = meet + not_met + incomplete + unreadable;
    auto out = "rco-audit: " + std::to_string(total) + (total == 1 ? " record" : " records") + " audited: " +
               std::to_string(meet) + (meet == 1 ? " meets" : " meet") + ", " + std::to_string(not_met) +
               (not_met == 1 ? " does not meet" : " do not meet") + ", " + std::to_string(incomplete) +
               " incomplete, " + std::to_string(unreadable) + " unreadable";
    if (!where.empty())
        out += "; " + std::string(where);
    return out;
}

std::string reports_went(const std::vector<std::string>& outputs) {
    std::vector<std::string> files;
    bool to_stdout = false;
    for (const auto& o : outputs) {
        if (o.empty() || o == "-")
            to_stdout = true;
        else if (std::find(files.begin(), files.end(), o) == files.end())
            files.push_back(o);
    }
    std::string out = "reports";
    for (std::size_t i = 0; i < files.size(); ++i)
        out += (i == 0 ? " in " : ", ") + rco::io::display_name(files[i]);
    if (to_stdout)
        out += files.empty() ? " on standard output" : " and on standard output";
    return files.empty() && !to_stdout ? std::string() : out;
}

std::size_t available_cores() {
    cpu_set_t set;
    if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return static_cast<std::size_t>(CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

progress_bar::progress_bar(std::size_t total) : total_(total), on_(total > 1 && !terminal_settings().quiet && ::isatty(2)) {}

void progress_bar::step() {
    if (!on_)
        return;
    std::lock_guard lock(mutex_);
    ++done_;
    const std::size_t width = 30, filled = width * done_ / total_;
    std::cerr << "\rAuditing " << done_ << "/" << total_ << " [" << std::string(filled, '#')
              << std::string(width - filled, '.') << "]" << std::flush;
}

progress_bar::~progress_bar() {
    if (on_)
        std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
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
