// The Compare and merge panel through the real frame loop: files asked for by purpose, the
// differences shown, a colleague's copy merged against the version found in this browser or picked,
// conflicts resolved by clicks, the merge applied as one undo step. And the recorded ancestor:
// an edited plan saves the hash of the version it was opened from; an unedited one saves as it was.
#include <doctest/doctest.h>

#include "io/merge.hpp"
#include "io/plan_file.hpp"
#include "ui/panels/compare_view.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui_harness.hpp"

using namespace fiducia;
using Purpose = ui::Platform::FilePurpose;

namespace {

const std::string kFile = "online-shop.json";

std::string example_text() { return test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/" + kFile); }

Plan example_plan() { return io::load_plan(example_text()).plan; }

void show_compare_panel(test::UiHarness& h) {
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == "Compare and merge") h.app.show_panel(static_cast<int>(i));
    CHECK(h.frame().empty());
    CHECK(h.frame().empty());
}

// Their copy: the example as opened by a colleague (naming it as ancestor) and edited by `edit`.
template <typename Edit>
std::string their_copy(Edit edit) {
    Plan plan = example_plan();
    plan.meta.base = io::content_hash(plan);
    edit(plan);
    return io::save_plan(plan);
}

}  // namespace

TEST_CASE("an edited plan records the version it was opened from; an unedited one saves unchanged") {
    test::UiHarness h;
    const std::string original = example_text();
    REQUIRE(h.app.open_text(original, kFile).ok);
    CHECK(h.app.save_text() == original);
    const std::string hash = io::content_hash(example_plan());
    CHECK(h.app.opened_hash() == hash);
    h.app.document().begin_edit().meta.title = "Edited";
    io::LoadResult saved = io::load_plan(h.app.save_text());
    REQUIRE(saved.ok);
    CHECK(saved.plan.meta.base == hash);
    CHECK(saved.plan.meta.title == "Edited");
}

TEST_CASE("edits made before the opened plan was first drawn or saved still record the version opened") {
    test::UiHarness h;  // opening only reads and checks: the opened text and hash are written later
    const std::string original = example_text();
    REQUIRE(h.app.open_text(original, kFile).ok);
    h.app.document().begin_edit().meta.title = "Edited at once";
    h.app.document().begin_edit().meta.title = "Edited again";
    io::LoadResult saved = io::load_plan(h.app.save_text());
    REQUIRE(saved.ok);
    CHECK(saved.plan.meta.base == io::content_hash(example_plan()));
    CHECK(saved.plan.meta.title == "Edited again");
    CHECK(h.app.opened_text() == original);  // the merge's likely ancestor is the file, not the edit
    h.app.document().undo();
    h.app.document().undo();
    CHECK(h.app.save_text() == original);  // every edit undone: the file as it was, no base added
}

TEST_CASE("Compare: the button asks for a file; the other plan's changes and trust deltas are shown") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example_text(), kFile).ok);
    show_compare_panel(h);
    CHECK(h.click("Open a plan to compare..."));
    REQUIRE(h.platform.file_requests.size() == 1);
    CHECK(h.platform.file_requests[0] == Purpose::compare);

    Plan other = example_plan();
    other.touchpoints[0].bad_share = 0.4;
    other.observations.pop_back();
    h.app.receive_file(Purpose::compare, io::save_plan(other), "other.json");
    const ui::CompareView& v = h.app.compare_view();
    CHECK(v.file_error.empty());
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    REQUIRE(v.diff.has_value());
    REQUIRE(v.diff->entities.size() == 2);
    CHECK(v.diff->entities[0].kind == io::ChangeKind::changed);
    CHECK(v.diff->entities[1].kind == io::ChangeKind::removed);
    CHECK(v.diff->trust.index_horizon_a != v.diff->trust.index_horizon_b);
    CHECK(ui::locate_item("Close the comparison").has_value());
    CHECK(h.app.save_text() == example_text());  // comparing never changes the plan

    h.app.receive_file(Purpose::compare, "{\"fiducia\": \"plan\"}", "broken.json");
    CHECK(h.frame().empty());
    CHECK(v.file_error == "broken.json was not read: /version: is required");
    CHECK(v.other.has_value());  // the last good comparison stays
}

