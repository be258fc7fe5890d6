// The plan at a glance, readable in a minute: the Trust Index now and at the horizon, customers and
// revenue kept, trust per group with its band, a group x dimension heatmap, and the top drivers.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

// Each source's contribution to the Trust Index at a month: importance-weighted over the groups.
std::vector<Contribution> index_drivers(const Plan& plan, const Projection& p, std::size_t month) {
    double total_weight = 0;
    for (const Stakeholder& s : plan.stakeholders) total_weight += std::max(0.0, s.importance);
    std::map<std::pair<ContributionKind, std::string>, std::size_t> at;  // source -> its place in `out`
    std::vector<Contribution> out;
    if (total_weight <= 0 || month >= p.explanation.size()) return {};
    for (std::size_t g = 0; g < plan.stakeholders.size() && g < p.explanation[month].size(); ++g) {
        const double w = std::max(0.0, plan.stakeholders[g].importance) / total_weight;
        for (const Contribution& c : p.explanation[month][g]) {
            if (c.kind == ContributionKind::base_rate) continue;
            const auto [it, added] = at.try_emplace({c.kind, c.id}, out.size());
            if (added) out.push_back({c.kind, c.id, 0.0});
            out[it->second].value += w * c.value;
        }
    }
    return out;
}

void draw_figures(App& app, const Plan& plan, const Projection& p) {
    const MonthResult& now = p.months.front();
    const MonthResult& end = p.months.back();
    const std::string horizon = month_label(p.horizon_months, plan.settings.start);
    const std::string& currency = plan.meta.currency;
    const presentation::CustomerTotals customers = presentation::customer_totals(plan, p);
    const ImGuiTableFlags layout = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV;
    // On a phone the four figures stack, one under the other.
    if (!ImGui::BeginTable("key-figures", app.narrow() ? 1 : 4, layout)) return;
    ImGui::TableNextColumn();
    key_figure(tr("Trust Index today"), format_trust(now.trust_index), tr("out of 100"), ImGui::GetColorU32(ImGuiCol_TextDisabled),
               tr("The organisation's Trust Index now (month 0), 0-100: the importance-weighted average of every "
               "stakeholder group's trust. Each group's trust is the share of its evidence that is good, "
               "pulled toward its base rate (Beta reputation, Josang & Ismail 2002), weighted over five "
               "dimensions (Mayer et al. 1995). Like Edelman's Trust Index, 50 or more means more trust "
               "than distrust."));
    ImGui::TableNextColumn();
    const std::string at = trf("Trust Index in %s", horizon.c_str());
    const std::string change = trf("%s points", trend_text(end.trust_index - now.trust_index).c_str());
    key_figure(at.c_str(), format_trust(end.trust_index), change, trend_colour(end.trust_index - now.trust_index),
               tr("The Trust Index at the plan's horizon, with the plan's enabled actions, and its change from "
               "today. Bad experiences weigh 3 good ones by default (Slovic 1993: trust is lost faster than "
               "it is won); old evidence fades by the forgetting factor each month."));
    ImGui::TableNextColumn();
    if (customers.any) {
        const double share = customers.size > 0 ? customers.kept / customers.size : 1;
        key_figure(tr("Customers kept"), format_number(customers.kept), trf("%s still there in %s", format_percent(share).c_str(), horizon.c_str()),
                   ImGui::GetColorU32(ImGuiCol_TextDisabled),
                   tr("Customers of today's customer groups still there at the horizon. Each bad experience a "
                   "customer remembers makes leaving likelier: 1 in 3 leave after one (PwC 2018, 15,000 "
                   "people), and 92% after three, a figure quoted in the source material. Customers forget "
                   "old bad experiences at the forgetting rate."));
    } else {
        key_figure(tr("Customers kept"), "-", tr("no customer group in this plan"), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                   tr("Customers lost to bad experiences are counted for groups of kind 'customers'."));
    }
    ImGui::TableNextColumn();
    if (customers.any) {
        const std::string detail = trf("lost to bad experiences: %s", format_money(customers.revenue_lost, currency).c_str());
        key_figure(tr("Revenue kept"), format_money(p.revenue_kept, currency), detail, down_colour(),
                   tr("Revenue from customers still there, summed over months 1 to the horizon (size x share "
                   "retained x revenue per customer per month). 'Lost' is what the customers who left after "
                   "bad experiences would have brought in the same months. Trust is managed like any other "
                   "driver of business value."));
    } else {
        key_figure(tr("Revenue kept"), "-", "", 0, tr("Needs a customer group with revenue per month."));
    }
    ImGui::EndTable();
    const double enabled_cost = p.total_cost;
    int enabled = 0;
    for (const Action& a : plan.actions) enabled += a.enabled ? 1 : 0;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    if (plan.actions.empty())
        ImGui::TextWrapped("%s", tr("No actions in this plan yet: the figures show today's operations carried on."));
    else
        ImGui::TextWrapped("%s", trf("With %d of %d actions enabled, costing %s over the horizon.", enabled,
                                     static_cast<int>(plan.actions.size()), format_money(enabled_cost, currency).c_str()).c_str());
    ImGui::PopStyleColor();
}

