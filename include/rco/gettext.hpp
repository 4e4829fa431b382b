// GNU gettext catalogs, read from memory: the compiled form (.mo) of po/<lang>.po that
// rco/i18n.hpp speaks through. A catalog maps (context, English) to the translation and
// picks a plural form by the catalog's own rule, the C expression of its Plural-Forms
// header ("nplurals=2; plural=(n != 1);"). Bytes from anywhere are safe to give it: every
// offset and length is checked, and a malformed catalog or rule is refused with an
// exception, never read past its end.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rco::gettext {

/// A catalog or plural rule that cannot be read; what() says why.
class format_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A Plural-Forms rule: which form a count takes. Immutable, safe to share.
class plural_rule {
  public:
    /// The rule of languages with one form for 1 and another for the rest: plural=(n != 1).
    plural_rule();
    /// Parses the C expression of a Plural-Forms `plural=` (n, integer constants, ! * / %
    /// + - < <= > >= == != && || ?: and parentheses; at most 200 bytes and 32 levels of
    /// nesting); throws format_error otherwise.
    explicit plural_rule(std::string_view expression);

    /// The form for `n` (unsigned arithmetic as gettext does it; a division or remainder by
    /// zero gives 0).
    [[nodiscard]] std::uint64_t form(std::uint64_t n) const noexcept;

  private:
    enum class op : std::uint8_t { n, number, not_, mul, div, mod, add, sub, lt, le, gt, ge, eq, ne, and_, or_, cond };
    struct node {
        op kind = op::number;
        std::uint64_t value = 0;
        std::uint32_t a = 0, b = 0, c = 0; ///< operands, indices into nodes_
    };
    std::vector<node> nodes_; ///< operands before the operations that use them; the root last
    [[nodiscard]] std::uint64_t eval(std::uint32_t at) const noexcept;
    friend class rule_parser;
};

/// A compiled catalog (.mo bytes, either byte order).
class catalog {
  public:
    /// Reads `mo`; throws format_error when it is not a catalog (bad magic, a table or
    /// string outside the bytes, a malformed Plural-Forms).
    explicit catalog(std::string_view mo);

    /// The translation of `english` filed under `context` (empty: no context), or nullptr.
    [[nodiscard]] const std::string* find(std::string_view context, std::string_view english) const;
    /// The plural form for `n` of the entry whose singular English is `english`, or nullptr
    /// (no entry, or no such form).
    [[nodiscard]] const std::string* find(std::string_view context, std::string_view english, std::uint64_t n) const;

    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

  private:
    struct hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    /// Key: context, '\x04', English singular (as gettext stores them); value: the forms.
    std::unordered_map<std::string, std::vector<std::string>, hash, std::equal_to<>> entries_;
    plural_rule rule_;
    [[nodiscard]] const std::vector<std::string>* entry(std::string_view context, std::string_view english) const;
};

} // namespace rco::gettext
