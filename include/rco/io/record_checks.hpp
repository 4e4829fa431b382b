// What every record reader checks in the record it has read, whatever its format
// (JSON, XML, workbook), beyond each field's own type and range: the words of the
// vocabularies, the values the JSON Schema constrains, ids that look like names. One
// place, so that the formats and schema/rco-record-1.schema.json agree.
#pragma once

#include "rco/diagnostic.hpp"
#include "rco/io/json_record.hpp"
#include "rco/record.hpp"

#include <functional>
#include <string>

namespace rco::io {

/// Receives one problem: its severity, JSON Pointer and message, and whether it is about
/// something unknown the audit ignores (diagnostic::unknown).
using value_problem_fn = std::function<void(severity, const std::string& pointer, message m, bool unknown)>;

/// Checks `r` (warnings only, each at its JSON Pointer):
/// - a word outside its vocabulary (vocabularies(): services[].type, pathways.supported,
///   policies.code_of_ethics.topics, policies.nondiscrimination.covers, organization.state):
///   "unknown service type "recovery_coaching" (the checks do not count it); did you mean
///   peer_recovery_coaching? The service types are: ..."; a recovery group written as a
///   pathway ("AA") is named as a group, with its pathway;
/// - what the JSON Schema refuses beyond types and ranges: an empty name, id or word, a
///   word given twice in a list that takes each once, a website that is not http(s), an
///   EIN not in the form NN-NNNNNNN, an evidence id with spaces;
/// - a board member's or peer worker's id that looks like a person's name
///   (looks_like_a_name), quoted only with `options.show_names`.
/// The words come from `options.vocabulary`, or the built-in catalog when it is null.
void for_each_value_problem(const record& r, const read_options& options, const value_problem_fn& emit);

namespace detail {
/// "; did you mean X?" when a word of `words` is close to `word` (closest_word): a list of
/// one message to put in a reader's message as its `{hint}`, or an empty list.
std::vector<message> did_you_mean_hint(std::string_view word, const std::vector<std::string>& words);
} // namespace detail

} // namespace rco::io
