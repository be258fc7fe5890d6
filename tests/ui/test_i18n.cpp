// Languages: every tr() text of the UI sources has a translation in each language file, with the
// same printf conversions; numbers and dates per language; the choice is remembered; the CJK font
// is loaded only for Chinese or a plan with CJK text; every panel draws in every language.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "io/plan_file.hpp"
#include "ui/chart.hpp"
#include "ui/editing.hpp"
#include "ui/i18n.hpp"
#include "ui/panels.hpp"
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

// Every text passed as a literal to tr() or trf() in src/ui/*.cpp, with the file it is in.
std::map<std::string, std::string> source_texts() {
    std::map<std::string, std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(FIDUCIA_SOURCE_DIR) + "/src/ui")) {
        if (entry.path().extension() != ".cpp") continue;
        const std::string src = test::read_file(entry.path());
        for (const char* call : {"tr(", "trf(", "tr_noop("}) {
            for (std::size_t at = src.find(call); at != std::string::npos; at = src.find(call, at + 1)) {
                if (at > 0 && (std::isalnum(static_cast<unsigned char>(src[at - 1])) || src[at - 1] == '_' ||
                               src[at - 1] == ':'))
                    continue;  // str(, ImGui::tr... : not ours
                std::size_t i = at + std::strlen(call);
                bool ok = false;
                std::string text = read_literals(src, i, ok);
                if (ok) texts.emplace(text.substr(0, text.find("##")), entry.path().filename().string());
            }
        }
    }
    // Texts kept in tables and translated where they are shown.
    for (const ui::PanelInfo& p : ui::panels())
        for (const char* t : {p.name, p.section, p.hint}) texts.emplace(t, "panels.cpp");
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
