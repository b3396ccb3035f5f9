#include "pfsim/run/run_record.hpp"

#include <chrono>
#include <ctime>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "pfsim/engine/time.hpp"
#include "pfsim/models/offered_load.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/run/scheme_summary.hpp"
#include "pfsim/run/stability.hpp"
#include "pfsim/run/version.hpp"

namespace pfsim::run {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                     utc.tm_min, utc.tm_sec);
}

output::RunRecord make_run_record(const scenario::Scenario& scenario, const std::vector<models::ReplicationResult>& results,
                                  const std::string& command_line) {
  output::RunRecord record;
  record.pfsim_version = std::string(kVersion);
  record.scenario_name = scenario.name;
  record.start_date = engine::to_iso(scenario.run.start_date);
  record.created = utc_now();
  record.seed = scenario.run.seed;
  record.replications = static_cast<std::int64_t>(results.size());
  record.warmup_days = scenario.run.warmup_days;
  record.days = scenario.run.days;
  record.extra_meta.emplace_back("command_line", command_line);
  record.extra_meta.emplace_back("source_file", scenario.source_file);
  // Stability checks (DESIGN §3): only written when something is flagged, so a stable run's /meta is as before.
  if (const std::string warning = models::offered_load_warning(models::offered_load(scenario)); !warning.empty())
    record.extra_meta.emplace_back("offered_load_warning", warning);
  if (const std::string warning = models::warmup_warning(scenario); !warning.empty())
    record.extra_meta.emplace_back("warmup_warning", warning);
  if (const std::vector<QueueTrend> trends = queue_trends(scenario, results); !unstable_resources(trends).empty()) {
    record.extra_meta.emplace_back("unstable", unstable_resources(trends));
    record.extra_meta.emplace_back("unstable_detail", unstable_detail(trends));
  }
  if (!scenario.headline_kpis.empty()) record.extra_meta.emplace_back("headline_kpis", fmt::format("{}", fmt::join(scenario.headline_kpis, ", ")));
  record.scenario_yaml = scenario.resolved_yaml;

  // A module's entries are written only when the scenario has the module (KpiInfo::module), so a scenario without
  // it has exactly the datasets it had before the module existed.
  const auto& kpis = scenario::kpi_catalogue();
  for (std::size_t k = 0; k < kpis.size(); ++k) {
    if (!scenario::kpi_written(kpis[k], scenario)) continue;
    output::Kpi column{std::string(kpis[k].name), std::string(kpis[k].units), std::string(kpis[k].description), {}};
    for (const auto& r : results) column.per_replication.push_back(r.kpi[k]);
    record.kpis.push_back(std::move(column));
  }
  const auto& daily = scenario::daily_catalogue();
  for (std::size_t k = 0; k < daily.size(); ++k) {
    if (!scenario::kpi_written(daily[k], scenario)) continue;
    output::DailySeries series{std::string(daily[k].name), std::string(daily[k].units), std::string(daily[k].description),
                               results.size(), static_cast<std::size_t>(scenario.run.days), {}};
    for (const auto& r : results) series.values.insert(series.values.end(), r.daily[k].begin(), r.daily[k].end());
    record.daily.push_back(std::move(series));
  }
  for (const auto& site : scenario.sites) record.site_names.push_back(site.name);
  for (const auto& locality : scenario.population.localities) record.locality_names.push_back(locality.name);
  const auto& by_site = scenario::by_site_catalogue();
  for (std::size_t k = 0; k < by_site.size(); ++k) {
    if (!scenario::kpi_written(by_site[k], scenario)) continue;
    output::Breakdown b{std::string(by_site[k].name), std::string(by_site[k].units), std::string(by_site[k].description), {}};
    for (const auto& r : results) b.values.insert(b.values.end(), r.by_site[k].begin(), r.by_site[k].end());
    record.by_site.push_back(std::move(b));
  }
  const auto& by_locality = scenario::by_locality_catalogue();
  for (std::size_t k = 0; k < by_locality.size(); ++k) {
    if (!scenario::kpi_written(by_locality[k], scenario)) continue;
    output::Breakdown b{std::string(by_locality[k].name), std::string(by_locality[k].units), std::string(by_locality[k].description), {}};
    for (const auto& r : results) b.values.insert(b.values.end(), r.by_locality[k].begin(), r.by_locality[k].end());
    record.by_locality.push_back(std::move(b));
  }
  // /monthly/<kpi> [replication × month] with the month labels ("2019-12") in /monthly/names.
  output::TableGroup monthly{"monthly", scenario::measured_months(scenario.run.start_date, scenario.run.days).labels, {}};
  const auto& monthly_kpis = scenario::monthly_catalogue();
  for (std::size_t k = 0; k < monthly_kpis.size(); ++k) {
    if (!scenario::kpi_written(monthly_kpis[k], scenario)) continue;
    output::Breakdown b{std::string(monthly_kpis[k].name), std::string(monthly_kpis[k].units), std::string(monthly_kpis[k].description), {}};
    for (const auto& r : results) b.values.insert(b.values.end(), r.monthly[k].begin(), r.monthly[k].end());
    monthly.tables.push_back(std::move(b));
  }
  record.table_groups.push_back(std::move(monthly));
  // /travel/<table> [replication × locality + "all localities"] (README "Reconfiguration options"); absent without routing.
  if (scenario.routing) {
    output::TableGroup travel{"travel", record.locality_names, {}};
    travel.labels.emplace_back("all localities");
    const auto& tables = scenario::travel_catalogue();
    for (std::size_t k = 0; k < tables.size(); ++k) {
      output::Breakdown b{std::string(tables[k].name), std::string(tables[k].units), std::string(tables[k].description), {}};
      for (const auto& r : results) b.values.insert(b.values.end(), r.travel.tables[k].begin(), r.travel.tables[k].end());
      travel.tables.push_back(std::move(b));
    }
    record.table_groups.push_back(std::move(travel));
  }
  // /schemes and /qipp (README "Schemes and QIPP risk"); absent without schemes.
  if (scenario.schemes) add_scheme_datasets(record, scenario, results, analyse_schemes(scenario, results));
  return record;
}

}  // namespace pfsim::run
