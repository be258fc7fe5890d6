// Languages: every tr() text of the UI sources has a translation in each language file, with the
// same printf conversions; numbers and dates per language; the choice is remembered; the CJK font
// is loaded only for Chinese or a plan with CJK text; every panel draws in every language.
#include <doctest/doctest.h>

#include "io/json_library.hpp"

#include "core/model.hpp"
#include "io/diff.hpp"
#include "io/merge.hpp"
#include "io/plan_file.hpp"
#include "ui/charts/chart.hpp"
#include "ui/panels/compare_view.hpp"
#include "ui/document/editing.hpp"
#include "ui/platform/i18n.hpp"
#include "ui/panels/panels.hpp"
#include "ui/charts/plan_charts.hpp"
#include "ui_harness.hpp"

using namespace fiducia;

namespace {

// The text of the C string literals starting at `i` (adjacent literals joined), escapes decoded.
std::string read_literals(const std::string& src, std::size_t& i, bool& ok) {
    std::string out;
    ok = false;
    for (;;) {
        while (i < src.size() && std::isspace(static_cast<unsigned char>(src[i]))) ++i;
        if (i >= src.size() || src[i] != '"') return out;
        ok = true;
        for (++i; i < src.size() && src[i] != '"'; ++i) {
            if (src[i] != '\\') {
                out += src[i];
                continue;
            }
            const char e = src[++i];
            if (e == 'n') out += '\n';
            else if (e == 't') out += '\t';
            else if (e == 'x') {  // \xNN, as the sources write UTF-8 bytes
                out += static_cast<char>(std::stoi(src.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else out += e;
        }
        ++i;
    }
}

// Every text passed as a literal to tr() or trf() in src/ui (sources and headers, comments aside), and to say() or sayf() in the
// reports (src/io/report*.cpp: say(), sayf(), say_text()), with the file it is in.
std::map<std::string, std::string> source_texts() {
    std::map<std::string, std::string> texts;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(FIDUCIA_SOURCE_DIR) + "/src/ui")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
        const std::string src = test::read_file(entry.path());
        for (const char* call : {"tr(", "trf(", "tr_noop("}) {
            for (std::size_t at = src.find(call); at != std::string::npos; at = src.find(call, at + 1)) {
                if (at > 0 && (std::isalnum(static_cast<unsigned char>(src[at - 1])) || src[at - 1] == '_' ||
                               src[at - 1] == ':'))
                    continue;  // str(, ImGui::tr... : not ours
                const std::size_t line = src.rfind('\n', at);
                if (src.substr(line == std::string::npos ? 0 : line, at - (line == std::string::npos ? 0 : line)).find("//") !=
                    std::string::npos)
                    continue;  // an example in a comment
                std::size_t i = at + std::strlen(call);
                bool ok = false;
                std::string text = read_literals(src, i, ok);
                if (ok) texts.emplace(text.substr(0, text.find("##")), entry.path().filename().string());
            }
        }
    }
    // The reports' texts: the literal after the first argument of say(, sayf( and say_text( in src/io/report*.cpp
    // (File > Export writes the HTML and Markdown reports in the UI's language).
    for (const auto& entry : std::filesystem::directory_iterator(std::string(FIDUCIA_SOURCE_DIR) + "/src/io")) {
        const std::string file = entry.path().filename().string();
        if (entry.path().extension() != ".cpp" || file.rfind("report", 0) != 0) continue;
        const std::string src = test::read_file(entry.path());
        for (const char* call : {"say(", "sayf(", "say_text("}) {
            for (std::size_t at = src.find(call); at != std::string::npos; at = src.find(call, at + 1)) {
                if (at > 0 && (std::isalnum(static_cast<unsigned char>(src[at - 1])) || src[at - 1] == '_'))
                    continue;
                std::size_t i = src.find_first_of(",)", at);
                if (i == std::string::npos || src[i] != ',') continue;
                bool ok = false;
                std::string text = read_literals(src, ++i, ok);
                if (ok) texts.emplace(text, file);
            }
        }
    }
    // Texts kept in tables and translated where they are shown.
    for (const ui::PanelInfo& p : ui::panels())
        for (const char* t : {p.name, p.section, p.hint}) texts.emplace(t, "panels.cpp");
    // The editors' field words in core/fields.hpp's tables: every field's editor label and tooltip, and
    // the labels and meanings the action editor shows for the fields an effect may change.
    for_each_table([&](const auto& table, const char*, bool) {
        for (const FieldInfo& f : table) {
            for (const char* text : {f.editor_label, f.tooltip}) {
                const std::string key = std::string(text).substr(0, std::string(text).find("##"));
                if (!key.empty()) texts.emplace(key, "core/fields.cpp");
            }
            if (f.changeable)
                for (const char* text : {f.label, f.meaning, f.unit})
                    if (*text) texts.emplace(text, "core/fields.cpp");
        }
    });
    return texts;
}

nlohmann::json translation_file(const char* code) {
    const std::string text = test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/i18n/" + code + ".json");
    std::string error;
    CHECK_MESSAGE(ui::parse_translations(text, error), code, ": ", error);
    return nlohmann::json::parse(text, nullptr, false);
}

}  // namespace

TEST_CASE("every text of the UI has a translation in every language, with the same printf conversions") {
    const std::map<std::string, std::string> texts = source_texts();
    REQUIRE(texts.size() > 100);
    for (const ui::LanguageInfo& l : ui::languages()) {
        if (l.language == ui::Language::en) continue;
        CAPTURE(l.code);
        const nlohmann::json table = translation_file(l.code);
        REQUIRE(table.is_object());
        std::string missing;
        int missing_count = 0;
        for (const auto& [text, file] : texts)
            if (!table.contains(text) || table[text].get<std::string>().empty()) {
                if (++missing_count <= 40) missing += "\n  " + file + ": " + text;
            }
        CHECK_MESSAGE(missing_count == 0, missing_count, " texts have no translation in ", l.code, ".json:", missing);
        std::string unused, mismatched;
        for (auto it = table.begin(); it != table.end(); ++it) {
            if (!texts.count(it.key())) unused += "\n  " + it.key();
            const std::string want = ui::printf_conversions(it.key());
            const std::string got = ui::printf_conversions(it.value().get<std::string>());
            if (want != got) mismatched += "\n  " + it.key() + " -> " + it.value().get<std::string>();
        }
        CHECK_MESSAGE(unused.empty(), l.code, ".json has texts the UI no longer uses:", unused);
        CHECK_MESSAGE(mismatched.empty(), l.code, ".json changes printf conversions:", mismatched);
    }
}

TEST_CASE("printf conversions are read in order, escapes and flags included") {
    CHECK(ui::printf_conversions("%d of %.1f%% in %s") == "d f s");
    CHECK(ui::printf_conversions("100%% sure") == "");
    CHECK(ui::printf_conversions("%+.1f %*d %lld") == "f *d lld");
    CHECK(ui::printf_conversions("95% band, 40% less") == "");  // plain text, not a format
    CHECK(ui::printf_conversions("%s then %d") != ui::printf_conversions("%d then %s"));
}

TEST_CASE("a broken translation file is named as such") {
    std::string error;
    CHECK_FALSE(ui::parse_translations("[1, 2]", error));
    CHECK(error == "not a JSON object");
    CHECK_FALSE(ui::parse_translations(R"({"Save": 3})", error));
    CHECK(error.find("Save") != std::string::npos);
    CHECK(ui::parse_translations(R"({"Save": "Salva"})", error));
}

TEST_CASE("browser language codes map to our four languages") {
    CHECK(ui::language_from_code("zh-CN") == ui::Language::zh);
    CHECK(ui::language_from_code("it") == ui::Language::it);
    CHECK(ui::language_from_code("IT-ch") == ui::Language::it);
    CHECK(ui::language_from_code("id-ID") == ui::Language::id);
    CHECK(ui::language_from_code("in") == ui::Language::id);
    CHECK(ui::language_from_code("en_GB") == ui::Language::en);
    CHECK_FALSE(ui::language_from_code("fr-FR").has_value());
    CHECK_FALSE(ui::language_from_code("").has_value());
}

TEST_CASE("numbers, money, percentages and months in each language") {
    test::UiHarness h;  // the translation folder
    struct Case {
        ui::Language language;
        const char *number, *money, *percent, *month, *points;
    };
    const Case cases[] = {
        {ui::Language::en, "1,234.5", "EUR 12,346", "93.2%", "Mar 2027", "+2.1"},
        {ui::Language::zh, "1,234.5", "EUR 12,346", "93.2%", "2027年3月", "+2.1"},
        {ui::Language::it, "1.234,5", "12.346 EUR", "93,2%", "mar 2027", "+2,1"},
        {ui::Language::id, "1.234,5", "EUR 12.346", "93,2%", "Mar 2027", "+2,1"},
    };
    for (const Case& c : cases) {
        CAPTURE(ui::language_info(c.language).code);
        ui::set_language(c.language);
        CHECK(ui::chart::format_number(1234.5, 1) == c.number);
        CHECK(ui::chart::format_money(12345.6, "EUR") == c.money);
        CHECK(ui::chart::format_percent(0.932) == c.percent);
        CHECK(ui::chart::month_label(1, "2027-03") == c.month);
        CHECK(ui::chart::format_points(0.021) == c.points);
    }
    ui::set_language(ui::Language::it);
    CHECK(ui::chart::format_number(-1234567, 0) == "-1.234.567");
    CHECK(ui::chart::format_money(-1200, "EUR") == "-1.200 EUR");
    CHECK(ui::chart::month_label(8, "2027-01") == "ago 2027");
    CHECK(ui::plain_number(0.25) == "0,25");
    ui::set_language(ui::Language::id);
    CHECK(ui::chart::month_label(5, "2027-01") == "Mei 2027");
    CHECK(ui::chart::format_money_short(1.26e6, "IDR") == "IDR 1,3M");
    ui::set_language(ui::Language::en);
    CHECK(ui::chart::month_label(6, "") == "Month 6");
}

TEST_CASE("the language is remembered; the first run follows the browser") {
    {
        test::FakePlatform platform;
        platform.preferences["language"] = "it";
        ui::App app(platform);
        CHECK(ui::current_language() == ui::Language::it);
        app.set_language(ui::Language::zh);
        CHECK(platform.preferences["language"] == "zh");
        ui::App again(platform);
        CHECK(ui::current_language() == ui::Language::zh);
    }
    struct BrowserInIndonesian : test::FakePlatform {
        std::string browser_language() override { return "id-ID"; }
    } browser;
    {
        ui::App app(browser);
        CHECK(ui::current_language() == ui::Language::id);
    }
    browser.preferences["language"] = "en";  // an explicit choice wins over the browser
    ui::App app(browser);
    CHECK(ui::current_language() == ui::Language::en);
}

TEST_CASE("a language whose translation is still on its way is used once it arrives; the choice is kept at once") {
    test::UiHarness h;
    h.platform.translations_missing = {"it"};
    h.frame();
    REQUIRE(ui::current_language() == ui::Language::en);
    h.app.set_language(ui::Language::it);
    CHECK(h.platform.preferences["language"] == "it");
    CHECK(h.platform.translations_asked.back() == "it");
    CHECK(ui::current_language() == ui::Language::en);  // no frame goes half-translated
    CHECK(h.app.pending_language() == ui::Language::it);
    h.frame();
    CHECK(ui::locate_item("New plan").has_value());
    h.platform.translations_missing.clear();  // the page has fetched it, and wakes the loop
    h.frame();
    CHECK(ui::current_language() == ui::Language::it);
    CHECK_FALSE(h.app.pending_language().has_value());
    h.frame();
    CHECK(ui::locate_item("Nuovo piano").has_value());
    const std::size_t asked = h.platform.translations_asked.size();
    h.app.set_language(ui::Language::en);  // English has no file to wait for
    CHECK(ui::current_language() == ui::Language::en);
    CHECK(h.platform.translations_asked.size() == asked);
}

TEST_CASE("the UI speaks the chosen language, and the Language menu names each in its own script") {
    test::UiHarness h;
    h.frame();
    CHECK(ui::locate_item("Language").has_value());
    h.app.set_language(ui::Language::it);
    CHECK(std::string(ui::tr("New plan")) == "Nuovo piano");
    h.frame();
    CHECK(ui::locate_item("Nuovo piano").has_value());
    CHECK_FALSE(ui::locate_item("New plan").has_value());
    h.app.set_language(ui::Language::en);
    CHECK(std::string(ui::tr("New plan")) == "New plan");
}

TEST_CASE("the CJK font is loaded only for Chinese or a plan with CJK text") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(test::example_plans().front()), "plan.json").ok);
    h.frame();
    CHECK(h.app.cjk_glyphs().empty());
    CHECK(h.rebuild_fonts() == 0);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    CHECK(font->FindGlyphNoFallback(0x4FE1) == nullptr);       // 信
    CHECK(font->FindGlyphNoFallback(0x4E2D) != nullptr);       // 中: "简体中文" in the Language menu
    CHECK(font->FindGlyphNoFallback(0x00E8) != nullptr);       // è: Italian plan text

    h.app.set_language(ui::Language::zh);
    const int chinese = h.rebuild_fonts();
    CHECK(chinese > 100);
    font = ImGui::GetIO().Fonts->Fonts[0];
    CHECK(font->FindGlyphNoFallback(0x4FE1) != nullptr);  // 信 of 信任 (trust)
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());

    h.app.set_language(ui::Language::en);  // back to English, but a plan titled in Chinese
    CHECK(h.rebuild_fonts() == 0);
    h.app.document().begin_edit().meta.title = "客户信任计划";
    const std::vector<char32_t>& glyphs = h.app.cjk_glyphs();
    CHECK(glyphs.size() == 6);
    CHECK(h.rebuild_fonts() == 6);
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x5BA2) != nullptr);  // 客
}

