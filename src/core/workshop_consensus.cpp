#include "core/workshop_consensus.hpp"

#include <algorithm>

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
        out.push_back({s.id, s.base_rate, std::clamp(trusting, 0.01, 0.99), ratings});
    }
    return out;
}

void apply_base_rates(Plan& plan, const std::vector<BaseRateChange>& changes) {
    for (const BaseRateChange& c : changes)
        for (Stakeholder& s : plan.stakeholders)
            if (s.id == c.stakeholder) s.base_rate = c.after;
}

}  // namespace fiducia
