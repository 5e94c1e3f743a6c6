// The seeded generator and the triangular draw (see random.hpp for why they are hand-made).
#include "math/random.hpp"

namespace gapscore {

std::uint64_t splitmix64_next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Xoshiro256StarStar::Xoshiro256StarStar(std::uint64_t seed) {
  std::uint64_t sm = seed;
  for (auto& word : s_) word = splitmix64_next(sm);
}

double triangular(double u, double low, double likely, double high) {
  return TriangularRange(low, likely, high).at(u);
}

} // namespace gapscore