TEST_CASE("Merge: the ancestor is found in this browser, a conflict is picked by a click, Apply is one undo step") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example_text(), kFile).ok);
    const std::string tp = example_plan().touchpoints[1].id;
    h.app.document().begin_edit().touchpoints[1].bad_share = 0.25;  // ours
    const std::string ours = h.app.save_text();
    show_compare_panel(h);
    CHECK(h.click("Merge a colleague's copy..."));
    REQUIRE(h.platform.file_requests.back() == Purpose::merge_theirs);
    h.app.receive_file(Purpose::merge_theirs, their_copy([](Plan& p) {
                           p.touchpoints[1].bad_share = 0.75;     // a conflict
                           p.commitments[0].kept_share = 0.5;     // merges cleanly
                       }), "theirs.json");
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    const ui::CompareView& v = h.app.compare_view();
    REQUIRE(v.ancestor.has_value());
    CHECK(v.ancestor_from == "the version you opened");
    REQUIRE(v.conflicts.size() == 1);
    CHECK(v.conflicts[0].path == "/touchpoints/" + tp + "/bad_share");
    CHECK_FALSE(v.merge->ok);
    h.click("Apply the merge");  // disabled while a conflict is open
    CHECK(h.app.save_text() == ours);
    // The clean change is listed before any choice; the open conflict keeps your value meanwhile.
    REQUIRE(v.merge_so_far.has_value());
    REQUIRE(v.merge_changes.has_value());
    REQUIRE(v.merge_changes->entities.size() == 1);
    CHECK(v.merge_changes->entities[0].list == "/commitments");
    CHECK(v.merge_so_far->plan.touchpoints[1].bad_share == 0.25);
    CHECK(ui::locate_item("Commitments (1)").has_value());  // shown on screen, under "What the merge changes so far"
    CHECK_FALSE(ui::locate_item("Touchpoints (1)").has_value());

    REQUIRE(h.click("0.75##theirs"));
    CHECK(h.frame().empty());  // the pick is merged in the next frame
    REQUIRE(v.merge->ok);
    CHECK_FALSE(v.merge_so_far.has_value());
    REQUIRE(v.merge_changes.has_value());
    CHECK(v.merge_changes->entities.size() == 2);  // the pick joins the clean change
    CHECK(ui::locate_item("Touchpoints (1)").has_value());
    REQUIRE(h.click("Apply the merge"));
    const Plan& merged = h.app.document().plan();
    CHECK(merged.touchpoints[1].bad_share == 0.75);
    CHECK(merged.commitments[0].kept_share == 0.5);
    CHECK(merged.meta.base == io::content_hash(merged));
    CHECK_FALSE(v.theirs.has_value());
    h.app.document().undo();
    CHECK(h.app.save_text() == ours);  // one undo step takes the whole merge back
}

TEST_CASE("Merge: an ancestor this browser does not have is asked for, and a wrong one is named") {
    test::UiHarness h;
    Plan start = example_plan();
    start.meta.title = "A later version";  // what we opened is not what they started from
    REQUIRE(h.app.open_text(io::save_plan(start), "later.json").ok);
    show_compare_panel(h);
    h.app.receive_file(Purpose::merge_theirs, their_copy([](Plan& p) { p.settings.forgetting = 0.7; }), "theirs.json");
    for (int i = 0; i < 2; ++i) CHECK(h.frame().empty());  // the Merge tab comes forward
    CHECK_FALSE(h.app.compare_view().ancestor.has_value());
    REQUIRE(h.click("Choose the common ancestor..."));
    REQUIRE(!h.platform.file_requests.empty());
    CHECK(h.platform.file_requests.back() == Purpose::merge_ancestor);

    h.app.receive_file(Purpose::merge_ancestor, io::save_plan(start), "wrong.json");
    CHECK(h.frame().empty());
    CHECK(h.app.compare_view().ancestor_warning.find("wrong.json is not the version their copy names") == 0);

    h.app.receive_file(Purpose::merge_ancestor, example_text(), "original.json");
    for (int i = 0; i < 2; ++i) CHECK(h.frame().empty());
    const ui::CompareView& v = h.app.compare_view();
    CHECK(v.ancestor_warning.empty());
    REQUIRE(v.merge.has_value());
    REQUIRE(v.merge->ok);  // our title change and their forgetting change do not meet
    REQUIRE(h.click("Apply the merge"));
    CHECK(h.app.document().plan().meta.title == "A later version");
    CHECK(h.app.document().plan().settings.forgetting == 0.7);
}

