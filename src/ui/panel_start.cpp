// The start screen: what Fiducia is, and the three ways in (new, open, an example).
#include <imgui.h>

#include "ui/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"

namespace fiducia::ui {

void draw_start_screen(App& app, const std::vector<ExamplePlan>& examples) {
    const float em = ImGui::GetFontSize();
    const float column = std::min(ImGui::GetContentRegionAvail().x, em * 36);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - column) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em * 2);
    ImGui::BeginGroup();
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted("Fiducia");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::TextWrapped("%s", tr("Plan how your organisation earns, keeps and grows the trust of its customers, "
                       "employees, partners and investors: score it, see why it is what it is, and "
                       "watch it rise and fall month by month."));
    ImGui::Spacing();
    if (ImGui::Button(tr("New plan"), ImVec2(0, 0))) app.new_plan();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Start from an empty plan with one stakeholder group."));
    ImGui::SameLine();
    if (ImGui::Button(tr("Open a plan file..."), ImVec2(0, 0))) app.open_file_dialog();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("or drop a .json file anywhere"));
    if (ImGui::Button(tr("Score a workshop..."), ImVec2(em * 10, 0))) app.open_file_dialog();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Open the invitation file your facilitator gave you, score each group, then save your ratings or show your code."));
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Start from an example"));
    for (const ExamplePlan& e : examples) {
        ImGui::PushID(e.file.c_str());
        if (ImGui::Selectable(("##" + e.file).c_str(), false, 0, ImVec2(column, em * 2.6f))) app.open_text(e.text, e.file);
        a11y::set_name(e.title + " (" + e.organisation + ")");  // what the card shows, drawn beside the item
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Open %s (a copy: your changes stay in this browser until you save)"), e.file.c_str());
        ImVec2 min = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + em * 0.5f, min.y + em * 0.2f),
                                            ImGui::GetColorU32(ImGuiCol_Text), e.title.c_str());
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + em * 0.5f, min.y + em * 1.3f),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), e.organisation.c_str());
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr("Plans stay on this computer: nothing you open or type is sent anywhere."));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace fiducia::ui
