// The optimiser (MODEL.md "Actions, scenarios, priorities"): exact branch and bound over the
// plan's actions within a budget. A node fixes some actions on or off; its bound evaluates the
// model over intervals (evaluate<Interval>), where each undecided action's effects span the hull
// of on and off, which bounds every completion from above. Actions the remaining budget cannot pay
// for are fixed off. Depth-first with an explicit stack, so the work can be sliced (step). A search
// stops after max_nodes nodes; each open node carries its parent's bound, so the largest of those
// and the best found is a bound no set beats (MODEL.md: exactly for small sets).
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/evaluate.hpp"
#include "core/model.hpp"
#include "core/params.hpp"

namespace fiducia {

using core::ActState;
using core::Compiled;
using core::Interval;

namespace {

double point_objective(const Compiled& cp, const std::vector<ActState>& st, Objective obj) {
    const auto o = core::evaluate<double>(cp, st.data(), obj == Objective::value);
    return obj == Objective::trust ? o.trust_index : o.revenue - o.cost;
}

double bound_objective(const Compiled& cp, const std::vector<ActState>& st, Objective obj) {
    const auto o = core::evaluate<Interval>(cp, st.data(), obj == Objective::value);
    return obj == Objective::trust ? o.trust_index.hi : o.revenue.hi - o.cost;
}

struct Node {
    std::vector<ActState> st;
    double volume = 1;  // share of the search tree under this node
    double bound = std::numeric_limits<double>::infinity();  // its parent's: no completion does better
};

struct Job {
    double budget = 0;
    std::vector<Node> stack;
    double best = 0;
    double best_cost = 0;
    std::vector<ActState> best_st;
    double explored = 0;  // volume finished
    std::int64_t nodes = 0;
    bool done = false;
    bool proven = false;      // done because nothing was left open (not because of max_nodes)
    double upper_bound = 0;   // set when done

    void finish(bool all_explored) {
        done = true;
        explored = 1.0;
        proven = all_explored;
        upper_bound = best;
        for (const Node& n : stack) upper_bound = std::max(upper_bound, n.bound);
        stack.clear();
        stack.shrink_to_fit();
    }
};

}  // namespace

struct Optimiser::State {
    Compiled cp;
    OptimiseOptions options;
    std::vector<std::string> ids;
    std::vector<double> cost;   // per action, over the horizon
    std::vector<int> order;     // branching order
    double baseline = 0;
    double total_cost = 0;
    std::vector<Job> jobs;      // [0]: the budget asked for; then the frontier budgets
    std::size_t current = 0;

