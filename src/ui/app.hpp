// The application state shared by the panels: the document, the cached projection, notices.
// One App per window; the entry point owns it and calls draw() once per frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/checks.hpp"
#include "core/model.hpp"
#include "io/json_util.hpp"
#include "io/report.hpp"
#include "ui/panels/compare_view.hpp"
#include "ui/document/document.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui/platform/platform.hpp"
#include "ui/panels/presenter.hpp"
#include "ui/panels/survey_import.hpp"
#include "ui/platform/theme.hpp"
#include "ui/panels/view_state.hpp"
#include "ui/panels/workshop.hpp"

namespace fiducia::ui {

struct LoadOutcome {
    bool ok = false;
    std::vector<std::string> errors;
    std::string kind = "plan";  // or "workshop" (an invitation), "ratings", "survey": the page keeps a file handle only for plans
};

struct Notice {
    std::string text;
    bool is_error = false;
    double until = 0;  // seconds on the platform clock
};

// Below this window width in CSS pixels (a phone, a narrow window) the planner lists its panels in a
// menu instead of a sidebar, figures stack and the scoring sheet puts its scale in two rows.
constexpr float kNarrowCssWidth = 700;
// A target a finger can hit, in CSS pixels (WCAG 2.5.5, Apple's guidelines): the scoring sheet's buttons.
constexpr float kTouchTargetCss = 44;

struct ExamplePlan {
    std::string file;         // e.g. "retail-bank.json"
    std::string title;        // from the plan's meta
    std::string organisation;
    std::string text;
};

class App {
public:
    explicit App(Platform& platform);  // restores the view preferences from the platform

    // Pixels per UI unit: the screen's density times the theme's zoom (projector is larger).
    // The entry point rebuilds fonts when it changes, then calls apply_style().
    void set_device_scale(float device_pixel_ratio) { device_scale_ = device_pixel_ratio; }
    float ui_scale() const;
    void apply_style();
    // The window's width in CSS pixels (framebuffer pixels / device pixel ratio), and whether it is
    // narrower than kNarrowCssWidth.
    float css_width() const;
    bool narrow() const { return css_width() < kNarrowCssWidth; }
    float touch_target() const { return kTouchTargetCss * device_scale_; }  // in framebuffer pixels
    Theme theme() const { return theme_; }
    // The language of the UI (remembered; first run: the browser's, if it is one of ours). It
    // changes once its translation file is there (the hosted page fetches it): until then the
    // text stays in the language it was in.
    void set_language(Language language);
    std::optional<Language> pending_language() const { return wanted_language_; }
    // The CJK characters the font atlas must hold: the Chinese translation's when Chinese is
    // chosen, plus those in the open plan's text; empty for an English plan in English. The entry
    // point loads the CJK font and rebuilds the atlas when this changes.
    const std::vector<char32_t>& cjk_glyphs();

    void draw();  // one frame of the whole UI

    // Open a plan's text (file picker, drag-and-drop, window.fiducia.load, autosave restore).
    // A refused file leaves the open plan untouched and lists every error.
    LoadOutcome open_text(std::string_view text, const std::string& file_name);
    void restore_autosave(std::string_view text, const std::string& file_name, bool dirty);
    void new_plan();
    void save(bool save_as);
    // Opens an earlier autosaved version (File > Restore previous version); the current plan is
    // stored as a version first, so nothing is lost.
    bool restore_version(std::size_t index);
    const std::vector<Notice>& notices() const { return notices_; }
    void open_file_dialog() { platform_.request_open_file(); }
    // Compare and merge: ask for a file to read beside the plan, and take it when it comes.
    void request_file(Platform::FilePurpose purpose) { platform_.request_file(purpose); }
    void receive_file(Platform::FilePurpose purpose, std::string_view text, const std::string& file_name);
    // The plan as it was opened: its canonical text and content hash, a merge's likely ancestor.
    const std::string& opened_text() {
        settle_opened();
        return opened_text_;
    }
    const std::string& opened_hash() {
        settle_opened();
        return opened_hash_;
    }
    Platform& platform() { return platform_; }
    std::string save_text();  // the canonical plan text; empty when no plan is open
    std::string summary_text();     // FORMAT.md machine-readable output; "{}" when no plan

    // File > Export (src/ui/app_export.cpp): a report of the open plan, downloaded through the
    // platform; the chart as a PNG is taken once the menu has closed, from the screen's own pixels.
    void export_report(io::ReportFormat format);
    void export_chart_png();

