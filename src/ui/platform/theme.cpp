#include "ui/platform/theme.hpp"

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

int load_fonts(float scale, const std::string& font_dir, const std::vector<char32_t>& cjk, const std::string& cjk_file) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    // Horizontal oversampling sharpens small text on 1x screens; at 2x, or for headings, it only
    // costs start-up time rasterising glyphs.
    config.OversampleH = scale < 1.5f ? 2 : 1;
    config.OversampleV = 1;
    ImFontConfig heading_config = config;
    heading_config.OversampleH = 1;
    // Latin-1 + Latin Extended-A (Italian and Indonesian plan text), punctuation, arrows, marks.
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
                                     0x2190, 0x2195, 0x2212, 0x2212, 0x2260, 0x2265, 0x25B2, 0x25BC,
                                     0x2713, 0x2715, 0};
    // The CJK characters to merge into each face: the language menu's names, or all of `cjk`.
    const bool with_cjk = !cjk.empty() && file_exists(cjk_file.c_str());
    static ImVector<ImWchar> cjk_ranges;  // the atlas reads its ranges when it is built, later
    cjk_ranges.clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddText("简体中文");
    for (char32_t c : cjk)
        if (with_cjk) builder.AddChar(static_cast<ImWchar>(c));
    builder.BuildRanges(&cjk_ranges);
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = 1;  // CJK strokes are dense: oversampling buys little and doubles the atlas
    merge.OversampleV = 1;
    const std::string merge_file = with_cjk ? cjk_file : font_dir + "/ui-cjk-names.ttf";
    auto add_face = [&](const char* face, float pixels, const ImFontConfig& face_config) {
        ImFont* font = add_font((font_dir + "/ui-" + face + ".ttf").c_str(), pixels, face_config, ranges);
        if (font) add_font(merge_file.c_str(), pixels, merge, cjk_ranges.Data);
        return font;
    };
    // The subset fonts are embedded at build time (cmake/web.cmake); without them, ImGui's default.
    ImFont* body = add_face("Regular", kBodyPx * scale, config);
    g_heading = add_face("Bold", kHeadingPx * scale, heading_config);
    if (!body) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        body = io.Fonts->AddFontDefault(&fallback);
    }
    if (!g_heading) g_heading = body;
    io.FontDefault = body;
    return with_cjk ? static_cast<int>(cjk.size()) : 0;
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
