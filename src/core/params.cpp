// Compiling a Plan into flat arrays (see params.hpp).
#include "core/params.hpp"

#include <array>
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
    // A slot for each field an effect may change, table order (a value that is not finite reads as
    // the field's default); returns the first slot. The entity's field `id` is at first + index(id).
    template <class T>
    int fields(const T& x, const std::vector<Field<T>>& table) {
        static const T defaults{};
        const int first = static_cast<int>(cp.base.size());
        for (const Field<T>& f : table) {
            if (!f.changeable) continue;
            cp.base.push_back(clamp_field(finite_or(f.get(x), f.get(defaults)), f.clamp));
            cp.clamp.push_back(f.clamp);
        }
        return first;
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
    const Range& r = clamp_range(kind);
    return clamp_to(x, r.lo, r.hi);
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
    cp.culture_assessed = plan.culture.assessed;
    cp.eta = plan.culture.assessed ? clamp_to(finite_or(s.empowerment_effect, 0.5), 0.0, 1.0) : 0.0;
    cp.kappa = std::max(1e-9, finite_or(s.abandonment.kappa, 1.72));
    cp.beta = std::max(1e-9, finite_or(s.abandonment.beta, 1.665));

    Builder b{cp};
    const IdMap groups = index_ids(plan.stakeholders);
    // Per effect target (EffectTarget order), each entity's first field slot.
    std::array<std::vector<int>, kEffectTargetIds.size()> first_slot;
    auto slots = [&](EffectTarget target, const auto& x, const auto& table) {
        const int first = b.fields(x, table);
        first_slot[static_cast<std::size_t>(target)].push_back(first);
        return [first, target](const char* id) { return first + effect_field_index(target, id); };
    };

    for (const Stakeholder& st : plan.stakeholders) {
        CGroup g;
        g.customers = st.kind == StakeholderKind::customers;
        g.employees = st.kind == StakeholderKind::employees;
        g.omega = normalised(st.weights);
        const auto at = slots(EffectTarget::stakeholder, st, stakeholder_fields());
        g.f_size = at("size");
        g.f_importance = at("importance");
        g.f_base = at("base_rate");
        g.f_revenue = at("revenue_per_month");
        g.f_rating = at("peer_rating");
        g.f_exposure = at("peer_exposure");
        cp.groups.push_back(std::move(g));
    }
    {
        const auto at = slots(EffectTarget::culture, plan.culture, culture_fields());
        cp.f_empowerment = at("empowerment");
        cp.f_reward = at("reward");
    }

    for (const Touchpoint& t : plan.touchpoints) {
        CTouchpoint c;
        c.group = find_id(groups, t.stakeholder);
        c.service = t.stage == Stage::service;
        c.sigma = normalised(t.dimensions);
        const auto at = slots(EffectTarget::touchpoint, t, touchpoint_fields());
        c.f_rate = at("interactions_per_month");
        c.f_bad = at("bad_share");
        c.f_severity = at("severity");
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
        const auto at = slots(EffectTarget::commitment, cm, commitment_fields());
        c.f_rate = at("occasions_per_month");
        c.f_kept = at("kept_share");
        cp.commitments.push_back(std::move(c));
    }
    for (const KnowledgeSource& k : plan.knowledge_sources) {
        CKnowledge c;
        for (const CoverageEntry& e : k.coverage) {
            const int g = find_id(groups, e.stakeholder);
            bool seen = g < 0;
            for (const auto& x : c.coverage) seen = seen || x.first == g;
            if (!seen) c.coverage.emplace_back(g, clamp_to(finite_or(e.share, 0), kShareRange.lo, kShareRange.hi));
        }
        const auto at = slots(EffectTarget::knowledge_source, k, knowledge_source_fields());
        c.f_granularity = at("granularity");
        c.f_relevance = at("relevance");
        c.f_consistency = at("consistency");
        c.f_messages = at("messages_per_month");
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

    // Measured trust shares as evidence, only when weighted: with omega_o = 0 nothing changes.
    const double omega_o = std::max(0.0, finite_or(s.observation_weight, 0));
    for (std::size_t i = 0; omega_o > 0 && i < plan.observations.size(); ++i) {
        const Observation& o = plan.observations[i];
        const int g = find_id(groups, o.stakeholder);
        if (g < 0 || o.metric != Metric::trust_share || o.month < 0 || o.month > cp.horizon) continue;
        const double p = clamp_to(finite_or(o.value, 0), kShareRange.lo, kShareRange.hi);
        const double k = omega_o * (o.n ? std::max(0.0, finite_or(*o.n, 1)) : 1.0);
        // With nu = 0 bad evidence weighs nothing, so only r matters.
        cp.groups[g].observations.push_back({o.month, k * p, cp.nu > 0 ? k * (1.0 - p) / cp.nu : 0.0, static_cast<int>(i)});
    }

    // Actions: every effect whose target and field resolve; the rest are skipped.
    const IdMap ids[] = {index_ids(plan.touchpoints), index_ids(plan.commitments), index_ids(plan.knowledge_sources),
                         groups};  // EffectTarget order; culture has no id
    for (const Action& a : plan.actions) {
        CAction c = compiled_timing(a);
        for (const Effect& e : a.effects) {
            if (!std::isfinite(e.value)) continue;
            // The entity's first slot (culture: the one culture), then the field's place in its table.
            const auto& firsts = first_slot[static_cast<std::size_t>(e.target)];
            const int entity = e.target == EffectTarget::culture ? 0 : find_id(ids[static_cast<int>(e.target)], e.id);
            const int field = effect_field_index(e.target, e.field);
            if (entity >= 0 && field >= 0) c.effects.push_back({firsts[static_cast<std::size_t>(entity)] + field, e.op, e.value});
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
