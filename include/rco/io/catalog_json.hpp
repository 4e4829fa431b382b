// Reading the catalog (rules/*.json) and the catalog built into the library.
#pragma once

#include "rco/catalog.hpp"
#include "rco/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::io {

/// The rules files' contents: five that every catalog has, then the term tables of other
/// languages (`language-XX.json`, XX the language's primary subtag), in file-name order.
struct catalog_texts {
    std::string standards, profiles, language, vocabulary, accreditation;
    std::vector<std::pair<std::string, std::string>> languages; ///< (file name, contents)
};

/// The language of a term table's file name: "es" for "language-es.json"; empty when the
/// name is not `language-` + 2 or 3 lower-case letters + `.json`.
std::string language_file_tag(std::string_view file_name);

/// The file names every rules directory holds, in digest order (the language-XX.json
/// files follow them).
inline constexpr std::string_view catalog_file_names[] = {"standards.json", "profiles.json", "language.json",
                                                          "vocabulary.json", "accreditation.json"};

/// Parses and validates a catalog; nullopt with errors (file, line, column, pointer) when invalid.
/// `origin` prefixes the file names in diagnostics (e.g. a directory).
[[nodiscard]] std::optional<catalog> read_catalog(const catalog_texts& texts, std::string_view origin,
                                    std::vector<diagnostic>& diags);

/// Parses and validates one term table in the `rco-language/1` format on its own (such as
/// rules/language-es.json), with the same rules as the catalog's language.json; its source
/// keys must be among `cat.sources`. nullopt with errors (file, line, column, pointer) when invalid.
[[nodiscard]] std::optional<language_table> read_language_table(std::string_view text, std::string_view file,
                                                                const catalog& cat, std::vector<diagnostic>& diags);

/// The catalog compiled into the library (parsed once, then shared; thread-safe).
const catalog& builtin_catalog();

/// The built-in catalog's source texts.
catalog_texts builtin_catalog_texts();

/// A complete example record to start from (`rco-audit init --example`), its text in the
/// language of BCP 47 primary tag `language` ("es": examples/starter-record.es.json) when
/// the library holds one, else in English. The languages' examples differ in their text
/// only (names, mission, documents, `language`): the same record, the same audit.
std::string_view starter_record(std::string_view language = "en") noexcept;

/// Every language's example record, English first.
std::vector<std::string_view> starter_records();

} // namespace rco::io
