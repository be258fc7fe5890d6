// Key drivers from survey responses (MODEL.md "Key drivers from survey responses"): per group, the
// least-squares fit of the overall trust score on the dimension scores (with an intercept) and the
// Shapley (LMG) split of its R² among the dimensions. Plain arithmetic in a fixed order (no std::
// distributions, no library solver), so native and WebAssembly give the same bits.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/plan.hpp"

namespace fiducia {

// One group's complete answers: row i is respondent i, scores[i] holds `dimensions` scores.
struct DriverData {
    std::size_t dimensions = 0;               // p, the dimensions used
    std::vector<double> overall;
    std::vector<std::vector<double>> scores;  // per respondent, one score per dimension used (same order)
};

// Why a group gets no weights.
enum class DriverIssue : int {
    none,
    no_dimension,     // no dimension column
    too_few_rows,     // fewer than min_driver_rows
    same_overall,     // every respondent gave the same overall score: nothing to explain
    same_answers,     // every respondent gave dimension `dimension` the same score
    collinear,        // dimension `dimension` is (almost) a linear combination of the ones before it
    explains_nothing  // R² is 0: the scores say nothing about overall
};

struct DriverFit {
    std::size_t n = 0;                 // respondents used
    std::optional<double> r2;          // of the full fit; none when it cannot be made
    std::vector<double> weights;       // per dimension used, summing to 1; empty when there are none
    std::vector<double> shares;        // the Shapley share of R² of each dimension (weights x r2)
    DriverIssue issue = DriverIssue::none;
    int dimension = -1;                // the position (in the data's order) issue names
};

// The fewest respondents a fit of p dimensions takes: p + 2, so that after the intercept and p
// slopes one degree of freedom is left (a fit through every point would have R² = 1 whatever the
// answers). Ten respondents per dimension or more give weights worth acting on (docs/MODEL.md).
inline std::size_t min_driver_rows(std::size_t dimensions) { return dimensions + 2; }

// A dimension whose answers the ones before it explain to within this (1 - R² of it on them, the
// "tolerance" of the statistics books) makes the answers collinear: its slope is not determined.
inline constexpr double kCollinearTolerance = 1e-9;

// R² of overall on the dimensions in `subset` (bit j: the j-th dimension of the data), solving the
// centred normal equations by Gaussian elimination with partial pivoting; 0 for the empty subset;
// nullopt when a pivot vanishes (collinear subset) or overall does not vary.
std::optional<double> r_squared(const DriverData& data, unsigned subset);

// The fit, its R² and the Shapley weights: dimension j's share is the sum over subsets S of the
// others of |S|! (p - |S| - 1)! / p! (R²(S + j) - R²(S)); its weight is that share of the full R².
DriverFit fit_drivers(const DriverData& data);

// A group's dimension weights with a survey's driver weights put in: the dimensions the survey
// measured (`dimensions`, ids in Dimension order, `weights` theirs) share what they held of the
// current weights (normalised) in the drivers' proportions; the others keep their share. With all
// five measured these are the driver weights. Current weights summing to 0 count as equal.
DimensionWeights with_driver_weights(const DimensionWeights& current, const std::vector<int>& dimensions,
                                     const std::vector<double>& weights);

}  // namespace fiducia
