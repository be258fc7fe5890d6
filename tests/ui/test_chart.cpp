// The chart module's pure helpers: nice ticks, month labels, number formats, the waterfall order.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "ui/chart.hpp"

using namespace fiducia;
using namespace fiducia::ui::chart;

namespace {
// Whether step is 1, 2 or 5 times a power of ten.
bool is_nice(double step) {
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    return std::fabs(mantissa - 1) < 1e-6 || std::fabs(mantissa - 2) < 1e-6 || std::fabs(mantissa - 5) < 1e-6 ||
           std::fabs(mantissa - 10) < 1e-6;
}
}  // namespace

TEST_CASE("nice ticks cover the range on a 1-2-5 step, within the tick budget") {
    CHECK(nice_ticks(0, 1, 6) == std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1});
    const std::vector<double> t = nice_ticks(0.43, 0.71, 6);
    REQUIRE(t.size() == 5);
    CHECK(t.front() == doctest::Approx(0.4));
    CHECK(t.back() == doctest::Approx(0.8));
    CHECK(nice_ticks(0, 1234, 5) == std::vector<double>{0, 500, 1000, 1500});
    CHECK(nice_ticks(-3, 7, 4) == std::vector<double>{-5, 0, 5, 10});
    CHECK(nice_ticks(-3, 7, 3) == std::vector<double>{-10, 0, 10});
    CHECK(nice_ticks(5, 5, 6) == std::vector<double>{5});  // empty span: one tick
    CHECK(nice_ticks(0, NAN, 6).empty());

    // Properties over many ranges.
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(state >> 11) / static_cast<double>(1ull << 53);
    };
    for (int i = 0; i < 2000; ++i) {
        const double scale = std::pow(10.0, next() * 12 - 6);
        const double lo = (next() - 0.5) * scale, hi = lo + next() * scale + 1e-12;
        const int max_ticks = 3 + static_cast<int>(next() * 10);
        const std::vector<double> ticks = nice_ticks(lo, hi, max_ticks);
        CAPTURE(lo);
        CAPTURE(hi);
        CAPTURE(max_ticks);
        REQUIRE(ticks.size() >= 2);
        CHECK(static_cast<int>(ticks.size()) <= max_ticks);
        CHECK(ticks.front() <= lo + 1e-9 * scale);
        CHECK(ticks.back() >= hi - 1e-9 * scale);
        const double step = ticks[1] - ticks[0];
        CHECK(is_nice(step));
        for (std::size_t k = 1; k < ticks.size(); ++k) CHECK(ticks[k] - ticks[k - 1] == doctest::Approx(step));
    }
}

TEST_CASE("nice_step picks 1, 2 or 5 times a power of ten") {
    CHECK(nice_step(1, 6) == doctest::Approx(0.2));
    CHECK(nice_step(100, 11) == doctest::Approx(10));
    CHECK(nice_step(0, 5) == 1);
}

