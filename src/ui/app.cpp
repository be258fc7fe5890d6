#include "ui/app.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <variant>

#include <imgui.h>
#include <imgui_internal.h>

#include "io/plan_file.hpp"
#include "ui/platform/accessibility.hpp"
#include "ui/document/editing.hpp"
#include "ui/document/versions.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/platform/locator.hpp"
#include "ui/panels/panels.hpp"
#include "ui/platform/share_link.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

constexpr double kNoticeSeconds = 6.0;
constexpr double kAutosaveDelaySeconds = 0.4;  // debounce: a slider drag autosaves once it pauses

// A file name for a plan: its title with characters that file systems dislike replaced.
std::string file_name_for(const Plan& plan) {
    std::string name = plan.meta.title.empty() ? "trust-plan" : plan.meta.title;
    for (char& c : name)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
            c == '>' || c == '|' || static_cast<unsigned char>(c) < 32)
            c = '-';
    return name + ".json";
}

Plan blank_plan() {
    Plan plan;
    plan.meta.title = tr("Untitled trust plan");
    Stakeholder customers;
    customers.id = "customers";
    customers.name = tr("Customers");
    plan.stakeholders.push_back(customers);
    plan.culture.assessed = false;  // no evidence nobody entered: 0% / 0% would count as a bad culture
    return plan;
}

}  // namespace

std::string export_file_name(const Plan& plan, const std::string& suffix) {
    const std::string name = file_name_for(plan);
    return name.substr(0, name.size() - 5) + suffix;  // without ".json"
}

constexpr const char* kThemeNames[] = {"light", "dark", "projector"};

App::App(Platform& platform) : platform_(platform) {
    const std::string theme = platform_.load_preference("theme");
    for (int i = 0; i < 3; ++i)
        if (theme == kThemeNames[i]) theme_ = static_cast<Theme>(i);
    const std::string chosen = platform_.load_preference("language");
    std::optional<Language> language = language_from_code(chosen.empty() ? platform_.browser_language() : chosen);
    wanted_language_ = language.value_or(Language::en);
    use_wanted_language();
    const std::string panel = platform_.load_preference("panel");
    for (std::size_t i = 0; i < panels().size(); ++i)
        if (panel == panels()[i].name) panel_ = static_cast<int>(i);
}

float App::ui_scale() const {
    if (presenter_.on) return device_scale_ * 1.6f;  // read from the back of a room
    return device_scale_ * (theme_ == Theme::projector ? 1.3f : 1.0f);
}

float App::css_width() const { return ImGui::GetIO().DisplaySize.x / std::max(device_scale_, 0.01f); }

void App::apply_style() { apply_theme(presenter_.on ? Theme::projector : theme_, ui_scale()); }

void App::set_presenting(bool on) {
    if (presenter_.on == on) return;
    presenter_.on = on;
    platform_.set_fullscreen(on);
    apply_style();
}



void App::set_theme(Theme theme) {
    theme_ = theme;
    platform_.store_preference("theme", kThemeNames[static_cast<int>(theme)]);
    apply_style();
}

void App::set_language(Language language) {
    wanted_language_ = language;
    use_wanted_language();
    platform_.store_preference("language", language_info(language).code);
}

void App::use_wanted_language() {
    if (!wanted_language_) return;
    const Language language = *wanted_language_;
    if (language != Language::en && !platform_.translation_ready(language_info(language).code)) return;
    ui::set_language(language);
    wanted_language_.reset();
}

const std::vector<char32_t>& App::cjk_glyphs() {
    const std::uint64_t revision = doc_.is_open() ? doc_.revision() : ~0ull - 1;
    if (cjk_revision_ != revision || cjk_language_ != current_language()) {
        cjk_glyphs_ = translation_cjk();
        if (doc_.is_open()) collect_cjk(save_text(), cjk_glyphs_);
        cjk_revision_ = revision;
        cjk_language_ = current_language();
    }
    // Text being typed (an IME's commit) is not in the plan until the field commits: its glyphs too.
    if (const ImGuiInputTextState* typing = ImGui::GetCurrentContext() ? ImGui::GetInputTextState(ImGui::GetActiveID()) : nullptr) {
        for (ImWchar c : typing->TextW)
            if (is_cjk(c) && !std::binary_search(cjk_glyphs_.begin(), cjk_glyphs_.end(), static_cast<char32_t>(c))) {
                cjk_glyphs_.insert(std::upper_bound(cjk_glyphs_.begin(), cjk_glyphs_.end(), static_cast<char32_t>(c)), c);
            }
    }
    return cjk_glyphs_;
}

