// What the UI and the reports compute alike (io/presentation.hpp) and the one cost rule of an action
// (core::action_cost): the waterfall order, month ticks, "YYYY-MM", the plan's words for a source.
#include <doctest/doctest.h>

#include <cmath>

#include "core/params.hpp"
#include "io/presentation.hpp"

using namespace fiducia;
using namespace fiducia::presentation;

TEST_CASE("the waterfall starts at the base rate, sorts sources largest first and ends at the score") {
    using K = ContributionKind;
    const std::vector<Contribution> cs = {{K::base_rate, {}, 0.5}, {K::touchpoint, "a", -0.03}, {K::touchpoint, "b", 0.08},
                                          {K::commitment, "c", 0.0}, {K::culture, {}, -0.05}, {K::peers, {}, 0.01},
                                          {K::knowledge_source, "nan", std::nan("")}};
    const std::vector<WaterfallStep> w = waterfall(cs);
    REQUIRE(w.size() == 5);  // the zero and the non-finite contributions are dropped
    CHECK(w[0].kind == K::base_rate);
    CHECK(w[0].from == 0);
    CHECK(w[0].to == doctest::Approx(0.5));
    CHECK((w[1].kind == K::touchpoint && w[1].id == "b"));
    CHECK(w[2].kind == K::culture);
    CHECK((w[3].kind == K::touchpoint && w[3].id == "a"));
    CHECK(w[4].kind == K::peers);
    for (std::size_t i = 1; i < w.size(); ++i) CHECK(w[i].from == doctest::Approx(w[i - 1].to));
    CHECK(w.back().to == doctest::Approx(0.51));
    // Ties keep the plan order; the base rate comes first wherever it is in the list.
    const std::vector<WaterfallStep> tie =
        waterfall({{K::touchpoint, "x", 0.02}, {K::base_rate, {}, 0.4}, {K::touchpoint, "y", -0.02}});
    REQUIRE(tie.size() == 3);
    CHECK(tie[0].kind == K::base_rate);
    CHECK(tie[1].id == "x");
    CHECK(tie[2].id == "y");
    // No explanation at all: one bar, the base rate at 0.
    const std::vector<WaterfallStep> none = waterfall({});
    REQUIRE(none.size() == 1);
    CHECK(none[0].kind == K::base_rate);
    CHECK(none[0].to == 0);
}

