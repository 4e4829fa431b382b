// The Spanish term table (rules/language-es.json): read with the catalog's loader and run
// through the standard 9 scanner over Spanish texts (tests/fixtures/language-es/).
#include "rco/io/catalog_json.hpp"
#include "rco/language.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

using namespace rco;

namespace {

const language_table& spanish() {
    static const language_table t = [] {
        std::vector<diagnostic> diags;
        auto table = io::read_language_table(test::slurp(test::source_dir() / "rules" / "language-es.json"),
                                             "rules/language-es.json", io::builtin_catalog(), diags);
        std::string why;
        for (const auto& d : diags)
            why += "\n  " + format_diagnostic(d);
        if (!table)
            throw std::runtime_error("rules/language-es.json is invalid:" + why);
        return std::move(*table);
    }();
    return t;
}

std::string fixture(const std::string& name) {
    return test::slurp(test::source_dir() / "tests" / "fixtures" / "language-es" / name);
}

/// "term-id matched@line:column" for each match, in order.
std::vector<std::string> where(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : scan_language(text, spanish()))
        out.push_back(m.term->id + " " + m.matched + "@" + std::to_string(m.line) + ":" + std::to_string(m.column));
    return out;
}

/// `s` with every letter that carries an accent in Spanish replaced by its plain letter (ñ stays).
std::string without_accents(std::string s) {
    static const std::pair<std::string, std::string> map[] = {{"á", "a"}, {"é", "e"}, {"í", "i"}, {"ó", "o"},
                                                              {"ú", "u"}, {"ü", "u"}};
    for (const auto& [from, to] : map)
        for (std::size_t p; (p = s.find(from)) != std::string::npos;)
            s.replace(p, from.size(), to);
    return s;
}

using strings = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(language_es)

BOOST_AUTO_TEST_CASE(table_loads_with_the_catalog_loader) {
    const auto& t = spanish();
    BOOST_TEST(t.terms.size() == 15u);
    const auto* adicto = &t.terms.front();
    BOOST_TEST(adicto->id == "adicto");
    BOOST_TEST((adicto->cls == term_class::always));
    BOOST_TEST((adicto->forms == strings{"adicto", "adicta", "adictos", "adictas"}));
    BOOST_TEST(adicto->alternatives.front() == "persona con un trastorno por consumo de sustancias");
    BOOST_TEST((adicto->sources == strings{"NIDA-ES", "PTEA-ES", "NDT-ES", "LASDROGAS"}));
    // Every source key is declared in standards.json (the loader checks it; the Spanish ones too).
    for (const auto* key : {"NIDA-ES", "PTEA-ES", "MEDLINEPLUS-ES", "LASDROGAS", "NDT-ES"})
        BOOST_TEST(io::builtin_catalog().sources.count(key) == 1u, key);
}

BOOST_AUTO_TEST_CASE(loader_rejects_an_unknown_source_with_its_pointer) {
    std::vector<diagnostic> diags;
    const std::string text = R"({"format": "rco-language/1", "terms": [{"id": "adicto", "forms": ["adicto"],
        "class": "always", "alternatives": ["persona con adicción"], "sources": ["NADIE"]}],
        "substance_context": [], "exempt_names": [], "first_person": []})";
    auto t = io::read_language_table(text, "es.json", io::builtin_catalog(), diags);
    BOOST_TEST(!t.has_value());
    BOOST_REQUIRE_EQUAL(diags.size(), 1u);
    BOOST_TEST(diags[0].file == "es.json");
    BOOST_TEST(diags[0].pointer == "/terms/0/sources");
    BOOST_TEST(diags[0].line == 2u);
    BOOST_TEST(diags[0].message.find("NADIE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(loader_rejects_another_format) {
    std::vector<diagnostic> diags;
    auto t = io::read_language_table(R"({"format": "rco-rules/1", "terms": [], "substance_context": [],
        "exempt_names": [], "first_person": []})",
                                     "es.json", io::builtin_catalog(), diags);
    BOOST_TEST(!t.has_value());
    BOOST_REQUIRE_EQUAL(diags.size(), 1u);
    BOOST_TEST(diags[0].pointer == "/format");
}

BOOST_AUTO_TEST_CASE(flyer_findings_with_term_ids_and_positions) {
    const auto text = fixture("folleto.txt");
    BOOST_TEST(where(text) == (strings{
                                  "adicto ADICTOS@1:14",
                                  "adicto adictos@2:10",
                                  "adicto adictas@2:24",
                                  "abuso-de-sustancias abuso de sustancias@3:27",
                                  "abuso-de-sustancias abuso del alcohol@3:52",
                                  "drogadicto drogadicta@4:11",
                                  "ex-adicto ex-adicta@4:34",
                                  "alcoholico alcoholico@5:4",
                                  "alcoholico alcoholica@5:21",
                                  "usuario usuarios de drogas@6:5",
                                  "limpio limpio@7:23",
                                  "sucio pruebas sucias@7:48",
                                  "alcoholico Alcohólicos@8:5",
                              }),
               boost::test_tools::per_element());
    // Byte offsets and lengths count the two-byte letters (¡, í, ó) before and inside a match.
    const auto ms = scan_language(text, spanish());
    BOOST_REQUIRE_EQUAL(ms.size(), 13u);
    BOOST_TEST(ms[0].offset == 14u); // after "¡BIENVENIDOS " (¡ is two bytes)
    BOOST_TEST(ms[0].length == 7u);
    BOOST_TEST(ms[5].offset == 199u); // "drogadicta", after "María era " on line 4
    BOOST_TEST(ms[12].offset == 473u);
    BOOST_TEST(ms[12].length == 12u); // "Alcohólicos": 11 letters, ó two bytes
    BOOST_TEST(ms[12].matched == "Alcohólicos");
}

