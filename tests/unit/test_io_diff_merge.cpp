// Compare and merge (issue 6): SHA-256 against the FIPS 180 examples, the recorded ancestor
// (meta.base), and the properties of diff and merge over many random edits of the example plans,
// drawn with the project's own generator (core::Rng): diff(a, a) is empty; disjoint edits merge
// to the same plan as applying both; merge(base, x, base) == merge(base, x, x) == x; two different
// edits of one field, or an edit against a removal, are always reported, never resolved silently.
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "io/diff.hpp"
#include "io/merge.hpp"
#include "io/sha256.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

Plan example(const std::string& name) { return load_plan(example_text(name)).plan; }

// The canonical text without the recorded ancestor: what "the same plan" means here.
std::string content(Plan plan) {
    plan.meta.base.clear();
    return save_plan(plan);
}

// One edit of a plan, made by id so it applies to any copy; `slot` names what it touches.
struct Edit {
    std::string slot;
    std::function<void(Plan&)> apply;
};

template <typename T>
T* by_id(std::vector<T>& list, const std::string& id) {
    for (T& item : list)
        if (item.id == id) return &item;
    return nullptr;
}

bool touchpoint_referenced(const Plan& plan, const std::string& id) {
    for (const Action& a : plan.actions)
        for (const Effect& e : a.effects)
            if (e.target == EffectTarget::touchpoint && e.id == id) return true;
    return false;
}

// Every edit a side could make to `base`, each on a slot of its own; values drawn from `rng`.
// `tag` makes added ids differ between the two sides.
std::vector<Edit> candidate_edits(const Plan& base, core::Rng& rng, const std::string& tag) {
    std::vector<Edit> edits;
    for (const Touchpoint& t : base.touchpoints) {
        const std::string id = t.id;
        const double share = static_cast<int>(rng.uniform() * 1000) / 1000.0;
        edits.push_back({"touchpoint " + id + " bad_share", [id, share](Plan& p) { by_id(p.touchpoints, id)->bad_share = share; }});
        const std::string name = "Renamed by " + tag + " " + std::to_string(rng.next() % 1000);
        edits.push_back({"touchpoint " + id + " name", [id, name](Plan& p) { by_id(p.touchpoints, id)->name = name; }});
        if (!touchpoint_referenced(base, id))
            edits.push_back({"touchpoint " + id, [id](Plan& p) {
                                 std::erase_if(p.touchpoints, [&](const Touchpoint& x) { return x.id == id; });
                             }});
    }
    for (const Commitment& c : base.commitments) {
        const std::string id = c.id;
        const double kept = static_cast<int>(rng.uniform() * 100) / 100.0;
        edits.push_back({"commitment " + id + " kept_share", [id, kept](Plan& p) { by_id(p.commitments, id)->kept_share = kept; }});
    }
    for (const Stakeholder& s : base.stakeholders) {
        const std::string id = s.id;
        const double rate = 0.01 + static_cast<int>(rng.uniform() * 98) / 100.0;
        edits.push_back({"stakeholder " + id + " base_rate", [id, rate](Plan& p) { by_id(p.stakeholders, id)->base_rate = rate; }});
    }
    const double forgetting = 0.5 + static_cast<int>(rng.uniform() * 50) / 100.0;
    edits.push_back({"settings forgetting", [forgetting](Plan& p) { p.settings.forgetting = forgetting; }});
    const std::string notes = "Notes from " + tag;
    edits.push_back({"meta notes", [notes](Plan& p) { p.meta.notes = notes; }});
    const std::string added = tag + "-new-" + std::to_string(rng.next() % 100000);
    const std::string group = base.stakeholders.front().id;
    edits.push_back({"add " + added, [added, group](Plan& p) {
                         Touchpoint t;
                         t.id = added;
                         t.name = "Added " + added;
                         t.stakeholder = group;
                         t.bad_share = 0.1;
                         p.touchpoints.push_back(t);
                     }});
    return edits;
}

