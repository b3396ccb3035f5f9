#pragma once
// `run.warmup_days: auto` (DESIGN §3 Warm-up): a pilot run on the real calendar — from empty (or the census) at
// start_date − pilot warm-up, through the measured period, so it ends on the run's last day in the same season — and
// MSER-5 on each site's daily bed occupancy and on the care-home residents per 65+ person; the warm-up is the largest
// truncation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// The pilot's warm-up (days before start_date) when `auto` runs it: max(run.days, this). Three years: MSER-5 only
/// looks at the first half of a series, and on the baseline the slowest stock (care homes, mean stay 2.7 years)
/// settles after ~575 days, which a 2-year pilot of a 1-year run (series of 1,095 days) could not show (README
/// "Warm-up").
inline constexpr int kAutoPilotWarmupDays = 1095;

struct WarmupChoice {
  int days = 0;                   // the warm-up to use: the largest of by_site and care_homes
  std::vector<int> by_site;       // MSER-5 truncation of each site's occupied beds, in days from the pilot's start
  int care_homes = 0;             // the same for care-home residents per 65+ person (0 without the module)
  int pilot_warmup_days = 0;      // the pilot started empty this many days before start_date
  int pilot_days = 0;             // length of the pilot series: pilot_warmup_days + run.days
  int pilot_replications = 0;     // the series is the mean over these replications (0, 1, ...)
};

/// Runs the pilot: `pilot_replications` replications (indices 0…) of `scenario` with warm-up `pilot_warmup_days`
/// and the scenario's own start_date and days (the real calendar: simulated time 0 is start_date − pilot warm-up,
/// growth anchored at start_date), averages each site's midnight occupancy and the care-home residents over them
/// (residents divided by the 65+ population's growth factor: their trend is growth, not transient) and applies
/// MSER-5 (White 1997) to each series, warm-up included. MSER-5 only looks at the first half of a
/// series, so the pilot must be at least twice the expected warm-up.
WarmupChoice find_warmup(const Scenario& scenario, int pilot_warmup_days, int pilot_replications);

/// For `warmup_days: auto`: a pilot with warm-up max(run.days, kAutoPilotWarmupDays) and min(run.replications, 5)
/// replications (with a census, which is the state of start_date: no pilot warm-up and max(run.days, 365) days from
/// start_date); sets run.warmup_days to the result and returns it. Scenarios with a numeric warm-up are returned
/// unchanged (nullopt).
std::optional<WarmupChoice> choose_warmup(Scenario& scenario);

/// Planned care starts with empty waiting lists (a census holds none): nobody can have waited 52 weeks before a year
/// of referrals, and the long tail of the waits fills for about a year more (on the baseline, 52-week waiters are
/// 22.5 ± 3.0 after 365 days against 29.5 ± 2.2 after 730 and 29.3 after 1,095): a shorter warm-up biases them.
inline constexpr int kPlannedCareWarmupDays = 730;

/// What the run's warm-up leaves unfilled, as one sentence for a warning (empty when nothing): planned care with
/// warmup_days below kPlannedCareWarmupDays.
std::string warmup_warning(const Scenario& scenario);

/// Gives `option` the warm-up of `base` (pfsim compare: one warm-up, chosen on the base, for every scenario).
void use_warmup_of(const Scenario& base, Scenario& option);

}  // namespace pfsim::models
