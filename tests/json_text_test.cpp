// pretty_json (core/src/document/json_text.cpp) must write exactly what nlohmann's
// dump(2, ' ', false, error_handler_t::replace) writes: every command's JSON answer goes
// through it, and the goldens only cover the documents they hold. Here nlohmann's own
// serializer is the reference, on generated documents whose strings, numbers and nesting
// cover what the writer treats differently (plain runs, escapes, multi-byte UTF-8, bytes
// that are not UTF-8, doubles from their raw bits, integer extremes, empty containers).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "document/json_text.hpp"

namespace {

using gapscore::Json;
using gapscore::pretty_json;

std::string reference(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

std::string random_text(std::mt19937_64& rng) {
  static const char* const kPieces[] = {"a", "Reach", " ", "\"", "\\", "\n", "\t", "\b", "\f", "\r", "\x01", "\x1f",
                                        "\x7f", "/", "\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x98\x80", "\xed\x9f\xbf",
                                        // not UTF-8: a lone continuation, a truncated sequence, an overlong
                                        // form, a surrogate, beyond U+10FFFF, bytes never used
                                        "\x80", "\xc3", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                        "\xff", "\xfe"};
  std::string s;
  const auto pieces = rng() % 12;
  const bool clean = rng() % 2 == 0; // half the strings stay valid UTF-8 (the fast path)
  for (std::uint64_t k = 0; k < pieces; ++k) {
    const auto n = clean ? 18 : std::size(kPieces);
    s += kPieces[rng() % n];
  }
  if (rng() % 8 == 0) s += std::string(rng() % 300, 'x'); // longer than nlohmann's 512-byte buffer chunks in total
  return s;
}

double random_double(std::mt19937_64& rng) {
  switch (rng() % 6) {
  case 0: return static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000); // whole numbers: "12.0"
  case 1: return static_cast<double>(rng() % 1000) / 8;
  case 2: {
    static const double kSpecial[] = {0.0, -0.0, 1e-300, 4.9e-324, 1.7976931348623157e308, 0.1, 1e21, 1e-7,
                                      std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
    return kSpecial[rng() % std::size(kSpecial)];
  }
  default: {
    const std::uint64_t bits = rng(); // any double, NaN and infinities included
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
  }
  }
}

Json random_json(std::mt19937_64& rng, int depth) {
  const auto kind = rng() % (depth < 5 ? 10 : 7);
  switch (kind) {
  case 0: return nullptr;
  case 1: return rng() % 2 == 0;
  case 2: return random_double(rng);
  case 3: {
    static const std::int64_t kInts[] = {0, -1, 7, std::numeric_limits<std::int64_t>::min(),
                                         std::numeric_limits<std::int64_t>::max()};
    return rng() % 2 ? Json(kInts[rng() % std::size(kInts)]) : Json(static_cast<std::int64_t>(rng()));
  }
  case 4: return Json(rng() % 2 ? std::numeric_limits<std::uint64_t>::max() : rng());
  case 5:
  case 6: return random_text(rng);
  case 7:
  case 8: {
    Json object = Json::object();
    const auto n = rng() % 6;
    for (std::uint64_t k = 0; k < n; ++k) object[random_text(rng)] = random_json(rng, depth + 1);
    return object;
  }
  default: {
    Json array = Json::array();
    const auto n = rng() % 6;
    for (std::uint64_t k = 0; k < n; ++k) array.push_back(random_json(rng, depth + 1));
    return array;
  }
  }
}

TEST(PrettyJson, WritesWhatNlohmannWritesForGeneratedDocuments) {
  std::mt19937_64 rng(20261207);
  for (int round = 0; round < 20000; ++round) {
    const Json doc = random_json(rng, 0);
    const std::string want = reference(doc);
    ASSERT_EQ(pretty_json(doc), want) << "round " << round;
  }
}

TEST(PrettyJson, WritesScalarsAndEmptyContainersAlone) {
  for (const Json& j : {Json(nullptr), Json(true), Json(false), Json(0.0), Json(-0.0), Json(2.5), Json(-3),
                        Json(std::uint64_t{18446744073709551615u}), Json("plain"), Json::object(), Json::array()})
    EXPECT_EQ(pretty_json(j), reference(j));
  EXPECT_EQ(pretty_json(Json(12.0)), "12.0");
  EXPECT_EQ(pretty_json(Json(std::numeric_limits<double>::quiet_NaN())), "null");
}

TEST(PrettyJson, ReplacesBytesThatAreNotUtf8AsNlohmannDoes) {
  const Json j = {{"title", std::string("caf\xc3\xa9 \xe2\x80 ok \xff")}};
  const std::string text = pretty_json(j);
  EXPECT_EQ(text, reference(j));
  EXPECT_NE(text.find("\xef\xbf\xbd"), std::string::npos); // U+FFFD where the bad bytes were
  EXPECT_NE(text.find("caf\xc3\xa9"), std::string::npos);  // the good sequence kept as it is
}

TEST(PrettyJson, EscapesControlCharactersAndQuotes) {
  const Json j = {{"a\"b", "line\nnext\ttab \x01 \\ \x7f"}};
  EXPECT_EQ(pretty_json(j), "{\n  \"a\\\"b\": \"line\\nnext\\ttab \\u0001 \\\\ \x7f\"\n}");
  EXPECT_EQ(pretty_json(j), reference(j));
}

} // namespace
