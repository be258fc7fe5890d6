// Workshop aggregation (MODEL.md "Measurements and workshops"): per stakeholder x dimension the
// median and quartiles of the 9-point scores, the share trusting (6..9), a disagreement flag, and
// Kendall's W across participants; and the median of how much each dimension matters (1..5).
#include <algorithm>
#include <cmath>
#include <map>

#include "core/model.hpp"

namespace fiducia {
namespace {

// Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default
// of R and NumPy): h = (n - 1) p, q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
double quantile(const std::vector<int>& sorted, double p) {
    if (sorted.empty()) return 0.0;
    const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
    const std::size_t i = static_cast<std::size_t>(h);
    const double frac = h - static_cast<double>(i);
    if (i + 1 >= sorted.size()) return sorted.back();
    return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

}  // namespace

WorkshopSummary aggregate_workshop(const Plan& plan) {
    WorkshopSummary out;
    const std::size_t G = plan.stakeholders.size();
    std::map<std::string, std::size_t> group_of, participant_of;
    for (std::size_t g = 0; g < G; ++g) group_of.emplace(plan.stakeholders[g].id, g);
    for (std::size_t p = 0; p < plan.workshop.participants.size(); ++p)
        participant_of.emplace(plan.workshop.participants[p].id, p);
    const std::size_t P = plan.workshop.participants.size();

    // answers[participant][item]: the participant's last valid answer (a score, a judgement) for
    // the item, 0 if none. Answers naming an unknown stakeholder or participant, or out of range, are skipped.
    const std::size_t items = G * kDimensions;
    auto answers = [&](const auto& list, auto value_of, int highest) {
        std::vector<std::vector<int>> last(P, std::vector<int>(items, 0));
        for (const auto& r : list) {
            const auto g = group_of.find(r.stakeholder);
            const auto p = participant_of.find(r.participant);
            const int d = static_cast<int>(r.dimension);
            const int v = value_of(r);
            if (g == group_of.end() || p == participant_of.end() || v < 1 || v > highest || d < 0 || d >= kDimensions)
                continue;
            last[p->second][g->second * kDimensions + d] = v;
        }
        return last;
    };
    const std::vector<std::vector<int>> score = answers(plan.workshop.ratings, [](const Rating& r) { return r.score; }, 9);

    out.raters.assign(G, 0);
    for (std::size_t p = 0; p < P; ++p)
        for (std::size_t g = 0; g < G; ++g)
            out.raters[g] += std::any_of(score[p].begin() + static_cast<std::ptrdiff_t>(g * kDimensions),
                                         score[p].begin() + static_cast<std::ptrdiff_t>((g + 1) * kDimensions),
                                         [](int x) { return x > 0; });
    std::vector<std::size_t> rated;  // items with at least one rating, plan order
    for (std::size_t it = 0; it < items; ++it) {
        std::vector<int> xs;
        for (std::size_t p = 0; p < P; ++p)
            if (score[p][it] > 0) xs.push_back(score[p][it]);
        if (xs.empty()) continue;
        rated.push_back(it);
        std::sort(xs.begin(), xs.end());
        WorkshopItem w;
        w.stakeholder = plan.stakeholders[it / kDimensions].id;
        w.dimension = static_cast<Dimension>(it % kDimensions);
        w.count = static_cast<int>(xs.size());
        w.median = quantile(xs, 0.5);
        w.q1 = quantile(xs, 0.25);
        w.q3 = quantile(xs, 0.75);
        int trusting = 0, distrusting = 0;
        for (int x : xs) {
            trusting += x >= 6 ? 1 : 0;
            distrusting += x <= 4 ? 1 : 0;
        }
        const double n = static_cast<double>(xs.size());
        w.share_trusting = trusting / n;
        double q = 0;
        for (int x : xs) q += (x - 1) / 8.0;
        w.mean_q = q / n;
        // Disagreement: the middle half spans 3 points or more of the scale (IQR >= 3), or the
        // room is split, at least a quarter trusting (6..9) and a quarter distrusting (1..4).
        w.disagreement = (w.q3 - w.q1 >= 3.0) || (trusting / n >= 0.25 && distrusting / n >= 0.25);
        out.items.push_back(w);
    }
    // Importance: the median of the participants' 1..5 judgements of the item.
    const std::vector<std::vector<int>> importance =
        answers(plan.workshop.importance, [](const ImportanceRating& r) { return r.importance; }, 5);
    for (std::size_t it = 0; it < items; ++it) {
        std::vector<int> xs;
        for (std::size_t p = 0; p < P; ++p)
            if (importance[p][it] > 0) xs.push_back(importance[p][it]);
        if (xs.empty()) continue;
        std::sort(xs.begin(), xs.end());
        out.importance.push_back({plan.stakeholders[it / kDimensions].id, static_cast<Dimension>(it % kDimensions),
                                  static_cast<int>(xs.size()), quantile(xs, 0.5)});
    }
    for (std::size_t p = 0; p < P; ++p) {
        bool any = false;
        for (std::size_t it = 0; it < items; ++it) any = any || score[p][it] > 0;
        out.participants += any ? 1 : 0;
    }

    // Kendall's W over the rated items, across the participants who rated all of them (the
    // others are skipped): each ranks the items by score (ties get their average rank);
    // W = 12 S / (m^2 (n^3 - n) - m sum T), S = sum of squared deviations of the rank sums,
    // T = sum over tie groups of (t^3 - t). 0 when fewer than two raters or items.
    const std::size_t n = rated.size();
    std::vector<double> rank_sum(n, 0.0);
    double ties = 0;
    std::size_t m = 0;
    for (std::size_t p = 0; p < P; ++p) {
        bool complete = n > 0;
        for (std::size_t j = 0; j < n; ++j) complete = complete && score[p][rated[j]] > 0;
        if (!complete) continue;
        ++m;
        std::vector<std::size_t> order(n);
        for (std::size_t j = 0; j < n; ++j) order[j] = j;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return score[p][rated[a]] < score[p][rated[b]];
        });
        for (std::size_t a = 0; a < n;) {
            std::size_t b = a;
            while (b + 1 < n && score[p][rated[order[b + 1]]] == score[p][rated[order[a]]]) ++b;
            const double avg = (static_cast<double>(a + 1) + static_cast<double>(b + 1)) / 2.0;
            for (std::size_t c = a; c <= b; ++c) rank_sum[order[c]] += avg;
            const double t = static_cast<double>(b - a + 1);
            ties += t * t * t - t;
            a = b + 1;
        }
    }
    if (m >= 2 && n >= 2) {
        const double mean = static_cast<double>(m) * (static_cast<double>(n) + 1.0) / 2.0;
        double S = 0;
        for (double R : rank_sum) S += (R - mean) * (R - mean);
        const double md = static_cast<double>(m), nd = static_cast<double>(n);
        const double denom = md * md * (nd * nd * nd - nd) - md * ties;
        out.kendall_w = denom > 0 ? std::min(1.0, std::max(0.0, 12.0 * S / denom)) : 0.0;
    }
    return out;
}

}  // namespace fiducia
