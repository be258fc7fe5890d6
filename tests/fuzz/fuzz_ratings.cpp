// libFuzzer target: an invitation and a ratings file cut from one input (fuzz_parts.hpp). Never a
// crash; a refusal says why; ratings read round-trip through their file and, against their
// invitation, through the short code to the same scores and judgements.
#include <string>

#include "fuzz_parts.hpp"
#include "io/workshop_files.hpp"

using namespace fiducia;
using fiducia::fuzz::fail;

namespace {

bool same_cells(const io::RatingsFile& a, const io::RatingsFile& b) {
    auto key = [](const io::RatingsFile& r) {
        std::string out;
        for (const io::Score& s : r.ratings) out += s.stakeholder + "/" + std::to_string(static_cast<int>(s.dimension)) + "=" + std::to_string(s.score) + ";";
        out += "|";
        for (const io::Judgement& j : r.importance) out += j.stakeholder + "/" + std::to_string(static_cast<int>(j.dimension)) + "=" + std::to_string(j.importance) + ";";
        return out;
    };
    return key(a) == key(b);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = fuzz::cut(data, size, 2);
    io::InvitationLoad invitation = io::load_invitation(parts[0]);
    const io::Invitation* against = invitation.ok ? &invitation.invitation : nullptr;
    io::RatingsLoad loaded = io::load_ratings(parts[1], against);
    if (!loaded.ok) {
        if (loaded.errors.empty()) fail("refused ratings say nothing");
        return 0;
    }
    const std::string saved = io::save_ratings(loaded.ratings);
    io::RatingsLoad again = io::load_ratings(saved, against);
    if (!again.ok || io::save_ratings(again.ratings) != saved) fail("a ratings file does not round-trip");
    if (!against) return 0;
    // The code lists cells in invitation order: compare it with the file's cells put in that order.
    io::RatingsLoad coded = io::read_ratings_code(io::ratings_code(*against, loaded.ratings), *against);
    if (!coded.ok) fail("a code made from valid ratings is refused");
    io::RatingsLoad twice = io::read_ratings_code(io::ratings_code(*against, coded.ratings), *against);
    if (!twice.ok || !same_cells(coded.ratings, twice.ratings)) fail("a code does not round-trip");
    if (coded.ratings.ratings.size() != loaded.ratings.ratings.size() ||
        coded.ratings.importance.size() != loaded.ratings.importance.size())
        fail("the code lost or added a score");
    return 0;
}
