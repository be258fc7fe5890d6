// Commitments: the promises the organisation makes to its groups (public or private), how often
// each is put to the test and how often it is kept. A broken public promise costs more.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/list_editor.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

void draw_detail(App& app, const Plan& plan, std::size_t c) {
    const Commitment& cm = plan.commitments[c];
    const std::string at = "/commitments/" + std::to_string(c);
    auto edit = [c](Plan& p) -> Commitment& { return p.commitments[c]; };
    edit_text(app, tr("Statement"), cm.statement,
              tr("The promise in the words people hear, e.g. \"Delivered by the date we show, or shipping refunded\"."),
              [edit](Plan& p, const std::string& v) { edit(p).statement = v; });
    pointer_error(app, at + "/statement");
    edit_id(app, Entity::commitment, c, cm.id, cm.statement);
    pointer_error(app, at + "/id");
    edit_bool(app, tr("Made in public"), cm.is_public,
              tr("Public: announced (website, ads, annual report). An organisation is held accountable for breaking public "
              "commitments: a broken public promise costs the plan's public commitment multiplier (Plan settings, "
              "default 2) times more than a broken private one."),
              [edit](Plan& p, bool v) { edit(p).is_public = v; });
    const std::string counts = cm.is_public ? trf("(a broken one counts %s times)", plain_number(plan.settings.public_commitment_multiplier, 2).c_str())
                                            : std::string(tr("(a broken one counts once)"));
    same_line_if_fits(ImGui::CalcTextSize(counts.c_str()).x);
    ImGui::TextDisabled("%s", counts.c_str());
    edit_field(app, commitment_fields(), "occasions_per_month", cm, at, edit);
    edit_field(app, commitment_fields(), "kept_share", cm, at, edit);

    chart::subheading(tr("Made to"), tr("The stakeholder groups the promise is made to. Tick every group that hears it."));
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        ImGui::PushID(static_cast<int>(g));
        const bool on = std::find(cm.stakeholders.begin(), cm.stakeholders.end(), s.id) != cm.stakeholders.end();
        const std::string tip = trf("Whether \"%s\" hears this promise.", s.name.c_str());
        edit_bool(app, s.name.c_str(), on, tip.c_str(), [edit, id = s.id](Plan& p, bool v) {
            auto& list = edit(p).stakeholders;
            std::erase(list, id);
            if (v) list.push_back(id);
        });
        ImGui::PopID();
    }
    for (std::size_t i = 0; i < cm.stakeholders.size(); ++i) pointer_error(app, at + "/stakeholders/" + std::to_string(i));
    if (cm.stakeholders.empty()) ImGui::TextDisabled("%s", tr("Made to no group yet: it counts for nobody."));
}

}  // namespace

void draw_commitments(App& app) {
    EditorView& view = app.editor_view();
    const float em = ImGui::GetFontSize();
    editor_intro(tr("Commitments"),
                 tr("The promises you make, to whom, and how often you keep them. Reputation depends on keeping promises, "
                 "and an organisation is held to account most for the ones it makes in public."));
    error_summary(app, {"/commitments"});

    list_detail<Commitment>(app, view.commitment, {
        .kind = Entity::commitment, .items = &Plan::commitments, .name = &Commitment::statement,
        .list_id = "##commitments", .noun = tr("commitment"), .id_fallback = "promise",
        .delete_question = tr_noop("Delete the commitment \"%s\"?"),
        .empty_text = tr("No commitments yet. Add the promises you make: delivery dates, response times, prices, "
                         "privacy."),
        .init_new = [](Commitment& c, const Plan& p) {
            c.statement = tr("New promise");
            c.occasions_per_month = 1;
            c.kept_share = 0.95;
            if (!p.stakeholders.empty()) c.stakeholders.push_back(p.stakeholders.front().id);
        },
        .detail = [em](App& a, const Plan& p, std::size_t i) {
            const float avail = ImGui::GetContentRegionAvail().x;  // labels get 11 em, or 40% of a phone
            ImGui::PushItemWidth(std::min(em * 26, avail - std::min(em * 11, avail * 0.4f)));
            draw_detail(a, p, i);
            ImGui::PopItemWidth();
        }});
}

}  // namespace fiducia::ui
