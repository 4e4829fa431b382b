#pragma once

#include "rco/io/record_reader.hpp"
#include "rco/io/irs990.hpp"
#include "rco/io/starter.hpp"
#include "rco/io/xml_record.hpp"
#include "rco/io/workbook.hpp"

namespace rco::io {

input_kind detect_input(std::string_view text) noexcept {
    if (looks_like_workbook(text))
        return input_kind::workbook;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const auto skip_ws = [&] {
        const auto at = text.find_first_not_of(" \t\r\n");
        text.remove_prefix(at == std::string_view::npos ? text.size() : at);
    };
    skip_ws();
    if (text.empty())
        return input_kind::unknown;
    if (text[0] == '{' || text[0] == '[')
        return input_kind::json;
    if (text[0] != '<')
        return input_kind::unknown;
    // Skip the XML declaration, comments and processing instructions to the root element.
    while (text.size() > 1 && text[0] == '<' && (text[1] == '?' || text[1] == '!')) {
        const auto close = text.substr(0, 4) == "<!--" ? text.find("-->") : text.find('>');
        if (close == std::string_view::npos)
            return input_kind::xml_record; // let the XML reader explain what is wrong
        text.remove_prefix(close + (text.substr(0, 4) == "<!--" ? 3 : 1));
        skip_ws();
    }
    if (text.size() < 2 || text[0] != '<')
        return input_kind::xml_record;
    auto name = text.substr(1, text.find_first_of(" \t\r\n/>", 1) - 1);
    if (const auto colon = name.find(':'); colon != std::string_view::npos)
        name.remove_prefix(colon + 1);
    return name == "Return" ? input_kind::irs990 : input_kind::xml_record;
}

read_result read_record(std::string_view text, std::string_view file_name, const read_options& options) {
    read_result out;
    switch (detect_input(text)) {
    case input_kind::xml_record: out = read_record_xml(text, file_name, options); break;
    case input_kind::irs990: out = import_990(text, file_name); break;
    case input_kind::workbook: out = read_record_xlsx(text, file_name); break;
    case input_kind::json:
    case input_kind::unknown:
        out = read_record_json(text, file_name, options); // its messages explain empty files and garbage
        break;
    }
    if (out.record)
        for (auto& d : template_warnings(*out.record, file_name))
            out.diagnostics.push_back(std::move(d));
    return out;
}

} // namespace rco::io
