// Calibration and backtest (docs/MODEL.md "Calibration and backtest"). A group's trust depends on
// its own base rate only, so every group is fitted at once: two projections give each measured
// month's trust as an affine function of the base rate, the weighted least squares has a closed
// form, and a third projection checks it; where a clamp bends the line, a search finds the minimum.
#include <algorithm>
#include <cmath>

#include "core/fields.hpp"
#include "core/model.hpp"

namespace fiducia {

namespace {

struct Measured {
    std::size_t group = 0;  // index into plan.stakeholders
    int month = 0;
    double share = 0, weight = 1;
};

// The trust-share observations the fit and the backtest use: a known group, months 0..horizon.
std::vector<Measured> measured(const Plan& plan, std::size_t months, std::vector<std::size_t>* index = nullptr) {
    std::vector<Measured> out;
    for (std::size_t i = 0; i < plan.observations.size(); ++i) {
        const Observation& o = plan.observations[i];
        if (o.metric != Metric::trust_share || o.month < 0 || static_cast<std::size_t>(o.month) >= months) continue;
        std::size_t g = 0;
        while (g < plan.stakeholders.size() && plan.stakeholders[g].id != o.stakeholder) ++g;
        if (g == plan.stakeholders.size() || !std::isfinite(o.value)) continue;
        const double n = o.n && std::isfinite(*o.n) ? std::max(0.0, *o.n) : 1.0;
        out.push_back({g, o.month, o.value, n});
        if (index) index->push_back(i);
    }
    return out;
}

// Each group's trust in each measured month with every group's base rate set to b[g].
std::vector<double> trust_at(const Plan& plan, const std::optional<std::string>& scenario,
                             const std::vector<Measured>& points, const std::vector<double>& b) {
    Plan trial = plan;
    for (std::size_t g = 0; g < trial.stakeholders.size(); ++g) trial.stakeholders[g].base_rate = b[g];
    const Projection p = project(trial, {scenario});
    std::vector<double> t;
    for (const Measured& m : points) t.push_back(p.months[static_cast<std::size_t>(m.month)].stakeholders[m.group].trust);
    return t;
}

// L_g(b) = sum of n_i (T_i - p_i)^2 over group g's points, for every group.
std::vector<double> losses(const std::vector<Measured>& points, const std::vector<double>& t, std::size_t groups) {
    std::vector<double> loss(groups, 0.0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double e = t[i] - points[i].share;
        loss[points[i].group] += points[i].weight * e * e;
    }
    return loss;
}

}  // namespace

bool CalibratedGroup::at_bound() const {
    return base_rate_after <= kBaseRateRange.lo || base_rate_after >= kBaseRateRange.hi;
}

std::vector<BacktestPoint> backtest(const Plan& plan, const Projection& projection) {
    std::vector<BacktestPoint> out;
    std::vector<std::size_t> index;
    const std::vector<Measured> points = measured(plan, projection.months.size(), &index);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const StakeholderMonth& sm =
            projection.months[static_cast<std::size_t>(points[i].month)].stakeholders[points[i].group];
        const double p = points[i].share;
        out.push_back({index[i], plan.stakeholders[points[i].group].id, points[i].month, p, sm.trust, sm.band_low,
                       sm.band_high, sm.band_low <= p && p <= sm.band_high});
    }
    return out;
}

