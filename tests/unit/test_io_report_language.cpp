// Reports in a language (io::ReportLanguage): the default and English hooks give today's bytes;
// every text, number, month and amount of the HTML and Markdown reports goes through the hooks;
// user text stays escaped whatever the translation around it; the CSV never changes.
#include <doctest/doctest.h>

#include <cctype>
#include <regex>

#include "io/report.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

const char* const kOpen = "\xE2\x9F\xA6";   // U+27E6, around every translated text
const char* const kClose = "\xE2\x9F\xA7";  // U+27E7

// English again, through every hook: the result must be byte for byte the default's.
ReportLanguage english_hooks() {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    ReportLanguage l;
    l.text = [](const char* english) { return std::string(english); };
    l.number = [](const std::string& c_number) { return c_number; };
    l.month_year = [](int year, int month) { return std::string(kMonths[month - 1]) + " " + std::to_string(year); };
    l.money = [](const std::string& digits, const std::string& currency, bool negative) {
        std::string grouped;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
            grouped += digits[i];
        }
        return (negative ? "-" : "") + (currency.empty() ? "" : currency + " ") + grouped;
    };
    return l;
}

// A language that marks everything it touches: texts in brackets, decimal commas, months and
// amounts in a shape no English report has.
ReportLanguage marking_language() {
    ReportLanguage l;
    l.code = "xx";
    l.text = [](const char* english) { return kOpen + std::string(english) + kClose; };
    l.number = [](const std::string& c_number) {
        std::string out = c_number;
        for (char& c : out)
            if (c == '.') c = ',';
        return out;
    };
    l.month_year = [](int year, int month) { return "M" + std::to_string(month) + "/" + std::to_string(year); };
    l.money = [](const std::string& digits, const std::string& currency, bool negative) {
        return std::string(negative ? "~" : "") + digits + "\xC2\xA4" + currency;  // ¤
    };
    return l;
}

// An example plan whose user text is made of tokens that no English word contains.
Plan neutral_plan(const std::string& example) {
    LoadResult r = load_plan(example_text(example));
    Plan plan = r.plan;
    plan.meta.title = "T1";
    plan.meta.organisation = "O1";
    plan.meta.authors = {"A1", "A2"};
    plan.meta.notes = "Z1\n\nZ2";
    plan.meta.currency = "QQQ";
    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) plan.stakeholders[i].name = "S" + std::to_string(i);
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        plan.actions[i].name = "X" + std::to_string(i);
        plan.actions[i].owner = "W" + std::to_string(i);
    }
    for (std::size_t i = 0; i < plan.touchpoints.size(); ++i) plan.touchpoints[i].name = "P" + std::to_string(i);
    for (std::size_t i = 0; i < plan.commitments.size(); ++i) plan.commitments[i].statement = "C" + std::to_string(i);
    for (std::size_t i = 0; i < plan.knowledge_sources.size(); ++i)
        plan.knowledge_sources[i].name = "K" + std::to_string(i);
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i) plan.scenarios[i].name = "Q" + std::to_string(i);
    for (std::size_t i = 0; i < plan.observations.size(); ++i) plan.observations[i].source = "V" + std::to_string(i);
    return plan;
}

// What a reader sees outside the translated texts: no style sheet, no tags, no marked text (a
// marked sentence may hold a marked month), in lower case.
std::string unmarked(std::string text) {
    for (std::size_t at = text.find("<style>"); at != std::string::npos; at = text.find("<style>"))
        text.erase(at, text.find("</style>", at) + 8 - at);
    const std::string open = kOpen, close = kClose;
    std::string out;
    bool tag = false;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, open.size(), open) == 0) ++depth, i += open.size() - 1;
        else if (text.compare(i, close.size(), close) == 0) --depth, i += close.size() - 1;
        else if (text[i] == '<') tag = true;
        else if (text[i] == '>' && tag) tag = false, out += ' ';
        else if (!tag && depth == 0) out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    }
    return out;
}

const char* const kEnglishWords[] = {
    "trust",  "report", "scenario", "projection", "roadmap", "explanation", "total",   "yes",     "no ",
    "n/a",    "stakeholder", "today", "change",   "month",   "notes",       "source",  "points",  "running",
    "made",   "by ",    "base rate", "peer",    "culture",  "cost",        "revenue", "weighted", "over",
    "band",   "lines",  "light",    "grey",     "ramp",     "one-off",     "owner",   "action",  "starts",
    "figure", "value",  "retained", "customers", "index",   "from",        " mo",     "key",     "fiducia",
    "jan",    "feb",    "mar",      "dec",      "interval", "scale"};

void check_no_english(const std::string& seen) {
    for (const char* word : kEnglishWords) {
        const std::string w = word;
        CAPTURE(w);
        const std::size_t at = seen.find(word);
        CHECK_MESSAGE(at == std::string::npos, "...", seen.substr(at == std::string::npos ? 0 : (at < 60 ? 0 : at - 60), 120));
    }
}

