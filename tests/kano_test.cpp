// Kano: the evaluation table, categories from answers, tie handling and Better/Worse.
#include <gtest/gtest.h>

#include "gaps/kano.hpp"
#include "test_support.hpp"

using gapscore::Json;
using gapscore::KanoAnswer;
using gapscore::KanoCategory;
using gapscore::test::document_json;
using gapscore::test::document_text;
using gapscore::test::errors_text;
using gapscore::test::run_json;

// The Kano evaluation table: N. Kano, N. Seraku, F. Takahashi, S. Tsuji, "Attractive quality
// and must-be quality", Hinshitsu 14(2), 1984; in English as tabulated by C. Berger et al.,
// "Kano's methods for understanding customer-defined quality", Center for Quality of
// Management Journal 2(4), Fall 1993. Rows: the answer to the functional question ("if the
// product has it"), columns: the dysfunctional one ("if it does not"), both in the order
// like, must-be (expect), neutral, live-with (tolerate), dislike.
//              like  must-be  neutral  live-with  dislike
//   like        Q      A        A         A          O
//   must-be     R      I        I         I          M
//   neutral     R      I        I         I          M
//   live-with   R      I        I         I          M
//   dislike     R      R        R         R          Q
TEST(Kano, EvaluationTableMatchesBergerEtAl1993) {
  const char* table[5] = {"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"};
  for (int f = 0; f < 5; ++f)
    for (int d = 0; d < 5; ++d) {
      const auto c = gapscore::kano_evaluate(static_cast<KanoAnswer>(f), static_cast<KanoAnswer>(d));
      EXPECT_EQ(gapscore::kano_letter(c), std::string(1, table[f][d])) << "functional " << f << ", dysfunctional " << d;
    }
}

