// Key drivers (drivers.hpp): centred cross-products, Gaussian elimination and the Shapley sum over
// all 2^p subsets (p <= 5 dimensions: 32 small solves per group).
#include "core/drivers.hpp"

#include <cmath>

namespace fiducia {

namespace {

// Centred sums of squares and cross-products: a[j][k] of the scores, c[j] with overall, syy of overall.
struct Moments {
    std::size_t p = 0;
    std::vector<std::vector<double>> a;
    std::vector<double> c;
    double syy = 0;
};

Moments moments(const DriverData& data) {
    Moments m;
    const std::size_t n = data.overall.size();
    m.p = data.dimensions;
    m.a.assign(m.p, std::vector<double>(m.p, 0.0));
    m.c.assign(m.p, 0.0);
    if (n == 0) return m;
    double my = 0;
    std::vector<double> mx(m.p, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        my += data.overall[i];
        for (std::size_t j = 0; j < m.p; ++j) mx[j] += data.scores[i][j];
    }
    my /= static_cast<double>(n);
    for (double& v : mx) v /= static_cast<double>(n);
    std::vector<double> dx(m.p);
    for (std::size_t i = 0; i < n; ++i) {
        const double dy = data.overall[i] - my;
        m.syy += dy * dy;
        for (std::size_t j = 0; j < m.p; ++j) dx[j] = data.scores[i][j] - mx[j];
        for (std::size_t j = 0; j < m.p; ++j) {
            m.c[j] += dx[j] * dy;
            for (std::size_t k = 0; k < m.p; ++k) m.a[j][k] += dx[j] * dx[k];
        }
    }
    return m;
}

// R² of the subset, from the moments; nullopt when the system is singular.
std::optional<double> subset_r2(const Moments& m, unsigned subset) {
    if (!(m.syy > 0)) return std::nullopt;
    std::vector<std::size_t> cols;
    for (std::size_t j = 0; j < m.p; ++j)
        if (subset & (1u << j)) cols.push_back(j);
    const std::size_t k = cols.size();
    if (k == 0) return 0.0;
    // Augmented system [A_SS | c_S], solved by elimination with partial pivoting, rows in column order.
    std::vector<std::vector<double>> s(k, std::vector<double>(k + 1));
    double scale = 0;
    for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t q = 0; q < k; ++q) s[r][q] = m.a[cols[r]][cols[q]];
        s[r][k] = m.c[cols[r]];
        scale = std::fmax(scale, s[r][r]);
    }
    for (std::size_t col = 0; col < k; ++col) {
        std::size_t best = col;
        for (std::size_t r = col + 1; r < k; ++r)
            if (std::fabs(s[r][col]) > std::fabs(s[best][col])) best = r;
        if (!(std::fabs(s[best][col]) > scale * kCollinearTolerance)) return std::nullopt;
        std::swap(s[col], s[best]);
        for (std::size_t r = col + 1; r < k; ++r) {
            const double f = s[r][col] / s[col][col];
            for (std::size_t q = col; q <= k; ++q) s[r][q] -= f * s[col][q];
        }
    }
    std::vector<double> b(k, 0.0);
    for (std::size_t r = k; r-- > 0;) {
        double v = s[r][k];
        for (std::size_t q = r + 1; q < k; ++q) v -= s[r][q] * b[q];
        b[r] = v / s[r][r];
    }
    double explained = 0;
    for (std::size_t r = 0; r < k; ++r) explained += b[r] * m.c[cols[r]];
    const double r2 = explained / m.syy;
    return std::fmin(1.0, std::fmax(0.0, r2));  // rounding can step a hair outside [0, 1]
}

double factorial(std::size_t n) {
    double f = 1;
    for (std::size_t i = 2; i <= n; ++i) f *= static_cast<double>(i);
    return f;
}

int popcount(unsigned v) {
    int c = 0;
    for (; v; v &= v - 1) ++c;
    return c;
}

}  // namespace

std::optional<double> r_squared(const DriverData& data, unsigned subset) {
    return subset_r2(moments(data), subset);
}

DriverFit fit_drivers(const DriverData& data) {
    DriverFit fit;
    fit.n = data.overall.size();
    const Moments m = moments(data);
    const std::size_t p = m.p;
    if (p == 0) {
        fit.issue = DriverIssue::no_dimension;
        return fit;
    }
    if (fit.n < min_driver_rows(p)) {
        fit.issue = DriverIssue::too_few_rows;
        return fit;
    }
    if (!(m.syy > 0)) {
        fit.issue = DriverIssue::same_overall;
        return fit;
    }
    // Collinearity in dimension order: the LDL' pivot of dimension j over a_jj is 1 - R² of j on the
    // dimensions before it, so the first one below the tolerance is the one named.
    {
        std::vector<std::vector<double>> l = m.a;
        for (std::size_t j = 0; j < p; ++j) {
            if (!(m.a[j][j] > 0)) {
                fit.issue = DriverIssue::same_answers;
                fit.dimension = static_cast<int>(j);
                return fit;
            }
            if (!(l[j][j] > m.a[j][j] * kCollinearTolerance)) {
                fit.issue = DriverIssue::collinear;
                fit.dimension = static_cast<int>(j);
                return fit;
            }
            for (std::size_t r = j + 1; r < p; ++r) {
                const double f = l[r][j] / l[j][j];
                for (std::size_t q = j; q < p; ++q) l[r][q] -= f * l[j][q];
            }
        }
    }
    const unsigned subsets = 1u << p;
    std::vector<double> r2(subsets, 0.0);
    for (unsigned s = 0; s < subsets; ++s) {
        std::optional<double> v = subset_r2(m, s);
        if (!v) {  // unreachable once the full set passed the check above; kept so a subset never reads garbage
            fit.issue = DriverIssue::collinear;
            return fit;
        }
        r2[s] = *v;
    }
    const double full = r2[subsets - 1];
    fit.r2 = full;
    if (!(full > 0)) {
        fit.issue = DriverIssue::explains_nothing;
        return fit;
    }
    const double pf = factorial(p);
    fit.shares.assign(p, 0.0);
    for (std::size_t j = 0; j < p; ++j) {
        const unsigned bit = 1u << j;
        for (unsigned s = 0; s < subsets; ++s) {
            if (s & bit) continue;
            const std::size_t size = static_cast<std::size_t>(popcount(s));
            const double w = factorial(size) * factorial(p - size - 1) / pf;
            fit.shares[j] += w * (r2[s | bit] - r2[s]);
        }
    }
    fit.weights.resize(p);
    for (std::size_t j = 0; j < p; ++j) fit.weights[j] = fit.shares[j] / full;
    return fit;
}

DimensionWeights with_driver_weights(const DimensionWeights& current, const std::vector<int>& dimensions,
                                     const std::vector<double>& weights) {
    double total = 0;
    for (double w : current) total += w;
    DimensionWeights out;
    for (int d = 0; d < kDimensions; ++d)
        out[static_cast<std::size_t>(d)] = total > 0 ? current[static_cast<std::size_t>(d)] / total : 1.0 / kDimensions;
    double measured = 0;
    for (int d : dimensions) measured += out[static_cast<std::size_t>(d)];
    for (std::size_t j = 0; j < dimensions.size() && j < weights.size(); ++j)
        out[static_cast<std::size_t>(dimensions[j])] = measured * weights[j];
    return out;
}

}  // namespace fiducia
