// The browser side of ui::Platform: files, storage and clock, through web/library_fiducia.js.
#pragma once

#include <string>

#include "ui/platform/platform.hpp"

namespace fiducia::app {

class PlatformWeb final : public ui::Platform {
public:
    void save_file(const std::string& file_name, const std::string& text, bool save_as) override;
    void request_open_file() override;
    void save_bytes(const std::string& file_name, const std::string& mime_type, const std::string& bytes) override;
    void save_screen_png(const std::string& file_name, float x, float y, float width, float height) override;
    void request_file(FilePurpose purpose) override;
    bool autosave(const Autosave& record, std::string& error) override;
    std::vector<StoredVersion> stored_versions() override;
    std::string stored_version_text(std::size_t index) override;
    void set_unsaved_changes(bool unsaved) override;
    double now_seconds() const override;
    int utc_offset_minutes(long long utc_seconds) override;  // the browser's time zone
    std::string load_preference(const std::string& key) override;
    void store_preference(const std::string& key, const std::string& value) override;
    std::string browser_language() override;
    // Whether /fonts/ui-cjk.ttf is there; if not, fetches it (once) and wakes the loop when it is.
    static bool cjk_font_ready();
    // The same for /i18n/<code>.json (the single file has every one embedded).
    bool translation_ready(const char* language_code) override;
    void set_fullscreen(bool on) override;
    void copy_share_link(const std::string& plan_text, int max_chars) override;
    void announce_plan(const std::vector<std::string>& keys) override;
    bool other_tab_has_plan() override;
    bool start_simulation(const std::string& plan_text, const SimulationOptions& options) override;
    bool start_optimiser(const std::string& plan_text, const OptimiseOptions& options) override;
    bool start_sensitivity(const std::string& plan_text, const ProjectionOptions& options) override;
    bool poll_work(Work work, WorkPoll& poll) override;
    void cancel_work(Work work) override;

    static void copy_to_clipboard(const char* text);
    static const char* pasted_text();             // the last text the page's paste event delivered
    static void set_pasted_text(const char* text);

    struct StoredPlan {
        std::string text;
        std::string file_name;
        bool dirty = false;
    };
    static bool load_autosave(StoredPlan& out);  // false when storage holds no plan
    static float device_pixel_ratio();
    // Sizes the canvas's pixels to its CSS size x devicePixelRatio; true when the size changed.
    static bool fit_canvas(int& width, int& height);
};

}  // namespace fiducia::app
