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

std::string month_name(const ReportLanguage& lang, int month, const std::string& start) {
    const long total = presentation::calendar_month(month, start);
    if (total < 0) return sayf(lang, "Month %d", month);
    const int year = static_cast<int>(total / 12), calendar = static_cast<int>(total % 12) + 1;
    return lang.month_year ? lang.month_year(year, calendar) : month_year("en", year, calendar);
}

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
    return d;
}

std::string scope_line(const ReportLanguage& lang, const ReportData& d) {
    if (month_code(1, d.start).empty()) return sayf(lang, "%d months from today (month 0)", d.horizon);
    return sayf(lang, "%d months from %s (month 0 is today, %s)", d.horizon, month_name(lang, 1, d.start).c_str(),
                month_name(lang, 0, d.start).c_str());
}

}  // namespace fiducia::io::report_parts
