// Monte Carlo: agreement with the chain, slice-size independence, reproducibility.
#include <doctest/doctest.h>

#include <cmath>
#include <tuple>

#include "core/model.hpp"
#include "test_core_fixtures.hpp"

using namespace fiducia;
using namespace fiducia::test;

TEST_CASE("Monte Carlo retention is within 3 standard errors of the chain, every month") {
    for (const auto& sc : {std::optional<std::string>{}, std::optional<std::string>{"all"}}) {
        const Plan plan = example_plan();
        const Projection p = project(plan, {sc});
        SimulationOptions o;
        o.customers = 40000;
        o.seed = 11;
        o.scenario = sc;
        const SimulationResult r = simulate(plan, o);
        CORE_REQUIRE(r.groups.size() == 1);  // one customers group
        CHECK(r.groups[0].stakeholder == 0);
        CORE_REQUIRE(r.groups[0].months.size() == 25);
        int outside = 0;
        for (int m = 1; m <= 24; ++m) {
            const SimulatedMonth& sm = r.groups[0].months[m];
            const double chain = p.months[m].stakeholders[0].retained;
            CHECK(sm.retained_se > 0);
            if (std::fabs(sm.retained - chain) > 3 * sm.retained_se) ++outside;
            CHECK(std::fabs(sm.retained - chain) < 4.5 * sm.retained_se);
        }
        CHECK(outside <= 1);  // months are correlated; allow one 3-SE excursion, never 4.5
        // survivors are the customers with fewer bad experiences: their median trust is above
        // the typical member's
        const SimulatedMonth& last = r.groups[0].months[24];
        CHECK(last.trust_p50 > p.months[24].stakeholders[0].trust);
        CHECK(last.trust_p05 < last.trust_p50);
        CHECK(last.trust_p50 < last.trust_p95);
        double h = 0;
        for (double x : r.groups[0].histogram) h += x;
        CHECK(h == doctest::Approx(1.0).epsilon(1e-12));
        CHECK(r.groups[0].months[0].trust_p50 == doctest::Approx(p.months[0].stakeholders[0].trust).epsilon(1e-12));
    }
}

TEST_CASE("Monte Carlo trust percentiles surround the typical member when nobody leaves") {
    Plan plan = example_plan();
    plan.settings.abandonment.kappa = 1e9;  // S(k) = 1: nobody leaves
    const Projection p = project(plan);
    SimulationOptions o;
    o.customers = 20000;
    const SimulationResult r = simulate(plan, o);
    for (int m = 1; m <= 24; ++m) {
        const SimulatedMonth& sm = r.groups[0].months[m];
        const double det = p.months[m].stakeholders[0].trust;
        CHECK(sm.retained == 1.0);
        CHECK(sm.trust_p05 < det);
        CHECK(sm.trust_p95 > det);
        CHECK(std::fabs(sm.trust_p50 - det) < 0.03);
    }
}

TEST_CASE("Monte Carlo with forgetting 1 matches the closed-form chain too") {
    Plan plan;
    plan.settings.horizon_months = 12;
    plan.settings.forgetting = 1.0;
    plan.stakeholders = {make_group("c", StakeholderKind::customers)};
    plan.touchpoints = {make_touchpoint("a", "c", 2, 0.05), make_touchpoint("b", "c", 25, 0.01)};
    plan.commitments = {make_commitment("k", "c", 1, 0.9)};
    const Projection p = project(plan);
    SimulationOptions o;
    o.customers = 30000;
    const SimulationResult r = simulate(plan, o);
    for (int m = 1; m <= 12; ++m) {
        const SimulatedMonth& sm = r.groups[0].months[m];
        CHECK(std::fabs(sm.retained - p.months[m].stakeholders[0].retained) < 4 * sm.retained_se);
    }
}

