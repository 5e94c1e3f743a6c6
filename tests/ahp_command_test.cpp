// gapscore ahp through run_command, and AHP weights feeding the weighted model
// ("weights_from": "ahp"): Saaty's published examples (the ones tests/ahp_test.cpp checks on
// the bare function, here as documents), the inconsistency warning, and input errors.
#include <gtest/gtest.h>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_json;
using gapscore::test::document_text;
using gapscore::test::has_problem;
using gapscore::test::problems;
using gapscore::test::run_json;

namespace {

Json ahp(const Json& doc, int* code, Json options = Json::object()) {
  return run_json("ahp", doc.dump(), std::move(options), code);
}

/// Four criteria a b c d judged 8 : 4 : 2 : 1 consistently: every pair r = w_a / w_b.
Json consistent_four() {
  Json doc = {{"format", "gapscore/1"},
              {"criteria", Json::array({{{"id", "a"}}, {{"id", "b"}}, {{"id", "c"}}, {{"id", "d"}}})},
              {"items", Json::array({{{"id", "x"}}})},
              {"ahp",
               {{"criteria", {"a", "b", "c", "d"}},
                {"comparisons", Json::array({Json::array({"a", "b", 2}), Json::array({"a", "c", 4}),
                                             Json::array({"a", "d", 8}), Json::array({"b", "c", 2}),
                                             Json::array({"b", "d", 4}), Json::array({"c", "d", 2})})}}}};
  return doc;
}

} // namespace

