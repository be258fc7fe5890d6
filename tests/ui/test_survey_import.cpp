// Measurements > Import survey... (issue 15): a survey export, picked or dropped, opens the mapping
// screen beside the plan (never as a plan); Apply adds each group's trust share and NPS, and if
// ticked its driver weights, as one undo step; a file that cannot be used says why and adds nothing.
#include <doctest/doctest.h>

#include "core/drivers.hpp"
#include "io/plan_file.hpp"
#include "io/survey_csv.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

void frames(test::UiHarness& h, int n = 1) {
    for (int i = 0; i < n; ++i) CHECK(h.frame() == std::vector<std::string>{});
}

std::string sample(const std::string& name) { return test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/tests/survey/" + name); }

ui::FrameItem item(const std::string& label) {
    for (const ui::FrameItem& i : ui::frame_items())
        if (i.label == label) return i;
    FAIL_CHECK("no item " << label);
    return {};
}

void open_shop(test::UiHarness& h) {
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    h.app.open_panel(ui::PanelId::measurements);
    frames(h, 2);
}

}  // namespace

TEST_CASE("Import survey...: the picked file's measurements and driver weights are applied as one undo step") {
    test::UiHarness h;
    open_shop(h);
    const std::string before = h.app.save_text();
    const std::size_t observations = h.app.document().plan().observations.size();
    CHECK(h.click("Import survey..."));
    REQUIRE(h.platform.file_requests.size() == 1);
    CHECK(h.platform.file_requests[0] == ui::Platform::FilePurpose::survey);
    h.app.receive_file(ui::Platform::FilePurpose::survey, sample("shop-google-forms.csv"), "shop-google-forms.csv");
    frames(h, 2);
    CHECK(ui::locate_item("Overall trust").has_value());  // the mapping, detected from the header
    CHECK(h.app.survey_import().mapping.overall == 2);
    CHECK(h.app.survey_import().fits.size() == 3);  // each group's drivers, drawn beside its weights
    CHECK_FALSE(item("Apply").disabled);
    CHECK(h.app.save_text() == before);  // nothing changes before Apply
    CHECK(h.click("Also set the driver weights"));
    CHECK(h.app.survey_import().set_weights);
    CHECK(h.click("Apply"));
    frames(h);
    const Plan& plan = h.app.document().plan();
    REQUIRE(plan.observations.size() == observations + 6);  // trust share and NPS for three groups
    const Observation& first = plan.observations[observations];
    CHECK(first.stakeholder == "shoppers");
    CHECK(first.metric == Metric::trust_share);
    CHECK(first.source == "shop-google-forms.csv");
    CHECK(plan.observations[observations + 1].metric == Metric::nps);
    // The shoppers' weights are now their driver weights (all four asked dimensions; advice keeps its share).
    const io::CsvRead read = io::read_csv(sample("shop-google-forms.csv"));
    const io::Survey survey = io::read_survey(read.table, io::detect_mapping(read.table));
    const DriverFit fit = fit_drivers(survey.groups[0].drivers);
    REQUIRE(fit.weights.size() == 4);
    const Plan original = io::load_plan(before).plan;
    const DimensionWeights want = with_driver_weights(original.stakeholders[0].weights, survey.dimensions, fit.weights);
    for (int d = 0; d < kDimensions; ++d) CHECK(plan.stakeholders[0].weights[d] == doctest::Approx(want[d]));
    CHECK(plan.stakeholders[3].weights == original.stakeholders[3].weights);  // neighbours: not surveyed
    CHECK_FALSE(h.app.survey_import().open);  // back to the measurements
    h.app.document().undo();
    CHECK(h.app.save_text() == before);  // one step takes it all back
    CHECK_MESSAGE(ui::failed_asserts().empty(), (ui::failed_asserts().empty() ? "" : ui::failed_asserts()[0]));
}

TEST_CASE("a dropped .csv opens the import screen, not a plan; unusable files add nothing") {
    test::UiHarness h;
    open_shop(h);
    const std::string before = h.app.save_text();
    const ui::LoadOutcome dropped = h.app.open_text(sample("unknown-group.csv"), "unknown-group.csv");
    CHECK(dropped.ok);
    CHECK(dropped.kind == "survey");  // the page keeps no file handle for it
    frames(h, 2);
    CHECK(h.app.document().file_name() == "online-shop.json");
    CHECK(h.app.survey_import().found.unmatched == std::vector<std::string>{"visitors"});
    CHECK(item("Apply").disabled);
    h.click("Apply");  // visitors is no stakeholder
    frames(h);
    CHECK(h.app.save_text() == before);
    CHECK(h.app.survey_import().open);
    CHECK(h.click("Cancel"));
    CHECK_FALSE(h.app.survey_import().open);

    h.app.open_text(sample("open-quote.csv"), "open-quote.csv");
    frames(h, 2);
    CHECK(h.app.survey_import().error == "line 3: a quoted cell is never closed (a \" is missing)");
    CHECK(ui::locate_item("Choose another file...").has_value());
    CHECK_FALSE(ui::locate_item("Apply").has_value());
    CHECK(h.app.save_text() == before);
    CHECK_MESSAGE(ui::failed_asserts().empty(), (ui::failed_asserts().empty() ? "" : ui::failed_asserts()[0]));
}
