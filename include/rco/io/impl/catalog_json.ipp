#pragma once

#include "rco/io/catalog_json.hpp"
#include "rco/io/digest.hpp"
#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/limits.hpp"

#include <boost/json.hpp>

#include <mutex>
#include <set>
#include <span>
#include <stdexcept>

namespace rco::detail {
std::span<const std::pair<std::string_view, std::string_view>> embedded_files() noexcept;
std::string_view embedded_catalog_sha256() noexcept; ///< computed at build time (cmake/embed.cmake)
}

namespace rco::io {

namespace json = boost::json;

namespace detail {

// The catalog, tailoring and review readers' messages (the shared ones first).
constexpr message_def rules_missing{"reader.rules.missing", "missing \"{key}\""};
constexpr message_def rules_expected_string{"reader.rules.expected_string", "expected a string"};
constexpr message_def rules_expected_strings{"reader.rules.expected_strings", "expected a list of strings"};
constexpr message_def rules_expected_whole{"reader.rules.expected_whole", "expected a whole number"};
constexpr message_def rules_expected_object{"reader.rules.expected_object", "expected an object"};
constexpr message_def rules_expected_list{"reader.rules.expected_list", "expected a list"};
constexpr message_def rules_expected_type{"reader.rules.expected_type", "expected a value of type {type}"};
constexpr message_def rules_expected_json_object{"reader.rules.expected_json_object", "expected a JSON object"};
constexpr message_def rules_expected_format_object{"reader.rules.expected_format_object",
                                                   "expected a JSON object with \"format\": \"{format}\""};
constexpr message_def rules_wrong_format{"reader.rules.wrong_format", "expected \"{expected}\", got \"{value}\""};
constexpr message_def rules_level{"reader.rules.level", "expected \"required\" or \"recommended\""};
constexpr message_def rules_unknown_check{"reader.rules.unknown_check", "unknown check \"{id}\""};
constexpr message_def rules_unknown_check_listed{"reader.rules.unknown_check_listed",
                                                "unknown check \"{id}\" ('rco-audit rules' lists them)"};
constexpr message_def rules_unknown_field{"reader.rules.unknown_field", "unknown field \"{key}\" (expected {fields})"};
constexpr message_def catalog_parameter_type{"reader.catalog.parameter_type",
                                             "expected integer, boolean, enum or string_list"};
constexpr message_def catalog_parameter_source{"reader.catalog.parameter_source",
                                               "expected \"S\" (sourced) or \"P\" (proposal)"};
constexpr message_def catalog_standard_number{"reader.catalog.standard_number",
                                              "standards must be numbered 1, 2, … in order"};
constexpr message_def catalog_weight{"reader.catalog.weight", "expected a weight from 1 to 3"};
constexpr message_def catalog_check_standard{"reader.catalog.check_standard",
                                             "check id \"{id}\" does not belong to standard {number}"};
constexpr message_def catalog_duplicate_check{"reader.catalog.duplicate_check", "duplicate check id or slug \"{id}\""};
constexpr message_def catalog_unknown_source{"reader.catalog.unknown_source",
                                             "unknown source \"{key}\" (not in the top-level sources)"};
constexpr message_def catalog_unknown_standards_source{"reader.catalog.unknown_standards_source",
                                                       "unknown source \"{key}\" (not in standards.json sources)"};
constexpr message_def catalog_no_parameter{"reader.catalog.no_parameter", "check {check} has no parameter \"{name}\""};
constexpr message_def catalog_duplicate_profile{"reader.catalog.duplicate_profile", "duplicate profile \"{name}\""};
constexpr message_def catalog_no_national{"reader.catalog.no_national",
                                          "the catalog must define the default profile \"national\""};
constexpr message_def catalog_term_class{"reader.catalog.term_class", "expected \"always\" or \"context\""};
constexpr message_def catalog_term_forms{"reader.catalog.term_forms", "a term needs at least one form"};
constexpr message_def catalog_accreditation_integer{"reader.catalog.accreditation_integer",
                                                    "accreditation parameters are whole numbers (\"integer\")"};
constexpr message_def catalog_missing_parameter{"reader.catalog.missing_parameter", "missing parameter \"{name}\""};
constexpr message_def catalog_band_counts{"reader.catalog.band_counts",
                                          "expected exceeds, meets or requires_improvement, got \"{value}\""};
constexpr message_def catalog_band_parameter{"reader.catalog.band_parameter", "no parameter \"{name}\" in /parameters"};
constexpr message_def catalog_last_band{"reader.catalog.last_band",
                                        "the last band is what remains: it has no \"at_least\""};
constexpr message_def catalog_no_bands{"reader.catalog.no_bands", "expected at least one band"};
constexpr message_def catalog_language_file{"reader.catalog.language_file",
                                            "a language table's file is named language-XX.json, XX the language's "
                                            "two- or three-letter code other than en (e.g. language-es.json)"};

/// Structural reading of one rules file with located errors.
class rules_reader {
public:
    rules_reader(std::string_view text, std::string file, std::vector<diagnostic>& diags)
        : text_(text), file_(std::move(file)), diags_(diags), first_(diags.size()) {}
    rules_reader(const rules_reader&) = delete;
    rules_reader& operator=(const rules_reader&) = delete;
    ~rules_reader() { finish(); }

