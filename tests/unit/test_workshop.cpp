// Workshop mode: aggregation cases computed by hand, the consensus rule, the invitation and ratings
// files (strict, every error listed), the short code (round trip, typos and foreign codes refused),
// importance judgements and the weights they give, and the plan's workshop extension fields.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model.hpp"
#include "core/workshop_consensus.hpp"
#include "io/plan_file.hpp"
#include "io/workshop_files.hpp"
#include "test_core_fixtures.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::test;
using D = Dimension;

namespace {

void judge(Plan& plan, const std::string& who, const std::string& group, D d, int importance) {
    plan.workshop.importance.push_back({who, group, d, importance, {}});
}

void rate(Plan& plan, const std::string& who, const std::string& group, D d, int score) {
    plan.workshop.ratings.push_back({who, group, d, score, {}});
}

Plan two_groups(int participants) {
    Plan plan;
    plan.stakeholders = {make_group("c", StakeholderKind::customers, 0.5), make_group("e", StakeholderKind::employees, 0.3)};
    for (int p = 1; p <= participants; ++p) plan.workshop.participants.push_back({"p" + std::to_string(p), "", ""});
    return plan;
}

io::Invitation three_group_invitation(const std::string& id = "ws-spring") {
    io::Invitation inv;
    inv.id = id;
    inv.title = "Spring workshop";
    inv.stakeholders = {{"customers", "Customers"}, {"staff", "Staff"}, {"partners", "Partners"}};
    return inv;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    return all;
}

}  // namespace

TEST_CASE("workshop aggregation: one participant gives their scores, no spread, and no W") {
    Plan plan = two_groups(1);
    rate(plan, "p1", "c", D::transactions, 7);
    rate(plan, "p1", "c", D::honesty, 2);
    const WorkshopSummary w = aggregate_workshop(plan);
    CHECK(w.participants == 1);
    CORE_REQUIRE(w.items.size() == 2);
    CHECK(w.items[0].median == 7);
    CHECK(w.items[0].q1 == 7);
    CHECK(w.items[0].q3 == 7);
    CHECK(w.items[0].share_trusting == 1);
    CHECK_FALSE(w.items[0].disagreement);
    CHECK(w.items[1].median == 2);
    CHECK(w.items[1].share_trusting == 0);
    CHECK(w.kendall_w == 0);  // agreement needs two raters
}

TEST_CASE("workshop aggregation: a stakeholder nobody rated has no items; ties share their rank") {
    Plan plan = two_groups(2);
    // p1: 9, 5, 5 (a tie: ranks 3, 1.5, 1.5); p2: 8, 6, 2 (ranks 3, 2, 1). Rank sums 6, 3.5, 2.5.
    rate(plan, "p1", "c", D::transactions, 9);
    rate(plan, "p1", "c", D::promises, 5);
    rate(plan, "p1", "c", D::advice, 5);
    rate(plan, "p2", "c", D::transactions, 8);
    rate(plan, "p2", "c", D::promises, 6);
    rate(plan, "p2", "c", D::advice, 2);
    const WorkshopSummary w = aggregate_workshop(plan);
    CORE_REQUIRE(w.items.size() == 3);
    for (const WorkshopItem& item : w.items) CHECK(item.stakeholder == "c");
    CHECK(w.items[0].median == 8.5);
    CHECK(w.items[0].q1 == 8.25);
    CHECK(w.items[0].q3 == 8.75);
    CHECK(w.items[1].median == 5.5);
    CHECK_FALSE(w.items[1].disagreement);  // 5 and 6: IQR 0.5, half trusting, nobody at 1..4
    CHECK(w.items[2].median == 3.5);
    CHECK(w.items[2].q3 - w.items[2].q1 == 1.5);
    CHECK_FALSE(w.items[2].disagreement);  // 5 and 2: half at 1..4 but nobody trusting, IQR under 3
    // mean rank sum 4; S = 4 + 0.25 + 2.25 = 6.5; T = 2^3 - 2 = 6; W = 12 * 6.5 / (4 * 24 - 2 * 6) = 78 / 84
    CHECK(w.kendall_w == doctest::Approx(78.0 / 84.0).epsilon(1e-12));
}