    void add_example(ExamplePlan example) { examples_.push_back(std::move(example)); }
    bool busy() const;  // running work or an autosave still due: keep drawing frames
    bool waiting_on_background() const;  // busy only with work the platform runs elsewhere (Web Workers)
    void flush_autosave();  // the page is going away: store the plan now
    void autosave_failed(const std::string& reason);  // the browser refused a save, maybe later than asked
    void notify(std::string text, bool is_error = false);

    Document& document() { return doc_; }
    const Projection* projection();  // recomputed only when the plan changed
    // The plan as first projected, before measurements count as evidence; null when they do not
    // (settings.observation_weight 0), since it is then projection() itself.
    const Projection* projection_before_measurements();
    // Each group's base rate fitted to its measured trust shares, and the backtest (once per revision).
    const Calibration* calibration();
    // What is valid but surprising (core/checks.hpp), for the Checks menu; once per revision.
    const std::vector<PlanCheck>& plan_checks();
    // What the file validator says of the plan as edited ("/pointer: rule (got value)"), once per
    // revision: the editors show these inline, with the same words a file would get.
    const std::vector<io::Problem>& plan_errors();
    // The rule broken at exactly this JSON pointer (e.g. "/touchpoints/3/bad_share"), or "".
    std::string error_at(const std::string& pointer);
    // Shows the editor of the entity a JSON pointer names, with that entity selected.
    void jump_to(const std::string& pointer);

    // Long runs (Monte Carlo, optimiser, sensitivity) go to the platform's background (the page's Web
    // Workers), or else advance a few milliseconds per frame here, so the page never freezes; each
    // shows progress and can be cancelled. Results say which plan revision they used.
    template <class Local, class Result>
    struct Job {
        std::optional<Local> running;  // run here, a slice per frame
        bool elsewhere = false;        // run by the platform, off this thread (Platform::start_*)
        double progress = 0;           // 0..1
        std::optional<Result> result;
        bool is_running() const { return running.has_value() || elsewhere; }
        std::uint64_t revision = 0;
        double started = 0, seconds = 0;  // platform clock; seconds = click-to-result time
    };
    using SimulationJob = Job<Simulation, SimulationResult>;
    struct OptimiserJob : Job<Optimiser, OptimiseResult> {
        OptimiseOptions options;
    };
    struct SensitivityJob : Job<Sensitivity, std::vector<SensitivityItem>> {
        bool cancelled = false;  // by the person, for this revision: not started again until asked
    };
    void start_simulation(const SimulationOptions& options);
    void start_optimiser(const OptimiseOptions& options);
    void start_sensitivity();  // the plan as it is now, its own actions (the Sensitivity panel's)
    void cancel_jobs();        // the simulation and the search (either one's Cancel)
    void cancel_sensitivity();  // the Sensitivity panel's Cancel
    const SimulationJob& simulation_job() const { return simulation_; }
    const OptimiserJob& optimiser_job() const { return optimiser_; }
    const SensitivityJob& sensitivity_job() const { return sensitivity_; }

    AnalysisView& analysis_view() { return analysis_view_; }
    EditorView& editor_view() { return editor_view_; }
    CompareView& compare_view() { return compare_view_; }
    SurveyImportView& survey_import() { return survey_import_; }

    // Workshop mode: an open invitation shows the participant's scoring screen instead of the plan.
    std::optional<ScoringSession>& scoring() { return scoring_; }
    void download(const std::string& file_name, const std::string& text) { platform_.save_bytes(file_name, "application/json", text); }
    void show_load_errors(std::vector<std::string> errors, std::string file_name);
    void open_panel(PanelId id);  // shows it and remembers it for the next visit

    // Presenter mode (src/ui/panels/presenter.cpp): asks the platform for full screen, uses the projector
    // theme at a larger size, and draws instead of the menus and panels.
    PresenterState& presenter() { return presenter_; }
    void set_presenting(bool on);
    double now() const { return platform_.now_seconds(); }
    // The platform clock time at which the UI needs a frame although nothing else happens (a running
    // round timer, once a second), as decided by the last frame drawn; negative when none.
    double next_frame_at() const { return frame_due_; }

