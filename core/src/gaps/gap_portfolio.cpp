// The portfolio view: items in the order that closes the most opportunity-weighted gap per
// effort, counting each outcome's gap at most once, and the value curve that order draws.
#include <algorithm>
#include <queue>

#include "gaps/gap.hpp"

namespace gapscore {
namespace {

/// Above this many items, dependencies only constrain the order (no look-ahead bundles):
/// the bundle search costs O(n²) and must stay interactive in a browser.
constexpr std::size_t kBundleItemLimit = 2000;

class PortfolioBuilder {
public:
  PortfolioBuilder(const GapData& g, const std::vector<double>& effort,
                   const std::vector<std::vector<std::size_t>>& deps)
      : g_(g), effort_(effort), deps_(deps), n_(effort.size()) {
    for (std::size_t o = 0; o < g.outcomes.size(); ++o) {
      uv_.push_back(unrealized_value(g, o));
      value_.push_back(outcome_value(g, o));
      out_.total_unrealized_value += uv_.back();
      out_.total_value += value_.back();
    }
    closed_.assign(g.outcomes.size(), 0.0);
    scratch_.assign(g.outcomes.size(), 0.0);
    placed_.assign(n_, false);
    stamp_.assign(n_, 0);
  }

  Portfolio build() {
    bool any_deps = false;
    for (std::size_t i = 0; i < n_ && i < deps_.size(); ++i) any_deps = any_deps || !deps_[i].empty();
    if (any_deps && n_ <= kBundleItemLimit) {
      out_.method = "greedy by marginal value per effort; each candidate is an item with its "
                    "not-yet-planned dependencies";
      bundle_greedy();
    } else {
      out_.method = any_deps ? "lazy greedy by marginal value per effort; an item becomes a candidate "
                               "once its dependencies are planned (large backlog: no look-ahead)"
                             : "greedy by marginal value per effort";
      lazy_greedy();
    }
    return std::move(out_);
  }

private:
  const GapData& g_;
  const std::vector<double>& effort_;
  const std::vector<std::vector<std::size_t>>& deps_;
  std::size_t n_;
  std::vector<double> uv_, value_, closed_, scratch_;
  std::vector<bool> placed_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 0;
  Portfolio out_;
  double cum_effort_ = 0, cum_value_ = 0, uv_closed_ = 0;

  const std::vector<std::size_t>& deps_of(std::size_t i) const {
    static const std::vector<std::size_t> none;
    return i < deps_.size() ? deps_[i] : none;
  }

  /// Marginal value of item i alone given what is planned.
  double marginal(std::size_t i) const {
    double v = 0;
    for (const Lift& l : g_.lifts[i]) {
      const double room = closed_[l.outcome] < 1 ? 1 - closed_[l.outcome] : 0;
      v += std::min(l.fraction, room) * value_[l.outcome];
    }
    return v;
  }

  /// Unplaced items of i's dependency closure, dependencies first (post-order following
  /// each depends_on list in the order written), i last. Iterative: no deep recursion.
  void bundle(std::size_t root, std::vector<std::size_t>& out) {
    out.clear();
    ++epoch_;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    stamp_[root] = epoch_;
    while (!stack.empty()) {
      auto& [i, next] = stack.back();
      const auto& d = deps_of(i);
      if (next < d.size()) {
        const std::size_t j = d[next++];
        if (j < n_ && !placed_[j] && stamp_[j] != epoch_) {
          stamp_[j] = epoch_;
          stack.push_back({j, 0});
        }
        continue;
      }
      out.push_back(i);
      stack.pop_back();
    }
  }

  /// Marginal value and effort of a bundle, counting its own overlaps once.
  std::pair<double, double> bundle_gain(const std::vector<std::size_t>& b) {
    double v = 0, e = 0;
    std::vector<std::size_t> touched;
    for (std::size_t i : b) {
      e += effort_[i];
      for (const Lift& l : g_.lifts[i]) {
        double& extra = scratch_[l.outcome];
        if (extra == 0) touched.push_back(l.outcome);
        const double used = closed_[l.outcome] + extra;
        const double take = std::min(l.fraction, used < 1 ? 1 - used : 0);
        extra += l.fraction; // the next item of the bundle sees this one's claim
        v += take * value_[l.outcome];
      }
    }
    for (std::size_t o : touched) scratch_[o] = 0;
    return {v, e};
  }

