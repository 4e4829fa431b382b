// rco-audit explain: one check's question, rationale, remediation, parameters and sources.
#include "command.hpp"
#include "common.hpp"

#include <iostream>
#include <memory>

namespace rco::cli {

struct explain_options {
    std::string id; ///< a check id or slug
    std::string rules_dir;
    std::string lang;
};

namespace {
constexpr rco::message_def level_line{"cli.explain.level", "Level: {level} (national profile)"};
constexpr rco::message_def profile_level{"cli.explain.profile_level", "; {level} in the {profile} profile"};
constexpr rco::message_def question_label{"cli.explain.question", "Question:"};
constexpr rco::message_def rationale_label{"cli.explain.rationale", "Why it matters:"};
constexpr rco::message_def remediation_label{"cli.explain.remediation", "What to do:"};
constexpr rco::message_def evidence_label{"cli.explain.evidence", "Evidence to record:"};
constexpr rco::message_def parameters_label{"cli.explain.parameters",
                                            "Parameters (S = from a published standard, P = this tool's proposal):"};
constexpr rco::message_def profile_value{"cli.explain.profile_value", "{profile} profile: {value}"};
constexpr rco::message_def sources_label{"cli.explain.sources", "Sources:"};
constexpr rco::message_def no_check{"cli.explain.no_check", "no check '{id}'; 'rco-audit rules' lists them (e.g. S2.1)"};
} // namespace

int run_explain(const explain_options& opt) {
    const auto* lang = language_for(opt.lang);
    if (!lang)
        return exit_input_error;
    const auto& l = *lang;
    std::optional<rco::catalog> storage;
    const auto* cat = load_catalog(opt.rules_dir, storage);
    if (!cat)
        return exit_input_error;
    const auto* c = check_named(*cat, opt.id);
    if (!c) {
        print_error({&no_check, {{"id", opt.id}}});
        return exit_input_error;
    }
    const auto* s = cat->find_standard(c->standard);
    auto text = [&l](const rco::message_def& def, std::vector<rco::message_arg> args) {
        return rco::render(rco::message{&def, std::move(args)}, l);
    };
    std::string out;
    out += c->id + " " + c->slug + ": " + std::string(rco::i18n::title(l, *c)) + "\n";
    out += standard_heading(s ? *s : rco::standard_info{.number = c->standard}, l) + "\n";
    out += text(level_line, {{"level", level_word(c->level, l)}});
    for (const auto& p : cat->profiles)
        if (auto it = p.levels.find(c->id); it != p.levels.end() && it->second != c->level)
            out += text(profile_level, {{"level", level_word(it->second, l)}, {"profile", p.name}});
    out += "\n\n" + l.pattern(question_label, 0) + " " + std::string(rco::i18n::question(l, *c)) + "\n\n" +
           l.pattern(rationale_label, 0) + " " + std::string(rco::i18n::rationale(l, *c)) + "\n\n" +
           l.pattern(remediation_label, 0) + " " + std::string(rco::i18n::remediation(l, *c)) + "\n\n" +
           l.pattern(evidence_label, 0) + "\n";
    for (std::size_t i = 0; i < c->evidence.size(); ++i)
        out += "  - " + std::string(rco::i18n::evidence(l, *c, i)) + "\n";
    if (!c->parameters.empty()) {
        out += "\n" + l.pattern(parameters_label, 0) + "\n";
        for (const auto& p : c->parameters) {
            out += "  " + p.name + " = " + rco::describe(p.default_value) + " [" + p.source +
                   "]: " + std::string(rco::i18n::description(l, *c, p)) + "\n";
            for (const auto& prof : cat->profiles)
                if (auto it = prof.parameters.find(c->id); it != prof.parameters.end())
                    if (auto v = it->second.find(p.name); v != it->second.end())
                        out += "      " + text(profile_value, {{"profile", prof.name}, {"value", rco::describe(v->second)}}) +
                               "\n";
        }
    }
    if (!c->sources.empty()) {
        out += "\n" + l.pattern(sources_label, 0) + "\n";
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
    add_lang_option(*sub, opt->lang);
    sub->footer(exit_codes_footer("the check was explained", "",
                                  "usage error, or no such check or language, or the --rules catalog is invalid"));
    return {sub, [opt] { return run_explain(*opt); }};
}

} // namespace rco::cli
