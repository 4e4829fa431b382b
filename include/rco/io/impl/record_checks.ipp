#pragma once

#include "rco/io/record_checks.hpp"

#include "rco/io/catalog_json.hpp"
#include "rco/io/json_record.hpp"
#include "rco/vocabularies.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <variant>

namespace rco::io {

namespace detail {

constexpr message_def did_you_mean_def{"reader.did_you_mean", "; did you mean {word}?"};

std::vector<message> did_you_mean_hint(std::string_view word, const std::vector<std::string>& words) {
    std::vector<message> out;
    if (auto best = closest_word(word, words))
        out.push_back({&did_you_mean_def, {{"word", *best}}});
    return out;
}

} // namespace detail

namespace {

constexpr message_def empty_text{"reader.empty_text",
                                 "empty text: write the value, or null (or leave the field out) when it is not known"};
constexpr message_def bad_ein{"reader.ein", "expected an EIN as NN-NNNNNNN (two digits, a hyphen, seven digits), got {value}"};
constexpr message_def evidence_with_space{"reader.evidence.space",
                                          "an evidence id has no spaces (the id of a document, e.g. doc-bylaws), got {value}"};
constexpr message_def given_twice{"reader.given_twice", "{value} is given twice in this list; give each once"};
constexpr message_def not_a_pathway_group{"reader.pathway.group",
                                          "{value} is a group, not a recovery pathway; write the pathway it belongs "
                                          "to: {pathway}. The recovery pathways are: {words}."};
constexpr message_def not_a_pathway_medication{"reader.pathway.medication",
                                               "{value} is a medication, not a recovery pathway; write the pathway it "
                                               "belongs to: {pathway}. The recovery pathways are: {words}."};
constexpr message_def not_a_pathway_harm_reduction{"reader.pathway.harm_reduction",
                                                   "{value} is a harm-reduction service, not a recovery pathway; write "
                                                   "the pathway it belongs to: {pathway}. The recovery pathways are: "
                                                   "{words}."};
constexpr message_def unknown_service_type{"reader.unknown.service_type",
                                           "unknown service type {value} (the checks do not count it){hint} The "
                                           "service types are: {words}."};
constexpr message_def unknown_pathway{"reader.unknown.recovery_pathway",
                                      "unknown recovery pathway {value} (the checks do not count it){hint} The "
                                      "recovery pathways are: {words}."};
constexpr message_def unknown_ethics_topic{"reader.unknown.ethics_topic",
                                           "unknown ethics topic {value} (the checks do not count it){hint} The ethics "
                                           "topics are: {words}."};
constexpr message_def unknown_protected_class{"reader.unknown.protected_class",
                                              "unknown protected class {value} (the checks do not count it){hint} The "
                                              "protected classes are: {words}."};
constexpr message_def full_stop{"reader.full_stop", "."};
constexpr message_def bad_language_tag{"reader.language_tag",
                                       "expected a BCP 47 language tag such as en, es or es-MX, got {value} (standard 9 "
                                       "does not scan a text whose language it cannot tell)"};
constexpr message_def state_hint{"reader.state.did_you_mean", "; did you mean {code} ({name})?"};
constexpr message_def unknown_state{"reader.unknown.state",
                                    "unknown state {value}: expected a two-letter U.S. state or territory postal code "
                                    "in capitals, e.g. MN{hint}"};
constexpr message_def bad_website{"reader.website",
                                  "expected a web address starting with http:// or https:// (e.g. https://example.org)"};

/// A JSON Pointer, built only when a warning needs it: `base`, then `/index` when there
/// is one, then `leaf` ("" or starting with '/'), then `/item` when there is one.
struct where {
    std::string_view base;
    std::size_t index = std::string_view::npos;
    std::string_view leaf{};
    std::size_t item = std::string_view::npos;
    std::string str() const {
        std::string out(base);
        if (index != std::string_view::npos)
            out += "/" + std::to_string(index);
        out += leaf;
        if (item != std::string_view::npos)
            out += "/" + std::to_string(item);
        return out;
    }
    where at(std::size_t i) const { return {base, index, leaf, i}; } ///< an element of the list here
};

class value_checker {
public:
    value_checker(const read_options& options, const value_problem_fn& emit)
        : options_(options), emit_(emit), cat_(options.vocabulary ? *options.vocabulary : builtin_catalog()),
          ethics_topics_(parameter_words("ethics_topics")), protected_classes_(parameter_words("protected_classes")) {}

