#pragma once

#include "rco/language.hpp"
#include "rco/word_index.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rco {
namespace detail::lang {

// ---- characters -------------------------------------------------------------

/// Marks a byte that does not start a valid UTF-8 sequence: one non-word character.
inline constexpr char32_t invalid_cp = 0xFFFFFFFF;

struct decoded {
    char32_t cp;
    std::size_t len;
};

inline decoded decode(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80)
        return {b0, 1};
    std::size_t len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return {invalid_cp, 1};
    }
    if (i + len > s.size())
        return {invalid_cp, 1};
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return {invalid_cp, 1};
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return {invalid_cp, 1};
    return {cp, len};
}

inline bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

inline bool is_apostrophe(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

inline bool is_hyphen(char32_t c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}

inline bool is_terminator(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/// Letters and digits: ASCII alphanumerics and every non-ASCII character that is
/// not a space, punctuation or symbol block (so accented and non-Latin letters are
/// word characters and a code point is never split).
inline bool is_word(char32_t c) {
    if (c < 0x80)
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    if (c == invalid_cp || is_space(c))
        return false;
    if (c >= 0xA1 && c <= 0xBF)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7)
        return false;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFFF0 && c <= 0xFFFF) || c >= 0x1F000)
        return false;
    return true;
}

// ---- tokens -----------------------------------------------------------------

inline constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

/// One run of word characters (apostrophes inside a word belong to it).
struct token {
    std::size_t begin = 0, end = 0; ///< bytes
    std::uint32_t line = 1, column = 1;
    std::uint32_t sentence = 0;
    std::uint32_t word = 0; ///< index of the hyphenated word it belongs to ("meth-head" is one word)
    bool joined = false;    ///< joined to the previous token by a single hyphen
    bool adjacent = false;  ///< previous token is in the same sentence, separated by whitespace or a hyphen only
    bool quoted = false;    ///< inside quotation marks
    bool exempt = false;    ///< inside an exempt proper name
    std::string_view exact; ///< as written, apostrophes made ASCII
    std::string_view folded; ///< `exact` with ASCII letters lowercased
};

/// The tokens of a text. Their words are views: into the text itself, into a lower-cased
/// copy of it (same offsets), and, for the few words with a typographic apostrophe, into
/// a side buffer; so the list is built in place and neither copied nor moved. `assign`
/// re-tokenizes another text reusing the buffers (the scanner keeps one per thread, so a
/// scan allocates nothing once its buffers have grown to the texts' size).
struct tokens {
    tokens() = default;
    explicit tokens(std::string_view s) { assign(s); }
    tokens(const tokens&) = delete;
    tokens& operator=(const tokens&) = delete;

    void assign(std::string_view s);

    std::vector<token> list;

  private:
    std::string lower_; ///< the text with ASCII letters lower-cased
    std::string side_;  ///< words rewritten with ASCII apostrophes (never reallocated: reserved up front)
};

/// ASCII letters and digits, for the tokenizer's inner loop over a word.
inline constexpr auto ascii_word_chars = [] {
    std::array<bool, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = true;
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<std::size_t>(c)] = true;
    return t;
}();

