// The trust model's public API (MODEL.md): projection with exact explanation, the customers-lost
// chain, Monte Carlo, optimiser, sensitivity and workshop aggregation. Pure computation over a Plan.
// Inputs may be invalid (the UI edits freely): dangling references are skipped, never fatal.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/plan.hpp"

namespace fiducia {

// ---- Projection -------------------------------------------------------------------------------

// The scenario id of the baseline with no action at all (not a valid plan id, so never a plan's own).
inline constexpr const char* kNoActionsScenario = "~no-actions";

struct ProjectionOptions {
    std::optional<std::string> scenario;  // a scenario id; none = the plan's enabled actions
};

struct DimensionResult {
    double trust = 0;        // E_d, 0..1
    double uncertainty = 0;  // u_d = W / n
};

struct StakeholderMonth {
    double trust = 0;       // T_g, 0..1
    double band_low = 0;    // T_g - 1.96 sigma, clipped to [0,1]
    double band_high = 0;   // T_g + 1.96 sigma, clipped to [0,1]
    double retained = 1;    // share of month-0 customers still there (1 for other kinds)
    double size = 0;        // the group's size that month (after action effects)
    double revenue = 0;     // size * retained * revenue_per_month that month
    std::array<DimensionResult, kDimensions> dimensions{};
};

struct MonthResult {
    int month = 0;
    double trust_index = 0;
    std::vector<StakeholderMonth> stakeholders;  // same order as plan.stakeholders
};

// Where a part of a stakeholder's trust comes from: the base rate, the peers' shift of it, or a
// source of evidence (an entity of the plan, or the culture).
enum class ContributionKind : unsigned char { base_rate, peers, touchpoint, commitment, knowledge_source, culture, observation };

struct Contribution {
    ContributionKind kind = ContributionKind::base_rate;
    std::string id;      // the touchpoint's, commitment's or knowledge source's id, an observation's index; else empty
    double value = 0;    // adds up with the others to the stakeholder's trust, exactly
};

// "base_rate", "peers", "culture" or "touchpoint:ID", "commitment:ID", "knowledge_source:ID",
// "observation:I" (I = the index in plan.observations): the
// form the JSON summary and the CLI print. The only place it is made; nothing parses it back.
std::string source_key(ContributionKind kind, const std::string& id);

struct Projection {
    std::string scenario;  // "plan" or the scenario id
    int horizon_months = 0;
    std::vector<MonthResult> months;  // months 0..horizon
    // explanation[month][stakeholder]: base rate first, then peers, then every source with
    // evidence for that stakeholder, in plan order (the UI sorts for the waterfall).
    std::vector<std::vector<std::vector<Contribution>>> explanation;
    double total_cost = 0;    // sum over enabled actions of cost_once + cost_per_month * months
    double revenue_kept = 0;  // sum over months 1..horizon, over groups, of revenue
};

Projection project(const Plan& plan, const ProjectionOptions& options = {});

// Survival after k remembered bad experiences: S(k) = exp(-(k/kappa)^beta) (MODEL.md).
double survival(double k, double kappa, double beta);

// ---- Monte Carlo ------------------------------------------------------------------------------

struct SimulationOptions {
    std::int64_t customers = 10000;  // simulated customers per `customers` group
    std::uint64_t seed = 1;
    std::optional<std::string> scenario;
    int histogram_bins = 20;  // trust histogram at the horizon, bins over [0,1]
    // This run's share of every group's customers, [first, last) (last -1: to the end): several runs
    // (threads, Web Workers) each take one share and add() their counts into one result. Every
    // customer draws from its own stream, so any split gives the same counts, hence the same bits.
    std::int64_t first = 0, last = -1;
};

// [first, last) of `customers` for share k of n: the same split natively and in the page.
inline std::pair<std::int64_t, std::int64_t> customer_share(std::int64_t customers, int k, int n) {
    return {customers * k / n, customers * (k + 1) / n};
}

struct SimulatedMonth {
    double retained = 1;
    double retained_se = 0;
    double trust_p05 = 0, trust_p50 = 0, trust_p95 = 0;  // over customers still there
    // The percentiles mean something only while a customer is still there (else they are 0 and
    // shown as none: no trust, not zero trust).
    bool anyone_left() const { return retained > 0; }
};

struct SimulatedGroup {
    int stakeholder = -1;                 // index into plan.stakeholders
    std::vector<SimulatedMonth> months;   // 0..horizon
    std::vector<double> histogram;        // share of remaining customers per bin at the horizon
};

struct SimulationResult {
    std::int64_t customers = 0;
    std::uint64_t seed = 0;
    std::vector<SimulatedGroup> groups;  // one per `customers` stakeholder, plan order
};

// Runs in slices so a UI can show progress and cancel: results do not depend on slice sizes.
class Simulation {
public:
    Simulation(const Plan& plan, const SimulationOptions& options);
    ~Simulation();
    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;
    void step(std::int64_t max_customers);  // simulate up to this many more customers
    bool done() const;
    double progress() const;                 // 0..1
    SimulationResult result() const;         // valid once done(), and once every share is added
    // The integer counts behind the result (alive per month, trust histograms), flat, to move a
    // share's work between threads or workers; add() sums another share's counts into this one.
    std::vector<std::int64_t> counts() const;
    bool add(const std::vector<std::int64_t>& counts);  // false: another plan's or options' counts
private:
    struct State;
    State* state_;
};

SimulationResult simulate(const Plan& plan, const SimulationOptions& options);

// ---- Prioritisation ---------------------------------------------------------------------------

enum class Objective { trust, value };  // Trust Index at the horizon, or revenue kept minus cost

struct OptimiseOptions {
    double budget = 0;
    Objective objective = Objective::trust;
    int frontier_points = 12;  // budgets from 0 to the cost of all actions
    // Each search stops after this many nodes: the best set found so far, with the bound no set can
    // beat, is the answer (proven best when the search ended first). A count, not a time, so every
    // machine, thread count and browser stops at the same node with the same answer. 0: the plan's
    // default (default_max_nodes).
    std::int64_t max_nodes = 0;
    // The budget asked for and each frontier budget are searches of their own: share k of n runs
    // searches k, k + n, ... (threads); Optimiser::adopt gathers the shares into one result.
    int share = 0, shares = 1;
};

struct FrontierPoint {
    double budget = 0;
    double objective = 0;
    double cost = 0;
    std::vector<std::string> actions;
    bool proven = true;       // the search ended before max_nodes: no set within the budget does better
    double upper_bound = 0;   // no set within the budget does better than this (= objective when proven)
};

struct OptimiseResult {
    std::vector<std::string> chosen;  // action ids, plan order
    double objective = 0;
    double cost = 0;
    double baseline_objective = 0;  // no action at all
    std::vector<FrontierPoint> frontier;
    std::int64_t nodes = 0;         // branch-and-bound nodes explored
    bool proven = true;             // as FrontierPoint's, for the budget asked for
    double upper_bound = 0;
    std::int64_t max_nodes = 0;     // the limit each search had
};

// About a second of one core per search on any plan: a node's cost grows with the plan's size
// (entities × months), so the larger the plan the fewer nodes; 1,000 to 100,000.
std::int64_t default_max_nodes(const Plan& plan);

// Candidates are all of the plan's actions (the `enabled` flags are ignored); exact within max_nodes.
class Optimiser {
public:
    Optimiser(const Plan& plan, const OptimiseOptions& options);
    ~Optimiser();
    Optimiser(Optimiser&&) noexcept;
    Optimiser& operator=(Optimiser&&) noexcept;
    void step(std::int64_t max_nodes);
    bool done() const;
    double progress() const;
    OptimiseResult result() const;
    bool adopt(const Optimiser& share);  // a finished share's searches; false: another plan's
    // A finished share's searches, flat, to move between Web Workers: the plan's and options' marks,
    // then per search of the share its budget, best, cost, nodes and each action on (1) or off (0);
    // empty while unfinished. adopt() takes them; false (nothing taken): another plan's or options'.
    std::vector<double> searches() const;
    bool adopt(const std::vector<double>& searches);
private:
    struct State;
    State* state_;
};

OptimiseResult optimise(const Plan& plan, const OptimiseOptions& options);
// Objective of one given set of actions (for tests and the UI's "what if").
double objective_of(const Plan& plan, const std::vector<std::string>& action_ids, Objective objective);

// ---- Calibration and backtest (docs/MODEL.md "Calibration and backtest") ----------------------

struct CalibratedGroup {
    std::string stakeholder;       // id
    double base_rate_before = 0;   // the plan's base_rate field
    double base_rate_after = 0;    // the b in [0.01, 0.99] that fits the measured trust shares best
    int observations = 0;          // trust-share observations it rests on (months 0..horizon)
    double rmse_before = 0, rmse_after = 0;  // weighted by each observation's n (absent: 1)
    bool at_bound() const;         // the fit sits at 1% or 99%: the plan's evidence disagrees, not its base rate
};

struct BacktestPoint {
    std::size_t observation = 0;  // its index in plan.observations
    std::string stakeholder;
    int month = 0;
    double observed = 0, projected = 0;
    double band_low = 0, band_high = 0;  // the projection's 95% band, before calibration
    bool inside = false;
};

struct Calibration {
    std::vector<CalibratedGroup> groups;  // plan order, only groups with trust-share observations
    std::vector<BacktestPoint> backtest;  // plan.observations order
    std::optional<double> coverage;       // share of backtest points inside their band; none without points
};

// Fits each group's base rate to its measured trust shares under the plan as it stands (the
// scenario's actions; every other input unchanged), and backtests the projection against them.
Calibration calibrate(const Plan& plan, const std::optional<std::string>& scenario = std::nullopt);
// Each trust-share measurement beside this projection and its band (calibrate's backtest, no fit).
std::vector<BacktestPoint> backtest(const Plan& plan, const Projection& projection);
// The plan with only the fitted base rates changed.
void apply_calibration(Plan& plan, const Calibration& calibration);

// ---- Sensitivity ------------------------------------------------------------------------------

struct SensitivityItem {
    std::string input;   // JSON pointer of the input, e.g. "/touchpoints/2/bad_share"
    std::string label;   // readable, e.g. "Branch visit: bad share"
    double value = 0;    // the input's value
    double trust_low = 0;   // Trust Index at the horizon with the input at -20%
    double trust_high = 0;  // ... at +20%
};

// Every numeric input of the plan +-20% (shares clamped to [0,1]); largest swing first.
std::vector<SensitivityItem> sensitivity(const Plan& plan, const ProjectionOptions& options = {});
// Share k of n of the same work (inputs k, k + n, ..., in plan order, unsorted), for threads;
// sensitivity_gather puts every share's items back in plan order and sorts them as sensitivity does.
std::vector<SensitivityItem> sensitivity_share(const Plan& plan, const ProjectionOptions& options, int share, int shares);
std::vector<SensitivityItem> sensitivity_gather(const std::vector<std::vector<SensitivityItem>>& shares);

// Share k of n of the same work in slices, so a UI can show progress and cancel (and a Web Worker
// report it): items() ends as sensitivity_share's, whatever the slices.
class Sensitivity {
public:
    Sensitivity(const Plan& plan, const ProjectionOptions& options, int share = 0, int shares = 1);
    ~Sensitivity();
    Sensitivity(Sensitivity&&) noexcept;
    Sensitivity& operator=(Sensitivity&&) noexcept;
    void step(std::int64_t max_inputs);  // vary up to this many more inputs
    bool done() const;
    double progress() const;  // 0..1
    const std::vector<SensitivityItem>& items() const;  // so far, plan order, unsorted
private:
    struct State;
    std::unique_ptr<State> state_;
};

// ---- Measurements and workshops ---------------------------------------------------------------

struct WorkshopItem {
    std::string stakeholder;
    Dimension dimension = Dimension::transactions;
    int count = 0;
    double median = 0, q1 = 0, q3 = 0;
    double share_trusting = 0;  // share of scores 6..9
    double mean_q = 0;          // mean of (score - 1) / 8: a score read as a probability
    bool disagreement = false;
};

// How much a dimension matters to a group, from the participants' 1..5 judgements.
struct WorkshopImportance {
    std::string stakeholder;
    Dimension dimension = Dimension::transactions;
    int count = 0;
    double median = 0;
};

struct WorkshopSummary {
    std::vector<WorkshopItem> items;  // stakeholder x dimension with at least one rating
    std::vector<WorkshopImportance> importance;  // stakeholder x dimension with at least one judgement
    int participants = 0;
    std::vector<int> raters;  // per stakeholder (plan order): participants who scored any of its dimensions
    double kendall_w = 0;  // agreement across participants, 0..1
};

WorkshopSummary aggregate_workshop(const Plan& plan);

}  // namespace fiducia
