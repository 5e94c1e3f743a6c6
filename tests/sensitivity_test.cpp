// Weight sensitivity (core/src/whatif/sensitivity.hpp) and the `sensitivity` command.
#include "whatif/sensitivity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "math/random.hpp"
#include "scoring/ranking.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::document_json;
using test::document_text;
using test::load;
using test::run_json;

// tests/fixtures/documents/uncertain_weighted.json at its likely values, by hand. Min-max
// normalized (cost reversed), v = (revenue, retention, cost):
//   sso (1, 1/3, 0.2)  onboarding (0.5, 1, 0.6)  export (1/6, 0.5, 1)  dark-mode (0, 2/3, 0.8)
//   audit-log (5/6, 0, 0)      weights 3, 2, 1
// Weighted sums: onboarding 4.1, sso 3.8667, audit-log 2.5, export 2.5, dark-mode 2.1333:
// audit-log and export tie exactly; audit-log (MoSCoW must) wins the tie-break, so the top 3
// is onboarding, sso, audit-log and any move that favours export flips it at once.
//   revenue w: sso vs onboarding, (1-0.5)w + (2/3+0.2) - (2+0.6) = 0 at w = 52/15; export vs
//     audit-log: (1/6-5/6)w + 1.5 - 0 = 0 at w = 3 (now; audit-log wins, included).
//   retention w: onboarding vs sso, (1-1/3)w + (1.5+0.6) - (3+0.2) = 0 at w = 1.65;
//     audit-log vs export: -0.5w + 1 = 0 at w = 2 (now).
//   cost w: onboarding vs sso, 0.4w + (1.5+2) - (3+2/3) = 0 at w = 5/12; audit-log vs
//     export: -w + 1 = 0 at w = 1 (now).
TEST(Sensitivity, HandComputedIntervalsOfTheFixture) {
  const Json out = run_json("sensitivity", document_text("uncertain_weighted.json"));
  ASSERT_TRUE(out.contains("weights")) << out.dump(2);
  EXPECT_EQ(out["top"], 3);
  EXPECT_EQ(out["top_items"], Json::array({"onboarding", "sso", "audit-log"}));
  const Json& w = out["weights"];
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0]["criterion"], "revenue");
  EXPECT_EQ(w[0]["current"], 3.0);
  EXPECT_NEAR(w[0]["stable_min"].get<double>(), 3.0, 1e-12);
  EXPECT_EQ(w[0]["stable_min_included"], true);
  EXPECT_EQ(w[0]["flip_below"], Json::array({"audit-log", "export"}));
  EXPECT_NEAR(w[0]["stable_max"].get<double>(), 52.0 / 15.0, 1e-12);
  EXPECT_EQ(w[0]["flip_above"], Json::array({"onboarding", "sso"}));

  EXPECT_NEAR(w[1]["stable_min"].get<double>(), 1.65, 1e-12);
  EXPECT_EQ(w[1]["flip_below"], Json::array({"onboarding", "sso"}));
  EXPECT_NEAR(w[1]["stable_max"].get<double>(), 2.0, 1e-12);
  EXPECT_EQ(w[1]["flip_above"], Json::array({"audit-log", "export"}));

  EXPECT_NEAR(w[2]["stable_min"].get<double>(), 5.0 / 12.0, 1e-12);
  EXPECT_EQ(w[2]["flip_below"], Json::array({"onboarding", "sso"}));
  EXPECT_NEAR(w[2]["stable_max"].get<double>(), 1.0, 1e-12);
  EXPECT_EQ(w[2]["flip_above"], Json::array({"audit-log", "export"}));
}

