#pragma once
// A small, fully populated RunRecord for the output tests and write_sample_results: every part of the layout
// has data, including UTF-8 text and an extra dataset, so a round trip exercises all of it.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "pfsim/output/run_record.hpp"

namespace pfsim::output::testing {

inline RunRecord sample_record(std::size_t replications = 20, std::size_t days = 40) {
  std::mt19937_64 rng(20190401);
  // Uniform [0, 1) from the top 53 bits: the same on every standard library, unlike std::uniform_real_distribution.
  const auto uniform = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };

  RunRecord r;
  r.pfsim_version = "0.1.0";
  r.scenario_name = "South East Essex 2019/20 baseline";
  r.start_date = "2019-04-01";
  r.created = "2024-01-01T00:00:00Z";
  r.seed = 20190401;
  r.replications = static_cast<std::int64_t>(replications);
  r.warmup_days = 60;
  r.days = static_cast<std::int64_t>(days);
  r.extra_meta = {{"command_line", "pfsim run baseline.yaml -r 20"}, {"host", "ci"}};
  r.scenario_yaml = "pfsim: 1\nname: South East Essex 2019/20 baseline\nschemes: {savings: \"£1.2m\"}\n";

  Kpi attendances{"ae_attendances", "attendances", "A&E arrivals after warm-up", {}};
  Kpi four_hour{"ae_4h_pct", "%", "attendances leaving A&E within 240 min", {}};
  Kpi delays{"dtoc_daily_delays", "patients", "mean patients delayed at midnight", {}};
  for (std::size_t i = 0; i < replications; ++i) {
    attendances.per_replication.push_back(std::round(100000 + 3000 * uniform()));
    four_hour.per_replication.push_back(85 + 5 * uniform());
    delays.per_replication.push_back(30 + 10 * uniform());
  }
  r.kpis = {attendances, four_hour, delays};

  DailySeries occupancy{"bed_occupancy", "beds", "occupied acute beds at midnight", replications, days, {}};
  DailySeries opel{"opel_level", "level", "OPEL escalation level 1-4", replications, days, {}};
  for (std::size_t i = 0; i < replications * days; ++i) {
    occupancy.values.push_back(static_cast<float>(600 + 40 * uniform()));
    opel.values.push_back(static_cast<float>(1 + static_cast<int>(4 * uniform())));
  }
  r.daily = {occupancy, opel};

  r.site_names = {"Southend", "Basildon"};
  r.locality_names = {"West Central", "Castle Point", "Rochford"};
  Breakdown site_occupancy{"bed_occupancy_pct", "%", "time-average occupied / available acute beds", {}};
  for (std::size_t i = 0; i < replications * r.site_names.size(); ++i) site_occupancy.values.push_back(90 + 8 * uniform());
  Breakdown nea{"nea_per_100k", "admissions per 100k", "emergency admissions per year per 100k", {}};
  for (std::size_t i = 0; i < replications * r.locality_names.size(); ++i) nea.values.push_back(9000 + 900 * uniform());
  r.by_site = {site_occupancy};
  r.by_locality = {nea};

  std::vector<double> savings, delivery;
  for (std::size_t i = 0; i < replications; ++i) {
    savings.push_back(1.2e6 * uniform());
    delivery.push_back(uniform());
  }
  TableGroup monthly{"monthly", {"2019-12", "2020-01", "2020-02"}, {}};
  Breakdown monthly_4h{"ae_4h_pct", "%", "4-hour performance of the month's arrivals", {}};
  Breakdown monthly_opel{"opel4_days", "site-days", "days at OPEL 4 in the month", {}};
  for (std::size_t i = 0; i < replications * monthly.labels.size(); ++i) {
    monthly_4h.values.push_back(80 + 15 * uniform());
    monthly_opel.values.push_back(std::floor(10 * uniform()));
  }
  monthly.tables = {monthly_4h, monthly_opel};
  r.table_groups = {monthly, TableGroup{"by_scheme", {"a"}, {}}};

  r.extra_datasets = {{"/schemes/savings_gbp", savings}, {"/schemes/delivery_mean", delivery}, {"/ranks", {0.0, 1.0}}};
  return r;
}

}  // namespace pfsim::output::testing
