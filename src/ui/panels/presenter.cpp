#include "ui/panels/presenter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui/platform/theme.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

// ---- The round timer ----------------------------------------------------------------------------

void RoundTimer::start(double now) {
    if (running) return;
    ends_at = now + left;
    running = true;
}

void RoundTimer::pause(double now) {
    if (!running) return;
    left = ends_at - now;
    running = false;
}

void RoundTimer::reset() {
    running = false;
    left = minutes * 60.0;
}

void RoundTimer::set_minutes(int m) {
    minutes = std::clamp(m, 1, 180);
    if (!running) left = minutes * 60.0;
}

double RoundTimer::next_change(double now) const {
    if (!running) return -1;
    const double left_now = ends_at - now;
    // The clock shows whole seconds rounded up while counting down, and down while counting overtime.
    const double shown_until = left_now > 0 ? std::ceil(left_now) - 1 : std::floor(left_now);
    return ends_at - shown_until + 1e-3;
}

std::string format_clock(double seconds_left) {
    const bool over = seconds_left <= -1;
    const long whole = over ? static_cast<long>(std::floor(-seconds_left)) : static_cast<long>(std::ceil(std::max(0.0, seconds_left)));
    char text[32];
    std::snprintf(text, sizeof text, "%s%ld:%02ld", over ? "+" : "", whole / 60, whole % 60);
    return text;
}

// ---- The slides ---------------------------------------------------------------------------------

namespace {

using namespace chart;

constexpr const char* kTrustIndex = tr_noop("Trust Index over time");
constexpr const char* kGroups = tr_noop("Trust per stakeholder group");
constexpr const char* kWaterfall = tr_noop("What a group's trust is made of");
constexpr const char* kTornado = tr_noop("Which inputs move the Trust Index most");
constexpr const char* kWorkshop = tr_noop("Workshop: who trusts us on what");

void caption(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", text.c_str());
    ImGui::PopTextWrapPos();
}

void slide_trust_index(App& app, const Plan& plan, const Projection& p, bool index_only) {
    const double now = p.months.front().trust_index, end = p.months.back().trust_index;
    char text[256];
    std::snprintf(text, sizeof text, tr("Trust Index today %s, in %s %s (%s points). 50 or more: more trust than distrust."),
                  format_trust(now).c_str(), month_label(p.horizon_months, plan.settings.start).c_str(),
                  format_trust(end).c_str(), trend_text(end - now).c_str());
    caption(text);
    std::vector<std::string> hidden;
    if (index_only)
        for (const Stakeholder& s : plan.stakeholders) hidden.push_back(s.id);
    (void)app;
    // The legend goes under the plot: leave it two lines.
    // 0-100 on every slide: a room judges a level by the line's height, and 42-52 makes 5 points look huge.
    TrustChartOptions options;
    options.full_scale = true;
    trust_over_time(plan, p, hidden, ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2.6f,
                    options);
}

void slide_waterfall(App& app, const Plan& plan, const Projection& p) {
    // The group and month chosen in Explain, so a facilitator can prepare the slide there.
    const AnalysisView& view = app.analysis_view();
    std::size_t group = 0;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        if (plan.stakeholders[g].id == view.explain_group) group = g;
    const int month = view.explain_month >= 0 && view.explain_month <= p.horizon_months ? view.explain_month : p.horizon_months;
    char text[256];
    std::snprintf(text, sizeof text, tr("%s in %s: the base rate plus every source of evidence. Blue raises trust, orange lowers it. Choose the group and month in Explain."),
                  stakeholder_label(plan, group).c_str(), month_label(month, plan.settings.start).c_str());
    caption(text);
    BarChart chart = waterfall_chart(plan, p, group, static_cast<std::size_t>(month), 10);
    chart.x.hi = 1.0;  // the presenter's trust axes all run 0-100
    bar_chart("##presenter-waterfall", chart);
}

void slide_tornado(App& app, const Plan& plan, const Projection& p) {
    AnalysisView& view = app.analysis_view();
    if (view.sensitivity_revision != app.document().revision()) {  // the same cache as the Sensitivity panel
        view.sensitivity = sensitivity(plan);
        view.sensitivity_revision = app.document().revision();
        ++view.sensitivity_runs;
    }
    const double base = p.months.back().trust_index;
    caption(tr("Each input 20% lower (orange) and 20% higher (blue): the Trust Index at the horizon. The longest bars are the figures worth measuring well."));
    const BarChart chart = tornado_chart(plan, view.sensitivity, base, 10);
    if (chart.rows.empty()) caption(tr("No input moves the Trust Index."));
    else bar_chart("##presenter-tornado", chart);
}

void slide_workshop(const Plan& plan) {
    const WorkshopSummary summary = aggregate_workshop(plan);
    char text[256];
    std::snprintf(text, sizeof text, tr("The share of participants scoring 6-9 (trust) on the 9-point scale; %d participants. Agreement between them (Kendall's W): %.2f."),
                  summary.participants, summary.kendall_w);
    caption(text);
    Heatmap map;
    map.format = Format::percent;
    for (int d = 0; d < kDimensions; ++d) {
        map.columns.push_back(dimension_name(d));
        map.column_tips.push_back(trf("%s: the stakeholder believes that %s. Mayer et al. (1995): %s.", dimension_name(d),
                                      dimension_meaning(d), dimension_family(d)));
    }
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        map.rows.push_back(stakeholder_label(plan, g));
        for (int d = 0; d < kDimensions; ++d) {
            const WorkshopItem* found = nullptr;
            for (const WorkshopItem& item : summary.items)
                if (item.stakeholder == plan.stakeholders[g].id && static_cast<int>(item.dimension) == d) found = &item;
            map.values.push_back(found ? found->share_trusting : std::nan(""));
            char tip[256] = "";
            if (found)
                std::snprintf(tip, sizeof tip, tr("%d ratings, median %.1f, middle half %.1f to %.1f%s"), found->count,
                              found->median, found->q1, found->q3, found->disagreement ? tr("; participants disagree") : "");
            map.tooltips.push_back(found ? tip : tr("Nobody rated this."));
        }
    }
    heatmap("##presenter-workshop", map);
}

}  // namespace