inline void tokens::assign(std::string_view s) {
    list.clear();
    side_.clear();
    lower_.assign(s);
    // ASCII letters, and the capitals of Latin-1 (À-Þ but ×: "ALCOHÓLICOS"), whose lower
    // case has the same two bytes but for 0x20 in the second: the offsets stay the same.
    // Eight bytes at a time while they are ASCII: 0x20 added to each of 'A'..'Z'.
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    for (std::size_t k = 0; k < lower_.size(); ++k) {
        while (k + 8 <= lower_.size()) {
            std::uint64_t w;
            std::memcpy(&w, lower_.data() + k, 8);
            if (w & high)
                break;
            // Per byte (each < 0x80, so no carry crosses bytes): bit 7 of w + (0x80 - 'A')
            // is set from 'A' up, bit 7 of w + (0x80 - 'Z' - 1) from past 'Z' up.
            const std::uint64_t upper = ((w + (0x80 - 'A') * ones) & ~(w + (0x80 - 'Z' - 1) * ones)) & high;
            w |= upper >> 2;
            std::memcpy(lower_.data() + k, &w, 8);
            k += 8;
        }
        if (k >= lower_.size())
            break;
        const auto b = static_cast<unsigned char>(lower_[k]);
        if (b >= 'A' && b <= 'Z')
            lower_[k] = static_cast<char>(b - 'A' + 'a');
        else if (b == 0xC3 && k + 1 < lower_.size()) {
            const auto n = static_cast<unsigned char>(lower_[k + 1]);
            if (n >= 0x80 && n <= 0x9E && n != 0x97)
                lower_[k + 1] = static_cast<char>(n + 0x20);
            ++k;
        }
    }
    auto& out = list;
    if (out.capacity() < s.size() / 5 + 1)
        out.reserve(s.size() / 5 + 1); // about one word per 5-6 bytes of English
    std::uint32_t line = 1, column = 1, sentence = 0;
    bool quoted = false;
    bool sentence_break = false; // a sentence ended since the previous token
    std::size_t gap_hyphens = 0; // hyphens since the previous token
    bool gap_other = false;      // anything but whitespace and hyphens since the previous token
    bool gap_space = false;      // whitespace since the previous token
    int blank_newlines = 0;      // newlines since the last non-space character
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII, the common case, without the decoder.
        const auto b0 = static_cast<unsigned char>(s[i]);
        auto [c, len] = b0 < 0x80 ? decoded{b0, 1} : decode(s, i);
        if (b0 < 0x80 ? ascii_word_chars[b0] : is_word(c)) {
            const bool has_prev = !out.empty();
            const std::uint32_t prev_word = has_prev ? out.back().word : 0;
            // Built in place: a token assembled on the stack and copied in costs a
            // store-forwarding stall per word (its flags are written bytewise, copied wide).
            token& t = out.emplace_back();
            t.begin = i;
            t.line = line;
            t.column = column;
            if (sentence_break && has_prev)
                ++sentence;
            t.sentence = sentence;
            t.joined = has_prev && !sentence_break && !gap_other && !gap_space && gap_hyphens == 1;
            t.adjacent = has_prev && !sentence_break && !gap_other && (t.joined || (gap_space && gap_hyphens == 0));
            t.word = !has_prev ? 0 : (t.joined ? prev_word : prev_word + 1);
            t.quoted = quoted;
            // Extend over word characters and apostrophes between word characters.
            std::size_t j = i;
            bool typographic = false; // an apostrophe other than ' (written as ' in `exact`)
            while (j < s.size()) {
                const auto b = static_cast<unsigned char>(s[j]);
                if (b < 0x80 && ascii_word_chars[b]) {
                    ++j; // an ASCII letter or digit: the common case
                    ++column;
                    continue;
                }
                if (b < 0x80 && b != '\'')
                    break; // ASCII space or punctuation: the word ends
                auto [d, dl] = decode(s, j);
                if (is_word(d)) {
                    j += dl;
                    ++column;
                    continue;
                }
                if (is_apostrophe(d) && j + dl < s.size() && is_word(decode(s, j + dl).cp)) {
                    typographic = typographic || d != '\'';
                    j += dl;
                    ++column;
                    continue;
                }
                break;
            }
            t.end = j;
            if (!typographic) {
                t.exact = std::string_view(s.data() + i, j - i);
                t.folded = std::string_view(lower_.data() + i, j - i);
            } else {
                // The rewritten words take at most as many bytes as the text, twice.
                if (side_.capacity() < 2 * s.size())
                    side_.reserve(2 * s.size()); // before the first view into it: never again
                const std::size_t at = side_.size();
                for (std::size_t k = i; k < j;) {
                    const auto [d, dl] = decode(s, k);
                    if (is_apostrophe(d) && !is_word(d)) // U+02BC is a letter too: kept as written
                        side_ += '\'';
                    else
                        side_.append(s.substr(k, dl));
                    k += dl;
                }
                const std::size_t written = side_.size() - at;
                for (std::size_t k = 0; k < written; ++k) {
                    const char ch = side_[at + k];
                    side_ += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
                }
                t.exact = std::string_view(side_).substr(at, written);
                t.folded = std::string_view(side_).substr(at + written, written);
            }
            i = j;
            sentence_break = false;
            gap_hyphens = 0;
            gap_other = gap_space = false;
            blank_newlines = 0;
            continue;
        }
        if (c == '\n') {
            ++line;
            column = 1;
            gap_space = true;
            if (++blank_newlines >= 2) {
                // A blank line ends the sentence, and any quotation left open.
                sentence_break = true;
                quoted = false;
            }
            i += len;
            continue;
        }
        ++column;
        if (is_space(c)) {
            gap_space = true;
        } else {
            blank_newlines = 0;
            if (is_hyphen(c)) {
                ++gap_hyphens;
            } else {
                gap_other = true;
                if (c == '"')
                    quoted = !quoted;
                else if (c == 0x201C || c == 0x201E || c == 0xAB)
                    quoted = true;
                else if (c == 0x201D || c == 0xBB)
                    quoted = false;
                else if (is_terminator(c) && (i + len >= s.size() || !is_word(decode(s, i + len).cp)))
                    sentence_break = true;
            }
        }
        i += len;
    }
}

