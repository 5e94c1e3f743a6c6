// OKRs: alignment per item, objective coverage of a plan, and the "source": "okr" criterion.
#include <gtest/gtest.h>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_json;
using gapscore::test::document_text;
using gapscore::test::errors_text;
using gapscore::test::find_by_id;
using gapscore::test::run_json;

// An objective's score is the average of its key results' progress (OKR grading, e.g. Google
// re:Work "Set goals with OKRs"); objectives count by their weight share. By hand:
// growth 3/4 over 2 key results -> 0.375 each; quality 1/4 over 1 -> 0.25.
//   referrals: signups 500 / 1000 = 0.5 -> 0.375 × 0.5 = 0.1875
//   stability: retention 0.4 (no target: a fraction) -> 0.15; crashes 0.6 / 0.5 capped at 1
//              -> 0.25; total 0.4
//   stickers: 0
TEST(Okr, AlignmentPerItem) {
  int code = -1;
  Json out = run_json("okr", document_text("gap_okr.json"), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const Json& items = out["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["id"], "stability");
  EXPECT_DOUBLE_EQ(items[0]["alignment"].get<double>(), 0.4);
  EXPECT_DOUBLE_EQ(items[0]["contributes"][1]["progress"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(items[1]["alignment"].get<double>(), 0.1875);
  EXPECT_DOUBLE_EQ(items[2]["alignment"].get<double>(), 0);
  // The whole backlog: signups 0.5, retention 0.4, crashes 1 -> growth 0.45, quality 1,
  // overall 0.75 × 0.45 + 0.25 × 1 = 0.5875.
  EXPECT_DOUBLE_EQ((*find_by_id(out["objectives"], "growth"))["backlog_score"].get<double>(), 0.45);
  EXPECT_NEAR(out["backlog_coverage"].get<double>(), 0.5875, 1e-15);
}

TEST(Okr, PlanReportsObjectiveCoverage) {
  // Capacity 3 fits referrals (2) + stickers (1) or stability (3); value_effort values 5 + 1 = 6 > 4.
  int code = -1;
  Json out = run_json("plan", document_text("gap_okr.json"), {{"model", "value_effort"}, {"capacity", 3}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["selected"], Json::array({"referrals", "stickers"}));
  const Json& cov = out["objective_coverage"];
  EXPECT_DOUBLE_EQ(cov["overall"].get<double>(), 0.1875); // 0.75 × (0.5 + 0) / 2
  EXPECT_DOUBLE_EQ(cov["objectives"][0]["key_results"][0]["progress"].get<double>(), 0.5);
}

// "source": "okr": the criterion's raw score is the alignment, on the fixed scale 0..1, so
// with min-max normalization the normalized value equals the alignment itself.
TEST(Okr, AlignmentIsACriterionOfTheWeightedModel) {
  int code = -1;
  Json out = run_json("explain", document_text("gap_okr.json"), {{"model", "weighted"}, {"item", "stability"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const Json& okr = out["terms"][0];
  EXPECT_EQ(okr["term"], "okr");
  EXPECT_DOUBLE_EQ(okr["raw"].get<double>(), 0.4);
  EXPECT_DOUBLE_EQ(okr["normalized"].get<double>(), 0.4);
  // 0.5 × 0.4 + 0.5 × (10 − 6) / 10 = 0.4
  EXPECT_DOUBLE_EQ(out["score"].get<double>(), 0.4);
}

TEST(Okr, ErrorsNameTheField) {
  Json doc = document_json("gap_okr.json");
  doc["items"][0]["contributes"][0]["key_result"] = "signup";
  doc["items"][1]["contributes"][0]["amount"] = 4; // retention has no target: a fraction
  doc["items"][2]["scores"]["okr"] = 0.3;
  doc["objectives"][1]["key_results"][0]["id"] = "signups";
  int code = -1;
  Json out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  const std::string e = errors_text(out);
  EXPECT_NE(e.find("/items/0/contributes/0/key_result: no key result with id \"signup\""), std::string::npos) << e;
  EXPECT_NE(e.find("/items/1/contributes/0/amount: key result \"retention\" has no target"), std::string::npos) << e;
  EXPECT_NE(e.find("/items/2/scores/okr: criterion \"okr\" takes its scores from the objectives"), std::string::npos) << e;
  EXPECT_NE(e.find("/objectives/1/key_results/0/id: duplicate of /objectives/0/key_results/0/id"), std::string::npos) << e;
  doc = document_json("gap_okr.json");
  doc.erase("objectives");
  for (auto& item : doc["items"]) item.erase("contributes");
  out = run_json("rank", doc.dump(), {{"model", "weighted"}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(errors_text(out).find("/criteria/0/source: the document has no objectives"), std::string::npos);
}
