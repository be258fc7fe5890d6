// Narrow screens (phones from 360 CSS px wide, at 1x and 3x pixel density): the scoring sheet shows
// its whole 1-9 scale and "Not sure" at a finger's size (44 CSS px) in every language; the planner
// lists its panels in a menu instead of a sidebar; the start screen's buttons stack inside the width.
#include <doctest/doctest.h>

#include <algorithm>

#include <imgui_internal.h>

#include "io/workshop_files.hpp"
#include "ui/platform/accessibility.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

struct Screen {
    float width, height, scale;  // CSS pixels, device pixel ratio
};
const Screen kPhones[] = {{390, 844, 3}, {390, 844, 1}, {360, 740, 3}, {360, 640, 1}};

// An item's rectangle in CSS pixels, or none when it was not drawn (or clipped away) last frame.
std::optional<ui::ItemRect> css_rect(const std::string& label, float scale) {
    std::optional<ui::ItemRect> r = ui::locate_item(label);
    if (r) *r = {r->x / scale, r->y / scale, r->width / scale, r->height / scale};
    return r;
}

// The scrolling child window (a table's) whose name holds `part`, as drawn last frame; null if not drawn.
ImGuiWindow* active_child(const std::string& part) {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (std::string(w->Name).find(part) != std::string::npos && w->Active) return w;
    return nullptr;
}

// A table's scrolling window: drawn, inside the phone's width, and wider inside (it scrolls sideways).
void check_scrolls_sideways(ImGuiWindow* table, const Screen& screen) {
    CHECK(table != nullptr);
    if (!table) return;  // REQUIRE does not stop a test built without exceptions
    CHECK(table->Pos.x + table->Size.x <= screen.width * screen.scale + 0.01f);
    CHECK(table->ScrollMax.x > 0);
}

std::string invitation() {
    io::Invitation inv;
    inv.id = "ws-phone1";
    inv.title = "Trust workshop on a phone";
    inv.stakeholders = {{"shoppers", "Online shoppers"}, {"sellers", "Marketplace sellers and their staff"}};
    return io::save_invitation(inv);
}

std::vector<std::string> scoring_labels() {
    std::vector<std::string> labels;
    for (const char* group : {"shoppers", "sellers"})
        for (const char* dimension : {"transactions", "promises", "honesty", "advice", "empathy"}) {
            const std::string cell = std::string(group) + "/" + dimension;
            for (int v = 1; v <= 9; ++v) labels.push_back(std::to_string(v) + "##" + cell);
            labels.push_back("Not sure##" + cell);
            for (int v = 1; v <= 5; ++v) labels.push_back(std::to_string(v) + "##matters-" + cell);
        }
    return labels;
}

// Scrolls the sheet down with the wheel, frame by frame, and keeps the rectangle of each label the
// first time it is on screen; returns them by label (the sheet is taller than a phone).
std::map<std::string, ui::ItemRect> scroll_through(test::UiHarness& h, const Screen& screen,
                                                   const std::vector<std::string>& labels) {
    std::map<std::string, ui::ItemRect> seen;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(screen.width * 0.5f * screen.scale, screen.height * 0.6f * screen.scale);
    for (int f = 0; f < 200 && seen.size() < labels.size(); ++f) {
        CHECK(h.frame().empty());
        for (const std::string& l : labels)
            if (!seen.count(l))
                if (auto r = css_rect(l, screen.scale)) seen[l] = *r;
        io.AddMouseWheelEvent(0, -1);
    }
    return seen;
}

}  // namespace

