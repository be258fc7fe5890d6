#include "io/presentation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace fiducia::presentation {

std::vector<WaterfallStep> waterfall(const std::vector<Contribution>& contributions) {
    double base = 0;
    std::vector<const Contribution*> others;
    for (const Contribution& c : contributions) {
        if (c.kind == ContributionKind::base_rate) base += c.value;
        else if (c.value != 0 && std::isfinite(c.value)) others.push_back(&c);
    }
    std::stable_sort(others.begin(), others.end(),
                     [](const Contribution* a, const Contribution* b) { return std::fabs(a->value) > std::fabs(b->value); });
    std::vector<WaterfallStep> steps;
    steps.push_back({ContributionKind::base_rate, {}, base, 0, base});
    double at = base;
    for (const Contribution* c : others) {
        steps.push_back({c->kind, c->id, c->value, at, at + c->value});
        at += c->value;
    }
    return steps;
}

int month_step(int horizon, int max_ticks) {
    horizon = std::max(horizon, 0);
    max_ticks = std::max(max_ticks, 2);
    static const int kSteps[] = {1, 2, 3, 6, 12, 24, 36, 48, 60, 120};
    for (int s : kSteps)
        if (horizon / s + 1 <= max_ticks) return s;
    return kSteps[std::size(kSteps) - 1];
}

std::vector<int> month_ticks(int horizon, int max_ticks) {
    const int step = month_step(horizon, max_ticks);
    horizon = std::max(horizon, 0);
    std::vector<int> ticks;
    for (int m = 0; m <= horizon; m += step) ticks.push_back(m);
    return ticks;
}

bool parse_year_month(const std::string& text, int& year, int& month) {
    if (text.size() != 7 || text[4] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (text[i] < '0' || text[i] > '9') return false;
    const int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    const int m = (text[5] - '0') * 10 + (text[6] - '0');
    if (m < 1 || m > 12) return false;
    year = y;
    month = m;
    return true;
}

long calendar_month(int month, const std::string& start) {
    int year = 0, mon = 0;
    if (!parse_year_month(start, year, mon)) return -1;
    return std::max(0L, static_cast<long>(year) * 12 + (mon - 1) + (static_cast<long>(month) - 1));
}

std::string month_code(int month, const std::string& start) {
    const long total = calendar_month(month, start);
    if (total < 0) return "";
    char b[24];
    std::snprintf(b, sizeof b, "%04ld-%02ld", total / 12, total % 12 + 1);
    return b;
}

namespace {
template <typename T, typename Words>
std::string named(const std::vector<T>& list, const std::string& id, Words words) {
    for (const T& item : list)
        if (item.id == id) return words(item).empty() ? id : words(item);
    return id;
}
}  // namespace

std::string entity_label(const Plan& plan, ContributionKind kind, const std::string& id) {
    switch (kind) {
        case ContributionKind::touchpoint:
            return named(plan.touchpoints, id, [](const Touchpoint& t) -> const std::string& { return t.name; });
        case ContributionKind::commitment:
            return named(plan.commitments, id, [](const Commitment& c) -> const std::string& { return c.statement; });
        case ContributionKind::knowledge_source:
            return named(plan.knowledge_sources, id, [](const KnowledgeSource& k) -> const std::string& { return k.name; });
        case ContributionKind::observation: return observation_label(plan, id, [](int month, const std::string& source) {
            return "measured trust, month " + std::to_string(month) + (source.empty() ? "" : ": " + source);
        });
        case ContributionKind::base_rate:
        case ContributionKind::peers:
        case ContributionKind::culture: break;
    }
    return id;
}

const Observation* observation_of(const Plan& plan, const std::string& id) {
    std::size_t index = 0;
    if (id.empty() || id.size() > 9) return nullptr;
    for (char c : id) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index < plan.observations.size() ? &plan.observations[index] : nullptr;
}

std::string observation_label(const Plan& plan, const std::string& id,
                              const std::function<std::string(int month, const std::string& source)>& words) {
    const Observation* o = observation_of(plan, id);
    return o ? words(o->month, o->source) : id;
}

CustomerTotals customer_totals(const Plan& plan, const Projection& projection) {
    CustomerTotals t;
    if (projection.months.empty()) return t;
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        if (plan.stakeholders[g].kind != StakeholderKind::customers) continue;
        t.any = true;
        const StakeholderMonth& end = projection.months.back().stakeholders[g];
        t.kept += end.size * end.retained;
        t.size += end.size;
        for (std::size_t m = 1; m < projection.months.size(); ++m) {
            const StakeholderMonth& sm = projection.months[m].stakeholders[g];
            if (sm.retained > 1e-9) t.revenue_lost += sm.revenue * (1 - sm.retained) / sm.retained;
        }
    }
    return t;
}

}  // namespace fiducia::presentation
