#include "ui/charts/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "ui/platform/accessibility.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/platform/theme.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui::chart {

// ---- Drawing helpers ----------------------------------------------------------------------------

namespace {

float em() { return ImGui::GetFontSize(); }

// drawn_scales(): this frame's charts.
std::vector<DrawnScale> g_scales;
int g_scales_frame = -1;
void note_scale(const Axis& value) {
    if (g_scales_frame != ImGui::GetFrameCount()) g_scales.clear();
    g_scales_frame = ImGui::GetFrameCount();
    g_scales.push_back({value, {}});
}

double display_scale(Format f) { return f == Format::trust || f == Format::percent ? 100.0 : 1.0; }

ImU32 grid_colour() { return ImGui::GetColorU32(ImGuiCol_Text, 0.10f); }
ImU32 label_colour() { return ImGui::GetColorU32(ImGuiCol_Text, 0.80f); }

void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
    const float dx = b.x - a.x, dy = b.y - a.y, length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0) return;
    const float dash = em() * 0.45f, gap = em() * 0.3f;
    for (float t = 0; t < length; t += dash + gap) {
        const float e = std::min(t + dash, length);
        draw->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                      ImVec2(a.x + dx * e / length, a.y + dy * e / length), colour, thickness);
    }
}

// Tick values of an axis in data units, and the axis widened to them.
std::vector<double> axis_ticks(Axis& axis, int max_ticks) {
    std::vector<double> ticks;
    if (axis.format == Format::months) {
        for (int m : month_ticks(static_cast<int>(std::lround(axis.hi)), max_ticks)) ticks.push_back(m);
        return ticks;
    }
    const double scale = display_scale(axis.format);
    for (double t : nice_ticks(axis.lo * scale, axis.hi * scale, max_ticks)) ticks.push_back(t / scale);
    if (ticks.size() >= 2) {
        axis.lo = ticks.front();
        axis.hi = ticks.back();
    }
    return ticks;
}

std::size_t nearest_index(const std::vector<double>& xs, double x) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < xs.size(); ++i)
        if (std::fabs(xs[i] - x) < std::fabs(xs[best] - x)) best = i;
    return best;
}

}  // namespace

void Range::add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
}

void Range::add(const std::vector<double>& values) {
    for (double v : values) add(v);
}

std::string format_value(double value, const Axis& axis) {
    switch (axis.format) {
        case Format::trust: return format_trust(value);
        case Format::percent: return format_percent(value, axis.decimals > 0 ? axis.decimals : 1);
        case Format::money: return format_money(value, axis.currency);
        case Format::months: return month_label(static_cast<int>(std::lround(value)), axis.start);
        case Format::number: break;
    }
    return format_number(value, axis.decimals);
}

std::string format_tick(double value, const Axis& axis) {
    char buffer[32];
    switch (axis.format) {
        case Format::trust: std::snprintf(buffer, sizeof buffer, "%g", std::round(value * 1000) / 10); return localise_number(buffer);
        case Format::percent: std::snprintf(buffer, sizeof buffer, "%g%%", std::round(value * 1000) / 10); return localise_number(buffer);
        case Format::money: return format_money_short(value, axis.currency);
        case Format::months: return month_label(static_cast<int>(std::lround(value)), axis.start, true);
        case Format::number: break;
    }
    if (std::fabs(value) >= 1000) return format_number(value, 0);
    std::snprintf(buffer, sizeof buffer, "%g", std::round(value * 1000) / 1000);
    return localise_number(buffer);
}

