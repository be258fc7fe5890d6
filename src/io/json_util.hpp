// Small JSON helpers shared by the plan mapping, the migrations and summary_json: the checks run
// before parsing (size, NUL, UTF-8, nesting), JSON pointers, number formatting and a reader that
// checks every type before every get. Nothing here throws: the project builds with -fno-exceptions.
#pragma once

#include <cstdint>
#include "io/json_library.hpp"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fiducia::io {

using Json = nlohmann::ordered_json;

// Limits applied before parsing (documented in the report and FORMAT notes).
inline constexpr std::size_t kMaxFileBytes = 20u * 1024u * 1024u;
inline constexpr int kMaxDepth = 64;
inline constexpr std::size_t kMaxObjectKeys = 10000;  // keys in one JSON object

// Checks the raw text: size, NUL bytes, well-known binary formats, UTF-8 validity and bracket
// nesting (outside strings, without recursion). Returns the reason when the text is refused.
std::optional<std::string> precheck_text(std::string_view text);
// The binary part of that check (image and archive signatures, NUL bytes, bytes that are not UTF-8):
// "it is a PNG image", "it contains a NUL byte at byte 12 (a binary file?)", ...; nullopt for text.
std::optional<std::string> binary_reason(std::string_view text);

// One problem found in a file or a plan: where it is (a JSON pointer; empty when it concerns the
// whole text, "not valid JSON at line 3...") and the rule it breaks ("must be between 0 and 1 (got
// 2)"). Printed "pointer: rule", the words every message has always had.
struct Problem {
    std::string pointer, rule;
    bool located = true;  // false: the rule is the whole message (no pointer printed)
    std::string text() const { return located ? pointer + ": " + rule : rule; }
    friend bool operator==(const Problem& a, const Problem& b) = default;
};
// A message that names no place in the document.
inline Problem unlocated(std::string message) { return {"", std::move(message), false}; }
// The printed messages, in order.
std::vector<std::string> texts(const std::vector<Problem>& problems);

// Parses without throwing. On failure returns nullopt and sets `error` to a readable reason with
// line and column. `duplicates` receives a "duplicate key" problem for every key an object names
// twice (the parsed value keeps the last one).
std::optional<Json> parse_json(std::string_view text, std::string& error,
                               std::vector<Problem>* duplicates = nullptr);

// JSON pointer helpers (RFC 6901 escaping of ~ and /).
std::string pointer_escape(std::string_view key);
std::string child(const std::string& ptr, std::string_view key);
std::string child(const std::string& ptr, std::size_t index);

// A value for "(got ...)": compact JSON, cut to a readable length.
std::string show(const Json& value);
// A bound or count written for a person: 1 not 1.0, otherwise nlohmann's round-trip form.
std::string format_number(double x);

// A double as written by the canonical save: integral values in the exactly representable range
// become JSON integers (1000, not 1000.0); everything else keeps nlohmann's round-trip formatting.
Json canonical_number(double x);

// Compact dump that never aborts (invalid UTF-8 is replaced).
std::string dump_compact(const Json& value);
std::string dump_pretty(const Json& value);

// Appends an object's keys (given as compact JSON text, e.g. a struct's `unknown`) to `out`,
// skipping keys `out` already has.
void append_unknown(Json& out, const std::string& unknown_text);

// Numeric bounds with the wording used in error messages.
struct Bounds {
    double lo = -1e308;
    double hi = 1e308;
    bool lo_open = false;  // lo itself is excluded
    bool hi_open = false;
    bool has_lo = false;
    bool has_hi = false;
    bool contains(double x) const;
    std::string rule(bool integer) const;  // "must be between 0 and 1", "must be at least 1", ...
};
Bounds between(double lo, double hi);     // [lo, hi]
Bounds at_least(double lo);               // [lo, inf)
Bounds greater_than(double lo);           // (lo, inf)
Bounds any_number();
Bounds above_and_at_most(double lo, double hi);  // (lo, hi]

// The words of the generic rules, one function each: the readers here and the typed plan check
// (plan_check.cpp) build every such message with them, so a rule is worded once.
namespace rules {
std::string required();                          // "is required"
std::string not_a_string(const Json& got);       // "must be a string (got 3)"
std::string not_a_number(const Json& got);       // "must be a number (got null)"
std::string not_finite(const Json& got);         // "must be a finite number (got ...)"
std::string not_a_boolean(const Json& got);      // "must be true or false (got ...)"
std::string not_an_object(const Json& got);      // "must be an object (got ...)"
std::string not_an_array(const Json& got);       // "must be an array (got ...)"
std::string not_an_id(const Json& got);          // "must be an id matching ^[a-z0-9][a-z0-9_-]{0,63}$ (got ...)"
std::string not_one_of(const std::string& choices, const Json& got);  // an enumeration's value
// A number (an integer when `integer`) outside its bounds, or not a number where an integer is due.
std::string outside(const Bounds& bounds, bool integer, const Json& got);
// An optional number ("... or null") outside its bounds or of another type.
std::string outside_or_null(const Bounds& bounds, const Json& got);
// An id a list names a second time: "must be unique (got \"a\", also at /stakeholders/0)".
std::string not_unique(const std::string& id, const std::string& first_pointer);
}  // namespace rules

struct Errors {
    std::vector<Problem> list;
    void add(const std::string& pointer, const std::string& message);
};

// Reads one JSON object: each accessor marks its key as known, checks the type and range and
// reports problems as "pointer: rule (got value)". Missing optional keys leave `out` unchanged.
class ObjectReader {
public:
    ObjectReader(const Json& object, std::string pointer, Errors& errors);

    const std::string& pointer() const { return ptr_; }
    std::string at(std::string_view key) const { return child(ptr_, key); }

    // The raw value, marked known; nullptr when missing (then "is required" if required).
    const Json* take(const char* key, bool required = false);

    bool string(const char* key, std::string& out, bool required = false);
    bool id(const char* key, std::string& out, bool required = true);
    bool number(const char* key, double& out, const Bounds& bounds, bool required = false);
    bool optional_number(const char* key, std::optional<double>& out, const Bounds& bounds);
    bool integer(const char* key, std::int64_t& out, const Bounds& bounds, bool required = false);
    bool boolean(const char* key, bool& out, bool required = false);
    // An enumeration: `out` receives the index into `ids`.
    template <typename Ids>
    bool enumeration(const char* key, const Ids& ids, int& out, bool required = false);

    // The compact JSON object text of every key not taken, in original order ("" when none).
    std::string unknown() const;

private:
    const Json& obj_;
    std::string ptr_;
    Errors& errors_;
    std::vector<std::string> known_;
};

// Checks an enumeration value on its own (used for array items and map values).
bool is_id(std::string_view s);
std::string one_of(const char* const* ids, std::size_t count);

// Type checks with messages, for values that are not object members.
bool read_number_value(const Json& v, const std::string& ptr, const Bounds& bounds, double& out,
                       Errors& errors);
bool read_integer_value(const Json& v, const std::string& ptr, const Bounds& bounds,
                        std::int64_t& out, Errors& errors);

template <typename Ids>
bool ObjectReader::enumeration(const char* key, const Ids& ids, int& out, bool required) {
    const Json* v = take(key, required);
    if (!v) return false;
    if (v->is_string()) {
        const std::string& s = v->template get_ref<const std::string&>();
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (s == ids[i]) {
                out = static_cast<int>(i);
                return true;
            }
        }
    }
    errors_.add(at(key), rules::not_one_of(one_of(ids.data(), ids.size()), *v));
    return false;
}

}  // namespace fiducia::io
