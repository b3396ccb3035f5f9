// ae: attendance rates, arrival profile, locality → site choice and outcomes (DESIGN §3 "A&E").
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"

namespace pfsim::loader::detail {
namespace {

double read_rate(const At& at) {
  return read_nonnegative(at, kMaxRatePer1000, "more than 1,000 per person per year is not a plausible rate");
}

double read_weight(const At& at) { return read_nonnegative(at); }

template <std::size_t N>
void read_profile(const At& profile, std::string_view key, std::string_view of_what, std::array<double, N>& out) {
  // N is never 1, so only the plural is ever shown.
  auto at = profile.get(key);
  if (!at) return;  // absent = flat
  const auto weights = read_numbers(*at, N, of_what, of_what, read_weight);
  if (std::accumulate(weights.begin(), weights.end(), 0.0) <= 0)
    at->fail(fmt::format("{} weights are all zero", key), "give relative weights with at least one above zero, or remove the key for a flat profile");
  std::copy(weights.begin(), weights.end(), out.begin());
}

engine::RateProfile read_arrival_profile(const At& at) {
  at.expect_map("arrival profile weights (hour, weekday, month)");
  at.check_keys({"hour", "weekday", "month"});
  engine::RateProfile profile = engine::RateProfile::flat();
  read_profile(at, "hour", "hours in a day", profile.hour);
  read_profile(at, "weekday", "days in a week, Monday first", profile.weekday);
  read_profile(at, "month", "months, January first", profile.month);
  // Weights are relative (e.g. % of the day); normalising keeps the attendance rate the long-run mean.
  if (!profile.normalise()) at.fail("arrival profile cannot be normalised", "weights must be finite, non-negative and not all zero");
  return profile;
}

std::vector<std::vector<double>> read_site_choice(const At& at, const scenario::Population& population,
                                                  const std::vector<scenario::Site>& sites) {
  std::vector<std::string> site_names, ae_site_names;
  for (const auto& site : sites) {
    site_names.push_back(site.name);
    if (site.ae) ae_site_names.push_back(site.name);
  }
  std::vector<std::vector<double>> choice(population.localities.size(), std::vector<double>(sites.size(), 0.0));
  read_by_locality(at, population, [&](std::size_t locality, const At& row) {
    row.expect_map("site shares (site name: share)");
    double sum = 0;
    for (const auto& [entry, share] : row.entries()) {
      auto it = std::find(site_names.begin(), site_names.end(), entry->key);
      if (it == site_names.end())
        fail_at_key(*entry, share.path(), fmt::format("unknown site \"{}\"", shorten(entry->key)), suggestion_hint(entry->key, site_names, "sites"));
      const auto site = static_cast<std::size_t>(it - site_names.begin());
      choice[locality][site] = read_probability(share);
      // A zero share is allowed: it is what an option that closes an A&E leaves after deep-merging rows.
      if (!sites[site].ae && choice[locality][site] > 0)
        fail_at_key(*entry, share.path(), fmt::format("site \"{}\" has no A&E (no `ae:` block)", entry->key),
                    ae_site_names.empty() ? std::string("add an `ae:` block to the site") : suggestion_hint(entry->key, ae_site_names, "sites with an A&E"));
      sum += choice[locality][site];
    }
    check_sums_to_one(row, sum, "site shares");
  }, "{Southend: 1.0}");
  return choice;
}

}  // namespace

scenario::AeSettings build_ae(const At& at, const scenario::Population& population, const std::vector<scenario::Site>& sites) {
  at.expect_map("A&E settings (attendances_per_1000_per_year, arrival_profile, site_choice, outcomes, minors_share, clinician_queue, patience)");
  at.check_keys({"attendances_per_1000_per_year", "arrival_profile", "site_choice", "outcomes", "minors_share", "clinician_queue", "patience"});
  scenario::AeSettings ae;
  ae.attendances_per_1000_per_year = read_per_band(at.require("attendances_per_1000_per_year"), population, read_rate);
  if (auto profile = at.get("arrival_profile")) ae.arrival_profile = read_arrival_profile(*profile);
  ae.site_choice = read_site_choice(at.require("site_choice", "add `site_choice:` with a row `Locality: {Site: 1.0}` per locality"),
                                    population, sites);
  const At outcomes = at.require("outcomes", "add `outcomes: {admit: [...per band...], sdec: 0}`");
  outcomes.expect_map("outcome probabilities (admit, sdec)");
  outcomes.check_keys({"admit", "sdec"});
  ae.admit_probability = read_per_band(outcomes.require("admit"), population, read_probability);
  if (auto sdec = outcomes.get("sdec")) ae.sdec_share = read_probability(*sdec);
  if (auto minors = at.get("minors_share")) ae.minors_share = read_per_band(*minors, population, read_probability);
  // A minors stream nobody belongs to would sit idle while its patients queue in majors: a forgotten key.
  if (ae.minors_share.empty())
    for (const auto& site : sites)
      if (site.ae && site.ae->minors)
        at.fail(fmt::format("sites.{}.ae.minors has a minors stream but nobody is sent to it", site.name),
                "add `minors_share: [...per band...]` here: the share of attendances not admitted that are treated in minors");
  if (auto queue = at.get("clinician_queue")) {
    const std::string order = read_string(*queue);
    if (order != "arrival" && order != "acuity")
      queue->fail(fmt::format("unknown clinician queue order \"{}\"", order),
                  "write `clinician_queue: acuity` (patients who will be admitted first) or `clinician_queue: arrival`");
    ae.acuity_priority = order == "acuity";
  }
  if (auto patience = at.get("patience")) ae.patience = read_distribution(*patience);
  return ae;
}

}  // namespace pfsim::loader::detail
