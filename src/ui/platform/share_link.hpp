// Share by link: a small plan packed into the page's own URL fragment (#plan=1.<data>), which
// browsers never send to a server. The page compresses (web/share_link.js); the UI says what came of it.
#pragma once

#include <string_view>

namespace fiducia::ui {

class App;

// The longest link we make, in characters, whole link included. RFC 9110 (HTTP, section 4.1)
// recommends that all software support URIs of at least 8,000 octets, and email clients, Teams
// (28,000) and Slack (40,000) carry that much; longer links get cut or refused on the way.
inline constexpr int kShareLinkMaxChars = 8000;

enum class ShareLinkMade { copied = 0, too_long = 1, not_copied = 2, unsupported = 3 };
enum class ShareLinkBroken { damaged = 1, newer = 2, unsupported = 3 };

void copy_share_link(App& app);  // File > Copy share link
void share_link_made(App& app, ShareLinkMade result, int length);
// A page opened with a share link: the plan's text, as decompressed; validated like a file.
void open_shared_plan(App& app, std::string_view text);
void share_link_broken(App& app, ShareLinkBroken reason);

}  // namespace fiducia::ui
