// What the UI and the reports show alike, computed once: the order of the explanation waterfall,
// month ticks, the calendar of a plan's months ("YYYY-MM" read in one place) and the plan's own
// words for a source of evidence. Pure C++, no strings in a language: each output says the fixed
// labels ("Base rate", "Month 6") in its own words and its own number format.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/plan.hpp"

namespace fiducia::presentation {

// One bar of the explanation waterfall: the score runs from `from` to `to` after this source.
struct WaterfallStep {
    ContributionKind kind = ContributionKind::base_rate;  // as in Contribution
    std::string id;
    double value = 0;
    double from = 0, to = 0;
};
// Base rate first (from 0), then every other source largest first by absolute value (ties keep
// the plan order); the last step's `to` is the trust score. Zero and non-finite contributions are
// dropped (they move nothing a reader could see).
std::vector<WaterfallStep> waterfall(const std::vector<Contribution>& contributions);

// The customers groups over the horizon (the dashboard's and the report's figures).
struct CustomerTotals {
    bool any = false;         // the plan has a group of kind customers
    double kept = 0;          // customers still there at the horizon
    double size = 0;          // the groups' size at the horizon
    double lost() const { return size - kept; }
    double revenue_lost = 0;  // what the leavers would have brought in months 1..horizon
};
CustomerTotals customer_totals(const Plan& plan, const Projection& projection);

// The step of month ticks over 0..horizon: 1, 2, 3, 6, 12, 24... months, the smallest giving at
// most max_ticks ticks from month 0 (a year's multiples read as calendar years).
int month_step(int horizon, int max_ticks);
// Month ticks 0, step, 2 step... up to the horizon.
std::vector<int> month_ticks(int horizon, int max_ticks);

// "YYYY-MM" into year and month (1..12); false when malformed (the plan file's rule for settings.start).
bool parse_year_month(const std::string& text, int& year, int& month);
// Months since year 0 of projection month m (settings.start is the label of month 1, so month 0,
// today, is the month before it; never before year 0); -1 without a valid start.
long calendar_month(int month, const std::string& start);
// "2027-03" of projection month m, or "" without a valid start (the CSV's, never translated).
std::string month_code(int month, const std::string& start);

// The plan's words for a source of evidence: the touchpoint's or knowledge source's name, the
// commitment's statement; the id when that is empty or the entity is gone. The base rate, peers and
// culture have no entity: each output names them in its own language (empty here).
std::string entity_label(const Plan& plan, ContributionKind kind, const std::string& id);

// The measurement an "observation:I" contribution names (its id is the index), or null.
const Observation* observation_of(const Plan& plan, const std::string& id);

// A measurement's label in the caller's language, `words(month, source)` (source "" when none); the
// id itself when no such measurement.
std::string observation_label(const Plan& plan, const std::string& id,
                              const std::function<std::string(int month, const std::string& source)>& words);

}  // namespace fiducia::presentation
