#include "app/web_input.hpp"

#include <string>
#include <vector>

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "ui/platform/accessibility.hpp"
#include "ui/app.hpp"
#include "ui/platform/locator.hpp"
#include "app/platform_web.hpp"

// The page's half (web/input_layer.js). Strings are copied there before these return.
EM_JS(void, fiducia_js_text_agent, (int want, unsigned id, float x, float y, float height, const char* name), {
    FiduciaInput.textAgent(want !== 0, id, x, y, height, UTF8ToString(name));
});
EM_JS(void, fiducia_js_mirror, (const char* json), { FiduciaInput.mirror(UTF8ToString(json)); });

namespace fiducia::app::web_input {

namespace {
struct State {
    ImGuiPlatformImeData ime;         // where ImGui's active text field has its caret
    std::vector<unsigned> activate;   // mirror elements activated since the last frame
    std::vector<unsigned> focus;      // mirror elements focused (Tab, a screen reader)
    bool leave_text_field = false;    // the text agent lost focus to nothing (a phone's keyboard closed)
    // What the page was last told, so it hears only of changes.
    bool agent_want = false;
    unsigned agent_id = 0;
    float agent_x = -1, agent_y = -1, agent_h = -1;
    std::string agent_name;
    std::string mirror;
};
State g_state;  // the page's one ImGui context

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) { g_state.ime = *data; }

ImVec2 mouse_at(float css_x, float css_y, float pixel_ratio) { return ImVec2(css_x * pixel_ratio, css_y * pixel_ratio); }
}  // namespace

void install() {
    ImGui::GetIO().SetPlatformImeDataFn = set_ime_data;
}

void before_frame() {
    ImGuiContext& g = *GImGui;
    // Keys and text still queued belong to the field being edited: a Tab taken by the page must
    // not move on before they have reached it.
    if (!g.InputEventsQueue.empty()) return;
    for (unsigned id : g_state.focus) ui::locator_request_focus(id);
    g_state.focus.clear();
    for (unsigned id : g_state.activate) {
        ImGui::ActivateItemByID(id);
        // A text field or number takes typing at once, as a click on a web form's field does.
        g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    g_state.activate.clear();
    if (g_state.leave_text_field && g.ActiveId != 0 && g.IO.WantTextInput) ImGui::ClearActiveID();
    g_state.leave_text_field = false;
}

double after_frame(ui::App& app, float pixel_ratio) {
    ImGuiContext& g = *GImGui;
    const float s = pixel_ratio > 0 ? pixel_ratio : 1.0f;
    const bool want = g.IO.WantTextInput;
    const double start = emscripten_get_now();
    const std::vector<ui::a11y::Node> nodes = ui::a11y::nodes();
    std::string name;  // the edited field's accessible name, for the agent
    if (want)
        for (const ui::a11y::Node& n : nodes)
            if (n.id == g.ActiveId) name = n.name;
    // The caret's place matters only while a field is edited: no message for its moves otherwise.
    const float x = want ? g_state.ime.InputPos.x / s : 0, y = want ? g_state.ime.InputPos.y / s : 0,
                h = want ? g_state.ime.InputLineHeight / s : 0;
    const unsigned id = want ? g.ActiveId : 0;
    if (want != g_state.agent_want || id != g_state.agent_id || name != g_state.agent_name || x != g_state.agent_x || y != g_state.agent_y ||
        h != g_state.agent_h) {
        g_state.agent_want = want;
        g_state.agent_id = id;
        g_state.agent_name = name;
        g_state.agent_x = x;
        g_state.agent_y = y;
        g_state.agent_h = h;
        fiducia_js_text_agent(want ? 1 : 0, id, x, y, h, name.c_str());
    }

    // Focus follows the keyboard: the item ImGui's Tab and arrows reached, when they show it.
    const unsigned focus = !g.NavDisableHighlight && g.NavWindow ? g.NavId : 0;
    const std::vector<ui::Notice>& notices = app.notices();
    std::string json = ui::a11y::mirror_json(nodes, s, focus, notices.empty() ? std::string() : notices.back().text);
    if (json != g_state.mirror) {
        g_state.mirror = std::move(json);
        fiducia_js_mirror(g_state.mirror.c_str());
    }
    return (emscripten_get_now() - start) * 1000.0;
}

}  // namespace fiducia::app::web_input

// ---- called from web/input_layer.js ---------------------------------------------------------------
extern "C" {

// Text the browser typed into the text agent: a key, an IME or dictation commit, an emoji.
EMSCRIPTEN_KEEPALIVE void fiducia_text_input(const char* text) { ImGui::GetIO().AddInputCharactersUTF8(text); }

// A phone keyboard's backspace arrives as an edit of the agent, not as a key.
EMSCRIPTEN_KEEPALIVE void fiducia_text_backspace(void) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiKey_Backspace, true);
    io.AddKeyEvent(ImGuiKey_Backspace, false);
}

// The agent lost focus to nothing (a phone's "done", the keyboard closed): the field stops editing.
EMSCRIPTEN_KEEPALIVE void fiducia_text_agent_left(void) { fiducia::app::web_input::g_state.leave_text_field = true; }

// A mirror element was activated (a screen reader's click, Enter or Space on it).
EMSCRIPTEN_KEEPALIVE void fiducia_a11y_activate(unsigned id) { fiducia::app::web_input::g_state.activate.push_back(id); }

// The page moved the keyboard focus to a mirror element (Tab, a screen reader): ImGui's follows.
EMSCRIPTEN_KEEPALIVE void fiducia_a11y_focus(unsigned id) { fiducia::app::web_input::g_state.focus.push_back(id); }

// A finger: `button` 0 for a tap, 1 for a long press (the context click), at CSS pixels x, y.
// ImGui sees the pointer arrive, then the press, then the release, a frame each.
EMSCRIPTEN_KEEPALIVE void fiducia_touch_tap(float x, float y, int button) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 at = fiducia::app::web_input::mouse_at(x, y, fiducia::app::PlatformWeb::device_pixel_ratio());
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(at.x, at.y);
    io.AddMouseButtonEvent(button, true);
    io.AddMouseButtonEvent(button, false);
}

// A finger dragged by (dx, dy) CSS pixels from x, y: the region under it scrolls with the finger.
EMSCRIPTEN_KEEPALIVE void fiducia_touch_scroll(float x, float y, float dx, float dy) {
    ImGuiIO& io = ImGui::GetIO();
    const float ratio = fiducia::app::PlatformWeb::device_pixel_ratio();
    const ImVec2 at = fiducia::app::web_input::mouse_at(x, y, ratio);
    // ImGui scrolls a window by five lines of its font per wheel step.
    const float step = 5.0f * (GImGui->FontSize > 0 ? GImGui->FontSize : 16.0f);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(at.x, at.y);
    io.AddMouseWheelEvent(dx * ratio / step, dy * ratio / step);
}

}  // extern "C"
