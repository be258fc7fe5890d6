// Format migrations: an ordered list of `from -> to` steps applied to the parsed JSON before it is
// validated as the current version. Each step is a small function on the document.
#pragma once

#include <string>
#include <vector>

#include "io/json_util.hpp"

namespace fiducia::io {

struct Migration {
    int from = 0;
    int to = 0;
    const char* summary = "";   // one line: what changed
    void (*apply)(Json& doc) = nullptr;
};

// Every known step, in order (each `to` is the next step's `from`).
const std::vector<Migration>& migrations();

// Upgrades `doc` (its "version" says `from`) step by step to kFormatVersion and sets its
// "version". Returns false with `error` set when no step starts at some version on the way.
bool migrate(Json& doc, int from, int to, std::string& error);

}  // namespace fiducia::io
