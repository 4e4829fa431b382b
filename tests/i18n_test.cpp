// The languages compiled in (rco/i18n.hpp): finding them by tag, Spanish numbers, dates,
// lists and plurals, the catalog's text in Spanish, the English fallback.
#include "rco/i18n.hpp"
#include "rco/io/catalog_json.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <thread>

namespace {

const rco::message_language& spanish() {
    const auto* es = rco::i18n::find("es");
    BOOST_REQUIRE(es != nullptr);
    return *es;
}

std::string number(const rco::message_language& lang, std::int64_t n) {
    std::string out;
    lang.append_number(out, n);
    return out;
}

std::string date(const rco::message_language& lang, int y, unsigned m, unsigned d) {
    std::string out;
    lang.append_date(out, rco::date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}});
    return out;
}

std::string list(const rco::message_language& lang, const std::vector<std::string>& items,
                 rco::list_style style = rco::list_style::and_) {
    std::string out;
    lang.append_list(out, items, style);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr rco::message_def meetings{"test.meetings", "{count} community meeting", "{count} community meetings",
                                    "count"};
constexpr rco::message_def board{"test.board", "the board"};
constexpr rco::message_def untranslated{"test.untranslated", "{count} document", "{count} documents", "count"};

} // namespace

BOOST_AUTO_TEST_SUITE(i18n)

BOOST_AUTO_TEST_CASE(languages_are_found_by_their_primary_subtag) {
    BOOST_TEST(rco::i18n::languages() == (std::vector<std::string_view>{"en", "es"}), boost::test_tools::per_element());
    for (const char* tag : {"es", "ES", "es-MX", "es_US", "es-419", "Es-mx"}) {
        const auto* l = rco::i18n::find(tag);
        BOOST_TEST_REQUIRE(l != nullptr, tag);
        BOOST_TEST(l->tag() == "es");
        BOOST_TEST(l == &spanish()); // one shared instance
    }
    BOOST_TEST(rco::i18n::find("en") == &rco::english());
    BOOST_TEST(rco::i18n::find("EN-us") == &rco::english());
    for (const char* tag : {"", "e", "xx", "fr", "español", "es-", "es--mx", "es-toolongsubtag", "e1", "es mx"})
        BOOST_TEST(rco::i18n::find(tag) == nullptr, "'" << tag << "'");
}

BOOST_AUTO_TEST_CASE(spanish_numbers_group_digits_with_dots) {
    // counts in running text (and years): grouped from five digits on, as the RAE writes them
    const auto& es = spanish();
    BOOST_TEST(number(es, 0) == "0");
    BOOST_TEST(number(es, 7) == "7");
    BOOST_TEST(number(es, 999) == "999");
    BOOST_TEST(number(es, 2025) == "2025");
    BOOST_TEST(number(es, 1250) == "1250");
    BOOST_TEST(number(es, 39872) == "39.872");
    BOOST_TEST(number(es, 1000000) == "1.000.000");
    BOOST_TEST(number(es, -12500) == "-12.500");
    BOOST_TEST(number(es, std::numeric_limits<std::int64_t>::min()) == "-9.223.372.036.854.775.808");
}

BOOST_AUTO_TEST_CASE(spanish_dates_name_the_month) {
    const auto& es = spanish();
    BOOST_TEST(date(es, 2026, 6, 30) == "30 de junio de 2026");
    BOOST_TEST(date(es, 2027, 1, 1) == "1 de enero de 2027");
    BOOST_TEST(date(es, 2025, 9, 15) == "15 de septiembre de 2025");
    BOOST_TEST(date(es, 2024, 12, 31) == "31 de diciembre de 2024");
}

