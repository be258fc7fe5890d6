// Draws the real App frame by frame under Dear ImGui's null backend, with a fake platform, so panel
// tests can render every panel for every example plan and check asserts and id clashes.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/platform/locator.hpp"
#include "ui/platform/theme.hpp"

#ifndef FIDUCIA_SOURCE_DIR
#define FIDUCIA_SOURCE_DIR "."
#endif

namespace fiducia::test {

struct FakePlatform : ui::Platform {
    std::vector<std::string> saved;  // texts of save_file calls
    std::string autosaved;
    int open_requests = 0;
    double clock = 0;
    void save_file(const std::string&, const std::string& text, bool) override { saved.push_back(text); }
    void request_open_file() override { ++open_requests; }
    struct SavedBytes {
        std::string name, mime_type, bytes;
    };
    std::vector<SavedBytes> saved_bytes;  // save_bytes calls (exports)
    struct ScreenPng {
        std::string name;
        float x = 0, y = 0, width = 0, height = 0;
    };
    std::vector<ScreenPng> screen_pngs;  // save_screen_png calls
    void save_bytes(const std::string& name, const std::string& mime, const std::string& bytes) override {
        saved_bytes.push_back({name, mime, bytes});
    }
    void save_screen_png(const std::string& name, float x, float y, float width, float height) override {
        screen_pngs.push_back({name, x, y, width, height});
    }
    std::vector<FilePurpose> file_requests;  // request_file calls (Compare and merge panel)
    void request_file(FilePurpose purpose) override { file_requests.push_back(purpose); }
    std::vector<std::string> versions;  // newest first, like the page's history
    std::string refuse_autosave;         // when set, autosave fails with this reason (storage full)
    bool autosave(const Autosave& record, std::string& error) override {
        const std::string& text = record.plan_text;
        if (!refuse_autosave.empty()) {
            error = refuse_autosave;
            return false;
        }
        autosaved = text;
        versions.insert(versions.begin(), text);
        if (versions.size() > 20) versions.pop_back();
        return true;
    }
    std::vector<StoredVersion> stored_versions() override {
        std::vector<StoredVersion> out;
        for (const std::string& v : versions) out.push_back({"2027-01-01T00:00:00Z", "plan", "", v.size()});
        return out;
    }
    int offset_minutes = 0;  // the user's time zone: minutes ahead of UTC
    int utc_offset_minutes(long long) override { return offset_minutes; }
    std::string stored_version_text(std::size_t i) override { return i < versions.size() ? versions[i] : ""; }
    void set_unsaved_changes(bool) override {}
    double now_seconds() const override { return clock; }
    std::map<std::string, std::string> preferences;
    std::string load_preference(const std::string& key) override { return preferences[key]; }
    void store_preference(const std::string& key, const std::string& value) override { preferences[key] = value; }
    std::set<std::string> translations_missing;  // codes whose file the page has not fetched yet
    std::vector<std::string> translations_asked;
    bool translation_ready(const char* code) override {
        translations_asked.push_back(code);
        return translations_missing.count(code) == 0;
    }
    bool fullscreen = false;  // what presenter mode last asked for
    void set_fullscreen(bool on) override { fullscreen = on; }
    std::string share_link_text;  // the plan text of the last share link asked for, and its limit
    int share_link_max = 0;
    void copy_share_link(const std::string& text, int max_chars) override {
        share_link_text = text;
        share_link_max = max_chars;
    }
    std::vector<std::vector<std::string>> announced;  // announce_plan calls: the names other tabs were told
    bool other_tab = false;                            // another tab says it has the plan open
    void announce_plan(const std::vector<std::string>& names) override { announced.push_back(names); }
    bool other_tab_has_plan() override { return std::exchange(other_tab, false); }
    // The long work, by Platform::Work: start_* takes it (as the page's workers do) when `elsewhere`.
    bool elsewhere[3] = {};
    std::string work_plan[3];  // the plan text each was given
    WorkPoll polls[3];         // what the next poll says; ended: that it ended
    bool ended[3] = {};
    int started[3] = {}, cancels[3] = {};
    bool start(Work work, const std::string& text) {
        const int w = static_cast<int>(work);
        work_plan[w] = text;
        ++started[w];
        return elsewhere[w];
    }
    bool start_simulation(const std::string& text, const SimulationOptions&) override { return start(Work::simulation, text); }
    bool start_optimiser(const std::string& text, const OptimiseOptions&) override { return start(Work::optimiser, text); }
    bool start_sensitivity(const std::string& text, const ProjectionOptions&) override { return start(Work::sensitivity, text); }
    bool poll_work(Work work, WorkPoll& poll) override {
        const int w = static_cast<int>(work);
        poll = polls[w];
        polls[w].notice.clear();
        return std::exchange(ended[w], false);
    }
    void cancel_work(Work work) override { ++cancels[static_cast<int>(work)]; }
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::vector<std::filesystem::path> example_plans() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

class UiHarness {
public:
    FakePlatform platform;
    ui::App app{platform};

    UiHarness() {
        ImGui::CreateContext();
        ui::locator_enable();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        ui::set_translation_dir(std::string(FIDUCIA_SOURCE_DIR) + "/assets/i18n");
        rebuild_fonts();
        app.apply_style();
    }
    // As the web entry point does when the language or the plan's CJK text changes; returns how
    // many CJK characters the atlas holds.
    int rebuild_fonts() {
#ifdef FIDUCIA_CJK_FONT
        const char* cjk_font = FIDUCIA_CJK_FONT;
#else
        const char* cjk_font = "";
#endif
        // This build's fonts (cmake/ui.cmake), so the sanitize build's panel tests run without build/native.
        const int n = ui::load_fonts(font_scale, FIDUCIA_FONT_DIR, app.cjk_glyphs(),
                                     cjk_font);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // the null backend still needs a built atlas
        return n;
    }
    ~UiHarness() { ImGui::DestroyContext(); }

    // A screen of `width` x `height` CSS pixels at `device_pixel_ratio`, as the web entry point sets
    // it up: the display in framebuffer pixels, fonts and style at the UI's scale.
    float font_scale = 1.0f;
    void set_screen(float width, float height, float device_pixel_ratio) {
        ImGui::GetIO().DisplaySize = ImVec2(width * device_pixel_ratio, height * device_pixel_ratio);
        app.set_device_scale(device_pixel_ratio);
        font_scale = app.ui_scale();
        rebuild_fonts();
        app.apply_style();
    }

    // One whole frame; returns the ids used twice in it.
    std::vector<std::string> frame() {
        platform.clock += 1.0 / 60.0;
        ui::locator_begin_frame();
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        return ui::duplicate_items();
    }

    // Clicks the middle of the widget with this label, as a person would, over three frames;
    // false when no such widget was drawn. Frames with clashing ids are reported.
    bool click(const std::string& label) {
        const auto rect = ui::locate_item(label);
        if (!rect) return false;
        ImGuiIO& io = ImGui::GetIO();
        bool clean = true;
        io.AddMousePosEvent(rect->x + rect->width / 2, rect->y + rect->height / 2);
        clean = frame().empty() && clean;
        io.AddMouseButtonEvent(0, true);
        clean = frame().empty() && clean;
        io.AddMouseButtonEvent(0, false);
        clean = frame().empty() && clean;
        return clean;
    }
};

// How many of the App's notices contain these words.
inline int notices_with(UiHarness& h, const std::string& words) {
    int n = 0;
    for (const ui::Notice& notice : h.app.notices()) n += notice.text.find(words) != std::string::npos;
    return n;
}

}  // namespace fiducia::test
