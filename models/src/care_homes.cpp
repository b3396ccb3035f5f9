#include "care_homes.hpp"

#include <cmath>
#include <stdexcept>

#include "acute_sites.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

namespace {
// Community demand is per person aged 65+; other bands have rate 0.
std::vector<double> community_rates(const Scenario& s, double per_1000_65plus) {
  std::vector<double> rates(s.bands(), 0.0);
  for (std::size_t b = 0; b < s.bands(); ++b)
    if (s.population.band_is_65plus[b]) rates[b] = per_1000_65plus / 1000.0;
  return rates;
}
}  // namespace

CareHomes::CareHomes(Context& ctx, const CareHomeSettings& settings, AcuteSites& sites, const SchemeEffects* schemes)
    : ctx_(ctx), settings_(settings), sites_(sites), schemes_(schemes),
      granted_(ctx.sim.add_handler([this](std::uint32_t id) { admit(id); })),
      died_(ctx.sim.add_handler([this](std::uint32_t id) {
        beds_.release();
        ctx_.remove_patient(id);
      })),
      community_(ctx.sim.add_handler([this](std::uint32_t locality) { community_arrival(locality); })),
      beds_(ctx.sim, "care_homes", settings.beds, granted_) {
  const Scenario& s = ctx.scenario;
  for (std::size_t l = 0; l < s.localities(); ++l) {
    const std::string& name = s.population.localities[l].name;
    community_demand_.emplace_back(ctx, l, community_rates(s, settings.community_admissions_per_1000_65plus),
                                   engine::RateProfile::flat(), "arrivals/care_home/" + name);
    community_origin_.push_back("patient/care_home/" + name);
    community_family_.push_back(ctx.family(community_origin_.back()));
  }
  community_count_.assign(s.localities(), 0);
}

double CareHomes::forward_recurrence(engine::Stream& rng) const {
  // Someone who has been in their home for an unknown while: the remaining stay is the forward recurrence time of
  // the stay distribution (length-biased stay × uniform), the length bias drawn by rejection.
  const double cap = settings_.stay.mean() + 8.0 * settings_.stay.sd();
  double stay = 0;
  do stay = std::min(settings_.stay.sample(rng), cap);
  while (rng.uniform() * cap > stay);
  return stay * rng.uniform();
}

void CareHomes::start() {
  // A census replaces the initial residents: it lists who is in the homes (Wiring places it).
  const int initial = ctx_.scenario.census ? 0 : settings_.initial_residents;
  for (int i = 0; i < initial; ++i) {
    const std::uint32_t id = ctx_.new_patient("patient/care_home/initial", static_cast<std::uint64_t>(i), 0,
                                              ctx_.scenario.bands() - 1);
    Patient& p = ctx_.patients[id];
    const double remaining = forward_recurrence(p.rng);
    beds_.try_acquire();
    ctx_.patients.set_stage(p, Stage::InCareHome);
    ctx_.sim.schedule_at(remaining, died_, id);
  }
  for (std::size_t l = 0; l < community_demand_.size(); ++l) {
    const double first = community_demand_[l].next(0.0);
    if (std::isfinite(first)) ctx_.sim.schedule_at(first, community_, static_cast<std::uint32_t>(l));
  }
}

void CareHomes::community_arrival(std::size_t locality) {
  const double now = ctx_.sim.now();
  const std::size_t band = community_demand_[locality].pick_band(now);
  const std::uint64_t index = community_count_[locality]++;
  if (!schemes_ || !schemes_->has(SchemeTarget::CareHomeCommunity) ||
      !schemes_->avoided(SchemeTarget::CareHomeCommunity, now, locality, band, community_origin_[locality], index)) {
    const std::uint32_t id = ctx_.new_patient(community_family_[locality], index, locality, band);
    ctx_.patients.set_stage(ctx_.patients[id], Stage::AwaitingCareHome);
    request(id);
  }
  const double next = community_demand_[locality].next(now);
  if (std::isfinite(next)) ctx_.sim.schedule_at(next, community_, static_cast<std::uint32_t>(locality));
}

void CareHomes::request(std::uint32_t id) {
  if (beds_.request(id)) admit(id);
}

void CareHomes::admit(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (p.stage() == Stage::Delayed) sites_.leave(id);  // P3 straight from the acute bed
  // A community referral never had an acute stay (admitted_at unset); it has no treating site.
  const std::size_t site = std::isnan(p.admitted_at) ? Recorder::kNoSite : p.site;
  ctx_.recorder.care_home_admission(ctx_.sim.now(), site, p.locality, ctx_.scenario.population.band_is_65plus[p.band]);
  ctx_.patients.set_stage(p, Stage::InCareHome);
  p.care_home_since = ctx_.sim.now();
  ctx_.sim.schedule_in(settings_.stay.sample(p.rng), died_, id);
}

void CareHomes::resume(std::uint32_t id, double admitted_at) {
  if (!beds_.try_acquire()) throw std::logic_error("census: more residents than care-home beds");
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  ctx_.patients.set_stage(p, Stage::InCareHome);
  p.care_home_since = admitted_at;
  const double remaining = std::isnan(admitted_at) ? forward_recurrence(p.rng) : settings_.stay.sample_residual(p.rng, now - admitted_at);
  ctx_.sim.schedule_in(remaining, died_, id);
}

}  // namespace pfsim::models
