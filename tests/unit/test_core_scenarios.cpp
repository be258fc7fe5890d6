// The no-actions baseline (kNoActionsScenario): every action off, whatever the plan's "enabled"
// flags and scenarios say, so Projection can show what doing nothing gives.
#include <doctest/doctest.h>

#include "core/model.hpp"
#include "core/params.hpp"
#include "core/references.hpp"
#include "test_io_util.hpp"

using namespace fiducia;

TEST_CASE("the no-actions baseline projects the plan with every action off") {
    for (const std::string& name : io::test::example_names()) {
        CAPTURE(name);
        io::LoadResult r = io::load_plan(io::test::example_text(name));
        IO_REQUIRE(r.ok);
        bool found = false;
        for (core::ActState s : core::action_states(r.plan, std::string(kNoActionsScenario), &found))
            CHECK(s == core::ActState::off);
        CHECK(found);
        Plan off = r.plan;
        for (Action& a : off.actions) a.enabled = false;
        ProjectionOptions baseline;
        baseline.scenario = kNoActionsScenario;
        const Projection with = project(r.plan, baseline), without = project(off);
        IO_REQUIRE(with.months.size() == without.months.size());
        for (std::size_t m = 0; m < with.months.size(); ++m) CHECK(with.months[m].trust_index == without.months[m].trust_index);
        CHECK(with.total_cost == 0);
        CHECK(with.months.back().trust_index != project(r.plan).months.back().trust_index);  // the actions do something
    }
    CHECK_FALSE(valid_id(kNoActionsScenario));  // so no plan's own scenario can take its place
}
