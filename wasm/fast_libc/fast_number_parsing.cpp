// strtod, strtoull and strtoll for the wasm build only, linked with -Wl,--wrap=...
// (wasm/fast_libc/CMakeLists.txt); tests/fast_libc_test.cpp compares them with the C library's.
//
// Why: musl's strtod computes in 128-bit long double, which wasm emulates in software
// (__multf3, __addtf3, fmodl): about 6 % of loading a document in wasm, where the native
// build's glibc strtod costs next to nothing. Every JSON number goes through it (nlohmann's
// lexer), and so do CSV cells.
//
// What: Clinger's fast path (W. D. Clinger, "How to Read Floating Point Numbers Accurately",
// PLDI 1990), the same one fast_float, Go and Rust use first: when the decimal significand w
// has at most 19 digits, w <= 2^53 and the power of ten q is within [-22, 22], both w and
// 10^|q| are exact doubles, so one IEEE multiplication or division gives the correctly
// rounded result, the very bits musl's and glibc's strtod return. Everything else (more
// digits, larger exponents, hexadecimal, inf/nan, leading blanks or '+') goes to the real
// strtod, as does errno: the fast path can neither overflow nor underflow.
#include <cstdint>
#include <cstdlib>

extern "C" double __real_strtod(const char* text, char** end);
extern "C" unsigned long long __real_strtoull(const char* text, char** end, int base);
extern "C" long long __real_strtoll(const char* text, char** end, int base);

namespace {

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int kMaxExactPower = 22;
constexpr std::uint64_t kMaxExactSignificand = std::uint64_t{1} << 53;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads [-]digits[.digits][(e|E)[+-]digits] into significand and power of ten; false when
/// the text is not of that form or needs more than 19 significant digits (then strtod decides).
bool read_decimal(const char*& p, bool& negative, std::uint64_t& significand, int& power) {
  negative = *p == '-';
  if (negative) ++p;
  int significant_digits = 0;
  bool any_digit = false;
  const auto take = [&](char c) {
    any_digit = true;
    if (significand == 0 && c == '0') return true; // leading zeros are not significant
    if (++significant_digits > 19) return false;
    significand = significand * 10 + static_cast<std::uint64_t>(c - '0');
    return true;
  };
  for (; is_digit(*p); ++p)
    if (!take(*p)) return false;
  // "0x..." is hexadecimal for strtod; leave it to strtod.
  if (*p == 'x' || *p == 'X') return false;
  if (*p == '.') {
    for (++p; is_digit(*p); ++p, --power)
      if (!take(*p)) return false;
  }
  if (!any_digit) return false;
  if (*p == 'e' || *p == 'E') {
    const char* q = p + 1;
    const bool negative_exponent = *q == '-';
    if (*q == '-' || *q == '+') ++q;
    if (!is_digit(*q)) return false; // "1e" or "1e+": strtod stops before the 'e'
    int exponent = 0;
    for (; is_digit(*q); ++q) {
      if (exponent > 10000) return false;
      exponent = exponent * 10 + (*q - '0');
    }
    power += negative_exponent ? -exponent : exponent;
    p = q;
  }
  return true;
}

} // namespace

extern "C" double __wrap_strtod(const char* text, char** end) {
  const char* p = text;
  bool negative = false;
  std::uint64_t significand = 0;
  int power = 0;
  if (!read_decimal(p, negative, significand, power)) return __real_strtod(text, end);
  double value = 0.0;
  if (significand != 0) {
    if (significand > kMaxExactSignificand || power < -kMaxExactPower || power > kMaxExactPower)
      return __real_strtod(text, end);
    value = static_cast<double>(significand);
    value = power < 0 ? value / kPowersOfTen[-power] : value * kPowersOfTen[power];
  }
  if (end) *end = const_cast<char*>(p);
  return negative ? -value : value;
}

// Whole numbers: nlohmann's lexer reads every JSON integer with strtoull (strtoll when
// negative), which in musl goes through a FILE-like scanner a character at a time. Up to
// 18 decimal digits cannot overflow either type, so they are summed directly; anything else
// (more digits, another base, blanks, a sign strtoull would negate) goes to the C library.
namespace {
bool read_whole(const char* p, std::uint64_t& value, const char*& end) {
  const char* start = p;
  value = 0;
  for (; is_digit(*p); ++p) {
    if (p - start == 18) return false;
    value = value * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  end = p;
  return p != start;
}
} // namespace

extern "C" unsigned long long __wrap_strtoull(const char* text, char** end, int base) {
  std::uint64_t value = 0;
  const char* stop = nullptr;
  if (base != 10 || !read_whole(text, value, stop)) return __real_strtoull(text, end, base);
  if (end) *end = const_cast<char*>(stop);
  return value;
}

extern "C" long long __wrap_strtoll(const char* text, char** end, int base) {
  const bool negative = *text == '-';
  std::uint64_t value = 0;
  const char* stop = nullptr;
  if (base != 10 || !read_whole(text + (negative ? 1 : 0), value, stop)) return __real_strtoll(text, end, base);
  if (end) *end = const_cast<char*>(stop);
  const auto v = static_cast<long long>(value);
  return negative ? -v : v;
}
