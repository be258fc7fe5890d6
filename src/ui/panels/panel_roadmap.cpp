// Roadmap: the actions on a month timeline (a Gantt chart drawn with ImDrawList). Each bar starts at
// the action's start month and runs to the horizon; its ramp is a gradient. Drag a bar to move its
// start, drag the end of its ramp to lengthen or shorten it (one undo step per drag). The dots on
// the left show which scenarios include each action (click to change); the row underneath shows
// what the enabled actions cost each month.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/params.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

struct Layout {
    float left = 0;         // screen x of the panel's content
    float label_w = 0;      // action names
    float scenario_w = 0;   // one scenario column
    int scenarios = 0;
    float x0 = 0;           // screen x of month 1's left edge
    float month_w = 0;
    int horizon = 1;
    float month_left(int m) const { return x0 + month_w * static_cast<float>(m - 1); }
    float x_end() const { return x0 + month_w * static_cast<float>(horizon); }
};

std::string action_tooltip(const Plan& plan, const Action& a) {
    std::string t = a.name + (a.owner.empty() ? "" : " (" + a.owner + ")") + "\n";
    t += trf("Starts in month %d (%s)", a.start_month, chart::month_label(a.start_month, plan.settings.start).c_str());
    if (a.ramp_months > 1)
        t += ", " + trf("full effect by month %d (%s)", a.start_month + a.ramp_months - 1,
                        chart::month_label(a.start_month + a.ramp_months - 1, plan.settings.start).c_str());
    t += ".\n" + trf("%s one-off + %s a month; %s over the horizon.",
                     chart::format_money(a.cost_once, plan.meta.currency).c_str(),
                     chart::format_money(a.cost_per_month, plan.meta.currency).c_str(),
                     chart::format_money(core::action_cost(plan, a), plan.meta.currency).c_str());
    if (!a.enabled) t += std::string("\n") + tr("Not enabled in the plan (scenarios may still include it).");
    for (const Effect& e : a.effects) t += "\n- " + describe_effect(plan, a, e);
    t += std::string("\n") + tr("Drag the bar to move its start; drag the end of the ramp to change how long it takes. "
                                "Double-click to edit it in Actions.");
    return t;
}

void draw_header(const Plan& plan, const Layout& L, float y) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float em = ImGui::GetFontSize();
    for (int s = 0; s < L.scenarios; ++s) {
        const std::string n = std::to_string(s + 1);
        const float cx = L.left + L.label_w + L.scenario_w * (static_cast<float>(s) + 0.5f);
        draw->AddText(ImVec2(cx - ImGui::CalcTextSize(n.c_str()).x * 0.5f, y), text, n.c_str());
    }
    const int max_ticks = std::max(2, static_cast<int>((L.x_end() - L.x0) / (em * 4.5f)));
    for (int m : chart::month_ticks(L.horizon, max_ticks)) {
        if (m < 1) continue;
        const std::string label = chart::month_label(m, plan.settings.start, true);
        const float cx = L.month_left(m) + L.month_w * 0.5f;
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(std::min(cx - w * 0.5f, L.x_end() - w), y), text, label.c_str());
    }
}

void draw_grid_lines(const Plan& plan, const Layout& L, float top, float bottom) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.35f);
    const int max_ticks = std::max(2, static_cast<int>((L.x_end() - L.x0) / (em * 4.5f)));
    for (int m : chart::month_ticks(L.horizon, max_ticks))
        if (m >= 1) draw->AddLine(ImVec2(L.month_left(m), top), ImVec2(L.month_left(m), bottom), grid);
    draw->AddLine(ImVec2(L.x_end(), top), ImVec2(L.x_end(), bottom), grid);
    (void)plan;
}

void drag_item(App& app, std::size_t i, int part, int current, const Layout& L) {
    EditorView& view = app.editor_view();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) {
        view.drag_action = static_cast<int>(i);
        view.drag_part = part;
        view.drag_original = current;
        view.action = static_cast<int>(i);
    }
    if (ImGui::IsItemActive() && view.drag_action == static_cast<int>(i) && view.drag_part == part && !app.document().read_only()) {
        const float dx = io.MousePos.x - io.MouseClickedPos[0].x;
        const int value = part == 0 ? dragged_start(view.drag_original, dx, L.month_w, L.horizon)
                                    : dragged_ramp(view.drag_original, dx, L.month_w);
        if (value != current) {
            Action& a = app.document().begin_edit(true).actions[i];
            (part == 0 ? a.start_month : a.ramp_months) = value;
        }
    }
    if (ImGui::IsItemDeactivated()) {
        app.document().end_gesture();
        view.drag_action = -1;
    }
}

