// Every validation rule of docs/FORMAT.md gives its exact message: a table of mutations of a valid plan
// (the retail-bank example), each with the error it must produce.
#include <doctest/doctest.h>

#include <set>

#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

struct Edit {
    const char* pointer;
    const char* value;  // JSON text; nullptr removes the key
};

struct Case {
    const char* rule;  // the rule's name (distinct rules are counted)
    std::vector<Edit> edits;
    const char* error;  // expected exactly among the errors
};

void apply(Json& doc, const Edit& e) {
    std::string ptr = e.pointer;
    if (e.value) {
        doc[Json::json_pointer(ptr)] = Json::parse(e.value);
        return;
    }
    std::size_t slash = ptr.rfind('/');
    Json& parent = doc[Json::json_pointer(ptr.substr(0, slash))];
    parent.erase(ptr.substr(slash + 1));
}

const std::vector<Case>& cases() {
    static const std::vector<Case> list = {
        // header and version
        {"header missing", {{"/fiducia", nullptr}}, "not a Fiducia plan: /fiducia is required (the \"fiducia\": \"plan\" header is missing)"},
        {"header value", {{"/fiducia", R"("budget")"}}, "not a Fiducia plan: /fiducia must be \"plan\" (got \"budget\")"},
        {"version required", {{"/version", nullptr}}, "/version: is required"},
        {"version type", {{"/version", R"("1")"}}, "/version: must be an integer of at least 0 (got \"1\")"},
        {"version integer", {{"/version", "1.5"}}, "/version: must be an integer of at least 0 (got 1.5)"},
        {"version negative", {{"/version", "-1"}}, "/version: must be an integer of at least 0 (got -1)"},
        {"version too large", {{"/version", "3000000000"}}, "/version: must be an integer of at most 2147483647 (got 3000000000)"},
        // meta
        {"meta object", {{"/meta", "[]"}}, "/meta: must be an object (got [])"},
        {"meta text", {{"/meta/title", "5"}}, "/meta/title: must be a string (got 5)"},
        {"authors array", {{"/meta/authors", R"("CX")"}}, "/meta/authors: must be an array (got \"CX\")"},
        {"authors strings", {{"/meta/authors/1", "7"}}, "/meta/authors/1: must be a string (got 7)"},
        // settings
        {"horizon range", {{"/settings/horizon_months", "0"}}, "/settings/horizon_months: must be an integer between 1 and 120 (got 0)"},
        {"horizon integer", {{"/settings/horizon_months", "12.5"}}, "/settings/horizon_months: must be an integer between 1 and 120 (got 12.5)"},
        {"start format", {{"/settings/start", R"("2027-13")"}}, "/settings/start: must be a month written YYYY-MM, or \"\" (got \"2027-13\")"},
        {"seed", {{"/settings/seed", "-1"}}, "/settings/seed: must be an integer of at least 0 (got -1)"},
        {"forgetting", {{"/settings/forgetting", "0"}}, "/settings/forgetting: must be greater than 0 and at most 1 (got 0)"},
        {"negative weight", {{"/settings/negative_weight", "0"}}, "/settings/negative_weight: must be greater than 0 (got 0)"},
        {"prior weight", {{"/settings/prior_weight", "-2"}}, "/settings/prior_weight: must be greater than 0 (got -2)"},
        {"public multiplier", {{"/settings/public_commitment_multiplier", "0.5"}}, "/settings/public_commitment_multiplier: must be at least 1 (got 0.5)"},
        {"personalisation lift", {{"/settings/personalisation_lift", "-1"}}, "/settings/personalisation_lift: must be at least 0 (got -1)"},
        {"empowerment effect", {{"/settings/empowerment_effect", "2"}}, "/settings/empowerment_effect: must be between 0 and 1 (got 2)"},
        {"kappa", {{"/settings/abandonment/kappa", "0"}}, "/settings/abandonment/kappa: must be greater than 0 (got 0)"},
        {"beta", {{"/settings/abandonment/beta", "null"}}, "/settings/abandonment/beta: must be a number (got null)"},
        {"abandonment object", {{"/settings/abandonment", R"("x")"}}, "/settings/abandonment: must be an object (got \"x\")"},
        // culture
        {"culture share", {{"/culture/empowerment", "1.2"}}, "/culture/empowerment: must be between 0 and 1 (got 1.2)"},
        {"culture object", {{"/culture", "0.3"}}, "/culture: must be an object (got 0.3)"},
        // stakeholders
        {"list array", {{"/stakeholders", "{}"}}, "/stakeholders: must be an array (got {})"},
        {"id pattern", {{"/stakeholders/0/id", R"("Retail")"}}, "/stakeholders/0/id: must be an id matching ^[a-z0-9][a-z0-9_-]{0,63}$ (got \"Retail\")"},
        {"id pattern start", {{"/stakeholders/3/id", R"("-investors")"}}, "/stakeholders/3/id: must be an id matching ^[a-z0-9][a-z0-9_-]{0,63}$ (got \"-investors\")"},
        {"id length", {{"/stakeholders/3/id", R"("a1234567890123456789012345678901234567890123456789012345678901234")"}}, "/stakeholders/3/id: must be an id matching ^[a-z0-9][a-z0-9_-]{0,63}$ (got \"a1234567890123456789012345678901234567890123456789012345678...)"},
        {"id required", {{"/stakeholders/2/id", nullptr}}, "/stakeholders/2/id: is required"},
        {"id unique", {{"/stakeholders/1/id", R"("retail")"}}, "/stakeholders/1/id: must be unique (got \"retail\", also at /stakeholders/0)"},
        {"name required", {{"/stakeholders/0/name", nullptr}}, "/stakeholders/0/name: is required"},
        {"kind enum", {{"/stakeholders/0/kind", R"("banks")"}}, "/stakeholders/0/kind: must be one of customers, employees, partners, investors, community (got \"banks\")"},
        {"size", {{"/stakeholders/0/size", "-5"}}, "/stakeholders/0/size: must be at least 0 (got -5)"},
        {"importance", {{"/stakeholders/0/importance", "-1"}}, "/stakeholders/0/importance: must be at least 0 (got -1)"},
        {"base rate", {{"/stakeholders/0/base_rate", "1"}}, "/stakeholders/0/base_rate: must be between 0.01 and 0.99 (got 1)"},
        {"weights object", {{"/stakeholders/0/weights", R"("equal")"}}, "/stakeholders/0/weights: must be an object (got \"equal\")"},
        {"weights dimension", {{"/stakeholders/0/weights/trust", "1"}}, "/stakeholders/0/weights/trust: is not a dimension (one of transactions, promises, honesty, advice, empathy)"},
        {"weights value", {{"/stakeholders/0/weights/honesty", "-0.1"}}, "/stakeholders/0/weights/honesty: must be at least 0 (got -0.1)"},
        {"weights sum", {{"/stakeholders/0/weights", R"({"transactions": 0})"}}, "/stakeholders/0/weights: must have a positive sum (got {\"transactions\":0})"},
        {"revenue", {{"/stakeholders/1/revenue_per_month", "-140"}}, "/stakeholders/1/revenue_per_month: must be at least 0 (got -140)"},
        {"peer rating range", {{"/stakeholders/0/peer_rating", "6"}}, "/stakeholders/0/peer_rating: must be between 1 and 5 or null (got 6)"},
        {"peer rating type", {{"/stakeholders/0/peer_rating", R"("4")"}}, "/stakeholders/0/peer_rating: must be a number or null (got \"4\")"},
        {"peer exposure", {{"/stakeholders/0/peer_exposure", "1.5"}}, "/stakeholders/0/peer_exposure: must be between 0 and 1 (got 1.5)"},
        {"importance positive",
         {{"/stakeholders/0/importance", "0"}, {"/stakeholders/1/importance", "0"},
          {"/stakeholders/2/importance", "0"}, {"/stakeholders/3/importance", "0"}},
         "/stakeholders: at least one stakeholder must have importance greater than 0"},
        {"list item object", {{"/stakeholders/2", "42"}}, "/stakeholders/2: must be an object (got 42)"},
        // knowledge sources
        {"channel enum", {{"/knowledge_sources/0/channel", R"("email")"}}, "/knowledge_sources/0/channel: must be one of social_media, omnichannel, inbound, survey, crm, other (got \"email\")"},
        {"coverage key", {{"/knowledge_sources/0/coverage/nobody", "0.5"}}, "/knowledge_sources/0/coverage/nobody: key must name a stakeholder of this plan (got \"nobody\")"},
        {"coverage share", {{"/knowledge_sources/0/coverage/retail", "2"}}, "/knowledge_sources/0/coverage/retail: must be between 0 and 1 (got 2)"},
        {"coverage object", {{"/knowledge_sources/0/coverage", R"(["retail"])"}}, "/knowledge_sources/0/coverage: must be an object (got [\"retail\"])"},
        {"required number", {{"/knowledge_sources/0/granularity", nullptr}}, "/knowledge_sources/0/granularity: is required"},
        {"quality share", {{"/knowledge_sources/1/consistency", "1.01"}}, "/knowledge_sources/1/consistency: must be between 0 and 1 (got 1.01)"},
        {"messages", {{"/knowledge_sources/0/messages_per_month", "-1"}}, "/knowledge_sources/0/messages_per_month: must be at least 0 (got -1)"},
        {"source id unique", {{"/knowledge_sources/3/id", R"("crm")"}}, "/knowledge_sources/3/id: must be unique (got \"crm\", also at /knowledge_sources/0)"},
        // touchpoints
        {"bad share", {{"/touchpoints/3/bad_share", "1.4"}}, "/touchpoints/3/bad_share: must be between 0 and 1 (got 1.4)"},
        {"touchpoint stakeholder", {{"/touchpoints/0/stakeholder", R"("nobody")"}}, "/touchpoints/0/stakeholder: must name a stakeholder of this plan (got \"nobody\")"},
        {"reference type", {{"/touchpoints/0/stakeholder", "3"}}, "/touchpoints/0/stakeholder: must be a stakeholder id (got 3)"},
        {"stage enum", {{"/touchpoints/0/stage", R"("after-sales")"}}, "/touchpoints/0/stage: must be one of discover, consider, purchase, deliver, use, service, renew (got \"after-sales\")"},
        {"channel text", {{"/touchpoints/0/channel", "false"}}, "/touchpoints/0/channel: must be a string (got false)"},
        {"number type", {{"/touchpoints/0/interactions_per_month", R"("often")"}}, "/touchpoints/0/interactions_per_month: must be a number (got \"often\")"},
        {"interactions", {{"/touchpoints/0/interactions_per_month", "-0.5"}}, "/touchpoints/0/interactions_per_month: must be at least 0 (got -0.5)"},
        {"severity", {{"/touchpoints/0/severity", "0"}}, "/touchpoints/0/severity: must be greater than 0 (got 0)"},
        {"dimensions dimension", {{"/touchpoints/0/dimensions/speed", "1"}}, "/touchpoints/0/dimensions/speed: is not a dimension (one of transactions, promises, honesty, advice, empathy)"},
        {"dimensions sum", {{"/touchpoints/0/dimensions", R"({"advice": 0})"}}, "/touchpoints/0/dimensions: must have a positive sum (got {\"advice\":0})"},
        {"touchpoint required", {{"/touchpoints/4/bad_share", nullptr}}, "/touchpoints/4/bad_share: is required"},
        // commitments
        {"statement required", {{"/commitments/1/statement", nullptr}}, "/commitments/1/statement: is required"},
        {"commitment stakeholders", {{"/commitments/0/stakeholders/1", R"("nobody")"}}, "/commitments/0/stakeholders/1: must name a stakeholder of this plan (got \"nobody\")"},
        {"reference repeat", {{"/commitments/0/stakeholders", R"(["retail", "retail"])"}}, "/commitments/0/stakeholders/1: must not repeat an id (got \"retail\")"},
        {"reference list", {{"/commitments/0/stakeholders", R"("retail")"}}, "/commitments/0/stakeholders: must be an array (got \"retail\")"},
        {"boolean", {{"/commitments/0/public", R"("yes")"}}, "/commitments/0/public: must be true or false (got \"yes\")"},
        {"kept share", {{"/commitments/0/kept_share", "-0.1"}}, "/commitments/0/kept_share: must be between 0 and 1 (got -0.1)"},
        {"occasions", {{"/commitments/2/occasions_per_month", "-3"}}, "/commitments/2/occasions_per_month: must be at least 0 (got -3)"},
        // actions and effects
        {"start month low", {{"/actions/0/start_month", "0"}}, "/actions/0/start_month: must be an integer between 1 and 24 (got 0)"},
        {"start month horizon", {{"/actions/0/start_month", "25"}}, "/actions/0/start_month: must be an integer between 1 and 24 (got 25)"},
        {"start month follows horizon", {{"/settings/horizon_months", "12"}, {"/actions/4/start_month", "13"}}, "/actions/4/start_month: must be an integer between 1 and 12 (got 13)"},
        {"ramp", {{"/actions/0/ramp_months", "0"}}, "/actions/0/ramp_months: must be an integer between 1 and 1200 (got 0)"},
        {"cost once", {{"/actions/0/cost_once", "-100"}}, "/actions/0/cost_once: must be at least 0 (got -100)"},
        {"cost per month", {{"/actions/1/cost_per_month", "-1"}}, "/actions/1/cost_per_month: must be at least 0 (got -1)"},
        {"owner text", {{"/actions/1/owner", "[]"}}, "/actions/1/owner: must be a string (got [])"},
        {"enabled", {{"/actions/0/enabled", "1"}}, "/actions/0/enabled: must be true or false (got 1)"},
        {"effects array", {{"/actions/0/effects", "{}"}}, "/actions/0/effects: must be an array (got {})"},
        {"effect target", {{"/actions/0/effects/1/target", R"("team")"}}, "/actions/0/effects/1/target: must be one of touchpoint, commitment, knowledge_source, stakeholder, culture (got \"team\")"},
        {"effect touchpoint id", {{"/actions/0/effects/1/id", R"("nowhere")"}}, "/actions/0/effects/1/id: must name a touchpoint of this plan (got \"nowhere\")"},
        {"effect commitment id", {{"/actions/2/effects/0/id", R"("branch-visit")"}}, "/actions/2/effects/0/id: must name a commitment of this plan (got \"branch-visit\")"},
        {"effect source id", {{"/actions/3/effects/0/id", R"("retail")"}}, "/actions/3/effects/0/id: must name a knowledge_source of this plan (got \"retail\")"},
        {"effect stakeholder id", {{"/actions/1/effects/1/id", R"("crm")"}}, "/actions/1/effects/1/id: must name a stakeholder of this plan (got \"crm\")"},
        {"effect id required", {{"/actions/1/effects/0/id", nullptr}}, "/actions/1/effects/0/id: is required"},
        {"effect culture id", {{"/actions/0/effects/0/id", R"("x")"}}, "/actions/0/effects/0/id: must be left out for target culture (got \"x\")"},
        {"effect field touchpoint", {{"/actions/0/effects/1/field", R"("name")"}}, "/actions/0/effects/1/field: must be a field an effect may change on touchpoint: interactions_per_month, bad_share, severity (got \"name\")"},
        {"effect field commitment", {{"/actions/2/effects/0/field", R"("public")"}}, "/actions/2/effects/0/field: must be a field an effect may change on commitment: occasions_per_month, kept_share (got \"public\")"},
        {"effect field source", {{"/actions/3/effects/0/field", R"("coverage")"}}, "/actions/3/effects/0/field: must be a field an effect may change on knowledge_source: granularity, relevance, consistency, messages_per_month (got \"coverage\")"},
        {"effect field stakeholder", {{"/actions/1/effects/1/field", R"("weights")"}}, "/actions/1/effects/1/field: must be a field an effect may change on stakeholder: size, importance, base_rate, revenue_per_month, peer_rating, peer_exposure (got \"weights\")"},
        {"effect field culture", {{"/actions/0/effects/0/field", R"("trust")"}}, "/actions/0/effects/0/field: must be a field an effect may change on culture: empowerment, reward (got \"trust\")"},
        {"effect op", {{"/actions/0/effects/1/op", R"("multiply")"}}, "/actions/0/effects/1/op: must be one of scale, add, set (got \"multiply\")"},
        {"effect value", {{"/actions/0/effects/1/value", nullptr}}, "/actions/0/effects/1/value: is required"},
        {"action id unique", {{"/actions/5/id", R"("empower-branch")"}}, "/actions/5/id: must be unique (got \"empower-branch\", also at /actions/0)"},
        // scenarios
        {"scenario actions", {{"/scenarios/0/actions/0", R"("nope")"}}, "/scenarios/0/actions/0: must name an action of this plan (got \"nope\")"},
        {"scenario actions required", {{"/scenarios/1/actions", nullptr}}, "/scenarios/1/actions: is required"},
        {"scenario id unique", {{"/scenarios/1/id", R"("quick-wins")"}}, "/scenarios/1/id: must be unique (got \"quick-wins\", also at /scenarios/0)"},
        // observations
        {"observation stakeholder", {{"/observations/0/stakeholder", R"("everyone")"}}, "/observations/0/stakeholder: must name a stakeholder of this plan (got \"everyone\")"},
        {"observation month", {{"/observations/0/month", "30"}}, "/observations/0/month: must be an integer between 0 and 24 (got 30)"},
        {"observation metric", {{"/observations/0/metric", R"("ces")"}}, "/observations/0/metric: must be one of trust_share, nps, csat, churn, other (got \"ces\")"},
        {"trust share value", {{"/observations/0/value", "52"}}, "/observations/0/value: must be between 0 and 1 (got 52)"},
        {"nps value", {{"/observations/1/value", "150"}}, "/observations/1/value: must be between -100 and 100 (got 150)"},
        {"churn value", {{"/observations/2/value", "-0.01"}}, "/observations/2/value: must be between 0 and 1 (got -0.01)"},
        {"sample size", {{"/observations/0/n", "-1"}}, "/observations/0/n: must be at least 0 or null (got -1)"},
        {"observation source", {{"/observations/0/source", "{}"}}, "/observations/0/source: must be a string (got {})"},
        // workshop
        {"workshop object", {{"/workshop", "[]"}}, "/workshop: must be an object (got [])"},
        {"participant id unique", {{"/workshop/participants/1/id", R"("giulia")"}}, "/workshop/participants/1/id: must be unique (got \"giulia\", also at /workshop/participants/0)"},
        {"rating participant", {{"/workshop/ratings/0/participant", R"("bob")"}}, "/workshop/ratings/0/participant: must name a participant of this plan (got \"bob\")"},
        {"rating stakeholder", {{"/workshop/ratings/0/stakeholder", R"("board")"}}, "/workshop/ratings/0/stakeholder: must name a stakeholder of this plan (got \"board\")"},
        {"rating dimension", {{"/workshop/ratings/0/dimension", R"("trust")"}}, "/workshop/ratings/0/dimension: must be one of transactions, promises, honesty, advice, empathy (got \"trust\")"},
        {"score range", {{"/workshop/ratings/0/score", "10"}}, "/workshop/ratings/0/score: must be an integer between 1 and 9 (got 10)"},
        {"score integer", {{"/workshop/ratings/0/score", "6.5"}}, "/workshop/ratings/0/score: must be an integer between 1 and 9 (got 6.5)"},
    };
    return list;
}

}  // namespace

