// Reports of a plan and its projection for people outside the app: a self-contained HTML page
// (inline CSS and SVG charts, no script, no URL, printable to PDF), the same content as Markdown,
// and the projection as CSV. Every piece of user text is escaped for the format it lands in; CSV
// text cells are guarded against spreadsheet formula injection. Output is deterministic (no clock,
// no locale), so the CLI natively and under node gives identical bytes.
#pragma once

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

// The report of `projection` (computed from `plan`) in one format.
std::string report(const Plan& plan, const Projection& projection, ReportFormat format);
std::string report_html(const Plan& plan, const Projection& projection);
std::string report_markdown(const Plan& plan, const Projection& projection);
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
