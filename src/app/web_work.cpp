// The long analyses in shares, for Web Workers (web/workers.js): the Monte Carlo, the optimiser and
// sensitivity, for fiducia.simulate/optimise/sensitivity and the Simulation, Prioritise and
// Sensitivity panels. Each worker's instance of this same module runs one share (fiducia_share_*)
// and hands back its flat result: the Monte Carlo's counts (Simulation::counts), the optimiser's
// searches (Optimiser::searches), or sensitivity items as JSON. The page's instance gathers every
// share into the whole run (fiducia_whole_*), which prints exactly what `fiducia simulate|optimise|
// sensitivity PLAN --json` prints. Only the core runs in a worker: no window, no GL, no page.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten.h>
#include "io/json_library.hpp"

#include "app/web_app.hpp"
#include "app/web_work.hpp"
#include "core/model.hpp"
#include "io/plan_file.hpp"

namespace {

using namespace fiducia;
using Work = ui::Platform::Work;

// The work's name in the options ("work") and in the CLI; its number is Platform::Work's.
const char* const kWorkNames[] = {"simulate", "optimise", "sensitivity"};
// The options each work takes, as the CLI's (`share` and `shares` say which part a run is).
const std::vector<std::string> kWorkOptions[] = {{"customers", "seed", "scenario"}, {"budget", "objective", "max_nodes"}, {"scenario"}};

struct Run {
    Work work = Work::simulation;
    Plan plan;
    SimulationOptions simulation;
    OptimiseOptions optimise;
    ProjectionOptions projection;  // sensitivity's scenario
    int share = 0, shares = 1;
    std::optional<Simulation> simulating;
    std::optional<Optimiser> optimising;
    std::optional<Sensitivity> varying;
    std::vector<std::optional<std::vector<SensitivityItem>>> gathered;  // the whole run's sensitivity, by share
    std::string bytes;  // a share's flat result
    std::string reply;
};

Run& share_run() {  // a worker's share (or the page's own, when no worker could start)
    static Run run;
    return run;
}
Run& whole_run(Work work) {  // the page's sum of every share, one per work: they may run at once
    static Run runs[3];
    return runs[static_cast<int>(work)];
}
struct End {
    ui::Platform::WorkPoll::Result result;  // a panel's run, once every share is in
    std::string failed;
};
std::optional<End> g_ends[3];

std::string no_scenario(const Plan& plan, const std::string& id) {
    std::string ids;
    for (const Scenario& s : plan.scenarios) ids += (ids.empty() ? "" : ", ") + s.id;
    return "no scenario '" + id + "' in the plan (scenarios: " + (ids.empty() ? "none" : ids) + ")";
}

// The options as the CLI checks them, in its words; "" when they are right.
std::string read_options(Run& run, const nlohmann::json& o) {
    const std::string name = kWorkNames[static_cast<int>(run.work)];
    const std::vector<std::string>& known = kWorkOptions[static_cast<int>(run.work)];
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& key = it.key();
        if (key != "work" && key != "share" && key != "shares" && std::find(known.begin(), known.end(), key) == known.end())
            return "unknown option '" + key + "' for '" + name + "'";
    }
    const auto scenario = o.find("scenario");
    std::optional<std::string> chosen;
    if (scenario != o.end() && !scenario->is_null()) {
        if (!scenario->is_string()) return "scenario must be a scenario's id";
        bool found = false;
        for (const Scenario& s : run.plan.scenarios) found = found || s.id == scenario->get<std::string>();
        if (!found) return no_scenario(run.plan, scenario->get<std::string>());
        chosen = scenario->get<std::string>();
    }
    run.projection.scenario = chosen;
    SimulationOptions& so = run.simulation;
    so = {};
    so.seed = run.plan.settings.seed;
    so.scenario = chosen;
    const auto customers = o.find("customers");
    if (customers != o.end()) {
        if (!customers->is_number_integer() || customers->get<std::int64_t>() < 1 || customers->get<std::int64_t>() > 100000000)
            return "customers must be an integer from 1 to 100000000 (got " + customers->dump() + ")";
        so.customers = customers->get<std::int64_t>();
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
        so.seed = value;
    }
    run.optimise = {};
    if (run.work == Work::optimiser) {
        const auto budget = o.find("budget");
        if (budget == o.end() || budget->is_null()) return "optimise needs a budget";
        if (!budget->is_number() || !std::isfinite(budget->get<double>()) || budget->get<double>() < 0)
            return "budget must be a number of at least 0 (got " + budget->dump() + ")";
        run.optimise.budget = budget->get<double>();
        const std::string objective = o.value("objective", std::string("trust"));
        if (o.contains("objective") && (!o["objective"].is_string() || (objective != "trust" && objective != "value")))
            return "objective must be trust or value (got " + o["objective"].dump() + ")";
        run.optimise.objective = objective == "value" ? Objective::value : Objective::trust;
        const auto max_nodes = o.find("max_nodes");  // absent: the plan's default, as the CLI's --max-nodes
        if (max_nodes != o.end()) {
            if (!max_nodes->is_number_integer() || max_nodes->get<std::int64_t>() < 1 || max_nodes->get<std::int64_t>() > 1000000000)
                return "max_nodes must be an integer from 1 to 1000000000 (got " + max_nodes->dump() + ")";
            run.optimise.max_nodes = max_nodes->get<std::int64_t>();
        }
    }
    const auto shares = o.find("shares"), share = o.find("share");
    run.shares = shares != o.end() && shares->is_number_integer() ? shares->get<int>() : 1;
    run.share = share != o.end() && share->is_number_integer() ? share->get<int>() : 0;
    if (run.shares < 1 || run.shares > 1024 || run.share < 0 || run.share >= run.shares) return "share must be from 0 to shares - 1";
    return "";
}