namespace {
// Also named in English, so someone who cannot read the chosen language still finds it.
std::string language_menu_label() {
    return current_language() == Language::en ? std::string("Language") : std::string(tr("Language")) + " / Language";
}
}  // namespace

void App::draw_language_menu() {
    if (!ImGui::BeginMenu((language_menu_label() + "###language").c_str())) return;
    draw_language_items();
    ImGui::EndMenu();
}

void App::draw_language_items() {
    for (const LanguageInfo& l : languages())
        if (ImGui::MenuItem(l.native_name, nullptr, current_language() == l.language)) set_language(l.language);
}

void App::show_panel_remembered(int index) {
    panel_ = index;
    platform_.store_preference("panel", panels()[static_cast<std::size_t>(index)].name);
}

LoadOutcome App::open_text(std::string_view text, const std::string& file_name) {
    if (io::is_survey_file_name(file_name)) {  // a survey export dropped or opened: the import screen, not a plan
        open_survey(*this, text, file_name);
        LoadOutcome survey;
        survey.ok = true;
        survey.kind = "survey";
        return survey;
    }
    if (std::optional<LoadOutcome> workshop = open_workshop_file(*this, text, file_name)) return *workshop;
    io::LoadResult loaded = io::load_plan(text);
    LoadOutcome outcome;
    outcome.ok = loaded.ok;
    outcome.errors = loaded.errors;
    if (!loaded.ok) {
        load_errors_ = loaded.errors;
        load_errors_file_ = file_name;
        return outcome;
    }
    forget_opened();
    opened_file_base_ = loaded.plan.meta.base;
    doc_.open(std::move(loaded.plan), file_name, loaded.newer_version);
    opened_pending_ = true;  // its canonical text and names: settle_opened(), once it is on screen
    autosaved_revision_ = 0;  // a newly opened plan is autosaved at once, as a version of its own
    autosave_new_version_ = true;
    if (loaded.newer_version)
        notify(tr("This plan was written by a newer version of Fiducia: it is open read-only, so "
                  "nothing it holds can be lost."));
    else
        notify(file_name.empty() ? tr("Opened the plan.") : trf("Opened %s", file_name.c_str()));
    return outcome;
}

void App::show_load_errors(std::vector<std::string> errors, std::string file_name) {
    load_errors_ = std::move(errors);
    load_errors_file_ = std::move(file_name);
}

void App::open_panel(PanelId id) { show_panel_remembered(static_cast<int>(id)); }

void App::receive_file(Platform::FilePurpose purpose, std::string_view text, const std::string& file_name) {
    if (purpose == Platform::FilePurpose::survey) return open_survey(*this, text, file_name);
    compare_receive_file(*this, purpose, text, file_name);
}

void App::restore_autosave(std::string_view text, const std::string& file_name, bool dirty) {
    io::LoadResult loaded = io::load_plan(text);
    if (!loaded.ok) return;  // storage holds something we cannot read: start clean, say nothing
    name_plan(loaded.plan, io::content_hash(loaded.plan));
    doc_.open(std::move(loaded.plan), file_name, loaded.newer_version, dirty);
    forget_opened();
    autosaved_revision_ = doc_.revision();
    notify(dirty ? tr("Restored your work from this browser's storage (not yet saved to a file).")
                 : tr("Restored your work from this browser's storage."));
}

void App::new_plan() {
    doc_.open(blank_plan(), "", false, true);
    forget_opened();
    plan_names_.clear();
    autosaved_revision_ = 0;
    autosave_new_version_ = true;
}

void App::save(bool save_as) {
    if (!doc_.is_open()) return;
    if (doc_.read_only()) {
        notify(tr("This plan is read-only (written by a newer version of Fiducia); saving it here "
                  "could drop what that version added."), true);
        return;
    }
    std::string name = doc_.file_name().empty() ? file_name_for(doc_.plan()) : doc_.file_name();
    platform_.save_file(name, save_text(), save_as);
    doc_.mark_saved(name);
    platform_.set_unsaved_changes(false);
    autosaved_revision_ = 0;  // record the clean state in storage too
}

