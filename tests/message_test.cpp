// Findings as messages: English rendering (plurals, numbers, dates, lists, nested
// messages, braces, a missing argument) and the JSON report's `message` field.
#include "rco/message.hpp"

#include "rco/checks/support.hpp"

#include "support.hpp"

#include <filesystem>
#include <map>
#include <set>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

using namespace rco;
namespace json = boost::json;

namespace {

constexpr message_def events{"test.events", "{count} community input event in the {months} months to {to}",
                             "{count} community input events in the {months} months to {to}", "count"};
constexpr message_def of_type{"test.of_type", "{count} community meeting", "{count} community meetings", "count"};
constexpr message_def with_parts{"test.with_parts", "{what} ({parts}); at least {need} expected."};
constexpr message_def braces{"test.braces", "{{literal}} {x} }} {"};
constexpr message_def words{"test.words", "{list}"};
constexpr message_def amount{"test.amount", "{spent_cents} of {total_cents} ({n})"};

message_arg int_arg(std::string_view name, std::int64_t v, number_style s = number_style::plain) {
    return {name, v, list_style::and_, s};
}

message events_msg(std::int64_t n) {
    return {&events, {int_arg("count", n), int_arg("months", 12), {"to", *parse_date("2026-06-30")}}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(message_rendering)

BOOST_AUTO_TEST_CASE(english_picks_one_or_other_by_the_count_argument) {
    BOOST_TEST(render(events_msg(1)) == "1 community input event in the 12 months to 2026-06-30");
    BOOST_TEST(render(events_msg(0)) == "0 community input events in the 12 months to 2026-06-30");
    BOOST_TEST(render(events_msg(2500)) == "2500 community input events in the 12 months to 2026-06-30");
    BOOST_TEST(english().tag() == "en");
    BOOST_TEST(english().pattern(events, 1) == std::string(events.one));
    BOOST_TEST(english().pattern(events, 7) == std::string(events.other));
}

BOOST_AUTO_TEST_CASE(nested_messages_are_rendered_and_joined) {
    std::vector<message> parts;
    parts.push_back({&of_type, {int_arg("count", 2)}});
    parts.push_back({&of_type, {int_arg("count", 1)}});
    parts.push_back({&of_type, {int_arg("count", 3)}});
    const message m{&with_parts, {{"what", std::vector<message>{events_msg(6)}}, {"parts", parts}, int_arg("need", 4)}};
    BOOST_TEST(render(m) == "6 community input events in the 12 months to 2026-06-30 (2 community meetings, "
                            "1 community meeting and 3 community meetings); at least 4 expected.");
    // render appends to what the caller has.
    std::string out = "S5.1: ";
    render(out, m, english());
    BOOST_TEST(out.starts_with("S5.1: 6 community input events"));
}

BOOST_AUTO_TEST_CASE(lists_are_joined_in_each_style) {
    const std::vector<std::string> three{"a", "b", "c"};
    const auto joined = [&](list_style s, std::vector<std::string> items) {
        return render(message{&words, {{"list", std::move(items), s}}});
    };
    BOOST_TEST(joined(list_style::and_, three) == "a, b and c");
    BOOST_TEST(joined(list_style::or_, three) == "a, b or c");
    BOOST_TEST(joined(list_style::semicolons, three) == "a; b; c");
    BOOST_TEST(joined(list_style::commas, three) == "a, b, c");
    BOOST_TEST(joined(list_style::sentences, {"One.", "Two."}) == "One. Two.");
    BOOST_TEST(joined(list_style::and_, {"a", "b"}) == "a and b");
    BOOST_TEST(joined(list_style::and_, {"a"}) == "a");
    BOOST_TEST(joined(list_style::and_, {}) == "");
}

BOOST_AUTO_TEST_CASE(numbers_plain_grouped_and_dollars) {
    const message m{&amount,
                    {int_arg("spent_cents", 123450, number_style::dollars),
                     int_arg("total_cents", 190'000'000'000'000'000, number_style::dollars),
                     int_arg("n", 39872, number_style::grouped)}};
    BOOST_TEST(render(m) == "$1,234.50 of $1,900,000,000,000,000 (39,872)");
    const message small{&amount, {int_arg("spent_cents", 5, number_style::dollars),
                                  int_arg("total_cents", -250, number_style::dollars), int_arg("n", -1234567)}};
    BOOST_TEST(render(small) == "$0.05 of -$2.50 (-1234567)");
}

BOOST_AUTO_TEST_CASE(braces_and_find) {
    const message m{&braces, {{"x", std::string("{x}")}}};
    BOOST_TEST(render(m) == "{literal} {x} } {");
    BOOST_TEST(m.find("x") != nullptr);
    BOOST_TEST(m.find("y") == nullptr);
    BOOST_TEST(render(message{}) == "");
    BOOST_TEST(message{}.empty());
}

#ifdef NDEBUG
BOOST_AUTO_TEST_CASE(a_missing_argument_shows_in_release_builds) {
    const message m{&with_parts, {{"what", std::string("3 events")}}};
    BOOST_TEST(render(m) == "3 events ({parts?}); at least {need?} expected.");
}
#endif

BOOST_AUTO_TEST_CASE(the_json_report_carries_each_message_with_typed_arguments) {
    auto r = test::audit_with_untrained_peer();
    std::vector<message> parts;
    parts.push_back({&of_type, {int_arg("count", 2)}});
    r.checks[0].message = {&with_parts,
                           {{"what", std::vector<std::string>{"x", "y"}}, {"parts", parts}, int_arg("need", 4),
                            {"when", *parse_date("2026-01-31")}, {"who", std::string("Ana")}}};
    const auto doc = json::parse(report::write_json(r, test::report_info_for()));
    const auto& c = doc.at("checks").as_array().at(0).as_object();
    BOOST_TEST(c.at("explanation").as_string() == "x and y (2 community meetings); at least 4 expected.");
    const auto expected = json::parse(R"({"id": "test.with_parts", "args": {"what": ["x", "y"],
        "parts": [{"id": "test.of_type", "args": {"count": 2}}], "need": 4, "when": "2026-01-31", "who": "Ana"}})");
    BOOST_TEST(c.at("message") == expected);
    // Right after the explanation.
    auto it = c.find("explanation");
    BOOST_TEST((++it)->key() == "message");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(check_messages)

BOOST_AUTO_TEST_CASE(s5_1_says_its_counts_by_type_as_nested_messages) {
    const auto rec = test::to_record(test::load_json(test::source_dir() / "examples/harbor-recovery-community.json"));
    const auto r = audit(io::builtin_catalog(), "national", rec, *rec.as_of);
    const auto* c = r.find_check("S5.1");
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST(c->message.def->id == "S5.1.input_events");
    const auto expected = json::parse(R"({"id": "S5.1.input_events", "args": {"count": 5,
        "window": [{"id": "window.months", "args": {"months": 12, "from": "2025-06-30", "to": "2026-06-30"}}],
        "types": [{"id": "S5.1.community_meetings", "args": {"count": 2}},
                  {"id": "S5.1.listening_sessions", "args": {"count": 1}},
                  {"id": "S5.1.focus_groups", "args": {"count": 1}},
                  {"id": "S5.1.advisory_council_meetings", "args": {"count": 1}}], "need": 4}})");
    const auto doc = json::parse(report::write_json(r, test::report_info_for()));
    for (const auto& j : doc.at("checks").as_array())
        if (j.at("id") == "S5.1") {
            BOOST_TEST(j.at("message") == expected);
            BOOST_TEST(j.at("explanation").as_string() ==
                       "5 community input events in the 12 months from 2025-06-30 to 2026-06-30 (2 community "
                       "meetings, 1 listening session, 1 focus group and 1 advisory council meeting); at least 4 "
                       "expected.");
        }
    // Peer workers' checks: the share as a nested message, plural by the number of active workers.
    const auto* s63 = r.find_check("S6.3");
    BOOST_TEST(s63->message.def->id == "S6.3.trained");
    const auto& share = std::get<std::vector<message>>(s63->message.find("share")->value).at(0);
    BOOST_TEST(share.def->id == "peers.active_share");
    BOOST_TEST(std::get<std::int64_t>(share.find("met")->value) == 4);
    BOOST_TEST(std::get<std::int64_t>(share.find("count")->value) == 4);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

/// One `inline constexpr rco::message_def NAME{"id", "one", "other", "count"};` of the
/// sources, its string fields unescaped (adjacent literals joined).
struct source_def {
    std::string file, name;
    std::vector<std::string> fields;
};

std::vector<source_def> message_defs_in(const std::filesystem::path& dir) {
    std::vector<source_def> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        const auto ext = e.path().extension();
        if (ext != ".hpp" && ext != ".ipp")
            continue;
        const std::string text = test::slurp(e.path());
        const std::string key = "constexpr rco::message_def ";
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
            source_def d{e.path().filename().string(), {}, {}};
            std::size_t i = at + key.size();
            while (i < text.size() && text[i] != '{')
                d.name += text[i++];
            std::string field;
            bool in_field = false;
            for (++i; i < text.size() && text[i] != '}'; ++i) {
                if (text[i] == ',') {
                    d.fields.push_back(field);
                    field.clear();
                    in_field = false;
                } else if (text[i] == '"') {
                    for (++i; i < text.size() && text[i] != '"'; ++i)
                        field += text[i] == '\\' ? text[++i] : text[i];
                    in_field = true;
                }
            }
            if (in_field)
                d.fields.push_back(field);
            out.push_back(std::move(d));
        }
    }
    return out;
}

