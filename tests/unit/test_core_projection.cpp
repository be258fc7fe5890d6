// Projection: explanation exactness, warm start, bands, asymmetry, commitments, culture, phase-in.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model.hpp"
#include "core/params.hpp"
#include "test_core_fixtures.hpp"

using namespace fiducia;
using namespace fiducia::test;

namespace {
double contribution_sum(const std::vector<Contribution>& cs) {
    double s = 0;
    for (const Contribution& c : cs) s += c.value;
    return s;
}

// One customers group with one touchpoint; everything else empty.
Plan single_plan() {
    Plan p;
    p.settings.horizon_months = 12;
    p.stakeholders = {make_group("c", StakeholderKind::customers, 0.5)};
    p.touchpoints = {make_touchpoint("t", "c", 2, 0.1)};
    return p;
}
}  // namespace

TEST_CASE("contributions add up to trust within 1e-9 in every month, every scenario") {
    const Plan plan = example_plan();
    for (const auto& sc : {std::optional<std::string>{}, std::optional<std::string>{"all"}}) {
        const Projection p = project(plan, {sc});
        CORE_REQUIRE(p.months.size() == 25);
        CORE_REQUIRE(p.explanation.size() == 25);
        for (int m = 0; m <= 24; ++m)
            for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
                const auto& ex = p.explanation[m][g];
                CORE_REQUIRE(ex.size() >= 3);
                CHECK(ex[0].kind == ContributionKind::base_rate);
                CHECK(ex[1].kind == ContributionKind::peers);
                CHECK(std::fabs(contribution_sum(ex) - p.months[m].stakeholders[g].trust) < 1e-9);
            }
    }
    // sources are named and in plan order
    const Projection p = project(plan);
    const auto& ex = p.explanation[24][0];
    CHECK(ex[2].kind == ContributionKind::touchpoint);
    CHECK(ex[2].id == "web");
    CHECK(ex[8].kind == ContributionKind::commitment);
    CHECK(ex[8].id == "ontime");
    CHECK(ex.back().kind == ContributionKind::culture);
    // peers: rating 4.1 read by 40% shifts 0.55 by 0.4 * 1.1 / 4 = 0.11; the action adds 0.3 stars
    // the printed form (JSON summary, CLI) is made from the kind and id in one place
    CHECK(source_key(ex[2].kind, ex[2].id) == "touchpoint:web");
    CHECK(source_key(ex[8].kind, ex[8].id) == "commitment:ontime");
    CHECK(source_key(ContributionKind::knowledge_source, "crm") == "knowledge_source:crm");
    CHECK(source_key(ContributionKind::base_rate, "") == "base_rate");
    CHECK(source_key(ContributionKind::peers, "") == "peers");
    CHECK(source_key(ex.back().kind, ex.back().id) == "culture");
    CHECK(p.explanation[0][0][1].value == doctest::Approx(0.11).epsilon(1e-12));
    CHECK(ex[1].value == doctest::Approx(0.14).epsilon(1e-12));
}

TEST_CASE("trust index is the importance-weighted mean; retained is 1 for non-customers") {
    const Plan plan = example_plan();
    const Projection p = project(plan);
    for (const MonthResult& m : p.months) {
        const double ti = (3 * m.stakeholders[0].trust + 1.5 * m.stakeholders[1].trust +
                           1 * m.stakeholders[2].trust) / 5.5;
        CHECK(m.trust_index == doctest::Approx(ti).epsilon(1e-12));
        CHECK(m.stakeholders[1].retained == 1.0);
        CHECK(m.stakeholders[0].band_low <= m.stakeholders[0].trust);
        CHECK(m.stakeholders[0].band_high >= m.stakeholders[0].trust);
    }
    CHECK(p.months[0].stakeholders[0].retained == 1.0);
    CHECK(p.months[24].stakeholders[0].retained < 0.99);
    CHECK(p.months[24].stakeholders[0].retained > 0.0);
}

