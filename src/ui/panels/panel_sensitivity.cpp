// Sensitivity: every numeric input of the plan 20% lower and higher, ranked by how far it moves the
// Trust Index at the horizon (a tornado chart). Computed once per plan revision, in the page's Web
// Workers (or a few milliseconds per frame) with progress and Cancel, cached in the view.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

void draw_sensitivity(App& app) {
    using namespace chart;
    const Plan& plan = app.document().plan();
    const Projection* projection = app.projection();
    AnalysisView& view = app.analysis_view();
    heading(tr("Sensitivity"));
    ImGui::TextWrapped("%s", tr("Which figures in the plan matter most? Each input is set 20% lower and 20% higher in turn, "
                       "and the Trust Index at the horizon is recomputed. The longest bars are the figures worth "
                       "measuring well, and the levers worth pulling."));
    if (!projection || projection->months.empty() || plan.stakeholders.empty()) {
        ImGui::TextWrapped("%s", tr("Add a stakeholder group to see which inputs move its trust."));
        return;
    }
    // Computed once per revision, in the background (App::start_sensitivity); the finished result
    // becomes the view's, which presenter mode's tornado shares.
    const App::SensitivityJob& job = app.sensitivity_job();
    const std::uint64_t revision = app.document().revision();
    if (view.sensitivity_revision != revision && job.result && job.revision == revision && !job.is_running()) {
        view.sensitivity = *job.result;
        view.sensitivity_revision = revision;
        ++view.sensitivity_runs;
    }
    const bool this_revision = job.revision == revision;
    if (view.sensitivity_revision != revision && !(this_revision && (job.is_running() || job.cancelled))) app.start_sensitivity();
    const float em = ImGui::GetFontSize();
    if (view.sensitivity_revision != revision) {
        ImGui::Spacing();
        if (job.is_running()) {
            if (progress_and_cancel(job.progress, tr("Stop varying the inputs. Nothing in the plan changes.")))
                app.cancel_sensitivity();
        } else {
            ImGui::TextDisabled("%s", tr("Stopped before every input was varied."));
            if (ImGui::Button(tr("Vary every input again"))) app.start_sensitivity();
            item_tooltip(tr("Each input 20% lower and higher in turn. In the browser every core works on it in the background "
                         "(Web Workers), so the page stays responsive."));
        }
        return;
    }
    const double base = projection->months.back().trust_index;
    ImGui::SetNextItemWidth(em * 10);
    double rows = view.sensitivity_rows;
    if (number_field(tr("Inputs shown"), rows, {.min = 5, .max = 40, .format = "%.0f", .whole = true, .bar = true}))
        view.sensitivity_rows = static_cast<int>(rows);
    item_tooltip(tr("How many of the inputs to show, largest effect first."));
    // The legend: each key beside the last where it fits, under it on a phone.
    const std::string planned = trf("| line: Trust Index as planned, %s", format_trust(base).c_str());
    const char* keys[] = {tr("input 20% lower"), tr("input 20% higher")};
    const ImU32 colours[] = {down_colour(), up_colour()};
    for (int k = 0; k < 2; ++k) {
        same_line_if_fits(em * 1.1f + ImGui::CalcTextSize(keys[k]).x + em * 2);
        legend_swatch(colours[k]);
        ImGui::SameLine(0, em * 0.3f);
        ImGui::TextUnformatted(keys[k]);
    }
    same_line_if_fits(ImGui::CalcTextSize(planned.c_str()).x + em);
    ImGui::TextDisabled("%s", planned.c_str());

    const BarChart chart = tornado_chart(plan, view.sensitivity, base, static_cast<std::size_t>(view.sensitivity_rows));
    if (chart.rows.empty()) {
        ImGui::TextDisabled("%s", tr("No input moves the Trust Index."));
        return;
    }
    ImGui::Spacing();
    bar_chart("##tornado", chart);
    quiet_note(tr("The number right of each bar is its swing: the Trust Index points between the two cases."));
}

}  // namespace fiducia::ui