TEST_CASE("on a phone the scoring sheet shows every score and 'Not sure' inside the width, a finger's size") {
    for (const ui::LanguageInfo& language : ui::languages()) {
        for (const Screen& screen : kPhones) {
            CAPTURE(language.code);
            CAPTURE(screen.width);
            CAPTURE(screen.scale);
            test::UiHarness h;
            ui::set_language(language.language);
            h.set_screen(screen.width, screen.height, screen.scale);
            REQUIRE(h.app.open_text(invitation(), "workshop-ws-phone1.json").ok);
            // tr() keeps the id after "##": "Not sure" is found by its English key's id.
            std::vector<std::string> labels = scoring_labels();
            for (std::string& l : labels)
                if (l.rfind("Not sure##", 0) == 0) l = std::string(ui::tr("Not sure")) + l.substr(8);
            labels.push_back(ui::tr("Save ratings file"));
            labels.push_back(ui::tr("Close"));
            const std::map<std::string, ui::ItemRect> seen = scroll_through(h, screen, labels);
            for (const std::string& l : labels) {
                CAPTURE(l);
                auto r = seen.find(l);
                REQUIRE_MESSAGE(r != seen.end(), "not on screen, even scrolled");
                CHECK(r->second.x >= 0);
                CHECK(r->second.x + r->second.width <= screen.width + 0.01f);
                CHECK(r->second.width >= ui::kTouchTargetCss - 0.01f);
                CHECK(r->second.height >= ui::kTouchTargetCss - 0.01f);
            }
            // A tap still scores: the sheet is the same sheet.
            const auto eight = ui::locate_item("8##shoppers/honesty");
            if (eight) {
                ImGuiIO& io = ImGui::GetIO();
                io.AddMousePosEvent(eight->x + eight->width / 2, eight->y + eight->height / 2);
                io.AddMouseButtonEvent(0, true);
                io.AddMouseButtonEvent(0, false);
                for (int f = 0; f < 4; ++f) CHECK(h.frame().empty());
                CHECK(h.app.scoring()->score(0, 2) == 8);
            }
            ui::set_language(ui::Language::en);
        }
    }
}

TEST_CASE("on a wide screen the scoring sheet keeps one line per dimension, at a finger's size too") {
    test::UiHarness h;
    h.set_screen(1280, 1600, 1);
    REQUIRE(h.app.open_text(invitation(), "workshop-ws-phone1.json").ok);
    for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
    const auto one = ui::locate_item("1##shoppers/advice"), nine = ui::locate_item("9##shoppers/advice");
    const auto not_sure = ui::locate_item("Not sure##shoppers/advice");
    const auto matters = ui::locate_item("5##matters-shoppers/advice");
    REQUIRE((one && nine && not_sure && matters));
    CHECK(nine->y == one->y);
    CHECK(not_sure->y == one->y);
    CHECK(matters->y == one->y);  // "matters to them" beside the scores
    CHECK(matters->x + matters->width <= 1280);
    CHECK(one->height >= ui::kTouchTargetCss);
}

TEST_CASE("the planner lists its panels in a menu below the narrow width, in a sidebar above it") {
    for (const Screen& screen : {Screen{390, 844, 3}, Screen{360, 740, 1}, Screen{699, 800, 1}, Screen{700, 800, 1},
                                 Screen{1280, 800, 1}, Screen{1280, 800, 2}}) {
        CAPTURE(screen.width);
        CAPTURE(screen.scale);
        test::UiHarness h;
        h.set_screen(screen.width, screen.height, screen.scale);
        REQUIRE(h.app.open_text(test::read_file(test::example_plans().front()), "plan.json").ok);
        for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
        const bool narrow = screen.width < ui::kNarrowCssWidth;
        CHECK(h.app.narrow() == narrow);
        CHECK(ui::locate_item("Culture").has_value() == !narrow);  // a sidebar entry
        CHECK(ui::locate_item("Edit").has_value() == !narrow);     // the menus, or one "Menu"
        const auto menu = css_rect("##panel-menu", screen.scale);
        CHECK(menu.has_value() == narrow);
        if (!narrow || !menu) continue;
        CHECK(menu->x + menu->width <= screen.width + 0.01f);
        CHECK(menu->height >= ui::kTouchTargetCss - 0.01f);
        CHECK(h.click("##panel-menu"));
        CHECK(h.frame().empty());
        CHECK(h.frame().empty());  // a new popup measures itself in its first frame, shows in the next
        const auto culture = css_rect("Culture", screen.scale);
        REQUIRE(culture.has_value());  // listed in the open menu
        CHECK(culture->x + culture->width <= screen.width + 0.01f);
        CHECK(h.click("Culture"));
        CHECK(std::string(ui::panels()[static_cast<std::size_t>(h.app.current_panel())].name) == "Culture");
        CHECK(h.frame().empty());
        CHECK_FALSE(ui::locate_item("Stakeholders").has_value());  // the menu closed with the choice
    }
}

