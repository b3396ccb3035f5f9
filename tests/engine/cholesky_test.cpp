// Small SPD matrices (engine/cholesky.hpp): the factor reproduces the matrix, the inverse is one, and matrices that
// are not symmetric or not positive definite are refused.
#include <gtest/gtest.h>

#include "pfsim/engine/cholesky.hpp"

namespace pfsim::engine {
namespace {

TEST(Cholesky, FactorTimesItsTransposeIsTheMatrix) {
  const Matrix a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
  const auto l = cholesky(a);
  ASSERT_TRUE(l);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      double sum = 0;
      for (std::size_t k = 0; k < 3; ++k) sum += (*l)[i][k] * (*l)[j][k];
      EXPECT_NEAR(sum, a[i][j], 1e-12);
      if (j > i) {
        EXPECT_EQ((*l)[i][j], 0.0);
      }
    }
}

TEST(Cholesky, RefusesNonSymmetricUnlessWithinTolerance) {
  EXPECT_FALSE(cholesky({{1, 0.3}, {-0.3, 1}}));
  EXPECT_FALSE(cholesky({{1, 0.3}, {0.3 + 1e-12, 1}}));
  EXPECT_TRUE(cholesky({{1, 0.3}, {0.3 + 1e-12, 1}}, 1e-9));
}

TEST(Cholesky, RefusesIndefiniteSingularAndNonSquare) {
  EXPECT_FALSE(cholesky({{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}}));  // each pair possible, the triple not
  EXPECT_FALSE(cholesky({{1, 1}, {1, 1}}));                                 // singular
  EXPECT_FALSE(cholesky({{1, 0}}));
}

TEST(SpdInverse, TimesTheMatrixIsTheIdentity) {
  const Matrix a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
  const auto inverse = spd_inverse(a);
  ASSERT_TRUE(inverse);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      double sum = 0;
      for (std::size_t k = 0; k < 3; ++k) sum += a[i][k] * (*inverse)[k][j];
      EXPECT_NEAR(sum, i == j ? 1.0 : 0.0, 1e-12);
    }
  EXPECT_FALSE(spd_inverse({{1, 2}, {2, 1}}));
}

}  // namespace
}  // namespace pfsim::engine
