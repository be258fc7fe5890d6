// Sensitivity (MODEL.md "tornado"): every numeric input of the plan at -20% and +20%, clamped to
// its range, and the Trust Index at the horizon each way; largest swing first.
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/evaluate.hpp"
#include "core/model.hpp"
#include "core/params.hpp"

namespace fiducia {
namespace {

struct Input {
    std::string pointer, label;
    double value = 0, lo = 0, hi = 1e300;
    std::function<void(Plan&, double)> set;
};

// JSON pointer escaping of one reference token (RFC 6901).
std::string token(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}


std::string named(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

constexpr double kInf = 1e300;

std::vector<Input> inputs_of(const Plan& plan) {
    std::vector<Input> in;
    auto add = [&](std::string ptr, std::string label, double value, double lo, double hi,
                   std::function<void(Plan&, double)> set) {
        if (!std::isfinite(value)) return;
        in.push_back({std::move(ptr), std::move(label), value, lo, hi, std::move(set)});
    };
    // settings
    add("/settings/forgetting", "Setting: forgetting", plan.settings.forgetting, 1e-9, 1,
        [](Plan& p, double x) { p.settings.forgetting = x; });
    add("/settings/negative_weight", "Setting: negative weight", plan.settings.negative_weight, 1e-9, kInf,
        [](Plan& p, double x) { p.settings.negative_weight = x; });
    add("/settings/prior_weight", "Setting: prior weight", plan.settings.prior_weight, 1e-9, kInf,
        [](Plan& p, double x) { p.settings.prior_weight = x; });
    add("/settings/public_commitment_multiplier", "Setting: public commitment multiplier",
        plan.settings.public_commitment_multiplier, 1, kInf,
        [](Plan& p, double x) { p.settings.public_commitment_multiplier = x; });
    add("/settings/personalisation_lift", "Setting: personalisation lift", plan.settings.personalisation_lift, 0, kInf,
        [](Plan& p, double x) { p.settings.personalisation_lift = x; });
    add("/settings/empowerment_effect", "Setting: empowerment effect", plan.settings.empowerment_effect, 0, 1,
        [](Plan& p, double x) { p.settings.empowerment_effect = x; });
    add("/settings/abandonment/kappa", "Setting: abandonment kappa", plan.settings.abandonment.kappa, 1e-9, kInf,
        [](Plan& p, double x) { p.settings.abandonment.kappa = x; });
    add("/settings/abandonment/beta", "Setting: abandonment beta", plan.settings.abandonment.beta, 1e-9, kInf,
        [](Plan& p, double x) { p.settings.abandonment.beta = x; });
    add("/culture/empowerment", "Culture: empowerment", plan.culture.empowerment, 0, 1,
        [](Plan& p, double x) { p.culture.empowerment = x; });
    add("/culture/reward", "Culture: reward", plan.culture.reward, 0, 1,
        [](Plan& p, double x) { p.culture.reward = x; });

    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) {
        const Stakeholder& s = plan.stakeholders[i];
        const std::string ptr = "/stakeholders/" + std::to_string(i) + "/";
        const std::string who = named(s.name, s.id) + ": ";
        add(ptr + "size", who + "size", s.size, 0, kInf, [i](Plan& p, double x) { p.stakeholders[i].size = x; });
        add(ptr + "importance", who + "importance", s.importance, 0, kInf,
            [i](Plan& p, double x) { p.stakeholders[i].importance = x; });
        add(ptr + "base_rate", who + "base rate", s.base_rate, 0.01, 0.99,
            [i](Plan& p, double x) { p.stakeholders[i].base_rate = x; });
        for (int d = 0; d < kDimensions; ++d)
            if (s.weights[d] > 0)
                add(ptr + "weights/" + kDimensionIds[d], who + "weight of " + kDimensionIds[d], s.weights[d], 0, kInf,
                    [i, d](Plan& p, double x) { p.stakeholders[i].weights[d] = x; });
        add(ptr + "revenue_per_month", who + "revenue per month", s.revenue_per_month, 0, kInf,
            [i](Plan& p, double x) { p.stakeholders[i].revenue_per_month = x; });
        if (s.peer_rating)
            add(ptr + "peer_rating", who + "peer rating", *s.peer_rating, 1, 5,
                [i](Plan& p, double x) { p.stakeholders[i].peer_rating = x; });
        add(ptr + "peer_exposure", who + "peer exposure", s.peer_exposure, 0, 1,
            [i](Plan& p, double x) { p.stakeholders[i].peer_exposure = x; });
    }
    for (std::size_t i = 0; i < plan.knowledge_sources.size(); ++i) {
        const KnowledgeSource& k = plan.knowledge_sources[i];
        const std::string ptr = "/knowledge_sources/" + std::to_string(i) + "/";
        const std::string who = named(k.name, k.id) + ": ";
        for (std::size_t c = 0; c < k.coverage.size(); ++c)
            add(ptr + "coverage/" + token(k.coverage[c].stakeholder), who + "coverage of " + k.coverage[c].stakeholder,
                k.coverage[c].share, 0, 1, [i, c](Plan& p, double x) { p.knowledge_sources[i].coverage[c].share = x; });
        add(ptr + "granularity", who + "granularity", k.granularity, 0, 1,
            [i](Plan& p, double x) { p.knowledge_sources[i].granularity = x; });
        add(ptr + "relevance", who + "relevance", k.relevance, 0, 1,
            [i](Plan& p, double x) { p.knowledge_sources[i].relevance = x; });
        add(ptr + "consistency", who + "consistency", k.consistency, 0, 1,
            [i](Plan& p, double x) { p.knowledge_sources[i].consistency = x; });
        add(ptr + "messages_per_month", who + "messages per month", k.messages_per_month, 0, kInf,
            [i](Plan& p, double x) { p.knowledge_sources[i].messages_per_month = x; });
    }
    for (std::size_t i = 0; i < plan.touchpoints.size(); ++i) {
        const Touchpoint& t = plan.touchpoints[i];
        const std::string ptr = "/touchpoints/" + std::to_string(i) + "/";
        const std::string who = named(t.name, t.id) + ": ";
        add(ptr + "interactions_per_month", who + "interactions per month", t.interactions_per_month, 0, kInf,
            [i](Plan& p, double x) { p.touchpoints[i].interactions_per_month = x; });
        add(ptr + "bad_share", who + "bad share", t.bad_share, 0, 1,
            [i](Plan& p, double x) { p.touchpoints[i].bad_share = x; });
        add(ptr + "severity", who + "severity", t.severity, 0, kInf,
            [i](Plan& p, double x) { p.touchpoints[i].severity = x; });
        for (int d = 0; d < kDimensions; ++d)
            if (t.dimensions[d] > 0)
                add(ptr + "dimensions/" + kDimensionIds[d], who + "share of " + kDimensionIds[d], t.dimensions[d], 0,
                    kInf, [i, d](Plan& p, double x) { p.touchpoints[i].dimensions[d] = x; });
    }
    for (std::size_t i = 0; i < plan.commitments.size(); ++i) {
        const Commitment& c = plan.commitments[i];
        const std::string ptr = "/commitments/" + std::to_string(i) + "/";
        const std::string who = named(c.statement, c.id) + ": ";
        add(ptr + "occasions_per_month", who + "occasions per month", c.occasions_per_month, 0, kInf,
            [i](Plan& p, double x) { p.commitments[i].occasions_per_month = x; });
        add(ptr + "kept_share", who + "kept share", c.kept_share, 0, 1,
            [i](Plan& p, double x) { p.commitments[i].kept_share = x; });
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

std::vector<SensitivityItem> sensitivity(const Plan& plan, const ProjectionOptions& options) {
    const std::vector<core::ActState> states = core::action_states(plan, options.scenario);
    auto trust_at_horizon = [&](const Plan& p) {
        const core::Compiled cp = core::compile(p);
        return core::evaluate<double>(cp, states.data(), false).trust_index;
    };
    std::vector<SensitivityItem> out;
    Plan work = plan;
    for (Input& in : inputs_of(plan)) {
        SensitivityItem item;
        item.input = in.pointer;
        item.label = in.label;
        item.value = in.value;
        const double lo = core::clamp_to(in.value * 0.8, in.lo, in.hi);
        const double hi = core::clamp_to(in.value * 1.2, in.lo, in.hi);
        in.set(work, lo);
        item.trust_low = trust_at_horizon(work);
        in.set(work, hi);
        item.trust_high = trust_at_horizon(work);
        in.set(work, in.value);
        out.push_back(std::move(item));
    }
    std::stable_sort(out.begin(), out.end(), [](const SensitivityItem& a, const SensitivityItem& b) {
        return std::fabs(a.trust_high - a.trust_low) > std::fabs(b.trust_high - b.trust_low);
    });
    return out;
}

}  // namespace fiducia
