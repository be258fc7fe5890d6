#include "ui/locator.hpp"

#include <cstdio>
#include <string_view>
#include <unordered_map>

#include <imgui.h>
#include <imgui_internal.h>

namespace fiducia::ui {

namespace {
struct Locator {
    std::unordered_map<ImGuiID, ItemRect> rects;       // this frame's items, by id
    std::unordered_map<std::string, ImGuiID> by_label;  // visible and full labels, last one wins
    std::unordered_map<ImGuiID, std::string> labels;
    std::vector<ImGuiID> duplicate_ids;
    std::vector<std::string> duplicates;  // labels of duplicate_ids, filled on request
    std::vector<std::string> asserts;
};
Locator g_locator;  // ImGui's hooks are free functions with no user pointer
}  // namespace

void locator_enable() { GImGui->TestEngineHookItems = true; }

void locator_begin_frame() {
    g_locator.rects.clear();
    g_locator.by_label.clear();
    g_locator.labels.clear();
    g_locator.duplicate_ids.clear();
}

const std::vector<std::string>& duplicate_items() {
    g_locator.duplicates.clear();
    for (ImGuiID id : g_locator.duplicate_ids) {
        auto label = g_locator.labels.find(id);
        g_locator.duplicates.push_back(label != g_locator.labels.end() ? label->second : "(unlabelled item)");
    }
    return g_locator.duplicates;
}

const std::vector<std::string>& failed_asserts() { return g_locator.asserts; }

std::optional<ItemRect> locate_item(const std::string& label) {
    auto id = g_locator.by_label.find(label);
    if (id == g_locator.by_label.end()) return std::nullopt;
    auto rect = g_locator.rects.find(id->second);
    if (rect == g_locator.rects.end()) return std::nullopt;
    return rect->second;
}

void locator_name_item(unsigned int id, const char* label) { ImGuiTestEngineHook_ItemInfo(GImGui, id, label, 0); }

}  // namespace fiducia::ui

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    auto [it, added] = fiducia::ui::g_locator.rects.try_emplace(id);
    // InputTextMultiline's child window takes the field's own id by design: not a clash.
    const bool own_child = ctx->CurrentWindow && (ctx->CurrentWindow->ID == id ||
                           (ctx->CurrentWindow->ParentWindow && ctx->CurrentWindow->ParentWindow->ID == id));
    if (!added && id != 0 && !own_child) fiducia::ui::g_locator.duplicate_ids.push_back(id);
    it->second = {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()};
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!label) return;
    std::string_view full(label);
    auto& by_label = fiducia::ui::g_locator.by_label;
    by_label[std::string(full)] = id;
    fiducia::ui::g_locator.labels[id] = std::string(full);
    std::string_view visible = full.substr(0, full.find("##"));
    if (!visible.empty()) by_label[std::string(visible)] = id;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

void fiducia_imgui_assert(const char* expression, const char* file, int line) {
    std::string where = std::string(expression) + " (" + file + ":" + std::to_string(line) + ")";
    std::fprintf(stderr, "Dear ImGui assert failed: %s\n", where.c_str());
    fiducia::ui::g_locator.asserts.push_back(std::move(where));
}
