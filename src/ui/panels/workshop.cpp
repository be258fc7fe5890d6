#include "ui/panels/workshop.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/model.hpp"
#include "core/workshop_consensus.hpp"
#include "io/json_util.hpp"
#include "ui/app.hpp"
#include "ui/platform/i18n.hpp"

namespace fiducia::ui {

namespace {

// tr() keys with one %s (and maybe one %d after it), filled in.
std::string format(const char* pattern, const std::string& text, std::size_t n = 0) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, pattern, text.c_str(), static_cast<int>(n));
    return buffer;
}

// A file-name friendly form of a name: lowercase letters and digits, dashes between words.
std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.substr(0, 32);
}

LoadOutcome refused(App& app, std::vector<std::string> errors, const std::string& file_name, const char* kind) {
    app.show_load_errors(errors, file_name);
    LoadOutcome out;
    out.errors = std::move(errors);
    out.kind = kind;
    return out;
}

}  // namespace

void ScoringSession::fix_participant_id(double clock) {
    if (!participant_id.empty()) return;
    // Unique enough to tell two participants apart: their scores, name and the moment differ.
    char moment[32];
    std::snprintf(moment, sizeof moment, "%.17g", clock);
    std::string seed = invitation.id + "\x1f" + name + "\x1f" + moment;
    for (int s : scores) seed += static_cast<char>('0' + s);
    participant_id = io::short_id(seed, 10);
}

io::RatingsFile ScoringSession::ratings() const {
    io::RatingsFile out;
    out.workshop = invitation.id;
    out.participant_id = participant_id;
    out.name = name;
    const std::size_t dims = invitation.dimensions.size();
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const std::string& group = invitation.stakeholders[i / dims].id;
        if (scores[i] >= 1 && scores[i] <= 9) out.ratings.push_back({group, invitation.dimensions[i % dims], scores[i]});
        if (i < importance.size() && importance[i] >= 1 && importance[i] <= 5)
            out.importance.push_back({group, invitation.dimensions[i % dims], importance[i]});
    }
    return out;
}

std::vector<int> ScoringSession::answers() const {
    std::vector<int> out = scores;
    out.insert(out.end(), importance.begin(), importance.end());
    return out;
}

std::string ScoringSession::file_name() const {
    const std::string who = slug(name);
    return "ratings-" + (who.empty() ? participant_id : who) + "-" + invitation.id + ".json";
}

std::optional<LoadOutcome> open_workshop_file(App& app, std::string_view text, const std::string& file_name) {
    const std::string kind = io::workshop_file_kind(text);
    if (kind == "workshop") {
        io::InvitationLoad loaded = io::load_invitation(text);
        if (!loaded.ok) return refused(app, loaded.errors, file_name, "workshop");
        ScoringSession session;
        session.invitation = std::move(loaded.invitation);
        session.scores.assign(session.invitation.stakeholders.size() * session.invitation.dimensions.size(), 0);
        session.importance.assign(session.scores.size(), 0);
        app.scoring() = std::move(session);
        app.notify(format(tr("Opened the workshop invitation \"%s\". Score each group, then save your ratings file or show your code."),
                          app.scoring()->invitation.title));
        LoadOutcome ok;
        ok.ok = true;
        ok.kind = "workshop";
        return ok;
    }
    if (kind != "ratings") return std::nullopt;
    if (!app.document().is_open())
        return refused(app, {tr("This is a participant's ratings file. Open the workshop's plan first, then import it in the Workshop panel.")},
                       file_name, "ratings");
    const Plan& plan = app.document().plan();
    if (plan.workshop.id.empty())
        return refused(app, {tr("This plan has no workshop yet: prepare one in the Workshop panel before importing ratings.")},
                       file_name, "ratings");
    const io::Invitation invitation = io::invitation_for(plan);
    io::RatingsLoad loaded = io::load_ratings(text, &invitation);
    if (!loaded.ok) return refused(app, loaded.errors, file_name, "ratings");
    const std::string why = import_ratings(app, loaded.ratings);
    if (!why.empty()) return refused(app, {why}, file_name, "ratings");
    app.open_panel(PanelId::workshop);
    LoadOutcome ok;
    ok.ok = true;
    ok.kind = "ratings";
    return ok;
}

