// Compare and merge (issue 6): set another plan beside the open one and see what differs, field by
// field, and what that does to trust; or merge a colleague's copy of this plan against the version
// both were opened from, picking a side for each conflict, applied as one undo step.
#include <cstdarg>
#include <cstdio>
#include <optional>
#include <string>

#include <imgui.h>

#include "io/plan_file.hpp"
#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

using Purpose = Platform::FilePurpose;

// tr() text with printf arguments.
std::string format(const char* translated, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, translated);
    std::vsnprintf(buffer, sizeof buffer, translated, args);
    va_end(args);
    return buffer;
}

std::string short_hash(const std::string& hash) { return hash.size() > 19 ? hash.substr(0, 19) + "..." : hash; }

const char* list_heading(const std::string& list) {
    if (list == "/stakeholders") return tr("Stakeholders");
    if (list == "/knowledge_sources") return tr("Knowledge sources");
    if (list == "/touchpoints") return tr("Touchpoints");
    if (list == "/commitments") return tr("Commitments");
    if (list == "/actions") return tr("Actions");
    if (list == "/scenarios") return tr("Scenarios");
    if (list == "/observations") return tr("Measurements");
    if (list == "/workshop/participants") return tr("Workshop participants");
    if (list == "/workshop/ratings") return tr("Workshop ratings");
    if (list == "/workshop/importance") return tr("Workshop importance judgements");
    return list.c_str();
}

}  // namespace

std::string compare_list_heading(const std::string& list) { return list_heading(list); }

namespace {

std::string group_name(const Plan& a, const Plan& b, const std::string& id) {
    for (const Plan* plan : {&a, &b})
        for (const Stakeholder& s : plan->stakeholders)
            if (s.id == id) return s.name.empty() ? id : s.name;
    return id;
}

std::string participant_name(const Plan& a, const Plan& b, const std::string& id) {
    for (const Plan* plan : {&a, &b})
        for (const Participant& p : plan->workshop.participants)
            if (p.id == id) return p.name.empty() ? id : p.name;
    return id;
}

// The name of a choice ("purchase" -> "Purchase"), or none when `id` is not one of `ids`.
template <typename Ids, typename Label>
std::optional<std::string> choice(const std::string& id, const Ids& ids, Label label) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (id == ids[i]) return std::string(label(static_cast<int>(i)));
    return std::nullopt;
}

// A named entity with what it is, for a conflict, where no heading says it; measurements and
// workshop answers already say what they are.
std::string entity_phrase(const std::string& list, const std::string& name) {
    static const char* const kPhrases[][2] = {
        {"/stakeholders", tr_noop("Stakeholder group \"%s\"")},
        {"/knowledge_sources", tr_noop("Knowledge source \"%s\"")},
        {"/touchpoints", tr_noop("Touchpoint \"%s\"")},
        {"/commitments", tr_noop("Commitment \"%s\"")},
        {"/actions", tr_noop("Action \"%s\"")},
        {"/scenarios", tr_noop("Scenario \"%s\"")},
        {"/workshop/participants", tr_noop("Workshop participant \"%s\"")},
    };
    for (const auto& [pointer, phrase] : kPhrases)
        if (list == pointer) return format(tr(phrase), name.c_str());
    return name;
}

// The field's place inside its entity ("/touchpoints/3/bad_share" -> "bad_share").
std::string field_name(const std::string& pointer, const std::string& entity_pointer) {
    return pointer.size() > entity_pointer.size() + 1 ? pointer.substr(entity_pointer.size() + 1) : pointer;
}

}  // namespace

