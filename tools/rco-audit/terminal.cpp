// rco-audit: colour, width and quietness on a terminal (see terminal.hpp).
#include "terminal.hpp"

#include "rco/diagnostic.hpp"

#include <array>
#include <cstdlib>
#include <regex>
#include <utility>

#include <sys/ioctl.h>
#include <unistd.h>

namespace rco::cli {

namespace {

constexpr std::string_view reset = "\033[0m", bold = "\033[1m", red = "\033[1;31m", green = "\033[1;32m",
                           yellow = "\033[1;33m", dim = "\033[2m";

std::string painted(std::string_view text, std::string_view colour) {
    return std::string(colour) + std::string(text) + std::string(reset);
}

/// The colour of a verdict word as the text report spells it.
std::string_view colour_of(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> colours{{
        {"MEETS THE STANDARDS", green}, {"DOES NOT MEET THE STANDARDS", red}, {"INCOMPLETE", yellow},
        {"met", green}, {"NOT MET", red}, {"incomplete", yellow},
        {"pass", green}, {"FAIL", red}, {"needs evidence", yellow}, {"needs review", yellow},
        {"not applicable", dim}, {"waived", dim},
    }};
    for (const auto& [w, c] : colours)
        if (w == word)
            return c;
    return {};
}

} // namespace

terminal_options& terminal_settings() {
    static terminal_options settings;
    return settings;
}

void add_terminal_options(CLI::App& sub) {
    auto& s = terminal_settings();
    sub.add_flag("-q,--quiet", s.quiet, "Print errors only: no warnings, no progress bar, no closing tally");
    sub.add_option("--color", s.color,
                   "Colour on a terminal: auto (unless NO_COLOR is set), always or never; files are never coloured")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

bool colour_on(int fd) {
    const auto& mode = terminal_settings().color;
    if (mode != "auto")
        return mode == "always";
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(fd) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
}

bool output_is_terminal(const std::string& output) {
    return (output.empty() || output == "-") && ::isatty(1);
}

std::size_t text_width(const std::string& output) {
    winsize size{};
    if (output_is_terminal(output) && ::ioctl(1, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return std::max<std::size_t>(40, size.ws_col);
    return file_text_width;
}

std::string colour_report(std::string_view text) {
    // The lines the report itself starts (record text is indented further, or escaped).
    static const std::regex verdict(R"(^(RESULT: )([A-Z ]+)( — .*)$)");
    static const std::regex standard(R"(^(  )(met|NOT MET|incomplete)( +[0-9]+%  .*)$)");
    static const std::regex check(
        R"(^(    )(pass|FAIL|needs evidence|needs review|not applicable|waived)( +S[0-9]+\.[0-9]+ .*)$)");
    static const std::regex heading(R"(^[A-Z][A-Z ]+[A-Z]( \(.*\))?$)");
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        const bool newline = end != std::string_view::npos;
        if (!newline)
            end = text.size();
        const std::string line(text.substr(start, end - start));
        std::smatch m;
        if ((std::regex_match(line, m, verdict) || std::regex_match(line, m, standard) ||
             std::regex_match(line, m, check)) &&
            !colour_of(m.str(2)).empty())
            out += m.str(1) + painted(m.str(2), colour_of(m.str(2))) + m.str(3);
        else if (std::regex_match(line, heading))
            out += painted(line, bold);
        else
            out += line;
        if (newline)
            out += '\n';
        start = end + 1;
    }
    return out;
}

std::string colour_diagnostic(std::string_view line, const rco::message_language& lang) {
    const std::string error = ": " + rco::severity_word(rco::severity::error, lang) + ": ",
                      warning = ": " + rco::severity_word(rco::severity::warning, lang) + ": ";
    for (const auto& [word, colour] : {std::pair{std::string_view(error), red},
                                       std::pair{std::string_view(warning), yellow}})
        if (const auto at = line.find(word); at != std::string_view::npos)
            return std::string(line.substr(0, at + 2)) + painted(word.substr(2, word.size() - 4), colour) +
                   std::string(line.substr(at + word.size() - 2));
    return std::string(line);
}

} // namespace rco::cli
