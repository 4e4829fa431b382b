// The recovery-friendly language scanner (standard 9): finds the catalog's
// stigmatizing terms in a text, with the exemptions the standard names.
#pragma once

#include "rco/catalog.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

/// One occurrence of a stigmatizing term in a scanned text.
struct term_match {
    std::uint32_t line = 0;              ///< 1-based
    std::uint32_t column = 0;            ///< 1-based, in Unicode code points from the start of the line
    std::size_t offset = 0;              ///< byte offset of the first matched byte
    std::size_t length = 0;              ///< bytes matched
    std::string matched;                 ///< the words as written in the text
    const language_term* term = nullptr; ///< the table row (points into the table passed in)
};

/// Scans UTF-8 `text` for the terms of `table`, in order of offset.
///
/// Rules (standards.md, standard 9): whole-word matching, case-insensitive for
/// ASCII letters unless a term is `case_sensitive`; a form may be a phrase whose
/// words are separated by any whitespace or a hyphen ("meth head" matches
/// "meth-head"); a trailing "s" or "'s" on the last word is accepted; the longest
/// form at a position wins. `context` terms flag only when a `substance_context`
/// word occurs in the same sentence, and only as whole hyphenated words ("drop-in",
/// "user-friendly" never flag). Exempt: words inside an `exempt_names` phrase
/// (they neither flag nor count as context), text in quotation marks, first-person
/// self-description (a `first_person` phrase at most four words before the match
/// in the same sentence), and a match immediately followed by one of its
/// `not_before` words. Sentences end at . ! ? followed by a non-word character,
/// and at a blank line. ASCII and typographic apostrophes are the same letter.
/// Invalid UTF-8 bytes are treated as single non-word characters.
///
/// Runs in time linear in the text (times the small number of forms sharing a
/// first word). The returned `term` pointers are valid as long as `table` is.
std::vector<term_match> scan_language(std::string_view text, const language_table& table);

/// The same, keeping only the first `max_matches` matches (so that a long hostile text
/// costs no more memory than a short one); `total` receives how many there are in all.
std::vector<term_match> scan_language(std::string_view text, const language_table& table, std::size_t max_matches,
                                      std::size_t& total);

} // namespace rco
