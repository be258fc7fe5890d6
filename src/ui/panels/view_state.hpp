// What the panels remember between frames that is not part of the plan (selections, chosen month,
// run settings). Not saved in the plan and not undoable. One struct per group of panels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace fiducia::ui {

// Dashboard, projection, explain, prioritise, sensitivity, simulation, help (src/ui/panels/panel_*.cpp).
struct AnalysisView {
    // Dashboard: the heatmap shows today (false) or the horizon (true).
    bool heatmap_at_horizon = true;

    // Projection: groups hidden from the trust chart (stakeholder ids), the scenarios compared
    // ("plan" = the enabled actions, else scenario ids), and their projections for one revision.
    std::vector<std::string> hidden_groups;
    std::string band_group;  // the group whose 95% band is shaded; "" = the one under the pointer
    std::vector<std::string> compared = {"plan"};
    bool compared_initialised = false;
    std::uint64_t compared_revision = ~0ull;
    std::vector<Projection> compared_projections;  // one per entry of `compared`, same order

    // Explain: the group (id) and month of the waterfall; -1 = the horizon.
    std::string explain_group;
    int explain_month = -1;

    // Prioritise: the budget asked for and the objective (0 trust, 1 value).
    double budget = -1;  // -1: not chosen yet (starts at the cost of the enabled actions)
    int objective = 0;
    std::uint64_t plan_point_revision = ~0ull;  // the enabled set's objective, for the frontier
    int plan_point_objective = -1;
    double plan_point_cost = 0, plan_point_value = 0;

    // Sensitivity: computed once per plan revision (fiducia::sensitivity is ~2 projections per input).
    std::uint64_t sensitivity_revision = ~0ull;
    std::vector<SensitivityItem> sensitivity;
    int sensitivity_runs = 0;  // how many times it was computed (the tests check the cache)
    int sensitivity_rows = 15;

    // Simulation: run settings and the group shown.
    int customers = 10000;
    int seed = -1;  // -1: the plan's settings.seed
    int simulation_group = 0;
};

// Editors, roadmap and measurements (src/ui/panels/panel_*.cpp). Selections are indices into the plan's
// lists, clamped every frame (an undo may shorten a list).
struct EditorView {
    int stakeholder = 0;        // Stakeholders: the group being edited
    int knowledge_source = 0;   // Knowledge
    std::string journey_group;  // Journey: the stakeholder id whose touchpoints are shown
    int touchpoint = -1;        // Journey: index into plan.touchpoints, -1 = none selected
    int commitment = 0;         // Commitments
    int action = 0;             // Actions
    int scenario = 0;           // Scenarios
    std::string measurement_group;  // Measurements: only this stakeholder id's rows; "" = all

    // The id field being typed (applied on Enter or when left): which entity, and the text so far.
    std::string id_key;
    std::string id_buffer;

    // A delete waiting for confirmation: the entity kind (editing.hpp Entity, -1 = none) and index.
    int delete_kind = -1;
    int delete_index = -1;

    // Roadmap: the bar or ramp end being dragged (action index, -1 = none), what is dragged
    // (0 = the bar, 1 = the ramp's end) and its value when the drag began.
    int drag_action = -1;
    int drag_part = 0;
    int drag_original = 0;
};

}  // namespace fiducia::ui
