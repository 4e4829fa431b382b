// gettext catalogs read from memory (rco/gettext.hpp): Plural-Forms rules of several
// languages, .mo catalogs in both byte orders, and catalogs that are not catalogs.
#include "rco/gettext.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using rco::gettext::catalog;
using rco::gettext::format_error;
using rco::gettext::plural_rule;

std::vector<std::uint64_t> forms_of(const plural_rule& r, std::initializer_list<std::uint64_t> ns) {
    std::vector<std::uint64_t> out;
    for (auto n : ns)
        out.push_back(r.form(n));
    return out;
}

/// A .mo file of `entries` (original, translation), little- or big-endian, the tables
/// sorted as msgfmt sorts them.
std::string make_mo(std::vector<std::pair<std::string, std::string>> entries, bool big_endian = false) {
    std::sort(entries.begin(), entries.end());
    std::string out;
    auto word = [&](std::uint32_t v) {
        for (int k = 0; k < 4; ++k) {
            const int shift = big_endian ? 24 - 8 * k : 8 * k;
            out += static_cast<char>((v >> shift) & 0xFF);
        }
    };
    const auto n = static_cast<std::uint32_t>(entries.size());
    const std::uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
    word(0x950412de);
    word(0);
    word(n);
    word(originals);
    word(translations);
    word(0); // no hash table
    word(strings);
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> orig, trans;
    for (const auto& [o, t] : entries) {
        orig.emplace_back(static_cast<std::uint32_t>(o.size()), strings + static_cast<std::uint32_t>(text.size()));
        text += o;
        text += '\0';
    }
    for (const auto& [o, t] : entries) {
        trans.emplace_back(static_cast<std::uint32_t>(t.size()), strings + static_cast<std::uint32_t>(text.size()));
        text += t;
        text += '\0';
    }
    for (const auto& [len, off] : orig) {
        word(len);
        word(off);
    }
    for (const auto& [len, off] : trans) {
        word(len);
        word(off);
    }
    return out + text;
}

const std::string three_forms_header =
    "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\n";

std::string sample_mo(bool big_endian) {
    using namespace std::string_literals;
    return make_mo({{"", three_forms_header},
                    {"S1.title\x04Nonprofit organization", "Organización sin fines de lucro"},
                    {"count\x04{n} day\0{n} days"s, "{n} día\0{n} días (dos)\0{n} días"s},
                    {"short\x04{n} week\0{n} weeks"s, "{n} semana\0{n} semanas"s},
                    {"empty\x04Untranslated", ""},
                    {"No context", "Sin contexto"}},
                   big_endian);
}

} // namespace

BOOST_AUTO_TEST_SUITE(gettext)

BOOST_AUTO_TEST_CASE(plural_rules_of_several_languages) {
    BOOST_TEST(forms_of(plural_rule(), {0, 1, 2, 100}) == (std::vector<std::uint64_t>{1, 0, 1, 1})); // English, Spanish
    BOOST_TEST(forms_of(plural_rule("n > 1"), {0, 1, 2}) == (std::vector<std::uint64_t>{0, 0, 1})); // French
    BOOST_TEST(forms_of(plural_rule("0"), {0, 1, 7}) == (std::vector<std::uint64_t>{0, 0, 0}));   // Japanese
    const plural_rule polish("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)");
    BOOST_TEST(forms_of(polish, {1, 2, 4, 5, 12, 14, 22, 25, 112, 1002}) ==
               (std::vector<std::uint64_t>{0, 1, 1, 2, 2, 2, 1, 2, 2, 1}));
    const plural_rule arabic("(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)");
    BOOST_TEST(forms_of(arabic, {0, 1, 2, 3, 10, 11, 99, 100, 102, 103}) ==
               (std::vector<std::uint64_t>{0, 1, 2, 3, 3, 4, 4, 5, 5, 3}));
    const plural_rule russian("(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)");
    BOOST_TEST(forms_of(russian, {1, 11, 21, 3, 13, 23, 5}) == (std::vector<std::uint64_t>{0, 2, 0, 1, 2, 1, 2}));
}

BOOST_AUTO_TEST_CASE(plural_rules_follow_c_precedence_and_never_trap) {
    BOOST_TEST(plural_rule("1 + 2 * 3").form(0) == 7u);
    BOOST_TEST(plural_rule("(1 + 2) * 3").form(0) == 9u);
    BOOST_TEST(plural_rule("10 - 4 - 3").form(0) == 3u); // left to right
    BOOST_TEST(plural_rule("!n").form(0) == 1u);
    BOOST_TEST(plural_rule("!n").form(5) == 0u);
    BOOST_TEST(plural_rule("n != 1 && n != 2 || n == 7").form(7) == 1u);
    BOOST_TEST(plural_rule("n ? 4 : 5").form(0) == 5u);
    BOOST_TEST(plural_rule("n/0").form(9) == 0u); // division and remainder by zero give 0
    BOOST_TEST(plural_rule("n%0").form(9) == 0u);
    BOOST_TEST(plural_rule("0 - 1").form(0) == UINT64_MAX); // unsigned, as gettext computes
}

