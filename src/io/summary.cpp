// Machine-readable output (FORMAT.md "Machine-readable output"): the same text from the CLI and
// the browser. Numbers go through nlohmann's own formatting, which is the same natively and in
// WebAssembly; no printf.
#include <algorithm>

#include "io/json_util.hpp"
#include "io/plan_file.hpp"

namespace fiducia::io {

namespace {

const SimulatedGroup* group_of(const SimulationResult* simulation, std::size_t stakeholder) {
    if (!simulation) return nullptr;
    for (const SimulatedGroup& g : simulation->groups) {
        if (g.stakeholder == static_cast<int>(stakeholder)) return &g;
    }
    return nullptr;
}

Json stakeholder_month_json(const StakeholderMonth& s, const SimulatedGroup* group,
                            std::size_t month) {
    Json j = Json::object();
    j["trust"] = s.trust;
    j["band"] = Json::array({s.band_low, s.band_high});
    const SimulatedMonth* sim =
        group && month < group->months.size() ? &group->months[month] : nullptr;
    j["retained"] = sim ? sim->retained : s.retained;
    if (sim) {
        j["retained_se"] = sim->retained_se;
        const bool anyone = sim->anyone_left();  // null: nobody is left to have a trust
        j["trust_p05"] = anyone ? Json(sim->trust_p05) : Json(nullptr);
        j["trust_p50"] = anyone ? Json(sim->trust_p50) : Json(nullptr);
        j["trust_p95"] = anyone ? Json(sim->trust_p95) : Json(nullptr);
    }
    Json dims = Json::object();
    for (int d = 0; d < kDimensions; ++d) {
        Json dj = Json::object();
        dj["trust"] = s.dimensions[d].trust;
        dj["uncertainty"] = s.dimensions[d].uncertainty;
        dims[kDimensionIds[d]] = std::move(dj);
    }
    j["dimensions"] = std::move(dims);
    return j;
}

}  // namespace

std::string summary_json(const Plan& plan, const Projection& projection,
                         const SimulationResult* simulation) {
    Json j = Json::object();
    j["plan"] = plan.meta.title;
    j["scenario"] = projection.scenario;
    j["horizon_months"] = projection.horizon_months;
    Json months = Json::array();
    for (std::size_t m = 0; m < projection.months.size(); ++m) {
        const MonthResult& mr = projection.months[m];
        Json mj = Json::object();
        mj["month"] = mr.month;
        mj["trust_index"] = mr.trust_index;
        Json sj = Json::object();
        std::size_t n = std::min(mr.stakeholders.size(), plan.stakeholders.size());
        for (std::size_t i = 0; i < n; ++i) {
            sj[plan.stakeholders[i].id] =
                stakeholder_month_json(mr.stakeholders[i], group_of(simulation, i), m);
        }
        mj["stakeholders"] = std::move(sj);
        months.push_back(std::move(mj));
    }
    j["months"] = std::move(months);

    Json explanation = Json::object();
    explanation["month"] = projection.horizon_months;
    Json ej = Json::object();
    if (!projection.explanation.empty()) {
        std::size_t at = std::min(static_cast<std::size_t>(std::max(projection.horizon_months, 0)),
                                  projection.explanation.size() - 1);
        const auto& per_group = projection.explanation[at];
        std::size_t n = std::min(per_group.size(), plan.stakeholders.size());
        for (std::size_t i = 0; i < n; ++i) {
            Json list = Json::array();
            for (const Contribution& c : per_group[i]) {
                Json cj = Json::object();
                cj["source"] = source_key(c.kind, c.id);
                cj["contribution"] = c.value;
                list.push_back(std::move(cj));
            }
            ej[plan.stakeholders[i].id] = std::move(list);
        }
    }
    explanation["stakeholders"] = std::move(ej);
    j["explanation"] = std::move(explanation);
    Json costs = Json::object();
    costs["total"] = projection.total_cost;
    j["costs"] = std::move(costs);
    j["revenue_kept"] = projection.revenue_kept;
    return dump_pretty(j);
}

std::string optimise_json(const Plan& plan, const OptimiseOptions& options,
                          const OptimiseResult& result) {
    (void)plan;
    Json j = Json::object();
    j["objective"] = options.objective == Objective::trust ? "trust" : "value";
    j["budget"] = options.budget;
    j["chosen"] = result.chosen;
    j["value"] = result.objective;
    j["cost"] = result.cost;
    j["baseline"] = result.baseline_objective;
    j["proven"] = result.proven;
    j["upper_bound"] = result.upper_bound;
    Json frontier = Json::array();
    for (const FrontierPoint& p : result.frontier) {
        Json pj = Json::object();
        pj["budget"] = p.budget;
        pj["objective"] = p.objective;
        pj["cost"] = p.cost;
        pj["actions"] = p.actions;
        pj["proven"] = p.proven;
        pj["upper_bound"] = p.upper_bound;
        frontier.push_back(std::move(pj));
    }
    j["frontier"] = std::move(frontier);
    j["nodes"] = result.nodes;
    j["max_nodes"] = result.max_nodes;
    return dump_pretty(j);
}

std::string sensitivity_json(const Plan& plan, const std::string& scenario,
                             const std::vector<SensitivityItem>& items) {
    Json j = Json::object();
    j["plan"] = plan.meta.title;
    j["scenario"] = scenario;
    Json list = Json::array();
    for (const SensitivityItem& s : items) {
        Json sj = Json::object();
        sj["input"] = s.input;
        sj["label"] = s.label;
        sj["value"] = s.value;
        sj["trust_low"] = s.trust_low;
        sj["trust_high"] = s.trust_high;
        list.push_back(std::move(sj));
    }
    j["items"] = std::move(list);
    return dump_pretty(j);
}

std::string calibrate_json(const Calibration& calibration) {
    Json groups = Json::array();
    for (const CalibratedGroup& g : calibration.groups) {
        Json gj = Json::object();
        gj["id"] = g.stakeholder;
        gj["base_rate_before"] = g.base_rate_before;
        gj["base_rate_after"] = g.base_rate_after;
        gj["observations"] = g.observations;
        gj["rmse_before"] = g.rmse_before;
        gj["rmse_after"] = g.rmse_after;
        groups.push_back(std::move(gj));
    }
    Json backtest = Json::array();
    for (const BacktestPoint& b : calibration.backtest) {
        Json bj = Json::object();
        bj["stakeholder"] = b.stakeholder;
        bj["month"] = b.month;
        bj["observed"] = b.observed;
        bj["projected"] = b.projected;
        bj["band"] = Json::array({b.band_low, b.band_high});
        bj["inside"] = b.inside;
        backtest.push_back(std::move(bj));
    }
    Json j = Json::object();
    j["stakeholders"] = std::move(groups);
    j["backtest"] = std::move(backtest);
    j["coverage"] = calibration.coverage ? Json(*calibration.coverage) : Json(nullptr);
    return dump_pretty(j);
}

}  // namespace fiducia::io