TEST_CASE("on a phone the dashboard's group table scrolls sideways inside the width, in every example") {
    test::UiHarness h;
    h.set_screen(390, 844, 3);
    for (const auto& path : test::example_plans()) {
        CAPTURE(path.filename().string());
        REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
        h.app.open_panel(ui::PanelId::dashboard);
        for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
        check_scrolls_sideways(active_child("/groups-scroll"), {390, 844, 3});  // wider than the phone: it scrolls
    }
}

TEST_CASE("the start screen's ways in stack inside a phone's width, a finger's size, in every language") {
    for (const ui::LanguageInfo& language : ui::languages()) {
        for (const Screen& screen : kPhones) {
            CAPTURE(language.code);
            CAPTURE(screen.width);
            CAPTURE(screen.scale);
            test::UiHarness h;
            ui::set_language(language.language);
            h.set_screen(screen.width, screen.height, screen.scale);
            h.app.add_example({"retail-bank.json", "A rather long example title that will not fit a phone", "Bank", "{}"});
            for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
            float below = 0;
            for (const char* label : {"New plan", "Open a plan file...", "Score a workshop..."}) {
                CAPTURE(label);
                const auto r = css_rect(ui::tr(label), screen.scale);
                REQUIRE(r.has_value());
                CHECK(r->x >= 0);
                CHECK(r->x + r->width <= screen.width + 0.01f);
                CHECK(r->height >= ui::kTouchTargetCss - 0.01f);
                CHECK(r->y >= below);  // each under the one before
                below = r->y + r->height;
            }
            const auto card = css_rect("##retail-bank.json", screen.scale);
            REQUIRE(card.has_value());
            CHECK(card->x + card->width <= screen.width + 0.01f);
            ui::set_language(ui::Language::en);
        }
    }
}

namespace {
// A harness at this phone's size with the retail bank example open (CAPTUREd), before its first frame.
void open_bank_on(test::UiHarness& h, const Screen& screen) {
    h.set_screen(screen.width, screen.height, screen.scale);
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"), "retail-bank.json").ok);
}

// The bank example's panel on this phone, drawn (three frames: a new window settles in two).
void show_bank_panel_on(test::UiHarness& h, const Screen& screen, ui::PanelId panel) {
    open_bank_on(h, screen);
    h.app.open_panel(panel);
    for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
}

// Scrolls the panel down with the wheel over its left margin until the scrolling child whose name
// holds `part` is drawn (a table below the first screen); null if it never is.
ImGuiWindow* scroll_to_child(test::UiHarness& h, ImGuiWindow* panel, const std::string& part) {
    ImGuiWindow* child = active_child(part);
    ImGui::GetIO().AddMousePosEvent(panel->Pos.x + 4, panel->Pos.y + panel->Size.y * 0.3f);
    for (int f = 0; f < 60 && !child; ++f) {
        ImGui::GetIO().AddMouseWheelEvent(0, -1);
        CHECK(h.frame().empty());
        child = active_child(part);
    }
    return child;
}

// The shown panel's own window, as drawn last frame.
ImGuiWindow* panel_window() {
    ImGuiWindow* panel = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        const std::string name = w->Name;
        const std::size_t at = name.rfind("/panel_");  // the panel itself, not a child inside it
        if (at != std::string::npos && name.find('/', at + 1) == std::string::npos && w->Active) panel = w;
    }
    return panel;
}
}  // namespace

