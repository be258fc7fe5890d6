#include "io/report_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "core/params.hpp"
#include "io/language.hpp"

namespace fiducia::io::report_parts {

namespace {

std::string source_label(const ReportLanguage& lang, const Plan& plan, ContributionKind kind, const std::string& id) {
    switch (kind) {
        case ContributionKind::base_rate: return say(lang, "Base rate");
        case ContributionKind::peers: return say(lang, "Peer reviews (people like me)");
        case ContributionKind::culture: return say(lang, "Culture: empowerment and reward");
        case ContributionKind::touchpoint:
        case ContributionKind::commitment:
        case ContributionKind::knowledge_source: break;
        case ContributionKind::observation:
            return presentation::observation_label(plan, id, [&](int month, const std::string& source) {
                return sayf(lang, "Measured trust, month %d", month) + (source.empty() ? "" : ": " + source);
            });
    }
    return presentation::entity_label(plan, kind, id);
}

}  // namespace

std::string say(const ReportLanguage& lang, const char* english) {
    return lang.text ? lang.text(english) : std::string(english);
}

std::string sayf(const ReportLanguage& lang, const char* english_format, ...) {
    const std::string format = say(lang, english_format);
    va_list args;
    va_start(args, english_format);
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(nullptr, 0, format.c_str(), copy);
    va_end(copy);
    std::string out(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(out.data(), out.size() + 1, format.c_str(), args);
    va_end(args);
    return out;
}

namespace {

std::string localised(const ReportLanguage& lang, const std::string& c_number) {
    return lang.number ? lang.number(c_number) : c_number;
}

std::string c_trust(double share) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", std::isfinite(share) ? share * 100 : 0.0);
    return std::strcmp(b, "-0.0") == 0 ? "0.0" : b;
}

}  // namespace

std::string trust(const ReportLanguage& lang, double share) { return localised(lang, c_trust(share)); }

std::string trust_whole(const ReportLanguage& lang, double share) {
    const std::string c = c_trust(share);
    return localised(lang, c.substr(0, c.size() - 2));
}

std::string points(const ReportLanguage& lang, double delta) {
    const double v = std::isfinite(delta) ? delta * 100 : 0.0;
    if (std::fabs(v) < 0.05) return localised(lang, "0.0");
    char b[32];
    std::snprintf(b, sizeof b, "%+.1f", v);
    return localised(lang, b);
}

std::string money(const ReportLanguage& lang, double value, const std::string& currency) {
    char b[64];
    std::snprintf(b, sizeof b, "%.0f", std::isfinite(value) ? std::fabs(value) : 0.0);
    const std::string digits = b;
    const bool negative = value < 0 && digits != "0";
    if (lang.money) return lang.money(digits, currency, negative);
    return money_text("en", localise_number("en", digits), currency, negative);
}

std::string number(const ReportLanguage& lang, double value, int decimals) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", std::clamp(decimals, 0, 6), std::isfinite(value) ? value : 0.0);
    return localised(lang, b);
}

std::string month_name(const ReportLanguage& lang, int month, const std::string& start) {
    const long total = presentation::calendar_month(month, start);
    if (total < 0) return sayf(lang, "Month %d", month);
    const int year = static_cast<int>(total / 12), calendar = static_cast<int>(total % 12) + 1;
    return lang.month_year ? lang.month_year(year, calendar) : month_year("en", year, calendar);
}

