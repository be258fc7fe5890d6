// Reading plan files: one read function per plan type, in FORMAT.md order. Reading checks the type
// of every value before using it and collects every problem as "pointer: rule (got value)"; the
// rules' words are shared with the typed check (plan_rules.hpp, plan_check.cpp).
#include <limits>
#include <set>

#include "core/fields.hpp"
#include "io/json_util.hpp"
#include "io/migrate.hpp"
#include "io/plan_file.hpp"
#include "io/plan_rules.hpp"

namespace fiducia::io {

namespace {

using IdSet = std::set<std::string>;

// What the whole document knows while its parts are read.
struct Context {
    Errors errors;
    std::optional<int> horizon;  // when settings.horizon_months is valid
    IdSet stakeholders, knowledge_sources, touchpoints, commitments, actions, participants;
};

constexpr int kMaxInt = std::numeric_limits<int>::max();

// ---- generic pieces -------------------------------------------------------------------------

bool expect_object(const Json& v, const std::string& ptr, Errors& errors) {
    if (v.is_object()) return true;
    errors.add(ptr, rules::not_an_object(v));
    return false;
}

bool expect_array(const Json& v, const std::string& ptr, Errors& errors) {
    if (v.is_array()) return true;
    errors.add(ptr, rules::not_an_array(v));
    return false;
}

// Reads a list of objects; a non-object item is reported and read as a default item.
template <typename T, typename ReadOne>
void read_list(ObjectReader& parent, const char* key, std::vector<T>& out, Context& ctx,
               ReadOne read_one, bool required = false) {
    const Json* v = parent.take(key, required);
    if (!v) return;
    const std::string ptr = parent.at(key);
    if (!expect_array(*v, ptr, ctx.errors)) return;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const Json& item = (*v)[i];
        const std::string p = child(ptr, i);
        T value;
        if (expect_object(item, p, ctx.errors)) read_one(item, p, ctx, value);
        out.push_back(std::move(value));
    }
}

// Ids of a list as written (only valid ids), for resolving references before the list is read.
IdSet collect_ids(const Json& doc, const char* list, const char* sub = nullptr) {
    IdSet ids;
    const Json* v = nullptr;
    auto it = doc.find(list);
    if (it == doc.end()) return ids;
    v = &*it;
    if (sub) {
        if (!v->is_object()) return ids;
        auto s = v->find(sub);
        if (s == v->end()) return ids;
        v = &*s;
    }
    if (!v->is_array()) return ids;
    for (const Json& item : *v) {
        if (!item.is_object()) continue;
        auto id = item.find("id");
        if (id != item.end() && id->is_string() && is_id(id->get_ref<const std::string&>())) {
            ids.insert(id->get<std::string>());
        }
    }
    return ids;
}

// Every id read appears once in its list (an invalid id was not read: it stays "").
template <typename T>
void check_unique(const std::vector<T>& items, const std::string& list_ptr, Errors& errors) {
    check_unique_ids(items, list_ptr, errors.list, [](const T& item) { return std::string_view(item.id); });
}

// A reference to an entity of another list.
bool read_ref(const Json& v, const std::string& ptr, const IdSet& ids, const char* what,
              std::string& out, Errors& errors) {
    if (!v.is_string()) {
        errors.add(ptr, rules::not_an_id_of(what, v));
        return false;
    }
    const std::string& s = v.get_ref<const std::string&>();
    if (!ids.count(s)) {
        errors.add(ptr, rules::missing_reference(what, v));
        return false;
    }
    out = s;
    return true;
}

bool read_ref_field(ObjectReader& r, const char* key, const IdSet& ids, const char* what,
                    std::string& out, Errors& errors, bool required = true) {
    const Json* v = r.take(key, required);
    if (!v) return false;
    return read_ref(*v, r.at(key), ids, what, out, errors);
}

// A list of references without repeats.
void read_ref_list(ObjectReader& r, const char* key, const IdSet& ids, const char* what,
                   std::vector<std::string>& out, Errors& errors, bool required = true) {
    const Json* v = r.take(key, required);
    if (!v) return;
    const std::string ptr = r.at(key);
    if (!expect_array(*v, ptr, errors)) return;
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i) {
        std::string id;
        const std::string p = child(ptr, i);
        if (read_ref((*v)[i], p, ids, what, id, errors)) {
            bool repeated = false;
            for (const std::string& seen : out) repeated = repeated || seen == id;
            if (repeated) errors.add(p, rules::repeated_reference((*v)[i]));
        }
        out.push_back(id);
    }
}

