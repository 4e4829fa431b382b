// Deterministic, indented JSON text for reports and records.
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace rco::io {

/// Serializes with two-space indentation, keys in insertion order, one trailing newline.
std::string pretty_json(const boost::json::value& v);

} // namespace rco::io
