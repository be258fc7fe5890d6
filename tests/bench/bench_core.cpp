// Core benchmarks: median wall time of repeated runs, printed as `name median=X runs=N`.
// Runs natively and under node (no threads, no files).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "plan_generator.hpp"
#include "core/model.hpp"
#include "io/plan_file.hpp"

using namespace fiducia;

namespace {

double median_ms(int runs, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms.size() % 2 ? ms[ms.size() / 2] : 0.5 * (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]);
}

volatile double g_sink = 0;  // keeps results alive

// FNV-1a over the bits of doubles: equal checksums natively and under node mean equal numbers.
struct Checksum {
    std::uint64_t h = 1469598103934665603ULL;
    void add(double x) {
        std::uint64_t u;
        std::memcpy(&u, &x, sizeof u);
        for (int i = 0; i < 8; ++i) {
            h ^= (u >> (8 * i)) & 0xff;
            h *= 1099511628211ULL;
        }
    }
};

}  // namespace

void bench_io();  // bench_io.cpp: plan-file load/save of a ~10 MB plan
void bench_merge();  // bench_merge.cpp: diff and three-way merge of two edited 10 MB copies
void bench_validate();  // bench_io.cpp: the editors' live check on the large plan, typed and via JSON

namespace {
// `bench_core --write-plans DIR`: the large plan, the ~10 MB plan and the optimiser's 24-action plan
// (as bench "optimise" uses) as files, for the page's and the CLI's figures (tests/bench/page.mjs).
int write_plans(const std::string& dir) {
    std::string ten_mb;
    bench::grown_plan(10u * 1000u * 1000u, ten_mb);
    const std::pair<std::string, std::string> files[] = {{dir + "/large.json", io::save_plan(bench::large_plan(1))},
                                                         {dir + "/ten-mb.json", ten_mb},
                                                         {dir + "/actions24.json", io::save_plan(bench::example_like_plan(3, 24))}};
    for (const auto& [path, text] : files) {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size()) return 1;
        std::fclose(f);
    }
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--write-plans") == 0) return write_plans(argv[2]);
    // `bench_core montecarlo` runs only the sections whose name contains an argument (profiling)
    auto want = [&](const char* section) {
        if (argc < 2) return true;
        for (int i = 1; i < argc; ++i)
            if (std::strstr(section, argv[i])) return true;
        return false;
    };
    const Plan large = bench::large_plan(1);
    double proj = 0;
    if (want("projection")) {
        proj = median_ms(21, [&] {
            const Projection p = project(large);
            g_sink = p.months.back().trust_index;
        });
        std::printf("projection_large_ms median=%.3f runs=21\n", proj);
        {
            Checksum c;
            const Projection p = project(large);
            for (const MonthResult& m : p.months) {
                c.add(m.trust_index);
                for (const StakeholderMonth& s : m.stakeholders) {
                    c.add(s.trust);
                    c.add(s.band_low);
                    c.add(s.retained);
                }
            }
            for (const auto& g : p.explanation.back())
                for (const Contribution& x : g) c.add(x.value);
            c.add(p.revenue_kept);
            std::printf("checksum_projection_large %016llx (trust index at 60: %.17g)\n",
                        static_cast<unsigned long long>(c.h), p.months.back().trust_index);
        }

    }
    if (want("calibrate"))
    {  // the Measurements panel recomputes this on every edit while it is shown
        Plan measured = large;  // three trust-share surveys of every group: start, middle, horizon
        for (const Stakeholder& s : large.stakeholders)
            for (int month : {0, large.settings.horizon_months / 2, large.settings.horizon_months}) {
                Observation o;
                o.stakeholder = s.id, o.month = month, o.value = 0.35 + 0.01 * (month % 7), o.n = 200;
                measured.observations.push_back(o);
            }
        std::size_t groups = 0, points = 0;
        const double cal = median_ms(5, [&] {
            const Calibration c = calibrate(measured);
            groups = c.groups.size(), points = c.backtest.size();
        });
        std::printf("calibrate_large_ms median=%.1f runs=5 (groups fitted %zu, measurements %zu; projection %.3f ms)\n",
                    cal, groups, points, proj);
    }

    if (want("montecarlo_example")) {
        const Plan example = bench::example_like_plan(2, 6);
        SimulationOptions so;
        so.customers = 1000000;
        so.seed = 1;
        double retained = 0;
        const double mc = median_ms(5, [&] {
            const SimulationResult r = simulate(example, so);
            retained = r.groups[0].months.back().retained;
            g_sink = retained;
        });
        const double chain = project(example).months.back().stakeholders[0].retained;
        {
            SimulationOptions small = so;
            small.customers = 20000;
            const SimulationResult r = simulate(example, small);
            Checksum c;
            for (const SimulatedMonth& m : r.groups[0].months) {
                c.add(m.retained);
                c.add(m.trust_p05);
                c.add(m.trust_p50);
                c.add(m.trust_p95);
            }
            for (double h : r.groups[0].histogram) c.add(h);
            std::printf("checksum_montecarlo_20k %016llx\n", static_cast<unsigned long long>(c.h));
        }
        std::printf("montecarlo_1M_x36_ms median=%.1f runs=5 (retained %.5f, chain %.5f)\n", mc, retained, chain);

    }
    if (want("montecarlo_large"))
    {  // the large plan (20 groups, 4 of them customers; 200 touchpoints, 300 actions) at 36 months
        Plan big = large;
        big.settings.horizon_months = 36;
        for (Action& a : big.actions) a.start_month = std::min(a.start_month, 36);
        SimulationOptions lo;
        lo.customers = 1000000;
        lo.seed = 1;
        double kept = 0;
        const double ms = median_ms(3, [&] {
            const SimulationResult r = simulate(big, lo);
            kept = r.groups[0].months.back().retained;
            g_sink = kept;
        });
        std::printf("montecarlo_large_1M_x36_ms median=%.1f runs=3 (retained %.17g)\n", ms, kept);
    }

    if (want("optimise")) {
        const Plan opt_plan = bench::example_like_plan(3, 24);
        double total = 0;
        for (const Action& a : opt_plan.actions) total += a.cost_once + a.cost_per_month * 36;
        OptimiseOptions oo;
        oo.budget = total * 0.35;
        oo.frontier_points = 0;
        OptimiseResult res;
        const double opt = median_ms(3, [&] { res = optimise(opt_plan, oo); });
        std::printf("optimise_24_actions_ms median=%.1f runs=3 (nodes %lld, chosen %zu, budget %.0f)\n", opt,
                    static_cast<long long>(res.nodes), res.chosen.size(), oo.budget);
        oo.objective = Objective::value;
        const double optv = median_ms(3, [&] { res = optimise(opt_plan, oo); });
        std::printf("optimise_24_actions_value_ms median=%.1f runs=3 (nodes %lld, chosen %zu)\n", optv,
                    static_cast<long long>(res.nodes), res.chosen.size());
    }
    if (want("load_validate")) bench_io();
    if (want("validate_typed")) bench_validate();
    if (want("merge")) bench_merge();
    return 0;
}
