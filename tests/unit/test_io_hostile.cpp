// Hostile input never crashes the loader and gets a clear message: binary files, broken UTF-8,
// deep nesting, numbers out of range, wrong types at every position, truncation.
#include <algorithm>

#include <doctest/doctest.h>

#include "io/json_util.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;
using namespace fiducia::io::test;

namespace {

std::string only_error(const LoadResult& r) {
    return r.errors.size() == 1 ? r.errors[0] : "(" + std::to_string(r.errors.size()) + " errors)\n" + all_errors(r);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Every pointer of a document, parents first.
void pointers(const Json& j, const std::string& at, std::vector<std::string>& out) {
    out.push_back(at);
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) pointers(it.value(), child(at, it.key()), out);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) pointers(j[i], child(at, i), out);
    }
}

}  // namespace

TEST_CASE("io hostile: binary and non-UTF-8 files are not plans") {
    std::string nul = std::string("{\"fiducia\": \"plan\",\0 \"version\": 1}", 33);
    CHECK(only_error(load_plan(nul)) == "not a Fiducia plan: it contains a NUL byte at byte 19 (a binary file?)");
    std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    CHECK(only_error(load_plan(png)) == "not a Fiducia plan: it is a PNG image");
    CHECK(only_error(load_plan("%PDF-1.7\n")) == "not a Fiducia plan: it is a PDF document");
    CHECK(only_error(load_plan(std::string("PK\x03\x04rest", 8))) == "not a Fiducia plan: it is a ZIP archive (or an Office document)");
    CHECK(only_error(load_plan("{\"fiducia\": \"plan\", \"x\": \"caf\xe9\"}")) ==
          "not a Fiducia plan: it is not UTF-8 text (byte 0xE9 at line 1, column 30)");
    CHECK(only_error(load_plan("{\"a\": \"\xed\xa0\x80\"}")) ==  // an encoded surrogate
          "not a Fiducia plan: it is not UTF-8 text (byte 0xED at line 1, column 8)");
    CHECK(only_error(load_plan("{\"a\": \"\xc0\xaf\"}")) ==  // overlong
          "not a Fiducia plan: it is not UTF-8 text (byte 0xC0 at line 1, column 8)");
    CHECK(only_error(load_plan("")) == "not a Fiducia plan: the file is empty");
}

// Issue 14: the header's errors point at /fiducia, as every other error names its place.
TEST_CASE("io hostile: a missing or wrong header names /fiducia") {
    for (const char* text : {"{}", "{\"version\": 1}", "{\"fiducia\": \"budget\", \"version\": 1}",
                             "{\"fiducia\": 1, \"version\": 1}"}) {
        CAPTURE(text);
        CHECK(only_error(load_plan(text)).find("/fiducia ") != std::string::npos);
    }
}

