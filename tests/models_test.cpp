// Every model against a worked example whose numbers come from its published source or are
// worked out by hand in the comment next to the test. Expected values are never our output.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_json;
using gapscore::test::ranking_ids;
using gapscore::test::run_json;

namespace {

/// Ranks a document and returns {id: score}, failing the test on a non-zero exit.
std::map<std::string, double> scores_of(const Json& document, Json options = Json::object()) {
  int code = -1;
  const Json out = run_json("rank", document.dump(), std::move(options), &code);
  EXPECT_EQ(code, 0) << out.dump(2);
  std::map<std::string, double> scores;
  if (!out.contains("ranking")) return scores;
  for (const auto& row : out["ranking"]) scores[row["id"].get<std::string>()] = row["score"].get<double>();
  return scores;
}

std::vector<std::string> order_of(const Json& document, Json options = Json::object()) {
  return ranking_ids(run_json("rank", document.dump(), std::move(options)));
}

/// The hand-worked weighted scorecard used below: three criteria, three items.
///   reach  benefit, weight 2   a=100  b=300  c=200
///   risk   cost,    weight 1   a=2    b=8    c=5
///   fit    benefit, weight 1   a=5    b=5    c=5   (every item equal: max == min)
/// Weight shares: 2/4 = 0.5, 1/4 = 0.25, 1/4 = 0.25.
Json scorecard(const std::string& normalization) {
  Json doc = {{"format", "gapscore/1"}, {"model", "weighted"}, {"normalization", normalization}};
  doc["criteria"] = Json::array({
      {{"id", "reach"}, {"weight", 2}, {"direction", "benefit"}},
      {{"id", "risk"}, {"weight", 1}, {"direction", "cost"}},
      {{"id", "fit"}, {"weight", 1}},
  });
  doc["items"] = Json::array({
      {{"id", "a"}, {"scores", {{"reach", 100}, {"risk", 2}, {"fit", 5}}}},
      {{"id", "b"}, {"scores", {{"reach", 300}, {"risk", 8}, {"fit", 5}}}},
      {{"id", "c"}, {"scores", {{"reach", 200}, {"risk", 5}, {"fit", 5}}}},
  });
  return doc;
}

} // namespace

// ---------------------------------------------------------------- ICE

// "ICE Scoring Model", mymarketingdeal.com: "an idea with an impact score of 8, a confidence
// score of 7, and an ease score of 5 would have an ICE score of 280 (8 x 7 x 5 = 280)".
// idaete.com, "ICE Scoring Model", Option A (Complex Mortgage Predictor): impact 8,
// confidence 6, ease 3 -> score 144.
TEST(Ice, ReproducesPublishedExamples) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "ice"},
                    {"items",
                     {{{"id", "idea"}, {"ice_impact", 8}, {"ice_confidence", 7}, {"ease", 5}},
                      {{"id", "mortgage-predictor"}, {"ice_impact", 8}, {"ice_confidence", 6}, {"ease", 3}}}}};
  const auto s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("idea"), 280);
  EXPECT_DOUBLE_EQ(s.at("mortgage-predictor"), 144);
  EXPECT_EQ(order_of(doc), (std::vector<std::string>{"idea", "mortgage-predictor"}));
}

TEST(Ice, ExplanationShowsTheProduct) {
  const Json doc = {{"format", "gapscore/1"},
                    {"items", {{{"id", "idea"}, {"ice_impact", 8}, {"ice_confidence", 7}, {"ease", 5}}}}};
  const Json out = run_json("explain", doc.dump(), {{"item", "idea"}, {"model", "ice"}});
  EXPECT_EQ(out["computation"], "8 × 7 × 5 = 280");
  EXPECT_EQ(out["variant"], "ICE (Sean Ellis)");
}

// ---------------------------------------------------------------- WSJF

