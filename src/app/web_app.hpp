// The page's one running app and its frame statistics, shared by the frame loop (main_web.cpp) and
// the functions the page calls (web_api.cpp).
#pragma once

#include <string>
#include <vector>

#include <GLFW/glfw3.h>

#include "app/platform_web.hpp"
#include "ui/app.hpp"

namespace fiducia::app {

struct WebApp {
    GLFWwindow* window = nullptr;
    PlatformWeb platform;
    ui::App app{platform};
    float scale = 0;
    double active_until = 0;
    unsigned long long frames = 0;
    double last_frame_ms = 0;
    double last_drawn_at = 0;   // now_seconds() when the last frame was drawn
    double last_mirror_ms = 0;  // of which the accessibility mirror took
    double first_frame_at_ms = 0;  // performance.now() when the first frame was drawn
    // performance.now() at each start-up step, so `make bench` can say where the first frame goes.
    double main_at_ms = 0, context_at_ms = 0, imgui_at_ms = 0, examples_at_ms = 0;
    std::string reply;  // the last string handed to JavaScript (valid until the next call)
    std::vector<char32_t> cjk;  // the CJK characters in the atlas
    int cjk_glyphs = 0;         // how many the atlas holds (0: the CJK font is not loaded)
};

// The page's one app (created by main); the exported functions reach it here.
WebApp& web_app();
// Keeps frames coming for a moment after input, so hovers and fades finish.
void wake();

}  // namespace fiducia::app
