// The one plan document every panel reads and edits: undo/redo, dirty flag, revision counter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/plan.hpp"

namespace fiducia::ui {

class Document {
public:
    const Plan& plan() const { return plan_; }
    bool is_open() const { return open_; }
    bool dirty() const { return dirty_; }
    bool read_only() const { return read_only_; }
    std::uint64_t revision() const { return revision_; }  // changes on every edit, undo and open
    const std::string& file_name() const { return file_name_; }

    // Replaces the document (New, Open, restore); history starts afresh.
    void open(Plan plan, std::string file_name, bool read_only = false, bool dirty = false);
    void close();
    // Replaces the plan as one undo step (File > Restore previous version): Ctrl+Z brings back the
    // plan it replaced, as after any edit.
    void restore(Plan plan, std::string file_name, bool read_only);

    // Edits go through here: the snapshot before the first edit of a gesture becomes one undo step.
    // While `merging` is true (a slider being dragged) later edits join the same step.
    Plan& begin_edit(bool merging = false);
    void end_gesture();  // the drag ended: the next edit starts a new undo step

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void undo();
    void redo();

    // The plan as open() gave it, while the history still holds it: the oldest undo step, or the plan
    // itself when no edit stands; nullptr after restore() or once kMaxUndo later edits dropped it.
    const Plan* as_opened() const;

    void mark_saved(std::string file_name);
    void set_file_name(std::string file_name) { file_name_ = std::move(file_name); }

private:
    Plan plan_;
    bool open_ = false;
    bool dirty_ = false;
    bool read_only_ = false;
    bool gesture_open_ = false;
    bool opened_in_history_ = false;
    std::uint64_t revision_ = 0;
    std::string file_name_;
    std::vector<Plan> undo_;
    std::vector<Plan> redo_;
    static constexpr std::size_t kMaxUndo = 200;
};

}  // namespace fiducia::ui