TEST_CASE("consensus: a score reads as a probability, averaged per dimension, then with the group's weights") {
    Plan plan = two_groups(3);
    plan.stakeholders.push_back(make_group("x", StakeholderKind::partners, 0.6));
    plan.stakeholders[0].weights = {0.4, 0.3, 0.3, 0, 0};
    rate(plan, "p1", "c", D::transactions, 7);  // q = 0.75
    rate(plan, "p2", "c", D::transactions, 9);  // q = 1
    rate(plan, "p3", "c", D::transactions, 8);  // q = 0.875: mean 0.875
    rate(plan, "p1", "c", D::promises, 3);      // q = 0.25
    rate(plan, "p2", "c", D::promises, 5);      // q = 0.5: mean 0.375 (p3 was not sure)
    rate(plan, "p1", "c", D::advice, 9);        // 1, but advice weighs nothing for this group
    rate(plan, "p1", "e", D::empathy, 1);       // one participant: too few to move a group
    rate(plan, "p2", "e", D::empathy, 1);
    const std::vector<BaseRateChange> changes = consensus_base_rates(plan);
    CORE_REQUIRE(changes.size() == 1);  // "e" has 2 raters, "x" none: both keep their base rates
    CHECK(changes[0].stakeholder == "c");
    CHECK(changes[0].before == 0.5);
    // Honesty (weight 0.3) was scored by nobody: it takes the proposed rate itself, so only the
    // scored dimensions' weights count. (0.4 * 0.875 + 0.3 * 0.375) / 0.7 = 0.660714..., to 0.1 point.
    CHECK(changes[0].after == 0.661);
    CHECK(changes[0].ratings == 6);
    CHECK(changes[0].raters == 3);
    apply_base_rates(plan, changes);
    CHECK(plan.stakeholders[0].base_rate == 0.661);
    CHECK(plan.stakeholders[1].base_rate == 0.3);
    CHECK(plan.stakeholders[2].base_rate == 0.6);
    CHECK(plan.stakeholders[0].weights[0] == 0.4);  // weights untouched
}

TEST_CASE("consensus: neutral scores give a neutral base rate, and the extremes are clamped") {
    Plan plan = two_groups(3);
    plan.stakeholders[0].base_rate = 0.2;
    for (const char* who : {"p1", "p2", "p3"}) {
        rate(plan, who, "c", D::honesty, 5);  // "neither": one half, not distrust
        rate(plan, who, "e", D::empathy, 1);
    }
    const std::vector<BaseRateChange> changes = consensus_base_rates(plan);
    CORE_REQUIRE(changes.size() == 2);
    CHECK(changes[0].after == 0.5);
    CHECK(changes[1].after == 0.01);
}

TEST_CASE("consensus: applying twice changes nothing the second time, and unchanged groups are not listed") {
    Plan plan = two_groups(4);
    plan.stakeholders[0].weights = {0.2, 0.2, 0.2, 0.2, 0.2};
    const int scores[4][3] = {{8, 3, 6}, {7, 4, 9}, {9, 2, 5}, {6, 6, 7}};
    for (int p = 0; p < 4; ++p) {
        const std::string who = "p" + std::to_string(p + 1);
        rate(plan, who, "c", D::transactions, scores[p][0]);
        rate(plan, who, "c", D::promises, scores[p][1]);
        rate(plan, who, "c", D::empathy, scores[p][2]);
        // Medians 3 : 2 : 1 over a held weight of 0.6 (thousandths 300 : 200 : 100).
        judge(plan, who, "c", D::transactions, 3);
        judge(plan, who, "c", D::honesty, 2);
        judge(plan, who, "c", D::empathy, 1);
    }
    CORE_REQUIRE(consensus_weights(plan).size() == 1);
    CORE_REQUIRE(consensus_base_rates(plan).size() == 1);
    // The base rate uses the weights the same consensus sets, not the ones it replaces.
    Plan weights_first = plan;
    apply_weights(weights_first, consensus_weights(plan));
    CHECK(consensus_base_rates(plan)[0].after == consensus_base_rates(weights_first)[0].after);
    apply_consensus(plan);
    const Plan once = plan;
    CHECK(consensus_base_rates(plan).empty());
    CHECK(consensus_weights(plan).empty());
    apply_consensus(plan);
    CHECK(plan.stakeholders[0].base_rate == once.stakeholders[0].base_rate);
    CHECK(plan.stakeholders[0].weights == once.stakeholders[0].weights);
}

