// libFuzzer target: any bytes into the plan loader (parse + validate). It must never crash, and a
// plan it accepts must save canonically, reload to the same text, and project without trouble.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/model.hpp"
#include "io/plan_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    fiducia::io::LoadResult loaded = fiducia::io::load_plan(text);
    if (!loaded.ok) {
        if (loaded.errors.empty()) std::abort();  // a refusal must say why
        return 0;
    }
    const std::string saved = fiducia::io::save_plan(loaded.plan);
    fiducia::io::LoadResult again = fiducia::io::load_plan(saved);
    if (!again.ok || fiducia::io::save_plan(again.plan) != saved) std::abort();  // lossless round trip
    if (loaded.plan.settings.horizon_months <= 120 && loaded.plan.touchpoints.size() < 400) {
        fiducia::Projection p = fiducia::project(loaded.plan);
        if (p.months.size() != static_cast<std::size_t>(loaded.plan.settings.horizon_months) + 1) std::abort();
    }
    return 0;
}