    void run(const record& r) {
        if (const auto& o = r.organization) {
            not_empty(o->name, {"/organization/name"});
            ein(o->ein, {"/organization/ein"});
            evidence(o->determination_letter, {"/organization/determination_letter"});
            if (const auto& f = o->fiscal_sponsor) {
                not_empty(f->name, {"/organization/fiscal_sponsor/name"});
                ein(f->ein, {"/organization/fiscal_sponsor/ein"});
                evidence(f->agreement, {"/organization/fiscal_sponsor/agreement"});
                evidence(f->determination_letter, {"/organization/fiscal_sponsor/determination_letter"});
            }
            if (o->parent)
                not_empty(o->parent->name, {"/organization/parent/name"});
            once_each(o->autonomy, {"/organization/autonomy"});
            if (o->state)
                state(*o->state);
            language_tag(o->language, {"/organization/language"});
            if (o->website && o->website->url) {
                const auto& url = *o->website->url;
                if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
                    warn({"/organization/website/url"}, message{&bad_website, {}});
            }
        }
        if (r.board && r.board->members)
            for (std::size_t i = 0; i < r.board->members->size(); ++i) {
                const auto& m = (*r.board->members)[i];
                person_id(m.id, {"/board/members", i, "/id"});
                not_empty(m.affiliation, {"/board/members", i, "/affiliation"});
            }
        if (r.bylaws)
            evidence(r.bylaws->document, {"/bylaws/document"});
        if (r.services)
            for (std::size_t i = 0; i < r.services->size(); ++i) {
                const auto& s = (*r.services)[i];
                not_empty(s.name, {"/services", i, "/name"});
                if (s.type)
                    word(*s.type, {"/services", i, "/type"}, vocabulary::service_types);
                once_each(s.eligibility, {"/services", i, "/eligibility"});
            }
        if (r.pathways) {
            evidence(r.pathways->policy, {"/pathways/policy"});
            words(r.pathways->supported, {"/pathways/supported"}, vocabulary::recovery_pathways);
        }
        if (r.peer_workers)
            for (std::size_t i = 0; i < r.peer_workers->size(); ++i) {
                const auto& w = (*r.peer_workers)[i];
                person_id(w.id, {"/peer_workers", i, "/id"});
                not_empty(w.certification, {"/peer_workers", i, "/certification"});
            }
        if (r.volunteers && r.volunteers->roles)
            for (std::size_t i = 0; i < r.volunteers->roles->size(); ++i)
                not_empty((*r.volunteers->roles)[i], {"/volunteers/roles", i});
        if (const auto& part = r.participation) {
            if (part->events)
                for (std::size_t i = 0; i < part->events->size(); ++i)
                    not_empty((*part->events)[i].id, {"/participation/events", i, "/id"});
            if (part->decisions)
                for (std::size_t i = 0; i < part->decisions->size(); ++i)
                    if (const auto& ids = (*part->decisions)[i].input_events)
                        for (std::size_t k = 0; k < ids->size(); ++k)
                            not_empty((*ids)[k], {"/participation/decisions", i, "/input_events", k});
        }
        if (const auto& pol = r.policies) {
            rco::policies::fields(*pol, [&](const char* name, const auto& p) {
                if (p && p->document && (p->document->empty() || has_space(*p->document))) {
                    const auto at = std::string("/policies/") + name + "/document";
                    evidence(p->document, {at});
                }
            });
            if (pol->code_of_ethics) {
                once_each(pol->code_of_ethics->applies_to, {"/policies/code_of_ethics/applies_to"});
                words(pol->code_of_ethics->topics, {"/policies/code_of_ethics/topics"}, vocabulary::ethics_topics);
            }
            if (pol->grievance)
                not_empty(pol->grievance->appeal, {"/policies/grievance/appeal"});
            if (pol->nondiscrimination)
                words(pol->nondiscrimination->covers, {"/policies/nondiscrimination/covers"},
                      vocabulary::protected_classes);
        }
        if (r.documents)
            for (std::size_t i = 0; i < r.documents->size(); ++i) {
                evidence((*r.documents)[i].id, {"/documents", i, "/id"});
                not_empty((*r.documents)[i].path, {"/documents", i, "/path"});
                language_tag((*r.documents)[i].language, {"/documents", i, "/language"});
            }
    }

private:
    /// The catalog word lists a field is checked against.
    enum class vocabulary { service_types, recovery_pathways, ethics_topics, protected_classes };

