// Standard 7: all pathways toward recovery.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S7.1] no-pathway-barriers
outcome no_pathway_barriers(const check_context& ctx);
/// [S7.2] all-pathways-policy
outcome all_pathways_policy(const check_context& ctx);
/// [S7.3] pathway-diversity
outcome pathway_diversity(const check_context& ctx);

} // namespace rco::checks