void draw_marker(ImDrawList* draw, ImVec2 at, float r, Marker marker, ImU32 colour) {
    const ImU32 outline = ImGui::GetColorU32(ImGuiCol_WindowBg);
    switch (marker) {
        case Marker::circle:
            draw->AddCircleFilled(at, r + 1.5f, outline);
            draw->AddCircleFilled(at, r, colour);
            break;
        case Marker::square:
            draw->AddRectFilled(ImVec2(at.x - r - 1.5f, at.y - r - 1.5f), ImVec2(at.x + r + 1.5f, at.y + r + 1.5f), outline);
            draw->AddRectFilled(ImVec2(at.x - r * 0.9f, at.y - r * 0.9f), ImVec2(at.x + r * 0.9f, at.y + r * 0.9f), colour);
            break;
        case Marker::diamond: {
            const float o = r * 1.3f + 2;
            draw->AddQuadFilled(ImVec2(at.x, at.y - o), ImVec2(at.x + o, at.y), ImVec2(at.x, at.y + o), ImVec2(at.x - o, at.y), outline);
            const float d = r * 1.3f;
            draw->AddQuadFilled(ImVec2(at.x, at.y - d), ImVec2(at.x + d, at.y), ImVec2(at.x, at.y + d), ImVec2(at.x - d, at.y), colour);
            break;
        }
        case Marker::triangle: {
            const float o = r * 1.3f + 2, d = r * 1.3f;
            draw->AddTriangleFilled(ImVec2(at.x, at.y - o), ImVec2(at.x + o, at.y + o * 0.8f), ImVec2(at.x - o, at.y + o * 0.8f), outline);
            draw->AddTriangleFilled(ImVec2(at.x, at.y - d), ImVec2(at.x + d, at.y + d * 0.8f), ImVec2(at.x - d, at.y + d * 0.8f), colour);
            break;
        }
    }
}

void legend_swatch(ImU32 colour, bool line, bool dashed) {
    const float e = em();
    ImGui::Dummy(ImVec2(e * (line ? 1.2f : 0.8f), e));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (line && dashed) dashed_line(draw, ImVec2(a.x, (a.y + b.y) / 2), ImVec2(b.x, (a.y + b.y) / 2), colour, std::max(2.0f, e * 0.15f));
    else if (line) draw->AddLine(ImVec2(a.x, (a.y + b.y) / 2), ImVec2(b.x, (a.y + b.y) / 2), colour, std::max(2.0f, e * 0.15f));
    else draw->AddRectFilled(ImVec2(a.x, a.y + e * 0.15f), ImVec2(b.x, b.y - e * 0.05f), colour, e * 0.12f);
}

ImU32 axis_colour() { return ImGui::GetColorU32(ImGuiCol_Text, 0.45f); }

// ---- Plot ---------------------------------------------------------------------------------------

void Plot::begin(const char* id, ImVec2 size, const Axis& x, const Axis& y) {
    x_ = x;
    y_ = y;
    series_.clear();
    if (!(x_.hi > x_.lo)) x_.hi = x_.lo + 1;
    if (!(y_.hi > y_.lo)) {
        const double pad = std::max(std::fabs(y_.lo) * 0.1, 0.01);
        y_.lo -= pad;
        y_.hi += pad;
    }
    const float e = em();
    const float width = std::max(size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x, e * 10);
    const float height = std::max(size.y, e * 6);
    frame_min_ = ImGui::GetCursorScreenPos();
    frame_max_ = ImVec2(frame_min_.x + width, frame_min_.y + height);
    ImGui::InvisibleButton(id, ImVec2(width, height));
    hovered_ = ImGui::IsItemHovered();
    note_chart(frame_min_, frame_max_);

    // Y ticks decide the left margin; x ticks need the plot width.
    const float line_h = ImGui::GetTextLineHeight();
    std::vector<double> y_ticks = axis_ticks(y_, std::max(3, static_cast<int>((height - line_h * 2) / (e * 1.7f))));
    float label_w = 0;
    for (double t : y_ticks) label_w = std::max(label_w, ImGui::CalcTextSize(format_tick(t, y_).c_str()).x);
    min_ = ImVec2(frame_min_.x + label_w + e * 0.6f, frame_min_.y + e * 0.6f);
    const std::string widest_x = x_.format == Format::months ? format_tick(x_.hi, x_) : format_tick(x_.hi, x_) + "0";
    const float x_label_w = ImGui::CalcTextSize(widest_x.c_str()).x;
    max_ = ImVec2(frame_max_.x - x_label_w * 0.5f - e * 0.3f, frame_max_.y - line_h - e * 0.5f);
    const int max_x_ticks = std::max(2, static_cast<int>((max_.x - min_.x) / (x_label_w + e * 1.5f)));
    std::vector<double> x_ticks = axis_ticks(x_, max_x_ticks);
    note_scale(y_);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min_, max_, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.25f));
    for (double t : y_ticks) {
        const float py = to_y(t);
        draw->AddLine(ImVec2(min_.x, py), ImVec2(max_.x, py), grid_colour());
        const std::string label = format_tick(t, y_);
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(min_.x - e * 0.3f - s.x, py - s.y * 0.5f), label_colour(), label.c_str());
    }
    for (double t : x_ticks) {
        const float px = to_x(t);
        draw->AddLine(ImVec2(px, min_.y), ImVec2(px, max_.y), grid_colour());
        draw->AddLine(ImVec2(px, max_.y), ImVec2(px, max_.y + e * 0.25f), axis_colour());
        const std::string label = format_tick(t, x_);
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        const float lx = std::clamp(px - s.x * 0.5f, frame_min_.x, frame_max_.x - s.x);
        draw->AddText(ImVec2(lx, max_.y + e * 0.3f), label_colour(), label.c_str());
    }
    draw->AddLine(ImVec2(min_.x, max_.y), ImVec2(max_.x, max_.y), axis_colour());
    draw->AddLine(ImVec2(min_.x, min_.y), ImVec2(min_.x, max_.y), axis_colour());
}

