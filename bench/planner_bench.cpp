// Benchmarks for gapscore::plan_capacity on generated backlogs.
//
// Instances are drawn from the core's splitmix64 (draws.hpp: no std:: distributions, so
// every standard library generates the same items) from a fixed seed.
// Counters reported per benchmark:
//   optimal  1 if the value is proven optimal, search_complete likewise for
//            the full search, gap_pct = 100 * (upper_bound - value) / upper_bound,
//   nodes    branch-and-bound nodes used (0 when the search is skipped).
#include "draws.hpp"
#include "planning/planner.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

using gapscore::bench::SplitMix64;

// n items with efforts from {0.5, 1, 2, 3, 5, 8} person-months. Values are
// either uncorrelated (1..100) or correlated with effort (10 * effort + 0..4,
// harder for branch and bound because densities are close). About 30 % of the
// items extend a dependency chain (depend on one of the 3 previous items) and
// 10 % depend on a random earlier item. Capacity: 30 % of the total effort.
gapscore::PlanInput make_instance(std::size_t n, bool correlated, std::uint64_t seed) {
  static constexpr double kEfforts[] = {0.5, 1, 2, 3, 5, 8};
  SplitMix64 rng{seed};
  gapscore::PlanInput in;
  in.value.resize(n);
  in.effort.resize(n);
  in.depends_on.assign(n, {});
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    in.effort[i] = kEfforts[rng.below(6)];
    in.value[i] = correlated ? 10.0 * in.effort[i] + static_cast<double>(rng.below(5))
                             : static_cast<double>(1 + rng.below(100));
    total += in.effort[i];
    if (i > 0 && rng.below(100) < 30)
      in.depends_on[i].push_back(i - 1 - rng.below(std::min<std::size_t>(i, 3)));
    if (i > 0 && rng.below(100) < 10) in.depends_on[i].push_back(rng.below(i));
  }
  in.capacity = std::floor(total * 0.3);
  return in;
}

void report(benchmark::State& state, const gapscore::PlanResult& r) {
  state.counters["optimal"] = r.optimal ? 1 : 0;
  state.counters["search_complete"] = r.search_complete ? 1 : 0;
  state.counters["gap_pct"] =
      r.upper_bound > 0 ? 100.0 * (r.upper_bound - r.total_value) / r.upper_bound : 0.0;
  state.counters["nodes"] = static_cast<double>(r.nodes);
  state.counters["value"] = r.total_value;
}

void run(benchmark::State& state, const gapscore::PlanInput& in) {
  gapscore::PlanResult r;
  for (auto _ : state) {
    r = gapscore::plan_capacity(in);
    // Not DoNotOptimize(r.total_value): with GCC the non-const overload of
    // libbenchmark 1.7 corrupts double lvalues (google/benchmark#903).
    const std::size_t* sink = r.selected.data();
    benchmark::DoNotOptimize(sink);
  }
  report(state, r);
}

void BM_PlanCapacity(benchmark::State& state) {
  run(state, make_instance(static_cast<std::size_t>(state.range(0)), false, 20240611));
}
BENCHMARK(BM_PlanCapacity)->Arg(60)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_PlanCapacityCorrelated(benchmark::State& state) {
  run(state, make_instance(static_cast<std::size_t>(state.range(0)), true, 20240611));
}
BENCHMARK(BM_PlanCapacityCorrelated)->Arg(60)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond);

// Same 1000-item backlog, but with the exact search allowed (exact_item_limit
// raised): shows what proving optimality costs at that size.
void BM_PlanCapacityExactSearch1000(benchmark::State& state) {
  gapscore::PlanInput in = make_instance(1000, state.range(0) != 0, 20240611);
  in.exact_item_limit = 1000;
  run(state, in);
}
BENCHMARK(BM_PlanCapacityExactSearch1000)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Worst case for the default node budget: subset-sum style (value == effort,
// even efforts, odd capacity, no dependencies), 200 items; the search always
// runs out of its 5,000,000 nodes.
void BM_PlanCapacityBudgetExhausted200(benchmark::State& state) {
  SplitMix64 rng{7};
  gapscore::PlanInput in;
  double total = 0;
  for (std::size_t i = 0; i < 200; ++i) {
    const double e = 2.0 * static_cast<double>(1 + rng.below(20));
    in.effort.push_back(e);
    in.value.push_back(e);
    total += e;
  }
  in.depends_on.assign(200, {});
  in.capacity = 2.0 * std::floor(total / 4.0) + 1.0;
  run(state, in);
}
BENCHMARK(BM_PlanCapacityBudgetExhausted200)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace
