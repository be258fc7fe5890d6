// The workshop's consensus applied to the plan (README "Workshop mode"): each rated stakeholder's
// base rate becomes the share of its ratings that trust (6-9), dimension by dimension, averaged with
// the group's own dimension weights. Weights are left as they are: a 9-point score says how far a
// group trusts on a dimension, not how much that dimension matters to it.
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

}  // namespace fiducia
