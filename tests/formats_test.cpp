#include "rco/report/formats.hpp"
#include "rco/i18n.hpp"

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <regex>

using namespace rco;
namespace json = boost::json;

namespace {

const std::string injected = "<script>alert(1)</script>";
const std::string attribute_break = "\" onmouseover=\"x";



audit_result example_audit(const std::string& name) {
    return test::audit_json(test::load_json(test::source_dir() / "examples" / (name + ".json")));
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// RFC 4180 reader for the tests: records of fields; throws on a malformed quote.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            if (!field.empty())
                throw std::runtime_error("quote inside an unquoted field");
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            ++i;
        } else if (c == '\n' || c == '\r') {
            throw std::runtime_error("bare line break outside quotes");
        } else {
            field += c;
        }
        any = true;
    }
    if (quoted)
        throw std::runtime_error("unterminated quote");
    if (any && (!field.empty() || !row.empty()))
        throw std::runtime_error("last record lacks CRLF");
    return rows;
}

/// Person ids in the base record and the failing patch: none may appear unless asked for.
std::vector<std::string> person_ids() {
    std::vector<std::string> ids{"p-alpha"};
    const auto& rec = test::base_record_json();
    for (const auto& m : rec.at("board").at("members").as_array())
        ids.emplace_back(m.at("id").as_string());
    for (const auto& p : rec.at("peer_workers").as_array())
        ids.emplace_back(p.at("id").as_string());
    return ids;
}

} // namespace

BOOST_AUTO_TEST_SUITE(formats)

// ---- Escaping -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(html_escape_turns_markup_into_text) {
    BOOST_TEST(report::html_escape(injected) == "&lt;script&gt;alert(1)&lt;/script&gt;");
    BOOST_TEST(report::html_escape(attribute_break) == "&quot; onmouseover=&quot;x");
    BOOST_TEST(report::html_escape("Tom & Jerry's") == "Tom &amp; Jerry&#39;s");
    BOOST_TEST(report::html_escape("plain text, \u2714 caf\u00E9") == "plain text, \u2714 caf\u00E9");
    // Bytes XML cannot carry become U+FFFD: invalid UTF-8, C0 controls, U+FFFF.
    BOOST_TEST(report::html_escape("a\x01" "b") == "a\uFFFD" "b");
    BOOST_TEST(report::html_escape("a\xFF" "b") == "a\uFFFD" "b");
    BOOST_TEST(report::html_escape("a\xC3") == "a\uFFFD");
    BOOST_TEST(report::html_escape("\xEF\xBF\xBF") == "\uFFFD");
    BOOST_TEST(report::html_escape("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD"); // a UTF-16 surrogate
    BOOST_TEST(report::html_escape("tab\tline\nend\r") == "tab\tline\nend\r");
    BOOST_TEST(report::xml_attribute_escape("a\tb\nc\r<'>") == "a&#9;b&#10;c&#13;&lt;&#39;&gt;");
}

BOOST_AUTO_TEST_CASE(markdown_escape_keeps_cells_and_items_intact) {
    BOOST_TEST(report::markdown_escape("A | B") == "A \\| B");
    BOOST_TEST(report::markdown_escape("# not a heading") == "\\# not a heading");
    BOOST_TEST(report::markdown_escape("- not a list") == "\\- not a list");
    BOOST_TEST(report::markdown_escape("+ not a list") == "\\+ not a list");
    BOOST_TEST(report::markdown_escape("12. not a list") == "12\\. not a list");
    BOOST_TEST(report::markdown_escape("3) not a list") == "3\\) not a list");
    BOOST_TEST(report::markdown_escape("---") == "\\---");
    BOOST_TEST(report::markdown_escape("#") == "\\#");
    BOOST_TEST(report::markdown_escape("2026.11.0") == "2026.11.0");
    BOOST_TEST(report::markdown_escape("-2 members") == "-2 members");
    BOOST_TEST(report::markdown_escape("#hashtag") == "#hashtag");
    BOOST_TEST(report::markdown_escape("> quote") == "&gt; quote");
    BOOST_TEST(report::markdown_escape(injected) == "&lt;script&gt;alert(1)&lt;/script&gt;");
    BOOST_TEST(report::markdown_escape("*bold* _it_ [link](x) ![img](y) `code` ~s~ $5 back\\slash") ==
               "\\*bold\\* \\_it\\_ \\[link](x) !\\[img](y) \\`code\\` \\~s\\~ $5 back\\\\slash");
    BOOST_TEST(report::markdown_escape("filings[].decisions_subject_to_approval") ==
               "filings\\[].decisions_subject_to_approval");
    BOOST_TEST(report::markdown_escape("AT&T &amp; &#60; & more") == "AT&T &amp;amp; &amp;#60; & more");
    BOOST_TEST(report::markdown_escape("two\nlines\r\n  here  ") == "two lines here");
    BOOST_TEST(report::markdown_escape("    code?") == "code?");
    BOOST_TEST(report::markdown_escape("a - b + c # d") == "a - b + c # d");
}

