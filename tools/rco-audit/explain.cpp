// rco-audit explain: one check's question, rationale, remediation, parameters and sources.
#include "command.hpp"
#include "common.hpp"

#include <iostream>
#include <memory>

namespace rco::cli {

struct explain_options {
    std::string id; ///< a check id or slug
    std::string rules_dir;
};

int run_explain(const explain_options& opt) {
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    const auto* c = check_named(*cat, opt.id);
    if (!c) {
        std::cerr << "rco-audit: error: no check '" << opt.id << "'; 'rco-audit rules' lists them (e.g. S2.1)\n";
        return exit_input_error;
    }
    const auto* s = cat->find_standard(c->standard);
    std::string out;
    out += c->id + " " + c->slug + ": " + c->title + "\n";
    out += "Standard " + std::to_string(c->standard) + ": " + (s ? s->title : "") + "\n";
    out += "Level: " + std::string(rco::to_string(c->level)) + " (national profile)";
    for (const auto& p : cat->profiles)
        if (auto it = p.levels.find(c->id); it != p.levels.end() && it->second != c->level)
            out += "; " + std::string(rco::to_string(it->second)) + " in the " + p.name + " profile";
    out += "\n\nQuestion: " + c->question + "\n\nWhy it matters: " + c->rationale + "\n\nWhat to do: " +
           c->remediation + "\n\nEvidence to record:\n";
    for (const auto& e : c->evidence)
        out += "  - " + e + "\n";
    if (!c->parameters.empty()) {
        out += "\nParameters (S = from a published standard, P = this tool's proposal):\n";
        for (const auto& p : c->parameters) {
            out += "  " + p.name + " = " + rco::describe(p.default_value) + " [" + p.source + "]: " + p.description +
                   "\n";
            for (const auto& prof : cat->profiles)
                if (auto it = prof.parameters.find(c->id); it != prof.parameters.end())
                    if (auto v = it->second.find(p.name); v != it->second.end())
                        out += "      " + prof.name + " profile: " + rco::describe(v->second) + "\n";
        }
    }
    if (!c->sources.empty()) {
        out += "\nSources:\n";
        for (const auto& key : c->sources)
            if (auto it = cat->sources.find(key); it != cat->sources.end())
                out += "  [" + key + "] " + it->second + "\n";
    }
    return emit("", out);
}

command add_explain(CLI::App& app) {
    auto opt = std::make_shared<explain_options>();
    auto* sub = app.add_subcommand("explain", "Explain one check: question, rationale, remediation, parameters");
    sub->add_option("id", opt->id, "Check id or slug, e.g. S2.1 or board-recovery-majority")->required();
    add_rules_option(*sub, opt->rules_dir);
    sub->footer(exit_codes_footer("the check was explained", "", "usage error, or no such check, or the --rules catalog is invalid"));
    return {sub, [opt] { return run_explain(*opt); }};
}

} // namespace rco::cli
