#pragma once
// `run.warmup_days: auto` (DESIGN §2): a pilot run from an empty (or census) start and MSER-5 on each site's daily
// bed occupancy; the warm-up is the largest truncation over sites.
#include <cstdint>
#include <optional>
#include <vector>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

struct WarmupChoice {
  int days = 0;                  // the warm-up to use: the largest of by_site
  std::vector<int> by_site;      // MSER-5 truncation of each site's series, in days
  int pilot_days = 0;            // length of the pilot series
  int pilot_replications = 0;    // the series is the mean over these replications (0, 1, ...)
};

/// Runs the pilot: `pilot_replications` replications (indices 0…) of `scenario` with no warm-up over `pilot_days`
/// days from start_date, averages each site's midnight occupancy over them and applies MSER-5 (White 1997) to it.
/// MSER-5 only looks at the first half of a series, so the pilot must be at least twice the expected warm-up.
WarmupChoice find_warmup(const Scenario& scenario, int pilot_days, int pilot_replications);

/// For `warmup_days: auto`: a pilot of max(run.days, 365) days and min(run.replications, 5) replications; sets
/// run.warmup_days to the result and returns it. Scenarios with a numeric warm-up are returned unchanged (nullopt).
std::optional<WarmupChoice> choose_warmup(Scenario& scenario);

}  // namespace pfsim::models
