// rco-audit rules: list every check with its level (as a profile sets it) and title.
#include "command.hpp"
#include "common.hpp"

#include <boost/json.hpp>

#include <iostream>
#include <memory>

namespace rco::cli {

struct rules_options {
    std::string profile = "national";
    std::string format = "text";
    std::string rules_dir;
};

int run_rules(const rules_options& opt) {
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    const auto* prof = profile_named(*cat, opt.profile);
    if (!prof) {
        std::cerr << "rco-audit: error: unknown profile '" << opt.profile << "'\n";
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
                                                 {"title", c.title}});
        }
        out = rco::io::pretty_json(boost::json::object{
            {"catalog", cat->version}, {"profile", prof->name}, {"checks", std::move(checks)}});
    } else {
        out += "Catalog " + cat->version + ", profile " + prof->name + ": " + std::to_string(cat->checks.size()) +
               " checks in " + std::to_string(cat->standards.size()) + " standards\n";
        for (const auto& s : cat->standards) {
            out += "\nStandard " + std::to_string(s.number) + ": " + s.title + "\n";
            for (const auto& c : cat->checks) {
                if (c.standard != s.number)
                    continue;
                auto lvl = c.level;
                if (auto it = prof->levels.find(c.id); it != prof->levels.end())
                    lvl = it->second;
                std::string id = c.id, level(rco::to_string(lvl));
                id.resize(7, ' ');
                level.resize(12, ' ');
                out += "  " + id + level + c.title + "\n";
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
    sub->footer(exit_codes_footer("the checks were listed", "", "usage error, or the --rules catalog or the profile is unknown or invalid"));
    return {sub, [opt] { return run_rules(*opt); }};
}

} // namespace rco::cli
