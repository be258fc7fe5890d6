#include "core/references.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace fiducia {

namespace {

// Called on each id a reference holds; returning true removes what holds it (see Reference::Shape).
using Visitor = std::function<bool(std::string& id, std::string_view holder_id, std::string_view holder_name)>;

// Keeps the items `drop` says no to; unlike std::erase_if, `drop` may change the item (a rename).
template <typename T, typename Drop>
void sweep(std::vector<T>& items, Drop drop) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!drop(items[i])) {
            if (kept != i) items[kept] = std::move(items[i]);
            ++kept;
        }
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
}

template <EffectTarget target>
void visit_effects(Plan& p, const Visitor& f) {
    for (Action& a : p.actions)
        sweep(a.effects, [&](Effect& e) { return e.target == target && f(e.id, a.id, a.name); });
}

// A reference and how to reach the ids it holds in a Plan: the one table of the plan's references.
struct Row {
    Reference reference;
    void (*visit)(Plan&, const Visitor&);
};

const Row kRows[] = {
    {{Entity::stakeholder, "/touchpoints", "stakeholder", Reference::one},
     [](Plan& p, const Visitor& f) { sweep(p.touchpoints, [&](Touchpoint& t) { return f(t.stakeholder, t.id, t.name); }); }},
    {{Entity::stakeholder, "/commitments", "stakeholders", Reference::ids},
     [](Plan& p, const Visitor& f) {
         for (Commitment& c : p.commitments) sweep(c.stakeholders, [&](std::string& s) { return f(s, c.id, c.statement); });
     }},
    {{Entity::stakeholder, "/knowledge_sources", "coverage", Reference::keys},
     [](Plan& p, const Visitor& f) {
         for (KnowledgeSource& k : p.knowledge_sources)
             sweep(k.coverage, [&](CoverageEntry& c) { return f(c.stakeholder, k.id, k.name); });
     }},
    {{Entity::stakeholder, "/observations", "stakeholder", Reference::one},
     [](Plan& p, const Visitor& f) { sweep(p.observations, [&](Observation& o) { return f(o.stakeholder, "", ""); }); }},
    {{Entity::stakeholder, "/workshop/ratings", "stakeholder", Reference::one},
     [](Plan& p, const Visitor& f) { sweep(p.workshop.ratings, [&](Rating& r) { return f(r.stakeholder, "", ""); }); }},
    {{Entity::stakeholder, "/workshop/importance", "stakeholder", Reference::one},
     [](Plan& p, const Visitor& f) {
         sweep(p.workshop.importance, [&](ImportanceRating& r) { return f(r.stakeholder, "", ""); });
     }},
    {{Entity::stakeholder, "/actions", "effects", Reference::effect, "stakeholder"}, visit_effects<EffectTarget::stakeholder>},
    {{Entity::touchpoint, "/actions", "effects", Reference::effect, "touchpoint"}, visit_effects<EffectTarget::touchpoint>},
    {{Entity::commitment, "/actions", "effects", Reference::effect, "commitment"}, visit_effects<EffectTarget::commitment>},
    {{Entity::knowledge_source, "/actions", "effects", Reference::effect, "knowledge_source"},
     visit_effects<EffectTarget::knowledge_source>},
    {{Entity::action, "/scenarios", "actions", Reference::ids},
     [](Plan& p, const Visitor& f) {
         for (Scenario& s : p.scenarios) sweep(s.actions, [&](std::string& a) { return f(a, s.id, s.name); });
     }},
    {{Entity::participant, "/workshop/ratings", "participant", Reference::one},
     [](Plan& p, const Visitor& f) { sweep(p.workshop.ratings, [&](Rating& r) { return f(r.participant, "", ""); }); }},
    {{Entity::participant, "/workshop/importance", "participant", Reference::one},
     [](Plan& p, const Visitor& f) {
         sweep(p.workshop.importance, [&](ImportanceRating& r) { return f(r.participant, "", ""); });
     }},
    {{Entity::stakeholder, "/workshop/stakeholders", "", Reference::list},
     [](Plan& p, const Visitor& f) { sweep(p.workshop.stakeholders, [&](std::string& s) { return f(s, "", ""); }); }},
};

// The entity kind whose list `pointer` is, if any: a referring item that is itself an entity.
std::optional<Entity> entity_of_list(std::string_view pointer) {
    for (Entity kind : kEntities)
        if (pointer == list_pointer(kind)) return kind;
    return std::nullopt;
}

bool id_char(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '_' || c == '-'));
}

// Removes every reference to (kind, id), and with a referring entity (a touchpoint) the references to it.
void drop_references(Plan& plan, Entity kind, const std::string& id) {
    std::vector<std::pair<Entity, std::string>> gone;
    for (const Row& row : kRows) {
        if (row.reference.target != kind) continue;
        const std::optional<Entity> holder_kind = entity_of_list(row.reference.from);
        row.visit(plan, [&](std::string& ref, std::string_view holder_id, std::string_view) {
            if (ref != id) return false;
            if (holder_kind && row.reference.shape == Reference::one) gone.emplace_back(*holder_kind, holder_id);
            return true;
        });
    }
    for (const auto& [k, holder] : gone) drop_references(plan, k, holder);
}

