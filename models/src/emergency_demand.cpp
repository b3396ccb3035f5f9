#include "emergency_demand.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "acute_sites.hpp"
#include "ambulance_service.hpp"
#include "conditions.hpp"
#include "emergency_department.hpp"
#include "router.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

EmergencyDemand::EmergencyDemand(Context& ctx, AcuteSites& sites, std::vector<EmergencyDepartment*> ed_by_site, Router* router,
                                 const SchemeEffects* schemes)
    : ctx_(ctx), sites_(sites), ed_by_site_(std::move(ed_by_site)), router_(router), schemes_(schemes) {
  const Scenario& s = ctx.scenario;
  const std::size_t L = s.localities();
  ae_count_.assign(L, 0);
  direct_count_.assign(L, 0);
  displaced_count_.assign(L, 0);
  for (std::size_t l = 0; l < L; ++l) {
    const std::string& name = s.population.localities[l].name;
    std::vector<double> ae_rate(s.bands()), direct_rate(s.bands(), 0.0);
    for (std::size_t b = 0; b < s.bands(); ++b) {
      ae_rate[b] = s.ae.attendances_per_1000_per_year[b] / 1000.0;
      if (!s.admission.direct_per_1000_per_year.empty()) direct_rate[b] = s.admission.direct_per_1000_per_year[b] / 1000.0;
    }
    // Winter arrival multipliers apply to emergency demand (A&E and direct admissions), not to care homes; direct
    // admissions follow their own seasons (seasons.direct_admissions) instead of the A&E month profile when given.
    ae_.emplace_back(ctx, l, ae_rate, s.ae.arrival_profile, "arrivals/ae/" + name, ctx.seasons.ae_arrivals());
    engine::RateProfile direct_profile = s.ae.arrival_profile;
    if (ctx.seasons.direct_replaces_month()) direct_profile.month.fill(1.0);
    direct_.emplace_back(ctx, l, direct_rate, direct_profile, "arrivals/direct/" + name, ctx.seasons.direct_arrivals());
    ae_origin_.push_back("patient/ae/" + name);
    direct_origin_.push_back("patient/direct/" + name);
    displaced_origin_.push_back("patient/gp-displaced/" + name);
    ae_family_.push_back(ctx.family(ae_origin_.back()));
    direct_family_.push_back(ctx.family(direct_origin_.back()));
    displaced_family_.push_back(ctx.family(displaced_origin_.back()));
    if (s.routing)  // a separate per-person stream per origin, so routing never moves an attribute draw
      for (const auto* origin : {&ae_origin_.back(), &direct_origin_.back(), &displaced_origin_.back()}) route_family_.push_back(ctx.family("route/" + *origin));
    if (s.routing) resident_route_family_.push_back(ctx.family("route/patient/care_home_resident/" + name));
    if (!s.admission.condition_shares.empty()) {  // likewise for the condition of each arrival
      for (const auto* origin : {&ae_origin_.back(), &direct_origin_.back(), &displaced_origin_.back()})
        condition_family_.push_back(ctx.family("condition/" + *origin));
      resident_condition_family_.push_back(ctx.family("condition/patient/care_home_resident/" + name));
    }
    if (s.ambulance) {  // likewise for who arrives by ambulance and their vehicle's job
      for (const auto* origin : {&ae_origin_.back(), &direct_origin_.back(), &displaced_origin_.back()})
        ambulance_family_.push_back(ctx.family("ambulance/" + *origin));
      resident_ambulance_family_.push_back(ctx.family("ambulance/patient/care_home_resident/" + name));
    }
    if (s.virtual_wards)  // likewise for virtual-ward draws (step-up, step-down)
      for (const auto* origin : {&ae_origin_.back(), &direct_origin_.back(), &displaced_origin_.back()})
        virtual_ward_family_.push_back(ctx.family(Context::virtual_ward_origin(*origin)));
  }
  ae_handler_ = ctx.sim.add_handler([this](std::uint32_t locality) {
    const double t = ctx_.sim.now();
    const std::size_t band = ae_[locality].pick_band(t);
    const std::uint64_t index = ae_count_[locality]++;
    // A scheme that cuts the attendance rate avoids this person (their arrival number is still used up).
    if (!schemes_ || !schemes_->has(SchemeTarget::AeAttendances) ||
        !schemes_->avoided(SchemeTarget::AeAttendances, t, locality, band, ae_origin_[locality], index))
      attend(ctx_.new_patient(ae_family_[locality], index, locality, band, virtual_ward_origin(locality, Origin::Ae)),
             route_origin(locality, Origin::Ae), index, condition_origin(locality, Origin::Ae), ambulance_origin(locality, Origin::Ae));
    const double next = ae_[locality].next(t);
    if (std::isfinite(next)) ctx_.sim.schedule_at(next, ae_handler_, locality);
  });
  direct_handler_ = ctx.sim.add_handler([this](std::uint32_t locality) {
    const double t = ctx_.sim.now();
    const std::size_t band = direct_[locality].pick_band(t);
    const std::uint64_t index = direct_count_[locality]++;
    const Condition condition = draw_condition(condition_origin(locality, Origin::Direct), index, band);
    if (schemes_ && schemes_->has(SchemeTarget::DirectAdmissions) &&
        schemes_->avoided(SchemeTarget::DirectAdmissions, t, locality, band, direct_origin_[locality], index, condition)) {
      const double next = direct_[locality].next(t);
      if (std::isfinite(next)) ctx_.sim.schedule_at(next, direct_handler_, locality);
      return;
    }
    const std::uint32_t id = ctx_.new_patient(direct_family_[locality], index, locality, band,
                                                virtual_ward_origin(locality, Origin::Direct));
    Patient& p = ctx_.patients[id];
    p.condition = condition;
    // Direct admissions go to the site the locality mostly uses for A&E (first site with the largest share).
    const auto& shares = ctx_.scenario.ae.site_choice[locality];
    std::size_t site = 0;
    for (std::size_t s = 1; s < shares.size(); ++s)
      if (shares[s] > shares[site]) site = s;
    if (router_) site = router_->direct_admission(p, site, *route_origin(locality, Origin::Direct), index);
    p.site = static_cast<std::uint8_t>(site);
    sites_[site].request(id);
    const double next = direct_[locality].next(t);
    if (std::isfinite(next)) ctx_.sim.schedule_at(next, direct_handler_, locality);
  });
}

