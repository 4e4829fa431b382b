#pragma once

#include "rco/io/json_format.hpp"
#include "rco/report/report.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace rco::report {

namespace json = boost::json;

std::string_view plain(status s) noexcept {
    switch (s) {
    case status::pass: return "pass";
    case status::fail: return "FAIL";
    case status::insufficient_evidence: return "needs evidence";
    case status::manual_review: return "needs review";
    case status::not_applicable: return "not applicable";
    case status::waived: return "waived";
    }
    return "";
}
std::string_view plain(standard_outcome s) noexcept {
    switch (s) {
    case standard_outcome::met: return "met";
    case standard_outcome::not_met: return "NOT MET";
    case standard_outcome::incomplete: return "incomplete";
    }
    return "";
}
std::string_view plain(overall_outcome s) noexcept {
    switch (s) {
    case overall_outcome::meets_standards: return "MEETS THE STANDARDS";
    case overall_outcome::does_not_meet: return "DOES NOT MEET THE STANDARDS";
    case overall_outcome::incomplete: return "INCOMPLETE";
    }
    return "";
}

std::vector<const check_result*> action_plan(const audit_result& r) {
    auto rank = [](status s) {
        switch (s) {
        case status::fail: return 0;
        case status::insufficient_evidence: return 1;
        case status::manual_review: return 2;
        default: return 3;
        }
    };
    std::vector<const check_result*> items;
    for (const auto& c : r.checks)
        if (rank(c.status) < 3)
            items.push_back(&c);
    std::stable_sort(items.begin(), items.end(), [&](const check_result* a, const check_result* b) {
        if (a->level != b->level)
            return a->level == level::required;
        return rank(a->status) < rank(b->status);
    });
    return items;
}

namespace {

json::array strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v)
        a.emplace_back(s);
    return a;
}

std::map<status, int> count_statuses(const audit_result& r) {
    std::map<status, int> counts;
    for (auto s : {status::pass, status::fail, status::insufficient_evidence, status::manual_review,
                   status::not_applicable, status::waived})
        counts[s] = 0;
    for (const auto& c : r.checks)
        ++counts[c.status];
    return counts;
}

} // namespace

std::string write_json(const audit_result& r, const report_info& info) {
    json::object root;
    root["format"] = json_report_format;
    root["tool"] = json::object{{"name", "rco-audit"}, {"version", info.tool_version}};
    root["input"] = json::object{{"file", info.input_file}, {"sha256", info.input_sha256}};
    root["catalog"] = json::object{{"version", info.catalog_version}, {"sha256", info.catalog_sha256}};
    if (!info.tailoring_file.empty())
        root["tailoring_file"] = json::object{{"file", info.tailoring_file}, {"sha256", info.tailoring_sha256}};
    json::object org;
    org["name"] = info.organization_name;
    if (!info.organization_ein.empty())
        org["ein"] = info.organization_ein;
    root["organization"] = std::move(org);
    root["profile"] = r.profile;
    root["as_of"] = format_date(r.as_of);
    root["result"] = to_string(r.result);
    root["score"] = r.score;
    json::object counts;
    for (const auto& [s, n] : count_statuses(r))
        counts[to_string(s)] = n;
    root["counts"] = std::move(counts);
    root["names_included"] = info.show_names;

    json::array standards;
    for (const auto& s : r.standards) {
        json::array ids;
        for (const auto& c : r.checks)
            if (c.standard == s.number)
                ids.emplace_back(c.id);
        standards.push_back(json::object{{"number", s.number},
                                         {"slug", s.slug},
                                         {"title", s.title},
                                         {"result", to_string(s.result)},
                                         {"score", s.score},
                                         {"checks", std::move(ids)}});
    }
    root["standards"] = std::move(standards);

    json::array checks;
    for (const auto& c : r.checks) {
        json::object o;
        o["id"] = c.id;
        o["slug"] = c.slug;
        o["standard"] = c.standard;
        o["title"] = c.title;
        o["level"] = to_string(c.level);
        o["status"] = to_string(c.status);
        if (c.underlying)
            o["underlying_status"] = to_string(*c.underlying);
        o["explanation"] = c.explanation;
        o["pointers"] = strings(c.pointers);
        if (c.status != status::pass && c.status != status::not_applicable) {
            o["remediation"] = c.remediation;
            o["evidence"] = strings(c.evidence);
        }
        if (c.status == status::manual_review || (c.underlying && *c.underlying == status::manual_review))
            o["question"] = c.question;
        if (!c.findings.empty()) {
            json::array fs;
            for (const auto& f : c.findings)
                fs.push_back(json::object{{"source", f.source},
                                          {"pointer", f.pointer},
                                          {"line", f.line},
                                          {"column", f.column},
                                          {"matched", f.matched},
                                          {"term", f.term_id},
                                          {"alternatives", strings(f.alternatives)},
                                          {"sources", strings(f.sources)}});
            o["findings"] = std::move(fs);
        }
        if (info.show_names && !c.subjects.empty())
            o["people"] = strings(c.subjects);
        if (c.waiver)
            o["waiver"] = json::object{{"justification", c.waiver->justification},
                                       {"approved_by", c.waiver->approved_by},
                                       {"expires", format_date(c.waiver->expires)}};
        checks.push_back(std::move(o));
    }
    root["checks"] = std::move(checks);

    json::array tailoring;
    for (const auto& t : r.tailoring)
        tailoring.push_back(json::object{{"check", t.check_id}, {"choice", t.what}});
    root["tailoring"] = std::move(tailoring);

    json::array warnings;
    for (const auto& w : info.warnings) {
        json::object o{{"file", w.file}, {"pointer", w.pointer}, {"message", w.message}};
        if (w.line > 0) {
            o["line"] = w.line;
            o["column"] = w.column;
        }
        warnings.push_back(std::move(o));
    }
    root["warnings"] = std::move(warnings);
    return io::pretty_json(root);
}

