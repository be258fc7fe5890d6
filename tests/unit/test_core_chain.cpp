// The customers-lost chain: survival anchors, closed form, truncation.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/chain.hpp"
#include "core/model.hpp"

using namespace fiducia;

namespace {
// E[S(K)], K ~ Poisson(M), computed independently with libm.
double closed_form(double M, double kappa, double beta) {
    double sum = 0, term = std::exp(-M);
    for (int k = 0; k < 2000; ++k) {
        if (k > 0) term *= M / k;
        sum += term * std::exp(-std::pow(k / kappa, beta));
        if (k > M + 50 && term < 1e-300) break;
    }
    return sum;
}
}  // namespace

TEST_CASE("survival anchors: S(1) = 2/3 and S(3) = 0.08 with the defaults") {
    CHECK(std::fabs(survival(1, 1.72, 1.665) - 2.0 / 3.0) < 1e-3);
    CHECK(std::fabs(survival(3, 1.72, 1.665) - 0.08) < 1e-3);
    CHECK(survival(0, 1.72, 1.665) == 1.0);
    CHECK(survival(2, 1.72, 1.665) < survival(1, 1.72, 1.665));
}

TEST_CASE("chain with forgetting 1 equals the closed form E[S(K)] to 1e-9") {
    const std::vector<std::vector<double>> cases = {
        {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3},
        {0.05, 1.2, 0.0, 2.5, 0.4, 0.7},
        std::vector<double>(36, 0.11),
        {7.5, 12.0, 0.2},
    };
    for (const auto& mu : cases) {
        const core::ChainResult r = core::retention_chain(mu, 1.0, 1.72, 1.665);
        double M = 0;
        for (std::size_t m = 0; m < mu.size(); ++m) {
            M += mu[m];
            CHECK(std::fabs(r.retained[m + 1] - closed_form(M, 1.72, 1.665)) < 1e-9);
        }
        CHECK(r.dropped < 1e-9);
        CHECK(r.retained[0] == 1.0);
    }
    // other survival shapes too
    const std::vector<double> mu(24, 0.4);
    for (double beta : {0.7, 1.0, 2.5}) {
        const core::ChainResult r = core::retention_chain(mu, 1.0, 2.0, beta);
        CHECK(std::fabs(r.retained[24] - closed_form(0.4 * 24, 2.0, beta)) < 1e-9);
    }
}

TEST_CASE("chain: forgetting helps, more bad experiences hurt, truncation stays tiny") {
    const std::vector<double> mu(36, 0.3), more(36, 0.6);
    const auto forget = core::retention_chain(mu, 0.9, 1.72, 1.665);
    const auto remember = core::retention_chain(mu, 1.0, 1.72, 1.665);
    const auto worse = core::retention_chain(more, 0.9, 1.72, 1.665);
    CHECK(forget.retained[1] == remember.retained[1]);  // month 1 starts from k = 0
    for (int m = 1; m <= 36; ++m) {
        if (m >= 2) CHECK(forget.retained[m] > remember.retained[m]);
        CHECK(worse.retained[m] < forget.retained[m]);
        CHECK(forget.retained[m] < forget.retained[m - 1]);
    }
    CHECK(forget.dropped < 1e-9);
    // one month with mu: exactly E[S(N)] = sum Pois(n) S(n) from k = 0
    const auto one = core::retention_chain({0.8}, 0.9, 1.72, 1.665);
    CHECK(std::fabs(one.retained[1] - closed_form(0.8, 1.72, 1.665)) < 1e-12);
    // huge rates do not hang or produce NaN
    const auto huge = core::retention_chain(std::vector<double>(12, 5000.0), 0.9, 1.72, 1.665);
    CHECK(huge.retained[12] >= 0.0);
    CHECK(huge.retained[12] < 1e-6);
    CHECK(huge.dropped < 1e-9);
}
