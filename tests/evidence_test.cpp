// The evidence loop: ISO dates, realized versus predicted lift (with shared windows, missing
// measurements, unsorted and duplicate dates), calibration, gap over time, the rank option
// {"confidence_from": "evidence"} and the validation of measurements, status and released.
//
// tests/fixtures/documents/evidence_small.json, computed by hand (segments: everyone 1000,
// members 200):
//   wash  (levels 40 -> 80, everyone):  2024-01-01 40, 03-01 44, 04-01 61 then 62 (the later
//         entry replaces the earlier), 07-01 64. Gap = 80 - level.
//   mood  (ratings, importance 9, members): 02-01 satisfaction 4; 05-01 survey [10,20,20,30,20]
//         -> top-two-box (30 + 20) × 10 / 100 = 5. Gap = 9 - satisfaction.
//   wait  (levels 60 -> 20 minutes: lower is better, everyone): 01-15 60, 03-15 50.
//   quiet (levels 10 -> 30, members): never measured, unrealized value (30 - 10) × 200 = 4000.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "evidence/evidence.hpp"
#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_json;
using gapscore::test::errors_text;
using gapscore::test::run_json;
using gapscore::test::read_file;

namespace {

Json small() { return document_json("evidence_small.json"); }

const Json* row_of(const Json& items, const std::string& id, const std::string& outcome = "") {
  for (const auto& row : items)
    if (row["id"] == id && (outcome.empty() || row["outcome"] == outcome)) return &row;
  return nullptr;
}

/// Runs evidence on `doc` and returns the errors as "path: message" lines (exit code 2 expected).
std::string evidence_errors(const Json& doc) {
  int code = -1;
  const Json out = run_json("evidence", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2) << out.dump(2);
  return errors_text(out);
}

} // namespace

// Expected day numbers from Python's datetime: (date(y, m, d) - date(1970, 1, 1)).days.
TEST(EvidenceDates, DayNumbersMatchTheGregorianCalendar) {
  using gapscore::day_number;
  EXPECT_EQ(day_number(1970, 1, 1), 0);
  EXPECT_EQ(day_number(1969, 12, 31), -1);
  EXPECT_EQ(day_number(2000, 3, 1), 11017);
  EXPECT_EQ(day_number(2024, 2, 29), 19782);
  EXPECT_EQ(day_number(1, 1, 1), -719162);
  EXPECT_EQ(day_number(9999, 12, 31), 2932896);
  EXPECT_EQ(gapscore::format_day(19782), "2024-02-29");
  EXPECT_EQ(gapscore::format_day(-719162), "0001-01-01");
  EXPECT_EQ(gapscore::format_day(2932896), "9999-12-31");
  // Every day of 1999-2001 survives a round trip through text.
  for (gapscore::DayNumber d = day_number(1999, 1, 1); d <= day_number(2001, 12, 31); ++d) {
    std::string why;
    EXPECT_EQ(gapscore::parse_iso_date(gapscore::format_day(d), why), d);
  }
}

TEST(EvidenceDates, StrictIso8601) {
  std::string why;
  const auto day = gapscore::day_number(2024, 3, 15);
  for (const char* ok : {"2024-03-15", "2024-03-15T09:30", "2024-03-15T09:30:59", "2024-03-15T23:59:60Z",
                         "2024-03-15T09:30:00.123Z", "2024-03-15T09:30+01:00", "2024-03-15T09:30:00-0500",
                         "2024-03-15T00:00+14"})
    EXPECT_EQ(gapscore::parse_iso_date(ok, why), day) << ok << ": " << why;
  for (const char* bad : {"", "2024", "2024-3-15", "15/03/2024", "2024/03/15", "2024-03-15 09:30", "2024-03-15T",
                          "2024-03-15T9:30", "2024-03-15T24:00", "2024-03-15T09:60", "2024-03-15T09:30:61",
                          "2024-03-15T09:30.", "2024-03-15T09:30:00.", "2024-03-15T09:30+1", "2024-03-15T09:30Zulu",
                          "2024-03-15x", "2024-13-01", "2024-00-10", "2024-02-30", "2023-02-29", "2024-04-31",
                          "0000-01-01", "+2024-03-15", "２０２４-03-15"}) {
    why.clear();
    EXPECT_FALSE(gapscore::parse_iso_date(bad, why).has_value()) << bad;
    EXPECT_FALSE(why.empty()) << bad;
  }
  EXPECT_TRUE(gapscore::parse_iso_date("2024-02-29", why).has_value()); // leap year
  EXPECT_TRUE(gapscore::parse_iso_date("2000-02-29", why).has_value()); // divisible by 400
  EXPECT_FALSE(gapscore::parse_iso_date("1900-02-29", why).has_value()); // by 100, not 400
  EXPECT_NE(why.find("1900-02 has 28 days"), std::string::npos) << why;
}

