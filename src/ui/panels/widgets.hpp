// Field editors shared by every panel. Each edit goes through the Document (one undo step per
// gesture: a typed value or a whole drag is one step), shows a tooltip saying what the field means and where its
// figure comes from, and is disabled when the plan is read-only.
// `write(Plan&, value)` stores the new value into the plan being edited.
#pragma once

#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/platform/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/platform/i18n.hpp"

namespace fiducia::ui {

void help_marker(const char* text);       // a "(?)" after the last item that explains it on hover
void item_tooltip(const char* text);
// Every tooltip opens through these: its text wraps at a readable width (28 em) that also fits the
// screen, so a phone's tooltip is never wider than the phone.
void begin_tooltip();
void end_tooltip();
void set_tooltip(const char* format, ...) IM_FMTARGS(1);  // ImGui::SetTooltip, wrapped
// ImGui::BeginCombo, and the combo named by its label so tests and the screen-reader mirror find it
// (ImGui's own combo does not report its label).
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0);      // tooltip for the last item, wrapped to a readable width
void field_error(const std::string& text);  // the broken rule, in red, under the last item
void quiet_note(const char* text);           // greyed, and wrapped at the panel's edge (a phone's too)
inline void quiet_note(const std::string& text) { quiet_note(text.c_str()); }
// A bullet and its text, wrapped at `wrap_pos` (window x; 0: the panel's edge), as ImGui::BulletText does not.
void bullet_text(const std::string& text, float wrap_pos = 0);
// Every label cut to fit goes through these two: `text` cut to `width` pixels ends in an ellipsis (the
// font's U+2026 when it has that glyph, else "...") so nobody reads a cut name as the whole name.
std::string fit_text(const std::string& text, float width);
// After the item showing `shown`: when it is `full` cut short, hovering it shows `full` whole (and
// a screen reader is given it whole).
void cut_label_tooltip(const std::string& shown, const std::string& full);
// A name in a table cell: cut to its column with an ellipsis (ImGui would clip it mid-letter), whole on hover.
void cell_text(const std::string& text);
// Puts the next item on the last one's line when `width` more pixels fit before the screen x `right`
// (by default the panel's right edge), else on the next line: a row of buttons wraps on a narrow
// screen instead of running off it.
void same_line_if_fits(float width, float right = -1);
// The next item's width: at most `most_em` ems, leaving `beside` pixels of its line inside the panel
// (its label, a button after it), and never under 4 em. label_beside(): what a label drawn after its item takes.
void fit_next_item_width(float most_em, float beside);
// Narrows the next item (its set width or the default) so that its label beside it stays inside the
// panel: a longer language's label or a phone's width never pushes it off the edge.
void keep_label_inside(const char* label);
float label_beside(const char* label);
// The next item, `width_em` wide, beside the last where it fits (else under it), and never wider
// than the panel: a row of fields that wraps on a phone.
void next_in_row(float width_em);
// A table's box: narrower than `width_em` (a phone) it scrolls sideways instead of squeezing its
// columns; with more than `max_rows` rows (0: no limit) it scrolls down in a box of that many.
struct TableBox {
    ImGuiTableFlags flags = 0;
    ImVec2 outer{0, 0};
    float inner_width = 0;
};
TableBox table_box(ImGuiTableFlags flags, float width_em, std::size_t rows, std::size_t max_rows = 0);
// ImGui::Checkbox whose label, too long for the panel (a phone), is cut with an ellipsis; the whole
// label is read out, found by window.fiducia.locate and shown on hover.
bool checkbox(const char* label, bool* value);
// The width of a checkbox or radio button with this label (box, gap, text).
float checkbox_width(const char* label);
// The size a button needs to show its whole label (the text before "##"), and at least `min`.
ImVec2 button_size(const char* label, ImVec2 min);
// A long run's progress bar (0..1, read out as "N% done") and its Cancel button with this tooltip,
// on one line that fits the panel: true when Cancel was pressed.
bool progress_and_cancel(double progress, const char* cancel_tooltip);

