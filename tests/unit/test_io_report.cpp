// Reports (io/report): user text never reaches HTML, SVG or Markdown unescaped; CSV text cells are
// guarded against formula injection and the CSV reads back to the projection's exact numbers;
// Markdown tables keep their shape whatever the names hold.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/model.hpp"
#include "io/presentation.hpp"
#include "io/report.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kAttribute = "\"><img src=x onerror=alert(2)>";

// An example plan with hostile text in every place a report shows user text.
Plan hostile_plan() {
    LoadResult r = load_plan(example_text("online-shop"));
    Plan plan = r.plan;
    plan.meta.title = kScript;
    plan.meta.organisation = kAttribute;
    plan.meta.authors = {kScript};
    plan.meta.notes = kScript + "\n\n" + kAttribute + "\n| not | a | table |";
    plan.meta.currency = "<i>";
    plan.meta.language = kAttribute;
    plan.stakeholders[0].name = kScript + " | pipe\nnew line";
    plan.stakeholders[1].name = kAttribute;
    plan.actions[0].name = kScript;
    plan.actions[0].owner = kAttribute;
    plan.touchpoints[0].name = kScript;  // a waterfall label, inside the SVG
    plan.commitments[0].statement = kAttribute;
    plan.observations[0].source = kScript + " | pipe";  // the measurements table
    return plan;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// RFC 4180 reader: rows of cells, quotes undone.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& cell = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            rows.emplace_back(1);
        } else {
            cell += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

// Splits a Markdown table row on the pipes that are not backslash-escaped.
std::size_t unescaped_pipes(const std::string& line) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') ++i;
        else if (line[i] == '|') ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("report: a hostile plan's text is shown as text in HTML, attributes and SVG") {
    const Plan plan = hostile_plan();
    const std::string html = report_html(plan, project(plan));
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(lower(html).find("<img") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);  // the currency too
    CHECK(html.find("&lt;i&gt; 1,") != std::string::npos);
    CHECK(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 6);  // title x2, authors, group, action, notes
    CHECK(html.find("lang=\"&quot;&gt;&lt;img") != std::string::npos);
    // The waterfall's labels live inside SVG <text> and <title>: escaped there as well.
    const std::size_t svg = html.find("<svg", html.find("Explanation at month"));
    REQUIRE(svg != std::string::npos);
    const std::string charts = html.substr(svg);
    CHECK(charts.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>") != std::string::npos);
    CHECK(charts.find("<title>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
}

TEST_CASE("report: the HTML is self-contained, scriptless and locked by its CSP") {
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        LoadResult r = load_plan(example_text(name));
        IO_REQUIRE(r.ok);
        const Projection p = project(r.plan);
        const std::string html = report_html(r.plan, p);
        CHECK(html == report_html(r.plan, p));  // deterministic: no clock, no locale
        CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'") !=
              std::string::npos);
        const std::string l = lower(html);
        for (const char* banned : {"<script", "http:", "https:", "src=", "href=", "@import", "url("}) {
            CAPTURE(banned);
            CHECK(l.find(banned) == std::string::npos);
        }
        // Trust Index + one trust chart and one waterfall per stakeholder + the roadmap.
        CHECK(count(html, "<svg ") == 2 + 2 * r.plan.stakeholders.size() - (r.plan.actions.empty() ? 1 : 0));
        CHECK(html.find("<h1>" + html_escape(r.plan.meta.title) + "</h1>") != std::string::npos);
        for (const Action& a : r.plan.actions) CHECK(html.find(html_escape(a.name)) != std::string::npos);
        CHECK(html.find("@page") != std::string::npos);
    }
}

TEST_CASE("report: figures are shown as the UI shows them and follow the scenario") {
    LoadResult r = load_plan(example_text("online-shop"));
    IO_REQUIRE(r.ok);
    ProjectionOptions options;
    options.scenario = "delivery-first";
    const Projection p = project(r.plan, options);
    const std::string html = report_html(r.plan, p);
    char index[32];
    std::snprintf(index, sizeof index, "<div class=\"value\">%.1f</div>", p.months.back().trust_index * 100);
    CHECK(html.find(index) != std::string::npos);
    CHECK(html.find("Scenario: <b>Delivery first</b>") != std::string::npos);
    CHECK(html.find("from Mar 2027 (month 0 is today, Feb 2027)") != std::string::npos);
    const std::string md = report_markdown(r.plan, p);
    CHECK(md.find("Scenario: Delivery first") != std::string::npos);
}

TEST_CASE("report: CSV text cells are guarded against formulas; numbers are left alone") {
    CHECK(csv_text_cell("=1+2") == "'=1+2");
    CHECK(csv_text_cell("+31 20") == "'+31 20");
    CHECK(csv_text_cell("-x") == "'-x");
    CHECK(csv_text_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text_cell("\tTab") == "'\tTab");
    CHECK(csv_text_cell("\rCR") == "\"'\rCR\"");
    CHECK(csv_text_cell("a \"quote\", comma") == "\"a \"\"quote\"\", comma\"");
    CHECK(csv_text_cell("plain") == "plain");
    CHECK(csv_text_cell("") == "");

    Plan plan = hostile_plan();
    plan.stakeholders[0].name = "=HYPERLINK(\"http://x\",\"click\")";
    plan.stakeholders[1].name = "@evil, \"quoted\"\nline";
    const std::string csv = projection_csv(plan, project(plan));
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find(",@") == std::string::npos);
    CHECK(csv.find(",'=HYPERLINK(") == std::string::npos);  // it has quotes, so the cell is quoted
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",") != std::string::npos);
    const auto rows = parse_csv(csv);
    REQUIRE(rows.size() > 2);
    CHECK(rows[1][3] == "'=HYPERLINK(\"http://x\",\"click\")");
    CHECK(rows[2][3] == "'@evil, \"quoted\"\nline");
}

