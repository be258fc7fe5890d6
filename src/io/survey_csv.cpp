// Survey exports (survey_csv.hpp): the CSV reader, the column mapping and the observations.
#include "io/survey_csv.hpp"

#include <cstdlib>

#include "io/json_util.hpp"

namespace fiducia::io {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {  // ASCII only: other scripts are compared as written
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// The delimiter of the header line: the most frequent of , ; tab outside quotes (comma on a tie).
char detect_delimiter(std::string_view text) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;  // a doubled quote flips twice: still right
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

bool blank(const std::vector<std::string>& cells) {
    for (const std::string& c : cells)
        if (!trim(c).empty()) return false;
    return true;
}

// Qualtrics writes two more header rows (the question texts, then {"ImportId":...}); a row with such
// a cell among the first two after the header ends the header.
bool import_id_row(const CsvRow& row) {
    for (const std::string& c : row.cells)
        if (starts_with(trim(c), "{\"ImportId\"")) return true;
    return false;
}

}  // namespace

CsvRead read_csv(std::string_view text) {
    CsvRead out;
    if (text.size() > kMaxFileBytes) {
        out.error = "the file is too large: " + std::to_string(text.size()) + " bytes (a survey file may have at most 20 MB)";
        return out;
    }
    if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    if (starts_with(text, "\xFF\xFE") || starts_with(text, "\xFE\xFF")) {
        out.error = "the file is UTF-16 text (Excel's \"Unicode text\"): save it as \"CSV UTF-8\"";
        return out;
    }
    if (std::optional<std::string> binary = binary_reason(text)) {
        out.error = "not a CSV file: " + *binary + (starts_with(*binary, "it is a ZIP") ? "; export it as CSV" : "");
        return out;
    }
    CsvTable& table = out.table;
    table.delimiter = detect_delimiter(text);
    const char d = table.delimiter;
    std::vector<CsvRow> records;
    CsvRow row;
    std::string cell;
    std::size_t line = 1, quote_line = 0;
    bool quoted = false, at_start = true;  // at_start: nothing of this cell read yet
    row.line = 1;
    auto end_cell = [&] {
        row.cells.push_back(std::move(cell));
        cell.clear();
        at_start = true;
    };
    auto end_row = [&](std::size_t next_line) {
        end_cell();
        if (!blank(row.cells)) records.push_back(std::move(row));
        row = CsvRow{};
        row.line = next_line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool newline = c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
                line += newline;
            }
            continue;
        }
        if (c == '"' && at_start) {
            quoted = true;
            quote_line = line;
            at_start = false;
        } else if (c == d) {
            end_cell();
        } else if (newline) {
            ++line;
            end_row(line);
        } else if (c != '\r') {  // the \r of a CRLF
            cell += c;
            at_start = false;
        }
    }
    if (quoted) {
        out.error = "line " + std::to_string(quote_line) + ": a quoted cell is never closed (a \" is missing)";
        return out;
    }
    end_row(line);
    if (records.empty()) {
        out.error = "no header: the file has no line with column names";
        return out;
    }
    table.header = std::move(records.front().cells);
    std::size_t first = 1;
    for (std::size_t k = 1; k <= 2 && k < records.size(); ++k)
        if (import_id_row(records[k])) first = k + 1;
    table.rows.assign(std::make_move_iterator(records.begin() + static_cast<std::ptrdiff_t>(first)),
                      std::make_move_iterator(records.end()));
    out.ok = true;
    return out;
}

bool is_survey_file_name(std::string_view file_name) {
    const std::string name = lower(file_name);
    const std::string_view l = name;
    return l.ends_with(".csv") || l.ends_with(".tsv");
}

ScaleRange scale_range(SurveyScale scale) {
    switch (scale) {
        case SurveyScale::one_to_five: return {1, 5};
        case SurveyScale::one_to_seven: return {1, 7};
        case SurveyScale::zero_to_ten: return {0, 10};
        case SurveyScale::one_to_nine: break;
    }
    return {1, 9};
}

std::optional<double> to_nine_point(double answer, SurveyScale scale) {
    const ScaleRange r = scale_range(scale);
    if (!(answer >= r.lo && answer <= r.hi)) return std::nullopt;
    if (scale == SurveyScale::one_to_nine) return answer;
    return 1 + (answer - r.lo) * 8 / (r.hi - r.lo);
}

