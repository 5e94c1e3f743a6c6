// A criterion that takes its values from an item field ("source": "effort", issue 17 item 3):
// one estimate, read by every model, so an edit to effort under RICE also moves the weighted
// scorecard's effort criterion.
#include <gtest/gtest.h>

#include "gapscore/engine.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::ranking_ids;
using test::run_json;

/// Two criteria: value (benefit) and effort (cost), effort taken from the items' field.
Json backlog(bool from_field) {
  Json effort = {{"id", "effort"}, {"weight", 1}, {"direction", "cost"}, {"scale", {{"min", 0}, {"max", 10}}}};
  if (from_field) effort["source"] = "effort";
  Json doc = {{"format", "gapscore/1"},
              {"model", "weighted"},
              {"criteria", {{{"id", "value"}, {"weight", 1}, {"scale", {{"min", 0}, {"max", 10}}}}, effort}},
              {"items", Json::array()}};
  const std::vector<std::tuple<std::string, double, double>> items = {{"a", 8, 6}, {"b", 5, 2}, {"c", 3, 1}};
  for (const auto& [id, value, effort_pm] : items) {
    Json item = {{"id", id}, {"reach", 100}, {"impact", 1}, {"confidence", 1}, {"effort", effort_pm}};
    item["scores"] = {{"value", value}};
    if (!from_field) item["scores"]["effort"] = effort_pm;
    doc["items"].push_back(item);
  }
  return doc;
}

// Min-max on the fixed scales 0..10, equal weights: a = (0.8 + 0.4) / 2 = 0.6,
// b = (0.5 + 0.8) / 2 = 0.65, c = (0.3 + 0.9) / 2 = 0.6 (a before c by id).
TEST(CriterionSource, AFieldSourceScoresLikeTheSameNumbersGivenAsScores) {
  int code = -1;
  const Json by_field = run_json("rank", backlog(true).dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << by_field.dump(2);
  const Json by_scores = run_json("rank", backlog(false).dump());
  EXPECT_EQ(by_field["ranking"], by_scores["ranking"]);
  EXPECT_EQ(ranking_ids(by_field), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_DOUBLE_EQ(by_field["ranking"][0]["score"].get<double>(), 0.65);
}

// The bug this fixes: effort changed under RICE was not the weighted scorecard's effort. Now
// one edit moves both. Effort of b from 2 to 9: b = (0.5 + 0.1) / 2 = 0.3, last.
TEST(CriterionSource, AnEditToTheFieldMovesEveryModelThatReadsIt) {
  Engine e;
  ASSERT_TRUE(e.load(backlog(true).dump())) << e.last_errors();
  ASSERT_TRUE(e.set_model("rice"));
  ASSERT_TRUE(e.set_field("b", "effort", 9)) << e.last_errors();
  ASSERT_TRUE(e.set_model("weighted"));
  ASSERT_TRUE(e.rank()) << e.last_errors();
  const std::size_t b = e.scenario().item_index("b");
  EXPECT_DOUBLE_EQ(e.table().score[b], 0.3);
  EXPECT_EQ(e.rank_data()[b], 3u);
  // And the edited document ranks the same on its own.
  EXPECT_EQ(ranking_ids(run_json("rank", e.document_json())), (std::vector<std::string>{"a", "c", "b"}));
}

TEST(CriterionSource, ItsValuesCannotAlsoBeGivenOrSetAsScores) {
  Json doc = backlog(true);
  doc["items"][1]["scores"]["effort"] = 4;
  int code = -1;
  const Json out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out["errors"][0]["path"], "/items/1/scores/effort");
  EXPECT_EQ(out["errors"][0]["code"], "duplicate");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("takes its values from each item's effort"),
            std::string::npos);

  Engine e;
  ASSERT_TRUE(e.load(backlog(true).dump()));
  EXPECT_FALSE(e.set_score("a", "effort", 3));
  EXPECT_EQ(Json::parse(e.last_errors())["errors"][0]["code"], "unsupported");
}

TEST(CriterionSource, AMissingFieldIsNamedWhereItBelongs) {
  Json doc = backlog(true);
  doc["items"][2].erase("effort");
  int code = -1;
  const Json out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out["errors"][0]["path"], "/items/2/effort");
  EXPECT_EQ(out["errors"][0]["code"], "missing_input");
  EXPECT_EQ(out["errors"][0]["message"],
            "missing: model weighted needs every item's effort (criterion \"effort\" takes its values from it)");
}

TEST(CriterionSource, AnUnknownSourceIsRefusedAtItsPath) {
  Json doc = backlog(false);
  doc["criteria"][1]["source"] = "efort";
  int code = -1;
  const Json out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out["errors"][0]["path"], "/criteria/1/source");
  EXPECT_EQ(out["errors"][0]["code"], "invalid_value");
}

// A range on the field is an uncertain input of the weighted model too.
TEST(CriterionSource, ARangeOnTheFieldIsDrawnForTheCriterion) {
  Json doc = backlog(true);
  doc["items"][1]["effort"] = {{"low", 1}, {"likely", 2}, {"high", 9}};
  int code = -1;
  const Json sim = run_json("simulate", doc.dump(), {{"runs", 2000}, {"seed", 3}}, &code);
  ASSERT_EQ(code, 0) << sim.dump(2);
  EXPECT_EQ(sim["uncertain_inputs"], 1);
  // b leads at effort 2 and falls behind a once its effort is above 3 (0.5 + (1 - e/10)
  // against a's 1.2): P(effort > 3) for the triangular (1, 2, 9) = (9 - 3)² / ((9 - 1)(9 - 2)).
  double b_first = -1;
  for (const Json& row : sim["items"])
    if (row["id"] == "b") b_first = row["rank_probabilities"][0];
  EXPECT_NEAR(b_first, 1 - 36.0 / 56, 0.03);
}

} // namespace
} // namespace gapscore