TEST_CASE("every panel draws in every language without asserts or id clashes") {
    test::UiHarness h;
    const std::size_t asserts_before = ui::failed_asserts().size();
    for (const ui::LanguageInfo& l : ui::languages()) {
        CAPTURE(l.code);
        h.app.set_language(l.language);
        h.rebuild_fonts();
        CHECK(h.frame().empty());  // the start screen
        REQUIRE(h.app.open_text(test::read_file(test::example_plans().back()), "plan.json").ok);
        for (std::size_t i = 0; i < ui::panels().size(); ++i) {
            CAPTURE(ui::panels()[i].name);
            h.app.show_panel(static_cast<int>(i));
            for (int f = 0; f < 2; ++f) CHECK(h.frame() == std::vector<std::string>{});
        }
        h.app.document().close();
    }
    h.app.set_language(ui::Language::en);
    CHECK(ui::failed_asserts().size() == asserts_before);
}

TEST_CASE("what a delete takes with it is said in whole sentences of the chosen language") {
    test::UiHarness h;  // the translation folder
    io::LoadResult r = io::load_plan(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"));
    REQUIRE(r.ok);
    Plan plan = r.plan;
    // Names without English words, and more touchpoints than a line lists ("... and 3 more").
    for (std::size_t i = 0; i < plan.touchpoints.size(); ++i) plan.touchpoints[i].name = "t" + std::to_string(i);
    for (int i = 0; i < 4; ++i) {
        Touchpoint t = plan.touchpoints.front();
        t.id = "extra-" + std::to_string(i);
        t.stakeholder = plan.stakeholders[0].id;
        plan.touchpoints.push_back(t);
    }
    for (std::size_t i = 0; i < plan.knowledge_sources.size(); ++i) plan.knowledge_sources[i].name = "k" + std::to_string(i);
    for (std::size_t i = 0; i < plan.commitments.size(); ++i) plan.commitments[i].statement = "c" + std::to_string(i);
    for (std::size_t i = 0; i < plan.actions.size(); ++i) plan.actions[i].name = "a" + std::to_string(i);
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i) plan.scenarios[i].name = "s" + std::to_string(i);
    std::size_t in_scenarios = 0;  // an action that scenarios name
    while (in_scenarios < plan.actions.size() &&
           std::none_of(plan.scenarios.begin(), plan.scenarios.end(), [&](const Scenario& s) {
               return std::count(s.actions.begin(), s.actions.end(), plan.actions[in_scenarios].id) > 0;
           }))
        ++in_scenarios;
    REQUIRE(in_scenarios < plan.actions.size());
    auto all_lines = [&] {
        std::vector<std::string> lines = ui::delete_consequences(plan, Entity::stakeholder, 0);
        for (const std::string& l : ui::delete_consequences(plan, Entity::action, in_scenarios)) lines.push_back(l);
        for (const std::string& l : ui::delete_consequences(plan, Entity::touchpoint, 0)) lines.push_back(l);
        return lines;
    };

    std::vector<std::string> group_touchpoints;
    for (const Touchpoint& t : plan.touchpoints)
        if (t.stakeholder == plan.stakeholders[0].id) group_touchpoints.push_back(t.name);
    const std::string count = std::to_string(group_touchpoints.size()), more = std::to_string(group_touchpoints.size() - 4);
    REQUIRE(group_touchpoints.size() > 4);

    ui::set_language(ui::Language::en);
    const std::vector<std::string> english = all_lines();
    REQUIRE(english.size() >= 5);
    CHECK(english[0].rfind(count + " touchpoints of this group will be deleted: " + group_touchpoints[0] + ", ", 0) == 0);
    CHECK(english[0].find(" and " + more + " more") != std::string::npos);
    const char* const kEnglish[] = {"will be deleted", "It leaves", "It is taken off", "more",      "touchpoint",
                                    "commitment",      "knowledge",  "measurement",     "rating", "action effect"};
    for (ui::Language language : {ui::Language::it, ui::Language::id, ui::Language::zh}) {
        CAPTURE(ui::language_info(language).code);
        ui::set_language(language);
        const std::vector<std::string> lines = all_lines();
        CHECK(lines.size() == english.size());
        for (const std::string& line : lines) {
            CAPTURE(line);
            for (const char* word : kEnglish) CHECK(line.find(word) == std::string::npos);
            std::vector<char32_t> cjk;
            ui::collect_cjk(line, cjk);
            CHECK(cjk.empty() == (language != ui::Language::zh));
        }
        if (language == ui::Language::it) {
            CHECK(lines[0].rfind("Verranno eliminati " + count + " punti di contatto di questo gruppo: " +
                                     group_touchpoints[0] + ", ", 0) == 0);
            CHECK(lines[0].find(" e altri " + more) != std::string::npos);
        }
    }
    ui::set_language(ui::Language::en);
}

