// What the Compare and merge panel (src/ui/panel_compare.cpp) holds between frames: the plan
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
#include "ui/platform.hpp"

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
    std::optional<io::PlanDiff> merge_changes;  // what applying the merge changes in the open plan
    std::uint64_t merge_revision = ~0ull;
    bool merge_stale = true;  // picks or files changed: merge again

    std::string file_error;  // the last file picked could not be used, and why
    int tab = -1;            // the tab to bring forward next frame (0 compare, 1 merge), -1 none
};

// A file picked for the panel (App::receive_file); purposes as Platform::FilePurpose.
void compare_receive_file(App& app, Platform::FilePurpose purpose, std::string_view text, const std::string& file_name);

}  // namespace fiducia::ui