TEST_CASE("on a phone the Simulation panel stacks its fields and wraps its result inside the width") {
    for (const Screen& screen : kPhones) {
        CAPTURE(screen.width);
        CAPTURE(screen.scale);
        test::UiHarness h;
        open_bank_on(h, screen);
        h.app.analysis_view().customers = 400;  // small and quick
        h.app.open_panel(ui::PanelId::simulation);
        for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
        const auto customers = css_rect(ui::tr("Customers per group"), screen.scale);
        const auto seed = css_rect(ui::tr("Seed"), screen.scale);
        REQUIRE(customers.has_value());
        REQUIRE(seed.has_value());
        CHECK(seed->y >= customers->y + customers->height);  // under it, not beside it
        CHECK(seed->x + seed->width <= screen.width + 0.01f);
        CHECK(h.click(ui::tr("Run simulation")));
        for (int i = 0; i < 200 && !h.app.simulation_job().result; ++i) CHECK(h.frame().empty());
        REQUIRE(h.app.simulation_job().result.has_value());
        CHECK(h.frame().empty());
        // The result line ("... s from the click to the result.") wraps: nothing in the panel is wider than it.
        ImGuiWindow* panel = panel_window();
        REQUIRE(panel != nullptr);
        CHECK(panel->ContentSize.x <= panel->Size.x + 0.01f);
    }
}

TEST_CASE("a long run's progress bar and Cancel fit a phone's width on every panel that has one; the share done is read out") {
    for (const Screen& screen : kPhones) {
        CAPTURE(screen.width);
        CAPTURE(screen.scale);
        test::UiHarness h;
        for (bool& elsewhere : h.platform.elsewhere) elsewhere = true;  // runs that stay under way until told
        open_bank_on(h, screen);
        SimulationOptions simulation;
        simulation.customers = 500;
        h.app.start_simulation(simulation);
        OptimiseOptions optimise;
        optimise.budget = 100000;
        h.app.start_optimiser(optimise);
        for (std::size_t work = 0; work < 3; ++work) h.platform.polls[work].progress = 0.25 * static_cast<double>(work + 1);
        for (ui::PanelId panel : {ui::PanelId::simulation, ui::PanelId::prioritise, ui::PanelId::sensitivity}) {
            CAPTURE(static_cast<int>(panel));
            h.app.open_panel(panel);  // the Sensitivity panel starts its run when shown
            for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
            const auto cancel = css_rect(ui::tr("Cancel"), screen.scale);
            REQUIRE(cancel.has_value());
            CHECK(cancel->x + cancel->width <= screen.width + 0.01f);
            const int done = panel == ui::PanelId::simulation ? 25 : panel == ui::PanelId::prioritise ? 50 : 75;
            const std::string said = std::to_string(done) + "% done";
            const std::vector<ui::a11y::Node> nodes = ui::a11y::nodes();
            CHECK(std::any_of(nodes.begin(), nodes.end(), [&](const ui::a11y::Node& n) { return n.name == said; }));
        }
    }
}

TEST_CASE("on a phone the Prioritise panel keeps the budget, its label and both objectives inside the width, in every language") {
    for (const Screen& screen : kPhones)
        for (ui::Language language : {ui::Language::en, ui::Language::it, ui::Language::zh}) {
            CAPTURE(screen.width);
            CAPTURE(screen.scale);
            CAPTURE(static_cast<int>(language));
            test::UiHarness h;
            h.app.set_language(language);
            show_bank_panel_on(h, screen, ui::PanelId::prioritise);
            ImGuiWindow* panel = panel_window();
            REQUIRE(panel != nullptr);
            for (const char* label : {"Budget", "Trust Index at the horizon", "Revenue kept minus cost"}) {
                CAPTURE(label);
                const auto r = css_rect(ui::tr(label), screen.scale);
                REQUIRE(r.has_value());
                CHECK(r->x + r->width <= screen.width + 0.01f);
            }
            CHECK(panel->ContentSize.x <= panel->Size.x + 0.01f);  // nothing runs off to the right
            ui::set_language(ui::Language::en);
        }
}