TEST_CASE("consensus: shared weights add up to exactly what the judged dimensions held") {
    Plan plan = two_groups(1);
    plan.stakeholders[0].weights = {0.5, 0.5, 0, 0, 0};  // 1.0 shared by three equal medians
    judge(plan, "p1", "c", D::transactions, 2);
    judge(plan, "p1", "c", D::promises, 2);
    judge(plan, "p1", "c", D::honesty, 2);
    const std::vector<WeightChange> changes = consensus_weights(plan);
    CORE_REQUIRE(changes.size() == 1);
    const DimensionWeights& w = changes[0].after;
    CHECK(std::llround((w[0] + w[1] + w[2]) * 1000) == 1000);  // 334 + 333 + 333, not 3 x 333
    apply_weights(plan, changes);
    CHECK(consensus_weights(plan).empty());
}

TEST_CASE("consensus: judged dimensions share the weight they held in proportion to the median judgements") {
    Plan plan = two_groups(3);
    plan.stakeholders[0].weights = {0.2, 0.2, 0.2, 0.2, 0.2};
    judge(plan, "p1", "c", D::transactions, 5);  // median 4
    judge(plan, "p2", "c", D::transactions, 4);
    judge(plan, "p3", "c", D::transactions, 2);
    judge(plan, "p1", "c", D::honesty, 1);  // median 2 (1, 2, 5)
    judge(plan, "p2", "c", D::honesty, 2);
    judge(plan, "p3", "c", D::honesty, 5);
    judge(plan, "p1", "c", D::empathy, 2);  // one judgement: median 2
    judge(plan, "p1", "e", D::advice, 5);   // one dimension alone: the balance is unknown, nothing moves
    judge(plan, "p9", "c", D::promises, 5);  // not a participant: ignored
    const WorkshopSummary summary = aggregate_workshop(plan);
    CORE_REQUIRE(summary.importance.size() == 4);
    CHECK(summary.importance[0].median == 4);
    CHECK(summary.importance[0].count == 3);
    const std::vector<WeightChange> changes = consensus_weights(plan);
    CORE_REQUIRE(changes.size() == 1);
    const WeightChange& c = changes[0];
    CHECK(c.stakeholder == "c");
    CHECK(c.judgements == 7);
    // Transactions, honesty and empathy held 0.6 between them; medians 4 : 2 : 2 share it.
    CHECK(c.after[0] == doctest::Approx(0.3));
    CHECK(c.after[2] == doctest::Approx(0.15));
    CHECK(c.after[4] == doctest::Approx(0.15));
    CHECK(c.after[1] == 0.2);  // promises and advice were not judged: kept
    CHECK(c.after[3] == 0.2);
    apply_weights(plan, changes);
    CHECK(plan.stakeholders[0].weights == c.after);
    CHECK(plan.stakeholders[1].weights == DimensionWeights{0.2, 0.2, 0.2, 0.2, 0.2});

    // Judged dimensions that weighed nothing get their fair share of the whole (1/5 each here).
    plan.stakeholders[0].weights = {0.5, 0.5, 0, 0, 0};
    plan.workshop.importance.clear();
    judge(plan, "p1", "c", D::advice, 3);
    judge(plan, "p1", "c", D::empathy, 1);
    const std::vector<WeightChange> zero = consensus_weights(plan);
    CORE_REQUIRE(zero.size() == 1);
    CHECK(zero[0].after[3] == doctest::Approx(0.3));
    CHECK(zero[0].after[4] == doctest::Approx(0.1));
    CHECK(zero[0].after[0] == 0.5);
}

