// What a screen reader, a keyboard user and a test tool need of each frame: the interactive items
// with a role, a name (the visible label) and a value, plus headings and key figures. The page
// mirrors them as DOM elements over the canvas (web/input_layer.js), as Flutter web and Figma do.
// Items come from ImGui's hooks (ui/platform/locator); panels add what a hook cannot know (a value, a role).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ui/platform/locator.hpp"

namespace fiducia::ui::a11y {

enum class Role : std::uint8_t { button, checkbox, textbox, slider, menu, menuitem, tab, heading, text };

struct Node {
    unsigned id = 0;
    Role role = Role::button;
    std::string name;         // what is read out: the visible label
    std::string value;        // a field's text, a slider's value, a key figure's number
    std::string description;  // the tooltip: what the field means and where its figure comes from
    ItemRect rect;            // framebuffer pixels
    bool checked = false, expandable = false, expanded = false, disabled = false, selected = false;
};

void begin_frame();  // forget the previous frame's annotations (with locator_begin_frame)

// For the item drawn last:
void set_role(Role role);
void set_value(const std::string& value);
void set_name(const std::string& name);  // when its label is hidden ("##...") or says too little
void set_description(const std::string& text);
void set_selected(bool selected);
void describe(unsigned id, const std::string& text);  // the same for an earlier item (a "(?)" after it)  // the chosen panel in the navigation
// Text a screen reader should find: a heading, or a key figure ("Trust Index today: 61.2").
// Uses the rectangle of the text item drawn last.
void add_text(Role role, const std::string& text);

// The frame's nodes in the order drawn (only what is on screen and has a name).
std::vector<Node> nodes();
// The label as shown: the text before "##" (or "###").
std::string visible_label(const std::string& label);
// The mirror as JSON for the page: {"nodes": [[id, role, name, value, x, y, w, h, flags, description], ...],
// "focus": id, "notice": text}; coordinates in CSS pixels (framebuffer pixels / `pixel_ratio`).
std::string mirror_json(const std::vector<Node>& nodes, float pixel_ratio, unsigned focus_id, const std::string& notice);
const char* role_name(Role role);

}  // namespace fiducia::ui::a11y
