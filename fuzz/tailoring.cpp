// Fuzz target: the tailoring reader (rco::io::read_tailoring_json). A tailoring it accepts
// must audit the starter record (no exception) and report in every format.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const rco::catalog& cat = rco::io::builtin_catalog();
    std::vector<rco::diagnostic> diags;
    auto t = rco::io::read_tailoring_json(rco::fuzz::as_text(data, size), "fuzz.json", cat, diags);
    if (!t || rco::has_errors(diags))
        return 0;
    const std::string profile = t->profile.value_or("national");
    if (!cat.find_profile(profile))
        return 0; // the command line refuses an unknown profile before auditing
    static const auto starter = rco::io::read_record_json(rco::io::starter_record(), "starter-record.json");
    RCO_FUZZ_CHECK(starter.ok());
    rco::fuzz::audit_and_report(*starter.record, profile, t->tailoring);
    return 0;
}
