#include "app/cli_threads.hpp"

#include <functional>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

namespace fiducia::cli {

namespace {
// task(k) for every share k of n, on n threads natively.
void run_shares(int n, const std::function<void(int)>& task) {
#ifdef __EMSCRIPTEN__
    for (int k = 0; k < n; ++k) task(k);
#else
    std::vector<std::thread> threads;
    for (int k = 1; k < n; ++k) threads.emplace_back(task, k);
    task(0);
    for (std::thread& t : threads) t.join();
#endif
}
}  // namespace

int default_threads() {
#ifdef __EMSCRIPTEN__
    return 1;
#else
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
#endif
}

SimulationResult simulate_threads(const Plan& plan, const SimulationOptions& options, int threads) {
    if (threads <= 1) return simulate(plan, options);
    std::vector<std::vector<std::int64_t>> counts(static_cast<std::size_t>(threads));
    run_shares(threads, [&](int k) {
        SimulationOptions share = options;
        std::tie(share.first, share.last) = customer_share(options.customers, k, threads);
        Simulation sim(plan, share);
        while (!sim.done()) sim.step(1 << 20);
        counts[static_cast<std::size_t>(k)] = sim.counts();
    });
    SimulationOptions none = options;
    none.first = none.last = 0;
    Simulation total(plan, none);
    for (const std::vector<std::int64_t>& c : counts) total.add(c);
    return total.result();
}

OptimiseResult optimise_threads(const Plan& plan, const OptimiseOptions& options, int threads) {
    if (threads <= 1) return optimise(plan, options);
    std::vector<Optimiser> shares;
    for (int k = 0; k < threads; ++k) {
        OptimiseOptions share = options;
        share.share = k, share.shares = threads;
        shares.emplace_back(plan, share);
    }
    run_shares(threads, [&](int k) {
        Optimiser& o = shares[static_cast<std::size_t>(k)];
        while (!o.done()) o.step(1 << 16);
    });
    for (int k = 1; k < threads; ++k) shares[0].adopt(shares[static_cast<std::size_t>(k)]);
    return shares[0].result();
}

std::vector<SensitivityItem> sensitivity_threads(const Plan& plan, const ProjectionOptions& options, int threads) {
    if (threads <= 1) return sensitivity(plan, options);
    std::vector<std::vector<SensitivityItem>> shares(static_cast<std::size_t>(threads));
    run_shares(threads, [&](int k) { shares[static_cast<std::size_t>(k)] = sensitivity_share(plan, options, k, threads); });
    return sensitivity_gather(shares);
}

}  // namespace fiducia::cli
