// Audit throughput against a bare Boost.JSON parse of the same bytes, in one process.
//
//   audit_bench [--records N] [--rounds R] [--cpu]
//                                               time the stages (default 1000 records, 7 rounds);
//                                               --cpu: by the thread's CPU time, not the wall
//                                               clock (steadier on a machine other work loads)
//   audit_bench --profile STAGE [--records N] [--rounds R]
//                                               run one stage's passes only (1 parse, 2 read,
//                                               3 read + audit, 4 read + audit + report; 5-7 the
//                                               reference figures below), timing nothing: for a
//                                               profiler (perf, callgrind)
//   audit_bench --write-corpus DIR N            write the same generated corpus as N files
//                                               (bench/batch_memory.sh uses it for the CLI)
//
// The corpus is generated deterministically from the examples (Northfield and Riverbend;
// Harbor is twice their size), with varied values: names,
// expenses, counts, meeting minutes, peer workers' training, and sentences added to
// the mission and to the documents (some with stigmatizing words, so standard 9 has findings
// to report). Records are compact JSON of about 7-8 KB.
//
// Stages, each one pass over the whole corpus per round, interleaved so that a burst of load
// from other processes hits all of them alike; the median round counts:
//   parse                  boost::json::parse (the floor)
//   read                   rco::io::read_record_json (parse + the record model + diagnostics)
//   read + audit           ... + rco::audit under the national profile
//   read + audit + report  ... + rco::report::write_json
// Goal: read + audit + report >= 0.25x the bare parse (aim: 0.5x).
// Three reference figures, not stages of the pipeline, show what the audit costs alone and
// what the report's size costs:
//   audit only             rco::audit of records read beforehand
//   report only            rco::report::write_json of audits done beforehand
//   report by Boost.JSON   boost::json::serialize of the same reports parsed into trees
//                          beforehand (compact: no indentation), the library's own writer
#include "rco/audit.hpp"
#include "rco/io/catalog_json.hpp"
#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/report/report.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace json = boost::json;
using clock_type = std::chrono::steady_clock;

std::size_t sink = 0; // results feed this so the work cannot be optimized away

/// Seconds of the wall clock, or of this thread's CPU time.
double now(bool cpu) {
    if (cpu) {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    }
    return std::chrono::duration<double>(clock_type::now().time_since_epoch()).count();
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + p.string());
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// A small deterministic generator (xorshift), so the corpus is the same on every machine.
struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

constexpr const char* places[] = {"Lakeside", "Prairie", "Hillcrest", "Eastgate", "Millbrook", "Cedar Valley",
                                  "Harborview", "Stonebridge", "Westfield", "Pine Ridge", "Riverside", "Oakmont"};
constexpr const char* mission_tails[] = {
    " We welcome every pathway to recovery and the families who walk beside people in recovery.",
    " Our peer recovery coaches meet people where they are, at no cost, in English and Spanish.",
    " We run all-recovery meetings, a recovery café and a family support group each week.",
    " We serve addicts and alcoholics across the county.",
    " Our volunteers are people with lived experience of substance use and recovery.",
    " We help people stay clean after detox and support persons in recovery from opioid use disorder.",
};
constexpr const char* document_tails[] = {
    "\nPeer support is free and confidential. Call or text our warmline any day of the week.\n",
    "\nWe host community potlucks, recovery walks and trainings on naloxone for neighbors and businesses.\n",
    "\nStaff should never describe participants as drug abusers or junkies in notes or conversations.\n",
    "\nRecovery coaching helps people with a substance use disorder set goals and build recovery capital.\n",
    "\nFamily members are welcome at every group; children can join the kids' corner on Saturdays.\n",
    "\nOur board reviews participant feedback each quarter and publishes what changed because of it.\n",
};

void vary_strings(json::value& v, rng& r, std::size_t index) {
    if (auto* o = v.if_object()) {
        for (auto& kv : *o) {
            const auto key = kv.key();
            if (key == "annual_expense" && kv.value().is_int64())
                kv.value() = kv.value().as_int64() * static_cast<std::int64_t>(80 + r.below(41)) / 100;
            else if (key == "minutes" && kv.value().is_bool())
                kv.value() = r.below(8) != 0;
            else if (key == "trained" && kv.value().is_bool())
                kv.value() = r.below(6) != 0;
            else if (key == "text" && kv.value().is_string())
                kv.value().as_string().append(document_tails[(index + r.below(3)) % std::size(document_tails)]);
            else
                vary_strings(kv.value(), r, index);
        }
    } else if (auto* a = v.if_array()) {
        for (auto& e : *a)
            vary_strings(e, r, index);
    }
}