float Plot::to_x(double x) const {
    return min_.x + static_cast<float>((x - x_.lo) / (x_.hi - x_.lo)) * (max_.x - min_.x);
}

float Plot::to_y(double y) const {
    return max_.y - static_cast<float>((y - y_.lo) / (y_.hi - y_.lo)) * (max_.y - min_.y);
}

void Plot::band(const std::string& name, const std::vector<double>& xs, const std::vector<double>& lo,
                const std::vector<double>& hi, ImU32 colour) {
    const std::size_t n = std::min({xs.size(), lo.size(), hi.size()});
    Series s;
    s.name = name;
    s.colour = colour;
    s.kind = 1;
    s.xs.assign(xs.begin(), xs.begin() + static_cast<long>(n));
    s.ys.assign(hi.begin(), hi.begin() + static_cast<long>(n));
    s.lo.assign(lo.begin(), lo.begin() + static_cast<long>(n));
    if (!g_scales.empty()) g_scales.back().bands.push_back(name);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min_, max_, true);
    const ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // no seams between the quads
    for (std::size_t i = 1; i < n; ++i)
        draw->AddQuadFilled(ImVec2(to_x(xs[i - 1]), to_y(lo[i - 1])), ImVec2(to_x(xs[i]), to_y(lo[i])),
                            ImVec2(to_x(xs[i]), to_y(hi[i])), ImVec2(to_x(xs[i - 1]), to_y(hi[i - 1])), colour);
    draw->Flags = flags;
    draw->PopClipRect();
    series_.push_back(std::move(s));
}

void Plot::line(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys, ImU32 colour,
                float thickness, bool dashed) {
    const std::size_t n = std::min(xs.size(), ys.size());
    Series s;
    s.name = name;
    s.colour = colour;
    s.kind = 0;
    s.marker = dashed ? Marker::square : Marker::circle;  // remembers the dash for the legend
    s.xs.assign(xs.begin(), xs.begin() + static_cast<long>(n));
    s.ys.assign(ys.begin(), ys.begin() + static_cast<long>(n));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min_, max_, true);
    const float px = thickness * em() / 16.0f;
    std::vector<ImVec2> points;
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(ys[i])) points.emplace_back(to_x(xs[i]), to_y(ys[i]));
    if (dashed) {
        for (std::size_t i = 1; i < points.size(); ++i) dashed_line(draw, points[i - 1], points[i], colour, px);
    } else if (points.size() >= 2) {
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, px);
    } else if (points.size() == 1) {
        draw->AddCircleFilled(points[0], px * 1.5f, colour);
    }
    draw->PopClipRect();
    series_.push_back(std::move(s));
}

void Plot::points(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys, ImU32 colour,
                  Marker marker, const std::vector<std::string>& tips) {
    const std::size_t n = std::min(xs.size(), ys.size());
    Series s;
    s.name = name;
    s.colour = colour;
    s.kind = 2;
    s.marker = marker;
    s.xs.assign(xs.begin(), xs.begin() + static_cast<long>(n));
    s.ys.assign(ys.begin(), ys.begin() + static_cast<long>(n));
    s.tips = tips;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float e = em();
    draw->PushClipRect(ImVec2(min_.x - e, min_.y - e), ImVec2(max_.x + e, max_.y + e), true);
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(ys[i])) draw_marker(draw, ImVec2(to_x(xs[i]), to_y(ys[i])), e * 0.3f, marker, colour);
    draw->PopClipRect();
    series_.push_back(std::move(s));
}

