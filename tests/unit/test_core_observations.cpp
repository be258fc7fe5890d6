// Measurements as evidence (docs/MODEL.md "Measurements", settings.observation_weight): a
// surveyed trust share is Beta evidence credited to "observation:I", off (weight 0) by default.
#include <doctest/doctest.h>

#include <cmath>

#include "core/evaluate.hpp"
#include "core/model.hpp"
#include "core/params.hpp"
#include "io/plan_file.hpp"
#include "test_core_fixtures.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using test::survey;

namespace {

// One customer group with a touchpoint and a commitment, surveyed twice, plus an NPS figure.
Plan surveyed_plan() {
    Plan plan;
    plan.stakeholders = {test::make_group("customers", StakeholderKind::customers, 0.4)};
    plan.touchpoints = {test::make_touchpoint("support", "customers", 2, 0.2, Stage::service)};
    plan.commitments = {test::make_commitment("refund", "customers", 0.5, 0.8)};
    plan.observations = {survey("customers", 3, 0.8, 50), survey("customers", 0, 0.3)};
    Observation nps;
    nps.stakeholder = "customers";
    nps.month = 5;
    nps.metric = Metric::nps;
    nps.value = 40;
    plan.observations.push_back(nps);
    return plan;
}

}  // namespace

TEST_CASE("measurements as evidence: each dimension moves to the precision-weighted mean of model and survey") {
    Plan plan = surveyed_plan();
    const Projection before = project(plan);
    plan.settings.observation_weight = 0.1;
    const Projection after = project(plan);
    const core::Compiled cp = core::compile(plan);
    // Month 0: the survey of 1 respondent (k = 0.1) after the warm start.
    const double k0 = 0.1, p0 = 0.3;
    for (int d = 0; d < kDimensions; ++d) {
        const DimensionResult& was = before.months[0].stakeholders[0].dimensions[d];
        const double n = cp.W / was.uncertainty;  // n_d = W / u_d
        CHECK(after.months[0].stakeholders[0].dimensions[d].trust == doctest::Approx((n * was.trust + k0 * p0) / (n + k0)).epsilon(1e-12));
    }
    // Later months carry month 0's survey, decayed; month 3's survey of 50 (k = 5) pulls toward 0.8.
    CHECK(after.months[3].stakeholders[0].trust > before.months[3].stakeholders[0].trust + 0.05);
    CHECK(after.months[2].stakeholders[0].trust < before.months[2].stakeholders[0].trust);  // only the 0.3 so far
}

TEST_CASE("measurements as evidence: weight 0 changes no figure, and neither do metrics other than trust share") {
    Plan plan = surveyed_plan();
    Plan unmeasured = plan;
    unmeasured.observations.clear();
    CHECK(io::summary_json(plan, project(plan)) == io::summary_json(plan, project(unmeasured)));
    plan.settings.observation_weight = 2;
    plan.observations = {plan.observations[2]};  // the NPS figure only
    unmeasured.settings.observation_weight = 2;
    CHECK(io::summary_json(plan, project(plan)) == io::summary_json(plan, project(unmeasured)));
}

TEST_CASE("measurements as evidence: credited to observation:I, and the contributions still add up to trust exactly") {
    Plan plan = surveyed_plan();
    plan.settings.observation_weight = 0.5;
    const Projection p = project(plan);
    for (std::size_t m = 0; m < p.months.size(); ++m) {
        double sum = 0;
        int measured = 0;
        for (const Contribution& c : p.explanation[m][0]) {
            sum += c.value;
            if (c.kind == ContributionKind::observation) {
                ++measured;
                CHECK((c.id == "0" || c.id == "1"));
                if (c.id == "0" && m < 3) CHECK(c.value == 0);  // nothing before its month
            }
        }
        CHECK(measured == 2);  // both trust-share surveys, never the NPS figure
        CHECK(sum == doctest::Approx(p.months[m].stakeholders[0].trust).epsilon(1e-12));
    }
    CHECK(source_key(ContributionKind::observation, "1") == "observation:1");
    CHECK(io::summary_json(plan, p).find("\"observation:0\"") != std::string::npos);
}

TEST_CASE("measurements as evidence: the optimiser's evaluation and Monte Carlo see them too") {
    Plan plan = surveyed_plan();
    plan.observations.push_back(survey("customers", 24, 0.9, 200));
    plan.settings.observation_weight = 1;
    const core::Compiled cp = core::compile(plan);
    const std::vector<core::ActState> states = core::action_states(plan, std::nullopt);
    const double lean = core::evaluate<double>(cp, states.data(), false).trust_index;
    CHECK(lean == doctest::Approx(project(plan).months.back().trust_index).epsilon(1e-12));

    SimulationOptions options;
    options.customers = 2000;
    Plan unmeasured = plan;
    unmeasured.settings.observation_weight = 0;
    const SimulationResult with = simulate(plan, options), without = simulate(unmeasured, options);
    CORE_REQUIRE(!with.groups.empty());
    CHECK(with.groups[0].months.back().trust_p50 > without.groups[0].months.back().trust_p50 + 0.05);
    CHECK(with.groups[0].months.back().retained == without.groups[0].months.back().retained);  // trust, not leaving
}

TEST_CASE("measurements as evidence: a survey outside the horizon, of an unknown group, or with n = 0 adds nothing") {
    Plan plan = surveyed_plan();
    plan.observations = {survey("customers", 30, 0.9), survey("nobody", 1, 0.9), survey("customers", 2, 0.9, 0)};
    plan.settings.observation_weight = 1;
    Plan unmeasured = plan;
    unmeasured.settings.observation_weight = 0;
    const Projection a = project(plan), b = project(unmeasured);
    for (std::size_t m = 0; m < a.months.size(); ++m) CHECK(a.months[m].trust_index == b.months[m].trust_index);
}
