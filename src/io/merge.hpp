// Three-way merge of two edited copies of a plan against their common ancestor (issue 6, "Merge"),
// field by field on the canonical JSON, entities matched as in diff.hpp. A change made on one side
// only is taken; the same change on both sides is taken once; two different changes to one field,
// or an edit on one side and a removal on the other, are conflicts, never resolved silently: the
// caller passes the person's picks and merges again. List order: ours, then theirs' additions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "io/diff.hpp"

namespace fiducia::io {

enum class Side { base, ours, theirs };

struct Conflict {
    std::string path;     // the conflict's name for picks: entities by key, "/touchpoints/checkout/bad_share"
    std::string pointer;  // JSON pointer in ours (in theirs, else the base, when ours lacks it)
    std::string label;    // "touchpoint Checkout: bad_share", for a person
    MaybeJson base, ours, theirs;  // nullopt: that side does not have it (removed, or never added)
    // The same place as data, for a caller that names it in its own words (the app, translated):
    std::string list;   // the entity list's pointer ("/touchpoints"); "" outside the entity lists
    std::string key;    // the entity's key in that list, as EntityChange::key
    MaybeJson entity;   // the whole entity: ours, else theirs, else the base's
    std::string field;  // the pointer below the entity, without the leading "/" ("bad_share",
                        // "dimensions/honesty"; "" for the entity itself), or below the plan outside
                        // the lists ("settings/forgetting")
    // An entity one side removed that the merged plan still refers to: where (a JSON pointer into
    // the merged plan, e.g. "/actions/2/effects/0/id"); "" for every other conflict.
    std::string used_at;
    std::string used_by_list;  // the list of the entity that refers to it ("/actions"); "" for the workshop's groups
    MaybeJson used_by;         // that entity, as merged
};

struct MergeResult {
    bool ok = false;                   // no conflict left and the result is a valid plan
    std::vector<Conflict> conflicts;   // those without a pick, in document order
    std::vector<std::string> errors;   // what the validator says of the merged plan
    Plan plan;                         // meaningful when ok; meta.base = its own content hash
    std::size_t from_theirs = 0;       // fields and entities taken from theirs (changes ours lacked)
};

// `picks` names a side for conflicts by their path; a pick for a side that lacks the value removes it.
// An entity removed on one side while the merged plan still refers to it (the other side added a
// touchpoint to a group you deleted, an effect on a commitment you dropped) is a conflict on the
// entity too, like an edit against a removal: keep it, or remove it and fix what refers to it.
MergeResult merge_plans(const Plan& base, const Plan& ours, const Plan& theirs,
                        const std::map<std::string, Side>& picks = {});

// {"ok", "conflicts": [{"path", "pointer", "label", "base", "ours", "theirs"}], "errors"}; a
// missing side is null.
std::string merge_report_json(const MergeResult& result);

}  // namespace fiducia::io
