// The languages rco-audit speaks: English, the source language, and one language per
// gettext catalog (po/<lang>.po), compiled into the library at build time (msgfmt) and
// read from memory (rco/gettext.hpp), with no file beside the program. A third language
// is a third .po file: its translations of the messages, of the catalog's text and of the
// "format.*" entries below (month names, the date pattern, the digit group separator, the
// list conjunctions).
//
// Translations are found by context and English text: msgctxt is a message id
// ("S5.1.input_events") or a catalog field ("S1.1.title", "standard.3.summary",
// "profile.florida.title"), msgid the English. An entry whose English changed (a catalog
// read with --rules, an edited message) is not found, and the English is written instead.
#pragma once

#include "rco/catalog.hpp"
#include "rco/message.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rco::i18n {

/// The primary tags of the languages compiled in, sorted: "en", "es".
[[nodiscard]] std::vector<std::string_view> languages();

/// The language of a BCP 47 tag, by its primary subtag in any case ("es", "ES", "es-MX",
/// "es_419"); `english()` for "en"; nullptr for a language not compiled in or a malformed
/// tag. Languages are built on first use, immutable, shared by every thread.
[[nodiscard]] const message_language* find(std::string_view tag);

/// A language from a compiled gettext catalog (the bytes of a .mo file, UTF-8), for a
/// translation that is not compiled in. `tag` is its BCP 47 tag; throws
/// std::invalid_argument for a malformed tag, std::runtime_error for bytes that are not
/// a catalog.
[[nodiscard]] std::unique_ptr<message_language> load(std::string_view tag, std::string_view mo);

/// `english` in `lang`: its translation filed under `context`, or `english` itself when
/// `lang` is English or has no translation of exactly that text.
[[nodiscard]] std::string_view text(const message_language& lang, std::string_view context, std::string_view english);

/// The catalog's text in `lang` ("S1.1.title", "S1.1.evidence.0", "S2.1.parameter.majority_percent",
/// "standard.3.title", "profile.florida.description", "accreditation.band.exemplary.title").
[[nodiscard]] std::string_view title(const message_language& lang, const check_info& c);
[[nodiscard]] std::string_view question(const message_language& lang, const check_info& c);
[[nodiscard]] std::string_view rationale(const message_language& lang, const check_info& c);
[[nodiscard]] std::string_view remediation(const message_language& lang, const check_info& c);
/// The check's `i`th evidence item (i < c.evidence.size()).
[[nodiscard]] std::string_view evidence(const message_language& lang, const check_info& c, std::size_t i);
[[nodiscard]] std::string_view description(const message_language& lang, const check_info& c, const parameter_spec& p);
[[nodiscard]] std::string_view title(const message_language& lang, const standard_info& s);
[[nodiscard]] std::string_view summary(const message_language& lang, const standard_info& s);
[[nodiscard]] std::string_view title(const message_language& lang, const profile& p);
[[nodiscard]] std::string_view description(const message_language& lang, const profile& p);
[[nodiscard]] std::string_view title(const message_language& lang, const outcome_band& b);

} // namespace rco::i18n
