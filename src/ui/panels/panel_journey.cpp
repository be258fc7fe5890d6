// Journey: one stakeholder group's touchpoints laid out on the seven journey stages (discover ...
// renew), with a curve of how often experiences go badly at each stage above them (lower is
// happier). Click a touchpoint to edit it below; add one in any stage.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

constexpr int kStages = 7;

const char* kStageTips[kStages] = {
    tr_noop("Discover: the person first hears of you - ads, search, word of mouth, social media."),
    tr_noop("Consider: they compare and ask - website, reviews, advice, quotes."),
    tr_noop("Purchase: they buy or sign - checkout, contract, onboarding forms."),
    tr_noop("Deliver: they receive what they bought - delivery, installation, account opening."),
    tr_noop("Use: they use the product or service day to day - app, statements, the product itself."),
    tr_noop("Service: they need help - contact centre, chat, complaints, returns. The key touchpoint: empowered staff fix "
    "problems here (Culture)."),
    tr_noop("Renew: they decide to stay - renewal, loyalty, repeat purchase."),
};

struct StageFigure {
    int touchpoints = 0;
    double interactions = 0;  // per person per month
    double bad = 0;           // interaction-weighted bad share
};

std::vector<StageFigure> stage_figures(const Plan& plan, const std::string& group) {
    std::vector<StageFigure> out(kStages);
    std::vector<double> bad_sum(kStages, 0), plain_sum(kStages, 0);
    for (const Touchpoint& t : plan.touchpoints) {
        if (t.stakeholder != group) continue;
        const int s = std::clamp(static_cast<int>(t.stage), 0, kStages - 1);
        StageFigure& f = out[static_cast<std::size_t>(s)];
        ++f.touchpoints;
        f.interactions += std::max(0.0, t.interactions_per_month);
        bad_sum[static_cast<std::size_t>(s)] += std::max(0.0, t.interactions_per_month) * t.bad_share;
        plain_sum[static_cast<std::size_t>(s)] += t.bad_share;
    }
    for (int s = 0; s < kStages; ++s) {
        StageFigure& f = out[static_cast<std::size_t>(s)];
        if (f.touchpoints == 0) continue;
        f.bad = f.interactions > 0 ? bad_sum[static_cast<std::size_t>(s)] / f.interactions
                                   : plain_sum[static_cast<std::size_t>(s)] / f.touchpoints;
    }
    return out;
}

struct Columns {
    float x0 = 0, width = 0;  // screen x of the first column, width of each
    float left(int stage) const { return x0 + width * static_cast<float>(stage); }
    float centre(int stage) const { return left(stage) + width * 0.5f; }
};