// SAFe defines WSJF = Cost of Delay / Job Size with Cost of Delay = User-Business Value +
// Time Criticality + Risk Reduction and/or Opportunity Enablement (Scaled Agile Framework,
// "Weighted Shortest Job First", scaledagileframework.com/wsjf).
// Worked example from "WSJF", extrapinchofsalt.com/pm/frameworks/wsjf.html (Spotify):
//   ad-load bug fix:         BV 7, TC 9, RR 5 -> CoD 21, size 2 -> WSJF 10.5
//   podcast discovery feed:  BV 8, TC 3, RR 4 -> CoD 15, size 8 -> WSJF 1.9 (15/8 = 1.875)
// and beginpm.com, "What is WSJF in Agile":
//   Task A: 100 + 50 + 20 = 170, duration 10 -> 17;  Task B: 80 + 30 + 10 = 120, 5 -> 24
TEST(Wsjf, ReproducesPublishedExamples) {
  const Json doc = {
      {"format", "gapscore/1"},
      {"model", "wsjf"},
      {"items",
       {{{"id", "ad-bug"}, {"business_value", 7}, {"time_criticality", 9}, {"risk_reduction", 5}, {"job_size", 2}},
        {{"id", "podcast-feed"}, {"business_value", 8}, {"time_criticality", 3}, {"risk_reduction", 4}, {"job_size", 8}},
        {{"id", "task-a"}, {"business_value", 100}, {"time_criticality", 50}, {"risk_reduction", 20}, {"job_size", 10}},
        {{"id", "task-b"}, {"business_value", 80}, {"time_criticality", 30}, {"risk_reduction", 10}, {"job_size", 5}}}}};
  const auto s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("ad-bug"), 10.5);
  EXPECT_NEAR(s.at("podcast-feed"), 1.9, 0.05);
  EXPECT_DOUBLE_EQ(s.at("podcast-feed"), 1.875);
  EXPECT_DOUBLE_EQ(s.at("task-a"), 17);
  EXPECT_DOUBLE_EQ(s.at("task-b"), 24);
  // Task B goes first although task A has the larger cost of delay: the job-size divisor.
  EXPECT_EQ(order_of(doc), (std::vector<std::string>{"task-b", "task-a", "ad-bug", "podcast-feed"}));
}

// Jason Yip, "Problems I have with SAFe-style WSJF" (2024): "if User-Business Value was 1, Time
// Criticality was 3, and Risk Reduction and/or Opportunity Enablement was 5, the SAFe 'cost of
// delay' is 9". The explanation reports that cost of delay and each component's share.
TEST(Wsjf, ExplanationReportsCostOfDelayAndParts) {
  const Json doc = {{"format", "gapscore/1"},
                    {"items",
                     {{{"id", "f"}, {"business_value", 1}, {"time_criticality", 3}, {"risk_reduction", 5},
                       {"job_size", 3}}}}};
  const Json out = run_json("explain", doc.dump(), {{"item", "f"}, {"model", "wsjf"}});
  EXPECT_DOUBLE_EQ(out["cost_of_delay"].get<double>(), 9);
  EXPECT_DOUBLE_EQ(out["score"].get<double>(), 3); // 9 / 3
  EXPECT_EQ(out["computation"], "(1 + 3 + 5) / 3 = 3");
  ASSERT_EQ(out["terms"].size(), 4u);
  // Each cost-of-delay component divided by job size: 1/3, 3/3, 5/3 — together the score.
  double sum = 0;
  for (int k = 0; k < 3; ++k) sum += out["terms"][k]["contribution"].get<double>();
  EXPECT_DOUBLE_EQ(sum, 3);
  EXPECT_DOUBLE_EQ(out["terms"][2]["contribution"].get<double>(), 5.0 / 3.0);
  EXPECT_EQ(out["terms"][3]["role"], "divisor");
}

// ---------------------------------------------------------------- value / effort

