#include "ui/charts/plan_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <imgui.h>

#include "ui/document/editing.hpp"
#include "ui/platform/i18n.hpp"

namespace fiducia::ui::chart {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::string source_kind(ContributionKind kind) {
    switch (kind) {
        case ContributionKind::base_rate:
            return tr("Trust before any evidence: the group's base rate (its propensity to trust, Mayer et al. 1995), "
                   "weighted by the prior weight W.");
        case ContributionKind::peers:
            return tr("Peer reviews: the star rating read by a share of the group moves its base rate (people trust "
                   "'people like me', Edelman Trust Barometer).");
        case ContributionKind::culture:
            return tr("Culture: empowered staff fix service problems, and employees judge whether the company trusts "
                   "and rewards them.");
        case ContributionKind::touchpoint:
            return tr("A touchpoint: its good experiences add evidence, its bad ones take away three times as much by "
                   "default (Slovic 1993).");
        case ContributionKind::commitment:
            return tr("A commitment: kept occasions are evidence the organisation keeps its promises; broken public "
                   "ones count double.");
        case ContributionKind::knowledge_source:
            return tr("A knowledge source: its consistent messages are evidence of honesty, inconsistent ones against; "
                   "its knowledge also makes advice and empathy land better (personalisation).");
        case ContributionKind::observation:
            return tr("A measurement: a surveyed trust share counts as evidence, pulling the projection toward what was "
                   "measured in proportion to its respondents (Plan settings, weight of a measurement).");
    }
    return "";
}

// The pointer's reference tokens, unescaped (RFC 6901): "/touchpoints/0/bad_share" -> touchpoints, 0, bad_share.
std::vector<std::string> pointer_tokens(const std::string& pointer) {
    std::vector<std::string> tokens;
    for (std::size_t at = 0; at < pointer.size() && pointer[at] == '/';) {
        const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
        std::string token;
        for (std::size_t i = at + 1; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) token += pointer[++i] == '1' ? '/' : '~';
            else token += pointer[i];
        }
        tokens.push_back(std::move(token));
        at = end;
    }
    return tokens;
}

// A list index token, when it is one within `size`.
std::optional<std::size_t> index_in(const std::string& token, std::size_t size) {
    if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const std::size_t i = std::stoul(token);
    return i < size ? std::optional<std::size_t>(i) : std::nullopt;
}

