#pragma once

// Writing the workbook with libxlsxwriter. The record goes through its JSON form
// (the same field tables), and every cell is written from the layout.

#include "rco/io/impl/json_record.ipp"
#include "rco/io/impl/workbook_layout.ipp"

#include <xlsxwriter.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <span>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace rco::io::detail::wb {

/// The value at `path` under `v`, or nullptr.
inline const json::value* find_path(const json::value* v, const std::vector<std::string>& path) {
    for (const auto& key : path) {
        if (!v || !v->is_object())
            return nullptr;
        v = v->get_object().if_contains(key);
    }
    return v;
}

/// Text that already reads as an OOXML escape (_x0041_) keeps its underscore
/// escaped (_x005F_), as spreadsheet programs do; libxlsxwriter escapes control
/// characters itself.
inline std::string escape_ooxml(const std::string& s) {
    if (s.find("_x") == std::string::npos)
        return s;
    std::string out;
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && hex(s[i + 2]) && hex(s[i + 3]) && hex(s[i + 4]) &&
            hex(s[i + 5]) && s[i + 6] == '_')
            out += "_x005F_"; // the underscore itself, escaped
        else
            out += s[i];
    }
    return out;
}

// What the writer says about a record it cannot write exactly, and about failures.
constexpr message_def empty_object_written_absent{"writer.workbook.empty_object",
                                                  "an empty object has no cells in a workbook; it is written as absent"};
constexpr message_def cannot_create_in_memory{"writer.workbook.no_memory_file", "cannot create the workbook in memory"};
constexpr message_def cannot_create{"writer.workbook.cannot_create", "cannot create the workbook"};
constexpr message_def cannot_write{"writer.workbook.cannot_write", "cannot write the workbook ({reason})"};
constexpr message_def list_item_inexact{"writer.workbook.list_item",
                                        "a list item in a workbook cell cannot be empty, be \"(none)\", start or end "
                                        "with a space or hold a line break; it cannot be written exactly"};
constexpr message_def text_too_long{"writer.workbook.text_too_long",
                                    "text of {count} characters does not fit in a spreadsheet cell (at most {limit})"};

/// Present but empty objects ("website": {}) have no cell of their own: they are
/// written as absent, with a warning.
inline void warn_empty_objects(const json::value& v, const std::string& pointer, std::vector<diagnostic>& diags) {
    if (const auto* o = v.if_object()) {
        if (o->empty() && !pointer.empty())
            diags.push_back(make_diagnostic(severity::warning, "", pointer, {&empty_object_written_absent, {}}));
        for (const auto& kv : *o)
            warn_empty_objects(kv.value(), pointer + "/" + std::string(kv.key()), diags);
    } else if (const auto* a = v.if_array()) {
        for (std::size_t i = 0; i < a->size(); ++i)
            warn_empty_objects((*a)[i], pointer + "/" + std::to_string(i), diags);
    }
}

/// libxlsxwriter 1.1.4 writes only to a named file: an anonymous memory file
/// (memfd) when the system has one, else a private temporary file removed at once.
class scratch_file {
public:
    scratch_file() {
#ifdef MFD_CLOEXEC
        fd_ = ::memfd_create("rco-audit-workbook", MFD_CLOEXEC);
        if (fd_ >= 0) {
            path_ = "/proc/self/fd/" + std::to_string(fd_);
            if (::access(path_.c_str(), F_OK) == 0)
                return;
            ::close(fd_);
            fd_ = -1;
        }
#endif
        const char* dir = std::getenv("TMPDIR");
        std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/rco-audit-workbook-XXXXXX";
        fd_ = ::mkstemp(tmpl.data());
        if (fd_ >= 0) {
            path_ = tmpl;
            unlink_ = true;
        }
    }
    ~scratch_file() {
        if (unlink_)
            ::unlink(path_.c_str());
        if (fd_ >= 0)
            ::close(fd_);
    }
    scratch_file(const scratch_file&) = delete;
    scratch_file& operator=(const scratch_file&) = delete;

    bool ok() const { return fd_ >= 0; }
    const std::string& path() const { return path_; }

    /// The file's whole contents (reopened by path: the writer replaced what fd_ saw).
    std::string contents() const {
        std::string out;
        const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return out;
        char buf[65536];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                out.clear();
                break;
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
        ::close(fd);
        return out;
    }

private:
    int fd_ = -1;
    std::string path_;
    bool unlink_ = false;
};