// The id of the entity at `index`, writable when the plan is.
template <typename P>  // Plan or const Plan
auto* id_in(P& plan, Entity kind, std::size_t index) {
    auto at = [index](auto& list) { return index < list.size() ? &list[index].id : nullptr; };
    switch (kind) {
        case Entity::stakeholder: return at(plan.stakeholders);
        case Entity::knowledge_source: return at(plan.knowledge_sources);
        case Entity::touchpoint: return at(plan.touchpoints);
        case Entity::commitment: return at(plan.commitments);
        case Entity::action: return at(plan.actions);
        case Entity::participant: return at(plan.workshop.participants);
        case Entity::scenario: return at(plan.scenarios);
    }
    return at(plan.stakeholders);  // not reached: every kind is handled above
}

}  // namespace

const char* list_pointer(Entity kind) {
    switch (kind) {
        case Entity::stakeholder: return "/stakeholders";
        case Entity::knowledge_source: return "/knowledge_sources";
        case Entity::touchpoint: return "/touchpoints";
        case Entity::commitment: return "/commitments";
        case Entity::action: return "/actions";
        case Entity::participant: return "/workshop/participants";
        case Entity::scenario: return "/scenarios";
    }
    return "";
}

std::span<const Reference> references() {
    static const std::vector<Reference> all = [] {
        std::vector<Reference> out;
        for (const Row& row : kRows) out.push_back(row.reference);
        return out;
    }();
    return all;
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i)
        if (!id_char(id[i], i == 0)) return false;
    return true;
}

std::string unique_id(const std::string& name, const std::vector<std::string>& taken, const std::string& fallback) {
    std::string base;
    bool dash = false;
    for (char c : name) {
        char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (id_char(l, true)) {
            if (dash && !base.empty()) base += '-';
            base += l;
            dash = false;
        } else {
            dash = true;  // spaces, punctuation and non-ASCII letters become one dash
        }
    }
    if (base.size() > 56) base.resize(56);
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty()) base = valid_id(fallback) ? fallback : "item";
    auto used = [&](const std::string& id) { return std::find(taken.begin(), taken.end(), id) != taken.end(); };
    if (!used(base)) return base;
    for (int n = 2;; ++n) {
        std::string id = base + "-" + std::to_string(n);
        if (!used(id)) return id;
    }
}

const std::string* id_at(const Plan& plan, Entity kind, std::size_t index) { return id_in(plan, kind, index); }

std::vector<std::string> ids_of(const Plan& plan, Entity kind) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; const std::string* id = id_at(plan, kind, i); ++i) ids.push_back(*id);
    return ids;
}

std::vector<Holder> uses_of(const Plan& plan, Entity kind, const std::string& id) {
    std::vector<Holder> out;
    // The visitors take a Plan& so that rename and delete share them; this one changes nothing.
    Plan& readable = const_cast<Plan&>(plan);
    for (const Row& row : kRows) {
        if (row.reference.target != kind) continue;
        row.visit(readable, [&](std::string& ref, std::string_view holder_id, std::string_view holder_name) {
            if (ref == id) out.push_back({&row.reference, holder_id, holder_name});
            return false;
        });
    }
    return out;
}

int reference_count(const Plan& plan, Entity kind, std::size_t index) {
    const std::string* id = id_at(plan, kind, index);
    if (!id) return 0;
    int n = 0;
    std::set<std::pair<const Reference*, std::string_view>> counted;  // a commitment listing a group twice
    for (const Holder& h : uses_of(plan, kind, *id))
        n += h.id.empty() || h.reference->shape != Reference::ids || counted.insert({h.reference, h.id}).second;
    return n;
}

void remove_entity(Plan& plan, Entity kind, std::size_t index) {
    const std::string* idp = id_at(plan, kind, index);
    if (!idp) return;
    const std::string id = *idp;
    auto erase = [index](auto& list) { list.erase(list.begin() + static_cast<std::ptrdiff_t>(index)); };
    switch (kind) {
        case Entity::stakeholder: erase(plan.stakeholders); break;
        case Entity::knowledge_source: erase(plan.knowledge_sources); break;
        case Entity::touchpoint: erase(plan.touchpoints); break;
        case Entity::commitment: erase(plan.commitments); break;
        case Entity::action: erase(plan.actions); break;
        case Entity::participant: erase(plan.workshop.participants); break;
        case Entity::scenario: erase(plan.scenarios); break;
    }
    drop_references(plan, kind, id);
}

void rename_id(Plan& plan, Entity kind, std::size_t index, const std::string& new_id) {
    std::string* idp = id_in(plan, kind, index);
    if (!idp) return;
    const std::string old = *idp;
    for (const Row& row : kRows)
        if (row.reference.target == kind)
            row.visit(plan, [&](std::string& ref, std::string_view, std::string_view) {
                if (ref == old) ref = new_id;
                return false;
            });
    *idp = new_id;  // the entity's own id is not among the references, so idp still points at it
}

}  // namespace fiducia
