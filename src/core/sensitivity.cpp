// Sensitivity (MODEL.md "tornado"): every numeric input of the plan at -20% and +20%, clamped to
// its range, and the Trust Index at the horizon each way; largest swing first.
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/evaluate.hpp"
#include "core/fields.hpp"
#include "core/model.hpp"
#include "core/params.hpp"

namespace fiducia {
namespace {

struct Input {
    std::string pointer, label;
    double value = 0, lo = 0, hi = 1e300;
    std::function<void(Plan&, double)> set;
};

std::string named(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

constexpr double kInf = kUnbounded;
constexpr double kOpenSide = 1e-9;  // how far inside an open bound (greater than 0) a varied value stays

std::vector<Input> inputs_of(const Plan& plan) {
    std::vector<Input> in;
    auto add = [&](std::string ptr, std::string label, double value, double lo, double hi,
                   std::function<void(Plan&, double)> set) {
        if (!std::isfinite(value)) return;
        in.push_back({std::move(ptr), std::move(label), value, lo, hi, std::move(set)});
    };
    // Every sensitivity field of a table: its pointer, "<who>: <label>", its value and range.
    // `after(id)` adds the inputs FORMAT.md lists right after that field (weights, dimensions).
    auto add_fields = [&](const auto& table, const std::string& object, const std::string& who, auto entity,
                          auto after) {
        for (const auto& f : table) {
            const auto& x = entity(plan);
            if (f.sensitivity && f.present(x))
                add(field_pointer(object, f), who + f.label, f.get(x), f.range.lo_open ? f.range.lo + kOpenSide : f.range.lo,
                    f.range.hi_open ? f.range.hi - kOpenSide : f.range.hi,
                    [f, entity](Plan& p, double v) { f.set(entity(p), v); });
            after(std::string_view(f.id));
        }
    };
    auto nothing = [](std::string_view) {};
    add_fields(settings_fields(), "/settings", "Setting: ", [](auto& p) -> auto& { return p.settings; },
               nothing);
    add_fields(abandonment_fields(), "/settings/abandonment", "Setting: ",
               [](auto& p) -> auto& { return p.settings.abandonment; }, nothing);
    add_fields(culture_fields(), "/culture", "Culture: ", [](auto& p) -> auto& { return p.culture; },
               nothing);

    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) {
        const Stakeholder& s = plan.stakeholders[i];
        const std::string ptr = "/stakeholders/" + std::to_string(i);
        const std::string who = named(s.name, s.id) + ": ";
        add_fields(stakeholder_fields(), ptr, who,
                   [i](auto& p) -> auto& { return p.stakeholders[i]; },
                   [&](std::string_view id) {
                       if (id != "base_rate") return;  // FORMAT.md: the weights follow the base rate
                       for (int d = 0; d < kDimensions; ++d)
                           if (s.weights[d] > 0)
                               add(ptr + "/weights/" + kDimensionIds[d], who + "weight of " + kDimensionIds[d], s.weights[d],
                                   0, kInf, [i, d](Plan& p, double x) { p.stakeholders[i].weights[d] = x; });
                   });
    }
    for (std::size_t i = 0; i < plan.knowledge_sources.size(); ++i) {
        const KnowledgeSource& k = plan.knowledge_sources[i];
        const std::string ptr = "/knowledge_sources/" + std::to_string(i);
        const std::string who = named(k.name, k.id) + ": ";
        for (std::size_t c = 0; c < k.coverage.size(); ++c)
            add(ptr + "/coverage/" + pointer_token(k.coverage[c].stakeholder), who + "coverage of " + k.coverage[c].stakeholder,
                k.coverage[c].share, kShareRange.lo, kShareRange.hi,
                [i, c](Plan& p, double x) { p.knowledge_sources[i].coverage[c].share = x; });
        add_fields(knowledge_source_fields(), ptr, who, [i](auto& p) -> auto& { return p.knowledge_sources[i]; }, nothing);
    }
    for (std::size_t i = 0; i < plan.touchpoints.size(); ++i) {
        const Touchpoint& t = plan.touchpoints[i];
        const std::string ptr = "/touchpoints/" + std::to_string(i);
        const std::string who = named(t.name, t.id) + ": ";
        add_fields(touchpoint_fields(), ptr, who, [i](auto& p) -> auto& { return p.touchpoints[i]; }, nothing);
        for (int d = 0; d < kDimensions; ++d)
            if (t.dimensions[d] > 0)
                add(ptr + "/dimensions/" + kDimensionIds[d], who + "share of " + kDimensionIds[d], t.dimensions[d], 0,
                    kInf, [i, d](Plan& p, double x) { p.touchpoints[i].dimensions[d] = x; });
    }
    for (std::size_t i = 0; i < plan.commitments.size(); ++i) {
        const Commitment& c = plan.commitments[i];
        add_fields(commitment_fields(), "/commitments/" + std::to_string(i), named(c.statement, c.id) + ": ",
                   [i](auto& p) -> auto& { return p.commitments[i]; }, nothing);
    }
    // An action's effect sizes are inputs too (how much a fix is assumed to help); the model
    // clamps the changed field after each effect, so the value itself is free.
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const Action& a = plan.actions[i];
        for (std::size_t e = 0; e < a.effects.size(); ++e) {
            const Effect& effect = a.effects[e];
            add("/actions/" + std::to_string(i) + "/effects/" + std::to_string(e) + "/value",
                named(a.name, a.id) + ": effect on " + (effect.id.empty() ? "culture" : effect.id) + " " + effect.field,
                effect.value, -kInf, kInf, [i, e](Plan& p, double x) { p.actions[i].effects[e].value = x; });
        }
    }
    return in;
}

}  // namespace

