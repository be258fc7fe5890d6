// summary_json: docs/FORMAT.md "Machine-readable output" — keys in order, stakeholders by id, the
// explanation at the horizon adding up to trust, simulation figures where given.
#include <doctest/doctest.h>

#include <cmath>

#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

std::vector<std::string> keys(const Json& j) {
    std::vector<std::string> k;
    for (auto it = j.begin(); it != j.end(); ++it) k.push_back(it.key());
    return k;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("io summary: keys, shape and an exact explanation") {
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        LoadResult r = load_plan(example_text(name));
        IO_REQUIRE(r.ok);
        const Plan& plan = r.plan;
        Projection p = project(plan);
        std::string text = summary_json(plan, p);
        CHECK(text == summary_json(plan, p));  // deterministic
        Json j = Json::parse(text, nullptr, false);
        IO_REQUIRE(j.is_object());
        CHECK(keys(j) == Keys{"plan", "scenario", "horizon_months", "months", "explanation", "costs", "revenue_kept"});
        CHECK(j["plan"] == plan.meta.title);
        CHECK(j["scenario"] == "plan");
        CHECK(j["horizon_months"] == plan.settings.horizon_months);
        IO_REQUIRE(j["months"].size() == static_cast<std::size_t>(plan.settings.horizon_months + 1));
        for (std::size_t m = 0; m < j["months"].size(); ++m) {
            const Json& mj = j["months"][m];
            CHECK(keys(mj) == Keys{"month", "trust_index", "stakeholders"});
            CHECK(mj["month"] == m);
            Keys ids;
            for (const Stakeholder& s : plan.stakeholders) ids.push_back(s.id);
            CHECK(keys(mj["stakeholders"]) == ids);
            for (const Stakeholder& s : plan.stakeholders) {
                const Json& sj = mj["stakeholders"][s.id];
                CHECK(keys(sj) == Keys{"trust", "band", "retained", "dimensions"});
                CHECK(sj["band"].size() == 2);
                CHECK(keys(sj["dimensions"]) == Keys{"transactions", "promises", "honesty", "advice", "empathy"});
                CHECK(keys(sj["dimensions"]["advice"]) == Keys{"trust", "uncertainty"});
                if (s.kind != StakeholderKind::customers) CHECK(sj["retained"].get<double>() == 1.0);
            }
        }
        const Json& e = j["explanation"];
        CHECK(keys(e) == Keys{"month", "stakeholders"});
        CHECK(e["month"] == plan.settings.horizon_months);
        const Json& last = j["months"].back()["stakeholders"];
        for (const Stakeholder& s : plan.stakeholders) {
            CAPTURE(s.id);
            const Json& list = e["stakeholders"][s.id];
            IO_REQUIRE(list.is_array());
            IO_REQUIRE(!list.empty());
            CHECK(list[0]["source"] == "base_rate");
            double sum = 0;
            for (const Json& c : list) {
                CHECK(keys(c) == Keys{"source", "contribution"});
                sum += c["contribution"].get<double>();
            }
            CHECK(std::fabs(sum - last[s.id]["trust"].get<double>()) < 1e-9);
        }
        CHECK(keys(j["costs"]) == Keys{"total"});
        CHECK(j["costs"]["total"].get<double>() == p.total_cost);
        CHECK(j["revenue_kept"].get<double>() == p.revenue_kept);
        CHECK(j["revenue_kept"].get<double>() > 0);
    }
}

TEST_CASE("io summary: a scenario's name and a simulation's figures") {
    LoadResult r = load_plan(example_text("online-shop"));
    IO_REQUIRE(r.ok);
    ProjectionOptions o;
    o.scenario = "delivery-first";
    Projection p = project(r.plan, o);
    // A hand-made simulation result: the io layer only places its figures.
    SimulationResult sim;
    sim.customers = 100;
    sim.seed = 5;
    SimulatedGroup g;
    g.stakeholder = 0;  // shoppers
    for (int m = 0; m <= r.plan.settings.horizon_months; ++m) {
        SimulatedMonth sm;
        sm.retained = 1.0 - 0.01 * m;
        sm.retained_se = 0.001 * m;
        sm.trust_p05 = 0.25;
        sm.trust_p50 = 0.5;
        sm.trust_p95 = 0.75;
        g.months.push_back(sm);
    }
    sim.groups.push_back(g);
    Json j = Json::parse(summary_json(r.plan, p, &sim), nullptr, false);
    IO_REQUIRE(j.is_object());
    CHECK(j["scenario"] == "delivery-first");
    const Json& m3 = j["months"][3]["stakeholders"];
    CHECK(keys(m3["shoppers"]) == Keys{"trust", "band", "retained", "retained_se", "trust_p05", "trust_p50", "trust_p95", "dimensions"});
    CHECK(m3["shoppers"]["retained"].get<double>() == 1.0 - 0.01 * 3);
    CHECK(m3["shoppers"]["retained_se"].get<double>() == 0.001 * 3);
    CHECK(m3["shoppers"]["trust_p50"].get<double>() == 0.5);
    CHECK(keys(m3["sellers"]) == Keys{"trust", "band", "retained", "dimensions"});
    // Numbers use nlohmann's round-trip form (1.0, not 1).
    CHECK(summary_json(r.plan, p, &sim).find("\"trust_p50\": 0.5,") != std::string::npos);

    // Once nobody is left, a month has no trust percentiles: null, not a trust of zero.
    for (std::size_t m = 5; m < sim.groups[0].months.size(); ++m)
        sim.groups[0].months[m] = SimulatedMonth{.retained = 0, .retained_se = 0, .trust_p05 = 0, .trust_p50 = 0, .trust_p95 = 0};
    j = Json::parse(summary_json(r.plan, p, &sim), nullptr, false);
    const Json& gone = j["months"][5]["stakeholders"]["shoppers"];
    CHECK(gone["retained"].get<double>() == 0.0);
    for (const char* key : {"trust_p05", "trust_p50", "trust_p95"}) CHECK(gone[key].is_null());
    CHECK(j["months"][4]["stakeholders"]["shoppers"]["trust_p05"].get<double>() == 0.25);
}

TEST_CASE("io summary: an empty projection still gives the full shape") {
    Plan plan;
    plan.meta.title = "Empty";
    Projection p;
    p.scenario = "plan";
    std::string text = summary_json(plan, p);
    CHECK(text ==
          "{\n  \"plan\": \"Empty\",\n  \"scenario\": \"plan\",\n  \"horizon_months\": 0,\n  \"months\": [],\n"
          "  \"explanation\": {\n    \"month\": 0,\n    \"stakeholders\": {}\n  },\n"
          "  \"costs\": {\n    \"total\": 0.0\n  },\n  \"revenue_kept\": 0.0\n}");
}