void draw_action_row(App& app, const Plan& plan, std::size_t i, const Layout& L, float y, float row_h) {
    const Action& a = plan.actions[i];
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    EditorView& view = app.editor_view();
    const bool selected = view.action == static_cast<int>(i);
    if (selected)
        draw->AddRectFilled(ImVec2(L.left, y), ImVec2(L.x_end(), y + row_h), ImGui::GetColorU32(ImGuiCol_Header, 0.35f));
    // Name.
    const std::string name = fit_text(a.name.empty() ? tr("(unnamed)") : a.name, L.label_w - em * 0.5f);
    draw->AddText(ImVec2(L.left + em * 0.2f, y + (row_h - ImGui::GetTextLineHeight()) * 0.5f),
                  ImGui::GetColorU32(a.enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled), name.c_str());
    // Scenario membership: a filled dot when the scenario includes the action; click to change.
    for (int s = 0; s < L.scenarios; ++s) {
        const Scenario& sc = plan.scenarios[static_cast<std::size_t>(s)];
        const bool in = std::find(sc.actions.begin(), sc.actions.end(), a.id) != sc.actions.end();
        const ImVec2 c(L.left + L.label_w + L.scenario_w * (static_cast<float>(s) + 0.5f), y + row_h * 0.5f);
        ImGui::SetCursorScreenPos(ImVec2(c.x - L.scenario_w * 0.5f, y));
        ImGui::PushID(s);
        ImGui::BeginDisabled(app.document().read_only());
        if (ImGui::InvisibleButton("##member", ImVec2(L.scenario_w, row_h))) {
            auto& list = app.document().begin_edit().scenarios[static_cast<std::size_t>(s)].actions;
            if (in) std::erase(list, a.id);
            else list.push_back(a.id);
        }
        ImGui::EndDisabled();
        const std::string tip = in ? trf("Scenario %d \"%s\" includes this action. Click to change.", s + 1, sc.name.c_str())
                                   : trf("Scenario %d \"%s\" does not include this action. Click to change.", s + 1,
                                         sc.name.c_str());
        item_tooltip(tip.c_str());
        const ImU32 colour = chart::series_colour(s);
        if (in) draw->AddCircleFilled(c, em * 0.3f, colour);
        else draw->AddCircle(c, em * 0.3f, chart::with_alpha(colour, 0.6f), 0, 1.5f);
        ImGui::PopID();
    }
    // The bar: from the start month to the horizon, the ramp as a gradient.
    if (a.start_month > L.horizon || a.start_month < 1) {
        const std::string note = a.start_month < 1 ? tr("starts before month 1") : tr("starts after the horizon");
        draw->AddText(ImVec2(L.x0 + em * 0.3f, y + (row_h - ImGui::GetTextLineHeight()) * 0.5f),
                      IM_COL32(205, 38, 31, 255), note.c_str());
        return;
    }
    const float pad = row_h * 0.18f;
    const float top = y + pad, bottom = y + row_h - pad;
    const float bar_l = L.month_left(a.start_month);
    const float ramp_r = std::min(L.x_end(), L.month_left(a.start_month + std::max(1, a.ramp_months)));
    const ImU32 full = a.enabled ? chart::series_colour(0) : ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.6f);
    const ImU32 faint = chart::with_alpha(full, 0.15f);
    const float round = em * 0.2f;
    if (a.ramp_months > 1) {
        const float t = std::clamp((ramp_r - bar_l) / std::max(1.0f, L.month_left(a.start_month + a.ramp_months) - bar_l), 0.0f, 1.0f);
        const ImU32 end_colour = chart::with_alpha(full, 0.15f + 0.85f * t);
        draw->AddRectFilledMultiColor(ImVec2(bar_l, top), ImVec2(ramp_r, bottom), faint, end_colour, end_colour, faint);
        if (ramp_r < L.x_end()) draw->AddRectFilled(ImVec2(ramp_r, top), ImVec2(L.x_end(), bottom), full, round, ImDrawFlags_RoundCornersRight);
    } else {
        draw->AddRectFilled(ImVec2(bar_l, top), ImVec2(L.x_end(), bottom), full, round);
    }
    if (selected) draw->AddRect(ImVec2(bar_l, top), ImVec2(L.x_end(), bottom), ImGui::GetColorU32(ImGuiCol_Text), round, 0, 2);
    // The ramp's end handle first, so it wins the hover over the bar.
    const float handle_w = std::max(em * 0.7f, 6.0f);
    const float handle_x = L.month_left(a.start_month + std::max(1, a.ramp_months));
    ImGui::PushID("ramp");
    const bool handle_visible = handle_x <= L.x_end() + 0.5f;
    if (handle_visible) {
        ImGui::SetCursorScreenPos(ImVec2(handle_x - handle_w * 0.5f, y));
        ImGui::InvisibleButton("##ramp-end", ImVec2(handle_w, row_h));
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        drag_item(app, i, 1, a.ramp_months, L);
        const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
        draw->AddLine(ImVec2(handle_x, top - pad * 0.5f), ImVec2(handle_x, bottom + pad * 0.5f),
                      hot ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_TextDisabled), hot ? 3.0f : 2.0f);
        if (ImGui::IsItemActive()) {
            set_tooltip(tr("Full effect by month %d (%s): a %d-month ramp"), a.start_month + a.ramp_months - 1,
                              chart::month_label(a.start_month + a.ramp_months - 1, plan.settings.start).c_str(), a.ramp_months);
        } else {
            item_tooltip(tr("Drag to change how many months the action takes to reach full effect (its ramp)."));
        }
    }
    ImGui::PopID();
    // The bar body.
    ImGui::SetCursorScreenPos(ImVec2(bar_l, y));
    ImGui::InvisibleButton("##bar", ImVec2(std::max(1.0f, L.x_end() - bar_l), row_h));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    drag_item(app, i, 0, a.start_month, L);
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        view.action = static_cast<int>(i);
        app.show_panel(PanelId::actions);
    }
    if (ImGui::IsItemActive()) {
        set_tooltip(tr("Starts in month %d (%s)"), a.start_month, chart::month_label(a.start_month, plan.settings.start).c_str());
    } else {
        const std::string tip = action_tooltip(plan, a);
        item_tooltip(tip.c_str());
    }
}