// Quadrants of the value-vs-effort 2x2 with thresholds value 5 and effort 5:
//   quick win  = high value, low effort;  big bet   = high value, high effort;
//   fill-in    = low value,  low effort;  money pit = low value,  high effort.
// Scores are value / effort: 8/2 = 4, 8/8 = 1, 2/2 = 1, 2/8 = 0.25.
TEST(ValueEffort, RatioAndQuadrantsWithStatedThresholds) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "value_effort"},
                    {"matrix", {{"value_threshold", 5}, {"effort_threshold", 5}}},
                    {"items",
                     {{{"id", "quick"}, {"value", 8}, {"effort", 2}},
                      {{"id", "bet"}, {"value", 8}, {"effort", 8}},
                      {{"id", "fill"}, {"value", 2}, {"effort", 2}},
                      {{"id", "pit"}, {"value", 2}, {"effort", 8}}}}};
  int code = -1;
  const Json out = run_json("rank", doc.dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  std::map<std::string, Json> rows;
  for (const auto& row : out["ranking"]) rows[row["id"].get<std::string>()] = row;
  EXPECT_DOUBLE_EQ(rows["quick"]["score"].get<double>(), 4);
  EXPECT_DOUBLE_EQ(rows["bet"]["score"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(rows["fill"]["score"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(rows["pit"]["score"].get<double>(), 0.25);
  EXPECT_EQ(rows["quick"]["quadrant"], "quick_win");
  EXPECT_EQ(rows["bet"]["quadrant"], "big_bet");
  EXPECT_EQ(rows["fill"]["quadrant"], "fill_in");
  EXPECT_EQ(rows["pit"]["quadrant"], "money_pit");
  EXPECT_DOUBLE_EQ(out["matrix"]["value_threshold"].get<double>(), 5);
  EXPECT_DOUBLE_EQ(out["matrix"]["effort_threshold"].get<double>(), 5);
}

// Without stated thresholds the medians split the matrix: values 1, 3, 9 -> median 3;
// efforts 1, 2, 6 -> median 2. "hi" (9, 1): value >= 3, effort <= 2 -> quick win;
// "mid" (3, 6): value >= 3, effort > 2 -> big bet; "lo" (1, 2) -> fill-in.
TEST(ValueEffort, MediansAreTheDefaultThresholds) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "value_effort"},
                    {"items",
                     {{{"id", "hi"}, {"value", 9}, {"effort", 1}},
                      {{"id", "mid"}, {"value", 3}, {"effort", 6}},
                      {{"id", "lo"}, {"value", 1}, {"effort", 2}}}}};
  const Json out = run_json("rank", doc.dump());
  EXPECT_DOUBLE_EQ(out["matrix"]["value_threshold"].get<double>(), 3);
  EXPECT_DOUBLE_EQ(out["matrix"]["effort_threshold"].get<double>(), 2);
  std::map<std::string, std::string> quadrant;
  for (const auto& row : out["ranking"]) quadrant[row["id"]] = row["quadrant"];
  EXPECT_EQ(quadrant["hi"], "quick_win");
  EXPECT_EQ(quadrant["mid"], "big_bet");
  EXPECT_EQ(quadrant["lo"], "fill_in");
}

// Two values near the double's limit: their sum overflows, their midpoint does not. The
// median is 1.55e308 (halved first), and the run ranks instead of failing an internal check.
TEST(ValueEffort, MedianOfValuesNearTheLimitIsFinite) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "value_effort"},
                    {"items",
                     {{{"id", "a"}, {"value", 1.5e308}, {"effort", 1}},
                      {{"id", "b"}, {"value", 1.6e308}, {"effort", 1}}}}};
  int code = -1;
  const Json out = run_json("rank", doc.dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_DOUBLE_EQ(out["matrix"]["value_threshold"].get<double>(), 1.55e308);
  EXPECT_EQ(out["ranking"][0]["id"], "b");
  EXPECT_EQ(out["ranking"][0]["quadrant"], "quick_win");
  EXPECT_EQ(out["ranking"][1]["quadrant"], "fill_in");
}

// ---------------------------------------------------------------- weighted scorecard

// minmax, worked by hand:
//   reach (benefit): min 100, max 300 -> a (100-100)/200 = 0, b 1, c (200-100)/200 = 0.5
//   risk  (cost):    min 2,   max 8   -> a (8-2)/6 = 1,     b 0, c (8-5)/6 = 0.5
//   fit: max == min  -> full weight: 1 for every item
//   a = 0.5×0 + 0.25×1   + 0.25×1 = 0.5
//   b = 0.5×1 + 0.25×0   + 0.25×1 = 0.75
//   c = 0.5×0.5 + 0.25×0.5 + 0.25×1 = 0.625
TEST(Weighted, MinMaxWorkedByHand) {
  const auto s = scores_of(scorecard("minmax"));
  EXPECT_DOUBLE_EQ(s.at("a"), 0.5);
  EXPECT_DOUBLE_EQ(s.at("b"), 0.75);
  EXPECT_DOUBLE_EQ(s.at("c"), 0.625);
  EXPECT_EQ(order_of(scorecard("minmax")), (std::vector<std::string>{"b", "c", "a"}));
}

