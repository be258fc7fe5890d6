// A participant's scoring screen, opened from a workshop invitation: for each stakeholder group
// the five dimensions, each scored 1..9 on the trust scale or "not sure" and, optionally, how much
// it matters to the group (1..5), an optional name, then a ratings file or a short code for the
// facilitator. It shows nothing of the plan: there is none.
#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/platform/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui/platform/theme.hpp"
#include "ui/panels/widgets.hpp"

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

// How the sheet fits the width it has. Every button is at least a finger wide (kTouchTargetCss):
// a wide screen shows a dimension on one line; a narrower one puts "matters to them" under the
// scores; a phone puts the dimension's name above its scale, in two rows (1-5, then 6-9 and
// "Not sure"), and "matters to them" below.
struct Sheet {
    enum Layout { one_line, matters_below, two_rows } layout = one_line;
    float button = 0;     // a score button's side
    float row_button = 0; // a button's width in the two-row layout (they share the row)
    float gap = 0;        // between buttons of one kind
    float group_gap = 0;  // between distrust, neither and trust, and before "Not sure"
    float not_sure = 0;   // the "Not sure" button's width
    float label = 0;      // the dimension names' column (one_line, matters_below)
};

Sheet measure_sheet(const App& app, float width) {
    Sheet k;
    const float em = ImGui::GetFontSize();
    k.button = std::max(em * 2.0f, app.touch_target());
    k.gap = ImGui::GetStyle().ItemSpacing.x * 0.4f;
    k.group_gap = k.button * 0.35f;
    k.not_sure = button_size(tr("Not sure"), ImVec2(k.button, k.button)).x;
    k.label = em * 9;
    const float scores = k.button * 9 + k.gap * 6 + k.group_gap * 3 + k.not_sure;
    const float matters = k.group_gap * 2 + k.button * 5 + k.gap * 4;
    if (k.label + scores + matters <= width) k.layout = Sheet::one_line;
    else if (k.label + scores <= width) k.layout = Sheet::matters_below;
    else k.layout = Sheet::two_rows;
    // Two rows of five share the width: wider targets where there is room, never under a finger's.
    const float by_first_row = (width - k.gap * 4) / 5, by_second_row = (width - k.gap * 4 - k.not_sure) / 4;
    k.row_button = std::clamp(std::min(by_first_row, by_second_row), k.button, k.button * 1.6f);
    return k;
}

