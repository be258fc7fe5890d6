// Reports of a plan and its projection for people outside the app: a self-contained HTML page
// (inline CSS and SVG charts, no script, no URL, printable to PDF), the same content as Markdown,
// and the projection as CSV. Every piece of user text is escaped for the format it lands in; CSV
// text cells are guarded against spreadsheet formula injection. Output is deterministic (no clock,
// no locale), so the CLI natively and under node gives identical bytes.
// The HTML and Markdown reports are written in a ReportLanguage (English by default, as the CLI
// writes them); the CSV never is: its column names stay machine-readable English and its numbers
// C-locale, so spreadsheets and scripts parse it the same whatever the UI's language.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/plan.hpp"

namespace fiducia::io {

enum class ReportFormat { html, markdown, csv };

// "html", "md" (or "markdown") and "csv"; false for anything else.
bool parse_report_format(std::string_view text, ReportFormat& out);
// The file extension and MIME type of a format: ".html" "text/html;charset=utf-8", ...
const char* report_extension(ReportFormat format);
const char* report_mime_type(ReportFormat format);

// The language a report is written in, as hooks, because io may not depend on the UI that holds
// the translations. Each hook may be empty, meaning English (the default gives today's bytes).
struct ReportLanguage {
    std::string code = "en";  // <html lang>; "en" keeps the plan's own tag (meta.language), as before
    // The translation of a report text (a printf format keeps its conversions in the same order).
    std::function<std::string(const char* english)> text;
    // A C-locale number ("-1234.5") in the language's style; the contract of ui::localise_number.
    std::function<std::string(const std::string& c_number)> number;
    // A calendar month (1..12) of a year: "Mar 2027".
    std::function<std::string(int year, int month)> month_year;
    // An amount: its digits, ungrouped and C-locale ("12346"), with the plan's currency code and
    // sign; English is "-EUR 12,346". The shape of ui::money_text after ui::localise_number.
    std::function<std::string(const std::string& digits, const std::string& currency, bool negative)> money;
};

// The report of `projection` (computed from `plan`) in one format; CSV ignores the language.
std::string report(const Plan& plan, const Projection& projection, ReportFormat format,
                   const ReportLanguage& language = {});
std::string report_html(const Plan& plan, const Projection& projection, const ReportLanguage& language = {});
std::string report_markdown(const Plan& plan, const Projection& projection, const ReportLanguage& language = {});
// One row per month x stakeholder: month, label (YYYY-MM from settings.start), stakeholder id,
// name, trust, band low, band high, retained, trust index; shares as 0..1 in round-trip form.
// RFC 4180: CRLF line ends, cells with comma, quote or line break quoted.
std::string projection_csv(const Plan& plan, const Projection& projection);

// Escaping, exposed for tests. & < > " ' become entities (safe in text, attributes and SVG).
std::string html_escape(std::string_view text);
// Markdown punctuation backslash-escaped (CommonMark), line breaks and tabs become spaces, so a
// name stays literal text and one table cell.
std::string markdown_escape(std::string_view text);
// One CSV text cell: a leading = + - @ TAB or CR gets a ' in front (spreadsheets would run it as
// a formula), then RFC 4180 quoting where needed.
std::string csv_text_cell(std::string_view text);

}  // namespace fiducia::io
