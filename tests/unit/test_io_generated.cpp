// Generated plans round-trip losslessly: for many seeds a random but valid plan (every entity kind,
// optional fields present or left out, awkward strings and numbers) gets unknown fields of every
// JSON type inserted at several levels of its saved text; then load -> save -> load -> save is
// byte-identical, the unknown fields come back where they were, and left-out optional fields come
// back with their docs/FORMAT.md defaults.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

// A self-contained generator (splitmix64) so the test does not depend on the model's own.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int integer(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    double real(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(integer(0, static_cast<int>(v.size()) - 1))]; }

    // A share in [0,1], sometimes one of the edges or a short decimal.
    double share() {
        switch (integer(0, 5)) {
            case 0: return 0;
            case 1: return 1;
            case 2: return integer(0, 100) / 100.0;
            default: return uniform();
        }
    }
    // A number >= 0 of any form: integral, tiny, huge, long fraction.
    double amount() {
        switch (integer(0, 7)) {
            case 0: return 0;
            case 1: return integer(1, 100000);
            case 2: return 1e-7 * real(1, 9);
            case 3: return 123456789012.5;
            case 4: return 9007199254740992.0;  // 2^53
            case 5: return 1e20;
            default: return real(0, 5000);
        }
    }
    std::string text() {
        static const std::vector<std::string> pieces = {
            "Trust", "plan", "caf\xc3\xa9", "\xe6\xbc\xa2\xe5\xad\x97", "\xf0\x9f\x98\x80", "a \"quote\"",
            "back\\slash", "new\nline", "tab\there", "ctl\x01", "slash/and~tilde", "", " ", "<b>&amp;</b>"};
        std::string s;
        const int n = integer(0, 4);
        for (int i = 0; i < n; ++i) s += (i ? " " : "") + pick(pieces);
        return s;
    }
    std::string id(const std::string& prefix, int i) {
        static const std::vector<std::string> tails = {"", "-x", "_y", "-2027", "_a-b"};
        return prefix + std::to_string(i) + pick(tails);
    }
};

DimensionWeights weights(Random& r) {
    DimensionWeights w{};
    for (double& x : w) x = r.chance(0.4) ? 0 : r.real(0, 3);
    if (w[0] + w[1] + w[2] + w[3] + w[4] <= 0) w[static_cast<std::size_t>(r.integer(0, 4))] = 1;
    return w;
}

