// What the HTML and Markdown reports share: the figures and labels read off a plan and its
// projection once, and the number formats the UI uses (trust x100 with one decimal, money with
// thousands separators). Internal to src/io/report_*.cpp.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/plan.hpp"

namespace fiducia::io::report_parts {

std::string trust(double share);                   // 0.6132 -> "61.3"
std::string points(double delta);                  // 0.021 -> "+2.1", tiny -> "0.0"
std::string money(double value, const std::string& currency);  // "EUR 12,346"
std::string month_name(int month, const std::string& start);  // "Mar 2027" or "Month 6"
std::string month_code(int month, const std::string& start);  // "2027-03" or ""

struct ActionRow {
    const Action* action = nullptr;
    bool on = false;     // enabled in the reported scenario
    double cost = 0;     // over the horizon, as the projection counts it (0 when off)
};

struct WaterfallRow {
    std::string label;   // the source's name in the plan (user text)
    double value = 0;
    double from = 0, to = 0;
};

struct StakeholderRow {
    std::string name;    // name, or id when unnamed
    const StakeholderMonth* now = nullptr;      // month 0
    const StakeholderMonth* horizon = nullptr;  // last month
    bool customers = false;
    std::vector<WaterfallRow> waterfall;  // base rate first, then largest first (the UI's order)
};

struct ReportData {
    std::string title, organisation, scenario_name, start;
    int horizon = 0;
    double index_now = 0, index_horizon = 0;
    std::vector<StakeholderRow> stakeholders;
    std::vector<ActionRow> actions;  // by start month, then file order
    double total_cost = 0, revenue_kept = 0;
    std::string currency;
};

ReportData gather(const Plan& plan, const Projection& projection);

// "24 months from Mar 2027 (month 0 is today, Feb 2027)", the scope line of both reports.
std::string scope_line(const ReportData& data);

}  // namespace fiducia::io::report_parts
