// Reading and writing `rco-record/1` JSON (Boost.JSON). Pure: text in, values out.
#pragma once

#include "rco/checked_optional.hpp"
#include "rco/diagnostic.hpp"
#include "rco/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco {
struct catalog;
}

namespace rco::io {

/// What a reader returns. Test `ok()` first: when reading found an error, `record` is
/// empty, and `*record` or `record->` throws std::bad_optional_access (never a half-read
/// record). Discarding a read_result is a compiler warning.
struct [[nodiscard]] read_result {
    checked_optional<rco::record> record; ///< present exactly when there is no error
    std::vector<diagnostic> diagnostics;
    bool ok() const noexcept { return record.has_value() && !has_errors(diagnostics); }
};

/// How the readers word their messages.
struct read_options {
    /// Messages about a board member's or a peer worker's field (is_person_pointer)
    /// quote the value found there only when set: a value there may be a person's id or
    /// name, or say something about their recovery (the command line's --show-names).
    bool show_names = false;
    /// The catalog whose word lists (service types, pathways, ...) the readers check words
    /// against (for_each_value_problem); null: the built-in catalog.
    const catalog* vocabulary = nullptr;
};

/// Parses a record. Malformed JSON: one error with line and column. Wrong types,
/// bad enum words or dates: one error per field with its JSON Pointer (and line and
/// column). Unknown fields: warnings with their JSON Pointer. `file_name` only labels
/// the diagnostics.
read_result read_record_json(std::string_view text, std::string_view file_name, const read_options& options = {});

/// Writes a record as indented JSON with the fields in the format's order; absent
/// fields are left out. Reading the output gives back an equal record.
std::string write_record_json(const record& rec);

/// 1-based line and column (in code points) of byte `offset` in `text`.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) noexcept;

/// line_column of each offset (npos gives 0, 0), in one pass over the text however many
/// there are: readers locate all their diagnostics at once with it.
std::vector<std::pair<std::uint32_t, std::uint32_t>> line_columns(std::string_view text,
                                                                  const std::vector<std::size_t>& offsets);

namespace detail {
/// A key as a JSON Pointer reference token (RFC 6901): `~` as `~0`, `/` as `~1`.
std::string escape_pointer_token(std::string_view key);
} // namespace detail

} // namespace rco::io
