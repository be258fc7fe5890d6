// The lean evaluation of a plan with actions in given states: the Trust Index at the horizon and
// the revenue kept, over double (exact figures) or Interval (the optimiser's bounds). The full
// projection with bands and explanation lives in projection.cpp; both use evidence.hpp.
#pragma once

#include <algorithm>
#include <vector>

#include "core/chain.hpp"
#include "core/evidence.hpp"
#include "core/params.hpp"

namespace fiducia::core {

// sum w T / sum w; weights summing to 0 count as equal weights; no groups gives 0.
inline double weighted_mean(const std::vector<double>& t, const std::vector<double>& w) {
    if (t.empty()) return 0.0;
    double sw = 0, swt = 0, st = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        sw += w[i];
        swt += w[i] * t[i];
        st += t[i];
    }
    if (!(sw > 0)) return st / static_cast<double>(t.size());
    return swt / sw;
}

// Range of sum w T / sum w over T_i in t_i, w_i in w_i (w >= 0). The extreme is reached with the
// weights at their upper ends for the terms above the optimum and lower ends below it: a threshold
// in sorted order, so trying every threshold is exact.
inline Interval weighted_mean(const std::vector<Interval>& t, const std::vector<Interval>& w) {
    const std::size_t n = t.size();
    if (n == 0) return Interval(0.0);
    std::vector<std::size_t> order(n);
    double best_hi = -1e300, best_lo = 1e300, max_hi = -1e300, min_lo = 1e300;
    bool zero_possible = true;
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = i;
        max_hi = std::max(max_hi, t[i].hi);
        min_lo = std::min(min_lo, t[i].lo);
        zero_possible = zero_possible && !(w[i].lo > 0);
    }
    // upper end: T at hi, sorted descending
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return t[a].hi > t[b].hi; });
    for (std::size_t k = 0; k <= n; ++k) {
        double sw = 0, swt = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t i = order[j];
            const double wi = j < k ? w[i].hi : w[i].lo;
            sw += wi;
            swt += wi * t[i].hi;
        }
        best_hi = std::max(best_hi, sw > 0 ? swt / sw : max_hi);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return t[a].lo < t[b].lo; });
    for (std::size_t k = 0; k <= n; ++k) {
        double sw = 0, swt = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t i = order[j];
            const double wi = j < k ? w[i].hi : w[i].lo;
            sw += wi;
            swt += wi * t[i].lo;
        }
        best_lo = std::min(best_lo, sw > 0 ? swt / sw : min_lo);
    }
    if (zero_possible) {  // all weights may be 0: the plain mean, inside [min_lo, max_hi]
        best_hi = std::max(best_hi, max_hi);
        best_lo = std::min(best_lo, min_lo);
    }
    return {best_lo, best_hi};
}

// Retained shares per month 0..H from the bad-experience rates. For bounds: the chain at the lowest
// rates bounds retention from above when beta >= 1 (the leaving hazard then grows with k, so more
// arrivals never help); otherwise only retained <= 1 is used.
inline std::vector<double> retained_shares(const Compiled& cp, const std::vector<double>& mu) {
    return retention_chain(mu, cp.lambda, cp.kappa, cp.beta).retained;
}
inline std::vector<Interval> retained_shares(const Compiled& cp, const std::vector<Interval>& mu) {
    std::vector<Interval> out(mu.size() + 1, Interval(0.0, 1.0));
    out[0] = Interval(1.0);
    if (cp.beta >= 1.0) {
        std::vector<double> lo(mu.size());
        for (std::size_t i = 0; i < mu.size(); ++i) lo[i] = mu[i].lo;
        const std::vector<double> hi = retention_chain(lo, cp.lambda, cp.kappa, cp.beta).retained;
        for (std::size_t i = 1; i < out.size(); ++i) out[i] = Interval(0.0, hi[i]);
    }
    return out;
}

template <class T>
struct Outcome {
    T trust_index{};  // at the horizon
    T revenue{};      // revenue kept, months 1..H (0 unless asked for)
    double cost = 0;  // of the actions that are on (lower bound when some are undecided)
};

template <class T>
Outcome<T> evaluate(const Compiled& cp, const ActState* states, bool with_revenue) {
    const int H = cp.horizon;
    const std::size_t G = cp.groups.size();
    Outcome<T> out;
    for (std::size_t i = 0; i < cp.actions.size(); ++i)
        if (states[i] == ActState::on) out.cost += action_cost(cp.actions[i], H);

    std::vector<T> v;
    std::vector<Evidence<T>> state(G);
    std::vector<std::vector<T>> mu(G), size_rev(G);
    std::vector<T> trust(G), weight(G);
    for (int m = 0; m <= H; ++m) {
        month_values(cp, m, states, v);
        for (std::size_t g = 0; g < G; ++g) {
            const CGroup& grp = cp.groups[g];
            const Vec5<T> pi = personalisation(cp, grp, v);
            Evidence<T> d;
            for (int k = 0; k < kDimensions; ++k) d.r[k] = d.s[k] = T(0.0);
            for (const SourceRef& src : grp.sources) add_source_evidence(cp, grp, src, v, pi, d);
            Evidence<T>& e = state[g];
            for (int k = 0; k < kDimensions; ++k) {
                if (m == 0) {
                    e.r[k] = cp.lambda < 1.0 ? d.r[k] / (1.0 - cp.lambda) : T(0.0);
                    e.s[k] = cp.lambda < 1.0 ? d.s[k] / (1.0 - cp.lambda) : T(0.0);
                } else {
                    e.r[k] = T(cp.lambda) * e.r[k] + d.r[k];
                    e.s[k] = T(cp.lambda) * e.s[k] + d.s[k];
                }
            }
            add_observation_evidence(grp, m, e);
            if (with_revenue && m >= 1) {
                if (grp.customers) mu[g].push_back(bad_experience_rate(cp, grp, v));
                size_rev[g].push_back(v[grp.f_size] * v[grp.f_revenue]);
            }
            if (m == H) {
                const T a = shifted_base_rate(grp, v);
                T t(0.0);
                for (int k = 0; k < kDimensions; ++k)
                    if (grp.omega[k] > 0)
                        t = t + T(grp.omega[k]) * projected_trust(e.r[k], e.s[k], a, cp.nu, cp.W);
                trust[g] = t;
                weight[g] = v[grp.f_importance];
            }
        }
    }
    out.trust_index = weighted_mean(trust, weight);
    if (with_revenue) {
        T total(0.0);
        for (std::size_t g = 0; g < G; ++g) {
            if (cp.groups[g].customers) {
                const std::vector<T> kept = retained_shares(cp, mu[g]);
                for (int m = 1; m <= H; ++m) total = total + size_rev[g][m - 1] * kept[m];
            } else {
                for (int m = 1; m <= H; ++m) total = total + size_rev[g][m - 1];
            }
        }
        out.revenue = total;
    }
    return out;
}

}  // namespace fiducia::core
