// Stakeholders: the groups whose trust the plan manages (customers, employees, partners, investors,
// community). A list on the left (add, duplicate, delete with what it takes along), the selected
// group's fields on the right, each explained.
#include <algorithm>
#include <numeric>
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

const char* kDimensionTips[kDimensions] = {
    tr_noop("Transactions: the group believes that dealings succeed smoothly, at the quality paid for, safely and "
    "without friction (Mayer et al. 1995: ability; Trust Equation: reliability)."),
    tr_noop("Promises: the group believes that the organisation does what it commits to (Mayer: integrity; reliability)."),
    tr_noop("Honesty: the group believes that what the organisation says is true and consistent, good news and bad "
    "(Mayer: integrity; credibility)."),
    tr_noop("Advice: the group believes that the organisation acts in their interest, not only to sell - a trusted advisor "
    "(Mayer: benevolence; low self-orientation)."),
    tr_noop("Empathy: the group believes that the organisation knows them and is \"like me\" (Mayer: benevolence; intimacy)."),
};

void draw_weights(App& app, const Stakeholder& s, std::size_t g) {
    chart::subheading(tr("What their trust rests on"),
                      tr("How much each of the five trust dimensions counts for this group. Any non-negative numbers: "
                      "they are normalised to add up to 100% (shown on the right). A dimension at 0 does not count."));
    const double sum = std::accumulate(s.weights.begin(), s.weights.end(), 0.0);
    for (int d = 0; d < kDimensions; ++d) {
        ImGui::PushID(d);
        double v = s.weights[static_cast<std::size_t>(d)];
        ImGui::BeginDisabled(app.document().read_only());
        const bool changed = number_field(chart::dimension_name(d), v, {.min = 0, .max = 1e6, .format = "%.2f", .bar = true,
                                                                        .bar_max = std::max(1.0, v)});
        ImGui::EndDisabled();
        item_tooltip(tr(kDimensionTips[d]));
        if (changed) app.document().begin_edit(ImGui::IsItemActive()).stakeholders[g].weights[static_cast<std::size_t>(d)] = v;
        if (ImGui::IsItemDeactivated()) app.document().end_gesture();
        const std::string share = sum > 0 ? chart::format_percent(s.weights[static_cast<std::size_t>(d)] / sum, 0) : "-";
        const float column = ImGui::GetFontSize() * 22, share_w = ImGui::CalcTextSize(share.c_str()).x;
        if (column + share_w <= ImGui::GetContentRegionMax().x) ImGui::SameLine(column);  // the shares line up beside the fields
        else same_line_if_fits(share_w);  // a phone: after the field where it fits, else under it
        if (sum > 0) ImGui::TextUnformatted(share.c_str());
        else ImGui::TextDisabled("-");
        pointer_error(app, "/stakeholders/" + std::to_string(g) + "/weights/" + kDimensionIds[static_cast<std::size_t>(d)]);
        ImGui::PopID();
    }
    pointer_error(app, "/stakeholders/" + std::to_string(g) + "/weights");
    if (sum <= 0) field_error(tr("Give at least one dimension a weight above 0."));
}