    void start(Job& job);
    void expand(Job& job);
    // What ties a share's searches to this plan and these options (searches() writes them first).
    std::vector<double> marks() const {
        return {static_cast<double>(cost.size()), static_cast<double>(jobs.size()), static_cast<double>(options.objective),
                options.budget, baseline, total_cost, static_cast<double>(options.max_nodes)};
    }
};

void Optimiser::State::start(Job& job) {
    const std::size_t n = cost.size();
    // incumbent: nothing, then greedily along the branching order while it improves
    std::vector<ActState> st(n, ActState::off);
    job.best = baseline;
    job.best_st = st;
    job.best_cost = 0;
    double spent = 0;
    for (int i : order) {
        if (spent + cost[i] > job.budget) continue;
        st[i] = ActState::on;
        const double v = point_objective(cp, st, options.objective);
        if (v > job.best) {
            job.best = v;
            job.best_st = st;
            spent += cost[i];
            job.best_cost = spent;
        } else {
            st[i] = ActState::off;
        }
    }
    job.stack.push_back({std::vector<ActState>(n, ActState::undecided), 1.0});
}

void Optimiser::State::expand(Job& job) {
    Node node = std::move(job.stack.back());
    job.stack.pop_back();
    ++job.nodes;
    double spent = 0;
    for (std::size_t i = 0; i < node.st.size(); ++i)
        if (node.st[i] == ActState::on) spent += cost[i];
    // what the remaining budget cannot pay for stays off
    int next = -1;
    for (int i : order) {
        if (node.st[i] != ActState::undecided) continue;
        if (spent + cost[i] > job.budget) node.st[i] = ActState::off;
        else if (next < 0) next = i;
    }
    if (next < 0) {  // a complete, affordable set
        const double v = point_objective(cp, node.st, options.objective);
        if (v > job.best) {
            job.best = v;
            job.best_st = node.st;
            job.best_cost = spent;
        }
        job.explored += node.volume;
        return;
    }
    const double bound = bound_objective(cp, node.st, options.objective);
    if (bound <= job.best + 1e-12 * (1.0 + std::fabs(job.best))) {
        job.explored += node.volume;
        return;
    }
    Node off = node, on = std::move(node);
    off.st[next] = ActState::off;
    on.st[next] = ActState::on;
    off.volume = on.volume = on.volume * 0.5;
    off.bound = on.bound = bound;
    job.stack.push_back(std::move(off));
    job.stack.push_back(std::move(on));  // "on" first: good sets early, so pruning bites
}

Optimiser::Optimiser(const Plan& plan, const OptimiseOptions& options) : state_(new State) {
    State& s = *state_;
    s.cp = core::compile(plan);
    s.options = options;
    s.options.max_nodes = options.max_nodes > 0 ? options.max_nodes : default_max_nodes(plan);
    if (!std::isfinite(s.options.budget)) s.options.budget = s.options.budget > 0 ? 1e300 : 0;
    const std::size_t n = s.cp.actions.size();
    for (std::size_t i = 0; i < n; ++i) {
        s.ids.push_back(plan.actions[i].id);
        s.cost.push_back(core::action_cost(s.cp.actions[i], s.cp.horizon));
        s.total_cost += s.cost.back();
    }
    std::vector<ActState> none(n, ActState::off);
    s.baseline = point_objective(s.cp, none, options.objective);
    // branching order: best gain per cost alone first (free actions first of all)
    std::vector<double> score(n);
    for (std::size_t i = 0; i < n; ++i) {
        none[i] = ActState::on;
        const double gain = point_objective(s.cp, none, options.objective) - s.baseline;
        none[i] = ActState::off;
        score[i] = s.cost[i] > 0 ? gain / s.cost[i] : (gain > 0 ? 1e300 : gain * 1e300);
        s.order.push_back(static_cast<int>(i));
    }
    std::stable_sort(s.order.begin(), s.order.end(), [&](int a, int b) { return score[a] > score[b]; });

    Job main;
    main.budget = s.options.budget;
    s.jobs.push_back(main);
    const int points = options.frontier_points < 0 ? 0 : std::min(options.frontier_points, 1000);
    for (int p = 0; p < points; ++p) {
        Job j;
        j.budget = points == 1 ? s.total_cost : s.total_cost * p / (points - 1);
        s.jobs.push_back(j);
    }
    // A share runs jobs share, share + shares, ...: each job's search is its own, so shares on
    // several threads, adopted into one, give exactly the result of one run.
    const std::size_t shares = static_cast<std::size_t>(std::max(1, s.options.shares));
    s.options.shares = static_cast<int>(shares);
    s.options.share = std::clamp(s.options.share, 0, s.options.shares - 1);
    s.current = static_cast<std::size_t>(s.options.share);
    if (s.current < s.jobs.size()) s.start(s.jobs[s.current]);
}

bool Optimiser::adopt(const Optimiser& other) { return other.state_ && adopt(other.searches()); }

std::vector<double> Optimiser::searches() const {
    if (!state_ || !done()) return {};
    const State& s = *state_;
    std::vector<double> out = s.marks();
    out.push_back(s.options.share);
    out.push_back(s.options.shares);
    for (std::size_t j = static_cast<std::size_t>(s.options.share); j < s.jobs.size(); j += static_cast<std::size_t>(s.options.shares)) {
        const Job& job = s.jobs[j];
        out.insert(out.end(), {job.budget, job.best, job.best_cost, static_cast<double>(job.nodes), job.proven ? 1.0 : 0.0,
                               job.upper_bound});
        for (ActState a : job.best_st) out.push_back(a == ActState::on ? 1 : 0);
    }
    return out;
}

bool Optimiser::adopt(const std::vector<double>& in) {
    if (!state_) return false;
    State& s = *state_;
    const std::size_t n = s.cost.size();
    const std::vector<double> marks = s.marks();
    if (in.size() < marks.size() + 2 || !std::equal(marks.begin(), marks.end(), in.begin())) return false;
    const double share = in[marks.size()], shares = in[marks.size() + 1];
    if (!(shares >= 1 && share >= 0 && share < shares) || share != std::floor(share) || shares != std::floor(shares)) return false;
    const std::size_t k = static_cast<std::size_t>(share), step = static_cast<std::size_t>(shares);
    const std::size_t mine = k < s.jobs.size() ? (s.jobs.size() - k + step - 1) / step : 0;
    constexpr std::size_t head = 6;  // budget, best, cost, nodes, proven, upper bound
    if (in.size() != marks.size() + 2 + mine * (head + n)) return false;
    std::vector<Job> taken;
    std::size_t at = marks.size() + 2;
    for (std::size_t j = k; j < s.jobs.size(); j += step, at += head + n) {
        Job job;
        job.budget = in[at];
        job.best = in[at + 1];
        job.best_cost = in[at + 2];
        job.nodes = static_cast<std::int64_t>(in[at + 3]);
        if (job.budget != s.jobs[j].budget || static_cast<double>(job.nodes) != in[at + 3]) return false;
        if (in[at + 4] != 0 && in[at + 4] != 1) return false;
        job.proven = in[at + 4] == 1;
        job.upper_bound = in[at + 5];
        for (std::size_t i = 0; i < n; ++i) {
            if (in[at + head + i] != 0 && in[at + head + i] != 1) return false;
            job.best_st.push_back(in[at + head + i] == 1 ? ActState::on : ActState::off);
        }
        job.explored = 1.0;
        job.done = true;
        taken.push_back(std::move(job));
    }
    for (std::size_t j = k, t = 0; j < s.jobs.size(); j += step, ++t) s.jobs[j] = std::move(taken[t]);
    return true;
}

Optimiser::~Optimiser() { delete state_; }
Optimiser::Optimiser(Optimiser&& o) noexcept : state_(o.state_) { o.state_ = nullptr; }
Optimiser& Optimiser::operator=(Optimiser&& o) noexcept {
    if (this != &o) {
        delete state_;
        state_ = o.state_;
        o.state_ = nullptr;
    }
    return *this;
}

void Optimiser::step(std::int64_t max_nodes) {
    if (!state_) return;
    State& s = *state_;
    while (max_nodes > 0 && s.current < s.jobs.size()) {
        Job& job = s.jobs[s.current];
        if (job.stack.empty() || job.nodes >= s.options.max_nodes) {
            job.finish(job.stack.empty());
            s.current += static_cast<std::size_t>(s.options.shares);
            if (s.current < s.jobs.size()) s.start(s.jobs[s.current]);
            continue;
        }
        s.expand(job);
        --max_nodes;
    }
}

bool Optimiser::done() const { return !state_ || state_->current >= state_->jobs.size(); }

double Optimiser::progress() const {
    if (!state_) return 1.0;
    const State& s = *state_;
    if (s.jobs.empty()) return 1.0;
    double sum = 0, mine = 0;
    for (std::size_t j = static_cast<std::size_t>(s.options.share); j < s.jobs.size(); j += static_cast<std::size_t>(s.options.shares)) {
        const Job& job = s.jobs[j];  // a search ends when all is explored or at max_nodes
        sum += job.done ? 1.0 : std::max(job.explored, static_cast<double>(job.nodes) / static_cast<double>(s.options.max_nodes));
        ++mine;
    }
    // 1 only once done: a worker takes 1 for "send the result" (a deep tree's explored share can round to 1)
    return done() ? 1.0 : std::min(mine > 0 ? sum / mine : 0.0, 0.999999);
}

OptimiseResult Optimiser::result() const {
    OptimiseResult r;
    if (!state_) return r;
    const State& s = *state_;
    auto ids_of = [&](const std::vector<ActState>& st) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < st.size(); ++i)
            if (st[i] == ActState::on) out.push_back(s.ids[i]);
        return out;
    };
    const Job& main = s.jobs[0];
    r.chosen = ids_of(main.best_st);
    r.objective = main.best;
    r.cost = main.best_cost;
    r.baseline_objective = s.baseline;
    r.proven = main.proven;
    r.upper_bound = main.upper_bound;
    r.max_nodes = s.options.max_nodes;
    for (const Job& job : s.jobs) r.nodes += job.nodes;
    for (std::size_t j = 1; j < s.jobs.size(); ++j) {
        const Job& job = s.jobs[j];
        if (!job.done) continue;
        r.frontier.push_back({job.budget, job.best, job.best_cost, ids_of(job.best_st), job.proven, job.upper_bound});
    }
    return r;
}

std::int64_t default_max_nodes(const Plan& plan) {
    const double size = static_cast<double>(plan.stakeholders.size() + plan.knowledge_sources.size() + plan.touchpoints.size() +
                                            plan.commitments.size() + plan.actions.size()) *
                        std::max(1, plan.settings.horizon_months);
    return static_cast<std::int64_t>(std::clamp(3.0e7 / std::max(1.0, size), 1000.0, 100000.0));
}

OptimiseResult optimise(const Plan& plan, const OptimiseOptions& options) {
    Optimiser o(plan, options);
    while (!o.done()) o.step(1 << 16);
    return o.result();
}

double objective_of(const Plan& plan, const std::vector<std::string>& action_ids, Objective objective) {
    const Compiled cp = core::compile(plan);
    std::vector<ActState> st(plan.actions.size(), ActState::off);
    for (std::size_t i = 0; i < plan.actions.size(); ++i)
        for (const std::string& id : action_ids)
            if (plan.actions[i].id == id) st[i] = ActState::on;
    return point_objective(cp, st, objective);
}

}  // namespace fiducia
