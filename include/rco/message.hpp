// Findings as messages, not sentences: a check says what it found as a message id with
// typed arguments; a language turns it into words when a report is written. The JSON
// report carries both the words and `message: {id, args}` so an embedding system can
// word it its own way. English is the source language: each message's English pattern
// is written next to its id, and translations (po/<lang>.po) are found by that id.
#pragma once

#include "rco/date.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rco {

/// A message's id and English patterns. Defined once, as a static constant, next to the
/// code that issues it; messages point at their definition.
///
/// Patterns hold `{name}` placeholders, one per argument ("{n} community input events in
/// the {months} months from {from} to {to}"); `{{` and `}}` are literal braces. A message
/// with a plural (`other` not empty) picks `one` or `other` in English by the integer
/// argument named `count`; other languages pick by their own plural rules.
struct message_def {
    std::string_view id;    ///< stable: "S5.1.input_events"; the translation's msgctxt
    std::string_view one;   ///< the English pattern (the singular when there is a plural)
    std::string_view other = {}; ///< the English plural pattern; empty: no plural
    std::string_view count = {}; ///< the integer argument that picks the plural form
};

/// How a list argument is joined: "a, b and c", "a, b or c", "a; b; c", "a, b, c", and
/// whole sentences one after the other, "A. B. C." (a space between).
enum class list_style : std::uint8_t { and_, or_, semicolons, commas, sentences };

/// How an integer argument is written. `plain`: as a count in running text ("2500" in
/// English, which writes counts without grouping); `grouped`: with digit grouping
/// ("39,872"); `dollars`: an amount in cents ("$1,234.50").
enum class number_style : std::uint8_t { plain, grouped, dollars };

struct message;

/// One argument, by name. Text arguments are record text or machine spellings (ids,
/// field names, record words): written as they are in every language. Words a language
/// must translate are nested messages, never text arguments.
struct message_arg {
    std::string_view name; ///< as in the patterns, without braces
    std::variant<std::int64_t,              // a count or number: "1,250" / "1.250"
                 rco::date,                 // a date: "2026-06-30" / "30 de junio de 2026"
                 std::string,               // verbatim text
                 std::vector<std::string>,  // verbatim texts, joined by `style`
                 std::vector<message>>      // messages rendered and joined by `style`
        value;
    list_style style = list_style::and_;
    number_style number = number_style::plain; ///< for an integer argument
};

struct message {
    const message_def* def = nullptr;
    std::vector<message_arg> args;

    [[nodiscard]] bool empty() const noexcept { return def == nullptr; }
    /// The argument named `name`, or nullptr.
    [[nodiscard]] const message_arg* find(std::string_view name) const noexcept;
};

/// How one language writes messages. English (`english()`) writes the patterns of the
/// message definitions; other languages are found through rco/i18n.hpp. Implementations
/// are immutable after construction and safe to share between threads.
class message_language {
public:
    virtual ~message_language() = default;
    /// BCP 47 primary tag: "en", "es".
    [[nodiscard]] virtual std::string_view tag() const noexcept = 0;
    /// The pattern of `def` in this language for the count `n` (ignored without a plural);
    /// the English pattern when this language lacks a translation.
    [[nodiscard]] virtual std::string pattern(const message_def& def, std::int64_t n) const = 0;
    virtual void append_number(std::string& out, std::int64_t n) const = 0;
    /// Appends `n` written as `style` asks. The default writes `plain` and `grouped` with
    /// append_number and `dollars` as append_number of the whole dollars, "$" first, and
    /// the cents, if any, after a "." ("$1234.50"); English writes "$1,234.50".
    virtual void append_styled_number(std::string& out, std::int64_t n, number_style style) const;
    virtual void append_date(std::string& out, rco::date d) const = 0;
    /// Appends `items` (already in this language) joined the way this language joins lists.
    virtual void append_list(std::string& out, const std::vector<std::string>& items, list_style style) const = 0;
};

/// The source language.
[[nodiscard]] const message_language& english();

/// Appends `m` in `lang`: its pattern, each placeholder replaced by its argument. A
/// placeholder with no argument of its name is a bug: an assertion in debug builds, the
/// visible text `{name?}` otherwise.
void render(std::string& out, const message& m, const message_language& lang);
[[nodiscard]] std::string render(const message& m, const message_language& lang = english());

} // namespace rco