Calibration calibrate(const Plan& plan, const std::optional<std::string>& scenario) {
    Calibration out;
    const Projection now = project(plan, {scenario});
    const std::vector<Measured> points = measured(plan, now.months.size());
    out.backtest = backtest(plan, now);
    if (!out.backtest.empty()) {
        std::size_t inside = 0;
        for (const BacktestPoint& b : out.backtest) inside += b.inside;
        out.coverage = static_cast<double>(inside) / static_cast<double>(out.backtest.size());
    }

    const std::size_t G = plan.stakeholders.size();
    std::vector<double> weight(G, 0.0), before(G);
    std::vector<int> count(G, 0);
    for (const Measured& m : points) weight[m.group] += m.weight, ++count[m.group];
    for (std::size_t g = 0; g < G; ++g) before[g] = plan.stakeholders[g].base_rate;
    std::vector<double> t_before;
    for (const Measured& m : points) t_before.push_back(now.months[static_cast<std::size_t>(m.month)].stakeholders[m.group].trust);

    // Closed form: T_i = c_i + s_i b between two base rates where no clamp binds.
    const double lo = kBaseRateRange.lo, hi = kBaseRateRange.hi;
    const std::vector<double> t1 = trust_at(plan, scenario, points, std::vector<double>(G, 0.3));
    const std::vector<double> t2 = trust_at(plan, scenario, points, std::vector<double>(G, 0.7));
    std::vector<double> sxy(G, 0.0), sxx(G, 0.0), fit(before);
    std::vector<double> slope(points.size()), intercept(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        slope[i] = (t2[i] - t1[i]) / 0.4;
        intercept[i] = t1[i] - slope[i] * 0.3;
        const std::size_t g = points[i].group;
        sxy[g] += points[i].weight * slope[i] * (points[i].share - intercept[i]);
        sxx[g] += points[i].weight * slope[i] * slope[i];
    }
    for (std::size_t g = 0; g < G; ++g)
        if (count[g] > 0 && sxx[g] > 0) fit[g] = std::clamp(sxy[g] / sxx[g], lo, hi);
    // Check the line where it was used: a clamp (the peer shift, an action's effect) may bend it.
    const std::vector<double> t_fit = trust_at(plan, scenario, points, fit);
    std::vector<bool> bent(G, false);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (std::abs(t_fit[i] - (intercept[i] + slope[i] * fit[points[i].group])) > 1e-9) bent[points[i].group] = true;
    bool any_bent = false;
    for (std::size_t g = 0; g < G; ++g) any_bent = any_bent || (bent[g] && count[g] > 0);
    if (any_bent) {
        // Coarse grid, then golden sections in the best cell, all bent groups in the same projections.
        constexpr int kGrid = 49;
        std::vector<double> best_b(fit), best_l(G, INFINITY);
        for (int k = 0; k <= kGrid; ++k) {
            std::vector<double> b(fit);
            const double x = lo + (hi - lo) * k / kGrid;
            for (std::size_t g = 0; g < G; ++g)
                if (bent[g]) b[g] = x;
            const std::vector<double> l = losses(points, trust_at(plan, scenario, points, b), G);
            for (std::size_t g = 0; g < G; ++g)
                if (bent[g] && l[g] < best_l[g]) best_l[g] = l[g], best_b[g] = x;
        }
        const double cell = (hi - lo) / kGrid, phi = (std::sqrt(5.0) - 1) / 2;
        std::vector<double> a(G), c(G);
        for (std::size_t g = 0; g < G; ++g) a[g] = std::max(lo, best_b[g] - cell), c[g] = std::min(hi, best_b[g] + cell);
        while (true) {
            bool open = false;
            for (std::size_t g = 0; g < G; ++g) open = open || (bent[g] && c[g] - a[g] > 1e-9);
            if (!open) break;
            std::vector<double> x1(fit), x2(fit);
            for (std::size_t g = 0; g < G; ++g)
                if (bent[g]) x1[g] = c[g] - phi * (c[g] - a[g]), x2[g] = a[g] + phi * (c[g] - a[g]);
            const std::vector<double> l1 = losses(points, trust_at(plan, scenario, points, x1), G);
            const std::vector<double> l2 = losses(points, trust_at(plan, scenario, points, x2), G);
            for (std::size_t g = 0; g < G; ++g) {
                if (!bent[g] || c[g] - a[g] <= 1e-9) continue;
                if (l1[g] <= l2[g]) c[g] = x2[g];
                else a[g] = x1[g];
            }
        }
        for (std::size_t g = 0; g < G; ++g)
            if (bent[g]) fit[g] = (a[g] + c[g]) / 2;
        // The grid's best point wins if the search ended higher (a flat or two-valley loss).
        const std::vector<double> l_fit = losses(points, trust_at(plan, scenario, points, fit), G);
        for (std::size_t g = 0; g < G; ++g)
            if (bent[g] && best_l[g] < l_fit[g]) fit[g] = best_b[g];
    }

    const std::vector<double> l_before = losses(points, t_before, G);
    const std::vector<double> l_after = losses(points, trust_at(plan, scenario, points, fit), G);
    for (std::size_t g = 0; g < G; ++g) {
        if (count[g] == 0) continue;
        const double w = weight[g] > 0 ? weight[g] : 1.0;
        out.groups.push_back({plan.stakeholders[g].id, before[g], fit[g], count[g], std::sqrt(l_before[g] / w),
                              std::sqrt(l_after[g] / w)});
    }
    return out;
}

void apply_calibration(Plan& plan, const Calibration& calibration) {
    for (const CalibratedGroup& c : calibration.groups)
        for (Stakeholder& s : plan.stakeholders)
            if (s.id == c.stakeholder) s.base_rate = c.base_rate_after;
}

}  // namespace fiducia
