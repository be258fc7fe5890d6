// Plan-file benchmarks, called from bench_core's main: a ~10 MB canonical plan (the large benchmark
// plan grown with many touchpoints, observations and workshop ratings) loaded (parse + validate)
// and saved. Prints `load_validate_10mb_ms median=X bytes=N` and `save_10mb_ms median=X`; bench_validate
// times the editors' live check.
// Runs natively and under node (no threads, no files).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "io/diff.hpp"
#include "io/merge.hpp"
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

}  // namespace

void bench_io() {
    std::string text;
    const Plan plan = bench::grown_plan(10u * 1000u * 1000u, text);

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

    // What opening a file in the app does later (App::settle_opened, at the first autosave, which
    // needs the same text): the canonical text and content hash that name the plan. Opening itself
    // is the load above.
    io::LoadResult opened = io::load_plan(text);
    const double name = io_median_ms(5, [&] {
        const std::string canonical = io::save_plan(opened.plan);
        ok = ok && io::content_hash(opened.plan, canonical).size() > 7;
    });
    std::printf("name_opened_10mb_ms median=%.1f runs=5 (canonical text and content hash, at the first autosave)\n", name);

    std::size_t saved_bytes = 0;
    const double save = io_median_ms(5, [&] { saved_bytes = io::save_plan(plan).size(); });
    std::printf("save_10mb_ms median=%.1f runs=5 (same bytes: %s)\n", save, saved_bytes == text.size() ? "yes" : "NO");
}

// The editors' live check on the large benchmark plan, measured in the same run both ways: walking
// the typed plan (io::validate) and the file reader run on its canonical document (as before).
// Prints `validate_typed_large_ms median=X` and `validate_via_json_large_ms median=Y`.
void bench_validate() {
    const Plan plan = bench::large_plan(1);
    std::size_t typed = 0, via_json = 0;
    const double t = io_median_ms(21, [&] { typed = io::validate(plan).size(); });
    const double j = io_median_ms(21, [&] { via_json = io::validate_via_json(plan).size(); });
    std::printf("validate_typed_large_ms median=%.3f runs=21 (problems %zu)\n", t, typed);
    std::printf("validate_via_json_large_ms median=%.3f runs=21 (problems %zu, %.0fx the typed walk)\n", j, via_json,
                t > 0 ? j / t : 0.0);
}

// Two colleagues' edited copies of the 10 MB plan merged against it (and diffed): every 50th
// touchpoint's bad share changed by ours, every 50th (offset 25) renamed by theirs, each side
// removing some measurements and adding touchpoints. Prints `merge_10mb_ms median=X` and
// `diff_10mb_ms median=X`.
void bench_merge() {
    std::string text;
    const Plan base = bench::grown_plan(10u * 1000u * 1000u, text);
    Plan ours = base, theirs = base;
    for (std::size_t i = 0; i < base.touchpoints.size(); i += 50) ours.touchpoints[i].bad_share = 0.2;
    for (std::size_t i = 25; i < base.touchpoints.size(); i += 50) theirs.touchpoints[i].name += " (renamed)";
    ours.observations.erase(ours.observations.begin(), ours.observations.begin() + 100);
    theirs.observations.resize(theirs.observations.size() - 100);
    for (int i = 0; i < 50; ++i) {
        Touchpoint t = base.touchpoints[static_cast<std::size_t>(i)];
        t.id = "ours-added-" + std::to_string(i);
        ours.touchpoints.push_back(t);
        t.id = "theirs-added-" + std::to_string(i);
        theirs.touchpoints.push_back(t);
    }
    std::size_t conflicts = 0, from_theirs = 0;
    bool ok = false;
    const std::clock_t cpu0 = std::clock();
    const double merge = io_median_ms(3, [&] {
        io::MergeResult r = io::merge_plans(base, ours, theirs);
        ok = r.ok;
        conflicts = r.conflicts.size();
        from_theirs = r.from_theirs;
    });
    // Processor time too: on a shared machine the wall clock mostly measures the neighbours.
    const double cpu = 1000.0 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC / 3;
    std::printf("merge_10mb_ms median=%.1f runs=3 cpu_mean=%.1f bytes=%zu (clean %s, conflicts %zu, taken from theirs %zu)\n",
                merge, cpu, text.size(), ok ? "yes" : "NO", conflicts, from_theirs);
    std::size_t changes = 0;
    const double diff = io_median_ms(3, [&] { changes = io::diff_plans(ours, theirs).entities.size(); });
    std::printf("diff_10mb_ms median=%.1f runs=3 (entities changed %zu)\n", diff, changes);
}
