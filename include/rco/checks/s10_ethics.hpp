// Standard 10: code of ethics and grievance policies.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S10.1] code-of-ethics
outcome code_of_ethics(const check_context& ctx);
/// [S10.2] code-topics
outcome code_topics(const check_context& ctx);
/// [S10.3] code-acknowledged
outcome code_acknowledged(const check_context& ctx);
/// [S10.4] ethics-training
outcome ethics_training(const check_context& ctx);
/// [S10.5] grievance-policy
outcome grievance_policy(const check_context& ctx);
/// [S10.6] grievances-timely
outcome grievances_timely(const check_context& ctx);
/// [S10.7] governance-policies
outcome governance_policies(const check_context& ctx);

} // namespace rco::checks
