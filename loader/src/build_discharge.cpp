// discharge: pathway shares P0–P3, assessment delays and who a delayed day is attributed to (DESIGN §3 DToC).
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "build.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr std::array<std::string_view, scenario::kPathways> kPathwayKeys{"P0", "P1", "P2", "P3"};
constexpr std::string_view kP0Hint = "P0 (home, no support) has no assessment and is never delayed; use P1, P2 or P3";

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

constexpr std::string_view kParties = "nhs, social_care or both";

// One party (`social_care`) or shares over the three (`{nhs: 0.6, social_care: 0.3, both: 0.1}`).
scenario::DelayAttribution read_attribution(const At& at) {
  if (at.node().kind == SourceNode::Kind::Scalar) {
    const std::string& party = at.node().text;
    if (party == "nhs") return {1.0, 0.0, 0.0};
    if (party == "social_care") return {0.0, 1.0, 0.0};
    if (party == "both") return {0.0, 0.0, 1.0};
    at.fail(fmt::format("unknown party \"{}\"", party), fmt::format("use {} or shares such as {{nhs: 0.6, social_care: 0.4}}", kParties));
  }
  at.expect_map(fmt::format("{} or attribution shares (nhs, social_care, both)", kParties));
  at.check_keys({"nhs", "social_care", "both"});
  scenario::DelayAttribution attribution{0.0, 0.0, 0.0};
  if (auto v = at.get("nhs")) attribution.nhs = read_probability(*v);
  if (auto v = at.get("social_care")) attribution.social_care = read_probability(*v);
  if (auto v = at.get("both")) attribution.both = read_probability(*v);
  check_sums_to_one(at, attribution.nhs + attribution.social_care + attribution.both, "attribution shares");
  return attribution;
}

// discharge.attribution: by the delay's reason (DESIGN §5.2 DToC); the assessment's by pathway or one for all.
scenario::DelayAttributionRules read_attribution_rules(const At& at) {
  constexpr std::string_view kByReason =
      "attribution is by the delay's reason since pfsim 0.5: give assessment, reablement, intermediate_care and care_home, "
      "e.g. {assessment: nhs, reablement: social_care, intermediate_care: nhs, care_home: social_care}";
  at.expect_map("attribution by delay reason (assessment, reablement, intermediate_care, care_home)");
  at.check_keys({"assessment", "reablement", "intermediate_care", "care_home"},
                {{"P0", kByReason}, {"P1", kByReason}, {"P2", kByReason}, {"P3", kByReason}});
  scenario::DelayAttributionRules rules;
  if (auto assessment = at.get("assessment")) {
    if (assessment->node().kind == SourceNode::Kind::Map && (assessment->get("P1") || assessment->get("P2") || assessment->get("P3") || assessment->get("P0"))) {
      assessment->check_keys({"P1", "P2", "P3"}, {{"P0", kP0Hint}});
      for (std::size_t p = 1; p < kPathwayKeys.size(); ++p)
        if (auto shares = assessment->get(kPathwayKeys[p])) rules.assessment[p] = read_attribution(*shares);
    } else {
      rules.assessment.fill(read_attribution(*assessment));
    }
  }
  if (auto v = at.get("reablement")) rules.reablement = read_attribution(*v);
  if (auto v = at.get("intermediate_care")) rules.intermediate_care = read_attribution(*v);
  if (auto v = at.get("care_home")) rules.care_home = read_attribution(*v);
  return rules;
}

double read_weight(const At& at) { return read_nonnegative(at); }

// discharge.timing: `hour` relative weights (required), `weekday` factors with the busiest day 1 (optional, all 1).
scenario::DischargeTimingSettings read_timing(const At& at) {
  at.expect_map("discharge timing (hour, weekday)");
  at.check_keys({"hour", "weekday"});
  scenario::DischargeTimingSettings timing;
  const At hour = at.require("hour", "add `hour:` with 24 relative weights, 00:00-01:00 first (when in the day people leave)");
  const auto weights = read_numbers(hour, 24, "hours in a day", "hours in a day", read_weight);
  if (std::accumulate(weights.begin(), weights.end(), 0.0) <= 0)
    hour.fail("hour weights are all zero", "give relative weights with at least one above zero");
  std::copy(weights.begin(), weights.end(), timing.hour.begin());
  if (auto weekday = at.get("weekday")) {
    const auto factors = read_numbers(*weekday, 7, "days in a week, Monday first", "days in a week, Monday first", read_probability);
    // A factor is the share of a day's leavers who go that day; the rest wait for a day that takes them, so some day
    // must take everyone.
    if (*std::max_element(factors.begin(), factors.end()) < 1.0)
      weekday->fail("no day has factor 1",
                    "a factor is the share of that day's leavers who can go; give the busiest day 1 and the others shares of it, e.g. "
                    "[1, 1, 1, 1, 1, 0.65, 0.55]");
    std::copy(factors.begin(), factors.end(), timing.weekday.begin());
  }
  return timing;
}

}  // namespace

scenario::DischargeSettings build_discharge(const At& at, const scenario::Population& population) {
  at.expect_map("discharge settings (pathway_share, assessment_delay, attribution, timing)");
  at.check_keys({"pathway_share", "assessment_delay", "attribution", "timing"});
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
  if (auto attribution = at.get("attribution")) discharge.attribution = read_attribution_rules(*attribution);
  if (auto timing = at.get("timing")) discharge.timing = read_timing(*timing);
  return discharge;
}

}  // namespace pfsim::loader::detail
