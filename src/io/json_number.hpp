// Reading JSON numbers fast and exactly. nlohmann reads every number with std::strtod; musl's
// strtod (WebAssembly) computes in 128-bit software long doubles, 19x slower than glibc's, and a
// 10 MB plan holds a quarter of a million numbers. Most plan numbers (0.35, 12000, 1.5e-3) have at
// most 15 significant digits and a small exponent: then one IEEE multiplication or division of two
// exact doubles is the correctly rounded value (Clinger's fast path), the same bits strtod gives.
// Everything else goes to strtod. Included only by io/json_library.hpp, which routes nlohmann to it.
#pragma once

namespace fiducia::io {

// strtod for the text of one JSON number (nlohmann hands over a checked token): same result, same
// end pointer.
double json_strtod(const char* text, char** end) noexcept;

}  // namespace fiducia::io