TEST_CASE("report: the CSV reads back to the projection's numbers, one row per month and stakeholder") {
    for (const std::string& name : example_names()) {
        CAPTURE(name);
        LoadResult r = load_plan(example_text(name));
        IO_REQUIRE(r.ok);
        const Projection p = project(r.plan);
        const auto rows = parse_csv(projection_csv(r.plan, p));
        IO_REQUIRE(rows.size() == 1 + p.months.size() * r.plan.stakeholders.size());
        CHECK(rows[0] == std::vector<std::string>{"month", "label", "stakeholder_id", "stakeholder", "trust", "band_low",
                                                  "band_high", "retained", "trust_index"});
        std::size_t row = 1;
        for (const MonthResult& m : p.months) {
            for (std::size_t i = 0; i < r.plan.stakeholders.size(); ++i, ++row) {
                const std::vector<std::string>& cells = rows[row];
                IO_REQUIRE(cells.size() == 9);
                const StakeholderMonth& s = m.stakeholders[i];
                CHECK(std::atoi(cells[0].c_str()) == m.month);
                CHECK(cells[2] == r.plan.stakeholders[i].id);
                CHECK(cells[3] == r.plan.stakeholders[i].name);
                CHECK(std::strtod(cells[4].c_str(), nullptr) == s.trust);
                CHECK(std::strtod(cells[5].c_str(), nullptr) == s.band_low);
                CHECK(std::strtod(cells[6].c_str(), nullptr) == s.band_high);
                CHECK(std::strtod(cells[7].c_str(), nullptr) == s.retained);
                CHECK(std::strtod(cells[8].c_str(), nullptr) == m.trust_index);
            }
        }
    }
}

TEST_CASE("report: CSV month labels count from settings.start, month 0 being the month before") {
    Plan plan;
    plan.settings.start = "2027-01";
    plan.settings.horizon_months = 13;
    plan.stakeholders.push_back({});
    plan.stakeholders[0].id = "c";
    const auto rows = parse_csv(projection_csv(plan, project(plan)));
    REQUIRE(rows.size() == 15);
    CHECK(rows[1][1] == "2026-12");
    CHECK(rows[2][1] == "2027-01");
    CHECK(rows[14][1] == "2028-01");
    plan.settings.start.clear();
    CHECK(parse_csv(projection_csv(plan, project(plan)))[2][1] == "");
}

