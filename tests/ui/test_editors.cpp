// The plan editors: edits go through the document (undo restores them), ids are made unique and
// valid, deletes take their references along, effects read in words, the roadmap's drag math.
#include <doctest/doctest.h>

#include <algorithm>

#include "io/plan_file.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

int panel_named(const char* name) {
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == name) return static_cast<int>(i);
    return -1;
}

const char* const kEditors[] = {"Plan settings", "Stakeholders", "Knowledge", "Journey", "Commitments",
                                "Culture", "Actions", "Roadmap", "Scenarios", "Measurements"};

Plan example(const char* file) {
    io::LoadResult r = io::load_plan(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/" + file));
    REQUIRE(r.ok);
    return r.plan;
}

}  // namespace

TEST_CASE("every plan editor is registered in the Plan section, between Overview and Analyse") {
    int last_overview = -1, first_analyse = 1 << 30;
    for (std::size_t i = 0; i < ui::panels().size(); ++i) {
        const std::string section = ui::panels()[i].section;
        if (section == "Overview") last_overview = std::max(last_overview, static_cast<int>(i));
        if (section == "Analyse") first_analyse = std::min(first_analyse, static_cast<int>(i));
    }
    for (const char* name : kEditors) {
        CAPTURE(name);
        const int i = panel_named(name);
        REQUIRE(i >= 0);
        CHECK(std::string(ui::panels()[static_cast<std::size_t>(i)].section) == "Plan");
        CHECK(i > last_overview);
        CHECK(i < first_analyse);
    }
}

TEST_CASE("every plan editor draws every example and an empty plan with no clash or assert") {
    test::UiHarness h;
    const std::size_t asserts_before = ui::failed_asserts().size();
    std::vector<std::string> texts;
    for (const auto& path : test::example_plans()) texts.push_back(test::read_file(path));
    texts.push_back("{\"fiducia\": \"plan\", \"version\": 1, \"stakeholders\": [{\"id\": \"a\", \"name\": \"A\", "
                    "\"kind\": \"employees\"}]}");
    for (const std::string& text : texts) {
        REQUIRE(h.app.open_text(text, "plan.json").ok);
        for (const char* name : kEditors) {
            const std::string panel = name;
            CAPTURE(panel);
            h.app.show_panel(panel_named(name));
            for (int f = 0; f < 3; ++f) {
                const std::vector<std::string> clashes = h.frame();
                CHECK(clashes == std::vector<std::string>{});
            }
        }
    }
    CHECK(ui::failed_asserts().size() == asserts_before);
}

namespace {

// Moves the mouse to a labelled item's centre (plus an offset), as a person would.
ImVec2 centre_of(const std::string& label) {
    auto r = ui::locate_item(label);
    REQUIRE(r.has_value());
    return ImVec2(r->x + r->width / 2, r->y + r->height / 2);
}

void click(test::UiHarness& h, ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at.x, at.y);
    h.frame();
    io.AddMouseButtonEvent(0, true);
    h.frame();
    io.AddMouseButtonEvent(0, false);
    h.frame();
}

void drag(test::UiHarness& h, ImVec2 from, float dx) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(from.x, from.y);
    h.frame();
    io.AddMouseButtonEvent(0, true);
    h.frame();
    for (int step = 1; step <= 4; ++step) {  // several frames: one gesture, however many edits
        io.AddMousePosEvent(from.x + dx * static_cast<float>(step) / 4, from.y);
        h.frame();
    }
    io.AddMouseButtonEvent(0, false);
    h.frame();
    h.frame();
}

}  // namespace

TEST_CASE("an edit through the document changes the projection, and undo restores it") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    const std::string before = h.app.save_text();
    const double trust_before = h.app.projection()->months.back().trust_index;
    h.app.document().begin_edit().touchpoints[0].bad_share = 0.9;
    const double trust_after = h.app.projection()->months.back().trust_index;
    CHECK(trust_after < trust_before);
    h.app.document().undo();
    CHECK(h.app.save_text() == before);
    CHECK(h.app.projection()->months.back().trust_index == doctest::Approx(trust_before));
}

