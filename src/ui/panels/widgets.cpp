#include "ui/panels/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>

#include "ui/platform/accessibility.hpp"
#include "ui/platform/locator.hpp"

namespace fiducia::ui {

void begin_tooltip() {
    ImGui::BeginTooltip();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float screen = ImGui::GetMainViewport()->WorkSize.x - 2 * (style.WindowPadding.x + style.DisplaySafeAreaPadding.x);
    ImGui::PushTextWrapPos(std::max(ImGui::GetFontSize() * 6, std::min(ImGui::GetFontSize() * 28, screen)));
}

void end_tooltip() {
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void set_tooltip(const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    begin_tooltip();
    ImGui::TextV(format, args);
    end_tooltip();
    va_end(args);
}

void item_tooltip(const char* text) {
    if (text) a11y::set_description(text);  // read out with the field, as its tooltip is shown on hover
    if (!text || !ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip | ImGuiHoveredFlags_AllowWhenDisabled)) return;
    begin_tooltip();
    ImGui::TextUnformatted(text);
    end_tooltip();
}

void help_marker(const char* text) {
    if (text) a11y::describe(ImGui::GetItemID(), text);  // the item it explains
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    item_tooltip(text);
}

void keep_label_inside(const char* label) {
    const float beside = label_beside(label);
    if (beside > ImGui::GetStyle().ItemInnerSpacing.x)  // a visible label: the item's width less what it needs
        fit_next_item_width(ImGui::CalcItemWidth() / ImGui::GetFontSize(), beside);
}

bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags) {
    keep_label_inside(label);
    const ImGuiID id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, preview, flags);
    locator_name_item(id, label);
    return open;
}

std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    // A subset font may lack U+2026, and a missing glyph draws nothing: then three dots.
    const ImFont* font = ImGui::GetFont();
    const char* ellipsis = font && font->FindGlyphNoFallback(0x2026) ? "\xE2\x80\xA6" : "...";
    std::string cut = text;
    while (!cut.empty()) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();  // whole UTF-8
        if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80)) cut.pop_back();
        if (ImGui::CalcTextSize((cut + ellipsis).c_str()).x <= width) break;
    }
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();  // "group ..." reads as a word left out
    return cut + ellipsis;
}

void cut_label_tooltip(const std::string& shown, const std::string& full) {
    if (shown == full) return;
    a11y::set_name(full);
    item_tooltip(full.c_str());
}

void cell_text(const std::string& text) {
    const std::string shown = fit_text(text, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(shown.c_str());
    cut_label_tooltip(shown, text);
}

void field_error(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.12f, 1));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void quiet_note(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void bullet_text(const std::string& text, float wrap_pos) {
    ImGui::Bullet();
    ImGui::PushTextWrapPos(wrap_pos);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

void same_line_if_fits(float width, float right) {
    if (right < 0) right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;  // the cursor is at the line's start
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
}

void fit_next_item_width(float most_em, float beside) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::max(em * 4, std::min(em * most_em, ImGui::GetContentRegionAvail().x - beside)));
}

float label_beside(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemInnerSpacing.x;
}

void next_in_row(float width_em) {
    const float width = ImGui::GetFontSize() * width_em;
    same_line_if_fits(width);
    ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
}

TableBox table_box(ImGuiTableFlags flags, float width_em, std::size_t rows, std::size_t max_rows) {
    TableBox t;
    t.flags = flags;
    const float table_width = ImGui::GetFontSize() * width_em;
    const bool tall = max_rows > 0 && rows > max_rows, sideways = ImGui::GetContentRegionAvail().x < table_width;
    if (!tall && !sideways) return t;
    const float row = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    const float shown = tall ? static_cast<float>(max_rows) + 1.5f : static_cast<float>(rows) + 1;  // + the header (and half a row: more below)
    t.outer.y = row * shown + (sideways ? ImGui::GetStyle().ScrollbarSize : 0) + 2;
    if (tall) t.flags |= ImGuiTableFlags_ScrollY;
    if (sideways) {
        t.flags |= ImGuiTableFlags_ScrollX;
        t.inner_width = table_width;
    }
    return t;
}