// A random subset of `edits` whose slots are not in `taken`; marks them taken.
std::vector<Edit> choose(const std::vector<Edit>& edits, core::Rng& rng, std::set<std::string>& taken, double p) {
    std::vector<Edit> chosen;
    for (const Edit& e : edits) {
        if (rng.uniform() >= p || taken.count(e.slot)) continue;
        // A touchpoint's removal excludes every edit of it (that would be a conflict, tested below).
        const std::string entity = e.slot.substr(0, e.slot.find(' ', e.slot.find(' ') + 1));
        const bool removal = entity == e.slot && e.slot.starts_with("touchpoint ");
        if (taken.count(entity) || (removal && taken.count(entity + " edited"))) continue;
        taken.insert(e.slot);
        taken.insert(removal ? entity : entity + " edited");
        chosen.push_back(e);
    }
    return chosen;
}

Plan applied(Plan plan, const std::vector<Edit>& edits) {
    for (const Edit& e : edits) e.apply(plan);
    return plan;
}

}  // namespace

TEST_CASE("SHA-256 gives the FIPS 180 example digests, whole or in pieces") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    CHECK(sha256_hex(two_blocks) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    const std::string million(1000000, 'a');
    CHECK(sha256_hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Fed in uneven pieces (1, 63, 64, 65... bytes), the digest is the same.
    Sha256 pieces;
    std::size_t at = 0;
    for (std::size_t n = 1; at < million.size(); n = n * 2 + 1) {
        pieces.update(std::string_view(million).substr(at, n));
        at += n;
    }
    std::string hex;
    for (std::uint8_t b : pieces.finish()) hex += "0123456789abcdef"[b >> 4], hex += "0123456789abcdef"[b & 15];
    CHECK(hex == sha256_hex(million));
}

TEST_CASE("meta.base records the ancestor: validated, kept on save, not part of the content hash") {
    Plan plan = example("online-shop");
    const std::string hash = content_hash(plan);
    CHECK(is_content_hash(hash));
    plan.meta.base = hash;
    CHECK(content_hash(plan) == hash);  // recording the ancestor does not change the content
    const std::string saved = save_plan(plan);
    LoadResult again = load_plan(saved);
    IO_REQUIRE(again.ok);
    CHECK(again.plan.meta.base == hash);
    CHECK(save_plan(again.plan) == saved);
    plan.meta.title += " (edited)";
    CHECK(content_hash(plan) != hash);
    // from the saved text, as the page does on opening: the same hash, with and without a base
    CHECK(content_hash(plan, save_plan(plan)) == content_hash(plan));
    plan.meta.base.clear();
    CHECK(content_hash(plan, save_plan(plan)) == content_hash(plan));

    Json j = example_json("online-shop");
    j["meta"]["base"] = "sha256:ABC";
    LoadResult bad = load_plan(j.dump());
    CHECK_FALSE(bad.ok);
    CHECK(has_error(bad, "/meta/base: must be \"sha256:\" and 64 lowercase hex digits, the content hash of the "
                         "version this copy was opened from (got \"sha256:ABC\")"));
    j["meta"].erase("base");
    LoadResult without = load_plan(j.dump());
    IO_REQUIRE(without.ok);
    CHECK(save_plan(without.plan).find("\"base\"") == std::string::npos);  // optional: not written when unknown
}

TEST_CASE("diff of a plan with itself is empty, and the Trust Index deltas are zero") {
    for (const std::string& name : example_names()) {
        Plan plan = example(name);
        Plan copy = plan;
        copy.meta.base = content_hash(plan);  // bookkeeping only
        PlanDiff d = diff_plans(plan, copy);
        CHECK_MESSAGE(d.same(), name);
        CHECK(d.trust.index_horizon_a == d.trust.index_horizon_b);
        CHECK(d.trust.groups.size() == plan.stakeholders.size());
    }
}

TEST_CASE("diff lists every added, removed and changed entity with its changed fields and the trust change") {
    const Plan a = example("online-shop");
    Plan b = a;
    b.touchpoints[2].bad_share = 0.9;
    b.touchpoints[2].name = "Renamed";
    const std::string removed = b.touchpoints[0].id;
    b.touchpoints.erase(b.touchpoints.begin());
    Touchpoint added;
    added.id = "brand-new";
    added.name = "Brand new";
    added.stakeholder = a.stakeholders[0].id;
    b.touchpoints.push_back(added);
    b.settings.forgetting = 0.5;
    b.observations[1].value = 0.123;
    b.workshop.ratings[0].score = b.workshop.ratings[0].score == 9 ? 1 : 9;

    PlanDiff d = diff_plans(a, b);
    IO_REQUIRE(d.fields.size() == 1);
    CHECK(d.fields[0].pointer == "/settings/forgetting");
    CHECK(*d.fields[0].after == Json(0.5));

    std::vector<std::string> seen;
    for (const EntityChange& e : d.entities) seen.push_back(e.list + " " + e.key + " " + std::to_string(static_cast<int>(e.kind)));
    const EntityChange* changed = nullptr;
    for (const EntityChange& e : d.entities)
        if (e.list == "/touchpoints" && e.key == a.touchpoints[2].id) changed = &e;
    IO_REQUIRE(changed);
    CHECK(changed->kind == ChangeKind::changed);
    CHECK(changed->pointer == "/touchpoints/1");
    IO_REQUIRE(changed->fields.size() == 2);
    CHECK(changed->fields[0].pointer == "/touchpoints/1/name");
    CHECK(*changed->fields[0].before == Json(a.touchpoints[2].name));
    CHECK(*changed->fields[1].after == Json(0.9));
    int removed_count = 0, added_count = 0, observation = 0, rating = 0;
    for (const EntityChange& e : d.entities) {
        removed_count += e.kind == ChangeKind::removed && e.key == removed && e.pointer == "/touchpoints/0";
        added_count += e.kind == ChangeKind::added && e.key == "brand-new";
        observation += e.list == "/observations" && e.kind == ChangeKind::changed && e.fields.size() == 1 &&
                       e.fields[0].pointer == "/observations/1/value";
        rating += e.list == "/workshop/ratings" && e.kind == ChangeKind::changed;
    }
    CHECK(removed_count == 1);
    CHECK(added_count == 1);
    CHECK(observation == 1);  // matched by stakeholder, month and metric, not by position
    CHECK(rating == 1);
    CHECK(d.entities.size() == 5);

    // A worse touchpoint and faster forgetting move the projected trust: the deltas say by how much.
    const Projection pa = project(a), pb = project(b);
    CHECK(d.trust.index_horizon_a == pa.months.back().trust_index);
    CHECK(d.trust.index_horizon_b == pb.months.back().trust_index);
    CHECK(d.trust.index_horizon_a != d.trust.index_horizon_b);
    Json j = Json::parse(diff_json(d), nullptr, false);
    CHECK(j["same"] == false);
    CHECK(j["entities"].size() == 5);
    CHECK(j["trust"]["index"]["horizon"][1] == Json(pb.months.back().trust_index));
}

TEST_CASE("merge: disjoint random edits give the same plan as applying both; the result records itself as base") {
    int merged = 0;
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        core::Rng rng(seed);
        const Plan base = example(example_names()[seed % 3]);
        std::set<std::string> taken;
        const std::vector<Edit> mine = choose(candidate_edits(base, rng, "ours"), rng, taken, 0.25);
        const std::vector<Edit> yours = choose(candidate_edits(base, rng, "theirs"), rng, taken, 0.25);
        const Plan ours = applied(base, mine), theirs = applied(base, yours);
        std::vector<Edit> both = mine;
        both.insert(both.end(), yours.begin(), yours.end());
        MergeResult r = merge_plans(base, ours, theirs);
        CHECK_MESSAGE(r.conflicts.empty(), "seed " << seed << ": " << merge_report_json(r));
        CHECK_MESSAGE(r.ok, "seed " << seed << ": " << merge_report_json(r));
        if (!r.ok) continue;
        CHECK_MESSAGE(content(r.plan) == content(applied(base, both)), "seed " << seed);
        CHECK(r.plan.meta.base == content_hash(r.plan));
        ++merged;
    }
    CHECK(merged == 60);
}

