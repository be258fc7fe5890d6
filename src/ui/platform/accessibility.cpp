#include "ui/platform/accessibility.hpp"

#include <cstdio>
#include <unordered_map>

#include <imgui.h>
#include <imgui_internal.h>

namespace fiducia::ui::a11y {

namespace {
struct Annotation {
    bool has_role = false;
    Role role = Role::button;
    bool has_value = false, has_selected = false, selected = false;
    std::string value, name, description;
};
struct TextNode {
    std::size_t after = 0;  // how many hooked items were drawn before it: keeps the reading order
    Node node;
};
struct Annotations {
    std::unordered_map<ImGuiID, Annotation> items;
    std::vector<TextNode> texts;
    int frame = -1;  // ImGui's frame count they belong to: a new frame starts afresh
};
Annotations g_all;  // like the locator's: ImGui's items have no user data

Annotations& annotations() {
    if (ImGui::GetCurrentContext() && g_all.frame != ImGui::GetFrameCount()) {
        g_all.items.clear();
        g_all.texts.clear();
        g_all.frame = ImGui::GetFrameCount();
    }
    return g_all;
}

Annotation& last() { return annotations().items[ImGui::GetItemID()]; }

void append_escaped(std::string& out, const std::string& text) {
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void append_number(std::string& out, float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
    out += buf;
}
}  // namespace

void begin_frame() {
    g_all.items.clear();
    g_all.texts.clear();
    g_all.frame = -1;
}

void set_role(Role role) {
    Annotation& a = last();
    a.has_role = true;
    a.role = role;
}
void set_value(const std::string& value) {
    Annotation& a = last();
    a.has_value = true;
    a.value = value;
}
void set_name(const std::string& name) { last().name = name; }
void set_description(const std::string& text) {
    if (ImGui::GetItemID() != 0) last().description = text;
}
void describe(unsigned id, const std::string& text) {
    if (id != 0) annotations().items[id].description = text;
}
void set_selected(bool selected) {
    Annotation& a = last();
    a.has_selected = true;
    a.selected = selected;
}

void add_text(Role role, const std::string& text) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImRect shown(min, max);
    shown.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
    if (shown.GetWidth() <= 0 || shown.GetHeight() <= 0 || text.empty()) return;
    Annotations& all = annotations();
    TextNode t;
    t.after = frame_items().size();
    t.node.id = ImGui::GetID(text.c_str()) ^ static_cast<unsigned>(all.texts.size() * 2654435761u);
    t.node.role = role;
    t.node.name = text;
    t.node.rect = {shown.Min.x, shown.Min.y, shown.GetWidth(), shown.GetHeight()};
    all.texts.push_back(std::move(t));
}

std::string visible_label(const std::string& label) {
    const std::size_t hashes = label.find("##");
    return hashes == std::string::npos ? label : label.substr(0, hashes);
}

std::vector<Node> nodes() {
    const std::vector<FrameItem>& items = frame_items();
    static const Annotations none;
    const Annotations& all = g_all.frame == ImGui::GetFrameCount() ? g_all : none;  // of the frame just drawn
    std::vector<Node> out;
    out.reserve(items.size() + all.texts.size());
    std::size_t next_text = 0;
    auto flush_texts = [&](std::size_t drawn) {
        for (; next_text < all.texts.size() && all.texts[next_text].after <= drawn; ++next_text)
            out.push_back(all.texts[next_text].node);
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        flush_texts(i);
        const FrameItem& item = items[i];
        if (item.rect.width <= 0 || item.rect.height <= 0) continue;  // scrolled out of view
        auto found = all.items.find(item.id);
        const Annotation* a = found != all.items.end() ? &found->second : nullptr;
        Node n;
        n.id = item.id;
        n.name = visible_label(item.label);
        if (a && !a->name.empty()) n.name = a->name;
        if (n.name.empty()) continue;  // nothing to read out: a scrollbar, a drag area
        n.rect = item.rect;
        n.disabled = item.disabled;
        n.checked = item.status & ImGuiItemStatusFlags_Checked;
        n.expandable = item.status & ImGuiItemStatusFlags_Openable;
        n.expanded = item.status & ImGuiItemStatusFlags_Opened;
        // Menu bar menus, tree nodes and collapsing headers are buttons that say they open (aria-expanded).
        if (item.in_menu) n.role = n.expandable ? Role::menu : Role::menuitem;
        else if (item.status & ImGuiItemStatusFlags_Checkable) n.role = Role::checkbox;
        else if (item.status & ImGuiItemStatusFlags_Inputable) n.role = Role::textbox;
        else n.role = Role::button;
        if (a) {
            if (a->has_role) n.role = a->role;
            if (a->has_value) n.value = a->value;
            if (a->has_selected) n.selected = a->selected;
            n.description = a->description;
        }
        out.push_back(std::move(n));
    }
    flush_texts(items.size());
    return out;
}

const char* role_name(Role role) {
    switch (role) {
        case Role::button: return "button";
        case Role::checkbox: return "checkbox";
        case Role::textbox: return "textbox";
        case Role::slider: return "slider";
        case Role::menu: return "menu";
        case Role::menuitem: return "menuitem";
        case Role::tab: return "tab";
        case Role::heading: return "heading";
        case Role::text: return "text";
    }
    return "button";
}

std::string mirror_json(const std::vector<Node>& nodes, float pixel_ratio, unsigned focus_id, const std::string& notice) {
    const float s = pixel_ratio > 0 ? pixel_ratio : 1.0f;
    std::string out;
    out.reserve(nodes.size() * 96 + 64);
    out += "{\"nodes\":[";
    bool first = true;
    for (const Node& n : nodes) {
        if (!first) out += ',';
        first = false;
        out += '[';
        out += std::to_string(n.id);
        out += ",\"";
        out += role_name(n.role);
        out += "\",";
        append_escaped(out, n.name);
        out += ',';
        append_escaped(out, n.value);
        for (float v : {n.rect.x / s, n.rect.y / s, n.rect.width / s, n.rect.height / s}) {
            out += ',';
            append_number(out, v);
        }
        // flags: 1 checked, 2 expandable, 4 expanded, 8 disabled, 16 selected
        const int flags = (n.checked ? 1 : 0) | (n.expandable ? 2 : 0) | (n.expanded ? 4 : 0) | (n.disabled ? 8 : 0) |
                          (n.selected ? 16 : 0);
        out += ',';
        out += std::to_string(flags);
        out += ',';
        append_escaped(out, n.description);
        out += ']';
    }
    out += "],\"focus\":";
    out += std::to_string(focus_id);
    out += ",\"notice\":";
    append_escaped(out, notice);
    out += '}';
    return out;
}

}  // namespace fiducia::ui::a11y
