// The words each word field of a record accepts, for programs that build forms
// (a drop-down per field) or check input before the audit.
#pragma once

#include "rco/catalog.hpp"
#include "rco/enum.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

/// One vocabulary: the words a field (or several fields) accepts.
struct word_list {
    std::string name;                ///< e.g. "service_types", "eligibility"
    std::string description;         ///< what the words are, in a sentence
    std::vector<std::string> fields; ///< JSON Pointers of the fields, `*` standing for any list index
    std::vector<std::string> words;  ///< the accepted spellings, in the order to offer them
    /// True for an enumeration of the record format: the reader rejects any other word.
    /// False for a catalog word list (and the state codes): another word is read, with a
    /// warning, and the checks do not count it.
    bool closed = true;
};

/// Every vocabulary, in this order: the record format's enumerations (legal_status,
/// parent_type, autonomy_areas, filing_forms, seat_states, officer_roles,
/// recovery_identities, service_categories, delivered_by, eligibility, event_types,
/// ethics_scopes, audiences), then us_states (organization.state's postal codes), then the
/// catalog's word lists: service_types (the peer services, then the clinical ones the
/// checks recognize, then the other known ones), peer_service_types,
/// clinical_service_types, recovery_pathways, ethics_topics (the default of the check
/// that uses them) and protected_classes (the check's default, then the other known ones). Names
/// are unique. The readers warn about a word outside a list that is not closed.
[[nodiscard]] std::vector<word_list> vocabularies(const catalog& cat);

/// The U.S. states, the District of Columbia and the territories as
/// `organization.state` takes them: {postal code, name}, in code order.
[[nodiscard]] const std::vector<std::pair<std::string, std::string>>& us_states();

/// The word of `words` that `word` most likely meant, for "did you mean ...?": the
/// same word in another case or with spaces or hyphens for underscores, else the one
/// that contains it or that it contains ("recovery_coaching" for
/// "peer_recovery_coaching"), else the nearest by edit distance (at most a quarter of
/// its length, at least 1: "nonprofit" does not suggest "for_profit"), else the one sharing the longest common prefix when it is
/// at least 4 letters and 60% of the shorter word ("boundary" for "boundaries"); ties
/// go to the earlier word. nullopt when none is close.
[[nodiscard]] std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string>& words);

/// "; did you mean X?" with the closest word, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& words);

/// One vocabulary by name; nullopt when there is none of that name.
[[nodiscard]] std::optional<word_list> find_vocabulary(const catalog& cat, std::string_view name);

/// The record spellings of an enumeration, in declaration order: enum_words<eligibility>()
/// is {"open", "treatment_enrollment", ...}.
template <record_enum E>
std::vector<std::string> enum_words() {
    std::vector<std::string> out;
    for (const auto& entry : enum_names<E>::table)
        out.emplace_back(entry.second);
    return out;
}

} // namespace rco
