// Our small chart module, drawn on ImDrawList (ImPlot is not available): line series, filled
// bands, observation markers, columns, horizontal bars (tornado, waterfall), a heatmap grid, a
// legend and a hover read-out. Sizes are in units of the font size, so charts scale with the
// screen's pixel density; colours are the Okabe-Ito palette (readable by colour-blind people).
// The pure helpers at the top (month labels, number formats, source labels) are tested in
// tests/ui/test_chart.cpp; the Help panel's chart gallery is the drawing code's visual test.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/model.hpp"
#include "io/presentation.hpp"

namespace fiducia::ui::chart {

// ---- Pure helpers -------------------------------------------------------------------------------

// The step of "nice" ticks (1, 2 or 5 times a power of ten) giving at most max_ticks over span.
double nice_step(double span, int max_ticks);
// Tick values covering [lo, hi] on a 1-2-5 step, at most max_ticks of them, in increasing order.
// The first tick is <= lo and the last >= hi (the axis is widened to them). Empty span: one tick.
// At least 3 ticks are allowed: a range across zero needs them.
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);
// Month ticks, "YYYY-MM" and the waterfall order are the reports' too (io/presentation.hpp).
using presentation::month_ticks;
using presentation::parse_year_month;
using presentation::waterfall;
using presentation::WaterfallStep;
// The calendar label of a projection month: settings.start is the label of month 1, so month 0
// (today) is the month before it. "Mar 2027"; without a valid start, "Month 6" (short: "6").
std::string month_label(int month, const std::string& start, bool short_form = false);

// 12345.6 -> "12,346" (decimals 0); thousands separators; "-" for negatives.
std::string format_number(double value, int decimals = 0);
// format_money(12345.6, "EUR") -> "EUR 12,346"; negatives "-EUR 1,200".
std::string format_money(double value, const std::string& currency);
// Axis form: "EUR 350", "EUR 12k", "EUR 1.2M".
std::string format_money_short(double value, const std::string& currency);
std::string format_trust(double share);               // 0.6132 -> "61.3" (trust is shown x100)
std::string format_points(double delta);              // 0.021 -> "+2.1" (change in trust points)
std::string format_short(double value);               // 6.5 -> "6.5", 7 -> "7" (printf %g, in the language's marks)
std::string format_percent(double share, int decimals = 1);  // 0.932 -> "93.2%"

// Readable names for the model's sources and the plan's entities (a name, never an id).
std::string source_label(const Plan& plan, ContributionKind kind, const std::string& id);
std::string stakeholder_label(const Plan& plan, std::size_t index);
std::string action_label(const Plan& plan, const std::string& action_id);
const char* dimension_name(int dimension);     // "Transactions", ...
const char* dimension_meaning(int dimension);  // "the stakeholder believes that ..."
const char* dimension_family(int dimension);   // Mayer et al. 1995: ability / integrity / benevolence

// ---- Colours ------------------------------------------------------------------------------------

ImU32 series_colour(int index);  // Okabe-Ito, ordered for a light background; cycles
// Whether series `index` is drawn dashed: from the 8th on, the colours come round again, dashed, so
// fourteen groups on one chart are told apart (the legend and read-out show the dash too).
bool series_dashed(int index);
ImU32 up_colour();               // raises trust (blue)
ImU32 down_colour();             // lowers trust (vermillion)
ImU32 warning_colour();          // worth a second look (Checks): amber, dark on a light theme
ImU32 neutral_colour();          // base rate, totals (the text colour, softened)
ImU32 with_alpha(ImU32 colour, float alpha);
ImU32 diverging(double t);       // 0 -> vermillion, 0.5 -> pale, 1 -> blue (heatmap)
ImU32 text_on(ImU32 background); // black or white, whichever reads better
ImU32 axis_colour();             // axes and reference lines ("today"), in the theme's text colour

// ---- Drawing ------------------------------------------------------------------------------------

enum class Format { number, trust, percent, money, months };

struct Axis {
    Axis() = default;
    // `text` is the currency of a money axis, or settings.start for a months axis.
    Axis(double lo_, double hi_, Format format_ = Format::number, const std::string& text = {})
        : lo(lo_), hi(hi_), format(format_) {
        if (format == Format::money) currency = text;
        if (format == Format::months) start = text;
    }
    double lo = 0, hi = 1;
    Format format = Format::number;
    std::string currency;  // Format::money
    std::string start;     // Format::months: settings.start
    int decimals = 0;      // Format::number read-out
};

// Low and high of some values, widened to nice ticks; for the axis of a chart.
struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v);
    void add(const std::vector<double>& values);
    bool empty() const { return !(lo <= hi); }
};

enum class Marker { circle, square, diamond, triangle };

