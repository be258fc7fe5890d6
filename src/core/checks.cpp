// Checks (docs/MODEL.md "Checks"): implied churn, measurements outside the band, large drops.
#include "core/checks.hpp"

#include <algorithm>
#include <cmath>

namespace fiducia {

std::vector<PlanCheck> plan_checks(const Plan& plan, const Projection& projection) {
    std::vector<PlanCheck> out;
    const std::size_t G = plan.stakeholders.size();
    if (projection.months.size() >= 2) {
        const MonthResult& first = projection.months.front();
        const MonthResult& last = projection.months.back();
        const double months = static_cast<double>(projection.months.size() - 1);
        for (std::size_t g = 0; g < G && g < last.stakeholders.size(); ++g) {
            if (plan.stakeholders[g].kind != StakeholderKind::customers || !(first.stakeholders[g].retained > 0)) continue;
            const double kept = last.stakeholders[g].retained / first.stakeholders[g].retained;
            const double churn = 1 - std::pow(std::max(0.0, kept), 1 / months);  // the geometric mean per month
            if (churn > kChurnWarning) {
                PlanCheck c;
                c.kind = PlanCheck::Kind::high_churn;
                c.stakeholder = g, c.value = churn, c.lost = 1 - kept;
                out.push_back(c);
            }
        }
    }
    for (const BacktestPoint& p : backtest(plan, projection)) {  // no fit: this runs on every edit
        if (p.inside) continue;
        PlanCheck c;
        c.kind = PlanCheck::Kind::outside_band;
        for (std::size_t g = 0; g < G; ++g)
            if (plan.stakeholders[g].id == p.stakeholder) c.stakeholder = g;
        c.item = p.observation, c.value = p.observed, c.projected = p.projected, c.low = p.band_low, c.high = p.band_high;
        out.push_back(c);
    }
    if (!projection.explanation.empty()) {
        const auto& today = projection.explanation.front();
        for (std::size_t g = 0; g < G && g < today.size(); ++g) {
            std::vector<const Contribution*> drops;
            for (const Contribution& x : today[g])
                if (x.value < -kDropWarning) drops.push_back(&x);
            std::stable_sort(drops.begin(), drops.end(), [](auto* a, auto* b) { return a->value < b->value; });
            for (const Contribution* x : drops) {
                PlanCheck c;
                c.kind = PlanCheck::Kind::large_drop;
                c.stakeholder = g, c.value = x->value, c.source = x->kind, c.source_id = x->id;
                out.push_back(c);
            }
        }
    }
    return out;
}

}  // namespace fiducia
