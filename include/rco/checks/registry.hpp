// The explicit list of every check implementation, keyed by catalog id.
// One line per check; no static self-registration (it silently drops checks
// linked from a static library). tests/registry_test.cpp proves this list and
// the catalog name exactly the same checks.
#pragma once

#include "rco/checks/context.hpp"

#include <span>
#include <string_view>

namespace rco {

struct registry_entry {
    std::string_view id;
    check_fn fn;
};

/// Every check implementation, in catalog order.
std::span<const registry_entry> check_registry() noexcept;

/// The implementation of `id`, or nullptr.
check_fn find_check_fn(std::string_view id) noexcept;

} // namespace rco