TEST_CASE("Monte Carlo results do not depend on slice sizes and repeat with the same seed") {
    Plan plan = example_plan();
    plan.stakeholders.push_back(make_group("shoppers", StakeholderKind::customers, 0.4));
    plan.touchpoints.push_back(make_touchpoint("shop", "shoppers", 2, 0.1, Stage::service));
    SimulationOptions o;
    o.customers = 3001;
    o.seed = 5;
    o.histogram_bins = 17;
    const SimulationResult whole = simulate(plan, o);
    Simulation sim(plan, o);
    int steps = 0;
    CHECK(sim.progress() == 0.0);
    while (!sim.done()) {
        sim.step(1 + (steps * 37) % 500);  // ragged slices, crossing group boundaries
        ++steps;
    }
    CHECK(sim.progress() == 1.0);
    CHECK(steps > 5);
    const SimulationResult sliced = sim.result();
    CORE_REQUIRE(whole.groups.size() == 2);
    CORE_REQUIRE(sliced.groups.size() == 2);
    for (std::size_t g = 0; g < 2; ++g) {
        for (std::size_t m = 0; m < whole.groups[g].months.size(); ++m) {
            CHECK(whole.groups[g].months[m].retained == sliced.groups[g].months[m].retained);
            CHECK(whole.groups[g].months[m].trust_p50 == sliced.groups[g].months[m].trust_p50);
            CHECK(whole.groups[g].months[m].trust_p05 == sliced.groups[g].months[m].trust_p05);
        }
        CHECK(whole.groups[g].histogram == sliced.groups[g].histogram);
        CHECK(whole.groups[g].histogram.size() == 17);
    }
    const SimulationResult again = simulate(plan, o);
    CHECK(again.groups[1].months[24].retained == whole.groups[1].months[24].retained);
    o.seed = 6;
    const SimulationResult other = simulate(plan, o);
    bool differs = false;
    for (std::size_t m = 1; m < other.groups[0].months.size(); ++m)
        differs = differs || other.groups[0].months[m].retained != whole.groups[0].months[m].retained;
    CHECK(differs);
}

TEST_CASE("Monte Carlo split into shares and added up gives the whole run's bits, for any number of shares") {
    Plan plan = example_plan();
    plan.stakeholders.push_back(make_group("shoppers", StakeholderKind::customers, 0.4));
    plan.touchpoints.push_back(make_touchpoint("shop", "shoppers", 2, 0.1, Stage::service));
    SimulationOptions o;
    o.customers = 2999;  // not a multiple of the shares, nor of the 64-customer blocks
    o.seed = 11;
    const SimulationResult whole = simulate(plan, o);
    const std::vector<std::int64_t> whole_counts = [&] {
        Simulation s(plan, o);
        while (!s.done()) s.step(1 << 20);
        return s.counts();
    }();
    for (int shares : {1, 2, 3, 7}) {
        SimulationOptions none = o;
        none.first = none.last = 0;  // the collector simulates nobody itself
        Simulation total(plan, none);
        CHECK(total.done());
        for (int k = 0; k < shares; ++k) {
            SimulationOptions part = o;
            std::tie(part.first, part.last) = customer_share(o.customers, k, shares);
            Simulation s(plan, part);
            while (!s.done()) s.step(500);
            CHECK(s.progress() == 1.0);
            CHECK(total.add(s.counts()));
        }
        CAPTURE(shares);
        CHECK(total.counts() == whole_counts);
        const SimulationResult r = total.result();
        CORE_REQUIRE(r.groups.size() == whole.groups.size());
        for (std::size_t g = 0; g < r.groups.size(); ++g) {
            for (std::size_t m = 0; m < r.groups[g].months.size(); ++m) {
                CHECK(r.groups[g].months[m].retained == whole.groups[g].months[m].retained);
                CHECK(r.groups[g].months[m].trust_p95 == whole.groups[g].months[m].trust_p95);
            }
            CHECK(r.groups[g].histogram == whole.groups[g].histogram);
        }
    }
    SimulationOptions shorter = o;  // counts of another shape are refused, not added
    plan.settings.horizon_months = 12;
    Simulation other(plan, shorter);
    CHECK_FALSE(other.add(whole_counts));
}

TEST_CASE("Monte Carlo handles no customers groups, zero customers and zero horizon") {
    Plan plan;
    plan.stakeholders = {make_group("s", StakeholderKind::employees)};
    CHECK(simulate(plan, {}).groups.empty());
    Plan p2 = example_plan();
    SimulationOptions o;
    o.customers = 0;
    const SimulationResult r = simulate(p2, o);
    CHECK(r.groups.size() == 1);
    CHECK(r.groups[0].months[24].retained == 1.0);
    p2.settings.horizon_months = 0;
    o.customers = 10;
    const SimulationResult z = simulate(p2, o);
    CHECK(z.groups[0].months.size() == 1);
}