BOOST_AUTO_TEST_CASE(malformed_plural_rules_are_refused) {
    for (const char* bad : {"", "n !=", "n + ", "x", "(n", "n)", "n ? 1", "1 : 2", "n == = 1", "99999999999999999999999"})
        BOOST_CHECK_THROW(plural_rule{bad}, format_error);
    BOOST_CHECK_THROW(plural_rule(std::string(33, '(') + "n" + std::string(33, ')')), format_error); // too deep
    BOOST_CHECK_NO_THROW(plural_rule(std::string(30, '(') + "n" + std::string(30, ')')));
    BOOST_CHECK_THROW(plural_rule(std::string(201, ' ') + "n"), format_error); // too long
    try {
        plural_rule("n + * 2");
        BOOST_FAIL("accepted");
    } catch (const format_error& e) {
        BOOST_TEST(std::string(e.what()) == "Plural-Forms: unexpected '*' at byte 5");
    }
}

BOOST_AUTO_TEST_CASE(a_catalog_finds_translations_by_context_and_plural_form) {
    for (const bool big_endian : {false, true}) {
        const catalog c(sample_mo(big_endian));
        BOOST_TEST(c.size() == 5u); // the header is not an entry
        const auto* title = c.find("S1.title", "Nonprofit organization");
        BOOST_REQUIRE(title);
        BOOST_TEST(*title == "Organización sin fines de lucro");
        BOOST_TEST(!c.find("S2.title", "Nonprofit organization")); // another context
        BOOST_TEST(!c.find("S1.title", "Nonprofit"));
        BOOST_TEST(*c.find("", "No context") == "Sin contexto");
        BOOST_TEST(*c.find("count", "{n} day", 1) == "{n} día");
        BOOST_TEST(*c.find("count", "{n} day", 2) == "{n} días (dos)"); // the header's rule: three forms
        BOOST_TEST(*c.find("count", "{n} day", 5) == "{n} días");
        BOOST_TEST(*c.find("count", "{n} day") == "{n} día");
        BOOST_TEST(*c.find("short", "{n} week", 1) == "{n} semana");
        BOOST_TEST(!c.find("short", "{n} week", 5)); // the rule asks for a third form it lacks
        BOOST_TEST(!c.find("empty", "Untranslated")); // an empty translation is none
    }
}

BOOST_AUTO_TEST_CASE(a_catalog_without_plural_forms_uses_the_english_rule) {
    using namespace std::string_literals;
    const catalog c(make_mo({{"", "Content-Type: text/plain; charset=UTF-8\n"},
                             {"x\x04{n} item\0{n} items"s, "{n} elemento\0{n} elementos"s}}));
    BOOST_TEST(*c.find("x", "{n} item", 0) == "{n} elementos");
    BOOST_TEST(*c.find("x", "{n} item", 1) == "{n} elemento");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_a_catalog_are_refused) {
    const std::string good = sample_mo(false);
    auto refused = [](const std::string& bytes, const std::string& why) {
        try {
            catalog c(bytes);
            BOOST_ERROR("accepted: " + why);
        } catch (const format_error& e) {
            BOOST_TEST(std::string(e.what()) == why);
        }
    };
    refused("", "not a gettext catalog (shorter than its header)");
    refused(good.substr(0, 27), "not a gettext catalog (shorter than its header)");
    refused("PK\x03\x04" + good.substr(4), "not a gettext catalog (no .mo magic number)");
    auto patch = [&](std::size_t at, std::uint32_t v) {
        std::string b = good;
        for (int k = 0; k < 4; ++k)
            b[at + static_cast<std::size_t>(k)] = static_cast<char>((v >> (8 * k)) & 0xFF);
        return b;
    };
    refused(patch(4, 0x00020000), "a gettext catalog of an unknown revision");
    refused(patch(8, 0x7FFFFFFF), "a gettext catalog claiming more entries than it has bytes");
    refused(patch(12, 0xFFFFFFF0), "a table runs past the end of the catalog");
    refused(patch(28 + 4, 0xFFFFFFFF), "a string runs past the end of the catalog"); // first string's offset
    refused(patch(28, 0xFFFFFFFF), "a string runs past the end of the catalog");     // first string's length
    refused(good.substr(0, good.size() - 3), "a string runs past the end of the catalog"); // cut short
    refused(make_mo({{"", "Plural-Forms: nplurals=2; plural=n +;\n"}}), "Plural-Forms: unexpected end at byte 4");
    refused(make_mo({{"", "Plural-Forms: nplurals=2;\n"}}), "Plural-Forms without plural=");
}

BOOST_AUTO_TEST_SUITE_END()