TEST_CASE("merge: one side's edits alone, or the same edits on both sides, give that side") {
    for (std::uint64_t seed = 100; seed < 130; ++seed) {
        core::Rng rng(seed);
        const Plan base = example(example_names()[seed % 3]);
        std::set<std::string> taken;
        const Plan x = applied(base, choose(candidate_edits(base, rng, "x"), rng, taken, 0.3));
        for (const auto& [o, t] : {std::pair{&x, &base}, std::pair{&base, &x}, std::pair{&x, &x}}) {
            MergeResult r = merge_plans(base, *o, *t);
            IO_REQUIRE(r.ok);
            CHECK_MESSAGE(content(r.plan) == content(x), "seed " << seed);
        }
        CHECK(merge_plans(base, x, base).from_theirs == 0);
    }
}

TEST_CASE("merge: two different edits of one field are always a conflict, resolved only by a pick") {
    for (std::uint64_t seed = 200; seed < 240; ++seed) {
        core::Rng rng(seed);
        const Plan base = example(example_names()[seed % 3]);
        const std::size_t i = rng.next() % base.touchpoints.size();
        Plan ours = base, theirs = base;
        ours.touchpoints[i].bad_share = 0.25;
        theirs.touchpoints[i].bad_share = 0.75;
        // Some unrelated, disjoint edits around it must not hide the conflict.
        std::set<std::string> taken = {"touchpoint " + base.touchpoints[i].id};
        ours = applied(ours, choose(candidate_edits(base, rng, "ours"), rng, taken, 0.2));
        theirs = applied(theirs, choose(candidate_edits(base, rng, "theirs"), rng, taken, 0.2));
        MergeResult r = merge_plans(base, ours, theirs);
        CHECK_FALSE(r.ok);
        IO_REQUIRE(r.conflicts.size() == 1);
        const Conflict& c = r.conflicts[0];
        CHECK(c.path == "/touchpoints/" + base.touchpoints[i].id + "/bad_share");
        CHECK(c.pointer.ends_with("/bad_share"));
        CHECK(*c.base == Json(base.touchpoints[i].bad_share));
        CHECK(*c.ours == Json(0.25));
        CHECK(*c.theirs == Json(0.75));
        for (Side side : {Side::ours, Side::theirs, Side::base}) {
            MergeResult picked = merge_plans(base, ours, theirs, {{c.path, side}});
            IO_REQUIRE(picked.ok);
            const double want = side == Side::ours ? 0.25 : side == Side::theirs ? 0.75 : base.touchpoints[i].bad_share;
            bool found = false;
            for (const Touchpoint& t : picked.plan.touchpoints)
                if (t.id == base.touchpoints[i].id) found = t.bad_share == want;
            CHECK(found);
        }
    }
}

