// The editors' live check (validate): walks the typed plan in the file reader's order and reports what
// load_plan(save_plan(plan)) would, in the reader's words (plan_rules.hpp), without building any JSON.
// A typed plan holds no value of a wrong type, so values, ids and references are what is checked; the
// save writes a number that is not finite as null, so such a number is reported as the reader sees null.
#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "core/fields.hpp"
#include "io/plan_file.hpp"
#include "io/plan_rules.hpp"

namespace fiducia::io {

namespace {

using IdSet = std::unordered_set<std::string_view>;

// What the reader knows of the whole document while it reads the parts.
struct Check {
    std::vector<Problem> problems;
    std::optional<int> horizon;  // when settings.horizon_months is valid
    IdSet stakeholders, knowledge_sources, touchpoints, commitments, actions, participants;
    void add(std::string pointer, std::string rule) { problems.push_back({std::move(pointer), std::move(rule)}); }
};

// The valid ids of a list, as the reader collects them before reading the references to them.
template <typename T>
IdSet valid_ids(const std::vector<T>& items) {
    IdSet ids;
    ids.reserve(items.size());
    for (const T& item : items)
        if (is_id(item.id)) ids.insert(item.id);
    return ids;
}

// A number at `object`/`key` (a name or an index), as the reader takes it: the pointer is built only
// for a problem.
template <typename Key>
bool number(Check& c, const std::string& object, Key key, double x, const Bounds& bounds) {
    if (bounds.contains(x)) return true;
    c.add(child(object, key), std::isfinite(x) ? rules::outside(bounds, false, canonical_number(x))
                                                : rules::not_a_number(Json(nullptr)));
    return false;
}

bool integer(Check& c, const std::string& object, const char* key, std::int64_t x, const Bounds& bounds) {
    if (bounds.contains(static_cast<double>(x))) return true;
    c.add(child(object, key), rules::outside(bounds, true, Json(x)));
    return false;
}

void id(Check& c, const std::string& object, const std::string& x) {
    if (!is_id(x)) c.add(child(object, "id"), rules::not_an_id(Json(x)));
}

// A reference to an entity of another list.
template <typename Key>
bool reference(Check& c, const std::string& object, Key key, const std::string& x, const IdSet& ids, const char* noun) {
    if (ids.count(x)) return true;
    c.add(child(object, key), rules::missing_reference(noun, Json(x)));
    return false;
}

// A list of references without repeats.
void references(Check& c, const std::string& list, const std::vector<std::string>& xs, const IdSet& ids,
                const char* noun) {
    for (auto it = xs.begin(); it != xs.end(); ++it) {
        const std::size_t i = static_cast<std::size_t>(it - xs.begin());
        if (reference(c, list, i, *it, ids, noun) && std::find(xs.begin(), it, *it) != it)
            c.add(child(list, i), rules::repeated_reference(Json(*it)));
    }
}

// A weight object: every value a finite number >= 0 and, when they all are, a positive sum.
void weights(Check& c, const std::string& object, const char* key, const DimensionWeights& w) {
    double sum = 0;
    bool ok = true;
    for (double x : w) {
        ok = ok && std::isfinite(x) && x >= 0;
        sum += x;
    }
    if (ok && sum > 0) return;  // the usual case, without building a pointer
    const std::string ptr = child(object, key);
    ok = true;
    for (std::size_t d = 0; d < w.size(); ++d) {
        const bool valid = number(c, ptr, kDimensionIds[d], w[d], at_least(0));
        ok = ok && valid;
    }
    if (ok) c.add(ptr, rules::no_positive_sum(dimension_weights_json(w)));
}

// A table's fields in table order (those the save writes); `after(id)` checks the keys FORMAT.md lists
// right after that field.
template <typename T, typename After>
void fields(Check& c, const std::string& object, const std::vector<Field<T>>& table, const T& x, After after) {
    for (const Field<T>& f : table) {
        const Bounds bounds = bounds_of(f.range);
        if (!is_written(f, x)) {
            // left out at its default: nothing to read
        } else if (f.member) {
            number(c, object, f.id, x.*f.member, bounds);
        } else if (f.present(x) && std::isfinite(f.get(x)) && !bounds.contains(f.get(x))) {
            // (none, or not finite, is saved as null, which the reader takes for none)
            c.add(child(object, f.id), rules::outside_or_null(bounds, canonical_number(f.get(x))));
        }
        after(std::string_view(f.id));
    }
}
template <typename T>
void fields(Check& c, const std::string& object, const std::vector<Field<T>>& table, const T& x) {
    fields(c, object, table, x, [](std::string_view) {});
}

// Each item of a list, at its own pointer.
template <typename T, typename CheckOne>
void items(const char* list, const std::vector<T>& xs, CheckOne check_one) {
    const std::string ptr = list;
    for (std::size_t i = 0; i < xs.size(); ++i) check_one(child(ptr, i), xs[i]);
}
// Every valid id once in its list (the reader compares the ids it could read).
template <typename T>
void unique(Check& c, const char* list, const std::vector<T>& xs) {
    check_unique_ids(xs, list, c.problems,
                     [](const T& x) { return is_id(x.id) ? std::string_view(x.id) : std::string_view(); });
}

void settings(Check& c, const Settings& s) {
    const std::string ptr = kSettingsObject;
    c.horizon = integer(c, ptr, keys::horizon_months, s.horizon_months, horizon_bounds()) ? std::optional(s.horizon_months)
                                                                                       : std::nullopt;
    if (!is_start_month(s.start)) c.add(child(ptr, keys::start), rules::not_a_start_month(Json(s.start)));
    fields(c, ptr, settings_fields(), s);
    fields(c, child(ptr, "abandonment"), abandonment_fields(), s.abandonment);
}

// A text as the save writes it: bytes that are not UTF-8 become U+FFFD.
std::string as_saved(const std::string& text) {
    const auto ascii = [](char ch) { return static_cast<unsigned char>(ch) < 0x80; };
    if (std::all_of(text.begin(), text.end(), ascii)) return text;
    const Json saved = Json::parse(dump_compact(Json(text)), nullptr, false);
    return saved.is_string() ? saved.get<std::string>() : text;
}

void knowledge_source(Check& c, const std::string& ptr, const KnowledgeSource& k) {
    id(c, ptr, k.id);
    // The save writes one key per stakeholder, at its first place, with its last share.
    std::vector<std::pair<const std::string*, double>> coverage;
    for (const CoverageEntry& e : k.coverage) {
        auto same = std::find_if(coverage.begin(), coverage.end(),
                                 [&](const auto& written) { return *written.first == e.stakeholder; });
        if (same == coverage.end()) coverage.emplace_back(&e.stakeholder, e.share);
        else same->second = e.share;
    }
    const std::string cp = child(ptr, "coverage");
    for (const auto& [stakeholder, share] : coverage) {
        if (c.stakeholders.count(*stakeholder)) {
            number(c, cp, std::string_view(*stakeholder), share, bounds_of(kShareRange));
            continue;
        }
        const std::string key = as_saved(*stakeholder);  // the reader names the key as the file has it
        c.add(child(cp, key), rules::not_a_coverage_key(Json(key)));
        number(c, cp, std::string_view(key), share, bounds_of(kShareRange));
    }
    fields(c, ptr, knowledge_source_fields(), k);
}

void action(Check& c, const std::string& ptr, const Action& a) {
    id(c, ptr, a.id);
    integer(c, ptr, "start_month", a.start_month, month_bounds(c.horizon, 1));
    integer(c, ptr, "ramp_months", a.ramp_months, ramp_bounds());
    fields(c, ptr, action_fields(), a);
    const std::string effects = child(ptr, "effects");
    for (std::size_t i = 0; i < a.effects.size(); ++i) {
        const Effect& e = a.effects[i];
        const std::string ep = child(effects, i);
        const IdSet* ids[] = {&c.touchpoints, &c.commitments, &c.knowledge_sources, &c.stakeholders};
        if (e.target != EffectTarget::culture)
            reference(c, ep, "id", e.id, *ids[static_cast<int>(e.target)], effect_target_noun(e.target));
        if (!find_effect_field(e.target, e.field))
            c.add(child(ep, "field"), rules::not_changeable(e.target, Json(e.field)));
        number(c, ep, "value", e.value, any_number());
    }
}

// A workshop answer: a rating's score or an importance judgement, 1..highest.
template <typename Cell>
void answer(Check& c, const std::string& ptr, const Cell& g, const char* key, int value, int highest) {
    reference(c, ptr, "participant", g.participant, c.participants, "participant");
    reference(c, ptr, "stakeholder", g.stakeholder, c.stakeholders, "stakeholder");
    integer(c, ptr, key, value, between(1, highest));
}

void workshop(Check& c, const Workshop& w) {
    const std::string ptr = "/workshop";
    if (!w.id.empty()) id(c, ptr, w.id);  // written only when set
    if (!w.stakeholders.empty())  // written only when set
        references(c, child(ptr, "stakeholders"), w.stakeholders, c.stakeholders, "stakeholder");
    items("/workshop/participants", w.participants,
          [&](const std::string& p, const Participant& x) { id(c, p, x.id); });
    unique(c, "/workshop/participants", w.participants);
    items("/workshop/ratings", w.ratings,
          [&](const std::string& p, const Rating& g) { answer(c, p, g, "score", g.score, kHighestScore); });
    items("/workshop/importance", w.importance, [&](const std::string& p, const ImportanceRating& g) {
        answer(c, p, g, "importance", g.importance, kHighestImportance);
    });
}

}  // namespace

std::vector<Problem> validate(const Plan& plan) {
    Check c;
    c.stakeholders = valid_ids(plan.stakeholders);
    c.knowledge_sources = valid_ids(plan.knowledge_sources);
    c.touchpoints = valid_ids(plan.touchpoints);
    c.commitments = valid_ids(plan.commitments);
    c.actions = valid_ids(plan.actions);
    c.participants = valid_ids(plan.workshop.participants);

    if (!plan.meta.base.empty() && !is_content_hash(plan.meta.base))  // written only when set
        c.add(key_pointer(kMetaObject, keys::base), rules::not_a_content_hash(Json(plan.meta.base)));
    settings(c, plan.settings);
    fields(c, kCultureObject, culture_fields(), plan.culture);
    items("/stakeholders", plan.stakeholders, [&](const std::string& p, const Stakeholder& s) {
        id(c, p, s.id);
        fields(c, p, stakeholder_fields(), s, [&](std::string_view f) {
            if (f == kWeightsFollow) weights(c, p, "weights", s.weights);
        });
    });
    unique(c, "/stakeholders", plan.stakeholders);
    items("/knowledge_sources", plan.knowledge_sources,
          [&](const std::string& p, const KnowledgeSource& k) { knowledge_source(c, p, k); });
    unique(c, "/knowledge_sources", plan.knowledge_sources);
    items("/touchpoints", plan.touchpoints, [&](const std::string& p, const Touchpoint& t) {
        id(c, p, t.id);
        reference(c, p, "stakeholder", t.stakeholder, c.stakeholders, "stakeholder");
        fields(c, p, touchpoint_fields(), t);
        weights(c, p, "dimensions", t.dimensions);
    });
    unique(c, "/touchpoints", plan.touchpoints);
    items("/commitments", plan.commitments, [&](const std::string& p, const Commitment& x) {
        id(c, p, x.id);
        references(c, child(p, "stakeholders"), x.stakeholders, c.stakeholders, "stakeholder");
        fields(c, p, commitment_fields(), x);
    });
    unique(c, "/commitments", plan.commitments);
    items("/actions", plan.actions, [&](const std::string& p, const Action& a) { action(c, p, a); });
    unique(c, "/actions", plan.actions);
    items("/scenarios", plan.scenarios, [&](const std::string& p, const Scenario& s) {
        id(c, p, s.id);
        references(c, child(p, "actions"), s.actions, c.actions, "action");
    });
    unique(c, "/scenarios", plan.scenarios);
    items("/observations", plan.observations, [&](const std::string& p, const Observation& o) {
        reference(c, p, "stakeholder", o.stakeholder, c.stakeholders, "stakeholder");
        integer(c, p, "month", o.month, month_bounds(c.horizon, 0));
        number(c, p, "value", o.value, observation_value_bounds(o.metric));
        fields(c, p, observation_fields(), o);
    });
    workshop(c, plan.workshop);

    // A Trust Index needs a positive total importance, of the values as read: the reader keeps a
    // refused value at its default.
    if (!plan.stakeholders.empty()) {
        static const Stakeholder fresh{};
        const Bounds importance = bounds_of(find_field(stakeholder_fields(), "importance")->range);
        bool any = false;
        for (const Stakeholder& s : plan.stakeholders)
            any = any || (importance.contains(s.importance) ? s.importance : fresh.importance) > 0;
        if (!any) c.add("/stakeholders", rules::no_importance());
    }
    if (!c.problems.empty() && plan.version > kFormatVersion) c.add("/version", rules::newer_version(plan.version));
    return std::move(c.problems);
}

}  // namespace fiducia::io