// The plan and {"work": "simulate"|"optimise"|"sensitivity", that work's options, "share": k,
// "shares": n}; "" or what is wrong. A share starts its part; the whole run only gathers.
std::string begin(Run& run, std::string_view plan_text, std::string_view options_json, bool whole) {
    run.simulating.reset();
    run.optimising.reset();
    run.varying.reset();
    run.gathered.clear();
    run.bytes.clear();
    io::LoadResult loaded = io::load_plan(plan_text);
    if (!loaded.ok) return loaded.errors.empty() ? "the plan could not be read" : loaded.errors.front();
    run.plan = std::move(loaded.plan);
    const nlohmann::json o = nlohmann::json::parse(options_json, nullptr, false);
    if (!o.is_object()) return "the options are not a JSON object";
    const std::string work = o.value("work", std::string("simulate"));
    int index = 0;
    while (index < 3 && work != kWorkNames[index]) ++index;
    if (index == 3) return "no work '" + work + "'";
    run.work = static_cast<Work>(index);
    if (std::string error = read_options(run, o); !error.empty()) return error;
    switch (run.work) {
        case Work::simulation: {
            SimulationOptions part = run.simulation;
            if (whole) part.first = part.last = 0;  // it adds the shares' counts, simulating nobody itself
            else std::tie(part.first, part.last) = customer_share(part.customers, run.share, run.shares);
            run.simulating.emplace(run.plan, part);
            break;
        }
        case Work::optimiser: {
            OptimiseOptions part = run.optimise;
            if (!whole) part.share = run.share, part.shares = run.shares;
            run.optimising.emplace(run.plan, part);  // the whole run's own search is replaced by the shares'
            break;
        }
        case Work::sensitivity:
            if (whole) run.gathered.assign(static_cast<std::size_t>(run.shares), std::nullopt);
            else run.varying.emplace(run.plan, run.projection, run.share, run.shares);
            break;
    }
    return "";
}

bool done(const Run& run) {
    return run.simulating ? run.simulating->done() : run.optimising ? run.optimising->done() : !run.varying || run.varying->done();
}
double progress(const Run& run) {
    return run.simulating ? run.simulating->progress() : run.optimising ? run.optimising->progress() : run.varying ? run.varying->progress() : 1;
}

