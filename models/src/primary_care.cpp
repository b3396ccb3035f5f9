#include "primary_care.hpp"

#include <algorithm>
#include <cmath>

#include "emergency_demand.hpp"

namespace pfsim::models {

namespace {
constexpr double kDaysPerWeek = engine::kMinutesPerWeek / engine::kMinutesPerDay;
}  // namespace

PrimaryCare::PrimaryCare(Context& ctx, const PrimaryCareSettings& settings, EmergencyDemand& demand)
    : ctx_(ctx), settings_(settings), demand_(demand),
      displaced_(ctx.sim.add_handler([this](std::uint32_t locality) { demand_.displaced_attendance(locality); })) {
  for (const auto& locality : ctx.scenario.population.localities) streams_.push_back(ctx.stream("primary_care/" + locality.name));
  double running = 0;
  for (double w : ctx.scenario.ae.arrival_profile.hour) hour_cumulative_.push_back(running += w);
  for (double& c : hour_cumulative_) c /= running;
}

void PrimaryCare::new_day(double midnight) {
  const Scenario& s = ctx_.scenario;
  const double years = Context::years(midnight);
  for (std::size_t l = 0; l < s.localities(); ++l) {
    engine::Stream& rng = streams_[l];
    double expected = 0;
    for (std::size_t b = 0; b < s.bands(); ++b)
      expected += ctx_.population.people(l, b, years) * settings_.appointments_per_person_per_year[b] / engine::kDaysPerYear;
    const double demand = expected * std::max(0.0, 1.0 + settings_.daily_cv * rng.normal());
    const double unmet = std::max(0.0, demand - settings_.slots_per_week[l] / kDaysPerWeek);
    ctx_.recorder.gp_unmet(midnight, l, unmet);
    // Displaced attendances arrive during the day with A&E's hourly shape: a Poisson count, then times.
    const std::int64_t extra = rng.poisson(unmet * settings_.unmet_to_ae);
    for (std::int64_t k = 0; k < extra; ++k) {
      const auto hour = static_cast<std::size_t>(std::lower_bound(hour_cumulative_.begin(), hour_cumulative_.end(), rng.uniform()) - hour_cumulative_.begin());
      const double at = midnight + (static_cast<double>(std::min<std::size_t>(hour, 23)) + rng.uniform()) * engine::kMinutesPerHour;
      ctx_.sim.schedule_at(at, displaced_, static_cast<std::uint32_t>(l));
    }
  }
}

}  // namespace pfsim::models