TEST_CASE("invitation file: round trip, and every error listed with its pointer") {
    const io::Invitation inv = three_group_invitation();
    const std::string text = io::save_invitation(inv);
    CHECK(io::workshop_file_kind(text) == "workshop");
    const io::InvitationLoad back = io::load_invitation(text);
    CORE_REQUIRE(back.ok);
    CHECK(back.invitation.id == "ws-spring");
    CHECK(back.invitation.stakeholders.size() == 3);
    CHECK(back.invitation.stakeholders[1].name == "Staff");
    CHECK(back.invitation.dimensions.size() == 5);
    CHECK(io::save_invitation(back.invitation) == text);

    const io::InvitationLoad bad = io::load_invitation(R"({"fiducia": "workshop", "version": 1, "id": "Bad Id",
        "stakeholders": [{"id": "a", "name": "A"}, {"id": "a"}, 3], "dimensions": ["honesty", "trust", "honesty"]})");
    CHECK_FALSE(bad.ok);
    const std::string all = joined(bad.errors);
    CHECK(all.find("/id: ") != std::string::npos);
    CHECK(all.find("/stakeholders/1/id: must be unique (got \"a\", also at /stakeholders/0)") != std::string::npos);
    CHECK(all.find("/stakeholders/1/name: is required") != std::string::npos);
    CHECK(all.find("/stakeholders/2: must be an object (got 3)") != std::string::npos);
    CHECK(all.find("/dimensions/1: must be one of transactions, promises, honesty, advice, empathy (got \"trust\")") != std::string::npos);
    CHECK(all.find("/dimensions/2: must not repeat a dimension (got \"honesty\")") != std::string::npos);

    const io::InvitationLoad plan = io::load_invitation(R"({"fiducia": "plan", "version": 1})");
    CORE_REQUIRE(plan.errors.size() == 1);
    CHECK(plan.errors[0] == "not a Fiducia workshop invitation: /fiducia must be \"workshop\" (got \"plan\")");
    const io::InvitationLoad newer = io::load_invitation(R"({"fiducia": "workshop", "version": 2})");
    CORE_REQUIRE(newer.errors.size() == 1);
    CHECK(newer.errors[0].find("/version: the file is version 2, newer than this app reads (1)") == 0);
}

TEST_CASE("ratings file: round trip, checked against the invitation, every error listed") {
    const io::Invitation inv = three_group_invitation();
    io::RatingsFile rf;
    rf.workshop = inv.id;
    rf.participant_id = "abc123";
    rf.name = "Ana \u00e9";
    rf.ratings = {{"customers", D::honesty, 7}, {"partners", D::empathy, 2}};
    const std::string text = io::save_ratings(rf);
    CHECK(io::workshop_file_kind(text) == "ratings");
    const io::RatingsLoad back = io::load_ratings(text, &inv);
    IO_REQUIRE_MESSAGE(back.ok, joined(back.errors));
    CHECK(back.ratings.name == rf.name);
    CHECK(back.ratings.participant_id == "abc123");
    CORE_REQUIRE(back.ratings.ratings.size() == 2);
    CHECK(back.ratings.ratings[1].score == 2);
    CHECK(io::save_ratings(back.ratings) == text);

    const io::RatingsLoad bad = io::load_ratings(R"({"fiducia": "ratings", "version": 1, "workshop": "ws-other",
        "participant": {"name": 4}, "ratings": [
          {"stakeholder": "customers", "dimension": "honesty", "score": 10},
          {"stakeholder": "board", "dimension": "honesty", "score": 5},
          {"stakeholder": "staff", "dimension": "advice", "score": 5},
          {"stakeholder": "staff", "dimension": "advice", "score": 6},
          {"stakeholder": "staff", "dimension": "care", "score": 6}]})", &inv);
    CHECK_FALSE(bad.ok);
    const std::string all = joined(bad.errors);
    CHECK(all.find("/workshop: is from another workshop (got \"ws-other\", this one is \"ws-spring\")") != std::string::npos);
    CHECK(all.find("/participant/name: ") != std::string::npos);
    CHECK(all.find("/ratings/0/score: must be an integer between 1 and 9 (got 10)") != std::string::npos);
    CHECK(all.find("/ratings/1/stakeholder: must name a stakeholder group of this workshop (got \"board\")") != std::string::npos);
    CHECK(all.find("/ratings/3: scores the same stakeholder and dimension twice (also at /ratings/2)") != std::string::npos);
    CHECK(all.find("/ratings/4/dimension: must be one of") != std::string::npos);
    CHECK(bad.errors.size() == 6);

    const io::RatingsLoad missing = io::load_ratings(R"({"fiducia": "ratings", "version": 1})");
    CHECK(joined(missing.errors) == "/workshop: is required\n/ratings: is required\n");
}

