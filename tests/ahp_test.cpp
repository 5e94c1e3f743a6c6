#include "stakeholders/ahp.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace gapscore {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Builds the reciprocal matrix from the upper triangle, row by row.
Matrix reciprocal(std::size_t n, const std::vector<double>& upper) {
  Matrix m(n, std::vector<double>(n, 1.0));
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      m[i][j] = upper[k++];
      m[j][i] = 1.0 / m[i][j];
    }
  return m;
}

void expect_weights(const AhpResult& r, const std::vector<double>& published, double tol) {
  ASSERT_EQ(r.weights.size(), published.size());
  double total = 0.0;
  for (std::size_t i = 0; i < published.size(); ++i) {
    EXPECT_NEAR(r.weights[i], published[i], tol) << "weight " << i;
    total += r.weights[i];
  }
  EXPECT_NEAR(total, 1.0, 1e-15);
  EXPECT_TRUE(r.converged);
}

TEST(SaatyRandomIndex, Table) {
  const double expected[] = {0.0,  0.0,  0.0,  0.58, 0.90, 1.12, 1.24, 1.32,
                             1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  for (std::size_t n = 0; n <= 15; ++n) EXPECT_EQ(saaty_random_index(n), expected[n]) << n;
  EXPECT_EQ(saaty_random_index(16), 1.59);
  EXPECT_EQ(saaty_random_index(1000), 1.59);
}

// Saaty, "How to make a decision: The Analytic Hierarchy Process", EJOR 48 (1990) 9-26,
// choosing a house: criteria size, transportation, neighbourhood, age, yard, modern
// facilities, general condition, financing. Published: priorities .173 .054 .188 .018 .031
// .036 .167 .333, lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169 (judgements inconsistent).
TEST(AhpWeights, Saaty1990HouseExample) {
  const Matrix m = reciprocal(8, {5, 3, 7, 6, 6, 1.0 / 3, 1.0 / 4,       // size
                                  1.0 / 3, 5, 3, 3, 1.0 / 5, 1.0 / 7,    // transportation
                                  6, 3, 4, 6, 1.0 / 5,                   // neighbourhood
                                  1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8,    // age
                                  1.0 / 2, 1.0 / 5, 1.0 / 6,             // yard
                                  1.0 / 5, 1.0 / 6,                      // modern facilities
                                  1.0 / 2});                             // general condition
  const AhpResult r = ahp_weights(m);
  expect_weights(r, {.173, .054, .188, .018, .031, .036, .167, .333}, 0.0005);
  EXPECT_NEAR(r.lambda_max, 9.669, 0.0005);
  EXPECT_NEAR(r.ci, 0.238, 0.0005);
  EXPECT_EQ(r.ri, 1.41);
  EXPECT_NEAR(r.cr, 0.169, 0.0005);
  EXPECT_FALSE(r.consistent);
}

// Saaty, "Decision making with the analytic hierarchy process", Int. J. Services Sciences
// 1(1) (2008) 83-98, "Which drink is consumed more in the US?": coffee, wine, tea, beer, sodas,
// milk, water. Published eigenvector .177 .019 .042 .116 .190 .129 .327.
TEST(AhpWeights, Saaty2008DrinkConsumptionExample) {
  const Matrix m = reciprocal(7, {9, 5, 2, 1, 1, 1.0 / 2,                       // coffee
                                  1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9,  // wine
                                  1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9,           // tea
                                  1.0 / 2, 1, 1.0 / 3,                          // beer
                                  2, 1.0 / 2,                                   // sodas
                                  1.0 / 3});                                    // milk
  const AhpResult r = ahp_weights(m);
  expect_weights(r, {.177, .019, .042, .116, .190, .129, .327}, 0.0005);
  EXPECT_TRUE(r.consistent);
}

// Wikipedia, "Analytic hierarchy process - leader example": criteria experience, education,
// charisma, age, weighted .547 .127 .270 .056; candidates Tom, Dick, Harry with overall
// priorities .358 .493 .149. The article's 3-decimal figures are not all rounded the same way
// (experience is .5476 to four places but printed .547), so the criteria and the synthesis are
// checked to one unit in the last published place.
TEST(AhpWeights, WikipediaLeaderExample) {
  const AhpResult criteria = ahp_weights(reciprocal(4, {4, 3, 7, 1.0 / 3, 3, 5}));
  expect_weights(criteria, {.547, .127, .270, .056}, 0.001);
  EXPECT_TRUE(criteria.consistent);

  // Candidates (Tom, Dick, Harry) under each criterion, with the article's local priorities.
  const AhpResult experience = ahp_weights(reciprocal(3, {1.0 / 4, 4, 9}));
  const AhpResult education = ahp_weights(reciprocal(3, {3, 1.0 / 5, 1.0 / 7}));
  const AhpResult charisma = ahp_weights(reciprocal(3, {5, 9, 4}));
  const AhpResult age = ahp_weights(reciprocal(3, {1.0 / 3, 5, 9}));
  expect_weights(experience, {.217, .717, .066}, 0.0005);
  expect_weights(education, {.188, .081, .731}, 0.0005);
  expect_weights(charisma, {.743, .194, .063}, 0.0005);
  expect_weights(age, {.265, .672, .063}, 0.0005);

  const std::vector<double> overall = {.358, .493, .149};
  for (std::size_t c = 0; c < 3; ++c) {
    const double goal = criteria.weights[0] * experience.weights[c] +
                        criteria.weights[1] * education.weights[c] +
                        criteria.weights[2] * charisma.weights[c] +
                        criteria.weights[3] * age.weights[c];
    EXPECT_NEAR(goal, overall[c], 0.001) << "candidate " << c;
  }
}

TEST(AhpWeights, ConsistentMatrixReturnsItsGeneratingWeights) {
  const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
  Matrix m(4, std::vector<double>(4));
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 4; ++j) m[i][j] = w[i] / w[j];
  const AhpResult r = ahp_weights(m);
  expect_weights(r, w, 1e-15);
  EXPECT_NEAR(r.lambda_max, 4.0, 1e-13);
  EXPECT_NEAR(r.ci, 0.0, 1e-13);
  EXPECT_NEAR(r.cr, 0.0, 1e-13);
  EXPECT_GE(r.ci, 0.0);
  EXPECT_TRUE(r.consistent);
  EXPECT_LE(r.iterations, 5);
  for (const AhpJudgement& j : r.judgements) EXPECT_NEAR(j.inconsistency, 1.0, 1e-13);
}

