// A culture not assessed (culture.assessed = false, a new plan's culture) adds no evidence and cuts no
// service failure, whatever its shares say; a file without the key keeps its numbers (assessed).
#include <doctest/doctest.h>

#include "core/model.hpp"
#include "io/plan_file.hpp"
#include "test_core_fixtures.hpp"

using namespace fiducia;

namespace {

Plan staffed(bool assessed, double empowerment, double reward) {
    Plan plan;
    plan.stakeholders = {test::make_group("shoppers", StakeholderKind::customers, 0.6),
                         test::make_group("staff", StakeholderKind::employees, 0.5)};
    plan.touchpoints = {test::make_touchpoint("support", "shoppers", 2, 0.2, Stage::service)};
    plan.culture.assessed = assessed;
    plan.culture.empowerment = empowerment;
    plan.culture.reward = reward;
    return plan;
}

}  // namespace

TEST_CASE("culture not assessed: no culture evidence for employees and no cut in service failures") {
    const Projection unknown = project(staffed(false, 0.7, 0.5));
    const Projection zero = project(staffed(false, 0, 0));
    const Projection bad = project(staffed(true, 0, 0));
    for (std::size_t m = 0; m < unknown.months.size(); ++m) {
        for (std::size_t g = 0; g < 2; ++g) {
            CHECK(unknown.months[m].stakeholders[g].trust == zero.months[m].stakeholders[g].trust);
            CHECK(unknown.months[m].stakeholders[g].retained == zero.months[m].stakeholders[g].retained);
        }
        for (const Contribution& c : unknown.explanation[m][1])
            if (c.kind == ContributionKind::culture) CHECK(c.value == 0);
    }
    // Staff with no touchpoint keep their base rate; assessed at 0% / 0% the culture is bad evidence.
    CHECK(unknown.months[0].stakeholders[1].trust == doctest::Approx(0.5));
    CHECK(bad.months[0].stakeholders[1].trust < 0.4);
    // Assessed, empowerment cuts the service touchpoint's failures: customers fare better.
    const Projection empowered = project(staffed(true, 0.7, 0.5));
    CHECK(empowered.months.back().stakeholders[0].retained > unknown.months.back().stakeholders[0].retained);
}

TEST_CASE("culture.assessed: written only when false, first in culture; absent means assessed; a non-boolean is refused") {
    Plan plan = staffed(false, 0.3, 0.2);
    const std::string text = io::save_plan(plan);
    CHECK(text.find("\"culture\": {\n    \"assessed\": false,\n    \"empowerment\": 0.3") != std::string::npos);
    const io::LoadResult back = io::load_plan(text);
    REQUIRE(back.ok);
    CHECK_FALSE(back.plan.culture.assessed);
    CHECK(io::save_plan(back.plan) == text);
    plan.culture.assessed = true;
    CHECK(io::save_plan(plan).find("assessed") == std::string::npos);  // older files keep their bytes
    std::string wrong = text;
    wrong.replace(wrong.find("\"assessed\": false"), 17, "\"assessed\": \"no\"");
    const io::LoadResult refused = io::load_plan(wrong);
    CHECK_FALSE(refused.ok);
    REQUIRE(!refused.errors.empty());
    CHECK(refused.errors[0].rfind("/culture/assessed: ", 0) == 0);
}
