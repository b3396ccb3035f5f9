// Winter pressures (DESIGN §3): the discharge dip, outbreaks closing beds, escalation beds and OPEL levels.
// Bed capacity of a site = max(0, general − closed by outbreaks) + escalation beds open; the engine's Resource
// never pre-empts, so closing beds only stops new admissions until occupancy falls.
#include <cmath>
#include <limits>

#include "pfsim/models/opel.hpp"
#include "scheme_effects.hpp"
#include "services.hpp"

namespace pfsim::models {

namespace {
constexpr double kWorkingMorningHour = 9.0;  // held patients leave at 09:00 on the next working day
constexpr double kDaysAfterHorizon = 60.0;   // the dip table runs past the end so a hold near it finds a working day

int days_in_month(const std::chrono::year_month_day& date) {
  return static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day_last{date.year(), std::chrono::month_day_last{date.month()}}.day()));
}
}  // namespace

Winter::Winter(Context& ctx, const WinterSettings& settings)
    : ctx_(ctx), settings_(settings),
      outbreak_start_(ctx.sim.add_handler([this](std::uint32_t index) { outbreak_start(index); })),
      outbreak_end_(ctx.sim.add_handler([this](std::uint32_t index) { outbreak_end(index); })),
      escalation_check_(ctx.sim.add_handler([this](std::uint32_t site) { check_escalation(site); })) {
  const Scenario& s = ctx.scenario;
  const std::size_t sites = s.sites.size();
  for (const Site& site : s.sites) general_.push_back(site.general_beds);
  closed_.assign(sites, 0);
  escalation_open_.assign(sites, 0);
  hours_above_.assign(sites, 0);
  escalation_since_.assign(sites, 0.0);
  for (const WinterOutbreaks& o : settings.outbreaks) outbreak_streams_.push_back(ctx.stream("winter/outbreaks/" + s.sites[o.site].name));

  if (settings.discharge) {
    // Factor of each simulated day: bank holiday first, then weekend, otherwise 1 (a working day).
    const auto total_days = static_cast<std::size_t>(s.run.warmup_days + s.run.days + kDaysAfterHorizon);
    discharge_factor_.assign(total_days, 1.0F);
    weekend_only_.assign(total_days, false);
    for (std::size_t d = 0; d < total_days; ++d) {
      const double t = static_cast<double>(d) * engine::kMinutesPerDay;
      if (ctx.calendar.weekday(t) >= 5) {
        discharge_factor_[d] = static_cast<float>(settings.discharge->weekend_factor);
        weekend_only_[d] = true;
      }
    }
    for (const auto& holiday : settings.discharge->bank_holidays) {
      const double day = ctx.calendar.time_of(holiday) / engine::kMinutesPerDay;
      if (day >= 0 && day < static_cast<double>(total_days)) {
        discharge_factor_[static_cast<std::size_t>(day)] = static_cast<float>(settings.discharge->bank_holiday_factor);
        weekend_only_[static_cast<std::size_t>(day)] = false;
      }
    }
    for (float f : discharge_factor_) has_dip_ = has_dip_ || f < 1.0F;
  }
}

void Winter::start() {
  if (!settings_.escalation) return;
  for (std::size_t site = 0; site < ctx_.scenario.sites.size(); ++site)
    if (ctx_.scenario.sites[site].escalation_beds > 0)
      ctx_.sim.schedule_at(engine::kMinutesPerHour, escalation_check_, static_cast<std::uint32_t>(site));
}

double Winter::los_multiplier(double t) const {
  return settings_.los_multiplier ? (*settings_.los_multiplier)[static_cast<std::size_t>(ctx_.calendar.month(t))] : 1.0;
}

