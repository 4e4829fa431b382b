#include "rco/vocabularies.hpp"
#include "rco/io/catalog_json.hpp"
#include "rco/io/json_record.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

using namespace rco;

namespace {

bool has(const std::vector<std::string>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

} // namespace

BOOST_AUTO_TEST_SUITE(vocabularies_for_forms)

BOOST_AUTO_TEST_CASE(enum_words_are_the_record_spellings_in_order) {
    BOOST_TEST(enum_words<eligibility>() ==
                   (std::vector<std::string>{"open", "treatment_enrollment", "program_residence", "paid_membership",
                                             "abstinence_only", "specific_pathway", "no_medication"}),
               boost::test_tools::per_element());
    BOOST_TEST(enum_words<legal_status>().front() == "501c3");
    BOOST_TEST(enum_words<audience>() == (std::vector<std::string>{"public", "internal"}),
               boost::test_tools::per_element());
    BOOST_TEST(enum_words<filing_form>() == (std::vector<std::string>{"990", "990-EZ", "990-N", "990-PF"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_vocabulary_is_listed_once_with_its_fields_and_words) {
    const auto all = vocabularies(io::builtin_catalog());
    std::vector<std::string> names;
    for (const auto& w : all) {
        names.push_back(w.name);
        BOOST_TEST(!w.words.empty(), w.name);
        BOOST_TEST(!w.fields.empty(), w.name);
        BOOST_TEST(!w.description.empty(), w.name);
        BOOST_TEST(std::set<std::string>(w.words.begin(), w.words.end()).size() == w.words.size(), w.name);
    }
    BOOST_TEST(names == (std::vector<std::string>{"legal_status", "parent_type", "autonomy_areas", "filing_forms",
                                                  "seat_states", "officer_roles", "recovery_identities",
                                                  "service_categories", "delivered_by", "eligibility",
                                                  "event_types", "ethics_scopes", "audiences", "us_states", "service_types",
                                                  "peer_service_types", "clinical_service_types",
                                                  "recovery_pathways", "ethics_topics", "protected_classes"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(catalog_word_lists_offer_the_words_the_checks_count) {
    const auto& cat = io::builtin_catalog();
    const auto services = find_vocabulary(cat, "service_types");
    BOOST_REQUIRE(services);
    BOOST_TEST(!services->closed);
    BOOST_TEST(services->fields == std::vector<std::string>{"/services/*/type"}, boost::test_tools::per_element());
    BOOST_TEST(services->words.front() == "peer_recovery_coaching");
    BOOST_TEST(has(services->words, "recovery_community_center"));
    BOOST_TEST(has(services->words, "detox"));
    BOOST_TEST(services->words.size() ==
               cat.vocabulary.peer_service_types.size() + cat.vocabulary.clinical_service_types.size() +
                   cat.vocabulary.other_service_types.size());
    BOOST_TEST(has(services->words, "naloxone_distribution")); // known, though neither peer nor clinical

    const auto pathways = find_vocabulary(cat, "recovery_pathways");
    BOOST_REQUIRE(pathways);
    for (const char* w : {"twelve_step", "smart_recovery", "medication", "faith_based", "secular", "harm_reduction",
                          "natural_recovery", "all_recovery"})
        BOOST_TEST(has(pathways->words, w), w);
    BOOST_TEST(pathways->fields == std::vector<std::string>{"/pathways/supported/*"}, boost::test_tools::per_element());

    const auto topics = find_vocabulary(cat, "ethics_topics");
    BOOST_REQUIRE(topics);
    BOOST_TEST(topics->words.size() == 8u);
    BOOST_TEST(topics->words.front() == "confidentiality");
    BOOST_TEST(has(topics->words, "return_to_use"));

    const auto classes = find_vocabulary(cat, "protected_classes");
    BOOST_REQUIRE(classes);
    BOOST_TEST(has(classes->words, "sexual_orientation"));

    const auto events = find_vocabulary(cat, "event_types");
    BOOST_REQUIRE(events);
    BOOST_TEST(events->closed);
    BOOST_TEST(events->words == (std::vector<std::string>{"community_meeting", "listening_session", "focus_group",
                                                          "advisory_council", "visioning"}),
               boost::test_tools::per_element());

    BOOST_TEST(!find_vocabulary(cat, "colours").has_value());
}

BOOST_AUTO_TEST_CASE(every_word_offered_for_a_closed_field_is_read_back) {
    // A form built from the vocabularies produces records the reader accepts.
    for (const auto& w : enum_words<eligibility>()) {
        const auto r = io::read_record_json(
            R"({"format": "rco-record/1", "services": [{"eligibility": [")" + w + R"("]}]})", "form.json");
        BOOST_TEST(r.ok(), w);
    }
    for (const auto& w : enum_words<event_type>()) {
        const auto r = io::read_record_json(
            R"({"format": "rco-record/1", "participation": {"events": [{"type": ")" + w + R"("}]}})", "form.json");
        BOOST_TEST(r.ok(), w);
    }
}

BOOST_AUTO_TEST_SUITE_END()
