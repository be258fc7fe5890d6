// The `fiducia` command-line tool: validate, format, project, simulate, optimise, sensitivity and calibrate
// over a plan file. Exit codes: 0 success, 1 invalid plan, 2 usage or file problems. Files are read
// with std::fopen so the same code runs under node (Emscripten NODERAWFS).
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/references.hpp"
#include "io/json_util.hpp"
#include "io/plan_file.hpp"
#include "app/cli_args.hpp"
#include "app/cli_files.hpp"
#include "app/cli_threads.hpp"

namespace fiducia::cli {
int report_main(int argc, char** argv);  // src/app/cli_report.cpp
}

namespace {

using namespace fiducia;
using fiducia::cli::read_file;
using fiducia::cli::usage_error;
using fiducia::cli::write_file;

const char* const kUsage =
    "Usage: fiducia COMMAND PLAN [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  validate PLAN                      check a plan; prints every error (exit 1) or \"ok\"\n"
    "  format PLAN [-o OUT]               write the canonical form to stdout or OUT\n"
    "  project PLAN [--scenario ID] [--json]\n"
    "                                     month-by-month trust, explanation, cost and revenue\n"
    "  simulate PLAN [--customers N] [--seed S] [--scenario ID] [--threads N] [--json]\n"
    "                                     Monte Carlo of the customer groups (default 10000, plan seed)\n"
    "  optimise PLAN --budget B [--objective trust|value] [--max-nodes N] [--threads N] [--json]\n"
    "                                     best set of actions within a budget, and the frontier; each\n"
    "                                     search stops after N nodes (default: by the plan's size) with\n"
    "                                     the best found and a bound no set beats\n"
    "  sensitivity PLAN [--scenario ID] [--threads N] [--json]\n"
    "                                     each input +-20%, largest effect on the Trust Index first\n"
    "  calibrate PLAN [--scenario ID] [--json] [-o OUT]\n"
    "                                     fit each group's base rate to its measured trust shares, and\n"
    "                                     backtest the projection; OUT is the plan with those base rates\n"
    "  report PLAN --format html|md|csv [-o OUT] [--scenario ID] [--language en|zh|it|id]\n"
    "                                     printable HTML report, Markdown tables, or the projection as CSV\n"
    "                                     (the CSV stays English, with C-locale numbers)\n"
    "  diff A B [--json]                  what B adds, removes and changes from A, and the trust change\n"
    "  merge BASE OURS THEIRS -o OUT [--json] [--any-base]\n"
    "                                     three-way merge; exit 1 listing the conflicts, OUT unwritten\n"
    "  drivers SURVEY.csv [--json]        what drives each group's trust: overall regressed on the\n"
    "                                     dimension scores (1..9), R² split by Shapley value\n"
    "  survey PLAN SURVEY.csv --month M -o OUT [--json]\n"
    "                                     add each group's trust share (overall 6..9) and NPS to the plan\n"
    "\n"
    "Options:\n"
    "  --help, -h      this help        --version   the program and plan-format versions\n"
    "\n"
    "Exit status: 0 ok, 1 the plan or survey has errors, 2 bad command line or unreadable file.\n";

struct Args {
    std::string command;
    std::string plan_path;
    std::optional<std::string> out_path;
    std::optional<std::string> scenario;
    std::optional<std::string> customers, seed, budget, objective, threads, max_nodes;
    bool json = false;
};

// The options of each command (the report, diff and merge commands have theirs beside them).
const cli::Option kJson{"--json"}, kOutput{"--output", "-o", true}, kScenario{"--scenario", nullptr, true},
                  kThreads{"--threads", nullptr, true};
const cli::CommandSyntax kCommands[] = {
    {"validate", {}},
    {"format", {kOutput}},
    {"project", {kJson, kScenario}},
    {"simulate", {kJson, kScenario, kThreads, {"--customers", nullptr, true}, {"--seed", nullptr, true}}},
    {"optimise", {kJson, kThreads, {"--budget", nullptr, true}, {"--objective", nullptr, true},
                  {"--max-nodes", nullptr, true}}},
    {"sensitivity", {kJson, kScenario, kThreads}},
    {"calibrate", {kJson, kScenario, kOutput}},
};

// Parses argv; returns an exit code when the command line is wrong.
std::optional<int> parse_args(int argc, char** argv, Args& args) {
    args.command = argv[1];
    if (args.command == "optimize") args.command = "optimise";
    const cli::CommandSyntax* syntax = nullptr;
    for (const cli::CommandSyntax& c : kCommands) {
        if (c.command == args.command) syntax = &c;
    }
    if (!syntax) return usage_error("unknown command '" + args.command + "'");
    cli::Arguments parsed;
    if (std::optional<int> code = cli::parse_arguments(argc, argv, *syntax, parsed)) return code;
    args.plan_path = parsed.plan();
    if (args.plan_path.empty()) return usage_error("'" + args.command + "' needs a PLAN file");
    args.out_path = parsed.value("--output");
    args.scenario = parsed.value("--scenario");
    args.customers = parsed.value("--customers");
    args.seed = parsed.value("--seed");
    args.budget = parsed.value("--budget");
    args.objective = parsed.value("--objective");
    args.threads = parsed.value("--threads");
    args.max_nodes = parsed.value("--max-nodes");
    args.json = parsed.has("--json");
    return std::nullopt;
}

bool parse_uint(const std::string& s, std::uint64_t& out) {
    if (s.empty() || s.size() > 19) return false;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = v;
    return true;
}

bool parse_double(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
    out = v;
    return true;
}

void print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// ---- readable output ---------------------------------------------------------------------------

std::string pct(double x) {  // trust x100 with one decimal
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", x * 100.0);
    return b;
}

std::string money(double x, const std::string& currency) {
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.0f", std::fabs(x));
    std::string s = digits, grouped;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i && (s.size() - i) % 3 == 0) grouped += ',';
        grouped += s[i];
    }
    return (x < 0 ? "-" : "") + grouped + (currency.empty() ? "" : " " + currency);
}

