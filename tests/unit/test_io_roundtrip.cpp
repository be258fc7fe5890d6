// Plan files: the examples load and re-save byte for byte, unknown fields survive at every level,
// defaults are written out, numbers keep their form, newer versions are flagged and v0 migrates.
#include <doctest/doctest.h>

#include "io/migrate.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

TEST_CASE("io: the examples load, validate and re-save byte for byte") {
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        std::string text = example_text(name);
        IO_REQUIRE(!text.empty());
        LoadResult r = load_plan(text);
        CHECK_MESSAGE(r.ok, all_errors(r));
        CHECK(r.errors.empty());
        CHECK_FALSE(r.newer_version);
        CHECK(save_plan(r.plan) == text);  // the files are canonical
        LoadResult again = load_plan(save_plan(r.plan));
        IO_REQUIRE(again.ok);
        CHECK(save_plan(again.plan) == text);
    }
}

TEST_CASE("io: the examples use every entity kind") {
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        LoadResult r = load_plan(example_text(name));
        IO_REQUIRE(r.ok);
        const Plan& p = r.plan;
        CHECK(!p.meta.title.empty());
        CHECK(!p.meta.organisation.empty());
        CHECK(!p.meta.authors.empty());
        CHECK(!p.meta.notes.empty());
        CHECK((p.settings.horizon_months == 24 || p.settings.horizon_months == 36));
        CHECK(p.settings.start.size() == 7);
        CHECK(p.culture.empowerment > 0);
        CHECK(p.stakeholders.size() >= 3);
        CHECK(p.stakeholders.size() <= 5);
        bool customers_with_revenue = false;
        for (const Stakeholder& s : p.stakeholders) {
            customers_with_revenue = customers_with_revenue ||
                (s.kind == StakeholderKind::customers && s.revenue_per_month > 0 && s.peer_rating);
        }
        CHECK(customers_with_revenue);
        CHECK(p.knowledge_sources.size() >= 3);
        CHECK(p.touchpoints.size() >= 6);
        CHECK(p.touchpoints.size() <= 12);
        bool service = false;
        for (const Touchpoint& t : p.touchpoints) {
            service = service || t.stage == Stage::service;
            CHECK(t.bad_share >= 0.02);
            CHECK(t.bad_share <= 0.2);
        }
        CHECK(service);
        bool pub = false, priv = false;
        for (const Commitment& c : p.commitments) (c.is_public ? pub : priv) = true;
        CHECK(pub);
        CHECK(priv);
        CHECK(p.actions.size() >= 4);
        CHECK(p.actions.size() <= 8);
        bool targets[5] = {};
        for (const Action& a : p.actions) {
            CHECK(!a.owner.empty());
            for (const Effect& e : a.effects) targets[static_cast<int>(e.target)] = true;
        }
        for (bool t : targets) CHECK(t);
        CHECK(p.scenarios.size() >= 2);
        CHECK(p.scenarios.size() <= 3);
        bool metrics[4] = {};
        for (const Observation& o : p.observations) {
            if (static_cast<int>(o.metric) < 4) metrics[static_cast<int>(o.metric)] = true;
        }
        for (bool m : metrics) CHECK(m);
        CHECK(p.workshop.participants.size() >= 3);
        CHECK(p.workshop.participants.size() <= 5);
        CHECK(!p.workshop.ratings.empty());
    }
}