TEST_CASE("month ticks step by 1, 2, 3, 6 or 12 months") {
    CHECK(month_ticks(24, 9) == std::vector<int>{0, 3, 6, 9, 12, 15, 18, 21, 24});
    CHECK(month_ticks(24, 5) == std::vector<int>{0, 6, 12, 18, 24});
    CHECK(month_ticks(6, 10) == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
    CHECK(month_ticks(120, 6) == std::vector<int>{0, 24, 48, 72, 96, 120});
    CHECK(month_ticks(0, 5) == std::vector<int>{0});
}

TEST_CASE("month labels follow settings.start, which labels month 1") {
    CHECK(month_label(1, "2027-03") == "Mar 2027");
    CHECK(month_label(0, "2027-03") == "Feb 2027");  // today is the month before the start
    CHECK(month_label(0, "2027-01") == "Dec 2026");
    CHECK(month_label(11, "2027-03") == "Jan 2028");
    CHECK(month_label(24, "2027-01") == "Dec 2028");
    CHECK(month_label(6, "") == "Month 6");
    CHECK(month_label(6, "", true) == "6");
    CHECK(month_label(6, "2027-13") == "Month 6");
    CHECK(month_label(6, "27-01") == "Month 6");
    int y = 0, m = 0;
    CHECK(parse_year_month("2031-12", y, m));
    CHECK(y == 2031);
    CHECK(m == 12);
    CHECK_FALSE(parse_year_month("2031/12", y, m));
}

TEST_CASE("numbers and money have thousands separators and the plan's currency") {
    CHECK(format_money(12345.6, "EUR") == "EUR 12,346");
    CHECK(format_money(-1200, "USD") == "-USD 1,200");
    CHECK(format_money(1234567, "EUR") == "EUR 1,234,567");
    CHECK(format_money(-0.4, "EUR") == "EUR 0");
    CHECK(format_money(999, "") == "999");
    CHECK(format_number(999.5) == "1,000");
    CHECK(format_number(-0.2) == "0");
    CHECK(format_number(1234.567, 2) == "1,234.57");
    CHECK(format_number(-98765432) == "-98,765,432");
    CHECK(format_money_short(350, "EUR") == "EUR 350");
    CHECK(format_money_short(1500, "EUR") == "EUR 1.5k");
    CHECK(format_money_short(12000, "EUR") == "EUR 12k");
    CHECK(format_money_short(2e6, "EUR") == "EUR 2M");
    CHECK(format_money_short(-1.3e6, "USD") == "-USD 1.3M");
    CHECK(format_trust(0.6132) == "61.3");
    CHECK(format_trust(-0.0001) == "0.0");
    CHECK(format_points(0.021) == "+2.1");
    CHECK(format_points(-0.013) == "-1.3");
    CHECK(format_points(-0.0004) == "0.0");
    CHECK(format_percent(0.932) == "93.2%");
    CHECK(format_percent(0.5, 0) == "50%");
}

TEST_CASE("the waterfall starts at the base rate, sorts sources largest first and ends at the score") {
    using K = ContributionKind;
    const std::vector<Contribution> cs = {{K::base_rate, {}, 0.5}, {K::touchpoint, "a", -0.03}, {K::touchpoint, "b", 0.08},
                                          {K::commitment, "c", 0.0}, {K::culture, {}, -0.05}, {K::peers, {}, 0.01}};
    const std::vector<WaterfallStep> w = waterfall(cs);
    REQUIRE(w.size() == 5);  // the zero contribution is dropped
    CHECK(w[0].kind == K::base_rate);
    CHECK(w[0].from == 0);
    CHECK(w[0].to == doctest::Approx(0.5));
    CHECK((w[1].kind == K::touchpoint && w[1].id == "b"));
    CHECK(w[2].kind == K::culture);
    CHECK((w[3].kind == K::touchpoint && w[3].id == "a"));
    CHECK(w[4].kind == K::peers);
    for (std::size_t i = 1; i < w.size(); ++i) CHECK(w[i].from == doctest::Approx(w[i - 1].to));
    CHECK(w.back().to == doctest::Approx(0.51));
    // Ties keep the plan order.
    const std::vector<WaterfallStep> tie =
        waterfall({{K::touchpoint, "x", 0.02}, {K::base_rate, {}, 0.4}, {K::touchpoint, "y", -0.02}});
    REQUIRE(tie.size() == 3);
    CHECK(tie[1].id == "x");
    CHECK(tie[2].id == "y");
}

TEST_CASE("sources and actions are named by their names, not their ids") {
    Plan plan;
    Touchpoint t;
    t.id = "delivery";
    t.name = "Parcel delivery";
    plan.touchpoints.push_back(t);
    Commitment c;
    c.id = "refund";
    c.statement = "Refunds within 5 days";
    plan.commitments.push_back(c);
    KnowledgeSource k;
    k.id = "crm";
    k.name = "Order history";
    plan.knowledge_sources.push_back(k);
    Action a;
    a.id = "carrier";
    a.name = "Second carrier";
    a.start_month = 3;
    a.cost_once = 1000;
    a.cost_per_month = 100;
    plan.actions.push_back(a);
    plan.settings.horizon_months = 12;
    CHECK(source_label(plan, ContributionKind::touchpoint, "delivery") == "Parcel delivery");
    CHECK(source_label(plan, ContributionKind::commitment, "refund") == "Refunds within 5 days");
    CHECK(source_label(plan, ContributionKind::knowledge_source, "crm") == "Order history");
    CHECK(source_label(plan, ContributionKind::touchpoint, "gone") == "gone");
    CHECK(source_label(plan, ContributionKind::base_rate, "") == "Base rate");
    CHECK(action_label(plan, "carrier") == "Second carrier");
    CHECK(action_cost(plan, plan.actions[0]) == doctest::Approx(1000 + 100 * 10));  // months 3..12
}

TEST_CASE("the heatmap scale runs from vermillion through pale to blue, with readable text") {
    CHECK(diverging(0) == IM_COL32(213, 94, 0, 255));
    CHECK(diverging(1) == IM_COL32(0, 114, 178, 255));
    CHECK(text_on(diverging(0.5)) == IM_COL32(20, 20, 20, 255));
    CHECK(text_on(diverging(1)) == IM_COL32(255, 255, 255, 255));
    CHECK(with_alpha(IM_COL32(1, 2, 3, 255), 0.0f) == IM_COL32(1, 2, 3, 0));
}
