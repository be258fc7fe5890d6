#include "ui/document/editing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/platform/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

// ---- References ---------------------------------------------------------------------------------

namespace {

// "a, b, c, d and 3 more": the names a consequence line ends with.
std::string name_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 4; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 4) out = trf("%s and %d more", out.c_str(), static_cast<int>(names.size() - 4));
    return out;
}

void add_unique(std::vector<std::string>& names, std::string_view name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
}

}  // namespace

std::vector<std::string> delete_consequences(const Plan& plan, Entity kind, std::size_t index) {
    std::vector<std::string> out;
    const std::string* idp = id_at(plan, kind, index);
    if (!idp) return out;
    std::vector<std::string> touchpoints, sources, commitments, scenarios, effect_actions;
    int observations = 0, ratings = 0, effects = 0;
    std::set<std::pair<const Reference*, std::string_view>> listed;  // a commitment naming a group twice
    auto tally = [&](const Holder& h) {
        const std::string_view from = h.reference->from;
        if (h.reference->shape == Reference::effect) {
            ++effects;
            add_unique(effect_actions, h.name);
        } else if (from == "/touchpoints") {
            touchpoints.emplace_back(h.name);
        } else if (from == "/knowledge_sources") {
            sources.emplace_back(h.name);
        } else if (from == "/commitments") {
            if (listed.insert({h.reference, h.id}).second) commitments.emplace_back(h.name);
        } else if (from == "/observations") {
            ++observations;
        } else if (from == "/workshop/ratings" || from == "/workshop/importance") {
            ++ratings;  // answers too
        } else if (from == "/scenarios") {
            if (listed.insert({h.reference, h.id}).second) scenarios.emplace_back(h.name);
        }
    };
    std::vector<std::string> touchpoint_ids;  // a group's touchpoints go, and the effects on them
    for (const Holder& h : uses_of(plan, kind, *idp)) {
        tally(h);
        if (std::string_view(h.reference->from) == "/touchpoints") touchpoint_ids.emplace_back(h.id);
    }
    for (const std::string& t : touchpoint_ids)
        for (const Holder& h : uses_of(plan, Entity::touchpoint, t)) tally(h);
    // Whole sentences, singular and plural, so each language words them its own way.
    if (const int n = static_cast<int>(touchpoints.size())) {
        const std::string names = name_list(touchpoints);
        out.push_back(n == 1 ? trf("%d touchpoint of this group will be deleted: %s", n, names.c_str())
                             : trf("%d touchpoints of this group will be deleted: %s", n, names.c_str()));
    }
    if (const int n = static_cast<int>(sources.size())) {
        const std::string names = name_list(sources);
        out.push_back(n == 1 ? trf("It leaves the coverage of %d knowledge source: %s", n, names.c_str())
                             : trf("It leaves the coverage of %d knowledge sources: %s", n, names.c_str()));
    }
    if (const int n = static_cast<int>(commitments.size())) {
        const std::string names = name_list(commitments);
        out.push_back(n == 1 ? trf("It is taken off %d commitment: %s", n, names.c_str())
                             : trf("It is taken off %d commitments: %s", n, names.c_str()));
    }
    if (observations)
        out.push_back(observations == 1 ? trf("%d measurement of this group will be deleted", observations)
                                        : trf("%d measurements of this group will be deleted", observations));
    if (ratings)
        out.push_back(ratings == 1 ? trf("%d workshop rating of this group will be deleted", ratings)
                                   : trf("%d workshop ratings of this group will be deleted", ratings));
    if (effects) {
        const std::string names = name_list(effect_actions);
        out.push_back(effects == 1 ? trf("%d action effect on it will be deleted, in %s", effects, names.c_str())
                                   : trf("%d action effects on it will be deleted, in %s", effects, names.c_str()));
    }
    if (const int n = static_cast<int>(scenarios.size())) {
        const std::string names = name_list(scenarios);
        out.push_back(n == 1 ? trf("It leaves %d scenario: %s", n, names.c_str())
                             : trf("It leaves %d scenarios: %s", n, names.c_str()));
    }
    return out;
}

