// Fuzz target: the CSV board roster (rco::io::read_roster_csv), merged into the starter
// record and audited.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<rco::diagnostic> diags;
    auto members = rco::io::read_roster_csv(rco::fuzz::as_text(data, size), "fuzz.csv", diags);
    if (!members || rco::has_errors(diags))
        return 0;
    auto rec = rco::io::read_record_json(rco::io::starter_record(), "starter-record.json");
    RCO_FUZZ_CHECK(rec.ok());
    rco::io::merge_roster(*rec.record, std::move(*members), "fuzz.csv", diags);
    rco::fuzz::audit_and_report(*rec.record, "national");
    return 0;
}
