// Key drivers (core/drivers.hpp, docs/MODEL.md "Key drivers from survey responses"): checked against a
// reference written independently here: R² by Gram-Schmidt on the design matrix with its intercept
// column (not the centred normal equations), Shapley values as the average marginal R² over every
// order of the dimensions (not the subset-weighted sum).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "core/drivers.hpp"

using namespace fiducia;

namespace {

// A small deterministic generator for the test data (no std:: distributions).
struct Lcg {
    std::uint64_t s;
    int score() {  // 1..9
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((s >> 33) % 9) + 1;
    }
};

// n respondents, p dimensions; overall leans on the dimensions with the given slopes, plus noise.
DriverData make_data(std::size_t n, const std::vector<double>& slopes, std::uint64_t seed) {
    Lcg rng{seed};
    DriverData d;
    d.dimensions = slopes.size();
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<double> x;
        double y = 0;
        for (double b : slopes) {
            x.push_back(rng.score());
            y += b * x.back();
        }
        y = std::round(std::clamp(y / std::max(1.0, std::accumulate(slopes.begin(), slopes.end(), 0.0)) +
                                  (rng.score() - 5) * 0.5, 1.0, 9.0));
        d.overall.push_back(y);
        d.scores.push_back(x);
    }
    return d;
}

// R² = 1 - RSS/TSS of the least-squares fit with an intercept, by modified Gram-Schmidt.
double reference_r2(const DriverData& d, const std::vector<std::size_t>& cols) {
    const std::size_t n = d.overall.size();
    std::vector<std::vector<double>> q;
    std::vector<double> one(n, 1.0);
    q.push_back(one);
    for (std::size_t c : cols) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = d.scores[i][c];
        q.push_back(v);
    }
    std::vector<double> r = d.overall;
    for (std::size_t k = 0; k < q.size(); ++k) {
        for (std::size_t j = 0; j < k; ++j) {
            double dot = 0, norm = 0;
            for (std::size_t i = 0; i < n; ++i) dot += q[k][i] * q[j][i], norm += q[j][i] * q[j][i];
            for (std::size_t i = 0; i < n; ++i) q[k][i] -= dot / norm * q[j][i];
        }
        double dot = 0, norm = 0;
        for (std::size_t i = 0; i < n; ++i) dot += r[i] * q[k][i], norm += q[k][i] * q[k][i];
        for (std::size_t i = 0; i < n; ++i) r[i] -= dot / norm * q[k][i];
    }
    double mean = std::accumulate(d.overall.begin(), d.overall.end(), 0.0) / static_cast<double>(n);
    double rss = 0, tss = 0;
    for (std::size_t i = 0; i < n; ++i) rss += r[i] * r[i], tss += (d.overall[i] - mean) * (d.overall[i] - mean);
    return 1 - rss / tss;
}

// Shapley value of each dimension: its R² gain averaged over all p! orders in which dimensions enter.
std::vector<double> reference_shapley(const DriverData& d) {
    const std::size_t p = d.dimensions;
    std::vector<std::size_t> order(p);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> value(p, 0.0);
    double orders = 0;
    do {
        std::vector<std::size_t> in;
        double before = 0;
        for (std::size_t j : order) {
            in.push_back(j);
            const double after = reference_r2(d, in);
            value[j] += after - before;
            before = after;
        }
        ++orders;
    } while (std::next_permutation(order.begin(), order.end()));
    for (double& v : value) v /= orders;
    return value;
}

}  // namespace

TEST_CASE("drivers: R² of every subset matches an independent least-squares fit") {
    const DriverData d = make_data(30, {1.0, 0.5, 0.0, 2.0}, 7);
    for (unsigned s = 1; s < 16; ++s) {
        std::vector<std::size_t> cols;
        for (std::size_t j = 0; j < 4; ++j)
            if (s & (1u << j)) cols.push_back(j);
        REQUIRE(r_squared(d, s));
        CHECK(*r_squared(d, s) == doctest::Approx(reference_r2(d, cols)).epsilon(1e-10));
    }
    CHECK(*r_squared(d, 0) == 0);
}

