// Ranking: deterministic order, ties broken by MoSCoW (must first) then id and reported as
// ties; and the diff of two scenarios (old rank, new rank, which terms moved each item).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "scoring/ranking.hpp"
#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::ids_of;
using gapscore::test::run_json;

namespace {

/// A RICE item whose score is reach (impact 1, confidence 1, effort 1).
Json item(const std::string& id, double reach, const char* moscow = nullptr) {
  Json j = {{"id", id}, {"reach", reach}, {"impact", 1}, {"confidence", 1}, {"effort", 1}};
  if (moscow) j["moscow"] = moscow;
  return j;
}

Json doc_with(Json items) { return {{"format", "gapscore/1"}, {"model", "rice"}, {"items", std::move(items)}}; }

Json diff(const Json& before, const Json& after, Json options = Json::object()) {
  options["after"] = after.dump();
  int code = -1;
  Json out = run_json("diff", before.dump(), options, &code);
  EXPECT_EQ(code, 0) << out.dump(2);
  return out;
}

const Json& row_of(const Json& diff_out, const std::string& id) {
  for (const auto& row : diff_out["items"])
    if (row["id"] == id) return row;
  static const Json none;
  ADD_FAILURE() << "no row for " << id;
  return none;
}

} // namespace

// ---------------------------------------------------------------- ties

// Four items score 10: must < should < could < unlabelled, and equal labels go by id.
TEST(Ranking, TiesAreOrderedByMoscowThenIdAndReported) {
  const Json doc = doc_with({item("zeta", 10, "should"), item("top", 50), item("beta", 10), item("alpha", 10),
                             item("mid", 10, "must"), item("low", 1, "must"), item("gamma", 10, "should")});
  const Json out = run_json("rank", doc.dump());
  EXPECT_EQ(ids_of(out["ranking"]),
            (std::vector<std::string>{"top", "mid", "gamma", "zeta", "alpha", "beta", "low"}));
  for (std::size_t k = 0; k < out["ranking"].size(); ++k) EXPECT_EQ(out["ranking"][k]["rank"], k + 1);

  const Json& mid = out["ranking"][1];
  ASSERT_TRUE(mid.contains("tied_with"));
  EXPECT_EQ(mid["tied_with"], Json({"gamma", "zeta", "alpha", "beta"}));
  EXPECT_FALSE(out["ranking"][0].contains("tied_with"));
  EXPECT_FALSE(out["ranking"][6].contains("tied_with"));
}

TEST(Ranking, ExplainNamesTheTieAndTheRule) {
  const Json doc = doc_with({item("b", 10), item("a", 10, "could"), item("c", 20)});
  const Json out = run_json("explain", doc.dump(), {{"item", "b"}});
  EXPECT_EQ(out["rank"], 3);
  EXPECT_EQ(out["tied_with"], Json({"a"}));
  EXPECT_NE(out["tie_break"].get<std::string>().find("MoSCoW"), std::string::npos);
  EXPECT_EQ(out["above"]["id"], "a");
  EXPECT_FALSE(out.contains("below"));
}

TEST(Ranking, TableMarksTiedRanks) {
  const Json doc = doc_with({item("b", 10), item("a", 10), item("c", 20)});
  const auto r = gapscore::run_command("rank", doc.dump(), R"({"format": "table"})");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("2="), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("3="), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("tied score"), std::string::npos) << r.output;
}

// Sums that differ only by floating-point noise are the same score: with "none" normalization
// and equal weights, a = 0.5×0.1 + 0.5×0.2 and b = 0.5×0.3 + 0.5×0 are both 0.15 on paper.
TEST(Ranking, FloatingPointNoiseIsATie) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "weighted"},
                    {"normalization", "none"},
                    {"criteria", {{{"id", "x"}}, {{"id", "y"}}}},
                    {"items",
                     {{{"id", "b"}, {"scores", {{"x", 0.1}, {"y", 0.2}}}},
                      {{"id", "a"}, {"scores", {{"x", 0.3}, {"y", 0.0}}}}}}};
  const Json out = run_json("rank", doc.dump());
  EXPECT_EQ(ids_of(out["ranking"]), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(out["ranking"][0]["tied_with"], Json({"b"}));
  // …but a real difference in the 10th digit is not noise.
  EXPECT_NE(gapscore::score_key(1.0), gapscore::score_key(1.0 + 1e-9));
  EXPECT_EQ(gapscore::score_key(0.1 + 0.2), gapscore::score_key(0.3));
}

