// Reliability guarantees that the bad-input catalogue (bad_inputs_test.cpp) cannot express as
// one document: the Engine's edit paths (a weight drag that overflows), the error cap, the
// one-pass JSON parser against nlohmann's own, and the last-line result check.
// docs/reliability.md describes each guarantee.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "bad_inputs_catalogue.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/engine.hpp"
#include "scoring/finite_scores.hpp"
#include "gapscore/load.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

const char* kScorecard = R"({"format": "gapscore/1", "model": "weighted",
  "criteria": [{"id": "users", "weight": 3}, {"id": "revenue", "weight": 2}],
  "items": [{"id": "a", "scores": {"users": 9, "revenue": 2}},
            {"id": "b", "scores": {"users": 2, "revenue": 8}}]})";

const char* kRice = R"({"format": "gapscore/1", "model": "rice",
  "items": [{"id": "a", "reach": 100, "impact": 3, "confidence": 1, "effort": 1},
            {"id": "b", "reach": 10, "impact": 1, "confidence": 1, "effort": 1}]})";

TEST(Reliability, EngineWeightDragThatOverflowsIsRefusedAndRecovers) {
  Engine e;
  ASSERT_TRUE(e.load(kScorecard));
  ASSERT_TRUE(e.rank());
  // Each weight is allowed alone; their sum is not a finite number, so no share exists.
  ASSERT_TRUE(e.set_weight("users", 1e308));
  ASSERT_TRUE(e.set_weight("revenue", 1e308));
  EXPECT_FALSE(e.rank()); // the fast path (weights only) is checked too
  const Json errors = Json::parse(e.last_errors());
  EXPECT_EQ(errors["errors"][0]["path"], "/criteria");
  EXPECT_NE(errors["errors"][0]["message"].get<std::string>().find("add up to more than"), std::string::npos);
  ASSERT_TRUE(e.set_weight("revenue", 1));
  ASSERT_TRUE(e.rank());
  for (std::size_t i = 0; i < e.size(); ++i) EXPECT_TRUE(std::isfinite(e.score_data()[i]));
}

TEST(Reliability, EngineFieldEditThatOverflowsNamesTheItem) {
  Engine e;
  ASSERT_TRUE(e.load(kRice));
  ASSERT_TRUE(e.set_field("b", "reach", 1e308));
  ASSERT_TRUE(e.set_field("b", "impact", 3)); // 3e308: infinity
  EXPECT_FALSE(e.rank());
  const Json errors = Json::parse(e.last_errors());
  EXPECT_EQ(errors["errors"][0]["path"], "/items/1");
  EXPECT_NE(errors["errors"][0]["message"].get<std::string>().find("item \"b\""), std::string::npos);
  ASSERT_TRUE(e.set_field("b", "reach", 10));
  ASSERT_TRUE(e.rank());
  EXPECT_EQ(e.order_data()[0], 0u); // a: 300 beats b: 30
}

TEST(Reliability, EngineRefusesNonFiniteEdits) {
  Engine e;
  ASSERT_TRUE(e.load(kScorecard));
  ASSERT_TRUE(e.rank());
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(e.set_weight("users", std::nan("")));
  EXPECT_FALSE(e.set_weight("users", inf));
  EXPECT_FALSE(e.set_score("a", "users", inf));
  EXPECT_FALSE(e.set_score("a", "users", std::nan("")));
  ASSERT_TRUE(e.rank()); // unchanged state still ranks
  EXPECT_EQ(e.scenario().criteria[0].weight, 3);
}

TEST(Reliability, DiagnosticsKeepTheFirstThousandAndCountTheRest) {
  Diagnostics d;
  for (int i = 0; i < 1500; ++i) d.error("/items/" + std::to_string(i), code::invalid_value, "bad");
  for (int i = 0; i < 1200; ++i) d.warning("/w", code::unusual_value, "odd");
  // Every error still counts (code compares errors().size() before and after a step).
  EXPECT_EQ(d.errors().size(), 1500u);
  EXPECT_EQ(d.hidden_errors(), 500u);
  EXPECT_EQ(d.hidden_warnings(), 200u);
  EXPECT_FALSE(d.ok());
  const Json doc = d.errors_document();
  ASSERT_EQ(doc["errors"].size(), 1001u);
  EXPECT_EQ(doc["errors"][999]["path"], "/items/999");
  EXPECT_EQ(doc["errors"][1000]["message"], "and 500 more errors (only the first 1000 are listed)");
  ASSERT_EQ(doc["warnings"].size(), 1001u);
  // Copying problems into another Diagnostics keeps hidden ones hidden.
  Diagnostics copy;
  for (const auto& p : d.errors()) copy.error(p);
  EXPECT_EQ(copy.errors().size(), 1500u);
  EXPECT_EQ(copy.hidden_errors(), 500u);
}

