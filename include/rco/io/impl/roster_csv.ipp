#pragma once

#include "rco/io/limits.hpp"
#include "rco/io/roster_csv.hpp"
#include "rco/io/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace rco::io {

namespace detail {

struct csv_cell {
    std::string text;
    std::uint32_t line = 0, column = 0;
};

/// Splits CSV into rows of cells with their positions (RFC 4180 quoting).
std::vector<std::vector<csv_cell>> split_csv(std::string_view text, char sep, std::string& error,
                                             std::uint32_t& error_line, std::uint32_t& error_column) {
    std::vector<std::vector<csv_cell>> rows(1);
    csv_cell cell;
    std::uint32_t line = 1, column = 1;
    bool quoted = false, at_start = true;
    cell.line = 1;
    cell.column = 1;
    auto end_cell = [&] {
        rows.back().push_back(std::move(cell));
        cell = {};
        cell.line = line;
        cell.column = column;
        at_start = true;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.text += '"';
                ++i;
                column += 2;
                continue;
            }
            if (c == '"') {
                quoted = false;
                ++column;
                // After the closing quote only the separator or the end of the line may
                // follow (spaces are tolerated): "no"x is not the cell no.
                std::size_t k = i + 1;
                while (k < text.size() && (text[k] == ' ' || text[k] == '\t'))
                    ++k;
                if (k < text.size() && text[k] != sep && text[k] != '\n' && text[k] != '\r') {
                    error = "text after the closing quote of a quoted cell; quote the whole cell (write \"\" for a "
                            "quote inside it)";
                    error_line = line;
                    error_column = column + static_cast<std::uint32_t>(k - i - 1);
                    break;
                }
                continue;
            }
            cell.text += c;
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++column;
            }
            continue;
        }
        if (c == '"' && at_start) {
            quoted = true;
            at_start = false;
            ++column;
            continue;
        }
        if (c == sep) {
            ++column;
            end_cell();
            continue;
        }
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        if (c == '\n' || c == '\r') {
            end_cell();
            rows.emplace_back();
            ++line;
            column = 1;
            cell.line = line;
            cell.column = 1;
            continue;
        }
        at_start = false;
        cell.text += c;
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++column;
    }
    if (quoted && error.empty()) {
        error = "a quoted cell is not closed";
        error_line = cell.line;
        error_column = cell.column;
    }
    end_cell();
    return rows;
}

std::string trim_lower(std::string s, bool lower) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    if (lower)
        for (auto& ch : s)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

} // namespace detail

namespace {
constexpr message_def roster_not_text{"reader.roster.not_text",
                                      "this is not a text file (it contains NUL bytes); expected a CSV roster"};
constexpr message_def roster_cell{"reader.roster.cell", "cell {number}: {message}"};
constexpr message_def roster_empty{"reader.roster.empty",
                                   "the roster is empty; expected a header row naming the columns id,voting,seat,"
                                   "officer,recovery_identity,attested,affiliation"};
constexpr message_def roster_unknown_column{"reader.roster.unknown_column",
                                            "unknown column \"{column}\" is ignored (expected id, voting, seat, "
                                            "officer, recovery_identity, attested, affiliation)"};
constexpr message_def roster_column_twice{"reader.roster.column_twice", "the column \"{column}\" appears twice"};
constexpr message_def roster_no_identity{"reader.roster.no_recovery_identity",
                                         "the header has no recovery_identity column; without it the roster cannot "
                                         "show the board's recovery leadership"};
constexpr message_def roster_long_row{"reader.roster.long_row",
                                      "this row has {cells} cells but the header names {columns} columns"};
constexpr message_def roster_expected{"reader.roster.expected", "column {column}: expected {expected}, got {value}"};
constexpr message_def roster_yes_no{"reader.roster.yes_no", "yes or no (or true/false)"};
constexpr message_def roster_one_of{"reader.roster.one_of", "one of {choices}"};
constexpr message_def roster_column_id{"reader.roster.column_id", "column id: {message}"};
constexpr message_def roster_replaces{"reader.roster.replaces",
                                      "the roster replaces the {count} board member given in the record",
                                      "the roster replaces the {count} board members given in the record", "count"};

/// "one of a, b or c" for a column of enumeration E.
template <class E>
message one_of() {
    message_arg choices{"choices", enum_words<E>()};
    choices.style = list_style::or_;
    return {&roster_one_of, {std::move(choices)}};
}
} // namespace

