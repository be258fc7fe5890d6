// Deterministic plan generators (see plan_generator.hpp), driven by the project's own generator.
#include "plan_generator.hpp"

#include <algorithm>
#include <string>

#include "core/rng.hpp"
#include "io/plan_file.hpp"

namespace fiducia::bench {
namespace {

struct Gen {
    core::Rng rng;
    double real(double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }
    int integer(int lo, int hi) { return lo + static_cast<int>(rng.uniform() * (hi - lo + 1)); }
    bool chance(double p) { return rng.uniform() < p; }
};

const StakeholderKind kKinds[] = {StakeholderKind::customers, StakeholderKind::employees,
                                  StakeholderKind::partners, StakeholderKind::investors,
                                  StakeholderKind::community};

Touchpoint touchpoint(Gen& g, const std::string& id, const std::string& group) {
    Touchpoint t;
    t.id = id;
    t.name = "Touchpoint " + id;
    t.stakeholder = group;
    t.stage = static_cast<Stage>(g.integer(0, 6));
    t.channel = g.chance(0.5) ? "web" : "branch";
    t.interactions_per_month = g.real(0.1, 4);
    t.bad_share = g.real(0.005, 0.08);
    t.severity = g.real(0.5, 2.5);
    for (double& w : t.dimensions) w = g.chance(0.4) ? g.real(0.1, 1) : 0;
    if (t.dimensions[0] == 0) t.dimensions[0] = 0.5;
    return t;
}

Commitment commitment(Gen& g, const std::string& id, const std::string& group) {
    Commitment c;
    c.id = id;
    c.statement = "Commitment " + id;
    c.stakeholders = {group};
    c.occasions_per_month = g.real(0.05, 1.5);
    c.kept_share = g.real(0.85, 0.995);
    c.is_public = g.chance(0.6);
    return c;
}

KnowledgeSource knowledge(Gen& g, const std::string& id) {
    KnowledgeSource k;
    k.id = id;
    k.name = "Source " + id;
    k.channel = static_cast<Channel>(g.integer(0, 5));
    k.granularity = g.real(0.2, 0.9);
    k.relevance = g.real(0.2, 0.9);
    k.consistency = g.real(0.4, 0.95);
    k.messages_per_month = g.real(0.2, 3);
    return k;
}

Action action(Gen& g, const Plan& p, const std::string& id) {
    Action a;
    a.id = id;
    a.name = "Action " + id;
    a.start_month = g.integer(1, p.settings.horizon_months);
    a.ramp_months = g.integer(1, 6);
    a.cost_once = g.chance(0.7) ? g.real(1000, 80000) : 0;
    a.cost_per_month = g.chance(0.5) ? g.real(100, 4000) : 0;
    a.enabled = g.chance(0.5);
    const int effects = g.integer(1, 2);
    for (int e = 0; e < effects; ++e) {
        Effect ef;
        const int what = g.integer(0, 9);
        if (what <= 4 && !p.touchpoints.empty()) {
            ef.target = EffectTarget::touchpoint;
            ef.id = p.touchpoints[g.integer(0, static_cast<int>(p.touchpoints.size()) - 1)].id;
            ef.field = what <= 2 ? "bad_share" : (what == 3 ? "interactions_per_month" : "severity");
            ef.op = EffectOp::scale;
            ef.value = g.real(0.4, 0.95);
        } else if (what <= 6 && !p.commitments.empty()) {
            ef.target = EffectTarget::commitment;
            ef.id = p.commitments[g.integer(0, static_cast<int>(p.commitments.size()) - 1)].id;
            ef.field = "kept_share";
            ef.op = EffectOp::add;
            ef.value = g.real(0.005, 0.05);
        } else if (what == 7 && !p.knowledge_sources.empty()) {
            ef.target = EffectTarget::knowledge_source;
            ef.id = p.knowledge_sources[g.integer(0, static_cast<int>(p.knowledge_sources.size()) - 1)].id;
            ef.field = g.chance(0.5) ? "consistency" : "relevance";
            ef.op = EffectOp::set;
            ef.value = g.real(0.7, 1);
        } else if (what == 8) {
            ef.target = EffectTarget::stakeholder;
            ef.id = p.stakeholders[g.integer(0, static_cast<int>(p.stakeholders.size()) - 1)].id;
            ef.field = "peer_rating";
            ef.op = EffectOp::add;
            ef.value = g.real(0.1, 0.5);
        } else {
            ef.target = EffectTarget::culture;
            ef.field = g.chance(0.5) ? "empowerment" : "reward";
            ef.op = EffectOp::add;
            ef.value = g.real(0.05, 0.3);
        }
        a.effects.push_back(ef);
    }
    return a;
}

// Adds one batch of entities (deterministic: derived from the batch number alone).
void grow(Plan& p, int batch) {
    const int groups = static_cast<int>(p.stakeholders.size());
    if (p.workshop.participants.empty()) {
        for (int i = 0; i < 40; ++i) p.workshop.participants.push_back({"p" + std::to_string(i), "Participant " + std::to_string(i), ""});
    }
    for (int i = 0; i < 250; ++i) {
        const int n = batch * 250 + i;
        Touchpoint t;
        t.id = "tx" + std::to_string(n);
        t.name = "Generated touchpoint " + std::to_string(n);
        t.stakeholder = p.stakeholders[static_cast<std::size_t>(n % groups)].id;
        t.stage = static_cast<Stage>(n % 7);
        t.channel = n % 2 ? "web" : "branch";
        t.interactions_per_month = 0.1 + (n % 37) / 9.0;
        t.bad_share = 0.001 + (n % 53) / 1000.0;
        t.severity = 0.5 + (n % 11) / 7.0;
        t.dimensions = {0.5, (n % 3) / 3.0, (n % 5) / 5.0, 0, (n % 7) / 7.0};
        p.touchpoints.push_back(t);
    }
    for (int i = 0; i < 500; ++i) {
        const int n = batch * 500 + i;
        Observation o;
        o.stakeholder = p.stakeholders[static_cast<std::size_t>(n % groups)].id;
        o.month = n % (p.settings.horizon_months + 1);
        o.metric = static_cast<Metric>(n % 5);
        o.value = o.metric == Metric::nps ? (n % 200) - 100.0 : (n % 997) / 997.0;
        if (n % 3) o.n = 100 + n % 900;
        o.source = "Survey wave " + std::to_string(n % 40);
        p.observations.push_back(o);
    }
    for (int i = 0; i < 500; ++i) {
        const int n = batch * 500 + i;
        Rating g;
        g.participant = p.workshop.participants[static_cast<std::size_t>(n % 40)].id;
        g.stakeholder = p.stakeholders[static_cast<std::size_t>(n % groups)].id;
        g.dimension = static_cast<Dimension>(n % 5);
        g.score = 1 + n % 9;
        p.workshop.ratings.push_back(g);
    }
}

}  // namespace

Plan large_plan(std::uint64_t seed) {
    Gen g{core::Rng(seed)};
    Plan p;
    p.meta.title = "Large benchmark plan";
    p.settings.horizon_months = 60;
    p.settings.seed = seed;
    p.culture.empowerment = 0.3;
    p.culture.reward = 0.25;
    for (int i = 0; i < 20; ++i) {
        Stakeholder s;
        s.id = "g" + std::to_string(i);
        s.name = "Group " + std::to_string(i);
        s.kind = kKinds[i % 5];
        s.size = g.real(100, 100000);
        s.importance = g.real(0.5, 3);
        s.base_rate = g.real(0.3, 0.7);
        for (double& w : s.weights) w = g.real(0.05, 1);
        s.revenue_per_month = s.kind == StakeholderKind::customers ? g.real(5, 80) : 0;
        if (g.chance(0.5)) {
            s.peer_rating = g.real(2, 4.8);
            s.peer_exposure = g.real(0.1, 0.6);
        }
        p.stakeholders.push_back(s);
    }
    for (int i = 0; i < 12; ++i) {
        KnowledgeSource k = knowledge(g, "k" + std::to_string(i));
        for (int c = 0; c < 4; ++c)
            k.coverage.push_back({p.stakeholders[(i * 3 + c * 5) % 20].id, g.real(0.1, 0.9)});
        p.knowledge_sources.push_back(k);
    }
    for (int i = 0; i < 200; ++i)
        p.touchpoints.push_back(touchpoint(g, "t" + std::to_string(i), p.stakeholders[i % 20].id));
    for (int i = 0; i < 100; ++i) {
        Commitment c = commitment(g, "c" + std::to_string(i), p.stakeholders[i % 20].id);
        if (g.chance(0.3)) c.stakeholders.push_back(p.stakeholders[(i + 7) % 20].id);
        p.commitments.push_back(c);
    }
    for (int i = 0; i < 300; ++i) p.actions.push_back(action(g, p, "a" + std::to_string(i)));
    return p;
}

Plan example_like_plan(std::uint64_t seed, int actions) {
    Gen g{core::Rng(seed)};
    Plan p;
    p.meta.title = "Example-like benchmark plan";
    p.settings.horizon_months = 36;
    p.settings.seed = seed;
    p.culture.empowerment = 0.3;
    p.culture.reward = 0.2;
    const char* ids[] = {"customers", "staff", "investors"};
    for (int i = 0; i < 3; ++i) {
        Stakeholder s;
        s.id = ids[i];
        s.name = ids[i];
        s.kind = i == 0 ? StakeholderKind::customers : (i == 1 ? StakeholderKind::employees : StakeholderKind::investors);
        s.size = i == 0 ? 50000 : 500;
        s.importance = i == 0 ? 3 : 1;
        s.base_rate = g.real(0.45, 0.6);
        for (double& w : s.weights) w = g.real(0.1, 1);
        s.revenue_per_month = i == 0 ? 35 : 0;
        if (i == 0) {
            s.peer_rating = 3.9;
            s.peer_exposure = 0.35;
        }
        p.stakeholders.push_back(s);
    }
    for (int i = 0; i < 2; ++i) {
        KnowledgeSource k = knowledge(g, "k" + std::to_string(i));
        k.coverage = {{"customers", g.real(0.3, 0.8)}};
        p.knowledge_sources.push_back(k);
    }
    for (int i = 0; i < 6; ++i) {
        Touchpoint t = touchpoint(g, "t" + std::to_string(i), "customers");
        t.bad_share = g.real(0.001, 0.004);  // about 4% of customers meet a bad experience a month
        if (i == 3) t.stage = Stage::service;
        p.touchpoints.push_back(t);
    }
    p.touchpoints.push_back(touchpoint(g, "t6", "staff"));
    p.touchpoints.push_back(touchpoint(g, "t7", "investors"));
    for (int i = 0; i < 3; ++i) {
        Commitment c = commitment(g, "c" + std::to_string(i), "customers");
        c.occasions_per_month = g.real(0.05, 0.5);
        c.kept_share = g.real(0.98, 0.995);
        p.commitments.push_back(c);
    }
    for (int i = 0; i < actions; ++i) p.actions.push_back(action(g, p, "a" + std::to_string(i)));
    return p;
}

Plan grown_plan(std::size_t target_bytes, std::string& text) {
    Plan plan = large_plan(1);
    text = io::save_plan(plan);
    // Grow in steps sized from the last measured batch, so only a few saves are needed.
    int batch = 0;
    while (text.size() < target_bytes) {
        const std::size_t before = text.size();
        grow(plan, batch++);
        text = io::save_plan(plan);
        const std::size_t per_batch = std::max<std::size_t>(1, text.size() - before);
        const std::size_t missing = text.size() < target_bytes ? target_bytes - text.size() : 0;
        for (std::size_t extra = missing / per_batch; extra > 1; --extra) grow(plan, batch++);
        if (missing / per_batch > 1) text = io::save_plan(plan);
    }
    return plan;
}

}  // namespace fiducia::bench
