// Survey exports (issue 15; docs/FORMAT.md "Survey files"): a CSV reader for what Qualtrics,
// SurveyMonkey, Google Forms, Microsoft Forms and spreadsheets write, and the mapping of its columns
// onto a group, the overall trust score, the five dimensions and NPS. Pure functions of the text, so
// the CLI, the UI and the fuzz target call the same code.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/drivers.hpp"
#include "core/plan.hpp"

namespace fiducia::io {

struct CsvRow {
    std::size_t line = 0;  // where the row starts, from 1
    std::vector<std::string> cells;
};

struct CsvTable {
    char delimiter = ',';
    std::vector<std::string> header;  // as written (BOM removed, cells untrimmed)
    std::vector<CsvRow> rows;         // blank lines left out; a row may be shorter or longer than the header
};

struct CsvRead {
    bool ok = false;
    std::string error;  // why not, with the line where it applies
    CsvTable table;
};

// UTF-8 with or without a BOM; the delimiter is the one of comma, semicolon and tab that the header
// line holds most of outside quotes (comma on a tie or none); CRLF, LF or CR line ends; RFC 4180
// quoting (delimiters, doubled quotes and line breaks inside quoted cells); blank lines skipped.
// Refused: more than 20 MB, binary data (NUL bytes, image/archive signatures, not UTF-8), no header,
// a quote left open.
CsvRead read_csv(std::string_view text);

// The scales an answer column may use; each is mapped linearly onto 1..9 (MODEL.md "Key drivers").
enum class SurveyScale : int { one_to_nine, one_to_five, one_to_seven, zero_to_ten };
inline constexpr std::array<const char*, 4> kSurveyScaleLabels = {"1-9", "1-5", "1-7", "0-10"};
struct ScaleRange {
    double lo, hi;
};
ScaleRange scale_range(SurveyScale scale);
// An answer on `scale` as a 1..9 score; nullopt when outside the scale.
std::optional<double> to_nine_point(double answer, SurveyScale scale);

// Whether a file's name says it is a survey export (.csv or .tsv, any case), not a plan.
bool is_survey_file_name(std::string_view file_name);

// Which column holds what (indices into the header; -1: none).
struct SurveyMapping {
    int group = -1;
    int overall = -1;
    std::array<int, kDimensions> dimensions = {-1, -1, -1, -1, -1};
    int nps = -1;  // 0..10, always on that scale
    SurveyScale scale = SurveyScale::one_to_nine;  // of overall and the dimensions
};

// The columns named `group`, `overall`, a dimension id and `nps`, matched after trimming and ignoring
// case; the first of two columns with one name wins.
SurveyMapping detect_mapping(const CsvTable& table);

// One group's answers, as 1..9 scores.
struct SurveyGroup {
    std::string name;                  // as written in the group column, trimmed ("" without one)
    std::size_t rows = 0;              // its rows in the file
    std::size_t with_overall = 0;      // rows with a usable overall score
    std::size_t trusting = 0;          // of those, overall 6..9
    DriverData drivers;                // rows with overall and every mapped dimension
    std::size_t dropped = 0;           // rows left out of `drivers` (a missing or non-numeric score)
    std::size_t nps_answers = 0, promoters = 0, detractors = 0;
};

struct Survey {
    std::vector<int> dimensions;       // the mapped dimensions, in Dimension order
    bool has_nps = false;
    std::vector<SurveyGroup> groups;   // in order of first appearance
};

// A number as a survey cell holds it: optional sign, digits, one '.' or ',' decimal mark, spaces
// around; nullopt for anything else (text, "N/A", "", "1e3", "nan").
std::optional<double> parse_answer(std::string_view cell);

// The table's answers per group under `mapping` (overall must be mapped).
Survey read_survey(const CsvTable& table, const SurveyMapping& mapping);

// The table's columns cut to a readable label ("column 3" when its header is empty).
std::string column_label(const CsvTable& table, int column);

// The observations a survey adds in `month` (README "Survey data"): per group with answers, a
// trust_share (share of overall 6..9, n = respondents with an overall score) and, with an NPS
// column, an nps observation (% promoters 9-10 minus % detractors 0-6, n = its answers). The group
// names a stakeholder by id or name, ignoring case; `unmatched` lists every group that names none
// (then `observations` is empty). A file without a group column is one group, "".
struct SurveyObservations {
    std::vector<Observation> observations;
    std::vector<std::string> unmatched;
    std::vector<int> stakeholder;  // per survey group, the index of its stakeholder (-1: none)
};
SurveyObservations survey_observations(const Plan& plan, const Survey& survey, int month,
                                       const std::string& source);

// `fiducia drivers --json` (docs/FORMAT.md): {"dimensions": [...], "groups": [{"group", "n",
// "dropped", "r2", "weights": {dimension: share} | null, "reason"}]}.
std::string drivers_json(const Survey& survey, const std::vector<DriverFit>& fits);
// Why a group has no weights, in English ("" when it has them): the CLI's reason.
std::string driver_issue_text(const Survey& survey, const DriverFit& fit);
// fit_drivers of every group, in order.
std::vector<DriverFit> survey_drivers(const Survey& survey);

}  // namespace fiducia::io
