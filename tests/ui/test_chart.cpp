// The chart module's pure helpers: nice ticks, month labels, number formats, source labels (the
// waterfall order and month ticks are io/presentation's, tested in tests/unit/test_io_presentation.cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "ui/charts/chart.hpp"

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

TEST_CASE("sources and actions are named by their names, not their ids") {
    // The plan's words for an entity (and the fallbacks) are presentation::entity_label's; the UI
    // names the sources without an entity in its own language.
    Plan plan;
    Touchpoint t;
    t.id = "delivery";
    t.name = "Parcel delivery";
    plan.touchpoints.push_back(t);
    Action a;
    a.id = "carrier";
    a.name = "Second carrier";
    plan.actions.push_back(a);
    CHECK(source_label(plan, ContributionKind::touchpoint, "delivery") == "Parcel delivery");
    CHECK(source_label(plan, ContributionKind::commitment, "gone") == "gone");
    CHECK(source_label(plan, ContributionKind::base_rate, "") == "Base rate");
    CHECK(source_label(plan, ContributionKind::peers, "") == "Peer reviews (people like me)");
    CHECK(source_label(plan, ContributionKind::culture, "") == "Culture: empowerment and reward");
    CHECK(action_label(plan, "carrier") == "Second carrier");
    CHECK(action_label(plan, "gone") == "gone");
}

TEST_CASE("the heatmap scale runs from vermillion through pale to blue, with readable text") {
    CHECK(diverging(0) == IM_COL32(213, 94, 0, 255));
    CHECK(diverging(1) == IM_COL32(0, 114, 178, 255));
    CHECK(text_on(diverging(0.5)) == IM_COL32(20, 20, 20, 255));
    CHECK(text_on(diverging(1)) == IM_COL32(255, 255, 255, 255));
    CHECK(with_alpha(IM_COL32(1, 2, 3, 255), 0.0f) == IM_COL32(1, 2, 3, 0));
}

TEST_CASE("fourteen series are told apart: the colours come round once, dashed the second time") {
    std::vector<std::pair<ImU32, bool>> seen;
    for (int i = 0; i < 14; ++i) {
        CAPTURE(i);
        const std::pair<ImU32, bool> style{series_colour(i), series_dashed(i)};
        CHECK(std::find(seen.begin(), seen.end(), style) == seen.end());
        seen.push_back(style);
    }
    CHECK_FALSE(series_dashed(0));  // the first seven solid, as before
    CHECK_FALSE(series_dashed(6));
    CHECK(series_dashed(7));
    CHECK(series_colour(7) == series_colour(0));
}
