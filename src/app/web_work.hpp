// The page's side of the panels' runs on Web Workers (web_work.cpp, web/workers.js): the Monte
// Carlo, the optimiser and sensitivity.
#pragma once

#include <string>

#include "core/model.hpp"
#include "ui/platform/platform.hpp"

namespace fiducia::app {

// The options FiduciaWork.startForApp takes for each work ({"work", then as fiducia.simulate's,
// .optimise's or .sensitivity's}; the seed as decimal text).
std::string work_options_json(const SimulationOptions& options);
std::string work_options_json(const OptimiseOptions& options);
std::string work_options_json(const ProjectionOptions& options);
// True once the work's run ended: its result, or why it did not finish; each end is taken once.
bool take_work_end(ui::Platform::Work work, ui::Platform::WorkPoll& poll);
void forget_work_end(ui::Platform::Work work);  // a new run: an older run's end is not this one's

}  // namespace fiducia::app
