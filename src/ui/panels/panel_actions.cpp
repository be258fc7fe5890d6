// Actions: what the plan will do - when it starts, how long it takes to take full effect, what it
// costs, and its effects on the plan's figures, chosen from lists (never typed ids) and said in
// words ("Checkout: bad share x 0.6 from month 3, full by month 5").
#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/params.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/list_editor.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

const char* kTargetLabels[] = {tr_noop("Touchpoint"), tr_noop("Commitment"), tr_noop("Knowledge source"),
                               tr_noop("Stakeholder group"), tr_noop("Culture")};
const char* kOpLabels[] = {tr_noop("Multiply by"), tr_noop("Add"), tr_noop("Set to")};

Effect default_effect(const Plan& plan, EffectTarget target) {
    Effect e;
    e.target = target;
    auto entities = effect_entities(plan, target);
    e.id = entities.empty() ? "" : entities.front().first;
    e.field = effect_fields(target).front()->id;
    if (target == EffectTarget::touchpoint) e.field = "bad_share";
    e.op = EffectOp::scale;  // changes nothing until a value is typed: no effect nobody chose
    e.value = 1;
    return e;
}

// The value that makes an operation change nothing: x 1, + 0, or "set to" the figure as it is.
double neutral_value(const Plan& plan, const Effect& e) {
    if (e.op == EffectOp::scale) return 1;
    if (e.op == EffectOp::add) return 0;
    return effect_base_value(plan, e).value_or(0);
}

// What one of the value's amounts is, in words: "percentage points", "people"; "" for a multiplier.
std::string value_unit(const Plan& plan, const Effect& e, const EffectField* field) {
    if (!field || e.op == EffectOp::scale) return "";
    if (field->share) return e.op == EffectOp::add ? tr("percentage points") : "";
    if (!*field->unit) return "";
    return std::string(field->unit).find("%s") != std::string::npos ? trf(field->unit, plan.meta.currency.c_str())
                                                                    : std::string(tr(field->unit));
}

