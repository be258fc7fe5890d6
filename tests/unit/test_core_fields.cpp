// The field tables (core/fields.hpp) are the one place a field's bounds and words are written: the
// file reader, the effect compiler, the sensitivity analysis and the effect editor all follow them,
// so a field added to a table, or a bound changed there, reaches every one of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/fields.hpp"
#include "core/model.hpp"
#include "core/params.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using io::test::Json;

namespace {

// b2b-software has every kind of entity, a peer rating on its first group and several groups that
// count, so a field of the first item can be set to any value in its range.
Json example() {
    std::string text;
    CHECK(io::test::read_text(io::test::source_path("assets/examples/b2b-software.json"), text));
    return Json::parse(text);
}

// Every table field with the pointer of its first item ("/stakeholders/0/base_rate").
struct Probe {
    const FieldInfo* field;
    std::string pointer;
};
std::vector<Probe> probes() {
    std::vector<Probe> out;
    for_each_table([&](const auto& table, const char* where, bool list) {
        for (const auto& f : table) out.push_back({&f, list ? field_pointer(where, 0, f) : field_pointer(where, f)});
    });
    return out;
}

io::LoadResult load_with(const Json& doc, const std::string& pointer, double value) {
    Json edited = doc;
    edited[Json::json_pointer(pointer)] = value;
    return io::load_plan(edited.dump());
}

bool refused_at(const io::LoadResult& r, const std::string& pointer) {
    for (const std::string& e : r.errors)
        if (e.rfind(pointer + ": ", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("fields: the file reader refuses a value just outside each field's bounds and accepts the bounds") {
    const Json doc = example();
    REQUIRE(io::load_plan(doc.dump()).ok);
    int checked = 0;
    for (const Probe& p : probes()) {
        CAPTURE(p.pointer);
        REQUIRE((doc.contains(Json::json_pointer(p.pointer)) || p.field->omitted_at_default));
        const Range& r = p.field->range;
        const double step = 1e-6;
        if (r.lo > -kUnbounded) {
            const io::LoadResult below = load_with(doc, p.pointer, r.lo_open ? r.lo : r.lo - step);
            CHECK(refused_at(below, p.pointer));
            CHECK(below.errors.size() == 1);
            CHECK(load_with(doc, p.pointer, r.lo_open ? r.lo + step : r.lo).ok);
        }
        if (r.hi < kUnbounded) {
            const io::LoadResult above = load_with(doc, p.pointer, r.hi_open ? r.hi : r.hi + step);
            CHECK(refused_at(above, p.pointer));
            CHECK(load_with(doc, p.pointer, r.hi_open ? r.hi - step : r.hi).ok);
        }
        // A required field left out is named; an optional one falls back to its default.
        Json without = doc;
        without[Json::json_pointer(p.pointer).parent_pointer()].erase(p.field->id);
        const io::LoadResult missing = io::load_plan(without.dump());
        CHECK(missing.ok == !p.field->required);
        if (p.field->required) CHECK(refused_at(missing, p.pointer));
        ++checked;
    }
    CHECK(checked >= 28);
}

TEST_CASE("fields: each field is written at its pointer with the value its getter reads") {
    const io::LoadResult loaded = io::load_plan(example().dump());
    REQUIRE(loaded.ok);
    const Json written = io::plan_json(loaded.plan);
    for (const Probe& p : probes()) {
        CAPTURE(p.pointer);
        if (p.field->omitted_at_default) continue;  // the next test
        REQUIRE(written.contains(Json::json_pointer(p.pointer)));
        const Json& v = written[Json::json_pointer(p.pointer)];
        CHECK((v.is_number() || v.is_null()));
    }
    // Through the getters: a value set by the table is the value the file holds.
    Plan plan = loaded.plan;
    const auto& base_rate = stakeholder_fields()[2];
    REQUIRE(std::string(base_rate.id) == "base_rate");
    base_rate.set(plan.stakeholders[1], 0.37);
    CHECK(io::plan_json(plan)["stakeholders"][1]["base_rate"].get<double>() == 0.37);
}

TEST_CASE("fields: an effect's clamp is the closure of the field's file bounds") {
    for (int t = 0; t < static_cast<int>(kEffectTargetIds.size()); ++t)
        for (const FieldInfo* f : effect_fields(static_cast<EffectTarget>(t))) {
            CAPTURE(f->id);
            CHECK(f->changeable);
            CHECK(clamp_range(f->clamp).lo == f->range.lo);
            CHECK(clamp_range(f->clamp).hi == f->range.hi);
            CHECK(f->share == (f->range.lo >= 0 && f->range.hi <= 1));
        }
}

TEST_CASE("fields: the effect fields are the tables' changeable ones, and each compiles to its own slot") {
    const io::LoadResult loaded = io::load_plan(example().dump());
    REQUIRE(loaded.ok);
    int compiled = 0;
    auto check_target = [&](EffectTarget target, const auto& table, auto entity, const std::string& id) {
        std::vector<std::string> want, got, ids;
        for (const auto& f : table)
            if (f.changeable) want.push_back(f.id);
        for (const FieldInfo* f : effect_fields(target)) got.push_back(f->id);
        for (const char* f : changeable_fields(target)) ids.push_back(f);
        CHECK(got == want);
        CHECK(ids == want);
        for (const auto& f : table) {
            if (!f.changeable) continue;
            CAPTURE(f.id);
            // A value no other field holds, inside this field's range.
            Plan plan = loaded.plan;
            const double probe = f.range.lo + 0.4242 * (std::min(f.range.hi, f.range.lo + 1) - f.range.lo);
            f.set(entity(plan), probe);
            Action a;
            a.id = "probe";
            a.effects.push_back({target, id, f.id, EffectOp::add, 0, ""});
            plan.actions.push_back(a);
            const core::Compiled cp = core::compile(plan);
            REQUIRE(cp.actions.back().effects.size() == 1);
            const int slot = cp.actions.back().effects.front().field;
            CHECK(cp.base[static_cast<std::size_t>(slot)] == probe);
            CHECK(cp.clamp[static_cast<std::size_t>(slot)] == f.clamp);
            CHECK(effect_base_value(plan, a.effects.front()) == probe);
            ++compiled;
        }
    };
    const Plan& p = loaded.plan;
    check_target(EffectTarget::touchpoint, touchpoint_fields(), [](Plan& x) -> auto& { return x.touchpoints[0]; },
                 p.touchpoints[0].id);
    check_target(EffectTarget::commitment, commitment_fields(), [](Plan& x) -> auto& { return x.commitments[0]; },
                 p.commitments[0].id);
    check_target(EffectTarget::knowledge_source, knowledge_source_fields(),
                 [](Plan& x) -> auto& { return x.knowledge_sources[0]; }, p.knowledge_sources[0].id);
    check_target(EffectTarget::stakeholder, stakeholder_fields(), [](Plan& x) -> auto& { return x.stakeholders[0]; },
                 p.stakeholders[0].id);
    check_target(EffectTarget::culture, culture_fields(), [](Plan& x) -> auto& { return x.culture; }, "");
    CHECK(compiled == 17);
}

TEST_CASE("fields: the sensitivity inputs are the tables' sensitivity fields, with their labels") {
    const io::LoadResult loaded = io::load_plan(example().dump());
    REQUIRE(loaded.ok);
    const Plan& plan = loaded.plan;
    std::set<std::string> want;
    for_each_table([&](const auto& table, const char* where, bool) {
        const std::string_view w = where;
        const std::size_t n = w == "/stakeholders"        ? plan.stakeholders.size()
                              : w == "/knowledge_sources" ? plan.knowledge_sources.size()
                              : w == "/touchpoints"       ? plan.touchpoints.size()
                              : w == "/commitments"       ? plan.commitments.size()
                              : w == "/actions"           ? plan.actions.size()
                              : w == "/observations"      ? plan.observations.size()
                                                          : 0;
        for (const auto& f : table) {
            if (!f.sensitivity) continue;
            if (n == 0) want.insert(field_pointer(where, f));
            for (std::size_t i = 0; i < n; ++i)
                if (w != "/stakeholders" || std::string_view(f.id) != "peer_rating" || plan.stakeholders[i].peer_rating)
                    want.insert(field_pointer(where, i, f));
        }
    });
    std::set<std::string> got;
    for (const SensitivityItem& item : sensitivity(plan)) {
        const std::string& in = item.input;
        const bool map_entry = in.find("/weights/") != std::string::npos || in.find("/dimensions/") != std::string::npos ||
                               in.find("/coverage/") != std::string::npos || in.find("/effects/") != std::string::npos;
        if (!map_entry) got.insert(in);
        if (in == "/stakeholders/0/base_rate") CHECK(item.label == plan.stakeholders[0].name + ": base rate");
        if (in == "/settings/abandonment/kappa") CHECK(item.label == "Setting: abandonment kappa");
    }
    CHECK(got == want);
    CHECK(want.size() > 60);
}

TEST_CASE("fields: an editor offers only values the file accepts, and every field the editors show has words") {
    int editors = 0;
    for_each_table([&](const auto& table, const char* where, bool) {
        for (const FieldInfo& f : table) {
            CAPTURE(where);
            CAPTURE(f.id);
            CHECK(std::string(f.label).size() > 0);
            CHECK(std::string(f.meaning).size() > 0);
            if (std::string(f.editor_label).empty()) continue;
            CHECK(std::string(f.tooltip).size() > 0);
            ++editors;
            // Shares are typed as 0-100%; a base rate outside 1-99% is then named by the file check.
            if (f.share) continue;
            CHECK(f.range.contains(f.editor_range.lo));
            CHECK(f.range.contains(f.editor_range.hi));
        }
    });
    CHECK(editors == 29);
}

TEST_CASE("fields: a field added after version 1 is saved only when set, so an older file keeps its bytes and hash") {
    std::string text;
    REQUIRE(io::test::read_text(io::test::source_path("assets/examples/b2b-software.json"), text));
    io::LoadResult loaded = io::load_plan(text);
    REQUIRE(loaded.ok);
    const std::string hash = io::content_hash(loaded.plan);
    CHECK(io::save_plan(loaded.plan) == text);  // the example has no observation_weight
    loaded.plan.settings.observation_weight = 0.5;
    const Json written = io::plan_json(loaded.plan);
    CHECK(written["settings"]["observation_weight"] == 0.5);
    CHECK(io::content_hash(loaded.plan) != hash);
    const io::LoadResult again = io::load_plan(io::save_plan(loaded.plan));
    REQUIRE(again.ok);
    CHECK(again.plan.settings.observation_weight == 0.5);
    loaded.plan.settings.observation_weight = 0;
    CHECK(io::content_hash(loaded.plan) == hash);
    int later = 0;
    for_each_table([&](const auto& table, const char*, bool) {
        for (const FieldInfo& f : table) later += f.omitted_at_default;
    });
    CHECK(later == 1);  // observation_weight; a new one needs docs/FORMAT.md's note too
}

TEST_CASE("fields: pointers are built from the table") {
    CHECK(field_pointer("/stakeholders", 3, stakeholder_fields()[2]) == "/stakeholders/3/base_rate");
    CHECK(field_pointer("/settings/abandonment", abandonment_fields()[0]) == "/settings/abandonment/kappa");
    CHECK(pointer_token("a/b~c") == "a~1b~0c");
}
