// The project's own random generator (MODEL.md "Monte Carlo"): xoshiro256** seeded through
// splitmix64, uniform doubles from the top 53 bits. No std:: distribution anywhere, so one seed
// gives the same numbers natively and in the browser.
#pragma once

#include <cstdint>

namespace fiducia::core {

// splitmix64's output function: a bijective 64-bit mixer.
inline std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() { return mix64(state += 0x9e3779b97f4a7c15ULL); }
};

// One xoshiro256** step on a state held in four words. W is std::uint64_t or a GCC/clang generic
// vector of them (several independent streams at once, e.g. the Monte Carlo's customers): the
// multiplications by 5 and 9 are written as shifts and adds, which vector units have for 64 bits.
template <class W>
inline W xoshiro_step(W& s0, W& s1, W& s2, W& s3) {
    W x = s1 + (s1 << 2);      // s1 * 5
    x = (x << 7) | (x >> 57);  // rotl(., 7)
    const W result = x + (x << 3);  // * 9
    const W t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 45) | (s3 >> 19);
    return result;
}

// The four state words of xoshiro256** for a seed (splitmix64, as Rng does).
inline void xoshiro_seed(std::uint64_t seed, std::uint64_t s[4]) {
    SplitMix64 sm{seed};
    for (int i = 0; i < 4; ++i) s[i] = sm.next();
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) { xoshiro_seed(seed, s_); }
    std::uint64_t next() { return xoshiro_step(s_[0], s_[1], s_[2], s_[3]); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t s_[4];
};

// The seed of an independent stream for (seed, a, b), e.g. (plan seed, group, customer index):
// a customer's draws do not depend on how the work is sliced.
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = mix64(seed + 0x9e3779b97f4a7c15ULL);
    h = mix64(h ^ (a + 0x632be59bd9b4e019ULL));
    h = mix64(h ^ (b + 0x85157af5ULL * 0x9e3779b9ULL));
    return h;
}

}  // namespace fiducia::core
