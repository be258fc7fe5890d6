#include "app/platform_web.hpp"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include "io/json_library.hpp"

#include "app/web_work.hpp"

// Implemented in web/library_fiducia.js.
extern "C" {
void fiducia_js_save_file(const char* name, const char* text, int save_as);
void fiducia_js_request_open(void);
void fiducia_js_save_bytes(const char* name, const char* mime_type, const char* data, int length);
void fiducia_js_save_canvas_png(const char* name, int x, int y, int width, int height);
void fiducia_js_request_file(int purpose);  // the file comes back through fiducia_receive_file
char* fiducia_js_autosave(const char* text, const char* name, int dirty, const char* title,
                          int new_version);  // error or null
char* fiducia_js_history_list(void);         // JSON, malloc'd
char* fiducia_js_history_text(int index);    // malloc'd, or null
char* fiducia_js_autosave_read(int part);  // 0 text, 1 file name, 2 dirty ("1"/"0"); malloc'd
void fiducia_js_set_unsaved(int unsaved);
int fiducia_js_utc_offset_minutes(double utc_seconds);  // minus Date.getTimezoneOffset at that instant
int fiducia_js_fit_canvas(int* width, int* height);
char* fiducia_js_load_preference(const char* key);  // malloc'd, or null
void fiducia_js_store_preference(const char* key, const char* value);
void fiducia_js_copy_to_clipboard(const char* text);
char* fiducia_js_browser_language(void);  // malloc'd
void fiducia_js_fetch_file(const char* path);  // fetches path (same origin) into the FS at /path, then wakes the loop
void fiducia_js_set_fullscreen(int on);
void fiducia_js_copy_share_link(const char* text, int max_chars);
void fiducia_js_tabs_announce(const char* keys_json);
int fiducia_js_tabs_heard(void);
// `work` is Platform::Work's number.
int fiducia_js_work_start(int work, const char* plan_text, const char* options_json);  // 1: started
double fiducia_js_work_progress(int work);
char* fiducia_js_work_notice(int work);  // malloc'd once when the run fell back to the page, else null
void fiducia_js_work_cancel(int work);
}

