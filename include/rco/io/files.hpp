// File-system helpers for the command line and embedding programs that want them.
// The core (checks, audit, report writers) never calls these.
#pragma once

#include "rco/catalog.hpp"
#include "rco/diagnostic.hpp"
#include "rco/record.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rco::io {

/// Reads a whole file; nullopt with an error diagnostic naming the file when it cannot.
std::optional<std::string> read_file(const std::filesystem::path& p, std::vector<diagnostic>& diags);

/// Writes a file whole or not at all: a temporary file beside it, flushed, then renamed.
/// Returns an error message, or an empty string on success.
std::string write_file_atomic(const std::filesystem::path& p, std::string_view contents);

/// Fills `text` of documents that give a `path` (relative to `base_dir`), checking
/// the optional `sha256`. Missing files and digest mismatches are warnings: the
/// document then has no text and the language checks say so.
void load_document_texts(record& rec, const std::filesystem::path& base_dir, const std::string& record_file,
                         std::vector<diagnostic>& diags);

/// Reads a rules directory holding the four catalog files.
std::optional<catalog> load_catalog_dir(const std::filesystem::path& dir, std::vector<diagnostic>& diags);

} // namespace rco::io
