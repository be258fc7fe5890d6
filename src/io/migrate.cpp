#include "io/migrate.hpp"

namespace fiducia::io {

namespace {

// Version 0 (the pre-release draft, never published; kept so the migration path is exercised by
// tests): identical to version 1 except that the culture lived inside the settings:
//     {"fiducia": "plan", "version": 0,
//      "settings": {"horizon_months": 24, "empowerment": 0.3, "reward": 0.2}, ...}
// Version 1 moves them to a top-level "culture" object: {"empowerment": 0.3, "reward": 0.2}.
// A v0 file that already has a "culture" keeps its values; the settings' values win only where
// the culture does not name the field.
void v0_to_v1(Json& doc) {
    if (!doc.is_object()) return;
    auto settings = doc.find("settings");
    if (settings == doc.end() || !settings->is_object()) return;
    Json moved = Json::object();
    for (const char* key : {"empowerment", "reward"}) {
        auto it = settings->find(key);
        if (it != settings->end()) {
            moved[key] = *it;
            settings->erase(key);
        }
    }
    if (moved.empty()) return;
    if (!doc.contains("culture") || !doc["culture"].is_object()) doc["culture"] = Json::object();
    Json& culture = doc["culture"];
    for (auto it = moved.begin(); it != moved.end(); ++it) {
        if (!culture.contains(it.key())) culture[it.key()] = it.value();
    }
}

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {0, 1, "settings.empowerment and settings.reward move to culture", &v0_to_v1},
    };
    return list;
}

bool migrate(Json& doc, int from, int to, std::string& error) {
    int version = from;
    while (version < to) {
        const Migration* step = nullptr;
        for (const Migration& m : migrations()) {
            if (m.from == version) {
                step = &m;
                break;
            }
        }
        if (!step) {
            error = "no migration from version " + std::to_string(version);
            return false;
        }
        step->apply(doc);
        version = step->to;
    }
    if (doc.is_object()) doc["version"] = version;
    return true;
}

}  // namespace fiducia::io
