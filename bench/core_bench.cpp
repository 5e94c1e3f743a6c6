// Benchmarks of the scoring core on generated backlogs of 1k, 10k and 100k items (the
// documents `node scripts/generate-backlog.mjs N` prints, built in memory by
// generated_backlog.hpp). Each stage is timed on its own, so a regression points at a stage:
//   BM_ParseJson         JSON text -> Json (parse_json_text: limits, depth, UTF-8)
//   BM_LoadFromJson      JSON text -> validated Scenario (load_scenario_text: SAX, no DOM)
//   BM_LoadViaDom        the same through a DOM (parse_json_text + load_scenario), the path
//                        load_scenario_text took before issue 20
//   BM_RankerBuild       the one-time tie-break keys (MoSCoW, then id order) of a scenario
//   BM_ScoreAndRank      score_items + Ranker::rank on a loaded scenario (the < 10 ms target)
//   BM_EngineWeightDrag  Engine::set_weight + Engine::rank: the widget's drag path
//   BM_RunCommandRank    run_command("rank") with --top 10: the CLI's work minus file I/O
// Run: build/bench/bench/gapscore_bench (bench/run.sh builds it and adds whole-process timings).
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "gapscore/command.hpp"
#include "gapscore/engine.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "scoring/ranking.hpp"
#include "generated_backlog.hpp"

namespace {

using gapscore::Scenario;

/// Documents are generated once per size and kept: generating 100k items takes longer than
/// loading them.
const std::string& document(std::size_t items) {
  static std::map<std::size_t, std::string> cache;
  auto it = cache.find(items);
  if (it == cache.end()) it = cache.emplace(items, gapscore::bench::generated_backlog(items)).first;
  return it->second;
}

const Scenario& scenario(std::size_t items) {
  static std::map<std::size_t, Scenario> cache;
  auto it = cache.find(items);
  if (it == cache.end()) {
    gapscore::Diagnostics diag;
    auto s = gapscore::load_scenario_text(document(items), diag);
    if (!s) std::abort(); // the generator's output must always load
    it = cache.emplace(items, std::move(*s)).first;
  }
  return it->second;
}

void set_items_counter(benchmark::State& state) {
  state.counters["items/s"] = benchmark::Counter(static_cast<double>(state.range(0)) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}

void BM_ParseJson(benchmark::State& state) {
  const std::string& text = document(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    gapscore::Diagnostics diag;
    auto json = gapscore::parse_json_text(text, diag);
    if (!json) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
  set_items_counter(state);
}

void BM_LoadFromJson(benchmark::State& state) {
  const std::string& text = document(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    gapscore::Diagnostics diag;
    auto s = gapscore::load_scenario_text(text, diag);
    if (!s) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
  set_items_counter(state);
}

void BM_LoadViaDom(benchmark::State& state) {
  const std::string& text = document(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    gapscore::Diagnostics diag;
    auto json = gapscore::parse_json_text(text, diag);
    auto s = json ? gapscore::load_scenario(std::move(*json), diag) : std::nullopt;
    if (!s) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
  set_items_counter(state);
}

void BM_RankerBuild(benchmark::State& state) {
  const Scenario& s = scenario(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    gapscore::Ranker ranker(s);
    benchmark::DoNotOptimize(ranker);
  }
  set_items_counter(state);
}

/// score_items + Ranker::rank on an already loaded scenario; the Ranker (tie-break keys) is
/// built once beforehand, as the Engine and every command build it once per document.
void BM_ScoreAndRank(benchmark::State& state, const char* model_id) {
  const Scenario& s = scenario(static_cast<std::size_t>(state.range(0)));
  const gapscore::ModelInfo* model = gapscore::find_model(model_id);
  const gapscore::Ranker ranker(s);
  gapscore::Ranking ranking;
  for (auto _ : state) {
    gapscore::ScoreTable table = gapscore::score_items(s, *model);
    ranker.rank(table.score, ranking);
    benchmark::DoNotOptimize(ranking.order.data());
  }
  set_items_counter(state);
}

/// The widget's drag: change one weight, re-rank. Weights alternate so every iteration is
/// a real change.
void BM_EngineWeightDrag(benchmark::State& state, const char* model_id) {
  gapscore::Engine engine;
  if (!engine.load(document(static_cast<std::size_t>(state.range(0)))) || !engine.set_model(model_id) ||
      !engine.rank()) {
    state.SkipWithError("engine setup failed");
    return;
  }
  double weight = 5;
  for (auto _ : state) {
    weight = weight == 5 ? 1 : 5;
    engine.set_weight("user_value", weight);
    engine.rank();
    benchmark::DoNotOptimize(engine.order_data());
  }
  set_items_counter(state);
}

void BM_RunCommandRank(benchmark::State& state) {
  const std::string& text = document(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto result = gapscore::run_command("rank", text, R"({"model": "rice", "top": 10, "format": "json"})");
    if (result.exit_code != 0) state.SkipWithError("rank failed");
    benchmark::DoNotOptimize(result.output.data());
  }
  set_items_counter(state);
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(BM_ParseJson)->Apply(sizes);
BENCHMARK(BM_LoadFromJson)->Apply(sizes);
BENCHMARK(BM_LoadViaDom)->Apply(sizes);
BENCHMARK(BM_RankerBuild)->Apply(sizes);
BENCHMARK_CAPTURE(BM_ScoreAndRank, rice, "rice")->Apply(sizes);
BENCHMARK_CAPTURE(BM_ScoreAndRank, wsjf, "wsjf")->Apply(sizes);
BENCHMARK_CAPTURE(BM_ScoreAndRank, weighted, "weighted")->Apply(sizes);
BENCHMARK_CAPTURE(BM_ScoreAndRank, topsis, "topsis")->Apply(sizes);
BENCHMARK_CAPTURE(BM_EngineWeightDrag, weighted, "weighted")->Apply(sizes);
BENCHMARK_CAPTURE(BM_EngineWeightDrag, topsis, "topsis")->Apply(sizes);
BENCHMARK(BM_RunCommandRank)->Apply(sizes);
