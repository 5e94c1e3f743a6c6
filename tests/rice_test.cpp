#include <gtest/gtest.h>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::document_text;
using gapscore::test::run_json;

// Sean McBride, "RICE: Simple prioritization for product managers", Intercom blog (2016):
// Project 1: reach 450/quarter (500 × 30 % × 3 months), impact 3, confidence 100 %, effort 2
//            -> 450 × 3 × 1.0 / 2 = 675
// Project 2: reach 2000, impact 1, confidence 80 %, effort 4 -> 2000 × 1 × 0.8 / 4 = 400
// Project 3: reach 800, impact 2, confidence 50 %, effort 1 -> 800 × 2 × 0.5 / 1 = 800
TEST(Rice, ReproducesIntercomsWorkedExample) {
  int code = -1;
  Json out = run_json("rank", document_text("intercom_rice.json"), Json::object(), &code);
  ASSERT_EQ(code, 0) << out.dump(2);
  EXPECT_EQ(out["model"], "rice");
  EXPECT_EQ(out["variant"], "RICE (Intercom)");
  const Json& r = out["ranking"];
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0]["id"], "project-3");
  EXPECT_DOUBLE_EQ(r[0]["score"].get<double>(), 800);
  EXPECT_EQ(r[1]["id"], "project-1");
  EXPECT_DOUBLE_EQ(r[1]["score"].get<double>(), 675);
  EXPECT_EQ(r[2]["id"], "project-2");
  EXPECT_DOUBLE_EQ(r[2]["score"].get<double>(), 400);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(r[k]["rank"], k + 1);
}

TEST(Rice, ExplanationWritesOutTheArithmetic) {
  Json out = run_json("explain", document_text("intercom_rice.json"), {{"item", "project-2"}});
  EXPECT_EQ(out["computation"], "2000 × 1 × 0.8 / 4 = 400");
  ASSERT_EQ(out["terms"].size(), 4u);
  EXPECT_EQ(out["terms"][0]["term"], "reach");
  EXPECT_EQ(out["terms"][3]["role"], "divisor");
  EXPECT_EQ(out["rank"], 3);
  EXPECT_EQ(out["above"]["id"], "project-1");
}

TEST(Rice, ExplanationReadsWithoutFloatingPointNoise) {
  // 3 × 0.1 is 0.30000000000000004 in binary floating point: the score keeps every digit,
  // the written-out arithmetic reads as a person would write it.
  const std::string doc = R"({"format": "gapscore/1", "model": "rice",
    "items": [{"id": "a", "reach": 3, "impact": 1, "confidence": 0.1, "effort": 1}]})";
  Json out = run_json("explain", doc, {{"item", "a"}});
  EXPECT_EQ(out["score"].get<double>(), 3 * 0.1);
  EXPECT_NE(out["score"].get<double>(), 0.3);
  EXPECT_EQ(out["computation"], "3 × 1 × 0.1 / 1 = 0.3");
}

namespace gapscore {
namespace {

// Issue 17 item 7: an explanation starts with why the item sits where it does against its
// neighbours. Intercom's three projects (McBride 2016): project-3 800, project-1 675,
// project-2 400. Project-1 beats project-2 most on impact (3 vs 1: ×3) and effort (2 vs 4:
// ×2; reach favours project-2); project-3 beats it most on effort (1 vs 2: ×2) and reach (800
// vs 450: ×1.78).
TEST(Rice, ExplanationSaysWhyAgainstItsNeighbours) {
  const Json out = test::run_json("explain", test::document_text("intercom_rice.json"), {{"item", "project-1"}});
  EXPECT_EQ(out["why"],
            "2nd of 3 by RICE. Above Project 2 (3rd) mainly on impact (3 vs 1) and effort (2 vs 4). "
            "Below Project 3 (1st), which leads on effort (1 vs 2) and reach (800 vs 450).");
  EXPECT_EQ(out["below"]["behind_on"][0], Json({{"term", "impact"}, {"name", "impact"}, {"measure", "value"}, {"this", 3.0}, {"other", 1.0}}));
  EXPECT_EQ(out["above"]["ahead_on"][1], Json({{"term", "reach"}, {"name", "reach"}, {"measure", "value"}, {"this", 450.0}, {"other", 800.0}}));
}

// Scores the ranking treats as tied (within its tolerance) are explained as a tie, as
// tied_with says, even where the doubles differ in the last bit: 3 × 0.1 is
// 0.30000000000000004 and 1 × 0.3 is 0.3, and a comes first by the id tie-break, not on
// confidence.
TEST(Rice, WhySaysTiedWhereTheRankingTies) {
  const std::string doc = R"({"format": "gapscore/1", "model": "rice", "items": [
    {"id": "b", "title": "B", "reach": 3, "impact": 1, "confidence": 0.1, "effort": 1},
    {"id": "a", "title": "A", "reach": 1, "impact": 1, "confidence": 0.3, "effort": 1}]})";
  const Json a = test::run_json("explain", doc, {{"item", "a"}});
  ASSERT_EQ(a["tied_with"], Json::array({"b"}));
  EXPECT_EQ(a["why"], "1st of 2 by RICE. Above B (2nd): tied, and ahead by the tie-break (MoSCoW, then id).");
  const Json b = test::run_json("explain", doc, {{"item", "b"}});
  EXPECT_EQ(b["why"], "2nd of 2 by RICE. Below A (1st): tied, and behind by the tie-break (MoSCoW, then id).");
}

} // namespace
} // namespace gapscore