/// Record `index` of the corpus: an example with varied values, compact JSON.
std::string make_record(const std::vector<json::value>& bases, std::size_t index) {
    rng r{0x9E3779B97F4A7C15ull ^ (index * 0x100000001B3ull + 1)};
    json::value v = bases[index % bases.size()];
    auto& org = v.as_object()["organization"].as_object();
    const std::string base_name = org["name"].as_string().c_str();
    org["name"] = base_name + " of " + places[r.below(std::size(places))] + " " + std::to_string(index + 1);
    if (auto* mission = org.if_contains("mission"); mission && mission->is_string())
        mission->as_string().append(mission_tails[r.below(std::size(mission_tails))]);
    if (auto* board = v.as_object().if_contains("board"); board && board->is_object())
        if (auto* counts = board->as_object().if_contains("counts"); counts && counts->is_object()) {
            auto& c = counts->as_object();
            if (c.contains("voting") && c.contains("personal")) {
                const auto voting = c["voting"].as_int64() + static_cast<std::int64_t>(r.below(5));
                c["voting"] = voting;
                c["personal"] = std::min<std::int64_t>(voting, voting / 2 + static_cast<std::int64_t>(r.below(3)));
            }
        }
    vary_strings(v, r, index);
    return json::serialize(v);
}

std::vector<json::value> corpus_bases() {
    const std::filesystem::path dir = std::filesystem::path(RCO_SOURCE_DIR) / "examples";
    std::vector<json::value> bases;
    // Harbor (15 KB) is left out: the two others are the size of a typical record.
    for (const char* name : {"northfield-wellness-collective.json", "riverbend-emerging-rco.json"})
        bases.push_back(json::parse(read_file(dir / name)));
    return bases;
}

struct stage {
    const char* label;
    std::function<void()> pass; // one pass over the corpus
    std::vector<double> seconds;
    double median() const {
        auto s = seconds;
        std::sort(s.begin(), s.end());
        return s[s.size() / 2];
    }
};

} // namespace

