#include "planning/planner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "test_support.hpp"

namespace {

using gapscore::PlanInput;
using gapscore::PlanResult;
using gapscore::find_dependency_cycle;
using gapscore::plan_capacity;

// The core's splitmix64 (no std:: distributions, so every standard library
// produces the same instances).
using gapscore::test::SplitMix64;

constexpr double kEfforts[] = {0.5, 1, 2, 3, 5, 8};

// Random DAG instance: item ranks are a random permutation, and an item may
// only depend on items of lower rank, so indices and dependency direction are
// unrelated. Values and efforts are multiples of 0.5, so all sums are exact.
PlanInput random_instance(SplitMix64& rng, std::size_t n, double dep_prob_percent,
                          double cap_fraction) {
  PlanInput in;
  in.value.resize(n);
  in.effort.resize(n);
  in.depends_on.assign(n, {});
  std::vector<std::size_t> rank_to_item(n);
  for (std::size_t i = 0; i < n; ++i) rank_to_item[i] = i;
  for (std::size_t i = n; i > 1; --i) std::swap(rank_to_item[i - 1], rank_to_item[rng.below(i)]);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // Occasionally 0-value items (pure enablers), otherwise 0.5 .. 50.
    in.value[i] = rng.below(8) == 0 ? 0.0 : 0.5 * static_cast<double>(1 + rng.below(100));
    in.effort[i] = kEfforts[rng.below(6)];
    total += in.effort[i];
  }
  for (std::size_t r = 1; r < n; ++r) {
    for (std::size_t q = 0; q < r; ++q) {
      if (static_cast<double>(rng.below(1000)) < dep_prob_percent * 10.0)
        in.depends_on[rank_to_item[r]].push_back(rank_to_item[q]);
    }
  }
  in.capacity = std::floor(total * cap_fraction * 2.0) / 2.0;
  return in;
}

bool is_closed(const PlanInput& in, const std::vector<std::size_t>& sel) {
  std::vector<char> s(in.value.size(), 0);
  for (std::size_t i : sel) s[i] = 1;
  for (std::size_t i : sel)
    for (std::size_t d : in.depends_on[i])
      if (!s[d]) return false;
  return true;
}

double sum_of(const std::vector<double>& x, const std::vector<std::size_t>& sel) {
  double t = 0;
  for (std::size_t i : sel) t += x[i];
  return t;
}

void expect_feasible(const PlanInput& in, const PlanResult& r) {
  EXPECT_TRUE(std::is_sorted(r.selected.begin(), r.selected.end()));
  EXPECT_TRUE(std::adjacent_find(r.selected.begin(), r.selected.end()) == r.selected.end());
  EXPECT_TRUE(is_closed(in, r.selected));
  EXPECT_LE(sum_of(in.effort, r.selected), in.capacity + 1e-9 * std::max(1.0, in.capacity));
  EXPECT_NEAR(r.total_value, sum_of(in.value, r.selected), 1e-9);
  EXPECT_NEAR(r.total_effort, sum_of(in.effort, r.selected), 1e-9);
  EXPECT_GE(r.upper_bound, r.total_value);
}

// Exhaustive reference implementing the documented tie-break: max value, then
// min effort, then the selection containing the first differing item in the
// order (value/effort descending, index ascending; value-0 items count 0).
struct Brute {
  double value = 0, effort = 0;
  std::uint32_t mask = 0;
};
Brute brute_force(const PlanInput& in) {
  const std::size_t n = in.value.size();
  std::vector<std::uint32_t> need(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t d : in.depends_on[i]) need[i] |= std::uint32_t{1} << d;
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  auto dens = [&](std::size_t i) { return in.value[i] > 0 ? in.value[i] / in.effort[i] : 0.0; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (dens(a) != dens(b)) return dens(a) > dens(b);
    return a < b;
  });
  Brute best;
  for (std::uint32_t m = 0; m < (std::uint32_t{1} << n); ++m) {
    double v = 0, e = 0;
    bool closed = true;
    for (std::size_t i = 0; i < n && closed; ++i) {
      if (m & (std::uint32_t{1} << i)) {
        closed = (need[i] & ~m) == 0;
        v += in.value[i];
        e += in.effort[i];
      }
    }
    if (!closed || e > in.capacity) continue;
    bool take = false;
    if (v != best.value) {
      take = v > best.value;
    } else if (e != best.effort) {
      take = e < best.effort;
    } else {
      for (std::size_t k : order) {
        const bool a = (m >> k) & 1U, b = (best.mask >> k) & 1U;
        if (a != b) {
          take = a;
          break;
        }
      }
    }
    if (take) best = Brute{v, e, m};
  }
  return best;
}