TEST_CASE("short code: round trip, typos and other workshops refused with a clear reason") {
    const io::Invitation inv = three_group_invitation();
    io::RatingsFile rf;
    rf.workshop = inv.id;
    rf.ratings = {{"customers", D::transactions, 9}, {"customers", D::empathy, 1}, {"staff", D::honesty, 6},
                  {"partners", D::empathy, 9}};
    const std::string code = io::ratings_code(inv, rf);
    // 15 cells: a tag, 10 payload characters (32^10 > 10^15), 3 check characters, in groups of four.
    CHECK(code.size() == 14 + 3);
    CHECK(code[4] == '-');
    for (char c : code) CHECK(std::string("ILOU").find(c) == std::string::npos);
    io::RatingsLoad back = io::read_ratings_code(code, inv);
    IO_REQUIRE_MESSAGE(back.ok, joined(back.errors));
    CORE_REQUIRE(back.ratings.ratings.size() == 4);  // the eleven "not sure" cells stay out
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(back.ratings.ratings[i].stakeholder == rf.ratings[i].stakeholder);
        CHECK(back.ratings.ratings[i].dimension == rf.ratings[i].dimension);
        CHECK(back.ratings.ratings[i].score == rf.ratings[i].score);
    }
    CHECK(back.ratings.name.empty());
    CHECK(back.ratings.participant_id == io::read_ratings_code(code, inv).ratings.participant_id);

    // Typed sloppily: lower case, spaces instead of dashes, O for 0 and l for 1.
    std::string sloppy;
    for (char c : code) sloppy += c == '-' ? ' ' : c == '0' ? 'o' : c == '1' ? 'l' : static_cast<char>(std::tolower(c));
    CHECK(io::read_ratings_code(sloppy, inv).ok);

    // Every single-character typo in the payload or check characters is refused.
    int refused = 0, tried = 0;
    for (std::size_t i = 1; i < code.size(); ++i) {
        if (code[i] == '-') continue;
        std::string typo = code;
        typo[i] = code[i] == 'Z' ? 'Y' : code[i] == '9' ? 'A' : static_cast<char>(code[i] + 1);
        if (typo[i] == 'I' || typo[i] == 'L' || typo[i] == 'O' || typo[i] == 'U') typo[i] = static_cast<char>(typo[i] + 1);
        ++tried;
        const io::RatingsLoad r = io::read_ratings_code(typo, inv);
        if (!r.ok && r.errors[0].find("mistyped") != std::string::npos) ++refused;
    }
    CHECK(refused == tried);

    const io::RatingsLoad foreign = io::read_ratings_code(code, three_group_invitation("ws-autumn"));
    CHECK_FALSE(foreign.ok);
    CHECK(joined(foreign.errors).find("another workshop") != std::string::npos);
    const io::RatingsLoad short_code = io::read_ratings_code(code.substr(0, code.size() - 2), inv);
    CHECK(joined(short_code.errors) == "the code should have 14 characters for this workshop, or 22 with importance (got 12): a character is missing or extra, or it is from another workshop\n");
    const io::RatingsLoad bad_char = io::read_ratings_code(code.substr(0, code.size() - 1) + "U", inv);
    CHECK(joined(bad_char.errors).find("(got \"U\")") != std::string::npos);

    // With importance judgements: a longer code, both read back, and typos still refused.
    io::RatingsFile judged = rf;
    judged.importance = {{"customers", D::transactions, 5}, {"customers", D::promises, 1}, {"partners", D::empathy, 3}};
    const std::string long_code = io::ratings_code(inv, judged);
    CHECK(long_code.size() == 22 + 5);  // 15 base-60 cells in 18 characters, tag and check, in groups of four
    io::RatingsLoad both = io::read_ratings_code(long_code, inv);
    IO_REQUIRE_MESSAGE(both.ok, joined(both.errors));
    CHECK(both.ratings.ratings.size() == 4);
    CORE_REQUIRE(both.ratings.importance.size() == 3);
    CHECK(both.ratings.importance[1].stakeholder == "customers");
    CHECK(both.ratings.importance[1].dimension == D::promises);
    CHECK(both.ratings.importance[1].importance == 1);
    CHECK(both.ratings.importance[2].importance == 3);
    CHECK(both.ratings.participant_id != back.ratings.participant_id);
    int judged_refused = 0, judged_tried = 0;
    for (std::size_t i = 1; i < long_code.size(); ++i) {
        if (long_code[i] == '-') continue;
        std::string typo = long_code;
        typo[i] = long_code[i] == 'Z' ? 'Y' : long_code[i] == '9' ? 'A' : static_cast<char>(long_code[i] + 1);
        if (typo[i] == 'I' || typo[i] == 'L' || typo[i] == 'O' || typo[i] == 'U') typo[i] = static_cast<char>(typo[i] + 1);
        ++judged_tried;
        judged_refused += !io::read_ratings_code(typo, inv).ok;
    }
    CHECK(judged_refused == judged_tried);

    // All nine everywhere: the largest payload still fits its characters.
    io::RatingsFile all_nine;
    for (const io::Invitation::Group& g : inv.stakeholders)
        for (D d : inv.dimensions) all_nine.ratings.push_back({g.id, d, 9});
    CHECK(io::read_ratings_code(io::ratings_code(inv, all_nine), inv).ratings.ratings.size() == 15);
    for (const io::Invitation::Group& g : inv.stakeholders)
        for (D d : inv.dimensions) all_nine.importance.push_back({g.id, d, 5});
    CHECK(io::read_ratings_code(io::ratings_code(inv, all_nine), inv).ratings.importance.size() == 15);
}

