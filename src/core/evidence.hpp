// MODEL.md "Evidence, per person, per month" and "Trust state and score", written once over the
// number type (double for projections, Interval for the optimiser's bounds).
#pragma once

#include <array>
#include <vector>

#include "core/detmath.hpp"
#include "core/interval.hpp"
#include "core/params.hpp"

namespace fiducia::core {

inline constexpr int kTransactions = 0, kPromises = 1, kHonesty = 2, kAdvice = 3, kEmpathy = 4;

template <class T>
using Vec5 = std::array<T, kDimensions>;

template <class T>
struct Evidence {
    Vec5<T> r{}, s{};
};

// a_g = clamp(base_rate + psi (R - 3) / 4) to the base rate's range (core/fields.hpp)
template <class T>
T shifted_base_rate(const CGroup& g, const std::vector<T>& v) {
    const T shift = v[g.f_exposure] * ((v[g.f_rating] - T(3.0)) * T(0.25));
    return clamp_to(v[g.f_base] + shift, kBaseRateRange.lo, kBaseRateRange.hi);
}

inline double cube_root(double x) { return dm::cbrt(x); }
inline Interval cube_root(Interval x) { return {dm::cbrt(x.lo), dm::cbrt(x.hi)}; }

// pi_{g,d}: 1 + phi Q_g for advice and empathy, Q_g = 1 - prod_k (1 - c_kg (gamma rho kappa)^(1/3))
template <class T>
Vec5<T> personalisation(const Compiled& cp, const CGroup& g, const std::vector<T>& v) {
    T prod(1.0);
    for (const SourceRef& s : g.sources) {
        if (s.kind != SourceKind::knowledge) continue;
        const CKnowledge& k = cp.knowledge[s.index];
        const T q = v[k.f_granularity] * v[k.f_relevance] * v[k.f_consistency];
        prod = prod * (T(1.0) - T(s.coverage) * cube_root(q));
    }
    const T lift = T(1.0) + T(cp.phi) * (T(1.0) - prod);
    Vec5<T> pi{T(1.0), T(1.0), T(1.0), T(1.0), T(1.0)};
    pi[kAdvice] = lift;
    pi[kEmpathy] = lift;
    return pi;
}

// A touchpoint's bad share that month, after the culture effect on `service` touchpoints.
template <class T>
T effective_bad_share(const Compiled& cp, const CTouchpoint& t, const std::vector<T>& v) {
    if (!t.service) return v[t.f_bad];
    return v[t.f_bad] * (T(1.0) - T(cp.eta) * v[cp.f_empowerment]);
}

// Adds one source's evidence for group g (per typical member, that month) to `out`.
template <class T>
void add_source_evidence(const Compiled& cp, const CGroup& g, const SourceRef& src,
                         const std::vector<T>& v, const Vec5<T>& pi, Evidence<T>& out) {
    switch (src.kind) {
        case SourceKind::touchpoint: {
            const CTouchpoint& t = cp.touchpoints[src.index];
            const T rate = v[t.f_rate];
            const T p = effective_bad_share(cp, t, v);
            const T good = rate * (T(1.0) - p);
            const T bad = rate * p * v[t.f_severity];
            for (int d = 0; d < kDimensions; ++d) {
                if (!(t.sigma[d] > 0)) continue;
                out.r[d] = out.r[d] + good * T(t.sigma[d]) * pi[d];
                out.s[d] = out.s[d] + bad * T(t.sigma[d]);
            }
            break;
        }
        case SourceKind::commitment: {
            const CCommitment& c = cp.commitments[src.index];
            const T rate = v[c.f_rate];
            const T kept = v[c.f_kept];
            out.r[kPromises] = out.r[kPromises] + rate * kept;
            out.s[kPromises] =
                out.s[kPromises] + rate * (T(1.0) - kept) * T(c.is_public ? cp.m_pub : 1.0);
            break;
        }
        case SourceKind::knowledge: {
            const CKnowledge& k = cp.knowledge[src.index];
            const T reach = v[k.f_messages] * T(src.coverage);
            const T cons = v[k.f_consistency];
            out.r[kHonesty] = out.r[kHonesty] + reach * cons;
            out.s[kHonesty] = out.s[kHonesty] + reach * (T(1.0) - cons);
            break;
        }
        case SourceKind::culture: {
            if (!g.employees || !cp.culture_assessed) break;
            const T e = v[cp.f_empowerment];
            const T rho = v[cp.f_reward];
            out.r[kAdvice] = out.r[kAdvice] + e;
            out.s[kAdvice] = out.s[kAdvice] + (T(1.0) - e);
            out.r[kEmpathy] = out.r[kEmpathy] + rho;
            out.s[kEmpathy] = out.s[kEmpathy] + (T(1.0) - rho);
            break;
        }
    }
}

// mu: expected bad experiences per person that month (touchpoints' bad outcomes after the culture
// effect, commitments broken), the arrival rate of the customers-lost chain.
template <class T>
T bad_experience_rate(const Compiled& cp, const CGroup& g, const std::vector<T>& v) {
    T mu(0.0);
    for (const SourceRef& s : g.sources) {
        if (s.kind == SourceKind::touchpoint) {
            const CTouchpoint& t = cp.touchpoints[s.index];
            mu = mu + v[t.f_rate] * effective_bad_share(cp, t, v);
        } else if (s.kind == SourceKind::commitment) {
            const CCommitment& c = cp.commitments[s.index];
            mu = mu + v[c.f_rate] * (T(1.0) - v[c.f_kept]);
        }
    }
    return mu;
}

// The measured trust shares of `month` as evidence (docs/MODEL.md "Measurements"), added to
// `e` after that month's other evidence (in month 0 after the warm start).
template <class T>
void add_observation_evidence(const CGroup& g, int month, Evidence<T>& e) {
    for (const CObservation& o : g.observations) {
        if (o.month != month) continue;
        for (int k = 0; k < kDimensions; ++k) {
            e.r[k] = e.r[k] + T(o.r);
            e.s[k] = e.s[k] + T(o.s);
        }
    }
}

// E = (r + W a) / (r + nu s + W); increasing in r and a, decreasing in s.
inline double projected_trust(double r, double s, double a, double nu, double W) {
    return (r + W * a) / (r + nu * s + W);
}
inline Interval projected_trust(Interval r, Interval s, Interval a, double nu, double W) {
    return {projected_trust(r.lo, s.hi, a.lo, nu, W), projected_trust(r.hi, s.lo, a.hi, nu, W)};
}

}  // namespace fiducia::core
