// Presenter mode: the plan's charts one at a time, full screen, in large high-contrast type, with a
// round timer for workshops. Entered from View > Presenter mode or F5, left with Esc.
#pragma once

#include <string>
#include <vector>

namespace fiducia::ui {

class App;

// The workshop round's timer, on the platform clock. It counts down from `minutes`; past zero it
// counts the overtime up, in red. Not part of the plan.
struct RoundTimer {
    int minutes = 10;
    bool running = false;
    double left = 600;    // seconds left while paused (negative: overtime)
    double ends_at = 0;   // platform clock at zero while running

    double seconds_left(double now) const { return running ? ends_at - now : left; }
    void start(double now);
    void pause(double now);
    void reset();
    void set_minutes(int m);  // also resets a timer that is not running
    // When the shown time next changes (a whole second), so the page draws one frame then; a
    // stopped timer needs none (returns a negative time).
    double next_change(double now) const;
};

// "9:58", "0:00"; overtime as "+1:05".
std::string format_clock(double seconds_left);

struct PresenterState {
    bool on = false;
    int slide = 0;
    RoundTimer timer;
};

// The charts presenter mode shows for the open plan, in order (titles, in English, as tr() keys):
// the workshop results only when the plan has ratings.
std::vector<const char*> presenter_slides(App& app);
void draw_presenter(App& app);  // the whole screen, instead of the menus and panels
// The height of the bottom bar (previous/next, timer, leave): notices stand above it, never on it.
float presenter_controls_height();

}  // namespace fiducia::ui