TEST_CASE("labels and tips made around plan data are translated, and sliders keep their ImGui ids") {
    test::UiHarness h;
    REQUIRE(h.app.open_text(test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json"),
                            "online-shop.json").ok);
    int stakeholders = -1;
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == "Stakeholders") stakeholders = static_cast<int>(i);
    REQUIRE(stakeholders >= 0);
    h.app.show_panel(stakeholders);
    REQUIRE(h.app.document().plan().stakeholders[0].peer_rating.has_value());  // the star slider shows
    h.frame();
    CHECK(ui::locate_item("Stars###stars").has_value());
    h.app.set_language(ui::Language::it);
    h.frame();
    CHECK(ui::locate_item("Stelle###stars").has_value());  // the label translated, the id kept
    CHECK_FALSE(ui::locate_item("Stars").has_value());

    const Plan& plan = h.app.document().plan();
    Action action;
    action.start_month = 3;
    Effect dangling;
    dangling.target = EffectTarget::touchpoint;
    dangling.id = "gone";
    dangling.field = "bad_share";
    CHECK(ui::describe_effect(plan, action, dangling).rfind("(mancante: gone): quota negativa", 0) == 0);
    dangling.id.clear();
    CHECK(ui::describe_effect(plan, action, dangling).rfind("(nessun punto di contatto scelto)", 0) == 0);
    CHECK(ui::stakeholder_name(plan, "") == "(nessuno)");
    Effect kept;  // one format per change, so Italian needs no gender for "set to"
    kept.target = EffectTarget::commitment;
    kept.id = plan.commitments[0].id;
    kept.field = "kept_share";
    kept.op = EffectOp::set;
    kept.value = 0.96;
    CHECK(ui::describe_effect(plan, action, kept) == plan.commitments[0].statement + ": quota mantenuta a 96% dal mese 3");
    action.ramp_months = 3;
    h.app.set_language(ui::Language::zh);
    CHECK(ui::describe_effect(plan, action, kept) ==
          plan.commitments[0].statement + "：兑现比例设为 96%，从第 3 个月起，第 5 个月达到全部效果");
    h.app.set_language(ui::Language::en);
    CHECK(ui::describe_effect(plan, action, kept) ==
          plan.commitments[0].statement + ": kept share set to 96% from month 3, full by month 5");
    CHECK(ui::stakeholder_name(plan, "gone") == "(missing: gone)");
}

