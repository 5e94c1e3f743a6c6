// The evidence rules of issue 21, each on a small document computed by hand (the arithmetic in
// the comments): an effect lag that skips a measurement, survey margins and the interval of a
// realized lift, a shared window counted once, the headline in one unit, what to measure next,
// and the suggested confidence's visible prior and cap.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::run_json;

namespace {

const Json* row_of(const Json& rows, const std::string& id) {
  for (const auto& row : rows)
    if (row["id"] == id) return &row;
  return nullptr;
}

/// The warnings at `path` with `code`.
int warnings_at(const Json& out, const std::string& path, const std::string& code) {
  int n = 0;
  if (out.contains("warnings"))
    for (const auto& w : out["warnings"]) n += w["path"] == path && w["code"] == code;
  return n;
}

std::string problems_text(const Json& out) {
  std::string s;
  for (const char* kind : {"errors", "warnings"})
    if (out.contains(kind))
      for (const auto& e : out[kind])
        s += e["path"].get<std::string>() + " [" + e["code"].get<std::string>() + "]: " + e["message"].get<std::string>() + "\n";
  return s;
}

Json evidence(const Json& doc, Json options = Json::object(), int expected_exit = 0) {
  int code = -1;
  Json out = run_json("evidence", doc.dump(), std::move(options), &code);
  EXPECT_EQ(code, expected_exit) << out.dump(2);
  return out;
}

// Adherence in % of doses taken, 60 -> 90 (gap 30 at the start), one item released 2025-03-02.
//   03-01 60 (the last measurement strictly before the release: before, whatever the lag)
//   03-04 61 (2 days after the release)   03-20 66 (18 days)   04-10 70 (39 days)
Json adherence() {
  return Json::parse(R"({
    "format": "gapscore/1", "model": "rice",
    "segments": [{"id": "patients", "size": 1000}],
    "outcomes": [{"id": "adh", "name": "Take every dose", "segment": "patients", "importance": 9, "satisfaction": 4,
                  "current": 60, "desired": 90, "unit": "% of doses taken"}],
    "measurements": [
      {"outcome": "adh", "date": "2025-03-01", "current": 60},
      {"outcome": "adh", "date": "2025-03-04", "current": 61},
      {"outcome": "adh", "date": "2025-03-20", "current": 66},
      {"outcome": "adh", "date": "2025-04-10", "current": 70}],
    "items": [{"id": "rem", "status": "done", "released": "2025-03-02", "reach": 1, "impact": 1, "confidence": 1,
               "effort": 1, "outcomes": [{"outcome": "adh", "lift": 0.3}]}]
  })");
}

} // namespace

