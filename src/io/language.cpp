#include "io/language.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "io/json_util.hpp"

namespace fiducia::io {

NumberStyle number_style(std::string_view code) {
    return code == "it" || code == "id" ? NumberStyle{',', '.'} : NumberStyle{'.', ','};
}

std::string localise_number(std::string_view code, const std::string& c_number, bool group_digits) {
    const NumberStyle style = number_style(code);
    std::string out;
    std::size_t i = 0;
    while (i < c_number.size()) {
        if (c_number[i] < '0' || c_number[i] > '9') {
            out += c_number[i++];
            continue;
        }
        std::size_t end = i;
        while (end < c_number.size() && c_number[end] >= '0' && c_number[end] <= '9') ++end;
        const std::size_t digits = end - i;
        for (std::size_t k = 0; k < digits; ++k) {
            if (group_digits && k > 0 && (digits - k) % 3 == 0) out += style.group;
            out += c_number[i + k];
        }
        i = end;
        if (i + 1 < c_number.size() && c_number[i] == '.' && c_number[i + 1] >= '0' && c_number[i + 1] <= '9') {
            out += style.decimal;
            ++i;
            while (i < c_number.size() && c_number[i] >= '0' && c_number[i] <= '9') out += c_number[i++];
        }
    }
    return out;
}

std::string number_text(std::string_view code, double value, int decimals) {
    char buffer[400];  // "%.17f" of the largest double fits
    std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, 17), value);
    std::string text = buffer;
    if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);  // no "-0.0"
    return localise_number(code, text);
}

namespace {

// A typed number as ASCII: full-width forms (what a Chinese input method types: digits, ．，－％)
// and the minus sign U+2212 become their ASCII twins; no-break, thin and ideographic spaces and tabs
// become ' '. Anything else becomes '?', which no number holds.
std::string ascii_number_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += c == '\t' ? ' ' : static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        char32_t code = length == 4 ? c & 0x07u : length == 3 ? c & 0x0Fu : c & 0x1Fu;
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        if (code >= 0xFF01 && code <= 0xFF5E) out += static_cast<char>(code - 0xFEE0);
        else if (code == 0x2212) out += '-';
        else if (code == 0xA0 || code == 0x2009 || code == 0x202F || code == 0x3000) out += ' ';
        else out += '?';
        i += length;
    }
    return out;
}

}  // namespace

std::optional<double> parse_number(std::string_view code, std::string_view text, bool percent) {
    const NumberStyle style = number_style(code);
    const std::string s = ascii_number_text(text);
    std::size_t b = 0, e = s.size();
    auto trim = [&] {
        while (b < e && s[b] == ' ') ++b;
        while (e > b && s[e - 1] == ' ') --e;
    };
    trim();
    if (percent && e > b && s[e - 1] == '%') {
        --e;
        trim();
    }
    std::string c_number;  // the same number in the C locale, for strtod
    if (b < e && (s[b] == '-' || s[b] == '+')) {
        if (s[b] == '-') c_number += '-';
        ++b;
        trim();
    }
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = b, digits = 0, run = 0;
    bool grouped = false;
    for (; i < e; ++i) {
        if (digit(s[i])) {
            c_number += s[i];
            ++run;
            ++digits;
        } else if (s[i] == style.group || s[i] == ' ') {
            if (run == 0 || (grouped ? run != 3 : run > 3)) return std::nullopt;  // "1,23,456", ",5", "1234,567"
            grouped = true;
            run = 0;
        } else {
            break;
        }
    }
    if (grouped && run != 3) return std::nullopt;  // "1,5" in English, "1.23" in Italian
    if (i < e && s[i] == style.decimal) {
        c_number += '.';
        for (++i; i < e && digit(s[i]); ++i, ++digits) c_number += s[i];
    }
    if (i != e || digits == 0) return std::nullopt;
    // strtod reads the C locale's '.': Fiducia never calls setlocale, so the C locale it is.
    const double value = std::strtod(c_number.c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;
    return value == 0 ? 0.0 : value;  // no -0
}

std::string month_year(std::string_view code, int year, int month) {
    static const char* const kEnglish[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char* const kItalian[] = {"gen", "feb", "mar", "apr", "mag", "giu",
                                           "lug", "ago", "set", "ott", "nov", "dic"};
    static const char* const kIndonesian[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                              "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    const int m = month < 1 || month > 12 ? 0 : month - 1;
    if (code == "zh") return std::to_string(year) + "年" + std::to_string(m + 1) + "月";
    if (code == "it") return std::string(kItalian[m]) + " " + std::to_string(year);
    if (code == "id") return std::string(kIndonesian[m]) + " " + std::to_string(year);
    return std::string(kEnglish[m]) + " " + std::to_string(year);
}

std::string money_text(std::string_view code, const std::string& number, const std::string& currency, bool negative) {
    const std::string sign = negative ? "-" : "";
    if (currency.empty()) return sign + number;
    if (code == "it") return sign + number + " " + currency;
    return sign + currency + " " + number;
}

bool read_translations(std::string_view json_text, const std::function<void(std::string, std::string)>& add,
                       std::string& error) {
    const Json json = Json::parse(json_text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        error = "not a JSON object";
        return false;
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!it.value().is_string()) {
            error = "\"" + it.key() + "\": the translation is not a string";
            return false;
        }
        add(it.key(), it.value().get<std::string>());
    }
    return true;
}

ReportLanguage report_language(const std::string& code, std::function<std::string(const char* english)> text) {
    ReportLanguage language;
    language.code = code;
    language.text = std::move(text);
    language.number = [code](const std::string& c_number) { return localise_number(code, c_number); };
    language.month_year = [code](int year, int month) { return month_year(code, year, month); };
    language.money = [code](const std::string& digits, const std::string& currency, bool negative) {
        return money_text(code, localise_number(code, digits), currency, negative);
    };
    return language;
}

}  // namespace fiducia::io