    int current_panel() const { return panel_; }
    void show_panel(int index) { panel_ = index; }
    void show_panel(PanelId id) { panel_ = static_cast<int>(id); }

private:
    void draw_menu_bar();
    void draw_notices(float bottom_margin = 0);  // bottom_margin: room kept free above the bottom edge
    void draw_load_errors();
    void draw_stored_versions();
    std::string local_version_time(const std::string& iso);  // a stored UTC time in the user's time zone
    // What version `index` changed from the one after it (older), cached while the list stays the same.
    std::string version_changes_text(const std::vector<Platform::StoredVersion>& versions, std::size_t index);
    std::string versions_signature_;           // the times and sizes of the versions described below
    std::vector<std::string> version_changes_;  // per version, "" = not diffed yet
    void draw_problems();
    void handle_shortcuts();
    void autosave_if_due(bool now = false);
    void step_jobs();
    void draw_navigation();
    void draw_panel_menu();  // the narrow screen's navigation: a menu over the panel
    bool draw_panel_list();  // the panels under their sections; true when one was chosen
    void draw_file_menu();
    void draw_edit_menu();
    void draw_view_menu();
    void draw_file_state();  // the file's name and state, cut to the room left in the menu bar
    void draw_export_menu();
    bool capture_chart_if_due();  // true in the frame whose pixels become the PNG
    int chart_capture_frames_ = 0;  // frames until the PNG is taken (0: none asked for)
    bool chart_on_screen_ = false;  // the last frame drew a chart

    Platform& platform_;
    Document doc_;
    std::vector<ExamplePlan> examples_;
    std::vector<Notice> notices_;
    std::vector<std::string> load_errors_;
    std::string load_errors_file_;

    std::vector<io::Problem> plan_errors_;
    std::uint64_t plan_errors_revision_ = ~0ull;
    std::optional<Projection> projection_;
    std::uint64_t projection_revision_ = ~0ull;
    std::optional<Projection> before_measurements_;
    std::uint64_t before_measurements_revision_ = ~0ull;
    std::optional<Calibration> calibration_;
    std::uint64_t calibration_revision_ = ~0ull;
    std::vector<PlanCheck> checks_;
    std::uint64_t checks_revision_ = ~0ull;

    bool busy_here() const;  // work on this thread, a chart capture or an autosave due
    SimulationJob simulation_;
    OptimiserJob optimiser_;
    SensitivityJob sensitivity_;
    bool said_foreground_ = false;  // that the background could not take the work: said once
    int panel_ = 0;
    std::optional<ScoringSession> scoring_;
    Theme theme_ = Theme::light;
    float device_scale_ = 1.0f;
    void set_theme(Theme theme);
    void show_panel_remembered(int index);
    AnalysisView analysis_view_;
    EditorView editor_view_;
    CompareView compare_view_;
    SurveyImportView survey_import_;
    std::string opened_text_, opened_hash_, opened_file_base_;  // opened_file_base_: meta.base as read
    bool opened_pending_ = false;            // opened_text_, opened_hash_ and the names not yet written
    std::uint64_t opened_text_revision_ = 0;  // the revision whose canonical text opened_text_ is (0: none)
    void settle_opened();
    void forget_opened();
    // The open plan as other tabs know it (Platform::announce_plan): the content hashes it descends from.
    std::vector<std::string> plan_names_;
    std::string announced_plan_ = "\n";  // what the other tabs were last told ("\n": nothing yet)
    void name_plan(const Plan& plan, const std::string& hash);
    void tell_other_tabs();

    std::uint64_t autosaved_revision_ = 0;
    bool autosave_new_version_ = false;
    double last_change_time_ = 0;
    std::uint64_t seen_revision_ = 0;

    std::vector<char32_t> cjk_glyphs_;
    std::uint64_t cjk_revision_ = ~0ull;
    Language cjk_language_ = Language::en;
    std::optional<Language> wanted_language_;  // chosen, its translation not there yet
    void use_wanted_language();
    void draw_language_menu();
    void draw_language_items();
    PresenterState presenter_;
    double frame_due_ = -1;
};

void draw_start_screen(App& app, const std::vector<ExamplePlan>& examples);
// A file name for something made from this plan: its title made safe, then `suffix`.
std::string export_file_name(const Plan& plan, const std::string& suffix);
// The UI's current language for a report (File > Export writes the HTML and Markdown ones in it):
// its code, tr(), localise_number(), month_year() and money_text().
io::ReportLanguage report_language();

}  // namespace fiducia::ui
