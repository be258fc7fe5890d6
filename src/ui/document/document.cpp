#include "ui/document/document.hpp"

namespace fiducia::ui {

void Document::open(Plan plan, std::string file_name, bool read_only, bool dirty) {
    plan_ = std::move(plan);
    file_name_ = std::move(file_name);
    open_ = true;
    read_only_ = read_only;
    dirty_ = dirty;
    gesture_open_ = false;
    opened_in_history_ = true;
    undo_.clear();
    redo_.clear();
    ++revision_;
}

void Document::close() {
    open(Plan{}, "", false, false);
    open_ = false;
}

void Document::restore(Plan plan, std::string file_name, bool read_only) {
    if (!open_) return open(std::move(plan), std::move(file_name), read_only, true);
    gesture_open_ = false;
    begin_edit() = std::move(plan);
    opened_in_history_ = false;
    file_name_ = std::move(file_name);
    read_only_ = read_only;
}

Plan& Document::begin_edit(bool merging) {
    if (!(merging && gesture_open_)) {
        undo_.push_back(plan_);
        if (undo_.size() > kMaxUndo) {
            undo_.erase(undo_.begin());
            opened_in_history_ = false;
        }
    }
    gesture_open_ = merging;
    redo_.clear();
    dirty_ = true;
    ++revision_;
    return plan_;
}

const Plan* Document::as_opened() const {
    if (!open_ || !opened_in_history_) return nullptr;
    return undo_.empty() ? &plan_ : &undo_.front();
}

void Document::end_gesture() { gesture_open_ = false; }

void Document::undo() {
    if (undo_.empty()) return;
    redo_.push_back(std::move(plan_));
    plan_ = std::move(undo_.back());
    undo_.pop_back();
    gesture_open_ = false;
    dirty_ = true;
    ++revision_;
}

void Document::redo() {
    if (redo_.empty()) return;
    undo_.push_back(std::move(plan_));
    plan_ = std::move(redo_.back());
    redo_.pop_back();
    gesture_open_ = false;
    dirty_ = true;
    ++revision_;
}

void Document::mark_saved(std::string file_name) {
    file_name_ = std::move(file_name);
    dirty_ = false;
}

}  // namespace fiducia::ui
