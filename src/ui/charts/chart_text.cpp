// The chart module's words, numbers and colours (declared in chart.hpp): tick steps, number and
// money formats, entity and dimension labels, series colours, trends. No drawing here.
#include "ui/charts/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "core/references.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/platform/theme.hpp"

namespace fiducia::ui::chart {

// ---- Pure helpers -------------------------------------------------------------------------------

double nice_step(double span, int max_ticks) {
    max_ticks = std::max(max_ticks, 2);
    if (!(span > 0) || !std::isfinite(span)) return 1;
    double power = std::pow(10.0, std::floor(std::log10(span / max_ticks)) - 1);
    static const double kMultipliers[] = {1, 2, 5};
    for (int decade = 0; decade < 6; ++decade, power *= 10)
        for (double m : kMultipliers) {
            const double step = m * power;
            // Ticks from floor(lo/step) to ceil(hi/step) span at most span/step + 2 steps.
            if (std::ceil(span / step - 1e-9) + 1 <= max_ticks) return step;
        }
    return power;
}

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return {};
    if (!(hi > lo)) return {lo};
    max_ticks = std::max(max_ticks, 3);  // a range across zero needs three (-1, 0, 1 steps)
    double step = nice_step(hi - lo, max_ticks);
    // The span fits, but lo and hi may straddle tick boundaries: grow the step until they fit.
    for (int guard = 0; guard < 8; ++guard) {
        const double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
        if (last - first + 1 <= max_ticks) {
            std::vector<double> ticks;
            for (double k = first; k <= last + 0.5; k += 1) {
                double t = k * step;
                if (std::fabs(t) < step * 1e-9) t = 0;
                ticks.push_back(t);
            }
            return ticks;
        }
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
        step *= mantissa < 1.5 ? 2 : (mantissa < 3 ? 2.5 : 2);  // 1 -> 2 -> 5 -> 10
    }
    return {lo, hi};
}

std::string month_label(int month, const std::string& start, bool short_form) {
    const long total = presentation::calendar_month(month, start);
    if (total < 0) return short_form ? std::to_string(month) : trf("Month %d", month);
    return month_year(static_cast<int>(total / 12), static_cast<int>(total % 12) + 1);
}

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "-";
    decimals = std::clamp(decimals, 0, 6);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    const bool zero = std::string_view(buffer).find_first_not_of("0.") == std::string_view::npos;
    return (value < 0 && !zero ? "-" : "") + localise_number(buffer);
}

std::string format_money(double value, const std::string& currency) {
    std::string number = format_number(std::fabs(value), 0);
    return money_text(number, currency, value < 0 && number != "0");
}

std::string format_money_short(double value, const std::string& currency) {
    const double a = std::fabs(value);
    char buffer[48];
    auto compact = [&](double v, const char* suffix) {
        std::snprintf(buffer, sizeof buffer, v < 10 ? "%.1f%s" : "%.0f%s", v, suffix);
        std::string s = buffer;
        const std::size_t p = s.find(".0");
        if (p != std::string::npos && (p + 2 == s.size() || !std::isdigit(static_cast<unsigned char>(s[p + 2]))))
            s.erase(p, 2);
        return localise_number(s);
    };
    std::string number;
    if (a < 1000) number = format_number(a, 0);
    else if (a < 1e6) number = compact(a / 1e3, "k");
    else if (a < 1e9) number = compact(a / 1e6, "M");
    else number = compact(a / 1e9, "B");
    return money_text(number, currency, value < 0 && number != "0");
}

std::string format_trust(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::isfinite(share) ? share * 100 : 0.0);
    return localise_number(std::strcmp(buffer, "-0.0") == 0 ? "0.0" : buffer);
}

std::string format_points(double delta) {
    char buffer[32];
    const double v = std::isfinite(delta) ? delta * 100 : 0.0;
    if (std::fabs(v) < 0.05) return localise_number("0.0");
    std::snprintf(buffer, sizeof buffer, "%+.1f", v);
    return localise_number(buffer);
}

std::string format_short(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", std::isfinite(value) ? value : 0.0);
    return localise_number(buffer, false);
}

std::string format_percent(double share, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f%%", std::clamp(decimals, 0, 4), std::isfinite(share) ? share * 100 : 0.0);
    return localise_number(buffer);
}

std::string source_label(const Plan& plan, ContributionKind kind, const std::string& id) {
    switch (kind) {
        case ContributionKind::base_rate: return tr("Base rate");
        case ContributionKind::peers: return tr("Peer reviews (people like me)");
        case ContributionKind::culture: return tr("Culture: empowerment and reward");
        case ContributionKind::touchpoint:
        case ContributionKind::commitment:
        case ContributionKind::knowledge_source: break;
        case ContributionKind::observation:
            return presentation::observation_label(plan, id, [](int month, const std::string& source) {
                return trf("Measured trust, month %d", month) + (source.empty() ? "" : ": " + source);
            });
    }
    return presentation::entity_label(plan, kind, id);
}