// A weight object over the five dimensions: values >= 0, a left-out dimension weighs 0, positive
// sum. Keeps `out` when the key is missing.
void read_dimension_weights(ObjectReader& r, const char* key, DimensionWeights& out,
                            Errors& errors) {
    const Json* v = r.take(key);
    if (!v) return;
    const std::string ptr = r.at(key);
    if (!expect_object(*v, ptr, errors)) return;
    DimensionWeights w{};
    bool ok = true;
    for (auto it = v->begin(); it != v->end(); ++it) {
        const std::string p = child(ptr, it.key());
        int d = dimension_index(it.key());
        if (d < 0) {
            errors.add(p, rules::not_a_dimension());
            ok = false;
            continue;
        }
        ok = read_number_value(it.value(), p, at_least(0), w[d], errors) && ok;
    }
    if (!ok) return;
    double sum = 0;
    for (double x : w) sum += x;
    if (!(sum > 0)) {
        errors.add(ptr, rules::no_positive_sum(*v));
        return;
    }
    out = w;
}

// Reads a table's fields in table order; `after(id)` reads the keys FORMAT.md lists right after
// that field (a stakeholder's weights after its base rate), so errors come in file order.
template <typename T, typename After>
void read_fields(ObjectReader& r, const std::vector<Field<T>>& table, T& x, After after) {
    for (const Field<T>& f : table) {
        if (f.member) r.number(f.id, x.*f.member, bounds_of(f.range), f.required);
        else r.optional_number(f.id, x.*f.maybe, bounds_of(f.range));
        after(std::string_view(f.id));
    }
}

template <typename T>
void read_fields(ObjectReader& r, const std::vector<Field<T>>& table, T& x) {
    read_fields(r, table, x, [](std::string_view) {});
}

// An object member read by read_one, when it is there and an object.
template <typename T, typename ReadOne>
void read_object_field(ObjectReader& r, const char* key, T& out, Context& ctx, ReadOne read_one) {
    const Json* v = r.take(key);
    if (!v) return;
    if (expect_object(*v, r.at(key), ctx.errors)) read_one(*v, r.at(key), ctx, out);
}

// An object holding only a table's fields (settings.abandonment, culture).
template <typename T, const std::vector<Field<T>>& (*table)()>
void read_field_object(const Json& j, const std::string& ptr, Context& ctx, T& x) {
    ObjectReader r(j, ptr, ctx.errors);
    read_fields(r, table(), x);
    x.unknown = r.unknown();
}

// The culture's table fields and the extension "assessed" (docs/FORMAT.md "culture").
void read_culture(const Json& j, const std::string& ptr, Context& ctx, Culture& c) {
    ObjectReader r(j, ptr, ctx.errors);
    r.boolean("assessed", c.assessed);
    read_fields(r, culture_fields(), c);
    c.unknown = r.unknown();
}

// ---- meta -----------------------------------------------------------------------------------

void read_meta(const Json& j, const std::string& ptr, Context& ctx, Meta& m) {
    ObjectReader r(j, ptr, ctx.errors);
    r.string(keys::title, m.title);
    r.string("organisation", m.organisation);
    if (const Json* a = r.take("authors")) {
        if (expect_array(*a, r.at("authors"), ctx.errors)) {
            m.authors.clear();
            for (std::size_t i = 0; i < a->size(); ++i) {
                const Json& s = (*a)[i];
                if (!s.is_string()) {
                    ctx.errors.add(child(r.at("authors"), i), rules::not_a_string(s));
                    continue;
                }
                m.authors.push_back(s.get<std::string>());
            }
        }
    }
    r.string("language", m.language);
    r.string("currency", m.currency);
    r.string("notes", m.notes);
    if (const Json* v = r.take(keys::base)) {
        if (v->is_string() && is_content_hash(v->get_ref<const std::string&>())) {
            m.base = v->get<std::string>();
        } else {
            ctx.errors.add(r.at(keys::base), rules::not_a_content_hash(*v));
        }
    }
    m.unknown = r.unknown();
}

