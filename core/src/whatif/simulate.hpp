#pragma once
/// Monte Carlo over uncertain inputs: rank acceptability (SMAA, Lahdelma & Salminen).
///
/// Every input given as a range {"low", "likely", "high"} is drawn from a triangular
/// distribution (random.hpp says why triangular), the items are re-scored with the chosen
/// model and ranked exactly as `rank` ranks them (score, then MoSCoW, then id). Over all
/// runs each item gets the share of runs in which it took each rank: the rank
/// acceptability indices b_i^r of Stochastic Multicriteria Acceptability Analysis
/// (R. Lahdelma and P. Salminen, "SMAA-2: Stochastic multicriteria acceptability analysis
/// for group decision making", Operations Research 49(3), 2001).
///
/// Reproducible bit for bit for a seed, natively and in WebAssembly: one xoshiro256**
/// stream seeded from the seed; run after run, each uncertain input the model reads takes
/// exactly one 64-bit output, in the order of Scenario::uncertain (document order: criteria
/// weights first, then items in order, each item's fields in the order written, then its
/// scores). Inputs the model does not read take no draw, so a range on an unrelated field
/// does not change the numbers.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/models.hpp"
#include "scoring/ranking.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// The budget of one simulation, checked before any work starts.
namespace simulation_limits {
inline constexpr std::uint64_t runs = 1000000;          ///< runs per simulation
inline constexpr std::uint64_t run_items = 200000000;   ///< runs × items (3-10 s natively)
inline constexpr std::uint64_t run_inputs = 200000000;  ///< runs × uncertain inputs drawn
/// Items: the rank table holds items × items counts (2000 items: 16 MB).
inline constexpr std::size_t items = 2000;
} // namespace simulation_limits

/// The document's "simulation" section as written. The simulate command takes runs and seed
/// from it when its options give none, and reports its problems then; other commands
/// ignore it.
struct SimulationSection {
  struct Setting {
    bool given = false;
    double value = 0.5; ///< the number as written; 0.5 (never whole) when it is not a number
    std::string shown;  ///< the value as messages show it (describe())
  };
  bool present = false;
  std::string not_an_object; ///< the section as messages show it, when it is not an object
  Setting runs, seed;
};
SimulationSection read_simulation_section(const Json& document);
/// The document's "simulation" section checked as simulate checks it (whole runs from 1 to
/// the limit, a seed from 0 to 2^53 - 1), its problems at /simulation/...: validate reports
/// them, so a document it calls valid does not fail in simulate.
void check_simulation_section(const Scenario& s, Diagnostics& diag);

struct SimulationSettings {
  std::uint64_t runs = 10000;
  std::uint64_t seed = 1;
  std::size_t top = 1; ///< K in "probability of being in the top K"
};

struct SimulationResult {
  std::string error;       ///< not empty: the run stopped (over budget, or a draw overflowed)
  std::string_view error_code; ///< code::over_budget or code::overflow
  std::size_t items = 0;
  std::uint64_t runs = 0;  ///< runs completed (the requested number unless cancelled)
  bool cancelled = false;
  std::size_t inputs = 0;  ///< uncertain inputs the model reads (each drawn once per run)
  /// rank_counts[item * items + (rank - 1)]: in how many runs the item took that rank.
  std::vector<std::uint32_t> rank_counts;
  /// The ranking with every input at its likely value (what `rank` shows).
  Ranking likely;

  std::uint32_t count(std::size_t item, std::size_t rank) const {
    return rank_counts[item * items + rank - 1];
  }
  /// Share of runs in which the item took `rank` (1-based).
  double rank_probability(std::size_t item, std::size_t rank) const;
  /// Share of runs in which the item ranked k or better.
  double p_top(std::size_t item, std::size_t k) const;
  /// Mean rank over the runs; rank_sum / runs.
  double expected_rank(std::size_t item) const;
  std::uint64_t rank_sum(std::size_t item) const;
  /// The 5 % and 95 % quantiles of the item's rank: the smallest ranks whose cumulative
  /// share of runs reaches 5 % and 95 % (counted in integers, so no rounding is involved).
  std::pair<std::uint32_t, std::uint32_t> rank_interval(std::size_t item) const;
};

/// Why `runs` runs over `items` items with `inputs` uncertain inputs exceed the budget,
/// in words a user understands, or "" when they fit.
std::string simulation_budget_problem(std::size_t items, std::size_t inputs, std::uint64_t runs);

/// Whether the model reads this input (fields it requires; scores and weights of
/// criteria-based models, and the fields their criteria take values from).
bool model_reads(const Scenario& s, const ModelInfo& m, const UncertainInput& input);

/// The one simulation primitive: a run that advances in steps, so a caller can stay
/// responsive between them (the widget runs a slice per animation frame, the CLI draws a
/// progress bar) and cancel. However it is sliced, the counts are the same: one generator
/// stream, drawn in the same order. The `simulate` command and SteppedSimulation
/// (command.hpp) are both built on it.
///
/// Preconditions: check_model_inputs found no error for `m`; the scenario and the model
/// outlive the run. With no uncertain input the model reads, every item keeps its likely
/// rank in every run (computed once, no draws). Over budget, result().error says why and
/// nothing runs.
class SimulationRun {
public:
  SimulationRun(const Scenario& s, const ModelInfo& m, const SimulationSettings& settings);
  ~SimulationRun();
  SimulationRun(const SimulationRun&) = delete;
  SimulationRun& operator=(const SimulationRun&) = delete;

  /// Runs up to `runs` more runs (at least one, so a loop until done always ends); returns
  /// true when nothing is left to run (all runs done, cancelled, or stopped by an error in
  /// the result).
  bool advance(std::uint64_t runs);
  bool done() const;
  /// Stops here: the result keeps the runs completed and is marked cancelled.
  void cancel();
  double fraction_done() const;
  const SimulationResult& result() const { return res_; }

private:
  struct Loop; // the working scenario, the re-scorer, the ranker and the generator
  SimulationResult res_;
  std::uint64_t target_runs_ = 0;
  std::unique_ptr<Loop> loop_; // null when there is nothing to draw (or over budget)
};

} // namespace gapscore