void Plot::columns(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys,
                   double width, ImU32 colour) {
    const std::size_t n = std::min(xs.size(), ys.size());
    Series s;
    s.name = name;
    s.colour = colour;
    s.kind = 3;
    s.xs.assign(xs.begin(), xs.begin() + static_cast<long>(n));
    s.ys.assign(ys.begin(), ys.begin() + static_cast<long>(n));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min_, max_, true);
    const double base = std::clamp(0.0, y_.lo, y_.hi);
    for (std::size_t i = 0; i < n; ++i) {
        float x0 = to_x(xs[i] - width / 2) + 1, x1 = to_x(xs[i] + width / 2) - 1;
        if (x1 < x0 + 1) x1 = x0 + 1;
        draw->AddRectFilled(ImVec2(x0, std::min(to_y(ys[i]), to_y(base))), ImVec2(x1, std::max(to_y(ys[i]), to_y(base))),
                            colour);
    }
    draw->PopClipRect();
    series_.push_back(std::move(s));
}

void Plot::vline(double x, ImU32 colour, const std::string& label) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float px = to_x(x);
    if (px < min_.x - 1 || px > max_.x + 1) return;
    dashed_line(draw, ImVec2(px, min_.y), ImVec2(px, max_.y), colour, std::max(1.0f, em() * 0.08f));
    if (!label.empty()) {
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        const float lx = px + s.x + em() * 0.3f > max_.x ? px - s.x - em() * 0.3f : px + em() * 0.3f;
        draw->AddText(ImVec2(lx, min_.y + em() * 0.1f), colour, label.c_str());
    }
}

