// Simulation: every customer of each customer group simulated (MODEL.md "Monte Carlo"), run a few
// milliseconds per frame with progress and Cancel; retention with its error, the spread of trust
// (5th, 50th and 95th percentiles) and its distribution at the horizon.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

// The simulation's range of customers per group (the field states it; see draw_simulation).
constexpr double kFewestCustomers = 100, kMostCustomers = 1000000;

void draw_result(App& app, const Plan& plan, const Projection* projection) {
    const App::SimulationJob& job = app.simulation_job();
    if (!job.result) return;
    const SimulationResult& r = *job.result;
    AnalysisView& view = app.analysis_view();
    const float em = ImGui::GetFontSize();
    const bool stale = job.revision != app.document().revision();
    // Wrapped: on a phone the line is wider than the screen.
    ImGui::TextWrapped(tr("%s customers per group, seed %llu: %.2f s from the click to the result."),
                       format_number(static_cast<double>(r.customers)).c_str(), static_cast<unsigned long long>(r.seed), job.seconds);
    item_tooltip(tr("Time measured on this device from pressing Run to the last customer simulated. In the browser every "
                 "core works on it in the background (Web Workers), so the page stays responsive."));
    if (stale)
        field_error(tr("This result is from an earlier version of the plan: it has changed since. Run again to update it."));
    if (r.groups.empty()) return;

    view.simulation_group = std::clamp(view.simulation_group, 0, static_cast<int>(r.groups.size()) - 1);
    const SimulatedGroup& group = r.groups[static_cast<std::size_t>(view.simulation_group)];
    auto group_name = [&](const SimulatedGroup& g) {
        return g.stakeholder >= 0 && static_cast<std::size_t>(g.stakeholder) < plan.stakeholders.size()
                   ? stakeholder_label(plan, static_cast<std::size_t>(g.stakeholder))
                   : std::string(tr("Group"));
    };
    if (r.groups.size() > 1) {
        fit_next_item_width(16, label_beside(tr("Customer group")));  // its label beside it, inside a phone's width too
        if (begin_combo(tr("Customer group"), group_name(group).c_str())) {
            for (std::size_t i = 0; i < r.groups.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(group_name(r.groups[i]).c_str(), static_cast<int>(i) == view.simulation_group))
                    view.simulation_group = static_cast<int>(i);
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
    } else {
        ImGui::Text(tr("Customer group: %s"), group_name(group).c_str());
    }
    if (group.months.empty()) return;
    const int horizon = static_cast<int>(group.months.size()) - 1;
    std::vector<double> xs, kept, kept_lo, kept_hi, p05, p50, p95;
    for (int m = 0; m <= horizon; ++m) {
        const SimulatedMonth& sm = group.months[static_cast<std::size_t>(m)];
        xs.push_back(m);
        kept.push_back(sm.retained);
        kept_lo.push_back(std::max(0.0, sm.retained - 1.96 * sm.retained_se));
        kept_hi.push_back(std::min(1.0, sm.retained + 1.96 * sm.retained_se));
        p05.push_back(sm.trust_p05);
        p50.push_back(sm.trust_p50);
        p95.push_back(sm.trust_p95);
    }
    // Trust is over the customers still there: its lines end with the last month that has any (a month
    // nobody is left in has no trust to show, not a trust of zero).
    int last_with_customers = horizon;
    while (last_with_customers > 0 && !group.months[static_cast<std::size_t>(last_with_customers)].anyone_left())
        --last_with_customers;
    const auto while_any = [&](const std::vector<double>& v) {
        return std::vector<double>(v.begin(), v.begin() + last_with_customers + 1);
    };
    // The deterministic projection of the same group, for comparison (only when it is the same plan).
    std::vector<double> chain_kept, chain_trust;
    const bool same_plan = !stale && projection && group.stakeholder >= 0 &&
                           static_cast<int>(projection->months.size()) == horizon + 1;
    if (same_plan)
        for (const MonthResult& m : projection->months) {
            chain_kept.push_back(m.stakeholders[static_cast<std::size_t>(group.stakeholder)].retained);
            chain_trust.push_back(m.stakeholders[static_cast<std::size_t>(group.stakeholder)].trust);
        }

    // Side by side; one under the other on a phone, where half the width is too small to read.
    if (!ImGui::BeginTable("simulation-charts", app.narrow() ? 1 : 2, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("Customers retained"));
    help_marker(tr("The share of simulated customers still there each month, with its 95% interval (+/- 1.96 standard "
                "errors). Each customer meets bad experiences at random; after k remembered ones they stay with "
                "chance exp(-(k/1.72)^1.665): 1 in 3 leave after one (PwC 2018). Dashed: the projection's exact "
                "Markov chain, which the simulation must match within 3 standard errors."));
    {
        Range range;
        range.add(kept_lo);
        range.add(chain_kept);
        range.hi = 1;
        range.lo = std::max(0.0, range.lo - 0.02);
        Plot plot;
        plot.begin("##sim-retention", ImVec2(0, em * 13), Axis(0, horizon, Format::months, plan.settings.start),
                   Axis(range.lo, range.hi, Format::percent));
        plot.band(tr("Simulated"), xs, kept_lo, kept_hi, with_alpha(series_colour(0), 0.2f));
        plot.line(tr("Simulated"), xs, kept, series_colour(0));
        if (same_plan) plot.line(tr("Projection"), xs, chain_kept, series_colour(1), 2.0f, true);
        plot.end();
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("Trust of the customers still there"));
    help_marker(tr("The spread of trust across simulated customers (0-100): the shaded fan runs from the 5th to the "
                "95th percentile, the line is the median. Customers differ because their good and bad experiences "
                "arrive at random (Poisson counts). Dashed: the projection's typical member, who counts every "
                "customer; the median can sit above it because those who had the most bad experiences have left."));
    {
        const std::vector<double> txs = while_any(xs), t05 = while_any(p05), t50 = while_any(p50), t95 = while_any(p95);
        Range range;
        range.add(t05);
        range.add(t95);
        range.add(chain_trust);
        range.lo = std::max(0.0, range.lo - 0.02);
        range.hi = std::min(1.0, range.hi + 0.02);
        Plot plot;
        plot.begin("##sim-trust", ImVec2(0, em * 13), Axis(0, horizon, Format::months, plan.settings.start),
                   Axis(range.lo, range.hi, Format::trust));
        plot.band(tr("5th to 95th percentile"), txs, t05, t95, with_alpha(series_colour(2), 0.22f));
        plot.line(tr("Median"), txs, t50, series_colour(2));
        plot.line("", txs, t05, with_alpha(series_colour(2), 0.5f), 1.0f);
        plot.line("", txs, t95, with_alpha(series_colour(2), 0.5f), 1.0f);
        if (same_plan) plot.line(tr("Projection"), xs, chain_trust, series_colour(1), 2.0f, true);
        plot.end();
    }
    if (last_with_customers < horizon) {
        const std::string gone = trf("Every simulated customer has left by %s: their trust is drawn until then.",
                                     month_label(last_with_customers + 1, plan.settings.start).c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", gone.c_str());
        ImGui::PopTextWrapPos();
        a11y::add_text(a11y::Role::text, gone);
    }
    ImGui::EndTable();

    const std::string at = trf("Trust at the horizon (%s)", month_label(horizon, plan.settings.start).c_str());
    ImGui::TextUnformatted(at.c_str());
    help_marker(tr("How the customers still there at the horizon spread over trust (0-100): the share of them in each "
                "band of the scale."));
    if (last_with_customers < horizon) {
        const char* nobody = tr("No simulated customer is still there at the horizon.");
        ImGui::TextDisabled("%s", nobody);
        a11y::add_text(a11y::Role::text, nobody);
    } else if (!group.histogram.empty()) {
        const double width = 1.0 / static_cast<double>(group.histogram.size());
        std::vector<double> hx, hy;
        Range range;
        range.add(0);
        for (std::size_t i = 0; i < group.histogram.size(); ++i) {
            hx.push_back((static_cast<double>(i) + 0.5) * width);
            hy.push_back(group.histogram[i]);
        }
        range.add(hy);
        Plot plot;
        Axis y(0, range.hi * 1.05, Format::percent);
        plot.begin("##sim-histogram", ImVec2(0, em * 12), Axis(0, 1, Format::trust), y);
        plot.columns(tr("Share of customers"), hx, hy, width, with_alpha(series_colour(0), 0.8f));
        plot.end();
    }
}

}  // namespace

void draw_simulation(App& app) {
    const Plan& plan = app.document().plan();
    AnalysisView& view = app.analysis_view();
    const float em = ImGui::GetFontSize();
    heading(tr("Simulation"));
    ImGui::TextWrapped("%s", tr("The projection follows a typical customer. The simulation follows each one: every customer "
                       "meets good and bad experiences at random, may leave after bad ones, and ends with their own "
                       "trust. It shows how far results can spread and checks the projection."));
    bool any_customers = false;
    for (const Stakeholder& s : plan.stakeholders) any_customers |= s.kind == StakeholderKind::customers;
    if (!any_customers) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr("The simulation needs a stakeholder group of kind 'customers'. Add one to run it."));
        return;
    }
    ImGui::SetNextItemWidth(em * 10);
    double customers = view.customers;
    if (number_field(tr("Customers per group"), customers, {.min = kFewestCustomers, .max = kMostCustomers, .format = "%.0f",
                                                            .whole = true, .speed = 100}))
        view.customers = static_cast<int>(customers);
    item_tooltip(tr("How many customers to simulate in each customer group. More customers: a narrower interval and a "
                 "longer run (the error shrinks with the square root of the number)."));
    // The limit is said before anyone types past it, with its reason: a silent cap reads as a bug.
    const std::string limit = trf("%s to %s customers per group: each customer is simulated one by one, on every core of "
                                  "this device; more would take minutes and narrow the interval very little.",
                                  format_number(kFewestCustomers).c_str(), format_number(kMostCustomers).c_str());
    if (!app.narrow()) ImGui::SameLine(0, em * 1.5f);  // a phone stacks them: side by side runs off the screen
    double seed = view.seed < 0 ? static_cast<double>(plan.settings.seed % 2147483647ull) : view.seed;
    ImGui::SetNextItemWidth(em * 8);
    if (number_field(tr("Seed"), seed, {.min = 0, .max = 2147483647, .format = "%.0f", .whole = true}))
        view.seed = static_cast<int>(seed);
    item_tooltip(tr("The random generator's starting point (from the plan's settings by default). The same seed gives the "
                 "same numbers, here and in the browser; change it to see another random draw."));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", limit.c_str());
    ImGui::PopTextWrapPos();
    a11y::add_text(a11y::Role::text, limit);

    const App::SimulationJob& job = app.simulation_job();
    if (job.is_running()) {
        if (progress_and_cancel(job.progress, tr("Stop the simulation (and any search running)."))) app.cancel_jobs();
    } else if (ImGui::Button(tr("Run simulation"))) {
        SimulationOptions options;
        options.customers = view.customers;
        options.seed = static_cast<std::uint64_t>(seed);
        app.start_simulation(options);
    }
    if (!job.is_running()) item_tooltip(tr("Simulate every customer of each customer group over the plan's horizon."));
    if (!job.result && !job.is_running()) {
        ImGui::Spacing();
        quiet_note(tr("Press Run simulation to see retention, the spread of trust and its distribution."));
    }
    ImGui::Spacing();
    draw_result(app, plan, app.projection());
}

}  // namespace fiducia::ui