SurveyMapping detect_mapping(const CsvTable& table) {
    SurveyMapping m;
    for (std::size_t c = table.header.size(); c-- > 0;) {  // backwards, so the first of a name wins
        const std::string name = lower(trim(table.header[c]));
        const int column = static_cast<int>(c);
        if (name == "group") m.group = column;
        if (name == "overall") m.overall = column;
        if (name == "nps") m.nps = column;
        const int d = dimension_index(name);
        if (d >= 0) m.dimensions[static_cast<std::size_t>(d)] = column;
    }
    return m;
}

std::optional<double> parse_answer(std::string_view cell) {
    cell = trim(cell);
    std::string number;
    std::size_t i = 0, digits = 0;
    bool mark = false;
    if (i < cell.size() && (cell[i] == '-' || cell[i] == '+')) number += cell[i++];
    for (; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c >= '0' && c <= '9') {
            number += c;
            ++digits;
        } else if ((c == '.' || c == ',') && !mark) {
            number += '.';
            mark = true;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || digits > 30) return std::nullopt;
    return std::strtod(number.c_str(), nullptr);
}

Survey read_survey(const CsvTable& table, const SurveyMapping& mapping) {
    Survey survey;
    for (int d = 0; d < kDimensions; ++d)
        if (mapping.dimensions[static_cast<std::size_t>(d)] >= 0) survey.dimensions.push_back(d);
    survey.has_nps = mapping.nps >= 0;
    auto cell = [&](const CsvRow& row, int column) -> std::string_view {
        if (column < 0 || static_cast<std::size_t>(column) >= row.cells.size()) return {};
        return row.cells[static_cast<std::size_t>(column)];
    };
    auto score = [&](const CsvRow& row, int column) -> std::optional<double> {
        std::optional<double> v = parse_answer(cell(row, column));
        return v ? to_nine_point(*v, mapping.scale) : std::nullopt;
    };
    std::vector<std::string> keys;  // each group's name in lower case: spellings differing in case are one group
    for (const CsvRow& row : table.rows) {
        const std::string name(trim(cell(row, mapping.group)));
        const std::string key = lower(name);
        std::size_t g = 0;
        while (g < keys.size() && keys[g] != key) ++g;
        if (g == keys.size()) {
            keys.push_back(key);
            survey.groups.push_back(SurveyGroup{});
            survey.groups.back().name = name;
            survey.groups.back().drivers.dimensions = survey.dimensions.size();
        }
        SurveyGroup& group = survey.groups[g];
        ++group.rows;
        const std::optional<double> overall = score(row, mapping.overall);
        if (overall) {
            ++group.with_overall;
            group.trusting += *overall >= 6 - 1e-9;  // 6..9 trusts; the margin absorbs the scale mapping's rounding
        }
        std::vector<double> scores;
        for (int d : survey.dimensions) {
            std::optional<double> v = score(row, mapping.dimensions[static_cast<std::size_t>(d)]);
            if (!v) break;
            scores.push_back(*v);
        }
        if (overall && scores.size() == survey.dimensions.size()) {
            group.drivers.overall.push_back(*overall);
            group.drivers.scores.push_back(std::move(scores));
        } else {
            ++group.dropped;
        }
        if (survey.has_nps) {
            std::optional<double> nps = parse_answer(cell(row, mapping.nps));
            if (nps && *nps >= 0 && *nps <= 10) {
                ++group.nps_answers;
                group.promoters += *nps >= 9;
                group.detractors += *nps <= 6;
            }
        }
    }
    return survey;
}

std::string column_label(const CsvTable& table, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= table.header.size()) return "";
    const std::string_view name = trim(table.header[static_cast<std::size_t>(column)]);
    if (name.empty()) return "column " + std::to_string(column + 1);
    std::string cut;
    std::size_t chars = 0;
    for (unsigned char c : name) {  // 40 characters, never half of one
        if ((c & 0xC0) != 0x80 && ++chars > 40) return cut + "...";
        cut += static_cast<char>(c);
    }
    return cut;
}