  void place(std::size_t i, bool dependency) {
    PortfolioStep s;
    s.item = i;
    s.standalone_value = item_gap_value(g_, i);
    s.effort = effort_[i];
    for (const Lift& l : g_.lifts[i]) {
      const double room = closed_[l.outcome] < 1 ? 1 - closed_[l.outcome] : 0;
      const double take = std::min(l.fraction, room);
      s.marginal_value += take * value_[l.outcome];
      uv_closed_ += take * uv_[l.outcome];
      closed_[l.outcome] += l.fraction;
    }
    cum_effort_ += s.effort;
    cum_value_ += s.marginal_value;
    s.cumulative_effort = cum_effort_;
    s.cumulative_value = cum_value_;
    s.unrealized_value_closed = uv_closed_;
    s.share_closed = out_.total_unrealized_value > 0 ? uv_closed_ / out_.total_unrealized_value : 0;
    s.dependency = dependency;
    placed_[i] = true;
    out_.steps.push_back(s);
  }

  /// (ratio, value, index) ordering: higher ratio, then higher value, then earlier item.
  static bool better(double r1, double v1, std::size_t i1, double r2, double v2, std::size_t i2) {
    if (r1 != r2) return r1 > r2;
    if (v1 != v2) return v1 > v2;
    return i1 < i2;
  }

  void bundle_greedy() {
    std::vector<std::size_t> b, best_bundle;
    for (std::size_t placed = 0; placed < n_;) {
      std::size_t best = n_;
      double best_ratio = 0, best_value = 0;
      for (std::size_t i = 0; i < n_; ++i) {
        if (placed_[i]) continue;
        bundle(i, b);
        const auto [v, e] = bundle_gain(b);
        const double ratio = e > 0 ? v / e : 0;
        if (best == n_ || better(ratio, v, i, best_ratio, best_value, best)) {
          best = i;
          best_ratio = ratio;
          best_value = v;
          best_bundle = b;
        }
      }
      for (std::size_t i : best_bundle) place(i, i != best);
      placed += best_bundle.size();
    }
  }

  struct Key {
    double ratio, value;
    std::size_t item;
  };
  struct KeyWorse {
    bool operator()(const Key& a, const Key& b) const {
      return better(b.ratio, b.value, b.item, a.ratio, a.value, a.item);
    }
  };

  Key key(std::size_t i) const {
    const double v = marginal(i);
    return {effort_[i] > 0 ? v / effort_[i] : 0, v, i};
  }

  /// Marginal values only shrink as items are planned, so a stale key is an upper bound:
  /// an item whose fresh key still beats the best stale key is the true best (lazy greedy
  /// gives exactly the plain greedy's order).
  void lazy_greedy() {
    std::vector<std::size_t> waiting(n_, 0);             // unplaced dependencies per item
    std::vector<std::vector<std::size_t>> unlocks(n_);   // dependents per item
    for (std::size_t i = 0; i < n_; ++i) {
      std::vector<std::size_t> d = deps_of(i);
      std::sort(d.begin(), d.end());
      d.erase(std::unique(d.begin(), d.end()), d.end());
      for (std::size_t j : d)
        if (j < n_ && j != i) {
          ++waiting[i];
          unlocks[j].push_back(i);
        }
    }
    std::priority_queue<Key, std::vector<Key>, KeyWorse> heap;
    for (std::size_t i = 0; i < n_; ++i)
      if (waiting[i] == 0) heap.push(key(i));
    while (!heap.empty()) {
      const Key top = heap.top();
      heap.pop();
      const Key fresh = key(top.item);
      if (!heap.empty() && !better(fresh.ratio, fresh.value, fresh.item, heap.top().ratio, heap.top().value,
                                   heap.top().item)) {
        heap.push(fresh);
        continue;
      }
      place(top.item, false);
      for (std::size_t d : unlocks[top.item])
        if (--waiting[d] == 0) heap.push(key(d));
    }
  }
};

} // namespace

Portfolio build_portfolio(const GapData& g, const std::vector<double>& effort,
                          const std::vector<std::vector<std::size_t>>& depends_on) {
  return PortfolioBuilder(g, effort, depends_on).build();
}

} // namespace gapscore
