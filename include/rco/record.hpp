// The organization record, format `rco-record/1` (see schema/rco-record-1.schema.json).
//
// Every field is optional: a missing field is evidence that is missing, which the
// checks report as `insufficient_evidence`; an empty list is present and judged.
// Each struct lists its fields once, in `fields(self, visitor)`, with the record's
// exact names; readers and writers for every format walk that one table.
#pragma once

#include "rco/date.hpp"
#include "rco/enum.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

template <class T>
using opt = std::optional<T>;
template <class T>
using opt_list = std::optional<std::vector<T>>;

/// A money amount in whole cents (records give dollars; integer arithmetic avoids rounding drift).
struct money {
    std::int64_t cents = 0;
    friend bool operator==(money, money) = default;
};

/// The values a whole-number or money field accepts (money in cents, both ends included).
struct value_range {
    std::int64_t min = 0, max = 0;
    constexpr bool contains(std::int64_t v) const noexcept { return min <= v && v <= max; }
};

/// The plausible ranges of the record's numbers. Every reader refuses a value outside
/// its field's range as an input error at the field, and the JSON Schema and XSD state the
/// same bounds (README "Ranges"), so no check sees an implausible number; the checks'
/// arithmetic is exact besides, for records built in memory.
namespace limits {
inline constexpr value_range seats{0, 10'000};           ///< board seats: voting, personal, family members
inline constexpr value_range people{0, 10'000'000};      ///< volunteers in a year, participants of one event
inline constexpr value_range year{1800, 2200};           ///< a year of formation, a tax year
inline constexpr value_range days{0, 3'650};             ///< a promised response time: up to ten years
inline constexpr value_range cents{0, 100'000'000'000'000}; ///< an amount: $0 to $1 trillion
} // namespace limits

/// The range of one whole-number or money field of a struct, by the field's record name.
/// A struct with such fields lists each in `ranges`, beside its field table.
struct field_range {
    std::string_view field;
    value_range range;
};

struct fiscal_sponsor {
    opt<std::string> name, ein;
    opt<rco::legal_status> legal_status;
    opt<std::string> agreement, determination_letter;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("name", s.name);
        f("ein", s.ein);
        f("legal_status", s.legal_status);
        f("agreement", s.agreement);
        f("determination_letter", s.determination_letter);
    }
};

struct parent_organization {
    opt<std::string> name;
    opt<parent_type> type;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("name", s.name);
        f("type", s.type);
    }
};

struct website {
    opt<std::string> url;
    opt<bool> get_involved;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("url", s.url);
        f("get_involved", s.get_involved);
    }
};

struct organization {
    opt<std::string> name, ein;
    opt<rco::legal_status> legal_status;
    opt<std::string> determination_letter;
    opt<rco::fiscal_sponsor> fiscal_sponsor;
    opt<parent_organization> parent;
    opt_list<autonomy_area> autonomy;
    opt<date> founded;
    /// The year of formation alone, as an IRS return gives it (Form 990 header item L),
    /// for when the founding date itself is not known.
    opt<std::int64_t> formation_year;
    opt<std::string> state, service_area;
    opt<rco::website> website;
    opt<std::string> mission, vision;
    /// The language of the mission and vision, a BCP 47 tag ("en", "es", "es-MX"); not
    /// given means English. Standard 9 scans them with that language's term table.
    opt<std::string> language;
    static constexpr field_range ranges[] = {{"formation_year", limits::year}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("name", s.name);
        f("ein", s.ein);
        f("legal_status", s.legal_status);
        f("determination_letter", s.determination_letter);
        f("fiscal_sponsor", s.fiscal_sponsor);
        f("parent", s.parent);
        f("autonomy", s.autonomy);
        f("founded", s.founded);
        f("formation_year", s.formation_year);
        f("state", s.state);
        f("service_area", s.service_area);
        f("website", s.website);
        f("mission", s.mission);
        f("vision", s.vision);
        f("language", s.language);
    }
};

/// One annual IRS return (Form 990 Part VI answers where the form has them).
struct filing {
    opt<filing_form> form;
    opt<std::int64_t> tax_year;
    opt<bool> decisions_subject_to_approval;
    opt<std::int64_t> voting_members, independent_members;
    opt<bool> conflict_of_interest_policy, whistleblower_policy, document_retention_policy, minutes;
    static constexpr field_range ranges[] = {
        {"tax_year", limits::year}, {"voting_members", limits::seats}, {"independent_members", limits::seats}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("form", s.form);
        f("tax_year", s.tax_year);
        f("decisions_subject_to_approval", s.decisions_subject_to_approval);
        f("voting_members", s.voting_members);
        f("independent_members", s.independent_members);
        f("conflict_of_interest_policy", s.conflict_of_interest_policy);
        f("whistleblower_policy", s.whistleblower_policy);
        f("document_retention_policy", s.document_retention_policy);
        f("minutes", s.minutes);
    }
};

