// wasm/fast_strtod.cpp (the wasm build's strtod, linked with --wrap=strtod) must return what
// the C library's strtod returns: the same bits (-0.0 included), the same end pointer, the
// same errno. Natively __real_strtod is glibc's strtod, correctly rounded like musl's; the
// node parity tests check the linked module itself on tests/fixtures/number_forms.*.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

extern "C" double __wrap_strtod(const char* text, char** end);
extern "C" double __real_strtod(const char* text, char** end) { return std::strtod(text, end); }

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

} // namespace
