// What the HTML and Markdown reports share: the figures and labels read off a plan and its
// projection once, the number formats the UI uses (trust x100 with one decimal, money with
// thousands separators) and the report's texts, all in the report's language. Internal to
// src/io/report_*.cpp.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/plan.hpp"
#include "io/presentation.hpp"
#include "io/report.hpp"

namespace fiducia::io::report_parts {

// A report text in the report's language. Always call with the English literal itself: the
// translation test collects the literal after the first argument of say( and sayf(.
std::string say(const ReportLanguage& lang, const char* english);
// say() of a printf format, filled in: sayf(lang, "Trust Index at month %d", 24).
std::string sayf(const ReportLanguage& lang, const char* english_format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

std::string trust(const ReportLanguage& lang, double share);        // 0.6132 -> "61.3"
std::string trust_whole(const ReportLanguage& lang, double share);  // 0.6 -> "60" (an axis tick)
std::string points(const ReportLanguage& lang, double delta);       // 0.021 -> "+2.1", tiny -> "0.0"
std::string money(const ReportLanguage& lang, double value, const std::string& currency);  // "EUR 12,346"
std::string number(const ReportLanguage& lang, double value, int decimals);  // 0.864, 2 -> "0.86" (counts: money(.., ""))
std::string month_name(const ReportLanguage& lang, int month, const std::string& start);  // "Mar 2027" or "Month 6"
using presentation::month_code;  // "2027-03" or "" (the CSV's, never translated)

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
    std::vector<WaterfallRow> waterfall;  // presentation::waterfall's order (the UI's)
};

// A table both reports draw, each in its own markup: cells are plain text (the caller escapes them).
struct ReportTable {
    std::vector<std::string> header;
    std::vector<bool> right;  // numeric columns, right-aligned
    std::vector<std::vector<std::string>> rows;
};

// The report's sections beyond the projection: what was measured and how the model compares (the
// backtest and the fitted base rates), and the workshop's scores. Each says in `lines` what a
// reader must know before its tables (coverage, agreement) and in `after` what follows from them.
struct ReportSection {
    std::string title;
    std::vector<std::string> lines;
    std::vector<std::pair<std::string, ReportTable>> tables;  // a sub-heading ("" for none) and its table
    std::vector<std::string> after;  // warnings that follow the tables
};

struct ReportData {
    std::string title, organisation, scenario_name, start;
    int horizon = 0;
    double index_now = 0, index_horizon = 0;
    std::vector<StakeholderRow> stakeholders;
    std::vector<ActionRow> actions;  // by start month, then file order
    double total_cost = 0, revenue_kept = 0;
    presentation::CustomerTotals customers;
    std::string currency;
    std::vector<ReportSection> sections;  // measurements, workshop: only those the plan has
};

ReportData gather(const Plan& plan, const Projection& projection, const ReportLanguage& lang);

// "24 months from Mar 2027 (month 0 is today, Feb 2027)", the scope line of both reports.
std::string scope_line(const ReportLanguage& lang, const ReportData& data);

}  // namespace fiducia::io::report_parts
