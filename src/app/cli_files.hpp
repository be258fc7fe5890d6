// Files for the `fiducia` command-line tool (src/app/cli*.cpp): read with std::fopen so the same
// code runs under node (Emscripten NODERAWFS).
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "io/json_util.hpp"

namespace fiducia::cli {

// Reads a whole file (at most a little over the plan size limit, so the loader can refuse it).
inline std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot open '" + path + "': " + std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    char buffer[1 << 16];
    while (text.size() <= io::kMaxFileBytes) {
        std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
        if (n == 0) break;
        text.append(buffer, n);
    }
    bool failed = std::ferror(f) != 0;
    int err = errno;
    std::fclose(f);
    if (failed) {
        error = "cannot read '" + path + "': " + std::strerror(err);
        return std::nullopt;
    }
    return text;
}

inline bool write_file(const std::string& path, const std::string& text, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) error = "cannot write '" + path + "': " + std::strerror(errno);
    return ok;
}

// The compare and merge commands (src/app/cli_compare.cpp): argv as main got it.
int run_compare_command(int argc, char** argv);
// The survey commands, drivers and survey (src/app/cli_survey.cpp): argv as main got it.
int run_survey_command(int argc, char** argv);

}  // namespace fiducia::cli
