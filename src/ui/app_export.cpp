// File > Export: the HTML and Markdown reports in the UI's language and the projection as CSV
// (io/report; in English, the same bytes as `fiducia report`), and the chart on screen as a PNG at
// the screen's pixel density.
#include <cstdio>

#include <imgui.h>

#include "io/report.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

io::ReportLanguage report_language() {
    return io::report_language(language_info(current_language()).code,
                               [](const char* english) { return std::string(tr(english)); });
}

void App::draw_export_menu() {
    if (!ImGui::BeginMenu(tr("Export"), doc_.is_open())) return;
    if (ImGui::MenuItem(tr("HTML report"))) export_report(io::ReportFormat::html);
    item_tooltip(tr("One page to read in any browser or print to PDF: the Trust Index and each stakeholder's trust "
               "with its band, charts of trust over time, the explanation of every score, the roadmap with its "
               "costs, and the plan's notes. Figures are those of the plan's enabled actions. It holds no script "
               "and loads nothing."));
    if (ImGui::MenuItem(tr("Markdown report"))) export_report(io::ReportFormat::markdown);
    item_tooltip(tr("The same content as the HTML report, as Markdown tables, for a wiki or a document."));
    if (ImGui::MenuItem(tr("Projection as CSV"))) export_report(io::ReportFormat::csv);
    item_tooltip(tr("Month by month and stakeholder by stakeholder: trust, its 95% band, customers retained and the "
               "Trust Index, as shares from 0 to 1 (the screens show them x100). Opens in any spreadsheet; text "
               "that a spreadsheet would run as a formula is prefixed with an apostrophe."));
    if (ImGui::MenuItem(tr("Current chart as PNG"), nullptr, false, chart_on_screen_)) export_chart_png();
    item_tooltip(chart_on_screen_ ? tr("The largest chart of this panel, as you see it, at your screen's pixel density.")
                             : tr("This panel shows no chart: open Dashboard, Projection, Explain or another panel "
                                  "with a chart first."));
    ImGui::EndMenu();
}

void App::export_report(io::ReportFormat format) {
    const Projection* p = projection();
    if (!p) return;
    const char* suffix = format == io::ReportFormat::csv ? " - projection" : " - report";
    const std::string name = export_file_name(doc_.plan(), suffix + std::string(io::report_extension(format)));
    platform_.save_bytes(name, io::report_mime_type(format), io::report(doc_.plan(), *p, format, report_language()));
    char text[512];
    std::snprintf(text, sizeof text, tr("Exported %s."), name.c_str());
    notify(text);
}

void App::export_chart_png() {
    // The menu covers the screen in this frame; the next one draws the panel alone.
    chart_capture_frames_ = 2;
}

bool App::capture_chart_if_due() {
    const std::optional<chart::DrawnChart> drawn = chart::current_chart();
    chart_on_screen_ = drawn.has_value();
    if (chart_capture_frames_ == 0 || --chart_capture_frames_ > 0) return false;
    if (!drawn || !doc_.is_open()) {
        notify(tr("No chart is on screen to save: open a panel with a chart first."), true);
        return false;
    }
    const std::string panel = panels()[static_cast<std::size_t>(panel_)].name;
    const std::string name = export_file_name(doc_.plan(), " - " + panel + ".png");
    platform_.save_screen_png(name, drawn->min.x, drawn->min.y, drawn->max.x - drawn->min.x, drawn->max.y - drawn->min.y);
    char text[512];
    std::snprintf(text, sizeof text, tr("Exported %s."), name.c_str());
    notify(text);
    return true;
}

}  // namespace fiducia::ui