TEST_CASE("merge: an edit on one side and a removal on the other is a conflict over the whole entity") {
    const Plan base = example("online-shop");
    std::string id;
    for (const Touchpoint& t : base.touchpoints)
        if (id.empty() && !touchpoint_referenced(base, t.id)) id = t.id;
    IO_REQUIRE(!id.empty());
    Plan ours = base, theirs = base;
    by_id(ours.touchpoints, id)->severity = 2.5;
    std::erase_if(theirs.touchpoints, [&](const Touchpoint& t) { return t.id == id; });
    for (bool swapped : {false, true}) {
        const Plan& a = swapped ? theirs : ours;  // the side called "ours" in this merge
        const Plan& b = swapped ? ours : theirs;
        MergeResult r = merge_plans(base, a, b);
        IO_REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].path == "/touchpoints/" + id);
        CHECK(r.conflicts[0].base.has_value());
        CHECK(r.conflicts[0].ours.has_value() == !swapped);
        CHECK(r.conflicts[0].theirs.has_value() == swapped);
        MergeResult removed = merge_plans(base, a, b, {{"/touchpoints/" + id, swapped ? Side::ours : Side::theirs}});
        IO_REQUIRE(removed.ok);
        CHECK(by_id(removed.plan.touchpoints, id) == nullptr);
    }
}

