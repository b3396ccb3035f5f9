#include "winter_beds.hpp"

#include <cmath>
#include <limits>

#include "acute_sites.hpp"
#include "pfsim/models/opel.hpp"

namespace pfsim::models {

namespace {
int days_in_month(const std::chrono::year_month_day& date) {
  return static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day_last{date.year(), std::chrono::month_day_last{date.month()}}.day()));
}
}  // namespace

WinterBeds::WinterBeds(Context& ctx, const WinterSettings* winter, AcuteSites& sites)
    : ctx_(ctx), winter_(winter), sites_(sites),
      outbreak_start_(ctx.sim.add_handler([this](std::uint32_t index) { outbreak_start(index); })),
      outbreak_end_(ctx.sim.add_handler([this](std::uint32_t index) { outbreak_end(index); })),
      escalation_check_(ctx.sim.add_handler([this](std::uint32_t site) { check_escalation(site); })) {
  const Scenario& s = ctx.scenario;
  hours_above_.assign(s.sites.size(), 0);
  escalation_since_.assign(s.sites.size(), 0.0);
  if (s.seasons)
    for (const WinterOutbreaks& o : s.seasons->outbreaks) {
      outbreak_settings_.push_back(&o);
      outbreak_streams_.push_back(ctx.stream("seasons/outbreaks/" + s.sites[o.site].name));
    }
  if (winter)
    for (const WinterOutbreaks& o : winter->outbreaks) {
      outbreak_settings_.push_back(&o);
      outbreak_streams_.push_back(ctx.stream("winter/outbreaks/" + s.sites[o.site].name));
    }
}

void WinterBeds::start() {
  if (!winter_ || !winter_->escalation) return;
  for (std::size_t site = 0; site < ctx_.scenario.sites.size(); ++site)
    if (ctx_.scenario.sites[site].escalation_beds > 0)
      ctx_.sim.schedule_at(engine::kMinutesPerHour, escalation_check_, static_cast<std::uint32_t>(site));
}

void WinterBeds::new_day(double midnight) {
  // Outbreak starts: Poisson with the month's rate spread evenly over its days (exact for a rate constant within a
  // day), each at a uniform time in the day. Months with rate 0 draw nothing.
  const std::chrono::year_month_day date = ctx_.calendar.date(midnight);
  const auto month = static_cast<std::size_t>(ctx_.calendar.month(midnight));
  for (std::size_t k = 0; k < outbreak_settings_.size(); ++k) {
    const WinterOutbreaks& o = *outbreak_settings_[k];
    const double per_day = o.per_month[month] / days_in_month(date);
    if (per_day <= 0) continue;
    engine::Stream& rng = outbreak_streams_[k];
    const std::int64_t starts = rng.poisson(per_day);
    for (std::int64_t i = 0; i < starts; ++i) {
      const double at = midnight + rng.uniform() * engine::kMinutesPerDay;
      const double duration = o.duration.sample(rng);
      const int beds = static_cast<int>(std::max(0.0, std::round(o.beds_closed.sample(rng))));
      outbreaks_.push_back(Outbreak{o.site, beds, duration});
      ctx_.sim.schedule_at(at, outbreak_start_, static_cast<std::uint32_t>(outbreaks_.size() - 1));
    }
  }
}

void WinterBeds::outbreak_start(std::uint32_t index) {
  const Outbreak& o = outbreaks_[index];
  sites_[o.site].capacity().close(o.beds);
  ctx_.sim.schedule_in(o.duration, outbreak_end_, index);
}

void WinterBeds::outbreak_end(std::uint32_t index) {
  const Outbreak& o = outbreaks_[index];
  sites_[o.site].capacity().reopen(o.beds);
}

int WinterBeds::beds_closed(std::size_t site) const { return sites_[site].capacity().closed(); }
int WinterBeds::escalation_open(std::size_t site) const { return sites_[site].capacity().escalation_open(); }

double WinterBeds::core_occupancy_pct(std::size_t site) const {
  // Occupancy of the open general beds: patients in escalation beds push it above 100 %.
  const BedCapacity& beds = sites_[site].capacity();
  const int core = beds.open_general();
  const auto occupied = static_cast<double>(beds.occupied());
  if (core == 0) return occupied > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  return 100.0 * occupied / core;
}

void WinterBeds::check_escalation(std::size_t site) {
  const EscalationSettings& e = *winter_->escalation;
  const double occupancy = core_occupancy_pct(site);
  if (escalation_open(site) == 0) {
    hours_above_[site] = occupancy > e.open_above_pct ? hours_above_[site] + 1 : 0;
    if (hours_above_[site] >= e.for_hours) set_escalation(site, ctx_.scenario.sites[site].escalation_beds);
  } else if (occupancy < e.close_below_pct) {
    set_escalation(site, 0);
  }
  ctx_.sim.schedule_in(engine::kMinutesPerHour, escalation_check_, static_cast<std::uint32_t>(site));
}

void WinterBeds::set_escalation(std::size_t site, int beds) {
  const double now = ctx_.sim.now();
  ctx_.recorder.escalation_open(escalation_since_[site], now, site, escalation_open(site));
  escalation_since_[site] = now;
  hours_above_[site] = 0;
  sites_[site].capacity().set_escalation(beds);
}

void WinterBeds::finish(double end) {
  for (std::size_t site = 0; site < escalation_since_.size(); ++site)
    ctx_.recorder.escalation_open(escalation_since_[site], end, site, escalation_open(site));
}

int opel_level(const OpelSettings& opel, double occupancy_pct, double waiting_for_bed) {
  int level = 1;
  for (double threshold : opel.occupancy_pct) level += occupancy_pct >= threshold;
  if (opel.trolley_waits) {
    int crowding = 1;
    for (double threshold : *opel.trolley_waits) crowding += waiting_for_bed >= threshold;
    level = std::max(level, crowding);
  }
  return level;
}

int WinterBeds::opel_level(std::size_t site) const {
  if (!winter_ || !winter_->opel) return 0;
  return models::opel_level(*winter_->opel, core_occupancy_pct(site), static_cast<double>(sites_[site].capacity().waiting()));
}

}  // namespace pfsim::models
