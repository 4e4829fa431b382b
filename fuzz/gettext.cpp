// Fuzz target: gettext catalogs read from memory (rco::gettext::catalog, the reader behind
// rco::i18n::load) and Plural-Forms rules. A catalog it accepts answers look-ups of every
// plural form without reading past its bytes; a rule it accepts gives a form for any count.
#include "fuzz.hpp"

#include "rco/gettext.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = rco::fuzz::as_text(data, size);
    try {
        const rco::gettext::catalog c(bytes);
        for (std::uint64_t n : {0ULL, 1ULL, 2ULL, 5ULL, 11ULL, 21ULL, 101ULL, ~0ULL}) {
            (void)c.find("test.meetings", "{count} community meeting", n);
            (void)c.find("", "", n);
        }
        (void)c.find("test.board", "the board");
    } catch (const rco::gettext::format_error&) {
    }
    try {
        const rco::gettext::plural_rule rule(bytes);
        for (std::uint64_t n = 0; n < 200; ++n)
            (void)rule.form(n);
        (void)rule.form(~0ULL);
    } catch (const rco::gettext::format_error&) {
    }
    return 0;
}
