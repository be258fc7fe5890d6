#include "ui/widgets.hpp"

#include <algorithm>

#include "ui/accessibility.hpp"

namespace fiducia::ui {

void item_tooltip(const char* text) {
    if (text) a11y::set_description(text);  // read out with the field, as its tooltip is shown on hover
    if (!text || !ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip | ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void help_marker(const char* text) {
    if (text) a11y::describe(ImGui::GetItemID(), text);  // the item it explains
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    item_tooltip(text);
}

void field_error(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.12f, 1));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void same_line_if_fits(float width, float right) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
}

ImVec2 button_size(const char* label, ImVec2 min) {
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    return ImVec2(std::max(min.x, text.x + pad.x * 2), std::max(min.y, text.y + pad.y * 2));
}

}  // namespace fiducia::ui