std::string App::save_text() {
    if (!doc_.is_open()) return "";
    settle_opened();
    std::string text = opened_text_revision_ == doc_.revision() ? opened_text_ : io::save_plan(doc_.plan());
    // Once changed, the plan records the version it was opened from (README "Format extensions"),
    // so a colleague's copy of the same file names the same ancestor; unchanged, it saves as it was.
    // A merge sets its own base (undone with it), so only the base the file came with is replaced.
    if (opened_hash_.empty() || text == opened_text_ || doc_.plan().meta.base != opened_file_base_) return text;
    Plan plan = doc_.plan();
    plan.meta.base = opened_hash_;
    return io::save_plan(plan);
}

// A plan is named by its own content hash and the one it records as its origin (meta.base, set once
// an opened file is edited): a tab with the file as opened and a tab with an edited copy share a name.
void App::name_plan(const Plan& plan, const std::string& hash) {
    plan_names_ = {hash};
    if (!plan.meta.base.empty() && plan.meta.base != hash) plan_names_.push_back(plan.meta.base);
}

// Opening a file only reads and checks it; the canonical text and content hash that name it are
// written here, at the first autosave or save (which needs that same text) or the first telling of
// the other tabs: one serialisation, not two, and none before the plan is on screen (issue 13).
void App::settle_opened() {
    if (!opened_pending_) return;
    opened_pending_ = false;
    const Plan* opened = doc_.as_opened();
    if (!opened) {  // more edits than the undo history keeps before a single frame: unnamed, no base recorded
        plan_names_.clear();
        return forget_opened();
    }
    std::string text = io::save_plan(*opened);
    std::string hash = io::content_hash(*opened, text);
    name_plan(*opened, hash);
    if (doc_.read_only()) return;  // a newer version's file is never saved here: nothing to compare with
    opened_text_revision_ = opened == &doc_.plan() ? doc_.revision() : 0;
    opened_text_ = std::move(text);
    opened_hash_ = std::move(hash);
}

void App::tell_other_tabs() {
    settle_opened();
    std::vector<std::string> names = doc_.is_open() ? plan_names_ : std::vector<std::string>{};
    std::string told;
    for (const std::string& name : names) told += name + " ";
    if (told != announced_plan_) {
        announced_plan_ = told;
        platform_.announce_plan(names);
    }
    if (platform_.other_tab_has_plan())
        notify(tr("This plan is also open in another tab of this browser. Each tab keeps its own autosave, so "
                  "neither overwrites the other; to end with one plan, work in one tab, or save both and merge "
                  "them (Compare and merge)."));
}

void App::forget_opened() {  // not opened from a file: the plan keeps whatever base it has
    opened_pending_ = false;
    opened_text_revision_ = 0;
    opened_text_.clear();
    opened_hash_.clear();
    opened_file_base_.clear();
}

std::string App::summary_text() {
    const Projection* p = projection();
    return p ? io::summary_json(doc_.plan(), *p) : "{}";
}

const Projection* App::projection() {
    if (!doc_.is_open()) return nullptr;
    if (projection_revision_ != doc_.revision()) {
        projection_ = project(doc_.plan());
        projection_revision_ = doc_.revision();
    }
    return &*projection_;
}

const Projection* App::projection_before_measurements() {
    if (!doc_.is_open() || !(doc_.plan().settings.observation_weight > 0)) return nullptr;
    if (before_measurements_revision_ != doc_.revision()) {
        Plan unmeasured = doc_.plan();
        unmeasured.settings.observation_weight = 0;
        before_measurements_ = project(unmeasured);
        before_measurements_revision_ = doc_.revision();
    }
    return &*before_measurements_;
}

const Calibration* App::calibration() {
    if (!doc_.is_open()) return nullptr;
    if (calibration_revision_ != doc_.revision()) {
        calibration_ = calibrate(doc_.plan());
        calibration_revision_ = doc_.revision();
    }
    return &*calibration_;
}

const std::vector<PlanCheck>& App::plan_checks() {
    if (checks_revision_ != doc_.revision()) {
        const Projection* p = projection();
        checks_ = p ? fiducia::plan_checks(doc_.plan(), *p) : std::vector<PlanCheck>{};
        checks_revision_ = doc_.revision();
    }
    return checks_;
}

const std::vector<io::Problem>& App::plan_errors() {
    if (plan_errors_revision_ != doc_.revision()) {
        plan_errors_ = doc_.is_open() ? io::validate(doc_.plan()) : std::vector<io::Problem>{};
        plan_errors_revision_ = doc_.revision();
    }
    return plan_errors_;
}

