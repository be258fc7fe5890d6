// Compare two plans on their canonical JSON: objects key by key, entity lists matched by key, any
// other value (text, number, a list of ids, an action's effects) compared whole.
#include "io/diff.hpp"

#include <set>

#include "core/model.hpp"
#include "io/plan_file.hpp"

namespace fiducia::io {

namespace {

struct ListInfo {
    const char* pointer;
    const char* noun;
    std::vector<const char*> key_fields;  // empty: "id"
};

const std::vector<ListInfo>& lists() {
    static const std::vector<ListInfo> all = {
        {"/stakeholders", "stakeholder", {}},
        {"/knowledge_sources", "knowledge source", {}},
        {"/touchpoints", "touchpoint", {}},
        {"/commitments", "commitment", {}},
        {"/actions", "action", {}},
        {"/scenarios", "scenario", {}},
        {"/observations", "measurement", {"stakeholder", "month", "metric"}},
        {"/workshop/participants", "workshop participant", {}},
        {"/workshop/ratings", "workshop rating", {"participant", "stakeholder", "dimension"}},
        {"/workshop/importance", "workshop importance judgement", {"participant", "stakeholder", "dimension"}},
    };
    return all;
}

const ListInfo* find_list(const std::string& pointer) {
    for (const ListInfo& l : lists())
        if (pointer == l.pointer) return &l;
    return nullptr;
}

std::string key_part(const Json& v) { return v.is_string() ? v.get<std::string>() : dump_compact(v); }

struct Differ {
    PlanDiff& out;

    // Every difference under two values at `ptr` (`ptr` names the place in the second plan).
    void value(const Json* a, const Json* b, const std::string& ptr, std::vector<FieldChange>& fields) {
        if (ptr == "/meta/base") return;
        if (a && b && *a == *b) return;
        if (a && b && a->is_object() && b->is_object()) {
            for (auto it = a->begin(); it != a->end(); ++it) {
                auto other = b->find(it.key());
                value(&it.value(), other == b->end() ? nullptr : &*other, child(ptr, it.key()), fields);
            }
            for (auto it = b->begin(); it != b->end(); ++it)
                if (!a->contains(it.key())) value(nullptr, &it.value(), child(ptr, it.key()), fields);
            return;
        }
        if (a && b && a->is_array() && b->is_array() && is_entity_list(ptr)) return list(*a, *b, ptr);
        fields.push_back({ptr, a ? MaybeJson(*a) : std::nullopt, b ? MaybeJson(*b) : std::nullopt});
    }

    void list(const Json& a, const Json& b, const std::string& ptr) {
        const std::vector<std::string> keys_a = entity_keys(ptr, a), keys_b = entity_keys(ptr, b);
        std::map<std::string, std::size_t> index_a, index_b;
        for (std::size_t i = 0; i < keys_a.size(); ++i) index_a[keys_a[i]] = i;
        for (std::size_t i = 0; i < keys_b.size(); ++i) index_b[keys_b[i]] = i;
        // Changed and removed in the first plan's order, then added in the second's.
        for (std::size_t i = 0; i < keys_a.size(); ++i) {
            auto found = index_b.find(keys_a[i]);
            EntityChange change{ptr, keys_a[i], entity_label(a[i], keys_a[i]), ChangeKind::removed, child(ptr, i),
                                a[i], std::nullopt, {}};
            if (found != index_b.end()) {
                const Json& other = b[found->second];
                change.kind = ChangeKind::changed;
                change.pointer = child(ptr, found->second);
                change.label = entity_label(other, keys_a[i]);
                change.after = other;
                value(&a[i], &other, change.pointer, change.fields);
                if (change.fields.empty()) continue;
            }
            out.entities.push_back(std::move(change));
        }
        for (std::size_t i = 0; i < keys_b.size(); ++i) {
            if (index_a.count(keys_b[i])) continue;
            out.entities.push_back({ptr, keys_b[i], entity_label(b[i], keys_b[i]), ChangeKind::added, child(ptr, i),
                                    std::nullopt, b[i], {}});
        }
    }
};

void compare_trust(const Plan& a, const Plan& b, TrustComparison& t) {
    const Projection pa = project(a), pb = project(b);
    t.horizon_a = pa.horizon_months;
    t.horizon_b = pb.horizon_months;
    t.index_now_a = pa.months.front().trust_index;
    t.index_now_b = pb.months.front().trust_index;
    t.index_horizon_a = pa.months.back().trust_index;
    t.index_horizon_b = pb.months.back().trust_index;
    auto fill = [](const Plan& plan, const Projection& p, const std::string& id, std::optional<double>& now,
                   std::optional<double>& horizon) {
        for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
            if (plan.stakeholders[g].id != id) continue;
            now = p.months.front().stakeholders[g].trust;
            horizon = p.months.back().stakeholders[g].trust;
        }
    };
    std::set<std::string> seen;
    for (const Plan* plan : {&a, &b}) {
        for (const Stakeholder& s : plan->stakeholders) {
            if (!seen.insert(s.id).second) continue;
            GroupTrust g{s.id, s.name.empty() ? s.id : s.name, {}, {}, {}, {}};
            fill(a, pa, s.id, g.now_a, g.horizon_a);
            fill(b, pb, s.id, g.now_b, g.horizon_b);
            t.groups.push_back(std::move(g));
        }
    }
}

Json pair(const std::optional<double>& a, const std::optional<double>& b) {
    return Json::array({a ? Json(*a) : Json(nullptr), b ? Json(*b) : Json(nullptr)});
}

Json field_changes_json(const std::vector<FieldChange>& fields) {
    Json list = Json::array();
    for (const FieldChange& f : fields)
        list.push_back({{"pointer", f.pointer}, {"before", f.before.value_or(Json(nullptr))},
                        {"after", f.after.value_or(Json(nullptr))}});
    return list;
}

}  // namespace

