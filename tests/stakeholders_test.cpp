// Stakeholders: reading the section (every problem at its path), the `stakeholder` model
// (mean, median, influence-weighted; missing ratings), and named weight sets
// ({"weights": "sales"}). Every expected number is worked out by hand in the comments from
// tests/fixtures/documents/stakeholders_team.json.
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_json;
using gapscore::test::find_by_id;
using gapscore::test::has_problem;
using gapscore::test::problems;
using gapscore::test::ranking_ids;
using gapscore::test::run_json;

namespace {

Json team() { return document_json("stakeholders_team.json"); }

Json rank(const Json& doc, Json options, int* code) { return run_json("rank", doc.dump(), std::move(options), code); }

} // namespace

// Ratings (1-5): sales a1 b5 c3 d4, support a4 b4 c2 (d unrated), advocate a5 b4 c3 d1;
// engineering rates nothing. Mean over the stakeholders who rated each item:
// a (1+4+5)/3 = 10/3, b (5+4+4)/3 = 13/3, c (3+2+3)/3 = 8/3, d (4+1)/2 = 2.5 -> b a c d.
TEST(StakeholderModel, MeanOverTheStakeholdersWhoRated) {
  int code = -1;
  const Json out = rank(team(), {{"model", "stakeholder"}, {"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(ranking_ids(out), (std::vector<std::string>{"b", "a", "c", "d"}));
  EXPECT_NEAR(find_by_id(out["ranking"], "a")->at("score").get<double>(), 10.0 / 3, 1e-15);
  EXPECT_NEAR(find_by_id(out["ranking"], "b")->at("score").get<double>(), 13.0 / 3, 1e-15);
  EXPECT_NEAR(find_by_id(out["ranking"], "c")->at("score").get<double>(), 8.0 / 3, 1e-15);
  EXPECT_EQ(find_by_id(out["ranking"], "d")->at("score").get<double>(), 2.5);
  // Terms are each rater's contribution and add up to the score; engineering (weights only)
  // is not a term. d: sales 4 / 2 = 2, advocate 1 / 2 = 0.5, support did not rate it.
  const Json& terms = find_by_id(out["ranking"], "d")->at("terms");
  EXPECT_FALSE(terms.contains("engineering"));
  EXPECT_EQ(terms["sales"], 2.0);
  EXPECT_EQ(terms["advocate"], 0.5);
  EXPECT_EQ(terms["support"], 0.0);
  // The missing rating is not silent: the stakeholder and the item are named.
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders/1/ratings", "support did not rate d")) << problems(out);
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders/2", "engineering rates no item")) << problems(out);
}

// Ratings near the largest double: the sum 1.7e308 + 1e308 overflows, the mean 1.35e308 does
// not, so the item is ranked (it used to be refused as "overflows to infinity"). The same for an
// even median and the influence-weighted mean.
TEST(StakeholderModel, HugeRatingsWhoseSumOverflowsStillCombine) {
  for (const char* aggregation : {"mean", "median", "influence_weighted"}) {
    SCOPED_TRACE(aggregation);
    const Json doc = {{"format", "gapscore/1"},
                      {"model", "stakeholder"},
                      {"stakeholder_aggregation", aggregation},
                      {"items", {{{"id", "a"}}, {{"id", "b"}}}},
                      {"stakeholders",
                       {{{"id", "s1"}, {"influence", 1}, {"ratings", {{"a", 1.7e308}, {"b", 1}}}},
                        {{"id", "s2"}, {"influence", 1}, {"ratings", {{"a", 1e308}, {"b", 3}}}}}}};
    int code = -1;
    const Json out = run_json("rank", doc.dump(), Json::object(), &code);
    ASSERT_EQ(code, 0) << out.dump(2);
    EXPECT_EQ(out["ranking"][0]["id"], "a");
    EXPECT_DOUBLE_EQ(out["ranking"][0]["score"].get<double>(), 1.35e308);
    EXPECT_EQ(out["ranking"][1]["score"], 2.0);
  }
}

// Influences near the largest double: 1.5e308 + 1.5e308 overflows, but the two influences are
// equal, so a's weighted mean is (5 + 1) / 2 = 3 and b's (2 + 2) / 2 = 2. Each share was
// influence / infinity = 0, so both items scored 0 and tied (found by a black-box review).
TEST(StakeholderModel, HugeInfluencesWhoseSumOverflowsStillWeigh) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "stakeholder"},
                    {"stakeholder_aggregation", "influence_weighted"},
                    {"items", {{{"id", "a"}}, {{"id", "b"}}}},
                    {"stakeholders",
                     {{{"id", "s"}, {"influence", 1.5e308}, {"ratings", {{"a", 5}, {"b", 2}}}},
                      {{"id", "t"}, {"influence", 1.5e308}, {"ratings", {{"a", 1}, {"b", 2}}}}}}};
  int code = -1;
  const Json out = run_json("rank", doc.dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["ranking"][0]["id"], "a");
  EXPECT_EQ(out["ranking"][0]["score"], 3.0);
  EXPECT_EQ(out["ranking"][1]["score"], 2.0);
  const Json ex = run_json("explain", doc.dump(), {{"item", "a"}});
  EXPECT_EQ(ex["terms"][0]["weight"], 0.5);
  EXPECT_EQ(ex["terms"][1]["weight"], 0.5);
}

