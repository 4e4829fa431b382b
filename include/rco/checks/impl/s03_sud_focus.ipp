#pragma once

#include "rco/checks/s03_sud_focus.hpp"
#include "rco/checks/support.hpp"

namespace rco::detail {
/// S3.1's vocabulary terms split into words, once per catalog (vocabulary::words).
struct vocabulary_words {
    std::vector<std::vector<std::string>> recovery, substance;
};
} // namespace rco::detail

namespace rco::checks {
using namespace rco::detail;

namespace {

/// The words of a text for the mission scan, lower-cased: runs of letters, digits,
/// apostrophes and hyphens (typographic apostrophes and hyphens count as such; other
/// punctuation, spaces and dashes separate words). Apostrophes and hyphens at a word's
/// edges are dropped, so 'recovery' in quotation marks is the word recovery.
std::vector<std::string> mission_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        const auto first = word.find_first_not_of("'-");
        if (first != std::string::npos)
            words.push_back(word.substr(first, word.find_last_not_of("'-") - first + 1));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '-')
                word += static_cast<char>(c);
            else if (c >= 'A' && c <= 'Z')
                word += static_cast<char>(c - 'A' + 'a');
            else
                flush();
            ++i;
        } else if (c == 0xE2 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
            // General punctuation (U+2000–U+207F): ‘ ’ are apostrophes, ‐ ‑ hyphens, the rest separate.
            const auto d = static_cast<unsigned char>(text[i + 1]), e = static_cast<unsigned char>(text[i + 2]);
            if (d == 0x80 && (e == 0x98 || e == 0x99))
                word += '\'';
            else if (d == 0x80 && (e == 0x90 || e == 0x91))
                word += '-';
            else
                flush();
            i += 3;
        } else {
            word += static_cast<char>(c); // other non-ASCII text: part of a word
            ++i;
        }
    }
    flush();
    return words;
}

/// True when the words of `term` occur as a run of consecutive words of `words`.
bool has_phrase(const std::vector<std::string>& words, const std::vector<std::string>& term) {
    if (term.empty() || term.size() > words.size())
        return false;
    for (std::size_t i = 0; i + term.size() <= words.size(); ++i)
        if (std::equal(term.begin(), term.end(), words.begin() + static_cast<std::ptrdiff_t>(i)))
            return true;
    return false;
}

/// The vocabulary terms that occur in `words`, in vocabulary order (`term_words`: each
/// term's mission_words).
std::vector<std::string> terms_found(const std::vector<std::string>& words, const std::vector<std::string>& terms,
                                     const std::vector<std::vector<std::string>>& term_words) {
    std::vector<std::string> found;
    for (std::size_t k = 0; k < terms.size(); ++k)
        if (has_phrase(words, term_words[k]) && !contains(found, terms[k]))
            found.push_back(terms[k]);
    return found;
}

/// `a recovery term ("recovery")` / `recovery terms ("recovery" and "in recovery")`.
std::string terms_phrase(std::string_view kind, const std::vector<std::string>& terms) {
    std::vector<std::string> quoted;
    for (const auto& t : terms)
        quoted.push_back(str('"', t, '"'));
    return terms.size() == 1 ? str("a ", kind, " term (", quoted[0], ")")
                             : str(kind, " terms (", join_words(quoted), ")");
}

bool serves_sud_recovery(const service& s) {
    return s.category == service_category::sud_recovery;
}

} // namespace

