// Prioritise: the best set of actions within a budget (branch and bound, exact unless a search
// reaches its node limit, then the best found and how much better any set could be; in the page's
// Web Workers or a few milliseconds per frame, with progress and Cancel), and the frontier of what
// each budget buys.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/params.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

std::string objective_text(double value, Objective objective, const std::string& currency) {
    return objective == Objective::trust ? format_trust(value) : format_money(value, currency);
}

// The enabled set's objective and cost, once per revision and objective (one projection).
void update_plan_point(App& app, const Plan& plan, Objective objective) {
    AnalysisView& view = app.analysis_view();
    if (view.plan_point_revision == app.document().revision() && view.plan_point_objective == static_cast<int>(objective))
        return;
    std::vector<std::string> enabled;
    double cost = 0;
    for (const Action& a : plan.actions)
        if (a.enabled) {
            enabled.push_back(a.id);
            cost += core::action_cost(plan, a);
        }
    view.plan_point_value = objective_of(plan, enabled, objective);
    view.plan_point_cost = cost;
    view.plan_point_revision = app.document().revision();
    view.plan_point_objective = static_cast<int>(objective);
}

constexpr std::size_t kChosenRows = 12;  // rows shown before the chosen set's table scrolls

void draw_result(App& app, const Plan& plan) {
    const App::OptimiserJob& job = app.optimiser_job();
    if (!job.result) return;
    const OptimiseResult& r = *job.result;
    const Objective objective = job.options.objective;
    const std::string& cur = plan.meta.currency;
    const float em = ImGui::GetFontSize();
    if (job.revision != app.document().revision())
        field_error(tr("This result is from an earlier version of the plan: it has changed since. Run again to update it."));

    chart::subheading(tr("Best set of actions"));
    ImGui::TextWrapped(tr("Within a budget of %s, the best %s is:"), format_money(job.options.budget, cur).c_str(),
                       objective == Objective::trust ? tr("Trust Index at the horizon") : tr("revenue kept minus cost"));
    // On a phone the three figures stack, as the dashboard's do.
    if (ImGui::BeginTable("best-figures", app.narrow() ? 1 : 3, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        const double gain = r.objective - r.baseline_objective;
        key_figure(objective == Objective::trust ? tr("Trust Index at horizon") : tr("Revenue kept minus cost"),
                   objective_text(r.objective, objective, cur),
                   objective == Objective::trust ? trf("%s points vs no action", trend_text(gain).c_str())
                                                 : trf("%s vs no action", ((gain >= 0 ? "+" : "") + format_money(gain, cur)).c_str()),
                   trend_colour(gain),
                   r.proven ? tr("The objective with the chosen actions, and how much better it is than doing nothing at all. "
                                 "Found exactly (branch and bound over every combination), not by a rule of thumb.")
                            : tr("The objective with the chosen actions, and how much better it is than doing nothing at all. "
                                 "The best set the search found before its node limit: see the note below for how much "
                                 "better any set could be."));
        ImGui::TableNextColumn();
        key_figure(tr("Cost over the horizon"), format_money(r.cost, cur),
                   trf("of %s budget", format_money(job.options.budget, cur).c_str()), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                   tr("One-off plus monthly costs of the chosen actions, from each one's start month to the horizon."));
        ImGui::TableNextColumn();
        key_figure(tr("With no action"), objective_text(r.baseline_objective, objective, cur),
                   trf("%s combinations searched", format_number(static_cast<double>(r.nodes)).c_str()),
                   ImGui::GetColorU32(ImGuiCol_TextDisabled),
                   tr("The baseline: today's operations carried on with no action enabled."));
        ImGui::EndTable();
    }
    if (!r.proven) {
        const std::string most = objective_text(r.upper_bound, objective, cur);
        const double room = r.upper_bound - r.objective;
        const std::string more = objective == Objective::trust ? trf("%s points", format_trust(room).c_str()) : format_money(room, cur);
        const std::string note = trf("Best found, not proven best: with this many actions the search stopped after %s "
                                     "combinations. No set within the budget can reach more than %s, %s more than this one.",
                                     format_number(static_cast<double>(r.max_nodes)).c_str(), most.c_str(), more.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, warning_colour());
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::PopStyleColor();
        a11y::add_text(a11y::Role::text, note);
        item_tooltip(tr("Trying every combination of many actions would take longer than anyone waits. The bound comes "
                        "from the combinations not yet tried: none of them can do better. The same plan gives the "
                        "same answer on every computer."));
    }
    if (r.chosen.empty()) {
        ImGui::TextWrapped("%s", tr("No action improves the objective within this budget."));
    } else if (const TableBox box = table_box(ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp,
                                              30, r.chosen.size(), kChosenRows);  // a long set scrolls in its own box
               ImGui::BeginTable("chosen", 4, box.flags, box.outer, box.inner_width)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Action"), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(tr("Owner"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn(tr("Starts"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(tr("Cost over horizon"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < r.chosen.size(); ++i) {
            const Action* a = nullptr;
            for (const Action& x : plan.actions)
                if (x.id == r.chosen[i]) a = &x;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(action_label(plan, r.chosen[i]));
            ImGui::TableNextColumn();
            cell_text(a ? a->owner : std::string());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a ? month_label(a->start_month, plan.settings.start).c_str() : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a ? format_money(core::action_cost(plan, *a), cur).c_str() : "");
        }
        ImGui::EndTable();
    }
    const bool stale = job.revision != app.document().revision();
    ImGui::BeginDisabled(app.document().read_only() || stale);
    if (ImGui::Button(tr("Enable exactly these actions in the plan"))) {
        Plan& edit = app.document().begin_edit();
        for (Action& a : edit.actions) a.enabled = std::find(r.chosen.begin(), r.chosen.end(), a.id) != r.chosen.end();
        app.document().end_gesture();
        app.notify(trf("Enabled the %d chosen actions (Ctrl+Z to undo).", static_cast<int>(r.chosen.size())));
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Turns the chosen actions on and every other action off, as one undoable edit."));

    // The frontier: the best objective for each budget from nothing to everything.
    if (r.frontier.size() >= 2) {
        chart::subheading(tr("What each budget buys"),
                          tr("For budgets from nothing to the cost of every action, the best objective reachable. "
                          "Where the line flattens, more money buys little more trust."));
        update_plan_point(app, plan, objective);
        std::vector<double> xs, ys, most;
        std::vector<std::string> tips;
        Range yr, xr;
        bool all_proven = true;
        for (const FrontierPoint& f : r.frontier) {
            xs.push_back(f.budget);
            ys.push_back(f.objective);
            most.push_back(f.upper_bound);
            all_proven = all_proven && f.proven;
            std::string chosen;
            for (std::size_t k = 0; k < f.actions.size(); ++k) chosen += (k ? ", " : "") + action_label(plan, f.actions[k]);
            if (f.actions.empty()) chosen = tr("no action");
            std::string tip = trf("Budget %s: %s, spending %s on %s", format_money(f.budget, cur).c_str(),
                                  objective_text(f.objective, objective, cur).c_str(), format_money(f.cost, cur).c_str(),
                                  chosen.c_str());
            if (!f.proven)
                tip += trf(" (best found; no set within this budget reaches more than %s)",
                           objective_text(f.upper_bound, objective, cur).c_str());
            tips.push_back(tip);
        }
        yr.add(ys);
        if (!all_proven) yr.add(most);
        yr.add(r.baseline_objective);
        xr.add(xs);
        if (!stale) {
            yr.add(app.analysis_view().plan_point_value);
            xr.add(app.analysis_view().plan_point_cost);
        }
        const double pad = std::max((yr.hi - yr.lo) * 0.08, objective == Objective::trust ? 0.005 : 1.0);
        Plot plot;
        plot.begin("##frontier", ImVec2(0, em * 13), Axis(0, xr.hi, Format::money, cur),
                   objective == Objective::trust ? Axis(yr.lo - pad, yr.hi + pad, Format::trust)
                                                 : Axis(yr.lo - pad, yr.hi + pad, Format::money, cur));
        if (!all_proven)  // the truth lies in the band: the best found below, the proven bound above
            plot.band(tr("Not proven: the best could be this much higher"), xs, ys, most, with_alpha(series_colour(0), 0.2f));
        plot.line(all_proven ? tr("Best for each budget") : tr("Best found for each budget"), xs, ys, series_colour(0));
        plot.points("", xs, ys, series_colour(0), Marker::circle, tips);
        if (!stale)
            plot.points(tr("The plan's enabled actions"), {app.analysis_view().plan_point_cost}, {app.analysis_view().plan_point_value},
                        series_colour(1), Marker::diamond,
                        {trf("The plan as it stands: %s for %s. Below the line: the same money could buy more.",
                             objective_text(app.analysis_view().plan_point_value, objective, cur).c_str(),
                             format_money(app.analysis_view().plan_point_cost, cur).c_str())});
        plot.vline(job.options.budget, neutral_colour(), tr("your budget"));
        plot.end();
    }
}

}  // namespace

