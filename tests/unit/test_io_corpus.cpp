// The malformed-plan corpus: every tests/plans/bad/NAME.json is refused, and its first error line
// is exactly NAME.expected (first line, without the newline).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "test_io_util.hpp"

using namespace fiducia::io;
using namespace fiducia::io::test;

TEST_CASE("io corpus: every bad plan gives its expected first error") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(FIDUCIA_SOURCE_DIR) / "tests" / "plans" / "bad";
    std::error_code ec;
    std::vector<fs::path> plans;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json") plans.push_back(it->path());
    }
    IO_REQUIRE_MESSAGE(!ec, "cannot list " << dir.string() << ": " << ec.message());
    std::sort(plans.begin(), plans.end());
    CHECK(plans.size() >= 15);
    for (const fs::path& plan : plans) {
        CAPTURE(plan.filename().string());
        std::string text, expected;
        IO_REQUIRE(read_text(plan.string(), text));
        fs::path exp = plan;
        exp.replace_extension(".expected");
        IO_REQUIRE_MESSAGE(read_text(exp.string(), expected), "missing " << exp.string());
        std::size_t nl = expected.find('\n');
        if (nl != std::string::npos) expected.resize(nl);
        LoadResult r = load_plan(text);
        CHECK_FALSE(r.ok);
        IO_REQUIRE(!r.errors.empty());
        CHECK(r.errors[0] == expected);
    }
}
