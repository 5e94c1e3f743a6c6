#include "scoring/packed_ranker.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace gapscore {
namespace {

constexpr std::uint64_t kLow = (1u << 13) - 1;
constexpr std::uint64_t kSign = 1ULL << 63;
constexpr std::uint64_t kExponent = 0x7FFULL << 52;

/// The bits of score_key(x) for a normal x (exponent field neither 0 nor 2047): rounding the
/// magnitude to 40 significant bits, half away from zero, is adding half of the dropped
/// part's unit and clearing it; a carry out of the fraction lands in the exponent, which
/// is the correct next power of two (and infinity past the largest double), exactly as
/// ldexp(round(ldexp(m, 40)), e - 40) gives.
std::uint64_t key_bits(std::uint64_t bits) {
  const std::uint64_t magnitude = ((bits & ~kSign) + (1u << 12)) & ~kLow;
  return (bits & kSign) | magnitude;
}

} // namespace

PackedRanker::PackedRanker(const Scenario& s) : ranker_(s), n_(s.size()) {
  // Ranker with every score equal orders items by tie-break alone: that order gives each
  // item's tie-break position without restating the rule here.
  Ranking by_tie_break;
  ranker_.rank(std::vector<double>(n_, 0.0), by_tie_break);
  tie_position_.resize(n_);
  for (std::size_t i = 0; i < n_; ++i) tie_position_[i] = by_tie_break.rank[i] - 1;
  item_at_ = by_tie_break.order;
  keys_.resize(n_);
  scratch_.resize(n_);
}

void PackedRanker::rank(const std::vector<double>& score, std::vector<std::uint32_t>& order) {
  order.resize(n_);
  bool packed = n_ <= kLow + 1;
  for (std::size_t i = 0; packed && i < n_; ++i) {
    std::uint64_t bits;
    std::memcpy(&bits, &score[i], sizeof bits);
    const std::uint64_t exponent = bits & kExponent;
    if (exponent == 0 || exponent == kExponent) {
      // Zero, subnormal, infinite or NaN: ask score_key itself.
      double key = score_key(score[i]);
      if (key == 0) key = 0.0; // -0 and +0 are equal to Ranker
      std::memcpy(&bits, &key, sizeof bits);
      if ((bits & kLow) != 0 || key != key) {
        packed = false;
        break;
      }
    } else {
      bits = key_bits(bits);
    }
    // Unsigned order of `ascending` is the numeric order of the keys; its complement
    // sorts best first. The low 13 bits are equal for every key of one sign, so they can
    // be replaced by the tie-break position.
    const std::uint64_t ascending = (bits & kSign) ? ~bits : bits | kSign;
    keys_[i] = (~ascending & ~kLow) | tie_position_[i];
  }
  if (!packed) {
    ranker_.rank(score, fallback_);
    std::copy(fallback_.order.begin(), fallback_.order.end(), order.begin());
    return;
  }
  if (n_ < 256) std::sort(keys_.begin(), keys_.end());
  else radix_sort();
  for (std::size_t r = 0; r < n_; ++r) order[r] = item_at_[keys_[r] & kLow];
}

void PackedRanker::radix_sort() {
  // Least significant byte first; the keys are unique, so the result is the one order.
  // Written out by hand (flat counts, unrolled histogram, raw pointers): the WebAssembly
  // build is optimized for size (-Os), and the compact loop form ran 3.5 times slower there.
  std::uint32_t counts[8][256] = {};
  const std::size_t n = n_;
  std::uint64_t* from = keys_.data();
  std::uint64_t* to = scratch_.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = from[i];
    ++counts[0][k & 0xFF];
    ++counts[1][(k >> 8) & 0xFF];
    ++counts[2][(k >> 16) & 0xFF];
    ++counts[3][(k >> 24) & 0xFF];
    ++counts[4][(k >> 32) & 0xFF];
    ++counts[5][(k >> 40) & 0xFF];
    ++counts[6][(k >> 48) & 0xFF];
    ++counts[7][k >> 56];
  }
  for (unsigned d = 0; d < 8; ++d) {
    std::uint32_t* c = counts[d];
    const unsigned shift = 8 * d;
    if (c[(from[0] >> shift) & 0xFF] == n) continue; // every key has this byte: nothing to do
    std::uint32_t sum = 0;
    for (unsigned b = 0; b < 256; ++b) {
      const std::uint32_t here = c[b];
      c[b] = sum;
      sum += here;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t k = from[i];
      to[c[(k >> shift) & 0xFF]++] = k;
    }
    std::swap(from, to);
  }
  if (from != keys_.data()) keys_.swap(scratch_);
}

} // namespace gapscore
