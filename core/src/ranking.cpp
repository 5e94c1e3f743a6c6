#include "gapscore/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gapscore {

double score_key(double score) {
  if (score == 0 || !std::isfinite(score)) return score;
  int exponent = 0;
  const double mantissa = std::frexp(score, &exponent); // exact
  return std::ldexp(std::round(std::ldexp(mantissa, 40)), exponent - 40);
}

Ranker::Ranker(const Scenario& s) : tie_break_(s.size()) {
  const std::size_t n = s.size();
  std::vector<std::uint32_t> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::sort(by_id.begin(), by_id.end(),
            [&](std::uint32_t a, std::uint32_t b) { return s.items[a].id < s.items[b].id; });
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint32_t i = by_id[r];
    tie_break_[i] = static_cast<std::uint32_t>(static_cast<std::size_t>(s.items[i].moscow) * n + r);
  }
}

void Ranker::rank(const std::vector<double>& score, Ranking& out) const {
  struct Key {
    double score;
    std::uint32_t tie_break;
    std::uint32_t item;
  };
  const std::size_t n = tie_break_.size();
  std::vector<Key> keys(n);
  for (std::size_t i = 0; i < n; ++i)
    keys[i] = {score_key(score[i]), tie_break_[i], static_cast<std::uint32_t>(i)};
  // tie_break is unique per item, so this is a strict total order: every standard library
  // sorts it the same way.
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.score != b.score ? a.score > b.score : a.tie_break < b.tie_break;
  });
  out.order.resize(n);
  out.rank.resize(n);
  out.tie_size.assign(n, 1);
  out.tie_start.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    out.order[r] = keys[r].item;
    out.rank[keys[r].item] = static_cast<std::uint32_t>(r + 1);
  }
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && keys[end].score == keys[start].score) ++end;
    for (std::size_t r = start; r < end; ++r) {
      out.tie_size[keys[r].item] = static_cast<std::uint32_t>(end - start);
      out.tie_start[keys[r].item] = static_cast<std::uint32_t>(start);
    }
    start = end;
  }
}

} // namespace gapscore