std::string App::error_at(const std::string& pointer) {
    for (const io::Problem& e : plan_errors())
        if (e.located && e.pointer == pointer) return e.rule;
    return {};
}

void App::jump_to(const std::string& pointer) {
    // "/touchpoints/3/bad_share" -> list "touchpoints", index 3.
    std::size_t second = pointer.find('/', 1);
    const std::string list = pointer.substr(1, second == std::string::npos ? std::string::npos : second - 1);
    int index = 0;
    if (second != std::string::npos)
        for (std::size_t i = second + 1; i < pointer.size() && pointer[i] >= '0' && pointer[i] <= '9'; ++i)
            index = index * 10 + (pointer[i] - '0');
    const Plan& plan = doc_.plan();
    PanelId panel = PanelId::dashboard;
    if (list == "meta" || list == "settings" || list == "version" || list == "fiducia") panel = PanelId::plan_settings;
    else if (list == "culture") panel = PanelId::culture;
    else if (list == "workshop") panel = PanelId::workshop;
    else if (list == "stakeholders") panel = PanelId::stakeholders, editor_view_.stakeholder = index;
    else if (list == "knowledge_sources") panel = PanelId::knowledge, editor_view_.knowledge_source = index;
    else if (list == "commitments") panel = PanelId::commitments, editor_view_.commitment = index;
    else if (list == "actions") panel = PanelId::actions, editor_view_.action = index;
    else if (list == "scenarios") panel = PanelId::scenarios, editor_view_.scenario = index;
    else if (list == "observations") panel = PanelId::measurements, editor_view_.measurement_group.clear();
    else if (list == "touchpoints") {
        panel = PanelId::journey;
        editor_view_.touchpoint = index;
        if (index < static_cast<int>(plan.touchpoints.size()))
            editor_view_.journey_group = plan.touchpoints[static_cast<std::size_t>(index)].stakeholder;
    }
    open_panel(panel);
}

void App::draw_problems() {
    const std::vector<io::Problem>& errors = plan_errors();
    if (errors.empty()) return;
    const std::string label = (errors.size() == 1 ? trf("%d problem", 1)
                                                  : trf("%d problems", static_cast<int>(errors.size()))) + "###problems";
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.12f, 1));
    const bool open = ImGui::BeginMenu(label.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip))
        set_tooltip("%s", tr("What a colleague's Fiducia would refuse in this plan. Click one to go to it."));
    if (!open) return;
    for (std::size_t i = 0; i < errors.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::MenuItem(errors[i].text().c_str())) jump_to(errors[i].pointer);
        ImGui::PopID();
    }
    ImGui::EndMenu();
}

bool App::busy() const { return busy_here() || simulation_.elsewhere || optimiser_.elsewhere || sensitivity_.elsewhere; }

bool App::busy_here() const {
    return simulation_.running || optimiser_.running || sensitivity_.running || chart_capture_frames_ > 0 ||
           (doc_.is_open() && !doc_.read_only() && autosaved_revision_ != doc_.revision());
}

bool App::waiting_on_background() const { return busy() && !busy_here(); }

namespace {
// A job begins: in the platform's background when it takes it, else here.
template <class J, class... Local>
void begin_job(J& job, bool elsewhere, double now, std::uint64_t revision, const Local&... local) {
    job.progress = 0;
    job.elsewhere = elsewhere;
    if (!elsewhere) job.running.emplace(local...);
    job.result.reset();
    job.revision = revision;
    job.started = now;
}

SimulationResult result_of(const Simulation& s) { return s.result(); }
OptimiseResult result_of(const Optimiser& o) { return o.result(); }
std::vector<SensitivityItem> result_of(const Sensitivity& s) { return sensitivity_gather({s.items()}); }

// A job's part of a frame: the platform's news of it, else a slice of its work here until `until`.
// `failed`: why the background run stopped; `notice`: why it went to the page's thread instead.
template <class J>
void step_job(Platform& platform, J& job, Platform::Work work, double until, std::int64_t slice, std::string& failed,
              std::string& notice) {
    Platform::WorkPoll poll;
    if (job.elsewhere && platform.poll_work(work, poll)) {
        job.elsewhere = false;
        if (auto* result = std::get_if<typename decltype(job.result)::value_type>(&poll.result)) {
            job.result = std::move(*result);
            job.seconds = platform.now_seconds() - job.started;
        } else {
            failed = poll.failed.empty() ? std::string("-") : poll.failed;
        }
    }
    if (job.elsewhere) job.progress = poll.progress;
    notice = poll.notice;
    while (job.running && platform.now_seconds() < until) {
        job.running->step(slice);
        job.progress = job.running->progress();
        if (job.running->done()) {
            job.result = result_of(*job.running);
            job.running.reset();
            job.seconds = platform.now_seconds() - job.started;
        }
    }
}
}  // namespace