std::string import_ratings(App& app, const io::RatingsFile& ratings) {
    if (!app.document().is_open() || app.document().read_only()) return tr("Open a plan you can edit first.");
    const Plan& plan = app.document().plan();
    if (ratings.workshop != plan.workshop.id) return tr("These ratings are from another workshop.");
    if (ratings.ratings.empty() && ratings.importance.empty())
        return tr("These ratings hold no score: every cell was left at \"not sure\".");
    for (std::size_t i = 0; i < plan.workshop.participants.size(); ++i) {
        const Participant& p = plan.workshop.participants[i];
        if (!ratings.participant_id.empty() && p.id == ratings.participant_id)
            return format(tr("Already imported: these are the ratings of %s. Remove them first to import a newer file."),
                          participant_label(plan, i));
        if (!ratings.name.empty() && p.name == ratings.name)
            return format(tr("A participant named %s is already imported. Remove them first to import this file instead."), p.name);
    }
    Participant who;
    who.id = ratings.participant_id;
    who.name = ratings.name;
    for (std::size_t n = plan.workshop.participants.size() + 1; who.id.empty(); ++n) {  // an old file without an id
        who.id = "p" + std::to_string(n);
        for (const Participant& p : plan.workshop.participants)
            if (p.id == who.id) who.id.clear();
    }
    Plan& edit = app.document().begin_edit();
    edit.workshop.participants.push_back(who);
    for (const io::Score& s : ratings.ratings) edit.workshop.ratings.push_back({who.id, s.stakeholder, s.dimension, s.score, {}});
    for (const io::Judgement& j : ratings.importance)
        edit.workshop.importance.push_back({who.id, j.stakeholder, j.dimension, j.importance, {}});
    app.document().end_gesture();
    const Plan& now = app.document().plan();
    const std::size_t added = now.workshop.participants.size() - 1;
    app.notify(format(tr("Imported the ratings of %s (%d scores)."), participant_label(now, added), ratings.ratings.size()));
    if (const std::optional<std::size_t> twin = same_answers_as(now, added))
        app.notify(trf("%s gave exactly the same answers as %s. If one person sent both a file and a code, remove one "
                       "of them: otherwise they count twice.",
                       participant_label(now, added).c_str(), participant_label(now, *twin).c_str()),
                   true);
    return {};
}

std::vector<std::optional<std::size_t>> same_answers(const Plan& plan) {
    // Each participant's answers as sorted (kind, stakeholder, dimension, value) tuples, in one pass.
    using Answer = std::tuple<int, std::string, int, int>;
    const auto& people = plan.workshop.participants;
    std::map<std::string, std::vector<Answer>> answers;
    for (const Rating& r : plan.workshop.ratings)
        answers[r.participant].emplace_back(0, r.stakeholder, static_cast<int>(r.dimension), r.score);
    for (const ImportanceRating& r : plan.workshop.importance)
        answers[r.participant].emplace_back(1, r.stakeholder, static_cast<int>(r.dimension), r.importance);
    for (auto& [id, list] : answers) std::sort(list.begin(), list.end());
    std::vector<std::optional<std::size_t>> out(people.size());
    std::map<std::vector<Answer>, std::size_t> first;  // answers -> the first participant who gave them
    for (std::size_t i = 0; i < people.size(); ++i) {
        auto it = answers.find(people[i].id);
        if (it == answers.end()) continue;
        auto [seen, fresh] = first.emplace(it->second, i);
        if (!fresh) out[i] = seen->second;
    }
    return out;
}