// A > B 9, B > C 9, C > A 9: a cycle. The matrix is circulant, so by symmetry the weights are
// equal and lambda_max = 1 + 9 + 1/9 (the row sum); CI = (lambda_max - 3) / 2 = 3.5556,
// CR = CI / 0.58 = 6.13. Each judgement says 9 (or 1/9) where the weights imply 1, so all three
// are named, equally, as contradicting the others.
TEST(AhpWeights, ContradictoryCycleIsFlagged) {
  const AhpResult r = ahp_weights(reciprocal(3, {9, 1.0 / 9, 9}));
  expect_weights(r, {1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15);
  EXPECT_NEAR(r.lambda_max, 1.0 + 9.0 + 1.0 / 9.0, 1e-12);
  EXPECT_NEAR(r.ci, (1.0 + 9.0 + 1.0 / 9.0 - 3.0) / 2.0, 1e-12);
  EXPECT_NEAR(r.cr, r.ci / 0.58, 1e-12);
  EXPECT_GT(r.cr, 0.1);
  EXPECT_FALSE(r.consistent);
  ASSERT_EQ(r.judgements.size(), 3u);
  const std::size_t order[3][2] = {{0, 1}, {0, 2}, {1, 2}}; // ties: by a, then b
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(r.judgements[k].a, order[k][0]);
    EXPECT_EQ(r.judgements[k].b, order[k][1]);
    EXPECT_NEAR(r.judgements[k].implied, 1.0, 1e-13);
    EXPECT_NEAR(r.judgements[k].inconsistency, 9.0, 1e-12);
  }
}