void App::start_simulation(const SimulationOptions& options) {
    cancel_jobs();
    begin_job(simulation_, platform_.start_simulation(save_text(), options), platform_.now_seconds(), doc_.revision(),
              doc_.plan(), options);
}

void App::start_optimiser(const OptimiseOptions& options) {
    if (optimiser_.elsewhere) platform_.cancel_work(Platform::Work::optimiser);
    begin_job(optimiser_, platform_.start_optimiser(save_text(), options), platform_.now_seconds(), doc_.revision(),
              doc_.plan(), options);
    optimiser_.options = options;
}

void App::start_sensitivity() {
    cancel_sensitivity();
    sensitivity_.cancelled = false;
    const ProjectionOptions options;
    begin_job(sensitivity_, platform_.start_sensitivity(save_text(), options), platform_.now_seconds(), doc_.revision(),
              doc_.plan(), options);
}

void App::cancel_jobs() {
    if (simulation_.elsewhere) platform_.cancel_work(Platform::Work::simulation);
    if (optimiser_.elsewhere) platform_.cancel_work(Platform::Work::optimiser);
    simulation_.elsewhere = optimiser_.elsewhere = false;
    simulation_.running.reset();
    optimiser_.running.reset();
}

void App::cancel_sensitivity() {
    if (sensitivity_.elsewhere) platform_.cancel_work(Platform::Work::sensitivity);
    sensitivity_.cancelled = sensitivity_.is_running();
    sensitivity_.elsewhere = false;
    sensitivity_.running.reset();
}

void App::step_jobs() {
    constexpr double kSliceSeconds = 0.012;  // leaves most of a 60 Hz frame for drawing
    const double until = platform_.now_seconds() + kSliceSeconds;
    std::string failed[3], notice[3];
    step_job(platform_, simulation_, Platform::Work::simulation, until, 2000, failed[0], notice[0]);
    step_job(platform_, optimiser_, Platform::Work::optimiser, until, 64, failed[1], notice[1]);
    step_job(platform_, sensitivity_, Platform::Work::sensitivity, until, 4, failed[2], notice[2]);
    static const char* const kStopped[] = {tr_noop("The simulation stopped: %s. Nothing else was changed."),
                                           tr_noop("The search for the best set stopped: %s. Nothing else was changed."),
                                           tr_noop("The sensitivity analysis stopped: %s. Nothing else was changed.")};
    static const char* const kForeground[] = {
        tr_noop("This browser could not run the simulation in the background (%s): it runs on this page between frames "
                "instead, which takes longer."),
        tr_noop("This browser could not run the search in the background (%s): it runs on this page between frames "
                "instead, which takes longer."),
        tr_noop("This browser could not run the sensitivity analysis in the background (%s): it runs on this page "
                "between frames instead, which takes longer.")};
    for (int w = 0; w < 3; ++w) {
        if (!failed[w].empty()) notify(trf(kStopped[w], failed[w].c_str()), true);
        if (!notice[w].empty() && !std::exchange(said_foreground_, true)) notify(trf(kForeground[w], notice[w].c_str()));
    }
}

void App::flush_autosave() { autosave_if_due(true); }

void App::notify(std::string text, bool is_error) {
    notices_.push_back({std::move(text), is_error, platform_.now_seconds() + kNoticeSeconds});
}

void App::autosave_if_due(bool now_please) {
    if (!doc_.is_open() || doc_.read_only()) return;
    double now = platform_.now_seconds();
    if (doc_.revision() != seen_revision_) {
        seen_revision_ = doc_.revision();
        last_change_time_ = now;
        platform_.set_unsaved_changes(doc_.dirty());
    }
    if (autosaved_revision_ == doc_.revision() ||
        (!now_please && now - last_change_time_ < kAutosaveDelaySeconds))
        return;
    std::string error;
    Platform::Autosave record{save_text(), doc_.plan().meta.title, doc_.file_name(), doc_.dirty(),
                              autosave_new_version_};
    autosave_new_version_ = false;
    if (!platform_.autosave(record, error)) autosave_failed(error);
    autosaved_revision_ = doc_.revision();
}

