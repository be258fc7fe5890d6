// Sensitivity (tornado) and workshop aggregation.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model.hpp"
#include "test_core_fixtures.hpp"

using namespace fiducia;
using namespace fiducia::test;

TEST_CASE("sensitivity: every numeric input, +-20% clamped, ranked by swing") {
    const Plan plan = example_plan();
    const std::vector<SensitivityItem> items = sensitivity(plan);
    CHECK(items.size() > 50);
    const double ti = project(plan).months[24].trust_index;
    bool has_bad = false, has_cov = false, has_forgetting = false, has_kept = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const SensitivityItem& it = items[i];
        if (i > 0)
            CHECK(std::fabs(items[i - 1].trust_high - items[i - 1].trust_low) >=
                  std::fabs(it.trust_high - it.trust_low));
        has_bad = has_bad || it.input == "/touchpoints/2/bad_share";
        has_cov = has_cov || it.input == "/knowledge_sources/0/coverage/customers";
        has_forgetting = has_forgetting || it.input == "/settings/forgetting";
        has_kept = has_kept || it.input == "/commitments/0/kept_share";
        // each side lies around the unchanged plan's trust index, or equals it
        CHECK(std::min(it.trust_low, it.trust_high) <= ti + 1e-12);
        CHECK(std::max(it.trust_low, it.trust_high) >= ti - 1e-12);
    }
    CHECK(has_bad);
    CHECK(has_cov);
    CHECK(has_forgetting);
    CHECK(has_kept);
    CHECK(std::fabs(items[0].trust_high - items[0].trust_low) > 0.005);
    for (const SensitivityItem& it : items) {
        if (it.input == "/touchpoints/2/bad_share") {
            CHECK(it.label == "delivery: bad share");
            CHECK(it.value == 0.04);
            CHECK(it.trust_high < it.trust_low);  // more bad experiences, less trust
            // the same as editing the plan by hand
            Plan edited = plan;
            edited.touchpoints[2].bad_share = 0.04 * 1.2;
            CHECK(it.trust_high == doctest::Approx(project(edited).months[24].trust_index).epsilon(1e-12));
        }
        if (it.input == "/commitments/0/kept_share") {
            // 0.97 * 1.2 clamps to 1
            Plan edited = plan;
            edited.commitments[0].kept_share = 1.0;
            CHECK(it.trust_high == doctest::Approx(project(edited).months[24].trust_index).epsilon(1e-12));
        }
    }
}

TEST_CASE("sensitivity in slices and shares, gathered, gives one run's items exactly") {
    const Plan plan = example_plan();
    ProjectionOptions options;
    options.scenario = plan.scenarios.empty() ? std::nullopt : std::optional<std::string>(plan.scenarios[0].id);
    const std::vector<SensitivityItem> whole = sensitivity(plan, options);
    auto same = [](const std::vector<SensitivityItem>& a, const std::vector<SensitivityItem>& b) {
        bool equal = a.size() == b.size();
        for (std::size_t i = 0; equal && i < a.size(); ++i)
            equal = a[i].input == b[i].input && a[i].label == b[i].label && a[i].value == b[i].value &&
                    a[i].trust_low == b[i].trust_low && a[i].trust_high == b[i].trust_high;
        return equal;
    };
    for (int shares : {1, 2, 3, 7}) {
        CAPTURE(shares);
        std::vector<std::vector<SensitivityItem>> parts;
        for (int k = 0; k < shares; ++k) {
            Sensitivity run(plan, options, k, shares);
            double last = -1;
            while (!run.done()) {
                CHECK(run.progress() > last);
                last = run.progress();
                run.step(2);
            }
            CHECK(run.progress() == 1.0);
            CHECK(same(run.items(), sensitivity_share(plan, options, k, shares)));
            parts.push_back(run.items());
        }
        CHECK(same(sensitivity_gather(parts), whole));
    }
}

