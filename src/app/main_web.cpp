// The browser entry point: a WebGL2 canvas, Dear ImGui, and the frame loop. Frames are drawn only
// while there is input, running work or a focused text field, so an idle page costs nothing.
#include <algorithm>
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
#include "io/json_library.hpp"

#include "app/platform_web.hpp"
#include "app/web_app.hpp"
#include "app/web_input.hpp"
#include "ui/platform/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/platform/locator.hpp"
#include "ui/platform/theme.hpp"

namespace {

constexpr double kActiveSecondsAfterInput = 1.0;  // covers ImGui's hover delays and fades

fiducia::app::WebApp* g_web = nullptr;  // created by main, never freed: the page lives as long as it

double now_seconds() { return emscripten_get_now() / 1000.0; }

}  // namespace

namespace fiducia::app {
WebApp& web_app() { return *g_web; }
void wake() {
    if (g_web) g_web->active_until = now_seconds() + kActiveSecondsAfterInput;
}
}  // namespace fiducia::app

namespace {

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
    fiducia::app::wake();
    return EM_TRUE;
}

void frame() {
    fiducia::app::WebApp& w = *g_web;
    const double due = w.app.next_frame_at();  // a running round timer: about one frame a second
    // Input still queued (a click arrives as move, press, release: one frame each) keeps frames coming
    // even when a slow machine draws fewer than three in the second after the input.
    // Work in the Web Workers needs a frame only for its progress bar: ten a second leave the cores
    // to the workers (input still gets a frame every display frame).
    const bool busy = w.app.busy() && (!w.app.waiting_on_background() || now_seconds() >= w.last_drawn_at + 0.1);
    const bool active = now_seconds() < w.active_until || busy || ImGui::GetIO().WantTextInput ||
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

    w.last_drawn_at = now_seconds();
    if (w.frames++ == 0) w.first_frame_at_ms = emscripten_get_now();
    w.last_frame_ms = emscripten_get_now() - start;
}

// A WebGL2 context through GLFW; nullptr when the browser cannot make one.
GLFWwindow* create_window() {
    if (!glfwInit()) return nullptr;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws flat, opaque 2D: no depth, stencil or alpha buffers to create and clear.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "Fiducia", nullptr, nullptr);
    if (window) glfwMakeContextCurrent(window);
    return window;
}

// Dear ImGui with its GLFW and WebGL2 backends, and the page's own input, wheel and clipboard.
void init_imgui(GLFWwindow* window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    fiducia::ui::locator_enable();
    io.IniFilename = nullptr;  // layout is kept in browser storage by the page, not in a file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
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
}

}  // namespace

int main() {
    g_web = new fiducia::app::WebApp();
    g_web->main_at_ms = emscripten_get_now();
    g_web->window = create_window();
    if (!g_web->window) {  // the page checks only that WebGL2 exists: creating a context is the real test
        EM_ASM(FiduciaPage.fail(FiduciaPage.say("webgl2", FiduciaPage.noWebGL2)));
        return 1;
    }
    g_web->context_at_ms = emscripten_get_now();
    init_imgui(g_web->window);
    g_web->imgui_at_ms = emscripten_get_now();

    load_examples(g_web->app);
    fiducia::app::PlatformWeb::StoredPlan stored;
    if (fiducia::app::PlatformWeb::load_autosave(stored))
        g_web->app.restore_autosave(stored.text, stored.file_name, stored.dirty);
    g_web->examples_at_ms = emscripten_get_now();

    fiducia::app::wake();
    frame();  // the first frame now, not one animation frame later
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
