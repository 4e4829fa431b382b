// The text report's width: every line fits (paragraphs wrapped, other lines broken at a space).
#include "rco/report/report.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

using namespace rco;

namespace {

/// The widest line in UTF-8 code points.
std::size_t widest_line(const std::string& text) {
    std::istringstream lines(text);
    std::size_t widest = 0;
    for (std::string line; std::getline(lines, line);)
        widest = std::max<std::size_t>(widest, std::count_if(line.begin(), line.end(), [](char c) {
                                           return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                       }));
    return widest;
}

/// The text without its line breaks and indentation: the words in order.
std::string words(const std::string& text) {
    std::istringstream in(text);
    std::string out, w;
    while (in >> w)
        out += w + " ";
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(text_width)

BOOST_AUTO_TEST_CASE(every_line_fits_the_width_and_no_word_is_lost) {
    const auto r = test::audit_with_untrained_peer();
    auto info = test::report_info_for();
    BOOST_TEST(info.text_width == 88u); // the documented width of files
    const auto wide = report::write_text(r, info);
    BOOST_TEST(widest_line(wide) <= 88u);
    BOOST_TEST(widest_line(wide) > 60u);
    for (std::size_t width : {60u, 72u, 120u}) {
        info.text_width = width;
        const auto text = report::write_text(r, info);
        BOOST_TEST(widest_line(text) <= width, "width " << width);
        BOOST_TEST(words(text) == words(wide), "width " << width);
    }
    info.text_width = 10; // narrower than any sensible terminal: 40
    BOOST_TEST(widest_line(report::write_text(r, info)) <= 40u);
}

BOOST_AUTO_TEST_CASE(a_continued_line_is_indented_under_its_own) {
    auto info = test::report_info_for();
    info.text_width = 50;
    const auto text = report::write_text(test::audit_with_untrained_peer(), info);
    // "Provenance: ..." is the tool's own line, longer than 50: its rest is indented by four.
    const auto at = text.find("\nProvenance: ");
    BOOST_REQUIRE(at != std::string::npos);
    const auto next = text.find('\n', at + 1);
    BOOST_TEST(next - at - 1 <= 50u);
    BOOST_TEST(text.substr(next + 1, 4) == "    ");
    BOOST_TEST(text[next + 5] != ' ', text.substr(at, 160));
}

BOOST_AUTO_TEST_SUITE_END()
