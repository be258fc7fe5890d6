// The reference graph (core/references.hpp): ids made from names, and delete and rename walking the
// one table of references, so no edit leaves a dangling id or misses a place that names one.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/references.hpp"
#include "test_io_util.hpp"

using namespace fiducia;

namespace {

// An example with every kind of reference present at least once (the examples lack importance
// ratings and invited groups).
Plan every_reference(const char* file) {
    io::LoadResult r = io::load_plan(io::test::example_text(file));
    CHECK(r.ok);
    Plan plan = r.plan;
    if (!r.ok || plan.workshop.participants.empty()) return plan;
    plan.workshop.importance.push_back({plan.workshop.participants[0].id, plan.stakeholders[0].id, Dimension::honesty, 4, ""});
    plan.workshop.stakeholders.push_back(plan.stakeholders[0].id);
    plan.workshop.id = "w1";
    return plan;
}

std::vector<std::string> errors_of(const Plan& plan) { return io::load_plan(io::save_plan(plan)).errors; }

std::size_t list_size(const Plan& plan, Entity kind) { return ids_of(plan, kind).size(); }

}  // namespace

TEST_CASE("ids are made from names, valid and unique") {
    CHECK(unique_id("Order confirmation e-mail", {}) == "order-confirmation-e-mail");
    CHECK(unique_id("  Checkout!  ", {}) == "checkout");
    CHECK(unique_id("Checkout", {"checkout"}) == "checkout-2");
    CHECK(unique_id("Checkout", {"checkout", "checkout-2"}) == "checkout-3");
    CHECK(unique_id("Caf\xC3\xA9 & bar", {}) == "caf-bar");
    CHECK(unique_id("???", {}, "group") == "group");
    CHECK(unique_id("", {"item"}) == "item-2");
    const std::string long_name(200, 'x');
    CHECK(valid_id(unique_id(long_name, {})));
    CHECK(valid_id("a"));
    CHECK(valid_id("web_2-x"));
    CHECK_FALSE(valid_id(""));
    CHECK_FALSE(valid_id("-a"));
    CHECK_FALSE(valid_id("Chat-Handoff"));
    CHECK_FALSE(valid_id(std::string(65, 'a')));
}

TEST_CASE("the test plans hold every kind of reference in the table") {
    for (const char* file : {"online-shop", "retail-bank", "b2b-software"}) {
        const Plan plan = every_reference(file);
        CHECK(errors_of(plan) == std::vector<std::string>{});
        std::set<const Reference*> seen;
        for (Entity kind : kEntities)
            for (std::size_t i = 0; i < list_size(plan, kind); ++i)
                for (const Holder& h : uses_of(plan, kind, *id_at(plan, kind, i))) seen.insert(h.reference);
        CHECK(seen.size() == references().size());
    }
}

TEST_CASE("deleting any entity takes every reference to it along and leaves a valid plan") {
    for (const char* file : {"online-shop", "retail-bank", "b2b-software"}) {
        const Plan original = every_reference(file);
        for (Entity kind : kEntities)
            for (std::size_t i = 0; i < list_size(original, kind); ++i) {
                Plan plan = original;
                const std::string id = *id_at(plan, kind, i);
                CHECK(reference_count(plan, kind, i) == static_cast<int>(uses_of(plan, kind, id).size()));
                remove_entity(plan, kind, i);
                CAPTURE(file);
                CAPTURE(id);
                CHECK(list_size(plan, kind) == list_size(original, kind) - 1);
                CHECK(uses_of(plan, kind, id).empty());
                CHECK(errors_of(plan) == std::vector<std::string>{});
            }
    }
}

TEST_CASE("a group's touchpoints go with it, and the effects on them") {
    Plan plan = every_reference("online-shop");
    const std::string id = plan.stakeholders[0].id;
    std::vector<std::string> its_touchpoints;
    for (const Touchpoint& t : plan.touchpoints)
        if (t.stakeholder == id) its_touchpoints.push_back(t.id);
    REQUIRE_FALSE(its_touchpoints.empty());
    remove_entity(plan, Entity::stakeholder, 0);
    for (const Touchpoint& t : plan.touchpoints) CHECK(t.stakeholder != id);
    for (const Action& a : plan.actions)
        for (const Effect& e : a.effects)
            CHECK(std::find(its_touchpoints.begin(), its_touchpoints.end(), e.id) == its_touchpoints.end());
    CHECK(plan.workshop.stakeholders.empty());
    CHECK(plan.workshop.importance.empty());
}

TEST_CASE("renaming any entity renames every reference to it") {
    for (const char* file : {"online-shop", "retail-bank", "b2b-software"}) {
        Plan plan = every_reference(file);
        for (Entity kind : kEntities)
            for (std::size_t i = 0; i < list_size(plan, kind); ++i) {
                const std::string old = *id_at(plan, kind, i);
                const std::size_t uses = uses_of(plan, kind, old).size();
                const std::string renamed = "renamed-" + std::to_string(i);
                rename_id(plan, kind, i, renamed);
                CHECK(*id_at(plan, kind, i) == renamed);
                CHECK(uses_of(plan, kind, old).empty());
                CHECK(uses_of(plan, kind, renamed).size() == uses);
            }
        CHECK(errors_of(plan) == std::vector<std::string>{});
    }
}

TEST_CASE("a commitment naming a group twice counts as one reference") {
    Plan plan = every_reference("online-shop");
    REQUIRE_FALSE(plan.commitments.empty());
    plan.commitments[0].stakeholders = {plan.stakeholders[1].id};
    const int before = reference_count(plan, Entity::stakeholder, 0);
    plan.commitments[0].stakeholders.push_back(plan.stakeholders[0].id);
    plan.commitments[0].stakeholders.push_back(plan.stakeholders[0].id);
    CHECK(reference_count(plan, Entity::stakeholder, 0) == before + 1);
}
