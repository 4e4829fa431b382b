// Standard 8: diverse, equitable and inclusive.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S8.1] nondiscrimination-policy
outcome nondiscrimination_policy(const check_context& ctx);
/// [S8.2] dei-plan
outcome dei_plan(const check_context& ctx);
/// [S8.3] language-access
outcome language_access(const check_context& ctx);
/// [S8.4] accessibility-review
outcome accessibility_review(const check_context& ctx);
/// [S8.5] representation
outcome representation(const check_context& ctx);

} // namespace rco::checks
