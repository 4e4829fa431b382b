// Standard 5: participatory process.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S5.1] community-input
outcome community_input(const check_context& ctx);
/// [S5.2] needs-assessment
outcome needs_assessment(const check_context& ctx);
/// [S5.3] input-informs-decisions
outcome input_informs_decisions(const check_context& ctx);
/// [S5.4] participant-feedback
outcome participant_feedback(const check_context& ctx);

} // namespace rco::checks
