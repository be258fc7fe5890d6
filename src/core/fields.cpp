// The field tables (see fields.hpp), in FORMAT.md order, and what is derived from them.
#include "core/fields.hpp"

#include <algorithm>

namespace fiducia {
namespace {

template <class T>
Field<T> number(FieldInfo info, double T::*member) {
    Field<T> f{};
    static_cast<FieldInfo&>(f) = info;
    f.member = member;
    return f;
}

template <class T>
Field<T> optional_number(FieldInfo info, std::optional<double> T::*maybe, double absent) {
    Field<T> f{};
    static_cast<FieldInfo&>(f) = info;
    f.maybe = maybe;
    f.absent = absent;
    return f;
}

constexpr ClampKind kShare = ClampKind::share;
constexpr ClampKind kNonneg = ClampKind::nonneg;

// Calls f(entity, table) for the entity an effect names, if it exists.
template <class F>
bool with_target(const Plan& plan, const Effect& e, F&& f) {
    auto find = [&](const auto& list, const auto& table) {
        for (const auto& x : list)
            if (x.id == e.id) {
                f(x, table);
                return true;
            }
        return false;
    };
    switch (e.target) {
        case EffectTarget::touchpoint: return find(plan.touchpoints, touchpoint_fields());
        case EffectTarget::commitment: return find(plan.commitments, commitment_fields());
        case EffectTarget::knowledge_source: return find(plan.knowledge_sources, knowledge_source_fields());
        case EffectTarget::stakeholder: return find(plan.stakeholders, stakeholder_fields());
        case EffectTarget::culture: f(plan.culture, culture_fields()); return true;
    }
    return false;
}

template <class T>
std::vector<const FieldInfo*> changeable_of(const std::vector<Field<T>>& table) {
    std::vector<const FieldInfo*> out;
    for (const Field<T>& f : table)
        if (f.changeable) out.push_back(&f);
    return out;
}

}  // namespace

const std::vector<Field<Settings>>& settings_fields() {
    static const std::vector<Field<Settings>> table = {
        number<Settings>({.id = "forgetting", .label = "forgetting",
                          .meaning = "How much of last month's evidence still counts this month.",
                          .range = {0, 1, true, false}, .sensitivity = true},
                         &Settings::forgetting),
        number<Settings>({.id = "negative_weight", .label = "negative weight",
                          .meaning = "How many good experiences one bad experience outweighs.",
                          .range = kPositive, .sensitivity = true},
                         &Settings::negative_weight),
        number<Settings>({.id = "prior_weight", .label = "prior weight",
                          .meaning = "How many experiences' worth the base rate counts for.",
                          .range = kPositive, .sensitivity = true},
                         &Settings::prior_weight),
        number<Settings>({.id = "public_commitment_multiplier", .label = "public commitment multiplier",
                          .meaning = "How many times more a broken public commitment counts than a private one.",
                          .range = {1, kUnbounded}, .sensitivity = true},
                         &Settings::public_commitment_multiplier),
        number<Settings>({.id = "personalisation_lift", .label = "personalisation lift",
                          .meaning = "How much good knowledge of a group lifts its advice and empathy experiences.",
                          .range = kNonNegative, .sensitivity = true},
                         &Settings::personalisation_lift),
        number<Settings>({.id = "empowerment_effect", .label = "empowerment effect",
                          .meaning = "How much of the service problems fully empowered staff fix themselves.",
                          .range = kShareRange, .clamp = kShare, .share = true, .sensitivity = true},
                         &Settings::empowerment_effect),
    };
    return table;
}

const std::vector<Field<Abandonment>>& abandonment_fields() {
    static const std::vector<Field<Abandonment>> table = {
        number<Abandonment>({.id = "kappa", .label = "abandonment kappa",
                             .meaning = "The scale of the leaving curve S(k) = exp(-(k/kappa)^beta).",
                             .range = kPositive, .sensitivity = true},
                            &Abandonment::kappa),
        number<Abandonment>({.id = "beta", .label = "abandonment beta",
                             .meaning = "The shape of the leaving curve S(k) = exp(-(k/kappa)^beta).",
                             .range = kPositive, .sensitivity = true},
                            &Abandonment::beta),
    };
    return table;
}

const std::vector<Field<Culture>>& culture_fields() {
    static const std::vector<Field<Culture>> table = {
        number<Culture>({.id = "empowerment", .label = "empowerment",
                         .meaning = "How far customer-facing staff may solve problems themselves (0-100%).",
                         .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .sensitivity = true},
                        &Culture::empowerment),
        number<Culture>({.id = "reward", .label = "reward",
                         .meaning = "How far staff are rewarded for earning customers' trust (0-100%).",
                         .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .sensitivity = true},
                        &Culture::reward),
    };
    return table;
}

const std::vector<Field<Stakeholder>>& stakeholder_fields() {
    static const std::vector<Field<Stakeholder>> table = {
        number<Stakeholder>({.id = "size", .label = "size", .meaning = "People in the group.",
                             .range = kNonNegative, .clamp = kNonneg, .changeable = true, .sensitivity = true},
                            &Stakeholder::size),
        number<Stakeholder>({.id = "importance", .label = "importance",
                             .meaning = "The group's weight in the Trust Index.",
                             .range = kNonNegative, .clamp = kNonneg, .changeable = true, .sensitivity = true},
                            &Stakeholder::importance),
        number<Stakeholder>({.id = "base_rate", .label = "base rate",
                             .meaning = "Trust before any evidence (clamped to 1-99%).",
                             .range = kBaseRateRange, .clamp = ClampKind::base_rate, .share = true,
                             .changeable = true, .sensitivity = true},
                            &Stakeholder::base_rate),
        number<Stakeholder>({.id = "revenue_per_month", .label = "revenue per month",
                             .meaning = "Revenue per person per month.",
                             .range = kNonNegative, .clamp = kNonneg, .changeable = true, .sensitivity = true},
                            &Stakeholder::revenue_per_month),
        // No rating behaves as 3 stars, (R - 3) = 0: no shift, and an effect on it starts from 3.
        optional_number<Stakeholder>({.id = "peer_rating", .label = "peer rating",
                                      .meaning = "Review rating, 1-5 stars (a missing rating starts from 3).",
                                      .range = kStarsRange, .clamp = ClampKind::rating, .changeable = true,
                                      .sensitivity = true},
                                     &Stakeholder::peer_rating, 3.0),
        number<Stakeholder>({.id = "peer_exposure", .label = "peer exposure",
                             .meaning = "The share of the group that reads the reviews.",
                             .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                             .sensitivity = true},
                            &Stakeholder::peer_exposure),
    };
    return table;
}

const std::vector<Field<KnowledgeSource>>& knowledge_source_fields() {
    static const std::vector<Field<KnowledgeSource>> table = {
        number<KnowledgeSource>({.id = "granularity", .label = "granularity",
                                 .meaning = "Detailed, timely insight from many sources (0-100%).",
                                 .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                                 .required = true, .sensitivity = true},
                                &KnowledgeSource::granularity),
        number<KnowledgeSource>({.id = "relevance", .label = "relevance",
                                 .meaning = "How well insight fits the person's real context (0-100%).",
                                 .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                                 .required = true, .sensitivity = true},
                                &KnowledgeSource::relevance),
        number<KnowledgeSource>({.id = "consistency", .label = "consistency",
                                 .meaning = "How far every message agrees in logic and values (0-100%); inconsistent "
                                            "messages count against honesty.",
                                 .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                                 .required = true, .sensitivity = true},
                                &KnowledgeSource::consistency),
        number<KnowledgeSource>({.id = "messages_per_month", .label = "messages per month",
                                 .meaning = "Messages each person reached gets per month.",
                                 .range = kNonNegative, .clamp = kNonneg, .changeable = true, .sensitivity = true},
                                &KnowledgeSource::messages_per_month),
    };
    return table;
}

const std::vector<Field<Touchpoint>>& touchpoint_fields() {
    static const std::vector<Field<Touchpoint>> table = {
        number<Touchpoint>({.id = "interactions_per_month", .label = "interactions per month",
                            .meaning = "How often a typical member of the group goes through this touchpoint each month.",
                            .range = kNonNegative, .clamp = kNonneg, .changeable = true, .required = true,
                            .sensitivity = true},
                           &Touchpoint::interactions_per_month),
        number<Touchpoint>({.id = "bad_share", .label = "bad share",
                            .meaning = "The share of interactions that are bad experiences (PwC 2018: 1 in 3 customers "
                                       "leave a brand they love after one).",
                            .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .required = true,
                            .sensitivity = true},
                           &Touchpoint::bad_share),
        // A file needs a positive severity; an effect may push it down to 0 (nothing weighs).
        number<Touchpoint>({.id = "severity", .label = "severity",
                            .meaning = "How much one bad experience here weighs (1 = an ordinary one).",
                            .range = kPositive, .clamp = kNonneg, .changeable = true, .sensitivity = true},
                           &Touchpoint::severity),
    };
    return table;
}

const std::vector<Field<Commitment>>& commitment_fields() {
    static const std::vector<Field<Commitment>> table = {
        number<Commitment>({.id = "occasions_per_month", .label = "occasions per month",
                            .meaning = "How often a typical member sees the promise tested each month.",
                            .range = kNonNegative, .clamp = kNonneg, .changeable = true, .required = true,
                            .sensitivity = true},
                           &Commitment::occasions_per_month),
        number<Commitment>({.id = "kept_share", .label = "kept share",
                            .meaning = "The share of occasions on which the promise is kept.",
                            .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .required = true,
                            .sensitivity = true},
                           &Commitment::kept_share),
    };
    return table;
}

const std::vector<Field<Action>>& action_fields() {
    static const std::vector<Field<Action>> table = {
        number<Action>({.id = "cost_once", .label = "cost once", .meaning = "What the action costs once, at its start.",
                        .range = kNonNegative},
                       &Action::cost_once),
        number<Action>({.id = "cost_per_month", .label = "cost per month",
                        .meaning = "What the action costs every month from its start on.", .range = kNonNegative},
                       &Action::cost_per_month),
    };
    return table;
}

const std::vector<Field<Observation>>& observation_fields() {
    static const std::vector<Field<Observation>> table = {
        optional_number<Observation>({.id = "n", .label = "sample size",
                                      .meaning = "How many people the measurement asked (none: not known).",
                                      .range = kNonNegative},
                                     &Observation::n, 0.0),
    };
    return table;
}

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string field_pointer(std::string_view list, std::size_t index, const FieldInfo& field) {
    return std::string(list) + "/" + std::to_string(index) + "/" + field.id;
}

std::string field_pointer(std::string_view object, const FieldInfo& field) {
    return std::string(object) + "/" + field.id;
}

const std::vector<const FieldInfo*>& effect_fields(EffectTarget target) {
    static const std::vector<const FieldInfo*> fields[] = {
        changeable_of(touchpoint_fields()), changeable_of(commitment_fields()),
        changeable_of(knowledge_source_fields()), changeable_of(stakeholder_fields()), changeable_of(culture_fields()),
    };
    return fields[static_cast<int>(target)];
}

const std::vector<const char*>& changeable_fields(EffectTarget target) {
    static const auto ids = [] {
        std::vector<std::vector<const char*>> out;
        for (int t = 0; t < static_cast<int>(kEffectTargetIds.size()); ++t) {
            out.emplace_back();
            for (const FieldInfo* f : effect_fields(static_cast<EffectTarget>(t))) out.back().push_back(f->id);
        }
        return out;
    }();
    return ids[static_cast<std::size_t>(target)];
}

int effect_field_index(EffectTarget target, std::string_view id) {
    const auto& fields = effect_fields(target);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (id == fields[i]->id) return static_cast<int>(i);
    return -1;
}

const FieldInfo* find_effect_field(EffectTarget target, std::string_view id) {
    const int i = effect_field_index(target, id);
    return i < 0 ? nullptr : effect_fields(target)[static_cast<std::size_t>(i)];
}

std::optional<double> effect_base_value(const Plan& plan, const Effect& effect) {
    std::optional<double> out;
    with_target(plan, effect, [&](const auto& entity, const auto& table) {
        for (const auto& f : table)
            if (f.changeable && effect.field == f.id) out = f.get(entity);
    });
    return out;
}

double effect_full_value(const Effect& effect, double before) {
    const double v = effect.op == EffectOp::scale ? before * effect.value
                     : effect.op == EffectOp::add ? before + effect.value
                                                  : effect.value;
    const FieldInfo* field = find_effect_field(effect.target, effect.field);
    const Range& r = clamp_range(field ? field->clamp : ClampKind::nonneg);
    return std::clamp(v, r.lo, r.hi);
}

}  // namespace fiducia