void Plot::end(bool legend) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float e = em();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered_ && mouse.x >= min_.x - e * 0.5f && mouse.x <= max_.x + e * 0.5f && mouse.y >= min_.y - e &&
        mouse.y <= max_.y + e) {
        const double x = x_.lo + (mouse.x - min_.x) / (max_.x - min_.x) * (x_.hi - x_.lo);
        // Snap to the nearest x of the first line (or column) series.
        double snap = x;
        bool have_snap = false;
        for (const Series& s : series_)
            if ((s.kind == 0 || s.kind == 3) && !s.xs.empty()) {
                snap = s.xs[nearest_index(s.xs, x)];
                have_snap = true;
                break;
            }
        // Points under the pointer.
        std::vector<const std::string*> tips;
        std::vector<const Series*> tip_series;
        for (const Series& s : series_)
            if (s.kind == 2)
                for (std::size_t i = 0; i < s.xs.size() && i < s.tips.size(); ++i) {
                    const float dx = to_x(s.xs[i]) - mouse.x, dy = to_y(s.ys[i]) - mouse.y;
                    if (dx * dx + dy * dy < e * e * 0.5f && !s.tips[i].empty()) {
                        tips.push_back(&s.tips[i]);
                        tip_series.push_back(&s);
                    }
                }
        if (have_snap) {
            const float px = to_x(snap);
            draw->AddLine(ImVec2(px, min_.y), ImVec2(px, max_.y), axis_colour(), 1.0f);
        }
        if (have_snap || !tips.empty()) {
            begin_tooltip();
            if (have_snap) {
                ImGui::TextUnformatted(format_value(snap, x_).c_str());
                ImGui::Separator();
                for (const Series& s : series_) {
                    if (s.kind != 0 && s.kind != 3) continue;
                    if (s.xs.empty() || s.name.empty()) continue;
                    const std::size_t i = nearest_index(s.xs, snap);
                    if (std::fabs(s.xs[i] - snap) > 1e-9 * std::max(1.0, std::fabs(snap)) || !std::isfinite(s.ys[i])) continue;
                    draw->AddCircleFilled(ImVec2(to_x(s.xs[i]), to_y(s.ys[i])), e * 0.22f, s.colour);
                    legend_swatch(s.colour, s.kind == 0, s.kind == 0 && s.marker == Marker::square);
                    ImGui::SameLine();
                    std::string text = s.name + ": " + format_value(s.ys[i], y_);
                    for (const Series& b : series_)
                        if (b.kind == 1 && b.name == s.name && !b.xs.empty()) {
                            const std::size_t j = nearest_index(b.xs, snap);
                            text += "  " + trf("(95%% band %s to %s)", format_value(b.lo[j], y_).c_str(),
                                               format_value(b.ys[j], y_).c_str());
                            break;
                        }
                    ImGui::TextUnformatted(text.c_str());
                }
            }
            for (const Series& b : series_) {
                if (!have_snap || b.kind != 1 || b.name.empty() || b.xs.empty()) continue;
                bool has_line = false;
                for (const Series& o : series_) has_line |= o.kind == 0 && o.name == b.name;
                if (has_line) continue;
                const std::size_t j = nearest_index(b.xs, snap);
                legend_swatch(b.colour);
                ImGui::SameLine();
                const std::string text = b.name + ": " + trf("%s to %s", format_value(b.lo[j], y_).c_str(),
                                                             format_value(b.ys[j], y_).c_str());
                ImGui::TextUnformatted(text.c_str());
            }
            for (std::size_t i = 0; i < tips.size(); ++i) {
                if (i == 0 && have_snap) ImGui::Separator();
                const float r = e * 0.3f;
                ImGui::Dummy(ImVec2(e * 0.8f, e));
                const ImVec2 a = ImGui::GetItemRectMin();
                draw_marker(ImGui::GetWindowDrawList(), ImVec2(a.x + e * 0.4f, a.y + e * 0.5f), r, tip_series[i]->marker,
                            tip_series[i]->colour);
                ImGui::SameLine();
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + e * 24);
                ImGui::TextUnformatted(tips[i]->c_str());
                ImGui::PopTextWrapPos();
            }
            end_tooltip();
        }
    }
    if (!legend) return;
    // The legend: one entry per name, flowing over as many lines as it needs.
    std::vector<std::string> seen;
    bool first = true;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (const Series& s : series_) {
        if (s.name.empty() || std::find(seen.begin(), seen.end(), s.name) != seen.end()) continue;
        if (s.kind == 1) {
            bool has_line = false;
            for (const Series& o : series_) has_line |= o.kind == 0 && o.name == s.name;
            if (has_line) continue;
        }
        seen.push_back(s.name);
        const float w = e * 1.6f + ImGui::CalcTextSize(s.name.c_str()).x;
        if (!first) {
            const float last_right = ImGui::GetItemRectMax().x;
            if (last_right + e * 1.2f + w < right) ImGui::SameLine(0, e * 1.2f);
        }
        first = false;
        if (s.kind == 2) {
            ImGui::Dummy(ImVec2(e * 0.8f, e));
            const ImVec2 a = ImGui::GetItemRectMin();
            draw_marker(ImGui::GetWindowDrawList(), ImVec2(a.x + e * 0.4f, a.y + e * 0.55f), e * 0.28f, s.marker, s.colour);
        } else {
            legend_swatch(s.colour, s.kind == 0, s.kind == 0 && s.marker == Marker::square);  // dashed as drawn
        }
        ImGui::SameLine(0, e * 0.35f);
        ImGui::TextUnformatted(s.name.c_str());
    }
    if (!seen.empty()) note_chart(frame_min_, ImVec2(frame_max_.x, ImGui::GetItemRectMax().y + em() * 0.3f));
}

// ---- Horizontal bars ----------------------------------------------------------------------------

