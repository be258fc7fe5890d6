// libFuzzer target: three plans cut from one input (base, ours, theirs; fuzz_parts.hpp) through
// diff and three-way merge. Never a crash; a plan compared with itself has no change; a plan merged
// with itself is itself; a merge that succeeds is a valid plan; picking a side settles a conflict.
#include <map>
#include <string>

#include "fuzz_parts.hpp"
#include "io/diff.hpp"
#include "io/merge.hpp"
#include "io/plan_file.hpp"

using namespace fiducia;
using fiducia::fuzz::fail;

namespace {

// Diff projects both plans: keep to plans the projection finishes quickly (as fuzz_load does).
bool small(const Plan& plan) {
    return plan.settings.horizon_months <= 120 && plan.touchpoints.size() < 400;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = fuzz::cut(data, size, 3);
    io::LoadResult base = io::load_plan(parts[0]);
    if (!base.ok || !small(base.plan)) return 0;
    io::LoadResult ours = io::load_plan(parts[1]);
    io::LoadResult theirs = io::load_plan(parts[2]);
    if (!ours.ok || !theirs.ok || !small(ours.plan) || !small(theirs.plan)) return 0;

    if (!io::diff_plans(base.plan, base.plan).same()) fail("a plan differs from itself");
    io::PlanDiff diff = io::diff_plans(ours.plan, theirs.plan);
    (void)io::diff_json(diff);
    if (diff.same() != (io::canonical_json(ours.plan) == io::canonical_json(theirs.plan)))
        fail("diff says same for different plans, or different for the same");

    io::MergeResult self = io::merge_plans(ours.plan, ours.plan, ours.plan);
    if (!self.ok || io::canonical_json(self.plan) != io::canonical_json(ours.plan)) fail("a plan merged with itself changed");

    io::MergeResult merged = io::merge_plans(base.plan, ours.plan, theirs.plan);
    (void)io::merge_report_json(merged);
    if (merged.ok) {
        if (!merged.conflicts.empty()) fail("a merge with conflicts says ok");
        if (!io::load_plan(io::save_plan(merged.plan)).ok) fail("a successful merge is not a valid plan");
    }
    // The person picks ours wherever they are asked: no conflict they settled comes back.
    std::map<std::string, io::Side> picks;
    for (const io::Conflict& c : merged.conflicts) picks[c.path] = io::Side::ours;
    if (!picks.empty()) {
        io::MergeResult again = io::merge_plans(base.plan, ours.plan, theirs.plan, picks);
        (void)io::merge_report_json(again);
        for (const io::Conflict& c : again.conflicts)
            if (picks.count(c.path)) fail("a picked conflict is asked again");
        if (again.ok && !io::load_plan(io::save_plan(again.plan)).ok) fail("a merge with picks is not a valid plan");
    }
    return 0;
}
