// rco-audit rules: list every check with its level (as a profile sets it) and title.
#include "command.hpp"
#include "common.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace rco::cli {

struct rules_options {
    std::string profile = "national";
    std::string format = "text";
    std::string rules_dir;
    std::string lang;
};

namespace {
constexpr rco::message_def rules_heading{"cli.rules.heading",
                                         "Catalog {version}, profile {profile}: {checks} check in {standards} standards",
                                         "Catalog {version}, profile {profile}: {checks} checks in {standards} standards",
                                         "checks"};
constexpr rco::message_def unknown_profile{"cli.rules.unknown_profile", "unknown profile '{name}'"};
} // namespace

int run_rules(const rules_options& opt) {
    const auto* lang = language_for(opt.lang);
    if (!lang)
        return exit_input_error;
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    const auto* prof = profile_named(*cat, opt.profile);
    if (!prof) {
        print_error({&unknown_profile, {{"name", opt.profile}}});
        return exit_input_error;
    }
    std::string out;
    if (opt.format == "json") {
        boost::json::array checks;
        for (const auto& c : cat->checks) {
            auto lvl = c.level;
            if (auto it = prof->levels.find(c.id); it != prof->levels.end())
                lvl = it->second;
            checks.push_back(boost::json::object{{"id", c.id},
                                                 {"slug", c.slug},
                                                 {"standard", c.standard},
                                                 {"level", rco::to_string(lvl)},
                                                 {"title", rco::i18n::title(*lang, c)}});
        }
        out = rco::io::pretty_json(boost::json::object{
            {"catalog", cat->version}, {"profile", prof->name}, {"checks", std::move(checks)}});
    } else {
        rco::render(out,
                    rco::message{&rules_heading,
                                 {{"version", cat->version},
                                  {"profile", prof->name},
                                  {"checks", static_cast<std::int64_t>(cat->checks.size())},
                                  {"standards", static_cast<std::int64_t>(cat->standards.size())}}},
                    *lang);
        out += "\n";
        for (const auto& s : cat->standards) {
            out += "\n" + standard_heading(s, *lang) + "\n";
            for (const auto& c : cat->checks) {
                if (c.standard != s.number)
                    continue;
                auto lvl = c.level;
                if (auto it = prof->levels.find(c.id); it != prof->levels.end())
                    lvl = it->second;
                std::string id = c.id, level = level_word(lvl, *lang);
                id.resize(7, ' ');
                level.resize(std::max<std::size_t>(12, level.size() + 1), ' ');
                out += "  " + id + level + std::string(rco::i18n::title(*lang, c)) + "\n";
            }
        }
    }
    return emit("", out);
}

command add_rules(CLI::App& app) {
    auto opt = std::make_shared<rules_options>();
    auto* sub = app.add_subcommand("rules", "List every check with its level and title");
    sub->add_option("--profile", opt->profile, "Show levels as this profile sets them")->capture_default_str();
    sub->add_option("--format", opt->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_rules_option(*sub, opt->rules_dir);
    add_lang_option(*sub, opt->lang);
    sub->footer(exit_codes_footer("the checks were listed", "",
                                  "usage error, or the --rules catalog, the profile or the language is unknown or invalid"));
    return {sub, [opt] { return run_rules(*opt); }};
}

} // namespace rco::cli