// ---- Action effects -----------------------------------------------------------------------------

std::vector<std::pair<std::string, std::string>> effect_entities(const Plan& plan, EffectTarget target) {
    std::vector<std::pair<std::string, std::string>> out;
    switch (target) {
        case EffectTarget::touchpoint:
            for (const Touchpoint& t : plan.touchpoints) {
                std::string group = stakeholder_name(plan, t.stakeholder);
                out.emplace_back(t.id, t.name + " (" + group + ", " + stage_label(t.stage) + ")");
            }
            break;
        case EffectTarget::commitment:
            for (const Commitment& c : plan.commitments) out.emplace_back(c.id, c.statement);
            break;
        case EffectTarget::knowledge_source:
            for (const KnowledgeSource& k : plan.knowledge_sources) out.emplace_back(k.id, k.name);
            break;
        case EffectTarget::stakeholder:
            for (const Stakeholder& s : plan.stakeholders) out.emplace_back(s.id, s.name);
            break;
        case EffectTarget::culture: break;
    }
    return out;
}

std::string plain_number(double value, int decimals) {
    if (!std::isfinite(value)) return "?";
    if (std::fabs(value) >= 1000) return chart::format_number(value, 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 6), value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return localise_number(s);
}

std::string describe_effect(const Plan& plan, const Action& action, const Effect& e) {
    std::string who;
    if (e.target == EffectTarget::culture) {
        who = tr("Culture");
    } else {
        for (const auto& [id, name] : effect_entities(plan, e.target))
            if (id == e.id) who = name;
        if (e.target == EffectTarget::touchpoint)  // the short name reads better in a sentence
            for (const Touchpoint& t : plan.touchpoints)
                if (t.id == e.id) who = t.name;
        static const char* const kNoneChosen[] = {tr_noop("(no touchpoint chosen)"), tr_noop("(no commitment chosen)"),
                                                  tr_noop("(no knowledge source chosen)"),
                                                  tr_noop("(no stakeholder group chosen)")};
        if (who.empty())
            who = e.id.empty() ? std::string(tr(kNoneChosen[std::clamp(static_cast<int>(e.target), 0, 3)]))
                               : trf("(missing: %s)", e.id.c_str());
    }
    const EffectField* field = find_effect_field(e.target, e.field);
    std::string what = field ? tr(field->label) : (e.field.empty() ? tr("(no field chosen)") : e.field);
    const bool share = field && field->share;
    const std::string when = action.ramp_months > 1
                                 ? trf("from month %d, full by month %d", action.start_month,
                                       action.start_month + action.ramp_months - 1)
                                 : trf("from month %d", action.start_month);
    const char *w = who.c_str(), *f = what.c_str(), *t = when.c_str();
    // One format per kind of change, so each language words the whole phrase (and agrees with the figure).
    switch (e.op) {
        case EffectOp::scale: return trf("%s: %s \xC3\x97 %s %s", w, f, plain_number(e.value, 3).c_str(), t);  // U+00D7
        case EffectOp::add: {
            const std::string v = share ? plain_number(std::fabs(e.value) * 100, 1) : plain_number(std::fabs(e.value), 3);
            if (share)
                return e.value < 0 ? trf("%s: %s \xE2\x88\x92 %s percentage points %s", w, f, v.c_str(), t)  // U+2212
                                   : trf("%s: %s + %s percentage points %s", w, f, v.c_str(), t);
            return e.value < 0 ? trf("%s: %s \xE2\x88\x92 %s %s", w, f, v.c_str(), t) : trf("%s: %s + %s %s", w, f, v.c_str(), t);
        }
        case EffectOp::set: {
            const std::string v = share ? plain_number(e.value * 100, 1) + "%" : plain_number(e.value, 3);
            return trf("%s: %s set to %s %s", w, f, v.c_str(), t);
        }
    }
    return who + ": " + what;
}

// ---- Roadmap ------------------------------------------------------------------------------------

int month_at(float x, float x0, float month_width, int horizon) {
    if (month_width <= 0 || horizon < 1) return 1;
    int m = static_cast<int>(std::floor((x - x0) / month_width)) + 1;
    return std::clamp(m, 1, horizon);
}

