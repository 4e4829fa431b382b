// Bounds on what the library's readers accept, so that the cost of reading stays in
// proportion to a document's size and the output of a hostile one stays small.
#pragma once

#include "rco/diagnostic.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// The largest text a reader accepts (64 MiB); a larger one is refused with one error
/// before anything is parsed. Records are a few kilobytes; IRS returns a few megabytes.
/// The file helpers (files.hpp) read no more than this either.
inline constexpr std::uint64_t max_input_bytes = std::uint64_t{64} << 20;

/// A reader reports at most this many problems per file, then one more saying how many
/// were left out ("... and 19,000 more problems in this file").
inline constexpr std::size_t max_diagnostics_per_file = 1000;

namespace detail {

/// True (after adding one located error) when `text` is larger than max_input_bytes.
bool input_too_large(std::string_view text, std::string_view file, std::vector<diagnostic>& diags);

/// Counts one file's diagnostics as a reader makes them: admit() says whether there is
/// room for one more (and counts it either way); finish() adds the "and N more" note.
class diagnostic_budget {
public:
    bool admit(severity s) noexcept {
        if (kept_ < max_diagnostics_per_file) {
            ++kept_;
            return true;
        }
        ++dropped_;
        dropped_error_ = dropped_error_ || s == severity::error;
        return false;
    }
    std::size_t dropped() const noexcept { return dropped_; }
    /// Adds one diagnostic for those left out (an error when any of them was one).
    void finish(std::vector<diagnostic>& diags, std::string_view file) const;

private:
    std::size_t kept_ = 0, dropped_ = 0;
    bool dropped_error_ = false;
};

/// Keeps the first max_diagnostics_per_file of diags[first...] and replaces the rest
/// with one "and N more" diagnostic; for readers whose problems are few per byte.
void cap_diagnostics(std::vector<diagnostic>& diags, std::size_t first, std::string_view file);

/// "39,872": a count with thousands separators, for "and N more" notes.
std::string group_thousands(std::size_t n);

} // namespace detail

} // namespace rco::io