void bar_chart(const char* id, const BarChart& chart, float width) {
    const float e = em();
    width = std::max(width > 0 ? width : ImGui::GetContentRegionAvail().x, e * 16);
    const float row_h = e * 1.6f, line_h = ImGui::GetTextLineHeight();
    float label_w = 0, value_w = 0;
    for (const BarRow& r : chart.rows) {
        label_w = std::max(label_w, ImGui::CalcTextSize(r.label.c_str()).x);
        value_w = std::max(value_w, ImGui::CalcTextSize(r.value_text.c_str()).x);
    }
    label_w = std::min(label_w, width * 0.38f);
    const float height = row_h * static_cast<float>(std::max<std::size_t>(chart.rows.size(), 1)) + line_h + e * 0.8f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    note_chart(origin, ImVec2(origin.x + width, origin.y + height));

    Axis axis = chart.x;
    if (!(axis.hi > axis.lo)) axis.hi = axis.lo + 0.01;
    const float x0 = origin.x + label_w + e * 0.6f, x1 = origin.x + width - value_w - e * 0.6f;
    std::vector<double> ticks = axis_ticks(axis, std::max(2, static_cast<int>((x1 - x0) / (e * 4.5f))));
    auto to_x = [&](double v) { return x0 + static_cast<float>((v - axis.lo) / (axis.hi - axis.lo)) * (x1 - x0); };
    note_scale(axis);
    const float bottom = origin.y + row_h * static_cast<float>(chart.rows.size());

    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (double t : ticks) {
        const float px = to_x(t);
        draw->AddLine(ImVec2(px, origin.y), ImVec2(px, bottom), grid_colour());
        const std::string label = format_tick(t, axis);
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(std::clamp(px - s.x / 2, origin.x, origin.x + width - s.x), bottom + e * 0.3f), label_colour(),
                      label.c_str());
    }
    draw->AddLine(ImVec2(x0, bottom), ImVec2(x1, bottom), axis_colour());
    if (chart.has_reference) {
        const float px = to_x(chart.reference);
        draw->AddLine(ImVec2(px, origin.y), ImVec2(px, bottom), ImGui::GetColorU32(ImGuiCol_Text, 0.7f), std::max(1.0f, e * 0.1f));
    }
    int hovered_row = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && mouse.y < bottom) hovered_row = static_cast<int>((mouse.y - origin.y) / row_h);
    for (std::size_t i = 0; i < chart.rows.size(); ++i) {
        const BarRow& r = chart.rows[i];
        const float y0 = origin.y + row_h * static_cast<float>(i), ym = y0 + row_h / 2;
        if (static_cast<int>(i) == hovered_row)
            draw->AddRectFilled(ImVec2(origin.x, y0), ImVec2(origin.x + width, y0 + row_h), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.6f));
        if (r.strong && i > 0) draw->AddLine(ImVec2(origin.x, y0), ImVec2(origin.x + width, y0), axis_colour());
        const std::string label = fit_text(r.label, label_w);
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(x0 - e * 0.6f - s.x, ym - s.y / 2), r.strong ? ImGui::GetColorU32(ImGuiCol_Text) : label_colour(),
                      label.c_str());
        for (const Bar& b : r.bars) {
            float a = std::clamp(to_x(std::min(b.from, b.to)), x0, x1), z = std::clamp(to_x(std::max(b.from, b.to)), x0, x1);
            if (z - a < 2) z = a + 2;
            draw->AddRectFilled(ImVec2(a, ym - row_h * 0.32f), ImVec2(z, ym + row_h * 0.32f), b.colour, e * 0.1f);
        }
        if (chart.connect && !r.bars.empty() && i + 1 < chart.rows.size()) {
            const float px = to_x(r.bars.back().to);
            draw->AddLine(ImVec2(px, ym + row_h * 0.32f), ImVec2(px, y0 + row_h * 1.18f), axis_colour());
        }
        draw->AddText(ImVec2(x1 + e * 0.5f, ym - s.y / 2), label_colour(), r.value_text.c_str());
    }
    if (hovered_row >= 0 && hovered_row < static_cast<int>(chart.rows.size())) {
        const BarRow& r = chart.rows[static_cast<std::size_t>(hovered_row)];
        begin_tooltip();
        ImGui::TextUnformatted(r.label.c_str());
        if (!r.tooltip.empty()) {
            ImGui::Separator();
            ImGui::TextUnformatted(r.tooltip.c_str());
        }
        end_tooltip();
    }
}

// ---- Heatmap ------------------------------------------------------------------------------------

