// What an audit yields: a status per check, a result per standard, an overall result.
#pragma once

#include "rco/catalog.hpp"
#include "rco/date.hpp"
#include "rco/message.hpp"
#include "rco/review.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco {

enum class status : std::uint8_t { pass, fail, insufficient_evidence, manual_review, not_applicable, waived };
std::string_view to_string(status s) noexcept;

enum class standard_outcome : std::uint8_t { met, not_met, incomplete };
std::string_view to_string(standard_outcome s) noexcept;

enum class overall_outcome : std::uint8_t { meets_standards, does_not_meet, incomplete };
std::string_view to_string(overall_outcome s) noexcept;

/// A JSON Pointer a check read (check_result::pointers). A pointer written in the program
/// as a string literal is kept as a view of it, so a check's pointers cost no copy; one
/// built at run time ("/services/3/started") is owned.
class json_pointer {
  public:
    /// A string literal (static storage: it outlives any result). Never a character array
    /// of automatic storage: pass a std::string for text built at run time.
    template <std::size_t N>
    json_pointer(const char (&literal)[N]) noexcept : view_(literal, N - 1) {}
    /// Text built at run time.
    json_pointer(std::string text) : owned_(std::move(text)), is_owned_(true) {}

    [[nodiscard]] std::string_view view() const noexcept { return is_owned_ ? std::string_view(owned_) : view_; }
    operator std::string_view() const noexcept { return view(); }
    [[nodiscard]] std::string str() const { return std::string(view()); }
    friend bool operator==(const json_pointer& a, const json_pointer& b) noexcept { return a.view() == b.view(); }
    friend bool operator==(const json_pointer& a, std::string_view b) noexcept { return a.view() == b; }

  private:
    std::string_view view_; ///< the literal (unused when owned: a copy or move keeps it right)
    std::string owned_;
    bool is_owned_ = false;
};

/// A check lists at most this many findings; the rest are counted (check_result::findings_omitted).
inline constexpr std::size_t max_findings_per_check = 100;

/// One stigmatizing-language match (standard 9).
struct language_finding {
    std::string source;  ///< document id, or "mission" / "vision"
    std::string pointer; ///< JSON Pointer of the scanned text
    std::uint32_t line = 0, column = 0;
    std::string matched;  ///< the words as written
    /// The catalog's term (not copied: the catalog must outlive the result).
    const language_term* term = nullptr;

    /// The term's id, alternatives and sources (empty without a term).
    [[nodiscard]] std::string_view term_id() const noexcept;
    [[nodiscard]] const std::vector<std::string>& alternatives() const noexcept;
    [[nodiscard]] const std::vector<std::string>& sources() const noexcept;
};

/// The organization a tailoring entry is for (an accreditor's tailoring file covers a
/// batch of applicants). An entry with an EIN matches the record with that EIN (digits
/// compared, so 41-1234567 and 411234567 agree) and no other; an entry without one matches
/// by name, ignoring case, the spaces at the ends and runs of spaces within.
struct applicant {
    std::string ein, name;
    [[nodiscard]] bool matches(std::string_view record_ein, std::string_view record_name) const;
    /// "EIN 41-1234567", or the name when the entry gives no EIN: how reports name it.
    [[nodiscard]] std::string describe() const;
};

/// A waiver: a named person approved leaving a check unmet until a date, for a reason.
struct waiver {
    std::string check_id, justification, approved_by;
    date expires;
    /// Set: the waiver is for this organization only (in a batch, the others are not waived).
    std::optional<applicant> for_applicant = std::nullopt;
};

/// One reviewer's verdict on a check, as the reports show it.
struct reviewer_verdict {
    std::string reviewer; ///< the reviewer's name, or id when no name is given
    std::string role;
    rco::verdict verdict = verdict::satisfied;
    rco::date date;
    std::vector<evidence_code> evidence;
    std::string note;
};

/// What reviewers decided about a check (rco-review/1 judgments folded into the audit).
struct check_review {
    std::vector<reviewer_verdict> verdicts; ///< in the order the reviews were given
    /// The verdict all reviewers agree on; empty when they disagree (the check then stays
    /// manual_review for the committee to settle).
    std::optional<rco::verdict> agreed;
    bool overridden = false; ///< the machine had decided the check; a reviewer changed or confirmed it
    bool disagreement() const noexcept { return !agreed; }
};

/// One check's outcome. The catalog's text for it (id, slug, title, question,
/// remediation, evidence) is not copied: `id`, `slug` and `info` refer to the catalog
/// entry, so the catalog must outlive the result (the built-in catalog lives as long as
/// the program).
struct check_result {
    std::string_view id, slug; ///< views of the catalog entry's