    void warn(const where& at, message m, bool unknown = false) { emit_(severity::warning, at.str(), std::move(m), unknown); }
    void warn(const where& at, const message_def& def, std::string_view value) {
        warn(at, message{&def, {{"value", quoted(value)}}});
    }

    /// The default of a check's list parameter, in place (no copy).
    const std::vector<std::string>* parameter_words(std::string_view parameter) const {
        for (const auto& c : cat_.checks)
            if (const auto* p = c.find_parameter(parameter))
                return std::get_if<std::vector<std::string>>(&p->default_value);
        return nullptr;
    }

    /// The lists a vocabulary's words are in, in the order vocabularies() offers them.
    /// (Up to three lists; unused places are null. Looked up for every word of a record,
    /// so without allocating: the parameters' lists are found once, by the constructor.)
    std::array<const std::vector<std::string>*, 3> lists(vocabulary v) const {
        const auto& words = cat_.vocabulary;
        switch (v) {
        case vocabulary::service_types:
            return {&words.peer_service_types, &words.clinical_service_types, &words.other_service_types};
        case vocabulary::recovery_pathways: return {&words.recovery_pathways};
        case vocabulary::ethics_topics: return {ethics_topics_};
        case vocabulary::protected_classes: return {protected_classes_, &words.other_protected_classes};
        }
        return {};
    }

    static std::string quoted(std::string_view w) { return "\"" + std::string(w) + "\""; }
    static bool has_space(const std::string& s) { return s.find_first_of(" \t\n\r\f\v") != std::string::npos; }

    void not_empty(const opt<std::string>& value, const where& at) {
        if (value && value->empty())
            warn(at, message{&empty_text, {}});
    }

    void person_id(const opt<std::string>& id, const where& at) {
        not_empty(id, at);
        if (id && looks_like_a_name(*id))
            warn(at, name_like_id(*id, options_.show_names));
    }

