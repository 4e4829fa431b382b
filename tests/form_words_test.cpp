#include "rco/i18n.hpp"
#include "rco/io/form_words.hpp"

#include "rco/report/formats.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>

using namespace rco;
namespace json = boost::json;

BOOST_AUTO_TEST_SUITE(form_words)

BOOST_AUTO_TEST_CASE(a_record_path_names_its_workbook_sheet_and_field) {
    auto p = io::form_place_of("organization.legal_status");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Organization");
    BOOST_TEST(p->field == "legal_status");
    BOOST_TEST(!p->table);
    p = io::form_place_of("board.members[].recovery_identity");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Board members");
    BOOST_TEST(p->field == "recovery_identity");
    BOOST_TEST(p->table);
    // A JSON Pointer reaches the same place; item indexes are skipped.
    p = io::form_place_of("/board/members/3/recovery_identity");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Board members");
    BOOST_TEST(p->field == "recovery_identity");
    // Nested objects are dotted labels on their section's sheet, as the workbook writes them.
    p = io::form_place_of("organization.fiscal_sponsor.agreement");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Organization");
    BOOST_TEST(p->field == "fiscal_sponsor.agreement");
    p = io::form_place_of("participation.events[].date");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Input events");
    p = io::form_place_of("documents[]");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Documents");
    BOOST_TEST(p->field.empty());
    p = io::form_place_of("as_of");
    BOOST_REQUIRE(p.has_value());
    BOOST_TEST(p->sheet == "Record");
    BOOST_TEST(!io::form_place_of("organization.nonsense").has_value());
    BOOST_TEST(!io::form_place_of("e.g").has_value());
    BOOST_TEST(!io::form_place_of("").has_value());
}

BOOST_AUTO_TEST_CASE(evidence_text_is_rewritten_in_the_forms_words) {
    BOOST_TEST(io::in_form_words("board.members[].voting, board.members[].seat and board.members[].recovery_identity "
                                 "for each seat (member ids only; names are not needed)") ==
               "voting, seat and recovery_identity on the Board members sheet for each seat (member ids only; names "
               "are not needed)");
    BOOST_TEST(io::in_form_words("organization.fiscal_sponsor.agreement (evidence id of the signed agreement in "
                                 "documents[])") ==
               "fiscal_sponsor.agreement on the Organization sheet (evidence id of the signed agreement in the "
               "Documents sheet)");
    BOOST_TEST(io::in_form_words("participation.decisions[].input_events (ids that match participation.events[].id)") ==
               "input_events on the Decisions sheet (ids that match id on the Input events sheet)");
    // Fields of different sheets are each named with their own sheet; prose stays as it is.
    BOOST_TEST(io::in_form_words("organization.mission and filings[].tax_year, e.g. 2024.") ==
               "mission on the Organization sheet and tax_year on the Filings sheet, e.g. 2024.");
}

BOOST_AUTO_TEST_CASE(every_catalog_evidence_path_has_a_place_in_the_workbook) {
    // A record path left over after the rewrite is one the workbook does not have.
    const std::regex path(R"(\b(organization|filings|board|bylaws|services|pathways|peer_workers|volunteers|)"
                          R"(participation|policies|grievances|demographics|documents|provenance)(\[\])?[.\[]|\[\])");
    for (const auto& c : io::builtin_catalog().checks)
        for (const auto& e : c.evidence) {
            const auto words = io::in_form_words(e);
            BOOST_TEST(!std::regex_search(words, path), c.id << ": " << words);
            BOOST_TEST(words.find(" sheet") != std::string::npos, c.id << ": " << words);
        }
}

