// Charts of a plan's projection that more than one screen shows (a panel and presenter mode): each
// is built here once, so the Projection, Explain and Sensitivity panels and the presenter agree.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "ui/charts/chart.hpp"

namespace fiducia::ui::chart {

// The months of a projection (0 = today ... horizon), the x values of every chart over time.
std::vector<double> month_axis(const Projection& p);

// How trust_over_time draws its axis and bands.
struct TrustChartOptions {
    const Projection* before_measurements = nullptr;  // also drawn dashed: the plan as first projected
    bool full_scale = false;  // the axis runs 0-100 (presenter: a room reads the height of a line as its level)
    // The group (id) whose 95% band is filled; "" = the group whose line is nearest the pointer.
    // Overlapping bands would blend into one muddy colour, so at most one band shows (or the only group's).
    std::string band_group;
};

// Trust month by month: the Trust Index (dashed), each group not in `hidden_groups` with one 95%
// band (see TrustChartOptions), and the measurements of those groups (trust share as is, NPS mapped
// to (NPS+100)/200). `height` 0 = the rest of the window.
void trust_over_time(const Plan& plan, const Projection& p, const std::vector<std::string>& hidden_groups, float height,
                     const TrustChartOptions& options = {});

// The explanation waterfall of one group at one month: base rate, every source largest first, the
// total. With max_rows > 0 the smallest sources beyond that many are merged into one row.
BarChart waterfall_chart(const Plan& plan, const Projection& p, std::size_t group, std::size_t month,
                         std::size_t max_rows = 0);

// A sensitivity input's label in the chosen language ("Parcel delivery: bad share"), made from the
// plan and the input's pointer as the core makes its English one (which the CLI prints); the core's
// label for a pointer not known here. `plan` is the plan the item was computed from.
std::string sensitivity_label(const Plan& plan, const SensitivityItem& item);

// The sensitivity tornado: the inputs that move the Trust Index (largest swing first), at most
// max_rows of them, around `base`, the Trust Index at the horizon as planned. Empty when none moves it.
BarChart tornado_chart(const Plan& plan, const std::vector<SensitivityItem>& items, double base, std::size_t max_rows);

}  // namespace fiducia::ui::chart