    const check_info* info = nullptr; ///< the catalog entry this result is for
    int standard = 0;
    rco::level level = level::required;
    int weight = 1;
    rco::status status = status::pass;
    std::optional<rco::status> underlying; ///< the status a waiver covers
    /// Why the check came out as it did, as a message; rendered when a report is written
    /// (explanation()). The audit never renders text.
    rco::message message;
    std::vector<json_pointer> pointers; ///< JSON Pointers the check read
    /// Ids of the people behind the numbers (e.g. untrained peer workers). Reports
    /// print them only when asked to: they can reveal who is in recovery.
    std::vector<std::string> subjects;
    std::vector<language_finding> findings; ///< at most max_findings_per_check, in text order
    /// Findings beyond the first max_findings_per_check: counted (and said in the
    /// explanation, "... and 39,872 more"), not listed.
    std::size_t findings_omitted = 0;
    std::optional<rco::waiver> waiver;
    /// The status the automatic check gave, when reviewers' judgments changed or settled it.
    std::optional<rco::status> automatic_status;
    std::optional<check_review> review;

    /// The explanation in `lang`: the message rendered.
    [[nodiscard]] std::string explanation(const message_language& lang = english()) const;

    /// The catalog entry's text (empty when `info` is not set).
    const std::string& title() const noexcept;
    const std::string& question() const noexcept;
    const std::string& remediation() const noexcept;
    const std::vector<std::string>& evidence() const noexcept;
};

/// One reviewer's scores of one standard.
struct reviewer_score {
    std::string reviewer, role;
    rco::date date;
    int has_it = 0, uses_it = 0;
    std::vector<evidence_code> evidence;
    std::string finding, recommended_action;
};

/// A mean of 0-2 scores kept exact: sum over count (count >= 1).
struct score_mean {
    int sum = 0, count = 0;
    /// Two decimals, rounded half up: "1.50", "1.33", "2.00".
    std::string text() const;
    /// mean >= hundredths/100, exactly.
    bool at_least(std::int64_t hundredths) const noexcept;
};

/// The reviewers' scores of one standard and the finding they lead to.
struct standard_review {
    std::vector<reviewer_score> scores; ///< in the order the reviews were given
    score_mean has_it, uses_it;
    int has_it_spread = 0, uses_it_spread = 0; ///< highest minus lowest score
    /// Two reviewers differ by 2 on a dimension (one said none, one excellent): the
    /// committee should look at it.
    bool wide_spread() const noexcept { return has_it_spread >= 2 || uses_it_spread >= 2; }
};

struct standard_result {
    int number = 0;
    std::string_view slug, title; ///< views of the catalog's (which must outlive the result)
    standard_outcome result = standard_outcome::met;
    /// 0–100: weight of satisfied (pass, waived) checks over the weight of the checks that
    /// apply and are decided (not_applicable and manual_review are left out), rounded half up.
    int score = 0;
    /// Reviewers' scores, when any reviewer scored this standard.
    std::optional<standard_review> review;
    /// exceeds / meets / requires_improvement (rules/accreditation.json), when scored.
    std::optional<rco::finding> finding;
};

/// The accreditation view of a run with reviews: findings counted, an indicative band.
/// Indicative only: the accreditation committee decides.
struct accreditation_result {
    int exceeds = 0, meets = 0, requires_improvement = 0, not_scored = 0;
    std::string band, band_title; ///< from rules/accreditation.json, e.g. "standard"
    std::vector<std::string> reviewers; ///< every reviewer, in the order the reviews were given
    rco::date review_date; ///< the latest date of the reviews
    rco::date pip_due;     ///< review_date + the pip_due_days parameter
    int pip_due_days = 0;
};

/// One tailoring choice, echoed in every report.
struct tailoring_note {
    std::string check_id;
    rco::message message; ///< what was chosen ("level set to required"), rendered by what()
    /// The choice in `lang`: "parameter min_board_meetings set to 12".
    [[nodiscard]] std::string what(const message_language& lang = english()) const { return render(message, lang); }
};

struct audit_result {
    std::string profile;
    date as_of;
    overall_outcome result = overall_outcome::incomplete;
    int score = 0;
    std::vector<standard_result> standards;
    std::vector<check_result> checks;
    std::vector<tailoring_note> tailoring;
    /// Present when reviews were folded in (rco::audit with reviews).
    std::optional<accreditation_result> accreditation;

    const check_result* find_check(std::string_view id) const noexcept;
};

} // namespace rco