// Cuts text to `width` characters (UTF-8 aware), ending with "..." when cut.
std::string fit(const std::string& s, std::size_t width) {
    std::size_t total = 0;
    for (unsigned char c : s) total += (c & 0xC0) != 0x80;
    if (total <= width) return s;
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == width - 3) break;
            ++chars;
        }
    }
    return s.substr(0, i) + "...";
}

std::string pad(const std::string& s, std::size_t width, bool right = true) {
    // Width counts UTF-8 characters.
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    if (chars >= width) return s;
    std::string fill(width - chars, ' ');
    return right ? fill + s : s + fill;
}

// "YYYY-MM" of month m, month 1 being settings.start; "" without a start.
std::string month_label(const Plan& plan, int m) {
    const std::string& start = plan.settings.start;
    if (start.size() != 7) return "";
    int year = std::atoi(start.substr(0, 4).c_str());
    int month = std::atoi(start.substr(5, 2).c_str());
    int total = year * 12 + (month - 1) + (m - 1);
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", total / 12, total % 12 + 1);
    return b;
}

std::string stakeholder_name(const Plan& plan, std::size_t i) {
    return plan.stakeholders[i].name.empty() ? plan.stakeholders[i].id : plan.stakeholders[i].name;
}

void print_projection(const Plan& plan, const Projection& p) {
    std::string out;
    out += "Plan: " + (plan.meta.title.empty() ? std::string("(untitled)") : plan.meta.title) + "\n";
    out += "Scenario: " + p.scenario + ", horizon " + std::to_string(p.horizon_months) + " months\n\n";
    out += pad("Month", 6) + pad("", 9) + pad("Index", 8);
    for (const Stakeholder& s : plan.stakeholders) out += pad(s.id, std::max<std::size_t>(10, s.id.size() + 2));
    out += "\n";
    for (const MonthResult& m : p.months) {
        out += pad(std::to_string(m.month), 6) + pad(month_label(plan, m.month), 9) + pad(pct(m.trust_index), 8);
        for (std::size_t i = 0; i < plan.stakeholders.size() && i < m.stakeholders.size(); ++i) {
            out += pad(pct(m.stakeholders[i].trust), std::max<std::size_t>(10, plan.stakeholders[i].id.size() + 2));
        }
        out += "\n";
    }
    if (!p.months.empty()) {
        const MonthResult& last = p.months.back();
        out += "\nAt month " + std::to_string(last.month) + ":\n";
        out += pad("Stakeholder", 34, false) + " " + pad("Trust", 7) + pad("Band", 15) + pad("Retained", 10) + "\n";
        for (std::size_t i = 0; i < plan.stakeholders.size() && i < last.stakeholders.size(); ++i) {
            const StakeholderMonth& s = last.stakeholders[i];
            std::string retained = plan.stakeholders[i].kind == StakeholderKind::customers ? pct(s.retained) + "%" : "-";
            out += pad(stakeholder_name(plan, i), 34, false) + " " + pad(pct(s.trust), 7) +
                   pad(pct(s.band_low) + " - " + pct(s.band_high), 15) + pad(retained, 10) + "\n";
        }
        if (static_cast<std::size_t>(last.month) < p.explanation.size()) {
            out += "\nLargest drivers at month " + std::to_string(last.month) + " (points of trust):\n";
            const auto& groups = p.explanation[last.month];
            for (std::size_t i = 0; i < plan.stakeholders.size() && i < groups.size(); ++i) {
                std::vector<Contribution> sorted = groups[i];
                std::stable_sort(sorted.begin(), sorted.end(), [](const Contribution& a, const Contribution& b) {
                    return std::fabs(a.value) > std::fabs(b.value);
                });
                out += "  " + stakeholder_name(plan, i) + ":";
                int shown = 0;
                for (const Contribution& c : sorted) {
                    if (c.kind == ContributionKind::base_rate) continue;
                    if (shown++ == 3) break;
                    char b[32];
                    std::snprintf(b, sizeof b, "%+.1f", c.value * 100.0);
                    out += " " + source_key(c.kind, c.id) + " " + b;
                }
                out += "\n";
            }
        }
    }
    out += "\nAction cost over the horizon: " + money(p.total_cost, plan.meta.currency) + "\n";
    out += "Revenue kept over the horizon: " + money(p.revenue_kept, plan.meta.currency) + "\n";
    print(out);
}

