// Fuzz target: the report diff (rco::report::diff_reports) on hostile report documents.
// The input holds two JSON documents separated by a line "----" (the second defaults to
// the first), parsed as `rco-audit diff` parses them.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = rco::fuzz::as_text(data, size);
    const auto cut = text.find("\n----\n");
    const std::string_view old_text = text.substr(0, cut);
    const std::string_view new_text = cut == std::string_view::npos ? old_text : text.substr(cut + 6);
    std::vector<rco::diagnostic> diags;
    const auto old_doc = rco::io::parse_json(old_text, "old.json", diags);
    const auto new_doc = rco::io::parse_json(new_text, "new.json", diags);
    if (old_doc && new_doc)
        rco::fuzz::diff_and_write(*old_doc, *new_doc);
    return 0;
}
