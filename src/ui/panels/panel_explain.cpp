// Why a group's trust is what it is: a waterfall from the base rate through every source's
// contribution (largest first) to the trust score, for a chosen group and month. Exact (MODEL.md).
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui/platform/theme.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

}  // namespace

void draw_explain(App& app) {
    const Plan& plan = app.document().plan();
    const Projection* projection = app.projection();
    AnalysisView& view = app.analysis_view();
    heading(tr("Explain a score"));
    if (!projection || projection->months.empty() || plan.stakeholders.empty() ||
        projection->months.front().stakeholders.size() != plan.stakeholders.size()) {
        ImGui::TextWrapped("%s", tr("Add a stakeholder group to see what its trust is made of."));
        return;
    }
    const Projection& p = *projection;
    const float em = ImGui::GetFontSize();

    // The group and month.
    std::size_t group = 0;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        if (plan.stakeholders[g].id == view.explain_group) group = g;
    view.explain_group = plan.stakeholders[group].id;
    if (view.explain_month < 0 || view.explain_month > p.horizon_months) view.explain_month = p.horizon_months;
    ImGui::SetNextItemWidth(em * 16);
    if (begin_combo(tr("Group"), stakeholder_label(plan, group).c_str())) {
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            ImGui::PushID(static_cast<int>(g));
            if (ImGui::Selectable(stakeholder_label(plan, g).c_str(), g == group)) view.explain_group = plan.stakeholders[g].id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    item_tooltip(tr("The stakeholder group whose trust is explained."));
    if (ImGui::GetItemRectMax().x + em * 1.5f + em * 16 + label_beside(tr("Month")) <=
        ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x)  // beside the group where it fits
        ImGui::SameLine(0, em * 1.5f);
    fit_next_item_width(16, label_beside(tr("Month")));
    const std::string shown = month_label(view.explain_month, plan.settings.start);
    const std::string label = view.explain_month == 0 ? trf("%s (today)", shown.c_str())
                              : view.explain_month == p.horizon_months ? trf("%s (horizon)", shown.c_str()) : shown;
    double month_shown = view.explain_month;
    if (number_field(tr("Month"), month_shown, {.min = 0, .max = double(p.horizon_months), .format = "%.0f", .whole = true,
                                                .bar = true, .bar_text = label.c_str()}))
        view.explain_month = static_cast<int>(month_shown);
    item_tooltip(tr("Month 0 is today; drag to see how the sources add up at any month up to the horizon."));

    const std::size_t month = static_cast<std::size_t>(std::clamp(view.explain_month, 0, p.horizon_months));
    if (month >= p.explanation.size() || group >= p.explanation[month].size()) return;
    const StakeholderMonth& sm = p.months[month].stakeholders[group];

    ImGui::Spacing();
    ImGui::PushFont(heading_font());
    ImGui::Text("%s", format_trust(sm.trust).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextWrapped(tr("is the trust of %s in %s: its base rate plus the contribution of every source of evidence, "
                       "largest first. Blue raises trust, orange lowers it."),
                       stakeholder_label(plan, group).c_str(), month_label(static_cast<int>(month), plan.settings.start).c_str());

    const BarChart chart = waterfall_chart(plan, p, group, month);
    bar_chart("##waterfall", chart);

    chart::subheading(tr("Per dimension"), tr("The same group and month, dimension by dimension (Mayer et al. 1995)."));
    const TableBox box = table_box(ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH, 34,
                                   kDimensions);  // a phone scrolls it sideways
    if (ImGui::BeginTable("dimensions", 5, box.flags, box.outer, box.inner_width)) {
        ImGui::TableSetupColumn(tr("Dimension"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn(tr("The group believes that..."), ImGuiTableColumnFlags_WidthStretch, 4.0f);
        ImGui::TableSetupColumn(tr("Weight"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("Trust"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("Uncertainty"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        double sum = 0;
        for (double w : plan.stakeholders[group].weights) sum += std::max(0.0, w);
        for (int d = 0; d < kDimensions; ++d) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(dimension_name(d));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(dimension_meaning(d));
            ImGui::TableNextColumn();
            const double w = sum > 0 ? std::max(0.0, plan.stakeholders[group].weights[static_cast<std::size_t>(d)]) / sum : 0.2;
            ImGui::TextUnformatted(format_percent(w, 0).c_str());
            item_tooltip(tr("How much this dimension counts in the group's trust (its weights, made to add up to 100%)."));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_trust(sm.dimensions[static_cast<std::size_t>(d)].trust).c_str());
            item_tooltip(tr("Projected trust on this dimension, 0-100: (r + W a) / (r + nu s + W)."));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_percent(sm.dimensions[static_cast<std::size_t>(d)].uncertainty, 0).c_str());
            item_tooltip(tr("Uncertainty u = W / (r + nu s + W): how much of the score is still the base rate for lack "
                         "of evidence (Josang's Subjective Logic)."));
        }
        ImGui::EndTable();
    }
}

}  // namespace fiducia::ui
