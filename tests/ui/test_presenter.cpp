// Presenter mode (full screen, one chart at a time, a round timer) and share links, through the
// real App under ImGui's null backend with the fake platform.
#include <cmath>

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include "io/plan_file.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui/panels/presenter.hpp"
#include "ui/platform/share_link.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

void press(test::UiHarness& h, ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    h.frame();
    ImGui::GetIO().AddKeyEvent(key, false);
    h.frame();
}

// Clicks the middle of the widget drawn last frame with this label; false when there is none.
bool click(test::UiHarness& h, const char* label) {
    std::optional<ui::ItemRect> r = ui::locate_item(label);
    if (!r) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(r->x + r->width / 2, r->y + r->height / 2);
    h.frame();
    io.AddMouseButtonEvent(0, true);
    h.frame();
    io.AddMouseButtonEvent(0, false);
    h.frame();
    return true;
}

std::string example(const char* name) {
    return test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/" + name);
}

bool any_notice(const ui::App& app, const std::string& part, bool is_error) {
    for (const ui::Notice& n : app.notices())
        if (n.is_error == is_error && n.text.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("View > Presenter mode goes full screen in large type; Esc comes back") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("online-shop.json"), "shop.json").ok);
    h.frame();
    const float planner_scale = h.app.ui_scale();
    REQUIRE(click(h, "View"));
    REQUIRE(click(h, "Presenter mode"));
    h.frame();
    CHECK(h.app.presenter().on);
    CHECK(h.platform.fullscreen);
    CHECK(h.app.ui_scale() > planner_scale * 1.5f);
    CHECK(ui::locate_item("Next >"));
    CHECK_FALSE(ui::locate_item("Dashboard"));  // the planner's navigation is gone
    press(h, ImGuiKey_Escape);
    CHECK_FALSE(h.app.presenter().on);
    CHECK_FALSE(h.platform.fullscreen);
    CHECK(h.app.ui_scale() == planner_scale);
    CHECK(ui::locate_item("Dashboard"));
    press(h, ImGuiKey_F5);  // the key of slide software
    CHECK(h.app.presenter().on);
}

TEST_CASE("in presenter mode a notice stands above the bottom bar, never over its buttons") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("online-shop.json"), "shop.json").ok);
    h.frame();
    h.app.set_presenting(true);
    h.frame();
    h.app.notify("A notice long enough to wrap onto a second line if the window were narrow, which it is not here.");
    h.frame();
    h.frame();
    const ImGuiWindow* notices = ImGui::FindWindowByName("##notices");
    REQUIRE(notices != nullptr);
    REQUIRE(notices->Active);
    const ImRect box = notices->Rect();
    for (const char* button : {"Leave (Esc)", "Start", "Reset"}) {
        CAPTURE(button);
        const std::optional<ui::ItemRect> r = ui::locate_item(button);
        REQUIRE(r.has_value());
        CHECK_FALSE(box.Overlaps(ImRect(r->x, r->y, r->x + r->width, r->y + r->height)));
    }
    h.app.set_presenting(false);  // the planner keeps its notices in the corner
    h.frame();
    h.frame();
    CHECK(ImGui::FindWindowByName("##notices")->Rect().Max.y > box.Max.y);
}

TEST_CASE("presenter mode shows one chart at a time; arrows, a clicker's keys and the buttons change it") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("retail-bank.json"), "bank.json").ok);
    h.app.set_presenting(true);
    h.frame();
    const std::vector<const char*> slides = ui::presenter_slides(h.app);
    REQUIRE(slides.size() == 5);  // the bank example has workshop ratings
    CHECK(std::string(slides.back()).find("Workshop") == 0);
    CHECK(h.app.presenter().slide == 0);
    press(h, ImGuiKey_RightArrow);
    CHECK(h.app.presenter().slide == 1);
    press(h, ImGuiKey_PageDown);
    CHECK(h.app.presenter().slide == 2);
    press(h, ImGuiKey_PageUp);
    CHECK(h.app.presenter().slide == 1);
    REQUIRE(click(h, "Next >"));
    CHECK(h.app.presenter().slide == 2);
    REQUIRE(click(h, "< Previous"));
    REQUIRE(click(h, "< Previous"));
    REQUIRE(click(h, "< Previous"));
    CHECK(h.app.presenter().slide == 4);  // wraps round to the last chart

    // Without ratings there is no workshop chart.
    h.app.document().begin_edit().workshop.ratings.clear();
    h.frame();
    CHECK(ui::presenter_slides(h.app).size() == 4);
    CHECK(h.app.presenter().slide == 3);
}

TEST_CASE("every presenter chart draws for every example plan, with no id clash or failed assert") {
    for (const auto& path : test::example_plans()) {
        CAPTURE(path.filename().string());
        test::UiHarness h;
        REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
        h.app.set_presenting(true);
        const std::size_t count = ui::presenter_slides(h.app).size();
        for (std::size_t i = 0; i < count; ++i) {
            h.app.presenter().slide = static_cast<int>(i);
            h.frame();
            CHECK(h.frame().empty());
            CHECK(h.app.presenter().slide == static_cast<int>(i));
        }
        CHECK(ui::failed_asserts().empty());
    }
}

