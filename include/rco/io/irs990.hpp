// Importing IRS Form 990 and 990-EZ e-file returns (the IRS's public XML) into an
// `rco-record/1` record. Pure: text in, values out; nothing is fetched or expanded.
//
// Where each fact sits in each schema generation is described in docs/irs990-fields.md.
// Every field is resolved by trying the 2013+ name and then the pre-2013 name, as a
// direct child of its parent, matched on local name in the http://www.irs.gov/efile
// namespace, so both generations and the 2013v3/v4 mixed spellings need no version table.
#pragma once

#include "rco/io/json_record.hpp" // read_result
#include "rco/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// Builds a record (format `rco-record/1`, no `as_of`) from one Form 990 or 990-EZ
/// return: `organization` (name, EIN, legal_status, formation_year, state, website,
/// mission) and one `filings` entry (form, tax year and, for Form 990 only, the Part VI answers). A fact
/// the return does not give stays absent; so do all Part VI fields of a 990-EZ, which has
/// no Part VI. Every imported value gets a `provenance` entry: the field's JSON Pointer,
/// `file_name` as the source, the IRS object id when the file's name starts with one, and
/// the absolute path of the element read.
///
/// Errors (with file, line and column): text that is not XML, XML that is not an IRS
/// e-file return, a truncated return, a return without ReturnHeader or ReturnData, forms
/// other than 990 and 990-EZ (990-PF, 990-T, ...), any DTD or entity declaration, and
/// nesting deeper than any return needs. Warnings: values that cannot be read (the field
/// is left absent).
read_result import_990(std::string_view text, std::string_view file_name);

/// The `--into` merge: fills only the fields `target` leaves absent. Organization fields
/// (and any other record section the import carries) are filled field by field; an
/// imported filing is appended unless `target` already has a filing with the same form and
/// tax year. Copies the provenance entries of exactly the fields filled (re-pointed at the
/// appended filing's index) and returns the JSON Pointers filled, leaf by leaf.
std::vector<std::string> merge_into(record& target, const record& imported);

} // namespace rco::io
