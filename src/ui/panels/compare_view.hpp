// What the Compare and merge panel (src/ui/panels/panel_compare.cpp) holds between frames: the plan
// compared with, a colleague's copy, the ancestor found for it, the person's picks and the results
// for one revision of the open plan. Not saved in the plan and not undoable.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/plan.hpp"
#include "io/diff.hpp"
#include "io/merge.hpp"
#include "ui/platform/platform.hpp"

namespace fiducia::ui {

class App;

struct CompareView {
    // Compare: the other plan and the differences from the open plan to it.
    std::optional<Plan> other;
    std::string other_name;
    std::optional<io::PlanDiff> diff;
    std::uint64_t diff_revision = ~0ull;

    // Merge: their copy, the common ancestor (found or picked) and the picks per conflict path.
    std::optional<Plan> theirs;
    std::string theirs_name;
    std::optional<Plan> ancestor;
    std::string ancestor_from;  // where the ancestor came from, in words
    std::string ancestor_hash;  // what their copy names ("" when it names none)
    std::string ancestor_warning;  // a picked ancestor that is not the one named
    std::map<std::string, io::Side> picks;
    std::vector<io::Conflict> conflicts;  // every conflict, picked or not
    std::optional<io::MergeResult> merge;  // with the picks
    // While conflicts are open: the merge with each of them kept at your value, so the changes that
    // need no choice are shown from the start (none when that merge breaks a rule).
    std::optional<io::MergeResult> merge_so_far;
    std::optional<io::PlanDiff> merge_changes;  // what applying the merge (or merge_so_far) changes in the open plan
    std::uint64_t merge_revision = ~0ull;
    bool merge_stale = true;  // picks or files changed: merge again

    std::string file_error;  // the last file picked could not be used, and why
    int tab = -1;            // the tab to bring forward next frame (0 compare, 1 merge), -1 none
};

// The panel's words for what src/io reports (which stays English: the CLI prints it), made from the
// lists, keys, entities and fields the io structs carry, in the chosen language. `a` and `b` are the
// plans shown: group and participant names are looked up in them, `a` gives the currency.
// A list's heading: "Touchpoints" for "/touchpoints"; the pointer itself when not known here.
std::string compare_list_heading(const std::string& list);
// A field below an entity of `list` ("bad_share", "weights/honesty"), or below the plan when `list`
// is "" ("settings/forgetting"), as the editors label it; the field itself when not known here.
std::string compare_field_label(const Plan& a, const std::string& list, const std::string& field);
// An entity by its name (a commitment's statement); a measurement or workshop answer by what it is.
std::string compare_entity_name(const Plan& a, const Plan& b, const std::string& list, const std::string& key,
                                const io::MaybeJson& entity);
// "Added: Parcel delivery", "Removed: ...", "Changed: ...".
std::string compare_change_label(const Plan& a, const Plan& b, const io::EntityChange& change);
// "Touchpoint "Parcel delivery": Bad share", or the plan field's name outside the entity lists.
std::string compare_conflict_label(const Plan& a, const Plan& b, const io::Conflict& conflict);
// A value of that field: numbers in the language's style, choices by their names, "(none)" when absent.
std::string compare_value_text(const std::string& list, const std::string& field, const io::MaybeJson& value);

// A file picked for the panel (App::receive_file); purposes as Platform::FilePurpose.
void compare_receive_file(App& app, Platform::FilePurpose purpose, std::string_view text, const std::string& file_name);

}  // namespace fiducia::ui
