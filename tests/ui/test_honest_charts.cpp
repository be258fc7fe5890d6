// Issue 12, items 7 and 11: charts that do not mislead (a waterfall from zero, one 95% band at a
// time, the presenter's trust on 0-100, a journey curve only between stages with touchpoints) and
// no silent limits (cut labels end in an ellipsis with the whole text on hover, the simulation's
// range is stated, versions in local time with what changed, Ctrl+Z undoes a restore).
#include <doctest/doctest.h>

#include "io/diff.hpp"
#include "io/plan_file.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui/document/versions.hpp"
#include "ui/panels/widgets.hpp"
#include "ui/platform/accessibility.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

std::string example(const char* name) {
    return test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/" + name);
}

void frames(test::UiHarness& h, int n = 1) {
    for (int i = 0; i < n; ++i) CHECK(h.frame() == std::vector<std::string>{});
}

// The trust axes drawn in the last frame.
std::vector<ui::chart::DrawnScale> trust_scales() {
    std::vector<ui::chart::DrawnScale> out;
    for (const ui::chart::DrawnScale& s : ui::chart::drawn_scales())
        if (s.value.format == ui::chart::Format::trust) out.push_back(s);
    return out;
}

bool ends_with_ellipsis(const std::string& text) { return text.ends_with("...") || text.ends_with("\xE2\x80\xA6"); }

}  // namespace

TEST_CASE("the Explain waterfall's trust axis starts at zero, so the base rate is the longest bar") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    const Plan& plan = h.app.document().plan();
    const Projection& p = *h.app.projection();
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g)
        CHECK(ui::chart::waterfall_chart(plan, p, g, static_cast<std::size_t>(p.horizon_months)).x.lo == 0.0);
    h.app.open_panel(ui::PanelId::explain);
    frames(h, 2);
    const std::vector<ui::chart::DrawnScale> scales = trust_scales();
    REQUIRE(!scales.empty());
    CHECK(scales.front().value.lo == 0.0);
}

TEST_CASE("Projection shades one group's 95% band at a time: the chosen group's, else the one under the pointer") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    h.app.open_panel(ui::PanelId::projection);
    ImGui::GetIO().AddMousePosEvent(1, 1);  // away from the chart
    frames(h, 2);
    std::vector<ui::chart::DrawnScale> scales = trust_scales();
    REQUIRE(!scales.empty());
    CHECK(scales.front().bands.empty());  // four groups: no band until one is pointed at or chosen

    // The pointer on the chart: exactly one band, the nearest group's.
    const auto chart = ui::chart::current_chart();
    REQUIRE(chart.has_value());
    ImGui::GetIO().AddMousePosEvent((chart->min.x + chart->max.x) / 2, (chart->min.y + chart->max.y) / 2);
    frames(h, 2);
    scales = trust_scales();
    REQUIRE(!scales.empty());
    CHECK(scales.front().bands.size() == 1);

    // Chosen in "Shaded band": that group's band, wherever the pointer is.
    CHECK(ui::locate_item("Shaded band").has_value());
    h.app.analysis_view().band_group = "staff";
    ImGui::GetIO().AddMousePosEvent(1, 1);
    frames(h, 2);
    scales = trust_scales();
    REQUIRE(!scales.empty());
    CHECK(scales.front().bands == std::vector<std::string>{ui::chart::stakeholder_label(h.app.document().plan(), 2)});
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the presenter shows trust on a fixed 0-100 axis") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    h.app.set_presenting(true);
    for (int slide : {0, 1, 2}) {  // Trust Index, the groups, the waterfall
        h.app.presenter().slide = slide;
        frames(h, 2);
        const std::vector<ui::chart::DrawnScale> scales = trust_scales();
        REQUIRE_MESSAGE(!scales.empty(), "slide " << slide);
        CHECK_MESSAGE(scales.front().value.lo == 0.0, "slide " << slide);
        CHECK_MESSAGE(scales.front().value.hi == 1.0, "slide " << slide);
    }
}