void App::autosave_failed(const std::string& reason) {
    notify(trf("Autosave failed: %s. Save the plan to a file (Ctrl+S) to keep it.", reason.c_str()), true);
}

void App::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_F5, false) && doc_.is_open()) set_presenting(!presenter_.on);
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(ImGuiKey_S, false)) save(io.KeyShift);
    if (ImGui::IsKeyPressed(ImGuiKey_O, false)) platform_.request_open_file();
    if (io.WantTextInput) return;  // text fields keep their own undo
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) io.KeyShift ? doc_.redo() : doc_.undo();
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) doc_.redo();
}

void App::draw_file_menu() {
    if (ImGui::MenuItem(tr("New plan"))) new_plan();
    if (ImGui::MenuItem(tr("Open..."), "Ctrl+O")) platform_.request_open_file();
    if (ImGui::MenuItem(tr("Save"), "Ctrl+S", false, doc_.is_open())) save(false);
    if (ImGui::MenuItem(tr("Save as..."), "Ctrl+Shift+S", false, doc_.is_open())) save(true);
    draw_export_menu();
    if (ImGui::MenuItem(tr("Copy share link"), nullptr, false, doc_.is_open())) copy_share_link(*this);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip | ImGuiHoveredFlags_AllowWhenDisabled))
        set_tooltip(tr("Copies a link to this page with the whole plan packed inside it (links up to %d "
                             "characters). Opening the link opens the plan, offline too; the plan is never sent "
                             "to any server, but whoever has the link can read it."), kShareLinkMaxChars);
    if (ImGui::BeginMenu(tr("Restore previous version"))) {
        draw_stored_versions();
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Close plan"), nullptr, false, doc_.is_open())) doc_.close();
}

void App::draw_edit_menu() {
    if (ImGui::MenuItem(tr("Undo"), "Ctrl+Z", false, doc_.can_undo())) doc_.undo();
    if (ImGui::MenuItem(tr("Redo"), "Ctrl+Y", false, doc_.can_redo())) doc_.redo();
}

void App::draw_view_menu() {
    for (int i = 0; i < 3; ++i) {
        const char* names[] = {tr("Light theme"), tr("Dark theme"), tr("Projector (large, high contrast)")};
        if (ImGui::MenuItem(names[i], nullptr, theme_ == static_cast<Theme>(i))) set_theme(static_cast<Theme>(i));
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Presenter mode"), "F5", false, doc_.is_open())) set_presenting(true);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip | ImGuiHoveredFlags_AllowWhenDisabled))
        set_tooltip("%s", tr("Full screen, one chart at a time in large type, with a timer for workshop "
                                   "rounds. Arrow keys change the chart; Esc leaves."));
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    if (narrow()) {
        // A phone has no room for four menus in Italian or Indonesian: one menu, in sections.
        if (ImGui::BeginMenu(tr("Menu"))) {
            ImGui::SeparatorText(tr("File"));
            draw_file_menu();
            ImGui::SeparatorText(tr("Edit"));
            draw_edit_menu();
            ImGui::SeparatorText(tr("View"));
            draw_view_menu();
            ImGui::SeparatorText(language_menu_label().c_str());
            draw_language_items();
            ImGui::EndMenu();
        }
    } else {
        if (ImGui::BeginMenu(tr("File"))) {
            draw_file_menu();
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(tr("Edit"))) {
            draw_edit_menu();
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(tr("View"))) {
            draw_view_menu();
            ImGui::EndMenu();
        }
        draw_language_menu();
    }
    if (doc_.is_open()) draw_problems();
    if (doc_.is_open()) draw_checks_menu(*this);
    if (doc_.is_open()) draw_file_state();
    ImGui::EndMenuBar();
}

void App::draw_file_state() {
    std::string state = doc_.file_name().empty() ? tr("not saved to a file") : doc_.file_name();
    if (doc_.read_only()) state += std::string("  ") + tr("(read-only)");
    else if (doc_.dirty()) state += std::string("  ") + tr("(unsaved changes, kept in this browser)");
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SameLine();
    const float left = ImGui::GetCursorPosX() + spacing, right = ImGui::GetWindowWidth() - spacing;
    if (right - left < ImGui::GetFontSize() * 3) return;  // no room for even a few letters
    const std::string shown = fit_text(state, right - left);
    ImGui::SameLine(right - ImGui::CalcTextSize(shown.c_str()).x);
    ImGui::TextDisabled("%s", shown.c_str());
    cut_label_tooltip(shown, state);
}

void App::draw_stored_versions() {
    std::vector<Platform::StoredVersion> versions = platform_.stored_versions();
    if (versions.empty()) quiet_note(tr("No earlier versions are kept in this browser yet."));
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const Platform::StoredVersion& v = versions[i];
        const std::string when = local_version_time(v.time);
        const std::string changes = i + 1 < versions.size() ? version_changes_text(versions, i) : tr("the oldest kept");
        std::string label = when + "   " + (v.title.empty() ? tr("untitled plan") : v.title) + "   (" + changes + ")";
        // Cut to the screen like every label, whole in the tooltip.
        const std::string shown = fit_text(label, ImGui::GetMainViewport()->Size.x * 0.6f);
        if (ImGui::MenuItem((shown + "##version" + std::to_string(i)).c_str())) restore_version(i);
        cut_label_tooltip(shown, label);
        if (shown == label && i + 1 < versions.size())
            item_tooltip(trf("Changed from the version before it: %s. Ctrl+Z after restoring brings back the plan you had.",
                             changes.c_str()).c_str());
    }
}

