// The plain-text reports: escaping, the projection as CSV and the report as Markdown tables.
#include <cstring>

#include "io/json_util.hpp"
#include "io/report.hpp"
#include "io/report_parts.hpp"

namespace fiducia::io {

using namespace report_parts;

bool parse_report_format(std::string_view text, ReportFormat& out) {
    if (text == "html") out = ReportFormat::html;
    else if (text == "md" || text == "markdown") out = ReportFormat::markdown;
    else if (text == "csv") out = ReportFormat::csv;
    else return false;
    return true;
}

const char* report_extension(ReportFormat format) {
    return format == ReportFormat::html ? ".html" : format == ReportFormat::markdown ? ".md" : ".csv";
}

const char* report_mime_type(ReportFormat format) {
    return format == ReportFormat::html       ? "text/html;charset=utf-8"
           : format == ReportFormat::markdown ? "text/markdown;charset=utf-8"
                                              : "text/csv;charset=utf-8";
}

std::string report(const Plan& plan, const Projection& projection, ReportFormat format, const ReportLanguage& language) {
    if (format == ReportFormat::html) return report_html(plan, projection, language);
    if (format == ReportFormat::markdown) return report_markdown(plan, projection, language);
    return projection_csv(plan, projection);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view text) {
    // Inline markup (emphasis, code, links, HTML, entities, table pipes) is escaped anywhere; what
    // only means something at the start of a line (headings, lists, quotes) is escaped there.
    static const char* kInline = "\\`*_{}[]<>!|~&";
    static const char* kLineStart = "#+-=>";
    std::string out;
    out.reserve(text.size());
    std::size_t first = text.find_first_not_of(' ');
    std::size_t digits_end = first;
    while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') ++digits_end;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            continue;
        }
        const bool list_number = i == digits_end && digits_end > first && (c == '.' || c == ')');
        if ((c != '\0' && std::strchr(kInline, c)) || (i == first && c != '\0' && std::strchr(kLineStart, c)) || list_number)
            out += '\\';
        out += c;
    }
    return out;
}

