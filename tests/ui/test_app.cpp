// The application's promises about the user's work: edits are undoable, autosaved after a pause,
// earlier versions can be restored, storage failures are reported, newer files stay read-only.
#include <doctest/doctest.h>

#include "io/plan_file.hpp"
#include "ui/document/document.hpp"
#include "ui/panels/panels.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {
std::string first_example() { return test::read_file(test::example_plans().front()); }

void run_frames(test::UiHarness& h, int n) {
    for (int i = 0; i < n; ++i) h.frame();
}
}  // namespace

TEST_CASE("undo and redo walk back and forth through edits; a drag is one step") {
    ui::Document doc;
    Plan plan;
    plan.meta.title = "A";
    doc.open(plan, "a.json");
    CHECK_FALSE(doc.can_undo());
    doc.begin_edit().meta.title = "B";
    for (int i = 0; i < 5; ++i) doc.begin_edit(true).settings.forgetting = 0.5 + 0.01 * i;  // a drag
    doc.end_gesture();
    doc.begin_edit().meta.title = "C";
    CHECK(doc.dirty());
    doc.undo();
    CHECK(doc.plan().meta.title == "B");
    CHECK(doc.plan().settings.forgetting == doctest::Approx(0.54));
    doc.undo();  // the whole drag at once
    CHECK(doc.plan().settings.forgetting == doctest::Approx(0.9));
    doc.undo();
    CHECK(doc.plan().meta.title == "A");
    CHECK_FALSE(doc.can_undo());
    doc.redo();
    doc.redo();
    doc.redo();
    CHECK(doc.plan().meta.title == "C");
    doc.undo();
    doc.begin_edit().meta.title = "D";  // a new edit after undo drops the redo branch
    CHECK_FALSE(doc.can_redo());
}

TEST_CASE("the document keeps the plan as opened while its history holds it; not after a restore") {
    ui::Document doc;
    CHECK(doc.as_opened() == nullptr);
    Plan plan;
    plan.meta.title = "Opened";
    doc.open(plan, "a.json");
    REQUIRE(doc.as_opened() == &doc.plan());  // no edit stands
    doc.begin_edit().meta.title = "B";
    doc.begin_edit().meta.title = "C";
    REQUIRE(doc.as_opened() != nullptr);
    CHECK(doc.as_opened()->meta.title == "Opened");
    doc.undo();
    doc.undo();
    CHECK(doc.as_opened() == &doc.plan());
    doc.redo();
    CHECK(doc.as_opened()->meta.title == "Opened");
    for (int i = 0; i < 250; ++i) doc.begin_edit().meta.title = "edit " + std::to_string(i);  // beyond the undo history
    CHECK(doc.as_opened() == nullptr);
    doc.open(plan, "a.json");
    doc.restore(Plan{}, "b.json", false);
    CHECK(doc.as_opened() == nullptr);  // the restored plan was not opened from a file
}

TEST_CASE("an edit is autosaved once the user pauses, not before") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    run_frames(h, 2);
    h.app.document().begin_edit().meta.title = "Edited title";
    h.frame();
    CHECK(h.platform.autosaved.find("Edited title") == std::string::npos);  // still typing
    run_frames(h, 40);  // two thirds of a second later
    CHECK(h.platform.autosaved.find("Edited title") != std::string::npos);
    CHECK(h.platform.autosaved == h.app.save_text());
}

TEST_CASE("a storage failure is reported, not swallowed") {
    test::UiHarness h;
    h.platform.refuse_autosave = "this browser's storage is full";
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    run_frames(h, 40);
    bool reported = false;
    for (const ui::Notice& n : h.app.notices())
        reported |= n.is_error && n.text.find("storage is full") != std::string::npos;
    CHECK(reported);
}

TEST_CASE("restoring an earlier version keeps the current plan as a version") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    run_frames(h, 40);
    const std::string original = h.app.save_text();
    h.app.document().begin_edit().meta.title = "Second thoughts";
    run_frames(h, 40);
    const std::string edited = h.app.save_text();
    REQUIRE(h.platform.versions.size() >= 2);
    REQUIRE(h.platform.versions[1] == original);
    CHECK(h.app.restore_version(1));
    CHECK(h.app.save_text() == original);
    CHECK(std::find(h.platform.versions.begin(), h.platform.versions.end(), edited) != h.platform.versions.end());
}