TEST(Weighted, ExplanationListsEveryCriterionWithItsWeight) {
  const Json out = run_json("explain", scorecard("minmax").dump(), {{"item", "c"}});
  EXPECT_EQ(out["normalization"], "minmax");
  ASSERT_EQ(out["terms"].size(), 3u);
  const Json& risk = out["terms"][1];
  EXPECT_EQ(risk["term"], "risk");
  EXPECT_EQ(risk["direction"], "cost");
  EXPECT_DOUBLE_EQ(risk["raw"].get<double>(), 5);
  EXPECT_DOUBLE_EQ(risk["normalized"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(risk["weight"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(risk["weight_share"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(risk["contribution"].get<double>(), 0.125);
  EXPECT_EQ(out["computation"], "0.5 × 0.5 + 0.25 × 0.5 + 0.25 × 1 = 0.625");
}

// The brief's rule: a criterion whose items all score the same contributes its full weight to
// every item — also when it is a cost criterion, and when there is a single item.
TEST(Weighted, EqualValuesContributeTheFullWeight) {
  Json doc = {{"format", "gapscore/1"},
              {"model", "weighted"},
              {"criteria", {{{"id", "pain"}, {"weight", 3}, {"direction", "cost"}}, {{"id", "gain"}, {"weight", 1}}}},
              {"items",
               {{{"id", "x"}, {"scores", {{"pain", 4}, {"gain", 0}}}},
                {{"id", "y"}, {"scores", {{"pain", 4}, {"gain", 10}}}}}}};
  // pain equal -> 1 each (share 0.75); gain minmax: x 0, y 1 (share 0.25).
  auto s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("x"), 0.75);
  EXPECT_DOUBLE_EQ(s.at("y"), 1.0);

  doc["items"] = Json::array({{{"id", "only"}, {"scores", {{"pain", 4}, {"gain", 7}}}}});
  s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("only"), 1.0);
}

// max: x / max|x|; a cost criterion scores 1 − x / max.
//   reach: a 100/300 = 1/3, b 1, c 2/3;  risk: a 1 − 2/8 = 0.75, b 0, c 1 − 5/8 = 0.375
//   fit: 5/5 = 1 for every item
//   a = 0.5/3 + 0.25×0.75 + 0.25 = 0.6041666…;  b = 0.5 + 0 + 0.25 = 0.75
//   c = 0.5×2/3 + 0.25×0.375 + 0.25 = 0.6770833…
TEST(Weighted, MaxNormalizationWorkedByHand) {
  const auto s = scores_of(scorecard("max"));
  EXPECT_NEAR(s.at("a"), 0.5 / 3 + 0.1875 + 0.25, 1e-12);
  EXPECT_NEAR(s.at("b"), 0.75, 1e-12);
  EXPECT_NEAR(s.at("c"), 1.0 / 3 + 0.09375 + 0.25, 1e-12);
}

// vector: x / sqrt(Σx²); a cost criterion scores 1 − x / sqrt(Σx²).
//   reach norm = sqrt(100² + 300² + 200²) = sqrt(140000); risk norm = sqrt(4 + 64 + 25) = sqrt(93);
//   fit norm = sqrt(3 × 25) = sqrt(75).
TEST(Weighted, VectorNormalizationWorkedByHand) {
  const double rn = std::sqrt(140000.0), kn = std::sqrt(93.0), fn = std::sqrt(75.0);
  const auto s = scores_of(scorecard("vector"));
  EXPECT_NEAR(s.at("a"), 0.5 * 100 / rn + 0.25 * (1 - 2 / kn) + 0.25 * 5 / fn, 1e-12);
  EXPECT_NEAR(s.at("b"), 0.5 * 300 / rn + 0.25 * (1 - 8 / kn) + 0.25 * 5 / fn, 1e-12);
  EXPECT_NEAR(s.at("c"), 0.5 * 200 / rn + 0.25 * (1 - 5 / kn) + 0.25 * 5 / fn, 1e-12);
}

// Scores whose squares overflow (1e155) or vanish (1e-170) normalize like 1 and 3:
// 1/sqrt(10) = 0.316 and 3/sqrt(10) = 0.949, not zeros and a false tie (QA finding).
TEST(Weighted, VectorNormalizationOfHugeAndTinyScores) {
  for (const double unit : {1e155, 1e-170, 1.0}) {
    Json doc = {{"format", "gapscore/1"},
                {"model", "weighted"},
                {"normalization", "vector"},
                {"criteria", Json::array({{{"id", "fit"}, {"weight", 1}}})},
                {"items", Json::array({{{"id", "a"}, {"scores", {{"fit", 1 * unit}}}},
                                       {{"id", "b"}, {"scores", {{"fit", 3 * unit}}}}})}};
    const auto s = scores_of(doc);
    EXPECT_NEAR(s.at("a"), 1 / std::sqrt(10.0), 1e-15) << unit;
    EXPECT_NEAR(s.at("b"), 3 / std::sqrt(10.0), 1e-15) << unit;
  }
}

// none: raw values, a cost criterion subtracts.
//   a = 0.5×100 − 0.25×2 + 0.25×5 = 50.75;  b = 150 − 2 + 1.25 = 149.25;  c = 100 − 1.25 + 1.25 = 100
TEST(Weighted, NoNormalizationUsesRawValues) {
  const auto s = scores_of(scorecard("none"));
  EXPECT_DOUBLE_EQ(s.at("a"), 50.75);
  EXPECT_DOUBLE_EQ(s.at("b"), 149.25);
  EXPECT_DOUBLE_EQ(s.at("c"), 100);
}

// A fixed scale {"min", "max"} keeps a criterion absolute: 0..10 maps 5 to 0.5 however many
// items there are, so adding an item does not move another item's score.
//   minmax with scale 0..10: a 4 -> 0.4, b 9 -> 0.9; cost 0..10: a 2 -> 0.8, b 6 -> 0.4
//   equal weights: a = 0.5×0.4 + 0.5×0.8 = 0.6; b = 0.5×0.9 + 0.5×0.4 = 0.65
TEST(Weighted, FixedScaleKeepsScoresAbsolute) {
  Json doc = {{"format", "gapscore/1"},
              {"model", "weighted"},
              {"criteria",
               {{{"id", "v"}, {"scale", {{"min", 0}, {"max", 10}}}},
                {{"id", "c"}, {"direction", "cost"}, {"scale", {{"min", 0}, {"max", 10}}}}}},
              {"items", {{{"id", "a"}, {"scores", {{"v", 4}, {"c", 2}}}}, {{"id", "b"}, {"scores", {{"v", 9}, {"c", 6}}}}}}};
  auto s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("a"), 0.6);
  EXPECT_DOUBLE_EQ(s.at("b"), 0.65);
  doc["items"].push_back({{"id", "z"}, {"scores", {{"v", 1}, {"c", 9}}}});
  s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("a"), 0.6);
  EXPECT_DOUBLE_EQ(s.at("b"), 0.65);

  // Without the scale, min-max is relative: the same new item changes a's score.
  Json relative = doc;
  for (auto& c : relative["criteria"]) c.erase("scale");
  relative["items"].erase(2);
  const double before = scores_of(relative).at("a");
  relative["items"].push_back({{"id", "z"}, {"scores", {{"v", 1}, {"c", 9}}}});
  EXPECT_NE(scores_of(relative).at("a"), before);
}

// Min-max divides by max - min: a scale whose width overflows is refused at its path (it used
// to normalize every value to 0 and rank silently wrong).
TEST(Weighted, ScaleWiderThanTheLargestNumberIsRefused) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "weighted"},
                    {"criteria", {{{"id", "u"}, {"scale", {{"min", -1.7e308}, {"max", 1.7e308}}}}}},
                    {"items", {{{"id", "a"}, {"scores", {{"u", 5}}}}, {{"id", "b"}, {"scores", {{"u", 9}}}}}}};
  int code = -1;
  const Json out = run_json("rank", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  ASSERT_FALSE(out["errors"].empty()) << out.dump(2);
  EXPECT_EQ(out["errors"][0]["path"], "/criteria/0/scale");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("max - min overflows"), std::string::npos);
}

