// The plan compiled to flat numbers (MODEL.md parameters, FORMAT.md action effects): references
// resolved to indices (dangling ones skipped), inputs sanitised into their ranges, weights
// normalised, and every field an action may change given a slot in one flat array so a month's
// values are "base values, then each active effect in order, clamped after each".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/fields.hpp"
#include "core/interval.hpp"
#include "core/plan.hpp"

namespace fiducia::core {

using ::fiducia::ClampKind;  // core/fields.hpp: each field says how it is held in range
enum class SourceKind : unsigned char { touchpoint, commitment, knowledge, culture };
enum class ActState : unsigned char { off, on, undecided };

struct SourceRef {
    SourceKind kind = SourceKind::culture;
    int index = -1;         // into touchpoints / commitments / knowledge (unused for culture)
    double coverage = 0;    // knowledge sources: share of the group reached
};

struct CTouchpoint {
    int group = -1;  // -1: dangling stakeholder reference, contributes nowhere
    bool service = false;
    DimensionWeights sigma{};  // normalised
    int f_rate = 0, f_bad = 0, f_severity = 0;
};

struct CCommitment {
    std::vector<int> groups;  // resolved, without repeats
    bool is_public = true;
    int f_rate = 0, f_kept = 0;
};

struct CKnowledge {
    std::vector<std::pair<int, double>> coverage;  // (group, share in [0,1]), first entry per group
    int f_granularity = 0, f_relevance = 0, f_consistency = 0, f_messages = 0;
};

// A measured trust share as evidence (docs/MODEL.md "Measurements"): in `month`, after that
// month's other evidence, every dimension of its group gets r += k p and s += k (1 - p) / nu.
struct CObservation {
    int month = 0;
    double r = 0, s = 0;  // per dimension
    int index = -1;       // into plan.observations: the source "observation:I"
};

struct CGroup {
    bool customers = false, employees = false;
    DimensionWeights omega{};  // normalised (all zero -> equal)
    int f_size = 0, f_importance = 0, f_base = 0, f_revenue = 0, f_rating = 0, f_exposure = 0;
    std::vector<SourceRef> sources;  // touchpoints, commitments, knowledge sources, culture
    std::vector<CObservation> observations;  // by month; empty unless settings.observation_weight > 0
};

struct CEffect {
    int field = 0;
    EffectOp op = EffectOp::scale;
    double value = 0;
};

struct CAction {
    int start = 1, ramp = 1;
    double cost_once = 0, cost_per_month = 0;
    std::vector<CEffect> effects;  // resolvable ones, list order
};

struct Compiled {
    int horizon = 24;
    double lambda = 0.9, nu = 3, W = 2, m_pub = 2, phi = 1, eta = 0.5, kappa = 1.72, beta = 1.665;
    bool culture_assessed = true;  // false: the culture adds no evidence (and eta is 0)
    int f_empowerment = 0, f_reward = 0;
    std::vector<double> base;         // field values before any action
    std::vector<ClampKind> clamp;     // per field
    std::vector<CGroup> groups;       // plan.stakeholders order
    std::vector<CTouchpoint> touchpoints;
    std::vector<CCommitment> commitments;
    std::vector<CKnowledge> knowledge;
    std::vector<CAction> actions;     // plan.actions order (all of them)
};

Compiled compile(const Plan& plan);

// Cost over the horizon: cost_once + cost_per_month * (H - start + 1) if start <= H, else 0.
double action_cost(const CAction& a, int horizon);
// The same for a plan's action, compiled as the model reads it: what the optimiser, the projection,
// the reports and the UI all charge (nothing for an action starting after the horizon).
double action_cost(const Plan& plan, const Action& action);

// Which actions are on: a scenario's list (if the id exists), else the `enabled` flags.
// `found` tells whether the scenario was found.
std::vector<ActState> action_states(const Plan& plan, const std::optional<std::string>& scenario,
                                    bool* found = nullptr);

// Phase-in fraction f = min(1, (m - start + 1) / ramp); 0 before the start and in month 0.
double phase_in(int month, int start, int ramp);

double clamp_field(double x, ClampKind kind);

// One effect at fraction f on value v0: v0 + f (v_full - v0), then clamped.
double apply_effect(double v0, EffectOp op, double value, double f, ClampKind kind);

inline Interval clamp_field(Interval x, ClampKind kind) {
    return {clamp_field(x.lo, kind), clamp_field(x.hi, kind)};
}

inline double effect_on(double v, ActState st, const CEffect& e, double f, ClampKind k) {
    return st == ActState::off ? v : apply_effect(v, e.op, e.value, f, k);
}
// Undecided: the hull of off and on. The effect is affine in v0 and the clamp monotone, so the
// image of [lo, hi] is spanned by the images of its end points.
inline Interval effect_on(Interval v, ActState st, const CEffect& e, double f, ClampKind k) {
    if (st == ActState::off) return v;
    const double a = apply_effect(v.lo, e.op, e.value, f, k);
    const double b = apply_effect(v.hi, e.op, e.value, f, k);
    const Interval on{a < b ? a : b, a < b ? b : a};
    return st == ActState::on ? on : hull(v, on);
}

// The field values of month m (0..horizon) with actions in the given states.
template <class T>
void month_values(const Compiled& cp, int month, const ActState* states, std::vector<T>& out) {
    out.assign(cp.base.begin(), cp.base.end());
    if (month <= 0) return;  // month 0: no action applied
    for (std::size_t i = 0; i < cp.actions.size(); ++i) {
        const CAction& a = cp.actions[i];
        if (states[i] == ActState::off || month < a.start) continue;
        const double f = phase_in(month, a.start, a.ramp);
        for (const CEffect& e : a.effects)
            out[e.field] = effect_on(out[e.field], states[i], e, f, cp.clamp[e.field]);
    }
}

}  // namespace fiducia::core