TEST(Reliability, DiagnosticsAddWithARewrite) {
  Diagnostics d;
  for (int i = 0; i < 1200; ++i) d.error("/items/" + std::to_string(i), code::invalid_value, "bad");
  for (int i = 0; i < 1100; ++i) d.warning("/w/" + std::to_string(i % 2), code::unusual_value, "odd");
  // Every listed problem rewritten; hidden errors stay hidden (no text for the rewrite to
  // add to), hidden warnings are still counted.
  Diagnostics all;
  std::size_t calls = 0;
  all.add(d, [&](Problem& p, Diagnostics::Kind kind) {
    ++calls;
    p.path = "/after" + p.path;
    if (kind == Diagnostics::Kind::error) p.message += "!";
    return true;
  });
  EXPECT_EQ(calls, 2000u);
  EXPECT_EQ(all.errors().size(), 1200u);
  EXPECT_EQ(all.hidden_errors(), 200u);
  EXPECT_EQ(all.errors()[0].path, "/after/items/0");
  EXPECT_EQ(all.errors()[0].message, "bad!");
  EXPECT_EQ(all.warnings()[1].path, "/after/w/1");
  EXPECT_EQ(all.warnings()[1].message, "odd");
  EXPECT_EQ(all.hidden_warnings(), 100u);
  // A rewrite that leaves warnings out cannot judge the hidden ones: they are left out too.
  Diagnostics some;
  some.add(d, [](Problem& p, Diagnostics::Kind kind) { return kind == Diagnostics::Kind::error || p.path == "/w/0"; });
  EXPECT_EQ(some.errors().size(), 1200u);
  EXPECT_EQ(some.warnings().size(), 500u);
  EXPECT_EQ(some.hidden_warnings(), 0u);
}

TEST(Reliability, JsonParserAgreesWithNlohmannOnEveryExampleFile) {
  std::size_t compared = 0;
  for (const char* dir : {"demo", "tests/fixtures/documents"}) {
    for (const auto& entry : std::filesystem::directory_iterator(test::source_path(dir))) {
      if (entry.path().extension() != ".json") continue;
      const std::string text = catalogue::read_bytes(entry.path());
      Diagnostics d;
      const auto mine = parse_json_text(text, d);
      const Json theirs = Json::parse(text, nullptr, false);
      if (theirs.is_discarded()) continue; // a deliberately broken fixture
      ASSERT_TRUE(mine.has_value()) << entry.path() << "\n" << d.errors_document().dump(2);
      EXPECT_EQ(*mine, theirs) << entry.path();
      EXPECT_EQ(mine->dump(), theirs.dump()) << entry.path(); // key order and number types too
      ++compared;
    }
  }
  EXPECT_GE(compared, 5u);
}

TEST(Reliability, DuplicateKeysAreNamedByTheirPath) {
  Diagnostics d;
  EXPECT_FALSE(parse_json_text(R"({"a": [1, {"b": 1, "c": 2, "b": 3}]})", d));
  ASSERT_EQ(d.errors().size(), 1u);
  EXPECT_EQ(d.errors()[0].path, "/a/1/b");
  // Past the small-object scan: the hash set finds it too, and "~" and "/" are escaped.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  big += "\"x/y~\": 1, \"x/y~\": 2}";
  Diagnostics d2;
  EXPECT_FALSE(parse_json_text(big, d2, "options"));
  ASSERT_EQ(d2.errors().size(), 1u);
  EXPECT_EQ(d2.errors()[0].path, "options/x~1y~0");
}

TEST(Reliability, LargeObjectsParseInLinearTime) {
  // nlohmann's ordered_json DOM parser needs n²/2 key compares here (about 2 × 10^10): minutes.
  std::string text = "{";
  for (int i = 0; i < 200000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  text += "}";
  const auto start = std::chrono::steady_clock::now();
  Diagnostics d;
  const auto j = parse_json_text(text, d);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->size(), 200000u);
  EXPECT_EQ((*j)["k199999"], 199999);
  EXPECT_LT(seconds, 10.0); // under a second natively; generous for sanitizer builds
}

TEST(Reliability, ResultCheckTurnsNegativeZeroIntoZeroAndFindsNonFiniteNumbers) {
  Json ok = {{"a", -0.0}, {"b", {1.5, -0.0}}};
  EXPECT_FALSE(tidy_result_numbers(ok).has_value());
  EXPECT_FALSE(std::signbit(ok["a"].get<double>()));
  EXPECT_FALSE(std::signbit(ok["b"][1].get<double>()));
  Json bad = {{"rows", {{{"score", 1.0}}, {{"score", std::numeric_limits<double>::quiet_NaN()}}}}};
  EXPECT_EQ(tidy_result_numbers(bad), std::optional<std::string>("/rows/1/score"));
}

} // namespace
} // namespace gapscore
