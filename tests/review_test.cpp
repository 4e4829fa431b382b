#include "rco/review.hpp"

#include "rco/i18n.hpp"

#include "rco/io/review_json.hpp"
#include "rco/io/review_workbook.hpp"
#include "rco/report/accreditation.hpp"

#include "support.hpp"
#include "zip_support.hpp"

#include <boost/test/unit_test.hpp>

namespace rco {
inline std::ostream& boost_test_print_type(std::ostream& os, finding f) { return os << to_string(f); }
inline std::ostream& boost_test_print_type(std::ostream& os, verdict v) { return os << to_string(v); }
inline std::ostream& boost_test_print_type(std::ostream& os, standard_outcome s) { return os << to_string(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, overall_outcome s) { return os << to_string(s); }
} // namespace rco

using namespace rco;

namespace {

const catalog& cat() { return io::builtin_catalog(); }

const record& harbor() {
    // With its welcome text, as the command line reads it: every standard met.
    static const record rec = [] {
        auto r = test::to_record(test::load_json(test::source_dir() / "examples/harbor-recovery-community.json"));
        std::vector<diagnostic> diags;
        io::document_options opts;
        opts.folder = test::source_dir() / "examples";
        io::load_document_texts(r, opts, "harbor-recovery-community.json", diags);
        return r;
    }();
    return rec;
}

std::optional<review> read(std::string_view text, std::vector<diagnostic>& diags) {
    return io::read_review_json(text, "r.json", cat(), diags);
}

review read_file(const std::string& name) {
    std::vector<diagnostic> diags;
    auto rv = io::read_review_json(test::slurp(test::source_dir() / "examples/reviews" / name), name, cat(), diags);
    if (!rv)
        throw std::runtime_error("example review " + name + " does not read");
    return *rv;
}

review make(std::string id, std::string date_text) {
    review rv;
    rv.organization_name = "Harbor Recovery Community";
    rv.organization_ein = "41-2873561";
    rv.reviewer.id = std::move(id);
    rv.date = *parse_date(date_text);
    rv.where.file = rv.reviewer.id + ".json";
    return rv;
}

judgment judge(std::string check, verdict v, std::string note = "", std::vector<evidence_code> ev = {}) {
    judgment j;
    j.check_id = std::move(check);
    j.verdict = v;
    j.note = std::move(note);
    j.evidence = std::move(ev);
    j.where = {"r.json", "/judgments/0", 7, 5};
    return j;
}

/// Scores every standard of `rv`: `exceed` standards 2/2, then `meet` at 1/1, the rest 0/0.
void score_all(review& rv, int exceed, int meet) {
    for (int n = 1; n <= 10; ++n) {
        standard_score s;
        s.standard = n;
        s.has_it = s.uses_it = n <= exceed ? 2 : n <= exceed + meet ? 1 : 0;
        rv.scores.push_back(s);
    }
}

audit_result run(const std::vector<review>& reviews, const tailoring& t = {}) {
    return audit(cat(), "national", harbor(), *harbor().as_of, t, reviews);
}

const standard_result& standard(const audit_result& r, int n) { return r.standards.at(static_cast<std::size_t>(n - 1)); }

} // namespace

BOOST_AUTO_TEST_SUITE(review_json)

BOOST_AUTO_TEST_CASE(reads_the_example_with_locations) {
    const auto rv = read_file("harbor-rev-02.json");
    BOOST_TEST(rv.reviewer.id == "rev-02");
    BOOST_TEST(rv.reviewer.label() == "Luis Ortega");
    BOOST_TEST(rv.reviewer.role == "peer reviewer");
    BOOST_TEST(format_date(rv.date) == "2026-07-15");
    BOOST_TEST(rv.organization_ein == "41-2873561");
    BOOST_REQUIRE(rv.judgments.size() == 2u);
    BOOST_TEST(rv.judgments[1].check_id == "S10.6");
    BOOST_TEST(rv.judgments[1].verdict == verdict::not_satisfied);
    BOOST_TEST(rv.judgments[0].evidence.size() == 2u);
    BOOST_TEST(rv.judgments[0].where.pointer == "/judgments/0");
    BOOST_TEST(rv.judgments[0].where.line == 7u);
    BOOST_TEST(rv.judgments[0].where.column == 5u);
    BOOST_TEST(rv.where.line == 3u);
    BOOST_REQUIRE(rv.scores.size() == 10u);
    BOOST_TEST(rv.scores[1].standard == 2);
    BOOST_TEST(rv.scores[1].has_it == 2);
    BOOST_TEST(rv.scores[1].uses_it == 1);
    BOOST_TEST(rv.scores[1].recommended_action == "Have board members chair the program committee.");
}

BOOST_AUTO_TEST_CASE(a_slug_names_its_check_and_evidence_is_ordered) {
    std::vector<diagnostic> diags;
    auto rv = read(R"({"format": "rco-review/1", "organization": {"ein": "41-2873561"},
      "reviewer": {"id": "r1"}, "date": "2026-07-01",
      "judgments": [{"check": "representation", "verdict": "not_applicable", "evidence": ["T", "D", "T"]}]})",
                   diags);
    BOOST_REQUIRE(rv.has_value());
    BOOST_TEST(diags.empty());
    BOOST_TEST(rv->judgments[0].check_id == "S8.5");
    BOOST_REQUIRE(rv->judgments[0].evidence.size() == 2u);
    BOOST_TEST(to_code(rv->judgments[0].evidence[0]) == "D");
    BOOST_TEST(to_code(rv->judgments[0].evidence[1]) == "T");
    BOOST_TEST(rv->reviewer.label() == "r1");
}

