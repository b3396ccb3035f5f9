#include "pfsim/run/calibration/nelder_mead.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pfsim::run::calibration {
namespace {

struct Vertex {
  std::vector<double> x;
  double f = 0;
};

// Reflection, expansion, contraction, shrink (standard values).
constexpr double kReflect = 1.0, kExpand = 2.0, kContract = 0.5, kShrink = 0.5;

class Search {
 public:
  Search(const std::function<double(const std::vector<double>&)>& f, const NelderMeadOptions& options,
         const std::function<bool()>& keep_going)
      : f_(f), options_(options), keep_going_(keep_going) {}

  // False when the budget ran out before the value could be computed.
  bool evaluate(Vertex& v) {
    if (calls_ >= options_.max_calls || !keep_going_()) return false;
    ++calls_;
    v.f = f_(v.x);
    if (!have_best_ || v.f < best_.f) {
      best_ = v;
      have_best_ = true;
    }
    return true;
  }

  // One simplex run from `start`; returns false when the budget ran out.
  bool run(const std::vector<double>& start) {
    const std::size_t n = start.size();
    std::vector<Vertex> simplex(n + 1, Vertex{start, 0});
    for (std::size_t i = 0; i < n; ++i) simplex[i + 1].x[i] += options_.initial_step;
    for (auto& v : simplex)
      if (!evaluate(v)) return false;
    while (true) {
      std::sort(simplex.begin(), simplex.end(), [](const Vertex& a, const Vertex& b) { return a.f < b.f; });
      double size = 0;
      for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 0; j < n; ++j) size = std::max(size, std::abs(simplex[i].x[j] - simplex[0].x[j]));
      const double spread = simplex[n].f - simplex[0].f;
      if (size <= options_.x_tolerance || spread <= options_.f_tolerance) return true;

      std::vector<double> centroid(n, 0.0);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) centroid[j] += simplex[i].x[j] / static_cast<double>(n);
      auto along = [&](const std::vector<double>& from, double t) {
        Vertex v{centroid, 0};
        for (std::size_t j = 0; j < n; ++j) v.x[j] = centroid[j] + t * (from[j] - centroid[j]);
        return v;
      };
      Vertex& worst = simplex[n];
      Vertex reflected = along(worst.x, -kReflect);
      if (!evaluate(reflected)) return false;
      if (reflected.f < simplex[0].f) {
        Vertex expanded = along(worst.x, -kReflect * kExpand);
        if (!evaluate(expanded)) return false;
        worst = expanded.f < reflected.f ? expanded : reflected;
        continue;
      }
      if (reflected.f < simplex[n - 1].f) {
        worst = reflected;
        continue;
      }
      const bool outside = reflected.f < worst.f;
      Vertex contracted = outside ? along(worst.x, -kReflect * kContract) : along(worst.x, kContract);
      if (!evaluate(contracted)) return false;
      if (contracted.f < (outside ? reflected.f : worst.f)) {
        worst = contracted;
        continue;
      }
      for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 0; j < n; ++j) simplex[i].x[j] = simplex[0].x[j] + kShrink * (simplex[i].x[j] - simplex[0].x[j]);
        if (!evaluate(simplex[i])) return false;
      }
    }
  }

  const Vertex& best() const { return best_; }
  std::size_t calls() const { return calls_; }

 private:
  const std::function<double(const std::vector<double>&)>& f_;
  const NelderMeadOptions& options_;
  const std::function<bool()>& keep_going_;
  Vertex best_;
  bool have_best_ = false;
  std::size_t calls_ = 0;
};

}  // namespace

NelderMeadResult minimise(const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& start,
                          const NelderMeadOptions& options, const std::function<bool()>& keep_going) {
  Search search(f, options, keep_going);
  NelderMeadResult result;
  bool budget_left = search.run(start);
  // A restart rebuilds a full-size simplex at the best point: NM can collapse early on a noisy or stepped surface
  // (rounded integer parameters), and a restart that finds nothing better costs only n + 1 evaluations.
  while (budget_left && result.restarts_used < options.restarts) {
    const double before = search.best().f;
    ++result.restarts_used;
    budget_left = search.run(search.best().x);
    if (!(search.best().f < before)) break;
  }
  result.best = search.best().x;
  result.value = search.best().f;
  result.calls = search.calls();
  if (result.best.empty()) result.best = start;
  return result;
}

}  // namespace pfsim::run::calibration