// docs/models.md: values outside a fixed scale are not clamped — 12 on 0..10 gives 1.2 — and a
// column of zeros under max or vector normalizes to 0 for a benefit criterion, 1 for a cost one.
TEST(Weighted, OutOfScaleValuesAndZeroColumns) {
  Json doc = {{"format", "gapscore/1"},
              {"model", "weighted"},
              {"criteria", {{{"id", "v"}, {"scale", {{"min", 0}, {"max", 10}}}}}},
              {"items", {{{"id", "a"}, {"scores", {{"v", 12}}}}, {{"id", "b"}, {"scores", {{"v", 5}}}}}}};
  auto s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("a"), 1.2);
  EXPECT_DOUBLE_EQ(s.at("b"), 0.5);

  for (const char* normalization : {"max", "vector"}) {
    SCOPED_TRACE(normalization);
    Json zeros = {{"format", "gapscore/1"},
                  {"model", "weighted"},
                  {"normalization", normalization},
                  {"criteria", {{{"id", "gain"}}, {{"id", "pain"}, {"direction", "cost"}}}},
                  {"items",
                   {{{"id", "a"}, {"scores", {{"gain", 0}, {"pain", 0}}}},
                    {{"id", "b"}, {"scores", {{"gain", 0}, {"pain", 0}}}}}}};
    s = scores_of(zeros);
    EXPECT_DOUBLE_EQ(s.at("a"), 0.5); // 0.5 × 0 + 0.5 × 1
    EXPECT_DOUBLE_EQ(s.at("b"), 0.5);
  }
}

