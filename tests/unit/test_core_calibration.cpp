// Calibration and backtest (docs/MODEL.md "Calibration and backtest"): the fitted base rate is the
// minimum of the weighted squared error, found in closed form where trust is affine in the base
// rate and by search where a clamp bends it; the backtest sets each survey beside the band.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model.hpp"
#include "io/plan_file.hpp"
#include "test_core_fixtures.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using test::survey;

namespace {

Plan two_groups() {
    Plan plan;
    plan.stakeholders = {test::make_group("customers", StakeholderKind::customers, 0.4),
                         test::make_group("staff", StakeholderKind::employees, 0.6)};
    plan.touchpoints = {test::make_touchpoint("support", "customers", 0.3, 0.2, Stage::service),
                        test::make_touchpoint("desk", "staff", 0.2, 0.1)};
    plan.observations = {survey("customers", 0, 0.45, 100), survey("customers", 6, 0.52, 300), survey("customers", 12, 0.5),
                         survey("staff", 3, 0.4, 40)};
    return plan;
}

// L(b) for group g, straight from the projection.
double loss(const Plan& plan, std::size_t g, double b, const std::optional<std::string>& scenario = std::nullopt) {
    Plan trial = plan;
    trial.stakeholders[g].base_rate = b;
    const Projection p = project(trial, {scenario});
    double l = 0;
    for (const Observation& o : plan.observations) {
        if (o.stakeholder != plan.stakeholders[g].id || o.metric != Metric::trust_share) continue;
        const double e = p.months[static_cast<std::size_t>(o.month)].stakeholders[g].trust - o.value;
        l += o.n.value_or(1.0) * e * e;
    }
    return l;
}

// The minimum by brute force: a fine grid, then ternary search around the best point.
double brute_minimum(const Plan& plan, std::size_t g, const std::optional<std::string>& scenario = std::nullopt) {
    double best = 0.01, best_l = INFINITY;
    for (int k = 0; k <= 980; ++k) {
        const double b = 0.01 + k * 0.001, l = loss(plan, g, b, scenario);
        if (l < best_l) best_l = l, best = b;
    }
    double a = std::max(0.01, best - 0.001), c = std::min(0.99, best + 0.001);
    for (int i = 0; i < 60; ++i) {
        const double x1 = a + (c - a) / 3, x2 = c - (c - a) / 3;
        if (loss(plan, g, x1, scenario) <= loss(plan, g, x2, scenario)) c = x2;
        else a = x1;
    }
    return (a + c) / 2;
}

const CalibratedGroup* group_of(const Calibration& c, const std::string& id) {
    for (const CalibratedGroup& g : c.groups)
        if (g.stakeholder == id) return &g;
    return nullptr;
}

}  // namespace

TEST_CASE("calibration: the closed form equals the numerical minimum, for every group at once") {
    const Plan plan = two_groups();
    const Calibration c = calibrate(plan);
    CORE_REQUIRE(c.groups.size() == 2);
    for (std::size_t g = 0; g < 2; ++g) {
        const CalibratedGroup& fit = c.groups[g];
        CAPTURE(fit.stakeholder);
        CHECK(fit.base_rate_before == plan.stakeholders[g].base_rate);
        CHECK(fit.base_rate_after == doctest::Approx(brute_minimum(plan, g)).epsilon(1e-6));
        CHECK(fit.rmse_after < fit.rmse_before);
        const double weights = g == 0 ? 401 : 40;
        CHECK(fit.rmse_before == doctest::Approx(std::sqrt(loss(plan, g, plan.stakeholders[g].base_rate) / weights)).epsilon(1e-12));
        CHECK(fit.rmse_after == doctest::Approx(std::sqrt(loss(plan, g, fit.base_rate_after) / weights)).epsilon(1e-12));
        CHECK_FALSE(fit.at_bound());
    }
    CHECK(c.groups[0].observations == 3);
    CHECK(c.groups[1].observations == 1);
}

