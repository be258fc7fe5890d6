// Field editors shared by every panel. Each edit goes through the Document (one undo step per
// gesture: a slider drag is one step), shows a tooltip saying what the field means and where its
// figure comes from, and is disabled when the plan is read-only.
// `write(Plan&, value)` stores the new value into the plan being edited.
#pragma once

#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/i18n.hpp"

namespace fiducia::ui {

void help_marker(const char* text);       // a "(?)" after the last item that explains it on hover
void item_tooltip(const char* text);      // tooltip for the last item, wrapped to a readable width
void field_error(const std::string& text);  // the broken rule, in red, under the last item
// Puts the next item on the last one's line when `width` more pixels fit before the screen x `right`,
// else on the next line: a row of buttons wraps on a narrow screen instead of running off it.
void same_line_if_fits(float width, float right);
// The size a button needs to show its whole label (the text before "##"), and at least `min`.
ImVec2 button_size(const char* label, ImVec2 min);

namespace detail {
// Commits `write` as an edit; keeps merging into one undo step while the item is held.
template <typename Write, typename Value>
bool commit(App& app, bool changed, const char* tooltip, Write& write, const Value& value) {
    if (tooltip) item_tooltip(tooltip);
    if (changed) write(app.document().begin_edit(ImGui::IsItemActive()), value);
    if (ImGui::IsItemDeactivated()) app.document().end_gesture();
    return changed;
}
}  // namespace detail

template <typename Write>
bool edit_text(App& app, const char* label, const std::string& value, const char* tooltip, Write write) {
    std::string text = value;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = ImGui::InputText(label, &text);
    a11y::set_value(text);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, text);
}

template <typename Write>
bool edit_number(App& app, const char* label, double value, double min, double max, const char* format,
                 const char* tooltip, Write write) {
    double v = value;
    double speed = (max - min) > 0 && (max - min) < 1e9 ? (max - min) / 500.0 : (v > 1 ? v / 200.0 : 0.01);
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = ImGui::DragScalar(label, ImGuiDataType_Double, &v, static_cast<float>(speed), &min, &max,
                                     slider_format(format, v).c_str(), ImGuiSliderFlags_AlwaysClamp);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, v);
}

// A share in [0,1], shown and typed as a percentage.
template <typename Write>
bool edit_share(App& app, const char* label, double value, const char* tooltip, Write write) {
    double percent = value * 100.0;
    const double lo = 0, hi = 100;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, &percent, &lo, &hi,
                                       slider_format("%.1f%%", percent).c_str(), ImGuiSliderFlags_AlwaysClamp);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, percent / 100.0);
}

template <typename Write>
bool edit_int(App& app, const char* label, int value, int min, int max, const char* tooltip, Write write) {
    int v = value;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = ImGui::DragInt(label, &v, 0.2f, min, max, "%d", ImGuiSliderFlags_AlwaysClamp);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, v);
}

template <typename Write>
bool edit_bool(App& app, const char* label, bool value, const char* tooltip, Write write) {
    bool v = value;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = ImGui::Checkbox(label, &v);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, v);
}

}  // namespace fiducia::ui
