#include "io/json_util.hpp"

#include <cmath>
#include <cstring>
#include <limits>

namespace fiducia::io {

namespace {

std::string line_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    std::uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// nlohmann quotes the bytes it stopped at, which can be half a UTF-8 character: spell bytes
// above 0x7F as \xNN so every message is valid UTF-8 (and survives JSON output).
std::string printable(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
    }
    return out;
}

// One pass over the text builds the document and records what nlohmann's own parser would not:
// the first parse error (with its byte position), duplicate object keys and objects with too many
// keys. (It replaced a checking pass followed by a second, DOM-building parse of the same text.)
class BuildingSax {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    Json root;
    std::string error;
    std::size_t error_position = 0;
    std::vector<Problem> duplicates;
    std::string too_many_keys;

    bool null() { return add(Json(nullptr)) != nullptr; }
    bool boolean(bool v) { return add(Json(v)) != nullptr; }
    bool number_integer(number_integer_t v) { return add(Json(v)) != nullptr; }
    bool number_unsigned(number_unsigned_t v) { return add(Json(v)) != nullptr; }
    bool number_float(number_float_t v, const string_t&) { return add(Json(v)) != nullptr; }
    bool string(string_t& v) { return add(Json(std::move(v))) != nullptr; }
    bool binary(binary_t& v) { return add(Json(std::move(v))) != nullptr; }
    bool start_object(std::size_t) {
        frames_.push_back({add(Json::object()), 0});
        return true;
    }
    bool key(string_t& k) {
        Frame& f = frames_.back();
        Json::object_t& object = f.container->get_ref<Json::object_t&>();
        if (object.size() >= kMaxObjectKeys) {
            // nlohmann's ordered objects insert in linear time: refuse before building any further.
            too_many_keys = "an object has more than " + std::to_string(kMaxObjectKeys) + " keys (at " +
                            (frames_.size() > 1 ? path(frames_.size() - 1) : "the top level") + ")";
            return false;
        }
        auto [at, inserted] = object.emplace(std::move(k), Json());
        if (!inserted) {  // the last value wins, as in nlohmann's own parser
            duplicates.push_back({child(path(frames_.size() - 1), at->first), "duplicate key (the file names it twice)"});
            at->second = Json();
        }
        f.entry = static_cast<std::size_t>(at - object.begin());
        return true;
    }
    bool end_object() {
        frames_.pop_back();
        return true;
    }
    bool start_array(std::size_t) {
        frames_.push_back({add(Json::array()), 0});
        return true;
    }
    bool end_array() {
        frames_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        // Syntax errors: position is just past the offending character. A number overflow (406):
        // just past the number, which is the last token.
        std::size_t back = ex.id == 406 ? last_token.size() : 1;
        error_position = position >= back ? position - back : 0;
        std::string what = ex.what();
        std::size_t bracket = what.find("] ");
        if (bracket != std::string::npos) what = what.substr(bracket + 2);
        if (starts_with(what, "parse error")) {
            std::size_t colon = what.find(": ");
            if (colon != std::string::npos) what = what.substr(colon + 2);
        }
        error = printable(what);
        return false;
    }

private:
    struct Frame {
        Json* container;    // stays put: its parent grows only after it is closed
        std::size_t entry;  // objects: index of the entry being read (its key)
    };
    std::vector<Frame> frames_;

    // Puts a value where the text has it: the document itself, the current key or the array's end.
    Json* add(Json&& value) {
        if (frames_.empty()) {
            root = std::move(value);
            return &root;
        }
        Frame& f = frames_.back();
        if (f.container->is_array()) {
            f.container->get_ref<Json::array_t&>().push_back(std::move(value));
            return &f.container->back();
        }
        Json& slot = (f.container->get_ref<Json::object_t&>().begin() + static_cast<std::ptrdiff_t>(f.entry))->second;
        slot = std::move(value);
        return &slot;
    }
    // Pointer of the container at depth `depth` (exclusive of its own key).
    std::string path(std::size_t depth) const {
        std::string p;
        for (std::size_t i = 0; i < depth; ++i) {
            const Json& c = *frames_[i].container;
            if (c.is_array()) {
                p = child(p, c.size() - 1);
            } else {
                const Json::object_t& object = c.get_ref<const Json::object_t&>();
                p = child(p, (object.begin() + static_cast<std::ptrdiff_t>(frames_[i].entry))->first);
            }
        }
        return p;
    }
};

}  // namespace

