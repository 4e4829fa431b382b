// Fuzz target: the review reader (rco::io::read_review_json). A review it accepts is
// checked against the starter record (the organization set to match it, so the rest is
// exercised), folded into the audit when check_reviews finds nothing, and every report
// is written: the JSON report must parse, the plan and the accreditation section render.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const rco::catalog& cat = rco::io::builtin_catalog();
    std::vector<rco::diagnostic> diags;
    auto rv = rco::io::read_review_json(rco::fuzz::as_text(data, size), "fuzz.json", cat, diags);
    if (!rv || rco::has_errors(diags))
        return 0;
    for (const auto& j : rv->judgments)
        RCO_FUZZ_CHECK(cat.find_check(j.check_id) != nullptr);
    for (const auto& s : rv->scores)
        RCO_FUZZ_CHECK(s.standard >= 1 && s.standard <= 10 && s.has_it >= 0 && s.has_it <= 2 && s.uses_it >= 0 &&
                       s.uses_it <= 2);
    static const auto starter = rco::io::read_record_json(rco::io::starter_record(), "starter-record.json");
    RCO_FUZZ_CHECK(starter.ok());
    const auto& rec = *starter.record;
    (void)rco::check_reviews(rco::audit(cat, "national", rec, rco::fuzz::review_date_or_default(rec)), rec, {*rv});
    rv->organization_ein = rec.organization->ein.value_or("");
    rv->organization_name = rec.organization->name.value_or("");
    const auto as_of = rco::fuzz::review_date_or_default(rec);
    const auto automatic = rco::audit(cat, "national", rec, as_of);
    if (rco::has_errors(rco::check_reviews(automatic, rec, {*rv})))
        return 0;
    const auto r = rco::apply_reviews(automatic, cat, {}, {*rv, *rv});
    RCO_FUZZ_CHECK(r.accreditation.has_value());
    rco::report::report_info info;
    info.tool_version = "fuzz";
    info.reviews.push_back({"fuzz.json", "0", rv->reviewer.label()});
    const std::string json = rco::report::write_json(r, info);
    boost::system::error_code ec;
    (void)boost::json::parse(json, ec);
    RCO_FUZZ_CHECK(!ec);
    (void)rco::report::write_text(r, info);
    (void)rco::report::write_html(r, info);
    (void)rco::report::write_markdown(r, info);
    (void)rco::report::write_pip(r, info);
    return 0;
}
