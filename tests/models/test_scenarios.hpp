#pragma once
// Small scenarios built in code for model tests (the YAML versions live in scenarios/tests/).
#include "pfsim/engine/distribution.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models::testing {

inline constexpr double kMinutesPerYear = 365.25 * 1440.0;

/// One site, one locality, one age band "all"; A&E arrivals at `per_minute`, `clinicians` constant.
inline Scenario single_site(double ae_per_minute, int clinicians, int beds, int days = 200, int warmup = 10) {
  Scenario s;
  s.name = "test single site";
  s.run.days = days;
  s.run.warmup_days = warmup;
  s.run.seed = 12345;
  s.population.age_bands = {"all"};
  s.population.band_min_age = {0};
  s.population.band_is_adult = {true};
  s.population.band_is_65plus = {true};
  s.population.localities.push_back(Locality{"Town", "Area", {100000.0}, {}});
  Site site;
  site.name = "Hospital";
  SiteAe ae;
  ae.clinicians.weekday.fill(clinicians);
  ae.clinicians.weekend.fill(clinicians);
  ae.treatment = engine::Distribution::exponential(20.0);
  site.ae = ae;
  site.general_beds = beds;
  s.sites.push_back(site);
  s.ae.attendances_per_1000_per_year = {ae_per_minute * kMinutesPerYear / 100.0};
  s.ae.site_choice = {{1.0}};
  s.ae.admit_probability = {0.0};
  s.admission.los = {engine::Distribution::exponential(4 * 1440.0)};
  return s;
}

/// Direct admissions only (no A&E demand) at `per_day` into `beds` beds with exponential LOS.
inline Scenario beds_only(double per_day, double mean_los_days, int beds, int days, int warmup) {
  Scenario s = single_site(0.0, 1, beds, days, warmup);
  s.admission.direct_per_1000_per_year = {per_day * 365.25 / 100.0};
  s.admission.los = {engine::Distribution::exponential(mean_los_days * 1440.0)};
  return s;
}

/// A whole system with every module on; `unbounded` gives every downstream service huge capacity and no
/// assessment delay, so nobody can be delayed.
inline Scenario whole_system(bool unbounded) {
  Scenario s = single_site(150.0 / 1440.0, 6, 400, 120, 30);
  s.population.age_bands = {"0-17", "18-64", "65+"};
  s.population.band_min_age = {0, 18, 65};
  s.population.band_is_adult = {false, true, true};
  s.population.band_is_65plus = {false, false, true};
  s.population.localities = {Locality{"North", "A", {20000, 60000, 20000}, {0.0, 0.01, 0.03}},
                             Locality{"South", "B", {15000, 45000, 15000}, {0.0, 0.0, 0.02}}};
  s.ae.attendances_per_1000_per_year = {300, 250, 500};
  s.ae.site_choice = {{1.0}, {1.0}};
  s.ae.admit_probability = {0.1, 0.2, 0.5};
  s.ae.sdec_share = 0.25;
  s.sites[0].ae->treatment = engine::Distribution::lognormal(40, 35);
  s.sites[0].ae->triage = engine::Distribution::exponential(10);
  s.admission.direct_per_1000_per_year = {5, 6, 30};
  s.admission.los = {engine::Distribution::lognormal(2 * 1440.0, 3 * 1440.0), engine::Distribution::lognormal(4.5 * 1440.0, 6.5 * 1440.0),
                     engine::Distribution::lognormal(9 * 1440.0, 13 * 1440.0)};
  DischargeSettings d;
  d.pathway_share = {0.5, 0.4, 0.07, 0.03};
  if (!unbounded) {
    d.assessment_delay[1] = engine::Distribution::gamma(1440.0, 1440.0);
    d.assessment_delay[2] = engine::Distribution::gamma(2 * 1440.0, 2 * 1440.0);
    d.assessment_delay[3] = engine::Distribution::gamma(7 * 1440.0, 5 * 1440.0);
  }
  d.attribution.assessment.fill({1.0, 0.0, 0.0});
  d.attribution.reablement = {0.2, 0.7, 0.1};
  d.attribution.intermediate_care = {0.9, 0.0, 0.1};
  d.attribution.care_home = {0.1, 0.75, 0.15};
  s.discharge = d;
  const int big = 1'000'000;
  s.reablement = DownstreamService{unbounded ? big : 190, engine::Distribution::gamma(14 * 1440.0, 10 * 1440.0), {0.15, 0.03, 0.1}, {}};
  s.intermediate_care = DownstreamService{unbounded ? big : 34, engine::Distribution::gamma(14 * 1440.0, 8 * 1440.0), {0.15, 0.1, 0.14}, {}};
  s.care_homes = CareHomeSettings{unbounded ? big : 1300, 1100, 2.0, engine::Distribution::weibull(0.8, 870 * 1440.0), {}};
  s.readmission = ReadmissionSettings{{0.08, 0.1, 0.14}};
  PrimaryCareSettings pc;
  pc.appointments_per_person_per_year = {3.5, 4.3, 9.0};
  pc.slots_per_week = {8000, 6000};
  pc.daily_cv = 0.1;
  pc.unmet_to_ae = 0.01;
  s.primary_care = pc;
  return s;
}

}  // namespace pfsim::models::testing
