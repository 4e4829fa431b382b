#pragma once

// The review workbook: its layout (hand-made: a review is not a record_struct, but its
// sheets are the record workbook's form and table sheets), written by the record
// workbook's writer from the review's JSON form and read back by its reader into that
// JSON form, which read_review_json validates.

#include "rco/io/impl/workbook_reader.ipp"
#include "rco/io/impl/workbook_writer.ipp"
#include "rco/io/review_json.hpp"
#include "rco/io/review_workbook.hpp"

#include <algorithm>
#include <initializer_list>

namespace rco::io::detail::wb {

constexpr message_def sheet_review{"workbook.review.sheet.review", "Review"};
constexpr message_def sheet_judgments{"workbook.review.sheet.judgments", "Judgments"};
constexpr message_def sheet_scores{"workbook.review.sheet.scores", "Scores"};

/// The review workbook's sheets after "Start here". Help from the rco-review/1 schema.
/// The review schema's help, parsed once, when first asked for.
inline const schema_help& review_schema_help() {
    static const schema_help help("rco-review-1.schema.json");
    return help;
}

inline const std::vector<sheet>& review_layout() {
    static const std::vector<sheet> sheets = [] {
        struct field {
            std::string_view label;
            cell_kind kind = cell_kind::text;
            bool list = false;
            bool context = false;
            double width = 0;
            std::vector<std::string_view> words = {};
        };
        auto make = [&](const message_def& name, std::vector<std::string> path, bool table,
                        std::initializer_list<field> fields) {
            sheet s{std::string(name.one), &name, path, table, {}};
            for (const auto& f : fields) {
                column c;
                c.label = std::string(f.label);
                for (std::size_t at = 0; at <= f.label.size();) {
                    const auto dot = std::min(f.label.find('.', at), f.label.size());
                    c.path.emplace_back(f.label.substr(at, dot - at));
                    at = dot + 1;
                }
                c.kind = f.kind;
                c.list = f.list;
                c.context = f.context;
                c.width = f.width;
                c.words = f.words;
                c.schema = &review_schema_help;
                c.schema_path = path;
                if (table)
                    c.schema_path.emplace_back("*");
                c.schema_path.insert(c.schema_path.end(), c.path.begin(), c.path.end());
                s.columns.push_back(std::move(c));
            }
            return s;
        };
        const std::vector<std::string_view> score{"0", "1", "2"};
        std::vector<sheet> out;
        out.push_back(make(sheet_review, {}, false,
                           {{"format"},
                            {"organization.name"},
                            {"organization.ein"},
                            {"reviewer.id"},
                            {"reviewer.name"},
                            {"reviewer.role"},
                            {"date", cell_kind::date},
                            {"description"}}));
        out.push_back(make(sheet_judgments, {"judgments"}, true,
                           {{"check"},
                            {"title", cell_kind::text, false, true, 30},
                            {"automatic_status", cell_kind::text, false, true, 18},
                            {"question", cell_kind::text, false, true, 50},
                            {"verdict", cell_kind::text, false, false, 0,
                             {"satisfied", "not_satisfied", "not_applicable"}},
                            {"evidence", cell_kind::text, true, false, 12},
                            {"note", cell_kind::text, false, false, 50}}));
        out.push_back(make(sheet_scores, {"scores"}, true,
                           {{"standard", cell_kind::whole},
                            {"title", cell_kind::text, false, true, 30},
                            {"automatic_result", cell_kind::text, false, true, 50},
                            {"has_it", cell_kind::whole, false, false, 0, score},
                            {"uses_it", cell_kind::whole, false, false, 0, score},
                            {"evidence", cell_kind::text, true, false, 12},
                            {"finding", cell_kind::text, false, false, 40},
                            {"recommended_action", cell_kind::text, false, false, 40}}));
        return out;
    }();
    return sheets;
}

constexpr message_def review_title{"workbook.review.title", "RCO review (rco-review/1)"};

// The review workbook's "Start here" sheet.
constexpr message_def review_start_title{"workbook.review.start.title",
    "RCO review sheet (rco-review/1)"};
constexpr message_def review_start_purpose_heading{"workbook.review.start.purpose_heading",
    "What this sheet is for"};
constexpr message_def review_start_purpose{"workbook.review.start.purpose",
    "One peer reviewer's judgments and scores for one organization: the half of an accreditation review that "
    "people decide, next to rco-audit's automatic checks. It was filled in from the organization's record: the "
    "Judgments sheet lists each check the machine could not decide (it needs a person's judgment, or evidence "
    "the record does not hold), the Scores sheet each standard with its automatic results as the \"Has it\" "
    "evidence."};
constexpr message_def review_start_fill_heading{"workbook.review.start.fill_heading",
    "How to fill it in"};
constexpr message_def review_start_fill_1{"workbook.review.start.fill_1",
    "1. Review: type your reviewer id (e.g. rev-02), your name and role (optional) and the review date. Keep the "
    "organization's name and EIN: a review of another organization is refused."};
constexpr message_def review_start_fill_2{"workbook.review.start.fill_2",
    "2. Judgments: for each check you judge, pick a verdict in the drop-down: satisfied (the check passes), "
    "not_satisfied (it fails) or not_applicable. Add the evidence codes and a note saying why. Leave the verdict "
    "empty for a check you do not judge: the row is skipped."};
constexpr message_def review_start_fill_3{"workbook.review.start.fill_3",
    "3. To judge a check the machine already decided, add a row with its id (rco-audit rules lists them): your "
    "verdict overrides the automatic result and needs a note."};
constexpr message_def review_start_fill_4{"workbook.review.start.fill_4",
    "4. Scores: for each standard you rate, pick has_it (the policy or structure exists) and uses_it (it is "
    "practised): 0 = none, 1 = moderate, 2 = excellent conformance. Write what you found (finding) and what the "
    "organization should do (recommended_action, which goes into the Performance Improvement Plan). Leave both "
    "scores empty for a standard you do not rate: the row is skipped."};
constexpr message_def review_start_fill_5{"workbook.review.start.fill_5",
    "5. The grey columns (title, automatic_status, question, automatic_result) are there to read; what is typed "
    "in them is ignored. Rest the mouse on a column header to read its help."};
constexpr message_def review_start_codes_heading{"workbook.review.start.codes_heading",
    "Evidence codes"};
constexpr message_def review_start_codes{"workbook.review.start.codes",
    "D documents, O observations, I interviews, S surveys, T tracers (following one person's or one file's way "
    "through the organization). Several codes in one cell are separated by a semicolon and a space: D; I"};
constexpr message_def review_start_back_heading{"workbook.review.start.back_heading",
    "How to hand it back"};
constexpr message_def review_start_back_check{"workbook.review.start.back_check",
    "Save the workbook as .xlsx, then run:   rco-audit check RECORD --review this-sheet.xlsx"};
constexpr message_def review_start_back_errors{"workbook.review.start.back_errors",
    "Give one --review per reviewer. Every problem names the sheet and the cell, e.g.  Judgments!E2: expected "
    "satisfied, not_satisfied or not_applicable."};
constexpr message_def review_start_privacy_heading{"workbook.review.start.privacy_heading",
    "Privacy"};
constexpr message_def review_start_privacy{"workbook.review.start.privacy",
    "Your name appears in the reports: reviewers are accountable for their judgments. Do not write the name of a "
    "member, participant or peer worker, a diagnosis or anyone's recovery story in a note or a finding: reports "
    "print notes and findings as written."};
constexpr message_def review_start_keep{"workbook.review.start.keep",
    "Do not rename the sheets or the column headers, and keep the Review sheet's format as rco-review/1. Other "
    "sheets you add are ignored (with a warning)."};

constexpr start_line review_start[] = {
    {start_line::title, review_start_title},
    {start_line::gap},
    {start_line::heading, review_start_purpose_heading},
    {start_line::para, review_start_purpose},
    {start_line::gap},
    {start_line::heading, review_start_fill_heading},
    {start_line::para, review_start_fill_1},
    {start_line::para, review_start_fill_2},
    {start_line::para, review_start_fill_3},
    {start_line::para, review_start_fill_4},
    {start_line::para, review_start_fill_5},
    {start_line::gap},
    {start_line::heading, review_start_codes_heading},
    {start_line::para, review_start_codes},
    {start_line::gap},
    {start_line::heading, review_start_back_heading},
    {start_line::para, review_start_back_check},
    {start_line::para, review_start_back_errors},
    {start_line::gap},
    {start_line::heading, review_start_privacy_heading},
    {start_line::para, review_start_privacy},
    {start_line::gap},
    {start_line::para, review_start_keep},
};

constexpr message_def not_review_json{"writer.review_workbook.not_json", "not an rco-review/1 JSON object"};
constexpr message_def no_review_sheets{"reader.review_workbook.no_review_sheets",
                                      "not an rco-review/1 workbook: none of its sheets is Review, Judgments or "
                                      "Scores; start from the sheet `rco-audit review-sheet RECORD -o sheet.xlsx` "
                                      "writes"};

/// Removes blank values (empty texts, lists and objects; nulls) from a review's objects:
/// in the workbook they are blank cells.
inline void drop_blanks(json::value& v) {
    if (auto* a = v.if_array()) {
        for (auto& item : *a)
            drop_blanks(item);
        return;
    }
    auto* o = v.if_object();
    if (!o)
        return;
    for (auto it = o->begin(); it != o->end();) {
        drop_blanks(it->value());
        const auto& x = it->value();
        const bool blank = x.is_null() || (x.is_string() && x.get_string().empty()) ||
                           (x.is_array() && x.get_array().empty()) || (x.is_object() && x.get_object().empty());
        it = blank ? o->erase(it) : std::next(it);
    }
}

} // namespace rco::io::detail::wb

