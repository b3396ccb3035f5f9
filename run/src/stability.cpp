#include "pfsim/run/stability.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "pfsim/models/offered_load.hpp"
#include "pfsim/models/warmup.hpp"

namespace pfsim::run {

namespace {
// A whole seasonal cycle: over a shorter run (a Dec–Mar winter, say) demand itself rises and falls, so a queue that
// rises towards the end may be the season, not a capacity that cannot keep up. The offered-load check still runs.
constexpr std::size_t kMinDays = 365;
constexpr std::size_t kEndDays = 7;
constexpr double kGrowthFactor = 2.0;    // E > 2 F + 5
constexpr double kGrowthFloor = 5.0;     // patients
constexpr double kSlopeErrors = 2.0;     // S > 2 se(S)
constexpr double kYearGrowthShare = 0.25;  // E - B > F / 4 + 5

// Mean over replications and its standard error across them (0 with one replication).
std::pair<double, double> mean_and_se(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  double m = 0;
  for (double v : values) m += v / n;
  if (values.size() < 2) return {m, 0.0};
  double ss = 0;
  for (double v : values) ss += (v - m) * (v - m);
  return {m, std::sqrt(ss / (n - 1) / n)};
}

bool significantly_positive(double mean, double se, std::size_t replications) {
  return mean > 0 && (replications < 2 || mean > kSlopeErrors * se);
}

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
  // With a warm-up too short for planned care (models::warmup_warning, recorded and printed on its own), the admitted
  // lists are still filling from empty: their rise is that transient, not theatres that cannot keep up.
  const std::vector<models::OfferedLoad> loads = models::offered_load(scenario);
  const bool lists_filling = !models::warmup_warning(scenario).empty();
  for (std::size_t q = 0; q < names.size(); ++q) {
    QueueTrend t;
    t.resource = names[q];
    std::vector<double> slopes, year_slopes, rises;
    for (const auto& r : results) {
      const std::vector<float>& v = r.queues[q];
      if (v.size() != days) return {};
      t.first_quarter_mean += mean(v, 0, quarter) / n;
      t.start_mean += mean(v, 0, kEndDays) / n;
      t.end_mean += mean(v, days - kEndDays, days) / n;
      slopes.push_back(slope(v, days - quarter, days));
      year_slopes.push_back(slope(v, 0, days));
      rises.push_back(mean(v, days - kEndDays, days) - mean(v, 0, kEndDays));
    }
    std::tie(t.slope_per_day, t.slope_se) = mean_and_se(slopes);
    std::tie(t.year_slope_per_day, t.year_slope_se) = mean_and_se(year_slopes);
    const bool still_rising = significantly_positive(t.slope_per_day, t.slope_se, results.size()) &&
                              t.end_mean > kGrowthFactor * t.first_quarter_mean + kGrowthFloor;
    // The rise from the first week to the last must itself be more than noise across replications: one bad last week
    // of March in a few replications is a season, not growth.
    const auto [rise, rise_se] = mean_and_se(rises);
    const bool rose_all_year = significantly_positive(t.year_slope_per_day, t.year_slope_se, results.size()) &&
                               significantly_positive(rise, rise_se, results.size()) &&
                               t.end_mean - t.start_mean > kYearGrowthShare * t.first_quarter_mean + kGrowthFloor;
    const bool filling = lists_filling && q < loads.size() && loads[q].kind == models::Capacity::Theatres;
    t.growing = (still_rising || rose_all_year) && !filling;
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
