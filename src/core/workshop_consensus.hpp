// The workshop's consensus applied to the plan (MODEL.md "Workshop consensus"):
// - weights: where the room judged how much two or more dimensions matter to a group (1..5), those
//   dimensions share the weight they held between them in proportion to the judgements' medians
//   (in thousandths, largest remainder first, so the shares add up exactly); a dimension nobody
//   judged keeps its weight. A 9-point trust score says how far a group trusts on a dimension, not
//   how much it matters: only the judgements move weights.
// - base rates: a score s reads as the probability (s - 1) / 8 (5 = one half); a group's base rate
//   becomes the mean of those, dimension by dimension, weighted with the weights the same consensus
//   sets, over the dimensions somebody scored (a dimension nobody scored takes the proposed base rate
//   itself: the fixed point), rounded to 0.1 percentage point and clamped to 1%..99%. Only groups
//   scored by at least 3 participants change.
// Both lists hold only what actually changes, so applying the consensus twice changes nothing.
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"

namespace fiducia {

// Fewer raters than this say too little about a whole group for its base rate to move.
inline constexpr int kConsensusMinRaters = 3;

struct BaseRateChange {
    std::string stakeholder;  // id
    double before = 0, after = 0;
    int ratings = 0;  // how many ratings the new value rests on
    int raters = 0;   // by how many participants
};

// One entry per stakeholder whose base rate the consensus changes, plan order.
std::vector<BaseRateChange> consensus_base_rates(const Plan& plan);
void apply_base_rates(Plan& plan, const std::vector<BaseRateChange>& changes);

struct WeightChange {
    std::string stakeholder;  // id
    DimensionWeights before{}, after{};
    int judgements = 0;  // how many importance judgements the new weights rest on
};

// One entry per stakeholder whose weights the consensus changes (two or more dimensions judged),
// plan order. Weights are in thousandths (the plan file stays readable; the model normalises them).
std::vector<WeightChange> consensus_weights(const Plan& plan);
void apply_weights(Plan& plan, const std::vector<WeightChange>& changes);

// Both, as one edit: the weights first, then the base rates they were computed with.
void apply_consensus(Plan& plan);

}  // namespace fiducia