void EmergencyDemand::start() {
  // Registered here rather than in the constructor so scenarios without routing keep their handler numbering.
  if (router_) transferred_handler_ = ctx_.sim.add_handler([this](std::uint32_t id) { ed_by_site_[ctx_.patients[id].site]->arrive(id); });
  for (std::size_t l = 0; l < ae_.size(); ++l) {
    const double first_ae = ae_[l].next(0.0);
    if (std::isfinite(first_ae)) ctx_.sim.schedule_at(first_ae, ae_handler_, static_cast<std::uint32_t>(l));
    const double first_direct = direct_[l].next(0.0);
    if (std::isfinite(first_direct)) ctx_.sim.schedule_at(first_direct, direct_handler_, static_cast<std::uint32_t>(l));
  }
}

void EmergencyDemand::displaced_attendance(std::size_t locality) {
  // The band comes from the person's own stream so displaced demand never shifts the A&E arrival stream.
  const std::uint64_t index = displaced_count_[locality]++;
  const std::uint32_t id = ctx_.new_patient(displaced_family_[locality], index, locality, 0,
                                              virtual_ward_origin(locality, Origin::Displaced));
  Patient& p = ctx_.patients[id];
  p.band = static_cast<std::uint8_t>(ae_[locality].pick_band(ctx_.sim.now(), p.rng));
  attend(id, route_origin(locality, Origin::Displaced), index, condition_origin(locality, Origin::Displaced),
         ambulance_origin(locality, Origin::Displaced));
}

const engine::StreamFamily* EmergencyDemand::route_origin(std::size_t locality, Origin origin) const {
  return route_family_.empty() ? nullptr : &route_family_[locality * 3 + static_cast<std::size_t>(origin)];
}

const engine::StreamFamily* EmergencyDemand::condition_origin(std::size_t locality, Origin origin) const {
  return condition_family_.empty() ? nullptr : &condition_family_[locality * 3 + static_cast<std::size_t>(origin)];
}

Condition EmergencyDemand::draw_condition(const engine::StreamFamily* condition_origin, std::uint64_t index, std::size_t band) const {
  if (!condition_origin) return Condition::Other;
  return pick_condition(ctx_.scenario, condition_origin->entity(index).uniform(), band);
}

const engine::StreamFamily* EmergencyDemand::ambulance_origin(std::size_t locality, Origin origin) const {
  return ambulance_family_.empty() ? nullptr : &ambulance_family_[locality * 3 + static_cast<std::size_t>(origin)];
}

const engine::StreamFamily* EmergencyDemand::virtual_ward_origin(std::size_t locality, Origin origin) const {
  return virtual_ward_family_.empty() ? nullptr : &virtual_ward_family_[locality * 3 + static_cast<std::size_t>(origin)];
}