TEST_CASE("the round timer counts down, wakes the page once a second only while running, and shows overtime") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("online-shop.json"), "shop.json").ok);
    h.app.set_presenting(true);
    h.frame();
    ui::RoundTimer& timer = h.app.presenter().timer;
    CHECK(h.app.next_frame_at() < 0);  // a stopped timer never wakes an idle page
    REQUIRE(click(h, "-1 min"));
    REQUIRE(click(h, "-1 min"));
    CHECK(timer.minutes == 8);
    CHECK(timer.seconds_left(h.platform.clock) == 480);
    REQUIRE(click(h, "Start"));
    CHECK(timer.running);
    const double started = h.platform.clock;
    h.platform.clock += 2.5;
    h.frame();
    const double left = timer.seconds_left(h.platform.clock);
    CHECK(left == doctest::Approx(480 - (h.platform.clock - started + 1.0 / 60)).epsilon(0.01));
    CHECK(ui::format_clock(left).substr(0, 3) == "7:5");
    // The next frame is due when the shown second changes: within a second, not at once.
    const double due = h.app.next_frame_at();
    CHECK(due > h.platform.clock);
    CHECK(due <= h.platform.clock + 1.0 + 1e-2);
    CHECK(ui::format_clock(timer.seconds_left(due)) != ui::format_clock(timer.seconds_left(due - 0.01)));
    h.platform.clock = due;  // the page's loop asks at that moment, before drawing: the frame is due now
    CHECK(h.app.next_frame_at() <= h.platform.clock);
    h.frame();
    CHECK(h.app.next_frame_at() > h.platform.clock);  // and the next one a second on

    REQUIRE(click(h, "Pause"));
    CHECK_FALSE(timer.running);
    const double paused = timer.seconds_left(h.platform.clock);
    h.platform.clock += 30;
    h.frame();
    CHECK(timer.seconds_left(h.platform.clock) == paused);
    CHECK(h.app.next_frame_at() < 0);

    REQUIRE(click(h, "Start"));
    h.platform.clock += 8 * 60 + 5;  // past the end of the round
    h.frame();
    CHECK(timer.seconds_left(h.platform.clock) < -4);
    CHECK(ui::format_clock(timer.seconds_left(h.platform.clock)).front() == '+');
    CHECK(h.app.next_frame_at() > h.platform.clock);  // overtime keeps counting, once a second
    REQUIRE(click(h, "Reset"));
    CHECK_FALSE(timer.running);
    CHECK(timer.seconds_left(h.platform.clock) == 480);
}

TEST_CASE("the clock reads as minutes and seconds, rounding up while counting down") {
    CHECK(ui::format_clock(600) == "10:00");
    CHECK(ui::format_clock(599.2) == "10:00");
    CHECK(ui::format_clock(59.01) == "1:00");
    CHECK(ui::format_clock(0.5) == "0:01");
    CHECK(ui::format_clock(0) == "0:00");
    CHECK(ui::format_clock(-0.5) == "0:00");
    CHECK(ui::format_clock(-65.2) == "+1:05");
}

TEST_CASE("a waterfall for a room merges its smallest sources into one bar that ends at the same score") {
    test::UiHarness h;  // the chart's colours come from the ImGui style
    const Plan plan = io::load_plan(example("b2b-software.json")).plan;
    const Projection p = project(plan);
    const std::size_t month = p.months.size() - 1;
    const ui::chart::BarChart all = ui::chart::waterfall_chart(plan, p, 0, month);
    const ui::chart::BarChart few = ui::chart::waterfall_chart(plan, p, 0, month, 5);
    REQUIRE(all.rows.size() > 6);
    REQUIRE(few.rows.size() == 6);  // 5 bars and the total
    CHECK(few.rows[3].label == all.rows[3].label);
    CHECK(few.rows[4].label.find("smaller sources together") != std::string::npos);
    CHECK(few.rows[4].bars[0].to == doctest::Approx(all.rows[all.rows.size() - 2].bars[0].to));
    CHECK(few.rows.back().value_text == all.rows.back().value_text);
}

TEST_CASE("File > Copy share link hands the canonical plan to the page, with the link's limit") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example("online-shop.json"), "shop.json").ok);
    h.frame();
    REQUIRE(click(h, "File"));
    REQUIRE(click(h, "Copy share link"));
    CHECK(h.platform.share_link_text == h.app.save_text());
    CHECK(h.platform.share_link_max == ui::kShareLinkMaxChars);

    ui::share_link_made(h.app, ui::ShareLinkMade::too_long, 9123);
    CHECK(any_notice(h.app, "9123 characters", true));
    CHECK(any_notice(h.app, "Send the plan file instead", true));
    ui::share_link_made(h.app, ui::ShareLinkMade::copied, 4321);
    CHECK(any_notice(h.app, "Share link copied (4321 characters)", false));
}

TEST_CASE("a plan from a share link opens like a file; a bad one is refused and loses nothing") {
    test::UiHarness h;
    const std::string own = example("online-shop.json");
    REQUIRE(h.app.open_text(own, "shop.json").ok);
    for (int i = 0; i < 40; ++i) h.frame();  // autosaved once the plan has been still a moment
    REQUIRE(h.platform.autosaved == own);

    ui::share_link_broken(h.app, ui::ShareLinkBroken::damaged);
    CHECK(any_notice(h.app, "This share link is damaged", true));
    CHECK(h.app.save_text() == own);

    ui::open_shared_plan(h.app, "{\"fiducia\": \"plan\", \"version\": 1, \"meta\": 3}");
    CHECK(h.app.save_text() == own);  // refused, with the link named in the list of problems
    h.frame();
    h.frame();
    CHECK(ui::locate_item("Copy the list"));

    const std::string shared = example("b2b-software.json");
    ui::open_shared_plan(h.app, shared);
    CHECK(h.app.save_text() == shared);
    CHECK(h.app.document().file_name().empty());  // no file yet: Save asks where
    CHECK(any_notice(h.app, "came in a share link", false));
    for (int i = 0; i < 40; ++i) h.frame();
    CHECK(h.platform.autosaved == shared);
    REQUIRE(h.platform.versions.size() >= 2);
    CHECK(h.platform.versions[1] == own);  // the previous plan is kept in the history
}