TEST_CASE("warm start: with no actions the state stays at its steady state") {
    Plan plan = example_plan();
    plan.actions.clear();
    const Projection p = project(plan);
    for (int m = 1; m <= 24; ++m)
        for (std::size_t g = 0; g < 3; ++g)
            CHECK(std::fabs(p.months[m].stakeholders[g].trust - p.months[0].stakeholders[g].trust) < 1e-12);
    // and with forgetting 1 it starts empty: trust equals the (shifted) base rate in month 0
    plan.settings.forgetting = 1.0;
    const Projection q = project(plan);
    CHECK(q.months[0].stakeholders[1].trust == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(q.months[0].stakeholders[0].trust == doctest::Approx(0.66).epsilon(1e-12));
}

TEST_CASE("more evidence narrows the band") {
    Plan few = single_plan(), many = single_plan();
    many.touchpoints[0].interactions_per_month = 20;
    const auto a = project(few).months[12].stakeholders[0];
    const auto b = project(many).months[12].stakeholders[0];
    CHECK(b.band_high - b.band_low < a.band_high - a.band_low);
    CHECK(b.dimensions[0].uncertainty < a.dimensions[0].uncertainty);
}

TEST_CASE("with no new evidence trust relaxes toward the base rate") {
    Plan plan = single_plan();
    plan.settings.horizon_months = 60;
    plan.touchpoints[0].bad_share = 0.02;  // good experiences: trust well above the base rate
    Action stop;
    stop.id = "stop";
    stop.name = "stop";
    stop.start_month = 1;
    stop.effects = {make_effect(EffectTarget::touchpoint, "t", "interactions_per_month", EffectOp::set, 0)};
    plan.actions = {stop};
    const Projection p = project(plan);
    const double a = 0.5;
    double prev = std::fabs(p.months[0].stakeholders[0].trust - a);
    CHECK(prev > 0.05);
    for (int m = 1; m <= 60; ++m) {
        const double gap = std::fabs(p.months[m].stakeholders[0].trust - a);
        CHECK(gap < prev);
        prev = gap;
    }
    CHECK(prev < 0.01);
    // and the band widens as evidence fades
    CHECK(p.months[60].stakeholders[0].band_high - p.months[60].stakeholders[0].band_low >
          p.months[0].stakeholders[0].band_high - p.months[0].stakeholders[0].band_low);
}

TEST_CASE("one bad experience moves trust more than one good one (nu > 1)") {
    Plan base;
    base.settings.horizon_months = 1;
    base.settings.forgetting = 1.0;  // start empty: trust = base rate 0.5
    base.stakeholders = {make_group("c", StakeholderKind::partners, 0.5)};
    base.stakeholders[0].weights = {0, 1, 0, 0, 0};
    Plan good = base, bad = base;
    good.commitments = {make_commitment("k", "c", 1, 1.0, false)};
    bad.commitments = {make_commitment("k", "c", 1, 0.0, false)};
    const double t0 = project(base).months[1].stakeholders[0].trust;
    const double tg = project(good).months[1].stakeholders[0].trust;
    const double tb = project(bad).months[1].stakeholders[0].trust;
    CHECK(tg > t0);
    CHECK(tb < t0);
    CHECK(t0 - tb > tg - t0);
    // and symmetric when nu = 1
    good.settings.negative_weight = bad.settings.negative_weight = 1;
    const double tg1 = project(good).months[1].stakeholders[0].trust;
    const double tb1 = project(bad).months[1].stakeholders[0].trust;
    CHECK(std::fabs((t0 - tb1) - (tg1 - t0)) < 1e-12);
}

TEST_CASE("a broken public commitment costs more trust than a private one") {
    Plan plan;
    plan.settings.horizon_months = 6;
    plan.stakeholders = {make_group("c", StakeholderKind::customers, 0.5)};
    plan.commitments = {make_commitment("k", "c", 1, 0.7, true)};
    const auto pub = project(plan).months[6].stakeholders[0];
    plan.commitments[0].is_public = false;
    const auto priv = project(plan).months[6].stakeholders[0];
    CHECK(pub.dimensions[1].trust < priv.dimensions[1].trust);
    CHECK(pub.trust < priv.trust);
    // a kept-always commitment is the same public or not
    plan.commitments[0].kept_share = 1;
    const double kept_priv = project(plan).months[6].stakeholders[0].trust;
    plan.commitments[0].is_public = true;
    CHECK(project(plan).months[6].stakeholders[0].trust == kept_priv);
}

TEST_CASE("raising a knowledge source's consistency raises honesty") {
    Plan plan = example_plan();
    plan.actions.clear();
    const double before = project(plan).months[0].stakeholders[0].dimensions[2].trust;
    plan.knowledge_sources[0].consistency = 0.95;
    const auto after = project(plan).months[0].stakeholders[0];
    CHECK(after.dimensions[2].trust > before);
    // and more personalisation quality lifts advice and empathy
    Plan q = example_plan();
    q.actions.clear();
    const double adv0 = project(q).months[0].stakeholders[0].dimensions[3].trust;
    q.knowledge_sources[1].relevance = 1.0;
    CHECK(project(q).months[0].stakeholders[0].dimensions[3].trust > adv0);
}

TEST_CASE("empowerment lowers service failures: fewer bad arrivals, better retention and trust") {
    Plan low = example_plan(), high = example_plan();
    low.actions.clear();
    high.actions.clear();
    low.culture.empowerment = 0;
    high.culture.empowerment = 1;
    const Projection a = project(low), b = project(high);
    CHECK(b.months[24].stakeholders[0].retained > a.months[24].stakeholders[0].retained);
    CHECK(b.months[24].stakeholders[0].trust > a.months[24].stakeholders[0].trust);
    CHECK(b.revenue_kept > a.revenue_kept);
    // a plan with no service touchpoint does not care about empowerment (for customers)
    Plan ns_low = single_plan(), ns_high = single_plan();
    ns_high.culture.empowerment = 1;
    CHECK(project(ns_low).months[12].stakeholders[0].retained ==
          project(ns_high).months[12].stakeholders[0].retained);
    // employees get advice evidence from empowerment, credited to culture
    const auto& ex_a = a.explanation[24][1];
    const auto& ex_b = b.explanation[24][1];
    CHECK(ex_a.back().kind == ContributionKind::culture);
    CHECK(ex_b.back().value > ex_a.back().value);
}

TEST_CASE("phase-in: nothing before the start, 1/ramp in the first month, full after the ramp") {
    CHECK(core::phase_in(0, 1, 1) == 0.0);
    CHECK(core::phase_in(2, 3, 4) == 0.0);
    CHECK(core::phase_in(3, 3, 4) == 0.25);
    CHECK(core::phase_in(4, 3, 4) == 0.5);
    CHECK(core::phase_in(6, 3, 4) == 1.0);
    CHECK(core::phase_in(20, 3, 4) == 1.0);
    // through the compiled plan: delivery bad share 0.04 scaled by 0.5 from month 3 over 4 months
    const Plan plan = example_plan();
    const core::Compiled cp = core::compile(plan);
    const auto st = core::action_states(plan, std::nullopt);
    std::vector<double> v;
    const int f = cp.touchpoints[2].f_bad;
    core::month_values(cp, 0, st.data(), v);
    CHECK(v[f] == 0.04);
    core::month_values(cp, 2, st.data(), v);
    CHECK(v[f] == 0.04);
    core::month_values(cp, 3, st.data(), v);
    CHECK(v[f] == doctest::Approx(0.04 - 0.25 * 0.02).epsilon(1e-15));
    core::month_values(cp, 6, st.data(), v);
    CHECK(v[f] == doctest::Approx(0.02).epsilon(1e-15));
    core::month_values(cp, 24, st.data(), v);
    CHECK(v[f] == doctest::Approx(0.02).epsilon(1e-15));
    // clamps after each effect: empowerment 0.3 + 0.4 stays a share; add 2 would clamp to 1
    Plan big = plan;
    big.actions[1].effects[0].value = 2;
    const core::Compiled cb = core::compile(big);
    core::month_values(cb, 24, st.data(), v);
    CHECK(v[cb.f_empowerment] == 1.0);
}

TEST_CASE("scenarios enable exactly their actions; costs count from the start to the horizon") {
    const Plan plan = example_plan();
    const Projection p = project(plan);  // enabled: the first three
    CHECK(p.scenario == "plan");
    CHECK(p.total_cost == doctest::Approx(50000 + 2000 * 22 + 3000 * 23 + 20000));
    const Projection all = project(plan, {std::string("all")});
    CHECK(all.scenario == "all");
    CHECK(all.total_cost == doctest::Approx(p.total_cost + 10000));
    CHECK(all.months[24].stakeholders[0].dimensions[1].trust > p.months[24].stakeholders[0].dimensions[1].trust);
    CHECK(all.months[0].trust_index == p.months[0].trust_index);  // month 0: no action applied
    // an action starting after the horizon costs nothing
    Plan late = plan;
    late.settings.horizon_months = 2;
    CHECK(project(late).total_cost == doctest::Approx(3000 * 1 + 20000));
}

TEST_CASE("revenue kept is size x retained x revenue over months 1..H") {
    const Plan plan = example_plan();
    const Projection p = project(plan);
    double sum = 0;
    for (int m = 1; m <= 24; ++m) {
        const auto& c = p.months[m].stakeholders[0];
        CHECK(c.revenue == doctest::Approx(20000 * c.retained * 40).epsilon(1e-12));
        sum += c.revenue;
    }
    CHECK(p.revenue_kept == doctest::Approx(sum).epsilon(1e-12));
}

TEST_CASE("invalid inputs: dangling references, zero weights, NaN and empty plans never crash") {
    Plan plan = example_plan();
    plan.touchpoints[0].stakeholder = "nobody";
    plan.commitments[1].stakeholders = {"ghost", "customers", "customers"};
    plan.knowledge_sources[0].coverage.push_back({"ghost", 2.0});
    plan.stakeholders[2].weights = {0, 0, 0, 0, 0};
    plan.stakeholders[1].importance = 0;
    plan.stakeholders[0].importance = 0;
    plan.stakeholders[2].importance = 0;
    plan.touchpoints[1].dimensions = {0, 0, 0, 0, 0};
    plan.touchpoints[2].bad_share = std::nan("");
    plan.settings.prior_weight = 0;
    plan.settings.horizon_months = -3;
    plan.actions[0].effects.push_back(make_effect(EffectTarget::touchpoint, "ghost", "bad_share", EffectOp::set, 1));
    plan.actions[0].effects.push_back(make_effect(EffectTarget::touchpoint, "web", "no_such_field", EffectOp::set, 1));
    plan.actions[0].ramp_months = 0;
    const Projection p = project(plan, {std::string("no-such-scenario")});
    CHECK(p.scenario == "plan");
    CHECK(p.months.size() == 1);
    for (const auto& s : p.months[0].stakeholders) CHECK(std::isfinite(s.trust));
    CHECK(std::isfinite(p.months[0].trust_index));
    Plan empty;
    const Projection e = project(empty);
    CHECK(e.months.size() == 25);
    CHECK(e.months[24].trust_index == 0.0);
    Plan h0 = example_plan();
    h0.settings.horizon_months = 0;
    CHECK(project(h0).revenue_kept == 0.0);
}