TEST_CASE("calibration: where the peer shift's clamp bends trust, the search still finds the minimum") {
    Plan plan = two_groups();
    plan.stakeholders[0].peer_rating = 5;  // a = clamp(b + 0.5, 0.01, 0.99): flat above b = 0.49
    plan.stakeholders[0].peer_exposure = 1;
    plan.observations = {survey("customers", 0, 0.75, 10), survey("customers", 6, 0.7, 10)};
    const Calibration c = calibrate(plan);
    CORE_REQUIRE(c.groups.size() == 1);
    const double brute = brute_minimum(plan, 0);
    CHECK(loss(plan, 0, c.groups[0].base_rate_after) <= loss(plan, 0, brute) + 1e-12);
    CHECK(c.groups[0].base_rate_after < 0.49);
}

TEST_CASE("calibration: a fit pinned at 1% or 99% is named, since the plan's evidence is what disagrees") {
    Plan plan = two_groups();
    plan.touchpoints[0].interactions_per_month = 20;  // lots of good experiences: trust stays high whatever b
    plan.touchpoints[0].bad_share = 0;
    plan.observations = {survey("customers", 0, 0.05, 500)};
    const Calibration c = calibrate(plan);
    CORE_REQUIRE(c.groups.size() == 1);
    CHECK(c.groups[0].base_rate_after == 0.01);
    CHECK(c.groups[0].at_bound());
}

TEST_CASE("backtest: each survey beside the projection's band, and the coverage is the share inside") {
    Plan plan = two_groups();
    plan.observations.push_back(survey("customers", 40, 0.5));  // beyond the horizon: not tested
    Observation nps = survey("customers", 2, 0.5);
    nps.metric = Metric::nps;
    plan.observations.push_back(nps);
    const Calibration c = calibrate(plan);
    const Projection p = project(plan);
    CORE_REQUIRE(c.backtest.size() == 4);
    int inside = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const BacktestPoint& b = c.backtest[i];
        const StakeholderMonth& sm = p.months[static_cast<std::size_t>(b.month)].stakeholders[b.stakeholder == "staff" ? 1 : 0];
        CHECK(b.observed == plan.observations[i].value);
        CHECK(b.projected == sm.trust);
        CHECK(b.band_low == sm.band_low);
        CHECK(b.band_high == sm.band_high);
        CHECK(b.inside == (sm.band_low <= b.observed && b.observed <= sm.band_high));
        inside += b.inside;
    }
    CORE_REQUIRE(c.coverage.has_value());
    CHECK(*c.coverage == inside / 4.0);
    plan.observations = {nps};
    CHECK_FALSE(calibrate(plan).coverage.has_value());
    CHECK(calibrate(plan).groups.empty());
}

TEST_CASE("calibration: applying changes only the base rates, and calibrating again changes nothing") {
    Plan plan = two_groups();
    const Calibration c = calibrate(plan);
    Plan applied = plan;
    apply_calibration(applied, c);
    Plan expected = plan;
    expected.stakeholders[0].base_rate = c.groups[0].base_rate_after;
    expected.stakeholders[1].base_rate = c.groups[1].base_rate_after;
    CHECK(io::save_plan(applied) == io::save_plan(expected));
    const Calibration again = calibrate(applied);
    for (std::size_t g = 0; g < 2; ++g) {
        CHECK(again.groups[g].base_rate_after == doctest::Approx(c.groups[g].base_rate_after).epsilon(1e-9));
        CHECK(again.groups[g].rmse_before == doctest::Approx(c.groups[g].rmse_after).epsilon(1e-12));
    }
}

TEST_CASE("calibration: it fits the scenario asked for") {
    Plan plan = two_groups();
    Action fix;
    fix.id = "fix";
    fix.name = "fix";
    fix.start_month = 1;
    fix.enabled = false;  // on only in the scenario
    fix.effects = {test::make_effect(EffectTarget::touchpoint, "support", "bad_share", EffectOp::scale, 0.1)};
    plan.actions = {fix};
    plan.scenarios = {Scenario{"fixed", "fixed", {"fix"}, ""}};
    const Calibration without = calibrate(plan), with = calibrate(plan, std::string("fixed"));
    CHECK(group_of(with, "customers")->base_rate_after == doctest::Approx(brute_minimum(plan, 0, std::string("fixed"))).epsilon(1e-6));
    CHECK(group_of(with, "customers")->base_rate_after < group_of(without, "customers")->base_rate_after);
}