TEST_CASE("the journey curve joins only neighbouring stages that both have touchpoints") {
    Plan plan;
    plan.stakeholders.push_back({});
    plan.stakeholders[0].id = "c";
    for (Stage stage : {Stage::discover, Stage::consider, Stage::use, Stage::renew}) {
        Touchpoint t;
        t.id = "t" + std::to_string(static_cast<int>(stage));
        t.stakeholder = "c";
        t.stage = stage;
        t.bad_share = 0.1;
        plan.touchpoints.push_back(t);
    }
    // Discover-consider joined; nothing runs through purchase, deliver or service.
    CHECK(ui::journey_curve_segments(plan, "c") == std::vector<std::pair<int, int>>{{0, 1}});
    CHECK(ui::journey_curve_segments(plan, "nobody").empty());

    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    h.app.open_panel(ui::PanelId::journey);
    frames(h, 2);  // draws the curve without an assert
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("a cut label ends in an ellipsis the font can draw, and hovering it gives the whole text") {
    test::UiHarness h;
    frames(h);
    const std::string name = "New stakeholder group  (Customers)";
    const float width = ImGui::CalcTextSize(name.c_str()).x * 0.6f;
    const bool has_glyph = ImGui::GetFont()->FindGlyphNoFallback(0x2026) != nullptr;
    const std::string cut = ui::fit_text(name, width);
    CHECK(cut.ends_with(has_glyph ? "\xE2\x80\xA6" : "..."));
    CHECK(ImGui::CalcTextSize(cut.c_str()).x <= width);
    CHECK(ui::fit_text(name, 10000) == name);

    // The Stakeholders list, narrowed so the row is cut: "..." shows, the mirror reads it whole.
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    h.app.document().begin_edit().stakeholders[0].name =
        "A stakeholder group with a name far too long for the list beside it, or above it on a screen this narrow";
    h.app.open_panel(ui::PanelId::stakeholders);
    h.set_screen(640, 800, 1);
    frames(h, 3);
    std::string shown;
    for (const ui::FrameItem& item : ui::frame_items())
        if (item.label.starts_with("A stakeholder group")) shown = item.label;
    REQUIRE(!shown.empty());
    CHECK(ends_with_ellipsis(shown));
    bool whole = false;
    for (const ui::a11y::Node& n : ui::a11y::nodes()) whole |= n.name.starts_with("A stakeholder group with a name far too long");
    CHECK(whole);
}

TEST_CASE("Simulation states its range of customers, and why, next to the field") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    h.app.open_panel(ui::PanelId::simulation);
    frames(h, 2);
    bool stated = false;
    for (const ui::a11y::Node& n : ui::a11y::nodes())
        stated |= n.name.find("1,000,000 customers per group") != std::string::npos &&
                  n.name.find("one by one") != std::string::npos;
    CHECK(stated);
}

TEST_CASE("Simulation draws trust only while customers are left, and says when every one has gone") {
    test::UiHarness h;
    constexpr int kSim = static_cast<int>(ui::Platform::Work::simulation);
    h.platform.elsewhere[kSim] = true;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    const Plan& plan = h.app.document().plan();
    SimulationResult result;  // everyone gone after month 5: later months hold no trust to show
    result.customers = 1000;
    SimulatedGroup group;
    for (std::size_t i = 0; i < plan.stakeholders.size() && group.stakeholder < 0; ++i)
        if (plan.stakeholders[i].kind == StakeholderKind::customers) group.stakeholder = static_cast<int>(i);
    REQUIRE(group.stakeholder >= 0);
    for (int m = 0; m <= plan.settings.horizon_months; ++m) {
        SimulatedMonth month;
        if (m <= 5) month.retained = 1 - 0.18 * m, month.retained_se = 0.01, month.trust_p05 = 0.6, month.trust_p50 = 0.7, month.trust_p95 = 0.8;
        else month.retained = 0;
        group.months.push_back(month);
    }
    group.histogram.assign(10, 0.0);
    result.groups.push_back(group);
    h.app.open_panel(ui::PanelId::simulation);
    h.app.start_simulation(SimulationOptions{});
    h.platform.polls[kSim].result = result;
    h.platform.ended[kSim] = true;
    frames(h, 3);
    REQUIRE(h.app.simulation_job().result.has_value());
    const std::vector<ui::chart::DrawnScale> scales = trust_scales();
    REQUIRE(scales.size() == 1);  // the trust fan; no histogram of nobody at the horizon
    CHECK(scales[0].value.lo > 0.3);  // not stretched down to the empty months' zeros
    int said = 0;
    for (const ui::a11y::Node& n : ui::a11y::nodes())
        said += n.name.find("Every simulated customer has left by") != std::string::npos ||
                n.name == "No simulated customer is still there at the horizon.";
    CHECK(said == 2);
}

