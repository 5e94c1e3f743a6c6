// What-if scenarios (core/src/whatif/scenario_variants.hpp) and the `compare` command.
#include "whatif/scenario_variants.hpp"

#include <gtest/gtest.h>

#include <map>

#include "gapscore/load.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::document_json;
using test::load;
using test::run_json;

Json fixture() { return document_json("uncertain_weighted.json"); }

/// The error paths reported for `doc`'s scenarios.
std::vector<std::string> error_paths(const Json& doc, Diagnostics* out = nullptr) {
  Diagnostics d;
  scenario_variants(load(doc), d);
  std::vector<std::string> paths;
  for (const auto& p : d.errors()) paths.push_back(p.path);
  if (out) *out = d;
  return paths;
}

TEST(Scenarios, ReadsTheList) {
  Diagnostics d;
  const auto v = scenario_variants(load(fixture()), d);
  EXPECT_TRUE(d.ok());
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].id, "sales");
  EXPECT_EQ(v[0].name, "What if sales' weights ruled?");
  EXPECT_EQ(v[1].id, "cheap-sso");
  EXPECT_EQ(v[1].index, 1u);
}

TEST(Scenarios, ApplyingAVariantChangesOnlyWhatItSays) {
  Json doc = fixture();
  doc["scenarios"].push_back({{"id", "mixed"},
                              {"changes",
                               {{{"weight", "cost"}, {"value", 4}},
                                {{"item", "export"}, {"field", "scores.revenue"}, {"value", {{"low", 1}, {"likely", 2}, {"high", 6}}}},
                                {{"item", "sso"}, {"field", "effort"}, {"value", 3}},
                                {{"weight", "cost"}, {"value", 5}}, // a later change wins
                                {{"model", "topsis"}}}}});
  const Scenario base = load(doc);
  const Json v = apply_variant(base, "mixed");
  EXPECT_EQ(v["criteria"][2]["weight"], 5);
  EXPECT_EQ(v["items"][2]["scores"]["revenue"]["high"], 6);
  EXPECT_EQ(v["items"][0]["effort"], 3);
  EXPECT_EQ(v["model"], "topsis");
  EXPECT_EQ(base.source.json(), doc); // the base is untouched
  EXPECT_EQ(apply_variant(base, "base"), doc);

  Diagnostics d;
  auto s = load_variant(base, "mixed", d);
  ASSERT_TRUE(s.has_value()) << d.errors_document().dump();
  EXPECT_EQ(s->criteria[2].weight, 5);
  EXPECT_EQ(s->model, "topsis");
  EXPECT_EQ(s->scores[0][2], 2); // likely value; the range is recorded
  bool ranged = false;
  for (const auto& u : s->uncertain)
    ranged |= u.target == UncertainInput::Target::score && u.item == 2 && u.column == 0 && u.high == 6;
  EXPECT_TRUE(ranged);
  // A weight change replaces a range with a number: no range is left on it.
  Json sales = fixture();
  auto sv = load_variant(load(sales), "sales", d);
  ASSERT_TRUE(sv.has_value());
  for (const auto& u : sv->uncertain) EXPECT_FALSE(u.target == UncertainInput::Target::weight && u.column == 0);
}