// Boundary semantics with exactly representable numbers: normalization none, items
//   b: x = 0, y = 2     a: x = 1, y = 0     weights x: w (now 1), y: 1
// score_b = 2/(w+1), score_a = w/(w+1): b leads until w = 2, where they tie. Ids break the
// tie: "a" wins, so at w = 2 the order already changed and the end is excluded. Renaming
// b to "0b" (sorts first) makes it win the tie: the end is included.
TEST(Sensitivity, BoundaryIsIncludedOnlyWhenTheItemAboveWinsTheTieBreak) {
  for (const char* upper_id : {"b", "0b"}) {
    SCOPED_TRACE(upper_id);
    const Json doc = {{"format", "gapscore/1"},
                      {"model", "weighted"},
                      {"normalization", "none"},
                      {"criteria", {{{"id", "x"}, {"weight", 1}}, {{"id", "y"}, {"weight", 1}}}},
                      {"items",
                       {{{"id", upper_id}, {"scores", {{"x", 0}, {"y", 2}}}},
                        {{"id", "a"}, {"scores", {{"x", 1}, {"y", 0}}}}}}};
    const Json out = run_json("sensitivity", doc.dump(), {{"top", 1}});
    const Json& x = out["weights"][0];
    EXPECT_EQ(x["stable_min"], 0.0);
    EXPECT_EQ(x["flip_below"], nullptr);
    EXPECT_EQ(x["stable_max"], 2.0);
    const bool wins = std::string(upper_id) < "a";
    EXPECT_EQ(x["stable_max_included"], wins);
    EXPECT_EQ(x["flip_above"], Json::array({upper_id, "a"}));
    // The ranking agrees at the boundary itself.
    Json at = doc;
    at["criteria"][0]["weight"] = 2;
    EXPECT_EQ(run_json("rank", at.dump())["ranking"][0]["id"], wins ? upper_id : "a");
    // y: b leads for every y above 1/2 and no increase changes that.
    const Json& y = out["weights"][1];
    EXPECT_EQ(y["stable_max"], nullptr);
    EXPECT_EQ(y["flip_above"], nullptr);
    EXPECT_NEAR(y["stable_min"].get<double>(), 0.5, 1e-15);
  }
}