void draw_curve(const Plan& plan, const std::string& group, const Columns& cols, float margin) {
    const float em = ImGui::GetFontSize();
    const std::vector<StageFigure> figures = stage_figures(plan, group);
    double top = 0.1;
    for (const StageFigure& f : figures) top = std::max(top, f.bad);
    const std::vector<double> ticks = chart::nice_ticks(0, top, 4);
    top = ticks.back();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = em * 7;
    const float plot_top = origin.y + em * 0.6f, plot_bottom = origin.y + height - em * 0.4f;
    ImGui::InvisibleButton("##curve", ImVec2(cols.left(kStages) - origin.x, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.5f);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    auto y_of = [&](double v) { return plot_bottom - static_cast<float>(v / top) * (plot_bottom - plot_top); };
    for (double t : ticks) {
        const float y = y_of(t);
        draw->AddLine(ImVec2(cols.x0, y), ImVec2(cols.left(kStages), y), grid);
        const std::string label = chart::format_percent(t, 0);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(cols.x0 - size.x - em * 0.3f, y - size.y * 0.5f), text, label.c_str());
    }
    (void)margin;
    for (int s = 1; s < kStages; ++s)
        draw->AddLine(ImVec2(cols.left(s), plot_top), ImVec2(cols.left(s), plot_bottom), grid);
    // The curve through the stages that have touchpoints.
    std::vector<ImVec2> points;
    std::vector<int> stages;
    for (int s = 0; s < kStages; ++s)
        if (figures[static_cast<std::size_t>(s)].touchpoints > 0) {
            points.emplace_back(cols.centre(s), y_of(figures[static_cast<std::size_t>(s)].bad));
            stages.push_back(s);
        }
    const ImU32 line = chart::down_colour();
    for (const auto& [from, to] : journey_curve_segments(plan, group)) {
        const ImVec2 a(cols.centre(from), y_of(figures[static_cast<std::size_t>(from)].bad));
        const ImVec2 b(cols.centre(to), y_of(figures[static_cast<std::size_t>(to)].bad));
        const float dx = (b.x - a.x) * 0.45f;
        draw->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, line, 2.0f);
    }
    int hover_stage = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double bad = figures[static_cast<std::size_t>(stages[i])].bad;
        draw->AddCircleFilled(points[i], em * 0.32f, chart::diverging(1.0 - std::min(1.0, bad / std::max(top, 1e-9))));
        draw->AddCircle(points[i], em * 0.32f, line, 0, 1.5f);
        if (hovered && std::fabs(mouse.x - cols.centre(stages[i])) < cols.width * 0.5f) hover_stage = stages[i];
    }
    if (points.empty()) {
        const char* none = tr("No touchpoints for this group yet: add them in the stages below.");
        draw->AddText(ImVec2(cols.x0 + em, (plot_top + plot_bottom) * 0.5f - em * 0.5f), text, none);
    }
    if (hovered && hover_stage >= 0) {
        const StageFigure& f = figures[static_cast<std::size_t>(hover_stage)];
        begin_tooltip();
        ImGui::Text(tr("%s: %s of interactions go badly"), stage_label(static_cast<Stage>(hover_stage)),
                    chart::format_percent(f.bad, 1).c_str());
        ImGui::TextDisabled(f.touchpoints == 1 ? tr("%d touchpoint, %s interactions per person per month (the average is weighted by them).")
                                               : tr("%d touchpoints, %s interactions per person per month (the average is weighted by them)."),
                            f.touchpoints, plain_number(f.interactions, 2).c_str());
        end_tooltip();
    } else if (hovered) {
        item_tooltip(tr("The share of this group's interactions that are bad experiences, stage by stage (weighted by "
                     "how often each touchpoint is used). Lower is happier; peaks are where the journey hurts. PwC "
                     "2018: 1 in 3 customers leave a brand they love after one bad experience."));
    }
}

}  // namespace

std::vector<std::pair<int, int>> journey_curve_segments(const Plan& plan, const std::string& group) {
    const std::vector<StageFigure> figures = stage_figures(plan, group);
    std::vector<std::pair<int, int>> segments;
    for (int s = 1; s < kStages; ++s)
        if (figures[static_cast<std::size_t>(s - 1)].touchpoints > 0 && figures[static_cast<std::size_t>(s)].touchpoints > 0)
            segments.emplace_back(s - 1, s);
    return segments;
}

