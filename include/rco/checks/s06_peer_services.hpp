// Standard 6: peer recovery support services, nonclinical.
#pragma once

#include "rco/checks/context.hpp"

namespace rco::checks {

/// [S6.1] offers-prss
outcome offers_prss(const check_context& ctx);
/// [S6.2] nonclinical-scope
outcome nonclinical_scope(const check_context& ctx);
/// [S6.3] peer-workers-trained
outcome peer_workers_trained(const check_context& ctx);
/// [S6.4] peer-supervision
outcome peer_supervision(const check_context& ctx);
/// [S6.5] prss-history
outcome prss_history(const check_context& ctx);

} // namespace rco::checks
