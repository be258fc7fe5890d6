// Monte Carlo (MODEL.md "Monte Carlo"): every customer of every `customers` group simulated month
// by month, in blocks of 64 customers held as structure of arrays (two customers per generic
// vector, which g++ and emcc -msimd128 both map to 128-bit SIMD; integer and IEEE +-*/ only, no
// contraction, so the same bits natively and in WebAssembly). Each customer's random stream comes
// from (seed, group, customer index) and is consumed in a fixed order, so results do not depend on
// slice sizes or on which block a customer falls in. All per-month parameters and Poisson tables
// (integer alias tables, compared against raw 32-bit uniforms) are computed once, outside the
// customer loop; the outputs are integer counters (alive per month, a 2000-bin trust histogram
// per month).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "core/chain.hpp"
#include "core/detmath.hpp"
#include "core/evidence.hpp"
#include "core/model.hpp"
#include "core/params.hpp"
#include "core/rng.hpp"

namespace fiducia {

using core::ActState;
using core::CGroup;
using core::Compiled;
using core::Evidence;
using core::SourceKind;
using core::SourceRef;
using core::Vec5;

namespace {

constexpr int kFineBins = 2000;   // trust histogram resolution for the percentiles
constexpr double kChunkMean = 10; // Poisson means above this are split into equal chunks
constexpr int kRatioTable = 48;   // precomputed S(k+n)/S(k) for k, n below this
constexpr int kBlock = 64;        // customers per block (see run_block)
constexpr int kVec = kBlock / 2;  // two customers per vector

// Generic vectors (GCC and clang, natively and in WebAssembly): two customers side by side. The
// same scalar operations run per lane on every target, so the numbers do not depend on the width.
typedef std::uint64_t u64x2 __attribute__((vector_size(16)));
typedef double f64x2 __attribute__((vector_size(16)));
typedef std::uint32_t u32x2 __attribute__((vector_size(8)));

inline f64x2 splat(double x) { return f64x2{x, x}; }

// P(u < thr) for a uniform 32-bit u: probability x as a 33-bit threshold (1 -> 2^32, always).
inline std::uint64_t threshold32(double x) {
    if (!(x > 0)) return 0;
    if (x >= 1) return std::uint64_t{1} << 32;
    return static_cast<std::uint64_t>(x * 0x1.0p32);
}

// Poisson(mean) from a table of its probabilities (support cut where the pmf falls below 1e-17,
// exp(-mean) from detmath), sampled with Walker's alias method on one 32-bit uniform, integers
// only: the table has 64 entries (the pmf padded with zeros), the top 6 bits pick the entry and
// the other 26 are compared with its threshold (probabilities to 2^-32). An entry is one word,
// threshold << 6 | alias. Means above 10 (support past 48) are a sum of equal chunks of mean
// <= 10, one uniform each.
constexpr int kAliasBits = 6;
constexpr int kAliasSize = 1 << kAliasBits;

struct PoissonTable {
    int chunks = 0;  // 0: always 0
    int offset = 0;  // into the pool's entries
};

inline int alias_sample(const std::uint32_t* e, std::uint32_t u) {
    const std::uint32_t i = u >> (32 - kAliasBits);
    const std::uint32_t key = e[i];
    const std::uint32_t keep = 0u - static_cast<std::uint32_t>((u << kAliasBits) < (key & ~std::uint32_t{kAliasSize - 1}));
    const std::uint32_t a = key & (kAliasSize - 1);
    return static_cast<int>(a ^ ((a ^ i) & keep));  // no branch
}

class PoissonPool {
public:
    // One table per distinct mean: most months repeat the month before (an action's effect holds),
    // and building a table is most of the set-up's time on a large plan.
    PoissonTable make(double mean) {
        if (!(mean > 0)) return PoissonTable{};
        std::uint64_t key;
        std::memcpy(&key, &mean, sizeof key);
        const auto [it, fresh] = made_.try_emplace(key);
        if (fresh) it->second = build(mean);
        return it->second;
    }
    const std::uint32_t* data() const { return entries_.data(); }

private:
    PoissonTable build(double mean) {
        PoissonTable t;
        t.chunks = static_cast<int>(std::ceil(mean / kChunkMean));
        if (t.chunks < 1) t.chunks = 1;
        const double m = mean / t.chunks;
        std::vector<double> pmf;
        double p = dm::exp(-m), sum = 0;
        for (int k = 0; k < kAliasSize; ++k) {
            pmf.push_back(p);
            sum += p;
            if (k > m && p < 1e-17) break;
            p *= m / (k + 1);
        }
        const int n = kAliasSize;
        pmf.resize(n, 0.0);
        // Vose's construction of the alias table
        std::vector<double> scaled(n), prob(n, 1.0);
        std::vector<int> alias(n), small, large;
        for (int k = 0; k < n; ++k) {
            alias[k] = k;
            scaled[k] = pmf[k] / sum * n;
            (scaled[k] < 1.0 ? small : large).push_back(k);
        }
        while (!small.empty() && !large.empty()) {
            const int l = small.back();
            small.pop_back();
            const int g = large.back();
            large.pop_back();
            prob[l] = scaled[l];
            alias[l] = g;
            scaled[g] = (scaled[g] + scaled[l]) - 1.0;
            (scaled[g] < 1.0 ? small : large).push_back(g);
        }  // the rest keep probability 1 (rounding leftovers)
        t.offset = static_cast<int>(entries_.size());
        const double scale = 0x1.0p26;
        for (int k = 0; k < n; ++k) {
            const double x = prob[k] * scale + 0.5;
            std::uint32_t thr = x < 1 ? 0 : (x >= scale ? 0 : static_cast<std::uint32_t>(x));
            std::uint32_t a = static_cast<std::uint32_t>(alias[k]);
            if (x >= scale) {  // always this index: alias to itself
                thr = static_cast<std::uint32_t>(scale) - 1;
                a = static_cast<std::uint32_t>(k);
            }
            entries_.push_back(thr << kAliasBits | a);
        }
        return t;
    }