TEST(Sensitivity, OnlyTheWeightedModel) {
  const std::string doc = document_text("uncertain_weighted.json");
  int code = 0;
  Json out = run_json("sensitivity", doc, {{"model", "rice"}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/model");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("no criterion weights"), std::string::npos);
  out = run_json("sensitivity", doc, {{"model", "topsis"}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("not"), std::string::npos);
  out = run_json("sensitivity", document_text("intercom_rice.json"), Json::object(), &code);
  EXPECT_EQ(code, kInputError);
  EXPECT_EQ(out["errors"][0]["path"], "/model");
  // A document that names no model is read as a weighted scorecard here.
  Json unnamed = Json::parse(doc);
  unnamed.erase("model");
  out = run_json("sensitivity", unnamed.dump(), Json::object(), &code);
  EXPECT_EQ(code, kOk);
  EXPECT_EQ(out["model"], "weighted");
}

// ---------------------------------------------------------------------------------------
// Brute force on random small cases. For each weight: every pair's crossing point, found
// from two evaluations of the real model (score difference × total weight is linear in the
// weight), then the ranking recomputed by score_items + Ranker at points between and beyond
// consecutive crossing points. Walking away from the current weight, the first sample whose
// ordered top N differs lies just past the interval's end, which must be the crossing point
// just before it; there the reported pair is seen swapped.

std::vector<std::uint32_t> top_order(const Scenario& s, std::size_t top) {
  Ranking r;
  Ranker(s).rank(score_items(s, *find_model("weighted")).score, r);
  return {r.order.begin(), r.order.begin() + static_cast<std::ptrdiff_t>(top)};
}

std::vector<std::uint32_t> order_at(Scenario s, std::size_t k, double w) {
  s.criteria[k].weight = w;
  Ranking r;
  Ranker(s).rank(score_items(s, *find_model("weighted")).score, r);
  return r.order;
}

TEST(Sensitivity, MatchesBruteForceOnRandomSmallCases) {
  Xoshiro256StarStar rng(20240611);
  auto below = [&](std::uint64_t n) { return static_cast<int>(rng.next() % n); };
  const char* normalizations[] = {"minmax", "max", "none", "vector"};
  const char* moscow[] = {"must", "should", "could", "wont"};
  int checked_ends = 0;
  for (int trial = 0; trial < 500; ++trial) {
    const int n = 3 + below(5), nc = 2 + below(3);
    Json criteria = Json::array(), items = Json::array();
    for (int c = 0; c < nc; ++c)
      criteria.push_back({{"id", "c" + std::to_string(c)}, {"weight", below(5)}, {"direction", below(4) ? "benefit" : "cost"}});
    for (int i = 0; i < n; ++i) {
      Json scores = Json::object();
      for (int c = 0; c < nc; ++c) scores["c" + std::to_string(c)] = below(6); // small integers: ties happen
      Json item = {{"id", "item" + std::to_string(below(100))}, {"scores", scores}};
      item["id"] = item["id"].get<std::string>() + "-" + std::to_string(i);
      if (below(3) == 0) item["moscow"] = moscow[below(4)];
      items.push_back(item);
    }
    const Json doc = {{"format", "gapscore/1"},
                      {"model", "weighted"},
                      {"normalization", normalizations[below(4)]},
                      {"criteria", criteria},
                      {"items", items}};
    const Scenario s = load(doc.dump());
    const std::size_t top = static_cast<std::size_t>(1 + below(static_cast<std::uint64_t>(n)));
    const auto now = top_order(s, top);
    const auto result = weight_sensitivity(s, exact_sensitivity_model(), top);
    ASSERT_EQ(result.size(), static_cast<std::size_t>(nc));

    for (int k = 0; k < nc; ++k) {
      SCOPED_TRACE("trial " + std::to_string(trial) + " weight " + std::to_string(k) + "\n" + doc.dump());
      const double w0 = s.criteria[k].weight;
      // Crossing points of every pair, from the real model at w = 0 and w = 1:
      // D(w) = (score_i - score_j)(w + W') is linear, so D(w) = D(0) + w (D(1) - D(0)).
      double others = 0;
      for (int c = 0; c < nc; ++c)
        if (c != k) others += s.criteria[c].weight;
      auto scores_at = [&](double w) {
        Scenario t = s;
        t.criteria[k].weight = w;
        return score_items(t, *find_model("weighted")).score;
      };
      const auto s0 = scores_at(0), s1 = scores_at(1);
      std::vector<double> points = {w0};
      for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
          const double d0 = (s0[i] - s0[j]) * others, d1 = (s1[i] - s1[j]) * (1 + others);
          if (std::fabs(d1 - d0) < 1e-12) continue;
          const double w = -d0 / (d1 - d0);
          if (w > 1e-12) points.push_back(w);
        }
      std::sort(points.begin(), points.end());
      std::vector<double> distinct;
      for (double p : points)
        if (distinct.empty() || p - distinct.back() > 1e-9 * std::max(1.0, p)) distinct.push_back(p);
      const auto at_w0 = std::find_if(distinct.begin(), distinct.end(), [&](double p) { return std::fabs(p - w0) <= 1e-9 * std::max(1.0, p); });
      ASSERT_NE(at_w0, distinct.end());
      const std::size_t i0 = static_cast<std::size_t>(at_w0 - distinct.begin());
      const WeightSensitivity& got = result[static_cast<std::size_t>(k)];
      EXPECT_EQ(got.current, w0);

      auto same_order = [&](double w) {
        const auto o = order_at(s, static_cast<std::size_t>(k), w);
        return std::equal(now.begin(), now.end(), o.begin());
      };
      // The same items in the top N, in any order (issue 17: what stakeholders ask).
      auto same_items = [&](double w) {
        auto o = order_at(s, static_cast<std::size_t>(k), w);
        o.resize(top);
        auto a = now;
        std::sort(a.begin(), a.end());
        std::sort(o.begin(), o.end());
        return a == o;
      };
      auto swapped = [&](double w, const std::pair<std::uint32_t, std::uint32_t>& p) {
        const auto o = order_at(s, static_cast<std::size_t>(k), w);
        return std::find(o.begin(), o.end(), p.second) < std::find(o.begin(), o.end(), p.first);
      };
      // For membership the pair is {leaves, enters}: past the end, one is out and one in.
      auto exchanged = [&](double w, const std::pair<std::uint32_t, std::uint32_t>& p) {
        const auto o = order_at(s, static_cast<std::size_t>(k), w);
        const auto end = o.begin() + static_cast<std::ptrdiff_t>(top);
        return std::find(o.begin(), end, p.first) == end && std::find(o.begin(), end, p.second) != end;
      };

      // Walks away from w0 to the first sample where `kept` fails; checks the reported end
      // there, and that the reported pair `changed` at that sample.
      auto check = [&](const auto& kept, const WeightInterval& got, const auto& changed) {
        // Upward: samples between consecutive points above w0, then one beyond the last.
        std::optional<double> expected_max;
        double first_changed = 0;
        for (std::size_t q = i0; q < distinct.size(); ++q) {
          const double sample = q + 1 < distinct.size() ? (distinct[q] + distinct[q + 1]) / 2 : distinct[q] * 2 + 1;
          if (!kept(sample)) {
            expected_max = distinct[q];
            first_changed = sample;
            break;
          }
        }
        ASSERT_EQ(got.max.has_value(), expected_max.has_value());
        if (expected_max) {
          EXPECT_NEAR(*got.max, *expected_max, 1e-9 * std::max(1.0, *expected_max));
          ASSERT_TRUE(got.flip_above.has_value());
          EXPECT_TRUE(changed(first_changed, *got.flip_above))
              << "top " << top << " at " << first_changed << " pair " << got.flip_above->first << "," << got.flip_above->second;
          ++checked_ends;
        } else {
          EXPECT_FALSE(got.flip_above.has_value());
        }

        // Downward to 0.
        std::optional<double> expected_min;
        for (std::size_t q = i0 + 1; q-- > 0;) {
          const double lower = q == 0 ? 0.0 : distinct[q - 1];
          const double sample = (lower + distinct[q]) / 2;
          if (!kept(sample)) {
            expected_min = distinct[q];
            first_changed = sample;
            break;
          }
        }
        // w = 0 itself: all of this weight removed.
        if (!expected_min && !kept(0.0)) {
          expected_min = 0.0;
          first_changed = 0.0;
        }
        if (expected_min) {
          EXPECT_NEAR(got.min, *expected_min, 1e-9 * std::max(1.0, *expected_min));
          ASSERT_TRUE(got.flip_below.has_value());
          EXPECT_TRUE(changed(first_changed, *got.flip_below))
              << "top " << top << " at " << first_changed << " pair " << got.flip_below->first << "," << got.flip_below->second;
          ++checked_ends;
        } else {
          EXPECT_EQ(got.min, 0.0);
          EXPECT_TRUE(got.min_included);
          EXPECT_FALSE(got.flip_below.has_value());
        }
      };
      WeightInterval ordered;
      ordered.min = got.stable_min;
      ordered.min_included = got.min_included;
      ordered.max = got.stable_max;
      ordered.max_included = got.max_included;
      ordered.flip_below = got.flip_below;
      ordered.flip_above = got.flip_above;
      {
        SCOPED_TRACE("the ordered top N");
        check(same_order, ordered, swapped);
      }
      {
        SCOPED_TRACE("the same items in the top N");
        check(same_items, got.same_items, exchanged);
      }
      // Keeping the order keeps the items: the membership interval contains the ordered one.
      EXPECT_LE(got.same_items.min, got.stable_min);
      if (got.stable_max) {
        EXPECT_TRUE(!got.same_items.max || *got.same_items.max >= *got.stable_max);
      }
    }
  }
  EXPECT_GT(checked_ends, 1000); // the cases do exercise bounded ends, of both intervals
}

TEST(Sensitivity, WholeOrderWhenNoTopIsGiven) {
  Json doc = document_json("uncertain_weighted.json");
  doc.erase("top");
  const Json out = run_json("sensitivity", doc.dump());
  EXPECT_EQ(out["top"], 5);
  EXPECT_EQ(out["top_items"].size(), 5u);
}

TEST(Sensitivity, RunsOnAScenario) {
  const Json out = run_json("sensitivity", document_text("uncertain_weighted.json"), {{"scenario", "sales"}});
  EXPECT_EQ(out["weights"][0]["current"], 6.0);
  EXPECT_EQ(out["weights"][1]["current"], 1.0);
  EXPECT_EQ(out["top_items"], Json::array({"sso", "audit-log", "onboarding"}));
}

} // namespace
} // namespace gapscore