int dragged_start(int start_month, float dx, float month_width, int horizon) {
    if (month_width <= 0) return std::clamp(start_month, 1, std::max(1, horizon));
    int shift = static_cast<int>(std::lround(dx / month_width));
    return std::clamp(start_month + shift, 1, std::max(1, horizon));
}

int dragged_ramp(int ramp_months, float dx, float month_width) {
    if (month_width <= 0) return std::clamp(ramp_months, 1, 120);
    int shift = static_cast<int>(std::lround(dx / month_width));
    return std::clamp(ramp_months + shift, 1, 120);
}

std::vector<MonthCost> monthly_costs(const Plan& plan) {
    const int horizon = std::max(0, plan.settings.horizon_months);
    std::vector<MonthCost> costs(static_cast<std::size_t>(horizon));
    for (const Action& a : plan.actions) {
        if (!a.enabled) continue;
        for (int m = std::max(1, a.start_month); m <= horizon; ++m) {
            MonthCost& c = costs[static_cast<std::size_t>(m - 1)];
            if (m == a.start_month) c.once += a.cost_once;
            c.monthly += a.cost_per_month;
        }
    }
    return costs;
}

// ---- Widgets ------------------------------------------------------------------------------------

const char* kind_label(StakeholderKind kind) {
    static const char* k[] = {tr_noop("Customers"), tr_noop("Employees"), tr_noop("Partners"), tr_noop("Investors"), tr_noop("Community")};
    return tr(k[std::clamp(static_cast<int>(kind), 0, 4)]);
}
const char* channel_label(Channel channel) {
    static const char* k[] = {tr_noop("Social media"), tr_noop("Omnichannel"), tr_noop("Inbound marketing"), tr_noop("Survey"), tr_noop("CRM data"), tr_noop("Other")};
    return tr(k[std::clamp(static_cast<int>(channel), 0, 5)]);
}
const char* stage_label(Stage stage) {
    static const char* k[] = {tr_noop("Discover"), tr_noop("Consider"), tr_noop("Purchase"), tr_noop("Deliver"), tr_noop("Use"), tr_noop("Service"), tr_noop("Renew")};
    return tr(k[std::clamp(static_cast<int>(stage), 0, 6)]);
}
const char* metric_label(Metric metric) {
    static const char* k[] = {tr_noop("Trust share"), tr_noop("NPS"), tr_noop("CSAT"), tr_noop("Churn"), tr_noop("Other")};
    return tr(k[std::clamp(static_cast<int>(metric), 0, 4)]);
}

std::string stakeholder_name(const Plan& plan, const std::string& id) {
    for (const Stakeholder& s : plan.stakeholders)
        if (s.id == id) return s.name.empty() ? s.id : s.name;
    return id.empty() ? std::string(tr("(none)")) : trf("(missing: %s)", id.c_str());
}

