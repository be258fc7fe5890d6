// Every sensitivity input changes exactly the plan field its JSON pointer names: checked against
// an independent edit of the saved file (which once caught a setter writing the wrong field).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/json_library.hpp"

#include "core/model.hpp"
#include "io/plan_file.hpp"

#ifndef FIDUCIA_SOURCE_DIR
#define FIDUCIA_SOURCE_DIR "."
#endif

using namespace fiducia;

TEST_CASE("sensitivity: each input's low side equals editing that field in the file by hand") {
    int checked = 0, effects = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        io::LoadResult loaded = io::load_plan(text.str());
        REQUIRE(loaded.ok);
        const nlohmann::ordered_json file = nlohmann::ordered_json::parse(text.str(), nullptr, false);
        for (const SensitivityItem& item : sensitivity(loaded.plan)) {
            CAPTURE(entry.path().filename().string());
            CAPTURE(item.input);
            nlohmann::ordered_json edited = file;
            const nlohmann::ordered_json::json_pointer at(item.input);
            REQUIRE(edited.contains(at));
            edited[at] = item.value * 0.8;
            io::LoadResult changed = io::load_plan(edited.dump());
            if (!changed.ok) continue;  // -20% leaves the field's range (e.g. a base rate of 0.01)
            const Projection p = project(changed.plan);
            CHECK(item.trust_low == doctest::Approx(p.months.back().trust_index).epsilon(1e-12));
            ++checked;
            effects += item.input.find("/effects/") != std::string::npos;
        }
    }
    CHECK(checked > 150);
    CHECK(effects > 10);  // action effect sizes are inputs too
}
