// The functions the page calls (web/shell.html, web/library_fiducia.js): open, save and summarise a
// plan, files and share links arriving, presenter state and statistics for automation. Each returns
// a string valid until the next call, or nothing.
#include <optional>
#include <string>
#include <string_view>

#include <emscripten.h>
#include "io/json_library.hpp"

#include "app/web_app.hpp"
#include "ui/platform/locator.hpp"
#include "ui/platform/share_link.hpp"

using fiducia::app::web_app;

extern "C" {

EMSCRIPTEN_KEEPALIVE void fiducia_wake(void) { fiducia::app::wake(); }

// Opens a plan from `length` bytes (NULs included: a file is bytes, not a C string); returns
// {"ok": bool, "errors": [...]} as JSON.
EMSCRIPTEN_KEEPALIVE const char* fiducia_load(const char* file_name, const char* data, int length) {
    fiducia::ui::LoadOutcome outcome =
        web_app().app.open_text(std::string_view(data, static_cast<std::size_t>(length)), file_name);
    nlohmann::json reply = {{"ok", outcome.ok}, {"errors", outcome.errors}};
    if (outcome.kind != "plan") reply["kind"] = outcome.kind;  // a workshop invitation or ratings file
    // Replace, never abort, should a message ever carry a broken UTF-8 byte.
    web_app().reply = reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    fiducia::app::wake();
    return web_app().reply.c_str();
}

// A file asked for by the Compare and merge panel (purpose: ui::Platform::FilePurpose), as bytes.
EMSCRIPTEN_KEEPALIVE void fiducia_receive_file(int purpose, const char* file_name, const char* data, int length) {
    web_app().app.receive_file(static_cast<fiducia::ui::Platform::FilePurpose>(purpose),
                            std::string_view(data, static_cast<std::size_t>(length)), file_name);
    fiducia::app::wake();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_save(void) {
    web_app().reply = web_app().app.save_text();
    return web_app().reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_summary(void) {
    web_app().reply = web_app().app.summary_text();
    return web_app().reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_workshop(void) {
    web_app().reply = fiducia::ui::workshop_json(web_app().app);
    return web_app().reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_stats(void) {
    nlohmann::json reply = {{"frames", web_app().frames}, {"last_frame_ms", web_app().last_frame_ms},
                           {"last_mirror_ms", web_app().last_mirror_ms},
                           {"first_frame_at_ms", web_app().first_frame_at_ms},
                           {"startup_ms", {{"main", web_app().main_at_ms}, {"webgl_context", web_app().context_at_ms},
                                           {"imgui", web_app().imgui_at_ms}, {"examples", web_app().examples_at_ms},
                                           {"first_frame", web_app().first_frame_at_ms}}},
                           {"cjk_glyphs", web_app().cjk_glyphs}};
    web_app().reply = reply.dump();
    return web_app().reply.c_str();
}

// Where the widget labelled `label` was drawn in the last frame, in CSS pixels; "null" if nowhere.
EMSCRIPTEN_KEEPALIVE const char* fiducia_locate(const char* label) {
    std::optional<fiducia::ui::ItemRect> r = fiducia::ui::locate_item(label);
    const float s = fiducia::app::PlatformWeb::device_pixel_ratio();  // framebuffer pixels per CSS pixel (not the theme zoom)
    web_app().reply = r ? nlohmann::json{{"x", r->x / s}, {"y", r->y / s}, {"width", r->width / s},
                                      {"height", r->height / s}}.dump()
                     : "null";
    return web_app().reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void fiducia_paste(const char* text) { fiducia::app::PlatformWeb::set_pasted_text(text); }

// Share links (web/share_link.js): what came of making one, a plan that arrived in one (bytes with a
// length), or why the link could not be read.
EMSCRIPTEN_KEEPALIVE void fiducia_share_link_made(int result, int length) {
    fiducia::ui::share_link_made(web_app().app, static_cast<fiducia::ui::ShareLinkMade>(result), length);
    fiducia::app::wake();
}

EMSCRIPTEN_KEEPALIVE void fiducia_open_shared(const char* data, int length) {
    fiducia::ui::open_shared_plan(web_app().app, std::string_view(data, static_cast<std::size_t>(length)));
    fiducia::app::wake();
}

EMSCRIPTEN_KEEPALIVE void fiducia_share_link_broken(int reason) {
    fiducia::ui::share_link_broken(web_app().app, static_cast<fiducia::ui::ShareLinkBroken>(reason));
    fiducia::app::wake();
}

// The browser left full screen (the person pressed Esc or F11): presenter mode ends with it.
EMSCRIPTEN_KEEPALIVE void fiducia_fullscreen_left(void) {
    web_app().app.set_presenting(false);
    fiducia::app::wake();
}

// Presenter mode's state, for automation: {"on", "slide", "slides", "timer_seconds", "timer_running"}.
EMSCRIPTEN_KEEPALIVE const char* fiducia_presenter(void) {
    fiducia::ui::PresenterState& state = web_app().app.presenter();
    nlohmann::json reply = {{"on", state.on}, {"slide", state.slide},
                            {"slides", fiducia::ui::presenter_slides(web_app().app)},
                            {"timer_seconds", state.timer.seconds_left(web_app().app.now())},
                            {"timer_running", state.timer.running}};
    web_app().reply = reply.dump();
    return web_app().reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void fiducia_flush_autosave(void) { web_app().app.flush_autosave(); }

// IndexedDB refused a save after fiducia_js_autosave returned (web/autosave_store.js): say so.
EMSCRIPTEN_KEEPALIVE void fiducia_autosave_failed(const char* reason) {
    web_app().app.autosave_failed(reason);
    fiducia::app::wake();
}

EMSCRIPTEN_KEEPALIVE int fiducia_unsaved(void) {
    const fiducia::ui::Document& doc = web_app().app.document();
    return doc.is_open() && doc.dirty() ? 1 : 0;
}

}  // extern "C"