BOOST_AUTO_TEST_CASE(errors_are_located_and_specific) {
    std::vector<diagnostic> diags;
    auto rv = read(R"({"format": "rco-review/1",
  "organization": {"name": "Harbor", "eni": "x"},
  "reviewer": {"name": "No Id"},
  "date": "15/07/2026",
  "judgments": [
    {"check": "S8.5", "verdict": "yes", "evidence": ["X"]},
    {"check": "S99.1", "verdict": "satisfied"},
    {"check": "S2.1", "verdict": "satisfied", "note": "a"},
    {"check": "S2.1", "verdict": "not_satisfied", "note": "b"}],
  "scores": [
    {"standard": 11, "has_it": 1, "uses_it": 1},
    {"standard": 2, "has_it": 3, "uses_it": -1},
    {"standard": 3, "has_it": 1},
    {"standard": 4, "has_it": 1, "uses_it": 1},
    {"standard": 4, "has_it": 2, "uses_it": 2}]})",
                   diags);
    BOOST_TEST(!rv.has_value());
    std::vector<std::string> got;
    for (const auto& d : diags)
        got.push_back(d.pointer + " " + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    const std::vector<std::string> want = {
        "/organization/eni 2:38: unknown field \"eni\" (expected name, ein)",
        "/reviewer 3:3: missing \"id\"",
        "/date 4:3: expected the review date as YYYY-MM-DD, got \"15/07/2026\"",
        "/judgments/0/verdict 6:23: expected satisfied, not_satisfied or not_applicable, got \"yes\"",
        "/judgments/0/evidence 6:41: unknown evidence code \"X\" (expected D documents, O observations, I "
        "interviews, S surveys, T tracers)",
        "/judgments/1/check 7:6: unknown check \"S99.1\" ('rco-audit rules' lists them)",
        "/judgments/3/check 9:6: a second judgment on S2.1 (one per check and reviewer)",
        "/scores/0/standard 11:6: expected a whole number from 1 to 10, got 11",
        "/scores/1/has_it 12:21: expected a whole number from 0 to 2, got 3 (0 none, 1 moderate, 2 excellent)",
        "/scores/1/uses_it 12:34: expected a whole number from 0 to 2, got -1 (0 none, 1 moderate, 2 excellent)",
        "/scores/2 13:5: missing \"uses_it\"",
        "/scores/4/standard 15:6: a second score of standard 4 (one per standard and reviewer)",
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(not_a_review) {
    std::vector<diagnostic> diags;
    BOOST_TEST(!read(R"({"format": "rco-tailoring/1", "organization": {"ein": "1"}, "reviewer": {"id": "a"},
                        "date": "2026-01-01"})",
                     diags));
    BOOST_REQUIRE(!diags.empty());
    BOOST_TEST(diags[0].message == "expected \"rco-review/1\", got \"rco-tailoring/1\"");
    diags.clear();
    BOOST_TEST(!read("[1, 2]", diags));
    BOOST_TEST(diags.at(0).message == "expected a JSON object with \"format\": \"rco-review/1\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(review_rules)

BOOST_AUTO_TEST_CASE(the_catalog_holds_the_accreditation_rules) {
    const auto& acc = cat().accreditation;
    BOOST_TEST(acc.parameters.size() == 6u);
    BOOST_TEST(std::get<std::int64_t>(acc.find_parameter("pip_due_days")->default_value) == 90);
    BOOST_TEST(acc.find_parameter("pip_due_days")->source == 'P');
    BOOST_TEST(std::get<std::int64_t>(acc.find_parameter("exceeds_mean_at_least_hundredths")->default_value) == 175);
    BOOST_REQUIRE(acc.bands.size() == 4u);
    BOOST_TEST(acc.bands[0].name == "exemplary");
    BOOST_TEST(acc.bands[3].name == "not_accredited");
    BOOST_TEST(acc.bands[3].at_least.empty());
}

BOOST_AUTO_TEST_CASE(a_judgment_resolves_a_manual_review) {
    for (auto [v, want] : {std::pair{verdict::satisfied, status::pass}, std::pair{verdict::not_satisfied, status::fail},
                           std::pair{verdict::not_applicable, status::not_applicable}}) {
        auto rv = make("rev-01", "2026-07-15");
        rv.reviewer.name = "Dana Whitfield";
        rv.judgments.push_back(judge("S8.5", v, "Compared with the county profile.",
                                     {evidence_code::documents, evidence_code::interviews}));
        const auto r = run({rv});
        const auto* c = r.find_check("S8.5");
        BOOST_TEST(c->status == want);
        BOOST_TEST(*c->automatic_status == status::manual_review);
        BOOST_TEST(!c->review->overridden);
        BOOST_TEST(*c->review->agreed == v);
        BOOST_TEST(c->explanation().find("Decided by a reviewer: " + std::string(to_string(v)) +
                                       ", by Dana Whitfield on 2026-07-15, on documents and interviews: Compared "
                                       "with the county profile.") == 0u);
        BOOST_TEST(c->explanation().find("The automatic check said (manual_review)") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_judgment_without_a_note_resolves_a_manual_review) {
    auto rv = make("rev-01", "2026-07-15");
    rv.judgments.push_back(judge("S8.5", verdict::satisfied));
    BOOST_TEST(check_reviews(audit(cat(), "national", harbor(), *harbor().as_of), harbor(), {rv}).empty());
    BOOST_TEST(run({rv}).find_check("S8.5")->status == status::pass);
}

BOOST_AUTO_TEST_CASE(an_override_without_a_note_is_refused) {
    auto rv = make("rev-01", "2026-07-15");
    rv.judgments.push_back(judge("S10.6", verdict::not_satisfied));
    const auto automatic = audit(cat(), "national", harbor(), *harbor().as_of);
    const auto diags = check_reviews(automatic, harbor(), {rv});
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].file == "r.json");
    BOOST_TEST(diags[0].line == 7u);
    BOOST_TEST(diags[0].column == 5u);
    BOOST_TEST(diags[0].pointer == "/judgments/0");
    BOOST_TEST(diags[0].message == "a judgment on S10.6, which the automatic check decided (pass), overrides it "
                                   "and needs a \"note\" saying why [S10.6]");
    BOOST_CHECK_THROW(run({rv}), audit_error);
}

BOOST_AUTO_TEST_CASE(an_override_with_a_note_is_flagged) {
    auto rv = make("rev-02", "2026-07-15");
    rv.judgments.push_back(judge("S10.6", verdict::not_satisfied, "A grievance was answered after 45 days."));
    const auto r = run({rv});
    const auto* c = r.find_check("S10.6");
    BOOST_TEST(c->status == status::fail);
    BOOST_TEST(*c->automatic_status == status::pass);
    BOOST_TEST(c->review->overridden);
    BOOST_TEST(c->explanation().find("Overridden by a reviewer: not_satisfied, decided by rev-02 on 2026-07-15: A "
                                   "grievance was answered after 45 days.") == 0u);
    // S10.6 is recommended: standard 10 stays met, its score drops.
    BOOST_TEST(standard(r, 10).result == standard_outcome::met);
    BOOST_TEST(standard(r, 10).score < 100);
}

BOOST_AUTO_TEST_CASE(an_override_of_a_required_check_decides_the_standard) {
    auto rv = make("rev-02", "2026-07-15");
    rv.judgments.push_back(judge("S2.1", verdict::not_satisfied, "Two members listed in recovery resigned in May."));
    const auto r = run({rv});
    BOOST_TEST(r.find_check("S2.1")->status == status::fail);
    BOOST_TEST(standard(r, 2).result == standard_outcome::not_met);
    BOOST_TEST(r.result == overall_outcome::does_not_meet);
}

BOOST_AUTO_TEST_CASE(the_review_must_be_about_the_record) {
    auto rv = make("rev-01", "2026-07-15");
    rv.organization_ein = "41-9999999";
    rv.where = {"r.json", "/organization", 3, 19};
    const auto diags = check_reviews(audit(cat(), "national", harbor(), *harbor().as_of), harbor(), {rv});
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].pointer == "/organization");
    BOOST_TEST(diags[0].line == 3u);
    BOOST_TEST(diags[0].message == "the review is about EIN 41-9999999, but the record's EIN is 41-2873561: a "
                                   "review must match the organization it is applied to");
    rv.organization_ein = "412873561"; // the same number written without the dash
    BOOST_TEST(check_reviews(audit(cat(), "national", harbor(), *harbor().as_of), harbor(), {rv}).empty());
}