TEST_CASE("an invalid value shows the validator's words at its pointer") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    h.app.document().begin_edit().settings.forgetting = 1.5;
    CHECK(h.app.error_at("/settings/forgetting").find("got 1.5") != std::string::npos);
    h.app.show_panel(panel_named("Plan settings"));
    CHECK(h.frame().empty());
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("deleting a stakeholder says what goes with it, in the order a person reads it") {
    Plan plan = example("online-shop.json");
    const auto consequences = ui::delete_consequences(plan, Entity::stakeholder, 0);
    REQUIRE(consequences.size() >= 3);
    CHECK(consequences[0].find("touchpoint") != std::string::npos);
    CHECK(consequences[1].find("knowledge source") != std::string::npos);
    CHECK(consequences[2].find("commitment") != std::string::npos);
    // The effects on the group and on its touchpoints, which go with it, are counted together.
    const std::string& group = plan.stakeholders[0].id;
    int effects = 0, on_touchpoints = 0;
    for (const Action& a : plan.actions)
        for (const Effect& e : a.effects) {
            effects += e.target == EffectTarget::stakeholder && e.id == group;
            for (const Touchpoint& t : plan.touchpoints)
                on_touchpoints += e.target == EffectTarget::touchpoint && e.id == t.id && t.stakeholder == group;
        }
    REQUIRE(on_touchpoints > 0);
    CHECK(consequences.back().find(std::to_string(effects + on_touchpoints) + " action effects") != std::string::npos);
    CHECK(ui::delete_consequences(plan, Entity::action, plan.actions.size()).empty());
}

TEST_CASE("effects are offered only on the fields docs/FORMAT.md allows, and read in words") {
    // The editors' labelled list is exactly the shared one that validation uses, in its order.
    for (EffectTarget target : {EffectTarget::touchpoint, EffectTarget::commitment, EffectTarget::knowledge_source,
                                EffectTarget::stakeholder, EffectTarget::culture}) {
        std::vector<std::string> offered, allowed;
        for (const ui::EffectField* f : ui::effect_fields(target)) offered.push_back(f->id);
        for (const char* f : changeable_fields(target)) allowed.push_back(f);
        CHECK(offered == allowed);
    }
    CHECK(changeable_fields(EffectTarget::stakeholder).size() == 6);
    CHECK(ui::find_effect_field(EffectTarget::touchpoint, "name") == nullptr);

    Plan plan;
    Touchpoint t;
    t.id = "checkout";
    t.name = "Checkout";
    t.bad_share = 0.1;
    plan.touchpoints.push_back(t);
    Action a;
    a.start_month = 3;
    a.ramp_months = 3;
    Effect e;
    e.target = EffectTarget::touchpoint;
    e.id = "checkout";
    e.field = "bad_share";
    e.op = EffectOp::scale;
    e.value = 0.6;
    CHECK(ui::describe_effect(plan, a, e) == "Checkout: bad share \xC3\x97 0.6 from month 3, full by month 5");
    CHECK(ui::effect_full_value(e, *ui::effect_base_value(plan, e)) == doctest::Approx(0.06));
    e.op = EffectOp::add;
    e.value = -0.05;
    a.ramp_months = 1;
    CHECK(ui::describe_effect(plan, a, e) == "Checkout: bad share \xE2\x88\x92 5 percentage points from month 3");
    e.op = EffectOp::set;
    e.value = 1.5;
    CHECK(ui::effect_full_value(e, 0.1) == 1.0);  // shares are clamped to [0,1]
    Effect culture;
    culture.target = EffectTarget::culture;
    culture.field = "empowerment";
    culture.op = EffectOp::add;
    culture.value = 0.2;
    CHECK(ui::describe_effect(plan, a, culture) == "Culture: empowerment + 20 percentage points from month 3");
    Effect dangling = e;
    dangling.id = "gone";
    CHECK(ui::describe_effect(plan, a, dangling).rfind("(missing: gone)", 0) == 0);
    CHECK_FALSE(ui::effect_base_value(plan, dangling).has_value());
}

