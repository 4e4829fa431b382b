#pragma once

#include "rco/vocabularies.hpp"

#include <algorithm>
#include <variant>

namespace rco {

namespace {

template <class E>
word_list enum_list(std::string name, std::string description, std::vector<std::string> fields) {
    return {std::move(name), std::move(description), std::move(fields), enum_words<E>(), true};
}

/// The default of a catalog check's list parameter (e.g. ethics_topics), wherever it is.
std::vector<std::string> parameter_default(const catalog& cat, std::string_view parameter) {
    for (const auto& c : cat.checks)
        if (const auto* p = c.find_parameter(parameter))
            if (const auto* words = std::get_if<std::vector<std::string>>(&p->default_value))
                return *words;
    return {};
}

} // namespace

std::vector<word_list> vocabularies(const catalog& cat) {
    std::vector<word_list> out;
    out.push_back(enum_list<legal_status>("legal_status", "The organization's (or its fiscal sponsor's) legal form",
                                          {"/organization/legal_status",
                                           "/organization/fiscal_sponsor/legal_status"}));
    out.push_back(enum_list<parent_type>("parent_type", "What kind of organization a parent organization is",
                                         {"/organization/parent/type"}));
    out.push_back(enum_list<autonomy_area>("autonomy_areas", "Areas the organization decides on its own",
                                           {"/organization/autonomy/*"}));
    out.push_back(enum_list<filing_form>("filing_forms", "IRS Form 990 variants", {"/filings/*/form"}));
    out.push_back(enum_list<seat_state>("seat_states", "Whether a board seat is filled", {"/board/members/*/seat"}));
    out.push_back(enum_list<officer_role>("officer_roles", "A board member's office", {"/board/members/*/officer"}));
    out.push_back(enum_list<recovery_identity>("recovery_identities",
                                               "How a board member self-identifies (never a name)",
                                               {"/board/members/*/recovery_identity"}));
    out.push_back(enum_list<service_category>("service_categories", "What a service is about",
                                              {"/services/*/category"}));
    out.push_back(enum_list<delivery>("delivered_by", "Who delivers a service", {"/services/*/delivered_by"}));
    out.push_back(enum_list<eligibility>("eligibility", "Conditions a service sets on who may use it",
                                         {"/services/*/eligibility/*"}));
    out.push_back(enum_list<event_type>("event_types", "Kinds of community input events",
                                        {"/participation/events/*/type"}));
    out.push_back(enum_list<ethics_scope>("ethics_scopes", "Whom the code of ethics applies to",
                                          {"/policies/code_of_ethics/applies_to/*"}));
    out.push_back(enum_list<audience>("audiences", "Who a document is for", {"/documents/*/audience"}));

    std::vector<std::string> codes;
    for (const auto& [code, name] : us_states())
        codes.push_back(code);
    out.push_back({"us_states", "Two-letter U.S. state and territory postal codes", {"/organization/state"},
                   std::move(codes), false});

    const auto& v = cat.vocabulary;
    std::vector<std::string> service_types = v.peer_service_types;
    service_types.insert(service_types.end(), v.clinical_service_types.begin(), v.clinical_service_types.end());
    service_types.insert(service_types.end(), v.other_service_types.begin(), v.other_service_types.end());
    out.push_back({"service_types",
                   "Service types the checks recognize: peer recovery support services, clinical services, then "
                   "other services (neither)",
                   {"/services/*/type"}, std::move(service_types), false});
    out.push_back({"peer_service_types", "Nonclinical peer recovery support services (standard 6)",
                   {"/services/*/type"}, v.peer_service_types, false});
    out.push_back({"clinical_service_types", "Clinical services, which an RCO does not provide itself (standard 6)",
                   {"/services/*/type"}, v.clinical_service_types, false});
    out.push_back({"recovery_pathways", "Recovery pathways an organization supports or refers to (standard 7)",
                   {"/pathways/supported/*"}, v.recovery_pathways, false});
    out.push_back({"ethics_topics", "Topics a code of ethics is expected to cover (standard 10)",
                   {"/policies/code_of_ethics/topics/*"}, parameter_default(cat, "ethics_topics"), false});
    auto classes = parameter_default(cat, "protected_classes");
    for (const auto& c : v.other_protected_classes)
        if (std::find(classes.begin(), classes.end(), c) == classes.end())
            classes.push_back(c);
    out.push_back({"protected_classes",
                   "Classes a nondiscrimination policy may cover: those standard 8 expects, then others",
                   {"/policies/nondiscrimination/covers/*"}, std::move(classes), false});
    return out;
}

const std::vector<std::pair<std::string, std::string>>& us_states() {
    static const std::vector<std::pair<std::string, std::string>> states = {
        {"AK", "Alaska"},         {"AL", "Alabama"},        {"AR", "Arkansas"},
        {"AS", "American Samoa"}, {"AZ", "Arizona"},        {"CA", "California"},
        {"CO", "Colorado"},       {"CT", "Connecticut"},    {"DC", "District of Columbia"},
        {"DE", "Delaware"},       {"FL", "Florida"},        {"GA", "Georgia"},
        {"GU", "Guam"},           {"HI", "Hawaii"},         {"IA", "Iowa"},
        {"ID", "Idaho"},          {"IL", "Illinois"},       {"IN", "Indiana"},
        {"KS", "Kansas"},         {"KY", "Kentucky"},       {"LA", "Louisiana"},
        {"MA", "Massachusetts"},  {"MD", "Maryland"},       {"ME", "Maine"},
        {"MI", "Michigan"},       {"MN", "Minnesota"},      {"MO", "Missouri"},
        {"MP", "Northern Mariana Islands"}, {"MS", "Mississippi"}, {"MT", "Montana"},
        {"NC", "North Carolina"}, {"ND", "North Dakota"},   {"NE", "Nebraska"},
        {"NH", "New Hampshire"},  {"NJ", "New Jersey"},     {"NM", "New Mexico"},
        {"NV", "Nevada"},         {"NY", "New York"},       {"OH", "Ohio"},
        {"OK", "Oklahoma"},       {"OR", "Oregon"},         {"PA", "Pennsylvania"},
        {"PR", "Puerto Rico"},    {"RI", "Rhode Island"},   {"SC", "South Carolina"},
        {"SD", "South Dakota"},   {"TN", "Tennessee"},      {"TX", "Texas"},
        {"UT", "Utah"},           {"VA", "Virginia"},       {"VI", "U.S. Virgin Islands"},
        {"VT", "Vermont"},        {"WA", "Washington"},     {"WI", "Wisconsin"},
        {"WV", "West Virginia"},  {"WY", "Wyoming"}};
    return states;
}

namespace {

/// Lower case, with spaces and hyphens as underscores: how words are compared.
std::string fold_word(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    for (char c : w)
        out += c == ' ' || c == '-' ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

/// Damerau-Levenshtein distance (optimal string alignment), stopping early past `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit)
        return limit + 1;
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        std::size_t best = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            best = std::min(best, cur[j]);
        }
        if (best > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string>& words) {
    if (word.empty() || word.size() > 200)
        return std::nullopt;
    const auto w = fold_word(word);
    for (const auto& candidate : words)
        if (fold_word(candidate) == w)
            return candidate;
    if (w.size() >= 4)
        for (const auto& candidate : words) {
            const auto c = fold_word(candidate);
            if (c.size() >= 4 && (c.find(w) != std::string::npos || w.find(c) != std::string::npos))
                return candidate;
        }
    const std::size_t limit = std::max<std::size_t>(1, w.size() / 4);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : words) {
        const auto d = edit_distance(w, fold_word(candidate), limit);
        if (d < best_distance && d < w.size()) {
            best_distance = d;
            best = candidate;
        }
    }
    if (best)
        return best;
    // A word cut short or with another ending ("boundary" for "boundaries"): the longest
    // common prefix, when it is most of the shorter word.
    std::size_t best_prefix = 0;
    for (const auto& candidate : words) {
        const auto c = fold_word(candidate);
        std::size_t n = 0;
        while (n < c.size() && n < w.size() && c[n] == w[n])
            ++n;
        if (n >= 4 && n * 5 >= std::min(c.size(), w.size()) * 3 && n > best_prefix) {
            best_prefix = n;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& words) {
    const auto best = closest_word(word, words);
    return best ? "; did you mean " + *best + "?" : std::string();
}

std::optional<word_list> find_vocabulary(const catalog& cat, std::string_view name) {
    for (auto& w : vocabularies(cat))
        if (w.name == name)
            return std::move(w);
    return std::nullopt;
}

} // namespace rco
