// A model added from outside the core, the way an extension (or a new built-in model) adds
// one: a ModelInfo and one register_model call. Every command, the engine and simulation
// must then offer it with nothing else changed (issue 16: "adding a model is one file and one
// registry line"). Its own test binary: registering changes the model list that other
// tests' golden outputs print.
#include <gtest/gtest.h>

#include <algorithm>

#include "gapscore/command.hpp"
#include "gapscore/engine.hpp"
#include "gapscore/models.hpp"
#include "scoring/criteria.hpp"
#include "scoring/model_explain.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::document_text;
using test::ranking_ids;
using test::run_json;

// "audience": people reached per person-month, reach / effort.
void score_audience(const Scenario& s, ScoreTable& t) {
  for (Field f : {Field::reach, Field::effort}) {
    t.term_names.emplace_back(field_name(f));
    t.terms.push_back(s.column(f));
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    t.value[i] = t.terms[0][i];
    t.score[i] = t.value[i] / t.terms[1][i];
  }
}
Json explain_audience(const Scenario&, const ScoreTable& t, std::size_t i) { return explain_product(t, i, 1); }

ModelInfo audience() {
  ModelInfo m;
  m.id = "audience";
  m.label = "Audience per effort";
  m.variant = "Reach per person-month (a test model)";
  m.formula = "reach / effort";
  m.source = "tests/extension/model_registry_test.cpp";
  m.required_fields = {Field::reach, Field::effort};
  m.score = score_audience;
  m.explain = explain_audience;
  m.value_term = "reach";
  return m;
}

// "strongest": a criteria model whose score is its best weighted criterion,
// max over c of (weight share × min-max normalized score): not linear in the weights.
void combine_strongest(const Scenario& s, ScoreTable& t) {
  t.term_weights = weight_shares(s.criteria);
  std::fill(t.score.begin(), t.score.end(), 0.0);
  for (std::size_t c = 0; c < t.terms.size(); ++c)
    for (std::size_t i = 0; i < t.score.size(); ++i)
      t.score[i] = std::max(t.score[i], t.term_weights[c] * t.terms[c][i]);
  t.value = t.score;
}
ModelInfo strongest();
void score_strongest(const Scenario& s, ScoreTable& t) { score_criteria(*find_model("strongest"), s, t); }
Json explain_strongest(const Scenario&, const ScoreTable& t, std::size_t i) {
  return Json{{"terms", Json::array()}, {"computation", "max = " + display_number(t.score[i])}};
}
ModelInfo strongest() {
  ModelInfo m;
  m.id = "strongest";
  m.label = "Strongest criterion";
  m.variant = "Best weighted criterion (a test model)";
  m.formula = "max over criteria of weight share × normalized score";
  m.source = "tests/extension/model_registry_test.cpp";
  m.needs_criteria = true;
  m.score = score_strongest;
  m.explain = explain_strongest;
  m.criterion_term = normalize_criterion;
  m.combine = combine_strongest;
  return m;
}

// x is best on a, y on b, z halfway on both (min-max: x = (1, 0), y = (0, 1), z = (0.5, 0.5)).
Json two_criteria(const Json& weight_a) {
  return {{"format", "gapscore/1"},
          {"model", "strongest"},
          {"criteria", {{{"id", "a"}, {"weight", weight_a}}, {{"id", "b"}, {"weight", 1}}}},
          {"items",
           {{{"id", "x"}, {"scores", {{"a", 10}, {"b", 0}}}},
            {{"id", "y"}, {"scores", {{"a", 0}, {"b", 10}}}},
            {{"id", "z"}, {"scores", {{"a", 5}, {"b", 5}}}}}}};
}

class ModelRegistry : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(register_model(audience()));
    ASSERT_TRUE(register_model(strongest()));
  }
};

TEST_F(ModelRegistry, RefusesADuplicateOrIncompleteModel) {
  EXPECT_FALSE(register_model(audience())) << "the id is taken";
  ModelInfo nameless = audience();
  nameless.id = "";
  EXPECT_FALSE(register_model(nameless));
  ModelInfo no_score = audience();
  no_score.id = "no-score";
  no_score.score = nullptr;
  EXPECT_FALSE(register_model(no_score));
  ModelInfo half = strongest();
  half.id = "half";
  half.combine = nullptr; // columns without a way to combine them
  EXPECT_FALSE(register_model(half));
  EXPECT_EQ(find_model("no-score"), nullptr);
}

TEST_F(ModelRegistry, IsListedAndKnownByItsEntry) {
  const ModelInfo* m = find_model("audience");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(find_model("audience"), m) << "one address for the life of the program";
  EXPECT_NE(model_list().find("audience"), std::string::npos);
  EXPECT_TRUE(find_model("strongest")->reads_weights());
  EXPECT_FALSE(m->reads_weights());
}

