#pragma once

// The summary of many organizations (a batch run): CSV and HTML.
#include "rco/report/accreditation.hpp"
#include "rco/report/formats.hpp"

#include <array>
#include <cctype>
#include <optional>

namespace rco::report {

// ---- Batch summary ----------------------------------------------------------------------------------

namespace formats_detail {
namespace {

constexpr int standard_count = 10;
constexpr std::array<status, 6> all_statuses{status::pass,           status::fail,
                                             status::insufficient_evidence, status::manual_review,
                                             status::not_applicable, status::waived};

/// Each standard's result in a row, standard 1 first; empty when not reported.
std::array<std::optional<standard_outcome>, standard_count> standard_cells(const summary_result& r) {
    std::array<std::optional<standard_outcome>, standard_count> cells;
    for (const auto& s : r.standards)
        if (s.number >= 1 && s.number <= standard_count)
            cells[static_cast<std::size_t>(s.number - 1)] = s.result;
    return cells;
}

/// A link's path as a URL path: unreserved characters and '/' stay, the rest is %XX.
std::string url_path(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : path) {
        if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/')
            out += static_cast<char>(ch);
        else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}

constexpr std::string_view summary_css = R"css(
body.grid { max-width: 80rem; }
table.grid th, table.grid td { padding: 0.25rem 0.4rem; }
table.grid td.st { width: 2.4rem; text-align: center; font-weight: 700; padding: 0.25rem 0; }
table.grid thead th.st { text-align: center; padding: 0.25rem 0; }
td.st.ok { color: #1e4620; background: #edf7ed; }
td.st.bad { color: #8a1c1c; background: #fdecea; }
td.st.open { color: #663c00; background: #fff4e5; }
table.grid .file { display: block; font-size: 0.85em; color: #4a4a4a; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
ol.standards { columns: 2; column-gap: 2rem; }
@media print { @page { size: landscape; } td.st { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  ol.standards { columns: 2; } }
)css";

} // namespace
} // namespace formats_detail

summary_result::summary_result(const audit_result& r)
    : result(r.result), score(r.score), as_of(r.as_of), accreditation(r.accreditation) {
    standards.reserve(r.standards.size());
    for (const auto& s : r.standards)
        standards.push_back({s.number, s.result, s.finding});
    checks.reserve(r.checks.size());
    for (const auto& c : r.checks) {
        checks.push_back(c.status);
        ++status_counts[static_cast<std::size_t>(c.status)];
    }
}

summary_columns summary_columns_of(const catalog& cat, const message_language& lang) {
    summary_columns out;
    out.standard_titles.resize(formats_detail::standard_count);
    for (const auto& s : cat.standards)
        if (s.number >= 1 && s.number <= formats_detail::standard_count)
            out.standard_titles[static_cast<std::size_t>(s.number - 1)] = i18n::title(lang, s);
    out.check_ids.reserve(cat.checks.size());
    for (const auto& c : cat.checks)
        out.check_ids.push_back(c.id);
    return out;
}

std::string write_summary_csv(const std::vector<summary_row>& rows, const summary_columns& columns, bool wide) {
    using namespace formats_detail;
    std::string out = "organization,ein,file,review_date,result,score";
    for (int i = 1; i <= standard_count; ++i)
        out += ",standard_" + std::to_string(i);
    for (auto st : all_statuses)
        out += ",checks_" + std::string(to_string(st));
    if (wide)
        for (const auto& id : columns.check_ids)
            out += ',' + csv_field(id);
    out += accreditation_summary_csv_header(rows) + ",error\r\n";
    for (const auto& row : rows) {
        out += csv_field(row.organization) + ',' + csv_field(row.ein) + ',' + csv_field(row.input_file) + ',';
        if (const auto& r = row.result) {
            out += format_date(r->as_of) + ',' + std::string(summary_word(r->result)) + ',' + std::to_string(r->score);
            for (const auto& cell : standard_cells(*r))
                out += ',' + (cell ? std::string(to_string(*cell)) : std::string());
            for (int n : r->status_counts)
                out += ',' + std::to_string(n);
            if (wide)
                for (std::size_t k = 0; k < columns.check_ids.size(); ++k)
                    out += ',' + (k < r->checks.size() ? std::string(to_string(r->checks[k])) : std::string());
        } else {
            out += ",error,";
            out += std::string(standard_count + all_statuses.size() + (wide ? columns.check_ids.size() : 0), ',');
        }
        out += accreditation_summary_csv_cells(rows, &row) + ',' +
               csv_field(row.result ? row.error : (row.error.empty() ? "not audited" : row.error)) + "\r\n";
    }
    return out;
}

namespace formats_detail {
namespace {
constexpr message_def sum_title{"report.summary.title", "RCO standards audit: summary of {count} organization",
                                "RCO standards audit: summary of {count} organizations", "count"};
constexpr message_def sum_meet{"report.summary.meet_all", "{count} meets all ten standards", "{count} meet all ten standards",
                               "count"};
constexpr message_def sum_not_meet{"report.summary.not_meet", "{count} does not meet them", "{count} do not meet them",
                                   "count"};
constexpr message_def sum_incomplete{"report.summary.incomplete", "{count} cannot be judged yet (incomplete)",
                                     "{count} cannot be judged yet (incomplete)", "count"};
constexpr message_def sum_unaudited{"report.summary.unaudited", "{count} could not be audited",
                                    "{count} could not be audited", "count"};
constexpr message_def sum_verdict{"report.summary.verdict", "{counts}."};
constexpr message_def sum_legend{"report.summary.legend", "Legend"};
constexpr message_def sum_results{"report.summary.results", "Results"};
constexpr message_def sum_caption{"report.summary.caption",
                                  "Result of each organization for each standard; at the foot, how many organizations "
                                  "meet each one"};
constexpr message_def sum_no_name{"report.summary.no_name", "(name not recorded)"};
constexpr message_def sum_not_audited{"report.summary.not_audited", "Not audited"};
constexpr message_def sum_not_audited_reason{"report.summary.not_audited_reason", "not audited"};
constexpr message_def sum_not_reported{"report.summary.not_reported", "Not reported"};
constexpr message_def sum_cell_not_reported{"report.summary.cell_not_reported", "Standard {number}: not reported"};
constexpr message_def sum_cell{"report.summary.cell", "Standard {number}: {result}"};
constexpr message_def sum_meet_it{"report.summary.meet_it", "Meet it (of {count} audited)"};
constexpr message_def sum_meet_all{"report.summary.meet_all_foot", "{count} meet all"};
constexpr message_def sum_standards{"report.summary.standards", "The ten standards"};
constexpr message_def sum_footer{"report.summary.footer",
                                 "Made by rco-audit {version}. Each organization's own report gives the reasons and "
                                 "what to fix first; names and ids of people are never part of this summary."};
} // namespace
} // namespace formats_detail

std::string write_summary_html(const std::vector<summary_row>& rows, std::string_view tool_version,
                               const summary_columns& columns, const message_language& lang) {
    using namespace formats_detail;
    const wording w(lang);
    const auto word = [&](const message_def& def) { return h(w.word(def)); };
    std::string out;
    const auto total = rows.size();
    const auto title = w.say(sum_title, {{"count", static_cast<std::int64_t>(total)}});
    html_head(out, title, tool_version, lang.tag(), summary_css, "grid");

    std::array<std::string, standard_count> titles;
    for (std::size_t i = 0; i < titles.size() && i < columns.standard_titles.size(); ++i)
        titles[i] = columns.standard_titles[i];

    // Counts: per standard, and for the overall result, how many organizations have each result.
    std::array<std::array<std::size_t, 3>, standard_count> per_standard{};
    std::array<std::size_t, 3> overall{};
    std::size_t audited = 0;
    for (const auto& row : rows) {
        if (!row.result)
            continue;
        ++audited;
        ++overall[static_cast<std::size_t>(row.result->result)];
        const auto cells = standard_cells(*row.result);
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (cells[i])
                ++per_standard[i][static_cast<std::size_t>(*cells[i])];
    }
    const auto unaudited = total - audited;
    auto count = [](const message_def& def, std::size_t n) {
        return message{&def, {{"count", static_cast<std::int64_t>(n)}}};
    };
    out += "<header>\n<h1>" + h(title) + "</h1>\n";
    out += "<p id=\"verdict\">" +
           h(w.say(sum_verdict, {{"counts",
                                  std::vector<message>{count(sum_meet, overall[0]), count(sum_not_meet, overall[1]),
                                                       count(sum_incomplete, overall[2]), count(sum_unaudited, unaudited)},
                                  list_style::and_}})) +
           "</p>\n";
    out += "<ul class=\"legend\" aria-label=\"" + word(sum_legend) + "\">";
    for (auto o : {standard_outcome::met, standard_outcome::not_met, standard_outcome::incomplete})
        out += "<li><span class=\"s " + std::string(tone(o)) + "\">" + html_symbol(symbol(o)) + " " +
               h(sentence(plain(o, lang))) + "</span></li>";
    out += "</ul>\n</header>\n<main>\n";

    out += "<section aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">" + word(sum_results) + "</h2>\n";
    out += "<div class=\"scroll\">\n<table id=\"summary\" class=\"grid\">\n<caption>" + word(sum_caption) +
           "</caption>\n<thead><tr><th scope=\"col\">" + word(word_organization) + "</th>";
    for (int i = 1; i <= standard_count; ++i) {
        const auto& t = titles[static_cast<std::size_t>(i - 1)];
        const auto n = std::to_string(i);
        out += "<th scope=\"col\" class=\"st\">" +
               (t.empty() ? "S" + n
                          : "<abbr title=\"" + h(w.say(word_standard, {{"number", std::int64_t{i}}, {"title", t}})) +
                                "\">S" + n + "</abbr>") +
               "</th>";
    }
    out += "<th scope=\"col\">" + word(word_result_head) + "</th><th scope=\"col\" class=\"num\">" +
           word(word_score_head) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        const auto name = bdi(row.organization.empty() ? w.word(sum_no_name) : row.organization);
        out += "<tr><th scope=\"row\">" +
               (row.report_link.empty() ? name : "<a href=\"" + h(url_path(row.report_link)) + "\">" + name + "</a>") +
               "<span class=\"file\"><bdi>" + h(row.input_file) + "</bdi></span></th>";
        if (!row.result) {
            out += "<td colspan=\"" + std::to_string(standard_count) + "\"><span class=\"s none\">" +
                   html_symbol("\u26A0") + " " + word(sum_not_audited) + "</span> " +
                   bdi(row.error.empty() ? w.word(sum_not_audited_reason) : row.error) +
                   "</td><td>\u2013</td><td class=\"num\">\u2013</td></tr>\n";
            continue;
        }
        const auto cells = standard_cells(*row.result);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto number = static_cast<std::int64_t>(i + 1);
            if (!cells[i]) {
                out += "<td class=\"st\" title=\"" + h(w.say(sum_cell_not_reported, {{"number", number}})) +
                       "\">\u2013<span class=\"sr\"> " + word(sum_not_reported) + "</span></td>";
                continue;
            }
            const auto result_word = sentence(plain(*cells[i], lang));
            out += "<td class=\"st " + std::string(tone(*cells[i])) + "\" title=\"" +
                   h(w.say(sum_cell, {{"number", number},
                                      {"result", titles[i].empty() ? result_word : titles[i] + " \u2014 " + result_word}})) +
                   "\">" + html_symbol(symbol(*cells[i])) + "<span class=\"sr\">" + h(result_word) + "</span></td>";
        }
        out += "<td>" + badge(row.result->result, lang) + "</td><td class=\"num\">" +
               h(w.percent(row.result->score)) + "</td></tr>\n";
    }
    out += "</tbody>\n<tfoot>\n<tr><th scope=\"row\">" +
           h(w.say(sum_meet_it, {{"count", static_cast<std::int64_t>(audited)}})) + "</th>";
    for (const auto& c : per_standard)
        out += "<td class=\"num st\">" + std::to_string(c[0]) + "</td>";
    out += "<td class=\"num\">" + h(w.say(sum_meet_all, {{"count", static_cast<std::int64_t>(overall[0])}})) +
           "</td><td></td></tr>\n</tfoot>\n</table>\n</div>\n</section>\n";

    if (!titles[0].empty()) {
        out += "<section aria-labelledby=\"standards-heading\">\n<h2 id=\"standards-heading\">" + word(sum_standards) +
               "</h2>\n<ol class=\"standards\">\n";
        for (const auto& t : titles)
            out += "<li>" + h(t) + "</li>\n";
        out += "</ol>\n</section>\n";
    }
    out += accreditation_summary_html(rows, lang) + "</main>\n<footer>\n<p class=\"muted\">" +
           h(w.say(sum_footer, {{"version", std::string(tool_version)}})) + "</p>\n</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace rco::report
