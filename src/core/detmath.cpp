// Deterministic exp/log/pow/cbrt (see detmath.hpp). Reduction constants are those of fdlibm;
// the polynomials are the Taylor series, truncated where the next term is below 1e-17.
#include "core/detmath.hpp"

#include <cmath>  // std::sqrt only (correctly rounded everywhere), NAN/INFINITY
#include <cstdint>
#include <cstring>

namespace fiducia::dm {
namespace {

std::uint64_t bits_of(double x) {
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    return u;
}

double from_bits(std::uint64_t u) {
    double x;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

// 2^k for k in [-1022, 1023], built from its bits (exact).
double pow2(int k) { return from_bits(static_cast<std::uint64_t>(k + 1023) << 52); }

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // upper 32 bits of ln 2: k*kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 1.44269504088896338700e+00;

}  // namespace

double exp(double x) {
    if (x != x) return x;
    if (x > 709.782712893383973096) return INFINITY;
    if (x < -745.2) return 0.0;
    // x = k ln2 + r, |r| <= ln2/2
    const double kd = x * kInvLn2;
    const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
    const double hi = x - k * kLn2Hi;
    const double lo = k * kLn2Lo;
    const double r = hi - lo;
    // e^r = sum r^n/n!, n = 0..13 (|r| <= 0.347: the first term left out is < 5e-18)
    double p = 1.0 / 6227020800.0;   // 1/13!
    p = 1.0 / 479001600.0 + r * p;   // 1/12!
    p = 1.0 / 39916800.0 + r * p;
    p = 1.0 / 3628800.0 + r * p;
    p = 1.0 / 362880.0 + r * p;
    p = 1.0 / 40320.0 + r * p;
    p = 1.0 / 5040.0 + r * p;
    p = 1.0 / 720.0 + r * p;
    p = 1.0 / 120.0 + r * p;
    p = 1.0 / 24.0 + r * p;
    p = 1.0 / 6.0 + r * p;
    p = 0.5 + r * p;
    // 1 + r + r^2 p: add the small part first so the rounding is once, at the end
    const double y = 1.0 + (r + (r * r) * p);
    if (k >= -1021) {
        if (k <= 1023) return y * pow2(k);
        return (y * pow2(k - 1)) * 2.0;
    }
    return (y * pow2(k + 54)) * pow2(-54);  // subnormal result
}

double log(double x) {
    if (x != x || x < 0) return NAN;
    if (x == 0) return -INFINITY;
    if (x == INFINITY) return x;
    int e = 0;
    if (x < 2.2250738585072014e-308) {  // subnormal: scale into the normal range
        x *= 18014398509481984.0;       // 2^54
        e = -54;
    }
    const std::uint64_t u = bits_of(x);
    e += static_cast<int>((u >> 52) & 0x7ff) - 1023;
    double m = from_bits((u & 0x000fffffffffffffULL) | (1023ULL << 52));  // [1, 2)
    if (m > 1.41421356237309504880) {
        m *= 0.5;
        e += 1;
    }
    // log(1+f) = 2 atanh(s), s = f/(2+f); f - hfsq + s (hfsq + R) as in fdlibm
    const double f = m - 1.0;  // exact (Sterbenz)
    const double s = f / (2.0 + f);
    const double z = s * s;
    double R = 2.0 / 25.0;
    R = 2.0 / 23.0 + z * R;
    R = 2.0 / 21.0 + z * R;
    R = 2.0 / 19.0 + z * R;
    R = 2.0 / 17.0 + z * R;
    R = 2.0 / 15.0 + z * R;
    R = 2.0 / 13.0 + z * R;
    R = 2.0 / 11.0 + z * R;
    R = 2.0 / 9.0 + z * R;
    R = 2.0 / 7.0 + z * R;
    R = 2.0 / 5.0 + z * R;
    R = 2.0 / 3.0 + z * R;
    R = z * R;
    const double hfsq = 0.5 * f * f;
    const double lm = f - (hfsq - s * (hfsq + R));
    if (e == 0) return lm;
    return e * kLn2Hi + (lm + e * kLn2Lo);
}

double pow(double x, double y) {
    if (y == 0) return 1.0;
    if (x != x || y != y) return NAN;
    if (x == 0) return y > 0 ? 0.0 : INFINITY;
    if (x < 0) return NAN;  // not needed by the model
    if (x == 1) return 1.0;
    return exp(y * log(x));
}

double cbrt(double x) {
    if (x != x || x == 0 || x == INFINITY || x == -INFINITY) return x;
    const bool neg = x < 0;
    const double a = neg ? -x : x;
    double y = exp(log(a) / 3.0);
    y = y - (y * y * y - a) / (3.0 * y * y);  // one Newton step
    return neg ? -y : y;
}

}  // namespace fiducia::dm
