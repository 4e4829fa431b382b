#pragma once

#include "rco/io/json_format.hpp"
#include "rco/io/ranges.hpp"
#include "rco/io/review_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>

namespace rco::io {

namespace detail {
constexpr message_def review_missing_format{"reader.review.missing_format",
                                            "missing \"format\" (expected \"{format}\")"};
constexpr message_def review_organization{"reader.review.organization",
                                          "the organization needs its \"ein\" (or at least its \"name\")"};
constexpr message_def review_reviewer_id{"reader.review.reviewer_id", "the reviewer needs an id"};
constexpr message_def review_date{"reader.review.date", "expected the review date as YYYY-MM-DD, got \"{value}\""};
constexpr message_def review_evidence{"reader.review.evidence",
                                      "unknown evidence code \"{code}\" (expected D documents, O observations, "
                                      "I interviews, S surveys, T tracers)"};
constexpr message_def review_verdict{"reader.review.verdict",
                                     "expected satisfied, not_satisfied or not_applicable, got \"{value}\""};
constexpr message_def review_second_judgment{"reader.review.second_judgment",
                                             "a second judgment on {check} (one per check and reviewer)"};
constexpr message_def review_second_score{"reader.review.second_score",
                                          "a second score of standard {number} (one per standard and reviewer)"};
constexpr message_def review_score_range{"reader.review.score_range", "{range} (0 none, 1 moderate, 2 excellent)"};
} // namespace detail

std::optional<review> read_review_json(std::string_view text, std::string_view file_name, const catalog& cat,
                                       std::vector<diagnostic>& diags) {
    const std::string file(file_name);
    auto doc = parse_json(text, file, diags, "an rco-review/1 JSON object");
    if (!doc)
        return std::nullopt;
    detail::rules_reader r(text, file, diags);
    if (!doc->is_object()) {
        r.error("", detail::rules_expected_format_object, {{"format", std::string(review_format)}});
        return std::nullopt;
    }
    const auto& root = doc->get_object();
    if (!root.contains("format"))
        r.error("", detail::review_missing_format, {{"format", std::string(review_format)}});
    r.check_format(root, review_format);

    auto only = [&](const boost::json::object& o, const std::string& ptr, std::initializer_list<std::string_view> known) {
        for (const auto& kv : o)
            if (std::find(known.begin(), known.end(), kv.key()) == known.end()) {
                r.error(ptr + "/" + detail::escape_pointer_token(kv.key()), detail::rules_unknown_field,
                        {{"key", std::string(kv.key())},
                         {"fields", std::vector<std::string>(known.begin(), known.end()), list_style::commas}});
            }
    };
    only(root, "", {"format", "organization", "reviewer", "date", "judgments", "scores", "description"});

    review out;
    // Where each judgment and score is, found in one pass at the end.
    std::vector<std::string> pointers{"/organization"};

    if (const auto* org = r.object(r.member(root, "organization", "", true), "/organization")) {
        only(*org, "/organization", {"name", "ein"});
        out.organization_name = r.text(*org, "name", "/organization", false);
        out.organization_ein = r.text(*org, "ein", "/organization", false);
        if (out.organization_ein.empty() && out.organization_name.empty())
            r.error("/organization", detail::review_organization);
    }
    if (const auto* rev = r.object(r.member(root, "reviewer", "", true), "/reviewer")) {
        only(*rev, "/reviewer", {"id", "name", "role"});
        out.reviewer.id = r.text(*rev, "id", "/reviewer");
        out.reviewer.name = r.text(*rev, "name", "/reviewer", false);
        out.reviewer.role = r.text(*rev, "role", "/reviewer", false);
        if (rev->contains("id") && out.reviewer.id.empty())
            r.error("/reviewer/id", detail::review_reviewer_id);
    }
    {
        auto d = r.text(root, "date", "");
        if (auto parsed = parse_date(d))
            out.date = *parsed;
        else if (root.contains("date") && root.at("date").is_string())
            r.error("/date", detail::review_date, {{"value", d}});
    }
    auto evidence = [&](const boost::json::object& o, const std::string& ptr) {
        std::vector<evidence_code> ev;
        for (const auto& w : r.words(o, "evidence", ptr, false)) {
            if (auto e = parse_evidence_code(w))
                ev.push_back(*e);
            else
                r.error(ptr + "/evidence", detail::review_evidence, {{"code", w}});
        }
        std::sort(ev.begin(), ev.end());
        ev.erase(std::unique(ev.begin(), ev.end()), ev.end());
        return ev;
    };

    if (const auto* js = r.array(r.member(root, "judgments", "", false), "/judgments")) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < js->size(); ++i) {
            const std::string ptr = "/judgments/" + std::to_string(i);
            const auto* jo = r.object(&(*js)[i], ptr);
            if (!jo)
                continue;
            // "title", "question" and "automatic_status" are the review sheet's context for the reviewer.
            only(*jo, ptr, {"check", "verdict", "evidence", "note", "title", "question", "automatic_status"});
            judgment j;
            auto id = r.text(*jo, "check", ptr);
            const auto* c = id.empty() ? nullptr : cat.find_check(id);
            if (!id.empty() && !c)
                r.error(ptr + "/check", detail::rules_unknown_check_listed, {{"id", id}});
            auto v = r.text(*jo, "verdict", ptr);
            auto parsed = parse_verdict(v);
            if (v.empty() && jo->contains("verdict") && jo->at("verdict").is_string())
                continue; // a blank line of the review sheet: not judged
            if (!parsed && jo->contains("verdict") && jo->at("verdict").is_string())
                r.error(ptr + "/verdict", detail::review_verdict, {{"value", v}});
            j.evidence = evidence(*jo, ptr);
            j.note = r.text(*jo, "note", ptr, false);
            if (c && !seen.insert(c->id).second)
                r.error(ptr + "/check", detail::review_second_judgment, {{"check", c->id}});
            if (c && parsed) {
                j.check_id = c->id;
                j.verdict = *parsed;
                j.where = {file, ptr};
                out.judgments.push_back(std::move(j));
                pointers.push_back(ptr);
            }
        }
    }
    if (const auto* ss = r.array(r.member(root, "scores", "", false), "/scores")) {
        std::set<std::int64_t> seen;
        static constexpr value_range score_range{0, 2};
        for (std::size_t i = 0; i < ss->size(); ++i) {
            const std::string ptr = "/scores/" + std::to_string(i);
            const auto* so = r.object(&(*ss)[i], ptr);
            if (!so)
                continue;
            only(*so, ptr, {"standard", "has_it", "uses_it", "evidence", "finding", "recommended_action", "title",
                            "automatic_result"});
            auto blank = [&](const char* key) { return so->contains(key) && so->at(key).is_null(); };
            if (blank("has_it") && blank("uses_it"))
                continue; // a blank line of the review sheet: not scored
            const bool ok_before = r.ok;
            r.ok = true;
            standard_score s;
            const auto number = r.integer(*so, "standard", ptr);
            const value_range standards{1, static_cast<std::int64_t>(cat.standards.size())};
            if (so->contains("standard") && so->at("standard").is_int64() && !standards.contains(number))
                r.error(ptr + "/standard", range_problem(standards, number));
            else if (r.ok && !seen.insert(number).second)
                r.error(ptr + "/standard", detail::review_second_score, {{"number", number}});
            for (const auto* dim : {"has_it", "uses_it"}) {
                const auto v = r.integer(*so, dim, ptr);
                if (so->contains(dim) && so->at(dim).is_int64() && !score_range.contains(v))
                    r.error(ptr + "/" + dim, detail::review_score_range,
                            {{"range", std::vector<message>{range_problem(score_range, v)}}});
                (std::string_view(dim) == "has_it" ? s.has_it : s.uses_it) = static_cast<int>(v);
            }
            s.evidence = evidence(*so, ptr);
            s.finding = r.text(*so, "finding", ptr, false);
            s.recommended_action = r.text(*so, "recommended_action", ptr, false);
            if (r.ok) {
                s.standard = static_cast<int>(number);
                s.where = {file, ptr};
                out.scores.push_back(std::move(s));
                pointers.push_back(ptr);
            }
            r.ok = r.ok && ok_before;
        }
    }
    if (!r.ok)
        return std::nullopt;
    const auto where = locate_json_pointers(text, pointers);
    out.where = {file, "/organization", where[0].first, where[0].second};
    std::size_t k = 1;
    for (auto& j : out.judgments) {
        j.where.line = where[k].first;
        j.where.column = where[k++].second;
    }
    for (auto& s : out.scores) {
        s.where.line = where[k].first;
        s.where.column = where[k++].second;
    }
    return out;
}

} // namespace rco::io