Plan random_plan(Random& r) {
    Plan p;
    p.meta.title = r.text();
    p.meta.organisation = r.text();
    for (int i = r.integer(0, 3); i > 0; --i) p.meta.authors.push_back(r.text());
    if (r.chance(0.3)) p.meta.language = r.chance(0.5) ? "de" : "fr";
    if (r.chance(0.3)) p.meta.currency = r.chance(0.5) ? "USD" : "GBP";
    p.meta.notes = r.text();

    Settings& s = p.settings;
    s.horizon_months = r.chance(0.2) ? 24 : r.integer(1, 120);
    if (r.chance(0.5)) s.start = std::to_string(r.integer(2000, 2099)) + "-" + (r.chance(0.5) ? "01" : "12");
    if (r.chance(0.5)) s.seed = r.chance(0.5) ? r.next() >> 12 : static_cast<std::uint64_t>(r.integer(0, 1000));
    if (r.chance(0.5)) s.forgetting = r.chance(0.3) ? 1.0 : r.real(0.01, 1);
    if (r.chance(0.5)) s.negative_weight = r.real(0.1, 10);
    if (r.chance(0.5)) s.prior_weight = r.real(0.1, 10);
    if (r.chance(0.5)) s.public_commitment_multiplier = r.real(1, 5);
    if (r.chance(0.5)) s.personalisation_lift = r.amount();
    if (r.chance(0.5)) s.empowerment_effect = r.share();
    if (r.chance(0.5)) s.abandonment.kappa = r.real(0.1, 5);
    if (r.chance(0.5)) s.abandonment.beta = r.real(0.1, 5);
    if (r.chance(0.5)) p.culture.empowerment = r.share();
    if (r.chance(0.5)) p.culture.reward = r.share();

    const int groups = r.integer(1, 6);
    for (int i = 0; i < groups; ++i) {
        Stakeholder g;
        g.id = r.id("g", i);
        g.name = r.text();
        g.kind = static_cast<StakeholderKind>(r.integer(0, 4));
        if (r.chance(0.6)) g.size = r.amount();
        g.importance = i == 0 ? r.real(0.1, 3) : (r.chance(0.5) ? r.amount() : 1.0);
        if (r.chance(0.6)) g.base_rate = r.real(0.01, 0.99);
        if (r.chance(0.6)) g.weights = weights(r);
        if (r.chance(0.5)) g.revenue_per_month = r.amount();
        if (r.chance(0.5)) g.peer_rating = r.chance(0.3) ? r.integer(1, 5) : r.real(1, 5);
        if (r.chance(0.5)) g.peer_exposure = r.share();
        p.stakeholders.push_back(g);
    }
    for (int i = r.integer(0, 5); i > 0; --i) {
        KnowledgeSource k;
        k.id = r.id("k", i);
        k.name = r.text();
        k.channel = static_cast<Channel>(r.integer(0, 5));
        for (const Stakeholder& g : p.stakeholders)
            if (r.chance(0.5)) k.coverage.push_back({g.id, r.share()});
        k.granularity = r.share();
        k.relevance = r.share();
        k.consistency = r.share();
        if (r.chance(0.5)) k.messages_per_month = r.amount();
        p.knowledge_sources.push_back(k);
    }
    for (int i = r.integer(0, 12); i > 0; --i) {
        Touchpoint t;
        t.id = r.id("t", i);
        t.name = r.text();
        t.stakeholder = r.pick(p.stakeholders).id;
        t.stage = static_cast<Stage>(r.integer(0, 6));
        if (r.chance(0.6)) t.channel = r.text();
        t.interactions_per_month = r.amount();
        t.bad_share = r.share();
        if (r.chance(0.5)) t.severity = r.real(0.01, 5);
        if (r.chance(0.6)) t.dimensions = weights(r);
        p.touchpoints.push_back(t);
    }
    for (int i = r.integer(0, 6); i > 0; --i) {
        Commitment c;
        c.id = r.id("c", i);
        c.statement = r.text();
        for (const Stakeholder& g : p.stakeholders)
            if (r.chance(0.4)) c.stakeholders.push_back(g.id);
        c.occasions_per_month = r.amount();
        c.kept_share = r.share();
        c.is_public = r.chance(0.6);
        p.commitments.push_back(c);
    }
    for (int i = r.integer(0, 8); i > 0; --i) {
        Action a;
        a.id = r.id("a", i);
        a.name = r.text();
        if (r.chance(0.5)) a.owner = r.text();
        a.start_month = r.integer(1, s.horizon_months);
        if (r.chance(0.5)) a.ramp_months = r.integer(1, 24);
        if (r.chance(0.5)) a.cost_once = r.amount();
        if (r.chance(0.5)) a.cost_per_month = r.amount();
        if (r.chance(0.3)) a.enabled = false;
        for (int e = r.integer(0, 4); e > 0; --e) {
            Effect f;
            const int target = r.integer(0, 4);
            f.op = static_cast<EffectOp>(r.integer(0, 2));
            f.value = r.chance(0.2) ? -r.real(0, 2) : r.real(0, 2);
            if (target == 0 && !p.touchpoints.empty()) {
                f.target = EffectTarget::touchpoint;
                f.id = r.pick(p.touchpoints).id;
                f.field = r.pick(std::vector<std::string>{"interactions_per_month", "bad_share", "severity"});
            } else if (target == 1 && !p.commitments.empty()) {
                f.target = EffectTarget::commitment;
                f.id = r.pick(p.commitments).id;
                f.field = r.pick(std::vector<std::string>{"occasions_per_month", "kept_share"});
            } else if (target == 2 && !p.knowledge_sources.empty()) {
                f.target = EffectTarget::knowledge_source;
                f.id = r.pick(p.knowledge_sources).id;
                f.field = r.pick(std::vector<std::string>{"granularity", "relevance", "consistency", "messages_per_month"});
            } else if (target == 3) {
                f.target = EffectTarget::stakeholder;
                f.id = r.pick(p.stakeholders).id;
                f.field = r.pick(std::vector<std::string>{"size", "importance", "base_rate", "revenue_per_month",
                                                          "peer_rating", "peer_exposure"});
            } else {
                f.target = EffectTarget::culture;
                f.field = r.chance(0.5) ? "empowerment" : "reward";
            }
            a.effects.push_back(f);
        }
        p.actions.push_back(a);
    }
    for (int i = r.integer(0, 3); i > 0; --i) {
        Scenario sc;
        sc.id = r.id("s", i);
        sc.name = r.text();
        for (const Action& a : p.actions)
            if (r.chance(0.5)) sc.actions.push_back(a.id);
        p.scenarios.push_back(sc);
    }
    for (int i = r.integer(0, 10); i > 0; --i) {
        Observation o;
        o.stakeholder = r.pick(p.stakeholders).id;
        o.month = r.integer(0, s.horizon_months);
        o.metric = static_cast<Metric>(r.integer(0, 4));
        o.value = o.metric == Metric::nps ? r.real(-100, 100)
                  : (o.metric == Metric::trust_share || o.metric == Metric::churn) ? r.share()
                                                                                   : r.real(-1000, 1000);
        if (r.chance(0.5)) o.n = r.chance(0.5) ? r.integer(0, 5000) : r.amount();
        if (r.chance(0.5)) o.source = r.text();
        p.observations.push_back(o);
    }
    for (int i = r.integer(0, 4); i > 0; --i) {
        Participant q;
        q.id = r.id("p", i);
        if (r.chance(0.6)) q.name = r.text();
        p.workshop.participants.push_back(q);
    }
    if (!p.workshop.participants.empty()) {
        for (int i = r.integer(0, 15); i > 0; --i) {
            Rating g;
            g.participant = r.pick(p.workshop.participants).id;
            g.stakeholder = r.pick(p.stakeholders).id;
            g.dimension = static_cast<Dimension>(r.integer(0, 4));
            g.score = r.integer(1, 9);
            p.workshop.ratings.push_back(g);
        }
    }
    return p;
}

