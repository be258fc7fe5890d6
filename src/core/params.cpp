// Compiling a Plan into flat arrays (see params.hpp).
#include "core/params.hpp"

#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/model.hpp"

namespace fiducia::core {
namespace {

double finite_or(double x, double fallback) { return std::isfinite(x) ? x : fallback; }

DimensionWeights normalised(const DimensionWeights& w) {
    DimensionWeights out{};
    double sum = 0;
    for (int d = 0; d < kDimensions; ++d) {
        const double x = finite_or(w[d], 0);
        out[d] = x > 0 ? x : 0;
        sum += out[d];
    }
    if (!(sum > 0)) {
        for (double& x : out) x = 1.0 / kDimensions;
        return out;
    }
    for (double& x : out) x /= sum;
    return out;
}

using IdMap = std::unordered_map<std::string, int>;

template <class V>
IdMap index_ids(const V& list) {
    IdMap map;
    for (std::size_t i = 0; i < list.size(); ++i) map.emplace(list[i].id, static_cast<int>(i));
    return map;  // the first of repeated ids wins
}

int find_id(const IdMap& map, const std::string& id) {
    const auto it = map.find(id);
    return it == map.end() ? -1 : it->second;
}

struct Builder {
    Compiled& cp;
    int field(double value, double fallback, ClampKind kind) {
        cp.base.push_back(clamp_field(finite_or(value, fallback), kind));
        cp.clamp.push_back(kind);
        return static_cast<int>(cp.base.size()) - 1;
    }
};

}  // namespace

double phase_in(int month, int start, int ramp) {
    if (month <= 0 || month < start) return 0.0;
    if (ramp < 1) ramp = 1;
    const double f = static_cast<double>(month - start + 1) / ramp;
    return f < 1.0 ? f : 1.0;
}

double clamp_field(double x, ClampKind kind) {
    if (x != x) x = 0;  // NaN never leaks into the model
    switch (kind) {
        case ClampKind::share: return clamp_to(x, 0.0, 1.0);
        case ClampKind::base_rate: return clamp_to(x, 0.01, 0.99);
        case ClampKind::rating: return clamp_to(x, 1.0, 5.0);
        case ClampKind::nonneg: return x < 0 ? 0.0 : (x > 1e300 ? 1e300 : x);
    }
    return x;
}

double apply_effect(double v0, EffectOp op, double value, double f, ClampKind kind) {
    double full = v0;
    switch (op) {
        case EffectOp::scale: full = v0 * value; break;
        case EffectOp::add: full = v0 + value; break;
        case EffectOp::set: full = value; break;
    }
    return clamp_field(v0 + f * (full - v0), kind);
}

namespace {
int compiled_horizon(const Settings& s) { return s.horizon_months < 0 ? 0 : (s.horizon_months > 600 ? 600 : s.horizon_months); }

// An action's timing and costs as the model reads them; its effects are compiled apart.
CAction compiled_timing(const Action& a) {
    CAction c;
    c.start = a.start_month < 1 ? 1 : a.start_month;
    c.ramp = a.ramp_months < 1 ? 1 : a.ramp_months;
    c.cost_once = std::max(0.0, finite_or(a.cost_once, 0));
    c.cost_per_month = std::max(0.0, finite_or(a.cost_per_month, 0));
    return c;
}
}  // namespace

double action_cost(const CAction& a, int horizon) {
    if (a.start > horizon) return 0.0;
    return a.cost_once + a.cost_per_month * static_cast<double>(horizon - a.start + 1);
}

double action_cost(const Plan& plan, const Action& action) {
    return action_cost(compiled_timing(action), compiled_horizon(plan.settings));
}

Compiled compile(const Plan& plan) {
    Compiled cp;
    const Settings& s = plan.settings;
    cp.horizon = compiled_horizon(s);
    cp.lambda = clamp_to(finite_or(s.forgetting, 0.9), 0.0, 1.0);
    cp.nu = std::max(0.0, finite_or(s.negative_weight, 3));
    cp.W = std::max(1e-9, finite_or(s.prior_weight, 2));
    cp.m_pub = std::max(0.0, finite_or(s.public_commitment_multiplier, 2));
    cp.phi = std::max(0.0, finite_or(s.personalisation_lift, 1));
    cp.eta = clamp_to(finite_or(s.empowerment_effect, 0.5), 0.0, 1.0);
    cp.kappa = std::max(1e-9, finite_or(s.abandonment.kappa, 1.72));
    cp.beta = std::max(1e-9, finite_or(s.abandonment.beta, 1.665));

    Builder b{cp};
    const IdMap groups = index_ids(plan.stakeholders);
    const IdMap touch_ids = index_ids(plan.touchpoints);
    const IdMap commit_ids = index_ids(plan.commitments);
    const IdMap know_ids = index_ids(plan.knowledge_sources);

    for (const Stakeholder& st : plan.stakeholders) {
        CGroup g;
        g.customers = st.kind == StakeholderKind::customers;
        g.employees = st.kind == StakeholderKind::employees;
        g.omega = normalised(st.weights);
        g.f_size = b.field(st.size, 1000, ClampKind::nonneg);
        g.f_importance = b.field(st.importance, 1, ClampKind::nonneg);
        g.f_base = b.field(st.base_rate, 0.5, ClampKind::base_rate);
        g.f_revenue = b.field(st.revenue_per_month, 0, ClampKind::nonneg);
        // No rating behaves as 3 stars: (R - 3) = 0, no shift; an effect on it starts from 3.
        g.f_rating = b.field(st.peer_rating ? *st.peer_rating : 3.0, 3.0, ClampKind::rating);
        g.f_exposure = b.field(st.peer_exposure, 0, ClampKind::share);
        cp.groups.push_back(std::move(g));
    }
    cp.f_empowerment = b.field(plan.culture.empowerment, 0, ClampKind::share);
    cp.f_reward = b.field(plan.culture.reward, 0, ClampKind::share);

    for (const Touchpoint& t : plan.touchpoints) {
        CTouchpoint c;
        c.group = find_id(groups, t.stakeholder);
        c.service = t.stage == Stage::service;
        c.sigma = normalised(t.dimensions);
        c.f_rate = b.field(t.interactions_per_month, 0, ClampKind::nonneg);
        c.f_bad = b.field(t.bad_share, 0, ClampKind::share);
        c.f_severity = b.field(t.severity, 1, ClampKind::nonneg);
        cp.touchpoints.push_back(c);
    }
    for (const Commitment& cm : plan.commitments) {
        CCommitment c;
        for (const std::string& id : cm.stakeholders) {
            const int g = find_id(groups, id);
            bool seen = g < 0;
            for (int x : c.groups) seen = seen || x == g;
            if (!seen) c.groups.push_back(g);
        }
        c.is_public = cm.is_public;
        c.f_rate = b.field(cm.occasions_per_month, 0, ClampKind::nonneg);
        c.f_kept = b.field(cm.kept_share, 1, ClampKind::share);
        cp.commitments.push_back(std::move(c));
    }
    for (const KnowledgeSource& k : plan.knowledge_sources) {
        CKnowledge c;
        for (const CoverageEntry& e : k.coverage) {
            const int g = find_id(groups, e.stakeholder);
            bool seen = g < 0;
            for (const auto& x : c.coverage) seen = seen || x.first == g;
            if (!seen) c.coverage.emplace_back(g, clamp_to(finite_or(e.share, 0), 0.0, 1.0));
        }
        c.f_granularity = b.field(k.granularity, 0, ClampKind::share);
        c.f_relevance = b.field(k.relevance, 0, ClampKind::share);
        c.f_consistency = b.field(k.consistency, 0, ClampKind::share);
        c.f_messages = b.field(k.messages_per_month, 1, ClampKind::nonneg);
        cp.knowledge.push_back(std::move(c));
    }

    // Each group's sources, in plan order by kind (the explanation's order).
    for (std::size_t t = 0; t < cp.touchpoints.size(); ++t) {
        const int g = cp.touchpoints[t].group;
        if (g >= 0) cp.groups[g].sources.push_back({SourceKind::touchpoint, static_cast<int>(t), 0});
    }
    for (std::size_t c = 0; c < cp.commitments.size(); ++c)
        for (int g : cp.commitments[c].groups)
            cp.groups[g].sources.push_back({SourceKind::commitment, static_cast<int>(c), 0});
    for (std::size_t k = 0; k < cp.knowledge.size(); ++k)
        for (const auto& [g, share] : cp.knowledge[k].coverage)
            cp.groups[g].sources.push_back({SourceKind::knowledge, static_cast<int>(k), share});
    for (CGroup& g : cp.groups) g.sources.push_back({SourceKind::culture, -1, 0});

    // Actions: every effect whose target and field resolve; the rest are skipped.
    for (const Action& a : plan.actions) {
        CAction c = compiled_timing(a);
        for (const Effect& e : a.effects) {
            if (!std::isfinite(e.value)) continue;
            const std::string_view f = e.field;
            int field = -1;
            switch (e.target) {
                case EffectTarget::touchpoint: {
                    const int i = find_id(touch_ids, e.id);
                    if (i < 0) break;
                    const CTouchpoint& t = cp.touchpoints[i];
                    if (f == "interactions_per_month") field = t.f_rate;
                    else if (f == "bad_share") field = t.f_bad;
                    else if (f == "severity") field = t.f_severity;
                    break;
                }
                case EffectTarget::commitment: {
                    const int i = find_id(commit_ids, e.id);
                    if (i < 0) break;
                    const CCommitment& t = cp.commitments[i];
                    if (f == "occasions_per_month") field = t.f_rate;
                    else if (f == "kept_share") field = t.f_kept;
                    break;
                }
                case EffectTarget::knowledge_source: {
                    const int i = find_id(know_ids, e.id);
                    if (i < 0) break;
                    const CKnowledge& t = cp.knowledge[i];
                    if (f == "granularity") field = t.f_granularity;
                    else if (f == "relevance") field = t.f_relevance;
                    else if (f == "consistency") field = t.f_consistency;
                    else if (f == "messages_per_month") field = t.f_messages;
                    break;
                }
                case EffectTarget::stakeholder: {
                    const int i = find_id(groups, e.id);
                    if (i < 0) break;
                    const CGroup& t = cp.groups[i];
                    if (f == "size") field = t.f_size;
                    else if (f == "importance") field = t.f_importance;
                    else if (f == "base_rate") field = t.f_base;
                    else if (f == "revenue_per_month") field = t.f_revenue;
                    else if (f == "peer_rating") field = t.f_rating;
                    else if (f == "peer_exposure") field = t.f_exposure;
                    break;
                }
                case EffectTarget::culture:
                    if (f == "empowerment") field = cp.f_empowerment;
                    else if (f == "reward") field = cp.f_reward;
                    break;
            }
            if (field >= 0) c.effects.push_back({field, e.op, e.value});
        }
        cp.actions.push_back(std::move(c));
    }
    return cp;
}

std::vector<ActState> action_states(const Plan& plan, const std::optional<std::string>& scenario,
                                    bool* found) {
    std::vector<ActState> st(plan.actions.size(), ActState::off);
    if (scenario && *scenario == kNoActionsScenario) {  // the baseline: every action off
        if (found) *found = true;
        return st;
    }
    const Scenario* sc = nullptr;
    if (scenario)
        for (const Scenario& s : plan.scenarios)
            if (s.id == *scenario) { sc = &s; break; }
    if (found) *found = sc != nullptr;
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        bool on = plan.actions[i].enabled;
        if (sc) {
            on = false;
            for (const std::string& id : sc->actions) on = on || id == plan.actions[i].id;
        }
        st[i] = on ? ActState::on : ActState::off;
    }
    return st;
}

}  // namespace fiducia::core