template <class T>
std::string bytes_of(const std::vector<T>& values) {
    std::string out(values.size() * sizeof(T), '\0');
    if (!values.empty()) std::memcpy(out.data(), values.data(), out.size());
    return out;
}
template <class T>
std::optional<std::vector<T>> values_of(const char* bytes, int size) {
    if (size < 0 || size % static_cast<int>(sizeof(T)) != 0) return std::nullopt;
    std::vector<T> values(static_cast<std::size_t>(size) / sizeof(T));
    if (size > 0) std::memcpy(values.data(), bytes, static_cast<std::size_t>(size));
    return values;
}

// A sensitivity share as it travels: {"share", "shares", "items": [{input, label, value, trust_low,
// trust_high}]}; its numbers print shortest and read back to the same bits.
std::string sensitivity_share_json(const Run& run) {
    nlohmann::json items = nlohmann::json::array();
    for (const SensitivityItem& s : run.varying->items())
        items.push_back({{"input", s.input}, {"label", s.label}, {"value", s.value}, {"trust_low", s.trust_low}, {"trust_high", s.trust_high}});
    return nlohmann::json{{"share", run.share}, {"shares", run.shares}, {"items", std::move(items)}}.dump();
}
bool gather_sensitivity(Run& run, std::string_view text) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("share") || !j["share"].is_number_integer() || j.value("shares", 0) != run.shares ||
        !j.contains("items") || !j["items"].is_array())
        return false;
    const int share = j["share"].get<int>();
    if (share < 0 || share >= run.shares || run.gathered[static_cast<std::size_t>(share)]) return false;
    std::vector<SensitivityItem> items;
    for (const nlohmann::json& i : j["items"]) {
        if (!i.is_object() || !i.value("input", nlohmann::json()).is_string() || !i.value("label", nlohmann::json()).is_string())
            return false;
        for (const char* number : {"value", "trust_low", "trust_high"})
            if (!i.value(number, nlohmann::json()).is_number()) return false;
        items.push_back({i["input"].get<std::string>(), i["label"].get<std::string>(), i["value"].get<double>(),
                         i["trust_low"].get<double>(), i["trust_high"].get<double>()});
    }
    run.gathered[static_cast<std::size_t>(share)] = std::move(items);
    return true;
}

std::vector<SensitivityItem> gathered_items(const Run& run) {
    std::vector<std::vector<SensitivityItem>> shares;
    for (const auto& share : run.gathered) shares.push_back(share.value_or(std::vector<SensitivityItem>{}));
    return sensitivity_gather(shares);
}

}  // namespace