TEST_CASE("io: a minimal plan takes every default and saves it explicitly") {
    LoadResult r = load_plan(R"({"fiducia": "plan", "version": 1})");
    IO_REQUIRE(r.ok);
    CHECK(r.plan.settings.horizon_months == 24);
    CHECK(r.plan.meta.language == "en");
    std::string saved = save_plan(r.plan);
    CHECK(saved ==
          "{\n"
          "  \"fiducia\": \"plan\",\n"
          "  \"version\": 1,\n"
          "  \"meta\": {\n"
          "    \"title\": \"\",\n"
          "    \"organisation\": \"\",\n"
          "    \"authors\": [],\n"
          "    \"language\": \"en\",\n"
          "    \"currency\": \"EUR\",\n"
          "    \"notes\": \"\"\n"
          "  },\n"
          "  \"settings\": {\n"
          "    \"horizon_months\": 24,\n"
          "    \"start\": \"\",\n"
          "    \"seed\": 1,\n"
          "    \"forgetting\": 0.9,\n"
          "    \"negative_weight\": 3,\n"
          "    \"prior_weight\": 2,\n"
          "    \"public_commitment_multiplier\": 2,\n"
          "    \"personalisation_lift\": 1,\n"
          "    \"empowerment_effect\": 0.5,\n"
          "    \"abandonment\": {\n"
          "      \"kappa\": 1.72,\n"
          "      \"beta\": 1.665\n"
          "    }\n"
          "  },\n"
          "  \"culture\": {\n"
          "    \"empowerment\": 0,\n"
          "    \"reward\": 0\n"
          "  },\n"
          "  \"stakeholders\": [],\n"
          "  \"knowledge_sources\": [],\n"
          "  \"touchpoints\": [],\n"
          "  \"commitments\": [],\n"
          "  \"actions\": [],\n"
          "  \"scenarios\": [],\n"
          "  \"observations\": [],\n"
          "  \"workshop\": {\n"
          "    \"participants\": [],\n"
          "    \"ratings\": []\n"
          "  }\n"
          "}\n");
}

TEST_CASE("io: entity defaults are filled in and written out") {
    LoadResult r = load_plan(R"({"fiducia": "plan", "version": 1,
        "stakeholders": [{"id": "c", "name": "Customers", "kind": "customers"}],
        "touchpoints": [{"id": "t", "name": "Call", "stakeholder": "c", "stage": "service",
                         "interactions_per_month": 1, "bad_share": 0.1}],
        "commitments": [{"id": "k", "statement": "On time", "stakeholders": ["c"],
                         "occasions_per_month": 1, "kept_share": 0.9}],
        "actions": [{"id": "a", "name": "Fix", "start_month": 1}],
        "observations": [{"stakeholder": "c", "month": 0, "metric": "csat", "value": 4}],
        "workshop": {"participants": [{"id": "p"}]}})");
    IO_REQUIRE_MESSAGE(r.ok, all_errors(r));
    const Stakeholder& s = r.plan.stakeholders[0];
    CHECK(s.size == 1000);
    CHECK(s.importance == 1);
    CHECK(s.base_rate == 0.5);
    CHECK(s.weights[0] == 0.2);
    CHECK(!s.peer_rating);
    CHECK(r.plan.touchpoints[0].severity == 1);
    CHECK(r.plan.touchpoints[0].dimensions[0] == 1);
    CHECK(r.plan.touchpoints[0].channel.empty());
    CHECK(r.plan.commitments[0].is_public);
    CHECK(r.plan.actions[0].ramp_months == 1);
    CHECK(r.plan.actions[0].enabled);
    CHECK(!r.plan.observations[0].n);
    std::string saved = save_plan(r.plan);
    CHECK(saved.find("\"peer_rating\": null") != std::string::npos);
    CHECK(saved.find("\"n\": null") != std::string::npos);
    CHECK(saved.find("\"severity\": 1,") != std::string::npos);
    CHECK(saved.find("\"public\": true") != std::string::npos);
    CHECK(saved.find("\"enabled\": true") != std::string::npos);
    CHECK(saved.find("\"name\": \"\"") != std::string::npos);  // participant name
    // Every dimension written, a left-out one as 0.
    CHECK(saved.find("\"transactions\": 1,\n        \"promises\": 0,") != std::string::npos);
    LoadResult again = load_plan(saved);
    IO_REQUIRE(again.ok);
    CHECK(save_plan(again.plan) == saved);
}