std::optional<std::string> binary_reason(std::string_view text) {
    struct Magic {
        std::string_view bytes;
        const char* what;
    };
    static const Magic magics[] = {
        {std::string_view("\x89PNG", 4), "it is a PNG image"},
        {std::string_view("\xFF\xD8\xFF", 3), "it is a JPEG image"},
        {"GIF8", "it is a GIF image"},
        {"%PDF", "it is a PDF document"},
        {std::string_view("PK\x03\x04", 4), "it is a ZIP archive (or an Office document)"},
        {std::string_view("\x1F\x8B", 2), "it is a gzip archive"},
    };
    for (const Magic& m : magics) {
        if (starts_with(text, m.bytes)) return std::string(m.what);
    }
    const void* nul = std::memchr(text.data(), '\0', text.size());
    if (nul) {
        std::size_t at = static_cast<const char*>(nul) - text.data();
        return "it contains a NUL byte at byte " + std::to_string(at) +
               " (a binary file?)";
    }
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_sequence(text, i);
        if (n == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
            return std::string("it is not UTF-8 text (byte ") + hex + " at " + line_column(text, i) + ")";
        }
        i += n;
    }
    return std::nullopt;
}

std::optional<std::string> precheck_text(std::string_view text) {
    const std::string prefix = "not a Fiducia plan: ";
    if (text.size() > kMaxFileBytes) {
        return "the file is too large: " + std::to_string(text.size()) +
               " bytes (a plan may have at most 20 MB)";
    }
    if (text.empty()) return prefix + "the file is empty";
    if (std::optional<std::string> binary = binary_reason(text)) return prefix + *binary;
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) {
                return prefix + "it nests deeper than " + std::to_string(kMaxDepth) +
                       " levels (at " + line_column(text, i) + ")";
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

std::optional<Json> parse_json(std::string_view text, std::string& error,
                               std::vector<Problem>* duplicates) {
    BuildingSax sax;
    bool ok = Json::sax_parse(text.begin(), text.end(), &sax);
    if (!sax.too_many_keys.empty()) {
        error = "not a Fiducia plan: " + sax.too_many_keys;
        return std::nullopt;
    }
    if (!ok) {
        error = "not valid JSON at " + line_column(text, sax.error_position) + ": " + sax.error;
        return std::nullopt;
    }
    if (duplicates) *duplicates = std::move(sax.duplicates);
    return std::move(sax.root);
}

std::string pointer_escape(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string child(const std::string& ptr, std::string_view key) {
    return ptr + "/" + pointer_escape(key);
}

std::string child(const std::string& ptr, std::size_t index) {
    return ptr + "/" + std::to_string(index);
}

std::string dump_compact(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string dump_pretty(const Json& value) {
    return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string show(const Json& value) {
    std::string s = dump_compact(value);
    constexpr std::size_t kMax = 60;
    if (s.size() > kMax) {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s = s.substr(0, cut) + "...";
    }
    return s;
}

std::string format_number(double x) {
    if (std::isfinite(x) && std::fabs(x) < 9007199254740992.0 && x == std::floor(x)) {
        return std::to_string(static_cast<long long>(x));
    }
    return dump_compact(Json(x));
}

Json canonical_number(double x) {
    if (std::isfinite(x) && std::fabs(x) < 9007199254740992.0 && x == std::floor(x)) {
        return Json(static_cast<std::int64_t>(x));
    }
    return Json(x);
}

void append_unknown(Json& out, const std::string& unknown_text) {
    if (unknown_text.empty()) return;
    Json extra = Json::parse(unknown_text, nullptr, false);
    if (extra.is_discarded() || !extra.is_object()) return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!out.contains(it.key())) out[it.key()] = it.value();
    }
}

bool Bounds::contains(double x) const {
    if (!std::isfinite(x)) return false;
    if (has_lo && (lo_open ? !(x > lo) : !(x >= lo))) return false;
    if (has_hi && (hi_open ? !(x < hi) : !(x <= hi))) return false;
    return true;
}

std::string Bounds::rule(bool integer) const {
    std::string a = integer ? "must be an integer" : "must be";
    if (has_lo && has_hi && !lo_open && !hi_open) {
        return a + " between " + format_number(lo) + " and " + format_number(hi);
    }
    if (has_lo && has_hi) {
        return a + (lo_open ? " greater than " : " at least ") + format_number(lo) +
               (hi_open ? " and less than " : " and at most ") + format_number(hi);
    }
    if (has_lo) return a + (lo_open ? " greater than " : (integer ? " of at least " : " at least ")) + format_number(lo);
    if (has_hi) return a + (hi_open ? " less than " : " at most ") + format_number(hi);
    return integer ? "must be an integer" : "must be a finite number";
}

Bounds between(double lo, double hi) {
    Bounds b;
    b.lo = lo, b.hi = hi, b.has_lo = b.has_hi = true;
    return b;
}
Bounds at_least(double lo) {
    Bounds b;
    b.lo = lo, b.has_lo = true;
    return b;
}
Bounds greater_than(double lo) {
    Bounds b = at_least(lo);
    b.lo_open = true;
    return b;
}
Bounds any_number() { return Bounds{}; }
Bounds above_and_at_most(double lo, double hi) {
    Bounds b = between(lo, hi);
    b.lo_open = true;
    return b;
}

namespace rules {

namespace {
std::string got(const Json& value) { return " (got " + show(value) + ")"; }
}  // namespace

std::string required() { return "is required"; }
std::string not_a_string(const Json& value) { return "must be a string" + got(value); }
std::string not_a_number(const Json& value) { return "must be a number" + got(value); }
std::string not_finite(const Json& value) { return "must be a finite number" + got(value); }
std::string not_a_boolean(const Json& value) { return "must be true or false" + got(value); }
std::string not_an_object(const Json& value) { return "must be an object" + got(value); }
std::string not_an_array(const Json& value) { return "must be an array" + got(value); }
std::string not_an_id(const Json& value) { return "must be an id matching ^[a-z0-9][a-z0-9_-]{0,63}$" + got(value); }
std::string not_one_of(const std::string& choices, const Json& value) {
    return "must be one of " + choices + got(value);
}
std::string outside(const Bounds& bounds, bool integer, const Json& value) { return bounds.rule(integer) + got(value); }
std::string outside_or_null(const Bounds& bounds, const Json& value) {
    return (value.is_number() ? bounds.rule(false) : std::string("must be a number")) + " or null" + got(value);
}
std::string not_unique(const std::string& id, const std::string& first_pointer) {
    return "must be unique (got " + show(Json(id)) + ", also at " + first_pointer + ")";
}

}  // namespace rules

void Errors::add(const std::string& pointer, const std::string& message) { list.push_back({pointer, message}); }

std::vector<std::string> texts(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.text());
    return out;
}

bool is_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(s[0])) return false;
    for (std::size_t i = 1; i < s.size(); ++i) {
        if (!lower_or_digit(s[i]) && s[i] != '_' && s[i] != '-') return false;
    }
    return true;
}

