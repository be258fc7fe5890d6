// The optimiser equals brute force on random plans; frontier and stepwise API behave.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/model.hpp"
#include "core/params.hpp"
#include "core/rng.hpp"
#include "test_core_fixtures.hpp"

using namespace fiducia;
using namespace fiducia::test;

namespace {

double pick(core::Rng& r, double lo, double hi) { return lo + (hi - lo) * r.uniform(); }
int pick_int(core::Rng& r, int lo, int hi) { return lo + static_cast<int>(r.uniform() * (hi - lo + 1)); }

Plan random_plan(std::uint64_t seed, int n_actions) {
    core::Rng r(seed);
    Plan p;
    p.settings.horizon_months = pick_int(r, 3, 18);
    p.settings.forgetting = r.uniform() < 0.2 ? 1.0 : pick(r, 0.6, 0.97);
    p.settings.abandonment.beta = r.uniform() < 0.25 ? pick(r, 0.5, 0.99) : pick(r, 1.0, 2.5);
    p.culture.empowerment = pick(r, 0, 1);
    p.culture.reward = pick(r, 0, 1);
    const char* kinds_ids[] = {"c0", "e1", "p2"};
    const StakeholderKind kinds[] = {StakeholderKind::customers, StakeholderKind::employees, StakeholderKind::partners};
    const int groups = pick_int(r, 1, 3);
    for (int g = 0; g < groups; ++g) {
        Stakeholder s = make_group(kinds_ids[g], kinds[g], pick(r, 0.2, 0.8));
        s.size = pick(r, 100, 5000);
        s.importance = pick(r, 0, 3);
        s.revenue_per_month = pick(r, 0, 50);
        for (double& w : s.weights) w = r.uniform() < 0.2 ? 0 : pick(r, 0, 1);
        if (r.uniform() < 0.5) {
            s.peer_rating = pick(r, 1, 5);
            s.peer_exposure = pick(r, 0, 1);
        }
        p.stakeholders.push_back(s);
    }
    const Stage stages[] = {Stage::use, Stage::service, Stage::deliver};
    const int tps = pick_int(r, 1, 5);
    for (int t = 0; t < tps; ++t) {
        Touchpoint tp = make_touchpoint("t" + std::to_string(t), kinds_ids[pick_int(r, 0, groups - 1)],
                                        pick(r, 0.1, 4), pick(r, 0, 0.3), stages[pick_int(r, 0, 2)]);
        tp.severity = pick(r, 0.5, 2);
        for (double& w : tp.dimensions) w = r.uniform() < 0.5 ? 0 : pick(r, 0, 1);
        p.touchpoints.push_back(tp);
    }
    const int cms = pick_int(r, 0, 3);
    for (int c = 0; c < cms; ++c)
        p.commitments.push_back(make_commitment("k" + std::to_string(c), kinds_ids[pick_int(r, 0, groups - 1)],
                                                pick(r, 0.1, 2), pick(r, 0.6, 1), r.uniform() < 0.5));
    const int kss = pick_int(r, 0, 2);
    for (int k = 0; k < kss; ++k) {
        KnowledgeSource ks;
        ks.id = "s" + std::to_string(k);
        ks.name = ks.id;
        ks.coverage = {{kinds_ids[pick_int(r, 0, groups - 1)], pick(r, 0, 1)}};
        ks.granularity = pick(r, 0, 1);
        ks.relevance = pick(r, 0, 1);
        ks.consistency = pick(r, 0, 1);
        ks.messages_per_month = pick(r, 0, 3);
        p.knowledge_sources.push_back(ks);
    }
    const EffectOp ops[] = {EffectOp::scale, EffectOp::add, EffectOp::set};
    for (int a = 0; a < n_actions; ++a) {
        Action act;
        act.id = "a" + std::to_string(a);
        act.name = act.id;
        act.start_month = pick_int(r, 1, p.settings.horizon_months + 1);
        act.ramp_months = pick_int(r, 1, 5);
        act.cost_once = r.uniform() < 0.2 ? 0 : pick(r, 0, 1000);
        act.cost_per_month = r.uniform() < 0.5 ? 0 : pick(r, 0, 100);
        act.enabled = r.uniform() < 0.5;
        const int effects = pick_int(r, 1, 3);
        for (int e = 0; e < effects; ++e) {
            const EffectOp op = ops[pick_int(r, 0, 2)];
            const int target = pick_int(r, 0, 4);
            Effect ef;
            if (target == 0) {
                const char* fields[] = {"interactions_per_month", "bad_share", "severity"};
                ef = make_effect(EffectTarget::touchpoint, "t" + std::to_string(pick_int(r, 0, tps - 1)),
                                 fields[pick_int(r, 0, 2)], op, 0);
            } else if (target == 1 && cms > 0) {
                const char* fields[] = {"occasions_per_month", "kept_share"};
                ef = make_effect(EffectTarget::commitment, "k" + std::to_string(pick_int(r, 0, cms - 1)),
                                 fields[pick_int(r, 0, 1)], op, 0);
            } else if (target == 2 && kss > 0) {
                const char* fields[] = {"granularity", "relevance", "consistency", "messages_per_month"};
                ef = make_effect(EffectTarget::knowledge_source, "s" + std::to_string(pick_int(r, 0, kss - 1)),
                                 fields[pick_int(r, 0, 3)], op, 0);
            } else if (target == 3) {
                const char* fields[] = {"size", "importance", "base_rate", "revenue_per_month", "peer_rating", "peer_exposure"};
                ef = make_effect(EffectTarget::stakeholder, kinds_ids[pick_int(r, 0, groups - 1)],
                                 fields[pick_int(r, 0, 5)], op, 0);
            } else {
                ef = make_effect(EffectTarget::culture, "", r.uniform() < 0.5 ? "empowerment" : "reward", op, 0);
            }
            ef.value = op == EffectOp::scale ? pick(r, 0, 2) : (op == EffectOp::add ? pick(r, -0.5, 0.5) : pick(r, 0, 1.5));
            act.effects.push_back(ef);
        }
        p.actions.push_back(act);
    }
    return p;
}

// Best objective over every affordable subset, by enumeration.
double brute_force(const Plan& plan, double budget, Objective obj) {
    const core::Compiled cp = core::compile(plan);
    const std::size_t n = plan.actions.size();
    double best = -1e300;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        double cost = 0;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < n; ++i)
            if (mask & (1u << i)) {
                cost += core::action_cost(cp.actions[i], cp.horizon);
                ids.push_back(plan.actions[i].id);
            }
        if (cost > budget) continue;
        best = std::max(best, objective_of(plan, ids, obj));
    }
    return best;
}

}  // namespace

