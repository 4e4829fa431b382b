#pragma once

#include "rco/checks/registry.hpp"

#include "rco/checks/s01_nonprofit.hpp"
#include "rco/checks/s02_recovery_leadership.hpp"
#include "rco/checks/s03_sud_focus.hpp"
#include "rco/checks/s04_grassroots.hpp"
#include "rco/checks/s05_participatory.hpp"
#include "rco/checks/s06_peer_services.hpp"
#include "rco/checks/s07_all_pathways.hpp"
#include "rco/checks/s08_dei.hpp"
#include "rco/checks/s09_language.hpp"
#include "rco/checks/s10_ethics.hpp"

namespace rco {

std::span<const registry_entry> check_registry() noexcept {
    static constexpr registry_entry entries[] = {
        {"S1.1", &checks::nonprofit_status},
        {"S1.2", &checks::ein_valid},
        {"S1.3", &checks::sponsor_agreement},
        {"S1.4", &checks::governing_autonomy},
        {"S1.5", &checks::annual_filing_current},
        {"S2.1", &checks::board_recovery_majority},
        {"S2.2", &checks::recovery_identity_attested},
        {"S2.3", &checks::board_meets_regularly},
        {"S2.4", &checks::bylaws_recovery_leadership},
        {"S2.5", &checks::no_outside_control},
        {"S3.1", &checks::mission_recovery_focus},
        {"S3.2", &checks::primary_function},
        {"S4.1", &checks::open_access},
        {"S4.2", &checks::volunteer_pathway},
        {"S4.3", &checks::community_planned_activities},
        {"S4.4", &checks::visible_engagement},
        {"S5.1", &checks::community_input},
        {"S5.2", &checks::needs_assessment},
        {"S5.3", &checks::input_informs_decisions},
        {"S5.4", &checks::participant_feedback},
        {"S6.1", &checks::offers_prss},
        {"S6.2", &checks::nonclinical_scope},
        {"S6.3", &checks::peer_workers_trained},
        {"S6.4", &checks::peer_supervision},
        {"S6.5", &checks::prss_history},
        {"S7.1", &checks::no_pathway_barriers},
        {"S7.2", &checks::all_pathways_policy},
        {"S7.3", &checks::pathway_diversity},
        {"S8.1", &checks::nondiscrimination_policy},
        {"S8.2", &checks::dei_plan},
        {"S8.3", &checks::language_access},
        {"S8.4", &checks::accessibility_review},
        {"S8.5", &checks::representation},
        {"S9.1", &checks::public_language},
        {"S9.2", &checks::internal_language},
        {"S9.3", &checks::language_guide},
        {"S10.1", &checks::code_of_ethics},
        {"S10.2", &checks::code_topics},
        {"S10.3", &checks::code_acknowledged},
        {"S10.4", &checks::ethics_training},
        {"S10.5", &checks::grievance_policy},
        {"S10.6", &checks::grievances_timely},
        {"S10.7", &checks::governance_policies},
    };
    return entries;
}

check_fn find_check_fn(std::string_view id) noexcept {
    for (const auto& e : check_registry())
        if (e.id == id)
            return e.fn;
    return nullptr;
}

} // namespace rco