/// One board seat. `id` and `name` identify a person and are never printed by default.
struct board_member {
    opt<std::string> id, name;
    opt<bool> voting;
    opt<seat_state> seat;
    opt<officer_role> officer;
    opt<rco::recovery_identity> recovery_identity;
    opt<date> attested;
    opt<std::string> affiliation;
    opt<bool> employed_by_org;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("id", s.id);
        f("name", s.name);
        f("voting", s.voting);
        f("seat", s.seat);
        f("officer", s.officer);
        f("recovery_identity", s.recovery_identity);
        f("attested", s.attested);
        f("affiliation", s.affiliation);
        f("employed_by_org", s.employed_by_org);
    }
};

/// Aggregate board numbers, for boards that keep individual identities off the record.
struct board_counts {
    opt<std::int64_t> voting, personal, family;
    opt<date> attested;
    static constexpr field_range ranges[] = {
        {"voting", limits::seats}, {"personal", limits::seats}, {"family", limits::seats}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("voting", s.voting);
        f("personal", s.personal);
        f("family", s.family);
        f("attested", s.attested);
    }
};

struct meeting {
    opt<rco::date> date;
    opt<bool> minutes;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("date", s.date);
        f("minutes", s.minutes);
    }
};

struct board {
    opt_list<board_member> members;
    opt<board_counts> counts;
    opt_list<meeting> meetings;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("members", s.members);
        f("counts", s.counts);
        f("meetings", s.meetings);
    }
};

struct bylaws {
    opt<date> adopted, last_reviewed;
    opt<bool> recovery_leadership_clause;
    opt<std::string> document;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("adopted", s.adopted);
        f("last_reviewed", s.last_reviewed);
        f("recovery_leadership_clause", s.recovery_leadership_clause);
        f("document", s.document);
    }
};

struct service {
    opt<std::string> name, type;
    opt<service_category> category;
    opt<delivery> delivered_by;
    opt<bool> referral_only;
    opt_list<rco::eligibility> eligibility;
    opt<date> started;
    opt<money> annual_expense;
    static constexpr field_range ranges[] = {{"annual_expense", limits::cents}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("name", s.name);
        f("type", s.type);
        f("category", s.category);
        f("delivered_by", s.delivered_by);
        f("referral_only", s.referral_only);
        f("eligibility", s.eligibility);
        f("started", s.started);
        f("annual_expense", s.annual_expense);
    }
};

struct pathways {
    opt_list<std::string> supported;
    opt<std::string> policy;
    opt<bool> welcomes_medication;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("supported", s.supported);
        f("policy", s.policy);
        f("welcomes_medication", s.welcomes_medication);
    }
};

/// A person delivering peer services (staff or volunteer), by id only.
struct peer_worker {
    opt<std::string> id;
    opt<bool> active, trained;
    opt<std::string> certification;
    opt_list<date> supervision_sessions;
    opt<date> ethics_training, code_acknowledged;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("id", s.id);
        f("active", s.active);
        f("trained", s.trained);
        f("certification", s.certification);
        f("supervision_sessions", s.supervision_sessions);
        f("ethics_training", s.ethics_training);
        f("code_acknowledged", s.code_acknowledged);
    }
};

struct volunteers {
    opt<std::int64_t> count_12m;
    opt_list<std::string> roles;
    static constexpr field_range ranges[] = {{"count_12m", limits::people}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("count_12m", s.count_12m);
        f("roles", s.roles);
    }
};

struct input_event {
    opt<rco::date> date;
    opt<event_type> type;
    opt<std::int64_t> participants;
    opt<std::string> id;
    static constexpr field_range ranges[] = {{"participants", limits::people}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("date", s.date);
        f("type", s.type);
        f("participants", s.participants);
        f("id", s.id);
    }
};

struct decision {
    opt<rco::date> date;
    opt<std::string> description;
    opt_list<std::string> input_events;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("date", s.date);
        f("description", s.description);
        f("input_events", s.input_events);
    }
};

struct planned_event {
    opt<rco::date> date;
    opt<std::string> name;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("date", s.date);
        f("name", s.name);
    }
};

struct participation {
    opt_list<input_event> events;
    opt<date> needs_assessment, feedback_survey;
    opt_list<decision> decisions;
    opt_list<planned_event> community_planned_events;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("events", s.events);
        f("needs_assessment", s.needs_assessment);
        f("feedback_survey", s.feedback_survey);
        f("decisions", s.decisions);
        f("community_planned_events", s.community_planned_events);
    }
};

/// Fields every written policy has.
struct policy {
    opt<date> adopted, last_reviewed;
    opt<bool> board_approved;
    opt<std::string> document;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("adopted", s.adopted);
        f("last_reviewed", s.last_reviewed);
        f("board_approved", s.board_approved);
        f("document", s.document);
    }
    /// The date the current text took effect: the last review, else the adoption.
    opt<date> current_since() const { return last_reviewed ? last_reviewed : adopted; }
};