namespace {

void add_touchpoint(App& app, const std::string& group, int stage) {
    const Plan& plan = app.document().plan();
    Touchpoint t;
    t.name = trf("New %s touchpoint", stage_label(static_cast<Stage>(stage)));
    t.id = unique_id(t.name, ids_of(plan.touchpoints), "touchpoint");
    t.stakeholder = group;
    t.stage = static_cast<Stage>(stage);
    t.interactions_per_month = 1;
    t.bad_share = 0.05;
    Plan& p = app.document().begin_edit();
    p.touchpoints.push_back(t);
    app.editor_view().touchpoint = static_cast<int>(p.touchpoints.size()) - 1;
}

void draw_grid(App& app, const Plan& plan, const std::string& group, const Columns& cols) {
    const float em = ImGui::GetFontSize();
    EditorView& view = app.editor_view();
    const float gap = em * 0.25f;
    const float cell_h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2 + em * 0.2f;
    const float y0 = ImGui::GetCursorScreenPos().y;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Stage headers.
    for (int s = 0; s < kStages; ++s) {
        ImGui::SetCursorScreenPos(ImVec2(cols.left(s) + gap, y0));
        const std::string label = fit_text(stage_label(static_cast<Stage>(s)), cols.width - gap * 2);
        ImGui::TextUnformatted(label.c_str());
        item_tooltip(tr(kStageTips[s]));
    }
    const float rows_y = y0 + ImGui::GetTextLineHeightWithSpacing();
    std::vector<int> filled(kStages, 0);
    for (std::size_t i = 0; i < plan.touchpoints.size(); ++i) {
        const Touchpoint& t = plan.touchpoints[i];
        if (t.stakeholder != group) continue;
        const int s = std::clamp(static_cast<int>(t.stage), 0, kStages - 1);
        const int row = filled[static_cast<std::size_t>(s)]++;
        const ImVec2 pos(cols.left(s) + gap, rows_y + static_cast<float>(row) * (cell_h + gap));
        const ImVec2 size(cols.width - gap * 2, cell_h);
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(static_cast<int>(i));
        const bool selected = view.touchpoint == static_cast<int>(i);
        const double bad = std::clamp(t.bad_share, 0.0, 1.0);
        draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                            chart::with_alpha(chart::down_colour(), 0.08f + 0.6f * static_cast<float>(std::min(1.0, bad * 4))),
                            em * 0.25f);
        if (ImGui::InvisibleButton("##cell", size)) view.touchpoint = static_cast<int>(i);
        if (ImGui::IsItemHovered())
            draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f),
                                em * 0.25f);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) {
            begin_tooltip();
            ImGui::TextUnformatted(t.name.c_str());
            ImGui::TextDisabled(tr("%s bad experiences, %s interactions per person per month."),
                                chart::format_percent(t.bad_share, 1).c_str(), plain_number(t.interactions_per_month, 2).c_str());
            ImGui::TextDisabled(tr("Severity %s. Click to edit."), plain_number(t.severity, 2).c_str());
            end_tooltip();
        }
        if (selected)
            draw->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(ImGuiCol_Text), em * 0.25f, 0, 2.0f);
        const float pad = ImGui::GetStyle().FramePadding.x;
        const std::string name = fit_text(t.name.empty() ? tr("(unnamed)") : t.name, size.x - pad * 2);
        draw->AddText(ImVec2(pos.x + pad, pos.y + ImGui::GetStyle().FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                      name.c_str());
        const std::string detail = fit_text(trf("%s bad", chart::format_percent(t.bad_share, 1).c_str()), size.x - pad * 2);
        draw->AddText(ImVec2(pos.x + pad, pos.y + ImGui::GetStyle().FramePadding.y + ImGui::GetTextLineHeight()),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled), detail.c_str());
        if (!app.error_at(field_pointer("/touchpoints", i, *find_field(touchpoint_fields(), "bad_share"))).empty() ||
            !app.error_at("/touchpoints/" + std::to_string(i) + "/id").empty())
            draw->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), IM_COL32(205, 38, 31, 255), em * 0.25f, 0, 2.0f);
        ImGui::PopID();
    }
    int most = *std::max_element(filled.begin(), filled.end());
    const float add_y = rows_y + static_cast<float>(most) * (cell_h + gap);
    ImGui::BeginDisabled(app.document().read_only());
    for (int s = 0; s < kStages; ++s) {
        ImGui::PushID(s);
        ImGui::SetCursorScreenPos(ImVec2(cols.left(s) + gap, add_y));
        if (ImGui::Button(tr("+ Add"), ImVec2(cols.width - gap * 2, 0))) add_touchpoint(app, group, s);
        std::string tip = trf("Add a touchpoint to the %s stage.", stage_label(static_cast<Stage>(s)));
        item_tooltip(tip.c_str());
        ImGui::PopID();
    }
    ImGui::EndDisabled();
    ImGui::SetCursorScreenPos(ImVec2(cols.x0, add_y + ImGui::GetFrameHeightWithSpacing()));
    ImGui::Dummy(ImVec2(0, 0));
}

