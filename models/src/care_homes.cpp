#include "care_homes.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "acute_sites.hpp"
#include "downstream_care.hpp"
#include "emergency_demand.hpp"
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
      died_(ctx.sim.add_handler([this](std::uint32_t id) { stay_ends(id); })),
      community_(ctx.sim.add_handler([this](std::uint32_t locality) { community_arrival(locality); })),
      attend_ae_(ctx.sim.add_handler([this](std::uint32_t) { resident_attendance(); })),
      beds_(ctx.sim, "care_homes", settings.beds, granted_),
      resident_ae_times_(ctx.stream("arrivals/care_home_residents")),
      resident_ae_family_(ctx.family("patient/care_home_resident_ae")) {
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
  const Scenario& s = ctx_.scenario;
  older_cumulative_.assign(s.localities(), 0.0);
  double all_older = 0;
  for (std::size_t l = 0; l < s.localities(); ++l) {
    for (std::size_t b = 0; b < s.bands(); ++b)
      if (s.population.band_is_65plus[b]) all_older += ctx_.population.people(l, b, 0.0);
    older_cumulative_[l] = all_older;
  }
  for (double& c : older_cumulative_) c = all_older > 0 ? c / all_older : 1.0;
  older_cumulative_.back() = 1.0;
  in_home_.assign(s.localities(), {});
  // A census replaces the initial residents: it lists who is in the homes (Wiring places it).
  const int initial = ctx_.scenario.census ? 0 : settings_.initial_residents;
  // Initial residents are of the oldest band and live in each locality in proportion to its people 65+ (their own
  // emergencies go to that locality's A&E), the i-th at the (i + ½) / N point of the running shares.
  std::size_t locality = 0;
  for (int i = 0; i < initial; ++i) {
    while ((i + 0.5) / initial > older_cumulative_[locality] && locality + 1 < older_cumulative_.size()) ++locality;
    const std::uint32_t id = ctx_.new_patient("patient/care_home/initial", static_cast<std::uint64_t>(i), locality,
                                              ctx_.scenario.bands() - 1);
    Patient& p = ctx_.patients[id];
    const double remaining = forward_recurrence(p.rng);
    beds_.try_acquire();
    ctx_.patients.set_stage(p, Stage::InCareHome);
    live_in_home(p, id, remaining);
  }
  for (std::size_t l = 0; l < community_demand_.size(); ++l) {
    const double first = community_demand_[l].next(0.0);
    if (std::isfinite(first)) ctx_.sim.schedule_at(first, community_, static_cast<std::uint32_t>(l));
  }
  if (settings_.residents_ae) {
    // The rate is set by initial_residents (the homes' steady state), not by who is in a home at each moment, so it
    // never depends on capacity elsewhere or on a census (common random numbers).
    resident_attendances_per_minute_ =
        settings_.initial_residents * settings_.residents_ae->attendances_per_year / engine::kMinutesPerYear;
    schedule_resident_attendance(0.0);
  }
}

void CareHomes::schedule_resident_attendance(double after) {
  if (!(resident_attendances_per_minute_ > 0)) return;
  ctx_.sim.schedule_at(after + resident_ae_times_.exponential(1.0 / resident_attendances_per_minute_), attend_ae_, 0);
}