std::string App::local_version_time(const std::string& iso) {
    const std::optional<long long> utc = parse_utc_time(iso);
    return local_time_text(iso, utc ? platform_.utc_offset_minutes(*utc) : 0);
}

std::string App::version_changes_text(const std::vector<Platform::StoredVersion>& versions, std::size_t index) {
    // Diffing two plans projects both: once per list of versions, not every frame the menu is open.
    std::string signature;
    for (const Platform::StoredVersion& v : versions) signature += v.time + "/" + std::to_string(v.size) + "|";
    if (signature != versions_signature_) {
        versions_signature_ = signature;
        version_changes_.assign(versions.size(), std::string());
    }
    std::string& text = version_changes_[index];
    if (text.empty()) {
        const io::LoadResult older = io::load_plan(platform_.stored_version_text(index + 1));
        const io::LoadResult newer = io::load_plan(platform_.stored_version_text(index));
        text = older.ok && newer.ok ? version_changes(older.plan, newer.plan) : tr("could not be read");
    }
    return text;
}

bool App::restore_version(std::size_t index) {
    std::vector<Platform::StoredVersion> versions = platform_.stored_versions();
    io::LoadResult loaded = io::load_plan(platform_.stored_version_text(index));
    if (index >= versions.size() || !loaded.ok) {
        notify(tr("That stored version could not be read; nothing was changed."), true);
        return false;
    }
    const Platform::StoredVersion v = versions[index];
    flush_autosave();  // the plan as it is now becomes the newest version (read first: indexes shift)
    name_plan(loaded.plan, io::content_hash(loaded.plan));
    doc_.restore(std::move(loaded.plan), v.file_name, loaded.newer_version);  // one undo step: Ctrl+Z takes it back
    forget_opened();
    autosaved_revision_ = 0;
    autosave_new_version_ = true;
    notify(trf("Restored the version of %s. The plan you had is kept in this list, and Ctrl+Z brings it back.",
               local_version_time(v.time).c_str()));
    return true;
}

void App::draw_load_errors() {
    if (!load_errors_.empty() && !ImGui::IsPopupOpen("###load-errors")) ImGui::OpenPopup("###load-errors");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, 0), ImGuiCond_Appearing);
    const std::string title = std::string(tr("This file was not opened")) + "###load-errors";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return;
    const char* file = load_errors_file_.empty() ? tr("The file") : load_errors_file_.c_str();
    const int count = static_cast<int>(load_errors_.size());
    ImGui::TextWrapped("%s %s", (count == 1 ? trf("%s has 1 problem.", file) : trf("%s has %d problems.", file, count)).c_str(),
                       doc_.is_open() ? tr("Nothing was changed: your open plan is as it was.")
                                      : tr("Nothing was changed: no plan was opened."));
    quiet_note(tr("The problems are listed in English, as technical details."));
    ImGui::Spacing();
    float list_height = ImGui::GetTextLineHeightWithSpacing() *
                        static_cast<float>(std::min<std::size_t>(load_errors_.size(), 12) + 1);
    if (ImGui::BeginChild("errors", ImVec2(0, list_height), true)) {
        for (const std::string& e : load_errors_) ImGui::BulletText("%s", e.c_str());
    }
    ImGui::EndChild();
    if (ImGui::Button(tr("Copy the list"))) {
        std::string all;
        for (const std::string& e : load_errors_) all += e + "\n";
        ImGui::SetClipboardText(all.c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Close")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        load_errors_.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void App::draw_notices(float bottom_margin) {
    double now = platform_.now_seconds();
    std::erase_if(notices_, [now](const Notice& n) { return n.until < now; });
    if (notices_.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float pad = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - pad, vp->WorkPos.y + vp->WorkSize.y - pad - bottom_margin),
                            ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowBgAlpha(0.95f);
    const float width = std::min(pad * 30, vp->WorkSize.x - pad * 2);  // a phone: inside the screen
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width, FLT_MAX));
    ImGui::Begin("##notices", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoSavedSettings);
    for (const Notice& n : notices_) {
        if (n.is_error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.35f, 0.3f, 1));
        ImGui::PushTextWrapPos(width - pad);
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        if (n.is_error) ImGui::PopStyleColor();
    }
    ImGui::End();
}

