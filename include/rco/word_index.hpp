// A hash table from words to values, for look-ups made once per word of a text (the
// language scanner's phrase indexes, S3.1's vocabulary terms): built once per catalog,
// read by any number of threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rco::detail {

/// A hash of a short text (a word, a JSON key), the same on every machine (a hash is never
/// stored). Eight bytes at a time, the last (or only) up to eight read as two overlapping
/// halves: few steps and few branches for short words.
inline std::uint64_t word_hash(std::string_view s) noexcept {
    constexpr std::uint64_t m = 0x9E3779B97F4A7C15ull;
    const auto load = [](const char* p, std::size_t n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n); // n is 4 or 8: a plain load
        return w;
    };
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = n * m;
    const auto mix = [&](std::uint64_t w) {
        h = (h ^ w) * m;
        h ^= h >> 29;
    };
    for (; n > 8; p += 8, n -= 8)
        mix(load(p, 8));
    if (n >= 4)
        mix(load(p, 4) | load(p + n - 4, 4) << 32);
    else if (n > 0)
        mix(static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    h *= m;
    return h ^ (h >> 32);
}

/// Words to values (e.g. first words to the phrases that start with them): an
/// open-addressing hash table on the words (looked up for every token, so it must be cheap:
/// most look-ups miss, and a slot keeps its word's hash beside the entry's index, so a miss
/// compares no text and follows no pointer).
template <class V>
class basic_word_index {
  public:
    V& operator[](const std::string& word) {
        if ((entries_.size() + 1) * 2 > slots_.size())
            grow();
        const auto h = hash(word);
        auto& s = slots_[slot_of(word, h)];
        if (s.entry == no_entry) {
            s = {static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(entries_.size())};
            entries_.push_back({word, {}});
            if (!word.empty())
                shapes_[static_cast<unsigned char>(word[0])] |= length_bit(word.size());
        }
        return entries_[s.entry].second;
    }

    /// The value of `word`, or nullptr.
    const V* find(std::string_view word) const {
        // A word whose first byte and length no entry has is not hashed at all: most of a
        // text's words miss, and most are told apart this way.
        if (entries_.empty() ||
            (!word.empty() && !(shapes_[static_cast<unsigned char>(word[0])] & length_bit(word.size()))))
            return nullptr;
        const auto e = slots_[slot_of(word, hash(word))].entry;
        return e == no_entry ? nullptr : &entries_[e].second;
    }

    /// The hash of a word (word_hash).
    static std::uint64_t hash(std::string_view s) noexcept { return word_hash(s); }

  private:
    static constexpr std::uint32_t no_entry = 0xFFFFFFFF;
    /// Lengths 1..62 each a bit, longer ones all bit 63.
    static std::uint64_t length_bit(std::size_t n) noexcept { return std::uint64_t{1} << std::min<std::size_t>(n, 63); }
    struct slot {
        std::uint32_t tag = 0;          ///< the low half of the word's hash
        std::uint32_t entry = no_entry; ///< index into entries_
    };
    /// The slot holding `word` (whose hash is `h`), or the empty slot where it would go.
    std::size_t slot_of(std::string_view word, std::uint64_t h) const {
        const std::size_t mask = slots_.size() - 1;
        const auto tag = static_cast<std::uint32_t>(h);
        for (std::size_t k = (h >> 32) & mask;; k = (k + 1) & mask) {
            const slot& s = slots_[k];
            if (s.entry == no_entry || (s.tag == tag && entries_[s.entry].first == word))
                return k;
        }
    }
    void grow() {
        slots_.assign(std::max<std::size_t>(16, slots_.size() * 2), slot{});
        for (std::size_t e = 0; e < entries_.size(); ++e) {
            const auto h = hash(entries_[e].first);
            slots_[slot_of(entries_[e].first, h)] = {static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(e)};
        }
    }

    std::vector<std::pair<std::string, V>> entries_;
    std::vector<slot> slots_;
    std::array<std::uint64_t, 256> shapes_{}; ///< by an entry's first byte, the lengths of the entries (length_bit)
};

} // namespace rco::detail
