// Every continuous distribution pfsim samples, checked against its exact CDF: Kolmogorov–Smirnov and Anderson–Darling
// statistics, the first two moments, and the far-tail frequencies the ziggurat handles by a separate method. 10⁶ draws
// per distribution here; PFSIM_VARIATE_DRAWS=10000000 (ctest engine.variates_at_ten_million, label statistical)
// gives the long form.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/distribution.hpp"
#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/ziggurat.hpp"

using namespace pfsim::engine;

namespace {

std::size_t draw_count() {
  const char* text = std::getenv("PFSIM_VARIATE_DRAWS");
  return text ? static_cast<std::size_t>(std::strtoull(text, nullptr, 10)) : 1'000'000;
}

struct Fit {
  double ks = 0;  // sup |F_n − F|
  double ad = 0;  // Anderson–Darling A²
};

Fit fit(std::vector<double> draws, const std::function<double(double)>& cdf) {
  std::sort(draws.begin(), draws.end());
  const std::size_t n = draws.size();
  const double dn = static_cast<double>(n);
  std::vector<double> f(n);
  for (std::size_t i = 0; i < n; ++i) f[i] = std::clamp(cdf(draws[i]), 1e-300, 1.0 - 0x1.0p-53);
  Fit result;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    result.ks = std::max({result.ks, f[i] - static_cast<double>(i) / dn, static_cast<double>(i + 1) / dn - f[i]});
    sum += (2.0 * static_cast<double>(i) + 1.0) * (std::log(f[i]) + std::log1p(-f[n - 1 - i]));
  }
  result.ad = -dn - sum / dn;
  return result;
}

// 0.1 % critical values for a fully specified continuous distribution: KS 1.949/√n (asymptotic Kolmogorov), A² 6.0
// (Marsaglia & Marsaglia 2004's asymptotic distribution, P(A² > 6.0) ≈ 0.0008).
double ks_critical(std::size_t n) { return 1.949 / std::sqrt(static_cast<double>(n)); }
constexpr double kAdCritical = 6.0;

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

struct Case {
  const char* text;  // as a scenario writes it; "normal" is Stream::normal itself
};

class Variates : public ::testing::TestWithParam<Case> {};

std::vector<double> sample(const std::string& text, std::size_t n, double& mean, double& sd,
                           std::function<double(double)>& cdf) {
  Stream s(20261207, 0, "variates/" + text);
  std::vector<double> draws(n);
  if (text == "normal") {
    for (double& x : draws) x = s.normal();
    mean = 0, sd = 1, cdf = normal_cdf;
    return draws;
  }
  const Distribution d = parse_distribution(text);
  for (double& x : draws) x = d.sample(s);
  mean = d.mean(), sd = d.sd(), cdf = [d](double x) { return d.cdf(x); };
  return draws;
}

TEST_P(Variates, FitTheExactCdfByKolmogorovSmirnovAndAndersonDarling) {
  const std::size_t n = draw_count();
  double mean = 0, sd = 0;
  std::function<double(double)> cdf;
  const std::vector<double> draws = sample(GetParam().text, n, mean, sd, cdf);
  const Fit f = fit(draws, cdf);
  std::printf("%s: n = %zu, KS %.3g (0.1 %% critical %.3g), A-squared %.3g (critical %.1f)\n", GetParam().text, n, f.ks,
              ks_critical(n), f.ad, kAdCritical);
  EXPECT_LT(f.ks, ks_critical(n)) << GetParam().text << ": KS " << f.ks << " at n = " << n;
  EXPECT_LT(f.ad, kAdCritical) << GetParam().text << ": A² " << f.ad << " at n = " << n;
}