namespace rco::io {

workbook_write_result write_review_xlsx(std::string_view review_json, const message_language& lang) {
    namespace wb = detail::wb;
    workbook_write_result out;
    boost::system::error_code ec;
    auto doc = wb::json::parse(review_json, ec);
    if (ec || !doc.is_object()) {
        out.diagnostics.push_back(make_diagnostic(severity::error, "", "", {&wb::not_review_json, {}}));
        return out;
    }
    wb::drop_blanks(doc);
    wb::xlsx_writer w;
    out.bytes = w.write(doc, {wb::review_title, wb::review_start, wb::review_layout(), lang});
    out.diagnostics = std::move(w.diags);
    if (has_errors(out.diagnostics))
        out.bytes.clear();
    return out;
}

std::optional<review> read_review_xlsx(std::string_view bytes, std::string_view file_name, const catalog& cat,
                                       std::vector<diagnostic>& diags) {
    namespace wb = detail::wb;
    namespace json = boost::json;
    try {
        wb::workbook_package pk(bytes, review_format);
        wb::cell_reader cr(file_name, pk.date1904);
        std::vector<diagnostic> notes;
        if (!wb::read_sheets(pk, wb::review_layout(), cr, notes, file_name, review_format)) {
            diags.push_back(make_diagnostic(severity::error, std::string(file_name), "", {&wb::no_review_sheets, {}}));
            return std::nullopt;
        }
        // Blank cells stand for what the JSON sheet leaves blank: an empty reviewer id and
        // date (an error, at their cells), an empty verdict and null scores (a row skipped).
        auto& root = cr.root;
        if (!root["reviewer"].is_object())
            root["reviewer"] = json::object{};
        root["reviewer"].as_object().emplace("id", "");
        root.emplace("date", "");
        if (auto* js = root.if_contains("judgments"); js && js->is_array())
            for (auto& j : js->get_array())
                if (auto* o = j.if_object())
                    o->emplace("verdict", "");
        if (auto* ss = root.if_contains("scores"); ss && ss->is_array())
            for (auto& s : ss->get_array())
                if (auto* o = s.if_object(); o && !o->contains("has_it") && !o->contains("uses_it")) {
                    o->emplace("has_it", nullptr);
                    o->emplace("uses_it", nullptr);
                }
        const auto review_sheet = cr.name_of(wb::review_layout().front());
        cr.where.emplace("/organization",
                         wb::cell_for(cr.where, "/organization/ein",
                                      wb::cell_for(cr.where, "/organization/name", wb::cell_ref(review_sheet, 2, 1))));
        cr.where.emplace("/reviewer", wb::cell_for(cr.where, "/reviewer/id", wb::cell_ref(review_sheet, 4, 1)));

        std::vector<diagnostic> found;
        auto rv = read_review_json(json::serialize(root), file_name, cat, found);
        // A cell that could not be read is reported once: not again as missing or wrong.
        std::erase_if(found, [&](const diagnostic& d) {
            return std::any_of(cr.diags.begin(), cr.diags.end(), [&](const diagnostic& e) {
                if (e.severity != severity::error)
                    return false;
                if (e.pointer == d.pointer)
                    return true;
                const auto slash = e.pointer.rfind('/');
                return slash != std::string::npos && e.pointer.substr(0, slash) == d.pointer &&
                       d.message == "missing \"" + e.pointer.substr(slash + 1) + "\"";
            });
        });
        for (auto& d : found)
            wb::place_at_cell(d, cr.where, wb::cell_ref(review_sheet, 0, 0));
        const bool cell_errors = has_errors(cr.diags) || has_errors(notes);
        diags.insert(diags.end(), cr.diags.begin(), cr.diags.end());
        diags.insert(diags.end(), found.begin(), found.end());
        diags.insert(diags.end(), notes.begin(), notes.end());
        if (!rv || cell_errors)
            return std::nullopt;
        auto at_cell = [&](source_location& w) {
            w.line = w.column = 0;
            w.cell = wb::cell_for(cr.where, w.pointer, wb::cell_ref(review_sheet, 0, 0));
        };
        at_cell(rv->where);
        for (auto& j : rv->judgments)
            at_cell(j.where);
        for (auto& s : rv->scores)
            at_cell(s.where);
        return rv;
    } catch (const wb::unreadable& e) {
        diags.push_back(make_diagnostic(severity::error, std::string(file_name), "", e.text));
        return std::nullopt;
    }
}

std::optional<review> read_review(std::string_view bytes, std::string_view file_name, const catalog& cat,
                                  std::vector<diagnostic>& diags) {
    return looks_like_workbook(bytes) ? read_review_xlsx(bytes, file_name, cat, diags)
                                      : read_review_json(bytes, file_name, cat, diags);
}

} // namespace rco::io