// Four criteria judged consistently (8 : 4 : 2 : 1) except that the A-versus-D judgement was
// entered backwards (1/8 instead of 8). That judgement must be named first.
TEST(AhpWeights, NamesTheReversedJudgementFirst) {
  Matrix m = reciprocal(4, {2, 4, 8, 2, 4, 2});
  m[0][3] = 1.0 / 8;
  m[3][0] = 8;
  const AhpResult r = ahp_weights(m);
  EXPECT_FALSE(r.consistent);
  ASSERT_EQ(r.judgements.size(), 6u);
  EXPECT_EQ(r.judgements[0].a, 0u);
  EXPECT_EQ(r.judgements[0].b, 3u);
  EXPECT_EQ(r.judgements[0].given, 1.0 / 8);
  for (std::size_t k = 1; k < r.judgements.size(); ++k) {
    EXPECT_GE(r.judgements[k - 1].inconsistency, r.judgements[k].inconsistency);
    EXPECT_GE(r.judgements[k].inconsistency, 1.0);
  }
}

TEST(AhpWeights, SmallMatrices) {
  const AhpResult empty = ahp_weights({});
  EXPECT_TRUE(empty.weights.empty());
  EXPECT_TRUE(empty.converged);
  EXPECT_TRUE(empty.consistent);

  const AhpResult one = ahp_weights({{1.0}});
  ASSERT_EQ(one.weights.size(), 1u);
  EXPECT_EQ(one.weights[0], 1.0);
  EXPECT_EQ(one.lambda_max, 1.0);
  EXPECT_EQ(one.cr, 0.0);
  EXPECT_TRUE(one.judgements.empty());

  // n = 2 is always consistent: w = (3/4, 1/4) for "a is 3 times b".
  const AhpResult two = ahp_weights(reciprocal(2, {3}));
  expect_weights(two, {0.75, 0.25}, 1e-15);
  EXPECT_NEAR(two.lambda_max, 2.0, 1e-14);
  EXPECT_EQ(two.ci, 0.0);
  EXPECT_EQ(two.cr, 0.0);
  EXPECT_TRUE(two.consistent);
  ASSERT_EQ(two.judgements.size(), 1u);
  EXPECT_NEAR(two.judgements[0].inconsistency, 1.0, 1e-14);
}

TEST(AhpWeights, RejectsMalformedInputWithoutCrashing) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const Matrix bad[] = {
      {{1, 2}, {0.5}},                    // ragged
      {{1, 2, 3}, {0.5, 1, 2}},           // not square
      {{1, nan}, {nan, 1}},               // NaN
      {{1, inf}, {0, 1}},                 // infinite and zero
      {{1, -2}, {-0.5, 1}},               // negative
      {{1, 1e200}, {1e-200, 1}},          // could overflow
  };
  for (const Matrix& m : bad) {
    const AhpResult r = ahp_weights(m);
    EXPECT_TRUE(r.weights.empty());
    EXPECT_TRUE(r.judgements.empty());
    EXPECT_FALSE(r.converged);
    EXPECT_FALSE(r.consistent);
    EXPECT_EQ(r.lambda_max, 0.0);
    EXPECT_EQ(r.iterations, 0);
  }
}

TEST(AhpWeights, NonReciprocalPositiveMatrixStillGivesFiniteResult) {
  // Precondition violated (the caller should have refused it), but no NaN may come out.
  const AhpResult r = ahp_weights({{1, 1e100, 1e-100}, {1e-100, 1, 1e100}, {1, 1, 1}});
  ASSERT_EQ(r.weights.size(), 3u);
  for (double w : r.weights) EXPECT_TRUE(std::isfinite(w) && w > 0);
  EXPECT_TRUE(std::isfinite(r.lambda_max));
  EXPECT_TRUE(std::isfinite(r.cr));
  for (const AhpJudgement& j : r.judgements) EXPECT_TRUE(std::isfinite(j.inconsistency));
}

} // namespace
} // namespace gapscore
