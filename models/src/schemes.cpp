// Schemes (DESIGN §3): delivery sampling, the run-time hooks and the counterfactual run that values them.
#include <algorithm>
#include <cmath>

#include <boost/math/special_functions/beta.hpp>

#include "pfsim/models/scheme_delivery.hpp"
#include "pfsim/models/system.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

namespace {
double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }
}  // namespace

std::vector<double> sample_delivery(const SchemeSettings& settings, std::uint64_t seed, std::uint64_t replication) {
  // Gaussian copula: a scheme in a group with correlation ρ uses z = √ρ·z_group + √(1−ρ)·z_own, so any two schemes
  // of the group have normals with correlation ρ; its fraction is the Beta quantile of Φ(z). Without a group the
  // fraction is the Beta quantile of one uniform. Degenerate priors draw nothing.
  std::vector<double> group_z;
  for (const SchemeGroup& g : settings.groups) group_z.push_back(engine::Stream(seed, replication, "scheme-group/" + g.name).normal());
  std::vector<double> fractions;
  for (const Scheme& s : settings.schemes) {
    if (s.prior.degenerate()) {
      fractions.push_back(s.prior.fixed);
      continue;
    }
    engine::Stream own(seed, replication, "scheme/" + s.name);
    double u = 0;
    if (s.group >= 0) {
      const double rho = settings.groups[static_cast<std::size_t>(s.group)].correlation;
      u = standard_normal_cdf(std::sqrt(rho) * group_z[static_cast<std::size_t>(s.group)] + std::sqrt(1.0 - rho) * own.normal());
    } else {
      u = own.uniform();
    }
    u = std::clamp(u, 1e-12, 1.0 - 1e-12);
    fractions.push_back(std::clamp(boost::math::ibeta_inv(s.prior.a, s.prior.b, u), 0.0, 1.0));
  }
  return fractions;
}

SchemeEffects::SchemeEffects(const Context& ctx, std::vector<double> delivered) : ctx_(ctx), delivered_(std::move(delivered)) {
  const auto& schemes = ctx.scenario.schemes->schemes;
  for (std::size_t i = 0; i < schemes.size(); ++i) {
    const Scheme& s = schemes[i];
    const double start = ctx.calendar.time_of(s.start);
    for (const SchemeEffect& e : s.effects)
      active_[static_cast<std::size_t>(e.target)].push_back(Active{&e, delivered_[i], start, s.ramp_up});
  }
}

double SchemeEffects::strength(const Active& a, double t) const {
  // effect(t) = delivered fraction × ramp(t); the ramp is linear from the start date over ramp_up.
  if (t < a.start) return 0.0;
  if (a.ramp <= 0 || t >= a.start + a.ramp) return a.fraction;
  return a.fraction * (t - a.start) / a.ramp;
}

SchemeEffects::Change SchemeEffects::change(SchemeTarget target, double t, std::size_t locality, std::size_t band,
                                            std::size_t site, int pathway, Condition condition) const {
  Change c;
  for (const Active& a : active_[static_cast<std::size_t>(target)]) {
    if (!a.effect->filter.matches(locality, band, site, pathway, condition)) continue;
    const double s = strength(a, t);
    if (s == 0.0) continue;
    if (a.effect->is_delta) c.delta += s * a.effect->delta;
    else c.multiplier *= 1.0 + s * (a.effect->multiplier - 1.0);
  }
  return c;
}

bool SchemeEffects::avoided(SchemeTarget target, double t, std::size_t locality, std::size_t band, const std::string& origin,
                            std::uint64_t index, Condition condition) const {
  const double keep = change(target, t, locality, band, 0, 0, condition).multiplier;
  if (keep >= 1.0) return false;
  engine::Stream own = engine::Stream::for_entity(ctx_.scenario.run.seed, ctx_.replication, "scheme/avoid/" + origin, index);
  return own.uniform() >= keep;
}

void SchemeEffects::adjust_pathway_shares(std::array<double, kPathways>& shares, double t, std::size_t locality, std::size_t band,
                                          std::size_t site) const {
  for (const Active& a : active_[static_cast<std::size_t>(SchemeTarget::PathwayShare)]) {
    const SchemeEffect& e = *a.effect;
    if (!e.filter.matches(locality, band, site, 0)) continue;
    const double s = strength(a, t);
    if (s == 0.0) continue;
    for (int p : e.filter.pathways) {
      auto& from = shares[static_cast<std::size_t>(p)];
      auto& to = shares[static_cast<std::size_t>(e.to_pathway)];
      const double changed = e.is_delta ? from + s * e.delta : from * (1.0 + s * (e.multiplier - 1.0));
      const double bounded = std::clamp(changed, 0.0, from + to);
      to -= bounded - from;
      from = bounded;
    }
  }
}

ReplicationResult run_with_counterfactual(const Scenario& scenario, std::uint64_t replication) {
  ReplicationResult with = System(scenario, replication).run();
  Scenario without = scenario;
  without.schemes.reset();
  const ReplicationResult base = System(without, replication).run();

  const SchemeSettings& settings = *scenario.schemes;
  SchemeOutcome& out = with.schemes;
  auto& a = out.activity;
  a[static_cast<std::size_t>(SchemeActivity::AttendancesAvoided)] = base[Kpi::AeAttendances] - with[Kpi::AeAttendances];
  a[static_cast<std::size_t>(SchemeActivity::AdmissionsAvoided)] = base[Kpi::Nea] - with[Kpi::Nea];
  a[static_cast<std::size_t>(SchemeActivity::BedDaysSaved)] = base.bed_days - with.bed_days;
  a[static_cast<std::size_t>(SchemeActivity::DtocDaysSaved)] = base[Kpi::DtocDays] - with[Kpi::DtocDays];
  out.counterfactual_kpi.assign(base.kpi.begin(), base.kpi.end());
  const SchemeTariff& tariff = settings.tariff;
  out.flow_gbp = a[static_cast<std::size_t>(SchemeActivity::AttendancesAvoided)] * tariff.per_attendance_avoided +
                 a[static_cast<std::size_t>(SchemeActivity::AdmissionsAvoided)] * tariff.per_admission_avoided +
                 a[static_cast<std::size_t>(SchemeActivity::BedDaysSaved)] * tariff.per_bed_day_saved;
  out.total_gbp = out.flow_gbp;
  for (double m : out.money_gbp) out.total_gbp += m;
  return with;
}

}  // namespace pfsim::models