std::vector<std::size_t> mask_to_list(std::uint32_t m, std::size_t n) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < n; ++i)
    if (m & (std::uint32_t{1} << i)) out.push_back(i);
  return out;
}

TEST(PlannerBruteForce, RandomSmallInstancesAreOptimalWithDocumentedTieBreak) {
  SplitMix64 rng{20240611};
  for (int iter = 0; iter < 400; ++iter) {
    const std::size_t n = 1 + rng.below(16);
    const double dep_pct = static_cast<double>(rng.below(4)) * 10.0;   // 0..30 %
    const double frac = 0.1 + 0.1 * static_cast<double>(rng.below(7)); // 0.1..0.7
    PlanInput in = random_instance(rng, n, dep_pct, frac);
    const Brute b = brute_force(in);
    const PlanResult r = plan_capacity(in);
    SCOPED_TRACE(::testing::Message() << "iter " << iter << " n " << n);
    expect_feasible(in, r);
    EXPECT_TRUE(r.optimal);
    EXPECT_TRUE(r.search_complete);
    EXPECT_NEAR(r.total_value, b.value, 1e-9);
    EXPECT_NEAR(r.total_effort, b.effort, 1e-9);
    EXPECT_EQ(r.selected, mask_to_list(b.mask, n));
    EXPECT_EQ(r.upper_bound, r.total_value);
  }
}

TEST(PlannerBruteForce, ApproximationsAreFeasibleAndBoundsAreValid) {
  SplitMix64 rng{77};
  for (int iter = 0; iter < 300; ++iter) {
    const std::size_t n = 1 + rng.below(16);
    const double dep_pct = static_cast<double>(rng.below(5)) * 10.0;
    const double frac = 0.1 + 0.1 * static_cast<double>(rng.below(7));
    PlanInput in = random_instance(rng, n, dep_pct, frac);
    const Brute b = brute_force(in);
    SCOPED_TRACE(::testing::Message() << "iter " << iter << " n " << n);
    // (a) search skipped entirely, (b) search interrupted after a few nodes.
    for (int variant = 0; variant < 2; ++variant) {
      PlanInput v = in;
      if (variant == 0) v.exact_item_limit = 0;
      else v.node_budget = 1 + rng.below(4);
      const PlanResult r = plan_capacity(v);
      expect_feasible(v, r);
      EXPECT_LE(r.total_value, b.value + 1e-9);
      EXPECT_GE(r.upper_bound, b.value - 1e-9) << "bound below the true optimum";
      if (r.optimal) {
        EXPECT_NEAR(r.total_value, b.value, 1e-9);
      }
      // Documented guarantee without dependencies: greedy + best single
      // item is at least half the optimum.
      if (dep_pct == 0 && variant == 0) {
        EXPECT_GE(2 * r.total_value, b.value);
      }
    }
  }
}

// Rosetta Code, "Knapsack problem/0-1" (https://rosettacode.org/wiki/Knapsack_problem/0-1):
// 22 items, 400 dag; published optimum: map, compass, water, sandwich, glucose,
// banana, suntan cream, waterproof trousers, waterproof overclothes,
// note-case, sunglasses, socks -- total weight 396, total value 1030.
TEST(PlannerHandWorked, RosettaCodeKnapsack01) {
  PlanInput in;
  // weight (dag) and value, in the order of the Rosetta Code table.
  in.effort = {9,  13, 153, 50, 15, 68, 27, 39, 23, 52, 11,
               32, 24, 48,  73, 42, 43, 22, 7,  18, 4,  30};
  in.value = {150, 35, 200, 160, 60, 45, 60, 40, 30, 10, 70,
              30,  15, 10,  40,  70, 75, 80, 20, 12, 50, 10};
  in.depends_on.assign(22, {});
  in.capacity = 400;
  const PlanResult r = plan_capacity(in);
  expect_feasible(in, r);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.total_value, 1030);
  EXPECT_EQ(r.total_effort, 396);
  const std::vector<std::size_t> published = {0, 1, 2, 3, 4, 6, 10, 15, 16, 17, 18, 20};
  EXPECT_EQ(r.selected, published);
}

