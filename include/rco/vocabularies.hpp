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
    /// False for a catalog word list: another word is read, but the checks do not count it.
    bool closed = true;
};

/// Every vocabulary, in this order: the record format's enumerations (legal_status,
/// parent_type, autonomy_areas, filing_forms, seat_states, officer_roles,
/// recovery_identities, service_categories, delivered_by, eligibility, event_types,
/// ethics_scopes, audiences), then the catalog's word lists: service_types (the peer
/// services, then the clinical ones the checks recognize), peer_service_types,
/// clinical_service_types, recovery_pathways, ethics_topics and protected_classes (the
/// defaults of the checks that use them). Names are unique.
[[nodiscard]] std::vector<word_list> vocabularies(const catalog& cat);

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