void draw_prioritise(App& app) {
    const Plan& plan = app.document().plan();
    AnalysisView& view = app.analysis_view();
    heading(tr("Prioritise actions"));
    ImGui::TextWrapped("%s", tr("Which actions give the most for the money? The search goes through the combinations of the "
                       "plan's actions (enabled or not), skipping those it can show are worse, and keeps the best one "
                       "that fits the budget. On a plan with many actions it stops after a set number of combinations "
                       "and says how much better the best set could be."));
    if (plan.actions.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr("This plan has no actions yet. Add actions (with their cost and effects) to compare them here."));
        return;
    }
    double all_cost = 0, enabled_cost = 0;
    for (const Action& a : plan.actions) {
        all_cost += core::action_cost(plan, a);
        if (a.enabled) enabled_cost += core::action_cost(plan, a);
    }
    if (view.budget < 0) view.budget = enabled_cost;
    view.budget = std::clamp(view.budget, 0.0, std::max(all_cost, 0.0));

    const std::string& cur = plan.meta.currency;
    // The field and its label inside the panel's width (a phone's too), the rest wrapping under them.
    fit_next_item_width(20, label_beside(tr("Budget")));
    const std::string shown = format_money(view.budget, cur);
    number_field(tr("Budget"), view.budget, {.min = 0, .max = std::max(all_cost, 1.0), .format = "%.0f", .bar = true,
                                             .shown = shown.c_str()});
    item_tooltip(tr("The most you can spend on actions over the horizon (one-off plus monthly costs). Click the amount to "
                 "type it, or drag the bar."));
    const std::string all_actions = trf("all actions: %s", format_money(all_cost, cur).c_str());
    same_line_if_fits(ImGui::CalcTextSize(all_actions.c_str()).x);
    ImGui::TextDisabled("%s", all_actions.c_str());
    ImGui::TextUnformatted(tr("Objective:"));
    same_line_if_fits(checkbox_width(tr("Trust Index at the horizon")));
    ImGui::RadioButton(tr("Trust Index at the horizon"), &view.objective, 0);
    item_tooltip(tr("Pick the set that leaves the Trust Index highest at the horizon."));
    same_line_if_fits(checkbox_width(tr("Revenue kept minus cost")));
    ImGui::RadioButton(tr("Revenue kept minus cost"), &view.objective, 1);
    item_tooltip(tr("Pick the set that keeps the most revenue (customers who stay) net of what the actions cost: trust "
                 "managed like any other driver of business value."));

    const App::OptimiserJob& job = app.optimiser_job();
    if (job.is_running()) {
        if (progress_and_cancel(job.progress, tr("Stop the search (and any simulation running)."))) app.cancel_jobs();
    } else {
        if (ImGui::Button(tr("Find the best set"))) {
            OptimiseOptions options;
            options.budget = view.budget;
            options.objective = view.objective == 0 ? Objective::trust : Objective::value;
            app.start_optimiser(options);
        }
        item_tooltip(tr("Search the combinations of actions within the budget. In the browser every core works on it in "
                     "the background (Web Workers), so the page stays responsive."));
        if (job.result) {
            ImGui::SameLine();
            ImGui::TextDisabled(tr("found in %.2f s"), job.seconds);
        }
    }
    draw_result(app, plan);
}

}  // namespace fiducia::ui