void print_simulation(const Plan& plan, const Projection& p, const SimulationResult& r) {
    std::string out;
    out += "Monte Carlo: " + std::to_string(r.customers) + " customers per group, seed " +
           std::to_string(r.seed) + ", scenario " + p.scenario + "\n";
    if (r.groups.empty()) out += "The plan has no customers group to simulate.\n";
    for (const SimulatedGroup& g : r.groups) {
        if (g.stakeholder < 0 || static_cast<std::size_t>(g.stakeholder) >= plan.stakeholders.size()) continue;
        out += "\n" + stakeholder_name(plan, g.stakeholder) + "\n";
        out += pad("Month", 6) + pad("Retained", 10) + pad("+-SE", 8) + pad("Chain", 8) + pad("p05", 7) +
               pad("p50", 7) + pad("p95", 7) + "\n";
        for (std::size_t m = 0; m < g.months.size(); ++m) {
            const SimulatedMonth& s = g.months[m];
            std::string chain = m < p.months.size() && static_cast<std::size_t>(g.stakeholder) < p.months[m].stakeholders.size()
                                    ? pct(p.months[m].stakeholders[g.stakeholder].retained) : "-";
            char se[32];
            std::snprintf(se, sizeof se, "%.2f", s.retained_se * 100.0);
            auto trust = [&](double v) { return s.anyone_left() ? pct(v) : std::string("-"); };  // nobody left
            out += pad(std::to_string(m), 6) + pad(pct(s.retained), 10) + pad(se, 8) + pad(chain, 8) +
                   pad(trust(s.trust_p05), 7) + pad(trust(s.trust_p50), 7) + pad(trust(s.trust_p95), 7) + "\n";
        }
    }
    print(out);
}

std::string objective_text(double v, Objective o, const Plan& plan) {
    return o == Objective::trust ? pct(v) : money(v, plan.meta.currency);
}