// With every weight 0 there is nothing to weigh: every item scores 0 (never NaN from 0/0) and
// the whole backlog is one tie, ordered by MoSCoW then id.
TEST(Weighted, AllZeroWeightsGiveZeroScoresAndOneTie) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "weighted"},
                    {"criteria", {{{"id", "v"}, {"weight", 0}}, {{"id", "w"}, {"weight", 0}}}},
                    {"items",
                     {{{"id", "b"}, {"scores", {{"v", 1}, {"w", 2}}}},
                      {{"id", "a"}, {"scores", {{"v", 3}, {"w", 1}}}},
                      {{"id", "c"}, {"moscow", "must"}, {"scores", {{"v", 2}, {"w", 2}}}}}}};
  const Json out = run_json("rank", doc.dump());
  ASSERT_EQ(out["ranking"].size(), 3u) << out.dump(2);
  for (const auto& row : out["ranking"]) {
    EXPECT_EQ(row["score"].get<double>(), 0.0);
    EXPECT_EQ(row["tied_with"].size(), 2u);
  }
  EXPECT_EQ(order_of(doc), (std::vector<std::string>{"c", "a", "b"}));
}

// The same document says why its ranking is flat: a warning at /criteria (by both models
// that read weights), never an error, since a reader may drag every weight to 0 on the way.
TEST(Weighted, AllZeroWeightsWarnAtTheCriteria) {
  for (const char* model : {"weighted", "topsis"}) {
    const Json doc = {{"format", "gapscore/1"},
                      {"model", model},
                      {"criteria", {{{"id", "v"}, {"weight", 0}}, {{"id", "w"}, {"weight", 0}}}},
                      {"items", {{{"id", "a"}, {"scores", {{"v", 3}, {"w", 1}}}},
                                 {{"id", "b"}, {"scores", {{"v", 1}, {"w", 2}}}}}}};
    int code = -1;
    const Json out = run_json("rank", doc.dump(), {{"format", "json"}}, &code);
    EXPECT_EQ(code, 0) << model;
    EXPECT_TRUE(gapscore::test::has_problem(out.value("warnings", Json::array()), "/criteria", "every weight is 0"))
        << model << "\n" << gapscore::test::problems(out);
    Json one_weight = doc;
    one_weight["criteria"][0]["weight"] = 1;
    const Json out2 = run_json("rank", one_weight.dump(), {{"format", "json"}});
    EXPECT_FALSE(gapscore::test::has_problem(out2.value("warnings", Json::array()), "/criteria", "every weight is 0"))
        << model;
  }
}