TEST_CASE("drivers: Shapley weights equal the brute-force average over orders and sum to 1") {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        for (const std::vector<double>& slopes : {std::vector<double>{1.0, 0.3}, {0.2, 1.0, 0.6},
                                                  {1.0, 0.1, 0.5, 0.0, 2.0}}) {
            const DriverData d = make_data(25, slopes, seed);
            const DriverFit fit = fit_drivers(d);
            REQUIRE(fit.issue == DriverIssue::none);
            REQUIRE(fit.r2);
            std::vector<std::size_t> all(slopes.size());
            std::iota(all.begin(), all.end(), 0);
            CHECK(*fit.r2 == doctest::Approx(reference_r2(d, all)).epsilon(1e-10));
            const std::vector<double> shapley = reference_shapley(d);
            double sum = 0;
            REQUIRE(fit.weights.size() == slopes.size());
            for (std::size_t j = 0; j < slopes.size(); ++j) {
                CHECK(fit.shares[j] == doctest::Approx(shapley[j]).epsilon(1e-9));
                CHECK(fit.weights[j] == doctest::Approx(shapley[j] / *fit.r2).epsilon(1e-9));
                CHECK(fit.weights[j] >= 0);
                sum += fit.weights[j];
            }
            CHECK(std::fabs(sum - 1) < 1e-12);
        }
    }
}

TEST_CASE("drivers: uncorrelated dimensions each get their own R², and one dimension all of it") {
    // transactions and promises are orthogonal (centred): each one's share is its own R².
    DriverData d;
    d.dimensions = 2;
    const double xs[][2] = {{1, 1}, {1, 9}, {9, 1}, {9, 9}, {1, 1}, {1, 9}, {9, 1}, {9, 9}};
    const double ys[] = {2, 4, 7, 9, 1, 5, 6, 9};
    for (std::size_t i = 0; i < 8; ++i) {
        d.scores.push_back({xs[i][0], xs[i][1]});
        d.overall.push_back(ys[i]);
    }
    const DriverFit fit = fit_drivers(d);
    REQUIRE(fit.issue == DriverIssue::none);
    CHECK(fit.shares[0] == doctest::Approx(*r_squared(d, 1)));
    CHECK(fit.shares[1] == doctest::Approx(*r_squared(d, 2)));
    DriverData one = d;
    one.dimensions = 1;
    for (auto& row : one.scores) row.resize(1);
    const DriverFit single = fit_drivers(one);
    REQUIRE(single.weights.size() == 1);
    CHECK(single.weights[0] == 1);
}

TEST_CASE("drivers: collinear answers, same answers and too few respondents give no weights") {
    DriverData d = make_data(20, {1.0, 1.0, 0.0}, 11);
    for (auto& row : d.scores) row[2] = (row[0] + row[1]) / 2;  // advice = the mean of the first two
    DriverFit fit = fit_drivers(d);
    CHECK(fit.issue == DriverIssue::collinear);
    CHECK(fit.dimension == 2);
    CHECK(fit.weights.empty());
    CHECK_FALSE(r_squared(d, 7));

    for (auto& row : d.scores) row[1] = 4;
    fit = fit_drivers(d);
    CHECK(fit.issue == DriverIssue::same_answers);
    CHECK(fit.dimension == 1);

    DriverData few = make_data(4, {1.0, 0.5, 0.2}, 5);  // 3 dimensions need 5 respondents
    CHECK(min_driver_rows(3) == 5);
    CHECK(fit_drivers(few).issue == DriverIssue::too_few_rows);
    CHECK(fit_drivers(few).weights.empty());
    DriverData enough = make_data(5, {1.0, 0.5, 0.2}, 5);
    CHECK(fit_drivers(enough).issue != DriverIssue::too_few_rows);

    DriverData flat = make_data(10, {1.0, 0.5}, 3);
    for (double& y : flat.overall) y = 7;
    CHECK(fit_drivers(flat).issue == DriverIssue::same_overall);

    DriverData none;
    CHECK(fit_drivers(none).issue == DriverIssue::no_dimension);
}

TEST_CASE("drivers: driver weights replace the measured dimensions' share of a group's weights") {
    const DimensionWeights all = with_driver_weights({1, 1, 1, 1, 1}, {0, 1, 2, 3, 4}, {0.5, 0.2, 0.1, 0.1, 0.1});
    CHECK(all[0] == 0.5);
    CHECK(all[4] == 0.1);
    // Transactions and promises held 0.2 + 0.1 of (2, 1, 3, 2, 2) / 10: that 0.3 is split 3:1.
    const DimensionWeights some = with_driver_weights({2, 1, 3, 2, 2}, {0, 1}, {0.75, 0.25});
    CHECK(some[0] == doctest::Approx(0.225));
    CHECK(some[1] == doctest::Approx(0.075));
    CHECK(some[2] == doctest::Approx(0.3));  // unmeasured: its share kept
    double sum = 0;
    for (double w : some) sum += w;
    CHECK(sum == doctest::Approx(1));
    CHECK(with_driver_weights({0, 0, 0, 0, 0}, {2}, {1.0})[2] == doctest::Approx(0.2));
}