namespace fiducia::app {

namespace {
std::string g_clipboard;  // the browser owns the real clipboard; this mirrors the last paste or copy

std::string take(char* malloced) {
    if (!malloced) return {};
    std::string s(malloced);
    std::free(malloced);
    return s;
}
}  // namespace

void PlatformWeb::save_file(const std::string& file_name, const std::string& text, bool save_as) {
    fiducia_js_save_file(file_name.c_str(), text.c_str(), save_as ? 1 : 0);
}

void PlatformWeb::request_open_file() { fiducia_js_request_open(); }

void PlatformWeb::save_bytes(const std::string& file_name, const std::string& mime_type, const std::string& bytes) {
    fiducia_js_save_bytes(file_name.c_str(), mime_type.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

namespace {
struct ScreenPng {
    std::string name;
    int x = 0, y = 0, width = 0, height = 0;
};
ScreenPng g_screen_png;
}  // namespace

void PlatformWeb::save_screen_png(const std::string& file_name, float x, float y, float width, float height) {
    // The drawing buffer holds the frame only while it is drawn: read it from a draw callback at the
    // very end of this frame's drawing (the foreground list is drawn last).
    g_screen_png = {file_name, static_cast<int>(x), static_cast<int>(y), static_cast<int>(width + 0.5f),
                    static_cast<int>(height + 0.5f)};
    ImGui::GetForegroundDrawList()->AddCallback(
        [](const ImDrawList*, const ImDrawCmd*) {
            const ScreenPng& p = g_screen_png;
            fiducia_js_save_canvas_png(p.name.c_str(), p.x, p.y, p.width, p.height);
        },
        nullptr);
}

void PlatformWeb::request_file(FilePurpose purpose) { fiducia_js_request_file(static_cast<int>(purpose)); }

bool PlatformWeb::autosave(const Autosave& record, std::string& error) {
    char* failure = fiducia_js_autosave(record.plan_text.c_str(), record.file_name.c_str(), record.dirty ? 1 : 0,
                                        record.title.c_str(), record.new_version ? 1 : 0);
    if (!failure) return true;
    error = take(failure);
    return false;
}

std::vector<ui::Platform::StoredVersion> PlatformWeb::stored_versions() {
    nlohmann::json list = nlohmann::json::parse(take(fiducia_js_history_list()), nullptr, false);
    std::vector<StoredVersion> versions;
    if (!list.is_array()) return versions;
    for (const auto& v : list) {
        if (!v.is_object()) continue;
        StoredVersion version;
        version.time = v.value("time", "");
        version.title = v.value("title", "");
        version.file_name = v.value("file_name", "");
        version.size = v.value("size", std::size_t{0});
        versions.push_back(std::move(version));
    }
    return versions;
}

std::string PlatformWeb::stored_version_text(std::size_t index) {
    return take(fiducia_js_history_text(static_cast<int>(index)));
}

void PlatformWeb::announce_plan(const std::vector<std::string>& keys) {
    fiducia_js_tabs_announce(nlohmann::json(keys).dump().c_str());
}

bool PlatformWeb::other_tab_has_plan() { return fiducia_js_tabs_heard() != 0; }

namespace {
bool start_work(ui::Platform::Work work, const std::string& plan_text, const std::string& options_json) {
    forget_work_end(work);
    return fiducia_js_work_start(static_cast<int>(work), plan_text.c_str(), options_json.c_str()) != 0;
}
}  // namespace

bool PlatformWeb::start_simulation(const std::string& plan_text, const SimulationOptions& options) {
    return start_work(Work::simulation, plan_text, work_options_json(options));
}
bool PlatformWeb::start_optimiser(const std::string& plan_text, const OptimiseOptions& options) {
    return start_work(Work::optimiser, plan_text, work_options_json(options));
}
bool PlatformWeb::start_sensitivity(const std::string& plan_text, const ProjectionOptions& options) {
    return start_work(Work::sensitivity, plan_text, work_options_json(options));
}

bool PlatformWeb::poll_work(Work work, WorkPoll& poll) {
    poll.progress = fiducia_js_work_progress(static_cast<int>(work));
    poll.notice = take(fiducia_js_work_notice(static_cast<int>(work)));
    return take_work_end(work, poll);
}

void PlatformWeb::cancel_work(Work work) {
    fiducia_js_work_cancel(static_cast<int>(work));
    forget_work_end(work);
}

void PlatformWeb::set_unsaved_changes(bool unsaved) { fiducia_js_set_unsaved(unsaved ? 1 : 0); }

int PlatformWeb::utc_offset_minutes(long long utc_seconds) {
    return fiducia_js_utc_offset_minutes(static_cast<double>(utc_seconds));
}

double PlatformWeb::now_seconds() const { return emscripten_get_now() / 1000.0; }

bool PlatformWeb::load_autosave(StoredPlan& out) {
    out.text = take(fiducia_js_autosave_read(0));
    if (out.text.empty()) return false;
    out.file_name = take(fiducia_js_autosave_read(1));
    out.dirty = take(fiducia_js_autosave_read(2)) == "1";
    return true;
}

float PlatformWeb::device_pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

std::string PlatformWeb::load_preference(const std::string& key) {
    return take(fiducia_js_load_preference(key.c_str()));
}

std::string PlatformWeb::browser_language() { return take(fiducia_js_browser_language()); }

namespace {
// Files the hosted page keeps beside itself and fetches on first use (fonts/ui-cjk.ttf, i18n/*.json).
bool file_ready(const std::string& path) {
    static std::set<std::string> requested;
    if (std::FILE* f = std::fopen(("/" + path).c_str(), "rb")) {
        std::fclose(f);
        return true;
    }
    if (requested.insert(path).second) fiducia_js_fetch_file(path.c_str());
    return false;
}
}  // namespace

bool PlatformWeb::cjk_font_ready() { return file_ready("fonts/ui-cjk.ttf"); }

bool PlatformWeb::translation_ready(const char* language_code) {
    return file_ready(std::string("i18n/") + language_code + ".json");
}

void PlatformWeb::store_preference(const std::string& key, const std::string& value) {
    fiducia_js_store_preference(key.c_str(), value.c_str());
}

void PlatformWeb::set_fullscreen(bool on) { fiducia_js_set_fullscreen(on ? 1 : 0); }

void PlatformWeb::copy_share_link(const std::string& plan_text, int max_chars) {
    fiducia_js_copy_share_link(plan_text.c_str(), max_chars);
}

void PlatformWeb::copy_to_clipboard(const char* text) {
    g_clipboard = text ? text : "";
    fiducia_js_copy_to_clipboard(g_clipboard.c_str());
}

const char* PlatformWeb::pasted_text() { return g_clipboard.c_str(); }

void PlatformWeb::set_pasted_text(const char* text) { g_clipboard = text ? text : ""; }

bool PlatformWeb::fit_canvas(int& width, int& height) { return fiducia_js_fit_canvas(&width, &height) != 0; }

}  // namespace fiducia::app