// ---- phrases ----------------------------------------------------------------

/// A form, name or word list entry as a sequence of words.
struct phrase {
    std::vector<std::string> words;
    bool case_sensitive = false;
    std::size_t owner = 0; ///< index of the term (or list entry) it belongs to
};

inline phrase make_phrase(std::string_view text, bool case_sensitive, std::size_t owner) {
    phrase p;
    p.case_sensitive = case_sensitive;
    p.owner = owner;
    const tokens ts(text);
    for (const auto& t : ts.list)
        p.words.emplace_back(case_sensitive ? t.exact : t.folded);
    return p;
}

/// `w` is `base` plus a simple "s" or "'s" ending.
inline bool inflected(std::string_view w, std::string_view base) {
    if (w.size() == base.size() + 1)
        return w.back() == 's' && w.starts_with(base);
    if (w.size() == base.size() + 2)
        return w.ends_with("'s") && w.starts_with(base);
    return false;
}

using rco::detail::basic_word_index;
using word_index = basic_word_index<std::vector<std::size_t>>;

/// Phrases indexed by their first word.
class phrase_set {
  public:
    void add(phrase p) {
        if (p.words.empty())
            return;
        auto& index = p.case_sensitive ? exact_ : folded_;
        index[p.words.front()].push_back(phrases_.size());
        phrases_.push_back(std::move(p));
    }

    /// Calls `f(phrase, end)` for every phrase matching the tokens from `i`
    /// (`end` one past its last token). `inflect`: accept "s"/"'s" on the last word.
    /// `seen` is scratch space of the caller's (the set itself is shared by threads).
    template <class F>
    void matches(const std::vector<token>& ts, std::size_t i, bool inflect, std::vector<std::size_t>& seen,
                 F&& f) const {
        if (phrases_.empty())
            return;
        seen.clear();
        visit(folded_, ts[i].folded, ts, i, inflect, seen, f);
        visit(exact_, ts[i].exact, ts, i, inflect, seen, f);
        if (inflect) {
            for (const bool folded : {true, false}) {
                const std::string_view k = folded ? ts[i].folded : ts[i].exact;
                auto& index = folded ? folded_ : exact_;
                if (k.ends_with("'s"))
                    visit(index, k.substr(0, k.size() - 2), ts, i, inflect, seen, f);
                else if (k.ends_with('s'))
                    visit(index, k.substr(0, k.size() - 1), ts, i, inflect, seen, f);
            }
        }
    }