// Cormen, Leiserson, Rivest, Stein, "Introduction to Algorithms" (3rd ed.),
// section 16.2, Figure 16.2: weights 10/20/30, values 60/100/120, capacity 50.
// The 0-1 optimum is items 2 and 3 (value 220); greedy by value density would
// take item 1 first and end at 160.
TEST(PlannerHandWorked, ClrsGreedyCounterexample) {
  PlanInput in;
  in.value = {60, 100, 120};
  in.effort = {10, 20, 30};
  in.depends_on.assign(3, {});
  in.capacity = 50;
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.total_value, 220);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{1, 2}));
}

// Wikipedia, "Knapsack problem", lead figure: boxes ($4, 12 kg), ($2, 2 kg),
// ($1, 1 kg), ($2, 1 kg), ($10, 4 kg), limit 15 kg; 0-1 answer: all boxes
// except the green $4/12 kg one ($15, 8 kg).
TEST(PlannerHandWorked, WikipediaBoxes) {
  PlanInput in;
  in.value = {4, 2, 1, 2, 10};
  in.effort = {12, 2, 1, 1, 4};
  in.depends_on.assign(5, {});
  in.capacity = 15;
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.total_value, 15);
  EXPECT_EQ(r.total_effort, 8);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{1, 2, 3, 4}));
}

// A (10, 1) needs B (1, 3); C (6, 3); D (3, 2); capacity 5.
// Closed sets within 5: {A,B} = 11 @4, {C,D} = 9 @5, {C} 6, {B,D} 4, ...
// Without the dependency {A,C} = 16 would win; with it B must come along.
TEST(PlannerHandWorked, DependencyForcesWorseLookingItemIn) {
  PlanInput in;
  in.value = {10, 1, 6, 3};
  in.effort = {1, 3, 3, 2};
  in.depends_on = {{1}, {}, {}, {}};
  in.capacity = 5;
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.total_value, 11);
  EXPECT_EQ(r.total_effort, 4);
}

// X (100, 1) needs Y (0, 10) but the budget is 8, so X is out of reach no
// matter how valuable; best is Z (5, 4) + W (4, 4) = 9.
TEST(PlannerHandWorked, DependencyMakesHighValueItemUnaffordable) {
  PlanInput in;
  in.value = {100, 0, 5, 4};
  in.effort = {1, 10, 4, 4};
  in.depends_on = {{1}, {}, {}, {}};
  in.capacity = 8;
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(r.total_value, 9);
  EXPECT_EQ(r.upper_bound, 9);
}

// Transitive chain: D needs C needs B needs A. Only the whole chain gives D.
TEST(PlannerHandWorked, TransitiveChain) {
  PlanInput in;
  in.value = {1, 1, 1, 20, 8};
  in.effort = {2, 2, 2, 1, 6};
  in.depends_on = {{}, {0}, {1}, {2}, {}};
  in.capacity = 7;  // chain A..D = 7 effort for 23 value; E alone 8 @6
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(r.total_value, 23);
  in.capacity = 6.5; // chain no longer fits: E alone (8) beats A+B+C (3)
  const PlanResult r2 = plan_capacity(in);
  EXPECT_TRUE(r2.optimal);
  EXPECT_EQ(r2.selected, (std::vector<std::size_t>{4}));
}

