// JSON syntax errors named, located and explained, with the line shown and a caret.
#include "rco/io/catalog_json.hpp"
#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/tailoring_json.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

namespace {

diagnostic syntax_error(std::string_view text) {
    std::vector<diagnostic> diags;
    auto v = io::parse_json(text, "rec.json", diags, "an rco-record/1 JSON object");
    if (v || diags.size() != 1u)
        throw std::runtime_error("expected exactly one error");
    return diags.front();
}

} // namespace

BOOST_AUTO_TEST_SUITE(json_syntax)

BOOST_AUTO_TEST_CASE(each_common_mistake_is_named_at_its_place) {
    struct mistake {
        std::string text;
        std::uint32_t line, column;
        std::string message;
    };
    const mistake cases[] = {
        {"{\n  \"format\": \"rco-record/1\",\n}", 2, 27,
         "malformed JSON: a trailing comma: JSON allows no comma after the last member of an object; remove this "
         "comma"},
        {"{\"autonomy\": [\"budget\", ]}", 1, 23,
         "malformed JSON: a trailing comma: JSON allows no comma after the last element of a list; remove this comma"},
        {"{\"website\": {\"get_involved\": yes}}", 1, 30,
         "malformed JSON: an unquoted yes: JSON's yes is true (lower case, no quotes); write true, or \"yes\" in "
         "double quotes for text"},
        {"{\"minutes\": No}", 1, 13,
         "malformed JSON: an unquoted No: JSON's no is false (lower case, no quotes); write false, or \"No\" in "
         "double quotes for text"},
        {"{\"x\": None}", 1, 7,
         "malformed JSON: an unquoted None: JSON writes nothing as null (lower case); write null, or leave the field "
         "out"},
        {"{'format': 'rco-record/1'}", 1, 2,
         "malformed JSON: single quotes: JSON keys take double quotes; write \"key\", not 'key'"},
        {"{\"format\": 'rco-record/1'}", 1, 12,
         "malformed JSON: single quotes: JSON text takes double quotes; write \"text\", not 'text'"},
        {"{\n  // the review date\n  \"as_of\": \"2026-06-30\"\n}", 2, 3,
         "malformed JSON: a comment: JSON has no comments; remove the // comment (or move the note into a text "
         "field)"},
        {"{\"as_of\": \"2026-06-30\" /* review */}", 1, 24,
         "malformed JSON: a comment: JSON has no comments; remove the /* */ comment (or move the note into a text "
         "field)"},
        {"{\n  \"format\": \"rco-record/1\"\n  \"as_of\": \"2026-06-30\"\n}", 3, 3,
         "malformed JSON: a comma is missing before this: add ',' after the member before it (on line 2)"},
        {"{\"format\": \"rco-record/1}", 1, 12,
         "malformed JSON: a string is not closed: this quote has no closing \" before the file ends; add the "
         "closing \""},
        {"{\"name\": \"Harbor\n\"}", 1, 10,
         "malformed JSON: a string is not closed on its line: add the closing \" (a line break inside text is "
         "written \\n)"},
        {"{\"board\": {\"members\": []}\n", 2, 1,
         "malformed JSON: it ends too early: the '{' opened at line 1, column 1 is not closed; add '}' at its end"},
        {"{\"format\": ", 1, 12, "malformed JSON: it ends too early: a value is missing after the last ':'"},
        {"{ nope }", 1, 3, "malformed JSON: an unquoted key: JSON keys take double quotes; write \"nope\""},
        {"{\"as_of\": 2026-06-30}", 1, 11,
         "malformed JSON: an unquoted date: dates are text in JSON; write \"2026-06-30\""},
        {"{\"as_of\": \"x\"]", 1, 14,
         "malformed JSON: this ']' does not close the '{' opened at line 1, column 1; close that with '}' first"},
        {"{\"path\": \"C:\\texts\\q.txt\"}", 1, 19,
         "malformed JSON: an escape JSON does not know: after a backslash JSON allows only \" \\ / b f n r t and "
         "uXXXX; write \\\\ for a backslash (e.g. in a Windows path)"},
        {"{\"a\" = 1}", 1, 6, "malformed JSON: write ':' between a key and its value, not '='"},
        {"{\"a\": 1,, \"b\": 2}", 1, 9, "malformed JSON: an extra comma: a value is missing before it; remove it"},
        {"{\"n\": 012}", 1, 7,
         "malformed JSON: a number JSON cannot read (\"012\"): write digits without leading zeros or '+', with a "
         "digit on both sides of a decimal point (e.g. 0.5, 12, 1200.50), or quote it as text"},
        {"{\"a\": 1} {\"b\": 2}", 1, 10,
         "unexpected text after the end of the JSON value: remove it, or check that no '}' or ']' before it closes "
         "the document too early"},
    };
    for (const auto& m : cases) {
        BOOST_TEST_CONTEXT(m.text) {
            const auto d = syntax_error(m.text);
            BOOST_TEST(d.message == m.message);
            BOOST_TEST(d.line == m.line);
            BOOST_TEST(d.column == m.column);
            BOOST_TEST(d.source_column == m.column); // short lines are shown whole
        }
    }
}

