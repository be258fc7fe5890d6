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
                          .range = {0, 1, true, false}, .sensitivity = true,
                          .editor_label = "Forgetting (per month)",
                          .tooltip = "How much of last month's evidence still counts this month (lambda, 0-1; default 0.9, a half-life of "
                                     "about 6.6 months). From the Beta Reputation System (Josang & Ismail 2002): old evidence counts "
                                     "lambda^age. 1 = people never forget.",
                          .editor_range = {0.01, 1.0}, .format = "%.3f"},
                         &Settings::forgetting),
        number<Settings>({.id = "negative_weight", .label = "negative weight",
                          .meaning = "How many good experiences one bad experience outweighs.",
                          .range = kPositive, .sensitivity = true,
                          .editor_label = "Weight of a bad experience",
                          .tooltip = "How many good experiences one bad experience outweighs (nu, default 3). Slovic (1993): negative "
                                     "events move trust far more than positive ones (the asymmetry principle).",
                          .editor_range = {0.1, 20}, .format = "%.2f"},
                         &Settings::negative_weight),
        number<Settings>({.id = "prior_weight", .label = "prior weight",
                          .meaning = "How many experiences' worth the base rate counts for.",
                          .range = kPositive, .sensitivity = true,
                          .editor_label = "Weight of the base rate",
                          .tooltip = "How many experiences' worth the base rate (trust before evidence) counts for (W, default 2: "
                                     "Josang's non-informative prior in Subjective Logic). Higher: scores move more slowly from the base "
                                     "rate. Base rates are often set from a survey on Edelman's 9-point scale (6-9 counts as trust).",
                          .editor_range = {0.1, 20}, .format = "%.2f"},
                         &Settings::prior_weight),
        number<Settings>({.id = "public_commitment_multiplier", .label = "public commitment multiplier",
                          .meaning = "How many times more a broken public commitment counts than a private one.",
                          .range = {1, kUnbounded}, .sensitivity = true,
                          .editor_label = "Broken public promise costs (x)",
                          .tooltip = "How many times more a broken public commitment counts than a broken private one (default 2). An "
                                     "organisation is held accountable for the promises it makes in public (the source essays).",
                          .editor_range = {1, 10}, .format = "%.2f"},
                         &Settings::public_commitment_multiplier),
        number<Settings>({.id = "personalisation_lift", .label = "personalisation lift",
                          .meaning = "How much good knowledge of a group lifts its advice and empathy experiences.",
                          .range = kNonNegative, .sensitivity = true,
                          .editor_label = "Personalisation lift",
                          .tooltip = "How much good knowledge of a group lifts the weight of its good advice and empathy experiences "
                                     "(phi, default 1): with perfect knowledge they count 1 + phi times. From the essays: trust needs "
                                     "personalisation built on exact knowledge of each stakeholder.",
                          .editor_range = {0, 5}, .format = "%.2f"},
                         &Settings::personalisation_lift),
        number<Settings>({.id = "empowerment_effect", .label = "empowerment effect",
                          .meaning = "How much of the service problems fully empowered staff fix themselves.",
                          .range = kShareRange, .clamp = kShare, .share = true, .sensitivity = true,
                          .editor_label = "Empowerment effect",
                          .tooltip = "How much of the service problems fully empowered staff fix themselves (eta, default 50%): every "
                                     "service touchpoint's bad share is multiplied by 1 - eta x empowerment. The CRM essay: empower all "
                                     "customer-facing staff to solve problems.",
                          .editor_range = kShareRange},
                         &Settings::empowerment_effect),
        number<Settings>({.id = "observation_weight", .label = "observation weight",
                          .meaning = "How many experiences each respondent of a trust survey counts for.",
                          .range = kNonNegative, .omitted_at_default = true,
                          .editor_label = "Weight of a measurement",
                          .tooltip = "How many experiences each respondent of a measured trust share counts for (omega, default 0: "
                                     "measurements are drawn beside the projection but do not move it). Above 0 a trust-share survey "
                                     "pulls the group's trust toward what was measured, in proportion to its respondents, like any "
                                     "other evidence (Beta fusion), and shows as its own line in Explain.",
                          .editor_range = {0, 1}, .format = "%.3f"},  // a survey of 1,000 at 0.01 is 10 experiences
                         &Settings::observation_weight),
    };
    return table;
}