TEST(PlannerHandWorked, TieBreakPrefersLowerEffortThenSearchOrder) {
  PlanInput in;
  // {0} and {1,2} both give 10; {1,2} costs 4, {0} costs 5 -> {1,2}.
  in.value = {10, 5, 5};
  in.effort = {5, 2, 2};
  in.depends_on.assign(3, {});
  in.capacity = 5;
  EXPECT_EQ(plan_capacity(in).selected, (std::vector<std::size_t>{1, 2}));
  // Identical items: value and effort tie, search order (density, then index)
  // makes the lowest indices win.
  in.value = {3, 3, 3, 3};
  in.effort = {1, 1, 1, 1};
  in.depends_on.assign(4, {});
  in.capacity = 2;
  EXPECT_EQ(plan_capacity(in).selected, (std::vector<std::size_t>{0, 1}));
}

TEST(PlannerEdgeCases, CapacityZero) {
  PlanInput in;
  in.value = {5, 7};
  in.effort = {1, 2};
  in.depends_on.assign(2, {});
  in.capacity = 0;
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_TRUE(r.selected.empty());
  EXPECT_EQ(r.total_value, 0);
  EXPECT_EQ(r.upper_bound, 0);
}

TEST(PlannerEdgeCases, EmptyInput) {
  PlanInput in;
  in.capacity = 10;
  const PlanResult r = plan_capacity(in);
  EXPECT_TRUE(r.optimal);
  EXPECT_TRUE(r.selected.empty());
  EXPECT_EQ(r.total_value, 0);
  EXPECT_EQ(r.total_effort, 0);
  EXPECT_EQ(r.upper_bound, 0);
  EXPECT_FALSE(r.method.empty());
}

TEST(PlannerEdgeCases, FloatingPointSumsWithinEpsilonFit) {
  PlanInput in;
  in.value = {1, 1};
  in.effort = {0.1, 0.2};
  in.depends_on.assign(2, {});
  in.capacity = 0.3; // 0.1 + 0.2 == 0.30000000000000004 in binary
  const PlanResult r = plan_capacity(in);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{0, 1}));
  EXPECT_TRUE(r.optimal);
}

TEST(PlannerEdgeCases, DefensiveHandlingOfBadNumbers) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  PlanInput in;
  // 0: NaN value -> worth 0; 1: infinite effort -> unpickable; 2 needs 1;
  // 3: negative effort -> unpickable; 4: needs a non-existent item;
  // 5: negative value -> worth 0; 6: normal; 7: inf value -> worth 0;
  // 8: self-dependency (ignored), normal otherwise.
  in.value = {nan, 50, 40, 30, 20, -5, 3, inf, 2};
  in.effort = {1, inf, 1, -1, 1, 1, 1, 1, 1};
  in.depends_on = {{}, {}, {1}, {}, {99}, {}, {}, {}, {8}};
  in.capacity = 100;
  const PlanResult r = plan_capacity(in);
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{6, 8}));
  EXPECT_EQ(r.total_value, 5);
  EXPECT_TRUE(r.optimal);
  EXPECT_TRUE(std::isfinite(r.upper_bound));

  // Size mismatch: missing effort -> unpickable; missing depends_on -> none.
  PlanInput m;
  m.value = {4, 6, 1};
  m.effort = {1, 1};
  m.capacity = 10;
  const PlanResult rm = plan_capacity(m);
  EXPECT_EQ(rm.selected, (std::vector<std::size_t>{0, 1}));

  // Non-finite / negative capacities.
  PlanInput c;
  c.value = {1, 2};
  c.effort = {1, 1};
  c.depends_on.assign(2, {});
  c.capacity = nan;
  EXPECT_TRUE(plan_capacity(c).selected.empty());
  c.capacity = -3;
  EXPECT_TRUE(plan_capacity(c).selected.empty());
  c.capacity = inf;
  EXPECT_EQ(plan_capacity(c).selected, (std::vector<std::size_t>{0, 1}));

  // Zero-effort item is free (even at capacity 0); its value is collected.
  PlanInput z;
  z.value = {7, 1};
  z.effort = {0, 1};
  z.depends_on.assign(2, {});
  z.capacity = 0;
  const PlanResult rz = plan_capacity(z);
  EXPECT_EQ(rz.selected, (std::vector<std::size_t>{0}));
  EXPECT_EQ(rz.total_value, 7);
}