std::string one_of(const char* const* ids, std::size_t count) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) {
        if (i) s += ", ";
        s += ids[i];
    }
    return s;
}

bool read_number_value(const Json& v, const std::string& ptr, const Bounds& bounds, double& out,
                       Errors& errors) {
    if (!v.is_number()) {
        errors.add(ptr, rules::not_a_number(v));
        return false;
    }
    double x = v.get<double>();
    if (!std::isfinite(x)) {
        errors.add(ptr, rules::not_finite(v));
        return false;
    }
    if (!bounds.contains(x)) {
        errors.add(ptr, rules::outside(bounds, false, v));
        return false;
    }
    out = x;
    return true;
}

bool read_integer_value(const Json& v, const std::string& ptr, const Bounds& bounds,
                        std::int64_t& out, Errors& errors) {
    if (!v.is_number()) {
        errors.add(ptr, rules::outside(bounds, true, v));
        return false;
    }
    std::int64_t x = 0;
    bool integral = true;
    if (v.is_number_unsigned()) {
        std::uint64_t u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            integral = false;
        } else {
            x = static_cast<std::int64_t>(u);
        }
    } else if (v.is_number_integer()) {
        x = v.get<std::int64_t>();
    } else {
        double d = v.get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0) {
            integral = false;
        } else {
            x = static_cast<std::int64_t>(d);
        }
    }
    if (!integral || !bounds.contains(static_cast<double>(x))) {
        errors.add(ptr, rules::outside(bounds, true, v));
        return false;
    }
    out = x;
    return true;
}

