// The customers-lost chain (see chain.hpp) and survival().
#include "core/chain.hpp"

#include "core/detmath.hpp"
#include "core/model.hpp"

namespace fiducia {

double survival(double k, double kappa, double beta) {
    if (!(k > 0)) return 1.0;
    return dm::exp(-core::survival_exponent(k, kappa > 0 ? kappa : 1e-9, beta > 0 ? beta : 1e-9));
}

namespace core {
namespace {

constexpr double kTinyRelative = 1e-18;   // pmf tails left out, relative to the mode
constexpr double kDropPerMonth = 2e-12;   // mass cut per month at each end: < 1e-9 over 120 months
constexpr int kMaxStates = 200000;        // hard cap on the window (its excess counts as dropped)
constexpr double kMaxMu = 1e6;            // beyond this every customer is gone in a month anyway

// x_k = (k/kappa)^beta and the one-step survival ratio h_k = S(k+1)/S(k), cached by k.
class SurvivalTable {
public:
    SurvivalTable(double kappa, double beta) : kappa_(kappa), beta_(beta) {}
    double x(int k) {
        if (k >= kCache) return survival_exponent(k, kappa_, beta_);
        while (static_cast<int>(x_.size()) <= k)
            x_.push_back(survival_exponent(static_cast<double>(x_.size()), kappa_, beta_));
        return x_[k];
    }
    double h(int k) {
        if (k >= kCache) return dm::exp(x(k) - x(k + 1));
        while (static_cast<int>(h_.size()) <= k) {
            const int j = static_cast<int>(h_.size());
            h_.push_back(dm::exp(x(j) - x(j + 1)));
        }
        return h_[k];
    }

private:
    static constexpr int kCache = 1 << 16;
    double kappa_, beta_;
    std::vector<double> x_, h_;
};

// Binomial(k, lambda) probabilities on [first, first + p.size()), normalised from the mode.
void binomial_window(int k, double lambda, int& first, std::vector<double>& p) {
    p.clear();
    int mode = static_cast<int>((k + 1) * lambda);
    if (mode > k) mode = k;
    const double up = lambda / (1.0 - lambda);
    const double down = (1.0 - lambda) / lambda;
    // downward from the mode
    std::vector<double>& w = p;
    w.push_back(1.0);
    double cur = 1.0;
    int j = mode;
    while (j > 0) {
        cur *= static_cast<double>(j) / static_cast<double>(k - j + 1) * down;
        if (cur < kTinyRelative) break;
        w.push_back(cur);
        --j;
    }
    first = j;
    // reverse so index 0 is `first`
    for (std::size_t a = 0, b = w.size() - 1; a < b; ++a, --b) {
        const double t = w[a];
        w[a] = w[b];
        w[b] = t;
    }
    cur = 1.0;
    j = mode;
    while (j < k) {
        cur *= static_cast<double>(k - j) / static_cast<double>(j + 1) * up;
        if (cur < kTinyRelative) break;
        w.push_back(cur);
        ++j;
    }
    double sum = 0;
    for (double x : w) sum += x;
    for (double& x : w) x /= sum;
}

}  // namespace

double survival_exponent(double k, double kappa, double beta) {
    if (!(k > 0)) return 0.0;
    return dm::pow(k / kappa, beta);
}

void poisson_window(double mu, int& first, std::vector<double>& p) {
    p.clear();
    if (!(mu > 0)) {
        first = 0;
        p.push_back(1.0);
        return;
    }
    if (mu > kMaxMu) mu = kMaxMu;
    const int mode = static_cast<int>(mu);
    p.push_back(1.0);
    double cur = 1.0;
    int n = mode;
    while (n > 0) {
        cur *= static_cast<double>(n) / mu;
        if (cur < kTinyRelative) break;
        p.push_back(cur);
        --n;
    }
    first = n;
    for (std::size_t a = 0, b = p.size() - 1; a < b; ++a, --b) {
        const double t = p[a];
        p[a] = p[b];
        p[b] = t;
    }
    cur = 1.0;
    n = mode;
    for (;;) {
        cur *= mu / static_cast<double>(n + 1);
        if (cur < kTinyRelative) break;
        p.push_back(cur);
        ++n;
    }
    double sum = 0;
    for (double x : p) sum += x;
    for (double& x : p) x /= sum;
}

ChainResult retention_chain(const std::vector<double>& mu, double lambda, double kappa, double beta) {
    ChainResult out;
    out.retained.assign(mu.size() + 1, 1.0);
    SurvivalTable table(kappa > 0 ? kappa : 1e-9, beta > 0 ? beta : 1e-9);
    if (!(lambda >= 0)) lambda = 0;
    if (lambda > 1) lambda = 1;

    // P[k] for k in [lo, hi]: alive share with k remembered bad experiences.
    std::vector<double> P(1, 1.0), Q, R, w;
    int lo = 0, hi = 0;
    for (std::size_t m = 1; m <= mu.size(); ++m) {
        // 1. forgetting: each remembered one is kept with probability lambda
        if (lambda < 1.0) {
            Q.assign(hi + 1, 0.0);
            for (int k = lo; k <= hi; ++k) {
                const double pk = P[k];
                if (pk == 0) continue;
                if (k == 0 || lambda == 0) {
                    Q[0] += pk;
                    continue;
                }
                int first = 0;
                binomial_window(k, lambda, first, w);
                for (std::size_t i = 0; i < w.size(); ++i) Q[first + i] += pk * w[i];
            }
            lo = 0;
            while (lo < hi && Q[lo] == 0) ++lo;
        } else {
            Q = P;
        }
        // 2. arrivals: n of them from k survive with S(k+n)/S(k)
        int first = 0;
        double m_mu = mu[m - 1];
        if (!(m_mu >= 0)) m_mu = 0;
        poisson_window(m_mu, first, w);
        const int width = static_cast<int>(w.size());
        R.assign(static_cast<std::size_t>(hi) + first + width, 0.0);
        for (int k = lo; k <= hi; ++k) {
            const double qk = Q[k];
            if (qk == 0) continue;
            double ratio = first == 0 ? 1.0 : dm::exp(table.x(k) - table.x(k + first));
            for (int i = 0; i < width; ++i) {
                const int n = first + i;
                if (i > 0) ratio *= table.h(k + n - 1);
                if (ratio == 0) break;
                R[k + n] += qk * w[i] * ratio;
            }
        }
        int nlo = lo + first, nhi = static_cast<int>(R.size()) - 1;
        // 3. adaptive truncation: cut negligible tails at both ends, counting what is cut
        double cut = 0;
        while (nhi > nlo && (R[nhi] == 0 || cut + R[nhi] <= kDropPerMonth)) cut += R[nhi--];
        while (nlo < nhi && (R[nlo] == 0 || cut + R[nlo] <= 2 * kDropPerMonth)) cut += R[nlo++];
        while (nhi - nlo >= kMaxStates) cut += R[nhi--];
        out.dropped += cut;
        double alive = 0;
        for (int k = nlo; k <= nhi; ++k) alive += R[k];
        out.retained[m] = alive;
        R.resize(nhi + 1);
        for (int k = 0; k < nlo; ++k) R[k] = 0;
        P.swap(R);
        lo = nlo;
        hi = nhi;
    }
    return out;
}

}  // namespace core
}  // namespace fiducia
