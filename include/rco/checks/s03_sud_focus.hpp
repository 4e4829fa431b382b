// Standard 3: primary focus is recovery from SUDs.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S3.1] mission-recovery-focus
outcome mission_recovery_focus(const check_context& ctx);
/// [S3.2] primary-function
outcome primary_function(const check_context& ctx);

} // namespace rco::checks
