#pragma once

#include "rco/io/record_checks.hpp"

#include "rco/io/catalog_json.hpp"
#include "rco/io/json_record.hpp"
#include "rco/vocabularies.hpp"

#include <algorithm>

namespace rco::io {

namespace {

class value_checker {
public:
    value_checker(const read_options& options, const value_problem_fn& emit)
        : options_(options), emit_(emit), cat_(options.vocabulary ? *options.vocabulary : builtin_catalog()) {}

    void run(const record& r) {
        if (const auto& o = r.organization) {
            not_empty(o->name, "/organization/name");
            ein(o->ein, "/organization/ein");
            evidence(o->determination_letter, "/organization/determination_letter");
            if (const auto& f = o->fiscal_sponsor) {
                not_empty(f->name, "/organization/fiscal_sponsor/name");
                ein(f->ein, "/organization/fiscal_sponsor/ein");
                evidence(f->agreement, "/organization/fiscal_sponsor/agreement");
                evidence(f->determination_letter, "/organization/fiscal_sponsor/determination_letter");
            }
            if (o->parent)
                not_empty(o->parent->name, "/organization/parent/name");
            once_each(o->autonomy, "/organization/autonomy");
            if (o->state)
                state(*o->state);
            if (o->website && o->website->url) {
                const auto& url = *o->website->url;
                if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
                    warn("/organization/website/url",
                         "expected a web address starting with http:// or https:// (e.g. https://example.org)");
            }
        }
        if (r.board && r.board->members)
            for (std::size_t i = 0; i < r.board->members->size(); ++i) {
                const auto& m = (*r.board->members)[i];
                const auto p = "/board/members/" + std::to_string(i);
                person_id(m.id, p + "/id");
                not_empty(m.affiliation, p + "/affiliation");
            }
        if (r.bylaws)
            evidence(r.bylaws->document, "/bylaws/document");
        if (r.services)
            for (std::size_t i = 0; i < r.services->size(); ++i) {
                const auto& s = (*r.services)[i];
                const auto p = "/services/" + std::to_string(i);
                not_empty(s.name, p + "/name");
                if (s.type)
                    word(*s.type, p + "/type", "service_types", "service type");
                once_each(s.eligibility, p + "/eligibility");
            }
        if (r.pathways) {
            evidence(r.pathways->policy, "/pathways/policy");
            words(r.pathways->supported, "/pathways/supported", "recovery_pathways", "recovery pathway");
        }
        if (r.peer_workers)
            for (std::size_t i = 0; i < r.peer_workers->size(); ++i) {
                const auto& w = (*r.peer_workers)[i];
                const auto p = "/peer_workers/" + std::to_string(i);
                person_id(w.id, p + "/id");
                not_empty(w.certification, p + "/certification");
            }
        if (r.volunteers && r.volunteers->roles)
            for (std::size_t i = 0; i < r.volunteers->roles->size(); ++i)
                not_empty((*r.volunteers->roles)[i], "/volunteers/roles/" + std::to_string(i));
        if (const auto& part = r.participation) {
            if (part->events)
                for (std::size_t i = 0; i < part->events->size(); ++i)
                    not_empty((*part->events)[i].id, "/participation/events/" + std::to_string(i) + "/id");
            if (part->decisions)
                for (std::size_t i = 0; i < part->decisions->size(); ++i)
                    if (const auto& ids = (*part->decisions)[i].input_events)
                        for (std::size_t k = 0; k < ids->size(); ++k)
                            not_empty((*ids)[k], "/participation/decisions/" + std::to_string(i) + "/input_events/" +
                                                     std::to_string(k));
        }
        if (const auto& pol = r.policies) {
            rco::policies::fields(*pol, [&](const char* name, const auto& p) {
                if (p)
                    evidence(p->document, std::string("/policies/") + name + "/document");
            });
            if (pol->code_of_ethics) {
                once_each(pol->code_of_ethics->applies_to, "/policies/code_of_ethics/applies_to");
                words(pol->code_of_ethics->topics, "/policies/code_of_ethics/topics", "ethics_topics",
                      "ethics topic");
            }
            if (pol->grievance)
                not_empty(pol->grievance->appeal, "/policies/grievance/appeal");
            if (pol->nondiscrimination)
                words(pol->nondiscrimination->covers, "/policies/nondiscrimination/covers", "protected_classes",
                      "protected class");
        }
        if (r.documents)
            for (std::size_t i = 0; i < r.documents->size(); ++i) {
                evidence((*r.documents)[i].id, "/documents/" + std::to_string(i) + "/id");
                not_empty((*r.documents)[i].path, "/documents/" + std::to_string(i) + "/path");
            }
    }

private:
    void warn(const std::string& pointer, std::string message, bool unknown = false) {
        emit_(severity::warning, pointer, std::move(message), unknown);
    }

