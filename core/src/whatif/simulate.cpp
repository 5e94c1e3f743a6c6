// Monte Carlo rank acceptability. The loop reuses its buffers (draw constants, keys, counts)
// and redoes only what the drawn inputs change; see simulate.hpp for the contract.
#include "whatif/simulate.hpp"

#include <algorithm>
#include <numeric>

#include "scoring/finite_scores.hpp"
#include "math/random.hpp"
#include "scoring/packed_ranker.hpp"

namespace gapscore {
namespace {

/// Re-scores the working scenario after a draw, redoing only what the draw can change.
/// Criteria models keep their term columns (normalized scores, which weights do not change):
/// a drawn weight only recombines them (ModelInfo::combine), a drawn score recomputes only
/// its own column. A drawn item field, or any other model, scores everything again.
class Rescorer {
public:
  Rescorer(const Scenario& work, const ModelInfo& m, const std::vector<UncertainInput>& inputs)
      : m_(m), table_(score_items(work, m)) {
    bool fields_vary = false;
    std::vector<bool> column_varies(work.criteria.size(), false);
    for (const auto& in : inputs) {
      if (in.target == UncertainInput::Target::score) column_varies[in.column] = true;
      if (in.target == UncertainInput::Target::field) fields_vary = true;
    }
    for (std::size_t c = 0; c < column_varies.size(); ++c)
      if (column_varies[c]) varying_columns_.push_back(c);
    recombine_ = m.reads_weights() && m.criterion_term && !fields_vary;
  }

