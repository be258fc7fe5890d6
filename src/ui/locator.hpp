// What Dear ImGui's hooks tell us about the last frame: where each labelled widget was drawn (so
// browser tests click real items, window.fiducia.locate), ids used twice, and failed asserts.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fiducia::ui {

struct ItemRect {
    float x = 0, y = 0, width = 0, height = 0;  // in framebuffer pixels
};

void locator_enable();       // call once after ImGui::CreateContext
void locator_begin_frame();  // forget the previous frame's items
// The last item drawn with this label (the text before "##", or the full label), if any.
std::optional<ItemRect> locate_item(const std::string& label);
// Names an item the way ImGui's own widgets do, for a widget that does not (a combo in 1.90.1):
// `label` is then found by locate_item. Call in the frame the item was drawn.
void locator_name_item(unsigned int id, const char* label);
// Ids that more than one item used in the last frame (an ID clash: the second item is dead).
const std::vector<std::string>& duplicate_items();
// Every failed IM_ASSERT since start, as "expression (file:line)".
const std::vector<std::string>& failed_asserts();

}  // namespace fiducia::ui