TEST_CASE("month ticks step by 1, 2, 3, 6, 12, 24, 36, 48, 60 or 120 months within the budget") {
    CHECK(month_ticks(24, 9) == std::vector<int>{0, 3, 6, 9, 12, 15, 18, 21, 24});
    CHECK(month_ticks(24, 5) == std::vector<int>{0, 6, 12, 18, 24});
    CHECK(month_ticks(6, 10) == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
    CHECK(month_ticks(120, 6) == std::vector<int>{0, 24, 48, 72, 96, 120});
    CHECK(month_ticks(0, 5) == std::vector<int>{0});
    CHECK(month_ticks(-3, 5) == std::vector<int>{0});  // a negative horizon is month 0 alone
    CHECK(month_step(200, 5) == 48);                    // 0, 48, ... 192: five ticks
    CHECK(month_step(600, 5) == 120);
    CHECK(month_step(6000, 5) == 120);                  // never wider than ten years
    CHECK(month_step(12, 0) == 12);                     // at least two ticks: 0 and 12
    for (int h : {1, 7, 24, 59, 61, 119, 240})  // beyond ten-year steps the budget gives way
        for (int most : {5, 8, 12}) {
            CAPTURE(h);
            CAPTURE(most);
            const std::vector<int> t = month_ticks(h, most);
            CHECK(static_cast<int>(t.size()) <= most);
            CHECK(t.front() == 0);
        }
}

TEST_CASE("YYYY-MM is read in one place: four digits, a dash, a month 01..12") {
    int y = -1, m = -1;
    CHECK(parse_year_month("2031-12", y, m));
    CHECK(y == 2031);
    CHECK(m == 12);
    CHECK(parse_year_month("0000-01", y, m));
    CHECK(y == 0);
    CHECK(m == 1);
    y = m = -1;
    for (const char* bad : {"2031-00", "2031-13", "2031-99", "2031/12", "31-12", "2031-1", "2031-012", "20a1-01",
                            "2031-1a", "-031-01", "+031-01", " 2031-01", "2031-01 ", "", "2031-", "2031-12-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_year_month(bad, y, m));
    }
    CHECK(y == -1);  // a failed read leaves the figures alone
    CHECK(m == -1);
}

TEST_CASE("months are counted from settings.start, which labels month 1") {
    CHECK(month_code(1, "2027-03") == "2027-03");
    CHECK(month_code(0, "2027-03") == "2027-02");  // today is the month before the start
    CHECK(month_code(0, "2027-01") == "2026-12");
    CHECK(month_code(11, "2027-03") == "2028-01");
    CHECK(month_code(24, "2027-01") == "2028-12");
    CHECK(month_code(0, "0000-01") == "0000-01");  // never before year 0
    CHECK(month_code(6, "") == "");
    CHECK(month_code(6, "2027-13") == "");
    CHECK(calendar_month(1, "2027-03") == 2027L * 12 + 2);
    CHECK(calendar_month(1, "bad") == -1);
}

TEST_CASE("a source is named in the plan's words, its id when unnamed or gone") {
    Plan plan;
    Touchpoint t;
    t.id = "delivery";
    t.name = "Parcel delivery";
    plan.touchpoints.push_back(t);
    t.id = "unnamed";
    t.name = "";
    plan.touchpoints.push_back(t);
    Commitment c;
    c.id = "refund";
    c.statement = "Refunds within 5 days";
    plan.commitments.push_back(c);
    KnowledgeSource k;
    k.id = "crm";
    k.name = "Order history";
    plan.knowledge_sources.push_back(k);
    using K = ContributionKind;
    CHECK(entity_label(plan, K::touchpoint, "delivery") == "Parcel delivery");
    CHECK(entity_label(plan, K::touchpoint, "unnamed") == "unnamed");
    CHECK(entity_label(plan, K::touchpoint, "gone") == "gone");
    CHECK(entity_label(plan, K::commitment, "refund") == "Refunds within 5 days");
    CHECK(entity_label(plan, K::knowledge_source, "crm") == "Order history");
    CHECK(entity_label(plan, K::touchpoint, "crm") == "crm");  // the kind decides where to look
    CHECK(entity_label(plan, K::culture, "") == "");
}

TEST_CASE("an action's cost over the horizon is the optimiser's, and nothing after the horizon") {
    Plan plan;
    plan.settings.horizon_months = 12;
    Action a;
    a.id = "carrier";
    a.start_month = 3;
    a.cost_once = 1000;
    a.cost_per_month = 100;
    plan.actions.push_back(a);
    a.id = "late";
    a.start_month = 13;  // starts the month after the horizon: nothing is spent within it
    plan.actions.push_back(a);
    a.id = "last";
    a.start_month = 12;  // the horizon's own month: the one-off cost and one month
    plan.actions.push_back(a);
    a.id = "odd";
    a.start_month = 0;  // read as month 1, costs below 0 as 0, as the model reads them
    a.cost_once = -5;
    a.cost_per_month = std::nan("");
    plan.actions.push_back(a);
    CHECK(core::action_cost(plan, plan.actions[0]) == doctest::Approx(1000 + 100 * 10));  // months 3..12
    CHECK(core::action_cost(plan, plan.actions[1]) == 0);
    CHECK(core::action_cost(plan, plan.actions[2]) == doctest::Approx(1000 + 100));
    CHECK(core::action_cost(plan, plan.actions[3]) == 0);
    // The horizon shortened below a start month: the optimiser's figure, action by action.
    for (int horizon : {-1, 0, 2, 3, 12, 24, 601}) {
        CAPTURE(horizon);
        plan.settings.horizon_months = horizon;
        const core::Compiled cp = core::compile(plan);
        for (std::size_t i = 0; i < plan.actions.size(); ++i)
            CHECK(core::action_cost(plan, plan.actions[i]) == core::action_cost(cp.actions[i], cp.horizon));
    }
    plan.settings.horizon_months = 2;
    CHECK(core::action_cost(plan, plan.actions[0]) == 0);  // starts in month 3
    OptimiseOptions everything;
    everything.budget = 1e12;
    const OptimiseResult r = optimise(plan, everything);
    CHECK(r.cost == 0);  // whatever it chose, nothing it could choose costs anything before month 3
}
