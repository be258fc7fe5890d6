// Survey exports (io/survey_csv.hpp, issue 15): the CSV reader on hand-made exports of each kind in
// tests/survey/, the column mapping, scales, and the observations a survey adds to a plan.
#include <doctest/doctest.h>

#include <string>

#include "io/survey_csv.hpp"
#include "test_io_util.hpp"

using namespace fiducia;
using namespace fiducia::io;

namespace {

CsvRead read_sample(const std::string& name) {
    std::string text;
    CHECK(test::read_text(test::source_path("tests/survey/" + name), text));
    return read_csv(text);
}

}  // namespace

TEST_CASE("survey csv: RFC 4180 quoting, delimiters and line ends") {
    CsvRead r = read_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\r\nlines\",3\r\n\r\n   \n4,5,6");
    IO_REQUIRE(r.ok);
    CHECK(r.table.delimiter == ',');
    CHECK(r.table.header == std::vector<std::string>{"a", "b,c", "say \"hi\""});
    IO_REQUIRE(r.table.rows.size() == 2);
    CHECK(r.table.rows[0].cells == std::vector<std::string>{"1", "two\r\nlines", "3"});
    CHECK(r.table.rows[0].line == 2);
    CHECK(r.table.rows[1].line == 6);  // the quoted line break and the blank lines are counted
    CHECK(r.table.rows[1].cells == std::vector<std::string>{"4", "5", "6"});

    r = read_csv("\xEF\xBB\xBFgroup;overall;\"x;y\"\nshoppers;7;1,5\n");
    IO_REQUIRE(r.ok);
    CHECK(r.table.delimiter == ';');
    CHECK(r.table.header[0] == "group");  // the BOM is gone
    CHECK(r.table.rows[0].cells[2] == "1,5");
    CHECK(read_csv("group\toverall\tnote, with commas\nx\t1\ty\n").table.delimiter == '\t');
    CHECK(read_csv("a\rb\rc").table.rows.size() == 2);  // old Mac line ends
}

TEST_CASE("survey csv: refusals say what and where") {
    CHECK(read_csv("").error == "no header: the file has no line with column names");
    CHECK(read_csv("\n ,, \n\r\n").error == "no header: the file has no line with column names");
    CHECK(read_csv("group,overall\na,1\n\"b,2\n").error == "line 3: a quoted cell is never closed (a \" is missing)");
    CHECK(read_csv(std::string("group,overall\na,\0", 17)).error ==
          "not a CSV file: it contains a NUL byte at byte 16 (a binary file?)");
    CHECK(read_csv("PK\x03\x04...").error == "not a CSV file: it is a ZIP archive (or an Office document); export it as CSV");
    CHECK(read_csv("\xFF\xFEg\0r\0").error.find("UTF-16") != std::string::npos);
    CHECK(read_csv("group\nsh\xE9").error == "not a CSV file: it is not UTF-8 text (byte 0xE9 at line 2, column 3)");
    const std::string big(kMaxFileBytes + 1, 'a');
    CHECK(read_csv(big).error == "the file is too large: 20971521 bytes (a survey file may have at most 20 MB)");
    CHECK(read_sample("open-quote.csv").error == "line 3: a quoted cell is never closed (a \" is missing)");
}

TEST_CASE("survey csv: a file named .csv or .tsv is a survey, not a plan") {
    CHECK(is_survey_file_name("March wave.CSV"));
    CHECK(is_survey_file_name("export.tsv"));
    CHECK_FALSE(is_survey_file_name("plan.json"));
    CHECK_FALSE(is_survey_file_name("csv"));
}