TEST_CASE("sensitivity labels are made in the chosen language from the plan and each input's pointer") {
    test::UiHarness h;  // the translation folder
    // English field words of the core's labels; the plans' own names do not hold them.
    const char* const kEnglish[] = {"Setting",  "Culture",    "base rate",   "bad share",   "kept share",
                                    "weight of", "share of",  "coverage of", "effect on",   "per month",
                                    "severity", "importance", "granularity", "consistency", "peer "};
    for (const auto& file : test::example_plans()) {
        CAPTURE(file.filename().string());
        io::LoadResult r = io::load_plan(test::read_file(file));
        REQUIRE(r.ok);
        const Plan& plan = r.plan;
        const std::vector<SensitivityItem> items = sensitivity(plan);
        REQUIRE(items.size() > 20);
        ui::set_language(ui::Language::en);
        for (const SensitivityItem& item : items) {
            CAPTURE(item.input);
            const std::string label = ui::chart::sensitivity_label(plan, item);
            CHECK_FALSE(label.empty());
            // The same words as the CLI's, but for the entity names the UI looks up.
            const bool looked_up = item.input.find("/weights/") != std::string::npos ||
                                   item.input.find("/dimensions/") != std::string::npos ||
                                   item.input.find("/coverage/") != std::string::npos || item.input.rfind("/actions/", 0) == 0;
            if (!looked_up) CHECK(label == item.label);
        }
        ui::set_language(ui::Language::it);
        for (const SensitivityItem& item : items) {
            const std::string label = ui::chart::sensitivity_label(plan, item);
            CAPTURE(label);
            CHECK(label != item.label);
            for (const char* word : kEnglish) CHECK(label.find(word) == std::string::npos);
        }
        const double base = project(plan).months.back().trust_index;
        const ui::chart::BarChart chart = ui::chart::tornado_chart(plan, items, base, 40);
        REQUIRE(!chart.rows.empty());
        for (const ui::chart::BarRow& row : chart.rows) {
            CAPTURE(row.label);
            for (const char* word : kEnglish) CHECK(row.label.find(word) == std::string::npos);
        }
        ui::set_language(ui::Language::zh);
        for (const SensitivityItem& item : items) {
            const std::string label = ui::chart::sensitivity_label(plan, item);
            CAPTURE(label);
            std::vector<char32_t> cjk;
            ui::collect_cjk(label, cjk);
            CHECK_FALSE(cjk.empty());
        }
    }
    const Plan plan = io::load_plan(test::read_file(test::example_plans().front())).plan;
    ui::set_language(ui::Language::it);
    CHECK(ui::chart::sensitivity_label(plan, {"/settings/forgetting", "Setting: forgetting"}) == "Impostazione: oblio");
    CHECK(ui::chart::sensitivity_label(plan, {"/touchpoints/0/bad_share", "x"}) == plan.touchpoints[0].name + ": quota negativa");
    CHECK(ui::chart::sensitivity_label(plan, {"/stakeholders/0/weights/honesty", "x"}) ==
          plan.stakeholders[0].name + ": peso della dimensione Onest\xC3\xA0");
    // What the UI does not know keeps the core's words.
    for (const char* pointer : {"/touchpoints/999/bad_share", "/touchpoints/0/colour", "/future/0", "", "/settings/seed"})
        CHECK(ui::chart::sensitivity_label(plan, {pointer, "core label"}) == "core label");
    ui::set_language(ui::Language::en);
}