std::string csv_text_cell(std::string_view text) {
    std::string cell(text);
    if (!cell.empty() && std::strchr("=+-@\t\r", cell[0])) cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string projection_csv(const Plan& plan, const Projection& projection) {
    std::string out = "month,label,stakeholder_id,stakeholder,trust,band_low,band_high,retained,trust_index\r\n";
    for (const MonthResult& m : projection.months) {
        for (std::size_t i = 0; i < plan.stakeholders.size() && i < m.stakeholders.size(); ++i) {
            const StakeholderMonth& s = m.stakeholders[i];
            const Stakeholder& who = plan.stakeholders[i];
            out += std::to_string(m.month) + "," + csv_text_cell(month_code(m.month, plan.settings.start)) + "," +
                   csv_text_cell(who.id) + "," + csv_text_cell(who.name) + "," + format_number(s.trust) + "," +
                   format_number(s.band_low) + "," + format_number(s.band_high) + "," + format_number(s.retained) +
                   "," + format_number(m.trust_index) + "\r\n";
        }
    }
    return out;
}

namespace {

// A Markdown table: cells are already escaped; every row gets exactly the header's columns.
struct MarkdownTable {
    std::vector<std::string> header;
    std::vector<bool> right;  // numeric columns are right-aligned
    std::vector<std::vector<std::string>> rows;

    std::string text() const {
        std::string out = "|";
        for (const std::string& h : header) out += " " + h + " |";
        out += "\n|";
        for (std::size_t c = 0; c < header.size(); ++c) out += c < right.size() && right[c] ? " ---: |" : " --- |";
        out += "\n";
        for (const std::vector<std::string>& row : rows) {
            out += "|";
            for (std::size_t c = 0; c < header.size(); ++c) out += " " + (c < row.size() ? row[c] : std::string()) + " |";
            out += "\n";
        }
        return out + "\n";
    }
};

}  // namespace

std::string report_markdown(const Plan& plan, const Projection& projection, const ReportLanguage& lang) {
    const ReportData d = gather(plan, projection, lang);
    const std::string& cur = d.currency;
    std::string out = "# " + markdown_escape(d.title) + "\n\n";
    if (!d.organisation.empty()) out += "**" + markdown_escape(d.organisation) + "**\n\n";
    out += say(lang, "Scenario:") + " " + markdown_escape(d.scenario_name) + "  \n";
    out += say(lang, "Projection:") + " " + markdown_escape(scope_line(lang, d)) + "  \n";
    out += say(lang, "Trust is shown x100: the share of the group who trust the organisation.") + "\n\n";

    out += "## " + say(lang, "Key figures") + "\n\n";
    MarkdownTable key{{say(lang, "Figure"), say(lang, "Value")}, {false, true}, {}};
    key.rows.push_back({say(lang, "Trust Index today"), trust(lang, d.index_now)});
    key.rows.push_back({sayf(lang, "Trust Index at month %d", d.horizon), trust(lang, d.index_horizon)});
    key.rows.push_back({say(lang, "Change over the horizon"), points(lang, d.index_horizon - d.index_now)});
    key.rows.push_back({sayf(lang, "Cost of the actions over %d months", d.horizon), markdown_escape(money(lang, d.total_cost, cur))});
    key.rows.push_back({sayf(lang, "Revenue kept, total over %d months", d.horizon), markdown_escape(money(lang, d.revenue_kept, cur))});
    if (d.customers.any) {
        key.rows.push_back({sayf(lang, "Customers lost to bad experiences over %d months", d.horizon),
                            markdown_escape(money(lang, d.customers.lost(), ""))});
        key.rows.push_back({sayf(lang, "Revenue lost to bad experiences, total over %d months", d.horizon),
                            markdown_escape(money(lang, d.customers.revenue_lost, cur))});
    }
    out += key.text();

    out += "## " + say(lang, "Trust per stakeholder") + "\n\n";
    MarkdownTable groups{{say(lang, "Stakeholder"), say(lang, "Today"), sayf(lang, "Month %d", d.horizon),
                          say(lang, "Change"), say(lang, "95% band"), say(lang, "Retained")},
                         {false, true, true, true, true, true}, {}};
    for (const StakeholderRow& s : d.stakeholders)
        groups.rows.push_back({markdown_escape(s.name), trust(lang, s.now->trust), trust(lang, s.horizon->trust),
                               points(lang, s.horizon->trust - s.now->trust),
                               sayf(lang, "%s to %s", trust(lang, s.horizon->band_low).c_str(),
                                    trust(lang, s.horizon->band_high).c_str()),
                               s.customers ? trust(lang, s.horizon->retained) + "%" : say(lang, "n/a")});
    out += groups.text();

    out += "## " + say(lang, "Trust over time") + "\n\n";
    MarkdownTable months{{say(lang, "Month"), say(lang, "Trust Index")}, {false, true}, {}};
    for (const StakeholderRow& s : d.stakeholders) {
        months.header.push_back(markdown_escape(s.name));
        months.right.push_back(true);
    }
    for (const MonthResult& m : projection.months) {
        std::vector<std::string> row{markdown_escape(month_name(lang, m.month, d.start)), trust(lang, m.trust_index)};
        for (std::size_t i = 0; i < d.stakeholders.size() && i < m.stakeholders.size(); ++i)
            row.push_back(trust(lang, m.stakeholders[i].trust) + " (" +
                          sayf(lang, "%s to %s", trust(lang, m.stakeholders[i].band_low).c_str(),
                               trust(lang, m.stakeholders[i].band_high).c_str()) +
                          ")");
        months.rows.push_back(std::move(row));
    }
    out += months.text();

    out += "## " + say(lang, "Roadmap") + "\n\n";
    MarkdownTable road{{say(lang, "Starts"), say(lang, "Action"), say(lang, "Owner"), say(lang, "Ramp"),
                        say(lang, "One-off"), say(lang, "Per month"), say(lang, "Cost over the horizon"),
                        say(lang, "In this scenario")},
                       {false, false, false, true, true, true, true, false}, {}};
    for (const ActionRow& a : d.actions)
        road.rows.push_back({markdown_escape(month_name(lang, a.action->start_month, d.start)),
                             markdown_escape(a.action->name.empty() ? a.action->id : a.action->name),
                             markdown_escape(a.action->owner), sayf(lang, "%d mo", a.action->ramp_months),
                             markdown_escape(money(lang, a.action->cost_once, cur)),
                             markdown_escape(money(lang, a.action->cost_per_month, cur)),
                             markdown_escape(money(lang, a.cost, cur)), a.on ? say(lang, "yes") : say(lang, "no")});
    road.rows.push_back({"", "**" + say(lang, "Total") + "**", "", "", "", "", markdown_escape(money(lang, d.total_cost, cur)), ""});
    if (d.actions.empty()) out += say(lang, "The plan has no actions.") + "\n\n";
    else out += road.text();

    out += "## " + sayf(lang, "Explanation at month %d", d.horizon) + "\n\n";
    out += say(lang, "How each score is built: the base rate, then each source of evidence, in points of trust.") + "\n\n";
    for (const StakeholderRow& s : d.stakeholders) {
        out += "### " + markdown_escape(s.name) + "\n\n";
        MarkdownTable why{{say(lang, "Source"), say(lang, "Points"), say(lang, "Running total")}, {false, true, true}, {}};
        for (const WaterfallRow& w : s.waterfall)
            why.rows.push_back({markdown_escape(w.label),
                                &w == &s.waterfall.front() ? trust(lang, w.value) : points(lang, w.value),
                                trust(lang, w.to)});
        why.rows.push_back({"**" + say(lang, "Trust") + "**", "", "**" + trust(lang, s.horizon->trust) + "**"});
        out += why.text();
    }

    for (const ReportSection& s : d.sections) {
        out += "## " + markdown_escape(s.title) + "\n\n";
        for (const std::string& line : s.lines) out += markdown_escape(line) + "\n\n";
        for (const auto& [heading, table] : s.tables) {
            if (!heading.empty()) out += "### " + markdown_escape(heading) + "\n\n";
            MarkdownTable md{{}, table.right, {}};
            for (const std::string& h : table.header) md.header.push_back(markdown_escape(h));
            for (const std::vector<std::string>& row : table.rows) {
                std::vector<std::string> cells;  // figures are ours and safe as they are ("61.0", not "61\.0")
                for (std::size_t c = 0; c < row.size(); ++c) cells.push_back(table.right[c] ? row[c] : markdown_escape(row[c]));
                md.rows.push_back(std::move(cells));
            }
            out += md.text();
        }
        for (const std::string& line : s.after) out += markdown_escape(line) + "\n\n";
    }

    if (!plan.meta.notes.empty()) {
        out += "## " + say(lang, "Notes") + "\n\n";
        // Paragraphs stay paragraphs; each line is escaped on its own.
        std::string_view notes = plan.meta.notes;
        while (!notes.empty()) {
            const std::size_t end = notes.find('\n');
            out += markdown_escape(notes.substr(0, end)) + "\n";
            notes = end == std::string_view::npos ? std::string_view() : notes.substr(end + 1);
        }
        out += "\n";
    }
    out += "---\n\n" +
           say(lang, "Made with Fiducia. Shares are shown x100; bands are 95% intervals of the model's uncertainty.") +
           "\n";
    return out;
}

}  // namespace fiducia::io