TEST_CASE("io validation: every rule gives its exact message") {
    const Json base = example_json("retail-bank");
    IO_REQUIRE(base.is_object());
    IO_REQUIRE(load_plan(base.dump()).ok);
    std::set<std::string> rules;
    for (const Case& c : cases()) {
        std::string rule = c.rule;
        CAPTURE(rule);
        Json doc = base;
        for (const Edit& e : c.edits) apply(doc, e);
        LoadResult r = load_plan(doc.dump(2));
        CHECK_FALSE(r.ok);
        CHECK_MESSAGE(has_error(r, c.error), "expected: " << std::string(c.error) << "\ngot:\n" << all_errors(r));
        rules.insert(c.rule);
    }
    CHECK(rules.size() == cases().size());  // every case names its own rule
    CHECK(rules.size() >= 30);
    MESSAGE("distinct validation rules tested: " << rules.size());
}

TEST_CASE("io validation: all errors are collected, in document order") {
    Json doc = example_json("retail-bank");
    doc["settings"]["forgetting"] = 2;
    doc["touchpoints"][3]["bad_share"] = 1.4;
    doc["touchpoints"][5]["stakeholder"] = "nobody";
    doc["workshop"]["ratings"][2]["score"] = 0;
    LoadResult r = load_plan(doc.dump());
    CHECK_FALSE(r.ok);
    IO_REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0] == "/settings/forgetting: must be greater than 0 and at most 1 (got 2)");
    CHECK(r.errors[1] == "/touchpoints/3/bad_share: must be between 0 and 1 (got 1.4)");
    CHECK(r.errors[2] == "/touchpoints/5/stakeholder: must name a stakeholder of this plan (got \"nobody\")");
    CHECK(r.errors[3] == "/workshop/ratings/2/score: must be an integer between 1 and 9 (got 0)");
}

