#include "rco/io/json_record.hpp"
#include "rco/io/limits.hpp"

#include "rco/io/starter.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

namespace {

io::read_result read(std::string_view text) { return io::read_record_json(text, "rec.json"); }

const diagnostic& first_error(const io::read_result& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error)
            return d;
    throw std::runtime_error("no error");
}

} // namespace

BOOST_AUTO_TEST_SUITE(json_record)

BOOST_AUTO_TEST_CASE(reads_every_bundled_example_without_errors) {
    for (const char* name : {"harbor-recovery-community.json", "riverbend-emerging-rco.json",
                             "northfield-wellness-collective.json", "starter-record.json", "starter-record.es.json"}) {
        BOOST_TEST_CONTEXT(name) {
            auto r = io::read_record_json(test::slurp(test::source_dir() / "examples" / name), name);
            BOOST_TEST(r.ok());
            for (const auto& d : r.diagnostics)
                BOOST_TEST_MESSAGE(format_diagnostic(d));
            BOOST_TEST(r.diagnostics.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(typed_values) {
    auto r = read(R"({"format":"rco-record/1","as_of":"2026-06-30",
        "organization":{"name":"X","legal_status":"501c3_pending","autonomy":["budget","programs"]},
        "board":{"members":[{"id":"b1","voting":true,"recovery_identity":"family"}],"meetings":[]},
        "services":[{"name":"S","annual_expense":1234.5}]})");
    BOOST_REQUIRE(r.ok());
    const auto& rec = *r.record;
    BOOST_TEST(format_date(*rec.as_of) == "2026-06-30");
    BOOST_TEST((rec.organization->legal_status == legal_status::exempt_501c3_pending));
    BOOST_TEST(rec.organization->autonomy->size() == 2u);
    BOOST_TEST((rec.board->members->at(0).recovery_identity == recovery_identity::family));
    BOOST_TEST(rec.board->meetings->empty()); // present but empty: not the same as missing
    BOOST_TEST(!rec.board->counts.has_value());
    BOOST_TEST(rec.services->at(0).annual_expense->cents == 123450);
}

BOOST_AUTO_TEST_CASE(malformed_json_gives_line_and_column) {
    auto r = read("{\n  \"format\": \"rco-record/1\",\n  \"as_of\": 2026-06-30\n}");
    BOOST_TEST(!r.ok());
    const auto& e = first_error(r);
    BOOST_TEST(e.file == "rec.json");
    BOOST_TEST(e.line == 3u);
    BOOST_TEST(e.column == 12u); // the date to quote
    BOOST_TEST(e.message == "malformed JSON: an unquoted date: dates are text in JSON; write \"2026-06-30\"");
}

BOOST_AUTO_TEST_CASE(wrong_type_names_pointer_line_and_expectation) {
    auto r = read("{\"format\": \"rco-record/1\",\n \"board\": {\"counts\": {\"voting\": \"nine\"}}}");
    BOOST_TEST(!r.ok());
    const auto& e = first_error(r);
    BOOST_TEST(e.pointer == "/board/counts/voting");
    BOOST_TEST(e.line == 2u);
    BOOST_TEST(e.column == 23u);
    BOOST_TEST(e.message == "expected a whole number, got \"nine\"");
}

BOOST_AUTO_TEST_CASE(invalid_enum_and_date) {
    auto r = read(R"({"format":"rco-record/1","as_of":"June 2026","organization":{"legal_status":"nonprofit"}})");
    BOOST_TEST(!r.ok());
    std::vector<std::string> pointers, messages;
    for (const auto& d : r.diagnostics) {
        pointers.push_back(d.pointer);
        messages.push_back(d.message);
    }
    BOOST_REQUIRE(pointers.size() == 2u);
    BOOST_TEST(pointers[0] == "/as_of");
    BOOST_TEST(messages[0] == "expected a date as YYYY-MM-DD (e.g. 2026-06-30), got \"June 2026\"");
    BOOST_TEST(pointers[1] == "/organization/legal_status");
    BOOST_TEST(messages[1].find("expected one of 501c3, 501c3_pending, fiscally_sponsored") == 0u);
    BOOST_TEST(messages[1].find("got \"nonprofit\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_warnings_with_pointer) {
    auto r = read(R"({"format":"rco-record/1","organisation":{},"board":{"members":[{"id":"b1","votng":true}]}})");
    BOOST_TEST(r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 2u);
    BOOST_TEST((r.diagnostics[0].severity == severity::warning));
    BOOST_TEST(r.diagnostics[0].pointer == "/organisation");
    BOOST_TEST(r.diagnostics[1].pointer == "/board/members/0/votng");
    BOOST_TEST(r.diagnostics[1].message.find("unknown field \"votng\"") == 0u);
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_errors_never_crashes) {
    struct bad_case {
        std::string text, expect;
    };
    std::string deep(200, '[');
    const bad_case cases[] = {
        {"", "the file is empty"},
        {"   \n ", "the file is empty"},
        {std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "not a text file"},
        {"\xff\xfe\x00garbage", "UTF-16"},
        {"{\"format\":\"rco-record/1\"}\xC3", "invalid UTF-8"},
        {"[1,2,3]", "expected a JSON object"},
        {"{\"format\":\"rco-record/1\"} trailing", "unexpected text after"},
        {"{\"format\":\"rco-record/1\",\"as_of\":", "ends too early"},
        {"{\"format\":\"rco-record/1\",\"x\":" + deep, "deeper than 64"},
        {"{\"format\":\"rco-record/2\"}", "expected \"rco-record/1\""},
        {"{\"as_of\":\"2026-06-30\"}", "missing \"format\""},
        {"{\"format\":\"rco-record/1\",\"volunteers\":{\"count_12m\":1e400}}", "too large"},
        {"{\"format\":\"rco-record/1\",\"volunteers\":{\"count_12m\":123456789012345678901234567890}}", "too large"},
        {"{\"format\":\"rco-record/1\",\"volunteers\":{\"count_12m\":-3}}", "0 or more"},
        {"{\"format\":\"rco-record/1\",\"volunteers\":{\"count_12m\":2.5}}", "whole number"},
        {"{\"format\":\"rco-record/1\",\"services\":[{\"annual_expense\":1e300}]}", "which is too large"},
        {"{\"format\":\"rco-record/1\",\"services\":[{\"annual_expense\":-5}]}", "0 or more"},
        {"{\"format\":\"rco-record/1\",\"services\":[{\"annual_expense\":1000000000000.01}]}",
         "from $0 to $1,000,000,000,000, got $1,000,000,000,000.01"},
        {"{\"format\":\"rco-record/1\",\"board\":{\"counts\":{\"voting\":10001}}}", "from 0 to 10,000, got 10,001"},
        {"{\"format\":\"rco-record/1\",\"services\":{\"name\":\"x\"}}", "expected a list"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.expect) {
            auto r = read(c.text);
            BOOST_TEST(!r.ok());
            bool found = false;
            for (const auto& d : r.diagnostics)
                found = found || (d.severity == severity::error && d.message.find(c.expect) != std::string::npos &&
                                  d.file == "rec.json" && d.line >= 1u);
            BOOST_TEST(found);
        }
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_named_and_located_at_its_field) {
    struct bad_case {
        std::string bytes, what;
    };
    const bad_case cases[] = {
        {"\xC0\xAF", "an overlong encoding (bytes C0 AF)"},
        {"\xE0\x80\xAF", "an overlong encoding (bytes E0 80 AF)"},
        {"\xED\xA0\x80", "an encoded UTF-16 surrogate (bytes ED A0 80)"},
        {"\xF4\x90\x80\x80", "a code point above U+10FFFF (bytes F4 90 80 80)"},
        {"\xE2\x82", "a truncated sequence (bytes E2 82)"},
        {"\x80", "a continuation byte without a lead byte (byte 80)"},
        {"\xFF", "a byte that never occurs in UTF-8 (byte FF)"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            auto r = read("{\"format\":\"rco-record/1\",\n \"organization\": {\"name\": \"Acme " + c.bytes +
                          " Recovery\"}}");
            BOOST_TEST(!r.ok());
            BOOST_REQUIRE(r.diagnostics.size() == 1u);
            const auto& d = r.diagnostics[0];
            BOOST_TEST(d.severity == severity::error);
            BOOST_TEST(d.message == "invalid UTF-8 in a string: " + c.what + "; save the file as UTF-8");
            BOOST_TEST(d.pointer == "/organization/name");
            BOOST_TEST(d.line == 2u);
            BOOST_TEST(d.column == 33u); // the bad byte itself
        }
    }
    // In a key, at the object that holds it; outside any string, at the byte.
    auto key = read("{\"format\":\"rco-record/1\",\"organization\":{\"n\xC0\xAFme\":\"x\"}}");
    BOOST_REQUIRE(key.diagnostics.size() == 1u);
    BOOST_TEST(key.diagnostics[0].pointer == "/organization");
    BOOST_TEST(key.diagnostics[0].message.find("invalid UTF-8") == 0u);
    auto outside = read("{\"format\":\"rco-record/1\", \xC0\xAF}");
    BOOST_REQUIRE(outside.diagnostics.size() == 1u);
    BOOST_TEST(outside.diagnostics[0].message.find("invalid UTF-8: an overlong encoding") == 0u);
    BOOST_TEST(outside.diagnostics[0].column == 27u);
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused_at_their_field) {
    struct bad_case {
        std::string text, message;
        std::uint32_t column;
    };
    const std::string head = "{\"format\":\"rco-record/1\",\"organization\":{\"name\":\"ab";
    const bad_case cases[] = {
        {head + "\\u0000c\"}}", "control character U+0000 (NUL) in a string", 52},
        {head + "\\u001b[2Jc\"}}", "control character U+001B (ESC) in a string", 52},
        {head + "\\u0007\"}}", "control character U+0007 (BEL) in a string", 52},
        {head + "\x7F\"}}", "control character U+007F (DEL) in a string", 52},
        {head + "\xC2\x9B\"}}", "control character U+009B (CSI) in a string", 52},
        {head + "\\u009b\"}}", "control character U+009B (CSI) in a string", 52},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.message) {
            auto r = read(c.text);
            BOOST_TEST(!r.ok());
            BOOST_REQUIRE(r.diagnostics.size() == 1u);
            BOOST_TEST(r.diagnostics[0].message.find(c.message) == 0u);
            BOOST_TEST(r.diagnostics[0].pointer == "/organization/name");
            BOOST_TEST(r.diagnostics[0].line == 1u);
            BOOST_TEST(r.diagnostics[0].column == c.column);
        }
    }
    // Tabs and line breaks are text.
    auto ok = read(head + "\\t\\n\\r\\u0009 \\u00e9\"}}");
    BOOST_TEST(ok.ok());
    BOOST_TEST(*ok.record->organization->name == "ab\t\n\r\t \u00e9");
}

BOOST_AUTO_TEST_CASE(a_duplicate_key_is_an_error_at_the_second_copy) {
    auto r = read("{\"format\":\"rco-record/1\",\n\"organization\":{\"name\":\"A\",\n\"name\":\"B\"}}");
    BOOST_TEST(!r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].pointer == "/organization/name");
    BOOST_TEST(r.diagnostics[0].line == 3u);
    BOOST_TEST(r.diagnostics[0].column == 1u);
    BOOST_TEST(r.diagnostics[0].message.find("duplicate key") == 0u);
    // The same key in different objects is fine; so is a key spelled with escapes once.
    BOOST_TEST(read(R"({"format":"rco-record/1","organization":{"name":"A"},"board":{"name":"x"}})").diagnostics.size() ==
               1u); // only the unknown board.name warning
    auto escaped = read(R"({"format":"rco-record/1","organization":{"name":"A","n\u0061me":"B"}})");
    BOOST_REQUIRE(escaped.diagnostics.size() == 1u);
    BOOST_TEST(escaped.diagnostics[0].message.find("duplicate key") == 0u);
    BOOST_TEST(escaped.diagnostics[0].column == 53u);
}

BOOST_AUTO_TEST_CASE(long_texts_with_escapes_and_accents_read_whole_and_are_checked_whole) {
    // A 30,000-character text with escapes and accented letters reaches the parser's
    // string handling in parts: it reads intact, and a control character escaped near its
    // end is still found, at its line and column.
    std::string value, text = "{\"format\":\"rco-record/1\",\"organization\":{\"mission\":\"";
    for (int i = 0; i < 3000; ++i) {
        value += "caf\u00e9 \u00e0\n";
        text += "caf\u00e9 \\u00e0\\n";
    }
    auto ok = read(text + "\"}}");
    BOOST_TEST(ok.ok());
    BOOST_TEST(ok.diagnostics.empty());
    BOOST_REQUIRE(ok.record->organization->mission.has_value());
    BOOST_TEST(*ok.record->organization->mission == value);
    std::uint32_t column = 1; // the text is one line: its code points, then the escape's backslash
    for (const char c : text)
        column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    auto bad = read(text + "\\u0007\"}}");
    BOOST_REQUIRE(bad.diagnostics.size() == 1u);
    BOOST_TEST(bad.diagnostics[0].message.find("control character U+0007 (BEL) in a string") == 0u);
    BOOST_TEST(bad.diagnostics[0].pointer == "/organization/mission");
    BOOST_TEST(bad.diagnostics[0].column == column);
}

BOOST_AUTO_TEST_CASE(diagnostics_are_located_in_one_pass_and_capped) {
    // 20,000 unknown keys: the first 1,000 are listed, each at its own line, then one note.
    std::string text = "{\"format\":\"rco-record/1\"";
    for (int i = 0; i < 20000; ++i)
        text += ",\n  \"k" + std::to_string(i) + "\": 1";
    text += "\n}";
    auto r = read(text);
    BOOST_TEST(r.ok()); // warnings only
    BOOST_REQUIRE(r.diagnostics.size() == 1001u);
    BOOST_TEST(r.diagnostics[0].pointer == "/k0");
    BOOST_TEST(r.diagnostics[0].line == 2u);
    BOOST_TEST(r.diagnostics[0].column == 3u);
    BOOST_TEST(r.diagnostics[999].pointer == "/k999");
    BOOST_TEST(r.diagnostics[999].line == 1001u);
    BOOST_TEST(r.diagnostics[999].column == 3u);
    BOOST_TEST(r.diagnostics[1000].severity == severity::warning);
    BOOST_TEST(r.diagnostics[1000].message ==
               "and 19,000 more problems in this file, not listed (only the first 1000 are)");
    // Keys that need unescaping (JSON escapes, RFC 6901 ~0 ~1) are found too.
    auto e = read("{\"format\":\"rco-record/1\",\n\"a/b\":1,\n \"c~d\":2,\n  \"\\u00e9\":3}");
    BOOST_REQUIRE(e.diagnostics.size() == 3u);
    BOOST_TEST(e.diagnostics[0].pointer == "/a~1b");
    BOOST_TEST(e.diagnostics[0].line == 2u);
    BOOST_TEST(e.diagnostics[1].pointer == "/c~0d");
    BOOST_TEST(e.diagnostics[1].line == 3u);
    BOOST_TEST(e.diagnostics[1].column == 2u);
    BOOST_TEST(e.diagnostics[2].pointer == "/\u00e9");
    BOOST_TEST(e.diagnostics[2].line == 4u);
    BOOST_TEST(e.diagnostics[2].column == 3u);
}

BOOST_AUTO_TEST_CASE(a_text_larger_than_the_input_cap_is_refused_unread) {
    std::string text = "{\"format\":\"rco-record/1\",\"x\":\"";
    text.append(io::max_input_bytes, 'a');
    text += "\"}";
    auto r = read(text);
    BOOST_TEST(!r.record.has_value());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].message.find("more than the 67,108,864 (64 MiB) a reader accepts") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(members_win_over_counts_with_a_warning) {
    auto r = read(R"({"format":"rco-record/1","board":{"members":[],"counts":{"voting":3}}})");
    BOOST_TEST(r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].pointer == "/board/counts");
}

BOOST_AUTO_TEST_CASE(write_then_read_gives_the_same_record) {
    const auto text = test::slurp(test::source_dir() / "examples/harbor-recovery-community.json");
    auto first = io::read_record_json(text, "a");
    BOOST_REQUIRE(first.ok());
    const auto written = io::write_record_json(*first.record);
    auto second = io::read_record_json(written, "b");
    BOOST_REQUIRE(second.ok());
    BOOST_TEST(io::write_record_json(*second.record) == written);
    BOOST_TEST(written.find("\"legal_status\": \"501c3\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_read_has_no_record_to_read) {
    // A field error: the reader saw a record, but a failed read hands none out.
    auto r = read("{\"format\": \"rco-record/1\", \"as_of\": 2026}");
    BOOST_TEST(!r.ok());
    BOOST_TEST(!r.record.has_value());
    BOOST_CHECK_THROW((void)*r.record, std::bad_optional_access);
    BOOST_CHECK_THROW((void)r.record->as_of, std::bad_optional_access);
    const std::optional<record> plain = r.record; // converts to a std::optional
    BOOST_TEST(!plain.has_value());
    // Malformed JSON: the same.
    BOOST_CHECK_THROW((void)read("{\"format\": ").record->organization, std::bad_optional_access);
    // A good read: the record reads as before, and warnings do not take it away.
    auto good = read("{\"format\": \"rco-record/1\", \"as_of\": \"2026-06-30\", \"misson\": 1}");
    BOOST_REQUIRE(good.ok());
    BOOST_TEST(good.diagnostics.size() == 1u);
    BOOST_TEST(format_date(*good.record->as_of) == "2026-06-30");
    record taken = *std::move(good).record;
    BOOST_TEST(taken.format.value_or("") == "rco-record/1");
}

BOOST_AUTO_TEST_CASE(the_blank_record_has_every_section_and_passes_nothing) {
    const auto text = io::blank_record(*parse_date("2026-06-30"));
    const auto root = boost::json::parse(text).as_object();
    BOOST_TEST(root.at("format").as_string() == "rco-record/1");
    BOOST_TEST(root.at("organization").at("name").is_null());
    BOOST_TEST(root.at("policies").at("grievance").at("response_days").is_null());
    BOOST_TEST(root.at("board").at("members").is_null());
    BOOST_TEST(!root.contains("provenance"));
    auto r = read(text);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST(r.record->organization.has_value());
    BOOST_TEST(!r.record->organization->name.has_value());
    const auto result = audit(io::builtin_catalog(), "national", *r.record, *r.record->as_of);
    std::size_t passed = 0, missing = 0;
    for (const auto& c : result.checks) {
        passed += c.status == status::pass;
        missing += c.status == status::insufficient_evidence;
    }
    BOOST_TEST(passed == 0u);
    BOOST_TEST(missing >= 35u);
    BOOST_TEST(io::template_warnings(*r.record, "blank.json").empty());
}

BOOST_AUTO_TEST_CASE(a_record_holding_the_example_values_is_warned_about) {
    auto r = io::read_record(io::starter_record(), "mine.json");
    BOOST_REQUIRE(r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    const auto& w = r.diagnostics[0];
    BOOST_TEST((w.severity == severity::warning));
    BOOST_TEST(w.pointer == "/organization/name");
    BOOST_TEST(w.message.rfind("the record still holds the example's values (/organization/name, "
                               "/organization/ein, /organization/mission",
                               0) == 0u);
    // Once the name is the organization's own, the record is its own.
    r.record->organization->name = "Lakeside Recovery Network";
    BOOST_TEST(io::template_warnings(*r.record, "mine.json").empty());
}

BOOST_AUTO_TEST_CASE(every_example_record_is_known_by_its_name) {
    // template_warnings looks a record's name up in example_organization_names before it
    // reads the examples: each language's example must be listed there, and warned about.
    const auto starters = io::starter_records();
    BOOST_TEST(starters.size() == io::example_organization_names.size());
    for (const auto text : starters) {
        auto r = io::read_record(text, "mine.json");
        BOOST_REQUIRE(r.ok());
        BOOST_REQUIRE(r.record->organization && r.record->organization->name);
        const std::string name = *r.record->organization->name;
        BOOST_TEST(std::find(io::example_organization_names.begin(), io::example_organization_names.end(), name) !=
                       io::example_organization_names.end(),
                   name);
        BOOST_REQUIRE(r.diagnostics.size() == 1u);
        BOOST_TEST(r.diagnostics[0].pointer == "/organization/name");
    }
}

BOOST_AUTO_TEST_SUITE_END()
