// Measurements > Import survey... (survey_import.hpp): the mapping screen, the preview of the
// measurements and of each group's driver weights beside its current ones, and Apply as one undo step.
#include "ui/panels/survey_import.hpp"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using namespace chart;

void rebuild(App& app, SurveyImportView& v) {
    const std::uint64_t revision = app.document().revision();
    if (!v.stale && v.revision == revision) return;
    v.stale = false;
    v.revision = revision;
    if (v.mapping.overall < 0) {
        v.survey = {};
        v.fits.clear();
        v.found = {};
        return;
    }
    v.survey = io::read_survey(v.table, v.mapping);
    v.fits = io::survey_drivers(v.survey);
    v.found = io::survey_observations(app.document().plan(), v.survey, static_cast<int>(v.month), v.file_name);
}

// Why a group has no driver weights, in the UI's language.
std::string issue_text(const io::Survey& survey, const DriverFit& f) {
    const int d = f.dimension >= 0 && static_cast<std::size_t>(f.dimension) < survey.dimensions.size()
                      ? survey.dimensions[static_cast<std::size_t>(f.dimension)] : 0;
    switch (f.issue) {
        case DriverIssue::none: return "";
        case DriverIssue::no_dimension: return tr("No dimension column is chosen.");
        case DriverIssue::too_few_rows:
            return trf("Too few respondents: %d with every score, at least %d needed.", static_cast<int>(f.n),
                       static_cast<int>(min_driver_rows(survey.dimensions.size())));
        case DriverIssue::same_overall: return tr("Every respondent gave the same overall score.");
        case DriverIssue::same_answers: return trf("Every respondent gave %s the same score.", dimension_name(d));
        case DriverIssue::collinear:
            return trf("%s follows from the dimensions before it (collinear answers).", dimension_name(d));
        case DriverIssue::explains_nothing: return tr("The dimension scores explain none of the overall score.");
    }
    return "";
}

// A combo of the file's columns (and "none" when the role is optional); true when changed.
bool column_combo(const char* label, const SurveyImportView& v, int& column, bool optional, const char* tooltip) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::min(em * 14, ImGui::GetContentRegionAvail().x * 0.6f));
    const std::string preview = column < 0 ? tr("(none)") : io::column_label(v.table, column);
    bool changed = false;
    if (begin_combo(label, preview.c_str())) {
        if (optional && ImGui::Selectable(tr("(none)"), column < 0)) column = -1, changed = true;
        for (std::size_t c = 0; c < v.table.header.size(); ++c) {
            ImGui::PushID(static_cast<int>(c));
            if (ImGui::Selectable(io::column_label(v.table, static_cast<int>(c)).c_str(), column == static_cast<int>(c)))
                column = static_cast<int>(c), changed = true;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    item_tooltip(tooltip);
    return changed;
}

void draw_mapping(App& app, SurveyImportView& v) {
    const Plan& plan = app.document().plan();
    ImGui::SeparatorText(tr("Columns"));
    bool changed = column_combo(tr("Group"), v, v.mapping.group, true,
                                tr("The column naming each respondent's group: a stakeholder's id or name. None: every row is one group."));
    changed |= column_combo(tr("Overall trust"), v, v.mapping.overall, false,
                            tr("The column with each respondent's overall trust score. Scoring 6-9 of 9 counts as trusting."));
    for (int d = 0; d < kDimensions; ++d)
        changed |= column_combo(dimension_name(d), v, v.mapping.dimensions[static_cast<std::size_t>(d)], true,
                                tr("The column with this dimension's score, if the survey asked it."));
    changed |= column_combo(tr("NPS (0-10)"), v, v.mapping.nps, true,
                            tr("How likely respondents are to recommend you, 0-10: adds an NPS measurement per group."));
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::min(em * 14, ImGui::GetContentRegionAvail().x * 0.6f));
    int scale = static_cast<int>(v.mapping.scale);
    if (ImGui::Combo(tr("Answer scale"), &scale, io::kSurveyScaleLabels.data(), static_cast<int>(io::kSurveyScaleLabels.size()))) {
        v.mapping.scale = static_cast<io::SurveyScale>(scale);
        changed = true;
    }
    item_tooltip(tr("The scale of the overall and dimension answers; each is mapped linearly onto 1-9 "
                    "(on 1-5: 1 is 1, 3 is 5, 5 is 9)."));
    ImGui::SetNextItemWidth(std::min(em * 14, ImGui::GetContentRegionAvail().x * 0.6f));
    changed |= number_field(tr("Month"), v.month, {.min = 0, .max = double(std::max(0, plan.settings.horizon_months)),
                                                   .format = "%.0f", .whole = true});
    item_tooltip(tr("The month the survey was taken: 0 = today, up to the horizon."));
    if (changed) v.stale = true;
}

