#include "ui/theme.hpp"

#include <cstdio>

#include <imgui.h>

namespace fiducia::ui {

namespace {
ImFont* g_heading = nullptr;  // owned by the font atlas; set by load_fonts
constexpr float kBodyPx = 16.0f;
constexpr float kHeadingPx = 24.0f;

bool file_exists(const char* path) {
    std::FILE* f = std::fopen(path, "rb");
    if (f) std::fclose(f);
    return f != nullptr;
}

ImFont* add_font(const char* path, float pixels, const ImFontConfig& config, const ImWchar* ranges) {
    return file_exists(path) ? ImGui::GetIO().Fonts->AddFontFromFileTTF(path, pixels, &config, ranges) : nullptr;
}

}  // namespace

void load_fonts(float scale, const std::string& font_dir) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    // Horizontal oversampling sharpens small text on 1x screens; at 2x, or for headings, it only
    // costs start-up time rasterising glyphs.
    config.OversampleH = scale < 1.5f ? 2 : 1;
    config.OversampleV = 1;
    ImFontConfig heading_config = config;
    heading_config.OversampleH = 1;
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
                                     0x2190, 0x2195, 0x2212, 0x2212, 0x2260, 0x2265, 0x25B2, 0x25BC,
                                     0x2713, 0x2715, 0};
    // The subset fonts are embedded at build time (cmake/web.cmake); without them, ImGui's default.
    ImFont* body = add_font((font_dir + "/ui-Regular.ttf").c_str(), kBodyPx * scale, config, ranges);
    g_heading = add_font((font_dir + "/ui-Bold.ttf").c_str(), kHeadingPx * scale, heading_config, ranges);
    if (!body) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        body = io.Fonts->AddFontDefault(&fallback);
    }
    if (!g_heading) g_heading = body;
    io.FontDefault = body;
}

ImFont* heading_font() { return g_heading; }

void apply_theme(Theme theme, float scale) {
    ImGuiStyle style;
    switch (theme) {
        case Theme::light: ImGui::StyleColorsLight(&style); break;
        case Theme::dark: ImGui::StyleColorsDark(&style); break;
        case Theme::projector: ImGui::StyleColorsLight(&style); break;
    }
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.PopupRounding = 6;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.WindowPadding = ImVec2(14, 12);
    style.CellPadding = ImVec2(8, 4);
    if (theme == Theme::light || theme == Theme::projector) {
        ImVec4* c = style.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.92f, 0.92f, 0.90f, 1);
        c[ImGuiCol_Button] = ImVec4(0.16f, 0.40f, 0.58f, 0.12f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.16f, 0.40f, 0.58f, 0.28f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.16f, 0.40f, 0.58f, 0.45f);
        c[ImGuiCol_Header] = ImVec4(0.16f, 0.40f, 0.58f, 0.15f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.16f, 0.40f, 0.58f, 0.28f);
    }
    if (theme == Theme::projector) {  // a washed-out projector still shows black on white
        ImVec4* c = style.Colors;
        c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.25f, 0.25f, 0.25f, 1);
        c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.90f, 0.90f, 1);
        c[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.6f);
        style.FrameBorderSize = 1;
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace fiducia::ui
