// A participant's scoring screen, opened from a workshop invitation: for each stakeholder group
// the five dimensions, each scored 1..9 on the trust scale or "not sure" and, optionally, how much
// it matters to the group (1..5), an optional name, then a ratings file or a short code for the
// facilitator. It shows nothing of the plan: there is none.
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app.hpp"
#include "ui/chart.hpp"
#include "ui/i18n.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace fiducia::ui {

using namespace chart;  // dimension names, colours, percent formatting

namespace {

// The scale's colours: distrust warm, neutral grey, trust blue (the charts' up/down colours).
ImVec4 score_colour(int score) {
    if (score <= 4) return ImGui::ColorConvertU32ToFloat4(down_colour());
    if (score == 5) return ImVec4(0.55f, 0.55f, 0.55f, 1);
    return ImGui::ColorConvertU32ToFloat4(up_colour());
}

const char* score_words(int score) {
    static const char* kWords[] = {"",
                                   tr_noop("1: strong distrust"), tr_noop("2: distrust"), tr_noop("3: distrust"),
                                   tr_noop("4: slight distrust"), tr_noop("5: neither trust nor distrust"),
                                   tr_noop("6: slight trust (counts as trust)"), tr_noop("7: trust"), tr_noop("8: trust"),
                                   tr_noop("9: strong trust")};
    return tr(kWords[score]);
}

// One dimension of one group: nine score buttons and "Not sure"; the chosen one is filled.
void score_row(int& cell, const std::string& id, float button) {
    for (int v = 1; v <= 9; ++v) {
        if (v > 1) ImGui::SameLine(0, v == 5 || v == 6 ? button * 0.35f : 4);
        const bool chosen = cell == v;
        ImVec4 colour = score_colour(v);
        ImGui::PushStyleColor(ImGuiCol_Button, chosen ? colour : ImVec4(colour.x, colour.y, colour.z, 0.12f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(colour.x, colour.y, colour.z, chosen ? 0.9f : 0.35f));
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
        const std::string label = std::to_string(v) + "##" + id;
        if (ImGui::Button(label.c_str(), ImVec2(button, button))) cell = chosen ? 0 : v;
        ImGui::PopStyleColor(3);
        item_tooltip(score_words(v));
    }
    ImGui::SameLine(0, button * 0.35f);
    // A cell is 0 untouched, -1 once "Not sure" is clicked (highlighted): an untouched row should
    // not read as "not sure" chosen. Both stay out of the ratings.
    const bool unsure = cell < 0;
    if (unsure) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    const std::string label = std::string(tr("Not sure")) + "##" + id;
    if (ImGui::Button(label.c_str(), ImVec2(0, button))) cell = unsure ? 0 : -1;
    if (unsure) ImGui::PopStyleColor();
    item_tooltip(tr("You cannot say for this group and dimension: the cell is left out of the results (not counted as a 5)."));
}

const char* matters_words(int importance) {
    static const char* kWords[] = {"", tr_noop("1: hardly matters to them"), tr_noop("2: matters a little"),
                                   tr_noop("3: matters"), tr_noop("4: matters a lot"), tr_noop("5: matters most to them")};
    return tr(kWords[importance]);
}

// How much the dimension matters to the group: five smaller buttons; a second click clears.
void matters_row(int& cell, const std::string& id, float button) {
    const ImVec4 accent = ImGui::GetStyle().Colors[ImGuiCol_CheckMark];
    for (int v = 1; v <= 5; ++v) {
        if (v > 1) ImGui::SameLine(0, 3);
        const bool chosen = cell == v;
        ImGui::PushStyleColor(ImGuiCol_Button, chosen ? accent : ImVec4(accent.x, accent.y, accent.z, 0.10f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(accent.x, accent.y, accent.z, chosen ? 0.9f : 0.3f));
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
        const std::string label = std::to_string(v) + "##matters-" + id;
        if (ImGui::Button(label.c_str(), ImVec2(button * 0.8f, button))) cell = chosen ? 0 : v;
        ImGui::PopStyleColor(3);
        item_tooltip(matters_words(v));
    }
}

}  // namespace

void draw_workshop_score(App& app) {
    ScoringSession& s = *app.scoring();
    const float em = ImGui::GetFontSize();
    const float column = std::min(ImGui::GetContentRegionAvail().x - em, em * 48);
    ImGui::BeginChild("scoring", ImVec2(0, 0), false);
    ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - column) * 0.5f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(s.invitation.title.empty() ? tr("Trust workshop") : s.invitation.title.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", tr("How far does each group trust us? For each group and each of the five dimensions, "
                                "click a score from 1 (distrust) to 9 (trust). 6 to 9 counts as trust, 5 is neither. "
                                "Click \"Not sure\" when you cannot say."));
    ImGui::TextWrapped("%s", tr("On the right, if you can say, how much each dimension matters to the group, from 1 "
                                "(hardly) to 5 (most): the room's answers set how much each dimension weighs in the "
                                "group's trust."));
    ImGui::Spacing();
    ImGui::SetNextItemWidth(em * 16);
    ImGui::InputTextWithHint(tr("Your name (optional)"), tr("leave empty to stay anonymous"), &s.name);
    item_tooltip(tr("Your name shows in the facilitator's list of participants. Leave it empty and you are "
                    "\"Participant 1\", \"Participant 2\"... A code never carries a name."));