BOOST_AUTO_TEST_CASE(csv_fields_are_quoted_and_formulas_neutralised) {
    BOOST_TEST(report::csv_field("plain") == "plain");
    BOOST_TEST(report::csv_field("") == "");
    BOOST_TEST(report::csv_field("a,b") == "\"a,b\"");
    BOOST_TEST(report::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    // One physical line per row: line breaks and other controls become visible escapes.
    BOOST_TEST(report::csv_field("two\nlines") == "two\\nlines");
    BOOST_TEST(report::csv_field("cr\rhere") == "cr\\rhere");
    BOOST_TEST(report::csv_field("=SUM(A1)") == "'=SUM(A1)");
    BOOST_TEST(report::csv_field("+1") == "'+1");
    BOOST_TEST(report::csv_field("-2") == "'-2");
    BOOST_TEST(report::csv_field("@x") == "'@x");
    BOOST_TEST(report::csv_field("\tx") == "'\\tx");
    BOOST_TEST(report::csv_field("\rx") == "'\\rx");
    BOOST_TEST(report::csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    BOOST_TEST(report::csv_field("a=b") == "a=b");
}

// ---- HTML -------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(html_is_one_self_contained_accessible_page) {
    const auto r = test::audit_with_untrained_peer();
    const auto html = report::write_html(r, test::report_info_for());
    BOOST_TEST(html.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0u);
    BOOST_TEST(html.find("<title>RCO standards audit: Harbor Recovery Community \u2014 Does not meet the standards</title>") !=
               std::string::npos);
    BOOST_TEST(html.find("@media print") != std::string::npos);
    BOOST_TEST(html.find("#what-to-fix { break-before: page;") != std::string::npos);
    // No scripts, no external resources: every link is a fragment within the page. The
    // only URL is the organization's website, quoted as text in S4.4's explanation.
    auto low = lower(html);
    BOOST_TEST(low.find("<script") == std::string::npos);
    BOOST_TEST(count(low, "https://") == 1u);
    for (const auto& c : r.checks) {
        const auto text = lower(report::html_escape(c.explanation()));
        for (auto at = low.find(text); at != std::string::npos; at = low.find(text))
            low.erase(at, text.size());
    }
    BOOST_TEST(low.find("http") == std::string::npos);
    for (const char* external : {"src=", "<link", "@import", "url(", "<iframe", "<img", "<object", "onload=", "onclick="})
        BOOST_TEST(low.find(external) == std::string::npos, external);
    const std::regex href(R"re(href="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it)
        BOOST_TEST((*it)[1].str().rfind('#', 0) == 0u, (*it)[1].str());
    BOOST_TEST(html.substr(html.size() - 8) == "</html>\n");
}

BOOST_AUTO_TEST_CASE(html_puts_the_verdict_first_then_scorecard_plan_standards_details) {
    const auto r = test::audit_with_untrained_peer();
    const auto html = report::write_html(r, test::report_info_for());
    const auto verdict = html.find("<p id=\"verdict\"");
    const auto scorecard = html.find("<table id=\"scorecard\">");
    const auto plan = html.find("<div id=\"action-plan\">");
    const auto standard1 = html.find("<section id=\"standard-1\"");
    const auto standard10 = html.find("<section id=\"standard-10\"");
    const auto details = html.find("<section id=\"details\"");
    BOOST_TEST(verdict != std::string::npos);
    BOOST_TEST(verdict < scorecard);
    BOOST_TEST(scorecard < plan);
    BOOST_TEST(plan < standard1);
    BOOST_TEST(standard1 < standard10);
    BOOST_TEST(standard10 < details);
    BOOST_TEST(details != std::string::npos);
    BOOST_TEST(html.find("<p id=\"verdict\" class=\"verdict bad\"><strong><span aria-hidden=\"true\">\u2718</span> The organization does not "
                         "meet the RCO standards: 9 of the 10 standards are met (score ") != std::string::npos);

    // The scorecard: a caption, column headers, symbol and word for every result.
    BOOST_TEST(html.find("<caption>The ten RCO standards: 9 of 10 met</caption>") != std::string::npos);
    BOOST_TEST(count(html, "<th scope=\"col\">") == 3u); // No., Standard, Result (+ Score with a class)
    BOOST_TEST(html.find("<th scope=\"col\" class=\"num\">Score</th>") != std::string::npos);
    BOOST_TEST(html.find("<tr><td class=\"num\">6</td><th scope=\"row\"><a href=\"#standard-6\">Peer recovery support "
                         "services, nonclinical</a></th><td><span class=\"s bad\"><span aria-hidden=\"true\">\u2718</span> Not met</span></td>"
                         "<td class=\"num\">64%</td></tr>") != std::string::npos);
    BOOST_TEST(html.find("<tr><td class=\"num\">1</td><th scope=\"row\"><a href=\"#standard-1\">Nonprofit organization"
                         "</a></th><td><span class=\"s ok\"><span aria-hidden=\"true\">\u2714</span> Met</span></td><td class=\"num\">100%</td></tr>") !=
               std::string::npos);

    // The action plan's work to do starts with the failed required check: the next step, and
    // what to keep on record in the form's words (the workbook's sheet and field labels).
    BOOST_TEST(html.find("<h3 id=\"work-to-do\">Work to do (2)</h3>", plan) < standard1);
    const auto first = html.find("<li id=\"fix-", plan);
    BOOST_TEST(html.compare(first, 19, "<li id=\"fix-S6.3\">\n") == 0);
    const auto* s63 = r.find_check("S6.3");
    BOOST_REQUIRE(!s63->evidence().empty());
    BOOST_TEST(html.find("<li>active, trained and certification on the Peer workers sheet</li>", first) < standard1);
    BOOST_TEST(html.find("peer_workers[]", plan) > standard1);
    BOOST_TEST(html.find("<span class=\"label\">Next step:</span> " + report::html_escape(s63->remediation()), first) <
               standard1);

    // Each check: status with a symbol and a word, id, title, level.
    BOOST_TEST(html.find("<h3><span class=\"s bad\"><span aria-hidden=\"true\">\u2718</span> Fail</span> <span class=\"id\">S6.3</span> Peer workers "
                         "trained</h3>") != std::string::npos);
    BOOST_TEST(html.find("<h2 id=\"standard-6-heading\">Standard 6: Peer recovery support services, nonclinical</h2>") !=
               std::string::npos);

    // Details: digests and the tool version, last.
    BOOST_TEST(html.find(std::string(64, 'a'), details) != std::string::npos);
    BOOST_TEST(html.find(io::builtin_catalog().sha256, details) != std::string::npos);
    BOOST_TEST(html.find("rco-audit 9.9.9", details) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_headings_descend_in_order) {
    const auto html = report::write_html(example_audit("northfield-wellness-collective"), test::report_info_for());
    const std::regex heading("<h([1-6])[ >]");
    int previous = 0, h1 = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
        const int level = std::stoi((*it)[1].str());
        BOOST_TEST(level <= previous + 1, "h" << level << " after h" << previous);
        previous = level;
        h1 += level == 1;
    }
    BOOST_TEST(h1 == 1);
}

BOOST_AUTO_TEST_CASE(html_shows_findings_questions_and_waivers) {
    auto html = report::write_html(example_audit("northfield-wellness-collective"), test::report_info_for());
    // S9.1's language findings and S3.1's question for the reviewer.
    BOOST_TEST(html.find("<li>\u201C" "addicts\u201D in doc-home at line 4, column 39; prefer: person with a substance "
                         "use disorder</li>") != std::string::npos);
    BOOST_TEST(html.find("<span class=\"s open\"><span aria-hidden=\"true\">\u25D0</span> Needs review</span> <span class=\"id\">S3.1</span>") !=
               std::string::npos);
    // An incomplete audit says so in its verdict.
    json::value v = test::base_record_json();
    test::merge_patch(v, json::parse(R"({"board":{"meetings":null}})"));
    tailoring t;
    t.waivers.push_back({"S6.3", "New hires finish training in " + injected, "Board chair", *parse_date("2026-12-31")});
    t.not_applicable["S4.4"] = "No website yet";
    const auto r = test::audit_json(v, "national", t);
    BOOST_TEST(to_string(r.result) == "incomplete");
    html = report::write_html(r, test::report_info_for());
    BOOST_TEST(html.find("<p id=\"verdict\" class=\"verdict open\"><strong><span aria-hidden=\"true\">\u25D0</span> The organization cannot be "
                         "judged yet") != std::string::npos);
    BOOST_TEST(html.find("<span class=\"s none\"><span aria-hidden=\"true\">\u2013</span> Not applicable</span> <span class=\"id\">S4.4</span>") !=
               std::string::npos);
    BOOST_TEST(html.find("<li><span class=\"id\">S4.4</span>: marked not applicable: No website yet</li>") !=
               std::string::npos);
    // S6.3 passes in the base record, so the waiver is echoed as not needed, and escaped.
    BOOST_TEST(html.find("waiver not needed") != std::string::npos);
    BOOST_TEST(lower(html).find("<script") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_renders_record_text_as_text) {
    // The name, a public document (its id reaches the findings and the explanation) and a
    // service name (it reaches S4.1's explanation) all carry markup.
    json::value v = test::base_record_json();
    test::merge_patch(v, json::parse(R"({"organization":{"name":")" + injected + R"("}})"));
    auto& docs = v.at("documents").as_array();
    docs[0].as_object()["id"] = "doc-" + injected + attribute_break;
    docs[0].as_object()["text"] = injected + " We help addicts " + attribute_break + " every day.\n";
    auto& services = v.at("services").as_array();
    services[0].as_object()["name"] = "Coaching " + injected + attribute_break;
    services[0].as_object()["eligibility"] = json::array{"treatment_enrollment"};
    auto r = test::audit_json(v);
    // An explanation and a finding's matched words with markup, straight into the result
    // (the scanner only matches catalog terms, so a record cannot put markup there itself).
    test::set_explanation(r.checks[0], r.checks[0].explanation() + " " + injected);
    language_term term;
    term.id = "term";
    term.alternatives = {"other"};
    for (auto& c : r.checks)
        if (c.id == "S9.2") {
            c.findings.push_back({"doc-x", "/documents/9/text", 2, 3, injected + attribute_break, &term});
            c.status = status::fail;
        }

    const auto* s91 = r.find_check("S9.1");
    BOOST_REQUIRE(s91);
    BOOST_REQUIRE(!s91->findings.empty());
    BOOST_TEST(s91->findings[0].source.find(injected) != std::string::npos);
    BOOST_TEST(r.find_check("S4.1")->explanation().find(injected) != std::string::npos);

    for (bool names : {false, true}) {
        const auto html = report::write_html(r, test::report_info_for(injected + attribute_break, names));
        BOOST_TEST(lower(html).find("<script") == std::string::npos);
        BOOST_TEST(html.find(attribute_break) == std::string::npos);
        BOOST_TEST(html.find("<h1>RCO standards audit: <bdi>&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x"
                             "</bdi></h1>") != std::string::npos);
        BOOST_TEST(html.find("\u201C" "addicts\u201D in doc-&lt;script&gt;alert(1)&lt;/script&gt;&quot; "
                             "onmouseover=&quot;x at line 1") != std::string::npos);
        BOOST_TEST(html.find("Coaching &lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x") !=
                   std::string::npos);
        BOOST_TEST(html.find("<li>\u201C&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x\u201D in doc-x "
                             "at line 2, column 3; prefer: other</li>") != std::string::npos);
        BOOST_TEST(html.find("<p>" + report::html_escape(r.checks[0].explanation()) + "</p>") != std::string::npos);
        BOOST_TEST(r.checks[0].explanation().find(injected) != std::string::npos);
        BOOST_TEST(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 6u);
    }
    // The other formats escape the same text for their own syntax.
    const auto md = report::write_markdown(r, test::report_info_for(injected));
    BOOST_TEST(lower(md).find("<script") == std::string::npos);
    BOOST_TEST(md.find("# \u2718 Does not meet the standards \u2014 &lt;script&gt;alert(1)&lt;/script&gt;\n") == 0u);
    const auto xml = report::write_junit(r, test::report_info_for(injected + attribute_break));
    BOOST_TEST(lower(xml).find("<script") == std::string::npos);
    pugi::xml_document doc;
    BOOST_TEST(static_cast<bool>(doc.load_string(xml.c_str())));
    BOOST_TEST(std::string(doc.child("testsuites").attribute("name").value()) ==
               "RCO standards audit: " + injected + attribute_break);
}

BOOST_AUTO_TEST_CASE(no_person_is_named_unless_asked) {
    const auto r = test::audit_with_untrained_peer();
    BOOST_REQUIRE(r.find_check("S6.3")->subjects == std::vector<std::string>{"p-alpha"});
    const auto ids = person_ids();
    using writer = std::string (*)(const audit_result&, const report::report_info&);
    for (writer w : {writer(&report::write_html), writer(&report::write_markdown), writer(&report::write_junit),
                     writer(&report::write_csv)}) {
        const auto text = w(r, test::report_info_for());
        for (const auto& id : ids)
            BOOST_TEST(!std::regex_search(text, std::regex("\\b" + id + "\\b")), "a report names " << id);
    }
    BOOST_TEST(report::write_html(r, test::report_info_for("Harbor", true)).find("<span class=\"label\">People concerned:</span> "
                                                                     "<bdi>p-alpha</bdi></p>") != std::string::npos);
    BOOST_TEST(report::write_markdown(r, test::report_info_for("Harbor", true)).find("- People concerned: p-alpha\n") !=
               std::string::npos);
    BOOST_TEST(report::write_junit(r, test::report_info_for("Harbor", true)).find("People concerned: p-alpha") != std::string::npos);
}

// ---- Markdown -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(markdown_has_verdict_scorecard_plan_standards_provenance) {
    const auto md = report::write_markdown(test::audit_with_untrained_peer(), test::report_info_for("Harbor | Recovery"));
    BOOST_TEST(md.rfind("# \u2718 Does not meet the standards \u2014 Harbor \\| Recovery\n\n", 0) == 0u);
    const auto table = md.find("| No. | Standard | Result | Score |\n| ---: | --- | --- | ---: |\n");
    const auto plan = md.find("\n## What to do next\n\n### Work to do (2)\n\nThese checks fail: the record shows the "
                              "requirement is not met. Required checks come first.\n\n1. **S6.3 Peer workers trained** "
                              "(\u2718 Fail, required): ");
    const auto standards = md.find("\n## Standard 1: Nonprofit organization \u2014 \u2714 Met (100%)\n");
    const auto provenance = md.find("\n## About this report\n");
    BOOST_TEST(table != std::string::npos);
    BOOST_TEST(table < plan);
    BOOST_TEST(plan < standards);
    BOOST_TEST(standards < provenance);
    BOOST_TEST(provenance != std::string::npos);
    BOOST_TEST(md.find("| 6 | Peer recovery support services, nonclinical | \u2718 Not met | 64% |\n") != std::string::npos);
    BOOST_TEST(md.find("| 1 | Nonprofit organization | \u2714 Met | 100% |\n") != std::string::npos);
    BOOST_TEST(count(md, "\n| ") == 12u); // header, delimiter, ten standards
    BOOST_TEST(md.find("- \u2718 Fail \u2014 **S6.3** Peer workers trained (required): ") != std::string::npos);
    BOOST_TEST(md.find("   - Next step: ") != std::string::npos);
    BOOST_TEST(md.find("   - Keep on record: active, trained and certification on the Peer workers sheet\n") !=
               std::string::npos);
    BOOST_TEST(md.find("- Catalog: version " + report::markdown_escape(io::builtin_catalog().version) + " (SHA-256 " +
                       io::builtin_catalog().sha256 + ")\n") != std::string::npos);
    BOOST_TEST(md.back() == '\n');
}

// ---- JUnit ----------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(junit_counts_and_parses) {
    const auto r = example_audit("northfield-wellness-collective");
    const auto xml = report::write_junit(r, test::report_info_for("Northfield Wellness Collective"));
    BOOST_TEST(xml.find("<testsuites name=\"RCO standards audit: Northfield Wellness Collective\" tests=\"43\" "
                        "failures=\"36\" errors=\"0\" skipped=\"2\">") != std::string::npos);
    BOOST_TEST(xml.find("<testsuite name=\"Standard 1: Nonprofit organization\" tests=\"5\" failures=\"2\" errors=\"0\" "
                        "skipped=\"1\">") != std::string::npos);
    BOOST_TEST(xml.find("<testsuite name=\"Standard 8: Diverse, equitable and inclusive policies, practices and services\" "
                        "tests=\"5\" failures=\"5\" errors=\"0\" skipped=\"0\">") != std::string::npos);
    BOOST_TEST(xml.find("<testcase classname=\"rco.standard2\" name=\"S2.1 board-recovery-majority\">") !=
               std::string::npos);

    pugi::xml_document doc;
    const auto parsed = doc.load_string(xml.c_str());
    BOOST_TEST_REQUIRE(static_cast<bool>(parsed), parsed.description());
    const auto root = doc.child("testsuites");
    int suites = 0, cases = 0, failures = 0, skipped = 0, review = 0, evidence = 0;
    for (auto suite : root.children("testsuite")) {
        ++suites;
        int t = 0, f = 0, s = 0;
        for (auto tc : suite.children("testcase")) {
            ++t;
            if (auto fail = tc.child("failure")) {
                ++f;
                evidence += std::string(fail.attribute("type").value()) == "insufficient_evidence";
                // Missing evidence says what to record and where; a failure, what to do.
                const std::string body = fail.child_value();
                if (std::string(fail.attribute("type").value()) == "insufficient_evidence")
                    BOOST_TEST((body.find("Record: ") != std::string::npos && body.find("Next step: ") == std::string::npos));
                else
                    BOOST_TEST(body.find("Next step: ") != std::string::npos);
            }
            if (auto skip = tc.child("skipped")) {
                ++s;
                review += std::string(skip.attribute("message").value()).rfind("needs review: ", 0) == 0;
            }
        }
        BOOST_TEST(suite.attribute("tests").as_int() == t);
        BOOST_TEST(suite.attribute("failures").as_int() == f);
        BOOST_TEST(suite.attribute("skipped").as_int() == s);
        cases += t;
        failures += f;
        skipped += s;
    }
    BOOST_TEST(suites == 10);
    BOOST_TEST(cases == 43);
    BOOST_TEST(failures == 36);
    BOOST_TEST(skipped == 2);
    BOOST_TEST(review == 1);
    BOOST_TEST(evidence == 3);
    BOOST_TEST(root.attribute("tests").as_int() == 43);
    BOOST_TEST(std::string(root.find_child_by_attribute("testsuite", "name", "Standard 3: Primary focus is recovery from SUDs")
                               .find_child_by_attribute("testcase", "name", "S3.1 mission-recovery-focus")
                               .child("skipped")
                               .attribute("message")
                               .value())
                   .rfind("needs review: Does the mission", 0) == 0u);
    // No timestamps: byte-identical.
    BOOST_TEST(xml.find("timestamp") == std::string::npos);
    BOOST_TEST(xml == report::write_junit(r, test::report_info_for("Northfield Wellness Collective")));
}

