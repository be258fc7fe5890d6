// The editors' live check (validate); for now the file reader run on the plan's canonical document.
#include "io/plan_file.hpp"

namespace fiducia::io {

std::vector<Problem> validate(const Plan& plan) { return validate_via_json(plan); }

}  // namespace fiducia::io