std::string named(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

// "Parcel delivery: bad share": the entity and the field as the action editor words it; "" when the
// field is not one an effect may change.
std::string field_of(const std::string& who, EffectTarget target, const std::string& field) {
    const EffectField* f = find_effect_field(target, field);
    return f ? trf("%s: %s", who.c_str(), tr(f->label)) : "";
}

// The entity an action's effect changes, by name.
std::string effect_target_name(const Plan& plan, const Effect& e) {
    auto find = [&](const auto& list, auto name_of) -> std::string {
        for (const auto& item : list)
            if (item.id == e.id) return named(name_of(item), e.id);
        return e.id.empty() ? std::string(tr("(none)")) : trf("(missing: %s)", e.id.c_str());
    };
    switch (e.target) {
        case EffectTarget::touchpoint: return find(plan.touchpoints, [](const Touchpoint& t) { return t.name; });
        case EffectTarget::commitment: return find(plan.commitments, [](const Commitment& c) { return c.statement; });
        case EffectTarget::knowledge_source:
            return find(plan.knowledge_sources, [](const KnowledgeSource& k) { return k.name; });
        case EffectTarget::stakeholder: return find(plan.stakeholders, [](const Stakeholder& s) { return s.name; });
        case EffectTarget::culture: break;
    }
    return tr("Culture");
}

std::string translated_sensitivity_label(const Plan& plan, const std::vector<std::string>& t) {
    if (t.size() >= 2 && t[0] == "settings") {
        static const char* const kSettings[][2] = {
            {"forgetting", tr_noop("Setting: forgetting")},
            {"negative_weight", tr_noop("Setting: negative weight")},
            {"prior_weight", tr_noop("Setting: prior weight")},
            {"public_commitment_multiplier", tr_noop("Setting: public commitment multiplier")},
            {"personalisation_lift", tr_noop("Setting: personalisation lift")},
            {"empowerment_effect", tr_noop("Setting: empowerment effect")},
            {"abandonment/kappa", tr_noop("Setting: abandonment kappa")},
            {"abandonment/beta", tr_noop("Setting: abandonment beta")},
        };
        const std::string field = t.size() == 3 ? t[1] + "/" + t[2] : t[1];
        for (const auto& [id, label] : kSettings)
            if (field == id) return tr(label);
        return "";
    }
    if (t.size() == 2 && t[0] == "culture") return field_of(tr("Culture"), EffectTarget::culture, t[1]);
    if (t.size() < 3) return "";
    if (t[0] == "stakeholders") {
        const auto i = index_in(t[1], plan.stakeholders.size());
        if (!i) return "";
        const Stakeholder& s = plan.stakeholders[*i];
        const std::string who = named(s.name, s.id);
        if (t.size() == 4 && t[2] == "weights" && dimension_index(t[3]) >= 0)
            return trf("%s: weight of %s", who.c_str(), chart::dimension_name(dimension_index(t[3])));
        return t.size() == 3 ? field_of(who, EffectTarget::stakeholder, t[2]) : "";
    }
    if (t[0] == "knowledge_sources") {
        const auto i = index_in(t[1], plan.knowledge_sources.size());
        if (!i) return "";
        const KnowledgeSource& k = plan.knowledge_sources[*i];
        const std::string who = named(k.name, k.id);
        if (t.size() == 4 && t[2] == "coverage")
            return trf("%s: coverage of %s", who.c_str(), stakeholder_name(plan, t[3]).c_str());
        return t.size() == 3 ? field_of(who, EffectTarget::knowledge_source, t[2]) : "";
    }
    if (t[0] == "touchpoints") {
        const auto i = index_in(t[1], plan.touchpoints.size());
        if (!i) return "";
        const Touchpoint& tp = plan.touchpoints[*i];
        const std::string who = named(tp.name, tp.id);
        if (t.size() == 4 && t[2] == "dimensions" && dimension_index(t[3]) >= 0)
            return trf("%s: share of %s", who.c_str(), chart::dimension_name(dimension_index(t[3])));
        return t.size() == 3 ? field_of(who, EffectTarget::touchpoint, t[2]) : "";
    }
    if (t[0] == "commitments") {
        const auto i = index_in(t[1], plan.commitments.size());
        if (!i || t.size() != 3) return "";
        const Commitment& c = plan.commitments[*i];
        return field_of(named(c.statement, c.id), EffectTarget::commitment, t[2]);
    }
    if (t[0] == "actions" && t.size() == 5 && t[2] == "effects" && t[4] == "value") {
        const auto i = index_in(t[1], plan.actions.size());
        if (!i) return "";
        const Action& a = plan.actions[*i];
        const auto e = index_in(t[3], a.effects.size());
        if (!e) return "";
        const Effect& effect = a.effects[*e];
        const EffectField* f = find_effect_field(effect.target, effect.field);
        const std::string what = f ? std::string(tr(f->label)) : effect.field;
        return trf("%s: effect on %s (%s)", named(a.name, a.id).c_str(), effect_target_name(plan, effect).c_str(),
                   what.c_str());
    }
    return "";
}

}  // namespace

std::string sensitivity_label(const Plan& plan, const SensitivityItem& item) {
    const std::string label = translated_sensitivity_label(plan, pointer_tokens(item.input));
    return label.empty() ? item.label : label;
}

std::vector<double> month_axis(const Projection& p) {
    std::vector<double> xs;
    for (const MonthResult& m : p.months) xs.push_back(m.month);
    return xs;
}