BOOST_AUTO_TEST_CASE(spanish_lists_join_with_y_and_o) {
    const auto& es = spanish();
    BOOST_TEST(list(es, {}) == "");
    BOOST_TEST(list(es, {"actas"}) == "actas");
    BOOST_TEST(list(es, {"actas", "estatutos"}) == "actas y estatutos");
    BOOST_TEST(list(es, {"actas", "estatutos", "políticas"}) == "actas, estatutos y políticas");
    BOOST_TEST(list(es, {"sí", "no", "pendiente"}, rco::list_style::or_) == "sí, no o pendiente");
    BOOST_TEST(list(es, {"a", "b", "c"}, rco::list_style::semicolons) == "a; b; c");
    BOOST_TEST(list(es, {"a", "b", "c"}, rco::list_style::commas) == "a, b, c");
    BOOST_TEST(list(es, {"Uno.", "Dos.", "Tres."}, rco::list_style::sentences) == "Uno. Dos. Tres.");
}

BOOST_AUTO_TEST_CASE(spanish_styled_numbers_and_dollars) {
    const auto& es = spanish();
    auto styled = [&es](std::int64_t n, rco::number_style style) {
        std::string out;
        es.append_styled_number(out, n, style);
        return out;
    };
    BOOST_TEST(styled(2500, rco::number_style::plain) == "2500");
    BOOST_TEST(styled(1250, rco::number_style::grouped) == "1.250"); // issue 11's example
    BOOST_TEST(styled(39872, rco::number_style::grouped) == "39.872");
    BOOST_TEST(styled(-1250, rco::number_style::grouped) == "-1.250");
    BOOST_TEST(styled(123450, rco::number_style::dollars) == "$1.234,50");
    BOOST_TEST(styled(123405, rco::number_style::dollars) == "$1.234,05");
    BOOST_TEST(styled(5000000, rco::number_style::dollars) == "$50.000");
    BOOST_TEST(styled(-250, rco::number_style::dollars) == "-$2,50");
    BOOST_TEST(styled(0, rco::number_style::dollars) == "$0");
}

BOOST_AUTO_TEST_CASE(spanish_messages_render_with_spanish_arguments) {
    // a message of the test catalog, rendered: plural form, number and date the Spanish way
    const auto es = rco::i18n::load("es", read_file(RCO_TEST_MO));
    constexpr rco::message_def held{"test.held", "{count} meeting held by {date}", "{count} meetings held by {date}",
                                    "count"};
    rco::message one{&meetings, {{"count", std::int64_t{1}}}};
    rco::message three{&meetings, {{"count", std::int64_t{3}}}};
    BOOST_TEST(rco::render(one, *es) == "1 reunión comunitaria");
    BOOST_TEST(rco::render(three, *es) == "3 reuniones comunitarias");
    BOOST_TEST(rco::render(one) == "1 community meeting");
    const rco::date d{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{30}};
    rco::message untranslated_held{&held, {{"count", std::int64_t{1250}, rco::list_style::and_, rco::number_style::grouped},
                                           {"date", d}}};
    // untranslated: the English pattern, with the catalog's number and date formats
    // (this test catalog has none: the English ones)
    BOOST_TEST(rco::render(untranslated_held, *es) == "1,250 meetings held by 2026-06-30");
    // the built-in Spanish writes the same arguments its own way
    BOOST_TEST(rco::render(untranslated_held, spanish()) == "1.250 meetings held by 30 de junio de 2026");
}

BOOST_AUTO_TEST_CASE(spanish_y_becomes_e_and_o_becomes_u_before_the_same_sound) {
    const auto& es = spanish();
    BOOST_TEST(list(es, {"padres", "hijos"}) == "padres e hijos");
    BOOST_TEST(list(es, {"formación", "información"}) == "formación e información");
    BOOST_TEST(list(es, {"salud", "Iglesia"}) == "salud e Iglesia");
    BOOST_TEST(list(es, {"apoyo", "ídolos"}) == "apoyo e ídolos");
    BOOST_TEST(list(es, {"agua", "hielo"}) == "agua y hielo"); // hie- sounds ye-
    BOOST_TEST(list(es, {"Juan", "Ignacio", "Iván"}) == "Juan, Ignacio e Iván");
    BOOST_TEST(list(es, {"siete", "ocho"}, rco::list_style::or_) == "siete u ocho");
    BOOST_TEST(list(es, {"mujeres", "hombres"}, rco::list_style::or_) == "mujeres u hombres");
    BOOST_TEST(list(es, {"uno", "Óscar"}, rco::list_style::or_) == "uno u Óscar");
    BOOST_TEST(list(es, {"hoy", "mañana"}, rco::list_style::or_) == "hoy o mañana");
    BOOST_TEST(list(es, {"ayer", "1"}) == "ayer y 1");
}

