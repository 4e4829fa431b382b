// Audits a record built in memory: no files, no I/O inside the library.
#include <rco/rco.hpp>

#include <iostream>

int main() {
    rco::record rec;
    rec.format = "rco-record/1";
    rco::organization org;
    org.name = "Consumer Test RCO";
    org.legal_status = rco::legal_status::exempt_501c3;
    org.ein = "41-1234567";
    rec.organization = org;
    const auto result = rco::audit(rco::io::builtin_catalog(), "national", rec, *rco::parse_date("2026-06-30"));
    const auto* s11 = result.find_check("S1.1");
    const auto* s21 = result.find_check("S2.1");
    if (result.checks.size() != 43 || !s11 || s11->status != rco::status::pass || !s21 ||
        s21->status != rco::status::insufficient_evidence || result.result != rco::overall_outcome::incomplete) {
        std::cerr << "unexpected audit result\n";
        return 1;
    }
    std::cout << "consumer ok: " << result.checks.size() << " checks, result " << rco::to_string(result.result)
              << "\n";
    return 0;
}
