// Reading a record in whichever form it comes: detected by content, never by file name.
#pragma once

#include "rco/io/json_record.hpp"

#include <string_view>

namespace rco::io {

enum class input_kind { json, xml_record, irs990, workbook, unknown };

/// What `text` holds: JSON (first character `{` or `[`), an rco-record XML document, an
/// IRS e-file return (root element `Return`), a spreadsheet workbook (a zip archive, or
/// the OLE container of encrypted and old Excel files), or something else.
input_kind detect_input(std::string_view text) noexcept;

/// Reads a record from JSON, XML, an .xlsx workbook or an IRS Form 990 e-file return, by content. A record
/// still holding the example record's values gets a warning (template_warnings).
read_result read_record(std::string_view text, std::string_view file_name, const read_options& options = {});

} // namespace rco::io
