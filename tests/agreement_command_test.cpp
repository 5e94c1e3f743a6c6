// gapscore agreement through run_command: Kendall's W with ties against published examples
// (the same ones tests/concordance_test.cpp checks on the bare function, here as documents),
// per-item dispersion, alignment with the customers' ranking, missing ratings, errors.
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_json;
using gapscore::test::document_text;
using gapscore::test::find_by;
using gapscore::test::has_problem;
using gapscore::test::problems;
using gapscore::test::run_json;

namespace {

Json agreement(const std::string& fixture, Json options = Json::object(), int* code = nullptr) {
  return run_json("agreement", document_text(fixture), std::move(options), code);
}

} // namespace

// NAG Library, routine G08DAF (Kendall's coefficient of concordance), example program: k = 3
// comparisons of n = 10 objects, with ties. Published: "Kendall's coefficient = 0.828,
// Significance = 0.008". By hand (tests/concordance_test.cpp): W = 7092 / 8568, rank sums
// (higher = rank 1) 27.5 26.5 24 19.5 21 13 10 9.5 7.5 6.5.
TEST(AgreementCommand, NagG08dafExampleWithTies) {
  int code = -1;
  const Json out = agreement("stakeholders_nag_g08daf.json", Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(out["kendall_w"].get<double>(), 0.828, 0.0005);
  EXPECT_NEAR(out["kendall_w"].get<double>(), 7092.0 / 8568.0, 1e-15);
  EXPECT_EQ(out["df"], 9);
  EXPECT_NEAR(out["chi_square"].get<double>(), 27 * 7092.0 / 8568.0, 1e-13);
  EXPECT_NEAR(out["p_value"].get<double>(), 0.008, 0.0005);
  EXPECT_EQ(out["stakeholders"], 3);
  EXPECT_EQ(out["items_compared"], 10);
  EXPECT_EQ(out["interpretation"], "unusually strong agreement"); // Schmidt (1997): 0.828 is nearest 0.9
  const double sums[] = {27.5, 26.5, 24, 19.5, 21, 13, 10, 9.5, 7.5, 6.5};
  for (int i = 0; i < 10; ++i) {
    const Json* row = find_by(out["items"], "id", "object-" + std::to_string(i + 1));
    ASSERT_NE(row, nullptr);
    EXPECT_EQ((*row)["rank_sum"], sums[i]);
    EXPECT_DOUBLE_EQ((*row)["mean_rank"].get<double>(), sums[i] / 3);
  }
  // Object 4 got 4.5 from everyone: rank 6.5 three times, no dispersion, so it comes last;
  // the list is ordered by dispersion, largest first.
  const Json& items = out["items"];
  EXPECT_EQ(items.back()["id"], "object-4");
  EXPECT_EQ(items.back()["dispersion"], 0.0);
  EXPECT_EQ(items.back()["ranks"]["comparison-2"], 6.5);
  for (std::size_t k = 1; k < items.size(); ++k)
    EXPECT_GE(items[k - 1]["dispersion"].get<double>(), items[k]["dispersion"].get<double>());
}

// R package irr, data set `anxiety` (20 subjects, 3 raters, 1-6 with many ties):
// kendall(anxiety, correct = TRUE) -> "Wt = 0.54, Chisq(19) = 30.8, p-value = 0.0429".
TEST(AgreementCommand, IrrAnxietyWithTieCorrection) {
  int code = -1;
  const Json out = agreement("stakeholders_irr_anxiety.json", Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(out["kendall_w"].get<double>(), 0.54, 0.005);
  EXPECT_EQ(out["df"], 19);
  EXPECT_NEAR(out["chi_square"].get<double>(), 30.8, 0.05);
  EXPECT_NEAR(out["p_value"].get<double>(), 0.0429, 0.00005);
  // No outcomes and the document's model (rice) lacks its inputs: alignment is left out, and
  // the output says why instead of failing.
  EXPECT_TRUE(out["reference"].is_null());
  EXPECT_TRUE(out["alignment"].empty());
  EXPECT_TRUE(has_problem(out["warnings"], "options/reference", "alignment is left out")) << problems(out);
}

// Smeeton, Spencer & Sprent, Applied Nonparametric Statistical Methods, 5th ed., Example 10.9:
// three judges rank six competitors without ties, W = 0.63174603 (= 1194 / 1890 by hand).
TEST(AgreementCommand, SprentExample109WithoutTies) {
  int code = -1;
  const Json out = agreement("stakeholders_sprent_10_9.json", Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(out["kendall_w"].get<double>(), 0.63174603, 5e-9);
  EXPECT_EQ(out["df"], 5);
  // Six items: the chi-square p-value is only indicative, and the output says so.
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders", "treat it as indicative")) << problems(out);
  // Rank sums (1 = best) I..VI = 8 10 4 16 10 15: III is everyone's favourite.
  EXPECT_EQ((*find_by(out["items"], "id", "III"))["rank_sum"], 4.0);
  EXPECT_EQ((*find_by(out["items"], "id", "IV"))["rank_sum"], 16.0);
}

// tests/fixtures/documents/stakeholders_team.json, by hand. Support did not rate d, so W covers
// a, b, c:
//   sales a1 b5 c3 -> ranks 3 1 2; support a4 b4 c2 -> 1.5 1.5 3; advocate a5 b4 c3 -> 1 2 3.
//   Rank sums a 5.5, b 4.5, c 8; mean 3 * 4 / 2 = 6; S = .25 + 2.25 + 4 = 6.5.
//   Ties: support's pair, T = 2^3 - 2 = 6. W = 12 * 6.5 / (9 * 24 - 3 * 6) = 78 / 198.
//   chi-square = 3 * 2 * W = 468 / 198; df 2, so p = exp(-chi-square / 2).
// Dispersion (population sd of the ranks): a {3, 1.5, 1} sqrt(6.5/9) = 0.8498,
//   c {2, 3, 3} sqrt(2/9) = 0.4714, b {1, 1.5, 2} sqrt(1/6) = 0.4082: a is the most disputed.
TEST(AgreementCommand, TeamByHandWithAMissingRating) {
  int code = -1;
  const Json out = agreement("stakeholders_team.json", Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_NEAR(out["kendall_w"].get<double>(), 78.0 / 198.0, 1e-15);
  EXPECT_NEAR(out["chi_square"].get<double>(), 468.0 / 198.0, 1e-14);
  EXPECT_EQ(out["df"], 2);
  EXPECT_NEAR(out["p_value"].get<double>(), std::exp(-234.0 / 198.0), 1e-14);
  EXPECT_EQ(out["stakeholders"], 3); // engineering gives weights only
  EXPECT_EQ(out["items_compared"], 3);
  ASSERT_EQ(out["items"].size(), 3u);
  EXPECT_EQ(out["items"][0]["id"], "a");
  EXPECT_NEAR(out["items"][0]["dispersion"].get<double>(), std::sqrt(6.5 / 9), 1e-15);
  EXPECT_EQ(out["items"][0]["rank_range"], Json::array({1.0, 3.0}));
  EXPECT_EQ(out["items"][0]["ratings"], Json({{"sales", 1.0}, {"support", 4.0}, {"advocate", 5.0}}));
  EXPECT_EQ(out["items"][1]["id"], "c");
  EXPECT_EQ(out["items"][2]["id"], "b");
  EXPECT_NEAR(out["items"][2]["dispersion"].get<double>(), std::sqrt(1.0 / 6), 1e-15);

  // d is left out of W, and both the stakeholder and the item are named.
  ASSERT_EQ(out["excluded_items"].size(), 1u);
  EXPECT_EQ(out["excluded_items"][0]["id"], "d");
  EXPECT_EQ(out["excluded_items"][0]["not_rated_by"], Json::array({"support"}));
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders/1/ratings", "support did not rate d")) << problems(out);
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders/2", "engineering rates no item")) << problems(out);
}

// The document has outcomes, so the reference is the gap model: a 2000, b 1000, c 500, d 0
// (one outcome, opportunity 20, gap 10 x 100 customers; lifts 1, .5, .25, none).
//   advocate a5 b4 c3 d1: same order -> tau 1.
//   support a4 b4 c2 over a, b, c: pairs (a,c), (b,c) concordant, (a,b) tied in the ratings;
//     tau-b = 2 / sqrt((3 - 1) * 3) = 0.8165.
//   sales a1 b5 c3 d4: concordant (b,c), (b,d); discordant the other 4 -> (2 - 4) / 6 = -1/3.
// So the customer advocate aligns best with the customers and sales worst.
TEST(AgreementCommand, AlignmentWithTheCustomerOutcomesByDefault) {
  int code = -1;
  const Json out = agreement("stakeholders_team.json", Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["reference"]["model"], "gap");
  const Json& al = out["alignment"];
  ASSERT_EQ(al.size(), 3u);
  EXPECT_EQ(al[0]["stakeholder"], "advocate");
  EXPECT_EQ(al[0]["tau_b"], 1.0);
  EXPECT_EQ(al[1]["stakeholder"], "support");
  EXPECT_NEAR(al[1]["tau_b"].get<double>(), 2 / std::sqrt(6.0), 1e-15);
  EXPECT_EQ(al[1]["items"], 3);
  EXPECT_EQ(al[2]["stakeholder"], "sales");
  EXPECT_NEAR(al[2]["tau_b"].get<double>(), -1.0 / 3, 1e-15);
  EXPECT_EQ((*find_by(out["items"], "id", "a"))["reference_rank"], 1);

  // Pairwise: sales vs advocate over all four items is the same count as sales vs gap: -1/3.
  const Json& p = out["pairwise"];
  EXPECT_EQ(p["stakeholders"], Json::array({"sales", "support", "advocate"}));
  EXPECT_NEAR(p["tau_b"][0][2].get<double>(), -1.0 / 3, 1e-15);
  EXPECT_EQ(p["tau_b"][0][2], p["tau_b"][2][0]);
  EXPECT_EQ(p["tau_b"][1][1], 1.0);
  EXPECT_EQ(p["items"][0][1], 3); // sales and support share a, b, c
}

// --reference weighted: a 6.33, c 5, d 4, b 3.67 (see stakeholders_test.cpp). Sales' a1 b5
// c3 d4 disagrees on all six pairs: tau = -1.
TEST(AgreementCommand, ReferenceOptionOverridesTheDefault) {
  int code = -1;
  const Json out = agreement("stakeholders_team.json", {{"reference", "weighted"}}, &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["reference"]["model"], "weighted");
  EXPECT_EQ((*find_by(out["alignment"], "stakeholder", "sales"))["tau_b"], -1.0);

  Json bad = agreement("stakeholders_team.json", {{"reference", "astrology"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(has_problem(bad["errors"], "options/reference", "unknown model")) << problems(bad);
  // An explicit reference that cannot rank the items is an input error, not a silent skip.
  bad = agreement("stakeholders_team.json", {{"reference", "rice"}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(bad["errors"], "/items/0/reach", "missing")) << problems(bad);
  bad = agreement("stakeholders_team.json", {{"model", "rice"}}, &code);
  EXPECT_EQ(code, 1); // agreement has no model option
}

TEST(AgreementCommand, NeedsTwoRatingStakeholdersAndTwoCommonItems) {
  Json doc = document_json("stakeholders_team.json");
  int code = -1;
  Json none = doc;
  none.erase("stakeholders");
  Json out = run_json("agreement", none.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/stakeholders", "missing")) << problems(out);

  Json one = doc;
  one["stakeholders"] = Json::array({doc["stakeholders"][0], doc["stakeholders"][2]});
  out = run_json("agreement", one.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/stakeholders", "at least two stakeholders")) << problems(out);

  Json disjoint = doc;
  disjoint["stakeholders"][0]["ratings"] = {{"a", 1}, {"b", 2}};
  disjoint["stakeholders"][1]["ratings"] = {{"c", 1}, {"d", 2}};
  disjoint["stakeholders"].erase(3);
  out = run_json("agreement", disjoint.dump(), Json::object(), &code);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(has_problem(out["errors"], "/stakeholders", "at least two items")) << problems(out);
}

TEST(AgreementCommand, EveryoneTyingEverythingIsUndefinedNotNaN) {
  Json doc = document_json("stakeholders_team.json");
  for (auto& st : doc["stakeholders"])
    if (st.contains("ratings")) st["ratings"] = {{"a", 3}, {"b", 3}, {"c", 3}, {"d", 3}};
  int code = -1;
  const Json out = run_json("agreement", doc.dump(), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["defined"], false);
  EXPECT_EQ(out["kendall_w"], 0.0);
  EXPECT_EQ(out["p_value"], 1.0);
  EXPECT_FALSE(out.contains("interpretation"));
  EXPECT_TRUE(has_problem(out["warnings"], "/stakeholders", "undefined")) << problems(out);
  for (const auto& a : out["alignment"]) {
    EXPECT_EQ(a["tau_b"], 0.0);
    EXPECT_EQ(a["defined"], false);
  }
}

TEST(AgreementCommand, TableAndMarkdown) {
  const std::string doc = document_text("stakeholders_team.json");
  const auto table = gapscore::run_command("agreement", doc, R"({"format": "table"})");
  ASSERT_EQ(table.exit_code, 0) << table.messages;
  EXPECT_NE(table.output.find("Kendall's W = 0.393939"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("advocate"), std::string::npos);
  EXPECT_NE(table.messages.find("support did not rate d"), std::string::npos) << table.messages;
  // Each stakeholder's column is the rank they gave (what the mean rank is over), the rating
  // after it: item a is ranked 3 by sales (rating 1), 1.5 by support (4), 1 by advocate (5),
  // as worked by hand above. The columns showed the bare ratings, which read as ranks.
  EXPECT_NE(table.output.find("sales rank (rating)"), std::string::npos) << table.output;
  const std::size_t row_a = table.output.find("\na ");
  ASSERT_NE(row_a, std::string::npos) << table.output;
  const std::string line = table.output.substr(row_a + 1, table.output.find('\n', row_a + 1) - row_a - 1);
  const std::size_t sales = line.find(" 3 (1)"), support = line.find(" 1.5 (4)"), advocate = line.find(" 1 (5)");
  EXPECT_TRUE(sales != std::string::npos && support != std::string::npos && advocate != std::string::npos &&
              sales < support && support < advocate)
      << line;
  const auto md = gapscore::run_command("agreement", doc, R"({"format": "markdown"})");
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.output.find("| a "), std::string::npos) << md.output;
}