void print_optimise(const Plan& plan, const OptimiseOptions& o, const OptimiseResult& r) {
    std::string out;
    out += "Budget: " + money(o.budget, plan.meta.currency) + ", objective: " +
           (o.objective == Objective::trust ? "Trust Index at the horizon" : "revenue kept minus cost") + "\n\n";
    out += "Chosen actions:\n";
    if (r.chosen.empty()) out += "  (none)\n";
    for (const std::string& id : r.chosen) {
        const Action* a = find_by_id(plan.actions, id);
        out += "  " + id + (a && !a->name.empty() ? "  " + a->name : "") + "\n";
    }
    out += "\nObjective: " + objective_text(r.objective, o.objective, plan) + " (no action: " +
           objective_text(r.baseline_objective, o.objective, plan) + ")\n";
    out += "Cost: " + money(r.cost, plan.meta.currency) + "\n";
    if (!r.proven)
        out += "Not proven best: the search stopped after " + std::to_string(r.max_nodes) +
               " nodes; no set within the budget does better than " + objective_text(r.upper_bound, o.objective, plan) + "\n";
    if (!r.frontier.empty()) {
        // Where a search stopped at its node limit, its best found is starred and its bound shown.
        bool all_proven = true;
        for (const FrontierPoint& f : r.frontier) all_proven = all_proven && f.proven;
        out += std::string("\nFrontier") + (all_proven ? ":\n" : " (* best found, not proven; no set beats 'At most'):\n") +
               pad("Budget", 18) + pad("Objective", 18) + (all_proven ? "" : pad("At most", 18)) + pad("Cost", 18) + "  Actions\n";
        for (const FrontierPoint& f : r.frontier) {
            std::string ids;
            for (const std::string& a : f.actions) ids += (ids.empty() ? "" : ", ") + a;
            out += pad(money(f.budget, ""), 18) + pad(objective_text(f.objective, o.objective, plan) + (f.proven ? "" : " *"), 18) +
                   (all_proven ? "" : pad(objective_text(f.upper_bound, o.objective, plan), 18)) + pad(money(f.cost, ""), 18) + "  " + (ids.empty() ? "-" : ids) + "\n";
        }
    }
    out += "\nBranch-and-bound nodes: " + std::to_string(r.nodes) + "\n";
    print(out);
}

void print_sensitivity(const std::vector<SensitivityItem>& items) {
    std::string out;
    out += "Each input -20% / +20%: Trust Index at the horizon (x100)\n\n";
    out += pad("Input", 50, false) + pad("Value", 12) + pad("-20%", 8) + pad("+20%", 8) + pad("Swing", 8) + "\n";
    for (const SensitivityItem& s : items) {
        std::string label = s.label.empty() ? s.input : s.label;
        char v[32];
        std::snprintf(v, sizeof v, "%g", s.value);
        out += pad(fit(label, 50), 50, false) + pad(v, 12) + pad(pct(s.trust_low), 8) + pad(pct(s.trust_high), 8) +
               pad(pct(std::fabs(s.trust_high - s.trust_low)), 8) + "\n";
    }
    print(out);
}

std::string stakeholder_name(const Plan& plan, const std::string& id) {
    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i)
        if (plan.stakeholders[i].id == id) return stakeholder_name(plan, i);
    return id;
}

