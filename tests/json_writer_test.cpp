// The JSON text writer: pretty_json's layout without a tree, and reports written with it.
#include "rco/io/json_format.hpp"
#include "rco/report/report.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;
namespace json = boost::json;

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(writes_pretty_json_layout) {
    std::string out;
    io::json_writer w(out);
    w.begin_object();
    w.key("a");
    w.value(1);
    w.key("empty_object");
    w.begin_object();
    w.end_object();
    w.key("empty_list");
    w.strings({});
    w.key("words");
    w.strings({"x", "y"});
    w.key("objects");
    w.begin_array();
    w.begin_object();
    w.key("ok");
    w.value(true);
    w.end_object();
    w.end_array();
    w.key("no_objects");
    w.begin_array();
    w.end_array();
    w.end_object();
    BOOST_TEST(out == "{\n"
                      "  \"a\": 1,\n"
                      "  \"empty_object\": {},\n"
                      "  \"empty_list\": [],\n"
                      "  \"words\": [\"x\", \"y\"],\n"
                      "  \"objects\": [\n"
                      "    {\n"
                      "      \"ok\": true\n"
                      "    }\n"
                      "  ],\n"
                      "  \"no_objects\": []\n"
                      "}");
}

BOOST_AUTO_TEST_CASE(long_lists_get_a_line_per_item_like_pretty_json) {
    std::vector<std::string> items;
    json::array a;
    for (int i = 0; i < 13; ++i) {
        items.push_back("w" + std::to_string(i));
        a.emplace_back(items.back());
    }
    for (std::size_t n : {12u, 13u}) {
        std::vector<std::string> some(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n));
        json::array part(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(n));
        std::string out;
        io::json_writer w(out);
        w.begin_object();
        w.key("list");
        w.strings(some);
        w.end_object();
        out += '\n';
        BOOST_TEST(out == io::pretty_json(json::object{{"list", part}}));
    }
}

BOOST_AUTO_TEST_CASE(strings_are_escaped_as_boost_json_escapes_them) {
    const std::string nasty = std::string("quote \" backslash \\ slash / tab \t nl \n cr \r bell \x07 nul ") +
                              '\0' + " del \x7f bad \xff caf\xc3\xa9 \x1f";
    std::string out;
    io::append_json_string(out, nasty);
    // As Boost.JSON escapes them, except that bytes that are not UTF-8 become U+FFFD: JSON text is UTF-8.
    BOOST_TEST(out == json::serialize(json::value(to_valid_utf8(nasty))));
    BOOST_TEST(out.find("\xff") == std::string::npos);
    BOOST_TEST(out.find("bad \xEF\xBF\xBD caf\xc3\xa9") != std::string::npos);
    BOOST_TEST(out.find("\\u0007") != std::string::npos);
    BOOST_TEST(out.find("\\u001f") != std::string::npos);
    BOOST_TEST(out.find("\\u0000") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_beyond_the_writers_buffer_and_values_written_by_the_caller) {
    // Far more than the writer stages at once (4 KB): long and short strings, strings to
    // escape, numbers and nesting, in pretty_json's layout all the same.
    json::object doc;
    json::array items;
    std::string out;
    {
        io::json_writer w(out);
        w.begin_object();
        w.key("items");
        w.begin_array();
        for (int i = 0; i < 400; ++i) {
            const std::string text = i % 7 == 0 ? std::string(static_cast<std::size_t>(100 + i * 20), 'x')
                                   : i % 5 == 0 ? "caf\xc3\xa9 \"" + std::to_string(i) + "\""
                                                : "item " + std::to_string(i);
            w.begin_object();
            w.key("n");
            w.value(i);
            w.key("text");
            w.value(text);
            w.end_object();
            items.push_back(json::object{{"n", i}, {"text", text}});
        }
        w.end_array();
        w.end_object();
        BOOST_TEST(out.size() > 20000u); // written whole as the outermost value closed
    }
    doc["items"] = items;
    out += '\n';
    BOOST_TEST(out == io::pretty_json(doc));

    // begin_value() hands the string over with everything so far in it: a caller's own
    // text lands after it, and the writer goes on after that.
    std::string joined;
    io::json_writer w(joined);
    w.begin_array();
    w.begin_value();
    joined += "{}";
    w.begin_value();
    joined += "[]";
    w.end_array();
    BOOST_TEST(joined == "[\n  {},\n  []\n]");
}

/// The report, parsed and laid out again by pretty_json, is the same text: the writer
/// keeps the layout the tree-based writer had.
void check_same_as_tree(const audit_result& r, const report::report_info& info) {
    const auto text = report::write_json(r, info);
    BOOST_TEST(text == io::pretty_json(json::parse(text)));
}

BOOST_AUTO_TEST_CASE(reports_have_the_tree_writers_layout) {
    for (const char* example : {"harbor-recovery-community.json", "northfield-wellness-collective.json",
                                "riverbend-emerging-rco.json"}) {
        auto v = test::load_json(test::source_dir() / "examples" / example);
        const auto r = test::audit_json(v);
        check_same_as_tree(r, test::report_info_for());
        check_same_as_tree(r, test::report_info_for("Names \"quoted\"\n", true));
    }
    // A waiver, tailoring notes and warnings.
    tailoring t;
    t.levels["S2.3"] = level::recommended;
    t.not_applicable["S1.3"] = "not fiscally sponsored";
    t.waivers.push_back({"S6.3", "training scheduled", "Board chair", date{std::chrono::year{2027}, std::chrono::month{1},
                                                                       std::chrono::day{1}}});
    const auto r = test::audit_json(test::base_record_json(), "national", t);
    auto info = test::report_info_for();
    info.tailoring_file = "t.json";
    info.tailoring_sha256 = std::string(64, 'b');
    info.warnings.push_back({severity::warning, "x.json", 3, 7, "/board/x", "unknown field \"x\""});
    info.warnings.push_back({severity::warning, "x.json", 0, 0, "/", "no position"});
    check_same_as_tree(r, info);
    check_same_as_tree(test::audit_with_untrained_peer(), test::report_info_for("H", true));
}

BOOST_AUTO_TEST_CASE(results_refer_to_the_catalog_entry) {
    const auto r = test::audit_with_untrained_peer();
    const auto& cat = io::builtin_catalog();
    BOOST_TEST_REQUIRE(r.checks.size() == cat.checks.size());
    for (std::size_t i = 0; i < r.checks.size(); ++i) {
        BOOST_TEST(r.checks[i].info == &cat.checks[i]);
        BOOST_TEST(&r.checks[i].title() == &cat.checks[i].title);
        BOOST_TEST(&r.checks[i].remediation() == &cat.checks[i].remediation);
    }
    BOOST_TEST(r.find_check("S2.1")->title() == cat.find_check("S2.1")->title);
    check_result detached;
    BOOST_TEST(detached.title().empty());
    BOOST_TEST(detached.evidence().empty());
}

BOOST_AUTO_TEST_SUITE_END()
