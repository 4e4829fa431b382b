#pragma once

#include "rco/escape.hpp"
#include "rco/io/json_format.hpp"
#include "rco/report/diff.hpp"
#include "rco/report/report.hpp"

#include <boost/json.hpp>

#include <map>

namespace rco::report {

std::string_view to_string(check_change c) noexcept {
    switch (c) {
    case check_change::fixed: return "fixed";
    case check_change::newly_failing: return "newly_failing";
    case check_change::changed: return "changed";
    case check_change::added: return "added";
    case check_change::removed: return "removed";
    }
    return "changed";
}

bool pip_progress::closed(const check_diff& c) noexcept {
    return c.new_status == "pass" || c.new_status == "not_applicable" || c.new_status == "waived";
}

std::size_t pip_progress::item_count() const noexcept { return items.empty() ? 1 : items.size(); }

std::size_t pip_progress::closed_items() const noexcept {
    if (items.empty())
        return new_finding == "meets" || new_finding == "exceeds" ? 1 : 0;
    std::size_t n = 0;
    for (const auto& c : items)
        n += closed(c) ? 1 : 0;
    return n;
}

bool report_diff::regressed() const noexcept {
    for (const auto& s : standards)
        if (s.old_result == "met" && s.new_result != "met")
            return true;
    for (const auto& c : checks)
        if (c.change == check_change::newly_failing)
            return true;
    return false;
}

namespace {

namespace json = boost::json;

/// ok: nothing to do; review: a person must judge; problem: fail or missing evidence.
int rank(std::string_view status) {
    if (status == "fail" || status == "insufficient_evidence")
        return 2;
    if (status == "manual_review")
        return 1;
    return 0;
}

/// How a check's status moved: fixed (a problem or an open question now settled),
/// newly failing (now a problem), or changed otherwise.
check_change classify(const std::string& from_status, const std::string& to_status) {
    const int from = rank(from_status), to = rank(to_status);
    return (from > 0 && to == 0) ? check_change::fixed
           : (to == 2 && from < 2) ? check_change::newly_failing
                                   : check_change::changed;
}

/// The plan's items in all, and how many are closed.
std::pair<std::size_t, std::size_t> pip_totals(const report_diff& d) {
    std::size_t items = 0, closed = 0;
    for (const auto& p : d.pip) {
        items += p.item_count();
        closed += p.closed_items();
    }
    return {items, closed};
}

struct parsed_report {
    const json::object* root = nullptr;
    std::string str(std::string_view key) const {
        auto it = root->find(key);
        return it != root->end() && it->value().is_string() ? std::string(it->value().get_string()) : std::string();
    }
    std::string nested(std::string_view key, std::string_view sub) const {
        auto it = root->find(key);
        if (it == root->end() || !it->value().is_object())
            return {};
        auto s = it->value().get_object().find(sub);
        return s != it->value().get_object().end() && s->value().is_string() ? std::string(s->value().get_string())
                                                                              : std::string();
    }
    int integer(std::string_view key) const {
        auto it = root->find(key);
        return it != root->end() && it->value().is_int64() ? static_cast<int>(it->value().get_int64()) : 0;
    }
};

std::optional<parsed_report> check_report(const json::value& v, const char* which, std::string& error) {
    auto fail = [&](const std::string& why) {
        error = std::string("the ") + which + " report " + why;
        return std::nullopt;
    };
    if (!v.is_object())
        return fail("is not a JSON object");
    const auto& o = v.get_object();
    auto f = o.find("format");
    if (f == o.end() || !f->value().is_string() || f->value().get_string() != json_report_format)
        return fail("is not an rco-audit-report/1 report (its \"format\" must be \"rco-audit-report/1\"; "
                    "make one with: rco-audit check RECORD --format json)");
    for (const char* key : {"standards", "checks"})
        if (!o.contains(key) || !o.at(key).is_array())
            return fail(std::string("has no \"") + key + "\" list");
    // Scores are percentages: any other number is not from this tool, and the changes
    // computed from it could not be trusted (nor kept from overflowing).
    auto bad_score = [](const json::object& obj) {
        const auto it = obj.find("score");
        return it != obj.end() &&
               !(it->value().is_int64() && it->value().get_int64() >= 0 && it->value().get_int64() <= 100);
    };
    if (bad_score(o))
        return fail("has a \"score\" that is not a whole number from 0 to 100");
    const auto& standards = o.at("standards").get_array();
    for (std::size_t i = 0; i < standards.size(); ++i)
        if (standards[i].is_object() && bad_score(standards[i].get_object()))
            return fail("has a score that is not a whole number from 0 to 100 at /standards/" + std::to_string(i) +
                        "/score");
    return parsed_report{&o};
}

template <class F>
void for_each_entry(const json::object& root, std::string_view list, F&& f) {
    for (const auto& e : root.at(list).get_array())
        if (e.is_object())
            f(e.get_object());
}

std::string text_of(const json::object& o, std::string_view key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string(it->value().get_string()) : std::string();
}

int int_of(const json::object& o, std::string_view key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_int64() ? static_cast<int>(it->value().get_int64()) : 0;
}

std::string signed_change(int from, int to) {
    const int d = to - from;
    return d > 0 ? "+" + std::to_string(d) : std::to_string(d);
}

/// A check's status in words, as a board says it ("does not meet", "evidence missing").
std::string_view status_words(status s) noexcept {
    switch (s) {
    case status::pass: return "meets";
    case status::fail: return "does not meet";
    case status::insufficient_evidence: return "evidence missing";
    case status::manual_review: return "needs a reviewer";
    case status::not_applicable: return "does not apply";
    case status::waived: return "waived";
    }
    return "";
}

/// A status or result as a report spells it ("insufficient_evidence", "not_met",
/// "meets_standards"), in words; a word this tool does not write stays as written.
std::string in_words(const std::string& code) {
    if (code.empty())
        return "absent";
    for (auto x : {status::pass, status::fail, status::insufficient_evidence, status::manual_review,
                   status::not_applicable, status::waived})
        if (to_string(x) == code)
            return std::string(status_words(x));
    static constexpr std::pair<std::string_view, std::string_view> results[] = {
        {"met", "meets"},
        {"not_met", "does not meet"},
        {"incomplete", "incomplete"},
        {"meets_standards", "meets the standards"},
        {"does_not_meet", "does not meet the standards"},
    };
    for (const auto& r : results)
        if (r.first == code)
            return std::string(r.second);
    return code;
}

} // namespace

std::optional<report_diff> diff_reports(const json::value& old_v, const json::value& new_v, std::string& error) {
    auto a = check_report(old_v, "old", error);
    if (!a)
        return std::nullopt;
    auto b = check_report(new_v, "new", error);
    if (!b)
        return std::nullopt;
    report_diff d;
    d.organization = b->nested("organization", "name");
    d.old_as_of = a->str("as_of");
    d.new_as_of = b->str("as_of");
    d.old_result = a->str("result");
    d.new_result = b->str("result");
    d.old_score = a->integer("score");
    d.new_score = b->integer("score");

    auto differs = [&](const std::string& what, const std::string& x, const std::string& y) {
        if (x != y)
            d.warnings.push_back("the reports were made with different " + what + " (old: " + (x.empty() ? "?" : x) +
                                 ", new: " + (y.empty() ? "?" : y) + "); changes may come from that, not from the "
                                 "organization");
    };
    differs("organizations", a->nested("organization", "name"), d.organization);
    differs("profiles", a->str("profile"), b->str("profile"));
    if (a->nested("catalog", "sha256") != b->nested("catalog", "sha256"))
        differs("catalogs", a->nested("catalog", "version") + " " + a->nested("catalog", "sha256").substr(0, 12),
                b->nested("catalog", "version") + " " + b->nested("catalog", "sha256").substr(0, 12));

    std::map<int, const json::object*> old_standards;
    for_each_entry(*a->root, "standards", [&](const json::object& s) { old_standards[int_of(s, "number")] = &s; });
    for_each_entry(*b->root, "standards", [&](const json::object& s) {
        standard_change c;
        c.number = int_of(s, "number");
        c.title = text_of(s, "title");
        c.new_result = text_of(s, "result");
        c.new_score = int_of(s, "score");
        if (auto it = old_standards.find(c.number); it != old_standards.end()) {
            c.old_result = text_of(*it->second, "result");
            c.old_score = int_of(*it->second, "score");
        }
        if (c.old_result != c.new_result || c.old_score != c.new_score)
            d.standards.push_back(std::move(c));
    });

    std::map<std::string, const json::object*> old_checks;
    std::vector<std::string> old_order;
    for_each_entry(*a->root, "checks", [&](const json::object& c) {
        old_checks[text_of(c, "id")] = &c;
        old_order.push_back(text_of(c, "id"));
    });
    std::map<std::string, bool> seen;
    for_each_entry(*b->root, "checks", [&](const json::object& c) {
        check_diff cd;
        cd.id = text_of(c, "id");
        cd.title = text_of(c, "title");
        cd.new_status = text_of(c, "status");
        seen[cd.id] = true;
        auto it = old_checks.find(cd.id);
        if (it == old_checks.end()) {
            cd.change = check_change::added;
            d.checks.push_back(std::move(cd));
            return;
        }
        cd.old_status = text_of(*it->second, "status");
        if (cd.old_status == cd.new_status) {
            ++d.unchanged_checks;
            return;
        }
        cd.change = classify(cd.old_status, cd.new_status);
        d.checks.push_back(std::move(cd));
    });
    // The earlier plan: accreditation.pip.standards[] {standard, checks[], due}.
    std::map<std::string, std::string> new_status, new_titles;
    for_each_entry(*b->root, "checks", [&](const json::object& c) {
        new_status[text_of(c, "id")] = text_of(c, "status");
        new_titles[text_of(c, "id")] = text_of(c, "title");
    });
    std::map<int, const json::object*> new_standards;
    for_each_entry(*b->root, "standards", [&](const json::object& s) { new_standards[int_of(s, "number")] = &s; });
    const json::array* plan = nullptr;
    if (const auto* acc = a->root->if_contains("accreditation"); acc && acc->is_object())
        if (const auto* pip = acc->get_object().if_contains("pip"); pip && pip->is_object())
            if (const auto* list = pip->get_object().if_contains("standards"); list && list->is_array())
                plan = &list->get_array();
    for (std::size_t k = 0; plan && k < plan->size(); ++k) {
        if (!(*plan)[k].is_object())
            continue;
        const auto& entry = (*plan)[k].get_object();
        pip_progress p;
        p.standard = int_of(entry, "standard");
        p.due = text_of(entry, "due");
        if (auto it = old_standards.find(p.standard); it != old_standards.end())
            p.title = text_of(*it->second, "title");
        if (auto it = new_standards.find(p.standard); it != new_standards.end())
            if (const auto* rv = it->second->if_contains("review"); rv && rv->is_object())
                p.new_finding = text_of(rv->get_object(), "finding");
        if (const auto* ids = entry.if_contains("checks"); ids && ids->is_array())
            for (const auto& id : ids->get_array()) {
                if (!id.is_string())
                    continue;
                check_diff item;
                item.id = std::string(id.get_string());
                if (auto it = old_checks.find(item.id); it != old_checks.end()) {
                    item.title = text_of(*it->second, "title");
                    item.old_status = text_of(*it->second, "status");
                }
                if (auto it = new_status.find(item.id); it != new_status.end()) {
                    item.new_status = it->second;
                    if (item.title.empty())
                        item.title = new_titles[item.id];
                }
                item.change = classify(item.old_status, item.new_status);
                p.items.push_back(std::move(item));
            }
        d.pip.push_back(std::move(p));
    }
    for (const auto& id : old_order)
        if (!seen.count(id)) {
            check_diff cd;
            cd.id = id;
            cd.title = text_of(*old_checks[id], "title");
            cd.old_status = text_of(*old_checks[id], "status");
            cd.change = check_change::removed;
            d.checks.push_back(std::move(cd));
        }
    return d;
}

std::string write_diff_text(const report_diff& d) {
    // Every string here comes from the two report files: shown on one line each, with
    // control characters as visible escapes, so none can start a line or drive a terminal.
    auto t = [](const std::string& s) { return terminal_safe(s); };
    std::string out = "Progress for " + (d.organization.empty() ? std::string("the organization") : t(d.organization)) +
                      ": review of " + t(d.old_as_of) + " compared with " + t(d.new_as_of) + "\n";
    for (const auto& w : d.warnings)
        out += "WARNING: " + t(w) + ".\n";
    // Results and statuses in words ("does not meet → meets"), not the JSON report's codes.
    const std::string to = " → ";
    out += "\nOverall: " + t(in_words(d.old_result)) + to + t(in_words(d.new_result)) + "; score " +
           std::to_string(d.old_score) + "%" + to + std::to_string(d.new_score) + "% (" +
           signed_change(d.old_score, d.new_score) + ")\n";
    auto section = [&](const char* heading, auto pred, auto line) {
        std::string body;
        for (const auto& x : pred)
            body += line(x);
        if (!body.empty())
            out += std::string("\n") + heading + "\n" + body;
    };
    std::vector<standard_change> gained, lost, other;
    for (const auto& s : d.standards)
        (s.new_result == "met" && s.old_result != "met"   ? gained
         : s.old_result == "met" && s.new_result != "met" ? lost
                                                          : other)
            .push_back(s);
    auto std_line = [&](const standard_change& s) {
        return "  " + std::to_string(s.number) + ". " + t(s.title) + ": " + t(in_words(s.old_result)) + to +
               t(in_words(s.new_result)) + ", score " + std::to_string(s.old_score) + "%" + to +
               std::to_string(s.new_score) + "%\n";
    };
    section("Standards newly met", gained, std_line);
    section("Standards no longer met", lost, std_line);
    section("Other standard changes", other, std_line);
    auto of_kind = [&](check_change k) {
        std::vector<check_diff> v;
        for (const auto& c : d.checks)
            if (c.change == k)
                v.push_back(c);
        return v;
    };
    auto check_line = [&](const check_diff& c) {
        return "  " + t(c.id) + " " + t(c.title) + ": " + t(in_words(c.old_status)) + to + t(in_words(c.new_status)) +
               "\n";
    };
    section("Checks fixed", of_kind(check_change::fixed), check_line);
    section("Checks newly failing or missing evidence", of_kind(check_change::newly_failing), check_line);
    section("Other check changes", of_kind(check_change::changed), check_line);
    section("Checks only in the new report", of_kind(check_change::added), check_line);
    section("Checks only in the old report", of_kind(check_change::removed), check_line);
    if (!d.pip.empty()) {
        const auto [items, closed] = pip_totals(d);
        out += "\nPerformance Improvement Plan of the review of " + t(d.old_as_of) + ": " + std::to_string(closed) +
               " of " + std::to_string(items) + " item" + (items == 1 ? "" : "s") + " closed\n";
        for (const auto& p : d.pip) {
            out += "  " + std::to_string(p.standard) + ". " + t(p.title) + " (due " + t(p.due) +
                   "): requires improvement" + to +
                   (p.new_finding.empty() ? std::string("not scored again")
                                          : t(p.new_finding == "requires_improvement" ? "requires improvement"
                                                                                      : p.new_finding)) +
                   "\n";
            for (const auto& c : p.items)
                out += "    " + t(c.id) + " " + t(c.title) + ": " + t(in_words(c.old_status)) + to +
                       t(in_words(c.new_status)) + (pip_progress::closed(c) ? " (closed)" : " (open)") + "\n";
            if (p.items.empty())
                out += std::string("    the reviewers' finding (no check was listed): ") +
                       (p.closed_items() ? "closed" : "open") + "\n";
        }
    }
    out += "\n" + std::to_string(d.unchanged_checks) + " checks unchanged.\n";
    return out;
}

std::string write_diff_json(const report_diff& d) {
    json::object root;
    root["format"] = "rco-audit-diff/1";
    root["organization"] = d.organization;
    root["old"] = json::object{{"as_of", d.old_as_of}, {"result", d.old_result}, {"score", d.old_score}};
    root["new"] = json::object{{"as_of", d.new_as_of}, {"result", d.new_result}, {"score", d.new_score}};
    root["score_change"] = d.new_score - d.old_score;
    root["regressed"] = d.regressed();
    json::array warnings;
    for (const auto& w : d.warnings)
        warnings.emplace_back(w);
    root["warnings"] = std::move(warnings);
    json::array standards;
    for (const auto& s : d.standards)
        standards.push_back(json::object{{"number", s.number},
                                         {"title", s.title},
                                         {"old", s.old_result},
                                         {"new", s.new_result},
                                         {"old_score", s.old_score},
                                         {"new_score", s.new_score}});
    root["standards"] = std::move(standards);
    json::array checks;
    for (const auto& c : d.checks)
        checks.push_back(json::object{{"id", c.id},
                                      {"title", c.title},
                                      {"old", c.old_status},
                                      {"new", c.new_status},
                                      {"change", to_string(c.change)}});
    root["checks"] = std::move(checks);
    root["unchanged_checks"] = d.unchanged_checks;
    if (!d.pip.empty()) {
        const auto [items, closed] = pip_totals(d);
        json::array plan;
        for (const auto& p : d.pip) {
            json::array entries;
            for (const auto& c : p.items)
                entries.push_back(json::object{{"id", c.id},
                                               {"title", c.title},
                                               {"old", c.old_status},
                                               {"new", c.new_status},
                                               {"closed", pip_progress::closed(c)}});
            plan.push_back(json::object{{"standard", p.standard},
                                        {"title", p.title},
                                        {"due", p.due},
                                        {"new_finding", p.new_finding},
                                        {"items", std::move(entries)},
                                        {"items_closed", p.closed_items()}});
        }
        root["pip"] = json::object{{"items", items}, {"items_closed", closed}, {"standards", std::move(plan)}};
    }
    return io::pretty_json(root);
}

} // namespace rco::report
