// Fonts and colours: one place that knows the UI's look, scaled for the screen's pixel density.
#pragma once

#include <string>
#include <vector>

struct ImFont;

namespace fiducia::ui {

enum class Theme { light, dark, projector };

// (Re)builds the font atlas for `scale` device pixels per CSS pixel; call before NewFrame.
// The subset fonts are built into `font_dir` (embedded at /fonts on the web); else ImGui's own.
// `cjk` lists the CJK characters to add from `cjk_file` (App::cjk_glyphs): only those,
// so the atlas stays small. The language menu's "简体中文" always comes from ui-cjk-names.ttf.
// Returns how many CJK characters the atlas holds (0 when the CJK font is not loaded).
int load_fonts(float scale, const std::string& font_dir = "/fonts", const std::vector<char32_t>& cjk = {},
               const std::string& cjk_file = "/fonts/ui-cjk.ttf");
void apply_theme(Theme theme, float scale);
ImFont* heading_font();  // larger bold face for titles and key figures

}  // namespace fiducia::ui
