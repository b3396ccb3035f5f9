// admission: direct (GP-referred) admission rates and length of stay to medically fit, by age band.
#include <algorithm>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"

namespace pfsim::loader::detail {
namespace {

double read_rate(const At& at) {
  return read_nonnegative(at, kMaxRatePer1000, "more than 1,000 per person per year is not a plausible rate");
}

// los is keyed by band label (not positional) so a reordered band list cannot silently shift stays.
std::vector<engine::Distribution> read_los(const At& at, const scenario::Population& population) {
  at.expect_map("length-of-stay distributions by age band");
  const auto& bands = population.age_bands;
  std::vector<std::optional<engine::Distribution>> by_band(bands.size());
  for (const auto& [entry, value] : at.entries()) {
    auto it = std::find(bands.begin(), bands.end(), entry->key);
    if (it == bands.end())
      fail_at_key(*entry, value.path(), fmt::format("unknown age band \"{}\"", shorten(entry->key)),
                  suggestion_hint(entry->key, bands, "age bands"));
    by_band[static_cast<std::size_t>(it - bands.begin())] = read_distribution(value);
  }
  std::vector<engine::Distribution> los;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (!by_band[b])
      at.fail(fmt::format("missing age band \"{}\"", bands[b]),
              fmt::format("every age band needs a stay, e.g. `\"{}\": \"lognormal(mean=6d, sd=9d)\"`", bands[b]));
    los.push_back(*by_band[b]);
  }
  return los;
}

// conditions: {falls: [by band], acsc_chronic: [...], acsc_urgent: [...]}, each optional, shares of a band's emergency
// admissions; the rest of a band is Other, so the three may not add up to more than 1.
std::vector<std::vector<double>> read_conditions(const At& at, const scenario::Population& population) {
  at.expect_map("condition shares by age band (falls, acsc_chronic, acsc_urgent)");
  static_assert(scenario::kNamedConditions == 3, "the keys below name every condition");
  at.check_keys({scenario::kConditionNames[0], scenario::kConditionNames[1], scenario::kConditionNames[2]});
  std::vector<std::vector<double>> shares(scenario::kNamedConditions, std::vector<double>(population.age_bands.size(), 0.0));
  if (at.entries().empty()) at.fail("no condition given", "add e.g. `falls: [0.01, 0.02, 0.06, 0.1, 0.14]` (a share per age band)");
  for (std::size_t c = 0; c < scenario::kNamedConditions; ++c)
    if (auto v = at.get(scenario::kConditionNames[c])) shares[c] = read_per_band(*v, population, read_probability);
  for (std::size_t b = 0; b < population.age_bands.size(); ++b) {
    double sum = 0;
    for (const auto& condition : shares) sum += condition[b];
    if (sum > 1.0 + 1e-9)
      at.fail(fmt::format("the condition shares of age band \"{}\" add up to {:.4g}, more than 1", population.age_bands[b], sum),
              "each is a share of the band's emergency admissions; the rest are other conditions");
  }
  return shares;
}

}  // namespace

scenario::AdmissionSettings build_admission(const At& at, const scenario::Population& population) {
  at.expect_map("admission settings (direct_per_1000_per_year, los, died_in_hospital, conditions)");
  at.check_keys({"direct_per_1000_per_year", "los", "died_in_hospital", "conditions"});
  scenario::AdmissionSettings admission;
  if (auto direct = at.get("direct_per_1000_per_year")) admission.direct_per_1000_per_year = read_per_band(*direct, population, read_rate);
  admission.los = read_los(at.require("los", "add `los:` with a distribution per age band"), population);
  if (auto died = at.get("died_in_hospital")) admission.died_in_hospital = read_per_band(*died, population, read_probability);
  if (auto conditions = at.get("conditions")) admission.condition_shares = read_conditions(*conditions, population);
  return admission;
}

}  // namespace pfsim::loader::detail
