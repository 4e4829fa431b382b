// Text from a record (organization names, field names, document titles, file names, …)
// is untrusted: it must never control the terminal it is printed on, reorder the line it
// stands on, or start a line of its own. Every writer that shows such text (the text,
// Markdown, HTML and CSV reports, diagnostics, the command line's messages) goes through
// the helpers here, so the rules live in one place.
#pragma once

#include <string>
#include <string_view>

namespace rco {

/// Walks `text` as UTF-8: calls `valid(code_point, bytes)` for every well-formed sequence
/// (no overlong forms, no surrogates, nothing above U+10FFFF) and `invalid(byte)` for
/// every byte that does not start one; decoding resumes at the next byte.
template <class Valid, class Invalid>
void for_each_utf8(std::string_view text, Valid&& valid, Invalid&& invalid) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return i < text.size() && byte(i) >= lo && byte(i) <= hi;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned b = byte(i);
        std::size_t n = 0; // length of a well-formed sequence starting at i, 0 if none
        char32_t cp = 0;
        if (b < 0x80) {
            n = 1;
            cp = b;
        } else if (b >= 0xC2 && b <= 0xDF) {
            n = cont(i + 1) ? 2 : 0;
            cp = b & 0x1Fu;
        } else if (b >= 0xE0 && b <= 0xEF) {
            // E0 needs A0–BF (no overlong forms); ED needs 80–9F (no surrogates).
            const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
            n = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
            cp = b & 0x0Fu;
        } else if (b >= 0xF0 && b <= 0xF4) {
            const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
            n = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
            cp = b & 0x07u;
        }
        if (n == 0) {
            invalid(static_cast<unsigned char>(b));
            ++i;
            continue;
        }
        for (std::size_t k = 1; k < n; ++k)
            cp = (cp << 6) | (byte(i + k) & 0x3Fu);
        valid(cp, text.substr(i, n));
        i += n;
    }
}

/// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text) noexcept;

/// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD, so
/// formats that must be UTF-8 (JSON, XML) stay valid whatever an input holds.
std::string to_valid_utf8(std::string_view text);

/// Characters that act on a terminal or on the layout of a line rather than showing:
/// C0 controls (tab and line feed included), DEL, C1 controls (U+0080–U+009F), the
/// line and paragraph separators U+2028 and U+2029, and the bidirectional controls.
bool is_control_char(char32_t c) noexcept;

/// The bidirectional controls, which reorder the text around them: U+061C, U+200E,
/// U+200F, U+202A–U+202E and U+2066–U+2069.
bool is_bidi_control(char32_t c) noexcept;

/// How a control character is shown: `\t`, `\n`, `\r`; other C0 controls and DEL as
/// `\x1b`; characters from U+0080 on as `\u202e` (lower-case hexadecimal).
std::string visible_escape(char32_t c);

/// Record text made safe to print on a terminal and in line-based formats: every
/// control character (is_control_char) becomes its visible escape, and every byte that
/// is not UTF-8 becomes `\xff`. Single-line by default: a line feed becomes `\n`, so
/// record text can never start a line of its own (a forged verdict). With
/// `keep_line_feeds`, line feeds stay (for a whole report whose own lines they are).
std::string terminal_safe(std::string_view text, bool keep_line_feeds = false);

} // namespace rco