std::string compare_field_label(const Plan& a, const std::string& list, const std::string& field) {
    struct Known {
        const char* list;
        const char* field;
        const char* label;
    };
    static const Known kKnown[] = {
        {"", "meta/title", tr_noop("Title")},
        {"", "meta/organisation", tr_noop("Organisation")},
        {"", "meta/authors", tr_noop("Authors")},
        {"", "meta/language", tr_noop("Language")},
        {"", "meta/currency", tr_noop("Currency")},
        {"", "meta/notes", tr_noop("Notes")},
        {"", "settings/horizon_months", tr_noop("Horizon (months)")},
        {"", "settings/start", tr_noop("First month (YYYY-MM)")},
        {"", "settings/seed", tr_noop("Seed")},
        {"", "workshop/id", tr_noop("Workshop id")},
        {"", "workshop/title", tr_noop("Workshop title")},
        {"", "workshop/stakeholders", tr_noop("Groups to score")},
        {"/stakeholders", "kind", tr_noop("Kind")},
        {"/knowledge_sources", "channel", tr_noop("Channel")},
        {"/knowledge_sources", "coverage", tr_noop("Who it reaches")},
        {"/touchpoints", "stakeholder", tr_noop("Stakeholder group")},
        {"/touchpoints", "stage", tr_noop("Stage")},
        {"/touchpoints", "channel", tr_noop("Channel")},
        {"/commitments", "statement", tr_noop("Statement")},
        {"/commitments", "stakeholders", tr_noop("Made to")},
        {"/commitments", "public", tr_noop("Made in public")},
        {"/actions", "owner", tr_noop("Owner")},
        {"/actions", "start_month", tr_noop("Start month")},
        {"/actions", "ramp_months", tr_noop("Ramp (months)")},
        {"/actions", "effects", tr_noop("Effects")},
        {"/actions", "enabled", tr_noop("Enabled in the plan")},
        {"/scenarios", "actions", tr_noop("Actions")},
        {"/observations", "stakeholder", tr_noop("Stakeholder group")},
        {"/observations", "month", tr_noop("Month")},
        {"/observations", "metric", tr_noop("Metric")},
        {"/observations", "value", tr_noop("Value")},
        {"/observations", "n", tr_noop("Sample size")},
        {"/observations", "source", tr_noop("Source")},
        {"/workshop/ratings", "participant", tr_noop("Participant")},
        {"/workshop/ratings", "stakeholder", tr_noop("Stakeholder group")},
        {"/workshop/ratings", "dimension", tr_noop("Dimension")},
        {"/workshop/ratings", "score", tr_noop("Score")},
        {"/workshop/importance", "participant", tr_noop("Participant")},
        {"/workshop/importance", "stakeholder", tr_noop("Stakeholder group")},
        {"/workshop/importance", "dimension", tr_noop("Dimension")},
        {"/workshop/importance", "importance", tr_noop("Importance")},
    };
    for (const Known& k : kKnown)
        if (list == k.list && field == k.field) return tr(k.label);
    // The numeric fields: their editor's label (core/fields.hpp) without its ImGui id; not the ones
    // whose label names the currency or is only an id.
    std::string from_table;
    for_each_table([&](const auto& table, const char* where, bool is_list) {
        for (const FieldInfo& f : table) {
            const std::string_view label = f.editor_label;
            if (label.find("%s") != std::string_view::npos || label.substr(0, label.find("##")).empty()) continue;
            const bool here = is_list ? list == where && field == f.id
                                      : list.empty() && "/" + field == std::string(where) + "/" + f.id;
            if (here) from_table = tr(f.editor_label);
        }
    });
    if (!from_table.empty()) return from_table.substr(0, from_table.find("##"));
    const std::size_t slash = field.find('/');
    const int d = slash == std::string::npos ? -1 : dimension_index(field.substr(slash + 1));
    if (d >= 0 && list == "/stakeholders" && field.compare(0, slash, "weights") == 0)
        return format(tr("Weight of %s"), chart::dimension_name(d));
    if (d >= 0 && list == "/touchpoints" && field.compare(0, slash, "dimensions") == 0)
        return format(tr("Share of %s"), chart::dimension_name(d));
    const char* currency = a.meta.currency.c_str();
    if (list == "/stakeholders" && field == "revenue_per_month") return format(tr("Revenue per person per month (%s)"), currency);
    if (list == "/actions" && field == "cost_once") return format(tr("One-off cost (%s)"), currency);
    if (list == "/actions" && field == "cost_per_month") return format(tr("Monthly cost (%s)"), currency);
    if (!list.empty() && field == "id") return tr("Id");
    if (!list.empty() && field == "name") return tr("Name");
    return field;
}

