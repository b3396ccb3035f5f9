#include "pfsim/run/run_meta.hpp"

#include <chrono>

#include <fmt/format.h>

#include "pfsim/engine/time.hpp"
#include "pfsim/run/sampled_scenarios.hpp"

namespace pfsim::run {

std::string pilot_start(const scenario::Scenario& scenario, const models::WarmupChoice& warmup) {
  return engine::to_iso(std::chrono::year_month_day{std::chrono::sys_days{scenario.run.start_date} - std::chrono::days{warmup.pilot_warmup_days}});
}

void add_run_meta(output::RunRecord& record, const scenario::Scenario& scenario, const ReplicationPlan& plan,
                  const ReplicationRun& run, const std::string& ci_kpi, const std::optional<models::WarmupChoice>& warmup,
                  const SampledScenarios* sampled) {
  record.extra_meta.emplace_back("invariant_checks", scenario.run.check_invariants ? "on" : "off");
  if (plan.target_ci_half) {
    record.extra_meta.emplace_back("ci_kpi", ci_kpi);
    record.extra_meta.emplace_back("target_ci_half", fmt::format("{}", *plan.target_ci_half));
    record.extra_meta.emplace_back("target_met", run.target_met ? "yes" : "no");
    record.extra_meta.emplace_back("replications_needed", fmt::format("{}", run.replications_needed));
    record.extra_meta.emplace_back("achieved_ci_half", fmt::format("{}", run.achieved_ci_half));
  }
  if (warmup) {
    std::string by_site;
    for (std::size_t k = 0; k < warmup->by_site.size(); ++k)
      by_site += fmt::format("{}{}={}", k ? "," : "", scenario.sites[k].name, warmup->by_site[k]);
    record.extra_meta.emplace_back("warmup_method", "mser5");
    record.extra_meta.emplace_back("warmup_by_site", by_site);
    record.extra_meta.emplace_back("warmup_care_homes", fmt::format("{}", warmup->care_homes));
    record.extra_meta.emplace_back("warmup_pilot", fmt::format("{} replications x ({} warm-up + {}) days from {}", warmup->pilot_replications,
                                                               warmup->pilot_warmup_days, warmup->pilot_days - warmup->pilot_warmup_days,
                                                               pilot_start(scenario, *warmup)));
  }
  if (sampled) {
    record.extra_meta.emplace_back("parameter_uncertainty", sampled->meta_description());
    record.table_groups.push_back(sampled->samples_table(run.results.size()));
  }
  if (scenario.census) record.extra_meta.emplace_back("census_people", fmt::format("{}", scenario.census->people.size()));
}

}  // namespace pfsim::run
