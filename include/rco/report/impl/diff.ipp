#pragma once

#include "rco/escape.hpp"
#include "rco/i18n.hpp"
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

// The diff's words. Results and statuses as a board says them ("does not meet", "evidence
// missing"), not the JSON report's codes.
constexpr message_def diff_heading{"diff.heading", "Progress for {organization}: review of {old} compared with {new}"};
constexpr message_def diff_the_organization{"diff.the_organization", "the organization"};
constexpr message_def diff_warning{"diff.warning", "WARNING: {warning}."};
constexpr message_def diff_overall{"diff.overall", "Overall: {old} → {new}; score {old_score}% → {new_score}% ({change})"};
constexpr message_def diff_standard{"diff.standard",
                                    "{number}. {title}: {old} → {new}, score {old_score}% → {new_score}%"};
constexpr message_def diff_gained{"diff.section.standards_gained", "Standards newly met"};
constexpr message_def diff_lost{"diff.section.standards_lost", "Standards no longer met"};
constexpr message_def diff_other_standards{"diff.section.standards_other", "Other standard changes"};
constexpr message_def diff_fixed{"diff.section.checks_fixed", "Checks fixed"};
constexpr message_def diff_newly_failing{"diff.section.checks_newly_failing", "Checks newly failing or missing evidence"};
constexpr message_def diff_other_checks{"diff.section.checks_other", "Other check changes"};
constexpr message_def diff_added{"diff.section.checks_added", "Checks only in the new report"};
constexpr message_def diff_removed{"diff.section.checks_removed", "Checks only in the old report"};
constexpr message_def diff_pip{"diff.pip.heading",
                               "Performance Improvement Plan of the review of {date}: {closed} of {count} item closed",
                               "Performance Improvement Plan of the review of {date}: {closed} of {count} items closed",
                               "count"};
constexpr message_def diff_pip_standard{"diff.pip.standard",
                                        "{number}. {title} (due {due}): requires improvement → {finding}"};
constexpr message_def diff_pip_not_scored{"diff.pip.not_scored", "not scored again"};
constexpr message_def diff_pip_closed{"diff.pip.closed", "closed"};
constexpr message_def diff_pip_open{"diff.pip.open", "open"};
constexpr message_def diff_pip_item{"diff.pip.item", "{id} {title}: {old} → {new} ({state})"};
constexpr message_def diff_pip_finding_only{"diff.pip.finding_only", "the reviewers' finding (no check was listed): {state}"};
constexpr message_def diff_unchanged{"diff.unchanged", "{count} check unchanged.", "{count} checks unchanged.", "count"};
constexpr message_def diff_absent{"diff.word.absent", "absent"};
constexpr message_def diff_meets{"diff.word.meets", "meets"};
constexpr message_def diff_does_not_meet{"diff.word.does_not_meet", "does not meet"};
constexpr message_def diff_evidence_missing{"diff.word.evidence_missing", "evidence missing"};
constexpr message_def diff_needs_reviewer{"diff.word.needs_reviewer", "needs a reviewer"};
constexpr message_def diff_does_not_apply{"diff.word.does_not_apply", "does not apply"};
constexpr message_def diff_waived{"diff.word.waived", "waived"};
constexpr message_def diff_incomplete{"diff.word.incomplete", "incomplete"};
constexpr message_def diff_meets_standards{"diff.word.meets_standards", "meets the standards"};
constexpr message_def diff_does_not_meet_standards{"diff.word.does_not_meet_standards", "does not meet the standards"};
constexpr message_def diff_requires_improvement{"diff.word.requires_improvement", "requires improvement"};
constexpr message_def diff_exceeds{"diff.word.exceeds", "exceeds"};
constexpr message_def diff_differ{"diff.warning.differ",
                                  "the reports were made with different {what} (old: {old}, new: {new}); changes may "
                                  "come from that, not from the organization"};