TEST_CASE("other tabs are told which plan is open; one that has it too is said, once") {
    std::string edited, name;
    {
        test::UiHarness h;
        REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
        run_frames(h, 2);
        REQUIRE(h.platform.announced.size() == 1);
        REQUIRE(h.platform.announced[0].size() == 1);
        name = h.platform.announced[0][0];
        CHECK(name.rfind("sha256:", 0) == 0);
        h.app.document().begin_edit().meta.title = "Edited in this tab";
        run_frames(h, 40);
        CHECK(h.platform.announced.size() == 1);  // an edit is the same plan: told once
        edited = h.platform.autosaved;
        h.platform.other_tab = true;
        run_frames(h, 2);
        int said = 0;
        for (const ui::Notice& n : h.app.notices()) said += n.text.find("also open in another tab") != std::string::npos;
        CHECK(said == 1);
        h.app.new_plan();
        run_frames(h, 2);
        CHECK(h.platform.announced.back().empty());  // a new plan is nobody else's
    }
    test::UiHarness h;  // a reload: the edited copy restored still carries the name of the file it came from
    h.app.restore_autosave(edited, "plan.json", true);
    run_frames(h, 2);
    REQUIRE(h.platform.announced.size() == 1);
    CHECK(std::find(h.platform.announced[0].begin(), h.platform.announced[0].end(), name) != h.platform.announced[0].end());
}

TEST_CASE("a simulation run off the UI thread shows its progress and result, and says when it failed or fell back") {
    test::UiHarness h;
    constexpr int kSim = static_cast<int>(ui::Platform::Work::simulation);
    h.platform.elsewhere[kSim] = true;
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    SimulationOptions options;
    options.customers = 500;
    options.seed = 3;
    h.app.start_simulation(options);
    CHECK(h.platform.work_plan[kSim] == h.app.save_text());
    CHECK(h.app.simulation_job().is_running());
    CHECK_FALSE(h.app.simulation_job().running);  // nothing runs on this thread
    h.platform.polls[kSim].progress = 0.4;
    h.platform.polls[kSim].notice = "no Web Workers";
    h.frame();
    CHECK(h.app.simulation_job().progress == doctest::Approx(0.4));
    CHECK(notices_with(h, "could not run the simulation in the background (no Web Workers)") == 1);
    h.frame();
    CHECK(notices_with(h, "in the background") == 1);  // said once
    h.platform.polls[kSim].result = simulate(h.app.document().plan(), options);
    h.platform.ended[kSim] = true;
    h.frame();
    REQUIRE(h.app.simulation_job().result);
    CHECK(h.app.simulation_job().result->customers == 500);
    CHECK_FALSE(h.app.simulation_job().is_running());

    h.app.start_simulation(options);
    h.platform.polls[kSim] = {};
    h.platform.polls[kSim].failed = "the model aborted";
    h.platform.ended[kSim] = true;
    h.frame();
    CHECK_FALSE(h.app.simulation_job().is_running());
    CHECK(notices_with(h, "The simulation stopped: the model aborted") == 1);

    h.app.start_simulation(options);
    h.app.cancel_jobs();
    CHECK(h.platform.cancels[kSim] == 1);
    CHECK_FALSE(h.app.simulation_job().is_running());
}