// ---------------------------------------------------------------- determinism

TEST(Ranking, OrderDoesNotDependOnDocumentOrder) {
  std::vector<Json> items;
  const char* labels[] = {"must", "should", "could", "wont", nullptr};
  for (int i = 0; i < 40; ++i) items.push_back(item("item-" + std::to_string(i), (i * 7) % 5, labels[i % 5]));
  const Json expected = run_json("rank", doc_with(items).dump())["ranking"];
  for (int round = 0; round < 5; ++round) {
    std::rotate(items.begin(), items.begin() + 7, items.end());
    std::reverse(items.begin() + round, items.end());
    const Json ranking = run_json("rank", doc_with(items).dump())["ranking"];
    ASSERT_EQ(ids_of(ranking), ids_of(expected)) << "round " << round;
    for (std::size_t k = 0; k < ranking.size(); ++k) EXPECT_EQ(ranking[k], expected[k]);
  }
}

TEST(Ranking, SameInputSameBytes) {
  const std::string doc = doc_with({item("a", 3), item("b", 3), item("c", 1)}).dump();
  const auto first = gapscore::run_command("rank", doc, "");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(gapscore::run_command("rank", doc, "").output, first.output);
}

TEST(Ranking, TopLimitsRowsButNotRanks) {
  const Json doc = doc_with({item("a", 1), item("b", 2), item("c", 3), item("d", 4)});
  Json out = run_json("rank", doc.dump(), {{"top", 2}});
  EXPECT_EQ(ids_of(out["ranking"]), (std::vector<std::string>{"d", "c"}));
  EXPECT_EQ(out["items"], 4);
  EXPECT_EQ(out["top"], 2);
  out = run_json("rank", doc.dump(), {{"top", 99}});
  EXPECT_EQ(out["ranking"].size(), 4u);
}

// ---------------------------------------------------------------- diff

