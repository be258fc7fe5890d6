// The one place nlohmann/json is included (cmake/check_layers.cmake keeps it so): every number it
// reads goes through json_strtod (io/json_number.hpp), the same bits as strtod, without musl's
// software long doubles in WebAssembly. nlohmann calls std::strtod by name, so while its header is
// read, that name means our function; every translation unit sees the same definition.
#pragma once

#include <cstdlib>  // before the rename: the standard library's own strtod stays what it is
#include <string>

#include "io/json_number.hpp"

namespace std {
inline double fiducia_json_strtod(const char* text, char** end) noexcept { return fiducia::io::json_strtod(text, end); }
}  // namespace std

#define strtod fiducia_json_strtod
#include <nlohmann/json.hpp>
#undef strtod
