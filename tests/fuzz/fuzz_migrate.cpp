// libFuzzer target: any JSON through the format migrations from every older version. Never a
// crash; every version below the current one has a path to it; the result says the current
// version; a migrated plan loads exactly as the loader, which migrates itself, loads the original.
#include <string>
#include <vector>

#include "fuzz_parts.hpp"
#include "io/json_util.hpp"
#include "io/migrate.hpp"
#include "io/plan_file.hpp"

using namespace fiducia;
using fiducia::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (io::precheck_text(text)) return 0;
    std::string parse_error;
    std::vector<io::Problem> duplicates;
    std::optional<io::Json> parsed = io::parse_json(text, parse_error, &duplicates);
    if (!parsed) return 0;
    for (int from = 0; from < io::kFormatVersion; ++from) {
        io::Json doc = *parsed;
        std::string error;
        if (!io::migrate(doc, from, io::kFormatVersion, error)) fail("no migration path to the current version");
        if (doc.is_object() && doc["version"] != io::kFormatVersion) fail("a migrated document names an old version");
        io::Json again = doc;
        if (!io::migrate(again, io::kFormatVersion, io::kFormatVersion, error) || again != doc)
            fail("migrating a current document changed it");
    }
    // The loader migrates by the file's own version: the same as migrating first, then loading
    // (a key named twice is refused by the loader and lost by the parsed document: not comparable).
    if (duplicates.empty() && parsed->is_object() && parsed->contains("version") && (*parsed)["version"].is_number_integer()) {
        const std::int64_t version = (*parsed)["version"].get<std::int64_t>();
        if (version >= 0 && version < io::kFormatVersion) {
            io::Json doc = *parsed;
            std::string error;
            io::migrate(doc, static_cast<int>(version), io::kFormatVersion, error);
            io::LoadResult direct = io::load_plan(text);
            io::LoadResult migrated = io::load_plan(io::dump_pretty(doc));
            if (direct.ok != migrated.ok) fail("the loader and the migration disagree on a plan");
            if (direct.ok && io::save_plan(direct.plan) != io::save_plan(migrated.plan))
                fail("the loader and the migration give different plans");
        }
    }
    return 0;
}
