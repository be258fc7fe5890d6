// Number fields as a person uses them (ui::number_field): one click and typing replaces the value,
// Enter or a click elsewhere applies it, Esc cancels, Tab moves on; the language's decimal mark and
// grouping are read; out of range is kept in range and said; dragging the label, the box with Alt,
// or the bar changes the value; a click on the bar never jumps it; one undo step per edit.
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include "ui/platform/i18n.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

void frames(test::UiHarness& h, int n = 1) {
    for (int i = 0; i < n; ++i) CHECK(h.frame() == std::vector<std::string>{});
}

ui::ItemRect where(const std::string& label) {
    const auto rect = ui::locate_item(label);
    REQUIRE_MESSAGE(rect.has_value(), "no widget labelled " << label);
    return *rect;
}

void click_at(test::UiHarness& h, float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(x, y);
    frames(h);
    io.AddMouseButtonEvent(0, true);
    frames(h);
    io.AddMouseButtonEvent(0, false);
    frames(h);
}

// One click in the middle of the field, as a person would.
void click(test::UiHarness& h, const std::string& label) {
    const ui::ItemRect r = where(label);
    click_at(h, r.x + r.width / 2, r.y + r.height / 2);
}

void type(test::UiHarness& h, const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frames(h);
}

void press(test::UiHarness& h, ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    frames(h);
    ImGui::GetIO().AddKeyEvent(key, false);
    frames(h, 2);
}

void drag(test::UiHarness& h, float x, float y, float dx, bool alt = false) {
    ImGuiIO& io = ImGui::GetIO();
    if (alt) io.AddKeyEvent(ImGuiMod_Alt, true);
    io.AddMousePosEvent(x, y);
    frames(h);
    io.AddMouseButtonEvent(0, true);
    frames(h);
    for (int step = 1; step <= 4; ++step) {  // several frames: one gesture, however many edits
        io.AddMousePosEvent(x + dx * static_cast<float>(step) / 4, y);
        frames(h);
    }
    io.AddMouseButtonEvent(0, false);
    frames(h);
    if (alt) io.AddKeyEvent(ImGuiMod_Alt, false);
    frames(h, 2);
}

struct Shop {
    test::UiHarness h;
    explicit Shop(ui::PanelId panel) {
        REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                                "online-shop.json").ok);
        h.app.open_panel(panel);
        frames(h, 2);
    }
    ~Shop() { ui::set_language(ui::Language::en); }
    const Plan& plan() { return h.app.document().plan(); }
};

}  // namespace

TEST_CASE("one click on a number field and typing replaces its value; Enter applies it as one undo step") {
    Shop shop(ui::PanelId::stakeholders);
    const std::string before = shop.h.app.save_text();
    REQUIRE(shop.plan().stakeholders[0].size == 180000);
    CHECK(ui::locate_item("Size (people)")->width > 0);
    click(shop.h, "Size (people)");
    CHECK(ImGui::GetActiveID() != 0);  // typing, after a single click
    type(shop.h, "2500");
    CHECK(shop.plan().stakeholders[0].size == 180000);  // nothing applied while typing
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].size == 2500);
    CHECK(ImGui::GetActiveID() == 0);
    shop.h.app.document().undo();  // one step back is the whole edit
    CHECK(shop.h.app.save_text() == before);
    CHECK_FALSE(shop.h.app.document().can_undo());

    click(shop.h, "Size (people)");  // the field shows the value grouped; typed grouping is read too
    type(shop.h, "1,200,000");
    click_at(shop.h, 5, 790);  // a click elsewhere applies it
    CHECK(shop.plan().stakeholders[0].size == 1200000);
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("Italian takes 1.234,5 as one thousand two hundred thirty-four and a half") {
    Shop shop(ui::PanelId::stakeholders);
    shop.h.app.set_language(ui::Language::it);
    frames(shop.h, 2);
    const std::string label = ui::trf("Revenue per person per month (%s)", shop.plan().meta.currency.c_str());
    click(shop.h, label);
    type(shop.h, "1.234,5");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].revenue_per_month == 1234.5);
    click(shop.h, label);
    type(shop.h, "12.5");  // an English decimal point in Italian is not guessed at: refused, and said
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].revenue_per_month == 1234.5);
    const std::string note = ui::trf("\"%s\" is not a number here; write it like %s. The value is unchanged.", "12.5", "1.234,5");
    CHECK(note.rfind("\xC2\xAB" "12.5\xC2\xBB qui non", 0) == 0);  // the Italian words
    CHECK(ui::locate_item(note).has_value());
}

TEST_CASE("a value out of range is kept within it and the field says so; text that is no number is said too") {
    Shop shop(ui::PanelId::plan_settings);
    const int horizon = shop.plan().settings.horizon_months;
    click(shop.h, "Horizon (months)");
    type(shop.h, "500");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().settings.horizon_months == 120);
    CHECK(ui::locate_item("Kept within 1 to 120.").has_value());
    shop.h.app.document().undo();
    CHECK(shop.plan().settings.horizon_months == horizon);

    click(shop.h, "Horizon (months)");
    CHECK_FALSE(ui::locate_item("Kept within 1 to 120.").has_value());  // a new try clears the note
    type(shop.h, "twelve");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().settings.horizon_months == horizon);
    CHECK(ui::locate_item("\"twelve\" is not a number here; write it like 1,234. The value is unchanged.").has_value());
    CHECK_FALSE(shop.h.app.document().can_undo());

    click(shop.h, "Horizon (months)");
    type(shop.h, "30.4");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().settings.horizon_months == 30);
    CHECK(ui::locate_item("Whole numbers only: rounded to 30.").has_value());
}

