// Fuzz target: the XML record reader (rco::io::read_record_xml). A record it accepts
// must round-trip through both writers.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto r = rco::io::read_record_xml(rco::fuzz::as_text(data, size), "fuzz.xml");
    if (r.ok())
        rco::fuzz::check_round_trips(*r.record);
    return 0;
}