// Realized lift = the change between the last measurement strictly before the release day and
// the first one on or after it, as a fraction of the gap before the release.
TEST(Evidence, RealizedLiftsByHand) {
  int code = -1;
  const Json out = run_json("evidence", small().dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const Json& items = out["items"];
  ASSERT_EQ(items.size(), 7u); // released items × their outcomes: a b c d e h q

  // a (lift 0.3, released 03-10) and b (0.1, 03-20) shipped between the same two wash
  // measurements, 03-01 = 44 and 04-01 = 62: gap before 80 - 44 = 36, closed 62 - 44 = 18,
  // window = 18 / 36 = 0.5, split by predicted lift: a 0.3 / 0.4 = 75 % -> 0.375, b 25 % -> 0.125.
  const Json* a = row_of(items, "a");
  const Json* b = row_of(items, "b");
  ASSERT_TRUE(a && b);
  EXPECT_EQ((*a)["before"]["date"], "2024-03-01");
  EXPECT_EQ((*a)["before"]["value"], 44);
  EXPECT_EQ((*a)["after"]["date"], "2024-04-01");
  EXPECT_EQ((*a)["after"]["value"], 62); // not 61: the later entry of 04-01 replaces it
  EXPECT_DOUBLE_EQ((*a)["window_realized_lift"].get<double>(), 0.5);
  EXPECT_NEAR((*a)["share"].get<double>(), 0.75, 1e-15);
  EXPECT_NEAR((*a)["realized_lift"].get<double>(), 0.375, 1e-15);
  EXPECT_NEAR((*a)["ratio"].get<double>(), 1.25, 1e-15);
  EXPECT_EQ((*a)["shared_with"], Json::array({"b"}));
  EXPECT_NEAR((*b)["realized_lift"].get<double>(), 0.125, 1e-15);
  EXPECT_NEAR((*b)["share"].get<double>(), 0.25, 1e-15);
  EXPECT_EQ((*b)["shared_with"], Json::array({"a"}));

  // c (mood, 0.5) released 05-01, the day of a survey: "on or after" takes that survey.
  // Before: 02-01 satisfaction 4, gap 9 - 4 = 5; after: 5; realized (5 - 4) / 5 = 0.2, ratio 0.4.
  const Json* c = row_of(items, "c");
  ASSERT_TRUE(c);
  EXPECT_EQ((*c)["after"]["date"], "2024-05-01");
  EXPECT_DOUBLE_EQ((*c)["realized_lift"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ((*c)["ratio"].get<double>(), 0.4);
  EXPECT_FALSE(c->contains("shared_with"));

  // e (wait, 0.25) released 02-01 between 01-15 = 60 and 03-15 = 50 minutes (the time of day
  // and zone of "2024-03-15T08:00:00+01:00" are ignored). Lower is better (desired 20 < 60):
  // gap before 60 - 20 = 40, closed 60 - 50 = 10, realized 10 / 40 = 0.25, ratio 1.
  const Json* e = row_of(items, "e");
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ((*e)["realized_lift"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ((*e)["ratio"].get<double>(), 1.0);

  // d: released 06-15, the last wait measurement is 03-15: nothing to compare yet.
  const Json* d = row_of(items, "d");
  ASSERT_TRUE(d);
  EXPECT_TRUE((*d)["realized_lift"].is_null());
  EXPECT_TRUE((*d)["ratio"].is_null());
  EXPECT_EQ((*d)["reason"], "no measurement of \"wait\" on or after the release on 2024-06-15 (the last is on 2024-03-15)");
  // h: released 2023-12-01, before the first wash measurement.
  EXPECT_EQ((*row_of(items, "h"))["reason"],
            "no measurement of \"wash\" before the release on 2023-12-01 (the first is on 2024-01-01)");
  EXPECT_EQ((*row_of(items, "h"))["reason_code"], "no_baseline");
  EXPECT_EQ((*d)["reason_code"], "no_measurement_after");
  // q: its outcome is never measured, so it has no baseline either.
  EXPECT_EQ((*row_of(items, "q"))["reason"],
            "outcome \"quiet\" has no measurements: nothing before the release on 2024-02-01 to compare with");
  EXPECT_EQ((*row_of(items, "q"))["reason_code"], "no_baseline");
  // f: done without a release date.
  ASSERT_TRUE(out.contains("not_measured"));
  EXPECT_EQ(out["not_measured"][0]["id"], "f");
  // The replaced duplicate is reported.
  ASSERT_TRUE(out.contains("warnings"));
  EXPECT_EQ(out["warnings"][0]["path"], "/measurements/2");
}

// Calibration over a, b, c and e (the items with a realized lift), in 3 windows: a and b were
// released between the same two wash measurements and are one observation.
//   Σ predicted = 0.3 + 0.1 + 0.5 + 0.25 = 1.15; Σ realized = 0.375 + 0.125 + 0.2 + 0.25 = 0.95;
//   ratio = 0.95 / 1.15 = 19/23. Window ratios: {a, b} 0.5 / (0.3 + 0.1) = 1.25, c 0.2 / 0.5 = 0.4,
//   e 0.25 / 0.25 = 1; sorted 0.4, 1, 1.25; quartiles at positions 2 × p: q1 = 0.4 + 0.5 × 0.6 = 0.7,
//   median = 1, q3 = 1 + 0.5 × 0.25 = 1.125.
//   Suggested confidence (prior 2 windows at 0.5) = (3 × 19/23 + 2 × 0.5) / (3 + 2) = (80/23) / 5 = 16/23.
//   Team alpha (a, b: one window): 1.25, (1 × 1.25 + 1) / 3 = 0.75 (the ratio above 1 is kept).
//   Team beta (c): 0.4, (0.4 + 1) / 3 = 7/15. Tag x (a, c: two windows): 0.575 / 0.8 = 0.71875,
//   (2 × 0.71875 + 1) / 4 = 0.609375.
TEST(Evidence, CalibrationByHand) {
  const Json out = run_json("evidence", small().dump());
  const Json& c = out["calibration"];
  EXPECT_EQ(c["windows"], 3);
  EXPECT_EQ(c["items"], 4);
  EXPECT_EQ(c["lifts"], 4);
  EXPECT_NEAR(c["predicted_lift_total"].get<double>(), 1.15, 1e-12);
  EXPECT_NEAR(c["realized_lift_total"].get<double>(), 0.95, 1e-12);
  EXPECT_NEAR(c["ratio"].get<double>(), 19.0 / 23.0, 1e-12);
  EXPECT_NEAR(c["spread"]["min"].get<double>(), 0.4, 1e-12);
  EXPECT_NEAR(c["spread"]["q1"].get<double>(), 0.7, 1e-12);
  EXPECT_NEAR(c["spread"]["median"].get<double>(), 1, 1e-12);
  EXPECT_NEAR(c["spread"]["q3"].get<double>(), 1.125, 1e-12);
  EXPECT_NEAR(c["spread"]["max"].get<double>(), 1.25, 1e-12);
  EXPECT_NEAR(c["suggested_confidence"].get<double>(), 16.0 / 23.0, 1e-12);
  EXPECT_EQ(c["capped"], false);
  EXPECT_EQ(c["prior"], Json({{"items", 2}, {"ratio", 0.5}}));
  ASSERT_EQ(c["by_team"].size(), 2u);
  EXPECT_EQ(c["by_team"][0]["team"], "alpha");
  EXPECT_EQ(c["by_team"][0]["windows"], 1);
  EXPECT_EQ(c["by_team"][0]["items"], 2);
  EXPECT_NEAR(c["by_team"][0]["ratio"].get<double>(), 1.25, 1e-12);
  EXPECT_NEAR(c["by_team"][0]["suggested_confidence"].get<double>(), 0.75, 1e-12);
  EXPECT_NEAR(c["by_team"][1]["suggested_confidence"].get<double>(), 7.0 / 15.0, 1e-12);
  ASSERT_EQ(c["by_tag"].size(), 2u);
  EXPECT_EQ(c["by_tag"][0]["tag"], "x");
  EXPECT_EQ(c["by_tag"][0]["windows"], 2);
  EXPECT_NEAR(c["by_tag"][0]["ratio"].get<double>(), 0.71875, 1e-12);
  EXPECT_NEAR(c["by_tag"][0]["suggested_confidence"].get<double>(), 0.609375, 1e-12);
}

TEST(Evidence, SpreadAndConfidenceRules) {
  // Quartiles by linear interpolation at (n - 1) × p, as numpy.percentile([1, 2, 3, 4], 25) = 1.75.
  const auto s = gapscore::spread_of({4, 1, 3, 2});
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.q1, 1.75);
  EXPECT_DOUBLE_EQ(s.median, 2.5);
  EXPECT_DOUBLE_EQ(s.q3, 3.25);
  EXPECT_DOUBLE_EQ(s.max, 4);
  const auto one = gapscore::spread_of({0.7});
  EXPECT_DOUBLE_EQ(one.q1, 0.7);
  EXPECT_DOUBLE_EQ(one.median, 0.7);
  // (n × r + 2 × 0.5) / (n + 2), cut to [0, 1] and then marked capped.
  using gapscore::suggested_confidence;
  EXPECT_DOUBLE_EQ(suggested_confidence(1.5, 8).value, 1);   // (12 + 1) / 10 = 1.3, cut to 1
  EXPECT_TRUE(suggested_confidence(1.5, 8).capped);
  EXPECT_DOUBLE_EQ(suggested_confidence(1.0, 8).value, 0.9); // (8 + 1) / 10
  EXPECT_FALSE(suggested_confidence(1.0, 8).capped);
  EXPECT_DOUBLE_EQ(suggested_confidence(1.2, 1).value, 2.2 / 3); // (1.2 + 1) / 3: above 1 counts as it is
  EXPECT_FALSE(suggested_confidence(1.2, 1).capped);
  EXPECT_DOUBLE_EQ(suggested_confidence(-2, 2).value, 0);    // (-4 + 1) / 4 = -0.75, cut to 0
  EXPECT_TRUE(suggested_confidence(-2, 2).capped);
  EXPECT_DOUBLE_EQ(suggested_confidence(0.5, 1).value, 0.5); // (0.5 + 1) / 3
  // Another prior: 4 windows at 0.8. (1 × 0.3 + 4 × 0.8) / 5 = 3.5 / 5 = 0.7.
  EXPECT_DOUBLE_EQ(suggested_confidence(0.3, 1, {4, 0.8}).value, 0.7);
  // No prior: the ratio itself.
  EXPECT_DOUBLE_EQ(suggested_confidence(0.6, 3, {0, 0.5}).value, 0.6);
}

// Unrealized value on each measurement day, each outcome at its latest measurement (before its
// first one: that first one); quiet counts 4000 on every day.
//   day     wash          mood        wait          measured   total
//   01-01   40 × 1000     5 × 200     40 × 1000      81000     85000   (mood, wait carried back)
//   01-15   40000         1000        40000          81000     85000
//   02-01   40000         1000        40000          81000     85000
//   03-01   36 × 1000     1000        40000          77000     81000
//   03-15   36000         1000        30 × 1000      67000     71000
//   04-01   18 × 1000     1000        30000          49000     53000
//   05-01   18000         4 × 200     30000          48800     52800
//   07-01   16 × 1000     800         30000          46800     50800
// The outcomes' gaps are in % of users, satisfaction points, minutes and level points: those
// sums have no unit and are not given (null, with a mixed_units warning). The headline is each
// outcome's value as a share of its own on 01-01, weighted by customers (wash 1000, mood 200,
// wait 1000, quiet 200 at share 1 throughout), Σ = 2400:
//   03-01   (1000 × 0.9 + 200 × 1 + 1000 × 1 + 200) / 2400 = 2300 / 2400
//   03-15   (900 + 200 + 1000 × 0.75 + 200) / 2400 = 2050 / 2400
//   04-01   (1000 × 0.45 + 200 + 750 + 200) / 2400 = 1600 / 2400
//   05-01   (450 + 200 × 0.8 + 750 + 200) / 2400 = 1560 / 2400
//   07-01   (1000 × 0.4 + 160 + 750 + 200) / 2400 = 1510 / 2400  -> closed 890 / 2400
// Of the measured outcomes only (Σ = 2200): (400 + 160 + 750) / 2200 -> closed 890 / 2200.
TEST(Evidence, GapOverTimeByHand) {
  const Json out = run_json("evidence", small().dump());
  const Json& total = out["total"];
  const double expected[] = {2400, 2400, 2400, 2300, 2050, 1600, 1560, 1510};
  const char* days[] = {"2024-01-01", "2024-01-15", "2024-02-01", "2024-03-01",
                        "2024-03-15", "2024-04-01", "2024-05-01", "2024-07-01"};
  ASSERT_EQ(total["trend"].size(), 8u);
  for (std::size_t k = 0; k < 8; ++k) {
    EXPECT_EQ(total["trend"][k]["date"], days[k]);
    EXPECT_NEAR(total["trend"][k]["gap_share"].get<double>(), expected[k] / 2400, 1e-12) << days[k];
    EXPECT_NEAR(total["trend"][k]["closed_share"].get<double>(), 1 - expected[k] / 2400, 1e-12) << days[k];
    EXPECT_TRUE(total["trend"][k]["unrealized_value"].is_null()) << days[k];
  }
  EXPECT_EQ(total["trend"][0]["closed_share"], 0); // exactly: every share is 1 on the first day
  EXPECT_EQ(total["from"], "2024-01-01");
  EXPECT_EQ(total["to"], "2024-07-01");
  EXPECT_NEAR(total["closed_share"].get<double>(), 890.0 / 2400.0, 1e-12);
  EXPECT_NEAR(total["closed_share_of_measured"].get<double>(), 890.0 / 2200.0, 1e-12);
  EXPECT_TRUE(total["closed"].is_null());
  EXPECT_TRUE(total["unit"].is_null());
  EXPECT_EQ(total["measured_outcomes"], 3);
  EXPECT_EQ(total["unmeasured_outcomes"], Json::array({"quiet"}));

  // Per outcome: its own measurements only (wash: 4 days, the 04-01 duplicate counted once).
  const Json& wash = out["outcomes"][0];
  EXPECT_EQ(wash["id"], "wash");
  ASSERT_EQ(wash["trend"].size(), 4u);
  EXPECT_DOUBLE_EQ(wash["trend"][2]["unrealized_value"].get<double>(), 18000);
  EXPECT_DOUBLE_EQ(wash["closed_share"].get<double>(), 0.6); // (40000 - 16000) / 40000
  EXPECT_DOUBLE_EQ(wash["trend"][2]["gap_share"].get<double>(), 0.45); // 18000 / 40000
  EXPECT_EQ(wash["unit"], "% of users");
  EXPECT_EQ(wash["releases"][0]["item"], "h");               // release markers by day
  EXPECT_EQ(wash["releases"][1]["item"], "a");
  const Json& mood = out["outcomes"][1];
  EXPECT_EQ(mood["trend"][1]["from"], "survey");
  EXPECT_EQ(mood["trend"][1]["respondents"], 100); // the survey's answers
  EXPECT_EQ(mood["trend"][0]["respondents"], 150);
}

// "This year": from 2024-03-01 to 2024-12-31. On 03-01: wash 36000, mood 1000 (02-01), wait
// 40000 (01-15), quiet 4000; on 12-31 the last values: wash 16000, mood 800, wait 30000.
// Shares of 03-01: wash 16/36 = 4/9, mood 0.8, wait 0.75, quiet 1; weighted by customers:
// (1000 × 4/9 + 200 × 0.8 + 1000 × 0.75 + 200) / 2400 = (4000/9 + 1110) / 2400, closed = 1 − that.
TEST(Evidence, WindowFromTo) {
  int code = -1;
  const Json out = run_json("evidence", small().dump(), {{"from", "2024-03-01"}, {"to", "2024-12-31"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const Json& total = out["total"];
  EXPECT_EQ(total["from"], "2024-03-01");
  EXPECT_EQ(total["to"], "2024-12-31");
  EXPECT_NEAR(total["closed_share"].get<double>(), 1 - (4000.0 / 9 + 1110) / 2400, 1e-12);
  EXPECT_EQ(total["trend"].size(), 6u); // 03-01 03-15 04-01 05-01 07-01 12-31
  // wait's own trend keeps only 03-15 inside the window; its share is of its value on 03-01.
  EXPECT_EQ(out["outcomes"][2]["trend"].size(), 1u);
  EXPECT_DOUBLE_EQ(out["outcomes"][2]["trend"][0]["gap_share"].get<double>(), 0.75); // 30000 / 40000

  // A window in the middle of nothing still answers (values carried), bad dates are usage errors.
  EXPECT_EQ(run_json("evidence", small().dump(), {{"from", "2025-01-01"}}, &code)["total"]["closed_share"], 0);
  EXPECT_EQ(code, 0);
  Json bad = run_json("evidence", small().dump(), {{"from", "2024-02-30"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(errors_text(bad).find("options/from: is not a day of the calendar"), std::string::npos) << bad.dump();
  bad = run_json("evidence", small().dump(), {{"from", "2024-05-01"}, {"to", "2024-01-01"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(errors_text(bad).find("options/to: is before"), std::string::npos);
}

// The order of the measurements in the document does not matter (dates are sorted first).
TEST(Evidence, UnsortedDatesGiveTheSameResult) {
  Json doc = small();
  // Drop the superseded 04-01 entry (/measurements/2): with it, document order decides which
  // one of the two counts, by the documented rule.
  doc["measurements"].erase(2);
  const Json sorted_out = run_json("evidence", doc.dump());
  Json reversed = doc;
  std::reverse(reversed["measurements"].begin(), reversed["measurements"].end());
  Json by_date = doc;
  std::stable_sort(by_date["measurements"].begin(), by_date["measurements"].end(),
                   [](const Json& a, const Json& b) { return a["date"].get<std::string>() < b["date"].get<std::string>(); });
  for (const Json& variant : {reversed, by_date}) {
    const Json out = run_json("evidence", variant.dump());
    EXPECT_EQ(out["items"], sorted_out["items"]);
    EXPECT_EQ(out["calibration"], sorted_out["calibration"]);
    EXPECT_EQ(out["total"], sorted_out["total"]);
    EXPECT_EQ(out["outcomes"], sorted_out["outcomes"]);
  }
}

TEST(Evidence, SameDayTieRuleLaterEntryWins) {
  Json doc = small();
  // Swap the two 04-01 entries: now 61 comes later in the document and counts.
  std::swap(doc["measurements"][2], doc["measurements"][5]);
  const Json out = run_json("evidence", doc.dump());
  const Json* a = row_of(out["items"], "a");
  ASSERT_TRUE(a);
  EXPECT_EQ((*a)["after"]["value"], 61);
  EXPECT_EQ(out["warnings"][0]["path"], "/measurements/2");
  EXPECT_NE(out["warnings"][0]["message"].get<std::string>().find("at /measurements/5, which replaces this entry"),
            std::string::npos);
}

TEST(Evidence, MeasurementErrorsNameThePath) {
  Json doc = small();
  doc["measurements"] = Json::array({
      {{"outcome", "wash"}, {"date", "2024-02-30"}, {"current", 41}},                       // 0 bad day
      {{"outcome", "wash"}, {"date", "15/03/2024"}, {"current", 41}},                       // 1 not ISO
      {{"outcome", "soap"}, {"date", "2024-03-15"}, {"current", 41}},                       // 2 unknown outcome
      {{"outcome", "wash"}, {"date", "2024-03-15"}, {"current", 41}, {"satisfaction", 5}},  // 3 two kinds
      {{"outcome", "wash"}, {"date", "2024-03-15"}},                                        // 4 no value
      {{"outcome", "mood"}, {"date", "2024-03-15"}, {"current", 41}},                       // 5 level on a rating
      {{"outcome", "wash"}, {"date", "2024-03-15"}, {"satisfaction", 5}},                   // 6 rating on a level
      {{"outcome", "mood"}, {"date", "2024-03-15"}, {"satisfaction", 11}},                  // 7 out of range
      {{"outcome", "mood"}, {"date", "2024-03-15"}, {"survey", {1, 2, 3}}},                 // 8 not 5 counts
      {{"outcome", "mood"}, {"date", 20240315}, {"satisfaction", 5}, {"respondents", 2.5}}, // 9 date not text
      {{"date", "2024-03-15"}, {"satisfaction", 5}},                                        // 10 no outcome
      "wash",                                                                               // 11 not an object
  });
  doc["items"][0]["status"] = "doing";
  doc["items"][1]["released"] = "last week";
  doc["items"][2]["team"] = 7;
  const std::string errors = evidence_errors(doc);
  for (const char* expected : {
           "/measurements/0/date: is not a day of the calendar (2024-02 has 29 days) (got \"2024-02-30\")",
           "/measurements/1/date: must be a date YYYY-MM-DD",
           "/measurements/2/outcome: no outcome with id \"soap\"",
           "/measurements/3/satisfaction: given together with \"current\": one value per measurement",
           "/measurements/4: missing: give one value",
           "/measurements/5/current: outcome \"mood\" has no current/desired levels",
           "/measurements/6/satisfaction: outcome \"wash\" has current/desired levels (40 → 80)",
           "/measurements/7/satisfaction: must be between 0 and 10 (got 11)",
           "/measurements/8/survey: must be 5 counts",
           "/measurements/9/date: must be a date as text",
           "/measurements/9/respondents: must be a whole number of at least 1 (got 2.5)",
           "/measurements/10/outcome: missing: the id of the outcome measured",
           "/measurements/11: must be an object",
           "/items/0/status: must be one of \"idea\", \"planned\", \"in_progress\", \"done\" (got \"doing\")",
           "/items/1/released: must be a date YYYY-MM-DD",
           "/items/2/team: must be text",
       })
    EXPECT_NE(errors.find(expected), std::string::npos) << "missing: " << expected << "\nin:\n" << errors;

  // Every command reports them (the loader validates measurements), not just evidence.
  int code = -1;
  const Json ranked = run_json("rank", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(errors_text(ranked).find("/measurements/3/satisfaction"), std::string::npos);
}

TEST(Evidence, MissingSectionsAndStatusWarnings) {
  Json doc = small();
  doc.erase("measurements");
  EXPECT_NE(evidence_errors(doc).find("/measurements: missing: record each outcome's level"), std::string::npos);
  doc = small();
  doc["measurements"] = Json::object();
  EXPECT_NE(evidence_errors(doc).find("/measurements: must be a list"), std::string::npos);
  // A release date on an item still "planned" counts as released, with a warning.
  doc = small();
  doc["items"][0]["status"] = "planned";
  int code = -1;
  const Json out = run_json("evidence", doc.dump(), Json::object(), &code);
  ASSERT_EQ(code, 0);
  bool warned = false;
  for (const auto& w : out["warnings"]) warned |= w["path"] == "/items/0/status";
  EXPECT_TRUE(warned) << out["warnings"].dump();
  EXPECT_TRUE(row_of(out["items"], "a")->at("realized_lift").is_number());
  // No history at all: the calibration says so instead of inventing a ratio.
  doc = small();
  for (auto& item : doc["items"]) item.erase("released");
  const Json none = run_json("evidence", doc.dump());
  EXPECT_TRUE(none["calibration"]["ratio"].is_null());
  EXPECT_TRUE(none["calibration"]["suggested_confidence"].is_null());
  EXPECT_TRUE(none["calibration"].contains("reason"));
  EXPECT_EQ(none["items"].size(), 0u);
}

// rank {"confidence_from": "evidence"} replaces the confidence of items not yet released, and
// says so; without the option nothing changes.
TEST(Evidence, RankConfidenceFromEvidence) {
  const std::string doc = small().dump();
  int code = -1;
  const Json plain = run_json("rank", doc, {{"model", "rice"}}, &code);
  ASSERT_EQ(code, 0);
  EXPECT_FALSE(plain.contains("confidence_from")); // never silently
  const Json rice = run_json("rank", doc, {{"model", "rice"}, {"confidence_from", "evidence"}}, &code);
  ASSERT_EQ(code, 0) << rice.dump(2);
  EXPECT_EQ(rice["confidence_from"]["replaces"], "confidence");
  EXPECT_NEAR(rice["confidence_from"]["confidence"].get<double>(), 16.0 / 23.0, 1e-12); // CalibrationByHand
  EXPECT_EQ(rice["confidence_from"]["calibrated_on_windows"], 3);
  EXPECT_EQ(rice["confidence_from"]["capped"], false);
  EXPECT_EQ(rice["confidence_from"]["applied_to_items"], 2);   // g, k
  EXPECT_EQ(rice["confidence_from"]["released_items_kept"], 8); // released or done
  auto score = [](const Json& out, const std::string& id) {
    for (const auto& r : out["ranking"])
      if (r["id"] == id) return r["score"].get<double>();
    return -1.0;
  };
  // g (team alpha): 1000 × 1 × 0.75 / 1; k (no team): 1000 × 1 × 16/23 / 2; a kept at 1000.
  EXPECT_NEAR(score(rice, "g"), 750, 1e-9);
  EXPECT_NEAR(score(rice, "k"), 1000 * (16.0 / 23.0) / 2, 1e-9);
  EXPECT_NEAR(score(rice, "a"), 1000, 1e-9);

  // Gap model: lifts × confidence. g: 0.2 × 40 × 1000 × (8 + 5) / 10 = 10400 -> × 0.75 = 7800.
  const Json gap = run_json("rank", doc, {{"model", "gap"}, {"confidence_from", "evidence"}}, &code);
  ASSERT_EQ(code, 0) << gap.dump(2);
  EXPECT_EQ(gap["confidence_from"]["replaces"], "lift × confidence");
  EXPECT_NEAR(score(gap, "g"), 7800, 1e-9);
  EXPECT_NEAR(score(run_json("rank", doc, {{"model", "gap"}}), "g"), 10400, 1e-9);

  const Json bad = run_json("rank", doc, {{"confidence_from", "gut feeling"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(errors_text(bad).find("options/confidence_from: must be \"evidence\""), std::string::npos);
  const Json wsjf = run_json("rank", doc, {{"model", "wsjf"}, {"confidence_from", "evidence"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(errors_text(wsjf).find("applies to the rice model"), std::string::npos) << errors_text(wsjf);
}

TEST(Evidence, TableRendering) {
  const auto r = gapscore::run_command("evidence", small().dump(), R"({"format": "table"})");
  ASSERT_EQ(r.exit_code, 0) << r.messages;
  EXPECT_NE(r.output.find("closed 37.1% of the customers' gap from 2024-01-01 to 2024-07-01"), std::string::npos)
      << r.output; // 890 / 2400
  EXPECT_NE(r.output.find("shared with b (75.0% of the change)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("measured on the release day"), std::string::npos) << r.output; // c
  EXPECT_NE(r.output.find("over 3 windows of 4 released items"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("suggested confidence for new estimates: 0.695652"), std::string::npos) << r.output; // 16/23
  EXPECT_NE(r.output.find("no baseline: h on wash"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("unrealized value closed"), std::string::npos) << r.output; // mixed units: no sum
  const auto md = gapscore::run_command("evidence", small().dump(), R"({"format": "markdown"})");
  EXPECT_NE(md.output.find("| date"), std::string::npos) << md.output;
}

// A valid but enormous level overflows gap × customers: an input error at the measurement.
TEST(Evidence, OverflowIsAnInputErrorAtTheMeasurement) {
  Json doc = small();
  doc["measurements"].push_back({{"outcome", "wash"}, {"date", "2024-08-01"}, {"current", 1e308}});
  const std::string errors = evidence_errors(doc);
  EXPECT_NE(errors.find("/measurements/9/current: is too large"), std::string::npos) << errors;
}

// The demo's history (demo/health-app.json), margins from its respondents (1.96 × √(p(1 − p)/n)
// in points, rounded to one decimal), tells one clear win and one result within the noise:
//   hand-washing-alert, infection-risk 36 ± 1.9 -> 62 ± 1.9 of a 80 - 36 = 44 point gap:
//     (26 ± √(1.9² + 1.9²)) / 44 = (26 ± 2.687) / 44 = [0.530, 0.652], all of it above the
//     predicted 0.4: a clear win
//   insurance-card-wallet, insurance-at-hand 41 ± 3.8 -> 46 ± 3.8 of a 90 - 41 = 49 point gap:
//     (5 ± 5.374) / 49 = [-0.0076, 0.2117]: within noise (it may have done nothing)
//   medication-reminders (released 04-22): the dose log of 04-25 (63.5) is 3 days after the
//     release; medication-adherence waits lag_days 14 (to 05-06), so after = 05-15 (72):
//     (72 - 63) / (90 - 63) = 1/3, and nothing is warned.
TEST(Evidence, DemoShowsOneResultWithinNoiseAndOneClearWin) {
  int code = -1;
  const Json out = run_json("evidence", read_file("demo/health-app.json"), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const Json* wash = row_of(out["items"], "hand-washing-alert");
  const Json* wallet = row_of(out["items"], "insurance-card-wallet");
  const Json* reminders = row_of(out["items"], "medication-reminders");
  ASSERT_TRUE(wash && wallet && reminders);
  const double wash_half = std::sqrt(1.9 * 1.9 + 1.9 * 1.9); // 2.687
  EXPECT_NEAR((*wash)["interval"]["low"].get<double>(), (26 - wash_half) / 44, 1e-12);
  EXPECT_NEAR((*wash)["interval"]["high"].get<double>(), (26 + wash_half) / 44, 1e-12);
  EXPECT_GT((*wash)["interval"]["low"].get<double>(), (*wash)["predicted_lift"].get<double>());
  EXPECT_EQ((*wash)["within_noise"], false);
  const double wallet_half = std::sqrt(3.8 * 3.8 + 3.8 * 3.8); // 5.374
  EXPECT_NEAR((*wallet)["interval"]["low"].get<double>(), (5 - wallet_half) / 49, 1e-12);
  EXPECT_NEAR((*wallet)["interval"]["high"].get<double>(), (5 + wallet_half) / 49, 1e-12);
  EXPECT_EQ((*wallet)["within_noise"], true);
  int within = 0;
  for (const auto& row : out["items"]) within += row["within_noise"] == true;
  EXPECT_EQ(within, 1);
  EXPECT_EQ((*reminders)["after"]["date"], "2025-05-15");
  EXPECT_EQ((*reminders)["lag_days"], 14);
  EXPECT_NEAR((*reminders)["realized_lift"].get<double>(), 1.0 / 3, 1e-15);
  EXPECT_FALSE(out.contains("warnings")) << out["warnings"].dump(2);
  // One unit (% of the segment) throughout: the sum is given beside the weighted headline.
  EXPECT_EQ(out["total"]["unit"], "% of the segment for whom the outcome is met");
  EXPECT_TRUE(out["total"]["closed"].is_number());
  // What to measure next: the outcomes planned work waits on that were never measured.
  std::vector<std::string> next;
  for (const auto& o : out["measure_next"]["outcomes"]) next.push_back(o["id"]);
  EXPECT_EQ(next, (std::vector<std::string>{"symptom-advice", "book-care", "see-results", "own-language"}));
  EXPECT_EQ(out["measure_next"]["no_baseline"][0]["item"], "fhir-integration");
}