    /// One past the last token of `p` matched from `i`, or npos.
    static std::size_t match(const phrase& p, const std::vector<token>& ts, std::size_t i, bool inflect) {
        const auto last = p.words.size() - 1;
        for (std::size_t k = 0; k <= last; ++k) {
            const auto t = i + k;
            if (t >= ts.size() || (k > 0 && !ts[t].adjacent))
                return npos;
            const std::string_view w = p.case_sensitive ? ts[t].exact : ts[t].folded;
            if (w == p.words[k])
                continue;
            if (k == last && inflect && inflected(w, p.words[k]))
                continue;
            return npos;
        }
        return i + last + 1;
    }

    const phrase& operator[](std::size_t k) const { return phrases_[k]; }
    bool empty() const { return phrases_.empty(); }

    /// Calls `f(word)` with the first word of every phrase (as its index keys it).
    template <class F>
    void for_each_first_word(F&& f) const {
        for (const auto& p : phrases_)
            f(p.words.front());
    }

  private:
    using index_type = word_index;

    template <class F>
    void visit(const index_type& index, std::string_view key, const std::vector<token>& ts, std::size_t i, bool inflect,
               std::vector<std::size_t>& seen, F& f) const {
        const auto* list = index.find(key);
        if (!list)
            return;
        for (auto k : *list) {
            // The same phrase can be reached by two keys ("MAT" exact and folded).
            if (std::find(seen.begin(), seen.end(), k) != seen.end())
                continue;
            seen.push_back(k);
            const auto end = match(phrases_[k], ts, i, inflect);
            if (end != npos)
                f(phrases_[k], end);
        }
    }

    std::vector<phrase> phrases_;
    index_type folded_, exact_;
};

/// Longest phrase of `set` matching at `i` (npos when none).
inline std::size_t longest(const phrase_set& set, const std::vector<token>& ts, std::size_t i, bool inflect,
                           std::vector<std::size_t>& seen) {
    std::size_t best = npos;
    set.matches(ts, i, inflect, seen, [&](const phrase&, std::size_t end) {
        if (best == npos || end > best)
            best = end;
    });
    return best;
}

/// Words allowed between a first-person phrase and the term it describes
/// ("I'm a grateful recovering alcoholic": 2 before "recovering alcoholic").
inline constexpr std::uint32_t first_person_window = 4;

/// Which of the scanner's phrase sets have a phrase starting with a word (bits of starts_mask).
enum : std::uint8_t { starts_name = 1, starts_context = 2, starts_first_person = 4, starts_form = 8 };

/// Everything the scanner derives from a language_table, built once per table.
struct compiled_table {
    phrase_set names;     ///< exempt proper names
    phrase_set ctx_words; ///< substance-use context words
    phrase_set fp;        ///< first-person phrases
    std::vector<phrase_set> cancel; ///< by term index: words that cancel it when they follow
    std::vector<bool> has_cancel;   ///< by term index
    phrase_set forms;     ///< every term's forms
    /// The first words of the phrases of names, ctx_words, fp and forms, each with the
    /// sets it starts a phrase of: one look-up tells which sets can match at a token.
    basic_word_index<std::uint8_t> starts;

    /// The sets that may have a phrase at token `t` (as written, lower-cased, and without
    /// an "s" or "'s" ending): a superset, phrase_set::matches decides.
    std::uint8_t starts_mask(const token& t) const {
        std::uint8_t m = 0;
        const auto look = [&](std::string_view w) {
            if (const auto* v = starts.find(w))
                m |= *v;
        };
        const bool same = t.exact == t.folded;
        look(t.folded);
        if (!same)
            look(t.exact);
        const std::size_t strip = t.folded.ends_with("'s") ? 2 : t.folded.ends_with('s') ? 1 : 0;
        if (strip != 0 && t.folded.size() > strip) {
            look(t.folded.substr(0, t.folded.size() - strip));
            if (!same)
                look(t.exact.substr(0, t.exact.size() - strip));
        }
        return m;
    }
};