// Every "<script" of Markdown text is escaped ("\<script").
bool markdown_script_escaped(const std::string& md) {
    for (std::size_t at = md.find("<script"); at != std::string::npos; at = md.find("<script", at + 1))
        if (at == 0 || md[at - 1] != '\\') return false;
    return true;
}

}  // namespace

TEST_CASE("report language: the default and English through every hook give today's bytes") {
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        LoadResult r = load_plan(example_text(name));
        IO_REQUIRE(r.ok);
        for (bool untitled : {false, true}) {
            Plan plan = r.plan;
            if (untitled) plan.meta.title.clear(), plan.settings.start.clear();  // "Untitled", "Month 3"
            const Projection p = project(plan);
            const ReportLanguage english = english_hooks();
            CHECK(report_html(plan, p, english) == report_html(plan, p));
            CHECK(report_markdown(plan, p, english) == report_markdown(plan, p));
            CHECK(report(plan, p, ReportFormat::html, english) == report_html(plan, p));
            CHECK(report(plan, p, ReportFormat::markdown, {}) == report_markdown(plan, p));
            // The CSV stays machine-readable whatever the language.
            CHECK(report(plan, p, ReportFormat::csv, marking_language()) == projection_csv(plan, p));
        }
    }
}

TEST_CASE("report language: every text, number, month and amount of the reports goes through it") {
    const ReportLanguage lang = marking_language();
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        for (bool dated : {true, false}) {
            CAPTURE(dated);
            Plan plan = neutral_plan(name);
            if (!dated) plan.settings.start.clear();
            const Projection p = project(plan);
            const std::string html = report_html(plan, p, lang);
            const std::string md = report_markdown(plan, p, lang);
            CHECK(html.find("<html lang=\"xx\">") != std::string::npos);
            CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
            const std::string html_seen = unmarked(html), md_seen = unmarked(md);
            check_no_english(html_seen);
            check_no_english(md_seen);
            // Numbers: decimal commas, never a C-locale decimal point or English thousands.
            const std::regex c_number("[0-9]\\.[0-9]"), grouped("[0-9],[0-9]{3}");
            CHECK_FALSE(std::regex_search(html_seen, c_number));
            CHECK_FALSE(std::regex_search(md_seen, c_number));
            CHECK_FALSE(std::regex_search(html_seen, grouped));
            CHECK_FALSE(std::regex_search(md_seen, grouped));
            char index[32];
            std::snprintf(index, sizeof index, "%.1f", p.months.back().trust_index * 100);
            std::string comma = index;
            comma[comma.find('.')] = ',';
            CHECK(html.find(">" + comma + "<") != std::string::npos);
            CHECK(md.find("| " + comma + " |") != std::string::npos);
            CHECK(html.find("\xC2\xA4QQQ") != std::string::npos);  // the money hook
            CHECK(md.find("\xC2\xA4QQQ") != std::string::npos);
            if (dated) {  // month 1 is settings.start
                const std::string& start = plan.settings.start;
                const std::string first = "M" + std::to_string(std::stoi(start.substr(5, 2))) + "/" + start.substr(0, 4);
                CHECK(html.find(">" + first + "<") != std::string::npos);
                CHECK(md.find("| " + first + " |") != std::string::npos);
            }
            // Translated sentences around user text: the user text is there, once, unchanged.
            CHECK(html.find(std::string(kOpen) + "By A1, A2" + kClose) != std::string::npos);
        }
    }
}

TEST_CASE("report language: user text is escaped inside translated sentences") {
    const std::string script = "<script>alert(1)</script>";
    LoadResult r = load_plan(example_text("online-shop"));
    IO_REQUIRE(r.ok);
    Plan plan = r.plan;
    plan.meta.title = script;
    plan.meta.authors = {script};
    plan.stakeholders[0].name = script;
    plan.actions[0].name = script;
    plan.scenarios[0].name = script;
    ReportLanguage lang = marking_language();
    // A translation holding markup of its own is shown as text too.
    lang.text = [](const char* english) { return "<u>" + std::string(english) + "</u>"; };
    for (const std::string& scenario : {std::string(), plan.scenarios[0].id}) {
        ProjectionOptions options;
        if (!scenario.empty()) options.scenario = scenario;
        const Projection p = project(plan, options);
        const std::string html = report_html(plan, p, lang);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<u>") == std::string::npos);
        CHECK(html.find("&lt;u&gt;&lt;script&gt;alert(1)&lt;/script&gt; - trust report&lt;/u&gt;") != std::string::npos);
        CHECK(html.find("&lt;u&gt;By &lt;script&gt;alert(1)&lt;/script&gt;&lt;/u&gt;") != std::string::npos);
        CHECK(html.find("&lt;u&gt;Trust over time: &lt;script&gt;") != std::string::npos);  // the SVG's title
        CHECK(markdown_script_escaped(report_markdown(plan, p, lang)));
    }
}
