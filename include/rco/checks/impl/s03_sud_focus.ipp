#pragma once

#include "rco/checks/s03_sud_focus.hpp"
#include "rco/checks/support.hpp"

#include "rco/word_index.hpp"

namespace rco::detail {

/// The words of texts for the mission scan (see mission_words), back to back in one buffer.
class word_list {
  public:
    void reserve(std::size_t bytes) { buf_.reserve(bytes); }
    std::size_t size() const noexcept { return spans_.size(); }
    std::string_view operator[](std::size_t i) const noexcept {
        return std::string_view(buf_.data() + spans_[i].first, spans_[i].second);
    }
    /// Ends the current word (dropping apostrophes and hyphens at its edges), if any.
    void flush() {
        // (Not find_first_not_of: libstdc++ calls memchr on the set for every character.)
        const auto edge = [](char c) { return c == '\'' || c == '-'; };
        std::size_t first = start_, last = buf_.size();
        while (first < last && edge(buf_[first]))
            ++first;
        while (last > first && edge(buf_[last - 1]))
            --last;
        if (first < last)
            spans_.emplace_back(first, last - first);
        start_ = buf_.size();
    }
    void add(char c) { buf_ += c; }
    /// A word no phrase matches across (between the mission and the vision).
    void barrier() { spans_.emplace_back(buf_.size(), 0); }

  private:
    std::string buf_;
    std::size_t start_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> spans_; ///< offset and length in buf_
};

/// S3.1's vocabulary terms split into words, once per catalog (vocabulary::words), and
/// indexed by their first words.
struct vocabulary_words {
    struct terms {
        std::vector<word_list> words; ///< by term
        basic_word_index<std::vector<std::size_t>> by_first_word;
    };
    terms recovery, substance;
};
} // namespace rco::detail

namespace rco::checks {
using namespace rco::detail;

namespace {

/// The words of a text for the mission scan, lower-cased: runs of letters, digits,
/// apostrophes and hyphens (typographic apostrophes and hyphens count as such; other
/// punctuation, spaces and dashes separate words). Apostrophes and hyphens at a word's
/// edges are dropped, so 'recovery' in quotation marks is the word recovery. The capitals
/// of Latin-1 are lower-cased too and its punctuation separates words, so that
/// «RECUPERACIÓN» and ¿recuperación? are the word recuperación.
void mission_words(std::string_view text, word_list& words) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c == 0xC2 && next >= 0xA0 && next <= 0xBF) {
            // U+00A0–U+00BF: a no-break space, ¡ ¿ « » and the other signs of Latin-1
            // (ª and º, ordinal letters, are part of a word).
            if (next == 0xAA || next == 0xBA) {
                words.add(static_cast<char>(c));
                words.add(static_cast<char>(next));
            } else {
                words.flush();
            }
            i += 2;
            continue;
        }
        if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) { // À–Þ but ×: their lower case
            words.add(static_cast<char>(c));
            words.add(static_cast<char>(next + 0x20));
            i += 2;
            continue;
        }
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '-')
                words.add(static_cast<char>(c));
            else if (c >= 'A' && c <= 'Z')
                words.add(static_cast<char>(c - 'A' + 'a'));
            else
                words.flush();
            ++i;
        } else if (c == 0xE2 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
            // General punctuation (U+2000–U+207F): ‘ ’ are apostrophes, ‐ ‑ hyphens, the rest separate.
            const auto d = static_cast<unsigned char>(text[i + 1]), e = static_cast<unsigned char>(text[i + 2]);
            if (d == 0x80 && (e == 0x98 || e == 0x99))
                words.add('\'');
            else if (d == 0x80 && (e == 0x90 || e == 0x91))
                words.add('-');
            else
                words.flush();
            i += 3;
        } else {
            words.add(static_cast<char>(c)); // other non-ASCII text: part of a word
            ++i;
        }
    }
    words.flush();
}

vocabulary_words::terms split_terms(const std::vector<std::string>& terms) {
    vocabulary_words::terms out;
    out.words.resize(terms.size());
    for (std::size_t k = 0; k < terms.size(); ++k) {
        mission_words(terms[k], out.words[k]);
        if (out.words[k].size() > 0)
            out.by_first_word[std::string(out.words[k][0])].push_back(k);
    }
    return out;
}

/// The vocabulary terms whose words occur as a run of consecutive words of `words`, in
/// vocabulary order, each once.
std::vector<std::string> terms_found(const word_list& words, const std::vector<std::string>& terms,
                                     const vocabulary_words::terms& split) {
    std::vector<bool> hit(terms.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto* starting = split.by_first_word.find(words[i]);
        if (!starting)
            continue;
        for (const auto k : *starting) {
            const auto& t = split.words[k];
            if (hit[k] || i + t.size() > words.size())
                continue;
            std::size_t w = 1;
            while (w < t.size() && words[i + w] == t[w])
                ++w;
            hit[k] = w == t.size();
        }
    }
    std::vector<std::string> found;
    for (std::size_t k = 0; k < terms.size(); ++k)
        if (hit[k] && !contains(found, terms[k]))
            found.push_back(terms[k]);
    return found;
}

