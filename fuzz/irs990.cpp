// Fuzz target: the IRS Form 990 importer (rco::io::import_990) and the --into merge.
// An imported record must round-trip through both writers.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto r = rco::io::import_990(rco::fuzz::as_text(data, size), "201541349349307794_public.xml");
    if (!r.record)
        return 0;
    if (r.ok())
        rco::fuzz::check_round_trips(*r.record);
    // Merging into an empty record fills every imported field; merging again fills none.
    rco::record target;
    rco::io::merge_into(target, *r.record);
    RCO_FUZZ_CHECK(rco::io::merge_into(target, *r.record).empty());
    return 0;
}
