// The browser's input machinery reaching the canvas (web/input_layer.js holds the page's half):
// - a text agent: a real <input> focused while ImGui wants text, placed at the caret, so IME
//   composition, dictation, emoji and phone keyboards type into the app;
// - touch: a tap clicks, a finger drag scrolls, a long press is the context (right) click;
// - the accessibility mirror: each frame's items as DOM elements (ui/accessibility), sent when
//   they change; activating one activates the widget.
#pragma once

#include <string>

namespace fiducia::ui {
class App;
}

namespace fiducia::app::web_input {

void install();  // after ImGui::CreateContext: hooks ImGui's IME callback
// Between frames, before ImGui::NewFrame: what the page asked for since the last frame.
void before_frame();
// After the frame is drawn: tells the page where the text agent goes and what the mirror holds.
// Returns the microseconds the mirror took (for `make bench`).
double after_frame(ui::App& app, float pixel_ratio);

}  // namespace fiducia::app::web_input