TEST_CASE("Compare and merge names entities, fields and values in the chosen language") {
    test::UiHarness h;
    const std::string text = test::read_file(std::string(FIDUCIA_SOURCE_DIR) + "/assets/examples/online-shop.json");
    const Plan a = io::load_plan(text).plan;
    Plan b = a;
    b.touchpoints[0].bad_share = 0.45;
    b.touchpoints[0].stage = Stage::renew;
    b.touchpoints[1].dimensions[2] = 0.6;
    b.stakeholders[0].weights[2] = 0.9;
    b.settings.forgetting = 0.8;
    b.commitments[0].is_public = !b.commitments[0].is_public;
    b.actions[0].cost_once += 1000;
    Stakeholder added = b.stakeholders[0];
    added.id = "gruppo-nuovo";
    added.name = "Gruppo nuovo";
    b.stakeholders.push_back(added);
    b.observations.back().value += 0.05;
    b.observations.erase(b.observations.begin());
    const io::PlanDiff diff = io::diff_plans(a, b);
    REQUIRE(diff.fields.size() == 1);
    REQUIRE(diff.entities.size() >= 6);

    // Every label the panel shows for this difference and for a merge conflict over it.
    auto labels = [&] {
        std::vector<std::string> out;
        for (const io::FieldChange& f : diff.fields) out.push_back(ui::compare_field_label(a, "", f.pointer.substr(1)));
        for (const io::EntityChange& e : diff.entities) {
            out.push_back(ui::compare_change_label(a, b, e));
            for (const io::FieldChange& f : e.fields)
                out.push_back(ui::compare_field_label(a, e.list, f.pointer.substr(e.pointer.size() + 1)));
        }
        Plan theirs = a;
        theirs.touchpoints[0].bad_share = 0.1;
        theirs.settings.forgetting = 0.7;
        for (const io::Conflict& c : io::merge_plans(a, b, theirs).conflicts) out.push_back(ui::compare_conflict_label(b, theirs, c));
        return out;
    };
    ui::set_language(ui::Language::en);
    const std::vector<std::string> english = labels();
    CHECK(std::count(english.begin(), english.end(), "Added: Gruppo nuovo") == 1);
    CHECK(std::count(english.begin(), english.end(), "Changed: " + a.touchpoints[0].name) == 1);
    CHECK(std::count(english.begin(), english.end(), "Bad share") == 1);
    CHECK(std::count(english.begin(), english.end(), "Weight of Honesty") == 1);
    CHECK(std::count(english.begin(), english.end(), "Share of Honesty") == 1);
    CHECK(std::count(english.begin(), english.end(), "One-off cost (EUR)") == 1);
    CHECK(std::count(english.begin(), english.end(), "Forgetting (per month)") == 2);  // a field and a conflict
    CHECK(std::count(english.begin(), english.end(), "Touchpoint \"" + a.touchpoints[0].name + "\": Bad share") == 1);
    const char* const kEnglish[] = {"Added", "Removed", "Changed", "touchpoint", "Touchpoint", "stakeholder", "Stakeholder",
                                    "measurement", "month", "bad_share", "Bad share", "Weight", "Share of", "Stage",
                                    "Forgetting", "forgetting", "One-off", "public", "dimensions"};
    ui::set_language(ui::Language::it);
    const std::vector<std::string> italian = labels();
    REQUIRE(italian.size() == english.size());
    for (const std::string& label : italian) {
        CAPTURE(label);
        for (const char* word : kEnglish) CHECK(label.find(word) == std::string::npos);
    }
    CHECK(std::count(italian.begin(), italian.end(), "Aggiunto: Gruppo nuovo") == 1);
    CHECK(std::count(italian.begin(), italian.end(), "Punto di contatto \xC2\xAB" + a.touchpoints[0].name + "\xC2\xBB: Quota negativa") == 1);
    CHECK(ui::compare_value_text("/touchpoints", "bad_share", io::Json(0.45)) == "0,45");
    CHECK(ui::compare_value_text("/touchpoints", "stage", io::Json("renew")) == "Rinnovo");
    CHECK(ui::compare_value_text("/commitments", "public", io::Json(true)) == "s\xC3\xAC");
    CHECK(ui::compare_value_text("/touchpoints", "bad_share", std::nullopt) == "(nessuno)");
    CHECK(ui::compare_value_text("/stakeholders", "peer_rating", io::Json(nullptr)) == "(nessuno)");
    ui::set_language(ui::Language::zh);
    for (const std::string& label : labels()) {
        CAPTURE(label);
        std::vector<char32_t> cjk;
        ui::collect_cjk(label, cjk);
        CHECK_FALSE(cjk.empty());
    }

    // The panel draws them, in Italian, without asserts or id clashes.
    ui::set_language(ui::Language::it);
    h.rebuild_fonts();
    REQUIRE(h.app.open_text(text, "online-shop.json").ok);
    for (std::size_t i = 0; i < ui::panels().size(); ++i)
        if (std::string(ui::panels()[i].name) == "Compare and merge") h.app.show_panel(static_cast<int>(i));
    h.app.receive_file(ui::Platform::FilePurpose::compare, io::save_plan(b), "b.json");
    for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
    REQUIRE(h.app.compare_view().diff.has_value());
    h.app.set_language(ui::Language::en);
}