void trust_over_time(const Plan& plan, const Projection& p, const std::vector<std::string>& hidden_groups, float height,
                     const TrustChartOptions& options) {
    const Projection* before_measurements = options.before_measurements;
    const std::vector<double> xs = month_axis(p);
    Range range;
    std::vector<double> index;
    for (const MonthResult& m : p.months) index.push_back(m.trust_index);
    range.add(index);
    struct Group {
        std::size_t g;
        std::vector<double> trust, lo, hi;
        std::vector<double> first;  // as first projected, when measurements count as evidence
    };
    std::vector<Group> groups;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        if (contains(hidden_groups, plan.stakeholders[g].id)) continue;
        Group gr{g, {}, {}, {}, {}};
        for (const MonthResult& m : p.months) {
            gr.trust.push_back(m.stakeholders[g].trust);
            gr.lo.push_back(m.stakeholders[g].band_low);
            gr.hi.push_back(m.stakeholders[g].band_high);
        }
        if (before_measurements)
            for (const MonthResult& m : before_measurements->months) gr.first.push_back(m.stakeholders[g].trust);
        range.add(gr.lo);
        range.add(gr.hi);
        range.add(gr.first);
        groups.push_back(std::move(gr));
    }
    // Measurements on the trust scale: trust share as is, NPS mapped to (NPS + 100) / 200.
    struct Marks {
        std::vector<double> xs, ys;
        std::vector<std::string> tips;
    };
    std::vector<Marks> share(plan.stakeholders.size()), nps(plan.stakeholders.size());
    for (const Observation& o : plan.observations) {
        std::size_t g = 0;
        while (g < plan.stakeholders.size() && plan.stakeholders[g].id != o.stakeholder) ++g;
        if (g == plan.stakeholders.size() || contains(hidden_groups, o.stakeholder)) continue;
        if (o.month < 0 || o.month > p.horizon_months) continue;
        const std::string when = month_label(o.month, plan.settings.start);
        const std::string sample = o.n ? " (n = " + format_number(*o.n) + ")" : "";
        const std::string source = o.source.empty() ? "" : "\n" + trf("Source: %s", o.source.c_str());
        const std::string group = stakeholder_label(plan, g);
        if (o.metric == Metric::trust_share) {
            share[g].xs.push_back(o.month);
            share[g].ys.push_back(o.value);
            share[g].tips.push_back(trf("%s, %s: measured trust %s%s. The share trusting on the 9-point scale (6-9 counts as "
                                        "trust, as in Edelman's Trust Barometer), drawn as it is.",
                                        group.c_str(), when.c_str(), format_trust(o.value).c_str(), sample.c_str()) +
                                    source);
            range.add(o.value);
        } else if (o.metric == Metric::nps) {
            const double y = (o.value + 100) / 200;
            nps[g].xs.push_back(o.month);
            nps[g].ys.push_back(y);
            nps[g].tips.push_back(trf("%s, %s: NPS %s%s, drawn at %s = (NPS + 100) / 2. NPS (Reichheld 2003) is promoters "
                                      "minus detractors, not a trust share: the mapping only puts it on the same 0-100 "
                                      "scale to see its direction.",
                                      group.c_str(), when.c_str(), format_number(o.value).c_str(), sample.c_str(),
                                      format_trust(y).c_str()) +
                                  source);
            range.add(y);
        }
    }
    range.lo = options.full_scale ? 0.0 : std::max(0.0, range.lo - 0.03);
    range.hi = options.full_scale ? 1.0 : std::min(1.0, range.hi + 0.03);
    Plot plot;
    plot.begin("##trust-over-time", ImVec2(0, height > 0 ? height : ImGui::GetContentRegionAvail().y), Axis(0, p.horizon_months, Format::months, plan.settings.start),
               Axis(range.lo, range.hi, Format::trust));
    const Group* banded = groups.size() == 1 ? &groups.front() : nullptr;
    for (const Group& gr : groups)
        if (plan.stakeholders[gr.g].id == options.band_group) banded = &gr;
    if (!banded && options.band_group.empty() && plot.hovered()) {
        // The group whose line passes nearest the pointer, at the month under it.
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        std::size_t month = 0;
        for (std::size_t i = 1; i < xs.size(); ++i)
            if (std::fabs(plot.to_x(xs[i]) - mouse.x) < std::fabs(plot.to_x(xs[month]) - mouse.x)) month = i;
        float best = 0;
        for (const Group& gr : groups) {
            if (month >= gr.trust.size()) continue;
            const float distance = std::fabs(plot.to_y(gr.trust[month]) - mouse.y);
            if (banded && distance >= best) continue;
            banded = &gr;
            best = distance;
        }
    }
    if (banded) {
        const ImU32 colour = series_colour(static_cast<int>(banded->g));
        plot.band(stakeholder_label(plan, banded->g), xs, banded->lo, banded->hi, with_alpha(colour, 0.15f));
        plot.line("", xs, banded->lo, with_alpha(colour, 0.45f), 1.0f);
        plot.line("", xs, banded->hi, with_alpha(colour, 0.45f), 1.0f);
    }
    for (const Group& gr : groups)
        plot.line(stakeholder_label(plan, gr.g), xs, gr.trust, series_colour(static_cast<int>(gr.g)), 2.0f,
                  series_dashed(static_cast<int>(gr.g)));
    // Where measurements count as evidence, each group's line as first projected, dashed beside it.
    for (std::size_t i = 0; before_measurements && i < groups.size(); ++i)
        plot.line(i == 0 ? tr("As first projected, before measurements") : "", xs, groups[i].first,
                  with_alpha(series_colour(static_cast<int>(groups[i].g)), 0.7f), 1.5f, true);
    plot.line(tr("Trust Index"), xs, index, neutral_colour(), 2.5f, true);
    bool any_share = false, any_nps = false;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        if (!share[g].xs.empty()) {
            plot.points(any_share ? "" : tr("Measured trust share"), share[g].xs, share[g].ys, series_colour(static_cast<int>(g)),
                        Marker::circle, share[g].tips);
            any_share = true;
        }
        if (!nps[g].xs.empty()) {
            plot.points(any_nps ? "" : tr("NPS, mapped to 0-100"), nps[g].xs, nps[g].ys, series_colour(static_cast<int>(g)),
                        Marker::diamond, nps[g].tips);
            any_nps = true;
        }
    }
    plot.end();
}