TEST_CASE("roadmap drag math snaps to whole months within the plan") {
    CHECK(ui::month_at(0, 0, 10, 24) == 1);
    CHECK(ui::month_at(9.9f, 0, 10, 24) == 1);
    CHECK(ui::month_at(10, 0, 10, 24) == 2);
    CHECK(ui::month_at(-50, 0, 10, 24) == 1);
    CHECK(ui::month_at(1000, 0, 10, 24) == 24);
    CHECK(ui::dragged_start(3, 14, 10, 24) == 4);   // 1.4 months -> 1
    CHECK(ui::dragged_start(3, 16, 10, 24) == 5);   // 1.6 months -> 2
    CHECK(ui::dragged_start(3, -100, 10, 24) == 1);
    CHECK(ui::dragged_start(20, 100, 10, 24) == 24);
    CHECK(ui::dragged_ramp(2, -30, 10) == 1);
    CHECK(ui::dragged_ramp(2, 30, 10) == 5);
    CHECK(ui::dragged_start(3, 50, 0, 24) == 3);  // no width: no move
}

TEST_CASE("monthly costs add up to the projection's total cost") {
    for (const auto& path : test::example_plans()) {
        CAPTURE(path.filename().string());
        io::LoadResult r = io::load_plan(test::read_file(path));
        REQUIRE(r.ok);
        double total = 0;
        for (const ui::MonthCost& c : ui::monthly_costs(r.plan)) total += c.total();
        CHECK(total == doctest::Approx(project(r.plan).total_cost));
    }
}

// The editors built on the shared list/detail skeleton (ui/panels/list_editor.hpp), and how many entities each lists.
const struct {
    const char* panel;
    std::size_t (*count)(const Plan&);
} kListEditors[] = {
    {"Stakeholders", [](const Plan& p) { return p.stakeholders.size(); }},
    {"Knowledge", [](const Plan& p) { return p.knowledge_sources.size(); }},
    {"Commitments", [](const Plan& p) { return p.commitments.size(); }},
    {"Actions", [](const Plan& p) { return p.actions.size(); }},
    {"Scenarios", [](const Plan& p) { return p.scenarios.size(); }},
};

TEST_CASE("adding from every list makes a valid unique id, duplicating copies, and undo takes both back") {
    for (const auto& editor : kListEditors) {
        CAPTURE(editor.panel);
        test::UiHarness h;
        REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                                "online-shop.json").ok);
        h.app.show_panel(panel_named(editor.panel));
        h.frame();
        const std::size_t before = editor.count(h.app.document().plan());
        click(h, centre_of("Add"));
        REQUIRE(editor.count(h.app.document().plan()) == before + 1);
        const std::string saved = h.app.save_text();
        click(h, centre_of("Duplicate"));
        REQUIRE(editor.count(h.app.document().plan()) == before + 2);
        CHECK(io::texts(h.app.plan_errors()) == std::vector<std::string>{});
        CHECK(h.app.save_text().find("(copy)") != std::string::npos);  // the copy is named as one
        h.app.document().undo();
        CHECK(h.app.save_text() == saved);
        h.app.document().undo();
        CHECK(editor.count(h.app.document().plan()) == before);
        CHECK(ui::failed_asserts().empty());
    }
}

TEST_CASE("deleting from every list asks first and deletes as one undo step") {
    for (const auto& editor : kListEditors) {
        CAPTURE(editor.panel);
        test::UiHarness h;
        REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                                "online-shop.json").ok);
        const std::string before = h.app.save_text();
        const std::size_t count = editor.count(h.app.document().plan());
        h.app.show_panel(panel_named(editor.panel));
        h.frame();
        click(h, centre_of("Delete"));
        CHECK(h.app.save_text() == before);  // only asked so far
        h.frame();
        CHECK(h.app.editor_view().delete_kind >= 0);
        click(h, centre_of("Delete"));  // the dialog's button, drawn last
        CHECK(editor.count(h.app.document().plan()) + 1 == count);
        CHECK(io::texts(h.app.plan_errors()) == std::vector<std::string>{});
        h.app.document().undo();
        CHECK(h.app.save_text() == before);
        CHECK(ui::failed_asserts().empty());
    }
}