TEST_CASE("survey csv: numbers in cells, scales onto 1..9") {
    CHECK(parse_answer(" 7 ") == 7.0);
    CHECK(parse_answer("6,5") == 6.5);
    CHECK(parse_answer("-1") == -1.0);
    CHECK_FALSE(parse_answer(""));
    CHECK_FALSE(parse_answer("N/A"));
    CHECK_FALSE(parse_answer("1e3"));
    CHECK_FALSE(parse_answer("nan"));
    CHECK_FALSE(parse_answer("1.2.3"));
    CHECK(to_nine_point(1, SurveyScale::one_to_five) == 1.0);
    CHECK(to_nine_point(5, SurveyScale::one_to_five) == 9.0);
    CHECK(to_nine_point(4, SurveyScale::one_to_seven) == doctest::Approx(1 + 3 * 8.0 / 6));
    CHECK(to_nine_point(0, SurveyScale::zero_to_ten) == 1.0);
    CHECK(to_nine_point(10, SurveyScale::zero_to_ten) == 9.0);
    CHECK_FALSE(to_nine_point(10, SurveyScale::one_to_nine));
    CHECK_FALSE(to_nine_point(0, SurveyScale::one_to_five));
}

TEST_CASE("survey csv: each kind of export reads to the same answers") {
    // The same 72 respondents written by Google Forms (BOM, comma, quoted header), Excel in Italian
    // (semicolons, CRLF, quoted line breaks, blank lines, N/A, a group in capitals) and Qualtrics
    // (three header rows, every cell quoted).
    const CsvRead forms = read_sample("shop-google-forms.csv");
    const CsvRead excel = read_sample("shop-excel-semicolon.csv");
    const CsvRead qualtrics = read_sample("shop-qualtrics.csv");
    IO_REQUIRE(forms.ok && excel.ok && qualtrics.ok);
    CHECK(forms.table.rows.size() == 72);
    CHECK(excel.table.rows.size() == 72);
    CHECK(qualtrics.table.rows.size() == 72);  // the question-text and ImportId rows are not answers
    const SurveyMapping fm = detect_mapping(forms.table);
    CHECK(fm.group == 1);
    CHECK(fm.overall == 2);
    CHECK(fm.nps == 7);
    CHECK(fm.dimensions == std::array<int, kDimensions>{3, 4, 5, -1, 6});
    const SurveyMapping em = detect_mapping(excel.table);
    CHECK(em.group == 0);  // " group " matched trimmed, "OVERALL" ignoring case
    CHECK(em.overall == 1);
    const Survey f = read_survey(forms.table, fm), e = read_survey(excel.table, em), q = read_survey(qualtrics.table, detect_mapping(qualtrics.table));
    IO_REQUIRE(f.groups.size() == 3);
    IO_REQUIRE(e.groups.size() == 3);
    IO_REQUIRE(q.groups.size() == 3);
    CHECK(f.groups[1].name == "Marketplace sellers");
    CHECK(e.groups[1].name == "Marketplace sellers");  // "MARKETPLACE SELLERS" joins the group first spelt so
    CHECK(f.dimensions == std::vector<int>{0, 1, 2, 4});
    for (std::size_t g = 0; g < 3; ++g) {
        CHECK(f.groups[g].rows == 24);
        CHECK(f.groups[g].drivers.overall == q.groups[g].drivers.overall);
        CHECK(f.groups[g].drivers.scores == q.groups[g].drivers.scores);
        CHECK(f.groups[g].trusting == q.groups[g].trusting);
    }
    // Excel's copy has one N/A (row 10) and one empty overall (row 13), both of sellers... or shoppers.
    std::size_t dropped = 0, with_overall = 0;
    for (const SurveyGroup& g : e.groups) dropped += g.dropped, with_overall += g.with_overall;
    CHECK(dropped == 2);
    CHECK(with_overall == 71);
    CHECK(e.groups[0].drivers.overall.size() + e.groups[0].dropped == 24);
}

