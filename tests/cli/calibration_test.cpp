// The search behind `pfsim calibrate` (tools/pfsim/calibration/nelder_mead.cpp).
#include <gtest/gtest.h>

#include <cmath>

#include "pfsim/run/calibration/nelder_mead.hpp"

namespace pfsim::run::calibration {
namespace {

TEST(NelderMead, FindsTheMinimumOfAQuadraticWithin1e3) {
  auto f = [](const std::vector<double>& x) { return std::pow(x[0] - 1.5, 2) + 4 * std::pow(x[1] + 0.5, 2) + 2; };
  NelderMeadOptions options;
  options.f_tolerance = 1e-12;
  options.x_tolerance = 1e-6;
  const auto result = minimise(f, {0, 0}, options, [] { return true; });
  EXPECT_NEAR(result.best[0], 1.5, 1e-3);
  EXPECT_NEAR(result.best[1], -0.5, 1e-3);
  EXPECT_NEAR(result.value, 2, 1e-6);
}

TEST(NelderMead, SolvesRosenbrockFromTheUsualStart) {
  auto f = [](const std::vector<double>& x) { return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2); };
  NelderMeadOptions options;
  options.f_tolerance = 1e-14;
  options.x_tolerance = 1e-8;
  options.restarts = 2;
  const auto result = minimise(f, {-1.2, 1}, options, [] { return true; });
  EXPECT_NEAR(result.best[0], 1, 1e-3);
  EXPECT_NEAR(result.best[1], 1, 2e-3);
}

TEST(NelderMead, StopsWhenTheBudgetIsSpentAndReturnsTheBestSeen) {
  int calls = 0;
  double best_seen = HUGE_VAL;
  auto f = [&](const std::vector<double>& x) {
    ++calls;
    const double v = std::pow(x[0] - 3, 2) + std::pow(x[1] - 3, 2) + std::pow(x[2] - 3, 2);
    best_seen = std::min(best_seen, v);
    return v;
  };
  const auto result = minimise(f, {0, 0, 0}, NelderMeadOptions{}, [&] { return calls < 12; });
  EXPECT_EQ(calls, 12);
  EXPECT_EQ(result.value, best_seen);
}

}  // namespace
}  // namespace pfsim::run::calibration