namespace {

std::string stakeholder_name(const Plan& plan, const std::string& id) {
    for (const Stakeholder& s : plan.stakeholders)
        if (s.id == id) return s.name.empty() ? s.id : s.name;
    return id;
}

std::string metric_name(const ReportLanguage& lang, Metric m) {
    switch (m) {
        case Metric::trust_share: return say(lang, "Trust share");
        case Metric::nps: return say(lang, "NPS");
        case Metric::csat: return say(lang, "CSAT");
        case Metric::churn: return say(lang, "Churn");
        case Metric::other: break;
    }
    return say(lang, "Other");
}

std::string dimension_name(const ReportLanguage& lang, Dimension d) {
    switch (d) {
        case Dimension::transactions: return say(lang, "Transactions");
        case Dimension::promises: return say(lang, "Promises");
        case Dimension::honesty: return say(lang, "Honesty");
        case Dimension::advice: return say(lang, "Advice");
        case Dimension::empathy: break;
    }
    return say(lang, "Empathy");
}

// What was measured, the backtest and the fitted base rates (docs/MODEL.md "Calibration and backtest").
ReportSection measurements(const Plan& plan, const std::optional<std::string>& scenario, const ReportLanguage& lang) {
    ReportSection s{say(lang, "Measurements"), {}, {}, {}};
    ReportTable all{{say(lang, "Month"), say(lang, "Stakeholder"), say(lang, "Metric"), say(lang, "Value"),
                     say(lang, "Respondents"), say(lang, "Source")},
                    {false, false, false, true, true, false}, {}};
    for (const Observation& o : plan.observations) {
        const bool share = o.metric == Metric::trust_share || o.metric == Metric::churn;
        all.rows.push_back({month_name(lang, o.month, plan.settings.start), stakeholder_name(plan, o.stakeholder),
                            metric_name(lang, o.metric),
                            share ? trust(lang, o.value) + "%" : number(lang, o.value, o.metric == Metric::nps ? 1 : 2),
                            o.n ? money(lang, *o.n, "") : "-", o.source});
    }
    s.tables.push_back({"", std::move(all)});
    const Calibration c = calibrate(plan, scenario);
    if (c.backtest.empty()) {
        s.lines.push_back(say(lang, "No trust share was measured between month 0 and the horizon: the model is not tested."));
        return s;
    }
    std::size_t inside = 0;
    for (const BacktestPoint& b : c.backtest) inside += b.inside;
    s.lines.push_back(sayf(lang, "Backtest: %d of %d trust-share measurements lie inside the projection's 95%% band (%s%%).",
                           static_cast<int>(inside), static_cast<int>(c.backtest.size()), trust(lang, *c.coverage).c_str()));
    ReportTable back{{say(lang, "Month"), say(lang, "Stakeholder"), say(lang, "Measured"), say(lang, "Projected"),
                      say(lang, "95% band"), say(lang, "Inside")},
                     {false, false, true, true, true, false}, {}};
    for (const BacktestPoint& b : c.backtest)
        back.rows.push_back({month_name(lang, b.month, plan.settings.start), stakeholder_name(plan, b.stakeholder),
                             trust(lang, b.observed), trust(lang, b.projected),
                             sayf(lang, "%s to %s", trust(lang, b.band_low).c_str(), trust(lang, b.band_high).c_str()),
                             b.inside ? say(lang, "yes") : say(lang, "no")});
    s.tables.push_back({say(lang, "Backtest"), std::move(back)});
    ReportTable fit{{say(lang, "Stakeholder"), say(lang, "Base rate"), say(lang, "Fitted"), say(lang, "Measurements"),
                     say(lang, "Error now"), say(lang, "Error fitted")},
                    {false, true, true, true, true, true}, {}};
    for (const CalibratedGroup& g : c.groups) {
        fit.rows.push_back({stakeholder_name(plan, g.stakeholder), trust(lang, g.base_rate_before) + "%",
                            trust(lang, g.base_rate_after) + "%", std::to_string(g.observations),
                            trust(lang, g.rmse_before), trust(lang, g.rmse_after)});
        if (g.at_bound())
            s.after.push_back(sayf(lang, "%s: the best-fitting base rate sits at %s%%, the end of its range: the plan's "
                                         "evidence, not its base rate, disagrees with the measurements.",
                                   stakeholder_name(plan, g.stakeholder).c_str(), trust(lang, g.base_rate_after).c_str()));
    }
    s.tables.push_back({say(lang, "Base rates fitted to the measurements (errors in points of trust)"), std::move(fit)});
    return s;
}

// The workshop's scores per group and dimension (median, the middle half, agreement).
ReportSection workshop(const Plan& plan, const ReportLanguage& lang) {
    const WorkshopSummary w = aggregate_workshop(plan);
    ReportSection s{say(lang, "Workshop"), {}, {}, {}};
    s.lines.push_back(sayf(lang, "%d participants scored on the 9-point scale (6-9 counts as trust); agreement across "
                                 "them (Kendall's W, 0-1): %s.",
                           w.participants, number(lang, w.kendall_w, 2).c_str()));
    ReportTable t{{say(lang, "Stakeholder"), say(lang, "Dimension"), say(lang, "Scores"), say(lang, "Median"),
                   say(lang, "Middle half"), say(lang, "Trusting (6-9)"), say(lang, "Disagreement")},
                  {false, false, true, true, true, true, false}, {}};
    for (const WorkshopItem& i : w.items)
        t.rows.push_back({stakeholder_name(plan, i.stakeholder), dimension_name(lang, i.dimension), std::to_string(i.count),
                          number(lang, i.median, 1),
                          sayf(lang, "%s to %s", number(lang, i.q1, 1).c_str(), number(lang, i.q3, 1).c_str()),
                          trust(lang, i.share_trusting) + "%", i.disagreement ? say(lang, "yes") : ""});
    s.tables.push_back({"", std::move(t)});
    return s;
}

}  // namespace