namespace {

/// Wraps `text` at `width` columns, every line prefixed by `indent`.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width = 88) {
    std::string out, line;
    std::istringstream words{std::string(text)};
    std::string word;
    const std::string pad(indent, ' ');
    while (words >> word) {
        if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
            out += pad + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty())
        out += pad + line + "\n";
    return out;
}

std::string pad_right(std::string_view s, std::size_t n) {
    std::string out(s);
    if (out.size() < n)
        out.append(n - out.size(), ' ');
    return out;
}

} // namespace

std::string write_text(const audit_result& r, const report_info& info) {
    std::ostringstream out;
    const auto counts = count_statuses(r);
    int met = 0;
    for (const auto& s : r.standards)
        met += s.result == standard_outcome::met;

    out << "RCO standards audit: " << (info.organization_name.empty() ? "(organization name not recorded)" : info.organization_name)
        << "\n";
    out << "Review date " << format_date(r.as_of) << " · profile " << r.profile << " · " << info.input_file << "\n\n";

    out << "RESULT: " << plain(r.result) << " — " << met << " of " << r.standards.size() << " standards met";
    out << " (score " << r.score << "%).\n";
    auto n_verb = [&](status s, const char* one, const char* many) {
        const int n = counts.at(s);
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out << wrap(n_verb(status::pass, "check passes", "checks pass") + ", " + n_verb(status::fail, "fails", "fail") +
                    ", " + n_verb(status::insufficient_evidence, "needs evidence", "need evidence") + ", " +
                    n_verb(status::manual_review, "needs a reviewer's judgment", "need a reviewer's judgment") + ", " +
                    n_verb(status::not_applicable, "does not apply", "do not apply") +
                    (counts.at(status::waived) ? ", " + n_verb(status::waived, "is waived", "are waived") : "") + ".",
                0);
    out << "\nSTANDARDS\n";
    for (const auto& s : r.standards) {
        const auto score = std::to_string(s.score) + "%";
        out << "  " << pad_right(std::string(plain(s.result)), 11) << std::string(5 - score.size(), ' ') << score
            << "  " << (s.number < 10 ? " " : "") << s.number << ". " << s.title << "\n";
    }

    const auto plan = action_plan(r);
    out << "\nWHAT TO DO NEXT\n";
    if (plan.empty())
        out << "  Nothing: every check passes or does not apply. Keep the evidence current for the next review.\n";
    int n = 0;
    for (const auto* c : plan) {
        ++n;
        out << "  " << n << ". [" << c->id << "] " << c->title << " (" << to_string(c->level) << ", "
            << plain(c->status) << ")\n";
        out << wrap(c->explanation, 6);
        if (c->status == status::manual_review && c->explanation.find(c->question) == std::string::npos)
            out << wrap("Question for the reviewer: " + c->question, 6);
        out << wrap("Next step: " + c->remediation, 6);
        if (info.show_names && !c->subjects.empty())
            out << wrap("People concerned: " + [&] {
                std::string s;
                for (const auto& id : c->subjects)
                    s += (s.empty() ? "" : ", ") + id;
                return s;
            }(), 6);
    }

    out << "\nEVERY CHECK\n";
    for (const auto& s : r.standards) {
        out << "  Standard " << s.number << ": " << s.title << " — " << plain(s.result) << "\n";
        for (const auto& c : r.checks) {
            if (c.standard != s.number)
                continue;
            out << "    " << pad_right(std::string(plain(c.status)), 15) << pad_right(c.id, 6) << c.title
                << (c.level == level::recommended ? " (recommended)" : "") << "\n";
            out << wrap(c.explanation + " [" + c.id + "]", 8);
            if (c.waiver)
                out << wrap("Waived until " + format_date(c.waiver->expires) + " (approved by " +
                                c.waiver->approved_by + "): " + c.waiver->justification,
                            8);
        }
    }

    if (!r.tailoring.empty()) {
        out << "\nTAILORING" << (info.tailoring_file.empty() ? "" : " (" + info.tailoring_file + ")") << "\n";
        for (const auto& t : r.tailoring)
            out << wrap(t.check_id + ": " + t.what, 2);
    }
    if (!info.warnings.empty()) {
        out << "\nWARNINGS ABOUT THE RECORD\n";
        for (const auto& w : info.warnings)
            out << wrap(format_diagnostic(w), 2);
    }
    out << "\nProvenance: rco-audit " << info.tool_version << ", catalog " << info.catalog_version << " (sha256 "
        << info.catalog_sha256.substr(0, 16) << "…), input sha256 " << info.input_sha256.substr(0, 16) << "…\n";
    if (!info.show_names)
        out << "Names and ids of board members and peer workers are left out; counts only.\n";
    return out.str();
}

} // namespace rco::report
