// Plan files (FORMAT.md version 1): strict loading with every error listed, canonical saving that
// keeps unknown fields, and the machine-readable output shared by the CLI and window.fiducia.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/plan.hpp"
#include "io/json_util.hpp"

namespace fiducia::io {

inline constexpr int kFormatVersion = 1;

struct LoadResult {
    bool ok = false;
    Plan plan;                        // meaningful only when ok
    std::vector<std::string> errors;  // "JSON-pointer: rule (got value)", every one found (validate: typed)
    bool newer_version = false;       // the file's version is newer than kFormatVersion
};

// Parses and validates; a file with any error gives ok = false and the full list.
LoadResult load_plan(std::string_view text);

// What load_plan would say of this plan saved and opened again, found by walking the typed plan
// (plan_check.cpp; no JSON is built): the editors' live check, run on every edit. Empty when valid.
// Not seen: the limits of a whole text (20 MiB, nesting, keys per object), an `unknown` that names a
// key the reader knows, and two coverage keys that differ only in bytes that are not UTF-8.
std::vector<Problem> validate(const Plan& plan);
// The same check made by the file reader on the plan's canonical document (plan_json), as validate
// did before it walked the typed plan; kept for the benchmark that compares the two.
std::vector<Problem> validate_via_json(const Plan& plan);

// Canonical text: FORMAT.md key order, 2-space indent, defaults written out, unknown fields kept.
std::string save_plan(const Plan& plan);

// The canonical JSON document that save_plan writes out (diff and merge work on it).
Json plan_json(const Plan& plan);

// The content hash of a plan: "sha256:" + 64 hex digits of its canonical text without meta.base
// (README "Format extensions"). Copies of the same version have the same hash.
std::string content_hash(const Plan& plan);
// The same hash when save_plan(plan) is already at hand: without meta.base that text is the hashed
// text itself, so opening a large plan serialises it once, not twice.
std::string content_hash(const Plan& plan, std::string_view saved);
bool is_content_hash(std::string_view text);  // "sha256:" and 64 lowercase hex digits

// FORMAT.md "Machine-readable output" for a projection (and, when given, a simulation's figures).
std::string summary_json(const Plan& plan, const Projection& projection,
                         const SimulationResult* simulation = nullptr);

// Added by io: the optimiser's and the sensitivity analysis' results as JSON (CLI --json and the
// browser API), keys in a fixed order, numbers in nlohmann's deterministic formatting:
// {"objective", "budget", "chosen", "value", "cost", "baseline", "frontier": [{"budget",
//  "objective", "cost", "actions"}], "nodes"} and
// {"plan", "scenario", "items": [{"input", "label", "value", "trust_low", "trust_high"}]}.
std::string optimise_json(const Plan& plan, const OptimiseOptions& options,
                          const OptimiseResult& result);
std::string sensitivity_json(const Plan& plan, const std::string& scenario,
                             const std::vector<SensitivityItem>& items);
// {"stakeholders": [{"id", "base_rate_before", "base_rate_after", "observations", "rmse_before",
//  "rmse_after"}], "backtest": [{"stakeholder", "month", "observed", "projected", "band": [lo, hi],
//  "inside"}], "coverage"} (coverage null when nothing was measured).
std::string calibrate_json(const Calibration& calibration);

}  // namespace fiducia::io
