// Checks: what is valid but surprising in a plan, shown beside the Problems menu so nothing that
// misleads happens silently (docs/MODEL.md "Checks"). The core finds them; the UI words them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace fiducia {

inline constexpr double kChurnWarning = 0.03;  // implied monthly churn of a customers group, on average
inline constexpr double kDropWarning = 0.05;   // one source lowering a group's trust today, in trust (5 points)

struct PlanCheck {
    enum class Kind {
        high_churn,    // value: average monthly churn over the horizon; lost: the share gone by the horizon
        outside_band,  // item: the observation's index; value: measured; low/high: the band; projected
        large_drop,    // source/source_id: who; value: the contribution today (below -kDropWarning)
    } kind = Kind::high_churn;
    std::size_t stakeholder = 0;  // index into plan.stakeholders
    double value = 0;
    double lost = 0, projected = 0, low = 0, high = 0;
    std::size_t item = 0;
    ContributionKind source = ContributionKind::base_rate;
    std::string source_id;
};

// In this order: churn per customers group, then measurements outside their band (plan order), then
// large drops (group order, largest first). `projection` is the plan's own.
std::vector<PlanCheck> plan_checks(const Plan& plan, const Projection& projection);

}  // namespace fiducia
