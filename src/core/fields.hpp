// One table per plan entity of its numeric fields (FORMAT.md): id, label, meaning, the bounds a file
// must keep, how an action effect's result is held in range, whether an effect may change it, and
// how to read and write it. The file reader and writer, the effect compiler, the sensitivity analysis
// and the editors all walk these tables, so a field's bounds and words are written once, here.
// Fields with bounds that depend on other values (months, an observation's value) or that are maps
// over dimensions or stakeholders (weights, coverage) are not in the tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"

namespace fiducia {

inline constexpr double kUnbounded = 1e300;  // "no upper bound" as a finite number the clamps can use

// A closed or open interval; an infinite side is written as +-kUnbounded.
struct Range {
    double lo = -kUnbounded, hi = kUnbounded;
    bool lo_open = false, hi_open = false;
    bool contains(double x) const {
        return x == x && (lo_open ? x > lo : x >= lo) && (hi_open ? x < hi : x <= hi);
    }
};
inline constexpr Range kShareRange{0, 1};
inline constexpr Range kBaseRateRange{0.01, 0.99};  // Josang's prior never quite 0 or 1
inline constexpr Range kStarsRange{1, 5};
inline constexpr Range kNonNegative{0, kUnbounded};
inline constexpr Range kPositive{0, kUnbounded, true};

// How a value an action effect pushes out of range is held in it (docs/MODEL.md "Actions over time"):
// a file with such a value is refused, an effect's result is clamped.
enum class ClampKind : unsigned char { share, base_rate, rating, nonneg };
// The interval a clamp kind holds a value in (nonneg: 0..kUnbounded).
inline const Range& clamp_range(ClampKind kind) {
    switch (kind) {
        case ClampKind::share: return kShareRange;
        case ClampKind::base_rate: return kBaseRateRange;
        case ClampKind::rating: return kStarsRange;
        case ClampKind::nonneg: return kNonNegative;
    }
    return kNonNegative;
}

// What every field says about itself, whatever entity it belongs to.
struct FieldInfo {
    const char* id = "";       // the key in the file (FORMAT.md)
    const char* label = "";    // plain English, lower case ("bad share"); the UI's translation key
    const char* meaning = "";  // one line, the action editor's tooltip for the field
    Range range;               // a file with a value outside is refused
    ClampKind clamp = ClampKind::nonneg;  // how an effect's result is held in range
    bool share = false;        // a 0..1 share (shown as %)
    const char* unit = "";     // what one of its amounts is, for a number that is not a share ("people"); a UI key
    bool changeable = false;   // an action effect may change it (FORMAT.md "Fields an effect may change")
    bool required = false;     // the file must name it
    bool sensitivity = false;  // the tornado varies it (MODEL.md "tornado")
    bool omitted_at_default = false;  // saved only when not its default: added later, so older files keep their bytes and hash
    // Its editor (src/ui): the label ("%s": the plan's currency; "##...": an ImGui id kept as is),
    // tooltip, the range its box and bar offer (within `range`; shares always 0-100%), the format.
    const char* editor_label = "";
    const char* tooltip = "";
    Range editor_range = kNonNegative;
    const char* format = "%.2f";
};

// A field of entity type T: FieldInfo and the member holding it, a plain number or an optional one
// (peer_rating) whose absence reads as `absent`, the value an effect on it starts from.
template <class T>
struct Field : FieldInfo {
    double T::*member = nullptr;
    std::optional<double> T::*maybe = nullptr;
    double absent = 0;
    bool present(const T& x) const { return member || (x.*maybe).has_value(); }
    double get(const T& x) const { return member ? x.*member : (x.*maybe).value_or(absent); }
    void set(T& x, double v) const {
        if (member) x.*member = v;
        else x.*maybe = v;
    }
};

// The field `id` of a table, or null.
template <class T>
const Field<T>* find_field(const std::vector<Field<T>>& table, std::string_view id) {
    for (const Field<T>& f : table)
        if (id == f.id) return &f;
    return nullptr;
}

const std::vector<Field<Settings>>& settings_fields();
const std::vector<Field<Abandonment>>& abandonment_fields();  // under /settings/abandonment
const std::vector<Field<Culture>>& culture_fields();
const std::vector<Field<Stakeholder>>& stakeholder_fields();
const std::vector<Field<KnowledgeSource>>& knowledge_source_fields();
const std::vector<Field<Touchpoint>>& touchpoint_fields();
const std::vector<Field<Commitment>>& commitment_fields();
const std::vector<Field<Action>>& action_fields();
const std::vector<Field<Observation>>& observation_fields();

// The plan's objects (JSON pointers) and the keys of the fields no table holds (a whole number,
// text), written once for the file's reader, writer and checker and the editors' error pointers.
inline constexpr const char* kMetaObject = "/meta";
inline constexpr const char* kSettingsObject = "/settings";
inline constexpr const char* kAbandonmentObject = "/settings/abandonment";
inline constexpr const char* kCultureObject = "/culture";
namespace keys {
inline constexpr const char* title = "title";                    // meta
inline constexpr const char* base = "base";
inline constexpr const char* horizon_months = "horizon_months";  // settings
inline constexpr const char* start = "start";
inline constexpr const char* seed = "seed";
}  // namespace keys
// "/settings" + "seed" -> "/settings/seed".
inline std::string key_pointer(const char* object, const char* key) { return std::string(object) + "/" + key; }

// Calls f(table, pointer, is_list) for every table in FORMAT.md order: `pointer` is the object's
// ("/settings") or the list's ("/stakeholders"), for code that must reach every field.
template <class F>
void for_each_table(F&& f) {
    f(settings_fields(), kSettingsObject, false);
    f(abandonment_fields(), kAbandonmentObject, false);
    f(culture_fields(), kCultureObject, false);
    f(stakeholder_fields(), "/stakeholders", true);
    f(knowledge_source_fields(), "/knowledge_sources", true);
    f(touchpoint_fields(), "/touchpoints", true);
    f(commitment_fields(), "/commitments", true);
    f(action_fields(), "/actions", true);
    f(observation_fields(), "/observations", true);
}

// The JSON pointer of a field: "/stakeholders/3/base_rate", "/settings/forgetting".
std::string field_pointer(std::string_view list, std::size_t index, const FieldInfo& field);
std::string field_pointer(std::string_view object, const FieldInfo& field);
// RFC 6901 escaping of one reference token (~ and /).
std::string pointer_token(std::string_view key);

// The fields an action effect may change on a target, table order; their ids for messages.
const std::vector<const FieldInfo*>& effect_fields(EffectTarget target);
const std::vector<const char*>& changeable_fields(EffectTarget target);
// The changeable field `id` of a target, or null; and its position in effect_fields.
const FieldInfo* find_effect_field(EffectTarget target, std::string_view id);
int effect_field_index(EffectTarget target, std::string_view id);
// The value an effect on this target starts from today (before any action); none when the entity
// or the field is missing. A missing peer rating starts from 3 stars.
std::optional<double> effect_base_value(const Plan& plan, const Effect& effect);
// The value once the effect is fully phased in, held in the field's range.
double effect_full_value(const Effect& effect, double before);

}  // namespace fiducia