TEST_CASE("on a phone the Prioritise result stacks its figures, wraps its sentences and scrolls the chosen set sideways") {
    for (const Screen& screen : kPhones) {
        test::UiHarness h;
        show_bank_panel_on(h, screen, ui::PanelId::prioritise);
        CAPTURE(screen.width);
        CAPTURE(screen.scale);
        OptimiseOptions options;
        options.budget = 1e9;  // every action affordable: a long sentence's money and several chosen
        h.app.start_optimiser(options);
        for (int f = 0; f < 400 && !h.app.optimiser_job().result; ++f) CHECK(h.frame().empty());
        REQUIRE(h.app.optimiser_job().result.has_value());
        REQUIRE(h.app.optimiser_job().result->chosen.size() >= 2);
        CHECK(h.frame().empty());
        ImGuiWindow* panel = panel_window();
        REQUIRE(panel != nullptr);
        CHECK(panel->ContentSize.x <= panel->Size.x + 0.01f);  // "Within a budget of ... is:" wraps
        std::optional<ui::ItemRect> best, cost;
        for (const ui::a11y::Node& n : ui::a11y::nodes()) {
            if (n.name.starts_with(ui::tr("Trust Index at horizon") + std::string(":"))) best = n.rect;
            if (n.name.starts_with(ui::tr("Cost over the horizon") + std::string(":"))) cost = n.rect;
        }
        REQUIRE(best.has_value());
        REQUIRE(cost.has_value());
        CHECK(cost->y >= best->y + best->height);  // one figure under the other, each the whole width
        // Below the phone's first screen; the costs are a swipe away, not cut off.
        check_scrolls_sideways(scroll_to_child(h, panel, "/chosen"), screen);
    }
}

TEST_CASE("on a phone the data tables (Explain's per dimension too) scroll sideways and Projection's retention and revenue charts stack") {
    struct Case {
        ui::PanelId panel;
        const char* table;
        const char* tab = nullptr;  // clicked first
    };
    for (const Case c : {Case{ui::PanelId::explain, "/dimensions"}, Case{ui::PanelId::workshop, "/results"},
                         Case{ui::PanelId::measurements, "/calibration", "Model against measurements"},
                         Case{ui::PanelId::projection, "/scenario-table"}})
        for (const Screen& screen : kPhones) {
            test::UiHarness h;
            h.app.analysis_view().compared = {"plan"};  // a scenario table to show
            show_bank_panel_on(h, screen, c.panel);
            if (c.tab) REQUIRE(h.click(ui::tr(c.tab)));
            const std::string table = c.table;
            CAPTURE(table);
            CAPTURE(screen.width);
            REQUIRE(panel_window() != nullptr);
            check_scrolls_sideways(scroll_to_child(h, panel_window(), c.table), screen);
        }
    for (const Screen& screen : {kPhones[0], kPhones[3]}) {
        test::UiHarness h;
        show_bank_panel_on(h, screen, ui::PanelId::projection);
        REQUIRE(panel_window() != nullptr);
        ImGuiWindow* panel = panel_window();
        std::optional<ui::ItemRect> retention, revenue;
        ImGui::GetIO().AddMousePosEvent(panel->Pos.x + 4, panel->Pos.y + panel->Size.y * 0.3f);
        for (int f = 0; f < 80 && !(retention && revenue && revenue->height > 0); ++f) {  // down to both charts
            ImGui::GetIO().AddMouseWheelEvent(0, -1);
            CHECK(h.frame().empty());
            if (auto r = ui::locate_item("##retention"); r && r->height > 0) retention = r;
            revenue = ui::locate_item("##revenue");
        }
        REQUIRE(retention.has_value());
        REQUIRE(revenue.has_value());
        CHECK(revenue->y >= retention->y + retention->height);  // one under the other
        CHECK(retention->width > screen.width * screen.scale * 0.7f);  // each nearly the whole width
    }
}