void draw_preview(App& app, const SurveyImportView& v) {
    const Plan& plan = app.document().plan();
    ImGui::SeparatorText(tr("Measurements to add"));
    if (v.mapping.overall < 0) {
        field_error(tr("Choose the column that holds the overall trust score."));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("survey-preview", 4, flags)) {
        ImGui::TableSetupColumn(tr("Group in the file"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr("Stakeholder"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr("Trust share"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(tr("NPS"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        for (std::size_t g = 0; g < v.survey.groups.size(); ++g) {
            const io::SurveyGroup& sg = v.survey.groups[g];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(sg.name.empty() ? tr("(no group)") : sg.name);
            ImGui::TableNextColumn();
            const int s = g < v.found.stakeholder.size() ? v.found.stakeholder[g] : -1;
            if (s < 0) {
                field_error(tr("matches no stakeholder"));
                continue;
            }
            cell_text(stakeholder_label(plan, static_cast<std::size_t>(s)));
            ImGui::TableNextColumn();
            if (sg.with_overall) {
                ImGui::TextUnformatted(format_percent(double(sg.trusting) / double(sg.with_overall)).c_str());
                item_tooltip(trf("%d of %d respondents scored overall trust 6-9.", static_cast<int>(sg.trusting),
                                 static_cast<int>(sg.with_overall)).c_str());
            } else {
                ImGui::TextDisabled("-");
            }
            ImGui::TableNextColumn();
            if (sg.nps_answers) {
                ImGui::TextUnformatted(format_number(100.0 * (double(sg.promoters) - double(sg.detractors)) / double(sg.nps_answers), 1).c_str());
            } else {
                ImGui::TextDisabled("-");
            }
        }
        ImGui::EndTable();
    }
    if (!v.found.unmatched.empty())
        field_error(tr("Each group must be a stakeholder's id or name (Stakeholders); rename it there or in the file."));
}

void draw_drivers(App& app, SurveyImportView& v) {
    const Plan& plan = app.document().plan();
    subheading(tr("What drives each group's trust"),
               tr("Overall trust regressed on the dimension scores, per group; each dimension's bar is its share of the "
                  "explained variance R² (Shapley value). The grey bar is the group's weight now (docs/MODEL.md "
                  "\"Key drivers from survey responses\")."));
    legend_swatch(up_colour());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("driver weight"));
    ImGui::SameLine();
    legend_swatch(with_alpha(neutral_colour(), 0.45f));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("weight now (in brackets)"));
    if (v.survey.dimensions.empty()) {
        quiet_note(tr("Choose at least one dimension column to see what drives trust."));
        return;
    }
    for (std::size_t g = 0; g < v.survey.groups.size() && g < v.fits.size(); ++g) {
        const DriverFit& f = v.fits[g];
        const int s = g < v.found.stakeholder.size() ? v.found.stakeholder[g] : -1;
        const std::string name = v.survey.groups[g].name.empty() ? tr("(no group)") : v.survey.groups[g].name;
        ImGui::PushID(static_cast<int>(g));
        ImGui::TextUnformatted(name.c_str());
        ImGui::SameLine();
        if (f.r2)
            ImGui::TextDisabled("%s", trf("R² %s, %d respondents", format_number(*f.r2, 2).c_str(), static_cast<int>(f.n)).c_str());
        if (f.weights.empty()) {
            ImGui::TextDisabled("%s", issue_text(v.survey, f).c_str());
            ImGui::PopID();
            continue;
        }
        DimensionWeights now = {0.2, 0.2, 0.2, 0.2, 0.2};
        if (s >= 0) now = with_driver_weights(plan.stakeholders[static_cast<std::size_t>(s)].weights, {}, {});
        BarChart chart;
        chart.x = Axis{0, 1, Format::percent};
        for (std::size_t j = 0; j < f.weights.size(); ++j) {
            const int d = v.survey.dimensions[j];
            BarRow row;
            row.label = dimension_name(d);
            row.bars.push_back({0, f.weights[j], up_colour()});
            row.bars.push_back({0, now[static_cast<std::size_t>(d)], with_alpha(neutral_colour(), 0.45f)});
            row.value_text = format_percent(f.weights[j], 0) + " (" + format_percent(now[static_cast<std::size_t>(d)], 0) + ")";
            row.tooltip = trf("%s: %s of the explained variance; its weight now is %s.", dimension_name(d),
                              format_percent(f.weights[j]).c_str(), format_percent(now[static_cast<std::size_t>(d)]).c_str());
            chart.rows.push_back(row);
        }
        bar_chart("##drivers", chart);
        ImGui::PopID();
    }
}

}  // namespace

void open_survey(App& app, std::string_view text, const std::string& file_name) {
    SurveyImportView& v = app.survey_import();
    v = SurveyImportView{};
    v.open = true;
    v.file_name = file_name;
    io::CsvRead read = io::read_csv(text);
    if (!read.ok) {
        v.error = read.error;
    } else {
        v.table = std::move(read.table);
        v.mapping = io::detect_mapping(v.table);
    }
    app.open_panel(PanelId::measurements);
}

bool apply_survey(App& app) {
    SurveyImportView& v = app.survey_import();
    rebuild(app, v);
    if (v.mapping.overall < 0 || !v.found.unmatched.empty() || v.found.observations.empty() || app.document().read_only()) return false;
    Plan& p = app.document().begin_edit();
    p.observations.insert(p.observations.end(), v.found.observations.begin(), v.found.observations.end());
    if (v.set_weights) {
        for (std::size_t g = 0; g < v.fits.size() && g < v.found.stakeholder.size(); ++g) {
            const int s = v.found.stakeholder[g];
            if (s < 0 || v.fits[g].weights.empty() || static_cast<std::size_t>(s) >= p.stakeholders.size()) continue;
            Stakeholder& sh = p.stakeholders[static_cast<std::size_t>(s)];
            sh.weights = with_driver_weights(sh.weights, v.survey.dimensions, v.fits[g].weights);
        }
    }
    app.document().end_gesture();
    app.notify(trf("Added %d measurements from %s. Ctrl+Z undoes the import.", static_cast<int>(v.found.observations.size()),
                   v.file_name.c_str()));
    v = SurveyImportView{};
    return true;
}

void draw_survey_import(App& app) {
    SurveyImportView& v = app.survey_import();
    heading(trf("Import survey: %s", v.file_name.c_str()).c_str());
    if (!v.error.empty()) {
        field_error(trf("This file cannot be read as a survey: %s", v.error.c_str()));
        if (ImGui::Button(tr("Choose another file..."))) app.request_file(Platform::FilePurpose::survey);
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) v = SurveyImportView{};
        return;
    }
    ImGui::TextDisabled("%s", trf("%d rows, %d columns.", static_cast<int>(v.table.rows.size()),
                                  static_cast<int>(v.table.header.size())).c_str());
    rebuild(app, v);
    const bool can_apply = v.mapping.overall >= 0 && v.found.unmatched.empty() && !v.found.observations.empty() &&
                           !app.document().read_only();
    ImGui::BeginDisabled(!can_apply);
    const bool apply = ImGui::Button(tr("Apply"));
    ImGui::EndDisabled();
    item_tooltip(tr("Add these measurements (and, if ticked, the driver weights) to the plan as one step; Ctrl+Z undoes it."));
    if (apply && apply_survey(app)) return;
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) {
        v = SurveyImportView{};
        return;
    }
    ImGui::SameLine();
    ImGui::Checkbox(tr("Also set the driver weights"), &v.set_weights);
    item_tooltip(tr("Set each group's dimension weights to its driver weights: the measured dimensions share what they "
                    "weigh now in the drivers' proportions; dimensions not asked keep their weight. Groups without driver "
                    "weights keep theirs."));
    if (ImGui::BeginChild("survey-import", ImVec2(0, 0))) {
        draw_mapping(app, v);
        rebuild(app, v);
        draw_preview(app, v);
        if (v.mapping.overall >= 0) draw_drivers(app, v);
    }
    ImGui::EndChild();
}

}  // namespace fiducia::ui