TEST_CASE("io: integral numbers are written as integers, others round-trip exactly") {
    LoadResult r = load_plan(R"({"fiducia": "plan", "version": 1,
        "stakeholders": [{"id": "c", "name": "C", "kind": "customers", "size": 1000.0,
                          "importance": 2.50, "base_rate": 0.1234567890123,
                          "revenue_per_month": 1e-7, "peer_rating": 4.0}]})");
    IO_REQUIRE(r.ok);
    std::string saved = save_plan(r.plan);
    CHECK(saved.find("\"size\": 1000,") != std::string::npos);
    CHECK(saved.find("\"importance\": 2.5,") != std::string::npos);
    CHECK(saved.find("\"base_rate\": 0.1234567890123,") != std::string::npos);
    CHECK(saved.find("\"peer_rating\": 4,") != std::string::npos);
    LoadResult again = load_plan(saved);
    IO_REQUIRE(again.ok);
    CHECK(again.plan.stakeholders[0].revenue_per_month == 1e-7);
    CHECK(again.plan.stakeholders[0].base_rate == 0.1234567890123);
    CHECK(save_plan(again.plan) == saved);
}

TEST_CASE("io: unknown fields survive at every level, in their order, after the known keys") {
    Json doc = example_json("online-shop");
    IO_REQUIRE(doc.is_object());
    doc["zz_top"] = Json::parse(R"({"nested": [1, 2.5, "x", null, {"deep": true}]})");
    doc["aa_top"] = "second unknown, written after zz_top";
    doc["meta"]["reviewed_by"] = "Legal";
    doc["settings"]["experimental_decay"] = 0.5;
    doc["settings"]["abandonment"]["model"] = "weibull";
    doc["culture"]["psych_safety"] = 0.4;
    doc["stakeholders"][0]["segment_code"] = "B2C-1";
    doc["stakeholders"][0]["a_flag"] = false;
    doc["knowledge_sources"][1]["vendor"] = "Sprout";
    doc["touchpoints"][2]["sla_hours"] = 24;
    doc["commitments"][0]["legal_ref"] = "T&C 4.2";
    doc["actions"][0]["jira"] = "CX-101";
    doc["actions"][0]["effects"][0]["note"] = "from pilot";
    doc["scenarios"][0]["colour"] = "#00aa00";
    doc["observations"][0]["weighting"] = "raked";
    doc["workshop"]["date"] = "2027-02-10";
    doc["workshop"]["participants"][0]["role"] = "facilitator";
    doc["workshop"]["ratings"][0]["comment"] = "\u00e9\u4e2d \"quoted\"";
    std::string text = doc.dump(2);
    LoadResult r = load_plan(text);
    IO_REQUIRE_MESSAGE(r.ok, all_errors(r));
    CHECK(r.plan.unknown == R"({"zz_top":{"nested":[1,2.5,"x",null,{"deep":true}]},"aa_top":"second unknown, written after zz_top"})");
    CHECK(r.plan.meta.unknown == R"({"reviewed_by":"Legal"})");
    CHECK(r.plan.settings.abandonment.unknown == R"({"model":"weibull"})");
    CHECK(r.plan.stakeholders[0].unknown == R"({"segment_code":"B2C-1","a_flag":false})");
    CHECK(r.plan.actions[0].effects[0].unknown == R"({"note":"from pilot"})");
    std::string saved = save_plan(r.plan);
    // The canonical text equals the edited document with known keys in docs/FORMAT.md order: here
    // every unknown key was appended last, so the document is already canonical.
    CHECK(saved == text + "\n");
    LoadResult again = load_plan(saved);
    IO_REQUIRE(again.ok);
    CHECK(save_plan(again.plan) == saved);
    // Unknown keys that come before known ones move after them, keeping their own order.
    LoadResult front = load_plan(R"({"x_first": 1, "fiducia": "plan", "b": 2, "version": 1, "a": 3})");
    IO_REQUIRE(front.ok);
    std::string s = save_plan(front.plan);
    CHECK(s.find("\"x_first\": 1,\n  \"b\": 2,\n  \"a\": 3\n}") != std::string::npos);
}