// ---------------------------------------------------------------- TOPSIS

// J. Papathanasiou and N. Ploskas, "TOPSIS", in Multiple Criteria Decision Aid, Springer, 2018,
// pp. 1-30: the facility-location example, six sites, four benefit criteria, weights
// 0.4, 0.3, 0.1, 0.2, vector normalization. Published closeness coefficients:
//   0.387, 0.327, 0.391, 0.615, 0.868, 0.493  (site 5 first, then 4, 6, 3, 1, 2)
TEST(Topsis, ReproducesPapathanasiouPloskasFacilityLocation) {
  const double x[6][4] = {{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4}, {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}};
  const double published[6] = {0.387, 0.327, 0.391, 0.615, 0.868, 0.493};
  Json doc = {{"format", "gapscore/1"}, {"model", "topsis"}};
  const char* names[4] = {"c1", "c2", "c3", "c4"};
  const double weights[4] = {0.4, 0.3, 0.1, 0.2};
  for (int c = 0; c < 4; ++c) doc["criteria"].push_back({{"id", names[c]}, {"weight", weights[c]}});
  for (int i = 0; i < 6; ++i) {
    Json item = {{"id", "site-" + std::to_string(i + 1)}};
    for (int c = 0; c < 4; ++c) item["scores"][names[c]] = x[i][c];
    doc["items"].push_back(item);
  }
  // The document's own normalization must not matter: TOPSIS always normalizes by vector.
  doc["normalization"] = "minmax";
  const auto s = scores_of(doc);
  for (int i = 0; i < 6; ++i)
    EXPECT_NEAR(s.at("site-" + std::to_string(i + 1)), published[i], 0.001) << "site " << i + 1;
  EXPECT_EQ(order_of(doc),
            (std::vector<std::string>{"site-5", "site-4", "site-6", "site-3", "site-1", "site-2"}));
}

// The R package MCDA (Bigaret, Meyer et al.), TOPSIS help page example: three cars, purchase
// price a cost criterion (weights 0.35, 0.25, 0.25, 0.15). Its published ideal and anti-ideal
// solutions are the weighted normalized extremes, with the *lowest* price as the ideal:
//   positive ideal: 0.179573776, 0.171636015, 0.159499658, 0.087302767
//   negative ideal: 0.212610118, 0.124958799, 0.131352659, 0.085797547
TEST(Topsis, CostCriterionTakesTheLowestValueAsIdeal) {
  const Json doc = {
      {"format", "gapscore/1"},
      {"model", "topsis"},
      {"criteria",
       {{{"id", "price"}, {"weight", 0.35}, {"direction", "cost"}},
        {{"id", "economy"}, {"weight", 0.25}},
        {{"id", "aesthetics"}, {"weight", 0.25}},
        {{"id", "boot"}, {"weight", 0.15}}}},
      {"items",
       {{{"id", "corsa"}, {"scores", {{"price", 5490}, {"economy", 51.4}, {"aesthetics", 8.5}, {"boot", 285}}}},
        {{"id", "clio"}, {"scores", {{"price", 6500}, {"economy", 70.6}, {"aesthetics", 7}, {"boot", 288}}}},
        {{"id", "fiesta"}, {"scores", {{"price", 6489}, {"economy", 54.3}, {"aesthetics", 7.5}, {"boot", 290}}}}}}};
  const double ideal[4] = {0.179573776, 0.171636015, 0.159499658, 0.087302767};
  const double anti[4] = {0.212610118, 0.124958799, 0.131352659, 0.085797547};
  const Json out = run_json("explain", doc.dump(), {{"item", "clio"}});
  ASSERT_EQ(out["terms"].size(), 4u) << out.dump(2);
  for (int c = 0; c < 4; ++c) {
    EXPECT_NEAR(out["terms"][c]["ideal"].get<double>(), ideal[c], 1e-8) << c;
    EXPECT_NEAR(out["terms"][c]["anti_ideal"].get<double>(), anti[c], 1e-8) << c;
  }
  // Closeness = d⁻ / (d⁺ + d⁻), as the explanation writes it out.
  const double dp = out["distance_to_ideal"].get<double>(), dm = out["distance_to_anti_ideal"].get<double>();
  EXPECT_DOUBLE_EQ(out["score"].get<double>(), dm / (dp + dm));
  EXPECT_GT(out["score"].get<double>(), 0.0);
  EXPECT_LT(out["score"].get<double>(), 1.0);
}