std::string compare_entity_name(const Plan& a, const Plan& b, const std::string& list, const std::string& key,
                                const io::MaybeJson& entity) {
    auto text = [&](const char* field) -> std::string {
        if (!entity || !entity->is_object()) return "";
        auto it = entity->find(field);
        return it != entity->end() && it->is_string() ? it->get<std::string>() : "";
    };
    auto dimension = [&] {
        const int d = dimension_index(text("dimension"));
        return d >= 0 ? std::string(chart::dimension_name(d)) : text("dimension");
    };
    const std::string group = group_name(a, b, text("stakeholder"));
    if (list == "/observations" && entity && entity->is_object() && entity->contains("month") &&
        (*entity)["month"].is_number_integer()) {
        const std::string metric = choice(text("metric"), kMetricIds, [](int i) { return metric_label(static_cast<Metric>(i)); })
                                       .value_or(text("metric"));
        return format(tr("%s of %s in month %d"), metric.c_str(), group.c_str(), (*entity)["month"].get<int>());
    }
    const std::string participant = participant_name(a, b, text("participant"));
    if (list == "/workshop/ratings")
        return format(tr("%s's score for %s on %s"), participant.c_str(), group.c_str(), dimension().c_str());
    if (list == "/workshop/importance")
        return format(tr("%s: how much %s matters to %s"), participant.c_str(), dimension().c_str(), group.c_str());
    for (const char* field : {"name", "statement"})
        if (!text(field).empty()) return text(field);
    return key;
}

std::string compare_change_label(const Plan& a, const Plan& b, const io::EntityChange& e) {
    const std::string name =
        compare_entity_name(a, b, e.list, e.key, e.kind == io::ChangeKind::removed ? e.before : e.after);
    switch (e.kind) {
        case io::ChangeKind::added: return format(tr("Added: %s"), name.c_str());
        case io::ChangeKind::removed: return format(tr("Removed: %s"), name.c_str());
        case io::ChangeKind::changed: break;
    }
    return format(tr("Changed: %s"), name.c_str());
}

std::string compare_conflict_label(const Plan& a, const Plan& b, const io::Conflict& c) {
    if (c.list.empty()) return c.field.empty() ? c.path : compare_field_label(a, "", c.field);
    const std::string entity = entity_phrase(c.list, compare_entity_name(a, b, c.list, c.key, c.entity));
    if (!c.used_at.empty()) {  // removed on one side, still referred to
        const std::string user = c.used_by_list.empty()
                                     ? std::string(tr("the workshop's groups to score"))
                                     : entity_phrase(c.used_by_list, compare_entity_name(a, b, c.used_by_list, "", c.used_by));
        return format(tr("%s: removed on one side, still used by %s"), entity.c_str(), user.c_str());
    }
    if (c.field.empty()) return entity;  // edited on one side, removed on the other
    return format(tr("%s: %s"), entity.c_str(), compare_field_label(a, c.list, c.field).c_str());
}

std::string compare_value_text(const std::string& list, const std::string& field, const io::MaybeJson& value) {
    if (!value || value->is_null()) return tr("(none)");  // null: a review rating or sample size not given
    const io::Json& v = *value;
    if (v.is_boolean()) return v.get<bool>() ? tr("yes") : tr("no");
    if (v.is_number()) return localise_number(io::dump_compact(v));
    if (v.is_string()) {
        const std::string& id = v.get_ref<const std::string&>();
        std::optional<std::string> name;
        if (list == "/stakeholders" && field == "kind")
            name = choice(id, kStakeholderKindIds, [](int i) { return kind_label(static_cast<StakeholderKind>(i)); });
        else if (list == "/knowledge_sources" && field == "channel")
            name = choice(id, kChannelIds, [](int i) { return channel_label(static_cast<Channel>(i)); });
        else if (list == "/touchpoints" && field == "stage")
            name = choice(id, kStageIds, [](int i) { return stage_label(static_cast<Stage>(i)); });
        else if (list == "/observations" && field == "metric")
            name = choice(id, kMetricIds, [](int i) { return metric_label(static_cast<Metric>(i)); });
        else if (list.rfind("/workshop/", 0) == 0 && field == "dimension")
            name = choice(id, kDimensionIds, [](int i) { return chart::dimension_name(i); });
        if (name) return *name;
    }
    return io::show(v);
}