constexpr message_def diff_differ_organizations{"diff.warning.organizations", "organizations"};
constexpr message_def diff_differ_profiles{"diff.warning.profiles", "profiles"};
constexpr message_def diff_differ_catalogs{"diff.warning.catalogs", "catalogs"};
constexpr message_def diff_old_report{"diff.error.old", "the old report"};
constexpr message_def diff_new_report{"diff.error.new", "the new report"};
constexpr message_def diff_not_object{"diff.error.not_object", "{report} is not a JSON object"};
constexpr message_def diff_not_report{"diff.error.not_report",
                                      "{report} is not an rco-audit-report/1 report (its \"format\" must be "
                                      "\"rco-audit-report/1\"; make one with: rco-audit check RECORD --format json)"};
constexpr message_def diff_no_list{"diff.error.no_list", "{report} has no \"{key}\" list"};
constexpr message_def diff_bad_score{"diff.error.bad_score",
                                     "{report} has a \"score\" that is not a whole number from 0 to 100"};
constexpr message_def diff_bad_standard_score{
    "diff.error.bad_standard_score", "{report} has a score that is not a whole number from 0 to 100 at {pointer}"};

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

std::optional<parsed_report> check_report(const json::value& v, const message_def& which, message& error) {
    auto fail = [&](const message_def& why, std::vector<message_arg> args = {}) {
        args.insert(args.begin(), message_arg{"report", std::vector<message>{message{&which, {}}}});
        error = message{&why, std::move(args)};
        return std::nullopt;
    };
    if (!v.is_object())
        return fail(diff_not_object);
    const auto& o = v.get_object();
    auto f = o.find("format");
    if (f == o.end() || !f->value().is_string() || f->value().get_string() != json_report_format)
        return fail(diff_not_report);
    for (const char* key : {"standards", "checks"})
        if (!o.contains(key) || !o.at(key).is_array())
            return fail(diff_no_list, {{"key", std::string(key)}});
    // Scores are percentages: any other number is not from this tool, and the changes
    // computed from it could not be trusted (nor kept from overflowing).
    auto bad_score = [](const json::object& obj) {
        const auto it = obj.find("score");
        return it != obj.end() &&
               !(it->value().is_int64() && it->value().get_int64() >= 0 && it->value().get_int64() <= 100);
    };
    if (bad_score(o))
        return fail(diff_bad_score);
    const auto& standards = o.at("standards").get_array();
    for (std::size_t i = 0; i < standards.size(); ++i)
        if (standards[i].is_object() && bad_score(standards[i].get_object()))
            return fail(diff_bad_standard_score, {{"pointer", "/standards/" + std::to_string(i) + "/score"}});
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
const message_def& status_words(status s) noexcept {
    switch (s) {
    case status::pass: return diff_meets;
    case status::fail: return diff_does_not_meet;
    case status::insufficient_evidence: return diff_evidence_missing;
    case status::manual_review: return diff_needs_reviewer;
    case status::not_applicable: return diff_does_not_apply;
    case status::waived: return diff_waived;
    }
    return diff_absent;
}

/// A status, result or finding as a report spells it ("insufficient_evidence", "not_met",
/// "meets_standards", "requires_improvement"), in words of `lang`; a word this tool does
/// not write stays as written.
std::string in_words(const std::string& code, const message_language& lang) {
    if (code.empty())
        return lang.pattern(diff_absent, 0);
    for (auto x : {status::pass, status::fail, status::insufficient_evidence, status::manual_review,
                   status::not_applicable, status::waived})
        if (to_string(x) == code)
            return lang.pattern(status_words(x), 0);
    static constexpr std::pair<std::string_view, const message_def*> results[] = {
        {"met", &diff_meets},
        {"not_met", &diff_does_not_meet},
        {"incomplete", &diff_incomplete},
        {"meets_standards", &diff_meets_standards},
        {"does_not_meet", &diff_does_not_meet_standards},
    };
    for (const auto& r : results)
        if (r.first == code)
            return lang.pattern(*r.second, 0);
    return code;
}

/// A review finding in words ("requires improvement"); other findings as written.
std::string finding_words(const std::string& code, const message_language& lang) {
    static constexpr std::pair<std::string_view, const message_def*> findings[] = {
        {"requires_improvement", &diff_requires_improvement},
        {"meets", &diff_meets},
        {"exceeds", &diff_exceeds},
    };
    if (&lang == &english() && code != "requires_improvement")
        return code; // as English reports have always written it
    for (const auto& f : findings)
        if (f.first == code)
            return lang.pattern(*f.second, 0);
    return code;
}

/// A date as a report writes it (YYYY-MM-DD), as a message argument: a date when it is
/// one (written the language's way), else the text as it is.
message_arg date_arg(std::string_view name, const std::string& text) {
    if (auto d = parse_date(text); d && format_date(*d) == text)
        return {name, *d};
    return {name, text};
}

/// A title from a report in `lang`: the catalog's translation filed under `context`
/// when the report has the built-in catalog's English, else as the report has it.
std::string title_in(const message_language& lang, const std::string& context, const std::string& title) {
    return std::string(i18n::text(lang, context, title));
}

} // namespace