BOOST_AUTO_TEST_CASE(the_line_is_shown_escaped_with_a_caret_under_the_column) {
    const auto d = syntax_error("{\n  \"format\": \"rco-record/1\",\n}");
    BOOST_TEST(d.source_line == "  \"format\": \"rco-record/1\",");
    BOOST_TEST(format_diagnostic(d) ==
               "rec.json:2:27: error: malformed JSON: a trailing comma: JSON allows no comma after the last member "
               "of an object; remove this comma\n"
               "      \"format\": \"rco-record/1\",\n"
               "                              ^");
    // Record text never reaches the terminal raw: a character that acts on the terminal is
    // shown escaped, and the caret still stands under the mistake.
    const auto e = syntax_error("{\"name\": \"\x1b[31mX\"}");
    BOOST_TEST(e.column == 11u);
    BOOST_TEST(format_diagnostic(e) ==
               "rec.json:1:11: error: malformed JSON: a control character inside a string: remove it\n"
               "    {\"name\": \"\\x1b[31mX\"}\n" +
                   std::string(4 + 10, ' ') + "^");
    // Escapes before the column (a tab, a right-to-left override) move the caret with them.
    const auto f = syntax_error("{\t\"name\": \"\xE2\x80\xAE evil\", yes}");
    BOOST_TEST(f.column == 21u);
    BOOST_TEST(format_diagnostic(f) ==
               "rec.json:1:21: error: malformed JSON: an unquoted key: JSON keys take double quotes; write \"yes\"\n"
               "    {\\t\"name\": \"\\u202e evil\", yes}\n" +
                   std::string(4 + 26, ' ') + "^");
}

BOOST_AUTO_TEST_CASE(a_long_line_is_cut_around_the_mistake) {
    std::string text = "{\"documents\": [";
    for (int i = 0; i < 40; ++i)
        text += "{\"id\": \"d" + std::to_string(i) + "\"}, ";
    text += "]}";
    const auto d = syntax_error(text);
    BOOST_TEST(d.message.find("a trailing comma") != std::string::npos);
    BOOST_TEST(d.column == text.size() - 3);
    BOOST_TEST(d.source_line.substr(0, 3) == "...");
    BOOST_TEST(d.source_line.size() < 70u);
    BOOST_TEST(d.source_line.substr(d.source_column - 1, 1) == ",");
}

BOOST_AUTO_TEST_CASE(every_json_input_explains_its_mistakes) {
    auto rec = io::read_record_json("{\"format\": \"rco-record/1\", \"as_of\": \"2026-06-30\",}", "rec.json");
    BOOST_REQUIRE(rec.diagnostics.size() == 1u);
    BOOST_TEST(rec.diagnostics[0].message.find("a trailing comma") != std::string::npos);
    BOOST_TEST(rec.diagnostics[0].column == 49u);
    std::vector<diagnostic> diags;
    auto tailoring = io::read_tailoring_json("{\"format\": \"rco-tailoring/1\", // mine\n}", "t.json",
                                             io::builtin_catalog(), diags);
    BOOST_TEST(!tailoring.has_value());
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].message.find("a comment: JSON has no comments") != std::string::npos);
    BOOST_TEST(diags[0].source_line == "{\"format\": \"rco-tailoring/1\", // mine");
}

BOOST_AUTO_TEST_SUITE_END()
