// gapscore simulate: Monte Carlo over the document's ranges; each item's probability of
// each rank (SMAA rank acceptability), of the top K, its expected rank and 5-95 % interval.
#include "whatif/commands.hpp"
#include "whatif/simulate.hpp"

#include <cmath>
#include <algorithm>
#include <numeric>

#include "document/sections.hpp"
#include "gapscore/command.hpp"
#include "whatif/requested_scenario.hpp"
#include "scoring/scored.hpp"

namespace gapscore {
namespace {

/// Seeds must survive a trip through JavaScript numbers (the widget shares them in links).
constexpr long long kMaxSeed = (1LL << 53) - 1;

constexpr long long kMinRuns = 1;

/// A whole number from the document's "simulation" section, else the default. Problems are
/// reported at /simulation/<name> (once for a section that is not an object).
std::optional<long long> section_setting(const Scenario& s, const char* name,
                                         SimulationSection::Setting SimulationSection::*member, long long min,
                                         long long max, long long fallback, Diagnostics& diag, bool report_shape = true) {
  const SimulationSection& section = s.sections().simulation;
  if (!section.present) return fallback;
  if (!section.not_an_object.empty()) {
    if (report_shape)
      diag.error("/simulation", code::wrong_type, "must be an object {\"runs\", \"seed\"} (got " + section.not_an_object + ")");
    return std::nullopt;
  }
  const SimulationSection::Setting& v = section.*member;
  if (!v.given) return fallback;
  const double x = v.value;
  if (x != std::floor(x) || x < static_cast<double>(min) || x > static_cast<double>(max)) {
    diag.error(pointer("/simulation", name), code::out_of_range, "must be a whole number between " + std::to_string(min) + " and " +
                                                 std::to_string(max) + " (got " + v.shown + ")");
    return std::nullopt;
  }
  return static_cast<long long>(x);
}

/// A whole number from the options, else from the document's "simulation" section, else
/// the default.
std::optional<long long> setting(Request& r, const Scenario& s, const char* name,
                                 SimulationSection::Setting SimulationSection::*member, long long min,
                                 long long max, long long fallback, bool& from_options) {
  from_options = r.has(name);
  if (from_options) return r.integer(name, min, max);
  return section_setting(s, name, member, min, max, fallback, r.diag);
}

Json item_row(const Scenario& s, const SimulationResult& res, std::size_t i, std::size_t top) {
  Json::array_t probabilities;
  probabilities.reserve(res.items);
  for (std::size_t r = 1; r <= res.items; ++r) probabilities.emplace_back(res.rank_probability(i, r));
  const auto [lo, hi] = res.rank_interval(i);
  return Json{{"id", s.items[i].id},
              {"title", s.items[i].title},
              {"likely_rank", res.likely.rank[i]},
              {"expected_rank", res.expected_rank(i)},
              {"rank_probabilities", std::move(probabilities)},
              {"p_top", res.p_top(i, top)},
              {"rank_interval", Json::array({lo, hi})}};
}


/// What the command settles before the first run.
struct SimulationSetup {
  Scenario scenario;
  const ModelInfo* model = nullptr;
  SimulationSettings settings;
};

/// Loads the scenario, picks the model, reads runs, seed and top and checks the budget.
/// nullopt with the problems in r.diag.
std::optional<SimulationSetup> simulation_setup(Request& r) {
  auto s = load_requested_scenario(r);
  if (!s) return std::nullopt;
  const ModelInfo* m = r.model(*s);
  if (!m) return std::nullopt;
  bool runs_from_options = false, seed_from_options = false;
  const auto runs = setting(r, *s, "runs", &SimulationSection::runs, kMinRuns, static_cast<long long>(simulation_limits::runs),
                            10000, runs_from_options);
  const auto seed = setting(r, *s, "seed", &SimulationSection::seed, 0, kMaxSeed, 1, seed_from_options);
  std::size_t top = r.top(*s);
  if (!r.diag.ok() || !runs || !seed) return std::nullopt;
  if (top == 0) top = 1; // the first-rank acceptability, SMAA's headline number

  SimulationSettings settings;
  settings.runs = static_cast<std::uint64_t>(*runs);
  settings.seed = static_cast<std::uint64_t>(*seed);
  settings.top = top;
  if (s->size() > simulation_limits::items) {
    r.diag.error("/items", code::over_budget, simulation_budget_problem(s->size(), 0, settings.runs));
    return std::nullopt;
  }
  std::size_t inputs = 0;
  for (const auto& in : s->uncertain) inputs += model_reads(*s, *m, in);
  const std::string budget = simulation_budget_problem(s->size(), inputs, settings.runs);
  if (!budget.empty()) {
    if (runs_from_options) r.usage("runs", code::over_budget, budget);
    else r.diag.error("/simulation/runs", code::over_budget, budget);
    return std::nullopt;
  }
  return SimulationSetup{std::move(*s), m, settings};
}

/// The command's result document for a finished (or cancelled) run; null with the problem
/// in r.diag.
Json simulation_json(Request& r, const SimulationSetup& setup, const SimulationResult& res) {
  const Scenario& s = setup.scenario;
  const SimulationSettings& settings = setup.settings;
  if (!res.error.empty()) {
    r.diag.error("", res.error_code, res.error);
    return nullptr;
  }
  if (res.runs == 0) {
    r.diag.error("", code::cancelled, "cancelled before the first run finished");
    return nullptr;
  }
  Json out = Json::object();
  out["runs"] = settings.runs;
  out["seed"] = settings.seed;
  out["distribution"] = "triangular";
  describe_model(out, *setup.model, setup.scenario);
  out["top"] = settings.top;
  out["uncertain_inputs"] = res.inputs;
  if (res.cancelled) {
    out["cancelled"] = true;
    out["runs_completed"] = res.runs;
  }
  // By expected rank (compared as exact integer rank sums), then by the likely rank.
  std::vector<std::size_t> order(res.items);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::uint64_t> sums(res.items);
  for (std::size_t i = 0; i < res.items; ++i) sums[i] = res.rank_sum(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return sums[a] != sums[b] ? sums[a] < sums[b] : res.likely.rank[a] < res.likely.rank[b];
  });
  Json items = Json::array();
  for (std::size_t i : order) items.push_back(item_row(s, res, i, settings.top));
  out["items"] = std::move(items);
  return out;
}

} // namespace