void edit_id(App& app, Entity kind, std::size_t index, const std::string& current, const std::string& name) {
    EditorView& view = app.editor_view();
    const std::string key = std::to_string(static_cast<int>(kind)) + ":" + std::to_string(index);
    if (view.id_key != key) view.id_buffer = current;
    const Plan& plan = app.document().plan();
    auto taken_elsewhere = [&](const std::string& id) {
        std::vector<std::string> ids = ids_of(plan, kind);
        if (index < ids.size()) ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(index));
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    auto apply = [&](const std::string& id) {
        if (id == current || !valid_id(id) || taken_elsewhere(id)) return;
        rename_id(app.document().begin_edit(), kind, index, id);
    };
    const float button = ImGui::CalcTextSize(tr("From name")).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4, ImGui::CalcItemWidth() - button -
                                                                    ImGui::GetStyle().ItemInnerSpacing.x));
    ImGui::BeginDisabled(app.document().read_only());
    ImGui::InputText("##id", &view.id_buffer, ImGuiInputTextFlags_CharsNoBlank);
    const bool active = ImGui::IsItemActive();
    const bool done = ImGui::IsItemDeactivatedAfterEdit();
    item_tooltip(tr("The stable name other parts of the plan (and merges, diffs and scripts) use for this entry: "
                 "lower-case letters, digits, - and _, starting with a letter or digit, at most 64 characters, "
                 "unique in its list. Changing it renames every reference too. Applied when you press Enter or "
                 "leave the field."));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::Button(tr("From name"))) {
        std::vector<std::string> others = ids_of(plan, kind);
        if (index < others.size()) others.erase(others.begin() + static_cast<std::ptrdiff_t>(index));
        apply(unique_id(name, others));
        view.id_key.clear();
    }
    item_tooltip(tr("Make the id from the name (unique, valid), renaming every reference."));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(tr("Id"));
    ImGui::EndDisabled();
    if (active) view.id_key = key;
    std::string problem;
    if (view.id_key == key) {
        const std::string& typed = view.id_buffer;
        if (!valid_id(typed))
            problem = typed.empty() ? tr("An id is needed.")
                                    : tr("Use lower-case letters, digits, - and _ only, starting with a letter or digit "
                                         "(at most 64 characters).");
        else if (typed != current && taken_elsewhere(typed))
            problem = tr("Another entry in this list already uses this id.");
    }
    if (done) {
        apply(view.id_buffer);
        if (problem.empty()) view.id_key.clear();
    }
    if (!problem.empty()) field_error(problem + " " + trf("Not applied yet: the id stays \"%s\".", current.c_str()));
}

