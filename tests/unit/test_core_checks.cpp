// Checks (docs/MODEL.md "Checks"): a customers group losing more than 3% a month on average, a
// measurement outside the projection's band, a source lowering a group's trust by over 5 points.
#include <doctest/doctest.h>

#include <cmath>

#include "core/checks.hpp"
#include "test_core_fixtures.hpp"

using namespace fiducia;

namespace {

Plan shop(double bad_share) {
    Plan plan;
    plan.settings.horizon_months = 12;
    plan.stakeholders = {test::make_group("shoppers", StakeholderKind::customers, 0.6)};
    plan.touchpoints = {test::make_touchpoint("delivery", "shoppers", 2, bad_share, Stage::service),
                        test::make_touchpoint("browse", "shoppers", 4, 0.01)};
    return plan;
}

std::vector<PlanCheck> checks_of(const Plan& plan) {
    const Projection p = project(plan);
    return plan_checks(plan, p);
}

std::vector<PlanCheck> of_kind(const std::vector<PlanCheck>& all, PlanCheck::Kind kind) {
    std::vector<PlanCheck> out;
    for (const PlanCheck& c : all)
        if (c.kind == kind) out.push_back(c);
    return out;
}

}  // namespace

TEST_CASE("checks: implied monthly churn above 3% on average, as the geometric mean over the horizon") {
    const Plan bad = shop(0.3);
    const Projection p = project(bad);
    const double kept = p.months.back().stakeholders[0].retained;
    const std::vector<PlanCheck> churn = of_kind(checks_of(bad), PlanCheck::Kind::high_churn);
    REQUIRE(churn.size() == 1);
    CHECK(churn[0].stakeholder == 0);
    CHECK(churn[0].value == doctest::Approx(1 - std::pow(kept, 1.0 / 12)).epsilon(1e-12));
    CHECK(churn[0].value > kChurnWarning);
    CHECK(churn[0].lost == doctest::Approx(1 - kept));
    CHECK(of_kind(checks_of(shop(0.01)), PlanCheck::Kind::high_churn).empty());
    Plan staff = bad;  // employees do not churn in the model: no check
    staff.stakeholders[0].kind = StakeholderKind::employees;
    CHECK(of_kind(checks_of(staff), PlanCheck::Kind::high_churn).empty());
}

TEST_CASE("checks: a measurement outside the projection's 95% band names the measurement") {
    Plan plan = shop(0.01);
    const double t = project(plan).months[3].stakeholders[0].trust;
    plan.observations = {test::survey("shoppers", 3, t), test::survey("shoppers", 3, 0.02)};
    const std::vector<PlanCheck> out = of_kind(checks_of(plan), PlanCheck::Kind::outside_band);
    REQUIRE(out.size() == 1);
    CHECK(out[0].item == 1);
    CHECK(out[0].value == 0.02);
    CHECK(out[0].projected == doctest::Approx(t));
    CHECK(out[0].low > 0.02);
}

TEST_CASE("checks: a source lowering a group's trust today by more than 5 points, largest first") {
    Plan plan = shop(0.3);
    plan.touchpoints.push_back(test::make_touchpoint("returns", "shoppers", 6, 0.5));
    plan.touchpoints.back().dimensions = {1, 1, 1, 1, 1};  // touches every dimension of trust
    plan.touchpoints.back().severity = 2;
    const Projection p = project(plan);
    std::vector<PlanCheck> drops = of_kind(plan_checks(plan, p), PlanCheck::Kind::large_drop);
    REQUIRE(!drops.empty());
    for (const PlanCheck& c : drops) {
        CHECK(c.value < -kDropWarning);
        bool found = false;
        for (const Contribution& x : p.explanation[0][0])
            found = found || (x.kind == c.source && x.id == c.source_id && x.value == c.value);
        CHECK(found);
    }
    for (std::size_t i = 1; i < drops.size(); ++i) CHECK(drops[i - 1].value <= drops[i].value);
    CHECK(drops[0].source == ContributionKind::touchpoint);
    CHECK(of_kind(checks_of(shop(0.001)), PlanCheck::Kind::large_drop).empty());
}