void draw_detail(App& app, const Plan& plan, std::size_t i) {
    const Touchpoint& t = plan.touchpoints[i];
    const std::string at = "/touchpoints/" + std::to_string(i);
    auto edit = [i](Plan& p) -> Touchpoint& { return p.touchpoints[i]; };
    const float em = ImGui::GetFontSize();
    chart::subheading((trf("Touchpoint: %s", t.name.empty() ? tr("(unnamed)") : t.name.c_str()) + "###touchpoint-title").c_str(),
                      tr("Every field of the selected touchpoint. Hover a field for what it means."));
    if (!ImGui::BeginTable("touchpoint-layout", 2, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    ImGui::PushItemWidth(-em * 10);
    edit_text(app, tr("Name"), t.name, tr("What the person goes through, e.g. \"Checkout\" or \"Delivery\"."),
              [edit](Plan& p, const std::string& v) { edit(p).name = v; });
    pointer_error(app, at + "/name");
    edit_id(app, Entity::touchpoint, i, t.id, t.name);
    pointer_error(app, at + "/id");
    combo_stakeholder(app, tr("Stakeholder group"), t.stakeholder, tr("Whose journey this touchpoint is part of."),
                      [edit](Plan& p, const std::string& v) { edit(p).stakeholder = v; });
    pointer_error(app, at + "/stakeholder");
    static const char* stages[kStages];
    for (int s = 0; s < kStages; ++s) stages[s] = stage_label(static_cast<Stage>(s));
    combo_index(app, tr("Stage"), static_cast<int>(t.stage), stages, kStages,
                tr("Where in the journey it happens: discover, consider, purchase, deliver, use, service, renew. Service "
                "touchpoints get better as staff are empowered (Culture)."),
                [edit](Plan& p, int v) { edit(p).stage = static_cast<Stage>(v); });
    edit_text(app, tr("Channel"), t.channel, tr("Free text: where it happens, e.g. \"web\", \"app\", \"phone\", \"branch\"."),
              [edit](Plan& p, const std::string& v) { edit(p).channel = v; });
    edit_field(app, touchpoint_fields(), "interactions_per_month", t, at, edit);
    edit_field(app, touchpoint_fields(), "bad_share", t, at, edit);
    edit_field(app, touchpoint_fields(), "severity", t, at, edit);
    ImGui::PopItemWidth();
    ImGui::BeginDisabled(app.document().read_only());
    if (ImGui::Button(tr("Delete this touchpoint"))) request_delete(app, Entity::touchpoint, static_cast<int>(i));
    ImGui::EndDisabled();
    item_tooltip(tr("Delete it (you are asked first). Action effects on it go with it."));

    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("What it is evidence of"));
    help_marker(tr("Which trust dimensions a good or bad experience here speaks to. Shares, normalised to 100% (shown on "
                "the right); default all transactions."));
    const double sum = std::accumulate(t.dimensions.begin(), t.dimensions.end(), 0.0);
    ImGui::PushItemWidth(-em * 10);
    for (int d = 0; d < kDimensions; ++d) {
        ImGui::PushID(d);
        double v = t.dimensions[static_cast<std::size_t>(d)];
        ImGui::BeginDisabled(app.document().read_only());
        const bool changed = number_field(chart::dimension_name(d), v, {.min = 0, .max = 1e6, .format = "%.2f", .bar = true,
                                                                        .bar_max = std::max(1.0, v)});
        ImGui::EndDisabled();
        const std::string tip = std::string(chart::dimension_name(d)) + ": " + chart::dimension_meaning(d);
        item_tooltip(tip.c_str());
        if (changed) edit(app.document().begin_edit(ImGui::IsItemActive())).dimensions[static_cast<std::size_t>(d)] = v;
        if (ImGui::IsItemDeactivated()) app.document().end_gesture();
        ImGui::SameLine();
        if (sum > 0) ImGui::TextDisabled("%s", chart::format_percent(v / sum, 0).c_str());
        pointer_error(app, at + "/dimensions/" + kDimensionIds[static_cast<std::size_t>(d)]);
        ImGui::PopID();
    }
    ImGui::PopItemWidth();
    pointer_error(app, at + "/dimensions");
    if (sum <= 0) field_error(tr("Give at least one dimension a share above 0."));
    ImGui::EndTable();
}

}  // namespace