TEST(PlannerEdgeCases, CyclicInputDoesNotCrashOrHang) {
  PlanInput in;
  in.value = {5, 5, 1, 3};
  in.effort = {1, 1, 1, 1};
  in.depends_on = {{1}, {0}, {}, {2}};
  in.capacity = 2;
  const PlanResult r = plan_capacity(in);
  // The 0<->1 cycle is an all-or-nothing group worth 10 for effort 2.
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{0, 1}));
}

// Hostile inputs: arbitrary doubles (NaN, inf, huge, negative, tiny), dangling
// and cyclic dependencies, mismatched sizes. Must never crash, hang or return
// an infeasible selection (checked against the documented sanitising rules).
TEST(PlannerEdgeCases, FuzzNeverCrashesAndStaysFeasible) {
  const double specials[] = {std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             1e308, -1.0, 0.0, -0.0, 1e-300, 0.5, 3.0};
  SplitMix64 rng{99};
  for (int iter = 0; iter < 300; ++iter) {
    const std::size_t n = rng.below(40);
    PlanInput in;
    auto pick = [&]() {
      return rng.below(3) == 0 ? specials[rng.below(10)]
                               : 0.5 * static_cast<double>(rng.below(40));
    };
    for (std::size_t i = 0; i < n; ++i) in.value.push_back(pick());
    const std::size_t ne = n == 0 ? 0 : n - rng.below(2);
    for (std::size_t i = 0; i < ne; ++i) in.effort.push_back(pick());
    in.depends_on.resize(n == 0 ? 0 : n - rng.below(2));
    for (auto& d : in.depends_on)
      for (std::size_t k = rng.below(3); k > 0; --k) d.push_back(rng.below(n + 2));
    in.capacity = pick();
    in.node_budget = 1 + rng.below(5000);
    in.exact_item_limit = rng.below(50);
    const PlanResult r = plan_capacity(in);
    SCOPED_TRACE(::testing::Message() << "iter " << iter);
    // Feasibility under the documented rules.
    std::vector<char> sel(n, 0);
    for (std::size_t i : r.selected) {
      ASSERT_LT(i, n);
      sel[i] = 1;
    }
    double effort = 0;
    for (std::size_t i : r.selected) {
      ASSERT_LT(i, in.effort.size());
      ASSERT_TRUE(std::isfinite(in.effort[i]) && in.effort[i] >= 0);
      effort += in.effort[i];
      if (i < in.depends_on.size())
        for (std::size_t d : in.depends_on[i]) {
          ASSERT_LT(d, n);
          EXPECT_TRUE(sel[d]);
        }
    }
    const double cap = std::isnan(in.capacity) || in.capacity < 0 ? 0.0 : in.capacity;
    if (std::isfinite(cap)) {
      EXPECT_LE(effort, cap + 1e-9 * std::max(1.0, cap));
    }
    EXPECT_FALSE(std::isnan(r.total_value));
    EXPECT_FALSE(std::isnan(r.upper_bound));
    EXPECT_GE(r.upper_bound, r.total_value);
  }
}

TEST(DependencyCycle, Acyclic) {
  EXPECT_TRUE(find_dependency_cycle({}).empty());
  EXPECT_TRUE(find_dependency_cycle({{}, {0}, {0, 1}, {2, 1}}).empty());
  // Out-of-range indices cannot form a cycle.
  EXPECT_TRUE(find_dependency_cycle({{5}, {0, 42}}).empty());
}

TEST(DependencyCycle, NamesTheCycleInDependencyOrder) {
  // 0 -> 1 -> 2 -> 0: each element depends on the next, last on the first.
  EXPECT_EQ(find_dependency_cycle({{1}, {2}, {0}}), (std::vector<std::size_t>{0, 1, 2}));
  // Cycle not through item 0: 0 -> 1, 1 -> 3, 3 -> 2, 2 -> 1.
  EXPECT_EQ(find_dependency_cycle({{1}, {3}, {1}, {2}}), (std::vector<std::size_t>{1, 3, 2}));
  // Listed starting from the smallest index even when met elsewhere first.
  EXPECT_EQ(find_dependency_cycle({{3}, {}, {1, 3}, {4}, {2}}),
            (std::vector<std::size_t>{2, 3, 4}));
}