// "After" is the first measurement on or after released + lag_days; "before" stays the last
// one strictly before the release.
TEST(EvidenceLag, ALagSkipsTheMeasurementsInsideIt) {
  // No lag: after = 03-04, (61 - 60) / 30 = 1/30.
  Json out = evidence(adherence());
  const Json* rem = row_of(out["items"], "rem");
  ASSERT_TRUE(rem);
  EXPECT_EQ((*rem)["after"]["date"], "2025-03-04");
  EXPECT_NEAR((*rem)["realized_lift"].get<double>(), 1.0 / 30, 1e-15);
  EXPECT_EQ((*rem)["lag_days"], 0);

  // lag_days 14 on the outcome: effect day 03-02 + 14 = 03-16, so 03-04 is skipped and after =
  // 03-20: (66 - 60) / 30 = 0.2, ratio 0.2 / 0.3; before is still 03-01.
  Json doc = adherence();
  doc["outcomes"][0]["lag_days"] = 14;
  out = evidence(doc);
  rem = row_of(out["items"], "rem");
  EXPECT_EQ((*rem)["before"]["date"], "2025-03-01");
  EXPECT_EQ((*rem)["after"]["date"], "2025-03-20");
  EXPECT_EQ((*rem)["measured_after_days"], 18);
  EXPECT_EQ((*rem)["lag_days"], 14);
  EXPECT_NEAR((*rem)["realized_lift"].get<double>(), 0.2, 1e-15);
  EXPECT_NEAR((*rem)["ratio"].get<double>(), 2.0 / 3, 1e-15);
  EXPECT_EQ(out["outcomes"][0]["lag_days"], 14);

  // The option sets the default for outcomes without their own: lag 30 -> effect day 04-01,
  // after = 04-10: (70 - 60) / 30 = 1/3. The outcome's own lag wins over the option.
  out = evidence(adherence(), {{"lag_days", 30}});
  EXPECT_NEAR((*row_of(out["items"], "rem"))["realized_lift"].get<double>(), 1.0 / 3, 1e-15);
  out = evidence(doc, {{"lag_days", 30}});
  EXPECT_NEAR((*row_of(out["items"], "rem"))["realized_lift"].get<double>(), 0.2, 1e-15);

  // A lag past the last measurement: effect day 03-02 + 60 = 05-01, nothing on or after it yet.
  out = evidence(adherence(), {{"lag_days", 60}});
  rem = row_of(out["items"], "rem");
  EXPECT_TRUE((*rem)["realized_lift"].is_null());
  EXPECT_EQ((*rem)["reason_code"], "no_measurement_after");
  EXPECT_EQ((*rem)["reason"], "no measurement of \"adh\" on or after the release on 2025-03-02 + 60 days of lag "
                              "(2025-05-01) (the last is on 2025-04-10)");

  // The same rule in rank {"confidence_from": "evidence"}: ratio 0.2 / 0.3 over 1 window,
  // (2/3 + 2 × 0.5) / 3 = 5/9 (no lag: (1/9 + 1) / 3 = 10/27).
  int code = -1;
  const Json ranked = run_json("rank", doc.dump(), {{"confidence_from", "evidence"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_NEAR(ranked["confidence_from"]["confidence"].get<double>(), 5.0 / 9, 1e-15);
  const Json ranked_no_lag = run_json("rank", adherence().dump(), {{"confidence_from", "evidence"}});
  EXPECT_NEAR(ranked_no_lag["confidence_from"]["confidence"].get<double>(), 10.0 / 27, 1e-15);
  EXPECT_EQ(run_json("rank", adherence().dump(), {{"confidence_from", "evidence"}, {"lag_days", 14}})["confidence_from"]["lag_days"],
            14);
}

// With no lag set anywhere, an "after" measured fewer than 7 days after the release is warned
// about (unusual_value at the item's release date); a lag given, even 0, says it was meant.
TEST(EvidenceLag, AnEarlyMeasurementIsWarnedOnlyWithoutALag) {
  Json out = evidence(adherence()); // after = 03-04, 2 days after 03-02
  EXPECT_EQ(warnings_at(out, "/items/0/released", "unusual_value"), 1) << problems_text(out);
  EXPECT_EQ((*row_of(out["items"], "rem"))["early_measurement"], true);
  EXPECT_EQ((*row_of(out["items"], "rem"))["measured_after_days"], 2);
  EXPECT_NE(problems_text(out).find("measured on 2025-03-04, 2 days after it"), std::string::npos) << problems_text(out);

  out = evidence(adherence(), {{"lag_days", 0}});
  EXPECT_EQ(warnings_at(out, "/items/0/released", "unusual_value"), 0) << problems_text(out);
  EXPECT_EQ((*row_of(out["items"], "rem"))["early_measurement"], false);

  // 7 days is no longer early: the 03-04 measurement moved to 03-09, 7 days after 03-02.
  Json doc = adherence();
  doc["measurements"][1]["date"] = "2025-03-09";
  out = evidence(doc);
  EXPECT_EQ((*row_of(out["items"], "rem"))["measured_after_days"], 7);
  EXPECT_EQ(warnings_at(out, "/items/0/released", "unusual_value"), 0) << problems_text(out);
  doc["measurements"][1]["date"] = "2025-03-08"; // 6 days
  EXPECT_EQ(warnings_at(evidence(doc), "/items/0/released", "unusual_value"), 1);

  // rank {"confidence_from": "evidence"} rests on the same measurement and says so too.
  int code = -1;
  const Json ranked = run_json("rank", adherence().dump(), {{"confidence_from", "evidence"}}, &code);
  EXPECT_EQ(warnings_at(ranked, "/items/0/released", "unusual_value"), 1) << problems_text(ranked);
}

TEST(EvidenceLag, BadLagsAreRefused) {
  for (const Json& bad : {Json(-1), Json(2.5), Json("14"), Json(3651)}) {
    Json doc = adherence();
    doc["outcomes"][0]["lag_days"] = bad;
    const Json out = evidence(doc, Json::object(), 2);
    EXPECT_NE(problems_text(out).find("/outcomes/0/lag_days"), std::string::npos) << bad << "\n" << problems_text(out);
  }
  // Every command validates the field (the loader reads it), and it is a known field.
  Json doc = adherence();
  doc["outcomes"][0]["lag_days"] = 14;
  const Json valid = run_json("validate", doc.dump());
  EXPECT_EQ(problems_text(valid).find("lag_days"), std::string::npos) << problems_text(valid);
  doc["outcomes"][0]["lag_days"] = -3;
  int code = -1;
  run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  // Options: usage errors (exit 1), for evidence and for rank.
  for (const Json& bad : {Json(-1), Json(1.5), Json("7")})
    EXPECT_NE(problems_text(evidence(adherence(), {{"lag_days", bad}}, 1)).find("options/lag_days"), std::string::npos);
  const Json ranked = run_json("rank", adherence().dump(), {{"lag_days", 14}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(problems_text(ranked).find("options/lag_days [invalid_option]: applies only with confidence_from"), std::string::npos)
      << problems_text(ranked);
}

// Survey margins: satisfaction = 10 p with p the top-two-box share of n answers, margin =
// 10 × 1.96 × √(p(1 − p)/n). Both outcomes: importance 9, released items on 03-01 between a
// survey on 02-01 and one on 04-01 (31 days later: not early).
//   mood, n = 100:  before [10, 20, 30, 25, 15]: p = 40/100 = 0.4, satisfaction 4,
//                     margin = 19.6 × √(0.4 × 0.6 / 100) = 19.6 × √0.0024 = 19.6 × 0.0489898 = 0.960200
//                   after  [5, 10, 25, 35, 25]: p = 0.6, satisfaction 6, margin 0.960200 (same p(1 − p))
//                   change 6 - 4 = 2, gap before 9 - 4 = 5, realized 2/5 = 0.4
//                   half-width √(0.9602² + 0.9602²) = 0.9602 × √2 = 1.357929
//                     (= 1.96 × √(se² + se²) with se = margin / 1.96)
//                   interval (2 ± 1.357929) / 5 = [0.128414, 0.671586]: not within noise
//   calm, n = 25:   before [2, 5, 8, 6, 4]: p = 10/25 = 0.4, satisfaction 4,
//                     margin = 19.6 × √(0.24 / 25) = 19.6 × 0.0979796 = 1.920400
//                   after  [1, 4, 8, 7, 5]: p = 12/25 = 0.48, satisfaction 4.8,
//                     margin = 19.6 × √(0.2496 / 25) = 19.6 × 0.0999200 = 1.958431
//                   change 0.8, gap 5, realized 0.16
//                   half-width √(1.9204² + 1.958431²) = √(3.687936 + 3.835453) = √7.523389 = 2.742880
//                   interval (0.8 ± 2.742880) / 5 = [-0.388576, 0.708576]: within noise
TEST(EvidenceNoise, SurveyMarginsByHand) {
  const Json doc = Json::parse(R"({
    "format": "gapscore/1",
    "segments": [{"id": "members", "size": 200}],
    "outcomes": [
      {"id": "mood", "segment": "members", "importance": 9, "satisfaction": 4},
      {"id": "calm", "segment": "members", "importance": 9, "satisfaction": 4}],
    "measurements": [
      {"outcome": "mood", "date": "2025-02-01", "survey": [10, 20, 30, 25, 15]},
      {"outcome": "mood", "date": "2025-04-01", "survey": [5, 10, 25, 35, 25]},
      {"outcome": "calm", "date": "2025-02-01", "survey": [2, 5, 8, 6, 4]},
      {"outcome": "calm", "date": "2025-04-01", "survey": {"satisfaction": [1, 4, 8, 7, 5]}}],
    "items": [
      {"id": "m1", "released": "2025-03-01", "effort": 1, "outcomes": [{"outcome": "mood", "lift": 0.5}]},
      {"id": "c1", "released": "2025-03-01", "effort": 1, "outcomes": [{"outcome": "calm", "lift": 0.5}]}]
  })");
  const Json out = evidence(doc);
  const Json* m1 = row_of(out["items"], "m1");
  const Json* c1 = row_of(out["items"], "c1");
  ASSERT_TRUE(m1 && c1);
  const double m_margin = 10 * 1.96 * std::sqrt(0.4 * 0.6 / 100);
  EXPECT_NEAR(m_margin, 0.960200, 1e-6);
  EXPECT_NEAR((*m1)["before"]["margin"].get<double>(), m_margin, 1e-12);
  EXPECT_NEAR((*m1)["after"]["margin"].get<double>(), m_margin, 1e-12);
  EXPECT_NEAR((*m1)["realized_lift"].get<double>(), 0.4, 1e-12);
  EXPECT_NEAR((*m1)["interval"]["low"].get<double>(), 0.128414, 1e-6);
  EXPECT_NEAR((*m1)["interval"]["high"].get<double>(), 0.671586, 1e-6);
  EXPECT_EQ((*m1)["within_noise"], false);

  EXPECT_NEAR((*c1)["before"]["margin"].get<double>(), 1.920400, 1e-6);
  EXPECT_NEAR((*c1)["after"]["margin"].get<double>(), 1.958431, 1e-6);
  EXPECT_NEAR((*c1)["realized_lift"].get<double>(), 0.16, 1e-12);
  EXPECT_NEAR((*c1)["interval"]["low"].get<double>(), -0.388576, 1e-6);
  EXPECT_NEAR((*c1)["interval"]["high"].get<double>(), 0.708576, 1e-6);
  EXPECT_EQ((*c1)["within_noise"], true);

  // The margins are shown with the outcome's trend, and the window carries the same interval.
  EXPECT_NEAR(out["outcomes"][1]["trend"][0]["margin"].get<double>(), 1.920400, 1e-6);
  ASSERT_EQ(out["windows"].size(), 2u);
  EXPECT_EQ(out["windows"][1]["within_noise"], true);

  // A margin given on a survey wins over the derived one (a weighted survey knows better):
  // calm before ± 0.2, after ± 0.2: half-width √0.08 = 0.282843, (0.8 ± 0.282843) / 5 = [0.103431, 0.216569].
  Json given = doc;
  given["measurements"][2]["margin"] = 0.2;
  given["measurements"][3]["margin"] = 0.2;
  const Json given_out = evidence(given);
  const Json* c1g = row_of(given_out["items"], "c1");
  EXPECT_NEAR((*c1g)["interval"]["low"].get<double>(), 0.103431, 1e-6);
  EXPECT_EQ((*c1g)["within_noise"], false);
}

// Margins given on levels, in the level's own unit: wash % of users, 40 -> 80.
//   03-01 44 ± 3, 04-01 62 ± 4: change 18, gap before 36, realized 0.5,
//   half-width √(3² + 4²) = 5, interval (18 ± 5) / 36 = [13/36, 23/36].
// a (lift 0.3) and b (0.1) share the window: each gets its share of the interval too,
// a 0.75 × [13/36, 23/36], b 0.25 × [13/36, 23/36].
TEST(EvidenceNoise, GivenMarginsOnLevelsAndNoneWithoutThem) {
  const Json doc = Json::parse(R"({
    "format": "gapscore/1",
    "segments": [{"id": "everyone", "size": 1000}],
    "outcomes": [{"id": "wash", "segment": "everyone", "importance": 8, "satisfaction": 3, "current": 40, "desired": 80}],
    "measurements": [
      {"outcome": "wash", "date": "2024-03-01", "current": 44, "margin": 3},
      {"outcome": "wash", "date": "2024-04-01", "current": 62, "margin": 4},
      {"outcome": "wash", "date": "2024-05-01", "current": 64}],
    "items": [
      {"id": "a", "released": "2024-03-10", "effort": 1, "outcomes": [{"outcome": "wash", "lift": 0.3}]},
      {"id": "b", "released": "2024-03-20", "effort": 1, "outcomes": [{"outcome": "wash", "lift": 0.1}]},
      {"id": "c", "released": "2024-04-10", "effort": 1, "outcomes": [{"outcome": "wash", "lift": 0.1}]}]
  })");
  const Json out = evidence(doc);
  const Json& w = out["windows"][0];
  EXPECT_NEAR(w["interval"]["low"].get<double>(), 13.0 / 36, 1e-15);
  EXPECT_NEAR(w["interval"]["high"].get<double>(), 23.0 / 36, 1e-15);
  const Json* a = row_of(out["items"], "a");
  const Json* b = row_of(out["items"], "b");
  EXPECT_NEAR((*a)["interval"]["low"].get<double>(), 0.75 * 13 / 36, 1e-15);
  EXPECT_NEAR((*a)["interval"]["high"].get<double>(), 0.75 * 23 / 36, 1e-15);
  EXPECT_NEAR((*b)["interval"]["low"].get<double>(), 0.25 * 13 / 36, 1e-15);
  EXPECT_EQ((*a)["within_noise"], false);
  // c: 04-01 (± 4) -> 05-01 (no margin): no interval, never a made-up one.
  const Json* c = row_of(out["items"], "c");
  EXPECT_NEAR((*c)["realized_lift"].get<double>(), 2.0 / 18, 1e-15); // (64 - 62) / (80 - 62)
  EXPECT_TRUE((*c)["interval"].is_null());
  EXPECT_TRUE((*c)["within_noise"].is_null());
  // A negative margin is an input error.
  Json bad = doc;
  bad["measurements"][0]["margin"] = -1;
  EXPECT_NE(problems_text(evidence(bad, Json::object(), 2)).find("/measurements/0/margin"), std::string::npos);
}

// A satisfaction given with its number of respondents has the survey's margin, p =
// satisfaction / 10: 3 -> 4 on 100 answers each is within the noise, on 4,000 it is not.
//   100:   margins 19.6 × √(0.3 × 0.7 / 100) and 19.6 × √(0.4 × 0.6 / 100); gap before 8 − 3 = 5;
//          interval (1 ± √(m1² + m2²)) / 5 = [-0.063, 0.463]
//   4,000: the same with n = 4,000: [0.158, 0.242]
TEST(EvidenceNoise, RespondentsGiveASatisfactionItsMargin) {
  for (const double n : {100.0, 4000.0}) {
    Json doc = Json::parse(R"({
      "format": "gapscore/1",
      "segments": [{"id": "everyone", "size": 1000}],
      "outcomes": [{"id": "mood", "segment": "everyone", "importance": 8, "satisfaction": 3}],
      "measurements": [
        {"outcome": "mood", "date": "2024-03-01", "satisfaction": 3},
        {"outcome": "mood", "date": "2024-05-01", "satisfaction": 4}],
      "items": [{"id": "a", "released": "2024-04-01", "effort": 1, "outcomes": [{"outcome": "mood", "lift": 0.3}]}]
    })");
    doc["measurements"][0]["respondents"] = n;
    doc["measurements"][1]["respondents"] = n;
    SCOPED_TRACE(n);
    const Json out = evidence(doc);
    const Json* a = row_of(out["items"], "a");
    ASSERT_NE(a, nullptr);
    const double m1 = 10 * 1.96 * std::sqrt(0.3 * 0.7 / n), m2 = 10 * 1.96 * std::sqrt(0.4 * 0.6 / n);
    const double half = std::sqrt(m1 * m1 + m2 * m2);
    EXPECT_NEAR((*a)["realized_lift"].get<double>(), 0.2, 1e-15);
    EXPECT_NEAR((*a)["interval"]["low"].get<double>(), (1 - half) / 5, 1e-12);
    EXPECT_NEAR((*a)["interval"]["high"].get<double>(), (1 + half) / 5, 1e-12);
    EXPECT_EQ((*a)["within_noise"], n < 1000);
  }
}

// Items that share a window are one observation. Outcomes o and p (points, 0 -> 100):
//   o: 01-01 20, 03-01 36: gap 80, closed 16, window 0.2; x (0.2, 01-10) and y (0.2, 02-10)
//      share it: x 0.1, y 0.1; window ratio 0.2 / (0.2 + 0.2) = 0.5
//   p: 01-01 0, 03-01 30: gap 100, window 0.3; z (0.3, 01-20) alone: ratio 1
// n = 2 windows (of 3 items, 3 lifts); ratio = Σ realized / Σ predicted = 0.5 / 0.7 = 5/7;
// spread of {0.5, 1}: q1 = 0.625, median 0.75, q3 = 0.875;
// suggested = (2 × 5/7 + 2 × 0.5) / (2 + 2) = (17/7) / 4 = 17/28
// (counting items, n = 3, it would have been (3 × 5/7 + 1) / 5 = 22/35).
TEST(EvidenceCounting, ASharedWindowIsOneObservation) {
  const Json doc = Json::parse(R"({
    "format": "gapscore/1",
    "segments": [{"id": "s", "size": 1000}],
    "outcomes": [
      {"id": "o", "segment": "s", "importance": 8, "satisfaction": 3, "current": 20, "desired": 100, "unit": "points"},
      {"id": "p", "segment": "s", "importance": 8, "satisfaction": 3, "current": 0, "desired": 100, "unit": "points"}],
    "measurements": [
      {"outcome": "o", "date": "2025-01-01", "current": 20}, {"outcome": "o", "date": "2025-03-01", "current": 36},
      {"outcome": "p", "date": "2025-01-01", "current": 0}, {"outcome": "p", "date": "2025-03-01", "current": 30}],
    "items": [
      {"id": "x", "released": "2025-01-10", "effort": 1, "outcomes": [{"outcome": "o", "lift": 0.2}]},
      {"id": "y", "released": "2025-02-10", "effort": 1, "outcomes": [{"outcome": "o", "lift": 0.2}]},
      {"id": "z", "released": "2025-01-20", "effort": 1, "outcomes": [{"outcome": "p", "lift": 0.3}]}]
  })");
  const Json out = evidence(doc);
  EXPECT_NEAR((*row_of(out["items"], "x"))["realized_lift"].get<double>(), 0.1, 1e-15);
  EXPECT_NEAR((*row_of(out["items"], "y"))["realized_lift"].get<double>(), 0.1, 1e-15);
  ASSERT_EQ(out["windows"].size(), 2u);
  const Json& w = out["windows"][0];
  EXPECT_EQ(w["outcome"], "o");
  EXPECT_EQ(w["before"], "2025-01-01");
  EXPECT_EQ(w["after"], "2025-03-01");
  EXPECT_EQ(w["items"], Json::array({"x", "y"}));
  EXPECT_NEAR(w["predicted_lift_total"].get<double>(), 0.4, 1e-15);
  EXPECT_NEAR(w["realized_lift"].get<double>(), 0.2, 1e-15);
  EXPECT_NEAR(w["ratio"].get<double>(), 0.5, 1e-15);
  EXPECT_EQ(out["windows"][1]["items"], Json::array({"z"}));

  const Json& c = out["calibration"];
  EXPECT_EQ(c["windows"], 2);
  EXPECT_EQ(c["items"], 3);
  EXPECT_EQ(c["lifts"], 3);
  EXPECT_NEAR(c["ratio"].get<double>(), 5.0 / 7, 1e-15);
  EXPECT_NEAR(c["spread"]["min"].get<double>(), 0.5, 1e-15);
  EXPECT_NEAR(c["spread"]["q1"].get<double>(), 0.625, 1e-15);
  EXPECT_NEAR(c["spread"]["median"].get<double>(), 0.75, 1e-15);
  EXPECT_NEAR(c["spread"]["q3"].get<double>(), 0.875, 1e-15);
  EXPECT_NEAR(c["spread"]["max"].get<double>(), 1, 1e-15);
  EXPECT_NEAR(c["suggested_confidence"].get<double>(), 17.0 / 28, 1e-15);
}

// One unit in the headline. A: 1000 customers, % of users, 40 -> 80; B: 3000 customers,
// minutes, 100 -> 20. Measured 01-01 and 06-01:
//   A 40 -> 60: gap 40 -> 20, share of its own gap left 0.5;  unrealized 40000 -> 20000
//   B 100 -> 80: gap 80 -> 60, share 0.75;                    unrealized 240000 -> 180000
// closed share = (1000 × (1 − 0.5) + 3000 × (1 − 0.75)) / 4000 = 1250 / 4000 = 0.3125
// (the old sum, (280000 − 200000) / 280000 = 2/7, added % × customers to minutes × customers).
TEST(EvidenceUnits, MixedUnitsAreNotSummed) {
  Json doc = Json::parse(R"({
    "format": "gapscore/1",
    "segments": [{"id": "a", "size": 1000}, {"id": "b", "size": 3000}],
    "outcomes": [
      {"id": "A", "segment": "a", "importance": 8, "satisfaction": 3, "current": 40, "desired": 80, "unit": "% of users"},
      {"id": "B", "segment": "b", "importance": 8, "satisfaction": 3, "current": 100, "desired": 20, "unit": "minutes"}],
    "measurements": [
      {"outcome": "A", "date": "2025-01-01", "current": 40}, {"outcome": "A", "date": "2025-06-01", "current": 60},
      {"outcome": "B", "date": "2025-01-01", "current": 100}, {"outcome": "B", "date": "2025-06-01", "current": 80}],
    "items": [{"id": "i", "effort": 1}]
  })");
  Json out = evidence(doc);
  const Json& t = out["total"];
  EXPECT_NEAR(t["closed_share"].get<double>(), 0.3125, 1e-15);
  EXPECT_NEAR(t["trend"][1]["gap_share"].get<double>(), 0.6875, 1e-15);
  EXPECT_TRUE(t["unit"].is_null());
  EXPECT_TRUE(t["unrealized_value_start"].is_null());
  EXPECT_TRUE(t["unrealized_value_end"].is_null());
  EXPECT_TRUE(t["closed"].is_null());
  EXPECT_TRUE(t["trend"][1]["unrealized_value"].is_null());
  EXPECT_EQ(t["unrealized_value_reason"], "the outcomes' gaps are in different units (% of users, minutes): their sum has no unit");
  EXPECT_TRUE(out["unrealized_value_unit"].is_null());
  EXPECT_EQ(warnings_at(out, "/outcomes", "mixed_units"), 1) << problems_text(out);
  // Each outcome still has its own values, in its own unit, and its share of its own gap.
  EXPECT_EQ(out["outcomes"][1]["unit"], "minutes");
  EXPECT_DOUBLE_EQ(out["outcomes"][1]["trend"][1]["unrealized_value"].get<double>(), 180000);
  EXPECT_DOUBLE_EQ(out["outcomes"][1]["trend"][1]["gap_share"].get<double>(), 0.75);

  // One unit: the sum is given beside the same unitless headline, and nothing is warned.
  doc["outcomes"][0]["unit"] = "points";
  doc["outcomes"][1]["unit"] = "points";
  out = evidence(doc);
  EXPECT_NEAR(out["total"]["closed_share"].get<double>(), 0.3125, 1e-15);
  EXPECT_EQ(out["total"]["unit"], "points");
  EXPECT_DOUBLE_EQ(out["total"]["unrealized_value_start"].get<double>(), 280000);
  EXPECT_DOUBLE_EQ(out["total"]["unrealized_value_end"].get<double>(), 200000);
  EXPECT_DOUBLE_EQ(out["total"]["closed"].get<double>(), 80000);
  EXPECT_EQ(out["unrealized_value_unit"], "points × customers");
  EXPECT_EQ(warnings_at(out, "/outcomes", "mixed_units"), 0) << problems_text(out);

  // An outcome without levels counts satisfaction points: mixed with levels again.
  doc["outcomes"].push_back({{"id", "C"}, {"segment", "a"}, {"importance", 8}, {"satisfaction", 3}});
  out = evidence(doc);
  EXPECT_TRUE(out["total"]["closed"].is_null());
  EXPECT_EQ(out["total"]["unrealized_value_reason"],
            "the outcomes' gaps are in different units (points, satisfaction points): their sum has no unit");
  // C is unmeasured and keeps its whole gap: (1000 × 0.5 + 3000 × 0.75 + 1000 × 1) / 5000 = 0.75 left.
  EXPECT_NEAR(out["total"]["closed_share"].get<double>(), 0.25, 1e-15);
  EXPECT_NEAR(out["total"]["closed_share_of_measured"].get<double>(), 0.3125, 1e-15);
}

