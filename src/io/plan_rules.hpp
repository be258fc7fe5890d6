// The plan file's own rules, shared by the reader of documents (plan_read.cpp) and the check of typed
// plans (plan_check.cpp): each rule's words are one function here, and the bounds the field tables
// (core/fields.hpp) do not hold are written here once, so both callers say exactly the same thing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/fields.hpp"
#include "core/plan.hpp"
#include "io/json_util.hpp"

namespace fiducia::io {

inline constexpr int kHighestScore = 9;       // a workshop rating, 1..9 (the 9-point trust scale)
inline constexpr int kHighestImportance = 5;  // an importance judgement, 1..5
inline constexpr std::string_view kWeightsFollow = "base_rate";  // FORMAT.md lists a group's weights after it

// The bounds of a table field, worded for error messages.
Bounds bounds_of(const Range& range);
Bounds horizon_bounds();  // settings.horizon_months
Bounds ramp_bounds();     // an action's ramp_months
// A month from `lo` to the horizon; 1..120 while the horizon itself is invalid (none).
Bounds month_bounds(std::optional<int> horizon, int lo);
// An observation's value: a share for trust_share and churn, -100..100 for nps, else any finite number
// (also while the metric itself is invalid: none).
Bounds observation_value_bounds(std::optional<Metric> metric);

// settings.start: "YYYY-MM" or "".
bool is_start_month(std::string_view text);
// The noun an effect's id names for a target other than culture ("knowledge_source").
const char* effect_target_noun(EffectTarget target);

// Whether the canonical save writes a table field (a field added later is left out at its default).
template <typename T>
bool is_written(const Field<T>& field, const T& x) {
    static const T defaults{};
    return !(field.omitted_at_default && field.get(x) == field.get(defaults));
}

// Reports every id a list names a second time, at its "/id", naming the first place: `id_of(item)` is
// the id as read ("" when the item has none to compare).
template <typename T, typename IdOf>
void check_unique_ids(const std::vector<T>& items, const std::string& list_pointer, std::vector<Problem>& out,
                      IdOf id_of) {
    std::unordered_map<std::string_view, std::size_t> first;
    first.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view id = id_of(items[i]);
        if (id.empty()) continue;
        auto [it, inserted] = first.emplace(id, i);
        if (!inserted)
            out.push_back({child(child(list_pointer, i), "id"),
                           rules::not_unique(std::string(id), child(list_pointer, it->second))});
    }
}

// A weight object as the canonical save writes it (the typed check shows it in its message).
Json dimension_weights_json(const DimensionWeights& weights);

namespace rules {
std::string not_an_id_of(const char* noun, const Json& got);       // "must be a stakeholder id (got 3)"
std::string missing_reference(const char* noun, const Json& got);  // "must name a stakeholder of this plan (got ...)"
std::string repeated_reference(const Json& got);                   // a list of references naming an id twice
std::string not_a_dimension();                                     // a weight object's key
std::string no_positive_sum(const Json& weights);
std::string not_a_content_hash(const Json& got);  // meta.base
std::string not_a_start_month(const Json& got);   // settings.start
std::string not_a_coverage_key(const Json& key);  // a coverage key that is no stakeholder of the plan
std::string id_for_culture(const Json& got);      // an effect on culture names no entity
std::string not_changeable(EffectTarget target, const Json& got);
std::string no_importance();                      // no stakeholder counts in the Trust Index
std::string newer_version(std::int64_t version);  // the note after a newer file's problems
}  // namespace rules

}  // namespace fiducia::io