float presenter_controls_height() {
    return ImGui::GetFrameHeightWithSpacing() + heading_font()->FontSize * 0.5f + ImGui::GetStyle().ItemSpacing.y * 2;
}

namespace {

// The bottom bar: previous/next, the slide's number, the round timer and its controls, leave.
void draw_controls(App& app, int count) {
    PresenterState& state = app.presenter();
    RoundTimer& timer = state.timer;
    const float em = ImGui::GetFontSize();
    const double now = app.now();
    if (ImGui::Button(tr("< Previous"), ImVec2(em * 6, 0))) state.slide = (state.slide + count - 1) % count;
    item_tooltip(tr("The previous chart (left arrow or Page Up, as on a presenter's clicker)."));
    ImGui::SameLine();
    ImGui::Text("%d / %d", state.slide + 1, count);
    ImGui::SameLine();
    if (ImGui::Button(tr("Next >"), ImVec2(em * 6, 0))) state.slide = (state.slide + 1) % count;
    item_tooltip(tr("The next chart (right arrow or Page Down)."));

    // The round timer, large; red once the time is up, then counting the overtime.
    const double left = timer.seconds_left(now);
    const bool up = left <= 0;
    const std::string clock = format_clock(left);
    ImFont* big = heading_font();
    const float size = big->FontSize * 1.2f;
    // A box as wide as the widest clock, so the buttons beside it never move as it counts.
    const ImVec2 text_size = big->CalcTextSizeA(size, FLT_MAX, 0, clock.c_str());
    const float widest = big->CalcTextSizeA(size, FLT_MAX, 0, "+00:00").x;
    ImGui::SameLine(0, em * 2);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 box(widest + em, size + em * 0.2f);
    ImGui::InvisibleButton("##round-timer", box);
    item_tooltip(up ? tr("Time is up: the round is over. The clock counts the minutes over; Reset sets it back.")
                    : tr("The workshop round's timer: set the minutes, then Start. At zero it turns red and counts the overtime."));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (up) draw->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), IM_COL32(200, 20, 20, 255), em * 0.3f);
    draw->AddText(big, size, ImVec2(at.x + (box.x - text_size.x) / 2, at.y + em * 0.1f),
                  up ? IM_COL32_WHITE : ImGui::GetColorU32(ImGuiCol_Text), clock.c_str());

    ImGui::SameLine(0, em);
    if (ImGui::Button(timer.running ? tr("Pause") : tr("Start"))) timer.running ? timer.pause(now) : timer.start(now);
    item_tooltip(tr("Starts or pauses the round timer."));
    ImGui::SameLine();
    if (ImGui::Button(tr("Reset"))) timer.reset();
    item_tooltip(tr("Stops the timer and sets it back to the round's length."));
    ImGui::SameLine(0, em);
    if (ImGui::Button(tr("-1 min"))) timer.set_minutes(timer.minutes - 1);
    item_tooltip(tr("One minute shorter rounds (at least 1)."));
    ImGui::SameLine();
    ImGui::Text(tr("%d min"), timer.minutes);
    item_tooltip(tr("The length of a round, in minutes."));
    ImGui::SameLine();
    if (ImGui::Button(tr("+1 min"))) timer.set_minutes(timer.minutes + 1);
    item_tooltip(tr("One minute longer rounds."));

    const char* leave = tr("Leave (Esc)");
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(leave).x - ImGui::GetStyle().FramePadding.x * 2 -
                    ImGui::GetStyle().WindowPadding.x);
    if (ImGui::Button(leave)) app.set_presenting(false);
    item_tooltip(tr("Back to the planner, out of full screen."));
}

}  // namespace

