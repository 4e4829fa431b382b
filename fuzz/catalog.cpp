// Fuzz target: the catalog reader (rco::io::read_catalog). The input replaces the rules
// file whose format it names ("rco-profiles/1", "rco-language/1", "rco-vocabulary/1",
// "rco-accreditation/1"; otherwise standards.json); the others are the built-in ones, so
// rules/*.json are seeds as they are. A catalog it accepts must audit the starter record
// under each of its profiles, and with a review scoring every standard. An
// "rco-language/1" input is also read on its own as a term table
// (rco::io::read_language_table) and must be accepted exactly when the catalog accepts it.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const rco::io::catalog_texts builtin = rco::io::builtin_catalog_texts();
    const std::string_view text = rco::fuzz::as_text(data, size);
    rco::io::catalog_texts texts = builtin;
    std::string* replaced = &texts.standards;
    if (text.find("rco-profiles/1") != std::string_view::npos)
        replaced = &texts.profiles;
    else if (text.find("rco-language/1") != std::string_view::npos)
        replaced = &texts.language;
    else if (text.find("rco-vocabulary/1") != std::string_view::npos)
        replaced = &texts.vocabulary;
    else if (text.find("rco-accreditation/1") != std::string_view::npos)
        replaced = &texts.accreditation;
    *replaced = std::string(text);
    std::vector<rco::diagnostic> diags;
    const auto cat = rco::io::read_catalog(texts, "fuzz-rules", diags);
    if (replaced == &texts.language) {
        // A term table read on its own (rco::io::read_language_table, as for
        // rules/language-es.json) is accepted exactly when the catalog accepts it as its
        // language.json, and it can scan a text.
        std::vector<rco::diagnostic> own;
        const auto table = rco::io::read_language_table(text, "fuzz-language", rco::io::builtin_catalog(), own);
        RCO_FUZZ_CHECK(table.has_value() == (cat.has_value() && !rco::has_errors(diags)));
        if (table)
            (void)rco::scan_language("Los adictos y el abuso de drogas: «limpio», Alcohólicos Anónimos.", *table);
    }
    if (!cat || rco::has_errors(diags))
        return 0;
    static const auto starter = rco::io::read_record_json(rco::io::starter_record(), "starter-record.json");
    RCO_FUZZ_CHECK(starter.ok());
    for (const auto& p : cat->profiles)
        (void)rco::audit(*cat, p.name, *starter.record, rco::fuzz::review_date_or_default(*starter.record));
    rco::review rv;
    rv.organization_ein = starter.record->organization->ein.value_or("");
    rv.reviewer.id = "fuzz";
    rv.date = rco::fuzz::review_date_or_default(*starter.record);
    for (const auto& s : cat->standards)
        rv.scores.push_back({s.number, 2, 1, {}, "", "", {}});
    const auto r = rco::audit(*cat, "national", *starter.record, rv.date, {}, {rv});
    RCO_FUZZ_CHECK(r.accreditation && !r.accreditation->band.empty());
    return 0;
}
