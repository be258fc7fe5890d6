// Translations are looked up by their English text (see i18n.hpp).
#include "ui/platform/i18n.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "io/language.hpp"

namespace fiducia::ui {

namespace {

struct StringHash {
    using is_transparent = void;  // finds by string_view without building a std::string
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Table = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

struct State {
    std::string dir = "/i18n";
    Language chosen = Language::en;
    Language loaded = Language::en;  // the language `table` holds
    Table table;
    Table with_id;  // "Save##plan" -> "Salva##plan": translations of labels carrying an ImGui id
};
State& state() {
    static State s;
    return s;
}

constexpr LanguageInfo kLanguages[] = {
    {Language::en, "en", "English"},
    {Language::zh, "zh", "简体中文"},
    {Language::it, "it", "Italiano"},
    {Language::id, "id", "Bahasa Indonesia"},
};

bool read_table(std::string_view text, Table& table, std::string& error) {
    table.clear();
    return io::read_translations(text, [&](std::string english, std::string translation) {
        table.insert_or_assign(std::move(english), std::move(translation));
    }, error);
}

void load_chosen() {
    State& s = state();
    s.loaded = s.chosen;
    s.table.clear();
    s.with_id.clear();
    if (s.chosen == Language::en) return;
    const std::string path = s.dir + "/" + language_info(s.chosen).code + ".json";
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    if (!in || !read_table(text.str(), s.table, error))
        std::fprintf(stderr, "fiducia: %s: %s; the text stays in English\n", path.c_str(),
                     in ? error.c_str() : "cannot be read");
}

}  // namespace

const char* tr(const char* english) {
    State& s = state();
    if (s.loaded != s.chosen) load_chosen();
    if (s.table.empty()) return english;
    const std::string_view text(english);
    const std::size_t id = text.find("##");  // the label is translated, the id after "##" kept
    auto it = s.table.find(text.substr(0, id));
    if (it == s.table.end() || it->second.empty()) return english;
    if (id == std::string_view::npos) return it->second.c_str();
    auto [composed, added] = s.with_id.try_emplace(std::string(text));
    if (added) composed->second = it->second + std::string(text.substr(id));
    return composed->second.c_str();
}

std::string trf(const char* english_format, ...) {
    const char* format = tr(english_format);
    va_list args;
    va_start(args, english_format);
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string out(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(out.data(), out.size() + 1, format, args);
    va_end(args);
    return out;
}

std::span<const LanguageInfo> languages() { return kLanguages; }

const LanguageInfo& language_info(Language language) { return kLanguages[static_cast<int>(language)]; }

std::optional<Language> language_from_code(std::string_view code) {
    const std::string_view primary = code.substr(0, code.find_first_of("-_"));
    auto lower_is = [&](std::string_view tag) {
        if (primary.size() != tag.size()) return false;
        for (std::size_t i = 0; i < tag.size(); ++i)
            if ((primary[i] | 0x20) != tag[i]) return false;
        return true;
    };
    for (const LanguageInfo& l : kLanguages)
        if (lower_is(l.code)) return l.language;
    if (lower_is("in")) return Language::id;  // Java's and old browsers' code for Indonesian
    return std::nullopt;
}

void set_translation_dir(const std::string& dir) {
    state().dir = dir;
    state().loaded = Language::en;  // read again from the new folder
    state().table.clear();
    state().with_id.clear();
}

void set_language(Language language) { state().chosen = language; }

Language current_language() { return state().chosen; }

bool parse_translations(std::string_view json_text, std::string& error) {
    Table table;
    return read_table(json_text, table, error);
}

std::string printf_conversions(std::string_view format) {
    // Only what printf would read as a conversion in our texts: "%s", "%d", "%.1f", "%llu", "%%"
    // skipped. A percent sign before a space or a word ("95% band") is plain text.
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        if (i + 1 < format.size() && format[i + 1] == '%') {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < format.size() && std::string_view("-+#0123456789.*").find(format[j]) != std::string_view::npos) ++j;
        std::size_t k = j;
        while (k < format.size() && std::string_view("hlz").find(format[k]) != std::string_view::npos) ++k;
        if (k >= format.size() || std::string_view("diufFeEgGxXoscp").find(format[k]) == std::string_view::npos) continue;
        if (!out.empty()) out += ' ';
        if (format.substr(i, j - i).find('*') != std::string_view::npos) out += '*';  // a width argument
        out += std::string(format.substr(j, k + 1 - j));  // length and conversion: "d", "llu", "f"
        i = k;
    }
    return out;
}

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

void collect_cjk(std::string_view utf8, std::vector<char32_t>& out) {
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const unsigned char lead = static_cast<unsigned char>(utf8[i]);
        if ((lead & 0xF0) != 0xE0 || i + 2 >= utf8.size()) continue;  // every CJK character is 3 bytes
        const char32_t c = (static_cast<char32_t>(lead & 0x0F) << 12) |
                           (static_cast<char32_t>(static_cast<unsigned char>(utf8[i + 1]) & 0x3F) << 6) |
                           (static_cast<char32_t>(static_cast<unsigned char>(utf8[i + 2]) & 0x3F));
        if (is_cjk(c)) out.push_back(c);
        i += 2;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<char32_t> translation_cjk() {
    State& s = state();
    if (s.loaded != s.chosen) load_chosen();
    std::vector<char32_t> out;
    for (const auto& [english, text] : s.table) collect_cjk(text, out);
    if (s.chosen == Language::zh) collect_cjk(month_year(2000, 1), out);
    return out;
}

NumberStyle number_style() { return io::number_style(language_info(current_language()).code); }

std::string localise_number(const std::string& c_number, bool group_digits) {
    return io::localise_number(language_info(current_language()).code, c_number, group_digits);
}

std::string number_text(double value, int decimals) {
    return io::number_text(language_info(current_language()).code, value, decimals);
}

std::optional<double> parse_number(std::string_view text, bool percent) {
    return io::parse_number(language_info(current_language()).code, text, percent);
}

std::string month_year(int year, int month) { return io::month_year(language_info(current_language()).code, year, month); }

std::string money_text(const std::string& number, const std::string& currency, bool negative) {
    return io::money_text(language_info(current_language()).code, number, currency, negative);
}

}  // namespace fiducia::ui
