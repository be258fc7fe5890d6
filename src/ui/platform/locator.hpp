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

// One interactive item of the last frame, in the order drawn: what the accessibility mirror reads.
struct FrameItem {
    unsigned id = 0;
    std::string label;      // as given to ImGui ("Save##file"); empty when the widget had none
    int status = 0;         // ImGuiItemStatusFlags: checkable, checked, openable, opened, inputable
    bool disabled = false;
    bool in_menu = false;   // drawn in a menu, a context menu or a combo's list
    ItemRect rect;          // the part its window shows; width or height 0 when scrolled out of view
};

void locator_enable();       // call once after ImGui::CreateContext
void locator_begin_frame();  // forget the previous frame's items
// The last item drawn with this label (the text before "##", or the full label), if any.
std::optional<ItemRect> locate_item(const std::string& label);
// Every item of the last frame that had a label, in the order drawn.
const std::vector<FrameItem>& frame_items();
// Gives the keyboard focus (ImGui's nav focus, with its visible ring) to the item with this id when
// it is next drawn: the page's Tab order and a screen reader's focus move it there.
void locator_request_focus(unsigned id);
// Names an item the way ImGui's own widgets do, for a widget that does not (a combo in 1.90.1):
// `label` is then found by locate_item. Call in the frame the item was drawn.
void locator_name_item(unsigned int id, const char* label);
// Ids that more than one item used in the last frame (an ID clash: the second item is dead).
const std::vector<std::string>& duplicate_items();
// Every failed IM_ASSERT since start, as "expression (file:line)".
const std::vector<std::string>& failed_asserts();

}  // namespace fiducia::ui
