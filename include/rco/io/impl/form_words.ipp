#pragma once

#include "rco/io/form_words.hpp"
#include "rco/i18n.hpp"
#include "rco/io/impl/workbook_layout.ipp"

#include <algorithm>
#include <vector>

namespace rco::io {

namespace detail::form {

/// The keys of a dotted path (`board.members[].voting`) or JSON Pointer
/// (`/board/members/3/voting`), without list markers and item indexes.
inline std::vector<std::string> keys_of(std::string_view path) {
    std::vector<std::string> keys;
    const bool pointer = !path.empty() && path[0] == '/';
    if (pointer)
        path.remove_prefix(1);
    const char sep = pointer ? '/' : '.';
    while (true) {
        const auto end = path.find(sep);
        std::string key(path.substr(0, end));
        if (!pointer && key.size() >= 2 && key.ends_with("[]"))
            key.resize(key.size() - 2);
        const bool index = pointer && !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
        if (!key.empty() && !index)
            keys.push_back(std::move(key));
        if (end == std::string_view::npos)
            break;
        path.remove_prefix(end + 1);
    }
    return keys;
}

constexpr message_def whole_sheet{"form.sheet", "the {sheet} sheet"};
constexpr message_def on_sheet{"form.on_sheet", "{fields} on the {sheet} sheet"};
// What joins two fields in a text of the language: its list words, as the catalog's text
// writes them (an entry of its own, so a language can list more than one).
constexpr message_def joining_words{"form.joins", ", | and | or |, and |, or "};

/// The sheet named `english` (a form_place's sheet) as `lang` names it.
inline std::string sheet_in(const std::string& english_name, const message_language& lang) {
    for (const auto& s : detail::wb::layout())
        if (s.name == english_name)
            return detail::wb::name_in(s, lang);
    return english_name;
}

inline bool path_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '[' || c == ']';
}

} // namespace detail::form

std::optional<form_place> form_place_of(std::string_view path) {
    const auto keys = detail::form::keys_of(path);
    if (keys.empty())
        return std::nullopt;
    const detail::wb::sheet* best = nullptr;
    for (const auto& s : detail::wb::layout())
        if (s.path.size() <= keys.size() && std::equal(s.path.begin(), s.path.end(), keys.begin()) &&
            (!best || s.path.size() > best->path.size()))
            best = &s;
    if (!best)
        return std::nullopt;
    form_place place{best->name, {}, best->table};
    for (auto k = keys.begin() + static_cast<std::ptrdiff_t>(best->path.size()); k != keys.end(); ++k)
        place.field += (place.field.empty() ? "" : ".") + *k;
    if (place.field.empty())
        return best->path.empty() ? std::nullopt : std::optional<form_place>(place); // the record itself is no place
    for (const auto& c : best->columns)
        if (c.label == place.field || (c.label.size() > place.field.size() && c.label.starts_with(place.field) &&
                                       c.label[place.field.size()] == '.'))
            return place;
    return std::nullopt;
}

std::string in_form_words(std::string_view text) { return in_form_words(text, english()); }

std::string in_form_words(std::string_view text, const message_language& lang) {
    using detail::form::path_char;
    // The text as pieces: prose, or a path with its place.
    struct piece {
        std::string text;
        std::optional<form_place> place;
    };
    std::vector<piece> pieces;
    auto prose = [&](std::string_view s) {
        if (pieces.empty() || pieces.back().place)
            pieces.push_back({});
        pieces.back().text += s;
    };
    for (std::size_t i = 0; i < text.size();) {
        const bool starts = text[i] >= 'a' && text[i] <= 'z' && (i == 0 || !path_char(text[i - 1])) &&
                            (i == 0 || !(text[i - 1] >= 'A' && text[i - 1] <= 'Z'));
        if (!starts) {
            prose(text.substr(i, 1));
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && path_char(text[j]))
            ++j;
        auto token = text.substr(i, j - i);
        while (!token.empty() && token.back() == '.') // a sentence's full stop
            token.remove_suffix(1);
        const bool pathlike = token.find('.') != std::string_view::npos || token.ends_with("[]");
        if (auto place = pathlike ? form_place_of(token) : std::nullopt) {
            pieces.push_back({std::string(token), std::move(place)});
            i += token.size();
        } else {
            prose(token.empty() ? text.substr(i, j - i) : token);
            i += token.empty() ? j - i : token.size();
        }
    }

    // The joining words of `lang`, "|" between them.
    std::vector<std::string> joining;
    {
        const std::string all = lang.pattern(detail::form::joining_words, 0);
        std::size_t from = 0;
        for (std::size_t bar; (bar = all.find('|', from)) != std::string::npos; from = bar + 1)
            joining.push_back(all.substr(from, bar - from));
        joining.push_back(all.substr(from));
    }
    auto joins = [&](const std::string& s) { return std::find(joining.begin(), joining.end(), s) != joining.end(); };
    auto say = [&](const message_def& def, std::string fields, const std::string& sheet) {
        return render(message{&def, {{"fields", std::move(fields)}, {"sheet", detail::form::sheet_in(sheet, lang)}}},
                      lang);
    };
    std::string out;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const auto& p = pieces[k];
        if (!p.place) {
            out += p.text;
            continue;
        }
        if (p.place->field.empty()) {
            out += say(detail::form::whole_sheet, {}, p.place->sheet);
            continue;
        }
        std::string fields = p.place->field;
        // The run of fields on the same sheet joined by "," / "and" / "or" names the sheet once.
        while (k + 2 < pieces.size() && !pieces[k + 1].place && joins(pieces[k + 1].text) && pieces[k + 2].place &&
               !pieces[k + 2].place->field.empty() && pieces[k + 2].place->sheet == p.place->sheet) {
            fields += pieces[k + 1].text + pieces[k + 2].place->field;
            k += 2;
        }
        out += say(detail::form::on_sheet, std::move(fields), p.place->sheet);
    }
    return out;
}

} // namespace rco::io
