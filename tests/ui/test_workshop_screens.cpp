// Workshop mode through the real frame loop: the facilitator prepares and saves an invitation, a
// participant opens it, scores by clicking and saves a ratings file, the facilitator imports it
// (and a typed code), sees the medians, and applies the consensus as one undo step.
#include <cmath>

#include <doctest/doctest.h>

#include "io/json_library.hpp"

#include "core/workshop_consensus.hpp"
#include "ui/platform/accessibility.hpp"
#include "io/plan_file.hpp"
#include "io/workshop_files.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/workshop.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

void frames(test::UiHarness& h, int n = 2) {
    for (int i = 0; i < n; ++i) CHECK(h.frame().empty());
}

void click(test::UiHarness& h, const std::string& label) {
    const auto rect = ui::locate_item(label);
    REQUIRE_MESSAGE(rect.has_value(), "no widget labelled " << label);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(rect->x + rect->width / 2, rect->y + rect->height / 2);
    frames(h, 1);
    io.AddMouseButtonEvent(0, true);
    frames(h, 1);
    io.AddMouseButtonEvent(0, false);
    frames(h, 2);
}

void type_into(test::UiHarness& h, const std::string& label, const std::string& text) {
    click(h, label);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frames(h, 2);
}

// The online shop with its earlier workshop cleared, open on the Workshop panel.
void open_facilitator(test::UiHarness& h) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 1600);  // the whole scoring screen in view
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"), "shop.json").ok);
    Plan& p = h.app.document().begin_edit();
    p.workshop = Workshop{};
    h.app.document().end_gesture();
    h.app.open_panel(ui::PanelId::workshop);
    frames(h);
}

std::string prepare_invitation(test::UiHarness& h) {
    CHECK(ui::locate_item("Save invitation file").has_value());
    click(h, "Online shoppers##invite-shoppers");
    click(h, "Marketplace sellers##invite-sellers");
    click(h, "Save invitation file");
    REQUIRE(h.platform.saved_bytes.size() == 1);
    return h.platform.saved_bytes.back().bytes;
}

}  // namespace

TEST_CASE("workshop: invitation out, scores clicked in, ratings file back, medians shown") {
    test::UiHarness h;
    open_facilitator(h);
    const std::string invitation = prepare_invitation(h);
    const Plan& plan = h.app.document().plan();
    CHECK(plan.workshop.stakeholders == std::vector<std::string>{"shoppers", "sellers"});
    CHECK(!plan.workshop.id.empty());
    CHECK(h.platform.saved_bytes[0].name == "workshop-" + plan.workshop.id + ".json");
    CHECK(invitation.find("base_rate") == std::string::npos);
    CHECK(invitation.find("Online shoppers") != std::string::npos);
    CHECK(invitation.find("Neighbours") == std::string::npos);  // not invited

    // The participant's side: the normal Open path shows the scoring screen, and no plan figures.
    const ui::LoadOutcome opened = h.app.open_text(invitation, "invitation.json");
    CHECK(opened.ok);
    CHECK(opened.kind == "workshop");
    frames(h);
    CHECK_FALSE(ui::locate_item("Dashboard").has_value());  // the planner's navigation is gone
    CHECK(ui::locate_item("Not sure##shoppers/transactions").has_value());
    CHECK(ui::locate_item("Save ratings file").has_value());
    type_into(h, "Your name (optional)", "Ana");
    click(h, "8##shoppers/transactions");
    click(h, "3##shoppers/honesty");
    click(h, "6##sellers/promises");
    click(h, "7##sellers/promises");  // changed their mind: the last click counts
    click(h, "5##matters-shoppers/honesty");  // how much honesty matters to shoppers
    click(h, "2##matters-shoppers/advice");
    click(h, "Close");  // unsaved scores: the first Close only warns
    REQUIRE(h.app.scoring().has_value());
    click(h, "Save ratings file");
    REQUIRE(h.platform.saved_bytes.size() == 2);
    const std::string ratings_text = h.platform.saved_bytes[1].bytes;
    CHECK(h.platform.saved_bytes[1].name.find("ratings-ana-") == 0);
    const io::RatingsLoad ratings = io::load_ratings(ratings_text, nullptr);
    REQUIRE(ratings.ok);
    CHECK(ratings.ratings.name == "Ana");
    REQUIRE(ratings.ratings.ratings.size() == 3);
    CHECK(ratings.ratings.ratings[2].score == 7);
    REQUIRE(ratings.ratings.importance.size() == 2);
    CHECK(ratings.ratings.importance[0].dimension == Dimension::honesty);
    CHECK(ratings.ratings.importance[0].importance == 5);
    CHECK(ratings.ratings.importance[1].importance == 2);
    click(h, "Show code");
    const std::string code = io::ratings_code(io::invitation_for(plan), ratings.ratings);
    CHECK(ui::locate_item("Copy code").has_value());
    click(h, "Close");
    CHECK_FALSE(h.app.scoring().has_value());
    CHECK(ui::locate_item("Save invitation file").has_value());  // back to the plan, as it was

    // The facilitator imports the file, then the same scores as a code (an anonymous participant).
    const ui::LoadOutcome imported = h.app.open_text(ratings_text, "ratings-ana.json");
    CHECK(imported.ok);
    CHECK(imported.kind == "ratings");
    frames(h);
    REQUIRE(plan.workshop.participants.size() == 1);
    CHECK(plan.workshop.participants[0].name == "Ana");
    type_into(h, "##code", code);
    click(h, "Import code");
    REQUIRE(plan.workshop.participants.size() == 2);
    CHECK(plan.workshop.participants[1].name.empty());
    CHECK(ui::locate_item("8##median/shoppers/transactions").has_value());
    CHECK(ui::locate_item("7##median/sellers/promises").has_value());
    h.app.document().undo();  // an import is one undo step
    CHECK(plan.workshop.participants.size() == 1);
    CHECK(plan.workshop.ratings.size() == 3);
    CHECK(plan.workshop.importance.size() == 2);
}