// ---- settings -------------------------------------------------------------------------------

void read_settings(const Json& j, const std::string& ptr, Context& ctx, Settings& s) {
    ObjectReader r(j, ptr, ctx.errors);
    if (const Json* v = r.take(keys::horizon_months)) {
        std::int64_t horizon = 0;
        if (read_integer_value(*v, r.at(keys::horizon_months), horizon_bounds(), horizon, ctx.errors)) {
            s.horizon_months = static_cast<int>(horizon);
            ctx.horizon = s.horizon_months;
        } else {
            ctx.horizon.reset();  // invalid: month checks fall back to 1..120
        }
    }
    if (const Json* v = r.take(keys::start)) {
        if (!v->is_string() || !is_start_month(v->get_ref<const std::string&>())) {
            ctx.errors.add(r.at(keys::start), rules::not_a_start_month(*v));
        } else {
            s.start = v->get<std::string>();
        }
    }
    if (const Json* v = r.take(keys::seed)) {
        std::int64_t seed = 0;
        if (v->is_number_unsigned()) {
            s.seed = v->get<std::uint64_t>();
        } else if (read_integer_value(*v, r.at(keys::seed), at_least(0), seed, ctx.errors)) {
            s.seed = static_cast<std::uint64_t>(seed);
        }
    }
    read_fields(r, settings_fields(), s);
    read_object_field(r, "abandonment", s.abandonment, ctx, read_field_object<Abandonment, abandonment_fields>);
    s.unknown = r.unknown();
}

// ---- stakeholder ----------------------------------------------------------------------------

void read_stakeholder(const Json& j, const std::string& ptr, Context& ctx, Stakeholder& s) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", s.id);
    r.string("name", s.name, true);
    int kind = static_cast<int>(s.kind);
    if (r.enumeration("kind", kStakeholderKindIds, kind, true)) s.kind = static_cast<StakeholderKind>(kind);
    read_fields(r, stakeholder_fields(), s, [&](std::string_view id) {
        if (id == kWeightsFollow) read_dimension_weights(r, "weights", s.weights, ctx.errors);
    });
    s.unknown = r.unknown();
}

// ---- knowledge source -----------------------------------------------------------------------

void read_knowledge_source(const Json& j, const std::string& ptr, Context& ctx, KnowledgeSource& k) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", k.id);
    r.string("name", k.name, true);
    int channel = static_cast<int>(k.channel);
    if (r.enumeration("channel", kChannelIds, channel, true)) k.channel = static_cast<Channel>(channel);
    if (const Json* v = r.take("coverage", true)) {
        const std::string cp = r.at("coverage");
        if (expect_object(*v, cp, ctx.errors)) {
            for (auto it = v->begin(); it != v->end(); ++it) {
                const std::string p = child(cp, it.key());
                CoverageEntry e;
                bool ok = true;
                if (!ctx.stakeholders.count(it.key())) {
                    ctx.errors.add(p, rules::not_a_coverage_key(Json(it.key())));
                    ok = false;
                }
                ok = read_number_value(it.value(), p, bounds_of(kShareRange), e.share, ctx.errors) && ok;
                e.stakeholder = it.key();
                if (ok) k.coverage.push_back(e);
            }
        }
    }
    read_fields(r, knowledge_source_fields(), k);
    k.unknown = r.unknown();
}

// ---- touchpoint -----------------------------------------------------------------------------

void read_touchpoint(const Json& j, const std::string& ptr, Context& ctx, Touchpoint& t) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", t.id);
    r.string("name", t.name, true);
    read_ref_field(r, "stakeholder", ctx.stakeholders, "stakeholder", t.stakeholder, ctx.errors);
    int stage = static_cast<int>(t.stage);
    if (r.enumeration("stage", kStageIds, stage, true)) t.stage = static_cast<Stage>(stage);
    r.string("channel", t.channel);
    read_fields(r, touchpoint_fields(), t);
    read_dimension_weights(r, "dimensions", t.dimensions, ctx.errors);
    t.unknown = r.unknown();
}

