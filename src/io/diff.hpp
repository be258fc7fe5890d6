// Compare two plans (issue 6, "Compare"): what was added, removed or changed, field by field, on
// their canonical JSON (what save writes), with entities matched by id (observations by stakeholder,
// month and metric; workshop ratings by participant, stakeholder and dimension), and what that does
// to the Trust Index and each stakeholder's trust (the core projection). src/io/merge.cpp shares
// the entity matching below.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "io/json_util.hpp"

namespace fiducia::io {

// A value on one side; nullopt when that side does not have it (an added or removed field).
using MaybeJson = std::optional<Json>;

struct FieldChange {
    std::string pointer;  // JSON pointer in the second plan (in the first when only it has the field)
    MaybeJson before, after;
};

enum class ChangeKind { added, removed, changed };

struct EntityChange {
    std::string list;     // the list's pointer: "/touchpoints", "/workshop/ratings"
    std::string key;      // the id, or "stakeholder month metric" for observations, etc.
    std::string label;    // the entity's name (statement for a commitment), else the key
    ChangeKind kind = ChangeKind::changed;
    std::string pointer;  // where it is: in the second plan, in the first when removed
    MaybeJson before, after;           // the whole entity on each side
    std::vector<FieldChange> fields;   // kind == changed: every field that differs
};

// Trust at month 0 and at the horizon in each plan (projected with the plan's enabled actions).
struct GroupTrust {
    std::string id, name;
    std::optional<double> now_a, now_b, horizon_a, horizon_b;  // none: the group is not in that plan
};
struct TrustComparison {
    double index_now_a = 0, index_now_b = 0, index_horizon_a = 0, index_horizon_b = 0;
    int horizon_a = 0, horizon_b = 0;
    std::vector<GroupTrust> groups;  // the first plan's order, then groups only the second has
};

struct PlanDiff {
    std::vector<FieldChange> fields;     // outside the entity lists: meta, settings, culture, unknown
    std::vector<EntityChange> entities;  // in list order (FORMAT.md), then in each plan's order
    TrustComparison trust;
    bool same() const { return fields.empty() && entities.empty(); }
};

// meta.base (the recorded ancestor) is bookkeeping, not content: it is never reported.
PlanDiff diff_plans(const Plan& a, const Plan& b);

// {"same", "fields": [{"pointer", "before", "after"}], "entities": [{"list", "key", "label",
//  "change", "pointer", "fields": [...]}], "trust": {"index": {"now": [a, b], "horizon": [a, b]},
//  "stakeholders": [{"id", "name", "now": [a, b], "horizon": [a, b]}]}}; a missing side is null.
std::string diff_json(const PlanDiff& diff);

// ---- shared with merge -----------------------------------------------------------------------

// The pointers of the entity lists in a plan's canonical JSON; "" for any other array.
bool is_entity_list(const std::string& pointer);
// Each item's matching key in an entity list, in list order; a key met again gets " #2", " #3".
std::vector<std::string> entity_keys(const std::string& list_pointer, const Json& list);
// A readable name of a list's entity: its name, a commitment's statement, else the key.
std::string entity_label(const Json& item, const std::string& key);
// "touchpoint", "workshop rating", ... for a list pointer.
std::string entity_noun(const std::string& list_pointer);
// The canonical JSON of a plan, without meta.base.
Json canonical_json(const Plan& plan);
// A value for a person: compact JSON, "(none)" when absent.
std::string show_value(const MaybeJson& value);

}  // namespace fiducia::io
