// Small hand-made plans shared by the core tests.
#pragma once

#include <string>

// REQUIRE needs exceptions; the tests build without them: check, then leave the test case.
#define CORE_REQUIRE(cond) \
    do {                   \
        CHECK(cond);       \
        if (!(cond)) return; \
    } while (0)

#include <optional>
#include <string>

#include "core/plan.hpp"

namespace fiducia::test {

// A trust-share survey of a group in a month (n absent: counts as one respondent).
inline Observation survey(const std::string& group, int month, double share, std::optional<double> n = std::nullopt) {
    Observation o;
    o.stakeholder = group;
    o.month = month;
    o.metric = Metric::trust_share;
    o.value = share;
    o.n = n;
    return o;
}

inline Stakeholder make_group(const std::string& id, StakeholderKind kind, double base = 0.5) {
    Stakeholder s;
    s.id = id;
    s.name = id;
    s.kind = kind;
    s.base_rate = base;
    return s;
}

inline Touchpoint make_touchpoint(const std::string& id, const std::string& group, double rate,
                                  double bad, Stage stage = Stage::use) {
    Touchpoint t;
    t.id = id;
    t.name = id;
    t.stakeholder = group;
    t.interactions_per_month = rate;
    t.bad_share = bad;
    t.stage = stage;
    return t;
}

inline Commitment make_commitment(const std::string& id, const std::string& group, double rate,
                                  double kept, bool pub = true) {
    Commitment c;
    c.id = id;
    c.statement = id;
    c.stakeholders = {group};
    c.occasions_per_month = rate;
    c.kept_share = kept;
    c.is_public = pub;
    return c;
}

inline Effect make_effect(EffectTarget target, const std::string& id, const std::string& field,
                          EffectOp op, double value) {
    Effect e;
    e.target = target;
    e.id = id;
    e.field = field;
    e.op = op;
    e.value = value;
    return e;
}

// An example-like plan: customers, employees and investors; six customer touchpoints, three
// commitments, two knowledge sources, culture, four actions.
inline Plan example_plan() {
    Plan p;
    p.settings.horizon_months = 24;
    p.culture.empowerment = 0.3;
    p.culture.reward = 0.2;
    Stakeholder c = make_group("customers", StakeholderKind::customers, 0.55);
    c.size = 20000;
    c.importance = 3;
    c.revenue_per_month = 40;
    c.weights = {0.3, 0.25, 0.2, 0.15, 0.1};
    c.peer_rating = 4.1;
    c.peer_exposure = 0.4;
    Stakeholder e = make_group("staff", StakeholderKind::employees, 0.5);
    e.size = 800;
    e.importance = 1.5;
    Stakeholder i = make_group("investors", StakeholderKind::investors, 0.6);
    i.size = 50;
    i.weights = {0.5, 0.5, 1, 0, 0};
    p.stakeholders = {c, e, i};

    Touchpoint t1 = make_touchpoint("web", "customers", 3, 0.02, Stage::discover);
    t1.dimensions = {0.6, 0, 0.4, 0, 0};
    Touchpoint t2 = make_touchpoint("checkout", "customers", 1.2, 0.01, Stage::purchase);
    Touchpoint t3 = make_touchpoint("delivery", "customers", 1, 0.04, Stage::deliver);
    t3.dimensions = {0.5, 0.5, 0, 0, 0};
    t3.severity = 1.5;
    Touchpoint t4 = make_touchpoint("support", "customers", 0.4, 0.15, Stage::service);
    t4.dimensions = {0.3, 0, 0, 0.3, 0.4};
    t4.severity = 2;
    Touchpoint t5 = make_touchpoint("app", "customers", 4, 0.01, Stage::use);
    Touchpoint t6 = make_touchpoint("renewal", "customers", 0.1, 0.05, Stage::renew);
    t6.dimensions = {0, 0, 0.5, 0.5, 0};
    Touchpoint t7 = make_touchpoint("onboarding", "staff", 0.5, 0.2, Stage::service);
    Touchpoint t8 = make_touchpoint("reporting", "investors", 0.3, 0.05, Stage::use);
    t8.dimensions = {0, 0, 1, 0, 0};
    p.touchpoints = {t1, t2, t3, t4, t5, t6, t7, t8};

    p.commitments = {make_commitment("ontime", "customers", 1, 0.97, true),
                     make_commitment("refund", "customers", 0.05, 0.9, true),
                     make_commitment("privacy", "customers", 0.2, 0.99, false)};
    p.commitments[0].stakeholders.push_back("investors");

    KnowledgeSource k1;
    k1.id = "social";
    k1.name = "Social";
    k1.channel = Channel::social_media;
    k1.coverage = {{"customers", 0.5}, {"investors", 0.2}};
    k1.granularity = 0.5;
    k1.relevance = 0.6;
    k1.consistency = 0.7;
    k1.messages_per_month = 2;
    KnowledgeSource k2;
    k2.id = "crm";
    k2.name = "CRM";
    k2.channel = Channel::crm;
    k2.coverage = {{"customers", 0.8}};
    k2.granularity = 0.7;
    k2.relevance = 0.5;
    k2.consistency = 0.8;
    p.knowledge_sources = {k1, k2};

    Action a1;
    a1.id = "fix-delivery";
    a1.name = "Fix delivery";
    a1.start_month = 3;
    a1.ramp_months = 4;
    a1.cost_once = 50000;
    a1.cost_per_month = 2000;
    a1.effects = {make_effect(EffectTarget::touchpoint, "delivery", "bad_share", EffectOp::scale, 0.5)};
    Action a2;
    a2.id = "empower";
    a2.name = "Empower staff";
    a2.start_month = 2;
    a2.ramp_months = 6;
    a2.cost_per_month = 3000;
    a2.effects = {make_effect(EffectTarget::culture, "", "empowerment", EffectOp::add, 0.4)};
    Action a3;
    a3.id = "one-voice";
    a3.name = "Consistent messages";
    a3.start_month = 1;
    a3.cost_once = 20000;
    a3.effects = {make_effect(EffectTarget::knowledge_source, "social", "consistency", EffectOp::set, 0.9),
                  make_effect(EffectTarget::stakeholder, "customers", "peer_rating", EffectOp::add, 0.3)};
    Action a4;
    a4.id = "promise";
    a4.name = "Keep promises";
    a4.start_month = 6;
    a4.ramp_months = 2;
    a4.cost_once = 10000;
    a4.effects = {make_effect(EffectTarget::commitment, "ontime", "kept_share", EffectOp::add, 0.05)};
    a4.enabled = false;
    p.actions = {a1, a2, a3, a4};
    Scenario sc;
    sc.id = "all";
    sc.name = "All";
    sc.actions = {"fix-delivery", "empower", "one-voice", "promise"};
    p.scenarios = {sc};
    return p;
}

}  // namespace fiducia::test