  const std::vector<double>& rescore(const Scenario& work) {
    if (recombine_) {
      for (std::size_t c : varying_columns_) table_.terms[c] = m_.criterion_term(work, c);
      m_.combine(work, table_);
    } else {
      // score_items itself, so this path can never drift from what `rank` computes; its
      // few allocations per run cost little next to the draws and the sort.
      table_ = score_items(work, m_);
    }
    return table_.score;
  }

private:
  const ModelInfo& m_;
  ScoreTable table_;
  bool recombine_ = false;
  std::vector<std::size_t> varying_columns_;
};

void write_input(Scenario& work, const UncertainInput& in, double x) {
  switch (in.target) {
  case UncertainInput::Target::field: work.fields[in.column][in.item] = x; break;
  case UncertainInput::Target::score: work.scores[in.column][in.item] = x; break;
  case UncertainInput::Target::weight: work.criteria[in.column].weight = x; break;
  }
}

std::string with_thousands(std::uint64_t x) {
  std::string digits = std::to_string(x), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

} // namespace

bool model_reads(const Scenario& s, const ModelInfo& m, const UncertainInput& in) {
  if (in.target != UncertainInput::Target::field) return m.needs_criteria;
  const Field f = static_cast<Field>(in.column);
  if (std::find(m.required_fields.begin(), m.required_fields.end(), f) != m.required_fields.end()) return true;
  if (!m.needs_criteria) return false;
  for (const Criterion& c : s.criteria)
    if (c.source == CriterionSource::field && c.field == f) return true;
  return false;
}

std::string simulation_budget_problem(std::size_t items, std::size_t inputs, std::uint64_t runs) {
  namespace lim = simulation_limits;
  if (runs < 1) return "must be at least 1";
  if (runs > lim::runs) return "must be at most " + with_thousands(lim::runs) + " (got " + with_thousands(runs) + ")";
  if (items > lim::items)
    return "simulation handles at most " + with_thousands(lim::items) + " items (the rank table has items × items entries); this document has " +
           with_thousands(items);
  if (items && runs > lim::run_items / items)
    return with_thousands(runs) + " runs × " + with_thousands(items) + " items is more than the budget of " +
           with_thousands(lim::run_items) + " item rankings; use at most " + with_thousands(lim::run_items / items) + " runs";
  if (inputs && runs > lim::run_inputs / inputs)
    return with_thousands(runs) + " runs × " + with_thousands(inputs) + " uncertain inputs is more than the budget of " +
           with_thousands(lim::run_inputs) + " draws; use at most " + with_thousands(lim::run_inputs / inputs) + " runs";
  return "";
}

double SimulationResult::rank_probability(std::size_t item, std::size_t rank) const {
  return runs ? static_cast<double>(count(item, rank)) / static_cast<double>(runs) : 0.0;
}

double SimulationResult::p_top(std::size_t item, std::size_t k) const {
  std::uint64_t in_top = 0;
  for (std::size_t r = 1; r <= std::min(k, items); ++r) in_top += count(item, r);
  return runs ? static_cast<double>(in_top) / static_cast<double>(runs) : 0.0;
}

std::uint64_t SimulationResult::rank_sum(std::size_t item) const {
  std::uint64_t sum = 0;
  for (std::size_t r = 1; r <= items; ++r) sum += static_cast<std::uint64_t>(count(item, r)) * r;
  return sum;
}

double SimulationResult::expected_rank(std::size_t item) const {
  return runs ? static_cast<double>(rank_sum(item)) / static_cast<double>(runs) : 0.0;
}

std::pair<std::uint32_t, std::uint32_t> SimulationResult::rank_interval(std::size_t item) const {
  // Smallest r with cumulative/runs >= 5 % (and 95 %), i.e. 20 × cumulative >= runs
  // (and 20 × cumulative >= 19 × runs).
  std::uint32_t lo = 0, hi = 0;
  std::uint64_t cumulative = 0;
  for (std::size_t r = 1; r <= items && !hi; ++r) {
    cumulative += count(item, r);
    if (!lo && 20 * cumulative >= runs) lo = static_cast<std::uint32_t>(r);
    if (20 * cumulative >= 19 * runs) hi = static_cast<std::uint32_t>(r);
  }
  return {lo, hi};
}

/// What the run loop keeps between steps.
struct SimulationRun::Loop {
  Loop(const Scenario& s, const ModelInfo& model, std::vector<UncertainInput> drawn, std::uint64_t seed)
      : m(model), inputs(std::move(drawn)), work(s), rescorer(work, m, inputs), ranker(work), rng(seed) {
    ranges.reserve(inputs.size());
    for (const auto& in : inputs) ranges.emplace_back(in.low, in.likely, in.high);
  }
  const ModelInfo& m;
  std::vector<UncertainInput> inputs;
  Scenario work; // the document stays: some models read sections of it
  Rescorer rescorer;
  PackedRanker ranker;
  Xoshiro256StarStar rng;
  std::vector<TriangularRange> ranges;
  std::vector<std::uint32_t> order;
};

SimulationRun::SimulationRun(const Scenario& s, const ModelInfo& m, const SimulationSettings& settings)
    : target_runs_(settings.runs) {
  const std::size_t n = s.size();
  res_.items = n;
  std::vector<UncertainInput> inputs;
  for (const auto& in : s.uncertain)
    if (model_reads(s, m, in)) inputs.push_back(in);
  res_.inputs = inputs.size();
  res_.error = simulation_budget_problem(n, inputs.size(), settings.runs);
  res_.error_code = code::over_budget;
  if (!res_.error.empty()) return;

  Ranker(s).rank(score_items(s, m).score, res_.likely);
  res_.rank_counts.assign(n * n, 0);
  if (inputs.empty()) {
    // Nothing the model reads is uncertain: every run would give the likely ranking.
    for (std::size_t i = 0; i < n; ++i)
      res_.rank_counts[i * n + res_.likely.rank[i] - 1] = static_cast<std::uint32_t>(settings.runs);
    res_.runs = settings.runs;
    return;
  }
  loop_ = std::make_unique<Loop>(s, m, std::move(inputs), settings.seed);
}

SimulationRun::~SimulationRun() = default;

bool SimulationRun::done() const {
  return !res_.error.empty() || res_.cancelled || res_.runs >= target_runs_;
}

void SimulationRun::cancel() {
  if (!done()) res_.cancelled = true;
}

double SimulationRun::fraction_done() const {
  return target_runs_ ? static_cast<double>(res_.runs) / static_cast<double>(target_runs_) : 1.0;
}

bool SimulationRun::advance(std::uint64_t runs) {
  if (done()) return true;
  Loop& l = *loop_;
  const std::size_t n = res_.items;
  std::uint32_t* counts = res_.rank_counts.data();
  const std::uint64_t end = res_.runs + std::min(std::max<std::uint64_t>(runs, 1), target_runs_ - res_.runs);
  for (std::uint64_t run = res_.runs; run < end; ++run) {
    for (std::size_t k = 0; k < l.inputs.size(); ++k) write_input(l.work, l.inputs[k], l.ranges[k].at(l.rng.uniform()));
    const std::vector<double>& scores = l.rescorer.rescore(l.work);
    // Drawn inputs can overflow where the likely ones did not (finite_scores.hpp); a NaN key
    // would also break the sort. Stop with the item and the run named.
    if (const std::size_t bad = first_non_finite(scores); bad < n) {
      res_.error_code = code::overflow;
      res_.error = "run " + std::to_string(run + 1) + " drew values from the document's ranges that overflow: " +
                   non_finite_score_message(l.work, l.m, bad, scores[bad]);
      return true;
    }
    l.ranker.rank(scores, l.order);
    for (std::size_t r = 0; r < n; ++r) ++counts[static_cast<std::size_t>(l.order[r]) * n + r];
    res_.runs = run + 1;
  }
  return done();
}

} // namespace gapscore
