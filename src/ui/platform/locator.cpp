#include "ui/platform/locator.hpp"

#include <algorithm>
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
    std::vector<FrameItem> items;                     // in the order drawn
    std::unordered_map<ImGuiID, std::size_t> item_at;  // index into items
    ImGuiID focus_request = 0;
};
Locator g_locator;  // ImGui's hooks are free functions with no user pointer
}  // namespace

void locator_enable() { GImGui->TestEngineHookItems = true; }

void locator_begin_frame() {
    g_locator.rects.clear();
    g_locator.by_label.clear();
    g_locator.labels.clear();
    g_locator.duplicate_ids.clear();
    g_locator.items.clear();
    g_locator.item_at.clear();
}

const std::vector<FrameItem>& frame_items() { return g_locator.items; }

void locator_request_focus(unsigned id) { g_locator.focus_request = id; }

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

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
    auto [it, added] = fiducia::ui::g_locator.rects.try_emplace(id);
    // InputTextMultiline's child window takes the field's own id by design: not a clash.
    // (Inside that child window, or in its parent as the child ends, where the child is added again.)
    bool ends_child = false;
    if (!added && ctx->CurrentWindow)
        for (const ImGuiWindow* child : ctx->CurrentWindow->DC.ChildWindows) ends_child |= child->ChildId == id;
    const bool own_child = ctx->CurrentWindow && (ctx->CurrentWindow->ID == id || ends_child ||
                           (ctx->CurrentWindow->ParentWindow && ctx->CurrentWindow->ParentWindow->ID == id));
    if (!added && id != 0 && !own_child) fiducia::ui::g_locator.duplicate_ids.push_back(id);
    it->second = {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()};
    if (id == 0 || !data || !ctx->CurrentWindow) return;  // no data: a window registering itself
    if (id == fiducia::ui::g_locator.focus_request) {  // while the item is drawn: its window, scope and rectangle are current
        fiducia::ui::g_locator.focus_request = 0;
        ImGui::FocusWindow(ctx->CurrentWindow->RootWindow);
        ImGui::SetFocusID(id, ctx->CurrentWindow);
        ctx->NavDisableHighlight = false;
        ctx->NavDisableMouseHover = true;
    }
    // The part of the item its window shows (a list scrolled past it shows none).
    ImRect shown = bb;
    shown.ClipWithFull(ctx->CurrentWindow->ClipRect);
    fiducia::ui::FrameItem item;
    item.id = id;
    item.disabled = data->InFlags & ImGuiItemFlags_Disabled;
    const ImGuiWindowFlags window_flags = ctx->CurrentWindow->Flags;  // a menu, a context menu or a combo's list
    item.in_menu = (window_flags & ImGuiWindowFlags_ChildMenu) ||
                   ((window_flags & ImGuiWindowFlags_Popup) && !(window_flags & ImGuiWindowFlags_Modal));
    item.rect = {shown.Min.x, shown.Min.y, std::max(0.0f, shown.GetWidth()), std::max(0.0f, shown.GetHeight())};
    auto& items = fiducia::ui::g_locator.items;
    auto [at, fresh] = fiducia::ui::g_locator.item_at.try_emplace(id, items.size());
    if (fresh) items.push_back(std::move(item));
    else items[at->second] = std::move(item);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (!label) return;
    std::string_view full(label);
    auto at = fiducia::ui::g_locator.item_at.find(id);
    if (at != fiducia::ui::g_locator.item_at.end()) {
        fiducia::ui::FrameItem& item = fiducia::ui::g_locator.items[at->second];
        item.label = label;
        item.status = flags;
    }
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