TEST_CASE("the page may draw fewer frames only while every running job is in the background and nothing else is due") {
    test::UiHarness h;
    constexpr int kSim = static_cast<int>(ui::Platform::Work::simulation);
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    run_frames(h, 40);  // the opened plan's autosave is written
    CHECK_FALSE(h.app.busy());
    CHECK_FALSE(h.app.waiting_on_background());
    SimulationOptions options;
    options.customers = 500;
    h.platform.elsewhere[kSim] = true;
    h.app.start_simulation(options);
    CHECK(h.app.busy());
    CHECK(h.app.waiting_on_background());  // only the workers' progress to show
    h.app.document().begin_edit().meta.title = "Edited while it runs";
    h.app.document().end_gesture();
    CHECK_FALSE(h.app.waiting_on_background());  // an autosave is due: every frame until it is written
    run_frames(h, 40);
    CHECK(h.app.waiting_on_background());
    h.app.cancel_jobs();
    CHECK_FALSE(h.app.busy());
    h.platform.elsewhere[kSim] = false;
    h.app.start_simulation(options);  // no background: it runs here, a slice per frame
    CHECK(h.app.busy());
    CHECK_FALSE(h.app.waiting_on_background());
}

TEST_CASE("a plan from a newer version opens read-only and is never saved over") {
    test::UiHarness h;
    std::string text = first_example();
    const std::string from = "\"version\": 1", to = "\"version\": 7";
    text.replace(text.find(from), from.size(), to);
    ui::LoadOutcome outcome = h.app.open_text(text, "newer.json");
    REQUIRE(outcome.ok);
    CHECK(h.app.document().read_only());
    h.app.save(false);
    CHECK(h.platform.saved.empty());
    run_frames(h, 40);
    CHECK(h.platform.autosaved.empty());
}

TEST_CASE("the theme and the last panel are remembered") {
    // Chosen as a person does, in the View menu and the sidebar (a panel other than the first,
    // which a new App would show anyway) ...
    test::UiHarness h;
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    h.frame();
    const int chosen = 1;
    REQUIRE(h.click("View"));
    REQUIRE(h.click("Projector (large, high contrast)"));
    REQUIRE(h.click(ui::panels()[chosen].name));
    REQUIRE(h.app.current_panel() == chosen);
    // ... the next session opens with both.
    ui::App next(h.platform);
    CHECK(next.theme() == ui::Theme::projector);
    CHECK(next.current_panel() == chosen);
    // A remembered panel this version no longer has falls back to the first.
    test::FakePlatform platform;
    platform.preferences["theme"] = "dark";
    platform.preferences["panel"] = "no such panel";
    ui::App app(platform);
    CHECK(app.theme() == ui::Theme::dark);
    CHECK(app.current_panel() == 0);
}

TEST_CASE("a panel opened by its id is remembered by its English name, as saved settings always held it") {
    test::FakePlatform platform;
    {
        ui::App app(platform);
        app.open_panel(ui::PanelId::roadmap);
        CHECK(app.current_panel() == static_cast<int>(ui::PanelId::roadmap));
        CHECK(platform.preferences["panel"] == "Roadmap");
    }
    platform.preferences["panel"] = "Compare and merge";  // written by an earlier version
    ui::App again(platform);
    CHECK(again.current_panel() == static_cast<int>(ui::PanelId::compare));
    for (std::size_t i = 0; i < ui::panels().size(); ++i) CHECK(static_cast<std::size_t>(ui::panels()[i].id) == i);
}

TEST_CASE("each problem in the plan leads to the editor of its entity") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(first_example(), "plan.json").ok);
    REQUIRE(h.app.plan_errors().empty());
    REQUIRE(h.app.document().plan().touchpoints.size() > 1);
    h.app.document().begin_edit().touchpoints[1].bad_share = 1.5;
    REQUIRE(h.app.plan_errors().size() == 1);
    const io::Problem& error = h.app.plan_errors().front();
    CHECK(error.pointer == "/touchpoints/1/bad_share");
    h.app.jump_to(error.pointer);
    CHECK(std::string(ui::panels()[static_cast<std::size_t>(h.app.current_panel())].name) == "Journey");
    CHECK(h.app.editor_view().touchpoint == 1);
    CHECK(h.app.editor_view().journey_group == h.app.document().plan().touchpoints[1].stakeholder);
    CHECK(h.frame().empty());
    h.app.jump_to("/stakeholders/2/weights");
    CHECK(std::string(ui::panels()[static_cast<std::size_t>(h.app.current_panel())].name) == "Stakeholders");
    CHECK(h.app.editor_view().stakeholder == 2);
}
