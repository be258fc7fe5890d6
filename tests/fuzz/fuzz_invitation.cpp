// libFuzzer target: any bytes as a workshop invitation. Never a crash; a refusal says why; an
// invitation read is written back canonically and reads again to the same text.
#include <string>
#include <string_view>

#include "fuzz_parts.hpp"
#include "io/workshop_files.hpp"

using namespace fiducia;
using fiducia::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)io::workshop_file_kind(text);
    io::InvitationLoad loaded = io::load_invitation(text);
    if (!loaded.ok) {
        if (loaded.errors.empty()) fail("a refused invitation says nothing");
        return 0;
    }
    if (!loaded.errors.empty()) fail("an accepted invitation has errors");
    const std::string saved = io::save_invitation(loaded.invitation);
    io::InvitationLoad again = io::load_invitation(saved);
    if (!again.ok || io::save_invitation(again.invitation) != saved) fail("an invitation does not round-trip");
    return 0;
}