void EmergencyDemand::resident_attends(std::uint32_t id, std::uint64_t index) {
  const std::size_t locality = ctx_.patients[id].locality;
  attend(id, resident_route_family_.empty() ? nullptr : &resident_route_family_[locality], index,
         resident_condition_family_.empty() ? nullptr : &resident_condition_family_[locality],
         resident_ambulance_family_.empty() ? nullptr : &resident_ambulance_family_[locality]);
}

void EmergencyDemand::attend(std::uint32_t id, const engine::StreamFamily* route_origin, std::uint64_t index,
                             const engine::StreamFamily* condition_origin, const engine::StreamFamily* ambulance_origin) {
  Patient& p = ctx_.patients[id];
  p.by_ambulance = false;  // a care-home resident's record is reused for each of their attendances
  const std::size_t locality = p.locality, band = p.band;
  p.condition = draw_condition(condition_origin, index, band);
  const Scenario& s = ctx_.scenario;
  // Draw order is fixed (site, outcome, SDEC, then times) so each person keeps their attributes across options.
  const auto& shares = s.ae.site_choice[locality];
  double u = p.rng.uniform();
  std::size_t site = shares.size();
  std::size_t last_chosen = 0;  // rounding in the shares must never pick a site with share 0
  for (std::size_t k = 0; k < shares.size(); ++k) {
    if (shares[k] <= 0) continue;
    last_chosen = k;
    u -= shares[k];
    if (u <= 0) {
      site = k;
      break;
    }
  }
  if (site == shares.size()) site = last_chosen;
  const double base_admit = p.from_care_home ? s.care_homes->residents_ae->admit : s.ae.admit_probability[band];
  double admit_probability = std::min(1.0, base_admit * ctx_.seasons.admit(ctx_.sim.now(), band));
  if (schemes_ && schemes_->has(SchemeTarget::AdmitProbability))
    admit_probability = std::clamp(schemes_->change(SchemeTarget::AdmitProbability, ctx_.sim.now(), locality, band, site, 0, p.condition)
                                       .apply(admit_probability),
                                   0.0, 1.0);
  p.admit = p.rng.uniform() < admit_probability;
  p.sdec = p.rng.uniform() < s.ae.sdec_share;
  if (!s.ae.minors_share.empty()) {
    // Drawn whatever the outcome, so the draws after it line up for everyone (common random numbers).
    const double u = p.rng.uniform();
    p.minors = !p.admit && u < s.ae.minors_share[band];
  }
  // Who arrives by ambulance follows from the outcome (admitted patients far more often), from the person's own
  // stream so no other draw moves. A conveyed patient not to be admitted may still be streamed to minors.
  std::optional<engine::Stream> ambulance_rng;
  double ambulance_u = 1.0;
  if (ambulance_origin) {
    ambulance_rng = ambulance_origin->entity(index);
    ambulance_u = ambulance_rng->uniform();
  }
  p.from_ae = true;
  p.ae_arrival = ctx_.sim.now();
  ctx_.patients.set_stage(p, Stage::InAe);
  // Routing (README "Reconfiguration options"): a patient whose stream their chosen site does not provide is
  // treated at the nearest providing site; the attendance counts there, its 4-hour clock runs from the first arrival.
  Router::Route route{site, 0.0};
  if (router_) route = router_->attendance(p, site, *route_origin, index);
  p.site = static_cast<std::uint8_t>(route.site);
  if (ambulance_rng) {
    const double share = ctx_.ambulance->conveyed_share(p);
    double share_now = share;
    // A conveyance scheme (see and treat, falls response, ...) changes who of those not to be admitted is conveyed;
    // with the same u, those it no longer conveys are treated at the scene and never attend.
    if (!p.admit && !p.from_care_home && schemes_ && schemes_->has(SchemeTarget::AmbulanceConveyance))
      share_now = std::clamp(schemes_->change(SchemeTarget::AmbulanceConveyance, ctx_.sim.now(), locality, band, route.site, 0).apply(share),
                             0.0, 1.0);
    if (ambulance_u < share_now) {  // taken by the crew straight to the site that provides the service
      p.ae_arrival = kNever;
      return ctx_.ambulance->call(id, *ambulance_rng);
    }
    if (ambulance_u < share) {
      ctx_.ambulance->treat_at_scene(locality, *ambulance_rng);
      return ctx_.remove_patient(id, Leaving::Home);
    }
  }
  ctx_.recorder.ae_arrival(p.ae_arrival, route.site, locality);
  if (route.transfer > 0) ctx_.sim.schedule_in(route.transfer, transferred_handler_, id);
  else ed_by_site_[route.site]->arrive(id);
}

}  // namespace pfsim::models