TEST_CASE("Chinese text wraps between characters, not only at the spaces around numbers and Latin words") {
    test::UiHarness h;  // a frame's font (scripts/imgui-cjk-wrap.patch patches ImGui's word wrap)
    h.frame();
    ImFont* font = ImGui::GetFont();
    const std::string text = "按 9 分信任量表为每个群体评分，然后交给你一个评分文件或一个简短的代码。";
    const float advance = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "分").x;
    const float wrap = advance * 12.5f;  // room for about twelve characters
    const char* end = font->CalcWordWrapPositionA(1.0f, text.c_str(), text.c_str() + text.size(), wrap);
    const std::string first(text.c_str(), end);
    CAPTURE(first);
    std::vector<char32_t> cjk;
    ui::collect_cjk(first, cjk);
    CHECK(cjk.size() >= 8);  // the line fills up; unpatched, it stopped at "按 9 "
    CHECK(font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, first.c_str()).x <= wrap);
    // English still wraps at spaces only.
    const std::string english = "Score trust with a room of colleagues on their own laptops";
    const char* e = font->CalcWordWrapPositionA(1.0f, english.c_str(), english.c_str() + english.size(),
                                                font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "Score trust wi").x);
    CHECK(std::string(english.c_str(), e) == "Score trust");
}