TEST_CASE("ratings file: importance judgements round trip, checked like scores") {
    const io::Invitation inv = three_group_invitation();
    io::RatingsFile rf;
    rf.workshop = inv.id;
    rf.participant_id = "ana-1";
    rf.ratings = {{"customers", D::honesty, 7}};
    rf.importance = {{"customers", D::honesty, 5}, {"staff", D::advice, 2}};
    const std::string text = io::save_ratings(rf);
    const io::RatingsLoad back = io::load_ratings(text, &inv);
    IO_REQUIRE_MESSAGE(back.ok, joined(back.errors));
    CORE_REQUIRE(back.ratings.importance.size() == 2);
    CHECK(back.ratings.importance[1].stakeholder == "staff");
    CHECK(back.ratings.importance[1].dimension == D::advice);
    CHECK(back.ratings.importance[1].importance == 2);
    rf.importance.clear();
    CHECK(io::save_ratings(rf).find("importance") == std::string::npos);  // written only when judged

    const io::RatingsLoad bad = io::load_ratings(R"({"fiducia": "ratings", "version": 1, "workshop": "ws-spring",
        "ratings": [], "importance": [{"stakeholder": "customers", "dimension": "honesty", "importance": 6},
        {"stakeholder": "board", "dimension": "advice", "importance": 3},
        {"stakeholder": "staff", "dimension": "advice", "importance": 3},
        {"stakeholder": "staff", "dimension": "advice", "importance": 4}]})", &inv);
    CHECK_FALSE(bad.ok);
    CHECK(joined(bad.errors) == "/importance/0/importance: must be an integer between 1 and 5 (got 6)\n"
                                "/importance/1/stakeholder: must name a stakeholder group of this workshop (got \"board\")\n"
                                "/importance/3: judges the same stakeholder and dimension twice (also at /importance/2)\n");
}