TEST(Scenarios, EveryProblemIsReportedAtItsPath) {
  Json doc = fixture();
  doc["scenarios"] = {
      {{"id", "base"}, {"changes", Json::array()}},
      {{"id", "x"}, {"changes", {{{"weight", "speed"}, {"value", 1}}, {{"item", "nope"}, {"field", "effort"}, {"value", 1}},
                                 {{"item", "sso"}, {"field", "colour"}, {"value", 1}},
                                 {{"item", "sso"}, {"field", "scores.speed"}, {"value", 1}},
                                 {{"item", "sso"}, {"field", "effort"}},
                                 {{"model", "magic"}},
                                 {{"weight", "cost"}, {"model", "rice"}},
                                 {{"weight", "cost"}, {"value", "high"}},
                                 Json::array()}}},
      {{"id", "x"}, {"changes", Json::array()}},
      {{"name", "no id"}, {"changes", Json::array()}},
      {{"id", "no-changes"}},
  };
  EXPECT_EQ(error_paths(doc), (std::vector<std::string>{
                                  "/scenarios/0/id",
                                  "/scenarios/1/changes/0/weight",
                                  "/scenarios/1/changes/1/item",
                                  "/scenarios/1/changes/2/field",
                                  "/scenarios/1/changes/3/field",
                                  "/scenarios/1/changes/4/value",
                                  "/scenarios/1/changes/5/model",
                                  "/scenarios/1/changes/6",
                                  "/scenarios/1/changes/7/value",
                                  "/scenarios/1/changes/8",
                                  "/scenarios/2/id",
                                  "/scenarios/3/id",
                                  "/scenarios/4/changes",
                              }));
  doc["scenarios"] = "not a list";
  EXPECT_EQ(error_paths(doc), std::vector<std::string>{"/scenarios"});
}

TEST(Scenarios, ValuesAreCheckedByTheFormatsRulesAtTheChange) {
  Json doc = fixture();
  doc["scenarios"] = {{{"id", "bad"},
                       {"changes",
                        {{{"item", "sso"}, {"field", "effort"}, {"value", 0}},
                         {{"weight", "revenue"}, {"value", -1}},
                         {{"item", "export"}, {"field", "confidence"}, {"value", {{"low", 0.9}, {"likely", 0.5}, {"high", 1}}}},
                         {{"item", "onboarding"}, {"field", "reach"}, {"value", {{"low", -1}, {"likely", 5}, {"high", 9}}}}}}}};
  const Scenario base = load(doc);
  Diagnostics d;
  EXPECT_FALSE(load_variant(base, "bad", d).has_value());
  // Reported in the order the document is read (criteria before items), each at its change.
  std::map<std::string, std::string> got;
  for (const auto& p : d.errors()) got[p.path] = p.message;
  EXPECT_EQ(got.size(), 4u) << d.errors_document().dump(2);
  EXPECT_EQ(got["/scenarios/0/changes/0/value"], "must be greater than 0 (got 0)");
  EXPECT_EQ(got["/scenarios/0/changes/1/value"], "must be at least 0 (got -1)");
  EXPECT_TRUE(got.count("/scenarios/0/changes/2/value"));
  EXPECT_TRUE(got.count("/scenarios/0/changes/3/value/low"));
  // Through a command: exit code 2, the same paths.
  int code = 0;
  const Json out = run_json("compare", doc.dump(), {{"a", "base"}, {"b", "bad"}}, &code);
  EXPECT_EQ(code, kInputError);
  ASSERT_EQ(out["errors"].size(), 4u);
  for (const auto& e : out["errors"]) EXPECT_TRUE(got.count(e["path"].get<std::string>())) << e.dump();
}

// The "sales" scenario sets revenue 6, retention 1 (cost stays 1); by hand, from the
// normalized values in sensitivity_test.cpp, the weighted sums over 8 are:
//   sso 6 + 1/3 + 0.2 = 6.53, audit-log 5, onboarding 3 + 1 + 0.6 = 4.6, export 2.5,
//   dark-mode 2/3 + 0.8 = 1.47   (base: onboarding 1, sso 2, audit-log 3, export 4, dark-mode 5)
TEST(Compare, RankDeltasAndTheTopN) {
  const Json out = run_json("compare", fixture().dump(), {{"a", "base"}, {"b", "sales"}, {"top", 2}});
  ASSERT_TRUE(out.contains("items")) << out.dump(2);
  EXPECT_EQ(out["a"]["id"], "base");
  EXPECT_EQ(out["b"]["name"], "What if sales' weights ruled?");
  EXPECT_EQ(out["model"], "weighted");
  const Json& items = out["items"];
  const char* order[] = {"sso", "audit-log", "onboarding", "export", "dark-mode"};
  const int before[] = {2, 3, 1, 4, 5};
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(items[k]["id"], order[k]);
    EXPECT_EQ(items[k]["after_rank"], k + 1);
    EXPECT_EQ(items[k]["before_rank"], before[k]);
    EXPECT_EQ(items[k]["change"], before[k] - (k + 1));
    EXPECT_EQ(items[k]["reason"], before[k] == k + 1 ? "unchanged" : "criterion weights changed");
  }
  EXPECT_EQ(out["entered_top"], Json::array({"audit-log"}));
  EXPECT_EQ(out["left_top"], Json::array({"onboarding"}));
  ASSERT_EQ(out["weights"].size(), 2u);
  EXPECT_EQ(out["weights"][0], (Json{{"criterion", "revenue"}, {"before", 3.0}, {"after", 6.0}}));
}

