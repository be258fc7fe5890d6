// The Checks menu beside Problems: what is valid but surprising in the plan (core/checks.hpp), in
// words, each opening the editor of what causes it.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/checks.hpp"
#include "core/references.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"
#include "ui/platform/locator.hpp"

namespace fiducia::ui {

namespace {

template <typename T>
std::string item_pointer(const char* list, const std::vector<T>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return std::string(list) + "/" + std::to_string(i);
    return list;
}

// Why a source lowers trust, from the figures the plan holds for it today.
std::string drop_reason(const Plan& plan, const PlanCheck& c) {
    using chart::format_number;
    using chart::format_percent;
    switch (c.source) {
        case ContributionKind::touchpoint:
            if (const Touchpoint* t = find_by_id(plan.touchpoints, c.source_id))
                return trf("%s of its %s episodes a month go badly, at severity %s", format_percent(t->bad_share).c_str(),
                           format_number(t->interactions_per_month, 1).c_str(), format_number(t->severity, 1).c_str());
            break;
        case ContributionKind::commitment:
            if (const Commitment* k = find_by_id(plan.commitments, c.source_id))
                return trf("it is kept %s of the time, on %s occasions a month", format_percent(k->kept_share).c_str(),
                           format_number(k->occasions_per_month, 1).c_str());
            break;
        case ContributionKind::knowledge_source:
            if (const KnowledgeSource* k = find_by_id(plan.knowledge_sources, c.source_id))
                return trf("its messages score %s on granularity, %s on relevance and %s on consistency",
                           format_percent(k->granularity, 0).c_str(), format_percent(k->relevance, 0).c_str(),
                           format_percent(k->consistency, 0).c_str());
            break;
        case ContributionKind::culture:
            return trf("empowerment is %s and reward %s", format_percent(plan.culture.empowerment, 0).c_str(),
                       format_percent(plan.culture.reward, 0).c_str());
        case ContributionKind::peers:
            if (c.stakeholder < plan.stakeholders.size() && plan.stakeholders[c.stakeholder].peer_rating)
                return trf("peers rate it %s of 5 stars", format_number(*plan.stakeholders[c.stakeholder].peer_rating, 1).c_str());
            break;
        case ContributionKind::observation:
            return tr("a survey measured less trust than the model projects");
        case ContributionKind::base_rate: break;
    }
    return tr("its evidence is mostly bad");
}

struct Worded {
    std::string text, pointer;
};

Worded word(const Plan& plan, const PlanCheck& c) {
    const std::string group = chart::stakeholder_label(plan, c.stakeholder);
    const std::string at = "/stakeholders/" + std::to_string(c.stakeholder);
    switch (c.kind) {
        case PlanCheck::Kind::high_churn:
            return {trf("%s: %s of customers leave each month on average (%s gone by month %d). Check the bad shares and "
                        "severities of its touchpoints, and the abandonment settings.",
                        group.c_str(), chart::format_percent(c.value).c_str(), chart::format_percent(c.lost, 0).c_str(),
                        plan.settings.horizon_months),
                    at};
        case PlanCheck::Kind::outside_band: {
            int month = 0;
            if (c.item < plan.observations.size()) month = plan.observations[c.item].month;
            return {trf("%s, %s: measured %s, projected %s; the measurement lies outside the 95%% band (%s - %s).",
                        group.c_str(), chart::month_label(month, plan.settings.start).c_str(),
                        chart::format_trust(c.value).c_str(), chart::format_trust(c.projected).c_str(),
                        chart::format_trust(c.low).c_str(), chart::format_trust(c.high).c_str()),
                    "/observations/" + std::to_string(c.item)};
        }
        case PlanCheck::Kind::large_drop: {
            std::string pointer = at;
            if (c.source == ContributionKind::touchpoint) pointer = item_pointer("/touchpoints", plan.touchpoints, c.source_id);
            if (c.source == ContributionKind::commitment) pointer = item_pointer("/commitments", plan.commitments, c.source_id);
            if (c.source == ContributionKind::knowledge_source)
                pointer = item_pointer("/knowledge_sources", plan.knowledge_sources, c.source_id);
            if (c.source == ContributionKind::culture) pointer = kCultureObject;
            if (c.source == ContributionKind::observation) pointer = "/observations/" + c.source_id;
            return {trf("%s lowers the trust of %s by %s points today: %s.",
                        chart::source_label(plan, c.source, c.source_id).c_str(), group.c_str(),
                        chart::format_number(-c.value * 100, 1).c_str(), drop_reason(plan, c).c_str()),
                    pointer};
        }
    }
    return {};
}

}  // namespace

void draw_checks_menu(App& app) {
    const std::vector<PlanCheck>& checks = app.plan_checks();
    if (checks.empty()) return;
    const Plan& plan = app.document().plan();
    const std::string label = (checks.size() == 1 ? trf("%d check", 1) : trf("%d checks", static_cast<int>(checks.size()))) +
                              "###checks";
    ImGui::PushStyleColor(ImGuiCol_Text, chart::warning_colour());
    const bool open = ImGui::BeginMenu(label.c_str());
    ImGui::PopStyleColor();
    if (!open) {
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip))
            set_tooltip("%s", tr("Valid, but worth a second look: figures that surprise. Click one to go to its cause."));
        return;
    }
    // Wrapped to the screen (a phone included): a menu item would run on in one line.
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* screen = ImGui::GetMainViewport();
    const float room = screen->WorkPos.x + screen->WorkSize.x - ImGui::GetWindowPos().x - ImGui::GetStyle().WindowPadding.x * 2;
    const float wrap = std::max(em * 8, std::min(em * 36, room - em * 0.5f));
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const Worded w = word(plan, checks[i]);
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 size = ImGui::CalcTextSize(w.text.c_str(), nullptr, false, wrap);
        if (ImGui::Selectable("##check", false, 0, ImVec2(wrap, size.y))) app.jump_to(w.pointer);
        locator_name_item(ImGui::GetItemID(), w.text.c_str());  // found and read by its words
        ImGui::GetWindowDrawList()->AddText(nullptr, 0, at, ImGui::GetColorU32(ImGuiCol_Text), w.text.c_str(), nullptr, wrap);
        ImGui::PopID();
    }
    ImGui::EndMenu();
}

}  // namespace fiducia::ui
