// Benchmarks for gap scoring and planning on generated outcome backlogs:
//   GapScore/N        the gap model's scores (document already loaded)
//   GapPortfolio/N    the portfolio order and value curve, ~25 % of items with a dependency
//                     (bundle greedy up to 2000 items, lazy greedy above)
//   PlanCommandGap/N  `plan --model gap` end to end through run_command: parse, validate,
//                     score, plan, JSON out; counters optimal and gap_pct = 100 × (upper bound −
//                     value) / upper bound
// Instances come from the core's splitmix64 (draws.hpp) with a fixed seed (no std::
// distributions).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "draws.hpp"
#include "gapscore/command.hpp"
#include "document/sections.hpp"
#include "gaps/gap.hpp"
#include "gapscore/json.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"

namespace {

using Rng = gapscore::bench::SplitMix64;

/// n items over max(5, n / 10) outcomes in 8 segments; each item lifts 1-3 outcomes by 0.05
/// to 0.5 of their gap; efforts 0.5..8 person-months; ~25 % depend on an earlier item.
std::string gap_document(std::size_t n, bool dependencies = true) {
  static constexpr double kEfforts[] = {0.5, 1, 2, 3, 5, 8};
  Rng rng{0x6a70u + n};
  gapscore::Json doc = {{"format", "gapscore/1"}, {"model", "gap"}};
  gapscore::Json segments = gapscore::Json::array();
  for (int k = 0; k < 8; ++k)
    segments.push_back({{"id", "s" + std::to_string(k)}, {"size", 1000 * (1 + rng.below(500))}});
  const std::size_t m = n / 10 < 5 ? 5 : n / 10;
  gapscore::Json outcomes = gapscore::Json::array();
  for (std::size_t o = 0; o < m; ++o) {
    const double importance = 0.1 * static_cast<double>(rng.below(101));
    const double satisfaction = 0.1 * static_cast<double>(rng.below(101));
    const double current = static_cast<double>(rng.below(80));
    outcomes.push_back({{"id", "o" + std::to_string(o)},
                        {"segment", "s" + std::to_string(rng.below(8))},
                        {"importance", importance},
                        {"satisfaction", satisfaction},
                        {"current", current},
                        {"desired", current + 5 + static_cast<double>(rng.below(20))}});
  }
  gapscore::Json items = gapscore::Json::array();
  for (std::size_t i = 0; i < n; ++i) {
    gapscore::Json lifts = gapscore::Json::array();
    const std::size_t count = 1 + rng.below(3);
    std::size_t first = rng.below(m);
    for (std::size_t k = 0; k < count; ++k)
      lifts.push_back({{"outcome", "o" + std::to_string((first + k * 7) % m)},
                       {"lift", 0.05 * static_cast<double>(1 + rng.below(10))}});
    gapscore::Json item = {{"id", "i" + std::to_string(i)}, {"effort", kEfforts[rng.below(6)]}, {"outcomes", lifts}};
    if (dependencies && i > 0 && rng.below(4) == 0) item["depends_on"] = {"i" + std::to_string(rng.below(i))};
    items.push_back(item);
  }
  doc["segments"] = segments;
  doc["outcomes"] = outcomes;
  doc["items"] = items;
  return doc.dump();
}

void GapScore(benchmark::State& state) {
  gapscore::Diagnostics d;
  auto s = gapscore::load_scenario_text(gap_document(static_cast<std::size_t>(state.range(0))), d);
  const gapscore::ModelInfo& m = *gapscore::find_model("gap");
  for (auto _ : state) benchmark::DoNotOptimize(gapscore::score_items(*s, m));
}
BENCHMARK(GapScore)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void GapPortfolio(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  gapscore::Diagnostics d;
  auto s = gapscore::load_scenario_text(gap_document(n, state.range(1) != 0), d);
  const gapscore::GapData& g = s->sections().gap; // read once, at load
  std::vector<std::vector<std::size_t>> deps(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& id : s->items[i].depends_on) deps[i].push_back(s->item_index(id));
  for (auto _ : state) benchmark::DoNotOptimize(gapscore::build_portfolio(g, s->column(gapscore::Field::effort), deps));
}
BENCHMARK(GapPortfolio)
    ->Args({60, 1})
    ->Args({200, 1})
    ->Args({1000, 1})
    ->Args({2000, 1})
    ->Args({5000, 1})
    ->Args({20000, 1})
    ->Args({20000, 0})
    ->Unit(benchmark::kMillisecond);

void PlanCommandGap(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const std::string doc = gap_document(n);
  // Capacity: 30 % of the expected total effort (mean effort 3.25 person-months).
  const std::string options = R"({"capacity": )" + std::to_string(0.3 * 3.25 * static_cast<double>(n)) + "}";
  gapscore::Json last;
  for (auto _ : state) {
    const auto r = gapscore::run_command("plan", doc, options);
    benchmark::DoNotOptimize(r.output.data());
    state.PauseTiming();
    last = gapscore::Json::parse(r.output);
    state.ResumeTiming();
  }
  const double value = last["total_value"].get<double>(), bound = last["upper_bound"].get<double>();
  state.counters["optimal"] = last["optimal"].get<bool>() ? 1 : 0;
  state.counters["gap_pct"] = bound > 0 ? 100 * (bound - value) / bound : 0;
}
BENCHMARK(PlanCommandGap)->Arg(60)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace
