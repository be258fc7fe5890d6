// The chart gallery (Help): every chart type of chart.hpp drawn with fixed sample data, so a reader
// sees what each looks like before a plan uses it.
#include "ui/charts/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "ui/platform/i18n.hpp"
#include "ui/platform/theme.hpp"

namespace fiducia::ui::chart {

namespace {
float em() { return ImGui::GetFontSize(); }
}  // namespace

// ---- Gallery ------------------------------------------------------------------------------------

void draw_gallery() {
    const float e = em();
    ImGui::TextWrapped("%s", tr("Line, band and observations"));
    {
        std::vector<double> xs, ys, lo, hi, ys2;
        for (int m = 0; m <= 24; ++m) {
            xs.push_back(m);
            const double t = 0.5 + 0.15 * (1 - std::exp(-m / 8.0));
            ys.push_back(t);
            lo.push_back(t - 0.04 - 0.002 * m);
            hi.push_back(t + 0.04 + 0.002 * m);
            ys2.push_back(0.58 - 0.004 * m);
        }
        Plot plot;
        plot.begin("##gallery-line", ImVec2(0, e * 12), Axis{0, 24, Format::months, "2027-01"}, Axis{0.3, 0.8, Format::trust});
        // Sample figures, but read like the real charts: in the chosen language.
        plot.band(tr("Customers"), xs, lo, hi, with_alpha(series_colour(0), 0.18f));
        plot.line(tr("Customers"), xs, ys, series_colour(0));
        plot.line(tr("Employees"), xs, ys2, series_colour(1), 2.0f, true);
        std::vector<std::string> survey_tips;
        const std::vector<double> survey_months = {0, 6, 12}, survey = {0.51, 0.58, 0.60};
        for (std::size_t i = 0; i < survey.size(); ++i)
            survey_tips.push_back(trf("Survey, month %d: %s", static_cast<int>(survey_months[i]), format_trust(survey[i]).c_str()));
        plot.points(tr("Survey"), survey_months, survey, series_colour(0), Marker::circle, survey_tips);
        plot.points(tr("NPS (mapped)"), {3}, {0.55}, series_colour(1), Marker::diamond,
                    {trf("NPS %d, mapped to %s", 10, format_trust(0.55).c_str())});
        plot.vline(12, axis_colour(), tr("today"));
        plot.end();
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Columns (histogram) with money axis"));
    {
        std::vector<double> xs, ys;
        for (int i = 0; i < 10; ++i) {
            xs.push_back(i * 1000.0 + 500);
            ys.push_back(std::exp(-(i - 5.0) * (i - 5.0) / 6.0) * 1200);
        }
        Plot plot;
        plot.begin("##gallery-columns", ImVec2(0, e * 9), Axis{0, 10000, Format::money, "EUR"}, Axis{0, 1300, Format::number});
        plot.columns(tr("Count"), xs, ys, 1000, with_alpha(series_colour(2), 0.8f));
        plot.end();
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Tornado (horizontal bars around a reference)"));
    {
        BarChart chart;
        chart.x = Axis{0.55, 0.65, Format::trust};
        chart.has_reference = true;
        chart.reference = 0.6;
        const double swings[] = {0.04, 0.03, 0.02, 0.012, 0.005};
        const char* names[] = {tr_noop("Delivery: bad share"), tr_noop("Setting: forgetting"), tr_noop("Customers: base rate"),
                               tr_noop("Chat: severity"),
                               tr_noop("A very long input name that has to be cut to fit the label column of the chart")};
        for (int i = 0; i < 5; ++i) {
            BarRow row;
            row.label = tr(names[i]);
            row.bars.push_back({0.6, 0.6 - swings[i], down_colour()});
            row.bars.push_back({0.6, 0.6 + swings[i] * 0.7, up_colour()});
            row.value_text = format_trust(swings[i] * 1.7);
            row.tooltip = tr("Sample row");
            chart.rows.push_back(row);
        }
        bar_chart("##gallery-tornado", chart);
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Waterfall"));
    {
        using K = ContributionKind;
        std::vector<Contribution> cs = {{K::base_rate, {}, 0.5}, {K::touchpoint, "a", -0.03}, {K::touchpoint, "b", 0.08},
                                        {K::touchpoint, "c", 0.01}, {K::touchpoint, "d", -0.05}};
        BarChart chart;
        chart.connect = true;
        chart.x = Axis{0, 0.6, Format::trust};
        for (const WaterfallStep& s : waterfall(cs)) {
            BarRow row;
            const bool base = s.kind == K::base_rate;
            row.label = base ? std::string(tr("Base rate")) : trf("Source %s", s.id.c_str());
            row.bars.push_back({s.from, s.to, base ? neutral_colour() : (s.value >= 0 ? up_colour() : down_colour())});
            row.value_text = base ? format_trust(s.value) : format_points(s.value);
            chart.rows.push_back(row);
        }
        BarRow total;
        total.label = tr("Trust");
        total.strong = true;
        total.bars.push_back({0, 0.51, series_colour(6)});
        total.value_text = format_trust(0.51);
        chart.rows.push_back(total);
        bar_chart("##gallery-waterfall", chart);
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Heatmap"));
    {
        Heatmap map;
        map.rows = {tr("Customers"), tr("Employees"), tr("Investors")};
        for (int d = 0; d < kDimensions; ++d) map.columns.push_back(dimension_name(d));
        for (int i = 0; i < 15; ++i) map.values.push_back(i == 7 ? std::nan("") : 0.1 + 0.06 * i);
        heatmap("##gallery-heatmap", map, e * 30);
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Range bar (trust with its 95% band; hollow mark = today)"));
    range_bar("##gallery-range", 0.62, 0.55, 0.69, 0.5, e * 12);
}

}  // namespace fiducia::ui::chart