extern "C" {

// A share: begin, then step until it answers 1 (progress in between), then its flat result.
EMSCRIPTEN_KEEPALIVE const char* fiducia_share_begin(const char* plan_text, int length, const char* options_json) {
    Run& run = share_run();
    run.reply = begin(run, std::string_view(plan_text, static_cast<std::size_t>(length)), options_json, false);
    return run.reply.c_str();
}

// Works for about `ms` milliseconds (a worker's message, a slice of the page's frame); 1 once done.
EMSCRIPTEN_KEEPALIVE double fiducia_share_step(double ms) {
    Run& run = share_run();
    const double until = emscripten_get_now() + ms;
    while (!done(run) && emscripten_get_now() < until) {
        if (run.simulating) run.simulating->step(256);
        if (run.optimising) run.optimising->step(8);
        if (run.varying) run.varying->step(1);
    }
    return done(run) ? 1 : progress(run);
}

// The finished share's flat result: fiducia_share_result_size() bytes at the returned address.
EMSCRIPTEN_KEEPALIVE const char* fiducia_share_result(void) {
    Run& run = share_run();
    run.bytes = run.simulating   ? bytes_of(run.simulating->counts())
                : run.optimising ? bytes_of(run.optimising->searches())
                : run.varying    ? sensitivity_share_json(run)
                                 : std::string();
    return run.bytes.data();
}
EMSCRIPTEN_KEEPALIVE int fiducia_share_result_size(void) { return static_cast<int>(share_run().bytes.size()); }

// The whole run of one work (Platform::Work's number): the same plan and options, to gather into.
EMSCRIPTEN_KEEPALIVE const char* fiducia_whole_begin(int work, const char* plan_text, int length, const char* options_json) {
    Run& run = whole_run(static_cast<Work>(work));
    run.reply = begin(run, std::string_view(plan_text, static_cast<std::size_t>(length)), options_json, true);
    if (run.reply.empty() && run.work != static_cast<Work>(work)) run.reply = "the options are another work's";
    return run.reply.c_str();
}

// Gathers a share's `size` bytes; 0 when they are another plan's or options' (nothing is taken).
EMSCRIPTEN_KEEPALIVE int fiducia_whole_add(int work, const char* bytes, int size) {
    Run& run = whole_run(static_cast<Work>(work));
    if (run.simulating) {
        const auto counts = values_of<std::int64_t>(bytes, size);
        return counts && run.simulating->add(*counts) ? 1 : 0;
    }
    if (run.optimising) {
        const auto searches = values_of<double>(bytes, size);
        return searches && run.optimising->adopt(*searches) ? 1 : 0;
    }
    if (!run.gathered.empty()) return gather_sensitivity(run, std::string_view(bytes, static_cast<std::size_t>(size))) ? 1 : 0;
    return 0;
}

// What `fiducia simulate|optimise|sensitivity PLAN ... --json` prints, once every share is in.
EMSCRIPTEN_KEEPALIVE const char* fiducia_whole_result(int work) {
    Run& run = whole_run(static_cast<Work>(work));
    run.reply.clear();
    if (run.simulating) {
        ProjectionOptions po;
        po.scenario = run.simulation.scenario;
        const SimulationResult result = run.simulating->result();
        run.reply = io::summary_json(run.plan, project(run.plan, po), &result) + "\n";
    } else if (run.optimising) {
        run.reply = io::optimise_json(run.plan, run.optimise, run.optimising->result()) + "\n";
    } else if (!run.gathered.empty()) {
        run.reply = io::sensitivity_json(run.plan, run.projection.scenario.value_or("plan"), gathered_items(run)) + "\n";
    }
    run.simulating.reset();
    run.optimising.reset();
    run.gathered.clear();
    return run.reply.c_str();
}

// A panel's run (PlatformWeb::start_*) ends here rather than as text.
EMSCRIPTEN_KEEPALIVE void fiducia_whole_keep(int work) {
    Run& run = whole_run(static_cast<Work>(work));
    End end;
    if (run.simulating) end.result = run.simulating->result();
    else if (run.optimising) end.result = run.optimising->result();
    else if (!run.gathered.empty()) end.result = gathered_items(run);
    else return;
    run.simulating.reset();
    run.optimising.reset();
    run.gathered.clear();
    g_ends[work] = std::move(end);
    fiducia::app::wake();
}
EMSCRIPTEN_KEEPALIVE void fiducia_whole_failed(int work, const char* why) {
    g_ends[work] = End{{}, why && *why ? why : "the work failed"};
    fiducia::app::wake();
}

}  // extern "C"

namespace fiducia::app {

std::string work_options_json(const SimulationOptions& options) {
    nlohmann::json o = {{"work", "simulate"}, {"customers", options.customers}, {"seed", std::to_string(options.seed)}};
    if (options.scenario) o["scenario"] = *options.scenario;
    return o.dump();
}

std::string work_options_json(const OptimiseOptions& options) {
    nlohmann::json o = {{"work", "optimise"}, {"budget", options.budget},
                        {"objective", options.objective == Objective::value ? "value" : "trust"}};
    if (options.max_nodes > 0) o["max_nodes"] = options.max_nodes;
    return o.dump();
}

std::string work_options_json(const ProjectionOptions& options) {
    nlohmann::json o = {{"work", "sensitivity"}};
    if (options.scenario) o["scenario"] = *options.scenario;
    return o.dump();
}

bool take_work_end(ui::Platform::Work work, ui::Platform::WorkPoll& poll) {
    std::optional<End>& end = g_ends[static_cast<int>(work)];
    if (!end) return false;
    poll.result = std::move(end->result);
    poll.failed = std::move(end->failed);
    end.reset();
    return true;
}

void forget_work_end(ui::Platform::Work work) { g_ends[static_cast<int>(work)].reset(); }

}  // namespace fiducia::app
