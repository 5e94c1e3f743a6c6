#pragma once
/// A fully specified random number generator and the one sampling distribution gapscore
/// uses, so that a seed gives the same numbers natively and in WebAssembly.
///
/// Why not <random>: the standard fixes the engines (std::mt19937_64 is the same
/// everywhere) but not the distributions. libstdc++ (native) and libc++ (Emscripten) turn
/// the same engine output into different doubles, so every draw here is derived by hand
/// from the raw 64-bit outputs, using only operations IEEE 754 rounds exactly.
///
/// The generator is xoshiro256** 1.0 (D. Blackman and S. Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4), 2021; reference code
/// https://prng.di.unimi.it/xoshiro256starstar.c), seeded as its authors recommend: the
/// four state words are the first four outputs of splitmix64
/// (https://prng.di.unimi.it/splitmix64.c) started from the 64-bit seed. splitmix64 never
/// yields four zero words in a row, so every seed gives a valid (non-zero) state.
#include <array>
#include <cmath>
#include <cstdint>

namespace gapscore {

/// splitmix64 (Steele, Lea and Flood 2014; Vigna's reference code): advances `state` by
/// the golden-ratio increment and returns the mixed value.
std::uint64_t splitmix64_next(std::uint64_t& state);

class Xoshiro256StarStar {
public:
  /// State = four successive splitmix64 outputs from `seed`.
  explicit Xoshiro256StarStar(std::uint64_t seed);
  /// The state given directly (must not be all zero), as in the reference code's s[4].
  explicit Xoshiro256StarStar(const std::array<std::uint64_t, 4>& state) : s_(state) {}

  /// The next raw 64-bit output.
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// A uniform double in [0, 1): the top 53 bits of next() times 2^-53 (exact: every
  /// result is a multiple of 2^-53, so no rounding is involved).
  double uniform() { return unit_double(next()); }

  const std::array<std::uint64_t, 4>& state() const { return s_; }

  /// (x >> 11) * 2^-53.
  static double unit_double(std::uint64_t x) {
    return static_cast<double>(x >> 11) * 0x1.0p-53;
  }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_;
};

/// The triangular distribution on [low, high] with its peak at `likely`, sampled by the
/// inverse of its CDF at u in [0, 1):
///   F(likely) = (likely - low) / (high - low)
///   u <  F(likely):  low  + sqrt(u       * ((high - low) * (likely - low)))
///   u >= F(likely):  high - sqrt((1 - u) * ((high - low) * (high - likely)))
/// The result is clamped to [low, high] (rounding can overshoot by an ulp) and equals
/// `low` when low == high, so a degenerate range always gives the exact value.
///
/// Why triangular and not PERT: both take the same three numbers, but a PERT draw is a
/// Beta draw, and Beta samplers need log, exp and pow, whose last bits differ between glibc
/// (native) and musl (Emscripten): the same seed would rank items differently in the
/// browser. The triangular inverse CDF needs only - * / and sqrt, which IEEE 754 rounds
/// exactly on every platform. Triangular also gives more weight to the tails than PERT, the
/// cautious choice when low and high are guesses.
class TriangularRange {
public:
  TriangularRange(double low, double likely, double high)
      : low_(low), high_(high), degenerate_(!(low < high)),
        peak_(degenerate_ ? 0 : (likely - low) / (high - low)),
        left_((high - low) * (likely - low)), right_((high - low) * (high - likely)) {}

  /// The value at u in [0, 1). The constants above are computed once, with the same
  /// operations in the same order as the formula, so the bits do not depend on caching.
  double at(double u) const {
    if (degenerate_) return low_;
    const bool left = u < peak_;
    const double root = std::sqrt(left ? u * left_ : (1.0 - u) * right_);
    const double x = left ? low_ + root : high_ - root;
    return x < low_ ? low_ : (x > high_ ? high_ : x);
  }

private:
  double low_, high_;
  bool degenerate_;
  double peak_, left_, right_;
};

/// TriangularRange(low, likely, high).at(u).
double triangular(double u, double low, double likely, double high);

} // namespace gapscore
