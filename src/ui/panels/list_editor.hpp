// The list/detail editor the plan's entity panels share (stakeholders, knowledge, commitments,
// actions): a list with Add / Duplicate / Delete beside the chosen entity's fields. Each panel
// describes its entity once in a ListEditor; the skeleton, the copy naming, the ids and the delete
// prompt are written here once.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/references.hpp"
#include "ui/app.hpp"
#include "ui/document/editing.hpp"
#include "ui/platform/i18n.hpp"

namespace fiducia::ui {

template <typename T>
struct ListEditor {
    Entity kind;
    std::vector<T> Plan::*items;
    std::string T::*name;          // shown in the list, copied with "(copy)", made into the id
    const char* list_id;           // the list's ImGui id ("##actions")
    const char* noun;              // translated, for the buttons ("action")
    const char* id_fallback;       // the id when the name has no letter or digit ("action")
    const char* delete_question;   // English printf format with one %s, the name (tr_noop)
    const char* empty_text;        // translated: what to add first
    std::function<void(T&, const Plan&)> init_new;                     // a new entity's defaults
    std::function<void(App&, const Plan&, std::size_t)> detail;        // the chosen entity's fields
    std::function<std::string(const T&)> row_label = nullptr;          // default: the name
    float item_width_em = 0;       // the detail's field width in ems (0: ImGui's default)
};

// Draws the list and the detail of `editor`'s entities; `selected` is the panel's remembered row.
template <typename T>
void list_detail(App& app, int& selected, const ListEditor<T>& editor) {
    const Plan& plan = app.document().plan();
    const std::vector<T>& items = plan.*editor.items;
    const float em = ImGui::GetFontSize();

    // A phone: the list above the chosen entity's fields, each the whole width (beside the list the
    // fields were a sliver), and the panel scrolls as one; elsewhere the list beside them.
    const bool narrow = app.narrow();
    ImGui::BeginChild("list", narrow ? ImVec2(0, em * 13) : ImVec2(em * 15, 0), true);
    ListCommand command = list_buttons(app, !items.empty(), editor.noun);
    std::vector<std::string> names;
    for (const T& item : items) names.push_back(editor.row_label ? editor.row_label(item) : item.*editor.name);
    selected = entity_list(editor.list_id, names, selected, -FLT_MIN, app.document().read_only() ? nullptr : &command);
    ImGui::EndChild();

    if (command == ListCommand::add || command == ListCommand::duplicate) {
        T item;
        if (command == ListCommand::duplicate && !items.empty()) {
            item = items[static_cast<std::size_t>(selected)];
            item.*editor.name += std::string(" ") + tr("(copy)");
        } else {
            editor.init_new(item, plan);
        }
        item.id = unique_id(item.*editor.name, ids_of(plan, editor.kind), editor.id_fallback);
        std::vector<T>& list = app.document().begin_edit().*editor.items;
        list.push_back(std::move(item));
        selected = static_cast<int>(list.size()) - 1;
    } else if (command == ListCommand::remove) {
        request_delete(app, editor.kind, selected);
    }
    {
        const std::vector<T>& now = app.document().plan().*editor.items;
        const int pending = app.editor_view().delete_index;
        const bool ours = app.editor_view().delete_kind == static_cast<int>(editor.kind);
        if (ours && pending >= 0 && static_cast<std::size_t>(pending) < now.size())
            delete_popup(app, editor.kind, trf(editor.delete_question, (now[static_cast<std::size_t>(pending)].*editor.name).c_str()));
        else if (ours)
            app.editor_view().delete_kind = -1;  // the entity went meanwhile (undo): nothing to ask
    }

    if (narrow) {
        ImGui::PushID("detail");
    } else {
        ImGui::SameLine();
        ImGui::BeginChild("detail", ImVec2(0, 0), false);
    }
    const Plan& current = app.document().plan();
    const std::vector<T>& shown = current.*editor.items;
    if (shown.empty()) {
        ImGui::TextWrapped("%s", editor.empty_text);
    } else {
        selected = std::clamp(selected, 0, static_cast<int>(shown.size()) - 1);
        ImGui::PushID(selected);
        // On a phone each field leaves room for its label beside it (up to 10 em, at most 40% of the width).
        const bool width = narrow || editor.item_width_em > 0;
        const float label = std::min(em * 10, ImGui::GetContentRegionAvail().x * 0.4f);
        if (width) ImGui::PushItemWidth(narrow ? -label : em * editor.item_width_em);
        editor.detail(app, current, static_cast<std::size_t>(selected));
        if (width) ImGui::PopItemWidth();
        ImGui::PopID();
    }
    if (narrow) ImGui::PopID();
    else ImGui::EndChild();
}

}  // namespace fiducia::ui