std::vector<const char*> presenter_slides(App& app) {
    std::vector<const char*> slides = {kTrustIndex, kGroups, kWaterfall, kTornado};
    if (!app.document().plan().workshop.ratings.empty()) slides.push_back(kWorkshop);
    return slides;
}

void draw_presenter(App& app) {
    PresenterState& state = app.presenter();
    const std::vector<const char*> slides = presenter_slides(app);
    const int count = static_cast<int>(slides.size());
    state.slide = std::clamp(state.slide, 0, count - 1);

    // Arrows and a clicker's Page Up/Down change the chart; Esc leaves (unless a popup is open).
    if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            state.slide = (state.slide + 1) % count;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp) || ImGui::IsKeyPressed(ImGuiKey_UpArrow))
            state.slide = (state.slide + count - 1) % count;
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            app.set_presenting(false);
            return;
        }
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar(2);
    const Plan& plan = app.document().plan();
    const Projection* p = app.projection();
    heading(tr(slides[static_cast<std::size_t>(state.slide)]));

    if (ImGui::BeginChild("##slide", ImVec2(0, -presenter_controls_height()), false, ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar)) {
        const std::string slide = slides[static_cast<std::size_t>(state.slide)];
        if (!p || p->months.empty() || plan.stakeholders.empty()) caption(tr("Add a stakeholder group to see its trust here."));
        else if (slide == kTrustIndex || slide == kGroups) slide_trust_index(app, plan, *p, slide == kTrustIndex);
        else if (slide == kWaterfall) slide_waterfall(app, plan, *p);
        else if (slide == kTornado) slide_tornado(app, plan, *p);
        else slide_workshop(plan);
    }
    ImGui::EndChild();
    ImGui::Separator();
    draw_controls(app, count);
    ImGui::End();
}

}  // namespace fiducia::ui
