// Measurements > Import survey... (issue 15): a survey export (CSV) read beside the open plan, its
// columns mapped onto group, overall, the dimensions and NPS, and what Apply would add (trust share
// and NPS per group, and if chosen each group's driver weights) previewed. Not saved in the plan.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/drivers.hpp"
#include "io/survey_csv.hpp"

namespace fiducia::ui {

class App;

struct SurveyImportView {
    bool open = false;
    std::string file_name;
    std::string error;  // the file was refused: why
    io::CsvTable table;
    io::SurveyMapping mapping;
    double month = 0;
    bool set_weights = false;
    // What the mapping gives, for one revision of the plan (the stakeholders it matches against).
    bool stale = true;
    std::uint64_t revision = ~0ull;
    io::Survey survey;
    std::vector<DriverFit> fits;
    io::SurveyObservations found;
};

// Reads a survey file into the import screen and shows it in Measurements.
void open_survey(App& app, std::string_view text, const std::string& file_name);
// The import screen, drawn by Measurements while a survey is open.
void draw_survey_import(App& app);
// Adds the observations (and, when chosen, the driver weights) as one undo step; false when it cannot.
bool apply_survey(App& app);

}  // namespace fiducia::ui