// ---- commitment -----------------------------------------------------------------------------

void read_commitment(const Json& j, const std::string& ptr, Context& ctx, Commitment& c) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", c.id);
    r.string("statement", c.statement, true);
    read_ref_list(r, "stakeholders", ctx.stakeholders, "stakeholder", c.stakeholders, ctx.errors);
    read_fields(r, commitment_fields(), c);
    r.boolean("public", c.is_public);
    c.unknown = r.unknown();
}

// ---- action and effect ----------------------------------------------------------------------

void read_effect(const Json& j, const std::string& ptr, Context& ctx, Effect& e) {
    ObjectReader r(j, ptr, ctx.errors);
    int target = static_cast<int>(e.target);
    bool target_ok = r.enumeration("target", kEffectTargetIds, target, true);
    if (target_ok) e.target = static_cast<EffectTarget>(target);
    if (target_ok && e.target == EffectTarget::culture) {
        if (const Json* v = r.take("id")) {
            if (!(v->is_string() && v->get_ref<const std::string&>().empty())) {
                ctx.errors.add(r.at("id"), rules::id_for_culture(*v));
            }
        }
    } else if (target_ok) {
        const IdSet* ids[] = {&ctx.touchpoints, &ctx.commitments, &ctx.knowledge_sources,
                              &ctx.stakeholders};
        read_ref_field(r, "id", *ids[target], effect_target_noun(e.target), e.id, ctx.errors);
    } else {
        r.take("id");
    }
    if (const Json* v = r.take("field", true)) {
        if (!v->is_string()) {
            ctx.errors.add(r.at("field"), rules::not_a_string(*v));
        } else if (target_ok) {
            const auto& fields = changeable_fields(e.target);  // core/fields.hpp
            bool found = false;
            for (const char* f : fields) found = found || v->get_ref<const std::string&>() == f;
            if (found) {
                e.field = v->get<std::string>();
            } else {
                ctx.errors.add(r.at("field"), rules::not_changeable(e.target, *v));
            }
        }
    }
    int op = static_cast<int>(e.op);
    if (r.enumeration("op", kEffectOpIds, op, true)) e.op = static_cast<EffectOp>(op);
    r.number("value", e.value, any_number(), true);
    e.unknown = r.unknown();
}

void read_action(const Json& j, const std::string& ptr, Context& ctx, Action& a) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", a.id);
    r.string("name", a.name, true);
    r.string("owner", a.owner);
    std::int64_t start = a.start_month, ramp = a.ramp_months;
    if (r.integer("start_month", start, month_bounds(ctx.horizon, 1), true)) a.start_month = static_cast<int>(start);
    if (r.integer("ramp_months", ramp, ramp_bounds())) a.ramp_months = static_cast<int>(ramp);
    read_fields(r, action_fields(), a);
    read_list(r, "effects", a.effects, ctx, read_effect);
    r.boolean("enabled", a.enabled);
    a.unknown = r.unknown();
}

// ---- scenario -------------------------------------------------------------------------------

void read_scenario(const Json& j, const std::string& ptr, Context& ctx, Scenario& s) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", s.id);
    r.string("name", s.name, true);
    read_ref_list(r, "actions", ctx.actions, "action", s.actions, ctx.errors);
    s.unknown = r.unknown();
}

// ---- observation ----------------------------------------------------------------------------

void read_observation(const Json& j, const std::string& ptr, Context& ctx, Observation& o) {
    ObjectReader r(j, ptr, ctx.errors);
    read_ref_field(r, "stakeholder", ctx.stakeholders, "stakeholder", o.stakeholder, ctx.errors);
    std::int64_t month = o.month;
    if (r.integer("month", month, month_bounds(ctx.horizon, 0), true)) o.month = static_cast<int>(month);
    int metric = static_cast<int>(o.metric);
    bool metric_ok = r.enumeration("metric", kMetricIds, metric, true);
    if (metric_ok) o.metric = static_cast<Metric>(metric);
    r.number("value", o.value, observation_value_bounds(metric_ok ? std::optional(o.metric) : std::nullopt), true);
    read_fields(r, observation_fields(), o);
    r.string("source", o.source);
    o.unknown = r.unknown();
}