// What to measure next. Points 0 -> 100 everywhere; as_of defaults to the latest date in the
// document, 2025-06-01 (measurements on 01-01 and 06-01, a release on 03-01).
//   A: measured 01-01 and 06-01 (0 days old), pA planned on it: fresh, not listed
//   B: measured 01-01 only: 151 days old (31 + 28 + 31 + 30 + 31) > 90, pB planned: stale;
//      iB is only an idea: not waiting
//   C: never measured, pC in progress: listed; rC was released on 03-01 with no measurement
//      before it (no_baseline): named there and in the no_baseline list
//   D: measured, nothing planned: not listed
TEST(EvidenceNext, AStaleOutcomeWithAWaitingItem) {
  const Json doc = Json::parse(R"({
    "format": "gapscore/1",
    "segments": [{"id": "s", "size": 100}],
    "outcomes": [
      {"id": "A", "segment": "s", "importance": 8, "satisfaction": 3, "current": 0, "desired": 100},
      {"id": "B", "segment": "s", "importance": 8, "satisfaction": 3, "current": 0, "desired": 100},
      {"id": "C", "segment": "s", "importance": 8, "satisfaction": 3, "current": 0, "desired": 100},
      {"id": "D", "segment": "s", "importance": 8, "satisfaction": 3, "current": 0, "desired": 100}],
    "measurements": [
      {"outcome": "A", "date": "2025-01-01", "current": 10}, {"outcome": "A", "date": "2025-06-01", "current": 20},
      {"outcome": "B", "date": "2025-01-01", "current": 10}, {"outcome": "D", "date": "2025-06-01", "current": 5}],
    "items": [
      {"id": "pA", "status": "planned", "effort": 1, "outcomes": [{"outcome": "A", "lift": 0.2}]},
      {"id": "pB", "status": "planned", "effort": 1, "outcomes": [{"outcome": "B", "lift": 0.2}]},
      {"id": "iB", "status": "idea", "effort": 1, "outcomes": [{"outcome": "B", "lift": 0.2}]},
      {"id": "pC", "status": "in_progress", "effort": 1, "outcomes": [{"outcome": "C", "lift": 0.2}]},
      {"id": "rC", "status": "done", "released": "2025-03-01", "effort": 1, "outcomes": [{"outcome": "C", "lift": 0.2}]},
      {"id": "pD", "effort": 1, "outcomes": [{"outcome": "D", "lift": 0.2}]}]
  })");
  Json out = evidence(doc);
  const Json& next = out["measure_next"];
  EXPECT_EQ(next["as_of"], "2025-06-01");
  EXPECT_EQ(next["stale_days"], 90);
  ASSERT_EQ(next["outcomes"].size(), 2u) << next.dump(2);
  const Json& b = next["outcomes"][0];
  EXPECT_EQ(b["id"], "B");
  EXPECT_EQ(b["reason_code"], "stale");
  EXPECT_EQ(b["last_measured"], "2025-01-01");
  EXPECT_EQ(b["days_since_last"], 151);
  EXPECT_EQ(b["waiting"], Json::array({"pB"}));
  EXPECT_EQ(b["no_baseline"], Json::array());
  const Json& c = next["outcomes"][1];
  EXPECT_EQ(c["id"], "C");
  EXPECT_EQ(c["reason_code"], "no_measurement");
  EXPECT_TRUE(c["last_measured"].is_null());
  EXPECT_TRUE(c["days_since_last"].is_null());
  EXPECT_EQ(c["waiting"], Json::array({"pC"}));
  EXPECT_EQ(c["no_baseline"], Json::array({"rC"}));
  ASSERT_EQ(next["no_baseline"].size(), 1u);
  EXPECT_EQ(next["no_baseline"][0], Json({{"item", "rC"}, {"outcome", "C"}, {"released", "2025-03-01"}}));
  EXPECT_EQ((*row_of(out["items"], "rC"))["reason_code"], "no_baseline");

  // Stale means more than stale_days: 151 days is not stale at 151, is at 150.
  EXPECT_EQ(evidence(doc, {{"stale_days", 151}})["measure_next"]["outcomes"].size(), 1u); // C only
  EXPECT_EQ(evidence(doc, {{"stale_days", 150}})["measure_next"]["outcomes"].size(), 2u);
  // as_of at the end of the year: A's 06-01 is 213 days old (30 + 31 + 31 + 30 + 31 + 30 + 30),
  // B's 01-01 364 days.
  out = evidence(doc, {{"as_of", "2025-12-31"}});
  ASSERT_EQ(out["measure_next"]["outcomes"].size(), 3u);
  EXPECT_EQ(out["measure_next"]["outcomes"][0]["id"], "A");
  EXPECT_EQ(out["measure_next"]["outcomes"][0]["days_since_last"], 213);
  EXPECT_EQ(out["measure_next"]["outcomes"][0]["waiting"], Json::array({"pA"}));
  EXPECT_EQ(out["measure_next"]["outcomes"][1]["days_since_last"], 364);
  // as_of 02-01: only what was measured by then counts; A and B are 31 days old: fresh.
  out = evidence(doc, {{"as_of", "2025-02-01"}});
  ASSERT_EQ(out["measure_next"]["outcomes"].size(), 1u);
  EXPECT_EQ(out["measure_next"]["outcomes"][0]["id"], "C");
  // The options are checked.
  EXPECT_NE(problems_text(evidence(doc, {{"stale_days", -1}}, 1)).find("options/stale_days"), std::string::npos);
  EXPECT_NE(problems_text(evidence(doc, {{"as_of", "soon"}}, 1)).find("options/as_of"), std::string::npos);
}