int main(int argc, char** argv) {
    std::size_t records = 1000, rounds = 7;
    std::string corpus_dir;
    bool cpu = false;
    std::size_t profile = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--records" && i + 1 < argc)
            records = std::stoul(argv[++i]);
        else if (a == "--rounds" && i + 1 < argc)
            rounds = std::max<std::size_t>(1, std::stoul(argv[++i]));
        else if (a == "--cpu")
            cpu = true;
        else if (a == "--profile" && i + 1 < argc)
            profile = std::stoul(argv[++i]);
        else if (a == "--write-corpus" && i + 2 < argc) {
            corpus_dir = argv[++i];
            records = std::stoul(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: audit_bench [--records N] [--rounds R] [--cpu | --profile STAGE] | --write-corpus DIR N\n");
            return 2;
        }
    }
    const auto bases = corpus_bases();
    std::vector<std::string> corpus;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < records; ++i) {
        corpus.push_back(make_record(bases, i));
        bytes += corpus.back().size();
    }
    if (!corpus_dir.empty()) {
        std::filesystem::create_directories(corpus_dir);
        for (std::size_t i = 0; i < corpus.size(); ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "rco-%06zu.json", i + 1);
            std::ofstream(std::filesystem::path(corpus_dir) / name, std::ios::binary) << corpus[i];
        }
        std::printf("%zu records, %.2f MB, written to %s\n", corpus.size(), static_cast<double>(bytes) / 1e6,
                    corpus_dir.c_str());
        return 0;
    }

    const auto& cat = rco::io::builtin_catalog();
    rco::report::report_info info;
    info.tool_version = RCO_VERSION;
    info.input_file = "bench.json";
    info.input_sha256 = std::string(64, '0');
    info.catalog_version = cat.version;
    info.catalog_sha256 = cat.sha256;
    const auto audit_one = [&](const std::string& text) {
        auto rd = rco::io::read_record_json(text, "bench.json");
        if (!rd.record)
            throw std::runtime_error("a generated record does not read");
        const auto as_of = rd.record->as_of.value_or(rco::date{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{30}});
        return rco::audit(cat, "national", *rd.record, as_of);
    };
    {   // every generated record must read without errors
        std::size_t findings = 0;
        for (const auto& text : corpus) {
            auto rd = rco::io::read_record_json(text, "bench.json");
            if (!rd.diagnostics.empty()) { // realistic records read cleanly
                std::fprintf(stderr, "a generated record has diagnostics: %s\n",
                             rco::format_diagnostic(rd.diagnostics.front()).c_str());
                return 1;
            }
            for (const auto& c : audit_one(text).checks)
                findings += c.findings.size();
        }
        std::printf("%zu records, %.2f MB (%.1f KB per record), %zu language findings; %zu rounds, %s\n",
                    corpus.size(), static_cast<double>(bytes) / 1e6,
                    static_cast<double>(bytes) / 1e3 / static_cast<double>(records), findings, rounds,
                    cpu ? "CPU time" : "wall clock");
    }

    // The reference figures' inputs: each record's audit and its report as a tree (not
    // needed, so not made, when one stage runs for a profiler).
    std::vector<rco::audit_result> audits;
    std::vector<rco::record> models;
    std::vector<json::value> report_trees;
    std::size_t report_bytes = 0;
    for (const auto& text : corpus) {
        if (profile != 0 && profile <= 4) // a pipeline stage: the reference inputs are not needed
            break;
        models.push_back(*rco::io::read_record_json(text, "bench.json").record);
        audits.push_back(audit_one(text));
        const auto report = rco::report::write_json(audits.back(), info);
        report_bytes += report.size();
        report_trees.push_back(json::parse(report));
    }

    std::vector<stage> stages;
    stages.push_back({"parse", [&] {
                          for (const auto& text : corpus)
                              sink += json::parse(text).as_object().size();
                      }, {}});
    stages.push_back({"read", [&] {
                          for (const auto& text : corpus)
                              sink += rco::io::read_record_json(text, "bench.json").diagnostics.size() + 1;
                      }, {}});
    stages.push_back({"read + audit", [&] {
                          for (const auto& text : corpus)
                              sink += audit_one(text).checks.size();
                      }, {}});
    stages.push_back({"read + audit + report", [&] {
                          for (const auto& text : corpus)
                              sink += rco::report::write_json(audit_one(text), info).size();
                      }, {}});
    const std::size_t pipeline = stages.size();
    stages.push_back({"audit only", [&] {
                          for (const auto& m : models)
                              sink += rco::audit(cat, "national", m, *m.as_of).checks.size();
                      }, {}});
    stages.push_back({"report only", [&] {
                          for (const auto& a : audits)
                              sink += rco::report::write_json(a, info).size();
                      }, {}});
    stages.push_back({"report by Boost.JSON", [&] {
                          for (const auto& v : report_trees)
                              sink += json::serialize(v).size();
                      }, {}});
    if (profile) {
        if (profile > stages.size()) {
            std::fprintf(stderr, "--profile: a stage from 1 to %zu\n", stages.size());
            return 2;
        }
        for (std::size_t r = 0; r < rounds; ++r)
            stages[profile - 1].pass();
        return sink == 0 ? 2 : 0;
    }
    for (auto& s : stages) // warm up
        s.pass();
    for (std::size_t r = 0; r < rounds; ++r)
        for (auto& s : stages) {
            const double t0 = now(cpu);
            s.pass();
            s.seconds.push_back(now(cpu) - t0);
        }
    const double floor = stages.front().median();
    for (std::size_t k = 0; k < stages.size(); ++k) {
        const auto& s = stages[k];
        if (k == pipeline)
            std::printf("for reference (%.1f KB of JSON report per record):\n",
                        static_cast<double>(report_bytes) / 1e3 / static_cast<double>(records));
        const double t = s.median();
        std::printf("%-22s %9.0f records/s %8.1f MB/s  %.3fx the parse\n", s.label,
                    static_cast<double>(records) / t, static_cast<double>(bytes) / t / 1e6, floor / t);
    }
    std::printf("read + audit + report = %.3fx the bare parse (goal >= 0.25x, aim 0.5x)\n",
                floor / stages[pipeline - 1].median());
    return sink == 0 ? 2 : 0;
}
