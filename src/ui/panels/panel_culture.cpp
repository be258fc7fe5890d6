// Culture: how far the organisation trusts its own people - empowerment (staff may fix problems
// themselves) and reward (staff are rewarded for earning customers' trust). Empowered staff cut the
// bad share of service touchpoints; employees feel both as advice and empathy evidence.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

void draw_culture(App& app) {
    const Plan& plan = app.document().plan();
    const float em = ImGui::GetFontSize();
    editor_intro(tr("Culture"),
                 tr("The other side of trust: the organisation must trust its own employees. Empower everyone who faces "
                 "customers to solve problems and answer questions (a hockey club lets all its customer-facing staff do "
                 "whatever it takes), and reward them for earning customers' trust."));
    error_summary(app, {kCultureObject});
    edit_bool(app, tr("Not assessed yet"), !plan.culture.assessed,
              tr("Tick while you do not know the culture: it then adds no evidence and cuts no service failure, so a "
                 "new plan's employees are not scored as badly treated (0% / 0% would count as a bad culture). Setting "
                 "empowerment or reward unticks it."),
              [](Plan& p, bool v) { p.culture.assessed = !v; });
    if (!plan.culture.assessed)
        quiet_note(tr("Not assessed: the culture changes no figure until you set empowerment or reward."));
    ImGui::PushItemWidth(em * 16);
    auto edit_culture = [](Plan& p) -> Culture& {
        p.culture.assessed = true;  // a value typed is an assessment
        return p.culture;
    };
    edit_field(app, culture_fields(), "empowerment", plan.culture, kCultureObject, edit_culture);
    edit_field(app, culture_fields(), "reward", plan.culture, kCultureObject, edit_culture);
    ImGui::PopItemWidth();

    const double eta = plan.culture.assessed ? plan.settings.empowerment_effect : 0.0, e = plan.culture.empowerment;
    const double factor = std::clamp(1 - eta * e, 0.0, 1.0);
    chart::subheading(tr("What it does to service"),
                      tr("Service touchpoints' bad share, as written and after empowerment: bad share x (1 - eta x e), eta "
                      "being the empowerment effect in Plan settings."));
    ImGui::TextWrapped(tr("With empowerment at %s and an empowerment effect of %s, staff fix %s of service problems: "
                       "service bad shares are multiplied by %s."),
                       chart::format_percent(e, 0).c_str(), chart::format_percent(eta, 0).c_str(),
                       chart::format_percent(1 - factor, 0).c_str(), plain_number(factor, 3).c_str());
    int service = 0;
    if (ImGui::BeginTable("service", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Service touchpoint"), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(tr("Group"), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(tr("Bad share as written"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(tr("After empowerment"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < plan.touchpoints.size(); ++i) {
            const Touchpoint& t = plan.touchpoints[i];
            if (t.stage != Stage::service) continue;
            ++service;
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(t.name);
            ImGui::TableNextColumn();
            cell_text(stakeholder_name(plan, t.stakeholder));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::format_percent(t.bad_share, 1).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chart::format_percent(t.bad_share * factor, 1).c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!service) ImGui::TextDisabled("%s", tr("No service touchpoints yet (Journey, stage \"Service\")."));

    chart::subheading(tr("What employees feel"),
                      tr("Each employees group gets one occasion a month of each: empowerment as advice evidence, reward "
                      "as empathy evidence."));
    int employees = 0;
    for (const Stakeholder& s : plan.stakeholders) {
        if (s.kind != StakeholderKind::employees) continue;
        ++employees;
        if (!plan.culture.assessed) {
            bullet_text(trf("%s: nothing while the culture is not assessed.", s.name.c_str()));
            continue;
        }
        bullet_text(trf("%s: advice %s good / %s bad, empathy %s good / %s bad each month.", s.name.c_str(),
                          plain_number(e, 2).c_str(), plain_number(1 - e, 2).c_str(),
                          plain_number(plan.culture.reward, 2).c_str(), plain_number(1 - plan.culture.reward, 2).c_str()));
    }
    if (!employees) ImGui::TextDisabled("%s", tr("No stakeholder group of kind \"Employees\": add one to track staff trust."));
}

}  // namespace fiducia::ui