    void ein(const opt<std::string>& value, const where& at) {
        if (!value || value->empty())
            return not_empty(value, at);
        const auto& e = *value;
        const bool digits = std::all_of(e.begin(), e.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        const bool shape = e.size() == 9 ? std::count(e.begin(), e.end(), '-') == 0
                                         : e.size() == 10 && e[2] == '-' && std::count(e.begin(), e.end(), '-') == 1;
        if (!digits || !shape)
            warn(at, bad_ein, e);
    }

    void evidence(const opt<std::string>& id, const where& at) {
        if (!id)
            return;
        if (id->empty())
            return not_empty(id, at);
        if (has_space(*id))
            warn(at, evidence_with_space, *id);
    }

    template <class T>
    void once_each(const opt_list<T>& items, const where& at) {
        if (!items)
            return;
        for (std::size_t i = 1; i < items->size(); ++i)
            if (std::find(items->begin(), items->begin() + static_cast<std::ptrdiff_t>(i), (*items)[i]) !=
                items->begin() + static_cast<std::ptrdiff_t>(i)) {
                std::string w;
                if constexpr (std::is_same_v<T, std::string>)
                    w = (*items)[i];
                else
                    w = std::string(to_string((*items)[i]));
                warn(at.at(i), given_twice, w);
            }
    }

    void words(const opt_list<std::string>& items, const where& at, vocabulary v) {
        if (!items)
            return;
        once_each(items, at);
        for (std::size_t i = 0; i < items->size(); ++i)
            word((*items)[i], at.at(i), v);
    }

    void word(const std::string& w, const where& at, vocabulary v) {
        const auto in = lists(v);
        for (const auto* l : in)
            if (l && std::find(l->begin(), l->end(), w) != l->end())
                return;
        if (w.empty())
            return not_empty(w, at);
        // A warning: now the whole list, for the message.
        std::vector<std::string> accepted;
        for (const auto* l : in)
            if (l)
                for (const auto& x : *l)
                    if (std::find(accepted.begin(), accepted.end(), x) == accepted.end())
                        accepted.push_back(x);
        message_arg joined{"words", accepted};
        joined.style = list_style::commas;
        static constexpr const message_def* unknown_word[] = {&unknown_service_type, &unknown_pathway,
                                                              &unknown_ethics_topic, &unknown_protected_class};
        if (v == vocabulary::recovery_pathways) {
            std::string key;
            for (char c : w)
                key += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const auto& groups = cat_.vocabulary.recovery_groups;
            if (auto g = groups.find(key); g != groups.end()) {
                const auto* def = g->second == "medication"       ? &not_a_pathway_medication
                                  : g->second == "harm_reduction" ? &not_a_pathway_harm_reduction
                                                                  : &not_a_pathway_group;
                warn(at, message{def, {{"value", quoted(w)}, {"pathway", g->second}, std::move(joined)}}, true);
                return;
            }
        }
        auto hint = detail::did_you_mean_hint(w, accepted);
        if (hint.empty())
            hint.push_back({&full_stop, {}});
        warn(at,
             message{unknown_word[static_cast<int>(v)],
                     {{"value", quoted(w)}, {"hint", std::move(hint)}, std::move(joined)}},
             true);
    }

    /// A BCP 47 language tag as the schema states it: 2-3 letters, then "-" subtags of
    /// 2-8 letters or digits ("en", "es", "es-MX", "es-419").
    void language_tag(const std::optional<std::string>& tag, const where& at) {
        if (!tag)
            return;
        const auto& s = *tag;
        auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
        std::size_t i = 0;
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
            ++i;
        bool ok = i >= 2 && i <= 3;
        while (ok && i < s.size()) {
            std::size_t j = i + 1;
            while (j < s.size() && alnum(s[j]))
                ++j;
            ok = s[i] == '-' && j - i - 1 >= 2 && j - i - 1 <= 8;
            i = j;
        }
        if (!ok)
            warn(at, bad_language_tag, s);
    }

    void state(const std::string& s) {
        const auto& states = us_states();
        for (const auto& [code, name] : states)
            if (code == s)
                return;
        std::vector<message> hint;
        for (const auto& [code, name] : states) {
            std::string a = s, b = name, c = code;
            for (auto* t : {&a, &b, &c})
                for (auto& ch : *t)
                    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (a == b || a == c)
                hint = {message{&state_hint, {{"code", std::string(code)}, {"name", std::string(name)}}}};
        }
        warn({"/organization/state"}, message{&unknown_state, {{"value", quoted(s)}, {"hint", std::move(hint)}}}, true);
    }

    const read_options& options_;
    const value_problem_fn& emit_;
    const catalog& cat_;
    const std::vector<std::string>* ethics_topics_;     ///< the ethics_topics parameter's default
    const std::vector<std::string>* protected_classes_; ///< the protected_classes parameter's default
};

} // namespace

void for_each_value_problem(const record& r, const read_options& options, const value_problem_fn& emit) {
    value_checker(options, emit).run(r);
}

} // namespace rco::io