// Saaty, "How to make a decision: The Analytic Hierarchy Process", EJOR 48 (1990) 9-26,
// choosing a house. Published: priorities .173 .054 .188 .018 .031 .036 .167 .333,
// lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169, so the judgements are inconsistent.
TEST(AhpCommand, Saaty1990HouseExample) {
  int code = -1;
  const Json out = ahp(document_json("ahp_saaty1990_house.json"), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const std::pair<const char*, double> published[] = {
      {"size", .173}, {"transportation", .054}, {"neighbourhood", .188}, {"age", .018},
      {"yard", .031}, {"modern", .036},         {"condition", .167},     {"financing", .333}};
  double total = 0;
  for (const auto& [id, w] : published) {
    EXPECT_NEAR(out["weights"][id].get<double>(), w, 0.0005) << id;
    total += out["weights"][id].get<double>();
  }
  EXPECT_NEAR(total, 1.0, 1e-15);
  EXPECT_NEAR(out["lambda_max"].get<double>(), 9.669, 0.0005);
  EXPECT_NEAR(out["ci"].get<double>(), 0.238, 0.0005);
  EXPECT_NEAR(out["cr"].get<double>(), 0.169, 0.0005);
  EXPECT_EQ(out["random_index"], 1.41);
  EXPECT_EQ(out["consistent"], false);
  EXPECT_EQ(out["applied_to_criteria"], false);

  // Every one of the 28 judgements, most inconsistent first, each pointing at its comparison.
  const Json& j = out["judgements"];
  ASSERT_EQ(j.size(), 28u);
  for (std::size_t k = 1; k < j.size(); ++k)
    EXPECT_GE(j[k - 1]["inconsistency"].get<double>(), j[k]["inconsistency"].get<double>());
  for (const auto& x : j) {
    const double given = x["given"], implied = x["implied"], inc = x["inconsistency"];
    EXPECT_NEAR(inc, std::max(given / implied, implied / given), 1e-12);
    const double wa = out["weights"][x["a"].get<std::string>()], wb = out["weights"][x["b"].get<std::string>()];
    EXPECT_NEAR(implied, wa / wb, 1e-12);
  }
  // The warning names the three worst judgements, by comparison path, and says CR > 0.1.
  const std::string warning = out["warning"];
  EXPECT_NE(warning.find("CR = 0.169"), std::string::npos) << warning;
  for (int k = 0; k < 3; ++k) EXPECT_NE(warning.find(j[k]["comparison"].get<std::string>()), std::string::npos) << warning;
  EXPECT_TRUE(has_problem(out["warnings"], "/ahp/comparisons", "contradict")) << problems(out);
}

// Saaty, "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1)
// (2008) 83-98, drink consumption in the US: .177 .019 .042 .116 .190 .129 .327. The fixture
// writes some pairs reversed ([b, a, 1/r]) and 1/3 as a decimal: the result must not change.
TEST(AhpCommand, Saaty2008DrinksWithPairsInEitherOrder) {
  int code = -1;
  const Json out = ahp(document_json("ahp_saaty2008_drinks.json"), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const std::pair<const char*, double> published[] = {{"coffee", .177}, {"wine", .019}, {"tea", .042},
                                                      {"beer", .116},   {"sodas", .190}, {"milk", .129},
                                                      {"water", .327}};
  for (const auto& [id, w] : published) EXPECT_NEAR(out["weights"][id].get<double>(), w, 0.0005) << id;
  EXPECT_EQ(out["consistent"], true);
  EXPECT_LE(out["cr"].get<double>(), 0.1);
  EXPECT_FALSE(out.contains("warning"));
  // A judgement is reported the way it was written: ["water", "coffee", 2].
  bool found = false;
  for (const auto& x : out["judgements"])
    if (x["comparison"] == "/ahp/comparisons/5") {
      found = true;
      EXPECT_EQ(x["a"], "water");
      EXPECT_EQ(x["b"], "coffee");
      EXPECT_EQ(x["given"], 2.0);
    }
  EXPECT_TRUE(found);
}

// Wikipedia, "Analytic hierarchy process - leader example": criteria weights .547 .127 .270
// .056 from the pairwise comparisons; with the article's local priorities as the candidates'
// scores (normalization none), the weighted model's scores are the article's overall
// priorities Tom .358, Dick .493, Harry .149 (checked to one unit in the last place, as in
// tests/ahp_test.cpp).
TEST(AhpCommand, WeightsFromAhpFeedTheWeightedModel) {
  int code = -1;
  const Json doc = document_json("ahp_wikipedia_leader.json");
  const Json out = run_json("rank", doc.dump(), {{"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  ASSERT_EQ(out["ranking"].size(), 3u);
  EXPECT_EQ(out["ranking"][0]["id"], "dick");
  EXPECT_NEAR(out["ranking"][0]["score"].get<double>(), .493, 0.001);
  EXPECT_EQ(out["ranking"][1]["id"], "tom");
  EXPECT_NEAR(out["ranking"][1]["score"].get<double>(), .358, 0.001);
  EXPECT_EQ(out["ranking"][2]["id"], "harry");
  EXPECT_NEAR(out["ranking"][2]["score"].get<double>(), .149, 0.001);

  const Json ex = run_json("explain", doc.dump(), {{"item", "dick"}}, &code);
  ASSERT_EQ(code, 0) << ex.dump(2);
  EXPECT_NEAR(ex["terms"][0]["weight"].get<double>(), .547, 0.001); // experience

  const Json a = ahp(doc, &code);
  ASSERT_EQ(code, 0) << a.dump(2);
  EXPECT_EQ(a["applied_to_criteria"], true);
  EXPECT_EQ(a["consistent"], true);
  EXPECT_EQ(ex["terms"][0]["weight"], a["weights"]["experience"]); // the same number, not a copy
}

TEST(AhpCommand, WeightsFromAhpOverridesGivenWeightsAndRangesWithAWarning) {
  Json doc = document_json("ahp_wikipedia_leader.json");
  doc["criteria"][0]["weight"] = 10;
  doc["criteria"][1]["weight"] = {{"low", 1}, {"likely", 2}, {"high", 3}};
  int code = -1;
  const Json out = run_json("rank", doc.dump(), {{"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["ranking"][0]["id"], "dick");
  EXPECT_NEAR(out["ranking"][0]["score"].get<double>(), .493, 0.001);
  EXPECT_TRUE(has_problem(out["warnings"], "/criteria/0/weight", "AHP priority")) << problems(out);
  EXPECT_TRUE(has_problem(out["warnings"], "/criteria/1/weight", "AHP priority")) << problems(out);
  const Json v = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(v["uncertain_inputs"], 0); // the range no longer applies
}

// 8 : 4 : 2 : 1 judged consistently, except a vs d entered the wrong way round (1/8 for 8):
// that judgement must be named first (the same case tests/ahp_test.cpp checks on the matrix).
TEST(AhpCommand, NamesTheReversedJudgementFirst) {
  Json doc = consistent_four();
  int code = -1;
  Json out = ahp(doc, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(out["weights"]["a"].get<double>(), 8.0 / 15, 1e-15);
  EXPECT_NEAR(out["cr"].get<double>(), 0.0, 1e-13);
  EXPECT_EQ(out["consistent"], true);

  doc["ahp"]["comparisons"][2] = Json::array({"a", "d", "1/8"});
  out = ahp(doc, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["consistent"], false);
  EXPECT_EQ(out["judgements"][0]["comparison"], "/ahp/comparisons/2");
  EXPECT_EQ(out["judgements"][0]["given"], 0.125);
  const std::string warning = out["warning"];
  const std::size_t list = warning.find("revisit first: ");
  ASSERT_NE(list, std::string::npos) << warning;
  const std::size_t first_end = warning.find(';', list); // the judgements are separated by ';'
  EXPECT_EQ(warning.find("a vs d judged 1/8", list), list + 15) << warning; // named first
  EXPECT_LT(warning.find("(/ahp/comparisons/2)", list), first_end) << warning;

  // With weights_from the loader warns too, so every command that ranks says it.
  doc["weights_from"] = "ahp";
  doc["model"] = "weighted";
  doc["items"][0]["scores"] = {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}};
  const Json ranked = run_json("rank", doc.dump(), {{"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_TRUE(has_problem(ranked["warnings"], "/ahp/comparisons", "a vs d judged 1/8")) << problems(ranked);
}

TEST(AhpCommand, InputErrorsNameTheComparison) {
  struct Case {
    const char* what;
    Json comparison; // replaces /ahp/comparisons/3 (["b", "c", 2])
    const char* path;
    const char* words;
  } cases[] = {
      {"self pair", Json::array({"b", "b", 1}), "/ahp/comparisons/3", "with itself"},
      {"unknown criterion", Json::array({"b", "speed", 2}), "/ahp/comparisons/3/1", "no criterion \"speed\""},
      {"above 9", Json::array({"b", "c", 10}), "/ahp/comparisons/3/2", "between 1/9 and 9"},
      {"below 1/9", Json::array({"b", "c", 0.1}), "/ahp/comparisons/3/2", "between 1/9 and 9"},
      {"zero", Json::array({"b", "c", 0}), "/ahp/comparisons/3/2", "between 1/9 and 9"},
      {"negative", Json::array({"b", "c", -2}), "/ahp/comparisons/3/2", "between 1/9 and 9"},
      {"text", Json::array({"b", "c", "twice"}), "/ahp/comparisons/3/2", "fraction like \"1/3\""},
      {"not a triple", Json::array({"b", "c"}), "/ahp/comparisons/3", "must be [a, b, r]"},
      {"not text", Json::array({1, "c", 2}), "/ahp/comparisons/3/0", "must be a criterion id"},
  };
  for (const Case& c : cases) {
    Json doc = consistent_four();
    doc["ahp"]["comparisons"][3] = c.comparison;
    int code = -1;
    const Json out = ahp(doc, &code);
    EXPECT_EQ(code, 2) << c.what;
    EXPECT_TRUE(has_problem(out["errors"], c.path, c.words)) << c.what << "\n" << problems(out);
  }
  // 0.11 stands for 1/9 (rounded decimals are accepted within 1 %).
  Json doc = consistent_four();
  doc["ahp"]["comparisons"][3] = Json::array({"b", "c", 0.11});
  int code = -1;
  ahp(doc, &code);
  EXPECT_EQ(code, 0);
}

TEST(AhpCommand, MissingAndDuplicatePairs) {
  int code = -1;
  Json doc = consistent_four();
  doc["ahp"]["comparisons"].erase(5); // c vs d
  doc["ahp"]["comparisons"].erase(1); // a vs c
  Json out = ahp(doc, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/ahp/comparisons", "missing 2 comparisons: a vs c, c vs d")) << problems(out);

  // The same pair again in the other order is a contradiction waiting to happen: an error.
  doc = consistent_four();
  doc["ahp"]["comparisons"].push_back(Json::array({"c", "a", "1/4"}));
  out = ahp(doc, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/ahp/comparisons/6", "again (already at /ahp/comparisons/1)")) << problems(out);
}

TEST(AhpCommand, SectionErrors) {
  int code = -1;
  Json doc = consistent_four();
  doc["ahp"]["criteria"] = {"a", "b", "c", "speed", "a"};
  Json out = ahp(doc, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/ahp/criteria/3", "no criterion with id \"speed\" in /criteria")) << problems(out);
  EXPECT_TRUE(has_problem(out["errors"], "/ahp/criteria/4", "duplicate of /ahp/criteria/0")) << problems(out);

  doc = consistent_four();
  doc["ahp"]["criteria"] = {"a"};
  EXPECT_TRUE(has_problem(ahp(doc, &code)["errors"], "/ahp/criteria", "at least two criteria"));
  doc = consistent_four();
  doc["ahp"].erase("comparisons");
  EXPECT_TRUE(has_problem(ahp(doc, &code)["errors"], "/ahp/comparisons", "missing"));
  doc = consistent_four();
  doc["ahp"] = Json::array();
  EXPECT_TRUE(has_problem(ahp(doc, &code)["errors"], "/ahp", "must be an object"));
  doc = consistent_four();
  doc.erase("ahp");
  out = ahp(doc, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/ahp", "missing")) << problems(out);

  // weights_from: only "ahp", needs the section, and every criterion must be compared.
  doc = consistent_four();
  doc["weights_from"] = "sales";
  EXPECT_TRUE(has_problem(ahp(doc, &code)["errors"], "/weights_from", "must be \"ahp\""));
  doc.erase("ahp");
  doc["weights_from"] = "ahp";
  EXPECT_TRUE(has_problem(run_json("validate", doc.dump(), Json::object(), &code)["errors"], "/weights_from",
                          "no \"ahp\" section"));
  doc = consistent_four();
  doc["weights_from"] = "ahp";
  doc["criteria"].push_back({{"id", "e"}});
  out = run_json("validate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/ahp/criteria", "add e")) << problems(out);
}

TEST(AhpCommand, TableShowsWeightsAndJudgements) {
  const auto r = gapscore::run_command("ahp", document_text("ahp_saaty1990_house.json"), R"({"format": "table"})");
  ASSERT_EQ(r.exit_code, 0) << r.messages;
  EXPECT_NE(r.output.find("CR = 0.169"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("(inconsistent, RI = 1.41)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("financing"), std::string::npos);
  EXPECT_NE(r.messages.find("warning: /ahp/comparisons"), std::string::npos) << r.messages;
}
