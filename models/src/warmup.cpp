#include "pfsim/models/warmup.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/engine/time.hpp"
#include "pfsim/models/population.hpp"
#include "pfsim/models/system.hpp"

namespace pfsim::models {

WarmupChoice find_warmup(const Scenario& scenario, int pilot_warmup_days, int pilot_replications) {
  Scenario pilot = scenario;
  pilot.run.warmup_days = pilot_warmup_days;  // the real calendar: the same start_date, days and season as the run
  pilot.run.warmup_auto = false;
  WarmupChoice choice;
  choice.pilot_warmup_days = pilot_warmup_days;
  choice.pilot_replications = pilot_replications;
  std::vector<std::vector<double>> beds(scenario.sites.size());
  std::vector<double> residents;
  const auto add = [&](std::vector<double>& mean, const std::vector<double>& series) {
    mean.resize(std::max(mean.size(), series.size()), 0.0);
    for (std::size_t day = 0; day < series.size(); ++day) mean[day] += series[day] / pilot_replications;
  };
  for (int r = 0; r < pilot_replications; ++r) {
    const System::MidnightStocks stocks = System(pilot, static_cast<std::uint64_t>(r)).midnight_stocks();
    for (std::size_t site = 0; site < beds.size(); ++site) add(beds[site], stocks.beds[site]);
    add(residents, stocks.care_home_residents);
  }
  // Care-home residents grow with the 65+ population (admissions are mostly 65+, stays last years), a trend MSER-5
  // would read as a transient that never ends: they are judged per 65+ person of start_date (residents divided by
  // the 65+ population's growth factor since start_date). Acute beds are judged as they are: they fill to capacity.
  if (!residents.empty()) {
    const double to_years = engine::kMinutesPerDay / engine::kMinutesPerYear;
    const PopulationProjection population(scenario.population, pilot_warmup_days * to_years);
    const auto people_65 = [&](double years) { return population.mean_over(years, years, scenario.population.band_is_65plus).sum(); };
    const double at_start = people_65(pilot_warmup_days * to_years);
    // residents[k] is midnight k + 1 (System::midnight_stocks).
    if (at_start > 0)
      for (std::size_t k = 0; k < residents.size(); ++k) residents[k] *= at_start / people_65(static_cast<double>(k + 1) * to_years);
  }
  const auto truncation = [&](const std::vector<double>& series) {
    return series.empty() ? 0 : static_cast<int>(engine::mser5_truncation(series));
  };
  choice.pilot_days = pilot_warmup_days + scenario.run.days;
  for (const auto& series : beds) {
    choice.by_site.push_back(truncation(series));
    choice.days = std::max(choice.days, choice.by_site.back());
  }
  choice.care_homes = truncation(residents);
  choice.days = std::max(choice.days, choice.care_homes);
  return choice;
}

std::optional<WarmupChoice> choose_warmup(Scenario& scenario) {
  if (!scenario.run.warmup_auto) return std::nullopt;
  const int replications = std::min(scenario.run.replications, 5);
  WarmupChoice choice;
  if (scenario.census) {
    // A census is the state of start_date: its pilot starts there (no pilot warm-up) and runs at least a year.
    Scenario pilot = scenario;
    pilot.run.days = std::max(scenario.run.days, 365);
    choice = find_warmup(pilot, 0, replications);
  } else {
    choice = find_warmup(scenario, std::max(scenario.run.days, kAutoPilotWarmupDays), replications);
  }
  scenario.run.warmup_days = choice.days;
  scenario.run.warmup_auto = false;
  return choice;
}

void use_warmup_of(const Scenario& base, Scenario& option) {
  option.run.warmup_days = base.run.warmup_days;
  option.run.warmup_auto = base.run.warmup_auto;
}

std::string warmup_warning(const Scenario& scenario) {
  if (!scenario.planned_care || scenario.run.warmup_days >= kPlannedCareWarmupDays) return {};
  return fmt::format("planned care: a warm-up of {} days is shorter than the {} the waiting lists need to fill from "
                     "empty{}, so the RTT waiting list and 52-week waiters are biased low and the 18-week % high; set "
                     "run.warmup_days: {} or more, or leave planned care out (planned_care: null)",
                     scenario.run.warmup_days, kPlannedCareWarmupDays, scenario.census ? " (a census holds no waiting list)" : "",
                     kPlannedCareWarmupDays);
}

}  // namespace pfsim::models