bool App::draw_panel_list() {
    const char* section = "";
    std::span<const PanelInfo> list = panels();
    const float width = ImGui::GetContentRegionAvail().x;
    bool chosen = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (std::string_view(section) != list[i].section) {
            section = list[i].section;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", tr(section));
        }
        // A long name (Italian, Indonesian) is cut to the sidebar with an ellipsis, whole in the tooltip.
        const std::string name = tr(list[i].name);
        const std::string shown = fit_text(name, width - ImGui::GetStyle().ItemSpacing.x);
        const std::string label = shown == name ? name : shown + "##" + name;
        if (ImGui::Selectable(label.c_str(), panel_ == static_cast<int>(i))) {
            show_panel_remembered(static_cast<int>(i));
            chosen = true;
        }
        a11y::set_name(name);  // read out whole, though cut on screen
        a11y::set_selected(panel_ == static_cast<int>(i));
        if (!ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) continue;
        if (shown == name) set_tooltip("%s", tr(list[i].hint));
        else set_tooltip("%s\n%s", name.c_str(), tr(list[i].hint));
    }
    return chosen;
}

void App::draw_navigation() {
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("navigation", ImVec2(em * 11, 0), false);
    draw_panel_list();
    ImGui::EndChild();
}

void App::draw_panel_menu() {
    const PanelInfo& current = panels()[static_cast<std::size_t>(panel_)];
    const ImGuiStyle& style = ImGui::GetStyle();
    // As tall as a finger needs: this is how a phone moves between panels.
    const float pad_y = std::max(style.FramePadding.y, (touch_target() - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, pad_y));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Panel"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, ImGui::GetMainViewport()->WorkSize.y * 0.85f));
    const bool open = begin_combo("##panel-menu", tr(current.name), ImGuiComboFlags_HeightLargest);
    ImGui::PopStyleVar();
    if (!open) {
        item_tooltip(tr("Choose the panel to show: the dashboard, the plan's editors, the analyses, help."));
        return;
    }
    draw_panel_list();
    ImGui::EndCombo();
}

void App::draw() {
    use_wanted_language();
    handle_shortcuts();
    if (presenter_.on && doc_.is_open()) {
        step_jobs();  // a simulation started before keeps running behind the charts
        draw_presenter(*this);
        draw_notices(presenter_controls_height());
        autosave_if_due();
        tell_other_tabs();
        frame_due_ = presenter_.on ? presenter_.timer.next_change(platform_.now_seconds()) : -1;
        return;
    }
    frame_due_ = -1;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("Fiducia", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(2);
    draw_menu_bar();
    step_jobs();
    if (scoring_) {
        draw_workshop_score(*this);
    } else if (doc_.is_open()) {
        panel_ = std::clamp(panel_, 0, static_cast<int>(panels().size()) - 1);
        // A phone's width goes to the panel: the panels are listed in a menu above it.
        if (narrow()) {
            draw_panel_menu();
        } else {
            draw_navigation();
            ImGui::SameLine();
        }
        if (ImGui::BeginChild("panel", ImVec2(0, 0), false)) panels()[static_cast<std::size_t>(panel_)].draw(*this);
        ImGui::EndChild();
    } else {
        draw_start_screen(*this, examples_);
    }
    draw_load_errors();
    ImGui::End();
    if (!capture_chart_if_due()) draw_notices();  // no notice over the chart being saved
    autosave_if_due();
    tell_other_tabs();
}

}  // namespace fiducia::ui