BOOST_AUTO_TEST_CASE(plural_forms_follow_the_catalog) {
    const auto es = rco::i18n::load("es-MX", read_file(RCO_TEST_MO));
    BOOST_TEST(es->tag() == "es");
    BOOST_TEST(es->pattern(meetings, 1) == "{count} reunión comunitaria");
    BOOST_TEST(es->pattern(meetings, 3) == "{count} reuniones comunitarias");
    BOOST_TEST(es->pattern(meetings, 0) == "{count} reuniones comunitarias");
    BOOST_TEST(es->pattern(board, 0) == "la junta directiva");
    // untranslated: the English, by the English rule
    BOOST_TEST(es->pattern(untranslated, 1) == "{count} document");
    BOOST_TEST(es->pattern(untranslated, 2) == "{count} documents");
    // the same English under another id is another text
    constexpr rco::message_def other_board{"test.other", "the board"};
    BOOST_TEST(es->pattern(other_board, 0) == "the board");
    // a catalog without "format.*" entries writes numbers, dates and lists the English way
    BOOST_TEST(number(*es, 12500) == "12,500");
    BOOST_TEST(date(*es, 2026, 6, 30) == "2026-06-30");
    BOOST_TEST(list(*es, {"a", "b", "c"}) == "a, b and c");
    BOOST_CHECK_THROW((void)rco::i18n::load("español", read_file(RCO_TEST_MO)), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(the_catalog_text_in_spanish) {
    const auto& es = spanish();
    const auto& cat = rco::io::builtin_catalog();
    const auto* c = cat.find_check("S1.1");
    BOOST_REQUIRE(c);
    BOOST_TEST(rco::i18n::title(es, *c) == "Estatus 501(c)(3) de organización sin fines de lucro");
    BOOST_TEST(rco::i18n::title(rco::english(), *c) == "Nonprofit 501(c)(3) status");
    BOOST_TEST(rco::i18n::title(es, *cat.find_standard(1)) == "Organización sin fines de lucro");
    // a text whose English changed (a catalog read with --rules) stays in English
    auto changed = *c;
    changed.title = "Tax-exempt status";
    BOOST_TEST(rco::i18n::title(es, changed) == "Tax-exempt status");
    BOOST_TEST(rco::i18n::text(es, "no.such.context", "Anything") == "Anything");
    // every text of the catalog has its Spanish
    for (const auto& s : cat.standards) {
        BOOST_TEST(rco::i18n::title(es, s) != s.title, s.number);
        BOOST_TEST(rco::i18n::summary(es, s) != s.summary, s.number);
    }
    for (const auto& k : cat.checks) {
        BOOST_TEST(rco::i18n::title(es, k) != k.title, k.id);
        BOOST_TEST(rco::i18n::question(es, k) != k.question, k.id);
        BOOST_TEST(rco::i18n::rationale(es, k) != k.rationale, k.id);
        BOOST_TEST(rco::i18n::remediation(es, k) != k.remediation, k.id);
        for (std::size_t i = 0; i < k.evidence.size(); ++i)
            if (k.evidence[i].find(' ') != std::string::npos) // a bare field path stays as it is
                BOOST_TEST(rco::i18n::evidence(es, k, i) != k.evidence[i], k.id << " evidence " << i);
        for (const auto& p : k.parameters)
            BOOST_TEST(rco::i18n::description(es, k, p) != p.description, k.id << " " << p.name);
    }
    for (const auto& p : cat.profiles) {
        BOOST_TEST(rco::i18n::title(es, p) != p.title, p.name);
        BOOST_TEST(rco::i18n::description(es, p) != p.description, p.name);
    }
    for (const auto& b : cat.accreditation.bands)
        BOOST_TEST(rco::i18n::title(es, b) != b.title, b.name);
}

BOOST_AUTO_TEST_CASE(every_fixture_explanation_renders_in_spanish) {
    // Each check fixture's finding, in Spanish: every placeholder filled (no "{name?}"),
    // no English pattern left, and the record's own numbers still there.
    const auto& es = spanish();
    std::size_t rendered = 0;
    for (const auto& entry : std::filesystem::directory_iterator(rco::test::source_dir() / "tests/fixtures/checks")) {
        if (entry.path().extension() != ".json")
            continue;
        const auto doc = rco::test::load_json(entry.path()).as_object();
        const std::string id(doc.at("check").as_string());
        for (const auto& cv : doc.at("cases").as_array()) {
            const auto& c = cv.as_object();
            if (c.contains("parameters") || c.contains("profile"))
                continue;
            boost::json::value rec = rco::test::base_record_json();
            if (auto p = c.find("patch"); p != c.end())
                rco::test::merge_patch(rec, p->value());
            const auto result = rco::test::audit_json(rec);
            const auto* cr = result.find_check(id);
            BOOST_REQUIRE(cr);
            const std::string en = cr->explanation(), spanish_text = cr->explanation(es);
            BOOST_TEST_CONTEXT(id << " / " << c.at("name").as_string() << ": " << spanish_text) {
                ++rendered;
                BOOST_TEST(spanish_text.find("?}") == std::string::npos);
                BOOST_TEST(spanish_text != en);
                for (const char* english : {" is not recorded", " are recorded", " expected", " the review date"})
                    BOOST_TEST(spanish_text.find(english) == std::string::npos, "English left: " << english);
            }
        }
    }
    BOOST_TEST(rendered > 100u);
}

BOOST_AUTO_TEST_CASE(clinical_service_labels_are_catalog_text_in_the_report_language) {
    // S6.2 names a clinical service's type by the vocabulary's label: a nested message whose
    // translation is the catalog entry vocabulary.clinical_service_labels.<type>.
    boost::json::value rec = rco::test::base_record_json();
    rco::test::merge_patch(rec, boost::json::parse(R"({"services": [
        {"name": "Recovery coaching", "type": "peer_recovery_coaching", "delivered_by": "peers", "referral_only": false},
        {"type": "detox", "delivered_by": "staff"}]})"));
    const auto result = rco::test::audit_json(rec);
    const auto* cr = result.find_check("S6.2");
    BOOST_REQUIRE(cr);
    BOOST_TEST(cr->status == rco::status::fail);
    const std::string en = cr->explanation(), es = cr->explanation(spanish());
    BOOST_TEST(en.find("service 2 (detoxification / withdrawal management)") != std::string::npos, en);
    BOOST_TEST(es.find("(desintoxicación / manejo de la abstinencia)") != std::string::npos, es);
    BOOST_TEST(es.find("detoxification") == std::string::npos, es);
    // For an embedding system: the label is a message of its own, by its catalog id.
    const auto* services = cr->message.find("services");
    BOOST_REQUIRE(services);
    const auto& listed = std::get<std::vector<rco::message>>(services->value);
    BOOST_REQUIRE_EQUAL(listed.size(), 1u);
    const auto* type = listed[0].find("type");
    BOOST_REQUIRE(type);
    const auto& label = std::get<std::vector<rco::message>>(type->value);
    BOOST_REQUIRE_EQUAL(label.size(), 1u);
    BOOST_REQUIRE(label[0].def);
    BOOST_TEST(label[0].def->id == "vocabulary.clinical_service_labels.detox");
    BOOST_TEST(label[0].def->one == "detoxification / withdrawal management");
}

BOOST_AUTO_TEST_CASE(languages_are_shared_between_threads) {
    std::vector<std::string> results(8);
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < results.size(); ++t)
            threads.emplace_back([&results, t] {
                const auto* es = rco::i18n::find("es");
                std::string out;
                for (int i = 0; i < 200; ++i) {
                    out.clear();
                    es->append_date(out, rco::date{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{30}});
                    out += ' ';
                    out += rco::i18n::text(*es, "standard.1.title", "Nonprofit organization");
                }
                results[t] = out;
            });
    }
    for (const auto& r : results)
        BOOST_TEST(r == "30 de junio de 2026 Organización sin fines de lucro");
}

BOOST_AUTO_TEST_SUITE_END()
