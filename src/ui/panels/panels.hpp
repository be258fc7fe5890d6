// Every panel of the planner: one file each (src/ui/panels/panel_*.cpp), drawn into the content area by
// App::draw. The list in panels.cpp gives their order and sections in the navigation.
#pragma once

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace fiducia::ui {

class App;

// Every panel, in navigation order: code opens a panel by its id, never by its (translated) name.
enum class PanelId : int {
    dashboard, projection, explain,
    plan_settings, stakeholders, knowledge, journey, commitments, culture, actions, roadmap, scenarios, measurements, workshop,
    prioritise, sensitivity, simulation, compare, help,
};

struct PanelInfo {
    PanelId id;           // its place in panels()
    const char* name;     // shown in the navigation; also its locator label and the remembered panel
    const char* section;  // "Overview", "Plan", "Analyse" or "Help"
    void (*draw)(App& app);
    const char* hint;     // one line: what the panel is for (navigation tooltip)
};

std::span<const PanelInfo> panels();

// Overview and analysis panels (src/ui/panels/panel_dashboard.cpp ... panel_help.cpp).
void draw_dashboard(App& app);
void draw_projection(App& app);
void draw_explain(App& app);
void draw_prioritise(App& app);
void draw_sensitivity(App& app);
void draw_simulation(App& app);
void draw_help(App& app);
void draw_compare_panel(App& app);  // src/ui/panels/panel_compare.cpp: compare with another plan, merge a copy

// Plan editors (src/ui/panels/panel_settings.cpp ... panel_measurements.cpp).
void draw_plan_settings(App& app);
void draw_stakeholders(App& app);
void draw_knowledge(App& app);
void draw_journey(App& app);
// The stages (0 discover ... 6 renew) the Journey's curve joins, as pairs: only neighbouring stages that
// both have touchpoints of `group`, so no line runs through a stage nobody designed (a dot stands alone).
std::vector<std::pair<int, int>> journey_curve_segments(const Plan& plan, const std::string& group);
void draw_commitments(App& app);
void draw_culture(App& app);
void draw_actions(App& app);
void draw_roadmap(App& app);
void draw_scenarios_editor(App& app);  // src/ui/panels/panel_scenarios.cpp
void draw_measurements(App& app);
void draw_checks_menu(App& app);  // the menu bar's Checks, beside Problems (checks_menu.cpp)
void draw_workshop(App& app);        // the facilitator's workshop (src/ui/panels/panel_workshop.cpp)
void draw_workshop_score(App& app);  // a participant's scoring screen (src/ui/panels/panel_workshop_score.cpp)

}  // namespace fiducia::ui