TEST_CASE("survey csv: a file without a group column is one group; scales map answers") {
    const CsvRead r = read_sample("no-group-tabs.csv");
    IO_REQUIRE(r.ok);
    const SurveyMapping m = detect_mapping(r.table);
    CHECK(m.group == -1);
    const Survey s = read_survey(r.table, m);
    IO_REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].name == "");
    CHECK(s.groups[0].rows == 20);
    CHECK(s.dimensions == std::vector<int>{0, 2});

    CsvRead five = read_csv("group,overall,honesty\na,4,5\na,3,1\na,6,2\n");
    SurveyMapping fm = detect_mapping(five.table);
    fm.scale = SurveyScale::one_to_five;
    const Survey fs = read_survey(five.table, fm);
    CHECK(fs.groups[0].with_overall == 2);  // 6 is not on a 1-5 scale
    CHECK(fs.groups[0].trusting == 1);      // 4 of 5 is 7 of 9; 3 of 5 is 5 of 9
    CHECK(fs.groups[0].drivers.scores[0][0] == 9);
}

TEST_CASE("survey: observations per group, matched by id or name ignoring case") {
    Plan plan;
    Stakeholder shoppers;
    shoppers.id = "shoppers";
    shoppers.name = "Online shoppers";
    Stakeholder sellers;
    sellers.id = "sellers";
    sellers.name = "Marketplace sellers";
    plan.stakeholders = {shoppers, sellers};
    const CsvRead r = read_csv("Group,Overall,NPS\nSHOPPERS,7,10\nmarketplace sellers,3,5\nshoppers,5,9\nshoppers,x,2\nshoppers,9,\n");
    IO_REQUIRE(r.ok);
    const Survey s = read_survey(r.table, detect_mapping(r.table));
    const SurveyObservations o = survey_observations(plan, s, 3, "march.csv");
    CHECK(o.unmatched.empty());
    IO_REQUIRE(o.observations.size() == 4);
    CHECK(o.observations[0].stakeholder == "shoppers");
    CHECK(o.observations[0].metric == Metric::trust_share);
    CHECK(o.observations[0].value == doctest::Approx(2.0 / 3));  // 7 and 9 of 7, 5 and 9
    CHECK(o.observations[0].n == 3.0);
    CHECK(o.observations[0].month == 3);
    CHECK(o.observations[0].source == "march.csv");
    CHECK(o.observations[1].metric == Metric::nps);
    CHECK(o.observations[1].value == doctest::Approx(100.0 * (2 - 1) / 3));  // 10 and 9 promote, 2 detracts
    CHECK(o.observations[1].n == 3.0);
    CHECK(o.observations[2].stakeholder == "sellers");
    CHECK(o.observations[2].value == 0);
    CHECK(o.observations[3].value == -100);

    const CsvRead unknown = read_sample("unknown-group.csv");
    const SurveyObservations u = survey_observations(plan, read_survey(unknown.table, detect_mapping(unknown.table)), 0, "x");
    CHECK(u.unmatched == std::vector<std::string>{"visitors"});
    CHECK(u.observations.empty());
}

TEST_CASE("survey: drivers per group in JSON, with reasons for the groups without weights") {
    const CsvRead r = read_sample("edge-groups.csv");
    IO_REQUIRE(r.ok);
    const Survey s = read_survey(r.table, detect_mapping(r.table));
    const std::vector<DriverFit> fits = survey_drivers(s);
    IO_REQUIRE(fits.size() == 3);
    CHECK(fits[0].issue == DriverIssue::too_few_rows);
    CHECK(fits[1].issue == DriverIssue::collinear);
    CHECK(fits[2].issue == DriverIssue::none);
    const std::string json = drivers_json(s, fits);
    CHECK(json.find("{\"dimensions\":[\"transactions\",\"promises\",\"honesty\"],\"groups\":[{\"group\":\"sellers\",\"n\":3,"
                    "\"dropped\":0,\"r2\":null,\"weights\":null,\"reason\":\"too few respondents: 3 with every score, "
                    "at least 5 needed\"},{\"group\":\"warehouse\"") == 0);
    CHECK(json.find("collinear answers: honesty is a linear combination of the dimensions before it") != std::string::npos);
    CHECK(json.find("{\"group\":\"shoppers\",\"n\":12,\"dropped\":0,\"r2\":0.") != std::string::npos);
}
