#pragma once

#include "rco/escape.hpp"

namespace rco {

bool is_valid_utf8(std::string_view text) noexcept {
    std::size_t ascii = 0; // the common case: plain ASCII, checked without decoding
    while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80)
        ++ascii;
    bool ok = true;
    for_each_utf8(text.substr(ascii), [](char32_t, std::string_view) {}, [&](unsigned char) { ok = false; });
    return ok;
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_utf8(
        text, [&](char32_t, std::string_view bytes) { out.append(bytes); },
        [&](unsigned char) { out += "\xEF\xBF\xBD"; });
    return out;
}

bool is_bidi_control(char32_t c) noexcept {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_control_char(char32_t c) noexcept {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || is_bidi_control(c);
}

namespace {
constexpr char hex_digits[] = "0123456789abcdef";
std::string byte_escape(unsigned char b) { return {'\\', 'x', hex_digits[b >> 4], hex_digits[b & 0xF]}; }
} // namespace

std::string visible_escape(char32_t c) {
    const auto& hex = hex_digits;
    switch (c) {
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\r': return "\\r";
    default: break;
    }
    if (c < 0x80)
        return byte_escape(static_cast<unsigned char>(c));
    std::string out = "\\u";
    int digits = c > 0xFFFF ? 6 : 4;
    while (digits-- > 0)
        out += hex[(c >> (4 * digits)) & 0xF];
    return out;
}

std::string terminal_safe(std::string_view text, bool keep_line_feeds) {
    std::string out;
    out.reserve(text.size());
    for_each_utf8(
        text,
        [&](char32_t c, std::string_view bytes) {
            if (!is_control_char(c) || (keep_line_feeds && c == '\n'))
                out.append(bytes);
            else
                out += visible_escape(c);
        },
        [&](unsigned char b) { out += byte_escape(b); });
    return out;
}

} // namespace rco