TEST_CASE("workshop: duplicate, foreign and mistyped imports are refused with the reason, nothing changed") {
    test::UiHarness h;
    open_facilitator(h);
    prepare_invitation(h);
    const io::Invitation invitation = io::invitation_for(h.app.document().plan());
    io::RatingsFile rf;
    rf.workshop = invitation.id;
    rf.participant_id = "abc";
    rf.ratings = {{"shoppers", Dimension::honesty, 4}};
    REQUIRE(h.app.open_text(io::save_ratings(rf), "a.json").ok);
    const std::string before = h.app.save_text();

    ui::LoadOutcome again = h.app.open_text(io::save_ratings(rf), "a-again.json");
    CHECK_FALSE(again.ok);
    REQUIRE(again.errors.size() == 1);
    CHECK(again.errors[0] == "Already imported: these are the ratings of Participant 1. Remove them first to import a newer file.");

    io::RatingsFile foreign = rf;
    foreign.workshop = "ws-elsewhere";
    foreign.participant_id = "def";
    ui::LoadOutcome other = h.app.open_text(io::save_ratings(foreign), "b.json");
    CHECK_FALSE(other.ok);
    CHECK(other.errors[0].find("/workshop: is from another workshop (got \"ws-elsewhere\"") == 0);
    CHECK(h.app.save_text() == before);

    std::string typo = io::ratings_code(invitation, rf);
    typo[2] = typo[2] == 'A' ? 'B' : 'A';
    type_into(h, "##code", typo);
    click(h, "Import code");
    CHECK(h.app.save_text() == before);
    CHECK(ui::locate_item("Import code").has_value());

    h.app.document().close();
    ui::LoadOutcome no_plan = h.app.open_text(io::save_ratings(rf), "a.json");
    CHECK_FALSE(no_plan.ok);
    CHECK(no_plan.errors[0].find("Open the workshop's plan first") != std::string::npos);
}

TEST_CASE("workshop: one person's file and code both imported are flagged as the same answers, not merged") {
    test::UiHarness h;
    open_facilitator(h);
    const io::Invitation invitation = io::load_invitation(prepare_invitation(h)).invitation;
    io::RatingsFile ana;
    ana.workshop = invitation.id;
    ana.participant_id = "p-ana";
    ana.name = "Ana";
    ana.ratings = {{"shoppers", Dimension::transactions, 8}, {"sellers", Dimension::honesty, 3}};
    ana.importance = {{"shoppers", Dimension::transactions, 5}};
    REQUIRE(h.app.open_text(io::save_ratings(ana), "ana.json").ok);
    io::RatingsFile other = ana;  // someone else: one score differs
    other.participant_id = "p-bo";
    other.name = "Bo";
    other.ratings[1].score = 4;
    REQUIRE(h.app.open_text(io::save_ratings(other), "bo.json").ok);
    frames(h);
    const Plan& plan = h.app.document().plan();
    CHECK_FALSE(ui::same_answers_as(plan, 1).has_value());
    CHECK_FALSE(ui::locate_item("same answers as Ana").has_value());

    type_into(h, "##code", io::ratings_code(invitation, ana));  // Ana also read out her code
    click(h, "Import code");
    frames(h);
    REQUIRE(plan.workshop.participants.size() == 3);  // both kept: two people may answer alike
    CHECK(ui::same_answers_as(plan, 2) == std::optional<std::size_t>(0));
    CHECK_FALSE(ui::same_answers_as(plan, 0).has_value());  // the first of the two is not flagged
    bool warned = false;
    for (const ui::Notice& n : h.app.notices())
        warned = warned || (n.is_error && n.text == "Participant 3 gave exactly the same answers as Ana. If one person sent "
                                                     "both a file and a code, remove one of them: otherwise they count twice.");
    CHECK(warned);
    CHECK(ui::locate_item("same answers as Ana").has_value());  // in the list, after the notice has gone
    h.app.document().undo();
    frames(h);
    CHECK_FALSE(ui::locate_item("same answers as Ana").has_value());
}

// Whether a text starting with `start` was drawn for a screen reader in the last frame.
bool said(const std::string& start) {
    for (const ui::a11y::Node& n : ui::a11y::nodes())
        if (n.name.rfind(start, 0) == 0) return true;
    return false;
}