inline constexpr rco::message_def quoted_term{"S3.1.term", "\"{term}\""};
inline constexpr rco::message_def recovery_terms{"S3.1.recovery_terms", "a recovery term ({terms})",
                                                 "recovery terms ({terms})", "count"};
inline constexpr rco::message_def substance_terms{"S3.1.substance_terms", "a substance-use term ({terms})",
                                                  "substance-use terms ({terms})", "count"};

/// `a recovery term ("recovery")` / `recovery terms ("recovery" and "in recovery")`.
message terms_phrase(const message_def& kind, const std::vector<std::string>& terms) {
    std::vector<message> quoted;
    for (const auto& t : terms)
        quoted.push_back(msg(quoted_term, arg("term", t)));
    return msg(kind, arg("count", terms.size()), arg("terms", std::move(quoted)));
}

inline constexpr rco::message_def focus_not_recorded{
    "S3.1.not_recorded", "Neither the mission nor the vision is recorded (organization.mission, organization.vision)."};
inline constexpr rco::message_def focus_mission_and_vision{"S3.1.mission_and_vision_use", "The mission and vision use"};
inline constexpr rco::message_def focus_mission{"S3.1.mission_uses", "The mission uses"};
inline constexpr rco::message_def focus_vision{"S3.1.vision_uses", "The vision uses"};
inline constexpr rco::message_def focus_both{"S3.1.both_kinds", "{subject} {recovery} and {substance}."};
inline constexpr rco::message_def focus_ask{
    "S3.1.ask", "Does the mission state a primary focus on recovery from substance use disorders? {subject} {found} "
                "from the tool's list, so a person should read the text and decide."};
inline constexpr rco::message_def focus_recovery_only{"S3.1.recovery_only", "{recovery} but no substance-use term"};
inline constexpr rco::message_def focus_substance_only{"S3.1.substance_only", "{substance} but no recovery term"};
inline constexpr rco::message_def focus_neither{"S3.1.neither", "neither a recovery term nor a substance-use term"};

inline constexpr rco::message_def effort_no_services{
    "S3.2.no_services", "No services are recorded (services), so the share of program effort that goes to recovery "
                        "from substance use disorders cannot be computed."};
inline constexpr rco::message_def effort_empty{
    "S3.2.empty", "The services list is empty: none of the organization's program effort is recorded as going to "
                  "recovery from substance use disorders."};
inline constexpr rco::message_def effort_one_referral{
    "S3.2.one_referral_only", "The one recorded service is referral only, so none of the organization's program "
                              "effort goes to recovery from substance use disorders."};
inline constexpr rco::message_def effort_all_referral{
    "S3.2.all_referral_only", "All {count} recorded services are referral only, so none of the organization's "
                              "program effort goes to recovery from substance use disorders."};
inline constexpr rco::message_def effort_delivered{"S3.2.delivered", "the {count} service the organization delivers",
                                                   "the {count} services the organization delivers", "count"};
inline constexpr rco::message_def effort_percent{"S3.2.percent", "{percent}"};
inline constexpr rco::message_def effort_just_over{"S3.2.just_over", "just over {percent}"};
inline constexpr rco::message_def effort_by_expense{
    "S3.2.by_expense", "Effort is measured by annual expense: {spent_cents} of the {total_cents} spent on {delivered} "
                       "({percent}%) goes to services for recovery from substance use disorders; more than {required}% "
                       "is required."};
inline constexpr rco::message_def effort_by_count_zero{
    "S3.2.by_count_zero_expense",
    "Effort is measured by number of services, because the recorded annual expenses add up to $0: {count} of "
    "{delivered} ({percent}%) serves recovery from substance use disorders; more than {required}% is required.",
    "Effort is measured by number of services, because the recorded annual expenses add up to $0: {count} of "
    "{delivered} ({percent}%) serve recovery from substance use disorders; more than {required}% is required.",
    "count"};
inline constexpr rco::message_def effort_by_count{
    "S3.2.by_count",
    "Effort is measured by number of services, because not every service has an annual expense: {count} of "
    "{delivered} ({percent}%) serves recovery from substance use disorders; more than {required}% is required.",
    "Effort is measured by number of services, because not every service has an annual expense: {count} of "
    "{delivered} ({percent}%) serve recovery from substance use disorders; more than {required}% is required.",
    "count"};
inline constexpr rco::message_def effort_referrals{"S3.2.referrals_not_counted",
                                                   "{count} referral-only service is not counted.",
                                                   "{count} referral-only services are not counted.", "count"};
inline constexpr rco::message_def effort_uncategorized{
    "S3.2.uncategorized",
    "{count} service has no category and counts as not serving recovery from substance use disorders.",
    "{count} services have no category and count as not serving recovery from substance use disorders.", "count"};

bool serves_sud_recovery(const service& s) {
    return s.category == service_category::sud_recovery;
}

} // namespace

