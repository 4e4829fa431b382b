// Hostile text from a record: it never controls a terminal, reorders a line, starts a
// line of its own (a forged verdict), gets evaluated by a spreadsheet, or, for a
// person's field, is quoted in an error message without --show-names.
#include "rco/escape.hpp"
#include "rco/io/roster_csv.hpp"
#include "rco/io/xml_record.hpp"
#include "rco/report/formats.hpp"
#include "rco/report/report.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace rco;
namespace json = boost::json;

namespace {

// ESC [2J clears the screen; ESC [32m turns the text green; U+202E reverses what follows.
const std::string forged = "Acme\x1b[2J\x1b[32m\nRESULT: MEETS THE STANDARDS\xE2\x80\xAE" "dlrow";

/// No byte that acts on a terminal or reorders text: C0 controls but LF, DEL, C1
/// controls, U+2028/U+2029 and bidirectional controls.
bool terminal_clean(const std::string& text) {
    bool clean = true;
    for_each_utf8(
        text, [&](char32_t c, std::string_view) { clean = clean && (c == '\n' || !is_control_char(c)); },
        [&](unsigned char) { clean = false; });
    return clean;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(text.substr(start, nl - start));
    out.push_back(text.substr(start));
    return out;
}

std::size_t lines_starting_with(const std::string& text, std::string_view prefix) {
    const auto lines = lines_of(text);
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; }));
}

std::size_t count_crlf(const std::string& text) {
    std::size_t n = 0;
    for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2))
        ++n;
    return n;
}

/// `text` with its CRLF line ends (CSV's own) made LF.
std::string without_crlf(std::string text) {
    for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at))
        text.erase(at, 1);
    return text;
}

std::string all_messages(const std::vector<diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags)
        out += d.message + "\n";
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(escaping)

BOOST_AUTO_TEST_CASE(terminal_safe_shows_every_control_as_a_visible_escape) {
    BOOST_TEST(terminal_safe("a\x1b[2Jb") == "a\\x1b[2Jb");
    BOOST_TEST(terminal_safe("\a\r\n\t\x7f") == "\\x07\\r\\n\\t\\x7f");
    BOOST_TEST(terminal_safe(std::string("nul\0here", 8)) == "nul\\x00here");
    BOOST_TEST(terminal_safe("next\xC2\x85line") == "next\\u0085line");     // C1 NEL
    BOOST_TEST(terminal_safe("csi\xC2\x9B" "2J") == "csi\\u009b2J");       // C1 CSI
    BOOST_TEST(terminal_safe("abc\xE2\x80\xAE" "def") == "abc\\u202edef"); // RIGHT-TO-LEFT OVERRIDE
    BOOST_TEST(terminal_safe("\xE2\x81\xA6x\xE2\x81\xA9") == "\\u2066x\\u2069");
    BOOST_TEST(terminal_safe("\xD8\x9C\xE2\x80\x8E\xE2\x80\x8F") == "\\u061c\\u200e\\u200f");
    BOOST_TEST(terminal_safe("line\xE2\x80\xA8sep\xE2\x80\xA9") == "line\\u2028sep\\u2029");
    BOOST_TEST(terminal_safe("bad\xFF byte \xC0\xAF") == "bad\\xff byte \\xc0\\xaf"); // invalid, overlong
    BOOST_TEST(terminal_safe("\xED\xA0\x80") == "\\xed\\xa0\\x80");                    // a surrogate
    const std::string plain = "Caf\xC3\xA9 \xE2\x9C\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xF0\x9F\x8C\xB1 back\\slash";
    BOOST_TEST(terminal_safe(plain) == plain);
    BOOST_TEST(terminal_safe("two\nlines\x1b", true) == "two\nlines\\x1b");
}

