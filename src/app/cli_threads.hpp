// `--threads N` for simulate, optimise and sensitivity: the core splits each into shares whose
// results add up to exactly one run's (core/model.hpp), and these run the shares on N threads.
// Under node (WebAssembly without threads) the shares run one after another: same output.
#pragma once

#include <vector>

#include "core/model.hpp"

namespace fiducia::cli {

int default_threads();  // every core this machine has (1 under node)

SimulationResult simulate_threads(const Plan& plan, const SimulationOptions& options, int threads);
OptimiseResult optimise_threads(const Plan& plan, const OptimiseOptions& options, int threads);
std::vector<SensitivityItem> sensitivity_threads(const Plan& plan, const ProjectionOptions& options, int threads);

}  // namespace fiducia::cli