BOOST_AUTO_TEST_CASE(junit_waived_checks_pass_with_a_note) {
    const auto rec = test::load_json(test::source_dir() / "examples/riverbend-emerging-rco.json");
    const auto plain = test::audit_json(rec);
    const check_result* failing = nullptr;
    for (const auto& c : plain.checks)
        if (c.status == status::fail) {
            failing = &c;
            break;
        }
    BOOST_REQUIRE(failing);
    tailoring t;
    t.waivers.push_back({std::string(failing->id), "Planned for autumn", "Board chair", *parse_date("2026-12-31")});
    const auto r = test::audit_json(rec, "national", t);
    BOOST_REQUIRE(r.find_check(failing->id)->status == status::waived);
    const auto xml = report::write_junit(r, test::report_info_for("Riverbend"));
    pugi::xml_document doc;
    BOOST_TEST_REQUIRE(static_cast<bool>(doc.load_string(xml.c_str())));
    pugi::xml_node tc;
    for (auto suite : doc.child("testsuites").children("testsuite"))
        for (auto c : suite.children("testcase"))
            if (std::string(c.attribute("name").value()).rfind(std::string(failing->id) + " ", 0) == 0)
                tc = c;
    BOOST_REQUIRE(tc);
    BOOST_TEST(!tc.child("failure"));
    BOOST_TEST(!tc.child("skipped"));
    BOOST_TEST(std::string(tc.child_value("system-out")).rfind("Waived until 2026-12-31, approved by Board chair: "
                                                               "Planned for autumn. Without the waiver: Fail.", 0) == 0u);
    const auto html = report::write_html(r, test::report_info_for("Riverbend"));
    BOOST_TEST(html.find("<span class=\"s none\"><span aria-hidden=\"true\">\u2298</span> Waived</span> <span class=\"id\">" + std::string(failing->id)) !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(junit_stays_well_formed_with_control_characters) {
    auto r = test::audit_with_untrained_peer();
    test::set_explanation(r.checks[0], "bell\x07 and \xFF bad byte");
    r.checks[0].status = status::fail;
    const auto xml = report::write_junit(r, test::report_info_for("Name\x01with control"));
    pugi::xml_document doc;
    BOOST_TEST(static_cast<bool>(doc.load_string(xml.c_str())));
    BOOST_TEST(xml.find('\x07') == std::string::npos);
    BOOST_TEST(xml.find('\x01') == std::string::npos);
}

// ---- CSV ------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(csv_has_a_header_and_one_row_per_check) {
    const auto r = example_audit("northfield-wellness-collective");
    const auto csv = report::write_csv(r, test::report_info_for("Northfield Wellness Collective"));
    BOOST_TEST(csv.rfind(report::csv_header(), 0) == 0u);
    BOOST_TEST(report::csv_header() ==
               "organization,ein,input_file,profile,as_of,standard,standard_title,standard_result,check_id,slug,title,"
               "level,status,underlying_status,explanation\r\n");
    const auto rows = parse_csv(csv);
    BOOST_TEST(rows.size() == 44u); // header + 43 checks
    for (const auto& row : rows)
        BOOST_TEST(row.size() == 15u);
    BOOST_TEST(count(csv, "\r\n") == count(csv, "\n")); // every line ends CRLF
    const auto& s21 = rows[6];
    BOOST_TEST(s21[0] == "Northfield Wellness Collective");
    BOOST_TEST(s21[4] == "2026-06-30");
    BOOST_TEST(s21[5] == "2");
    BOOST_TEST(s21[6] == "Led and governed by the recovery community");
    BOOST_TEST(s21[7] == "not_met");
    BOOST_TEST(s21[8] == "S2.1");
    BOOST_TEST(s21[9] == "board-recovery-majority");
    BOOST_TEST(s21[12] == "fail");
    BOOST_TEST(s21[14] == r.find_check("S2.1")->explanation());
    // Batches: one header, rows of each organization appended.
    BOOST_TEST(report::csv_header() + report::csv_rows(r, test::report_info_for("Northfield Wellness Collective")) == csv);
}

BOOST_AUTO_TEST_CASE(spanish_reports_say_their_words_in_spanish_and_keep_the_machine_fields) {
    const auto r = example_audit("northfield-wellness-collective");
    auto en = test::report_info_for("Northfield Wellness Collective");
    auto es = en;
    es.language = i18n::find("es");
    BOOST_REQUIRE(es.language);

    const auto html = report::write_html(r, es);
    BOOST_TEST(html.rfind("<!doctype html>\n<html lang=\"es\">\n", 0) == 0u);
    BOOST_TEST(report::write_html(r, en).rfind("<!doctype html>\n<html lang=\"en\">\n", 0) == 0u);
    BOOST_TEST(html.find("<h2 id=\"what-to-fix-heading\">Qué hacer ahora</h2>") != std::string::npos);
    // The sentence-case status word of a capitalised Spanish plain word ("NO CUMPLIDO").
    BOOST_TEST(html.find("<span aria-hidden=\"true\">\u2718</span> No cumplido</span>") != std::string::npos);
    BOOST_TEST(html.find("What to do next") == std::string::npos);

    const auto md = report::write_markdown(r, es);
    BOOST_TEST(md.rfind("# \u2718 No cumple los estándares \u2014 Northfield Wellness Collective\n", 0) == 0u);
    BOOST_TEST(md.find("\n## Qué hacer ahora\n") != std::string::npos);

    // CSV: the same columns and machine values, titles and explanations in Spanish.
    const auto rows_en = parse_csv(report::write_csv(r, en)), rows_es = parse_csv(report::write_csv(r, es));
    BOOST_REQUIRE(rows_en.size() == rows_es.size());
    for (std::size_t i = 0; i < rows_en.size(); ++i)
        for (std::size_t k = 0; k < rows_en[i].size(); ++k)
            if (i == 0 || (k != 6 && k != 10 && k != 14))
                BOOST_TEST(rows_en[i][k] == rows_es[i][k]);
    BOOST_TEST(rows_es[6][6] == "Dirigida y gobernada por la comunidad de recuperación");
    BOOST_TEST(rows_es[6][7] == "not_met");
    BOOST_TEST(rows_es[6][14] == r.find_check("S2.1")->explanation(*es.language));

    // JUnit: the same counts and properties; the suite's name in Spanish.
    const auto junit = report::write_junit(r, es);
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(junit.c_str()));
    BOOST_TEST(std::string(doc.child("testsuites").child("testsuite").attribute("name").value()) ==
               "Estándar 1: Organización sin fines de lucro");
    const auto junit_en = report::write_junit(r, en);
    pugi::xml_document doc_en;
    BOOST_REQUIRE(doc_en.load_string(junit_en.c_str()));
    for (const char* attribute : {"tests", "failures", "errors", "skipped"})
        BOOST_TEST(std::string(doc.child("testsuites").attribute(attribute).value()) ==
                   std::string(doc_en.child("testsuites").attribute(attribute).value()));
    BOOST_TEST(junit.find("<property name=\"standard.result\" value=\"not_met\"/>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_neutralises_formulas_from_the_record) {
    auto r = test::audit_with_untrained_peer();
    test::set_explanation(r.checks[0], "-2 members, \"quoted\"\nand a new line");
    test::set_explanation(r.checks[1], "@x");
    test::set_explanation(r.checks[2], "+1");
    auto info = test::report_info_for("=SUM(A1)");
    info.input_file = "=cmd|'/C calc'!A0";
    const auto csv = report::write_csv(r, info);
    BOOST_TEST(count(csv, "\r\n'=SUM(A1),") == 43u);
    BOOST_TEST(csv.find(",\"'=cmd|'/C calc'!A0\",") == std::string::npos); // no comma, so not quoted
    BOOST_TEST(csv.find(",'=cmd|'/C calc'!A0,") != std::string::npos);
    // One line per row: the line break is shown as \n.
    BOOST_TEST(csv.find(",\"'-2 members, \"\"quoted\"\"\\nand a new line\"\r\n") != std::string::npos);
    BOOST_TEST(csv.find(",'@x\r\n") != std::string::npos);
    BOOST_TEST(csv.find(",'+1\r\n") != std::string::npos);
    const auto rows = parse_csv(csv);
    BOOST_TEST(rows.size() == 44u);
    BOOST_TEST(rows[1][14] == "'-2 members, \"quoted\"\\nand a new line");
}

// ---- Summary ---------------------------------------------------------------------------------------

std::vector<report::summary_row> batch() {
    std::vector<report::summary_row> rows;
    rows.push_back({"Harbor Recovery Community", "harbor.json", example_audit("harbor-recovery-community"), "",
                    "41-1234567", ""});
    rows.push_back({"Northfield, \"Wellness\"", "northfield.json", example_audit("northfield-wellness-collective"), "",
                    "", ""});
    rows.push_back({"Riverbend", "riverbend.json", example_audit("riverbend-emerging-rco"), "", "", ""});
    rows.push_back({"", "broken.json", std::nullopt, "broken.json:3:25: error: expected a whole number", "", ""});
    return rows;
}

std::string standard_word(const report::summary_row& row, std::size_t standard) {
    return row.result ? std::string(to_string(row.result->standards[standard].result)) : "";
}

BOOST_AUTO_TEST_CASE(summary_csv_has_one_row_per_organization_and_nothing_else) {
    const auto rows = batch();
    const auto columns = report::summary_columns_of(io::builtin_catalog());
    const auto csv = report::write_summary_csv(rows, columns);
    const auto table = parse_csv(csv);
    BOOST_REQUIRE(table.size() == 1u + 4u); // the header, then one row per organization: no totals
    BOOST_TEST(csv.rfind("organization,ein,file,review_date,result,score,standard_1,standard_2,standard_3,standard_4,"
                         "standard_5,standard_6,standard_7,standard_8,standard_9,standard_10,checks_pass,checks_fail,"
                         "checks_insufficient_evidence,checks_manual_review,checks_not_applicable,checks_waived,"
                         "error\r\n",
                         0) == 0u);
    for (const auto& row : table)
        BOOST_TEST(row.size() == 23u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        BOOST_TEST(table[i + 1][0] == rows[i].organization);
        BOOST_TEST(table[i + 1][1] == rows[i].ein);
        BOOST_TEST(table[i + 1][2] == rows[i].input_file);
        for (std::size_t st = 0; st < 10; ++st)
            BOOST_TEST(table[i + 1][6 + st] == standard_word(rows[i], st), "row " << i << " standard " << st + 1);
        if (rows[i].result) {
            // The counts per status add up to every check of the catalog.
            int checks = 0;
            for (std::size_t k = 16; k < 22; ++k)
                checks += std::stoi(table[i + 1][k]);
            BOOST_TEST(checks == static_cast<int>(io::builtin_catalog().checks.size()));
        }
    }
    // Concrete values from the examples.
    BOOST_TEST(table[1][1] == "41-1234567");
    BOOST_TEST(table[1][3] == format_date(rows[0].result->as_of));
    BOOST_TEST(table[1][4] == "incomplete"); // its documents are not read here: the S9 text scan lacks evidence
    BOOST_TEST(table[1][5] == "96");
    BOOST_TEST(table[1][17] == "0"); // Harbor fails no check
    BOOST_TEST(table[2][0] == "Northfield, \"Wellness\"");
    BOOST_TEST(table[2][4] == "not_met");
    BOOST_TEST(table[2][5] == "15");
    BOOST_TEST(table[2][6] == "not_met");
    BOOST_TEST(std::count(table[3].begin() + 6, table[3].begin() + 16, "met") == 9); // Riverbend: all but one
    // The record that could not be audited: result "error", no cells, why in the last column.
    BOOST_TEST(table[4][3] == "");
    BOOST_TEST(table[4][4] == "error");
    BOOST_TEST(table[4][5] == "");
    BOOST_TEST(std::count(table[4].begin() + 6, table[4].begin() + 22, "") == 16);
    BOOST_TEST(table[4][22] == "broken.json:3:25: error: expected a whole number");
    BOOST_TEST(csv == report::write_summary_csv(batch(), columns));
}

BOOST_AUTO_TEST_CASE(wide_summary_csv_has_a_column_per_check) {
    const auto rows = batch();
    const auto& cat = io::builtin_catalog();
    const auto columns = report::summary_columns_of(cat);
    BOOST_REQUIRE(columns.check_ids.size() == cat.checks.size());
    BOOST_TEST(columns.check_ids.front() == "S1.1");
    const auto table = parse_csv(report::write_summary_csv(rows, columns, true));
    BOOST_REQUIRE(table.size() == 5u);
    const auto width = 23u + cat.checks.size();
    for (const auto& row : table)
        BOOST_TEST(row.size() == width);
    for (std::size_t k = 0; k < cat.checks.size(); ++k) {
        BOOST_TEST(table[0][22 + k] == cat.checks[k].id);
        for (std::size_t i = 0; i < 3; ++i) // each cell is that check's status in that organization's audit
            BOOST_TEST(table[i + 1][22 + k] == to_string(rows[i].result->checks[k]), cat.checks[k].id << " row " << i);
        BOOST_TEST(table[4][22 + k] == "");
    }
    // Northfield's board is not led by people in recovery: S2.1 fails there, passes at Harbor.
    const auto s21 = static_cast<std::size_t>(
        std::find(columns.check_ids.begin(), columns.check_ids.end(), "S2.1") - columns.check_ids.begin());
    BOOST_TEST(table[1][22 + s21] == "pass");
    BOOST_TEST(table[2][22 + s21] == "fail");
    BOOST_TEST(table[0].back() == "error");
}

BOOST_AUTO_TEST_CASE(summary_html_is_a_compact_accessible_grid) {
    auto rows = batch();
    rows[0].organization = injected;
    rows[0].report_link = "reports/harbor recovery#1.html";
    const auto columns = report::summary_columns_of(io::builtin_catalog());
    const auto html = report::write_summary_html(rows, "9.9.9", columns);
    BOOST_TEST(html.find("<li>Nonprofit organization</li>") != std::string::npos);
    BOOST_TEST(html.find("<abbr title=\"Standard 1: Nonprofit organization\">S1</abbr>") != std::string::npos);
    BOOST_TEST(html.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0u);
    BOOST_TEST(html.find("<title>RCO standards audit: summary of 4 organizations</title>") != std::string::npos);
    BOOST_TEST(lower(html).find("<script") == std::string::npos);
    // The name links to the organization's own report, the path percent-encoded.
    BOOST_TEST(html.find("<tr><th scope=\"row\"><a href=\"reports/harbor%20recovery%231.html\"><bdi>&lt;script&gt;"
                         "alert(1)&lt;/script&gt;</bdi></a><span class=\"file\"><bdi>harbor.json</bdi></span></th>") !=
               std::string::npos);
    BOOST_TEST(count(html, "<a href=") == 1u); // the others have no report to link to
    // One narrow column per standard, plus organization, result and score.
    BOOST_TEST(count(html, "<th scope=\"col\"") == 13u);
    BOOST_TEST(count(html, "<th scope=\"col\" class=\"st\">") == 10u);
    // A cell: symbol for the eye, word for screen readers and on hover.
    BOOST_TEST(html.find("<td class=\"st bad\" title=\"Standard 2: Led and governed by the recovery community \u2014 Not met\">"
                         "<span aria-hidden=\"true\">\u2718</span><span class=\"sr\">Not met</span></td>") !=
               std::string::npos);
    BOOST_TEST(html.find("<td colspan=\"10\"><span class=\"s none\"><span aria-hidden=\"true\">\u26A0</span> Not "
                         "audited</span> <bdi>broken.json:3:25: error: expected a whole number</bdi></td>") !=
               std::string::npos);
    // The foot: per standard, how many of the three audited organizations meet it.
    const auto tfoot = html.find("<tfoot>");
    BOOST_REQUIRE(tfoot != std::string::npos);
    BOOST_TEST(tfoot > html.find("</tbody>"));
    std::string foot = "<tr><th scope=\"row\">Meet it (of 3 audited)</th>";
    for (std::size_t st = 0; st < 10; ++st) {
        int n = 0;
        for (const auto& row : rows)
            n += standard_word(row, st) == "met";
        foot += "<td class=\"num st\">" + std::to_string(n) + "</td>";
    }
    BOOST_TEST(html.find(foot, tfoot) != std::string::npos, foot);
    BOOST_TEST(html.find("<p id=\"verdict\">0 meet all ten standards, 2 do not meet them, 1 cannot be judged yet "
                         "(incomplete) and 1 could not be audited.</p>") != std::string::npos);
    BOOST_TEST(html.find("body.grid { max-width: 80rem; }") != std::string::npos);
    BOOST_TEST(lower(html).find("http") == std::string::npos);
    BOOST_TEST(html == report::write_summary_html(rows, "9.9.9", columns));
    // Without titles the columns are S1 … S10 and no list of standards is given.
    const auto bare = report::write_summary_html(rows, "9.9.9");
    BOOST_TEST(bare.find("The ten standards") == std::string::npos);
    BOOST_TEST(bare.find("<th scope=\"col\" class=\"st\">S1</th>") != std::string::npos);
}

// ---- Determinism ------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(every_format_is_byte_identical_for_identical_inputs) {
    using writer = std::string (*)(const audit_result&, const report::report_info&);
    for (writer w : {writer(&report::write_html), writer(&report::write_markdown), writer(&report::write_junit),
                     writer(&report::write_csv)}) {
        const auto a = w(example_audit("northfield-wellness-collective"), test::report_info_for());
        const auto b = w(example_audit("northfield-wellness-collective"), test::report_info_for());
        BOOST_TEST(!a.empty());
        BOOST_TEST((a == b));
    }
}

BOOST_AUTO_TEST_SUITE_END()