void heatmap(const char* id, const Heatmap& map, float width) {
    const float e = em();
    // The width asked for, or all there is when the panel is narrower (a phone).
    width = std::max(width > 0 ? std::min(width, ImGui::GetContentRegionAvail().x) : ImGui::GetContentRegionAvail().x, e * 14);
    const std::size_t rows = map.rows.size(), cols = std::max<std::size_t>(map.columns.size(), 1);
    float label_w = 0;
    for (const std::string& r : map.rows) label_w = std::max(label_w, ImGui::CalcTextSize(r.c_str()).x);
    label_w = std::min(label_w, width * 0.36f) + e * 0.6f;
    const float line_h = ImGui::GetTextLineHeight(), header_h = line_h + e * 0.4f, cell_h = e * 1.8f;
    const float cell_w = (width - label_w) / static_cast<float>(cols);
    const float scale_h = e * 2.4f;
    const float height = header_h + cell_h * static_cast<float>(rows) + scale_h;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const double span = map.hi > map.lo ? map.hi - map.lo : 1;

    // Column names: smaller type when a name does not fit its cell, cut only if still too wide.
    float header_scale = 1.0f;
    for (const std::string& c : map.columns)
        while (header_scale > 0.8f && ImGui::CalcTextSize(c.c_str()).x * header_scale > cell_w - e * 0.3f) header_scale -= 0.05f;
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
        const std::string label = fit_text(map.columns[c], (cell_w - e * 0.2f) / header_scale);
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * header_scale,
                      ImVec2(origin.x + label_w + cell_w * (static_cast<float>(c) + 0.5f) - s.x * header_scale / 2,
                             origin.y + s.y * (1 - header_scale)),
                      label_colour(), label.c_str());
    }
    int hover_r = -1, hover_c = -1;
    for (std::size_t r = 0; r < rows; ++r) {
        const float y0 = origin.y + header_h + cell_h * static_cast<float>(r);
        const std::string label = fit_text(map.rows[r], label_w - e * 0.6f);
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(origin.x + label_w - e * 0.6f - s.x, y0 + (cell_h - s.y) / 2), label_colour(), label.c_str());
        for (std::size_t c = 0; c < map.columns.size(); ++c) {
            const std::size_t k = r * map.columns.size() + c;
            const double v = k < map.values.size() ? map.values[k] : std::nan("");
            const ImVec2 a(origin.x + label_w + cell_w * static_cast<float>(c) + 1, y0 + 1);
            const ImVec2 b(a.x + cell_w - 2, a.y + cell_h - 2);
            if (!std::isfinite(v)) {
                draw->AddRect(a, b, grid_colour());
                const char* dash = "-";
                const ImVec2 ds = ImGui::CalcTextSize(dash);
                draw->AddText(ImVec2((a.x + b.x - ds.x) / 2, (a.y + b.y - ds.y) / 2), label_colour(), dash);
            } else {
                const ImU32 fill = diverging((v - map.lo) / span);
                draw->AddRectFilled(a, b, fill, e * 0.15f);
                const std::string text = format_value(v, Axis{0, 1, map.format});
                const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
                draw->AddText(ImVec2((a.x + b.x - ts.x) / 2, (a.y + b.y - ts.y) / 2), text_on(fill), text.c_str());
            }
            if (hovered && mouse.x >= a.x - 1 && mouse.x < b.x + 1 && mouse.y >= a.y - 1 && mouse.y < b.y + 1) {
                hover_r = static_cast<int>(r);
                hover_c = static_cast<int>(c);
                draw->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Text), e * 0.15f, 0, 2.0f);
            }
        }
    }
    // The colour scale under the grid.
    const float sy = origin.y + header_h + cell_h * static_cast<float>(rows) + e * 0.5f;
    const float sx0 = origin.x + label_w, sx1 = origin.x + width;
    const int steps = 40;
    for (int i = 0; i < steps; ++i) {
        const float a = sx0 + (sx1 - sx0) * static_cast<float>(i) / steps, b = sx0 + (sx1 - sx0) * static_cast<float>(i + 1) / steps;
        draw->AddRectFilled(ImVec2(a, sy), ImVec2(b + 0.5f, sy + e * 0.4f), diverging((i + 0.5) / steps));
    }
    for (double t : {0.0, 0.5, 1.0}) {
        const std::string label = format_tick(map.lo + t * span, Axis{0, 1, map.format});
        const ImVec2 s = ImGui::CalcTextSize(label.c_str());
        const float px = std::clamp(sx0 + (sx1 - sx0) * static_cast<float>(t) - s.x / 2, sx0, sx1 - s.x);
        draw->AddText(ImVec2(px, sy + e * 0.5f), label_colour(), label.c_str());
    }
    const char* caption = tr("Colour scale");
    const ImVec2 cs = ImGui::CalcTextSize(caption);
    if (cs.x < label_w - e * 0.6f) draw->AddText(ImVec2(sx0 - cs.x - e * 0.6f, sy - e * 0.3f), label_colour(), caption);

    if (hover_r >= 0) {
        const std::size_t k = static_cast<std::size_t>(hover_r) * map.columns.size() + static_cast<std::size_t>(hover_c);
        begin_tooltip();
        if (k < map.tooltips.size() && !map.tooltips[k].empty()) ImGui::TextUnformatted(map.tooltips[k].c_str());
        else ImGui::Text("%s, %s", map.rows[static_cast<std::size_t>(hover_r)].c_str(), map.columns[static_cast<std::size_t>(hover_c)].c_str());
        end_tooltip();
    } else if (hovered && mouse.y < origin.y + header_h) {
        const int c = static_cast<int>((mouse.x - origin.x - label_w) / cell_w);
        if (c >= 0 && c < static_cast<int>(map.column_tips.size()) && !map.column_tips[static_cast<std::size_t>(c)].empty()) {
            begin_tooltip();
            ImGui::TextUnformatted(map.column_tips[static_cast<std::size_t>(c)].c_str());
            end_tooltip();
        }
    }
}

