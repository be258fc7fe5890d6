// Plan types: every entity of FORMAT.md version 1, as plain value types with the format's defaults.
// No I/O here: the JSON mapping lives in src/io. `unknown` keeps fields this version does not know,
// as JSON object text owned by src/io, so a save never drops what a newer tool or a person wrote.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fiducia {

// The five trust dimensions (MODEL.md "Dimensions"), in file order.
enum class Dimension : int { transactions, promises, honesty, advice, empathy };
inline constexpr int kDimensions = 5;
inline constexpr std::array<const char*, kDimensions> kDimensionIds = {
    "transactions", "promises", "honesty", "advice", "empathy"};
using DimensionWeights = std::array<double, kDimensions>;  // indexed by Dimension

// The index of a dimension's id ("honesty" -> 2), or -1 when it is not one.
inline int dimension_index(std::string_view id) {
    for (int d = 0; d < kDimensions; ++d)
        if (id == kDimensionIds[static_cast<std::size_t>(d)]) return d;
    return -1;
}

enum class StakeholderKind : int { customers, employees, partners, investors, community };
inline constexpr std::array<const char*, 5> kStakeholderKindIds = {
    "customers", "employees", "partners", "investors", "community"};

enum class Channel : int { social_media, omnichannel, inbound, survey, crm, other };
inline constexpr std::array<const char*, 6> kChannelIds = {
    "social_media", "omnichannel", "inbound", "survey", "crm", "other"};

enum class Stage : int { discover, consider, purchase, deliver, use, service, renew };
inline constexpr std::array<const char*, 7> kStageIds = {
    "discover", "consider", "purchase", "deliver", "use", "service", "renew"};

enum class Metric : int { trust_share, nps, csat, churn, other };
inline constexpr std::array<const char*, 5> kMetricIds = {"trust_share", "nps", "csat", "churn",
                                                          "other"};

enum class EffectTarget : int { touchpoint, commitment, knowledge_source, stakeholder, culture };
inline constexpr std::array<const char*, 5> kEffectTargetIds = {
    "touchpoint", "commitment", "knowledge_source", "stakeholder", "culture"};

// The fields an effect may change on each target: core/fields.hpp (effect_fields).
enum class EffectOp : int { scale, add, set };
inline constexpr std::array<const char*, 3> kEffectOpIds = {"scale", "add", "set"};

struct Meta {
    std::string title;
    std::string organisation;
    std::vector<std::string> authors;
    std::string language = "en";
    std::string currency = "EUR";
    std::string notes;
    // "sha256:<64 hex>": content hash of the version this copy was opened from, so two colleagues'
    // copies name their common ancestor for a merge (README "Format extensions"); "" = none.
    std::string base;
    std::string unknown;
};

struct Abandonment {
    double kappa = 1.72;   // S(k) = exp(-(k/kappa)^beta): S(1) = 2/3 (PwC 2018)
    double beta = 1.665;
    std::string unknown;
};

struct Settings {
    int horizon_months = 24;
    std::string start;             // "YYYY-MM", label of month 1; empty when absent
    std::uint64_t seed = 1;
    double forgetting = 0.9;       // lambda_f: old evidence counts lambda_f^age
    double negative_weight = 3;    // nu: a bad experience weighs nu good ones (Slovic 1993)
    double prior_weight = 2;       // W: weight of the base rate (Josang's non-informative prior)
    double public_commitment_multiplier = 2;
    double personalisation_lift = 1;
    double empowerment_effect = 0.5;
    double observation_weight = 0; // omega_o: how much a measured trust share counts as evidence (0: not at all)
    Abandonment abandonment;
    std::string unknown;
};

struct Culture {
    // Not assessed (a new plan's culture until it is set): adds no evidence and cuts no service
    // failure. Files say so with "assessed": false; a file without the key was assessed (0/0 included).
    bool assessed = true;
    double empowerment = 0;
    double reward = 0;
    std::string unknown;
};

