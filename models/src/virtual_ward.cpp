#include "virtual_ward.hpp"

#include <algorithm>
#include <stdexcept>

#include "acute_sites.hpp"
#include "after_discharge.hpp"

namespace pfsim::models {

VirtualWards::VirtualWards(Context& ctx, const VirtualWardSettings& settings, AcuteSites& sites, AfterDischarge& after_discharge)
    : ctx_(ctx), settings_(settings), sites_(sites), after_discharge_(after_discharge),
      // Slots are taken with try_acquire and never queued for, so nothing is ever granted later.
      granted_(ctx.sim.add_handler([](std::uint32_t) { throw std::logic_error("virtual ward: a slot was granted from a queue"); })),
      step_down_(ctx.sim.add_handler([this](std::uint32_t id) { step_down(id); })),
      finished_(ctx.sim.add_handler([this](std::uint32_t id) { finish(id); })) {
  for (std::size_t site = 0; site < ctx.scenario.sites.size(); ++site)
    wards_.push_back(std::make_unique<engine::Resource>(ctx.sim, "virtual_ward/" + ctx.scenario.sites[site].name,
                                                        settings.capacity[site], granted_));
}

void VirtualWards::begin_measuring() {
  for (auto& ward : wards_) ward->reset_statistics();
}

bool VirtualWards::step_up(std::uint32_t id, std::size_t site) {
  if (!settings_.step_up) return false;
  Patient& p = ctx_.patients[id];
  // Drawn whatever the capacity, so the same person makes the same draws in every option (common random numbers).
  const bool eligible = p.vw_rng.uniform() < settings_.step_up->share[p.band];
  if (!eligible) return false;
  const double stay = settings_.step_up->los.sample(p.vw_rng);
  if (!wards_[site]->try_acquire()) return false;  // no free slot: admitted to a bed as before
  const double now = ctx_.sim.now();
  // Leaves A&E now, at the decision to admit: no trolley wait, no admission.
  ctx_.recorder.ae_departure(p.ae_arrival, now, site, p.locality);
  p.from_ae = false;
  p.stepped_up = true;
  p.site = static_cast<std::uint8_t>(site);
  p.discharged_at = now;  // on the virtual ward since
  ctx_.patients.set_stage(p, Stage::InVirtualWard);
  ctx_.recorder.virtual_ward_step_up(now, site, p.locality, stay);
  ctx_.sim.schedule_in(stay, finished_, id);
  return true;
}

bool VirtualWards::plan_step_down(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.episode.virtual_ward_stay = 0;
  if (!settings_.step_down) return false;
  // Drawn at every admission whatever the capacity (common random numbers); the shortening only when eligible.
  const bool eligible = p.vw_rng.uniform() < settings_.step_down->eligible[p.band];
  if (!eligible || p.episode.pathway != Pathway::P0 || p.episode.dies_in_hospital || p.from_care_home) return false;
  // Capped so the acute stay stays >= 0.
  const double shortening = std::min(p.episode.los, std::max(0.0, settings_.step_down->shortening.sample(p.vw_rng)));
  if (!(shortening > 0)) return false;
  p.episode.virtual_ward_stay = shortening;
  ctx_.sim.schedule_at(p.admitted_at + (p.episode.los - shortening), step_down_, id);
  return true;
}

void VirtualWards::step_down(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (!wards_[p.site]->try_acquire()) {  // no free slot: stays in the bed until medically fit, as before
    p.episode.virtual_ward_stay = 0;
    sites_[p.site].continue_stay(id);
    return;
  }
  const double now = ctx_.sim.now();
  sites_.leave(id);  // the discharge from the acute bed, recorded once; AtHome for this instant
  ctx_.patients.set_stage(p, Stage::InVirtualWard);
  ctx_.recorder.virtual_ward_step_down(now, p.site, p.locality, p.episode.virtual_ward_stay);
  ctx_.sim.schedule_in(p.episode.virtual_ward_stay, finished_, id);
}

void VirtualWards::finish(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  wards_[p.site]->release();
  const double now = ctx_.sim.now();
  ctx_.recorder.virtual_ward_stay(p.discharged_at, now, p.locality);
  if (p.stepped_up) {  // step-up: home, nothing more modelled
    ctx_.remove_patient(id, Leaving::Home);
    return;
  }
  // Step-down: home on the P0 path; the 30-day readmission window starts when they leave the virtual ward.
  p.discharged_at = now;
  ctx_.patients.set_stage(p, Stage::AtHome);
  after_discharge_.home(id);
}

}  // namespace pfsim::models
