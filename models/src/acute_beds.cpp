#include <stdexcept>

#include "scheme_effects.hpp"
#include "services.hpp"

namespace pfsim::models {

AcuteBeds::AcuteBeds(Context& ctx, std::size_t site, int beds)
    : ctx_(ctx), site_(site),
      granted_(ctx.sim.add_handler([this](std::uint32_t id) { admit(id); })),
      medically_fit_(ctx.sim.add_handler([this](std::uint32_t id) { ctx_.services.discharge->medically_fit(id); })),
      beds_(ctx.sim, "beds/" + ctx.scenario.sites[site].name, beds, granted_) {}

void AcuteBeds::request(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  ctx_.patients.set_stage(p, Stage::AwaitingBed);
  p.site = static_cast<std::uint8_t>(site_);
  p.bed_requested_at = ctx_.sim.now();
  if (beds_.request(id)) admit(id);
}

void AcuteBeds::draw_episode(Patient& p, std::optional<Pathway> pathway) {
  const Scenario& s = ctx_.scenario;
  Episode& e = p.episode;
  e.los = s.admission.los[p.band].sample(p.rng);
  const Winter* winter = ctx_.services.winter;
  if (winter && winter->has_los_multiplier()) e.los *= winter->los_multiplier(ctx_.sim.now());
  const SchemeEffects* schemes = ctx_.services.schemes;
  const double now = ctx_.sim.now();
  if (schemes && schemes->has(SchemeTarget::Los))
    e.los = std::max(0.0, schemes->change(SchemeTarget::Los, now, p.locality, p.band, site_).apply(e.los));
  const double pathway_u = p.rng.uniform();
  e.pathway = Pathway::P0;
  if (s.discharge && s.population.band_is_adult[p.band]) {
    std::array<double, kPathways> shares = s.discharge->pathway_share;
    if (schemes && schemes->has(SchemeTarget::PathwayShare)) schemes->adjust_pathway_shares(shares, now, p.locality, p.band, site_);
    double cumulative = 0;
    for (int k = 0; k < kPathways; ++k) {
      cumulative += shares[static_cast<std::size_t>(k)];
      if (pathway_u < cumulative) {
        e.pathway = static_cast<Pathway>(k);
        break;
      }
    }
  }
  if (pathway) e.pathway = *pathway;  // a census row that names the pathway
  const auto idx = static_cast<std::size_t>(e.pathway);
  e.assessment_delay = (s.discharge && s.discharge->assessment_delay[idx]) ? s.discharge->assessment_delay[idx]->sample(p.rng) : 0.0;
  if (schemes && idx > 0 && schemes->has(SchemeTarget::AssessmentDelay))
    e.assessment_delay = std::max(
        0.0, schemes->change(SchemeTarget::AssessmentDelay, now, p.locality, p.band, site_, static_cast<int>(idx)).apply(e.assessment_delay));
  const DownstreamService* service = e.pathway == Pathway::P1 ? (s.reablement ? &*s.reablement : nullptr)
                                     : e.pathway == Pathway::P2 ? (s.intermediate_care ? &*s.intermediate_care : nullptr)
                                                                : nullptr;
  e.downstream_duration = service ? service->duration.sample(p.rng) : 0.0;
  e.outcome_u = p.rng.uniform();
  e.outcome_time_u = p.rng.uniform();
  e.readmit_u = p.rng.uniform();
  e.readmit_time_u = p.rng.uniform();
  // Drawn last and only when a dip exists, so every earlier draw matches a run without it.
  e.discharge_u = winter && winter->has_discharge_dip() ? p.rng.uniform() : 0.0;
}

void AcuteBeds::admit(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  if (p.from_ae) ctx_.recorder.ae_departure(p.ae_arrival, now, site_, p.locality);
  p.from_ae = false;  // a later readmission of the same person is not an A&E attendance
  ctx_.recorder.bed_wait(p.bed_requested_at, now, site_, p.locality);
  ctx_.recorder.admission(now, site_, p.locality);
  p.admitted_at = now;
  p.medically_fit_at = kNever;
  ctx_.patients.set_stage(p, Stage::InBed);
  draw_episode(p);
  ctx_.sim.schedule_in(p.episode.los, medically_fit_, id);
}

void AcuteBeds::leave(std::uint32_t /*id*/) { beds_.release(); }

void AcuteBeds::resume_stay(std::uint32_t id, double admitted_at, std::optional<Pathway> pathway, std::optional<double> fit_at) {
  // The loader checks the census against the bed count; a full ward here is a bug, not bad input.
  if (!beds_.try_acquire())
    throw std::logic_error("census: more patients than beds at " + ctx_.scenario.sites[site_].name);
  Patient& p = ctx_.patients[id];
  p.site = static_cast<std::uint8_t>(site_);
  p.bed_requested_at = p.admitted_at = admitted_at;
  ctx_.patients.set_stage(p, Stage::InBed);
  draw_episode(p, pathway);
  const double now = ctx_.sim.now();
  if (fit_at) {
    p.episode.los = *fit_at - admitted_at;
    p.medically_fit_at = *fit_at;
    ctx_.patients.set_stage(p, Stage::Delayed);
    return;
  }
  // Residual life: the stay already lasted now − admitted_at, so only draws longer than that are possible.
  const double elapsed = now - admitted_at;
  const double remaining = ctx_.scenario.admission.los[p.band].sample_residual(p.rng, elapsed);
  p.episode.los = elapsed + remaining;
  ctx_.sim.schedule_in(remaining, medically_fit_, id);
}

}  // namespace pfsim::models