bool checkbox(const char* label, bool* value) {
    const std::string full = a11y::visible_label(label);
    const float room = ImGui::GetContentRegionAvail().x - checkbox_width("");
    if (ImGui::CalcTextSize(full.c_str()).x <= room) return ImGui::Checkbox(label, value);
    const std::string shown = fit_text(full, std::max(room, ImGui::GetFontSize() * 3));
    const bool changed = ImGui::Checkbox((shown + "###" + label).c_str(), value);
    locator_name_item(ImGui::GetItemID(), full.c_str());
    cut_label_tooltip(shown, full);
    return changed;
}

float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

ImVec2 button_size(const char* label, ImVec2 min) {
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    return ImVec2(std::max(min.x, text.x + pad.x * 2), std::max(min.y, text.y + pad.y * 2));
}

// ---- the number field ----------------------------------------------------------------------------

namespace {

// Digits after the decimal mark in a printf format: "%.3f" 3, "%.0f" and "%d" 0, "%f" 6.
int format_decimals(const char* format) {
    for (const char* p = format; *p; ++p) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            ++p;
            continue;
        }
        for (++p; *p && std::strchr("-+ #0123456789", *p); ++p) {}
        if (*p == '.') {
            int digits = 0;
            for (++p; *p >= '0' && *p <= '9'; ++p) digits = digits * 10 + (*p - '0');
            return std::min(digits, 9);
        }
        return *p == 'd' || *p == 'i' ? 0 : 6;
    }
    return 2;
}

struct Typing {
    ImGuiContext* context = nullptr;  // ids mean nothing in another context (each panel test makes one)
    ImGuiID id = 0;
    char text[64] = "";
    std::string initial;  // the text when typing began: text left as it was (or restored by Esc) applies nothing
};
Typing g_typing;  // the field being typed into (one at a time)
Typing g_left;    // a field another took the keyboard from before it was drawn again: it applies its text then

struct Drag {
    ImGuiID id = 0;  // the label, box or bar being dragged
    double start = 0;
    double hi = 0;     // the top and the speed as the drag began: a bar's end may follow the value (weights)
    double speed = 0;
};
Drag g_drag;

struct Note {
    ImGuiID id = 0;
    std::string text;
    double until = 0;
};
Note g_note;  // what the last typed value became, under its field for a few seconds
constexpr double kNoteSeconds = 8;

void say(ImGuiID id, std::string text) { g_note = {id, std::move(text), ImGui::GetTime() + kNoteSeconds}; }

std::string shown_text(double value, const NumberFormat& f, bool own_text = true) {
    if (f.shown && own_text) return f.shown;
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, f.format, value);
    return localise_number(buffer);
}

// A range end as the note writes it: "1", "0.01", "100%".
std::string end_text(double x, const NumberFormat& f) {
    std::string text = number_text(x, f.whole ? 0 : format_decimals(f.format));
    const char mark = number_style().decimal;
    if (text.find(mark) != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == mark) text.pop_back();
    }
    return f.percent ? text + "%" : text;
}

// The typed text into `value`: true when it changed. Text that is no number leaves the value; a value
// out of range is kept within it; the note under the field says which.
bool apply_typed(ImGuiID id, const Typing& typing, double& value, const NumberFormat& f) {
    if (typing.initial == typing.text) return false;
    const std::optional<double> typed = parse_number(typing.text, f.percent);
    if (!typed) {
        const std::string example = f.percent ? number_text(12.5, 1) + "%" : number_text(1234.5, f.whole ? 0 : 1);
        say(id, trf("\"%s\" is not a number here; write it like %s. The value is unchanged.", typing.text, example.c_str()));
        return false;
    }
    double v = *typed;
    if (g_note.id == id) g_note.id = 0;
    if (f.whole && v != std::round(v)) {
        v = std::round(v);
        say(id, trf("Whole numbers only: rounded to %s.", number_text(v, 0).c_str()));
    }
    if (f.min <= f.max && (v < f.min || v > f.max)) {
        v = std::clamp(v, f.min, f.max);
        say(id, trf("Kept within %s to %s.", end_text(f.min, f).c_str(), end_text(f.max, f).c_str()));
    }
    if (v == value) return false;
    value = v;
    return true;
}