ObjectReader::ObjectReader(const Json& object, std::string pointer, Errors& errors)
    : obj_(object), ptr_(std::move(pointer)), errors_(errors) {}

const Json* ObjectReader::take(const char* key, bool required) {
    known_.emplace_back(key);
    if (obj_.is_object()) {
        auto it = obj_.find(key);
        if (it != obj_.end()) return &*it;
    }
    if (required) errors_.add(at(key), rules::required());
    return nullptr;
}

bool ObjectReader::string(const char* key, std::string& out, bool required) {
    const Json* v = take(key, required);
    if (!v) return false;
    if (!v->is_string()) {
        errors_.add(at(key), rules::not_a_string(*v));
        return false;
    }
    out = v->get<std::string>();
    return true;
}

bool ObjectReader::id(const char* key, std::string& out, bool required) {
    const Json* v = take(key, required);
    if (!v) return false;
    if (!v->is_string() || !is_id(v->get_ref<const std::string&>())) {
        errors_.add(at(key), rules::not_an_id(*v));
        return false;
    }
    out = v->get<std::string>();
    return true;
}

bool ObjectReader::number(const char* key, double& out, const Bounds& bounds, bool required) {
    const Json* v = take(key, required);
    if (!v) return false;
    return read_number_value(*v, at(key), bounds, out, errors_);
}

bool ObjectReader::optional_number(const char* key, std::optional<double>& out,
                                   const Bounds& bounds) {
    const Json* v = take(key, false);
    if (!v) return false;
    if (v->is_null()) {
        out.reset();
        return true;
    }
    double x = v->is_number() ? v->get<double>() : 0.0;
    if (!v->is_number() || !bounds.contains(x)) {
        errors_.add(at(key), rules::outside_or_null(bounds, *v));
        return false;
    }
    out = x;
    return true;
}

bool ObjectReader::integer(const char* key, std::int64_t& out, const Bounds& bounds,
                           bool required) {
    const Json* v = take(key, required);
    if (!v) return false;
    return read_integer_value(*v, at(key), bounds, out, errors_);
}

bool ObjectReader::boolean(const char* key, bool& out, bool required) {
    const Json* v = take(key, required);
    if (!v) return false;
    if (!v->is_boolean()) {
        errors_.add(at(key), rules::not_a_boolean(*v));
        return false;
    }
    out = v->get<bool>();
    return true;
}

std::string ObjectReader::unknown() const {
    if (!obj_.is_object()) return "";
    Json extra = Json::object();
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
        bool known = false;
        for (const std::string& k : known_) {
            if (k == it.key()) {
                known = true;
                break;
            }
        }
        if (!known) extra[it.key()] = it.value();
    }
    return extra.empty() ? std::string() : dump_compact(extra);
}

}  // namespace fiducia::io