void draw_costs(const Plan& plan, const Layout& L, float y, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const std::vector<MonthCost> costs = monthly_costs(plan);
    double top = 0;
    for (const MonthCost& c : costs) top = std::max(top, c.total());
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->AddText(ImVec2(L.left + em * 0.2f, y), ImGui::GetColorU32(ImGuiCol_Text), tr("Cost per month"));
    const std::string peak = trf("up to %s", chart::format_money_short(top, plan.meta.currency).c_str());
    draw->AddText(ImVec2(L.left + em * 0.2f, y + ImGui::GetTextLineHeight()), text, peak.c_str());
    ImGui::SetCursorScreenPos(ImVec2(L.x0, y));
    ImGui::InvisibleButton("##costs", ImVec2(std::max(1.0f, L.x_end() - L.x0), height));
    const bool hovered = ImGui::IsItemHovered();
    const float bottom = y + height;
    draw->AddLine(ImVec2(L.x0, bottom), ImVec2(L.x_end(), bottom), ImGui::GetColorU32(ImGuiCol_Separator));
    if (top <= 0) {
        draw->AddText(ImVec2(L.x0 + em * 0.3f, y + em * 0.3f), text, tr("No costs: no enabled action costs anything."));
        return;
    }
    const int hover_month = hovered ? month_at(ImGui::GetIO().MousePos.x, L.x0, L.month_w, L.horizon) : -1;
    const float gap = std::min(L.month_w * 0.15f, em * 0.2f);
    for (int m = 1; m <= L.horizon; ++m) {
        const MonthCost& c = costs[static_cast<std::size_t>(m - 1)];
        const float l = L.month_left(m) + gap, r = L.month_left(m) + L.month_w - gap;
        const float h_monthly = static_cast<float>(c.monthly / top) * (height - em * 0.2f);
        const float h_once = static_cast<float>(c.once / top) * (height - em * 0.2f);
        const float alpha = m == hover_month ? 1.0f : 0.8f;
        draw->AddRectFilled(ImVec2(l, bottom - h_monthly), ImVec2(r, bottom), chart::with_alpha(chart::series_colour(0), alpha * 0.6f));
        draw->AddRectFilled(ImVec2(l, bottom - h_monthly - h_once), ImVec2(r, bottom - h_monthly),
                            chart::with_alpha(chart::series_colour(1), alpha));
    }
    if (hover_month >= 1) {
        const MonthCost& c = costs[static_cast<std::size_t>(hover_month - 1)];
        begin_tooltip();
        ImGui::Text(tr("Month %d (%s): %s"), hover_month, chart::month_label(hover_month, plan.settings.start).c_str(),
                    chart::format_money(c.total(), plan.meta.currency).c_str());
        ImGui::TextDisabled(tr("One-off %s (orange) + monthly %s (blue), enabled actions only."),
                            chart::format_money(c.once, plan.meta.currency).c_str(),
                            chart::format_money(c.monthly, plan.meta.currency).c_str());
        end_tooltip();
    }
}

}  // namespace