inline compiled_table compile(const language_table& table) {
    compiled_table c;
    for (std::size_t k = 0; k < table.exempt_names.size(); ++k)
        c.names.add(make_phrase(table.exempt_names[k], false, k));
    for (std::size_t k = 0; k < table.substance_context.size(); ++k)
        c.ctx_words.add(make_phrase(table.substance_context[k], false, k));
    for (std::size_t k = 0; k < table.first_person.size(); ++k)
        c.fp.add(make_phrase(table.first_person[k], false, k));
    c.cancel.resize(table.terms.size());
    c.has_cancel.assign(table.terms.size(), false);
    for (std::size_t k = 0; k < table.terms.size(); ++k) {
        auto it = table.not_before.find(table.terms[k].id);
        if (it == table.not_before.end())
            continue;
        c.has_cancel[k] = true;
        for (std::size_t w = 0; w < it->second.size(); ++w)
            c.cancel[k].add(make_phrase(it->second[w], false, w));
    }
    for (std::size_t k = 0; k < table.terms.size(); ++k)
        for (const auto& f : table.terms[k].forms)
            c.forms.add(make_phrase(f, table.terms[k].case_sensitive, k));
    const std::pair<const phrase_set*, std::uint8_t> sets[] = {
        {&c.names, starts_name}, {&c.ctx_words, starts_context}, {&c.fp, starts_first_person}, {&c.forms, starts_form}};
    for (const auto& entry : sets) { // (not a structured binding: Clang 14 cannot capture one)
        const std::uint8_t bit = entry.second;
        entry.first->for_each_first_word([&](const std::string& w) { c.starts[w] |= bit; });
    }
    return c;
}

inline const compiled_table& compiled(const language_table& table) {
    return table.compiled.get([&] { return std::make_shared<const compiled_table>(compile(table)); });
}

