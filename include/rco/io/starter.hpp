// Records to start from (`rco-audit init`): a blank one to fill in, the full example, and
// a check that a record no longer holds the example's values.
#pragma once

#include "rco/date.hpp"
#include "rco/diagnostic.hpp"
#include "rco/record.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// A blank rco-record/1 JSON record: every section and field of the format present, every
/// value and list null (which reads as absent), `as_of` set to `as_of`. Its audit lists
/// what to record: nearly every check needs evidence, none passes.
/// (`starter_record()` in catalog_json.hpp is the complete example.)
[[nodiscard]] std::string blank_record(date as_of);

/// The name the (English) example record carries until it is replaced.
inline constexpr std::string_view example_organization_name = "Your Recovery Community Organization";

/// One warning when `rec` still holds an example record's values (the placeholder
/// organization name of the example in any language, and which of that example's EIN,
/// mission, vision, service area and website it still has); none otherwise.
[[nodiscard]] std::vector<diagnostic> template_warnings(const record& rec, std::string_view file_name);

} // namespace rco::io
