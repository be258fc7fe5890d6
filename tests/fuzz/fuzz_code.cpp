// libFuzzer target: an invitation and a typed short code cut from one input (fuzz_parts.hpp); the
// code is read against the invitation. Never a crash; a refusal says why; a code read gives the
// same scores when made again and read back.
#include <string>

#include "fuzz_parts.hpp"
#include "io/workshop_files.hpp"

using namespace fiducia;
using fiducia::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = fuzz::cut(data, size, 2);
    if (parts[0] == parts[1]) return 0;  // no separator: nothing to read the code against
    io::InvitationLoad invitation = io::load_invitation(parts[0]);
    if (!invitation.ok) return 0;
    const io::Invitation& inv = invitation.invitation;
    io::RatingsLoad read = io::read_ratings_code(parts[1], inv);
    if (!read.ok) {
        if (read.errors.empty()) fail("a refused code says nothing");
        return 0;
    }
    if (read.ratings.workshop != inv.id) fail("a code read names another workshop");
    for (const io::Score& s : read.ratings.ratings)
        if (s.score < 1 || s.score > 9) fail("a code gave a score outside 1..9");
    for (const io::Judgement& j : read.ratings.importance)
        if (j.importance < 1 || j.importance > 5) fail("a code gave an importance outside 1..5");
    // What a code gives is a valid ratings file for this invitation.
    if (!io::load_ratings(io::save_ratings(read.ratings), &inv).ok) fail("a code read is not a valid ratings file");
    io::RatingsLoad again = io::read_ratings_code(io::ratings_code(inv, read.ratings), inv);
    if (!again.ok || io::save_ratings(again.ratings) != io::save_ratings(read.ratings)) fail("a code does not round-trip");
    return 0;
}
