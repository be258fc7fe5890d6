// Workshop mode's state and rules shared by its two screens: the participant's scoring session
// (src/ui/panels/panel_workshop_score.cpp) and the facilitator's imports (src/ui/panels/panel_workshop.cpp).
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
    std::vector<int> importance;  // the same cells: how much the dimension matters, 1..5; 0 = not judged
    bool show_code = false;
    std::vector<int> saved_scores;  // scores then importance, as last saved or shown as a code:
    bool close_asked = false;       // Close asks again when they differ

    int& score(std::size_t group, std::size_t dimension) { return scores[group * invitation.dimensions.size() + dimension]; }
    int& matters(std::size_t group, std::size_t dimension) {
        return importance[group * invitation.dimensions.size() + dimension];
    }
    std::vector<int> answers() const;  // scores then importance: what a saved file or code holds
    void fix_participant_id(double clock);  // call before the first save; later calls keep it
    io::RatingsFile ratings() const;  // the cells scored and judged; "not sure" left out
    std::string file_name() const;    // e.g. "ratings-ana-ws-k3m9qd.json"
};

// Opens an invitation (the scoring screen) or imports a ratings file into the open plan; nullopt
// when `text` is neither, so the caller treats it as a plan.
std::optional<LoadOutcome> open_workshop_file(App& app, std::string_view text, const std::string& file_name);

// Adds one participant's ratings to the plan as one undo step. Returns "" or why it was refused.
std::string import_ratings(App& app, const io::RatingsFile& ratings);

// The first participant before `index` whose answers (scores and importance) equal theirs cell for
// cell, if any. One person who sent both a file and a code looks like this (a code carries no id,
// so it cannot be told apart); two people can also answer alike, so the facilitator decides.
std::optional<std::size_t> same_answers_as(const Plan& plan, std::size_t index);
// The same for every participant at once (a list drawn each frame asks once, not once a row).
std::vector<std::optional<std::size_t>> same_answers(const Plan& plan);

// "Ana", or "Participant 3" (the place in the list) for someone who left their name out.
std::string participant_label(const Plan& plan, std::size_t index);

// Kendall's W in plain words (Schmidt 1997's reading of its size).
const char* kendall_reading(double w);

// window.fiducia.workshop(): {"id", "title", "stakeholders", "participants": [{"id", "label",
// "ratings"}], "items": [{"stakeholder", "dimension", "median", "q1", "q3", "iqr", "n",
// "share_trusting", "disagreement"}], "importance": [{"stakeholder", "dimension", "median", "n"}],
// "kendall_w", "base_rates": [{"stakeholder", "before", "after", "ratings"}], "weights":
// [{"stakeholder", "before", "after", "judgements"}] (weights as {dimension: weight}), "scoring":
// null or {"workshop", "scored", "judged", "cells", "code"}}.
std::string workshop_json(App& app);

}  // namespace fiducia::ui
