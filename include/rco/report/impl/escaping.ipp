#pragma once

// Escaping for each format (html_escape, xml_attribute_escape, markdown_escape, csv_field).
#include "rco/escape.hpp"
#include "rco/report/formats.hpp"

namespace rco::report {

namespace formats_detail {
namespace {

constexpr std::string_view replacement_char = "\xEF\xBF\xBD"; // U+FFFD

/// Walks `text` as UTF-8 (rco::for_each_utf8). Calls `ascii(char)` for each ASCII
/// character XML allows and appends other well-formed characters unchanged, except: U+FFFD
/// for invalid bytes and for characters XML 1.0 forbids (C0 controls other than tab, LF
/// and CR; U+FFFE, U+FFFF), so HTML and XML output stays well-formed for any input; and
/// the visible escape (rco::visible_escape, e.g. `\u202e`) for DEL, C1 controls, line and
/// paragraph separators and bidirectional controls, so record text cannot reorder or
/// hide the text around it.
template <class Ascii>
void for_each_safe_char(std::string_view text, std::string& out, Ascii ascii) {
    for_each_utf8(
        text,
        [&](char32_t c, std::string_view bytes) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out += replacement_char;
            else if (c < 0x7F)
                ascii(static_cast<char>(c));
            else if (c == 0xFFFE || c == 0xFFFF)
                out += replacement_char;
            else if (is_control_char(c))
                out += visible_escape(c);
            else
                out.append(bytes);
        },
        [&](unsigned char) { out += replacement_char; });
}

} // namespace
} // namespace formats_detail

// ---- Escaping -------------------------------------------------------------------------------

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    formats_detail::for_each_safe_char(text, out, [&](char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    });
    return out;
}

std::string xml_attribute_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    formats_detail::for_each_safe_char(text, out, [&](char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t': out += "&#9;"; break;
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        default: out += ch;
        }
    });
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string flat;
    // One line: a line break would end a table row or start a new block.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        // Runs of white space become one space (renderers collapse them anyway); leading
        // spaces could start a code block.
        if (ch == ' ' || ch == '\r' || ch == '\n' || ch == '\t') {
            if (!flat.empty() && flat.back() != ' ')
                flat += ' ';
        } else {
            flat += ch;
        }
    }
    while (!flat.empty() && flat.back() == ' ')
        flat.pop_back();
    // Other control characters (ESC, bidirectional controls, …) and bytes that are not
    // UTF-8 become visible escapes; their backslash is escaped below like any other.
    flat = terminal_safe(flat);

    std::string out;
    out.reserve(flat.size() + flat.size() / 8);
    // Block markup only counts at the start, and only when followed by a space or the end
    // (a heading "# ", a list item "- " or "1. ") or repeated (a rule "---", an underline
    // "=="); "-2" or "2026.11.0" stay as they are.
    std::size_t start = 0;
    auto ends_marker = [&](std::size_t i) { return i >= flat.size() || flat[i] == ' '; };
    if (!flat.empty() && (flat[0] == '#' || flat[0] == '+' || flat[0] == '-' || flat[0] == '=') &&
        (ends_marker(1) || flat[1] == flat[0])) {
        out += '\\';
    } else {
        std::size_t digits = 0;
        while (digits < flat.size() && flat[digits] >= '0' && flat[digits] <= '9')
            ++digits;
        if (digits > 0 && digits < flat.size() && (flat[digits] == '.' || flat[digits] == ')') &&
            ends_marker(digits + 1)) {
            out.append(flat, 0, digits);
            out += '\\';
            start = digits;
        }
    }
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    // "&name;" or "&#123;" would be decoded as a character reference.
    auto entity_at = [&](std::size_t i) {
        std::size_t j = i + 1;
        if (j < flat.size() && flat[j] == '#')
            ++j;
        const std::size_t first = j;
        while (j < flat.size() && alnum(flat[j]))
            ++j;
        return j > first && j < flat.size() && flat[j] == ';';
    };
    for (std::size_t i = start; i < flat.size(); ++i) {
        const char ch = flat[i];
        switch (ch) {
        // Entities for angle brackets: every Markdown flavour decodes them, while a
        // backslash before "<" is not an escape in some (Markdown.pl) and raw HTML would pass.
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += entity_at(i) ? "&amp;" : "&"; break;
        // "[" opens links and images; with it escaped, "]" is plain text.
        case '\\': case '`': case '*': case '[': case '|': case '~':
            out += '\\';
            out += ch;
            break;
        case '_': // inside a word (snake_case field names) an underscore is never emphasis
            if (i == 0 || i + 1 == flat.size() || !alnum(flat[i - 1]) || !alnum(flat[i + 1]))
                out += '\\';
            out += ch;
            break;
        default: out += ch;
        }
    }
    return out;
}

std::string csv_field(std::string_view text) {
    // A spreadsheet evaluates a cell starting with = + - or @ as a formula (CSV injection),
    // also after leading spaces or quotes, and some after a tab or CR: an apostrophe makes
    // it show the cell as text.
    const auto first = text.find_first_not_of(" \t\r\n\"'");
    const bool formula = (!text.empty() && (text[0] == '\t' || text[0] == '\r')) ||
                         (first != std::string_view::npos &&
                          (text[first] == '=' || text[first] == '+' || text[first] == '-' || text[first] == '@'));
    // One physical line per row, nothing that acts on a terminal: control characters
    // (line breaks included) become visible escapes such as \n and \x1b.
    const std::string value = (formula ? "'" : "") + terminal_safe(text);
    // Quoted when it holds a quote or the field separator of any common locale (, or ;),
    // so "Acme;=1+2" stays one inert cell wherever it is opened.
    if (value.find_first_of(",;\"") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char ch : value) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + "\"";
}

} // namespace rco::report
