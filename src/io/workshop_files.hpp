// Workshop files (README "Workshop files"): the invitation a facilitator hands out, the ratings
// file a participant saves, and the same ratings as a short typeable code. Each is read strictly
// with every error listed ("pointer: rule (got value)"), like plan files; none holds a plan figure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"

namespace fiducia::io {

inline constexpr int kWorkshopFormatVersion = 1;
inline constexpr std::size_t kMaxInvitedStakeholders = 12;  // keeps a code short enough to type

// What a participant needs to score, and nothing else of the plan.
struct Invitation {
    struct Group {
        std::string id;
        std::string name;
    };
    std::string id;     // the workshop's id: ratings and codes name it
    std::string title;
    std::vector<Group> stakeholders;
    std::vector<Dimension> dimensions = {Dimension::transactions, Dimension::promises, Dimension::honesty,
                                         Dimension::advice, Dimension::empathy};
};

struct Score {
    std::string stakeholder;
    Dimension dimension = Dimension::transactions;
    int score = 5;  // 1..9
};

// How much a dimension matters to a group, 1 (hardly) .. 5 (most): the room's medians become weights.
struct Judgement {
    std::string stakeholder;
    Dimension dimension = Dimension::transactions;
    int importance = 3;  // 1..5
};

struct RatingsFile {
    std::string workshop;        // the invitation's id
    std::string participant_id;  // made by the participant's page; tells a re-import from a new file
    std::string name;            // optional: left empty, the participant stays anonymous
    std::vector<Score> ratings;  // cells left "not sure" are absent
    std::vector<Judgement> importance;  // optional; cells not judged are absent
};

// "plan", "workshop" (an invitation), "ratings", or "" (not JSON, or no known header).
std::string workshop_file_kind(std::string_view text);

struct InvitationLoad {
    bool ok = false;
    Invitation invitation;
    std::vector<std::string> errors;
};
InvitationLoad load_invitation(std::string_view text);
std::string save_invitation(const Invitation& invitation);

struct RatingsLoad {
    bool ok = false;
    RatingsFile ratings;
    std::vector<std::string> errors;
};
// With `against`, ratings must answer that workshop and name only its stakeholders and dimensions.
RatingsLoad load_ratings(std::string_view text, const Invitation* against = nullptr);
std::string save_ratings(const RatingsFile& ratings);

// The invitation for a plan's workshop (plan.workshop id, title and invited stakeholders).
Invitation invitation_for(const Plan& plan);

// The short code: groups of four from Crockford's base-32 alphabet (no I, L, O, U), e.g.
// "7K2M-9QD3-XA": a workshop tag, the scores ("not sure" included) in invitation order, a checksum
// over them and the workshop id. With importance judgements, each cell carries both (a longer
// code; its length tells the two apart). Reading ignores case, spaces and dashes, and takes O for 0, I and L
// for 1. A code carries no name: an imported code is an anonymous participant.
std::string ratings_code(const Invitation& invitation, const RatingsFile& ratings);
RatingsLoad read_ratings_code(std::string_view code, const Invitation& invitation);

// A short id of lowercase base-32 characters from any text (FNV-1a): new workshop and participant ids.
std::string short_id(std::string_view seed, std::size_t length);

}  // namespace fiducia::io