TEST_CASE("report: Markdown escapes user text and every table keeps its columns") {
    CHECK(markdown_escape("a|b") == "a\\|b");
    CHECK(markdown_escape("<script>") == "\\<script\\>");
    CHECK(markdown_escape("# heading") == "\\# heading");
    CHECK(markdown_escape("1. list") == "1\\. list");
    CHECK(markdown_escape("x\ny") == "x y");
    CHECK(markdown_escape("Trust plan 2027-2028: shop") == "Trust plan 2027-2028: shop");  // readable

    const Plan plan = hostile_plan();
    const std::string md = report_markdown(plan, project(plan));
    CHECK(md.find(kScript) == std::string::npos);
    for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1))
        CHECK(md[at - 1] == '\\');  // every < is escaped: no HTML reaches a Markdown renderer
    CHECK(md.find("\\<script\\>alert(1)\\</script\\>") != std::string::npos);
    std::size_t tables = 0, columns = 0;
    bool in_table = false;
    std::size_t start = 0;
    while (start < md.size()) {
        const std::size_t end = md.find('\n', start);
        const std::string line = md.substr(start, end - start);
        start = end == std::string::npos ? md.size() : end + 1;
        if (line.empty() || line[0] != '|') {
            in_table = false;
            continue;
        }
        CAPTURE(line);
        if (!in_table) {
            in_table = true;
            ++tables;
            columns = unescaped_pipes(line);
            CHECK(columns >= 3);
        } else {
            CHECK(unescaped_pipes(line) == columns);
        }
        CHECK(line.back() == '|');
    }
    CHECK(tables >= 5 + plan.stakeholders.size() - 1);
}

TEST_CASE("report: formats by name") {
    ReportFormat f{};
    CHECK((parse_report_format("html", f) && f == ReportFormat::html));
    CHECK((parse_report_format("md", f) && f == ReportFormat::markdown));
    CHECK((parse_report_format("csv", f) && f == ReportFormat::csv));
    CHECK_FALSE(parse_report_format("pdf", f));
    CHECK(std::string(report_extension(ReportFormat::markdown)) == ".md");
}

TEST_CASE("reports: customers and revenue lost, measurements with the backtest and the fit, the workshop; totals name their period") {
    const Plan plan = load_plan(example_text("online-shop")).plan;
    const Projection p = project(plan);
    const std::string md = report_markdown(plan, p), html = report_html(plan, p);
    const presentation::CustomerTotals lost = presentation::customer_totals(plan, p);
    REQUIRE(lost.any);
    char figure[64];
    std::snprintf(figure, sizeof figure, "%.0f", lost.lost());
    std::string grouped;  // "91,108"
    for (std::size_t i = 0; i < std::strlen(figure); ++i) {
        if (i && (std::strlen(figure) - i) % 3 == 0) grouped += ',';
        grouped += figure[i];
    }
    CHECK(md.find("| Customers lost to bad experiences over 24 months | " + grouped + " |") != std::string::npos);
    CHECK(md.find("| Revenue kept, total over 24 months |") != std::string::npos);
    CHECK(md.find("| Revenue lost to bad experiences, total over 24 months |") != std::string::npos);
    CHECK(html.find("Customers lost") != std::string::npos);
    CHECK(html.find("total over 24 months") != std::string::npos);
    // The measurements: every one listed; the backtest's rows and coverage are calibrate()'s.
    const Calibration c = calibrate(plan);
    REQUIRE(!c.backtest.empty());
    CHECK(md.find("## Measurements") != std::string::npos);
    CHECK(count(md, "| Feb 2027 |") >= plan.observations.size());
    CHECK(md.find("### Backtest") != std::string::npos);
    CHECK(md.find("lie inside the projection's 95% band") != std::string::npos);
    CHECK(md.find("### Base rates fitted to the measurements") != std::string::npos);
    for (const CalibratedGroup& g : c.groups)
        if (g.at_bound()) CHECK(md.find("the end of its range") != std::string::npos);
    // The workshop's scores, with agreement.
    REQUIRE(!plan.workshop.ratings.empty());
    CHECK(md.find("## Workshop") != std::string::npos);
    CHECK(md.find("Kendall's W") != std::string::npos);
    CHECK(html.find("<h2>Workshop</h2>") != std::string::npos);
    // Colour words match the bars: the lowering colour is vermillion-orange (#d55e00), not red.
    CHECK(html.find("#d55e00") != std::string::npos);
    CHECK(html.find("orange lowers it") != std::string::npos);
    CHECK(lower(html).find("red lowers") == std::string::npos);
    // A plan with no measurement and no workshop has neither section.
    Plan bare = plan;
    bare.observations.clear();
    bare.workshop.ratings.clear();
    const std::string plain = report_markdown(bare, project(bare));
    CHECK(plain.find("## Measurements") == std::string::npos);
    CHECK(plain.find("## Workshop") == std::string::npos);
}
