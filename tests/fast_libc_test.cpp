// wasm/fast_libc/ (fast_number_parsing.cpp, fast_memcmp.cpp: the wasm build's strtod, strtoull, strtoll
// and memcmp, linked with --wrap) must return what the C library returns: the same bits
// (-0.0 included), the same end pointer, the same errno, the same memcmp difference. Natively
// the __real_ functions are glibc's; strtod is correctly rounded there as in musl. The node
// parity tests check the linked module itself on number_forms.json and number_forms.csv
// (tests/fixtures/documents/, tests/fixtures/csv/).
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "fast_libc.hpp"

// Natively the real functions are glibc's (the wasm link makes them musl's).
extern "C" double __real_strtod(const char* text, char** end) { return std::strtod(text, end); }
extern "C" unsigned long long __real_strtoull(const char* text, char** end, int base) {
  return std::strtoull(text, end, base);
}
extern "C" long long __real_strtoll(const char* text, char** end, int base) { return std::strtoll(text, end, base); }

namespace {

void expect_same_as_strtod(const std::string& text) {
  char* want_end = nullptr;
  char* got_end = nullptr;
  errno = 0;
  const double want = std::strtod(text.c_str(), &want_end);
  const int want_errno = errno;
  errno = 0;
  const double got = __wrap_strtod(text.c_str(), &got_end);
  const int got_errno = errno;
  std::uint64_t want_bits = 0, got_bits = 0;
  std::memcpy(&want_bits, &want, sizeof want);
  std::memcpy(&got_bits, &got, sizeof got);
  ASSERT_EQ(got_bits, want_bits) << "\"" << text << "\": " << got << " vs " << want;
  ASSERT_EQ(got_end - text.c_str(), want_end - text.c_str()) << "\"" << text << "\"";
  ASSERT_EQ(got_errno, want_errno) << "\"" << text << "\"";
}

TEST(FastStrtod, AgreesWithStrtodOnEdgeCases) {
  const char* cases[] = {
      "0", "-0", "0.0", "-0.0", "0e400", "-0e-400", "1", "-1", "0.1", "0.3", "0.30000000000000004",
      "1.5e+3", "15E-1", "2.5e-1", "1e22", "1e23", "1e-22", "1e-23", "9007199254740992",
      "9007199254740993", "9007199254740991.5", "1234567890123456789", "12345678901234567890",
      "0.000000000000000000000000000000000001", "100000000000000000000000",
      "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072011e-308", "5e-324",
      "4.9406564584124654e-324", "2e-324", "1e400", "-1e400", "1e-400",
      "1.00000000000000011102230246251565404236316680908203125", "3.14159265358979323846",
      ".5", "5.", "-.5", ".", "-", "", "e5", ".e5", "1e", "1e+", "1e-", "1E5x", "1.5.5", "1..5",
      "0x10", "0X1p3", "-0x1.8p1", "00012", "000.000", "+5", " 7", "\t-3.5", "inf", "-Infinity",
      "nan", "NaN(123)", "1,5", "2 ", "1e99999999999", "1e-99999999999", "7e-0",
  };
  for (const char* c : cases) expect_same_as_strtod(c);
}

TEST(FastStrtod, AgreesWithStrtodOnRandomDecimals) {
  std::mt19937_64 rng(20261123);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const auto digits = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + pick(10));
    return s;
  };
  for (int i = 0; i < 300000; ++i) {
    std::string s;
    if (pick(4) == 0) s += '-';
    s += digits(pick(21));
    if (pick(2) == 0) s += '.' + digits(pick(21));
    if (pick(3) == 0) {
      s += pick(2) ? 'e' : 'E';
      const int sign = pick(3);
      if (sign == 1) s += '-';
      if (sign == 2) s += '+';
      s += digits(pick(4));
    }
    if (pick(10) == 0) s += "x,"[pick(2)];
    expect_same_as_strtod(s);
  }
}

TEST(FastStrtoull, AgreesWithStrtoullAndStrtoll) {
  const char* cases[] = {"0", "7", "-7", "123456789012345678", "1234567890123456789", "18446744073709551615",
                         "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "99999999999999999999",
                         "", "-", "+5", " 5", "0x1f", "12abc", "007", "-0", "1e5", "1.5"};
  std::mt19937_64 rng(7);
  std::vector<std::string> all(std::begin(cases), std::end(cases));
  for (int i = 0; i < 100000; ++i) {
    std::string s = rng() % 3 == 0 ? "-" : "";
    const int n = static_cast<int>(rng() % 22);
    for (int k = 0; k < n; ++k) s += static_cast<char>('0' + rng() % 10);
    all.push_back(s);
  }
  for (const std::string& t : all) {
    for (const int base : {10, 16}) {
      char *want_end = nullptr, *got_end = nullptr;
      errno = 0;
      const unsigned long long want = std::strtoull(t.c_str(), &want_end, base);
      const int want_errno = errno;
      errno = 0;
      const unsigned long long got = __wrap_strtoull(t.c_str(), &got_end, base);
      ASSERT_EQ(got, want) << t;
      ASSERT_EQ(got_end, want_end) << t;
      ASSERT_EQ(errno, want_errno) << t;
      errno = 0;
      const long long want_s = std::strtoll(t.c_str(), &want_end, base);
      const int want_s_errno = errno;
      errno = 0;
      const long long got_s = __wrap_strtoll(t.c_str(), &got_end, base);
      ASSERT_EQ(got_s, want_s) << t;
      ASSERT_EQ(got_end, want_end) << t;
      ASSERT_EQ(errno, want_s_errno) << t;
    }
  }
}

TEST(FastMemcmp, SameSignAndDifferenceAsABytewiseCompare) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    const std::size_t n = rng() % 40;
    std::string a(n, 'x'), b;
    for (char& c : a) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 'a' + rng() % 3);
    b = a;
    if (n && rng() % 2) b[rng() % n] = static_cast<char>(rng() % 256); // maybe one difference
    int want = 0; // musl: the first differing bytes, as unsigned chars, subtracted
    for (std::size_t k = 0; k < n; ++k)
      if (a[k] != b[k]) {
        want = static_cast<unsigned char>(a[k]) - static_cast<unsigned char>(b[k]);
        break;
      }
    const std::size_t offset = rng() % 2; // unaligned starts too
    std::string pa = std::string(offset, '#') + a, pb = std::string(offset, '#') + b;
    ASSERT_EQ(__wrap_memcmp(pa.data() + offset, pb.data() + offset, n), want);
    ASSERT_EQ((std::memcmp(a.data(), b.data(), n) > 0) - (std::memcmp(a.data(), b.data(), n) < 0), (want > 0) - (want < 0));
  }
}

} // namespace
