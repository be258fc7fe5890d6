// The browser entry point: a WebGL2 canvas, Dear ImGui, and the frame loop. Frames are drawn only
// while there is input, running work or a focused text field, so an idle page costs nothing.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include "app/platform_web.hpp"
#include "app/web_input.hpp"
#include "io/plan_file.hpp"
#include "ui/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/locator.hpp"
#include "ui/share_link.hpp"
#include "ui/theme.hpp"

namespace {

constexpr double kActiveSecondsAfterInput = 1.0;  // covers ImGui's hover delays and fades

struct WebApp {
    GLFWwindow* window = nullptr;
    fiducia::app::PlatformWeb platform;
    fiducia::ui::App app{platform};
    float scale = 0;
    double active_until = 0;
    unsigned long long frames = 0;
    double last_frame_ms = 0;
    double last_mirror_ms = 0;  // of which the accessibility mirror took
    double first_frame_at_ms = 0;  // performance.now() when the first frame was drawn
    // performance.now() at each start-up step, so `make bench` can say where the first frame goes.
    double main_at_ms = 0, context_at_ms = 0, imgui_at_ms = 0, examples_at_ms = 0;
    std::string reply;  // the last string handed to JavaScript (valid until the next call)
    std::vector<char32_t> cjk;  // the CJK characters in the atlas
    int cjk_glyphs = 0;         // how many the atlas holds (0: the CJK font is not loaded)
};

WebApp* g_web = nullptr;  // the page's one app; the exported functions below reach it here

double now_seconds() { return emscripten_get_now() / 1000.0; }

void fiducia_wake_internal() {
    if (!g_web) return;
    g_web->active_until = now_seconds() + kActiveSecondsAfterInput;
}

void load_examples(fiducia::ui::App& app) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/examples", ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        // Only the titles are needed now (a full load is checked when one is opened, and the unit
        // tests validate every example): this keeps the first frame quick.
        nlohmann::json plan = nlohmann::json::parse(text.str(), nullptr, false);
        if (!plan.is_object() || !plan.contains("meta") || !plan["meta"].is_object()) continue;
        const nlohmann::json& meta = plan["meta"];
        auto field = [&](const char* key) {
            return meta.contains(key) && meta[key].is_string() ? meta[key].get<std::string>() : std::string();
        };
        app.add_example({path.filename().string(), field("title"), field("organisation"), text.str()});
    }
}

// As the GLFW backend does it (100 pixels or 3 lines a step), but on the canvas.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
    float step = event->deltaMode == DOM_DELTA_PIXEL ? 0.01f : event->deltaMode == DOM_DELTA_LINE ? 1.0f / 3 : 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX) * step,
                                      static_cast<float>(-event->deltaY) * step);
    fiducia_wake_internal();
    return EM_TRUE;
}

void frame() {
    WebApp& w = *g_web;
    const double due = w.app.next_frame_at();  // a running round timer: about one frame a second
    // Input still queued (a click arrives as move, press, release: one frame each) keeps frames coming
    // even when a slow machine draws fewer than three in the second after the input.
    const bool active = now_seconds() < w.active_until || w.app.busy() || ImGui::GetIO().WantTextInput ||
                        (due >= 0 && now_seconds() >= due) || !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    if (!active) return;
    const double start = emscripten_get_now();

    int width = 0, height = 0;
    fiducia::app::PlatformWeb::fit_canvas(width, height);
    w.app.set_device_scale(fiducia::app::PlatformWeb::device_pixel_ratio());
    // CJK glyphs come and go with the language and the plan's text; the font arrives on demand.
    const std::vector<char32_t>& cjk = w.app.cjk_glyphs();
    const bool cjk_changed = cjk != w.cjk && (cjk.empty() || fiducia::app::PlatformWeb::cjk_font_ready());
    if (w.app.ui_scale() != w.scale || cjk_changed) {  // first frame, another density, projector, CJK
        w.scale = w.app.ui_scale();
        w.cjk = cjk_changed ? cjk : w.cjk;
        w.cjk_glyphs = fiducia::ui::load_fonts(w.scale, "/fonts", w.cjk);
        w.app.apply_style();
        // The backend recreates only what DestroyDeviceObjects removed, at the next NewFrame (a font
        // texture destroyed alone would never come back).
        ImGui_ImplOpenGL3_DestroyDeviceObjects();
    }

    fiducia::ui::locator_begin_frame();
    fiducia::ui::a11y::begin_frame();
    fiducia::app::web_input::before_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    w.app.draw();
    ImGui::Render();
    glfwGetFramebufferSize(w.window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    w.last_mirror_ms = fiducia::app::web_input::after_frame(w.app, fiducia::app::PlatformWeb::device_pixel_ratio()) / 1000.0;

    if (w.frames++ == 0) w.first_frame_at_ms = emscripten_get_now();
    w.last_frame_ms = emscripten_get_now() - start;
}

}  // namespace