outcome mission_recovery_focus(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    const bool has_mission = o && o->mission && !o->mission->empty();
    const bool has_vision = o && o->vision && !o->vision->empty();
    if (!has_mission && !has_vision)
        return missing(msg(focus_not_recorded), {"/organization/mission", "/organization/vision"});
    pointer_list pointers;
    word_list words;
    words.reserve((has_mission ? o->mission->size() : 0) + (has_vision ? o->vision->size() : 0));
    if (has_mission) {
        pointers.push_back("/organization/mission");
        mission_words(*o->mission, words);
    }
    if (has_vision) {
        pointers.push_back("/organization/vision");
        if (has_mission)
            words.barrier(); // a phrase never runs from the mission into the vision
        mission_words(*o->vision, words);
    }
    const auto& vocab = ctx.cat.vocabulary;
    const auto& term_words = vocab.words.get([&] {
        auto w = std::make_shared<vocabulary_words>();
        w->recovery = split_terms(vocab.mission_recovery_terms);
        w->substance = split_terms(vocab.mission_substance_terms);
        return std::shared_ptr<const vocabulary_words>(std::move(w));
    });
    const auto recovery = terms_found(words, vocab.mission_recovery_terms, term_words.recovery);
    const auto substance = terms_found(words, vocab.mission_substance_terms, term_words.substance);
    const auto& subject = has_mission && has_vision ? focus_mission_and_vision
                          : has_mission             ? focus_mission
                                                    : focus_vision;
    if (!recovery.empty() && !substance.empty())
        return pass(msg(focus_both, arg("subject", msg(subject)), arg("recovery", terms_phrase(recovery_terms, recovery)),
                        arg("substance", terms_phrase(substance_terms, substance))),
                    pointers);
    message found;
    if (!recovery.empty())
        found = msg(focus_recovery_only, arg("recovery", terms_phrase(recovery_terms, recovery)));
    else if (!substance.empty())
        found = msg(focus_substance_only, arg("substance", terms_phrase(substance_terms, substance)));
    else
        found = msg(focus_neither);
    return manual(msg(focus_ask, arg("subject", msg(subject)), arg("found", std::move(found))), pointers);
}

outcome primary_function(const check_context& ctx) {
    const auto p = ctx.integer("min_recovery_share");
    const auto& services = ctx.rec.services;
    if (!services)
        return missing(msg(effort_no_services), {"/services"});
    if (services->empty())
        return fail(msg(effort_empty), {"/services"});
    std::vector<const service*> counted;
    std::int64_t referrals = 0, uncategorized = 0;
    bool every_expense = true;
    for (const auto& s : *services) {
        if (!delivered_directly(s)) {
            ++referrals;
            continue;
        }
        counted.push_back(&s);
        every_expense = every_expense && s.annual_expense.has_value();
        if (!s.category)
            ++uncategorized;
    }
    if (counted.empty())
        return fail(services->size() == 1 ? msg(effort_one_referral)
                                          : msg(effort_all_referral, arg("count", services->size())),
                    {"/services"});
    // Sums in 128 bits and an exact share comparison (rco/arithmetic.hpp): no list of
    // amounts, however long or large, can wrap around.
    wide_int k = 0, n = 0;
    std::int64_t recovery_services = 0;
    for (const auto* s : counted) {
        if (serves_sud_recovery(*s))
            ++recovery_services;
        if (every_expense) {
            n += s->annual_expense->cents;
            if (serves_sud_recovery(*s))
                k += s->annual_expense->cents;
        }
    }
    const auto delivered = static_cast<std::int64_t>(counted.size());
    const auto delivered_services = msg(effort_delivered, arg("count", delivered));
    const bool by_expense = every_expense && n > 0;
    const wide_int spent = k, total = n;
    if (!by_expense) {
        k = recovery_services;
        n = delivered;
    }
    const bool ok = share_more_than(k, n, p, 100);
    const auto percent = percent_floor(k, n); // rounded down; "just over" when that hides the excess
    auto percent_text = ok && percent <= p ? msg(effort_just_over, arg("percent", p))
                                           : msg(effort_percent, wide_arg("percent", percent));
    message text =
        by_expense
            ? msg(effort_by_expense, wide_arg("spent_cents", spent, number_style::dollars),
                  wide_arg("total_cents", total, number_style::dollars), arg("delivered", delivered_services),
                  arg("percent", std::move(percent_text)), arg("required", p))
            : msg(every_expense ? effort_by_count_zero : effort_by_count, arg("count", recovery_services),
                  arg("delivered", delivered_services), arg("percent", std::move(percent_text)), arg("required", p));
    if (referrals > 0 || uncategorized > 0) {
        std::vector<message> all;
        all.push_back(std::move(text));
        if (referrals > 0)
            all.push_back(msg(effort_referrals, arg("count", referrals)));
        if (uncategorized > 0)
            all.push_back(msg(effort_uncategorized, arg("count", uncategorized)));
        text = sentences(std::move(all));
    }
    return pass_if(ok, std::move(text), {"/services"});
}

} // namespace rco::checks
