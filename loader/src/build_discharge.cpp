// discharge: pathway shares P0–P3, assessment delays and who a delayed day is attributed to (DESIGN §3 DToC).
#include <fmt/format.h>

#include "build.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr std::array<std::string_view, scenario::kPathways> kPathwayKeys{"P0", "P1", "P2", "P3"};
constexpr std::string_view kP0Hint = "P0 (home, no support) has no assessment delay or attribution; use P1, P2 or P3";

std::array<double, scenario::kPathways> read_pathway_share(const At& at) {
  at.expect_map("pathway shares (P0, P1, P2, P3)");
  at.check_keys({"P0", "P1", "P2", "P3"});
  std::array<double, scenario::kPathways> share{};  // missing pathways have share 0
  double sum = 0;
  for (std::size_t p = 0; p < share.size(); ++p)
    if (auto value = at.get(kPathwayKeys[p])) sum += share[p] = read_probability(*value);
  check_sums_to_one(at, sum, "pathway shares");
  return share;
}

scenario::DelayAttribution read_attribution(const At& at) {
  at.expect_map("attribution shares (nhs, social_care, both)");
  at.check_keys({"nhs", "social_care", "both"});
  scenario::DelayAttribution attribution{0.0, 0.0, 0.0};
  if (auto v = at.get("nhs")) attribution.nhs = read_probability(*v);
  if (auto v = at.get("social_care")) attribution.social_care = read_probability(*v);
  if (auto v = at.get("both")) attribution.both = read_probability(*v);
  check_sums_to_one(at, attribution.nhs + attribution.social_care + attribution.both, "attribution shares");
  return attribution;
}

}  // namespace

scenario::DischargeSettings build_discharge(const At& at, const scenario::Population& population) {
  at.expect_map("discharge settings (pathway_share, assessment_delay, attribution)");
  at.check_keys({"pathway_share", "assessment_delay", "attribution"});
  scenario::DischargeSettings discharge;
  if (auto share = at.get("pathway_share")) {
    // One split for every adult, or one per adult band (older people need more support after a stay).
    if (keyed_by_band(*share, {"P0", "P1", "P2", "P3"}))
      discharge.pathway_share_by_band = read_by_adult_band(*share, population, read_pathway_share, "{P0: 0.8, P1: 0.15, P2: 0.04, P3: 0.01}");
    else
      discharge.pathway_share = read_pathway_share(*share);
  }
  if (auto delays = at.get("assessment_delay")) {
    delays->expect_map("assessment delays (P1, P2, P3)");
    delays->check_keys({"P1", "P2", "P3"}, {{"P0", kP0Hint}});
    for (std::size_t p = 1; p < kPathwayKeys.size(); ++p)
      if (auto delay = delays->get(kPathwayKeys[p])) discharge.assessment_delay[p] = read_distribution(*delay);
  }
  if (auto attribution = at.get("attribution")) {
    attribution->expect_map("attribution by pathway (P1, P2, P3)");
    attribution->check_keys({"P1", "P2", "P3"}, {{"P0", kP0Hint}});
    for (std::size_t p = 1; p < kPathwayKeys.size(); ++p)
      if (auto shares = attribution->get(kPathwayKeys[p])) discharge.attribution[p] = read_attribution(*shares);
  }
  return discharge;
}

}  // namespace pfsim::loader::detail
