#include "ui/document/versions.hpp"

#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

#include "io/diff.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/compare_view.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/platform/platform.hpp"

namespace fiducia::ui {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

// The date of a day number (the inverse of days_from_civil).
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
}

}  // namespace

// The C library's time zone: natively the system's, in the browser Emscripten's (the page overrides it).
int Platform::utc_offset_minutes(long long utc_seconds) {
    const std::time_t t = static_cast<std::time_t>(utc_seconds);
    std::tm local{};
    if (!localtime_r(&t, &local)) return 0;
    return static_cast<int>(local.tm_gmtoff / 60);
}

std::optional<long long> parse_utc_time(const std::string& iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s;
}

std::string local_time_text(const std::string& iso, int offset_minutes) {
    const std::optional<long long> utc = parse_utc_time(iso);
    if (!utc) return iso;
    const long long local = *utc + offset_minutes * 60LL;
    const long long day = (local >= 0 ? local : local - 86399) / 86400, second = local - day * 86400;
    long long y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(day, y, m, d);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", static_cast<int>(y), m, d, static_cast<int>(second / 3600),
                  static_cast<int>(second % 3600 / 60));
    return text;
}

std::string version_changes(const Plan& older, const Plan& newer) {
    const io::PlanDiff diff = io::diff_plans(older, newer);
    std::vector<std::string> parts;
    if (older.meta.title != newer.meta.title) parts.push_back(trf("title \"%s\"", newer.meta.title.c_str()));
    std::vector<std::pair<std::string, int>> lists;  // in the file's order
    for (const io::EntityChange& e : diff.entities) {
        if (lists.empty() || lists.back().first != e.list) lists.push_back({e.list, 0});
        ++lists.back().second;
    }
    for (const auto& [list, count] : lists) parts.push_back(compare_list_heading(list) + " " + chart::format_number(count));
    int settings = 0;
    for (const io::FieldChange& f : diff.fields) settings += f.pointer != "/meta/title";
    if (settings > 0) parts.push_back(trf("settings %s", chart::format_number(settings).c_str()));
    if (parts.empty()) return tr("No change");
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
    return text;
}

}  // namespace fiducia::ui
