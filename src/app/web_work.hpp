// The page's side of the Simulation panel's run on Web Workers (web_simulate.cpp, web/workers.js).
#pragma once

#include <optional>
#include <string>

#include "core/model.hpp"

namespace fiducia::app {

// {"customers", "seed" (decimal text), "scenario"} for FiduciaWork.simulate.
std::string simulation_options_json(const SimulationOptions& options);
// True once the run ended: its result, or why it did not finish; each end is taken once.
bool take_simulation_end(std::optional<SimulationResult>& result, std::string& failed);
void forget_simulation_end();  // a new run: an older run's end is not this one's

}  // namespace fiducia::app