struct code_of_ethics : policy {
    opt_list<ethics_scope> applies_to;
    opt_list<std::string> topics;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        policy::fields(s, f);
        f("applies_to", s.applies_to);
        f("topics", s.topics);
    }
};

struct grievance_policy : policy {
    opt<bool> posted;
    opt<std::int64_t> response_days;
    opt<std::string> appeal;
    opt<bool> non_retaliation;
    static constexpr field_range ranges[] = {{"response_days", limits::days}};
    template <class S, class F>
    static void fields(S& s, F&& f) {
        policy::fields(s, f);
        f("posted", s.posted);
        f("response_days", s.response_days);
        f("appeal", s.appeal);
        f("non_retaliation", s.non_retaliation);
    }
};

struct nondiscrimination_policy : policy {
    opt_list<std::string> covers;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        policy::fields(s, f);
        f("covers", s.covers);
    }
};

struct accessibility_review : policy {
    opt<rco::date> date;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        policy::fields(s, f);
        f("date", s.date);
    }
};

struct policies {
    opt<rco::code_of_ethics> code_of_ethics;
    opt<grievance_policy> grievance;
    opt<nondiscrimination_policy> nondiscrimination;
    opt<policy> dei, language_guide, language_access;
    opt<rco::accessibility_review> accessibility_review;
    opt<policy> conflict_of_interest, whistleblower, document_retention;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("code_of_ethics", s.code_of_ethics);
        f("grievance", s.grievance);
        f("nondiscrimination", s.nondiscrimination);
        f("dei", s.dei);
        f("language_guide", s.language_guide);
        f("language_access", s.language_access);
        f("accessibility_review", s.accessibility_review);
        f("conflict_of_interest", s.conflict_of_interest);
        f("whistleblower", s.whistleblower);
        f("document_retention", s.document_retention);
    }
};

struct grievance {
    opt<date> received, resolved;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("received", s.received);
        f("resolved", s.resolved);
    }
};

struct demographics {
    opt<bool> recorded;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("recorded", s.recorded);
    }
};

/// An evidence document; `text` is scanned for language. A reader that resolves
/// `path` fills `text` from the file (the core never reads files).
struct document {
    opt<std::string> id, title;
    opt<rco::audience> audience;
    opt<std::string> text, path, sha256;
    /// The language of the text, a BCP 47 tag ("en", "es", "es-MX"); not given means English.
    opt<std::string> language;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("id", s.id);
        f("title", s.title);
        f("audience", s.audience);
        f("text", s.text);
        f("path", s.path);
        f("sha256", s.sha256);
        f("language", s.language);
    }
};

/// Where an imported value came from, e.g. a line of an IRS Form 990 e-file return.
struct provenance {
    opt<std::string> pointer;   ///< the field it filled, as a JSON Pointer into this record
    opt<std::string> source;    ///< the source file's name, e.g. 201541349349307794_public.xml
    opt<std::string> object_id; ///< the IRS object id of the return, when known
    opt<std::string> xpath;     ///< where in the source the value was read
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("pointer", s.pointer);
        f("source", s.source);
        f("object_id", s.object_id);
        f("xpath", s.xpath);
    }
};

inline constexpr std::string_view record_format_id = "rco-record/1";

/// One organization as of one date.
struct record {
    opt<std::string> format;
    opt<date> as_of;
    opt<rco::organization> organization;
    opt_list<filing> filings;
    opt<rco::board> board;
    opt<rco::bylaws> bylaws;
    opt_list<service> services;
    opt<rco::pathways> pathways;
    opt_list<peer_worker> peer_workers;
    opt<rco::volunteers> volunteers;
    opt<rco::participation> participation;
    opt<rco::policies> policies;
    opt_list<grievance> grievances;
    opt<rco::demographics> demographics;
    opt_list<document> documents;
    opt_list<rco::provenance> provenance;
    template <class S, class F>
    static void fields(S& s, F&& f) {
        f("format", s.format);
        f("as_of", s.as_of);
        f("organization", s.organization);
        f("filings", s.filings);
        f("board", s.board);
        f("bylaws", s.bylaws);
        f("services", s.services);
        f("pathways", s.pathways);
        f("peer_workers", s.peer_workers);
        f("volunteers", s.volunteers);
        f("participation", s.participation);
        f("policies", s.policies);
        f("grievances", s.grievances);
        f("demographics", s.demographics);
        f("documents", s.documents);
        f("provenance", s.provenance);
    }
};

/// True for the model's structs (those with a field table).
template <class T>
concept record_struct = requires(T& t) { T::fields(t, [](const char*, auto&) {}); };

/// The range of field `name` of `T` (from `T::ranges`), or nullopt for a field that is not
/// a number. Every whole-number and money field has one (tests/arithmetic_test.cpp checks).
template <class T>
constexpr std::optional<value_range> range_of(std::string_view name) noexcept {
    if constexpr (requires { T::ranges; })
        for (const auto& r : T::ranges)
            if (r.field == name)
                return r.range;
    return std::nullopt;
}

} // namespace rco
