// Measurements: what was actually measured (survey trust share, NPS, CSAT, churn), by group and
// month, to set next to the projection. A table: add, edit and delete rows; a second tab sets the
// projection beside the measurements (backtest) and offers each group's fitted base rate.
#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/survey_import.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

const char* kMetricTips = tr_noop(
    "What was measured. Trust share: the share answering 6-9 on the 9-point trust scale (Edelman Trust Barometer), "
    "drawn on the projection as it is. NPS: promoters (9-10) minus detractors (0-6), -100 to 100 (Reichheld 2003). "
    "CSAT: a satisfaction score. Churn: the share of customers who left. Other: anything else worth keeping.");

bool share_metric(Metric m) { return m == Metric::trust_share || m == Metric::churn; }

void draw_row(App& app, const Plan& plan, std::size_t i) {
    const Observation& o = plan.observations[i];
    const std::string at = "/observations/" + std::to_string(i);
    auto edit = [i](Plan& p) -> Observation& { return p.observations[i]; };
    const float em = ImGui::GetFontSize();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    combo_stakeholder(app, "##group", o.stakeholder, tr("The stakeholder group that was measured."),
                      [edit](Plan& p, const std::string& v) { edit(p).stakeholder = v; });
    pointer_error(app, at + "/stakeholder");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    edit_int(app, "##month", o.month, 0, std::max(0, plan.settings.horizon_months),
             tr("The month it was measured: 0 = today (the plan's starting point), up to the horizon."),
             [edit](Plan& p, int v) { edit(p).month = v; });
    pointer_error(app, at + "/month");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    static const char* metrics[5];
    for (int m = 0; m < 5; ++m) metrics[m] = metric_label(static_cast<Metric>(m));
    combo_index(app, "##metric", static_cast<int>(o.metric), metrics, 5, tr(kMetricTips), [edit](Plan& p, int v) {
        Observation& ob = edit(p);
        ob.metric = static_cast<Metric>(v);
        if (share_metric(ob.metric) && (ob.value > 1 || ob.value < 0))  // e.g. 45 (NPS) -> 45%
            ob.value = ob.value > 1 && ob.value <= 100 ? ob.value / 100 : 0;
    });
    pointer_error(app, at + "/metric");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (share_metric(o.metric)) {
        edit_share(app, "##value", o.value,
                   o.metric == Metric::trust_share ? tr("The share trusting (6-9 on the 9-point scale), 0-100%.")
                                                   : tr("The share of the group who left in the period, 0-100%."),
                   [edit](Plan& p, double v) { edit(p).value = v; });
    } else if (o.metric == Metric::nps) {
        edit_number(app, "##value", o.value, -100, 100, "%.1f", tr("Net Promoter Score, -100 to 100."),
                    [edit](Plan& p, double v) { edit(p).value = v; });
    } else {
        edit_number(app, "##value", o.value, -1e9, 1e9, "%.2f", tr("The measured value, on the scale of its source."),
                    [edit](Plan& p, double v) { edit(p).value = v; });
    }
    pointer_error(app, at + "/value");
    ImGui::TableNextColumn();
    edit_bool(app, "##has-n", o.n.has_value(), tr("Tick to record the sample size (how many people answered)."),
              [edit](Plan& p, bool v) {
                  if (v) edit(p).n = 100.0;
                  else edit(p).n.reset();
              });
    if (o.n) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::SetNextItemWidth(-FLT_MIN);
        edit_field(app, observation_fields(), "n", o, at, edit);
    }
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    edit_text(app, "##source", o.source, tr("Where the figure comes from, e.g. \"Brand tracker, wave 3\"."),
              [edit](Plan& p, const std::string& v) { edit(p).source = v; });
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(app.document().read_only());
    if (ImGui::Button(tr("Delete"))) {
        auto& list = app.document().begin_edit().observations;
        if (i < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Delete this measurement (Ctrl+Z brings it back)."));
    (void)em;
}

// Writes the fitted base rates of these groups (one, or all) as one undo step.
void use_fitted(App& app, const Calibration& c, const std::string& only) {
    Calibration chosen;
    for (const CalibratedGroup& g : c.groups)
        if (only.empty() || g.stakeholder == only) chosen.groups.push_back(g);
    apply_calibration(app.document().begin_edit(), chosen);
}

void draw_model_against_measurements(App& app) {
    const Calibration* c = app.calibration();
    if (!c) return;
    const Calibration calibration = *c;  // a copy: the buttons below change the plan it was made from
    const Plan& plan = app.document().plan();
    quiet_note(tr("Each measured trust share beside the projection of the plan as it stands, and the base rate "
                  "that would make each group's projection fit its measurements best."));
    if (calibration.backtest.empty()) {
        quiet_note(tr("No trust share measured yet between month 0 and the horizon: nothing to compare."));
        return;
    }
    std::size_t inside = 0;
    for (const BacktestPoint& b : calibration.backtest) inside += b.inside;
    ImGui::TextUnformatted(trf("Backtest: %d of %d measurements lie inside the projection's 95%% band (%s).",
                               static_cast<int>(inside), static_cast<int>(calibration.backtest.size()),
                               chart::format_percent(calibration.coverage.value_or(0), 0).c_str())
                               .c_str());
    help_marker(tr("A 95% band should hold about 95 of 100 measurements. Far fewer means the plan is surer than "
                   "the measurements allow, or its inputs are off: see the fitted base rates below."));

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    ImGui::SeparatorText(tr("Fitted base rates"));
    const bool editable = !app.document().read_only();
    const TableBox box = table_box(flags, 40, calibration.groups.size());  // a phone scrolls it sideways
    if (ImGui::BeginTable("calibration", 6, box.flags, box.outer, box.inner_width)) {
        ImGui::TableSetupColumn(tr("Group"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableSetupColumn(tr("Base rate"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(tr("Fitted"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(tr("Measurements"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(tr("Error now / fitted"), ImGuiTableColumnFlags_WidthStretch, 1.8f);
        ImGui::TableSetupColumn("##use", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableHeadersRow();
        for (const CalibratedGroup& g : calibration.groups) {
            ImGui::PushID(g.stakeholder.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(stakeholder_name(plan, g.stakeholder));
            if (g.at_bound()) {
                field_error(trf("The best fit sits at %s, the end of the range: the plan's evidence, not its base rate, "
                                "disagrees with the measurements. Check this group's touchpoints, commitments and knowledge.",
                                chart::format_percent(g.base_rate_after, 0).c_str()));
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::format_percent(g.base_rate_before).c_str());
            item_tooltip(tr("The group's base rate in the plan (Stakeholders)."));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::format_percent(g.base_rate_after).c_str());
            item_tooltip(tr("The base rate, 1-99%, whose projection comes closest to this group's measured trust shares "
                            "(least squares, each survey weighted by its sample size; docs/MODEL.md \"Calibration and backtest\")."));
            ImGui::TableNextColumn();
            ImGui::Text("%d", g.observations);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((chart::format_number(g.rmse_before * 100, 1) + " / " +
                                    chart::format_number(g.rmse_after * 100, 1)).c_str());
            item_tooltip(tr("How far the projection is from the measurements on average, in points of trust (root mean "
                            "square), with the base rate now and with the fitted one."));
            ImGui::TableNextColumn();
            const bool same = std::abs(g.base_rate_after - g.base_rate_before) < 5e-4;
            ImGui::BeginDisabled(!editable || same);
            const std::string label = trf("Use %s", chart::format_percent(g.base_rate_after).c_str()) + "##calibrate/" + g.stakeholder;
            if (ImGui::Button(label.c_str())) use_fitted(app, calibration, g.stakeholder);
            ImGui::EndDisabled();
            item_tooltip(same ? tr("The base rate already fits.")
                              : tr("Set this group's base rate to the fitted one (Ctrl+Z undoes it)."));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    std::size_t changing = 0;
    for (const CalibratedGroup& g : calibration.groups) changing += std::abs(g.base_rate_after - g.base_rate_before) >= 5e-4;
    if (calibration.groups.size() > 1) {
        ImGui::BeginDisabled(!editable || changing == 0);
        if (ImGui::Button(tr("Use every fitted base rate"))) use_fitted(app, calibration, "");
        ImGui::EndDisabled();
        item_tooltip(tr("Set every group's base rate above to its fitted one, as one step (Ctrl+Z undoes it)."));
    }

    ImGui::SeparatorText(tr("Backtest"));
    const float backtest_width = ImGui::GetFontSize() * 36;
    const bool backtest_sideways = ImGui::GetContentRegionAvail().x < backtest_width;  // a phone: it scrolls sideways too
    if (ImGui::BeginTable("backtest", 6, flags | ImGuiTableFlags_ScrollY | (backtest_sideways ? ImGuiTableFlags_ScrollX : 0),
                          ImVec2(0, 0), backtest_sideways ? backtest_width : 0.0f)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Month"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(tr("Group"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableSetupColumn(tr("Measured"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("Projected"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("95% band"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(tr("Inside"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableHeadersRow();
        for (const BacktestPoint& b : calibration.backtest) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::month_label(b.month, plan.settings.start).c_str());
            ImGui::TableNextColumn();
            cell_text(stakeholder_name(plan, b.stakeholder));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::format_trust(b.observed).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::format_trust(b.projected).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((chart::format_trust(b.band_low) + " - " + chart::format_trust(b.band_high)).c_str());
            ImGui::TableNextColumn();
            if (b.inside) ImGui::TextUnformatted(tr("yes"));
            else field_error(tr("no"));
        }
        ImGui::EndTable();
    }
}

}  // namespace

void draw_measurements(App& app) {
    if (app.survey_import().open) return draw_survey_import(app);
    const Plan& plan = app.document().plan();
    EditorView& view = app.editor_view();
    const float em = ImGui::GetFontSize();
    editor_intro(tr("Measurements"),
                 tr("What you actually measured - survey trust, NPS, CSAT, churn - by group and month. Trust shares and NPS "
                 "are drawn next to the projection, so you can see whether the plan is on track."));
    error_summary(app, {"/observations"});
    // The weight is a plan setting; it is here too because this is where people decide it.
    ImGui::PushItemWidth(em * 10);  // the width Plan settings gives it: a number, not a line of text
    edit_field(app, settings_fields(), "observation_weight", plan.settings, kSettingsObject,
               [](Plan& p) -> Settings& { return p.settings; });
    ImGui::PopItemWidth();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", plan.settings.observation_weight > 0
                                  ? tr("Trust shares measured count as evidence: Projection shows the plan as first projected and as corrected.")
                                  : tr("Measurements are drawn beside the projection and do not change it (weight 0)."));
    ImGui::PopTextWrapPos();
    bool comparing = false;  // the tab's content is drawn below the bar, where the tables can fill the panel
    if (ImGui::BeginTabBar("measurement-tabs")) {
        if (ImGui::BeginTabItem(tr("Measured values"))) ImGui::EndTabItem();
        if (ImGui::BeginTabItem(tr("Model against measurements"))) {
            comparing = true;
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (comparing) return draw_model_against_measurements(app);

    fit_next_item_width(16, label_beside(tr("Show")));
    const std::string preview = view.measurement_group.empty() ? tr("All groups") : stakeholder_name(plan, view.measurement_group);
    if (begin_combo(tr("Show"), preview.c_str())) {
        if (ImGui::Selectable(tr("All groups"), view.measurement_group.empty())) view.measurement_group.clear();
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            ImGui::PushID(static_cast<int>(g));
            if (ImGui::Selectable(plan.stakeholders[g].name.c_str(), plan.stakeholders[g].id == view.measurement_group))
                view.measurement_group = plan.stakeholders[g].id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    item_tooltip(tr("Show the measurements of one group only, or all."));
    same_line_if_fits(button_size(tr("Add a measurement"), ImVec2(0, 0)).x);
    ImGui::BeginDisabled(app.document().read_only() || plan.stakeholders.empty());
    if (ImGui::Button(tr("Add a measurement"))) {
        Observation o;
        o.stakeholder = view.measurement_group.empty() ? plan.stakeholders.front().id : view.measurement_group;
        Plan& p = app.document().begin_edit();
        p.observations.push_back(o);
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Add a row: the group shown (or the first), month 0, trust share."));
    same_line_if_fits(button_size(tr("Import survey..."), ImVec2(0, 0)).x);
    ImGui::BeginDisabled(app.document().read_only() || plan.stakeholders.empty());
    if (ImGui::Button(tr("Import survey..."))) app.request_file(Platform::FilePurpose::survey);
    ImGui::EndDisabled();
    item_tooltip(tr("Read a survey export (CSV from Qualtrics, SurveyMonkey, Google or Microsoft Forms, Excel): each "
                    "group's trust share and NPS, and what drives its trust. Dropping a .csv on the page does the same."));

    const Plan& current = app.document().plan();
    if (current.observations.empty())
        quiet_note(tr("No measurements yet. Add what surveys, NPS or churn figures told you, with the month."));
    // Narrower than its fields need (a phone), the table scrolls sideways instead of squeezing them.
    const float table_width = em * 40;
    const bool sideways = ImGui::GetContentRegionAvail().x < table_width;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY | (sideways ? ImGuiTableFlags_ScrollX : 0);
    int shown = 0;
    if (ImGui::BeginTable("observations", 7, flags, ImVec2(0, 0), sideways ? table_width : 0.0f)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Group"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Month"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn(tr("Metric"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(tr("Value"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(tr("Sample size"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(tr("Source"), ImGuiTableColumnFlags_WidthStretch, 2.6f);
        ImGui::TableSetupColumn("##delete", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(tr("Delete")).x +
                                                                                  ImGui::GetStyle().FramePadding.x * 2);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < current.observations.size(); ++i) {
            if (!view.measurement_group.empty() && current.observations[i].stakeholder != view.measurement_group) continue;
            if (i >= app.document().plan().observations.size()) break;  // a row was deleted this frame
            ++shown;
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            draw_row(app, app.document().plan(), i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    (void)shown;
}

}  // namespace fiducia::ui
