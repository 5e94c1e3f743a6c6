// `describe` (issue 17): the engine says what a document offers, so the widget never re-derives
// a rule from the raw JSON or from a message's English. Each fact here is one the widget used
// to guess: the model list (parsed from "(choose ...)"), which models work, their inputs, the
// weights in use with weights_from, the presets, the views, the default top, typo hints.
#include <gtest/gtest.h>

#include <algorithm>

#include "gapscore/engine.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::document_text;
using test::find_by_id;
using test::ids_of;
using test::read_file;
using test::run_json;

TEST(Describe, TheDemoBacklog) {
  int code = -1;
  const Json d = run_json("describe", read_file("demo/health-app.json"), Json::object(), &code);
  ASSERT_EQ(code, 0) << d.dump(2);
  EXPECT_EQ(d["items"], 30);
  EXPECT_EQ(d["model"], "rice");
  EXPECT_EQ(d["top"], 10) << "the document sets no top: the default";
  EXPECT_EQ(d["top_given"], false);
  // Every registered model, in the registry's order, with its label.
  EXPECT_EQ(ids_of(d["models"]),
            (std::vector<std::string>{"rice", "ice", "wsjf", "value_effort", "weighted", "topsis", "gap", "stakeholder"}));
  EXPECT_EQ((*find_by_id(d["models"], "weighted"))["label"], "Weighted scorecard");
  EXPECT_EQ((*find_by_id(d["models"], "weighted"))["reads_weights"], true);
  EXPECT_EQ((*find_by_id(d["models"], "rice"))["reads_weights"], false);
  // RICE's inputs are its four fields.
  EXPECT_EQ(ids_of((*find_by_id(d["models"], "rice"))["inputs"]),
            (std::vector<std::string>{"reach", "impact", "confidence", "effort"}));
  // Each field input names the field as people call it (the widget's column labels): ICE's two
  // for their model, "Ice impact" before; the id stays the JSON name.
  const Json& ice = (*find_by_id(d["models"], "ice"))["inputs"];
  EXPECT_EQ(ice[0], Json({{"kind", "field"}, {"id", "ice_impact"}, {"name", "ICE impact"}}));
  EXPECT_EQ(ice[1]["name"], "ICE confidence");
  EXPECT_EQ((*find_by_id(d["models"], "wsjf"))["inputs"][1]["name"], "time criticality");
  // The effort criterion reads each item's effort (issue 17 item 3).
  const Json& effort = *find_by_id(d["criteria"], "effort");
  EXPECT_EQ(effort["source"], "field");
  EXPECT_EQ(effort["field"], "effort");
  EXPECT_EQ((*find_by_id(d["criteria"], "compliance"))["weight_is_range"], true);
  // Sensitivity works with the weighted model only (TOPSIS has no exact interval): the view
  // says so instead of offering a tab that fails.
  const Json* sensitivity = find_by_id(d["views"], "sensitivity");
  ASSERT_NE(sensitivity, nullptr);
  EXPECT_EQ((*sensitivity)["models"], Json::array({"weighted"}));
  ASSERT_NE(find_by_id(d["views"], "matrix"), nullptr);
  EXPECT_EQ((*find_by_id(d["views"], "matrix"))["models"], Json::array({"value_effort"}));
  for (const char* view : {"ranking", "compare", "gaps", "agreement", "uncertainty", "evidence"})
    EXPECT_NE(find_by_id(d["views"], view), nullptr) << view;
  // Presets: each stakeholder's weights (the document's where they give none), and AHP.
  ASSERT_FALSE(d["weight_sets"].empty());
  const Json& ahp = d["weight_sets"].back();
  EXPECT_EQ(ahp["kind"], "ahp");
  double total = 0;
  for (const auto& [id, w] : ahp["weights"].items()) total += w.get<double>();
  EXPECT_NEAR(total, 1, 1e-12) << "AHP priorities are shares";
}

