#include "context.hpp"

#include <cmath>

#include "care_pathway.hpp"
#include "home_at_91_days.hpp"

namespace pfsim::models {

namespace {
engine::Calendar calendar_for(const RunSettings& run) {
  // Simulated time 0 is the first warm-up day, so the calendar starts warmup_days before start_date.
  return engine::Calendar(std::chrono::year_month_day{std::chrono::sys_days{run.start_date} - std::chrono::days{run.warmup_days}});
}
}  // namespace

Context::Context(const Scenario& s, std::uint64_t rep)
    : scenario(s), replication(rep), calendar(calendar_for(s.run)), seasons(s, calendar), population(s.population, years(s.run.warmup_days * engine::kMinutesPerDay)),
      recorder(s.run.warmup_days * engine::kMinutesPerDay, s.run.days, s.sites.size(), s.ae.site_choice,
               measured_months(s.run.start_date, s.run.days)),
      measure_from(s.run.warmup_days * engine::kMinutesPerDay),
      measure_to((s.run.warmup_days + s.run.days) * engine::kMinutesPerDay),
      follow_to(measure_to + kFollowUpDays * engine::kMinutesPerDay) {
  sim.set_invariant_checks(s.run.check_invariants);
  if (sim.invariant_checks()) patients.check_transitions_with(&check_stage_transition);
}

std::uint32_t Context::new_patient(const std::string& origin, std::uint64_t index, std::size_t locality, std::size_t band) {
  if (!scenario.virtual_wards) return new_patient(family(origin), index, locality, band);
  const engine::StreamFamily virtual_ward = family(virtual_ward_origin(origin));
  return new_patient(family(origin), index, locality, band, &virtual_ward);
}

std::uint32_t Context::new_patient(const engine::StreamFamily& origin, std::uint64_t index, std::size_t locality, std::size_t band,
                                   const engine::StreamFamily* virtual_ward) {
  const std::uint32_t id = patients.acquire();
  Patient& p = patients[id];
  p = Patient(origin.entity(index));
  if (virtual_ward) p.vw_rng = virtual_ward->entity(index);
  p.locality = static_cast<std::uint16_t>(locality);
  p.band = static_cast<std::uint8_t>(band);
  return id;
}

void Context::remove_patient(std::uint32_t id, Leaving how) {
  if (home_at_91d && !std::isnan(patients[id].ascof_day91)) home_at_91d->left(id, how);
  patients.release(id);
}

}  // namespace pfsim::models