TEST_CASE("io validation: duplicate keys and escaped pointers") {
    LoadResult dup = load_plan(R"({"fiducia": "plan", "version": 1, "meta": {"title": "a", "title": "b"}})");
    CHECK_FALSE(dup.ok);
    IO_REQUIRE(dup.errors.size() == 1);
    CHECK(dup.errors[0] == "/meta/title: duplicate key (the file names it twice)");
    LoadResult dup2 = load_plan(R"({"fiducia": "plan", "version": 1, "stakeholders": [{"id": "a", "name": "A", "kind": "customers", "size": 1, "size": 2}]})");
    IO_REQUIRE(dup2.errors.size() == 1);
    CHECK(dup2.errors[0] == "/stakeholders/0/size: duplicate key (the file names it twice)");
    LoadResult esc = load_plan(R"({"fiducia": "plan", "version": 1, "stakeholders": [{"id": "a", "name": "A", "kind": "customers", "weights": {"a/b~c": 1}}]})");
    IO_REQUIRE(esc.errors.size() == 1);
    CHECK(esc.errors[0] == "/stakeholders/0/weights/a~1b~0c: is not a dimension (one of transactions, promises, honesty, advice, empathy)");
}

TEST_CASE("io validation: an empty name is allowed, an empty stakeholder list too") {
    LoadResult r = load_plan(R"({"fiducia": "plan", "version": 1, "stakeholders": [], "settings": {"start": ""}})");
    CHECK(r.ok);
    LoadResult culture = load_plan(R"({"fiducia": "plan", "version": 1, "actions": [{"id": "a", "name": "", "start_month": 1,
        "effects": [{"target": "culture", "id": "", "field": "reward", "op": "add", "value": 0.1}]}]})");
    CHECK_MESSAGE(culture.ok, all_errors(culture));
}