TEST_CASE("Esc cancels the typing; Tab applies it and moves on to the next field") {
    Shop shop(ui::PanelId::stakeholders);
    const std::string before = shop.h.app.save_text();
    click(shop.h, "Size (people)");
    REQUIRE(ImGui::GetActiveID() != 0);  // typing after one click, so Esc has something to cancel
    type(shop.h, "77");
    press(shop.h, ImGuiKey_Escape);
    CHECK(shop.h.app.save_text() == before);
    CHECK_FALSE(shop.h.app.document().can_undo());
    CHECK(ImGui::GetActiveID() == 0);

    click(shop.h, "Size (people)");
    type(shop.h, "5000");
    CHECK(shop.plan().stakeholders[0].size == 180000);  // typed, not applied yet
    press(shop.h, ImGuiKey_Tab);
    CHECK(shop.plan().stakeholders[0].size == 5000);
    CHECK(ImGui::GetActiveID() != 0);  // the next field is being typed into
    type(shop.h, "42");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].importance == 42);  // Importance follows Size
    shop.h.app.document().undo();
    shop.h.app.document().undo();
    CHECK(shop.h.app.save_text() == before);
}

TEST_CASE("dragging a field's label, or the field with Alt held, changes the value as one undo step") {
    Shop shop(ui::PanelId::stakeholders);
    const std::string before = shop.h.app.save_text();
    const double importance = shop.plan().stakeholders[0].importance;
    const ui::ItemRect box = where("Importance");
    const float label_x = box.x + box.width + ImGui::GetStyle().ItemInnerSpacing.x + 10;
    drag(shop.h, label_x, box.y + box.height / 2, 50);
    const double dragged = shop.plan().stakeholders[0].importance;
    CHECK(dragged == doctest::Approx(importance + 50 * 100.0 / 500).epsilon(0.02));  // the range / 500 per pixel
    CHECK(ImGui::GetActiveID() == 0);  // a drag on the label does not start typing
    shop.h.app.document().undo();
    CHECK(shop.h.app.save_text() == before);
    CHECK_FALSE(shop.h.app.document().can_undo());

    drag(shop.h, box.x + box.width / 2, box.y + box.height / 2, 25, true);
    CHECK(shop.plan().stakeholders[0].importance == doctest::Approx(importance + 25 * 100.0 / 500).epsilon(0.02));
    shop.h.app.document().undo();
    CHECK(shop.h.app.save_text() == before);

    click_at(shop.h, label_x, box.y + box.height / 2);  // a click on the label types, as a form's label does
    CHECK(ImGui::GetActiveID() != 0);
    type(shop.h, "9");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].importance == 9);
}

TEST_CASE("a click on a share's bar leaves the value; dragging the bar moves it") {
    Shop shop(ui::PanelId::stakeholders);
    const double base = shop.plan().stakeholders[0].base_rate;
    const ui::ItemRect box = where("Base rate");
    const float bar_x = box.x + box.width + ImGui::GetStyle().ItemInnerSpacing.x;
    const float y = box.y + box.height / 2;
    click_at(shop.h, bar_x + 3, y);  // far left of the bar: a slider would have jumped to 0%
    CHECK(shop.plan().stakeholders[0].base_rate == base);
    CHECK_FALSE(shop.h.app.document().can_undo());
    CHECK(ImGui::GetActiveID() == 0);
    drag(shop.h, bar_x + 20, y, 30);
    CHECK(shop.plan().stakeholders[0].base_rate > base);
    shop.h.app.document().undo();
    CHECK(shop.plan().stakeholders[0].base_rate == base);
    CHECK_FALSE(shop.h.app.document().can_undo());

    const ui::ItemRect weight = where("Transactions");  // a weight's bar ends at 1; typing goes beyond
    const float weight_bar = weight.x + weight.width + ImGui::GetStyle().ItemInnerSpacing.x;
    drag(shop.h, weight_bar + 10, weight.y + weight.height / 2, 900);
    CHECK(shop.plan().stakeholders[0].weights[0] == 1.0);
    click(shop.h, "Transactions");
    type(shop.h, "2.5");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].weights[0] == 2.5);

    click(shop.h, "Base rate");  // typed as a percentage, with or without the sign
    type(shop.h, "85%");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.plan().stakeholders[0].base_rate == doctest::Approx(0.85));
}

// A guard rather than a new behaviour: read-only plans kept their fields disabled before too.
TEST_CASE("a read-only plan's number fields take no typing and no drag") {
    test::UiHarness h;
    std::string text = test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json");
    const std::string from = "\"version\": 1", to = "\"version\": 7";
    text.replace(text.find(from), from.size(), to);
    REQUIRE(h.app.open_text(text, "newer.json").ok);
    REQUIRE(h.app.document().read_only());
    h.app.open_panel(ui::PanelId::stakeholders);
    frames(h, 2);
    const std::string before = h.app.save_text();
    click(h, "Size (people)");
    CHECK(ImGui::GetActiveID() == 0);
    type(h, "5");
    press(h, ImGuiKey_Enter);
    const ui::ItemRect box = where("Importance");
    drag(h, box.x + box.width + 12, box.y + box.height / 2, 60);
    CHECK(h.app.save_text() == before);
}

TEST_CASE("view settings use the same field: the explained month is typed, and its bar is dragged") {
    Shop shop(ui::PanelId::explain);
    click(shop.h, "Month");
    type(shop.h, "6");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.h.app.analysis_view().explain_month == 6);
    click(shop.h, "Month");
    type(shop.h, "999");
    press(shop.h, ImGuiKey_Enter);
    CHECK(shop.h.app.analysis_view().explain_month == shop.plan().settings.horizon_months);
    CHECK(ui::locate_item(ui::trf("Kept within %s to %s.", "0", std::to_string(shop.plan().settings.horizon_months).c_str()))
              .has_value());
}