namespace gapscore {
namespace {

// Issue 17 item 1: on the demo (weighted, top 10) the view promised membership ("keeps the
// top 10") but showed the ordered interval, and named as the first swap two items both inside
// the top 10. The membership interval names one item from outside that enters and one from
// inside that leaves, and contains the ordered interval.
TEST(Sensitivity, MembershipNamesAnItemFromOutsideAndOneFromInside) {
  const Json out = run_json("sensitivity", test::read_file("demo/health-app.json"), {{"model", "weighted"}, {"top", 10}});
  ASSERT_TRUE(out.contains("weights")) << out.dump(2);
  std::vector<std::string> top;
  for (const Json& id : out["top_items"]) top.push_back(id);
  auto inside = [&](const Json& id) { return std::find(top.begin(), top.end(), id.get<std::string>()) != top.end(); };
  int ends = 0;
  for (const Json& w : out["weights"]) {
    const Json& set = w["same_items"];
    EXPECT_LE(set["min"].get<double>(), w["stable_min"].get<double>()) << w.dump();
    if (!w["stable_max"].is_null()) {
      EXPECT_TRUE(set["max"].is_null() || set["max"] >= w["stable_max"]) << w.dump();
    }
    for (const char* end : {"below", "above"}) {
      if (set[end].is_null()) continue;
      EXPECT_FALSE(inside(set[end]["enters"])) << w.dump();
      EXPECT_TRUE(inside(set[end]["leaves"])) << w.dump();
      ++ends;
    }
  }
  EXPECT_GT(ends, 5);
}

} // namespace
} // namespace gapscore
