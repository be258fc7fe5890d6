// Every panel renders for every example plan, with no failed ImGui assert and no id clash.
#include <doctest/doctest.h>

#include "ui/panels/panels.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

TEST_CASE("every panel renders for every example plan without asserts or id clashes") {
    test::UiHarness h;
    const std::size_t asserts_before = ui::failed_asserts().size();
    CHECK(h.frame().empty());  // the start screen
    for (const auto& path : test::example_plans()) {
        CAPTURE(path.filename().string());
        REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
        for (std::size_t i = 0; i < ui::panels().size(); ++i) {
            CAPTURE(ui::panels()[i].name);
            h.app.show_panel(static_cast<int>(i));
            for (int f = 0; f < 3; ++f) CHECK(h.frame() == std::vector<std::string>{});
        }
    }
    CHECK(ui::failed_asserts().size() == asserts_before);
}

TEST_CASE("the harness notices an id clash") {  // proves the check above can fail
    test::UiHarness h;
    ui::locator_begin_frame();
    ImGui::NewFrame();
    ImGui::Begin("clash");
    ImGui::Button("Same");
    ImGui::Button("Same");
    ImGui::End();
    ImGui::Render();
    CHECK(ui::duplicate_items() == std::vector<std::string>{"Same"});
}

TEST_CASE("a refused file shows its errors and keeps the open plan") {
    test::UiHarness h;
    auto path = test::example_plans().front();
    REQUIRE(h.app.open_text(test::read_file(path), "a.json").ok);
    const std::string before = h.app.save_text();
    ui::LoadOutcome bad = h.app.open_text("{\"fiducia\": \"plan\", \"version\": 1, \"stakeholders\": 3}", "b.json");
    CHECK_FALSE(bad.ok);
    CHECK_FALSE(bad.errors.empty());
    CHECK(h.frame().empty());
    CHECK(h.frame().empty());  // a new popup measures itself in its first frame, shows in the next
    CHECK(ui::locate_item("Copy the list").has_value());  // the error dialog is on screen
    CHECK(h.app.save_text() == before);
}
