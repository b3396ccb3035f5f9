#include <cmath>
#include <limits>

#include "router.hpp"
#include "scheme_effects.hpp"
#include "services.hpp"

namespace pfsim::models {

namespace {
double horizon(const Context& ctx) { return ctx.measure_to + engine::kMinutesPerDay; }
double base_rate(const Context& ctx, std::size_t locality, const std::vector<double>& per_person_per_minute) {
  double total = 0;
  for (std::size_t b = 0; b < per_person_per_minute.size(); ++b) total += ctx.population.people(locality, b, 0.0) * per_person_per_minute[b];
  return total;
}
std::vector<double> per_minute(std::vector<double> per_person_per_year) {
  for (double& r : per_person_per_year) r /= engine::kMinutesPerYear;
  return per_person_per_year;
}

double largest(const std::array<std::vector<double>, kMonths>* multiplier) {
  if (!multiplier) return 1.0;
  double m = 0;
  for (const auto& month : *multiplier)
    for (double v : month) m = std::max(m, v);
  return m;
}
}  // namespace

LocalityDemand::LocalityDemand(Context& ctx, std::size_t locality, std::vector<double> per_person_per_year,
                               const engine::RateProfile& profile, const std::string& stream_name,
                               const std::array<std::vector<double>, kMonths>* month_multiplier)
    : ctx_(ctx), locality_(locality), per_person_per_minute_(per_minute(std::move(per_person_per_year))),
      month_multiplier_(month_multiplier), base_per_minute_(base_rate(ctx, locality, per_person_per_minute_)),
      max_growth_(ctx.population.max_growth(locality)), max_multiplier_(largest(month_multiplier)),
      // The envelope carries the largest winter multiplier (× 1 without one, which leaves every value unchanged).
      nhpp_(base_per_minute_ * max_multiplier_, profile, ctx.calendar, max_growth_, horizon(ctx)), stream_(ctx.stream(stream_name)) {
  for (std::size_t b = 0; b < per_person_per_minute_.size(); ++b) {
    band_base_.push_back(ctx.population.base(locality, b));
    band_growth_.push_back(ctx.population.growth(locality, b));
    band_factor_.emplace_back(band_growth_.back());
  }
  people_.resize(per_person_per_minute_.size());
  approx_people_.resize(per_person_per_minute_.size());
  // Without growth there is no pow to save; a growth too large for the approximation keeps the exact path.
  approximate_ = max_growth_ != 0.0 && nhpp_.growth().approximable();
  for (const engine::GrowthFactor& f : band_factor_) approximate_ = approximate_ && (f.growth() == 0.0 || f.approximable());
}

const std::vector<double>& LocalityDemand::approx_people_at(double t) const {
  if (t == approx_people_t_) return approx_people_;
  approx_people_t_ = t;
  for (std::size_t b = 0; b < approx_people_.size(); ++b)
    approx_people_[b] = band_growth_[b] == 0.0 ? band_base_[b] : band_base_[b] * band_factor_[b].approx(t);
  return approx_people_;
}

const std::vector<double>& LocalityDemand::people_at(double t) const {
  if (t == people_t_) return people_;
  people_t_ = t;
  const double years = Context::years(t);
  for (std::size_t b = 0; b < people_.size(); ++b) {
    const double g = band_growth_[b];
    // The same products as PopulationProjection::people; nhpp_ grows at max_growth_, so its factor is this pow.
    if (g == 0.0) people_[b] = band_base_[b];
    else if (g == max_growth_) people_[b] = band_base_[b] * nhpp_.trend(t);
    else people_[b] = band_base_[b] * std::pow(1.0 + g, years);
  }
  return people_;
}

double LocalityDemand::rate_without_profile(const std::vector<double>& people, double t) const {
  double actual = 0;
  if (!month_multiplier_) {
    for (std::size_t b = 0; b < per_person_per_minute_.size(); ++b) actual += people[b] * per_person_per_minute_[b];
    return actual;
  }
  const std::vector<double>& m = (*month_multiplier_)[static_cast<std::size_t>(ctx_.calendar.month(t))];
  for (std::size_t b = 0; b < per_person_per_minute_.size(); ++b) actual += people[b] * per_person_per_minute_[b] * m[b];
  return actual;
}

double LocalityDemand::next(double after) {
  if (base_per_minute_ <= 0 || max_multiplier_ <= 0) return std::numeric_limits<double>::infinity();
  double t = after;
  for (;;) {
    t = nhpp_.next(t, stream_);
    if (!std::isfinite(t)) return t;
    // Accept when u × envelope <= actual rate. With growth both carry pow factors; the approximate ones settle the
    // test unless it is too close to call (engine/growth.hpp), then the exact values below decide as they always did.
    const double draw = stream_.uniform();
    if (approximate_) {
      const double envelope = base_per_minute_ * max_multiplier_ * nhpp_.growth().approx(t);
      const engine::Decision d = engine::decide_le(draw * envelope, rate_without_profile(approx_people_at(t), t));
      if (d == engine::Decision::Yes) return t;
      if (d == engine::Decision::No) continue;
    }
    const double actual = rate_without_profile(people_at(t), t);
    // nhpp_.trend(t) is pow(1 + max_growth_, years(t)), memoised if the thinning that accepted t formed it.
    const double envelope = base_per_minute_ * max_multiplier_ * nhpp_.trend(t);
    if (draw * envelope <= actual) return t;
  }
}

std::size_t LocalityDemand::pick_band(double t, engine::Stream& rng) const {
  const std::vector<double>* m = month_multiplier_ ? &(*month_multiplier_)[static_cast<std::size_t>(ctx_.calendar.month(t))] : nullptr;
  const auto weight = [&](const std::vector<double>& people, std::size_t b) {
    const double w = people[b] * per_person_per_minute_[b];
    return m ? w * (*m)[b] : w;
  };
  const std::size_t n = per_person_per_minute_.size();
  const double draw = rng.uniform();
  if (approximate_) {
    // The same walk on approximate weights; it names the band the exact walk picks or says it cannot tell.
    const std::vector<double>& people = approx_people_at(t);
    const std::size_t band = engine::pick_by_weight_approx(draw, n, [&](std::size_t b) { return weight(people, b); });
    if (band != engine::kUnsure) return band;
  }
  const std::vector<double>& people = people_at(t);
  double total = 0;
  for (std::size_t b = 0; b < n; ++b) total += weight(people, b);
  double u = draw * total;
  for (std::size_t b = 0; b < n; ++b) {
    u -= weight(people, b);
    if (u <= 0) return b;
  }
  return n - 1;
}

EmergencyDemand::EmergencyDemand(Context& ctx) : ctx_(ctx) {
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
    // Winter arrival multipliers apply to emergency demand (A&E and direct admissions), not to care homes.
    const auto* multiplier = s.winter && s.winter->arrival_multiplier ? &*s.winter->arrival_multiplier : nullptr;
    ae_.emplace_back(ctx, l, ae_rate, s.ae.arrival_profile, "arrivals/ae/" + name, multiplier);
    direct_.emplace_back(ctx, l, direct_rate, s.ae.arrival_profile, "arrivals/direct/" + name, multiplier);
    ae_origin_.push_back("patient/ae/" + name);
    direct_origin_.push_back("patient/direct/" + name);
    displaced_origin_.push_back("patient/gp-displaced/" + name);
    ae_family_.push_back(ctx.family(ae_origin_.back()));
    direct_family_.push_back(ctx.family(direct_origin_.back()));
    displaced_family_.push_back(ctx.family(displaced_origin_.back()));
    if (s.routing)  // a separate per-person stream per origin, so routing never moves an attribute draw
      for (const auto* origin : {&ae_origin_.back(), &direct_origin_.back(), &displaced_origin_.back()}) route_family_.push_back(ctx.family("route/" + *origin));
  }
  ae_handler_ = ctx.sim.add_handler([this](std::uint32_t locality) {
    const double t = ctx_.sim.now();
    const std::size_t band = ae_[locality].pick_band(t);
    const std::uint64_t index = ae_count_[locality]++;
    // A scheme that cuts the attendance rate avoids this person (their arrival number is still used up).
    const SchemeEffects* schemes = ctx_.services.schemes;
    if (!schemes || !schemes->has(SchemeTarget::AeAttendances) ||
        !schemes->avoided(SchemeTarget::AeAttendances, t, locality, band, ae_origin_[locality], index))
      attend(ctx_.new_patient(ae_family_[locality], index, locality, band), route_origin(locality, Origin::Ae), index);
    const double next = ae_[locality].next(t);
    if (std::isfinite(next)) ctx_.sim.schedule_at(next, ae_handler_, locality);
  });
  direct_handler_ = ctx.sim.add_handler([this](std::uint32_t locality) {
    const double t = ctx_.sim.now();
    const std::size_t band = direct_[locality].pick_band(t);
    const std::uint64_t index = direct_count_[locality]++;
    const SchemeEffects* schemes = ctx_.services.schemes;
    if (schemes && schemes->has(SchemeTarget::DirectAdmissions) &&
        schemes->avoided(SchemeTarget::DirectAdmissions, t, locality, band, direct_origin_[locality], index)) {
      const double next = direct_[locality].next(t);
      if (std::isfinite(next)) ctx_.sim.schedule_at(next, direct_handler_, locality);
      return;
    }
    const std::uint32_t id = ctx_.new_patient(direct_family_[locality], index, locality, band);
    Patient& p = ctx_.patients[id];
    // Direct admissions go to the site the locality mostly uses for A&E (first site with the largest share).
    const auto& shares = ctx_.scenario.ae.site_choice[locality];
    std::size_t site = 0;
    for (std::size_t s = 1; s < shares.size(); ++s)
      if (shares[s] > shares[site]) site = s;
    if (Router* router = ctx_.services.router) site = router->direct_admission(p, site, *route_origin(locality, Origin::Direct), index);
    p.site = static_cast<std::uint8_t>(site);
    ctx_.services.beds_by_site[site]->request(id);
    const double next = direct_[locality].next(t);
    if (std::isfinite(next)) ctx_.sim.schedule_at(next, direct_handler_, locality);
  });
}

