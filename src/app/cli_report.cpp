// `fiducia report PLAN --format html|md|csv [-o OUT] [--scenario ID] [--language en|zh|it|id]`: the
// plan's report (io/report) to stdout or a file, in the language asked for (the same bytes as the
// page's File > Export in that language). Exit codes: 0 ok, 1 invalid plan, 2 usage or file.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/model.hpp"
#include "io/json_util.hpp"
#include "io/language.hpp"
#include "io/plan_file.hpp"
#include "io/report.hpp"
#include "app/cli_args.hpp"
#include "app/cli_files.hpp"
#include "app/cli_translations.hpp"

namespace fiducia::cli {

namespace {

// The report language `code` names, from the translations compiled in; none when it is not one.
std::optional<io::ReportLanguage> report_language(const std::string& code) {
    if (code == "en") return io::ReportLanguage{};
    for (const EmbeddedTranslation& t : embedded_translations()) {
        if (t.code != code) continue;
        auto table = std::make_shared<std::map<std::string, std::string, std::less<>>>();
        std::string error;
        if (!io::read_translations(t.json, [&](std::string e, std::string x) { (*table)[std::move(e)] = std::move(x); }, error))
            return std::nullopt;  // the build's own files: a test keeps them whole
        return io::report_language(code, [table](const char* english) {
            auto it = table->find(std::string_view(english));
            return it == table->end() || it->second.empty() ? std::string(english) : it->second;
        });
    }
    return std::nullopt;
}

std::string language_codes() {
    std::string codes = "en";
    for (const EmbeddedTranslation& t : embedded_translations()) codes += ", " + std::string(t.code);
    return codes;
}

}  // namespace

int report_main(int argc, char** argv) {
    const CommandSyntax syntax{"report", {{"--format", "-f", true}, {"--output", "-o", true}, {"--scenario", nullptr, true},
                                          {"--language", nullptr, true}}};
    Arguments args;
    if (std::optional<int> code = parse_arguments(argc, argv, syntax, args)) return *code;
    const std::string plan_path = args.plan();
    const std::optional<std::string> format_text = args.value("--format"), out_path = args.value("--output"),
                                     scenario = args.value("--scenario"), language_code = args.value("--language");
    if (plan_path.empty()) return usage_error("'report' needs a PLAN file");
    if (!format_text) return usage_error("report needs --format html, md or csv");
    io::ReportFormat format{};
    if (!io::parse_report_format(*format_text, format))
        return usage_error("--format must be html, md or csv (got '" + *format_text + "')");

    const std::optional<io::ReportLanguage> language = report_language(language_code.value_or("en"));
    if (!language)
        return usage_error("--language must be one of " + language_codes() + " (got '" + *language_code + "')");

    std::string error;
    std::optional<std::string> text = read_file(plan_path, error);
    if (!text) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    io::LoadResult loaded = io::load_plan(*text);
    if (!loaded.ok) {
        std::fprintf(stderr, "fiducia: %s is not a valid plan:\n", plan_path.c_str());
        for (const std::string& e : loaded.errors) std::fprintf(stderr, "%s\n", e.c_str());
        return 1;
    }
    ProjectionOptions options;
    if (scenario) {
        bool found = false;
        std::string ids;
        for (const Scenario& s : loaded.plan.scenarios) {
            found = found || s.id == *scenario;
            ids += (ids.empty() ? "" : ", ") + s.id;
        }
        if (!found)
            return usage_error("no scenario '" + *scenario + "' in the plan (scenarios: " +
                                      (ids.empty() ? "none" : ids) + ")");
        options.scenario = scenario;
    }
    const std::string out = io::report(loaded.plan, project(loaded.plan, options), format, *language);
    if (out_path) {
        if (!write_file(*out_path, out, error)) {
            std::fprintf(stderr, "fiducia: %s\n", error.c_str());
            return 2;
        }
    } else if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "fiducia: cannot write standard output\n");
        return 2;
    }
    return 0;
}

}  // namespace fiducia::cli