std::set<std::string> placeholders(std::string_view pattern) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            ++i;
            continue;
        }
        if (pattern[i] != '{')
            continue;
        const auto close = pattern.find('}', i);
        names.emplace(pattern.substr(i + 1, close - i - 1));
        i = close;
    }
    return names;
}

} // namespace

BOOST_AUTO_TEST_SUITE(message_definitions)

BOOST_AUTO_TEST_CASE(every_id_is_unique_and_dotted_and_both_plural_forms_take_the_same_arguments) {
    const auto defs = message_defs_in(test::source_dir() / "include");
    BOOST_TEST(defs.size() >= 300u); // every check's sentences, the reviews' and the tailoring's
    std::map<std::string, std::string> seen;
    for (const auto& d : defs) {
        BOOST_TEST_CONTEXT(d.file << ": " << d.name) {
            BOOST_TEST_REQUIRE((d.fields.size() == 2u || d.fields.size() == 4u));
            const auto& id = d.fields[0];
            BOOST_TEST(!id.empty());
            BOOST_TEST(id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.") ==
                       std::string::npos);
            BOOST_TEST((id.front() != '.' && id.back() != '.' && id.find("..") == std::string::npos));
            BOOST_TEST(seen.emplace(id, d.name).second, "id " << id << " defined twice");
            for (const auto& name : placeholders(d.fields[1]))
                BOOST_TEST((!name.empty() && name.find_first_of("{} ") == std::string::npos), name);
            if (d.fields.size() == 4u) {
                BOOST_TEST(!d.fields[3].empty()); // the plural's count argument
                BOOST_TEST((placeholders(d.fields[1]) == placeholders(d.fields[2])));
            }
        }
    }
    BOOST_TEST(seen.count("S5.1.input_events") == 1u);
    BOOST_TEST(seen.count("peers.none_active") == 1u);
    BOOST_TEST(seen.count("review.automatic") == 1u);
}

BOOST_AUTO_TEST_CASE(a_number_beyond_64_bits_is_written_out_as_text) {
    const wide_int big = wide_int{std::numeric_limits<std::int64_t>::max()} * 2;
    const auto fits = detail::wide_arg("n", 1'234'567, number_style::grouped);
    BOOST_TEST(std::get<std::int64_t>(fits.value) == 1234567);
    BOOST_TEST((fits.number == number_style::grouped));
    BOOST_TEST(std::get<std::string>(detail::wide_arg("n", big).value) == "18446744073709551614");
    BOOST_TEST(std::get<std::string>(detail::wide_arg("n", big, number_style::grouped).value) ==
               "18,446,744,073,709,551,614");
    BOOST_TEST(std::get<std::string>(detail::wide_arg("n", big * 100 + 5, number_style::dollars).value) ==
               "$18,446,744,073,709,551,614.05");
}

BOOST_AUTO_TEST_SUITE_END()
