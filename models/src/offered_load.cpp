// Offered load a = λ × E[service] and ρ = a / c of every capacity, from the scenario alone (offered_load.hpp says how
// each is approximated).
#include "pfsim/models/offered_load.hpp"

#include <algorithm>
#include <optional>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "pfsim/engine/time.hpp"
#include "discharge_timing.hpp"
#include "pfsim/models/population.hpp"

namespace pfsim::models {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double k91Days = 91.0 * engine::kMinutesPerDay;

double ratio(double a, double c) { return c > 0 ? a / c : (a > 0 ? kInf : 0.0); }

/// Theatres of each site with sessions: cases listed per day (referrals x admitted share, by the planned-care site
/// choice) x mean case minutes against the week's mean session minutes a day.
void theatre_loads(const Scenario& s, const PopulationProjection& population, double mid_years, std::vector<OfferedLoad>& loads) {
  const PlannedCareSettings& pc = *s.planned_care;
  for (std::size_t k = 0; k < s.sites.size(); ++k) {
    if (!pc.has_theatres(k)) continue;
    const ElectiveSite& es = *pc.sites[k];
    OfferedLoad o;
    o.resource = "theatres: " + s.sites[k].name;
    o.kind = Capacity::Theatres;
    double minutes = 0;
    for (std::size_t l = 0; l < s.localities(); ++l)
      for (const ElectiveSpecialty& spec : pc.specialties)
        for (std::size_t b = 0; b < s.bands(); ++b) {
          const double listed = population.people(l, b, mid_years) * spec.referrals_per_1000_per_year[b] / 1000.0 / engine::kDaysPerYear *
                                spec.admitted_share * pc.site_choice[l][k];
          o.arrivals_per_day += listed;
          minutes += listed * std::min(spec.case_minutes.mean(), es.session_minutes);
        }
    double week = 0;
    for (int n : es.sessions) week += n * es.session_minutes;
    o.mean_service_days = o.arrivals_per_day > 0 ? minutes / o.arrivals_per_day / engine::kMinutesPerDay : 0.0;
    o.offered = minutes / engine::kMinutesPerDay;
    o.capacity = week / 7.0 / engine::kMinutesPerDay;
    o.rho = o.peak_rho = ratio(o.offered, o.capacity);
    loads.push_back(o);
  }
}

std::string name_of(Capacity kind, const std::string& site = {}) {
  switch (kind) {
    case Capacity::AeClinicians: return "A&E clinicians: " + site;
    case Capacity::AeMinorsClinicians: return "A&E minors clinicians: " + site;
    case Capacity::AeCubicles: return "A&E cubicles: " + site;
    case Capacity::AcuteBeds: return "acute beds: " + site;
    case Capacity::Reablement: return "reablement (P1)";
    case Capacity::IntermediateCare: return "intermediate care (P2)";
    case Capacity::CareHomes: return "care homes (P3)";
    case Capacity::Theatres: return "theatres: " + site;
    case Capacity::Ambulances: return "ambulances";
  }
  return "?";
}

// ∫₀^end f(t) dt by Simpson's rule on `steps` (even) intervals.
template <typename F>
double simpson(F f, double end, int steps) {
  const double h = end / steps;
  double sum = 0;
  for (int i = 0; i <= steps; ++i) sum += f(i * h) * (i == 0 || i == steps ? 1.0 : (i % 2 ? 4.0 : 2.0));
  return sum * (h / 3.0);
}

// E[min(D, T)] where T falls within 91 d as outcome_delay_91d has it (P(T ≤ t) = √(t / 91 d)) with probability
// `hazard` and never otherwise (the 91-day event ends a package early): (1 − H) E[D] + H ∫₀^91d S_D(t) (1 − √(t / 91d)) dt,
// the integral by Simpson's rule.
// The integral does not depend on the hazard, so a service forms it once for all its bands.
double held_within_91_days(const engine::Distribution& duration) {
  return simpson([&](double t) { return (1.0 - duration.cdf(t)) * (1.0 - std::sqrt(t / k91Days)); }, k91Days, 2000);
}
double mean_held(const engine::Distribution& duration, double within_91_days, double hazard) {
  hazard = std::clamp(hazard, 0.0, 1.0);
  return (1.0 - hazard) * duration.mean() + hazard * within_91_days;
}

// E[min(S, T)] for a stay S and an exponential competing end T of rate `per_minute` (a resident's death in hospital):
// ∫ S_S(t) e^(−λt) dt = (1 − E[e^(−λS)]) / λ where the Laplace transform has a closed form, else by Simpson's rule
// out to the stay's mean + 12 sd (S_S is below 1e-6 there for the stays used; 20,000 cdf calls, most of a start-up).
double mean_until_either(const engine::Distribution& stay, double per_minute) {
  if (!(per_minute > 0)) return stay.mean();
  if (const std::optional<double> l = stay.laplace_transform(per_minute)) return (1.0 - *l) / per_minute;
  return simpson([&](double t) { return (1.0 - stay.cdf(t)) * std::exp(-per_minute * t); }, stay.mean() + 12.0 * stay.sd(), 20000);
}

// Means over the measured days, by band, of what changes with the month: A&E attendances (month profile × winter),
// the admission chance of an attendance (seasons.admit, weighted by attendances), direct admissions and length of
// stay (seasons × winter, by month of admission).
struct SeasonMeans {
  std::vector<double> ae, admit, direct, los;
};

SeasonMeans season_means(const Scenario& s) {
  const std::size_t B = s.bands();
  SeasonMeans m{std::vector<double>(B, 0.0), std::vector<double>(B, 0.0), std::vector<double>(B, 0.0), std::vector<double>(B, 0.0)};
  const std::chrono::sys_days first{s.run.start_date};
  const int days = std::max(1, s.run.days);
  const SeasonSettings* season = s.seasons ? &*s.seasons : nullptr;
  const auto by = [](const std::optional<std::array<std::vector<double>, kMonths>>& v, std::size_t month, std::size_t b) {
    return v ? (*v)[month][b] : 1.0;
  };
  for (int d = 0; d < days; ++d) {
    const std::chrono::year_month_day date{first + std::chrono::days{d}};
    const auto month = static_cast<std::size_t>(static_cast<unsigned>(date.month()) - 1);
    const double winter_los = s.winter && s.winter->los_multiplier ? (*s.winter->los_multiplier)[month] : 1.0;
    for (std::size_t b = 0; b < B; ++b) {
      const double winter = s.winter ? by(s.winter->arrival_multiplier, month, b) : 1.0;
      const double ae = s.ae.arrival_profile.month[month] * winter;
      m.ae[b] += ae;
      m.admit[b] += ae * (season ? by(season->admit, month, b) : 1.0);
      m.direct[b] += (season && season->direct_admissions ? (*season->direct_admissions)[month][b] : s.ae.arrival_profile.month[month]) * winter;
      m.los[b] += (season ? by(season->los, month, b) : 1.0) * winter_los;
    }
  }
  for (std::size_t b = 0; b < B; ++b) {
    m.admit[b] = m.ae[b] > 0 ? m.admit[b] / m.ae[b] : 1.0;
    m.ae[b] /= days;
    m.direct[b] /= days;
    m.los[b] /= days;
  }
  return m;
}

// Where patients of locality l and band b whose first choice is site `first` are treated (a share per site), as the
// router sends them: each stream's share, hour by hour weighted by the A&E hour profile, stays at `first` when it
// provides the stream at that hour and otherwise goes to the nearest providing site (ties: the first such site).
std::vector<double> treated_at(const Scenario& s, std::size_t l, std::size_t b, std::size_t first, bool admitted) {
  const std::size_t S = s.sites.size();
  std::vector<double> out(S, 0.0);
  double rest = 1.0;
  if (s.routing)
    for (const PatientStream& stream : s.routing->streams) {
      const double share = std::min(rest, admitted ? stream.share_of_admitted[b] : stream.share_of_not_admitted[b]);
      rest -= share;
      for (int h = 0; h < 24; ++h) {
        const double w = share * s.ae.arrival_profile.hour[static_cast<std::size_t>(h)] / 24.0;
        const auto open = [&](std::size_t site) {
          return std::any_of(stream.providers.begin(), stream.providers.end(),
                             [&](const StreamProvider& p) { return p.site == site && p.open_at(h); });
        };
        std::size_t best = first;
        if (!open(first)) {
          double best_minutes = std::numeric_limits<double>::infinity();
          best = 0;
          for (std::size_t k = 0; k < S; ++k)
            if (open(k) && s.routing->travel_minutes[l][k] < best_minutes) {
              best = k;
              best_minutes = s.routing->travel_minutes[l][k];
            }
        }
        out[best] += w;
      }
    }
  out[first] += std::max(0.0, rest);
  return out;
}

std::size_t main_site(const Scenario& s, std::size_t locality) {
  const auto& shares = s.ae.site_choice[locality];
  std::size_t site = 0;
  for (std::size_t k = 1; k < shares.size(); ++k)
    if (shares[k] > shares[site]) site = k;
  return site;
}
}  // namespace