std::string stakeholder_label(const Plan& plan, std::size_t index) {
    if (index >= plan.stakeholders.size()) return "";
    const Stakeholder& s = plan.stakeholders[index];
    return s.name.empty() ? s.id : s.name;
}

std::string action_label(const Plan& plan, const std::string& action_id) {
    const Action* a = find_by_id(plan.actions, action_id);
    return a && !a->name.empty() ? a->name : action_id;
}

const char* dimension_name(int d) {
    static const char* kNames[] = {tr_noop("Transactions"), tr_noop("Promises"), tr_noop("Honesty"),
                                   tr_noop("Advice"), tr_noop("Empathy")};
    return d >= 0 && d < kDimensions ? tr(kNames[d]) : "";
}

const char* dimension_meaning(int d) {
    static const char* kMeanings[] = {
        tr_noop("dealings succeed smoothly, at the quality paid for"),
        tr_noop("it does what it commits to"),
        tr_noop("what it says is true and consistent"),
        tr_noop("it acts in my interest, not only to sell"),
        tr_noop("it knows me and is \"like me\"")};
    return d >= 0 && d < kDimensions ? tr(kMeanings[d]) : "";
}

const char* dimension_family(int d) {
    static const char* kFamilies[] = {tr_noop("ability"), tr_noop("integrity"), tr_noop("integrity"),
                                      tr_noop("benevolence"), tr_noop("benevolence")};
    return d >= 0 && d < kDimensions ? tr(kFamilies[d]) : "";
}

// ---- Colours ------------------------------------------------------------------------------------

ImU32 series_colour(int index) {
    static const ImU32 kOkabeIto[] = {
        IM_COL32(0, 114, 178, 255),    // blue
        IM_COL32(213, 94, 0, 255),     // vermillion
        IM_COL32(0, 158, 115, 255),    // bluish green
        IM_COL32(204, 121, 167, 255),  // reddish purple
        IM_COL32(230, 159, 0, 255),    // orange
        IM_COL32(86, 180, 233, 255),   // sky blue
        IM_COL32(90, 90, 90, 255),     // grey (the palette's black, softened)
    };
    const int n = static_cast<int>(std::size(kOkabeIto));
    return kOkabeIto[((index % n) + n) % n];
}

bool series_dashed(int index) { return index >= 0 && (index / 7) % 2 == 1; }  // 7: series_colour's cycle

ImU32 up_colour() { return IM_COL32(0, 114, 178, 255); }
ImU32 down_colour() { return IM_COL32(213, 94, 0, 255); }
ImU32 warning_colour() {
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    const bool light = 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z > 0.5f;
    return light ? IM_COL32(153, 97, 0, 255) : IM_COL32(230, 159, 0, 255);  // 4.5:1 or better on either
}
ImU32 neutral_colour() { return ImGui::GetColorU32(ImGuiCol_Text, 0.55f); }

ImU32 with_alpha(ImU32 colour, float alpha) {
    const ImU32 a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

namespace {
ImU32 mix(ImU32 a, ImU32 b, double t) {
    auto channel = [&](int shift) {
        const double x = ((a >> shift) & 0xFF), y = ((b >> shift) & 0xFF);
        return static_cast<ImU32>(std::lround(x + (y - x) * t)) << shift;
    };
    return channel(IM_COL32_R_SHIFT) | channel(IM_COL32_G_SHIFT) | channel(IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
}
}  // namespace

ImU32 diverging(double t) {
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.5;
    const ImU32 low = IM_COL32(213, 94, 0, 255), mid = IM_COL32(242, 240, 235, 255), high = IM_COL32(0, 114, 178, 255);
    return t < 0.5 ? mix(low, mid, t / 0.5) : mix(mid, high, (t - 0.5) / 0.5);
}

ImU32 text_on(ImU32 background) {
    const double r = (background >> IM_COL32_R_SHIFT) & 0xFF, g = (background >> IM_COL32_G_SHIFT) & 0xFF,
                 b = (background >> IM_COL32_B_SHIFT) & 0xFF;
    const double luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
    return luminance > 0.55 ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255);
}

std::string trend_text(double delta) {
    const std::string points = format_points(delta);
    return points == "0.0" || points == "0,0" ? tr("no change") : points;  // Noto Sans has no arrow triangles: sign and colour say it
}

ImU32 trend_colour(double delta) {
    if (format_points(delta) == "0.0") return ImGui::GetColorU32(ImGuiCol_TextDisabled);
    return delta > 0 ? up_colour() : down_colour();
}

}  // namespace fiducia::ui::chart