// Before: a 40, b 30, c 20, d 10. After: c's effort drops from 1 to 0.25, so c scores
// 20 / 0.25 = 80 and leads; a and b each move down one place without any change of their own.
TEST(Diff, ReportsRanksAndTheTermsThatMovedEachItem) {
  Json before = doc_with({item("a", 40), item("b", 30), item("c", 20), item("d", 10)});
  Json after = before;
  after["items"][2]["effort"] = 0.25; // c: 20 × 1 × 1 / 0.25 = 80
  const Json out = diff(before, after);
  EXPECT_EQ(out["model"], "rice");
  EXPECT_TRUE(out["weights"].empty());

  const Json& c = row_of(out, "c");
  EXPECT_EQ(c["before_rank"], 3);
  EXPECT_EQ(c["after_rank"], 1);
  EXPECT_EQ(c["change"], 2);
  EXPECT_DOUBLE_EQ(c["before_score"].get<double>(), 20);
  EXPECT_DOUBLE_EQ(c["after_score"].get<double>(), 80);
  ASSERT_EQ(c["moved_by"].size(), 1u);
  EXPECT_EQ(c["moved_by"][0]["term"], "effort");
  EXPECT_DOUBLE_EQ(c["moved_by"][0]["before"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(c["moved_by"][0]["after"].get<double>(), 0.25);
  EXPECT_EQ(c["reason"], "its own terms changed");

  const Json& a = row_of(out, "a");
  EXPECT_EQ(a["before_rank"], 1);
  EXPECT_EQ(a["after_rank"], 2);
  EXPECT_EQ(a["change"], -1);
  EXPECT_TRUE(a["moved_by"].empty());
  // It fell because c overtook it, and says so (issue 17: "other items" named no one).
  EXPECT_EQ(a["reason"], "c moved past it");
  EXPECT_EQ(a["reason_code"], "others_moved_past");
  EXPECT_EQ(a["moved_past"], Json::array({"c"}));
  EXPECT_EQ(row_of(out, "d")["reason"], "unchanged");
  // Rows come in the new ranking order.
  EXPECT_EQ(ids_of(out["items"]), (std::vector<std::string>{"c", "a", "b", "d"}));
}

TEST(Diff, AddedRemovedAndTheTopN) {
  const Json before = doc_with({item("a", 40), item("b", 30), item("c", 20)});
  const Json after = doc_with({item("a", 40), item("c", 20), item("new", 35)});
  const Json out = diff(before, after, {{"top", 2}});
  EXPECT_EQ(out["added"], Json({"new"}));
  EXPECT_EQ(out["removed"], Json({"b"}));
  EXPECT_EQ(out["entered_top"], Json({"new"}));
  EXPECT_EQ(out["left_top"], Json({"b"}));
  EXPECT_EQ(row_of(out, "new")["reason"], "added");
  EXPECT_TRUE(row_of(out, "new")["before_rank"].is_null());
  EXPECT_EQ(row_of(out, "b")["reason"], "removed");
  EXPECT_TRUE(row_of(out, "b")["after_rank"].is_null());
  EXPECT_EQ(row_of(out, "b")["before_rank"], 2);
}

// Only a weight changes: normalized terms stay the same, so the weights explain the move.
//   v (benefit) and c (cost), minmax. x: v 10, c 10 -> 1, 0; y: v 0, c 0 -> 0, 1.
//   weights 2:1 -> x 2/3, y 1/3;  weights 1:2 -> x 1/3, y 2/3.
TEST(Diff, WeightChangeIsNamedAsTheReason) {
  Json before = {{"format", "gapscore/1"},
                 {"model", "weighted"},
                 {"criteria", {{{"id", "v"}, {"weight", 2}}, {{"id", "c"}, {"weight", 1}, {"direction", "cost"}}}},
                 {"items", {{{"id", "x"}, {"scores", {{"v", 10}, {"c", 10}}}}, {{"id", "y"}, {"scores", {{"v", 0}, {"c", 0}}}}}}};
  Json after = before;
  after["criteria"][0]["weight"] = 1;
  after["criteria"][1]["weight"] = 2;
  const Json out = diff(before, after);
  ASSERT_EQ(out["weights"].size(), 2u);
  EXPECT_EQ(out["weights"][0], Json({{"criterion", "v"}, {"before", 2.0}, {"after", 1.0}}));
  const Json& x = row_of(out, "x");
  EXPECT_EQ(x["before_rank"], 1);
  EXPECT_EQ(x["after_rank"], 2);
  EXPECT_DOUBLE_EQ(x["before_score"].get<double>(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(x["after_score"].get<double>(), 1.0 / 3.0);
  EXPECT_TRUE(x["moved_by"].empty());
  EXPECT_EQ(x["reason"], "criterion weights changed");
}

TEST(Diff, ProblemsInTheSecondDocumentAreUnderAfter) {
  const Json before = doc_with({item("a", 1)});
  Json bad = doc_with({item("a", 1)});
  bad["items"][0]["effort"] = 0;
  int code = -1;
  const Json out = run_json("diff", before.dump(), {{"after", bad.dump()}}, &code);
  EXPECT_EQ(code, 2);
  ASSERT_EQ(out["errors"].size(), 1u) << out.dump(2);
  EXPECT_EQ(out["errors"][0]["path"], "/after/items/0/effort");
  EXPECT_EQ(out["errors"][0]["message"], "must be greater than 0 (got 0)");

  const Json missing = run_json("diff", before.dump(), Json::object(), &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(missing["errors"][0]["path"], "options/after");
}

// Wide characters take two terminal columns: a Chinese title or an emoji must not push the
// score column out of line. "修复" and "abcd" are both four columns wide, so they get the same
// padding; "🐜ab" too.
TEST(RankTable, WideCharactersKeepColumnsAligned) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "rice"},
                    {"items", Json::array({{{"id", "a"}, {"title", "修复"}, {"reach", 30}, {"impact", 1}, {"confidence", 1}, {"effort", 1}},
                                           {{"id", "b"}, {"title", "abcd"}, {"reach", 20}, {"impact", 1}, {"confidence", 1}, {"effort", 1}},
                                           {{"id", "c"}, {"title", "\xF0\x9F\x90\x9C" "ab"}, {"reach", 10}, {"impact", 1}, {"confidence", 1}, {"effort", 1}}})}};
  const std::string table = gapscore::run_command("rank", doc.dump(), R"({"format": "table"})").output;
  auto padding_after = [&](const std::string& title) {
    const std::size_t at = table.find(title);
    EXPECT_NE(at, std::string::npos) << table;
    const std::size_t end = at + title.size();
    return table.substr(end, table.find_first_not_of(' ', end) - end).size();
  };
  EXPECT_EQ(padding_after("修复"), padding_after("abcd")) << table;
  EXPECT_EQ(padding_after("\xF0\x9F\x90\x9C" "ab"), padding_after("abcd")) << table;
}

namespace gapscore {
namespace {

// Issue 17 item 2: a weight change is a reason only for a model that reads weights, and an
// item that rose with nothing of its own changed names the item that dropped below it.
TEST(Diff, ReasonsAreTrueForTheModelInUse) {
  const Json before = {{"format", "gapscore/1"},
                       {"model", "rice"},
                       {"criteria", {{{"id", "x"}, {"weight", 1}}, {{"id", "y"}, {"weight", 1}}}},
                       {"items",
                        {{{"id", "a"}, {"reach", 100}, {"impact", 1}, {"confidence", 1}, {"effort", 1}, {"scores", {{"x", 1}, {"y", 3}}}},
                         {{"id", "b"}, {"reach", 50}, {"impact", 1}, {"confidence", 1}, {"effort", 1}, {"scores", {{"x", 2}, {"y", 2}}}},
                         {{"id", "c"}, {"reach", 10}, {"impact", 1}, {"confidence", 1}, {"effort", 1}, {"scores", {{"x", 3}, {"y", 1}}}}}}};
  Json after = before;
  after["criteria"][0]["weight"] = 5; // RICE reads no weights
  after["items"][0]["effort"] = 20;   // a drops from first to last: 100 / 20 = 5
  const Json out = run_json("diff", before.dump(), {{"after", after.dump()}});
  EXPECT_EQ(out["weights"].size(), 1u) << "the weight change is still listed";
  for (const Json& row : out["items"])
    EXPECT_NE(row["reason_code"], "weights_changed") << row.dump() << ": RICE reads no weights";
  const Json* b = nullptr;
  for (const Json& row : out["items"])
    if (row["id"] == "b") b = &row;
  ASSERT_NE(b, nullptr);
  EXPECT_EQ((*b)["change"], 1);
  EXPECT_EQ((*b)["reason"], "a dropped below it");
  EXPECT_EQ((*b)["reason_code"], "others_dropped_below");
  EXPECT_EQ((*b)["dropped_below"], Json::array({"a"}));
  EXPECT_EQ(out["items"][2]["reason_code"], "own_terms_changed");
  // Under the weighted model the same weight change is the reason: min-max, equal weights, all
  // three tie at 0.5 (a, b, c by id); x at 5 of 6: a 1/6, b 1/2, c 5/6, so c and a swap.
  const Json weighted = run_json("diff", before.dump(), {{"after", after.dump()}, {"model", "weighted"}});
  EXPECT_EQ(weighted["items"][0]["id"], "c");
  EXPECT_EQ(weighted["items"][0]["reason_code"], "weights_changed");
  EXPECT_EQ(weighted["items"][2]["id"], "a");
  EXPECT_EQ(weighted["items"][2]["reason_code"], "weights_changed");
}

// Under TOPSIS and the weighted scorecard without a fixed scale each criterion is normalized
// against every item, so changing one item's score moves every item's normalized terms. The
// reason must follow the item's own inputs: A's value 5 -> 10 is A's own change; B, C and D
// changed nothing and moved (if at all) because A crossed them.
TEST(Diff, OwnTermsAreTheItemsOwnInputsUnderRelativeNormalization) {
  for (const char* model : {"topsis", "weighted"}) {
    const Json before = {{"format", "gapscore/1"},
                         {"model", model},
                         {"criteria", {{{"id", "v"}, {"weight", 1}}, {{"id", "c"}, {"weight", 1}, {"direction", "cost"}}}},
                         {"items",
                          {{{"id", "a"}, {"scores", {{"v", 5}, {"c", 3}}}},
                           {{"id", "b"}, {"scores", {{"v", 4}, {"c", 2}}}},
                           {{"id", "c1"}, {"scores", {{"v", 3}, {"c", 1}}}},
                           {{"id", "d"}, {"scores", {{"v", 2}, {"c", 2}}}}}}};
    Json after = before;
    after["items"][0]["scores"]["v"] = 10;
    const Json out = run_json("diff", before.dump(), {{"after", after.dump()}});
    for (const Json& row : out["items"]) {
      SCOPED_TRACE(std::string(model) + " " + row.dump());
      if (row["id"] == "a") {
        EXPECT_EQ(row["moved_by"], Json::array({Json{{"term", "v"}, {"before", 5.0}, {"after", 10.0}}}));
        if (row["change"] != 0) {
          EXPECT_EQ(row["reason_code"], "own_terms_changed");
        }
      } else {
        EXPECT_EQ(row["moved_by"], Json::array());
        EXPECT_NE(row["reason_code"], "own_terms_changed");
      }
    }
  }
}

} // namespace
} // namespace gapscore

namespace gapscore {
namespace {

// The weighted scorecard's "why" compares contributions (weight share × normalized score).
// tests/fixtures/documents/uncertain_weighted.json at its likely values (hand-computed in
// sensitivity_test.cpp): onboarding leads sso on retention (2/6 × 1 vs 2/6 × 1/3) and cost
// (1/6 × 0.6 vs 1/6 × 0.2); sso leads on revenue (3/6 × 1 vs 3/6 × 0.5).
TEST(Explain, WhyComparesContributionsUnderTheWeightedScorecard) {
  const Json out = run_json("explain", test::document_text("uncertain_weighted.json"), {{"item", "onboarding"}});
  EXPECT_EQ(out["why"], "1st of 5 by Weighted scorecard. Above Single sign-on (2nd) mainly on Retention (contributing "
                        "0.333 vs 0.111) and Cost to build (contributing 0.1 vs 0.0333).");
  EXPECT_EQ(out["below"]["behind_on"][0]["measure"], "contribution");
  const Json sso = run_json("explain", test::document_text("uncertain_weighted.json"), {{"item", "sso"}});
  EXPECT_NE(sso["why"].get<std::string>().find("Below Guided onboarding (1st), which leads on Retention (contributing 0.333 "
                                               "vs 0.111) and Cost to build (contributing 0.1 vs 0.0333)."),
            std::string::npos)
      << sso["why"];
}

// Under WSJF (cost of delay / job size) the two are compared by ratio, as a product's factors
// are, and the cost of delay is named by its component that leads most, with the numbers as
// typed: the sentence never credits a component the other item has more of.
TEST(Explain, WhyUnderWsjfComparesCostOfDelayAndJobSize) {
  const std::string doc = R"({"format": "gapscore/1", "model": "wsjf", "items": [
    {"id": "a", "title": "A", "business_value": 2, "time_criticality": 20, "risk_reduction": 1, "job_size": 3},
    {"id": "b", "title": "B", "business_value": 2, "time_criticality": 5, "risk_reduction": 1, "job_size": 3}]})";
  const Json a = run_json("explain", doc, {{"item", "a"}});
  // (2 + 20 + 1) / 3 against (2 + 5 + 1) / 3: the same job size; A's cost of delay is 23 vs 8,
  // from time criticality, 20 vs 5.
  EXPECT_EQ(a["why"], "1st of 2 by WSJF. Above B (2nd) mainly on time criticality (20 vs 5).");
  EXPECT_EQ(a["below"]["behind_on"][0],
            Json({{"term", "time_criticality"}, {"name", "time criticality"}, {"measure", "value"},
                  {"this", 20.0}, {"other", 5.0}}));

  // (5 + 5 + 5) / 1 = 15 against (8 + 8 + 8) / 3 = 8: the small job leads although every
  // component of its cost of delay is lower. Job size decides (3x), and nothing else is named;
  // the contributions (5 vs 2.67 on business value) said business value (found by a review).
  const std::string small_big = R"({"format": "gapscore/1", "model": "wsjf", "items": [
    {"id": "small", "title": "Small", "business_value": 5, "time_criticality": 5, "risk_reduction": 5, "job_size": 1},
    {"id": "big", "title": "Big", "business_value": 8, "time_criticality": 8, "risk_reduction": 8, "job_size": 3}]})";
  const Json sm = run_json("explain", small_big, {{"item", "small"}});
  EXPECT_EQ(sm["why"], "1st of 2 by WSJF. Above Big (2nd) mainly on job size (1 vs 3).");
  const Json bg = run_json("explain", small_big, {{"item", "big"}});
  EXPECT_EQ(bg["why"], "2nd of 2 by WSJF. Below Small (1st), which leads on job size (1 vs 3).");

  // Both sides lead: (6 + 1 + 1) / 1 = 8 against (2 + 1 + 1) / 2 = 2. Cost of delay 8 vs 4 (2x),
  // job size 1 vs 2 (2x): on equal strengths the job size comes first (compared first).
  const std::string both = R"({"format": "gapscore/1", "model": "wsjf", "items": [
    {"id": "p", "title": "P", "business_value": 6, "time_criticality": 1, "risk_reduction": 1, "job_size": 1},
    {"id": "q", "title": "Q", "business_value": 2, "time_criticality": 1, "risk_reduction": 1, "job_size": 2}]})";
  EXPECT_EQ(run_json("explain", both, {{"item", "p"}})["why"],
            "1st of 2 by WSJF. Above Q (2nd) mainly on job size (1 vs 2) and business value (6 vs 2).");
}