// Intercom's three projects (tests/fixtures/documents/intercom_rice.json) by reach / effort, by
// hand:
// project-1 450 / 2 = 225, project-2 2000 / 4 = 500, project-3 800 / 1 = 800.
TEST_F(ModelRegistry, RanksAndExplainsThroughTheCommands) {
  const std::string doc = document_text("intercom_rice.json");
  int code = -1;
  const Json ranked = run_json("rank", doc, {{"model", "audience"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_EQ(ranked["model"], "audience");
  EXPECT_EQ(ranked["variant"], "Reach per person-month (a test model)");
  EXPECT_EQ(ranking_ids(ranked), (std::vector<std::string>{"project-3", "project-2", "project-1"}));
  EXPECT_EQ(ranked["ranking"][0]["score"], 800.0);
  EXPECT_EQ(ranked["ranking"][2]["score"], 225.0);

  const Json explained = run_json("explain", doc, {{"model", "audience"}, {"item", "project-2"}}, &code);
  ASSERT_EQ(code, 0) << explained.dump(2);
  EXPECT_EQ(explained["computation"], "2000 / 4 = 500");
}

TEST_F(ModelRegistry, ItsMissingInputsAreNamed) {
  const Json doc = {{"format", "gapscore/1"}, {"items", {{{"id", "a"}, {"reach", 5}}}}};
  int code = -1;
  const Json out = run_json("validate", doc.dump(), {{"model", "audience"}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out["errors"][0]["path"], "/items/0/effort");
  EXPECT_EQ(out["errors"][0]["message"], "missing: model audience needs reach / effort");
}

// Capacity 5 person-months: project-2 + project-3 (effort 4 + 1, reach 2000 + 800 = 2800)
// beats every other set that fits (450 + 800 = 1250; 2 + 4 = 6 does not fit).
TEST_F(ModelRegistry, PlansWithItsValueTerm) {
  int code = -1;
  const Json plan = run_json("plan", document_text("intercom_rice.json"),
                             {{"model", "audience"}, {"capacity", 5}}, &code);
  ASSERT_EQ(code, 0) << plan.dump(2);
  EXPECT_EQ(plan["value_term"], "reach");
  EXPECT_EQ(plan["selected"], Json::array({"project-2", "project-3"}));
  EXPECT_EQ(plan["total_value"], 2800.0);
}

// Shares (0.5, 0.5): x = max(0.5 × 1, 0.5 × 0) = 0.5, y = 0.5, z = 0.25: x and y tie (id
// decides). Weight a = 3, shares (0.75, 0.25): x 0.75, z 0.375, y 0.25.
TEST_F(ModelRegistry, TheEngineRecombinesItsColumnsOnAWeightChange) {
  Engine e;
  ASSERT_TRUE(e.load(two_criteria(1).dump())) << e.last_errors();
  ASSERT_TRUE(e.rank()) << e.last_errors();
  EXPECT_EQ(e.scenario().items[e.order_data()[0]].id, "x");
  EXPECT_EQ(e.table().score[2], 0.25);
  ASSERT_TRUE(e.set_weight("a", 3));
  ASSERT_TRUE(e.rank()) << e.last_errors();
  std::vector<std::string> now;
  for (std::size_t k = 0; k < 3; ++k) now.push_back(e.scenario().items[e.order_data()[k]].id);
  EXPECT_EQ(now, (std::vector<std::string>{"x", "z", "y"}));
  EXPECT_EQ(e.table().score[0], 0.75);
  EXPECT_EQ(e.table().score[2], 0.375);
  // The fast path gives what a fresh rank of the edited document gives.
  const Json fresh = run_json("rank", e.document_json(), Json::object());
  EXPECT_EQ(ranking_ids(fresh), now);
}

// Weight a drawn from the triangular range (0, 1, 3), b fixed at 1: x is first exactly when
// w_a > 1, y when w_a < 1, z never (its best share is half the leader's). For a triangular
// (low 0, mode 1, high 3), P(w <= 1) = (1 - 0)² / ((3 - 0)(1 - 0)) = 1/3, so x is first in
// 2/3 of the runs and y in 1/3.
TEST_F(ModelRegistry, SimulatesDrawnWeightsThroughItsCombine) {
  const std::string doc = two_criteria({{"low", 0}, {"likely", 1}, {"high", 3}}).dump();
  int code = -1;
  const Json sim = run_json("simulate", doc, {{"runs", 20000}, {"seed", 5}}, &code);
  ASSERT_EQ(code, 0) << sim.dump(2);
  EXPECT_EQ(sim["model"], "strongest");
  double x_first = 0, y_first = 0, z_first = 1;
  for (const Json& row : sim["items"]) {
    const double first = row["rank_probabilities"][0];
    if (row["id"] == "x") x_first = first;
    if (row["id"] == "y") y_first = first;
    if (row["id"] == "z") z_first = first;
  }
  EXPECT_NEAR(x_first, 2.0 / 3, 0.015);
  EXPECT_NEAR(y_first, 1.0 / 3, 0.015);
  EXPECT_EQ(z_first, 0.0);
  EXPECT_EQ(run_json("simulate", doc, {{"runs", 20000}, {"seed", 5}}), sim) << "same seed, same numbers";
}

} // namespace
} // namespace gapscore