TEST_CASE("workshop: Apply sets the base rates to the consensus in one undo step") {
    test::UiHarness h;
    open_facilitator(h);
    const io::Invitation invitation = io::load_invitation(prepare_invitation(h)).invitation;
    for (const char* who : {"p-a", "p-b", "p-c"}) {
        io::RatingsFile rf;
        rf.workshop = invitation.id;
        rf.participant_id = who;
        rf.ratings = {{"shoppers", Dimension::transactions, who[2] == 'c' ? 3 : 8}, {"sellers", Dimension::honesty, 2}};
        REQUIRE(h.app.open_text(io::save_ratings(rf), std::string(who) + ".json").ok);
    }
    frames(h);
    const Plan& plan = h.app.document().plan();
    const std::vector<BaseRateChange> expected = consensus_base_rates(plan);
    REQUIRE(expected.size() == 2);
    CHECK(expected[0].after == 0.667);  // scores 8, 8, 3 read as 7/8, 7/8, 2/8: mean 2/3, to 0.1 point
    CHECK(expected[1].after == 0.125);  // three scores of 2
    CHECK(said("Trust Index at month"));  // the headline's change, before Apply
    const double shoppers_before = plan.stakeholders[0].base_rate;
    click(h, "Apply consensus");
    CHECK(plan.stakeholders[0].base_rate == expected[0].after);
    CHECK(plan.stakeholders[1].base_rate == 0.125);
    frames(h);
    CHECK(consensus_base_rates(plan).empty());  // applied: nothing left to change, no do-nothing lines
    CHECK_FALSE(said("Trust Index at month"));
    h.app.document().undo();
    CHECK(plan.stakeholders[0].base_rate == shoppers_before);
    CHECK(plan.stakeholders[1].base_rate == 0.55);
}

TEST_CASE("workshop: importance judgements imported from files and codes set the weights on Apply, one undo step") {
    test::UiHarness h;
    open_facilitator(h);
    const io::Invitation invitation = io::load_invitation(prepare_invitation(h)).invitation;
    h.app.document().begin_edit().stakeholders[0].weights = {0.2, 0.2, 0.2, 0.2, 0.2};  // not yet 4 : 1
    h.app.document().end_gesture();
    const DimensionWeights before = h.app.document().plan().stakeholders[0].weights;
    io::RatingsFile a;
    a.workshop = invitation.id;
    a.participant_id = "p-a";
    a.ratings = {{"shoppers", Dimension::transactions, 8}};
    a.importance = {{"shoppers", Dimension::transactions, 5}, {"shoppers", Dimension::empathy, 1}};
    REQUIRE(h.app.open_text(io::save_ratings(a), "a.json").ok);
    io::RatingsFile b;
    b.workshop = invitation.id;
    b.ratings = {{"shoppers", Dimension::transactions, 7}};
    b.importance = {{"shoppers", Dimension::transactions, 3}, {"shoppers", Dimension::empathy, 1}};
    frames(h);
    type_into(h, "##code", io::ratings_code(invitation, b));
    click(h, "Import code");
    io::RatingsFile c;  // a third participant: the fewest whose scores move a base rate
    c.workshop = invitation.id;
    c.participant_id = "p-c";
    c.ratings = {{"shoppers", Dimension::transactions, 9}};
    REQUIRE(h.app.open_text(io::save_ratings(c), "c.json").ok);
    frames(h);
    const Plan& plan = h.app.document().plan();
    REQUIRE(plan.workshop.participants.size() == 3);
    CHECK(plan.workshop.importance.size() == 4);
    const std::vector<WeightChange> expected = consensus_weights(plan);
    REQUIRE(expected.size() == 1);
    const double held = before[0] + before[4];
    CHECK(expected[0].after[0] == doctest::Approx(std::round(held * 4.0 / 5.0 * 1000) / 1000));  // medians 4 : 1
    CHECK(expected[0].after[4] == doctest::Approx(std::round(held * 1.0 / 5.0 * 1000) / 1000));
    CHECK(ui::locate_item("4 (2)##matters/shoppers/transactions").has_value());  // median 4 of two judgements
    const double rate_before = plan.stakeholders[0].base_rate;
    click(h, "Apply consensus");
    CHECK(plan.stakeholders[0].weights == expected[0].after);
    CHECK(plan.stakeholders[0].base_rate != rate_before);
    h.app.document().undo();
    CHECK(plan.stakeholders[0].weights == before);
    CHECK(plan.stakeholders[0].base_rate == rate_before);  // the base rate came back in the same step
}

TEST_CASE("workshop: deleting or renaming a stakeholder keeps the invited list valid") {
    test::UiHarness h;
    open_facilitator(h);
    prepare_invitation(h);
    Plan plan = h.app.document().plan();
    rename_id(plan, Entity::stakeholder, 0, "buyers");
    CHECK(plan.workshop.stakeholders == std::vector<std::string>{"buyers", "sellers"});
    remove_entity(plan, Entity::stakeholder, 1);
    CHECK(plan.workshop.stakeholders == std::vector<std::string>{"buyers"});
    CHECK(io::load_plan(io::save_plan(plan)).ok);
}