inline std::vector<term_match> scan(std::string_view text, const language_table& table,
                                    std::size_t max_matches = std::numeric_limits<std::size_t>::max(),
                                    std::size_t* total = nullptr) {
    std::vector<term_match> out;
    std::size_t found = 0;
    if (total)
        *total = 0;
    if (table.terms.empty())
        return out;
    // Scratch space, one per thread, reused from scan to scan: a scan allocates only what
    // it returns once these have grown to the size of the texts.
    struct scratch {
        tokens words;
        std::vector<std::size_t> seen; // for phrase_set::matches
        std::vector<std::uint8_t> starts; // the sets that may match at each token
        std::vector<bool> context, ends_fp;
        std::vector<std::size_t> last_fp;
    };
    thread_local scratch sc;
    sc.words.assign(text);
    auto& ts = sc.words.list;
    if (ts.empty())
        return out;
    const std::size_t n = ts.size();
    const compiled_table& ct = compiled(table);
    auto& seen = sc.seen;
    auto& starts = sc.starts;
    starts.resize(n);
    bool any_form = false;
    for (std::size_t i = 0; i < n; ++i) {
        starts[i] = ct.starts_mask(ts[i]);
        any_form = any_form || (starts[i] & starts_form) != 0;
    }
    if (!any_form) // no word that begins a term: nothing to find (the usual case)
        return out;

    // Exempt proper names: their words neither flag nor count as context.
    if (!ct.names.empty())
        for (std::size_t i = 0; i < n;) {
            const auto end = (starts[i] & starts_name) ? longest(ct.names, ts, i, false, seen) : npos;
            if (end == npos) {
                ++i;
                continue;
            }
            for (; i < end; ++i)
                ts[i].exempt = true;
        }

    // Sentences with a substance-use word (outside exempt names). Words inside a
    // hyphenated word count ("drug-free", "alcohol-related").
    auto& context = sc.context;
    context.assign(ts.back().sentence + 1, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (ts[i].exempt || context[ts[i].sentence] || !(starts[i] & starts_context))
            continue;
        ct.ctx_words.matches(ts, i, true, seen, [&](const phrase&, std::size_t end) {
            for (auto t = i; t < end; ++t)
                if (ts[t].exempt)
                    return;
            context[ts[i].sentence] = true;
        });
    }

    // First-person phrases: last_fp[i] is the last token of the nearest phrase
    // ending before token i.
    auto& last_fp = sc.last_fp;
    last_fp.assign(n + 1, npos);
    {
        auto& ends_fp = sc.ends_fp;
        ends_fp.assign(n, false);
        if (!ct.fp.empty())
            for (std::size_t i = 0; i < n; ++i) {
                if (!(starts[i] & starts_first_person))
                    continue;
                const auto end = longest(ct.fp, ts, i, false, seen);
                if (end != npos)
                    ends_fp[end - 1] = true;
            }
        for (std::size_t i = 1; i <= n; ++i)
            last_fp[i] = ends_fp[i - 1] ? i - 1 : last_fp[i - 1];
    }
    auto first_person = [&](std::size_t i) {
        const auto e = last_fp[i];
        return e != npos && ts[e].sentence == ts[i].sentence && ts[i].word > ts[e].word &&
               ts[i].word - ts[e].word - 1 <= first_person_window;
    };

    // Words that cancel a term when they follow it, by term index.
    auto cancelled = [&](std::size_t term, std::size_t end) {
        if (!ct.has_cancel[term] || end >= n || !ts[end].adjacent)
            return false;
        return longest(ct.cancel[term], ts, end, true, seen) != npos;
    };
    const phrase_set& forms = ct.forms;

    struct candidate {
        std::size_t end, bytes, term, order;
    };
    std::vector<candidate> cands;
    for (std::size_t i = 0; i < n;) {
        if (ts[i].exempt || !(starts[i] & starts_form)) {
            ++i;
            continue;
        }
        cands.clear();
        std::size_t order = 0;
        forms.matches(ts, i, true, seen, [&](const phrase& p, std::size_t end) {
            cands.push_back({end, ts[end - 1].end - ts[i].begin, p.owner, order++});
        });
        if (cands.empty()) {
            ++i;
            continue;
        }
        // Longest first ("substance abuser" over "abuser"), then table order.
        std::sort(cands.begin(), cands.end(), [](const candidate& a, const candidate& b) {
            if (a.end != b.end)
                return a.end > b.end;
            if (a.bytes != b.bytes)
                return a.bytes > b.bytes;
            if (a.term != b.term)
                return a.term < b.term;
            return a.order < b.order;
        });
        std::size_t next = i + 1;
        for (const auto& c : cands) {
            const auto& term = table.terms[c.term];
            bool in_name = false, in_quotes = false;
            for (auto t = i; t < c.end; ++t) {
                in_name = in_name || ts[t].exempt;
                in_quotes = in_quotes || ts[t].quoted;
            }
            if (in_name)
                continue;
            // Ambiguous words flag only as whole hyphenated words: "drop-in", "user-friendly".
            if (term.cls == term_class::context && (ts[i].joined || (c.end < n && ts[c.end].joined)))
                continue;
            if (in_quotes || first_person(i)) {
                next = c.end; // the whole phrase is exempt, not just its longest form
                break;
            }
            if (term.cls == term_class::context && !context[ts[i].sentence])
                continue;
            if (cancelled(c.term, c.end))
                continue;
            next = c.end;
            if (found++ >= max_matches) // counted, not kept
                break;
            term_match m;
            m.line = ts[i].line;
            m.column = ts[i].column;
            m.offset = ts[i].begin;
            m.length = c.bytes;
            m.matched = std::string(text.substr(m.offset, m.length));
            m.term = &term;
            out.push_back(std::move(m));
            break;
        }
        i = next;
    }
    if (total)
        *total = found;
    return out;
}

} // namespace detail::lang

std::vector<term_match> scan_language(std::string_view text, const language_table& table) {
    return detail::lang::scan(text, table);
}

std::vector<term_match> scan_language(std::string_view text, const language_table& table, std::size_t max_matches,
                                      std::size_t& total) {
    return detail::lang::scan(text, table, max_matches, &total);
}

} // namespace rco