bool is_entity_list(const std::string& pointer) { return find_list(pointer) != nullptr; }

std::vector<std::string> entity_keys(const std::string& list_pointer, const Json& list) {
    const ListInfo* info = find_list(list_pointer);
    std::vector<std::string> keys;
    std::map<std::string, int> seen;
    for (const Json& item : list) {
        std::string key;
        if (!item.is_object()) {
            key = dump_compact(item);
        } else if (!info || info->key_fields.empty()) {
            key = item.contains("id") ? key_part(item["id"]) : "";
        } else {
            for (const char* f : info->key_fields)
                key += (key.empty() ? "" : " ") + (item.contains(f) ? key_part(item[f]) : std::string("-"));
        }
        const int n = ++seen[key];
        keys.push_back(n == 1 ? key : key + " #" + std::to_string(n));
    }
    return keys;
}

std::string entity_label(const Json& item, const std::string& key) {
    for (const char* field : {"name", "statement"}) {
        auto it = item.find(field);
        if (it != item.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
    }
    return key;
}

std::string entity_noun(const std::string& list_pointer) {
    const ListInfo* info = find_list(list_pointer);
    return info ? info->noun : "item";
}

Json canonical_json(const Plan& plan) {
    Json j = plan_json(plan);
    if (j.contains("meta")) j["meta"].erase("base");
    return j;
}

std::string show_value(const MaybeJson& value) { return value ? show(*value) : "(none)"; }

PlanDiff diff_plans(const Plan& a, const Plan& b) {
    PlanDiff diff;
    const Json ja = canonical_json(a), jb = canonical_json(b);
    Differ{diff}.value(&ja, &jb, "", diff.fields);
    compare_trust(a, b, diff.trust);
    return diff;
}

std::string diff_json(const PlanDiff& diff) {
    static const char* kinds[] = {"added", "removed", "changed"};
    Json j = Json::object();
    j["same"] = diff.same();
    j["fields"] = field_changes_json(diff.fields);
    j["entities"] = Json::array();
    for (const EntityChange& e : diff.entities) {
        Json item = {{"list", e.list}, {"key", e.key}, {"label", e.label}, {"change", kinds[static_cast<int>(e.kind)]},
                     {"pointer", e.pointer}};
        if (e.kind == ChangeKind::changed) item["fields"] = field_changes_json(e.fields);
        else item["value"] = e.kind == ChangeKind::added ? *e.after : *e.before;
        j["entities"].push_back(std::move(item));
    }
    const TrustComparison& t = diff.trust;
    Json stakeholders = Json::array();
    for (const GroupTrust& g : t.groups)
        stakeholders.push_back({{"id", g.id}, {"name", g.name}, {"now", pair(g.now_a, g.now_b)},
                                {"horizon", pair(g.horizon_a, g.horizon_b)}});
    j["trust"] = {{"index", {{"now", pair(t.index_now_a, t.index_now_b)},
                             {"horizon", pair(t.index_horizon_a, t.index_horizon_b)}}},
                  {"horizon_months", {t.horizon_a, t.horizon_b}},
                  {"stakeholders", std::move(stakeholders)}};
    return dump_pretty(j);
}

}  // namespace fiducia::io
