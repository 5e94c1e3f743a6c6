#include "stakeholders/concordance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace gapscore {
namespace {

using Matrix = std::vector<std::vector<double>>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(AverageRanks, TiesShareTheMeanRank) {
  EXPECT_EQ(average_ranks({5, 3, 3, 1}, true), (std::vector<double>{1, 2.5, 2.5, 4}));
  EXPECT_EQ(average_ranks({5, 3, 3, 1}, false), (std::vector<double>{4, 2.5, 2.5, 1}));
  EXPECT_EQ(average_ranks({2, 2, 2}, true), (std::vector<double>{2, 2, 2}));
  EXPECT_EQ(average_ranks({0.0, -0.0, 1.0}, true), (std::vector<double>{2.5, 2.5, 1}));
  EXPECT_TRUE(average_ranks({}, true).empty());
}

TEST(AverageRanks, NaNIsRankedLastWithoutUndefinedBehaviour) {
  EXPECT_EQ(average_ranks({kNaN, 1, kNaN, 3}, true), (std::vector<double>{3.5, 2, 3.5, 1}));
  EXPECT_EQ(average_ranks({kNaN, 1, kNaN, 3}, false), (std::vector<double>{3.5, 1, 3.5, 2}));
}

// NAG Library, routine G08DAF (Kendall's coefficient of concordance), example program: k = 3
// comparisons of n = 10 objects, with ties. Published results: "Kendall's coefficient = 0.828,
// Significance = 0.008".
// By hand (NAG ranks ascending; W does not depend on the direction): rank sums 5.5 6.5 9 13.5
// 12 20 23 23.5 25.5 26.5, mean 16.5, S = 591. Tie groups: comparison 1 two pairs (6 + 6),
// comparison 2 three pairs (18), comparison 3 a group of 4 and one of 3 (60 + 24): sum T = 114.
// W = 12 * 591 / (3^2 (10^3 - 10) - 3 * 114) = 7092 / 8568.
TEST(KendallW, NagG08dafExampleWithTies) {
  const Matrix scores = {{1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0},
                         {2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5},
                         {2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0}};
  const ConcordanceResult r = kendall_w(scores);
  ASSERT_TRUE(r.defined);
  EXPECT_NEAR(r.w, 0.828, 0.0005);
  EXPECT_NEAR(r.w, 7092.0 / 8568.0, 1e-15);
  EXPECT_EQ(r.df, 9);
  EXPECT_NEAR(r.chi_square, 3 * 9 * 7092.0 / 8568.0, 1e-13);
  EXPECT_NEAR(r.p_value, 0.008, 0.0005);
  // Higher score = rank 1 here, so each rank sum is m (n + 1) - (NAG's sum) = 33 - sum.
  const std::vector<double> sums = {27.5, 26.5, 24, 19.5, 21, 13, 10, 9.5, 7.5, 6.5};
  EXPECT_EQ(r.rank_sums, sums);
  for (std::size_t i = 0; i < sums.size(); ++i) EXPECT_DOUBLE_EQ(r.mean_rank[i], sums[i] / 3);
}

// Smeeton, Spencer & Sprent, Applied Nonparametric Statistical Methods, 5th ed., Example 10.9:
// three judges (A, B, C) rank six competitors (I-VI), no ties; W = 0.63174603 (as checked by
// the book's companion R package, ANSM5, tests for kendall.concordance).
// By hand: rank sums I..VI = 8 10 4 16 10 15, mean 10.5, S = 99.5,
// W = 12 * 99.5 / (3^2 (6^3 - 6)) = 1194 / 1890.
TEST(KendallW, SprentSmeetonExample109WithoutTies) {
  const Matrix ranks = {{2, 4, 1, 6, 3, 5},   // judge A
                        {2, 3, 1, 5, 6, 4},   // judge B
                        {4, 3, 2, 5, 1, 6}};  // judge C
  const ConcordanceResult r = kendall_w(ranks);
  ASSERT_TRUE(r.defined);
  EXPECT_NEAR(r.w, 0.63174603, 5e-9);
  EXPECT_NEAR(r.w, 1194.0 / 1890.0, 1e-15);
  EXPECT_NEAR(r.chi_square, 3 * 5 * 1194.0 / 1890.0, 1e-13);
  EXPECT_EQ(r.df, 5);
}

// R package irr (Gamer, Lemon, Fellows & Singh), data set `anxiety` (20 subjects rated by 3
// raters on a 1-6 scale, many ties): kendall(anxiety, correct = TRUE) reports
// "Wt = 0.54, Chisq(19) = 30.8, p-value = 0.0429" (the values the pyirr port tests against).
TEST(KendallW, IrrAnxietyDataWithTieCorrection) {
  const Matrix raters = {
      {3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3},
      {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4},
      {2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2}};
  const ConcordanceResult r = kendall_w(raters);
  ASSERT_TRUE(r.defined);
  EXPECT_NEAR(r.w, 0.54, 0.005);
  EXPECT_EQ(r.df, 19);
  EXPECT_NEAR(r.chi_square, 30.8, 0.05);
  EXPECT_NEAR(r.p_value, 0.0429, 0.00005);
}

TEST(KendallW, FullAgreementAndFullDisagreement) {
  const ConcordanceResult same = kendall_w({{4, 3, 2, 1}, {40, 30, 20, 10}, {9, 8, 7, 6}});
  ASSERT_TRUE(same.defined);
  EXPECT_EQ(same.w, 1.0);
  EXPECT_EQ(same.rank_sd, (std::vector<double>{0, 0, 0, 0}));
  EXPECT_EQ(same.mean_rank, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_LT(same.p_value, 0.05);

  // Two raters with opposite rankings: every rank sum is n + 1, so S = 0 and W = 0.
  const ConcordanceResult opposite = kendall_w({{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}});
  ASSERT_TRUE(opposite.defined);
  EXPECT_EQ(opposite.w, 0.0);
  EXPECT_EQ(opposite.p_value, 1.0);
  // Item 0 got ranks 5 and 1: mean 3, population sd 2.
  EXPECT_EQ(opposite.rank_sd[0], 2.0);
  EXPECT_EQ(opposite.rank_sd[2], 0.0);
}

TEST(KendallW, UndefinedCasesAreFlaggedNotNaN) {
  const Matrix undefined[] = {
      {},                                // no raters
      {{1, 2, 3}},                       // one rater
      {{1}, {2}},                        // one item
      {{5, 5, 5}, {2, 2, 2}},            // every rater ties everything
  };
  for (const Matrix& m : undefined) {
    const ConcordanceResult r = kendall_w(m);
    EXPECT_FALSE(r.defined);
    EXPECT_EQ(r.w, 0.0);
    EXPECT_EQ(r.chi_square, 0.0);
    EXPECT_EQ(r.p_value, 1.0);
  }
  // One rater still gets its rank statistics.
  const ConcordanceResult one = kendall_w({{10, 30, 20}});
  EXPECT_EQ(one.rank_sums, (std::vector<double>{3, 1, 2}));

  // One rater ties everything, the other does not: W is defined (only that rater's T counts).
  EXPECT_TRUE(kendall_w({{5, 5, 5}, {1, 2, 3}}).defined);

  const Matrix malformed[] = {{{1, 2, 3}, {1, 2}}, {{1, kNaN, 3}, {1, 2, 3}},
                              {{1, std::numeric_limits<double>::infinity()}, {1, 2}}};
  for (const Matrix& m : malformed) {
    const ConcordanceResult r = kendall_w(m);
    EXPECT_FALSE(r.defined);
    EXPECT_TRUE(r.rank_sums.empty());
    EXPECT_EQ(r.p_value, 1.0);
  }
}

// NAG Library, routine G02BPF (Spearman and Kendall rank correlations), example program: six
// cases used (1, 2, 3, 4, 6, 7; the others hold missing values), published Kendall tau
// (ties corrected): 0.1429 (x1, x2), 0.2760 (x1, x3), 0.5521 (x2, x3).
// By hand, over the 15 pairs (n0 = 15):
//   x1,x2: C = 8, D = 6, one pair tied in x1 (1.8, 1.8), one in x2 (9, 9) -> 2 / sqrt(14 * 14)
//   x1,x3: C = 9, D = 5, one pair tied in x1, none in x3      -> 4 / sqrt(14 * 15)
//   x2,x3: C = 11, D = 3, one pair tied in x2, none in x3     -> 8 / sqrt(14 * 15)
TEST(KendallTauB, NagG02bpfExampleWithTies) {
  const std::vector<double> x1 = {1.7, 2.8, 0.6, 1.8, 1.4, 1.8};
  const std::vector<double> x2 = {1.0, 4.0, 6.0, 9.0, 2.0, 9.0};
  const std::vector<double> x3 = {0.5, 3.0, 2.5, 6.0, 5.5, 7.5};
  EXPECT_NEAR(kendall_tau_b(x1, x2), 0.1429, 5e-5);
  EXPECT_NEAR(kendall_tau_b(x1, x3), 0.2760, 5e-5);
  EXPECT_NEAR(kendall_tau_b(x2, x3), 0.5521, 5e-5);
  EXPECT_NEAR(kendall_tau_b(x1, x2), 2.0 / 14.0, 1e-15);
  EXPECT_NEAR(kendall_tau_b(x1, x3), 4.0 / std::sqrt(210.0), 1e-15);
  EXPECT_NEAR(kendall_tau_b(x2, x3), 8.0 / std::sqrt(210.0), 1e-15);
}

// No ties, by hand: y = 3 1 2 5 4 against x = 1..5. Discordant pairs: (3,1) (3,2) (5,4) = 3;
// concordant: the other 7 of 10. tau = (7 - 3) / 10.
TEST(KendallTauB, HandWorkedExampleWithoutTies) {
  EXPECT_DOUBLE_EQ(kendall_tau_b({1, 2, 3, 4, 5}, {3, 1, 2, 5, 4}), 0.4);
  EXPECT_DOUBLE_EQ(kendall_tau_b({3, 1, 2, 5, 4}, {1, 2, 3, 4, 5}), 0.4);  // symmetric
  EXPECT_EQ(kendall_tau_b({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
  EXPECT_EQ(kendall_tau_b({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
}

TEST(KendallTauB, UndefinedCasesReturnZero) {
  EXPECT_EQ(kendall_tau_b({}, {}), 0.0);
  EXPECT_EQ(kendall_tau_b({1}, {2}), 0.0);
  EXPECT_EQ(kendall_tau_b({1, 2, 3}, {1, 2}), 0.0);
  EXPECT_EQ(kendall_tau_b({7, 7, 7}, {1, 2, 3}), 0.0);
  EXPECT_EQ(kendall_tau_b({1, 2, 3}, {7, 7, 7}), 0.0);
  const double t = kendall_tau_b({kNaN, 1, 2, kNaN}, {1, kNaN, 2, 3});
  EXPECT_FALSE(std::isnan(t));
  EXPECT_GE(t, -1.0);
  EXPECT_LE(t, 1.0);
}

// Independent O(n^2) count straight from the definition, to check the O(n log n) algorithm.
double tau_b_by_pairs(const std::vector<double>& x, const std::vector<double>& y) {
  std::int64_t c = 0, d = 0, tx = 0, ty = 0, n0 = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      ++n0;
      const double dx = x[i] - x[j], dy = y[i] - y[j];
      if (dx == 0) ++tx;
      if (dy == 0) ++ty;
      if (dx * dy > 0) ++c;
      if (dx * dy < 0) ++d;
    }
  return static_cast<double>(c - d) /
         std::sqrt(static_cast<double>(n0 - tx) * static_cast<double>(n0 - ty));
}

TEST(KendallTauB, AgreesWithPairCountingOnRandomDataWithTies) {
  std::uint64_t state = 12345;
  const auto next = [&state](int range) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>((state >> 33) % static_cast<std::uint64_t>(range));
  };
  for (std::size_t n : {2u, 3u, 7u, 64u, 257u, 1500u}) {
    for (int range : {2, 5, 40, 100000}) {
      std::vector<double> x(n), y(n);
      for (std::size_t i = 0; i < n; ++i) {
        x[i] = next(range);
        y[i] = x[i] + next(range);  // correlated, with ties in both
      }
      const double want = tau_b_by_pairs(x, y);
      if (std::isnan(want)) continue;  // a constant vector
      ASSERT_NEAR(kendall_tau_b(x, y), want, 1e-12) << "n = " << n << ", range = " << range;
    }
  }
}

TEST(KendallTauB, LargeInputIsFast) {
  // 200000 items (the item limit): O(n^2) would be 2e10 pair comparisons.
  const std::size_t n = 200000;
  std::vector<double> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = static_cast<double>(i);
    y[i] = static_cast<double>(n - i / 2);  // reversed, with pairs of ties
  }
  // Every pair is discordant except the n/2 tied in y: tau = -sqrt((n0 - n/2) / n0).
  const double n0 = 0.5 * n * (n - 1.0);
  EXPECT_NEAR(kendall_tau_b(x, y), -std::sqrt((n0 - n / 2) / n0), 1e-14);
}

} // namespace
} // namespace gapscore