void print_calibration(const Plan& plan, const std::string& scenario, const Calibration& c) {
    std::string out = "Calibration against the measured trust shares, scenario " + scenario + "\n\n";
    if (c.groups.empty()) {
        out += "No trust-share measurement of a group in months 0.." + std::to_string(plan.settings.horizon_months) +
               ": nothing to fit or test.\n";
        print(out);
        return;
    }
    out += pad("Stakeholder", 30, false) + pad("Base rate", 11) + pad("Fitted", 9) + pad("Surveys", 9) +
           pad("RMSE before", 13) + pad("after", 8) + "\n";
    std::string warnings;
    for (const CalibratedGroup& g : c.groups) {
        const std::string name = stakeholder_name(plan, g.stakeholder);
        out += pad(fit(name, 30), 30, false) + pad(pct(g.base_rate_before) + "%", 11) +
               pad(pct(g.base_rate_after) + "%", 9) + pad(std::to_string(g.observations), 9) +
               pad(pct(g.rmse_before), 13) + pad(pct(g.rmse_after), 8) + "\n";
        if (g.at_bound())
            warnings += "Warning: " + name + ": the fitted base rate sits at " + pct(g.base_rate_after) +
                        "%, the end of its range: the plan's evidence, not its base rate, disagrees with the "
                        "measurements.\n";
    }
    out += "(RMSE in points of trust, each survey weighted by its respondents)\n";
    if (!warnings.empty()) out += "\n" + warnings;
    out += "\nBacktest: each measurement beside the projection and its 95% band, before calibration\n";
    out += pad("Month", 6) + "  " + pad("Stakeholder", 30, false) + pad("Measured", 10) + pad("Projected", 11) +
           pad("Band", 15) + "  Inside\n";
    std::size_t inside = 0;
    for (const BacktestPoint& b : c.backtest) {
        inside += b.inside;
        out += pad(std::to_string(b.month), 6) + "  " + pad(fit(stakeholder_name(plan, b.stakeholder), 30), 30, false) +
               pad(pct(b.observed), 10) + pad(pct(b.projected), 11) + pad(pct(b.band_low) + " - " + pct(b.band_high), 15) +
               "  " + (b.inside ? "yes" : "no") + "\n";
    }
    if (c.coverage)
        out += "Coverage: " + std::to_string(inside) + " of " + std::to_string(c.backtest.size()) + " inside (" +
               pct(*c.coverage) + "%; a 95% band should hold about 95%)\n";
    print(out);
}

bool scenario_exists(const Plan& plan, const std::string& id) {
    for (const Scenario& s : plan.scenarios) {
        if (s.id == id) return true;
    }
    return false;
}

