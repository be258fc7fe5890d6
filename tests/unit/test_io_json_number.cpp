// json_strtod (io/json_number.hpp) must give strtod's bits and end pointer for every JSON number:
// the fast path on the numbers plans hold, the general path beyond it.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/json_number.hpp"
#include "io/json_util.hpp"

namespace {

void same_as_strtod(const std::string& text) {
    char* end_ours = nullptr;
    char* end_libc = nullptr;
    const double ours = fiducia::io::json_strtod(text.c_str(), &end_ours);
    const double libc = std::strtod(text.c_str(), &end_libc);
    std::uint64_t a, b;
    std::memcpy(&a, &ours, sizeof a);
    std::memcpy(&b, &libc, sizeof b);
    CAPTURE(text);
    CHECK(a == b);
    CHECK(end_ours - text.c_str() == end_libc - text.c_str());
}

}  // namespace

TEST_CASE("json_strtod gives strtod's bits for every kind of JSON number") {
    for (const char* text : {"0", "-0", "0.0", "-0.0", "1", "0.35", "12000", "1.5e-3", "1E22", "1e23", "9007199254740992",
                             "9007199254740993", "123456789012345678", "1234567890123456789012", "0.1", "0.3",
                             "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", "1e400", "1e-400",
                             "0e100", "0.000000000000000000000000001", "3.14159265358979323846", "100.000", "-7.25e+2"})
        same_as_strtod(text);
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&] {  // splitmix64: the test's own numbers, the same on every machine
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    for (int i = 0; i < 200000; ++i) {
        std::string text = next() % 4 == 0 ? "-" : "";
        const int int_digits = 1 + static_cast<int>(next() % 12);
        for (int d = 0; d < int_digits; ++d) text += static_cast<char>('0' + (d == 0 && int_digits > 1 ? 1 + next() % 9 : next() % 10));
        if (next() % 2) {
            text += '.';
            const int frac = 1 + static_cast<int>(next() % 12);
            for (int d = 0; d < frac; ++d) text += static_cast<char>('0' + next() % 10);
        }
        if (next() % 3 == 0) text += "e" + std::to_string(static_cast<int>(next() % 61) - 30);
        same_as_strtod(text);
    }
}

TEST_CASE("JSON numbers read through nlohmann are exact") {
    std::string error;
    const auto doc = fiducia::io::parse_json("[0.1, 0.35, 1.5e-3, 1e23, 3.14159265358979323846]", error);
    REQUIRE(doc);
    CHECK((*doc)[0].get<double>() == 0.1);
    CHECK((*doc)[1].get<double>() == 0.35);
    CHECK((*doc)[2].get<double>() == 1.5e-3);
    CHECK((*doc)[3].get<double>() == 1e23);
    CHECK((*doc)[4].get<double>() == 3.14159265358979323846);
}
