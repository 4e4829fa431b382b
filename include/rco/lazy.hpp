// A value derived from its owner (e.g. the scanner's tables from the catalog's word
// lists), built on first use and then shared by every thread.
#pragma once

#include <atomic>
#include <memory>

namespace rco::detail {

/// Holds a `const T` built once, on the first get(), by the function given there. Safe to
/// call get() from many threads at once (two threads may both build it; one result is
/// kept). Copies and moves start empty: the copy's owner has its own data to derive from.
/// `T` may be incomplete where the holder is declared.
template <class T>
class lazy {
  public:
    lazy() = default;
    lazy(const lazy&) noexcept {}
    lazy& operator=(const lazy&) noexcept {
        value_.store(nullptr);
        return *this;
    }

    /// The value, built with `make()` (returning a std::shared_ptr<const T>) if needed.
    template <class Make>
    const T& get(Make&& make) const {
        auto p = value_.load(std::memory_order_acquire);
        if (!p) {
            std::shared_ptr<const T> fresh = make();
            if (value_.compare_exchange_strong(p, fresh, std::memory_order_acq_rel))
                p = std::move(fresh);
        }
        return *p; // value_ keeps it alive as long as the owner
    }

    /// Forgets the value (call after changing what it is derived from).
    void reset() noexcept { value_.store(nullptr); }

  private:
    mutable std::atomic<std::shared_ptr<const T>> value_;
};

} // namespace rco::detail