BOOST_AUTO_TEST_CASE(missing_evidence_is_evidence_to_record_not_work_to_do) {
    // No nondiscrimination policy at all, no text to scan: S8.1 and S9.1 need evidence.
    json::value v = test::base_record_json();
    test::merge_patch(v, json::parse(R"({"policies":{"nondiscrimination":null},
        "organization":{"mission":null,"vision":null},"documents":null,"peer_workers":[
        {"id":"p-alpha","active":true,"trained":false,"supervision_sessions":[],"ethics_training":"2026-01-01",
         "code_acknowledged":"2026-01-01"}]})"));
    const audit_result r = test::audit_json(v);
    BOOST_TEST(r.find_check("S8.1")->status == status::insufficient_evidence);
    BOOST_TEST(r.find_check("S9.1")->status == status::insufficient_evidence);
    const auto parts = report::action_plan_parts(r);
    auto ids = [](const std::vector<const check_result*>& items) {
        std::vector<std::string> out;
        for (const auto* c : items)
            out.emplace_back(c->id);
        return out;
    };
    const auto evidence = ids(parts.evidence_to_record);
    const auto work = ids(parts.work_to_do);
    BOOST_TEST((std::find(evidence.begin(), evidence.end(), "S8.1") != evidence.end()));
    BOOST_TEST((std::find(evidence.begin(), evidence.end(), "S9.1") != evidence.end()));
    BOOST_TEST((std::find(work.begin(), work.end(), "S6.3") != work.end()));
    for (const auto* c : parts.evidence_to_record)
        BOOST_TEST(c->status == status::insufficient_evidence);
    for (const auto* c : parts.work_to_do)
        BOOST_TEST(c->status == status::fail);

    const auto* s81 = r.find_check("S8.1");
    BOOST_TEST(report::evidence_in_form_words(*s81) ==
                   std::vector<std::string>{"nondiscrimination.board_approved, nondiscrimination.adopted and "
                                            "nondiscrimination.covers on the Policies sheet"},
               boost::test_tools::per_element());

    const auto text = report::write_text(r, test::report_info_for());
    const auto record_part = text.find("  EVIDENCE TO RECORD (");
    const auto work_part = text.find("  WORK TO DO (");
    const auto every = text.find("\nEVERY CHECK\n");
    BOOST_TEST((work_part < record_part && record_part < every));
    const auto s81_item = text.find("[S8.1]", record_part);
    BOOST_TEST(s81_item < every);
    BOOST_TEST(text.find("      Record:\n        - nondiscrimination.board_approved, nondiscrimination.adopted and\n"
                         "          nondiscrimination.covers on the Policies sheet\n",
                         s81_item) < every);
    BOOST_TEST(text.find("        - mission and vision on the Organization sheet\n", text.find("[S9.1]", record_part)) < every);
    // The advice for a failure ("add the characteristics the finding lists") is not given
    // where there is nothing recorded to fix.
    BOOST_TEST(text.find(s81->remediation().substr(0, 40)) == std::string::npos);
    BOOST_TEST(text.find(r.find_check("S9.1")->remediation().substr(0, 40)) == std::string::npos);
    BOOST_TEST(text.find("policies.nondiscrimination") == std::string::npos);
    BOOST_TEST(text.find(r.find_check("S6.3")->remediation().substr(0, 40), work_part) < record_part);

    // HTML and Markdown use the same words; JSON keeps the paths.
    const auto html = report::write_html(r, test::report_info_for());
    BOOST_TEST(html.find("<h3 id=\"evidence-to-record\">Evidence to record (") != std::string::npos);
    BOOST_TEST(html.find("<li>nondiscrimination.board_approved, nondiscrimination.adopted and nondiscrimination.covers "
                         "on the Policies sheet</li>") != std::string::npos);
    BOOST_TEST(html.find("policies.nondiscrimination") == std::string::npos);
    const auto md = report::write_markdown(r, test::report_info_for());
    BOOST_TEST(md.find("- Record: nondiscrimination.board_approved, nondiscrimination.adopted and "
                       "nondiscrimination.covers on the Policies sheet\n") != std::string::npos);
    BOOST_TEST(md.find("policies.nondiscrimination") == std::string::npos);
    const auto js = report::write_json(r, test::report_info_for());
    BOOST_TEST(js.find("\"policies.nondiscrimination.covers\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(in_spanish_the_sheet_is_named_in_spanish_words_as_the_spanish_workbook_names_it) {
    const auto* es = i18n::find("es");
    BOOST_REQUIRE(es != nullptr);
    BOOST_TEST(io::in_form_words("board.members[].voting, board.members[].seat y board.members[].recovery_identity "
                                 "para cada puesto", *es) ==
               "voting, seat y recovery_identity en la hoja Integrantes de la junta para cada puesto");
    BOOST_TEST(io::in_form_words("organization.mission e filings[].tax_year; documents[]", *es) ==
               "mission en la hoja Organización e tax_year en la hoja Declaraciones; la hoja Documentos");
    BOOST_TEST(io::in_form_words("board.members[].voting and board.members[].seat", english()) ==
               "voting and seat on the Board members sheet");
    // Every evidence item of the catalog, in Spanish: no record path left, each sheet named.
    const std::regex path(R"(\b(organization|filings|board|bylaws|services|pathways|peer_workers|volunteers|)"
                          R"(participation|policies|grievances|demographics|documents|provenance)(\[\])?[.\[]|\[\])");
    for (const auto& c : io::builtin_catalog().checks)
        for (std::size_t i = 0; i < c.evidence.size(); ++i) {
            const auto words = io::in_form_words(i18n::evidence(*es, c, i), *es);
            BOOST_TEST(!std::regex_search(words, path), c.id << ": " << words);
            BOOST_TEST(words.find("la hoja ") != std::string::npos, c.id << ": " << words);
            BOOST_TEST(words.find(" sheet") == std::string::npos, c.id << ": " << words);
        }
}

BOOST_AUTO_TEST_SUITE_END()