const std::vector<Field<Abandonment>>& abandonment_fields() {
    static const std::vector<Field<Abandonment>> table = {
        number<Abandonment>({.id = "kappa", .label = "abandonment kappa",
                             .meaning = "The scale of the leaving curve S(k) = exp(-(k/kappa)^beta).",
                             .range = kPositive, .sensitivity = true,
                             .editor_label = "Kappa",
                             .tooltip = "The scale of the leaving curve (default 1.72). With the default beta, 1 in 3 customers leave after one "
                                        "bad experience (PwC 2018, Experience is everything, 15,000 people: 32% would leave a brand they love "
                                        "after one).",
                             .editor_range = {0.1, 10}, .format = "%.3f"},
                            &Abandonment::kappa),
        number<Abandonment>({.id = "beta", .label = "abandonment beta",
                             .meaning = "The shape of the leaving curve S(k) = exp(-(k/kappa)^beta).",
                             .range = kPositive, .sensitivity = true,
                             .editor_label = "Beta",
                             .tooltip = "The shape of the leaving curve (default 1.665): with the default kappa, 92% are gone after three bad "
                                        "experiences (a figure quoted in the source material, not in PwC's published text).",
                             .editor_range = {0.1, 10}, .format = "%.3f"},
                            &Abandonment::beta),
    };
    return table;
}

const std::vector<Field<Culture>>& culture_fields() {
    static const std::vector<Field<Culture>> table = {
        number<Culture>({.id = "empowerment", .label = "empowerment",
                         .meaning = "How far customer-facing staff may solve problems themselves (0-100%).",
                         .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .sensitivity = true,
                         .editor_label = "Empowerment",
                         .tooltip = "How far customer-facing staff may solve problems themselves, without asking (0-100%). Empowered staff "
                                    "fix service problems: every service touchpoint's bad share becomes bad share x (1 - empowerment effect "
                                    "x empowerment). Employees groups also count it each month as evidence of advice (the company trusts "
                                    "them) - the rest counts against.",
                         .editor_range = kShareRange},
                        &Culture::empowerment),
        number<Culture>({.id = "reward", .label = "reward",
                         .meaning = "How far staff are rewarded for earning customers' trust (0-100%).",
                         .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .sensitivity = true,
                         .editor_label = "Reward",
                         .tooltip = "How far staff are recognised and rewarded for earning customers' trust (0-100%). Employees groups count "
                                    "it each month as evidence of empathy (the company values them) - the rest counts against. A culture of "
                                    "trust and empathy is what makes customers feel the company is \"like me\".",
                         .editor_range = kShareRange},
                        &Culture::reward),
    };
    return table;
}

const std::vector<Field<Stakeholder>>& stakeholder_fields() {
    static const std::vector<Field<Stakeholder>> table = {
        number<Stakeholder>({.id = "size", .label = "size", .meaning = "People in the group.",
                             .range = kNonNegative, .clamp = kNonneg, .unit = "people", .changeable = true, .sensitivity = true,
                             .editor_label = "Size (people)",
                             .tooltip = "How many people are in the group (default 1000). Used for customers and revenue kept.",
                             .editor_range = {0, 1e9}, .format = "%.0f"},
                            &Stakeholder::size),
        number<Stakeholder>({.id = "importance", .label = "importance",
                             .meaning = "The group's weight in the Trust Index.",
                             .range = kNonNegative, .clamp = kNonneg, .unit = "relative weight", .changeable = true, .sensitivity = true,
                             .editor_label = "Importance",
                             .tooltip = "How much this group's trust counts in the organisation's Trust Index, relative to the others "
                                        "(default 1; 0 = tracked but not counted). The Trust Index is the importance-weighted average, like "
                                        "Edelman's Trust Index averages across institutions.",
                             .editor_range = {0, 100}, .format = "%.2f"},
                            &Stakeholder::importance),
        number<Stakeholder>({.id = "base_rate", .label = "base rate",
                             .meaning = "Trust before any evidence (clamped to 1-99%).",
                             .range = kBaseRateRange, .clamp = ClampKind::base_rate, .share = true,
                             .changeable = true, .sensitivity = true,
                             .editor_label = "Base rate",
                             .tooltip = "Trust before any evidence (1-99%, default 50%): the prior in Josang's Beta reputation model. Set it from "
                                        "a survey: the share answering 6-9 on Edelman's 9-point trust scale. Without new evidence, trust "
                                        "relaxes toward it.",
                             .editor_range = kShareRange},
                            &Stakeholder::base_rate),
        number<Stakeholder>({.id = "revenue_per_month", .label = "revenue per month",
                             .meaning = "Revenue per person per month.",
                             .range = kNonNegative, .clamp = kNonneg, .unit = "%s per person a month", .changeable = true, .sensitivity = true,
                             .editor_label = "Revenue per person per month (%s)##revenue",
                             .tooltip = "What one member of the group brings in each month (e.g. gross margin per active customer). Revenue "
                                        "kept = size x share still there x this, over the months.",
                             .editor_range = {0, 1e7}, .format = "%.2f"},
                            &Stakeholder::revenue_per_month),
        // No rating behaves as 3 stars, (R - 3) = 0: no shift, and an effect on it starts from 3.
        optional_number<Stakeholder>({.id = "peer_rating", .label = "peer rating",
                                      .meaning = "Review rating, 1-5 stars (a missing rating starts from 3).",
                                      .range = kStarsRange, .clamp = ClampKind::rating, .unit = "stars", .changeable = true,
                                      .sensitivity = true, .editor_label = "Stars###stars",
                                      .tooltip = "The average review rating, 1-5 stars.", .editor_range = kStarsRange},
                                     &Stakeholder::peer_rating, 3.0),
        number<Stakeholder>({.id = "peer_exposure", .label = "peer exposure",
                             .meaning = "The share of the group that reads the reviews.",
                             .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                             .sensitivity = true,
                             .editor_label = "Peer exposure",
                             .tooltip = "The share of the group that reads the ratings (default 0). Base rate shift = exposure x (stars - 3) / 4.",
                             .editor_range = kShareRange},
                            &Stakeholder::peer_exposure),
    };
    return table;
}

