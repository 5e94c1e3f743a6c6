#pragma once
// Seeded draws for generating benchmark inputs: the core's splitmix64 (math/random.hpp), so
// every machine and standard library benchmarks the same data (no std:: distributions).
#include <cstddef>
#include <cstdint>

#include "math/random.hpp"

namespace gapscore::bench {

/// Draws from splitmix64 started at `state`. below(n) is next() mod n, exactly as
/// scripts/generate-backlog.mjs computes it with BigInt; pick(list) is list[below(N)].
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() { return splitmix64_next(state); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N> const T& pick(const T (&list)[N]) { return list[below(N)]; }
};

} // namespace gapscore::bench