void draw_detail(App& app, const Plan& plan, std::size_t g) {
    const Stakeholder& s = plan.stakeholders[g];
    const std::string at = "/stakeholders/" + std::to_string(g);
    auto edit = [g](Plan& p) -> Stakeholder& { return p.stakeholders[g]; };

    if (const Projection* p = app.projection();
        p && !p->months.empty() && p->months.front().stakeholders.size() == plan.stakeholders.size()) {
        const double now = p->months.front().stakeholders[g].trust, end = p->months.back().stakeholders[g].trust;
        ImGui::TextDisabled(tr("Trust today %s, in %s %s (%s points)."), chart::format_trust(now).c_str(),
                            chart::month_label(p->horizon_months, plan.settings.start).c_str(),
                            chart::format_trust(end).c_str(), chart::format_points(end - now).c_str());
    }
    edit_text(app, tr("Name"), s.name, tr("What the group is called in every chart and list, e.g. \"Retail customers\"."),
              [edit](Plan& p, const std::string& v) { edit(p).name = v; });
    pointer_error(app, at + "/name");
    edit_id(app, Entity::stakeholder, g, s.id, s.name);
    pointer_error(app, at + "/id");
    combo_index(app, tr("Kind"), static_cast<int>(s.kind), [] {
        static const char* labels[5];
        for (int i = 0; i < 5; ++i) labels[i] = kind_label(static_cast<StakeholderKind>(i));
        return labels;
    }(), 5,
                tr("What kind of group this is. Customers can leave after bad experiences (the customers-lost chain: "
                "PwC 2018, 1 in 3 leave a brand they love after one); employees also feel the culture (empowerment "
                "and reward)."),
                [edit](Plan& p, int v) { edit(p).kind = static_cast<StakeholderKind>(v); });
    edit_field(app, stakeholder_fields(), "size", s, at, edit);
    edit_field(app, stakeholder_fields(), "importance", s, at, edit);
    pointer_error(app, "/stakeholders");
    edit_field(app, stakeholder_fields(), "base_rate", s, at, edit);
    edit_field(app, stakeholder_fields(), "revenue_per_month", s, at, edit);

    chart::subheading(tr("People like me"),
                      tr("Edelman Trust Barometer: people trust \"a person like yourself\" (in 2017, 60% rated peers "
                      "extremely or very credible). Review sites are where they read them."));
    edit_bool(app, tr("Has a review rating"), s.peer_rating.has_value(),
              tr("Tick when this group reads star ratings about you (review sites, app stores). The rating shifts their "
              "base rate: up above 3 stars, down below."),
              [edit](Plan& p, bool v) {
                  if (v) edit(p).peer_rating = 3.0;
                  else edit(p).peer_rating.reset();
              });
    if (s.peer_rating) {
        ImGui::SameLine();
        double stars = *s.peer_rating;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        ImGui::BeginDisabled(app.document().read_only());
        // Its own widget (a bar of stars beside the tick box); label, range and tooltip from the table.
        const Field<Stakeholder>& rating = *find_field(stakeholder_fields(), "peer_rating");
        const bool changed = number_field(tr(rating.editor_label), stars, {.min = rating.editor_range.lo, .max = rating.editor_range.hi,
                                                                           .format = tr("%.1f of 5"), .bar = true});
        ImGui::EndDisabled();
        item_tooltip(tr(rating.tooltip));
        if (changed) edit(app.document().begin_edit(ImGui::IsItemActive())).peer_rating = stars;
        if (ImGui::IsItemDeactivated()) app.document().end_gesture();
        pointer_error(app, field_pointer(at, rating));
    }
    edit_field(app, stakeholder_fields(), "peer_exposure", s, at, edit);
    if (s.peer_rating && s.peer_exposure > 0)
        ImGui::TextDisabled(tr("Reviews shift the base rate by %s points."),
                            chart::format_points(std::clamp(s.base_rate + s.peer_exposure * (*s.peer_rating - 3) / 4, kBaseRateRange.lo, kBaseRateRange.hi) -
                                                 s.base_rate).c_str());
    draw_weights(app, s, g);
}

}  // namespace

void draw_stakeholders(App& app) {
    EditorView& view = app.editor_view();
    editor_intro(tr("Stakeholders"),
                 tr("The groups whose trust you manage: customers, employees, partners, investors, the wider community. "
                 "For each: how big it is, how much it counts, its trust before evidence and what that trust rests on."));
    error_summary(app, {"/stakeholders"});

    list_detail<Stakeholder>(app, view.stakeholder, {
        .kind = Entity::stakeholder, .items = &Plan::stakeholders, .name = &Stakeholder::name,
        .list_id = "##stakeholders", .noun = tr("stakeholder group"), .id_fallback = "group",
        .delete_question = tr_noop("Delete the stakeholder group \"%s\"?"),
        .empty_text = tr("No stakeholder groups yet. Add one with Add: start with your customers."),
        .init_new = [](Stakeholder& s, const Plan&) { s.name = tr("New stakeholder group"); },
        .detail = draw_detail,
        .row_label = [](const Stakeholder& s) { return s.name + "  (" + kind_label(s.kind) + ")"; },
        .item_width_em = 16});
}

}  // namespace fiducia::ui
