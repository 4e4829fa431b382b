// The catalog: the standards, every check's metadata and parameters, profiles and
// word lists. It is data (rules/*.json); this is its in-memory form.
#pragma once

#include "rco/lazy.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rco {

namespace detail {
namespace lang {
struct compiled_table; // the scanner's phrase tables (impl/language.ipp)
}
struct vocabulary_words; // the vocabulary's phrases as words (checks/impl/s03_sud_focus.ipp)
struct vocabulary_labels; // the clinical service labels as messages (checks/impl/s06_peer_services.ipp)
struct compiled_catalog; // each check's implementation and parameters per profile (impl/audit.ipp)
} // namespace detail

enum class level { required, recommended };
std::string_view to_string(level l) noexcept;
std::optional<level> parse_level(std::string_view s) noexcept;

/// A parameter's value: integer, boolean, enum word (string) or a list of words.
using parameter_value = std::variant<std::int64_t, bool, std::string, std::vector<std::string>>;
enum class parameter_type { integer, boolean, enumeration, string_list };
std::string_view to_string(parameter_type t) noexcept;
/// Renders a value as the catalog writes it: 51, true, at_least_percent, [a, b].
std::string describe(const parameter_value& v);

struct parameter_spec {
    std::string name;
    parameter_type type = parameter_type::integer;
    parameter_value default_value;
    char source = 'P'; ///< 'S' sourced, 'P' proposal
    std::string description;
    std::vector<std::string> values; ///< allowed words for an enumeration
    std::optional<std::int64_t> min, max;
};

struct check_info {
    std::string id, slug;
    int standard = 0;
    std::string title, question, rationale, remediation;
    std::vector<std::string> evidence;
    rco::level level = level::required;
    int weight = 1;
    std::vector<std::string> sources;
    std::vector<parameter_spec> parameters;
    const parameter_spec* find_parameter(std::string_view name) const noexcept;
};

struct standard_info {
    int number = 0;
    std::string slug, title, summary;
    std::vector<std::string> sources;
};

struct profile {
    std::string name, title, description;
    std::vector<std::string> sources;
    std::map<std::string, level, std::less<>> levels;
    std::map<std::string, std::map<std::string, parameter_value>, std::less<>> parameters;
};

enum class term_class { always, context };

struct language_term {
    std::string id;
    std::vector<std::string> forms;
    term_class cls = term_class::always;
    bool case_sensitive = false;
    std::vector<std::string> alternatives, sources;
    std::string note;
};

/// Standard 9's table and the scanner's exemptions.
struct language_table {
    std::vector<language_term> terms;
    std::vector<std::string> substance_context, exempt_names, first_person;
    std::map<std::string, std::vector<std::string>, std::less<>> not_before;

    /// The scanner's phrase tables, compiled from the lists above by the first scan and
    /// then shared by every scan and thread. Fill the lists before the first scan (or
    /// call compiled.reset() after changing them); a copy compiles its own.
    detail::lazy<detail::lang::compiled_table> compiled;
};

/// What reviewers' scores and the automatic results say about a standard.
enum class finding : std::uint8_t { exceeds, meets, requires_improvement };
std::string_view to_string(finding f) noexcept;
std::optional<finding> parse_finding(std::string_view s) noexcept;

/// One indicative outcome band: reached when at least the value of integer parameter
/// `at_least` of the standards have one of the `counted` findings. The last band has no
/// `at_least`: it is what remains.
struct outcome_band {
    std::string name, title;
    std::vector<finding> counted;
    std::string at_least;
};

/// rules/accreditation.json: the finding rule's thresholds, the outcome bands and the
/// PIP's due days, as parameters a tailoring file may change.
struct accreditation_rules {
    std::string description;
    std::vector<std::string> sources;
    std::vector<parameter_spec> parameters;
    std::vector<outcome_band> bands; ///< in order: the first band reached applies
    const parameter_spec* find_parameter(std::string_view name) const noexcept;
};

/// Word lists other checks use.
struct vocabulary {
    std::vector<std::string> mission_recovery_terms, mission_substance_terms;
    std::vector<std::string> peer_service_types, clinical_service_types;
    /// Service types that are neither peer recovery support nor clinical (naloxone
    /// distribution, referrals, ...): known words, which no check counts.
    std::vector<std::string> other_service_types;
    /// Classes a nondiscrimination policy may cover beyond those check S8 looks for.
    std::vector<std::string> other_protected_classes;
    std::vector<std::string> recovery_pathways; ///< the words pathways.supported is written in
    std::map<std::string, std::string, std::less<>> clinical_service_labels;
    /// Mutual-aid groups, programs and medications written where a pathway belongs
    /// ("aa", "smart", "moud"), each with its pathway ("twelve_step"); keys lower snake_case.
    std::map<std::string, std::string, std::less<>> recovery_groups;

    /// The mission terms split into words as S3.1 compares them, built on first use.
    detail::lazy<detail::vocabulary_words> words;
    /// The clinical service labels as message definitions (id
    /// "vocabulary.clinical_service_labels.<type>", the label its English pattern), so that
    /// each language words them; built on first use.
    detail::lazy<detail::vocabulary_labels> labels;
};

/// The whole catalog. Immutable once built; safe to share across threads.
struct catalog {
    std::string version;
    std::string sha256; ///< digest of the rules files it was read from
    std::map<std::string, std::string, std::less<>> sources;
    std::vector<standard_info> standards; ///< ordered by number
    std::vector<check_info> checks;       ///< in catalog order (S1.1 … S10.7)
    std::vector<rco::profile> profiles;
    language_table language; ///< English: the table of texts in `en` (and of texts with no language given)
    /// The term tables of other languages (rules/language-XX.json), by primary language
    /// subtag in lower case ("es").
    std::map<std::string, language_table, std::less<>> languages;
    rco::vocabulary vocabulary;
    accreditation_rules accreditation;

    const check_info* find_check(std::string_view id) const noexcept;
    const rco::profile* find_profile(std::string_view name) const noexcept;
    const standard_info* find_standard(int number) const noexcept;
    /// The term table for a text in language `tag` (BCP 47: "en", "es", "es-MX"), chosen
    /// by its primary subtag in any case; nullptr when there is none.
    const language_table* language_for(std::string_view tag) const noexcept;

    /// What the audit derives from the catalog (each check's implementation, its parameters
    /// under each profile), built by the first audit and then shared. Fill the catalog
    /// before the first audit (or call compiled.reset() after changing it).
    detail::lazy<detail::compiled_catalog> compiled;
};

} // namespace rco