double Winter::held_until(double now, double u, std::size_t site) const {
  const auto day = static_cast<std::size_t>(engine::Calendar::day_index(now));
  if (day >= discharge_factor_.size()) return kNever;
  double factor = static_cast<double>(discharge_factor_[day]);
  // Seven-day-service schemes raise the weekend factor (bank holidays keep theirs).
  const SchemeEffects* schemes = ctx_.services.schemes;
  if (schemes && weekend_only_[day] && schemes->has(SchemeTarget::WeekendDischarge))
    factor = std::clamp(schemes->change(SchemeTarget::WeekendDischarge, now, 0, 0, site).apply(factor), 0.0, 1.0);
  if (u < factor) return kNever;
  std::size_t next = day + 1;
  while (next < discharge_factor_.size() && discharge_factor_[next] < 1.0F) ++next;
  return (static_cast<double>(next) + kWorkingMorningHour / 24.0) * engine::kMinutesPerDay;
}

void Winter::new_day(double midnight) {
  // Outbreak starts: Poisson with the month's rate spread evenly over its days (exact for a rate constant within a
  // day), each at a uniform time in the day. Months with rate 0 draw nothing.
  const std::chrono::year_month_day date = ctx_.calendar.date(midnight);
  const auto month = static_cast<std::size_t>(ctx_.calendar.month(midnight));
  for (std::size_t k = 0; k < settings_.outbreaks.size(); ++k) {
    const WinterOutbreaks& o = settings_.outbreaks[k];
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

void Winter::outbreak_start(std::uint32_t index) {
  const Outbreak& o = outbreaks_[index];
  closed_[o.site] += o.beds;
  apply_capacity(o.site);
  ctx_.sim.schedule_in(o.duration, outbreak_end_, index);
}

void Winter::outbreak_end(std::uint32_t index) {
  const Outbreak& o = outbreaks_[index];
  closed_[o.site] -= o.beds;
  apply_capacity(o.site);
}

void Winter::set_general_beds(std::size_t site, int beds) {
  general_[site] = beds;
  apply_capacity(site);
}

void Winter::apply_capacity(std::size_t site) {
  const int open_general = std::max(0, general_[site] - closed_[site]);
  ctx_.services.beds_by_site[site]->beds().set_capacity(open_general + escalation_open_[site]);
}

double Winter::core_occupancy_pct(std::size_t site) const {
  // Occupancy of the open general beds: patients in escalation beds push it above 100 %.
  const int core = std::max(0, general_[site] - closed_[site]);
  const auto occupied = static_cast<double>(ctx_.services.beds_by_site[site]->beds().in_use());
  if (core == 0) return occupied > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  return 100.0 * occupied / core;
}

void Winter::check_escalation(std::size_t site) {
  const EscalationSettings& e = *settings_.escalation;
  const double occupancy = core_occupancy_pct(site);
  if (escalation_open_[site] == 0) {
    hours_above_[site] = occupancy > e.open_above_pct ? hours_above_[site] + 1 : 0;
    if (hours_above_[site] >= e.for_hours) set_escalation(site, ctx_.scenario.sites[site].escalation_beds);
  } else if (occupancy < e.close_below_pct) {
    set_escalation(site, 0);
  }
  ctx_.sim.schedule_in(engine::kMinutesPerHour, escalation_check_, static_cast<std::uint32_t>(site));
}

void Winter::set_escalation(std::size_t site, int beds) {
  const double now = ctx_.sim.now();
  ctx_.recorder.escalation_open(escalation_since_[site], now, site, escalation_open_[site]);
  escalation_since_[site] = now;
  escalation_open_[site] = beds;
  hours_above_[site] = 0;
  apply_capacity(site);
}

void Winter::finish(double end) {
  for (std::size_t site = 0; site < escalation_open_.size(); ++site)
    ctx_.recorder.escalation_open(escalation_since_[site], end, site, escalation_open_[site]);
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

int Winter::opel_level(std::size_t site) const {
  if (!settings_.opel) return 0;
  return models::opel_level(*settings_.opel, core_occupancy_pct(site),
                            static_cast<double>(ctx_.services.beds_by_site[site]->beds().queue_length()));
}

}  // namespace pfsim::models