// Identical items are all as close to the ideal as to the anti-ideal: 0.5 by convention, no NaN.
TEST(Topsis, IdenticalItemsScoreOneHalf) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "topsis"},
                    {"criteria", {{{"id", "v"}}}},
                    {"items", {{{"id", "a"}, {"scores", {{"v", 3}}}}, {{"id", "b"}, {"scores", {{"v", 3}}}}}}};
  const auto s = scores_of(doc);
  EXPECT_DOUBLE_EQ(s.at("a"), 0.5);
  EXPECT_DOUBLE_EQ(s.at("b"), 0.5);
}

// Every model names its published variant and formula in the result.
TEST(Models, EveryResultNamesItsVariant) {
  const Json doc = document_json("intercom_rice.json");
  const Json out = run_json("rank", doc.dump());
  EXPECT_EQ(out["formula"], "reach × impact × confidence / effort");
  EXPECT_EQ(out["variant"], "RICE (Intercom)");
}

// The weighted scorecard's order depends on the normalization (the brief: state it and
// name the variant), so every result says which one ranked it, and diff says when it changed.
TEST(Weighted, ResultsNameTheNormalizationAndDiffBlamesItsChange) {
  Json doc = {{"format", "gapscore/1"},
              {"model", "weighted"},
              {"normalization", "minmax"},
              {"criteria", Json::array({{{"id", "gain"}, {"weight", 3}, {"direction", "benefit"}},
                                        {{"id", "cost"}, {"weight", 2}, {"direction", "cost"}}})},
              {"items", Json::array({{{"id", "a"}, {"scores", {{"gain", 9}, {"cost", 8}}}},
                                     {{"id", "b"}, {"scores", {{"gain", 5}, {"cost", 1}}}},
                                     {{"id", "c"}, {"scores", {{"gain", 7}, {"cost", 4}}}}})}};
  Json out = run_json("rank", doc.dump());
  EXPECT_EQ(out["variant"], "Weighted scorecard (minmax normalization)");
  EXPECT_EQ(out["normalization"], "minmax");
  EXPECT_EQ(run_json("explain", doc.dump(), {{"item", "a"}})["variant"], "Weighted scorecard (minmax normalization)");
  // minmax: a = 3/5·1 + 2/5·0 = 0.6, b = 0 + 0.4 = 0.4, c = 3/5·0.5 + 2/5·(4/7) = 0.528...
  EXPECT_EQ(out["ranking"][0]["id"], "a");

  Json vector_doc = doc;
  vector_doc["normalization"] = "vector";
  EXPECT_EQ(run_json("rank", vector_doc.dump())["variant"], "Weighted scorecard (vector normalization)");
  const Json diff = run_json("diff", doc.dump(), {{"after", vector_doc.dump()}});
  EXPECT_EQ(diff["normalization_change"], (Json{{"before", "minmax"}, {"after", "vector"}}));
  EXPECT_EQ(diff["weights"], Json::array());
  bool some_moved = false;
  for (const auto& item : diff["items"]) {
    if (item["before_rank"] == item["after_rank"]) continue;
    some_moved = true;
    EXPECT_EQ(item["reason"], "the normalization changed (minmax → vector)") << item.dump();
  }
  EXPECT_TRUE(some_moved);
  EXPECT_FALSE(run_json("diff", doc.dump(), {{"after", doc.dump()}}).contains("normalization_change"));
}
