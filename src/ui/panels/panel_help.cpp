// Help: the model in plain words with its sources, the five dimensions, and the chart gallery (every
// chart type drawn with fixed sample data: the chart module's visual test).
#include <algorithm>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

// A reading width of 46 em, or the panel's when narrower (a phone).
float reading_wrap() { return std::min(ImGui::GetFontSize() * 46, ImGui::GetContentRegionMax().x); }

void paragraph(const char* text) {
    ImGui::PushTextWrapPos(reading_wrap());
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

void bullet(const char* text) { bullet_text(text, reading_wrap()); }

}  // namespace

void draw_help(App& app) {
    (void)app;
    using namespace chart;
    heading(tr("How Fiducia works"));
    if (ImGui::CollapsingHeader(tr("The model in plain words###the-model-in-plain-words"), ImGuiTreeNodeFlags_DefaultOpen)) {
        paragraph(tr("Trust is not earned once and kept: it rises and falls with what people experience. Fiducia "
                  "counts, for each stakeholder group and each month, the good and bad evidence the group gets "
                  "from your touchpoints, the promises you keep or break, your messages and your culture."));
        bullet(tr("Trust from evidence. Each group starts from a base rate (its trust before evidence). Good "
               "evidence pulls trust up, bad evidence down, and old evidence fades each month (the forgetting "
               "factor). This is the Beta reputation system of Josang & Ismail (2002)."));
        bullet(tr("Bad weighs more than good. A bad experience counts as three good ones by default: trust is "
               "lost faster than it is won (Slovic 1993, the asymmetry principle)."));
        bullet(tr("Five dimensions. Trust is scored on transactions, promises, honesty, advice and empathy, "
               "grouped as in Mayer, Davis & Schoorman (1995) into ability, integrity and benevolence; each "
               "group weighs them as it cares."));
        bullet(tr("Trust Index. The importance-weighted average of the groups' trust, 0-100. As in the Edelman "
               "Trust Barometer (9-point scale, 6-9 counts as trust), 50 is the line between more trust and "
               "more distrust."));
        bullet(tr("Customers leave after bad experiences. 1 in 3 customers would leave a brand they love after one "
               "bad experience (PwC 2018, Experience is everything, 15,000 people); 92% after two or three is "
               "quoted in the source material. The model's leaving curve passes through both."));
        bullet(tr("Money. Customers who stay keep their revenue; an action's value is the revenue it keeps minus "
               "its cost, so trust can be managed like any other driver of business value."));
        bullet(tr("Uncertainty. Every score has a 95% band that narrows as evidence accumulates; the simulation "
               "follows each customer to show the spread."));
        bullet(tr("Exact explanation. Each score is the base rate plus every source's contribution, exactly: "
               "the Explain panel shows them as a waterfall."));
        bullet(tr("Measurements. Survey results (trust share on the 9-point scale; NPS, Reichheld 2003) are drawn "
               "next to the projection so the model can be checked against reality."));
        ImGui::Spacing();
    }
    if (ImGui::CollapsingHeader(tr("The five dimensions of trust###the-five-dimensions-of-t"), ImGuiTreeNodeFlags_DefaultOpen)) {
        if (ImGui::BeginTable("dimension-table", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(tr("Dimension"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn(tr("The stakeholder believes that..."), ImGuiTableColumnFlags_WidthStretch, 3.5f);
            ImGui::TableSetupColumn(tr("Mayer et al. (1995)"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
            ImGui::TableSetupColumn(tr("Trust Equation (Maister 2000)"), ImGuiTableColumnFlags_WidthStretch, 1.8f);
            ImGui::TableHeadersRow();
            static const char* kEquation[] = {tr_noop("reliability"), tr_noop("reliability"), tr_noop("credibility"),
                                              tr_noop("1 / self-orientation"), tr_noop("intimacy")};
            for (int d = 0; d < kDimensions; ++d) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(dimension_name(d));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(dimension_meaning(d));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(dimension_family(d));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(kEquation[d]));
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
    }
    if (ImGui::CollapsingHeader(tr("Sources###sources"))) {  // citations stay as published
        bullet("Mayer, R. C., Davis, J. H. & Schoorman, F. D. (1995). An integrative model of organizational "
               "trust. Academy of Management Review 20(3).");
        bullet("Josang, A. & Ismail, R. (2002). The Beta Reputation System. 15th Bled Electronic Commerce Conference.");
        bullet("Slovic, P. (1993). Perceived risk, trust, and democracy. Risk Analysis 13(6).");
        bullet("Edelman Trust Barometer (2004-2017): the 9-point trust scale, the Trust Index, trust in "
               "'a person like yourself'.");
        bullet("PwC (2018). Experience is everything: here's how to get it right.");
        bullet("Maister, D., Green, C. & Galford, R. (2000). The Trusted Advisor.");
        bullet("Reichheld, F. (2003). The one number you need to grow. Harvard Business Review.");
        ImGui::Spacing();
    }
    if (ImGui::CollapsingHeader(tr("Chart gallery###chart-gallery"), ImGuiTreeNodeFlags_DefaultOpen)) {
        quiet_note(tr("Every chart type Fiducia draws, with fixed sample data. Hover them to see the read-outs."));
        draw_gallery();
    }
}

}  // namespace fiducia::ui