void draw_group_table(const Plan& plan, const Projection& p, float width) {
    const MonthResult& now = p.months.front();
    const MonthResult& end = p.months.back();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("groups", 5, flags, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn(tr("Group"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr("Today"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr("Horizon"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr("Change"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr("95% band at horizon"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    for (std::size_t g = 0; g < plan.stakeholders.size() && g < end.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        const StakeholderMonth& a = now.stakeholders[g];
        const StakeholderMonth& b = end.stakeholders[g];
        ImGui::PushID(static_cast<int>(g));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cell_text(stakeholder_label(plan, g));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip))
            set_tooltip(tr("%s: %s, %s people, importance %.2g in the Trust Index"), stakeholder_label(plan, g).c_str(),
                              kStakeholderKindIds[static_cast<int>(s.kind)], format_number(s.size).c_str(), s.importance);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_trust(a.trust).c_str());
        item_tooltip(tr("This group's trust today (0-100): the dimension scores weighted by what matters to the group."));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_trust(b.trust).c_str());
        item_tooltip(tr("This group's trust at the horizon, with the plan's enabled actions."));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, trend_colour(b.trust - a.trust));
        ImGui::TextUnformatted(trend_text(b.trust - a.trust).c_str());
        ImGui::PopStyleColor();
        item_tooltip(tr("Change in trust points from today to the horizon."));
        ImGui::TableNextColumn();
        range_bar("##band", b.trust, b.band_low, b.band_high, a.trust, ImGui::GetContentRegionAvail().x * 0.55f);
        const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip);
        ImGui::SameLine();
        ImGui::TextDisabled("%s-%s", format_trust(b.band_low).c_str(), format_trust(b.band_high).c_str());
        if (hovered || ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) {
            begin_tooltip();
            ImGui::Text(tr("At the horizon: %s, 95%% band %s to %s. Hollow mark: today (%s)."), format_trust(b.trust).c_str(),
                        format_trust(b.band_low).c_str(), format_trust(b.band_high).c_str(), format_trust(a.trust).c_str());
            ImGui::TextUnformatted(tr("The band is how sure the model is, from how much evidence there is: trust +/- 1.96 "
                                   "standard deviations of the Beta estimate (Josang & Ismail 2002). More evidence "
                                   "narrows it."));
            end_tooltip();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_heatmap(App& app, const Plan& plan, const Projection& p) {
    AnalysisView& view = app.analysis_view();
    const int month = view.heatmap_at_horizon ? p.horizon_months : 0;
    const MonthResult& mr = p.months[view.heatmap_at_horizon ? p.months.size() - 1 : 0];
    if (ImGui::RadioButton(tr("Today"), !view.heatmap_at_horizon)) view.heatmap_at_horizon = false;
    ImGui::SameLine();
    const std::string at = trf("In %s", month_label(p.horizon_months, plan.settings.start).c_str());
    if (ImGui::RadioButton(at.c_str(), view.heatmap_at_horizon)) view.heatmap_at_horizon = true;
    Heatmap map;
    for (int d = 0; d < kDimensions; ++d) {
        map.columns.push_back(dimension_name(d));
        map.column_tips.push_back(trf("%s: the stakeholder believes that %s. Mayer et al. (1995): %s.", dimension_name(d),
                                      dimension_meaning(d), dimension_family(d)));
    }
    for (std::size_t g = 0; g < plan.stakeholders.size() && g < mr.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        map.rows.push_back(stakeholder_label(plan, g));
        double sum = 0;
        for (double w : s.weights) sum += std::max(0.0, w);
        for (int d = 0; d < kDimensions; ++d) {
            const double weight = sum > 0 ? std::max(0.0, s.weights[static_cast<std::size_t>(d)]) / sum : 0.2;
            const DimensionResult& r = mr.stakeholders[g].dimensions[static_cast<std::size_t>(d)];
            map.values.push_back(weight > 0 ? r.trust : std::nan(""));
            std::string tip = map.rows.back() + ", " + dimension_name(d) + " (" + month_label(month, plan.settings.start) + "): ";
            if (weight > 0)
                tip += trf("%s, counting %s of this group's trust. Uncertainty %s (the share of the score that is "
                           "still the base rate: W / (r + nu s + W), Josang's Subjective Logic).",
                           format_trust(r.trust).c_str(), format_percent(weight, 0).c_str(),
                           format_percent(r.uncertainty, 0).c_str());
            else
                tip += tr("this group gives the dimension no weight, so it does not count for its trust.");
            map.tooltips.push_back(tip);
        }
    }
    heatmap("##dimension-heatmap", map);
}

void draw_drivers(const Plan& plan, const Projection& p) {
    auto drivers = index_drivers(plan, p, p.months.size() - 1);
    std::stable_sort(drivers.begin(), drivers.end(), [](const auto& a, const auto& b) { return a.value > b.value; });
    std::vector<Contribution> up, down;
    for (const auto& d : drivers)
        if (d.value > 0 && up.size() < 3) up.push_back(d);
    for (auto it = drivers.rbegin(); it != drivers.rend(); ++it)
        if (it->value < 0 && down.size() < 3) down.push_back(*it);
    for (int side = 0; side < 2; ++side) {
        const auto& list = side == 0 ? up : down;
        ImGui::TextUnformatted(side == 0 ? tr("Raising trust most") : tr("Lowering trust most"));
        if (list.empty()) {
            quiet_note(side == 0 ? tr("Nothing raises trust above the base rates.") : tr("Nothing lowers trust."));
            continue;
        }
        BarChart chart;
        double top = 0;
        for (const auto& d : list) top = std::max(top, std::fabs(d.value));
        chart.x = side == 0 ? Axis{0, top, Format::trust} : Axis{-top, 0, Format::trust};
        for (const auto& d : list) {
            BarRow row;
            row.label = source_label(plan, d.kind, d.id);
            row.bars.push_back({0, d.value, side == 0 ? up_colour() : down_colour()});
            row.value_text = format_points(d.value);
            row.tooltip = trf("%s points of the Trust Index at the horizon come from this source, weighted over the "
                              "groups by importance. The explanation is exact: the base rates plus every source's "
                              "contribution add up to the Trust Index (see Explain).", format_points(d.value).c_str());
            chart.rows.push_back(row);
        }
        bar_chart(side == 0 ? "##drivers-up" : "##drivers-down", chart);
    }
}

}  // namespace

void draw_dashboard(App& app) {
    const Plan& plan = app.document().plan();
    const Projection* projection = app.projection();
    heading(plan.meta.title.empty() ? tr("Untitled plan") : plan.meta.title.c_str());
    if (!plan.meta.organisation.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", plan.meta.organisation.c_str());
        ImGui::PopStyleColor();
    }
    if (plan.stakeholders.empty() || !projection || projection->months.empty() ||
        projection->months.front().stakeholders.size() != plan.stakeholders.size()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr("This plan has no stakeholder groups yet. Add the groups whose trust you manage "
                           "(customers, employees, partners, investors, community) in the plan editors: their "
                           "trust today and at the horizon, per dimension, will show here."));
        return;
    }
    const Projection& p = *projection;
    ImGui::Spacing();
    draw_figures(app, plan, p);

    subheading(tr("Trust per stakeholder group"),
               tr("Each group's trust today and at the horizon (0-100), the change, and the 95% band at the horizon."));
    // Narrower than its columns need, the table scrolls sideways instead of squeezing them.
    const float table_width = ImGui::GetFontSize() * 34;
    if (ImGui::GetContentRegionAvail().x < table_width) {
        // "Always": 1.90.1's auto height leaves out a scrollbar it did not foresee, hiding the last row.
        ImGui::BeginChild("groups-scroll", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_AlwaysHorizontalScrollbar);
        draw_group_table(plan, p, table_width);
        ImGui::EndChild();
    } else {
        draw_group_table(plan, p, 0);
    }

    auto dimensions = [&] {
        subheading(tr("Trust per dimension"),
                   tr("Each group's trust on the five dimensions (0-100). Blue: more trust than distrust; orange: "
                   "less (50 is the midpoint, as on Edelman's 9-point scale where 6-9 counts as trust). A dash: "
                   "the group gives that dimension no weight."));
        draw_heatmap(app, plan, p);
    };
    auto drivers = [&] {
        subheading(tr("What drives the Trust Index at the horizon"),
                   tr("The three sources adding most to the Trust Index and the three taking most away, at the "
                   "horizon, weighted over the groups by importance. Open Explain for any group and month."));
        draw_drivers(plan, p);
    };
    if (app.narrow()) {  // a phone: one under the other, each the whole width
        dimensions();
        drivers();
    } else if (ImGui::BeginTable("dashboard-layout", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, 1.15f);
        ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextColumn();
        dimensions();
        ImGui::TableNextColumn();
        drivers();
        ImGui::EndTable();
    }
}

}  // namespace fiducia::ui
