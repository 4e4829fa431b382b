// Standard 2: led and governed by the recovery community.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S2.1] board-recovery-majority
outcome board_recovery_majority(const check_context& ctx);
/// [S2.2] recovery-identity-attested
outcome recovery_identity_attested(const check_context& ctx);
/// [S2.3] board-meets-regularly
outcome board_meets_regularly(const check_context& ctx);
/// [S2.4] bylaws-recovery-leadership
outcome bylaws_recovery_leadership(const check_context& ctx);
/// [S2.5] no-outside-control
outcome no_outside_control(const check_context& ctx);

} // namespace rco::checks