std::vector<std::string> capacity_names(const Scenario& s) {
  std::vector<std::string> names;
  for (const Site& site : s.sites)
    if (site.ae) names.push_back(name_of(Capacity::AeClinicians, site.name));
  for (const Site& site : s.sites)
    if (site.ae && site.ae->minors) names.push_back(name_of(Capacity::AeMinorsClinicians, site.name));
  for (const Site& site : s.sites)
    if (site.ae && site.ae->cubicles) names.push_back(name_of(Capacity::AeCubicles, site.name));
  for (const Site& site : s.sites) names.push_back(name_of(Capacity::AcuteBeds, site.name));
  if (s.reablement) names.push_back(name_of(Capacity::Reablement));
  if (s.intermediate_care) names.push_back(name_of(Capacity::IntermediateCare));
  if (s.care_homes) names.push_back(name_of(Capacity::CareHomes));
  if (s.planned_care)
    for (std::size_t k = 0; k < s.sites.size(); ++k)
      if (s.planned_care->has_theatres(k)) names.push_back(name_of(Capacity::Theatres, s.sites[k].name));
  if (s.ambulance) names.push_back(name_of(Capacity::Ambulances));
  return names;
}

std::vector<OfferedLoad> offered_load(const Scenario& s) {
  const std::size_t B = s.bands(), L = s.localities(), S = s.sites.size();
  // Growth is anchored at start_date as in the run (Context), so the window's midpoint is half the measured days in.
  const PopulationProjection population(s.population, s.run.warmup_days / engine::kDaysPerYear);
  const double mid_years = (s.run.warmup_days + 0.5 * s.run.days) / engine::kDaysPerYear;
  const SeasonMeans season = season_means(s);

  // Per day at the treating site, by locality × band × site: A&E attendances, GP-displaced attendances (the
  // locality's A&E band mix) and the bedded admissions from both (admitted, not SDEC); routing applied.
  std::vector<double> attend(L * B * S, 0.0), displaced(L * B * S, 0.0), from_ae(L * B * S, 0.0);
  const double sdec = std::clamp(s.ae.sdec_share, 0.0, 1.0);
  // Care-home residents' own attendances (care_homes.residents_ae): initial_residents (the scenario's steady state)
  // people of the oldest band, spread over localities by their 65+ population; routing is not applied to them.
  const auto* residents_ae = s.care_homes && s.care_homes->residents_ae ? &*s.care_homes->residents_ae : nullptr;
  std::vector<double> resident_attend(S, 0.0), resident_admit(S, 0.0);  // per day at the treating site
  if (residents_ae) {
    std::vector<double> older(L, 0.0);
    double all_older = 0;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t b = 0; b < B; ++b)
        if (s.population.band_is_65plus[b]) all_older += older[l] += population.people(l, b, mid_years);
    const double per_day = s.care_homes->initial_residents * residents_ae->attendances_per_year / engine::kDaysPerYear;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t k = 0; k < S; ++k) {
        const double a = all_older > 0 ? per_day * older[l] / all_older * s.ae.site_choice[l][k] : 0.0;
        resident_attend[k] += a;
        resident_admit[k] += a * std::min(1.0, residents_ae->admit * season.admit[B - 1]) * (1.0 - sdec);
      }
  }
  for (std::size_t l = 0; l < L; ++l) {
    std::vector<double> per_day(B, 0.0);
    double all = 0;
    for (std::size_t b = 0; b < B; ++b) {
      per_day[b] = population.people(l, b, mid_years) * s.ae.attendances_per_1000_per_year[b] / 1000.0 / engine::kDaysPerYear * season.ae[b];
      all += per_day[b];
    }
    double unmet_to_ae = 0;
    if (s.primary_care) {
      double demand = 0;
      for (std::size_t b = 0; b < B; ++b)
        demand += population.people(l, b, mid_years) * s.primary_care->appointments_per_person_per_year[b] / engine::kDaysPerYear;
      unmet_to_ae = std::max(0.0, demand - s.primary_care->slots_per_week[l] / 7.0) * s.primary_care->unmet_to_ae;
    }
    for (std::size_t b = 0; b < B; ++b) {
      const double gp = all > 0 ? unmet_to_ae * per_day[b] / all : 0.0;
      const double admit = std::min(1.0, s.ae.admit_probability[b] * season.admit[b]);
      for (std::size_t first = 0; first < S; ++first) {
        const double choice = s.ae.site_choice[l][first];
        if (choice <= 0) continue;
        const std::vector<double> admitted = treated_at(s, l, b, first, true), not_admitted = treated_at(s, l, b, first, false);
        for (std::size_t k = 0; k < S; ++k) {
          const double routed = admit * admitted[k] + (1.0 - admit) * not_admitted[k];
          attend[(l * B + b) * S + k] += per_day[b] * choice * routed;
          displaced[(l * B + b) * S + k] += gp * choice * routed;
          from_ae[(l * B + b) * S + k] += (per_day[b] + gp) * choice * admit * (1.0 - sdec) * admitted[k];
        }
      }
    }
  }

  std::vector<OfferedLoad> loads, minors_loads, cubicles;
  // A&E clinicians, hour of the week (Monday 00:00 first) against the rota; cubicles against their constant number.
  const auto& profile = s.ae.arrival_profile;
  // `fraction` of the site's attendances, each holding a unit for `held_min` on average, against `units(day, hour)`.
  const auto ae_load = [&](double attendances, double gp_displaced, double fraction, double held_min, const auto& units) {
    double sum_a = 0, sum_c = 0, peak = 0;
    for (std::size_t day = 0; day < 7; ++day)
      for (std::size_t hour = 0; hour < 24; ++hour) {
        // Per minute: attendances follow hour × weekday; displaced ones the hour shape only.
        const double lambda = fraction * (attendances * profile.hour[hour] * profile.weekday[day] + gp_displaced * profile.hour[hour]) /
                              engine::kMinutesPerDay;
        const double a = lambda * held_min, c = units(day, hour);
        sum_a += a;
        sum_c += c;
        peak = std::max(peak, ratio(a, c));
      }
    OfferedLoad o;
    o.arrivals_per_day = fraction * (attendances + gp_displaced);
    o.mean_service_days = held_min / engine::kMinutesPerDay;
    o.offered = sum_a / 168.0;
    o.capacity = sum_c / 168.0;
    o.rho = ratio(sum_a, sum_c);
    o.peak_rho = peak;
    return o;
  };
  const auto rota = [](const ClinicianRota& r) {
    return [&r](std::size_t day, std::size_t hour) { return static_cast<double>(day < 5 ? r.weekday[hour] : r.weekend[hour]); };
  };
  for (std::size_t k = 0; k < S; ++k) {
    if (!s.sites[k].ae) continue;
    const SiteAe& ae = *s.sites[k].ae;
    double attendances = 0, gp_displaced = 0, minors = 0;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t b = 0; b < B; ++b) {
        const std::size_t i = (l * B + b) * S + k;
        attendances += attend[i];
        gp_displaced += displaced[i];
        if (!s.ae.minors_share.empty()) minors += (attend[i] + displaced[i]) * (1.0 - s.ae.admit_probability[b]) * s.ae.minors_share[b];
      }
    attendances += resident_attend[k];
    if (residents_ae && !s.ae.minors_share.empty()) minors += resident_attend[k] * (1.0 - residents_ae->admit) * s.ae.minors_share[B - 1];
    // Minors need no cubicle; with a minors stream they are also not seen by the (majors) clinicians.
    const double all = attendances + gp_displaced;
    const double minors_fraction = all > 0 ? minors / all : 0.0;
    const double to_clinicians = ae.minors ? 1.0 - minors_fraction : 1.0;
    OfferedLoad o = ae_load(attendances, gp_displaced, to_clinicians, ae.treatment.mean(), rota(ae.clinicians));
    o.resource = name_of(Capacity::AeClinicians, s.sites[k].name);
    o.kind = Capacity::AeClinicians;
    loads.push_back(o);
    if (ae.minors) {
      OfferedLoad m = ae_load(attendances, gp_displaced, minors_fraction, ae.minors->treatment.mean(), rota(ae.minors->clinicians));
      m.resource = name_of(Capacity::AeMinorsClinicians, s.sites[k].name);
      m.kind = Capacity::AeMinorsClinicians;
      minors_loads.push_back(m);
    }
    if (!ae.cubicles) continue;
    // A cubicle is held at least for the treatment; the wait for a clinician and, for admissions, for a bed come on
    // top and are queueing outcomes, so this ρ is a lower bound (as the beds' is).
    const double spaces = *ae.cubicles;
    OfferedLoad c = ae_load(attendances, gp_displaced, 1.0 - minors_fraction, ae.treatment.mean(),
                            [spaces](std::size_t, std::size_t) { return spaces; });
    c.resource = name_of(Capacity::AeCubicles, s.sites[k].name);
    c.kind = Capacity::AeCubicles;
    cubicles.push_back(c);
  }
  loads.insert(loads.end(), minors_loads.begin(), minors_loads.end());
  loads.insert(loads.end(), cubicles.begin(), cubicles.end());

  // Acute beds: new admissions per day by site × band, inflated by readmissions, × bed time per admission.
  const auto share = [&](Pathway p, std::size_t b) {
    if (!s.discharge || !s.population.band_is_adult[b]) return p == Pathway::P0 ? 1.0 : 0.0;
    return s.discharge->shares(b)[static_cast<std::size_t>(p)];
  };
  const auto died = [&](std::size_t b) { return s.admission.died_in_hospital.empty() ? 0.0 : s.admission.died_in_hospital[b]; };
  const auto assessment = [&](Pathway p) {
    if (!s.discharge) return 0.0;
    const auto& d = s.discharge->assessment_delay[static_cast<std::size_t>(p)];
    return d ? d->mean() : 0.0;
  };
  std::vector<double> admissions(S * B, 0.0);  // [site × band], readmissions included
  for (std::size_t b = 0; b < B; ++b) {
    const double w30 = s.readmission ? s.readmission->within_30d[b] : 0.0;
    // P(a stay leads to another emergency stay): the discharged alive, by where they go.
    double r = share(Pathway::P0, b) * w30;
    r += share(Pathway::P1, b) * (s.reablement ? s.reablement->hazards_for(b).readmit : w30);
    r += share(Pathway::P2, b) * (s.intermediate_care ? s.intermediate_care->hazards_for(b).readmit : w30);
    r += share(Pathway::P3, b) * (s.care_homes ? 0.0 : w30);
    r *= 1.0 - died(b);
    const double inflate = 1.0 / std::max(1e-9, 1.0 - std::clamp(r, 0.0, 1.0));
    for (std::size_t l = 0; l < L; ++l) {
      const double direct = s.admission.direct_per_1000_per_year.empty()
                                ? 0.0
                                : population.people(l, b, mid_years) * s.admission.direct_per_1000_per_year[b] / 1000.0 /
                                      engine::kDaysPerYear * season.direct[b];
      const std::vector<double> direct_at = treated_at(s, l, b, main_site(s, l), true);
      for (std::size_t k = 0; k < S; ++k) admissions[k * B + b] += (direct * direct_at[k] + from_ae[(l * B + b) * S + k]) * inflate;
    }
  }
  // Whoever leaves alive waits for their departure time (discharge.timing); a death is not retimed.
  const double departure_delay = s.discharge && s.discharge->timing ? mean_departure_delay(*s.discharge->timing) : 0.0;
  // Discharged alive into each pathway, per day, all sites, by band.
  std::vector<std::array<double, kPathways>> discharges(B, std::array<double, kPathways>{});
  for (std::size_t k = 0; k < S; ++k) {
    // Residents go back to their home (P0, no readmission): the oldest band's stay and the departure wait.
    double lambda = resident_admit[k];
    double bed_minutes = resident_admit[k] * (s.admission.los[B - 1].mean() * season.los[B - 1] + (1.0 - died(B - 1)) * departure_delay);
    for (std::size_t b = 0; b < B; ++b) {
      const double a = admissions[k * B + b], alive = a * (1.0 - died(b));
      double delay = 0;
      for (Pathway p : {Pathway::P1, Pathway::P2, Pathway::P3}) delay += share(p, b) * assessment(p);
      lambda += a;
      bed_minutes += a * s.admission.los[b].mean() * season.los[b] + alive * (delay + departure_delay);
      for (std::size_t p = 0; p < kPathways; ++p) discharges[b][p] += alive * share(static_cast<Pathway>(p), b);
    }
    OfferedLoad o;
    o.resource = name_of(Capacity::AcuteBeds, s.sites[k].name);
    o.kind = Capacity::AcuteBeds;
    o.arrivals_per_day = lambda;
    o.mean_service_days = lambda > 0 ? bed_minutes / lambda / engine::kMinutesPerDay : 0.0;
    o.offered = bed_minutes / engine::kMinutesPerDay;
    o.capacity = s.sites[k].general_beds;
    o.rho = o.peak_rho = ratio(o.offered, o.capacity);
    loads.push_back(o);
  }

  // Reablement, intermediate care, care homes: each band holds its place until the package ends or a 91-day event.
  double to_care_home = 0;
  const auto downstream = [&](const DownstreamService& d, Capacity kind, Pathway pathway) {
    OfferedLoad o;
    o.resource = name_of(kind);
    o.kind = kind;
    double held_minutes = 0;
    const double within_91_days = held_within_91_days(d.duration);
    for (std::size_t b = 0; b < B; ++b) {
      const double lambda = discharges[b][static_cast<std::size_t>(pathway)];
      const Hazards91d& h = d.hazards_for(b);
      o.arrivals_per_day += lambda;
      held_minutes += lambda * mean_held(d.duration, within_91_days, h.readmit + h.care_home + h.death);
      to_care_home += lambda * h.care_home;
    }
    o.mean_service_days = o.arrivals_per_day > 0 ? held_minutes / o.arrivals_per_day / engine::kMinutesPerDay : 0.0;
    o.offered = o.arrivals_per_day * o.mean_service_days;
    o.capacity = d.capacity;
    o.rho = o.peak_rho = ratio(o.offered, o.capacity);
    return o;
  };
  if (s.reablement) loads.push_back(downstream(*s.reablement, Capacity::Reablement, Pathway::P1));
  if (s.intermediate_care) loads.push_back(downstream(*s.intermediate_care, Capacity::IntermediateCare, Pathway::P2));
  double to_care_home_p3 = 0;
  for (std::size_t b = 0; b < B; ++b) to_care_home_p3 += discharges[b][static_cast<std::size_t>(Pathway::P3)];
  if (s.care_homes) {
    double community = 0;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t b = 0; b < B; ++b)
        if (s.population.band_is_65plus[b])
          community += population.people(l, b, mid_years) * s.care_homes->community_admissions_per_1000_65plus / 1000.0 /
                       engine::kDaysPerYear;
    OfferedLoad o;
    o.resource = name_of(Capacity::CareHomes);
    o.kind = Capacity::CareHomes;
    o.arrivals_per_day = to_care_home_p3 + to_care_home + community;
    // A resident keeps their place while in hospital, and the stay's clock stops meanwhile; a death in hospital ends
    // the stay early (a competing exponential end at the residents' admission rate × the oldest band's death share).
    double away_per_year = 0, stay = s.care_homes->stay.mean();
    if (residents_ae) {
      const double admissions_per_year = residents_ae->attendances_per_year * std::min(1.0, residents_ae->admit * season.admit[B - 1]) * (1.0 - sdec);
      away_per_year = admissions_per_year * (s.admission.los[B - 1].mean() * season.los[B - 1] + departure_delay) / engine::kMinutesPerYear;
      stay = mean_until_either(s.care_homes->stay, admissions_per_year * died(B - 1) / engine::kMinutesPerYear);
    }
    o.mean_service_days = stay * (1.0 + away_per_year) / engine::kMinutesPerDay;
    o.offered = o.arrivals_per_day * o.mean_service_days;
    o.capacity = s.care_homes->beds;
    o.rho = o.peak_rho = ratio(o.offered, o.capacity);
    loads.push_back(o);
  }
  if (s.planned_care) theatre_loads(s, population, mid_years, loads);
  if (s.ambulance) {
    // Calls a vehicle attends: the conveyed attenders (by outcome) and the incidents seen and treated. Each holds a
    // vehicle for the job cycle without queues: drive, then scene + hospital + handover (triage) + clear, or the
    // longer see-and-treat scene time. Handover delays come on top, so this ρ is a lower bound (as the beds' is).
    const AmbulanceSettings& a = *s.ambulance;
    double conveyed = 0, seen = 0, triage = 0;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t b = 0; b < B; ++b) {
        const double admit = std::min(1.0, s.ae.admit_probability[b] * season.admit[b]);
        const double share = admit * a.conveyed_share_admitted[b] + (1.0 - admit) * a.conveyed_share_not_admitted[b];
        for (std::size_t k = 0; k < S; ++k) conveyed += (attend[(l * B + b) * S + k] + displaced[(l * B + b) * S + k]) * share;
        seen += population.people(l, b, mid_years) * a.not_conveyed_per_1000_per_year[b] / 1000.0 / engine::kDaysPerYear * season.ae[b] *
                (1.0 - a.hear_and_treat_share);
      }
    for (std::size_t k = 0; k < S; ++k) {
      if (residents_ae)
        conveyed += resident_attend[k] * (residents_ae->admit * a.conveyed_share_admitted[B - 1] + (1.0 - residents_ae->admit) * a.conveyed_share_not_admitted[B - 1]);
      if (s.sites[k].ae && s.sites[k].ae->triage && triage == 0) triage = s.sites[k].ae->triage->mean();
    }
    const double calls = conveyed + seen;
    const double cycle = a.response_drive.mean() +
                         (calls > 0 ? (conveyed * (a.on_scene.mean() + a.to_hospital.mean() + triage + a.clear.mean()) +
                                       seen * a.see_and_treat_on_scene.mean()) / calls
                                    : 0.0);
    OfferedLoad o = ae_load(calls, 0.0, 1.0, cycle, rota(a.vehicles));
    o.resource = name_of(Capacity::Ambulances);
    o.kind = Capacity::Ambulances;
    loads.push_back(o);
  }
  return loads;
}