// ---- workshop -------------------------------------------------------------------------------

void read_participant(const Json& j, const std::string& ptr, Context& ctx, Participant& p) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", p.id);
    r.string("name", p.name);
    p.unknown = r.unknown();
}

// One participant's answer for a stakeholder and a dimension: a rating's score (1..9) or an
// importance judgement (1..5), held in `Cell::*value` and written under `key`.
template <typename Cell, int Cell::*value>
void read_answer(const Json& j, const std::string& ptr, Context& ctx, Cell& g, const char* key, int highest) {
    ObjectReader r(j, ptr, ctx.errors);
    read_ref_field(r, "participant", ctx.participants, "participant", g.participant, ctx.errors);
    read_ref_field(r, "stakeholder", ctx.stakeholders, "stakeholder", g.stakeholder, ctx.errors);
    int dimension = static_cast<int>(g.dimension);
    if (r.enumeration("dimension", kDimensionIds, dimension, true)) g.dimension = static_cast<Dimension>(dimension);
    std::int64_t v = g.*value;
    if (r.integer(key, v, between(1, highest), true)) g.*value = static_cast<int>(v);
    g.unknown = r.unknown();
}

void read_rating(const Json& j, const std::string& ptr, Context& ctx, Rating& g) {
    read_answer<Rating, &Rating::score>(j, ptr, ctx, g, "score", kHighestScore);
}

void read_importance(const Json& j, const std::string& ptr, Context& ctx, ImportanceRating& g) {
    read_answer<ImportanceRating, &ImportanceRating::importance>(j, ptr, ctx, g, "importance", kHighestImportance);
}

void read_workshop(const Json& j, const std::string& ptr, Context& ctx, Workshop& w) {
    ObjectReader r(j, ptr, ctx.errors);
    r.id("id", w.id, false);
    r.string("title", w.title);
    read_ref_list(r, "stakeholders", ctx.stakeholders, "stakeholder", w.stakeholders, ctx.errors, false);
    read_list(r, "participants", w.participants, ctx, read_participant);
    check_unique(w.participants, r.at("participants"), ctx.errors);
    read_list(r, "ratings", w.ratings, ctx, read_rating);
    read_list(r, "importance", w.importance, ctx, read_importance, false);
    w.unknown = r.unknown();
}

// ---- the plan -------------------------------------------------------------------------------

void read_plan(const Json& doc, Context& ctx, Plan& plan) {
    ObjectReader r(doc, "", ctx.errors);
    r.take("fiducia");
    r.take("version");  // both checked before
    ctx.horizon = plan.settings.horizon_months;  // the default unless settings say otherwise
    ctx.stakeholders = collect_ids(doc, "stakeholders");
    ctx.knowledge_sources = collect_ids(doc, "knowledge_sources");
    ctx.touchpoints = collect_ids(doc, "touchpoints");
    ctx.commitments = collect_ids(doc, "commitments");
    ctx.actions = collect_ids(doc, "actions");
    ctx.participants = collect_ids(doc, "workshop", "participants");

    read_object_field(r, "meta", plan.meta, ctx, read_meta);
    read_object_field(r, "settings", plan.settings, ctx, read_settings);
    read_object_field(r, "culture", plan.culture, ctx, read_culture);
    read_list(r, "stakeholders", plan.stakeholders, ctx, read_stakeholder);
    check_unique(plan.stakeholders, "/stakeholders", ctx.errors);
    read_list(r, "knowledge_sources", plan.knowledge_sources, ctx, read_knowledge_source);
    check_unique(plan.knowledge_sources, "/knowledge_sources", ctx.errors);
    read_list(r, "touchpoints", plan.touchpoints, ctx, read_touchpoint);
    check_unique(plan.touchpoints, "/touchpoints", ctx.errors);
    read_list(r, "commitments", plan.commitments, ctx, read_commitment);
    check_unique(plan.commitments, "/commitments", ctx.errors);
    read_list(r, "actions", plan.actions, ctx, read_action);
    check_unique(plan.actions, "/actions", ctx.errors);
    read_list(r, "scenarios", plan.scenarios, ctx, read_scenario);
    check_unique(plan.scenarios, "/scenarios", ctx.errors);
    read_list(r, "observations", plan.observations, ctx, read_observation);
    read_object_field(r, "workshop", plan.workshop, ctx, read_workshop);
    plan.unknown = r.unknown();

    // A Trust Index needs a positive total importance.
    if (!plan.stakeholders.empty()) {
        bool any = false;
        for (const Stakeholder& s : plan.stakeholders) any = any || s.importance > 0;
        if (!any) ctx.errors.add("/stakeholders", rules::no_importance());
    }
}

