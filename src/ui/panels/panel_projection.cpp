// Trust month by month per group, with its 95% band and the measurements drawn on it; customers
// retained and revenue over time; and scenarios side by side (Trust Index lines and a table).
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::string scenario_name(const Plan& plan, const std::string& id) {
    if (id == "plan") return tr("Plan (enabled actions)");
    if (id == kNoActionsScenario) return tr("No actions (baseline)");
    for (const Scenario& s : plan.scenarios)
        if (s.id == id) return s.name.empty() ? s.id : s.name;
    return id;
}

void draw_trust_chart(App& app, const Plan& plan, const Projection& p) {
    AnalysisView& view = app.analysis_view();
    const float em = ImGui::GetFontSize();
    // Which groups to show.
    ImGui::TextDisabled("%s", tr("Show:"));
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        const std::string label = stakeholder_label(plan, g);
        ImGui::PushID(static_cast<int>(g));
        // Swatch, checkbox and name stay together; the row wraps where the next would run off the panel.
        same_line_if_fits(em * 1.45f + checkbox_width(label.c_str()));
        bool shown = !contains(view.hidden_groups, s.id);
        legend_swatch(series_colour(static_cast<int>(g)), true, series_dashed(static_cast<int>(g)));
        ImGui::SameLine(0, em * 0.25f);
        if (checkbox(label.c_str(), &shown)) {
            if (shown) std::erase(view.hidden_groups, s.id);
            else view.hidden_groups.push_back(s.id);
        }
        ImGui::PopID();
    }

    // One band at a time: overlapping 95% bands blend into a colour no group has.
    const char* pointer = tr("The group under the pointer");
    std::string chosen = pointer;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        if (plan.stakeholders[g].id == view.band_group) chosen = stakeholder_label(plan, g);
    if (chosen == pointer) view.band_group.clear();  // the group was deleted (or undone away)
    ImGui::SetNextItemWidth(em * 14);
    if (begin_combo(tr("Shaded band"), chosen.c_str())) {
        if (ImGui::Selectable(pointer, view.band_group.empty())) view.band_group.clear();
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            ImGui::PushID(static_cast<int>(g));
            if (ImGui::Selectable(stakeholder_label(plan, g).c_str(), view.band_group == plan.stakeholders[g].id))
                view.band_group = plan.stakeholders[g].id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    item_tooltip(tr("Whose 95% band is shaded. Overlapping bands would blend into a colour no group has, so one band "
                    "shows at a time: the group whose line is nearest the pointer, or the group chosen here."));
    TrustChartOptions options;
    options.before_measurements = app.projection_before_measurements();
    options.band_group = view.band_group;
    trust_over_time(plan, p, view.hidden_groups, em * 17, options);

    // CSAT, churn and other measurements are not trust: listed, not drawn.
    std::vector<const Observation*> others;
    for (const Observation& o : plan.observations)
        if (o.metric != Metric::trust_share && o.metric != Metric::nps) others.push_back(&o);
    if (!others.empty() && ImGui::TreeNode("other-measurements", tr("Other measurements (%d), not drawn"),
                                           static_cast<int>(others.size()))) {
        ImGui::TextWrapped("%s", tr("CSAT, churn and other figures measure satisfaction or leaving, not trust, and use "
                           "their own scales and definitions, so they are listed here rather than drawn on the "
                           "trust scale. Compare churn with the retention chart below with care: its definition "
                           "comes from the source."));
        if (ImGui::BeginTable("other-observations", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(tr("Group"), ImGuiTableColumnFlags_WidthStretch, 2);
            ImGui::TableSetupColumn(tr("Month"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn(tr("Measure"), ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn(tr("Value"), ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn(tr("Source"), ImGuiTableColumnFlags_WidthStretch, 4);
            ImGui::TableHeadersRow();
            for (const Observation* o : others) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                std::string who = o->stakeholder;
                for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
                    if (plan.stakeholders[g].id == o->stakeholder) who = stakeholder_label(plan, g);
                ImGui::TextUnformatted(who.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(month_label(o->month, plan.settings.start).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(metric_label(o->metric));
                ImGui::TableNextColumn();
                if (o->metric == Metric::churn) ImGui::TextUnformatted(format_percent(o->value).c_str());
                else ImGui::TextUnformatted(format_number(o->value, std::fabs(o->value) < 10 ? 2 : 0).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(o->source.c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
    }
}

void draw_retention_and_revenue(App& app, const Plan& plan, const Projection& p) {
    const float em = ImGui::GetFontSize();
    const std::vector<double> xs = month_axis(p);
    std::vector<std::size_t> customers;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        if (plan.stakeholders[g].kind == StakeholderKind::customers) customers.push_back(g);
    if (customers.empty()) {
        quiet_note(tr("No customer group in this plan: retention and revenue apply to groups of kind 'customers'."));
        return;
    }
    // On a phone the two charts stack, each the whole width.
    if (!ImGui::BeginTable("retention-revenue", app.narrow() ? 1 : 2, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("Customers retained"));
    help_marker(tr("The share of today's customers still there each month. Bad experiences arrive at each "
                "touchpoint's bad share; after k remembered bad experiences a customer stays with chance "
                "exp(-(k/1.72)^1.665): 1 in 3 leave after one (PwC 2018), 92% after three (quoted in the "
                "source material). Old bad experiences are forgotten at the forgetting rate."));
    {
        Range range;
        std::vector<std::vector<double>> lines;
        for (std::size_t g : customers) {
            std::vector<double> ys;
            for (const MonthResult& m : p.months) ys.push_back(m.stakeholders[g].retained);
            range.add(ys);
            lines.push_back(std::move(ys));
        }
        range.hi = 1;
        range.lo = std::max(0.0, range.lo - 0.02);
        Plot plot;
        plot.begin("##retention", ImVec2(0, em * 12), Axis(0, p.horizon_months, Format::months, plan.settings.start),
                   Axis(range.lo, range.hi, Format::percent));
        for (std::size_t i = 0; i < customers.size(); ++i)
            plot.line(stakeholder_label(plan, customers[i]), xs, lines[i], series_colour(static_cast<int>(customers[i])), 2.0f,
                      series_dashed(static_cast<int>(customers[i])));
        plot.end();
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("Revenue per month"));
    help_marker(tr("Revenue from the customers still there, each month: group size x share retained x revenue per "
                "customer per month (as actions change them). Summed over months 1 to the horizon it is the "
                "'revenue kept' of the dashboard."));
    {
        Range range;
        range.add(0);
        std::vector<std::vector<double>> lines;
        for (std::size_t g : customers) {
            std::vector<double> ys;
            for (const MonthResult& m : p.months) ys.push_back(m.stakeholders[g].revenue);
            range.add(ys);
            lines.push_back(std::move(ys));
        }
        Plot plot;
        plot.begin("##revenue", ImVec2(0, em * 12), Axis(0, p.horizon_months, Format::months, plan.settings.start),
                   Axis(range.lo, range.hi * 1.05, Format::money, plan.meta.currency));
        for (std::size_t i = 0; i < customers.size(); ++i)
            plot.line(stakeholder_label(plan, customers[i]), xs, lines[i], series_colour(static_cast<int>(customers[i])), 2.0f,
                      series_dashed(static_cast<int>(customers[i])));
        plot.end();
    }
    ImGui::EndTable();
}

double customers_kept(const Plan& plan, const Projection& p) {
    double kept = 0;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        if (plan.stakeholders[g].kind == StakeholderKind::customers && g < p.months.back().stakeholders.size())
            kept += p.months.back().stakeholders[g].size * p.months.back().stakeholders[g].retained;
    return kept;
}

void draw_scenarios(App& app, const Plan& plan, const Projection& current) {
    AnalysisView& view = app.analysis_view();
    const float em = ImGui::GetFontSize();
    if (!view.compared_initialised) {
        view.compared = {"plan", kNoActionsScenario};
        for (const Scenario& s : plan.scenarios) view.compared.push_back(s.id);
        view.compared_initialised = true;
    }
    // Drop scenarios the plan no longer has.
    std::erase_if(view.compared, [&](const std::string& id) {
        if (id == "plan" || id == kNoActionsScenario) return false;
        for (const Scenario& s : plan.scenarios)
            if (s.id == id) return false;
        return true;
    });
    std::vector<std::string> all = {"plan", kNoActionsScenario};
    for (const Scenario& s : plan.scenarios) all.push_back(s.id);
    ImGui::TextDisabled("%s", tr("Compare:"));
    for (std::size_t i = 0; i < all.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string name = scenario_name(plan, all[i]);
        same_line_if_fits(checkbox_width(name.c_str()));  // the row wraps inside the panel
        bool on = contains(view.compared, all[i]);
        if (checkbox(name.c_str(), &on)) {
            if (on) {
                // Keep the plan's order so colours stay put.
                std::vector<std::string> next;
                for (const std::string& id : all)
                    if (id == all[i] || contains(view.compared, id)) next.push_back(id);
                view.compared = next;
            } else {
                std::erase(view.compared, all[i]);
            }
        }
        if (all[i] == kNoActionsScenario) {
            item_tooltip(tr("The plan with every action off: where trust, customers and revenue go if you do nothing. "
                            "The gap to each scenario is what its actions buy."));
        } else if (i > 0) {
            const Scenario& s = plan.scenarios[i - 2];
            std::string names;
            for (std::size_t k = 0; k < s.actions.size(); ++k) names += (k ? ", " : "") + action_label(plan, s.actions[k]);
            const std::string tip = s.actions.empty() ? std::string(tr("Scenario: no action enabled."))
                                                      : trf("Scenario: only these actions enabled: %s", names.c_str());
            item_tooltip(tip.c_str());
        } else {
            item_tooltip(tr("The plan as it stands: the actions marked enabled."));
        }
        ImGui::PopID();
    }
    if (plan.scenarios.empty())
        quiet_note(tr("This plan has no scenarios yet: make named sets of actions in Scenarios to compare "
                                     "them here."));
    if (view.compared.empty()) return;

    // One projection per compared scenario, recomputed only when the plan or the choice changed.
    bool fresh = view.compared_revision == app.document().revision() &&
                 view.compared_projections.size() == view.compared.size();
    for (std::size_t i = 0; fresh && i < view.compared.size(); ++i)
        fresh = view.compared_projections[i].scenario == view.compared[i];
    if (!fresh) {
        view.compared_projections.clear();
        for (const std::string& id : view.compared) {
            if (id == "plan") {
                view.compared_projections.push_back(current);
                view.compared_projections.back().scenario = "plan";
            } else {
                ProjectionOptions options;
                options.scenario = id;
                view.compared_projections.push_back(project(plan, options));
                view.compared_projections.back().scenario = id;
            }
        }
        view.compared_revision = app.document().revision();
    }

    Range range;
    for (const Projection& p : view.compared_projections)
        for (const MonthResult& m : p.months) range.add(m.trust_index);
    range.lo = std::max(0.0, range.lo - 0.02);
    range.hi = std::min(1.0, range.hi + 0.02);
    Plot plot;
    plot.begin("##scenario-lines", ImVec2(0, em * 13), Axis(0, current.horizon_months, Format::months, plan.settings.start),
               Axis(range.lo, range.hi, Format::trust));
    for (std::size_t i = 0; i < view.compared.size(); ++i) {
        const Projection& p = view.compared_projections[i];
        std::vector<double> xs, ys;
        for (const MonthResult& m : p.months) {
            xs.push_back(m.month);
            ys.push_back(m.trust_index);
        }
        const int colour = static_cast<int>(std::find(all.begin(), all.end(), view.compared[i]) - all.begin());
        plot.line(scenario_name(plan, view.compared[i]), xs, ys, series_colour(colour), 2.0f, colour % 2 == 1);
    }
    plot.end();

    const std::string& cur = plan.meta.currency;
    const TableBox box = table_box(ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp, 40,
                                   view.compared.size());  // a phone scrolls it sideways
    if (!ImGui::BeginTable("scenario-table", 6, box.flags, box.outer, box.inner_width)) return;
    ImGui::TableSetupColumn(tr("Scenario"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn(tr("Trust Index at horizon"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr("vs plan"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Customers kept"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr("Revenue kept"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr("Cost of actions"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    const double plan_index = current.months.back().trust_index;
    for (std::size_t i = 0; i < view.compared.size(); ++i) {
        const Projection& p = view.compared_projections[i];
        const double ti = p.months.back().trust_index;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const int colour = static_cast<int>(std::find(all.begin(), all.end(), view.compared[i]) - all.begin());
        legend_swatch(series_colour(colour), true, colour % 2 == 1);  // dashed as its line
        ImGui::SameLine();
        ImGui::TextUnformatted(scenario_name(plan, view.compared[i]).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_trust(ti).c_str());
        item_tooltip(tr("The Trust Index at the horizon (0-100) with this scenario's actions."));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, trend_colour(ti - plan_index));
        ImGui::TextUnformatted(view.compared[i] == "plan" ? "-" : trend_text(ti - plan_index).c_str());
        ImGui::PopStyleColor();
        item_tooltip(tr("Trust Index points above or below the plan as it stands (its enabled actions)."));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(customers_kept(plan, p)).c_str());
        item_tooltip(tr("Customers still there at the horizon (PwC 2018 leaving rule, see Customers retained)."));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(p.revenue_kept, cur).c_str());
        item_tooltip(tr("Revenue from customers still there, months 1 to the horizon."));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(p.total_cost, cur).c_str());
        item_tooltip(tr("One-off plus monthly costs of the scenario's actions, from each one's start to the horizon."));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_projection(App& app) {
    const Plan& plan = app.document().plan();
    const Projection* projection = app.projection();
    heading(tr("Projection"));
    if (!projection || projection->months.empty() || plan.stakeholders.empty() ||
        projection->months.front().stakeholders.size() != plan.stakeholders.size()) {
        ImGui::TextWrapped("%s", tr("Add a stakeholder group to see its trust month by month."));
        return;
    }
    quiet_note(tr("Month 0 is today; the plan's enabled actions apply from their start month."));
    chart::subheading(tr("Trust over time"),
                      tr("Each group's trust (0-100) month by month, with its 95% band (shaded), and the Trust Index "
                      "(dashed). Dots: measured trust shares; diamonds: NPS mapped onto the same scale. Hover the "
                      "chart for each month's values."));
    draw_trust_chart(app, plan, *projection);
    chart::subheading(tr("Customers and revenue"));
    draw_retention_and_revenue(app, plan, *projection);
    chart::subheading(tr("Scenarios side by side"),
                      tr("A scenario is a named set of actions. Each line is the Trust Index with that set enabled "
                      "(and no other action); the table compares them at the horizon."));
    draw_scenarios(app, plan, *projection);
}

}  // namespace fiducia::ui