// A chart with x and y axes. Call begin(), then any series, then end(): end() draws the hover
// read-out (a vertical line at the hovered x with every line's value, as a tooltip) and the legend.
class Plot {
public:
    // A box of `size` (x 0 = all the width available); grid, ticks and labels drawn at once.
    void begin(const char* id, ImVec2 size, const Axis& x, const Axis& y);
    void band(const std::string& name, const std::vector<double>& xs, const std::vector<double>& lo,
              const std::vector<double>& hi, ImU32 colour);
    void line(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys, ImU32 colour,
              float thickness = 2.0f, bool dashed = false);
    // Markers; `tips` (one per point, may be empty) are shown when the pointer is over a point.
    void points(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys, ImU32 colour,
                Marker marker, const std::vector<std::string>& tips = {});
    void columns(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys,
                 double width, ImU32 colour);
    void vline(double x, ImU32 colour, const std::string& label);
    void end(bool legend = true);
    bool hovered() const { return hovered_; }  // the pointer is over the plot (after begin)

    float to_x(double x) const;
    float to_y(double y) const;

private:
    struct Series {
        std::string name;
        ImU32 colour = 0;
        int kind = 0;  // 0 line, 1 band, 2 points, 3 columns
        Marker marker = Marker::circle;
        std::vector<double> xs, ys, lo;
        std::vector<std::string> tips;
    };
    Axis x_, y_;
    ImVec2 min_{}, max_{};    // the plot area (inside the axes)
    ImVec2 frame_min_{}, frame_max_{};
    bool hovered_ = false;
    std::vector<Series> series_;
};

std::string format_value(double value, const Axis& axis);  // full read-out form
std::string format_tick(double value, const Axis& axis);   // short axis form
void draw_marker(ImDrawList* draw, ImVec2 at, float radius, Marker marker, ImU32 colour);
void legend_swatch(ImU32 colour, bool line = false, bool dashed = false);  // a small coloured square (or line), as an item

// Horizontal bars: a label column on the left, bars over a value axis, a value on the right.
struct Bar {
    double from = 0, to = 0;
    ImU32 colour = 0;
};
struct BarRow {
    std::string label;
    std::vector<Bar> bars;
    std::string value_text;  // shown right of the bars
    std::string tooltip;     // shown when the row is hovered
    bool strong = false;     // a total row: label in the text colour and a separator above
};
struct BarChart {
    Axis x;
    std::vector<BarRow> rows;
    bool connect = false;   // waterfall: thin lines joining each bar's end to the next bar's start
    bool has_reference = false;
    double reference = 0;   // a vertical line (e.g. today's Trust Index)
    std::string reference_label;
};
void bar_chart(const char* id, const BarChart& chart, float width = 0);

// A grid of coloured cells (rows x columns), with the value in each cell.
struct Heatmap {
    std::vector<std::string> rows, columns;
    std::vector<std::string> column_tips;
    std::vector<double> values;          // rows * columns, row-major; NaN = no value
    std::vector<std::string> tooltips;   // one per cell, may be empty
    double lo = 0, hi = 1;               // the colour scale
    Format format = Format::trust;
};
void heatmap(const char* id, const Heatmap& map, float width = 0);

// A 0..1 track with a shaded band [lo, hi], a dot at value and a hollow mark at `before` (if >= 0).
void range_bar(const char* id, double value, double lo, double hi, double before, float width);

// The chart gallery (Help panel): every chart type with fixed sample data.
void draw_gallery();

// Where the largest chart (line plot with its legend, or bar chart) of the current frame was drawn,
// in screen pixels, cut to what its window shows: what "Current chart as PNG" saves. Empty when
// this frame drew no chart.
struct DrawnChart {
    ImVec2 min{}, max{};
    int frame = -1;  // ImGui::GetFrameCount() when drawn
};
std::optional<DrawnChart> current_chart();
void note_chart(ImVec2 min, ImVec2 max);  // called by every chart as it is drawn

// The value axis of each chart drawn this frame (a line plot's y, a bar chart's x, after widening to
// its ticks) and the names of the 95% bands it filled, in drawing order: tests check that trust is
// shown honestly (a scale from zero, one band at a time).
struct DrawnScale {
    Axis value;
    std::vector<std::string> bands;
};
const std::vector<DrawnScale>& drawn_scales();

// ---- Panel furniture shared by the analysis panels ----------------------------------------------

void heading(const char* text);  // a panel title in the heading font
void subheading(const char* text, const char* tooltip = nullptr);  // a section title with its (?)
// A key figure: a small label, the value large, a coloured detail line; the tooltip covers all three.
void key_figure(const char* label, const std::string& value, const std::string& detail, ImU32 detail_colour,
                const char* tooltip);
// "+2.1" (shown in the up colour), "-1.3" (down colour), "no change"; the font has no arrows.
std::string trend_text(double delta);
ImU32 trend_colour(double delta);

}  // namespace fiducia::ui::chart
