// Unknown words and fields are findings: every reader warns at the JSON Pointer, names
// the accepted words and the closest one; the values the JSON Schema refuses are warned
// about in every format.
#include "rco/io/catalog_json.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/record_checks.hpp"
#include "rco/io/workbook.hpp"
#include "rco/io/xml_record.hpp"
#include "rco/vocabularies.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

namespace {

std::vector<diagnostic> warnings_of(std::string_view json, io::read_options options = {}) {
    auto r = io::read_record_json(json, "rec.json", options);
    BOOST_TEST(r.ok());
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error)
            BOOST_TEST_MESSAGE(format_diagnostic(d));
    return r.diagnostics;
}

std::string rec_json(std::string_view body) { return R"({"format": "rco-record/1", )" + std::string(body) + "}"; }

} // namespace

BOOST_AUTO_TEST_SUITE(record_checks)

BOOST_AUTO_TEST_CASE(closest_word_finds_what_was_meant) {
    const std::vector<std::string> services = find_vocabulary(io::builtin_catalog(), "service_types")->words;
    BOOST_TEST(closest_word("recovery_coaching", services).value() == "peer_recovery_coaching");
    BOOST_TEST(closest_word("Peer Recovery Coaching", services).value() == "peer_recovery_coaching");
    BOOST_TEST(closest_word("peer_recovry_coaching", services).value() == "peer_recovery_coaching");
    BOOST_TEST(closest_word("detox", services).value() == "detox");
    BOOST_TEST(!closest_word("xyz", services).has_value());
    BOOST_TEST(!closest_word("", services).has_value());
    const std::vector<std::string> sections = {"format", "as_of", "organization", "board"};
    BOOST_TEST(closest_word("Organization", sections).value() == "organization");
    BOOST_TEST(closest_word("organisation", sections).value() == "organization");
    BOOST_TEST(closest_word("asof", sections).value() == "as_of");
    BOOST_TEST(did_you_mean("bord", sections) == "; did you mean board?");
    BOOST_TEST(did_you_mean("qqqq", sections) == "");
    // Not a guess that changes the meaning.
    BOOST_TEST(!closest_word("nonprofit", enum_words<legal_status>()).has_value());
}

BOOST_AUTO_TEST_CASE(an_unknown_service_type_is_a_warning_naming_the_closest_and_the_accepted_words) {
    const auto d = warnings_of(rec_json(R"("services": [{"name": "Coaching", "type": "recovery_coaching"}])"));
    BOOST_REQUIRE(d.size() == 1u);
    BOOST_TEST((d[0].severity == severity::warning));
    BOOST_TEST(d[0].unknown);
    BOOST_TEST(d[0].pointer == "/services/0/type");
    BOOST_TEST(d[0].line == 1u);
    BOOST_TEST(d[0].column == 62u); // where the member starts
    BOOST_TEST(d[0].message.find("unknown service type \"recovery_coaching\" (the checks do not count it); did you "
                                 "mean peer_recovery_coaching? The service types are: peer_recovery_coaching, "
                                 "peer_support_group, ") == 0u);
    BOOST_TEST(d[0].message.find("detox") != std::string::npos); // the clinical ones too
}

BOOST_AUTO_TEST_CASE(a_group_written_as_a_pathway_is_named_as_a_group) {
    const auto d = warnings_of(rec_json(R"("pathways": {"supported": ["twelve_step", "AA", "smart recovery", "xyz"]})"));
    BOOST_REQUIRE(d.size() == 3u);
    BOOST_TEST(d[0].pointer == "/pathways/supported/1");
    BOOST_TEST(d[0].message.find("\"AA\" is a group, not a recovery pathway; write the pathway it belongs to: "
                                 "twelve_step. The recovery pathways are: twelve_step, smart_recovery,") == 0u);
    BOOST_TEST(d[1].pointer == "/pathways/supported/2");
    BOOST_TEST(d[1].message.find("unknown recovery pathway \"smart recovery\" (the checks do not count it); did you "
                                 "mean smart_recovery?") == 0u);
    BOOST_TEST(d[2].message.find("unknown recovery pathway \"xyz\" (the checks do not count it). The recovery "
                                 "pathways are: twelve_step,") == 0u);
    const auto m = warnings_of(rec_json(R"("pathways": {"supported": ["MOUD"]})"));
    BOOST_REQUIRE(m.size() == 1u);
    BOOST_TEST(m[0].message.find("\"MOUD\" is a medication, not a recovery pathway; write the pathway it belongs "
                                 "to: medication.") == 0u);
}