void draw_roadmap(App& app) {
    const Plan& plan = app.document().plan();
    const float em = ImGui::GetFontSize();
    editor_intro(tr("Roadmap"),
                 tr("Your actions month by month. Drag a bar to move its start; drag the end of its ramp (the fading part) "
                 "to change how long it takes to reach full effect. Dots on the left: the scenarios that include each "
                 "action. Underneath: what the enabled actions cost each month."));
    error_summary(app, {"/actions", "/scenarios"});
    if (plan.actions.empty()) {
        ImGui::TextWrapped("%s", tr("No actions yet: add them in Actions, then plan them here."));
        return;
    }
    if (!plan.scenarios.empty()) {
        ImGui::TextDisabled("%s", tr("Scenarios:"));
        for (std::size_t s = 0; s < plan.scenarios.size(); ++s) {
            const std::string key = std::to_string(s + 1) + " " + plan.scenarios[s].name;
            same_line_if_fits(em * 1.1f + ImGui::CalcTextSize(key.c_str()).x);  // the keys wrap inside the panel
            chart::legend_swatch(chart::series_colour(static_cast<int>(s)));
            ImGui::SameLine(0, em * 0.3f);
            ImGui::TextUnformatted(key.c_str());
        }
    }
    Layout L;
    L.label_w = em * 12;
    L.scenarios = static_cast<int>(plan.scenarios.size());
    L.scenario_w = em * 1.5f;
    L.horizon = std::max(1, plan.settings.horizon_months);
    const float before_months = L.label_w + L.scenario_w * static_cast<float>(L.scenarios) + em * 0.6f;
    // Narrower than the names and a readable run of months (a phone): the roadmap scrolls sideways.
    const float least = before_months + std::max(em * 16, em * 0.5f * static_cast<float>(L.horizon)) + em * 0.5f;
    const bool sideways = ImGui::GetContentRegionAvail().x < least;
    if (sideways) {
        ImGui::SetNextWindowContentSize(ImVec2(least, 0));
        ImGui::BeginChild("roadmap-scroll", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_AlwaysHorizontalScrollbar);
    }
    L.left = ImGui::GetCursorScreenPos().x;
    L.x0 = L.left + before_months;
    const float width = std::max(em * 10, (sideways ? least : ImGui::GetContentRegionAvail().x) - before_months - em * 0.5f);
    L.month_w = width / static_cast<float>(L.horizon);

    const float row_h = em * 1.9f;
    const float header_y = ImGui::GetCursorScreenPos().y + em * 0.3f;
    draw_header(plan, L, header_y);
    const float rows_y = header_y + ImGui::GetTextLineHeightWithSpacing() + em * 0.2f;
    const float rows_bottom = rows_y + row_h * static_cast<float>(plan.actions.size());
    draw_grid_lines(plan, L, rows_y, rows_bottom);
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        draw_action_row(app, app.document().plan(), i, L, rows_y + row_h * static_cast<float>(i), row_h);
        ImGui::PopID();
    }
    const float cost_h = em * 4;
    draw_costs(app.document().plan(), L, rows_bottom + em * 0.8f, cost_h);
    ImGui::SetCursorScreenPos(ImVec2(L.left, rows_bottom + em * 0.8f + cost_h + em * 0.5f));
    if (sideways) {
        ImGui::Dummy(ImVec2(0, 0));  // the child's height reaches the costs
        ImGui::EndChild();
    }
    const Projection* p = app.projection();
    double total = 0;
    for (const MonthCost& c : monthly_costs(app.document().plan())) total += c.total();
    if (p)
        quiet_note(trf("Enabled actions cost %s over the horizon and keep %s of revenue.",
                       chart::format_money(total, plan.meta.currency).c_str(),
                       chart::format_money(p->revenue_kept, plan.meta.currency).c_str()));
    else
        quiet_note(trf("Enabled actions cost %s over the horizon.", chart::format_money(total, plan.meta.currency).c_str()));
}

}  // namespace fiducia::ui