BarChart waterfall_chart(const Plan& plan, const Projection& p, std::size_t group, std::size_t month, std::size_t max_rows) {
    BarChart chart;
    if (month >= p.explanation.size() || group >= p.explanation[month].size() || month >= p.months.size()) return chart;
    const StakeholderMonth& sm = p.months[month].stakeholders[group];
    std::vector<WaterfallStep> steps = waterfall(p.explanation[month][group]);
    // A room reads a dozen bars, not forty: the smallest sources (they come last) become one bar.
    std::size_t merged_count = 0;  // how many sources the last bar holds; 0 = none merged
    if (max_rows > 1 && steps.size() > max_rows) {
        WaterfallStep rest{ContributionKind::culture, {}, 0, steps[max_rows - 1].from, steps.back().to};
        for (std::size_t i = max_rows - 1; i < steps.size(); ++i) rest.value += steps[i].value;
        merged_count = steps.size() - max_rows + 1;
        steps.resize(max_rows - 1);
        steps.push_back(rest);
    }
    Range range;
    for (const WaterfallStep& s : steps) {
        range.add(s.to);
        if (s.kind != ContributionKind::base_rate) range.add(s.from);
    }
    range.add(sm.trust);
    const double pad = std::max(0.01, (range.hi - range.lo) * 0.05);
    chart.connect = true;
    // From zero: cut at 40, the base rate (the largest part) would look like the smallest bar.
    chart.x = Axis(0.0, std::min(1.0, range.hi + pad), Format::trust);
    for (const WaterfallStep& s : steps) {
        BarRow row;
        const bool base = s.kind == ContributionKind::base_rate;
        const bool merged = merged_count > 0 && &s == &steps.back();
        char merged_label[96];
        std::snprintf(merged_label, sizeof merged_label, tr("%d smaller sources together"), static_cast<int>(merged_count));
        row.label = merged ? merged_label : source_label(plan, s.kind, s.id);
        row.bars.push_back({s.from, s.to, base ? neutral_colour() : (s.value >= 0 ? up_colour() : down_colour())});
        row.value_text = base ? format_trust(s.value) : format_points(s.value);
        row.tooltip = (base ? trf("Starts at %s.", format_trust(s.value).c_str())
                            : trf("%s points, from %s to %s.", format_points(s.value).c_str(), format_trust(s.from).c_str(),
                                  format_trust(s.to).c_str())) +
                      "\n" + (merged ? std::string(tr("The sources too small to show one by one, added together.")) : source_kind(s.kind));
        chart.rows.push_back(row);
    }
    BarRow total;
    total.label = trf("Trust of %s", stakeholder_label(plan, group).c_str());
    total.strong = true;
    total.bars.push_back({0, sm.trust, series_colour(static_cast<int>(group))});
    total.value_text = format_trust(sm.trust);
    total.tooltip = trf("The sum of the bars above, exactly: each source's share is omega_d (r_i (1 - a) - nu s_i a) / n "
                        "(MODEL.md, after Josang & Ismail 2002). 95%% band %s to %s.", format_trust(sm.band_low).c_str(),
                        format_trust(sm.band_high).c_str());
    chart.rows.push_back(total);
    return chart;
}

BarChart tornado_chart(const Plan& plan, const std::vector<SensitivityItem>& all, double base, std::size_t max_rows) {
    BarChart chart;
    std::vector<const SensitivityItem*> items;
    for (const SensitivityItem& s : all)
        if (std::fabs(s.trust_high - s.trust_low) > 1e-9) items.push_back(&s);
    if (items.empty()) return chart;
    if (items.size() > max_rows) items.resize(max_rows);
    chart.has_reference = true;
    chart.reference = base;
    Range range;
    range.add(base);
    for (const SensitivityItem* s : items) {
        range.add(s->trust_low);
        range.add(s->trust_high);
        BarRow row;
        row.label = sensitivity_label(plan, *s);
        row.bars.push_back({base, s->trust_low, down_colour()});
        row.bars.push_back({base, s->trust_high, up_colour()});
        row.value_text = format_trust(std::fabs(s->trust_high - s->trust_low));
        char value[64];
        std::snprintf(value, sizeof value, "%g", s->value);
        row.tooltip = trf("Now %s. Trust Index at the horizon: %s with this input 20%% lower, %s with it 20%% higher "
                          "(%s as planned). Swing: %s points.\nShares are kept within 0-100%%. Plan field: %s",
                          localise_number(value).c_str(), format_trust(s->trust_low).c_str(),
                          format_trust(s->trust_high).c_str(), format_trust(base).c_str(),
                          format_trust(std::fabs(s->trust_high - s->trust_low)).c_str(), s->input.c_str());
        chart.rows.push_back(row);
    }
    const double pad = std::max(0.002, (range.hi - range.lo) * 0.05);
    chart.x = Axis(range.lo - pad, range.hi + pad, Format::trust);
    return chart;
}

}  // namespace fiducia::ui::chart