TEST_CASE("on a phone the Measurements panel wraps its buttons, scrolls its table sideways instead of squeezing the fields, and its tooltips fit") {
    for (const Screen& screen : kPhones) {
        CAPTURE(screen.width);
        CAPTURE(screen.scale);
        test::UiHarness h;
        show_bank_panel_on(h, screen, ui::PanelId::measurements);
        for (const char* label : {"Add a measurement", "Import survey..."}) {
            CAPTURE(label);
            const auto r = css_rect(ui::tr(label), screen.scale);
            REQUIRE(r.has_value());
            CHECK(r->x + r->width <= screen.width + 0.01f);
        }
        check_scrolls_sideways(active_child("/observations"), screen);  // its fields keep a readable width
        ImGuiWindow* panel = panel_window();
        REQUIRE(panel != nullptr);
        CHECK(panel->ContentSize.x <= panel->Size.x + 0.01f);  // the note wraps: nothing runs off to the right
        // Its tooltips wrap to the phone's width (every tooltip opens through begin_tooltip).
        const auto field = ui::locate_item(ui::tr("Weight of a measurement"));  // a long tooltip
        REQUIRE(field.has_value());
        ImGui::GetIO().AddMousePosEvent(field->x + field->width / 2, field->y + field->height / 2);
        for (int f = 0; f < 90; ++f) CHECK(h.frame().empty());  // past the hover delay and the tooltip's first, measuring frame
        ImGuiWindow* tooltip = nullptr;
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
            if (std::string(w->Name).starts_with("##Tooltip") && w->Active) tooltip = w;
        REQUIRE(tooltip != nullptr);
        CHECK(tooltip->Size.y > ImGui::GetFontSize() * 3);  // the field's tooltip, several lines
        CHECK(tooltip->Pos.x >= -0.01f);
        CHECK(tooltip->Pos.x + tooltip->Size.x <= screen.width * screen.scale + 0.01f);
    }
}

TEST_CASE("on a phone each plan editor puts its list above the chosen entity's fields, which take the whole width") {
    for (const Screen& screen : kPhones) {
        for (ui::PanelId panel : {ui::PanelId::stakeholders, ui::PanelId::knowledge, ui::PanelId::commitments,
                                  ui::PanelId::actions, ui::PanelId::scenarios}) {
            CAPTURE(screen.width);
            CAPTURE(screen.scale);
            CAPTURE(static_cast<int>(panel));
            test::UiHarness h;
            show_bank_panel_on(h, screen, panel);
            const auto add = css_rect(ui::tr("Add"), screen.scale);  // the list's first button
            const char* first = panel == ui::PanelId::commitments ? "Statement" : "Name";  // the chosen entity's first field
            const auto name = css_rect(ui::tr(first), screen.scale);
            REQUIRE(add.has_value());
            REQUIRE(name.has_value());
            CHECK(name->y > add->y + add->height);   // under the list, not beside it
            CHECK(name->width >= screen.width * 0.4f);  // a field wide enough to read what it holds
            CHECK(name->x + name->width <= screen.width + 0.01f);
        }
    }
}


namespace {
// Draws `body` in a window `width` framebuffer pixels wide for three frames; returns that window.
template <typename Body>
ImGuiWindow* draw_in_window(test::UiHarness& h, float width, Body body) {
    (void)h;  // its ImGui context and fonts
    for (int f = 0; f < 3; ++f) {
        ui::locator_begin_frame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, 600));
        ImGui::Begin("narrow-test", nullptr, ImGuiWindowFlags_NoDecoration);
        body();
        ImGui::End();
        ImGui::Render();
    }
    return ImGui::FindWindowByName("narrow-test");
}
}  // namespace