// "cheap-sso": SSO's cost score 5 -> 2. Cost is min-max normalized and reversed over
// 1..6, so its term goes from (6-5)/5 = 0.2 to (6-2)/5 = 0.8, and SSO passes onboarding.
// moved_by names the item's own input as typed (5 -> 2), not the normalized term, which
// also moves when another item's score changes the range.
TEST(Compare, TheTermsThatMovedAnItem) {
  const Json out = run_json("compare", fixture().dump(), {{"a", "base"}, {"b", "cheap-sso"}});
  const Json& sso = out["items"][0];
  EXPECT_EQ(sso["id"], "sso");
  EXPECT_EQ(sso["change"], 1);
  EXPECT_EQ(sso["reason"], "its own terms changed");
  ASSERT_EQ(sso["moved_by"].size(), 1u);
  EXPECT_EQ(sso["moved_by"][0]["term"], "cost");
  EXPECT_EQ(sso["moved_by"][0]["before"], 5.0);
  EXPECT_EQ(sso["moved_by"][0]["after"], 2.0);
  EXPECT_EQ(out["items"][1]["reason"], "sso moved past it");
  EXPECT_EQ(out["items"][1]["reason_code"], "others_moved_past");
  EXPECT_EQ(out["weights"], Json::array());
}

TEST(Compare, TwoVariantsAndAModelChange) {
  Json doc = fixture();
  doc["scenarios"].push_back({{"id", "closeness"}, {"name", "TOPSIS instead"}, {"changes", {{{"model", "topsis"}}}}});
  const Json out = run_json("compare", doc.dump(), {{"a", "sales"}, {"b", "closeness"}});
  EXPECT_EQ(out["a"]["model"], "weighted");
  EXPECT_EQ(out["b"]["model"], "topsis");
  EXPECT_FALSE(out.contains("model")); // no single model to name
  bool model_reason = false;
  for (const auto& item : out["items"]) model_reason |= item["reason"] == "the model changed";
  EXPECT_TRUE(model_reason) << out.dump(2);
  // --model ranks both sides by one model.
  const Json same = run_json("compare", doc.dump(), {{"a", "sales"}, {"b", "closeness"}, {"model", "weighted"}});
  EXPECT_EQ(same["model"], "weighted");
  // A scenario against itself: nothing moves.
  const Json self = run_json("compare", doc.dump(), {{"a", "sales"}, {"b", "sales"}});
  for (const auto& item : self["items"]) EXPECT_EQ(item["reason"], "unchanged");
}

TEST(Compare, UnknownOrMissingScenarioIsAUsageError) {
  int code = 0;
  Json out = run_json("compare", fixture().dump(), {{"a", "base"}, {"b", "marketing"}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/b");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("choose base, sales, cheap-sso"), std::string::npos);
  out = run_json("compare", fixture().dump(), {{"b", "sales"}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/a");
  out = run_json("simulate", fixture().dump(), {{"scenario", "marketing"}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/scenario");
}

TEST(Compare, TableRendering) {
  const auto r = run_command("compare", fixture().dump(), Json{{"a", "base"}, {"b", "sales"}, {"top", 2}, {"format", "table"}}.dump());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("entered the top 2: audit-log"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("sso"), std::string::npos);
}

} // namespace
} // namespace gapscore
