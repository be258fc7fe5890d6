// The start screen: what Fiducia is, and the three ways in (new, open, an example). On a phone the
// buttons stack at a finger's height and the workshop path says what it is for, with no hover.
#include <algorithm>

#include <imgui.h>

#include "ui/platform/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/document/editing.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/platform/theme.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

void draw_start_screen(App& app, const std::vector<ExamplePlan>& examples) {
    const float em = ImGui::GetFontSize();
    const bool narrow = app.narrow();
    const float column = std::min(ImGui::GetContentRegionAvail().x, em * 36);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - column) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (narrow ? em * 0.5f : em * 2));
    ImGui::BeginGroup();
    const float right = ImGui::GetCursorScreenPos().x + column;  // buttons that do not fit go below
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted("Fiducia");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::TextWrapped("%s", tr("Plan how your organisation earns, keeps and grows the trust of its customers, "
                       "employees, partners and investors: score it, see why it is what it is, and "
                       "watch it rise and fall month by month."));
    ImGui::Spacing();
    // A phone: each way in is a whole-width button a finger can hit.
    const ImVec2 least = narrow ? ImVec2(column, app.touch_target()) : ImVec2(0, 0);
    if (ImGui::Button(tr("New plan"), button_size(tr("New plan"), least))) app.new_plan();
    item_tooltip(tr("Start from an empty plan with one stakeholder group."));
    const ImVec2 open_size = button_size(tr("Open a plan file..."), least);
    same_line_if_fits(open_size.x, right);
    if (ImGui::Button(tr("Open a plan file..."), open_size)) app.open_file_dialog();
    const char* drop = tr("or drop a .json file anywhere");
    if (!narrow) {  // phones have nothing to drop from
        same_line_if_fits(ImGui::CalcTextSize(drop).x, right);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", drop);
        ImGui::PopStyleColor();
    }
    const char* workshop_tip = tr("Open the invitation file your facilitator gave you, score each group, then save "
                                  "your ratings or show your code.");
    if (narrow) ImGui::Spacing();
    if (ImGui::Button(tr("Score a workshop..."), button_size(tr("Score a workshop..."), narrow ? least : ImVec2(em * 10, 0))))
        app.open_file_dialog();
    item_tooltip(workshop_tip);
    if (narrow) {  // no hover on a phone: say it under the button
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", workshop_tip);
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Start from an example"));
    for (const ExamplePlan& e : examples) {
        ImGui::PushID(e.file.c_str());
        if (ImGui::Selectable(("##" + e.file).c_str(), false, 0, ImVec2(column, em * 2.6f))) app.open_text(e.text, e.file);
        a11y::set_name(e.title + " (" + e.organisation + ")");  // what the card shows, drawn beside the item
        // A title longer than the card ends in an ellipsis; the tooltip gives it whole.
        const std::string title = fit_text(e.title, column - em);
        const std::string organisation = fit_text(e.organisation, column - em);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) {
            const std::string tip = trf("Open %s (a copy: your changes stay in this browser until you save)", e.file.c_str());
            if (title == e.title && organisation == e.organisation) set_tooltip("%s", tip.c_str());
            else set_tooltip("%s\n%s\n%s", e.title.c_str(), e.organisation.c_str(), tip.c_str());
        }
        ImVec2 min = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + em * 0.5f, min.y + em * 0.2f),
                                            ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + em * 0.5f, min.y + em * 1.3f),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), organisation.c_str());
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", tr("Plans stay on this computer: nothing you open or type is sent anywhere."));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace fiducia::ui
