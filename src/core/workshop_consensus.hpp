// The workshop's consensus applied to the plan (README "Workshop mode"):
// - base rates: each rated stakeholder's base rate becomes the share of its ratings that trust
//   (6-9), dimension by dimension, averaged with the group's own dimension weights;
// - weights: where the room judged how much two or more dimensions matter to a group (1..5), those
//   dimensions share the weight they held between them in proportion to the judgements' medians;
//   a dimension nobody judged keeps its weight. (A 9-point trust score says how far a group trusts
//   on a dimension, not how much it matters: only the judgements move weights.)
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"

namespace fiducia {

struct BaseRateChange {
    std::string stakeholder;  // id
    double before = 0, after = 0;
    int ratings = 0;  // how many ratings the new value rests on
};

// One entry per stakeholder with at least one rating, plan order.
std::vector<BaseRateChange> consensus_base_rates(const Plan& plan);
void apply_base_rates(Plan& plan, const std::vector<BaseRateChange>& changes);

struct WeightChange {
    std::string stakeholder;  // id
    DimensionWeights before{}, after{};
    int judgements = 0;  // how many importance judgements the new weights rest on
};

// One entry per stakeholder with two or more dimensions judged, plan order. Weights are rounded to
// three decimals (the plan file stays readable; the model normalises them).
std::vector<WeightChange> consensus_weights(const Plan& plan);
void apply_weights(Plan& plan, const std::vector<WeightChange>& changes);

}  // namespace fiducia
