// The Monte Carlo for fiducia.simulate (web/workers.js), in shares (core/model.hpp: Simulation's
// counts() and add()): each Web Worker's instance of this same module runs one share of the
// customers (fiducia_share_*), and the page's instance adds the shares' counts into the whole run
// (fiducia_simulation_*), which prints exactly what `fiducia simulate PLAN --json` prints. Only the
// core runs in a worker: no window, no GL, no page.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten.h>
#include "io/json_library.hpp"

#include "app/web_app.hpp"
#include "app/web_simulate.hpp"
#include "core/model.hpp"
#include "io/plan_file.hpp"

namespace {

using namespace fiducia;

struct Run {
    Plan plan;
    SimulationOptions options;
    std::optional<Simulation> simulation;
    std::vector<std::int64_t> counts;
    std::string reply;
};

Run& share_run() {  // a worker's share (or the page's own, when no worker could start)
    static Run run;
    return run;
}
Run& whole_run() {  // the page's sum of every share
    static Run run;
    return run;
}
std::optional<fiducia::SimulationResult> g_kept;  // the Simulation panel's run, once every share is in
std::string g_failed;

// The plan and {"customers": N, "seed": "S" (decimal, optional: the plan's), "scenario": "ID"
// (optional), "first": F, "last": L}, checked as the CLI checks them; "" or what is wrong.
std::string begin(Run& run, std::string_view plan_text, std::string_view options_json) {
    run.simulation.reset();
    run.counts.clear();
    io::LoadResult loaded = io::load_plan(plan_text);
    if (!loaded.ok) return loaded.errors.empty() ? "the plan could not be read" : loaded.errors.front();
    run.plan = std::move(loaded.plan);
    const nlohmann::json o = nlohmann::json::parse(options_json, nullptr, false);
    if (!o.is_object()) return "the options are not a JSON object";
    SimulationOptions options;
    options.seed = run.plan.settings.seed;
    const auto customers = o.find("customers");
    if (customers != o.end()) {
        if (!customers->is_number_integer() || customers->get<std::int64_t>() < 1 || customers->get<std::int64_t>() > 100000000)
            return "customers must be an integer from 1 to 100000000 (got " + customers->dump() + ")";
        options.customers = customers->get<std::int64_t>();
    }
    const auto seed = o.find("seed");
    if (seed != o.end() && !seed->is_null()) {
        const std::string text = seed->is_string() ? seed->get<std::string>() : seed->dump();
        std::uint64_t value = 0;
        bool ok = !text.empty() && text.size() <= 20;
        for (char c : text) {
            const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
            ok = ok && c >= '0' && c <= '9' && value <= (UINT64_MAX - digit) / 10;
            if (ok) value = value * 10 + digit;
        }
        if (!ok) return "seed must be a non-negative integer (got " + seed->dump() + ")";
        options.seed = value;
    }
    const auto scenario = o.find("scenario");
    if (scenario != o.end() && !scenario->is_null()) {
        if (!scenario->is_string()) return "scenario must be a scenario's id";
        bool found = false;
        for (const Scenario& s : run.plan.scenarios) found = found || s.id == scenario->get<std::string>();
        if (!found) return "no scenario '" + scenario->get<std::string>() + "' in the plan";
        options.scenario = scenario->get<std::string>();
    }
    options.first = o.value("first", std::int64_t{0});
    options.last = o.value("last", std::int64_t{-1});
    run.options = options;
    run.simulation.emplace(run.plan, options);
    return "";
}

}  // namespace

extern "C" {

// A share: begin, then step until it answers 1 (progress in between), then its counts.
EMSCRIPTEN_KEEPALIVE const char* fiducia_share_begin(const char* plan_text, int length, const char* options_json) {
    Run& run = share_run();
    run.reply = begin(run, std::string_view(plan_text, static_cast<std::size_t>(length)), options_json);
    return run.reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double fiducia_share_step(int max_customers) {
    Run& run = share_run();
    if (!run.simulation) return 1;
    run.simulation->step(max_customers);
    return run.simulation->done() ? 1 : run.simulation->progress();
}

// The share's counts, int64 each: fiducia_share_counts_size() of them at the returned address.
EMSCRIPTEN_KEEPALIVE const std::int64_t* fiducia_share_counts(void) {
    Run& run = share_run();
    run.counts = run.simulation ? run.simulation->counts() : std::vector<std::int64_t>{};
    return run.counts.data();
}
EMSCRIPTEN_KEEPALIVE int fiducia_share_counts_size(void) { return static_cast<int>(share_run().counts.size()); }

// The whole run: the same plan and options with no customers of its own, to add the shares into.
EMSCRIPTEN_KEEPALIVE const char* fiducia_simulation_begin(const char* plan_text, int length, const char* options_json) {
    Run& run = whole_run();
    run.reply = begin(run, std::string_view(plan_text, static_cast<std::size_t>(length)), options_json);
    if (run.reply.empty()) {
        run.options.first = run.options.last = 0;
        run.simulation.emplace(run.plan, run.options);
    }
    return run.reply.c_str();
}

// Adds `size` counts at `counts`; 0 when they are another plan's or options' (they are not added).
EMSCRIPTEN_KEEPALIVE int fiducia_simulation_add(const std::int64_t* counts, int size) {
    Run& run = whole_run();
    if (!run.simulation) return 0;
    return run.simulation->add(std::vector<std::int64_t>(counts, counts + size)) ? 1 : 0;
}

// What `fiducia simulate PLAN --customers N --seed S [--scenario ID] --json` prints.
EMSCRIPTEN_KEEPALIVE const char* fiducia_simulation_result(void) {
    Run& run = whole_run();
    if (!run.simulation) return "";
    ProjectionOptions po;
    po.scenario = run.options.scenario;
    const Projection projection = project(run.plan, po);
    const SimulationResult result = run.simulation->result();
    run.reply = io::summary_json(run.plan, projection, &result) + "\n";
    run.simulation.reset();
    return run.reply.c_str();
}

// The Simulation panel's run (PlatformWeb::start_simulation) ends here rather than as text.
EMSCRIPTEN_KEEPALIVE void fiducia_simulation_keep(void) {
    Run& run = whole_run();
    if (!run.simulation) return;
    g_kept = run.simulation->result();
    run.simulation.reset();
    fiducia::app::wake();
}
EMSCRIPTEN_KEEPALIVE void fiducia_simulation_failed(const char* why) {
    g_failed = why && *why ? why : "the simulation failed";
    fiducia::app::wake();
}

}  // extern "C"

namespace fiducia::app {

std::string simulation_options_json(const SimulationOptions& options) {
    nlohmann::json o = {{"customers", options.customers}, {"seed", std::to_string(options.seed)}};
    if (options.scenario) o["scenario"] = *options.scenario;
    return o.dump();
}

bool take_simulation_end(std::optional<SimulationResult>& result, std::string& failed) {
    if (!g_kept && g_failed.empty()) return false;
    result = std::move(g_kept);
    failed = std::move(g_failed);
    g_kept.reset();
    g_failed.clear();
    return true;
}

void forget_simulation_end() {
    g_kept.reset();
    g_failed.clear();
}

}  // namespace fiducia::app
