#include "pfsim/run/stability.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pfsim/models/offered_load.hpp"

namespace pfsim::run {

namespace {
// A whole seasonal cycle: over a shorter run (a Dec–Mar winter, say) demand itself rises and falls, so a queue that
// rises towards the end may be the season, not a capacity that cannot keep up. The offered-load check still runs.
constexpr std::size_t kMinDays = 365;
constexpr std::size_t kEndDays = 7;
constexpr double kGrowthFactor = 2.0;    // E > 2 F + 5
constexpr double kGrowthFloor = 5.0;     // patients
constexpr double kSlopeErrors = 2.0;     // S > 2 se(S)

double mean(const std::vector<float>& v, std::size_t from, std::size_t to) {
  double sum = 0;
  for (std::size_t d = from; d < to; ++d) sum += v[d];
  return to > from ? sum / static_cast<double>(to - from) : 0.0;
}

// Least-squares slope of v[from..to) against the day index.
double slope(const std::vector<float>& v, std::size_t from, std::size_t to) {
  const double n = static_cast<double>(to - from);
  const double x_mean = (n - 1) / 2.0, y_mean = mean(v, from, to);
  double sxy = 0, sxx = 0;
  for (std::size_t d = from; d < to; ++d) {
    const double x = static_cast<double>(d - from) - x_mean;
    sxy += x * (v[d] - y_mean);
    sxx += x * x;
  }
  return sxx > 0 ? sxy / sxx : 0.0;
}
}  // namespace

std::vector<QueueTrend> queue_trends(const scenario::Scenario& scenario, const std::vector<models::ReplicationResult>& results) {
  const std::vector<std::string> names = models::capacity_names(scenario);
  const auto days = static_cast<std::size_t>(std::max(0, scenario.run.days));
  std::vector<QueueTrend> trends;
  if (days < kMinDays || results.empty()) return trends;
  for (const auto& r : results)
    if (r.queues.size() != names.size()) return trends;
  const std::size_t quarter = days / 4;
  const double n = static_cast<double>(results.size());
  for (std::size_t q = 0; q < names.size(); ++q) {
    QueueTrend t;
    t.resource = names[q];
    std::vector<double> slopes;
    for (const auto& r : results) {
      const std::vector<float>& v = r.queues[q];
      if (v.size() != days) return {};
      t.first_quarter_mean += mean(v, 0, quarter) / n;
      t.end_mean += mean(v, days - kEndDays, days) / n;
      slopes.push_back(slope(v, days - quarter, days));
    }
    for (double s : slopes) t.slope_per_day += s / n;
    if (slopes.size() > 1) {
      double ss = 0;
      for (double s : slopes) ss += (s - t.slope_per_day) * (s - t.slope_per_day);
      t.slope_se = std::sqrt(ss / (n - 1) / n);
    }
    const bool rising = t.slope_per_day > 0 && (slopes.size() < 2 || t.slope_per_day > kSlopeErrors * t.slope_se);
    t.growing = rising && t.end_mean > kGrowthFactor * t.first_quarter_mean + kGrowthFloor;
    trends.push_back(t);
  }
  return trends;
}

std::string unstable_resources(const std::vector<QueueTrend>& trends) {
  std::string out;
  for (const QueueTrend& t : trends)
    if (t.growing) out += (out.empty() ? "" : ", ") + t.resource;
  return out;
}

std::string unstable_detail(const std::vector<QueueTrend>& trends) {
  std::string out;
  for (const QueueTrend& t : trends)
    if (t.growing)
      out += fmt::format("{}{}: {:.1f} waiting in the first quarter, {:.1f} at the end, {:+.3g}/day over the last quarter",
                         out.empty() ? "" : "; ", t.resource, t.first_quarter_mean, t.end_mean, t.slope_per_day);
  return out;
}

}  // namespace pfsim::run