BOOST_AUTO_TEST_CASE(topics_and_protected_classes_are_checked_too) {
    const auto d = warnings_of(rec_json(R"("policies": {"code_of_ethics": {"topics": ["confidentiality", "boundary"]},
        "nondiscrimination": {"covers": ["race", "race", "sexual orientation"]}})"));
    std::vector<std::string> got;
    for (const auto& x : d)
        got.push_back(x.pointer + " " + x.message.substr(0, x.message.find(" The ")));
    const std::vector<std::string> want = {
        "/policies/code_of_ethics/topics/1 unknown ethics topic \"boundary\" (the checks do not count it); did you "
        "mean boundaries?",
        "/policies/nondiscrimination/covers/1 \"race\" is given twice in this list; give each once",
        "/policies/nondiscrimination/covers/2 unknown protected class \"sexual orientation\" (the checks do not "
        "count it); did you mean sexual_orientation?",
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_state_must_be_a_postal_code_as_the_schema_says) {
    const auto d = warnings_of(rec_json(R"("organization": {"state": "Nebraska"})"));
    BOOST_REQUIRE(d.size() == 1u);
    BOOST_TEST(d[0].pointer == "/organization/state");
    BOOST_TEST(d[0].message == "unknown state \"Nebraska\": expected a two-letter U.S. state or territory postal "
                               "code in capitals, e.g. MN; did you mean NE (Nebraska)?");
    BOOST_TEST(warnings_of(rec_json(R"("organization": {"state": "mn"})"))[0].message.find("did you mean MN "
                                                                                        "(Minnesota)?") !=
               std::string::npos);
    BOOST_TEST(warnings_of(rec_json(R"("organization": {"state": "ZZ"})")).size() == 1u);
    BOOST_TEST(warnings_of(rec_json(R"("organization": {"state": "NE"})")).empty());
    BOOST_TEST(warnings_of(rec_json(R"("organization": {"state": "PR"})")).empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_section_or_field_gets_the_closest_known_name) {
    const auto d = warnings_of(rec_json(R"("Organization": {"name": "X"}, "board": {"members": [{"id": "b1", "votng": true}]})"));
    BOOST_REQUIRE(d.size() == 2u);
    BOOST_TEST(d[0].pointer == "/Organization");
    BOOST_TEST(d[0].message == "unknown section \"Organization\" is ignored, with everything in it; did you mean "
                               "organization?");
    BOOST_TEST(d[0].unknown);
    BOOST_TEST(d[1].message == "unknown field \"votng\" is ignored; did you mean voting?");
    const auto far = warnings_of(rec_json(R"("colour": "red")"));
    BOOST_REQUIRE(far.size() == 1u);
    BOOST_TEST(far[0].message == "unknown field \"colour\" is ignored (check its spelling against rco-record/1)");
}

BOOST_AUTO_TEST_CASE(a_misspelled_closed_word_is_an_error_with_a_guess_but_not_for_a_person) {
    auto r = io::read_record_json(rec_json(R"("participation": {"events": [{"type": "listening-session"}]})"), "r.json");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.diagnostics[0].message ==
               "expected one of community_meeting, listening_session, focus_group, advisory_council or visioning, got "
               "\"listening-session\"; did you mean listening_session?");
    // A board member's recovery identity is not guessed at (not even quoted) without --show-names.
    auto p = io::read_record_json(rec_json(R"("board": {"members": [{"id": "b1", "recovery_identity": "Personal"}]})"),
                                  "r.json");
    BOOST_REQUIRE(!p.ok());
    BOOST_TEST(p.diagnostics[0].message.find("did you mean") == std::string::npos);
    BOOST_TEST(p.diagnostics[0].message.find("Personal") == std::string::npos);
    auto shown = io::read_record_json(
        rec_json(R"("board": {"members": [{"id": "b1", "recovery_identity": "Personal"}]})"), "r.json", {true});
    BOOST_TEST(shown.diagnostics[0].message.find("got \"Personal\"; did you mean personal?") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(what_the_schema_refuses_beyond_types_is_warned_about) {
    const auto d = warnings_of(rec_json(R"("organization": {"name": "", "ein": "411234567X",
        "website": {"url": "www.example.org"}, "determination_letter": "doc irs", "autonomy": ["budget", "budget"]},
        "services": [{"name": "S", "eligibility": ["open", "open"]}],
        "volunteers": {"roles": [""]},
        "documents": [{"id": "doc irs", "text": "t"}])"));
    std::vector<std::string> got;
    for (const auto& x : d)
        got.push_back(x.pointer + " " + x.message);
    const std::vector<std::string> want = {
        "/organization/name empty text: write the value, or null (or leave the field out) when it is not known",
        "/organization/ein expected an EIN as NN-NNNNNNN (two digits, a hyphen, seven digits), got \"411234567X\"",
        "/organization/determination_letter an evidence id has no spaces (the id of a document, e.g. doc-bylaws), "
        "got \"doc irs\"",
        "/organization/autonomy/1 \"budget\" is given twice in this list; give each once",
        "/organization/website/url expected a web address starting with http:// or https:// (e.g. "
        "https://example.org)",
        "/services/0/eligibility/1 \"open\" is given twice in this list; give each once",
        "/volunteers/roles/0 empty text: write the value, or null (or leave the field out) when it is not known",
        "/documents/0/id an evidence id has no spaces (the id of a document, e.g. doc-bylaws), got \"doc irs\"",
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(language_tags_are_bcp47) {
    const auto d = warnings_of(rec_json(R"("organization": {"name": "N", "language": "Spanish"},
        "documents": [{"id": "a", "text": "t", "language": "es-MX"}, {"id": "b", "text": "t", "language": "es_MX"},
                      {"id": "c", "text": "t", "language": "es-419"}, {"id": "d", "text": "t", "language": ""}])"));
    std::vector<std::string> got;
    for (const auto& x : d)
        got.push_back(x.pointer + " " + x.message);
    const std::string tail = " (standard 9 does not scan a text whose language it cannot tell)";
    const std::vector<std::string> want = {
        "/organization/language expected a BCP 47 language tag such as en, es or es-MX, got \"Spanish\"" + tail,
        "/documents/1/language expected a BCP 47 language tag such as en, es or es-MX, got \"es_MX\"" + tail,
        "/documents/3/language expected a BCP 47 language tag such as en, es or es-MX, got \"\"" + tail,
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ids_that_look_like_names_are_warned_about_in_every_reader) {
    const auto text = rec_json(R"("board": {"members": [{"id": "Jane Doe"}, {"id": "b02"}]},
        "peer_workers": [{"id": "Doe, John"}])");
    const auto d = warnings_of(text);
    BOOST_REQUIRE(d.size() == 2u);
    BOOST_TEST(d[0].pointer == "/board/members/0/id");
    BOOST_TEST(d[0].message == "this id looks like a person's name; use ids only, for privacy (a code such as b01 "
                               "or p01, with the list of who is who kept outside the record)");
    BOOST_TEST(d[1].pointer == "/peer_workers/0/id");
    BOOST_TEST(warnings_of(text, {true})[0].message.find("the id \"Jane Doe\" looks like") == 0u);
    // The same record as XML and as a workbook: the same warnings at the same pointers.
    auto rec = io::read_record_json(text, "r.json");
    BOOST_REQUIRE(rec.ok());
    const auto xml = io::read_record_xml(io::write_record_xml(*rec.record), "r.xml");
    BOOST_REQUIRE(xml.diagnostics.size() == 2u);
    BOOST_TEST(xml.diagnostics[0].pointer == "/board/members/0/id");
    BOOST_TEST(xml.diagnostics[1].pointer == "/peer_workers/0/id");
    const auto xlsx = io::read_record_xlsx(io::write_record_xlsx(*rec.record).bytes, "r.xlsx");
    std::size_t names = 0;
    for (const auto& x : xlsx.diagnostics)
        names += x.message.find("looks like a person's name") != std::string::npos;
    BOOST_TEST(names == 2u);
}

BOOST_AUTO_TEST_CASE(every_reader_warns_about_unknown_words) {
    const auto text = rec_json(R"("organization": {"state": "Nebraska"}, "services": [{"type": "recovery_coaching"}],
        "pathways": {"supported": ["AA"]})");
    auto rec = io::read_record_json(text, "r.json");
    BOOST_REQUIRE(rec.ok());
    BOOST_TEST(rec.diagnostics.size() == 3u);
    const auto xml = io::read_record_xml(io::write_record_xml(*rec.record), "r.xml");
    BOOST_REQUIRE(xml.diagnostics.size() == 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(xml.diagnostics[i].pointer == rec.diagnostics[i].pointer);
        BOOST_TEST(xml.diagnostics[i].unknown);
        BOOST_TEST(xml.diagnostics[i].line > 0u);
    }
    const auto xlsx = io::read_record_xlsx(io::write_record_xlsx(*rec.record).bytes, "r.xlsx");
    std::vector<std::string> pointers;
    for (const auto& x : xlsx.diagnostics)
        if (x.unknown)
            pointers.push_back(x.pointer);
    BOOST_TEST(pointers == (std::vector<std::string>{"/organization/state", "/services/0/type",
                                                     "/pathways/supported/0"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_custom_catalog_s_words_are_the_ones_checked) {
    auto cat = io::builtin_catalog();
    cat.vocabulary.peer_service_types.push_back("recovery_coaching");
    io::read_options options;
    options.vocabulary = &cat;
    BOOST_TEST(warnings_of(rec_json(R"("services": [{"type": "recovery_coaching"}])"), options).empty());
}

BOOST_AUTO_TEST_SUITE_END()
