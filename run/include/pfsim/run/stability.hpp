#pragma once
// The stability check after a run (DESIGN §3 "Stability checks"): does the queue for some capacity grow without bound?
// It reads the daily queue counts each replication keeps (models::ReplicationResult::queues, in the order of
// models::capacity_names) and writes nothing to the results but the /meta attributes `unstable` and
// `unstable_detail` when a queue is flagged.
//
// Test, per resource, on the patients waiting at each measured midnight (Q = D / 4 days, a quarter of the run):
//   first_r = mean over the first quarter, end_r = mean over the last 7 days, slope_r = least-squares slope over the
//   last quarter (patients per day), for each replication r; means over replications F, E, S and the standard error
//   of S across replications (replications are independent, so this is an honest error even though days are not).
//   Flagged when the queue is still rising at the end (S > 0 and, with two or more replications, S > 2 standard
//   errors) and it has grown well past its early level (E > 2 F + 5 patients) — or when it rose all year: the slope
//   over the whole measured period Y is > 0 (> 2 standard errors with two or more replications) and the queue ended the
//   year well above where it began it: E − B > F / 4 + 5, B the mean over the first 7 days. The second rule catches a
//   queue that was already long when measurement began (after a long warm-up a gridlocked hospital's queue is large
//   in the first quarter, so it cannot double within the year). It compares the year's two ends, not Y × D: a year
//   from April to March starts and ends in neighbouring seasons, so a stable queue ends it near where it began, but
//   its winter peak sits late in the year and gives a seasonal system a positive whole-year slope.
// A queue of a stable system fluctuates around a level, so its end is not twice its first quarter plus five people
// and its last-quarter slope is not reliably positive; a queue fed faster than it is served grows linearly, so both
// hold. Runs shorter than a year (365 measured days) are not tested: a seasonal rise would look like growth. A flag
// also catches a queue that has not settled yet (a system far from steady state at the end of the run): either way
// the KPIs are not steady-state results.
#include <string>
#include <vector>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::run {

struct QueueTrend {
  std::string resource;
  double first_quarter_mean = 0;  // F: patients waiting, mean over the first quarter of the measured days
  double start_mean = 0;          // B: mean over the first 7 measured days
  double end_mean = 0;            // E: mean over the last 7 measured days
  double slope_per_day = 0;       // S: least-squares slope over the last quarter, mean over replications
  double slope_se = 0;            // its standard error across replications (0 with one replication)
  double year_slope_per_day = 0;  // Y: least-squares slope over the whole measured period, mean over replications
  double year_slope_se = 0;
  bool growing = false;
};

/// The trend of every queue of models::capacity_names(scenario); empty when the run is too short or holds no counts.
std::vector<QueueTrend> queue_trends(const scenario::Scenario& scenario, const std::vector<models::ReplicationResult>& results);

/// The flagged resources, comma-separated ("reablement (P1), acute beds: Hospital"); empty when none grows.
std::string unstable_resources(const std::vector<QueueTrend>& trends);

/// One line per flagged resource: "reablement (P1): 0.4 waiting in the first quarter, 181 at the end, +1.12/day".
std::string unstable_detail(const std::vector<QueueTrend>& trends);

}  // namespace pfsim::run