    const float button = em * 2.0f;
    const float label_width = em * 9;
    // Where the importance buttons start: after the nine scores and "Not sure".
    const float matters_x = label_width + button * 9 + 4 * 7 + button * 0.7f + ImGui::CalcTextSize(tr("Not sure")).x +
                            ImGui::GetStyle().FramePadding.x * 2 + button * 0.9f;
    const std::size_t dims = s.invitation.dimensions.size();
    for (std::size_t g = 0; g < s.invitation.stakeholders.size(); ++g) {
        const io::Invitation::Group& group = s.invitation.stakeholders[g];
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PushFont(heading_font());
        ImGui::TextUnformatted(group.name.c_str());
        ImGui::PopFont();
        // The scale's words over the buttons, once per group so they stay in sight.
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_width);
        ImGui::TextDisabled("%s", tr("1 = distrust"));
        ImGui::SameLine(ImGui::GetCursorStartPos().x + label_width + button * 4 + 4 * 3 + button * 0.35f);
        ImGui::TextDisabled("%s", tr("5 = neither"));
        ImGui::SameLine(ImGui::GetCursorStartPos().x + label_width + button * 9 + 4 * 6 + button * 0.7f - ImGui::CalcTextSize(tr("9 = trust")).x);
        ImGui::TextDisabled("%s", tr("9 = trust"));
        ImGui::SameLine(ImGui::GetCursorStartPos().x + matters_x);
        ImGui::TextDisabled("%s", tr("Matters to them"));
        item_tooltip(tr("How much this dimension matters to the group, from 1 (hardly) to 5 (most). Leave it when you "
                        "cannot say. The facilitator turns the room's answers into the group's dimension weights."));
        for (std::size_t d = 0; d < dims; ++d) {
            const int dim = static_cast<int>(s.invitation.dimensions[d]);
            const std::string id = group.id + "/" + kDimensionIds[static_cast<std::size_t>(dim)];
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(dimension_name(dim)));
            item_tooltip(tr(dimension_meaning(dim)));
            ImGui::SameLine(ImGui::GetCursorStartPos().x + label_width);
            score_row(s.score(g, d), id, button);
            ImGui::SameLine(ImGui::GetCursorStartPos().x + matters_x);
            matters_row(s.matters(g, d), id, button);
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    std::size_t scored = 0, judged = 0;
    for (int v : s.scores) scored += v > 0;
    for (int v : s.importance) judged += v > 0;
    ImGui::Text(tr("%d of %d scored, %d judged for how much they matter."), static_cast<int>(scored),
                static_cast<int>(s.scores.size()), static_cast<int>(judged));
    ImGui::BeginDisabled(scored + judged == 0);
    if (ImGui::Button(tr("Save ratings file"), ImVec2(em * 10, em * 2))) {
        s.fix_participant_id(ImGui::GetTime());
        app.download(s.file_name(), io::save_ratings(s.ratings()));
        s.saved_scores = s.answers();
        app.notify(tr("Saved your ratings file. Give it to the facilitator (a USB stick, a shared folder or e-mail)."));
    }
    item_tooltip(tr("Downloads a small file with your scores and, if you gave it, your name. It holds nothing else."));
    ImGui::SameLine();
    if (ImGui::Button(s.show_code ? tr("Hide code") : tr("Show code"), ImVec2(em * 10, em * 2))) s.show_code = !s.show_code;
    item_tooltip(tr("Your scores as a short code to read out or type in, for when a file cannot be passed on. "
                    "It has a check: a mistyped code is refused. It carries no name."));
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool unsaved = scored + judged > 0 && s.saved_scores != s.answers();
    if (ImGui::Button(tr("Close"), ImVec2(em * 6, em * 2))) {
        if (unsaved && !s.close_asked) s.close_asked = true;
        else app.scoring().reset();
    }
    item_tooltip(tr("Leave the scoring screen. Your scores are not kept here: save them or show your code first."));
    if (app.scoring() && s.close_asked && unsaved)
        field_error(tr("Your scores are not saved yet. Click Close again to leave without them."));
    if (app.scoring() && s.show_code && scored + judged > 0) {
        const std::string code = io::ratings_code(s.invitation, s.ratings());
        s.saved_scores = s.answers();  // a code on screen is as good as a saved file
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Your code (give it to the facilitator):"));
        ImGui::PushFont(heading_font());
        ImGui::TextUnformatted(code.c_str());
        ImGui::PopFont();
        if (ImGui::SmallButton(tr("Copy code"))) ImGui::SetClipboardText(code.c_str());
        item_tooltip(tr("Copies the code, to paste into a message."));
        ImGui::TextDisabled("%s", tr("The code changes when you change a score or an importance."));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace fiducia::ui