TEST_CASE("io: a newer version loads when it validates as version 1, flagged") {
    Json doc = example_json("b2b-software");
    doc["version"] = 3;
    doc["stakeholders"][0]["trust_target"] = 0.8;  // a v3 field
    doc["portfolio"] = Json::parse(R"({"plans": ["a", "b"]})");
    LoadResult r = load_plan(doc.dump(2));
    IO_REQUIRE_MESSAGE(r.ok, all_errors(r));
    CHECK(r.newer_version);
    CHECK(r.plan.version == 3);
    std::string saved = save_plan(r.plan);
    CHECK(saved.find("\"version\": 3,") != std::string::npos);
    CHECK(saved.find("\"trust_target\": 0.8") != std::string::npos);
    CHECK(saved.find("\"portfolio\"") != std::string::npos);

    doc["touchpoints"][0]["bad_share"] = "low";  // not readable as version 1
    LoadResult bad = load_plan(doc.dump());
    CHECK_FALSE(bad.ok);
    CHECK(bad.newer_version);
    IO_REQUIRE(bad.errors.size() == 2);
    CHECK(bad.errors[0] == "/touchpoints/0/bad_share: must be a number (got \"low\")");
    CHECK(bad.errors[1] == "/version: the file is version 3, newer than this app (1); it was checked as version 1");
}

TEST_CASE("io: version 0 migrates to version 1") {
    IO_REQUIRE(!migrations().empty());
    CHECK(migrations()[0].from == 0);
    CHECK(migrations()[0].to == 1);
    LoadResult r = load_plan(R"({"fiducia": "plan", "version": 0,
        "settings": {"horizon_months": 12, "empowerment": 0.3, "reward": 0.2, "custom": 1}})");
    IO_REQUIRE_MESSAGE(r.ok, all_errors(r));
    CHECK_FALSE(r.newer_version);
    CHECK(r.plan.version == 1);
    CHECK(r.plan.culture.empowerment == 0.3);
    CHECK(r.plan.culture.reward == 0.2);
    CHECK(r.plan.settings.horizon_months == 12);
    CHECK(r.plan.settings.unknown == R"({"custom":1})");
    std::string saved = save_plan(r.plan);
    CHECK(saved.find("\"version\": 1,") != std::string::npos);
    CHECK(saved.find("\"culture\": {\n    \"empowerment\": 0.3,\n    \"reward\": 0.2\n  }") != std::string::npos);

    // The step on its own.
    Json doc = Json::parse(R"({"version": 0, "settings": {"empowerment": 0.5}})");
    std::string error;
    IO_REQUIRE(migrate(doc, 0, 1, error));
    CHECK(doc.dump() == R"({"version":1,"settings":{},"culture":{"empowerment":0.5}})");
    // A version 1 file with settings.empowerment keeps it as an unknown settings field.
    LoadResult v1 = load_plan(R"({"fiducia": "plan", "version": 1, "settings": {"empowerment": 0.5}})");
    IO_REQUIRE(v1.ok);
    CHECK(v1.plan.culture.empowerment == 0);
    CHECK(v1.plan.settings.unknown == R"({"empowerment":0.5})");
    // No path from a version below the oldest step.
    Json old = Json::parse(R"({"version": -1})");
    CHECK_FALSE(migrate(old, -1, 1, error));
    CHECK(error == "no migration from version -1");
}

TEST_CASE("io: save never aborts on odd in-memory values") {
    Plan p;
    p.meta.title = std::string("bad \xff utf-8");
    p.unknown = "not json";
    p.meta.unknown = "[1,2]";
    Stakeholder s;
    s.id = "c";
    s.name = "C";
    p.stakeholders.push_back(s);
    std::string saved = save_plan(p);
    CHECK(saved.find("\"title\": \"bad \xEF\xBF\xBD utf-8\"") != std::string::npos);
    LoadResult r = load_plan(saved);
    CHECK_MESSAGE(r.ok, all_errors(r));
}