outcome mission_recovery_focus(const check_context& ctx) {
    const auto& o = ctx.rec.organization;
    const bool has_mission = o && o->mission && !o->mission->empty();
    const bool has_vision = o && o->vision && !o->vision->empty();
    if (!has_mission && !has_vision)
        return missing("Neither the mission nor the vision is recorded (organization.mission, organization.vision).",
                       {"/organization/mission", "/organization/vision"});
    std::vector<std::string> pointers, words;
    if (has_mission) {
        pointers.emplace_back("/organization/mission");
        words = mission_words(*o->mission);
    }
    if (has_vision) {
        pointers.emplace_back("/organization/vision");
        if (has_mission)
            words.emplace_back(); // an empty word: a phrase never runs from the mission into the vision
        const auto more = mission_words(*o->vision);
        words.insert(words.end(), more.begin(), more.end());
    }
    const auto& vocab = ctx.cat.vocabulary;
    const auto& term_words = vocab.words.get([&] {
        auto w = std::make_shared<vocabulary_words>();
        for (const auto& t : vocab.mission_recovery_terms)
            w->recovery.push_back(mission_words(t));
        for (const auto& t : vocab.mission_substance_terms)
            w->substance.push_back(mission_words(t));
        return std::shared_ptr<const vocabulary_words>(std::move(w));
    });
    const auto recovery = terms_found(words, vocab.mission_recovery_terms, term_words.recovery);
    const auto substance = terms_found(words, vocab.mission_substance_terms, term_words.substance);
    const std::string subject = has_mission && has_vision ? "The mission and vision use"
                                : has_mission             ? "The mission uses"
                                                          : "The vision uses";
    if (!recovery.empty() && !substance.empty())
        return pass(str(subject, ' ', terms_phrase("recovery", recovery), " and ",
                        terms_phrase("substance-use", substance), "."),
                    pointers);
    std::string found;
    if (!recovery.empty())
        found = str(terms_phrase("recovery", recovery), " but no substance-use term");
    else if (!substance.empty())
        found = str(terms_phrase("substance-use", substance), " but no recovery term");
    else
        found = "neither a recovery term nor a substance-use term";
    return manual(str("Does the mission state a primary focus on recovery from substance use disorders? ", subject, ' ',
                      found, " from the tool's list, so a person should read the text and decide."),
                  pointers);
}

outcome primary_function(const check_context& ctx) {
    const auto p = ctx.integer("min_recovery_share");
    const auto& services = ctx.rec.services;
    if (!services)
        return missing("No services are recorded (services), so the share of program effort that goes to recovery "
                       "from substance use disorders cannot be computed.",
                       {"/services"});
    if (services->empty())
        return fail("The services list is empty: none of the organization's program effort is recorded as going to "
                    "recovery from substance use disorders.",
                    {"/services"});
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
        return fail(str(services->size() == 1 ? std::string("The one recorded service is referral only")
                                              : str("All ", services->size(), " recorded services are referral only"),
                        ", so none of the organization's program effort goes to recovery from substance use "
                        "disorders."),
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
    const auto of_delivered = str("the ", count_of(delivered, "service", "services"), " the organization delivers");
    const bool by_expense = every_expense && n > 0;
    std::string text;
    if (by_expense) {
        text = str("Effort is measured by annual expense: ", dollars(k), " of the ", dollars(n),
                   " spent on ", of_delivered);
    } else {
        text = every_expense ? "Effort is measured by number of services, because the recorded annual expenses add "
                               "up to $0: "
                             : "Effort is measured by number of services, because not every service has an annual "
                               "expense: ";
        k = recovery_services;
        n = delivered;
        text += str(recovery_services, " of ", of_delivered);
    }
    const bool ok = share_more_than(k, n, p, 100);
    const auto percent = percent_floor(k, n); // rounded down; "just over" when that hides the excess
    text += str(" (", ok && percent <= p ? str("just over ", p) : decimal(percent), "%) ",
                by_expense ? "goes to services for"
                : k == 1   ? "serves"
                           : "serve",
                " recovery from substance use disorders; more than ", p, "% is required.");
    if (referrals > 0)
        text +=
            str(' ', count_of(referrals, "referral-only service is", "referral-only services are"), " not counted.");
    if (uncategorized > 0)
        text += str(' ', count_of(uncategorized, "service has", "services have"), " no category and ",
                    uncategorized == 1 ? "counts" : "count", " as not serving recovery from substance use disorders.");
    return ok ? pass(text, {"/services"}) : fail(text, {"/services"});
}

} // namespace rco::checks
