// An optional whose value cannot be read by mistake when it is absent.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

namespace rco {

/// std::optional<T>, except that `*` and `->` on an empty one throw
/// std::bad_optional_access instead of being undefined behaviour. Results that may have
/// failed (a read that found errors) hold their value in one, so a program that forgets
/// to test `ok()` gets an exception, never a half-read value. Converts to and from
/// std::optional<T>.
template <class T>
class checked_optional : public std::optional<T> {
    using base = std::optional<T>;

public:
    using base::base;
    using base::operator=;
    checked_optional() = default;
    checked_optional(const base& o) : base(o) {}
    checked_optional(base&& o) noexcept(std::is_nothrow_move_constructible_v<T>) : base(std::move(o)) {}

    T& operator*() & { return this->value(); }
    const T& operator*() const& { return this->value(); }
    T&& operator*() && { return std::move(this->value()); }
    T* operator->() { return &this->value(); }
    const T* operator->() const { return &this->value(); }
};

} // namespace rco
