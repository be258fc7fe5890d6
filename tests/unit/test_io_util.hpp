// Helpers shared by the io tests: reading files from the source tree and editing a plan's JSON.
#pragma once

#include <cstdio>
#include "io/json_library.hpp"
#include <string>
#include <vector>

#include "io/plan_file.hpp"

#ifndef FIDUCIA_SOURCE_DIR
#define FIDUCIA_SOURCE_DIR "."
#endif

// doctest's REQUIRE needs exceptions; the project builds without them. These check and leave the
// test case on failure instead.
#define IO_REQUIRE(...)            \
    do {                           \
        bool io_ok_ = (__VA_ARGS__); \
        CHECK(io_ok_);             \
        if (!io_ok_) return;       \
    } while (false)
#define IO_REQUIRE_MESSAGE(cond, msg)  \
    do {                               \
        bool io_ok_ = (cond);          \
        CHECK_MESSAGE(io_ok_, msg);    \
        if (!io_ok_) return;           \
    } while (false)

namespace fiducia::io::test {

using Json = nlohmann::ordered_json;

inline std::string source_path(const std::string& relative) {
    return std::string(FIDUCIA_SOURCE_DIR) + "/" + relative;
}

inline bool read_text(const std::string& path, std::string& out) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    out.clear();
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
    std::fclose(f);
    return true;
}

inline std::string example_text(const std::string& name) {
    std::string text;
    read_text(source_path("assets/examples/" + name + ".json"), text);
    return text;
}

inline const std::vector<std::string>& example_names() {
    static const std::vector<std::string> names = {"retail-bank", "online-shop", "b2b-software"};
    return names;
}

inline Json example_json(const std::string& name) {
    return Json::parse(example_text(name), nullptr, false);
}

inline bool has_error(const LoadResult& r, const std::string& error) {
    for (const std::string& e : r.errors) {
        if (e == error) return true;
    }
    return false;
}

inline std::string all_errors(const LoadResult& r) {
    std::string s;
    for (const std::string& e : r.errors) s += e + "\n";
    return s;
}

}  // namespace fiducia::io::test