// Follows the mouse while `item` is held: the value at the press plus the distance dragged times
// `speed`, at the format's precision, within [min, hi]. True when the value changed.
bool follow_drag(ImGuiID item, bool held, double speed, double hi, double& value, const NumberFormat& f) {
    if (!held) {
        if (g_drag.id == item) g_drag.id = 0;
        return false;
    }
    if (g_drag.id != item) g_drag = {item, value, hi, speed};
    const ImGuiIO& io = ImGui::GetIO();
    const double scale = std::pow(10.0, f.whole ? 0 : format_decimals(f.format));
    double v = g_drag.start + static_cast<double>(io.MousePos.x - io.MouseClickedPos[0].x) * g_drag.speed;
    v = std::round(v * scale) / scale;
    if (f.min <= g_drag.hi) v = std::clamp(v, f.min, g_drag.hi);
    if (v == value) return false;
    value = v;
    return true;
}

// The layout of the line: InputText's own ItemSize covers the box only; the whole field's stays.
struct LineLayout {
    ImVec2 pos, prev_line, max_pos, line_size, prev_line_size;
    float base_offset, prev_base_offset;
    bool same_line;
    explicit LineLayout(const ImGuiWindowTempData& dc)
        : pos(dc.CursorPos), prev_line(dc.CursorPosPrevLine), max_pos(dc.CursorMaxPos), line_size(dc.CurrLineSize),
          prev_line_size(dc.PrevLineSize), base_offset(dc.CurrLineTextBaseOffset),
          prev_base_offset(dc.PrevLineTextBaseOffset), same_line(dc.IsSameLine) {}
    void restore(ImGuiWindowTempData& dc) const {
        dc.CursorPos = pos;
        dc.CursorPosPrevLine = prev_line;
        dc.CursorMaxPos = ImMax(dc.CursorMaxPos, max_pos);
        dc.CurrLineSize = line_size;
        dc.PrevLineSize = prev_line_size;
        dc.CurrLineTextBaseOffset = base_offset;
        dc.PrevLineTextBaseOffset = prev_base_offset;
        dc.IsSameLine = same_line;
    }
};

void draw_bar(const ImRect& bar, double value, double lo, double hi, const char* text, bool hot) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::RenderFrame(bar.Min, bar.Max, ImGui::GetColorU32(hot ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), true,
                       style.FrameRounding);
    const float t = static_cast<float>(std::clamp((value - lo) / (hi - lo), 0.0, 1.0));
    const float x = bar.Min.x + (bar.GetWidth() - 2) * t;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bar.Min, ImVec2(x + 2, bar.Max.y), ImGui::GetColorU32(ImGuiCol_SliderGrab, 0.35f), style.FrameRounding);
    draw->AddRectFilled(ImVec2(x, bar.Min.y), ImVec2(x + 2, bar.Max.y),
                        ImGui::GetColorU32(hot ? ImGuiCol_SliderGrabActive : ImGuiCol_SliderGrab));
    if (text) ImGui::RenderTextClipped(bar.Min, bar.Max, text, nullptr, nullptr, ImVec2(0.5f, 0.5f));
}

}  // namespace

