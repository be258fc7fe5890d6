// Interval arithmetic for the optimiser's bounds: every model formula is written once as a template
// over the number type (double or Interval), so a bound is the same arithmetic on the end points.
// Operations on end points are the double operations themselves; rounding is monotone, so a point
// inside an interval evaluates inside the computed interval up to ties in the last bit.
#pragma once

#include <algorithm>

namespace fiducia::core {

struct Interval {
    double lo = 0, hi = 0;
    Interval() = default;
    Interval(double x) : lo(x), hi(x) {}  // NOLINT: implicit, so templates mix doubles in
    Interval(double l, double h) : lo(l), hi(h) {}
};

inline Interval operator+(Interval a, Interval b) { return {a.lo + b.lo, a.hi + b.hi}; }
inline Interval operator-(Interval a, Interval b) { return {a.lo - b.hi, a.hi - b.lo}; }
inline Interval operator*(Interval a, Interval b) {
    if (a.lo >= 0 && b.lo >= 0) return {a.lo * b.lo, a.hi * b.hi};  // the common case
    const double p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi;
    return {std::min(std::min(p1, p2), std::min(p3, p4)), std::max(std::max(p1, p2), std::max(p3, p4))};
}
inline Interval operator/(Interval a, double d) { return {a.lo / d, a.hi / d}; }  // d > 0
inline Interval& operator+=(Interval& a, Interval b) { return a = a + b; }
inline Interval& operator*=(Interval& a, Interval b) { return a = a * b; }

inline Interval hull(Interval a, Interval b) { return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)}; }

// Uniform helpers for both number types.
inline double lower(double x) { return x; }
inline double upper(double x) { return x; }
inline double lower(Interval x) { return x.lo; }
inline double upper(Interval x) { return x.hi; }

inline double clamp_to(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
inline Interval clamp_to(Interval x, double lo, double hi) {
    return {clamp_to(x.lo, lo, hi), clamp_to(x.hi, lo, hi)};
}

template <class F>
inline double monotone(double x, F f) { return f(x); }
template <class F>
inline Interval monotone(Interval x, F f) { return {f(x.lo), f(x.hi)}; }  // f increasing

}  // namespace fiducia::core
