// Enumerations of the record format, with their exact lower_snake_case spellings.
// One table per enum serves every reader, writer and report.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rco {

enum class legal_status {
    exempt_501c3,
    exempt_501c3_pending,
    fiscally_sponsored,
    other_501c,
    for_profit,
    government,
    unincorporated,
    other
};
enum class parent_type { treatment_provider, health_system, government, other };
enum class autonomy_area { policies, advocacy, staffing, budget, finances, programs };
enum class seat_state { filled, vacant };
enum class officer_role { chair, vice_chair, secretary, treasurer, none };
enum class recovery_identity { personal, family, ally, none, undisclosed };
enum class service_category { sud_recovery, prevention, housing, mental_health_peer, other_addiction, other };
enum class delivery { peers, clinicians, staff, volunteers, partner };
enum class eligibility {
    open,
    treatment_enrollment,
    program_residence,
    paid_membership,
    abstinence_only,
    specific_pathway,
    no_medication
};
enum class event_type { community_meeting, listening_session, focus_group, advisory_council, visioning };
enum class audience { public_, internal };
enum class ethics_scope { staff, volunteers, board };
enum class filing_form { f990, f990_ez, f990_n, f990_pf };

/// Spelling table of an enum: `enum_names<E>::table` is an array of {value, name}.
template <class E>
struct enum_names;

#define RCO_ENUM_NAMES(E, ...)                                                                      \
    template <>                                                                                     \
    struct enum_names<E> {                                                                          \
        static constexpr std::pair<E, std::string_view> table[] = {__VA_ARGS__};                    \
        static constexpr std::string_view type_name = #E;                                           \
    }

RCO_ENUM_NAMES(legal_status, {legal_status::exempt_501c3, "501c3"},
               {legal_status::exempt_501c3_pending, "501c3_pending"},
               {legal_status::fiscally_sponsored, "fiscally_sponsored"}, {legal_status::other_501c, "other_501c"},
               {legal_status::for_profit, "for_profit"}, {legal_status::government, "government"},
               {legal_status::unincorporated, "unincorporated"}, {legal_status::other, "other"});
RCO_ENUM_NAMES(parent_type, {parent_type::treatment_provider, "treatment_provider"},
               {parent_type::health_system, "health_system"}, {parent_type::government, "government"},
               {parent_type::other, "other"});
RCO_ENUM_NAMES(autonomy_area, {autonomy_area::policies, "policies"}, {autonomy_area::advocacy, "advocacy"},
               {autonomy_area::staffing, "staffing"}, {autonomy_area::budget, "budget"},
               {autonomy_area::finances, "finances"}, {autonomy_area::programs, "programs"});
RCO_ENUM_NAMES(seat_state, {seat_state::filled, "filled"}, {seat_state::vacant, "vacant"});
RCO_ENUM_NAMES(officer_role, {officer_role::chair, "chair"}, {officer_role::vice_chair, "vice_chair"},
               {officer_role::secretary, "secretary"}, {officer_role::treasurer, "treasurer"},
               {officer_role::none, "none"});
RCO_ENUM_NAMES(recovery_identity, {recovery_identity::personal, "personal"}, {recovery_identity::family, "family"},
               {recovery_identity::ally, "ally"}, {recovery_identity::none, "none"},
               {recovery_identity::undisclosed, "undisclosed"});
RCO_ENUM_NAMES(service_category, {service_category::sud_recovery, "sud_recovery"},
               {service_category::prevention, "prevention"}, {service_category::housing, "housing"},
               {service_category::mental_health_peer, "mental_health_peer"},
               {service_category::other_addiction, "other_addiction"}, {service_category::other, "other"});
RCO_ENUM_NAMES(delivery, {delivery::peers, "peers"}, {delivery::clinicians, "clinicians"},
               {delivery::staff, "staff"}, {delivery::volunteers, "volunteers"}, {delivery::partner, "partner"});
RCO_ENUM_NAMES(eligibility, {eligibility::open, "open"}, {eligibility::treatment_enrollment, "treatment_enrollment"},
               {eligibility::program_residence, "program_residence"},
               {eligibility::paid_membership, "paid_membership"}, {eligibility::abstinence_only, "abstinence_only"},
               {eligibility::specific_pathway, "specific_pathway"}, {eligibility::no_medication, "no_medication"});
RCO_ENUM_NAMES(event_type, {event_type::community_meeting, "community_meeting"},
               {event_type::listening_session, "listening_session"}, {event_type::focus_group, "focus_group"},
               {event_type::advisory_council, "advisory_council"}, {event_type::visioning, "visioning"});
RCO_ENUM_NAMES(audience, {audience::public_, "public"}, {audience::internal, "internal"});
RCO_ENUM_NAMES(ethics_scope, {ethics_scope::staff, "staff"}, {ethics_scope::volunteers, "volunteers"},
               {ethics_scope::board, "board"});
RCO_ENUM_NAMES(filing_form, {filing_form::f990, "990"}, {filing_form::f990_ez, "990-EZ"},
               {filing_form::f990_n, "990-N"}, {filing_form::f990_pf, "990-PF"});

#undef RCO_ENUM_NAMES

/// The record spelling of an enum value.
template <class E>
constexpr std::string_view to_string(E value) noexcept {
    for (auto const& [v, name] : enum_names<E>::table)
        if (v == value)
            return name;
    return {};
}

/// Parses the record spelling of an enum value; nullopt when it is not one.
template <class E>
constexpr std::optional<E> parse_enum(std::string_view text) noexcept {
    for (auto const& [v, name] : enum_names<E>::table)
        if (name == text)
            return v;
    return std::nullopt;
}

/// "a, b or c": the allowed spellings, for error messages and help.
template <class E>
std::string enum_choices() {
    std::string out;
    constexpr auto n = std::size(enum_names<E>::table);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0)
            out += (i + 1 == n) ? " or " : ", ";
        out += enum_names<E>::table[i].second;
    }
    return out;
}

/// True for the enums of the record format (the field visitor needs it).
template <class E>
concept record_enum = requires { enum_names<E>::table; };

} // namespace rco
