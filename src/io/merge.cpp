// Three-way merge on the canonical JSON of base, ours and theirs. One recursive rule: where ours and
// theirs agree, or only one side differs from the base, the answer is clear; where both objects
// (or entity lists) differ, merge inside them; anything else is a conflict.
#include "io/merge.hpp"

#include <algorithm>
#include <set>

#include "core/references.hpp"
#include "io/plan_file.hpp"

namespace fiducia::io {

namespace {

bool same(const Json* a, const Json* b) { return a == b || (a && b && *a == *b); }

const Json* member(const Json* object, const std::string& key) {
    if (!object || !object->is_object()) return nullptr;
    auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

MaybeJson maybe(const Json* v) { return v ? MaybeJson(*v) : std::nullopt; }

// Where a value sits in each file: the pointer to report (ours first) and the path for picks.
struct Place {
    std::string path, ours, theirs, base;
    std::string label;
    std::string list, key;  // the entity this place is in (Conflict::list, key), if any
    const Json* entity = nullptr;
    std::string field;      // below the entity (or the plan): Conflict::field
    Place at(const std::string& k) const {
        return {child(path, k), child(ours, k), child(theirs, k), child(base, k), label.empty() ? k : label + ": " + k,
                list, key, entity, field.empty() ? pointer_escape(k) : field + "/" + pointer_escape(k)};
    }
};

struct Merger {
    const std::map<std::string, Side>& picks;
    MergeResult& out;

    std::optional<Json> value(const Json* b, const Json* o, const Json* t, const Place& at) {
        if (at.path == "/meta/base") return std::nullopt;  // set afresh for the result
        if (same(o, t)) return maybe(o);
        if (same(b, o)) {
            ++out.from_theirs;
            return maybe(t);
        }
        if (same(b, t)) return maybe(o);
        const bool base_fits = !b || b->is_object();
        if (o && t && o->is_object() && t->is_object() && base_fits) return object(b, *o, *t, at);
        if (o && t && o->is_array() && t->is_array() && is_entity_list(at.path) && (!b || b->is_array()))
            return list(b, *o, *t, at);
        return conflict(b, o, t, at);
    }

    std::optional<Json> conflict(const Json* b, const Json* o, const Json* t, const Place& at) {
        auto pick = picks.find(at.path);
        if (pick != picks.end()) {
            if (pick->second == Side::theirs) ++out.from_theirs;
            return maybe(pick->second == Side::base ? b : pick->second == Side::ours ? o : t);
        }
        const std::string& pointer = o ? at.ours : t ? at.theirs : at.base;  // each side's place when it has one
        out.conflicts.push_back({at.path, pointer, at.label, maybe(b), maybe(o), maybe(t), at.list, at.key,
                                 maybe(at.entity), at.field, {}, {}, {}});
        return maybe(o);  // a placeholder: the result is not used while a conflict is open
    }

    Json object(const Json* b, const Json& o, const Json& t, const Place& at) {
        Json result = Json::object();
        auto one = [&](const std::string& key) {
            if (result.contains(key)) return;
            if (std::optional<Json> v = value(member(b, key), member(&o, key), member(&t, key), at.at(key)))
                result[key] = std::move(*v);
        };
        for (auto it = o.begin(); it != o.end(); ++it) one(it.key());
        for (auto it = t.begin(); it != t.end(); ++it) one(it.key());
        if (b) for (auto it = b->begin(); it != b->end(); ++it) one(it.key());  // removed by ours, edited by theirs
        return result;
    }

    Json list(const Json* b, const Json& o, const Json& t, const Place& at) {
        const Json empty = Json::array();
        const Json& base = b ? *b : empty;
        const std::vector<std::string> kb = entity_keys(at.path, base), ko = entity_keys(at.path, o),
                                       kt = entity_keys(at.path, t);
        auto index = [](const std::vector<std::string>& keys) {
            std::map<std::string, std::size_t> m;
            for (std::size_t i = 0; i < keys.size(); ++i) m[keys[i]] = i;
            return m;
        };
        const auto ib = index(kb), io = index(ko), it = index(kt);
        auto find = [](const Json& list, const std::map<std::string, std::size_t>& m, const std::string& key,
                       std::string& ptr, const std::string& list_ptr) -> const Json* {
            auto f = m.find(key);
            if (f == m.end()) return nullptr;
            ptr = child(list_ptr, f->second);
            return &list[f->second];
        };
        Json result = Json::array();
        auto one = [&](const std::string& key) {
            Place p{at.path + "/" + pointer_escape(key), "", "", "", "", at.path, key, nullptr, ""};
            const Json* vb = find(base, ib, key, p.base, at.base);
            const Json* vo = find(o, io, key, p.ours, at.ours);
            const Json* vt = find(t, it, key, p.theirs, at.theirs);
            const Json* named = vo ? vo : vt ? vt : vb;
            p.label = entity_noun(at.path) + " " + entity_label(*named, key);
            p.entity = named;
            if (std::optional<Json> v = value(vb, vo, vt, p)) result.push_back(std::move(*v));
        };
        for (const std::string& key : ko) one(key);  // ours' order first
        for (const std::string& key : kt)
            if (!io.count(key)) one(key);  // then what theirs added (or kept while ours removed it)
        for (const std::string& key : kb)
            if (!io.count(key) && !it.count(key)) one(key);  // removed on both sides: nothing, by the rule
        return result;
    }
};

Json side_json(const MaybeJson& v) { return v.value_or(Json(nullptr)); }

// The entity list at `pointer` ("/touchpoints", "/workshop/participants") in a plan, if it is one.
template <typename J>  // Json or const Json
J* list_at(J& plan, const std::string& pointer) {
    J* at = &plan;
    std::size_t from = 1;
    while (from <= pointer.size()) {
        const std::size_t end = std::min(pointer.find('/', from), pointer.size());
        const std::string key = pointer.substr(from, end - from);
        if (!at->is_object() || !at->contains(key)) return nullptr;
        at = &(*at)[key];
        from = end + 1;
    }
    return at->is_array() ? at : nullptr;
}

// Where a plan refers to an entity: the JSON pointer, and the entity holding the reference.
struct Use {
    std::string at;
    const char* list = "";  // that entity's list ("" for the workshop's invited groups)
    std::size_t index = 0;  // its place in the list
};

// Where `plan` refers to each entity of the list `target`: its id -> the first use.
std::map<std::string, Use> first_uses(const Json& plan, const std::string& target) {
    std::map<std::string, Use> out;
    auto use = [&](const Json& id, const std::string& at, const char* list = "", std::size_t index = 0) {
        if (id.is_string()) out.emplace(id.get<std::string>(), Use{at, list, index});
    };
    for (const Reference& r : references()) {  // core's table of the plan's references
        if (target != list_pointer(r.target)) continue;
        if (r.shape == Reference::list) {  // the workshop's invited groups: the list holds the ids
            if (const Json* ids = list_at(plan, r.from))
                for (std::size_t j = 0; j < ids->size(); ++j) use((*ids)[j], child(r.from, j));
            continue;
        }
        const Json* from = list_at(plan, r.from);
        for (std::size_t i = 0; from && i < from->size(); ++i) {
            const Json& item = (*from)[i];
            if (!item.is_object() || !item.contains(r.field)) continue;
            const Json& value = item[r.field];
            const std::string at = child(child(r.from, i), r.field);
            if (r.shape == Reference::one) use(value, at, r.from, i);
            if (r.shape == Reference::keys && value.is_object())
                for (auto k = value.begin(); k != value.end(); ++k) use(Json(k.key()), child(at, k.key()), r.from, i);
            for (std::size_t j = 0; value.is_array() && j < value.size(); ++j) {
                const Json& v = value[j];
                if (r.shape == Reference::ids) use(v, child(at, j), r.from, i);
                if (r.shape == Reference::effect && v.is_object() && v.value("target", "") == r.effect_target && v.contains("id"))
                    use(v["id"], child(child(at, j), "id"), r.from, i);
            }
        }
    }
    return out;
}

// Entities removed on one side that the merged plan still refers to become conflicts on the entity
// (or, when picked, are kept or stay removed as the pick says).
void removed_but_used(const Json& b, const Json& o, const Json& t, Json& merged, const std::map<std::string, Side>& picks,
                      MergeResult& out) {
    for (Entity kind : kEntities) {
        const char* target = list_pointer(kind);
        const Json* base = list_at(b, target);
        Json* result = list_at(merged, target);
        if (!base || !result) continue;
        const Json* lists[] = {list_at(o, target), list_at(t, target)};
        const std::vector<std::string> kept_keys = entity_keys(target, *result), kb = entity_keys(target, *base);
        const std::set<std::string> kept(kept_keys.begin(), kept_keys.end());
        std::map<std::string, std::size_t> at_side[2];  // key -> index in ours, theirs
        for (int s = 0; s < 2; ++s) {
            const std::vector<std::string> keys = lists[s] ? entity_keys(target, *lists[s]) : std::vector<std::string>{};
            for (std::size_t k = 0; k < keys.size(); ++k) at_side[s].emplace(keys[k], k);
        }
        std::optional<std::map<std::string, Use>> uses;  // made once, when a one-sided removal needs it
        for (std::size_t i = 0; i < kb.size(); ++i) {
            if (kept.count(kb[i])) continue;
            const Json* side[2] = {nullptr, nullptr};  // ours, theirs
            for (int s = 0; s < 2; ++s)
                if (auto f = at_side[s].find(kb[i]); f != at_side[s].end()) side[s] = &(*lists[s])[f->second];
            if (!side[0] && !side[1]) continue;  // both removed it
            if (!uses) uses = first_uses(merged, target);
            const auto use = uses->find(kb[i]);
            if (use == uses->end()) continue;
            const Use& used = use->second;
            const std::string path = std::string(target) + "/" + pointer_escape(kb[i]);
            const Json& in_base = (*base)[i];
            auto pick = picks.find(path);
            if (pick != picks.end()) {
                const Json* keep = pick->second == Side::base ? &in_base : side[pick->second == Side::ours ? 0 : 1];
                if (keep) result->push_back(*keep);
                if (keep && pick->second == Side::theirs) ++out.from_theirs;
                continue;
            }
            const Json* named = side[0] ? side[0] : side[1];
            const MaybeJson used_by = *used.list ? MaybeJson((*list_at(merged, used.list))[used.index]) : std::nullopt;
            const std::string pointer = child(target, i);  // in the base: the side that kept it may have moved it
            out.conflicts.push_back({path, pointer,
                                     entity_noun(target) + " " + entity_label(*named, kb[i]) +
                                         " (removed on one side, still used at " + used.at + ")",
                                     in_base, maybe(side[0]), maybe(side[1]), target, kb[i], *named, "", used.at,
                                     used.list, used_by});
        }
    }
}

}  // namespace

MergeResult merge_plans(const Plan& base, const Plan& ours, const Plan& theirs,
                        const std::map<std::string, Side>& picks) {
    MergeResult result;
    const Json jb = canonical_json(base), jo = canonical_json(ours), jt = canonical_json(theirs);
    Merger merger{picks, result};
    std::optional<Json> merged = merger.value(&jb, &jo, &jt, Place{});
    if (merged) removed_but_used(jb, jo, jt, *merged, picks, result);  // listed with the others, picked or not
    if (!result.conflicts.empty()) return result;
    LoadResult loaded = load_plan(dump_pretty(merged.value_or(Json::object())));
    if (!loaded.ok) {
        result.errors = std::move(loaded.errors);
        return result;
    }
    result.plan = std::move(loaded.plan);
    result.plan.meta.base = content_hash(result.plan);  // the merge is the copies' next common ancestor
    result.ok = true;
    return result;
}

std::string merge_report_json(const MergeResult& result) {
    Json j = Json::object();
    j["ok"] = result.ok;
    j["conflicts"] = Json::array();
    for (const Conflict& c : result.conflicts)
        j["conflicts"].push_back({{"path", c.path}, {"pointer", c.pointer}, {"label", c.label},
                                  {"base", side_json(c.base)}, {"ours", side_json(c.ours)},
                                  {"theirs", side_json(c.theirs)}});
    j["errors"] = result.errors;
    return dump_pretty(j);
}

}  // namespace fiducia::io
