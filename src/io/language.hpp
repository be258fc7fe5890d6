// How each of Fiducia's languages writes numbers, months and amounts, and how a translation table
// is read: pure functions of the language code ("en", "zh", "it", "id"), shared by the UI (which
// keeps the chosen language) and the CLI (which is told one), so a report reads the same from both.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "io/report.hpp"

namespace fiducia::io {

struct NumberStyle {
    char decimal;  // '.' (en, zh) or ',' (it, id)
    char group;    // ',' or '.'
};
NumberStyle number_style(std::string_view code);
// Rewrites a number printed in the C locale ("-1234.5") with the language's separators and digit
// grouping ("-1,234.5" / "-1.234,5"). Text around the number is kept.
std::string localise_number(std::string_view code, const std::string& c_number, bool group_digits = true);
// `value` with `decimals` digits after the mark, grouped: number_text("it", 1200000.5, 1) is "1.200.000,5".
std::string number_text(std::string_view code, double value, int decimals);
// The way back: a number as a person types it in the language of `code`, its decimal mark and
// digit grouping ("1,200,000.5" in en and zh, "1.200.000,5" in it and id) or plain digits, with a
// leading minus, spaces, full-width digits, and a trailing "%" when `percent`. A group mark (or a
// space) must stand before a group of three digits, so "1.234" is 1.234 in English and 1234 in
// Italian, and "1,5" in English is refused rather than guessed. None when the text is no such
// number or lies beyond a double's range.
std::optional<double> parse_number(std::string_view code, std::string_view text, bool percent = false);
// "Jan 2027", "2027年1月", "gen 2027", "Jan 2027" (month 1..12).
std::string month_year(std::string_view code, int year, int month);
// A currency amount with the plan's ISO code: "EUR 1,200" (en, zh, id), "1.200 EUR" (it).
std::string money_text(std::string_view code, const std::string& number, const std::string& currency, bool negative);

// Reads a translation table (a flat JSON object, English -> translation), handing each entry to
// `add`; false with `error` saying what is wrong.
bool read_translations(std::string_view json_text, const std::function<void(std::string, std::string)>& add,
                       std::string& error);

// The language of a report: `text` translates a report text (English when it has none); numbers,
// months and amounts in the style of `code`.
ReportLanguage report_language(const std::string& code, std::function<std::string(const char* english)> text);

}  // namespace fiducia::io
