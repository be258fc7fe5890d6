// What the fuzz targets share: one input cut into parts at the record separator byte 0x1E (never
// valid in a JSON file outside a string, so a plan loses nothing), and a hard stop that names why.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace fiducia::fuzz {

inline constexpr char kSeparator = '\x1e';

// Up to `count` parts; a missing part repeats the one before it (one plan is base, ours and theirs).
inline std::vector<std::string_view> cut(const std::uint8_t* data, std::size_t size, std::size_t count) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < count) {
        std::size_t at = rest.find(kSeparator);
        if (at == std::string_view::npos) break;
        parts.push_back(rest.substr(0, at));
        rest.remove_prefix(at + 1);
    }
    parts.push_back(rest);
    while (parts.size() < count) parts.push_back(parts.back());
    return parts;
}

// A broken promise of the code under test: libFuzzer keeps the input that caused it.
[[noreturn]] inline void fail(const char* why) {
    std::fprintf(stderr, "fuzz: %s\n", why);
    std::abort();
}

}  // namespace fiducia::fuzz
