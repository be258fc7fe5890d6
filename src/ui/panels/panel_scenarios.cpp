// Scenarios: named sets of actions to compare (Projection, "Scenarios side by side"). Each is made,
// renamed, duplicated and deleted here; ticking an action puts it in the set.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/list_editor.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

void draw_detail(App& app, const Plan& plan, std::size_t i) {
    const Scenario& sc = plan.scenarios[i];
    const std::string at = "/scenarios/" + std::to_string(i);
    auto edit = [i](Plan& p) -> Scenario& { return p.scenarios[i]; };
    edit_text(app, tr("Name"), sc.name, tr("What the scenario is called on Projection's comparison, e.g. \"Quick wins\"."),
              [edit](Plan& p, const std::string& v) { edit(p).name = v; });
    pointer_error(app, at + "/name");
    edit_id(app, Entity::scenario, i, sc.id, sc.name);
    pointer_error(app, at + "/id");

    chart::subheading(tr("Actions in this scenario"),
                      tr("The actions this scenario switches on; every other action is off in it, whatever its own "
                         "\"enabled\" box says. Compare scenarios on Projection."));
    for (std::size_t a = 0; a < plan.actions.size(); ++a) {
        const Action& action = plan.actions[a];
        ImGui::PushID(static_cast<int>(a));
        const bool on = std::find(sc.actions.begin(), sc.actions.end(), action.id) != sc.actions.end();
        const std::string tip = trf("Whether \"%s\" is part of this scenario.", action.name.c_str());
        edit_bool(app, action.name.c_str(), on, tip.c_str(), [edit, id = action.id](Plan& p, bool v) {
            auto& list = edit(p).actions;
            std::erase(list, id);
            if (v) list.push_back(id);
        });
        ImGui::PopID();
    }
    for (std::size_t k = 0; k < sc.actions.size(); ++k) pointer_error(app, at + "/actions/" + std::to_string(k));
    if (plan.actions.empty()) quiet_note(tr("The plan has no actions yet: add them in Actions."));
    else if (sc.actions.empty()) quiet_note(tr("No action ticked: this scenario is the plan with every action off."));
}

}  // namespace

void draw_scenarios_editor(App& app) {
    EditorView& view = app.editor_view();
    editor_intro(tr("Scenarios"),
                 tr("Named sets of actions to weigh against each other: which to do, and what each set does to trust, "
                    "customers and revenue. Projection draws them side by side, with a no-actions baseline."));
    error_summary(app, {"/scenarios"});
    list_detail<Scenario>(app, view.scenario, {
        .kind = Entity::scenario, .items = &Plan::scenarios, .name = &Scenario::name,
        .list_id = "##scenarios", .noun = tr("scenario"), .id_fallback = "scenario",
        .delete_question = tr_noop("Delete the scenario \"%s\"?"),
        .empty_text = tr("No scenarios yet. Add one, tick the actions it holds, and compare it with the others on "
                         "Projection."),
        .init_new = [](Scenario& s, const Plan& p) {
            s.name = tr("New scenario");
            for (const Action& a : p.actions)
                if (a.enabled) s.actions.push_back(a.id);  // starts as the plan stands
        },
        .detail = draw_detail, .item_width_em = 16});
}

}  // namespace fiducia::ui