void draw_effect(App& app, const Plan& plan, std::size_t a, std::size_t k) {
    const Action& action = plan.actions[a];
    const Effect& e = action.effects[k];
    const float em = ImGui::GetFontSize();
    const std::string at = "/actions/" + std::to_string(a) + "/effects/" + std::to_string(k);
    auto edit = [a, k](Plan& p) -> Effect& { return p.actions[a].effects[k]; };
    const bool ro = app.document().read_only();

    ImGui::SetNextItemWidth(std::min(em * 9, ImGui::GetContentRegionAvail().x));
    combo_index(app, "##target", static_cast<int>(e.target), kTargetLabels, 5,
                tr("What kind of thing the action changes: a touchpoint, a commitment, a knowledge source, a stakeholder "
                "group, or the culture."),
                [a, k](Plan& p, int v) {
                    Effect fresh = default_effect(p, static_cast<EffectTarget>(v));
                    Effect& old = p.actions[a].effects[k];
                    fresh.unknown = old.unknown;
                    old = fresh;
                });
    if (e.target != EffectTarget::culture) {
        next_in_row(19);
        const auto entities = effect_entities(plan, e.target);
        std::string preview = e.id.empty() ? std::string(tr("(choose)")) : trf("(missing: %s)", e.id.c_str());
        for (const auto& [id, name] : entities)
            if (id == e.id) preview = name;
        ImGui::BeginDisabled(ro);
        if (begin_combo("##entity", preview.c_str())) {
            for (std::size_t i = 0; i < entities.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(entities[i].second.c_str(), entities[i].first == e.id) && entities[i].first != e.id)
                    edit(app.document().begin_edit()).id = entities[i].first;
                ImGui::PopID();
            }
            if (entities.empty()) ImGui::TextDisabled("%s", tr("None in this plan yet."));
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
        item_tooltip(tr("Which one it changes, by name."));
    }
    next_in_row(10);
    const auto& fields = effect_fields(e.target);
    const EffectField* field = find_effect_field(e.target, e.field);
    ImGui::BeginDisabled(ro);
    if (begin_combo("##field", field ? tr(field->label) : (e.field.empty() ? tr("(choose)") : e.field.c_str()))) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(tr(fields[i]->label), field == fields[i]) && field != fields[i]) {
                Effect& changed = edit(app.document().begin_edit());
                changed.field = fields[i]->id;
                changed.op = EffectOp::scale;  // a multiplier meant for another figure would carry over silently
                changed.value = 1;
            }
            item_tooltip(tr(fields[i]->meaning));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    item_tooltip(field ? tr(field->meaning) : tr("Which figure it changes: only the figures an action may change are offered."));

    ImGui::SetNextItemWidth(std::min(em * 9, ImGui::GetContentRegionAvail().x));
    combo_index(app, "##op", static_cast<int>(e.op), kOpLabels, 3,
                tr("Multiply by: the figure times the value (0.6 = 40% less). Add: the value is added (for shares, in "
                "percentage points). Set to: the figure becomes the value. Results are kept in range (shares 0-100%)."),
                [edit](Plan& p, int v) {
                    Effect& changed = edit(p);
                    changed.op = static_cast<EffectOp>(v);
                    changed.value = neutral_value(p, changed);
                });
    next_in_row(7);
    const bool share = field && field->share;
    const bool points = share && e.op != EffectOp::scale;  // a share added or set: in percent
    double shown = points ? e.value * 100 : e.value;
    ImGui::BeginDisabled(ro);
    const char* format = !points ? "%.3f" : e.op == EffectOp::add ? "%.1f" : "%.1f%%";  // added: "percentage points" follows
    const bool changed = number_field("##value", shown, {.min = -1e12, .max = 1e12, .format = format,
                                                         .percent = points, .speed = points ? 0.1 : 0.005});
    ImGui::EndDisabled();
    item_tooltip(tr("The value of the change: a multiplier, an amount to add, or the new value. Click to type it; drag "
                 "with Alt held to change it."));
    if (changed) edit(app.document().begin_edit(ImGui::IsItemActive())).value = points ? shown / 100 : shown;
    if (ImGui::IsItemDeactivated()) app.document().end_gesture();
    const std::string unit = value_unit(plan, e, field);
    if (!unit.empty()) {
        same_line_if_fits(ImGui::CalcTextSize(unit.c_str()).x);
        ImGui::TextUnformatted(unit.c_str());
    }
    same_line_if_fits(button_size(tr("Remove"), ImVec2(0, 0)).x);
    ImGui::BeginDisabled(ro);
    if (ImGui::Button(tr("Remove"))) {
        auto& list = app.document().begin_edit().actions[a].effects;
        if (k < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(k));
        ImGui::EndDisabled();
        return;
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Remove this effect from the action."));

    std::string words = describe_effect(plan, action, e);
    if (auto before = effect_base_value(plan, e)) {
        const double after = effect_full_value(e, *before);
        auto show = [&](double v) { return share ? chart::format_percent(v, 1) : plain_number(v, 3); };
        words += trf(" (%s now, %s at full effect)", show(*before).c_str(), show(after).c_str());
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", words.c_str());
    ImGui::PopStyleColor();
    for (const char* part : {"/target", "/id", "/field", "/op", "/value", ""}) pointer_error(app, at + part);
}

void draw_detail(App& app, const Plan& plan, std::size_t a) {
    const Action& action = plan.actions[a];
    const std::string at = "/actions/" + std::to_string(a);
    auto edit = [a](Plan& p) -> Action& { return p.actions[a]; };
    const float em = ImGui::GetFontSize();
    ImGui::PushItemWidth(em * 16);
    edit_text(app, tr("Name"), action.name, tr("What the action is, e.g. \"Live parcel tracking\"."),
              [edit](Plan& p, const std::string& v) { edit(p).name = v; });
    pointer_error(app, at + "/name");
    edit_id(app, Entity::action, a, action.id, action.name);
    pointer_error(app, at + "/id");
    edit_text(app, tr("Owner"), action.owner, tr("Who is responsible for it (a person or a team)."),
              [edit](Plan& p, const std::string& v) { edit(p).owner = v; });
    edit_bool(app, tr("Enabled in the plan"), action.enabled,
              tr("Whether the plan (the projection, the dashboard) includes this action. Scenarios choose their own set."),
              [edit](Plan& p, bool v) { edit(p).enabled = v; });
    edit_int(app, tr("Start month"), action.start_month, 1, std::max(1, plan.settings.horizon_months),
             tr("The month the action starts to work (1 = the first month after today). Its monthly cost runs from here."),
             [edit](Plan& p, int v) { edit(p).start_month = v; });
    const std::string month = chart::month_label(action.start_month, plan.settings.start);
    same_line_if_fits(ImGui::CalcTextSize(month.c_str()).x);
    ImGui::TextDisabled("%s", month.c_str());
    pointer_error(app, at + "/start_month");
    edit_int(app, tr("Ramp (months)"), action.ramp_months, 1, 120,
             tr("How many months it takes to reach full effect (default 1 = at once). In between, effects phase in "
             "evenly: a fraction (month - start + 1) / ramp of the change."),
             [edit](Plan& p, int v) { edit(p).ramp_months = v; });
    pointer_error(app, at + "/ramp_months");
    edit_field(app, action_fields(), "cost_once", action, at, edit);
    edit_field(app, action_fields(), "cost_per_month", action, at, edit);
    ImGui::PopItemWidth();
    quiet_note(trf("Cost over the horizon: %s.", chart::format_money(core::action_cost(plan, action), plan.meta.currency).c_str()));

    chart::subheading(tr("Effects"),
                      tr("What the action changes, from its start month, phased in over its ramp. Pick the kind of thing, "
                      "which one, the figure, and how it changes. Effects apply in list order, actions in plan order."));
    for (std::size_t k = 0; k < action.effects.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        draw_effect(app, plan, a, k);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (action.effects.empty()) quiet_note(tr("No effects yet: an action without effects only costs money."));
    ImGui::BeginDisabled(app.document().read_only());
    if (ImGui::Button(tr("Add an effect"))) {
        const EffectTarget target = !plan.touchpoints.empty() ? EffectTarget::touchpoint : EffectTarget::culture;
        Effect e = default_effect(plan, target);
        if (target == EffectTarget::culture) {  // the culture's shares are raised by points
            e.op = EffectOp::add;
            e.value = 0;
        }
        app.document().begin_edit().actions[a].effects.push_back(e);
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Add a change this action makes (then choose what it changes)."));
}

}  // namespace

void draw_actions(App& app) {
    EditorView& view = app.editor_view();
    editor_intro(tr("Actions"),
                 tr("The coordinated actions of your trust strategy: what each changes, when, and at what cost. See them "
                 "on a timeline in Roadmap."));
    error_summary(app, {"/actions"});

    list_detail<Action>(app, view.action, {
        .kind = Entity::action, .items = &Plan::actions, .name = &Action::name,
        .list_id = "##actions", .noun = tr("action"), .id_fallback = "action",
        .delete_question = tr_noop("Delete the action \"%s\"?"),
        .empty_text = tr("No actions yet. Add one: e.g. \"Empower service staff\" raising empowerment, or \"Fix "
                         "checkout\" cutting a touchpoint's bad share."),
        .init_new = [](Action& a, const Plan&) { a.name = tr("New action"); },
        .detail = draw_detail,
        .row_label = [](const Action& a) { return a.enabled ? a.name : a.name + "  " + tr("(off)"); }});
}

}  // namespace fiducia::ui