std::string format_offered_load(const std::vector<OfferedLoad>& loads) {
  std::string out = fmt::format("  {:<34} {:>10} {:>11} {:>9} {:>9} {:>7} {:>9}\n", "resource", "arrivals/d", "mean held",
                                "offered", "capacity", "rho", "peak rho");
  for (const OfferedLoad& o : loads) {
    const bool ae = o.kind == Capacity::AeClinicians || o.kind == Capacity::AeMinorsClinicians || o.kind == Capacity::AeCubicles ||
                    o.kind == Capacity::Ambulances;
    const std::string held = ae || o.kind == Capacity::Theatres ? fmt::format("{:.1f} min", o.mean_service_days * engine::kMinutesPerDay)
                                : fmt::format("{:.2f} d", o.mean_service_days);
    const std::string flag = o.rho >= kUnstableRho ? "  <- demand exceeds capacity" : o.rho >= kNearUnstableRho ? "  <- near capacity" : "";
    out += fmt::format("  {:<34} {:>10.2f} {:>11} {:>9.2f} {:>9.2f} {:>7.3f} {:>9}{}\n", o.resource, o.arrivals_per_day, held,
                       o.offered, o.capacity, o.rho, ae ? fmt::format("{:.3f}", o.peak_rho) : std::string("-"), flag);
  }
  return out;
}

std::string offered_load_warning(const std::vector<OfferedLoad>& loads) {
  std::string out;
  for (const OfferedLoad& o : loads)
    if (o.rho >= kUnstableRho) out += fmt::format("{}{} rho={:.3f}", out.empty() ? "" : "; ", o.resource, o.rho);
  return out;
}

double max_rho(const std::vector<OfferedLoad>& loads) {
  double m = 0;
  for (const OfferedLoad& o : loads) m = std::max(m, o.rho);
  return m;
}

}  // namespace pfsim::models
