// The plan file's rules (plan_rules.hpp): bounds and words shared by the reader and the typed check.
#include "io/plan_rules.hpp"

#include "io/plan_file.hpp"
#include "io/presentation.hpp"

namespace fiducia::io {

namespace {

std::string got(const Json& value) { return " (got " + show(value) + ")"; }

const char* article(const char* noun) {
    return std::string_view("aeiou").find(noun[0]) != std::string_view::npos ? "an " : "a ";
}

}  // namespace

Bounds bounds_of(const Range& range) {
    Bounds b;
    b.lo = range.lo, b.hi = range.hi, b.lo_open = range.lo_open, b.hi_open = range.hi_open;
    b.has_lo = range.lo > -kUnbounded;
    b.has_hi = range.hi < kUnbounded;
    return b;
}

Bounds horizon_bounds() { return between(1, 120); }
Bounds ramp_bounds() { return between(1, 1200); }

Bounds month_bounds(std::optional<int> horizon, int lo) {
    return horizon ? between(lo, *horizon) : between(lo, horizon_bounds().hi);
}

Bounds observation_value_bounds(std::optional<Metric> metric) {
    if (metric == Metric::trust_share || metric == Metric::churn) return bounds_of(kShareRange);
    if (metric == Metric::nps) return between(-100, 100);
    return any_number();
}

bool is_start_month(std::string_view text) {
    int year = 0, month = 0;
    return text.empty() || presentation::parse_year_month(std::string(text), year, month);
}

const char* effect_target_noun(EffectTarget target) {
    return kEffectTargetIds[static_cast<std::size_t>(target)];
}

Json dimension_weights_json(const DimensionWeights& weights) {
    Json j = Json::object();
    for (int d = 0; d < kDimensions; ++d) j[kDimensionIds[static_cast<std::size_t>(d)]] = canonical_number(weights[d]);
    return j;
}

namespace rules {

std::string not_an_id_of(const char* noun, const Json& value) {
    return std::string("must be ") + article(noun) + noun + " id" + got(value);
}
std::string missing_reference(const char* noun, const Json& value) {
    return std::string("must name ") + article(noun) + noun + " of this plan" + got(value);
}
std::string repeated_reference(const Json& value) { return "must not repeat an id" + got(value); }
std::string not_a_dimension() {
    return "is not a dimension (one of " + one_of(kDimensionIds.data(), kDimensionIds.size()) + ")";
}
std::string no_positive_sum(const Json& weights) { return "must have a positive sum" + got(weights); }
std::string not_a_content_hash(const Json& value) {
    return "must be \"sha256:\" and 64 lowercase hex digits, the content hash of the version this copy was opened "
           "from" + got(value);
}
std::string not_a_start_month(const Json& value) { return "must be a month written YYYY-MM, or \"\"" + got(value); }
std::string not_a_coverage_key(const Json& key) { return "key must name a stakeholder of this plan" + got(key); }
std::string id_for_culture(const Json& value) { return "must be left out for target culture" + got(value); }
std::string not_changeable(EffectTarget target, const Json& value) {
    const auto& fields = changeable_fields(target);  // core/fields.hpp
    return std::string("must be a field an effect may change on ") + effect_target_noun(target) + ": " +
           one_of(fields.data(), fields.size()) + got(value);
}
std::string no_importance() { return "at least one stakeholder must have importance greater than 0"; }
std::string newer_version(std::int64_t version) {
    return "the file is version " + std::to_string(version) + ", newer than this app (" +
           std::to_string(kFormatVersion) + "); it was checked as version " + std::to_string(kFormatVersion);
}

}  // namespace rules

}  // namespace fiducia::io