BOOST_AUTO_TEST_CASE(utf8_validation_and_repair) {
    BOOST_TEST(is_valid_utf8("Caf\xC3\xA9 \xF0\x9F\x8C\xB1"));
    BOOST_TEST(!is_valid_utf8("a\xFF"));
    BOOST_TEST(!is_valid_utf8("\xC0\xAF"));
    BOOST_TEST(!is_valid_utf8("\xED\xA0\x80"));
    BOOST_TEST(!is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
    BOOST_TEST(to_valid_utf8("a\xFF" "b\xC3") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(diagnostics_are_one_safe_line) {
    const diagnostic d{severity::warning, "rec\x1b]0;pwned\a.json", 2, 3, "/organization/x\x1b[2J",
                       "unknown field \"x\x1b[2J\xE2\x80\xAE\" is ignored\nRESULT: MEETS THE STANDARDS"};
    const auto line = format_diagnostic(d);
    BOOST_TEST(line == "rec\\x1b]0;pwned\\x07.json:2:3: warning: unknown field \"x\\x1b[2J\\u202e\" is ignored\\nRESULT: "
                       "MEETS THE STANDARDS (at /organization/x\\x1b[2J)");
    BOOST_TEST(terminal_clean(line));
    BOOST_TEST(line.find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_field_named_with_escapes_is_reported_safely) {
    auto r = io::read_record_json("{\"format\":\"rco-record/1\",\"\\u001b[2Jevil\\u202e\":1}", "rec.json");
    BOOST_REQUIRE(!r.diagnostics.empty());
    bool named = false;
    for (const auto& d : r.diagnostics) {
        const auto line = format_diagnostic(d);
        BOOST_TEST(terminal_clean(line), line);
        // The reader refuses the key, naming the character (never writing it raw).
        named = named || line.find("control character U+001B (ESC) in a key") != std::string::npos;
    }
    BOOST_TEST(named);
}

BOOST_AUTO_TEST_CASE(a_forged_verdict_in_the_organization_name_stays_inert_in_text) {
    const auto r = test::audit_with_untrained_peer();
    auto info = test::report_info_for(forged);
    info.input_file = "in\x1b[1A.json";
    info.warnings.push_back({severity::warning, "in.json", 1, 1, "/x\x1b", "unknown field \"\x1b[2J\" is ignored"});
    const auto text = report::write_text(r, info);
    BOOST_TEST(terminal_clean(text));
    const auto lines = lines_of(text);
    BOOST_TEST(lines[0] == "RCO standards audit: Acme\\x1b[2J\\x1b[32m\\nRESULT: MEETS THE STANDARDS\\u202edlrow");
    BOOST_TEST(lines[1].find("in\\x1b[1A.json") != std::string::npos);
    // The only line that starts with RESULT is the tool's own, with the real verdict.
    BOOST_TEST(lines_starting_with(text, "RESULT:") == 1u);
    BOOST_TEST(text.find("\nRESULT: DOES NOT MEET THE STANDARDS") != std::string::npos);
    BOOST_TEST(text.find("unknown field \"\\x1b[2J\" is ignored") != std::string::npos);
    // The JSON report's messages are for people too: escaped like the terminal's.
    const auto root = json::parse(report::write_json(r, info));
    BOOST_TEST(root.at("warnings").at(0).at("message").as_string() == "unknown field \"\\x1b[2J\" is ignored");
}

BOOST_AUTO_TEST_CASE(markdown_html_junit_and_csv_keep_the_name_inert) {
    const auto r = test::audit_with_untrained_peer();
    const auto info = test::report_info_for(forged);

    const auto md = report::write_markdown(r, info);
    BOOST_TEST(terminal_clean(md));
    // The verdict lines start with the tool's words; the name follows, escaped.
    BOOST_TEST(md.rfind("# \u2718 Does not meet the standards \u2014 Acme\\\\x1b\\[2J\\\\x1b\\[32m RESULT: MEETS THE "
                        "STANDARDS\\\\u202edlrow\n\n**\u2718 The organization does not meet the RCO standards: ",
                        0) == 0u);
    BOOST_TEST(lines_starting_with(md, "RESULT") == 0u);
    BOOST_TEST(report::markdown_escape("a\x1b[2Jb\xE2\x80\xAE") == "a\\\\x1b\\[2Jb\\\\u202e");

    const auto html = report::write_html(r, info);
    BOOST_TEST(html.find("\x1b") == std::string::npos);
    BOOST_TEST(html.find("\xE2\x80\xAE") == std::string::npos);
    BOOST_TEST(html.find("<h1>RCO standards audit: <bdi>Acme\\x1b[2J\\x1b[32m\\nRESULT: MEETS THE "
                         "STANDARDS\\u202edlrow</bdi></h1>") != std::string::npos);
    BOOST_TEST(html.find("\u2718</span> The organization does not meet the RCO standards: ") != std::string::npos);
    BOOST_TEST(report::html_escape("x\xE2\x80\xAEy\xC2\x85z\x7f") == "x\\u202ey\\u0085z\\x7f");

    const auto xml = report::write_junit(r, info);
    BOOST_TEST(xml.find("\xE2\x80\xAE") == std::string::npos);
    BOOST_TEST(xml.find("\x1b") == std::string::npos);

    auto csv = report::write_csv(r, info);
    BOOST_TEST(count_crlf(csv) == 44u);
    BOOST_TEST(terminal_clean(without_crlf(csv)));
    // Every row is one physical line: 43 checks and the header.
    BOOST_TEST(std::count(csv.begin(), csv.end(), '\n') == 44);
    BOOST_TEST(csv.find("\r\nAcme\\x1b[2J\\x1b[32m\\nRESULT: MEETS THE STANDARDS\\u202edlrow,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_cells_are_never_formulas) {
    BOOST_TEST(report::csv_field("Acme;=1+2") == "\"Acme;=1+2\"");
    BOOST_TEST(report::csv_field("a;b") == "\"a;b\"");
    BOOST_TEST(report::csv_field("=1+2") == "'=1+2");
    BOOST_TEST(report::csv_field("+1") == "'+1");
    BOOST_TEST(report::csv_field("-1") == "'-1");
    BOOST_TEST(report::csv_field("@SUM(A1)") == "'@SUM(A1)");
    BOOST_TEST(report::csv_field("  =1+2") == "'  =1+2");
    BOOST_TEST(report::csv_field("\"=1+2\"") == "\"'\"\"=1+2\"\"\"");
    BOOST_TEST(report::csv_field(" '@x") == "' '@x");
    BOOST_TEST(report::csv_field("\t=1") == "'\\t=1");
    BOOST_TEST(report::csv_field("\tplain") == "'\\tplain");
    BOOST_TEST(report::csv_field("\r=1") == "'\\r=1");
    BOOST_TEST(report::csv_field("=cmd|' /C calc'!A0;x") == "\"'=cmd|' /C calc'!A0;x\"");
    BOOST_TEST(report::csv_field("two\nlines") == "two\\nlines");
    BOOST_TEST(report::csv_field("Acme, Inc.") == "\"Acme, Inc.\"");
    BOOST_TEST(report::csv_field("Acme Recovery") == "Acme Recovery");
    BOOST_TEST(report::csv_field("a-b = c") == "a-b = c");

    // The batch summary too: the organization, the file and the error cells.
    std::vector<report::summary_row> rows;
    rows.push_back({"Acme;=1+2", "@x.json", test::audit_with_untrained_peer(), "", "=41-1234567", ""});
    rows.push_back({"", " -evil.json", std::nullopt, "=HYPERLINK(\"http://x\")\nline", "", ""});
    const auto csv = report::write_summary_csv(rows);
    BOOST_TEST(csv.find("\r\n\"Acme;=1+2\",'=41-1234567,'@x.json,") != std::string::npos);
    BOOST_TEST(csv.find("\r\n,,' -evil.json,,error,") != std::string::npos);
    BOOST_TEST(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\\nline\"\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_output_is_valid_utf8_whatever_the_input) {
    const auto r = test::audit_with_untrained_peer();
    auto info = test::report_info_for("Acme\xFF\xC0 Recovery");
    info.input_file = "bad\xFE.json";
    const auto text = report::write_json(r, info);
    BOOST_TEST(is_valid_utf8(text));
    const auto root = json::parse(text); // Boost.JSON refuses invalid UTF-8
    BOOST_TEST(root.at("organization").at("name").as_string() == "Acme\xEF\xBF\xBD\xEF\xBF\xBD Recovery");
    BOOST_TEST(root.at("input").at("file").as_string() == "bad\xEF\xBF\xBD.json");
}

BOOST_AUTO_TEST_CASE(person_pointers) {
    BOOST_TEST(is_person_pointer("/board/members"));
    BOOST_TEST(is_person_pointer("/board/members/0/id"));
    BOOST_TEST(is_person_pointer("/peer_workers"));
    BOOST_TEST(is_person_pointer("/peer_workers/12/trained"));
    BOOST_TEST(!is_person_pointer("/board/membership"));
    BOOST_TEST(!is_person_pointer("/board/counts/voting"));
    BOOST_TEST(!is_person_pointer("/peer_workers_extra"));
    BOOST_TEST(!is_person_pointer(""));
    BOOST_TEST(quote_value("/as_of", "\"soon\"", false) == "\"soon\"");
    BOOST_TEST(quote_value("/peer_workers/0/id", "\"p-17\"", true) == "\"p-17\"");
    BOOST_TEST(quote_value("/peer_workers/0/id", "\"p-17\"", false) ==
               "a value not shown here (it may identify a peer worker; --show-names shows it)");
    BOOST_TEST(quote_value("/board/members/3/voting", "\"Jane\"", false) ==
               "a value not shown here (it may identify a board member; --show-names shows it)");
}

BOOST_AUTO_TEST_CASE(errors_about_people_do_not_quote_their_values) {
    const std::string secret = "Jane Doe (in recovery since 2012)";
    json::value v = test::base_record_json();
    v.at("peer_workers").as_array()[0].as_object()["trained"] = secret;
    v.at("peer_workers").as_array()[0].as_object()["id"] = 20120417;
    v.at("board").at("members").as_array()[0].as_object()["attested"] = secret;
    v.as_object()["as_of"] = "soon";
    const auto text = json::serialize(v);

    auto hidden = io::read_record_json(text, "rec.json");
    const auto messages = all_messages(hidden.diagnostics);
    BOOST_TEST(hidden.diagnostics.size() == 4u);
    BOOST_TEST(messages.find("Jane") == std::string::npos);
    BOOST_TEST(messages.find("20120417") == std::string::npos);
    BOOST_TEST(messages.find("expected true or false, got a value not shown here (it may identify a peer worker; "
                             "--show-names shows it)") != std::string::npos);
    BOOST_TEST(messages.find("expected a date as YYYY-MM-DD (e.g. 2026-06-30), got a value not shown here (it may "
                             "identify a board member; --show-names shows it)") != std::string::npos);
    // Other fields still say what was found.
    BOOST_TEST(messages.find("got \"soon\"") != std::string::npos);

    auto shown = io::read_record_json(text, "rec.json", io::read_options{true});
    BOOST_TEST(all_messages(shown.diagnostics).find("got \"" + secret + "\"") != std::string::npos);
    BOOST_TEST(all_messages(shown.diagnostics).find("the number 20120417") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xml_and_roster_errors_about_people_do_not_quote_their_values) {
    const std::string xml = R"(<?xml version="1.0"?>
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
<board><members><member note="Jane Doe"><id>b1</id><voting>Jane Doe</voting></member></members></board>
<peer_workers><peer_worker><id>p1</id><trained>in recovery since 2012</trained></peer_worker></peer_workers>
</rco-record>)";
    for (bool show : {false, true}) {
        auto r = io::read_record_xml(xml, "rec.xml", io::read_options{show});
        const auto messages = all_messages(r.diagnostics);
        BOOST_TEST(r.diagnostics.size() == 3u);
        BOOST_TEST((messages.find("Jane") != std::string::npos) == show);
        BOOST_TEST((messages.find("since 2012") != std::string::npos) == show);
        BOOST_TEST((messages.find("a value not shown here") != std::string::npos) == !show);
    }

    const std::string roster = "id,voting,recovery_identity\np-1,Jane Doe,personal\n";
    for (bool show : {false, true}) {
        std::vector<diagnostic> diags;
        BOOST_TEST(!io::read_roster_csv(roster, "r.csv", diags, io::read_options{show}));
        BOOST_REQUIRE(diags.size() == 1u);
        BOOST_TEST(diags[0].message ==
                   "column voting: expected yes or no (or true/false), got " +
                       std::string(show ? "\"Jane Doe\""
                                        : "a value not shown here (it may identify a board member; --show-names "
                                          "shows it)"));
    }
}

BOOST_AUTO_TEST_SUITE_END()