std::optional<std::size_t> same_answers_as(const Plan& plan, std::size_t index) {
    const std::vector<std::optional<std::size_t>> all = same_answers(plan);
    return index < all.size() ? all[index] : std::nullopt;
}

std::string participant_label(const Plan& plan, std::size_t index) {
    const Participant& p = plan.workshop.participants[index];
    if (!p.name.empty()) return p.name;
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, tr("Participant %d"), static_cast<int>(index + 1));
    return buffer;
}

const char* kendall_reading(double w) {
    if (w < 0.1) return tr("The room does not agree on which groups and dimensions are trusted more.");
    if (w < 0.3) return tr("The room agrees weakly on which groups and dimensions are trusted more.");
    if (w < 0.5) return tr("The room agrees moderately on which groups and dimensions are trusted more.");
    if (w < 0.7) return tr("The room agrees strongly on which groups and dimensions are trusted more.");
    return tr("The room agrees very strongly on which groups and dimensions are trusted more.");
}

std::string workshop_json(App& app) {
    io::Json j = io::Json::object();
    if (app.document().is_open()) {
        const Plan& plan = app.document().plan();
        j["id"] = plan.workshop.id;
        j["title"] = plan.workshop.title;
        j["stakeholders"] = plan.workshop.stakeholders;
        j["participants"] = io::Json::array();
        for (std::size_t i = 0; i < plan.workshop.participants.size(); ++i) {
            int n = 0;
            for (const Rating& r : plan.workshop.ratings) n += r.participant == plan.workshop.participants[i].id;
            j["participants"].push_back({{"id", plan.workshop.participants[i].id}, {"label", participant_label(plan, i)}, {"ratings", n}});
        }
        const WorkshopSummary summary = aggregate_workshop(plan);
        j["items"] = io::Json::array();
        for (const WorkshopItem& w : summary.items)
            j["items"].push_back({{"stakeholder", w.stakeholder}, {"dimension", kDimensionIds[static_cast<std::size_t>(w.dimension)]},
                                  {"median", w.median}, {"q1", w.q1}, {"q3", w.q3}, {"iqr", w.q3 - w.q1}, {"n", w.count},
                                  {"share_trusting", w.share_trusting}, {"disagreement", w.disagreement}});
        j["importance"] = io::Json::array();
        for (const WorkshopImportance& w : summary.importance)
            j["importance"].push_back({{"stakeholder", w.stakeholder}, {"dimension", kDimensionIds[static_cast<std::size_t>(w.dimension)]},
                                       {"median", w.median}, {"n", w.count}});
        j["kendall_w"] = summary.kendall_w;
        j["base_rates"] = io::Json::array();
        for (const BaseRateChange& c : consensus_base_rates(plan))
            j["base_rates"].push_back({{"stakeholder", c.stakeholder}, {"before", c.before}, {"after", c.after}, {"ratings", c.ratings},
                                     {"raters", c.raters}});
        auto weights = [](const DimensionWeights& w) {
            io::Json o = io::Json::object();
            for (std::size_t d = 0; d < kDimensions; ++d) o[kDimensionIds[d]] = w[d];
            return o;
        };
        j["weights"] = io::Json::array();
        for (const WeightChange& c : consensus_weights(plan))
            j["weights"].push_back({{"stakeholder", c.stakeholder}, {"before", weights(c.before)}, {"after", weights(c.after)},
                                    {"judgements", c.judgements}});
    }
    j["scoring"] = nullptr;
    if (const std::optional<ScoringSession>& s = app.scoring()) {
        const io::RatingsFile rf = s->ratings();
        j["scoring"] = {{"workshop", s->invitation.id}, {"scored", rf.ratings.size()}, {"judged", rf.importance.size()},
                        {"cells", s->scores.size()},
                        {"code", io::ratings_code(s->invitation, rf)}};
    }
    return io::dump_compact(j);
}

}  // namespace fiducia::ui
