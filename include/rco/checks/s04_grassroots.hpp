// Standard 4: grassroots.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S4.1] open-access
outcome open_access(const check_context& ctx);
/// [S4.2] volunteer-pathway
outcome volunteer_pathway(const check_context& ctx);
/// [S4.3] community-planned-activities
outcome community_planned_activities(const check_context& ctx);
/// [S4.4] visible-engagement
outcome visible_engagement(const check_context& ctx);

} // namespace rco::checks
