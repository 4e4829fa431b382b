#pragma once

#include "rco/io/utf8.hpp"

#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace rco::io::detail {

namespace {

/// Length of the well-formed sequence at `i`, or 0 when it is ill-formed.
std::size_t utf8_sequence_length(std::string_view t, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(t[i + k]); };
    const auto c = b(0);
    if (c < 0x80)
        return 1;
    // Table 3-7: the range of the second byte depends on the first.
    unsigned char lo = 0x80, hi = 0xBF;
    std::size_t n = 0;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80; // overlong
        hi = c == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80; // overlong
        hi = c == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > t.size())
        return 0;
    if (b(1) < lo || b(1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((b(k) & 0xC0) != 0x80)
            return 0;
    return n;
}

constexpr message_def utf8_bytes{"reader.utf8.bytes", "byte {hex}", "bytes {hex}", "count"};
constexpr message_def utf8_cut_short{"reader.utf8.cut_short", "a sequence cut short"};
constexpr message_def utf8_no_lead{"reader.utf8.no_lead", "a continuation byte without a lead byte ({bytes})"};
constexpr message_def utf8_overlong{"reader.utf8.overlong", "an overlong encoding ({bytes})"};
constexpr message_def utf8_never{"reader.utf8.never", "a byte that never occurs in UTF-8 ({bytes})"};
constexpr message_def utf8_truncated{"reader.utf8.truncated", "a truncated sequence ({bytes})"};
constexpr message_def utf8_surrogate{"reader.utf8.surrogate", "an encoded UTF-16 surrogate ({bytes})"};
constexpr message_def utf8_too_high{"reader.utf8.too_high", "a code point above U+10FFFF ({bytes})"};
constexpr message_def utf8_ill_formed{"reader.utf8.ill_formed", "an ill-formed sequence ({bytes})"};
constexpr message_def text_invalid_utf8{"reader.text.invalid_utf8", "invalid UTF-8: {problem}; save the file as UTF-8"};
constexpr message_def text_control{"reader.text.control",
                                   "control character {character} in the text; remove it (only tab and line breaks "
                                   "are accepted)"};

/// `def` saying which `n` bytes at `at` it is about: "(bytes C0 AF)".
message bytes_problem(const message_def& def, std::string_view t, std::size_t at, std::size_t n) {
    std::string hex;
    std::int64_t count = 0;
    for (std::size_t k = 0; k < n && at + k < t.size(); ++k, ++count) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%s%02X", k ? " " : "", static_cast<unsigned>(static_cast<unsigned char>(t[at + k])));
        hex += buf;
    }
    return {&def, {{"bytes", std::vector<message>{message{&utf8_bytes, {{"hex", std::move(hex)}, {"count", count}}}}}}};
}

} // namespace

std::size_t first_invalid_utf8(std::string_view text) noexcept {
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of ASCII are the common case: eight bytes at a time.
        if (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const auto n = utf8_sequence_length(text, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::string_view::npos;
}

std::size_t first_invalid_utf8_or_c0(std::string_view text) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, low7 = ones * 0x7F;
    // The high bit of each byte that is zero, exactly (no carry crosses a byte).
    const auto zero_bytes = [&](std::uint64_t y) { return ~(((y & low7) + low7) | y) & high; };
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
                  cr = _mm_set1_epi8('\r');
#endif
    std::size_t i = 0;
    while (i < text.size()) {
#if defined(__SSE2__)
        // Sixteen bytes at a time where SSE2 is there (every x86-64): ASCII without controls.
        // The signed compare counts bytes >= 0x80 as below 0x20: they take the slow path.
        if (i + 16 <= text.size()) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            const __m128i allowed =
                _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)));
            if (_mm_movemask_epi8(_mm_andnot_si128(allowed, _mm_cmplt_epi8(x, below))) == 0) {
                i += 16;
                continue;
            }
        }
#endif
        if (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & high) == 0) {
                // ASCII: bytes below 0x20, then tab, line feed and carriage return let through.
                const std::uint64_t control = ~((word + ones * 0x60) | word) & high;
                if ((control & ~zero_bytes(word ^ (ones * '\t')) & ~zero_bytes(word ^ (ones * '\n')) &
                     ~zero_bytes(word ^ (ones * '\r'))) == 0) {
                    i += 8;
                    continue;
                }
            }
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return i;
            ++i;
            continue;
        }
        const auto n = utf8_sequence_length(text, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::string_view::npos;
}

