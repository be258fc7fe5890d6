// MODEL.md "Customers lost to bad experiences": the Markov chain over the remembered bad count k.
#pragma once

#include <vector>

namespace fiducia::core {

struct ChainResult {
    std::vector<double> retained;  // months 0..H (retained[0] = 1)
    double dropped = 0;            // probability mass cut by truncation (kept below 1e-9)
};

// mu[m - 1] = expected bad experiences in month m = 1..H. Each month: binomial forgetting with
// keep probability lambda, then Poisson(mu) arrivals; n arrivals from k survive with
// S(k + n) / S(k) and land at k + n.
ChainResult retention_chain(const std::vector<double>& mu, double lambda, double kappa, double beta);

// (k / kappa)^beta, so that S(k) = exp(-x).
double survival_exponent(double k, double kappa, double beta);

// Poisson(mu) probabilities on [first, first + p.size()), normalised over the kept window (tails
// below 1e-18 of the mode are left out).
void poisson_window(double mu, int& first, std::vector<double>& p);

}  // namespace fiducia::core