void CareHomes::resident_attendance() {
  const double now = ctx_.sim.now();
  schedule_resident_attendance(now);
  const std::uint64_t index = resident_ae_count_++;
  if (demand_ == nullptr) return;
  // The attendance's own stream picks who attends and then carries their A&E and hospital draws, so the same
  // attendance has the same outcome in every option.
  engine::Stream rng = resident_ae_family_.entity(index);
  // The locality by its share of people 65+, then a resident in a home there: how many attend from each locality
  // never depends on who happens to be in hospital.
  const double u = rng.uniform();
  const auto locality = static_cast<std::size_t>(
      std::min<std::ptrdiff_t>(std::upper_bound(older_cumulative_.begin(), older_cumulative_.end(), u) - older_cumulative_.begin(),
                               static_cast<std::ptrdiff_t>(older_cumulative_.size()) - 1));
  auto& residents = in_home_[locality];
  const double pick_u = rng.uniform();
  if (residents.empty()) {
    // Nobody left in that locality's homes (all in hospital, e.g. with no beds at all): the attendance still happens,
    // as someone of the oldest band from there with no place to keep, so the count never depends on capacity.
    const std::uint32_t id = ctx_.new_patient(resident_ae_family_, index, locality, ctx_.scenario.bands() - 1);
    Patient& p = ctx_.patients[id];
    p.rng = rng;
    p.from_care_home = true;
    demand_->resident_attends(id, index);
    return;
  }
  const auto pick = std::min(residents.size() - 1, static_cast<std::size_t>(pick_u * static_cast<double>(residents.size())));
  const std::uint32_t id = residents[pick];
  Patient& p = ctx_.patients[id];
  leave_home_list(id);
  p.rng = rng;
  p.care_home_remaining = p.care_home_leaves_at - now;  // the stay's clock stops while they are away
  p.care_home_leaves_at = kNever;
  p.from_care_home = true;
  p.holds_care_home_place = true;  // the place stays theirs (beds_ not released)
  demand_->resident_attends(id, index);
}

void CareHomes::leave_home_list(std::uint32_t id) {
  auto& residents = in_home_[ctx_.patients[id].locality];
  const std::uint32_t slot = ctx_.patients[id].care_home_slot;
  residents[slot] = residents.back();
  ctx_.patients[residents[slot]].care_home_slot = slot;
  residents.pop_back();
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
  if (p.stage() == Stage::DelayedNonAcute) intermediate_care_->leave_for_care_home(id);
  // A community referral never had an acute stay (admitted_at unset); it has no treating site.
  const std::size_t site = std::isnan(p.admitted_at) ? Recorder::kNoSite : p.site;
  const auto& population = ctx_.scenario.population;
  ctx_.recorder.care_home_admission(ctx_.sim.now(), site, p.locality, population.band_is_adult[p.band], population.band_is_65plus[p.band]);
  ctx_.patients.set_stage(p, Stage::InCareHome);
  p.care_home_since = ctx_.sim.now();
  live_in_home(p, id, ctx_.sim.now() + settings_.stay.sample(p.rng));
}

void CareHomes::live_in_home(Patient& p, std::uint32_t id, double leaves_at) {
  p.care_home_leaves_at = leaves_at;
  ctx_.sim.schedule_at(leaves_at, died_, id);
  if (!settings_.residents_ae) return;
  auto& residents = in_home_[p.locality];
  p.care_home_slot = static_cast<std::uint32_t>(residents.size());
  residents.push_back(id);
}

void CareHomes::stay_ends(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // The end planned before the resident went to hospital: the clock stopped then, and return_home set a new end.
  if (p.stage() != Stage::InCareHome || ctx_.sim.now() != p.care_home_leaves_at) return;
  if (settings_.residents_ae) leave_home_list(id);
  beds_.release();
  ctx_.remove_patient(id, Leaving::Died);
}

void CareHomes::return_home(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.from_care_home = false;
  p.holds_care_home_place = false;
  ctx_.patients.set_stage(p, Stage::InCareHome);
  live_in_home(p, id, ctx_.sim.now() + p.care_home_remaining);
}

void CareHomes::died_away(std::uint32_t id) {
  ctx_.patients[id].from_care_home = false;
  ctx_.patients[id].holds_care_home_place = false;
  beds_.release();
}

void CareHomes::resume(std::uint32_t id, double admitted_at) {
  if (!beds_.try_acquire()) throw std::logic_error("census: more residents than care-home beds");
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  ctx_.patients.set_stage(p, Stage::InCareHome);
  p.care_home_since = admitted_at;
  const double remaining = std::isnan(admitted_at) ? forward_recurrence(p.rng) : settings_.stay.sample_residual(p.rng, now - admitted_at);
  live_in_home(p, id, now + remaining);
}

}  // namespace pfsim::models