    std::vector<std::uint32_t> entries_;
    std::unordered_map<std::uint64_t, PoissonTable> made_;  // by the mean's bits
};

// Good outcomes grouped by their evidence vector: touchpoints with the same dimension shares, and
// every commitment (one on promises), add the same vector per outcome, and a sum of independent
// Poisson counts is Poisson: one draw per class instead of one per source.
struct GoodClass {
    DimensionWeights sigma{};
    std::vector<int> sources;  // indices into the group's sources
};

// A month's draws: one 32-bit uniform per slot (a chunk of a Poisson table), good classes first in
// class order, then the bad experiences; each 64-bit generator output gives two (low half first).
struct MonthParams {
    std::vector<PoissonTable> slots;
    std::vector<int> class_end;          // per good class: end of its slots
    int bad_begin = 0;                   // slots [bad_begin, size) are the bad experiences
    int words = 0;                       // generator outputs per customer: ceil(slots / 2)
    std::vector<f64x2> good_vec;         // [class * kDimensions + d]: evidence per outcome
    std::vector<std::uint64_t> bad_thr;  // u >= bad_thr[i]: past bad source i (32-bit cumulative)
    std::vector<Vec5<double>> bad_vec;   // per bad source: evidence per outcome
    Vec5<double> fixed{};                // expected evidence added every month (messages)
    Vec5<double> fixed_s{};
    double Wa = 0;                       // W a_g that month
};

struct GroupPlan {
    int stakeholder = -1;
    Vec5<double> r0{}, s0{};
    double t0 = 0;
    std::vector<int> dims;              // dimensions with weight > 0
    Vec5<double> omega{};
    std::vector<MonthParams> months;    // 1..H at index m
    std::vector<std::int64_t> alive;    // per month 0..H
    std::vector<std::int64_t> fine;     // (H+1) x kFineBins
    std::vector<std::int64_t> coarse;   // histogram_bins, at the horizon
};

// A block's customers, structure of arrays: customer c is lane c & 1 of vector c >> 1. Alive
// customers are kept packed at the front (one who leaves is replaced by the last).
struct Block {
    u64x2 s0[kVec], s1[kVec], s2[kVec], s3[kVec];  // xoshiro256** states
    f64x2 r[kDimensions][kVec], s[kDimensions][kVec];
    f64x2 t[kVec];
    std::int32_t k[kBlock];  // remembered bad experiences
    std::vector<std::array<double, kBlock>> cnt;  // this month's good outcomes per class (exact)
};

// Extra draws of one customer (forgetting, bad sources, leaving), after the month's slots.
struct LaneDraws {
    Block& b;
    int v, l;
    std::uint64_t word = 0;
    bool high = false;
    std::uint32_t next() {
        if (high) {
            high = false;
            return static_cast<std::uint32_t>(word >> 32);
        }
        std::uint64_t a = b.s0[v][l], c = b.s1[v][l], d = b.s2[v][l], e = b.s3[v][l];
        word = core::xoshiro_step(a, c, d, e);
        b.s0[v][l] = a;
        b.s1[v][l] = c;
        b.s2[v][l] = d;
        b.s3[v][l] = e;
        high = true;
        return static_cast<std::uint32_t>(word);
    }
};

}  // namespace

struct Simulation::State {
    SimulationOptions options;
    int horizon = 0;
    double lambda = 1, nu = 3, W = 2;
    double kappa = 1.72, beta = 1.665;
    int bins = 20;
    PoissonPool pool;
    std::vector<GroupPlan> groups;
    std::uint64_t forget_thr = 0;                         // keep a remembered one: u < this
    std::uint64_t survive_thr[kRatioTable][kRatioTable] = {};  // S(k+n)/S(k) as a threshold
    std::size_t group = 0;                      // where the next step continues
    std::int64_t share_begin = 0, share_end = 0;  // this run's customers of every group
    std::int64_t next = 0;
    std::int64_t processed = 0;
    Block block;
    std::vector<std::uint32_t> draws;  // this month's uniforms, [slot * kBlock + customer]