const std::vector<Field<KnowledgeSource>>& knowledge_source_fields() {
    static const std::vector<Field<KnowledgeSource>> table = {
        number<KnowledgeSource>({.id = "granularity", .label = "granularity",
                                 .meaning = "Detailed, timely insight from many sources (0-100%).",
                                 .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                                 .required = true, .sensitivity = true,
                                 .editor_label = "Granularity",
                                 .tooltip = "How detailed and timely the insight is, selected and organised from many incoming sources (0-100%).",
                                 .editor_range = kShareRange},
                                &KnowledgeSource::granularity),
        number<KnowledgeSource>({.id = "relevance", .label = "relevance",
                                 .meaning = "How well insight fits the person's real context (0-100%).",
                                 .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                                 .required = true, .sensitivity = true,
                                 .editor_label = "Relevance",
                                 .tooltip = "How well the insight fits the real context of the person, or at least of their buyer-persona segment "
                                            "(0-100%).",
                                 .editor_range = kShareRange},
                                &KnowledgeSource::relevance),
        number<KnowledgeSource>({.id = "consistency", .label = "consistency",
                                 .meaning = "How far every message agrees in logic and values (0-100%); inconsistent "
                                            "messages count against honesty.",
                                 .range = kShareRange, .clamp = kShare, .share = true, .changeable = true,
                                 .required = true, .sensitivity = true,
                                 .editor_label = "Consistency",
                                 .tooltip = "How far every message and narrative agrees in logic and values (0-100%). Each message is evidence of "
                                            "honesty: the consistent share counts for it, the rest against it. Vague or incomplete knowledge "
                                            "produces inconsistent messages and erodes credibility.",
                                 .editor_range = kShareRange},
                                &KnowledgeSource::consistency),
        number<KnowledgeSource>({.id = "messages_per_month", .label = "messages per month",
                                 .meaning = "Messages each person reached gets per month.",
                                 .range = kNonNegative, .clamp = kNonneg, .unit = "messages a month", .changeable = true, .sensitivity = true,
                                 .editor_label = "Messages per month",
                                 .tooltip = "How many messages each person reached gets from this source per month (default 1).",
                                 .editor_range = {0, 100}, .format = "%.2f"},
                                &KnowledgeSource::messages_per_month),
    };
    return table;
}

