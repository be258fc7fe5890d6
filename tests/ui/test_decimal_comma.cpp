// Italian and Indonesian write decimals with a comma: every panel, drawn in it and id, shows no
// decimal point between digits outside the plan's own text (issue: "W di Kendall = 0.86").
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include <cmath>
#include <map>
#include <regex>

#include "io/plan_file.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

// An example plan whose text holds no digits, so any "1.5" on screen is the app's own number.
Plan wordy_plan(const std::string& path) {
    io::LoadResult r = io::load_plan(test::read_file(path));
    REQUIRE(r.ok);
    Plan p = r.plan;
    p.meta.title = "Plan";
    p.meta.notes = "Notes";
    p.meta.organisation = "Org";
    p.meta.authors = {"Author"};
    for (Stakeholder& s : p.stakeholders) s.name = "Group " + std::string(1, static_cast<char>('a' + (&s - &p.stakeholders[0]) % 26));
    for (Touchpoint& t : p.touchpoints) t.name = "Touchpoint";
    for (Commitment& c : p.commitments) c.statement = "Promise";
    for (KnowledgeSource& k : p.knowledge_sources) k.name = "Source";
    for (Action& a : p.actions) a.name = "Action", a.owner = "Owner";
    for (Scenario& s : p.scenarios) s.name = "Scenario";
    for (Observation& o : p.observations) o.source = "Survey";
    for (Participant& w : p.workshop.participants) w.name = "Person";
    return p;
}

// Everything drawn as text in one frame, read back from the draw lists: each glyph is a quad whose
// texture corner names it. Glyphs that follow each other on a line join into words; a gap or a new
// line starts a new run (separated by '\n'). Text on charts is included, which ImGui's log misses.
std::string frame_text(test::UiHarness& h) {
    h.frame();
    std::map<std::pair<float, float>, const ImFontGlyph*> glyphs;  // (u0, v0) -> the glyph
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) glyphs[{g.U0, g.V0}] = &g;
    std::string out;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
        float right = -1e9f, y = -1e9f;
        for (int i = 0; i + 2 < v.Size; ++i) {
            const auto g = glyphs.find({v[i].uv.x, v[i].uv.y});
            if (g == glyphs.end() || v[i + 1].uv.y != v[i].uv.y || v[i + 2].uv.x != v[i + 1].uv.x) continue;
            const ImFontGlyph& glyph = *g->second;
            const float scale = glyph.Y1 > glyph.Y0 ? (v[i + 2].pos.y - v[i].pos.y) / (glyph.Y1 - glyph.Y0) : 1;
            const float top = v[i].pos.y - glyph.Y0 * scale;  // the line's top, whatever the letter's shape
            const bool follows = std::abs(top - y) < 2 && v[i].pos.x > right - 3 && v[i].pos.x - right < 6;
            if (!follows) out += '\n';
            out += glyph.Codepoint < 0x80 ? static_cast<char>(glyph.Codepoint) : '?';
            right = v[i + 1].pos.x, y = top;
            i += 3;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("it and id: no decimal point between digits on any panel") {
    test::UiHarness h;
    // A number with a point in it, whole; in it and id the point only groups thousands ("75.639.707").
    const std::regex number("[0-9]+(\\.[0-9]+)+"), grouped("[0-9]{1,3}(\\.[0-9]{3})+");
    // (A leading 0 is allowed: a glyph cut by its field's edge is not read, so "50.000" may read "0.000".)
    const std::regex point("[0-9]\\.[0-9]");
    for (const std::filesystem::path& path : test::example_plans()) {
        const std::string example = path.string();
        for (ui::Language language : {ui::Language::it, ui::Language::id}) {
            h.app.set_language(language);
            h.rebuild_fonts();
            const Plan plan = wordy_plan(example);
            REQUIRE(h.app.open_text(io::save_plan(plan), "plan.json").ok);
            for (std::size_t i = 0; i < ui::panels().size(); ++i) {
                h.app.show_panel(static_cast<int>(i));
                h.frame();
                const std::string text = frame_text(h);
                std::string found;
                for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
                    if (std::regex_match(it->str(), grouped)) continue;
                    const std::size_t at = static_cast<std::size_t>(it->position());
                    std::string around = text.substr(at < 40 ? 0 : at - 40, 80);
                    for (char& c : around)
                        if (c == '\n') c = '|';
                    found += "\n  " + it->str() + " in ..." + around + "...";
                }
                CHECK_MESSAGE(found.empty(), ui::language_info(language).code, " ", ui::panels()[i].name, " in ", example, ":", found);
            }
            h.app.document().close();
        }
    }
    // Not vacuous: in English the same capture does find decimal points, and in Italian commas.
    h.app.set_language(ui::Language::en);
    h.rebuild_fonts();
    REQUIRE(h.app.open_text(io::save_plan(wordy_plan(test::example_plans().front().string())), "plan.json").ok);
    h.app.open_panel(ui::PanelId::dashboard);
    h.frame();
    CHECK(std::regex_search(frame_text(h), point));
    h.app.set_language(ui::Language::it);
    h.rebuild_fonts();
    h.frame();
    CHECK(std::regex_search(frame_text(h), std::regex("[0-9],[0-9]")));
    h.app.set_language(ui::Language::en);
}