constexpr lxw_row_t table_validation_rows = 1000;

/// One line of a workbook's "Start here" sheet: its text as a message, translated (a
/// message without an id is English in every language).
struct start_line {
    enum style_t { title, heading, para, gap } style;
    message_def text = {};
};

/// What a workbook holds: its title (document properties), the "Start here" sheet's
/// lines, and the sheets after it, each written from the document's JSON form, in `lang`.
struct workbook_spec {
    const message_def& title; ///< the document's title (its properties), translated
    std::span<const start_line> start;
    const std::vector<sheet>& sheets;
    const message_language& lang = english();
};

constexpr message_def record_title{"workbook.title", "RCO record (rco-record/1)"};

// The record workbook's "Start here" sheet.
constexpr message_def start_title{"workbook.start.title", "RCO record workbook (rco-record/1)"};
constexpr message_def start_purpose_heading{"workbook.start.purpose_heading", "What this workbook is for"};
constexpr message_def start_purpose{
    "workbook.start.purpose",
    "It holds the evidence a Recovery Community Organization keeps to show that it meets the ten national "
    "RCO standards: its legal status, board, services, peer workers, community participation, policies "
    "and documents. rco-audit reads it directly and reports, standard by standard, what is met, what is "
    "not, and what evidence is missing."};
constexpr message_def start_fill_heading{"workbook.start.fill_heading", "How to fill it in"};
constexpr message_def start_fill_1{"workbook.start.fill_1",
                                   "1. Go through the sheets in order. Each sheet is one part of the record."};
constexpr message_def start_fill_2{
    "workbook.start.fill_2",
    "2. Sheets of one thing (Organization, Board, Bylaws, Policies, ...) have one row per field: type the "
    "answer in the Value column. The Help column says what the field means."};
constexpr message_def start_fill_3{
    "workbook.start.fill_3",
    "3. Sheets of a list (Board members, Services, Peer workers, Input events, Documents, ...) have one "
    "row per item and one column per field. Rest the mouse on a column header to read its help. Columns "
    "may be moved; keep the header words as they are. Empty rows are skipped."};
constexpr message_def start_fill_4{
    "workbook.start.fill_4",
    "4. Yes/no cells and fixed choices have drop-down lists: pick one of the offered words. Dates are date "
    "cells (or text as YYYY-MM-DD, e.g. 2026-06-30). Counts are whole numbers; amounts are dollars."};
constexpr message_def start_fill_5{
    "workbook.start.fill_5",
    "5. A list of several values in one cell (a service's eligibility words, a peer worker's supervision "
    "dates, ...) separates the values with a semicolon and a space: 2026-01-15; 2026-02-12. Write ;; for "
    "a semicolon inside a value."};
constexpr message_def start_fill_6{
    "workbook.start.fill_6",
    "6. Leave a cell empty when you do not know: a missing answer is reported as missing evidence. Write "
    "(none) to say a list is empty on purpose: in a list cell, or alone in the first row of a list sheet "
    "(for example, no grievances were received)."};
constexpr message_def start_run_heading{"workbook.start.run_heading", "How to run the audit"};
constexpr message_def start_run_check{"workbook.start.run_check",
                                      "Save the workbook as .xlsx, then run:   rco-audit check my-rco.xlsx"};
constexpr message_def start_run_validate{"workbook.start.run_validate",
                                         "To check the workbook for mistakes only:   rco-audit validate my-rco.xlsx"};
constexpr message_def start_run_errors{
    "workbook.start.run_errors",
    "Every problem names the sheet and the cell, e.g.  'Board members'!C7: expected yes or no."};
constexpr message_def start_privacy_heading{"workbook.start.privacy_heading", "Privacy"};
constexpr message_def start_privacy{
    "workbook.start.privacy",
    "Board members and peer workers are identified by ids (b01, p01, ...), never by names. Do not type "
    "anyone's name, diagnosis or recovery story into this workbook: a board member's recovery identity is "
    "sensitive personal information. Reports print counts, not ids, unless --show-names is asked for."};
constexpr message_def start_keep{
    "workbook.start.keep",
    "Do not rename or delete the sheets, and keep the Record sheet's format as rco-record/1. Other sheets "
    "you add are ignored (with a warning)."};