TEST_CASE("Merge: a touchpoint you removed that their new effect uses is a row to pick; keeping it merges cleanly") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(example_text(), kFile).ok);
    const Plan base = example_plan();
    std::size_t unused = 0;  // a touchpoint no action of the example aims at
    for (std::size_t i = 0; i < base.touchpoints.size(); ++i) {
        bool aimed = false;
        for (const Action& a : base.actions)
            for (const Effect& e : a.effects) aimed = aimed || (e.target == EffectTarget::touchpoint && e.id == base.touchpoints[i].id);
        if (!aimed) unused = i;
    }
    const Touchpoint removed = base.touchpoints[unused];
    Plan& ours = h.app.document().begin_edit();
    ours.touchpoints.erase(ours.touchpoints.begin() + static_cast<std::ptrdiff_t>(unused));
    h.app.document().end_gesture();
    show_compare_panel(h);
    h.app.receive_file(Purpose::merge_theirs, their_copy([&](Plan& p) {
                           Effect e;
                           e.target = EffectTarget::touchpoint;
                           e.id = removed.id;
                           e.field = "bad_share";
                           e.value = 0.5;
                           p.actions[0].effects.push_back(e);
                       }), "theirs.json");
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    const ui::CompareView& v = h.app.compare_view();
    REQUIRE(v.conflicts.size() == 1);
    CHECK(v.merge->errors.empty());
    const Plan& plan = h.app.document().plan();
    CHECK(ui::compare_conflict_label(plan, *v.theirs, v.conflicts[0]) ==
          "Touchpoint \"" + removed.name + "\": removed on one side, still used by Action \"" + base.actions[0].name + "\"");
    ui::set_language(ui::Language::it);
    CHECK(ui::compare_conflict_label(plan, *v.theirs, v.conflicts[0]) ==
          "Punto di contatto «" + removed.name + "»: rimosso da una parte, ma ancora usato da Azione «" + base.actions[0].name + "»");
    ui::set_language(ui::Language::en);
    CHECK(h.frame().empty());
    // Before any choice: yours (the removal) would break a rule, so the changes so far keep the
    // touchpoint as it was, and show their new effect.
    REQUIRE(v.merge_so_far.has_value());
    CHECK(v.merge_so_far->ok);
    REQUIRE(v.merge_changes.has_value());
    bool effect_shown = false;
    for (const io::EntityChange& e : v.merge_changes->entities) effect_shown = effect_shown || e.list == "/actions";
    CHECK(effect_shown);
    CHECK(ui::locate_item("keep it as it was##ancestor").has_value());
    REQUIRE(h.click("(removed)##yours"));  // your removal: the merge would break a rule, and says so
    CHECK(h.frame().empty());
    CHECK_FALSE(v.merge->ok);
    CHECK_FALSE(v.merge->errors.empty());
    REQUIRE(v.conflicts.size() == 1);
    REQUIRE(h.click("keep it as it was##theirs"));  // keep their touchpoint (unchanged from the ancestor)
    CHECK(h.frame().empty());
    REQUIRE(v.merge->ok);
    REQUIRE(h.click("Apply the merge"));
    const Plan& merged = h.app.document().plan();
    bool back = false;
    for (const Touchpoint& t : merged.touchpoints) back = back || t.id == removed.id;
    CHECK(back);
}
