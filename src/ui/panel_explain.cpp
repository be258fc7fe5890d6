// Why a group's trust is what it is: a waterfall from the base rate through every source's
// contribution (largest first) to the trust score, for a chosen group and month. Exact (MODEL.md).
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/chart.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

std::string source_kind(const std::string& source) {
    if (source == "base_rate")
        return tr("Trust before any evidence: the group's base rate (its propensity to trust, Mayer et al. 1995), "
               "weighted by the prior weight W.");
    if (source == "peers")
        return tr("Peer reviews: the star rating read by a share of the group moves its base rate (people trust "
               "'people like me', Edelman Trust Barometer).");
    if (source == "culture")
        return tr("Culture: empowered staff fix service problems, and employees judge whether the company trusts "
               "and rewards them.");
    if (source.rfind("touchpoint:", 0) == 0)
        return tr("A touchpoint: its good experiences add evidence, its bad ones take away three times as much by "
               "default (Slovic 1993).");
    if (source.rfind("commitment:", 0) == 0)
        return tr("A commitment: kept occasions are evidence the organisation keeps its promises; broken public "
               "ones count double.");
    if (source.rfind("knowledge_source:", 0) == 0)
        return tr("A knowledge source: its consistent messages are evidence of honesty, inconsistent ones against; "
               "its knowledge also makes advice and empathy land better (personalisation).");
    return "";
}

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
    if (ImGui::BeginCombo(tr("Group"), stakeholder_label(plan, group).c_str())) {
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            ImGui::PushID(static_cast<int>(g));
            if (ImGui::Selectable(stakeholder_label(plan, g).c_str(), g == group)) view.explain_group = plan.stakeholders[g].id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    item_tooltip(tr("The stakeholder group whose trust is explained."));
    ImGui::SameLine(0, em * 1.5f);
    ImGui::SetNextItemWidth(em * 16);
    const std::string shown = month_label(view.explain_month, plan.settings.start);
    const std::string label = view.explain_month == 0 ? trf("%s (today)", shown.c_str())
                              : view.explain_month == p.horizon_months ? trf("%s (horizon)", shown.c_str()) : shown;
    ImGui::SliderInt(tr("Month"), &view.explain_month, 0, p.horizon_months, label.c_str(), ImGuiSliderFlags_AlwaysClamp);
    item_tooltip(tr("Month 0 is today; drag to see how the sources add up at any month up to the horizon."));

    const std::size_t month = static_cast<std::size_t>(std::clamp(view.explain_month, 0, p.horizon_months));
    if (month >= p.explanation.size() || group >= p.explanation[month].size()) return;
    const StakeholderMonth& sm = p.months[month].stakeholders[group];
    const std::vector<WaterfallStep> steps = waterfall(p.explanation[month][group]);

    ImGui::Spacing();
    ImGui::PushFont(heading_font());
    ImGui::Text("%s", format_trust(sm.trust).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextWrapped(tr("is the trust of %s in %s: its base rate plus the contribution of every source of evidence, "
                       "largest first. Blue raises trust, orange lowers it."),
                       stakeholder_label(plan, group).c_str(), month_label(static_cast<int>(month), plan.settings.start).c_str());

    Range range;
    for (const WaterfallStep& s : steps) {
        range.add(s.to);
        if (s.source != "base_rate") range.add(s.from);
    }
    range.add(sm.trust);
    const double pad = std::max(0.01, (range.hi - range.lo) * 0.05);
    BarChart chart;
    chart.connect = true;
    chart.x = Axis(std::max(0.0, range.lo - pad), std::min(1.0, range.hi + pad), Format::trust);
    for (const WaterfallStep& s : steps) {
        BarRow row;
        const bool base = s.source == "base_rate";
        row.label = source_label(plan, s.source);
        row.bars.push_back({s.from, s.to, base ? neutral_colour() : (s.value >= 0 ? up_colour() : down_colour())});
        row.value_text = base ? format_trust(s.value) : format_points(s.value);
        row.tooltip = (base ? trf("Starts at %s.", format_trust(s.value).c_str())
                            : trf("%s points, from %s to %s.", format_points(s.value).c_str(), format_trust(s.from).c_str(),
                                  format_trust(s.to).c_str())) +
                      "\n" + source_kind(s.source);
        chart.rows.push_back(row);
    }
    BarRow total;
    total.label = trf("Trust of %s", stakeholder_label(plan, group).c_str());
    total.strong = true;
    total.bars.push_back({0, sm.trust, series_colour(static_cast<int>(group))});
    total.value_text = format_trust(sm.trust);
    total.tooltip = trf("The sum of the bars above, exactly: each source's share is omega_d (r_i (1 - a) - nu s_i a) / n "
                        "(MODEL.md, after Josang & Ismail 2002). 95%% band %s to %s.", format_trust(sm.band_low).c_str(),
                        format_trust(sm.band_high).c_str());
    chart.rows.push_back(total);
    bar_chart("##waterfall", chart);

    chart::subheading(tr("Per dimension"), tr("The same group and month, dimension by dimension (Mayer et al. 1995)."));
    if (ImGui::BeginTable("dimensions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
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
