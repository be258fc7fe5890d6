// Writing plan files: one write function per plan type, in FORMAT.md order, every default spelled
// out and unknown keys last; the canonical text, the document diff and merge work on, and the hash.
#include "core/fields.hpp"
#include "io/json_util.hpp"
#include "io/plan_file.hpp"
#include "io/plan_rules.hpp"
#include "io/sha256.hpp"

namespace fiducia::io {

namespace {

// ---- generic pieces -------------------------------------------------------------------------

// Writes a table's fields in table order (an absent optional one as null), `after` as above.
template <typename T, typename After>
void write_fields(Json& j, const std::vector<Field<T>>& table, const T& x, After after) {
    for (const Field<T>& f : table) {
        if (is_written(f, x))
            j[f.id] = f.present(x) ? canonical_number(f.get(x)) : Json(nullptr);
        after(std::string_view(f.id));
    }
}

template <typename T>
void write_fields(Json& j, const std::vector<Field<T>>& table, const T& x) {
    write_fields(j, table, x, [](std::string_view) {});
}

// An object holding only a table's fields (settings.abandonment, culture), unknown keys last.
template <typename T>
Json write_field_object(const std::vector<Field<T>>& table, const T& x) {
    Json j = Json::object();
    write_fields(j, table, x);
    append_unknown(j, x.unknown);
    return j;
}

// ---- meta -----------------------------------------------------------------------------------

Json write_meta(const Meta& m) {
    Json j = Json::object();
    j[keys::title] = m.title;
    j["organisation"] = m.organisation;
    j["authors"] = Json::array();
    for (const std::string& a : m.authors) j["authors"].push_back(a);
    j["language"] = m.language;
    j["currency"] = m.currency;
    j["notes"] = m.notes;
    if (!m.base.empty()) j[keys::base] = m.base;
    append_unknown(j, m.unknown);
    return j;
}

// ---- settings -------------------------------------------------------------------------------

Json write_settings(const Settings& s) {
    Json j = Json::object();
    j[keys::horizon_months] = s.horizon_months;
    j[keys::start] = s.start;
    j[keys::seed] = s.seed;
    write_fields(j, settings_fields(), s);
    j["abandonment"] = write_field_object(abandonment_fields(), s.abandonment);
    append_unknown(j, s.unknown);
    return j;
}

// ---- stakeholder ----------------------------------------------------------------------------

Json write_stakeholder(const Stakeholder& s) {
    Json j = Json::object();
    j["id"] = s.id;
    j["name"] = s.name;
    j["kind"] = kStakeholderKindIds[static_cast<int>(s.kind)];
    write_fields(j, stakeholder_fields(), s, [&](std::string_view id) {
        if (id == kWeightsFollow) j["weights"] = dimension_weights_json(s.weights);
    });
    append_unknown(j, s.unknown);
    return j;
}

// ---- knowledge source -----------------------------------------------------------------------

Json write_knowledge_source(const KnowledgeSource& k) {
    Json j = Json::object();
    j["id"] = k.id;
    j["name"] = k.name;
    j["channel"] = kChannelIds[static_cast<int>(k.channel)];
    Json coverage = Json::object();
    for (const CoverageEntry& e : k.coverage) coverage[e.stakeholder] = canonical_number(e.share);
    j["coverage"] = coverage;
    write_fields(j, knowledge_source_fields(), k);
    append_unknown(j, k.unknown);
    return j;
}

// ---- touchpoint -----------------------------------------------------------------------------

Json write_touchpoint(const Touchpoint& t) {
    Json j = Json::object();
    j["id"] = t.id;
    j["name"] = t.name;
    j["stakeholder"] = t.stakeholder;
    j["stage"] = kStageIds[static_cast<int>(t.stage)];
    j["channel"] = t.channel;
    write_fields(j, touchpoint_fields(), t);
    j["dimensions"] = dimension_weights_json(t.dimensions);
    append_unknown(j, t.unknown);
    return j;
}

// ---- commitment -----------------------------------------------------------------------------

Json write_commitment(const Commitment& c) {
    Json j = Json::object();
    j["id"] = c.id;
    j["statement"] = c.statement;
    j["stakeholders"] = Json::array();
    for (const std::string& s : c.stakeholders) j["stakeholders"].push_back(s);
    write_fields(j, commitment_fields(), c);
    j["public"] = c.is_public;
    append_unknown(j, c.unknown);
    return j;
}

// ---- action and effect ----------------------------------------------------------------------

Json write_effect(const Effect& e) {
    Json j = Json::object();
    j["target"] = kEffectTargetIds[static_cast<int>(e.target)];
    if (e.target != EffectTarget::culture) j["id"] = e.id;
    j["field"] = e.field;
    j["op"] = kEffectOpIds[static_cast<int>(e.op)];
    j["value"] = canonical_number(e.value);
    append_unknown(j, e.unknown);
    return j;
}

Json write_action(const Action& a) {
    Json j = Json::object();
    j["id"] = a.id;
    j["name"] = a.name;
    j["owner"] = a.owner;
    j["start_month"] = a.start_month;
    j["ramp_months"] = a.ramp_months;
    write_fields(j, action_fields(), a);
    j["effects"] = Json::array();
    for (const Effect& e : a.effects) j["effects"].push_back(write_effect(e));
    j["enabled"] = a.enabled;
    append_unknown(j, a.unknown);
    return j;
}

// ---- scenario -------------------------------------------------------------------------------

Json write_scenario(const Scenario& s) {
    Json j = Json::object();
    j["id"] = s.id;
    j["name"] = s.name;
    j["actions"] = Json::array();
    for (const std::string& a : s.actions) j["actions"].push_back(a);
    append_unknown(j, s.unknown);
    return j;
}

// ---- observation ----------------------------------------------------------------------------

Json write_observation(const Observation& o) {
    Json j = Json::object();
    j["stakeholder"] = o.stakeholder;
    j["month"] = o.month;
    j["metric"] = kMetricIds[static_cast<int>(o.metric)];
    j["value"] = canonical_number(o.value);
    write_fields(j, observation_fields(), o);
    j["source"] = o.source;
    append_unknown(j, o.unknown);
    return j;
}

// ---- workshop -------------------------------------------------------------------------------

Json write_participant(const Participant& p) {
    Json j = Json::object();
    j["id"] = p.id;
    j["name"] = p.name;
    append_unknown(j, p.unknown);
    return j;
}

template <typename Cell, int Cell::*value>
Json write_answer(const Cell& g, const char* key) {
    Json j = Json::object();
    j["participant"] = g.participant;
    j["stakeholder"] = g.stakeholder;
    j["dimension"] = kDimensionIds[static_cast<int>(g.dimension)];
    j[key] = g.*value;
    append_unknown(j, g.unknown);
    return j;
}

Json write_workshop(const Workshop& w) {
    Json j = Json::object();
    // README "Workshop files": optional, so plans without a prepared workshop stay as they were.
    if (!w.id.empty()) j["id"] = w.id;
    if (!w.title.empty()) j["title"] = w.title;
    if (!w.stakeholders.empty()) j["stakeholders"] = w.stakeholders;
    j["participants"] = Json::array();
    for (const Participant& p : w.participants) j["participants"].push_back(write_participant(p));
    j["ratings"] = Json::array();
    for (const Rating& g : w.ratings) j["ratings"].push_back(write_answer<Rating, &Rating::score>(g, "score"));
    if (!w.importance.empty()) {
        j["importance"] = Json::array();
        for (const ImportanceRating& g : w.importance)
            j["importance"].push_back(write_answer<ImportanceRating, &ImportanceRating::importance>(g, "importance"));
    }
    append_unknown(j, w.unknown);
    return j;
}

}  // namespace

std::string save_plan(const Plan& plan) { return dump_pretty(plan_json(plan)) + "\n"; }

Json plan_json(const Plan& plan) {
    Json j = Json::object();
    j["fiducia"] = "plan";
    j["version"] = plan.version > kFormatVersion ? plan.version : kFormatVersion;
    j["meta"] = write_meta(plan.meta);
    j["settings"] = write_settings(plan.settings);
    Json culture = Json::object();
    if (!plan.culture.assessed) culture["assessed"] = false;  // written only when false: older files keep their bytes
    culture.update(write_field_object(culture_fields(), plan.culture));
    j["culture"] = std::move(culture);
    auto list = [&](const char* key, const auto& items, auto write_one) {
        Json a = Json::array();
        for (const auto& item : items) a.push_back(write_one(item));
        j[key] = std::move(a);
    };
    list("stakeholders", plan.stakeholders, write_stakeholder);
    list("knowledge_sources", plan.knowledge_sources, write_knowledge_source);
    list("touchpoints", plan.touchpoints, write_touchpoint);
    list("commitments", plan.commitments, write_commitment);
    list("actions", plan.actions, write_action);
    list("scenarios", plan.scenarios, write_scenario);
    list("observations", plan.observations, write_observation);
    j["workshop"] = write_workshop(plan.workshop);
    append_unknown(j, plan.unknown);
    return j;
}

bool is_content_hash(std::string_view s) {
    if (s.size() != 71 || s.substr(0, 7) != "sha256:") return false;
    for (char c : s.substr(7))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string content_hash(const Plan& plan) {
    Json j = plan_json(plan);
    j["meta"].erase(keys::base);  // the recorded ancestor is not part of the content
    return "sha256:" + sha256_hex(dump_pretty(j) + "\n");
}

std::string content_hash(const Plan& plan, std::string_view saved) {
    if (!plan.meta.base.empty()) return content_hash(plan);
    return "sha256:" + sha256_hex(saved);
}

}  // namespace fiducia::io
