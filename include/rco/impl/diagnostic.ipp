#pragma once

#include "rco/diagnostic.hpp"
#include "rco/escape.hpp"

namespace rco {

namespace {
constexpr message_def diagnostic_error{"diagnostic.error", "error"};
constexpr message_def diagnostic_warning{"diagnostic.warning", "warning"};
constexpr message_def diagnostic_at{"diagnostic.at", "(at {pointer})"};
constexpr message_def value_not_shown_member{
    "diagnostic.value_not_shown.board_member",
    "a value not shown here (it may identify a board member; --show-names shows it)"};
constexpr message_def value_not_shown_peer{
    "diagnostic.value_not_shown.peer_worker",
    "a value not shown here (it may identify a peer worker; --show-names shows it)"};
constexpr message_def name_like_id_def{
    "diagnostic.name_like_id",
    "{id} looks like a person's name; use ids only, for privacy (a code such as b01 or p01, with the list of who "
    "is who kept outside the record)"};
constexpr message_def name_like_id_quoted{"diagnostic.name_like_id.quoted", "the id \"{id}\""};
constexpr message_def name_like_id_hidden{"diagnostic.name_like_id.hidden", "this id"};
} // namespace

diagnostic& diagnostic::say(rco::message m) {
    message = render(m);
    text = std::move(m);
    return *this;
}

diagnostic make_diagnostic(rco::severity severity, std::string file, std::string pointer, rco::message m) {
    diagnostic d;
    d.severity = severity;
    d.file = std::move(file);
    d.pointer = std::move(pointer);
    d.say(std::move(m));
    return d;
}

std::string diagnostic_message(const diagnostic& d, const message_language& lang) {
    if (&lang == &english() || d.text.empty())
        return d.message;
    return render(d.text, lang);
}

std::string severity_word(rco::severity s, const message_language& lang) {
    return lang.pattern(s == severity::error ? diagnostic_error : diagnostic_warning, 0);
}

std::string format_diagnostic(const diagnostic& d) { return format_diagnostic(d, english()); }

std::string format_diagnostic(const diagnostic& d, const message_language& lang) {
    std::string out = d.file.empty() ? std::string("<input>") : terminal_safe(d.file);
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0)
            out += ':' + std::to_string(d.column);
    }
    out += ": ";
    out += severity_word(d.severity, lang);
    out += ": ";
    out += terminal_safe(diagnostic_message(d, lang));
    if (!d.pointer.empty()) {
        out += ' ';
        out += render(message{&diagnostic_at, {{"pointer", terminal_safe(d.pointer)}}}, lang);
    }
    if (!d.source_line.empty()) {
        // The caret stands under the column's character as escaped: the line's first
        // source_column - 1 code points are escaped alone and measured.
        std::size_t cut = 0, seen = 0;
        for_each_utf8(
            d.source_line,
            [&](char32_t, std::string_view bytes) {
                if (seen + 1 < d.source_column) {
                    ++seen;
                    cut += bytes.size();
                }
            },
            [&](unsigned char) {
                if (seen + 1 < d.source_column) {
                    ++seen;
                    ++cut;
                }
            });
        std::size_t width = 0;
        for_each_utf8(terminal_safe(d.source_line.substr(0, cut)), [&](char32_t, std::string_view) { ++width; },
                      [&](unsigned char) { ++width; });
        out += "\n    " + terminal_safe(d.source_line) + "\n    " + std::string(width, ' ') + '^';
    }
    return out;
}

bool looks_like_a_name(std::string_view id) noexcept {
    const auto at = id.find('@');
    if (at != std::string_view::npos && at > 0 && id.find('.', at) != std::string_view::npos)
        return true; // an email address
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto lower = [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; };
    std::size_t words = 0, long_words = 0;
    std::size_t i = 0;
    while (i < id.size()) {
        while (i < id.size() && (id[i] == ' ' || id[i] == ','))
            ++i;
        if (i == id.size())
            break;
        const std::size_t start = i;
        while (i < id.size() && id[i] != ' ' && id[i] != ',')
            ++i;
        const auto word = id.substr(start, i - start);
        // A capitalised word: a capital, then small letters, with ' - . inside a name.
        if (!upper(word[0]) && static_cast<unsigned char>(word[0]) < 0xC0)
            return false;
        std::size_t small = 0;
        for (std::size_t k = 1; k < word.size(); ++k) {
            const char c = word[k];
            if (lower(c))
                ++small;
            else if (!(upper(c) || c == '\'' || c == '-' || c == '.'))
                return false;
        }
        ++words;
        long_words += small >= 2;
    }
    return words >= 2 && long_words >= 1;
}

message name_like_id(std::string_view id, bool show_names) {
    message who = show_names ? message{&name_like_id_quoted, {{"id", std::string(id)}}} : message{&name_like_id_hidden, {}};
    return {&name_like_id_def, {{"id", std::vector<message>{std::move(who)}}}};
}

bool has_errors(const std::vector<diagnostic>& diags) noexcept {
    for (const auto& d : diags)
        if (d.severity == severity::error)
            return true;
    return false;
}

namespace {
/// `pointer` is `prefix` or lies under it.
bool within(std::string_view pointer, std::string_view prefix) noexcept {
    return pointer.substr(0, prefix.size()) == prefix && (pointer.size() == prefix.size() || pointer[prefix.size()] == '/');
}
} // namespace

bool is_person_pointer(std::string_view pointer) noexcept {
    return within(pointer, "/board/members") || within(pointer, "/peer_workers");
}

message_arg quoted_value_arg(std::string_view name, std::string_view pointer, std::string quoted, bool show_names) {
    if (show_names || !is_person_pointer(pointer))
        return {name, std::move(quoted)};
    const auto* def = within(pointer, "/board/members") ? &value_not_shown_member : &value_not_shown_peer;
    return {name, std::vector<message>{message{def, {}}}};
}

std::string quote_value(std::string_view pointer, std::string quoted, bool show_names) {
    auto arg = quoted_value_arg("value", pointer, std::move(quoted), show_names);
    if (auto* text = std::get_if<std::string>(&arg.value))
        return std::move(*text);
    return render(std::get<std::vector<message>>(arg.value).front());
}

} // namespace rco
