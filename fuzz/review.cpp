// Fuzz target: the review reader (rco::io::read_review_json). A review it accepts is
// checked against the starter record and folded into its audit (rco::fuzz::check_review).
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<rco::diagnostic> diags;
    auto rv = rco::io::read_review_json(rco::fuzz::as_text(data, size), "fuzz.json", rco::io::builtin_catalog(), diags);
    if (rv && !rco::has_errors(diags))
        rco::fuzz::check_review(std::move(*rv));
    return 0;
}
