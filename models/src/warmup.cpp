#include "pfsim/models/warmup.hpp"

#include <algorithm>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/system.hpp"

namespace pfsim::models {

WarmupChoice find_warmup(const Scenario& scenario, int pilot_days, int pilot_replications) {
  Scenario pilot = scenario;
  pilot.run.warmup_days = 0;
  pilot.run.warmup_auto = false;
  pilot.run.days = pilot_days;
  WarmupChoice choice;
  choice.pilot_days = pilot_days;
  choice.pilot_replications = pilot_replications;
  std::vector<std::vector<double>> mean(scenario.sites.size(), std::vector<double>(static_cast<std::size_t>(pilot_days), 0.0));
  for (int r = 0; r < pilot_replications; ++r) {
    const auto occupied = System(pilot, static_cast<std::uint64_t>(r)).midnight_bed_occupancy();
    for (std::size_t site = 0; site < occupied.size(); ++site)
      for (std::size_t day = 0; day < occupied[site].size() && day < mean[site].size(); ++day)
        mean[site][day] += occupied[site][day] / pilot_replications;
  }
  for (const auto& series : mean) {
    choice.by_site.push_back(static_cast<int>(engine::mser5_truncation(series)));
    choice.days = std::max(choice.days, choice.by_site.back());
  }
  return choice;
}

std::optional<WarmupChoice> choose_warmup(Scenario& scenario) {
  if (!scenario.run.warmup_auto) return std::nullopt;
  const WarmupChoice choice = find_warmup(scenario, std::max(scenario.run.days, 365), std::min(scenario.run.replications, 5));
  scenario.run.warmup_days = choice.days;
  scenario.run.warmup_auto = false;
  return choice;
}

}  // namespace pfsim::models
