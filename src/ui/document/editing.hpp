// Helpers shared by the plan editors (src/ui/panels/panel_settings.cpp ... panel_measurements.cpp):
// what a delete would touch, in words, the fields an action's effect may change, effects in words, the roadmap's drag
// math and monthly costs. The pure functions at the top are tested in tests/ui/test_editors.cpp;
// the widgets at the bottom edit through App::document() like widgets.hpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "core/plan.hpp"
#include "core/references.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

class App;

// ---- References (the edits themselves are in core/references.hpp) --------------------------------

// What deleting the entity at `index` also removes, in plain words, one line each
// ("2 touchpoints of this group: Checkout, Delivery"). Empty when nothing refers to it.
std::vector<std::string> delete_consequences(const Plan& plan, Entity kind, std::size_t index);

// ---- Action effects -----------------------------------------------------------------------------

// The fields an effect may change, their words and ranges: core/fields.hpp's tables.
using EffectField = FieldInfo;
using fiducia::effect_fields;
using fiducia::find_effect_field;
// The entity names a target kind offers (ids and names, plan order); culture has none.
std::vector<std::pair<std::string, std::string>> effect_entities(const Plan& plan, EffectTarget target);
using fiducia::effect_base_value;
using fiducia::effect_full_value;
// "Checkout: bad share x 0.6 from month 3, full by month 5".
std::string describe_effect(const Plan& plan, const Action& action, const Effect& effect);
// A readable number: 0.6, 12,000, 1.25 (at most `decimals` decimals, trailing zeros dropped).
std::string plain_number(double value, int decimals = 2);

// ---- Roadmap ------------------------------------------------------------------------------------

// The month whose column holds pixel x (months 1..horizon left to right from x0, `month_width`
// pixels each), clamped to 1..horizon.
int month_at(float x, float x0, float month_width, int horizon);
// Dragging a bar by dx pixels: its start month snaps to whole months, within 1..horizon.
int dragged_start(int start_month, float dx, float month_width, int horizon);
// Dragging the ramp's end by dx pixels: ramp months snap to whole months, 1..120.
int dragged_ramp(int ramp_months, float dx, float month_width);
// Cost of the enabled actions in each month 1..horizon (index 0 = month 1): one-off cost in the
// start month, the monthly cost in every month from the start on.
struct MonthCost {
    double once = 0, monthly = 0;
    double total() const { return once + monthly; }
};
std::vector<MonthCost> monthly_costs(const Plan& plan);

// ---- Widgets ------------------------------------------------------------------------------------

// An id field: typed freely, applied on Enter or when the field is left, and only if valid and
// unused (references are renamed with it, as one undo step); says why otherwise.
void edit_id(App& app, Entity kind, std::size_t index, const std::string& current, const std::string& name);
// A combo of stakeholder groups by name; writes the chosen id. A dangling id shows as missing.
bool combo_stakeholder(App& app, const char* label, const std::string& current, const char* tooltip,
                       const std::function<void(Plan&, const std::string&)>& write);
// A combo over a fixed list of labels; writes the chosen index.
bool combo_index(App& app, const char* label, int current, const char* const* labels, int count,
                 const char* tooltip, const std::function<void(Plan&, int)>& write);
// The plan's errors whose pointer starts with one of these prefixes ("/stakeholders"), as a red
// list under a collapsible header; nothing when there are none.
void error_summary(App& app, std::initializer_list<const char*> prefixes);
// A red "missing reference" note or the validator's message under the last item.
void pointer_error(App& app, const std::string& pointer);
// A field's editor label from its table (core/fields.hpp), translated, with the plan's currency.
std::string field_label(const FieldInfo& field, const std::string& currency);
// A table field's editor (core/fields.hpp): label, tooltip, range and format from the table, the
// value through its getter, the edit through its setter, and the file check's message under it.
// `current` is the entity as shown, `edit(plan)` the same entity in a plan being edited, `object`
// its pointer ("/stakeholders/2"). A shared field is typed in percent.
template <class T, class Edit>
bool edit_field(App& app, const std::vector<Field<T>>& table, std::string_view id, const T& current,
                const std::string& object, Edit edit) {
    const Field<T>* f = find_field(table, id);
    if (!f) return false;
    const std::string label = field_label(*f, app.document().plan().meta.currency);
    auto write = [f, edit](Plan& p, double v) { f->set(edit(p), v); };
    const bool changed = f->share ? edit_share(app, label.c_str(), f->get(current), tr(f->tooltip), write)
                                  : edit_number(app, label.c_str(), f->get(current), f->editor_range.lo,
                                                f->editor_range.hi, f->format, tr(f->tooltip), write);
    pointer_error(app, field_pointer(object, *f));
    return changed;
}
// Human labels for the enums.
const char* kind_label(StakeholderKind kind);
const char* channel_label(Channel channel);
const char* stage_label(Stage stage);
const char* metric_label(Metric metric);
std::string stakeholder_name(const Plan& plan, const std::string& id);
// Add / Duplicate / Delete buttons above an editor's list; disabled when read-only.
enum class ListCommand { none, add, duplicate, remove };
// The standard list on the left of an editor: selectable names, returns the (clamped) selection.
// `names` may repeat; ids are per row. With `row_command`, each row has a context menu (right
// click, long press) whose Duplicate or Delete selects the row and is written there.
int entity_list(const char* id, const std::vector<std::string>& names, int selected, float height,
                ListCommand* row_command = nullptr);

ListCommand list_buttons(App& app, bool has_selection, const char* noun);
// Asks `question` ("Delete the action "X"?", translated whole by the caller) in a modal saying what
// else goes with it (delete_consequences); deletes as one undo step on confirmation. Call
// request_delete() on the click, delete_popup() every frame.
void request_delete(App& app, Entity kind, int index);
void delete_popup(App& app, Entity kind, const std::string& question);
// A panel's title, and a wrapped explanation under it in the disabled colour.
void editor_intro(const char* title, const char* text);

}  // namespace fiducia::ui
