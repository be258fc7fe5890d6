#include "ui/platform/share_link.hpp"

#include <cstdio>
#include <string>

#include "io/plan_file.hpp"
#include "ui/app.hpp"
#include "ui/platform/i18n.hpp"

namespace fiducia::ui {

namespace {
std::string with_numbers(const char* format, int a, int b = 0) {
    char text[512];
    std::snprintf(text, sizeof text, format, a, b);
    return text;
}
}  // namespace

void copy_share_link(App& app) {
    if (!app.document().is_open()) return;
    app.platform().copy_share_link(app.save_text(), kShareLinkMaxChars);
}

void share_link_made(App& app, ShareLinkMade result, int length) {
    switch (result) {
        case ShareLinkMade::copied:
            app.notify(with_numbers(tr("Share link copied (%d characters). The plan travels inside the link, so anyone "
                                       "who has the link can read the plan: send it only to people who may see it."),
                                    length));
            break;
        case ShareLinkMade::too_long:
            app.notify(with_numbers(tr("This plan is too big for a share link: the link would be %d characters, and "
                                       "links over %d characters break in email and chat. Send the plan file instead "
                                       "(File > Save)."),
                                    length, kShareLinkMaxChars),
                       true);
            break;
        case ShareLinkMade::not_copied:
            app.notify(with_numbers(tr("The share link (%d characters) was made, but this browser did not let us copy "
                                       "it. Click the page and try again, or send the plan file."),
                                    length),
                       true);
            break;
        case ShareLinkMade::unsupported:
            app.notify(tr("This browser cannot make share links (it has no CompressionStream; browsers from 2023 on "
                          "do). Send the plan file instead."),
                       true);
            break;
    }
}

void open_shared_plan(App& app, std::string_view text) {
    // Checked first, so a refusal names the link, not a file; a plan opened from a link has no file.
    const bool valid = io::load_plan(text).ok;
    if (!app.open_text(text, valid ? "" : tr("The share link")).ok) return;
    app.notify(tr("This plan came in a share link. Save it (Ctrl+S) to keep it as a file; your previous plan is "
                  "under File > Restore previous version."));
}

void share_link_broken(App& app, ShareLinkBroken reason) {
    const char* why = reason == ShareLinkBroken::newer
                          ? tr("This share link was made by a newer version of Fiducia, which this page cannot read.")
                      : reason == ShareLinkBroken::unsupported
                          ? tr("This browser cannot open share links (it has no DecompressionStream; browsers from 2023 on do).")
                          : tr("This share link is damaged: part of it is missing or was changed on the way.");
    app.notify(std::string(why) + " " + tr("No plan was opened from it, and your own plan is as it was. Ask for the "
                                           "plan file instead."),
               true);
}

}  // namespace fiducia::ui
