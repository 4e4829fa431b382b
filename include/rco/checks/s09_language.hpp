// Standard 9: recovery-friendly language.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S9.1] public-language
outcome public_language(const check_context& ctx);
/// [S9.2] internal-language
outcome internal_language(const check_context& ctx);
/// [S9.3] language-guide
outcome language_guide(const check_context& ctx);

} // namespace rco::checks