constexpr start_line record_start[] = {
    {start_line::title, start_title},
    {start_line::gap},
    {start_line::heading, start_purpose_heading},
    {start_line::para, start_purpose},
    {start_line::gap},
    {start_line::heading, start_fill_heading},
    {start_line::para, start_fill_1},
    {start_line::para, start_fill_2},
    {start_line::para, start_fill_3},
    {start_line::para, start_fill_4},
    {start_line::para, start_fill_5},
    {start_line::para, start_fill_6},
    {start_line::gap},
    {start_line::heading, start_run_heading},
    {start_line::para, start_run_check},
    {start_line::para, start_run_validate},
    {start_line::para, start_run_errors},
    {start_line::gap},
    {start_line::heading, start_privacy_heading},
    {start_line::para, start_privacy},
    {start_line::gap},
    {start_line::para, start_keep},
};

// The drop-downs' and the data checks' words.
constexpr message_def refused_word_title{"workbook.check.word_title", "Not one of the accepted words"};
constexpr message_def refused_word{"workbook.check.word", "Pick one of the words offered in the drop-down list."};
constexpr message_def refused_whole_title{"workbook.check.whole_title", "Not a whole number"};
constexpr message_def refused_whole{"workbook.check.whole", "Type a whole number, 0 or more."};
constexpr message_def refused_money_title{"workbook.check.money_title", "Not an amount"};
constexpr message_def refused_money{"workbook.check.money", "Type an amount in dollars, 0 or more."};
constexpr message_def refused_date_title{"workbook.check.date_title", "Not a date"};
constexpr message_def refused_date{"workbook.check.date", "Type a date, e.g. 2026-06-30."};

class xlsx_writer {
public:
    std::vector<diagnostic> diags;

    std::string write(const json::value& root, const workbook_spec& spec) {
        lang_ = &spec.lang;
        scratch_file out;
        if (!out.ok()) {
            fail("", {&cannot_create_in_memory, {}});
            return {};
        }
        lxw_workbook_options options{};
        wb_ = workbook_new_opt(out.path().c_str(), &options);
        if (!wb_) {
            fail("", {&cannot_create, {}});
            return {};
        }
        lxw_doc_properties props{};
        const std::string title = word(spec.title);
        props.title = const_cast<char*>(title.c_str());
        props.comments = const_cast<char*>("Written by rco-audit " RCO_VERSION);
        props.created = 946684800; // 2000-01-01T00:00:00Z, not the clock: the same input gives the same bytes
        workbook_set_properties(wb_, &props);
        make_formats();
        start_sheet(spec.start);
        for (const auto& s : spec.sheets) {
            const json::value* v = find_path(&root, s.path);
            if (s.table)
                table_sheet(s, v && v->is_array() ? &v->get_array() : nullptr);
            else
                form_sheet(s, v && v->is_object() ? v : nullptr);
        }
        const auto closed = workbook_close(wb_);
        wb_ = nullptr;
        if (closed != LXW_NO_ERROR) {
            fail("", {&cannot_write, {{"reason", std::string(lxw_strerror(closed))}}});
            return {};
        }
        if (has_errors(diags))
            return {};
        return out.contents();
    }

private:
    void fail(const std::string& pointer, message m) {
        diags.push_back(make_diagnostic(severity::error, "", pointer, std::move(m)));
    }

