// validate(plan) is the editors' live check: it must say exactly what load_plan says of the plan
// saved and opened again, with each problem's pointer and rule apart so no one splits the text.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>

#include "../bench/plan_generator.hpp"
#include "core/fields.hpp"
#include "core/references.hpp"
#include "test_io_util.hpp"

using namespace fiducia;

namespace {

Plan example(const char* name) {
    std::string text;
    CHECK(io::test::read_text(io::test::source_path(std::string("assets/examples/") + name), text));
    io::LoadResult r = io::load_plan(text);
    CHECK(r.ok);
    return r.plan;
}

// validate and the loader agree on this plan; returns validate's problems.
std::vector<io::Problem> agreed(const Plan& plan) {
    const std::vector<io::Problem> problems = io::validate(plan);
    CHECK(io::texts(problems) == io::load_plan(io::save_plan(plan)).errors);
    return problems;
}

}  // namespace

TEST_CASE("validate: the examples have no problems, as the loader says") {
    for (const auto& entry : std::filesystem::directory_iterator(io::test::source_path("assets/examples"))) {
        CAPTURE(entry.path().filename().string());
        CHECK(agreed(example(entry.path().filename().string().c_str())).empty());
    }
}

TEST_CASE("validate: edited bad values and dangling references give the loader's problems, pointer and rule apart") {
    struct Case {
        const char* what;
        std::function<void(Plan&)> edit;
        const char* pointer;
    };
    const Case cases[] = {
        {"a share above 1", [](Plan& p) { p.touchpoints[1].bad_share = 1.5; }, "/touchpoints/1/bad_share"},
        {"a base rate of 0", [](Plan& p) { p.stakeholders[2].base_rate = 0; }, "/stakeholders/2/base_rate"},
        {"a forgetting of 0", [](Plan& p) { p.settings.forgetting = 0; }, "/settings/forgetting"},
        {"a touchpoint of a missing group", [](Plan& p) { p.touchpoints[0].stakeholder = "nobody"; },
         "/touchpoints/0/stakeholder"},
        {"an effect on a missing touchpoint", [](Plan& p) { p.actions[0].effects[0].id = "gone"; }, "/actions/0/effects/0/id"},
        {"an effect on a field it may not change", [](Plan& p) { p.actions[0].effects[0].field = "name"; },
         "/actions/0/effects/0/field"},
        {"a repeated id", [](Plan& p) { p.commitments[1].id = p.commitments[0].id; }, "/commitments/1/id"},
        {"an invalid id", [](Plan& p) { p.knowledge_sources[0].id = "Not an id"; }, "/knowledge_sources/0/id"},
        {"a start after the horizon", [](Plan& p) { p.actions[1].start_month = p.settings.horizon_months + 1; },
         "/actions/1/start_month"},
        {"weights that add up to 0", [](Plan& p) { p.stakeholders[0].weights = {}; }, "/stakeholders/0/weights"},
        {"a scenario naming a missing action", [](Plan& p) { p.scenarios.at(0).actions.push_back("gone"); },
         "/scenarios/0/actions/"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Plan plan = example("online-shop.json");
        c.edit(plan);
        const std::vector<io::Problem> problems = agreed(plan);
        REQUIRE(!problems.empty());
        CHECK(problems.front().located);
        CHECK(problems.front().pointer.rfind(c.pointer, 0) == 0);
        CHECK(problems.front().text() == problems.front().pointer + ": " + problems.front().rule);
    }
    // A newer plan's note comes last, as the loader adds it.
    Plan newer = example("online-shop.json");
    newer.version = 2;
    newer.touchpoints[0].bad_share = 2;
    CHECK(agreed(newer).back().pointer == "/version");
}

TEST_CASE("validate: every table field outside its bounds is named at the pointer the table builds") {
    const Plan base = example("b2b-software.json");
    int checked = 0;
    auto walk = [&](const auto& table, auto entity, const std::string& object) {
        for (const auto& f : table) {
            if (!(f.range.lo > -kUnbounded)) continue;
            Plan plan = base;
            f.set(entity(plan), f.range.lo_open ? f.range.lo : f.range.lo - 1);
            const std::vector<io::Problem> problems = agreed(plan);
            CAPTURE(f.id);
            REQUIRE(problems.size() >= 1);
            CHECK(problems.front().pointer == field_pointer(object, f));
            ++checked;
        }
    };
    walk(settings_fields(), [](Plan& p) -> auto& { return p.settings; }, "/settings");
    walk(abandonment_fields(), [](Plan& p) -> auto& { return p.settings.abandonment; }, "/settings/abandonment");
    walk(culture_fields(), [](Plan& p) -> auto& { return p.culture; }, "/culture");
    walk(stakeholder_fields(), [](Plan& p) -> auto& { return p.stakeholders[1]; }, "/stakeholders/1");
    walk(knowledge_source_fields(), [](Plan& p) -> auto& { return p.knowledge_sources[1]; }, "/knowledge_sources/1");
    walk(touchpoint_fields(), [](Plan& p) -> auto& { return p.touchpoints[1]; }, "/touchpoints/1");
    walk(commitment_fields(), [](Plan& p) -> auto& { return p.commitments[1]; }, "/commitments/1");
    walk(action_fields(), [](Plan& p) -> auto& { return p.actions[1]; }, "/actions/1");
    walk(observation_fields(), [](Plan& p) -> auto& { return p.observations[1]; }, "/observations/1");
    CHECK(checked >= 28);
}

// ---- mutation equivalence ---------------------------------------------------------------------
// From each example and from generated plans, many single mutations: every table field of an entity
// below and above its bounds, not finite, huge; ids invalid, repeated and dangling (through the
// reference table); the checks the tables do not hold (months, weights, coverage, workshop answers,
// start, base, version). validate must say, for each, exactly what the loader says of the plan saved.
namespace {

struct Mutation {
    std::string what;
    std::function<void(Plan&)> edit;
};

// The entities a field table describes, in a plan (a table without an overload here does not compile).
std::vector<Settings*> entities_of(Plan& p, const std::vector<Field<Settings>>&) { return {&p.settings}; }
std::vector<Abandonment*> entities_of(Plan& p, const std::vector<Field<Abandonment>>&) {
    return {&p.settings.abandonment};
}
std::vector<Culture*> entities_of(Plan& p, const std::vector<Field<Culture>>&) { return {&p.culture}; }
template <typename T>
std::vector<T*> first_and_last(std::vector<T>& list) {
    if (list.empty()) return {};
    if (list.size() == 1) return {&list.front()};
    return {&list.front(), &list.back()};
}
std::vector<Stakeholder*> entities_of(Plan& p, const std::vector<Field<Stakeholder>>&) {
    return first_and_last(p.stakeholders);
}
std::vector<KnowledgeSource*> entities_of(Plan& p, const std::vector<Field<KnowledgeSource>>&) {
    return first_and_last(p.knowledge_sources);
}
std::vector<Touchpoint*> entities_of(Plan& p, const std::vector<Field<Touchpoint>>&) {
    return first_and_last(p.touchpoints);
}
std::vector<Commitment*> entities_of(Plan& p, const std::vector<Field<Commitment>>&) {
    return first_and_last(p.commitments);
}
std::vector<Action*> entities_of(Plan& p, const std::vector<Field<Action>>&) { return first_and_last(p.actions); }
std::vector<Observation*> entities_of(Plan& p, const std::vector<Field<Observation>>&) {
    return first_and_last(p.observations);
}

// Values around and outside a range, and the numbers a file cannot hold.
std::vector<double> awkward_values(const Range& r) {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> v = {std::nan(""), inf, -inf, 1e300, -1e300, -0.0, 0.5, 1e-320};
    for (double edge : {r.lo, r.hi}) {
        if (!(std::fabs(edge) < kUnbounded)) continue;
        v.insert(v.end(), {edge, edge - 1, edge + 1, std::nextafter(edge, -inf), std::nextafter(edge, inf)});
    }
    return v;
}

// Every table field of the first and last entity of each list set to each awkward value (and, for an
// optional field, left out), found by walking the tables.
void field_mutations(const Plan& base, std::vector<Mutation>& out) {
    Plan probe = base;  // entities_of takes a plan it may change
    for_each_table([&](const auto& table, const char* pointer, bool) {
        const std::size_t count = entities_of(probe, table).size();
        for (std::size_t f = 0; f < table.size(); ++f) {
            for (std::size_t e = 0; e < count; ++e) {
                std::vector<std::optional<double>> values;
                for (double x : awkward_values(table[f].range)) values.push_back(x);
                if (table[f].maybe) values.push_back(std::nullopt);
                for (const std::optional<double>& x : values) {
                    out.push_back({std::string(pointer) + " #" + std::to_string(e) + " " + table[f].id + " = " +
                                       (x ? io::format_number(*x) : "none"),
                                   [&table, f, e, x](Plan& p) {
                                       auto* entity = entities_of(p, table)[e];
                                       if (x) table[f].set(*entity, *x);
                                       else (*entity).*table[f].maybe = std::nullopt;
                                   }});
                }
            }
        }
    });
}

// Ids made invalid, repeated and dangling, for every entity kind, through the reference table.
void id_mutations(const Plan& base, std::vector<Mutation>& out) {
    for (Entity kind : kEntities) {
        const std::size_t n = ids_of(base, kind).size();
        if (n == 0) continue;
        // The plan is not const here, so the id it holds may be written (id_at gives it read-only).
        auto id = [kind](Plan& p, std::size_t i) { return const_cast<std::string*>(id_at(p, kind, i)); };
        const std::string list = list_pointer(kind);
        const std::vector<std::string> bad_ids = {"",    "Bad Id", std::string(65, 'a'), "-x", "\xff\xfe",
                                                  "a/b~c", "caf\xc3\xa9"};
        for (const std::string& bad : bad_ids) {
            out.push_back({list + " #0 id = " + bad, [=](Plan& p) { *id(p, 0) = bad; }});
            out.push_back({list + " #0 renamed " + bad, [=](Plan& p) { rename_id(p, kind, 0, bad); }});
        }
        out.push_back({list + " #0 references dangle", [=](Plan& p) {
                           const std::string old = *id(p, 0);
                           rename_id(p, kind, 0, "gone");
                           *id(p, 0) = old;
                       }});
        if (n > 1) {
            out.push_back({list + " last id repeats #0", [=](Plan& p) { *id(p, n - 1) = *id(p, 0); }});
            out.push_back({list + " last renamed to #0", [=](Plan& p) { rename_id(p, kind, n - 1, *id(p, 0)); }});
        }
    }
}

// The checks the field tables do not hold.
void other_mutations(const Plan& base, std::vector<Mutation>& out) {
    auto add = [&](std::string what, std::function<void(Plan&)> edit) {
        out.push_back({std::move(what), std::move(edit)});
    };
    for (int h : {0, 1, 60, 120, 121, -5})
        add("horizon " + std::to_string(h), [h](Plan& p) {
            p.settings.horizon_months = h;
            if (!p.actions.empty()) p.actions.back().start_month = 100;
            if (!p.observations.empty()) p.observations.back().month = 100;
        });
    for (const char* start : {"", "2027-01", "2027-13", "27-01", "soon"})
        add(std::string("start ") + start, [start](Plan& p) { p.settings.start = start; });
    add("seed max", [](Plan& p) { p.settings.seed = std::numeric_limits<std::uint64_t>::max(); });
    for (const char* b : {"sha256:abc", "", "x"}) add(std::string("base ") + b, [b](Plan& p) { p.meta.base = b; });
    add("base valid", [](Plan& p) { p.meta.base = io::content_hash(p); });
    add("long strings", [](Plan& p) {
        p.meta.title = std::string(100000, 'x');
        if (!p.stakeholders.empty()) p.stakeholders[0].name = "";
        p.meta.authors.push_back("\xff not UTF-8");
    });
    add("every importance 0", [](Plan& p) {
        for (Stakeholder& s : p.stakeholders) s.importance = 0;
    });
    add("every importance 0 but one not finite", [](Plan& p) {
        for (Stakeholder& s : p.stakeholders) s.importance = 0;
        if (!p.stakeholders.empty()) p.stakeholders.back().importance = std::nan("");
    });
    add("newer version, valid", [](Plan& p) { p.version = 3; });
    add("newer version, invalid", [](Plan& p) {
        p.version = 2;
        p.settings.forgetting = 2;
    });
    const double inf = std::numeric_limits<double>::infinity();
    for (double w : {0.0, -1.0, std::nan(""), inf, 1e308}) {
        add("weights " + io::format_number(w), [w](Plan& p) {
            if (!p.stakeholders.empty()) p.stakeholders[0].weights = {w, w, w, 0, 0};
            if (!p.touchpoints.empty()) p.touchpoints.back().dimensions = {0, 0, 0, 0, w};
        });
    }
    const std::size_t few = 3;  // items of a list mutated one by one
    for (std::size_t k = 0; k < base.knowledge_sources.size() && k < 2; ++k) {
        for (double share : {-0.5, 2.0, std::nan(""), 1.0})
            add("coverage " + io::format_number(share), [k, share](Plan& p) {
                auto& cov = p.knowledge_sources[k].coverage;
                cov.push_back({"no/such~group", share});
                // A group named twice: the save writes its last share at its first place.
                if (!cov.empty()) cov.push_back({cov.front().stakeholder, share});
            });
    }
    for (std::size_t a = 0; a < base.actions.size() && a < few; ++a) {
        add("start month 0", [a](Plan& p) { p.actions[a].start_month = 0; });
        add("start month after the horizon",
            [a](Plan& p) { p.actions[a].start_month = p.settings.horizon_months + 1; });
        for (int ramp : {0, 1200, 1201})
            add("ramp " + std::to_string(ramp), [a, ramp](Plan& p) { p.actions[a].ramp_months = ramp; });
        for (std::size_t e = 0; e < base.actions[a].effects.size(); ++e) {
            add("effect field name", [a, e](Plan& p) { p.actions[a].effects[e].field = "name"; });
            add("effect field empty", [a, e](Plan& p) { p.actions[a].effects[e].field = ""; });
            add("effect value nan", [a, e](Plan& p) { p.actions[a].effects[e].value = std::nan(""); });
            add("effect value -inf", [a, e](Plan& p) { p.actions[a].effects[e].value = -HUGE_VAL; });
            for (int t = 0; t < 5; ++t)
                add("effect target " + std::to_string(t), [a, e, t](Plan& p) {
                    p.actions[a].effects[e].target = static_cast<EffectTarget>(t);
                });
        }
    }
    for (std::size_t o = 0; o < base.observations.size() && o < few; ++o) {
        for (int m = 0; m < 5; ++m)
            for (double v : {-101.0, -1.0, 0.5, 2.0, 101.0})
                add("observation metric " + std::to_string(m) + " value " + io::format_number(v), [o, m, v](Plan& p) {
                    p.observations[o].metric = static_cast<Metric>(m);
                    p.observations[o].value = v;
                });
        for (int month : {-1, 0, 121})
            add("observation month", [o, month](Plan& p) { p.observations[o].month = month; });
    }
    add("workshop extensions", [](Plan& p) {
        p.workshop.id = "ws-k3m9qd";
        p.workshop.title = "Trust workshop";
        for (const Stakeholder& s : p.stakeholders) p.workshop.stakeholders.push_back(s.id);
        for (const Rating& r : p.workshop.ratings)
            p.workshop.importance.push_back({r.participant, r.stakeholder, r.dimension, 4, ""});
    });
    add("workshop id invalid", [](Plan& p) { p.workshop.id = "WS 1"; });
    add("workshop stakeholders repeat and dangle", [](Plan& p) {
        p.workshop.stakeholders = {"nobody"};
        if (!p.stakeholders.empty())
            p.workshop.stakeholders.insert(p.workshop.stakeholders.end(), 2, p.stakeholders[0].id);
    });
    for (int score : {0, 1, 9, 10, -3}) {
        add("rating score " + std::to_string(score), [score](Plan& p) {
            if (!p.workshop.ratings.empty()) p.workshop.ratings.back().score = score;
        });
        add("importance " + std::to_string(score), [score](Plan& p) {
            if (!p.workshop.ratings.empty()) {
                const Rating& r = p.workshop.ratings.front();
                p.workshop.importance.push_back({r.participant, r.stakeholder, r.dimension, score, ""});
                p.workshop.importance.push_back({"nobody", "nothing", r.dimension, 3, ""});
            }
        });
    }
    add("a scenario and a commitment repeat", [](Plan& p) {
        if (!p.scenarios.empty() && !p.scenarios[0].actions.empty())
            p.scenarios[0].actions.push_back(p.scenarios[0].actions[0]);
        if (!p.commitments.empty() && !p.commitments[0].stakeholders.empty())
            p.commitments[0].stakeholders.push_back(p.commitments[0].stakeholders[0]);
    });
}

std::vector<Mutation> mutations(const Plan& base) {
    std::vector<Mutation> out;
    field_mutations(base, out);
    id_mutations(base, out);
    other_mutations(base, out);
    return out;
}

// The plans mutated: the examples, one with every optional part filled in, and generated ones.
// A plan to mutate, and every how many-th of its mutations to try (a large plan takes a while to save and load).
struct Base {
    std::string name;
    Plan plan;
    std::size_t stride = 1;
};

std::vector<Base> base_plans() {
    std::vector<Base> plans;
    for (const std::string& name : io::test::example_names())
        plans.push_back({name, example((name + ".json").c_str())});
    Plan full = plans.front().plan;
    full.settings.observation_weight = 0.01;
    full.workshop.id = "ws-1";
    full.workshop.stakeholders = {full.stakeholders.front().id};
    for (const Rating& r : full.workshop.ratings)
        full.workshop.importance.push_back({r.participant, r.stakeholder, r.dimension, 2, ""});
    plans.push_back({"full", full});
    plans.push_back({"example_like(7)", bench::example_like_plan(7, 8)});
    plans.push_back({"large(1)", bench::large_plan(1), 25});
    return plans;
}

}  // namespace

TEST_CASE("validate: every single mutation of the examples and generated plans gives the loader's problems") {
    std::size_t tried = 0, refused = 0;
    for (const Base& entry : base_plans()) {  // not a structured binding: CAPTURE's lambda (clang 14) cannot take one
        const Plan& base = entry.plan;
        const std::size_t stride = entry.stride;
        CAPTURE(entry.name);
        CHECK(agreed(base).empty());
        const std::vector<Mutation> all = mutations(base);
        for (std::size_t i = 0; i < all.size(); i += stride) {
            const Mutation& m = all[i];
            CAPTURE(m.what);
            Plan plan = base;
            m.edit(plan);
            const std::vector<std::string> expected = io::load_plan(io::save_plan(plan)).errors;
            CHECK(io::texts(io::validate(plan)) == expected);
            ++tried;
            refused += !expected.empty();
        }
    }
    MESSAGE(tried << " mutations, " << refused << " refused");
    CHECK(tried > 2000);
    CHECK(refused * 2 > tried);  // most mutations break a rule
}