BOOST_AUTO_TEST_CASE(texts_that_must_not_fire) {
    // adicción; limpia of a house; abuso infantil; website users; "adicta a" (person-first);
    // bebidas alcohólicas; Alcohólicos/Narcóticos Anónimos; NIDA's Spanish name; «quoted» words;
    // "soy adicto en recuperación" (people describe themselves as they choose).
    BOOST_TEST(where(fixture("sin-estigma.txt")).empty(), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_typed_without_accents) {
    // Flagged and exempt alike without accents: "Alcoholicos Anonimos", "bebidas alcoholicas",
    // "no alcoholica" stay exempt; "limpia" without substance context stays unflagged.
    BOOST_TEST(where(fixture("sin-acentos.txt")) == (strings{
                                                      "adicto adictos@1:10",
                                                      "ex-adicto alcoholicos en recuperacion@1:24",
                                                      "abuso-de-sustancias abuso de sustancias@2:14",
                                                      "abuso-de-sustancias abuso de narcoticos@2:40",
                                                      "recaida recaida@5:10",
                                                  }),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(context_terms_need_a_substance_word_in_the_sentence) {
    BOOST_TEST(where("La sala quedó limpia.").empty());
    BOOST_TEST(where("La sala quedó limpia. Hablamos de drogas.").empty()); // another sentence
    BOOST_TEST(where("Salió limpia de la prueba de drogas.") == strings{"limpio limpia@1:7"});
    BOOST_TEST(where("Prevención del abuso infantil.").empty());
    BOOST_TEST(where("El abuso de la cocaína daña.") == strings{"abuso abuso@1:4"}); // context term, cocaína
    BOOST_TEST(where("Los usuarios de la biblioteca.").empty());
    BOOST_TEST(where("Usuarios de heroína.") == strings{"usuario Usuarios@1:1"});
    BOOST_TEST(where("Después de una recaída volvió al grupo.").empty());
    BOOST_TEST(where("Después de una recaída en el consumo de alcohol volvió al grupo.") ==
               strings{"recaida recaída@1:16"});
}

BOOST_AUTO_TEST_CASE(every_form_is_found_as_its_own_term_with_and_without_accents) {
    // Each form in a sentence with substance context, so context terms flag too.
    for (const auto& t : spanish().terms)
        for (const auto& f : t.forms) {
            for (const auto& form : {f, without_accents(f)}) {
                const auto ms = scan_language("Hoy hablamos de " + form + " y de drogas.", spanish());
                BOOST_TEST_CONTEXT(form) {
                    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
                    BOOST_TEST(ms[0].term->id == t.id);
                    BOOST_TEST(ms[0].matched == form);
                    BOOST_TEST(ms[0].column == 17u);
                }
            }
        }
}

BOOST_AUTO_TEST_CASE(every_accented_form_has_its_unaccented_spelling) {
    // Texts typed without accents are common (phones, old systems, all-ASCII forms).
    for (const auto& t : spanish().terms) {
        const std::set<std::string> forms(t.forms.begin(), t.forms.end());
        for (const auto& f : t.forms)
            BOOST_TEST(forms.count(without_accents(f)) == 1u, t.id << ": " << f);
    }
}

BOOST_AUTO_TEST_CASE(capitals_and_hyphens) {
    BOOST_TEST(where("ADICTOS Y DROGADICTAS") == (strings{"adicto ADICTOS@1:1", "drogadicto DROGADICTAS@1:11"}));
    BOOST_TEST(where("Ex-Adictos y ex adictos") == (strings{"ex-adicto Ex-Adictos@1:1", "ex-adicto ex adictos@1:14"}));
    BOOST_TEST(where("Abuso De Sustancias") == strings{"abuso-de-sustancias Abuso De Sustancias@1:1"});
    // Accented capitals fold like plain ones (columns count characters).
    BOOST_TEST(where("LOS ALCOHÓLICOS") == strings{"alcoholico ALCOHÓLICOS@1:5"});
    BOOST_TEST(where("ABUSO DE NARCÓTICOS") == strings{"abuso-de-sustancias ABUSO DE NARCÓTICOS@1:1"});
    BOOST_TEST(where("ALCOHOLICAS") == strings{"alcoholico ALCOHOLICAS@1:1"});
    // ALCOHÓLICOS ANÓNIMOS is a name, exempt in capitals too.
    BOOST_TEST(where("Reuniones de ALCOHÓLICOS ANÓNIMOS").empty());
}

BOOST_AUTO_TEST_SUITE_END()
