// Deterministic plan generators for benchmarks (and stress tests): the same seed gives the same plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/plan.hpp"

namespace fiducia::bench {

// 20 stakeholders, 200 touchpoints, 100 commitments, 300 actions, 12 knowledge sources,
// a 60-month horizon.
Plan large_plan(std::uint64_t seed);

// Like the example: one customers group (plus employees and investors) with 6 touchpoints and
// 3 commitments, 36 months, and `actions` candidate actions (for the optimiser).
Plan example_like_plan(std::uint64_t seed, int actions = 6);

// The large plan grown with touchpoints, observations and workshop ratings until its canonical
// text (returned in `text`) reaches `target_bytes`: the 10 MB plan of the file benchmarks.
Plan grown_plan(std::size_t target_bytes, std::string& text);

}  // namespace fiducia::bench