SurveyObservations survey_observations(const Plan& plan, const Survey& survey, int month, const std::string& source) {
    SurveyObservations out;
    for (const SurveyGroup& g : survey.groups) {
        const std::string key = lower(g.name);
        int found = -1;
        for (std::size_t s = 0; s < plan.stakeholders.size() && found < 0; ++s)
            if (lower(plan.stakeholders[s].id) == key || lower(trim(plan.stakeholders[s].name)) == key) found = static_cast<int>(s);
        out.stakeholder.push_back(found);
        if (found < 0) {
            out.unmatched.push_back(g.name);
            continue;
        }
        const std::string& id = plan.stakeholders[static_cast<std::size_t>(found)].id;
        if (g.with_overall > 0) {
            Observation o;
            o.stakeholder = id;
            o.month = month;
            o.metric = Metric::trust_share;
            o.value = static_cast<double>(g.trusting) / static_cast<double>(g.with_overall);
            o.n = static_cast<double>(g.with_overall);
            o.source = source;
            out.observations.push_back(o);
        }
        if (g.nps_answers > 0) {
            Observation o;
            o.stakeholder = id;
            o.month = month;
            o.metric = Metric::nps;
            o.value = 100.0 * (static_cast<double>(g.promoters) - static_cast<double>(g.detractors)) /
                      static_cast<double>(g.nps_answers);
            o.n = static_cast<double>(g.nps_answers);
            o.source = source;
            out.observations.push_back(o);
        }
    }
    if (!out.unmatched.empty()) out.observations.clear();
    return out;
}

std::vector<DriverFit> survey_drivers(const Survey& survey) {
    std::vector<DriverFit> fits;
    for (const SurveyGroup& g : survey.groups) {
        fits.push_back(fit_drivers(g.drivers));
    }
    return fits;
}

std::string driver_issue_text(const Survey& survey, const DriverFit& fit);

std::string drivers_json(const Survey& survey, const std::vector<DriverFit>& fits) {
    Json doc = Json::object();
    Json dims = Json::array();
    for (int d : survey.dimensions) dims.push_back(kDimensionIds[static_cast<std::size_t>(d)]);
    doc["dimensions"] = dims;
    Json groups = Json::array();
    for (std::size_t g = 0; g < survey.groups.size() && g < fits.size(); ++g) {
        const DriverFit& f = fits[g];
        Json item = Json::object();
        item["group"] = survey.groups[g].name;
        item["n"] = f.n;
        item["dropped"] = survey.groups[g].dropped;
        item["r2"] = f.r2 ? Json(*f.r2) : Json(nullptr);
        if (f.weights.empty()) {
            item["weights"] = nullptr;
        } else {
            Json w = Json::object();
            for (std::size_t j = 0; j < f.weights.size() && j < survey.dimensions.size(); ++j)
                w[kDimensionIds[static_cast<std::size_t>(survey.dimensions[j])]] = f.weights[j];
            item["weights"] = w;
        }
        item["reason"] = f.issue == DriverIssue::none ? Json(nullptr) : Json(driver_issue_text(survey, f));
        groups.push_back(item);
    }
    doc["groups"] = groups;
    return dump_compact(doc);
}

std::string driver_issue_text(const Survey& survey, const DriverFit& fit) {
    const std::string dim = fit.dimension >= 0 && static_cast<std::size_t>(fit.dimension) < survey.dimensions.size()
                                ? kDimensionIds[static_cast<std::size_t>(survey.dimensions[static_cast<std::size_t>(fit.dimension)])]
                                : "";
    switch (fit.issue) {
        case DriverIssue::none: return "";
        case DriverIssue::no_dimension: return "no dimension column (transactions, promises, honesty, advice, empathy)";
        case DriverIssue::too_few_rows:
            return "too few respondents: " + std::to_string(fit.n) + " with every score, at least " +
                   std::to_string(min_driver_rows(survey.dimensions.size())) + " needed";
        case DriverIssue::same_overall: return "every respondent gave the same overall score";
        case DriverIssue::same_answers: return "every respondent gave " + dim + " the same score";
        case DriverIssue::collinear: return "collinear answers: " + dim + " is a linear combination of the dimensions before it";
        case DriverIssue::explains_nothing: return "the dimension scores explain none of the overall score (R² = 0)";
    }
    return "";
}

}  // namespace fiducia::io