    const word_list& list(std::string_view name) {
        if (lists_.empty())
            lists_ = vocabularies(cat_);
        for (const auto& l : lists_)
            if (l.name == name)
                return l;
        throw std::logic_error("no vocabulary " + std::string(name));
    }

    static std::string quoted(std::string_view w) { return "\"" + std::string(w) + "\""; }

    static std::string joined(const std::vector<std::string>& words) {
        std::string out;
        for (const auto& w : words)
            out += (out.empty() ? "" : ", ") + w;
        return out;
    }

    void not_empty(const opt<std::string>& value, const std::string& pointer) {
        if (value && value->empty())
            warn(pointer, "empty text: write the value, or null (or leave the field out) when it is not known");
    }

    void person_id(const opt<std::string>& id, const std::string& pointer) {
        not_empty(id, pointer);
        if (id && looks_like_a_name(*id))
            warn(pointer, name_like_id_message(*id, options_.show_names));
    }

    void ein(const opt<std::string>& value, const std::string& pointer) {
        if (!value || value->empty())
            return not_empty(value, pointer);
        const auto& e = *value;
        const bool digits = std::all_of(e.begin(), e.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        const bool shape = e.size() == 9 ? std::count(e.begin(), e.end(), '-') == 0
                                         : e.size() == 10 && e[2] == '-' && std::count(e.begin(), e.end(), '-') == 1;
        if (!digits || !shape)
            warn(pointer, "expected an EIN as NN-NNNNNNN (two digits, a hyphen, seven digits), got " + quoted(e));
    }

    void evidence(const opt<std::string>& id, const std::string& pointer) {
        if (!id)
            return;
        if (id->empty())
            return not_empty(id, pointer);
        if (id->find_first_of(" \t\n\r\f\v") != std::string::npos)
            warn(pointer, "an evidence id has no spaces (the id of a document, e.g. doc-bylaws), got " + quoted(*id));
    }

    template <class T>
    void once_each(const opt_list<T>& items, const std::string& pointer) {
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
                warn(pointer + "/" + std::to_string(i), quoted(w) + " is given twice in this list; give each once");
            }
    }

    void words(const opt_list<std::string>& items, const std::string& pointer, std::string_view vocabulary,
               std::string_view what) {
        if (!items)
            return;
        once_each(items, pointer);
        for (std::size_t i = 0; i < items->size(); ++i)
            word((*items)[i], pointer + "/" + std::to_string(i), vocabulary, what);
    }

    void word(const std::string& w, const std::string& pointer, std::string_view vocabulary, std::string_view what) {
        const auto& l = list(vocabulary);
        if (std::find(l.words.begin(), l.words.end(), w) != l.words.end())
            return;
        if (w.empty())
            return not_empty(w, pointer);
        std::string message;
        if (vocabulary == "recovery_pathways") {
            std::string key;
            for (char c : w)
                key += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const auto& groups = cat_.vocabulary.recovery_groups;
            if (auto g = groups.find(key); g != groups.end()) {
                const char* kind = g->second == "medication"       ? "a medication"
                                   : g->second == "harm_reduction" ? "a harm-reduction service"
                                                                   : "a group";
                warn(pointer,
                     quoted(w) + " is " + kind + ", not a recovery pathway; write the pathway it belongs to: " +
                         g->second + ". The recovery pathways are: " + joined(l.words) + ".",
                     true);
                return;
            }
        }
        const auto hint = did_you_mean(w, l.words);
        message = "unknown " + std::string(what) + " " + quoted(w) + " (the checks do not count it)" +
                  (hint.empty() ? "." : hint) + " The " + std::string(what) + (what.back() == 's' ? "es" : "s") +
                  " are: " + joined(l.words) + ".";
        warn(pointer, std::move(message), true);
    }

    void state(const std::string& s) {
        const auto& states = us_states();
        for (const auto& [code, name] : states)
            if (code == s)
                return;
        std::string hint;
        for (const auto& [code, name] : states) {
            std::string a = s, b = name, c = code;
            for (auto* t : {&a, &b, &c})
                for (auto& ch : *t)
                    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (a == b || a == c)
                hint = "; did you mean " + code + " (" + name + ")?";
        }
        warn("/organization/state",
             "unknown state " + quoted(s) + ": expected a two-letter U.S. state or territory postal code in capitals, "
             "e.g. MN" + hint,
             true);
    }

    const read_options& options_;
    const value_problem_fn& emit_;
    const catalog& cat_;
    std::vector<word_list> lists_;
};

} // namespace

void for_each_value_problem(const record& r, const read_options& options, const value_problem_fn& emit) {
    value_checker(options, emit).run(r);
}

} // namespace rco::io