// An unknown value of any JSON type, nested a little.
Json unknown_value(Random& r, int depth = 0) {
    switch (r.integer(0, depth < 3 ? 8 : 5)) {
        case 0: return nullptr;
        case 1: return r.chance(0.5);
        case 2: return r.integer(-1000000, 1000000);
        case 3: return r.chance(0.5) ? r.real(-1e6, 1e6) : 0.1;
        case 4: return r.text();
        case 5: return static_cast<std::uint64_t>(18446744073709551615ULL);
        case 6: {
            Json a = Json::array();
            for (int i = r.integer(0, 3); i > 0; --i) a.push_back(unknown_value(r, depth + 1));
            return a;
        }
        default: {
            Json o = Json::object();
            for (int i = r.integer(0, 3); i > 0; --i)
                o["k" + std::to_string(i) + (r.chance(0.3) ? "/~" : "")] = unknown_value(r, depth + 1);
            return o;
        }
    }
}

struct Inserted {
    std::string pointer;  // of the object that got the field
    std::string key;
    Json value;
};

// Adds unknown fields (never a key the format knows: they all start "x") to random objects of the
// document, and records where.
void insert_unknown(Random& r, Json& object, const std::string& pointer, std::vector<Inserted>& out, double p) {
    if (!object.is_object() || !r.chance(p)) return;
    static const std::vector<std::string> keys = {"x_note", "x-ext", "xTool", "x~/odd", "x\xc3\x9cnicode", "x"};
    for (int i = r.integer(1, 2); i > 0; --i) {
        std::string key = r.pick(keys) + (i > 1 ? "2" : "");
        if (object.contains(key)) continue;
        Json value = unknown_value(r);
        object[key] = value;
        out.push_back({pointer, key, value});
    }
}

void insert_unknown_in_list(Random& r, Json& doc, const char* list, std::vector<Inserted>& out) {
    if (!doc.contains(list)) return;
    Json& l = doc[list];
    for (std::size_t i = 0; i < l.size(); ++i) {
        const std::string ptr = "/" + std::string(list) + "/" + std::to_string(i);
        insert_unknown(r, l[i], ptr, out, 0.4);
        if (std::string(list) == "actions" && l[i].contains("effects")) {
            Json& effects = l[i]["effects"];
            for (std::size_t e = 0; e < effects.size(); ++e)
                insert_unknown(r, effects[e], ptr + "/effects/" + std::to_string(e), out, 0.4);
        }
    }
}