BOOST_AUTO_TEST_CASE(reviewers_who_disagree_leave_it_open) {
    auto a = make("rev-01", "2026-07-14");
    a.judgments.push_back(judge("S8.5", verdict::satisfied, "Reflects the county."));
    auto b = make("rev-02", "2026-07-15");
    b.judgments.push_back(judge("S8.5", verdict::not_satisfied, "No Spanish speaker on the board."));
    const auto r = run({a, b});
    const auto* c = r.find_check("S8.5");
    BOOST_TEST(c->status == status::manual_review);
    BOOST_TEST(c->review->disagreement());
    BOOST_REQUIRE(c->review->verdicts.size() == 2u);
    BOOST_TEST(c->review->verdicts[0].verdict == verdict::satisfied);
    BOOST_TEST(c->review->verdicts[1].verdict == verdict::not_satisfied);
    BOOST_TEST(c->explanation().find("Reviewers disagree; the accreditation committee must settle it: satisfied "
                                   "according to rev-01 on 2026-07-14: Reflects the county. not_satisfied according "
                                   "to rev-02 on 2026-07-15: No Spanish speaker on the board.") == 0u);
    // Agreeing reviewers settle it.
    b.judgments[0].verdict = verdict::satisfied;
    BOOST_TEST(run({a, b}).find_check("S8.5")->status == status::pass);
}

BOOST_AUTO_TEST_CASE(means_and_spread_are_exact) {
    auto a = make("a", "2026-07-15"), b = make("b", "2026-07-15"), c = make("c", "2026-07-15");
    a.scores.push_back({2, 2, 0, {}, "", "", {}});
    b.scores.push_back({2, 2, 1, {}, "", "", {}});
    c.scores.push_back({2, 1, 2, {}, "", "", {}});
    auto r = run({a, b, c});
    const auto& sr = *standard(r, 2).review;
    BOOST_TEST(sr.has_it.text() == "1.67"); // 5/3
    BOOST_TEST(sr.uses_it.text() == "1.00");
    BOOST_TEST(sr.has_it_spread == 1);
    BOOST_TEST(sr.uses_it_spread == 2);
    BOOST_TEST(sr.wide_spread());
    BOOST_TEST(sr.scores.size() == 3u);
    BOOST_TEST(!standard(r, 3).review.has_value());

    r = run({a, b}); // 2+2 and 0+1
    BOOST_TEST(standard(r, 2).review->has_it.text() == "2.00");
    BOOST_TEST(standard(r, 2).review->uses_it.text() == "0.50");
    BOOST_TEST(!standard(r, 2).review->wide_spread());
    BOOST_TEST((score_mean{7, 4}.text() == "1.75"));
    BOOST_TEST((score_mean{7, 4}.at_least(175)));
    BOOST_TEST((!score_mean{5, 3}.at_least(167))); // 1.666… < 1.67 though it prints as 1.67
    BOOST_TEST((score_mean{5, 3}.at_least(166)));
}

BOOST_AUTO_TEST_CASE(each_finding) {
    auto one = [](int has_it, int uses_it, const std::vector<judgment>& js = {}) {
        auto rv = make("a", "2026-07-15");
        rv.scores.push_back({2, has_it, uses_it, {}, "", "", {}});
        rv.judgments = js;
        return *standard(run({rv}), 2).finding;
    };
    BOOST_TEST(one(2, 2) == finding::exceeds);
    BOOST_TEST(one(2, 1) == finding::meets);       // uses_it 1.00 < 1.75
    BOOST_TEST(one(1, 1) == finding::meets);       // both means at the 1.00 threshold
    BOOST_TEST(one(2, 0) == finding::requires_improvement); // a mean below 1
    BOOST_TEST(one(0, 2) == finding::requires_improvement);
    // Met on scores but not met on the record: requires improvement.
    BOOST_TEST(one(2, 2, {judge("S2.1", verdict::not_satisfied, "Board changed.")}) ==
               finding::requires_improvement);
    // Reviewers confirming what the machine found (overrides with notes) keep it met.
    BOOST_TEST(one(2, 2, {judge("S2.1", verdict::satisfied, "x"), judge("S2.3", verdict::satisfied, "y")}) ==
               finding::exceeds);
    // Incomplete (reviewers disagree on a required check): at best meets.
    auto rv = make("a", "2026-07-15");
    rv.scores.push_back({3, 2, 2, {}, "", "", {}});
    auto b = make("b", "2026-07-15");
    b.judgments.push_back(judge("S3.1", verdict::satisfied, "Mission is about recovery."));
    auto c = make("c", "2026-07-15");
    c.judgments.push_back(judge("S3.1", verdict::not_satisfied, "Mission is about wellness in general."));
    const auto r = run({rv, b, c});
    BOOST_TEST(standard(r, 3).result == standard_outcome::incomplete);
    BOOST_TEST(*standard(r, 3).finding == finding::meets);
}

