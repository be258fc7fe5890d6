// The HTML report: one self-contained page (inline CSS, charts as inline SVG drawn here, no script,
// no URL, a CSP that forbids everything but its own styles), laid out to print on A4 or Letter.
// Every piece of user text goes through html_escape, in text, attributes and SVG alike, and so
// does every sentence holding some; the other texts of the report's language are escaped too.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/report.hpp"
#include "io/report_parts.hpp"

namespace fiducia::io {

using namespace report_parts;

namespace {

// Okabe-Ito, as the UI's charts (readable by colour-blind people).
const char* const kSeries[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#5a5a5a"};
const char* series_colour(std::size_t i) { return kSeries[i % std::size(kSeries)]; }
constexpr const char* kUp = "#0072b2";
constexpr const char* kDown = "#d55e00";
constexpr const char* kNeutral = "#8a8f98";

const char* const kStyle = R"(
:root { color-scheme: light; --ink: #1d232b; --soft: #5b6470; --line: #d9dde3; --tint: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--ink);
       background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 980px; margin: 0 auto; padding: 32px 28px 48px; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--soft); margin: 0; }
h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 28px 0 10px; break-after: avoid; }
h3 { font-size: 16px; margin: 18px 0 6px; break-after: avoid; overflow-wrap: anywhere; }
.org { font-size: 17px; margin: 0 0 6px; overflow-wrap: anywhere; }
.meta, .hint, footer { color: var(--soft); font-size: 13px; margin: 2px 0; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.figure { background: var(--tint); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.figure .label { font-size: 12px; color: var(--soft); }
.figure .value { font-size: 24px; font-weight: 700; }
.figure .detail { font-size: 12px; }
.up { color: #0a5c8c; } .down { color: #a4410a; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
thead { display: table-header-group; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: var(--tint); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.when { white-space: nowrap; }
tr { break-inside: avoid; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
tr.off td { color: var(--soft); }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; font-size: 14px; margin-bottom: 2px; overflow-wrap: anywhere; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; fill: var(--soft); }
svg .grid { stroke: #e6e9ee; stroke-width: 1; }
svg .axis { stroke: #9aa1ab; stroke-width: 1; }
.notes p { margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { border-top: 1px solid var(--line); margin-top: 32px; padding-top: 8px; }
@page { margin: 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .figures { grid-template-columns: repeat(4, 1fr); }
  section.page { break-before: page; }
  h1 { font-size: 22pt; }
}
@media (max-width: 700px) { .figures, .charts { grid-template-columns: 1fr 1fr; } }
)";

std::string num(double v) {  // an SVG coordinate
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", std::isfinite(v) ? v : 0.0);
    return b;
}

// Cuts text to `chars` UTF-8 characters with an ellipsis; the SVG keeps the whole text in a <title>.
std::string shorten(const std::string& s, std::size_t chars) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (count++ == chars - 1) {
            std::size_t rest = 0;
            for (std::size_t j = i; j < s.size(); ++j) rest += (static_cast<unsigned char>(s[j]) & 0xC0) != 0x80;
            return rest <= 1 ? s : s.substr(0, i) + "\u2026";
        }
    }
    return s;
}

// The trust axis shared by every trust chart (so they compare at a glance): from the lowest band
// to the highest, on whole steps of 10 or 20 points.
struct TrustAxis {
    double lo = 0, hi = 1, step = 0.1;
};

TrustAxis trust_axis(const Projection& p) {
    double lo = 1, hi = 0;
    for (const MonthResult& m : p.months) {
        lo = std::min(lo, m.trust_index), hi = std::max(hi, m.trust_index);
        for (const StakeholderMonth& s : m.stakeholders) lo = std::min(lo, s.band_low), hi = std::max(hi, s.band_high);
    }
    if (!(hi > lo)) lo = 0, hi = 1;
    TrustAxis a;
    a.step = hi - lo > 0.5 ? 0.2 : 0.1;
    a.lo = std::max(0.0, std::floor(lo / a.step + 1e-9) * a.step);
    a.hi = std::min(1.0, std::ceil(hi / a.step - 1e-9) * a.step);
    if (!(a.hi > a.lo)) a.lo = 0, a.hi = 1;
    return a;
}

// The anchor of a tick label: the first starts at its tick, the last ends there, others centre.
const char* anchor(int m, int first, int last) { return m == first ? "start" : m == last ? "end" : "middle"; }

// Trust over time of one series: its band (when given) and its line, on the shared axis.
std::string trust_chart(const ReportLanguage& lang, const std::string& name, const Projection& p, const ReportData& d,
                        std::size_t group, bool index, const char* colour, const TrustAxis& axis) {
    const double W = 460, H = 210, left = 34, right = 14, top = 10, bottom = 26;
    const double lo = axis.lo, hi = axis.hi;
    std::vector<double> mid, low, high;
    for (const MonthResult& m : p.months) {
        const bool has = index || group < m.stakeholders.size();
        const StakeholderMonth* s = !index && has ? &m.stakeholders[group] : nullptr;
        mid.push_back(index ? m.trust_index : s ? s->trust : 0);
        low.push_back(s ? s->band_low : mid.back());
        high.push_back(s ? s->band_high : mid.back());
    }
    const int horizon = std::max(1, p.horizon_months);
    auto x = [&](double m) { return left + (W - left - right) * m / horizon; };
    auto y = [&](double v) { return top + (H - top - bottom) * (hi - v) / (hi - lo); };
    const std::string title = html_escape(sayf(lang, "Trust over time: %s", name.c_str()));
    std::string svg = "<svg viewBox=\"0 0 " + num(W) + " " + num(H) + "\" role=\"img\" aria-label=\"" + title +
                      "\"><title>" + title + "</title>";
    for (double t = lo; t <= hi + 1e-9; t += axis.step) {
        svg += "<line class=\"grid\" x1=\"" + num(left) + "\" x2=\"" + num(W - right) + "\" y1=\"" + num(y(t)) +
               "\" y2=\"" + num(y(t)) + "\"/><text x=\"" + num(left - 4) + "\" y=\"" + num(y(t) + 4) +
               "\" text-anchor=\"end\">" + trust_whole(lang, t) + "</text>";
    }
    const int ms = presentation::month_step(horizon, 5);
    for (int m = 0; m <= horizon; m += ms) {
        svg += "<line class=\"axis\" x1=\"" + num(x(m)) + "\" x2=\"" + num(x(m)) + "\" y1=\"" + num(H - bottom) +
               "\" y2=\"" + num(H - bottom + 4) + "\"/><text x=\"" + num(x(m)) + "\" y=\"" + num(H - 8) +
               "\" text-anchor=\"" + anchor(m, 0, horizon / ms * ms) + "\">" + html_escape(month_name(lang, m, d.start)) + "</text>";
    }
    svg += "<line class=\"axis\" x1=\"" + num(left) + "\" x2=\"" + num(W - right) + "\" y1=\"" + num(H - bottom) +
           "\" y2=\"" + num(H - bottom) + "\"/>";
    std::string band, line;
    for (std::size_t i = 0; i < mid.size(); ++i) {
        band += num(x(static_cast<double>(p.months[i].month))) + "," + num(y(high[i])) + " ";
        line += num(x(static_cast<double>(p.months[i].month))) + "," + num(y(mid[i])) + " ";
    }
    for (std::size_t i = mid.size(); i-- > 0;) band += num(x(static_cast<double>(p.months[i].month))) + "," + num(y(low[i])) + " ";
    if (!index) svg += "<polygon points=\"" + band + "\" fill=\"" + colour + "\" fill-opacity=\"0.18\" stroke=\"none\"/>";
    svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.2\"/>";
    if (!mid.empty())
        svg += "<text x=\"" + num(W - right) + "\" y=\"" + num(y(mid.back()) - 6) + "\" text-anchor=\"end\" fill=\"" +
               colour + "\" style=\"fill:" + colour + ";font-weight:700\">" + trust(lang, mid.back()) + "</text>";
    return svg + "</svg>";
}

// The explanation waterfall of one stakeholder: base rate, then each source, then the total.
std::string waterfall_chart(const ReportLanguage& lang, const StakeholderRow& s) {
    const double W = 900, row = 22, left = 330, right = 70, top = 6;
    const double H = top + row * static_cast<double>(s.waterfall.size() + 1) + 24;
    double lo = 0, hi = 0;
    for (const WaterfallRow& w : s.waterfall) lo = std::min({lo, w.from, w.to}), hi = std::max({hi, w.from, w.to});
    hi = std::max(hi, 0.01);
    auto x = [&](double v) { return left + (W - left - right) * (v - lo) / (hi - lo); };
    const std::string title = html_escape(sayf(lang, "Explanation of the trust of %s", s.name.c_str()));
    std::string svg = "<svg viewBox=\"0 0 " + num(W) + " " + num(H) + "\" role=\"img\" aria-label=\"" + title +
                      "\"><title>" + title + "</title>";
    for (double t = 0; t <= hi + 1e-9; t += 0.1)
        svg += "<line class=\"grid\" x1=\"" + num(x(t)) + "\" x2=\"" + num(x(t)) + "\" y1=\"" + num(top) + "\" y2=\"" +
               num(H - 20) + "\"/><text x=\"" + num(x(t)) + "\" y=\"" + num(H - 6) + "\" text-anchor=\"middle\">" +
               trust_whole(lang, t) + "</text>";
    for (std::size_t i = 0; i <= s.waterfall.size(); ++i) {
        const bool total = i == s.waterfall.size();
        const std::string label = total ? say(lang, "Trust") : s.waterfall[i].label;
        const double from = total ? 0 : s.waterfall[i].from, to = total ? s.horizon->trust : s.waterfall[i].to;
        const char* fill = total ? "#1d232b" : i == 0 ? kNeutral : to >= from ? kUp : kDown;
        const double y0 = top + row * static_cast<double>(i);
        const std::string value = total || i == 0 ? trust(lang, to - from) : points(lang, to - from);
        svg += "<g><title>" + html_escape(label + ": " + value) + "</title><text x=\"" + num(left - 8) + "\" y=\"" +
               num(y0 + row * 0.68) + "\" text-anchor=\"end\"" + (total ? " style=\"font-weight:700;fill:#1d232b\"" : "") +
               ">" + html_escape(shorten(label, 52)) + "</text><rect x=\"" + num(x(std::min(from, to))) + "\" y=\"" +
               num(y0 + 4) + "\" width=\"" + num(std::max(1.0, std::fabs(x(to) - x(from)))) + "\" height=\"" +
               num(row - 8) + "\" fill=\"" + fill + "\"/><text x=\"" + num(x(std::max(from, to)) + 5) + "\" y=\"" +
               num(y0 + row * 0.68) + "\">" + value + "</text></g>";
    }
    return svg + "</svg>";
}

// The roadmap as bars over the months: the ramp shaded lighter, actions off in this scenario grey.
std::string roadmap_chart(const ReportLanguage& lang, const ReportData& d) {
    const double W = 900, row = 22, left = 260, right = 16, top = 6;
    const double H = top + row * static_cast<double>(d.actions.size()) + 26;
    const int horizon = std::max(1, d.horizon);
    auto x = [&](double m) { return left + (W - left - right) * m / horizon; };  // month m ends at x(m)
    const std::string title = html_escape(say(lang, "Roadmap"));
    std::string svg = "<svg viewBox=\"0 0 " + num(W) + " " + num(H) + "\" role=\"img\" aria-label=\"" + title +
                      "\"><title>" + title + "</title>";
    const int ms = presentation::month_step(horizon, 8);
    for (int m = 1; m <= horizon; m += ms)  // a tick where month m starts
        svg += "<line class=\"grid\" x1=\"" + num(x(m - 1)) + "\" x2=\"" + num(x(m - 1)) + "\" y1=\"" + num(top) +
               "\" y2=\"" + num(H - 20) + "\"/><text x=\"" + num(x(m - 1)) + "\" y=\"" + num(H - 6) + "\" text-anchor=\"" +
               anchor(m, 1, 1 + (horizon - 1) / ms * ms) + "\">" + html_escape(month_name(lang, m, d.start)) + "</text>";
    for (std::size_t i = 0; i < d.actions.size(); ++i) {
        const Action& a = *d.actions[i].action;
        const std::string name = a.name.empty() ? a.id : a.name;
        const double y0 = top + row * static_cast<double>(i);
        const double start = std::clamp(a.start_month - 1, 0, horizon);
        const double ramp_end = std::clamp(a.start_month - 1 + a.ramp_months, 0, horizon);
        const char* colour = d.actions[i].on ? series_colour(0) : kNeutral;
        const std::string from = month_name(lang, a.start_month, d.start);
        svg += "<g><title>" +
               html_escape(d.actions[i].on ? sayf(lang, "%s: from %s", name.c_str(), from.c_str())
                                           : sayf(lang, "%s: from %s (not in this scenario)", name.c_str(), from.c_str())) +
               "</title><text x=\"" + num(left - 8) + "\" y=\"" +
               num(y0 + row * 0.68) + "\" text-anchor=\"end\">" + html_escape(shorten(name, 44)) + "</text>";
        if (a.start_month <= horizon)
            svg += "<rect x=\"" + num(x(start)) + "\" y=\"" + num(y0 + 4) + "\" width=\"" + num(x(ramp_end) - x(start)) +
                   "\" height=\"" + num(row - 8) + "\" fill=\"" + colour + "\" fill-opacity=\"0.4\"/><rect x=\"" +
                   num(x(ramp_end)) + "\" y=\"" + num(y0 + 4) + "\" width=\"" + num(x(horizon) - x(ramp_end)) +
                   "\" height=\"" + num(row - 8) + "\" fill=\"" + colour + "\"/>";
        svg += "</g>";
    }
    return svg + "</svg>";
}

// A report text in element content: & < > escaped, quotes kept (never in an attribute; "the
// model's" reads as before). Sentences holding user text go through html_escape whole instead.
std::string text_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// say() in element content (the translation test collects the literals of say_text( as of say().
std::string say_text(const ReportLanguage& lang, const char* english) { return text_escape(say(lang, english)); }

std::string td(const std::string& escaped, bool numeric = false) {
    return std::string(numeric ? "<td class=\"num\">" : "<td>") + escaped + "</td>";
}

std::string td_month(const std::string& escaped) { return "<td class=\"when\">" + escaped + "</td>"; }

std::string figure_box(const std::string& label, const std::string& value, const std::string& detail,
                       const char* detail_class) {
    return "<div class=\"figure\"><div class=\"label\">" + label + "</div><div class=\"value\">" + value +
           "</div><div class=\"detail " + detail_class + "\">" + detail + "</div></div>";
}

// The report's parts, each kept out of line: inlined into one function they made a 53 KB function
// that a browser compiles whole at its first call (browser-startup's limit on function size).
[[gnu::noinline]] void html_head_and_figures(std::string& h, const Plan& plan, const ReportData& d, const ReportLanguage& lang) {
    const std::string cur = d.currency;
    // An English report keeps the plan's own tag (its text is the plan's); another names its language.
    const std::string code = !lang.code.empty() && lang.code != "en" ? lang.code
                             : plan.meta.language.empty()            ? "en"
                                                                     : plan.meta.language;
    h += "<!DOCTYPE html>\n<html lang=\"" + html_escape(code) + "\">\n<head>\n";
    h += "<meta charset=\"utf-8\">\n";
    // Nothing may load or run: no script, no connection, no image or font from anywhere.
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; base-uri 'none'; form-action 'none'\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + html_escape(sayf(lang, "%s - trust report", d.title.c_str())) + "</title>\n<style>" + kStyle +
         "</style>\n</head>\n<body>\n<main>\n";

    h += "<header>\n<p class=\"kicker\">" + say_text(lang, "Trust report") + "</p>\n<h1>" + html_escape(d.title) + "</h1>\n";
    if (!d.organisation.empty()) h += "<p class=\"org\">" + html_escape(d.organisation) + "</p>\n";
    if (!plan.meta.authors.empty()) {
        std::string authors;
        for (const std::string& a : plan.meta.authors) authors += (authors.empty() ? "" : ", ") + a;
        h += "<p class=\"meta\">" + html_escape(sayf(lang, "By %s", authors.c_str())) + "</p>\n";
    }
    h += "<p class=\"meta\">" + say_text(lang, "Scenario:") + " <b>" + html_escape(d.scenario_name) + "</b> &middot; " +
         say_text(lang, "Projection:") + " " + html_escape(scope_line(lang, d)) + "</p>\n</header>\n";

    const double change = d.index_horizon - d.index_now;
    const char* change_class = change > 0.0005 ? "up" : change < -0.0005 ? "down" : "";
    const std::string over_horizon = text_escape(sayf(lang, "over %d months", d.horizon));
    h += "<section class=\"figures\">\n";
    h += figure_box(say_text(lang, "Trust Index today"), trust(lang, d.index_now), say_text(lang, "weighted over the stakeholders"), "");
    h += figure_box(text_escape(sayf(lang, "Trust Index at month %d", d.horizon)), trust(lang, d.index_horizon),
                    text_escape(sayf(lang, "%s points", points(lang, change).c_str())), change_class);
    h += figure_box(say_text(lang, "Cost of the actions"), html_escape(money(lang, d.total_cost, cur)), over_horizon, "");
    h += figure_box(say_text(lang, "Revenue kept"), html_escape(money(lang, d.revenue_kept, cur)),
                    text_escape(sayf(lang, "total over %d months", d.horizon)), "");
    if (d.customers.any) {
        h += figure_box(say_text(lang, "Customers lost"), html_escape(money(lang, d.customers.lost(), "")),
                        text_escape(sayf(lang, "to bad experiences over %d months", d.horizon)), "down");
        h += figure_box(say_text(lang, "Revenue lost to bad experiences"), html_escape(money(lang, d.customers.revenue_lost, cur)),
                        text_escape(sayf(lang, "total over %d months", d.horizon)), "down");
    }
    h += "</section>\n<p class=\"hint\">" +
         say_text(lang, "Trust is shown x100: the share of the group who trust the organisation. "
                  "The band is the model's 95% interval.") +
         "</p>\n";

}

[[gnu::noinline]] void html_stakeholder_table(std::string& h, const ReportData& d, const ReportLanguage& lang) {
    h += "<section>\n<h2>" + say_text(lang, "Trust per stakeholder") + "</h2>\n<table>\n<thead><tr><th>" +
         say_text(lang, "Stakeholder") + "</th><th class=\"num\">" + say_text(lang, "Today") + "</th><th class=\"num\">" +
         text_escape(sayf(lang, "Month %d", d.horizon)) + "</th><th class=\"num\">" + say_text(lang, "Change") +
         "</th><th class=\"num\">" + say_text(lang, "95% band") + "</th><th class=\"num\">" + say_text(lang, "Customers retained") +
         "</th></tr></thead>\n<tbody>\n";
    for (const StakeholderRow& s : d.stakeholders)
        h += "<tr>" + td(html_escape(s.name)) + td(trust(lang, s.now->trust), true) +
             td(trust(lang, s.horizon->trust), true) + td(points(lang, s.horizon->trust - s.now->trust), true) +
             td(text_escape(sayf(lang, "%s to %s", trust(lang, s.horizon->band_low).c_str(),
                                 trust(lang, s.horizon->band_high).c_str())),
                true) +
             td(s.customers ? trust(lang, s.horizon->retained) + "%" : say_text(lang, "n/a"), true) + "</tr>\n";
    h += "</tbody>\n</table>\n</section>\n";

}

[[gnu::noinline]] void html_trust_charts(std::string& h, const Projection& projection, const ReportData& d, const ReportLanguage& lang) {
    h += "<section>\n<h2>" + say_text(lang, "Trust over time") + "</h2>\n<div class=\"charts\">\n";
    const TrustAxis axis = trust_axis(projection);
    const std::string index_name = say(lang, "Trust Index");
    h += "<figure><figcaption>" + text_escape(index_name) + "</figcaption>" +
         trust_chart(lang, index_name, projection, d, 0, true, "#1d232b", axis) + "</figure>\n";
    for (std::size_t i = 0; i < d.stakeholders.size(); ++i)
        h += "<figure><figcaption>" + html_escape(d.stakeholders[i].name) + "</figcaption>" +
             trust_chart(lang, d.stakeholders[i].name, projection, d, i, false, series_colour(i), axis) + "</figure>\n";
    h += "</div>\n<p class=\"hint\">" +
         say_text(lang, "Lines: the projected trust; shaded: its 95% band. All charts share one scale.") +
         "</p>\n</section>\n";

}

[[gnu::noinline]] void html_roadmap(std::string& h, const ReportData& d, const ReportLanguage& lang) {
    const std::string& cur = d.currency;
    h += "<section class=\"page\">\n<h2>" + say_text(lang, "Roadmap") + "</h2>\n";
    if (d.actions.empty()) {
        h += "<p>" + say_text(lang, "The plan has no actions.") + "</p>\n";
    } else {
        h += "<figure>" + roadmap_chart(lang, d) + "</figure>\n<p class=\"hint\">" +
             say_text(lang, "Light: the months the action ramps up; grey: not in this scenario.") + "</p>\n";
        h += "<table>\n<thead><tr><th>" + say_text(lang, "Starts") + "</th><th>" + say_text(lang, "Action") + "</th><th>" +
             say_text(lang, "Owner") + "</th><th class=\"num\">" + say_text(lang, "Ramp") + "</th><th class=\"num\">" +
             say_text(lang, "One-off") + "</th><th class=\"num\">" + say_text(lang, "Per month") + "</th><th class=\"num\">" +
             say_text(lang, "Cost over the horizon") + "</th><th>" + say_text(lang, "In this scenario") + "</th></tr></thead>\n<tbody>\n";
        for (const ActionRow& a : d.actions)
            h += std::string(a.on ? "<tr>" : "<tr class=\"off\">") +
                 td_month(html_escape(month_name(lang, a.action->start_month, d.start))) +
                 td(html_escape(a.action->name.empty() ? a.action->id : a.action->name)) + td(html_escape(a.action->owner)) +
                 td(text_escape(sayf(lang, "%d mo", a.action->ramp_months)), true) +
                 td(html_escape(money(lang, a.action->cost_once, cur)), true) +
                 td(html_escape(money(lang, a.action->cost_per_month, cur)), true) +
                 td(html_escape(money(lang, a.cost, cur)), true) + td(a.on ? say_text(lang, "yes") : say_text(lang, "no")) + "</tr>\n";
        h += "<tr class=\"total\"><td></td><td>" + say_text(lang, "Total") + "</td><td></td><td></td><td></td><td></td>" +
             td(html_escape(money(lang, d.total_cost, cur)), true) + "<td></td></tr>\n</tbody>\n</table>\n";
    }
    h += "</section>\n";

}

[[gnu::noinline]] void html_explanation(std::string& h, const ReportData& d, const ReportLanguage& lang) {
    h += "<section class=\"page\">\n<h2>" + text_escape(sayf(lang, "Explanation at month %d", d.horizon)) +
         "</h2>\n<p class=\"hint\">" +
         say_text(lang, "How each score is built: the base rate, then each source of evidence, largest first, in points of "
                  "trust. Blue raises trust, orange lowers it.") +
         "</p>\n";
    for (const StakeholderRow& s : d.stakeholders) {
        h += "<h3>" + html_escape(s.name) + "</h3>\n<figure>" + waterfall_chart(lang, s) + "</figure>\n";
        h += "<table>\n<thead><tr><th>" + say_text(lang, "Source") + "</th><th class=\"num\">" + say_text(lang, "Points") +
             "</th><th class=\"num\">" + say_text(lang, "Running total") + "</th></tr></thead>\n<tbody>\n";
        for (const WaterfallRow& w : s.waterfall)
            h += "<tr>" + td(html_escape(w.label)) +
                 td(&w == &s.waterfall.front() ? trust(lang, w.value) : points(lang, w.value), true) +
                 td(trust(lang, w.to), true) + "</tr>\n";
        h += "<tr class=\"total\">" + td(say_text(lang, "Trust")) + td("", true) + td(trust(lang, s.horizon->trust), true) +
             "</tr>\n";
        h += "</tbody>\n</table>\n";
    }
    h += "</section>\n";

}

[[gnu::noinline]] void html_sections(std::string& h, const ReportData& d) {
    for (const ReportSection& s : d.sections) {
        h += "<section class=\"page\">\n<h2>" + html_escape(s.title) + "</h2>\n";
        for (const std::string& line : s.lines) h += "<p>" + html_escape(line) + "</p>\n";
        for (const auto& [heading, table] : s.tables) {
            if (!heading.empty()) h += "<h3>" + html_escape(heading) + "</h3>\n";
            h += "<table>\n<thead><tr>";
            for (std::size_t c = 0; c < table.header.size(); ++c)
                h += std::string(table.right[c] ? "<th class=\"num\">" : "<th>") + html_escape(table.header[c]) + "</th>";
            h += "</tr></thead>\n<tbody>\n";
            for (const std::vector<std::string>& row : table.rows) {
                h += "<tr>";
                for (std::size_t c = 0; c < row.size(); ++c) h += td(html_escape(row[c]), table.right[c]);
                h += "</tr>\n";
            }
            h += "</tbody>\n</table>\n";
        }
        for (const std::string& line : s.after) h += "<p class=\"hint\">" + html_escape(line) + "</p>\n";
        h += "</section>\n";
    }

}

[[gnu::noinline]] void html_notes_and_end(std::string& h, const Plan& plan, const ReportLanguage& lang) {
    if (!plan.meta.notes.empty()) {
        h += "<section class=\"notes\">\n<h2>" + say_text(lang, "Notes") + "</h2>\n";
        std::string_view notes = plan.meta.notes;  // blank lines separate paragraphs
        while (!notes.empty()) {
            const std::size_t end = notes.find("\n\n");
            h += "<p>" + html_escape(notes.substr(0, end)) + "</p>\n";
            notes = end == std::string_view::npos ? std::string_view() : notes.substr(end + 2);
        }
        h += "</section>\n";
    }
    h += "<footer>" +
         say_text(lang, "Made with Fiducia from the plan file; nothing in this page loads or runs anything.") +
         "</footer>\n";
    h += "</main>\n</body>\n</html>\n";
}

}  // namespace

std::string report_html(const Plan& plan, const Projection& projection, const ReportLanguage& lang) {
    const ReportData d = gather(plan, projection, lang);
    std::string h;
    html_head_and_figures(h, plan, d, lang);
    html_stakeholder_table(h, d, lang);
    html_trust_charts(h, projection, d, lang);
    html_roadmap(h, d, lang);
    html_explanation(h, d, lang);
    html_sections(h, d);
    html_notes_and_end(h, plan, lang);
    return h;
}

}  // namespace fiducia::io
