// The native half of the WebAssembly-vs-native comparison (issue 7 §6). Each case is one
// workload that bench/wasm/workloads.mjs times through dist/gapscore.mjs under node, on the
// same document bytes (generated_backlog.hpp = scripts/generate-backlog.mjs), through the
// same calls; bench/run-wasm-vs-native.mjs runs both and prints the ratios.
//   BM_WasmVsNative_Load          Engine::load of the 10k-item document
//   BM_WasmVsNative_WeightRerank  Engine::set_weight + Engine::rank (weighted), 1k/10k/100k
//   BM_WasmVsNative_RunRank       run_command("rank", 10k items, {"format": "json"})
//   BM_WasmVsNative_Simulate      run_command("simulate", 1k items, 10,000 runs, seed 1)
// Keep the calls in step with bench/wasm/workloads.mjs.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "gapscore/command.hpp"
#include "gapscore/engine.hpp"
#include "generated_backlog.hpp"

namespace {

const std::string& backlog(std::size_t items) {
  static std::map<std::size_t, std::string> cache;
  auto it = cache.find(items);
  if (it == cache.end()) it = cache.emplace(items, gapscore::bench::generated_backlog(items)).first;
  return it->second;
}

void BM_WasmVsNative_Load(benchmark::State& state) {
  const std::string& text = backlog(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    gapscore::Engine engine;
    if (!engine.load(text)) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(engine.size());
  }
}
BENCHMARK(BM_WasmVsNative_Load)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_WasmVsNative_WeightRerank(benchmark::State& state) {
  gapscore::Engine engine;
  if (!engine.load(backlog(static_cast<std::size_t>(state.range(0)))) || !engine.set_model("weighted") ||
      !engine.rank()) {
    state.SkipWithError("engine setup failed");
    return;
  }
  double weight = 5;
  for (auto _ : state) {
    weight = weight == 5 ? 1 : 5; // alternate, so every iteration really changes the order
    engine.set_weight("user_value", weight);
    engine.rank();
    benchmark::DoNotOptimize(engine.order_data());
  }
}
BENCHMARK(BM_WasmVsNative_WeightRerank)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_WasmVsNative_RunRank(benchmark::State& state) {
  const std::string& text = backlog(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = gapscore::run_command("rank", text, R"({"format": "json"})");
    if (r.exit_code != 0) state.SkipWithError("rank failed");
    benchmark::DoNotOptimize(r.output.data());
  }
}
BENCHMARK(BM_WasmVsNative_RunRank)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_WasmVsNative_Simulate(benchmark::State& state) {
  const std::string& text = backlog(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = gapscore::run_command("simulate", text, R"({"format": "json", "runs": 10000, "seed": 1})");
    if (r.exit_code != 0) state.SkipWithError("simulate failed");
    benchmark::DoNotOptimize(r.output.data());
  }
}
BENCHMARK(BM_WasmVsNative_Simulate)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