TEST_CASE("optimiser equals brute force on 30 random plans, both objectives") {
    int nontrivial = 0;
    std::int64_t nodes = 0, leaves = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const int n = 1 + static_cast<int>(seed % 10);
        const Plan plan = random_plan(seed, n);
        const core::Compiled cp = core::compile(plan);
        double total = 0;
        for (const auto& a : cp.actions) total += core::action_cost(a, cp.horizon);
        for (Objective obj : {Objective::trust, Objective::value}) {
            OptimiseOptions o;
            o.objective = obj;
            o.budget = total * (0.2 + 0.6 * ((seed * 7) % 10) / 10.0);
            o.frontier_points = 3;
            const OptimiseResult r = optimise(plan, o);
            const double bf = brute_force(plan, o.budget, obj);
            CHECK(std::fabs(r.objective - bf) <= 1e-9 * (1 + std::fabs(bf)));
            // the reported set really has that objective and fits the budget
            CHECK(objective_of(plan, r.chosen, obj) == doctest::Approx(r.objective).epsilon(1e-12));
            CHECK(r.cost <= o.budget + 1e-9);
            CHECK(r.objective >= r.baseline_objective);
            CHECK(r.proven);  // a small plan's search ends long before its node limit
            CHECK(r.upper_bound == r.objective);
            nontrivial += r.objective > r.baseline_objective + 1e-9 ? 1 : 0;
            CORE_REQUIRE(r.frontier.size() == 3);
            for (const FrontierPoint& fp : r.frontier)
                CHECK(std::fabs(fp.objective - brute_force(plan, fp.budget, obj)) <= 1e-9 * (1 + std::fabs(fp.objective)));
            CHECK(r.frontier[0].objective <= r.frontier[1].objective + 1e-12);
            CHECK(r.frontier[1].objective <= r.frontier[2].objective + 1e-12);
            nodes += r.nodes;
            leaves += (std::int64_t{1} << n) * 4;
        }
    }
    CHECK(nontrivial > 20);  // the property is tested on plans where actions matter
    CHECK(nodes < leaves);   // and the bound prunes
}

