// Fuzz target: the workbook reader (rco::io::read_record_xlsx). An accepted record must
// round-trip through the JSON and XML writers, and through the workbook writer, in
// English and in Spanish, when it can write the record exactly.
#include "fuzz.hpp"

#include "rco/i18n.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto r = rco::io::read_record_xlsx(rco::fuzz::as_text(data, size), "fuzz.xlsx");
    if (!r.ok())
        return 0;
    rco::fuzz::check_round_trips(*r.record);
    static const auto* spanish = rco::i18n::find("es");
    for (const auto* lang : {&rco::english(), spanish}) {
        if (!lang)
            continue;
        const auto written = rco::io::write_record_xlsx(*r.record, *lang);
        if (written.ok()) {
            const auto back = rco::io::read_record_xlsx(written.bytes, "round-trip.xlsx");
            RCO_FUZZ_CHECK(back.ok());
            RCO_FUZZ_CHECK(rco::io::write_record_json(*back.record) == rco::io::write_record_json(*r.record));
        }
    }
    return 0;
}