bool number_field(const char* label, double& value, const NumberFormat& f) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiContext& g = *GImGui;
    const ImGuiStyle& style = g.Style;
    ImGui::BeginGroup();
    ImGui::PushID(label);  // ids from the label ("###id" kept), as ImGui's own widgets take them
    const ImGuiID id = window->GetID("##field");
    const ImGuiID label_id = window->GetID("##label");
    const ImGuiID bar_id = window->GetID("##bar");
    bool changed = false;

    // Typing ended elsewhere (a click on an item drawn before this one, Tab to another field): apply it.
    if (g_typing.context != &g) {
        g_typing = g_left = Typing{};
        g_typing.context = &g;
        g_note = {};
        g_drag = {};
    }
    if (g_left.id == id) {
        changed |= apply_typed(id, g_left, value, f);
        g_left.id = 0;
    }
    if (g_typing.id == id && !ImGui::TempInputIsActive(id)) {
        changed |= apply_typed(id, g_typing, value, f);
        g_typing.id = 0;
    }

    const float em = g.FontSize;
    const float room = ImGui::GetContentRegionAvail().x;  // to the panel's (or the cell's) right edge
    const float w = std::min(ImGui::CalcItemWidth(), std::max(room, em * 4));  // a set width never runs off the edge
    const float h = em + style.FramePadding.y * 2;
    const float gap = style.ItemInnerSpacing.x;
    const ImVec2 label_size = ImGui::CalcTextSize(label, nullptr, true);
    const double bar_hi = f.bar_max > f.min ? f.bar_max : f.max;
    float box_w = w, bar_w = 0;
    if (f.bar && bar_hi > f.min) {
        // Wide enough for the value at either end ("4,1 su 5", "4.1 星（满分 5）"), so dragging never moves the bar.
        float fit = ImGui::CalcTextSize(shown_text(value, f).c_str()).x;
        for (double end : {f.min, bar_hi}) fit = std::max(fit, ImGui::CalcTextSize(shown_text(end, f, false).c_str()).x);
        box_w = std::max(std::clamp(w * 0.4f, em * 4, em * 8), fit + style.FramePadding.x * 2 + 1);
        bar_w = w - box_w - gap;
        if (bar_w < em * 3) box_w = w, bar_w = 0;  // too narrow for a bar: the box alone
    }
    const ImVec2 pos = window->DC.CursorPos;
    // No room for the label beside the field (a phone, a narrow column): it goes above, as on a
    // phone's form, rather than running off the edge.
    const bool above = label_size.x > 0 && w + gap + label_size.x > room + 0.5f;
    const float top = above ? pos.y + label_size.y + style.ItemInnerSpacing.y : pos.y;  // the field's
    const ImRect box(ImVec2(pos.x, top), ImVec2(pos.x + box_w, top + h));
    const ImRect bar(ImVec2(box.Max.x + gap, top), ImVec2(box.Max.x + gap + bar_w, top + h));
    const float right = bar_w > 0 ? bar.Max.x : box.Max.x;
    const ImRect label_bb = above ? ImRect(pos, ImVec2(pos.x + label_size.x, pos.y + label_size.y))
                                  : ImRect(ImVec2(right + gap, pos.y), ImVec2(right + gap + label_size.x, pos.y + h));
    ImGui::ItemSize(ImRect(pos, ImVec2(std::max(right, label_size.x > 0 ? label_bb.Max.x : right), top + h)),
                    above ? 0.0f : style.FramePadding.y);
    const double range = f.max - f.min;
    const double speed = f.speed > 0 ? f.speed
                         : f.whole   ? 0.2
                         : range > 0 && range < 1e9 ? range / 500.0
                         : (value > 1 ? value / 200.0 : 0.01);  // the drag fields' speed, kept

    // The label: drag it sideways to change the value; a click on it types, as a form's label does.
    bool type_now = false;
    if (label_size.x > 0 && ImGui::ItemAdd(label_bb, label_id, nullptr, ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNav)) {
        bool hovered = false, held = false;
        const bool released = ImGui::ButtonBehavior(label_bb, label_id, &hovered, &held, ImGuiButtonFlags_NoNavFocus);
        const bool dragged = g.IO.MouseDragMaxDistanceSqr[0] > g.IO.MouseDragThreshold * g.IO.MouseDragThreshold;
        changed |= follow_drag(label_id, held && dragged, speed, f.max, value, f);
        type_now = released && !dragged;
        if (hovered || held) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        ImGui::RenderText(ImVec2(label_bb.Min.x, above ? pos.y : pos.y + style.FramePadding.y), label);
    }

    // The box: a click selects the value for typing; with Alt held a drag changes it.
    if (ImGui::ItemAdd(box, id, &box, ImGuiItemFlags_Inputable)) {
        const bool hovered = ImGui::ItemHoverable(box, id, g.LastItemData.InFlags);
        bool typing = ImGui::TempInputIsActive(id);
        if (!typing) {
            const bool clicked = hovered && ImGui::IsMouseClicked(0, id);
            if (clicked && g.IO.KeyAlt) {
                ImGui::SetActiveID(id, window);
                ImGui::SetFocusID(id, window);
                ImGui::FocusWindow(window);
            } else if (clicked || type_now || g.NavActivateId == id) {
                typing = true;
                if (type_now) {  // as ImGui's drag fields turn a click into typing: InputText takes it
                    g.NavActivateId = id;
                    g.NavActivateFlags = ImGuiActivateFlags_PreferInput;
                }
                if (g_typing.id != 0 && g_typing.id != id) g_left = g_typing;
                g_typing.id = id;
                ImStrncpy(g_typing.text, number_text(value, f.whole ? 0 : format_decimals(f.format)).c_str(),
                          sizeof g_typing.text);
                g_typing.initial = g_typing.text;
                if (g_note.id == id) g_note.id = 0;
            }
        }
        if (typing) {
            const LineLayout layout(window->DC);
            ImGui::TempInputText(box, id, "##field", g_typing.text, sizeof g_typing.text,
                                 ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_EnterReturnsTrue);
            layout.restore(window->DC);
            if (g.ActiveId != id) {  // Enter, Esc, Tab or a click elsewhere
                changed |= apply_typed(id, g_typing, value, f);
                g_typing.id = 0;
            }
        } else {
            const bool dragging = g.ActiveId == id && g.IO.MouseDown[0];
            if (g.ActiveId == id && !dragging) ImGui::ClearActiveID();
            changed |= follow_drag(id, dragging, speed, f.max, value, f);
            ImGui::RenderNavHighlight(box, id);
            ImGui::RenderFrame(box.Min, box.Max,
                               ImGui::GetColorU32(dragging ? ImGuiCol_FrameBgActive
                                                  : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                               true, style.FrameRounding);
            const std::string text = shown_text(value, f);
            const ImVec2 pad = style.FramePadding;
            ImGui::RenderTextClipped(ImVec2(box.Min.x + pad.x, box.Min.y + pad.y), ImVec2(box.Max.x - pad.x, box.Max.y - pad.y),
                                     text.c_str(), nullptr, nullptr, ImVec2(0, 0.5f));
            if (hovered || dragging)
                ImGui::SetMouseCursor(g.IO.KeyAlt || dragging ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_TextInput);
        }
        IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Inputable);
        a11y::set_value(shown_text(value, f));  // read out as shown, grouped in the UI's language
    }

    // The bar: dragging moves the value across the range; a click alone leaves it.
    if (bar_w > 0 && ImGui::ItemAdd(bar, bar_id, nullptr, ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNav)) {
        bool hovered = false, held = false;
        ImGui::ButtonBehavior(bar, bar_id, &hovered, &held, ImGuiButtonFlags_NoNavFocus);
        changed |= follow_drag(bar_id, held, (bar_hi - f.min) / bar_w, std::max(bar_hi, value), value, f);
        if (hovered || held) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        draw_bar(bar, value, f.min, bar_hi, f.bar_text, hovered || held);
    }

    // The note: what became of the last typed text.
    if (g_note.id == id && ImGui::GetTime() > g_note.until) g_note.id = 0;
    if (g_note.id == id) {
        const ImVec2 at = window->DC.CursorPos;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.42f, 0.02f, 1));
        ImGui::PushTextWrapPos(at.x - window->Pos.x + ImMax(label_bb.Max.x - pos.x, em * 16));
        ImGui::TextUnformatted(g_note.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        const ImGuiID note_id = window->GetID("##note");  // so tests and window.fiducia.locate find it
        if (ImGui::ItemAdd(ImRect(at, ImGui::GetItemRectMax()), note_id, nullptr, ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop)) {
            IMGUI_TEST_ENGINE_ITEM_INFO(note_id, g_note.text.c_str(), 0);
            a11y::set_role(a11y::Role::text);  // a message, not a control
        }
    }
    ImGui::PopID();
    ImGui::EndGroup();
    return changed;
}

bool progress_and_cancel(double progress, const char* cancel_tooltip) {
    fit_next_item_width(16, button_size(tr("Cancel"), ImVec2(0, 0)).x + ImGui::GetStyle().ItemSpacing.x);
    ImGui::ProgressBar(static_cast<float>(progress), ImVec2(0, 0));
    a11y::add_text(a11y::Role::text, trf("%d%% done", static_cast<int>(progress * 100)));
    ImGui::SameLine();
    const bool pressed = ImGui::Button(tr("Cancel"));
    item_tooltip(cancel_tooltip);
    return pressed;
}

}  // namespace fiducia::ui
