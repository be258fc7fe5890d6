#include "io/language.hpp"

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