// Median: a {1,4,5} -> 4, b {4,4,5} -> 4, c {2,3,3} -> 3, d {1,4} -> (1+4)/2 = 2.5.
TEST(StakeholderModel, Median) {
  Json doc = team();
  doc["stakeholder_aggregation"] = "median";
  int code = -1;
  const Json out = rank(doc, {{"model", "stakeholder"}, {"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(find_by_id(out["ranking"], "a")->at("score"), 4.0);
  EXPECT_EQ(find_by_id(out["ranking"], "b")->at("score"), 4.0);
  EXPECT_EQ(find_by_id(out["ranking"], "c")->at("score"), 3.0);
  EXPECT_EQ(find_by_id(out["ranking"], "d")->at("score"), 2.5);
  // The median rater carries the whole score: b's ratings sorted are support 4, advocate 4,
  // sales 5; the middle one (advocate, the later of the two 4s in stakeholder order) counts.
  const Json& b = find_by_id(out["ranking"], "b")->at("terms");
  EXPECT_EQ(b["advocate"], 4.0);
  EXPECT_EQ(b["sales"], 0.0);
  EXPECT_EQ(b["support"], 0.0);
}

// Influence-weighted: sales 3, support 2, advocate 1 (default).
// a (3*1 + 2*4 + 1*5) / 6 = 16/6, b (15 + 8 + 4) / 6 = 27/6, c (9 + 4 + 3) / 6 = 16/6,
// d (3*4 + 1*1) / (3 + 1) = 13/4.
TEST(StakeholderModel, InfluenceWeightedAndItsExplanation) {
  Json doc = team();
  doc["stakeholder_aggregation"] = "influence_weighted";
  int code = -1;
  const Json out = rank(doc, {{"model", "stakeholder"}, {"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(find_by_id(out["ranking"], "a")->at("score").get<double>(), 16.0 / 6, 1e-15);
  EXPECT_EQ(find_by_id(out["ranking"], "b")->at("score"), 4.5);
  EXPECT_EQ(find_by_id(out["ranking"], "d")->at("score"), 3.25);
  EXPECT_EQ(ranking_ids(out)[0], "b");

  const Json ex = run_json("explain", doc.dump(), {{"model", "stakeholder"}, {"item", "d"}}, &code);
  ASSERT_EQ(code, 0) << ex.dump(2);
  EXPECT_EQ(ex["aggregation"], "influence_weighted");
  EXPECT_EQ(ex["raters"], 2);
  EXPECT_EQ(ex["computation"], "(3 × 4 + 1 × 1) / (3 + 1) = 3.25");
  ASSERT_EQ(ex["terms"].size(), 3u); // sales, support, advocate: the stakeholders who rate
  const Json& sales = ex["terms"][0];
  EXPECT_EQ(sales["term"], "sales");
  EXPECT_EQ(sales["rating"], 4.0);
  EXPECT_EQ(sales["weight"], 0.75);
  EXPECT_EQ(sales["contribution"], 3.0);
  EXPECT_EQ(ex["terms"][1]["rated"], false);
  EXPECT_FALSE(ex["terms"][1].contains("rating"));
  EXPECT_EQ(ex["terms"][1]["weight"], 0.0);
}

TEST(StakeholderModel, ExplainsTheMeanByHand) {
  int code = -1;
  const Json ex = run_json("explain", team().dump(), {{"model", "stakeholder"}, {"item", "c"}}, &code);
  ASSERT_EQ(code, 0) << ex.dump(2);
  EXPECT_EQ(ex["aggregation"], "mean");
  EXPECT_EQ(ex["computation"].get<std::string>().rfind("(3 + 2 + 3) / 3 = 2.66666", 0), 0u) << ex["computation"];
  double total = 0;
  for (const auto& t : ex["terms"]) total += t["contribution"].get<double>();
  EXPECT_NEAR(total, ex["score"].get<double>(), 1e-15);
}

TEST(StakeholderModel, EveryItemNeedsARating) {
  Json doc = team();
  doc["stakeholders"][0]["ratings"].erase("d");
  doc["stakeholders"][3]["ratings"].erase("d");
  int code = -1;
  Json out = rank(doc, {{"model", "stakeholder"}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/items/3", "no stakeholder rated \"d\"")) << problems(out);

  doc = team();
  doc.erase("stakeholders");
  out = rank(doc, {{"model", "stakeholder"}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/stakeholders", "missing")) << problems(out);

  // Influence-weighted: d is rated by sales and advocate; with both at influence 0 there is
  // nothing to weigh.
  doc = team();
  doc["stakeholder_aggregation"] = "influence_weighted";
  doc["stakeholders"][0]["influence"] = 0;
  doc["stakeholders"][3]["influence"] = 0;
  out = rank(doc, {{"model", "stakeholder"}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/items/3", "influence 0")) << problems(out);
}

// Document weights revenue 1, stability 2, normalization none (score = Σ share × raw):
//   a (1 + 18)/3 = 6.33, b (9 + 2)/3 = 3.67, c (5 + 10)/3 = 5, d (8 + 4)/3 = 4 -> a c d b.
// Sales' weights revenue 3, stability 1 (shares .75 / .25):
//   a .75 + 2.25 = 3, b 6.75 + .25 = 7, c 3.75 + 1.25 = 5, d 6 + .5 = 6.5 -> b d c a.
// Engineering's revenue 0, stability 1: the stability column, a 9 c 5 d 2 b 1 -> a c d b.
TEST(WeightSets, RankItTheWayAStakeholderWould) {
  int code = -1;
  const Json base = rank(team(), {{"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << base.dump(2);
  EXPECT_EQ(ranking_ids(base), (std::vector<std::string>{"a", "c", "d", "b"}));
  EXPECT_FALSE(base.contains("weight_set"));

  const Json sales = rank(team(), {{"weights", "sales"}, {"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << sales.dump(2);
  EXPECT_EQ(sales["weight_set"], "sales");
  EXPECT_EQ(ranking_ids(sales), (std::vector<std::string>{"b", "d", "c", "a"}));
  EXPECT_EQ(find_by_id(sales["ranking"], "b")->at("score"), 7.0);
  EXPECT_EQ(find_by_id(sales["ranking"], "d")->at("score"), 6.5);
  EXPECT_EQ(find_by_id(sales["ranking"], "a")->at("score"), 3.0);

  const Json eng = rank(team(), {{"weights", "engineering"}, {"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << eng.dump(2);
  EXPECT_EQ(ranking_ids(eng), (std::vector<std::string>{"a", "c", "d", "b"}));
  EXPECT_EQ(find_by_id(eng["ranking"], "a")->at("score"), 9.0);

  // The explanation shows the weight set's weights.
  const Json ex = run_json("explain", team().dump(), {{"weights", "sales"}, {"item", "b"}}, &code);
  ASSERT_EQ(code, 0) << ex.dump(2);
  EXPECT_EQ(ex["terms"][0]["weight"], 3.0);
  EXPECT_EQ(ex["terms"][0]["weight_share"], 0.75);
  EXPECT_EQ(ex["rank"], 1);
}

// Support weighs only stability (4): revenue keeps the document's 1, with a warning. Shares
// .2 / .8: a .2 + 7.2 = 7.4, b 1.8 + .8 = 2.6, c 1 + 4 = 5, d 1.6 + 1.6 = 3.2 -> a c d b.
TEST(WeightSets, PartialWeightSetKeepsTheDocumentsWeightsAndSaysSo) {
  int code = -1;
  const Json out = rank(team(), {{"weights", "support"}, {"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(find_by_id(out["ranking"], "a")->at("score").get<double>(), 7.4, 1e-14);
  EXPECT_NEAR(find_by_id(out["ranking"], "b")->at("score").get<double>(), 2.6, 1e-14);
  EXPECT_EQ(ranking_ids(out), (std::vector<std::string>{"a", "c", "d", "b"}));
  EXPECT_TRUE(has_problem(out["warnings"], "options/weights", "support gives no weight for revenue")) << problems(out);
}

TEST(WeightSets, UnknownOrWeightlessStakeholderIsAUsageError) {
  int code = -1;
  Json out = rank(team(), {{"weights", "marketing"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(has_problem(out["errors"], "options/weights", "choose sales, support, engineering, advocate"))
      << problems(out);
  out = rank(team(), {{"weights", "advocate"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(has_problem(out["errors"], "options/weights", "advocate gives no criterion weights")) << problems(out);
  out = rank(team(), {{"weights", 3}}, &code);
  EXPECT_EQ(code, 1);
  // A model without criteria ignores weights: said, not silent.
  out = rank(team(), {{"weights", "sales"}, {"model", "gap"}, {"format", "json"}}, &code);
  EXPECT_EQ(code, 0) << out.dump(2);
  EXPECT_TRUE(has_problem(out["warnings"], "options/weights", "does not use criteria weights")) << problems(out);
}

TEST(StakeholderSection, EveryProblemAtItsPath) {
  Json doc = team();
  doc["stakeholders"][0]["ratings"]["zzz"] = 3;
  doc["stakeholders"][0]["influence"] = -1;
  doc["stakeholders"][1]["ratings"]["a"] = "high";
  doc["stakeholders"][1]["weights"]["speed"] = 2;
  doc["stakeholders"][2]["id"] = "sales";
  doc["stakeholders"][3]["weights"] = {{"revenue", 0}, {"stability", 0}};
  doc["stakeholders"][3]["favourite"] = "a";
  doc["stakeholder_aggregation"] = "mode";
  int code = -1;
  const Json out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  const Json& e = out["errors"];
  EXPECT_TRUE(has_problem(e, "/stakeholders/0/ratings/zzz", "no item with id \"zzz\"")) << problems(out);
  EXPECT_TRUE(has_problem(e, "/stakeholders/0/influence", "at least 0")) << problems(out);
  EXPECT_TRUE(has_problem(e, "/stakeholders/1/ratings/a", "must be a number")) << problems(out);
  EXPECT_TRUE(has_problem(e, "/stakeholders/1/weights/speed", "no criterion with id \"speed\"")) << problems(out);
  EXPECT_TRUE(has_problem(e, "/stakeholders/2/id", "duplicate of /stakeholders/0/id")) << problems(out);
  EXPECT_TRUE(has_problem(e, "/stakeholders/3/weights", "every weight is 0")) << problems(out);
  EXPECT_TRUE(has_problem(e, "/stakeholder_aggregation", "\"mean\", \"median\" or \"influence_weighted\""))
      << problems(out);

  doc = team();
  doc["stakeholders"] = {{"id", "x"}};
  EXPECT_EQ(run_json("validate", doc.dump(), Json::object(), &code)["errors"][0]["path"], "/stakeholders");
  doc["stakeholders"] = Json::array({"sales"});
  EXPECT_EQ(run_json("validate", doc.dump(), Json::object(), &code)["errors"][0]["path"], "/stakeholders/0");
  doc["stakeholders"] = Json::array({{{"id", "x"}, {"ratings", Json::array({1, 2})}}});
  EXPECT_EQ(run_json("validate", doc.dump(), Json::object(), &code)["errors"][0]["path"], "/stakeholders/0/ratings");
}

TEST(StakeholderSection, UnknownFieldIsAWarningNotAnError) {
  Json doc = team();
  doc["stakeholders"][3]["favourite"] = "a";
  int code = -1;
  const Json out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 0) << out.dump(2);
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders/3/favourite", "unknown field")) << problems(out);
}

namespace gapscore::test {
namespace {
// The sentence names a stakeholder as the explanation's table does, by name ("Customer
// advocate"), not by id ("advocate") (found by a black-box review).
TEST(StakeholderModel, WhyNamesStakeholdersByName) {
  const Json ex = run_json("explain", document_text("stakeholders_team.json"), {{"item", "a"}, {"model", "stakeholder"}});
  ASSERT_TRUE(ex.contains("why")) << ex.dump(2);
  const std::string why = ex["why"];
  EXPECT_NE(why.find("Customer advocate (contributing"), std::string::npos) << why;
  EXPECT_EQ(why.find("advocate (contributing"), why.find("Customer advocate (contributing") + 9) << why; // never the bare id
  for (const auto& lead : ex["below"]["behind_on"]) EXPECT_NE(lead["name"], lead["term"]) << lead;
}
} // namespace
} // namespace gapscore::test
