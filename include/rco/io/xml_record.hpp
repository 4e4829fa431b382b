// Reading and writing `rco-record/1` XML (pugixml). Pure: text in, values out.
//
// The XML form carries exactly the JSON form's model, walked from the same field
// tables (schema/rco-record-1.xsd describes it):
//
//   <rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
//     <as_of>2026-06-30</as_of>
//     <board>
//       <members>
//         <member><id>b01</id><voting>true</voting></member>
//       </members>
//     </board>
//   </rco-record>
//
// One element per field, named exactly as the field; scalars as element text;
// a list as a wrapper element named like the field holding one item element per
// entry (`xml_item_name`); `format` as an attribute of the root element.
#pragma once

#include "rco/io/json_record.hpp"

#include <string>
#include <string_view>

namespace rco::io {

/// The namespace of the XML form.
inline constexpr std::string_view record_xml_namespace = "urn:rco-audit:rco-record:1";

/// Parses an XML record. Malformed XML: one error with line and column. DTDs and
/// entity declarations are rejected (entities are never expanded or fetched);
/// nesting deeper than 64 elements is an error. Wrong values: one error per
/// element, with the JSON Pointer of the field in `pointer`, the element path
/// (e.g. /rco-record/board/members/member[3]/voting) in the message, and the
/// element's line and column. Unknown elements and attributes: warnings. Then
/// the same consistency checks as the JSON reader. `file_name` only labels the
/// diagnostics.
read_result read_record_xml(std::string_view text, std::string_view file_name, const read_options& options = {});

/// Writes a record as XML: a declaration, two-space indentation, fields in the
/// format's order, absent fields left out, one trailing newline. Reading the
/// output gives back an equal record. Characters XML 1.0 cannot carry (control
/// characters other than tab, newline and carriage return) are written as
/// character references, which `read_record_xml` accepts (as XML 1.1 does) but a
/// strict XML 1.0 parser rejects.
std::string write_record_xml(const record& rec);

/// The element name of one entry of the list field `list_field` ("members" ->
/// "member"); empty when `list_field` is not a list of the record format.
std::string_view xml_item_name(std::string_view list_field) noexcept;

} // namespace rco::io