TEST_CASE("optimiser on the example plan: stepwise equals one go, budget respected") {
    const Plan plan = example_plan();
    OptimiseOptions o;
    o.budget = 100000;
    const OptimiseResult whole = optimise(plan, o);
    Optimiser opt(plan, o);
    double last = -1;
    int steps = 0;
    while (!opt.done()) {
        const double pr = opt.progress();
        CHECK(pr >= last - 1e-12);
        last = pr;
        opt.step(3);
        ++steps;
    }
    CHECK(opt.progress() == 1.0);
    CHECK(steps > 1);
    const OptimiseResult sliced = opt.result();
    CHECK(sliced.objective == whole.objective);
    CHECK(sliced.chosen == whole.chosen);
    CHECK(whole.cost <= 100000);
    CHECK(whole.frontier.size() == 12);
    CHECK(whole.frontier.front().budget == 0.0);
    CHECK(whole.frontier.front().objective == whole.baseline_objective);
    CHECK(whole.frontier.back().objective >= whole.objective);
    // value objective: revenue kept minus cost
    o.objective = Objective::value;
    o.budget = 1e9;
    const OptimiseResult v = optimise(plan, o);
    Projection pr = project(plan, {std::string("all")});
    CHECK(v.objective >= pr.revenue_kept - pr.total_cost - 1e-6);
}

namespace {
bool same(const OptimiseResult& a, const OptimiseResult& b) {
    bool frontier = a.frontier.size() == b.frontier.size();
    for (std::size_t i = 0; frontier && i < a.frontier.size(); ++i)
        frontier = a.frontier[i].budget == b.frontier[i].budget && a.frontier[i].objective == b.frontier[i].objective &&
                   a.frontier[i].cost == b.frontier[i].cost && a.frontier[i].actions == b.frontier[i].actions &&
                   a.frontier[i].proven == b.frontier[i].proven && a.frontier[i].upper_bound == b.frontier[i].upper_bound;
    return frontier && a.chosen == b.chosen && a.objective == b.objective && a.cost == b.cost &&
           a.baseline_objective == b.baseline_objective && a.nodes == b.nodes && a.proven == b.proven &&
           a.upper_bound == b.upper_bound && a.max_nodes == b.max_nodes;
}
}  // namespace

TEST_CASE("a search stopped at its node limit gives the best set found, marked unproven, and a bound no set beats") {
    int stopped = 0, improved = 0;
    for (std::uint64_t seed = 101; seed <= 120; ++seed) {
        const Plan plan = random_plan(seed, 12);
        const core::Compiled cp = core::compile(plan);
        double total = 0;
        for (const auto& a : cp.actions) total += core::action_cost(a, cp.horizon);
        for (Objective obj : {Objective::trust, Objective::value}) {
            CAPTURE(seed);
            OptimiseOptions o;
            o.objective = obj;
            o.budget = total * 0.5;
            o.frontier_points = 3;
            o.max_nodes = 6;
            Optimiser opt(plan, o);
            double last = -1;
            while (!opt.done()) {  // progress runs to the limit, not to the unexplored tree's share
                CHECK(opt.progress() >= last);
                CHECK(opt.progress() < 1.0);  // 1 says "done" to a worker
                last = opt.progress();
                opt.step(1);
            }
            const OptimiseResult r = opt.result();
            CHECK(r.max_nodes == 6);
            CHECK(r.nodes <= 6 * 4);
            const double bf = brute_force(plan, o.budget, obj);
            const double tol = 1e-9 * (1 + std::fabs(bf));
            CHECK(r.objective <= bf + tol);  // a real set's figure
            CHECK(objective_of(plan, r.chosen, obj) == doctest::Approx(r.objective).epsilon(1e-12));
            CHECK(r.cost <= o.budget + 1e-9);
            CHECK(r.upper_bound >= bf - tol);  // and no set beats the bound
            if (r.proven) CHECK(std::fabs(r.objective - bf) <= tol);
            stopped += r.proven ? 0 : 1;
            improved += r.upper_bound > r.objective + tol ? 1 : 0;
            for (const FrontierPoint& fp : r.frontier) {
                const double best = brute_force(plan, fp.budget, obj);
                CHECK(fp.objective <= best + tol);
                CHECK(fp.upper_bound >= best - tol);
                if (fp.proven) CHECK(std::fabs(fp.objective - best) <= tol);
            }
            // Without the limit the same plan is searched to the end and proven.
            o.max_nodes = 1000000;
            const OptimiseResult full = optimise(plan, o);
            CHECK(full.proven);
            CHECK(std::fabs(full.objective - bf) <= tol);
        }
    }
    CHECK(stopped > 10);  // the limit was reached on many of these plans
    CHECK(improved > 0);  // and there the bound says how much better a set might be
}

