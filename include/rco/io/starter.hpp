// Records to start from (`rco-audit init`): a blank one to fill in, the full example, and
// a check that a record no longer holds the example's values.
#pragma once

#include "rco/date.hpp"
#include "rco/diagnostic.hpp"
#include "rco/record.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// A blank rco-record/1 JSON record: every section and field of the format present, every
/// value and list null (which reads as absent), `as_of` set to `as_of`. Its audit lists
/// what to record: nearly every check needs evidence, none passes.
/// (`starter_record()` in catalog_json.hpp is the complete example.)
[[nodiscard]] std::string blank_record(date as_of);

/// The names the example records (starter_records(), one per language) carry until they
/// are replaced; a test holds this list to the examples' texts.
inline constexpr std::array<std::string_view, 2> example_organization_names = {
    "Your Recovery Community Organization", "Su organización comunitaria de recuperación"};

/// One warning when `rec` still holds an example record's values (the placeholder
/// organization name of the example in any language, and which of that example's EIN,
/// mission, vision, service area and website it still has); none otherwise.
[[nodiscard]] std::vector<diagnostic> template_warnings(const record& rec, std::string_view file_name);

} // namespace rco::io