bool combo_stakeholder(App& app, const char* label, const std::string& current, const char* tooltip,
                       const std::function<void(Plan&, const std::string&)>& write) {
    const Plan& plan = app.document().plan();
    std::string preview = stakeholder_name(plan, current);
    bool changed = false;
    std::string chosen;
    ImGui::BeginDisabled(app.document().read_only());
    if (begin_combo(label, preview.c_str())) {
        for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) {
            const Stakeholder& s = plan.stakeholders[i];
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(s.name.empty() ? s.id.c_str() : s.name.c_str(), s.id == current)) {
                chosen = s.id;
                changed = s.id != current;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    if (tooltip) item_tooltip(tooltip);
    if (changed) write(app.document().begin_edit(), chosen);
    return changed;
}

bool combo_index(App& app, const char* label, int current, const char* const* labels, int count, const char* tooltip,
                 const std::function<void(Plan&, int)>& write) {
    bool changed = false;
    int chosen = current;
    ImGui::BeginDisabled(app.document().read_only());
    // The labels are English (tr_noop tables or tr() texts): shown translated.
    const char* preview = current >= 0 && current < count ? tr(labels[current]) : "";
    if (begin_combo(label, preview)) {
        for (int i = 0; i < count; ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(tr(labels[i]), i == current)) {
                chosen = i;
                changed = i != current;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    if (tooltip) item_tooltip(tooltip);
    if (changed) write(app.document().begin_edit(), chosen);
    return changed;
}

void error_summary(App& app, std::initializer_list<const char*> prefixes) {
    std::vector<const io::Problem*> mine;
    for (const io::Problem& e : app.plan_errors())
        for (const char* p : prefixes) {
            const std::string_view prefix = p, at = e.pointer;
            if (e.located && at.substr(0, prefix.size()) == prefix && (at.size() == prefix.size() || at[prefix.size()] == '/')) {
                mine.push_back(&e);
                break;
            }
        }
    if (mine.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.12f, 1));
    const std::string title = (mine.size() == 1 ? std::string(tr("1 problem to fix before this plan can be saved cleanly"))
                                                : trf("%d problems to fix before this plan can be saved cleanly",
                                                      static_cast<int>(mine.size()))) + "###problems";
    const bool open = ImGui::CollapsingHeader(title.c_str());
    ImGui::PopStyleColor();
    item_tooltip(tr("What the file check says about these entries, with the same words a file would get. The plan "
                 "still works while you edit; fix these so colleagues can open it."));
    if (!open) return;
    for (const io::Problem* e : mine) {
        ImGui::Bullet();
        field_error(e->text());
    }
}

std::string field_label(const FieldInfo& field, const std::string& currency) {
    // Money fields name the currency: "One-off cost (%s)##cost-once".
    return std::string_view(field.editor_label).find("%s") != std::string_view::npos
               ? trf(field.editor_label, currency.c_str())
               : std::string(tr(field.editor_label));
}

void pointer_error(App& app, const std::string& pointer) {
    const std::string e = app.error_at(pointer);
    if (!e.empty()) field_error(e);
}

int entity_list(const char* id, const std::vector<std::string>& names, int selected, float height, ListCommand* row_command) {
    int n = static_cast<int>(names.size());
    selected = n == 0 ? 0 : std::clamp(selected, 0, n - 1);
    if (ImGui::BeginListBox(id, ImVec2(-FLT_MIN, height))) {
        for (int i = 0; i < n; ++i) {
            ImGui::PushID(i);
            const std::string label = names[static_cast<std::size_t>(i)].empty() ? tr("(unnamed)") : names[static_cast<std::size_t>(i)];
            // A name longer than the list ends in an ellipsis; the tooltip and a screen reader give it whole.
            const std::string shown = fit_text(label, ImGui::GetContentRegionAvail().x);
            if (ImGui::Selectable(shown.c_str(), i == selected)) selected = i;
            a11y::set_name(label);
            cut_label_tooltip(shown, label);
            // Right click, or a long press on a touch screen: the row's own Duplicate and Delete.
            if (row_command && ImGui::BeginPopupContextItem("row-menu")) {
                selected = i;
                if (ImGui::MenuItem(tr("Duplicate"))) *row_command = ListCommand::duplicate;
                if (ImGui::MenuItem(tr("Delete"))) *row_command = ListCommand::remove;
                ImGui::EndPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndListBox();
    }
    return selected;
}

ListCommand list_buttons(App& app, bool has_selection, const char* noun) {
    ListCommand command = ListCommand::none;
    ImGui::BeginDisabled(app.document().read_only());
    if (ImGui::Button(tr("Add"))) command = ListCommand::add;
    std::string tip = trf("Add a new %s with a unique id.", noun);
    item_tooltip(tip.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!has_selection);
    if (ImGui::Button(tr("Duplicate"))) command = ListCommand::duplicate;
    tip = trf("Copy the selected %s (it gets its own id).", noun);
    item_tooltip(tip.c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr("Delete"))) command = ListCommand::remove;
    tip = trf("Delete the selected %s; you are asked first, and told what else goes with it.", noun);
    item_tooltip(tip.c_str());
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    return command;
}

void request_delete(App& app, Entity kind, int index) {
    app.editor_view().delete_kind = static_cast<int>(kind);
    app.editor_view().delete_index = index;
}

void delete_popup(App& app, Entity kind, const std::string& question) {
    EditorView& view = app.editor_view();
    const char* title = tr("Delete?###confirm-delete");
    const bool pending = view.delete_kind == static_cast<int>(kind);
    if (pending && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const Plan& plan = app.document().plan();
    const std::size_t index = static_cast<std::size_t>(std::max(0, view.delete_index));
    bool close = !pending;
    ImGui::TextWrapped("%s", question.c_str());
    const std::vector<std::string> consequences = delete_consequences(plan, kind, index);
    if (consequences.empty()) {
        ImGui::TextDisabled("%s", tr("Nothing else in the plan refers to it."));
    } else {
        ImGui::TextUnformatted(tr("This also changes the rest of the plan:"));
        for (const std::string& c : consequences) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", c.c_str());
        }
    }
    ImGui::TextDisabled("%s", tr("You can undo this (Ctrl+Z)."));
    ImGui::Spacing();
    if (ImGui::Button(tr("Delete"))) {
        if (!app.document().read_only()) remove_entity(app.document().begin_edit(), kind, index);
        close = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) close = true;
    if (close) {
        view.delete_kind = -1;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void editor_intro(const char* title, const char* text) {
    chart::heading(title);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ImGui::Spacing();
}

}  // namespace fiducia::ui