std::optional<report_diff> diff_reports(const json::value& old_v, const json::value& new_v, std::string& error,
                                       message* error_message) {
    message why;
    auto a = check_report(old_v, diff_old_report, why);
    auto b = a ? check_report(new_v, diff_new_report, why) : std::nullopt;
    if (!a || !b) {
        error = render(why);
        if (error_message)
            *error_message = std::move(why);
        return std::nullopt;
    }
    report_diff d;
    d.organization = b->nested("organization", "name");
    d.old_as_of = a->str("as_of");
    d.new_as_of = b->str("as_of");
    d.old_result = a->str("result");
    d.new_result = b->str("result");
    d.old_score = a->integer("score");
    d.new_score = b->integer("score");

    auto differs = [&](const message_def& what, const std::string& x, const std::string& y) {
        if (x == y)
            return;
        message m{&diff_differ,
                  {{"what", std::vector<message>{message{&what, {}}}},
                   {"old", x.empty() ? std::string("?") : x},
                   {"new", y.empty() ? std::string("?") : y}}};
        d.warnings.push_back(render(m));
        d.warning_messages.push_back(std::move(m));
    };
    differs(diff_differ_organizations, a->nested("organization", "name"), d.organization);
    differs(diff_differ_profiles, a->str("profile"), b->str("profile"));
    if (a->nested("catalog", "sha256") != b->nested("catalog", "sha256"))
        differs(diff_differ_catalogs, a->nested("catalog", "version") + " " + a->nested("catalog", "sha256").substr(0, 12),
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

std::string write_diff_text(const report_diff& d, const message_language& lang) {
    // Every string here comes from the two report files: shown on one line each, with
    // control characters as visible escapes, so none can start a line or drive a terminal.
    auto t = [](const std::string& s) { return terminal_safe(s); };
    auto say = [&](const message_def& def, std::vector<message_arg> args = {}) {
        return render(message{&def, std::move(args)}, lang);
    };
    auto words = [&](const std::string& code) { return t(in_words(code, lang)); };
    std::string out =
        say(diff_heading, {{"organization", d.organization.empty() ? say(diff_the_organization) : t(d.organization)},
                           date_arg("old", t(d.old_as_of)),
                           date_arg("new", t(d.new_as_of))}) +
        "\n";
    for (std::size_t i = 0; i < d.warnings.size(); ++i)
        out += say(diff_warning, {{"warning", t(i < d.warning_messages.size() ? render(d.warning_messages[i], lang)
                                                                             : d.warnings[i])}}) +
               "\n";
    out += "\n" +
           say(diff_overall, {{"old", words(d.old_result)},
                              {"new", words(d.new_result)},
                              {"old_score", std::int64_t{d.old_score}},
                              {"new_score", std::int64_t{d.new_score}},
                              {"change", signed_change(d.old_score, d.new_score)}}) +
           "\n";
    auto section = [&](const message_def& heading, const auto& items, auto line) {
        std::string body;
        for (const auto& x : items)
            body += line(x);
        if (!body.empty())
            out += "\n" + say(heading) + "\n" + body;
    };
    std::vector<standard_change> gained, lost, other;
    for (const auto& s : d.standards)
        (s.new_result == "met" && s.old_result != "met"   ? gained
         : s.old_result == "met" && s.new_result != "met" ? lost
                                                          : other)
            .push_back(s);
    auto standard_title = [&](int number, const std::string& title) {
        return t(title_in(lang, "standard." + std::to_string(number) + ".title", title));
    };
    auto check_title = [&](const std::string& id, const std::string& title) {
        return t(title_in(lang, id + ".title", title));
    };
    auto std_line = [&](const standard_change& s) {
        return "  " +
               say(diff_standard, {{"number", std::int64_t{s.number}},
                                   {"title", standard_title(s.number, s.title)},
                                   {"old", words(s.old_result)},
                                   {"new", words(s.new_result)},
                                   {"old_score", std::int64_t{s.old_score}},
                                   {"new_score", std::int64_t{s.new_score}}}) +
               "\n";
    };
    section(diff_gained, gained, std_line);
    section(diff_lost, lost, std_line);
    section(diff_other_standards, other, std_line);
    auto of_kind = [&](check_change k) {
        std::vector<check_diff> v;
        for (const auto& c : d.checks)
            if (c.change == k)
                v.push_back(c);
        return v;
    };
    const std::string to = " → ";
    auto check_line = [&](const check_diff& c) {
        return "  " + t(c.id) + " " + check_title(c.id, c.title) + ": " + words(c.old_status) + to +
               words(c.new_status) + "\n";
    };
    section(diff_fixed, of_kind(check_change::fixed), check_line);
    section(diff_newly_failing, of_kind(check_change::newly_failing), check_line);
    section(diff_other_checks, of_kind(check_change::changed), check_line);
    section(diff_added, of_kind(check_change::added), check_line);
    section(diff_removed, of_kind(check_change::removed), check_line);
    if (!d.pip.empty()) {
        const auto [items, closed] = pip_totals(d);
        out += "\n" +
               say(diff_pip, {date_arg("date", t(d.old_as_of)),
                              {"closed", static_cast<std::int64_t>(closed)},
                              {"count", static_cast<std::int64_t>(items)}}) +
               "\n";
        for (const auto& p : d.pip) {
            out += "  " +
                   say(diff_pip_standard,
                       {{"number", std::int64_t{p.standard}},
                        {"title", standard_title(p.standard, p.title)},
                        date_arg("due", t(p.due)),
                        {"finding", p.new_finding.empty() ? say(diff_pip_not_scored)
                                                          : t(finding_words(p.new_finding, lang))}}) +
                   "\n";
            for (const auto& c : p.items)
                out += "    " +
                       say(diff_pip_item,
                           {{"id", t(c.id)},
                            {"title", check_title(c.id, c.title)},
                            {"old", words(c.old_status)},
                            {"new", words(c.new_status)},
                            {"state", say(pip_progress::closed(c) ? diff_pip_closed : diff_pip_open)}}) +
                       "\n";
            if (p.items.empty())
                out += "    " +
                       say(diff_pip_finding_only, {{"state", say(p.closed_items() ? diff_pip_closed : diff_pip_open)}}) +
                       "\n";
        }
    }
    out += "\n" + say(diff_unchanged, {{"count", static_cast<std::int64_t>(d.unchanged_checks)}}) + "\n";
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
