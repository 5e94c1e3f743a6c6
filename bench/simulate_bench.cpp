// Monte Carlo simulation: 10,000 runs over 1,000 items (the target is under 1 s natively).
//
// Documents are generated here from the core's splitmix64 (draws.hpp; no std::
// distributions), so every machine benchmarks the same inputs:
//   rice          every item has reach, impact and effort as ranges (3,000 draws a run):
//                 the full re-score path.
//   weights       weighted scorecard, 5 criteria, only the weights are ranges: the cached
//                 normalized columns are recombined, nothing is re-normalized.
//   scores        weighted scorecard, one criterion's score is a range on every item: that
//                 column is re-normalized each run.
//   command       `simulate` through run_command, JSON output (1,000,000 probabilities)
//                 included, on the rice document.
#include "draws.hpp"
#include "gapscore/command.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "whatif/simulate.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using gapscore::Json;

using Draws = gapscore::bench::SplitMix64;

Json range(double low, double likely, double high) {
  return Json{{"low", low}, {"likely", likely}, {"high", high}};
}

std::string rice_document(std::size_t n) {
  Draws d{2024};
  Json items = Json::array();
  static constexpr double kImpact[] = {0.25, 0.5, 1, 2, 3};
  for (std::size_t i = 0; i < n; ++i) {
    const double reach = 100.0 * static_cast<double>(1 + d.below(50));
    const double effort = 0.5 * static_cast<double>(1 + d.below(16));
    const std::size_t k = d.below(5);
    items.push_back(Json{{"id", "item-" + std::to_string(i)},
                         {"reach", range(reach * 0.5, reach, reach * 1.5)},
                         {"impact", range(kImpact[k > 0 ? k - 1 : 0], kImpact[k], kImpact[k < 4 ? k + 1 : 4])},
                         {"confidence", 0.8},
                         {"effort", range(effort, effort * 1.5, effort * 3)}});
  }
  return Json{{"format", "gapscore/1"}, {"model", "rice"}, {"top", 10}, {"items", items}}.dump();
}

std::string weighted_document(std::size_t n, bool uncertain_scores) {
  Draws d{7};
  Json criteria = Json::array();
  for (int c = 0; c < 5; ++c) {
    const double w = static_cast<double>(1 + c);
    criteria.push_back(Json{{"id", "c" + std::to_string(c)}, {"weight", uncertain_scores ? Json(w) : range(w / 2, w, w * 2)},
                            {"direction", c == 4 ? "cost" : "benefit"}});
  }
  Json items = Json::array();
  for (std::size_t i = 0; i < n; ++i) {
    Json scores = Json::object();
    for (int c = 0; c < 5; ++c) {
      const double x = static_cast<double>(d.below(101));
      scores["c" + std::to_string(c)] = uncertain_scores && c == 0 ? range(x / 2, x, x + 10) : Json(x);
    }
    items.push_back(Json{{"id", "item-" + std::to_string(i)}, {"scores", scores}});
  }
  return Json{{"format", "gapscore/1"}, {"model", "weighted"}, {"top", 10}, {"criteria", criteria}, {"items", items}}.dump();
}

void run_simulation(benchmark::State& state, const std::string& document) {
  gapscore::Diagnostics diag;
  auto s = gapscore::load_scenario_text(document, diag);
  if (!s) {
    state.SkipWithError("document did not load");
    return;
  }
  const auto* m = gapscore::find_model(s->model);
  gapscore::SimulationSettings settings;
  settings.runs = static_cast<std::uint64_t>(state.range(1));
  settings.seed = 42;
  settings.top = 10;
  for (auto _ : state) {
    gapscore::SimulationRun run(*s, *m, settings);
    run.advance(settings.runs);
    benchmark::DoNotOptimize(run.result().rank_counts.data());
  }
  state.counters["items"] = static_cast<double>(s->size());
  state.counters["runs"] = static_cast<double>(settings.runs);
  state.counters["item_rankings_per_s"] =
      benchmark::Counter(static_cast<double>(settings.runs * s->size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_SimulateRice(benchmark::State& state) {
  run_simulation(state, rice_document(static_cast<std::size_t>(state.range(0))));
}
void BM_SimulateWeightedWeights(benchmark::State& state) {
  run_simulation(state, weighted_document(static_cast<std::size_t>(state.range(0)), false));
}
void BM_SimulateWeightedScores(benchmark::State& state) {
  run_simulation(state, weighted_document(static_cast<std::size_t>(state.range(0)), true));
}

void BM_SimulateCommand(benchmark::State& state) {
  const std::string doc = rice_document(static_cast<std::size_t>(state.range(0)));
  const std::string options = Json{{"runs", state.range(1)}, {"seed", 42}}.dump();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto r = gapscore::run_command("simulate", doc, options);
    bytes = r.output.size();
    benchmark::DoNotOptimize(r.output.data());
  }
  state.counters["output_MB"] = static_cast<double>(bytes) / 1e6;
}

} // namespace

BENCHMARK(BM_SimulateRice)->Args({1000, 10000})->Args({100, 10000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimulateWeightedWeights)->Args({1000, 10000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimulateWeightedScores)->Args({1000, 10000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimulateCommand)->Args({1000, 10000})->Unit(benchmark::kMillisecond);
