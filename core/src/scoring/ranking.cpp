#include "scoring/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace gapscore {

double score_key(double score) {
  if (score == 0 || !std::isfinite(score)) return score;
  int exponent = 0;
  const double mantissa = std::frexp(score, &exponent); // exact
  return std::ldexp(std::round(std::ldexp(mantissa, 40)), exponent - 40);
}

Ranker::Ranker(const Scenario& s) : by_tie_break_(s.size()) {
  std::iota(by_tie_break_.begin(), by_tie_break_.end(), 0u);
  // MoSCoW first (must, should, could, wont, unlabelled), then id.
  std::sort(by_tie_break_.begin(), by_tie_break_.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& x = s.items[a];
    const auto& y = s.items[b];
    return x.moscow != y.moscow ? x.moscow < y.moscow : x.id < y.id;
  });
}

namespace {
/// The score key as an unsigned integer whose ascending order is the scores' descending
/// order (IEEE doubles compare like sign-magnitude integers).
std::uint64_t descending_bits(double score) {
  double key = score_key(score);
  if (key == 0) key = 0; // -0 and +0 tie
  std::uint64_t u = 0;
  std::memcpy(&u, &key, sizeof u);
  const std::uint64_t ascending = (u >> 63) ? ~u : (u | 0x8000000000000000ull);
  return ~ascending;
}
} // namespace

void Ranker::rank(const std::vector<double>& score, Ranking& out) const {
  struct Key {
    std::uint64_t bits;
    std::uint32_t item;
  };
  const std::size_t n = by_tie_break_.size();
  // Start from the tie-break order and sort stably by score, 8 bits a pass (LSD radix sort):
  // linear time, and the order is fully defined, so every platform gets the same one.
  std::vector<Key> keys(n), scratch(n);
  for (std::size_t k = 0; k < n; ++k) keys[k] = {descending_bits(score[by_tie_break_[k]]), by_tie_break_[k]};
  for (unsigned shift = 0; shift < 64; shift += 8) {
    std::size_t count[257] = {};
    for (const Key& k : keys) ++count[((k.bits >> shift) & 0xFF) + 1];
    if (std::find(count + 1, count + 257, n) != count + 257) continue; // one bucket: nothing moves
    for (std::size_t b = 1; b < 257; ++b) count[b] += count[b - 1];
    for (const Key& k : keys) scratch[count[(k.bits >> shift) & 0xFF]++] = k;
    keys.swap(scratch);
  }
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
    while (end < n && keys[end].bits == keys[start].bits) ++end;
    for (std::size_t r = start; r < end; ++r) {
      out.tie_size[keys[r].item] = static_cast<std::uint32_t>(end - start);
      out.tie_start[keys[r].item] = static_cast<std::uint32_t>(start);
    }
    start = end;
  }
}

} // namespace gapscore
