// Fuzz target: the review workbook reader (rco::io::read_review_xlsx). A review it
// accepts is checked as the JSON reader's are (rco::fuzz::check_review).
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<rco::diagnostic> diags;
    auto rv = rco::io::read_review_xlsx(rco::fuzz::as_text(data, size), "fuzz.xlsx", rco::io::builtin_catalog(), diags);
    if (rv && !rco::has_errors(diags))
        rco::fuzz::check_review(std::move(*rv));
    return 0;
}