TEST_CASE("versions are listed in local time with what each changed") {
    CHECK(ui::local_time_text("2027-01-01T23:30:00Z", 90) == "2027-01-02 01:00");
    CHECK(ui::local_time_text("2027-03-01T02:00:00Z", -300) == "2027-02-28 21:00");
    CHECK(ui::local_time_text("2028-03-01T02:00:00Z", -180) == "2028-02-29 23:00");  // a leap year
    CHECK(ui::local_time_text("yesterday", 60) == "yesterday");

    test::UiHarness h;
    const io::LoadResult older = io::load_plan(example("retail-bank.json"));
    REQUIRE(older.ok);
    Plan newer = older.plan;
    newer.meta.title = "Second thoughts";
    newer.touchpoints.pop_back();
    newer.touchpoints[0].bad_share = 0.5;
    newer.actions[0].name += " (revised)";
    const std::string changes = ui::version_changes(older.plan, newer);
    CHECK(changes.find("Second thoughts") != std::string::npos);
    CHECK(changes.find("Touchpoints 2") != std::string::npos);
    CHECK(changes.find("Actions 1") != std::string::npos);
    CHECK(ui::version_changes(older.plan, older.plan) == "No change");

    // The menu: local time, the title and the change.
    h.platform.offset_minutes = 60;
    h.platform.versions = {io::save_plan(newer), io::save_plan(older.plan)};
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    frames(h);
    REQUIRE(h.click("File"));
    const auto restore = ui::locate_item("Restore previous version");
    REQUIRE(restore.has_value());
    ImGui::GetIO().AddMousePosEvent(restore->x + restore->width / 2, restore->y + restore->height / 2);
    frames(h, 4);
    std::string first;
    for (const ui::FrameItem& item : ui::frame_items())
        if (item.label.ends_with("##version0")) first = item.label;
    REQUIRE(!first.empty());
    CHECK(first.starts_with("2027-01-01 01:00"));  // stored 00:00 UTC, shown an hour ahead
    CHECK(first.find("UTC") == std::string::npos);
    const std::string whole = first.substr(0, first.find("##"));
    CHECK((whole.find("Touchpoints 2") != std::string::npos || ends_with_ellipsis(whole)));
}

TEST_CASE("Ctrl+Z undoes a restore: the plan you had comes back") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "retail-bank.json").ok);
    for (int i = 0; i < 40; ++i) h.frame();
    const std::string original = h.app.save_text();
    h.app.document().begin_edit().meta.title = "Second thoughts";
    for (int i = 0; i < 40; ++i) h.frame();
    const std::string edited = h.app.save_text();
    REQUIRE(h.platform.versions.size() >= 2);
    REQUIRE(h.app.restore_version(1));
    frames(h);
    CHECK(h.app.save_text() == original);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    frames(h);
    io.AddKeyEvent(ImGuiKey_Z, true);
    frames(h);
    io.AddKeyEvent(ImGuiKey_Z, false);
    frames(h);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    frames(h);
    // The same plan (meta.base, the file it was opened from, is bookkeeping the restore drops).
    CHECK(io::diff_plans(h.app.document().plan(), io::load_plan(edited).plan).same());
    h.app.document().redo();
    CHECK(io::diff_plans(h.app.document().plan(), io::load_plan(original).plan).same());
}

TEST_CASE("a name in a table cell is cut to its column with an ellipsis, not clipped mid-letter") {
    test::UiHarness h;
    frames(h);
    const std::string name = "Branch and contact-centre staff of the northern region";
    ui::locator_begin_frame();
    ImGui::NewFrame();
    ImGui::Begin("cells");
    float drawn = 0;
    if (ImGui::BeginTable("narrow", 1, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Group", ImGuiTableColumnFlags_WidthFixed, 80);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::cell_text(name);
        drawn = ImGui::GetItemRectSize().x;
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::Render();
    CHECK(drawn > 0);
    CHECK(drawn <= 80);
}
