#pragma once

#include "rco/vocabularies.hpp"

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

    const auto& v = cat.vocabulary;
    std::vector<std::string> service_types = v.peer_service_types;
    service_types.insert(service_types.end(), v.clinical_service_types.begin(), v.clinical_service_types.end());
    out.push_back({"service_types",
                   "Service types the checks recognize: peer recovery support services, then clinical services",
                   {"/services/*/type"}, std::move(service_types), false});
    out.push_back({"peer_service_types", "Nonclinical peer recovery support services (standard 6)",
                   {"/services/*/type"}, v.peer_service_types, false});
    out.push_back({"clinical_service_types", "Clinical services, which an RCO does not provide itself (standard 6)",
                   {"/services/*/type"}, v.clinical_service_types, false});
    out.push_back({"recovery_pathways", "Recovery pathways an organization supports or refers to (standard 7)",
                   {"/pathways/supported/*"}, v.recovery_pathways, false});
    out.push_back({"ethics_topics", "Topics a code of ethics is expected to cover (standard 10)",
                   {"/policies/code_of_ethics/topics/*"}, parameter_default(cat, "ethics_topics"), false});
    out.push_back({"protected_classes", "Classes a nondiscrimination policy is expected to cover (standard 8)",
                   {"/policies/nondiscrimination/covers/*"}, parameter_default(cat, "protected_classes"), false});
    return out;
}

std::optional<word_list> find_vocabulary(const catalog& cat, std::string_view name) {
    for (auto& w : vocabularies(cat))
        if (w.name == name)
            return std::move(w);
    return std::nullopt;
}

} // namespace rco
