// Text every reader accepts: well-formed UTF-8 without control characters. One
// definition, shared by the JSON, XML, IRS 990, CSV roster and workbook readers.
#pragma once

#include "rco/message.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rco::io::detail {

/// Byte offset of the first byte of `text` that does not belong to well-formed UTF-8
/// (Unicode Table 3-7): a stray continuation byte, a byte that never occurs (C0, C1,
/// F5-FF), an overlong form, an encoded UTF-16 surrogate (U+D800-U+DFFF), a code point
/// above U+10FFFF, or a sequence cut short. npos when all of it is well-formed.
std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// The first offset of either ill-formed UTF-8 or a C0 control character other than tab,
/// line feed and carriage return (what XML forbids anywhere), or npos: one pass, eight
/// bytes at a time through ASCII, for whole documents. The byte there tells which.
std::size_t first_invalid_utf8_or_c0(std::string_view text) noexcept;

/// What is wrong with the sequence at `offset` (as first_invalid_utf8 found it), as a
/// message, without quoting the text around it: "an overlong encoding (bytes C0 AF)",
/// "an encoded UTF-16 surrogate (bytes ED A0 80)", "a truncated sequence (byte E2)", ...
[[nodiscard]] message invalid_utf8_problem(std::string_view text, std::size_t offset);
/// The same in English words.
std::string describe_invalid_utf8(std::string_view text, std::size_t offset);

/// Control characters a record's text may not hold: C0 other than tab, line feed and
/// carriage return (so U+0000 too), DEL, and C1 (U+0080-U+009F).
constexpr bool is_forbidden_control(std::uint32_t cp) noexcept {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

/// Byte offset of the first forbidden control character in well-formed UTF-8 text, or npos.
std::size_t first_control_character(std::string_view text) noexcept;

/// True when `text` is well-formed UTF-8 without a forbidden control character (what
/// first_invalid_utf8 and first_control_character would both accept): one pass, sixteen
/// bytes at a time through printable ASCII, tabs and line breaks.
bool is_clean_text(std::string_view text) noexcept;

/// "U+0007" (with the name of a few: "U+0000 (NUL)", "U+001B (ESC)").
std::string describe_code_point(std::uint32_t cp);

/// A problem with a value's text and where it starts (a byte offset into the value).
struct text_problem {
    std::size_t offset = 0;
    rco::message message; ///< "invalid UTF-8: ..." or "control character U+0007 ..."; never quotes the text
};

/// Checks one value's text: well-formed UTF-8 first, then control characters. nullopt
/// when the text is fine.
std::optional<text_problem> check_text(std::string_view text);

} // namespace rco::io::detail
