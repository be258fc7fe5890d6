// Every string a person reads goes through tr(): the English text is the key, so a string that is
// not translated yet still reads, and a test lists the ones each language is missing.
// Translations are flat JSON objects, English -> translation, one file per language
// (assets/i18n/<code>.json), read from a folder: /i18n on the web (embedded), the source tree in
// the native tests.
#pragma once

#include <cstdarg>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/language.hpp"

namespace fiducia::ui {

// The text in the chosen language (English until one is chosen). An ImGui id after "##" or "###"
// is kept: tr("Roadmap###roadmap-tab") is "路线图###roadmap-tab"; the key is the text before "##".
const char* tr(const char* english);
// Marks a text kept in a table and translated with tr() where it is shown (the test finds it).
constexpr const char* tr_noop(const char* english) { return english; }

// tr() of a printf format, filled in: trf("%d participants", n). The translation keeps the
// English conversions in the same order (tests/ui/test_i18n.cpp checks every file).
std::string trf(const char* english_format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

enum class Language { en, zh, it, id };

struct LanguageInfo {
    Language language;
    const char* code;         // BCP 47 primary tag; also the file name (assets/i18n/<code>.json)
    const char* native_name;  // in its own script, as the Language menu shows it
};
std::span<const LanguageInfo> languages();
const LanguageInfo& language_info(Language language);

// "zh-CN", "it", "id-ID", "in" (the old code for Indonesian) -> the language; none when not one of ours.
std::optional<Language> language_from_code(std::string_view code);

// Where the translation files are read from (default "/i18n", the web build's embedded folder).
void set_translation_dir(const std::string& dir);
// Chooses the language; its table is read on the next tr() call. A missing or broken file leaves
// the text in English (the test suite keeps the files whole).
void set_language(Language language);
Language current_language();

// Reads a translation table (a flat JSON object of strings); false with `error` saying what is wrong.
bool parse_translations(std::string_view json_text, std::string& error);

// The printf conversions of a format, in order ("%d of %.1f%%" -> "d f"): a translation must keep them.
std::string printf_conversions(std::string_view format);

// ---- CJK text: the font holding it is loaded only when some is shown -------------------------------
bool is_cjk(char32_t c);  // CJK punctuation, ideographs, full-width forms
// Appends the CJK characters of UTF-8 text to `out`, then keeps it sorted and unique.
void collect_cjk(std::string_view utf8, std::vector<char32_t>& out);
// The CJK characters of the chosen language's translations (empty unless Chinese).
std::vector<char32_t> translation_cjk();

// ---- Numbers and dates in the chosen language -------------------------------------------------
using NumberStyle = io::NumberStyle;  // '.' or ',' as the decimal mark (io/language.hpp)
NumberStyle number_style();
// Rewrites a number printed in the C locale ("-1234.5") with the language's separators and digit
// grouping ("-1,234.5" / "-1.234,5"). Text around the number is kept.
std::string localise_number(const std::string& c_number, bool group_digits = true);
// `value` with `decimals` digits after the language's decimal mark, digits grouped ("1.200.000,5").
std::string number_text(double value, int decimals);
// A number typed in the language's style ("1,234.5" / "1.234,5", plain digits, "%" when `percent`);
// none when it is no number (io::parse_number says what is read).
std::optional<double> parse_number(std::string_view text, bool percent = false);
// "Jan 2027", "2027年1月", "gen 2027", "Jan 2027" (month 1..12).
std::string month_year(int year, int month);
// A currency amount with the plan's ISO code: "EUR 1,200" (en, zh, id), "1.200 EUR" (it).
std::string money_text(const std::string& number, const std::string& currency, bool negative);

}  // namespace fiducia::ui
