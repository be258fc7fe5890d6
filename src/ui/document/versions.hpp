// File > Restore previous version: each kept version's time in the user's local time, and what it
// changed from the version before it, so versions with the same title can be told apart.
#pragma once

#include <optional>
#include <string>

#include "core/plan.hpp"

namespace fiducia::ui {

// "2027-01-01T09:30:00Z" -> seconds since 1970 (UTC); nullopt when it is no such time.
std::optional<long long> parse_utc_time(const std::string& iso);
// The stored UTC time as local "2027-01-01 10:30" for an offset of +60 minutes; the text as it is
// when it cannot be read.
std::string local_time_text(const std::string& iso, int offset_minutes);
// What `newer` changed from `older`, in the chosen language: "Touchpoints 3, Actions 2" (entities
// added, removed or changed per list), "settings 4" for other fields, and the title when it differs.
// "No change" when they are the same.
std::string version_changes(const Plan& older, const Plan& newer);

}  // namespace fiducia::ui