    void make_formats() {
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xDDEBF7);
        format_set_border(header_, LXW_BORDER_THIN);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        label_ = workbook_add_format(wb_);
        format_set_bold(label_);
        format_set_align(label_, LXW_ALIGN_VERTICAL_TOP);
        help_ = workbook_add_format(wb_);
        format_set_text_wrap(help_);
        format_set_font_color(help_, 0x595959);
        format_set_align(help_, LXW_ALIGN_VERTICAL_TOP);
        text_ = workbook_add_format(wb_);
        format_set_num_format(text_, "@");
        format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
        date_ = workbook_add_format(wb_);
        format_set_num_format(date_, "yyyy-mm-dd");
        format_set_align(date_, LXW_ALIGN_LEFT);
        format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);
        whole_ = workbook_add_format(wb_);
        format_set_num_format(whole_, "0");
        format_set_align(whole_, LXW_ALIGN_LEFT);
        format_set_align(whole_, LXW_ALIGN_VERTICAL_TOP);
        money_ = workbook_add_format(wb_);
        format_set_num_format(money_, "#,##0.00");
        format_set_align(money_, LXW_ALIGN_LEFT);
        format_set_align(money_, LXW_ALIGN_VERTICAL_TOP);
        title_ = workbook_add_format(wb_);
        format_set_bold(title_);
        format_set_font_size(title_, 16);
        heading_ = workbook_add_format(wb_);
        format_set_bold(heading_);
        format_set_font_size(heading_, 12);
        para_ = workbook_add_format(wb_);
        format_set_text_wrap(para_);
        format_set_align(para_, LXW_ALIGN_VERTICAL_TOP);
        wrap_ = workbook_add_format(wb_);
        format_set_num_format(wrap_, "@");
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
        context_ = workbook_add_format(wb_);
        format_set_num_format(context_, "@");
        format_set_text_wrap(context_);
        format_set_align(context_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(context_, 0xF2F2F2);
        format_set_font_color(context_, 0x404040);
    }

    lxw_format* format_for(const column& c) const {
        if (c.context)
            return context_;
        if (c.width > 0 && (c.list || c.kind == cell_kind::text))
            return wrap_;
        if (c.list)
            return text_;
        switch (c.kind) {
        case cell_kind::date: return date_;
        case cell_kind::whole: return whole_;
        case cell_kind::money: return money_;
        default: return text_;
        }
    }

    /// Spreadsheet programs do not grow rows for wrapped text on opening: a height
    /// for `text` in a column `width` characters wide.
    static double row_height(std::string_view text, double width) {
        const auto chars = static_cast<double>(text.size());
        const double lines = std::max(1.0, std::ceil(chars / (width * 0.95)));
        return 15.0 * lines;
    }

    std::string word(const message_def& def) const { return word_in(def, *lang_); }

    void start_sheet(std::span<const start_line> lines) {
        auto* ws = workbook_add_worksheet(wb_, word(sheet_start).c_str());
        worksheet_set_column(ws, 0, 0, 80, para_);
        worksheet_fit_to_pages(ws, 1, 0);
        lxw_row_t r = 0;
        for (const auto& l : lines) {
            if (l.style == start_line::gap) {
                r++;
                continue;
            }
            lxw_format* f = l.style == start_line::title ? title_ : l.style == start_line::heading ? heading_ : para_;
            const auto text = word(l.text);
            if (l.style == start_line::para)
                worksheet_set_row(ws, r, row_height(text, 80), nullptr);
            worksheet_write_string(ws, r++, 0, text.c_str(), f);
        }
        worksheet_activate(ws);
    }

    void validation(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col, const column& c) {
        if (c.list || c.context)
            return; // several values in one cell: no drop-down can offer them
        lxw_data_validation v{};
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        std::vector<std::string> words;
        std::vector<char*> list;
        // The messages of a data check, kept alive until the worksheet has copied them.
        std::string title, message;
        auto refuse = [&](const message_def& t, const message_def& m) {
            title = word(t);
            message = word(m);
            v.error_title = title.data();
            v.error_message = message.data();
        };
        if (c.kind == cell_kind::yes_no)
            words = {word(yes_word), word(no_word)};
        else
            for (auto w : c.words)
                words.emplace_back(w);
        if (!words.empty()) {
            for (auto& w : words)
                list.push_back(w.data());
            list.push_back(nullptr);
            v.validate = LXW_VALIDATION_TYPE_LIST;
            v.value_list = list.data();
            refuse(refused_word_title, refused_word);
            worksheet_data_validation_range(ws, first, col, last, col, &v);
            return;
        }
        switch (c.kind) {
        case cell_kind::text:
        case cell_kind::yes_no:
        case cell_kind::choice: return;
        case cell_kind::whole:
            v.validate = LXW_VALIDATION_TYPE_INTEGER;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            v.value_number = 0;
            refuse(refused_whole_title, refused_whole);
            break;
        case cell_kind::money:
            v.validate = LXW_VALIDATION_TYPE_DECIMAL;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            v.value_number = 0;
            refuse(refused_money_title, refused_money);
            break;
        case cell_kind::date:
            v.validate = LXW_VALIDATION_TYPE_DATE;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            v.value_datetime = {1900, 1, 1, 0, 0, 0};
            // Text dates (YYYY-MM-DD, and dates before 1900) are accepted too: warn, do not stop.
            v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            refuse(refused_date_title, refused_date);
            break;
        }
        worksheet_data_validation_range(ws, first, col, last, col, &v);
    }

    /// "a; b;; c" for [a, b; c]: the separated cell of a list of values.
    std::string join_list(const json::array& a, const column& c, const std::string& pointer) {
        if (a.empty())
            return std::string(none_marker);
        std::string out;
        for (std::size_t i = 0; i < a.size(); ++i) {
            std::string item;
            if (a[i].is_string())
                item = std::string(a[i].get_string());
            if (c.kind == cell_kind::text &&
                (item.empty() || item == none_marker || item.front() == ' ' || item.back() == ' ' ||
                 item.find_first_of("\t\n\r") != std::string::npos))
                fail(pointer + "/" + std::to_string(i), {&list_item_inexact, {}});
            std::string escaped;
            for (char ch : item)
                escaped += ch == ';' ? std::string(";;") : std::string(1, ch);
            out += (i ? "; " : "") + escaped;
        }
        return out;
    }

    void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const column& c, const json::value& v,
              const std::string& pointer) {
        auto text = [&](const std::string& s) {
            if (s.size() > excel_max_cell_chars) { // bytes >= characters: only then can it be too long
                std::size_t chars = 0;
                for (unsigned char ch : s)
                    chars += (ch & 0xC0) != 0x80;
                if (chars > excel_max_cell_chars) {
                    fail(pointer, {&text_too_long,
                                   {{"count", static_cast<std::int64_t>(chars)},
                                    {"limit", static_cast<std::int64_t>(excel_max_cell_chars), list_style::and_,
                                     number_style::grouped}}});
                    return;
                }
            }
            lxw_format* f = c.kind == cell_kind::text || c.list ? format_for(c) : text_;
            if (s.empty()) {
                // A blank cell would read as absent: an empty text is a formula giving "".
                worksheet_write_formula_str(ws, row, col, "=\"\"", f, "");
                return;
            }
            worksheet_write_string(ws, row, col, escape_ooxml(s).c_str(), f);
        };
        if (c.list) {
            if (v.is_array())
                text(join_list(v.get_array(), c, pointer));
            return;
        }
        switch (c.kind) {
        case cell_kind::text:
        case cell_kind::choice:
            if (v.is_string())
                text(std::string(v.get_string()));
            return;
        case cell_kind::yes_no:
            if (v.is_bool())
                text(word(v.get_bool() ? yes_word : no_word));
            return;
        case cell_kind::whole:
            if (v.is_int64()) {
                // Beyond 2^53 a number cell is not exact: write the digits as text.
                if (v.get_int64() <= (std::int64_t{1} << 53))
                    worksheet_write_number(ws, row, col, static_cast<double>(v.get_int64()), whole_);
                else
                    text(std::to_string(v.get_int64()));
            }
            return;
        case cell_kind::money:
            if (v.is_int64())
                worksheet_write_number(ws, row, col, static_cast<double>(v.get_int64()), money_);
            else if (v.is_double())
                worksheet_write_number(ws, row, col, v.get_double(), money_);
            return;
        case cell_kind::date:
            if (v.is_string())
                if (auto d = parse_date(v.get_string())) {
                    if (*d >= date{std::chrono::year{1900}, std::chrono::March, std::chrono::day{1}})
                        worksheet_write_number(ws, row, col, static_cast<double>(serial_1900(*d)), date_);
                    else // before the spreadsheet calendar: ISO text, which the reader accepts
                        text(std::string(v.get_string()));
                }
            return;
        }
    }

    void form_sheet(const sheet& s, const json::value* obj) {
        auto* ws = workbook_add_worksheet(wb_, name_in(s, *lang_).c_str());
        worksheet_set_column(ws, 0, 0, 34, label_);
        worksheet_set_column(ws, 1, 1, 42, nullptr);
        worksheet_set_column(ws, 2, 2, 90, help_);
        worksheet_write_string(ws, 0, 0, word(header_field).c_str(), header_);
        worksheet_write_string(ws, 0, 1, word(header_value).c_str(), header_);
        worksheet_write_string(ws, 0, 2, word(header_help).c_str(), header_);
        worksheet_freeze_panes(ws, 1, 0);
        const auto base = pointer_of(s.path);
        for (std::size_t i = 0; i < s.columns.size(); ++i) {
            const auto& c = s.columns[i];
            const auto row = static_cast<lxw_row_t>(i + 1);
            const auto help = help_of(c, *lang_);
            worksheet_set_row(ws, row, row_height(help, 90), nullptr);
            worksheet_write_string(ws, row, 0, c.label.c_str(), label_);
            worksheet_write_string(ws, row, 2, help.c_str(), help_);
            // An empty cell keeps its type's format, so what a volunteer types stays what it is.
            worksheet_write_blank(ws, row, 1, format_for(c));
            if (const auto* v = find_path(obj, c.path))
                cell(ws, row, 1, c, *v, base + "/" + pointer_of(c.path).substr(1));
            validation(ws, row, row, 1, c);
        }
    }

    void table_sheet(const sheet& s, const json::array* items) {
        auto* ws = workbook_add_worksheet(wb_, name_in(s, *lang_).c_str());
        worksheet_freeze_panes(ws, 1, 0);
        const auto base = pointer_of(s.path);
        for (std::size_t k = 0; k < s.columns.size(); ++k) {
            const auto& c = s.columns[k];
            const auto col = static_cast<lxw_col_t>(k);
            const double width = c.width > 0                                              ? c.width
                                 : c.kind == cell_kind::date && !c.list                       ? 13
                                 : c.kind == cell_kind::whole || c.kind == cell_kind::yes_no ? 12
                                 : c.list                                                     ? 30
                                                                                              : 22;
            worksheet_set_column(ws, col, col, std::max(width, static_cast<double>(c.label.size()) + 2),
                                 format_for(c));
            worksheet_write_string(ws, 0, col, c.label.c_str(), header_);
            lxw_comment_options co{};
            co.width = 360;
            co.height = 120;
            worksheet_write_comment_opt(ws, 0, col, help_of(c, *lang_).c_str(), &co);
            const auto rows = std::max<lxw_row_t>(table_validation_rows,
                                                  items ? static_cast<lxw_row_t>(items->size()) + 200 : 0);
            validation(ws, 1, rows, col, c);
        }
        if (!items)
            return;
        if (items->empty()) {
            worksheet_write_string(ws, 1, 0, std::string(none_marker).c_str(), text_);
            return;
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto row = static_cast<lxw_row_t>(i + 1);
            double height = 0; // wrapped columns: tall enough for their text
            for (std::size_t k = 0; k < s.columns.size(); ++k) {
                const auto& c = s.columns[k];
                if (const auto* v = find_path(&(*items)[i], c.path)) {
                    cell(ws, row, static_cast<lxw_col_t>(k), c, *v,
                         base + "/" + std::to_string(i) + pointer_of(c.path));
                    if (c.width > 0 && v->is_string())
                        height = std::max(height, row_height(std::string_view(v->get_string()), c.width));
                }
            }
            if (height > 15.0)
                worksheet_set_row(ws, row, height, nullptr);
        }
    }

    const message_language* lang_ = &english();
    lxw_workbook* wb_ = nullptr;
    lxw_format *header_ = nullptr, *label_ = nullptr, *help_ = nullptr, *text_ = nullptr, *date_ = nullptr,
               *whole_ = nullptr, *money_ = nullptr, *title_ = nullptr, *heading_ = nullptr, *para_ = nullptr,
               *wrap_ = nullptr, *context_ = nullptr;
};

} // namespace rco::io::detail::wb

namespace rco::io {

workbook_write_result write_record_xlsx(const record& rec, const message_language& lang) {
    detail::wb::xlsx_writer w;
    workbook_write_result out;
    const auto doc = detail::to_json(rec);
    out.bytes = w.write(doc, {detail::wb::record_title, detail::wb::record_start, detail::wb::layout(), lang});
    out.diagnostics = std::move(w.diags);
    detail::wb::warn_empty_objects(doc, "", out.diagnostics);
    if (has_errors(out.diagnostics))
        out.bytes.clear();
    return out;
}

std::string start_sheet_name(const message_language& lang) { return detail::wb::word_in(detail::wb::sheet_start, lang); }

workbook_write_result blank_workbook(const message_language& lang) {
    record rec;
    rec.format = std::string(record_format_id);
    return write_record_xlsx(rec, lang);
}

} // namespace rco::io