BOOST_AUTO_TEST_CASE(each_band) {
    auto band = [](int exceed, int meet) {
        auto rv = make("a", "2026-07-15");
        score_all(rv, exceed, meet);
        return run({rv}).accreditation->band;
    };
    BOOST_TEST(band(10, 0) == "exemplary");
    BOOST_TEST(band(9, 1) == "exemplary");
    BOOST_TEST(band(8, 2) == "standard");
    BOOST_TEST(band(0, 7) == "standard");
    BOOST_TEST(band(3, 3) == "provisional");
    BOOST_TEST(band(0, 5) == "provisional");
    BOOST_TEST(band(2, 2) == "not_accredited");
    BOOST_TEST(band(0, 0) == "not_accredited");

    auto rv = make("a", "2026-07-15");
    score_all(rv, 3, 3);
    const auto r = run({rv});
    BOOST_TEST(r.accreditation->exceeds == 3);
    BOOST_TEST(r.accreditation->meets == 3);
    BOOST_TEST(r.accreditation->requires_improvement == 4);
    BOOST_TEST(r.accreditation->not_scored == 0);
    BOOST_TEST(r.accreditation->band_title == "Provisional accreditation");
}

BOOST_AUTO_TEST_CASE(unscored_standards_count_for_no_band) {
    auto rv = make("a", "2026-07-15");
    score_all(rv, 10, 0);
    rv.scores.resize(8);
    const auto r = run({rv});
    BOOST_TEST(r.accreditation->exceeds == 8);
    BOOST_TEST(r.accreditation->not_scored == 2);
    BOOST_TEST(!standard(r, 9).finding.has_value());
    BOOST_TEST(r.accreditation->band == "standard");
}

BOOST_AUTO_TEST_CASE(tailoring_edits_the_rules) {
    auto rv = make("a", "2026-07-15");
    score_all(rv, 0, 7);
    tailoring t;
    t.accreditation["standard_min_standards"] = std::int64_t{8};
    BOOST_TEST(run({rv}, t).accreditation->band == "provisional");
    t.accreditation["exceeds_mean_at_least_hundredths"] = std::int64_t{100};
    t.accreditation["exemplary_min_standards"] = std::int64_t{7};
    BOOST_TEST(run({rv}, t).accreditation->band == "exemplary");
    tailoring bad;
    bad.accreditation["pip_due"] = std::int64_t{30};
    BOOST_CHECK_THROW(run({rv}, bad), audit_error);
    bad.accreditation.clear();
    bad.accreditation["pip_due_days"] = std::int64_t{0};
    BOOST_CHECK_THROW(run({rv}, bad), audit_error);
}

BOOST_AUTO_TEST_CASE(pip_due_dates) {
    auto a = make("a", "2026-07-14"), b = make("b", "2026-07-15");
    score_all(a, 0, 9);
    score_all(b, 0, 9);
    auto r = run({a, b});
    BOOST_TEST(format_date(r.accreditation->review_date) == "2026-07-15"); // the latest review
    BOOST_TEST(format_date(r.accreditation->pip_due) == "2026-10-13");    // + 90 days
    auto items = report::pip_items(r);
    BOOST_REQUIRE(items.size() == 1u);
    BOOST_TEST(items[0].standard->number == 10);
    BOOST_TEST(format_date(items[0].due) == "2026-10-13");

    tailoring t;
    t.accreditation["pip_due_days"] = std::int64_t{200};
    r = run({a, b}, t);
    BOOST_TEST(format_date(r.accreditation->pip_due) == "2027-01-31"); // across the year end
    a.date = *parse_date("2026-12-20");
    t.accreditation["pip_due_days"] = std::int64_t{71};
    BOOST_TEST(format_date(run({a, b}, t).accreditation->pip_due) == "2027-03-01"); // past February
}

BOOST_AUTO_TEST_CASE(no_reviews_no_accreditation) {
    const auto r = run({});
    BOOST_TEST(!r.accreditation.has_value());
    BOOST_TEST(!r.find_check("S8.5")->automatic_status.has_value());
    BOOST_TEST(report::pip_items(r).empty());
}

