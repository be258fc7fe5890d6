// Fonts and colours: one place that knows the UI's look, scaled for the screen's pixel density.
#pragma once

#include <string>

struct ImFont;

namespace fiducia::ui {

enum class Theme { light, dark, projector };

// (Re)builds the font atlas for `scale` device pixels per CSS pixel; call before NewFrame.
// The subset fonts are built into `font_dir` (embedded at /fonts on the web); else ImGui's own.
void load_fonts(float scale, const std::string& font_dir = "/fonts");
void apply_theme(Theme theme, float scale);
ImFont* heading_font();  // larger bold face for titles and key figures

}  // namespace fiducia::ui