std::optional<std::vector<board_member>> read_roster_csv(std::string_view text, std::string_view file_name,
                                                         std::vector<diagnostic>& diags, const read_options& options) {
    const std::string file(file_name);
    auto error = [&](std::uint32_t line, std::uint32_t column, std::string pointer, std::string message) {
        diags.push_back({severity::error, file, line, column, std::move(pointer), std::move(message)});
    };
    auto say = [&](severity sev, std::uint32_t line, std::uint32_t column, std::string pointer, message m) {
        auto d = make_diagnostic(sev, file, std::move(pointer), std::move(m));
        d.line = line;
        d.column = column;
        diags.push_back(std::move(d));
    };
    auto error_of = [&](std::uint32_t line, std::uint32_t column, std::string pointer, const message_def& def,
                        std::vector<message_arg> args = {}) {
        say(severity::error, line, column, std::move(pointer), message{&def, std::move(args)});
    };
    if (detail::input_too_large(text, file, diags))
        return std::nullopt;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (text.find('\0') != std::string_view::npos) {
        error_of(1, 1, "", roster_not_text);
        return std::nullopt;
    }
    const auto first_line = text.substr(0, text.find('\n'));
    const char sep = first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos
                         ? ';'
                         : ',';
    std::string split_error;
    std::uint32_t split_line = 0, split_column = 0;
    auto rows = detail::split_csv(text, sep, split_error, split_line, split_column);
    if (!split_error.empty()) {
        error(split_line, split_column, "", split_error);
        return std::nullopt;
    }
    // Every cell must be UTF-8 text without control characters, whether its column is read or not.
    const std::size_t first = diags.size();
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t i = 0; i < rows[r].size(); ++i)
            if (auto problem = detail::check_text(rows[r][i].text)) {
                std::string pointer;
                if (r > 0)
                    pointer = "/board/members/" + std::to_string(r - 1);
                error_of(rows[r][i].line, rows[r][i].column, std::move(pointer), roster_cell,
                         {{"number", static_cast<std::int64_t>(i + 1)}, {"message", std::vector<message>{std::move(problem->message)}}});
            }
    if (diags.size() > first) {
        detail::cap_diagnostics(diags, first, file);
        return std::nullopt;
    }
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const auto& r) {
                                  return std::all_of(r.begin(), r.end(),
                                                     [](const auto& c) { return detail::trim_lower(c.text, false).empty(); });
                              }),
               rows.end());
    static constexpr std::string_view columns[] = {"id",   "voting",     "seat",       "officer", "recovery_identity",
                                                   "attested", "affiliation", "name", "employed_by_org"};
    if (rows.empty()) {
        error_of(1, 1, "", roster_empty);
        return std::nullopt;
    }
    std::vector<std::string> header;
    bool ok = true;
    for (const auto& c : rows[0]) {
        auto name = detail::trim_lower(c.text, true);
        if (std::find(std::begin(columns), std::end(columns), name) == std::end(columns)) {
            say(severity::warning, c.line, c.column, "", message{&roster_unknown_column, {{"column", c.text}}});
            name.clear();
        } else if (std::find(header.begin(), header.end(), name) != header.end()) {
            error_of(c.line, c.column, "", roster_column_twice, {{"column", name}});
            ok = false;
        }
        header.push_back(name);
    }
    if (std::find(header.begin(), header.end(), "recovery_identity") == header.end()) {
        error_of(rows[0].front().line, 1, "", roster_no_identity);
        ok = false;
    }
    std::vector<board_member> members;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        board_member m;
        const std::string base = "/board/members/" + std::to_string(members.size());
        if (rows[r].size() > header.size())
            error_of(rows[r][header.size()].line, rows[r][header.size()].column, base, roster_long_row,
                     {{"cells", static_cast<std::int64_t>(rows[r].size())},
                      {"columns", static_cast<std::int64_t>(header.size())}});
        ok = ok && rows[r].size() <= header.size();
        for (std::size_t i = 0; i < rows[r].size() && i < header.size(); ++i) {
            const auto& cell = rows[r][i];
            const auto& col = header[i];
            const auto raw = detail::trim_lower(cell.text, false);
            if (col.empty() || raw.empty())
                continue;
            const auto word = detail::trim_lower(cell.text, true);
            const std::string ptr = base + "/" + col;
            auto bad = [&](message expected) {
                error_of(cell.line, cell.column, ptr, roster_expected,
                         {{"column", col},
                          {"expected", std::vector<message>{std::move(expected)}},
                          quoted_value_arg("value", ptr, "\"" + raw + "\"", options.show_names)});
                ok = false;
            };
            auto boolean = [&](opt<bool>& out) {
                if (word == "true" || word == "yes" || word == "y" || word == "1")
                    out = true;
                else if (word == "false" || word == "no" || word == "n" || word == "0")
                    out = false;
                else
                    bad({&roster_yes_no, {}});
            };
            if (col == "id") {
                m.id = raw;
                if (looks_like_a_name(raw))
                    say(severity::warning, cell.line, cell.column, ptr,
                        message{&roster_column_id, {{"message", std::vector<message>{name_like_id(raw, options.show_names)}}}});
            }
            else if (col == "name")
                m.name = raw;
            else if (col == "affiliation")
                m.affiliation = raw;
            else if (col == "voting")
                boolean(m.voting);
            else if (col == "employed_by_org")
                boolean(m.employed_by_org);
            else if (col == "attested") {
                std::string why;
                if (auto d = parse_spreadsheet_date(raw, &why))
                    m.attested = *d;
                else {
                    error(cell.line, cell.column, ptr,
                          "column attested: " + why + (options.show_names ? ", got \"" + raw + "\"" : std::string()));
                    ok = false;
                }
            } else if (col == "seat") {
                if (auto e = parse_enum<seat_state>(word))
                    m.seat = *e;
                else
                    bad(one_of<seat_state>());
            } else if (col == "officer") {
                if (auto e = parse_enum<officer_role>(word))
                    m.officer = *e;
                else
                    bad(one_of<officer_role>());
            } else if (col == "recovery_identity") {
                if (auto e = parse_enum<recovery_identity>(word))
                    m.recovery_identity = *e;
                else
                    bad(one_of<recovery_identity>());
            }
        }
        members.push_back(std::move(m));
    }
    detail::cap_diagnostics(diags, first, file);
    if (!ok)
        return std::nullopt;
    return members;
}

void merge_roster(record& rec, std::vector<board_member> members, std::string_view roster_file,
                  std::vector<diagnostic>& diags) {
    if (!rec.board)
        rec.board.emplace();
    if (rec.board->members)
        diags.push_back(make_diagnostic(
            severity::warning, std::string(roster_file), "/board/members",
            {&roster_replaces, {{"count", static_cast<std::int64_t>(rec.board->members->size())}}}));
    rec.board->members = std::move(members);
}

} // namespace rco::io
