// The analysis panels driven through the real frame loop: a click runs the optimiser and the
// simulation to a result; the sensitivity cache recomputes only when the plan changes; the
// explanation waterfall adds up to each score.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/params.hpp"
#include "io/plan_file.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/panels.hpp"
#include "ui/platform/accessibility.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

int panel_index(const char* name) {
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == name) return static_cast<int>(i);
    return -1;
}

// Clicks the middle of the widget with this label, as a person would, over three frames.
void click(test::UiHarness& h, const std::string& label) { REQUIRE_MESSAGE(h.click(label), "no widget labelled " << label); }

void open_example(test::UiHarness& h, const char* file) {
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/" + file), file).ok);
}

bool has_text_node(const std::string& words) {
    for (const ui::a11y::Node& n : ui::a11y::nodes())
        if (n.role == ui::a11y::Role::text && n.name.find(words) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("the analysis panels are registered in their sections, dashboard first") {
    REQUIRE(!ui::panels().empty());
    CHECK(std::string(ui::panels()[0].name) == "Dashboard");
    for (const char* name : {"Dashboard", "Projection", "Explain", "Prioritise", "Sensitivity", "Simulation", "Help"}) {
        CAPTURE(name);
        CHECK(panel_index(name) >= 0);
    }
    CHECK(std::string(ui::panels()[static_cast<std::size_t>(panel_index("Projection"))].section) == "Overview");
    CHECK(std::string(ui::panels()[static_cast<std::size_t>(panel_index("Simulation"))].section) == "Analyse");
    CHECK(panel_index("Overview") < 0);  // the old overview panel is gone
}

TEST_CASE("clicking Find the best set runs the optimiser through the frames to a result") {
    test::UiHarness h;
    open_example(h, "online-shop.json");
    h.app.show_panel(panel_index("Prioritise"));
    CHECK(h.frame().empty());
    CHECK(h.frame().empty());
    CHECK_FALSE(h.app.optimiser_job().result.has_value());
    click(h, "Find the best set");
    for (int i = 0; i < 200 && !h.app.optimiser_job().result; ++i) CHECK(h.frame().empty());
    REQUIRE(h.app.optimiser_job().result.has_value());
    const OptimiseResult& r = *h.app.optimiser_job().result;
    CHECK(r.cost <= h.app.optimiser_job().options.budget + 1e-6);
    CHECK(r.objective >= r.baseline_objective - 1e-12);
    CHECK(h.frame().empty());
    CHECK(ui::locate_item("Enable exactly these actions in the plan").has_value());
    CHECK(ui::locate_item("##frontier").has_value());
    CHECK(r.proven);
    CHECK_FALSE(has_text_node("not proven best"));  // an exact answer says nothing of the kind

    // Applying the chosen set is one undoable edit; the result then says it is from an older plan.
    const std::uint64_t before = h.app.document().revision();
    click(h, "Enable exactly these actions in the plan");
    CHECK(h.app.document().revision() != before);
    for (const Action& a : h.app.document().plan().actions)
        CHECK(a.enabled == (std::find(r.chosen.begin(), r.chosen.end(), a.id) != r.chosen.end()));
    CHECK(h.app.document().can_undo());
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("clicking Run simulation runs the Monte Carlo to a result, shown with its charts") {
    test::UiHarness h;
    open_example(h, "retail-bank.json");
    h.app.analysis_view().customers = 400;  // small and quick
    h.app.show_panel(panel_index("Simulation"));
    CHECK(h.frame().empty());
    click(h, "Run simulation");
    for (int i = 0; i < 200 && !h.app.simulation_job().result; ++i) CHECK(h.frame().empty());
    REQUIRE(h.app.simulation_job().result.has_value());
    CHECK(h.app.simulation_job().result->customers == 400);
    CHECK(h.frame().empty());
    CHECK(ui::locate_item("##sim-retention").has_value());
    CHECK(ui::locate_item("##sim-histogram").has_value());
    CHECK(h.app.simulation_job().result->groups.size() == 2);  // the bank has two customer groups
    h.app.analysis_view().simulation_group = 1;  // the second group's charts draw too
    CHECK(h.frame().empty());
}

TEST_CASE("sensitivity is computed once per plan revision, not every frame") {
    test::UiHarness h;
    open_example(h, "b2b-software.json");
    h.app.show_panel(panel_index("Sensitivity"));
    // It runs a slice per frame here (no background on this platform), then stays cached.
    for (int i = 0; i < 200 && h.app.analysis_view().sensitivity_runs == 0; ++i) CHECK(h.frame().empty());
    for (int i = 0; i < 4; ++i) CHECK(h.frame().empty());
    CHECK(h.app.analysis_view().sensitivity_runs == 1);
    CHECK_FALSE(h.app.analysis_view().sensitivity.empty());
    h.app.document().begin_edit().stakeholders[0].base_rate = 0.3;
    h.app.document().end_gesture();
    for (int i = 0; i < 200 && h.app.analysis_view().sensitivity_runs == 1; ++i) CHECK(h.frame().empty());
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    CHECK(h.app.analysis_view().sensitivity_runs == 2);
    h.app.show_panel(panel_index("Dashboard"));  // not shown: not computed
    h.app.document().undo();
    for (int i = 0; i < 2; ++i) CHECK(h.frame().empty());
    CHECK(h.app.analysis_view().sensitivity_runs == 2);
    CHECK(ui::locate_item("##tornado") == std::nullopt);
}

TEST_CASE("scenario projections are cached per revision and follow the choice") {
    test::UiHarness h;
    open_example(h, "online-shop.json");
    h.app.show_panel(panel_index("Projection"));
    CHECK(h.frame().empty());
    const ui::AnalysisView& view = h.app.analysis_view();
    // The plan, the no-actions baseline, then the plan's scenarios.
    REQUIRE(view.compared.size() == 2 + h.app.document().plan().scenarios.size());
    CHECK(view.compared[1] == kNoActionsScenario);
    CHECK(ui::locate_item("No actions (baseline)").has_value());
    REQUIRE(view.compared_projections.size() == view.compared.size());
    for (std::size_t i = 0; i < view.compared.size(); ++i) CHECK(view.compared_projections[i].scenario == view.compared[i]);
    const double plan_index = view.compared_projections[0].months.back().trust_index;
    CHECK(plan_index == doctest::Approx(h.app.projection()->months.back().trust_index));
    CHECK(view.compared_projections[1].total_cost == 0);  // nothing done, nothing spent
    CHECK(view.compared_projections[1].months.back().trust_index != plan_index);
    h.app.analysis_view().compared.erase(h.app.analysis_view().compared.begin());  // untick the plan
    CHECK(h.frame().empty());
    CHECK(view.compared.size() == 1 + h.app.document().plan().scenarios.size());
    CHECK(view.compared_projections.size() == view.compared.size());
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the Prioritise panel's budget is the optimiser's cost when actions start after the horizon") {
    test::UiHarness h;
    open_example(h, "online-shop.json");
    // The horizon cut to 3 months in Settings: an enabled action now starts after it.
    h.app.document().begin_edit().settings.horizon_months = 3;
    h.app.document().end_gesture();
    const Plan& plan = h.app.document().plan();
    const core::Compiled cp = core::compile(plan);
    double optimiser_enabled = 0, optimiser_all = 0, late_once = 0;
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const double cost = core::action_cost(cp.actions[i], cp.horizon);  // as core/optimise.cpp counts it
        optimiser_all += cost;
        if (plan.actions[i].enabled) optimiser_enabled += cost;
        if (plan.actions[i].enabled && plan.actions[i].start_month > 3) late_once += plan.actions[i].cost_once;
    }
    REQUIRE(late_once > 0);  // the case the panel once charged: a one-off cost beyond the horizon
    h.app.show_panel(panel_index("Prioritise"));
    CHECK(h.frame().empty());
    // The budget starts at what the enabled actions cost, the projection's total, and the search
    // spends within it by the same rule.
    CHECK(h.app.analysis_view().budget == doctest::Approx(optimiser_enabled));
    CHECK(h.app.projection()->total_cost == doctest::Approx(optimiser_enabled));
    h.app.analysis_view().budget = 1e12;  // clamped to what every action together costs
    CHECK(h.frame().empty());
    CHECK(h.app.analysis_view().budget == doctest::Approx(optimiser_all));
    click(h, "Find the best set");
    for (int i = 0; i < 200 && !h.app.optimiser_job().result; ++i) CHECK(h.frame().empty());
    REQUIRE(h.app.optimiser_job().result.has_value());
    const OptimiseResult& r = *h.app.optimiser_job().result;
    double shown = 0;  // the chosen actions' costs, as the panel's table shows them
    for (const std::string& id : r.chosen)
        for (const Action& a : plan.actions)
            if (a.id == id) shown += core::action_cost(plan, a);
    CHECK(shown == doctest::Approx(r.cost));
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the explanation waterfall ends exactly at every score of every example") {
    for (const auto& path : test::example_plans()) {
        CAPTURE(path.filename().string());
        test::UiHarness h;
        REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
        const Projection& p = *h.app.projection();
        for (std::size_t m = 0; m < p.months.size(); m += 6)
            for (std::size_t g = 0; g < p.months[m].stakeholders.size(); ++g) {
                const auto steps = ui::chart::waterfall(p.explanation[m][g]);
                REQUIRE(!steps.empty());
                CHECK(steps.back().to == doctest::Approx(p.months[m].stakeholders[g].trust).epsilon(1e-9));
            }
        // Every source gets a readable name, never a raw "kind:id".
        for (const Contribution& c : p.explanation.back()[0]) {
            const std::string label = ui::chart::source_label(h.app.document().plan(), c.kind, c.id);
            CAPTURE(label);
            for (const char* kind : {"touchpoint:", "commitment:", "knowledge_source:", "base_rate"})
                CHECK(label.rfind(kind, 0) == std::string::npos);
        }
    }
}

TEST_CASE("every analysis panel draws a plan with no customers, actions or scenarios") {
    test::UiHarness h;
    REQUIRE(h.app.open_text("{\"fiducia\": \"plan\", \"version\": 1, \"stakeholders\": [{\"id\": \"a\", \"name\": \"A\", "
                            "\"kind\": \"employees\"}]}",
                            "tiny.json")
                .ok);
    for (const char* name : {"Dashboard", "Projection", "Explain", "Prioritise", "Sensitivity", "Simulation", "Help"}) {
        CAPTURE(name);
        h.app.show_panel(panel_index(name));
        for (int f = 0; f < 2; ++f) {
            const std::vector<std::string> clashes = h.frame();
            CHECK(clashes == std::vector<std::string>{});
        }
    }
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the overview and analysis panels render every example plan with no id clash") {
    test::UiHarness h;
    for (const auto& path : test::example_plans()) {
        CAPTURE(path.filename().string());
        REQUIRE(h.app.open_text(test::read_file(path), path.filename().string()).ok);
        for (const char* name : {"Dashboard", "Projection", "Explain", "Prioritise", "Sensitivity", "Simulation", "Help"}) {
            CAPTURE(name);
            h.app.show_panel(panel_index(name));
            for (int f = 0; f < 3; ++f) {
                const std::vector<std::string> clashes = h.frame();
                CHECK(clashes == std::vector<std::string>{});
            }
        }
    }
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the search and the sensitivity run off the UI thread: progress, Cancel, result, failure, fallback said once") {
    test::UiHarness h;
    constexpr int kOptimiser = static_cast<int>(ui::Platform::Work::optimiser);
    constexpr int kSensitivity = static_cast<int>(ui::Platform::Work::sensitivity);
    h.platform.elsewhere[kOptimiser] = h.platform.elsewhere[kSensitivity] = true;
    open_example(h, "online-shop.json");
    const Plan plan = h.app.document().plan();
    h.app.show_panel(panel_index("Prioritise"));
    CHECK(h.frame().empty());
    click(h, "Find the best set");
    CHECK(h.platform.started[kOptimiser] == 1);
    CHECK(h.platform.work_plan[kOptimiser] == h.app.save_text());
    CHECK(h.app.optimiser_job().is_running());
    CHECK_FALSE(h.app.optimiser_job().running);  // nothing runs on this thread
    h.platform.polls[kOptimiser].progress = 0.25;
    h.platform.polls[kOptimiser].notice = "no Web Workers";
    CHECK(h.frame().empty());
    CHECK(h.app.optimiser_job().progress == doctest::Approx(0.25));
    CHECK(ui::locate_item("Cancel").has_value());
    CHECK(notices_with(h, "could not run the search in the background (no Web Workers)") == 1);
    const OptimiseResult best = optimise(plan, h.app.optimiser_job().options);
    h.platform.polls[kOptimiser] = {};
    h.platform.polls[kOptimiser].result = best;
    h.platform.ended[kOptimiser] = true;
    CHECK(h.frame().empty());
    REQUIRE(h.app.optimiser_job().result);
    CHECK(h.app.optimiser_job().result->chosen == best.chosen);
    CHECK_FALSE(h.app.optimiser_job().is_running());
    CHECK(h.frame().empty());
    CHECK(ui::locate_item("Enable exactly these actions in the plan").has_value());

    click(h, "Find the best set");  // Cancel stops the background's run
    CHECK(h.app.optimiser_job().is_running());
    CHECK(h.frame().empty());
    click(h, "Cancel");
    CHECK(h.platform.cancels[kOptimiser] == 1);
    CHECK_FALSE(h.app.optimiser_job().is_running());
    CHECK(h.frame().empty());
    click(h, "Find the best set");
    h.platform.polls[kOptimiser] = {};
    h.platform.polls[kOptimiser].failed = "the model aborted";
    h.platform.ended[kOptimiser] = true;
    CHECK(h.frame().empty());
    CHECK_FALSE(h.app.optimiser_job().is_running());
    CHECK(notices_with(h, "The search for the best set stopped: the model aborted") == 1);

    // The Sensitivity panel starts its own run, once; the fallback was said already.
    h.app.show_panel(panel_index("Sensitivity"));
    CHECK(h.frame().empty());
    CHECK(h.platform.started[kSensitivity] == 1);
    CHECK(h.platform.work_plan[kSensitivity] == h.app.save_text());
    CHECK(h.app.sensitivity_job().is_running());
    CHECK_FALSE(h.app.sensitivity_job().running);
    h.platform.polls[kSensitivity].progress = 0.5;
    h.platform.polls[kSensitivity].notice = "no Web Workers";
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    CHECK(h.platform.started[kSensitivity] == 1);
    CHECK(h.app.sensitivity_job().progress == doctest::Approx(0.5));
    CHECK(notices_with(h, "in the background") == 1);
    CHECK(ui::locate_item("##tornado") == std::nullopt);
    click(h, "Cancel");
    CHECK(h.platform.cancels[kSensitivity] == 1);
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    CHECK(h.platform.started[kSensitivity] == 1);  // cancelled: not started again by itself
    click(h, "Vary every input again");
    CHECK(h.platform.started[kSensitivity] == 2);
    h.platform.polls[kSensitivity] = {};
    h.platform.polls[kSensitivity].result = sensitivity(plan);
    h.platform.ended[kSensitivity] = true;
    for (int i = 0; i < 2; ++i) CHECK(h.frame().empty());
    CHECK(h.app.analysis_view().sensitivity_runs == 1);
    CHECK(h.app.analysis_view().sensitivity.size() == sensitivity(plan).size());
    CHECK(ui::locate_item("##tornado").has_value());
    h.app.document().begin_edit().stakeholders[0].base_rate = 0.3;  // a new revision: a new run
    h.app.document().end_gesture();
    CHECK(h.frame().empty());
    CHECK(h.platform.started[kSensitivity] == 3);
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("Projection's Show row wraps: with twenty groups every group's checkbox is inside the panel, on a desktop and a phone") {
    io::LoadResult loaded = io::load_plan(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"));
    REQUIRE(loaded.ok);
    Plan plan = loaded.plan;
    for (int i = static_cast<int>(plan.stakeholders.size()); i < 20; ++i) {
        Stakeholder s = plan.stakeholders.front();
        s.id = "extra-group-" + std::to_string(i);
        s.name = "Extra group number " + std::to_string(i);
        plan.stakeholders.push_back(s);
    }
    for (const auto& [width, height, scale] : {std::tuple{1280.0f, 800.0f, 1.0f}, std::tuple{390.0f, 844.0f, 3.0f}}) {
        CAPTURE(width);
        test::UiHarness h;
        h.set_screen(width, height, scale);
        REQUIRE(h.app.open_text(io::save_plan(plan), "many.json").ok);
        h.app.open_panel(ui::PanelId::projection);
        for (int f = 0; f < 3; ++f) CHECK(h.frame().empty());
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            CAPTURE(g);
            const auto r = ui::locate_item(ui::chart::stakeholder_label(plan, g));
            REQUIRE(r.has_value());
            CHECK(r->x + r->width <= width * scale + 0.5f);
        }
    }
}

TEST_CASE("a search stopped at its node limit is shown as the best found, with how much better any set could be") {
    test::UiHarness h;
    open_example(h, "retail-bank.json");
    h.app.show_panel(panel_index("Prioritise"));
    CHECK(h.frame().empty());
    OptimiseOptions options;
    options.budget = 1500000;
    options.max_nodes = 2;  // as a plan with hundreds of actions reaches it
    h.app.start_optimiser(options);
    for (int i = 0; i < 200 && !h.app.optimiser_job().result; ++i) CHECK(h.frame().empty());
    REQUIRE(h.app.optimiser_job().result.has_value());
    const OptimiseResult& r = *h.app.optimiser_job().result;
    REQUIRE_FALSE(r.proven);
    CHECK(r.upper_bound > r.objective);
    CHECK(h.frame().empty());
    // Read out too: "... stopped after 2 combinations. No set within the budget can reach more than 60.1, 1.1 points more ..."
    const std::string most = ui::chart::format_trust(r.upper_bound), more = ui::chart::format_trust(r.upper_bound - r.objective) + " points more";
    CHECK(has_text_node("not proven best: with this many actions the search stopped after 2 combinations. No set within the "
                        "budget can reach more than " + most + ", " + more));
    CHECK(ui::locate_item("##frontier").has_value());
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("a long chosen set scrolls in its own box: the button to enable it and the frontier stay on screen") {
    test::UiHarness h;
    io::LoadResult bank = io::load_plan(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"));
    REQUIRE(bank.ok);
    Plan many = bank.plan;
    many.scenarios.clear();
    for (int copy = 1; copy < 8; ++copy)
        for (std::size_t i = 0; i < bank.plan.actions.size(); ++i) {
            Action a = bank.plan.actions[i];
            a.id += "-" + std::to_string(copy);
            many.actions.push_back(a);
        }
    REQUIRE(h.app.open_text(io::save_plan(many), "many.json").ok);
    h.app.show_panel(panel_index("Prioritise"));
    CHECK(h.frame().empty());
    OptimiseOptions options;
    options.budget = 1e9;  // every action affordable
    options.max_nodes = 50;
    h.app.start_optimiser(options);
    for (int i = 0; i < 400 && !h.app.optimiser_job().result; ++i) CHECK(h.frame().empty());
    REQUIRE(h.app.optimiser_job().result.has_value());
    REQUIRE(h.app.optimiser_job().result->chosen.size() > 20);
    CHECK(h.frame().empty());
    const auto button = ui::locate_item("Enable exactly these actions in the plan");
    REQUIRE(button.has_value());
    CHECK(button->y + button->height <= ImGui::GetIO().DisplaySize.y);
    CHECK(ui::failed_asserts().empty());
}
