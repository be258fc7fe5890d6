#include "core/workshop_consensus.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/fields.hpp"
#include "core/model.hpp"

namespace fiducia {

namespace {

// Each group's weights once the consensus is applied (its current weights where nothing moves),
// and how many judgements that rests on.
struct ProposedWeights {
    DimensionWeights weights{};
    int judgements = 0;
};

std::vector<ProposedWeights> proposed_weights(const Plan& plan, const WorkshopSummary& summary) {
    std::vector<ProposedWeights> out;
    for (const Stakeholder& s : plan.stakeholders) {
        ProposedWeights p{s.weights, 0};
        DimensionWeights median{};
        int judged = 0;
        double held = 0, total = 0, sum_median = 0;  // weight the judged dimensions hold; all of it
        for (const WorkshopImportance& i : summary.importance) {
            if (i.stakeholder != s.id) continue;
            const std::size_t d = static_cast<std::size_t>(i.dimension);
            median[d] = i.median;
            sum_median += i.median;
            held += std::max(0.0, s.weights[d]);
            p.judgements += i.count;
            ++judged;
        }
        if (judged >= 2) {  // one dimension alone says nothing about the balance
            for (double w : s.weights) total += std::max(0.0, w);
            // Dimensions that weighed nothing yet matter to the room: give them their fair share of the whole.
            if (held <= 0) held = total * judged / kDimensions;
            // The held weight in thousandths, shared in proportion to the medians, largest remainder
            // first: the shares add up to exactly what was held, so a second pass finds nothing to move.
            const std::int64_t thousandths = std::llround(held * 1000.0);
            std::int64_t given = 0;
            std::array<double, kDimensions> remainder{};
            std::array<std::int64_t, kDimensions> share{};
            for (std::size_t d = 0; d < kDimensions; ++d) {
                if (median[d] <= 0) continue;
                const double exact = static_cast<double>(thousandths) * median[d] / sum_median;
                share[d] = static_cast<std::int64_t>(std::floor(exact));
                remainder[d] = exact - static_cast<double>(share[d]);
                given += share[d];
            }
            for (; given < thousandths; ++given) {
                std::size_t best = kDimensions;
                for (std::size_t d = 0; d < kDimensions; ++d)
                    if (median[d] > 0 && (best == kDimensions || remainder[d] > remainder[best])) best = d;
                ++share[best];
                remainder[best] = -1;
            }
            for (std::size_t d = 0; d < kDimensions; ++d)
                if (median[d] > 0) p.weights[d] = static_cast<double>(share[d]) / 1000.0;
        }
        out.push_back(p);
    }
    return out;
}

}  // namespace

std::vector<BaseRateChange> consensus_base_rates(const Plan& plan) {
    const WorkshopSummary summary = aggregate_workshop(plan);
    const std::vector<ProposedWeights> weights = proposed_weights(plan, summary);
    std::vector<BaseRateChange> out;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        if (summary.raters[g] < kConsensusMinRaters) continue;
        double weighted = 0, weight = 0, plain = 0;
        int ratings = 0, dimensions = 0;
        for (const WorkshopItem& item : summary.items) {
            if (item.stakeholder != s.id) continue;
            const double w = std::max(0.0, weights[g].weights[static_cast<std::size_t>(item.dimension)]);
            weighted += w * item.mean_q;
            weight += w;
            plain += item.mean_q;
            ratings += item.count;
            ++dimensions;
        }
        // Only dimensions weighing nothing were scored: their plain mean is the best the room said.
        const double q = weight > 0 ? weighted / weight : plain / dimensions;
        const double after = std::clamp(std::round(q * 1000.0) / 1000.0, kBaseRateRange.lo, kBaseRateRange.hi);
        if (after != s.base_rate) out.push_back({s.id, s.base_rate, after, ratings, summary.raters[g]});
    }
    return out;
}

std::vector<WeightChange> consensus_weights(const Plan& plan) {
    const std::vector<ProposedWeights> proposed = proposed_weights(plan, aggregate_workshop(plan));
    std::vector<WeightChange> out;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        if (proposed[g].weights != s.weights) out.push_back({s.id, s.weights, proposed[g].weights, proposed[g].judgements});
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

void apply_consensus(Plan& plan) {
    const std::vector<BaseRateChange> rates = consensus_base_rates(plan);  // computed with the new weights already
    apply_weights(plan, consensus_weights(plan));
    apply_base_rates(plan, rates);
}

}  // namespace fiducia