TEST(Kano, EveryAnswerPairThroughTheCommand) {
  // One item per answer pair, written with the answer names and with the 1..5 codes.
  const char* names[5] = {"like", "expect", "neutral", "tolerate", "dislike"};
  const char* table[5] = {"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"};
  Json doc = {{"format", "gapscore/1"}, {"items", Json::array()}};
  for (int f = 0; f < 5; ++f)
    for (int d = 0; d < 5; ++d) {
      const Json pair = (f + d) % 2 ? Json::array({names[f], names[d], 3}) : Json::array({f + 1, d + 1, 3});
      doc["items"].push_back({{"id", std::to_string(f) + std::to_string(d)}, {"kano", {{"answers", {pair}}}}});
    }
  int code = -1;
  Json out = run_json("kano", doc.dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  ASSERT_EQ(out["items"].size(), 25u);
  for (int k = 0; k < 25; ++k)
    EXPECT_EQ(out["items"][k]["category"], std::string(1, table[k / 5][k % 5])) << out["items"][k]["id"];
}

// Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I) (Berger et al. 1993,
// "customer satisfaction coefficient"). By hand:
// - dark-mode: like/neutral 12 -> A, like/dislike 8 -> O, neutral/neutral 5 -> I,
//   expect/dislike 3 -> M, like/like 1 -> Q, dislike/like 1 -> R. Category A (12).
//   Better = (12 + 8) / 28 = 0.714285..., Worse = −(8 + 3) / 28 = −0.392857...
// - login: expect/dislike 20 -> M, tolerate/dislike 10 -> M, like/dislike 6 -> O,
//   tolerate/tolerate 4 -> I: M 30. Better = 6 / 40 = 0.15, Worse = −36 / 40 = −0.9.
// - counted: A 10, O 20, M 5, I 15: category O, Better = 30 / 50 = 0.6, Worse = −25 / 50 = −0.5.
TEST(Kano, CategoriesAndCoefficients) {
  int code = -1;
  Json out = run_json("kano", document_text("gap_kano.json"), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  const Json& items = out["items"];
  ASSERT_EQ(items.size(), 4u); // "no-survey" has no answers
  EXPECT_EQ(items[0]["category"], "A");
  EXPECT_EQ(items[0]["category_name"], "attractive");
  EXPECT_DOUBLE_EQ(items[0]["counts"]["Q"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(items[0]["counts"]["R"].get<double>(), 1);
  EXPECT_NEAR(items[0]["better"].get<double>(), 20.0 / 28, 1e-15);
  EXPECT_NEAR(items[0]["worse"].get<double>(), -11.0 / 28, 1e-15);
  EXPECT_EQ(items[1]["category"], "M");
  EXPECT_DOUBLE_EQ(items[1]["better"].get<double>(), 0.15);
  EXPECT_DOUBLE_EQ(items[1]["worse"].get<double>(), -0.9);
  EXPECT_EQ(items[2]["category"], "O");
  EXPECT_DOUBLE_EQ(items[2]["better"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(items[2]["worse"].get<double>(), -0.5);
}

// Ties: M > O > A > I (Matzler & Hinterhuber 1998: if in doubt, the category that hurts more
// when it is missing), then R > Q.
TEST(Kano, TiesGoToTheCategoryThatHurtsMoreWhenMissing) {
  Json out = run_json("kano", document_text("gap_kano.json"));
  const Json& tied = out["items"][3];
  EXPECT_EQ(tied["category"], "M");
  EXPECT_EQ(tied["tied"], Json::array({"M", "A"}));
  gapscore::KanoCounts c{};
  c[static_cast<int>(KanoCategory::O)] = 4;
  c[static_cast<int>(KanoCategory::A)] = 4;
  EXPECT_EQ(gapscore::kano_result(c).category, KanoCategory::O);
  c = {};
  c[static_cast<int>(KanoCategory::R)] = 2;
  c[static_cast<int>(KanoCategory::Q)] = 2;
  const auto r = gapscore::kano_result(c);
  EXPECT_EQ(r.category, KanoCategory::R);
  EXPECT_FALSE(r.better.has_value()); // no A, O, M or I answer: no coefficient, never NaN
}

TEST(Kano, BadAnswersAreReportedWithPaths) {
  Json doc = document_json("gap_kano.json");
  doc["items"][0]["kano"]["answers"][1][0] = "love";
  doc["items"][1]["kano"]["answers"][0] = {2, 5};
  doc["items"][2]["kano"]["counts"]["A"] = -1;
  doc["items"][3]["kano"] = {{"counts", {{"A", 0}}}};
  doc["items"][4]["kano"] = {{"answers", Json::array()}, {"counts", Json::object()}};
  int code = -1;
  Json out = run_json("kano", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  const std::string e = errors_text(out);
  EXPECT_NE(e.find("/items/0/kano/answers/1/0: must be like, expect, neutral, tolerate, dislike"), std::string::npos) << e;
  EXPECT_NE(e.find("/items/1/kano/answers/0: must be [functional answer, dysfunctional answer, count]"), std::string::npos) << e;
  EXPECT_NE(e.find("/items/2/kano/counts/A: must be between 0 and"), std::string::npos) << e;
  EXPECT_NE(e.find("/items/3/kano: has no answers"), std::string::npos) << e;
  EXPECT_NE(e.find("/items/4/kano: has both answers and counts"), std::string::npos) << e;
}

// Found by a review: a count under "a" (Kano's "A" in lower case) was "unknown field, kept as
// is (is it a typo?)" with nothing to say which field was meant.
TEST(Kano, CountUnderALowercaseCategoryNamesTheCategory) {
  Json doc = document_json("gap_kano.json");
  doc["items"][0]["kano"] = {{"counts", {{"a", 3}, {"O", 1}}}};
  const Json out = run_json("kano", doc.dump(), Json::object());
  ASSERT_TRUE(out.contains("warnings")) << out.dump(2);
  bool found = false;
  for (const auto& w : out["warnings"])
    if (w["path"] == "/items/0/kano/counts/a") {
      found = true;
      EXPECT_EQ(w["code"], "unknown_field");
      EXPECT_EQ(w.value("suggestion", ""), "A") << w.dump();
      EXPECT_NE(w["message"].get<std::string>().find("typo of \"A\""), std::string::npos) << w.dump();
    }
  EXPECT_TRUE(found) << out.dump(2);
}