// Leaves out, at random, optional keys that hold their docs/FORMAT.md default: the loader must put the
// same default back, so the canonical save is unchanged.
void drop_defaults(Random& r, Json& object, const std::vector<std::pair<const char*, Json>>& defaults) {
    if (!object.is_object()) return;
    for (const auto& [key, value] : defaults) {
        if (object.contains(key) && object[key] == value && r.chance(0.6)) object.erase(key);
    }
}

void drop_defaults_in_list(Random& r, Json& doc, const char* list,
                           const std::vector<std::pair<const char*, Json>>& defaults) {
    if (!doc.contains(list)) return;
    for (Json& item : doc[list]) drop_defaults(r, item, defaults);
}

Json sparse(Random& r, Json doc) {
    drop_defaults(r, doc["meta"], {{"title", ""}, {"organisation", ""}, {"authors", Json::array()},
                                   {"language", "en"}, {"currency", "EUR"}, {"notes", ""}});
    drop_defaults(r, doc["settings"]["abandonment"], {{"kappa", 1.72}, {"beta", 1.665}});
    drop_defaults(r, doc["settings"], {{"horizon_months", 24}, {"start", ""}, {"seed", 1}, {"forgetting", 0.9},
                                       {"negative_weight", 3}, {"prior_weight", 2},
                                       {"public_commitment_multiplier", 2}, {"personalisation_lift", 1},
                                       {"empowerment_effect", 0.5}, {"abandonment", Json::object()}});
    drop_defaults(r, doc["culture"], {{"empowerment", 0}, {"reward", 0}});
    drop_defaults_in_list(r, doc, "stakeholders",
                          {{"size", 1000}, {"importance", 1}, {"base_rate", 0.5}, {"revenue_per_month", 0},
                           {"peer_rating", nullptr}, {"peer_exposure", 0}});
    drop_defaults_in_list(r, doc, "knowledge_sources", {{"messages_per_month", 1}});
    drop_defaults_in_list(r, doc, "touchpoints",
                          {{"channel", ""}, {"severity", 1},
                           {"dimensions", Json{{"transactions", 1}, {"promises", 0}, {"honesty", 0},
                                               {"advice", 0}, {"empathy", 0}}}});
    drop_defaults_in_list(r, doc, "commitments", {{"public", true}});
    drop_defaults_in_list(r, doc, "actions", {{"owner", ""}, {"ramp_months", 1}, {"cost_once", 0},
                                              {"cost_per_month", 0}, {"effects", Json::array()},
                                              {"enabled", true}});
    drop_defaults_in_list(r, doc, "observations", {{"n", nullptr}, {"source", ""}});
    drop_defaults(r, doc["workshop"], {{"participants", Json::array()}, {"ratings", Json::array()}});
    drop_defaults(r, doc, {{"culture", Json::object()}, {"stakeholders", Json::array()},
                           {"knowledge_sources", Json::array()}, {"touchpoints", Json::array()},
                           {"commitments", Json::array()}, {"actions", Json::array()},
                           {"scenarios", Json::array()}, {"observations", Json::array()},
                           {"workshop", Json::object()}});
    return doc;
}

}  // namespace