// Reads a document whose header and version were checked (and migrated) into `plan`: every problem,
// a newer version's note last.
std::vector<Problem> check_document(const Json& doc, std::int64_t version, std::vector<Problem> duplicates, Plan& plan) {
    Context ctx;
    ctx.errors.list = std::move(duplicates);
    read_plan(doc, ctx, plan);
    plan.version = version > kFormatVersion ? static_cast<int>(version) : kFormatVersion;
    if (!ctx.errors.list.empty() && version > kFormatVersion) {
        ctx.errors.add("/version", rules::newer_version(version));
    }
    return std::move(ctx.errors.list);
}

}  // namespace

LoadResult load_plan(std::string_view text) {
    LoadResult result;
    if (auto refused = precheck_text(text)) {
        result.errors.push_back(*refused);
        return result;
    }
    std::string parse_error;
    std::vector<Problem> duplicates;
    std::optional<Json> parsed = parse_json(text, parse_error, &duplicates);
    if (!parsed) {
        result.errors.push_back(parse_error);
        return result;
    }
    Json& doc = *parsed;
    if (!doc.is_object()) {
        std::string kind = doc.is_array() ? "an array" : doc.is_string() ? "a string"
                         : doc.is_number() ? "a number" : doc.is_boolean() ? "a boolean" : "null";
        result.errors.push_back("not a Fiducia plan: the file holds " + kind + ", not a JSON object");
        return result;
    }
    auto header = doc.find("fiducia");
    if (header == doc.end()) {
        result.errors.push_back("not a Fiducia plan: /fiducia " + rules::required() +
                                " (the \"fiducia\": \"plan\" header is missing)");
        return result;
    }
    if (!header->is_string() || header->get_ref<const std::string&>() != "plan") {
        result.errors.push_back("not a Fiducia plan: /fiducia must be \"plan\" (got " + show(*header) + ")");
        return result;
    }
    Errors version_errors;
    std::int64_t version = 0;
    auto v = doc.find("version");
    if (v == doc.end()) {
        result.errors.push_back(Problem{"/version", rules::required()}.text());
        return result;
    }
    if (!read_integer_value(*v, "/version", at_least(0), version, version_errors)) {
        result.errors = texts(version_errors.list);
        return result;
    }
    if (version > kMaxInt) {
        result.errors.push_back("/version: must be an integer of at most " + std::to_string(kMaxInt) +
                                " (got " + show(*v) + ")");
        return result;
    }
    if (version < kFormatVersion) {
        std::string error;
        if (!migrate(doc, static_cast<int>(version), kFormatVersion, error)) {
            result.errors.push_back("/version: cannot read version " + std::to_string(version) +
                                    " (" + error + ")");
            return result;
        }
    }
    result.newer_version = version > kFormatVersion;

    Plan plan;
    result.errors = texts(check_document(doc, version, std::move(duplicates), plan));
    if (!result.errors.empty()) return result;
    result.ok = true;
    result.plan = std::move(plan);
    return result;
}

std::vector<Problem> validate_via_json(const Plan& plan) {
    Plan read;
    return check_document(plan_json(plan), plan.version, {}, read);
}

}  // namespace fiducia::io