TEST_CASE("each search's default node limit shrinks as the plan grows, within 1,000 to 100,000") {
    const Plan small = random_plan(3, 4);
    const Plan bigger = random_plan(3, 300);
    CHECK(default_max_nodes(small) == 100000);
    CHECK(default_max_nodes(bigger) < default_max_nodes(small));
    CHECK(default_max_nodes(bigger) >= 1000);
    OptimiseOptions o;
    o.budget = 100;
    CHECK(optimise(small, o).max_nodes == default_max_nodes(small));  // 0 asks for the default
    o.max_nodes = 17;
    CHECK(optimise(small, o).max_nodes == 17);
}

TEST_CASE("optimiser shares sent through their flat searches and adopted give one run's result; another plan's are refused") {
    const Plan plan = random_plan(7, 9);
    for (const std::int64_t limit : {std::int64_t{0}, std::int64_t{4}})  // 4: searches stop unproven
    for (Objective objective : {Objective::trust, Objective::value}) {
        CAPTURE(limit);
        OptimiseOptions o;
        o.budget = 40000;
        o.objective = objective;
        o.max_nodes = limit;
        const OptimiseResult whole = optimise(plan, o);
        for (int shares : {1, 2, 3, 5, 20}) {  // 20: more shares than searches, some with none
            CAPTURE(shares);
            Optimiser gathered(plan, o);  // the page's: it searches nothing itself
            for (int k = 0; k < shares; ++k) {
                OptimiseOptions part = o;
                part.share = k, part.shares = shares;
                Optimiser share(plan, part);
                if (!share.done()) CHECK(share.searches().empty());  // unfinished: nothing to send
                while (!share.done()) share.step(5);
                const std::vector<double> flat = share.searches();  // what a worker posts
                REQUIRE_FALSE(flat.empty());
                CHECK(gathered.adopt(flat));
            }
            CHECK(same(gathered.result(), whole));
        }
    }
    // Another plan's, another objective's or budget's, or damaged searches change nothing.
    OptimiseOptions o;
    o.budget = 40000;
    Optimiser share(plan, o);
    while (!share.done()) share.step(1 << 16);
    const std::vector<double> flat = share.searches();
    Plan other = plan;
    other.actions[0].cost_once += 1;
    Optimiser elsewhere(other, o);
    CHECK_FALSE(elsewhere.adopt(flat));
    OptimiseOptions value = o;
    value.objective = Objective::value;
    CHECK_FALSE(Optimiser(plan, value).adopt(flat));
    OptimiseOptions dearer = o;
    dearer.budget = 50000;
    CHECK_FALSE(Optimiser(plan, dearer).adopt(flat));
    std::vector<double> cut = flat;
    cut.pop_back();
    CHECK_FALSE(Optimiser(plan, o).adopt(cut));
    std::vector<double> bent = flat;
    bent.back() = 0.5;  // an action neither on nor off
    CHECK_FALSE(Optimiser(plan, o).adopt(bent));
    CHECK_FALSE(Optimiser(plan, o).adopt(std::vector<double>{}));
    Optimiser taken(plan, o);
    CHECK(taken.adopt(flat));
    CHECK(same(taken.result(), optimise(plan, o)));
}
