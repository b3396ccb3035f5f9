// Optional downstream and community services: reablement / intermediate care, care homes, readmission,
// primary care, virtual wards (DESIGN §3). Each is off when its section is absent.
#include <algorithm>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"

namespace pfsim::loader::detail {
namespace {

double read_cv(const At& at) { return read_number_in(at, 0.0, 10.0); }

double read_appointments(const At& at) {
  return read_nonnegative(at, kMaxPerPersonPerYear, "more than 1,000 appointments per person per year is not plausible");
}

double read_slots(const At& at) {
  return read_nonnegative(at, static_cast<double>(kMaxCapacity), "capacities above 10 million are not supported");
}

scenario::Hazards91d read_hazards(const At& at) {
  at.expect_map("91-day outcome probabilities (readmit, care_home, death)");
  at.check_keys({"readmit", "care_home", "death"});
  scenario::Hazards91d h;
  if (auto v = at.get("readmit")) h.readmit = read_probability(*v);
  if (auto v = at.get("care_home")) h.care_home = read_probability(*v);
  if (auto v = at.get("death")) h.death = read_probability(*v);
  // The outcomes are exclusive; the rest of the people are at home at 91 days (ASCOF 2B).
  const double sum = h.readmit + h.care_home + h.death;
  if (sum > 1.0 + 1e-6)
    at.fail(fmt::format("91-day outcome probabilities sum to {}, more than 1", show(sum)),
            "readmit + care_home + death is the share not at home, so it cannot exceed 1");
  return h;
}

}  // namespace

scenario::DownstreamService build_downstream(const At& at, const scenario::Population& population) {
  at.expect_map("service settings (capacity, duration, hazards_91d)");
  at.check_keys({"capacity", "duration", "hazards_91d"});
  scenario::DownstreamService service;
  service.capacity = read_capacity(at.require("capacity", "add `capacity: N` (concurrent packages or beds)"));
  service.duration = read_distribution(at.require("duration", R"~(add e.g. `duration: "gamma(mean=14d, sd=10d)"`)~"));
  if (auto hazards = at.get("hazards_91d")) {
    // One set for every adult, or one per adult band (care-home moves and deaths rise steeply with age).
    if (keyed_by_band(*hazards, {"readmit", "care_home", "death"}))
      service.hazards_by_band = read_by_adult_band(*hazards, population, read_hazards, "{readmit: 0.1, care_home: 0.02, death: 0.03}");
    else
      service.hazards = read_hazards(*hazards);
  }
  return service;
}

scenario::CareHomeSettings build_care_homes(const At& at) {
  at.expect_map("care home settings (beds, initial_residents, community_admissions_per_1000_65plus, stay, residents_ae)");
  at.check_keys({"beds", "initial_residents", "community_admissions_per_1000_65plus", "stay", "residents_ae"});
  scenario::CareHomeSettings care_homes;
  care_homes.beds = read_capacity(at.require("beds", "add `beds: N` (care-home places)"));
  if (auto initial = at.get("initial_residents")) {
    care_homes.initial_residents = read_capacity(*initial);
    if (care_homes.initial_residents > care_homes.beds)
      initial->fail(fmt::format("initial_residents {} exceeds beds {}", care_homes.initial_residents, care_homes.beds),
                    "residents at the start cannot exceed the places available");
  }
  if (auto community = at.get("community_admissions_per_1000_65plus"))
    care_homes.community_admissions_per_1000_65plus = read_nonnegative(*community, 1000.0, "more than one admission per person per year is not plausible");
  care_homes.stay = read_distribution(at.require("stay", R"~(add e.g. `stay: "weibull(shape=0.8, scale=870d)"`)~"));
  if (auto ae = at.get("residents_ae")) {
    ae->expect_map("residents' A&E demand (attendances_per_year, admit)");
    ae->check_keys({"attendances_per_year", "admit"});
    care_homes.residents_ae = scenario::CareHomeResidentsAe{
        read_nonnegative(ae->require("attendances_per_year", "add e.g. `attendances_per_year: 1.5` (A&E attendances per resident-year)"),
                         kMaxResidentAttendances, "more than 50 A&E attendances per resident a year is not plausible"),
        read_probability(ae->require("admit", "add e.g. `admit: 0.55` (the share of residents' attendances admitted)"))};
  }
  return care_homes;
}

scenario::ReadmissionSettings build_readmission(const At& at, const scenario::Population& population) {
  at.expect_map("readmission settings (within_30d)");
  at.check_keys({"within_30d"});
  return scenario::ReadmissionSettings{read_per_band(at.require("within_30d"), population, read_probability)};
}

scenario::PrimaryCareSettings build_primary_care(const At& at, const scenario::Population& population) {
  at.expect_map("primary care settings (appointments_per_person_per_year, slots_per_week, daily_cv, unmet_to_ae)");
  at.check_keys({"appointments_per_person_per_year", "slots_per_week", "daily_cv", "unmet_to_ae"});
  scenario::PrimaryCareSettings primary_care;
  primary_care.appointments_per_person_per_year = read_per_band(at.require("appointments_per_person_per_year"), population, read_appointments);
  primary_care.slots_per_week.assign(population.localities.size(), 0.0);
  read_by_locality(at.require("slots_per_week", "add `slots_per_week:` with `Locality: N` for every locality"), population,
                   [&](std::size_t locality, const At& slots) { primary_care.slots_per_week[locality] = read_slots(slots); },
                   "3400");
  if (auto cv = at.get("daily_cv")) primary_care.daily_cv = read_cv(*cv);
  if (auto unmet = at.get("unmet_to_ae")) primary_care.unmet_to_ae = read_probability(*unmet);
  return primary_care;
}

scenario::VirtualWardSettings build_virtual_wards(const At& at, const scenario::Population& population,
                                                 const std::vector<scenario::Site>& sites) {
  at.expect_map("virtual ward settings (capacity, step_down, step_up)");
  at.check_keys({"capacity", "step_down", "step_up"});
  scenario::VirtualWardSettings wards;
  wards.capacity.assign(sites.size(), 0);
  const At capacity = at.require("capacity", "add `capacity:` with `Site: N` slots for each site that has a virtual ward");
  capacity.expect_map("site name → virtual-ward slots");
  std::vector<std::string> names;
  for (const auto& site : sites) names.push_back(site.name);
  for (const auto& [entry, value] : capacity.entries()) {
    const auto it = std::find(names.begin(), names.end(), entry->key);
    if (it == names.end())
      fail_at_key(*entry, value.path(), fmt::format("unknown site \"{}\"", shorten(entry->key)), suggestion_hint(entry->key, names, "sites"));
    wards.capacity[static_cast<std::size_t>(it - names.begin())] = read_capacity(value);
  }
  // `capacity: {}` leaves every site without slots: the wards could take nobody, which is never what was meant.
  if (capacity.node().entries.empty())
    capacity.fail("no site has virtual-ward slots", "give `Site: N` for each site with a virtual ward, e.g. `capacity: {" +
                                                        (names.empty() ? std::string("Site") : names.front()) + ": 40}`");
  if (auto step_down = at.get("step_down")) {
    step_down->expect_map("step-down settings (eligible, shortening)");
    step_down->check_keys({"eligible", "shortening"});
    wards.step_down.emplace();
    wards.step_down->eligible = read_per_band(
        step_down->require("eligible", "add `eligible:` with the share of P0 admissions that may step down, by age band"), population,
        read_probability);
    wards.step_down->shortening = read_distribution(
        step_down->require("shortening", R"~(add e.g. `shortening: "lognormal(mean=2d, sd=1.5d)"` (acute days moved to the ward))~"));
  }
  if (auto step_up = at.get("step_up")) {
    step_up->expect_map("step-up settings (share, los)");
    step_up->check_keys({"share", "los"});
    wards.step_up.emplace();
    wards.step_up->share = read_per_band(
        step_up->require("share", "add `share:` with the share of A&E admissions treated on the ward instead, by age band"), population,
        read_probability);
    wards.step_up->los = read_distribution(step_up->require("los", R"~(add e.g. `los: "lognormal(mean=4d, sd=3d)"`)~"));
  }
  if (!wards.step_down && !wards.step_up)
    at.fail("virtual wards need `step_down`, `step_up` or both", "add `step_down: {eligible: [...], shortening: ...}` or "
                                                                 "`step_up: {share: [...], los: ...}`, or remove the section");
  return wards;
}

}  // namespace pfsim::loader::detail