namespace {

void cell_text(const std::string& text, bool disabled = false) {
    ImGui::TableNextColumn();
    if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    if (disabled) ImGui::PopStyleColor();
}

void points_cell(std::optional<double> a, std::optional<double> b) {
    ImGui::TableNextColumn();
    if (!a || !b) return ImGui::TextDisabled("-");
    const double d = *b - *a;
    const ImVec4 colour = d > 0.0005 ? ImVec4(0.15f, 0.6f, 0.25f, 1) : d < -0.0005 ? ImVec4(0.85f, 0.2f, 0.15f, 1)
                                                                                   : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    ImGui::TextColored(colour, "%s", chart::format_points(d).c_str());
}

void trust_row(const std::string& what, std::optional<double> a, std::optional<double> b) {
    ImGui::TableNextRow();
    cell_text(what);
    cell_text(a ? chart::format_trust(*a) : "-", !a);
    cell_text(b ? chart::format_trust(*b) : "-", !b);
    points_cell(a, b);
}

// Trust Index and every group's trust, today and at the horizon, in both plans.
void draw_trust(const io::TrustComparison& t, const char* a_name, const std::string& b_name) {
    chart::subheading(tr("Trust"), tr("Projected with each plan's enabled actions (the Dashboard's figures), x100. "
                                      "Change: the second plan minus yours, in points of trust."));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("trust", 4, flags)) return;
    ImGui::TableSetupColumn(tr("Figure"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(a_name, ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(b_name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr("Change"), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    trust_row(tr("Trust Index today"), t.index_now_a, t.index_now_b);
    trust_row(t.horizon_a == t.horizon_b ? format(tr("Trust Index at month %d"), t.horizon_a)
                                         : format(tr("Trust Index at the horizon (months %d and %d)"), t.horizon_a, t.horizon_b),
              t.index_horizon_a, t.index_horizon_b);
    for (const io::GroupTrust& g : t.groups) {
        trust_row(format(tr("%s today"), g.name.c_str()), g.now_a, g.now_b);
        trust_row(format(tr("%s at the horizon"), g.name.c_str()), g.horizon_a, g.horizon_b);
    }
    ImGui::EndTable();
}

// Every change from plan a to plan b, grouped by entity kind, old -> new per field.
void draw_changes(const io::PlanDiff& d, const Plan& a, const Plan& b, const char* a_name, const std::string& b_name) {
    if (d.same()) {
        quiet_note(tr("No differences: the two plans hold the same content."));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    auto header = [&](const char* id) {
        if (!ImGui::BeginTable(id, 3, flags)) return false;
        ImGui::TableSetupColumn(tr("What"), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(a_name, ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(b_name.c_str(), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableHeadersRow();
        return true;
    };
    auto field_rows = [&](const std::vector<io::FieldChange>& fields, const std::string& list,
                          const std::string& entity_pointer) {
        for (const io::FieldChange& f : fields) {
            const std::string field = field_name(f.pointer, entity_pointer);
            ImGui::TableNextRow();
            cell_text("    " + compare_field_label(a, list, field));
            cell_text(compare_value_text(list, field, f.before), !f.before);
            cell_text(compare_value_text(list, field, f.after), !f.after);
        }
    };
    if (!d.fields.empty() && ImGui::CollapsingHeader(format(tr("Plan details and settings (%d)"), static_cast<int>(d.fields.size())).c_str(),
                                                     ImGuiTreeNodeFlags_DefaultOpen)) {
        if (header("fields")) {
            field_rows(d.fields, "", "");
            ImGui::EndTable();
        }
    }
    for (std::size_t i = 0; i < d.entities.size();) {
        const std::string& list = d.entities[i].list;
        std::size_t end = i;
        while (end < d.entities.size() && d.entities[end].list == list) ++end;
        ImGui::PushID(list.c_str());
        const std::string title = format(tr("%s (%d)"), list_heading(list), static_cast<int>(end - i)) + "##changes";
        const bool open = ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
        if (open && header("entities")) {
            for (std::size_t k = i; k < end; ++k) {
                const io::EntityChange& e = d.entities[k];
                ImGui::TableNextRow();
                cell_text(compare_change_label(a, b, e));
                cell_text(e.kind == io::ChangeKind::added ? tr("(not there)") : "", true);
                cell_text(e.kind == io::ChangeKind::removed ? tr("(not there)") : "", true);
                field_rows(e.fields, e.list, e.pointer);
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
        i = end;
    }
}

void draw_compare(App& app, CompareView& v) {
    if (!v.other) {
        ImGui::TextWrapped("%s", tr("Open a plan to set beside yours: another copy of this plan, last year's plan, or a "
                                    "colleague's draft. You will see every stakeholder, touchpoint, commitment and action "
                                    "added, removed or changed, field by field, and what that does to trust."));
        return;
    }
    if (v.diff_revision != app.document().revision()) {
        v.diff = io::diff_plans(app.document().plan(), *v.other);
        v.diff_revision = app.document().revision();
    }
    ImGui::TextWrapped("%s", format(tr("Your plan beside %s: what it has differently."), v.other_name.c_str()).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Close the comparison"))) {
        v.other.reset();
        v.diff.reset();
        return;
    }
    item_tooltip(tr("Put the other plan away; your plan is not changed."));
    ImGui::Spacing();
    draw_trust(v.diff->trust, tr("Your plan"), v.other_name);
    ImGui::Spacing();
    chart::subheading(tr("Changes"), tr("Entities are matched by id (measurements by group, month and metric; workshop "
                                        "ratings by participant, group and dimension), so a renamed or moved entity shows "
                                        "as changed, not as removed and added."));
    draw_changes(*v.diff, app.document().plan(), *v.other, tr("Your plan"), v.other_name);
}

// ---- merge ----------------------------------------------------------------------------------

// Looks for the version their copy names among what this browser has: the plan as opened, as it
// is now, and the autosaved versions.
void find_ancestor(App& app, CompareView& v) {
    v.ancestor.reset();
    v.ancestor_warning.clear();
    v.ancestor_hash = v.theirs->meta.base;
    if (v.ancestor_hash.empty()) return;
    auto try_text = [&](const std::string& text, const std::string& from) {
        if (v.ancestor || text.empty()) return;
        io::LoadResult r = io::load_plan(text);
        if (r.ok && io::content_hash(r.plan) == v.ancestor_hash) {
            v.ancestor = std::move(r.plan);
            v.ancestor_from = from;
        }
    };
    try_text(app.opened_text(), tr("the version you opened"));
    try_text(app.save_text(), tr("your plan as it is now"));
    std::vector<Platform::StoredVersion> versions = app.platform().stored_versions();
    for (std::size_t i = 0; i < versions.size() && !v.ancestor; ++i)
        try_text(app.platform().stored_version_text(i), format(tr("the version kept in this browser at %s"), versions[i].time.c_str()));
}

void reset_merge(CompareView& v) {
    v.theirs.reset();
    v.ancestor.reset();
    v.merge.reset();
    v.merge_so_far.reset();
    v.merge_changes.reset();
    v.picks.clear();
    v.ancestor_warning.clear();
}

const char* side_name(io::Side s) { return s == io::Side::base ? tr("ancestor") : s == io::Side::ours ? tr("yours") : tr("theirs"); }

// One conflict: what, then the three values, each a choice.
void conflict_row(const Plan& ours, CompareView& v, const io::Conflict& c, std::size_t index) {
    ImGui::PushID(static_cast<int>(index));
    ImGui::TableNextRow();
    auto pick = v.picks.find(c.path);
    if (pick == v.picks.end()) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(230, 80, 60, 40));
    cell_text(compare_conflict_label(ours, *v.theirs, c) + "\n" + c.pointer);
    const std::pair<io::Side, const io::MaybeJson*> sides[] = {
        {io::Side::base, &c.base}, {io::Side::ours, &c.ours}, {io::Side::theirs, &c.theirs}};
    for (const auto& [side, value] : sides) {
        ImGui::TableNextColumn();
        // A whole entity (kept on one side, removed on the other) is named by what choosing it does.
        const bool entity = c.field.empty() && *value && (*value)->is_object();
        const std::string shown = !*value ? std::string(tr("(removed)"))
                                  : !entity ? compare_value_text(c.list, c.field, *value)
                                  : side == io::Side::base || **value == c.base ? std::string(tr("keep it as it was"))
                                                                                : std::string(tr("keep it, as edited"));
        const std::string label = shown + "##" + side_name(side);
        if (ImGui::RadioButton(label.c_str(), pick != v.picks.end() && pick->second == side)) {
            v.picks[c.path] = side;
            v.merge_stale = true;
        }
        item_tooltip(side == io::Side::base ? tr("Keep the value both copies started from: neither change is taken.")
                     : side == io::Side::ours ? tr("Keep your value.") : tr("Take your colleague's value."));
    }
    ImGui::PopID();
}

void apply_merge(App& app, CompareView& v) {
    const Plan merged = v.merge->plan;
    app.document().begin_edit() = merged;  // one undo step; meta.base: the merge, the next common ancestor
    app.document().end_gesture();
    app.notify(format(tr("Merged %s into your plan. Ctrl+Z undoes the whole merge."), v.theirs_name.c_str()));
    reset_merge(v);
}

void draw_merge(App& app, CompareView& v) {
    if (!v.theirs) {
        ImGui::TextWrapped("%s", tr("Merge a colleague's copy of this plan into yours: what only one of you changed is "
                                    "taken, and where you both changed the same thing differently you choose. Their copy "
                                    "names the version it was opened from; Fiducia looks for it in this browser, or asks."));
        return;
    }
    ImGui::TextWrapped("%s", format(tr("Merging %s into your plan."), v.theirs_name.c_str()).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Cancel the merge"))) return reset_merge(v);
    item_tooltip(tr("Forget their copy; your plan is not changed."));
    if (!v.ancestor) {
        field_error(v.ancestor_hash.empty()
                        ? tr("Their copy does not say which version it was opened from. Choose the file you both started from.")
                        : format(tr("Their copy was opened from a version this browser does not have (%s). Choose that file."),
                                 short_hash(v.ancestor_hash).c_str()));
        ImGui::BeginDisabled(app.document().read_only());
        if (ImGui::Button(tr("Choose the common ancestor..."))) app.request_file(Purpose::merge_ancestor);
        ImGui::EndDisabled();
        item_tooltip(tr("The plan file you and your colleague both started from. Without it Fiducia cannot tell who changed what."));
        return;
    }
    ImGui::TextDisabled("%s", format(tr("Common ancestor: %s."), v.ancestor_from.c_str()).c_str());
    if (!v.ancestor_warning.empty()) field_error(v.ancestor_warning);
    if (v.merge_stale || v.merge_revision != app.document().revision()) {
        // Every conflict, picked or not (the merge without picks lists them all), and the result.
        v.conflicts = io::merge_plans(*v.ancestor, app.document().plan(), *v.theirs).conflicts;
        v.merge = io::merge_plans(*v.ancestor, app.document().plan(), *v.theirs, v.picks);
        v.merge_changes.reset();
        v.merge_so_far.reset();
        // Open conflicts at your value, or, where that breaks a rule (you removed what they use), as they were.
        for (io::Side open_at : {io::Side::ours, io::Side::base}) {
            if (v.merge->ok || v.merge->conflicts.empty()) break;
            std::map<std::string, io::Side> provisional = v.picks;
            for (const io::Conflict& c : v.merge->conflicts) provisional.emplace(c.path, open_at);
            v.merge_so_far = io::merge_plans(*v.ancestor, app.document().plan(), *v.theirs, provisional);
            if (v.merge_so_far->ok) break;
            v.merge_so_far.reset();
        }
        const io::MergeResult* shown = v.merge->ok ? &*v.merge : v.merge_so_far ? &*v.merge_so_far : nullptr;
        if (shown) v.merge_changes = io::diff_plans(app.document().plan(), shown->plan);
        v.merge_revision = app.document().revision();
        v.merge_stale = false;
    }
    const std::vector<io::Conflict>& all = v.conflicts;
    const io::MergeResult& m = *v.merge;
    ImGui::Spacing();
    if (!all.empty()) {
        chart::subheading(format(tr("Conflicts: %d of %d still need a choice"), static_cast<int>(m.conflicts.size()),
                                 static_cast<int>(all.size())).c_str(),
                          tr("You and your colleague changed the same thing differently, or one of you changed what the "
                             "other removed. Pick the value to keep in each row."));
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("conflicts", 4, flags)) {
            ImGui::TableSetupColumn(tr("What"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
            ImGui::TableSetupColumn(tr("Ancestor"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableSetupColumn(tr("Yours"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableSetupColumn(tr("Theirs"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < all.size(); ++i) conflict_row(app.document().plan(), v, all[i], i);
            ImGui::EndTable();
        }
    } else {
        quiet_note(tr("No conflicts: every change was made on one side only, or the same on both."));
    }
    for (const std::string& e : m.errors) field_error(e);
    if (!m.errors.empty())
        field_error(tr("The merged plan would break the rules above (often: one of you removed what the other still "
                       "refers to). Pick differently, or merge and fix it in your copy first."));
    ImGui::Spacing();
    ImGui::BeginDisabled(!m.ok || app.document().read_only());
    if (ImGui::Button(tr("Apply the merge"))) {
        ImGui::EndDisabled();
        return apply_merge(app, v);
    }
    ImGui::EndDisabled();
    item_tooltip(tr("Make the merged plan your plan, as one step: Ctrl+Z undoes it. Possible once every conflict has a choice."));
    const io::MergeResult* shown = m.ok ? &m : v.merge_so_far ? &*v.merge_so_far : nullptr;
    if (shown && v.merge_changes) {
        if (m.ok) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", format(tr("%d changes from their copy."), static_cast<int>(m.from_theirs)).c_str());
        }
        ImGui::Spacing();
        if (m.ok) chart::subheading(tr("What the merge changes in your plan"), tr("Your plan now beside the merged plan."));
        else
            chart::subheading(tr("What the merge changes so far"),
                              tr("The changes that need no choice, and those you picked. Each conflict still open stays at "
                                 "your value here (or as it was, where yours would break a rule) until you choose."));
        draw_trust(v.merge_changes->trust, tr("Your plan"), tr("Merged"));
        draw_changes(*v.merge_changes, app.document().plan(), shown->plan, tr("Your plan"), tr("Merged"));
    }
}

}  // namespace

void compare_receive_file(App& app, Platform::FilePurpose purpose, std::string_view text, const std::string& file_name) {
    CompareView& v = app.compare_view();
    io::LoadResult loaded = io::load_plan(text);
    v.file_error.clear();
    if (!loaded.ok) {
        v.file_error = format(tr("%s was not read: %s"), file_name.c_str(), loaded.errors.front().c_str());
        if (loaded.errors.size() > 1) v.file_error += format(tr(" (and %d more problems)"), static_cast<int>(loaded.errors.size() - 1));
        return;
    }
    v.tab = purpose == Purpose::compare ? 0 : 1;
    if (purpose == Purpose::compare) {
        v.other = std::move(loaded.plan);
        v.other_name = file_name;
        v.diff_revision = ~0ull;
    } else if (purpose == Purpose::merge_theirs) {
        reset_merge(v);
        v.theirs = std::move(loaded.plan);
        v.theirs_name = file_name;
        find_ancestor(app, v);
    } else if (v.theirs) {
        const std::string hash = io::content_hash(loaded.plan);
        v.ancestor_warning = v.ancestor_hash.empty() || hash == v.ancestor_hash ? ""
            : format(tr("%s is not the version their copy names (it is %s): changes may be undone without a conflict. "
                        "Check the result before you apply it."), file_name.c_str(), short_hash(hash).c_str());
        v.ancestor = std::move(loaded.plan);
        v.ancestor_from = file_name;
    }
    v.merge_stale = true;
}

void draw_compare_panel(App& app) {
    CompareView& v = app.compare_view();
    editor_intro(tr("Compare and merge"),
                 tr("Set another plan beside yours to see what differs and what that does to trust, or merge a "
                    "colleague's copy of this plan into yours. Nothing leaves this browser."));
    if (ImGui::Button(tr("Open a plan to compare..."))) app.request_file(Purpose::compare);
    item_tooltip(tr("Pick a plan file to set beside yours. It is only read: your plan does not change."));
    same_line_if_fits(button_size(tr("Merge a colleague's copy..."), ImVec2(0, 0)).x);
    ImGui::BeginDisabled(app.document().read_only());
    if (ImGui::Button(tr("Merge a colleague's copy..."))) app.request_file(Purpose::merge_theirs);
    ImGui::EndDisabled();
    item_tooltip(tr("Pick their copy of this plan. Changes only one of you made are taken; where you both changed the "
                    "same thing, you choose. Applied as one step that Ctrl+Z undoes."));
    if (!v.file_error.empty()) field_error(v.file_error);
    ImGui::Spacing();
    if (!ImGui::BeginTabBar("compare-tabs")) return;
    const int wanted = v.tab;
    v.tab = -1;
    if (ImGui::BeginTabItem(tr("Compare"), nullptr, wanted == 0 ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_compare(app, v);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Merge"), nullptr, wanted == 1 ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_merge(app, v);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace fiducia::ui