const std::vector<Field<Touchpoint>>& touchpoint_fields() {
    static const std::vector<Field<Touchpoint>> table = {
        number<Touchpoint>({.id = "interactions_per_month", .label = "interactions per month",
                            .meaning = "How often a typical member of the group goes through this touchpoint each month.",
                            .range = kNonNegative, .clamp = kNonneg, .unit = "interactions per person a month", .changeable = true, .required = true,
                            .sensitivity = true,
                            .editor_label = "Interactions per month",
                            .tooltip = "How often a typical member of the group goes through it each month (0.33 = once a quarter).",
                            .editor_range = {0, 100}, .format = "%.3f"},
                           &Touchpoint::interactions_per_month),
        number<Touchpoint>({.id = "bad_share", .label = "bad share",
                            .meaning = "The share of interactions that are bad experiences (PwC 2018: 1 in 3 customers "
                                       "leave a brand they love after one).",
                            .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .required = true,
                            .sensitivity = true,
                            .editor_label = "Bad share",
                            .tooltip = "The share of interactions that are bad experiences (0-100%): failed, late, rude, wrong. Each is "
                                       "negative evidence, weighted by severity and the weight of a bad experience; customers may leave "
                                       "(PwC 2018: 1 in 3 customers leave a brand they love after one bad experience). Take it from complaint "
                                       "data, carrier scans, call outcomes or surveys.",
                            .editor_range = kShareRange},
                           &Touchpoint::bad_share),
        // A file needs a positive severity; an effect may push it down to 0 (nothing weighs).
        number<Touchpoint>({.id = "severity", .label = "severity",
                            .meaning = "How much one bad experience here weighs (1 = an ordinary one).",
                            .range = kPositive, .clamp = kNonneg, .unit = "ordinary bad experiences", .changeable = true, .sensitivity = true,
                            .editor_label = "Severity",
                            .tooltip = "How much one bad experience here hurts compared with an ordinary one (default 1; 2 = counts double, "
                                       "e.g. a lost parcel against a slow page).",
                            .editor_range = {0.01, 10}, .format = "%.2f"},
                           &Touchpoint::severity),
    };
    return table;
}

const std::vector<Field<Commitment>>& commitment_fields() {
    static const std::vector<Field<Commitment>> table = {
        number<Commitment>({.id = "occasions_per_month", .label = "occasions per month",
                            .meaning = "How often a typical member sees the promise tested each month.",
                            .range = kNonNegative, .clamp = kNonneg, .unit = "occasions per person a month", .changeable = true, .required = true,
                            .sensitivity = true,
                            .editor_label = "Occasions per month",
                            .tooltip = "How often a typical member of the groups sees the promise put to the test each month (e.g. each "
                                       "delivery for an on-time promise).",
                            .editor_range = {0, 100}, .format = "%.3f"},
                           &Commitment::occasions_per_month),
        number<Commitment>({.id = "kept_share", .label = "kept share",
                            .meaning = "The share of occasions on which the promise is kept.",
                            .range = kShareRange, .clamp = kShare, .share = true, .changeable = true, .required = true,
                            .sensitivity = true,
                            .editor_label = "Kept share",
                            .tooltip = "The share of occasions on which the promise is kept (0-100%); each kept one is evidence for the "
                                       "promises dimension, each broken one against it. Parcel carriers keep about 99% of delivery promises "
                                       "(the CRM essay).",
                            .editor_range = kShareRange},
                           &Commitment::kept_share),
    };
    return table;
}

const std::vector<Field<Action>>& action_fields() {
    static const std::vector<Field<Action>> table = {
        number<Action>({.id = "cost_once", .label = "cost once", .meaning = "What the action costs once, at its start.",
                        .range = kNonNegative,
                        .editor_label = "One-off cost (%s)##cost-once",
                        .tooltip = "Paid once, in the start month.",
                        .editor_range = {0, 1e10}, .format = "%.0f"},
                       &Action::cost_once),
        number<Action>({.id = "cost_per_month", .label = "cost per month",
                        .meaning = "What the action costs every month from its start on.", .range = kNonNegative,
                        .editor_label = "Monthly cost (%s)##cost-monthly",
                        .tooltip = "Paid every month from the start month to the horizon.",
                        .editor_range = {0, 1e9}, .format = "%.0f"},
                       &Action::cost_per_month),
    };
    return table;
}

const std::vector<Field<Observation>>& observation_fields() {
    static const std::vector<Field<Observation>> table = {
        optional_number<Observation>({.id = "n", .label = "sample size",
                                      .meaning = "How many people the measurement asked (none: not known).",
                                      .range = kNonNegative,
                                      .editor_label = "##n",
                                      .tooltip = "How many people answered. A small sample's figure is less certain.",
                                      .editor_range = {0, 1e9}, .format = "%.0f"},
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