TEST(DependencyCycle, SelfDependency) {
  EXPECT_EQ(find_dependency_cycle({{}, {1}}), (std::vector<std::size_t>{1}));
  EXPECT_EQ(find_dependency_cycle({{0}}), (std::vector<std::size_t>{0}));
}

// Bench-like instance: some chains (each item may extend the chain of a
// recent item) plus a few extra random dependencies on earlier items.
PlanInput chain_instance(std::uint64_t seed, std::size_t n) {
  SplitMix64 rng{seed};
  PlanInput in;
  in.value.resize(n);
  in.effort.resize(n);
  in.depends_on.assign(n, {});
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    in.value[i] = static_cast<double>(1 + rng.below(100));
    in.effort[i] = kEfforts[rng.below(6)];
    total += in.effort[i];
    if (i > 0 && rng.below(100) < 30)
      in.depends_on[i].push_back(i - 1 - rng.below(std::min<std::size_t>(i, 3)));
    if (i > 0 && rng.below(100) < 10) in.depends_on[i].push_back(rng.below(i));
  }
  in.capacity = std::floor(total * 0.3);
  return in;
}

TEST(PlannerScale, SixtyItemsAreProvenOptimal) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const PlanInput in = chain_instance(seed, 60);
    const PlanResult r = plan_capacity(in);
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " nodes " << r.nodes);
    expect_feasible(in, r);
    EXPECT_TRUE(r.optimal);
    EXPECT_TRUE(r.search_complete);
    EXPECT_EQ(r.upper_bound, r.total_value);
    EXPECT_LE(r.nodes, in.node_budget);
  }
}

TEST(PlannerScale, InterruptedSearchKeepsValidBound) {
  const PlanInput in = chain_instance(3, 60);
  const PlanResult exact = plan_capacity(in);
  ASSERT_TRUE(exact.optimal);
  PlanInput small = in;
  small.node_budget = 10;
  const PlanResult r = plan_capacity(small);
  expect_feasible(small, r);
  EXPECT_FALSE(r.search_complete);
  EXPECT_EQ(r.nodes, small.node_budget);
  EXPECT_LE(r.total_value, exact.total_value);
  EXPECT_GE(r.upper_bound, exact.total_value);
  if (r.optimal) {
    EXPECT_EQ(r.total_value, exact.total_value);
  }
}

// Subset-sum style instance (value == effort, no dependencies, all efforts
// even, odd capacity): every node's LP bound exceeds what is reachable, the
// classic hard case for branch and bound. The node budget must stop it.
TEST(PlannerScale, HardInstanceStopsAtNodeBudget) {
  SplitMix64 rng{7};
  PlanInput in;
  double total = 0;
  for (std::size_t i = 0; i < 200; ++i) {
    const double e = 2.0 * static_cast<double>(1 + rng.below(20));
    in.effort.push_back(e);
    in.value.push_back(e);
    total += e;
  }
  in.depends_on.assign(200, {});
  in.capacity = 2.0 * std::floor(total / 4.0) + 1.0; // odd: unreachable exactly
  in.node_budget = 200'000;
  const PlanResult r = plan_capacity(in);
  expect_feasible(in, r);
  EXPECT_FALSE(r.search_complete);
  EXPECT_EQ(r.nodes, in.node_budget);
  // Every sum is even, so capacity - 1 is the best conceivable value.
  EXPECT_LE(r.total_value, in.capacity - 1);
  EXPECT_GE(r.upper_bound, r.total_value);
}

TEST(PlannerScale, ThousandItemsReturnQuicklyWithBound) {
  const PlanInput in = chain_instance(42, 1000);
  const auto t0 = std::chrono::steady_clock::now();
  const PlanResult r = plan_capacity(in);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  expect_feasible(in, r);
  EXPECT_GE(r.upper_bound, r.total_value);
  EXPECT_LT(secs, 10.0); // generous: sanitizer builds on a shared machine
  // Deterministic: same input, same answer.
  const PlanResult again = plan_capacity(in);
  EXPECT_EQ(again.selected, r.selected);
  EXPECT_EQ(again.upper_bound, r.upper_bound);
}

} // namespace