TEST_CASE("plan files keep importance judgements; a plan without them is written as before") {
    const char* text = R"({"fiducia": "plan", "version": 1,
        "stakeholders": [{"id": "c", "name": "Customers", "kind": "customers"}],
        "workshop": {"participants": [{"id": "p1", "name": "Ana"}], "ratings": [],
                     "importance": [{"participant": "p1", "stakeholder": "c", "dimension": "empathy", "importance": 4}]}})";
    io::LoadResult r = io::load_plan(text);
    IO_REQUIRE_MESSAGE(r.ok, joined(r.errors));
    CORE_REQUIRE(r.plan.workshop.importance.size() == 1);
    CHECK(r.plan.workshop.importance[0].dimension == D::empathy);
    CHECK(r.plan.workshop.importance[0].importance == 4);
    const io::LoadResult again = io::load_plan(io::save_plan(r.plan));
    CORE_REQUIRE(again.ok);
    CHECK(io::save_plan(again.plan) == io::save_plan(r.plan));
    r.plan.workshop.importance.clear();
    CHECK(io::save_plan(r.plan).find("\"importance\": [") == std::string::npos);

    io::LoadResult bad = io::load_plan(R"({"fiducia": "plan", "version": 1,
        "stakeholders": [{"id": "c", "name": "Customers", "kind": "customers"}],
        "workshop": {"participants": [{"id": "p1"}], "ratings": [],
                     "importance": [{"participant": "p2", "stakeholder": "c", "dimension": "empathy", "importance": 0}]}})");
    CHECK(joined(bad.errors) == "/workshop/importance/0/participant: must name a participant of this plan (got \"p2\")\n"
                                "/workshop/importance/0/importance: must be an integer between 1 and 5 (got 0)\n");
}

TEST_CASE("plan files keep the prepared workshop: id, title and invited stakeholders") {
    const char* text = R"({"fiducia": "plan", "version": 1,
        "stakeholders": [{"id": "c", "name": "Customers", "kind": "customers"}, {"id": "e", "name": "Staff", "kind": "employees"}],
        "workshop": {"id": "ws-1", "title": "Kick-off", "stakeholders": ["e"], "participants": [], "ratings": []}})";
    io::LoadResult r = io::load_plan(text);
    IO_REQUIRE_MESSAGE(r.ok, joined(r.errors));
    CHECK(r.plan.workshop.id == "ws-1");
    CHECK(r.plan.workshop.stakeholders == std::vector<std::string>{"e"});
    const std::string saved = io::save_plan(r.plan);
    CHECK(saved.find("\"workshop\": {\n    \"id\": \"ws-1\",\n    \"title\": \"Kick-off\",\n    \"stakeholders\": [\n      \"e\"\n    ],") != std::string::npos);
    const io::Invitation inv = io::invitation_for(r.plan);
    CORE_REQUIRE(inv.stakeholders.size() == 1);
    CHECK(inv.stakeholders[0].name == "Staff");
    CHECK(io::save_invitation(inv).find("base_rate") == std::string::npos);  // no plan figures

    io::LoadResult dangling = io::load_plan(R"({"fiducia": "plan", "version": 1,
        "stakeholders": [{"id": "c", "name": "Customers", "kind": "customers"}], "workshop": {"stakeholders": ["board"]}})");
    CHECK(joined(dangling.errors) == "/workshop/stakeholders/0: must name a stakeholder of this plan (got \"board\")\n");
}

TEST_CASE("A file's kind is read from its top-level header without parsing the rest") {
    CHECK(io::workshop_file_kind(R"({"fiducia": "plan", "version": 1})") == "plan");
    CHECK(io::workshop_file_kind(" \n{\"version\": 1, \"fiducia\" : \"workshop\"}") == "workshop");
    // a header inside a nested object, or text that looks like one inside a string, is not the file's
    CHECK(io::workshop_file_kind(R"({"meta": {"fiducia": "ratings"}, "fiducia": "plan"})") == "plan");
    CHECK(io::workshop_file_kind(R"({"note": "}, \"fiducia\": \"ratings\"", "fiducia": "plan"})") == "plan");
    CHECK(io::workshop_file_kind(R"({"list": [{"a": "]"}, 2], "fiducia": "ratings"})") == "ratings");
    CHECK(io::workshop_file_kind(R"({"meta": {"fiducia": "ratings"}})") == "");
    CHECK(io::workshop_file_kind(R"({"fiducia": 1})") == "");
    CHECK(io::workshop_file_kind("[1, 2]") == "");
    CHECK(io::workshop_file_kind("{\"fiducia\": \"pla") == "");
    CHECK(io::workshop_file_kind("") == "");
}