TEST_CASE("workshop aggregation on a hand-computed case, with Kendall's W") {
    Plan plan;
    plan.stakeholders = {make_group("c", StakeholderKind::customers)};
    for (const char* id : {"p1", "p2", "p3", "p4"}) {
        Participant p;
        p.id = id;
        plan.workshop.participants.push_back(p);
    }
    auto rate = [&](const char* who, Dimension d, int score) {
        Rating r;
        r.participant = who;
        r.stakeholder = "c";
        r.dimension = d;
        r.score = score;
        plan.workshop.ratings.push_back(r);
    };
    using D = Dimension;
    rate("p1", D::transactions, 7), rate("p1", D::promises, 5), rate("p1", D::honesty, 3);
    rate("p2", D::transactions, 8), rate("p2", D::promises, 6), rate("p2", D::honesty, 6);
    rate("p3", D::transactions, 6), rate("p3", D::promises, 7), rate("p3", D::honesty, 2);
    rate("p4", D::transactions, 9);  // incomplete: counted in the items, skipped for W
    Rating stray;                    // dangling references and bad scores are skipped
    stray.participant = "ghost";
    stray.stakeholder = "c";
    stray.score = 1;
    plan.workshop.ratings.push_back(stray);
    Rating bad;
    bad.participant = "p1";
    bad.stakeholder = "nobody";
    plan.workshop.ratings.push_back(bad);
    Rating out_of_scale;
    out_of_scale.participant = "p1";
    out_of_scale.stakeholder = "c";
    out_of_scale.dimension = D::empathy;
    out_of_scale.score = 12;
    plan.workshop.ratings.push_back(out_of_scale);

    const WorkshopSummary w = aggregate_workshop(plan);
    CHECK(w.participants == 4);
    CORE_REQUIRE(w.items.size() == 3);
    const WorkshopItem& t = w.items[0];
    CHECK(t.dimension == D::transactions);
    CHECK(t.count == 4);
    CHECK(t.median == 7.5);
    CHECK(t.q1 == 6.75);
    CHECK(t.q3 == 8.25);
    CHECK(t.share_trusting == 1.0);
    CHECK_FALSE(t.disagreement);
    const WorkshopItem& p = w.items[1];
    CHECK(p.median == 6.0);
    CHECK(p.q1 == 5.5);
    CHECK(p.q3 == 6.5);
    CHECK(p.share_trusting == doctest::Approx(2.0 / 3.0));
    CHECK_FALSE(p.disagreement);
    const WorkshopItem& h = w.items[2];
    CHECK(h.median == 3.0);
    CHECK(h.q1 == 2.5);
    CHECK(h.q3 == 4.5);
    CHECK(h.disagreement);  // a third trusting, two thirds distrusting
    // rank sums 8, 6.5, 3.5 (p2's tie: T = 6): W = 12 * 10.5 / (9 * 24 - 3 * 6) = 126 / 198
    CHECK(w.kendall_w == doctest::Approx(126.0 / 198.0).epsilon(1e-12));

    // perfect agreement gives W = 1; an IQR of 3 or more flags disagreement
    Plan agree = plan;
    agree.workshop.ratings.clear();
    for (const char* who : {"p1", "p2", "p3"}) {
        Rating r;
        r.participant = who;
        r.stakeholder = "c";
        r.dimension = D::advice;
        r.score = 2;
        agree.workshop.ratings.push_back(r);
        r.dimension = D::empathy;
        r.score = 9;
        agree.workshop.ratings.push_back(r);
    }
    agree.workshop.ratings[0].score = 1;
    agree.workshop.ratings[2].score = 5;
    const WorkshopSummary a = aggregate_workshop(agree);
    CHECK(a.kendall_w == doctest::Approx(1.0));
    CHECK(a.items[0].q3 - a.items[0].q1 == 2.0);
    Plan none;
    CHECK(aggregate_workshop(none).kendall_w == 0.0);
    CHECK(aggregate_workshop(none).items.empty());
}