struct Sensitivity::State {
    std::vector<core::ActState> states;  // the scenario's actions, as in the plan given
    Plan work;                           // the plan with one input varied at a time
    std::vector<Input> inputs;
    std::size_t next = 0, stride = 1;    // this share's inputs: next, next + stride, ...
    std::size_t first = 0;
    std::vector<SensitivityItem> items;
};

Sensitivity::Sensitivity(const Plan& plan, const ProjectionOptions& options, int share, int shares) : state_(new State) {
    State& s = *state_;
    s.states = core::action_states(plan, options.scenario);
    s.work = plan;
    s.inputs = inputs_of(plan);
    shares = std::max(1, shares);
    s.stride = static_cast<std::size_t>(shares);
    s.first = s.next = static_cast<std::size_t>(std::clamp(share, 0, shares - 1));
}

Sensitivity::~Sensitivity() = default;
Sensitivity::Sensitivity(Sensitivity&&) noexcept = default;
Sensitivity& Sensitivity::operator=(Sensitivity&&) noexcept = default;

void Sensitivity::step(std::int64_t max_inputs) {
    if (!state_) return;
    State& s = *state_;
    auto trust_at_horizon = [&] {
        const core::Compiled cp = core::compile(s.work);
        return core::evaluate<double>(cp, s.states.data(), false).trust_index;
    };
    for (; max_inputs > 0 && s.next < s.inputs.size(); --max_inputs, s.next += s.stride) {
        Input& in = s.inputs[s.next];
        SensitivityItem item;
        item.input = in.pointer;
        item.label = in.label;
        item.value = in.value;
        const double lo = core::clamp_to(in.value * 0.8, in.lo, in.hi);
        const double hi = core::clamp_to(in.value * 1.2, in.lo, in.hi);
        in.set(s.work, lo);
        item.trust_low = trust_at_horizon();
        in.set(s.work, hi);
        item.trust_high = trust_at_horizon();
        in.set(s.work, in.value);
        s.items.push_back(std::move(item));
    }
}

bool Sensitivity::done() const { return !state_ || state_->next >= state_->inputs.size(); }

double Sensitivity::progress() const {
    if (done()) return 1.0;
    const State& s = *state_;
    const double mine = static_cast<double>((s.inputs.size() - s.first + s.stride - 1) / s.stride);
    return static_cast<double>(s.items.size()) / mine;
}

const std::vector<SensitivityItem>& Sensitivity::items() const {
    static const std::vector<SensitivityItem> none;
    return state_ ? state_->items : none;
}

std::vector<SensitivityItem> sensitivity_share(const Plan& plan, const ProjectionOptions& options, int share, int shares) {
    Sensitivity run(plan, options, share, shares);
    run.step(INT64_MAX);
    return run.items();
}

std::vector<SensitivityItem> sensitivity_gather(const std::vector<std::vector<SensitivityItem>>& shares) {
    std::vector<SensitivityItem> out;
    for (std::size_t at = 0;; ++at) {  // input i is item i / n of share i % n
        bool any = false;
        for (const std::vector<SensitivityItem>& share : shares)
            if (at < share.size()) {
                out.push_back(share[at]);
                any = true;
            }
        if (!any) break;
    }
    std::stable_sort(out.begin(), out.end(), [](const SensitivityItem& a, const SensitivityItem& b) {
        return std::fabs(a.trust_high - a.trust_low) > std::fabs(b.trust_high - b.trust_low);
    });
    return out;
}

std::vector<SensitivityItem> sensitivity(const Plan& plan, const ProjectionOptions& options) {
    return sensitivity_gather({sensitivity_share(plan, options, 0, 1)});
}

}  // namespace fiducia
