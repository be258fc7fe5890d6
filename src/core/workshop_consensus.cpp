#include "core/workshop_consensus.hpp"

#include <algorithm>
#include <cmath>

#include "core/fields.hpp"
#include "core/model.hpp"

namespace fiducia {

std::vector<BaseRateChange> consensus_base_rates(const Plan& plan) {
    const WorkshopSummary summary = aggregate_workshop(plan);
    std::vector<BaseRateChange> out;
    for (const Stakeholder& s : plan.stakeholders) {
        double weighted = 0, weight = 0, share = 0;
        int ratings = 0, dimensions = 0;
        for (const WorkshopItem& item : summary.items) {
            if (item.stakeholder != s.id) continue;
            const double w = std::max(0.0, s.weights[static_cast<std::size_t>(item.dimension)]);
            weighted += w * item.share_trusting;
            weight += w;
            share += item.share_trusting;
            ratings += item.count;
            ++dimensions;
        }
        if (dimensions == 0) continue;
        // Only dimensions weighing nothing were rated: their plain mean is the best the room said.
        const double trusting = weight > 0 ? weighted / weight : share / dimensions;
        out.push_back({s.id, s.base_rate, std::clamp(trusting, kBaseRateRange.lo, kBaseRateRange.hi), ratings});
    }
    return out;
}

std::vector<WeightChange> consensus_weights(const Plan& plan) {
    const WorkshopSummary summary = aggregate_workshop(plan);
    std::vector<WeightChange> out;
    for (const Stakeholder& s : plan.stakeholders) {
        DimensionWeights median{};
        int judged = 0, judgements = 0;
        double held = 0, total = 0, sum_median = 0;  // weight the judged dimensions hold; all of it
        for (const WorkshopImportance& i : summary.importance) {
            if (i.stakeholder != s.id) continue;
            const std::size_t d = static_cast<std::size_t>(i.dimension);
            median[d] = i.median;
            sum_median += i.median;
            held += std::max(0.0, s.weights[d]);
            judgements += i.count;
            ++judged;
        }
        if (judged < 2) continue;  // one dimension alone says nothing about the balance
        for (double w : s.weights) total += std::max(0.0, w);
        // Dimensions that weighed nothing yet matter to the room: give them their fair share of the whole.
        if (held <= 0) held = total * judged / kDimensions;
        WeightChange c{s.id, s.weights, s.weights, judgements};
        for (std::size_t d = 0; d < kDimensions; ++d)
            if (median[d] > 0) c.after[d] = std::round(held * median[d] / sum_median * 1000.0) / 1000.0;
        out.push_back(c);
    }
    return out;
}

void apply_weights(Plan& plan, const std::vector<WeightChange>& changes) {
    for (const WeightChange& c : changes)
        for (Stakeholder& s : plan.stakeholders)
            if (s.id == c.stakeholder) s.weights = c.after;
}

void apply_base_rates(Plan& plan, const std::vector<BaseRateChange>& changes) {
    for (const BaseRateChange& c : changes)
        for (Stakeholder& s : plan.stakeholders)
            if (s.id == c.stakeholder) s.base_rate = c.after;
}

}  // namespace fiducia