    void error(const std::string& ptr, message m) {
        ok = false;
        if (!budget_.admit(severity::error))
            return;
        diags_.push_back(make_diagnostic(severity::error, file_, ptr, std::move(m)));
        pointers_.push_back(ptr);
    }
    void error(const std::string& ptr, const message_def& def, std::vector<message_arg> args = {}) {
        error(ptr, message{&def, std::move(args)});
    }
    /// Places the errors at their lines and columns, all in one pass over the text.
    void finish() {
        if (finished_)
            return;
        finished_ = true;
        const auto where = locate_json_pointers(text_, pointers_);
        for (std::size_t i = 0; i < where.size() && first_ + i < diags_.size(); ++i) {
            diags_[first_ + i].line = where[i].first;
            diags_[first_ + i].column = where[i].second;
        }
        budget_.finish(diags_, file_);
    }

    const json::value* member(const json::object& o, std::string_view key, const std::string& ptr, bool required) {
        auto it = o.find(key);
        if (it == o.end()) {
            if (required)
                error(ptr, rules_missing, {{"key", std::string(key)}});
            return nullptr;
        }
        return &it->value();
    }
    std::string text(const json::object& o, std::string_view key, const std::string& ptr, bool required = true) {
        const auto* v = member(o, key, ptr, required);
        if (!v)
            return {};
        if (!v->is_string()) {
            error(ptr + "/" + escape_pointer_token(key), rules_expected_string);
            return {};
        }
        return std::string(v->get_string());
    }
    std::vector<std::string> words(const json::object& o, std::string_view key, const std::string& ptr,
                                   bool required = true) {
        std::vector<std::string> out;
        const auto* v = member(o, key, ptr, required);
        if (!v)
            return out;
        if (!v->is_array()) {
            error(ptr + "/" + escape_pointer_token(key), rules_expected_strings);
            return out;
        }
        for (const auto& e : v->get_array()) {
            if (!e.is_string()) {
                error(ptr + "/" + escape_pointer_token(key), rules_expected_strings);
                return {};
            }
            out.emplace_back(e.get_string());
        }
        return out;
    }
    std::int64_t integer(const json::object& o, std::string_view key, const std::string& ptr) {
        const auto* v = member(o, key, ptr, true);
        if (!v)
            return 0;
        if (!v->is_int64()) {
            error(ptr + "/" + escape_pointer_token(key), rules_expected_whole);
            return 0;
        }
        return v->get_int64();
    }
    const json::object* object(const json::value* v, const std::string& ptr) {
        if (!v)
            return nullptr;
        if (!v->is_object()) {
            error(ptr, rules_expected_object);
            return nullptr;
        }
        return &v->get_object();
    }
    const json::array* array(const json::value* v, const std::string& ptr) {
        if (!v)
            return nullptr;
        if (!v->is_array()) {
            error(ptr, rules_expected_list);
            return nullptr;
        }
        return &v->get_array();
    }
    std::optional<parameter_value> value_of(const json::value& v, parameter_type type, const std::string& ptr) {
        switch (type) {
        case parameter_type::integer:
            if (v.is_int64())
                return v.get_int64();
            break;
        case parameter_type::boolean:
            if (v.is_bool())
                return v.get_bool();
            break;
        case parameter_type::enumeration:
            if (v.is_string())
                return std::string(v.get_string());
            break;
        case parameter_type::string_list:
            if (v.is_array()) {
                std::vector<std::string> l;
                for (const auto& e : v.get_array()) {
                    if (!e.is_string())
                        goto bad;
                    l.emplace_back(e.get_string());
                }
                return l;
            }
            break;
        }
    bad:
        error(ptr, rules_expected_type, {{"type", std::string(to_string(type))}});
        return std::nullopt;
    }
    void check_format(const json::object& root, std::string_view expected) {
        auto f = text(root, "format", "");
        if (!f.empty() && f != expected)
            error("/format", rules_wrong_format, {{"expected", std::string(expected)}, {"value", f}});
    }

