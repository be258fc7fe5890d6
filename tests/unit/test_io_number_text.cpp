// Numbers as people write and type them in each language (io/language): the field's text reads back
// to the same value in all four languages; each language's marks, ambiguous input, garbage, empty
// and huge values.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/language.hpp"

using namespace fiducia;

namespace {
const char* const kCodes[] = {"en", "zh", "it", "id"};
}

TEST_CASE("a number's text reads back to the same number in every language") {
    const double values[] = {0, 1, -1, 0.5, 12.25, 999, 1000, -1234.5, 1200000.5, 2147483647, 1e10, 0.001, 85.0};
    for (const char* code : kCodes) {
        CAPTURE(code);
        for (double v : values) {
            for (int decimals : {0, 1, 3}) {
                CAPTURE(v);
                CAPTURE(decimals);
                const std::string text = io::number_text(code, v, decimals);
                char c_text[64];  // what the text should read: the value as printf rounds it
                std::snprintf(c_text, sizeof c_text, "%.*f", decimals, v);
                const double rounded = std::strtod(c_text, nullptr);
                const auto back = io::parse_number(code, text);
                REQUIRE(back.has_value());
                CHECK(*back == rounded);
                const auto percent = io::parse_number(code, text + "%", true);
                REQUIRE(percent.has_value());
                CHECK(*percent == *back);
            }
        }
    }
    CHECK(io::number_text("en", 1200000.5, 1) == "1,200,000.5");
    CHECK(io::number_text("zh", 1200000.5, 1) == "1,200,000.5");
    CHECK(io::number_text("it", 1200000.5, 1) == "1.200.000,5");
    CHECK(io::number_text("id", 1200000.5, 1) == "1.200.000,5");
    CHECK(io::number_text("it", -0.04, 1) == "0,0");  // never "-0,0"
}

TEST_CASE("each language's decimal mark and grouping are read, plain digits everywhere") {
    CHECK(io::parse_number("en", "1,200,000.5") == 1200000.5);
    CHECK(io::parse_number("zh", "1,200,000.5") == 1200000.5);
    CHECK(io::parse_number("it", "1.200.000,5") == 1200000.5);
    CHECK(io::parse_number("id", "1.200.000,5") == 1200000.5);
    for (const char* code : kCodes) {
        CAPTURE(code);
        CHECK(io::parse_number(code, "2500") == 2500.0);
        CHECK(io::parse_number(code, "1200000") == 1200000.0);
        CHECK(io::parse_number(code, "-42") == -42.0);
        CHECK(io::parse_number(code, "+42") == 42.0);
        CHECK(io::parse_number(code, "  7  ") == 7.0);
        CHECK(io::parse_number(code, "1 200 000") == 1200000.0);        // spaces group digits too
        CHECK(io::parse_number(code, "1\xC2\xA0" "200") == 1200.0);       // a no-break space
        CHECK(io::parse_number(code, "\xE2\x88\x92" "5") == -5.0);        // the minus sign U+2212
        CHECK(io::parse_number(code, "- 5") == -5.0);
        CHECK(io::parse_number(code, "\xEF\xBC\x91\xEF\xBC\x92") == 12.0);  // full-width "１２"
        CHECK(io::parse_number(code, "85%", true) == 85.0);
        CHECK(io::parse_number(code, "85 %", true) == 85.0);
        CHECK(io::parse_number(code, "85\xEF\xBC\x85", true) == 85.0);  // full-width "％"
        CHECK_FALSE(io::parse_number(code, "85%").has_value());        // "%" only in a share field
        CHECK(io::parse_number(code, "-0") == 0.0);
        CHECK_FALSE(std::signbit(*io::parse_number(code, "-0")));
    }
    CHECK(io::parse_number("en", "12.5") == 12.5);
    CHECK(io::parse_number("en", ".5") == 0.5);
    CHECK(io::parse_number("en", "-.5") == -0.5);
    CHECK(io::parse_number("en", "5.") == 5.0);
    CHECK(io::parse_number("it", "12,5") == 12.5);
    CHECK(io::parse_number("it", ",5") == 0.5);
    CHECK(io::parse_number("id", "1234,56") == 1234.56);
    CHECK(io::parse_number("en", "0.1") == 0.1);  // exactly the double "0.1" is, so a saved plan reads "0.1"
}

TEST_CASE("ambiguous input is read in the language's own way, and refused where it would be a guess") {
    CHECK(io::parse_number("en", "1.234") == 1.234);
    CHECK(io::parse_number("zh", "1.234") == 1.234);
    CHECK(io::parse_number("it", "1.234") == 1234.0);
    CHECK(io::parse_number("id", "1.234") == 1234.0);
    CHECK(io::parse_number("en", "1,234") == 1234.0);
    CHECK(io::parse_number("it", "1,234") == 1.234);
    // A group mark must stand before three digits: these are another language's decimals, or typos.
    CHECK_FALSE(io::parse_number("en", "1,5").has_value());
    CHECK_FALSE(io::parse_number("it", "1.5").has_value());
    CHECK_FALSE(io::parse_number("en", "1,2345").has_value());
    CHECK_FALSE(io::parse_number("en", "1234,567").has_value());
    CHECK_FALSE(io::parse_number("en", "1,23,456").has_value());
    CHECK_FALSE(io::parse_number("en", ",5").has_value());
    CHECK_FALSE(io::parse_number("en", "1,").has_value());
    CHECK_FALSE(io::parse_number("en", "1.2.3").has_value());
    CHECK_FALSE(io::parse_number("it", "1,2,3").has_value());
    CHECK_FALSE(io::parse_number("en", "1.234,5").has_value());  // Italian marks in English
    CHECK_FALSE(io::parse_number("it", "1,234.5").has_value());  // English marks in Italian
    CHECK_FALSE(io::parse_number("en", "1.5,000").has_value());  // no grouping after the decimal mark
}

TEST_CASE("garbage, empty and huge input") {
    for (const char* code : kCodes) {
        CAPTURE(code);
        for (const char* bad : {"", " ", "-", "+", "%", "abc", "12abc", "1e5", "0x10", "inf", "nan", "--5", "5-",
                                "1 2", "12..5", "\xE2\x82\xAC" "5", "5\xC3", "\xFF"}) {
            CAPTURE(bad);
            CHECK_FALSE(io::parse_number(code, bad, true).has_value());
        }
        CHECK_FALSE(io::parse_number(code, "%", true).has_value());
        CHECK_FALSE(io::parse_number(code, "5%%", true).has_value());
        CHECK_FALSE(io::parse_number(code, std::string("5\0", 2)).has_value());
        const std::string huge = "1" + std::string(400, '0');  // beyond a double
        CHECK_FALSE(io::parse_number(code, huge).has_value());
        const auto big = io::parse_number(code, "1" + std::string(300, '0'));
        REQUIRE(big.has_value());
        CHECK(*big == doctest::Approx(1e300));
        const std::string mark = io::number_style(code).decimal == '.' ? "0." : "0,";
        CHECK(io::parse_number(code, mark + std::string(400, '0') + "1") == 0.0);  // below a double: 0
        const std::string long_digits(5000, '9');
        CHECK_FALSE(io::parse_number(code, long_digits).has_value());
    }
    CHECK(io::parse_number("en", "999,999,999,999,999,999") == 999999999999999999.0);
    CHECK(io::parse_number("it", "1.000.000.000.000") == 1e12);
}