// ---- Range bar ----------------------------------------------------------------------------------

void range_bar(const char* id, double value, double lo, double hi, double before, float width) {
    const float e = em();
    width = std::max(width, e * 3);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, ImGui::GetTextLineHeight()));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float ym = origin.y + ImGui::GetTextLineHeight() / 2;
    auto to_x = [&](double v) { return origin.x + static_cast<float>(std::clamp(v, 0.0, 1.0)) * width; };
    draw->AddLine(ImVec2(origin.x, ym), ImVec2(origin.x + width, ym), grid_colour(), 2);
    for (double t : {0.0, 0.5, 1.0})
        draw->AddLine(ImVec2(to_x(t), ym - e * 0.25f), ImVec2(to_x(t), ym + e * 0.25f), grid_colour());
    const ImU32 colour = series_colour(0);
    draw->AddRectFilled(ImVec2(to_x(lo), ym - e * 0.22f), ImVec2(std::max(to_x(hi), to_x(lo) + 2), ym + e * 0.22f),
                        with_alpha(colour, 0.3f), e * 0.1f);
    if (before >= 0) draw->AddCircle(ImVec2(to_x(before), ym), e * 0.22f, axis_colour(), 0, 1.5f);
    draw->AddCircleFilled(ImVec2(to_x(value), ym), e * 0.24f, colour);
}

// ---- Panel furniture ----------------------------------------------------------------------------

void heading(const char* text) {
    ImGui::PushFont(heading_font());
    ImGui::PushTextWrapPos(0);  // a long plan title takes a second line on a phone
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    a11y::add_text(a11y::Role::heading, text);
}

void subheading(const char* text, const char* tooltip) {
    ImGui::Spacing();
    ImGui::SeparatorText(text);
    a11y::add_text(a11y::Role::heading, text);
    if (tooltip && ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) {
        begin_tooltip();
        ImGui::TextUnformatted(tooltip);
        end_tooltip();
    }
}

void key_figure(const char* label, const std::string& value, const std::string& detail, ImU32 detail_colour,
                const char* tooltip) {
    ImGui::BeginGroup();
    // Wrapped to the column: a longer language's label or detail takes a second line, never clips.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(ImGui::GetContentRegionAvail().x, em() * 6));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", label);
    ImGui::PopStyleColor();
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    if (!detail.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, detail_colour);
        ImGui::TextWrapped("%s", detail.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    a11y::add_text(a11y::Role::text, std::string(label) + ": " + value + (detail.empty() ? "" : " (" + detail + ")"));
    if (tooltip && ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) {
        begin_tooltip();
        ImGui::TextUnformatted(tooltip);
        end_tooltip();
    }
}

// ---- The chart on screen, for "Current chart as PNG" ------------------------------------------

namespace {
DrawnChart g_current_chart;
}

void note_chart(ImVec2 min, ImVec2 max) {
    // Only the part its window shows (a chart scrolled half out of view is cut there).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
    min = ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    max = ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (!(max.x > min.x && max.y > min.y)) return;
    const float area = (max.x - min.x) * (max.y - min.y);
    const DrawnChart& c = g_current_chart;
    const bool same_chart = c.frame == ImGui::GetFrameCount() && c.min.x == min.x && c.min.y == min.y;
    const bool larger = (c.max.x - c.min.x) * (c.max.y - c.min.y) < area;
    if (c.frame != ImGui::GetFrameCount() || same_chart || larger) g_current_chart = {min, max, ImGui::GetFrameCount()};
}

const std::vector<DrawnScale>& drawn_scales() {
    static const std::vector<DrawnScale> none;
    return g_scales_frame == ImGui::GetFrameCount() ? g_scales : none;
}

std::optional<DrawnChart> current_chart() {
    if (g_current_chart.frame != ImGui::GetFrameCount()) return std::nullopt;
    return g_current_chart;
}

}  // namespace fiducia::ui::chart