message invalid_utf8_problem(std::string_view t, std::size_t at) {
    if (at >= t.size())
        return {&utf8_cut_short, {}};
    const auto c = static_cast<unsigned char>(t[at]);
    const auto cont = [&](std::size_t k) {
        return at + k < t.size() && (static_cast<unsigned char>(t[at + k]) & 0xC0) == 0x80;
    };
    if (c >= 0x80 && c <= 0xBF)
        return bytes_problem(utf8_no_lead, t, at, 1);
    if (c == 0xC0 || c == 0xC1)
        return bytes_problem(utf8_overlong, t, at, cont(1) ? 2 : 1);
    if (c >= 0xF5)
        return bytes_problem(utf8_never, t, at, 1);
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::size_t have = 1;
    while (have < n && cont(have))
        ++have;
    if (have < n)
        return bytes_problem(utf8_truncated, t, at, have);
    const auto b1 = static_cast<unsigned char>(t[at + 1]);
    if ((c == 0xE0 && b1 < 0xA0) || (c == 0xF0 && b1 < 0x90))
        return bytes_problem(utf8_overlong, t, at, n);
    if (c == 0xED && b1 >= 0xA0)
        return bytes_problem(utf8_surrogate, t, at, n);
    if (c == 0xF4 && b1 >= 0x90)
        return bytes_problem(utf8_too_high, t, at, n);
    return bytes_problem(utf8_ill_formed, t, at, n);
}

std::string describe_invalid_utf8(std::string_view t, std::size_t at) { return render(invalid_utf8_problem(t, at)); }

std::size_t first_control_character(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (is_forbidden_control(c))
                return i;
        } else if (c == 0xC2 && i + 1 < text.size()) { // U+0080-U+00BF
            if (is_forbidden_control((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) | 0x80u))
                return i;
        }
    }
    return std::string_view::npos;
}

bool is_clean_text(std::string_view text) noexcept {
#if defined(__SSE2__)
    const __m128i above = _mm_set1_epi8(0x1F), below = _mm_set1_epi8(0x7F), tab = _mm_set1_epi8('\t'),
                  lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
#endif
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
#if defined(__SSE2__)
        // Printable ASCII (0x20-0x7E), tabs and line breaks sixteen bytes at a time: as
        // signed bytes, printable is above 0x1F and below 0x7F (bytes from 0x80 up are
        // negative and take the byte-wise path).
        if (i + 16 <= n) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            const __m128i printable = _mm_and_si128(_mm_cmpgt_epi8(x, above), _mm_cmplt_epi8(x, below));
            const __m128i space =
                _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)));
            if (_mm_movemask_epi8(_mm_or_si128(printable, space)) == 0xFFFF) {
                i += 16;
                continue;
            }
        }
#endif
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (is_forbidden_control(c))
                return false;
            ++i;
            continue;
        }
        const auto len = utf8_sequence_length(text, i);
        if (len == 0 || (c == 0xC2 && is_forbidden_control(static_cast<unsigned char>(text[i + 1]))))
            return false;
        i += len;
    }
    return true;
}

std::string describe_code_point(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string out = buf;
    switch (cp) {
    case 0x00: out += " (NUL)"; break;
    case 0x07: out += " (BEL)"; break;
    case 0x08: out += " (backspace)"; break;
    case 0x1B: out += " (ESC)"; break;
    case 0x7F: out += " (DEL)"; break;
    case 0x9B: out += " (CSI)"; break;
    default: break;
    }
    return out;
}

std::optional<text_problem> check_text(std::string_view text) {
    if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos)
        return text_problem{bad, {&text_invalid_utf8, {{"problem", std::vector<message>{invalid_utf8_problem(text, bad)}}}}};
    if (const auto ctl = first_control_character(text); ctl != std::string_view::npos) {
        const auto c = static_cast<unsigned char>(text[ctl]);
        const std::uint32_t cp = c < 0x80 ? c : (static_cast<unsigned char>(text[ctl + 1]) & 0x3Fu) | 0x80u;
        return text_problem{ctl, {&text_control, {{"character", describe_code_point(cp)}}}};
    }
    return std::nullopt;
}

} // namespace rco::io::detail