TEST_CASE("io hostile: not JSON, or JSON that is not a plan") {
    CHECK(only_error(load_plan("   \n ")) == "not valid JSON at line 2, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
    CHECK(only_error(load_plan("{\"fiducia\": \"plan\", \"version\": 1,}")) ==
          "not valid JSON at line 1, column 34: syntax error while parsing object key - unexpected '}'; expected string literal");
    CHECK(only_error(load_plan("[1, 2]")) == "not a Fiducia plan: the file holds an array, not a JSON object");
    CHECK(only_error(load_plan("\"plan\"")) == "not a Fiducia plan: the file holds a string, not a JSON object");
    CHECK(only_error(load_plan("42")) == "not a Fiducia plan: the file holds a number, not a JSON object");
    CHECK(only_error(load_plan("null")) == "not a Fiducia plan: the file holds null, not a JSON object");
    CHECK(only_error(load_plan("{}")) == "not a Fiducia plan: /fiducia is required (the \"fiducia\": \"plan\" header is missing)");
    CHECK(only_error(load_plan("{\"name\": \"package\", \"version\": \"1.0.0\"}")) ==
          "not a Fiducia plan: /fiducia is required (the \"fiducia\": \"plan\" header is missing)");
    // A lone surrogate escape is refused by the parser.
    CHECK(starts_with(only_error(load_plan(R"({"fiducia": "plan", "version": 1, "x": "\ud800"})")), "not valid JSON at line 1"));
    // A UTF-8 byte-order mark is accepted.
    CHECK(load_plan("\xEF\xBB\xBF{\"fiducia\": \"plan\", \"version\": 1}").ok);
    // Trailing garbage.
    CHECK(starts_with(only_error(load_plan("{\"fiducia\": \"plan\", \"version\": 1} x")), "not valid JSON at line 1, column 35"));
}

TEST_CASE("io hostile: deep nesting is refused before parsing") {
    std::string deep(10000, '[');
    CHECK(only_error(load_plan(deep)) == "not a Fiducia plan: it nests deeper than 64 levels (at line 1, column 65)");
    // 64 levels are fine (the root object is level 1), 65 are not.
    auto nested = [](int levels) {
        std::string s = "{\"fiducia\": \"plan\", \"version\": 1, \"extra\": ";
        for (int i = 1; i < levels; ++i) s += "[";
        s += "0";
        for (int i = 1; i < levels; ++i) s += "]";
        return s + "}";
    };
    LoadResult ok = load_plan(nested(64));
    CHECK_MESSAGE(ok.ok, all_errors(ok));
    CHECK(save_plan(ok.plan).find("\"extra\": [") != std::string::npos);
    CHECK(starts_with(only_error(load_plan(nested(65))), "not a Fiducia plan: it nests deeper than 64 levels"));
    // Brackets inside strings (with escaped quotes) do not count.
    std::string brackets = "{\"fiducia\": \"plan\", \"version\": 1, \"meta\": {\"notes\": \"\\\"" + std::string(500, '[') + "\"}}";
    LoadResult s = load_plan(brackets);
    CHECK_MESSAGE(s.ok, all_errors(s));
}

TEST_CASE("io hostile: numbers out of range") {
    CHECK(only_error(load_plan(R"({"fiducia": "plan", "version": 1, "culture": {"empowerment": 1e999}})")) ==
          "not valid JSON at line 1, column 62: number overflow parsing '1e999'");
    CHECK(starts_with(only_error(load_plan(R"({"fiducia": "plan", "version": -1e999})")), "not valid JSON"));
    CHECK(only_error(load_plan(R"({"fiducia": "plan", "version": 1, "culture": {"reward": 1e308}})")) ==
          "/culture/reward: must be between 0 and 1 (got 1e+308)");
    CHECK(only_error(load_plan(R"({"fiducia": "plan", "version": 1, "settings": {"horizon_months": 123456789012345678901234567890}})")) ==
          "/settings/horizon_months: must be an integer between 1 and 120 (got 1.2345678901234568e+29)");
    CHECK(only_error(load_plan(R"({"fiducia": "plan", "version": 1, "settings": {"horizon_months": -9223372036854775808}})")) ==
          "/settings/horizon_months: must be an integer between 1 and 120 (got -9223372036854775808)");
    LoadResult seed = load_plan(R"({"fiducia": "plan", "version": 1, "settings": {"seed": 18446744073709551615}})");
    IO_REQUIRE(seed.ok);
    CHECK(seed.plan.settings.seed == 18446744073709551615ull);
    CHECK(save_plan(seed.plan).find("\"seed\": 18446744073709551615,") != std::string::npos);
    CHECK(only_error(load_plan(R"({"fiducia": "plan", "version": 99999999999999999999})")) ==
          "/version: must be an integer of at least 0 (got 1e+20)");
}

TEST_CASE("io hostile: too large") {
    std::string big = "{\"fiducia\": \"plan\", \"version\": 1, \"meta\": {\"notes\": \"";
    big += std::string(kMaxFileBytes, 'x');
    big += "\"}}";
    CHECK(only_error(load_plan(big)) == "the file is too large: " + std::to_string(big.size()) +
                                            " bytes (a plan may have at most 20 MB)");
}

TEST_CASE("io hostile: a wrong type anywhere gives errors, never a crash") {
    const Json base = example_json("online-shop");
    IO_REQUIRE(base.is_object());
    std::vector<std::string> all;
    pointers(base, "", all);
    const char* replacements[] = {"null", "\"x\"", "-1", "[]", "{}"};
    int loads = 0, refused = 0;
    for (std::size_t i = 1; i < all.size(); ++i) {  // skip the root
        for (std::size_t k : {i % 5, (i + 2) % 5}) {  // two of the five kinds per position
            const char* rep = replacements[k];
            Json doc = base;
            doc[Json::json_pointer(all[i])] = Json::parse(rep);
            LoadResult r = load_plan(doc.dump());
            ++loads;
            if (!r.ok) {
                ++refused;
                CHECK(!r.errors.empty());
                for (const std::string& e : r.errors) {
                    bool clear = starts_with(e, "/") || starts_with(e, "not a Fiducia plan");
                    CHECK_MESSAGE(clear, e);
                }
            } else {
                LoadResult again = load_plan(save_plan(r.plan));  // whatever loads, re-saves
                CHECK(again.ok);
            }
        }
        // Removing the key, too.
        std::size_t slash = all[i].rfind('/');
        Json doc = base;
        Json& parent = doc[Json::json_pointer(all[i].substr(0, slash))];
        if (parent.is_object()) parent.erase(all[i].substr(slash + 1));
        LoadResult r = load_plan(doc.dump());
        if (!r.ok) CHECK(!r.errors.empty());
        ++loads;
    }
    CHECK(refused > loads / 2);
    MESSAGE("mutated loads: " << loads << ", refused: " << refused);
}

TEST_CASE("io hostile: every truncation of a plan is refused cleanly") {
    std::string text = example_text("retail-bank");
    IO_REQUIRE(text.size() > 1000);
    for (std::size_t cut = 0; cut + 2 < text.size(); cut += 97) {
        LoadResult r = load_plan(std::string_view(text).substr(0, cut));
        CHECK_FALSE(r.ok);
        IO_REQUIRE(r.errors.size() == 1);
        bool clear = starts_with(r.errors[0], "not valid JSON at line ") || starts_with(r.errors[0], "not a Fiducia plan");
        CHECK_MESSAGE(clear, r.errors[0]);
    }
}

TEST_CASE("io hostile: an object with very many keys is refused quickly") {
    std::string text = "{\"fiducia\": \"plan\", \"version\": 1, \"meta\": {";
    for (int i = 0; i < 200000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": 0";
    text += "}}";
    CHECK(only_error(load_plan(text)) == "not a Fiducia plan: an object has more than 10000 keys (at /meta)");
    std::string ok = "{\"fiducia\": \"plan\", \"version\": 1, \"meta\": {";
    for (int i = 0; i < 10000 - 6; ++i) ok += "\"k" + std::to_string(i) + "\": 0,";
    ok += "\"title\": \"many\"}}";
    LoadResult r = load_plan(ok);
    CHECK_MESSAGE(r.ok, all_errors(r));
}

// Regression: a syntax error at a non-ASCII byte once quoted half a UTF-8 character, and the
// page's reply (JSON) aborted on it. Every message must be valid UTF-8, however the file breaks.
TEST_CASE("io hostile: error messages are valid UTF-8 even when the file breaks inside a character") {
    for (std::string text : {std::string("\xC3\xA9"), std::string("{\"fiducia\": \xC3\xA9}"),
                             std::string("[\xE2\x82\xAC"), std::string("{\"a\": 1, \xF0\x9F\x98\x80}")}) {
        LoadResult r = load_plan(text);
        CHECK_FALSE(r.ok);
        for (const std::string& e : r.errors) {
            CAPTURE(e);
            const bool ascii = std::none_of(e.begin(), e.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
            CHECK(ascii);
            if (ascii) CHECK(nlohmann::json(e).dump().size() > 2);  // strict dump: aborts on broken UTF-8
        }
    }
}
