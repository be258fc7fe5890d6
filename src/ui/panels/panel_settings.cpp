// Plan settings: what the plan is (title, organisation, authors, language, currency, notes) and
// the model's parameters (MODEL.md "Parameters"), each with what it means and where its default
// comes from.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

std::string join_authors(const std::vector<std::string>& authors) {
    std::string out;
    for (std::size_t i = 0; i < authors.size(); ++i) out += (i ? ", " : "") + authors[i];
    return out;
}

std::vector<std::string> split_authors(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string part = text.substr(start, comma - start);
        const auto first = part.find_first_not_of(' ');
        const auto last = part.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(part.substr(first, last - first + 1));
        start = comma + 1;
    }
    return out;
}

void draw_meta(App& app, const Plan& plan) {
    chart::subheading(tr("About this plan"), tr("Shown on the dashboard and in exports; the title also names the saved file."));
    edit_text(app, tr("Title"), plan.meta.title, tr("The plan's name, e.g. \"Trust plan 2027\". It names the saved file."),
              [](Plan& p, const std::string& v) { p.meta.title = v; });
    pointer_error(app, key_pointer(kMetaObject, keys::title));
    edit_text(app, tr("Organisation"), plan.meta.organisation, tr("Whose trust this plan manages, e.g. \"Acme Bank\"."),
              [](Plan& p, const std::string& v) { p.meta.organisation = v; });
    edit_text(app, tr("Authors"), join_authors(plan.meta.authors),
              tr("Who wrote the plan, separated by commas (people or teams), e.g. \"CX team, Anna Keller\"."),
              [](Plan& p, const std::string& v) { p.meta.authors = split_authors(v); });
    edit_text(app, tr("Language"), plan.meta.language,
              tr("The language the plan's names and notes are written in, as a language code (en, it, zh, id...)."),
              [](Plan& p, const std::string& v) { p.meta.language = v; });
    edit_text(app, tr("Currency"), plan.meta.currency,
              tr("The currency of every cost and revenue figure in the plan, as a code (EUR, USD, GBP...). Figures are "
              "not converted: enter them all in this currency."),
              [](Plan& p, const std::string& v) { p.meta.currency = v; });
    // Several lines; a line wider than the field is also shown wrapped underneath.
    edit_multiline(app, tr("Notes"), plan.meta.notes, 4,
              tr("Anything a colleague should know: where the figures come from, what was assumed, open questions."),
              [](Plan& p, const std::string& v) { p.meta.notes = v; });
    if (!plan.meta.notes.empty() && ImGui::CalcTextSize(plan.meta.notes.c_str()).x > ImGui::CalcItemWidth()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::CalcItemWidth());
        ImGui::TextUnformatted(plan.meta.notes.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

void draw_time(App& app, const Plan& plan) {
    chart::subheading(tr("Time"), tr("How far ahead the plan looks and which calendar month is month 1."));
    edit_int(app, tr("Horizon (months)"), plan.settings.horizon_months, 1, 120,
             tr("How many months ahead the projection runs (1-120). Month 0 is today; actions start in months 1 to "
             "the horizon. 24 months is a typical strategy cycle."),
             [](Plan& p, int v) { p.settings.horizon_months = v; });
    pointer_error(app, key_pointer(kSettingsObject, keys::horizon_months));
    edit_text(app, tr("First month (YYYY-MM)"), plan.settings.start,
              tr("The calendar month of month 1, written YYYY-MM (e.g. 2027-01), so charts show dates. Leave empty to "
              "number the months instead."),
              [](Plan& p, const std::string& v) { p.settings.start = v; });
    pointer_error(app, key_pointer(kSettingsObject, keys::start));
    if (!plan.settings.start.empty()) {
        ImGui::TextDisabled(tr("Today (month 0) is %s; the horizon is %s."),
                            chart::month_label(0, plan.settings.start).c_str(),
                            chart::month_label(plan.settings.horizon_months, plan.settings.start).c_str());
    }
}

void draw_model(App& app, const Plan& plan) {
    chart::subheading(tr("How trust is scored"),
                      tr("The parameters of the trust model (MODEL.md). The defaults come from the literature; change "
                      "them only with a reason, and write it in the notes."));
    const Settings& s = plan.settings;
    auto edit_settings = [](Plan& p) -> Settings& { return p.settings; };
    auto edit_abandonment = [](Plan& p) -> Abandonment& { return p.settings.abandonment; };
    edit_field(app, settings_fields(), "forgetting", s, kSettingsObject, edit_settings);
    ImGui::TextDisabled(tr("Half-life of a memory: %s months."),
                        s.forgetting >= 1 ? tr("never forgotten")
                                          : plain_number(std::log(0.5) / std::log(std::clamp(s.forgetting, 0.01, 0.999)), 1).c_str());
    edit_field(app, settings_fields(), "negative_weight", s, kSettingsObject, edit_settings);
    edit_field(app, settings_fields(), "prior_weight", s, kSettingsObject, edit_settings);
    edit_field(app, settings_fields(), "public_commitment_multiplier", s, kSettingsObject, edit_settings);
    edit_field(app, settings_fields(), "personalisation_lift", s, kSettingsObject, edit_settings);
    edit_field(app, settings_fields(), "empowerment_effect", s, kSettingsObject, edit_settings);
    edit_field(app, settings_fields(), "observation_weight", s, kSettingsObject, edit_settings);

    chart::subheading(tr("How customers leave"),
                      tr("Survival after k remembered bad experiences: S(k) = exp(-(k/kappa)^beta)."));
    edit_field(app, abandonment_fields(), "kappa", s.abandonment, kAbandonmentObject, edit_abandonment);
    edit_field(app, abandonment_fields(), "beta", s.abandonment, kAbandonmentObject, edit_abandonment);
    const double k = s.abandonment.kappa, b = s.abandonment.beta;
    if (k > 0 && b > 0) {
        ImGui::TextDisabled(tr("Still a customer after 1, 2, 3 bad experiences: %s, %s, %s."),
                            chart::format_percent(survival(1, k, b), 0).c_str(),
                            chart::format_percent(survival(2, k, b), 0).c_str(),
                            chart::format_percent(survival(3, k, b), 0).c_str());
    }

    chart::subheading(tr("Random numbers"), nullptr);
    int seed = static_cast<int>(std::min<std::uint64_t>(s.seed, 2147483647u));
    edit_int(app, tr("Seed"), seed, 0, 2147483647,
             tr("The starting number of the customer simulation's random numbers (default 1). The same seed gives the "
             "same results on every computer; change it to see how much the results vary by chance."),
             [](Plan& p, int v) { p.settings.seed = static_cast<std::uint64_t>(std::max(0, v)); });
    pointer_error(app, key_pointer(kSettingsObject, keys::seed));
}

}  // namespace

void draw_plan_settings(App& app) {
    const Plan& plan = app.document().plan();
    editor_intro(tr("Plan settings"),
                 tr("What this plan is, how far ahead it looks, and the parameters of the trust model. Hover any field "
                 "for what it means and where its default comes from."));
    error_summary(app, {kMetaObject, kSettingsObject});
    ImGui::PushItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginTable("settings-layout", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextColumn();
        ImGui::PushItemWidth(-ImGui::GetFontSize() * 11);
        draw_meta(app, plan);
        draw_time(app, plan);
        ImGui::PopItemWidth();
        ImGui::TableNextColumn();
        ImGui::PushItemWidth(ImGui::GetFontSize() * 10);
        draw_model(app, plan);
        ImGui::PopItemWidth();
        ImGui::EndTable();
    }
    ImGui::PopItemWidth();
}

}  // namespace fiducia::ui