TEST_CASE("io generated: random plans with unknown fields round-trip byte for byte") {
    int unknown_total = 0, dropped_total = 0;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        CAPTURE(seed);
        Random r{seed * 0x51ed270b27a1ULL};
        const Plan plan = random_plan(r);
        const std::string canonical = save_plan(plan);
        Json doc = Json::parse(canonical, nullptr, false);
        IO_REQUIRE(doc.is_object());

        // Unknown fields at the top, in every nested object and in list items.
        std::vector<Inserted> inserted;
        insert_unknown(r, doc, "", inserted, 0.7);
        insert_unknown(r, doc["meta"], "/meta", inserted, 0.5);
        insert_unknown(r, doc["settings"], "/settings", inserted, 0.5);
        insert_unknown(r, doc["settings"]["abandonment"], "/settings/abandonment", inserted, 0.5);
        insert_unknown(r, doc["culture"], "/culture", inserted, 0.5);
        insert_unknown(r, doc["workshop"], "/workshop", inserted, 0.5);
        for (const char* list : {"stakeholders", "knowledge_sources", "touchpoints", "commitments", "actions",
                                 "scenarios", "observations"})
            insert_unknown_in_list(r, doc, list, inserted);
        for (std::size_t i = 0; i < doc["workshop"]["participants"].size(); ++i)
            insert_unknown(r, doc["workshop"]["participants"][i], "/workshop/participants/" + std::to_string(i), inserted, 0.4);
        for (std::size_t i = 0; i < doc["workshop"]["ratings"].size(); ++i)
            insert_unknown(r, doc["workshop"]["ratings"][i], "/workshop/ratings/" + std::to_string(i), inserted, 0.4);
        unknown_total += static_cast<int>(inserted.size());

        // Unknown fields are written after the known ones, in the order they came: the canonical
        // text of the full document is its 2-space dump and a final newline.
        const std::string expected = doc.dump(2) + "\n";
        const Json thin = sparse(r, doc);
        const std::string input = thin.dump(r.chance(0.5) ? 2 : -1);
        if (thin != doc) ++dropped_total;

        LoadResult first = load_plan(input);
        IO_REQUIRE_MESSAGE(first.ok, (all_errors(first) + input.substr(0, 2000)));
        const std::string saved1 = save_plan(first.plan);
        CHECK(saved1 == expected);

        LoadResult second = load_plan(saved1);
        IO_REQUIRE_MESSAGE(second.ok, all_errors(second));
        const std::string saved2 = save_plan(second.plan);
        CHECK(saved2 == saved1);

        // Every unknown field is back, at its place, with its value.
        Json back = Json::parse(saved2, nullptr, false);
        IO_REQUIRE(back.is_object());
        for (const Inserted& u : inserted) {
            CAPTURE(u.pointer);
            CAPTURE(u.key);
            const Json& owner = u.pointer.empty() ? back : back.at(Json::json_pointer(u.pointer));
            IO_REQUIRE(owner.is_object());
            CHECK(owner.contains(u.key));
            if (owner.contains(u.key)) CHECK(owner[u.key] == u.value);
        }
    }
    // The generator exercised what it is meant to.
    CHECK(unknown_total > 200);
    CHECK(dropped_total > 25);
}

TEST_CASE("io generated: the generated plans vary every entity kind") {
    int kinds[5] = {}, stages[7] = {}, channels[6] = {}, metrics[5] = {}, targets[5] = {}, ops[3] = {};
    int peer_null = 0, peer_set = 0, n_null = 0, n_set = 0, private_commitments = 0, disabled = 0, ratings = 0;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        Random r{seed * 0x51ed270b27a1ULL};
        const Plan p = random_plan(r);
        for (const Stakeholder& s : p.stakeholders) {
            ++kinds[static_cast<int>(s.kind)];
            (s.peer_rating ? peer_set : peer_null)++;
        }
        for (const KnowledgeSource& k : p.knowledge_sources) ++channels[static_cast<int>(k.channel)];
        for (const Touchpoint& t : p.touchpoints) ++stages[static_cast<int>(t.stage)];
        for (const Commitment& c : p.commitments) private_commitments += !c.is_public;
        for (const Action& a : p.actions) {
            disabled += !a.enabled;
            for (const Effect& e : a.effects) {
                ++targets[static_cast<int>(e.target)];
                ++ops[static_cast<int>(e.op)];
            }
        }
        for (const Observation& o : p.observations) {
            ++metrics[static_cast<int>(o.metric)];
            (o.n ? n_set : n_null)++;
        }
        ratings += static_cast<int>(p.workshop.ratings.size());
    }
    for (int k : kinds) CHECK(k > 0);
    for (int s : stages) CHECK(s > 0);
    for (int c : channels) CHECK(c > 0);
    for (int m : metrics) CHECK(m > 0);
    for (int t : targets) CHECK(t > 0);
    for (int o : ops) CHECK(o > 0);
    CHECK(peer_null > 0);
    CHECK(peer_set > 0);
    CHECK(n_null > 0);
    CHECK(n_set > 0);
    CHECK(private_commitments > 0);
    CHECK(disabled > 0);
    CHECK(ratings > 0);
}