void draw_journey(App& app) {
    const float em = ImGui::GetFontSize();
    EditorView& view = app.editor_view();
    editor_intro(tr("Journey"),
                 tr("Step 2: design the best possible experience. Each group's touchpoints on the seven stages of its "
                 "journey, and how often each goes badly. Click a touchpoint to edit it; add one under any stage."));
    error_summary(app, {"/touchpoints"});
    const Plan& plan = app.document().plan();
    if (plan.stakeholders.empty()) {
        ImGui::TextWrapped("%s", tr("Add a stakeholder group first (Stakeholders): a journey belongs to a group."));
        return;
    }
    // The group shown: remembered by id; default the first customers group.
    bool known = false;
    for (const Stakeholder& s : plan.stakeholders) known = known || s.id == view.journey_group;
    if (!known) {
        view.journey_group = plan.stakeholders.front().id;
        for (const Stakeholder& s : plan.stakeholders)
            if (s.kind == StakeholderKind::customers) {
                view.journey_group = s.id;
                break;
            }
    }
    ImGui::SetNextItemWidth(em * 16);
    if (begin_combo(tr("Journey of"), stakeholder_name(plan, view.journey_group).c_str())) {
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            ImGui::PushID(static_cast<int>(g));
            const Stakeholder& s = plan.stakeholders[g];
            if (ImGui::Selectable(s.name.c_str(), s.id == view.journey_group)) {
                view.journey_group = s.id;
                view.touchpoint = -1;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    item_tooltip(tr("Whose journey to show. Each touchpoint belongs to one group."));
    int orphans = 0;
    for (const Touchpoint& t : plan.touchpoints) {
        bool ok = false;
        for (const Stakeholder& s : plan.stakeholders) ok = ok || s.id == t.stakeholder;
        orphans += !ok;
    }
    if (orphans) {
        ImGui::SameLine();
        field_error(orphans == 1 ? trf("%d touchpoint names a group that does not exist (see the problems above).", orphans)
                                 : trf("%d touchpoints name a group that does not exist (see the problems above).", orphans));
    }

    const float margin = em * 3;
    // Narrower than five stage columns (a phone): the map scrolls sideways instead of running off.
    const float least = margin + em * 5 * kStages;
    const bool sideways = ImGui::GetContentRegionAvail().x < least;
    if (sideways)
        ImGui::BeginChild("journey-scroll", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_AlwaysHorizontalScrollbar);
    Columns cols;
    cols.x0 = ImGui::GetCursorScreenPos().x + margin;
    cols.width = sideways ? em * 5 : (ImGui::GetContentRegionAvail().x - margin) / kStages;
    ImGui::Spacing();
    draw_curve(plan, view.journey_group, cols, margin);
    draw_grid(app, plan, view.journey_group, cols);
    if (sideways) ImGui::EndChild();

    const Plan& current = app.document().plan();
    if (view.touchpoint >= static_cast<int>(current.touchpoints.size())) view.touchpoint = -1;
    if (view.touchpoint >= 0 && current.touchpoints[static_cast<std::size_t>(view.touchpoint)].stakeholder != view.journey_group) {
        // Moved to another group in the editor: follow it.
        bool exists = false;
        for (const Stakeholder& s : current.stakeholders)
            exists = exists || s.id == current.touchpoints[static_cast<std::size_t>(view.touchpoint)].stakeholder;
        if (exists) view.journey_group = current.touchpoints[static_cast<std::size_t>(view.touchpoint)].stakeholder;
    }
    if (view.touchpoint >= 0) {
        ImGui::PushID(view.touchpoint);
        draw_detail(app, current, static_cast<std::size_t>(view.touchpoint));
        ImGui::PopID();
    } else {
        ImGui::TextDisabled("%s", tr("Click a touchpoint to edit it."));
    }
    const Plan& after = app.document().plan();
    if (view.delete_kind == static_cast<int>(Entity::touchpoint) && view.delete_index >= 0 &&
        static_cast<std::size_t>(view.delete_index) < after.touchpoints.size()) {
        const std::size_t before = after.touchpoints.size();
        delete_popup(app, Entity::touchpoint,
                     trf("Delete the touchpoint \"%s\"?", after.touchpoints[static_cast<std::size_t>(view.delete_index)].name.c_str()));
        if (app.document().plan().touchpoints.size() < before) view.touchpoint = -1;
    } else if (view.delete_kind == static_cast<int>(Entity::touchpoint)) {
        view.delete_kind = -1;
    }
}

}  // namespace fiducia::ui
