// Fuzz target: a record in any form (JSON, XML, 990; by content, as the command line
// reads it), audited under the national profile and one more, every report format
// written, and the two JSON reports diffed.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto r = rco::io::read_record(rco::fuzz::as_text(data, size), "fuzz-input");
    if (!r.ok())
        return 0;
    const rco::catalog& cat = rco::io::builtin_catalog();
    const std::string& other = cat.profiles[size % cat.profiles.size()].name;
    const bool show_names = size % 2 == 1;
    const std::string a = rco::fuzz::audit_and_report(*r.record, "national", {}, show_names);
    const std::string b = rco::fuzz::audit_and_report(*r.record, other, {}, show_names);
    rco::fuzz::diff_and_write(boost::json::parse(a), boost::json::parse(b));
    return 0;
}
