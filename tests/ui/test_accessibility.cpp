// The accessibility mirror (ui/accessibility): what a screen reader and the page's DOM layer read
// of each frame. The browser half is tested in tests/e2e/browser-a11y.test.mjs.
#include <doctest/doctest.h>

#include <algorithm>

#include <imgui_internal.h>

#include "ui/platform/accessibility.hpp"
#include "ui/panels/panels.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {
const ui::a11y::Node* find(const std::vector<ui::a11y::Node>& nodes, const std::string& name) {
    auto it = std::find_if(nodes.begin(), nodes.end(), [&](const ui::a11y::Node& n) { return n.name == name; });
    return it == nodes.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("the mirror names each control by its visible label, with a role") {
    test::UiHarness h;
    h.frame();
    std::vector<ui::a11y::Node> nodes = ui::a11y::nodes();
    REQUIRE_FALSE(nodes.empty());
    // The start screen: its examples are buttons named as shown, and the menu bar's menus open.
    const ui::a11y::Node* file = find(nodes, "File");
    REQUIRE(file);
    CHECK(file->role == ui::a11y::Role::button);
    CHECK(file->expandable);
    CHECK_FALSE(file->expanded);
    for (const ui::a11y::Node& n : nodes) {
        CHECK_FALSE(n.name.empty());
        CHECK(n.name.find("##") == std::string::npos);  // ids never read out
        CHECK(n.rect.width > 0);
        CHECK(n.rect.height > 0);
    }
}

TEST_CASE("the mirror reads a plan's panels: navigation, headings, key figures, fields with values and tooltips") {
    test::UiHarness h;
    const auto path = test::example_plans().front();
    REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
    h.app.show_panel(0);
    h.frame();
    h.frame();
    std::vector<ui::a11y::Node> nodes = ui::a11y::nodes();
    // The chosen panel in the navigation is marked as the current one, the others are not.
    const ui::a11y::Node* dashboard = find(nodes, "Dashboard");
    REQUIRE(dashboard);
    CHECK(dashboard->selected);
    const ui::a11y::Node* settings = find(nodes, "Plan settings");
    REQUIRE(settings);
    CHECK_FALSE(settings->selected);
    // Key figures are text a screen reader finds, with their number.
    auto figure = std::find_if(nodes.begin(), nodes.end(), [](const ui::a11y::Node& n) {
        return n.role == ui::a11y::Role::text && n.name.starts_with("Trust Index today: ");
    });
    CHECK(figure != nodes.end());
    CHECK(std::any_of(nodes.begin(), nodes.end(), [](const ui::a11y::Node& n) { return n.role == ui::a11y::Role::heading; }));

    // A text field carries its value and its tooltip.
    int settings_index = -1;
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == "Plan settings") settings_index = static_cast<int>(i);
    REQUIRE(settings_index >= 0);
    h.app.show_panel(settings_index);
    h.frame();
    h.frame();
    nodes = ui::a11y::nodes();
    const ui::a11y::Node* title = find(nodes, "Title");
    REQUIRE(title);
    CHECK(title->role == ui::a11y::Role::textbox);
    CHECK(title->value == h.app.document().plan().meta.title);
    CHECK_FALSE(title->description.empty());
}

TEST_CASE("the mirror's JSON keeps hostile text as data and places items in CSS pixels") {
    ui::a11y::Node n;
    n.id = 7;
    n.role = ui::a11y::Role::textbox;
    n.name = "Title";
    n.value = "<script>alert(\"x\")</script>\\\n";
    n.rect = {20, 40, 200, 30};
    n.disabled = true;
    const std::string json = ui::a11y::mirror_json({n}, 2.0f, 7, "Saved \"plan\"");
    CHECK(json == "{\"nodes\":[[7,\"textbox\",\"Title\",\"<script>alert(\\\"x\\\")</script>\\\\\\n\",10.0,20.0,100.0,15.0,8,\"\"]],"
                  "\"focus\":7,\"notice\":\"Saved \\\"plan\\\"\"}");
}

TEST_CASE("activating a mirror element is activating the widget") {
    test::UiHarness h;
    const auto path = test::example_plans().front();
    REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
    h.frame();
    const std::vector<ui::a11y::Node> nodes = ui::a11y::nodes();
    const ui::a11y::Node* settings = find(nodes, "Plan settings");
    REQUIRE(settings);
    const unsigned id = settings->id;
    CHECK(std::string(ui::panels()[static_cast<std::size_t>(h.app.current_panel())].name) != "Plan settings");
    // What web_input::before_frame does with a screen reader's click.
    ImGui::ActivateItemByID(id);
    h.frame();
    h.frame();
    CHECK(std::string(ui::panels()[static_cast<std::size_t>(h.app.current_panel())].name) == "Plan settings");
}
