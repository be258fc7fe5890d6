// Measurements as evidence in the UI: the weight is typed on the Measurements panel (and Plan
// settings); above 0 the projection moves toward the surveys and Projection also has the plan as
// first projected to draw beside it; one undo step takes it all back.
#include <doctest/doctest.h>

#include "io/plan_file.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

void frames(test::UiHarness& h, int n = 1) {
    for (int i = 0; i < n; ++i) CHECK(h.frame() == std::vector<std::string>{});
}

void click(test::UiHarness& h, const std::string& label) {
    const auto r = ui::locate_item(label);
    REQUIRE_MESSAGE(r.has_value(), "no widget labelled " << label);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(r->x + r->width / 2, r->y + r->height / 2);
    frames(h);
    io.AddMouseButtonEvent(0, true);
    frames(h);
    io.AddMouseButtonEvent(0, false);
    frames(h);
}

}  // namespace

TEST_CASE("the weight of a measurement is typed on the Measurements panel and makes surveys evidence, undoably") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"),
                            "retail-bank.json").ok);
    const std::string before = h.app.save_text();
    const double trust_before = h.app.projection()->months[0].stakeholders[0].trust;  // retail, surveyed at 52%
    CHECK(h.app.projection_before_measurements() == nullptr);
    h.app.open_panel(ui::PanelId::measurements);
    frames(h, 2);
    click(h, "Weight of a measurement");
    ImGui::GetIO().AddInputCharactersUTF8("0.01");
    frames(h);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, true);
    frames(h);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, false);
    frames(h, 2);
    CHECK(h.app.document().plan().settings.observation_weight == 0.01);
    const Projection* first = h.app.projection_before_measurements();
    REQUIRE(first != nullptr);
    CHECK(first->months[0].stakeholders[0].trust == trust_before);  // as first projected
    const double measured = 0.52, now = h.app.projection()->months[0].stakeholders[0].trust;
    CHECK(std::abs(now - measured) < std::abs(trust_before - measured));  // moved toward the survey
    h.app.open_panel(ui::PanelId::projection);
    frames(h, 2);  // draws the dashed lines without an assert
    h.app.document().undo();
    CHECK(h.app.save_text() == before);
    CHECK(h.app.projection_before_measurements() == nullptr);
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("Model against measurements: the backtest and each group's fitted base rate, used as one undo step") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"),
                            "retail-bank.json").ok);
    const std::string before = h.app.save_text();
    const Calibration fitted = calibrate(h.app.document().plan());
    REQUIRE(fitted.groups.size() >= 2);
    h.app.open_panel(ui::PanelId::measurements);
    frames(h, 2);
    click(h, "Model against measurements");
    frames(h);
    const CalibratedGroup& g = fitted.groups[0];
    std::string button;  // "Use 61.2%##calibrate/retail": the figure is the fit's
    for (const ui::FrameItem& item : ui::frame_items())
        if (item.label.size() > 11 && item.label.ends_with("##calibrate/" + g.stakeholder)) button = item.label;
    REQUIRE(!button.empty());
    click(h, button);
    const Plan& after = h.app.document().plan();
    for (const Stakeholder& s : after.stakeholders) {
        double want = s.base_rate;
        for (const Stakeholder& o : io::load_plan(before).plan.stakeholders)
            if (o.id == s.id) want = s.id == g.stakeholder ? g.base_rate_after : o.base_rate;
        CHECK_MESSAGE(s.base_rate == want, s.id);  // only the chosen group changed
    }
    h.app.document().undo();  // one step takes it back
    CHECK(h.app.save_text() == before);
    click(h, "Use every fitted base rate");
    Plan all = io::load_plan(before).plan;
    apply_calibration(all, fitted);
    CHECK(io::save_plan(h.app.document().plan()) == io::save_plan(all));  // every fitted base rate, nothing else
    h.app.document().undo();
    CHECK(h.app.save_text() == before);
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("Checks beside Problems: a measurement outside its band is listed in words and opens Measurements") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"),
                            "retail-bank.json").ok);
    const std::vector<PlanCheck>& checks = h.app.plan_checks();
    REQUIRE(!checks.empty());
    bool outside = false;  // the staff survey, 58 against a projected 39
    for (const PlanCheck& c : checks) outside = outside || c.kind == PlanCheck::Kind::outside_band;
    CHECK(outside);
    h.app.open_panel(ui::PanelId::dashboard);
    frames(h, 2);
    const std::string menu = std::to_string(checks.size()) + (checks.size() == 1 ? " check" : " checks");
    click(h, menu);
    std::string item;
    for (const ui::FrameItem& i : ui::frame_items())
        if (i.in_menu && i.label.find("outside the 95% band") != std::string::npos) item = i.label;
    REQUIRE_MESSAGE(!item.empty(), "no check about the band in the open menu");
    CHECK(item.find("measured 58.0, projected 39.3") != std::string::npos);
    click(h, item);
    CHECK(h.app.current_panel() == static_cast<int>(ui::PanelId::measurements));
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the weight of a measurement is as wide on the Measurements panel as on Plan settings, not a whole line") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(test::example_plans().front()), "plan.json").ok);
    std::optional<float> widths[2];
    int i = 0;
    for (ui::PanelId panel : {ui::PanelId::plan_settings, ui::PanelId::measurements}) {
        h.app.open_panel(panel);
        frames(h, 3);
        const auto r = ui::locate_item("Weight of a measurement");
        REQUIRE(r.has_value());
        widths[i++] = r->width;
    }
    CHECK(*widths[1] == doctest::Approx(*widths[0]));
    CHECK(*widths[1] < ImGui::GetIO().DisplaySize.x / 3);
}
