// File > Export driven with the pointer through the real frame loop: each report reaches the
// platform with its name, type and the same bytes as `fiducia report`; the chart PNG is taken of
// the chart on screen once the menu has closed, and is refused where no chart is shown.
#include <doctest/doctest.h>

#include <cstdio>

#include "io/report.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

void show(test::UiHarness& h, const char* panel) {
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == panel) h.app.show_panel(static_cast<int>(i));
    h.frame();
    h.frame();
}

// File, then Export (a submenu opens under the pointer), then the item.
bool choose_export(test::UiHarness& h, const char* item) {
    if (!h.click("File") || !h.click("Export")) return false;
    return h.click(item);
}

}  // namespace

TEST_CASE("File > Export saves each report through the platform, as the CLI writes it") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    show(h, "Dashboard");
    const Plan& plan = h.app.document().plan();
    const Projection p = project(plan);
    struct Case {
        const char* item;
        io::ReportFormat format;
        const char* name;
    };
    const Case cases[] = {{"HTML report", io::ReportFormat::html, " - report.html"},
                          {"Markdown report", io::ReportFormat::markdown, " - report.md"},
                          {"Projection as CSV", io::ReportFormat::csv, " - projection.csv"}};
    for (const Case& c : cases) {
        CAPTURE(c.item);
        const std::size_t before = h.platform.saved_bytes.size();
        REQUIRE(choose_export(h, c.item));
        REQUIRE(h.platform.saved_bytes.size() == before + 1);
        const auto& saved = h.platform.saved_bytes.back();
        CHECK(saved.name == "Trust plan 2027-2028- Verdello online shop" + std::string(c.name));  // ':' made safe
        CHECK(saved.mime_type == io::report_mime_type(c.format));
        CHECK(saved.bytes == io::report(plan, p, c.format));
    }
    CHECK(h.platform.saved.empty());  // an export is not a save of the plan
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("File > Export > Current chart as PNG saves the chart on screen, after the menu has closed") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/retail-bank.json"),
                            "retail-bank.json").ok);
    show(h, "Projection");
    REQUIRE(ui::chart::current_chart().has_value());
    const ui::chart::DrawnChart chart = *ui::chart::current_chart();
    REQUIRE(choose_export(h, "Current chart as PNG"));
    for (int i = 0; i < 3 && h.platform.screen_pngs.empty(); ++i) h.frame();
    REQUIRE(h.platform.screen_pngs.size() == 1);
    const auto& png = h.platform.screen_pngs[0];
    CHECK(png.name == "Trust plan 2027-2028- retail banking - Projection.png");
    CHECK(png.x == chart.min.x);
    CHECK(png.y == chart.min.y);
    CHECK(png.width == chart.max.x - chart.min.x);
    CHECK(png.height == chart.max.y - chart.min.y);
    CHECK(png.width > 200);
    CHECK(png.height > 100);
    CHECK(png.y + png.height <= ImGui::GetIO().DisplaySize.y);
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK(h.platform.screen_pngs.size() == 1);  // once

    // A panel without a chart: the item is greyed out, so nothing is taken.
    show(h, "Plan settings");
    CHECK_FALSE(ui::chart::current_chart().has_value());
    REQUIRE(choose_export(h, "Current chart as PNG"));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK(h.platform.screen_pngs.size() == 1);
    CHECK(ui::failed_asserts().empty());
}

TEST_CASE("File > Export writes the HTML and Markdown reports in the UI's language; English as the CLI does") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    h.frame();
    const Plan& plan = h.app.document().plan();
    const Projection p = project(plan);

    // English: the same bytes as io::report (and so as `fiducia report`), every format.
    for (io::ReportFormat format : {io::ReportFormat::html, io::ReportFormat::markdown, io::ReportFormat::csv})
        CHECK(io::report(plan, p, format, ui::report_language()) == io::report(plan, p, format));

    h.app.set_language(ui::Language::it);
    REQUIRE(ui::current_language() == ui::Language::it);
    h.app.export_report(io::ReportFormat::html);
    REQUIRE_FALSE(h.platform.saved_bytes.empty());
    const std::string html = h.platform.saved_bytes.back().bytes;
    CHECK(html == io::report(plan, p, io::ReportFormat::html, ui::report_language()));
    CHECK(html.find("<html lang=\"it\">") != std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    for (const char* italian : {"Report sulla fiducia", "Fiducia per stakeholder", "Spiegazione al mese 24",
                                "Indice di fiducia oggi", "Tasso di base", "Totale progressivo"}) {
        CAPTURE(italian);
        CHECK(html.find(italian) != std::string::npos);
    }
    for (const char* english : {"Trust report", "Trust per stakeholder", "Explanation at month", "Trust Index today",
                                "Base rate", "Running total", "Cost of the actions", "Made with Fiducia", ">yes<"}) {
        CAPTURE(english);
        CHECK(html.find(english) == std::string::npos);
    }
    // Italian numbers, months and amounts: a decimal comma, "mar 2027", "12.346 EUR".
    char index[32];
    std::snprintf(index, sizeof index, "%.1f", p.months.back().trust_index * 100);
    std::string comma = index;
    comma[comma.find('.')] = ',';
    CHECK(html.find("<div class=\"value\">" + comma + "</div>") != std::string::npos);
    CHECK(html.find("da mar 2027 (il mese 0 è oggi, feb 2027)") != std::string::npos);
    CHECK(html.find(" EUR</td>") != std::string::npos);

    h.app.export_report(io::ReportFormat::markdown);
    const std::string md = h.platform.saved_bytes.back().bytes;
    CHECK(md == io::report(plan, p, io::ReportFormat::markdown, ui::report_language()));
    CHECK(md.find("## Dati principali") != std::string::npos);
    CHECK(md.find("| " + comma + " |") != std::string::npos);
    CHECK(md.find("Key figures") == std::string::npos);
    h.app.export_report(io::ReportFormat::csv);  // the CSV stays machine-readable
    CHECK(h.platform.saved_bytes.back().bytes == io::projection_csv(plan, p));
    h.app.set_language(ui::Language::en);
    CHECK(ui::failed_asserts().empty());
}