void EmergencyDemand::start() {
  // Registered here rather than in the constructor so scenarios without routing keep their handler numbering.
  if (ctx_.services.router)
    transferred_handler_ = ctx_.sim.add_handler([this](std::uint32_t id) { ctx_.services.ed_by_site[ctx_.patients[id].site]->arrive(id); });
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
  const std::uint32_t id = ctx_.new_patient(displaced_family_[locality], index, locality, 0);
  Patient& p = ctx_.patients[id];
  p.band = static_cast<std::uint8_t>(ae_[locality].pick_band(ctx_.sim.now(), p.rng));
  attend(id, route_origin(locality, Origin::Displaced), index);
}

const engine::StreamFamily* EmergencyDemand::route_origin(std::size_t locality, Origin origin) const {
  return route_family_.empty() ? nullptr : &route_family_[locality * 3 + static_cast<std::size_t>(origin)];
}

void EmergencyDemand::attend(std::uint32_t id, const engine::StreamFamily* route_origin, std::uint64_t index) {
  Patient& p = ctx_.patients[id];
  const std::size_t locality = p.locality, band = p.band;
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
  double admit_probability = s.ae.admit_probability[band];
  if (const SchemeEffects* schemes = ctx_.services.schemes; schemes && schemes->has(SchemeTarget::AdmitProbability))
    admit_probability = std::clamp(schemes->change(SchemeTarget::AdmitProbability, ctx_.sim.now(), locality, band, site).apply(admit_probability),
                                   0.0, 1.0);
  p.admit = p.rng.uniform() < admit_probability;
  p.sdec = p.rng.uniform() < s.ae.sdec_share;
  p.from_ae = true;
  p.ae_arrival = ctx_.sim.now();
  ctx_.patients.set_stage(p, Stage::InAe);
  // Routing (README "Reconfiguration options"): a patient whose stream their chosen site does not provide is
  // treated at the nearest providing site; the attendance counts there, its 4-hour clock runs from the first arrival.
  Router::Route route{site, 0.0};
  if (Router* router = ctx_.services.router) route = router->attendance(p, site, *route_origin, index);
  p.site = static_cast<std::uint8_t>(route.site);
  ctx_.recorder.ae_arrival(p.ae_arrival, route.site, locality);
  if (route.transfer > 0) ctx_.sim.schedule_in(route.transfer, transferred_handler_, id);
  else ctx_.services.ed_by_site[route.site]->arrive(id);
}

}  // namespace pfsim::models