TEST_CASE("merge: a conflict names its place as data too (list, key, entity, field), its label unchanged") {
    const Plan base = example("online-shop");
    const Touchpoint& t = base.touchpoints[1];
    Plan ours = base, theirs = base;
    ours.touchpoints[1].bad_share = 0.25;
    theirs.touchpoints[1].bad_share = 0.75;
    ours.touchpoints[1].dimensions[2] = 0.5;
    theirs.touchpoints[1].dimensions[2] = 0.7;
    ours.settings.forgetting = 0.61;
    theirs.settings.forgetting = 0.62;
    MergeResult r = merge_plans(base, ours, theirs);
    IO_REQUIRE(r.conflicts.size() == 3);
    const Conflict& setting = r.conflicts[0];
    CHECK(setting.label == "settings: forgetting");
    CHECK(setting.list.empty());
    CHECK(setting.key.empty());
    CHECK_FALSE(setting.entity.has_value());
    CHECK(setting.field == "settings/forgetting");
    for (const Conflict* c : {&r.conflicts[1], &r.conflicts[2]}) {
        CHECK(c->list == "/touchpoints");
        CHECK(c->key == t.id);
        IO_REQUIRE(c->entity.has_value());
        CHECK((*c->entity)["id"] == Json(t.id));
        CHECK((*c->entity)["bad_share"] == Json(0.25));  // ours
    }
    CHECK(r.conflicts[1].label == "touchpoint " + t.name + ": bad_share");
    CHECK(r.conflicts[1].field == "bad_share");
    CHECK(r.conflicts[2].label == "touchpoint " + t.name + ": dimensions: honesty");
    CHECK(r.conflicts[2].field == "dimensions/honesty");

    Plan removed = base;  // an edit against a removal: the entity itself, as the base had it
    std::erase_if(removed.touchpoints, [&](const Touchpoint& x) { return x.id == t.id; });
    r = merge_plans(base, removed, theirs);
    bool found = false;
    for (const Conflict& c : r.conflicts) {
        if (c.list != "/touchpoints") continue;
        found = true;
        CHECK(c.label == "touchpoint " + t.name);
        CHECK(c.field.empty());
        IO_REQUIRE(c.entity.has_value());
        CHECK((*c.entity)["bad_share"] == Json(0.75));  // theirs, as ours has none
    }
    CHECK(found);
}

TEST_CASE("merge keeps list order: ours, then what theirs added; both adding the same entity is no conflict") {
    const Plan base = example("retail-bank");
    Plan ours = base, theirs = base;
    Observation o;
    o.stakeholder = base.stakeholders[0].id;
    o.month = 7;
    o.value = 0.4;
    ours.observations.push_back(o);
    theirs.observations.push_back(o);
    Participant p{"zoe", "Zoe", ""};
    theirs.workshop.participants.insert(theirs.workshop.participants.begin(), p);
    ours.workshop.participants[0].name = "Renamed";  // both sides changed the list: ours' order, then theirs' additions
    std::swap(ours.stakeholders[0], ours.stakeholders[1]);
    MergeResult r = merge_plans(base, ours, theirs);
    IO_REQUIRE(r.ok);
    CHECK(r.plan.observations.size() == base.observations.size() + 1);
    CHECK(r.plan.stakeholders[0].id == base.stakeholders[1].id);  // ours' order
    CHECK(r.plan.workshop.participants.back().id == "zoe");        // theirs' addition after
    CHECK(r.plan.workshop.participants[0].name == "Renamed");
    // A list only one side changed is taken as that side has it, order included.
    ours.workshop = base.workshop;
    MergeResult theirs_order = merge_plans(base, ours, theirs);
    IO_REQUIRE(theirs_order.ok);
    CHECK(theirs_order.plan.workshop.participants.front().id == "zoe");
}

