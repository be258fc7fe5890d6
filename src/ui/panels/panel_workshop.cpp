// The facilitator's workshop: prepare an invitation, collect ratings files and codes, read the
// room's consensus (median, spread, disagreement, Kendall's W) and apply it to the base rates.
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/model.hpp"
#include "core/workshop_consensus.hpp"
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

struct CodeBox {
    std::string text;
    std::string error;  // why the last code was refused, shown under the box
};
CodeBox g_code;  // one App per page: the box's text survives panel switches

const char* kApplyTip =
    tr_noop("Sets each group's base rate (the trust it starts from) to what the room said: a score reads as a probability "
            "(1 = 0%, 5 = 50%, 9 = 100%), averaged per dimension over the participants who scored it, then across the "
            "dimensions with the group's weights (as this consensus sets them). Rounded to 0.1%, clamped to 1%..99%. Only "
            "groups scored by at least 3 participants change. Where the room judged how much two or more dimensions "
            "matter to a group, those dimensions share the weight they held between them in proportion to the median "
            "judgements; a dimension nobody judged keeps its weight. A trust score alone never moves a weight: it says how "
            "far a group trusts on a dimension, not how much that dimension matters to it. Applying twice changes nothing "
            "the second time. One undo step.");

void section(const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

void draw_prepare(App& app, const Plan& plan) {
    section(tr("1. Prepare the invitation"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    edit_text(app, tr("Workshop title"), plan.workshop.title,
              tr("Shown at the top of every participant's scoring screen, e.g. \"Trust workshop, March\"."),
              [](Plan& p, const std::string& v) { p.workshop.title = v; });
    ImGui::TextUnformatted(tr("Groups to score:"));
    for (const Stakeholder& s : plan.stakeholders) {
        const bool invited = std::find(plan.workshop.stakeholders.begin(), plan.workshop.stakeholders.end(), s.id) !=
                             plan.workshop.stakeholders.end();
        ImGui::Indent();
        edit_bool(app, (s.name + "##invite-" + s.id).c_str(), invited,
                  tr("Participants score this group on the five dimensions. Choose the groups before handing out "
                     "the invitation: codes are read against the groups invited."),
                  [id = s.id](Plan& p, bool on) {
                      std::vector<std::string> chosen;
                      for (const Stakeholder& t : p.stakeholders)  // keep plan order
                          if (t.id == id ? on : std::count(p.workshop.stakeholders.begin(), p.workshop.stakeholders.end(), t.id) > 0)
                              chosen.push_back(t.id);
                      p.workshop.stakeholders = chosen;
                  });
        ImGui::Unindent();
    }
    const bool too_many = plan.workshop.stakeholders.size() > io::kMaxInvitedStakeholders;
    if (plan.workshop.stakeholders.empty()) quiet_note(tr("Tick at least one group to save an invitation."));
    if (too_many) field_error(tr("Invite at most 12 groups, so a participant's code stays short enough to type."));
    ImGui::BeginDisabled(plan.workshop.stakeholders.empty() || too_many || app.document().read_only());
    if (ImGui::Button(tr("Save invitation file"))) {
        if (plan.workshop.id.empty() || plan.workshop.title.empty()) {
            Plan& p = app.document().begin_edit();
            if (p.workshop.title.empty()) p.workshop.title = p.meta.title + " - workshop";
            char moment[32];
            std::snprintf(moment, sizeof moment, "%.17g", ImGui::GetTime());
            if (p.workshop.id.empty()) p.workshop.id = "ws-" + io::short_id(p.meta.title + moment, 6);
            app.document().end_gesture();
        }
        const io::Invitation invitation = io::invitation_for(app.document().plan());
        app.download("workshop-" + invitation.id + ".json", io::save_invitation(invitation));
        app.notify(tr("Saved the invitation. Give each participant this file and Fiducia's page (the same single HTML file works offline)."));
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Downloads the invitation: the workshop's title, the invited groups' names and the five dimensions. "
                    "It holds no figure of the plan. Participants open it with \"Score a workshop...\" or by dropping it on the page."));
    if (!plan.workshop.id.empty()) {
        const std::string id = trf("Workshop id: %s", plan.workshop.id.c_str());
        same_line_if_fits(ImGui::CalcTextSize(id.c_str()).x);
        ImGui::TextDisabled("%s", id.c_str());
    }
}

void draw_collect(App& app, const Plan& plan) {
    section(tr("2. Collect the ratings"));
    const float em = ImGui::GetFontSize();
    ImGui::BeginDisabled(plan.workshop.id.empty() || app.document().read_only());
    if (ImGui::Button(tr("Import ratings files..."))) app.open_file_dialog();
    item_tooltip(tr("Choose one or several participants' ratings files (or drop them on the page). A file from "
                    "another workshop, or one already imported, is refused with the reason."));
    same_line_if_fits(em * 14);  // on a phone the code goes under the button
    ImGui::SetNextItemWidth(std::min(em * 14, ImGui::GetContentRegionAvail().x));
    const bool entered = ImGui::InputTextWithHint("##code", tr("a participant's code"), &g_code.text, ImGuiInputTextFlags_EnterReturnsTrue);
    item_tooltip(tr("A participant's code from their screen, e.g. 7K2M-9QD3-XA. Case, spaces and dashes do not matter."));
    same_line_if_fits(button_size(tr("Import code"), ImVec2(0, 0)).x);
    if (ImGui::Button(tr("Import code")) || entered) {
        io::RatingsLoad loaded = io::read_ratings_code(g_code.text, io::invitation_for(plan));
        g_code.error = loaded.ok ? import_ratings(app, loaded.ratings) : loaded.errors.front();
        if (g_code.error.empty()) g_code.text.clear();
    }
    item_tooltip(tr("Adds the code's scores as an anonymous participant."));
    ImGui::EndDisabled();
    if (plan.workshop.id.empty()) quiet_note(tr("Save an invitation first: ratings answer a workshop."));
    if (!g_code.error.empty()) field_error(std::string(tr("Code refused: ")) + g_code.error);

    const std::size_t count = plan.workshop.participants.size();
    if (count == 1) ImGui::TextUnformatted(tr("1 participant"));
    else ImGui::Text(tr("%d participants"), static_cast<int>(count));
    const std::vector<std::optional<std::size_t>> twins = same_answers(plan);
    for (std::size_t i = 0; i < count; ++i) {
        const Participant& p = plan.workshop.participants[i];
        int ratings = 0;
        for (const Rating& r : plan.workshop.ratings) ratings += r.participant == p.id;
        ImGui::PushID(p.id.c_str());
        bullet_text(trf("%s: %d scores", participant_label(plan, i).c_str(), ratings));
        if (const std::optional<std::size_t> twin = twins[i]) {
            const std::string twin_text = trf("same answers as %s", participant_label(plan, *twin).c_str());
            const float twin_w = ImGui::CalcTextSize(twin_text.c_str()).x;
            same_line_if_fits(twin_w);
            ImGui::PushStyleColor(ImGuiCol_Text, down_colour());
            ImGui::Selectable((twin_text + "##twin").c_str(), false, 0, ImVec2(twin_w, 0));
            ImGui::PopStyleColor();
            item_tooltip(tr("Every score and importance is the same as that participant's. A code carries no name, so one "
                            "person who sent both a file and a code shows up twice: remove one. Two people can also answer "
                            "alike: then keep both."));
        }
        same_line_if_fits(ImGui::CalcTextSize(tr("Remove")).x + ImGui::GetStyle().FramePadding.x * 2);
        ImGui::BeginDisabled(app.document().read_only());
        if (ImGui::SmallButton(tr("Remove"))) {
            Plan& edit = app.document().begin_edit();
            std::erase_if(edit.workshop.ratings, [&](const Rating& r) { return r.participant == p.id; });
            std::erase_if(edit.workshop.importance, [&](const ImportanceRating& r) { return r.participant == p.id; });
            edit.workshop.participants.erase(edit.workshop.participants.begin() + static_cast<std::ptrdiff_t>(i));
            app.document().end_gesture();
            ImGui::EndDisabled();
            ImGui::PopID();
            break;
        }
        ImGui::EndDisabled();
        item_tooltip(tr("Removes this participant and their scores (undo brings them back)."));
        ImGui::PopID();
    }
}

void draw_results(const Plan& plan, const WorkshopSummary& summary) {
    section(tr("3. The room's view"));
    if (summary.items.empty()) {
        ImGui::TextDisabled("%s", tr("No ratings yet."));
        return;
    }
    ImGui::TextUnformatted(trf("Kendall's W = %s.", format_number(summary.kendall_w, 2).c_str()).c_str());
    item_tooltip(tr("Kendall's coefficient of concordance: 0 when participants rank the cells in unrelated orders, "
                    "1 when all rank them alike. Counted over participants who scored every rated cell (ties averaged)."));
    same_line_if_fits(ImGui::CalcTextSize(kendall_reading(summary.kendall_w)).x);
    ImGui::PushTextWrapPos(0);  // too long for a phone's line: it wraps under
    ImGui::TextUnformatted(kendall_reading(summary.kendall_w));
    ImGui::PopTextWrapPos();
    const float em = ImGui::GetFontSize();
    // Eight columns: on a phone the table scrolls sideways instead of cutting every cell.
    const TableBox box = table_box(ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit, 53,
                                   summary.items.size() + summary.importance.size());
    if (!ImGui::BeginTable("results", 8, box.flags, box.outer, box.inner_width)) return;
    ImGui::TableSetupColumn(tr("Group"), 0, em * 9);
    ImGui::TableSetupColumn(tr("Dimension"), 0, em * 7);
    ImGui::TableSetupColumn(tr("Median"), 0, em * 4);
    ImGui::TableSetupColumn(tr("Middle half"), 0, em * 6);
    ImGui::TableSetupColumn(tr("Scores"), 0, em * 3.5f);
    ImGui::TableSetupColumn(tr("Trusting"), 0, em * 5);
    ImGui::TableSetupColumn(tr("Agreement"), 0, em * 8);
    ImGui::TableSetupColumn(tr("Matters (1-5)"), 0, em * 6);
    ImGui::TableHeadersRow();
    for (const WorkshopItem& w : summary.items) {
        const std::string cell = w.stakeholder + "/" + kDimensionIds[static_cast<std::size_t>(w.dimension)];
        const std::string group = stakeholder_name(plan, w.stakeholder);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(group.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(dimension_name(static_cast<int>(w.dimension))));
        ImGui::TableNextColumn();
        ImGui::Selectable((format_short(w.median) + "##median/" + cell).c_str());
        item_tooltip(tr("The middle score on the 9-point scale (1 distrust, 9 trust); with an even count, halfway between the two middle ones."));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((format_short(w.q1) + " - " + format_short(w.q3)).c_str());
        item_tooltip(tr("Where the middle half of the scores lie (first to third quartile, linear interpolation). "
                        "The wider, the less the room agrees."));
        ImGui::TableNextColumn();
        ImGui::Text("%d", w.count);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_percent(w.share_trusting, 0).c_str());
        item_tooltip(tr("The share of scores from 6 to 9 (trust on the 9-point scale)."));
        ImGui::TableNextColumn();
        if (w.disagreement) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(down_colour()));
            ImGui::TextUnformatted(tr("Disagreement"));
            ImGui::PopStyleColor();
            item_tooltip(tr("Worth discussing: the middle half spans 3 points or more, or at least a quarter trust (6-9) "
                            "while a quarter distrust (1-4)."));
        } else {
            ImGui::TextDisabled("%s", tr("agreed"));
        }
        ImGui::TableNextColumn();
        const WorkshopImportance* judged = nullptr;
        for (const WorkshopImportance& i : summary.importance)
            if (i.stakeholder == w.stakeholder && i.dimension == w.dimension) judged = &i;
        if (judged) {
            ImGui::Selectable((format_short(judged->median) + " (" + std::to_string(judged->count) + ")##matters/" + cell).c_str());
            item_tooltip(tr("How much this dimension matters to the group: the median of the participants' answers from 1 "
                            "(hardly) to 5 (most), and how many answered."));
        } else {
            ImGui::TextDisabled("-");
        }
    }
    // Dimensions judged for how much they matter but not scored for trust.
    for (const WorkshopImportance& i : summary.importance) {
        bool scored = false;
        for (const WorkshopItem& w : summary.items) scored = scored || (w.stakeholder == i.stakeholder && w.dimension == i.dimension);
        if (scored) continue;
        const std::string group = stakeholder_name(plan, i.stakeholder);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(group.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(dimension_name(static_cast<int>(i.dimension))));
        for (int column = 0; column < 5; ++column) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("-");
        }
        ImGui::TableNextColumn();
        ImGui::Selectable((format_short(i.median) + " (" + std::to_string(i.count) + ")##matters/" + i.stakeholder + "/" +
                           kDimensionIds[static_cast<std::size_t>(i.dimension)])
                              .c_str());
        item_tooltip(tr("How much this dimension matters to the group: the median of the participants' answers from 1 "
                        "(hardly) to 5 (most), and how many answered."));
    }
    ImGui::EndTable();
}