TEST_CASE("dragging a roadmap bar moves its start by whole months, as one undo step") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    h.app.show_panel(panel_named("Roadmap"));
    h.frame();
    const Plan& plan = h.app.document().plan();
    const std::size_t last = plan.actions.size() - 1;
    const int start = plan.actions[last].start_month;
    auto costs = ui::locate_item("##costs");
    REQUIRE(costs.has_value());
    const float month_w = costs->width / static_cast<float>(plan.settings.horizon_months);
    auto bar = ui::locate_item("##bar");  // the last action's bar (the last item with this label)
    REQUIRE(bar.has_value());
    const int shift = start + 2 <= plan.settings.horizon_months ? 2 : -2;
    drag(h, ImVec2(bar->x + std::min(bar->width / 2, month_w * 3), bar->y + bar->height / 2), month_w * static_cast<float>(shift));
    CHECK(h.app.document().plan().actions[last].start_month == start + shift);
    h.app.document().undo();
    CHECK(h.app.document().plan().actions[last].start_month == start);
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("the effect editor: a new effect changes nothing, and a new target, field or operation starts neutral") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    h.app.open_panel(ui::PanelId::actions);
    for (int i = 0; i < 2; ++i) h.frame();
    const std::size_t a = static_cast<std::size_t>(h.app.editor_view().action);
    const auto last = [&]() -> const Effect& { return h.app.document().plan().actions[a].effects.back(); };
    const std::size_t before = h.app.document().plan().actions[a].effects.size();
    click(h, centre_of("Add an effect"));
    REQUIRE(h.app.document().plan().actions[a].effects.size() == before + 1);
    CHECK(last().op == EffectOp::scale);
    CHECK(last().value == 1);  // x 1: nothing happens until a value is chosen

    const auto choose = [&](const std::string& combo, const std::string& item) {
        h.frame();
        click(h, centre_of(combo));
        h.frame();  // a popup is measured in its first frame and shown in the next
        std::optional<ImVec2> at;  // the item of the open list, not a same-named button elsewhere
        for (const ui::FrameItem& i : ui::frame_items())
            if (i.in_menu && i.label == item && i.rect.width > 0) at = ImVec2(i.rect.x + i.rect.width / 2, i.rect.y + i.rect.height / 2);
        REQUIRE_MESSAGE(at.has_value(), "no item " << item << " in the list of " << combo);
        click(h, *at);
        h.frame();
    };
    h.app.document().begin_edit().actions[a].effects.back().value = 0.8;  // a multiplier chosen for bad share
    choose("##field", "interactions per month");
    CHECK(last().field == "interactions_per_month");
    CHECK(last().op == EffectOp::scale);
    CHECK(last().value == 1);  // not x 0.8 carried over to another figure

    choose("##target", "Culture");
    CHECK(last().target == EffectTarget::culture);
    CHECK(last().value == 1);
    choose("##op", "Add");
    CHECK(last().op == EffectOp::add);
    CHECK(last().value == 0);  // + 0 percentage points
    choose("##op", "Set to");
    CHECK(last().op == EffectOp::set);
    CHECK(last().value == h.app.document().plan().culture.empowerment);  // set to what it is
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("a new plan's culture is not assessed: a new employees group starts at its base rate; setting a share assesses it") {
    test::UiHarness h;
    h.app.new_plan();
    CHECK_FALSE(h.app.document().plan().culture.assessed);
    Stakeholder staff;
    staff.id = "staff";
    staff.name = "Staff";
    staff.kind = StakeholderKind::employees;
    h.app.document().begin_edit().stakeholders.push_back(staff);
    CHECK(h.app.projection()->months[0].stakeholders.back().trust == doctest::Approx(0.5));  // no evidence nobody entered
    h.app.open_panel(ui::PanelId::culture);
    for (int i = 0; i < 2; ++i) h.frame();
    click(h, centre_of("Empowerment"));
    ImGui::GetIO().AddInputCharactersUTF8("40");
    h.frame();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, true);
    h.frame();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, false);
    for (int i = 0; i < 2; ++i) h.frame();
    CHECK(h.app.document().plan().culture.empowerment == doctest::Approx(0.4));
    CHECK(h.app.document().plan().culture.assessed);
    CHECK(ui::failed_asserts().empty());
}