struct Stakeholder {
    std::string id;
    std::string name;
    StakeholderKind kind = StakeholderKind::customers;
    double size = 1000;
    double importance = 1;
    double base_rate = 0.5;
    DimensionWeights weights = {0.2, 0.2, 0.2, 0.2, 0.2};  // as written; the model normalises
    double revenue_per_month = 0;
    std::optional<double> peer_rating;  // 1..5 stars, or none
    double peer_exposure = 0;
    std::string unknown;
};

struct CoverageEntry {
    std::string stakeholder;  // stakeholder id
    double share = 0;
};

struct KnowledgeSource {
    std::string id;
    std::string name;
    Channel channel = Channel::other;
    std::vector<CoverageEntry> coverage;  // in file order
    double granularity = 0;
    double relevance = 0;
    double consistency = 0;
    double messages_per_month = 1;
    std::string unknown;
};

struct Touchpoint {
    std::string id;
    std::string name;
    std::string stakeholder;  // stakeholder id
    Stage stage = Stage::use;
    std::string channel;
    double interactions_per_month = 0;
    double bad_share = 0;
    double severity = 1;
    DimensionWeights dimensions = {1, 0, 0, 0, 0};
    std::string unknown;
};

struct Commitment {
    std::string id;
    std::string statement;
    std::vector<std::string> stakeholders;  // stakeholder ids
    double occasions_per_month = 0;
    double kept_share = 1;
    bool is_public = true;  // "public" in the file
    std::string unknown;
};

struct Effect {
    EffectTarget target = EffectTarget::touchpoint;
    std::string id;     // empty for culture
    std::string field;  // a numeric field name, as in FORMAT.md
    EffectOp op = EffectOp::scale;
    double value = 1;
    std::string unknown;
};

struct Action {
    std::string id;
    std::string name;
    std::string owner;
    int start_month = 1;
    int ramp_months = 1;
    double cost_once = 0;
    double cost_per_month = 0;
    std::vector<Effect> effects;
    bool enabled = true;
    std::string unknown;
};

struct Scenario {
    std::string id;
    std::string name;
    std::vector<std::string> actions;  // action ids enabled in this scenario
    std::string unknown;
};

struct Observation {
    std::string stakeholder;
    int month = 0;
    Metric metric = Metric::trust_share;
    double value = 0;
    std::optional<double> n;
    std::string source;
    std::string unknown;
};

struct Participant {
    std::string id;
    std::string name;
    std::string unknown;
};

struct Rating {
    std::string participant;
    std::string stakeholder;
    Dimension dimension = Dimension::transactions;
    int score = 5;  // 1..9, the Edelman 9-point scale; 6..9 counts as trust
    std::string unknown;
};

// README "Workshop mode": how much a dimension matters to a group, as a participant judged it,
// 1 (hardly) .. 5 (most). The room's medians become the group's dimension weights.
struct ImportanceRating {
    std::string participant;
    std::string stakeholder;
    Dimension dimension = Dimension::transactions;
    int importance = 3;  // 1..5
    std::string unknown;
};

struct Workshop {
    std::vector<Participant> participants;
    std::vector<Rating> ratings;
    std::string unknown;
    std::vector<ImportanceRating> importance;  // optional (README "Workshop files")
    // README "Workshop files": set once the facilitator prepares an invitation (empty id: none yet).
    std::string id;
    std::string title;
    std::vector<std::string> stakeholders;  // the invited stakeholder ids
};

struct Plan {
    int version = 1;
    Meta meta;
    Settings settings;
    Culture culture;
    std::vector<Stakeholder> stakeholders;
    std::vector<KnowledgeSource> knowledge_sources;
    std::vector<Touchpoint> touchpoints;
    std::vector<Commitment> commitments;
    std::vector<Action> actions;
    std::vector<Scenario> scenarios;
    std::vector<Observation> observations;
    Workshop workshop;
    std::string unknown;  // unknown top-level fields
};

}  // namespace fiducia