// "Transactions 20% -> 25%, Promises 20% -> 15%": the dimensions whose weight the consensus moves.
std::string weight_changes_text(const WeightChange& c) {
    double before_total = 0, after_total = 0;
    for (std::size_t d = 0; d < kDimensions; ++d) {
        before_total += std::max(0.0, c.before[d]);
        after_total += std::max(0.0, c.after[d]);
    }
    std::string out;
    for (std::size_t d = 0; d < kDimensions; ++d) {
        if (c.before[d] == c.after[d]) continue;
        if (!out.empty()) out += ", ";
        out += std::string(tr(dimension_name(static_cast<int>(d)))) + " " +
               format_percent(before_total > 0 ? c.before[d] / before_total : 0, 0) + " -> " +
               format_percent(after_total > 0 ? c.after[d] / after_total : 0, 0);
    }
    return out;
}

void draw_apply(App& app, const Plan& plan, const WorkshopSummary& summary) {
    const std::vector<BaseRateChange> changes = consensus_base_rates(plan);
    const std::vector<WeightChange> weights = consensus_weights(plan);
    std::vector<std::string> too_few;  // scored, but by fewer participants than a base rate needs
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        if (summary.raters[g] > 0 && summary.raters[g] < kConsensusMinRaters)
            too_few.push_back(trf("%s: scored by %d participants; %d are needed to move its base rate",
                                  plan.stakeholders[g].name.c_str(), summary.raters[g], kConsensusMinRaters));
    if (changes.empty() && weights.empty() && too_few.empty()) return;
    section(tr("4. Apply the consensus"));
    for (const BaseRateChange& c : changes)
        bullet_text(trf("%s: base rate %s -> %s (from %d scores by %d participants)",
                        stakeholder_name(plan, c.stakeholder).c_str(), format_percent(c.before, 1).c_str(),
                        format_percent(c.after, 1).c_str(), c.ratings, c.raters));
    for (const WeightChange& c : weights)
        bullet_text(trf("%s: weights %s (from %d judgements)", stakeholder_name(plan, c.stakeholder).c_str(),
                        weight_changes_text(c).c_str(), c.judgements));
    for (const std::string& line : too_few) {
        quiet_note(line);
        a11y::add_text(a11y::Role::text, line);
    }
    const bool nothing = changes.empty() && weights.empty();
    if (!nothing) {  // what the change does to the headline figure, before anyone commits to it
        Plan applied = plan;
        apply_consensus(applied);
        const std::string effect =
            trf("Trust Index at month %d: %s now, %s with the consensus (out of 100)", plan.settings.horizon_months,
                format_trust(project(plan).months.back().trust_index).c_str(),
                format_trust(project(applied).months.back().trust_index).c_str());
        ImGui::TextWrapped("%s", effect.c_str());
        a11y::add_text(a11y::Role::text, effect);
    }
    ImGui::BeginDisabled(nothing || app.document().read_only());
    if (ImGui::Button(tr("Apply consensus"))) {
        apply_consensus(app.document().begin_edit());
        app.document().end_gesture();
        app.notify(tr("Applied the workshop's consensus to the base rates and weights. Ctrl+Z undoes it."));
    }
    ImGui::EndDisabled();
    item_tooltip(tr(kApplyTip));
    if (nothing) {
        ImGui::SameLine();
        quiet_note(tr("The base rates and weights already match the consensus."));
    }
}

}  // namespace

void draw_workshop(App& app) {
    const Plan& plan = app.document().plan();
    ImGui::TextWrapped("%s", tr("Score trust with a room of colleagues. Each participant opens the invitation in Fiducia "
                                "on their own laptop, scores every group on the 9-point trust scale, and gives you a "
                                "ratings file or a short code. Nothing of this plan is in the invitation."));
    draw_prepare(app, plan);
    draw_collect(app, app.document().plan());
    const Plan& now = app.document().plan();  // an import above may have changed it
    const WorkshopSummary summary = aggregate_workshop(now);
    draw_results(now, summary);
    draw_apply(app, now, summary);
}

}  // namespace fiducia::ui
