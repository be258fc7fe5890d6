#include "io/json_number.hpp"

#include <cstdint>
#include <cstdlib>

namespace fiducia::io {

namespace {
// 10^0 .. 10^22: every one an exact double (5^22 < 2^53).
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kExactMantissa = std::uint64_t{1} << 53;  // every integer up to here is exact
}  // namespace

double json_strtod(const char* text, char** end) noexcept {
    const char* p = text;
    const bool negative = *p == '-';
    if (negative) ++p;
    std::uint64_t mantissa = 0;
    int digits = 0;    // significant digits read into the mantissa (leading zeros not counted)
    int exponent = 0;  // decimal exponent of the mantissa's last digit
    bool any = false;
    for (; *p >= '0' && *p <= '9'; ++p, any = true) {
        if (mantissa == 0 && *p == '0') continue;
        if (++digits > 19) return std::strtod(text, end);  // would overflow: the general path
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
    }
    if (*p == '.') {
        ++p;
        for (; *p >= '0' && *p <= '9'; ++p, any = true) {
            --exponent;
            if (mantissa == 0 && *p == '0') continue;
            if (++digits > 19) return std::strtod(text, end);
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
        }
    }
    if (!any) return std::strtod(text, end);
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        const bool minus = *q == '-';
        if (*q == '+' || *q == '-') ++q;
        if (!(*q >= '0' && *q <= '9')) return std::strtod(text, end);
        int e = 0;
        for (; *q >= '0' && *q <= '9'; ++q) {
            if (e > 100000) return std::strtod(text, end);  // absurd exponents: the general path
            e = e * 10 + (*q - '0');
        }
        exponent += minus ? -e : e;
        p = q;
    }
    if (mantissa > kExactMantissa || exponent < -22 || exponent > 22) return std::strtod(text, end);
    double value = static_cast<double>(mantissa);  // exact
    value = exponent < 0 ? value / kPow10[-exponent] : value * kPow10[exponent];  // one rounding
    if (end) *end = const_cast<char*>(p);
    return negative ? -value : value;
}

}  // namespace fiducia::io
