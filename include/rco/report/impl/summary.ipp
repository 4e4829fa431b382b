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

summary_columns summary_columns_of(const catalog& cat) {
    summary_columns out;
    out.standard_titles.resize(formats_detail::standard_count);
    for (const auto& s : cat.standards)
        if (s.number >= 1 && s.number <= formats_detail::standard_count)
            out.standard_titles[static_cast<std::size_t>(s.number - 1)] = s.title;
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

std::string write_summary_html(const std::vector<summary_row>& rows, std::string_view tool_version,
                               const summary_columns& columns) {
    using namespace formats_detail;
    std::string out;
    const auto total = rows.size();
    const auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
        return std::to_string(n) + " " + std::string(n == 1 ? one : many);
    };
    const auto title = "RCO standards audit: summary of " + plural(total, "organization", "organizations");
    html_head(out, title, tool_version, summary_css, "grid");

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
    out += "<header>\n<h1>" + h(title) + "</h1>\n";
    out += "<p id=\"verdict\">" + plural(overall[0], "meets", "meet") + " all ten standards, " +
           plural(overall[1], "does", "do") + " not meet them, " + std::to_string(overall[2]) +
           " cannot be judged yet (incomplete) and " + std::to_string(unaudited) + " could not be audited.</p>\n";
    out += "<ul class=\"legend\" aria-label=\"Legend\">";
    for (auto o : {standard_outcome::met, standard_outcome::not_met, standard_outcome::incomplete})
        out += "<li><span class=\"s " + std::string(tone(o)) + "\">" + html_symbol(symbol(o)) + " " +
               sentence(plain(o)) + "</span></li>";
    out += "</ul>\n</header>\n<main>\n";

    out += "<section aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Results</h2>\n";
    out += "<div class=\"scroll\">\n<table id=\"summary\" class=\"grid\">\n<caption>Result of each organization for "
           "each standard; at the foot, how many organizations meet each one</caption>\n<thead><tr><th "
           "scope=\"col\">Organization</th>";
    for (int i = 1; i <= standard_count; ++i) {
        const auto& t = titles[static_cast<std::size_t>(i - 1)];
        const auto n = std::to_string(i);
        out += "<th scope=\"col\" class=\"st\">" +
               (t.empty() ? "S" + n : "<abbr title=\"Standard " + n + ": " + h(t) + "\">S" + n + "</abbr>") + "</th>";
    }
    out += "<th scope=\"col\">Result</th><th scope=\"col\" class=\"num\">Score</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        const auto name = bdi(row.organization.empty() ? "(name not recorded)" : row.organization);
        out += "<tr><th scope=\"row\">" +
               (row.report_link.empty() ? name : "<a href=\"" + h(url_path(row.report_link)) + "\">" + name + "</a>") +
               "<span class=\"file\"><bdi>" + h(row.input_file) + "</bdi></span></th>";
        if (!row.result) {
            out += "<td colspan=\"" + std::to_string(standard_count) + "\"><span class=\"s none\">" +
                   html_symbol("\u26A0") + " Not audited</span> " + bdi(row.error.empty() ? "not audited" : row.error) +
                   "</td><td>\u2013</td><td class=\"num\">\u2013</td></tr>\n";
            continue;
        }
        const auto cells = standard_cells(*row.result);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto n = std::to_string(i + 1);
            if (!cells[i]) {
                out += "<td class=\"st\" title=\"Standard " + n + ": not reported\">\u2013<span class=\"sr\"> Not "
                       "reported</span></td>";
                continue;
            }
            const auto word = sentence(plain(*cells[i]));
            out += "<td class=\"st " + std::string(tone(*cells[i])) + "\" title=\"Standard " + n + ": " +
                   h(titles[i].empty() ? word : titles[i] + " \u2014 " + word) + "\">" +
                   html_symbol(symbol(*cells[i])) + "<span class=\"sr\">" + word + "</span></td>";
        }
        out += "<td>" + badge(row.result->result) + "</td><td class=\"num\">" + std::to_string(row.result->score) +
               "%</td></tr>\n";
    }
    out += "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Meet it (of " + std::to_string(audited) +
           " audited)</th>";
    for (const auto& c : per_standard)
        out += "<td class=\"num st\">" + std::to_string(c[0]) + "</td>";
    out += "<td class=\"num\">" + std::to_string(overall[0]) + " meet all</td><td></td></tr>\n</tfoot>\n</table>\n"
           "</div>\n</section>\n";

    if (!titles[0].empty()) {
        out += "<section aria-labelledby=\"standards-heading\">\n<h2 id=\"standards-heading\">The ten "
               "standards</h2>\n<ol class=\"standards\">\n";
        for (const auto& t : titles)
            out += "<li>" + h(t) + "</li>\n";
        out += "</ol>\n</section>\n";
    }
    out += accreditation_summary_html(rows) + "</main>\n<footer>\n<p class=\"muted\">Made by rco-audit " +
           h(tool_version) +
           ". Each organization's own report gives the reasons and what to fix first; names and ids of people are "
           "never part of this summary.</p>\n</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace rco::report
