// The readers' errors and warnings in another language (issue 11): every reader gives its
// message as a message id with arguments; English stays as it was, and Spanish keeps the
// file, line, column and JSON Pointer of the English.
#include "rco/diagnostic.hpp"
#include "rco/i18n.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/record_checks.hpp"
#include "rco/io/roster_csv.hpp"
#include "rco/io/xml_record.hpp"
#include "rco/report/diff.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

using namespace rco;

namespace {

const message_language& spanish() {
    const auto* es = i18n::find("es");
    BOOST_REQUIRE(es != nullptr);
    return *es;
}

/// The diagnostic's place: what every language prints the same.
std::string place(const std::string& formatted) {
    const auto colon = formatted.find(": ");
    const auto open = formatted.rfind(" (");
    return formatted.substr(0, colon) + " " + (open == std::string::npos ? "" : formatted.substr(open));
}

/// Every diagnostic: its English `message` is its `text` in English, and in Spanish it has
/// the same file, line, column and pointer.
void same_places(const std::vector<diagnostic>& diags) {
    for (const auto& d : diags) {
        if (!d.text.empty())
            BOOST_TEST(render(d.text) == d.message);
        BOOST_TEST(format_diagnostic(d) == format_diagnostic(d, english()));
        const auto es = format_diagnostic(d, spanish());
        BOOST_TEST(es.find(d.pointer.empty() ? "" : "(en " + d.pointer + ")") != std::string::npos, es);
    }
}

bool has(const std::vector<diagnostic>& diags, const std::string& text) {
    for (const auto& d : diags)
        if (format_diagnostic(d, spanish()).find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(diagnostic_language)

BOOST_AUTO_TEST_CASE(json_reader_errors_and_warnings_in_spanish) {
    const auto r = io::read_record_json(R"({"format": "rco-record/1", "as_of": "soon",
  "organization": {"legal_status": "nonprofit", "state": "minnesota", "misson": "x", "website": {"url": "www.x.org"}},
  "board": {"counts": {"voting": -2}, "members": [{"id": "Jane Doe", "voting": "maybe"}]},
  "pathways": {"supported": ["AA", "mutual_aid", "mutual_aid"]},
  "filings": [{"tax_year": 1700, "voting_members": 20001}],
  "documents": [{"id": "doc bylaws", "text": "t", "path": "p"}], "bylaws": {"document": "doc-none"}})",
                                        "rec.json");
    BOOST_TEST(!r.ok());
    same_places(r.diagnostics);
    const auto& d = r.diagnostics;
    BOOST_TEST(has(d, "rec.json:1:28: error: se esperaba una fecha con la forma AAAA-MM-DD (p. ej., 2026-06-30), "
                      "pero se encontró \"soon\" (en /as_of)"));
    BOOST_TEST(has(d, "error: se esperaba uno de estos valores: 501c3, 501c3_pending, fiscally_sponsored, other_501c, "
                      "for_profit, government, unincorporated u other; pero se encontró \"nonprofit\""));
    BOOST_TEST(has(d, "advertencia: estado desconocido: \"minnesota\"; se esperaba el código postal de dos letras "
                      "mayúsculas de un estado o territorio de EE. UU., p. ej., MN; ¿quiso decir MN (Minnesota)?"));
    BOOST_TEST(has(d, "advertencia: se ignora el campo desconocido \"misson\"; ¿quiso decir mission? "
                      "(en /organization/misson)"));
    BOOST_TEST(has(d, "error: se esperaba un número entero igual o mayor que 0, pero se encontró el número -2"));
    BOOST_TEST(has(d, "error: se esperaba un número entero de 1800 a 2200, pero se encontró 1700 "
                      "(en /filings/0/tax_year)"));
    BOOST_TEST(has(d, "error: se esperaba un número entero de 0 a 10.000, pero se encontró 20.001 "
                      "(en /filings/0/voting_members)"));
    // A person's value is not quoted, in either language.
    BOOST_TEST(has(d, "error: se esperaba true o false, pero se encontró un valor que no se muestra aquí (podría "
                      "identificar a un integrante de la junta directiva; --show-names lo muestra) "
                      "(en /board/members/0/voting)"));
    BOOST_TEST(has(d, "advertencia: este id parece el nombre de una persona; por privacidad, use solo ids"));
    BOOST_TEST(!has(d, "Jane"));
    BOOST_TEST(has(d, "advertencia: \"AA\" es un grupo, no una vía de recuperación; escriba la vía a la que "
                      "pertenece: twelve_step. Las vías de recuperación son: "));
    BOOST_TEST(has(d, "advertencia: \"mutual_aid\" aparece dos veces en esta lista; escriba cada valor una sola vez "
                      "(en /pathways/supported/2)"));
    BOOST_TEST(has(d, "advertencia: el documento indica a la vez \"text\" y \"path\"; se usa el texto incluido"));
    BOOST_TEST(has(d, "advertencia: el id \"doc-none\" no corresponde a ningún documento de \"documents\" "
                      "(en /bylaws/document)"));
}

BOOST_AUTO_TEST_CASE(english_is_unchanged) {
    const auto r = io::read_record_json(R"({"format": "rco-record/2", "as_of": 2026, "services": [{"type": "x"}]})",
                                        "rec.json");
    same_places(r.diagnostics);
    std::string all;
    for (const auto& d : r.diagnostics)
        all += format_diagnostic(d) + "\n";
    BOOST_TEST(all.find("rec.json:1:2: error: expected \"rco-record/1\", got \"rco-record/2\" (this tool reads "
                        "format version 1) (at /format)\n") != std::string::npos,
               all);
    BOOST_TEST(all.find("error: expected a date as YYYY-MM-DD (e.g. 2026-06-30), got the number 2026 (at /as_of)") !=
               std::string::npos);
    BOOST_TEST(all.find("warning: unknown service type \"x\" (the checks do not count it). The service types are: ") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(xml_reader_says_the_element_in_spanish) {
    const auto r = io::read_record_xml(R"(<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
  <as_of>2026-06-30</as_of>
  <volunteers><count_12m>many</count_12m></volunteers>
</rco-record>)",
                                       "rec.xml");
    same_places(r.diagnostics);
    BOOST_TEST(has(r.diagnostics, "rec.xml:3:15: error: se esperaba un número entero, pero se encontró \"many\" "
                                  "(elemento /rco-record/volunteers/count_12m) (en /volunteers/count_12m)"));
}

BOOST_AUTO_TEST_CASE(xml_syntax_errors_in_spanish) {
    const auto r = io::read_record_xml("<rco-record xmlns=\"urn:rco-audit:rco-record:1\" format=\"rco-record/1\">\n"
                                       "<organization><name>A &amp B</name></organization>\n</rco-record>\n",
                                       "rec.xml");
    BOOST_TEST(!r.ok());
    same_places(r.diagnostics);
    BOOST_TEST(has(r.diagnostics, "rec.xml:2:23: error: un «&» que no inicia una referencia de entidad ni de "
                                  "carácter; escriba &amp; para un & literal; se esperaba un documento XML "
                                  "rco-record/1"));
    BOOST_TEST(format_diagnostic(r.diagnostics.at(0)) ==
               "rec.xml:2:23: error: a '&' that does not start an entity or character reference; write &amp; for a "
               "literal &; expected an rco-record/1 XML document");
}

BOOST_AUTO_TEST_CASE(roster_in_spanish) {
    std::vector<diagnostic> diags;
    const auto m = io::read_roster_csv("id,voting,recovery_identity,colour\nb1,perhaps,personal,red\nb2,yes,friend\n",
                                       "roster.csv", diags);
    BOOST_TEST(!m.has_value());
    same_places(diags);
    BOOST_TEST(has(diags, "roster.csv:1:29: advertencia: se ignora la columna desconocida \"colour\""));
    BOOST_TEST(has(diags, "roster.csv:2:4: error: columna voting: se esperaba yes o no (o true/false), pero se "
                          "encontró un valor que no se muestra aquí"));
    BOOST_TEST(has(diags, "roster.csv:3:8: error: columna recovery_identity: se esperaba uno de estos valores: "));
}

BOOST_AUTO_TEST_CASE(diff_text_in_spanish) {
    auto report_of = [](const char* patch) {
        boost::json::value v = test::base_record_json();
        test::merge_patch(v, boost::json::parse(patch));
        report::report_info info;
        info.organization_name = "Harbor Recovery Community";
        info.catalog_sha256 = io::builtin_catalog().sha256;
        return boost::json::parse(report::write_json(test::audit_json(v), info));
    };
    const auto before = report_of(R"({"board":{"meetings":[]}})");
    const auto after = report_of("{}");
    std::string error;
    const auto d = report::diff_reports(before, after, error);
    BOOST_REQUIRE(d.has_value());
    const auto& es = spanish();
    const auto* s23 = [] {
        for (const auto& c : io::builtin_catalog().checks)
            if (c.id == "S2.3")
                return &c;
        return static_cast<const check_info*>(nullptr);
    }();
    BOOST_REQUIRE(s23 != nullptr);
    const auto text = report::write_diff_text(*d, es);
    BOOST_TEST(text.find("Progreso de Harbor Recovery Community: revisión del ") == 0, text);
    BOOST_TEST(text.find("Criterios resueltos\n  S2.3 " + std::string(i18n::title(es, *s23)) + ": no cumple → cumple\n") !=
                   std::string::npos,
               text);
    BOOST_TEST(text.find(" criterios sin cambios.\n") != std::string::npos, text);
    // English as before; the JSON diff is the same in every language.
    BOOST_TEST(report::write_diff_text(*d).find("  S2.3 Board meets regularly: does not meet → meets\n") !=
               std::string::npos);
    rco::message why;
    BOOST_TEST(!report::diff_reports(boost::json::parse("[]"), after, error, &why));
    BOOST_TEST(error == "the old report is not a JSON object");
    BOOST_TEST(render(why, es) == "el informe anterior no es un objeto JSON");
}

BOOST_AUTO_TEST_SUITE_END()
