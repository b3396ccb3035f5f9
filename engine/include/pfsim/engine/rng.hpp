#pragma once
// Named random-number streams (DESIGN §6): seed = mix(master seed, replication, stream name), so any stream
// can be recreated on its own and changing how often one stream is drawn never shifts another.
#include <cmath>
#include <cstdint>
#include <string_view>

#include <pcg_random.hpp>

#include "pfsim/engine/ziggurat.hpp"

namespace pfsim::engine {

/// Which variate algorithms produced a results file: a result may change from one version to the next only because
/// an algorithm changed, never a distribution (docs/DESIGN.md §6.1 lists the versions and how each was checked).
inline constexpr int kResultsVersion = 2;
inline constexpr const char* kVariateAlgorithms =
    "uniform: 53-bit midpoint on (0, 1); exponential and normal: 256-layer ziggurat (Marsaglia & Tsang 2000), "
    "normal tail by Marsaglia (1964); gamma: Marsaglia & Tsang (2000) on ziggurat normals; lognormal: exp of a "
    "ziggurat normal; Weibull: scale times a ziggurat exponential to the power 1/shape; Poisson: multiplication "
    "method below mean 500, rounded normal above";

/// SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// FNV-1a hash of a stream name: stable across platforms and compilers (std::hash is not).
constexpr std::uint64_t hash_name(std::string_view name) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// Seed of stream `name` in replication `replication` (and optionally entity `entity`, for per-patient streams).
constexpr std::uint64_t stream_seed(std::uint64_t master, std::uint64_t replication, std::string_view name,
                                    std::uint64_t entity = 0) noexcept {
  return mix64(mix64(mix64(mix64(master) ^ replication) ^ hash_name(name)) ^ entity);
}

/// A random-number stream (PCG64). Draws uniforms in (0,1), exponentials and standard normals without caching state,
/// so a stream's sequence depends only on which draws were made from it.
class Stream {
 public:
  Stream() : Stream(0, 0, "default") {}
  Stream(std::uint64_t master, std::uint64_t replication, std::string_view name, std::uint64_t entity = 0)
      : Stream(stream_seed(master, replication, name, entity)) {}

  /// Per-entity stream for common random numbers: the same (replication, entity) gives the same draws in
  /// every scenario variant, whatever else happened before.
  static Stream for_entity(std::uint64_t master, std::uint64_t replication, std::string_view name,
                           std::uint64_t entity) {
    return Stream(master, replication, name, entity + 1);
  }

  /// The stream whose seed is `seed` (= stream_seed(...) of some name): what the named constructor builds.
  static Stream from_seed(std::uint64_t seed) { return Stream(seed); }

  std::uint64_t next_u64() noexcept { return engine_(); }
  /// Uniform on the open interval (0, 1): 53 random bits, never exactly 0 or 1 (safe for log()).
  double uniform() noexcept { return ziggurat::open_unit(engine_()); }
  double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
  /// Exponential with the given mean, by the ziggurat (ziggurat.hpp; results version 2, before it −mean·log u).
  double exponential(double mean) noexcept { return mean * ziggurat::standard_exponential(engine_); }
  /// Standard normal by the ziggurat (results version 2; before it Box–Muller, one value of each pair).
  double normal() noexcept { return ziggurat::standard_normal(engine_); }
  bool bernoulli(double p) noexcept { return uniform() < p; }
  /// Poisson count with the given mean (inversion for small means, normal approximation with
  /// continuity correction above 500 where inversion would be slow and the error is < 1e-3 relative).
  std::int64_t poisson(double mean) noexcept;

 private:
  explicit Stream(std::uint64_t seed) : engine_(seed, mix64(seed ^ 0x5851f42d4c957f2dULL)) {}
  pcg64 engine_;
};

/// The per-entity streams of one name in one replication (Stream::for_entity), with the name hashed and mixed once
/// instead of per entity: for_entity(master, replication, name, e) and family.entity(e) are the same stream.
class StreamFamily {
 public:
  StreamFamily(std::uint64_t master, std::uint64_t replication, std::string_view name)
      : key_(mix64(mix64(mix64(master) ^ replication) ^ hash_name(name))) {}
  [[nodiscard]] Stream entity(std::uint64_t entity) const { return Stream::from_seed(mix64(key_ ^ (entity + 1))); }

 private:
  std::uint64_t key_;  // stream_seed(master, replication, name, e) == mix64(key_ ^ e)
};

inline std::int64_t Stream::poisson(double mean) noexcept {
  if (mean <= 0.0) return 0;
  if (mean > 500.0) {
    double x = std::floor(mean + std::sqrt(mean) * normal() + 0.5);
    return x < 0 ? 0 : static_cast<std::int64_t>(x);
  }
  // Multiplication method split into chunks so exp(-mean) never underflows.
  std::int64_t count = 0;
  double remaining = mean;
  while (remaining > 0.0) {
    const double step = remaining > 50.0 ? 50.0 : remaining;
    remaining -= step;
    const double limit = std::exp(-step);
    double product = uniform();
    while (product > limit) {
      ++count;
      product *= uniform();
    }
  }
  return count;
}

}  // namespace pfsim::engine
