// libFuzzer target: any bytes into the survey reader (read_csv, the mapping, the answers and the key
// drivers). It must never crash, a refusal must say why, and what it reads must add up.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/drivers.hpp"
#include "io/survey_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    fiducia::io::CsvRead read = fiducia::io::read_csv(text);
    if (!read.ok) {
        if (read.error.empty()) std::abort();  // a refusal must say why
        return 0;
    }
    fiducia::io::SurveyMapping mapping = fiducia::io::detect_mapping(read.table);
    if (mapping.overall < 0) return 0;
    const fiducia::io::Survey survey = fiducia::io::read_survey(read.table, mapping);
    std::size_t rows = 0;
    for (const fiducia::io::SurveyGroup& g : survey.groups) {
        rows += g.rows;
        if (g.drivers.overall.size() + g.dropped != g.rows || g.trusting > g.with_overall) std::abort();
    }
    if (rows != read.table.rows.size()) std::abort();  // every row lands in one group
    for (const fiducia::DriverFit& f : fiducia::io::survey_drivers(survey)) {
        if (f.weights.empty()) continue;
        double sum = 0;
        for (double w : f.weights) sum += w;
        if (!(std::fabs(sum - 1) < 1e-9)) std::abort();  // the weights split the whole R²
    }
    return 0;
}
