// ambulance: who of the A&E attenders is conveyed, the incidents attended without conveying, the fleet and its job
// cycle, and the spaces where a crew can hand over (DESIGN §3 Ambulances).
#include <algorithm>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr double kMaxIncidentsPer1000 = 5000.0;

double read_incident_rate(const At& at) {
  return read_nonnegative(at, kMaxIncidentsPer1000, "more than 5 ambulance incidents per person per year is not plausible");
}

// One share for every band, or a list with one per band.
std::vector<double> read_share_per_band(const At& at, const scenario::Population& population) {
  if (at.node().kind == SourceNode::Kind::Scalar) return std::vector<double>(population.age_bands.size(), read_probability(at));
  return read_per_band(at, population, read_probability);
}

std::vector<int> read_cohort_spaces(const At& at, const std::vector<scenario::Site>& sites) {
  at.expect_map("site name → corridor / cohorting spaces, e.g. {Southend: 6}");
  std::vector<std::string> names;
  for (const auto& site : sites) names.push_back(site.name);
  std::vector<int> spaces(sites.size(), 0);
  for (const auto& [entry, value] : at.entries()) {
    const auto it = std::find(names.begin(), names.end(), entry->key);
    if (it == names.end())
      fail_at_key(*entry, value.path(), fmt::format("unknown site \"{}\"", shorten(entry->key)), suggestion_hint(entry->key, names, "sites"));
    if (!sites[static_cast<std::size_t>(it - names.begin())].ae)
      fail_at_key(*entry, value.path(), fmt::format("site \"{}\" has no A&E to hand over to", entry->key),
                  "give cohort spaces only to sites with an `ae:` block");
    spaces[static_cast<std::size_t>(it - names.begin())] = read_capacity(value);
  }
  return spaces;
}

}  // namespace

scenario::AmbulanceSettings build_ambulance(const At& at, const scenario::Scenario& scenario) {
  at.expect_map("ambulance settings (conveyed_share, not_conveyed_per_1000_per_year, vehicles, ...)");
  at.check_keys({"conveyed_share", "not_conveyed_per_1000_per_year", "hear_and_treat_share", "categories", "vehicles",
                 "response_drive", "on_scene", "see_and_treat_on_scene", "to_hospital", "clear", "cohort_spaces"});
  const scenario::Population& population = scenario.population;
  scenario::AmbulanceSettings a;
  const At conveyed = at.require("conveyed_share", "add `conveyed_share: {admitted: 0.65, not_admitted: 0.26}` (A&E attenders who arrive by ambulance)");
  conveyed.expect_map("{admitted: share, not_admitted: share}, each one number or one per age band");
  conveyed.check_keys({"admitted", "not_admitted"});
  a.conveyed_share_admitted = read_share_per_band(conveyed.require("admitted", "add `admitted: 0.65` (of attenders who will be admitted)"), population);
  a.conveyed_share_not_admitted =
      read_share_per_band(conveyed.require("not_admitted", "add `not_admitted: 0.26` (of attenders who will not be admitted)"), population);
  a.not_conveyed_per_1000_per_year = read_per_band(
      at.require("not_conveyed_per_1000_per_year", "add the see-and-treat and hear-and-treat incidents per 1,000 people a year, one per age band"),
      population, read_incident_rate);
  if (auto v = at.get("hear_and_treat_share")) a.hear_and_treat_share = read_probability(*v);
  if (auto categories = at.get("categories")) {
    categories->expect_map("{cat1: share, cat2: share} of incidents a vehicle attends (the rest are categories 3 and 4)");
    categories->check_keys({"cat1", "cat2"});
    if (auto v = categories->get("cat1")) a.category1_share = read_probability(*v);
    if (auto v = categories->get("cat2")) a.category2_share = read_probability(*v);
    if (a.category1_share + a.category2_share > 1.0 + 1e-9)
      categories->fail(fmt::format("cat1 + cat2 = {:g}, more than 1", a.category1_share + a.category2_share),
                       "the shares are of the incidents a vehicle attends; categories 3 and 4 take what is left");
  }
  a.vehicles = read_rota(at.require("vehicles", "add `vehicles: 20` (on shift) or an hourly rota"), "vehicles");
  const auto distribution = [&](const char* key, const char* example) {
    return read_distribution(at.require(key, fmt::format("add e.g. `{}: \"{}\"`", key, example)));
  };
  a.response_drive = distribution("response_drive", "lognormal(mean=10min, sd=5min)");
  a.on_scene = distribution("on_scene", "lognormal(mean=35min, sd=15min)");
  a.see_and_treat_on_scene = distribution("see_and_treat_on_scene", "lognormal(mean=55min, sd=25min)");
  a.to_hospital = distribution("to_hospital", "lognormal(mean=20min, sd=10min)");
  a.clear = distribution("clear", "lognormal(mean=15min, sd=6min)");
  a.cohort_spaces.assign(scenario.sites.size(), 0);
  if (auto spaces = at.get("cohort_spaces")) a.cohort_spaces = read_cohort_spaces(*spaces, scenario.sites);
  if (std::none_of(scenario.sites.begin(), scenario.sites.end(), [](const scenario::Site& s) { return s.ae.has_value(); }))
    at.fail("no site has an A&E to convey patients to", "add an `ae:` block to a site, or remove `ambulance:`");
  return a;
}

}  // namespace pfsim::loader::detail