int run(const Args& args) {
    std::string error;
    std::optional<std::string> text = read_file(args.plan_path, error);
    if (!text) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    io::LoadResult loaded = io::load_plan(*text);
    if (!loaded.ok) {
        std::FILE* to = args.command == "validate" ? stdout : stderr;
        if (to == stderr) std::fprintf(stderr, "fiducia: %s is not a valid plan:\n", args.plan_path.c_str());
        for (const std::string& e : loaded.errors) std::fprintf(to, "%s\n", e.c_str());
        return 1;
    }
    const Plan& plan = loaded.plan;
    if (loaded.newer_version) {
        std::fprintf(stderr, "fiducia: note: %s is format version %d, newer than this program's %d; "
                             "its unknown fields are kept but not used\n",
                     args.plan_path.c_str(), plan.version, io::kFormatVersion);
    }
    if (args.command == "validate") {
        print("ok\n");
        return 0;
    }
    // Never rewrite a newer file with older rules.
    if ((args.command == "format" || (args.command == "calibrate" && args.out_path)) && loaded.newer_version) {
        std::fprintf(stderr, "fiducia: %s is format version %d; this program writes version %d, so it will "
                             "not rewrite it (use the Fiducia that made it)\n",
                     args.plan_path.c_str(), plan.version, io::kFormatVersion);
        return 1;
    }
    if (args.command == "format") {
        std::string canonical = io::save_plan(plan);
        if (!args.out_path) {
            print(canonical);
            return 0;
        }
        if (!write_file(*args.out_path, canonical, error)) {
            std::fprintf(stderr, "fiducia: %s\n", error.c_str());
            return 2;
        }
        return 0;
    }
    if (args.scenario && !scenario_exists(plan, *args.scenario)) {
        std::string ids;
        for (const Scenario& s : plan.scenarios) ids += (ids.empty() ? "" : ", ") + s.id;
        return usage_error("no scenario '" + *args.scenario + "' in the plan (scenarios: " +
                           (ids.empty() ? "none" : ids) + ")");
    }
    ProjectionOptions po;
    po.scenario = args.scenario;
    // --threads: shares of the same work on N threads, the same output for every N (cli_threads.hpp)
    int threads = cli::default_threads();
    if (args.threads) {
        std::uint64_t n = 0;
        if (!parse_uint(*args.threads, n) || n < 1 || n > 256)
            return usage_error("--threads must be an integer from 1 to 256 (got '" + *args.threads + "')");
        threads = static_cast<int>(n);
    }
    if (args.command == "project") {
        Projection p = project(plan, po);
        if (args.json) {
            print(io::summary_json(plan, p) + "\n");
        } else {
            print_projection(plan, p);
        }
        return 0;
    }
    if (args.command == "simulate") {
        SimulationOptions so;
        so.scenario = args.scenario;
        so.seed = plan.settings.seed;
        if (args.customers) {
            std::uint64_t n = 0;
            if (!parse_uint(*args.customers, n) || n < 1 || n > 100000000) {
                return usage_error("--customers must be an integer from 1 to 100000000 (got '" + *args.customers + "')");
            }
            so.customers = static_cast<std::int64_t>(n);
        }
        if (args.seed) {
            std::uint64_t s = 0;
            if (!parse_uint(*args.seed, s)) return usage_error("--seed must be a non-negative integer (got '" + *args.seed + "')");
            so.seed = s;
        }
        Projection p = project(plan, po);
        SimulationResult r = cli::simulate_threads(plan, so, threads);
        if (args.json) {
            print(io::summary_json(plan, p, &r) + "\n");
        } else {
            print_simulation(plan, p, r);
        }
        return 0;
    }
    if (args.command == "optimise") {
        OptimiseOptions oo;
        if (!args.budget) return usage_error("optimise needs --budget B");
        if (!parse_double(*args.budget, oo.budget) || oo.budget < 0) {
            return usage_error("--budget must be a number of at least 0 (got '" + *args.budget + "')");
        }
        if (args.objective) {
            if (*args.objective == "trust") {
                oo.objective = Objective::trust;
            } else if (*args.objective == "value") {
                oo.objective = Objective::value;
            } else {
                return usage_error("--objective must be trust or value (got '" + *args.objective + "')");
            }
        }
        if (args.max_nodes) {
            std::uint64_t n = 0;
            if (!parse_uint(*args.max_nodes, n) || n < 1 || n > 1000000000)
                return usage_error("--max-nodes must be an integer from 1 to 1000000000 (got '" + *args.max_nodes + "')");
            oo.max_nodes = static_cast<std::int64_t>(n);
        }
        OptimiseResult r = cli::optimise_threads(plan, oo, threads);
        if (args.json) {
            print(io::optimise_json(plan, oo, r) + "\n");
        } else {
            print_optimise(plan, oo, r);
        }
        return 0;
    }
    if (args.command == "sensitivity") {
        std::vector<SensitivityItem> items = cli::sensitivity_threads(plan, po, threads);
        if (args.json) {
            print(io::sensitivity_json(plan, args.scenario.value_or("plan"), items) + "\n");
        } else {
            print_sensitivity(items);
        }
        return 0;
    }
    if (args.command == "calibrate") {
        const Calibration c = calibrate(plan, args.scenario);
        if (args.json) {
            print(io::calibrate_json(c) + "\n");
        } else {
            print_calibration(plan, args.scenario.value_or("plan"), c);
        }
        if (args.out_path) {
            Plan fitted = plan;
            apply_calibration(fitted, c);
            if (!write_file(*args.out_path, io::save_plan(fitted), error)) {
                std::fprintf(stderr, "fiducia: %s\n", error.c_str());
                return 2;
            }
        }
        return 0;
    }
    return usage_error("unknown command '" + args.command + "'");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage_error("a command is needed");
    std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print(kUsage);
        return 0;
    }
    if (first == "--version") {
        print(std::string("fiducia ") + FIDUCIA_VERSION + " (plan format " +
              std::to_string(fiducia::io::kFormatVersion) + ")\n");
        return 0;
    }
    if (first.size() > 1 && first[0] == '-') return usage_error("unknown option '" + first + "'");
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
            print(kUsage);
            return 0;
        }
    }
    if (first == "report") return fiducia::cli::report_main(argc, argv);
    if (first == "diff" || first == "merge") return fiducia::cli::run_compare_command(argc, argv);
    if (first == "drivers" || first == "survey") return fiducia::cli::run_survey_command(argc, argv);
    Args args;
    if (std::optional<int> code = parse_args(argc, argv, args)) return *code;
    int code = run(args);
    std::fflush(stdout);
    return code;
}
