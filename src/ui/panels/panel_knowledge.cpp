// Knowledge: what the organisation knows about each group and where from (social media,
// omnichannel, inbound marketing, surveys, CRM data), rated on the essays' three qualities. Good
// knowledge personalises advice and empathy; consistent messages are evidence of honesty.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/charts/chart.hpp"
#include "ui/document/editing.hpp"
#include "ui/panels/list_editor.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/widgets.hpp"

namespace fiducia::ui {

namespace {

const char* kChannelTips = tr_noop(
    "Where the knowledge comes from. Social media: answering questions and comments, educating, quizzes. "
    "Omnichannel: email, video calls, webinars, chatbots, live events, seamless between channels. Inbound "
    "marketing: tailored content that reveals habits, preferences and latent needs. Survey, CRM data or other.");

void draw_coverage(App& app, const Plan& plan, std::size_t k) {
    const KnowledgeSource& src = plan.knowledge_sources[k];
    chart::subheading(tr("Who it reaches"),
                      tr("For each stakeholder group, the share of its members this source knows about and sends "
                      "messages to. 0% removes the group from the source."));
    for (std::size_t g = 0; g < plan.stakeholders.size(); ++g) {
        const Stakeholder& s = plan.stakeholders[g];
        ImGui::PushID(static_cast<int>(g));
        double share = 0;
        int entry = -1;
        for (std::size_t c = 0; c < src.coverage.size(); ++c)
            if (src.coverage[c].stakeholder == s.id) {
                share = src.coverage[c].share;
                entry = static_cast<int>(c);
            }
        const std::string tip = trf("The share of \"%s\" this source reaches (0-100%%). Reaching more of a group lifts the "
                                    "weight of its good advice and empathy experiences and sends it more messages.",
                                    s.name.c_str());
        edit_share(app, s.name.c_str(), share, tip.c_str(), [k, id = s.id](Plan& p, double v) {
            auto& cov = p.knowledge_sources[k].coverage;
            auto it = std::find_if(cov.begin(), cov.end(), [&](const CoverageEntry& c) { return c.stakeholder == id; });
            if (v <= 0) {
                if (it != cov.end()) cov.erase(it);
            } else if (it != cov.end()) {
                it->share = v;
            } else {
                cov.push_back({id, v});
            }
        });
        if (entry >= 0) pointer_error(app, "/knowledge_sources/" + std::to_string(k) + "/coverage/" + s.id);
        ImGui::PopID();
    }
    // Entries naming groups that do not exist (a hand-edited file): show them so they can be removed.
    for (std::size_t c = 0; c < src.coverage.size(); ++c) {
        const std::string& id = src.coverage[c].stakeholder;
        bool known = false;
        for (const Stakeholder& s : plan.stakeholders) known = known || s.id == id;
        if (known) continue;
        ImGui::PushID(static_cast<int>(1000 + c));
        field_error(trf("Covers \"%s\", which is not a stakeholder group of this plan.", id.c_str()));
        ImGui::SameLine();
        ImGui::BeginDisabled(app.document().read_only());
        if (ImGui::SmallButton(tr("Remove"))) {
            auto& cov = app.document().begin_edit().knowledge_sources[k].coverage;
            if (c < cov.size()) cov.erase(cov.begin() + static_cast<std::ptrdiff_t>(c));
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    if (plan.stakeholders.empty()) ImGui::TextDisabled("%s", tr("Add stakeholder groups first."));
}

void draw_detail(App& app, const Plan& plan, std::size_t k) {
    const KnowledgeSource& src = plan.knowledge_sources[k];
    const std::string at = "/knowledge_sources/" + std::to_string(k);
    auto edit = [k](Plan& p) -> KnowledgeSource& { return p.knowledge_sources[k]; };
    edit_text(app, tr("Name"), src.name, tr("What the source is called, e.g. \"Instagram community\" or \"Customer survey\"."),
              [edit](Plan& p, const std::string& v) { edit(p).name = v; });
    pointer_error(app, at + "/name");
    edit_id(app, Entity::knowledge_source, k, src.id, src.name);
    pointer_error(app, at + "/id");
    static const char* channels[6];
    for (int i = 0; i < 6; ++i) channels[i] = channel_label(static_cast<Channel>(i));
    combo_index(app, tr("Channel"), static_cast<int>(src.channel), channels, 6, tr(kChannelTips),
                [edit](Plan& p, int v) { edit(p).channel = static_cast<Channel>(v); });

    chart::subheading(tr("Quality of the knowledge"),
                      tr("The three qualities of useful knowledge (the source essays). Their geometric mean times the "
                      "coverage is how well this source knows a group."));
    edit_field(app, knowledge_source_fields(), "granularity", src, at, edit);
    edit_field(app, knowledge_source_fields(), "relevance", src, at, edit);
    edit_field(app, knowledge_source_fields(), "consistency", src, at, edit);
    edit_field(app, knowledge_source_fields(), "messages_per_month", src, at, edit);
    const double quality = std::cbrt(std::max(0.0, src.granularity * src.relevance * src.consistency));
    quiet_note(trf("Quality of this source: %s (the cube root of granularity x relevance x consistency).",
                   chart::format_percent(quality, 0).c_str()));
    draw_coverage(app, plan, k);
}

}  // namespace

void draw_knowledge(App& app) {
    EditorView& view = app.editor_view();
    editor_intro(tr("Knowledge"),
                 tr("Step 1 of a trust strategy: know each stakeholder. List where your knowledge comes from, how good it "
                 "is, and whom it reaches. Good knowledge makes advice and empathy count more; consistent messages "
                 "build a name for honesty."));
    error_summary(app, {"/knowledge_sources"});

    list_detail<KnowledgeSource>(app, view.knowledge_source, {
        .kind = Entity::knowledge_source, .items = &Plan::knowledge_sources, .name = &KnowledgeSource::name,
        .list_id = "##sources", .noun = tr("knowledge source"), .id_fallback = "source",
        .delete_question = tr_noop("Delete the knowledge source \"%s\"?"),
        .empty_text = tr("No knowledge sources yet. Add one with Add: e.g. your social media community, a CRM, or a "
                         "customer survey."),
        .init_new = [](KnowledgeSource& k, const Plan&) {
            k.name = tr("New knowledge source");
            k.granularity = k.relevance = k.consistency = 0.5;
        },
        .detail = draw_detail, .item_width_em = 16});
}

}  // namespace fiducia::ui
