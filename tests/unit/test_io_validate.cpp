// validate(plan) is the editors' live check: it must say exactly what load_plan says of the plan
// saved and opened again, with each problem's pointer and rule apart so no one splits the text.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>

#include "core/fields.hpp"
#include "test_io_util.hpp"

using namespace fiducia;

namespace {

Plan example(const char* name) {
    std::string text;
    CHECK(io::test::read_text(io::test::source_path(std::string("assets/examples/") + name), text));
    io::LoadResult r = io::load_plan(text);
    CHECK(r.ok);
    return r.plan;
}

// validate and the loader agree on this plan; returns validate's problems.
std::vector<io::Problem> agreed(const Plan& plan) {
    const std::vector<io::Problem> problems = io::validate(plan);
    CHECK(io::texts(problems) == io::load_plan(io::save_plan(plan)).errors);
    return problems;
}

}  // namespace

TEST_CASE("validate: the examples have no problems, as the loader says") {
    for (const auto& entry : std::filesystem::directory_iterator(io::test::source_path("assets/examples"))) {
        CAPTURE(entry.path().filename().string());
        CHECK(agreed(example(entry.path().filename().string().c_str())).empty());
    }
}

TEST_CASE("validate: edited bad values and dangling references give the loader's problems, pointer and rule apart") {
    struct Case {
        const char* what;
        std::function<void(Plan&)> edit;
        const char* pointer;
    };
    const Case cases[] = {
        {"a share above 1", [](Plan& p) { p.touchpoints[1].bad_share = 1.5; }, "/touchpoints/1/bad_share"},
        {"a base rate of 0", [](Plan& p) { p.stakeholders[2].base_rate = 0; }, "/stakeholders/2/base_rate"},
        {"a forgetting of 0", [](Plan& p) { p.settings.forgetting = 0; }, "/settings/forgetting"},
        {"a touchpoint of a missing group", [](Plan& p) { p.touchpoints[0].stakeholder = "nobody"; },
         "/touchpoints/0/stakeholder"},
        {"an effect on a missing touchpoint", [](Plan& p) { p.actions[0].effects[0].id = "gone"; }, "/actions/0/effects/0/id"},
        {"an effect on a field it may not change", [](Plan& p) { p.actions[0].effects[0].field = "name"; },
         "/actions/0/effects/0/field"},
        {"a repeated id", [](Plan& p) { p.commitments[1].id = p.commitments[0].id; }, "/commitments/1/id"},
        {"an invalid id", [](Plan& p) { p.knowledge_sources[0].id = "Not an id"; }, "/knowledge_sources/0/id"},
        {"a start after the horizon", [](Plan& p) { p.actions[1].start_month = p.settings.horizon_months + 1; },
         "/actions/1/start_month"},
        {"weights that add up to 0", [](Plan& p) { p.stakeholders[0].weights = {}; }, "/stakeholders/0/weights"},
        {"a scenario naming a missing action", [](Plan& p) { p.scenarios.at(0).actions.push_back("gone"); },
         "/scenarios/0/actions/"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Plan plan = example("online-shop.json");
        c.edit(plan);
        const std::vector<io::Problem> problems = agreed(plan);
        REQUIRE(!problems.empty());
        CHECK(problems.front().located);
        CHECK(problems.front().pointer.rfind(c.pointer, 0) == 0);
        CHECK(problems.front().text() == problems.front().pointer + ": " + problems.front().rule);
    }
    // A newer plan's note comes last, as the loader adds it.
    Plan newer = example("online-shop.json");
    newer.version = 2;
    newer.touchpoints[0].bad_share = 2;
    CHECK(agreed(newer).back().pointer == "/version");
}

TEST_CASE("validate: every table field outside its bounds is named at the pointer the table builds") {
    const Plan base = example("b2b-software.json");
    int checked = 0;
    auto walk = [&](const auto& table, auto entity, const std::string& object) {
        for (const auto& f : table) {
            if (!(f.range.lo > -kUnbounded)) continue;
            Plan plan = base;
            f.set(entity(plan), f.range.lo_open ? f.range.lo : f.range.lo - 1);
            const std::vector<io::Problem> problems = agreed(plan);
            CAPTURE(f.id);
            REQUIRE(problems.size() >= 1);
            CHECK(problems.front().pointer == field_pointer(object, f));
            ++checked;
        }
    };
    walk(settings_fields(), [](Plan& p) -> auto& { return p.settings; }, "/settings");
    walk(abandonment_fields(), [](Plan& p) -> auto& { return p.settings.abandonment; }, "/settings/abandonment");
    walk(culture_fields(), [](Plan& p) -> auto& { return p.culture; }, "/culture");
    walk(stakeholder_fields(), [](Plan& p) -> auto& { return p.stakeholders[1]; }, "/stakeholders/1");
    walk(knowledge_source_fields(), [](Plan& p) -> auto& { return p.knowledge_sources[1]; }, "/knowledge_sources/1");
    walk(touchpoint_fields(), [](Plan& p) -> auto& { return p.touchpoints[1]; }, "/touchpoints/1");
    walk(commitment_fields(), [](Plan& p) -> auto& { return p.commitments[1]; }, "/commitments/1");
    walk(action_fields(), [](Plan& p) -> auto& { return p.actions[1]; }, "/actions/1");
    walk(observation_fields(), [](Plan& p) -> auto& { return p.observations[1]; }, "/observations/1");
    CHECK(checked >= 28);
}