// ---- called from the page (web/shell.html) ----------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void fiducia_wake(void) { fiducia_wake_internal(); }

// Opens a plan from `length` bytes (NULs included: a file is bytes, not a C string); returns
// {"ok": bool, "errors": [...]} as JSON.
EMSCRIPTEN_KEEPALIVE const char* fiducia_load(const char* file_name, const char* data, int length) {
    fiducia::ui::LoadOutcome outcome =
        g_web->app.open_text(std::string_view(data, static_cast<std::size_t>(length)), file_name);
    nlohmann::json reply = {{"ok", outcome.ok}, {"errors", outcome.errors}};
    if (outcome.kind != "plan") reply["kind"] = outcome.kind;  // a workshop invitation or ratings file
    // Replace, never abort, should a message ever carry a broken UTF-8 byte.
    g_web->reply = reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    fiducia_wake();
    return g_web->reply.c_str();
}

// A file asked for by the Compare and merge panel (purpose: ui::Platform::FilePurpose), as bytes.
EMSCRIPTEN_KEEPALIVE void fiducia_receive_file(int purpose, const char* file_name, const char* data, int length) {
    g_web->app.receive_file(static_cast<fiducia::ui::Platform::FilePurpose>(purpose),
                            std::string_view(data, static_cast<std::size_t>(length)), file_name);
    fiducia_wake();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_save(void) {
    g_web->reply = g_web->app.save_text();
    return g_web->reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_summary(void) {
    g_web->reply = g_web->app.summary_text();
    return g_web->reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_workshop(void) {
    g_web->reply = fiducia::ui::workshop_json(g_web->app);
    return g_web->reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* fiducia_stats(void) {
    nlohmann::json reply = {{"frames", g_web->frames}, {"last_frame_ms", g_web->last_frame_ms},
                           {"last_mirror_ms", g_web->last_mirror_ms},
                           {"first_frame_at_ms", g_web->first_frame_at_ms},
                           {"startup_ms", {{"main", g_web->main_at_ms}, {"webgl_context", g_web->context_at_ms},
                                           {"imgui", g_web->imgui_at_ms}, {"examples", g_web->examples_at_ms},
                                           {"first_frame", g_web->first_frame_at_ms}}},
                           {"cjk_glyphs", g_web->cjk_glyphs}};
    g_web->reply = reply.dump();
    return g_web->reply.c_str();
}

// Where the widget labelled `label` was drawn in the last frame, in CSS pixels; "null" if nowhere.
EMSCRIPTEN_KEEPALIVE const char* fiducia_locate(const char* label) {
    std::optional<fiducia::ui::ItemRect> r = fiducia::ui::locate_item(label);
    const float s = fiducia::app::PlatformWeb::device_pixel_ratio();  // framebuffer pixels per CSS pixel (not the theme zoom)
    g_web->reply = r ? nlohmann::json{{"x", r->x / s}, {"y", r->y / s}, {"width", r->width / s},
                                      {"height", r->height / s}}.dump()
                     : "null";
    return g_web->reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void fiducia_paste(const char* text) { fiducia::app::PlatformWeb::set_pasted_text(text); }

// Share links (web/share_link.js): what came of making one, a plan that arrived in one (bytes with a
// length), or why the link could not be read.
EMSCRIPTEN_KEEPALIVE void fiducia_share_link_made(int result, int length) {
    fiducia::ui::share_link_made(g_web->app, static_cast<fiducia::ui::ShareLinkMade>(result), length);
    fiducia_wake();
}

EMSCRIPTEN_KEEPALIVE void fiducia_open_shared(const char* data, int length) {
    fiducia::ui::open_shared_plan(g_web->app, std::string_view(data, static_cast<std::size_t>(length)));
    fiducia_wake();
}

EMSCRIPTEN_KEEPALIVE void fiducia_share_link_broken(int reason) {
    fiducia::ui::share_link_broken(g_web->app, static_cast<fiducia::ui::ShareLinkBroken>(reason));
    fiducia_wake();
}

// The browser left full screen (the person pressed Esc or F11): presenter mode ends with it.
EMSCRIPTEN_KEEPALIVE void fiducia_fullscreen_left(void) {
    g_web->app.set_presenting(false);
    fiducia_wake();
}

// Presenter mode's state, for automation: {"on", "slide", "slides", "timer_seconds", "timer_running"}.
EMSCRIPTEN_KEEPALIVE const char* fiducia_presenter(void) {
    fiducia::ui::PresenterState& state = g_web->app.presenter();
    nlohmann::json reply = {{"on", state.on}, {"slide", state.slide},
                            {"slides", fiducia::ui::presenter_slides(g_web->app)},
                            {"timer_seconds", state.timer.seconds_left(g_web->app.now())},
                            {"timer_running", state.timer.running}};
    g_web->reply = reply.dump();
    return g_web->reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void fiducia_flush_autosave(void) { g_web->app.flush_autosave(); }

EMSCRIPTEN_KEEPALIVE int fiducia_unsaved(void) {
    const fiducia::ui::Document& doc = g_web->app.document();
    return doc.is_open() && doc.dirty() ? 1 : 0;
}

}  // extern "C"

int main() {
    const double main_at_ms = emscripten_get_now();
    if (!glfwInit()) {
        std::fprintf(stderr, "fiducia: could not start GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws flat, opaque 2D: no depth, stencil or alpha buffers to create and clear.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    g_web = new WebApp();
    g_web->main_at_ms = main_at_ms;
    g_web->window = glfwCreateWindow(1280, 800, "Fiducia", nullptr, nullptr);
    if (!g_web->window) {  // the page checks only that WebGL2 exists: creating a context is the real test
        EM_ASM(FiduciaPage.fail(FiduciaPage.say("webgl2", FiduciaPage.noWebGL2)));
        return 1;
    }
    glfwMakeContextCurrent(g_web->window);
    g_web->context_at_ms = emscripten_get_now();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    fiducia::ui::locator_enable();
    io.IniFilename = nullptr;  // layout is kept in browser storage by the page, not in a file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_web->window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    fiducia::app::web_input::install();  // after the backends, which may set their own IME hook
    // The backend listens for the wheel on the document, where Chrome makes listeners passive and
    // logs an error for every preventDefault; listen on the canvas instead.
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    // The system clipboard, not GLFW's page-local one: copies go to navigator.clipboard, pastes
    // arrive through the page's paste event (browsers allow no synchronous clipboard reads).
    io.SetClipboardTextFn = [](void*, const char* text) { fiducia::app::PlatformWeb::copy_to_clipboard(text); };
    io.GetClipboardTextFn = [](void*) { return fiducia::app::PlatformWeb::pasted_text(); };

    g_web->imgui_at_ms = emscripten_get_now();
    load_examples(g_web->app);
    fiducia::app::PlatformWeb::StoredPlan stored;
    if (fiducia::app::PlatformWeb::load_autosave(stored))
        g_web->app.restore_autosave(stored.text, stored.file_name, stored.dirty);
    g_web->examples_at_ms = emscripten_get_now();

    fiducia_wake();
    frame();  // the first frame now, not one animation frame later
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
