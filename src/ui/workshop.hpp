// Workshop mode's state and rules shared by its two screens: the participant's scoring session
// (src/ui/panel_workshop_score.cpp) and the facilitator's imports (src/ui/panel_workshop.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/workshop_files.hpp"

namespace fiducia::ui {

class App;
struct LoadOutcome;

// A participant scoring an invitation on this page. Nothing of any plan is in it.
struct ScoringSession {
    io::Invitation invitation;
    std::string name;            // optional; empty keeps the participant anonymous
    std::string participant_id;  // fixed at the first save or code: a re-saved file is the same person
    std::vector<int> scores;     // stakeholders x dimensions in invitation order; 0 = not sure
    bool show_code = false;
    std::vector<int> saved_scores;  // as last saved or shown as a code: Close asks again when they differ
    bool close_asked = false;

    int& score(std::size_t group, std::size_t dimension) { return scores[group * invitation.dimensions.size() + dimension]; }
    void fix_participant_id(double clock);  // call before the first save; later calls keep it
    io::RatingsFile ratings() const;  // the cells scored, "not sure" left out
    std::string file_name() const;    // e.g. "ratings-ana-ws-k3m9qd.json"
};

// Opens an invitation (the scoring screen) or imports a ratings file into the open plan; nullopt
// when `text` is neither, so the caller treats it as a plan.
std::optional<LoadOutcome> open_workshop_file(App& app, std::string_view text, const std::string& file_name);

// Adds one participant's ratings to the plan as one undo step. Returns "" or why it was refused.
std::string import_ratings(App& app, const io::RatingsFile& ratings);

// "Ana", or "Participant 3" (the place in the list) for someone who left their name out.
std::string participant_label(const Plan& plan, std::size_t index);

// Kendall's W in plain words (Schmidt 1997's reading of its size).
const char* kendall_reading(double w);

// window.fiducia.workshop(): {"id", "title", "stakeholders", "participants": [{"id", "label",
// "ratings"}], "items": [{"stakeholder", "dimension", "median", "q1", "q3", "iqr", "n",
// "share_trusting", "disagreement"}], "kendall_w", "base_rates": [{"stakeholder", "before",
// "after", "ratings"}], "scoring": null or {"workshop", "scored", "cells", "code"}}.
std::string workshop_json(App& app);

}  // namespace fiducia::ui