// How a number field reads and takes its value, written at the call with designated initializers:
// {.min = 1, .max = 120, .format = "%.0f", .whole = true}.
struct NumberFormat {
    double min = 0, max = 0;          // what is typed or dragged is kept within [min, max], and the field says so
    const char* format = "%.2f";      // how the value reads: printf in the C locale ("%.1f%%", "%.1f of 5"),
                                      // then the language's marks and digit grouping; its precision is the typed one
    bool whole = false;               // whole numbers only (months, counts, seeds)
    bool percent = false;             // a share shown as a percentage: "%" may follow a typed value
    double speed = 0;                 // change per pixel dragged on the label; 0: the range / 500 (0.2 when whole)
    bool bar = false;                 // a bar beside the box to drag across the range, where sliders were
    double bar_max = 0;               // the bar's right end when not `max` (weights: typed up to max, dragged to 1)
    const char* shown = nullptr;      // the box's text while not typed into, instead of the formatted value
    const char* bar_text = nullptr;   // text drawn on the bar ("Mar 2027 (today)")
};

// The one number field of the app, for plan figures and view settings alike. One click selects the
// value for typing (Enter or clicking away applies it, Esc cancels, Tab moves on); the language's
// decimal mark and grouping are read (io::parse_number). A value beyond [min, max] is kept within it
// and a note under the field says so, as it does when the text is no number (the value stays).
// Dragging the label, the box with Alt held, or the bar changes the value; a click never jumps it.
// True when `value` changed. The field is one ImGui group: IsItemActive() after it is true while a
// drag goes on (one undo step, see detail::commit), IsItemHovered() anywhere on it.
bool number_field(const char* label, double& value, const NumberFormat& format);

namespace detail {
// Commits `write` as an edit; keeps merging into one undo step while the item is held.
template <typename Write, typename Value>
bool commit(App& app, bool changed, const char* tooltip, Write& write, const Value& value) {
    if (tooltip) item_tooltip(tooltip);
    if (changed) write(app.document().begin_edit(ImGui::IsItemActive()), value);
    if (ImGui::IsItemDeactivated()) app.document().end_gesture();
    return changed;
}
}  // namespace detail

template <typename Write>
bool edit_text(App& app, const char* label, const std::string& value, const char* tooltip, Write write) {
    std::string text = value;
    ImGui::BeginDisabled(app.document().read_only());
    keep_label_inside(label);
    bool changed = ImGui::InputText(label, &text);
    a11y::set_value(text);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, text);
}

// Several lines of text (notes): Enter starts a new line; the field is `lines` tall.
template <typename Write>
bool edit_multiline(App& app, const char* label, const std::string& value, int lines, const char* tooltip, Write write) {
    std::string text = value;
    ImGui::BeginDisabled(app.document().read_only());
    keep_label_inside(label);
    bool changed = ImGui::InputTextMultiline(label, &text, ImVec2(0, ImGui::GetTextLineHeight() * lines +
                                                                     ImGui::GetStyle().FramePadding.y * 2));
    a11y::set_value(text);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, text);
}

template <typename Write>
bool edit_number(App& app, const char* label, double value, double min, double max, const char* format,
                 const char* tooltip, Write write) {
    double v = value;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = number_field(label, v, {.min = min, .max = max, .format = format});
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, v);
}

// A share in [0,1], shown and typed as a percentage, with a bar to drag across 0-100%.
template <typename Write>
bool edit_share(App& app, const char* label, double value, const char* tooltip, Write write) {
    double percent = value * 100.0;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = number_field(label, percent, {.min = 0, .max = 100, .format = "%.1f%%", .percent = true, .bar = true});
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, percent / 100.0);
}

template <typename Write>
bool edit_int(App& app, const char* label, int value, int min, int max, const char* tooltip, Write write) {
    double v = value;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = number_field(label, v, {.min = double(min), .max = double(max), .format = "%.0f", .whole = true});
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, static_cast<int>(v));
}

template <typename Write>
bool edit_bool(App& app, const char* label, bool value, const char* tooltip, Write write) {
    bool v = value;
    ImGui::BeginDisabled(app.document().read_only());
    bool changed = checkbox(label, &v);
    ImGui::EndDisabled();
    return detail::commit(app, changed, tooltip, write, v);
}

}  // namespace fiducia::ui