TEST_CASE("a number field with no room for its label beside it puts the label above, and never runs off the edge") {
    test::UiHarness h;
    const char* label = "Revenue per person per month";
    double value = 9.2;
    draw_in_window(h, 100, [] {});
    const float em = ImGui::GetFontSize();  // set by a frame
    REQUIRE(em > 0);
    ImGuiWindow* narrow = draw_in_window(h, em * 18, [&] {
        ImGui::SetNextItemWidth(em * 20);  // wider than the window: as a field's set width on a phone
        ui::number_field(label, value, {.min = 0, .max = 100, .format = "%.2f", .bar = true});
    });
    REQUIRE(narrow != nullptr);
    const auto box = ui::locate_item(label);
    REQUIRE(box.has_value());
    CHECK(narrow->ContentSize.x <= narrow->ContentRegionRect.GetWidth() + 0.5f);  // neither field nor label runs off
    CHECK(box->x + box->width <= narrow->WorkRect.Max.x + 0.5f);
    CHECK(box->y >= narrow->ContentRegionRect.Min.y + em);  // under its label
    ImGuiWindow* wide = draw_in_window(h, em * 60, [&] {
        ImGui::SetNextItemWidth(em * 20);
        ui::number_field(label, value, {.min = 0, .max = 100, .format = "%.2f", .bar = true});
    });
    const auto beside = ui::locate_item(label);
    REQUIRE(beside.has_value());
    CHECK(beside->y < wide->ContentRegionRect.Min.y + em * 0.5f);  // room enough: the label beside it, as before
    CHECK(beside->width == doctest::Approx(em * 20 * 0.4f).epsilon(0.3));  // the box of a 20 em field with its bar
}

TEST_CASE("a quiet note wraps at the panel's edge") {
    test::UiHarness h;
    draw_in_window(h, 100, [] {});
    const float em = ImGui::GetFontSize();  // set by a frame
    ImGuiWindow* w = draw_in_window(h, em * 15, [] {
        ui::quiet_note("Month 0 is today; the plan's enabled actions apply from their start month.");
    });
    REQUIRE(w != nullptr);
    CHECK(w->ContentSize.x <= w->ContentRegionRect.GetWidth() + 0.5f);
    CHECK(w->ContentSize.y > ImGui::GetTextLineHeight() * 1.5f);  // on more than one line
}
TEST_CASE("on a phone no panel runs off to the right: rows wrap, notes wrap, maps and tables scroll sideways, in every language") {
    for (const auto& example : test::example_plans())
    for (const Screen& screen : {kPhones[0], kPhones[3]})
        for (ui::Language language : {ui::Language::en, ui::Language::zh, ui::Language::it, ui::Language::id}) {
            test::UiHarness h;
            h.app.set_language(language);
            h.set_screen(screen.width, screen.height, screen.scale);
            REQUIRE(h.app.open_text(test::read_file(example), example.filename().string()).ok);
            for (const ui::PanelInfo& info : ui::panels()) {
                const std::string name = info.name, plan = example.filename().string();
                CAPTURE(plan);
                CAPTURE(name);
                CAPTURE(screen.width);
                CAPTURE(static_cast<int>(language));
                h.app.open_panel(info.id);
                for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
                ImGuiWindow* panel = panel_window();
                REQUIRE(panel != nullptr);
                CHECK(panel->ContentSize.x <= panel->Size.x + 0.01f);
            }
            ui::set_language(ui::Language::en);
        }
}

TEST_CASE("a checkbox too long for a phone is cut with an ellipsis, yet found and read out by its whole label") {
    test::UiHarness h;
    h.set_screen(360, 640, 1);
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/b2b-software.json"), "b2b.json").ok);
    const std::string full = "Public status page, incident reviews within five days and a quarterly reliability report";
    h.app.document().begin_edit().actions[1].name = full;  // an action's name, longer than the phone is wide
    h.app.document().end_gesture();
    h.app.open_panel(ui::PanelId::scenarios);
    for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
    const auto r = ui::locate_item(full);
    REQUIRE(r.has_value());
    CHECK(r->x + r->width <= 360 + 0.01f);  // inside the phone
    CHECK(ImGui::CalcTextSize(full.c_str()).x > r->width);  // the whole label would not have fitted: it is cut
    bool read_whole = false;
    for (const ui::a11y::Node& n : ui::a11y::nodes()) read_whole = read_whole || n.name == full;
    CHECK(read_whole);
}