void score_button(int& cell, int v, const std::string& id, ImVec2 size) {
    const bool chosen = cell == v;
    ImVec4 colour = score_colour(v);
    ImGui::PushStyleColor(ImGuiCol_Button, chosen ? colour : ImVec4(colour.x, colour.y, colour.z, 0.12f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(colour.x, colour.y, colour.z, chosen ? 0.9f : 0.35f));
    ImGui::PushStyleColor(ImGuiCol_Text, chosen ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
    const std::string label = std::to_string(v) + "##" + id;
    if (ImGui::Button(label.c_str(), size)) cell = chosen ? 0 : v;
    ImGui::PopStyleColor(3);
    item_tooltip(score_words(v));
}

// One dimension of one group: nine score buttons and "Not sure"; the chosen one is filled.
void score_row(int& cell, const std::string& id, const Sheet& k) {
    const bool rows = k.layout == Sheet::two_rows;
    const ImVec2 size = rows ? ImVec2(k.row_button, k.button) : ImVec2(k.button, k.button);
    for (int v = 1; v <= 9; ++v) {
        // In two rows, 6 to 9 (the trusting half) start a row of their own.
        if (v > 1 && !(rows && v == 6)) ImGui::SameLine(0, !rows && (v == 5 || v == 6) ? k.group_gap : k.gap);
        score_button(cell, v, id, size);
    }
    ImGui::SameLine(0, rows ? k.gap : k.group_gap);
    // A cell is 0 untouched, -1 once "Not sure" is clicked (highlighted): an untouched row should
    // not read as "not sure" chosen. Both stay out of the ratings.
    const bool unsure = cell < 0;
    if (unsure) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    const std::string label = std::string(tr("Not sure")) + "##" + id;
    if (ImGui::Button(label.c_str(), ImVec2(std::max(k.not_sure, size.x), k.button))) cell = unsure ? 0 : -1;
    if (unsure) ImGui::PopStyleColor();
    item_tooltip(tr("You cannot say for this group and dimension: the cell is left out of the results (not counted as a 5)."));
}

const char* matters_words(int importance) {
    static const char* kWords[] = {"", tr_noop("1: hardly matters to them"), tr_noop("2: matters a little"),
                                   tr_noop("3: matters"), tr_noop("4: matters a lot"), tr_noop("5: matters most to them")};
    return tr(kWords[importance]);
}

void matters_caption() {
    ImGui::TextDisabled("%s", tr("Matters to them"));
    item_tooltip(tr("How much this dimension matters to the group, from 1 (hardly) to 5 (most). Leave it when you "
                    "cannot say. The facilitator turns the room's answers into the group's dimension weights."));
}

// How much the dimension matters to the group: five buttons in the accent colour; a second click clears.
void matters_row(int& cell, const std::string& id, const Sheet& k) {
    const ImVec4 accent = ImGui::GetStyle().Colors[ImGuiCol_CheckMark];
    const float width = k.layout == Sheet::two_rows ? k.row_button : k.button;
    for (int v = 1; v <= 5; ++v) {
        if (v > 1) ImGui::SameLine(0, k.gap);
        const bool chosen = cell == v;
        ImGui::PushStyleColor(ImGuiCol_Button, chosen ? accent : ImVec4(accent.x, accent.y, accent.z, 0.10f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(accent.x, accent.y, accent.z, chosen ? 0.9f : 0.3f));
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
        const std::string label = std::to_string(v) + "##matters-" + id;
        if (ImGui::Button(label.c_str(), ImVec2(width, k.button))) cell = chosen ? 0 : v;
        ImGui::PopStyleColor(3);
        item_tooltip(matters_words(v));
    }
}

// On the last item's line, at x in window coordinates (SameLine's own offset counts from the group).
void same_line_at(float x) {
    ImGui::SameLine();
    ImGui::SetCursorPosX(x);
}

// The scale's words over the buttons, once per group so they stay in sight.
void scale_captions(const Sheet& k) {
    if (k.layout == Sheet::two_rows) {
        const std::string words = std::string(tr("1 = distrust")) + "   " + tr("5 = neither") + "   " + tr("9 = trust");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", words.c_str());
        ImGui::PopStyleColor();
        return;
    }
    const float x0 = ImGui::GetCursorPosX() + k.label;
    ImGui::SetCursorPosX(x0);
    ImGui::TextDisabled("%s", tr("1 = distrust"));
    same_line_at(x0 + k.button * 4 + k.gap * 3 + k.group_gap);
    ImGui::TextDisabled("%s", tr("5 = neither"));
    same_line_at(x0 + k.button * 9 + k.gap * 6 + k.group_gap * 2 - ImGui::CalcTextSize(tr("9 = trust")).x);
    ImGui::TextDisabled("%s", tr("9 = trust"));
    if (k.layout != Sheet::one_line) return;
    const float scores = k.button * 9 + k.gap * 6 + k.group_gap * 3 + k.not_sure;
    same_line_at(x0 + scores + k.group_gap * 2);
    matters_caption();
}

// One dimension: its name, its scale and how much it matters, laid out as the sheet says.
void dimension_rows(ScoringSession& s, std::size_t g, std::size_t d, const Sheet& k, float column) {
    const int dim = static_cast<int>(s.invitation.dimensions[d]);
    const std::string id = s.invitation.stakeholders[g].id + "/" + kDimensionIds[static_cast<std::size_t>(dim)];
    const float x0 = ImGui::GetCursorPosX();
    const std::string name = tr(dimension_name(dim));
    if (k.layout == Sheet::two_rows) {
        ImGui::Spacing();
        ImGui::TextUnformatted(name.c_str());
        item_tooltip(tr(dimension_meaning(dim)));
        score_row(s.score(g, d), id, k);
    } else {
        // A name longer than its column ends in an ellipsis; the tooltip gives it whole.
        const std::string shown = fit_text(name, k.label - ImGui::GetStyle().ItemSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(shown.c_str());
        item_tooltip(shown == name ? tr(dimension_meaning(dim)) : (name + ": " + tr(dimension_meaning(dim))).c_str());
        same_line_at(x0 + k.label);
        score_row(s.score(g, d), id, k);
    }
    if (k.layout == Sheet::one_line) {
        ImGui::SameLine(0, k.group_gap * 2);
        matters_row(s.matters(g, d), id, k);
        return;
    }
    // Below the scale: "matters to them" and its five buttons, on one line when they fit.
    const float indent = k.layout == Sheet::two_rows ? 0 : k.label;
    const float buttons = (k.layout == Sheet::two_rows ? k.row_button : k.button) * 5 + k.gap * 4;
    ImGui::SetCursorPosX(x0 + indent);
    ImGui::AlignTextToFramePadding();
    matters_caption();
    const float caption_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    if (caption_end + ImGui::GetStyle().ItemSpacing.x + buttons <= x0 + column) ImGui::SameLine();
    else ImGui::SetCursorPosX(x0 + indent);
    matters_row(s.matters(g, d), id, k);
}

}  // namespace

void draw_workshop_score(App& app) {
    ScoringSession& s = *app.scoring();
    const float em = ImGui::GetFontSize();
    // The sheet scrolls within the window; on a phone it uses the whole width, on a wide screen a
    // centred column.
    ImGui::BeginChild("scoring", ImVec2(0, 0), false);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = avail > em * 30 ? std::min(avail - em, em * 62) : avail;
    const Sheet sheet = measure_sheet(app, column);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) * 0.5f);  // centred left of the scrollbar
    ImGui::BeginGroup();
    const float right = ImGui::GetCursorScreenPos().x + column;  // rows of buttons wrap here
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::PushFont(heading_font());
    ImGui::TextWrapped("%s", s.invitation.title.empty() ? tr("Trust workshop") : s.invitation.title.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", tr("How far does each group trust us? For each group and each of the five dimensions, "
                                "click a score from 1 (distrust) to 9 (trust). 6 to 9 counts as trust, 5 is neither. "
                                "Click \"Not sure\" when you cannot say."));
    if (sheet.layout == Sheet::one_line)
        ImGui::TextWrapped("%s", tr("On the right, if you can say, how much each dimension matters to the group, from 1 "
                                    "(hardly) to 5 (most): the room's answers set how much each dimension weighs in the "
                                    "group's trust."));
    else
        ImGui::TextWrapped("%s", tr("Under each scale, if you can say, how much each dimension matters to the group, "
                                    "from 1 (hardly) to 5 (most): the room's answers set how much each dimension weighs "
                                    "in the group's trust."));
    ImGui::Spacing();
    const char* name_label = tr("Your name (optional)");
    if (sheet.layout == Sheet::two_rows) {  // a phone: the label above, the field the whole width
        ImGui::TextUnformatted(name_label);
        ImGui::SetNextItemWidth(column);
        ImGui::InputTextWithHint("##your-name", tr("leave empty to stay anonymous"), &s.name);
        a11y::set_name(name_label);  // its label is the text above it
    } else {
        ImGui::SetNextItemWidth(em * 16);
        ImGui::InputTextWithHint(name_label, tr("leave empty to stay anonymous"), &s.name);
    }
    item_tooltip(tr("Your name shows in the facilitator's list of participants. Leave it empty and you are "
                    "\"Participant 1\", \"Participant 2\"... A code never carries a name."));

    for (std::size_t g = 0; g < s.invitation.stakeholders.size(); ++g) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PushFont(heading_font());
        ImGui::TextWrapped("%s", s.invitation.stakeholders[g].name.c_str());
        ImGui::PopFont();
        scale_captions(sheet);
        for (std::size_t d = 0; d < s.invitation.dimensions.size(); ++d) dimension_rows(s, g, d, sheet, column);
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
    // A finger's height, and wide enough for the longest language; they wrap on a phone.
    const ImVec2 least(em * 10, sheet.button);
    if (ImGui::Button(tr("Save ratings file"), button_size(tr("Save ratings file"), least))) {
        s.fix_participant_id(ImGui::GetTime());
        app.download(s.file_name(), io::save_ratings(s.ratings()));
        s.saved_scores = s.answers();
        app.notify(tr("Saved your ratings file. Give it to the facilitator (a USB stick, a shared folder or e-mail)."));
    }
    item_tooltip(tr("Downloads a small file with your scores and, if you gave it, your name. It holds nothing else."));
    const char* code_label = s.show_code ? tr("Hide code") : tr("Show code");
    same_line_if_fits(button_size(code_label, least).x, right);
    if (ImGui::Button(code_label, button_size(code_label, least))) s.show_code = !s.show_code;
    item_tooltip(tr("Your scores as a short code to read out or type in, for when a file cannot be passed on. "
                    "It has a check: a mistyped code is refused. It carries no name."));
    ImGui::EndDisabled();
    const bool unsaved = scored + judged > 0 && s.saved_scores != s.answers();
    const ImVec2 close_size = button_size(tr("Close"), ImVec2(em * 6, sheet.button));
    same_line_if_fits(close_size.x, right);
    if (ImGui::Button(tr("Close"), close_size)) {
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
        if (ImGui::Button(tr("Copy code"), button_size(tr("Copy code"), ImVec2(sheet.button, sheet.button))))
            ImGui::SetClipboardText(code.c_str());
        item_tooltip(tr("Copies the code, to paste into a message."));
        quiet_note(tr("The code changes when you change a score or an importance."));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace fiducia::ui
