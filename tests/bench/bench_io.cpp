// Plan-file benchmarks, called from bench_core's main: a ~10 MB canonical plan (the large benchmark
// plan grown with many touchpoints, observations and workshop ratings) loaded (parse + validate)
// and saved. Prints `load_validate_10mb_ms median=X bytes=N` and `save_10mb_ms median=X`.
// Runs natively and under node (no threads, no files).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "io/plan_file.hpp"
#include "plan_generator.hpp"

using namespace fiducia;

namespace {

template <typename Work>
double io_median_ms(int runs, Work&& work) {
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

void bench_io() {
    constexpr std::size_t kTarget = 10u * 1000u * 1000u;
    Plan plan = bench::large_plan(1);
    std::string text = io::save_plan(plan);
    // Grow in steps sized from the last measured batch, so only a few saves are needed.
    int batch = 0;
    while (text.size() < kTarget) {
        const std::size_t before = text.size();
        grow(plan, batch++);
        text = io::save_plan(plan);
        const std::size_t per_batch = std::max<std::size_t>(1, text.size() - before);
        const std::size_t missing = text.size() < kTarget ? kTarget - text.size() : 0;
        for (std::size_t extra = missing / per_batch; extra > 1; --extra) grow(plan, batch++);
        if (missing / per_batch > 1) text = io::save_plan(plan);
    }

    bool ok = true;
    std::size_t errors = 0;
    const double load = io_median_ms(5, [&] {
        io::LoadResult r = io::load_plan(text);
        ok = ok && r.ok;
        errors = r.errors.size();
    });
    if (!ok) std::printf("bench_io: the generated plan did not load (%zu errors)\n", errors);
    std::printf("load_validate_10mb_ms median=%.1f runs=5 bytes=%zu (touchpoints %zu, observations %zu, ratings %zu)\n",
                load, text.size(), plan.touchpoints.size(), plan.observations.size(), plan.workshop.ratings.size());

    std::size_t saved_bytes = 0;
    const double save = io_median_ms(5, [&] { saved_bytes = io::save_plan(plan).size(); });
    std::printf("save_10mb_ms median=%.1f runs=5 (same bytes: %s)\n", save, saved_bytes == text.size() ? "yes" : "NO");
}
