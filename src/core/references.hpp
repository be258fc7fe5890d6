// Ids and the reference graph of a plan: which entities a plan names by id, every place that refers
// to one (one table), and the edits that keep the graph whole: delete with what depends on it,
// rename everywhere. The editors, the command-line tool and the three-way merge all walk this table.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"

namespace fiducia {

// The entities other parts of a plan refer to by id.
enum class Entity { stakeholder, knowledge_source, touchpoint, commitment, action, participant, scenario };

// The file's list of an entity kind, as a JSON pointer ("/stakeholders", "/workshop/participants").
const char* list_pointer(Entity kind);
inline constexpr Entity kEntities[] = {Entity::stakeholder,      Entity::touchpoint, Entity::commitment,
                                       Entity::knowledge_source, Entity::action,     Entity::participant,
                                       Entity::scenario};

// One kind of reference: the items of the list `from` hold ids of `target` in `field`.
struct Reference {
    Entity target;
    const char* from;   // JSON pointer of the referring list ("/touchpoints")
    const char* field;  // the field holding the id; "" when the list itself holds ids
    enum Shape {
        one,     // the field is one id; deleting the target deletes the item (a touchpoint, a rating)
        ids,     // the field is a list of ids; the id leaves the list
        keys,    // the field is a list of entries keyed by id (coverage); the entry goes
        effect,  // an action's effects aimed at `effect_target`; the effect goes
        list,    // `from` is itself a list of ids (the workshop's invited groups); the id leaves it
    } shape;
    const char* effect_target = "";
};
// Every reference a plan can hold, targets in the order of kEntities' first use.
std::span<const Reference> references();

// The entity holding a reference, for words ("touchpoint Checkout", "the action Hire").
struct Holder {
    const Reference* reference;
    std::string_view id;    // its id, "" when the holder is not an entity (a measurement, a rating)
    std::string_view name;  // its name (a commitment's statement), "" when it has none
};

// FORMAT.md: ^[a-z0-9][a-z0-9_-]{0,63}$
bool valid_id(const std::string& id);
// A valid id made from a name ("Order confirmation e-mail" -> "order-confirmation-e-mail"), not
// among `taken` ("-2", "-3"... appended when it is). Names without letters or digits give `fallback`.
std::string unique_id(const std::string& name, const std::vector<std::string>& taken,
                      const std::string& fallback = "item");

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
    std::vector<std::string> ids;
    for (const T& item : list) ids.push_back(item.id);
    return ids;
}

// The item of a plan's list with this id, or nullptr.
template <typename T>
const T* find_by_id(const std::vector<T>& list, const std::string& id) {
    for (const T& item : list)
        if (item.id == id) return &item;
    return nullptr;
}

// The ids of every entity of this kind, in list order.
std::vector<std::string> ids_of(const Plan& plan, Entity kind);
// The id of the entity at `index` of its list, or nullptr when there is none.
const std::string* id_at(const Plan& plan, Entity kind, std::size_t index);
// Every place in `plan` that refers to the entity with this id, in table then list order.
std::vector<Holder> uses_of(const Plan& plan, Entity kind, const std::string& id);
// How many places refer to the entity at `index` (an entity listing it twice counts once).
int reference_count(const Plan& plan, Entity kind, std::size_t index);
// Deletes the entity and everything that only makes sense with it: a group's touchpoints (and the
// effects on them), its coverage entries, its place in commitments, its measurements and workshop
// ratings; effects on anything deleted; an action's place in scenarios. A valid plan stays valid.
void remove_entity(Plan& plan, Entity kind, std::size_t index);
// Renames an entity's id and every reference to it.
void rename_id(Plan& plan, Entity kind, std::size_t index, const std::string& new_id);

}  // namespace fiducia
