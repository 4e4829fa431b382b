// Standard 1: nonprofit organization.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S1.1] nonprofit-status
outcome nonprofit_status(const check_context& ctx);
/// [S1.2] ein-valid
outcome ein_valid(const check_context& ctx);
/// [S1.3] sponsor-agreement
outcome sponsor_agreement(const check_context& ctx);
/// [S1.4] governing-autonomy
outcome governing_autonomy(const check_context& ctx);
/// [S1.5] annual-filing-current
outcome annual_filing_current(const check_context& ctx);

} // namespace rco::checks