ReportData gather(const Plan& plan, const Projection& projection, const ReportLanguage& lang) {
    ReportData d;
    d.title = plan.meta.title.empty() ? say(lang, "Untitled trust plan") : plan.meta.title;
    d.organisation = plan.meta.organisation;
    d.start = plan.settings.start;
    d.currency = plan.meta.currency;
    d.horizon = projection.horizon_months;
    d.total_cost = projection.total_cost;
    d.revenue_kept = projection.revenue_kept;
    d.scenario_name = say(lang, "The plan's enabled actions");
    std::optional<std::string> scenario;
    for (const Scenario& s : plan.scenarios)
        if (s.id == projection.scenario) {
            d.scenario_name = s.name.empty() ? s.id : s.name;
            scenario = s.id;
        }
    if (projection.months.empty()) return d;
    const MonthResult& first = projection.months.front();
    const MonthResult& last = projection.months.back();
    d.index_now = first.trust_index;
    d.index_horizon = last.trust_index;
    const std::size_t at = std::min(static_cast<std::size_t>(last.month), projection.explanation.size() - 1);
    for (std::size_t i = 0; i < plan.stakeholders.size() && i < last.stakeholders.size(); ++i) {
        StakeholderRow row;
        row.name = plan.stakeholders[i].name.empty() ? plan.stakeholders[i].id : plan.stakeholders[i].name;
        row.now = &first.stakeholders[i];
        row.horizon = &last.stakeholders[i];
        row.customers = plan.stakeholders[i].kind == StakeholderKind::customers;
        const std::vector<Contribution> none;
        const bool explained = at < projection.explanation.size() && i < projection.explanation[at].size();
        for (const presentation::WaterfallStep& s : presentation::waterfall(explained ? projection.explanation[at][i] : none))
            row.waterfall.push_back({source_label(lang, plan, s.kind, s.id), s.value, s.from, s.to});
        d.stakeholders.push_back(std::move(row));
    }
    const std::vector<core::ActState> states = core::action_states(plan, scenario);
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const bool on = states[i] == core::ActState::on;
        d.actions.push_back({&plan.actions[i], on, on ? core::action_cost(plan, plan.actions[i]) : 0.0});
    }
    std::stable_sort(d.actions.begin(), d.actions.end(), [](const ActionRow& a, const ActionRow& b) {
        return a.action->start_month < b.action->start_month;
    });
    d.customers = presentation::customer_totals(plan, projection);
    if (!plan.observations.empty()) d.sections.push_back(measurements(plan, scenario, lang));
    if (!plan.workshop.ratings.empty()) d.sections.push_back(workshop(plan, lang));
    return d;
}

std::string scope_line(const ReportLanguage& lang, const ReportData& d) {
    if (month_code(1, d.start).empty()) return sayf(lang, "%d months from today (month 0)", d.horizon);
    return sayf(lang, "%d months from %s (month 0 is today, %s)", d.horizon, month_name(lang, 1, d.start).c_str(),
                month_name(lang, 0, d.start).c_str());
}

}  // namespace fiducia::io::report_parts
