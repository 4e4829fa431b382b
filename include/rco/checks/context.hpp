// What a check sees and what it returns. Checks are pure functions of this context.
#pragma once

#include "rco/catalog.hpp"
#include "rco/record.hpp"
#include "rco/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

/// Parameters in force for one check (catalog defaults, then profile, then tailoring).
using parameter_set = std::map<std::string, parameter_value, std::less<>>;

struct check_context {
    const record& rec;
    date as_of;
    const parameter_set& params;
    const catalog& cat;

    std::int64_t integer(std::string_view name) const;
    bool boolean(std::string_view name) const;
    const std::string& word(std::string_view name) const;
    const std::vector<std::string>& list(std::string_view name) const;
};

/// A check's verdict before the audit adds catalog text, level and waivers.
struct outcome {
    rco::status status = status::insufficient_evidence;
    rco::message message; ///< why (check_result::message)
    std::vector<json_pointer> pointers;
    std::vector<std::string> subjects;
    std::vector<language_finding> findings;
    std::size_t findings_omitted = 0; ///< see check_result::findings_omitted
};

using check_fn = outcome (*)(const check_context&);

} // namespace rco
