#include "ui/panels/panels.hpp"

#include <iterator>

namespace fiducia::ui {

namespace {
constexpr PanelInfo kPanels[] = {
    {PanelId::dashboard, "Dashboard", "Overview", draw_dashboard, "The Trust Index now and at the horizon, per group and dimension, and what drives it."},
    {PanelId::projection, "Projection", "Overview", draw_projection, "Trust, retention and revenue month by month, with measurements and scenarios side by side."},
    {PanelId::explain, "Explain", "Overview", draw_explain, "Why a group's trust is what it is: the base rate and every source's contribution."},
    // -- plan editors (src/ui/panels/panel_settings.cpp ... panel_measurements.cpp) --
    {PanelId::plan_settings, "Plan settings", "Plan", draw_plan_settings, "What the plan is, how far ahead it looks, and the trust model's parameters."},
    {PanelId::stakeholders, "Stakeholders", "Plan", draw_stakeholders, "The groups whose trust you manage: size, importance, base rate, what their trust rests on."},
    {PanelId::knowledge, "Knowledge", "Plan", draw_knowledge, "What you know about each group, where from, and how good that knowledge is."},
    {PanelId::journey, "Journey", "Plan", draw_journey, "Each group's touchpoints on the seven journey stages, and how often each goes badly."},
    {PanelId::commitments, "Commitments", "Plan", draw_commitments, "The promises you make, to whom, in public or not, and how often you keep them."},
    {PanelId::culture, "Culture", "Plan", draw_culture, "How far you trust your own people: empowerment and reward."},
    {PanelId::actions, "Actions", "Plan", draw_actions, "What the plan will do: timing, cost, and the effects of each action."},
    {PanelId::roadmap, "Roadmap", "Plan", draw_roadmap, "The actions on a month timeline: drag to reschedule; cost per month."},
    {PanelId::scenarios, "Scenarios", "Plan", draw_scenarios_editor, "Named sets of actions to compare on Projection: make, rename, duplicate, delete."},
    {PanelId::measurements, "Measurements", "Plan", draw_measurements, "What you measured (trust share, NPS, CSAT, churn), to compare with the projection."},
    {PanelId::workshop, "Workshop", "Plan", draw_workshop, "Score trust with a room of colleagues: invitations, their ratings, the consensus, and applying it."},
    // -- analysis panels (keep at the end, after the plan editors) --
    {PanelId::prioritise, "Prioritise", "Analyse", draw_prioritise, "The best set of actions for a budget, and what each budget buys."},
    {PanelId::sensitivity, "Sensitivity", "Analyse", draw_sensitivity, "Which inputs move the Trust Index most when they are 20% off."},
    {PanelId::simulation, "Simulation", "Analyse", draw_simulation, "Simulate every customer: retention with its error, and the spread of trust."},
    {PanelId::compare, "Compare and merge", "Analyse", draw_compare_panel, "Another plan beside yours: what differs and what it does to trust; merge a colleague's copy."},
    {PanelId::help, "Help", "Help", draw_help, "How the model works, where its figures come from, and the chart gallery."},
};

constexpr bool in_id_order() {
    for (std::size_t i = 0; i < std::size(kPanels); ++i)
        if (static_cast<std::size_t>(kPanels[i].id) != i) return false;
    return true;
}
static_assert(in_id_order(), "kPanels lists the panels in PanelId order, so an id is an index");
}  // namespace

std::span<const PanelInfo> panels() { return kPanels; }

}  // namespace fiducia::ui
