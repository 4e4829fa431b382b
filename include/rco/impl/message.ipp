// Messages: the English language and rendering (rco/message.hpp).
#pragma once

#include "rco/arithmetic.hpp"
#include "rco/message.hpp"

#include <cassert>
#include <charconv>

namespace rco {

const message_arg* message::find(std::string_view name) const noexcept {
    for (const auto& a : args)
        if (a.name == name)
            return &a;
    return nullptr;
}

void message_language::append_styled_number(std::string& out, std::int64_t n, number_style style) const {
    if (style != number_style::dollars) {
        append_number(out, n);
        return;
    }
    if (n < 0)
        out += '-';
    const std::uint64_t m = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    out += '$';
    append_number(out, static_cast<std::int64_t>(m / 100));
    if (const auto cents = m % 100; cents != 0) {
        out += cents < 10 ? ".0" : ".";
        append_number(out, static_cast<std::int64_t>(cents));
    }
}

namespace detail {

/// English: the patterns of the definitions; counts as decimal digits ("2500"), grouped
/// numbers with commas ("39,872"), ISO dates, lists as the checks have always joined them.
class english_language final : public message_language {
public:
    std::string_view tag() const noexcept override { return "en"; }
    std::string pattern(const message_def& def, std::int64_t n) const override {
        return std::string(english_pattern(def, n));
    }
    static std::string_view english_pattern(const message_def& def, std::int64_t n) noexcept {
        return def.other.empty() || n == 1 ? def.one : def.other;
    }
    void append_number(std::string& out, std::int64_t n) const override {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        out.append(buf, r.ptr);
    }
    void append_styled_number(std::string& out, std::int64_t n, number_style style) const override {
        switch (style) {
        case number_style::plain:
            append_number(out, n);
            return;
        case number_style::grouped:
            out += grouped(n);
            return;
        case number_style::dollars:
            out += dollars(n);
            return;
        }
    }
    void append_date(std::string& out, rco::date d) const override { out += format_date(d); }
    void append_list(std::string& out, const std::vector<std::string>& items, list_style style) const override {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0)
                out += separator(style, i + 1 == items.size());
            out += items[i];
        }
    }
    /// What goes before an item of a list after the first (`last`: before the last one).
    static std::string_view separator(list_style style, bool last) noexcept {
        if (last && style == list_style::and_)
            return " and ";
        if (last && style == list_style::or_)
            return " or ";
        return style == list_style::semicolons ? "; " : style == list_style::sentences ? " " : ", ";
    }
};

inline void append_arg(std::string& out, const message_arg& a, const message_language& lang) {
    if (const auto* n = std::get_if<std::int64_t>(&a.value)) {
        if (a.number == number_style::plain)
            lang.append_number(out, *n);
        else
            lang.append_styled_number(out, *n, a.number);
    } else if (const auto* d = std::get_if<rco::date>(&a.value)) {
        lang.append_date(out, *d);
    } else if (const auto* s = std::get_if<std::string>(&a.value)) {
        out += *s;
    } else if (const auto* l = std::get_if<std::vector<std::string>>(&a.value)) {
        lang.append_list(out, *l, a.style);
    } else if (const auto* ms = std::get_if<std::vector<message>>(&a.value)) {
        if (&lang == &english()) {
            // English joins without looking at the items: each is rendered in place.
            const auto count = ms->size();
            for (std::size_t i = 0; i < count; ++i) {
                if (i > 0)
                    out += english_language::separator(a.style, i + 1 == count);
                render(out, (*ms)[i], lang);
            }
            return;
        }
        std::vector<std::string> items;
        items.reserve(ms->size());
        for (const auto& m : *ms)
            render(items.emplace_back(), m, lang);
        lang.append_list(out, items, a.style);
    }
}

} // namespace detail

const message_language& english() {
    static const detail::english_language lang;
    return lang;
}

void render(std::string& out, const message& m, const message_language& lang) {
    if (!m.def)
        return;
    std::int64_t n = 0;
    if (!m.def->other.empty())
        if (const auto* c = m.find(m.def->count))
            if (const auto* v = std::get_if<std::int64_t>(&c->value))
                n = *v;
    // English needs no copy of its pattern: it is the definition's.
    std::string translated;
    std::string_view pattern;
    if (&lang == &english()) {
        pattern = detail::english_language::english_pattern(*m.def, n);
    } else {
        translated = lang.pattern(*m.def, n);
        pattern = translated;
    }
    std::size_t i = 0;
    while (i < pattern.size()) {
        // (Not find_first_of: libstdc++ calls memchr on the set for every character.)
        auto brace = i;
        while (brace < pattern.size() && pattern[brace] != '{' && pattern[brace] != '}')
            ++brace;
        if (brace == pattern.size()) {
            out.append(pattern.substr(i));
            break;
        }
        out.append(pattern.substr(i, brace - i));
        const char c = pattern[brace];
        if (brace + 1 < pattern.size() && pattern[brace + 1] == c) { // "{{" or "}}"
            out += c;
            i = brace + 2;
            continue;
        }
        const auto close = c == '{' ? pattern.find('}', brace + 1) : std::string_view::npos;
        if (close == std::string_view::npos) { // a lone brace: written as it is
            out += c;
            i = brace + 1;
            continue;
        }
        const auto name = pattern.substr(brace + 1, close - brace - 1);
        if (const auto* a = m.find(name)) {
            detail::append_arg(out, *a, lang);
        } else {
            assert(!"a message placeholder has no argument");
            out += '{';
            out.append(name);
            out += "?}";
        }
        i = close + 1;
    }
}

std::string render(const message& m, const message_language& lang) {
    std::string out;
    render(out, m, lang);
    return out;
}

} // namespace rco
