// What the UI needs from the page (or a desktop window): files, storage, clock. One implementation
// per target (src/app/platform_web.cpp); panels never call the browser directly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"

namespace fiducia::ui {

class Platform {
public:
    virtual ~Platform() = default;
    // Saves in place when the browser gave us a writable handle, else downloads `file_name`.
    virtual void save_file(const std::string& file_name, const std::string& text, bool save_as) = 0;
    virtual void request_open_file() = 0;  // the answer arrives through App::open_text
    // Downloads `bytes` as `file_name` with this MIME type (the exports: reports, CSV).
    virtual void save_bytes(const std::string& file_name, const std::string& mime_type, const std::string& bytes) = 0;
    // Saves, as a PNG named `file_name`, the screen pixels of this rectangle (framebuffer pixels,
    // top-left origin) as they are once the current frame is drawn.
    virtual void save_screen_png(const std::string& file_name, float x, float y, float width, float height) = 0;
    // A file read beside the open plan, never opened as it (the Compare and merge panel, a survey
    // export for Measurements); the answer arrives through App::receive_file with the same purpose.
    enum class FilePurpose { compare = 1, merge_theirs = 2, merge_ancestor = 3, survey = 4 };
    virtual void request_file(FilePurpose purpose) = 0;
    // Keeps the plan in browser storage; false with a reason when storage refused (quota, privacy).
    struct Autosave {
        std::string plan_text, title, file_name;
        bool dirty = false;        // not yet saved to a file
        bool new_version = false;  // first store since a plan was opened: never merged into the last
    };
    virtual bool autosave(const Autosave& record, std::string& error) = 0;
    // Earlier autosaved versions, newest first (at most 20), and the text of one of them.
    struct StoredVersion {
        std::string time;  // ISO 8601, UTC
        std::string title;
        std::string file_name;
        std::size_t size = 0;
    };
    virtual std::vector<StoredVersion> stored_versions() = 0;
    // Minutes to add to a UTC time for the user's local time at that instant (+60 in Rome in winter):
    // versions are listed in local time. Natively the C library's time zone (ui/document/versions.cpp);
    // the page asks the browser (Date.getTimezoneOffset).
    virtual int utc_offset_minutes(long long utc_seconds);
    virtual std::string stored_version_text(std::size_t index) = 0;
    virtual void set_unsaved_changes(bool unsaved) = 0;  // the page asks before closing when true
    virtual double now_seconds() const = 0;
    // Small view preferences (theme, last panel) kept in browser storage; "" when none.
    virtual std::string load_preference(const std::string& key) = 0;
    virtual void store_preference(const std::string& key, const std::string& value) = 0;
    // The browser's preferred language ("it-IT"); "" when unknown. Chooses the first-run language.
    virtual std::string browser_language() { return {}; }
    // Whether the translation file of a language (ui/platform/i18n.hpp) can be read now. The hosted page
    // fetches each one the first time it is asked for (and wakes the loop when it is there).
    virtual bool translation_ready(const char* language_code) { (void)language_code; return true; }
    // Presenter mode asks for the whole screen, and gives it back when it ends.
    virtual void set_fullscreen(bool on) { (void)on; }
    // Packs the plan text into a link to this page (#plan=1.<deflate-raw, base64url>) and copies it;
    // the answer (copied, or too long for max_chars) arrives through share_link_made (share_link.hpp).
    virtual void copy_share_link(const std::string& plan_text, int max_chars) { (void)plan_text, (void)max_chars; }
    // Tells this browser's other tabs which plan this one has open (content hashes it descends from;
    // none: no plan), and whether one of them has said it holds the same plan (true once per telling).
    virtual void announce_plan(const std::vector<std::string>& keys) { (void)keys; }
    virtual bool other_tab_has_plan() { return false; }
    // The long analyses run off the UI thread (the page: Web Workers on every core, web/workers.js);
    // false: this platform cannot, and the App runs the work a slice per frame itself.
    enum class Work { simulation, optimiser, sensitivity };  // web_work.cpp numbers them the same
    virtual bool start_simulation(const std::string& plan_text, const SimulationOptions& options) {
        (void)plan_text, (void)options;
        return false;
    }
    virtual bool start_optimiser(const std::string& plan_text, const OptimiseOptions& options) {
        (void)plan_text, (void)options;
        return false;
    }
    virtual bool start_sensitivity(const std::string& plan_text, const ProjectionOptions& options) {
        (void)plan_text, (void)options;
        return false;
    }
    // A work started above: progress 0..1; true once it ended, with its result or why not. `notice`
    // says, once, when the work could not go to the background (it then runs on the page, slower).
    struct WorkPoll {
        double progress = 0;
        using Result = std::variant<std::monostate, SimulationResult, OptimiseResult, std::vector<SensitivityItem>>;
        Result result;
        std::string failed, notice;
    };
    virtual bool poll_work(Work work, WorkPoll& poll) {
        (void)work, (void)poll;
        return true;
    }
    virtual void cancel_work(Work work) { (void)work; }
};

}  // namespace fiducia::ui
