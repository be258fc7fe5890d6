// `fiducia drivers SURVEY.csv [--json]` and `fiducia survey PLAN SURVEY.csv --month M -o OUT [--json]`
// (issue 15; docs/FORMAT.md "Survey files"). Exit 0 done, 1 a survey or plan that cannot be used
// (bad file, no overall column, a group that names no stakeholder: then OUT is not written), 2 usage
// and unreadable files.
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/cli_files.hpp"
#include "io/plan_file.hpp"
#include "io/survey_csv.hpp"

namespace fiducia::cli {

namespace {

void out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

int refuse(const std::string& message) {
    std::fprintf(stderr, "fiducia: %s\n", message.c_str());
    return 1;
}

// Reads the survey and its columns; prints why not and gives the exit code when it cannot be used.
std::optional<int> load_survey(const std::string& path, bool need_dimensions, io::CsvTable& table, io::Survey& survey) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    io::CsvRead read = io::read_csv(*text);
    if (!read.ok) return refuse(path + ": " + read.error);
    table = std::move(read.table);
    const io::SurveyMapping mapping = io::detect_mapping(table);
    std::string columns;
    for (std::size_t c = 0; c < table.header.size(); ++c) columns += (c ? ", " : "") + io::column_label(table, static_cast<int>(c));
    if (mapping.overall < 0) return refuse(path + ": line 1: no `overall` column (the columns are: " + columns + ")");
    survey = io::read_survey(table, mapping);
    if (need_dimensions && survey.dimensions.empty())
        return refuse(path + ": line 1: no dimension column (transactions, promises, honesty, advice or empathy; the columns are: " +
                      columns + ")");
    return std::nullopt;
}

std::string number(double x, const char* format) {
    char b[32];
    std::snprintf(b, sizeof b, format, x);
    return b;
}

std::string cell(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string group_label(const std::string& name) { return name.empty() ? "(no group column)" : name; }

void print_drivers(const std::string& path, const io::Survey& survey, const std::vector<DriverFit>& fits) {
    std::string s = "Key drivers of overall trust in " + path + ": each dimension's share of R² (Shapley value)\n\n";
    auto end_line = [&s] {  // no trailing spaces after the last column
        while (!s.empty() && s.back() == ' ') s.pop_back();
        s += "\n";
    };
    std::size_t w = 12;
    for (const io::SurveyGroup& g : survey.groups) w = std::max(w, group_label(g.name).size() + 2);
    s += cell("Group", w) + cell("n", 6) + cell("dropped", 9) + cell("R²", 7);
    for (int d : survey.dimensions) s += cell(kDimensionIds[static_cast<std::size_t>(d)], 14);
    end_line();
    for (std::size_t g = 0; g < survey.groups.size(); ++g) {
        const DriverFit& f = fits[g];
        s += cell(group_label(survey.groups[g].name), w) + cell(std::to_string(f.n), 6) +
             cell(std::to_string(survey.groups[g].dropped), 9) + cell(f.r2 ? number(*f.r2, "%.2f") : "-", 7);
        if (f.weights.empty()) s += "no weights: " + io::driver_issue_text(survey, f);
        for (double weight : f.weights) s += cell(number(weight * 100, "%.1f%%"), 14);
        end_line();
    }
    s += "\n(dropped: rows with a missing or non-numeric score; weights sum to 100% per group)\n";
    out(s);
}

std::string basename(const std::string& path) {
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool parse_month(const std::string& s, int& month) {
    if (s.empty() || s.size() > 4) return false;
    month = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        month = month * 10 + (c - '0');
    }
    return true;
}

std::string survey_json(const io::Survey& survey, const io::SurveyObservations& found, const Plan& plan,
                        const std::vector<Observation>& added) {
    io::Json doc = io::Json::object();
    io::Json groups = io::Json::array();
    for (std::size_t g = 0; g < survey.groups.size(); ++g) {
        const io::SurveyGroup& sg = survey.groups[g];
        groups.push_back({{"group", sg.name},
                          {"stakeholder", plan.stakeholders[static_cast<std::size_t>(found.stakeholder[g])].id},
                          {"rows", sg.rows},
                          {"dropped", sg.rows - sg.with_overall}});
    }
    doc["groups"] = groups;
    // The observations exactly as the plan now holds them.
    Plan just_these;
    just_these.observations = added;
    doc["observations"] = io::plan_json(just_these)["observations"];
    return io::dump_compact(doc);
}

}  // namespace

int run_survey_command(int argc, char** argv) {
    const std::string command = argv[1];
    static const CommandSyntax kDrivers{"drivers", {{"--json"}}, Equals::value_options, SIZE_MAX};
    static const CommandSyntax kSurvey{"survey", {{"--json"}, {"--month", nullptr, true}, {"--output", "-o", true}},
                                       Equals::value_options, SIZE_MAX};
    Arguments args;
    if (std::optional<int> code = parse_arguments(argc, argv, command == "drivers" ? kDrivers : kSurvey, args)) return *code;
    const bool json = args.has("--json");
    io::CsvTable table;
    io::Survey survey;
    if (command == "drivers") {
        if (args.files.size() != 1) return usage_error("'drivers' needs one survey file, SURVEY.csv");
        if (std::optional<int> code = load_survey(args.files[0], true, table, survey)) return *code;
        const std::vector<DriverFit> fits = io::survey_drivers(survey);
        if (json) {
            out(io::drivers_json(survey, fits) + "\n");
        } else {
            print_drivers(args.files[0], survey, fits);
        }
        return 0;
    }
    if (args.files.size() != 2) return usage_error("'survey' needs a plan and a survey file, PLAN SURVEY.csv");
    const std::string output = args.value("--output").value_or("");
    if (output.empty()) return usage_error("'survey' needs -o OUT, the file to write");
    const std::optional<std::string> month_text = args.value("--month");
    if (!month_text) return usage_error("'survey' needs --month M, the month the survey was taken (0 = today)");
    std::string error;
    std::optional<std::string> text = read_file(args.files[0], error);
    if (!text) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    io::LoadResult loaded = io::load_plan(*text);
    if (!loaded.ok) {
        std::fprintf(stderr, "fiducia: %s is not a valid plan:\n", args.files[0].c_str());
        for (const std::string& e : loaded.errors) std::fprintf(stderr, "%s\n", e.c_str());
        return 1;
    }
    if (loaded.newer_version)
        return refuse(args.files[0] + " is format version " + std::to_string(loaded.plan.version) + "; this program writes version " +
                      std::to_string(io::kFormatVersion) + ", so it will not rewrite it");
    Plan plan = std::move(loaded.plan);
    int month = 0;
    if (!parse_month(*month_text, month) || month > plan.settings.horizon_months)
        return usage_error("--month must be a whole month from 0 to the plan's horizon, " +
                           std::to_string(plan.settings.horizon_months) + " (got '" + *month_text + "')");
    if (std::optional<int> code = load_survey(args.files[1], false, table, survey)) return *code;
    const io::SurveyObservations found = io::survey_observations(plan, survey, month, basename(args.files[1]));
    if (!found.unmatched.empty()) {
        std::string ids;
        for (const Stakeholder& s : plan.stakeholders) ids += (ids.empty() ? "" : ", ") + s.id + " (" + s.name + ")";
        std::string message = args.files[1] + ": ";
        for (std::size_t i = 0; i < found.unmatched.size(); ++i)
            message += (i ? ", " : "") + (found.unmatched[i].empty() ? std::string("the rows without a group") : "group '" + found.unmatched[i] + "'");
        message += found.unmatched.size() == 1 && !found.unmatched[0].empty() ? " matches" : " match";
        message += " no stakeholder's id or name (the plan's: " + (ids.empty() ? std::string("none") : ids) + "); nothing written";
        return refuse(message);
    }
    plan.observations.insert(plan.observations.end(), found.observations.begin(), found.observations.end());
    const std::vector<io::Problem> problems = io::validate(plan);
    if (!problems.empty()) {
        std::fprintf(stderr, "fiducia: the plan with the survey's observations would be invalid; nothing written:\n");
        for (const io::Problem& p : problems) std::fprintf(stderr, "%s\n", p.text().c_str());
        return 1;
    }
    if (!write_file(output, io::save_plan(plan), error)) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    if (json) {
        out(survey_json(survey, found, plan, found.observations) + "\n");
        return 0;
    }
    std::string s = "Added " + std::to_string(found.observations.size()) + " observations from " + args.files[1] + " in month " +
                    std::to_string(month) + " to " + output + ":\n";
    for (const Observation& o : found.observations) {
        const bool share = o.metric == Metric::trust_share;
        s += "  " + cell(o.stakeholder, 20) + cell(share ? "trust share" : "NPS", 13) +
             cell(share ? number(o.value * 100, "%.1f%%") : number(o.value, "%+.1f"), 9) + "n " + number(o.n.value_or(0), "%.0f") + "\n";
    }
    std::size_t dropped = 0;
    for (const io::SurveyGroup& g : survey.groups) dropped += g.rows - g.with_overall;
    if (dropped) s += "(" + std::to_string(dropped) + (dropped == 1 ? " row" : " rows") + " without an overall score on 1..9 left out)\n";
    out(s);
    return 0;
}

}  // namespace fiducia::cli