BOOST_AUTO_TEST_CASE(the_two_reviewer_example) {
    const auto r = run({read_file("harbor-rev-01.json"), read_file("harbor-rev-02.json")});
    const auto* s85 = r.find_check("S8.5");
    BOOST_TEST(s85->status == status::pass);
    BOOST_TEST(s85->review->verdicts.size() == 2u);
    BOOST_TEST(r.find_check("S10.6")->status == status::fail);
    BOOST_TEST(r.find_check("S10.6")->review->overridden);
    BOOST_TEST(*standard(r, 8).finding == finding::requires_improvement); // uses_it 0.50
    BOOST_TEST(*standard(r, 5).finding == finding::meets);
    BOOST_TEST(*standard(r, 1).finding == finding::exceeds);
    BOOST_TEST(standard(r, 5).review->has_it_spread == 1);
    const auto& a = *r.accreditation;
    BOOST_TEST(a.exceeds == 6);
    BOOST_TEST(a.meets == 3);
    BOOST_TEST(a.requires_improvement == 1);
    BOOST_TEST(a.band == "standard");
    BOOST_TEST((a.reviewers == std::vector<std::string>{"Dana Whitfield", "Luis Ortega"}));
    BOOST_TEST(format_date(a.pip_due) == "2026-10-13");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(review_reports)

namespace {
struct example {
    audit_result r;
    report::report_info info;
    example() {
        r = run({read_file("harbor-rev-01.json"), read_file("harbor-rev-02.json")});
        info.tool_version = "test";
        info.input_file = "harbor-recovery-community.json";
        info.organization_name = "Harbor Recovery Community";
        info.organization_ein = "41-2873561";
        info.reviews = {{"harbor-rev-01.json", "aa", "Dana Whitfield"}, {"harbor-rev-02.json", "bb", "Luis Ortega"}};
    }
};
} // namespace

BOOST_AUTO_TEST_CASE(json_report_fields) {
    example ex;
    const auto doc = boost::json::parse(report::write_json(ex.r, ex.info)).as_object();
    const auto& reviews = doc.at("reviews").as_array();
    BOOST_REQUIRE(reviews.size() == 2u);
    BOOST_TEST(reviews[1].at("file").as_string() == "harbor-rev-02.json");
    BOOST_TEST(reviews[1].at("sha256").as_string() == "bb");
    const auto& checks = doc.at("checks").as_array();
    const boost::json::object* s85 = nullptr;
    const boost::json::object* s106 = nullptr;
    for (const auto& c : checks) {
        if (c.at("id").as_string() == "S8.5")
            s85 = &c.as_object();
        if (c.at("id").as_string() == "S10.6")
            s106 = &c.as_object();
    }
    BOOST_REQUIRE((s85 && s106));
    BOOST_TEST(s85->at("status").as_string() == "pass");
    BOOST_TEST(s85->at("automatic_status").as_string() == "manual_review");
    const auto& rv = s85->at("review").as_object();
    BOOST_TEST(rv.at("verdict").as_string() == "satisfied");
    BOOST_TEST(rv.at("date").as_string() == "2026-07-15");
    BOOST_TEST(rv.at("reviewers").as_array().size() == 2u);
    BOOST_TEST(rv.at("evidence").as_array().size() == 3u); // D, I, S
    BOOST_TEST(rv.at("notes").as_array().size() == 2u);
    BOOST_TEST(!rv.at("overridden").as_bool());
    BOOST_TEST(s106->at("review").at("overridden").as_bool());
    BOOST_TEST(s106->at("automatic_status").as_string() == "pass");
    const auto& st8 = doc.at("standards").as_array()[7].as_object();
    BOOST_TEST(st8.at("review").at("has_it").as_double() == 1.0);
    BOOST_TEST(st8.at("review").at("uses_it").as_double() == 0.5);
    BOOST_TEST(st8.at("review").at("finding").as_string() == "requires_improvement");
    const auto& acc = doc.at("accreditation").as_object();
    BOOST_TEST(acc.at("finding_counts").at("exceeds").as_int64() == 6);
    BOOST_TEST(acc.at("finding_counts").at("meets").as_int64() == 3);
    BOOST_TEST(acc.at("finding_counts").at("requires_improvement").as_int64() == 1);
    BOOST_TEST(acc.at("indicative_outcome").at("band").as_string() == "standard");
    BOOST_TEST(acc.at("indicative_outcome").at("note").as_string() == "indicative; the accreditation committee decides");
    BOOST_TEST(acc.at("pip").at("due").as_string() == "2026-10-13");
    // Without reviews the report has none of it.
    const auto plain_doc = boost::json::parse(report::write_json(run({}), ex.info)).as_object();
    BOOST_TEST(!plain_doc.contains("accreditation"));
}

BOOST_AUTO_TEST_CASE(every_format_has_the_section) {
    example ex;
    const auto text = report::write_text(ex.r, ex.info);
    BOOST_TEST(text.find("ACCREDITATION REVIEW (indicative; the accreditation committee decides)") != std::string::npos);
    BOOST_TEST(text.find("  Indicative outcome: Standard accreditation (standard); indicative; the accreditation\n"
                         "  committee decides.\n") != std::string::npos);
    BOOST_TEST(text.find("S10.6: not_satisfied -> fail, OVERRIDDEN BY A REVIEWER (automatic: pass)") !=
               std::string::npos);
    BOOST_TEST(text.find("Findings: 6 exceed, 3 meet, 1 requires performance improvement.") != std::string::npos);
    const auto html = report::write_html(ex.r, ex.info);
    BOOST_TEST(html.find("<section id=\"accreditation\"") != std::string::npos);
    BOOST_TEST(html.find("<section id=\"pip\"") != std::string::npos);
    BOOST_TEST(html.find("Requires Performance Improvement") != std::string::npos);
    const auto md = report::write_markdown(ex.r, ex.info);
    BOOST_TEST(md.find("## Accreditation review (indicative; the accreditation committee decides)") !=
               std::string::npos);
    BOOST_TEST(md.find("## Performance Improvement Plan") != std::string::npos);
    BOOST_TEST(md.find("| 8 | Diverse, equitable") != std::string::npos);
    const auto pip = report::write_pip(ex.r, ex.info);
    BOOST_TEST(pip.find("1. Standard 8: ") != std::string::npos);
    BOOST_TEST(pip.find("due 2026-10-13") != std::string::npos);
    BOOST_TEST(pip.find("   Reviewer Dana Whitfield: The DEI plan exists but no one is tracking it. Recommended\n"
                        "   action: Name an owner for the DEI plan and report on it twice a year.\n") !=
               std::string::npos);
    BOOST_TEST(pip.find("2. Standard") == std::string::npos);
    // Reviewer names appear; nothing changes without reviews.
    BOOST_TEST(text.find("Dana Whitfield") != std::string::npos);
    BOOST_TEST(report::write_text(run({}), ex.info).find("ACCREDITATION") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(review_sheet_reads_back) {
    example ex;
    const auto automatic = run({});
    const auto sheet = report::write_review_sheet_json(automatic, ex.info);
    auto doc = boost::json::parse(sheet).as_object();
    BOOST_TEST(doc.at("judgments").as_array().size() == 1u); // S8.5, Harbor's one open check
    BOOST_TEST(doc.at("judgments").at(0).at("question").as_string() == automatic.find_check("S8.5")->question());
    BOOST_TEST(doc.at("scores").as_array().size() == 10u);
    std::vector<diagnostic> diags;
    BOOST_TEST(!read(sheet, diags)); // the reviewer and the date are the reviewer's to fill in
    doc["reviewer"].as_object()["id"] = "rev-03";
    doc["date"] = "2026-07-16";
    diags.clear();
    auto blank = read(boost::json::serialize(doc), diags);
    BOOST_REQUIRE(blank.has_value());
    BOOST_TEST(blank->judgments.empty());
    BOOST_TEST(blank->scores.empty());
    doc["judgments"].as_array()[0].as_object()["verdict"] = "satisfied";
    doc["scores"].as_array()[1].as_object()["has_it"] = 2;
    doc["scores"].as_array()[1].as_object()["uses_it"] = 1;
    auto filled = read(boost::json::serialize(doc), diags);
    BOOST_REQUIRE(filled.has_value());
    BOOST_TEST(filled->judgments.size() == 1u);
    BOOST_TEST(filled->scores.size() == 1u);
    BOOST_TEST(filled->scores[0].standard == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(review_tailoring)

BOOST_AUTO_TEST_CASE(a_tailoring_file_sets_accreditation_parameters) {
    std::vector<diagnostic> diags;
    auto t = io::read_tailoring_json(R"({"format": "rco-tailoring/1", "accreditation": {"pip_due_days": 60}})", "t.json",
                                     cat(), diags);
    BOOST_REQUIRE(t.has_value());
    BOOST_TEST(std::get<std::int64_t>(t->tailoring.accreditation.at("pip_due_days")) == 60);
    auto rv = make("a", "2026-07-15");
    score_all(rv, 0, 9);
    BOOST_TEST(format_date(run({rv}, t->tailoring).accreditation->pip_due) == "2026-09-13");

    t = io::read_tailoring_json(R"({"format": "rco-tailoring/1",
  "accreditation": {"pip_days": 60, "pip_due_days": 0, "exemplary_min_standards": "nine"}})",
                                "t.json", cat(), diags = {});
    BOOST_TEST(!t.has_value());
    std::vector<std::string> got;
    for (const auto& d : diags)
        got.push_back(d.pointer + " " + std::to_string(d.line) + ": " + d.message);
    const std::vector<std::string> want = {
        "/accreditation/pip_days 2: unknown accreditation parameter \"pip_days\" (known: "
        "improvement_mean_below_hundredths, exceeds_mean_at_least_hundredths, exemplary_min_standards, "
        "standard_min_standards, provisional_min_standards, pip_due_days)",
        "/accreditation/pip_due_days 2: expected a whole number from 1 to 730, got 0",
        "/accreditation/exemplary_min_standards 2: expected a value of type integer",
    };
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

// ---- The review workbook ------------------------------------------------------------------

namespace {

/// Everything a review says, one line per value (not where it was read).
std::string describe(const review& rv) {
    auto codes = [](const std::vector<evidence_code>& ev) {
        std::string s;
        for (auto e : ev)
            s += std::string(to_code(e)) + " ";
        return s;
    };
    std::string s = "org " + rv.organization_name + " | " + rv.organization_ein + "\nreviewer " + rv.reviewer.id +
                    " | " + rv.reviewer.name + " | " + rv.reviewer.role + "\ndate " + format_date(rv.date) + "\n";
    for (const auto& j : rv.judgments)
        s += "judgment " + j.check_id + " " + std::string(to_string(j.verdict)) + " [" + codes(j.evidence) + "] " +
             j.note + "\n";
    for (const auto& sc : rv.scores)
        s += "score " + std::to_string(sc.standard) + " " + std::to_string(sc.has_it) + "/" +
             std::to_string(sc.uses_it) + " [" + codes(sc.evidence) + "] " + sc.finding + " | " +
             sc.recommended_action + "\n";
    return s;
}

std::string messages(const std::vector<diagnostic>& diags) {
    std::string s;
    for (const auto& d : diags)
        s += d.pointer + " " + std::to_string(d.line) + ": " + d.message + "\n";
    return s;
}

std::optional<review> read_xlsx(const std::string& bytes, std::vector<diagnostic>& diags) {
    return io::read_review_xlsx(bytes, "sheet.xlsx", cat(), diags);
}

/// The review sheet of Harbor as JSON, then as a workbook written from it.
boost::json::object harbor_sheet(const message_language* lang = nullptr) {
    report::report_info info;
    info.language = lang;
    info.tool_version = "test";
    info.input_file = "harbor-recovery-community.json";
    info.organization_name = "Harbor Recovery Community";
    info.organization_ein = "41-2873561";
    return boost::json::parse(report::write_review_sheet_json(run({}), info)).as_object();
}

std::string workbook_of(const boost::json::object& doc, const message_language& lang = english()) {
    auto wb = io::write_review_xlsx(boost::json::serialize(doc), lang);
    BOOST_TEST_REQUIRE(wb.ok(), messages(wb.diagnostics));
    return wb.bytes;
}

} // namespace

BOOST_AUTO_TEST_SUITE(review_workbook)

BOOST_AUTO_TEST_CASE(example_reviews_read_back_identical_from_their_workbooks) {
    for (const char* name : {"harbor-rev-01.json", "harbor-rev-02.json"}) {
        BOOST_TEST_CONTEXT(name) {
            const auto text = test::slurp(test::source_dir() / "examples/reviews" / name);
            const auto wb = io::write_review_xlsx(text);
            BOOST_TEST_REQUIRE(wb.ok(), messages(wb.diagnostics));
            BOOST_TEST(io::looks_like_workbook(wb.bytes));
            std::vector<diagnostic> diags;
            const auto back = io::read_review(wb.bytes, name, cat(), diags);
            BOOST_TEST_REQUIRE(back.has_value(), messages(diags));
            BOOST_TEST(diags.empty(), messages(diags));
            BOOST_TEST(describe(*back) == describe(read_file(name)));
            BOOST_TEST(back->scores.size() == 10u);
            // Where each came from: its row's first cell, not a line.
            BOOST_TEST(back->scores[7].where.cell == "Scores!A9");
            BOOST_TEST(back->scores[7].where.pointer == "/scores/7");
            BOOST_TEST(back->scores[7].where.line == 0u);
            BOOST_TEST(back->where.cell == "Review!B4"); // organization.ein
        }
    }
}

BOOST_AUTO_TEST_CASE(the_review_sheet_as_a_workbook) {
    const auto doc = harbor_sheet();
    const auto parts = test::unzip(workbook_of(doc));
    const auto& book = parts.at("xl/workbook.xml");
    const auto sheet_at = [&](const std::string& name) { return book.find("name=\"" + name + "\""); };
    BOOST_TEST(sheet_at("Start here") < sheet_at("Review"));
    BOOST_TEST(sheet_at("Review") < sheet_at("Judgments"));
    BOOST_TEST(sheet_at("Judgments") < sheet_at("Scores"));
    BOOST_TEST(sheet_at("Scores") != std::string::npos);
    const auto& judgments = parts.at("xl/worksheets/sheet3.xml");
    BOOST_TEST(judgments.find("<formula1>\"satisfied,not_satisfied,not_applicable\"</formula1>") !=
               std::string::npos);
    BOOST_TEST(parts.at("xl/worksheets/sheet4.xml").find("<formula1>\"0,1,2\"</formula1>") != std::string::npos);
    // No clock in the file: the same sheet gives the same bytes.
    BOOST_TEST(parts.at("docProps/core.xml").find(">2000-01-01T00:00:00Z</dcterms:created>") != std::string::npos);
    const auto& sst = parts.at("xl/sharedStrings.xml");
    for (const char* text : {"Harbor Recovery Community", "41-2873561", "S8.5", "Does leadership reflect",
                             "recommended_action", "automatic_result", "D documents, O observations, I interviews",
                             "0 = none, 1 = moderate, 2 = excellent conformance", "Do not write the name of a member"})
        BOOST_TEST(sst.find(text) != std::string::npos, text);
    // Blank: the reviewer and the date are refused at their cells, nothing else.
    std::vector<diagnostic> diags;
    BOOST_TEST(!read_xlsx(workbook_of(doc), diags));
    BOOST_TEST(messages(diags) == "/reviewer/id 0: Review!B5: the reviewer needs an id\n"
                                  "/date 0: Review!B8: expected the review date as YYYY-MM-DD, got \"\"\n");
}

BOOST_AUTO_TEST_CASE(a_filled_sheet_reads_as_the_same_review_as_its_json) {
    auto doc = harbor_sheet();
    doc["reviewer"] = {{"id", "rev-03"}, {"name", "Kim Park"}, {"role", "peer reviewer"}};
    doc["date"] = "2026-07-16";
    auto& j = doc["judgments"].as_array()[0].as_object();
    j["verdict"] = "not_satisfied";
    j["evidence"] = {"D", "I"};
    j["note"] = "Board is all from one town; the county is 30% Latino.";
    j["question"] = "edited context is ignored";
    auto& s = doc["scores"].as_array()[7].as_object();
    s["has_it"] = 1;
    s["uses_it"] = 0;
    s["evidence"] = boost::json::array{"O"}; // not = {"O"}: Clang takes that for the string "O"
    s["finding"] = "No plan; a semicolon; here.";
    s["recommended_action"] = "Write one.";
    doc["scores"].as_array()[2].as_object()["has_it"] = 2;
    doc["scores"].as_array()[2].as_object()["uses_it"] = 2;
    std::vector<diagnostic> diags;
    const auto from_json = read(boost::json::serialize(doc), diags);
    BOOST_TEST_REQUIRE(from_json.has_value(), messages(diags));
    const auto from_xlsx = read_xlsx(workbook_of(doc), diags);
    BOOST_TEST_REQUIRE(from_xlsx.has_value(), messages(diags));
    BOOST_TEST(diags.empty(), messages(diags));
    BOOST_TEST(describe(*from_xlsx) == describe(*from_json));
    BOOST_TEST(from_xlsx->judgments.size() == 1u); // S8.5
    BOOST_TEST(from_xlsx->scores.size() == 2u);    // the rows left blank are skipped
    BOOST_TEST(from_xlsx->judgments[0].where.cell == "Judgments!A2");
    // Folded into the audit, the same way.
    BOOST_TEST(run({*from_xlsx}).find_check("S8.5")->status == status::fail);
}

BOOST_AUTO_TEST_CASE(the_review_sheet_in_spanish_reads_as_the_same_review) {
    const auto* es = i18n::find("es");
    BOOST_REQUIRE(es != nullptr);
    auto doc = harbor_sheet(es);
    // The pre-filled context in Spanish: the description, titles, questions and automatic results.
    BOOST_TEST(std::string(doc["description"].as_string()).starts_with(
        "Hoja de revisión hecha por rco-audit test a partir de harbor-recovery-community.json"));
    const auto& first = doc["judgments"].as_array()[0].as_object();
    const auto* s85 = io::builtin_catalog().find_check("S8.5");
    BOOST_REQUIRE(s85 != nullptr);
    BOOST_TEST(first.at("check").as_string() == "S8.5");
    BOOST_TEST(first.at("question").as_string() == std::string(i18n::question(*es, *s85)));
    BOOST_TEST(first.at("question").as_string() != s85->question);
    BOOST_TEST(first.at("automatic_status").as_string() == "manual_review"); // a machine word
    BOOST_TEST(std::string(doc["scores"].as_array()[0].as_object().at("automatic_result").as_string())
                   .find(" (puntuación ") != std::string::npos);
    const auto parts = test::unzip(workbook_of(doc, *es));
    const auto& book = parts.at("xl/workbook.xml");
    for (const char* name : {"Empiece aquí", "Revisión", "Dictámenes", "Puntuaciones"})
        BOOST_TEST(book.find("name=\"" + std::string(name) + "\"") != std::string::npos, name);
    const auto& sst = parts.at("xl/sharedStrings.xml");
    for (const char* text : {"<t>Campo</t>", "0 = ninguna, 1 = conformidad moderada, 2 = conformidad excelente",
                             "recommended_action", "El id de la persona revisora, p. ej. rev-02."})
        BOOST_TEST(sst.find(text) != std::string::npos, text);
    BOOST_TEST(parts.at("xl/worksheets/sheet3.xml").find("<formula1>\"satisfied,not_satisfied,not_applicable\"</formula1>") !=
               std::string::npos);
    // Blank: refused at the cells of the Spanish Review sheet.
    std::vector<diagnostic> diags;
    BOOST_TEST(!read_xlsx(workbook_of(doc, *es), diags));
    BOOST_TEST(messages(diags) == "/reviewer/id 0: 'Revisión'!B5: the reviewer needs an id\n"
                                  "/date 0: 'Revisión'!B8: expected the review date as YYYY-MM-DD, got \"\"\n");
    // Filled in: the same review as the English sheet filled in the same way.
    auto fill = [](boost::json::object d) {
        d["reviewer"] = {{"id", "rev-03"}, {"name", "Kim Park"}};
        d["date"] = "2026-07-16";
        auto& j = d["judgments"].as_array()[0].as_object();
        j["verdict"] = "not_satisfied";
        j["note"] = "Board is all from one town.";
        d["scores"].as_array()[2].as_object()["has_it"] = 2;
        d["scores"].as_array()[2].as_object()["uses_it"] = 1;
        return d;
    };
    const auto from_es = read_xlsx(workbook_of(fill(doc), *es), diags = {});
    BOOST_TEST_REQUIRE(from_es.has_value(), messages(diags));
    BOOST_TEST(diags.empty(), messages(diags));
    const auto from_en = read_xlsx(workbook_of(fill(harbor_sheet())), diags);
    BOOST_TEST_REQUIRE(from_en.has_value(), messages(diags));
    BOOST_TEST(describe(*from_es) == describe(*from_en));
    BOOST_TEST(from_es->judgments.at(0).where.cell == "'Dictámenes'!A2");
    BOOST_TEST(from_es->scores.at(0).where.cell == "Puntuaciones!A4");
}

BOOST_AUTO_TEST_CASE(errors_name_the_sheet_cell_and_pointer) {
    auto doc = harbor_sheet();
    doc["reviewer"] = {{"id", "rev-03"}};
    doc["date"] = "2026-07-16";
    doc["judgments"].as_array()[0].as_object()["verdict"] = "maybe";
    doc["judgments"].as_array()[0].as_object()["evidence"] = {"D", "X"};
    doc["scores"].as_array()[1].as_object()["has_it"] = 3;
    doc["scores"].as_array()[1].as_object()["uses_it"] = 1;
    std::vector<diagnostic> diags;
    BOOST_TEST(!read_xlsx(workbook_of(doc), diags));
    BOOST_TEST(messages(diags) ==
               "/judgments/0/verdict 0: Judgments!E2: expected satisfied, not_satisfied or not_applicable, got "
               "\"maybe\"\n"
               "/judgments/0/evidence 0: Judgments!F2: unknown evidence code \"X\" (expected D documents, O "
               "observations, I interviews, S surveys, T tracers)\n"
               "/scores/1/has_it 0: Scores!D3: expected a whole number from 0 to 2, got 3 (0 none, 1 moderate, 2 "
               "excellent)\n");
    BOOST_TEST(diags.at(0).file == "sheet.xlsx");

    // A word typed in a score cell: the cell says so (once), and the review is refused.
    doc = harbor_sheet();
    doc["reviewer"] = {{"id", "rev-03"}};
    doc["date"] = "2026-07-16";
    doc["scores"].as_array()[0].as_object()["uses_it"] = 2;
    std::vector<std::pair<std::string, std::string>> parts;
    for (auto& [name, data] : test::unzip(workbook_of(doc))) {
        if (name == "xl/worksheets/sheet4.xml") { // Scores: has_it of standard 1, typed as a word
            const auto c2 = data.find("</c>", data.find("<c r=\"C2\""));
            BOOST_REQUIRE(c2 != std::string::npos);
            data.insert(c2 + 4, R"(<c r="D2" t="inlineStr"><is><t>two</t></is></c>)");
        }
        parts.emplace_back(name, data);
    }
    BOOST_TEST(!read_xlsx(test::make_zip(parts), diags = {}));
    BOOST_TEST(messages(diags) == "/scores/0/has_it 0: Scores!D2: expected a whole number, got \"two\"\n");
    doc["scores"].as_array()[0].as_object()["uses_it"] = 2; // one score without the other
    BOOST_TEST(!read_xlsx(workbook_of(doc), diags = {}));
    BOOST_TEST(messages(diags) == "/scores/0 0: Scores!A2: missing \"has_it\"\n");

    // What only the record and the automatic audit reveal is placed at the cells too.
    doc = harbor_sheet();
    doc["reviewer"] = {{"id", "rev-03"}};
    doc["date"] = "2026-07-16";
    doc["organization"].as_object()["ein"] = "41-9999999";
    doc["judgments"].as_array().push_back({{"check", "S1.1"}, {"verdict", "not_satisfied"}});
    auto rv = read_xlsx(workbook_of(doc), diags = {});
    BOOST_TEST_REQUIRE(rv.has_value(), messages(diags));
    const auto found = check_reviews(run({}), harbor(), {*rv});
    BOOST_REQUIRE(found.size() == 2u);
    BOOST_TEST(found[0].message.substr(0, 11) == "Review!B4: ");
    BOOST_TEST(found[0].pointer == "/organization");
    BOOST_TEST(found[1].message.substr(0, 37) == "Judgments!A3: a judgment on S1.1, whi");
    BOOST_TEST(found[1].line == 0u);
}

BOOST_AUTO_TEST_CASE(what_is_not_a_review_workbook_is_refused) {
    std::vector<diagnostic> diags;
    const auto record_wb = io::write_record_xlsx(harbor());
    BOOST_REQUIRE(record_wb.ok());
    BOOST_TEST(!read_xlsx(record_wb.bytes, diags));
    BOOST_TEST(messages(diags).find(": not an rco-review/1 workbook: none of its sheets is Review, Judgments or "
                                    "Scores") != std::string::npos,
               messages(diags));
    const auto bytes = workbook_of(harbor_sheet());
    BOOST_TEST(!read_xlsx(bytes.substr(0, bytes.size() / 2), diags = {}));
    BOOST_TEST(messages(diags).find("the zip archive is truncated or corrupt") != std::string::npos, messages(diags));
    BOOST_TEST(!read_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), diags = {}));
    BOOST_TEST(messages(diags).find("encrypted or password-protected") != std::string::npos, messages(diags));
    BOOST_TEST(!read_xlsx(test::make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/vbaProject.bin", "x"}}),
                          diags = {}));
    BOOST_TEST(messages(diags).find("contains macros") != std::string::npos, messages(diags));
    // JSON goes to the JSON reader.
    BOOST_TEST(!io::read_review("{}", "r.json", cat(), diags = {}).has_value());
    BOOST_TEST(messages(diags).find("missing \"format\"") != std::string::npos, messages(diags));
    BOOST_TEST(!io::write_review_xlsx("not json").ok());
}

BOOST_AUTO_TEST_SUITE_END()