TEST_CASE("merge: an entity removed on one side but used by the other's new reference is a conflict to pick, not a broken plan") {
    const Plan base = example("online-shop");
    std::string unused;  // a touchpoint no action of the base aims at: removing it alone is valid
    for (const Touchpoint& t : base.touchpoints)
        if (!touchpoint_referenced(base, t.id)) unused = t.id;
    REQUIRE_FALSE(unused.empty());
    Plan ours = base, theirs = base;
    std::erase_if(ours.touchpoints, [&](const Touchpoint& t) { return t.id == unused; });
    Effect aim;  // theirs: a new effect on that touchpoint
    aim.target = EffectTarget::touchpoint;
    aim.id = unused;
    aim.field = "bad_share";
    aim.op = EffectOp::scale;
    aim.value = 0.5;
    theirs.actions[0].effects.push_back(aim);
    REQUIRE(load_plan(save_plan(ours)).ok);
    REQUIRE(load_plan(save_plan(theirs)).ok);

    MergeResult r = merge_plans(base, ours, theirs);
    CHECK_FALSE(r.ok);
    CHECK(r.errors.empty());  // a question, not a validation error
    IO_REQUIRE(r.conflicts.size() == 1);
    const Conflict& c = r.conflicts[0];
    CHECK(c.path == "/touchpoints/" + pointer_escape(unused));
    CHECK(c.list == "/touchpoints");
    CHECK(c.key == unused);
    CHECK(c.field.empty());
    CHECK_FALSE(c.ours.has_value());
    IO_REQUIRE(c.theirs.has_value());
    CHECK(c.used_at == "/actions/0/effects/" + std::to_string(theirs.actions[0].effects.size() - 1) + "/id");
    CHECK(c.used_by_list == "/actions");
    IO_REQUIRE(c.used_by.has_value());
    CHECK((*c.used_by)["id"] == Json(base.actions[0].id));
    CHECK(c.label.find("still used at " + c.used_at) != std::string::npos);

    // Keep it: the merge takes their touchpoint back, and the effect with it.
    MergeResult kept = merge_plans(base, ours, theirs, {{c.path, Side::theirs}});
    IO_REQUIRE(kept.ok);
    CHECK(by_id(kept.plan.touchpoints, unused) != nullptr);
    CHECK(kept.plan.actions[0].effects.size() == theirs.actions[0].effects.size());
    // Remove it: the person chose so; the dangling effect is then named by the validator.
    MergeResult removed = merge_plans(base, ours, theirs, {{c.path, Side::ours}});
    CHECK_FALSE(removed.ok);
    CHECK(removed.conflicts.empty());
    IO_REQUIRE(!removed.errors.empty());
    CHECK(removed.errors[0].find("/actions/0/effects/") == 0);
    CHECK(removed.errors[0].find("must name a touchpoint of this plan") != std::string::npos);
    CHECK(removed.errors[0].find(unused) != std::string::npos);

    // The same with the sides swapped, and for a workshop participant whose rating the other side added.
    MergeResult swapped = merge_plans(base, theirs, ours);
    IO_REQUIRE(swapped.conflicts.size() == 1);
    CHECK(swapped.conflicts[0].path == c.path);
    IO_REQUIRE(!base.workshop.participants.empty());
    Plan gone = base, rated = base;
    const std::string who = base.workshop.participants[0].id;
    std::erase_if(gone.workshop.participants, [&](const Participant& p) { return p.id == who; });
    std::erase_if(gone.workshop.ratings, [&](const Rating& x) { return x.participant == who; });
    rated.workshop.ratings.push_back({who, base.stakeholders.back().id, Dimension::empathy, 7, {}});
    REQUIRE(load_plan(save_plan(gone)).ok);
    REQUIRE(load_plan(save_plan(rated)).ok);
    MergeResult w = merge_plans(base, gone, rated);
    IO_REQUIRE(w.conflicts.size() == 1);
    CHECK(w.conflicts[0].list == "/workshop/participants");
    CHECK(w.conflicts[0].used_by_list == "/workshop/ratings");

    // Both removed it, or nothing refers to it: the removal merges as before.
    CHECK(merge_plans(base, ours, ours).ok);
    Plan theirs_plain = base;
    theirs_plain.touchpoints[0].severity = 0.9;
    CHECK(merge_plans(base, ours, theirs_plain).ok);
}