TEST_P(Variates, MeanAndVarianceMatchTheParameters) {
  const std::size_t n = draw_count();
  double mean = 0, sd = 0;
  std::function<double(double)> cdf;
  const std::vector<double> draws = sample(GetParam().text, n, mean, sd, cdf);
  double m = 0;
  for (double x : draws) m += x;
  m /= static_cast<double>(n);
  double m2 = 0, m4 = 0;
  for (double x : draws) {
    const double c = (x - mean) * (x - mean);
    m2 += c;
    m4 += c * c;
  }
  m2 /= static_cast<double>(n);
  m4 /= static_cast<double>(n);
  // Standard errors of the sample mean and of the sample variance (from the sample's own fourth moment).
  const double mean_se = sd / std::sqrt(static_cast<double>(n));
  const double var_se = std::sqrt(std::max(m4 - m2 * m2, 0.0) / static_cast<double>(n));
  EXPECT_NEAR(m, mean, 4.5 * mean_se) << GetParam().text;
  EXPECT_NEAR(m2, sd * sd, 4.5 * var_se) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    EveryContinuousKind, Variates,
    ::testing::Values(Case{"normal"}, Case{"exponential(mean=10min)"}, Case{"lognormal(mean=6d, sd=9d)"},
                      Case{"lognormal(mean=4h, sd=1h)"}, Case{"gamma(mean=21d, sd=10d)"}, Case{"gamma(mean=1d, sd=1d)"},
                      Case{"gamma(mean=1d, sd=2d)"}, Case{"weibull(shape=0.8, scale=700d)"},
                      Case{"weibull(shape=2.5, scale=3d)"}, Case{"triangular(min=1d, mode=2d, max=5d)"},
                      Case{"uniform(min=1d, max=3d)"}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name;
      for (const char* c = info.param.text; *c && *c != '('; ++c) name += *c;
      return name + "_" + std::to_string(info.index);
    });

// The base layer's tail beyond r is sampled by its own exact method; KS cannot see it (P(X > r) ≈ 5e-4), so its
// frequencies are counted: the observed count above each threshold within 4.5 binomial sd of n·P(X > t).
void expect_tail(const std::vector<double>& draws, double t, double p) {
  const double n = static_cast<double>(draws.size());
  const double above = static_cast<double>(std::count_if(draws.begin(), draws.end(), [t](double x) { return x > t; }));
  EXPECT_NEAR(above, n * p, 4.5 * std::sqrt(n * p * (1 - p)) + 1) << "threshold " << t;
}

TEST(Ziggurat, TailsBeyondTheBaseLayerHaveTheirProbability) {
  const std::size_t n = draw_count();
  Stream s(20261207, 1, "variates/tails");
  std::vector<double> e(n), z(n);
  for (double& x : e) x = s.exponential(1.0);
  for (double& x : z) x = std::abs(s.normal());
  const double re = ziggurat::exponential_tables().r, rz = ziggurat::normal_tables().r;
  for (double t : {re - 1.0, re, re + 1.0, re + 2.0}) expect_tail(e, t, std::exp(-t));
  for (double t : {rz - 0.5, rz, rz + 0.5, rz + 1.0}) expect_tail(z, t, std::erfc(t / std::sqrt(2.0)));
}

TEST(Ziggurat, TablesCloseAtTheTopLayer) {
  for (const ziggurat::Tables* t : {&ziggurat::exponential_tables(), &ziggurat::normal_tables()}) {
    EXPECT_NEAR(t->top_layer_area / t->layer_area, 1.0, 1e-12);
    for (std::size_t i = 0; i < ziggurat::kLayers; ++i) {
      ASSERT_GT(t->x[i], t->x[i + 1]) << "layer " << i;
      ASSERT_LT(t->f[i], t->f[i + 1]) << "layer " << i;
      // The top layer (x[256] = 0) has no part wholly under the density: every draw there is tested.
      if (i + 1 < ziggurat::kLayers) {
        ASSERT_GT(t->inner[i], 0.0);
      }
      ASSERT_LT(t->inner[i], 1.0);
    }
  }
}

// The checks have power: a normal with sd 1.005, or one that never returns its tail beyond r, is rejected.
TEST(VariateChecks, RejectAnAlmostRightNormal) {
  const std::size_t n = draw_count();
  Stream s(20261207, 2, "variates/wrong");
  std::vector<double> wide(n);
  for (double& x : wide) x = 1.005 * s.normal();
  EXPECT_GT(fit(wide, normal_cdf).ad, kAdCritical);
  std::vector<double> no_tail(n);
  const double r = ziggurat::normal_tables().r;
  for (double& x : no_tail) do x = std::abs(s.normal()); while (x > r);
  const double n_d = static_cast<double>(n), p = std::erfc(r / std::sqrt(2.0));
  const double above = static_cast<double>(std::count_if(no_tail.begin(), no_tail.end(), [r](double x) { return x > r; }));
  EXPECT_GT(std::abs(above - n_d * p), 4.5 * std::sqrt(n_d * p * (1 - p)) + 1);
}

TEST(Stream, ExponentialAndNormalDependOnlyOnTheirStream) {
  Stream a(1, 2, "x"), b(1, 2, "x");
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(a.exponential(3.0), b.exponential(3.0));
    ASSERT_EQ(a.normal(), b.normal());
  }
}

}  // namespace