    bool ok = true;

private:
    std::string_view text_;
    std::string file_;
    std::vector<diagnostic>& diags_;
    std::size_t first_;
    std::vector<std::string> pointers_;
    diagnostic_budget budget_;
    bool finished_ = false;
};

std::optional<parameter_type> parse_parameter_type(std::string_view s) {
    if (s == "integer")
        return parameter_type::integer;
    if (s == "boolean")
        return parameter_type::boolean;
    if (s == "enum")
        return parameter_type::enumeration;
    if (s == "string_list")
        return parameter_type::string_list;
    return std::nullopt;
}

/// One PARAM (a check's or the accreditation rules'): type, default, source, range.
std::optional<parameter_spec> read_parameter(rules_reader& r, const json::object& po, std::string name,
                                             const std::string& pp) {
    parameter_spec spec;
    spec.name = name;
    auto type = parse_parameter_type(r.text(po, "type", pp));
    if (!type) {
        r.error(pp + "/type", catalog_parameter_type);
        return std::nullopt;
    }
    spec.type = *type;
    spec.description = r.text(po, "description", pp);
    auto src = r.text(po, "source", pp);
    if (src != "S" && src != "P")
        r.error(pp + "/source", catalog_parameter_source);
    spec.source = src.empty() ? 'P' : src[0];
    if (spec.type == parameter_type::enumeration)
        spec.values = r.words(po, "values", pp);
    if (const auto* mn = r.member(po, "min", pp, false); mn && mn->is_int64())
        spec.min = mn->get_int64();
    if (const auto* mx = r.member(po, "max", pp, false); mx && mx->is_int64())
        spec.max = mx->get_int64();
    if (const auto* d = r.member(po, "default", pp, true))
        if (auto v = r.value_of(*d, spec.type, pp + "/default"))
            spec.default_value = *v;
    return spec;
}

void read_standards(rules_reader& r, const json::object& root, catalog& cat) {
    r.check_format(root, "rco-rules/1");
    cat.version = r.text(root, "version", "");
    if (const auto* src = r.object(r.member(root, "sources", "", true), "/sources"))
        for (const auto& kv : *src)
            cat.sources[std::string(kv.key())] = kv.value().is_string() ? std::string(kv.value().get_string()) : "";
    const auto* standards = r.array(r.member(root, "standards", "", true), "/standards");
    if (!standards)
        return;
    std::set<std::string> ids;
    for (std::size_t si = 0; si < standards->size(); ++si) {
        const std::string sp = "/standards/" + std::to_string(si);
        const auto* so = r.object(&(*standards)[si], sp);
        if (!so)
            continue;
        standard_info s;
        s.number = static_cast<int>(r.integer(*so, "number", sp));
        s.slug = r.text(*so, "slug", sp);
        s.title = r.text(*so, "title", sp);
        s.summary = r.text(*so, "summary", sp);
        s.sources = r.words(*so, "sources", sp);
        if (s.number != static_cast<int>(si) + 1)
            r.error(sp + "/number", catalog_standard_number);
        const auto* checks = r.array(r.member(*so, "checks", sp, true), sp + "/checks");
        for (std::size_t ci = 0; checks && ci < checks->size(); ++ci) {
            const std::string cp = sp + "/checks/" + std::to_string(ci);
            const auto* co = r.object(&(*checks)[ci], cp);
            if (!co)
                continue;
            check_info c;
            c.standard = s.number;
            c.id = r.text(*co, "id", cp);
            c.slug = r.text(*co, "slug", cp);
            c.title = r.text(*co, "title", cp);
            c.question = r.text(*co, "question", cp);
            c.rationale = r.text(*co, "rationale", cp);
            c.remediation = r.text(*co, "remediation", cp);
            c.evidence = r.words(*co, "evidence", cp);
            c.sources = r.words(*co, "sources", cp);
            c.weight = static_cast<int>(r.integer(*co, "weight", cp));
            if (c.weight < 1 || c.weight > 3)
                r.error(cp + "/weight", catalog_weight);
            if (auto l = parse_level(r.text(*co, "level", cp)))
                c.level = *l;
            else
                r.error(cp + "/level", rules_level);
            if (c.id.rfind("S" + std::to_string(s.number) + ".", 0) != 0)
                r.error(cp + "/id", catalog_check_standard, {{"id", c.id}, {"number", std::int64_t{s.number}}});
            if (!ids.insert(c.id).second || !ids.insert("slug:" + c.slug).second)
                r.error(cp + "/id", catalog_duplicate_check, {{"id", c.id}});
            for (const auto& key : c.sources)
                if (!cat.sources.count(key))
                    r.error(cp + "/sources", catalog_unknown_source, {{"key", key}});
            if (const auto* params = r.object(r.member(*co, "parameters", cp, true), cp + "/parameters")) {
                for (const auto& kv : *params) {
                    const std::string pp = cp + "/parameters/" + escape_pointer_token(kv.key());
                    const auto* po = r.object(&kv.value(), pp);
                    if (!po)
                        continue;
                    if (auto spec = read_parameter(r, *po, std::string(kv.key()), pp))
                        c.parameters.push_back(std::move(*spec));
                }
            }
            cat.checks.push_back(std::move(c));
        }
        cat.standards.push_back(std::move(s));
    }
}

void read_profiles(rules_reader& r, const json::object& root, catalog& cat) {
    r.check_format(root, "rco-profiles/1");
    const auto* profiles = r.array(r.member(root, "profiles", "", true), "/profiles");
    for (std::size_t i = 0; profiles && i < profiles->size(); ++i) {
        const std::string pp = "/profiles/" + std::to_string(i);
        const auto* po = r.object(&(*profiles)[i], pp);
        if (!po)
            continue;
        profile p;
        p.name = r.text(*po, "name", pp);
        p.title = r.text(*po, "title", pp);
        p.description = r.text(*po, "description", pp);
        p.sources = r.words(*po, "sources", pp, false);
        if (const auto* levels = r.object(r.member(*po, "levels", pp, false), pp + "/levels"))
            for (const auto& kv : *levels) {
                const std::string lp = pp + "/levels/" + escape_pointer_token(kv.key());
                if (!cat.find_check(kv.key()))
                    r.error(lp, rules_unknown_check, {{"id", std::string(kv.key())}});
                auto l = kv.value().is_string() ? parse_level(kv.value().get_string()) : std::nullopt;
                if (!l)
                    r.error(lp, rules_level);
                else
                    p.levels[std::string(kv.key())] = *l;
            }
        if (const auto* params = r.object(r.member(*po, "parameters", pp, false), pp + "/parameters"))
            for (const auto& kv : *params) {
                const std::string cp = pp + "/parameters/" + escape_pointer_token(kv.key());
                const auto* info = cat.find_check(kv.key());
                if (!info) {
                    r.error(cp, rules_unknown_check, {{"id", std::string(kv.key())}});
                    continue;
                }
                const auto* values = r.object(&kv.value(), cp);
                for (const auto& pv : values ? *values : json::object{}) {
                    const auto* spec = info->find_parameter(pv.key());
                    if (!spec) {
                        r.error(cp + "/" + escape_pointer_token(pv.key()), catalog_no_parameter,
                                {{"check", info->id}, {"name", std::string(pv.key())}});
                        continue;
                    }
                    if (auto v = r.value_of(pv.value(), spec->type, cp + "/" + escape_pointer_token(pv.key())))
                        p.parameters[info->id][spec->name] = *v;
                }
            }
        if (cat.find_profile(p.name))
            r.error(pp + "/name", catalog_duplicate_profile, {{"name", p.name}});
        cat.profiles.push_back(std::move(p));
    }
    if (!cat.find_profile("national"))
        r.error("/profiles", catalog_no_national);
}

void read_language(rules_reader& r, const json::object& root, catalog& cat) {
    r.check_format(root, "rco-language/1");
    auto& lang = cat.language;
    const auto* terms = r.array(r.member(root, "terms", "", true), "/terms");
    for (std::size_t i = 0; terms && i < terms->size(); ++i) {
        const std::string tp = "/terms/" + std::to_string(i);
        const auto* to = r.object(&(*terms)[i], tp);
        if (!to)
            continue;
        language_term t;
        t.id = r.text(*to, "id", tp);
        t.forms = r.words(*to, "forms", tp);
        auto cls = r.text(*to, "class", tp);
        if (cls == "always")
            t.cls = term_class::always;
        else if (cls == "context")
            t.cls = term_class::context;
        else
            r.error(tp + "/class", catalog_term_class);
        if (const auto* cs = r.member(*to, "case_sensitive", tp, false); cs && cs->is_bool())
            t.case_sensitive = cs->get_bool();
        t.alternatives = r.words(*to, "alternatives", tp);
        t.sources = r.words(*to, "sources", tp);
        t.note = r.text(*to, "note", tp, false);
        for (const auto& key : t.sources)
            if (!cat.sources.count(key))
                r.error(tp + "/sources", catalog_unknown_standards_source, {{"key", key}});
        if (t.forms.empty())
            r.error(tp + "/forms", catalog_term_forms);
        lang.terms.push_back(std::move(t));
    }
    lang.substance_context = r.words(root, "substance_context", "");
    lang.exempt_names = r.words(root, "exempt_names", "");
    lang.first_person = r.words(root, "first_person", "");
    if (const auto* nb = r.object(r.member(root, "not_before", "", false), "/not_before"))
        for (const auto& kv : *nb)
            lang.not_before[std::string(kv.key())] =
                r.words(*nb, kv.key(), "/not_before");
}

void read_vocabulary(rules_reader& r, const json::object& root, catalog& cat) {
    r.check_format(root, "rco-vocabulary/1");
    auto& v = cat.vocabulary;
    v.mission_recovery_terms = r.words(root, "mission_recovery_terms", "");
    v.mission_substance_terms = r.words(root, "mission_substance_terms", "");
    v.peer_service_types = r.words(root, "peer_service_types", "");
    v.clinical_service_types = r.words(root, "clinical_service_types", "");
    v.recovery_pathways = r.words(root, "recovery_pathways", "", false);
    v.other_service_types = r.words(root, "other_service_types", "", false);
    v.other_protected_classes = r.words(root, "other_protected_classes", "", false);
    if (const auto* labels = r.object(r.member(root, "clinical_service_labels", "", false), "/clinical_service_labels"))
        for (const auto& kv : *labels)
            if (kv.value().is_string())
                v.clinical_service_labels[std::string(kv.key())] = std::string(kv.value().get_string());
    if (const auto* groups = r.object(r.member(root, "recovery_groups", "", false), "/recovery_groups"))
        for (const auto& kv : *groups)
            if (kv.value().is_string())
                v.recovery_groups[std::string(kv.key())] = std::string(kv.value().get_string());
}

void read_accreditation(rules_reader& r, const json::object& root, catalog& cat) {
    r.check_format(root, "rco-accreditation/1");
    auto& acc = cat.accreditation;
    acc.description = r.text(root, "description", "");
    acc.sources = r.words(root, "sources", "", false);
    for (const auto& key : acc.sources)
        if (!cat.sources.count(key))
            r.error("/sources", catalog_unknown_standards_source, {{"key", key}});
    r.text(root, "finding_rule", "", false);
    if (const auto* params = r.object(r.member(root, "parameters", "", true), "/parameters"))
        for (const auto& kv : *params) {
            const std::string pp = "/parameters/" + escape_pointer_token(kv.key());
            if (const auto* po = r.object(&kv.value(), pp))
                if (auto spec = read_parameter(r, *po, std::string(kv.key()), pp)) {
                    if (spec->type != parameter_type::integer)
                        r.error(pp + "/type", catalog_accreditation_integer);
                    acc.parameters.push_back(std::move(*spec));
                }
        }
    for (const auto* name : {"improvement_mean_below_hundredths", "exceeds_mean_at_least_hundredths", "pip_due_days"})
        if (!acc.find_parameter(name))
            r.error("/parameters", catalog_missing_parameter, {{"name", std::string(name)}});
    const auto* bands = r.array(r.member(root, "bands", "", true), "/bands");
    for (std::size_t i = 0; bands && i < bands->size(); ++i) {
        const std::string bp = "/bands/" + std::to_string(i);
        const auto* bo = r.object(&(*bands)[i], bp);
        if (!bo)
            continue;
        outcome_band b;
        b.name = r.text(*bo, "name", bp);
        b.title = r.text(*bo, "title", bp);
        const bool last = i + 1 == bands->size();
        b.at_least = r.text(*bo, "at_least", bp, !last);
        for (const auto& w : r.words(*bo, "counts", bp, !last)) {
            if (auto f = parse_finding(w))
                b.counted.push_back(*f);
            else
                r.error(bp + "/counts", catalog_band_counts, {{"value", w}});
        }
        if (!b.at_least.empty() && !acc.find_parameter(b.at_least))
            r.error(bp + "/at_least", catalog_band_parameter, {{"name", b.at_least}});
        if (last && bo->contains("at_least"))
            r.error(bp + "/at_least", catalog_last_band);
        acc.bands.push_back(std::move(b));
    }
    if (bands && bands->empty())
        r.error("/bands", catalog_no_bands);
}

} // namespace detail

namespace detail {
std::optional<catalog> read_catalog(const catalog_texts& texts, std::string_view origin,
                                    std::vector<diagnostic>& diags, std::string_view known_sha256);
}

std::optional<catalog> read_catalog(const catalog_texts& texts, std::string_view origin,
                                    std::vector<diagnostic>& diags) {
    return detail::read_catalog(texts, origin, diags, {});
}

/// `known_sha256`: the digest of `texts` when already known (the built-in catalog's).
std::optional<catalog> detail::read_catalog(const catalog_texts& texts, std::string_view origin,
                                            std::vector<diagnostic>& diags, std::string_view known_sha256) {
    catalog cat;
    const std::string prefix = origin.empty() ? std::string() : std::string(origin) + "/";
    const std::string* contents[] = {&texts.standards, &texts.profiles, &texts.language, &texts.vocabulary,
                                     &texts.accreditation};
    using reader_fn = void (*)(detail::rules_reader&, const json::object&, catalog&);
    const reader_fn readers[] = {detail::read_standards, detail::read_profiles, detail::read_language,
                                 detail::read_vocabulary, detail::read_accreditation};
    bool ok = true;
    std::string digest_input;
    for (std::size_t i = 0; i < std::size(catalog_file_names); ++i) {
        const std::string file = prefix + std::string(catalog_file_names[i]);
        if (known_sha256.empty())
            digest_input += std::string(catalog_file_names[i]) + "\n" + std::to_string(contents[i]->size()) + "\n" +
                            *contents[i];
        auto doc = parse_json(*contents[i], file, diags);
        if (!doc) {
            ok = false;
            continue;
        }
        detail::rules_reader r(*contents[i], file, diags);
        if (!doc->is_object())
            r.error("", detail::rules_expected_json_object);
        else
            readers[i](r, doc->get_object(), cat);
        ok = ok && r.ok;
        if (i == 0 && !r.ok)
            return std::nullopt; // later files refer to the checks
    }
    if (!ok)
        return std::nullopt;
    for (const auto& [name, text] : texts.languages) {
        const std::string file = prefix + name;
        if (known_sha256.empty())
            digest_input += name + "\n" + std::to_string(text.size()) + "\n" + text;
        const auto tag = language_file_tag(name);
        if (tag.empty() || tag == "en") {
            diags.push_back(make_diagnostic(severity::error, file, "", {&detail::catalog_language_file, {}}));
            return std::nullopt;
        }
        auto table = read_language_table(text, file, cat, diags);
        if (!table)
            return std::nullopt;
        cat.languages.emplace(tag, std::move(*table));
    }
    cat.sha256 = known_sha256.empty() ? sha256_hex(digest_input) : std::string(known_sha256);
    return cat;
}

std::string language_file_tag(std::string_view name) {
    constexpr std::string_view head = "language-", tail = ".json";
    if (name.size() < head.size() + tail.size() + 2 || name.substr(0, head.size()) != head ||
        name.substr(name.size() - tail.size()) != tail)
        return {};
    const auto tag = name.substr(head.size(), name.size() - head.size() - tail.size());
    if (tag.size() > 3 || !std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return {};
    return std::string(tag);
}

std::optional<language_table> read_language_table(std::string_view text, std::string_view file, const catalog& cat,
                                                  std::vector<diagnostic>& diags) {
    auto doc = parse_json(text, std::string(file), diags);
    if (!doc)
        return std::nullopt;
    catalog into; // read_language fills its `language`, checking source keys against its `sources`
    into.sources = cat.sources;
    detail::rules_reader r(text, std::string(file), diags);
    if (!doc->is_object())
        r.error("", detail::rules_expected_json_object);
    else
        detail::read_language(r, doc->get_object(), into);
    r.finish();
    if (!r.ok)
        return std::nullopt;
    return std::move(into.language);
}

namespace {
std::string_view embedded(std::string_view name) {
    for (const auto& [n, bytes] : rco::detail::embedded_files())
        if (n == name)
            return bytes;
    throw std::logic_error("embedded file missing: " + std::string(name));
}
} // namespace

catalog_texts builtin_catalog_texts() {
    return {std::string(embedded("standards.json")), std::string(embedded("profiles.json")),
            std::string(embedded("language.json")), std::string(embedded("vocabulary.json")),
            std::string(embedded("accreditation.json")),
            {{"language-es.json", std::string(embedded("language-es.json"))}}};
}

const catalog& builtin_catalog() {
    // Never destroyed: results refer to it for as long as the program runs, and a
    // program's exit need not spend time freeing it (it stays reachable, so no leak).
    static const catalog& cat = *new catalog([] {
        std::vector<diagnostic> diags;
        auto c = detail::read_catalog(builtin_catalog_texts(), "built-in rules", diags,
                                      rco::detail::embedded_catalog_sha256());
        if (!c) {
            std::string why;
            for (const auto& d : diags)
                why += "\n  " + format_diagnostic(d);
            throw std::logic_error("the built-in catalog is invalid:" + why);
        }
        return std::move(*c);
    }());
    return cat;
}

std::string_view starter_record(std::string_view language) noexcept {
    const std::string wanted = "starter-record." + std::string(language) + ".json";
    for (const auto& [name, bytes] : rco::detail::embedded_files())
        if (name == wanted)
            return bytes;
    return embedded("starter-record.json"); // English, and any language without an example of its own
}

std::vector<std::string_view> starter_records() {
    std::vector<std::string_view> out{embedded("starter-record.json")};
    for (const auto& [name, bytes] : rco::detail::embedded_files())
        if (name.starts_with("starter-record.") && name != "starter-record.json")
            out.push_back(bytes);
    return out;
}

} // namespace rco::io
