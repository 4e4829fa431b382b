// Test helpers: the repository's files, JSON merge patches, auditing a JSON value.
#pragma once

#include "rco/rco.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rco {
// Lets Boost.Test print the library's enums in failure messages.
// Non-templates, so they win over Boost.Test's generic printer.
#define RCO_TEST_PRINTER(E)                                                                                            \
    inline std::ostream& boost_test_print_type(std::ostream& os, const E& e) { return os << to_string(e); }
RCO_TEST_PRINTER(legal_status)
RCO_TEST_PRINTER(parent_type)
RCO_TEST_PRINTER(autonomy_area)
RCO_TEST_PRINTER(seat_state)
RCO_TEST_PRINTER(officer_role)
RCO_TEST_PRINTER(recovery_identity)
RCO_TEST_PRINTER(service_category)
RCO_TEST_PRINTER(delivery)
RCO_TEST_PRINTER(eligibility)
RCO_TEST_PRINTER(event_type)
RCO_TEST_PRINTER(audience)
RCO_TEST_PRINTER(ethics_scope)
RCO_TEST_PRINTER(filing_form)
#undef RCO_TEST_PRINTER
inline std::ostream& boost_test_print_type(std::ostream& os, status s) { return os << to_string(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, level l) { return os << to_string(l); }
inline std::ostream& boost_test_print_type(std::ostream& os, severity s) {
    return os << (s == severity::error ? "error" : "warning");
}
} // namespace rco

namespace rco::test {

/// A test's own explanation text (e.g. markup to escape), as a message of one text argument.
inline constexpr message_def test_text{"test.text", "{text}"};
inline void set_explanation(check_result& c, std::string text) {
    c.message = message{&test_text, {}};
    c.message.args.push_back({"text", std::move(text)});
}

inline std::filesystem::path source_dir() { return RCO_SOURCE_DIR; }

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline boost::json::value load_json(const std::filesystem::path& p) { return boost::json::parse(slurp(p)); }

/// RFC 7396 JSON merge patch: objects merge recursively, null deletes, anything else replaces.
inline void merge_patch(boost::json::value& target, const boost::json::value& patch) {
    if (!patch.is_object()) {
        target = patch;
        return;
    }
    if (!target.is_object())
        target = boost::json::object{};
    auto& t = target.get_object();
    for (const auto& kv : patch.get_object()) {
        if (kv.value().is_null())
            t.erase(kv.key());
        else
            merge_patch(t[kv.key()], kv.value());
    }
}

/// The base fixture record: complete, as of 2026-06-30, passing every check.
inline const boost::json::value& base_record_json() {
    static const boost::json::value v = load_json(source_dir() / "tests/fixtures/base-record.json");
    return v;
}

/// Reads a record from a JSON value; throws with the diagnostics when it has errors.
inline record to_record(const boost::json::value& v, const std::string& label = "fixture") {
    auto text = boost::json::serialize(v);
    auto r = io::read_record_json(text, label);
    if (!r.ok()) {
        std::string why;
        for (const auto& d : r.diagnostics)
            why += "\n  " + format_diagnostic(d);
        throw std::runtime_error("fixture record has errors:" + why);
    }
    return *r.record;
}

inline audit_result audit_json(const boost::json::value& v, std::string_view profile = "national",
                               const tailoring& t = {}) {
    auto rec = to_record(v);
    return audit(io::builtin_catalog(), profile, rec, *rec.as_of, t);
}

/// Report provenance for writer tests: fixed version and digests, so outputs are comparable.
inline report::report_info report_info_for(const std::string& name = "Harbor Recovery Community",
                                           bool names = false) {
    report::report_info info;
    info.tool_version = "9.9.9";
    info.input_file = "examples/x.json";
    info.input_sha256 = std::string(64, 'a');
    info.catalog_version = io::builtin_catalog().version;
    info.catalog_sha256 = io::builtin_catalog().sha256;
    info.organization_name = name;
    info.organization_ein = "41-2873561";
    info.show_names = names;
    return info;
}

/// The base record with one untrained, unsupervised peer worker (id p-alpha): S6.3 and
/// S6.4 fail, so standard 6 is not met.
inline audit_result audit_with_untrained_peer() {
    boost::json::value v = base_record_json();
    merge_patch(v, boost::json::parse(R"({"peer_workers":[
        {"id":"p-alpha","active":true,"trained":false,"supervision_sessions":[],"ethics_training":"2026-01-01",
         "code_acknowledged":"2026-01-01"}]})"));
    return audit_json(v);
}

} // namespace rco::test
