// Deterministic, indented JSON text for reports and records.
#pragma once

#include "rco/diagnostic.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// Serializes with two-space indentation, keys in insertion order, one trailing newline.
std::string pretty_json(const boost::json::value& v);

/// Parses JSON text (a UTF-8 byte order mark is skipped, nesting is limited to 64
/// levels); on failure adds one error with `file`, line and column, saying what is wrong
/// (empty, not text, truncated, too deep, trailing text) and, when given, what was
/// `expected` ("an rco-record/1 JSON object"), and returns nullopt.
std::optional<boost::json::value> parse_json(std::string_view text, const std::string& file,
                                             std::vector<diagnostic>& diags, std::string_view expected = {});

} // namespace rco::io