// With "weights_from": "ahp" the weights in use are the AHP priorities (Wikipedia's "choosing a
// leader" example, tests/fixtures/documents/ahp_wikipedia_leader.json), not the numbers in the criteria.
TEST(Describe, WeightsInUseWithWeightsFromAhp) {
  const Json d = run_json("describe", document_text("ahp_wikipedia_leader.json"));
  EXPECT_EQ(d["weights_from"], "ahp");
  const Json ahp = run_json("ahp", document_text("ahp_wikipedia_leader.json"));
  for (const Json& c : d["criteria"]) {
    EXPECT_EQ(c["weight_from"], "ahp");
    EXPECT_EQ(c["weight"], ahp["weights"][c["id"].get<std::string>()]) << c.dump();
  }
}

// A misspelt required field: no model can rank, and describe says which field each model
// misses, that no view works, and which known field the misspelling is a typo of.
TEST(Describe, ADocumentNoModelCanRank) {
  const std::string doc = R"({"format": "gapscore/1", "mosocw": 1, "items": [
    {"id": "a", "reach": 10, "impact": 1, "confidence": 0.5, "efort": 2}]})";
  int code = -1;
  const Json d = run_json("describe", doc, Json::object(), &code);
  ASSERT_EQ(code, 0) << d.dump(2);
  EXPECT_TRUE(std::none_of(d["models"].begin(), d["models"].end(), [](const Json& m) { return m["usable"] == true; }));
  const Json& rice = *find_by_id(d["models"], "rice");
  EXPECT_EQ(rice["problems"][0]["path"], "/items/0/effort");
  EXPECT_EQ(rice["problems"][0]["code"], "missing_input");
  EXPECT_TRUE(d["views"].empty());
  bool typo = false;
  for (const Json& w : d["warnings"])
    typo = typo || (w["path"] == "/items/0/efort" && w["code"] == "unknown_field" && w["suggestion"] == "effort");
  EXPECT_TRUE(typo) << d["warnings"].dump(2);
}

TEST(Describe, MisspeltMoscowIsWarnedWithItsSuggestion) {
  const Json d = run_json("describe", R"({"format": "gapscore/1", "items": [
    {"id": "a", "reach": 10, "impact": 1, "confidence": 0.5, "effort": 2, "mosocw": "must"}]})");
  ASSERT_EQ(d["warnings"].size(), 1u) << d.dump(2);
  EXPECT_EQ(d["warnings"][0]["suggestion"], "moscow");
}

TEST(Describe, TheDefaultTopIsTheDocumentsElseTenAtMostTheItems) {
  Json doc = Json::parse(document_text("intercom_rice.json"));
  EXPECT_EQ(run_json("describe", doc.dump())["top"], 3) << "ten, but there are three items";
  doc["top"] = 2;
  EXPECT_EQ(run_json("describe", doc.dump())["top"], 2);
}

// Engine::describe_json is the command's bytes, for the document the engine holds; an edit
// shows in it (a weight set by hand is the weight in use).
TEST(Describe, TheEngineDescribesWhatItHoldsInTheCommandsBytes) {
  const std::string text = read_file("demo/health-app.json");
  Engine e;
  ASSERT_TRUE(e.load(text));
  EXPECT_EQ(e.describe_json(), run_command("describe", text, "").output);
  ASSERT_TRUE(e.set_weight("risk", 7));
  const Json d = Json::parse(e.describe_json());
  EXPECT_EQ((*find_by_id(d["criteria"], "risk"))["weight"], 7);
  EXPECT_EQ(e.describe_json(), run_command("describe", e.document_json(), "").output);
}

// After a model is chosen on a document that named none, the document names it: describe
// says model_given, as the command does on the edited document.
TEST(Describe, AChosenModelIsGiven) {
  Json doc = Json::parse(read_file("demo/health-app.json"));
  doc.erase("model");
  Engine e;
  ASSERT_TRUE(e.load(doc.dump()));
  EXPECT_EQ(Json::parse(e.describe_json())["model_given"], false);
  ASSERT_TRUE(e.set_model("ice"));
  ASSERT_TRUE(e.set_field("dark-mode", "effort", 2));
  EXPECT_EQ(Json::parse(e.describe_json())["model_given"], true);
  EXPECT_EQ(e.describe_json(), run_command("describe", e.document_json(), "").output);
}

} // namespace
} // namespace gapscore
