#include "pfsim/engine/ziggurat.hpp"

namespace pfsim::engine::ziggurat {
namespace {

// x[i+1] solves f(x[i+1]) = f(x[i]) + area / x[i]: each layer's rectangle [0, x[i]) × [f(x[i]), f(x[i+1])) has the
// base layer's area, r·f(r) + the tail's integral. The published r makes the 256th layer close at f(0) = 1.
template <class Density, class Inverse>
Tables build(double r, double tail_area, Density f, Inverse inverse) {
  const double area = r * f(r) + tail_area;
  Tables t;
  t.r = r;
  t.layer_area = area;
  t.x[0] = area / f(r);
  t.x[1] = r;
  for (std::size_t i = 1; i + 1 < kLayers; ++i) t.x[i + 1] = inverse(f(t.x[i]) + area / t.x[i]);
  t.x[kLayers] = 0;
  for (std::size_t i = 0; i < kLayers; ++i) {
    t.f[i] = f(t.x[i]);
    t.inner[i] = t.x[i + 1] / t.x[i];
  }
  t.f[kLayers] = 1;
  t.top_layer_area = t.x[kLayers - 1] * (1.0 - t.f[kLayers - 1]);
  return t;
}

}  // namespace

const Tables& exponential_tables() {
  // r from Marsaglia & Tsang (2000) §3 for f(x) = exp(−x), 256 layers; the tail's integral is exp(−r).
  constexpr double r = 7.69711747013104972;
  static const Tables t = build(
      r, std::exp(-r), [](double x) { return std::exp(-x); },
      [](double y) { return -std::log(y); });
  return t;
}

const Tables& normal_tables() {
  // r from Marsaglia & Tsang (2000) §3 for f(x) = exp(−x²/2), 256 layers; the tail's integral is √(π/2)·erfc(r/√2).
  constexpr double r = 3.6541528853610088;
  static const Tables t = build(
      r, 1.2533141373155003 * std::erfc(r * 0.7071067811865476), [](double x) { return std::exp(-0.5 * x * x); },
      [](double y) { return std::sqrt(-2.0 * std::log(y)); });
  return t;
}

}  // namespace pfsim::engine::ziggurat
