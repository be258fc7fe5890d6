// Writes the fuzz targets' seeds made from the example plans (scripts/fuzz runs it before fuzzing):
// make_seeds <examples dir> <out dir> fills <out dir>/<target>/ for the targets whose input is not
// a plain plan: three plans with edits on both sides (fuzz_merge), the examples' workshop
// invitations, ratings files and short codes, and the examples written as version 0 (fuzz_migrate).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_parts.hpp"
#include "io/plan_file.hpp"
#include "io/workshop_files.hpp"

using namespace fiducia;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& dir, const std::string& name, const std::string& text) {
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(1, fuzz::kSeparator) : "") + parts[i];
    return out;
}

// The example as the pre-release version 0 wrote it: the culture inside the settings (migrate.cpp).
std::string as_version_0(const Plan& plan) {
    io::Json doc = io::plan_json(plan);
    doc["version"] = 0;
    for (auto it = doc["culture"].begin(); it != doc["culture"].end(); ++it) doc["settings"][it.key()] = it.value();
    doc.erase("culture");
    return io::dump_pretty(doc) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_seeds <examples dir> <out dir>\n";
        return 2;
    }
    const fs::path out = argv[2];
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(argv[1]))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (const fs::path& file : files) {
        std::stringstream buffer;
        buffer << std::ifstream(file, std::ios::binary).rdbuf();
        io::LoadResult loaded = io::load_plan(buffer.str());
        if (!loaded.ok) {
            std::cerr << file << ": " << loaded.errors.front() << "\n";
            return 1;
        }
        Plan plan = loaded.plan;
        const std::string name = file.stem().string();
        const std::string base = io::save_plan(plan);
        texts.push_back(base);

        // Merge: ours renames a group and changes a touchpoint; theirs renames the same group (a
        // conflict) and changes the horizon; and the plan against itself.
        Plan ours = plan, theirs = plan;
        if (!ours.stakeholders.empty()) ours.stakeholders[0].name += " (ours)";
        if (!ours.touchpoints.empty()) ours.touchpoints[0].bad_share /= 2;
        if (!theirs.stakeholders.empty()) theirs.stakeholders[0].name += " (theirs)";
        theirs.settings.horizon_months = theirs.settings.horizon_months > 12 ? 12 : 24;
        write(out / "fuzz_merge", name + "-edits", joined({base, io::save_plan(ours), io::save_plan(theirs)}));
        write(out / "fuzz_merge", name + "-same", base);

        // Workshop: the invitation for up to four of the example's groups, a participant's ratings
        // (a "not sure" cell left out), the same with importance, and both as codes.
        io::Invitation inv;
        inv.id = io::short_id(name, 8);
        inv.title = "Workshop " + name;
        for (std::size_t i = 0; i < plan.stakeholders.size() && i < 4; ++i)
            inv.stakeholders.push_back({plan.stakeholders[i].id, plan.stakeholders[i].name});
        io::RatingsFile ratings;
        ratings.workshop = inv.id;
        ratings.participant_id = io::short_id(name + "p", 8);
        ratings.name = "Participant";
        int cell = 0;
        for (const auto& g : inv.stakeholders)
            for (Dimension d : inv.dimensions)
                if (++cell % 7 != 0) ratings.ratings.push_back({g.id, d, 1 + cell % 9});
        io::RatingsFile judged = ratings;
        for (const auto& g : inv.stakeholders) judged.importance.push_back({g.id, inv.dimensions[0], 1 + cell++ % 5});
        const std::string invitation = io::save_invitation(inv);
        write(out / "fuzz_invitation", name, invitation);
        write(out / "fuzz_ratings", name, joined({invitation, io::save_ratings(ratings)}));
        write(out / "fuzz_ratings", name + "-importance", joined({invitation, io::save_ratings(judged)}));
        write(out / "fuzz_code", name, joined({invitation, io::ratings_code(inv, ratings)}));
        write(out / "fuzz_code", name + "-importance", joined({invitation, io::ratings_code(inv, judged)}));

        write(out / "fuzz_migrate", name + "-v0", as_version_0(plan));
        write(out / "fuzz_migrate", name, base);
    }
    if (texts.size() >= 3) write(out / "fuzz_merge", "three-examples", joined({texts[0], texts[1], texts[2]}));
    return 0;
}