// The suggestion's prior is visible and settable, a ratio above 1 is kept, and a suggestion
// over 1 is cut to 1 and says capped. One window: o (points 0 -> 100) 0 on 01-01, 50 on 03-01:
// a (predicted 0.2, released 02-01) realized 0.5, ratio 2.5.
//   default prior (2 at 0.5):  (1 × 2.5 + 2 × 0.5) / 3 = 3.5 / 3 = 1.1667 -> 1, capped
//   prior 4 at 0.1:            (2.5 + 0.4) / 5 = 0.58, not capped
//   no prior (0 items):        2.5 -> 1, capped
TEST(EvidenceConfidence, ACappedSuggestionSaysSo) {
  const Json doc = Json::parse(R"({
    "format": "gapscore/1", "model": "rice",
    "segments": [{"id": "s", "size": 100}],
    "outcomes": [{"id": "o", "segment": "s", "importance": 8, "satisfaction": 3, "current": 0, "desired": 100}],
    "measurements": [{"outcome": "o", "date": "2025-01-01", "current": 0}, {"outcome": "o", "date": "2025-03-01", "current": 50}],
    "items": [
      {"id": "a", "status": "done", "released": "2025-02-01", "reach": 100, "impact": 1, "confidence": 0.8, "effort": 1,
       "outcomes": [{"outcome": "o", "lift": 0.2}]},
      {"id": "k", "status": "planned", "reach": 100, "impact": 1, "confidence": 0.5, "effort": 1,
       "outcomes": [{"outcome": "o", "lift": 0.2}]}]
  })");
  Json c = evidence(doc)["calibration"];
  EXPECT_NEAR(c["ratio"].get<double>(), 2.5, 1e-15);
  EXPECT_EQ(c["suggested_confidence"], 1);
  EXPECT_EQ(c["capped"], true);
  EXPECT_EQ(c["prior"], Json({{"items", 2}, {"ratio", 0.5}}));
  c = evidence(doc, {{"prior_items", 4}, {"prior_ratio", 0.1}})["calibration"];
  EXPECT_NEAR(c["suggested_confidence"].get<double>(), 0.58, 1e-15);
  EXPECT_EQ(c["capped"], false);
  EXPECT_EQ(c["prior"], Json({{"items", 4}, {"ratio", 0.1}}));
  c = evidence(doc, {{"prior_items", 0}})["calibration"];
  EXPECT_EQ(c["suggested_confidence"], 1);
  EXPECT_EQ(c["capped"], true);

  // rank applies it to the planned item k: RICE 100 × 1 × confidence / 1, and reports it.
  int code = -1;
  Json ranked = run_json("rank", doc.dump(), {{"confidence_from", "evidence"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_EQ(ranked["confidence_from"]["capped"], true);
  EXPECT_EQ(ranked["confidence_from"]["prior"], Json({{"items", 2}, {"ratio", 0.5}}));
  const auto score = [](const Json& out, const std::string& id) {
    for (const auto& r : out["ranking"])
      if (r["id"] == id) return r["score"].get<double>();
    return -1.0;
  };
  EXPECT_NEAR(score(ranked, "k"), 100, 1e-12);
  ranked = run_json("rank", doc.dump(), {{"confidence_from", "evidence"}, {"prior_items", 4}, {"prior_ratio", 0.1}}, &code);
  ASSERT_EQ(code, 0);
  EXPECT_NEAR(score(ranked, "k"), 58, 1e-12);
  EXPECT_EQ(ranked["confidence_from"]["capped"], false);

  // Bad priors are usage errors; a prior without confidence_from would be ignored: refused.
  for (const auto& [name, bad] : {std::pair{"prior_ratio", Json(1.5)}, std::pair{"prior_ratio", Json(-0.1)},
                                  std::pair{"prior_items", Json(-1)}, std::pair{"prior_items", Json("2")}}) {
    const Json out = evidence(doc, {{name, bad}}, 1);
    EXPECT_NE(problems_text(out).find(std::string("options/") + name), std::string::npos) << problems_text(out);
  }
  ranked = run_json("rank", doc.dump(), {{"prior_items", 4}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(problems_text(ranked).find("options/prior_items [invalid_option]: applies only with confidence_from"), std::string::npos);
}

// A history that delivered less than nothing gives a suggestion of 0, which the evidence
// command reports as it is, but rank refuses to apply: confidence 0 would score every new
// item 0. One window: o (points 40 -> 80) 40 on 01-01, 20 on 03-01 (the gap widened): a
// (predicted 0.5) realized -0.5, ratio -1; default prior: (1 × -1 + 2 × 0.5) / 3 = 0.
TEST(EvidenceConfidence, AZeroSuggestionIsNotApplied) {
  const Json doc = Json::parse(R"({
    "format": "gapscore/1", "model": "rice",
    "segments": [{"id": "s", "size": 100}],
    "outcomes": [{"id": "o", "segment": "s", "importance": 8, "satisfaction": 3, "current": 40, "desired": 80}],
    "measurements": [{"outcome": "o", "date": "2025-01-01", "current": 40}, {"outcome": "o", "date": "2025-03-01", "current": 20}],
    "items": [
      {"id": "a", "status": "done", "released": "2025-02-01", "reach": 10, "impact": 1, "confidence": 1, "effort": 1,
       "outcomes": [{"outcome": "o", "lift": 0.5}]},
      {"id": "b", "status": "planned", "reach": 10, "impact": 1, "confidence": 0.8, "effort": 1,
       "outcomes": [{"outcome": "o", "lift": 0.5}]},
      {"id": "c", "status": "planned", "reach": 100, "impact": 3, "confidence": 1, "effort": 1,
       "outcomes": [{"outcome": "o", "lift": 0.5}]}]
  })");
  const Json c = evidence(doc)["calibration"];
  EXPECT_NEAR(c["ratio"].get<double>(), -1, 1e-15);
  EXPECT_EQ(c["suggested_confidence"], 0);
  int code = -1;
  const Json ranked = run_json("rank", doc.dump(), {{"confidence_from", "evidence"}}, &code);
  EXPECT_EQ(code, 2) << ranked.dump(2);
  EXPECT_NE(problems_text(ranked).find("/measurements [out_of_range]: the evidence suggests a confidence of 0"),
            std::string::npos)
      << problems_text(ranked);
  // A prior that trusts history less gives a positive confidence, which is applied.
  const Json trusted = run_json("rank", doc.dump(), {{"confidence_from", "evidence"}, {"prior_items", 4}}, &code);
  ASSERT_EQ(code, 0) << trusted.dump(2);
  EXPECT_NEAR(trusted["confidence_from"]["confidence"].get<double>(), (-1 + 4 * 0.5) / 5, 1e-15);
}

// The command line only maps its flags to these options: the same bytes as run_command.
TEST(EvidenceCli, FlagsMapToTheOptions) {
  if (!gapscore::test::cli_built()) GTEST_SKIP() << "the CLI is not built (GAPSCORE_BUILD_CLI=OFF)";
  const auto cli = [](const std::string& args) {
    const std::string command = "cd '" + std::string(GAPSCORE_SOURCE_DIR) + "' && '" + GAPSCORE_CLI + "' " + args + " 2>/dev/null";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
      char buf[4096];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
      ::pclose(pipe);
    }
    return out;
  };
  const std::string doc = gapscore::test::read_file("tests/fixtures/documents/evidence_small.json");
  const auto core = [&](const char* command, const Json& options) {
    return gapscore::run_command(command, doc, options.dump()).output;
  };
  const std::string file = "tests/fixtures/documents/evidence_small.json";
  EXPECT_EQ(cli("evidence " + file + " --format json --lag-days 14 --stale-days 30 --as-of 2024-12-01 --prior-items 3 "
                "--prior-ratio 0.8"),
            core("evidence", {{"format", "json"}, {"lag_days", 14}, {"stale_days", 30}, {"as_of", "2024-12-01"},
                              {"prior_items", 3.0}, {"prior_ratio", 0.8}}));
  EXPECT_EQ(cli("rank " + file + " --format json --confidence-from evidence --lag-days 7 --prior-items 1 --prior-ratio 0.6"),
            core("rank", {{"format", "json"}, {"confidence_from", "evidence"}, {"lag_days", 7}, {"prior_items", 1.0},
                          {"prior_ratio", 0.6}}));
  // Without the flags, the core's defaults (nothing is sent).
  EXPECT_EQ(cli("evidence " + file + " --format json"), core("evidence", {{"format", "json"}}));
}