// Under TOPSIS the compared numbers are weighted normalized values, not the scores as typed.
TEST(Explain, WhyNamesWeightedNormalizedValuesUnderTopsis) {
  const std::string doc = R"({"format": "gapscore/1", "model": "topsis",
    "criteria": [{"id": "v", "name": "Value", "weight": 1}],
    "items": [{"id": "a", "title": "A", "scores": {"v": 4}}, {"id": "b", "title": "B", "scores": {"v": 3}}]})";
  const Json a = run_json("explain", doc, {{"item", "a"}});
  // Vector normalization: 4/5 and 3/5, weight share 1.
  EXPECT_EQ(a["why"], "1st of 2 by TOPSIS. Above B (2nd) mainly on Value (weighted and normalized 0.8 vs 0.6).");
  EXPECT_EQ(a["below"]["behind_on"][0]["measure"], "weighted");
}

} // namespace
} // namespace gapscore

namespace gapscore::test {
namespace {
// Numbers in written-out arithmetic and reasons: `digits` significant digits, but never fewer
// than the whole part (72864.00000000001 with 3 read in full; 72900 would be wrong).
TEST(DisplayNumber, SignificantDigitsButTheWholePartKept) {
  EXPECT_EQ(display_number(0.1 * 3), "0.3");
  EXPECT_EQ(display_number(2.0 / 3, 3), "0.667");
  EXPECT_EQ(display_number(8.0 / 3, 3), "2.67");
  EXPECT_EQ(display_number(72864.00000000001, 3), "72864");
  EXPECT_EQ(display_number(18216.5, 3), "18217"); // rounded half up, away from zero
  EXPECT_EQ(display_number(-1234.4, 2), "-1234");
  EXPECT_EQ(display_number(1e20, 3), "1e+20");    // beyond 1e15: as number_text writes it
}
} // namespace
} // namespace gapscore::test

namespace gapscore::test {
namespace {
// A field term is named as describe names the field (the widget's column): "ICE impact", never
// "ice impact" beside a column that says "ICE impact" (found by a review of the change).
TEST(Explain, FieldTermsNamedAsDescribeNamesThem) {
  const std::string doc = R"({"format": "gapscore/1", "model": "ice", "items": [
    {"id": "a", "title": "A", "ice_impact": 8, "ice_confidence": 5, "ease": 5},
    {"id": "b", "title": "B", "ice_impact": 2, "ice_confidence": 5, "ease": 5}]})";
  const Json a = run_json("explain", doc, {{"item", "a"}});
  EXPECT_EQ(a["why"], "1st of 2 by ICE. Above B (2nd) mainly on ICE impact (8 vs 2).");
  EXPECT_EQ(a["below"]["behind_on"][0]["name"], "ICE impact");
}
} // namespace
} // namespace gapscore::test
