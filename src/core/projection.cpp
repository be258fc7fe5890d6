// project(): MODEL.md month by month, with bands, retention, revenue and the exact explanation.
#include <cmath>

#include "core/chain.hpp"
#include "core/evaluate.hpp"
#include "core/evidence.hpp"
#include "core/model.hpp"
#include "core/params.hpp"

namespace fiducia {

using core::ActState;
using core::CGroup;
using core::Compiled;
using core::Evidence;
using core::SourceKind;
using core::SourceRef;
using core::Vec5;

namespace {

// The contribution of a source, its value still to come.
Contribution source_of(const Plan& plan, const SourceRef& s) {
    switch (s.kind) {
        case SourceKind::touchpoint: return {ContributionKind::touchpoint, plan.touchpoints[s.index].id};
        case SourceKind::commitment: return {ContributionKind::commitment, plan.commitments[s.index].id};
        case SourceKind::knowledge: return {ContributionKind::knowledge_source, plan.knowledge_sources[s.index].id};
        case SourceKind::culture: return {ContributionKind::culture, {}};
    }
    return {ContributionKind::culture, {}};
}

}  // namespace

std::string source_key(ContributionKind kind, const std::string& id) {
    switch (kind) {
        case ContributionKind::base_rate: return "base_rate";
        case ContributionKind::peers: return "peers";
        case ContributionKind::touchpoint: return "touchpoint:" + id;
        case ContributionKind::commitment: return "commitment:" + id;
        case ContributionKind::knowledge_source: return "knowledge_source:" + id;
        case ContributionKind::culture: return "culture";
        case ContributionKind::observation: return "observation:" + id;
    }
    return "";
}

Projection project(const Plan& plan, const ProjectionOptions& options) {
    const Compiled cp = core::compile(plan);
    bool found = false;
    const std::vector<ActState> states = core::action_states(plan, options.scenario, &found);
    const int H = cp.horizon;
    const std::size_t G = cp.groups.size();

    Projection p;
    p.scenario = found ? *options.scenario : "plan";
    p.horizon_months = H;
    p.months.resize(H + 1);
    p.explanation.resize(H + 1);
    for (std::size_t i = 0; i < cp.actions.size(); ++i)
        if (states[i] == ActState::on) p.total_cost += core::action_cost(cp.actions[i], H);

    // Per group: decayed evidence of each source (the explanation needs them apart).
    std::vector<std::vector<Evidence<double>>> evidence(G);
    std::vector<std::vector<Contribution>> sources(G);
    for (std::size_t g = 0; g < G; ++g) {
        evidence[g].resize(cp.groups[g].sources.size());
        for (const SourceRef& s : cp.groups[g].sources) sources[g].push_back(source_of(plan, s));
        // Then each measurement that counts as evidence, its own source after the plan's.
        evidence[g].resize(cp.groups[g].sources.size() + cp.groups[g].observations.size());
        for (const core::CObservation& o : cp.groups[g].observations)
            sources[g].push_back({ContributionKind::observation, std::to_string(o.index)});
    }
    std::vector<std::vector<double>> mu(G), size_rev(G);
    std::vector<double> v, trust(G), weight(G);
    const double decay_start = cp.lambda < 1.0 ? 1.0 - cp.lambda : 0.0;

    for (int m = 0; m <= H; ++m) {
        core::month_values(cp, m, states.data(), v);
        MonthResult& month = p.months[m];
        month.month = m;
        month.stakeholders.resize(G);
        p.explanation[m].resize(G);
        for (std::size_t g = 0; g < G; ++g) {
            const CGroup& grp = cp.groups[g];
            const Vec5<double> pi = core::personalisation(cp, grp, v);
            Vec5<double> r{}, s{};
            for (std::size_t i = 0; i < grp.sources.size(); ++i) {
                Evidence<double> d;
                core::add_source_evidence(cp, grp, grp.sources[i], v, pi, d);
                Evidence<double>& e = evidence[g][i];
                for (int k = 0; k < kDimensions; ++k) {
                    if (m == 0) {  // warm start at the steady state of current operations
                        e.r[k] = decay_start > 0 ? d.r[k] / decay_start : 0.0;
                        e.s[k] = decay_start > 0 ? d.s[k] / decay_start : 0.0;
                    } else {       // decay first, then this month's evidence
                        e.r[k] = cp.lambda * e.r[k] + d.r[k];
                        e.s[k] = cp.lambda * e.s[k] + d.s[k];
                    }
                    r[k] += e.r[k];
                    s[k] += e.s[k];
                }
            }
            for (std::size_t j = 0; j < grp.observations.size(); ++j) {
                const core::CObservation& o = grp.observations[j];
                Evidence<double>& e = evidence[g][grp.sources.size() + j];
                for (int k = 0; k < kDimensions; ++k) {  // nothing before its month, then it decays
                    e.r[k] = (m > o.month ? cp.lambda * e.r[k] : 0.0) + (m == o.month ? o.r : 0.0);
                    e.s[k] = (m > o.month ? cp.lambda * e.s[k] : 0.0) + (m == o.month ? o.s : 0.0);
                    r[k] += e.r[k];
                    s[k] += e.s[k];
                }
            }
            if (m >= 1 && grp.customers) mu[g].push_back(core::bad_experience_rate(cp, grp, v));
            size_rev[g].push_back(v[grp.f_size] * v[grp.f_revenue]);

            const double base = v[grp.f_base];
            const double a = core::shifted_base_rate(grp, v);
            StakeholderMonth& sm = month.stakeholders[g];
            Vec5<double> n{};
            double t = 0, var = 0;
            for (int k = 0; k < kDimensions; ++k) {
                n[k] = r[k] + cp.nu * s[k] + cp.W;
                const double E = core::projected_trust(r[k], s[k], a, cp.nu, cp.W);
                sm.dimensions[k].trust = E;
                sm.dimensions[k].uncertainty = cp.W / n[k];
                t += grp.omega[k] * E;
                var += grp.omega[k] * grp.omega[k] * (E * (1.0 - E) / (n[k] + 1.0));
            }
            const double sd = var > 0 ? std::sqrt(var) : 0.0;
            sm.trust = t;
            sm.band_low = core::clamp_to(t - 1.96 * sd, 0.0, 1.0);
            sm.band_high = core::clamp_to(t + 1.96 * sd, 0.0, 1.0);
            sm.size = v[grp.f_size];
            sm.retained = 1.0;
            trust[g] = t;
            weight[g] = v[grp.f_importance];

            // c_i = sum_d omega_d (r_i (1 - a) - nu s_i a) / n_d; base + peers + sum c_i = T.
            std::vector<Contribution>& ex = p.explanation[m][g];
            ex.reserve(evidence[g].size() + 2);
            ex.push_back({ContributionKind::base_rate, {}, base});
            ex.push_back({ContributionKind::peers, {}, a - base});
            for (std::size_t i = 0; i < evidence[g].size(); ++i) {
                const Evidence<double>& e = evidence[g][i];
                double c = 0;
                for (int k = 0; k < kDimensions; ++k)
                    c += grp.omega[k] * ((e.r[k] * (1.0 - a) - cp.nu * e.s[k] * a) / n[k]);
                ex.push_back(sources[g][i]);
                ex.back().value = c;
            }
        }
        month.trust_index = core::weighted_mean(trust, weight);
    }

    // Retention (customers), then revenue: size x retained x revenue per month, months 1..H.
    for (std::size_t g = 0; g < G; ++g) {
        std::vector<double> kept(H + 1, 1.0);
        if (cp.groups[g].customers) kept = core::retained_shares(cp, mu[g]);
        for (int m = 0; m <= H; ++m) {
            StakeholderMonth& sm = p.months[m].stakeholders[g];
            sm.retained = kept[m];
            sm.revenue = size_rev[g][m] * kept[m];
            if (m >= 1) p.revenue_kept += sm.revenue;
        }
    }
    return p;
}

}  // namespace fiducia