void check_simulation_section(const Scenario& s, Diagnostics& diag) {
  (void)section_setting(s, "runs", &SimulationSection::runs, kMinRuns, static_cast<long long>(simulation_limits::runs), 0, diag);
  (void)section_setting(s, "seed", &SimulationSection::seed, 0, kMaxSeed, 0, diag, false);
}

SimulationSection read_simulation_section(const Json& document) {
  SimulationSection out;
  if (!document.is_object() || !document.contains("simulation")) return out;
  out.present = true;
  const Json& section = document["simulation"];
  if (!section.is_object()) {
    out.not_an_object = describe(section);
    return out;
  }
  auto read = [&](const char* name, SimulationSection::Setting& setting) {
    if (!section.contains(name)) return;
    const Json& v = section[name];
    setting.given = true;
    if (v.is_number()) setting.value = v.get<double>();
    setting.shown = describe(v);
  };
  read("runs", out.runs);
  read("seed", out.seed);
  return out;
}

Json command_simulate(Request& r) {
  const auto setup = simulation_setup(r);
  if (!setup) return nullptr;
  SimulationRun run(setup->scenario, *setup->model, setup->settings);
  run.advance(setup->settings.runs);
  return simulation_json(r, *setup, run.result());
}

struct SteppedSimulation::State {
  std::string document, options;
  PreparedCommand command;
  std::optional<SimulationSetup> setup;
  std::unique_ptr<SimulationRun> run;
  std::optional<CommandResult> finished; // set once known: a failure up front, or the result
};

SteppedSimulation::SteppedSimulation(std::string_view document, std::string_view options) {
  guarded([&] {
    state_ = std::make_unique<State>();
    State& st = *state_;
    st.document.assign(document);
    st.options.assign(options);
    if (!prepare_command(st.command, "simulate", st.document, st.options)) {
      st.finished = std::move(st.command.failure);
      return;
    }
    st.setup = simulation_setup(st.command.request);
    if (!st.setup) {
      st.finished = complete_command(st.command, nullptr);
      return;
    }
    st.run = std::make_unique<SimulationRun>(st.setup->scenario, *st.setup->model, st.setup->settings);
  });
}

SteppedSimulation::~SteppedSimulation() = default;

template <class F> void SteppedSimulation::guarded(F&& f) noexcept {
  // Whatever goes wrong (out of memory, most likely), the object stays usable: it is done,
  // and result() returns the error run_command would have given.
  try {
    f();
    return;
  } catch (const std::bad_alloc&) {
    finish_with(out_of_memory_result());
  } catch (const std::exception& ex) {
    try {
      finish_with(command_failure(std::string("internal error: ") + ex.what()));
    } catch (...) {
      finish_with(out_of_memory_result());
    }
  }
}

void SteppedSimulation::finish_with(CommandResult result) noexcept {
  try {
    if (!state_) state_ = std::make_unique<State>();
    state_->run.reset();
    state_->finished = std::move(result);
  } catch (...) {
    state_.reset(); // result() then reports out of memory
  }
}

bool SteppedSimulation::step(std::uint64_t runs) {
  if (done()) return true;
  bool finished = true;
  guarded([&] { finished = state_->run->advance(runs); });
  return finished || done();
}

bool SteppedSimulation::done() const {
  return !state_ || state_->finished || !state_->run || state_->run->done();
}

void SteppedSimulation::cancel() {
  if (state_ && state_->run) state_->run->cancel();
}

std::uint64_t SteppedSimulation::runs_requested() const {
  return state_ && state_->setup ? state_->setup->settings.runs : 0;
}

double SteppedSimulation::fraction_done() const {
  // Also once finished: result() before the end cancels the run, and the fraction then
  // stays where it stopped, as after cancel().
  if (!state_ || !state_->run) return 1.0;
  return state_->run->fraction_done();
}

CommandResult SteppedSimulation::result() {
  guarded([&] {
    if (!state_ || state_->finished) return;
    State& st = *state_;
    st.run->cancel(); // a run not stepped to the end is a cancelled one
    Json out = simulation_json(st.command.request, *st.setup, st.run->result());
    st.finished = complete_command(st.command, std::move(out));
  });
  try {
    if (state_ && state_->finished) return *state_->finished;
  } catch (...) {
  }
  return out_of_memory_result();
}

const CommandSpec& simulate_command() {
  static const CommandSpec spec{"simulate", "Monte Carlo over ranged inputs: each item's chance of each rank", {"model", "runs", "seed", "top", "scenario"}, command_simulate, render_simulate_table, render_simulate_csv};
  return spec;
}

} // namespace gapscore