    std::uint64_t survive(int k, int n) const {
        if (k < kRatioTable && n < kRatioTable) return survive_thr[k][n];
        return threshold32(
            dm::exp(core::survival_exponent(k, kappa, beta) - core::survival_exponent(k + n, kappa, beta)));
    }

    void run_block(GroupPlan& gp, std::size_t g, std::int64_t begin, std::int64_t end);
};

// Customers run in blocks: months outer, the block's customers inner (two per vector), so a
// month's tables stay in the fastest cache. Each customer draws only from its own stream in a
// fixed order (the month's slots, then its extra draws), so the numbers do not depend on the
// block it falls in, nor on slice sizes.
void Simulation::State::run_block(GroupPlan& gp, std::size_t g, std::int64_t begin, std::int64_t end) {
    Block& B = block;
    const int count = static_cast<int>(end - begin);
    for (int c = 0; c < kBlock; ++c) {
        const int v = c >> 1, l = c & 1;
        std::uint64_t st[4];
        core::xoshiro_seed(core::stream_seed(options.seed, g, static_cast<std::uint64_t>(begin + (c < count ? c : 0))), st);
        B.s0[v][l] = st[0];
        B.s1[v][l] = st[1];
        B.s2[v][l] = st[2];
        B.s3[v][l] = st[3];
        for (int d = 0; d < kDimensions; ++d) {
            B.r[d][v][l] = gp.r0[d];
            B.s[d][v][l] = gp.s0[d];
        }
        B.k[c] = 0;
    }
    const int nd = static_cast<int>(gp.dims.size());
    const int* dims = gp.dims.data();
    const std::uint32_t* entries = pool.data();
    const f64x2 lam = splat(lambda), nuv = splat(nu), Wv = splat(W);
    std::uint32_t* U = draws.data();
    int n = count;  // alive customers, packed at the front
    for (int m = 1; m <= horizon && n > 0; ++m) {
        const MonthParams& mp = gp.months[m];
        const int nv = (n + 1) >> 1;
        const int nw = mp.words;
        const int nslots = static_cast<int>(mp.slots.size());
        // 1. the month's uniforms: every customer's stream stepped nw times, each 64-bit output
        // giving two 32-bit uniforms (slots 2w and 2w + 1: low half, high half)
        for (int v = 0; v < nv; ++v) {
            u64x2 a = B.s0[v], b = B.s1[v], c = B.s2[v], d = B.s3[v];
            for (int w = 0; w < nw; ++w) {
                const u64x2 x = core::xoshiro_step(a, b, c, d);
                const u32x2 lo = __builtin_convertvector(x, u32x2);
                const u32x2 hi = __builtin_convertvector(x >> 32, u32x2);
                std::memcpy(U + (2 * w) * kBlock + 2 * v, &lo, sizeof lo);
                std::memcpy(U + (2 * w + 1) * kBlock + 2 * v, &hi, sizeof hi);
            }
            B.s0[v] = a;
            B.s1[v] = b;
            B.s2[v] = c;
            B.s3[v] = d;
        }
        // 2. good outcomes per class (counts), then evidence decays, messages add theirs, and
        // the counts add theirs
        const int ncl = static_cast<int>(mp.class_end.size());
        for (int cl = 0, j = 0; cl < ncl; ++cl) {
            double* cnt = B.cnt[cl].data();
            const int jend = mp.class_end[cl];
            for (int first = j; j < jend; ++j) {
                const std::uint32_t* e = entries + mp.slots[j].offset;
                const std::uint32_t* u = U + j * kBlock;
                if (j == first) {
                    for (int c = 0; c < 2 * nv; ++c) cnt[c] = alias_sample(e, u[c]);
                } else {
                    for (int c = 0; c < 2 * nv; ++c) cnt[c] += alias_sample(e, u[c]);
                }
            }
        }
        static_assert(kDimensions == 5, "the evidence update below is written out for 5 dimensions");
        for (int v = 0; v < nv; ++v) {
            f64x2 r0 = B.r[0][v] * lam + splat(mp.fixed[0]);
            f64x2 r1 = B.r[1][v] * lam + splat(mp.fixed[1]);
            f64x2 r2 = B.r[2][v] * lam + splat(mp.fixed[2]);
            f64x2 r3 = B.r[3][v] * lam + splat(mp.fixed[3]);
            f64x2 r4 = B.r[4][v] * lam + splat(mp.fixed[4]);
            for (int d = 0; d < kDimensions; ++d) B.s[d][v] = B.s[d][v] * lam + splat(mp.fixed_s[d]);
            for (int cl = 0, j = 0; cl < ncl; j = mp.class_end[cl], ++cl) {
                if (j == mp.class_end[cl]) continue;  // mean 0: no slots
                f64x2 k;
                std::memcpy(&k, &B.cnt[cl][2 * v], sizeof k);
                const f64x2* vec = mp.good_vec.data() + cl * kDimensions;
                r0 += k * vec[0];
                r1 += k * vec[1];
                r2 += k * vec[2];
                r3 += k * vec[3];
                r4 += k * vec[4];
            }
            B.r[0][v] = r0;
            B.r[1][v] = r1;
            B.r[2][v] = r2;
            B.r[3][v] = r3;
            B.r[4][v] = r4;
        }
        // 3. per customer: forgetting, then the bad experiences and the leaving rule; one who
        // leaves is replaced by the last alive (processed next)
        for (int c = 0; c < n;) {
            const int v = c >> 1, l = c & 1;
            int b = 0;
            for (int j = mp.bad_begin; j < nslots; ++j) b += alias_sample(entries + mp.slots[j].offset, U[j * kBlock + c]);
            int k = B.k[c];
            if ((k > 0 && lambda < 1.0) || b > 0) {
                LaneDraws rd{B, v, l};
                if (k > 0 && lambda < 1.0) {  // each remembered one kept with probability lambda
                    int kept = 0;
                    for (int i = 0; i < k; ++i) kept += rd.next() < forget_thr ? 1 : 0;
                    k = kept;
                }
                if (b > 0) {
                    const int last = static_cast<int>(mp.bad_thr.size());
                    for (int i = 0; i < b; ++i) {
                        const std::uint32_t u = rd.next();
                        int src = 0;
                        while (src < last && u >= mp.bad_thr[src]) ++src;
                        const Vec5<double>& vec = mp.bad_vec[src];
                        for (int d = 0; d < kDimensions; ++d) B.s[d][v][l] += vec[d];
                    }
                    if (!(rd.next() < survive(k, b))) {  // left this month
                        --n;
                        const int v2 = n >> 1, l2 = n & 1;
                        B.s0[v][l] = B.s0[v2][l2];
                        B.s1[v][l] = B.s1[v2][l2];
                        B.s2[v][l] = B.s2[v2][l2];
                        B.s3[v][l] = B.s3[v2][l2];
                        for (int d = 0; d < kDimensions; ++d) {
                            B.r[d][v][l] = B.r[d][v2][l2];
                            B.s[d][v][l] = B.s[d][v2][l2];
                        }
                        for (int j = mp.bad_begin; j < nslots; ++j) U[j * kBlock + c] = U[j * kBlock + n];
                        B.k[c] = B.k[n];
                        continue;
                    }
                    k += b;
                }
                B.k[c] = k;
            }
            ++c;
        }
        // 4. trust of those still there, into the month's histograms
        const int nv2 = (n + 1) >> 1;
        const f64x2 Wa = splat(mp.Wa);
        for (int v = 0; v < nv2; ++v) {
            f64x2 t = {0.0, 0.0};
            for (int i = 0; i < nd; ++i) {  // dimensions with weight only
                const int d = dims[i];
                const f64x2 r = B.r[d][v];
                t += splat(gp.omega[d]) * ((r + Wa) / (r + nuv * B.s[d][v] + Wv));
            }
            B.t[v] = t;
        }
        gp.alive[m] += n;
        std::int64_t* fine = gp.fine.data() + static_cast<std::size_t>(m) * kFineBins;
        for (int c = 0; c < n; ++c) {
            const double t = B.t[c >> 1][c & 1];
            int bin = static_cast<int>(t * kFineBins);
            bin = bin < 0 ? 0 : (bin >= kFineBins ? kFineBins - 1 : bin);
            ++fine[bin];
        }
        if (m == horizon) {
            for (int c = 0; c < n; ++c) {
                const double t = B.t[c >> 1][c & 1];
                int cb = static_cast<int>(t * bins);
                cb = cb < 0 ? 0 : (cb >= bins ? bins - 1 : cb);
                ++gp.coarse[cb];
            }
        }
    }
}

Simulation::Simulation(const Plan& plan, const SimulationOptions& options) : state_(new State) {
    State& st = *state_;
    st.options = options;
    if (st.options.customers < 0) st.options.customers = 0;
    st.share_begin = std::clamp<std::int64_t>(options.first, 0, st.options.customers);
    st.share_end = options.last < 0 ? st.options.customers
                                    : std::clamp<std::int64_t>(options.last, st.share_begin, st.options.customers);
    st.next = st.share_begin;
    st.bins = options.histogram_bins < 1 ? 1 : (options.histogram_bins > 100000 ? 100000 : options.histogram_bins);
    const Compiled cp = core::compile(plan);
    const std::vector<ActState> states = core::action_states(plan, options.scenario);
    st.horizon = cp.horizon;
    st.lambda = cp.lambda;
    st.nu = cp.nu;
    st.W = cp.W;
    st.kappa = cp.kappa;
    st.beta = cp.beta;
    for (int k = 0; k < kRatioTable; ++k)
        for (int n = 0; n < kRatioTable; ++n)
            st.survive_thr[k][n] = threshold32(dm::exp(core::survival_exponent(k, cp.kappa, cp.beta) -
                                                       core::survival_exponent(k + n, cp.kappa, cp.beta)));
    st.forget_thr = threshold32(cp.lambda);
    std::size_t max_words = 1, max_classes = 1;

    std::vector<std::vector<double>> values(cp.horizon + 1);
    for (int m = 0; m <= cp.horizon; ++m) core::month_values(cp, m, states.data(), values[m]);

    for (std::size_t g = 0; g < cp.groups.size(); ++g) {
        const CGroup& grp = cp.groups[g];
        if (!grp.customers) continue;
        GroupPlan gp;
        gp.stakeholder = static_cast<int>(g);
        for (int d = 0; d < kDimensions; ++d) {
            gp.omega[d] = grp.omega[d];
            if (grp.omega[d] > 0) gp.dims.push_back(d);
        }
        // classes of good outcomes
        std::vector<GoodClass> classes;
        auto class_of = [&](const DimensionWeights& sigma) {
            for (std::size_t c = 0; c < classes.size(); ++c)
                if (classes[c].sigma == sigma) return static_cast<int>(c);
            classes.push_back({sigma, {}});
            return static_cast<int>(classes.size()) - 1;
        };
        const DimensionWeights promises = {0, 1, 0, 0, 0};
        for (std::size_t i = 0; i < grp.sources.size(); ++i) {
            const SourceRef& src = grp.sources[i];
            if (src.kind == SourceKind::touchpoint)
                classes[class_of(cp.touchpoints[src.index].sigma)].sources.push_back(static_cast<int>(i));
            else if (src.kind == SourceKind::commitment)
                classes[class_of(promises)].sources.push_back(static_cast<int>(i));
        }
        // month 0: the typical member's steady state
        {
            const auto& v = values[0];
            const Vec5<double> pi = core::personalisation(cp, grp, v);
            Evidence<double> d;
            for (const SourceRef& src : grp.sources) core::add_source_evidence(cp, grp, src, v, pi, d);
            for (int k = 0; k < kDimensions; ++k) {
                gp.r0[k] = cp.lambda < 1.0 ? d.r[k] / (1.0 - cp.lambda) : 0.0;
                gp.s0[k] = cp.lambda < 1.0 ? d.s[k] / (1.0 - cp.lambda) : 0.0;
            }
            Evidence<double> measured{gp.r0, gp.s0};  // month 0's measurements, after the warm start
            core::add_observation_evidence(grp, 0, measured);
            gp.r0 = measured.r, gp.s0 = measured.s;
            const double a = core::shifted_base_rate(grp, v);
            for (int k = 0; k < kDimensions; ++k)
                gp.t0 += grp.omega[k] * core::projected_trust(gp.r0[k], gp.s0[k], a, cp.nu, cp.W);
        }
        gp.months.resize(cp.horizon + 1);
        for (int m = 1; m <= cp.horizon; ++m) {
            const auto& v = values[m];
            MonthParams& mp = gp.months[m];
            const Vec5<double> pi = core::personalisation(cp, grp, v);
            mp.Wa = cp.W * core::shifted_base_rate(grp, v);
            for (const GoodClass& c : classes) {
                double rate = 0;
                for (int i : c.sources) {
                    const SourceRef& src = grp.sources[i];
                    if (src.kind == SourceKind::touchpoint) {
                        const core::CTouchpoint& t = cp.touchpoints[src.index];
                        rate += v[t.f_rate] * (1.0 - core::effective_bad_share(cp, t, v));
                    } else {
                        const core::CCommitment& cm = cp.commitments[src.index];
                        rate += v[cm.f_rate] * v[cm.f_kept];
                    }
                }
                const PoissonTable t = st.pool.make(rate);
                for (int i = 0; i < t.chunks; ++i) mp.slots.push_back(t);
                mp.class_end.push_back(static_cast<int>(mp.slots.size()));
                for (int d = 0; d < kDimensions; ++d) mp.good_vec.push_back(splat(c.sigma[d] * pi[d]));
            }
            double mu = 0;
            std::vector<double> rates;
            for (const SourceRef& src : grp.sources) {
                Vec5<double> vec{};
                double rate = 0;
                if (src.kind == SourceKind::touchpoint) {
                    const core::CTouchpoint& t = cp.touchpoints[src.index];
                    rate = v[t.f_rate] * core::effective_bad_share(cp, t, v);
                    for (int d = 0; d < kDimensions; ++d) vec[d] = t.sigma[d] * v[t.f_severity];
                } else if (src.kind == SourceKind::commitment) {
                    const core::CCommitment& cm = cp.commitments[src.index];
                    rate = v[cm.f_rate] * (1.0 - v[cm.f_kept]);
                    vec[core::kPromises] = cm.is_public ? cp.m_pub : 1.0;
                } else {
                    // messages (and culture, for employees only) add their expected evidence
                    Evidence<double> d;
                    core::add_source_evidence(cp, grp, src, v, pi, d);
                    for (int k = 0; k < kDimensions; ++k) {
                        mp.fixed[k] += d.r[k];
                        mp.fixed_s[k] += d.s[k];
                    }
                    continue;
                }
                if (!(rate > 0)) continue;
                mu += rate;
                rates.push_back(rate);
                mp.bad_vec.push_back(vec);
            }
            Evidence<double> measured{mp.fixed, mp.fixed_s};  // this month's measurements, the same for everyone
            core::add_observation_evidence(grp, m, measured);
            mp.fixed = measured.r, mp.fixed_s = measured.s;
            mp.bad_begin = static_cast<int>(mp.slots.size());
            const PoissonTable bad = st.pool.make(mu);
            for (int i = 0; i < bad.chunks; ++i) mp.slots.push_back(bad);
            mp.words = static_cast<int>((mp.slots.size() + 1) / 2);
            max_words = std::max(max_words, static_cast<std::size_t>(mp.words));
            max_classes = std::max(max_classes, mp.class_end.size());
            double cum = 0;
            for (std::size_t i = 0; i + 1 < rates.size(); ++i) {
                cum += rates[i];
                mp.bad_thr.push_back(threshold32(cum / mu));
            }
            if (mp.bad_vec.empty()) mp.bad_vec.push_back(Vec5<double>{});
        }
        gp.alive.assign(cp.horizon + 1, 0);
        gp.fine.assign(static_cast<std::size_t>(cp.horizon + 1) * kFineBins, 0);
        gp.coarse.assign(st.bins, 0);
        st.groups.push_back(std::move(gp));
    }
    st.draws.assign(2 * max_words * kBlock, 0);
    st.block.cnt.assign(max_classes, {});
}

Simulation::~Simulation() { delete state_; }
Simulation::Simulation(Simulation&& o) noexcept : state_(o.state_) { o.state_ = nullptr; }
Simulation& Simulation::operator=(Simulation&& o) noexcept {
    if (this != &o) {
        delete state_;
        state_ = o.state_;
        o.state_ = nullptr;
    }
    return *this;
}

void Simulation::step(std::int64_t max_customers) {
    if (!state_) return;
    State& st = *state_;
    while (max_customers > 0 && st.group < st.groups.size()) {
        GroupPlan& gp = st.groups[st.group];
        const std::int64_t end = std::min(st.share_end, st.next + max_customers);
        for (std::int64_t i = st.next; i < end; i += kBlock) st.run_block(gp, st.group, i, std::min(end, i + kBlock));
        max_customers -= end - st.next;
        st.processed += end - st.next;
        st.next = end;
        if (st.next >= st.share_end) {
            ++st.group;
            st.next = st.share_begin;
        }
    }
}

bool Simulation::done() const {
    return !state_ || state_->group >= state_->groups.size() || state_->share_end == state_->share_begin;
}

double Simulation::progress() const {
    if (!state_) return 1.0;
    const double total = static_cast<double>(state_->share_end - state_->share_begin) * state_->groups.size();
    return total > 0 ? std::min(1.0, state_->processed / total) : 1.0;
}

std::vector<std::int64_t> Simulation::counts() const {
    std::vector<std::int64_t> out;
    if (!state_) return out;
    for (const GroupPlan& gp : state_->groups) {
        out.insert(out.end(), gp.alive.begin(), gp.alive.end());
        out.insert(out.end(), gp.fine.begin(), gp.fine.end());
        out.insert(out.end(), gp.coarse.begin(), gp.coarse.end());
    }
    return out;
}

bool Simulation::add(const std::vector<std::int64_t>& counts) {
    if (!state_) return false;
    std::size_t size = 0;
    for (const GroupPlan& gp : state_->groups) size += gp.alive.size() + gp.fine.size() + gp.coarse.size();
    if (counts.size() != size) return false;
    const std::int64_t* c = counts.data();
    for (GroupPlan& gp : state_->groups)
        for (std::vector<std::int64_t>* v : {&gp.alive, &gp.fine, &gp.coarse})
            for (std::int64_t& x : *v) x += *c++;
    return true;
}

namespace {
// The q-quantile from a histogram: the bin where the cumulative count reaches q * total, with
// linear interpolation inside the bin.
double histogram_quantile(const std::int64_t* counts, std::int64_t total, double q) {
    if (total <= 0) return 0.0;
    const double target = q * static_cast<double>(total);
    double cum = 0;
    for (int b = 0; b < kFineBins; ++b) {
        const double c = static_cast<double>(counts[b]);
        if (c > 0 && cum + c >= target) {
            const double frac = (target - cum) / c;
            return (b + std::min(1.0, std::max(0.0, frac))) / kFineBins;
        }
        cum += c;
    }
    return 1.0;
}
}  // namespace

SimulationResult Simulation::result() const {
    SimulationResult out;
    if (!state_) return out;
    const State& st = *state_;
    out.customers = st.options.customers;
    out.seed = st.options.seed;
    const double N = static_cast<double>(st.options.customers);
    for (const GroupPlan& gp : st.groups) {
        SimulatedGroup sg;
        sg.stakeholder = gp.stakeholder;
        sg.months.resize(st.horizon + 1);
        for (int m = 0; m <= st.horizon; ++m) {
            SimulatedMonth& sm = sg.months[m];
            if (m == 0) {  // everyone starts at the typical member's state
                sm.retained = 1.0;
                sm.trust_p05 = sm.trust_p50 = sm.trust_p95 = gp.t0;
                continue;
            }
            const std::int64_t alive = gp.alive[m];
            const double p = N > 0 ? alive / N : 1.0;
            sm.retained = p;
            sm.retained_se = N > 0 ? std::sqrt(p * (1.0 - p) / N) : 0.0;
            const std::int64_t* counts = gp.fine.data() + static_cast<std::size_t>(m) * kFineBins;
            sm.trust_p05 = histogram_quantile(counts, alive, 0.05);
            sm.trust_p50 = histogram_quantile(counts, alive, 0.50);
            sm.trust_p95 = histogram_quantile(counts, alive, 0.95);
        }
        sg.histogram.assign(st.bins, 0.0);
        if (st.horizon == 0) {
            int cb = static_cast<int>(gp.t0 * st.bins);
            cb = cb < 0 ? 0 : (cb >= st.bins ? st.bins - 1 : cb);
            sg.histogram[cb] = 1.0;
        } else {
            const std::int64_t alive = gp.alive[st.horizon];
            for (int b = 0; b < st.bins; ++b)
                sg.histogram[b] = alive > 0 ? static_cast<double>(gp.coarse[b]) / alive : 0.0;
        }
        out.groups.push_back(std::move(sg));
    }
    return out;
}

SimulationResult simulate(const Plan& plan, const SimulationOptions& options) {
    Simulation sim(plan, options);
    while (!sim.done()) sim.step(1 << 20);
    return sim.result();
}

}  // namespace fiducia
